"""Who a text names: states, organisations and blocs, by name, demonym, capital or leader.

The actors list (``data/lexicons/actors.yml``, or a researcher's own file) gives
each actor its names, aliases, demonyms ("Russian"), capital and metonyms
("Moscow", "the Kremlin") and, for the main powers, leaders with their terms of
office. :func:`load_actors` compiles every form into one
:class:`helpers.lexicons.Dictionary` (the project's single matcher), so
matching is leftmost-longest ("North Korea" never also yields "Korea") and
case-sensitive for names ("US" is not "us"; "Chad" is not "chad").

Resolution rules, applied to each sentence:

Leaders
    A leader's name is a ``leader`` mention of the actor they led. When a
    ``date`` is given, ``in_term`` says whether they held office on that day
    (a term runs from its ``from`` day up to, not including, its ``to`` day);
    a leader out of office is still resolved, only flagged. A name shared by
    two people or two offices ("Bush"; Mark Rutte: Netherlands, then NATO)
    goes to the office held on the date, else the nearest in time; undated, to
    the most recent.
Role words
    "officials", "the Foreign Ministry", "diplomats" refer to no one by
    themselves. They become one ``institution`` mention, spanning the whole
    phrase, only when the sentence ties them to an actor: ``<actor> <role>``
    ("Hungarian officials", "U.S. officials", "the Biden administration"),
    ``<actor>'s <role>`` ("Russia's foreign ministry"), optionally with one
    listed modifier between ("Japan's top diplomat", "Russian military
    officials"), or ``<role> in|of|from <actor>`` ("the Foreign Ministry in
    Moscow"). Roles that are located rather than owned (embassy, troops,
    diplomats) are not tied by "in". Adjacent role words form one role
    ("foreign ministry spokesman").
Titles
    A role directly before a leader's name is the leader's title: "Russian
    President Vladimir Putin" is one ``leader`` mention.
Historical actors
    The Soviet Union ("the Soviets", "USSR") is its own actor, a predecessor of
    Russia, never merged with it; "Moscow" stays Russia whatever the date.

Limits: no coreference ("it", "the country"), no disambiguation from context
beyond these rules (a person named Jordan is Jordan; check the KWIC), and
capitals stand for governments even when a sentence means the city.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple

from helpers.errors import DictionaryError, ParameterError
from helpers.lexicons import Dictionary, lexicon_file, parse_pattern
from helpers.text import Token

__all__ = [
    "FORMS",
    "MENTION_COLUMNS",
    "TABLE_COLUMNS",
    "Mention",
    "Actors",
    "load_actors",
    "mentions",
]

#: The kinds of reference a mention can be.
FORMS = ("name", "alias", "demonym", "capital", "leader", "organisation", "institution")
#: Columns of :attr:`Actors.table`.
TABLE_COLUMNS = ("actor_id", "name", "type", "valid_from", "valid_to", "predecessor_of", "status")
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
)

TYPES = ("state", "organisation", "bloc")
STATUSES = ("un_member", "un_observer", "partially_recognised", "historical")
_ACTOR_KEYS = {
    "name",
    "type",
    "status",
    "aliases",
    "demonyms",
    "capital",
    "metonyms",
    "leaders",
    "valid_from",
    "valid_to",
    "predecessor_of",
    "note",
    "source",
}
_LEADER_KEYS = {"name", "forms", "terms", "note", "source"}
_TERM_KEYS = {"role", "from", "to", "note"}
_TOP_KEYS = {"meta", "settings", "roles", "not_actors", "actors"}
_ROLE_CATEGORY = "role"
_SUPPRESS_CATEGORY = "_not_actors"
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

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
    that day; otherwise None) and ``detail`` (the leader's full name, or the
    role words of an ``institution``).
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


class _Leader(NamedTuple):
    actor_id: str
    person: str
    terms: tuple[tuple[dt.date, dt.date | None, str], ...]


class Actors:
    """A compiled actors list; build it with :func:`load_actors`.

    Attributes
    ----------
    table : DataFrame
        One row per actor: :data:`TABLE_COLUMNS` (dates as ISO strings).
    forms : DataFrame
        Every pattern: ``actor_id, form, pattern, person, note``.
    leaders : DataFrame
        Every term of office: ``actor_id, person, role, start, end``.
    names : dict
        ``actor_id -> name``.
    dictionary : helpers.lexicons.Dictionary
        The compiled matcher (categories ``<actor_id>/<form>``,
        ``<actor_id>/leader/<n>``, ``role``).
    meta : dict
        The file's ``meta`` block.
    path : Path
    """

    def __init__(self, *, path, meta, table, forms, leaders, dictionary, categories, modifiers):
        self.path = path
        self.meta = meta
        self.table = table
        self.forms = forms
        self.leaders = leaders
        self.dictionary = dictionary
        self.names: dict[str, str] = dict(zip(table["actor_id"], table["name"], strict=True))
        # category -> (actor_id, form, leader or None)
        self._categories: dict[str, tuple[str, str, _Leader | None]] = categories
        self._modifiers = modifiers

    def __repr__(self) -> str:
        return f"Actors({len(self.table)} actors, {len(self.forms)} forms, from {self.path})"

    def name(self, actor_id: str) -> str:
        """Return the canonical name of ``actor_id``."""
        return self.names[actor_id]

    # -- resolution ---------------------------------------------------------------------------
    def find(self, tokens: list[Token], date=None, hits=None) -> list[Mention]:
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

        Returns
        -------
        list of Mention
            In text order, never overlapping. ``text`` is rebuilt from the
            tokens (line breaks become spaces); :func:`mentions` copies the
            exact text.

        Examples
        --------
        >>> from helpers.text import tokenize
        >>> actors = load_actors()
        >>> [(m.actor_id, m.form, m.text) for m in actors.find(tokenize("Tokyo protested to the Foreign Ministry in Moscow."))]
        [('JPN', 'capital', 'Tokyo'), ('RUS', 'institution', 'Foreign Ministry in Moscow')]
        """
        if hits is None:
            hits = self.dictionary.match_tokens(tokens)
        items = self._resolved(tokens, hits, _as_date(date))
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
                ),
            )
            for _, a, b, actor_id, form, in_term, detail, _ in items
        ]

    def _resolved(self, tokens: list[Token], hits: list, day: dt.date | None) -> list[list]:
        """The actor items of one sentence, in text order, never overlapping (see :meth:`_items`).

        :meth:`find` turns them into mentions; :mod:`helpers.diplomacy` reads
        them directly on its hot path.
        """
        items = self._items(hits, day)
        if any(item[0] == "role" for item in items):
            items = self._tie_roles(tokens, items)  # roles are tied or dropped
        return items

    def _items(self, hits: list, day: dt.date | None) -> list[list]:
        """Group the dictionary's hits by span and resolve each span to an actor or a role.

        An item is ``[kind, tok_start, tok_end, actor_id, form, in_term, detail, tie_in]``.
        """
        items: list[list] = []
        categories = self._categories
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
                    items.append(["actor", a, b, found[0], found[1], None, "", True])
                    continue
            candidates = [categories[h.category] for h in group if h.category in categories]
            if candidates:
                plain = [c for c in candidates if c[2] is None]
                if plain:  # load_actors guarantees one actor per non-leader form
                    actor_id, form, _ = plain[0]
                    items.append(["actor", a, b, actor_id, form, None, "", True])
                else:
                    leader, in_term = _pick_leader([c[2] for c in candidates], day)
                    items.append(
                        ["actor", a, b, leader.actor_id, "leader", in_term, leader.person, True]
                    )
            else:
                role = group[0]
                tie_in = bool(role.attrs.get("tie_in", True))
                if items and items[-1][0] == "role" and items[-1][2] == a:
                    # Adjacent role words are one role; the last is the head noun.
                    items[-1][2] = b
                    items[-1][6] += " " + role.pattern
                    items[-1][7] = tie_in
                else:
                    items.append(["role", a, b, None, "institution", None, role.pattern, tie_in])
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
            prefix = prev is not None and self._prefix_gap(tokens, prev, item[1])
            if nxt is not None and nxt[4] == "leader" and nxt[1] == item[2]:
                # A title: "President Joe Biden", "Russian President Vladimir Putin".
                nxt[1] = item[1]
                if prefix and prev[3] == nxt[3] and prev[4] != "leader":
                    nxt[1] = prev[1]
                    removed[k - 1] = True
                continue
            if prefix:
                prev[:] = ["actor", prev[1], item[2], prev[3], "institution", None, item[6], True]
                continue
            if nxt is not None and _suffix_gap(tokens, item[2], nxt[1], item[7]):
                nxt[:] = ["actor", item[1], nxt[2], nxt[3], "institution", None, item[6], True]
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


