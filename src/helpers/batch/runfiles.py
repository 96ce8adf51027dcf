"""Run files: a named set of notebooks, articles and parameters (``runs/*.yml``).

A run's reports go to ``<reports>/<run name>/``. The keys are ``name``,
``description``, ``notebooks``, ``articles`` and ``parameters``; see
``runs/example.yml``.
"""

from __future__ import annotations

import os
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.batch.layout import RESERVED_NAMES, is_reserved_name
from helpers.errors import ParameterError
from helpers.safe_yaml import load_yaml

RUN_KEYS = ("name", "description", "notebooks", "articles", "parameters")
_EXAMPLES = {"notebooks": '["02", "03"]', "articles": "[id1, id2]"}


@dataclass(frozen=True)
class Run:
    """A named selection of notebooks, articles and parameters (a run file).

    ``name`` is ``""`` for the default run, which writes straight into the
    reports folder.
    """

    name: str
    notebooks: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    source: str = "command line"


def split_names(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Turn ``"a,b"`` or ``["a", "b"]`` into ``("a", "b")``, dropping empty parts.

    Examples
    --------
    >>> split_names("02, 03,"), split_names(["alpha"]), split_names(None)
    (('02', '03'), ('alpha',), ())
    """
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(str(item).strip() for item in items if str(item).strip())


def _read_text(path: Path) -> str:
    """The run file's text; one-line errors for a missing or non-UTF-8 file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ParameterError(
            f"cannot read run file: {exc.strerror}", where=str(path), fix="Check the path"
        ) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParameterError(
            f"run file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            where=str(path),
            fix="Save it as UTF-8",
        ) from None


def _names(data: dict, key: str, path: Path) -> tuple[str, ...]:
    """The list (or comma-separated text) under ``key``; anything else is refused."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return split_names(value)
    if isinstance(value, list) and all(
        isinstance(item, (str, int)) and not isinstance(item, bool) for item in value
    ):
        return split_names(value)
    raise ParameterError(
        f"'{key}' must be a list or a comma-separated text, "
        f"got {type(value).__name__} {reprlib.repr(value)}",
        where=f"{path}: {key}",
        fix=f"Write e.g. {key}: {_EXAMPLES[key]}",
    )


def load_run_file(path: str | os.PathLike) -> Run:
    """Read a run file (YAML: ``name``, ``notebooks``, ``articles``, ``parameters``).

    Parameters
    ----------
    path : path-like
        The run file.

    Returns
    -------
    Run
        Its name defaults to the file name without suffix.

    Raises
    ------
    ParameterError
        If the file is missing, not UTF-8, not YAML data (aliases, duplicate
        keys and tags are refused, see :mod:`helpers.safe_yaml`), not a
        mapping, has unknown keys, an unsafe or reserved name, or a
        ``notebooks``/``articles`` value that is not a list or a text.
    """
    path = Path(path)
    data = load_yaml(_read_text(path), where=str(path), error=ParameterError)
    if not isinstance(data, dict):
        raise ParameterError(
            "run file must be a mapping", where=str(path), fix="See runs/example.yml"
        )
    unknown = set(data) - set(RUN_KEYS)
    if unknown:
        raise ParameterError(
            f"unknown key(s) {', '.join(sorted(map(str, unknown)))}",
            where=str(path),
            fix="Use " + ", ".join(RUN_KEYS),
        )
    name = paths.check_id(str(data.get("name") or path.stem), kind="run name")
    if is_reserved_name(name):
        raise ParameterError(
            f"run name {name!r} is kept for the batch's own files and folders",
            where=str(path),
            fix="Rename the run: not starting with '_', and not " + ", ".join(RESERVED_NAMES),
        )
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict):
        raise ParameterError(
            "'parameters' must be a mapping", where=str(path), fix="See runs/example.yml"
        )
    return Run(
        name=name,
        notebooks=_names(data, "notebooks", path),
        articles=_names(data, "articles", path),
        parameters=parameters,
        source=str(path),
    )
