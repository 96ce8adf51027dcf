"""Who speaks: speaker phrases, their actors and types, and what an article carries (issue 15)."""

from __future__ import annotations

import pytest

from helpers.diplomacy import COLUMNS, attributions, score_row
from helpers.diplomacy.speakers import SPEAKER_TYPES
from helpers.text import segment, tokenize


def speakers(text: str, columns=("speaker_id", "speaker_text", "speaker_type")) -> list:
    """One row per attribution (in the table's order) of the given columns."""
    table = attributions(segment(text))
    return table[list(columns)].values.tolist()


def first(text: str) -> tuple[str, str, str]:
    """``(speaker_id, speaker_text, speaker_type)`` of the text's speaker, as ``score`` picks it."""
    out = score_row(text, tokenize(text))
    if out["speaker"]:
        table = attributions(segment(text))
        ids = table[table["speaker"] == out["speaker"]]["speaker_id"]
        return ids.iloc[0], out["speaker_text"], out["speaker_type"]
    return "", out["speaker_text"], out["speaker_type"]


# -- where the speaker stands -----------------------------------------------------------------
def test_speaker_before_the_verb_and_after_it():
    assert first("The Kremlin said the talks were over.") == ("RUS", "The Kremlin", "government")
    assert first('"The talks are over," said Sergei Lavrov.')[:2] == ("RUS", "Sergei Lavrov")


def test_inverted_said_name_with_apposition_takes_the_possessor():
    text = '"These duties are not justified," said Olof Gill, the European Commission\'s spokesman.'
    assert first(text) == ("EU", "Olof Gill", "igo")
    # "ambassador to the UN": the UN is where the ambassador serves, not whose.
    text = '"This veto is a disgrace," said Barbara Woodward, Britain\'s ambassador to the UN.'
    assert first(text) == ("GBR", "Barbara Woodward", "government")


def test_apposition_and_relative_clause_between_subject_and_verb():
    text = "Dmitry Polyanskiy, Russia's deputy ambassador, rejected the criticism."
    assert first(text) == ("RUS", "Dmitry Polyanskiy", "government")
    text = (
        "Malaysia's prime minister, Anwar Ibrahim, who chaired the meeting, told reporters "
        "that patience was wearing thin."
    )
    assert first(text) == ("MYS", "Anwar Ibrahim", "government")
    # What the relative clause names is not the speaker.
    text = "Mali's military government, which expelled French troops in 2022, said it was not told."
    assert first(text)[0] == "MLI"


def test_a_spokesman_for_a_ministry_in_an_apposition_speaks_for_its_state_in_a_row_alone():
    # The apposition's ministry is two readings deep (name -> apposition -> "for" phrase):
    # a phrase that is one mention still gives its actor there, without the article's memory.
    for text in (
        "Lin Jian, a spokesman for China's foreign ministry, warned that the plan would fail.",
        "A spokesman for China's foreign ministry, Lin Jian, warned that the plan would fail.",
    ):
        row = score_row(text, tokenize(text))
        assert (row["speaker"], row["speaker_text"]) == ("China", "Lin Jian")
        assert first(text)[:2] == ("CHN", "Lin Jian")  # the article reads it the same


def test_a_title_whose_words_name_another_kind_is_not_a_government():
    text = "Opposition leader Matthew Wale accused the prime minister of lying."
    row = score_row(text, tokenize(text))
    assert (row["speaker"], row["speaker_type"]) == ("", "person")  # OPP in agents.yml
    # In an article, the state named before does not make him its government.
    article = "Australia welcomed the review.\n\n" + text
    assert speakers(article, ("speaker", "speaker_type"))[-1] == ["", "person"]
    # Must not fire: a title of no named country is still a government's.
    text = "Prime Minister Jeremiah Manele told parliament the review would go ahead."
    assert score_row(text, tokenize(text))["speaker_type"] == "government"


def test_according_to_and_a_documents_author():
    assert first("According to UN officials, few convoys got through.") == (
        "UN",
        "UN officials",
        "igo",
    )
    text = "It still holds four hostages, according to a count by the news agency AFP."
    assert first(text)[2] == "media"


