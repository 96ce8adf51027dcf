"""Notebook parameters: what a notebook declares, and whether a value fits it.

A notebook's parameters are read from its cell tagged ``parameters`` (as
papermill sees them); a value given in a run file or with ``-p NAME=VALUE``
must name a declared parameter and fit its annotation before any kernel starts.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from helpers.batch.runfiles import Run
from helpers.errors import ParameterError
from helpers.safe_yaml import load_yaml

#: Parameters the batch sets itself; a user cannot set them.
ARTICLE_PARAMETER = "ARTICLE"
OUTPUT_PARAMETER = "OUTPUT_DIR"
REPORTS_PARAMETER = "REPORTS"
RESERVED = (ARTICLE_PARAMETER, OUTPUT_PARAMETER, REPORTS_PARAMETER)

#: What each annotation accepts; names are matched without case or module prefix.
_TYPE_CHECKS: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list, tuple),
    "tuple": (list, tuple),
    "dict": (dict,),
    "set": (list, tuple, set),
}
_NONE = "none"
_UNKNOWN = "?"


def notebook_parameters(path: str | os.PathLike) -> dict[str, dict]:
    """Return a notebook's parameters as papermill's inspection reports them.

    papermill skips a parameter line holding a second ``=`` (one in its
    comment, say); such a parameter is still injected when given, so it is
    added here from the cell's syntax tree, with its annotation as type. The
    hygiene tests refuse such lines, so this only keeps a batch going.

    Parameters
    ----------
    path : path-like
        The notebook.

    Returns
    -------
    dict
        ``{name: {"name", "inferred_type_name", "default", "help"}}`` in cell order.
    """
    from papermill.inspection import inspect_notebook

    # papermill logs "Unable to parse line" without naming the notebook; the
    # fallback below handles those lines, and the hygiene tests name them.
    papermill_log = logging.getLogger("papermill")
    level = papermill_log.level
    papermill_log.setLevel(logging.ERROR)
    try:
        found = inspect_notebook(str(path))
    finally:
        papermill_log.setLevel(level)
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    for cell in notebook.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            _add_skipped_parameters(cell, found)
            break
    return found


def _add_skipped_parameters(cell: dict, found: dict[str, dict]) -> None:
    """Add the annotated assignments of ``cell`` that papermill did not list."""
    text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    lines = text.splitlines()
    for statement in tree.body:
        target = getattr(statement, "target", None)
        if isinstance(target, ast.Name) and target.id not in found:
            annotation = getattr(statement, "annotation", None)
            line = lines[statement.lineno - 1]
            found[target.id] = {
                "name": target.id,
                "inferred_type_name": ast.unparse(annotation) if annotation else "None",
                "default": ast.unparse(statement.value) if statement.value else "",
                "help": line.split("#", 1)[1].strip() if "#" in line else "",
            }


def _type_name(node: ast.expr) -> str:
    """``str`` -> "str", ``typing.List`` -> "list"; anything else is unknown."""
    if isinstance(node, ast.Name):
        return node.id.lower()
    if isinstance(node, ast.Attribute):
        return node.attr.lower()
    return _UNKNOWN


def _annotation_options(node: ast.expr) -> list[str]:
    """The alternatives of an annotation: ``Optional[str]`` -> ``["str", "none"]``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _annotation_options(node.left) + _annotation_options(node.right)
    if isinstance(node, ast.Constant) and node.value is None:
        return [_NONE]
    if isinstance(node, ast.Subscript):
        wrapper = _type_name(node.value)
        inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if wrapper == "optional":
            return [*_annotation_options(inner[0]), _NONE]
        if wrapper == "union":
            return [option for item in inner for option in _annotation_options(item)]
        return [wrapper]  # list[str]: the container is checked, not its items
    name = _type_name(node)
    return [_NONE if name in (_NONE, "nonetype") else name]


def value_matches_type(value: Any, type_name: str | None) -> bool:
    """Return whether a parameter value fits the type papermill inferred.

    The annotation is parsed as a Python expression. Unknown annotations are
    accepted (papermill cannot check them either); ``int`` is accepted for
    ``float``; ``bool`` is not accepted for numbers.

    Examples
    --------
    >>> value_matches_type(0.1, "float"), value_matches_type(1, "float")
    (True, True)
    >>> value_matches_type("yes", "bool"), value_matches_type(True, "int")
    (False, False)
    >>> value_matches_type(None, "Optional[str]"), value_matches_type(["a"], "list[str]")
    (True, True)
    """
    if not type_name or type_name == "None":
        return True
    try:
        options = _annotation_options(ast.parse(type_name, mode="eval").body)
    except SyntaxError:
        return True
    for option in options:
        if option == _NONE:
            if value is None:
                return True
            continue
        checks = _TYPE_CHECKS.get(option)
        if checks is None:
            return True
        if isinstance(value, bool) and bool not in checks:
            continue
        if isinstance(value, checks):
            return True
    return False


