"""One batch at a time per reports folder, and the sweep of what stopped batches left.

A batch holds an exclusive lock (``fcntl.flock``) on ``.batch.lock`` in each
reports folder it writes, from planning done to index written. A second batch
on the same folder stops at once with a one-line error instead of racing the
first (and deleting its live staging folders). The operating system releases
the lock when its process ends, however it ends, so a lock held says "a batch
is running" and a lock free says "nothing here belongs to a running batch":
only then are staging folders (``.tmp-*``) and partial files (``.*.part``)
that a killed batch left behind removed.

Where ``fcntl`` does not exist (Windows), batches are not serialised and
nothing is swept; on network file systems ``flock`` may not reach other
machines.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from helpers.batch.layout import FAILED_FOLDER, LOCK_NAME, RECORD_SUFFIX, STAGING_PREFIX
from helpers.errors import HelpersError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

#: Endings of the temporary files an atomic write leaves when it is killed
#: (``helpers.io`` writes ``.<name>.<random>.part``; older batches ``.tmp``).
PARTIAL_SUFFIXES = (".part", ".tmp")


class ReportsBusyError(HelpersError):
    """Another batch is writing to the same reports folder."""


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="utf-8").strip()
    except OSError:
        pid = ""
    return f"process {pid}" if pid.isdigit() else "another process"


@contextmanager
def _lock(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    with open(path, "a+", encoding="utf-8") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ReportsBusyError(
                    f"another batch ({_holder(path)}) is writing to {folder}",
                    where=str(path),
                    fix="Wait for it to finish, or give another --reports-dir",
                ) from None
        # Who holds it, for the message above; the file is never removed (a
        # batch waiting on the old file would hold a lock nobody else sees).
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield  # closing the file releases the lock


@contextmanager
def reports_lock(folders: Iterable[str | os.PathLike]) -> Iterator[float]:
    """Hold the lock of every folder in ``folders`` (created if missing) while the block runs.

    Parameters
    ----------
    folders : iterable of path-like
        Reports folders (the top one and each run's).

    Yields
    ------
    float
        The time (``time.time()``) the locks were all held: files older than
        that belong to no running batch.

    Raises
    ------
    ReportsBusyError
        If another batch holds one of the locks.
    """
    with ExitStack() as stack:
        for folder in sorted({Path(f).resolve() for f in folders}):  # one order: no deadlock
            stack.enter_context(_lock(folder))
        yield time.time()


def managed_folders(roots: Iterable[Path], out_dirs: Iterable[str | os.PathLike]) -> list[Path]:
    """Return the folders a batch writes in: the reports folders, the report folders, ``_failed/*``.

    Only these are swept, never anything else below a reports folder (which a
    user may have pointed at a folder of their own).
    """
    found = set()
    for root in map(Path, roots):
        found.add(root)
        if root.is_dir():
            found.update(
                child
                for child in root.iterdir()
                if child.is_dir() and any(child.glob(f"*{RECORD_SUFFIX}"))
            )
        failed = root / FAILED_FOLDER
        if failed.is_dir():
            found.update(child for child in failed.iterdir() if child.is_dir())
    found.update(Path(out_dir) for out_dir in out_dirs)
    return sorted(found)


def sweep(folders: Iterable[Path], older_than: float | None) -> list[str]:
    """Remove staging folders, and partial files older than ``older_than``, from ``folders``.

    Call it only while holding :func:`reports_lock` on the reports folders.

    Parameters
    ----------
    folders : iterable of Path
        From :func:`managed_folders`.
    older_than : float or None
        Partial files modified before this time are removed; None leaves
        partial files alone (staging folders only).

    Returns
    -------
    list of str
        What was removed.
    """
    removed = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(entry.path)
            elif (
                older_than is not None
                and name.startswith(".")
                and name.endswith(PARTIAL_SUFFIXES)
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < older_than
            ):
                Path(entry.path).unlink(missing_ok=True)
                removed.append(entry.path)
    return removed
