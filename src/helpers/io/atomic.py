"""Writing files atomically, and sweeping what killed runs left behind.

Every table, report and figure is written to a temporary file in the target
folder (``.<name>.<process id>.<random>.part``) and renamed into place when
complete (``os.replace`` is atomic on one file system), so an interrupted run
leaves either the old file or the new one. A run killed outright (``SIGKILL``)
cannot remove its temporary file; :func:`sweep_stale_parts` removes such
leftovers later. Errors of the file system become one-line
:class:`~helpers.errors.FileError` naming the target.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from helpers import stopping
from helpers.errors import FileError, HelpersError, file_error

# When this process started, near enough: a temporary file older than this
# cannot be one it is writing (see sweep_stale_parts).
_STARTED = time.time()
# ".<target name>.<process id>.<8 random characters>[.csv].part", as atomic_path
# names them (files from before process ids were part of the name have none).
_PART_NAME = re.compile(r"\..+?\.(?:(\d+)\.)?[a-z0-9_]{8}(?:\.csv)?\.part")
# Errors of a write or rename that name no file: they concern the target.
_WRITE_ERRNOS = {"ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EIO"}


@contextmanager
def atomic_path(target: str | os.PathLike, suffix: str = "", *, despite_stop: bool = False):
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    On an exception the temporary file (and any folder made for it) is
    removed and ``target`` is untouched. Errors of the file system (a full
    disk, a read-only folder, ``target`` a folder, a parent a file) are raised
    as :class:`~helpers.errors.FileError` naming ``target``.

    Parameters
    ----------
    target : path-like
        The file to write.
    suffix : str
        The temporary file's ending (default ``.part``).
    despite_stop : bool
        Publish even after this process was asked to stop (see
        :mod:`helpers.stopping`). By default nothing is published then; a
        record of what failed, which the clean-up of a stop writes on purpose,
        says True.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_path(folder / "a.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> (folder / "a.txt").read_text()
    'done'
    """
    target = Path(target)
    _check_target(target)
    made = _make_folders(target.parent)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=suffix or ".part", dir=target.parent
        )
        os.close(handle)
    except OSError as exc:
        _remove_folders(made)
        raise file_error(exc, target) from exc
    tmp = Path(name)
    try:
        yield tmp
        if not despite_stop:
            stopping.check()  # a process asked to stop publishes nothing (see helpers.stopping)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        _remove_folders(made)
        if isinstance(exc, OSError) and _concerns(exc, tmp, target):
            raise file_error(exc, target) from exc
        raise


def _check_target(target: Path) -> None:
    """Refuse a target that is a folder or not a regular file, or whose parent is a file."""
    import errno

    if target.is_dir():
        raise file_error(IsADirectoryError(errno.EISDIR, "Is a directory", str(target)))
    if target.exists() and not target.is_file():
        raise FileError(
            "exists and is not a regular file", where=str(target), fix="Name a new file"
        )
    for parent in target.parents:
        if parent.is_dir():
            return
        if parent.exists() or parent.is_symlink():
            raise file_error(NotADirectoryError(errno.ENOTDIR, "Not a directory", str(parent)))


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those made, deepest first."""
    missing = []
    while not folder.is_dir() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made = []
    for path in reversed(missing):
        try:
            path.mkdir(exist_ok=True)
        except OSError as exc:
            _remove_folders(made[::-1])
            raise file_error(exc) from exc
        made.append(path)
    return made[::-1]


def _remove_folders(made: list[Path]) -> None:
    for path in made:
        try:
            path.rmdir()
        except OSError:
            return  # not empty: something else is in it now


def _concerns(exc: OSError, tmp: Path, target: Path) -> bool:
    """Whether an error raised while writing ``tmp`` is about it (not, say, an input)."""
    import errno

    if isinstance(exc, HelpersError):
        return False
    named = {str(n) for n in (exc.filename, exc.filename2) if n is not None}
    if named:
        return bool(named & {str(tmp), str(target)})
    return errno.errorcode.get(exc.errno or 0) in _WRITE_ERRNOS


def write_table_atomic(table, target: str | os.PathLike, **to_csv_kwargs) -> Path:
    """Write a DataFrame as CSV to ``target`` atomically and return the path."""
    with atomic_path(target, suffix=".csv.part") as tmp:
        table.to_csv(tmp, index=False, **to_csv_kwargs)
    return Path(target)


def write_text_atomic(text: str, target: str | os.PathLike, *, despite_stop: bool = False) -> Path:
    """Write UTF-8 text to ``target`` atomically and return the path.

    ``despite_stop``: publish even after a stop was asked for (see :func:`atomic_path`).
    """
    with atomic_path(target, despite_stop=despite_stop) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)


def sweep_stale_parts(folder: str | os.PathLike) -> list[Path]:
    """Remove temporary files that killed runs of :func:`atomic_path` left in ``folder``.

    A file is removed when its name is one :func:`atomic_path` gives
    (``.<name>.<process id>.<random>.part``), it was last written before this
    process started, and the process named in it is no longer running (a
    name without a process id, from older versions, is judged by its age
    alone). So a file another run is still writing is left alone.

    Returns
    -------
    list of Path
        The files removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> stale = folder / ".scores.csv.4194999.abcd1234.part"
    >>> _ = stale.write_text("half a table")
    >>> os.utime(stale, (0, 0))  # written long ago, by a process that is gone
    >>> [p.name for p in sweep_stale_parts(folder)]
    ['.scores.csv.4194999.abcd1234.part']
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    removed = []
    for path in folder.iterdir():
        found = _PART_NAME.fullmatch(path.name)
        if found is None or path.is_symlink() or not path.is_file():
            continue
        if path.stat().st_mtime >= _STARTED:
            continue
        if found.group(1) and _running(int(found.group(1))):
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists (on POSIX; elsewhere assume it does)."""
    if os.name != "posix":
        return True  # os.kill would end the process on Windows
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # someone else's process
    return True
