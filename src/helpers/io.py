"""Writing files so that nothing half-written is ever left behind.

Every table, report and figure is written to a temporary file in the target
folder and renamed into place when complete (``os.replace`` is atomic on one
file system), so an interrupted run leaves either the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: str | os.PathLike, suffix: str = ""):
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    On an exception the temporary file is removed and ``target`` is untouched.

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
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=suffix or ".part", dir=target.parent
    )
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_table_atomic(table, target: str | os.PathLike, **to_csv_kwargs) -> Path:
    """Write a DataFrame as CSV to ``target`` atomically and return the path."""
    with atomic_path(target, suffix=".csv.part") as tmp:
        table.to_csv(tmp, index=False, **to_csv_kwargs)
    return Path(target)


def write_text_atomic(text: str, target: str | os.PathLike) -> Path:
    """Write UTF-8 text to ``target`` atomically and return the path."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)
