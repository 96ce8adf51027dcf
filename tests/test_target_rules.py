"""Tone toward a named target: the rules of issue 18's fourth round, one by one.

Every sentence below was written for this file (no development-set sentence).
Each test checks one rule and, where a wrong reading is close at hand, the
case the rule must leave alone: judgements of persons, a standing in a
contest, what apologising and denying presuppose of their doer, attacks as
the source's own act, unrated forms of stance verbs, naming as speech, paired
dashes, verbs of talking about a topic, and the roles list's checks.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.errors import DictionaryError
from helpers.sentiment import TargetSpec, score_row, score_target_row
from helpers.sentiment.clauses import clause_breaks, without_paired_dashes
from helpers.sentiment.roles import RoleLexicon
from helpers.text import tokenize


def tone(text: str, target: str):
    """The target's (score, label, evidence) in one sentence."""
    row = score_target_row(text, tokenize(text), None, TargetSpec(target))
    return row["target_sentiment"], row["target_label"], row["target_evidence"]


def label(text: str, target: str) -> str:
    return tone(text, target)[1]


def sentence(text: str) -> float:
    return score_row(text, tokenize(text))["sentiment"]


# -- judgements of persons ------------------------------------------------------------------


def test_a_judgement_of_a_person_counts_for_the_target_not_for_the_sentence():
    text = "The seasoned diplomat arrived in Vienna."
    assert sentence(text) == 0  # the sentence score does not read the judgements
    score, lab, evidence = tone(text, "diplomat")
    assert lab == "positive" and "seasoned" in evidence and "a judgement of a person" in evidence
    assert label("The embattled prime minister arrived in Vienna.", "prime minister") == "negative"


def test_a_negated_judgement_is_reversed_as_vader_reverses_a_rated_word():
    score, lab, evidence = tone("The new envoy is not qualified for the post.", "envoy")
    assert lab == "negative" and "negated" in evidence
    # "not only" adds, it does not deny.
    score, lab, evidence = tone("The junta is not only lawless but also venal.", "junta")
    assert lab == "negative" and "negated" not in evidence


def test_a_lead_is_a_standing_for_its_holder_and_against_the_one_it_is_over():
    text = "Macron holds a ten-point lead over Le Pen."
    assert label(text, "Macron") == "positive"
    assert label(text, "Le Pen") == "negative"
    # "lead to" names a cause, and "lead-up" is another word: no standing in either.
    for text in ("Ankara's proposal could lead to new elections.",
                 "Moscow's conduct in the lead-up to the vote."):  # fmt: skip
        score, lab, evidence = tone(text, text.split("'")[0])
        assert lab == "neutral" and "lead" not in evidence.split(":", 1)[1]


# -- what an act presupposes of its doer ------------------------------------------------------


def test_apologising_presupposes_a_fault_of_the_one_who_apologises():
    text = "Tokyo apologized to Seoul for the remarks."
    assert sentence(text) > 0  # VADER rates "apologized" +1.3
    score, lab, evidence = tone(text, "Tokyo")
    assert lab == "negative" and "admission, the target is its agent" in evidence
    assert label(text, "Seoul") == "neutral"  # the one apologised to is not judged by it
    # A presupposition survives negation: not apologising still presupposes the fault.
    assert label("Tokyo did not apologize for the remarks.", "Tokyo") == "negative"
    # Forms VADER does not rate count as well.
    assert label("The ministry acknowledged the report.", "ministry") == "negative"


def test_a_denial_presupposes_that_its_source_stands_accused():
    score, lab, evidence = tone("Beijing denied that it had hacked the servers.", "Beijing")
    assert lab == "negative" and "presupposes" in evidence and score > -0.35
    assert label("Beijing did not deny the reports.", "Beijing") == "negative"


# -- stance verbs: attacks, unrated forms, naming -----------------------------------------------


