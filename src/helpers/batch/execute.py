"""One render: execute a notebook with papermill, convert it to HTML, put it in place.

A notebook runs with ``OUTPUT_DIR`` pointing at a hidden staging folder
beside its report; its files are renamed into place only when the notebook
and its HTML are complete, and the record (:mod:`helpers.batch.records`)
goes last.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import sys
import time
import uuid
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from helpers import stopping
from helpers.batch.export import (
    about_report,
    export_html,
    path_replacements,
    portable_notebook,
    scrub,
)
from helpers.batch.freshness import file_digests
from helpers.batch.layout import (
    STAGING_PREFIX,
    failed_folder,
    failure_record_path,
    record_path,
)
from helpers.batch.parameters import ARTICLE_PARAMETER, OUTPUT_PARAMETER, REPORTS_PARAMETER
from helpers.batch.plan import Job
from helpers.batch.records import crashed_record, job_record, read_record, write_record
from helpers.provenance import PROVENANCE_SUFFIX, portable_path

#: The IPython extension every render's kernel loads: tables in full, integers as
#: integers, "showing N of M" where rows are cut (see :mod:`helpers.display`).
KERNEL_EXTENSION = "helpers.display"

#: How often a render's kernel is started when it dies before running a cell.
KERNEL_START_ATTEMPTS = 3


@cache
def kernel_manager_class():
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
                        f"--IPKernelApp.extra_extensions={KERNEL_EXTENSION}",
                    ],
                    # Saved in every executed notebook: no machine path in it.
                    display_name=f"Python {sys.version_info.major}.{sys.version_info.minor}",
                    language="python",
                    metadata={"supported_encryption": ["curve"]},
                )
            return self._kernel_spec

    return InterpreterKernelManager


def _first_line(source: str) -> str:
    for line in (source or "").splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


def _injected(job: Job, staging: Path) -> dict[str, Any]:
    """The job's parameters plus the reserved ones its notebook declares."""
    params = dict(job.parameters)
    if ARTICLE_PARAMETER in job.inject and job.article_value is not None:
        params[ARTICLE_PARAMETER] = job.article_value
    if OUTPUT_PARAMETER in job.inject:
        params[OUTPUT_PARAMETER] = str(staging)
    if REPORTS_PARAMETER in job.inject:
        params[REPORTS_PARAMETER] = job.reports_root
    return params


class _RenderClock:
    """nbclient's time limit per cell, made a time limit for all the cells of a render.

    nbclient asks it for each cell's limit (its ``timeout_func``); the answer
    is the time left until the deadline, which is set when the first cell
    starts (the kernel's start-up has its own limit). It also remembers the
    cell it was last asked about: the one that was running when time ran out.
    """

    def __init__(self, limit: float | None):
        self.limit = limit
        self.deadline: float | None = None
        self.cell = None

    def __call__(self, cell) -> float | None:
        self.cell = cell
        if self.limit is None:
            return None
        if self.deadline is None:
            self.deadline = time.monotonic() + self.limit
        return max(0.01, self.deadline - time.monotonic())  # 0 would mean "no limit"

    def failure(self) -> dict[str, str]:
        source = self.cell.get("source", "") if self.cell is not None else ""
        count = self.cell.get("execution_count") if self.cell is not None else None
        return {
            "status": "failed",
            "cell": f"In [{count or ' '}]: {_first_line(source)}" if source else None,
            "error": f"TimeoutError: the render took longer than its time limit of "
            f"{self.limit:g} s (--timeout)",
        }


def _papermill(job: Job, staging: Path, ipynb: Path, clock: _RenderClock) -> None:
    """Execute the job's notebook into ``ipynb``, its kernel in ``staging``."""
    from papermill import execute_notebook

    execute_notebook(
        job.notebook_path,
        str(ipynb),
        parameters=_injected(job, staging),
        kernel_name="python3",
        kernel_manager_class=kernel_manager_class(),
        progress_bar=False,
        log_output=False,
        request_save_on_cell_execute=False,
        # The outputs are in hand when the last cell returns: stop the
        # kernel at once instead of waiting for a graceful exit (0.5 s
        # a render). Cells must not leave files to atexit handlers.
        shutdown_kernel="immediate",
        timeout_func=clock,
        # The kernel runs in the staging folder, so a notebook that wrongly
        # writes to a relative path cannot touch anything else. It is told
        # through nbclient's resources: papermill's own ``cwd=`` would
        # chdir this process, and workers started meanwhile would inherit
        # a folder that is removed when the render ends.
        resources={"metadata": {"path": str(staging)}},
    )


