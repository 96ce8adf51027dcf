"""A stop asked for by a signal, kept where a swallowed exception cannot lose it.

Python runs a signal handler in the main thread between two bytecodes,
wherever that thread is. When it is inside a callback whose exceptions
Python only reports ("Exception ignored in ..."): a fork handler such as
``logging``'s lock release around ``os.fork``, a ``__del__``, a weakref
callback, the exception the handler raises is printed and lost, and a
command told to stop would run to the end and publish its output (seen:
``score --jobs 2`` exiting 0 after SIGTERM while starting its workers). So
both handlers, the commands' (:mod:`helpers.cli`) and the batch's
(:mod:`helpers.batch.signals`, in its process and in its workers), also
record the request here, and the code that publishes output
(:func:`helpers.io.atomic_path`, the batch putting a render in place), walks
the input (``score``'s chunks; the batch's jobs and the records it takes) or
ends a command checks it with :func:`check`. A write that must happen after
a stop says so: the record of a failed render, which the batch writes
despite the stop (``atomic_path(..., despite_stop=True)``). The request is
forgotten when the command or batch that set the handler ends, so a later
one in the same process (a notebook's, a test's) starts afresh.

Examples
--------
>>> clear(); check()  # nothing asked: no-op
>>> request()
>>> try:
...     check()
... except Terminated:
...     print("stopped")
stopped
>>> clear()
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

_T = TypeVar("_T")


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM).

    A ``BaseException``, like ``KeyboardInterrupt``: code that catches
    ``Exception`` (to fail one row, one render) must not swallow it, and
    every ``finally`` and :func:`helpers.io.atomic_path` cleans up on its way out.
    """


_requested = False


def request() -> None:
    """Record that this process was asked to stop (from a signal handler)."""
    global _requested
    _requested = True


def clear() -> None:
    """Forget a request (a command starting, or one that has handled it)."""
    global _requested
    _requested = False


def check() -> None:
    """Raise :class:`Terminated` if a stop was asked for and its exception was lost."""
    if _requested:
        raise Terminated("stopped by SIGTERM")


@contextmanager
def lost_stops_kept_quiet() -> Iterator[None]:
    """While the block runs, a :class:`Terminated` that Python drops is not printed.

    Python reports an exception it cannot raise ("Exception ignored in
    ..." and a traceback, through :data:`sys.unraisablehook`); a stop
    recorded with :func:`request` is not lost, :func:`check` raises it
    again, so its report would only be noise on standard error. Anything
    else Python drops is reported as before.
    """
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        if not (_requested and isinstance(unraisable.exc_value, Terminated)):
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous


@contextmanager
def sigterm_handled(handler) -> Iterator[None]:
    """Run the block with ``handler`` for SIGTERM (main thread only: the callers
    check, as a signal handler can be set nowhere else).

    The handler raises :class:`Terminated` and calls :func:`request`; a dropped
    exception's report is kept quiet (:func:`lost_stops_kept_quiet`), a block that
    ends though asked to stop raises :class:`Terminated`, and afterwards the previous
    handler is back and the request forgotten. The commands (:mod:`helpers.cli`) and
    the batch (:mod:`helpers.batch.signals`) each bring their own handler.
    """
    import signal

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        with lost_stops_kept_quiet():
            yield
            check()  # the block ended though asked to stop: say so
    finally:
        signal.signal(signal.SIGTERM, previous)
        clear()


def until_stopped(items: Iterable[_T]) -> Iterator[_T]:
    """``items``, checking for a stop before each one.

    Examples
    --------
    >>> list(until_stopped([1, 2]))
    [1, 2]
    """
    for item in items:
        check()
        yield item