def test_an_attack_counts_for_its_source_and_formal_protest_does_not():
    blamed = "Ankara blamed Athens for the incident."
    score, lab, evidence = tone(blamed, "Ankara")
    assert lab == "negative" and "an attack of the source's own" in evidence
    assert label(blamed, "Athens") == "negative"
    criticized = "Ankara criticized Athens for the incident."
    assert label(criticized, "Ankara") == "neutral"
    assert label(criticized, "Athens") == "negative"


def test_stance_verbs_vader_does_not_rate_have_their_valence_from_the_roles_list():
    text = "The president lambasted the opposition."
    assert sentence(text) == 0  # VADER lacks "lambasted"
    score, lab, evidence = tone(text, "opposition")
    assert lab == "negative" and "valence -1.9 of the act" in evidence
    text = "Berlin congratulated Paris on the election."
    assert label(text, "Paris") == "positive"
    assert label(text, "Berlin") == "positive"  # a warm act of its own


def test_the_source_of_a_warm_name_shares_its_warmth_as_a_speaker_does():
    text = "Merkel called the agreement a great and historic success for Europe."
    assert sentence(text) >= 0.6
    score, lab, evidence = tone(text, "Merkel")
    assert lab == "positive" and "warm words of the source" in evidence
    # A cold name is tone toward the one named, not toward the one naming.
    assert label("Merkel called the plan a terrible failure.", "Merkel") == "neutral"


def test_the_one_who_talks_about_a_topic_is_not_judged_by_it():
    text = "The foreign minister spoke about the terrible famine in Yemen."
    score, lab, evidence = tone(text, "foreign minister")
    assert lab == "neutral" and "the source of 'spoke'" in evidence


# -- clauses: paired dashes --------------------------------------------------------------------


def test_a_pair_of_dashes_encloses_a_parenthetical_not_a_new_clause():
    text = "The envoy – a brave and honest negotiator – secured the release."
    score, lab, evidence = tone(text, "envoy")
    assert lab == "positive" and "brave" in evidence
    # One dash still cuts: what follows it is another clause.
    assert label("The envoy arrived – the talks were a disaster.", "envoy") == "neutral"


def test_without_paired_dashes_keeps_an_odd_dash_and_every_other_cut():
    # Three dashes: which two are a pair cannot be told, so every dash still cuts.
    norms = [t.norm for t in tokenize("A – b – c; d – e but f")]
    kept = without_paired_dashes(clause_breaks(norms), norms)
    assert [norms[k] for k, _ in kept] == ["–", "–", ";", "–", "but"]
    norms = [t.norm for t in tokenize("A – b – c; d but f")]
    assert [norms[k] for k, _ in without_paired_dashes(clause_breaks(norms), norms)] == [
        ";",
        "but",
    ]


# -- the roles list's checks -------------------------------------------------------------------


def test_the_roles_list_refuses_judgements_and_set_actions_without_a_valence():
    from helpers.lexicons import Dictionary

    judgement = Dictionary.from_patterns({"judgement": ["inept"]})
    with pytest.raises(DictionaryError, match="inept"):
        RoleLexicon(judgement)
    admission = Dictionary.from_patterns({"admission": ["apologized"]})
    admission.category_attrs["admission"].update(agent="set", patient="drop")
    with pytest.raises(DictionaryError, match="agent_valence"):
        RoleLexicon(admission)
    both = Dictionary.from_patterns({"harm": ["shelled"], "judgement": ["shelled"]})
    both.category_attrs["harm"].update(agent="keep", patient="drop")
    both.category_attrs["judgement"].update(valence=-1.0)
    with pytest.raises(DictionaryError, match="listed under"):
        RoleLexicon(both)


# -- roles: the reduced passive -----------------------------------------------------------------


