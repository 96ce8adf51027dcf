"""The local worker pool: several renders at a time on this machine."""

from __future__ import annotations

from typing import Any

from helpers.batch import execute
from helpers.batch.execute import html_exporter, kernel_manager_class
from helpers.batch.plan import Job
from helpers.batch.records import crashed_record


def _warm_worker() -> None:
    """Import what a render needs (papermill, nbconvert's templates, jupyter_client)."""
    import papermill  # noqa: F401

    html_exporter(False)
    kernel_manager_class()


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
        ["helpers.batch.execute", "papermill", "nbconvert", "nbformat", "jupyter_client.manager"]
    )
    return context


class WorkerPool:
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
                        running[self.executor.submit(execute.execute_job, job)] = job
                    if not running:
                        return
                    done, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
                    for future in done:
                        job = running.pop(future)
                        try:
                            record = future.result()
                        except Exception as exc:  # the worker process died
                            record = crashed_record(job, exc)
                        finished.put((job, record))
            except Exception as exc:  # the pool broke: this process does the rest
                for job in running.values():
                    finished.put((job, crashed_record(job, exc)))

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
                on_done(job, execute.execute_here(job))
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


def run_local(jobs: list[Job], n_jobs: int, on_done, pool: WorkerPool | None = None) -> None:
    if pool is not None:
        pool.run(jobs, on_done)
        return
    if n_jobs <= 1 or len(jobs) <= 1:
        for job in jobs:
            on_done(job, execute.execute_here(job))
        return
    own = WorkerPool(min(n_jobs, len(jobs)))
    try:
        own.run(jobs, on_done)
    finally:
        own.close()
