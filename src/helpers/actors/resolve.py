"""Resolving a sentence's dictionary hits to actor mentions: leaders, role words, titles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

from helpers.actors.agents import (
    agent_after,
    agent_before,
    agent_type,
    phrase_agent,
    untied_agents,
)
from helpers.actors.names import NAME_AFTER_A_PLACE, opens_a_name, title_case_tokens
from helpers.errors import ParameterError
from helpers.text import Token

__all__ = ["FORMS", "MENTION_COLUMNS", "TABLE_COLUMNS", "Actors", "Mention", "mentions"]

#: The kinds of reference a mention can be: ``person`` is a person the article ties to an
#: actor ("Polyanskiy"), ``agent`` a sub-state actor of another kind than its government
#: ("Colombian rebels", "gunmen": see :mod:`helpers.actors.agents`).
FORMS = (
    "name",
    "alias",
    "demonym",
    "capital",
    "leader",
    "organisation",
    "institution",
    "person",
    "agent",
)
#: Columns of :attr:`Actors.table`.
TABLE_COLUMNS = ("actor_id", "name", "type", "valid_from", "valid_to", "predecessor_of", "status")
#: Columns of :attr:`Actors.forms` and :attr:`Actors.leaders`.
FORM_COLUMNS = ("actor_id", "form", "pattern", "person", "note")
LEADER_COLUMNS = ("actor_id", "person", "role", "start", "end")
_TABLES = {"table": TABLE_COLUMNS, "forms": FORM_COLUMNS, "leaders": LEADER_COLUMNS}
#: Columns of the table :func:`mentions` returns.
MENTION_COLUMNS = (
    "doc_id",
    "sent_id",
    "actor_id",
    "actor",
    "form",
    "start",
    "end",
    "text",
    "in_term",
    "detail",
    "agent",
)

# Tokens between an actor and a role word that still tie them.
_POSSESSIVE = ("'s", "'")
_TIE_WORDS = {"of", "from"}
_TIE_WORDS_IN = {"of", "from", "in"}


class Mention(NamedTuple):
    """One reference to an actor in a token list.

    ``actor_id``, ``form`` (one of :data:`FORMS`), character ``start``/``end``,
    the ``text`` of the span and token indices ``tok_start``/``tok_end``
    (half-open), as in ``docs/architecture.md``. Two further fields:
    ``in_term`` (for a ``leader`` found with a date: whether they held office
    that day; otherwise None) and ``detail`` (the leader's or person's full
    name, or the role words of an ``institution`` or ``agent``). Added for
    issue 15 (with a default, so positional construction keeps working):
    ``agent``, the CAMEO agent code of the role ("COP" for "Kenyan police",
    "REB" for "Colombian rebels", "" for a name); an ``agent`` mention of no
    known country ("gunmen") has ``actor_id`` "".
    """

    actor_id: str
    form: str
    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int
    in_term: bool | None = None
    detail: str = ""
    agent: str = ""


class _Leader(NamedTuple):
    actor_id: str
    person: str
    terms: tuple[tuple[dt.date, dt.date | None, str], ...]


class Actors:
    """A compiled actors list; build it with :func:`load_actors`.

    The three tables are kept as rows (see :meth:`rows`) and made DataFrames
    when first read: scoring reads the rows, and loading the compiled actors
    from the cache does not import pandas.

    Attributes
    ----------
    table : DataFrame
        One row per actor: :data:`TABLE_COLUMNS` (dates as ISO strings).
    forms : DataFrame
        Every pattern: :data:`FORM_COLUMNS`.
    leaders : DataFrame
        Every term of office: :data:`LEADER_COLUMNS`.
    names : dict
        ``actor_id -> name``.
    dictionary : helpers.lexicons.Dictionary
        The compiled matcher (categories ``<actor_id>/<form>``,
        ``<actor_id>/leader/<n>``, ``role``).
    meta : dict
        The file's ``meta`` block.
    path : Path
    """

    def __init__(
        self,
        *,
        path,
        meta,
        table,
        forms,
        leaders,
        dictionary,
        categories,
        modifiers,
        organs=None,
        project=None,
        agents=None,
    ):
        self.path = path
        self.project = project
        # The compiled agent dictionary (data/lexicons/agents.yml), kept with the actors.
        self.agents = agents
        # organ category ("organ/EU") -> its organisation's id
        self._organs: dict[str, str] = dict(organs or {})
        # table, forms, leaders: rows (tuples) of the columns in _TABLES
        self._rows = {"table": list(table), "forms": list(forms), "leaders": list(leaders)}
        self._frames: dict[str, Any] = {}  # their DataFrames, made when first read
        self.kinds: dict[str, str] = {row[0]: row[2] for row in self._rows["table"]}
        self.meta = meta
        self.dictionary = dictionary
        self.names: dict[str, str] = {row[0]: row[1] for row in self._rows["table"]}
        # category -> (actor_id, form, leader or None)
        self._categories: dict[str, tuple[str, str, _Leader | None]] = categories
        self._modifiers = modifiers

    def __repr__(self) -> str:
        actors, forms = len(self._rows["table"]), len(self._rows["forms"])
        return f"Actors({actors} actors, {forms} forms, from {self.path})"

    def name(self, actor_id: str) -> str:
        """Return the canonical name of ``actor_id``."""
        return self.names[actor_id]

    def rows(self, table: str) -> list[tuple]:
        """The rows of ``"table"``, ``"forms"`` or ``"leaders"``, as tuples (no pandas)."""
        return self._rows[table]

    def _frame(self, table: str):
        frame = self._frames.get(table)
        if frame is None:
            import pandas as pd

            frame = pd.DataFrame(self._rows[table], columns=list(_TABLES[table]))
            self._frames[table] = frame
        return frame

    table = property(lambda self: self._frame("table"), doc="One row per actor (DataFrame).")
    forms = property(lambda self: self._frame("forms"), doc="Every pattern (DataFrame).")
    leaders = property(lambda self: self._frame("leaders"), doc="Every term (DataFrame).")

    def __getstate__(self) -> dict:
        """Pickled without the DataFrames (the cache stores the rows only)."""
        return {**self.__dict__, "_frames": {}}

    # -- resolution ---------------------------------------------------------------------------
    def find(
        self,
        tokens: list[Token],
        date=None,
        hits=None,
        *,
        context=None,
        agents: bool = False,
        agent_hits=None,
    ) -> list[Mention]:
        """Find every actor mention in one sentence's tokens.

        Parameters
        ----------
        tokens : list of Token
            From :func:`helpers.text.tokenize` (usually one sentence).
        date : str, date or datetime, optional
            The article's date (ISO ``YYYY-MM-DD``). Picks between people who
            share a name and sets ``in_term`` on leader mentions.
        hits : list of Hit, optional
            ``self.dictionary.match_tokens(tokens)``, when the caller has
            matched it already (with other dictionaries, in a
            :class:`~helpers.lexicons.DictionarySet`).
        context : dict, optional
            Actor ids the text named before (id -> order of its last mention),
            for organs ("the Commission" is the EU's only where the EU was
            named: in this sentence, or before it in ``context``).
        agents : bool, default False
            Also report agents that no actor owns ("gunmen", "protesters"),
            as ``agent`` mentions with an empty ``actor_id``.
        agent_hits : list of Hit, optional
            ``self.agents.match_tokens(tokens)``, when the caller has matched
            it already (``score`` matches it with the other dictionaries).

        Returns
        -------
        list of Mention
            In text order, never overlapping. ``text`` is rebuilt from the
            tokens (line breaks become spaces); :func:`mentions` copies the
            exact text.

        Examples
        --------
        >>> from helpers.text import tokenize
        >>> from helpers.actors import load_actors
        >>> actors = load_actors()
        >>> [(m.actor_id, m.form, m.text) for m in actors.find(tokenize("Tokyo protested to the Foreign Ministry in Moscow."))]
        [('JPN', 'capital', 'Tokyo'), ('RUS', 'institution', 'Foreign Ministry in Moscow')]
        """
        if hits is None:
            hits = self.dictionary.match_tokens(tokens)
        items = self._resolved(tokens, hits, _as_date(date), context)
        if agents:
            # The project's role words ("spokesman", "officials") are never agents on their own.
            roles = [(h.tok_start, h.tok_end) for h in hits if h.category == "role"]
            items = _with_untied(self.agents, tokens, items, roles, agent_hits)
        new = tuple.__new__  # Mention(...) without the Python-level constructor: hot path
        return [
            new(
                Mention,
                (
                    actor_id,
                    form,
                    tokens[a].start,
                    tokens[b - 1].end,
                    _span_text(tokens, a, b),
                    a,
                    b,
                    in_term,
                    detail,
                    agent,
                ),
            )
            for _, a, b, actor_id, form, in_term, detail, _, agent in items
        ]

    def _resolved(
        self, tokens: list[Token], hits: list, day: dt.date | None, context=None
    ) -> list[list]:
        """The actor items of one sentence, in text order, never overlapping (see :meth:`_items`).

        :meth:`find` turns them into mentions.
        """
        items = self._items(hits, day)
        if not items:
            return items
        if any(item[4] == "capital" and item[2] == item[1] + 1 for item in items):
            items = _places_in_names(tokens, items, self.agents)
        if any(item[0] == "organ" for item in items):
            items = _organs(items, context)  # organs of an organisation named: its mentions
        roles = ()
        if any(item[0] == "role" for item in items):
            roles = [(item[1], item[2]) for item in items if item[0] == "role"]
            items = self._tie_roles(tokens, items)  # roles are tied or dropped
        return _tie_agents(self.agents, tokens, items, self._modifiers, roles)

    def _items(self, hits: list, day: dt.date | None) -> list[list]:
        """Group the dictionary's hits by span and resolve each span to an actor or a role.

        An item is ``[kind, tok_start, tok_end, actor_id, form, in_term, detail, tie_in, agent]``.
        """
        items: list[list] = []
        categories = self._categories
        organs = self._organs
        n = len(hits)
        k = 0
        while k < n:
            hit = hits[k]
            a, b = hit.tok_start, hit.tok_end
            k += 1
            group = [hit]
            while k < n and hits[k].tok_start == a:
                group.append(hits[k])
                k += 1
            if len(group) == 1:
                # One category holds this span (the usual case): nothing to sort out.
                found = categories.get(hit.category)
                if found is not None and found[2] is None:
                    items.append(["actor", a, b, found[0], found[1], None, "", True, ""])
                    continue
            candidates = [categories[h.category] for h in group if h.category in categories]
            if candidates:
                plain = [c for c in candidates if c[2] is None]
                if plain:  # load_actors guarantees one actor per non-leader form
                    actor_id, form, _ = plain[0]
                    items.append(["actor", a, b, actor_id, form, None, "", True, ""])
                else:
                    leader, in_term = _pick_leader([c[2] for c in candidates], day)
                    items.append(
                        ["actor", a, b, leader.actor_id, "leader", in_term, leader.person, True, ""]
                    )
            elif group[0].category in organs:
                parents = tuple(organs[h.category] for h in group if h.category in organs)
                items.append(["organ", a, b, parents, "organisation", None, "", True, ""])
            else:
                role = group[0]
                tie_in = bool(role.attrs.get("tie_in", True))
                agent = str(role.attrs.get("agent", ""))
                if items and items[-1][0] == "role" and items[-1][2] == a:
                    # Adjacent role words are one role; the last is the head noun.
                    items[-1][2] = b
                    items[-1][6] += " " + role.pattern
                    items[-1][7] = tie_in
                    items[-1][8] = agent
                else:
                    items.append(
                        ["role", a, b, None, "institution", None, role.pattern, tie_in, agent]
                    )
        return items

    def _tie_roles(self, tokens: list[Token], items: list[list]) -> list[list]:
        """Turn role words tied to an actor into institution mentions; drop the rest."""
        removed = [False] * len(items)
        for k, item in enumerate(items):
            if item[0] != "role":
                continue
            removed[k] = True  # a role is never reported as it stands
            prev = items[k - 1] if k and not removed[k - 1] and items[k - 1][0] == "actor" else None
            nxt = items[k + 1] if k + 1 < len(items) and items[k + 1][0] == "actor" else None
            prefix = prev is not None and (
                self._prefix_gap(tokens, prev, item[1]) or _located(tokens, prev, item[1])
            )
            if nxt is not None and nxt[4] == "leader" and nxt[1] == item[2]:
                # A title: "President Joe Biden", "Russian President Vladimir Putin".
                nxt[1] = item[1]
                if prefix and prev[3] == nxt[3] and prev[4] != "leader":
                    nxt[1] = prev[1]
                    removed[k - 1] = True
                continue
            agent = item[8] or phrase_agent(item[6]) or "GOV"
            if prefix:
                prev[:] = ["actor", prev[1], item[2], prev[3], "institution", None, item[6], True]
                prev.append(agent)
                continue
            if nxt is not None and _suffix_gap(tokens, item[2], nxt[1], item[7]):
                nxt[:] = ["actor", item[1], nxt[2], nxt[3], "institution", None, item[6], True]
                nxt.append(agent)
        return [item for k, item in enumerate(items) if not removed[k]]

    def _prefix_gap(self, tokens: list[Token], actor: list, role_start: int) -> bool:
        """True if the tokens between ``actor`` and a role tie them (possessive, one modifier)."""
        gap = [t.norm for t in tokens[actor[2] : role_start]]
        possessive = False
        if gap[:2] == ["'", "s"]:  # "U.K.’s" tokenises as U.K. + ’ + s
            gap, possessive = gap[2:], True
        elif gap[:1] and gap[0] in _POSSESSIVE:
            gap, possessive = gap[1:], True
        if not gap:
            return True
        if len(gap) == 1 and gap[0] in self._modifiers:
            # A modifier follows an adjective (demonym) or a possessive, not a bare name.
            return possessive or actor[4] == "demonym"
        return False


def _places_in_names(tokens: list[Token], items: list[list], agents) -> list[list]:
    """``items`` less the one-word capitals that open a longer proper name
    ("Santiago Peña", "the Paris Agreement", "the Washington Post"; see
    :func:`helpers.actors.names.opens_a_name`): the person, the treaty or the
    paper is not the state. Another actor, a role or an agent of ``agents``
    among the words after it keeps it ("Moscow Mayor Sergei Sobyanin")."""
    starts = {item[1] for item in items}
    n = len(tokens)
    found, headline = [], None
    for item in items:
        b = item[2]
        if item[4] == "capital" and b == item[1] + 1 and b < n and tokens[b].text[:1].isupper():
            kept = {
                j
                for j in range(b, min(n, b + NAME_AFTER_A_PLACE))
                if j in starts or agent_after(agents, tokens, j)
            }
            if headline is None:  # read once per sentence: a long line stays linear
                headline = title_case_tokens(tokens)
            if opens_a_name(tokens, b, kept, headline):
                continue
        found.append(item)
    return found


def _located(tokens: list[Token], actor: list, role_start: int) -> bool:
    """True for a sentence that opens "In <place>, the <role>" ("In Bangkok, the foreign
    ministry summoned ..."): the role is that place's."""
    if actor[1] != 1 or tokens[0].norm != "in":
        return False
    gap = [t.norm for t in tokens[actor[2] : role_start]]
    return gap in ([","], [",", "the"])


def _organs(items: list[list], context) -> list[list]:
    """An organ ("the Commission", "the Security Council") is its organisation's mention
    where that organisation was named (before, or in the same sentence); else dropped.

    Of two organisations with an organ of that name, the one named last.
    """
    named = dict(context or {})
    for order, item in enumerate(items):
        if item[0] == "actor":
            named[item[3]] = len(named) + order + 1
    kept = []
    for item in items:
        if item[0] != "organ":
            kept.append(item)
            continue
        known = [parent for parent in item[3] if parent in named]
        if known:
            parent = max(known, key=named.__getitem__)
            kept.append(["actor", item[1], item[2], parent, "organisation", None, "", True, ""])
    return kept


def _tie_agents(agents, tokens: list[Token], items: list[list], modifiers, roles=()) -> list[list]:
    """Extend an actor to the agent words beside it: "Kenyan police", "rebels in Colombia".

    An agent phrase of ``agents.yml`` right after a demonym or name (after a
    possessive and at most one listed modifier), or right before "of/from
    (the)" and the actor, or before "in" for agents that belong to where they
    are ("police in Lagos", "protesters in Tehran"; not soldiers or troops,
    often abroad). A government's agent is an ``institution``, any other an
    ``agent`` (of that country). The project's role words (``roles``) were
    tied or left by the role rules and are not agents here ("the embassy in
    Tokyo" is located, not Japan's).
    """
    n = len(tokens)
    for k, item in enumerate(items):
        if item[0] != "actor" or item[4] not in _AGENT_OWNERS:
            continue
        b = item[2]
        if b < n and tokens[b].norm in _POSSESSIVE:
            b += 2 if tokens[b].norm == "'" and b + 1 < n and tokens[b + 1].norm == "s" else 1
        limit = items[k + 1][1] if k + 1 < len(items) else n
        found = agent_after(agents, tokens, b, limit) if b < limit else None
        if found is None and b < limit and tokens[b].norm in modifiers:
            found = agent_after(agents, tokens, b + 1, limit)
        if found is not None and not _overlaps(found, roles):
            code, _, end = found
            _as_agent(item, item[1], end, code, tokens)
            continue
        a = item[1]
        lower = items[k - 1][2] if k else 0
        gap = a - 1 if a and tokens[a - 1].norm == "the" else a
        if gap > lower and tokens[gap - 1].norm in _TIE_WORDS_IN:
            found = agent_before(agents, tokens, gap - 1, lower)
            if found is None or _overlaps(found, roles):
                continue
            code, start, _ = found
            if tokens[gap - 1].norm == "in" and code[:3] == "MIL":
                continue
            _as_agent(item, start, item[2], code, tokens)
    return items


def _overlaps(found: tuple[str, int, int], spans) -> bool:
    return any(a < found[2] and found[1] < b for a, b in spans)


# Forms an agent may belong to ("Kenyan police", "Kenya's police"), not a leader's or an institution's.
_AGENT_OWNERS = frozenset({"name", "alias", "demonym", "capital", "organisation"})


def _as_agent(item: list, a: int, b: int, code: str, tokens: list[Token]) -> None:
    words = " ".join(t.norm for t in tokens[a:b] if t.norm not in _POSSESSIVE)
    form = "institution" if agent_type(code) == "government" else "agent"
    item[:] = ["actor", a, b, item[3], form, None, words, True, code]


def _with_untied(
    agents, tokens: list[Token], items: list[list], roles: list, hits=None
) -> list[list]:
    """``items`` and the agents of no known country between them ("gunmen"), in text order."""
    taken = [(item[1], item[2]) for item in items]
    if roles:
        taken = sorted(taken + roles)
    untied = untied_agents(agents, tokens, taken, hits)
    if not untied:
        return items
    extra = [
        ["actor", a, b, "", "agent", None, _span_text(tokens, a, b), True, code]
        for code, a, b in untied
    ]
    return sorted(items + extra, key=lambda item: item[1])


def _suffix_gap(tokens: list[Token], role_end: int, actor_start: int, tie_in: bool) -> bool:
    gap = [t.norm for t in tokens[role_end:actor_start]]
    if gap[1:] == ["the"]:
        gap = gap[:1]
    return len(gap) == 1 and gap[0] in (_TIE_WORDS_IN if tie_in else _TIE_WORDS)


def _span_text(tokens: list[Token], a: int, b: int) -> str:
    if b == a + 1:
        return tokens[a].text  # most mentions are one word
    parts = [tokens[a].text]
    for i in range(a + 1, b):
        if tokens[i].start > tokens[i - 1].end:
            parts.append(" ")
        parts.append(tokens[i].text)
    return "".join(parts)


def _pick_leader(leaders: list[_Leader], day: dt.date | None) -> tuple[_Leader, bool | None]:
    """Choose among people sharing a name: in office on ``day``, else nearest; undated, latest."""
    if day is None:
        return max(leaders, key=_latest), None
    best = min(leaders, key=lambda leader: (_distance(leader, day), _neg_latest(leader)))
    return best, _distance(best, day) == 0


def _distance(leader: _Leader, day: dt.date) -> int:
    gaps = []
    for start, end, _ in leader.terms:
        if day < start:
            gaps.append((start - day).days)
        elif end is not None and day >= end:
            gaps.append((day - end).days + 1)
        else:
            return 0
    return min(gaps)


def _latest(leader: _Leader) -> tuple:
    ongoing = any(end is None for _, end, _ in leader.terms)
    last_end = max((end or dt.date.max) for _, end, _ in leader.terms)
    last_start = max(start for start, _, _ in leader.terms)
    return (ongoing, last_end, last_start)


def _neg_latest(leader: _Leader) -> tuple:
    ongoing, last_end, last_start = _latest(leader)
    return (not ongoing, -last_end.toordinal(), -last_start.toordinal())


def _to_date(value, *, lenient: bool) -> dt.date | None:
    """The day ``value`` holds (a date, a datetime or Timestamp, an ISO string), else None.

    ``lenient``: an ISO string may carry spaces around it and a time after the day.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10] if lenient else value)
        except ValueError:
            return None
    return None


def _as_date(value) -> dt.date | None:
    """Read a date parameter: None or "", a date, a datetime (or Timestamp), or an ISO string."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # "" is how a papermill parameter says "no date"
    day = _to_date(value, lenient=True)
    if day is not None:
        return day
    raise ParameterError(
        f"date {value!r} is not an ISO date",
        where="date",
        fix="Give the article's date as YYYY-MM-DD, or None",
    )


def mentions(seg, actors: Actors | str | Path | None = None, date=None) -> Any:
    """Return every actor mention of a segmented text, one row per mention.

    Parameters
    ----------
    seg : Segmentation
        From :func:`helpers.text.segment`.
    actors : Actors, str or Path, optional
        A compiled list, or a path to load; default the project's list.
    date : str, date or datetime, optional
        The article's date; see :meth:`Actors.find`.

    Returns
    -------
    DataFrame
        :data:`MENTION_COLUMNS`: ``doc_id, sent_id, actor_id, actor, form,
        start, end, text, in_term, detail, agent``; ``seg.text[start:end] ==
        text``. The article is read in order (:class:`helpers.actors.people.ArticleActors`):
        people tied to an actor ("Polyanskiy") and organs of an organisation
        named before ("the Commission") are mentions too, and so are agents of
        no known country ("gunmen": ``actor_id`` and ``actor`` empty, the
        CAMEO code in ``agent``).

    Examples
    --------
    >>> from helpers.text import segment
    >>> table = mentions(segment("Japanese officials met Lavrov."), date="2022-03-21")
    >>> table[["actor", "form", "text", "in_term"]].values.tolist()
    [['Japan', 'institution', 'Japanese officials', None], ['Russia', 'leader', 'Lavrov', True]]
    """
    import pandas as pd

    if not isinstance(actors, Actors):
        from helpers.actors.loader import load_actors  # it builds on this module

        actors = load_actors(actors)
    from helpers.actors.people import ArticleActors  # it builds on this module

    article = ArticleActors(actors, date)
    text = seg.text
    names = actors.names
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for m in article.find(tokens, agents=True):
            rows.append(
                (
                    seg.doc_id,
                    sent_id,
                    m.actor_id,
                    names.get(m.actor_id, ""),
                    m.form,
                    m.start,
                    m.end,
                    text[m.start : m.end],
                    m.in_term,
                    m.detail,
                    m.agent,
                )
            )
    table = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    # Keep None (not NaN/False) where no term applies, so the three states stay visible.
    table["in_term"] = table["in_term"].astype(object)
    return table
