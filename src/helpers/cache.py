"""Compiled lexicons kept on disk between runs, so start-up does not grow with their size.

Compiling a dictionary (reading its YAML, spelling out alternatives, building
the token trie) costs far more than reading the compiled result back, and the
``score`` command would otherwise pay it in every process. :func:`cached`
keeps the result of a build in a pickle file under :data:`CACHE_DIR` (the
project's ``.cache/compiled``, ignored by git) and reads it back when nothing it
depends on has changed.

What a cached result depends on, all in its key:

* the content (sha256) and resolved path of every source file the build
  reads, given by the caller;
* the source code of the ``helpers`` package (sha256 of every module), so a
  change to the code that compiles, or to the classes compiled into the
  file, is never read back with the old layout;
* every file of the project's lexicon folder (``data/lexicons``), so a build
  that also reads a file it was not told about (a word list the actors
  compiler consults, say) is not read back after that file changed;
* the Python version, and anything else the caller passes as ``extra``.

A stale entry is never read (its key differs); a corrupt or unreadable one is
removed and built again; a cache folder that cannot be written is no error
(the build's result is used as it is). Entries are written atomically
(:func:`helpers.io.atomic_path`), so processes building the same entry at
once each leave a whole file. Set ``DDN_CACHE=off`` to build everything in
memory only, and ``DDN_CACHE_DIR`` to keep the cache elsewhere.

Pickle files run code when loaded: the cache only reads files this project
wrote into its own folder, the same trust as the project's source code.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> source = Path(tempfile.mkdtemp()) / "words.txt"
>>> _ = source.write_text("peace\\nwar\\n")
>>> cached("example", [source], lambda: source.read_text().split())
['peace', 'war']
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from helpers.paths import LEXICONS_DIR, PROJECT_ROOT

__all__ = [
    "CACHE_DIR",
    "cached",
    "clear",
    "code_version",
    "enabled",
    "file_sha256",
    "lexicons_version",
]

#: Where compiled results are kept (``DDN_CACHE_DIR`` overrides it).
CACHE_DIR = Path(os.environ.get("DDN_CACHE_DIR") or PROJECT_ROOT / ".cache" / "compiled")
#: Entries kept at most, and their total size; the oldest are removed beyond
#: (entries of edited copies, of test files that are gone).
MAX_ENTRIES = 200
MAX_BYTES = 256 * 2**20
# An entry read is marked used (its modification time set to now, for _prune) only when
# its mark is older than this: setting it costs milliseconds on some file systems, and
# every process reads a dozen entries at start-up.
TOUCH_AFTER_SECONDS = 3600
# Bumped when the layout of an entry file changes.
_FORMAT = 1
_SUFFIX = ".pickle"

T = TypeVar("T")


def enabled() -> bool:
    """Whether results are kept on disk (``DDN_CACHE=off`` turns it off).

    Examples
    --------
    >>> isinstance(enabled(), bool)
    True
    """
    return os.environ.get("DDN_CACHE", "").strip().lower() not in {"off", "0", "no", "false"}


def file_sha256(path: str | os.PathLike) -> str:
    """Return the sha256 of a file's bytes, in hex.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> file_sha256(path)[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@cache
