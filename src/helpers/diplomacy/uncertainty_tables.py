"""The uncertainty and sourcing tables of notebook 04: every cue, every statement's source, a summary.

Each function takes ``seg`` (:func:`helpers.text.segment`), an optional
``actors`` list and an optional ``date``, like the other tables of
:mod:`helpers.diplomacy`, and reads the article's one analysis
(:func:`helpers.diplomacy.analysis.analyse_seg`).
"""

from __future__ import annotations

from typing import Any

from helpers.diplomacy.analysis import analyse_seg
from helpers.diplomacy.sourcing import (
    SOURCING,
    attribution_sourcing,
    sentence_sources,
    sentence_sourcing,
)
from helpers.diplomacy.tables import frame

UNCERTAINTY_CUE_COLUMNS = tuple(
    "doc_id sent_id uncertainty kind pattern start end match voice rule".split()
)
STATEMENT_SOURCE_COLUMNS = tuple(
    "doc_id sent_id kind verb speaker speaker_text sourcing verb_start verb_end".split()
)
SOURCING_SUMMARY_COLUMNS = ("sourcing", "sentences", "share")


def uncertainty_cues(seg, actors=None, date=None) -> Any:
    """Return every uncertainty cue with its class, span and voice.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, uncertainty, kind, pattern, start, end, match,
        voice, rule``: ``uncertainty`` is the class
        (:data:`~helpers.diplomacy.uncertainty.CLASSES`), ``kind`` the list of
        ``uncertainty.yml`` or ``sourcing.yml`` it came from, ``voice``
        ``writer``, ``reported`` or ``quoted``, ``rule`` a context rule that
        made the cue ("?" for a question, "source" for an unnamed source).

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = uncertainty_cues(segment('Talks may resume. "If they come, we talk," he said.'))
    >>> t[["sent_id", "uncertainty", "match", "voice"]].values.tolist()
    [[0, 'epistemic', 'may', 'writer'], [1, 'condition', 'If', 'quoted']]
    """
    text = seg.text
    rows = [
        (seg.doc_id, sent_id, c.uncertainty, c.kind, c.pattern, c.start, c.end)
        + (text[c.start : c.end], c.voice, c.rule)
        for sent_id, analysis in enumerate(analyse_seg(seg, actors, date))
        for c in analysis.uncertainty
    ]
    return frame(rows, UNCERTAINTY_CUE_COLUMNS)


def _sourced(seg, actors, date):
    """Yield ``(sent_id, [(attribution, sourcing), ...])`` for every sentence."""
    for sent_id, (analysis, tokens) in enumerate(
        zip(analyse_seg(seg, actors, date), seg.tokens, strict=True)
    ):
        if not analysis.attributions:
            yield sent_id, []
            continue
        sources = sentence_sources(tokens, analysis.sources, analysis.anonymous)
        found = [(a, attribution_sourcing(a, sources)) for a in analysis.attributions]
        yield sent_id, [(a, kind) for a, kind in found if kind]


def statement_sources(seg, actors=None, date=None) -> Any:
    """Return every statement with the kind of its source: named, institutional or anonymous.

    A statement is an attribution with a reporting verb (notebook 04's
    attributions table; a quotation whose verb is in another sentence is
    left out). How the kind is decided: :mod:`helpers.diplomacy.sourcing`.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, kind, verb, speaker, speaker_text, sourcing,
        verb_start, verb_end``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = statement_sources(segment("Officials said talks may resume. The ministry said no."))
    >>> t[["sent_id", "verb", "sourcing"]].values.tolist()
    [[0, 'said', 'anonymous'], [1, 'said', 'institutional']]
    """
    rows = [
        (seg.doc_id, sent_id, a.kind, a.verb, a.speaker, a.speaker_text, kind)
        + (a.verb_start, a.verb_end)
        for sent_id, found in _sourced(seg, actors, date)
        for a, kind in found
    ]
    return frame(rows, STATEMENT_SOURCE_COLUMNS)


def sourcing_summary(seg, actors=None, date=None) -> Any:
    """Return how many sentences source their statements to whom, for one article.

    Each sentence counts once: ``anonymous`` if any of its statements is
    anonymous, else ``named``, else ``institutional``; ``none`` when it
    has no statement with a reporting verb.

    Returns
    -------
    DataFrame
        ``sourcing, sentences, share``: one row per kind of
        :data:`~helpers.diplomacy.sourcing.SOURCING`, in that order; ``share``
        of the article's sentences (0.0 for an empty article).

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = sourcing_summary(segment("Officials said talks may resume. Talks resumed."))
    >>> t.values.tolist()
    [['named', 0, 0.0], ['institutional', 0, 0.0], ['anonymous', 1, 0.5], ['none', 1, 0.5]]
    """
    counts = dict.fromkeys(SOURCING, 0)
    for _, found in _sourced(seg, actors, date):
        counts[sentence_sourcing([kind for _, kind in found])] += 1
    total = sum(counts.values())
    rows = [(kind, n, round(n / total, 4) if total else 0.0) for kind, n in counts.items()]
    return frame(rows, SOURCING_SUMMARY_COLUMNS)
