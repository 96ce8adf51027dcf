"""Tone toward a named target: the method on sentences written here, and `score --target-column`.

Every sentence below was written for this file (no development-set or
codebook sentence). The method's rules are checked one by one (quotation,
circumstance, source of speech, clause, the roles of an act), then the
command's options, offsets and errors.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.cli import main
from helpers.errors import DictionaryError, InputError
from helpers.score import score_file, score_texts
from helpers.sentiment import (
    TARGET_COLUMNS,
    TargetColumns,
    TargetSpec,
    engine,
    locate_target,
    score_row,
    score_target_row,
)
from helpers.sentiment.clauses import clause_bounds, clause_spans
from helpers.sentiment.domain import domain_lexicon
from helpers.sentiment.roles import RoleLexicon, relation
from helpers.sentiment.target import NEGATIVITY_WEIGHT, target_tone
from helpers.text import tokenize


def tone(text: str, target: str):
    """The target's (score, label, evidence) in one sentence."""
    row = score_target_row(text, tokenize(text), None, TargetSpec(target))
    return row["target_sentiment"], row["target_label"], row["target_evidence"]


def label(text: str, target: str) -> str:
    return tone(text, target)[1]


# -- roles of an act: agent and patient -------------------------------------------------


def test_the_doer_of_harm_is_negative_and_its_victim_is_not():
    text = "Russia attacked Ukraine."
    assert label(text, "Russia") == "negative"
    assert label(text, "Ukraine") == "neutral"
    assert "not counted (harm, the target is its patient)" in tone(text, "Ukraine")[2]


def test_the_passive_voice_keeps_agent_and_patient_apart():
    text = "Ukraine was attacked by Russia."
    assert label(text, "Russia") == "negative"
    assert label(text, "Ukraine") == "neutral"


def test_a_stance_toward_a_counterpart_is_not_tone_toward_its_source():
    text = "Japan condemned Russia's decision."
    assert score_row(text, tokenize(text))["sentiment"] < 0  # the sentence is negative
    assert label(text, "Russia") == "negative"
    assert label(text, "Japan") == "neutral"


def test_a_penalty_marks_the_penalised_not_the_one_who_imposes_it():
    text = "The European Union sanctioned Russia."
    assert label(text, "Russia") == "negative"
    assert label(text, "European Union") == "neutral"


def test_reversing_a_bad_thing_is_good_for_the_one_who_does_it():
    score, lab, evidence = tone("The mayor fought corruption.", "mayor")
    assert lab == "positive" and "reversed by 'fought'" in evidence
    # "for" names what the act supports: kept as it is, not reversed.
    assert label("The mayor fought for the good of the city.", "mayor") == "positive"


def test_the_winner_of_a_contest_is_positive_and_the_loser_negative():
    text = "Lopez defeated Ramos in the runoff."
    assert label(text, "Lopez") == "positive"
    assert label(text, "Ramos") == "negative"


def test_relation_reads_word_order_and_voice():
    toks = tokenize("The envoy, a veteran diplomat, strongly criticized the plan.")
    verb = [t.text for t in toks].index("criticized")
    assert relation(toks, 1, 2, verb) == "agent"  # past the apposition and the adverb
    toks = tokenize("Oslo was praised by the envoy.")
    assert relation(toks, 0, 1, 2) == "patient"
    assert relation(toks, 5, 6, 2) == "agent"


# -- the scope: quotation, circumstance, source, clause --------------------------------------


def test_the_source_of_speech_is_not_judged_by_what_it_says():
    score, lab, evidence = tone('"The talks failed miserably," Lavrov said.', "Lavrov")
    assert lab == "neutral" and "the source of 'said'" in evidence
    assert label("Lavrov, the foreign minister, said the talks had failed.", "Lavrov") == "neutral"
    # The writer's own words about the source count: its apposition, its manner.
    assert label("Lavrov, the weary minister, said the talks had failed.", "Lavrov") == "negative"
    assert label("The talks failed, according to Russian officials.", "Russian officials") == (
        "neutral"
    )


def test_what_the_source_says_about_a_target_is_tone_toward_it():
    assert label("Lavrov said Japan had lied about the islands.", "Japan") == "negative"


def test_the_addressee_of_speech_is_not_judged_by_what_it_hears():
    assert label("Lavrov told Kamikawa that the talks had failed.", "Kamikawa") == "neutral"


def test_a_target_inside_a_quotation_gets_the_quotation_s_tone():
    text = 'The minister called the plan "a wonderful gift from Tokyo" in a tense session.'
    score, lab, evidence = tone(text, "Tokyo")
    assert lab == "positive" and "inside a quotation" in evidence


def test_places_and_times_are_circumstances():
    text = "Talks in Geneva collapsed in a bitter row on Friday."
    assert label(text, "Geneva") == "neutral"
    assert label(text, "Friday") == "neutral"
    assert score_row(text, tokenize(text))["sentiment"] < 0


