"""Record how a result was made, and tell whether it would be made the same way again.

Every rendered report carries a ``<notebook>.provenance.json`` beside its
tables (one file per notebook, so notebooks sharing a folder never overwrite
each other's), so a researcher can say which notebook, parameters, article
file, dictionaries, cleaning rules, VADER lexicon, package versions and git
commit produced a figure, and when. The batch command decides whether a
report is up to date from the same ingredients (:mod:`helpers.batch.inputs`).

What is recorded (``<notebook>.provenance.json``)
-------------------------------------------------
``notebook``, ``parameters``, ``article`` (id, file, sha256 of the file and of
its text), ``python``, ``packages`` (versions from ``importlib.metadata``),
``lexicons`` (sha256 of every file in ``data/lexicons``), ``cleaning_rules``
(sha256 of ``data/cleaning_rules.yml``), ``vader_lexicon`` (path, sha256,
version, from :func:`helpers.resources.vader_lexicon_info`),
``helpers_source`` (one sha256 over the helper package's ``.py`` files),
``executable``, ``git`` (commit and whether the work tree had uncommitted
changes), ``started``, ``finished`` and ``seconds``.

No machine paths: every path in the record is relative to the project
(``data/articles/x.txt``, ``.venv/bin/python``), or only a file name when it
lies outside the project; a batch render's staging folder is recorded as the
report folder it becomes (:func:`portable_path`). A record can be handed to
a co-author without telling them where your home folder is.

Limits: a package that is not installed is recorded as ``null``; without git
(or outside a repository) the commit is ``null``. Neither is an error: the
record says what could be known.

A notebook's closing cell
-------------------------
:func:`save_outputs` writes a notebook's tables and its provenance in one
call. The parameters it records are not typed again by hand: their names
come from the notebook's ``parameters`` cell (:func:`parameter_names`), their
values from the running session (``namespace=globals()``), so they are the
values papermill injected, or the defaults where it injected none.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import platform
import subprocess
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.errors import ParameterError
from helpers.io import write_table_atomic, write_text_atomic

#: Distributions whose versions can change a result or a report.
PACKAGES: tuple[str, ...] = (
    "diplomatic-discourse-notebooks",
    "nltk",
    "vaderSentiment",
    "afinn",
    "pandas",
    "numpy",
    "pyyaml",
    "trafilatura",
    "networkx",
    "scikit-learn",
    "krippendorff",
    "matplotlib",
    "papermill",
    "nbconvert",
    "nbformat",
    "nbclient",
    "ipykernel",
    "jupyter_client",
    "dask",
    "distributed",
)

# When this module was first imported: in a notebook that is the start of the
# session that made the results, which is the best "started" we can know
# without asking the notebook to pass it.
_SESSION_STARTED = datetime.now(UTC)

_ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

#: The file name every notebook's provenance gets: ``<notebook>.provenance.json``.
PROVENANCE_SUFFIX = ".provenance.json"
#: How a batch render's hidden staging folder starts (``helpers.batch.layout``):
#: a path inside one stands for the same path in the report folder it becomes.
STAGING_PREFIX = ".tmp-"


def portable_path(path: str | os.PathLike | None) -> str | None:
    """Return ``path`` as a record may show it: relative to the project, never absolute.

    A path inside the project becomes relative to it (``data/articles/a.txt``);
    a batch staging folder (:data:`STAGING_PREFIX`) becomes the report folder
    it is renamed to; a path outside the project keeps only its file name. So
    no output names the folder a project happens to be cloned into.

    Examples
    --------
    >>> portable_path(paths.PROJECT_ROOT / "data" / "articles" / "a.txt")
    'data/articles/a.txt'
    >>> portable_path(paths.PROJECT_ROOT / "reports" / "a" / ".tmp-02_sentiment-1-ab" / "x.csv")
    'reports/a/x.csv'
    >>> portable_path("/somewhere/else/sheet.csv"), portable_path(None)
    ('sheet.csv', None)
    """
    if path is None:
        return None
    absolute = Path(os.path.abspath(path))
    parts = [part for part in absolute.parts if not part.startswith(STAGING_PREFIX)]
    absolute = Path(*parts)
    for root in dict.fromkeys((paths.PROJECT_ROOT.absolute(), paths.PROJECT_ROOT.resolve())):
        if absolute == root:
            return "."
        if root in absolute.parents:
            return absolute.relative_to(root).as_posix()
    return absolute.name


def portable_value(value: Any) -> Any:
    """Return a parameter value with any absolute path in it made portable (see :func:`portable_path`).

    Examples
    --------
    >>> portable_value("/tmp/elsewhere/coder_a.csv"), portable_value(0.05), portable_value("talks")
    ('coder_a.csv', 0.05, 'talks')
    """
    if isinstance(value, str) and value and os.path.isabs(value):
        return portable_path(value)
    if isinstance(value, list | tuple):
        return [portable_value(item) for item in value]
    if isinstance(value, dict):
        return {key: portable_value(item) for key, item in value.items()}
    return value


def file_sha256(path: str | os.PathLike) -> str:
    """Return the hex sha256 of a file's bytes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"abc")
    >>> file_sha256(p)[:16]
    'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package_versions(names: tuple[str, ...] | list[str] = PACKAGES) -> dict[str, str | None]:
    """Return the installed version of each distribution (``None`` when absent).

    Examples
    --------
    >>> package_versions(["pandas", "no-such-package-xyz"])["no-such-package-xyz"] is None
    True
    """
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def lexicon_hashes(folder: str | os.PathLike | None = None) -> dict[str, str]:
    """Return ``{relative path: sha256}`` for every file under the lexicon folder.

    Hidden files (editor back-ups, ``.DS_Store``) are left out: they cannot
    change a result.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "frames.yml").write_text("meta: {}\\n")
    >>> list(lexicon_hashes(d))
    ['frames.yml']
    """
    root = Path(folder) if folder is not None else paths.LEXICONS_DIR
    if not root.is_dir():
        return {}
    found = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found[relative.as_posix()] = file_sha256(path)
    return found


