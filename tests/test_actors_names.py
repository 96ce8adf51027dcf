"""Names are not words: one mechanism, every analysis (issue 15)."""

from __future__ import annotations

import pytest

from helpers import framing, sentiment
from helpers.actors.names import name_spans, split_named
from helpers.diplomacy import evidence_spans, name_skips
from helpers.diplomacy import score_row as diplomacy_row
from helpers.lexicons import Dictionary
from helpers.text import segment, tokenize


def test_name_spans():
    assert [n for _, _, n in name_spans("The Security Council met in New York.")] == [
        "Security Council",
        "New York",
    ]
    assert [
        n
        for _, _, n in name_spans(
            "Observers from the Organization for Security and Co-operation in Europe said"
        )
    ] == ["Organization for Security and Co-operation in Europe"]
    assert [n for _, _, n in name_spans("Its spokesman, Majed al-Ansari, spoke.")] == [
        "Majed al-Ansari"
    ]
    # A headline in title case is no run of names; nor is a capitalised verb.
    assert name_spans("Russia Vetoes Security Council Call For Sudan Ceasefire") == ()
    assert name_spans("Sources said the Kremlin Condemned the move.") == ()
    assert name_spans("Condemning Russia, the ministry spoke.") == ()


def test_split_named_keeps_whole_names_capitalised_patterns_and_meant_words():
    d = Dictionary.from_patterns(
        {"topic": ["security", "trade", "war", "nazi", "Cold War"], "whole": ["security council"]}
    )
    text = "The Security Council, World Trade Organization, Nazi Germany, the Cold War, security."
    kept, skipped = split_named(d.match_tokens(tokenize(text)), text)
    assert sorted((s.hit.pattern, s.name) for s in skipped) == [
        ("trade", "World Trade Organization")
    ]
    kept_patterns = [h.pattern for h in kept]
    # The whole name, a capitalised pattern, a meant word and the free word stay.
    assert "security council" in kept_patterns and "Cold War" in kept_patterns
    assert "nazi" in kept_patterns and "security" in kept_patterns


def test_sentiment_news_aware_skips_names_and_raw_stays_plain_vader():
    text = "Its ambassador, Fu Cong, spoke after the vote."
    out = sentiment.score_row(text, tokenize(text))
    assert out["sentiment"] == 0.0
    assert out["sentiment_raw"] == sentiment.engine().raw(text)[0] < -0.5
    text = "The Rapid Support Forces said they were open to a ceasefire."
    out = sentiment.score_row(text, tokenize(text))
    assert out["sentiment"] < out["sentiment_raw"]


def test_sentiment_explanation_says_a_word_was_skipped_as_a_name():
    table = sentiment.explain_sentence("Its ambassador, Fu Cong, spoke after the vote.")
    row = table[table["word"] == "Fu"].iloc[0]
    assert "name 'Fu Cong'" in " ".join(str(v) for v in row.values)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("The Security Council met on Monday.", "policy_security_defence"),
        (
            "He would defend farmers by every means the World Trade Organization allows.",
            "frame_economic",
        ),
    ],
)
def test_framing_does_not_count_words_inside_names(text, column):
    out = framing.score_row(text, tokenize(text))
    assert out[column] == 0
    skipped = framing.frame_name_skips(segment(text))
    assert len(skipped) >= 1
    # Outside a name the same word counts.
    plain = text.replace("Security Council", "security council").replace(
        "World Trade Organization", "rules of world trade"
    )
    assert framing.score_row(plain, tokenize(plain))[column] >= 1


def test_diplomacy_skips_words_inside_names_and_shows_them():
    text = "The Rapid Support Forces withdrew from the city."
    seg = segment(text)
    skips = name_skips(seg)
    assert ("Support", "Rapid Support Forces") in list(
        zip(skips["word"], skips["name"], strict=True)
    )
    assert "name" in set(evidence_spans(seg)["category"])
    assert "support" not in diplomacy_row(text, tokenize(text))["event"]
    # The same word outside a name is an event.
    plain = "Japan pledged support to the Philippines."
    assert diplomacy_row(plain, tokenize(plain))["event"]


def test_the_kremlin_condemned_keeps_its_condemnation():
    for text in ("The Kremlin condemned the move.", "The Kremlin Condemned the move, it said."):
        assert diplomacy_row(text, tokenize(text))["intensity"] == 5, text


