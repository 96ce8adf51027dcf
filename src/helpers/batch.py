"""Render every analysis notebook for every article: parallel, resumable, indexed.

``python -m helpers batch`` (or :func:`run_batch`) executes each notebook in
``notebooks/`` with papermill against each article in ``data/articles/``,
converts the executed notebook to HTML with nbconvert (code hidden unless
``--show-code``), keeps the CSV tables the notebook wrote beside it, and
writes ``reports/index.html`` and ``reports/failures.csv``.

Which notebooks run, and how often
----------------------------------
Every ``NN_name.ipynb`` in the notebooks folder is picked up; its notebook
metadata ``{"ddn": {"kind": ...}}`` says how it is run, so a new notebook
needs no code change here:

``article`` (the default)
    Once per article, with ``ARTICLE`` (the id, or the file's path when the
    articles folder is not the project's) and ``OUTPUT_DIR`` injected.
``corpus``
    Once per run, after every per-article notebook, with ``REPORTS`` (the
    folder of this run's reports) and ``OUTPUT_DIR`` injected; outputs go to
    ``<reports>/_corpus/``.
``standalone``
    Once per run, with ``OUTPUT_DIR`` (and ``REPORTS`` when declared);
    outputs go to ``<reports>/_standalone/``.

Run files (``runs/*.yml``) name a set of notebooks, articles and parameters;
their outputs go to ``reports/<run name>/``. See ``runs/example.yml``.

Where a report's files go
-------------------------
``<reports>/<article id>/<notebook>.ipynb`` and ``.html``, the files the
notebook wrote (its ``provenance.json`` becomes ``<notebook>.provenance.json``
so that notebooks do not overwrite each other's), and ``<notebook>.batch.json``,
the batch's own record (status, fingerprint, failing cell, timings) written
last. A notebook runs with ``OUTPUT_DIR`` pointing at a hidden staging folder
in the same place; its files are renamed into place only when the notebook and
its HTML are complete, so an interrupted batch never leaves a half-written
report, and a report without its ``.batch.json`` is simply rendered again.

Up to date
----------
A report is skipped when its record says it succeeded with the same
:func:`helpers.provenance.fingerprint` (notebook file, parameters, article
file, lexicon files, VADER lexicon, package versions, helper source; for a
corpus notebook also every table it reads) and its files are all there.
``--force`` renders anyway. Failed reports are always tried again.

Kernels
-------
Each notebook runs in its own kernel started with *this* interpreter
(``sys.executable``), whatever kernelspecs are installed, so reports are made
with the project's environment. ``--jobs N`` renders N notebooks at a time:
this process and N - 1 worker processes (forked from a clean fork server that
has imported papermill and nbconvert once), each render in its own kernel. With
``--scheduler ADDRESS`` the same jobs go to a Dask cluster instead; its
workers must see the same files (a shared file system) and have the project
installed in the same environment.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import os
import re
import shutil
import socket
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.errors import ArticleError, HelpersError, ParameterError

KINDS = ("article", "corpus", "standalone")
#: Folders (inside a run's reports folder) for notebooks that are not per article.
COLLECTION_FOLDERS = {"corpus": "_corpus", "standalone": "_standalone"}
#: Parameters the batch sets itself; a user cannot set them.
ARTICLE_PARAMETER = "ARTICLE"
OUTPUT_PARAMETER = "OUTPUT_DIR"
REPORTS_PARAMETER = "REPORTS"
RESERVED = (ARTICLE_PARAMETER, OUTPUT_PARAMETER, REPORTS_PARAMETER)
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
RECORD_SUFFIX = ".batch.json"
STAGING_PREFIX = ".tmp-"
#: How long to try reaching a Dask scheduler before giving up.
DASK_CONNECT_TIMEOUT = "20s"
RESULT_COLUMNS = (
    "run",
    "notebook",
    "kind",
    "article",
    "status",
    "seconds",
    "execute_seconds",
    "html_seconds",
    "cell",
    "error",
    "html",
    "ipynb",
    "out_dir",
)

_NOTEBOOK_NAME = re.compile(r"(\d\d)_[A-Za-z0-9_.-]+\.ipynb")


# --------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class NotebookInfo:
    """One notebook of the collection, as the batch sees it."""

    key: str  # "02"
    stem: str  # "02_sentiment"
    path: str
    kind: str
    parameters: dict[str, dict] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Job:
    """One render: a notebook, (an article), parameters, and where it goes."""

    run: str
    notebook: str  # stem
    notebook_path: str
    kind: str
    article: str | None
    article_path: str | None
    article_value: str | None  # what ARTICLE is set to
    parameters: dict[str, Any]
    reports_root: str  # the run's reports folder
    out_dir: str
    inject: tuple[str, ...]  # which reserved parameters the notebook declares
    show_code: bool = False
    timeout: float | None = None
    fingerprint: str | None = None

    @property
    def label(self) -> str:
        where = self.article or COLLECTION_FOLDERS.get(self.kind, self.kind)
        return f"{self.run + '/' if self.run else ''}{where}/{self.notebook}"


@dataclass(frozen=True)
class Run:
    """A named selection of notebooks, articles and parameters (a run file)."""

    name: str  # "" = the default run, written straight into the reports folder
    notebooks: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    source: str = "command line"


def _split(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """``"a,b"`` or ``["a", "b"]`` -> ``("a", "b")``; empty parts dropped."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(str(item).strip() for item in items if str(item).strip())