def _check_value(run: Run, nb, name: str, value: Any) -> None:
    """Refuse a reserved, undeclared or mistyped parameter of notebook ``nb``."""
    where = f"{run.source}: parameter {name} for notebook {nb.stem}"
    if name in RESERVED:
        raise ParameterError(
            f"{name} is set by the batch for each report",
            where=where,
            fix="Remove it; choose articles with --articles and the folder with --reports-dir",
        )
    if name not in nb.parameters:
        raise ParameterError(
            f"notebook {nb.stem} has no parameter {name!r}",
            where=where,
            fix="Its parameters: " + ", ".join(nb.parameters),
        )
    declared = nb.parameters[name].get("inferred_type_name")
    if not value_matches_type(value, declared):
        raise ParameterError(
            f"parameter {name} of notebook {nb.stem} must be {declared}, "
            f"got {type(value).__name__} {value!r}",
            where=where,
            fix=f"Give a {declared} value",
        )


def parameters_for(run: Run, notebooks: list) -> dict[str, dict[str, Any]]:
    """Split a run's parameters per notebook and check names and types.

    ``parameters: {NAME: value}`` goes to every selected notebook that
    declares ``NAME`` (at least one must); ``parameters: {"02": {NAME: value}}``
    goes to notebook 02, which must declare it.

    Parameters
    ----------
    run : Run
        The run whose parameters are split.
    notebooks : list of NotebookInfo
        The run's selected notebooks.

    Returns
    -------
    dict
        ``{notebook stem: {name: value}}``.

    Raises
    ------
    ParameterError
        A parameter no selected notebook declares, a reserved one, or a
        value that does not fit the declared type.
    """
    per_notebook: dict[str, dict[str, Any]] = {nb.stem: {} for nb in notebooks}
    by_selector = {nb.key: nb for nb in notebooks} | {nb.stem: nb for nb in notebooks}
    for name, value in run.parameters.items():
        name = str(name)
        if isinstance(value, dict) and name.removesuffix(".ipynb") in by_selector:
            nb = by_selector[name.removesuffix(".ipynb")]
            for inner, inner_value in value.items():
                _check_value(run, nb, str(inner), inner_value)
                per_notebook[nb.stem][str(inner)] = inner_value
            continue
        if isinstance(value, dict) and re.fullmatch(r"\d\d(_.*)?", name):
            raise ParameterError(
                f"parameters for notebook {name!r}, which is not in this run",
                where=run.source,
                fix="Add it to 'notebooks' or remove its parameters",
            )
        takers = [nb for nb in notebooks if name in nb.parameters or name in RESERVED]
        if not takers:
            raise ParameterError(
                f"no selected notebook has a parameter {name!r}",
                where=f"{run.source}: parameter {name}",
                fix="Check the spelling; `papermill --help-notebook NOTEBOOK` lists them",
            )
        for nb in takers:
            _check_value(run, nb, name, value)
            per_notebook[nb.stem][name] = value
    return per_notebook


def parse_parameter(text: str) -> tuple[str, Any]:
    """Read one ``NAME=VALUE`` of the command line; the value is read as YAML.

    The value goes through :func:`helpers.safe_yaml.load_yaml` (aliases,
    duplicate keys and tags refused). A value that is not well-formed YAML
    (``*sanction*``, say) is taken as the text it is.

    Examples
    --------
    >>> parse_parameter("SCALE=0.5"), parse_parameter("LABEL="), parse_parameter("TERM=*talk*")
    (('SCALE', 0.5), ('LABEL', ''), ('TERM', '*talk*'))
    """
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name.isidentifier():
        raise ParameterError(
            f"cannot read parameter {text!r}", where="--param", fix="Write NAME=VALUE"
        )
    if not raw.strip():
        return name, ""
    try:
        return name, load_yaml(raw, where=f"-p {name}", error=ParameterError)
    except ParameterError as exc:
        if exc.what.startswith("malformed YAML"):  # not YAML: the text as given
            return name, raw
        raise
