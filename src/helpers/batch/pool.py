"""The local worker pool: up to N renders at a time on this machine.

With ``--jobs 1`` this process renders every job itself. With ``--jobs N``
(N > 1) N worker processes render and this process only hands out jobs and
collects records, so:

* no process ever changes its working directory into a folder that can
  disappear: each worker starts in the reports folder (which the batch holds
  locked), and each kernel is started in its own render's staging folder
  (nbclient's ``resources["metadata"]["path"]``), never by ``os.chdir``;
* a render that outlives its time limit (plus :data:`WORKER_GRACE`) has its
  worker stopped and replaced, whatever it is stuck in;
* a worker that cannot be started, or dies, is reported, and its job fails
  (or, when no worker runs at all, this process renders the rest).

The pool is written on :mod:`multiprocessing` processes and pipes rather
than :class:`concurrent.futures.ProcessPoolExecutor` because the executor has
no public way to stop one worker, or to stop its workers at once.
"""

from __future__ import annotations

import multiprocessing.connection
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpers import stopping
from helpers.batch import execute, export, signals
from helpers.batch.plan import Job
from helpers.batch.records import job_record
from helpers.errors import ParameterError

#: Seconds a worker may take beyond a render's time limit (kernel start, HTML) before it is stopped.
WORKER_GRACE = 120.0
#: Seconds a stopped worker gets to clean up before it is killed.
STOP_GRACE = 10.0
_POLL = 1.0
#: ``--jobs`` may be at most this many times the cores.
MAX_JOBS_PER_CORE = 4


