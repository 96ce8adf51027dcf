"""PETRARCH2's CAMEO verb patterns, matched through an index of verb forms.

Spelled out as phrases (:mod:`helpers.lexicons.petrarch_verbs`) the verb
dictionary is about a million patterns, too many for the engine's word tree.
Here it is kept as PETRARCH2 writes it: each verb form (``suspended``,
``calls off``) points to its verb block, and a block holds its patterns once.
At a sentence only the blocks of the verbs that occur are tried: one dict
lookup per token, then the pattern's words around the verb.

How a pattern is read (an approximation of PETRARCH2's parse-tree matching,
without a parse tree):

* the words after ``*`` must follow the verb in the order written, the words
  before it precede it in reverse order; each word may stand up to
  :data:`GAP` tokens after the previous one (a noun phrase between:
  "suspended the peace talks with"), up to :data:`ACTOR_GAP` where the
  pattern has ``$`` (source), ``+`` (target), ``%`` (compound actor) or
  ``^`` (skipped noun phrase) between them (an actor's name); no gap crosses
  a sentence or clause punctuation mark;
* ``&NAME`` is any member of the synonym set, ``{A B}`` and ``A_B`` are
  words next to each other, ``( )`` is ignored (a prepositional phrase is
  its words);
* the most specific matching pattern of a verb wins (most pattern words, then
  the shortest span); the bare verb (no pattern) has the verb's own code
  (``SAY [010]``) or else the block's; ``[---]`` is "no event".

The compiled index is kept in the project's disk cache
(:func:`helpers.cache.cached`), so only the first run reads the text file.
Every match carries its evidence: the pattern as written and
"PETRARCH2 CAMEO.2.0.txt line N".
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from helpers.lexicons.petrarch_verbs import (
    _BLOCK,
    _CODE,
    NO_EVENT,
    _code,
    _read_synsets,
    _verb_entry,
    _word,
    verb_lines,
)

__all__ = ["ACTOR_GAP", "GAP", "VerbIndex", "VerbMatch", "build_index", "verb_index"]

#: The dictionary file (PETRARCH2, MIT; the notice is beside it).
SOURCE = Path(__file__).resolve().parents[3] / "data" / "lexicons" / "petrarch2" / "CAMEO.2.0.txt"
SOURCE_NAME = "PETRARCH2 CAMEO.2.0.txt"
#: Tokens allowed between two pattern words (a determiner and adjectives).
GAP = 3
#: Tokens allowed where the pattern puts an actor (``$``, ``+``, ``%``, ``^``).
ACTOR_GAP = 6
# Tokens no gap crosses.
_STOPS = frozenset(". ; : ! ? , ( ) \" '".split())
_MARKERS = frozenset("$+%^")
# Words after which a verb form is a noun or an adjective ("a request", "of talks",
# "two suspected smugglers", "five aid workers"): no verb there.
_NOT_VERB_AFTER = frozenset(
    "the a an its their his her our this that these those 's ’s of for in on by with "
    "against over after before from amid despite some any no every each several many "
    "two three four five six seven eight nine ten dozens hundreds thousands".split()
)
#: Verb forms of the dictionary that in news text are almost always another word
#: class (the project's choice, read off the benchmark corpus of news articles,
#: not a labelled set): "according to", "armed forces", "concerned", "ready",
#: "member states", "security measures", "peace talks" (the project's events.yml
#: codes "talks with" as a noun event), "border guard", "humanitarian aid".
NOT_VERBS = frozenset(
    "according armed concerned involved ready united states forces measures talks guard aid".split()
)

# A pattern word: alternatives, each a tuple of tokens; and the gap allowed before it.
Word = tuple[tuple[tuple[str, ...], ...], int]


class Pattern(NamedTuple):
    """One pattern of a verb block: its words before and after the verb, code, line, text."""

    before: tuple[Word, ...]  # nearest the verb first
    after: tuple[Word, ...]
    code: str
    line: int
    text: str


class VerbMatch(NamedTuple):
    """A pattern matched in a sentence: token span, CAMEO code and evidence."""

    tok_start: int  # first token of the whole match
    tok_end: int
    verb_start: int  # the verb's tokens
    verb_end: int
    code: str
    line: int
    pattern: str  # as written in the dictionary ("* &TALKS (WITH +)"), "" for the bare verb


class VerbIndex(NamedTuple):
    """Verb forms -> (verb tokens, block, own code, line), and each block's patterns.

    A block is ``(code, after, before)``: its patterns keyed by a token of their
    first word after the verb (``after``), or of their nearest word before it
    (``before``, patterns with no word after the verb), so a sentence tries only
    the patterns whose key word stands near the verb.
    """

    forms: dict[str, list[tuple[tuple[str, ...], int, str, int]]]
    blocks: list[tuple[str, dict[str, tuple[Pattern, ...]], dict[str, tuple[Pattern, ...]]]]
    unsupported: int  # pattern lines that could not be read


def _keyed(patterns: list[Pattern]) -> tuple[dict, dict]:
    """``(after, before)``: the patterns by the first token of their first word after the
    verb, or by the last token of their nearest word before it."""
    after: dict[str, list[Pattern]] = {}
    before: dict[str, list[Pattern]] = {}
    for p in patterns:
        if p.after:
            for alt in p.after[0][0]:
                after.setdefault(alt[0], []).append(p)
        elif p.before:
            for alt in p.before[0][0]:
                before.setdefault(alt[-1], []).append(p)
    return (
        {k: tuple(dict.fromkeys(v)) for k, v in after.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in before.items()},
    )


def _tokens(word: str) -> tuple[str, ...]:
    return tuple(word.replace("'", " '").split())


def _pattern(text: str, synsets: dict[str, list[str]]) -> tuple[tuple, tuple] | None:
    """``(before, after)`` words of a pattern's text (without its code), or None."""
    before: list[Word] = []
    after: list[Word] = []
    seen_verb = False
    gap = GAP
    for token in re.sub(r"[()]", " ", text).replace("{", " { ").replace("}", " } ").split():
        if token == "*":
            seen_verb, gap = True, GAP
            continue
        if token in _MARKERS:
            gap = ACTOR_GAP
            continue
        if token in "{}":
            continue
        if token.startswith("&"):
            members = synsets.get(token.rstrip("_").upper())
            if not members:
                return None
            alternatives = tuple(dict.fromkeys(_tokens(m) for m in members))
        elif re.fullmatch(r"[A-Za-z][A-Za-z0-9_'.-]*", token):
            alternatives = (_tokens(_word(token)),)
        else:
            return None
        # Before the verb every word may stand GAP tokens from the next one.
        (after if seen_verb else before).append((alternatives, gap if seen_verb else GAP))
        gap = GAP
    if not seen_verb:
        return None
    return tuple(reversed(before)), tuple(after)