def notebook_parameters(path: str | os.PathLike) -> dict[str, dict]:
    """Return a notebook's parameters as papermill's inspection reports them.

    papermill skips a parameter line holding a second ``=`` (one in its
    comment, say); such a parameter is still injected when given, so it is
    added here from the cell's syntax tree, with its annotation as type. The
    hygiene tests refuse such lines, so this only keeps a batch going.
    """
    import ast

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
        if "parameters" not in cell.get("metadata", {}).get("tags", []):
            continue
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        try:
            tree = ast.parse(text)
        except SyntaxError:
            break
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
        break
    return found


def discover_notebooks(notebooks_dir: str | os.PathLike | None = None) -> list[NotebookInfo]:
    """Return the collection's notebooks (``NN_name.ipynb``), in number order.

    The kind comes from the notebook metadata ``ddn.kind`` (default
    ``article``); parameters from papermill's inspection of the ``parameters``
    cell.

    Raises
    ------
    ParameterError
        If a notebook has an unknown kind or cannot be inspected.
    """
    folder = Path(notebooks_dir) if notebooks_dir is not None else paths.NOTEBOOKS_DIR
    found = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        match = _NOTEBOOK_NAME.fullmatch(path.name)
        if not match:
            continue
        try:
            meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        except (OSError, ValueError) as exc:
            raise ParameterError(
                f"cannot read notebook: {exc}", where=str(path), fix="Fix or remove the file"
            ) from exc
        kind = (meta.get("ddn") or {}).get("kind", "article")
        if kind not in KINDS:
            raise ParameterError(
                f"unknown notebook kind {kind!r}",
                where=f"{path} metadata.ddn.kind",
                fix=f"Use one of {', '.join(KINDS)}",
            )
        try:
            params = notebook_parameters(path)
        except Exception as exc:  # papermill raises bare ValueErrors here
            raise ParameterError(
                f"papermill cannot inspect the notebook's parameters: {exc}",
                where=str(path),
                fix="Give the notebook a kernelspec and one cell tagged 'parameters'",
            ) from exc
        found.append(
            NotebookInfo(
                key=match.group(1), stem=path.stem, path=str(path), kind=kind, parameters=params
            )
        )
    return found


def discover_articles(articles_dir: str | os.PathLike | None = None) -> dict[str, Path]:
    """Return ``{article id: file}`` for the articles folder.

    The id is the one :func:`helpers.corpus.load_article` sees (front-matter
    ``id``, else the file name without its suffix), read from the front matter
    only, so the batch and the notebooks always agree on which file an id names.

    Raises
    ------
    ArticleError
        If two files share an id, or an id is unsafe as a folder name.
    """
    from helpers.corpus import article_index

    folder = Path(articles_dir) if articles_dir is not None else paths.ARTICLES_DIR
    if not folder.is_dir():
        return {}
    return article_index(folder)


def load_run_file(path: str | os.PathLike) -> Run:
    """Read a run file (YAML: ``name``, ``notebooks``, ``articles``, ``parameters``).

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
    unknown = set(data) - {"name", "description", "notebooks", "articles", "parameters"}
    if unknown:
        raise ParameterError(
            f"unknown key(s) {', '.join(sorted(map(str, unknown)))}",
            where=str(path),
            fix="Use name, description, notebooks, articles, parameters",
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
        notebooks=_split(data.get("notebooks")),
        articles=_split(data.get("articles")),
        parameters=parameters,
        source=str(path),
    )


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


def _type_options(type_name: str) -> list[str]:
    """``"Optional[str]"`` / ``"str | None"`` -> ``["str", "None"]``."""
    text = type_name.replace(" ", "")
    for wrapper in ("Optional[", "typing.Optional["):
        if text.startswith(wrapper) and text.endswith("]"):
            return [text[len(wrapper) : -1], "None"]
    if text.startswith("Union[") and text.endswith("]"):
        return text[6:-1].split(",")
    depth, parts, current = 0, [], ""
    for char in text:
        depth += char == "["
        depth -= char == "]"
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def value_matches_type(value: Any, type_name: str | None) -> bool:
    """Return whether a parameter value fits the type papermill inferred.

    Unknown annotations are accepted (papermill cannot check them either);
    ``int`` is accepted for ``float``; ``bool`` is not accepted for numbers.

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
    for option in _type_options(type_name):
        if option in ("None", "NoneType"):
            if value is None:
                return True
            continue
        base = option.split("[", 1)[0].lower().removeprefix("typing.")
        checks = _TYPE_CHECKS.get(base)
        if checks is None:
            return True
        if isinstance(value, bool) and bool not in checks:
            continue
        if isinstance(value, checks):
            return True
    return False


def _select_notebooks(all_notebooks: list[NotebookInfo], wanted: tuple[str, ...], where: str):
    if not wanted:
        return list(all_notebooks)
    chosen = []
    for item in wanted:
        name = item.removesuffix(".ipynb")
        hits = [nb for nb in all_notebooks if name in (nb.key, nb.stem)]
        if not hits:
            raise ParameterError(
                f"no notebook {item!r}",
                where=where,
                fix="Known notebooks: " + (", ".join(nb.stem for nb in all_notebooks) or "none"),
            )
        chosen.extend(nb for nb in hits if nb not in chosen)
    return sorted(chosen, key=lambda nb: nb.stem)


def _select_articles(all_articles: dict[str, Path], wanted: tuple[str, ...], where: str):
    if not wanted:
        return dict(all_articles)
    chosen = {}
    for item in wanted:
        paths.check_id(item)
        if item not in all_articles:
            raise ArticleError(
                f"no article {item!r}",
                where=where,
                fix="Known articles: " + (", ".join(all_articles) or "none (folder empty)"),
            )
        chosen[item] = all_articles[item]
    return chosen


