"""The plan of a batch: which notebooks, which articles, which parameters, where to.

:func:`plan_batch` works out every render and checks every parameter before
anything runs, so a typo costs nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.batch import inputs as batch_inputs
from helpers.batch.layout import COLLECTION_FOLDERS, RESERVED_NAMES, is_reserved_name
from helpers.batch.parameters import (
    ARTICLE_PARAMETER,
    OUTPUT_PARAMETER,
    RESERVED,
    notebook_parameters,
    parameters_for,
)
from helpers.batch.runfiles import Run, load_run_file, split_names
from helpers.errors import ArticleError, ParameterError

KINDS = ("article", "corpus", "standalone")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Seconds one render may take (all its cells together) unless ``--timeout`` says otherwise:
#: far beyond any render of the project's notebooks, short enough that a hung
#: notebook cannot hold up an unattended batch for long.
DEFAULT_TIMEOUT = 600.0

_NOTEBOOK_NAME = re.compile(r"(\d\d)_[A-Za-z0-9_.-]+\.ipynb")


@dataclass(frozen=True)
class NotebookInfo:
    """One notebook of the collection, as the batch sees it.

    ``key`` is its number (``"02"``), ``stem`` its name (``"02_sentiment"``),
    ``reads`` what it declares it reads (see :mod:`helpers.batch.inputs`).
    """

    key: str
    stem: str
    path: str
    kind: str
    parameters: dict[str, dict] = field(default_factory=dict, compare=False, hash=False)
    reads: tuple[str, ...] = ()


@dataclass
class Job:
    """One render: a notebook, (an article), parameters, and where it goes.

    ``notebook`` is the notebook's stem, ``article_value`` what ``ARTICLE``
    is set to, ``reports_root`` the run's reports folder and ``inject`` the
    reserved parameters the notebook declares. ``inputs`` are what the
    report depends on (:func:`helpers.batch.inputs.job_inputs`) and
    ``fingerprint`` one key over them; a corpus job's are completed when
    the reports it reads are in place.
    """

    run: str
    notebook: str
    notebook_path: str
    kind: str
    article: str | None
    article_path: str | None
    article_value: str | None
    parameters: dict[str, Any]
    reports_root: str
    out_dir: str
    inject: tuple[str, ...]
    show_code: bool = False
    timeout: float | None = None
    fingerprint: str | None = None
    inputs: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        """``run/article/notebook``, as the progress and error lines show it."""
        where = self.article or COLLECTION_FOLDERS.get(self.kind, self.kind)
        return f"{self.run + '/' if self.run else ''}{where}/{self.notebook}"


def _notebook_info(path: Path) -> NotebookInfo | None:
    """Read one notebook's kind and parameters; None for a name that does not fit."""
    import json

    match = _NOTEBOOK_NAME.fullmatch(path.name)
    if not match:
        return None
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
    return NotebookInfo(
        key=match.group(1),
        stem=path.stem,
        path=str(path),
        kind=kind,
        parameters=params,
        reads=batch_inputs.declared_reads(meta, kind, str(path)),
    )