def build_index(text: str) -> VerbIndex:
    """Read a PETRARCH2 verb dictionary into a :class:`VerbIndex`.

    Examples
    --------
    >>> sample = '''&TALKS
    ... +TALKS
    ... +PEACE_TALKS
    ... ####### VERB PATTERNS #######
    ... ---  SUSPEND   [---]  ---
    ... SUSPEND
    ... HALT [192]
    ... - * &TALKS (WITH +)   [164]  # SUSPEND
    ... '''
    >>> index = build_index(sample)
    >>> sorted(index.forms)[:3]
    ['halt', 'halted', 'halting']
    >>> (pattern,) = index.blocks[0][1]["talks"]
    >>> pattern.code, pattern.after[0][0]
    ('164', (('talks',), ('peace', 'talks')))
    """
    lines = text.splitlines()
    synsets = _read_synsets(lines)
    forms: dict[str, list] = {}
    blocks: list[tuple[str, list[Pattern]]] = []
    unsupported = 0
    for number, raw in verb_lines(lines):
        block = _BLOCK.match(raw)
        if block is not None:
            blocks.append((_code(block.group(2)) or NO_EVENT, []))
            continue
        if not blocks:
            continue
        body = raw.split("#", 1)[0].strip()
        if body.startswith("-"):
            found = _CODE.search(body)
            code = _code(found.group(1)) if found else ""
            words = _pattern(_CODE.sub(" ", body[1:]), synsets) if code else None
            if words is None:
                unsupported += 1
                continue
            text_ = " ".join(_CODE.sub(" ", body[1:]).split())
            blocks[-1][1].append(Pattern(words[0], words[1], code, number, text_))
            continue
        entry = _verb_entry(body)
        if entry is None:
            continue
        verb_forms, own = entry
        for form in verb_forms:
            # "{+WAS_DETERMINED , +ARE_DETERMINED}": the commas are no words.
            tokens = tuple(t for t in _tokens(form) if t != ",")
            if tokens and tokens[0][0].isalpha() and tokens[0] not in NOT_VERBS:
                forms.setdefault(tokens[0], []).append((tokens, len(blocks) - 1, own, number))
    frozen = [(code, *_keyed(ps)) for code, ps in blocks]
    return VerbIndex(forms, frozen, unsupported)


