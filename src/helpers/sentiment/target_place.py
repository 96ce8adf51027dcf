"""Where a named target stands in a sentence: its literal words, or any form of its actor.

:func:`locate_target` is the first step of the tone toward a target
(:mod:`helpers.sentiment.target`): offsets given by the caller decide;
otherwise the first occurrence of the target's own words or, when they are
not in the sentence and the target names an actor of the actors list, the
first of that actor's other forms ("the Kremlin" for "Russia").
:func:`checked_offsets` refuses offsets that are not whole numbers inside
the text.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Any

from helpers.errors import InputError
from helpers.sentiment.words import token_base
from helpers.text import Token

__all__ = ["checked_offsets", "locate_target"]

_NORM = attrgetter("norm")


def locate_target(
    text: str,
    tokens: list[Token],
    target: str = "",
    start: Any = None,
    end: Any = None,
    *,
    actors: Any = None,
    norms: list[str] | None = None,
) -> tuple[int, int] | None:
    """Return the target's character span in ``text``, or None when it is not there.

    Offsets (``start``, ``end``), when given, decide. Otherwise the first
    occurrence of ``target`` (its tokens, in any case): what a row names is
    the mention meant ("New Delhi" is the city's mention even after "India"
    in the same sentence). When it is not in the sentence and ``target``
    names an actor of the actors list (``actors``, default
    ``data/lexicons/actors.yml``), the first of that actor's forms (its name,
    aliases, demonyms, capital, metonyms and leaders, as the list spells
    them: "the Kremlin" and "Moscow" for "Russia").
    ``norms`` (the tokens' ``norm``) may be passed when the caller has them.

    Raises
    ------
    InputError
        Offsets that are not whole numbers with ``0 <= start < end <= len(text)``.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> text = "The Kremlin rejected the plan; Moscow will not sign."
    >>> start, end = locate_target(text, tokenize(text), "Russia")
    >>> text[start:end]  # "Russia" is not in the text: the first of its forms
    'Kremlin'
    >>> text = "The Kremlin rejected the plan; Russia will not sign."
    >>> start, end = locate_target(text, tokenize(text), "Russia")
    >>> text[start:end]  # the target's own words come first
    'Russia'
    """
    if start is not None or end is not None:
        return checked_offsets(text, start, end)
    if not target or not tokens:
        return None
    if actors is None:
        from helpers.actors import load_actors

        actors = load_actors()
    base = token_base(text, tokens)
    wanted, forms, firsts = _target_forms(target, actors)
    norms = list(map(_NORM, tokens)) if norms is None else norms
    found = _first_place(tokens, norms, wanted, forms, firsts)
    if found is None:
        return None
    return tokens[found[0]].start - base, tokens[found[1] - 1].end - base


def _first_place(tokens, norms, wanted, forms, firsts) -> tuple[int, int] | None:
    """Token range of the first occurrence of the target (``wanted`` norms, any case),
    else of one of its actor's ``forms`` (token texts by first word, case as listed;
    ``firsts``: their first words' norms), or None."""
    found, size, start = None, len(wanted), 0
    while size:  # the literal target: searched in C, occurrence by occurrence
        try:
            i = norms.index(wanted[0], start)
        except ValueError:
            break
        if size == 1 or tuple(norms[i : i + size]) == wanted:
            found = i, i + size
            break
        start = i + 1
    if found is not None or not forms or firsts.isdisjoint(norms):
        return found  # the target's own words, or no form of its actor
    for i in compress(range(len(norms)), map(firsts.__contains__, norms)):
        for form in forms.get(tokens[i].text, ()):  # longest first
            if len(form) == 1 or tuple(t.text for t in tokens[i : i + len(form)]) == form:
                return i, i + len(form)
    return None


def checked_offsets(text: str, start: Any, end: Any) -> tuple[int, int]:
    """Return ``(start, end)`` as whole numbers inside ``text``, or refuse them.

    Examples
    --------
    >>> checked_offsets("Talks failed.", "0", 5.0)
    (0, 5)
    """
    try:
        s, e = int(start), int(end)
        if s != float(start) or e != float(end):
            raise ValueError
    except (TypeError, ValueError):
        raise InputError(
            f"target offsets must be whole numbers, not {start!r} and {end!r}",
            where="--target-start-column/--target-end-column",
            fix="Give character offsets into the text: start (from 0) and end (exclusive)",
        ) from None
    if not 0 <= s < e <= len(text):
        raise InputError(
            f"target offsets {s}..{e} lie outside the text ({len(text)} characters)",
            where="--target-start-column/--target-end-column",
            fix="Give 0 <= start < end <= the length of the text",
        )
    return s, e


# A coded data set names thousands of distinct targets ("he", "Mr. Trump",
# "the Senate" ...): a small cache missed on most rows and re-read the actors
# list each time, a third of the target path's cost (issue 18, round 3).
@lru_cache(maxsize=16384)
def _target_forms(target: str, actors: Any) -> tuple[tuple[str, ...], dict, frozenset]:
    """The target's token norms, and, when it names an actor, every form of that
    actor as token texts (case counts, as in the actors list), by first word,
    longest first (the actors list's leftmost-longest rule), and the norms of
    those first words."""
    from helpers.text import tokenize

    tokens = tokenize(target)
    norms = tuple(t.norm for t in tokens)
    found = actors.find(tokens) if tokens else []
    if len(found) != 1 or found[0].tok_start != 0 or found[0].tok_end != len(tokens):
        return norms, {}, frozenset()
    return (norms, *_actor_forms(found[0].actor_id, actors))


@lru_cache(maxsize=4096)
def _actor_forms(actor_id: Any, actors: Any) -> tuple[dict, frozenset]:
    """Every form of one actor, by first word, longest first, and the first words' norms
    (once per actor: many targets name the same actor: "Trump", "Mr. Trump", "the president")."""
    from helpers.text import tokenize

    forms: dict[str, list[tuple[str, ...]]] = {}
    firsts = set()
    patterns = [row[2] for row in actors.rows("forms") if row[0] == actor_id]
    for pattern in patterns:
        words = tokenize(str(pattern))
        if words:
            forms.setdefault(words[0].text, []).append(tuple(t.text for t in words))
            firsts.add(words[0].norm)
    forms = {word: sorted(group, key=len, reverse=True) for word, group in forms.items()}
    return forms, frozenset(firsts)