def test_a_headline_glued_into_a_line_is_no_name():
    # Title case capitalises the short words names keep lower case ("For", "To", "Over").
    text = (
        "The story Trump Administration Escalates Battle Over Power Plant Regulations was"
        " shared widely by readers on social media during the whole week."
    )
    assert name_spans(text) == ()
    assert framing.score_row(text, tokenize(text))["frame_conflict"] >= 1
    # A name with its short words in lower case stays a name.
    assert name_spans("He spoke to the Organization for Security and Co-operation in Europe.") == (
        (16, 68, "Organization for Security and Co-operation in Europe"),
    )


def test_a_named_church_or_pope_is_still_a_religious_reference():
    text = "Pope Francis urged the Catholic Church to act."
    assert framing.score_row(text, tokenize(text))["frame_morality"] >= 2
    assert framing.frame_name_skips(segment(text), schemes=("generic",)).empty


def _states(text):
    from helpers.actors import load_actors

    return [(m.actor_id, m.form) for m in load_actors().find(tokenize(text))]


@pytest.mark.parametrize(
    "text, gone",
    [
        ("Paraguayan President Santiago Peña called the deal historic.", "CHL"),
        ("Several states left the Minsk Accords.", "BLR"),
        ("According to the Moscow Times, the talks stalled.", "RUS"),
        ("Tokyo Electric Power said the plant was safe.", "JPN"),
        ("The Lima Group met again.", "PER"),
    ],
)
def test_a_capital_that_opens_another_name_is_not_the_state(text, gone):
    assert gone not in [actor for actor, _ in _states(text)]


def test_a_president_named_after_a_capital_speaks_for_his_own_country():
    assert _states("Paraguayan President Santiago Peña called the deal historic.") == [
        ("PRY", "institution")
    ]


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Moscow Mayor Sergei Sobyanin closed the parks.", "RUS"),  # an office (agents list)
        ("Pentagon Press Secretary John Kirby said so.", "USA"),  # a title (names.yml)
        ("Officials in Washington Tuesday rejected the plan.", "USA"),  # a day
        ("The Élysée Palace said the visit would go ahead.", "FRA"),
        ("Washington D.C. is quiet.", "USA"),  # no lower-case letter
        ("Moscow Says Talks With Tokyo Are Over", "RUS"),  # a verb of saying, a headline
        ("Kremlin critic Alexei Navalny died in prison.", "RUS"),  # not capitalised
        ("Beijing and Tokyo agreed.", "CHN"),
    ],
)
def test_a_capital_before_an_office_a_day_or_a_verb_stays_the_state(text, kept):
    assert kept in [actor for actor, _ in _states(text)]


def test_an_unknown_category_in_the_names_list_is_refused_with_its_name(tmp_path, monkeypatch):
    from helpers.actors import names
    from helpers.errors import DictionaryError

    path = tmp_path / "names.yml"
    path.write_text("categories:\n  after_places:\n    patterns: [mayor]\n", encoding="utf-8")
    monkeypatch.setattr(names, "NAMES", str(path))
    names.reload_names()
    try:
        with pytest.raises(DictionaryError, match="unknown category 'after_places'"):
            names.opens_a_name(tokenize("Santiago Peña spoke."), 1, ())
    finally:
        monkeypatch.undo()
        names.reload_names()
    assert names.opens_a_name(tokenize("Santiago Peña spoke."), 1, ())


def test_one_word_after_an_abbreviated_title_is_a_name():
    text = "Mr. Earnest said the talks would continue."
    assert [n for _, _, n in name_spans(text)] == ["Earnest"]
    row = sentiment.score_row(text, tokenize(text))
    assert row["sentiment"] == 0 and row["sentiment_raw"] > 0  # "earnest" +2.3 in VADER
    # Must not fire: the rated words beside the name still count; a longer name stays one.
    text = "Dr. Hope praised the deal."
    assert sentiment.score_row(text, tokenize(text))["sentiment"] > 0
    assert [n for _, _, n in name_spans("Ms. Joy Nwosu spoke.")] == ["Joy Nwosu"]
    assert name_spans("The hope is that Mr. said nothing.") == ()
