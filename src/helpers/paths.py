"""Where things live, computed from the package, never from the working directory.

The project root is found from this file (``src/helpers/paths.py``), so
notebooks and commands behave the same whatever folder they are started in.
Set ``DDN_PROJECT_ROOT`` to point the helpers at another checkout,
``DDN_REPORTS_DIR`` to render reports somewhere else, and ``DDN_SCRATCH_DIR``
to move the scratch folder.

One owner per folder: ``reports/`` belongs to the batch (``python -m helpers
batch``); a notebook run by hand without ``OUTPUT_DIR`` writes to
``scratch/<id>/`` (:func:`report_dir`), so it can never overwrite a batch
report and leave its HTML, tables and provenance disagreeing.

Reading stays inside the project unless the user names a path
(:func:`confined`). Git keeps symbolic links, so a cloned project can carry
``data/articles/leak.txt -> /etc/passwd``; the rule is:

* a path inside the project (as written, before links are followed) must lead
  to a file inside the project once links are followed;
* a file found by listing a folder must lead to a file inside that folder's
  boundary: the project when the folder lies in the project, else the folder
  itself (followed through links);
* a path outside the project that the user names (``load_article("/home/me/a.txt")``,
  ``score --dictionary ~/words.yml``, ``--articles-dir /data/news``) is read
  where it is: naming it is the user's choice.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from helpers.errors import HelpersError, ParameterError

PROJECT_ROOT = Path(os.environ.get("DDN_PROJECT_ROOT", Path(__file__).resolve().parents[2]))
DATA_DIR = PROJECT_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
LEXICONS_DIR = DATA_DIR / "lexicons"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
RUNS_DIR = PROJECT_ROOT / "runs"
REPORTS_DIR = Path(os.environ.get("DDN_REPORTS_DIR", PROJECT_ROOT / "reports"))
#: Where notebooks run by hand (no ``OUTPUT_DIR``) write: never the batch's ``reports/``.
SCRATCH_DIR = Path(os.environ.get("DDN_SCRATCH_DIR", PROJECT_ROOT / "scratch"))
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
        Empty: ``scratch/<article_id>/`` (:data:`SCRATCH_DIR`), the folder of
        notebooks run by hand; the batch always names the folder, inside
        ``reports/``. Otherwise the folder the user chose.

    Examples
    --------
    >>> report_dir("x", "/tmp/ddn-doctest").as_posix()
    '/tmp/ddn-doctest'
    """
    if output_dir:
        out = Path(output_dir)
    else:
        out = safe_join(SCRATCH_DIR, check_id(article_id))
    out.mkdir(parents=True, exist_ok=True)
    return out


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _in_project(path: Path) -> bool:
    """Whether ``path`` (absolute, links not followed) lies in the project as written."""
    return any(_within(path, root) for root in {PROJECT_ROOT.absolute(), PROJECT_ROOT.resolve()})


def confined(
    path: str | os.PathLike,
    *,
    found_in: str | os.PathLike | None = None,
    error: type[HelpersError] = ParameterError,
    what: str = "file",
) -> Path:
    """Return ``path`` if reading it cannot leave the project (or a named folder) through a link.

    Parameters
    ----------
    path : str or path-like
        The file about to be read.
    found_in : str or path-like, optional
        The folder whose listing gave ``path``. Files found in a folder inside
        the project must stay in the project; files found in a folder outside
        it must stay in that folder.
    error : HelpersError subclass, default ParameterError
        What to raise (``ArticleError``, ``DictionaryError`` ...).
    what : str
        What the file is, for the message.

    Raises
    ------
    HelpersError
        (as ``error``) when the path leads, through a symbolic link, outside its
        boundary. A path outside the project that was not found by listing a
        folder is the user's own choice and is returned unchecked.

    Examples
    --------
    >>> confined(PROJECT_ROOT / "README.md").name
    'README.md'
    >>> confined("/etc/hostname").as_posix()  # named by the user: read where it is
    '/etc/hostname'
    """
    path = Path(path)
    absolute = Path(os.path.abspath(path))
    if found_in is not None and not _in_project(Path(os.path.abspath(found_in))):
        boundary, inside = Path(found_in).resolve(), f"the folder {found_in} it was found in"
    elif found_in is not None or _in_project(absolute):
        boundary, inside = PROJECT_ROOT.resolve(), "the project"
    else:
        return path  # outside the project and named by the user
    real = path.resolve()
    if not _within(real, boundary):
        raise error(
            f"the {what} {path} leads through a symbolic link to {real}, outside {inside}",
            where=str(path),
            fix="Copy the file into the project (or remove the link); to read a file "
            "elsewhere, name its real path yourself",
        )
    return path