def test_a_participle_with_its_agent_or_ground_next_is_passive_without_a_be_form():
    # Headlines and reduced relatives drop the be-form: the subject is still the patient.
    headline = "Tehran sanctioned over drone sales to Moscow."
    score, lab, evidence = tone(headline, "Tehran")
    assert lab == "negative" and "penalty, the target is its patient" in evidence
    ousted = "Finance minister ousted by ruling party."
    assert label(ousted, "Finance minister") == "negative"
    assert label(ousted, "ruling party") == "neutral"  # the one imposing a penalty
    # An active verb with its object keeps its agent.
    assert label("Russia annexed Crimea in 2014.", "Russia") == "negative"


def test_lead_is_a_standing_only_near_a_word_of_a_contest():
    # Guidance and office are not a standing: no judgement, whoever the target is.
    for text, target in (
        ("Following the West's lead, Japan revoked Russia's trade status.", "Russia"),
        ("Following the West's lead, Japan revoked Russia's trade status.", "Japan"),
        ("Kenya will lead the delegation to the summit in Addis Ababa.", "Kenya"),
    ):
        score, lab, evidence = tone(text, target)
        assert "a judgement of a person" not in evidence, (text, target, evidence)
    # A contest word within three tokens keeps it one.
    score, lab, evidence = tone("Sandu leads in the polls before Sunday's runoff.", "Sandu")
    assert lab == "positive" and "a judgement of a person" in evidence


def test_a_term_that_holds_a_judgement_word_is_no_judgement():
    # The EU's "qualified majority" says nothing of anyone's qualifications.
    text = "Hungary was outvoted by a qualified majority in the Council."
    assert "a judgement of a person" not in tone(text, "Hungary")[2]


# -- round 5: victims of misfortune, coordinated passives, inquiries, phrases ------------------


def test_the_one_who_dies_is_not_judged_by_the_death():
    text = "The former senator died on Tuesday in Boise."
    assert sentence(text) < 0  # VADER rates "died" -2.6
    score, lab, evidence = tone(text, "former senator")
    assert lab == "neutral" and "misfortune, the target is its agent" in evidence
    assert label("Officials announced the death of the mayor.", "mayor") == "neutral"
    assert label("The town learned of the mayor's death.", "mayor") == "neutral"
    # Must not fire: a doer's killing is still an act of harm ("murder" is a verb too).
    assert label("The rebels will murder the hostages.", "rebels") == "negative"


def test_coordinated_participles_share_their_auxiliary_and_subject():
    text = "The envoy was shot and killed by a gunman."
    score, lab, evidence = tone(text, "envoy")
    assert lab == "neutral" and "harm, the target is its patient" in evidence
    assert label(text, "gunman") == "negative"
    assert label("Russia invaded and annexed the peninsula.", "Russia") == "negative"
    # Must not fire: an adjective before "and" is no participle ("angry and attacked").
    score, lab, evidence = tone("The envoy was angry and attacked the press.", "envoy")
    assert lab == "negative" and "the target is its patient" not in evidence


def test_the_one_investigated_is_presented_under_suspicion():
    text = "Parliament opened an inquiry into the minister."
    assert sentence(text) == 0  # neither VADER nor the domain list rates "inquiry"
    score, lab, evidence = tone(text, "minister")
    assert lab == "negative" and "inquiry, the target is its patient" in evidence
    # Must not fire: the investigator is not judged by the act.
    assert label("The auditor investigated the ministry.", "auditor") == "neutral"
    assert label("The auditor investigated the ministry.", "ministry") == "negative"


def test_a_predicament_phrase_counts_for_its_subject_only():
    text = "The chancellor came under fire over the budget."
    score, lab, evidence = tone(text, "chancellor")
    assert lab == "negative" and "what 'under fire' says of its subject" in evidence
    # Its words count for nobody else ("fire" is no fire).
    score, lab, evidence = tone(text, "budget")
    assert lab == "neutral" and "part of 'under fire'" in evidence
    assert sentence(text) < 0  # the sentence score is unchanged: it reads "fire" as VADER does
    assert label("The governor, a Democrat, is under investigation.", "governor") == "negative"
    # Must not fire: the subject of another verb is not the phrase's subject.
    assert label("The chancellor said the budget was under pressure.", "chancellor") == "neutral"


