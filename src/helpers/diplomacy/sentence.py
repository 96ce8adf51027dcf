"""One sentence as the diplomacy rules read it: tokens, actor mentions, clauses.

The actor mentions are :class:`helpers.actors.Mention` records (the one
mention record of the project), found by :meth:`helpers.actors.Actors.find`
with the hits the sentence was matched with. :class:`Sentence` answers the
questions every rule asks about word order: where the clause of a token
starts and ends, which actor stands nearest before a word, which comes first
after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from helpers.actors import Mention
from helpers.diplomacy.words import BOUNDARY
from helpers.text import Token

# How far after a passive verb "by" and its agent may stand, in tokens (diplomacy.yml).
AGENT_WINDOW = 4
#: Tokens a look-up walks before it searches the positions it has built instead.
WALK = 24
_FEW = 8

_TOK_START = attrgetter("tok_start")
_TOK_END = attrgetter("tok_end")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions ("the Foreign Ministry in Moscow" over "Moscow")."""
    ordered = sorted(mentions, key=lambda m: (m.tok_start, -(m.tok_end - m.tok_start)))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.tok_start < kept[-1].tok_end:
            continue
        kept.append(mention)
    return kept


def find_mentions(tokens: list[Token], actors, date, hits) -> list[Mention]:
    """Actor mentions of one sentence (``hits``: the actors' dictionary's hits), in text order."""
    if not tokens or not hits:
        return []
    mentions = actors.find(tokens, date, hits)
    # Actors resolve to mentions in text order that never overlap; check it
    # (cheaply) rather than sort again.
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.tok_end > second.tok_start:
            return _dedupe(mentions)
    return mentions


def stand_in(actor_id: str, form: str) -> Mention:
    """A mention with no place in the text: a speaker or addressee carried over from speech."""
    return Mention(actor_id, form, -1, -1, "", -1, -1)


