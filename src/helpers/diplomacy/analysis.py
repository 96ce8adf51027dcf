"""One sentence through every diplomacy analysis, and one article sentence by sentence.

:func:`analyse_tokens` runs stance, attribution, the ladder, event coding and
uncertainty on one sentence's tokens and hits, in that order (the ladder and
the events read the attributions; the events read the modals; uncertainty
reads the attributions for the voice of its cues). Both the ``score`` path
and the article tables go through it; :func:`analyse_seg` runs it over a
:class:`~helpers.text.Segmentation` and keeps the result on the object, so
that the tables of one article analyse it once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import NamedTuple

from helpers.diplomacy.attribution import NO_SPEECH, Attribution, SpeechSpans, attributions_in
from helpers.diplomacy.dictionaries import actors_or_default, matcher, reload_dictionaries
from helpers.diplomacy.event_coding import Event, events_in
from helpers.diplomacy.ladder import Statement, is_statement, statements_in
from helpers.diplomacy.sentence import Sentence, find_mentions
from helpers.diplomacy.stance import stance_in
from helpers.diplomacy.uncertainty import uncertainty_in
from helpers.diplomacy.words import is_word
from helpers.text import Token, quote_spans

_START = itemgetter(0)
_END = itemgetter(1)


class Analysis(NamedTuple):
    """What one sentence holds: its word count, stance markers, statements, speech, events,
    uncertainty cues (:class:`~helpers.diplomacy.uncertainty.Cue`), and its hits of
    ``sourcing.yml`` with those that are anonymous sources."""

    words: int
    stance: list
    statements: list[Statement]
    attributions: list[Attribution]
    events: list[Event]
    quotes: int
    uncertainty: list = []
    sources: list = []
    anonymous: list = []


def analyse_tokens(
    tokens: list[Token],
    text: str,
    base: int,
    quotes: list[tuple[int, int]],
    actors,
    hits: list[list],
    date=None,
    count_words: bool = True,
    detail: bool = True,
) -> Analysis:
    """Run every analysis on one sentence.

    ``text[x - base]`` is the character at document offset ``x``; ``quotes``
    are the quotation spans overlapping the sentence, clipped to it; ``hits``
    are the sentence's hits of the matched dictionaries (one list each, see
    :func:`helpers.diplomacy.dictionaries.matched_dictionaries`).
    ``detail=False`` (``score``) leaves out what no ``score`` column shows.
    Actors are resolved only when speech, a statement or an event needs them
    (speed: most sentences have none).
    """
    stance_hits, verb_hits, ladder_hits, event_hits, uncertainty_hits, source_hits, actor_hits = (
        hits
    )
    stance = []
    if stance_hits or (detail and any(t.text == "?" for t in tokens)):
        stance = stance_in(tokens, quotes, stance_hits, detail)
    if ladder_hits and not is_statement(ladder_hits):
        ladder_hits = ()  # intensifiers alone make no statement
    attrs: list[Attribution] = []
    found_statements: list[Statement] = []
    found_events: list[Event] = []
    if quotes or verb_hits or ladder_hits or event_hits:
        # ``score`` reports no statement speaker, so a ladder word alone needs no actors.
        needed = detail or verb_hits or event_hits
        mentions = find_mentions(tokens, actors, date, actor_hits) if needed else []
        s = Sentence(tokens, text, base, quotes, mentions, actors.names)
        if quotes or verb_hits:
            attrs = attributions_in(s, verb_hits)
        speech = SpeechSpans(attrs, tokens) if attrs and (ladder_hits or event_hits) else NO_SPEECH
        if ladder_hits:
            found_statements = statements_in(s, speech, ladder_hits, detail)
        if event_hits:
            found_events = events_in(s, speech, stance, event_hits, detail)
    words = sum(1 for t in tokens if is_word(t)) if count_words else 0
    cues, anonymous = uncertainty_in(
        tokens, text, base, quotes, attrs, uncertainty_hits, source_hits, verb_hits
    )
    return Analysis(
        words,
        stance,
        found_statements,
        attrs,
        found_events,
        len(quotes),
        cues,
        source_hits,
        anonymous,
    )


def sentence_quotes(quotes: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The quotation spans (in text order, never overlapping) that overlap ``[start, end)``,
    clipped to it; found by binary search, so an article's sentences take linear time."""
    first = bisect_right(quotes, start, key=_END)
    last = bisect_left(quotes, end, key=_START)
    return [(max(s, start), min(e, end)) for s, e in quotes[first:last]]


def analyse_seg(seg, actors=None, date=None) -> list[Analysis]:
    """Analyse every sentence of a segmentation, with the dictionaries as they are on disk now.

    The result is kept on ``seg`` and reused while the actors, the date and
    the dictionaries stay the same.
    """
    reload_dictionaries()
    actors = actors_or_default(actors)
    match = matcher(actors)
    cache = getattr(seg, "_diplomacy_cache", None)
    if cache is not None and cache[0][0] is actors and cache[0][2] is match:
        if cache[0][1] == date:
            return cache[1]
    quotes = quote_spans(seg.text)
    results = []
    for (start, end), tokens in zip(
        zip(seg.sentences["start"].tolist(), seg.sentences["end"].tolist(), strict=True),
        seg.tokens,
        strict=True,
    ):
        clipped = sentence_quotes(quotes, start, end)
        found = match.match_tokens(tokens)
        results.append(analyse_tokens(tokens, seg.text, 0, clipped, actors, found, date))
    try:
        seg._diplomacy_cache = ((actors, date, match), results)
    except AttributeError:  # a frozen or slotted object: simply do not cache
        pass
    return results