def test_each_actor_gets_the_tone_of_its_own_clause():
    text = "Japan made a terrible mistake, but Russia gave an excellent answer."
    assert label(text, "Japan") == "negative"
    assert label(text, "Russia") == "positive"
    # Protesting or welcoming is a stance toward a counterpart (see above); a warm
    # act (welcoming) counts for its source, what it welcomes does not.
    text = "Japan protested angrily, but Russia welcomed the excellent plan."
    assert label(text, "Japan") == "neutral"
    score, lab, evidence = tone(text, "Russia")
    assert lab == "positive" and "welcomed" in evidence and "excellent" not in evidence


def test_a_reported_denial_is_tone_toward_what_is_denied_not_the_writer_s():
    text = "Russia denied the allegations."
    row = score_row(text, tokenize(text))
    assert row["sentiment"] > row["sentiment_raw"]  # 'denied' is Russia's act, not the writer's
    # What is denied is not tone toward Russia; only what the denial presupposes
    # of its source (that it stands accused) is, a small negative (round 4).
    score, lab, evidence = tone(text, "Russia")
    assert "allegations" not in evidence and "presupposes" in evidence
    assert -0.35 < score < 0
    assert label("Russia denied Japan's claims.", "Japan") == "negative"


def test_negative_words_weigh_more_for_a_target():
    score, lab, evidence = tone("The deal with Chile is bad.", "Chile")
    bad = engine().lexicon["bad"]
    assert evidence.endswith(f"bad {bad * NEGATIVITY_WEIGHT:+.2f}")
    assert score == round(engine().normalize(bad * NEGATIVITY_WEIGHT), 4)


# -- finding the target ---------------------------------------------------------------------


def test_the_first_occurrence_is_the_target():
    text = "Chile praised Peru, and Peru thanked Chile warmly."
    start, end = locate_target(text, tokenize(text), "peru")  # any case
    assert (start, end) == (text.index("Peru"), text.index("Peru") + 4)
    assert locate_target(text, tokenize(text), "Bolivia") is None


def test_a_metonym_stands_for_its_state():
    text = "The Kremlin rejected the plan, and Moscow will not sign it."
    start, end = locate_target(text, tokenize(text), "Russia")
    assert text[start:end] == "Kremlin"  # the first of the actor's forms
    text = "Officials in Moscow called the proposal a disgrace."
    start, end = locate_target(text, tokenize(text), "Russia")
    assert text[start:end] == "Moscow"
    assert "'Moscow'" in tone(text, "Russia")[2]  # the evidence names the mention found


def test_the_target_s_own_words_come_before_its_actor_s_other_forms():
    # What a row names is the mention meant, even after another form of its actor.
    text = "India said the water talks in New Delhi had failed."
    start, end = locate_target(text, tokenize(text), "New Delhi")
    assert text[start:end] == "New Delhi"
    text = "The Kremlin rejected the plan, and Russia will not sign it."
    start, end = locate_target(text, tokenize(text), "Russia")
    assert text[start:end] == "Russia"


def test_offsets_decide_when_given():
    text = "Peru praised Peru's neighbour."
    row = score_target_row(text, tokenize(text), None, TargetSpec("Peru", 13, 17))
    assert row["target_evidence"].startswith("'Peru' as")
    with pytest.raises(InputError, match="outside the text"):
        locate_target(text, tokenize(text), "", 10, 99)
    with pytest.raises(InputError, match="whole numbers"):
        locate_target(text, tokenize(text), "", "a", 3)


def test_a_target_not_in_the_text_has_no_tone():
    text = "Talks went well."
    row = score_target_row(text, tokenize(text), None, TargetSpec("Chile"))
    assert row["target_sentiment"] == "" and row["target_label"] == ""
    assert row["target_evidence"] == "target not found in the text"


# -- the sentence score is unchanged by asking for a target ---------------------------------

WORDS = ["Russia", "Japan", "attacked", "praised", "said", "good", "bad", "not", "very", "but",
         "the", "talks", "in", "Geneva", ",", "“", "”", "!", "denied", "allegations", "sanctions",
         "fought", "corruption", "was", "by", "well-known", "didn’t"]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.sampled_from(WORDS))
def test_sentence_columns_are_score_row_s_and_word_positions_agree(words, target):
    text = " ".join(words)
    tokens = tokenize(text)
    row = score_target_row(text, tokens, None, TargetSpec(target))
    assert {c: row[c] for c in ("sentiment", "sentiment_raw", "pos", "neu", "neg")} == score_row(
        text, tokens
    )
    assert row["sentiment_raw"] == engine().polarity_scores(text)["compound"]
    # Reading without spans (the score path) finds the same words as with them.
    domain = domain_lexicon()
    span = locate_target(text, tokens, target)
    with_spans = engine().news_reading(text, tokens, domain, spans=True)
    without = engine().news_reading(text, tokens, domain, spans=False)
    assert target_tone(text, tokens, span, with_spans) == target_tone(text, tokens, span, without)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "but", "while", ";", ":", "—", ",", "x"]), min_size=1,
                max_size=12))  # fmt: skip
