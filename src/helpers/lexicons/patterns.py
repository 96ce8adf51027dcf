"""Patterns: how a written dictionary entry becomes the token keys the trie is built from.

A pattern is a word, a glob (``sanction*``, ``defen?e``) or a phrase
(``peace treaty``), tokenised exactly like the text, with groups of
alternatives (``suspend* (the|) talks``) spelled out by :func:`expand_pattern`.
"""

from __future__ import annotations

import re

from helpers.errors import DictionaryError
from helpers.text import _QUOTE_CHARS, _QUOTE_TABLE, tokenize

__all__ = ["MAX_EXPANSIONS", "Glob", "expand_pattern", "parse_pattern"]


def _cased(text: str) -> str:
    """The key of a token for case-sensitive patterns: its text, quotes made straight."""
    return text if _QUOTE_CHARS.isdisjoint(text) else text.translate(_QUOTE_TABLE)


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


class Glob:
    """A word glob (``*`` any run of characters, ``?`` one character), matched without backtracking.

    A regular expression such as ``a.*a.*a.*b`` backtracks: against a long
    token that almost matches, the work grows with the token's length to the
    power of the number of ``*`` (minutes for ``a*a*a*a*a*a*a*a*a*a*a*a*b``
    and a 40-letter word). Here the glob is cut at its ``*`` into pieces of
    fixed length: the first must open the key, the last must close it, and
    each one between is placed at its leftmost place after the one before,
    which is where it leaves the most room for the rest, so no placement is
    ever undone. The work is at most the key's length times the glob's.

    Examples
    --------
    >>> Glob("sanction*").fullmatch("sanctions"), Glob("defen?e").fullmatch("defence")
    (True, True)
    >>> Glob("a*a*a*a*a*a*a*a*a*a*a*a*b").fullmatch("a" * 40)
    False
    """

    __slots__ = ("text", "_head", "_middle", "_tail", "_size")

    def __init__(self, text: str) -> None:
        self.text = text
        pieces = text.split("*")
        self._head = _Piece(pieces[0])
        self._tail = _Piece(pieces[-1]) if len(pieces) > 1 else None
        self._middle = tuple(_Piece(piece) for piece in pieces[1:-1] if piece)
        # The fewest characters a key needs: every character of the glob but the stars.
        self._size = len(text) - text.count("*")

    def __repr__(self) -> str:
        return f"Glob({self.text!r})"

    def fullmatch(self, key: str) -> bool:
        """Whether ``key`` matches the whole glob."""
        size = len(key)
        if size < self._size or not self._head.match(key):
            return False
        if self._tail is None:  # no star: the glob is one piece of fixed length
            return size == self._size
        position = self._head.pattern_size
        tail_start = size - self._tail.pattern_size
        if not self._tail.match(key, tail_start):
            return False
        for piece in self._middle:
            found = piece.search(key, position, tail_start)
            if found is None:
                return False
            position = found.end()
        return True


class _Piece:
    """A run of a glob between two stars: letters and ``?``, of fixed length."""

    __slots__ = ("match", "search", "pattern_size")

    def __init__(self, piece: str) -> None:
        # Fixed length, no repetition: a search costs at most key length x piece length.
        regex = re.compile("".join("." if c == "?" else re.escape(c) for c in piece), re.DOTALL)
        self.match = regex.match
        self.search = regex.search
        self.pattern_size = len(piece)
