"""One dictionary engine for every analysis: load, compile once, match fast.

Sentiment adjustments, news frames, stance markers, the intensity ladder,
event verbs and actors are all dictionaries: categories holding word patterns.
This module reads them (the project's YAML format, quanteda-style YAML and
LIWC-style ``.dic`` files), compiles each into a token trie once, and finds
every hit with its category, pattern and character span.

Patterns
    A pattern is a sequence of tokens, tokenised exactly like the text
    (:func:`helpers.text.tokenize`): ``peace treaty`` is two tokens,
    ``must-read`` three (``must``, ``-``, ``read``), ``didn't`` two (``did``,
    ``n't``). In a token, ``*`` stands for any run of characters and ``?`` for
    one (``sanction*``, ``de-escalat*``); character classes are not supported.
    A group ``(a|b)`` offers alternative words, and an empty alternative makes
    them optional: ``suspend* (the|) (peace|) talks`` is four phrases
    (:func:`expand_pattern`). A hit names the phrase it matched
    (``suspend* peace talks``; globs as written).
Case
    Patterns match case-insensitively (against :attr:`Token.norm`) unless the
    file's ``settings.case_sensitive`` or the pattern's own
    ``case_sensitive: true`` says otherwise. Typographic and straight quotes
    always match each other.
Overlaps
    Matching is leftmost-longest across all categories of one dictionary:
    where patterns overlap, the longest wins, and every category holding a
    pattern of that length at that place gets a hit. Categories whose name
    starts with ``_`` take part in this but are never reported, which is how
    a proper name such as "World War II" stops "war" from counting.
Speed
    Matching walks a trie keyed by whole tokens, so it costs a dictionary
    lookup or two per token whatever the number of patterns (linear in the
    text); prefix globs (``word*``) use a dictionary of prefixes. What each
    token can start is remembered, so a token seen before costs one lookup,
    and :class:`DictionarySet` shares that lookup among several dictionaries
    (the ``score`` command matches every analysis's dictionaries in one pass).

The native YAML format is documented in ``docs/architecture.md``. Files are
read with a safe YAML loader only; any Python tag is refused.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

from helpers.errors import DictionaryError
from helpers.paths import lexicon_path
from helpers.text import _QUOTE_TABLE, Token, tokenize

__all__ = [
    "Hit",
    "Entry",
    "Dictionary",
    "DictionarySet",
    "load_dictionary",
    "parse_pattern",
    "expand_pattern",
    "kwic",
    "collocations",
]

_QUOTES = frozenset("’‘ʼ“”„«»")


def _cased(text: str) -> str:
    """The key of a token for case-sensitive patterns: its text, quotes made straight."""
    return text if _QUOTES.isdisjoint(text) else text.translate(_QUOTE_TABLE)


# Token keys whose trie starting points are remembered, per dictionary.
_MAX_REMEMBERED = 200_000
# Keys of a category mapping that are not subcategories.
_RESERVED = {"patterns", "note", "source", "question", "description"}


class Hit(NamedTuple):
    """One match of a pattern: its category, the pattern, and where it is."""

    category: str
    pattern: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    weight: float
    attrs: dict


@dataclass(frozen=True)
class Entry:
    """A pattern as it stands in a dictionary, with its category and attributes."""

    category: str
    pattern: str
    weight: float = 1.0
    attrs: dict = field(default_factory=dict, compare=False, hash=False)
    case_sensitive: bool = False


class _Node:
    __slots__ = (
        "exact_ci",
        "exact_cs",
        "prefix_ci",
        "prefix_cs",
        "prefix_lens",
        "globs",
        "entries",
        "exact_only",
        "next_norms",
    )

    def __init__(self) -> None:
        self.exact_ci: dict[str, _Node] = {}
        self.exact_cs: dict[str, _Node] = {}
        self.prefix_ci: dict[str, _Node] = {}
        self.prefix_cs: dict[str, _Node] = {}
        self.prefix_lens: list[int] = []
        self.globs: list[tuple[re.Pattern[str], bool, _Node]] = []
        self.entries: list[Entry] = []
        # True while every child is reached by an exact, case-insensitive key.
        self.exact_only = True
        # The norms of the tokens that can follow (exact children, case-sensitive
        # keys casefolded); None once a glob child makes that unknowable.
        self.next_norms: set[str] | None = set()

    def child(self, element: str, case_sensitive: bool) -> _Node:
        if case_sensitive or "*" in element or "?" in element:
            self.exact_only = False
        if "*" in element or "?" in element:
            self.next_norms = None
        elif self.next_norms is not None:
            self.next_norms.add(element.casefold().translate(_QUOTE_TABLE))
        if "*" not in element and "?" not in element:
            table = self.exact_cs if case_sensitive else self.exact_ci
            return table.setdefault(element, _Node())
        if element.endswith("*") and "*" not in element[:-1] and "?" not in element:
            prefix = element[:-1]
            table = self.prefix_cs if case_sensitive else self.prefix_ci
            if prefix not in table:
                table[prefix] = _Node()
                if len(prefix) not in self.prefix_lens:
                    self.prefix_lens.append(len(prefix))
                    self.prefix_lens.sort()
            return table[prefix]
        regex = re.compile(
            "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in element),
            re.DOTALL,
        )
        for existing, cs, node in self.globs:
            if existing.pattern == regex.pattern and cs == case_sensitive:
                return node
        node = _Node()
        self.globs.append((regex, case_sensitive, node))
        return node

    def has_children(self) -> bool:
        return bool(
            self.exact_ci or self.exact_cs or self.prefix_ci or self.prefix_cs or self.globs
        )

    def step(self, norm: str, cased: str | None, out: list) -> None:
        """Append every child that the token (``norm``, ``cased``) leads to."""
        node = self.exact_ci.get(norm)
        if node is not None:
            out.append(node)
        if cased is not None and self.exact_cs:
            node = self.exact_cs.get(cased)
            if node is not None:
                out.append(node)
        if self.prefix_lens:
            size = len(norm)
            for length in self.prefix_lens:
                if length > size:
                    break
                node = self.prefix_ci.get(norm[:length])
                if node is not None:
                    out.append(node)
                if cased is not None and self.prefix_cs:
                    node = self.prefix_cs.get(cased[:length])
                    if node is not None:
                        out.append(node)
        for regex, cs, node in self.globs:
            key = cased if cs else norm
            if key is not None and regex.fullmatch(key):
                out.append(node)


class _Start(NamedTuple):
    """What a token key starts in the trie (remembered per key)."""

    frontier: tuple  # the nodes the key leads to from the root
    # Hits' fields when the match is this one token, without and with suppressors
    # (empty when no pattern ends here).
    single: list
    single_all: list
    # Can a pattern go on past this token? None: no; a set: only if the next
    # token's norm is in it; True: perhaps (globs), read the next tokens to know.
    goes_on: set | frozenset | bool | None


def _emissions(nodes: list[_Node], include_suppressors: bool) -> list[tuple]:
    """``(category, pattern, weight, attrs)`` of the nodes' entries, one per category."""
    seen: set[str] = set()
    found = []
    for node in nodes:
        for entry in node.entries:
            if entry.category in seen:
                continue
            seen.add(entry.category)
            if entry.category.startswith("_") and not include_suppressors:
                continue
            found.append((entry.category, entry.pattern, entry.weight, entry.attrs))
    return found