def _parameters_for(run: Run, notebooks: list[NotebookInfo]) -> dict[str, dict[str, Any]]:
    """Split a run's parameters per notebook and check names and types.

    ``parameters: {NAME: value}`` goes to every selected notebook that
    declares ``NAME`` (at least one must); ``parameters: {"02": {NAME: value}}``
    goes to notebook 02, which must declare it.
    """
    per_notebook: dict[str, dict[str, Any]] = {nb.stem: {} for nb in notebooks}
    by_selector = {nb.key: nb for nb in notebooks} | {nb.stem: nb for nb in notebooks}

    def check(nb: NotebookInfo, name: str, value: Any) -> None:
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

    for name, value in run.parameters.items():
        name = str(name)
        if isinstance(value, dict) and name.removesuffix(".ipynb") in by_selector:
            nb = by_selector[name.removesuffix(".ipynb")]
            for inner, inner_value in value.items():
                check(nb, str(inner), inner_value)
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
            check(nb, name, value)
            per_notebook[nb.stem][name] = value
    return per_notebook


def plan_batch(
    notebooks_dir: str | os.PathLike | None = None,
    articles_dir: str | os.PathLike | None = None,
    reports_dir: str | os.PathLike | None = None,
    *,
    notebooks: str | list[str] | None = None,
    articles: str | list[str] | None = None,
    parameters: dict[str, Any] | None = None,
    run_files: list[str | os.PathLike] | None = None,
    show_code: bool = False,
    timeout: float | None = None,
) -> list[Job]:
    """Work out every render, and check every parameter, before anything runs.

    Parameters
    ----------
    notebooks_dir, articles_dir, reports_dir : path-like, optional
        Default: ``notebooks/``, ``data/articles/``, ``reports/``.
    notebooks : str or list of str, optional
        Notebook numbers or names (``"02,03"``); default all.
    articles : str or list of str, optional
        Article ids; default all.
    parameters : dict, optional
        Parameters for the default run (and the base for every run file).
    run_files : list of path-like, optional
        Run files; each becomes a run written to ``<reports>/<name>/``.
    show_code : bool
        Keep code cells in the HTML.
    timeout : float, optional
        Seconds a single cell may run.

    Returns
    -------
    list of Job
        Article and standalone jobs first, then corpus jobs.

    Raises
    ------
    ParameterError
        Unknown notebook, unknown or mistyped parameter, unsafe id or run name.
    ArticleError
        A selected article does not exist.
    """
    from helpers import provenance

    articles_root = Path(articles_dir) if articles_dir is not None else paths.ARTICLES_DIR
    reports_root = Path(reports_dir) if reports_dir is not None else paths.REPORTS_DIR
    default_articles = articles_root.resolve() == paths.ARTICLES_DIR.resolve()
    all_notebooks = discover_notebooks(notebooks_dir)
    all_articles = discover_articles(articles_root)
    for reserved in COLLECTION_FOLDERS.values():
        all_articles.pop(reserved, None)  # a file named _corpus.txt cannot take that folder

    base = dict(parameters or {})
    if run_files:
        runs = [load_run_file(path) for path in run_files]
        names = [run.name for run in runs]
        if len(set(names)) != len(names):
            raise ParameterError(
                "two run files have the same name", where=", ".join(names), fix="Rename one"
            )
        cli_notebooks, cli_articles = _split(notebooks), _split(articles)
        runs = [
            Run(
                name=run.name,
                notebooks=run.notebooks or cli_notebooks,
                articles=run.articles or cli_articles,
                parameters={**base, **run.parameters},
                source=run.source,
            )
            for run in runs
        ]
    else:
        runs = [
            Run(name="", notebooks=_split(notebooks), articles=_split(articles), parameters=base)
        ]

    env = provenance.environment(lexicons_dir=paths.LEXICONS_DIR)
    jobs: list[Job] = []
    late: list[Job] = []
    for run in runs:
        chosen_notebooks = _select_notebooks(all_notebooks, run.notebooks, run.source)
        chosen_articles = _select_articles(all_articles, run.articles, run.source)
        per_notebook = _parameters_for(run, chosen_notebooks)
        run_root = paths.safe_join(reports_root, run.name) if run.name else reports_root
        for nb in chosen_notebooks:
            inject = tuple(name for name in RESERVED if name in nb.parameters)
            needed = (ARTICLE_PARAMETER, OUTPUT_PARAMETER) if nb.kind == "article" else ()
            needed += (OUTPUT_PARAMETER,) if nb.kind != "article" else ()
            for name in needed:
                if name not in nb.parameters:
                    raise ParameterError(
                        f"{nb.kind} notebook {nb.stem} has no {name} parameter, "
                        "so the batch cannot tell it what to read or where to write",
                        where=nb.path,
                        fix=f'Add `{name}: str = ""  # ...` to its parameters cell',
                    )
            user = per_notebook[nb.stem]
            common = {
                "run": run.name,
                "notebook": nb.stem,
                "notebook_path": str(Path(nb.path).resolve()),
                "kind": nb.kind,
                "parameters": user,
                "reports_root": str(run_root),
                "inject": inject,
                "show_code": show_code,
                "timeout": timeout,
            }
            if nb.kind == "article":
                for article_id, article_path in chosen_articles.items():
                    value = article_id if default_articles else str(article_path.resolve())
                    jobs.append(
                        Job(
                            **common,
                            article=article_id,
                            article_path=str(article_path.resolve()),
                            article_value=value,
                            out_dir=str(paths.safe_join(run_root, article_id)),
                            fingerprint=provenance.fingerprint(
                                notebook=nb.path,
                                parameters={"user": user, "show_code": show_code},
                                article=article_path,
                                env=env,
                            ),
                        )
                    )
            else:
                job = Job(
                    **common,
                    article=None,
                    article_path=None,
                    article_value=None,
                    out_dir=str(paths.safe_join(run_root, COLLECTION_FOLDERS[nb.kind])),
                    fingerprint=provenance.fingerprint(
                        notebook=nb.path,
                        parameters={"user": user, "show_code": show_code},
                        env=env,
                    ),
                )
                (late if nb.kind == "corpus" else jobs).append(job)
    return jobs + late


