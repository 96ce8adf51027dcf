"""Work per sentence grows linearly with its length (issue 12).

A line of text with no sentence-ending punctuation is one sentence, however
long: an unpunctuated 800 KB line used to take 131 s in ``codesheet``
because every reporting verb, ladder word and event searched its clause, the
actor mentions, the quotations and the other hits from scratch. The rules
must hold without a maximum sentence length (``score`` rows are never
segmented), so these tests count the lines the diplomacy package executes
(``sys.settrace`` restricted to its files), which does not depend on the
machine's speed or load: linear work grows four times when the sentence
does, quadratic work sixteen times.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import helpers.diplomacy as diplomacy
from helpers.text import segment, tokenize

PACKAGE = str(Path(diplomacy.__file__).parent)

# Words that fire every rule: actors, reporting verbs, ladder words,
# intensifiers, events, modals, negation, passives, "according to", "that".
WORDS = (
    "Japan Russia Moscow Tokyo Foreign Ministry in the talks may said warned told that "
    "according to condemned deeply concerned unacceptable sanctioned attacked and would "
    "not join officials strike on suspended by were claims declaring regrets strongly "
    "Putin signed agreed"
).split()
# The same with clause punctuation, quotation marks and brackets (still one sentence).
PUNCTUATED = WORDS + [",", ",", ";", "“", "”", '"', "(", ")", "—", ":"]


def sentence(n: int, words=WORDS, seed: int = 12) -> str:
    """``n`` words drawn with a fixed seed, joined by spaces: one sentence."""
    pick = random.Random(seed).choice
    return " ".join(pick(words) for _ in range(n))


class LineCounter:
    """Count the lines executed in the diplomacy package; stop past ``budget``."""

    def __init__(self, budget: float = float("inf")) -> None:
        self.lines = 0
        self.budget = budget

    def _local(self, frame, event, arg):
        if event == "line":
            self.lines += 1
            if self.lines > self.budget:
                raise AssertionError(f"more than {self.budget:,.0f} lines executed")
        return self._local

    def _global(self, frame, event, arg):
        if frame.f_code.co_filename.startswith(PACKAGE):
            return self._local
        return None

    def run(self, function, *args):
        sys.settrace(self._global)
        try:
            return function(*args)
        finally:
            sys.settrace(None)


def score(text: str):
    return diplomacy.score_row(text, tokenize(text))


def tables(text: str):
    seg = segment(text)
    return [
        table(seg)
        for table in (
            diplomacy.stance_markers,
            diplomacy.statements,
            diplomacy.attributions,
            diplomacy.events,
        )
    ]


def lines(function, text: str) -> int:
    function(text)  # compile the dictionaries outside the count
    counter = LineCounter()
    counter.run(function, text)
    return counter.lines


@pytest.mark.parametrize("words", [WORDS, PUNCTUATED], ids=["unpunctuated", "clauses"])
@pytest.mark.parametrize("function", [score, tables], ids=["score_row", "tables"])
def test_work_grows_linearly_with_sentence_length(function, words):
    short = lines(function, sentence(1_000, words))
    long = lines(function, sentence(4_000, words))
    # Linear: about 4 times the work; quadratic: about 16 times.
    assert long < 6 * short, (short, long)


@pytest.mark.slow
def test_a_200000_word_line_is_scored_in_linear_work():
    # About 154 lines a word (60 when this test was written, 149 before the appositions
    # of 6 December); the quadratic code passed 150 a word before 10,000 words, and grows
    # with the length, so a ceiling of 200 a word at 200,000 words still catches it.
    text = sentence(200_000)
    score(sentence(10))  # compile the dictionaries outside the count
    row = LineCounter(budget=200 * 200_000).run(score, text)
    assert row["speaker"] and row["event"] and row["intensity"] > 0


@pytest.mark.slow
def test_a_50000_word_sentence_is_analysed_in_linear_work():
    # About 291 lines a word (every table's analysis, the spans of speech; 140 when this
    # test was written, 284 before the appositions of 6 December); the ceiling, 400, is far
    # below what quadratic work costs here.
    # The attributions table itself is left out: its ``content`` column holds
    # the text of each reported speech, which here runs to the end of the line.
    text = sentence(50_000)
    tables(sentence(10))
    seg = segment(text)
    counter = LineCounter(budget=400 * 50_000)
    found = counter.run(
        lambda: [
            diplomacy.stance_markers(seg),
            diplomacy.statements(seg),
            diplomacy.events(seg),
            diplomacy.attributed_spans(seg),
        ]
    )
    assert all(len(table) for table in found)
