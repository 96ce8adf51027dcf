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
    one (``sanction*``, ``de-escalat*``), matched without backtracking
    (:class:`Glob`); character classes are not supported.
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
read through :mod:`helpers.safe_yaml` (aliases, duplicate keys and tags
refused), compiled once per file version (:func:`clear_cache` forgets them all),
and never through a symbolic link that leaves the project
(:func:`helpers.paths.confined`).

Modules: ``patterns`` (parsing, alternatives, globs), ``dictionary`` (the
compiled :class:`Dictionary` and its trie), ``matching`` (:class:`DictionarySet`),
``loaders`` (file formats and the cache) and ``explore`` (:func:`kwic`,
:func:`collocations`).
"""

from helpers.lexicons.dictionary import Dictionary, Entry, Hit
from helpers.lexicons.explore import collocations, kwic
from helpers.lexicons.loaders import clear_cache, lexicon_file, load_dictionary
from helpers.lexicons.matching import DictionarySet
from helpers.lexicons.patterns import MAX_EXPANSIONS, Glob, expand_pattern, parse_pattern
from helpers.lexicons.patterns import _cased as _cased  # tests compare with it

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
    "lexicon_file",
    "MAX_EXPANSIONS",
    "Glob",
    "clear_cache",
]
