"""The batch from start to end: plan, render (in parallel), index.

:func:`run_batch` is what ``python -m helpers batch`` calls.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from helpers import paths, stopping
from helpers.batch import cluster, lock, pool, signals
from helpers.batch.freshness import decide
from helpers.batch.index import write_corpus_tables, write_index
from helpers.batch.inputs import input_key
from helpers.batch.layout import FAILED_FOLDER, record_path
from helpers.batch.plan import Job, plan_batch, tables_digest
from helpers.batch.records import read_record

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
    "reason",
)


class _Results:
    """One row per finished job, and a progress bar with the counts so far."""

    def __init__(self, total: int, progress: bool):
        from tqdm.auto import tqdm

        self.rows: list[dict[str, Any]] = []
        self.warnings: list[str] = []
        self.counts = {"done": 0, "failed": 0, "skipped": 0}
        self.reasons: dict[tuple[str, str], str] = {}  # why each job is rendered
        self.bar = tqdm(total=total, unit="report", disable=not progress, file=sys.stderr)

    def on_done(self, job: Job, record: dict[str, Any], reason: str = "") -> None:
        status = record.get("status", "failed")
        counts = self.counts
        counts[
            "failed" if status == "failed" else "skipped" if status == "skipped" else "done"
        ] += 1
        out = Path(job.out_dir)
        # A failed render is kept apart from the good report it does not replace.
        pages = (
            Path(job.reports_root) / record["failed_folder"] if "failed_folder" in record else out
        )
        self.rows.append(
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
                "html": str(pages / f"{job.notebook}.html"),
                "ipynb": str(pages / f"{job.notebook}.ipynb"),
                "out_dir": str(out),
                "reason": reason or self.reasons.get((job.out_dir, job.notebook), ""),
            }
        )
        self.bar.set_postfix(counts, refresh=False)
        self.bar.update(1)

    def table(self):
        import pandas as pd

        return pd.DataFrame(self.rows, columns=list(RESULT_COLUMNS))


def _dispatch(todo: list[Job], results: _Results, settings: dict[str, Any]) -> None:
    """Render ``todo``, locally or on the Dask cluster."""
    if not todo:
        return
    if settings["scheduler"]:
        cluster.run_dask(todo, settings["scheduler"], results.on_done)
    else:
        warnings = pool.run_local(todo, settings["jobs"], results.on_done, settings["cwd"])
        results.warnings.extend(warnings)


def _render(plan: list[Job], results: _Results, settings: dict[str, Any]) -> None:
    """Render what :func:`helpers.batch.freshness.decide` says: articles first, then corpus.

    The decisions are made before anything runs, as ``--dry-run`` makes them,
    so a dry run shows exactly what this does.
    """
    todo: dict[str, list[Job]] = {"first": [], "corpus": []}
    for job, reasons in decide(plan, force=settings["force"]):
        if reasons:
            results.reasons[(job.out_dir, job.notebook)] = "; ".join(reasons)
            todo["corpus" if job.kind == "corpus" else "first"].append(job)
        else:
            previous = read_record(record_path(job.out_dir, job.notebook)) or {}
            results.on_done(job, {**previous, "status": "skipped"}, reason="up to date")
    _dispatch(todo["first"], results, settings)
    # A corpus notebook's record keeps the tables it read: those just written.
    for job in todo["corpus"]:
        if "reports" in job.inputs:
            job.inputs["reports"] = tables_digest(Path(job.reports_root))
            job.fingerprint = input_key(job.inputs)
    _dispatch(todo["corpus"], results, settings)


def _remove_empty_folders(folder: Path) -> None:
    """Remove ``folder`` and the folders in it that are (then) empty; a failure left them.

    Done here, when no render runs: a worker could be about to put a failed
    render into a folder that looks empty.
    """
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            _remove_empty_folders(child)
    try:
        folder.rmdir()
    except OSError:  # not empty
        pass


def _write_indexes(plan: list[Job], top: Path) -> None:
    """Write the index of every run's folder, and of the folder above the runs."""
    roots = {Path(job.reports_root) for job in plan}
    for root in sorted(roots):
        _remove_empty_folders(root / FAILED_FOLDER)
        write_corpus_tables(root)
        write_index(root)
    # Run folders are listed in the index of the reports folder above them.
    if top not in roots and any(root.parent == top for root in roots):
        write_index(top)


def run_batch(
    notebooks_dir: str | os.PathLike | None = None,
    articles_dir: str | os.PathLike | None = None,
    reports_dir: str | os.PathLike | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    scheduler: str | None = None,
    progress: bool = True,
    **selection: Any,
) -> Any:
    """Plan, render (in parallel), and index; return one row per render.

    Parameters
    ----------
    notebooks_dir, articles_dir, reports_dir : path-like, optional
        Default: ``notebooks/``, ``data/articles/``, ``reports/``.
    jobs : int, optional
        Renders at a time (1 to 4 x the cores; default the cores): with 1 this
        process renders, with more that many worker processes. Ignored with
        ``scheduler``.
    force : bool
        Render even reports that are up to date.
    scheduler : str, optional
        Address of a Dask scheduler (``tcp://host:8786``) to run the jobs on.
    progress : bool
        Show a tqdm progress bar on standard error.
    **selection
        ``notebooks``, ``articles``, ``parameters``, ``run_files``,
        ``show_code`` and ``timeout``, as :func:`helpers.batch.plan.plan_batch`
        takes them.

    Returns
    -------
    DataFrame
        Columns ``RESULT_COLUMNS``; ``status`` is ``ok``, ``failed`` or
        ``skipped``. ``attrs["seconds"]`` is the time the renders took,
        ``attrs["warnings"]`` what the worker pool reported.

    Raises
    ------
    HelpersError
        Bad input (see :func:`helpers.batch.plan.plan_batch`), ``jobs`` out of
        range, another batch writing to the same reports folder
        (:class:`helpers.batch.lock.ReportsBusyError`).
    Terminated
        The process received SIGTERM (also when Python dropped the exception
        its handler raised: see :mod:`helpers.batch.signals`); staging folders
        are removed and workers stopped before it propagates, and no index is
        written.

    Examples
    --------
    >>> run_batch(notebooks="99")  # doctest: +SKIP
    Traceback (most recent call last):
    helpers.errors.ParameterError: no notebook '99' (command line). Known notebooks: ...
    """
    n_jobs = pool.check_jobs(jobs)
    plan = plan_batch(notebooks_dir, articles_dir, reports_dir, **selection)
    top = Path(os.path.abspath(reports_dir if reports_dir is not None else paths.REPORTS_DIR))
    roots = {Path(job.reports_root) for job in plan} | {top}
    results = _Results(len(plan), progress)
    settings = {"force": force, "scheduler": scheduler, "jobs": n_jobs, "cwd": str(top)}
    with signals.sigterm_raises(), lock.reports_lock(roots) as since:
        folders = lock.managed_folders(roots, (job.out_dir for job in plan))
        lock.sweep(folders, older_than=since)  # what batches that were killed left
        clock = time.perf_counter()
        try:
            _render(plan, results, settings)
        finally:
            results.bar.close()
            lock.sweep(folders, older_than=None)  # what this batch's stopped workers left
        # A stop whose exception Python dropped: no index says the batch is complete.
        stopping.check()
        table = results.table()
        table.attrs["seconds"] = round(time.perf_counter() - clock, 3)
        table.attrs["warnings"] = results.warnings
        _write_indexes(plan, top)
    return table
