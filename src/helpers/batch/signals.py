"""Stopping cleanly: SIGTERM in the batch and its workers, and workers that die with it.

* SIGTERM (a scheduler's or a service manager's "stop") raises
  :class:`Terminated` in the main thread, so every ``finally`` runs: staging
  folders are removed, workers are stopped, the lock is released.
* The handler also records the request (:func:`helpers.stopping.request`),
  because Python drops an exception raised where it can only report it (a
  fork handler, a ``__del__``, a weakref callback), and the batch would then
  render on to the end. The batch checks the request where it goes on:
  before it hands out or renders each job and after each record it takes
  (:mod:`helpers.batch.pool`, :mod:`helpers.batch.cluster`), before a render
  is put in place (:func:`helpers.batch.execute.execute_job`), and before it
  writes the indexes (:func:`helpers.batch.runner.run_batch`); and every
  atomic write refuses to publish (:func:`helpers.io.atomic_path`). Only a
  failed render's record is written after a stop, on purpose (it says what
  failed, and publishes no report). A dropped exception is not reported on
  standard error (:func:`helpers.stopping.lost_stops_kept_quiet`): the
  request raises it again.
* A worker dies with the batch's process even when that is killed outright
  (SIGKILL): a thread in the worker waits on a pipe that only the batch's
  process can keep open (see :func:`die_with_batch`).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from helpers import stopping
from helpers.stopping import Terminated  # the commands' own: one class for every stop

#: Exit status of a batch stopped by SIGTERM (128 + the signal number, as shells report it).
TERMINATED_STATUS = 128 + signal.SIGTERM
#: How long a worker whose batch has ended gives itself to clean up before it exits regardless.
ORPHAN_GRACE_SECONDS = 10.0


def _raise_terminated(signum, frame) -> None:
    # A second SIGTERM must not interrupt the clean-up the first one started.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    stopping.request()  # kept, in case Python drops the exception (see the module docstring)
    raise Terminated(f"stopped by signal {signum} (SIGTERM)")


def raise_on_sigterm() -> None:
    """From now on, SIGTERM raises :class:`Terminated` in this process's main thread.

    The request is recorded too (:func:`helpers.stopping.request`): a worker
    whose exception was dropped puts no render in place.
    """
    signal.signal(signal.SIGTERM, _raise_terminated)


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while the block runs (main thread only).

    A stop recorded before the block (by :mod:`helpers.cli`'s handler while
    the batch was planned) stops it at once, and a block that ends though
    asked to stop raises :class:`Terminated`. The request is forgotten when
    the block ends, however it ends: a later batch in this process (a
    notebook's, a test's) starts afresh. Elsewhere than in the main thread (a
    thread, a notebook's kernel thread) signals cannot be handled, and the
    block runs as it is.

    Raises
    ------
    Terminated
        On SIGTERM, or at the block's end (or start) if a stop was asked for
        and its exception was dropped.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    with stopping.sigterm_handled(_raise_terminated):
        stopping.check()  # asked to stop while the batch was planned (helpers.cli's handler)
        yield


def _watch(lifeline) -> None:
    try:
        while True:
            lifeline.recv()  # nothing is ever sent: this returns only at the end
    except (EOFError, OSError):
        pass
    os.kill(os.getpid(), signal.SIGTERM)  # clean up as on SIGTERM ...
    time.sleep(ORPHAN_GRACE_SECONDS)
    os._exit(1)  # ... or go anyway


def die_with_batch(lifeline) -> None:
    """Make this worker process stop when the batch's process ends, however it ends.

    Parameters
    ----------
    lifeline : multiprocessing.connection.Connection
        The reading end of a pipe whose only writing end the batch's process
        holds. When that process ends (even by SIGKILL) the pipe closes, and a
        thread here raises SIGTERM in this process, then exits it after
        :data:`ORPHAN_GRACE_SECONDS` if the clean-up has not ended it.

    Notes
    -----
    The batch's process is not the worker's parent (workers are forked by
    multiprocessing's fork server), and the fork server only ends when its
    last client does, so neither ``prctl(PR_SET_PDEATHSIG)`` nor watching the
    parent's process id would notice.
    """
    threading.Thread(target=_watch, args=(lifeline,), name="ddn-lifeline", daemon=True).start()
