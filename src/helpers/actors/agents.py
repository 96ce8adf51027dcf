"""Sub-state actors as CAMEO codes them: a country (or group) and an agent type.

"Kenyan police" is Kenya's police (``KEN`` + ``COP``), "Colombian rebels"
Colombia's rebels (``COL`` + ``REB``), "police in Lagos" Nigeria's police,
"Syrian soldiers" Syria's military; "gunmen" with no country an armed group
of unknown country (``UAF``). The agent words and codes are CAMEO's, from
PETRARCH2's agent dictionary (``data/lexicons/agents.yml``, converted by
:mod:`helpers.actors.petrarch`), with the project's role words of
``actors.yml`` before them where both list a word (a role may carry its own
``agent:`` code). Codes of two parts (``GOVMED``, state media) keep both.

:func:`agent_after` and :func:`agent_before` look for an agent phrase right
next to an actor mention, so a sentence without actors costs nothing;
:func:`untied_agents` finds the agents no actor owns ("gunmen", "protesters"),
only when a caller asks for them.
"""

from __future__ import annotations

from functools import lru_cache

from helpers.actors.petrarch import code_label, code_speaker_type
from helpers.text import Token

__all__ = [
    "AGENTS",
    "agent_after",
    "agent_before",
    "agent_label",
    "agent_type",
    "phrase_agent",
    "untied_agents",
]

#: The agent dictionary, a native dictionary in ``data/lexicons``.
AGENTS = "agents"
# How many tokens an agent phrase may span (the longest in the list is shorter).
_LONGEST = 6
# Speaker types of agents that belong to a state's government ("institution" mentions).
_GOVERNMENT = "government"
# Agent codes too vague to stand alone as an actor ("people", "residents"): tied only.
_TOO_VAGUE = frozenset({"PPL"})


def agent_dictionary():
    """The compiled agent dictionary (recompiled when the file changes)."""
    from helpers.lexicons import load_dictionary

    return load_dictionary(AGENTS)


def agent_type(code: str) -> str:
    """The speaker type of an agent code ("COP": government, "REB": armed_group).

    Examples
    --------
    >>> agent_type("COP"), agent_type("REB"), agent_type("GOVMED"), agent_type("")
    ('government', 'armed_group', 'media', '')
    """
    return code_speaker_type(code) if code else ""


def agent_label(code: str) -> str:
    """What an agent code stands for ("GOVMED": "government, media")."""
    return code_label(code) if code else ""


def _longest(
    agents, tokens: list[Token], a: int, b: int, anchor: str
) -> tuple[str, int, int] | None:
    """The longest agent phrase inside ``tokens[a:b]`` that starts at ``a`` (``anchor="start"``)
    or ends at ``b`` (``anchor="end"``): ``(code, start, end)``."""
    if a >= b:
        return None
    # Only a phrase starting at ``a`` counts for "start": the first word must begin one.
    if not agents.may_match(tokens[a : a + 1] if anchor == "start" else tokens[a:b]):
        return None
    best = None
    for hit in agents.match_tokens(tokens[a:b]):
        start, end = hit.tok_start + a, hit.tok_end + a
        if (anchor == "start" and start != a) or (anchor == "end" and end != b):
            continue
        if best is None or end - start > best[2] - best[1]:
            best = (hit.category, start, end)
    return best


def agent_after(agents, tokens: list[Token], b: int, end: int | None = None):
    """An agent phrase of ``agents`` (the compiled agent dictionary) starting at token ``b``
    and ending by ``end`` ("Kenyan | police"): ``(code, start, end)``, or None."""
    end = len(tokens) if end is None else end
    return _longest(agents, tokens, b, min(end, b + _LONGEST), "start")


def agent_before(agents, tokens: list[Token], a: int, start: int = 0):
    """An agent phrase ending right before token ``a``, not before ``start`` ("police | in
    Lagos"), or None."""
    return _longest(agents, tokens, max(start, a - _LONGEST), a, "end")


@lru_cache(maxsize=4096)
def phrase_agent(phrase: str) -> str:
    """The agent code of role words ("foreign ministry": GOV), or "" when they have none
    (cached: the agent list as it was first read in this process).

    The code of the longest agent phrase that ends the words (their head).
    """
    from helpers.text import tokenize

    tokens = tokenize(phrase)
    found = _longest(agent_dictionary(), tokens, max(0, len(tokens) - _LONGEST), len(tokens), "end")
    return found[0] if found else ""


def untied_agents(agents, tokens: list[Token], taken: list[tuple[int, int]], hits=None) -> list:
    """Agents of another kind than a government's that no actor owns: ``(code, start, end)``.

    "Gunmen abducted five aid workers", "protesters said": armed groups,
    civilians, opposition, media ... of no known country. Agents of a
    government ("police", "the army") without an actor refer to no one by
    themselves and are left out, as untied role words are. ``taken`` are the
    token spans of the sentence's actor mentions (in text order), which an
    agent may not overlap. ``hits`` are ``agents.match_tokens(tokens)`` when
    the caller matched them already.
    """
    found = []
    k = 0
    for hit in agents.match_tokens(tokens) if hits is None else hits:
        while k < len(taken) and taken[k][1] <= hit.tok_start:
            k += 1
        if k < len(taken) and taken[k][0] < hit.tok_end:
            continue
        if agent_type(hit.category) in (_GOVERNMENT, "igo", "") or hit.category in _TOO_VAGUE:
            continue
        if found and found[-1][2] > hit.tok_start:
            continue  # the dictionary's leftmost-longest match already chose
        found.append((hit.category, hit.tok_start, hit.tok_end))
    return found