def discover_notebooks(notebooks_dir: str | os.PathLike | None = None) -> list[NotebookInfo]:
    """Return the collection's notebooks (``NN_name.ipynb``), in number order.

    The kind comes from the notebook metadata ``ddn.kind`` (default
    ``article``), what it reads from ``ddn.reads`` (default: everything, see
    :mod:`helpers.batch.inputs`); parameters from papermill's inspection of
    the ``parameters`` cell.

    Raises
    ------
    ParameterError
        If a notebook has an unknown kind or input, or cannot be inspected.
    """
    folder = Path(notebooks_dir) if notebooks_dir is not None else paths.NOTEBOOKS_DIR
    found = (_notebook_info(path) for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")))
    return [info for info in found if info is not None]


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


def _check_not_reserved(article_id: str, path: Path) -> None:
    """Refuse an article id that would take a folder or file of the batch's own."""
    if is_reserved_name(article_id):
        raise ArticleError(
            f"article id {article_id!r} is kept for the batch's own files and folders",
            where=str(path),
            fix="Give the article another id (its front-matter 'id' or its file name): "
            "not starting with '_', and not " + ", ".join(RESERVED_NAMES),
        )


def check_timeout(timeout: float | None) -> float | None:
    """Return ``timeout`` if it is None or a positive, finite number of seconds.

    Examples
    --------
    >>> check_timeout(30), check_timeout(None)
    (30, None)
    >>> check_timeout(0)
    Traceback (most recent call last):
    ...
    helpers.errors.ParameterError: the time limit must be a positive number of seconds, got 0 (--timeout). Give e.g. --timeout 600
    """
    number = isinstance(timeout, (int, float)) and not isinstance(timeout, bool)
    if timeout is not None and not (number and 0 < timeout < float("inf")):
        raise ParameterError(
            f"the time limit must be a positive number of seconds, got {timeout!r}",
            where="--timeout",
            fix=f"Give e.g. --timeout {DEFAULT_TIMEOUT:g}",
        )
    return timeout


def _runs(notebooks, articles, parameters, run_files) -> list[Run]:
    """The runs of a batch: the run files, or else the default run."""
    base = dict(parameters or {})
    if not run_files:
        return [
            Run(
                name="",
                notebooks=split_names(notebooks),
                articles=split_names(articles),
                parameters=base,
            )
        ]
    runs = [load_run_file(path) for path in run_files]
    names = [run.name for run in runs]
    if len(set(names)) != len(names):
        raise ParameterError(
            "two run files have the same name", where=", ".join(names), fix="Rename one"
        )
    cli_notebooks, cli_articles = split_names(notebooks), split_names(articles)
    return [
        Run(
            name=run.name,
            notebooks=run.notebooks or cli_notebooks,
            articles=run.articles or cli_articles,
            parameters={**base, **run.parameters},
            source=run.source,
        )
        for run in runs
    ]


def _check_injectable(nb: NotebookInfo) -> None:
    """Refuse a notebook the batch cannot tell what to read or where to write."""
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


def _with_key(job: Job) -> Job:
    job.fingerprint = batch_inputs.input_key(job.inputs)
    return job


def _notebook_jobs(nb, run, run_root, user, articles, context) -> list[Job]:
    """The jobs of one notebook in one run: one per article, or one in all."""
    common = {
        "run": run.name,
        "notebook": nb.stem,
        "notebook_path": str(Path(nb.path).resolve()),
        "kind": nb.kind,
        "parameters": user,
        "reports_root": str(run_root),
        "inject": tuple(name for name in RESERVED if name in nb.parameters),
        "show_code": context["show_code"],
        "timeout": context["timeout"],
    }
    facts = {
        "notebook": nb.path,
        "settings": {"user": user, "show_code": context["show_code"]},
        "reads": nb.reads,
        "shared": context["shared"],
    }
    if nb.kind != "article":
        reports = tables_digest(Path(run_root)) if "reports" in nb.reads else None
        return [
            _with_key(
                Job(
                    **common,
                    article=None,
                    article_path=None,
                    article_value=None,
                    out_dir=str(paths.safe_join(run_root, COLLECTION_FOLDERS[nb.kind])),
                    inputs=batch_inputs.job_inputs(**facts, reports=reports),
                )
            )
        ]
    return [
        _with_key(
            Job(
                **common,
                article=article_id,
                article_path=str(article_path.resolve()),
                article_value=article_id
                if context["default_articles"]
                else str(article_path.resolve()),
                out_dir=str(paths.safe_join(run_root, article_id)),
                inputs=batch_inputs.job_inputs(**facts, article=(article_id, article_path)),
            )
        )
        for article_id, article_path in articles.items()
    ]


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
    timeout: float | None = DEFAULT_TIMEOUT,
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
    timeout : float or None
        Seconds one render may take, all its cells together
        (:data:`DEFAULT_TIMEOUT`); None: no limit.

    Returns
    -------
    list of Job
        Article and standalone jobs first, then corpus jobs.

    Raises
    ------
    ParameterError
        Unknown notebook, unknown or mistyped parameter, unsafe id or run name,
        a time limit that is not a positive number.
    ArticleError
        A selected article does not exist, or its id is one the batch keeps
        for itself (see :func:`helpers.batch.layout.is_reserved_name`).
    """
    articles_root = Path(articles_dir) if articles_dir is not None else paths.ARTICLES_DIR
    # Absolute: workers and kernels run in other folders than this process.
    reports_root = Path(
        os.path.abspath(reports_dir if reports_dir is not None else paths.REPORTS_DIR)
    )
    all_notebooks = discover_notebooks(notebooks_dir)
    all_articles = discover_articles(articles_root)
    check_timeout(timeout)
    runs = _runs(notebooks, articles, parameters, run_files)
    context = {
        "shared": batch_inputs.shared_inputs(articles_root),
        "default_articles": articles_root.resolve() == paths.ARTICLES_DIR.resolve(),
        "show_code": show_code,
        "timeout": timeout,
    }
    jobs: list[Job] = []
    for run in runs:
        chosen_notebooks = _select_notebooks(all_notebooks, run.notebooks, run.source)
        chosen_articles = _select_articles(all_articles, run.articles, run.source)
        for article_id, article_path in chosen_articles.items():
            _check_not_reserved(article_id, article_path)
        per_notebook = parameters_for(run, chosen_notebooks)
        run_root = paths.safe_join(reports_root, run.name) if run.name else reports_root
        for nb in chosen_notebooks:
            _check_injectable(nb)
            jobs.extend(
                _notebook_jobs(nb, run, run_root, per_notebook[nb.stem], chosen_articles, context)
            )
    # Corpus notebooks read the tables the others write: they go last.
    return [job for job in jobs if job.kind != "corpus"] + [
        job for job in jobs if job.kind == "corpus"
    ]


def tables_digest(run_root: Path) -> dict[str, str]:
    """Return ``{relative path: short sha256}`` of every CSV a corpus notebook could read."""
    found = {}
    if run_root.is_dir():
        for child in sorted(run_root.iterdir()):
            if child.is_dir() and not child.name.startswith(("_", ".")):
                for csv in sorted(child.glob("*.csv")):
                    found[csv.relative_to(run_root).as_posix()] = batch_inputs.short_sha256(csv)
    return found
