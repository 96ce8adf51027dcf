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

from helpers.actors.names import split_named
from helpers.actors.people import ArticleActors
from helpers.diplomacy.attribution import (
    NO_SPEECH,
    Attribution,
    Speakers,
    SpeechSpans,
    attributions_in,
)
from helpers.diplomacy.dictionaries import actors_or_default, matcher, reload_dictionaries
from helpers.diplomacy.discourse import Discourse
from helpers.diplomacy.event_coding import Event, events_in
from helpers.diplomacy.ladder import Statement, is_statement, statements_in
from helpers.diplomacy.petrarch_events import with_petrarch
from helpers.diplomacy.sentence import Sentence
from helpers.diplomacy.speakers import actor_kinds
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
    skipped: tuple = ()  # (dictionary, NameSkip): words not counted, inside a name


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
    memory: Discourse | None = None,
) -> Analysis:
    """Run every analysis on one sentence.

    ``text[x - base]`` is the character at document offset ``x``; ``quotes``
    are the quotation spans overlapping the sentence, clipped to it; ``hits``
    are the sentence's hits of the matched dictionaries (one list each, see
    :func:`helpers.diplomacy.dictionaries.matched_dictionaries`).
    ``detail=False`` (``score``) leaves out what no ``score`` column shows.
    Actors are resolved only when speech, a statement or an event needs them
    (speed: most sentences have none). ``memory`` is the article's
    :class:`~helpers.diplomacy.discourse.Discourse` (pronouns and short forms
    carried from the sentences before); ``score`` reads each row alone
    (:func:`analyse_batch`: the same steps, each over a batch of sentences).
    """
    found = _read_words(tokens, text, base, quotes, actors, hits, date, detail, memory, None)
    spoken = _speech(found, actors, memory, detail)
    return _finish(found, _acts(found, spoken, actors, memory, detail), count_words)


def analyse_batch(sentences, actors, dates=None) -> list[Analysis]:
    """:func:`analyse_tokens` (as ``score`` calls it: no article memory, ``detail=False``,
    no word count) for many sentences, each step over all of them before the next.

    ``sentences`` are ``(tokens, text, quotes, hits)`` of independent units
    (offsets from each text's start); ``dates`` one per sentence, or None.
    The results are those of :func:`analyse_tokens`, sentence by sentence;
    running one step's code and data over many sentences in a row keeps them
    in the processor's caches. The steps: PETRARCH2's verb patterns (a large
    index: matching them for the whole batch first saved about 4% of the
    diplomacy analyses' time on 4,000 sentences), the words (names, stance,
    mentions), speech, acts (statements and events), then uncertainty.
    """
    n = len(sentences)
    dates = [None] * n if dates is None else dates
    events = [with_petrarch(tokens, hits[3]) for tokens, _, _, hits in sentences]
    found = [
        _read_words(tokens, text, 0, quotes, actors, hits, date, False, None, words)
        for (tokens, text, quotes, hits), date, words in zip(sentences, dates, events, strict=True)
    ]
    spoken = [_speech(one, actors, None, False) for one in found]
    acts = [_acts(one, said, actors, None, False) for one, said in zip(found, spoken, strict=True)]
    return [_finish(one, act, False) for one, act in zip(found, acts, strict=True)]


class _Words(NamedTuple):
    """A sentence's words as the analyses read them, before its speech and acts."""

    tokens: list
    text: str
    base: int
    quotes: list
    hits: tuple  # stance, reporting verbs, ladder, events (PETRARCH2's included), names left out
    uncertainty_hits: list
    source_hits: list
    stance: list
    skipped: tuple
    mentions: list | None  # None: not resolved (nothing needs them)


def _read_words(tokens, text, base, quotes, actors, hits, date, detail, memory, events) -> _Words:
    """The first step of :func:`analyse_tokens`: event words, names, stance and mentions.

    ``events`` are the event words with PETRARCH2's (:func:`with_petrarch` of the
    ``events.yml`` hits) when the caller found them already, else None.
    """
    stance_hits, verb_hits, ladder_hits, event_hits, uncertainty_hits, source_hits = hits[:6]
    actor_hits = hits[6], hits[7]  # the actors' dictionary, their agent dictionary
    # PETRARCH2's verb patterns where the project's list has no event word
    # (precedence: helpers.diplomacy.petrarch_events).
    petrarch = with_petrarch(tokens, event_hits) if events is None else events
    if petrarch is not event_hits:
        event_hits = petrarch
        hits = [*hits[:3], event_hits, *hits[4:]]
    mentions = None
    if memory is not None:  # an article: its people and organs are names too
        mentions = _mentions(tokens, actors, date, actor_hits, memory)
    skipped: tuple = ()
    if stance_hits or verb_hits or ladder_hits or event_hits:
        named = _without_names(tokens, text, base, hits, mentions)
        if named is not None:
            (stance_hits, verb_hits, ladder_hits, event_hits), skipped = named
    stance = []
    if stance_hits or (detail and any(t.text == "?" for t in tokens)):
        stance = stance_in(tokens, quotes, stance_hits, detail)
    if ladder_hits and not is_statement(ladder_hits):
        ladder_hits = ()  # intensifiers alone make no statement
    if mentions is None and (quotes or verb_hits or ladder_hits or event_hits):
        # ``score`` reports no statement speaker, so a ladder word alone needs no actors.
        needed = detail or verb_hits or event_hits
        mentions = _mentions(tokens, actors, date, actor_hits, memory) if needed else []
    speech_and_acts = (stance_hits, verb_hits, ladder_hits, event_hits)
    return _Words(
        tokens, text, base, quotes, speech_and_acts, uncertainty_hits, source_hits, stance,
        skipped, mentions,
    )  # fmt: skip