def test_an_attack_idiom_and_an_anti_prefix_count_for_their_object():
    text = "The premier took a swipe at the opposition leader."
    assert sentence(text) == 0
    score, lab, evidence = tone(text, "opposition leader")
    assert lab == "negative" and "says of its object" in evidence
    assert label(text, "premier") == "neutral"
    assert label("Thousands joined anti-Corbyn rallies in London.", "Corbyn") == "negative"
    # Must not fire: "anti" before another word than the target.
    assert label("Corbyn spoke at an anti-war rally.", "Corbyn") == "neutral"


def test_discourse_markers_count_for_no_target():
    text = "To be sure, the minister has answered every question."
    assert sentence(text) > 0  # VADER reads "sure" +1.3
    score, lab, evidence = tone(text, "minister")
    assert lab == "neutral" and "part of 'To be sure'" in evidence
    text = "The court ruled with respect to the treaty."
    assert label(text, "court") == "neutral"
    # Must not fire: "sure" outside the marker still counts.
    assert label("The minister is sure of a great victory.", "minister") == "positive"


def test_phrases_are_found_in_order_without_overlap_and_final_ones_only_at_the_end():
    from helpers.sentiment.roles import role_lexicon
    from helpers.sentiment.target_phrases import find_phrases

    def found(text):
        norms = [t.norm for t in tokenize(text)]
        return [
            (" ".join(norms[s:e]), bearer)
            for s, e, _, bearer in find_phrases(norms, role_lexicon())
        ]

    text = "To be sure, the minister came under fire and must go!"
    assert found(text) == [
        ("to be sure", "none"),
        ("under fire", "subject"),
        ("must go", "subject"),
    ]
    # A "final" phrase goes on in the sentence: no match ("must go to Paris").
    assert found("The minister must go to Paris.") == []
    # The longest form at a token wins and its words start no other phrase.
    assert found("He has got to go.") == [("has got to go", "subject")]
    assert found("The premier took a swipe at the rival.") == [("took a swipe at", "object")]
    assert found("Talks in Vienna went on.") == []


def _phrases_by_reference(norms, forms):
    """Every listed form tried at every token, longest first: what find_phrases must find."""
    found, i, n = [], 0, len(norms)
    while i < n:
        for words, valence, bearer, final in sorted(forms, key=lambda f: -len(f[0])):
            end = i + len(words)
            if final and end < n and norms[end][:1].isalnum():
                continue
            if tuple(norms[i:end]) == words:
                found.append((i, end, valence, bearer))
                i = end
                break
        else:
            i += 1
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["to", "be", "sure", "go", "must", "fire", "under", ",", "x"]),
                max_size=12))  # fmt: skip
def test_phrases_are_the_reference_matches_whatever_the_tokens(norms):
    from helpers.lexicons import Dictionary
    from helpers.sentiment.roles import RoleLexicon
    from helpers.sentiment.target_phrases import find_phrases

    lexicon = Dictionary.from_patterns({"phrases": ["to be sure", "to be", "must go", "under fire",
                                                    "sure", "to go|be"]})  # fmt: skip
    for entry, final in zip(lexicon.entries, (False, False, True, False, False, True), strict=True):
        entry.attrs.update(bearer="subject", valence=-1.0, final=final)
    roles = RoleLexicon(lexicon)
    forms = [form for listed in roles.phrases.values() for form in listed]
    assert find_phrases(norms, roles) == _phrases_by_reference(norms, forms)


def _listed_pieces():
    """The roles list's words and whole phrases, and some words it does not list."""
    from helpers.sentiment.roles import role_lexicon

    roles = role_lexicon()
    words = {*roles.kind, *roles.judgement, *roles.word_valence}
    phrases = {form for forms in roles.phrases.values() for form, *_ in forms}
    plain = ["the", "minister", ",", "said", "according", "to", "-", "but", "fire", "sure"]
    return sorted((w,) for w in words) + sorted(phrases) + [(w,) for w in plain]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_listed_pieces()), max_size=6))
