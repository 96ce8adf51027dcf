"""Run files: a named set of notebooks, articles and parameters (``runs/*.yml``).

A run's reports go to ``<reports>/<run name>/``. The keys are ``name``,
``description``, ``notebooks``, ``articles`` and ``parameters``; see
``runs/example.yml``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.errors import ParameterError

RUN_KEYS = ("name", "description", "notebooks", "articles", "parameters")


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
        If the file is missing, not a mapping, has unknown keys or an unsafe name.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParameterError(
            f"cannot read run file: {exc.strerror}", where=str(path), fix="Check the path"
        ) from exc
    except yaml.YAMLError as exc:
        raise ParameterError(
            f"run file is not valid YAML: {exc}", where=str(path), fix="Fix the YAML"
        ) from exc
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
    if name.startswith("_"):
        raise ParameterError(
            f"run name {name!r} starts with '_', which is kept for the batch's own folders",
            where=str(path),
            fix="Rename the run",
        )
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict):
        raise ParameterError(
            "'parameters' must be a mapping", where=str(path), fix="See runs/example.yml"
        )
    return Run(
        name=name,
        notebooks=split_names(data.get("notebooks")),
        articles=split_names(data.get("articles")),
        parameters=parameters,
        source=str(path),
    )
