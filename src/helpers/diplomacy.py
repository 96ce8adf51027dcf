"""Diplomatic language: stance, the intensity ladder, attributed speech, who does what to whom.

Four analyses of one article, each a plain table with the evidence of every
row (the words, their character span, the rule that fired, the list they came
from), and a fast per-sentence scorer for the ``score`` command.

Stance markers
    Hyland's interactional metadiscourse (Hyland 2005, *Metadiscourse*;
    Hyland 1998 on hedging): hedges, boosters, attitude markers,
    self-mentions, engagement markers; and modality after Palmer (2001):
    epistemic (possibility, likelihood, prediction) versus deontic
    (obligation, permission), with dynamic "can" kept apart. Lists:
    ``data/lexicons/stance.yml``. A hit is marked ``negated`` when "not",
    "n't", "never" or "no" stands within two tokens of it ("would not join",
    "isn't allowed to"); it is kept, never dropped.
The intensity ladder
    Official reaction graded 0-6 (none, regret, concern, serious concern,
    protest/unacceptable, condemnation, threat of countermeasures), kept as
    data in ``data/lexicons/diplomacy.yml`` together with the intensifier and
    negation rules it documents. Each statement gets the actor making it: the
    speaker of the attributed speech it sits in, else the actor that is the
    subject of its clause (or the agent after "by" in a passive).
Attribution of speech
    Direct quotations (:func:`helpers.text.quote_spans`, typographic and
    straight quotes) and reported speech introduced by a reporting verb
    (``data/lexicons/reporting_verbs.yml``), with the source resolved to an
    actor by :mod:`helpers.actors` where possible ("the Foreign Ministry in
    Moscow" -> Russia) and the content span. :func:`attributed_spans` gives
    the character spans of attributed speech for other analyses (the
    sentiment voice split) to use.
Who does what to whom
    A sparse pattern coder in the tradition of TABARI (Schrodt 1998-2001),
    written for this project: event verbs from ``data/lexicons/events.yml``
    (PLOVER-style types with quad class and a Goldstein-style weight,
    Goldstein 1992), the source taken from the actor mention before the verb
    in its clause, the target from the mention after it; passives ("talks
    were suspended by Moscow") swap the roles; events inside reported speech
    take the speaker as source and the addressee as target when the content
    names no actor of its own. Negation and modality qualify an event
    ("would not join", "could lead to"); they are recorded, not dropped.

Every table function takes ``seg`` (:func:`helpers.text.segment`), an
optional ``actors`` list (:func:`helpers.actors.load_actors`; the project's
list by default) and an optional ``date`` (the article's publication date, so
that leaders are resolved to the office they held then).

Limits. The rules read word order, not syntax: a clause with two subjects, a
relative clause between subject and verb, or a pronoun ("it", "they") as the
subject leaves the source empty or takes the nearest named actor, and the
``rule`` column says which rule decided. Irony, litotes beyond "not
unacceptable", and statements spread over several sentences are not seen.

References
    Hyland, K. (2005). Metadiscourse. London: Continuum. Hyland, K. (1998).
    Hedging in Scientific Research Articles. Amsterdam: Benjamins. Palmer,
    F. R. (2001). Mood and Modality, 2nd ed. Cambridge UP. Goldstein, J. S.
    (1992). A conflict-cooperation scale for WEIS events data. Journal of
    Conflict Resolution 36(2), 369-385. Gerner, D. J. et al. (2002). CAMEO
    codebook. Halterman, A. et al. (2023). PLOVER and POLECAT. Schrodt, P. A.
    TABARI manual.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from operator import attrgetter
from typing import Any, NamedTuple

from helpers.actors import _as_date, _span_text
from helpers.errors import ParameterError
from helpers.text import Token, quote_spans

__all__ = [
    "COLUMNS",
    "STANCE_TYPES",
    "LADDER_LABELS",
    "score_row",
    "aggregate_rows",
    "stance_markers",
    "stance_sentences",
    "stance_densities",
    "reference_articles",
    "reference_densities",
    "statements",
    "intensity_ladder",
    "highest_level_by_actor",
    "attributions",
    "attributed_spans",
    "events",
    "dyads",
    "dyad_matrix",
    "evidence_spans",
]

#: Columns returned by :func:`score_row`, in order.
COLUMNS: tuple[str, ...] = (
    "hedges",
    "boosters",
    "epistemic",
    "deontic",
    "uncertain",
    "intensity",
    "quotes",
    "speaker",
    "source_actor",
    "event",
    "quad_class",
    "goldstein",
    "target_actor",
)

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

# -- word classes the rules read (closed classes of English, not lexicon content) --------

_NEGATION = frozenset({"not", "n't", "never", "no", "nor", "neither"})
# "not only unacceptable but ..." is not a negation of "unacceptable".
_NOT_NEGATING_NEXT = frozenset({"only", "just", "merely", "simply", "least"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'re", "get", "got", "gets"})
# Irregular past participles of the event verbs that do not end in -ed/-en.
_IRREGULAR_PARTICIPLES = frozenset(
    {"held", "met", "struck", "sent", "cut", "put", "hit", "shot", "won"}
)
# Tokens that end a clause for subject and object search. A hyphen is not one
# ("World War II-era"), a dash is.
_BOUNDARY = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", ".", "!", "?", '"', "“", "”"})
_OPENERS = frozenset({"(", "[", "—", "–", '"', "“", "‘"})
_MODALITY_CATEGORIES = ("epistemic", "deontic", "dynamic")

# How far the rules look, in tokens (documented in diplomacy.yml / stance.yml).
_STANCE_NEG_WINDOW = 2
_LADDER_NEG_WINDOW = 3
_INTENSIFIER_BEFORE = 2
_INTENSIFIER_AFTER = 6
_EVENT_NEG_WINDOW = 3
_MODAL_WINDOW = 3
_THAT_WINDOW = 8
_AGENT_WINDOW = 4
_QUOTE_VERB_WINDOW = 12

_COOPERATION = ("verbal_cooperation", "material_cooperation")
# Reporting verbs whose object is the addressee ("told Tokyo", "warned Japan").
_ADDRESSEE_VERBS = frozenset(
    {"told", "tell", "tells", "warned", "warns", "warn", "notified", "informed", "urged", "assured"}
)


# -- compiled resources, cached at module level -----------------------------------------

_DICTS: dict[str, Any] = {}
# id(actors) -> (actors, names); the object is kept so that its id cannot be reused.
_ACTOR_NAMES: dict[int, tuple[Any, dict[str, str]]] = {}
_DEFAULT_ACTORS: list[Any] = []


def _dictionary(name: str):
    """Return a compiled dictionary; :func:`load_dictionary` also caches by file version."""
    found = _DICTS.get(name)
    if found is None:
        from helpers.lexicons import load_dictionary

        found = _DICTS[name] = load_dictionary(name)
    return found


# The dictionaries one sentence is matched with, in this order, then the actors'.
_MATCHED = ("stance", "reporting_verbs", "diplomacy", "events")
# id(actors) -> (actors, dictionaries, DictionarySet); the object is kept so its id
# cannot be reused.
_MATCHERS: dict[int, tuple] = {}


def score_dictionaries(actors=None) -> tuple:
    """The compiled dictionaries :func:`score_row` reads, in the order it wants their hits.

    ``stance``, ``reporting_verbs``, ``diplomacy``, ``events`` and the actors'
    dictionary. :mod:`helpers.score` matches them together with the other
    analyses' dictionaries in one pass (:class:`~helpers.lexicons.DictionarySet`)
    and hands :func:`score_row` the hits.
    """
    return tuple(_dictionary(name) for name in _MATCHED) + (_actors(actors).dictionary,)


def _matcher(actors):
    """One :class:`~helpers.lexicons.DictionarySet` over :func:`score_dictionaries`."""
    from helpers.lexicons import DictionarySet

    dictionaries = score_dictionaries(actors)
    entry = _MATCHERS.get(id(actors))
    if entry is None or entry[0] is not actors or entry[1] != dictionaries:
        entry = _MATCHERS[id(actors)] = (actors, dictionaries, DictionarySet(dictionaries))
    return entry[2]


def _refresh_dictionaries() -> tuple:
    """Pick up lexicon files edited since they were compiled (tables only, not ``score``).

    :func:`load_dictionary` recompiles a file whose size or modification time
    changed; the ``score`` hot path keeps its compiled copies for speed.
    """
    from helpers.lexicons import load_dictionary

    for name in _MATCHED:
        _DICTS[name] = load_dictionary(name)
    return tuple(id(d) for d in _DICTS.values())


def _actors(actors=None):
    if actors is not None:
        return actors
    if not _DEFAULT_ACTORS:
        from helpers.actors import load_actors

        _DEFAULT_ACTORS.append(load_actors())
    return _DEFAULT_ACTORS[0]


def _actor_names(actors) -> dict[str, str]:
    entry = _ACTOR_NAMES.get(id(actors))
    if entry is None or entry[0] is not actors:
        table = getattr(actors, "table", None)
        names = {}
        if table is not None and len(table):
            names = dict(zip(table["actor_id"].astype(str), table["name"].astype(str), strict=True))
        entry = _ACTOR_NAMES[id(actors)] = (actors, names)
    return entry[1]


# -- internal records -------------------------------------------------------------------


class _Mention(NamedTuple):
    actor_id: str
    name: str
    form: str
    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int


class _Stance(NamedTuple):
    category: str
    sense: str
    pattern: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    negated: bool
    rule: str


class _Statement(NamedTuple):
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


class _Attribution(NamedTuple):
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


class _Event(NamedTuple):
    start: int
    end: int
    action: str
    event: str
    mode: str
    quad_class: str
    goldstein: float
    negated: bool
    modality: str
    passive: bool
    source_id: str
    source: str
    target_id: str
    target: str
    rule: str


class _Analysis(NamedTuple):
    words: int
    stance: list
    statements: list
    attributions: list
    events: list
    quotes: int


# -- small token helpers ----------------------------------------------------------------


def _is_word(token: Token) -> bool:
    return any(c.isalnum() for c in token.text)


def _clause_start(tokens: list[Token], index: int) -> int:
    """Index of the first token of the clause that holds ``tokens[index]``."""
    i = index - 1
    while i >= 0 and tokens[i].norm not in _BOUNDARY:
        i -= 1
    return i + 1


def _clause_end(tokens: list[Token], index: int) -> int:
    """Index one past the last token of the clause that holds ``tokens[index - 1]``."""
    i = index
    n = len(tokens)
    while i < n and tokens[i].norm not in _BOUNDARY:
        i += 1
    return i


def _negated_before(tokens: list[Token], start: int, window: int) -> bool:
    """True when a negation stands within ``window`` tokens before ``start``, in the same clause."""
    i = start - 1
    while i >= 0 and start - i <= window:
        norm = tokens[i].norm
        if norm in _BOUNDARY:
            return False
        if norm in _NEGATION:
            following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            return following not in _NOT_NEGATING_NEXT
        i -= 1
    return False


def _negated_after(tokens: list[Token], end: int, window: int) -> bool:
    for i in range(end, min(len(tokens), end + window)):
        norm = tokens[i].norm
        if norm in _BOUNDARY:
            return False
        if norm in _NEGATION:
            following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            return following not in _NOT_NEGATING_NEXT
    return False


def _is_month_or_name(tokens: list[Token], index: int) -> bool:
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
        return before is not None and before.text not in _OPENERS
    return False


def _dedupe_mentions(mentions: list[_Mention]) -> list[_Mention]:
    """Keep the longest of overlapping mentions ("the Foreign Ministry in Moscow" over "Moscow")."""
    ordered = sorted(mentions, key=lambda m: (m.tok_start, -(m.tok_end - m.tok_start)))
    kept: list[_Mention] = []
    for mention in ordered:
        if kept and mention.tok_start < kept[-1].tok_end:
            continue
        kept.append(mention)
    return kept


def _find_mentions(tokens: list[Token], actors, date, hits) -> list[_Mention]:
    """Actor mentions of one sentence (``hits``: the actors' dictionary's hits)."""
    if not tokens or not hits:
        return []
    get = _actor_names(actors).get
    new = tuple.__new__  # _Mention(...) without the Python-level constructor: hot path
    mentions = [
        new(
            _Mention,
            (
                actor_id,
                get(actor_id, actor_id),
                form,
                tokens[a].start,
                tokens[b - 1].end,
                _span_text(tokens, a, b),
                a,
                b,
            ),
        )
        for _, a, b, actor_id, form, _, _, _ in actors._resolved(tokens, hits, _as_date(date))
    ]
    # Actors resolve to mentions in text order that never overlap; check it
    # (cheaply) rather than sort again.
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.tok_end > second.tok_start:
            return _dedupe_mentions(mentions)
    return mentions


_START = attrgetter("start")


def _token_index(tokens: list[Token], char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    return bisect_right(tokens, char - 1, key=_START)


# -- stance -----------------------------------------------------------------------------


def _stance(
    tokens: list[Token], quotes: list[tuple[int, int]], found: list, detail: bool = True
) -> list[_Stance]:
    """Stance hits of one sentence (``found``: the ``stance`` dictionary's hits).

    ``detail=False`` (the ``score`` hot path) skips the negation marks and the
    question rule, which no ``score`` column uses, and returns the dictionary
    hits themselves (they carry the ``category``, ``pattern`` and token span
    that ``score`` reads), less "may" the month or the name.
    """
    kept = [
        hit for hit in found if hit.pattern != "may" or not _is_month_or_name(tokens, hit.tok_start)
    ]
    if not detail:
        return kept
    hits = []
    for hit in kept:
        a, b = hit.tok_start, hit.tok_end
        category = hit.category
        negated = (
            (category in _MODALITY_CATEGORIES and any(t.norm in _NEGATION for t in tokens[a:b]))
            or _negated_before(tokens, a, _STANCE_NEG_WINDOW)
            or _negated_after(tokens, b, _STANCE_NEG_WINDOW)
        )
        sense = hit.attrs.get("sense", "") if hit.attrs else ""
        hits.append(_Stance(category, sense, hit.pattern, hit.start, hit.end, a, b, negated, ""))
    # Engagement: a question put to the reader ("?" outside a quotation).
    for i, token in enumerate(tokens):
        if token.text == "?" and not any(s <= token.start < e for s, e in quotes):
            hits.append(
                _Stance(
                    "engagement",
                    "question",
                    "?",
                    token.start,
                    token.end,
                    i,
                    i + 1,
                    False,
                    "question mark",
                )
            )
    return hits


# -- attribution --------------------------------------------------------------------------


def _nearest_before(mentions: list[_Mention], index: int, lower: int) -> _Mention | None:
    best = None
    for mention in mentions:
        if lower <= mention.tok_start and mention.tok_end <= index:
            best = mention
    return best


def _first_after(
    mentions: list[_Mention], index: int, upper: int, exclude: str = ""
) -> _Mention | None:
    for mention in mentions:
        if index <= mention.tok_start and mention.tok_end <= upper and mention.actor_id != exclude:
            return mention
    return None


def _inside_mention(hit, mentions: list[_Mention]) -> bool:
    """True when a hit is part of an actor's name ("States" in "United States")."""
    return any(m.tok_start <= hit.tok_start < m.tok_end for m in mentions)


# Words that cannot name a source on their own ("which suggests ...").
_NOT_A_SOURCE = frozenset({"which", "that", "who", "it", "this", "what", "and", "but"})


def _speaker_text(tokens: list[Token], lower: int, upper: int, text: str, base: int) -> str:
    """The words before a reporting verb that name its source (at most five)."""
    lower = max(lower, upper - 5)
    words = [t for t in tokens[lower:upper] if t.norm not in _BOUNDARY]
    while words and words[0].norm in _NOT_A_SOURCE:  # "but analysts said" -> "analysts"
        words.pop(0)
    if not words:
        return ""
    return text[words[0].start - base : words[-1].end - base]


def _attributions(
    tokens: list[Token],
    mentions: list[_Mention],
    quotes: list[tuple[int, int]],
    text: str,
    base: int,
    verb_hits: list,
) -> list[_Attribution]:
    """Attributions in one sentence; ``text[x - base]`` is the character at offset ``x``.

    ``verb_hits`` are the sentence's hits of ``reporting_verbs.yml``.
    """
    verbs = [
        h
        for h in verb_hits
        if not (quotes and any(s <= h.start < e for s, e in quotes))
        and not (mentions and _inside_mention(h, mentions))
    ]
    rv = _dictionary("reporting_verbs")
    rows: list[_Attribution] = []
    used: set[int] = set()

    def source_of(hit) -> tuple[_Mention | None, str, str]:
        a, b = hit.tok_start, hit.tok_end
        if hit.pattern == "according to":
            after = _first_after(mentions, b, min(len(tokens), b + 5))
            return (
                after,
                "according to",
                _speaker_text(tokens, b, _clause_end(tokens, b), text, base),
            )
        lower = _clause_start(tokens, a)
        before = _nearest_before(mentions, a, lower)
        if before is not None:
            return before, "subject", ""
        # "..., said Lavrov" / "”, said the ministry": the source follows the verb.
        after = _first_after(mentions, b, min(len(tokens), b + 4))
        if after is not None and (a == 0 or tokens[a - 1].norm in _BOUNDARY):
            return after, "inverted", ""
        # "Japan reacted as expected, declaring ...": a participle takes the main subject.
        if tokens[a].norm.endswith("ing") and a > 0 and tokens[a - 1].norm == ",":
            before = _nearest_before(mentions, a, 0)
            if before is not None:
                return before, "participle takes the main subject", ""
        return None, "", _speaker_text(tokens, lower, a, text, base)

    # Direct quotations: each takes the nearest reporting verb of its sentence.
    for q_start, q_end in quotes:
        qa = _token_index(tokens, q_start)
        qb = _token_index(tokens, q_end)
        best, best_distance = None, _QUOTE_VERB_WINDOW + 1
        for k, hit in enumerate(verbs):
            distance = qa - hit.tok_end if hit.tok_end <= qa else hit.tok_start - qb
            between = tokens[hit.tok_end : qa] if hit.tok_end <= qa else tokens[qb : hit.tok_start]
            # A bracket between them means the verb belongs to an aside, not to this quote.
            if any(t.norm in {"(", ")", "[", "]"} for t in between):
                continue
            if 0 <= distance < best_distance:
                best, best_distance = k, distance
        if best is None:
            rows.append(
                _Attribution(
                    "direct",
                    "",
                    "",
                    -1,
                    -1,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    q_start,
                    q_end,
                    "no reporting verb",
                )
            )
            continue
        used.add(best)
        hit = verbs[best]
        mention, rule, spoken = source_of(hit)
        act = str(rv.category_attrs.get(hit.category, {}).get("act", ""))
        rows.append(_attribution("direct", hit, act, mention, spoken, None, q_start, q_end, rule))
    # Reported speech: the remaining verbs, content after the verb (after "that").
    n = len(tokens)
    for k, hit in enumerate(verbs):
        if k in used:
            continue
        a, b = hit.tok_start, hit.tok_end
        mention, rule, spoken = source_of(hit)
        act = str(rv.category_attrs.get(hit.category, {}).get("act", ""))
        addressee = None
        if hit.pattern == "according to":
            kind = "according_to"
            end_of_source = _clause_end(tokens, b)
            if a == 0 or tokens[a - 1].norm in _BOUNDARY:
                c0 = (
                    end_of_source + 1
                    if end_of_source < n and tokens[end_of_source].norm == ","
                    else end_of_source
                )
                c1 = n
            else:
                c0, c1 = _clause_start(tokens, a), a
        else:
            kind = "reported"
            that = next(
                (i for i in range(b, min(n, b + _THAT_WINDOW)) if tokens[i].norm == "that"),
                None,
            )
            if that is None and hit.attrs.get("noun_too"):
                continue  # "member states", "territorial claims": no speech without "that"
            if that is not None:
                addressee = _first_after(
                    mentions, b, that, exclude=mention.actor_id if mention else ""
                )
                c0, c1 = that + 1, n
            elif b >= n or tokens[b].norm in _BOUNDARY:
                # "(language that is unhelpful, both sides concede, because ...)":
                # the content is the clause before the source.
                speaker_start = (
                    mention.tok_start if mention else max(_clause_start(tokens, a), a - 5)
                )
                c1 = speaker_start
                while c1 > 0 and tokens[c1 - 1].norm in _BOUNDARY:
                    c1 -= 1
                c0 = c1
                while (
                    c0 > 0
                    and tokens[c0 - 1].norm not in _OPENERS
                    and tokens[c0 - 1].norm not in {".", ";"}
                ):
                    c0 -= 1
            else:
                following = _first_after(mentions, b, min(n, b + 3))
                if (
                    following is not None
                    and following.tok_start == b
                    and hit.pattern in _ADDRESSEE_VERBS
                ):
                    addressee = following
                    c0 = following.tok_end
                else:
                    c0 = b
                c1 = n
        while c1 > c0 and tokens[c1 - 1].norm in _BOUNDARY:
            c1 -= 1
        while c0 < c1 and tokens[c0].norm in _BOUNDARY:
            c0 += 1
        if c0 >= c1:
            continue
        rows.append(
            _attribution(
                kind,
                hit,
                act,
                mention,
                spoken,
                addressee,
                tokens[c0].start,
                tokens[c1 - 1].end,
                rule,
            )
        )
    return rows


def _attribution(
    kind: str,
    hit,
    act: str,
    speaker: _Mention | None,
    spoken: str,
    addressee: _Mention | None,
    content_start: int,
    content_end: int,
    rule: str,
) -> _Attribution:
    """One attribution row: a reporting verb, its resolved speaker (or the words naming
    an unknown one), an optional addressee and the content span."""
    return _Attribution(
        kind,
        hit.pattern,
        act,
        hit.start,
        hit.end,
        speaker.actor_id if speaker else "",
        speaker.name if speaker else "",
        speaker.form if speaker else "",
        speaker.text if speaker else spoken,
        addressee.actor_id if addressee else "",
        addressee.name if addressee else "",
        content_start,
        content_end,
        rule or "not a known actor",
    )


def _attribution_at(attrs: list[_Attribution], char: int) -> _Attribution | None:
    for row in attrs:
        if row.content_start <= char < row.content_end:
            return row
    return None


# -- passive voice ----------------------------------------------------------------------


def _is_participle(token: Token) -> bool:
    norm = token.norm
    return norm.endswith(("ed", "en", "wn")) or norm in _IRREGULAR_PARTICIPLES


def _passive(tokens: list[Token], a: int, b: int) -> bool:
    """True for "was sanctioned", "talks were suspended", "have been suspended".

    A form of "be" (or "get"), optionally followed by "been"/"being", right
    before a past participle that belongs to the hit.
    """
    n = len(tokens)
    for i in range(max(0, a - 3), b):
        if tokens[i].norm in _BE:
            j = i + 1
            if j < n and tokens[j].norm in {"been", "being"}:
                j += 1
            if a <= j < b and _is_participle(tokens[j]):
                return True
    return False


def _agent(tokens: list[Token], mentions: list[_Mention], b: int) -> _Mention | None:
    """The actor after "by" that follows a passive verb ("suspended by Moscow")."""
    n = len(tokens)
    for i in range(b, min(n, b + _AGENT_WINDOW)):
        if tokens[i].norm in _BOUNDARY:
            return None
        if tokens[i].norm == "by":
            return _first_after(mentions, i + 1, min(n, i + 1 + _AGENT_WINDOW))
    return None


# -- intensity ladder -------------------------------------------------------------------


def _statements(
    tokens: list[Token],
    mentions: list[_Mention],
    attrs: list[_Attribution],
    hits: list,
    detail: bool = True,
) -> list[_Statement]:
    """Ladder statements of one sentence from its ``diplomacy.yml`` hits.

    ``detail=False`` (the ``score`` hot path, which reports only the level)
    leaves out who makes each statement.
    """
    dictionary = _dictionary("diplomacy")
    ladder = [h for h in hits if h.category.startswith("ladder/")]
    boosts = [h for h in hits if h.category == "intensifier"]
    top = max(LADDER_LABELS)
    rows = []
    for hit in ladder:
        base = int(dictionary.category_attrs[hit.category].get("level", 0))
        a, b = hit.tok_start, hit.tok_end
        intensifier = None
        for boost in boosts:
            after = boost.attrs.get("position") == "after"
            if not after and 0 <= a - boost.tok_end <= _INTENSIFIER_BEFORE:
                if not any(t.norm in _BOUNDARY for t in tokens[boost.tok_end : a]):
                    intensifier = boost
            elif after and 0 <= boost.tok_start - b <= _INTENSIFIER_AFTER:
                if not any(t.norm in _BOUNDARY for t in tokens[b : boost.tok_start]):
                    intensifier = boost
        level = base
        if intensifier is not None:
            # One rung up, but never into the threat rung (see diplomacy.yml).
            level = min(base + 1, top - 1) if base < top else base
        negated = _negated_before(tokens, a, _LADDER_NEG_WINDOW)
        if negated:
            level = 0
        start = min(hit.start, intensifier.start) if intensifier is not None else hit.start
        end = max(hit.end, intensifier.end) if intensifier is not None else hit.end
        speaker_id, speaker, rule = (
            _statement_speaker(tokens, mentions, attrs, hit, base) if detail else ("", "", "")
        )
        rows.append(
            _Statement(
                start,
                end,
                hit.pattern,
                base,
                level,
                intensifier.pattern if intensifier is not None else "",
                negated,
                speaker_id,
                speaker,
                rule,
                a,
            )
        )
    return rows


def _statement_speaker(
    tokens: list[Token], mentions: list[_Mention], attrs: list[_Attribution], hit, base: int
) -> tuple[str, str, str]:
    """Who makes a ladder statement: ``(actor id, name or words, rule)``.

    The speaker of the speech it sits in, else the agent of a passive
    condemnation, else the clause subject; empty strings when none is found.
    """
    a, b = hit.tok_start, hit.tok_end
    attribution = _attribution_at(attrs, hit.start)
    if attribution is not None and (attribution.speaker_id or attribution.speaker_text):
        rule = f"speaker ({attribution.kind})"
        if not attribution.speaker_id:
            rule += ", not a known actor"
        return attribution.speaker_id, attribution.speaker or attribution.speaker_text, rule
    if base >= 4 and _passive(tokens, a, b):
        # "was condemned by Tokyo"; not for feelings ("is concerned by"), whose
        # subject is the one concerned.
        agent = _agent(tokens, mentions, b)
        if agent is not None:
            return agent.actor_id, agent.name, "passive agent"
    subject = _nearest_before(mentions, a, _clause_start(tokens, a))
    if subject is not None:
        return subject.actor_id, subject.name, "clause subject"
    return "", "", ""


# -- events -----------------------------------------------------------------------------


def _modality(
    stance: list[_Stance], tokens: list[Token], a: int, b: int, mentions: list[_Mention]
) -> str:
    """The modal that qualifies an event.

    A modal before the event in its clause ("would not join"), or one right
    after a nominal event and its target ("a strike on Japan could lead to"):
    only actor names may stand between the event and that modal.
    """
    # Only modals near the event can qualify it: look no further for the others.
    modals = [
        hit
        for hit in stance
        if hit.category in _MODALITY_CATEGORIES
        and a - _MODAL_WINDOW <= hit.tok_start < b + _MODAL_WINDOW
    ]
    if not modals:
        return ""
    lower = max(_clause_start(tokens, a), a - _MODAL_WINDOW)
    named = None
    found = ""
    for hit in modals:
        word = tokens[hit.tok_start].text if hit.tok_end - hit.tok_start == 1 else hit.pattern
        if lower <= hit.tok_start and hit.tok_end <= a:
            found = word
        elif not found and b <= hit.tok_start < b + _MODAL_WINDOW:
            if named is None:
                named = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
            if all(i in named for i in range(b, hit.tok_start)):
                found = word
    return found


def _group(mentions: list[_Mention], last: _Mention, tokens: list[Token]) -> list[_Mention]:
    """``last`` and the mentions joined to it by "and" / "," ("Moscow and Tokyo")."""
    group = [last]
    index = mentions.index(last)
    while index > 0:
        previous = mentions[index - 1]
        between = [t.norm for t in tokens[previous.tok_end : group[0].tok_start]]
        if between and all(w in {",", "and"} for w in between):
            group.insert(0, previous)
            index -= 1
        else:
            break
    if len(group) == 1:
        return group
    seen: dict[str, _Mention] = {}
    for mention in group:
        seen.setdefault(mention.actor_id, mention)
    return list(seen.values())


def _events(
    tokens: list[Token],
    mentions: list[_Mention],
    attrs: list[_Attribution],
    stance: list[_Stance],
    event_hits: list,
    detail: bool = True,
) -> list[_Event]:
    """Events of one sentence from its ``events.yml`` hits.

    ``detail=False`` (the ``score`` hot path) returns only the main event
    (see :func:`_main_event`), resolving no event after it.
    """
    dictionary = _dictionary("events")
    hits = event_hits
    if mentions:  # an event word inside an actor's name is not an event ("United States")
        named = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        hits = [h for h in event_hits if h.tok_start not in named]
    n = len(tokens)
    # What qualifies each event comes first: it alone decides which is the main one.
    qualified = []
    for hit in hits:
        attrs_c = dictionary.category_attrs[hit.category]
        a, b = hit.tok_start, hit.tok_end
        weight = float(hit.attrs.get("goldstein", attrs_c.get("goldstein", 0.0)))
        negated = _negated_before(tokens, a, _EVENT_NEG_WINDOW) or (
            b < n and tokens[b].norm in {"not", "n't"}
        )
        modality = _modality(stance, tokens, a, b, mentions)
        qualified.append((hit, attrs_c, weight, negated, modality))
    if not detail and qualified:
        # Every event yields at least one row and a hit's rows share their
        # qualifiers, so the main row is the first row of the main hit. The
        # events before it are still resolved: a coordinated verb takes its
        # subject from the one before.
        pool = [k for k, q in enumerate(qualified) if not q[3] and not q[4]]
        main = max(pool or range(len(qualified)), key=lambda k: abs(qualified[k][2]))
        qualified = qualified[: main + 1]
    rows: list[_Event] = []
    previous: tuple[Any, list[_Mention], _Mention | None] | None = None
    first_of_hit = 0  # where the rows of the latest hit begin
    for hit, attrs_c, weight, negated, modality in qualified:
        first_of_hit = len(rows)
        a, b = hit.tok_start, hit.tok_end
        passive = _passive(tokens, a, b)
        lower = _clause_start(tokens, a)
        upper = _clause_end(tokens, b)
        # Stop the object search at the next event verb of the clause.
        for other in hits:
            if other.tok_start >= b and other is not hit:
                upper = min(upper, other.tok_start)
                break
        sources: list[_Mention] = []
        target: _Mention | None = None
        rule = "no source actor found"
        attribution = _attribution_at(attrs, hit.start)
        if passive:
            agent = _agent(tokens, mentions, b)
            if agent is not None:
                sources = [agent]
            target = _nearest_before(mentions, a, lower)
            rule = "passive: agent after 'by' is the source"
        else:
            content_lower = lower
            if attribution is not None:
                content_lower = max(lower, _token_index(tokens, attribution.content_start))
            subject = _nearest_before(mentions, a, content_lower)
            if (
                previous is not None
                and subject is not None
                and previous[2] is subject
                and any(t.norm == "and" for t in tokens[subject.tok_end : a])
            ):
                # "mobilizes forces to support NATO and confronts Europe": the
                # second verb shares the first one's subject, not its object.
                sources, rule = previous[1], "coordinated verb shares the subject"
            elif subject is not None:
                sources, rule = _group(mentions, subject, tokens), "clause subject"
            elif (
                attribution is not None and attribution.speaker_id and not hit.attrs.get("nominal")
            ):
                # "Russia notified Tokyo that talks are over": the speaker acts. Not for
                # a noun ("warned that sanctions would fail": whose sanctions is open).
                sources = [_speaker_mention(attribution)]
                rule = "speaker of the reported speech"
            elif tokens[a].norm.endswith("ing") and a > 0 and tokens[a - 1].norm == ",":
                # "Japan reacted, declaring ...": a participle takes the main subject.
                fallback = _nearest_before(mentions, a, 0)
                if fallback is not None:
                    sources, rule = [fallback], "participle takes the main subject"
            exclude = sources[0].actor_id if len(sources) == 1 else ""
            target = _first_after(mentions, b, upper, exclude=exclude)
            if (
                target is None
                and attribution is not None
                and attribution.addressee_id
                and rule.startswith("speaker")
            ):
                target = _Mention(
                    attribution.addressee_id, attribution.addressee, "addressee", -1, -1, "", -1, -1
                )
                rule += "; addressee is the target"
        symmetric = bool(attrs_c.get("symmetric", False))
        pairs: list[tuple[_Mention | None, _Mention | None]] = []
        if len(sources) >= 2 and target is None and symmetric:
            pairs = [(x, y) for x in sources for y in sources if x.actor_id != y.actor_id]
        elif sources:
            pairs = [(s, target) for s in sources]
        else:
            pairs = [(None, target)]
        for source, tgt in pairs:
            if source is not None and tgt is not None and source.actor_id == tgt.actor_id:
                tgt = None
            rows.append(
                _Event(
                    hit.start,
                    hit.end,
                    hit.pattern,
                    str(attrs_c.get("event", hit.category)),
                    hit.category,
                    str(attrs_c.get("quad_class", "")),
                    weight,
                    negated,
                    modality,
                    passive,
                    source.actor_id if source else "",
                    source.name if source else "",
                    tgt.actor_id if tgt else "",
                    tgt.name if tgt else "",
                    rule,
                )
            )
        previous = (hit, sources, target)
    if not detail and rows:
        return rows[first_of_hit : first_of_hit + 1]
    return rows


def _speaker_mention(attribution: _Attribution) -> _Mention:
    return _Mention(
        attribution.speaker_id, attribution.speaker, attribution.speaker_form, -1, -1, "", -1, -1
    )


# -- one sentence, all analyses ---------------------------------------------------------


def _analyse_tokens(
    tokens: list[Token],
    text: str,
    base: int,
    quotes: list[tuple[int, int]],
    actors,
    hits: list[list],
    date=None,
    count_words: bool = True,
    detail: bool = True,
) -> _Analysis:
    """Run every analysis on one sentence.

    ``text[x - base]`` is the character at document offset ``x``; ``quotes``
    are the quotation spans overlapping the sentence, clipped to it; ``hits``
    are the sentence's hits of :func:`score_dictionaries` (one list each).
    Actors are resolved only when speech, a statement or an event needs them
    (speed: most sentences have none).
    """
    stance_hits, verb_hits, ladder_hits, event_hits, actor_hits = hits
    stance = []
    if stance_hits or (detail and any(t.text == "?" for t in tokens)):
        stance = _stance(tokens, quotes, stance_hits, detail)
    if ladder_hits and not any(h.category.startswith("ladder/") for h in ladder_hits):
        ladder_hits = ()  # intensifiers alone make no statement
    attrs: list[_Attribution] = []
    found_statements: list[_Statement] = []
    found_events: list[_Event] = []
    if quotes or verb_hits or ladder_hits or event_hits:
        # ``score`` reports no statement speaker, so a ladder word alone needs no actors.
        needed = detail or verb_hits or event_hits
        mentions = _find_mentions(tokens, actors, date, actor_hits) if needed else []
        if quotes or verb_hits:
            attrs = _attributions(tokens, mentions, quotes, text, base, verb_hits)
        if ladder_hits:
            found_statements = _statements(tokens, mentions, attrs, ladder_hits, detail)
        if event_hits:
            found_events = _events(tokens, mentions, attrs, stance, event_hits, detail)
    words = sum(1 for t in tokens if _is_word(t)) if count_words else 0
    return _Analysis(words, stance, found_statements, attrs, found_events, len(quotes))


def _sentence_quotes(quotes: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [(max(s, start), min(e, end)) for s, e in quotes if s < end and e > start]


def _analyse_seg(seg, actors=None, date=None) -> list[_Analysis]:
    cache = getattr(seg, "_diplomacy_cache", None)
    key = (actors, date, _refresh_dictionaries())
    if cache is not None and cache[0][0] is key[0] and cache[0][1:] == key[1:]:
        return cache[1]
    actors = _actors(actors)
    match = _matcher(actors).match_tokens
    quotes = quote_spans(seg.text)
    results = []
    for (start, end), tokens in zip(
        zip(seg.sentences["start"].tolist(), seg.sentences["end"].tolist(), strict=True),
        seg.tokens,
        strict=True,
    ):
        clipped = _sentence_quotes(quotes, start, end)
        results.append(_analyse_tokens(tokens, seg.text, 0, clipped, actors, match(tokens), date))
    try:
        seg._diplomacy_cache = (key, results)
    except AttributeError:  # a frozen or slotted object: simply do not cache
        pass
    return results


# -- score command ----------------------------------------------------------------------


def _main_event(found: list[_Event]) -> _Event | None:
    """The event reported in ``score``: the strongest asserted one, else the strongest."""
    if not found:
        return None
    asserted = [e for e in found if not e.negated and not e.modality]
    pool = asserted or found
    return max(pool, key=lambda e: abs(e.goldstein))


def _event_label(event: _Event) -> str:
    parts = [event.modality] if event.modality else []
    if event.negated:
        parts.append("not")
    parts.append(event.event)
    return " ".join(parts)


def score_row(text: str, tokens: list[Token], hits: list[list] | None = None) -> dict:
    """Score one unit of text (usually a sentence) for the ``score`` command.

    Parameters
    ----------
    text : str
        The unit's text.
    tokens : list of Token
        ``helpers.text.tokenize(text)``.
    hits : list of list of Hit, optional
        The tokens' hits of each of :func:`score_dictionaries`, when the caller
        matched them already (as :mod:`helpers.score` does); else matched here.

    Returns
    -------
    dict
        The :data:`COLUMNS`: counts of hedges, boosters, epistemic and deontic
        modals; ``uncertain`` (a hedge or uncertainty cue is present);
        ``intensity`` (highest ladder level, 0 = none); ``quotes`` (number of
        direct quotations); ``speaker`` (actor, or source words, of the
        first attribution); the main event (strongest asserted one) as
        ``source_actor``, ``event`` (qualified: "would not cooperate"),
        ``quad_class``, ``goldstein`` (0.0 when the event is negated or
        modal: it did not, or not yet, happen) and ``target_actor``.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> s = "It may be clear that this is regrettable."
    >>> row = score_row(s, tokenize(s))  # doctest: +SKIP
    >>> row["hedges"], row["boosters"], row["intensity"]  # doctest: +SKIP
    (1, 1, 1)
    """
    quotes = quote_spans(text) if '"' in text or "“" in text or "‘" in text else []
    actors = _DEFAULT_ACTORS[0] if _DEFAULT_ACTORS else _actors(None)
    if hits is None:
        hits = _matcher(actors).match_tokens(tokens)
    analysis = _analyse_tokens(
        tokens, text, 0, quotes, actors, hits, count_words=False, detail=False
    )
    return _row_from(analysis)


# The row of a sentence with no stance marker, statement, quotation or event.
_EMPTY_ROW = {
    "hedges": 0,
    "boosters": 0,
    "epistemic": 0,
    "deontic": 0,
    "uncertain": False,
    "intensity": 0,
    "quotes": 0,
    "speaker": "",
    "source_actor": "",
    "event": "",
    "quad_class": "",
    "goldstein": 0.0,
    "target_actor": "",
}
# Stance category -> the count column it adds to ("uncertainty" only sets ``uncertain``).
_COUNTED = {
    "hedge": "hedges",
    "booster": "boosters",
    "epistemic": "epistemic",
    "deontic": "deontic",
}


def _row_from(analysis: _Analysis) -> dict:
    row = _EMPTY_ROW.copy()  # the usual sentence has little: fill in only what is there
    _, stance, statements, attributions, events, quotes = analysis
    for hit in stance:
        category = hit.category
        column = _COUNTED.get(category)
        if column is not None:
            row[column] += 1
        if category == "hedge" or category == "uncertainty":
            row["uncertain"] = True
    if statements:
        row["intensity"] = max(s.level for s in statements)
    if quotes:
        row["quotes"] = quotes
    for attribution in attributions:
        if attribution.speaker or attribution.speaker_text:
            row["speaker"] = attribution.speaker or attribution.speaker_text
            break
    main = _main_event(events) if events else None
    if main is not None:
        row["source_actor"] = main.source
        row["event"] = _event_label(main)
        row["quad_class"] = main.quad_class
        row["goldstein"] = 0.0 if main.negated or main.modality else main.goldstein
        row["target_actor"] = main.target
    return row


def aggregate_rows(rows: list[dict], weights: list[int]) -> dict:
    """Combine sentence rows into one document row (``score --unit document``).

    Counts are summed; ``uncertain`` is true if any sentence is; ``intensity``
    is the highest level; ``goldstein`` is the weighted mean over sentences
    with an asserted event (weights: the sentences' token counts), 0.0 when
    there is none; ``speaker``, ``source_actor``, ``event``, ``quad_class``,
    ``target_actor`` come from the sentence with the most extreme weight
    (first one on ties; the first event-bearing sentence when all weigh 0).

    Examples
    --------
    >>> a = dict(hedges=1, boosters=0, epistemic=1, deontic=0, uncertain=True, intensity=2, quotes=0,
    ...          speaker="", source_actor="Russia", event="sanction", quad_class="material_conflict",
    ...          goldstein=-5.6, target_actor="Japan")
    >>> b = dict(a, hedges=0, uncertain=False, intensity=5, event="", source_actor="", goldstein=0.0,
    ...          quad_class="", target_actor="")
    >>> out = aggregate_rows([a, b], [10, 5])
    >>> out["hedges"], out["uncertain"], out["intensity"], out["event"], out["goldstein"]
    (1, True, 5, 'sanction', -5.6)
    """
    if len(rows) != len(weights):
        raise ParameterError(
            "rows and weights differ in length",
            where="diplomacy.aggregate_rows",
            fix="Give one weight per row",
        )
    out: dict[str, Any] = {
        c: sum(int(r.get(c, 0) or 0) for r in rows)
        for c in ("hedges", "boosters", "epistemic", "deontic", "quotes")
    }
    out["uncertain"] = any(bool(r.get("uncertain")) for r in rows)
    out["intensity"] = max((int(r.get("intensity", 0) or 0) for r in rows), default=0)
    out["speaker"] = next((r["speaker"] for r in rows if r.get("speaker")), "")
    weighted = [
        (float(r["goldstein"]), w)
        for r, w in zip(rows, weights, strict=True)
        if r.get("event") and r.get("goldstein")
    ]
    total = sum(w for _, w in weighted)
    out["goldstein"] = round(sum(g * w for g, w in weighted) / total, 3) if total else 0.0
    with_event = [r for r in rows if r.get("event")]
    main = (
        max(with_event, key=lambda r: abs(float(r.get("goldstein") or 0.0))) if with_event else None
    )
    for column in ("source_actor", "event", "quad_class", "target_actor"):
        out[column] = main[column] if main else ""
    return {c: out[c] for c in COLUMNS}


# -- tables for notebooks ---------------------------------------------------------------


def _frame(rows, columns):
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


STANCE_MARKER_COLUMNS = tuple(
    "doc_id sent_id category sense pattern start end match negated rule".split()
)
STATEMENT_COLUMNS = tuple(
    "doc_id sent_id start end evidence word intensifier negated base_level level label "
    "speaker speaker_id rule".split()
)
ATTRIBUTION_COLUMNS = tuple(
    "doc_id sent_id kind verb act speaker speaker_id speaker_form speaker_text speaker_rule "
    "addressee addressee_id content content_start content_end verb_start verb_end".split()
)
EVENT_COLUMNS = tuple(
    "doc_id sent_id source source_id action event mode quad_class goldstein negated modality "
    "asserted passive target target_id rule start end sentence".split()
)
DYAD_COLUMNS = tuple(
    "source target events asserted cooperative conflictual mean_weight net_cooperation".split()
)


def stance_markers(seg, actors=None, date=None) -> Any:
    """Return every stance marker and modal with its span.

    Parameters
    ----------
    seg : Segmentation
        From :func:`helpers.text.segment`.
    actors : Actors, optional
        From :func:`helpers.actors.load_actors`; the project's list by default.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, category, sense, pattern, start, end, match,
        negated, rule``; ``category`` is one of :data:`STANCE_TYPES`;
        ``rule`` names a context rule when one made the hit ("question mark").

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = stance_markers(segment("Biden would not join. It is clearly late."))
    >>> t[["category", "match", "negated"]].values.tolist()
    [['hedge', 'would', True], ['epistemic', 'would', True], ['booster', 'clearly', False]]
    """
    rows = []
    text = seg.text
    for sent_id, analysis in enumerate(_analyse_seg(seg, actors, date)):
        for h in analysis.stance:
            match = text[h.start : h.end]
            rows.append(
                (seg.doc_id, sent_id, h.category, h.sense, h.pattern, h.start, h.end, match)
                + (h.negated, h.rule)
            )
    rows.sort(key=lambda r: (r[1], r[5]))
    return _frame(rows, STANCE_MARKER_COLUMNS)


def stance_sentences(seg, actors=None, date=None) -> Any:
    """Return stance counts and densities per sentence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, words``, one count column per stance type
        (:data:`STANCE_TYPES`), the same per 1,000 words
        (``hedge_per_1000`` ...), ``negated_modals`` and ``uncertain``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = stance_sentences(segment("The talks may resume."))
    >>> int(t.loc[0, "words"]), int(t.loc[0, "hedge"]), float(t.loc[0, "hedge_per_1000"])
    (4, 1, 250.0)
    """
    rows = []
    for sent_id, analysis in enumerate(_analyse_seg(seg, actors, date)):
        counts = dict.fromkeys(STANCE_TYPES, 0)
        negated = 0
        for h in analysis.stance:
            counts[h.category] += 1
            negated += int(h.negated and h.category in _MODALITY_CATEGORIES)
        words = analysis.words
        densities = [round(1000 * counts[c] / words, 2) if words else 0.0 for c in STANCE_TYPES]
        uncertain = bool(counts["hedge"] or counts["uncertainty"])
        rows.append((seg.doc_id, sent_id, words, *counts.values(), *densities, negated, uncertain))
    columns = [
        "doc_id",
        "sent_id",
        "words",
        *STANCE_TYPES,
        *[f"{c}_per_1000" for c in STANCE_TYPES],
        "negated_modals",
        "uncertain",
    ]
    return _frame(rows, columns)


def stance_densities(seg, actors=None, date=None) -> Any:
    """Return article-level counts and densities per 1,000 words, one row per stance type.

    Returns
    -------
    DataFrame
        ``category, count, words, per_1000``.
    """
    table = stance_sentences(seg, actors, date)
    words = int(table["words"].sum()) if len(table) else 0
    rows = []
    for category in STANCE_TYPES:
        count = int(table[category].sum()) if len(table) else 0
        rows.append((category, count, words, round(1000 * count / words, 2) if words else 0.0))
    return _frame(rows, ("category", "count", "words", "per_1000"))


def reference_articles(spec: str = "corpus", directory=None) -> list:
    """Return the articles whose pooled stance densities serve as a reference.

    Parameters
    ----------
    spec : str, default "corpus"
        ``"corpus"``: every article in ``directory``; otherwise a
        comma-separated list of article ids or paths.
    directory : path-like, optional
        Where ids are looked up; default ``data/articles``.

    Returns
    -------
    list of Article

    Raises
    ------
    ParameterError
        When ``spec`` names no article.
    """
    from helpers.corpus import article_files, load_article

    if not isinstance(spec, str) or not spec.strip():
        raise ParameterError(
            "no reference articles given",
            where="REFERENCE",
            fix='Write "corpus" or a comma-separated list of article ids',
        )
    if spec.strip() == "corpus":
        return [load_article(path) for path in article_files(directory)]
    names = [part.strip() for part in spec.split(",") if part.strip()]
    return [load_article(name, directory=directory) for name in names]


def reference_densities(articles, actors=None) -> Any:
    """Return stance densities pooled over several articles (a reference for one article).

    Parameters
    ----------
    articles : iterable of Article, Segmentation or str
        Articles (with ``.text`` and ``.id``), segmentations, or plain texts.
    actors : Actors, optional

    Returns
    -------
    DataFrame
        ``category, count, words, per_1000, articles``; densities are pooled
        (total hits over total words), so long articles weigh more.
    """
    from helpers.text import segment

    totals = dict.fromkeys(STANCE_TYPES, 0)
    words = 0
    n = 0
    for item in articles:
        if hasattr(item, "tokens") and hasattr(item, "sentences"):
            seg = item
        else:
            text = getattr(item, "text", item)
            seg = segment(str(text), doc_id=str(getattr(item, "id", f"doc{n}")))
        table = stance_densities(seg, actors)
        for row in table.itertuples(index=False):
            totals[row.category] += int(row.count)
        words += int(table["words"].iloc[0]) if len(table) else 0
        n += 1
    rows = [
        (c, totals[c], words, round(1000 * totals[c] / words, 2) if words else 0.0, n)
        for c in STANCE_TYPES
    ]
    return _frame(rows, ("category", "count", "words", "per_1000", "articles"))


def statements(seg, actors=None, date=None) -> Any:
    """Return every ladder word with its level, evidence and speaker.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, evidence, word, intensifier, negated,
        base_level, level, label, speaker, speaker_id, rule``: ``base_level``
        is the word's rung, ``level`` the rung after intensifier and negation
        (see ``data/lexicons/diplomacy.yml``); ``rule`` says how the speaker
        was found (attributed speech, clause subject, passive agent).

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = statements(segment("Japan called it completely unacceptable."))
    >>> t[["evidence", "base_level", "level", "speaker"]].values.tolist()
    [['completely unacceptable', 4, 5, 'Japan']]
    """
    rows = []
    text = seg.text
    for sent_id, analysis in enumerate(_analyse_seg(seg, actors, date)):
        for s in analysis.statements:
            rows.append(
                (seg.doc_id, sent_id, s.start, s.end, text[s.start : s.end], s.word)
                + (s.intensifier, s.negated, s.base_level, s.level, LADDER_LABELS.get(s.level, ""))
                + (s.speaker, s.speaker_id, s.rule)
            )
    return _frame(rows, STATEMENT_COLUMNS)


def intensity_ladder(seg, actors=None, date=None) -> Any:
    """Return the ladder level of every sentence (0 = none), in text order.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, level, label, evidence, speaker, speaker_id``: the
        strongest statement of each sentence; sentences without one have
        level 0 and empty evidence, so the table is the ladder over time.
    """
    found = statements(seg, actors, date)
    best: dict[int, tuple] = {}
    for row in found.itertuples(index=False):
        if row.sent_id not in best or row.level > best[row.sent_id][0]:
            best[row.sent_id] = (row.level, row.evidence, row.speaker, row.speaker_id)
    rows = []
    for sent_id in range(len(seg.tokens)):
        level, evidence, speaker, speaker_id = best.get(sent_id, (0, "", "", ""))
        label = LADDER_LABELS.get(level, "")
        rows.append((seg.doc_id, sent_id, level, label, evidence, speaker, speaker_id))
    columns = ("doc_id", "sent_id", "level", "label", "evidence", "speaker", "speaker_id")
    return _frame(rows, columns)


def highest_level_by_actor(statement_table) -> Any:
    """Return the highest ladder level each speaker reached.

    Parameters
    ----------
    statement_table : DataFrame
        From :func:`statements`.

    Returns
    -------
    DataFrame
        ``speaker, speaker_id, level, label, evidence, sent_id`` (the first
        sentence where that level was reached), strongest first; statements
        without a speaker are grouped as "(writer/unattributed)".

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"speaker": ["Japan", "Japan", ""], "speaker_id": ["JPN", "JPN", ""],
    ...     "level": [2, 5, 1], "evidence": ["concern", "completely unacceptable", "regret"],
    ...     "sent_id": [0, 3, 1]})
    >>> highest_level_by_actor(t)[["speaker", "level"]].values.tolist()
    [['Japan', 5], ['(writer/unattributed)', 1]]
    """
    best: dict[str, tuple] = {}
    for row in statement_table.itertuples(index=False):
        name = row.speaker or "(writer/unattributed)"
        if name not in best or row.level > best[name][1]:
            best[name] = (row.speaker_id, int(row.level), row.evidence, int(row.sent_id))
    rows = [
        (name, sid, level, LADDER_LABELS.get(level, ""), evidence, sent)
        for name, (sid, level, evidence, sent) in best.items()
    ]
    rows.sort(key=lambda r: -r[2])
    return _frame(rows, ("speaker", "speaker_id", "level", "label", "evidence", "sent_id"))


def attributions(seg, actors=None, date=None) -> Any:
    """Return attributed speech: who said what, with which verb.

    Parameters
    ----------
    seg : Segmentation
    actors : Actors, optional

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, kind, verb, act, speaker, speaker_id,
        speaker_form, speaker_text, speaker_rule, addressee, addressee_id,
        content, content_start, content_end, verb_start, verb_end``. ``kind`` is
        ``direct`` (a quotation; ``verb`` empty when no reporting verb is
        near), ``reported`` or ``according_to``; ``act`` is the verb's
        speech-act class (``reporting_verbs.yml``); ``speaker`` the actor
        name, ``speaker_text`` the words naming the source ("both sides"),
        ``speaker_rule`` how it was found (subject, inverted, according to,
        participle takes the main subject);
        ``-1`` marks a missing verb span.

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = attributions(segment("Russia warned Japan that talks were over."))
    >>> t[["kind", "verb", "speaker", "addressee", "content"]].values.tolist()
    [['reported', 'warned', 'Russia', 'Japan', 'talks were over']]
    """
    rows = []
    text = seg.text
    for sent_id, analysis in enumerate(_analyse_seg(seg, actors, date)):
        for a in analysis.attributions:
            content = text[a.content_start : a.content_end]
            rows.append(
                (seg.doc_id, sent_id, a.kind, a.verb, a.act, a.speaker, a.speaker_id)
                + (
                    a.speaker_form,
                    a.speaker_text,
                    a.speaker_rule,
                    a.addressee,
                    a.addressee_id,
                    content,
                )
                + (a.content_start, a.content_end, a.verb_start, a.verb_end)
            )
    return _frame(rows, ATTRIBUTION_COLUMNS)


def attributed_spans(seg, actors=None, date=None) -> list[tuple[int, int]]:
    """Return the character spans of attributed speech (quotations and reported content).

    Overlapping spans are merged; offsets point into ``seg.text``. This is
    what another analysis needs to separate the voices of sources from the
    writer's own voice.

    Examples
    --------
    >>> from helpers.text import segment
    >>> attributed_spans(segment("Tokyo said “no.” It rained."))
    [(11, 16)]
    """
    spans = sorted(
        (a.content_start, a.content_end)
        for result in _analyse_seg(seg, actors, date)
        for a in result.attributions
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def events(seg, actors=None, date=None) -> Any:
    """Return who does what to whom, one row per coded event.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, source, source_id, action, event, mode,
        quad_class, goldstein, negated, modality, asserted, passive, target,
        target_id, rule, start, end, sentence``. ``action`` is the pattern
        that matched, ``event`` the PLOVER-style type, ``mode`` the
        ``events.yml`` category, ``goldstein`` its nominal weight;
        ``asserted`` is false for negated or modal events ("would not
        join"), which are kept; ``rule`` says how source and target were
        found.

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = events(segment("Talks were suspended by Moscow."))
    >>> t[["source", "event", "passive"]].values.tolist()
    [['Russia', 'sanction', True]]
    """
    rows = []
    sentences = seg.sentences["text"].tolist()
    for sent_id, analysis in enumerate(_analyse_seg(seg, actors, date)):
        for e in analysis.events:
            asserted = not e.negated and not e.modality
            rows.append(
                (seg.doc_id, sent_id, e.source, e.source_id, e.action, e.event, e.mode)
                + (e.quad_class, e.goldstein, e.negated, e.modality, asserted, e.passive)
                + (e.target, e.target_id, e.rule, e.start, e.end, sentences[sent_id])
            )
    return _frame(rows, EVENT_COLUMNS)


def dyads(event_table) -> Any:
    """Return the directed dyad table: source -> target with counts and weights.

    Only events with both a source and a target count. ``mean_weight`` and
    ``net_cooperation`` use asserted events only (negated and modal events
    did not, or not yet, happen); ``events`` counts all of them.

    Parameters
    ----------
    event_table : DataFrame
        From :func:`events`.

    Returns
    -------
    DataFrame
        ``source, target, events, asserted, cooperative, conflictual,
        mean_weight, net_cooperation`` (``net_cooperation`` is the sum of
        the asserted Goldstein weights; ``mean_weight`` is NaN without
        asserted events), most events first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"source": ["Russia", "Russia", "Japan"],
    ...     "target": ["Japan", "Japan", "Russia"], "goldstein": [-3.8, -4.4, -5.6],
    ...     "asserted": [True, False, True],
    ...     "quad_class": ["material_conflict", "verbal_conflict", "material_conflict"]})
    >>> dyads(t)[["source", "target", "events", "asserted", "mean_weight"]].values.tolist()
    [['Russia', 'Japan', 2, 1, -3.8], ['Japan', 'Russia', 1, 1, -5.6]]
    """
    groups: dict[tuple[str, str], list] = {}
    for row in event_table.itertuples(index=False):
        if not row.source or not row.target:
            continue
        groups.setdefault((row.source, row.target), []).append(row)
    rows = []
    for (source, target), members in groups.items():
        asserted = [m for m in members if m.asserted]
        weights = [float(m.goldstein) for m in asserted]
        cooperative = sum(1 for m in asserted if m.quad_class in _COOPERATION)
        mean = round(sum(weights) / len(weights), 3) if weights else math.nan
        net = round(sum(weights), 3)
        rows.append(
            (source, target, len(members), len(asserted), cooperative)
            + (len(asserted) - cooperative, mean, net)
        )
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return _frame(rows, DYAD_COLUMNS)


def dyad_matrix(dyad_table, value: str = "net_cooperation") -> Any:
    """Return the dyads as a source x target matrix of ``value`` (NaN where no event).

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"source": ["Russia"], "target": ["Japan"], "net_cooperation": [-3.8]})
    >>> float(dyad_matrix(d).loc["Russia", "Japan"])
    -3.8
    """
    import pandas as pd

    if value not in getattr(dyad_table, "columns", []):
        raise ParameterError(
            f"unknown dyad column {value!r}",
            where="dyad_matrix(value=...)",
            fix="Use a numeric column of dyads(): events, asserted, mean_weight, net_cooperation",
        )
    names = sorted(set(dyad_table["source"]) | set(dyad_table["target"]))
    matrix = pd.DataFrame(
        math.nan,
        index=pd.Index(names, name="source"),
        columns=pd.Index(names, name="target"),
    )
    for row in dyad_table.itertuples(index=False):
        matrix.loc[row.source, row.target] = float(getattr(row, value))
    return matrix


_EVIDENCE_KINDS = ("speech", "ladder", "event", "stance")


def evidence_spans(seg, actors=None, include=("ladder", "event", "stance"), date=None) -> Any:
    """Return the spans to colour in the highlighted article.

    Parameters
    ----------
    seg : Segmentation
    actors : Actors, optional
    include : sequence of str, default ("ladder", "event", "stance")
        Which evidence to show, in drawing priority: ``speech`` (attributed
        content), ``ladder`` (statements), ``event`` (event verbs),
        ``stance`` (markers). :func:`helpers.highlight.highlight_html` draws
        the earlier and longer of overlapping spans, so ``speech`` spans
        (whole clauses) hide the markers inside them; leave it out to see
        those.

    Returns
    -------
    DataFrame
        ``start, end, category, note``; categories ``speech``,
        ``ladder:<level>``, ``event:<quad_class>``, ``stance:<type>``.
    """
    unknown = [kind for kind in include if kind not in _EVIDENCE_KINDS]
    if unknown:
        raise ParameterError(
            f"unknown evidence kind {unknown[0]!r}",
            where="evidence_spans(include=...)",
            fix=f"Choose from {', '.join(_EVIDENCE_KINDS)}",
        )
    rows = []
    for analysis in _analyse_seg(seg, actors, date):
        if "speech" in include:
            for a in analysis.attributions:
                who = a.speaker or a.speaker_text or "unknown source"
                note = f"{a.kind} speech, source: {who}"
                rows.append((a.content_start, a.content_end, "speech", note))
        if "ladder" in include:
            for s in analysis.statements:
                label = LADDER_LABELS.get(s.level, "")
                note = f"level {s.level} {label}; speaker: {s.speaker or '-'}"
                rows.append((s.start, s.end, f"ladder:{s.level}", note))
        if "event" in include:
            for e in analysis.events:
                who = f"{e.source or '?'} -> {e.target or '?'}"
                note = f"{_event_label(e)}: {who} ({e.goldstein:+.1f})"
                rows.append((e.start, e.end, f"event:{e.quad_class}", note))
        if "stance" in include:
            for h in analysis.stance:
                note = h.category + (" (negated)" if h.negated else "")
                rows.append((h.start, h.end, f"stance:{h.category}", note))
    return _frame(rows, ("start", "end", "category", "note"))