def code_version() -> str:
    """Return the sha256 of the ``helpers`` package's source code (every module).

    Computed once per process (a few milliseconds); any edit to the package
    gives a new value, and with it new cache keys.

    Examples
    --------
    >>> len(code_version())
    64
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


# (mtime, size) of every lexicon file -> their sha256, for the last listing seen.
_LEXICONS: dict[tuple, str] = {}


def lexicons_version(folder: Path | None = None) -> str:
    """Return the sha256 of every file of the project's lexicon folder (names and bytes).

    Hashed again only when a file's modification time or size changed since
    the last call in this process.

    Examples
    --------
    >>> lexicons_version() == lexicons_version()
    True
    """
    folder = Path(LEXICONS_DIR if folder is None else folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    stats = [(path, path.stat()) for path in files]
    signature = tuple((str(path), st.st_mtime_ns, st.st_size) for path, st in stats)
    known = _LEXICONS.get(signature)
    if known is None:
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(file_sha256(path).encode())
        known = digest.hexdigest()
        _LEXICONS.clear()
        _LEXICONS[signature] = known
    return known


def _key(kind: str, sources: list[Path], extra) -> str:
    digest = hashlib.sha256()
    version = ".".join(map(str, sys.version_info[:3]))
    header = (_FORMAT, version, code_version(), lexicons_version(), kind, repr(extra))
    digest.update(repr(header).encode())
    for path in sources:
        digest.update(str(path.resolve()).encode() + b"\0" + file_sha256(path).encode())
    return digest.hexdigest()


def _entry_path(kind: str, sources: list[Path], key: str) -> Path:
    stem = sources[0].stem if sources else "none"
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in f"{kind}-{stem}")[:80]
    return CACHE_DIR / f"{safe}-{key[:24]}{_SUFFIX}"


def _read(path: Path, key: str):
    """The object stored under ``key`` at ``path``, or a sentinel when there is none."""
    try:
        with open(path, "rb") as handle:
            marked = os.fstat(handle.fileno()).st_mtime
            data = handle.read()
    except OSError:
        return _MISSING
    # Unpickling builds many small containers: the cyclic garbage collector would
    # run again and again over them for nothing (it triples the time of a load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        stored_key, value = pickle.loads(data)
    except Exception:  # a corrupt or foreign file: remove it, build again
        path.unlink(missing_ok=True)
        return _MISSING
    finally:
        if collecting:
            gc.enable()
    if stored_key != key:
        return _MISSING
    if time.time() - marked > TOUCH_AFTER_SECONDS:
        try:
            os.utime(path)  # used: the newest entries are the ones kept (_prune)
        except OSError:
            pass
    return value


def _write(path: Path, key: str, value) -> None:
    from helpers.io import atomic_path

    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something unpicklable in the result: keep it in memory only
        return
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with atomic_path(path, suffix=".part") as tmp:
            tmp.write_bytes(data)
        _prune(path)
    except Exception:  # a read-only or full disk: the cache is only a speed-up
        return


def _prune(kept: Path) -> None:
    """Remove older versions of the entry just written, and the oldest beyond MAX_ENTRIES."""
    family = kept.name[: -len(_SUFFIX) - 25]  # the name without "-<key><suffix>"
    entries = []
    for path in CACHE_DIR.glob(f"*{_SUFFIX}"):
        if path != kept and path.name[: -len(_SUFFIX) - 25] == family:
            path.unlink(missing_ok=True)
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((stat.st_mtime, stat.st_size, path))
    entries.sort(reverse=True)  # newest first: kept
    total = 0
    for number, (_, size, path) in enumerate(entries):
        total += size
        if path != kept and (number >= MAX_ENTRIES or total > MAX_BYTES):
            path.unlink(missing_ok=True)


_MISSING = object()


def cached(
    kind: str, sources: Iterable[str | os.PathLike], build: Callable[[], T], *, extra=()
) -> T:
    """Return ``build()``, read from the disk cache when its inputs are unchanged.

    Parameters
    ----------
    kind : str
        What is built (``"dictionary"``, ``"actors"``, ``"vader"``): one file
        may be compiled into several kinds of object.
    sources : iterable of path-like
        Every file the build reads; their content is part of the key.
    build : callable
        Builds the object; called when there is no valid entry. Its errors
        propagate (nothing is stored).
    extra : optional
        Anything else the result depends on, by its ``repr``.

    Returns
    -------
    object
        The built object, or an equal copy read from the cache.
    """
    if not enabled():
        return build()
    paths = [Path(source) for source in sources]
    try:
        key = _key(kind, paths, extra)
    except OSError:  # a source cannot be read: let the build report it
        return build()
    path = _entry_path(kind, paths, key)
    value = _read(path, key)
    if value is _MISSING:
        value = build()
        _write(path, key, value)
    return value


def clear() -> int:
    """Remove every entry of the disk cache; return how many were removed.

    Never needed for correctness (a changed input gives a new key); it frees
    the space, or times a cold start.
    """
    removed = 0
    for path in CACHE_DIR.glob(f"*{_SUFFIX}") if CACHE_DIR.is_dir() else ():
        path.unlink(missing_ok=True)
        removed += 1
    return removed