def _as_date(value) -> dt.date | None:
    """Read a date parameter: None or "", a date, a datetime (or Timestamp), or an ISO string."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # "" is how a papermill parameter says "no date"
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ParameterError(
        f"date {value!r} is not an ISO date",
        where="date",
        fix="Give the article's date as YYYY-MM-DD, or None",
    )


# -- loading ------------------------------------------------------------------------------------

_CACHE: dict[tuple[str, int, int], Actors] = {}


def load_actors(path: str | Path | None = None) -> Actors:
    """Load and compile an actors list, once per file version.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file in the format of ``data/lexicons/actors.yml`` (see its
        header); default: that file. A bare name is looked up in
        ``data/lexicons``.

    Returns
    -------
    Actors

    Raises
    ------
    DictionaryError
        With the file, the line and the reason, when the file is missing or
        malformed (unknown keys, a form listed for two actors, bad dates ...).

    Examples
    --------
    >>> actors = load_actors()
    >>> actors.name("SUN"), actors.table.set_index("actor_id").loc["SUN", "predecessor_of"]
    ('Soviet Union', 'RUS')
    """
    path, key = lexicon_file(
        "actors" if path is None else path,
        what="actors",
        fix="Check the path, or copy data/lexicons/actors.yml and edit it",
    )
    if key not in _CACHE:
        _CACHE[key] = _Compiler(path).compile()
    return _CACHE[key]


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
        start, end, text, in_term, detail``; ``seg.text[start:end] == text``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> table = mentions(segment("Japanese officials met Lavrov."), date="2022-03-21")
    >>> table[["actor", "form", "text", "in_term"]].values.tolist()
    [['Japan', 'institution', 'Japanese officials', None], ['Russia', 'leader', 'Lavrov', True]]
    """
    import pandas as pd

    if not isinstance(actors, Actors):
        actors = load_actors(actors)
    day = _as_date(date)
    text = seg.text
    names = actors.names
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for m in actors.find(tokens, day):
            rows.append(
                (
                    seg.doc_id,
                    sent_id,
                    m.actor_id,
                    names[m.actor_id],
                    m.form,
                    m.start,
                    m.end,
                    text[m.start : m.end],
                    m.in_term,
                    m.detail,
                )
            )
    table = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    # Keep None (not NaN/False) where no term applies, so the three states stay visible.
    table["in_term"] = table["in_term"].astype(object)
    return table


