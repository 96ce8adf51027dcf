"""Names are not words: the dictionary hits inside names, which every analysis skips.

"Security" in "Security Council" is no security frame, "Trade" in "World
Trade Organization" no economic frame, "Support" in "Rapid Support Forces" no
positive sentiment or support event, the surname "Fu" (in "Fu Cong") no
negative word. This module is the one place that says which words are
inside names (:func:`name_spans`) and which hits an analysis skips for it
(:func:`split_named`); sentiment (the news-aware score, never
``sentiment_raw``), framing, stance, the ladder, attribution and events all
ask it.

A name is
    a run of two or more capitalised words ("Rapid Support Forces", "Asia
    Maritime Transparency Initiative", "Fu Cong"), with "of/for/and/the/in/on"
    and name particles between them ("Organization for Security and
    Co-operation in Europe", "Lula da Silva"); or any span a caller adds
    (the actors' names and people of :mod:`helpers.actors`, in the analyses
    that read them).
Not a name
    a line in title case (headlines: most words capitalised), a capitalised
    verb of saying or reacting (``not_in_names`` of ``data/lexicons/names.yml``:
    "Kremlin Condemns" is the Kremlin and a condemnation), and the first word
    of a sentence when it is a participle or an adverb ("Condemning Russia,
    ...").
A hit inside a name still counts
    when its pattern covers the whole name, or is written with a capital
    letter (a list that names the thing on purpose: "World War II"), or its
    word is one of the ``meant`` words of ``names.yml`` (an ideology or a
    faith: "Nazi Germany", "Islamic State").

A place in a name
    a one-word capital followed by capitalised words opens another name and
    is no actor (:func:`opens_a_name`, read by :mod:`helpers.actors.resolve`):
    "Santiago Peña", "the Moscow Times"; ``after_a_place`` of ``names.yml``
    lists the words that keep it the state ("Pentagon Press Secretary").

The spans of one text are computed once (a cache keyed by the text): the
analyses scoring one row share them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "NAMES",
    "NameSkip",
    "name_hits",
    "name_spans",
    "reload_names",
    "split_named",
    "text_base",
]

#: The exceptions, a dictionary in ``data/lexicons``.
NAMES = "names"

_WORD = r"(?:(?:al|el|bin)-)?[A-Z][a-z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_JOIN = r"(?:of|for|and|the|de|da|do|dos|al|el|von|van|der|du|la|le|bin|on|in)"
_RUN = re.compile(rf"\b{_WORD}(?:\s+(?:{_JOIN}\s+)?{_WORD})+")
_ALPHA = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# An abbreviated title before one capitalised word: "Mr. Hope", "Dr. Happy Sithole". A title
# without a period ("Mr Hope") is a capitalised word itself, and the run above finds it.
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rev|Hon|Amb)\.\s+"
    rf"({_WORD})"
)
_NAME_WORD = re.compile(r"(?:(?:al|el|bin)-)?[A-Z]")
_NON_SPACE = re.compile(r"\S+")
# A title-case line: at least five words of four letters or more, nine in ten capitalised.
_TITLE_WORDS = 5
_TITLE_LENGTH = 4
_TITLE_SHARE = 0.9
_OPENERS = frozenset('"“‘(—–:')
# Words that open a sentence with a capital but are no part of the name after them.
_FUNCTION_WORDS = frozenset(
    "the a an this that these those in on at for but and or if as when while after before "
    "with by from to of".split()
)


# Short words that names write in lower case ("Organization for Security and
# Co-operation in Europe") and headlines in title case capitalise ("Plans To Ease
# Rule For Power Plants"): a run of capitalised words with one of them, capitalised,
# after its first word is a headline glued into the text, not a name.
_HEADLINE_WORDS = frozenset(
    "to for and of the in on at over with from by as near after into against is are "
    "was were be will who".split()
)


class NameSkip(NamedTuple):
    """A dictionary hit an analysis skipped because it stands inside ``name``."""

    hit: object
    name: str


@lru_cache(maxsize=1)
def _exceptions() -> tuple[frozenset, frozenset, frozenset]:
    """``(meant words, words that end a name, words that keep a place before them)``
    from ``names.yml`` (its ``meant``, ``not_in_names`` and ``after_a_place``)."""
    from helpers.lexicons import expand_pattern, load_dictionary

    dictionary = load_dictionary(NAMES)
    found: dict[str, set] = {"meant": set(), "not_in_names": set(), "after_a_place": set()}
    for entry in dictionary.entries:
        if entry.category not in found:
            from helpers.errors import DictionaryError

            raise DictionaryError(
                f"unknown category {entry.category!r}",
                where=f"the names list ({NAMES})",
                fix=f"Use {', '.join(found)}",
            )
        found[entry.category].update(p.casefold() for p in expand_pattern(entry.pattern))
    return tuple(frozenset(found[c]) for c in ("meant", "not_in_names", "after_a_place"))


def reload_names() -> None:
    """Read ``names.yml`` again (the analyses call it with their own reloads)."""
    _exceptions.cache_clear()
    name_spans.cache_clear()


@lru_cache(maxsize=512)
def name_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """The names a text introduces: ``(start, end, name)`` character spans, in order.

    Examples
    --------
    >>> name_spans("Fighting between the army and the Rapid Support Forces went on.")
    ((34, 54, 'Rapid Support Forces'),)
    >>> name_spans("Russia Vetoes Security Council Call For Sudan Ceasefire")  # a headline
    ()
    >>> name_spans("Read: Envoys Plan To Ease Sanctions Rule (Reuters), he said.")  # inside a line
    ()
    >>> name_spans("Mr. Hope said so.")  # one word after an abbreviated title
    ((4, 8, 'Hope'),)
    """
    if not any(c.isupper() for c in text):
        return ()
    runs = list(_RUN.finditer(text))
    titled = list(_TITLED.finditer(text)) if "." in text else []
    if not (runs or titled) or _title_case(text):  # (the headline test only where a name could be)
        return ()
    breakers = _exceptions()[1]
    spans = []
    for found in runs:
        spans += _pieces(text, found.start(), found.group(), breakers)
    for found in titled:  # one word after a title: "Mr. Hope" (a longer name is a run)
        a, b = found.span(1)
        if not any(s < b and a < e for s, e, _ in spans):
            spans.append((a, b, found.group(1)))
    return tuple(sorted(spans))


#: How many words after a place :func:`opens_a_name` reads (a long line stays linear).
NAME_AFTER_A_PLACE = 6


def opens_a_name(tokens, end: int, kept, headline: bool | None = None) -> bool:
    """Whether the one-word place name just before token ``end`` opens a longer proper name.

    A capital or a seat of government followed by capitalised words is the
    first word of another name: a person's ("Santiago Peña", "Sofia
    Coppola"), an agreement's ("the Paris Agreement", "the Minsk Accords"),
    a newspaper's ("the Washington Post") or a company's ("Tokyo Electric
    Power"), none of which is the state acting. The place stays when one of
    the words is an office or another actor (``kept``: the token indices
    where the caller found one: "Moscow Mayor Sergei Sobyanin") or a word of
    ``after_a_place`` in ``names.yml`` (titles, days and months, "Palace":
    "Pentagon Press Secretary John Kirby", "in Washington Tuesday", "the
    Élysée Palace"); a verb of saying (``not_in_names``) or a word without a
    lower-case letter ("Washington D.C.") ends the words, and a line in title
    case (a headline) has none: ``headline`` says whether the line is one,
    when the caller knows (it is read from ``tokens`` otherwise, the whole line).

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> opens_a_name(tokenize("President Santiago Peña spoke."), 2, {0})
    True
    >>> opens_a_name(tokenize("Moscow Says No"), 1, ()), opens_a_name(tokenize("in Paris Tuesday"), 2, ())
    (False, False)
    """
    _, breakers, keeping = _exceptions()
    j = end
    while j < min(len(tokens), end + NAME_AFTER_A_PLACE):
        word = tokens[j].text
        if not word[:1].isupper() or word.islower() or word.isupper():
            break
        folded = word.casefold()
        if folded in breakers:
            break
        if folded in keeping or j in kept:
            return False
        j += 1
    if j == end:
        return False
    return not (headline if headline is not None else title_case_tokens(tokens))


def title_case_tokens(tokens) -> bool:
    """:func:`_title_case` of a line given as tokens (a headline: nearly every word capitalised)."""
    return _title_case(" ".join(t.text for t in tokens))


def _title_case(text: str) -> bool:
    """True for a headline: nearly every word of four letters or more capitalised."""
    long = [w for w in _ALPHA.findall(text) if len(w) >= _TITLE_LENGTH and not w.isupper()]
    if len(long) < _TITLE_WORDS:
        return False
    return sum(1 for w in long if w[0].isupper()) >= _TITLE_SHARE * len(long)


def _pieces(text: str, start: int, run: str, breakers: frozenset) -> list[tuple[int, int, str]]:
    """A run of capitalised words cut at the words that end a name; pieces of two or more."""
    parts = [(m.start() + start, m.end() + start, m.group()) for m in _NON_SPACE.finditer(run)]
    if any(p[2][0].isupper() and p[2].casefold() in _HEADLINE_WORDS for p in parts[1:]):
        return []  # title case: a headline ("Trump Administration Escalates Battle Over ...")
    head = text[:start].rstrip()
    if parts and (not head or head[-1] in _OPENERS or head[-1] in ".!?"):
        first = parts[0][2].casefold()
        if first.endswith(("ing", "ly")) or first in _FUNCTION_WORDS:
            parts = parts[1:]  # "Condemning Russia, ...", "The Security Council": not the name
    pieces, current = [], []
    for part in parts:
        if part[2].casefold().strip("'’") in breakers:
            pieces.append(current)
            current = []
        else:
            current.append(part)
    pieces.append(current)
    spans = []
    for piece in pieces:
        while piece and not _NAME_WORD.match(piece[-1][2]):
            piece = piece[:-1]  # a run ends in a capitalised word, not "of"
        if sum(1 for p in piece if _NAME_WORD.match(p[2])) >= 2:
            spans.append((piece[0][0], piece[-1][1], text[piece[0][0] : piece[-1][1]]))
    return spans


def split_named(hits, text: str, base: int = 0, extra=()) -> tuple[list, list[NameSkip]]:
    """Split one text's dictionary ``hits`` into those that count and those inside a name.

    Parameters
    ----------
    hits : list of Hit
        Hits with character offsets (``start``, ``end``) into the document.
    text : str
        The text the hits are in; ``text[x - base]`` is the document's
        character ``x``.
    extra : sequence of (start, end, name), optional
        More names, in document offsets (actors, people).

    Returns
    -------
    (kept, skipped)
        ``kept`` the hits in their order (the same list when nothing is
        skipped), ``skipped`` the :class:`NameSkip` records.

    Examples
    --------
    >>> from helpers.lexicons import Dictionary
    >>> from helpers.text import tokenize
    >>> d = Dictionary.from_patterns({"security": ["security"], "history": ["Cold War"]})
    >>> text = "The Security Council met; security fears recalled the Cold War."
    >>> kept, skipped = split_named(d.match_tokens(tokenize(text)), text)
    >>> [h.pattern for h in kept], [(s.hit.pattern, s.name) for s in skipped]
    (['security', 'Cold War'], [('security', 'Security Council')])
    """
    spans = name_spans(text)
    if base:
        spans = tuple((s + base, e + base, name) for s, e, name in spans)
    if extra:
        spans = tuple(sorted(spans + tuple(extra)))
    if not spans or not hits:
        return hits, []
    starts = [s for s, _, _ in spans]
    meant = _exceptions()[0]
    kept, skipped = [], []
    for hit in hits:
        name = _inside(spans, starts, hit)
        if name is None or hit.pattern[:1].isupper() or _meant(hit.pattern, meant):
            kept.append(hit)
        else:
            skipped.append(NameSkip(hit, name))
    return (kept, skipped) if skipped else (hits, [])


def _inside(spans, starts: list[int], hit) -> str | None:
    """The name a hit stands inside (not covering it whole), or None."""
    k = bisect_right(starts, hit.start) - 1
    while k >= 0:
        start, end, name = spans[k]
        if start <= hit.start and hit.end <= end:
            if hit.start == start and hit.end == end:
                return None  # the pattern is the whole name
            return name
        if end <= hit.start and k < len(spans) - 1:
            return None
        k -= 1
    return None


def _meant(pattern: str, meant: frozenset) -> bool:
    return bool(meant) and any(word in meant for word in pattern.casefold().split())


_NAME_NOTE = {"note": "inside a name: a name is not words (helpers.actors.names)"}


def text_base(text: str, tokens) -> int:
    """The document offset of ``text[0]`` when ``tokens`` (with document offsets) are its words.

    >>> from helpers.text import tokenize
    >>> text_base("Hello there", tokenize("Hello there", offset=40))
    40
    """
    if not tokens:
        return 0
    first = tokens[0]
    return first.start - max(0, text.find(first.text))


def name_hits(text: str, base: int = 0) -> list:
    """The names of a text as dictionary hits of category ``name`` (document offsets), for an
    analysis that neutralises what a hit covers (the news-aware sentiment score).

    Examples
    --------
    >>> [(h.category, h.pattern) for h in name_hits("Its ambassador, Fu Cong, spoke.")]
    [('name', 'Fu Cong')]
    """
    from helpers.lexicons import Hit

    return [
        Hit("name", name, start + base, end + base, -1, -1, 1.0, _NAME_NOTE)
        for start, end, name in name_spans(text)
    ]
