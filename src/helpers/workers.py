"""Worker processes that run one function over chunks of work, results in input order.

The ``score`` command hands each chunk of rows to :func:`ordered_results`, which
runs it in this process, in local worker processes (:class:`LocalWorkers`), or
on a Dask cluster (:class:`DaskWorkers`), and yields the results in the order
the chunks came, with a few chunks in flight at once so memory stays flat.

Local workers start once and take chunk after chunk. They are made by
``fork`` where the system has it, after the caller has loaded and compiled
what the work needs: every worker starts with it in memory (shared with the
parent until written to) instead of loading it again. Before forking, the
caller's objects are moved out of the garbage collector's sight
(``gc.freeze``), so a collection in a worker does not touch, and copy, the
pages it shares with the parent. In a worker the collector does not run on its
own: scoring makes short-lived objects that reference counting frees, and the
automatic passes (one every 700 new objects) found nothing to free but cost
about a twentieth of a worker's time (``make bench``); the worker runs a pass
over what each chunk left instead (:func:`_run_chunk`), so cycles are still
freed and memory stays flat. A worker that cannot start, or dies, is one
:class:`~helpers.errors.WorkerError`; on an error the workers still busy are
stopped.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from helpers.errors import ParameterError, WorkerError

__all__ = ["DaskWorkers", "LocalWorkers", "ordered_results", "usable_cores"]


def usable_cores() -> int:
    """The number of processor cores this process may run on.

    Examples
    --------
    >>> usable_cores() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _TrackingContext:
    """A multiprocessing context that remembers the processes it makes, to stop them."""

    def __init__(self, context):
        self._context = context
        self.processes: list = []

    def __getattr__(self, name):
        return getattr(self._context, name)

    def Process(self, *args, **kwargs):  # the name multiprocessing calls
        process = self._context.Process(*args, **kwargs)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        started = [p for p in self.processes if p.pid is not None]
        for process in started:
            if process.is_alive():
                process.terminate()
        for process in started:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)


