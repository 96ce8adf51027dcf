"""The compiled dictionary: categories of patterns in a token trie, and the hits it finds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from helpers.lexicons.patterns import Glob, _cased, expand_pattern, parse_pattern
from helpers.text import _QUOTE_TABLE, Token

if TYPE_CHECKING:
    from helpers.lexicons.matching import DictionarySet

__all__ = ["Dictionary", "Entry", "Hit"]


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


# Entries of one trie node compared one by one, at most; beyond, a set (_Node.add_entry).
_SCAN_LIMIT = 8


class _Node:
    __slots__ = (
        "exact_ci",
        "exact_cs",
        "prefix_ci",
        "prefix_cs",
        "prefix_lens",
        "globs",
        "entries",
        "placed",
        "exact_only",
        "next_norms",
    )

    def __init__(self) -> None:
        self.exact_ci: dict[str, _Node] = {}
        self.exact_cs: dict[str, _Node] = {}
        self.prefix_ci: dict[str, _Node] = {}
        self.prefix_cs: dict[str, _Node] = {}
        self.prefix_lens: list[int] = []
        # (glob text, case-sensitive) -> (Glob, case-sensitive, child), in the order added
        self.globs: dict[tuple[str, bool], tuple[Glob, bool, _Node]] = {}
        self.entries: list[Entry] = []
        self.placed: set[tuple[str, str]] | None = None  # see add_entry
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
        known = self.globs.get((element, case_sensitive))
        if known is not None:
            return known[2]
        node = _Node()
        self.globs[element, case_sensitive] = (Glob(element), case_sensitive, node)
        return node

    def add_entry(self, entry: Entry) -> None:
        """Add ``entry`` unless its category already holds its pattern here.

        A set of what is here is kept once there are a few entries, so a word
        shared by many categories costs one lookup per category, not a scan.
        """
        key = (entry.category, entry.pattern)
        placed = self.placed
        if placed is None:
            if any(e.category == key[0] and e.pattern == key[1] for e in self.entries):
                return
            self.entries.append(entry)
            if len(self.entries) >= _SCAN_LIMIT:
                self.placed = {(e.category, e.pattern) for e in self.entries}
        elif key not in placed:
            placed.add(key)
            self.entries.append(entry)

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
        for glob, cs, node in self.globs.values():
            key = cased if cs else norm
            if key is not None and glob.fullmatch(key):
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


# Bumped whenever a pattern is added to any dictionary, so that remembered starts
# are never used with a trie that has changed since.
_GENERATION = [0]


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
    >>> from helpers.text import tokenize
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
        self._first_words: dict[str, frozenset[str] | None] = {}  # see first_words
        self._first_generation = -1

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
            node.add_entry(
                entry
                if phrase == pattern
                else Entry(category, phrase, entry.weight, attrs, case_sensitive)
            )
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
            from helpers.lexicons.matching import DictionarySet  # it builds on this module

            own = self._own_set = DictionarySet([self])
        return own.match_tokens(tokens, include_suppressors=include_suppressors)[0]

    def may_match(self, tokens: list[Token]) -> bool:
        """False when no pattern starts at any of ``tokens`` (see
        :meth:`~helpers.lexicons.DictionarySet.may_match`): nothing to match there."""
        own = self._own_set
        if own is None:
            from helpers.lexicons.matching import DictionarySet

            own = self._own_set = DictionarySet([self])
        return own.may_match(tokens)

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

    def first_words(self, category: str) -> frozenset[str] | None:
        """The norms a hit of ``category`` can start with, or None when a glob or a
        case-sensitive pattern makes that set open.

        A cheap, exact test before matching: when no token of a stretch has one
        of these norms, no hit of ``category`` can be found in it.

        Examples
        --------
        >>> d = Dictionary.from_patterns({"anon": ["(spoke|speaking) anonymously"], "x": ["war*"]})
        >>> sorted(d.first_words("anon")), d.first_words("x")
        (['speaking', 'spoke'], None)
        """
        known = self._first_words.get(category, False)
        if known is not False and self._first_generation == _GENERATION[0]:
            return known
        if self._first_generation != _GENERATION[0]:
            self._first_words.clear()  # a pattern was added since: work the sets out again
            self._first_generation = _GENERATION[0]
        firsts: set[str] | None = set()
        for entry in self.entries:
            if entry.category != category:
                continue
            for phrase in expand_pattern(entry.pattern):
                first = parse_pattern(phrase, case_sensitive=entry.case_sensitive)[0]
                if entry.case_sensitive or "*" in first or "?" in first:
                    firsts = None
                    break
                firsts.add(first)
            if firsts is None:
                break
        found = None if firsts is None else frozenset(firsts)
        self._first_words[category] = found
        return found

    def top_categories(self) -> list[str]:
        """Return the reported first-level categories, in file order."""
        seen: dict[str, None] = {}
        for category in self.categories:
            if not category.startswith("_"):
                seen.setdefault(category.split("/", 1)[0], None)
        return list(seen)

    def __repr__(self) -> str:
        return f"Dictionary({self.name!r}, {len(self.categories)} categories, {len(self.entries)} patterns)"
