"""Segmentation: sentences, paragraphs and tokens, with exact offsets."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.lexicons import Dictionary
from helpers.text import (
    INVISIBLE_CHARS,
    MAX_SENTENCE_CHARS,
    quote_spans,
    segment,
    split_paragraphs,
    split_sentences,
    tokenize,
)


def sentences(text):
    return split_sentences(text)["text"].tolist()


# -- sentences ----------------------------------------------------------------


def test_initialisms_do_not_end_sentences():
    text = "Most of D.C.’s political class watched. The U.S. elections will not hinge on it."
    assert sentences(text) == [
        "Most of D.C.’s political class watched.",
        "The U.S. elections will not hinge on it.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Kishida met Gen. Milley in Tokyo.",
        "The deadline is Jan. 15 for both sides.",
        "Some allies, e.g. Japan, imposed sanctions.",
        "Lt. Col. Smith and Dr. Ito spoke to Sen. Lee.",
    ],
)
def test_listed_abbreviations_do_not_end_sentences(text):
    assert sentences(text) == [text]


def test_an_abbreviation_that_ends_a_sentence_still_splits():
    text = "He moved to the U.S. The talks began a week later."
    assert sentences(text) == ["He moved to the U.S.", "The talks began a week later."]


def test_abbreviation_entries_are_read_as_text_not_yaml_booleans():
    # abbreviations.yml lists "no" (as in "No. 1") and the sentence starters "on" and
    # "no"; read with YAML 1.1's guesses they were False and True, and had no effect.
    assert sentences("China is No. 1 and India No. 4 among emitters.") == [
        "China is No. 1 and India No. 4 among emitters."
    ]
    assert sentences("He lives in the U.S. On Monday talks resumed.") == [
        "He lives in the U.S.",
        "On Monday talks resumed.",
    ]


def test_a_quotation_stays_whole():
    text = "He said, “We will act. They must go.” Then he left."
    assert sentences(text) == ["He said, “We will act. They must go.”", "Then he left."]


def test_closing_typographic_quote_stays_with_its_sentence():
    text = "Moscow spoke of “war crimes.” Tokyo disagreed."
    assert sentences(text) == ["Moscow spoke of “war crimes.”", "Tokyo disagreed."]


def test_straight_quotes_stay_whole():
    text = 'She said "It is over. We leave." Nobody answered.'
    assert sentences(text) == ['She said "It is over. We leave."', "Nobody answered."]


def test_unclosed_quote_cannot_swallow_a_paragraph():
    text = "“Open quote. " + " ".join(f"Sentence {i} ends here." for i in range(12))
    assert len(sentences(text)) > 3


def test_paragraphs_end_sentences_and_are_numbered():
    table = split_sentences("First one\n\nSecond one. Third one.\n\n\n  Fourth.")
    assert table["para_id"].tolist() == [0, 1, 1, 2]
    assert table["sent_id"].tolist() == [0, 1, 2, 3]


def test_split_paragraphs_keeps_single_line_breaks():
    text = "A line\nwrapped here.\n\nNext."
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["A line\nwrapped here.", "Next."]


def test_seed_offsets_are_exact_and_dc_us_cases_hold():
    from helpers.corpus import load_article

    article = load_article("japan-russia-peace-talks")
    table = split_sentences(article.text, doc_id=article.id)
    assert len(table) > 20
    for row in table.itertuples():
        assert article.text[row.start : row.end] == row.text
        assert row.text == row.text.strip()
    ends = [t for t in table["text"] if t.endswith("D.C.") or t.endswith("U.S.")]
    assert ends == []  # neither initialism ends a sentence in the seed
    assert any("D.C.’s political class" in t for t in table["text"])
    # tokens of every sentence point back into the article
    seg = segment(article.text, article.id)
    for tokens in seg.tokens:
        for token in tokens:
            assert article.text[token.start : token.end] == token.text


# -- tokens ---------------------------------------------------------------------


def texts(text):
    return [t.text for t in tokenize(text)]


def test_news_typography_tokens():
    assert texts("World War II-era’s Western Front") == [
        "World",
        "War",
        "II",
        "-",
        "era",
        "’s",
        "Western",
        "Front",
    ]
    assert texts("Moscow’s belligerence") == ["Moscow", "’s", "belligerence"]
    assert texts("its de factoPeace is") == ["its", "de", "facto", "Peace", "is"]
    assert texts("“completely unacceptable,” about") == [
        "“",
        "completely",
        "unacceptable",
        ",",
        "”",
        "about",
    ]
    assert texts("didn't can’t O’Brien") == ["did", "n't", "ca", "n’t", "O’Brien"]
    assert texts("McDonald iPhone NATO") == ["McDonald", "iPhone", "NATO"]
    assert texts("1,000 troops in 1953; 3.5% of GDP") == [
        "1,000",
        "troops",
        "in",
        "1953",
        ";",
        "3.5",
        "%",
        "of",
        "GDP",
    ]


def test_norm_makes_quotes_straight_and_casefolds():
    token = tokenize("DIDN’T")[1]
    assert token.text == "N’T" and token.norm == "n't"


# -- quotations -----------------------------------------------------------------


def test_quote_spans_both_styles_and_apostrophes_inside():
    text = 'A “first one” and "second" and ‘didn’t know’ here, but Moscow’s plan is not a quote.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["“first one”", '"second"', "‘didn’t know’"]


def test_quote_spans_do_not_cross_paragraphs():
    assert quote_spans("“open\n\nclose”") == []


# -- properties -----------------------------------------------------------------

news_alphabet = st.sampled_from(
    list("abcXYZ .,;:!?'’“”\"—-()\n\t0123") + ["U.S. ", "Mr. ", "é", "ß", "\n\n", " D.C.", "日本"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(news_alphabet, max_size=80).map("".join))
def test_sentence_offsets_are_exact_on_any_text(text):
    table = split_sentences(text)
    previous_end = 0
    for row in table.itertuples():
        assert 0 <= previous_end <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.text
        assert row.text == row.text.strip()
        previous_end = row.end
    # nothing but white space is left out
    covered = "".join(table["text"])
    assert "".join(covered.split()) == "".join(text.split())


def visible(text):
    return text.translate(dict.fromkeys(map(ord, INVISIBLE_CHARS)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_tokens_cover_every_visible_character_on_arbitrary_unicode(text):
    tokens = tokenize(text, offset=5)
    # Every character but white space and invisible ones is in exactly one token.
    assert visible("".join(t.text for t in tokens)) == visible("".join(text.split()))
    for token in tokens:
        assert text[token.start - 5 : token.end - 5] == token.text
        assert token.text and not any(c.isspace() for c in token.text)
        assert token.text[0] not in INVISIBLE_CHARS and token.text[-1] not in INVISIBLE_CHARS
        assert not any(c in INVISIBLE_CHARS for c in token.norm)


def _scanned(text, offset):
    from helpers.text import _abbreviation_config, _scan

    found = []
    _scan(found.append, text, 0, len(text), offset, _abbreviation_config()[2])
    return found


# Pieces that take the tokenizer's shortcuts (letters, letters and one mark,
# kept abbreviations, glued words, a word ending in a digit) and pieces that do not.
pieces = st.sampled_from(
    [
        "said",
        "said.",
        "Moscow,",
        "Mr.",
        "mr.",
        "Gen.",
        "factoPeace",
        "factoPeace,",
        "G7",
        "G7.",
        "C2,",
        "U.S.",
        "A.",
        "I,",
        "Russia's",
        "Jones'",
        "naïve;",
        "日本",
        "x_",
        "ab_",
        "Ⅻ.",
        "½",
        "(talks)",
        "war”",
        "“deal,”",
        "1,000.",
        "—",
        " ",
        "\n",
        "\u00a0",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(pieces, news_alphabet, st.text(max_size=3)), max_size=40).map("".join))
def test_the_tokenizer_shortcuts_give_what_the_regular_expression_gives(text):
    # _tokens cuts common pieces without the regular expression; the tokens must be
    # exactly those of the regular expression over the whole text.
    from helpers.text import _tokens

    assert _tokens(text, 7) == _scanned(text, 7)


# -- invisible characters -------------------------------------------------------

with_invisibles = st.lists(
    st.one_of(news_alphabet, st.sampled_from(INVISIBLE_CHARS)), max_size=80
).map("".join)


@settings(max_examples=300, deadline=None)
@given(with_invisibles)
def test_invisible_characters_change_no_token_and_no_sentence(text):
    # Tokens and sentences are those of the text a reader sees; offsets count every character.
    seen = visible(text)
    assert [t.norm for t in tokenize(text)] == [t.norm for t in tokenize(seen)]
    table = split_sentences(text)
    assert [visible(t) for t in table["text"]] == split_sentences(seen)["text"].tolist()
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text


@pytest.mark.parametrize("char", list(INVISIBLE_CHARS))
def test_an_invisible_character_inside_a_word_leaves_it_one_word(char):
    text = f"Japan condemned the sanc{char}tions."
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["japan", "condemned", "the", "sanctions", "."]
    assert (
        tokens[3].text == f"sanc{char}tions"
        and text[tokens[3].start : tokens[3].end] == tokens[3].text
    )
    hits = Dictionary.from_patterns({"economic": ["sanction*"]}).match_tokens(tokens)
    assert [text[h.start : h.end] for h in hits] == [f"sanc{char}tions"]


def test_invisible_characters_around_words_and_sentence_ends():
    text = "\u202bTokyo\u202c protested.\u200b Moscow\u00ad\u2019s reply came."
    assert sentences(text) == ["Tokyo\u202c protested.", "Moscow\u00ad\u2019s reply came."]
    assert [t.text for t in tokenize(text)][:3] == ["Tokyo", "protested", "."]


def test_repeated_end_punctuation_does_not_make_a_sentence_of_its_own():
    assert sentences("Stop!! Now?! Go.") == ["Stop!!", "Now?!", "Go."]


# -- maximum sentence length ----------------------------------------------------


def test_a_span_longer_than_the_maximum_is_cut_at_white_space_and_logged(caplog):
    words = " ".join(f"w{i}" for i in range(2_000))  # 10,889 characters, no punctuation
    text = f"Short one. {words}\n\nNext paragraph."
    with caplog.at_level(logging.WARNING, logger="helpers.text"):
        seg = segment(text)
    table = seg.sentences
    assert table["text"].str.len().max() <= MAX_SENTENCE_CHARS
    assert table["text"].iloc[0] == "Short one." and table["text"].iloc[-1] == "Next paragraph."
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text == row.text.strip()
    middle = table["text"].iloc[1:-1].tolist()
    assert " ".join(middle) == words  # cut at spaces only: every word whole, in order
    assert seg.cuts == [(11, 11 + len(words))]
    assert [t.text for t in seg.tokens[1]][:2] == ["w0", "w1"]
    assert any("cut into 6 pieces" in r.getMessage() for r in caplog.records)


def test_one_endless_word_is_cut_hard_at_the_maximum():
    text = "x" * (2 * MAX_SENTENCE_CHARS + 10)
    spans = split_sentences(text)[["start", "end"]].values.tolist()
    assert spans == [
        [0, MAX_SENTENCE_CHARS],
        [MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS],
        [2 * MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS + 10],
    ]


def test_ordinary_text_is_not_cut(caplog):
    with caplog.at_level(logging.WARNING, logger="helpers.text"):
        seg = segment("Tokyo protested. Moscow replied.")
    assert seg.cuts == [] and not caplog.records


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(news_alphabet, st.just("abcdefghijklmnopqrstuvwxyz")), max_size=60).map(
        "".join
    )
)
def test_cut_sentences_keep_exact_offsets_on_any_text(text):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("helpers.text.MAX_SENTENCE_CHARS", 12)
        table = split_sentences(text)
    assert all(len(t) <= 12 for t in table["text"])
    previous_end = 0
    for row in table.itertuples():
        assert previous_end <= row.start < row.end and text[row.start : row.end] == row.text
        assert row.text == row.text.strip()
        previous_end = row.end
    assert "".join("".join(table["text"]).split()) == "".join(text.split())