def _worker_started(parent: int) -> None:
    """In a worker: die on SIGTERM, leave Ctrl-C to the main process (which stops
    us), end when the main process (``parent``, its id taken there) is gone, and
    keep what was inherited out of the garbage collector's scans."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(parent)
    gc.freeze()
    gc.disable()  # a pass after each chunk instead (see _run_chunk)


#: Seconds between a worker's looks at whether the main process is still there.
PARENT_CHECK_SECONDS = 0.5


def _exit_with_parent(parent: int) -> None:
    """In a worker: end this process soon after ``parent`` is gone.

    A main process killed outright (SIGKILL, the out-of-memory killer) cannot
    stop its workers, and an idle worker waits for its next chunk forever: the
    other workers, forked from the same process, keep the task pipe open. They
    also keep the command's standard output open, so whatever ran the command
    waited for them too. A daemon thread notices the new parent instead.
    ``parent`` is the main process's id as the main process saw it: read here
    (``os.getppid()``) it would already be the new parent's when the main
    process died before this worker started, and the worker would wait for ever
    (seen under load: a SIGKILL while the second worker was starting).
    """
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


# Chunks a worker has run; every FULL_PASS_EVERY-th is followed by a full pass.
_CHUNKS_RUN = [0]
FULL_PASS_EVERY = 16


def _run_chunk(function: Callable, *args):
    """In a worker: ``function(*args)``, then a garbage-collector pass over the objects made
    since the last one (what reference counting could not free: cycles), and now and then
    a full pass (for cycles among older objects, such as entries dropped from a cache)."""
    try:
        return function(*args)
    finally:
        _CHUNKS_RUN[0] += 1
        gc.collect(2 if _CHUNKS_RUN[0] % FULL_PASS_EVERY == 0 else 0)


def _context():
    import multiprocessing

    # fork shares what the parent compiled; elsewhere (macOS, Windows) workers
    # load it again, from the disk cache (helpers.cache).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class LocalWorkers:
    """``jobs`` local processes running ``function`` on chunks; started once, on the first chunk."""

    def __init__(self, function: Callable, jobs: int):
        # What is loaded now is shared with the workers, not scanned by them; frozen
        # first, so that a collection the imports below set off does not scan it all
        # (a tenth of a second, measured, after the dictionaries were loaded).
        gc.freeze()
        from concurrent.futures import ProcessPoolExecutor

        self.function = function
        self.jobs = jobs
        self._context = _TrackingContext(_context())
        self._executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=self._context,
            initializer=_worker_started,
            initargs=(os.getpid(),),
        )

    def submit(self, *args):
        try:
            return self._executor.submit(_run_chunk, self.function, *args)
        except OSError as exc:  # fork or spawn failed: too many processes, no memory
            raise WorkerError(
                f"a worker process could not start ({exc.strerror or exc})",
                where=f"--jobs {self.jobs}",
                fix="Use fewer --jobs, or check the machine's process and memory limits",
            ) from None

    def result(self, future):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process stopped unexpectedly (killed, perhaps for lack of memory)",
                where=f"--jobs {self.jobs}",
                fix="Use fewer --jobs or a smaller --chunk-rows; nothing was written",
            ) from None

    def close(self, finished: bool) -> None:
        gc.unfreeze()
        if finished:
            self._executor.shutdown(wait=True)
            return
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._context.stop()  # workers busy with chunks nobody will write


class DaskWorkers:
    """Chunks run on a Dask cluster; an unreachable scheduler is one error."""

    def __init__(self, function: Callable, address: str, jobs: int, connect_timeout: str):
        from dask.distributed import Client

        self.function = function
        self.jobs = jobs
        try:
            self._client = Client(address, timeout=connect_timeout)
        except Exception as exc:  # OSError, TimeoutError, ValueError for a bad address
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise ParameterError(
                f"cannot reach the Dask scheduler ({reason})",
                where=f"--scheduler {address}",
                fix="Check the address (tcp://host:8786) and that `dask scheduler` runs there",
            ) from None
        self._executor = self._client.get_executor()

    def submit(self, *args):
        return self._executor.submit(self.function, *args)

    def result(self, future):
        try:
            return future.result()
        except Exception as exc:
            if type(exc).__name__ not in {"KilledWorker", "CommClosedError"}:
                raise
            raise WorkerError(
                f"a Dask worker was lost ({type(exc).__name__})",
                where="--scheduler",
                fix="Check the workers' memory and logs; nothing was written",
            ) from None

    def close(self, finished: bool) -> None:
        self._client.close()


def ordered_results(
    function: Callable,
    tasks: Iterable[tuple],
    start: Callable[[], object] | None,
    *,
    min_tasks: int = 2,
) -> Iterator:
    """Yield ``function(*task)`` for every task, in order, where ``start`` says.

    Parameters
    ----------
    function : callable
        A module-level function (workers find it by name).
    tasks : iterable of tuple
        The arguments of each call, read as they are needed.
    start : callable or None
        Makes the workers (:class:`LocalWorkers` or :class:`DaskWorkers`);
        called once, when there are at least ``min_tasks`` tasks. None:
        everything runs in this process.
    min_tasks : {2, 1}
        2 (the default): a single task runs here rather than wait for
        processes to start.

    Examples
    --------
    >>> list(ordered_results(pow, [(2, 3), (3, 2)], None))
    [8, 9]
    """
    tasks = iter(tasks)
    ahead = list(itertools.islice(tasks, min_tasks))
    if start is None or len(ahead) < min_tasks:
        for task in itertools.chain(ahead, tasks):
            yield function(*task)
        return
    workers = start()
    finished = False
    try:
        pending: deque = deque(workers.submit(*task) for task in ahead)
        for task in tasks:
            pending.append(workers.submit(*task))
            if len(pending) >= 2 * workers.jobs:
                yield workers.result(pending.popleft())
        while pending:
            yield workers.result(pending.popleft())
        finished = True
    finally:
        workers.close(finished)