def _execute(job: Job, staging: Path, record: dict[str, Any]) -> Path:
    """Run the notebook into ``staging``; a failure goes into ``record``.

    A kernel that dies before its first cell (two kernels started at once
    can draw the same free TCP port, and one of them then cannot bind it) is
    started again, up to :data:`KERNEL_START_ATTEMPTS` times in all.
    """
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    ipynb = staging / f"{job.notebook}.ipynb"
    # papermill warns per report about lines it cannot parse (the plan has
    # checked the parameters, and the hygiene tests name such lines), and
    # nbclient logs a time-out through papermill's logger: the record says both.
    logging.getLogger("papermill").setLevel(logging.CRITICAL)
    attempts = 0
    while attempts < KERNEL_START_ATTEMPTS:
        attempts += 1
        clock = _RenderClock(job.timeout)
        try:
            _papermill(job, staging, ipynb, clock)
        except PapermillExecutionError as exc:
            record.update(
                status="failed",
                cell=f"In [{exc.exec_count}]: {_first_line(exc.source)}",
                error=f"{exc.ename}: {exc.evalue}",
            )
        except CellTimeoutError:
            record.update(clock.failure())
        except RuntimeError as exc:  # nbclient: the kernel died or did not answer
            if clock.cell is None and attempts < KERNEL_START_ATTEMPTS:
                continue  # before any cell ran: nothing to undo
            record.update(status="failed", error=f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # bad notebook file, ...
            record.update(status="failed", error=f"{type(exc).__name__}: {exc}")
        break
    if attempts > 1:
        record["kernel_starts"] = attempts
    return ipynb


def execute_job(job: Job) -> dict[str, Any]:
    """Render one job and move its files into place; return its record.

    Never raises for a failing notebook: the failure (cell, error) is in the
    returned record, and the failed render is kept apart (see
    :func:`helpers.batch.layout.failed_folder`) without touching the previous
    good report. An interruption (``KeyboardInterrupt``, a killed process)
    leaves the previous report as it was.
    """
    started = datetime.now(UTC)
    clock = time.perf_counter()
    out_dir = Path(job.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = out_dir / f"{STAGING_PREFIX}{job.notebook}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    record = job_record(
        job,
        parameters=job.parameters,
        fingerprint=job.fingerprint,
        status="ok",
        cell=None,
        error=None,
        host=socket.gethostname(),
        executable=portable_path(sys.executable),
        started=started.isoformat(timespec="seconds"),
    )
    replacements = path_replacements(staging, job.out_dir, job.reports_root)
    try:
        tick = time.perf_counter()
        ipynb = _execute(job, staging, record)
        record["execute_seconds"] = round(time.perf_counter() - tick, 3)
        tick = time.perf_counter()
        if ipynb.exists():
            _documents(job, staging, ipynb, record, replacements, started)
        record["html_seconds"] = round(time.perf_counter() - tick, 3)
        record.update(scrub({k: record[k] for k in ("cell", "error")}, replacements))
        if record["status"] == "ok":
            _commit(staging, job, record, clock)
        else:
            _keep_failure(staging, job, record, clock)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return record


def _documents(job, staging, ipynb, record, replacements, started) -> None:
    """Make the executed notebook portable and convert it to HTML; a failure goes into ``record``."""
    try:
        portable_notebook(ipynb, replacements)
        about = about_report(job, started.strftime("%Y-%m-%d %H:%M UTC"))
        if not (staging / f"{job.notebook}{PROVENANCE_SUFFIX}").is_file():
            about.pop("provenance")
        export_html(ipynb, staging / f"{job.notebook}.html", job.show_code, about)
    except Exception as exc:  # the executed notebook is still worth keeping
        record.update(status="failed", error=f"HTML conversion failed: {exc}")


def _finish(record: dict[str, Any], clock: float) -> None:
    record["seconds"] = round(time.perf_counter() - clock, 3)
    record["finished"] = datetime.now(UTC).isoformat(timespec="seconds")


def _commit(staging: Path, job: Job, record: dict[str, Any], clock: float) -> None:
    """Rename the staged files into the report's folder; drop files of the previous render.

    The record goes last: its presence says the report is complete. A failure
    kept from an earlier render is removed after it.
    """
    # A stop whose exception Python dropped let the render run on: put nothing
    # in place (the files are renamed, so io.atomic_path's own check is not enough).
    stopping.check()
    out_dir = Path(job.out_dir)
    path = record_path(out_dir, job.notebook)
    previous = read_record(path) or {}
    # Without its record the old report counts as incomplete from here on.
    path.unlink(missing_ok=True)
    moved = []
    for item in sorted(staging.iterdir()):
        if not item.is_file():
            continue
        # A notebook of one's own may still write the old shared name.
        name = f"{job.notebook}{PROVENANCE_SUFFIX}" if item.name == "provenance.json" else item.name
        os.replace(item, out_dir / name)
        moved.append(name)
    for stale in set(previous.get("files") or ()) - set(moved):
        if "/" not in stale and "\\" not in stale:
            (out_dir / stale).unlink(missing_ok=True)
    record["files"] = moved
    # What the batch wrote, so that a file changed by anyone else is seen (helpers.batch.freshness).
    record["file_sha256"] = file_digests(out_dir, moved)
    record["inputs"] = job.inputs
    _finish(record, clock)
    write_record(path, record)
    folder = out_dir.name
    failure_record_path(job.reports_root, folder, job.notebook).unlink(missing_ok=True)
    shutil.rmtree(failed_folder(job.reports_root, folder, job.notebook), ignore_errors=True)


def _keep_failure(staging: Path, job: Job, record: dict[str, Any], clock: float) -> None:
    """Keep a failed render apart (``_failed/<folder>/<notebook>/``), with its record.

    The previous good report, if any, and its record stay as they were; the
    failure record makes the next batch try again. Both are written even when
    the batch was asked to stop meanwhile: they publish no report, and say
    what failed.
    """
    folder = Path(job.out_dir).name
    target = failed_folder(job.reports_root, folder, job.notebook)
    path = failure_record_path(job.reports_root, folder, job.notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    os.replace(staging, target)  # one rename: the folder is whole or absent
    record["files"] = sorted(item.name for item in target.iterdir() if item.is_file())
    record["failed_folder"] = target.relative_to(job.reports_root).as_posix()
    _finish(record, clock)
    write_record(path, record, despite_stop=True)


def execute_here(job: Job) -> dict[str, Any]:
    """Run a job in this process; an unexpected error fails the job, not the batch."""
    try:
        return execute_job(job)
    except Exception as exc:
        return crashed_record(job, exc)
