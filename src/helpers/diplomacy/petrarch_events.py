"""Event words from PETRARCH2's verb patterns, combined with the project's ``events.yml``.

The precedence, one rule for the whole coder (:func:`with_petrarch`):

1. the project's hand-written list (``data/lexicons/events.yml``) first: a
   PETRARCH2 match whose verb lies inside a project event word is dropped
   ("suspended talks" stays the project's 164);
2. except that a PETRARCH2 pattern longer than the project word it covers
   wins (the more specific pattern: "fired tear gas" over "fired");
3. PETRARCH2's patterns code every other verb the project list lacks
   (:mod:`helpers.lexicons.verb_index`: per verb its most specific pattern,
   else the verb's own code; ``[---]`` is no event). A reporting verb
   ("said") is PETRARCH2's 01x "make a statement" like any other verb: the
   ConfliBERT coders code statements (measured: leaving reporting verbs out
   where the sentence has another event word lowered PentaClass accuracy
   from 0.41 to 0.31).

A PETRARCH2 event word is a dictionary :class:`~helpers.lexicons.dictionary.Hit`
of category :data:`PETRARCH` whose ``attrs`` hold its CAMEO code, PLOVER-style
``event`` and its ``evidence`` ("PETRARCH2 CAMEO.2.0.txt line 8743: * {TEAR GAS}").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from helpers.diplomacy.cameo import cameo_code
from helpers.diplomacy.dictionaries import dictionary
from helpers.errors import DictionaryError
from helpers.lexicons.dictionary import Hit
from helpers.lexicons.verb_index import SOURCE_NAME, match_verbs

__all__ = ["PETRARCH", "petrarch_hits", "with_petrarch"]

#: The category (``mode`` of an event) of PETRARCH2 event words.
PETRARCH = "petrarch2"
_TOK = attrgetter("tok_start")
_NORM = attrgetter("norm")
#: Longer units are no sentences (a table, an unpunctuated dump): PETRARCH2's words are not
#: looked up there, so their cost stays that of the project's list.
MAX_TOKENS = 300
# CAMEO roots whose acts go both ways between joined subjects (agree, consult, cooperate).
_SYMMETRIC_ROOTS = frozenset({"03", "04", "06"})


@lru_cache(maxsize=1024)
def _known(code: str) -> str:
    """The code itself when the ICEWS table has it, else its three-digit or root code."""
    for candidate in (code, code[:3], code[:2] + "0"):
        try:
            cameo_code(candidate)
            return candidate
        except DictionaryError:
            continue
    return ""


@lru_cache(maxsize=8192)
def _attrs(code: str, line: int, pattern: str) -> dict | None:
    """The attributes of a PETRARCH2 event word (shared by its hits: never changed)."""
    known = _known(code)
    if not known:
        return None
    rule = f": {pattern}" if pattern else ": the verb"
    return {
        "cameo": known,
        "event": cameo_code(known).plover.lower(),
        "evidence": f"{SOURCE_NAME} line {line}{rule}",
        # "Moscow and Tokyo signed a declaration": agreeing, consulting and
        # cooperating go both ways between joined subjects, as in events.yml.
        "symmetric": known[:2] in _SYMMETRIC_ROOTS or known == "057",
    }


def petrarch_hits(tokens) -> list[Hit]:
    """The PETRARCH2 event words of a token list, in text order."""
    if not tokens:
        return []
    found = []
    title: list[bool] = []

    def headline() -> bool:
        if not title:
            title.append(_title_case(tokens))
        return title[0]

    for m in match_verbs(list(map(_NORM, tokens))):
        attrs = _attrs(m.code, m.line, m.pattern)
        if attrs is None:
            continue
        # The words before the verb ("POLICE *") are its subject: left to the
        # actors, so "Kenyan police arrested" keeps its source.
        a, b = m.verb_start, m.tok_end
        if b == a + 1 and _name_word(tokens, a, headline):
            continue
        words = tokens[a].text if b == a + 1 else " ".join(t.text for t in tokens[a:b])
        found.append(Hit(PETRARCH, words, tokens[a].start, tokens[b - 1].end, a, b, 1.0, attrs))
    return _without_non_events(tokens, found) if found else found


def _without_non_events(tokens, found: list[Hit]) -> list[Hit]:
    """``found`` without the words inside a phrase of ``events.yml``'s ``_not_event``
    ("heart attack", "take effect"): the project's list says where a PETRARCH2 verb is
    no event, as it does for its own words. The list is matched only when a verb is one
    of its words (rare), so most sentences pay one set look-up per verb."""
    events = dictionary("events")
    words = _suppressor_words(events)
    if not any(tokens[h.tok_start].norm in words for h in found):
        return found
    spans = [
        (h.tok_start, h.tok_end)
        for h in events.match_tokens(tokens, include_suppressors=True)
        if h.category.startswith("_")
    ]
    return [h for h in found if not any(a <= h.tok_start < b for a, b in spans)]


@lru_cache(maxsize=4)
def _suppressor_words(events) -> frozenset[str]:
    """Every word of the suppressing (``_``) categories of a compiled events dictionary."""
    return frozenset(
        word.casefold()
        for entry in events.entries
        if entry.category.startswith("_")
        for word in re.findall(r"[^\W\d_]+", entry.pattern)
    )


# Tokens after which a capitalised word may open a new clause or a quotation.
# A hyphen ("France-Press") is not one: the word after it is still inside the name.
_OPENERS = frozenset({'"', "“", "‘", "'", ":", "--", "—", "–", "(", "[", ";"})


def _name_word(tokens, a: int, headline) -> bool:
    """Whether the one-word verb at ``a`` is part of a name or a date, not a verb.

    A capitalised word inside running text is a proper noun: "Agence
    France-Press", "Public Advocate Letitia James", the month of a dateline
    ("BEIJING, March 21 (Xinhua) --"); the parser PETRARCH2 relies on would
    tag it a noun, so PETRARCH2 would not code "press" (100), "advocate" (020)
    or "march" (140) there. Not for the first word of a sentence or of a
    quotation or clause after a colon or dash, and not in a title-case
    headline (most words capitalised: "Rally Gave Way To Riots"), where the
    capital says nothing; a month beside a day number is a date anywhere.
    Added for issue 14: datelines and titles of the ConfliBERT development set.
    ``headline`` is a function without arguments telling whether the sentence is
    a title-case headline (worked out once per sentence, and only when needed).
    """
    text = tokens[a].text
    if not text[:1].isupper():
        return False
    before = tokens[a - 1].text if a > 0 else ""
    after = tokens[a + 1].text if a + 1 < len(tokens) else ""
    if before.isdigit() or after.isdigit():
        return True  # "March 21", "21 March"
    return a > 0 and before not in _OPENERS and not headline()


def _title_case(tokens) -> bool:
    """Whether a token list is a title-case headline: under a fifth of its words in lower case.

    Running text keeps its function words and verbs in lower case ("Public Advocate
    Letitia James criticised Russia on Monday": 2 of 8), a headline capitalises them
    ("Kenya Deports Two Smugglers To Uganda": none).
    """
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    return sum(w[:1].islower() for w in words) * 5 < len(words)


def with_petrarch(tokens, event_hits: list) -> list:
    """``event_hits`` (of ``events.yml``) and the PETRARCH2 words, by the precedence above."""
    if len(tokens) > MAX_TOKENS:
        return event_hits
    extra = petrarch_hits(tokens)
    if not extra:
        return event_hits
    if not event_hits:
        return extra
    # One pass over both lists in text order (linear: a line may hold thousands of hits).
    project = sorted(event_hits, key=_TOK)
    starts = [h.tok_start for h in project]
    ends = [0] * len(project)  # the furthest end of the project hits up to each one
    furthest = 0
    for k, h in enumerate(project):
        furthest = max(furthest, h.tok_end)
        ends[k] = furthest
    dropped: set[int] = set()
    kept = []
    for hit in extra:
        last = bisect_left(starts, hit.tok_end) - 1  # project hits starting before hit ends
        if last < 0 or ends[last] <= hit.tok_start:
            kept.append(hit)
            continue
        first = last
        while first > 0 and ends[first - 1] > hit.tok_start:
            first -= 1
        over = [k for k in range(first, last + 1) if project[k].tok_end > hit.tok_start]
        if all(
            hit.tok_start <= project[k].tok_start
            and project[k].tok_end <= hit.tok_end
            and hit.tok_end - hit.tok_start > project[k].tok_end - project[k].tok_start
            for k in over
        ):
            dropped.update(over)
            kept.append(hit)
    kept.extend(h for k, h in enumerate(project) if k not in dropped)
    kept.sort(key=_TOK)
    return kept
