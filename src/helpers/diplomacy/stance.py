"""Stance markers: hedges, boosters, attitude, self-mention, engagement, modality.

Hyland's interactional metadiscourse (Hyland 2005, *Metadiscourse*; Hyland
1998 on hedging): hedges, boosters, attitude markers, self-mentions,
engagement markers; and modality after Palmer (2001): epistemic
(possibility, likelihood, prediction) versus deontic (obligation,
permission), with dynamic "can" kept apart. Lists: ``data/lexicons/stance.yml``.
A hit is marked ``negated`` when "not", "n't", "never" or "no" stands within
two tokens of it ("would not join", "isn't allowed to"); it is kept, never
dropped. Context rules: "may" the month or the name is not a modal; a
question mark outside a quotation is engagement (a question put to the reader).

References
    Hyland, K. (2005). Metadiscourse. London: Continuum. Hyland, K. (1998).
    Hedging in Scientific Research Articles. Amsterdam: Benjamins. Palmer,
    F. R. (2001). Mood and Modality, 2nd ed. Cambridge UP.
"""

from __future__ import annotations

from typing import NamedTuple

from helpers.diplomacy.words import NEGATION, OPENERS, in_spans, negated_after, negated_before
from helpers.text import Token

#: Stance categories of ``stance.yml`` counted per sentence, in table order.
STANCE_TYPES: tuple[str, ...] = (
    "hedge",
    "booster",
    "attitude",
    "self_mention",
    "engagement",
    "epistemic",
    "deontic",
    "dynamic",
    "uncertainty",
)
MODALITY_CATEGORIES = ("epistemic", "deontic", "dynamic")

# How far a negation may stand from a marker, in tokens (documented in stance.yml).
_NEG_WINDOW = 2


class Stance(NamedTuple):
    """One stance marker: its ``stance.yml`` category and sense, span, negation and rule."""

    category: str
    sense: str
    pattern: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    negated: bool
    rule: str


def is_month_or_name(tokens: list[Token], index: int) -> bool:
    """Context rule for "may": the month or a surname, not the modal.

    A modal "may" is capitalised only as the first word of a sentence or of a
    quotation; a capitalised "May" anywhere else ("in May", "Theresa May"),
    "may" before a day number ("May 9") and a capitalised "May" after one
    ("9 May") are the month or a name.
    """
    token = tokens[index]
    before = tokens[index - 1] if index > 0 else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if after is not None and after.text.isdigit() and len(after.text) <= 2:
        return True
    if token.text == "May":
        return before is not None and before.text not in OPENERS
    return False


def stance_in(tokens: list[Token], quotes: list[tuple[int, int]], found: list, detail=True):
    """Stance markers of one sentence (``found``: the ``stance`` dictionary's hits).

    ``detail=False`` (the ``score`` hot path) skips the negation marks and the
    question rule, which no ``score`` column uses, and returns the dictionary
    hits themselves (they carry the ``category``, ``pattern`` and token span
    that ``score`` reads), less "may" the month or the name.
    """
    kept = [
        hit for hit in found if hit.pattern != "may" or not is_month_or_name(tokens, hit.tok_start)
    ]
    if not detail:
        return kept
    hits = []
    for hit in kept:
        a, b = hit.tok_start, hit.tok_end
        category = hit.category
        negated = (
            (category in MODALITY_CATEGORIES and any(t.norm in NEGATION for t in tokens[a:b]))
            or negated_before(tokens, a, _NEG_WINDOW)
            or negated_after(tokens, b, _NEG_WINDOW)
        )
        sense = hit.attrs.get("sense", "") if hit.attrs else ""
        hits.append(Stance(category, sense, hit.pattern, hit.start, hit.end, a, b, negated, ""))
    return hits + _questions(tokens, quotes)


def _questions(tokens: list[Token], quotes: list[tuple[int, int]]) -> list[Stance]:
    """Engagement: a question put to the reader ("?" outside a quotation)."""
    return [
        Stance(
            "engagement", "question", "?", token.start, token.end, i, i + 1, False, "question mark"
        )
        for i, token in enumerate(tokens)
        if token.text == "?" and not in_spans(quotes, token.start)
    ]