class Sentence:
    """One sentence's tokens with the text, quotations and actor mentions the rules read.

    ``text[x - base]`` is the character at document offset ``x``; ``quotes``
    are the quotation spans overlapping the sentence, clipped to it;
    ``mentions`` are in text order and never overlap; ``names`` maps an
    actor id to its name.

    A look-up costs a short walk or a binary search, whatever the sentence's
    length: a walk that goes further than :data:`WALK` tokens builds the
    positions of the tokens it looks for, once per sentence, and searches
    those; :meth:`first_after` passes over only the excluded actor's
    mentions inside its bounds, which the rules keep apart (issue 12: a
    sentence of 200,000 words without punctuation is one sentence, and
    ``score`` rows are never cut).
    """

    __slots__ = ("tokens", "text", "base", "quotes", "mentions", "names", "_named", "_positions")

    def __init__(self, tokens, text, base, quotes, mentions, names) -> None:
        self.tokens: list[Token] = tokens
        self.text: str = text
        self.base: int = base
        self.quotes: list[tuple[int, int]] = quotes
        self.mentions: list[Mention] = mentions
        self.names: dict[str, str] = names
        self._named: set[int] | None = None
        self._positions: dict[tuple[frozenset, bool], list[int]] | None = None

    def chars(self, start: int, end: int) -> str:
        """The text between two document offsets."""
        return self.text[start - self.base : end - self.base]

    def name(self, mention: Mention | None) -> str:
        """The actor's name, or "" for no mention."""
        if mention is None:
            return ""
        return self.names.get(mention.actor_id, mention.actor_id)

    # -- word positions -----------------------------------------------------------------
    def last_before(self, index: int, words: frozenset, inside: bool = True) -> int:
        """The last ``i < index`` whose token is (``inside``) or is not in ``words``; else -1."""
        tokens = self.tokens
        i = index - 1
        while i >= 0 and (tokens[i].norm in words) is not inside:
            if index - i >= WALK:  # a long way back: search the positions instead
                return self._search_before(index, words, inside)
            i -= 1
        return i

    def first_from(self, index: int, words: frozenset, inside: bool = True) -> int:
        """The first ``i >= index`` whose token is (``inside``) or is not in ``words``; else n."""
        tokens = self.tokens
        i, n = index, len(tokens)
        while i < n and (tokens[i].norm in words) is not inside:
            if i - index >= WALK:
                return self._search_from(index, words, inside)
            i += 1
        return i

    def around(self, index: int, words: frozenset) -> tuple[int, int]:
        """The last ``i < index`` and the first ``j > index`` whose token is in ``words``
        (-1 and n when there is none), by a binary search in their positions."""
        return self._search_before(index, words, True), self._search_from(index + 1, words, True)

    def _search_before(self, index: int, words: frozenset, inside: bool) -> int:
        positions = self._positions_of(words, inside)
        k = bisect_left(positions, index)
        return positions[k - 1] if k else -1

    def _search_from(self, index: int, words: frozenset, inside: bool) -> int:
        positions = self._positions_of(words, inside)
        k = bisect_left(positions, index)
        return positions[k] if k < len(positions) else len(self.tokens)

    def _positions_of(self, words: frozenset, inside: bool) -> list[int]:
        """Where the tokens that are (or are not) in ``words`` stand, built once per sentence."""
        if self._positions is None:
            self._positions = {}  # long sentences, and the stretches of around()
        key = (words, inside)
        found = self._positions.get(key)
        if found is None:
            found = [i for i, t in enumerate(self.tokens) if (t.norm in words) is inside]
            self._positions[key] = found
        return found

    # -- clauses ----------------------------------------------------------------------
    def clause_start(self, index: int) -> int:
        """Index of the first token of the clause that holds ``tokens[index]``."""
        tokens = self.tokens
        i = index - 1
        while i >= 0 and tokens[i].norm not in BOUNDARY:
            if index - i >= WALK:  # the clause is long: look up where it starts
                return self._search_before(index, BOUNDARY, True) + 1
            i -= 1
        return i + 1

    def clause_end(self, index: int) -> int:
        """Index one past the last token of the clause that holds ``tokens[index - 1]``."""
        tokens = self.tokens
        i, n = index, len(tokens)
        while i < n and tokens[i].norm not in BOUNDARY:
            if i - index >= WALK:
                return self._search_from(index, BOUNDARY, True)
            i += 1
        return i

    def strip(self, c0: int, c1: int) -> tuple[int, int]:
        """``tokens[c0:c1]`` without the clause punctuation at either end (may become empty)."""
        tokens = self.tokens
        if c1 > c0 and tokens[c1 - 1].norm in BOUNDARY:
            c1 = max(c0, self.last_before(c1, BOUNDARY, inside=False) + 1)
        if c0 < c1 and tokens[c0].norm in BOUNDARY:
            c0 = min(c1, self.first_from(c0, BOUNDARY, inside=False))
        return c0, c1

    # -- actor mentions ----------------------------------------------------------------
    def nearest_before(self, index: int, lower: int) -> Mention | None:
        """The last mention inside ``tokens[lower:index]``."""
        mentions = self.mentions
        if len(mentions) <= _FEW:  # a handful: reading them beats a binary search
            best = None
            for mention in mentions:
                if lower <= mention.tok_start and mention.tok_end <= index:
                    best = mention
            return best
        k = bisect_right(mentions, index, key=_TOK_END) - 1
        if k >= 0 and mentions[k].tok_start >= lower:
            return mentions[k]
        return None

    def first_after(
        self, index: int, upper: int, exclude: str = "", exclude_agent: str | None = None
    ) -> Mention | None:
        """The first mention inside ``tokens[index:upper]`` of an actor other than ``exclude``
        (an agent of no known country, actor id "", is never excluded: "gunmen"). With
        ``exclude_agent`` only the mentions of that agent of ``exclude`` are skipped: Kenya's
        police (KEN + COP) and protesters in Nairobi (KEN + OPP) are two actors."""
        mentions = self.mentions
        first = bisect_left(mentions, index, key=_TOK_START) if len(mentions) > _FEW else 0
        for k in range(first, len(mentions)):
            mention = mentions[k]
            if mention.tok_start < index:
                continue
            if mention.tok_end > upper:
                return None  # and so do all that follow
            if mention.actor_id != exclude or not exclude:
                return mention
            if exclude_agent is not None and mention.agent != exclude_agent:
                return mention
        return None

    def index_of(self, mention: Mention) -> int:
        """The position of one of :attr:`mentions` in that list."""
        return bisect_left(self.mentions, mention.tok_start, key=_TOK_START)

    def named(self) -> set[int]:
        """Indices of the tokens inside actor mentions ("States" in "United States")."""
        if self._named is None:
            self._named = {i for m in self.mentions for i in range(m.tok_start, m.tok_end)}
        return self._named

    def participle_subject(self, a: int) -> Mention | None:
        """The main subject of a participle after a comma ("Japan reacted, declaring ...")."""
        tokens = self.tokens
        if tokens[a].norm.endswith("ing") and a > 0 and tokens[a - 1].norm == ",":
            return self.nearest_before(a, 0)
        return None

    def passive_agent(self, b: int) -> Mention | None:
        """The actor after "by" that follows a passive verb ending at ``b`` ("suspended by Moscow")."""
        tokens = self.tokens
        n = len(tokens)
        for i in range(b, min(n, b + AGENT_WINDOW)):
            if tokens[i].norm in BOUNDARY:
                return None
            if tokens[i].norm == "by":
                return self.first_after(i + 1, min(n, i + 1 + AGENT_WINDOW))
        return None