def test_a_sentence_settled_before_its_marks_is_one_its_marks_would_settle(pieces):
    from helpers.sentiment.roles import role_lexicon
    from helpers.sentiment.target_marks import marked, may_count, unrestorable

    roles = role_lexicon()
    norms = [word for piece in pieces for word in piece]
    if may_count(roles).isdisjoint(norms):
        verbs, _, _, judged, phrases = marked(norms, roles)
        assert not judged and not phrases and unrestorable(verbs, norms, roles)


def test_the_roles_list_refuses_a_phrase_without_a_valid_bearer():
    from helpers.lexicons import Dictionary

    phrases = Dictionary.from_patterns({"phrases": ["under fire"]})
    with pytest.raises(DictionaryError, match="bearer"):
        RoleLexicon(phrases)
    lexicon = Dictionary.from_patterns({"phrases": ["faced|faces calls"]})
    lexicon.entries[0].attrs.update(bearer="subject", valence=-1.3)
    forms = RoleLexicon(lexicon).phrases
    assert sorted(form for first in forms.values() for form, *_ in first) == [
        ("faced", "calls"),
        ("faces", "calls"),
    ]


def test_strong_judges_a_person_but_not_a_protest():
    text = "The senator is a strong candidate in the northern states."
    assert sentence(text) == 0  # the domain list neutralises "strong" (force of words)
    score, lab, evidence = tone(text, "senator")
    assert lab == "positive" and "strong" in evidence and "a judgement of a person" in evidence
    # Must not fire: the strength of a protest is not its source's.
    score, lab, evidence = tone("Tokyo lodged a strong protest with the embassy.", "Tokyo")
    assert "a judgement of a person" not in evidence


def test_a_demand_to_leave_office_counts_against_the_one_asked_to_leave():
    text = "Protesters called for the mayor to step down."
    score, lab, evidence = tone(text, "mayor")
    assert lab == "negative" and "what 'step down' says of its subject" in evidence
    assert label("The crowd chanted that the governor must go!", "governor") == "negative"
    # Must not fire: "must go" before its destination is no demand for removal.
    score, lab, evidence = tone("The governor must go to Brussels on Monday.", "governor")
    assert lab == "neutral" and "must go" not in evidence


def test_right_judges_a_choice_or_a_course_not_a_side_or_a_time():
    text = "The envoy made the right decision on the border."
    assert sentence(text) == 0  # VADER rates "wrong", not "right"
    score, lab, evidence = tone(text, "envoy")
    assert lab == "positive" and "right" in evidence
    # Must not fire: a political side, a time, a hyphenated compound.
    for text in ("The envoy met the far right in Vienna.", "The envoy left right after the talks.",
                 "The envoy met right-wing deputies."):  # fmt: skip
        assert "a judgement of a person" not in tone(text, "envoy")[2], text


def test_judgements_of_truthfulness_and_conduct_count_for_the_one_judged():
    text = "The spokesman incorrectly stated the figures."
    assert sentence(text) == 0  # VADER lacks "incorrectly"
    score, lab, evidence = tone(text, "spokesman")
    assert lab == "negative" and "incorrectly" in evidence
    assert label("The senator is toxic with voters.", "senator") == "negative"
    # Must not fire: a toxic substance is no judgement of anyone.
    score, lab, evidence = tone("The factory released toxic waste into the river.", "factory")
    assert "a judgement of a person" not in evidence


def test_a_faint_word_counts_for_the_sentence_but_not_for_a_target():
    text = "The minister raised a number of points."
    assert sentence(text) > 0.05  # VADER rates "number" +0.3: the sentence reads positive
    score, lab, evidence = tone(text, "minister")
    assert lab == "neutral" and "number" not in evidence
    # Must not fire: a word rated half a point or more still counts.
    assert label("The minister raised a number of good points.", "minister") == "positive"


