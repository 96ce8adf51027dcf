"""A generous upper bound on work that must not blow up, for tests of denial of service.

Not a timing test: the bounds are seconds where the fixed code needs milliseconds
and the broken code minutes or hours, so a slow shared machine cannot make a
correct implementation fail, while a hang becomes a failure instead of a stuck run.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class TooSlow(AssertionError):
    """The bounded block ran past its bound: the work grows faster than it should."""


@contextmanager
def within(seconds: float, what: str = "the bounded block"):
    """Fail with :class:`TooSlow` if the block runs longer than ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread: run unbounded rather than not at all
        return

    def expire(_signum, _frame):
        raise TooSlow(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