def test_clause_bounds_is_the_clause_of_clause_spans(words):
    tokens = tokenize(" ".join(words))
    norms = [t.norm for t in tokens]
    spans = clause_spans(tokens)
    for i in range(len(tokens)):
        assert clause_bounds(norms, i) == next((a, b) for a, b in spans if a <= i < b)


# -- the roles list is checked when it is read ------------------------------------------------


def test_the_roles_list_refuses_phrases_and_missing_actions():
    from helpers.lexicons import Dictionary

    phrase = Dictionary.from_patterns({"harm": ["shot down"]})
    phrase.category_attrs["harm"].update(agent="keep", patient="drop")
    with pytest.raises(DictionaryError, match="not one word"):
        RoleLexicon(phrase)
    missing = Dictionary.from_patterns({"harm": ["shot"]})
    with pytest.raises(DictionaryError, match="agent"):
        RoleLexicon(missing)


# -- the score command --------------------------------------------------------------------

TEXTS = [
    "Russia attacked Ukraine.",
    "The Kremlin made an excellent offer.",
    "Talks went well.",
]


def write(path, **columns):
    pd.DataFrame({"text": TEXTS, **columns}).to_csv(path, index=False)
    return path


def test_score_target_column_adds_the_three_columns(tmp_path):
    source = write(tmp_path / "in.csv", target=["Ukraine", "Russia", "Chile"])
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), "--analyses", "sentiment",
                 "--target-column", "target"]) == 0  # fmt: skip
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns)[-3:] == list(TARGET_COLUMNS)
    assert table["target_label"].tolist() == ["neutral", "positive", ""]
    assert table["target_sentiment"][2] == ""
    assert "'Kremlin'" in table["target_evidence"][1]
    # The sentence columns are those of score without a target.
    plain = score_texts(TEXTS, ("sentiment",))
    assert table["sentiment"].tolist() == plain["sentiment"].tolist()


def test_score_one_fixed_target_and_every_analysis(tmp_path):
    source = write(tmp_path / "in.csv")
    out = tmp_path / "out.jsonl"
    assert main(["score", str(source), "-o", str(out), "--target", "Russia"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["target_label"] for r in rows] == ["negative", "positive", ""]
    assert "frame_conflict" in rows[0] and "quad_class" in rows[0]


def test_score_offsets_columns(tmp_path):
    source = write(tmp_path / "in.csv", start=[16, 4, ""], end=[23, 11, ""])
    out = tmp_path / "out.csv"
    targets = TargetColumns(start_column="start", end_column="end")
    score_file(source, out, analyses=("sentiment",), targets=targets)
    table = pd.read_csv(out, keep_default_na=False)
    assert table["target_evidence"][0].startswith("'Ukraine' as")
    assert table["target_evidence"][1].startswith("'Kremlin' as")
    assert table["target_label"][2] == ""  # no offsets and no target text: none


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--target-column", "who"], "no column 'who'"),
        (["--target-column", "target", "--target", "Peru"], "not both"),
        (["--target-start-column", "start"], "go together"),
        (["--target", "Peru", "--unit", "document"], "per sentence"),
        (["--target", "Peru", "--analyses", "framing"], "needs the sentiment analysis"),
        (["--target-start-column", "start", "--target-end-column", "end"], "row 4"),
    ],
)
def test_score_refuses_bad_target_options_in_one_line(tmp_path, capsys, options, message):
    source = write(tmp_path / "in.csv", target=["a", "b", "c"], start=[0, 0, 5], end=[3, 2, 999])
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), *options]) == 2
    error = capsys.readouterr().err.strip()
    assert message in error and len(error.splitlines()) == 1
    assert not out.exists()


def test_score_texts_takes_targets_and_checks_them():
    table = score_texts(["Russia attacked Ukraine."], ("sentiment",), targets=["Russia"])
    assert table["target_label"].tolist() == ["negative"]
    with pytest.raises(InputError, match="sentiment analysis"):
        score_texts(["x"], ("framing",), targets=["x"])


def test_the_words_of_a_target_s_name_do_not_count_toward_it():
    # "Winner" and "Hope" are rated words, but as a name they say nothing about the bearer.
    assert label("Winner wrote a letter to the committee.", "Winner") == "neutral"
    assert label("Hope Hicks met the committee.", "Hope Hicks") == "neutral"
    # A lower-case word inside the target still describes it.
    assert label("The corrupt officials met the committee.", "The corrupt officials") == "negative"


