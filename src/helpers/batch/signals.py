"""Stopping cleanly: SIGTERM in the batch and its workers, and workers that die with it.

* SIGTERM (a scheduler's or a service manager's "stop") raises
  :class:`Terminated` in the main thread, so every ``finally`` runs: staging
  folders are removed, workers are stopped, the lock is released.
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

from helpers.stopping import Terminated  # the commands' own: one class for every stop

#: Exit status of a batch stopped by SIGTERM (128 + the signal number, as shells report it).
TERMINATED_STATUS = 128 + signal.SIGTERM
#: How long a worker whose batch has ended gives itself to clean up before it exits regardless.
ORPHAN_GRACE_SECONDS = 10.0


def _raise_terminated(signum, frame) -> None:
    # A second SIGTERM must not interrupt the clean-up the first one started.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated(f"stopped by signal {signum} (SIGTERM)")


def raise_on_sigterm() -> None:
    """From now on, SIGTERM raises :class:`Terminated` in this process's main thread."""
    signal.signal(signal.SIGTERM, _raise_terminated)


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while the block runs (main thread only).

    Elsewhere (a thread, a notebook's kernel thread) signals cannot be
    handled, and the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
