"""Attribution of speech: who said what, with which verb, to whom.

Direct quotations (:func:`helpers.text.quote_spans`, typographic and straight
quotes) and reported speech introduced by a reporting verb
(``data/lexicons/reporting_verbs.yml``), with the content span and the
speaker. A quotation takes the nearest reporting verb of its sentence (within
twelve tokens, no bracket between); a quotation with none takes the speaker
of the reported speech it stands in ("said the deal showed that Washington
was “pumping weapons”"), else, in an article, continues the last quotation
of its paragraph ("“This veto is a disgrace,” said Woodward. “Russia has
once again chosen ...”"). The remaining verbs introduce reported speech,
whose content follows the verb (after "that" where there is one).

The speaker is the noun phrase before the verb, after it ("said NAME"),
after "according to", or the subject of the verb a participle follows
(:mod:`helpers.diplomacy.phrases`), read by
:mod:`helpers.diplomacy.speakers` into the words that name it
(``speaker_text``), the actor (``speaker_id``), its type (``speaker_type``)
and the rule that decided (``speaker_rule``, which also says why a speaker
is empty). In an article, pronouns, short forms and people named earlier
are carried from the text before (:mod:`helpers.diplomacy.discourse`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import NamedTuple

from helpers.diplomacy.dictionaries import dictionary
from helpers.diplomacy.phrases import (
    opens_clause,
    participle_phrase,
    phrase_after,
    phrase_before,
)
from helpers.diplomacy.sentence import Sentence
from helpers.diplomacy.speakers import NO_SOURCE, Source, describe
from helpers.diplomacy.words import BOUNDARY, OPENERS, in_spans, token_index
from helpers.text import Token

# How far the rules look, in tokens (documented in reporting_verbs.yml).
_THAT_WINDOW = 8
_QUOTE_VERB_WINDOW = 12
_BRACKETS = frozenset({"(", ")", "[", "]"})
# Reporting verbs whose object is the addressee ("told Tokyo", "warned Japan").
ADDRESSEE_VERBS = frozenset(
    {"told", "tell", "tells", "warned", "warns", "warn", "notified", "informed", "urged", "assured"}
)
# Where the content of a verb that ends its clause begins: after one of these.
_CONTENT_OPENERS = OPENERS | {".", ";"}
# Up to this many attributions in a sentence, a position is looked up by reading them all.
_FEW = 8

_TOK_START = attrgetter("tok_start")
_TOK_END = attrgetter("tok_end")


class Attribution(NamedTuple):
    """One attributed span: the verb, its speech act, speaker, addressee and content.

    ``speaker_id``/``speaker`` the actor, ``speaker_text`` the words naming
    the speaker as the text gives them, ``speaker_type`` one of
    :data:`helpers.diplomacy.speakers.SPEAKER_TYPES` (or ""),
    ``speaker_rule`` how it was found or why it is empty, ``speaker_agent``
    the CAMEO agent code of the speaker's head noun where it has one.
    """

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
    speaker_type: str = ""
    speaker_agent: str = ""


class Speakers:
    """What finding speakers needs beyond one sentence's words.

    ``kinds`` maps actor ids to speaker types
    (:func:`helpers.diplomacy.speakers.actor_kinds`), ``memory`` is the
    article's :class:`~helpers.diplomacy.discourse.Discourse` (None when a
    row is scored alone) and ``predicates`` maps the token positions where
    the sentence's reporting, ladder and event words start to True for a
    reporting verb.
    """

    __slots__ = ("kinds", "memory", "predicates")

    def __init__(self, kinds: dict[str, str], memory=None, predicates=None) -> None:
        self.kinds = kinds
        self.memory = memory
        self.predicates = {} if predicates is None else predicates


def attributions_in(s: Sentence, verb_hits: list, speakers: Speakers) -> list[Attribution]:
    """Attributions in one sentence; ``verb_hits`` are its hits of ``reporting_verbs.yml``.

    Direct quotations first (in text order), then reported speech.
    """
    quotes = s.quotes
    named = s.named() if s.mentions else ()
    tokens = s.tokens
    verbs = [
        h
        for h in verb_hits
        if not (quotes and in_spans(quotes, h.start))
        and h.tok_start not in named
        and _a_verb(tokens, h)
    ]
    acts = dictionary("reporting_verbs").category_attrs
    direct: list[Attribution | tuple[int, int]] = []
    sources: list[Source] = []
    used: set[int] = set()
    for q_start, q_end in quotes:
        k = _quote_verb(s, verbs, q_start, q_end)
        if k is None:
            direct.append((q_start, q_end))  # decided once reported speech is known
            continue
        used.add(k)
        hit = verbs[k]
        source = _source_of(s, hit, speakers)
        sources.append(source)
        direct.append(_attribution(s, "direct", hit, _act(acts, hit), source, None, q_start, q_end))
    reported = []
    for k, hit in enumerate(verbs):
        if k not in used:
            row = _reported(s, hit, _act(acts, hit), speakers, sources)
            if row is not None:
                reported.append(row)
    memory = speakers.memory
    around = SpeechSpans(reported, tokens) if reported and len(direct) > len(used) else NO_SPEECH
    rows = []
    for row in direct:
        if not isinstance(row, Attribution):
            row = _unverbed(s, row, around, memory, rows)
        rows.append(row)
    rows += reported
    if memory is not None:
        _remember(memory, rows, sources)
    return rows


def _remember(memory, rows: list[Attribution], sources: list[Source]) -> None:
    """Keep this sentence's speakers for the next ones (pronouns, short forms, quotations)."""
    for source in sorted(sources, key=lambda source: source.tok_start):
        words = source.head.split() if source.actor_id and source.head else []
        memory.remember(source, words)
    for row in rows:
        if row.kind == "direct" and (row.speaker_id or row.speaker_type):
            memory.remember_quote(row)


