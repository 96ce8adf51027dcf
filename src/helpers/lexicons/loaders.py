"""Reading dictionary files: the project's YAML, quanteda's YAML and LIWC ``.dic``, compiled once per file version.

A compiled file is kept in memory for the process (:func:`compiled_once`) and
on disk between processes (:func:`helpers.cache.cached`), so a new process
reads the compiled trie back instead of compiling the YAML again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from helpers.cache import cached
from helpers.errors import DictionaryError
from helpers.lexicons.dictionary import Dictionary
from helpers.paths import confined, lexicon_path

__all__ = ["clear_cache", "compiled_once", "lexicon_file", "load_dictionary", "share_compiled"]

# Keys of a category mapping that are not subcategories.
_RESERVED = {"patterns", "note", "source", "question", "description"}

# Compiled lexicons: (kind, resolved path) -> ((mtime, size), compiled object). One entry
# per file, replaced when the file changes: the one reload mechanism of dictionaries and
# actor lists alike (see compiled_once and clear_cache).
_CACHE: dict[tuple[str, str], tuple[tuple[int, int], Any]] = {}

T = TypeVar("T")


def compiled_once(kind: str, key: tuple[str, int, int], build: Callable[[], T]) -> T:
    """Return the compiled form of a lexicon file, building it once per file version.

    Kept in memory under the file's path, modification time and size; on a
    miss, read from the disk cache when the file's content (and the code) is
    unchanged, else built and stored there.

    Parameters
    ----------
    kind : str
        What is compiled (``"dictionary"``, ``"actors"``): one file may be both.
    key : (str, int, int)
        The resolved path, modification time and size, from :func:`lexicon_file`.
    build : callable
        Builds the compiled object when the file is new or has changed.
    """
    path, mtime, size = key
    known = _CACHE.get((kind, path))
    if known is not None and known[0] == (mtime, size):
        return known[1]
    # A key joined from several files ("a.yml|b.yml", actors with agents) names each source,
    # so the disk cache hashes every one of them.
    compiled = cached(kind, path.split("|"), build)
    _CACHE[kind, path] = ((mtime, size), compiled)
    return compiled


def share_compiled(kind: str, key: tuple[str, int, int], compiled: Any) -> None:
    """Keep ``compiled`` as the compiled form of the file version ``key`` names, unless one
    is kept already: an object that was compiled from that file as part of another (the
    agent dictionary inside an actors list) then serves both, read from disk once."""
    path, mtime, size = key
    known = _CACHE.get((kind, path))
    if known is None or known[0] != (mtime, size):
        _CACHE[kind, path] = ((mtime, size), compiled)


def clear_cache() -> None:
    """Forget every compiled dictionary and actors list kept in memory.

    The next load checks the files again (reading the compiled form back from
    the disk cache when a file is unchanged). Not needed after editing a file
    (its new version is compiled on the next load); for a running kernel that
    should drop everything it compiled.
    """
    _CACHE.clear()


def load_dictionary(name_or_path: str | Path) -> Dictionary:
    """Load and compile a dictionary, once per file version.

    Parameters
    ----------
    name_or_path : str or Path
        A bare name (``"frames_generic"``) is looked up in ``data/lexicons``;
        otherwise a path to a ``.yml``/``.yaml`` file (this project's format or
        quanteda's) or a LIWC-style ``.dic`` file.

    Returns
    -------
    Dictionary

    Raises
    ------
    DictionaryError
        With the file, the line and the reason, when the file is missing or
        malformed.

    Examples
    --------
    >>> load_dictionary("abbreviations")  # doctest: +SKIP
    """
    path, key = lexicon_file(
        name_or_path, fix="Check the name, or give a path to a .yml or .dic file"
    )
    suffix = path.suffix.lower()
    if suffix == ".dic":
        return compiled_once("dictionary", key, lambda: _load_liwc(path))
    if suffix in {".yml", ".yaml"}:
        return compiled_once("dictionary", key, lambda: _load_yaml(path))
    raise DictionaryError(
        f"unknown dictionary format {suffix!r}",
        where=str(path),
        fix="Use .yml/.yaml (this project's or quanteda's format) or LIWC .dic",
    )


def lexicon_file(
    name_or_path: str | Path, *, what: str = "dictionary", fix: str = ""
) -> tuple[Path, tuple[str, int, int]]:
    """Resolve a lexicon name or path and return it with a key for caching.

    A bare name (no suffix, no folder) means ``data/lexicons/<name>.yml``. The
    key changes whenever the file does (path, modification time, size), so a
    compiled lexicon is rebuilt after an edit.

    Raises
    ------
    DictionaryError
        If the file does not exist, or lies in the project and leads through a
        symbolic link outside it (:func:`helpers.paths.confined`).

    Examples
    --------
    >>> lexicon_file("abbreviations")[0].name
    'abbreviations.yml'
    """
    text_name = str(name_or_path)
    path = Path(name_or_path)
    if path.suffix == "" and "/" not in text_name and "\\" not in text_name:
        path = lexicon_path(text_name)
    confined(path, error=DictionaryError, what=f"{what} file")
    try:
        stat = path.stat()
    except OSError:
        raise DictionaryError(f"{what} file not found: {path}", where=str(path), fix=fix) from None
    return path, (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def read_lexicon_text(path: Path, what: str = "dictionary") -> str:
    """The text of a lexicon file (UTF-8, with or without a byte-order mark)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"{what} file is not UTF-8 text ({exc.reason} at byte {exc.start})"
        raise DictionaryError(reason, where=str(path), fix="Save the file as UTF-8") from None


def _line(node) -> str:
    return f"line {node.start_mark.line + 1}"


def _load_yaml(path: Path) -> Dictionary:
    import yaml

    from helpers.safe_yaml import compose_yaml

    # Nodes, not data: they keep the line of every pattern for error messages.
    root = compose_yaml(read_lexicon_text(path), where=str(path), error=DictionaryError)
    if root is None:
        raise DictionaryError("dictionary file is empty", where=str(path), fix="Add categories")
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(
            "a dictionary must be a mapping of categories",
            where=f"{path}, {_line(root)}",
            fix="See docs/architecture.md for the format",
        )
    constructor = yaml.constructor.SafeConstructor()
    top = {key.value: (key, value) for key, value in root.value}
    if "actors" in top and "categories" not in top:
        raise DictionaryError(
            "this is an actors list, not a dictionary",
            where=str(path),
            fix="Load it with helpers.actors.load_actors",
        )
    if "categories" in top:
        meta = constructor.construct_object(top["meta"][1], deep=True) if "meta" in top else {}
        settings = (
            constructor.construct_object(top["settings"][1], deep=True) if "settings" in top else {}
        )
        if not isinstance(meta, dict) or not isinstance(settings, dict):
            raise DictionaryError(
                "'meta' and 'settings' must be mappings", where=str(path), fix="Indent their keys"
            )
        categories_node = top["categories"][1]
    else:  # quanteda style: the whole file is the category tree
        meta, settings, categories_node = {"format": "quanteda"}, {}, root
    name = str(meta.get("name") or path.stem)
    dictionary = Dictionary(name, meta=meta, path=path)
    case_sensitive = bool(settings.get("case_sensitive", False))
    if not isinstance(categories_node, yaml.MappingNode) or not categories_node.value:
        raise DictionaryError(
            "'categories' must be a non-empty mapping",
            where=f"{path}, {_line(categories_node)}",
            fix="List at least one category with patterns",
        )
    for key_node, value_node in categories_node.value:
        _add_category(
            dictionary, str(key_node.value), value_node, path, case_sensitive, constructor
        )
    return dictionary


def _add_category(dictionary, name, node, path, case_sensitive, constructor) -> None:
    import yaml

    where = f"{path}, {_line(node)}"
    if isinstance(node, yaml.SequenceNode):
        pattern_nodes, attrs, children = node.value, {}, []
    elif isinstance(node, yaml.MappingNode):
        pattern_nodes, attrs, children = [], {}, []
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key == "patterns":
                if not isinstance(value_node, yaml.SequenceNode):
                    raise DictionaryError(
                        f"'patterns' of category {name!r} must be a list",
                        where=f"{path}, {_line(value_node)}",
                        fix="Write one pattern per line, each starting with '- '",
                    )
                pattern_nodes = value_node.value
            elif isinstance(value_node, yaml.ScalarNode):
                attrs[key] = constructor.construct_object(value_node)
            elif key in _RESERVED:
                attrs[key] = constructor.construct_object(value_node, deep=True)
            else:
                children.append((key, value_node))
    else:
        raise DictionaryError(
            f"category {name!r} must be a list of patterns or a mapping",
            where=where,
            fix="Give it a list of patterns, or 'patterns:' with a list",
        )
    if not pattern_nodes and not children:
        raise DictionaryError(
            f"category {name!r} has no patterns",
            where=where,
            fix="Add patterns or remove the category",
        )
    dictionary.add_category(name, attrs)
    category_cs = bool(attrs.get("case_sensitive", case_sensitive))
    for item in pattern_nodes:
        item_where = f"{path}, {_line(item)}"
        if isinstance(item, yaml.ScalarNode):
            dictionary.add(name, str(item.value), case_sensitive=category_cs, where=item_where)
        elif isinstance(item, yaml.MappingNode):
            spec = constructor.construct_object(item, deep=True)
            if "pattern" not in spec:
                raise DictionaryError(
                    f"pattern entry in category {name!r} has no 'pattern' key",
                    where=item_where,
                    fix="Write {pattern: 'word', weight: 1}",
                )
            pattern = spec.pop("pattern")
            weight = spec.pop("weight", 1.0)
            try:
                weight = float(weight)
            except (TypeError, ValueError):
                raise DictionaryError(
                    f"weight {weight!r} of pattern {pattern!r} is not a number", where=item_where
                ) from None
            cs = bool(spec.pop("case_sensitive", category_cs))
            dictionary.add(
                name, str(pattern), weight=weight, case_sensitive=cs, attrs=spec, where=item_where
            )
        else:
            raise DictionaryError(
                f"pattern in category {name!r} must be a string or a mapping",
                where=item_where,
                fix="Write the pattern as text",
            )
    for child_name, child_node in children:
        _add_category(
            dictionary, f"{name}/{child_name}", child_node, path, case_sensitive, constructor
        )


def _load_liwc(path: Path) -> Dictionary:
    text = read_lexicon_text(path)
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise DictionaryError(
            "LIWC dictionary needs a category block between two '%' lines",
            where=str(path),
            fix="Start with '%', then 'id<TAB>name' lines, then '%', then 'word<TAB>ids'",
        )
    dictionary = Dictionary(path.stem, meta={"format": "liwc", "name": path.stem}, path=path)
    ids: dict[str, str] = {}
    for number in range(marks[0] + 1, marks[1]):
        line = lines[number].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) < 2:
            raise DictionaryError(
                f"category line {line!r} needs an id and a name",
                where=f"{path}, line {number + 1}",
                fix="Write 'id<TAB>name'",
            )
        ids[parts[0]] = parts[1]
        dictionary.add_category(parts[1])
    for number in range(marks[1] + 1, len(lines)):
        line = lines[number].strip()
        if not line:
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        # LIWC phrases may contain spaces when the file is tab-separated.
        word, refs = parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]
        if not refs:
            raise DictionaryError(
                f"entry {word!r} names no category", where=f"{path}, line {number + 1}"
            )
        for ref in refs:
            if ref not in ids:
                raise DictionaryError(
                    f"entry {word!r} uses unknown category id {ref!r}",
                    where=f"{path}, line {number + 1}",
                    fix=f"Declare it in the header; known ids: {', '.join(ids)}",
                )
            dictionary.add(ids[ref], word, where=f"{path}, line {number + 1}")
    used = {entry.category for entry in dictionary.entries}
    empty = [c for c in dictionary.categories if c not in used]
    if empty:
        raise DictionaryError(
            f"categories without entries: {', '.join(empty)}",
            where=str(path),
            fix="Add words or remove them",
        )
    return dictionary