# A group of alternatives, "(a|b)" or "(a|)", holding no other group: nested groups
# are spelled out from the inside.
_GROUP = re.compile(r"\(([^()]*\|[^()]*)\)")
# Phrases one written pattern may stand for, at most: a typo such as a missing ")"
# should fail loudly, not silently build thousands of phrases.
MAX_EXPANSIONS = 256


def expand_pattern(pattern: str, *, where: str = "") -> list[str]:
    """Spell out the alternatives of a pattern, in the order written.

    A group ``(a|b|c)`` stands for any one of its alternatives, each one or
    more words; an empty alternative (``(the|)``) makes the group optional.
    Groups may nest. A pattern without a group is returned as it is.

    Parameters
    ----------
    pattern : str
    where : str
        File and line, for error messages.

    Returns
    -------
    list of str
        The phrases, spaces normalised, without duplicates.

    Raises
    ------
    DictionaryError
        For an unclosed group, an alternative that leaves the pattern empty,
        or more than :data:`MAX_EXPANSIONS` phrases.

    Examples
    --------
    >>> expand_pattern("suspend* (the|) (peace|) talks")
    ['suspend* the peace talks', 'suspend* the talks', 'suspend* peace talks', 'suspend* talks']
    >>> expand_pattern("(broke|called) off talks")
    ['broke off talks', 'called off talks']
    """
    if "|" not in pattern or "(" not in pattern:
        return [pattern]
    phrases = [pattern]
    while _GROUP.search(phrases[0]):
        grown = []
        for phrase in phrases:
            match = _GROUP.search(phrase)
            for alternative in match.group(1).split("|"):
                grown.append(phrase[: match.start()] + alternative + phrase[match.end() :])
        phrases = grown
        if len(phrases) > MAX_EXPANSIONS:
            raise DictionaryError(
                f"pattern {pattern!r} stands for more than {MAX_EXPANSIONS} phrases",
                where=where,
                fix="Split it into several patterns",
            )
    phrases = list(dict.fromkeys(" ".join(phrase.split()) for phrase in phrases))
    for phrase in phrases:
        if not phrase:
            raise DictionaryError(
                f"pattern {pattern!r} can be empty (every group is optional)",
                where=where,
                fix="Give it at least one word outside the optional groups",
            )
        if any(c in phrase for c in "()|"):
            raise DictionaryError(
                f"pattern {pattern!r} has an unclosed group of alternatives",
                where=where,
                fix="Write alternatives as (a|b), or (a|) for an optional word",
            )
    return phrases


