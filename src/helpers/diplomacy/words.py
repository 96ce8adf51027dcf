"""Closed word classes of English and the token-level tests every rule here reads.

Negation ("would not join", "isn't allowed to"), clause boundaries and the
passive voice ("talks were suspended"). These are word-order tests on one
sentence's tokens, not lexicon content: the lists that change with the
research question live in ``data/lexicons``.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter, itemgetter

from helpers.text import Token

NEGATION = frozenset({"not", "n't", "never", "no", "nor", "neither"})
# "not only unacceptable but ..." is not a negation of "unacceptable".
NOT_NEGATING_NEXT = frozenset({"only", "just", "merely", "simply", "least"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'re", "get", "got", "gets"})
# Irregular past participles of the event verbs that do not end in -ed/-en.
_IRREGULAR_PARTICIPLES = frozenset(
    {"held", "met", "struck", "sent", "cut", "put", "hit", "shot", "won"}
)
#: Tokens that end a clause for subject and object search. A hyphen is not one
#: ("World War II-era"), a dash is.
BOUNDARY = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", ".", "!", "?", '"', "“", "”"})
#: Tokens after which a capitalised word may start a sentence or a quotation.
OPENERS = frozenset({"(", "[", "—", "–", '"', "“", "‘"})


def is_word(token: Token) -> bool:
    """True for a token with a letter or a digit (what densities count as a word)."""
    return any(c.isalnum() for c in token.text)


def _negates(tokens: list[Token], i: int) -> bool:
    """True when the negation at ``tokens[i]`` is not "not only", "not just" ..."""
    following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return following not in NOT_NEGATING_NEXT


def negated_before(tokens: list[Token], start: int, window: int) -> bool:
    """True when a negation stands within ``window`` tokens before ``start``, in the same clause."""
    i = start - 1
    while i >= 0 and start - i <= window:
        norm = tokens[i].norm
        if norm in BOUNDARY:
            return False
        if norm in NEGATION:
            return _negates(tokens, i)
        i -= 1
    return False


def negated_after(tokens: list[Token], end: int, window: int) -> bool:
    """True when a negation stands within ``window`` tokens from ``end``, in the same clause."""
    for i in range(end, min(len(tokens), end + window)):
        norm = tokens[i].norm
        if norm in BOUNDARY:
            return False
        if norm in NEGATION:
            return _negates(tokens, i)
    return False


def _is_participle(token: Token) -> bool:
    norm = token.norm
    return norm.endswith(("ed", "en", "wn")) or norm in _IRREGULAR_PARTICIPLES


def passive(tokens: list[Token], a: int, b: int) -> bool:
    """True for "was sanctioned", "talks were suspended", "have been suspended".

    A form of "be" (or "get"), optionally followed by "been"/"being", right
    before a past participle that belongs to the hit ``tokens[a:b]``.
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


_START = attrgetter("start")
_FIRST = itemgetter(0)


def compound_adjective(tokens: list[Token], a: int) -> bool:
    """Whether the word at ``a`` ends a hyphenated adjective ("Kenyan-led", "US-backed").

    It describes the noun after it, as a parser would tag it: no verb, so no event.
    Added after reading freshly written news, not a labelled set.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> tokens = tokenize("Iranian-backed militias - backed by Iran")
    >>> compound_adjective(tokens, 2), compound_adjective(tokens, 5)
    (True, False)
    """
    if a < 2:
        return False
    hyphen, word = tokens[a - 1], tokens[a]
    return hyphen.text == "-" and tokens[a - 2].end == hyphen.start and hyphen.end == word.start


def token_index(tokens: list[Token], char: int) -> int:
    """Index of the first token starting at or after character ``char``."""
    return bisect_right(tokens, char - 1, key=_START)


def in_spans(spans: list[tuple[int, int]], char: int) -> bool:
    """True when ``char`` falls inside one of ``spans`` (in text order, never overlapping).

    Examples
    --------
    >>> in_spans([(0, 4), (10, 12)], 11), in_spans([(0, 4), (10, 12)], 4)
    (True, False)
    """
    k = bisect_right(spans, char, key=_FIRST)
    return k > 0 and char < spans[k - 1][1]