def _tables_digest(run_root: Path) -> list[tuple[str, str]]:
    """(relative path, sha256) of every CSV a corpus notebook could read."""
    from helpers.provenance import file_sha256

    found = []
    if run_root.is_dir():
        for child in sorted(run_root.iterdir()):
            if child.is_dir() and not child.name.startswith(("_", ".")):
                for csv in sorted(child.glob("*.csv")):
                    found.append((csv.relative_to(run_root).as_posix(), file_sha256(csv)))
    return found


# --------------------------------------------------------------------------- execute


@cache
def _kernel_manager_class():
    """A kernel manager that starts ipykernel with this very interpreter.

    Installed kernelspecs (a user-level ``python3`` pointing at another
    Python, say) are ignored, so a report is always made with the
    environment that runs the batch, whatever the working directory.
    """
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class InterpreterKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # Encrypt kernel traffic when ZeroMQ can (and so keep ipykernel
            # from warning about plain TCP once per report).
            import zmq

            if zmq.has("curve"):
                self.transport_encryption = "auto"

        @property
        def kernel_spec(self):
            if self._kernel_spec is None:
                self._kernel_spec = KernelSpec(
                    argv=[
                        sys.executable,
                        "-m",
                        "ipykernel_launcher",
                        "-f",
                        "{connection_file}",
                        # Errors in cells are in the executed notebook; the
                        # kernel's own log lines (one per start and stop)
                        # would only bury the batch's progress bar.
                        "--IPKernelApp.log_level=CRITICAL",
                    ],
                    display_name=f"Python {sys.version_info.major}.{sys.version_info.minor}"
                    f" ({sys.prefix})",
                    language="python",
                    metadata={"supported_encryption": ["curve"]},
                )
            return self._kernel_spec

    return InterpreterKernelManager