def available_cores() -> int:
    """Return how many CPU cores this process may run on.

    Examples
    --------
    >>> available_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def check_jobs(jobs: int | None) -> int:
    """Return how many renders to run at a time: ``jobs``, or the cores by default.

    Raises
    ------
    ParameterError
        Unless ``1 <= jobs <= 4 x`` :func:`available_cores`: a thousand
        processes on two cores would only exhaust the machine.

    Examples
    --------
    >>> check_jobs(1)
    1
    >>> check_jobs(0)
    Traceback (most recent call last):
    ...
    helpers.errors.ParameterError: --jobs 0 is out of range (--jobs). Give a number from 1 to ...
    """
    if jobs is None:
        return available_cores()
    cores = available_cores()
    most = MAX_JOBS_PER_CORE * cores
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= most:
        raise ParameterError(
            f"--jobs {jobs} is out of range",
            where="--jobs",
            fix=f"Give a number from 1 to {most} ({MAX_JOBS_PER_CORE} x the {cores} core(s) "
            "this process may use)",
        )
    return jobs


def _warm_worker() -> None:
    """Import what a render needs (papermill, nbconvert's templates, jupyter_client)."""
    import papermill  # noqa: F401

    export.html_exporter(False)
    execute.kernel_manager_class()


def worker_main(conn, lifeline, cwd: str, render: Callable[[Job], dict] | None = None) -> None:
    """Run in a worker process: render each job received on ``conn`` until told to stop.

    Parameters
    ----------
    conn : multiprocessing.connection.Connection
        Receives a :class:`Job` (or None: stop); each record is sent back.
    lifeline : multiprocessing.connection.Connection
        Closes when the batch's process ends (see
        :func:`helpers.batch.signals.die_with_batch`).
    cwd : str
        The working directory of the worker: a folder that outlives the batch.
        The worker stops on SIGTERM (after the clean-up of its render) and
        when the batch's process ends.
    render : callable, optional
        Renders one job and returns its record; default
        :func:`helpers.batch.execute.execute_here`.
    """
    signals.raise_on_sigterm()
    signals.die_with_batch(lifeline)
    try:
        with stopping.lost_stops_kept_quiet():
            os.chdir(cwd)
            render = render or execute.execute_here
            _warm_worker()
            while True:
                try:
                    job = conn.recv()
                except EOFError:  # the batch has gone
                    return
                if job is None:
                    return
                stopping.check()  # a stop whose exception was dropped: render nothing more
                conn.send(render(job))
    except (signals.Terminated, KeyboardInterrupt):
        return  # stopped: the render's own clean-up has run


def process_context():
    """A fork server that has imported the render's libraries, else "spawn".

    Workers must not be forked from the calling process itself: it may hold
    ZeroMQ sockets and threads (tqdm's monitor, an earlier kernel client).
    The fork server is a clean process started once per session; it imports
    papermill, nbconvert and jupyter_client once, and every worker forked
    from it starts warm (seconds saved per worker, and per batch when one
    session renders several). Where there is no fork server (Windows),
    "spawn" starts each worker cold.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Only read when the server starts; a module that fails to import is skipped.
    context.set_forkserver_preload(
        ["helpers.batch.execute", "papermill", "nbconvert", "nbformat", "jupyter_client.manager"]
    )
    return context


@dataclass
class _Worker:
    """A worker process, its end of the pipe, and the job it is rendering."""

    process: Any
    conn: Any
    lifeline: Any
    job: Job | None = None
    deadline: float = float("inf")


def _failed(job: Job, error: str) -> dict[str, Any]:
    return job_record(job, status="failed", cell=None, error=error, seconds=None)


class WorkerPool:
    """Render jobs in ``size`` worker processes (see the module docstring).

    Parameters
    ----------
    size : int
        How many workers at most.
    cwd : str
        The workers' working directory.
    render : callable, optional
        What a worker calls per job (a module-level function); default
        :func:`helpers.batch.execute.execute_here`.
    """

    def __init__(self, size: int, cwd: str, render: Callable[[Job], dict] | None = None):
        self.size = size
        self.cwd = str(cwd)
        self.render = render
        self.workers: list[_Worker] = []
        self.warnings: list[str] = []
        self._starts_left = 2 * size  # replacements are bounded: a broken set-up must not loop
        self._context = None

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        print(f"warning: {message}", file=sys.stderr, flush=True)

    def _start_worker(self) -> None:
        """Start one worker; a failure is reported, and the pool goes on without it."""
        if self._starts_left <= 0:
            return
        self._starts_left -= 1
        self._context = self._context or process_context()
        parent, child = self._context.Pipe()
        # Only this process holds the writing end: it closes when this process ends.
        lifeline, keep_alive = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=worker_main,
            args=(child, lifeline, self.cwd, self.render),
            name="ddn-batch-worker",
            daemon=True,
        )
        try:
            process.start()
        except Exception as exc:  # fork failed (EAGAIN, ENOMEM), cwd gone, ...
            parent.close()
            keep_alive.close()
            self._warn(f"could not start a worker process: {type(exc).__name__}: {exc}")
            self._starts_left = 0
            return
        finally:
            child.close()
            lifeline.close()
        self.workers.append(_Worker(process, parent, keep_alive))

    def _hand_out(self, pending: deque) -> None:
        for worker in self.workers:
            if worker.job is None and pending:
                job = pending.popleft()
                try:
                    worker.conn.send(job)
                except OSError:  # it died meanwhile; the sentinel will tell
                    pending.appendleft(job)
                    continue
                worker.job = job
                limit = job.timeout if job.timeout else float("inf")
                worker.deadline = time.monotonic() + limit + WORKER_GRACE

    def _lose(self, worker: _Worker, on_done, error: str) -> None:
        """Stop ``worker`` and fail its job with ``error``."""
        self._stop([worker])
        self.workers.remove(worker)
        if worker.job is not None:
            on_done(worker.job, _failed(worker.job, error))

    def _collect(self, ready: list, on_done) -> None:
        """Take the records that arrived; notice the workers that died."""
        for worker in list(self.workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    while worker.conn.poll():
                        record = worker.conn.recv()
                        job, worker.job = worker.job, None
                        on_done(job, record)
                except (EOFError, OSError):
                    pass
            if worker.process.sentinel in ready or not worker.process.is_alive():
                worker.process.join(timeout=STOP_GRACE)
                code = worker.process.exitcode
                self._warn(f"a worker process ended unexpectedly (exit code {code})")
                self._lose(worker, on_done, f"worker process died (exit code {code})")

    def _enforce_deadlines(self, on_done) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.job is not None and now > worker.deadline:
                limit = worker.job.timeout
                self._lose(
                    worker,
                    on_done,
                    f"TimeoutError: the render did not finish within its time limit of {limit:g} s "
                    "(--timeout); its worker process was stopped",
                )

    def run(self, jobs: list[Job], on_done) -> None:
        """Render ``jobs``; call ``on_done(job, record)`` in this thread as each ends."""
        pending = deque(jobs)
        while len(self.workers) < min(self.size, len(pending)) and self._starts_left > 0:
            self._start_worker()
        while pending or any(worker.job is not None for worker in self.workers):
            # Before each job handed out and after each record taken: a stop whose
            # exception Python dropped (in a __del__, a fork handler) ends the batch here.
            stopping.check()
            if not self.workers:
                self._render_here(pending, on_done)
                return
            self._hand_out(pending)
            waitables = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
            ready = multiprocessing.connection.wait(waitables, timeout=_POLL)
            self._collect(ready, on_done)
            self._enforce_deadlines(on_done)
            if pending and len(self.workers) < min(self.size, len(pending)):
                self._start_worker()  # replace a worker that was lost

    def _render_here(self, pending: deque, on_done) -> None:
        """No worker runs: render what is left in this process, one at a time."""
        self._warn("no worker process is running: this process renders the rest, one at a time")
        while pending:
            stopping.check()
            job = pending.popleft()
            on_done(job, execute.execute_here(job))

    def _stop(self, workers: list[_Worker]) -> None:
        """Stop ``workers``: SIGTERM, then SIGKILL after :data:`STOP_GRACE` seconds."""
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for worker in workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
            worker.lifeline.close()

    def close(self) -> None:
        """Stop every worker (idle ones at once: an interpreter takes a second to wind down)."""
        workers, self.workers = self.workers, []
        self._stop(workers)


def run_local(jobs: list[Job], n_jobs: int, on_done, cwd: str) -> list[str]:
    """Render ``jobs`` on this machine, ``n_jobs`` at a time; return the pool's warnings.

    Parameters
    ----------
    jobs : list of Job
        What to render.
    n_jobs : int
        Renders at a time: 1 renders in this process, more in worker processes.
    on_done : callable
        Called with ``(job, record)`` as each render ends, in this thread.
    cwd : str
        The workers' working directory (a folder that outlives the batch).
    """
    if n_jobs <= 1 or len(jobs) <= 1:
        for job in stopping.until_stopped(jobs):
            on_done(job, execute.execute_here(job))
        return []
    pool = WorkerPool(min(n_jobs, len(jobs)), cwd)
    try:
        pool.run(jobs, on_done)
    finally:
        pool.close()
    return pool.warnings