def test_engaged_in_is_taking_part_not_the_betrothal_vader_rates():
    text = "The agency engaged in talks with the union."
    assert sentence(text) > 0  # VADER rates "engaged" +1.7
    score, lab, evidence = tone(text, "agency")
    assert lab == "neutral" and "part of 'engaged in'" in evidence
    # Must not fire: "engaged" without "in" keeps its rating.
    assert label("The envoy is deeply engaged.", "envoy") == "positive"


def test_a_battle_is_valued_by_its_object_not_by_those_named_near_it():
    text = "Ruiz met Ortega during the primary battle."
    assert sentence(text) < 0  # VADER rates "battle" -1.2
    score, lab, evidence = tone(text, "Ortega")
    assert lab == "neutral" and "struggle, valued by its object" in evidence
    # Must not fire on the doer and the one fought: a reversing act as before.
    assert label("Lopez fought corruption in the ministry.", "Lopez") == "positive"
    assert label("The army fought the rebels near the border.", "rebels") == "negative"


def test_a_lead_on_someone_is_a_lead_over_them():
    assert label("Macron holds a ten-point lead on Le Pen.", "Le Pen") == "negative"
    # Must not fire: a name farther after "on" is not the one the lead is over.
    text = "Macron holds a ten-point lead on the question of Le Pen's pension plan."
    assert label(text, "Le Pen") != "negative"


# -- AFINN's words that VADER lacks (round 6) ------------------------------------------------


def test_an_afinn_word_vader_lacks_counts_for_the_target_not_for_the_sentence():
    text = "The governor was corrupted."
    assert sentence(text) == 0  # VADER has no "corrupted"; the sentence score ignores AFINN
    score, lab, evidence = tone(text, "governor")
    assert lab == "negative" and "corrupted (AFINN)" in evidence
    # VADER's rules apply to it as to any rated word: negation turns it round.
    score, lab, evidence = tone("The governor was not corrupted.", "governor")
    assert lab == "positive" and "corrupted (AFINN)" in evidence


def test_the_roles_list_decides_the_words_it_lists_not_afinn():
    # "inept" is a judgement of the roles list: its placed valence, not AFINN's.
    score, lab, evidence = tone("The governor was inept.", "governor")
    assert lab == "negative" and "a judgement of a person" in evidence and "AFINN" not in evidence
    # "toxic" judges a person, but not before "chemicals" (the roles list's condition), which
    # AFINN's rating of "toxic" (-3) must not undo.
    score, lab, evidence = tone("The mayor inspected the toxic chemicals.", "mayor")
    assert lab == "neutral" and "AFINN" not in evidence, evidence


def test_afinn_words_that_name_rather_than_judge_stay_unrated():
    # AFINN rates "leading" +2 and "resolution" +2; in news they place and name.
    for text, target in (
        ("The leading candidate spoke in Paris.", "candidate"),
        ("The council adopted a resolution on Yemen.", "council"),
    ):
        score, lab, evidence = tone(text, target)
        assert lab == "neutral" and "AFINN" not in evidence, evidence
    # A phrase the domain list neutralises stays neutral ("crimes" is AFINN -3).
    score, lab, evidence = tone("The war crimes tribunal met in The Hague.", "tribunal")
    assert lab == "neutral" and "AFINN" not in evidence


def test_an_edited_exclusions_file_is_read_by_the_next_call(tmp_path, monkeypatch):
    from helpers.sentiment import supplement

    assert "corrupted" in supplement.supplement_lexicon()
    path = tmp_path / "supplement.yml"
    path.write_text("categories:\n  not_evaluative:\n    - corrupted\n", encoding="utf-8")
    monkeypatch.setattr(supplement, "EXCLUSIONS", str(path))
    assert "corrupted" not in supplement.supplement_lexicon()
    assert supplement.supplement_lexicon()["untrue"] == -1.6