def vader_info() -> dict[str, Any] | None:
    """Return path, sha256 and version of the VADER lexicon in use, or ``None``.

    Delegates to :func:`helpers.resources.vader_lexicon_info`; ``None`` when
    that module or the lexicon is not available (recorded, not an error).
    """
    try:
        from helpers.resources import vader_lexicon_info
    except ImportError:
        return None
    try:
        info = dict(vader_lexicon_info())
    except Exception:  # noqa: BLE001 - a provenance record must never break a report
        return None
    if "path" in info:
        info["path"] = portable_path(info["path"])
    return info


def cleaning_rules_hash() -> str | None:
    """Return the sha256 of ``data/cleaning_rules.yml`` (``None`` when there is none).

    Every article is cleaned by these rules before any analysis reads it, so
    an edited rule can change every table of every report.
    """
    path = paths.DATA_DIR / "cleaning_rules.yml"
    return file_sha256(path) if path.is_file() else None


def helpers_source_hash(package: str | os.PathLike | None = None) -> str:
    """Return one sha256 over the helper package's source files (path and bytes).

    A change to any analysis code, or to a page template of the batch
    (``batch/templates/*.j2``, which shapes every HTML report), changes this
    value, so the batch re-renders reports made with the old code. Compiled
    files (``__pycache__``) and hidden files are not source.

    Examples
    --------
    >>> len(helpers_source_hash())
    64
    """
    root = Path(package) if package is not None else Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or path.suffix in {".pyc", ".pyo"}:
            continue
        if any(part == "__pycache__" or part.startswith(".") for part in relative.parts):
            continue
        digest.update(relative.as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def git_state(root: str | os.PathLike | None = None) -> dict[str, Any]:
    """Return ``{"commit": sha or None, "dirty": bool or None}`` for the project.

    Git missing, no repository, or a repository without commits all give
    ``None`` values rather than an error.
    """
    where = str(root if root is not None else paths.PROJECT_ROOT)
    state: dict[str, Any] = {"commit": None, "dirty": None}
    try:
        commit = subprocess.run(
            ["git", "-C", where, "rev-parse", "--verify", "-q", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        if commit.returncode == 0 and commit.stdout.strip():
            state["commit"] = commit.stdout.strip()
            status = subprocess.run(
                ["git", "-C", where, "status", "--porcelain", "--untracked-files=no"],
                capture_output=True,
                text=True,
                timeout=10,
            )
            if status.returncode == 0:
                state["dirty"] = bool(status.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return state


def environment(*, lexicons_dir: str | os.PathLike | None = None) -> dict[str, Any]:
    """Return the parts of the set-up that can change a result.

    Python version, package versions, lexicon hashes, the cleaning rules,
    the VADER lexicon and the helper source hash: the shared ingredients of
    every :func:`fingerprint`.
    """
    return {
        "python": platform.python_version(),
        "packages": package_versions(),
        "lexicons": lexicon_hashes(lexicons_dir),
        "cleaning_rules": cleaning_rules_hash(),
        "vader_lexicon": vader_info(),
        "helpers_source": helpers_source_hash(),
    }


def _find_article_file(article_id: str, folder: Path | None = None) -> Path | None:
    """Return the file in the articles folder whose stem is ``article_id``."""
    folder = folder if folder is not None else paths.ARTICLES_DIR
    for suffix in _ARTICLE_SUFFIXES:
        candidate = folder / f"{article_id}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def article_info(article: Any) -> dict[str, Any] | None:
    """Describe an article for provenance: id, file and sha256s.

    Parameters
    ----------
    article : Article, str, path-like or None
        An object with ``.id`` (and optionally ``.path``, ``.text``,
        ``.meta``), a path to the article file, or an article id looked up in
        ``data/articles``.

    Returns
    -------
    dict or None
        ``id``, ``path`` (relative to the project, see :func:`portable_path`),
        ``sha256`` (of the file's bytes; ``None`` when the file is unknown)
        and ``text_sha256`` (of the loaded text, when given).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "talks.txt"
    >>> _ = p.write_bytes(b"abc")
    >>> info = article_info(p)
    >>> info["id"], info["sha256"][:8]
    ('talks', 'ba7816bf')
    """
    if article is None:
        return None
    info: dict[str, Any] = {"id": None, "path": None, "sha256": None, "text_sha256": None}
    path: Path | None = None
    if isinstance(article, (str, os.PathLike)):
        candidate = Path(article)
        if candidate.is_file():
            path = candidate
            info["id"] = candidate.stem
        else:
            info["id"] = str(article)
            path = _find_article_file(str(article))
    else:
        info["id"] = getattr(article, "id", None)
        meta = getattr(article, "meta", None) or {}
        raw_path = getattr(article, "path", None) or (
            meta.get("path") if isinstance(meta, dict) else None
        )
        if raw_path and Path(raw_path).is_file():
            path = Path(raw_path)
        elif info["id"]:
            path = _find_article_file(str(info["id"]))
        text = getattr(article, "text", None)
        if isinstance(text, str):
            info["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if path is not None:
        info["path"] = portable_path(path)
        info["sha256"] = file_sha256(path)
    return info


def _canonical(value: Any) -> str:
    """JSON with sorted keys: the same data always gives the same text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=True, default=str)


def fingerprint(
    *,
    notebook: str | os.PathLike,
    parameters: dict[str, Any],
    article: Any = None,
    env: dict[str, Any] | None = None,
    extra: Any = None,
) -> str:
    """Return a sha256 that changes whenever a rendered report could change.

    Ingredients: the notebook file's bytes, the parameters, the article file
    (or text), and the environment (package versions, lexicon hashes, VADER
    lexicon, helper source; see :func:`environment`). The git commit and the
    time are left out on purpose: neither changes what the notebook computes.

    Parameters
    ----------
    notebook : path-like
        The source notebook.
    parameters : dict
        The parameters the user chose (not the batch's temporary paths).
    article : Article, str, path-like or None
        As for :func:`article_info`.
    env : dict, optional
        A precomputed :func:`environment`; computed when not given.
    extra : any JSON-able value, optional
        Anything else the result depends on (e.g. the tables a corpus
        notebook reads).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> nb = pathlib.Path(tempfile.mkdtemp()) / "01_x.ipynb"
    >>> _ = nb.write_text("{}")
    >>> env = {"packages": {}}
    >>> a = fingerprint(notebook=nb, parameters={"T": 1}, env=env)
    >>> a == fingerprint(notebook=nb, parameters={"T": 1}, env=env)
    True
    >>> a == fingerprint(notebook=nb, parameters={"T": 2}, env=env)
    False
    """
    art = article_info(article)
    if art is not None:
        # The absolute path may differ between machines; the content decides.
        art = {key: art[key] for key in ("id", "sha256", "text_sha256")}
    payload = {
        "notebook": file_sha256(notebook),
        "parameters": parameters,
        "article": art,
        "environment": env if env is not None else environment(),
        "extra": extra,
    }
    return hashlib.sha256(_canonical(payload).encode("utf-8")).hexdigest()


def write_json_atomic(path: str | os.PathLike, data: Any) -> Path:
    """Write ``data`` as indented JSON to a temporary file, then rename it into place.

    A reader never sees a half-written file, even if the process is killed.
    """
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str)
    return write_text_atomic(text + "\n", path)


def write_provenance(
    out_dir: str | os.PathLike,
    *,
    notebook: str,
    parameters: dict[str, Any],
    article: Any = None,
    started: datetime | None = None,
) -> Path:
    """Write ``<notebook>.provenance.json`` into ``out_dir`` and return its path.

    Parameters
    ----------
    out_dir : path-like
        The folder holding the notebook's tables (``report_dir(...)``).
    notebook : str
        The notebook's name, e.g. ``"02_sentiment"``.
    parameters : dict
        The parameter values the notebook ran with (absolute paths among them
        are recorded with :func:`portable_value`).
    article : Article, str, path-like or None
        The article analysed (see :func:`article_info`); ``None`` for
        notebooks that read no single article.
    started : datetime, optional
        When the work began; default: when this module was first imported
        in the session.

    Returns
    -------
    Path
        ``out_dir / "<notebook>.provenance.json"``.

    Examples
    --------
    >>> import tempfile, json
    >>> p = write_provenance(tempfile.mkdtemp(), notebook="00_demo", parameters={"T": 0.05})
    >>> record = json.loads(p.read_text())
    >>> p.name, record["parameters"]["T"], record["finished"] >= record["started"]
    ('00_demo.provenance.json', 0.05, True)
    """
    begun = started or _SESSION_STARTED
    if begun.tzinfo is None:
        begun = begun.astimezone(UTC)
    record = {
        "notebook": notebook,
        "parameters": {name: portable_value(value) for name, value in parameters.items()},
        "article": article_info(article),
        **environment(),
        "executable": portable_path(sys.executable),
        "git": git_state(),
    }
    finished = datetime.now(UTC)
    record.update(
        started=begun.isoformat(timespec="seconds"),
        finished=finished.isoformat(timespec="seconds"),
        seconds=round((finished - begun).total_seconds(), 3),
    )
    name = paths.check_id(notebook, kind="notebook name") + PROVENANCE_SUFFIX
    return write_json_atomic(Path(out_dir) / name, record)


#: Variables that name the notebook file running in a kernel, most reliable first:
#: papermill's (only with ``--inject-input-path`` or ``--inject-paths``) and
#: Jupyter Server's (JupyterLab, Notebook 7: ipykernel sets ``__session__`` from
#: ``JPY_SESSION_NAME``). Plain papermill and nbclient name none.
NOTEBOOK_PATH_VARIABLES: tuple[str, ...] = ("PAPERMILL_INPUT_PATH", "__session__")


def parameter_names(notebook_file: str | os.PathLike) -> tuple[str, ...]:
    """Return the names a notebook file's ``parameters`` cell assigns, in order.

    The cell papermill injects after (tagged ``parameters``) declares the
    notebook's parameters; both ``NAME: type = value`` and ``NAME = value``
    count. A notebook without such a cell has no parameters.

    Raises
    ------
    ParameterError
        If the file is not a readable notebook, or the cell is not Python.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]},
    ...         "source": ["ARTICLE: str = 'x'  # id\\n", "THRESHOLD = 0.05\\n"]}
    >>> nb = pathlib.Path(tempfile.mkdtemp()) / "02_demo.ipynb"
    >>> _ = nb.write_text(json.dumps({"cells": [cell]}))
    >>> parameter_names(nb)
    ('ARTICLE', 'THRESHOLD')
    """
    where = str(notebook_file)
    try:
        cells = json.loads(Path(notebook_file).read_text(encoding="utf-8"))["cells"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ParameterError(
            f"cannot read the notebook's parameters cell: {exc}",
            where=where,
            fix="Name a notebook file (.ipynb) saved by Jupyter or papermill",
        ) from None
    names: list[str] = []
    for cell in cells:
        if "parameters" not in cell.get("metadata", {}).get("tags", []):
            continue
        text = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        try:
            statements = ast.parse(text).body
        except SyntaxError as exc:
            raise ParameterError(
                f"the parameters cell is not valid Python (line {exc.lineno})",
                where=where,
                fix="Write one `NAME: type = literal  # comment` per line",
            ) from None
        for statement in statements:
            targets = statement.targets if isinstance(statement, ast.Assign) else []
            if isinstance(statement, ast.AnnAssign):
                targets = [statement.target]
            names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in names]
    return tuple(names)


def notebook_file(notebook: str, namespace: Mapping[str, Any]) -> Path:
    """Return the file of the notebook running in ``namespace`` (a kernel's ``globals()``).

    The first that exists of: the file the kernel names (see
    :data:`NOTEBOOK_PATH_VARIABLES`), which follows a copy or a renamed
    notebook; the project's ``notebooks/<notebook>.ipynb``, which the batch,
    the tests and ``make lab`` run; ``<notebook>.ipynb`` in the working
    directory (a notebook of one's own: JupyterLab starts the kernel in the
    notebook's folder, and papermill's output copy is saved before the first
    cell runs, in the batch's working folder).

    Raises
    ------
    ParameterError
        If none exists.

    Examples
    --------
    >>> notebook_file("02_sentiment", {}).name
    '02_sentiment.ipynb'
    """
    for variable in NOTEBOOK_PATH_VARIABLES:
        named = namespace.get(variable)
        if isinstance(named, str) and named.endswith(".ipynb") and Path(named).is_file():
            return Path(named)
    for folder in (paths.NOTEBOOKS_DIR, Path.cwd()):
        candidate = paths.safe_join(folder, f"{notebook}.ipynb")
        if candidate.is_file():
            return candidate
    raise ParameterError(
        f"no notebook file for {notebook!r}",
        where=str(paths.NOTEBOOKS_DIR),
        fix="Pass the notebook's own name (its file name without .ipynb), "
        "or run it with `papermill --inject-input-path`",
    )


def run_parameters(notebook: str, namespace: Mapping[str, Any]) -> dict[str, Any]:
    """Return the value of each of the notebook's parameters in this session.

    Names from the notebook's ``parameters`` cell (:func:`parameter_names` of
    :func:`notebook_file`), values from ``namespace``: under papermill these
    are the injected values where it injected any, the defaults otherwise.

    Raises
    ------
    ParameterError
        If a parameter is not defined in ``namespace`` (cells run out of order).

    Examples
    --------
    >>> session = {"ARTICLE": "talks", "OUTPUT_DIR": "", "REFERENCE": "corpus",
    ...            "SHOW_SPEECH": True, "article": object()}
    >>> run_parameters("04_diplomatic_language", session)
    {'ARTICLE': 'talks', 'OUTPUT_DIR': '', 'REFERENCE': 'corpus', 'SHOW_SPEECH': True}
    """
    source = notebook_file(notebook, namespace)
    names = parameter_names(source)
    missing = [name for name in names if name not in namespace]
    if missing:
        raise ParameterError(
            f"parameter(s) {', '.join(missing)} of {source.name} not defined in this session",
            where=notebook,
            fix="Run the notebook from the top: the parameters cell first",
        )
    return {name: namespace[name] for name in names}


def save_outputs(
    out_dir: str | os.PathLike,
    tables: Mapping[str, Any],
    *,
    notebook: str,
    namespace: Mapping[str, Any],
    article: Any = None,
    started: datetime | None = None,
) -> list[str]:
    """Write a notebook's tables as CSV and its provenance: the closing cell of every notebook.

    Parameters
    ----------
    out_dir : path-like
        The notebook's output folder.
    tables : mapping
        ``{file name: DataFrame}``, each written with ``index=False`` into
        ``out_dir`` (a name that leaves it is refused).
    notebook : str
        The notebook's name, e.g. ``"02_sentiment"``.
    namespace : mapping
        The kernel's variables, ``globals()``: the parameters are read from
        it (see :func:`run_parameters`), never typed again.
    article : Article, str, path-like or None
        The article analysed, as for :func:`write_provenance`.
    started : datetime, optional
        As for :func:`write_provenance`.

    Returns
    -------
    list of str
        The names of the files written, ``<notebook>.provenance.json`` included.

    Examples
    --------
    >>> import json, tempfile, pandas as pd
    >>> out = tempfile.mkdtemp()
    >>> session = {"SHEET_A": "", "SHEET_B": "", "THRESHOLD": 0.3, "OUTPUT_DIR": out}
    >>> save_outputs(out, {"06_demo.csv": pd.DataFrame({"a": [1]})},
    ...              notebook="06_validation", namespace=session)
    ['06_demo.csv', '06_validation.provenance.json']
    >>> json.load(open(f"{out}/06_validation.provenance.json"))["parameters"]["THRESHOLD"]
    0.3
    """
    # Parameters first: a notebook run out of order writes nothing.
    parameters = run_parameters(notebook, namespace)
    targets = {name: paths.safe_join(Path(out_dir), name) for name in tables}
    for name, table in tables.items():
        write_table_atomic(table, targets[name])
    record = write_provenance(
        out_dir, notebook=notebook, parameters=parameters, article=article, started=started
    )
    return sorted([*tables, record.name])