def _a_verb(tokens: list[Token], hit) -> bool:
    """False for a reporting verb's word used otherwise: a participle opening the sentence
    ("Confirmed by the Senate, ...", "Asked whether ..., he said"), a verb of hiding a
    source ("asked not to be named"), or a word that is
    also a noun after a determiner or at the start ("a false claim that", "States and
    cities")."""
    a = hit.tok_start
    if a == 0 and tokens[a].norm.endswith("ed") and hit.pattern != "according to":
        return False
    after = [t.norm for t in tokens[hit.tok_end : hit.tok_end + 3]]
    if after[:3] == ["not", "to", "be"] or after[:2] == ["to", "be"]:
        return False  # "who asked not to be named": how a source is hidden, not speech
    if hit.attrs.get("noun_too"):
        if a == 0 or tokens[a].text[:1].isupper():
            return False
        before = {t.norm for t in tokens[max(0, a - 2) : a]}
        if before & NOUN_MARKERS:
            return False
    return True


class _Position(NamedTuple):
    """A character and token position, as :meth:`SpeechSpans.at` reads a hit."""

    start: int
    tok_start: int


# Words before a noun: "a false claim", "the reports", "its pledges".
NOUN_MARKERS = frozenset(
    {"a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "'s", "'"}
)


def _unverbed(
    s: Sentence, span: tuple[int, int], around: SpeechSpans, memory, earlier: list[Attribution]
) -> Attribution:
    """A quotation with no reporting verb near: inside reported speech, after another
    quotation of the same sentence ('said A "B" and would "C"'), a continued quotation of
    the paragraph, or unattributed."""
    q_start, q_end = span
    row = around.at(_Position(q_start, token_index(s.tokens, q_start))) if around.rows else None
    if row is not None:
        return row._replace(
            kind="direct",
            content_start=q_start,
            content_end=q_end,
            speaker_rule=f"quotation inside reported speech ({row.speaker_rule})",
        )
    before = [r for r in earlier[-_FEW:] if 0 <= r.verb_start < q_start and r.speaker_text]
    if before:
        row = before[-1]
        rule = f"quotation after another of '{row.speaker_text}' in the sentence"
        return row._replace(content_start=q_start, content_end=q_end, speaker_rule=rule)
    quote = memory.continued_quote(q_start) if memory is not None else None
    if quote is not None:
        rule = f"continues the quotation of '{quote.speaker_text}'"
        return quote._replace(content_start=q_start, content_end=q_end, speaker_rule=rule)
    no_verb = ("", "", -1, -1, "", "", "", "", "", "")
    return Attribution("direct", *no_verb, q_start, q_end, "no reporting verb")


class SpeechSpans:
    """The attributions of one sentence, looked up by the position of a word.

    :meth:`at` gives the first attribution (in the order of ``rows``) whose
    content holds a hit's first character. With many attributions (a long
    unpunctuated line) the owner of every token is worked out once, so each
    look-up is constant work instead of a pass over all of them.
    """

    __slots__ = ("rows", "_tokens", "_owner", "_verbs")

    def __init__(self, rows: list[Attribution], tokens: list[Token]) -> None:
        self.rows = rows
        self._tokens = tokens
        self._owner: list[int] | None = None
        self._verbs: dict[int, Attribution] | None = None

    def spoken_by(self, hit) -> Attribution | None:
        """The attribution whose reporting verb starts where ``hit`` starts, or None."""
        if not self.rows:
            return None
        if self._verbs is None:  # built once per sentence: a long line may hold many
            self._verbs = {}
            for row in self.rows:
                self._verbs.setdefault(row.verb_start, row)
        return self._verbs.get(hit.start)

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


def _source_of(s: Sentence, hit, speakers: Speakers) -> Source:
    """The speaker of a reporting verb (see the module docstring), or :data:`NO_SOURCE`."""
    tokens = s.tokens
    a, b = hit.tok_start, hit.tok_end
    predicates = speakers.predicates
    if hit.pattern == "according to":
        phrase = phrase_after(tokens, b, predicates, loose=True)
    else:
        # "..., saying ...": the participle's subject is the main clause's, not a stretch
        # before the comma ("Speaking in Jerusalem, Abe called on ..., saying ...").
        phrase = participle_phrase(tokens, a, predicates)
        if phrase is None:
            phrase = phrase_before(tokens, a, predicates)
        if phrase is None and opens_clause(tokens, a):
            phrase = phrase_after(tokens, b, predicates)
    if phrase is None:
        return NO_SOURCE
    return describe(s, phrase, speakers.kinds, speakers.memory)


def _reported(
    s: Sentence, hit, act: str, speakers: Speakers, sources: list[Source]
) -> Attribution | None:
    """Reported speech (or "according to") introduced by ``hit``; None when it has no content."""
    tokens = s.tokens
    a, b = hit.tok_start, hit.tok_end
    source = _source_of(s, hit, speakers)
    sources.append(source)
    addressee = None
    if hit.pattern == "according to":
        kind = "according_to"
        c0, c1 = _according_to_content(s, a, b)
    else:
        kind = "reported"
        found = _reported_content(s, hit, source)
        if found is None:
            return None
        c0, c1, addressee = found
    c0, c1 = s.strip(c0, c1)
    if c0 >= c1:
        return None
    start, end = tokens[c0].start, tokens[c1 - 1].end
    return _attribution(s, kind, hit, act, source, addressee, start, end)


def _according_to_content(s: Sentence, a: int, b: int) -> tuple[int, int]:
    """Token span of what is "according to" someone: the rest of the sentence, or the clause before."""
    tokens = s.tokens
    n = len(tokens)
    if a == 0 or tokens[a - 1].norm in BOUNDARY:
        end_of_source = s.clause_end(b)
        if end_of_source < n and tokens[end_of_source].norm == ",":
            return end_of_source + 1, n
        if a > 0 and end_of_source >= n - 1:
            return 0, a  # "..., according to a count by AFP.": what stands before it
        return end_of_source, n
    return s.clause_start(a), a


def _reported_content(s: Sentence, hit, speaker: Source) -> tuple | None:
    """Token span of reported speech and its addressee; None for a noun without "that"."""
    tokens = s.tokens
    n = len(tokens)
    b = hit.tok_end
    if hit.attrs.get("quote_or_as"):
        # 'called the result "stolen"' is a quotation's verb; without one, only "as" gives content.
        as_ = next((i for i in range(b, min(n, b + _THAT_WINDOW)) if tokens[i].norm == "as"), None)
        return None if as_ is None else (as_ + 1, s.clause_end(as_ + 1), None)
    that = next((i for i in range(b, min(n, b + _THAT_WINDOW)) if tokens[i].norm == "that"), None)
    if that is None and hit.attrs.get("noun_too"):
        return None  # "member states", "territorial claims": no speech without "that"
    if that is not None:
        addressee = s.first_after(b, that, exclude=speaker.actor_id)
        return that + 1, n, addressee
    if b >= n or tokens[b].norm in BOUNDARY:
        return (*_content_before(s, hit.tok_start, speaker), None)
    following = s.first_after(b, min(n, b + 3))
    if following is not None and following.tok_start == b and hit.pattern in ADDRESSEE_VERBS:
        return following.tok_end, n, following
    return b, n, None


def _content_before(s: Sentence, a: int, speaker: Source) -> tuple[int, int]:
    """Content of a verb that ends its clause: the clause before the source.

    "(language that is unhelpful, both sides concede, because ...)".
    """
    c1 = speaker.tok_start if 0 <= speaker.tok_start < a else max(s.clause_start(a), a - 5)
    c1 = s.last_before(c1, BOUNDARY, inside=False) + 1
    return s.last_before(c1, _CONTENT_OPENERS) + 1, c1


def _attribution(
    s: Sentence,
    kind: str,
    hit,
    act: str,
    source: Source,
    addressee,
    content_start: int,
    content_end: int,
) -> Attribution:
    """One attribution row: a reporting verb, its speaker, an optional addressee
    (a :class:`helpers.actors.Mention`) and the content span."""
    return Attribution(
        kind,
        hit.pattern,
        act,
        hit.start,
        hit.end,
        source.actor_id,
        s.names.get(source.actor_id, source.actor_id) if source.actor_id else "",
        source.form,
        source.text,
        addressee.actor_id if addressee else "",
        s.name(addressee),
        content_start,
        content_end,
        source.rule,
        source.kind,
        source.agent,
    )
