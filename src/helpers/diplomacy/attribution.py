"""Attribution of speech: who said what, with which verb, to whom.

Direct quotations (:func:`helpers.text.quote_spans`, typographic and straight
quotes) and reported speech introduced by a reporting verb
(``data/lexicons/reporting_verbs.yml``), with the source resolved to an
actor by :mod:`helpers.actors` where possible ("the Foreign Ministry in
Moscow" -> Russia) and the content span. A quotation takes the nearest
reporting verb of its sentence (within twelve tokens, no bracket between);
the remaining verbs introduce reported speech, whose content follows the verb
(after "that" where there is one).

The source of a verb is, in this order: the actor after "according to"; the
actor nearest before the verb in its clause (``subject``); the actor right
after a verb that opens its clause ("..., said Lavrov": ``inverted``); for a
participle after a comma, the subject of the main clause. When no actor
fits, ``speaker_text`` keeps the words that name the source ("both sides").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import NamedTuple

from helpers.actors import Mention
from helpers.diplomacy.dictionaries import dictionary
from helpers.diplomacy.sentence import Sentence
from helpers.diplomacy.words import BOUNDARY, OPENERS, in_spans, token_index
from helpers.text import Token

# How far the rules look, in tokens (documented in reporting_verbs.yml).
_THAT_WINDOW = 8
_QUOTE_VERB_WINDOW = 12
_BRACKETS = frozenset({"(", ")", "[", "]"})
# Reporting verbs whose object is the addressee ("told Tokyo", "warned Japan").
_ADDRESSEE_VERBS = frozenset(
    {"told", "tell", "tells", "warned", "warns", "warn", "notified", "informed", "urged", "assured"}
)
# Words that cannot name a source on their own ("which suggests ...").
_NOT_A_SOURCE = frozenset({"which", "that", "who", "it", "this", "what", "and", "but"})
# Where the content of a verb that ends its clause begins: after one of these.
_CONTENT_OPENERS = OPENERS | {".", ";"}
# Up to this many attributions in a sentence, a position is looked up by reading them all.
_FEW = 8

_TOK_START = attrgetter("tok_start")
_TOK_END = attrgetter("tok_end")


class Attribution(NamedTuple):
    """One attributed span: the verb, its speech act, speaker, addressee and content."""

    kind: str  # direct | reported | according_to
    verb: str
    act: str
    verb_start: int
    verb_end: int
    speaker_id: str
    speaker: str
    speaker_form: str
    speaker_text: str
    addressee_id: str
    addressee: str
    content_start: int
    content_end: int
    speaker_rule: str


def attributions_in(s: Sentence, verb_hits: list) -> list[Attribution]:
    """Attributions in one sentence; ``verb_hits`` are its hits of ``reporting_verbs.yml``.

    Direct quotations first (in text order), then reported speech.
    """
    quotes = s.quotes
    named = s.named() if s.mentions else ()
    verbs = [
        h
        for h in verb_hits
        if not (quotes and in_spans(quotes, h.start)) and h.tok_start not in named
    ]
    acts = dictionary("reporting_verbs").category_attrs
    rows: list[Attribution] = []
    used: set[int] = set()
    for q_start, q_end in quotes:
        k = _quote_verb(s, verbs, q_start, q_end)
        if k is None:
            no_verb = ("", "", -1, -1, "", "", "", "", "", "")
            rows.append(Attribution("direct", *no_verb, q_start, q_end, "no reporting verb"))
            continue
        used.add(k)
        hit = verbs[k]
        mention, rule, spoken = _source_of(s, hit)
        act = _act(acts, hit)
        rows.append(
            _attribution(s, "direct", hit, act, mention, spoken, None, q_start, q_end, rule)
        )
    for k, hit in enumerate(verbs):
        if k not in used:
            row = _reported(s, hit, _act(acts, hit))
            if row is not None:
                rows.append(row)
    return rows


class SpeechSpans:
    """The attributions of one sentence, looked up by the position of a word.

    :meth:`at` gives the first attribution (in the order of ``rows``) whose
    content holds a hit's first character. With many attributions (a long
    unpunctuated line) the owner of every token is worked out once, so each
    look-up is constant work instead of a pass over all of them.
    """

    __slots__ = ("rows", "_tokens", "_owner")

    def __init__(self, rows: list[Attribution], tokens: list[Token]) -> None:
        self.rows = rows
        self._tokens = tokens
        self._owner: list[int] | None = None

    def at(self, hit) -> Attribution | None:
        """The attribution whose content holds ``hit`` (a dictionary hit), or None."""
        rows = self.rows
        if len(rows) <= _FEW:
            char = hit.start
            for row in rows:
                if row.content_start <= char < row.content_end:
                    return row
            return None
        if self._owner is None:
            self._owner = _first_cover(self._tokens, rows)
        k = self._owner[hit.tok_start]
        return rows[k] if k >= 0 else None


#: A sentence without attributed speech.
NO_SPEECH = SpeechSpans([], [])


def _first_cover(tokens: list[Token], rows: list[Attribution]) -> list[int]:
    """For every token, the index of the first row whose content holds its start, or -1.

    Each row paints the tokens of its content that no earlier row painted;
    ``following[i]`` leads to the next unpainted token, so no token is
    painted or passed over twice (union-find with path halving).
    """
    n = len(tokens)
    owner = [-1] * n
    following = list(range(n + 1))
    for k, row in enumerate(rows):
        end = token_index(tokens, row.content_end)
        i = _unpainted(following, token_index(tokens, row.content_start))
        while i < end:
            owner[i] = k
            following[i] = i + 1
            i = _unpainted(following, i + 1)
    return owner


def _unpainted(following: list[int], i: int) -> int:
    while following[i] != i:
        following[i] = following[following[i]]
        i = following[i]
    return i


def _act(acts: dict, hit) -> str:
    return str(acts.get(hit.category, {}).get("act", ""))


def _quote_verb(s: Sentence, verbs: list, q_start: int, q_end: int) -> int | None:
    """Index in ``verbs`` of the reporting verb of a quotation: the nearest, no bracket between."""
    tokens = s.tokens
    qa = token_index(tokens, q_start)
    qb = token_index(tokens, q_end)
    best, best_distance = None, _QUOTE_VERB_WINDOW + 1
    # Only a verb ending within the window before the quotation, or starting
    # within it after, can be its verb: the others are not read at all.
    first = bisect_left(verbs, qa - _QUOTE_VERB_WINDOW, key=_TOK_END)
    last = bisect_right(verbs, qb + _QUOTE_VERB_WINDOW, key=_TOK_START)
    for k in range(first, last):
        hit = verbs[k]
        distance = qa - hit.tok_end if hit.tok_end <= qa else hit.tok_start - qb
        between = tokens[hit.tok_end : qa] if hit.tok_end <= qa else tokens[qb : hit.tok_start]
        # A bracket between them means the verb belongs to an aside, not to this quote.
        if any(t.norm in _BRACKETS for t in between):
            continue
        if 0 <= distance < best_distance:
            best, best_distance = k, distance
    return best


def _source_of(s: Sentence, hit) -> tuple[Mention | None, str, str]:
    """``(actor mention or None, rule, words naming an unknown source)`` of a reporting verb."""
    tokens = s.tokens
    a, b = hit.tok_start, hit.tok_end
    if hit.pattern == "according to":
        after = s.first_after(b, min(len(tokens), b + 5))
        return after, "according to", _speaker_text(s, b, s.clause_end(b))
    lower = s.clause_start(a)
    before = s.nearest_before(a, lower)
    if before is not None:
        return before, "subject", ""
    # "..., said Lavrov" / "”, said the ministry": the source follows the verb.
    after = s.first_after(b, min(len(tokens), b + 4))
    if after is not None and (a == 0 or tokens[a - 1].norm in BOUNDARY):
        return after, "inverted", ""
    main = s.participle_subject(a)
    if main is not None:
        return main, "participle takes the main subject", ""
    return None, "", _speaker_text(s, lower, a)


def _speaker_text(s: Sentence, lower: int, upper: int) -> str:
    """The words before a reporting verb that name its source (at most five)."""
    lower = max(lower, upper - 5)
    words = [t for t in s.tokens[lower:upper] if t.norm not in BOUNDARY]
    while words and words[0].norm in _NOT_A_SOURCE:  # "but analysts said" -> "analysts"
        words.pop(0)
    if not words:
        return ""
    return s.chars(words[0].start, words[-1].end)


def _reported(s: Sentence, hit, act: str) -> Attribution | None:
    """Reported speech (or "according to") introduced by ``hit``; None when it has no content."""
    tokens = s.tokens
    a, b = hit.tok_start, hit.tok_end
    mention, rule, spoken = _source_of(s, hit)
    addressee = None
    if hit.pattern == "according to":
        kind = "according_to"
        c0, c1 = _according_to_content(s, a, b)
    else:
        kind = "reported"
        found = _reported_content(s, hit, mention)
        if found is None:
            return None
        c0, c1, addressee = found
    c0, c1 = s.strip(c0, c1)
    if c0 >= c1:
        return None
    start, end = tokens[c0].start, tokens[c1 - 1].end
    return _attribution(s, kind, hit, act, mention, spoken, addressee, start, end, rule)


def _according_to_content(s: Sentence, a: int, b: int) -> tuple[int, int]:
    """Token span of what is "according to" someone: the rest of the sentence, or the clause before."""
    tokens = s.tokens
    n = len(tokens)
    if a == 0 or tokens[a - 1].norm in BOUNDARY:
        end_of_source = s.clause_end(b)
        if end_of_source < n and tokens[end_of_source].norm == ",":
            return end_of_source + 1, n
        return end_of_source, n
    return s.clause_start(a), a


def _reported_content(
    s: Sentence, hit, speaker: Mention | None
) -> tuple[int, int, Mention | None] | None:
    """Token span of reported speech and its addressee; None for a noun without "that"."""
    tokens = s.tokens
    n = len(tokens)
    b = hit.tok_end
    that = next((i for i in range(b, min(n, b + _THAT_WINDOW)) if tokens[i].norm == "that"), None)
    if that is None and hit.attrs.get("noun_too"):
        return None  # "member states", "territorial claims": no speech without "that"
    if that is not None:
        addressee = s.first_after(b, that, exclude=speaker.actor_id if speaker else "")
        return that + 1, n, addressee
    if b >= n or tokens[b].norm in BOUNDARY:
        return (*_content_before(s, hit.tok_start, speaker), None)
    following = s.first_after(b, min(n, b + 3))
    if following is not None and following.tok_start == b and hit.pattern in _ADDRESSEE_VERBS:
        return following.tok_end, n, following
    return b, n, None


def _content_before(s: Sentence, a: int, speaker: Mention | None) -> tuple[int, int]:
    """Content of a verb that ends its clause: the clause before the source.

    "(language that is unhelpful, both sides concede, because ...)".
    """
    c1 = speaker.tok_start if speaker else max(s.clause_start(a), a - 5)
    c1 = s.last_before(c1, BOUNDARY, inside=False) + 1
    return s.last_before(c1, _CONTENT_OPENERS) + 1, c1


def _attribution(
    s: Sentence,
    kind: str,
    hit,
    act: str,
    speaker: Mention | None,
    spoken: str,
    addressee: Mention | None,
    content_start: int,
    content_end: int,
    rule: str,
) -> Attribution:
    """One attribution row: a reporting verb, its resolved speaker (or the words naming
    an unknown one), an optional addressee and the content span."""
    return Attribution(
        kind,
        hit.pattern,
        act,
        hit.start,
        hit.end,
        speaker.actor_id if speaker else "",
        s.name(speaker),
        speaker.form if speaker else "",
        speaker.text if speaker else spoken,
        addressee.actor_id if addressee else "",
        s.name(addressee),
        content_start,
        content_end,
        rule or "not a known actor",
    )
