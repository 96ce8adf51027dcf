"""Leftmost-longest matching of one or several dictionaries in one pass over the tokens."""

from __future__ import annotations

from itertools import compress

from helpers.lexicons.dictionary import _GENERATION, Hit, _emissions, _Node
from helpers.lexicons.patterns import _cased
from helpers.text import _QUOTE_TABLE, Token

__all__ = ["DictionarySet"]

# Token keys whose trie starting points are remembered, per dictionary.
_MAX_REMEMBERED = 200_000


def _longest(tokens: list[Token], i: int, frontier, has_cs: bool) -> tuple[int, list[_Node]]:
    """Length of the longest pattern starting at token ``i``, and the nodes where it ends."""
    best_len = 0
    best_nodes: list[_Node] = []
    n = len(tokens)
    j = i
    while frontier:
        ended = [node for node in frontier if node.entries]
        if ended:
            best_len, best_nodes = j - i + 1, ended
        j += 1
        if j >= n:
            break
        token = tokens[j]
        if len(frontier) == 1 and frontier[0].exact_only:
            # The usual phrase ("peace" -> "treaty"): one lookup, no method call.
            node = frontier[0].exact_ci.get(token.norm)
            frontier = (node,) if node is not None else ()
            continue
        following: list[_Node] = []
        cased = _cased(token.text) if has_cs else None
        for node in frontier:
            node.step(token.norm, cased, following)
        frontier = following
    return best_len, best_nodes


