"""The intensity ladder: official reactions graded 0-6, and who makes each statement.

The rungs (none, regret, concern, serious concern, protest/unacceptable,
condemnation, threat of countermeasures) are kept as data in
``data/lexicons/diplomacy.yml`` together with the intensifier and negation
rules it documents: an intensifier two tokens before ("deeply concerned") or
up to six after ("condemned ... in the strongest terms") moves a statement
one rung up, never into the threat rung; a negation up to three tokens
before ("does not condemn", "not unacceptable") sets it to 0. Each statement
gets the actor making it: the speaker of the attributed speech it sits in,
or of the reporting verb it is ("Moscow rejected the accusations"), else the
agent after "by" of a passive condemnation, else the subject of its clause,
found as a speaker is (:mod:`helpers.diplomacy.phrases`: "The United States,
which has a mutual defence treaty with the Philippines, condemned ...";
"Japan and Australia also expressed concern" is a statement of each), else
the actor nearest before it in its clause.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import NamedTuple

from helpers.diplomacy.attribution import SpeechSpans
from helpers.diplomacy.dictionaries import dictionary
from helpers.diplomacy.phrases import clause_subject, coordinated
from helpers.diplomacy.sentence import Sentence
from helpers.diplomacy.speakers import describe
from helpers.diplomacy.words import BOUNDARY, negated_before, passive

#: Rung labels of the intensity ladder (levels from ``diplomacy.yml``; 0 is "none").
LADDER_LABELS: dict[int, str] = {
    0: "none",
    1: "regret",
    2: "concern",
    3: "serious concern",
    4: "protest/unacceptable",
    5: "condemnation",
    6: "threat of countermeasures",
}

# How far the rules look, in tokens (documented in diplomacy.yml).
_NEG_WINDOW = 3
_INTENSIFIER_BEFORE = 2
_INTENSIFIER_AFTER = 6

_TOK_START = attrgetter("tok_start")
_TOK_END = attrgetter("tok_end")


class Statement(NamedTuple):
    """One ladder word: its span, rung before and after the rules, and its speaker."""

    start: int
    end: int
    word: str
    base_level: int
    level: int
    intensifier: str
    negated: bool
    speaker_id: str
    speaker: str
    rule: str
    tok_start: int


def is_statement(hits: list) -> bool:
    """True when ``diplomacy.yml`` hits hold a ladder word (intensifiers alone make none)."""
    return any(h.category.startswith("ladder/") for h in hits)


def statements_in(
    s: Sentence, speech: SpeechSpans, hits: list, detail: bool = True, speakers=None
) -> list[Statement]:
    """Ladder statements of one sentence from its ``diplomacy.yml`` hits.

    ``detail=False`` (the ``score`` hot path, which reports only the level)
    leaves out who makes each statement. ``speakers`` is the sentence's
    :class:`~helpers.diplomacy.attribution.Speakers` (for the subject of a
    statement); a statement of several coordinated actors is one row each.
    """
    levels = dictionary("diplomacy").category_attrs
    boosts = [h for h in hits if h.category == "intensifier"]
    top = max(LADDER_LABELS)
    rows = []
    for hit in hits:
        if not hit.category.startswith("ladder/"):
            continue
        base = int(levels[hit.category].get("level", 0))
        intensifier = _intensifier(s, hit, boosts)
        level = base
        if intensifier is not None:
            # One rung up, but never into the threat rung (see diplomacy.yml).
            level = min(base + 1, top - 1) if base < top else base
        negated = negated_before(s.tokens, hit.tok_start, _NEG_WINDOW)
        if negated:
            level = 0
        start, end, boost = hit.start, hit.end, ""
        if intensifier is not None:
            start, end = min(start, intensifier.start), max(end, intensifier.end)
            boost = intensifier.pattern
        who = statement_speakers(s, speech, hit, base, speakers) if detail else [("", "", "")]
        for speaker_id, speaker, rule in who:
            rows.append(
                Statement(
                    start,
                    end,
                    hit.pattern,
                    base,
                    level,
                    boost,
                    negated,
                    speaker_id,
                    speaker,
                    rule,
                    hit.tok_start,
                )
            )
    return rows


def _intensifier(s: Sentence, hit, boosts: list):
    """The intensifier of a ladder word, the last that fits when several do, or None.

    ``boosts`` are in text order; only those near the word are read.
    """
    tokens = s.tokens
    a, b = hit.tok_start, hit.tok_end
    intensifier = None
    first = bisect_left(boosts, a - _INTENSIFIER_BEFORE, key=_TOK_END)
    last = bisect_right(boosts, b + _INTENSIFIER_AFTER, key=_TOK_START)
    for boost in boosts[first:last]:
        after = boost.attrs.get("position") == "after"
        if not after and 0 <= a - boost.tok_end <= _INTENSIFIER_BEFORE:
            if not any(t.norm in BOUNDARY for t in tokens[boost.tok_end : a]):
                intensifier = boost
        elif after and 0 <= boost.tok_start - b <= _INTENSIFIER_AFTER:
            if not any(t.norm in BOUNDARY for t in tokens[b : boost.tok_start]):
                intensifier = boost
    return intensifier


def statement_speaker(
    s: Sentence, speech: SpeechSpans, hit, base: int, speakers=None
) -> tuple[str, str, str]:
    """Who makes a ladder statement: ``(actor id, name or words, rule)``; the first of
    :func:`statement_speakers`."""
    return statement_speakers(s, speech, hit, base, speakers)[0]


def statement_speakers(
    s: Sentence, speech: SpeechSpans, hit, base: int, speakers=None
) -> list[tuple[str, str, str]]:
    """Who makes a ladder statement: ``[(actor id, name or words, rule)]``.

    The speaker of the speech it sits in or of the reporting verb it is, else
    the agent of a passive condemnation, else its clause's subject (every
    actor of a coordinated subject), else the actor nearest before it in its
    clause; ``[("", "", "")]`` when none is found.
    """
    a, b = hit.tok_start, hit.tok_end
    attribution = speech.at(hit) or _verb_of(speech, hit)
    if attribution is not None and (attribution.speaker_id or attribution.speaker_text):
        rule = f"speaker ({attribution.kind})"
        if not attribution.speaker_id:
            rule += ", not a known actor"
        return [(attribution.speaker_id, attribution.speaker or attribution.speaker_text, rule)]
    if base >= 4 and passive(s.tokens, a, b):
        # "was condemned by Tokyo"; not for feelings ("is concerned by"), whose
        # subject is the one concerned.
        agent = s.passive_agent(b)
        if agent is not None:
            return [(agent.actor_id, s.name(agent), "passive agent")]
    if speakers is not None:
        found = subject_speakers(s, a, speakers)
        if found:
            return found
    subject = s.nearest_before(a, s.clause_start(a))
    if subject is not None and subject.actor_id:
        return [(subject.actor_id, s.name(subject), "clause subject")]
    return [("", "", "")]


def _verb_of(speech: SpeechSpans, hit):
    """The attribution whose reporting verb is this ladder word ("Moscow rejected ...")."""
    for row in speech.rows[:_FEW]:
        if row.verb_start == hit.start:
            return row
    return None


_FEW = 8


def subject_speakers(s: Sentence, a: int, speakers) -> list[tuple[str, str, str]]:
    """The subject of the clause a word at ``a`` stands in, read as a speaker is; each actor
    of a coordinated subject ("Japan and Australia") is one."""
    tokens = s.tokens
    phrase = clause_subject(tokens, a, speakers.predicates)
    if phrase is None:
        return []
    source = describe(s, phrase, speakers.kinds, speakers.memory)
    if not source.actor_id:
        return []
    rule = f"clause subject ({source.rule})"
    found = [(source.actor_id, s.names.get(source.actor_id, source.actor_id), rule)]
    for m in coordinated(s, phrase):
        if m.actor_id and all(m.actor_id != f[0] for f in found):
            found.append((m.actor_id, s.name(m), "clause subject, coordinated"))
    return found
