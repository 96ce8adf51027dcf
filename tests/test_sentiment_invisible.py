"""The news-aware score reads through invisible characters; plain VADER keeps NLTK's reading."""

import pytest

from helpers.resources import vader_analyzer
from helpers.score import score_texts
from helpers.sentiment import explain_sentence
from helpers.text import INVISIBLE_CHARS

PLAIN = "The attack on the convoy was horrible, officials said."


@pytest.mark.parametrize("char", list(INVISIBLE_CHARS), ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_inside_a_word_changes_no_news_aware_score(char):
    spoiled = PLAIN.replace("horrible", f"hor{char}rible").replace("attack", f"{char}attack")
    rows = score_texts([PLAIN, spoiled], analyses=("sentiment",))
    assert rows["sentiment"][1] == rows["sentiment"][0] < -0.5
    # sentiment_raw stays NLTK's own reading, spoiled word and all
    assert rows["sentiment_raw"][1] == vader_analyzer().polarity_scores(spoiled)["compound"]


def test_the_explanation_names_the_word_as_a_reader_sees_it():
    table = explain_sentence("It was hor\u00adrible.")
    assert "horrible" in set(table["word"])