def test_possessor_spokesman_said():
    text = "Russia's foreign ministry spokeswoman said the deal showed Washington's aims."
    assert first(text) == ("RUS", "Russia's foreign ministry spokeswoman", "government")
    text = "China's envoy, Fu Cong, said Beijing had abstained."
    assert first(text) == ("CHN", "Fu Cong", "government")


def test_a_verb_after_and_shares_the_subject_of_the_verb_before():
    text = (
        "Iran's foreign ministry spokesman, Esmaeil Baghaei, condemned the sanctions as "
        '"illegal and inhumane" and said Tehran reserved the right to respond.'
    )
    table = attributions(segment(text))
    said = table[table["verb"] == "said"].iloc[0]
    assert (said.speaker_id, said.speaker_text) == ("IRN", "Esmaeil Baghaei")
    assert said.speaker_rule.startswith("subject shared with the verb before 'and'")


def test_participle_takes_the_subject_of_the_clause_before():
    text = "On Tuesday, Japan reacted as expected, declaring the end of talks unacceptable."
    table = attributions(segment(text))
    assert table[table["verb"] == "declaring"]["speaker_id"].tolist() == ["JPN"]


# -- never a fragment ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Protesters complained about attacks on civilians and said nothing changed.",
        "Germany voted against the tariffs and said it would appeal.",
        "He said he will pull out of the agreement, said the report.",
        "Mr. Sessions has vehemently denied making the remarks.",
    ],
)
def test_a_clause_fragment_is_never_a_speaker(text):
    for speaker_text in attributions(segment(text))["speaker_text"]:
        words = speaker_text.split()
        assert not words or words[-1] not in {"and", "vehemently", "will", "of", "on"}, text
    # The second verb of "... and said" has the first verb's subject, not the words between.
    assert "about attacks on civilians and" not in set(attributions(segment(text))["speaker_text"])


def test_no_speaker_says_why():
    table = attributions(segment("Every day of delay costs lives, it is said."))
    for row in table.itertuples():
        if not row.speaker_text:
            assert row.speaker_rule
    table = attributions(segment("The wave of closures and layoffs said much about the economy."))
    empty = table[table["speaker_text"] == ""]
    assert (empty["speaker_rule"].str.contains("no name, role or institution")).all()


# -- types ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Human Rights Watch said the council had failed.", "ngo"),
        (
            "The Global Times, a newspaper in Beijing, warned in an editorial that trade would suffer.",
            "media",
        ),
        ("The Rapid Support Forces said they were open to a ceasefire.", "armed_group"),
        ("Lockheed Martin said the first aircraft could be delivered soon.", "company"),
        ("Officials said the vote was delayed.", "anonymous"),
        (
            "A senior Western diplomat, who asked not to be named, said the text would change.",
            "anonymous",
        ),
        ("Sources familiar with the talks said a deal was near.", "anonymous"),
        ("Residents of the town said they had heard gunfire.", "person"),
        ('Former president Alvaro Uribe called the deal "a prize for criminals".', "person"),
        ("Colombian rebels said they would respect the truce.", "armed_group"),
        ("Moldovan police said they had raided 250 addresses.", "government"),
    ],
)
def test_speaker_types(text, kind):
    assert kind in SPEAKER_TYPES
    assert first(text)[2] == kind, text


def test_anonymous_and_private_sources_speak_for_no_state():
    # Tied to a state by an adjective, but one unnamed official is an anonymous source.
    assert first("A European official involved in the talks said the timing was bad.")[0] == ""
    assert first("Iranian officials said the drones were old.") == (
        "IRN",
        "Iranian officials",
        "government",
    )
    # Rebels of a country are that country's rebels, not its government.
    assert first("Colombian rebels said they would respect the truce.")[0] == ""


# -- what an article carries ------------------------------------------------------------------
ARTICLE = (
    "Dmitry Polyanskiy, Russia's deputy ambassador, rejected the criticism. He told the council "
    "that the draft was one-sided. Polyanskiy said Moscow would support a balanced text.\n\n"
    '"This veto is a disgrace," said Barbara Woodward, Britain\'s ambassador. "Russia has once '
    'again chosen to stand between the people and the help they need."\n\n'
    "China's commerce ministry imposed duties on pork. A commerce ministry spokesperson told a "
    "briefing the EU had left no choice. The spokesperson said talks could resume.\n\n"
    "He added that nothing had changed."
)