class DictionarySet:
    """Several dictionaries matched in one pass over a sentence's tokens.

    Each dictionary keeps its own leftmost-longest matching, so the hits are
    exactly those of each dictionary's :meth:`Dictionary.match_tokens`; what
    is shared is the work per token. What a token can start is looked up once
    for all the dictionaries and remembered (by the token's text when one of
    them is case-sensitive, else by its norm), so after a few sentences a
    token costs one lookup however many dictionaries there are. The
    ``score`` command matches every selected analysis's dictionaries this way.

    Parameters
    ----------
    dictionaries : sequence of Dictionary

    Examples
    --------
    >>> from helpers.lexicons import Dictionary
    >>> from helpers.text import tokenize
    >>> conflict = Dictionary.from_patterns({"conflict": ["war", "sanction*"]})
    >>> talks = Dictionary.from_patterns({"talks": ["peace talks", "talks"]})
    >>> found = DictionarySet([conflict, talks]).match_tokens(tokenize("War ended the peace talks."))
    >>> [[h.pattern for h in hits] for hits in found]
    [['war'], ['peace talks']]
    """

    def __init__(self, dictionaries) -> None:
        self.dictionaries = list(dictionaries)
        # token key -> (next-token filter or None, ((dictionary index, *_Start fields), ...)),
        # or False when nothing starts there
        self._starts: dict = {}
        self._compile()

    def __repr__(self) -> str:
        return f"DictionarySet({', '.join(d.name for d in self.dictionaries)})"

    def _compile(self) -> None:
        """Read what the dictionaries' patterns can start with (again, after a change)."""
        self._has_cs = [d._has_cs for d in self.dictionaries]
        self._by_text = any(self._has_cs)
        # A cheap first test per dictionary for a token never seen before: the
        # norms and prefixes its patterns start with (case-sensitive keys
        # casefolded, so the test only ever lets more through), and whether
        # any starts with a glob, which must always be tried.
        self._first = []
        for dictionary in self.dictionaries:
            root = dictionary._root
            fold = [k.casefold().translate(_QUOTE_TABLE) for k in root.exact_cs]
            prefixes = [
                *root.prefix_ci,
                *(k.casefold().translate(_QUOTE_TABLE) for k in root.prefix_cs),
            ]
            self._first.append(
                (frozenset([*root.exact_ci, *fold]), tuple(prefixes), bool(root.globs))
            )
        self._starts.clear()
        self._leaf_pairs: dict[int, dict] = {}  # id of a trie node -> what _pairs says of it
        self._generation = _GENERATION[0]

    def _remember(self, token: Token):
        """What ``token`` starts in any dictionary, laid out for the matching loop.

        Returns False when it starts nothing, else ``(nexts, phrases, singles,
        singles_all)``: ``phrases`` are the dictionaries where a longer pattern
        may start here, ``(index, goes_on, frontier, single, single_all,
        pairs)`` (``pairs``: what :meth:`_pairs` says of the frontier);
        ``singles`` (``singles_all`` with suppressors) are the hits, as
        ``(index, category, pattern, weight, attrs)``, of the dictionaries
        where nothing longer can start, so they cost no test but "is this
        dictionary inside a longer match already".
        """
        phrases = []
        singles: list[tuple] = []
        singles_all: list[tuple] = []
        norm = token.norm
        for index, dictionary in enumerate(self.dictionaries):
            exact, prefixes, globs = self._first[index]
            if norm not in exact and not globs and not (prefixes and norm.startswith(prefixes)):
                continue  # no pattern of this dictionary starts with this token
            start = dictionary._start(token)
            if not start:
                continue
            if start.goes_on is None:
                singles.extend((index, *emission) for emission in start.single)
                singles_all.extend((index, *emission) for emission in start.single_all)
            else:  # flattened: the matching loop unpacks it without attribute lookups
                phrases.append(
                    (
                        index,
                        start.goes_on,
                        start.frontier,
                        start.single,
                        start.single_all,
                        self._pairs(start.frontier),
                    )
                )
        if not phrases and not singles_all:
            return False
        # Most starts are function words that only begin phrases ("the", "in",
        # "to"): when no pattern is the token alone and every phrase goes on
        # with a fixed word, one look at the next token rules them all out.
        nexts = None
        if not singles_all and all(
            not entry[4] and isinstance(entry[1], (set, frozenset)) for entry in phrases
        ):
            if len(phrases) == 1:
                nexts = phrases[0][1]
            else:
                nexts = frozenset().union(*(entry[1] for entry in phrases))
        return nexts, tuple(phrases), tuple(singles), tuple(singles_all)

    def _pairs(self, frontier: tuple) -> dict | None:
        """Next norm -> hits ``(without, with suppressors)`` of the two-word phrases
        that go no further, when ``frontier`` is one node with exact children only.

        Worked out once per node: the phrase is then found with one lookup,
        without walking the trie (most phrases are two words: "peace treaty").
        """
        if len(frontier) != 1 or not frontier[0].exact_only:
            return None
        node = frontier[0]
        pairs = self._leaf_pairs.get(id(node))
        if pairs is None:
            pairs = self._leaf_pairs[id(node)] = {
                norm: (_emissions([child], False), _emissions([child], True))
                for norm, child in node.exact_ci.items()
                if child.entries and not child.has_children()
            }
        return pairs

    def may_match(self, tokens: list[Token]) -> bool:
        """False when no pattern of any dictionary (suppressors included) starts at any of
        ``tokens``: then :meth:`match_tokens` finds nothing there, and need not be called.

        Answered from what the set remembers of each token; a token it has not seen
        yet counts as a possible start. Callers that match many short stretches of
        a sentence ("the words before this verb") skip most of them this way.

        Examples
        --------
        >>> from helpers.lexicons import Dictionary
        >>> from helpers.text import tokenize
        >>> talks = DictionarySet([Dictionary.from_patterns({"talks": ["peace talks"]})])
        >>> _ = talks.match_tokens(tokenize("Peace talks resumed."))
        >>> talks.may_match(tokenize("talks resumed")), talks.may_match(tokenize("peace"))
        (False, True)
        """
        if self._generation != _GENERATION[0]:
            self._compile()
        starts = self._starts
        by_text = self._by_text
        for token in tokens:
            record = starts.get(token.text if by_text else token.norm)
            if record is None or record:
                return True  # a start, or a token not seen yet
        return False

    def match_tokens(
        self, tokens: list[Token], *, include_suppressors: bool = False
    ) -> list[list[Hit]]:
        """Find every hit of every dictionary in a token list.

        Parameters
        ----------
        tokens : list of Token
            Usually one sentence, from :func:`helpers.text.tokenize`.
        include_suppressors : bool, default False
            Also report hits of ``_``-prefixed categories.

        Returns
        -------
        list of list of Hit
            One list per dictionary, in the order given, each in text order.
        """
        if self._generation != _GENERATION[0]:
            self._compile()  # a dictionary changed after this set was made
        starts = self._starts
        keys = [t.text for t in tokens] if self._by_text else [t.norm for t in tokens]
        records = list(map(starts.get, keys))
        if None in records:  # tokens not seen before
            if len(starts) > _MAX_REMEMBERED:
                starts.clear()  # bounded memory on endless vocabularies
            for token, key in zip(tokens, keys, strict=True):
                if key not in starts:
                    starts[key] = self._remember(token)
            records = [starts[key] for key in keys]
        found: list[list[Hit]] = [[] for _ in self.dictionaries]
        # First token each dictionary may match again: only a match of several
        # tokens moves it, since positions only go forward.
        free = [0] * len(self.dictionaries)
        last = len(tokens) - 1
        new = tuple.__new__  # Hit(...) without the Python-level constructor: hot loop
        for position in compress(range(len(tokens)), records):
            nexts, phrases, singles, singles_all = records[position]
            if phrases:
                following = tokens[position + 1].norm if position < last else None
                if nexts is not None and following not in nexts:
                    continue  # only phrases start here, and the next token goes on with none
                for index, goes_on, frontier, single, single_all, pairs in phrases:
                    if position < free[index]:
                        continue  # inside this dictionary's previous match
                    # The match is this one token (its hits were worked out once) ...
                    end = position + 1
                    emitted = single_all if include_suppressors else single
                    if following is not None and (goes_on is True or following in goes_on):
                        # ... unless a longer pattern goes on from here.
                        pair = pairs.get(following) if pairs is not None else None
                        if pair is not None:  # a two-word phrase that goes no further
                            end, emitted = position + 2, pair[include_suppressors]
                        else:
                            length, nodes = _longest(
                                tokens, position, frontier, self._has_cs[index]
                            )
                            if length > 1:
                                end = position + length
                                emitted = _emissions(nodes, include_suppressors)
                        free[index] = end
                    if emitted:
                        first, stop = tokens[position].start, tokens[end - 1].end
                        hits = found[index]
                        for cat, pattern, weight, attrs in emitted:
                            hits.append(
                                new(Hit, (cat, pattern, first, stop, position, end, weight, attrs))
                            )
            if include_suppressors:
                singles = singles_all
            if singles:
                first, stop = tokens[position][:2]
                after = position + 1
                for index, cat, pattern, weight, attrs in singles:
                    if position >= free[index]:
                        found[index].append(
                            new(Hit, (cat, pattern, first, stop, position, after, weight, attrs))
                        )
        return found