def test_the_source_of_clearly_warm_words_shares_their_warmth():
    text = '"Mulvaney is the absolute best choice, a great and wonderful friend," said Ryan.'
    assert label(text, "Ryan") == "positive"
    assert "warm words of the source" in tone(text, "Ryan")[2]
    # Blame and mild words stay with the counterpart: the source is not judged by them.
    assert label('"Mulvaney is a terrible, awful liar," said Ryan.', "Ryan") == "neutral"
    assert label('"Mulvaney is a good choice," said Ryan.', "Ryan") == "neutral"
    # The addressee is not judged by what it hears, however warm.
    assert "warm words" not in tone(text, "Mulvaney")[2]


def test_the_source_of_a_name_is_not_judged_by_the_name_it_gives():
    text = "The senator called the governor a disgraceful liar."
    assert label(text, "senator") == "neutral"
    assert label(text, "governor") == "negative"
    # "called for" is the source's own demand, not a name given to a counterpart.
    score, lab, evidence = tone("The senator called for a brilliant new plan.", "senator")
    assert lab == "positive" and "its clause" in evidence


def test_lacking_a_good_thing_is_bad_for_the_one_who_lacks_it():
    score, lab, evidence = tone("The minister lacks courage.", "minister")
    assert lab == "negative" and "reversed by 'lacks'" in evidence


def test_words_far_from_the_target_in_its_clause_weigh_less():
    far = "Kim walked through the long narrow streets of the old northern harbour district to a wonderful view."
    near = "Kim walked to a wonderful view through the long narrow streets of the old northern harbour district."
    far_score, far_label, far_evidence = tone(far, "Kim")
    near_score, near_label, _ = tone(near, "Kim")
    assert far_label == near_label == "positive"
    assert 0 < far_score < near_score and "far from the target" in far_evidence


def test_a_warm_act_counts_for_its_source_and_a_hostile_one_does_not():
    score, lab, evidence = tone("The coach thanked the volunteers.", "coach")
    assert lab == "positive" and "warm act" in evidence
    assert label("The coach thanked the volunteers.", "volunteers") == "positive"
    # Criticism is the source's evaluation of its counterpart, not the writer's of the
    # source (an attack verb, "blamed", is another matter: test_target_rules.py).
    text = "The coach criticized the volunteers for the chaos."
    assert label(text, "coach") == "neutral"
    assert label(text, "volunteers") == "negative"


def test_the_subject_of_a_control_verb_does_the_infinitive_s_act():
    score, lab, evidence = tone("The mayor vowed to fight corruption.", "mayor")
    assert lab == "positive" and "reversed by 'fight'" in evidence
    # "refused to" denies the act: no agent of it.
    assert label("The mayor refused to fight corruption.", "mayor") == "negative"


def test_warning_of_something_is_a_stance_being_accused_of_it_is_not():
    assert label("The farmers warned of a terrible crisis.", "farmers") == "neutral"
    text = "The farmers, accused of a terrible crime, stayed home."
    assert label(text, "farmers") == "negative"


def test_claimed_instead_of_said_distances_the_writer_from_the_source():
    score, lab, evidence = tone("The senator claimed the report was accurate.", "senator")
    assert lab == "negative" and "distance" in evidence
    assert label("The senator said the report was accurate.", "senator") == "neutral"
    # What the source claims is still tone toward its topic.
    assert label("The senator claimed the governor had lied.", "governor") == "negative"


def test_a_sentence_repeated_on_the_next_row_is_read_once(monkeypatch):
    # A table of mentions has one row per target of a sentence: the rows of one sentence
    # share its reading, and score exactly as if each were scored alone.
    from helpers.sentiment.vader import VaderEngine

    first = "Japan condemned Russia's decision; China stayed silent."
    second = "Talks in Geneva failed."
    texts = [first, first, first, second, first]
    targets = [TargetSpec(t) for t in ("Japan", "Russia", "China", "Geneva", "Japan")]
    alone = [
        score_texts([t], ("sentiment",), targets=[s]).iloc[0]
        for t, s in zip(texts, targets, strict=True)
    ]
    read = []
    real = VaderEngine.news_readings
    monkeypatch.setattr(
        VaderEngine,
        "news_readings",
        lambda self, text, *a, **k: read.append(text) or real(self, text, *a, **k),
    )
    table = score_texts(texts, ("sentiment",), targets=targets)
    assert read == [first, second, first]  # only neighbours share: the last row is read again
    assert table["target_label"].tolist() == [
        "neutral",
        "negative",
        "neutral",
        "neutral",
        "neutral",
    ]
    for (_, row), single in zip(table.iterrows(), alone, strict=True):
        assert row.to_dict() == single.to_dict()