def test_pronouns_short_forms_and_people_are_carried_within_the_article():
    table = attributions(segment(ARTICLE)).sort_values("verb_start", kind="stable")
    by_text = {}
    for row in table.itertuples():
        by_text.setdefault(row.speaker_text, row)
    assert by_text["He"].speaker_id == "RUS"
    assert "pronoun carried from" in by_text["He"].speaker_rule
    assert by_text["Polyanskiy"].speaker_id == "RUS"
    assert by_text["A commerce ministry spokesperson"].speaker_id == "CHN"
    assert by_text["The spokesperson"].speaker_id == "CHN"
    # A pronoun reaches back within its paragraph only.
    last = table[table["content"].str.contains("nothing had changed")].iloc[0]
    assert (last.speaker_id, last.speaker_text) == ("", "He")
    assert "no antecedent in the paragraph" in last.speaker_rule


def test_one_of_them_is_a_member_of_the_group_that_spoke_last():
    text = (
        "Analysts at the International Crisis Group said the row could spread. "
        '"Everyone wants a foothold on the Red Sea," one of them said.'
    )
    table = attributions(segment(text))
    row = table[table["speaker_text"] == "one of them"].iloc[0]
    assert (row.speaker_id, row.speaker_type) == ("CRISIS_GROUP", "ngo")
    assert row.speaker_rule.endswith("one of 'Analysts at the International Crisis Group'")


def test_a_participle_after_the_main_clause_takes_its_subject_not_a_fronted_phrase():
    text = (
        "Speaking in Jerusalem, Japan's prime minister called on the kidnappers to release "
        'the hostages, saying that "their lives are the top priority."'
    )
    table = attributions(segment(text))
    saying = table[table["verb"] == "saying"].iloc[0]
    assert saying.speaker_id == "JPN"
    assert saying.speaker_rule.startswith("participle takes the main subject")


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("Analysts in Beijing said the move was symbolic.", "", "anonymous"),
        ("Russian experts said the sanctions would bite.", "", "anonymous"),
        ("Officials in Ankara said the talks would resume.", "TUR", "government"),
    ],
)
def test_analysts_and_experts_in_a_capital_do_not_speak_for_its_state(text, speaker, kind):
    row = attributions(segment(text)).iloc[0]
    assert (row.speaker_id, row.speaker_type) == (speaker, kind)


def test_a_quotation_continues_across_sentences_in_a_paragraph():
    table = attributions(segment(ARTICLE))
    continued = table[table["content"].str.contains("once again chosen")].iloc[0]
    assert (continued.speaker_id, continued.speaker_text) == ("GBR", "Barbara Woodward")
    assert continued.speaker_rule.startswith("continues the quotation")


def test_a_row_scored_alone_has_no_antecedents():
    out = score_row(
        "He told the council the draft was one-sided.", tokenize("He told the council.")
    )
    assert (out["speaker"], out["speaker_text"]) == ("", "He")
    assert "no antecedent" in out["speaker_rule"]


# -- the score columns ------------------------------------------------------------------------
def test_score_columns_speaker_text_type_and_rule_beside_speaker():
    at = COLUMNS.index("speaker")
    assert COLUMNS[at : at + 4] == ("speaker", "speaker_text", "speaker_type", "speaker_rule")
    text = "Dmitry Polyanskiy, Russia's deputy ambassador, said the draft ignored Sudan."
    out = score_row(text, tokenize(text))
    assert out["speaker"] == "Russia"
    assert out["speaker_text"] == "Dmitry Polyanskiy"
    assert out["speaker_type"] == "government"
    assert out["speaker_rule"].startswith("subject: apposition")
    text = "Sources familiar with the talks said a deal was near."
    out = score_row(text, tokenize(text))
    assert (out["speaker"], out["speaker_type"]) == ("", "anonymous")


def test_the_units_speaker_is_the_first_resolved_one_by_verb():
    text = "Cai Run told reporters that the door remains open, according to the agency Xinhua."
    out = score_row(text, tokenize(text))
    assert out["speaker_text"] == "Cai Run"
