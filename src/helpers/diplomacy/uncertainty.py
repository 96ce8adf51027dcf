"""Uncertainty: cues in five classes, the voice each is in, and a sentence's verdict.

A sentence is uncertain when it holds a cue of any class (the lists, each
class's cited definition and its traps: ``data/lexicons/uncertainty.yml``):

``epistemic``
    the truth is left open: possible, probable, unconfirmed, inferred ("may",
    "probably", "appears to", "it was not immediately clear");
``doxastic``
    someone holds it as a belief, expectation or fear ("believe", "is
    expected to", "suspects that");
``investigation``
    it is under inquiry ("whether", "asked if", "investigating how", a
    question the text puts);
``condition``
    it holds only if something else does ("if", "unless", "Should talks
    fail");
``weasel``
    it rests on a source or a quantity the text does not name ("it is
    believed", "reportedly", "many", "often"; and the unnamed and vague
    sources of ``data/lexicons/sourcing.yml``, see
    :mod:`helpers.diplomacy.sourcing`).

The first four are the semantic classes of Szarvas et al. (2012); weasel is
the discourse-level class of the CoNLL-2010 Wikipedia task (Farkas et al.
2010; Vincze 2013). Dynamic ("can") and deontic ("must") modality are not
uncertainty and are not listed.

Context rules (traps a pattern cannot spell): "may" the month or a name
(:func:`helpers.diplomacy.stance.is_month_or_name`); a quantifier of a
counted phrase ("some 300 soldiers", "many of the 40 hostages": a number
follows); a "?" is an investigation cue (a question).

Voice: a cue inside a direct quotation is the speaker's (``quoted``), one
inside the content of reported speech is ``reported``, any other is the
``writer``'s. The verdict counts every voice; ``uncertain_voice`` says whose.

References
    Farkas, R. et al. (2010). The CoNLL-2010 shared task. Proc. CoNLL.
    Szarvas, G. et al. (2012). Cross-genre and cross-domain detection of
    semantic uncertainty. Computational Linguistics 38(2). Vincze, V.
    (2013). Weasels, hedges and peacocks. Proc. IJCNLP.
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from helpers.diplomacy.sourcing import anonymous_sources, weasel_sources
from helpers.diplomacy.stance import is_month_or_name
from helpers.diplomacy.words import in_spans
from helpers.lexicons import Hit
from helpers.text import Token

#: The uncertainty classes, in the order ``uncertainty`` lists them.
CLASSES: tuple[str, ...] = ("epistemic", "doxastic", "investigation", "condition", "weasel")
#: Whose uncertainty a cue is, in the order ``uncertain_voice`` lists them.
VOICES: tuple[str, ...] = ("writer", "reported", "quoted")

# Words that make a quantifier part of a counted phrase when a number follows
# them: "some of the 300", "many of its 40".
_COUNT_GAP = frozenset({"of", "the", "its", "their", "these", "those", "a", "an"})
_START = attrgetter("start")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty hundred hundreds thousand thousands million millions billion billions dozen "
    "dozens score scores".split()
)


class Cue(NamedTuple):
    """One uncertainty cue: its class and kind, where it is, whose voice, which rule."""

    uncertainty: str  # one of CLASSES
    kind: str  # the sub-list of uncertainty.yml or sourcing.yml it came from
    pattern: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    voice: str  # one of VOICES
    rule: str  # a context rule that made the cue, else ""


def counted(tokens: list[Token], end: int) -> bool:
    """True when a number follows a quantifier ending at ``end``: a counted phrase.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> counted(tokenize("some 300 soldiers"), 1), counted(tokenize("many of the 40 hostages"), 1)
    (True, True)
    >>> counted(tokenize("many residents fled"), 1)
    False
    """
    for token in tokens[end : end + 4]:
        if token.norm in _COUNT_GAP:
            continue
        return token.text[:1].isdigit() or token.norm in _NUMBER_WORDS
    return False


def voice_at(char: int, quotes: list[tuple[int, int]], reported: list[tuple[int, int]]) -> str:
    """``quoted`` inside a quotation, ``reported`` inside reported speech, else ``writer``."""
    if quotes and in_spans(quotes, char):
        return "quoted"
    if reported and in_spans(reported, char):
        return "reported"
    return "writer"


def cues_in(
    tokens: list[Token],
    quotes: list[tuple[int, int]],
    hits: list,
    reported: list[tuple[int, int]] = (),
    sources: list = (),
    question: bool = True,
) -> list[Cue]:
    """The uncertainty cues of one sentence, in text order.

    Parameters
    ----------
    tokens : list of Token
    quotes : list of (int, int)
        The sentence's direct quotations (character spans, in text order).
    hits : list of Hit
        The sentence's hits of ``uncertainty.yml``.
    reported : list of (int, int)
        Content spans of reported speech (:class:`~helpers.diplomacy.attribution.Attribution`),
        in text order, none overlapping.
    sources : list of Hit
        Hits of ``sourcing.yml`` that count as weasel cues
        (:func:`helpers.diplomacy.sourcing.weasel_sources`).
    question : bool, default True
        Whether to look for "?" (the caller may know the sentence has none).

    Examples
    --------
    >>> from helpers.lexicons import load_dictionary
    >>> from helpers.text import tokenize
    >>> tokens = tokenize("In May, some 300 soldiers may have crossed.")
    >>> hits = load_dictionary("uncertainty").match_tokens(tokens)
    >>> [(c.uncertainty, c.pattern) for c in cues_in(tokens, [], hits)]
    [('epistemic', 'may')]
    """
    cues = []
    for hit in hits:
        if hit.pattern == "may" and is_month_or_name(tokens, hit.tok_start):
            continue
        if hit.attrs and hit.attrs.get("counted_trap") and counted(tokens, hit.tok_end):
            continue
        top, _, kind = hit.category.partition("/")
        cues.append(_cue(top, kind, hit, quotes, reported, ""))
    for hit in sources:
        cues.append(_cue("weasel", hit.category.partition("/")[2], hit, quotes, reported, "source"))
    if question:
        for i, token in enumerate(tokens):
            if token.text == "?":
                mark = Hit("investigation/question", "?", token.start, token.end, i, i + 1, 1.0, {})
                cues.append(_cue("investigation", "question", mark, quotes, reported, "?"))
    if len(cues) > 1:
        cues.sort(key=_START)
    return cues


def _cue(top: str, kind: str, hit, quotes, reported, rule: str) -> Cue:
    voice = voice_at(hit.start, quotes, reported)
    return Cue(top, kind, hit.pattern, hit.start, hit.end, hit.tok_start, hit.tok_end, voice, rule)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in text order with overlapping ones joined (what :func:`in_spans` needs)."""
    if len(spans) < 2:
        return spans
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def uncertainty_in(
    tokens: list[Token],
    text: str,
    base: int,
    quotes: list[tuple[int, int]],
    attrs: list,
    hits: list,
    source_hits: list,
    verb_hits: list,
) -> tuple[list[Cue], list]:
    """The uncertainty cues and the anonymous sources of one sentence.

    ``text[x - base]`` is the character at offset ``x``; ``attrs`` are the
    sentence's attributions (their reported content sets the voice);
    ``hits``, ``source_hits`` and ``verb_hits`` its hits of
    ``uncertainty.yml``, ``sourcing.yml`` and ``reporting_verbs.yml``.
    Returns ``(cues, anonymous)``; ``anonymous`` are the sourcing hits of
    :func:`helpers.diplomacy.sourcing.anonymous_sources`.
    """
    question = bool(tokens) and "?" in text[tokens[0].start - base : tokens[-1].end - base]
    if not (hits or source_hits or question):
        return [], []
    anonymous = anonymous_sources(tokens, source_hits, verb_hits, hits) if source_hits else []
    sources = weasel_sources(anonymous, source_hits) if source_hits else []
    reported = _merged([(a.content_start, a.content_end) for a in attrs if a.kind != "direct"])
    return cues_in(tokens, quotes, hits, reported, sources, question), anonymous