@cache
def _html_exporter(show_code: bool):
    """One HTML exporter per process and setting: building one loads templates (slow)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter()
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = not show_code
    exporter.exclude_output_prompt = not show_code
    return exporter


def _export_html(ipynb: Path, target: Path, show_code: bool) -> None:
    import nbformat

    notebook = nbformat.read(str(ipynb), as_version=4)
    body, _ = _html_exporter(show_code).from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")


def _read_record(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_text_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes files private; reports are meant to be read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _first_line(source: str) -> str:
    for line in (source or "").splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


def execute_job(job: Job) -> dict[str, Any]:
    """Render one job and move its files into place; return its record.

    Never raises for a failing notebook: the failure (cell, error) is in the
    returned record. An interruption (``KeyboardInterrupt``, a killed
    process) leaves the previous report as it was.
    """
    from papermill import execute_notebook
    from papermill.exceptions import PapermillExecutionError

    started = datetime.now(UTC)
    clock = time.perf_counter()
    out_dir = Path(job.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for leftover in out_dir.glob(f"{STAGING_PREFIX}{job.notebook}-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from an earlier, killed batch
    staging = out_dir / f"{STAGING_PREFIX}{job.notebook}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    record: dict[str, Any] = {
        "run": job.run,
        "notebook": job.notebook,
        "kind": job.kind,
        "article": job.article,
        "parameters": job.parameters,
        "fingerprint": job.fingerprint,
        "status": "ok",
        "cell": None,
        "error": None,
        "host": socket.gethostname(),
        "executable": sys.executable,
        "started": started.isoformat(timespec="seconds"),
    }
    try:
        params = dict(job.parameters)
        if ARTICLE_PARAMETER in job.inject and job.article_value is not None:
            params[ARTICLE_PARAMETER] = job.article_value
        if OUTPUT_PARAMETER in job.inject:
            params[OUTPUT_PARAMETER] = str(staging)
        if REPORTS_PARAMETER in job.inject:
            params[REPORTS_PARAMETER] = job.reports_root
        ipynb = staging / f"{job.notebook}.ipynb"
        tick = time.perf_counter()
        # papermill warns per report about lines it cannot parse; the plan has
        # already checked the parameters, and the hygiene tests name such lines.
        logging.getLogger("papermill").setLevel(logging.ERROR)
        try:
            execute_notebook(
                job.notebook_path,
                str(ipynb),
                parameters=params,
                kernel_name="python3",
                kernel_manager_class=_kernel_manager_class(),
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
                # The outputs are in hand when the last cell returns: stop the
                # kernel at once instead of waiting for a graceful exit (0.5 s
                # a render). Cells must not leave files to atexit handlers.
                shutdown_kernel="immediate",
                execution_timeout=job.timeout,
                # The working directory is the staging folder: a notebook that
                # wrongly writes to a relative path cannot touch anything else.
                cwd=str(staging),
            )
        except PapermillExecutionError as exc:
            record.update(
                status="failed",
                cell=f"In [{exc.exec_count}]: {_first_line(exc.source)}",
                error=f"{exc.ename}: {exc.evalue}",
            )
        except Exception as exc:  # kernel died, timeout, bad notebook file
            record.update(status="failed", error=f"{type(exc).__name__}: {exc}")
        record["execute_seconds"] = round(time.perf_counter() - tick, 3)
        tick = time.perf_counter()
        if ipynb.exists():
            try:
                _export_html(ipynb, staging / f"{job.notebook}.html", job.show_code)
            except Exception as exc:  # the executed notebook is still worth keeping
                record.update(status="failed", error=f"HTML conversion failed: {exc}")
        record["html_seconds"] = round(time.perf_counter() - tick, 3)
        record["files"] = _commit(staging, out_dir, job)
        record["seconds"] = round(time.perf_counter() - clock, 3)
        record["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
        # The record goes last: its presence says the report is complete.
        _write_text_atomic(
            out_dir / f"{job.notebook}{RECORD_SUFFIX}",
            json.dumps(record, indent=2, sort_keys=True, default=str) + "\n",
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return record


def _commit(staging: Path, out_dir: Path, job: Job) -> list[str]:
    """Rename the staged files into ``out_dir``; drop files of the previous render."""
    record_path = out_dir / f"{job.notebook}{RECORD_SUFFIX}"
    previous = _read_record(record_path) or {}
    # Without its record the old report counts as incomplete from here on.
    record_path.unlink(missing_ok=True)
    moved = []
    for item in sorted(staging.iterdir()):
        if not item.is_file():
            continue
        name = f"{job.notebook}.provenance.json" if item.name == "provenance.json" else item.name
        os.replace(item, out_dir / name)
        moved.append(name)
    for stale in set(previous.get("files") or ()) - set(moved):
        if "/" not in stale and "\\" not in stale:
            (out_dir / stale).unlink(missing_ok=True)
    return moved


def _execute_here(job: Job) -> dict[str, Any]:
    """Run a job in this process; an unexpected error fails the job, not the batch."""
    try:
        return execute_job(job)
    except Exception as exc:
        return _crashed_record(job, exc)


def _up_to_date(job: Job) -> dict | None:
    """The previous record when the job is up to date, else None."""
    out_dir = Path(job.out_dir)
    record = _read_record(out_dir / f"{job.notebook}{RECORD_SUFFIX}")
    if not record or record.get("status") != "ok" or record.get("fingerprint") != job.fingerprint:
        return None
    if not all((out_dir / name).is_file() for name in record.get("files") or ()):
        return None
    return record


def _crashed_record(job: Job, exc: BaseException) -> dict[str, Any]:
    """The record of a job that could not even report its own failure."""
    return {
        "run": job.run,
        "notebook": job.notebook,
        "kind": job.kind,
        "article": job.article,
        "status": "failed",
        "cell": None,
        "error": f"worker crashed: {type(exc).__name__}: {exc}",
        "seconds": None,
    }


def _warm_worker() -> None:
    """Import what a render needs (papermill, nbconvert's templates, jupyter_client)."""
    import papermill  # noqa: F401

    _html_exporter(False)
    _kernel_manager_class()


def _nothing() -> None:
    """A task that makes the pool start a worker now rather than at the first job."""


def _process_context():
    """A fork server that has imported the render's libraries, else "spawn".

    Workers must not be forked from the calling process itself: it may hold
    ZeroMQ sockets and threads (tqdm's monitor, an earlier kernel client).
    The fork server is a clean process started once per session; it imports
    papermill, nbconvert and jupyter_client once, and every worker forked
    from it starts warm (seconds saved per worker, and per batch when one
    session renders several). Where there is no fork server (Windows),
    "spawn" starts each worker cold.
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Only read when the server starts; a module that fails to import is skipped.
    context.set_forkserver_preload(
        ["helpers.batch", "papermill", "nbconvert", "nbformat", "jupyter_client.manager"]
    )
    return context


class _WorkerPool:
    """``jobs`` renders at a time: this process and ``jobs - 1`` worker processes.

    The workers are started in the background when the batch begins, so
    their start-up (a fresh interpreter importing papermill and nbconvert,
    several seconds) overlaps the planning and the first renders, which this
    process does itself meanwhile. A worker is given a job only when it is
    free, so the jobs go to whoever can start them first. At the end idle
    workers are terminated rather than waited for: an interpreter takes a
    second or two to wind down.
    """

    def __init__(self, jobs: int):
        import threading

        self.size = max(0, jobs - 1)
        self.executor = None
        self._error: BaseException | None = None
        self._ready = threading.Thread(target=self._start, name="ddn-batch-pool", daemon=True)
        self._ready.start()

    def _start(self) -> None:
        # In a thread: starting the fork server blocks until it has imported
        # its modules, and the caller has planning to do in the meantime.
        try:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(
                max_workers=self.size, mp_context=_process_context(), initializer=_warm_worker
            )
            for _ in range(self.size):  # workers start on demand: ask for all of them now
                self.executor.submit(_nothing)
        except BaseException as exc:  # no workers: this process renders alone
            self._error = exc
            self.executor = None

    def run(self, jobs: list[Job], on_done) -> None:
        import queue
        import threading
        from collections import deque

        pending = deque(jobs)
        lock = threading.Lock()
        finished: queue.Queue = queue.Queue()
        stop = threading.Event()

        def take(from_end: bool) -> Job | None:
            with lock:
                if not pending:
                    return None
                # Workers take from the end, this process from the front.
                return pending.pop() if from_end else pending.popleft()

        def feed_workers() -> None:
            # A thread hands each worker its next job the moment it is free,
            # while this process is busy rendering; results go back through
            # a queue so that ``on_done`` (progress bar, rows) stays in the
            # calling thread.
            from concurrent.futures import FIRST_COMPLETED, wait

            self._ready.join()
            running: dict[Any, Job] = {}
            try:
                while self.executor is not None and not stop.is_set():
                    while len(running) < self.size:
                        job = take(from_end=True)
                        if job is None:
                            break
                        running[self.executor.submit(execute_job, job)] = job
                    if not running:
                        return
                    done, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
                    for future in done:
                        job = running.pop(future)
                        try:
                            record = future.result()
                        except Exception as exc:  # the worker process died
                            record = _crashed_record(job, exc)
                        finished.put((job, record))
            except Exception as exc:  # the pool broke: this process does the rest
                for job in running.values():
                    finished.put((job, _crashed_record(job, exc)))

        def drain() -> None:
            while True:
                try:
                    job, record = finished.get_nowait()
                except queue.Empty:
                    return
                on_done(job, record)

        feeder = threading.Thread(target=feed_workers, name="ddn-batch-feeder", daemon=True)
        feeder.start()
        try:
            while (job := take(from_end=False)) is not None:
                on_done(job, _execute_here(job))
                drain()
            while feeder.is_alive():  # this process is done: wait for the workers' last jobs
                feeder.join(timeout=0.2)
                drain()
            drain()
        finally:
            stop.set()

    def close(self) -> None:
        self._ready.join()
        if self.executor is None:
            return
        # ``_processes`` is private; without it the pool is shut down the slow way.
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=not processes, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=10)


def _run_local(jobs: list[Job], n_jobs: int, on_done, pool: _WorkerPool | None = None) -> None:
    if pool is not None:
        pool.run(jobs, on_done)
        return
    if n_jobs <= 1 or len(jobs) <= 1:
        for job in jobs:
            on_done(job, _execute_here(job))
        return
    own = _WorkerPool(min(n_jobs, len(jobs)))
    try:
        own.run(jobs, on_done)
    finally:
        own.close()


def _run_dask(jobs: list[Job], address: str, on_done) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - distributed is a dependency
        raise ParameterError(
            "--scheduler needs dask.distributed", where="--scheduler", fix="pip install distributed"
        ) from exc
    try:
        client = Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except Exception as exc:
        raise ParameterError(
            f"cannot reach the Dask scheduler: {exc}",
            where=f"--scheduler {address}",
            fix="Check the address (tcp://host:8786) and that the scheduler is running",
        ) from exc
    with client:
        futures = {
            client.submit(execute_job, job, pure=False, key=f"ddn-{uuid.uuid4().hex}"): job
            for job in jobs
        }
        for future in as_completed(futures):
            job = futures[future]
            try:
                record = future.result()
            except Exception as exc:
                record = _crashed_record(job, exc)
            on_done(job, record)


def run_batch(
    notebooks_dir: str | os.PathLike | None = None,
    articles_dir: str | os.PathLike | None = None,
    reports_dir: str | os.PathLike | None = None,
    *,
    notebooks: str | list[str] | None = None,
    articles: str | list[str] | None = None,
    parameters: dict[str, Any] | None = None,
    run_files: list[str | os.PathLike] | None = None,
    jobs: int | None = None,
    force: bool = False,
    show_code: bool = False,
    scheduler: str | None = None,
    timeout: float | None = None,
    progress: bool = True,
) -> Any:
    """Plan, render (in parallel), and index; return one row per render.

    Parameters are those of :func:`plan_batch`, plus:

    jobs : int, optional
        Worker processes; default ``os.cpu_count()``. Ignored with ``scheduler``.
    force : bool
        Render even reports that are up to date.
    scheduler : str, optional
        Address of a Dask scheduler (``tcp://host:8786``) to run the jobs on.
    progress : bool
        Show a tqdm progress bar on standard error.

    Returns
    -------
    DataFrame
        Columns ``RESULT_COLUMNS``; ``status`` is ``ok``, ``failed`` or ``skipped``.

    Examples
    --------
    >>> run_batch(notebooks="99")  # doctest: +SKIP
    Traceback (most recent call last):
    helpers.errors.ParameterError: no notebook '99' (command line). Known notebooks: ...
    """
    import pandas as pd
    from tqdm.auto import tqdm

    from helpers import provenance

    n_jobs = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    pool = _WorkerPool(n_jobs) if n_jobs > 1 and not scheduler else None
    try:
        plan = plan_batch(
            notebooks_dir,
            articles_dir,
            reports_dir,
            notebooks=notebooks,
            articles=articles,
            parameters=parameters,
            run_files=run_files,
            show_code=show_code,
            timeout=timeout,
        )
    except BaseException:
        if pool is not None:
            pool.close()
        raise
    rows: list[dict[str, Any]] = []
    counts = {"done": 0, "failed": 0, "skipped": 0}
    bar = tqdm(total=len(plan), unit="report", disable=not progress, file=sys.stderr)

    def on_done(job: Job, record: dict[str, Any]) -> None:
        status = record.get("status", "failed")
        counts[
            "failed" if status == "failed" else "skipped" if status == "skipped" else "done"
        ] += 1
        out = Path(job.out_dir)
        rows.append(
            {
                "run": job.run,
                "notebook": job.notebook,
                "kind": job.kind,
                "article": job.article,
                "status": status,
                "seconds": record.get("seconds"),
                "execute_seconds": record.get("execute_seconds"),
                "html_seconds": record.get("html_seconds"),
                "cell": record.get("cell"),
                "error": record.get("error"),
                "html": str(out / f"{job.notebook}.html"),
                "ipynb": str(out / f"{job.notebook}.ipynb"),
                "out_dir": str(out),
            }
        )
        bar.set_postfix(counts, refresh=False)
        bar.update(1)

    def dispatch(batch_jobs: list[Job]) -> None:
        todo = []
        for job in batch_jobs:
            previous = None if force else _up_to_date(job)
            if previous is not None:
                on_done(job, {**previous, "status": "skipped"})
            else:
                todo.append(job)
        if not todo:
            return
        if scheduler:
            _run_dask(todo, scheduler, on_done)
        else:
            _run_local(todo, n_jobs, on_done, pool)

    clock = time.perf_counter()
    try:
        first = [job for job in plan if job.kind != "corpus"]
        dispatch(first)
        # A corpus notebook reads the tables just written: its fingerprint
        # includes them, so it reruns whenever any of them changed.
        corpus = [job for job in plan if job.kind == "corpus"]
        for job in corpus:
            job.fingerprint = provenance.fingerprint(
                notebook=job.notebook_path,
                parameters={"user": job.parameters, "show_code": job.show_code},
                extra=_tables_digest(Path(job.reports_root)),
                env={"for": job.fingerprint},
            )
        dispatch(corpus)
    finally:
        bar.close()
        if pool is not None:
            pool.close()
    results = pd.DataFrame(rows, columns=list(RESULT_COLUMNS))
    results.attrs["seconds"] = round(time.perf_counter() - clock, 3)
    roots = {Path(job.reports_root) for job in plan}
    for root in sorted(roots):
        write_index(root)
    # Run folders are listed in the index of the reports folder above them.
    top = Path(reports_dir) if reports_dir is not None else paths.REPORTS_DIR
    if top not in roots and any(root.parent == top for root in roots):
        write_index(top)
    return results


# --------------------------------------------------------------------------- index


def collect_records(reports_root: str | os.PathLike) -> list[dict[str, Any]]:
    """Every ``*.batch.json`` record found one folder below a run's reports folder."""
    root = Path(reports_root)
    records = []
    if not root.is_dir():
        return records
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        for path in sorted(folder.glob(f"*{RECORD_SUFFIX}")):
            record = _read_record(path)
            if record:
                record["folder"] = folder.name
                records.append(record)
    return records


def _failures_table(records: list[dict[str, Any]]):
    import pandas as pd

    rows = [
        {
            "run": r.get("run") or "",
            "notebook": r.get("notebook"),
            "article": r.get("article") or r.get("folder"),
            "cell": r.get("cell"),
            "error": r.get("error"),
            "seconds": r.get("seconds"),
            "report": f"{r.get('folder')}/{r.get('notebook')}.ipynb",
            "finished": r.get("finished"),
        }
        for r in records
        if r.get("status") == "failed"
    ]
    columns = ["run", "notebook", "article", "cell", "error", "seconds", "report", "finished"]
    return pd.DataFrame(rows, columns=columns)


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;
vertical-align:top;text-align:left}th{background:#f3f3f3}.ok{color:#176117}
.failed{color:#a11;font-weight:bold}.missing{color:#888}small{color:#555}
"""


def write_index(reports_root: str | os.PathLike) -> Path:
    """Write ``index.html`` and ``failures.csv`` for a run's reports folder.

    One row per article, one column per notebook (link, status, seconds),
    then the key figures read from the tables the notebooks wrote (see
    :func:`helpers.compare.key_figures`), then the corpus and standalone
    notebooks, then the failures. Every text is HTML-escaped.
    """
    from helpers.compare import key_figures

    root = Path(reports_root)
    root.mkdir(parents=True, exist_ok=True)
    records = collect_records(root)
    failures = _failures_table(records)
    handle, tmp = tempfile.mkstemp(prefix=".failures.csv.", suffix=".tmp", dir=root)
    os.close(handle)
    try:
        failures.to_csv(tmp, index=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, root / "failures.csv")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

    esc = html.escape
    article_records = [r for r in records if r.get("kind", "article") == "article"]
    other_records = [r for r in records if r.get("kind", "article") != "article"]
    notebooks = sorted({r["notebook"] for r in article_records})
    articles = sorted({r["folder"] for r in article_records})
    cells = {(r["folder"], r["notebook"]): r for r in article_records}

    def cell(folder: str, record: dict | None) -> str:
        if record is None:
            return '<td class="missing">–</td>'
        name = record["notebook"]
        status = record.get("status", "?")
        seconds = record.get("seconds")
        timing = f" <small>{seconds:.1f} s</small>" if isinstance(seconds, (int, float)) else ""
        link = f"{folder}/{name}.html"
        detail = ""
        provenance_file = f"{name}.provenance.json"
        if provenance_file in (record.get("files") or ()):
            target = esc(f"{folder}/{provenance_file}", quote=True)
            detail += f' <small><a href="{target}">provenance</a></small>'
        if status == "failed":
            detail += (
                f"<br><small>{esc(str(record.get('cell') or ''))}"
                f"<br>{esc(str(record.get('error') or ''))}</small>"
            )
        return (
            f'<td><a href="{esc(link, quote=True)}">{esc(name)}</a> '
            f'<span class="{esc(status)}">{esc(status)}</span>{timing}{detail}</td>'
        )

    figure_names = ("mean_sentiment", "dominant_frame", "highest_intensity")
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Reports: {esc(root.name)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Reports in {esc(str(root))}</h1>",
        f"<p>{len(articles)} article(s), {len(notebooks)} per-article notebook(s), "
        f"{len(failures)} failure(s). Written {esc(datetime.now().isoformat(timespec='seconds'))}.</p>",
        "<table><thead><tr><th>article</th>",
        *(f"<th>{esc(nb)}</th>" for nb in notebooks),
        *(f"<th>{esc(name.replace('_', ' '))}</th>" for name in figure_names),
        "</tr></thead><tbody>",
    ]
    for folder in articles:
        figures = key_figures(root / folder)
        lines.append(f"<tr><th>{esc(folder)}</th>")
        lines.extend(cell(folder, cells.get((folder, nb))) for nb in notebooks)
        for name in figure_names:
            value = figures.get(name)
            text = (
                f"{value:+.3f}"
                if isinstance(value, float)
                else ("–" if value is None else str(value))
            )
            lines.append(f"<td>{esc(text)}</td>")
        lines.append("</tr>")
    lines.append("</tbody></table>")
    if other_records:
        lines.append("<h2>Across articles</h2><table><tbody>")
        for record in other_records:
            lines.append(
                f"<tr><th>{esc(record.get('kind', ''))}</th>{cell(record['folder'], record)}</tr>"
            )
        lines.append("</tbody></table>")
    if len(failures):
        lines.append('<h2>Failures</h2><p>Also in <a href="failures.csv">failures.csv</a>.</p>')
        lines.append("<table><thead><tr><th>article</th><th>notebook</th><th>cell</th>")
        lines.append("<th>error</th></tr></thead><tbody>")
        for row in failures.itertuples(index=False):
            lines.append(
                "<tr>"
                + "".join(
                    f"<td>{esc('' if value is None else str(value))}</td>"
                    for value in (row.article, row.notebook, row.cell, row.error)
                )
                + "</tr>"
            )
        lines.append("</tbody></table>")
    runs = sorted(
        child.name
        for child in root.iterdir()
        if child.is_dir() and (child / "index.html").is_file() and not child.name.startswith(".")
    )
    if runs:
        lines.append("<h2>Runs</h2><ul>")
        lines.extend(
            f'<li><a href="{esc(name, quote=True)}/index.html">{esc(name)}</a></li>'
            for name in runs
        )
        lines.append("</ul>")
    lines.append("</body></html>")
    target = root / "index.html"
    _write_text_atomic(target, "\n".join(lines) + "\n")
    return target


# --------------------------------------------------------------------------- command line


def _parse_param(text: str) -> tuple[str, Any]:
    import yaml

    name, sep, raw = text.partition("=")
    if not sep or not name.strip().isidentifier():
        raise ParameterError(
            f"cannot read parameter {text!r}", where="--param", fix="Write NAME=VALUE"
        )
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    return name.strip(), value


def add_batch_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``batch`` command's options to ``parser`` (used by ``helpers.cli``)."""
    parser.add_argument("--notebooks", help="notebook numbers or names, e.g. 02,03 (default all)")
    parser.add_argument("--articles", help="article ids, e.g. id1,id2 (default all)")
    parser.add_argument(
        "--run",
        dest="run_files",
        action="append",
        metavar="FILE",
        help="a run file (runs/*.yml); repeat for several; outputs go to reports/<run name>/",
    )
    parser.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a notebook parameter (VALUE read as YAML: 0.1, false, [a, b])",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="notebooks rendered at a time: this process and N-1 workers (default: number of cores)",
    )
    parser.add_argument("--force", action="store_true", help="render even up-to-date reports")
    parser.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, tcp://host:8786")
    parser.add_argument("--timeout", type=float, default=None, help="seconds a cell may run")
    parser.add_argument("--notebooks-dir", default=None, help="default: notebooks/")
    parser.add_argument("--articles-dir", default=None, help="default: data/articles/")
    parser.add_argument("--reports-dir", default=None, help="default: reports/")
    parser.add_argument("--dry-run", action="store_true", help="print the plan and stop")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def run_batch_command(args: argparse.Namespace) -> int:
    """Run the ``batch`` command; return 0, 1 (some report failed) or 2 (bad input)."""
    try:
        parameters = dict(_parse_param(item) for item in args.param)
        common = {
            "notebooks": args.notebooks,
            "articles": args.articles,
            "parameters": parameters,
            "run_files": args.run_files,
            "show_code": args.show_code,
            "timeout": args.timeout,
        }
        if args.dry_run:
            plan = plan_batch(args.notebooks_dir, args.articles_dir, args.reports_dir, **common)
            for job in plan:
                print(f"{job.label}\t{json.dumps(job.parameters, default=str)}\t{job.out_dir}")
            print(f"{len(plan)} report(s) planned; parameters checked.")
            return 0
        results = run_batch(
            args.notebooks_dir,
            args.articles_dir,
            args.reports_dir,
            jobs=args.jobs,
            force=args.force,
            scheduler=args.scheduler,
            progress=not args.no_progress,
            **common,
        )
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts = results["status"].value_counts()
    print(
        f"{len(results)} report(s): {counts.get('ok', 0)} rendered, "
        f"{counts.get('failed', 0)} failed, {counts.get('skipped', 0)} up to date (skipped) "
        f"in {results.attrs.get('seconds', 0):.1f} s."
    )
    for root in sorted(set(results["out_dir"].map(lambda p: str(Path(p).parent)))):
        print(f"index: {Path(root) / 'index.html'}")
    failed = results[results["status"] == "failed"]
    for row in failed.itertuples(index=False):
        article = row.article if isinstance(row.article, str) else row.kind
        where = f"{row.run + '/' if row.run else ''}{article}/{row.notebook}"
        print(f"FAILED {where}: {row.cell or ''} {row.error or ''}".rstrip(), file=sys.stderr)
    return 1 if len(failed) else 0


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.batch [options]``: the same as ``python -m helpers batch``."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers batch",
        description="Render every analysis notebook for every article, with an index.",
    )
    add_batch_arguments(parser)
    return run_batch_command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