def _speech(found: _Words, actors, memory, detail: bool) -> tuple | None:
    """``(sentence, speakers, attributions, speech spans)`` of a sentence whose words were
    read; None when it has no quotation, reporting verb, ladder or event word."""
    _, verb_hits, ladder_hits, event_hits = found.hits
    if not (found.quotes or verb_hits or ladder_hits or event_hits or memory is not None):
        return None
    s = Sentence(found.tokens, found.text, found.base, found.quotes, found.mentions, actors.names)
    if memory is not None:
        memory.read_mentions(s, actor_kinds(actors))
    speakers = None
    if s.quotes or verb_hits or (detail and ladder_hits):
        predicates = _predicates(verb_hits, ladder_hits, event_hits)
        speakers = Speakers(actor_kinds(actors), memory, predicates)
    attrs = attributions_in(s, verb_hits, speakers) if s.quotes or verb_hits else []
    speech = SpeechSpans(attrs, s.tokens) if attrs and (ladder_hits or event_hits) else NO_SPEECH
    return s, speakers, attrs, speech


def _acts(found: _Words, spoken: tuple | None, actors, memory, detail: bool) -> tuple:
    """``(attributions, statements, events)`` of a sentence whose speech was read
    (:func:`_speech`); ``memory`` closes the sentence last."""
    if spoken is None:
        return [], [], []
    s, speakers, attrs, speech = spoken
    _, _, ladder_hits, event_hits = found.hits
    statements = statements_in(s, speech, ladder_hits, detail, speakers) if ladder_hits else []
    events = events_in(s, speech, found.stance, event_hits) if event_hits else []
    if memory is not None:
        memory.end_sentence(s, actor_kinds(actors))
    return attrs, statements, events


def _finish(found: _Words, acts: tuple, count_words: bool) -> Analysis:
    """The :class:`Analysis` of a sentence: its uncertainty cues, read with its speech."""
    tokens = found.tokens
    attrs, found_statements, found_events = acts
    words = sum(1 for t in tokens if is_word(t)) if count_words else 0
    cues, anonymous = uncertainty_in(
        tokens, found.text, found.base, found.quotes, attrs, found.uncertainty_hits,
        found.source_hits, found.hits[1],
    )  # fmt: skip
    return Analysis(
        words,
        found.stance,
        found_statements,
        attrs,
        found_events,
        len(found.quotes),
        cues,
        found.source_hits,
        anonymous,
        found.skipped,
    )


# The dictionaries whose hits names hide, in the order of ``hits``.
_NAMED = ("stance", "reporting_verbs", "diplomacy", "events")
# Mention forms that are names (a demonym is an adjective, a role a common noun).
_NAME_FORMS = frozenset({"name", "alias", "organisation", "capital", "leader", "person"})


def _without_names(tokens: list[Token], text: str, base: int, hits, mentions):
    """The four lists of hits without those inside a name (:mod:`helpers.actors.names`),
    and what was left out; None when nothing was."""
    start = tokens[0].start
    sentence = text[start - base : tokens[-1].end - base]
    extra = ()
    if mentions:
        extra = tuple((m.start, m.end, m.text) for m in mentions if m.form in _NAME_FORMS)
    lists, skipped = [], []
    for name, found in zip(_NAMED, hits[:4], strict=True):
        kept, left = split_named(found, sentence, start, extra) if found else (found, [])
        lists.append(kept)
        skipped += [(name, skip) for skip in left]
    return (lists, tuple(skipped)) if skipped else None


def _mentions(tokens: list[Token], actors, date, hits, memory) -> list:
    """The sentence's actor mentions, with the agents no actor owns ("gunmen").

    ``hits`` are the sentence's hits of the actors' dictionary and of their
    agent dictionary. In an article (``memory`` given) they are read through
    the article's :class:`~helpers.actors.people.ArticleActors`: people tied
    to an actor earlier ("Polyanskiy") and organs of an organisation named
    before ("the Commission") are mentions too.
    """
    actor_hits, agent_hits = hits
    if memory is not None and memory.actors is not None:
        return memory.actors.find(tokens, actor_hits, agents=True, agent_hits=agent_hits)
    if not tokens or not (actor_hits or agent_hits):
        return []  # no actor and no agent ("gunmen", "protesters") named
    return actors.find(tokens, date, actor_hits, agents=True, agent_hits=agent_hits)


def _predicates(verb_hits, *other_hits) -> dict[int, bool]:
    """Where the sentence's verbs start: True for a reporting verb, False for a ladder or event word."""
    found = {h.tok_start: False for hits in other_hits for h in hits}
    found.update((h.tok_start, True) for h in verb_hits)
    return found


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
    memory = Discourse(ArticleActors(actors, date))
    sentences = seg.sentences
    for start, end, para, tokens in zip(
        sentences["start"].tolist(),
        sentences["end"].tolist(),
        sentences["para_id"].tolist(),
        seg.tokens,
        strict=True,
    ):
        clipped = sentence_quotes(quotes, start, end)
        found = match.match_tokens(tokens)
        memory.start_sentence(para, tokens[0].start if tokens else start)
        analysis = analyse_tokens(tokens, seg.text, 0, clipped, actors, found, date, memory=memory)
        results.append(analysis)
    try:
        seg._diplomacy_cache = ((actors, date, match), results)
    except AttributeError:  # a frozen or slotted object: simply do not cache
        pass
    return results
