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

from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from helpers.diplomacy.cameo import cameo_code
from helpers.errors import DictionaryError
from helpers.lexicons.dictionary import Hit
from helpers.lexicons.verb_index import SOURCE_NAME, match_verbs

__all__ = ["PETRARCH", "petrarch_hits", "with_petrarch"]

#: The category (``mode`` of an event) of PETRARCH2 event words.
PETRARCH = "petrarch2"
_TOK = attrgetter("tok_start")
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
    for m in match_verbs([t.norm for t in tokens]):
        attrs = _attrs(m.code, m.line, m.pattern)
        if attrs is None:
            continue
        # The words before the verb ("POLICE *") are its subject: left to the
        # actors, so "Kenyan police arrested" keeps its source.
        a, b = m.verb_start, m.tok_end
        if b == a + 1 and _date_word(tokens, a):
            continue
        words = tokens[a].text if b == a + 1 else " ".join(t.text for t in tokens[a:b])
        found.append(Hit(PETRARCH, words, tokens[a].start, tokens[b - 1].end, a, b, 1.0, attrs))
    return found


def _date_word(tokens, a: int) -> bool:
    """Whether the one-word verb at ``a`` is a month of a date ("March 21", "21 March").

    A capitalised word beside a day number is a date in a dateline
    ("BEIJING, March 21 (Xinhua) --"), not the verb "march" (PETRARCH2's
    140, protest), which the parser PETRARCH2 relies on would tag a noun.
    Added for issue 14: three datelines of the ConfliBERT development set.
    """
    if not tokens[a].text[:1].isupper():
        return False
    before = tokens[a - 1].text if a > 0 else ""
    after = tokens[a + 1].text if a + 1 < len(tokens) else ""
    return before.isdigit() or after.isdigit()


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