# -- the compiler -------------------------------------------------------------------------------------


class _Map(dict):
    """A YAML mapping that remembers its line and the line of each key."""

    line: int
    key_lines: dict


class _Seq(list):
    """A YAML sequence that remembers its line and the line of each item."""

    line: int
    item_lines: list


class _Compiler:
    """Read an actors file (keeping line numbers for errors) and build :class:`Actors`."""

    def __init__(self, path: Path):
        self.path = path
        self.dictionary = Dictionary("actors", path=path)
        self.categories: dict[str, tuple[str, str, _Leader | None]] = {}
        # pattern keys -> every (actor_id, category, line) holding it, for the duplicate check
        self.owners: dict[tuple, list[tuple[str, str, int]]] = {}
        self.form_rows: list[tuple] = []
        self.leader_rows: list[tuple] = []

    def fail(self, what: str, line: int | None, fix: str | None = None):
        where = f"{self.path}, line {line}" if line else str(self.path)
        raise DictionaryError(what, where=where, fix=fix)

    # -- YAML with line numbers
    def read(self):
        import yaml

        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            self.fail(
                f"actors file is not UTF-8 text ({exc.reason} at byte {exc.start})",
                None,
                "Save it as UTF-8",
            )
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            root = yaml.compose(text, Loader=loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            reason = getattr(exc, "problem", None) or str(exc)
            self.fail(
                f"malformed YAML: {reason}", mark.line + 1 if mark else None, "Fix the YAML syntax"
            )
        if root is None:
            self.fail("actors file is empty", None, "Add an 'actors:' mapping")
        constructor = yaml.constructor.SafeConstructor()
        return self._build(root, constructor)

    def _build(self, node, constructor):
        import yaml

        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out = _Map()
            out.line, out.key_lines = line, {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node, constructor)
                out[str(key)] = self._build(value_node, constructor)
                out.key_lines[str(key)] = key_node.start_mark.line + 1
            return out
        if isinstance(node, yaml.SequenceNode):
            out = _Seq()
            out.line, out.item_lines = line, []
            for item in node.value:
                out.append(self._build(item, constructor))
                out.item_lines.append(item.start_mark.line + 1)
            return out
        return self._scalar(node, constructor)

    def _scalar(self, node, constructor):
        import yaml

        try:
            return constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            self.fail(
                f"YAML value not allowed: {getattr(exc, 'problem', exc)}",
                node.start_mark.line + 1,
                "Write plain strings, numbers, dates, lists and mappings (no tags)",
            )

    # -- validation helpers
    def date(self, value, line: int, what: str) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(f"{what} {value!r} is not an ISO date", line, "Write YYYY-MM-DD")
        return None  # not reached

    def text(self, value, line: int, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{what} must be a non-empty string, not {value!r}", line)
        return value

    def mapping(self, value, line: int, what: str) -> _Map:
        if not isinstance(value, _Map):
            self.fail(f"{what} must be a mapping", line, "Indent its keys under it")
        return value

    def known_keys(self, node: _Map, allowed, what: str, line: int | None = None) -> None:
        """Refuse a key of ``node`` not in ``allowed``, at its own line (or ``line``)."""
        for key in node:
            if key not in allowed:
                self.fail(
                    f"unknown key '{key}' in {what}",
                    node.key_lines[key] if line is None else line,
                    f"Use {', '.join(sorted(allowed))}",
                )

    def sequence(self, value, line: int, what: str) -> _Seq:
        if not isinstance(value, _Seq):
            self.fail(f"{what} must be a list", line, "Write [a, b] or one '- item' per line")
        return value

    # -- patterns
    def add(
        self,
        category: str,
        item,
        line: int,
        *,
        actor_id: str,
        leader: bool,
        default_cs: bool,
        what: str,
    ):
        """Add one pattern (a string or {pattern, note, case_sensitive, ...}) to the dictionary."""
        attrs: dict = {}
        if isinstance(item, _Map):
            if "pattern" not in item:
                self.fail(
                    f"{what} entry has no 'pattern' key",
                    line,
                    "Write {pattern: 'Name', note: '...'}",
                )
            attrs = {k: v for k, v in item.items() if k not in {"pattern", "case_sensitive"}}
            cs = bool(item.get("case_sensitive", default_cs))
            pattern = self.text(item["pattern"], line, f"pattern in {what}")
        else:
            if not isinstance(item, str):
                self.fail(f"each entry of {what} must be a string or a mapping, not {item!r}", line)
            pattern, cs = self.text(item, line, f"entry of {what}"), default_cs
        keys = (
            tuple(parse_pattern(pattern, case_sensitive=cs, where=f"{self.path}, line {line}")),
            cs,
        )
        if actor_id:
            # Earlier holders of the same pattern: (actor_id, category, line).
            holders = self.owners.setdefault(keys, [])
            for other, other_category, other_line in holders:
                other_leader = "/leader/" in other_category
                if other_category == category or (
                    other == actor_id and not (leader and other_leader)
                ):
                    return (
                        None  # listed twice for one actor (e.g. as name and alias): keep the first
                    )
                if other != actor_id and not (leader and other_leader):
                    self.fail(
                        f"'{pattern}' is listed for both {other} (line {other_line}) and {actor_id}",
                        line,
                        "A name, alias, demonym or capital may belong to one actor only: "
                        "keep one and say why in a note",
                    )
            holders.append((actor_id, category, line))
        self.dictionary.add(
            category, pattern, case_sensitive=cs, attrs=attrs, where=f"{self.path}, line {line}"
        )
        return pattern

    # -- the file
    def compile(self) -> Actors:
        import pandas as pd

        root = self.read()
        root = self.mapping(root, getattr(root, "line", 1), "an actors file")
        unknown = set(root) - _TOP_KEYS
        if unknown:
            key = sorted(unknown)[0]
            self.fail(
                f"unknown top-level key '{key}'",
                root.key_lines[key],
                f"Use {', '.join(sorted(_TOP_KEYS))}",
            )
        if "actors" not in root:
            self.fail(
                "no 'actors' mapping in the file",
                root.line,
                "Add 'actors:' with one entry per actor",
            )
        meta = root.get("meta") or _Map()
        if meta:
            self.mapping(meta, root.key_lines.get("meta"), "'meta'")
        self.dictionary.meta = dict(meta)
        settings = root.get("settings") or _Map()
        if settings:
            self.mapping(settings, root.key_lines.get("settings"), "'settings'")
        default_cs = bool(settings.get("case_sensitive", True))

        actors = self.mapping(root["actors"], root.key_lines["actors"], "'actors'")
        if not actors:
            self.fail("'actors' is empty", root.key_lines["actors"], "List at least one actor")
        rows = []
        for actor_id, entry in actors.items():
            rows.append(self.actor(actor_id, entry, actors.key_lines[actor_id], default_cs))
        known = {row[0] for row in rows}
        for row in rows:
            if row[5] is not None and row[5] not in known:
                line = actors[row[0]].key_lines.get("predecessor_of")
                self.fail(
                    f"predecessor_of names unknown actor '{row[5]}'",
                    line,
                    "Use an id listed in this file",
                )

        modifiers = self.roles(root.get("roles"), root.key_lines.get("roles"))
        self.suppressors(root.get("not_actors"), root.key_lines.get("not_actors"), default_cs)

        table = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
        forms = pd.DataFrame(
            self.form_rows, columns=["actor_id", "form", "pattern", "person", "note"]
        )
        leaders = pd.DataFrame(
            self.leader_rows, columns=["actor_id", "person", "role", "start", "end"]
        )
        return Actors(
            path=self.path,
            meta=dict(meta),
            table=table,
            forms=forms,
            leaders=leaders,
            dictionary=self.dictionary,
            categories=self.categories,
            modifiers=modifiers,
        )

    def actor(self, actor_id: str, entry, line: int, default_cs: bool) -> tuple:
        if not _ID.fullmatch(actor_id) or actor_id == _ROLE_CATEGORY:
            self.fail(
                f"actor id {actor_id!r} is not allowed",
                line,
                "Use letters, digits and '_' (an ISO 3166-1 alpha-3 code where one exists)",
            )
        entry = self.mapping(entry, line, f"actor {actor_id}")
        self.known_keys(entry, _ACTOR_KEYS, f"actor {actor_id}")
        lines = entry.key_lines
        if "name" not in entry:
            self.fail(f"actor {actor_id} has no 'name'", line, "Add 'name: <canonical name>'")
        name = self.text(entry["name"], lines["name"], f"name of {actor_id}")
        kind = entry.get("type", "state")
        kind = "organisation" if kind == "organization" else kind
        if kind not in TYPES:
            self.fail(
                f"type {kind!r} of {actor_id} is not one of {', '.join(TYPES)}", lines.get("type")
            )
        status = entry.get("status", "un_member" if kind == "state" else None)
        if status is not None and status not in STATUSES:
            self.fail(
                f"status {status!r} of {actor_id} is not one of {', '.join(STATUSES)}",
                lines.get("status"),
            )
        valid_from = self.date(entry.get("valid_from"), lines.get("valid_from"), "valid_from")
        valid_to = self.date(entry.get("valid_to"), lines.get("valid_to"), "valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.fail(f"actor {actor_id} ends before it starts", lines.get("valid_to"))
        predecessor_of = entry.get("predecessor_of")
        if predecessor_of is not None:
            predecessor_of = self.text(predecessor_of, lines["predecessor_of"], "predecessor_of")

        name_form = "organisation" if kind == "organisation" else "name"
        alias_form = "organisation" if kind == "organisation" else "alias"
        groups = [
            ("name", name_form, _Seq([name]), [lines["name"]]),
        ]
        for key, form in (
            ("aliases", alias_form),
            ("demonyms", "demonym"),
            ("capital", "capital"),
            ("metonyms", "capital"),
        ):
            if key in entry:
                seq = self.sequence(entry[key], lines[key], f"'{key}' of {actor_id}")
                groups.append((key, form, seq, seq.item_lines))
        for key, form, seq, item_lines in groups:
            category = f"{actor_id}/{form}"
            self.dictionary.add_category(
                category, {"actor_id": actor_id, "form": form, "note": entry.get("note", "")}
            )
            self.categories[category] = (actor_id, form, None)
            for item, item_line in zip(seq, item_lines, strict=True):
                pattern = self.add(
                    category,
                    item,
                    item_line,
                    actor_id=actor_id,
                    leader=False,
                    default_cs=default_cs,
                    what=f"'{key}' of {actor_id}",
                )
                if pattern is not None:
                    note = item.get("note", "") if isinstance(item, _Map) else ""
                    self.form_rows.append((actor_id, form, pattern, None, note))

        if "leaders" in entry:
            seq = self.sequence(entry["leaders"], lines["leaders"], f"'leaders' of {actor_id}")
            for number, (person, person_line) in enumerate(zip(seq, seq.item_lines, strict=True)):
                self.leader(actor_id, number, person, person_line, default_cs)
        return (
            actor_id,
            name,
            kind,
            valid_from.isoformat() if valid_from else None,
            valid_to.isoformat() if valid_to else None,
            predecessor_of,
            status,
        )

    def leader(self, actor_id: str, number: int, person, line: int, default_cs: bool) -> None:
        person = self.mapping(person, line, f"a leader of {actor_id}")
        self.known_keys(person, _LEADER_KEYS, f"a leader of {actor_id}")
        if "name" not in person:
            self.fail(f"a leader of {actor_id} has no 'name'", line)
        name = self.text(person["name"], person.key_lines["name"], f"leader name of {actor_id}")
        for key in ("forms", "terms"):
            if key not in person:
                self.fail(
                    f"leader {name} of {actor_id} has no '{key}'",
                    line,
                    "Give 'forms: [...]' and 'terms: [{role, from, to}]'",
                )
        forms = self.sequence(person["forms"], person.key_lines["forms"], f"'forms' of {name}")
        terms_seq = self.sequence(person["terms"], person.key_lines["terms"], f"'terms' of {name}")
        if not forms or not terms_seq:
            self.fail(f"leader {name} of {actor_id} needs at least one form and one term", line)
        terms = []
        for term, term_line in zip(terms_seq, terms_seq.item_lines, strict=True):
            term = self.mapping(term, term_line, f"a term of {name}")
            self.known_keys(term, _TERM_KEYS, f"a term of {name}", line=term_line)
            if "from" not in term:
                self.fail(
                    f"a term of {name} has no 'from' date",
                    term_line,
                    "Write {role: ..., from: YYYY-MM-DD}",
                )
            start = self.date(term["from"], term_line, "from")
            end = self.date(term.get("to"), term_line, "to")
            if end is not None and end < start:
                self.fail(f"a term of {name} ends before it starts", term_line)
            role = str(term.get("role", ""))
            terms.append((start, end, role))
            self.leader_rows.append(
                (actor_id, name, role, start.isoformat(), end.isoformat() if end else None)
            )
        leader = _Leader(actor_id, name, tuple(terms))
        category = f"{actor_id}/leader/{number}"
        self.dictionary.add_category(
            category, {"actor_id": actor_id, "form": "leader", "person": name}
        )
        self.categories[category] = (actor_id, "leader", leader)
        for item, item_line in zip(forms, forms.item_lines, strict=True):
            pattern = self.add(
                category,
                item,
                item_line,
                actor_id=actor_id,
                leader=True,
                default_cs=default_cs,
                what=f"'forms' of {name}",
            )
            if pattern is not None:
                self.form_rows.append((actor_id, "leader", pattern, name, person.get("note", "")))

    def pattern_block(self, block, line: int | None, key: str) -> tuple[_Seq, list, _Map]:
        """Read a block given as a list of patterns or as a mapping with ``patterns``.

        Returns the patterns, their line numbers and the block's other settings.
        """
        if isinstance(block, _Seq):
            return block, block.item_lines, _Map()
        settings = self.mapping(block, line, f"'{key}'")
        if "patterns" not in settings:
            self.fail(f"'{key}' has no 'patterns' list", line)
        patterns = self.sequence(
            settings["patterns"], settings.key_lines["patterns"], f"'patterns' of {key}"
        )
        return patterns, patterns.item_lines, settings

    def roles(self, roles, line: int | None) -> frozenset[str]:
        if roles is None:
            return frozenset()
        patterns, lines, settings = self.pattern_block(roles, line, "roles")
        cs = bool(settings.get("case_sensitive", False))
        self.dictionary.add_category(_ROLE_CATEGORY, {"note": settings.get("note", "")})
        for item, item_line in zip(patterns, lines, strict=True):
            self.add(
                _ROLE_CATEGORY,
                item,
                item_line,
                actor_id="",
                leader=False,
                default_cs=cs,
                what="roles",
            )
        modifiers = settings.get("modifiers") or []
        if modifiers:
            modifiers = self.sequence(
                modifiers, settings.key_lines["modifiers"], "'modifiers' of roles"
            )
        return frozenset(str(word).casefold() for word in modifiers)

    def suppressors(self, block, line: int | None, default_cs: bool) -> None:
        if block is None:
            return
        patterns, lines, _ = self.pattern_block(block, line, "not_actors")
        self.dictionary.add_category(
            _SUPPRESS_CATEGORY, {"note": "proper names that are not actors"}
        )
        for item, item_line in zip(patterns, lines, strict=True):
            self.add(
                _SUPPRESS_CATEGORY,
                item,
                item_line,
                actor_id="",
                leader=False,
                default_cs=default_cs,
                what="not_actors",
            )