def uncertainty_columns(cues: list[Cue]) -> dict:
    """The ``score`` columns of a sentence's cues: ``uncertain``, ``uncertainty``, ``uncertain_voice``.

    Classes and voices are ``;``-separated in the order of :data:`CLASSES` and
    :data:`VOICES`, each named once.

    Examples
    --------
    >>> cues = [Cue("weasel", "quantifier", "many", 0, 4, 0, 1, "quoted", ""),
    ...         Cue("epistemic", "modal", "may", 9, 12, 2, 3, "writer", "")]
    >>> uncertainty_columns(cues)
    {'uncertain': True, 'uncertainty': 'epistemic;weasel', 'uncertain_voice': 'writer;quoted'}
    """
    classes = {c.uncertainty for c in cues}
    voices = {c.voice for c in cues}
    return {
        "uncertain": bool(cues),
        "uncertainty": ";".join(c for c in CLASSES if c in classes),
        "uncertain_voice": ";".join(v for v in VOICES if v in voices),
    }


def joined(order: tuple[str, ...], values) -> str:
    """The names in ``;``-separated ``values``, each once, in ``order`` (for documents).

    >>> joined(CLASSES, ["weasel", "", "epistemic;weasel"])
    'epistemic;weasel'
    """
    found = {name for value in values if value for name in str(value).split(";")}
    return ";".join(name for name in order if name in found)
