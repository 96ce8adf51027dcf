"""Reading an actors file (with the line of every key, for errors) and compiling it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from helpers.actors.agents import AGENTS
from helpers.actors.resolve import Actors, _Leader, _to_date
from helpers.errors import DictionaryError
from helpers.lexicons import Dictionary, lexicon_file, parse_pattern
from helpers.lexicons.loaders import compiled_once, read_lexicon_text, share_compiled
from helpers.paths import DATA_DIR

__all__ = [
    "PROJECT_ACTORS",
    "PROJECT_ACTORS_VARIABLE",
    "STATUSES",
    "TYPES",
    "load_actors",
    "project_actors_file",
    "use_project_actors",
]

#: Actor types. Beyond states, organisations (IGOs) and blocs: non-governmental
#: organisations, news media, armed non-state groups and companies (issue 15).
TYPES = ("state", "organisation", "bloc", "ngo", "media", "armed_group", "company")
#: Types whose every name is reported with form ``organisation``.
_ORGANISATION_TYPES = frozenset({"organisation", "ngo", "media", "armed_group", "company"})
#: The project's own actors file, read with the list in ``data/lexicons`` (see :func:`load_actors`).
PROJECT_ACTORS = DATA_DIR / "project_actors.yml"
#: An environment variable naming another project actors file (``score --actors FILE`` sets it).
PROJECT_ACTORS_VARIABLE = "DDN_ACTORS"
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
_TOP_KEYS = {"meta", "settings", "roles", "not_actors", "organs", "actors"}
# Keys a project file may give for an actor the main list already has.
_EXTEND_KEYS = {"aliases", "demonyms", "capital", "metonyms", "leaders", "note", "source"}
_ROLE_CATEGORY = "role"
_SUPPRESS_CATEGORY = "_not_actors"
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def load_actors(path: str | Path | None = None, *, project: str | Path | None = None) -> Actors:
    """Load and compile an actors list, once per file version.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file in the format of ``data/lexicons/actors.yml`` (see its
        header), read alone. A bare name is looked up in ``data/lexicons``.
        Default: that file together with the project's own actors file.
    project : str or Path, optional
        The project's own actors file, read on top of the main list: new
        actors, and more aliases, demonyms, capitals, metonyms and leaders of
        actors the main list has, more role words, suppressors and organs.
        Default (when ``path`` is not given): the file named by the
        environment variable ``DDN_ACTORS`` (``score --actors FILE`` sets
        it), else ``data/project_actors.yml`` when it exists. Every analysis
        that uses the default list reads it.

    Returns
    -------
    Actors

    Raises
    ------
    DictionaryError
        With the file, the line and the reason, when a file is missing or
        malformed (unknown keys, a form listed for two actors, bad dates ...).

    Examples
    --------
    >>> actors = load_actors()
    >>> actors.name("SUN"), actors.table.set_index("actor_id").loc["SUN", "predecessor_of"]
    ('Soviet Union', 'RUS')
    """
    fix = "Check the path, or copy data/lexicons/actors.yml and edit it"
    if path is None and project is None:
        project = project_actors_file()
    path, key = lexicon_file("actors" if path is None else path, what="actors", fix=fix)
    # The agent list is compiled with the actors: an edit of either is read again.
    agents, agents_key = lexicon_file(AGENTS, what="agents", fix="Restore data/lexicons/agents.yml")
    keys = [key, agents_key]
    extra = None
    if project is not None:
        extra, extra_key = lexicon_file(
            project, what="project actors", fix="Check the path of the project actors file"
        )
        keys.append(extra_key)
    both = ("|".join(k[0] for k in keys), tuple(k[1] for k in keys), tuple(k[2] for k in keys))
    actors = compiled_once("actors", both, lambda: _Compiler(path).compile(extra, agents))
    # Its agent dictionary is that file version compiled: load_dictionary("agents") (the
    # speaker rules) gets this copy instead of reading the compiled file a second time.
    share_compiled("dictionary", agents_key, actors.agents)
    return actors


def use_project_actors(path: str | Path) -> Path:
    """Read ``path`` as the project's actors file from now on, in this process and the ones it
    starts (``score --actors FILE``; ``score --jobs N`` workers inherit it).

    The file is checked first: a malformed one raises
    :class:`~helpers.errors.DictionaryError` naming the file and the line.
    With a Dask scheduler (``score --scheduler``), the workers must see the
    file at the same path.

    Returns
    -------
    Path
        The file, resolved.
    """
    import os

    resolved = Path(path).expanduser().resolve()
    load_actors(project=resolved)  # refuse a bad file before anything is scored
    os.environ[PROJECT_ACTORS_VARIABLE] = str(resolved)
    return resolved


def project_actors_file() -> Path | None:
    """The project's own actors file: ``$DDN_ACTORS``, else ``data/project_actors.yml``
    when it exists, else None."""
    import os

    named = os.environ.get(PROJECT_ACTORS_VARIABLE, "").strip()
    if named:
        return Path(named)
    return PROJECT_ACTORS if PROJECT_ACTORS.exists() else None


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
        self.leader_count: dict[str, int] = {}
        self.organ_names: dict[str, str] = {}

    def fail(self, what: str, line: int | None, fix: str | None = None):
        where = f"{self.path}, line {line}" if line else str(self.path)
        raise DictionaryError(what, where=where, fix=fix)

    # -- YAML with line numbers
    def read(self):
        import yaml

        from helpers.safe_yaml import compose_yaml

        text = read_lexicon_text(self.path, "actors")

        # Nodes, checked (no aliases, duplicate keys or tags), keep every key's line.
        root = compose_yaml(text, where=str(self.path), error=DictionaryError)
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
        day = _to_date(value, lenient=False)
        if day is None:
            self.fail(f"{what} {value!r} is not an ISO date", line, "Write YYYY-MM-DD")
        return day

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

    def add_all(
        self, category, items, lines, actor_id, default_cs, what, leader=False
    ) -> list[tuple]:
        """Add every pattern of a list (see :meth:`add`); return ``(item, pattern)`` of those added."""
        added = []
        for item, line in zip(items, lines, strict=True):
            pattern = self.add(
                category,
                item,
                line,
                actor_id=actor_id,
                leader=leader,
                default_cs=default_cs,
                what=what,
            )
            if pattern is not None:
                added.append((item, pattern))
        return added

    # -- the file
    def compile(self, project: Path | None = None, agents: Path | None = None) -> Actors:
        """Build :class:`Actors` from the file, and the project's file on top of it."""
        from helpers.lexicons import load_dictionary

        rows, default_cs, meta, root = self._file()
        modifiers = self.roles(root.get("roles"), root.key_lines.get("roles"))
        self.suppressors(root.get("not_actors"), root.key_lines.get("not_actors"), default_cs)
        self.organs(root.get("organs"), root.key_lines.get("organs"), default_cs, rows)
        if project is not None:
            main_path, self.path = self.path, project
            extra = self._project(rows)
            modifiers |= self.roles(extra.get("roles"), extra.key_lines.get("roles"))
            cs = bool((extra.get("settings") or {}).get("case_sensitive", True))
            self.suppressors(extra.get("not_actors"), extra.key_lines.get("not_actors"), cs)
            self.organs(extra.get("organs"), extra.key_lines.get("organs"), cs, rows)
            self.path = main_path
        return Actors(
            path=self.path,
            meta=dict(meta),
            table=rows,
            forms=self.form_rows,
            leaders=self.leader_rows,
            dictionary=self.dictionary,
            categories=self.categories,
            modifiers=modifiers,
            organs=self.organ_names,
            project=project,
            agents=load_dictionary(agents if agents is not None else AGENTS),
        )

    def _root(self) -> _Map:
        """The file's top-level mapping, with its keys checked."""
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
        return root

    def _file(self) -> tuple[list[tuple], bool, _Map, _Map]:
        """The main file's actor rows, default case-sensitivity, ``meta`` and root."""
        root = self._root()
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

        return rows, default_cs, meta, root

    def _project(self, rows: list[tuple]) -> _Map:
        """Read the project's actors file: new actors become rows, known ones gain forms."""
        root = self._root()
        settings = root.get("settings") or _Map()
        if settings:
            self.mapping(settings, root.key_lines.get("settings"), "'settings'")
        default_cs = bool(settings.get("case_sensitive", True))
        actors = root.get("actors") or _Map()
        if actors:
            actors = self.mapping(actors, root.key_lines["actors"], "'actors'")
        known = {row[0]: row for row in rows}
        for actor_id, entry in actors.items():
            line = actors.key_lines[actor_id]
            if actor_id in known:
                self.extend(actor_id, entry, line, known[actor_id][2], default_cs)
            else:
                rows.append(self.actor(actor_id, entry, line, default_cs))
        return root

    def extend(self, actor_id: str, entry, line: int, kind: str, default_cs: bool) -> None:
        """More forms and leaders for an actor of the main list (from the project's file)."""
        entry = self.mapping(entry, line, f"actor {actor_id}")
        for key in entry:
            if key not in _EXTEND_KEYS:
                self.fail(
                    f"actor {actor_id} is in the main list already: '{key}' cannot change",
                    entry.key_lines[key],
                    f"Give only {', '.join(sorted(_EXTEND_KEYS))}, or use a new id",
                )
        self.forms(actor_id, entry, kind, default_cs, name=None)

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

        self.forms(actor_id, entry, kind, default_cs, name=name)
        return (
            actor_id,
            name,
            kind,
            valid_from.isoformat() if valid_from else None,
            valid_to.isoformat() if valid_to else None,
            predecessor_of,
            status,
        )

    def forms(self, actor_id: str, entry, kind: str, default_cs: bool, name: str | None) -> None:
        """Add an actor's name (when given), aliases, demonyms, capitals, metonyms and leaders."""
        lines = entry.key_lines
        name_form = "organisation" if kind in _ORGANISATION_TYPES else "name"
        alias_form = "organisation" if kind in _ORGANISATION_TYPES else "alias"
        groups = []
        if name is not None:
            groups.append(("name", name_form, _Seq([name]), [lines["name"]]))
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
            added = self.add_all(
                category, seq, item_lines, actor_id, default_cs, f"'{key}' of {actor_id}"
            )
            for item, pattern in added:
                note = item.get("note", "") if isinstance(item, _Map) else ""
                self.form_rows.append((actor_id, form, pattern, None, note))

        if "leaders" in entry:
            seq = self.sequence(entry["leaders"], lines["leaders"], f"'leaders' of {actor_id}")
            first = self.leader_count.get(actor_id, 0)
            for number, (person, person_line) in enumerate(
                zip(seq, seq.item_lines, strict=True), start=first
            ):
                self.leader(actor_id, number, person, person_line, default_cs)
            self.leader_count[actor_id] = first + len(seq)

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
        added = self.add_all(
            category, forms, forms.item_lines, actor_id, default_cs, f"'forms' of {name}", True
        )
        for _item, pattern in added:
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
        self.add_all(_ROLE_CATEGORY, patterns, lines, "", cs, "roles")
        modifiers = settings.get("modifiers") or []
        if modifiers:
            modifiers = self.sequence(
                modifiers, settings.key_lines["modifiers"], "'modifiers' of roles"
            )
        return frozenset(str(word).casefold() for word in modifiers)

    def organs(self, block, line: int | None, default_cs: bool, rows: list[tuple]) -> None:
        """Organs of organisations ("Commission": EU; "Security Council": UN), each a
        pattern of category ``organ/<id>``: resolved only where the organisation is named."""
        if block is None:
            return
        block = self.mapping(block, line, "'organs'")
        known = {row[0] for row in rows}
        for parent, names in block.items():
            if parent in ("note", "source"):
                continue
            if parent not in known:
                self.fail(
                    f"organs of unknown actor '{parent}'",
                    block.key_lines[parent],
                    "Use an id listed under 'actors'",
                )
            seq = self.sequence(names, block.key_lines[parent], f"'organs' of {parent}")
            category = f"organ/{parent}"
            self.dictionary.add_category(category, {"actor_id": parent, "form": "organ"})
            self.organ_names[category] = parent
            self.add_all(category, seq, seq.item_lines, "", default_cs, f"'organs' of {parent}")

    def suppressors(self, block, line: int | None, default_cs: bool) -> None:
        if block is None:
            return
        patterns, lines, _ = self.pattern_block(block, line, "not_actors")
        self.dictionary.add_category(
            _SUPPRESS_CATEGORY, {"note": "proper names that are not actors"}
        )
        self.add_all(_SUPPRESS_CATEGORY, patterns, lines, "", default_cs, "not_actors")
