"""Sourcing: who stands behind a statement, and which sources the text leaves unnamed.

A statement (a reporting verb, "according to", or a verb of belief such as
"believe", "expect") is sourced to a **named** person, to an
**institution**, to an **anonymous** source, or, in a sentence without one,
to **none**. The words for unnamed and institutional sources are in
``data/lexicons/sourcing.yml`` (the journalism research it follows is cited
there); named people are actors' leaders (:mod:`helpers.actors`) or
capitalised names in the source words.

A word of ``sourcing.yml`` tells what kind of source a phrase is only where it
stands as the source of a statement: within three tokens before the verb in
its clause ("U.S. officials said", "analysts expect"), within three after an
inverted verb ("..., said a senior official") or after "according to". The
explicit phrases ("on condition of anonymity", "sources familiar with the
talks") mark a sentence anonymous wherever they stand, and the vague groups
("critics", "analysts") count as weasel cues wherever they stand
(:mod:`helpers.diplomacy.uncertainty`).

References
    Culbertson, H. M. (1975). Veiled news sources - who and what are they?
    ANPA News Research Bulletin 3. Duffy, M. J. (2010). Unnamed Sources: A
    Longitudinal Review of the Practice and its Merits. Georgia State
    University.
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from helpers.diplomacy.words import BOUNDARY, token_index

#: Kinds of source, in table order; ``none``: a sentence that sources nothing.
SOURCING: tuple[str, ...] = ("named", "institutional", "anonymous", "none")

# How far a source may stand from its verb, in tokens (documented in sourcing.yml).
_WINDOW = 3
_CLOSING = frozenset({'"', "”", "’", "'"}) | BOUNDARY
# Categories of uncertainty.yml whose verbs make a statement as reporting verbs do.
_BELIEF = "doxastic/"
_EXPLICIT = "anonymous/explicit"
_TOK_START = attrgetter("tok_start")
_PRONOUNS_NAMED = frozenset({"he", "she", "i", "we", "they"})
_PRONOUNS_INSTITUTIONAL = frozenset({"it"})
# Words between a source and its verb ("Lavrov has also said", "said the ministry").
_SKIP = frozenset(
    "the a an has have had also later earlier previously again then once recently is was were are "
    "would will not n't never publicly repeatedly separately further already reportedly".split()
)


class SourceIndex:
    """Hits of ``sourcing.yml`` in one sentence, found by where they start and end.

    Looking up the source of a verb costs a few dictionary look-ups, however
    many hits and verbs the sentence has (linear work on long sentences).
    """

    def __init__(self, hits) -> None:
        self.by_start: dict[int, list] = {}
        self.by_end: dict[int, list] = {}
        for hit in hits:
            self.by_start.setdefault(hit.tok_start, []).append(hit)
            self.by_end.setdefault(hit.tok_end, []).append(hit)

    def attached(self, tokens, a: int, b: int, according: bool = False) -> list:
        """The hits that stand as the source of the verb ``tokens[a:b]``.

        Within :data:`_WINDOW` tokens before it in its clause (no boundary
        between), or after it when it opens its clause ("..., said a senior
        official") or is "according to".
        """
        found = []
        if not according:
            for end in range(a, max(-1, a - _WINDOW - 1), -1):
                if end < a and tokens[end].norm in BOUNDARY:
                    break
                found += self.by_end.get(end, ())
        if according or a == 0 or tokens[a - 1].norm in _CLOSING:
            for start in range(b, b + _WINDOW + 1):
                found += self.by_start.get(start, ())
        return found


def _claims(verb_hits: list, uncertainty_hits: list):
    """``(tok_start, tok_end, is_according_to)`` of every verb that makes a statement."""
    for h in verb_hits:
        if not h.category.startswith("_"):
            yield h.tok_start, h.tok_end, h.pattern == "according to"
    for h in uncertainty_hits:
        if h.category.startswith(_BELIEF):
            yield h.tok_start, h.tok_end, False


def anonymous_sources(tokens, source_hits: list, verb_hits: list, uncertainty_hits: list) -> list:
    """The hits of ``sourcing.yml`` that make a statement of the sentence anonymous, in text order.

    The ``anonymous/explicit`` phrases wherever they stand; the other
    ``anonymous`` words where they are the source of a statement.

    Examples
    --------
    >>> from helpers.lexicons import DictionarySet, load_dictionary
    >>> from helpers.text import tokenize
    >>> match = DictionarySet([load_dictionary(n) for n in ("sourcing", "reporting_verbs")])
    >>> def anonymous(text):
    ...     tokens = tokenize(text)
    ...     found, verbs = match.match_tokens(tokens)
    ...     return [h.pattern for h in anonymous_sources(tokens, found, verbs, [])]
    >>> anonymous("U.S. officials said the talks would resume."), anonymous("Officials met on Monday.")
    (['officials'], [])
    >>> anonymous("The talks stalled, said a senior diplomat.")
    ['diplomat']
    """
    explicit = [h for h in source_hits if h.category == _EXPLICIT]
    index = SourceIndex(
        h for h in source_hits if h.category.startswith("anonymous/") and h.category != _EXPLICIT
    )
    found = {(h.tok_start, h.category): h for h in explicit}
    if index.by_start:
        for a, b, according in _claims(verb_hits, uncertainty_hits):
            for hit in index.attached(tokens, a, b, according):
                found[hit.tok_start, hit.category] = hit
    return sorted(found.values(), key=_TOK_START) if len(found) > 1 else list(found.values())


def weasel_sources(anonymous: list, source_hits: list) -> list:
    """The sourcing hits that are weasel cues: anonymous sources and vague groups anywhere."""
    seen = {(h.tok_start, h.category) for h in anonymous}
    groups = [
        h
        for h in source_hits
        if h.category == "anonymous/vague_group" and (h.tok_start, h.category) not in seen
    ]
    return anonymous + groups if groups else anonymous


def _head(tokens, a: int, b: int, after: bool) -> int | None:
    """Index of the word that names a verb's source: the nearest before it, or after it."""
    span = (
        range(b, min(len(tokens), b + _WINDOW + 1)) if after else range(a - 1, max(-1, a - 5), -1)
    )
    for i in span:
        norm = tokens[i].norm
        if norm in BOUNDARY:
            return None
        if norm not in _SKIP:
            return i
    return None


class SentenceSources(NamedTuple):
    """What :func:`attribution_sourcing` reads of one sentence (build it with :func:`sentence_sources`)."""

    tokens: list
    anonymous: SourceIndex
    explicit: bool
    institutional: frozenset  # token indices inside an institutional word


def sentence_sources(tokens, source_hits: list, anonymous: list) -> SentenceSources:
    """Index one sentence's sourcing hits (``anonymous``: :func:`anonymous_sources`)."""
    covered = frozenset(
        i
        for h in source_hits
        if h.category == "institutional"
        for i in range(h.tok_start, h.tok_end)
    )
    explicit = any(h.category == _EXPLICIT for h in anonymous)
    return SentenceSources(tokens, SourceIndex(anonymous), explicit, covered)


def attribution_sourcing(attribution, sources: SentenceSources) -> str:
    """``named``, ``institutional`` or ``anonymous``: who an attribution's source is.

    Anonymous when an explicit phrase is in the sentence or an anonymous
    source (:func:`anonymous_sources`) stands as the source of its verb.
    Otherwise the word nearest the verb on the source's side decides: an
    actor's leader, a capitalised name that is not the actor's own name
    ("Foreign Ministry spokeswoman Maria Zakharova"), or a personal pronoun
    ("he said": the person named before) is named; "it", an institutional
    word of ``sourcing.yml`` or any other actor (a state, an organisation,
    "the Kremlin") is institutional; anything else, or no source at all, is
    anonymous. A quotation whose reporting verb is in another sentence gives "".
    """
    if not attribution.verb:
        return ""
    tokens = sources.tokens
    a = token_index(tokens, attribution.verb_start)
    b = token_index(tokens, attribution.verb_end)
    according = attribution.verb == "according to"
    if sources.explicit or sources.anonymous.attached(tokens, a, b, according):
        return "anonymous"
    if attribution.speaker_form == "leader":
        return "named"
    after = according or attribution.speaker_rule == "inverted"
    head = _head(tokens, a, b, after)
    if head is not None:
        token = tokens[head]
        if token.norm in _PRONOUNS_NAMED:
            return "named"
        if token.norm in _PRONOUNS_INSTITUTIONAL or head in sources.institutional:
            return "institutional"
        if token.text[:1].isupper() and token.text not in attribution.speaker_text.split():
            return "named"
    return "institutional" if attribution.speaker_id else "anonymous"


def sentence_sourcing(kinds: list[str]) -> str:
    """One sentence's sourcing from its attributions' kinds: anonymous, named, institutional, none.

    >>> sentence_sourcing(["named", "anonymous"]), sentence_sourcing([""]), sentence_sourcing([])
    ('anonymous', 'none', 'none')
    """
    for kind in ("anonymous", "named", "institutional"):
        if kind in kinds:
            return kind
    return "none"