def parse_pattern(pattern: str, *, case_sensitive: bool = False, where: str = "") -> list[str]:
    """Turn a pattern into the token keys the trie is built from.

    Parameters
    ----------
    pattern : str
        A word, a glob (``sanction*``) or a phrase (``peace treaty``).
    case_sensitive : bool, default False
        Keep case (keys compared with the token text, quotes made straight)
        instead of casefolding.
    where : str
        File and line, for error messages.

    Returns
    -------
    list of str

    Raises
    ------
    DictionaryError
        For an empty pattern, a token made only of wildcards, or a character
        class (``[...]``, ``{...}``).

    Examples
    --------
    >>> parse_pattern("Must-Read")
    ['must', '-', 'read']
    >>> parse_pattern("de-escalat*")
    ['de', '-', 'escalat*']
    >>> parse_pattern("didn’t")
    ['did', "n't"]
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise DictionaryError("empty pattern", where=where, fix="Remove it or write a word")
    if any(c in pattern for c in "[]{}"):
        raise DictionaryError(
            f"pattern {pattern!r} uses a character class, which is not supported",
            where=where,
            fix="Use '*' (any characters) or '?' (one character), or list the words",
        )
    if _GROUP.search(pattern):
        raise DictionaryError(
            f"pattern {pattern!r} holds alternatives, which only a dictionary spells out",
            where=where,
            fix="Call expand_pattern first (Dictionary.add does), or list each phrase",
        )
    # Wildcards become a letter so the tokenizer keeps them inside their word;
    # the original characters are read back from the same positions.
    masked = pattern.replace("*", "x").replace("?", "x")
    keys = []
    for token in tokenize(masked):
        original = pattern[token.start : token.end]
        if original.strip("*?") == "":
            raise DictionaryError(
                f"pattern {pattern!r} has a token made only of wildcards, which would match anything",
                where=where,
                fix="Give the wildcard some letters, e.g. 'sanction*'",
            )
        if case_sensitive:
            keys.append(original.translate(_QUOTE_TABLE))
        else:
            keys.append(original.casefold().translate(_QUOTE_TABLE))
    return keys


class Dictionary:
    """A compiled dictionary: categories of patterns, ready to match.

    Build one with :func:`load_dictionary` or :meth:`from_patterns`.

    Attributes
    ----------
    name : str
    meta : dict
        The file's ``meta`` block (source, description).
    categories : list of str
        Category paths (``conflict/q1``), suppressors (``_names``) included.
    category_attrs : dict
        Scalar attributes of each category (``note``, ``source``, ``level`` ...).
    entries : list of Entry
    path : Path or None

    Examples
    --------
    >>> d = Dictionary.from_patterns({"conflict": ["war", "attack*"], "_names": ["World War II"]})
    >>> [(h.category, h.pattern) for h in d.match_tokens(tokenize("After World War II, war and attacks."))]
    [('conflict', 'war'), ('conflict', 'attack*')]
    """

    def __init__(self, name: str, *, meta: dict | None = None, path: Path | None = None) -> None:
        self.name = name
        self.meta = meta or {}
        self.path = path
        self.categories: list[str] = []
        self.category_attrs: dict[str, dict] = {}
        self.entries: list[Entry] = []
        self._root = _Node()
        self._has_cs = False
        self._own_set: DictionarySet | None = None

    # -- building -------------------------------------------------------------
    def add_category(self, category: str, attrs: dict | None = None) -> None:
        """Declare a category (with its attributes) before adding patterns."""
        if category not in self.category_attrs:
            self.categories.append(category)
            self.category_attrs[category] = dict(attrs or {})

    def add(
        self,
        category: str,
        pattern: str,
        *,
        weight: float = 1.0,
        case_sensitive: bool = False,
        attrs: dict | None = None,
        where: str = "",
    ) -> Entry:
        """Add one pattern to ``category`` and return its entry.

        A pattern with alternatives (:func:`expand_pattern`) is one entry, as
        written; each phrase it stands for is matched, and a hit names the
        phrase ("suspend* peace talks"), which says more than the whole group.
        """
        self.add_category(category)
        attrs = dict(attrs or {})
        entry = Entry(category, pattern, float(weight), attrs, case_sensitive)
        for phrase in expand_pattern(pattern, where=where):
            node = self._root
            for key in parse_pattern(phrase, case_sensitive=case_sensitive, where=where):
                node = node.child(key, case_sensitive)
            if not any(e.category == category and e.pattern == phrase for e in node.entries):
                found = (
                    entry
                    if phrase == pattern
                    else Entry(category, phrase, entry.weight, attrs, case_sensitive)
                )
                node.entries.append(found)
        self.entries.append(entry)
        self._has_cs = self._has_cs or case_sensitive
        _GENERATION[0] += 1  # a trie changed: every DictionarySet forgets what it remembered
        return entry

    def _start(self, token: Token) -> _Start | bool:
        """What ``token`` starts in the trie: a :class:`_Start`, or False for nothing."""
        frontier: list[_Node] = []
        self._root.step(token.norm, _cased(token.text) if self._has_cs else None, frontier)
        if not frontier:
            return False
        ended = [node for node in frontier if node.entries]
        goes_on: set | frozenset | bool | None = None
        if any(node.has_children() for node in frontier):
            # Most multi-token patterns continue with a fixed word ("peace" +
            # "treaty"): then one set lookup on the next token says whether
            # the longer match needs to be tried at all.
            follow = [node.next_norms for node in frontier if node.has_children()]
            if any(norms is None for norms in follow):
                goes_on = True  # a glob continues: read the next tokens to know
            elif len(follow) == 1:
                goes_on = follow[0]  # the node's own set: nothing built per token
            else:
                goes_on = frozenset().union(*follow)
        return _Start(tuple(frontier), _emissions(ended, False), _emissions(ended, True), goes_on)

    @classmethod
    def from_patterns(
        cls, mapping: dict[str, list[str]], *, name: str = "custom", case_sensitive: bool = False
    ) -> Dictionary:
        """Build a dictionary from ``{category: [pattern, ...]}``.

        Examples
        --------
        >>> Dictionary.from_patterns({"a": ["peace treaty"]}).categories
        ['a']
        """
        dictionary = cls(name)
        for category, patterns in mapping.items():
            dictionary.add_category(category)
            for pattern in patterns:
                dictionary.add(category, pattern, case_sensitive=case_sensitive)
        return dictionary

    # -- matching -------------------------------------------------------------
    def match_tokens(self, tokens: list[Token], *, include_suppressors: bool = False) -> list[Hit]:
        """Find every hit in a token list (leftmost-longest; see module docstring).

        Parameters
        ----------
        tokens : list of Token
            Usually one sentence, from :func:`helpers.text.tokenize`.
        include_suppressors : bool, default False
            Also report hits of ``_``-prefixed categories.

        Returns
        -------
        list of Hit
            In text order; offsets come from the tokens.
        """
        own = self._own_set
        if own is None:
            own = self._own_set = DictionarySet([self])
        return own.match_tokens(tokens, include_suppressors=include_suppressors)[0]

    def match(self, seg) -> Any:
        """Match every sentence of a :class:`~helpers.text.Segmentation`.

        Returns
        -------
        DataFrame
            ``doc_id, sent_id, category, top, pattern, start, end, match, weight``.
        """
        import pandas as pd

        rows = []
        text = seg.text
        for sent_id, tokens in enumerate(seg.tokens):
            for hit in self.match_tokens(tokens):
                rows.append(
                    (
                        seg.doc_id,
                        sent_id,
                        hit.category,
                        hit.category.split("/", 1)[0],
                        hit.pattern,
                        hit.start,
                        hit.end,
                        text[hit.start : hit.end],
                        hit.weight,
                    )
                )
        return pd.DataFrame(
            rows,
            columns=[
                "doc_id",
                "sent_id",
                "category",
                "top",
                "pattern",
                "start",
                "end",
                "match",
                "weight",
            ],
        )

    def top_categories(self) -> list[str]:
        """Return the reported first-level categories, in file order."""
        seen: dict[str, None] = {}
        for category in self.categories:
            if not category.startswith("_"):
                seen.setdefault(category.split("/", 1)[0], None)
        return list(seen)

    def __repr__(self) -> str:
        return f"Dictionary({self.name!r}, {len(self.categories)} categories, {len(self.entries)} patterns)"


# -- loading ------------------------------------------------------------------

_CACHE: dict[tuple[str, int, int], Dictionary] = {}
_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:timestamp",
}


# Bumped whenever a pattern is added to any dictionary, so that remembered starts
# are never used with a trie that has changed since.
_GENERATION = [0]


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


def load_dictionary(name_or_path: str | Path) -> Dictionary:
    """Load and compile a dictionary, once per file version.

    Parameters
    ----------
    name_or_path : str or Path
        A bare name (``"frames_generic"``) is looked up in ``data/lexicons``;
        otherwise a path to a ``.yml``/``.yaml`` file (this project's format or
        quanteda's) or a LIWC-style ``.dic`` file.

    Returns
    -------
    Dictionary

    Raises
    ------
    DictionaryError
        With the file, the line and the reason, when the file is missing or
        malformed.

    Examples
    --------
    >>> load_dictionary("abbreviations")  # doctest: +SKIP
    """
    path, key = lexicon_file(
        name_or_path, fix="Check the name, or give a path to a .yml or .dic file"
    )
    if key not in _CACHE:
        suffix = path.suffix.lower()
        if suffix == ".dic":
            _CACHE[key] = _load_liwc(path)
        elif suffix in {".yml", ".yaml"}:
            _CACHE[key] = _load_yaml(path)
        else:
            raise DictionaryError(
                f"unknown dictionary format {suffix!r}",
                where=str(path),
                fix="Use .yml/.yaml (this project's or quanteda's format) or LIWC .dic",
            )
    return _CACHE[key]


def lexicon_file(
    name_or_path: str | Path, *, what: str = "dictionary", fix: str = ""
) -> tuple[Path, tuple[str, int, int]]:
    """Resolve a lexicon name or path and return it with a key for caching.

    A bare name (no suffix, no folder) means ``data/lexicons/<name>.yml``. The
    key changes whenever the file does (path, modification time, size), so a
    compiled lexicon is rebuilt after an edit.

    Raises
    ------
    DictionaryError
        If the file does not exist.

    Examples
    --------
    >>> lexicon_file("abbreviations")[0].name
    'abbreviations.yml'
    """
    text_name = str(name_or_path)
    path = Path(name_or_path)
    if path.suffix == "" and "/" not in text_name and "\\" not in text_name:
        path = lexicon_path(text_name)
    try:
        stat = path.stat()
    except OSError:
        raise DictionaryError(f"{what} file not found: {path}", where=str(path), fix=fix) from None
    return path, (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DictionaryError(
            f"dictionary is not UTF-8 text ({exc.reason} at byte {exc.start})",
            where=str(path),
            fix="Save the file as UTF-8",
        ) from None


def _line(node) -> str:
    return f"line {node.start_mark.line + 1}"


def _load_yaml(path: Path) -> Dictionary:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = _read_text(path)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}, line {mark.line + 1}" if mark else str(path)
        reason = getattr(exc, "problem", None) or str(exc)
        raise DictionaryError(
            f"malformed YAML: {reason}", where=where, fix="Fix the YAML syntax"
        ) from None
    if root is None:
        raise DictionaryError("dictionary file is empty", where=str(path), fix="Add categories")
    _check_tags(root, path)
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(
            "a dictionary must be a mapping of categories",
            where=f"{path}, {_line(root)}",
            fix="See docs/architecture.md for the format",
        )
    constructor = yaml.constructor.SafeConstructor()
    top = {key.value: (key, value) for key, value in root.value}
    if "actors" in top and "categories" not in top:
        raise DictionaryError(
            "this is an actors list, not a dictionary",
            where=str(path),
            fix="Load it with helpers.actors.load_actors",
        )
    if "categories" in top:
        meta = constructor.construct_object(top["meta"][1], deep=True) if "meta" in top else {}
        settings = (
            constructor.construct_object(top["settings"][1], deep=True) if "settings" in top else {}
        )
        if not isinstance(meta, dict) or not isinstance(settings, dict):
            raise DictionaryError(
                "'meta' and 'settings' must be mappings", where=str(path), fix="Indent their keys"
            )
        categories_node = top["categories"][1]
    else:  # quanteda style: the whole file is the category tree
        meta, settings, categories_node = {"format": "quanteda"}, {}, root
    name = str(meta.get("name") or path.stem)
    dictionary = Dictionary(name, meta=meta, path=path)
    case_sensitive = bool(settings.get("case_sensitive", False))
    if not isinstance(categories_node, yaml.MappingNode) or not categories_node.value:
        raise DictionaryError(
            "'categories' must be a non-empty mapping",
            where=f"{path}, {_line(categories_node)}",
            fix="List at least one category with patterns",
        )
    for key_node, value_node in categories_node.value:
        _add_category(
            dictionary, str(key_node.value), value_node, path, case_sensitive, constructor
        )
    return dictionary


def _check_tags(node, path: Path) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag not in _SAFE_TAGS:
            raise DictionaryError(
                f"YAML tag {current.tag!r} is not allowed (dictionaries are data, not code)",
                where=f"{path}, {_line(current)}",
                fix="Remove the tag",
            )
        if isinstance(current.value, list):
            for item in current.value:
                stack.extend(item if isinstance(item, tuple) else (item,))


def _add_category(dictionary, name, node, path, case_sensitive, constructor) -> None:
    import yaml

    where = f"{path}, {_line(node)}"
    if isinstance(node, yaml.SequenceNode):
        pattern_nodes, attrs, children = node.value, {}, []
    elif isinstance(node, yaml.MappingNode):
        pattern_nodes, attrs, children = [], {}, []
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key == "patterns":
                if not isinstance(value_node, yaml.SequenceNode):
                    raise DictionaryError(
                        f"'patterns' of category {name!r} must be a list",
                        where=f"{path}, {_line(value_node)}",
                        fix="Write one pattern per line, each starting with '- '",
                    )
                pattern_nodes = value_node.value
            elif isinstance(value_node, yaml.ScalarNode):
                attrs[key] = constructor.construct_object(value_node)
            elif key in _RESERVED:
                attrs[key] = constructor.construct_object(value_node, deep=True)
            else:
                children.append((key, value_node))
    else:
        raise DictionaryError(
            f"category {name!r} must be a list of patterns or a mapping",
            where=where,
            fix="Give it a list of patterns, or 'patterns:' with a list",
        )
    if not pattern_nodes and not children:
        raise DictionaryError(
            f"category {name!r} has no patterns",
            where=where,
            fix="Add patterns or remove the category",
        )
    dictionary.add_category(name, attrs)
    category_cs = bool(attrs.get("case_sensitive", case_sensitive))
    for item in pattern_nodes:
        item_where = f"{path}, {_line(item)}"
        if isinstance(item, yaml.ScalarNode):
            dictionary.add(name, str(item.value), case_sensitive=category_cs, where=item_where)
        elif isinstance(item, yaml.MappingNode):
            spec = constructor.construct_object(item, deep=True)
            if "pattern" not in spec:
                raise DictionaryError(
                    f"pattern entry in category {name!r} has no 'pattern' key",
                    where=item_where,
                    fix="Write {pattern: 'word', weight: 1}",
                )
            pattern = spec.pop("pattern")
            weight = spec.pop("weight", 1.0)
            try:
                weight = float(weight)
            except (TypeError, ValueError):
                raise DictionaryError(
                    f"weight {weight!r} of pattern {pattern!r} is not a number", where=item_where
                ) from None
            cs = bool(spec.pop("case_sensitive", category_cs))
            dictionary.add(
                name, str(pattern), weight=weight, case_sensitive=cs, attrs=spec, where=item_where
            )
        else:
            raise DictionaryError(
                f"pattern in category {name!r} must be a string or a mapping",
                where=item_where,
                fix="Write the pattern as text",
            )
    for child_name, child_node in children:
        _add_category(
            dictionary, f"{name}/{child_name}", child_node, path, case_sensitive, constructor
        )


def _load_liwc(path: Path) -> Dictionary:
    text = _read_text(path)
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise DictionaryError(
            "LIWC dictionary needs a category block between two '%' lines",
            where=str(path),
            fix="Start with '%', then 'id<TAB>name' lines, then '%', then 'word<TAB>ids'",
        )
    dictionary = Dictionary(path.stem, meta={"format": "liwc", "name": path.stem}, path=path)
    ids: dict[str, str] = {}
    for number in range(marks[0] + 1, marks[1]):
        line = lines[number].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) < 2:
            raise DictionaryError(
                f"category line {line!r} needs an id and a name",
                where=f"{path}, line {number + 1}",
                fix="Write 'id<TAB>name'",
            )
        ids[parts[0]] = parts[1]
        dictionary.add_category(parts[1])
    for number in range(marks[1] + 1, len(lines)):
        line = lines[number].strip()
        if not line:
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        # LIWC phrases may contain spaces when the file is tab-separated.
        word, refs = parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]
        if not refs:
            raise DictionaryError(
                f"entry {word!r} names no category", where=f"{path}, line {number + 1}"
            )
        for ref in refs:
            if ref not in ids:
                raise DictionaryError(
                    f"entry {word!r} uses unknown category id {ref!r}",
                    where=f"{path}, line {number + 1}",
                    fix=f"Declare it in the header; known ids: {', '.join(ids)}",
                )
            dictionary.add(ids[ref], word, where=f"{path}, line {number + 1}")
    empty = [
        c for c in dictionary.categories if not any(e.category == c for e in dictionary.entries)
    ]
    if empty:
        raise DictionaryError(
            f"categories without entries: {', '.join(empty)}",
            where=str(path),
            fix="Add words or remove them",
        )
    return dictionary


# -- exploration ----------------------------------------------------------------


def kwic(seg, pattern: str, window: int = 5):
    """Return every occurrence of ``pattern`` with ``window`` tokens of context.

    Parameters
    ----------
    seg : Segmentation
    pattern : str
        Word, glob or phrase, as in a dictionary.
    window : int, default 5
        Tokens shown on each side (within the sentence).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, pre, keyword, post``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> kwic(segment("Japan imposed sanctions on Russia."), "sanction*", window=2)[["pre", "keyword", "post"]].values.tolist()
    [['Japan imposed', 'sanctions', 'on Russia']]
    """
    import pandas as pd

    dictionary = Dictionary.from_patterns({"kwic": [pattern]})
    text = seg.text
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for hit in dictionary.match_tokens(tokens):
            left = tokens[max(0, hit.tok_start - window) : hit.tok_start]
            right = tokens[hit.tok_end : hit.tok_end + window]
            pre = text[left[0].start : hit.start].strip() if left else ""
            post = text[hit.end : right[-1].end].strip() if right else ""
            rows.append(
                (seg.doc_id, sent_id, hit.start, hit.end, pre, text[hit.start : hit.end], post)
            )
    return pd.DataFrame(
        rows, columns=["doc_id", "sent_id", "start", "end", "pre", "keyword", "post"]
    )


def collocations(seg, top: int = 20, min_freq: int = 2, measure: str = "likelihood_ratio"):
    """Return the strongest two-word collocations, within sentences.

    Uses NLTK's ``BigramCollocationFinder`` on lower-cased word tokens, without
    stop words (scikit-learn's ``ENGLISH_STOP_WORDS``, the Glasgow Information
    Retrieval Group list) and punctuation.

    Parameters
    ----------
    seg : Segmentation
    top : int, default 20
    min_freq : int, default 2
        Pairs seen fewer times are dropped (short articles may need 1).
    measure : str, default "likelihood_ratio"
        Any method of ``nltk.metrics.BigramAssocMeasures`` (``pmi``, ``chi_sq`` ...).

    Returns
    -------
    DataFrame
        ``w1, w2, freq, score``.
    """
    import pandas as pd
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    documents = [
        [t.norm for t in tokens if t.norm[:1].isalpha() and t.norm not in ENGLISH_STOP_WORDS]
        for tokens in seg.tokens
    ]
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_freq_filter(min_freq)
    scorer = getattr(BigramAssocMeasures, measure)
    scored = finder.score_ngrams(scorer)[:top]
    counts: Counter = finder.ngram_fd
    return pd.DataFrame(
        [(w1, w2, counts[(w1, w2)], score) for (w1, w2), score in scored],
        columns=["w1", "w2", "freq", "score"],
    )
