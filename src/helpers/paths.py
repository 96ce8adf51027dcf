"""Where things live, computed from the package, never from the working directory.

The project root is found from this file (``src/helpers/paths.py``), so
notebooks and commands behave the same whatever folder they are started in.
Set ``DDN_PROJECT_ROOT`` to point the helpers at another checkout, and
``DDN_REPORTS_DIR`` to render reports somewhere else.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from helpers.errors import ParameterError

PROJECT_ROOT = Path(os.environ.get("DDN_PROJECT_ROOT", Path(__file__).resolve().parents[2]))
DATA_DIR = PROJECT_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
LEXICONS_DIR = DATA_DIR / "lexicons"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
RUNS_DIR = PROJECT_ROOT / "runs"
REPORTS_DIR = Path(os.environ.get("DDN_REPORTS_DIR", PROJECT_ROOT / "reports"))
# Project-local NLTK data, built by `python -m helpers setup` from installed packages.
NLTK_DATA_DIR = PROJECT_ROOT / ".nltk_data"

# An id becomes a folder name: letters, digits, dot, dash, underscore; no leading dot.
_SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,199}")


def check_id(value: str, *, kind: str = "article id") -> str:
    """Return ``value`` if it is safe to use as a single folder name.

    Parameters
    ----------
    value : str
        An article id or run name.
    kind : str
        What the value is, for the error message.

    Raises
    ------
    ParameterError
        If the value is empty, contains ``/``, ``\\``, ``..``, NUL or other
        characters outside ``A-Z a-z 0-9 . _ -``, or starts with a dot.

    Examples
    --------
    >>> check_id("japan-russia-peace-talks")
    'japan-russia-peace-talks'
    """
    if not isinstance(value, str) or not _SAFE_ID.fullmatch(value) or ".." in value:
        raise ParameterError(
            f"unsafe {kind} {value!r}",
            where=kind,
            fix="Use only letters, digits, '.', '_' and '-' (no '/', '..', NUL or leading dot)",
        )
    return value


def safe_join(base: Path, *parts: str) -> Path:
    """Join ``parts`` under ``base`` and refuse any result outside ``base``.

    Examples
    --------
    >>> safe_join(Path("/tmp/r"), "a", "b.csv").as_posix()
    '/tmp/r/a/b.csv'
    >>> safe_join(Path("/tmp/r"), "../x")
    Traceback (most recent call last):
    ...
    helpers.errors.ParameterError: path '../x' leaves /tmp/r (path). Name a file inside the output folder
    """
    base = Path(base)
    for part in parts:
        if "\x00" in str(part):
            raise ParameterError("path contains a NUL character", where="path", fix="Remove it")
    candidate = base.joinpath(*parts)
    resolved_base = base.resolve()
    resolved = candidate.resolve()
    if resolved != resolved_base and resolved_base not in resolved.parents:
        raise ParameterError(
            f"path {'/'.join(map(str, parts))!r} leaves {base}",
            where="path",
            fix="Name a file inside the output folder",
        )
    return candidate


def lexicon_path(name: str) -> Path:
    """Return the path of a dictionary in ``data/lexicons`` (``.yml`` added when missing).

    Examples
    --------
    >>> lexicon_path("actors").name
    'actors.yml'
    """
    path = Path(name)
    if path.suffix == "":
        path = path.with_suffix(".yml")
    return path if path.is_absolute() else LEXICONS_DIR / path


def report_dir(article_id: str, output_dir: str | os.PathLike = "") -> Path:
    """Return (and create) the folder a notebook writes its tables into.

    Parameters
    ----------
    article_id : str
        The article's id; it must be a safe folder name (see :func:`check_id`).
    output_dir : str or path-like, default ""
        Empty: ``reports/<article_id>/``. Otherwise the folder the user chose.

    Examples
    --------
    >>> report_dir("x", "/tmp/ddn-doctest").as_posix()
    '/tmp/ddn-doctest'
    """
    if output_dir:
        out = Path(output_dir)
    else:
        out = safe_join(REPORTS_DIR, check_id(article_id))
    out.mkdir(parents=True, exist_ok=True)
    return out
