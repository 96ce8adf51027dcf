"""A hand-checkable analysis for the ``score`` tests: words and exclamation marks.

``score`` finds an analysis module by name (``helpers.score.ANALYSES``); the
``counting`` fixture of ``conftest.py`` registers this one, so tests of the
command's reading, chunking and writing check their output by hand.
"""

from __future__ import annotations

COLUMNS = ("words", "bangs")


def score_row(text, tokens):
    return {
        "words": sum(t.norm.isalpha() for t in tokens),
        "bangs": sum(t.text == "!" for t in tokens),
    }


def aggregate_rows(rows, weights):
    return {
        "words": sum(r["words"] for r in rows),
        "bangs": max((r["bangs"] for r in rows), default=0),
    }
