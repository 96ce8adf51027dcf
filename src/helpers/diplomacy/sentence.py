"""One sentence as the diplomacy rules read it: tokens, actor mentions, clauses.

The actor mentions are :class:`helpers.actors.Mention` records (the one
mention record of the project), found by :meth:`helpers.actors.Actors.find`
with the hits the sentence was matched with. :class:`Sentence` answers the
questions every rule asks about word order: where the clause of a token
starts and ends, which actor stands nearest before a word, which comes first
after it.
"""

from __future__ import annotations

from helpers.actors import Mention
from helpers.diplomacy.words import BOUNDARY
from helpers.text import Token

# How far after a passive verb "by" and its agent may stand, in tokens (diplomacy.yml).
AGENT_WINDOW = 4


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
    """

    __slots__ = ("tokens", "text", "base", "quotes", "mentions", "names", "_named")

    def __init__(self, tokens, text, base, quotes, mentions, names) -> None:
        self.tokens: list[Token] = tokens
        self.text: str = text
        self.base: int = base
        self.quotes: list[tuple[int, int]] = quotes
        self.mentions: list[Mention] = mentions
        self.names: dict[str, str] = names
        self._named: set[int] | None = None

    def chars(self, start: int, end: int) -> str:
        """The text between two document offsets."""
        return self.text[start - self.base : end - self.base]

    def name(self, mention: Mention | None) -> str:
        """The actor's name, or "" for no mention."""
        if mention is None:
            return ""
        return self.names.get(mention.actor_id, mention.actor_id)

    # -- clauses ----------------------------------------------------------------------
    def clause_start(self, index: int) -> int:
        """Index of the first token of the clause that holds ``tokens[index]``."""
        tokens = self.tokens
        i = index - 1
        while i >= 0 and tokens[i].norm not in BOUNDARY:
            i -= 1
        return i + 1

    def clause_end(self, index: int) -> int:
        """Index one past the last token of the clause that holds ``tokens[index - 1]``."""
        tokens = self.tokens
        i = index
        n = len(tokens)
        while i < n and tokens[i].norm not in BOUNDARY:
            i += 1
        return i

    # -- actor mentions ----------------------------------------------------------------
    def nearest_before(self, index: int, lower: int) -> Mention | None:
        """The last mention inside ``tokens[lower:index]``."""
        best = None
        for mention in self.mentions:
            if lower <= mention.tok_start and mention.tok_end <= index:
                best = mention
        return best

    def first_after(self, index: int, upper: int, exclude: str = "") -> Mention | None:
        """The first mention inside ``tokens[index:upper]`` of an actor other than ``exclude``."""
        for mention in self.mentions:
            if (
                index <= mention.tok_start
                and mention.tok_end <= upper
                and mention.actor_id != exclude
            ):
                return mention
        return None

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
