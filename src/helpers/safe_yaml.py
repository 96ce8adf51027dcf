"""Read YAML that a user or a cloned project wrote, without letting it hurt.

Every YAML file the project reads (run files, front matter, dictionaries,
actor lists, cleaning rules, ``-p NAME=VALUE`` values) goes through this
module, which adds three refusals to PyYAML's safe loader:

* **Aliases** (``*name`` pointing at an ``&name`` anchor) are refused. Nested
  aliases let a few hundred bytes stand for billions of nodes (the "billion
  laughs" attack), and any code that walks the parsed data expands them. None
  of the project's files needs them; writing the value out is always possible.
* **Duplicate keys** in a mapping are refused. PyYAML silently keeps the last
  one, so a category written twice in a dictionary would lose its first half.
* **Tags** other than YAML's plain data types are refused (no Python objects).

Errors are one line: what, the file and line, what to do. The document is
composed into nodes first (PyYAML's C parser when it is installed) and checked
in one walk over the nodes, whose number is bounded by the size of the text
once aliases are refused, so checking costs time linear in the file.

Examples
--------
>>> load_yaml("a: 1\\nb: [x, y]\\n")
{'a': 1, 'b': ['x', 'y']}
>>> load_yaml("a: &x [1]\\nb: *x\\n", where="run.yml")
Traceback (most recent call last):
...
helpers.errors.HelpersError: YAML aliases are not allowed (run.yml, line 1). Write the value out instead of reusing the one anchored (&) on that line
>>> load_yaml("a: 1\\na: 2\\n", where="d.yml")
Traceback (most recent call last):
...
helpers.errors.HelpersError: duplicate key 'a' (d.yml, line 2). Each key may appear once in a mapping; the first is on line 1
"""

from __future__ import annotations

from typing import Any

import yaml

from helpers.errors import HelpersError

#: Tags of plain data; anything else (``!!python/object``, custom tags) is refused.
SAFE_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:timestamp",
    }
)

#: The fastest safe loader available (libyaml's when PyYAML was built with it).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TextLoader(SafeLoader):
    """The safe loader, except that unquoted scalars other than null stay text.

    For files whose values are all text (front matter): YAML 1.1's guesses
    only do harm there (``language: no`` would become ``False``, ``id: 0123``
    the number 83).
    """


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line(node: yaml.Node, offset: int) -> int:
    return node.start_mark.line + 1 + offset


def _fail(error, what: str, where: str, line: int | None, fix: str):
    location = f"{where}, line {line}" if line is not None else where
    return error(what, where=location, fix=fix)


def _check(root: yaml.Node, *, where: str, error, line_offset: int) -> None:
    """Refuse aliases, duplicate keys and unsafe tags, in one walk over the nodes."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            # For an alias the composer hands out the anchored node itself (no
            # copy, so composing a "billion laughs" file stays small): a node
            # met twice is an alias. Its mark is the anchor's.
            raise _fail(
                error,
                "YAML aliases are not allowed",
                where,
                _line(node, line_offset),
                "Write the value out instead of reusing the one anchored (&) on that line",
            )
        seen.add(id(node))
        if node.tag not in SAFE_TAGS:
            raise _fail(
                error,
                f"YAML tag {node.tag!r} is not allowed (the file is data, not code)",
                where,
                _line(node, line_offset),
                "Remove the tag",
            )
        if isinstance(node, yaml.MappingNode):
            keys: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = key_node.value
                    if key in keys:
                        raise _fail(
                            error,
                            f"duplicate key {key!r}",
                            where,
                            _line(key_node, line_offset),
                            f"Each key may appear once in a mapping; the first is on line "
                            f"{keys[key]}",
                        )
                    keys[key] = _line(key_node, line_offset)
                stack.append(value_node)
                stack.append(key_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))


def compose_yaml(
    text: str,
    *,
    where: str = "YAML",
    error: type[HelpersError] = HelpersError,
    loader: type = SafeLoader,
    line_offset: int = 0,
) -> yaml.Node | None:
    """Parse ``text`` into YAML nodes (kept for their line numbers), checked.

    Parameters
    ----------
    text : str
        The YAML document.
    where : str
        The file (or parameter) named in error messages.
    error : HelpersError subclass
        The error to raise (``DictionaryError``, ``ParameterError``, ...).
    loader : loader class
        A subclass of the safe loader (its resolvers decide scalar types).
    line_offset : int
        Added to line numbers in messages, for YAML cut out of a larger file.

    Returns
    -------
    yaml.Node or None
        The root node; None for an empty document.

    Raises
    ------
    HelpersError
        (as ``error``) malformed YAML, an alias, a duplicate key or an unsafe tag.
    """
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, where, error, line_offset) from None
    if root is not None:
        _check(root, where=where, error=error, line_offset=line_offset)
    return root


def _syntax_error(exc: yaml.YAMLError, where: str, error, line_offset: int) -> HelpersError:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    reason = f"{context}, {problem}" if context else problem
    line = mark.line + 1 + line_offset if mark is not None else None
    return _fail(
        error,
        f"malformed YAML: {reason}",
        where,
        line,
        "Fix the YAML syntax (quote values that contain ': ' or start with [ { * & ! or %)",
    )


def construct_yaml(node: yaml.Node | None, loader: type = SafeLoader) -> Any:
    """Turn checked nodes (from :func:`compose_yaml`) into Python data."""
    if node is None:
        return None
    constructor = loader("")
    try:
        return constructor.construct_document(node)
    finally:
        constructor.dispose()


def load_yaml(text: str, **options: Any) -> Any:
    """Parse ``text`` as YAML data, refusing aliases, duplicate keys and tags.

    The keyword options are those of :func:`compose_yaml` (``where``,
    ``error``, ``loader``, ``line_offset``).

    Examples
    --------
    >>> load_yaml("language: no", loader=TextLoader)
    {'language': 'no'}
    >>> load_yaml("") is None
    True
    """
    return construct_yaml(compose_yaml(text, **options), options.get("loader", SafeLoader))