@cache
def verb_index() -> VerbIndex:
    """The compiled index of the shipped dictionary (disk cache, then memory)."""
    from helpers.cache import cached

    return cached("petrarch_verb_index", [SOURCE], lambda: build_index(SOURCE.read_text("utf-8")))


def _find_after(norms: list[str], alternatives, start: int, gap: int) -> int:
    """Where one pattern word after the verb matches, at most ``gap`` tokens from ``start``:
    the index past it; -1 if not (or if a stop such as "," comes first)."""
    for i in range(start, min(start + gap + 1, len(norms))):
        word = norms[i]
        for alt in alternatives:
            # The first token decides most comparisons without building a slice.
            if alt[0] == word and (len(alt) == 1 or tuple(norms[i : i + len(alt)]) == alt):
                return i + len(alt)
        if word in _STOPS:
            return -1
    return -1


def _find_before(norms: list[str], alternatives, start: int, gap: int) -> int:
    """Where one pattern word before the verb matches, its last token at most ``gap`` tokens
    before ``start`` (exclusive): the index of its first token; -1 if not."""
    for i in range(start, max(start - gap - 1, 0), -1):  # the word ends at i (exclusive)
        word = norms[i - 1]
        for alt in alternatives:
            if alt[-1] == word and (
                len(alt) == 1 or (i - len(alt) >= 0 and tuple(norms[i - len(alt) : i]) == alt)
            ):
                return i - len(alt)
        if word in _STOPS:
            return -1
    return -1


def _fits(norms: list[str], p: Pattern, a: int, b: int) -> tuple[int, int] | None:
    """The span of ``p`` around the verb at ``norms[a:b]``, or None."""
    end = b
    for alternatives, gap in p.after:
        end = _find_after(norms, alternatives, end, gap)
        if end < 0:
            return None
    start = a
    for alternatives, gap in p.before:
        start = _find_before(norms, alternatives, start, gap)
        if start < 0:
            return None
    return start, end


def _candidates(norms: list[str], a: int, b: int, after: dict, before: dict) -> list[Pattern]:
    """The patterns of a block whose key word stands near the verb at ``norms[a:b]``."""
    found: list[Pattern] = []
    # Most words near a verb key no pattern: the look-ups run in C, only hits are extended.
    if after:
        for patterns in filter(None, map(after.get, norms[b : b + ACTOR_GAP + 1])):
            found.extend(patterns)
    if before:
        for patterns in filter(None, map(before.get, norms[max(0, a - GAP - 1) : a])):
            found.extend(patterns)
    return found


def match_verbs(norms: list[str], index: VerbIndex | None = None) -> list[VerbMatch]:
    """The best pattern of each verb of a sentence (``norms``: its tokens' ``norm``).

    A verb whose best pattern is ``[---]`` gives no match. Matches are in text order.
    """
    index = verb_index() if index is None else index
    found: list[VerbMatch] = []
    taken = -1
    # Most tokens are no verb form: the look-ups run in C, the loop only visits the others.
    listed = list(map(index.forms.get, norms))
    for i in compress(range(len(norms)), listed):
        if i < taken or (i and norms[i - 1] in _NOT_VERB_AFTER):
            continue
        entries = listed[i]
        best = None
        for tokens, block, own, line in entries:
            b = i + len(tokens)
            if len(tokens) > 1 and tuple(norms[i:b]) != tokens:
                continue
            code, after, before = index.blocks[block]
            choice = None
            for p in _candidates(norms, i, b, after, before):
                span = _fits(norms, p, i, b)
                if span is not None:
                    size = (len(p.before) + len(p.after), -(span[1] - span[0]))
                    if choice is None or size > choice[:2]:
                        choice = (*size, VerbMatch(span[0], span[1], i, b, p.code, p.line, p.text))
            if choice is None:
                choice = (0, -(b - i), VerbMatch(i, b, i, b, own or code, line, ""))
            key = (choice[0], b - i)
            if best is None or key > best[0]:
                best = (key, choice[2])
        if best is None:
            continue
        match = best[1]
        taken = match.tok_end  # a pattern's own words are not verbs ("fired tear gas")
        if match.code != NO_EVENT:
            found.append(match)
    return found
