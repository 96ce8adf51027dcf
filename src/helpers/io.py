"""Reading tables and writing files: one reader for every table, atomic writes.

* :func:`read_table` reads every table the project takes from a user (the
  ``score`` input, gold standards, coding and question sheets): CSV, TSV or
  JSON Lines, told apart by extension, with one set of checks and one wording
  of errors.
* Every table, report and figure is written to a temporary file in the target
  folder and renamed into place when complete (``os.replace`` is atomic on one
  file system), so an interrupted run leaves either the old file or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import InputError

#: Table formats, told apart by the file's extension.
TABLE_FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_SEPARATORS = {"csv": ",", "tsv": "\t"}


# -- reading tables -----------------------------------------------------------------


def table_format(path: str | os.PathLike, *, where: str = "table") -> str:
    """Return ``"csv"``, ``"tsv"`` or ``"jsonl"`` from a file name's extension.

    Examples
    --------
    >>> table_format("gold.TSV")
    'tsv'
    """
    kind = TABLE_FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise InputError(
            f"cannot tell the format of {Path(path).name!r} from its extension",
            where=where,
            fix=f"Use one of {', '.join(TABLE_FORMATS)}",
        )
    return kind


@dataclass(frozen=True)
class _Table:
    """What :func:`read_table` was asked for, handed to the readers of each format."""

    path: Path
    kind: str
    name: str
    required: Mapping[str, str]


def read_table(
    path: str | os.PathLike,
    *,
    required: Sequence[str] | Mapping[str, str] = (),
    chunk_rows: int | None = None,
    name: str = "table",
    format: str | None = None,
):
    """Read a CSV, TSV or JSON Lines table, checking it as it goes.

    CSV and TSV cells are read as strings (an empty cell is ``""``, never
    NaN). JSON Lines values keep their JSON types. Text is UTF-8, with or
    without a byte-order mark. Every problem is an :class:`InputError` that
    names the file (and the line, where there is one) and says what to do.

    Parameters
    ----------
    path : path-like
    required : sequence of str, or mapping of str to str
        Columns the table must have (in JSON Lines: every line). A mapping
        gives, for each column, what the error should suggest when it is
        missing (say, the option that names it).
    chunk_rows : int, optional
        Return an iterator of DataFrames of at most this many rows, so a long
        table is never held whole. Without it, return one DataFrame.
    name : str, default "table"
        What messages call the table ("input", "gold table", "coding sheet").
    format : {"csv", "tsv", "jsonl"}, optional
        The format, when the extension does not say it.

    Returns
    -------
    DataFrame, or iterator of DataFrame
        The iterator checks each chunk as it reads it, so an error can come
        from a late chunk: write nothing for good until it is exhausted.

    Raises
    ------
    InputError
        Missing or empty file, unknown extension, text that is not UTF-8, a
        line of JSON Lines that is not a JSON object, a missing required
        column, a header without rows.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.csv"
    >>> _ = path.write_text("text,label\\nTalks stall.,negative\\n", encoding="utf-8")
    >>> read_table(path, required=["text", "label"]).to_dict("records")
    [{'text': 'Talks stall.', 'label': 'negative'}]

    Read in chunks, telling the user which option names a missing column:

    >>> chunks = read_table(path, required={"body": "Name it with --text-column"}, chunk_rows=2)
    >>> next(chunks)
    Traceback (most recent call last):
    ...
    helpers.errors.InputError: no column 'body' in the table (...gold.csv). Name it with --text-column; columns are: text, label
    """
    path = Path(path)
    kind = format or table_format(path, where=name)
    if not path.is_file():
        raise InputError(f"{name} file not found: {path}", where=name, fix="Check the path")
    if path.stat().st_size == 0:
        raise InputError(
            f"{name} file is empty", where=str(path), fix="Give a file with a header and rows"
        )
    if not isinstance(required, Mapping):
        required = dict.fromkeys(required, "")
    table = _Table(path, kind, name, required)
    chunks = _checked(
        table,
        _jsonl_frames(table, chunk_rows) if kind == "jsonl" else _csv_frames(table, chunk_rows),
    )
    if chunk_rows is None:
        return next(chunks)
    return chunks


def _checked(table: _Table, frames):
    """Pass the frames through, turning the readers' errors into one-line ones."""
    import pandas as pd

    try:
        rows = 0
        for frame in frames:
            rows += len(frame)
            yield frame
        if not rows:
            empty = "has no rows" if table.kind == "jsonl" else "has a header but no rows"
            raise InputError(f"{table.name} file {empty}", where=str(table.path), fix="Add rows")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{table.name} is not UTF-8 text ({exc.reason} at byte {exc.start})",
            where=str(table.path),
            fix="Convert it, e.g. `iconv -f latin1 -t utf-8 IN > OUT`",
        ) from None
    except pd.errors.EmptyDataError:
        raise InputError(
            f"{table.name} file has no header or rows", where=str(table.path), fix="Give a table"
        ) from None
    except pd.errors.ParserError as exc:
        raise InputError(
            f"{table.name} is not a valid table: {exc}", where=str(table.path)
        ) from None


def _missing_columns(table: _Table, columns) -> None:
    missing = [c for c in table.required if c not in columns]
    if missing:
        fix = table.required[missing[0]]
        listed = f"columns are: {', '.join(map(str, columns))}"
        raise InputError(
            f"no column {', '.join(map(repr, missing))} in the {table.name}",
            where=str(table.path),
            fix=f"{fix}; {listed}" if fix else listed.capitalize(),
        )


def _csv_frames(table: _Table, chunk_rows: int | None):
    import pandas as pd

    frames = pd.read_csv(
        table.path,
        sep=_SEPARATORS[table.kind],
        chunksize=chunk_rows,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
    )
    if chunk_rows is None:
        frames = [frames]
    for number, frame in enumerate(frames):
        if number == 0:
            _missing_columns(table, frame.columns)
        if len(frame):
            yield frame


def _jsonl_frames(table: _Table, chunk_rows: int | None):
    import pandas as pd

    rows = []
    with open(table.path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            rows.append(_json_record(table, line, number))
            if chunk_rows and len(rows) >= chunk_rows:
                yield pd.DataFrame(rows)
                rows = []
    if rows:
        yield pd.DataFrame(rows)


def _json_record(table: _Table, line: str, number: int) -> dict:
    """One line of JSON Lines as a dict, with its required fields checked."""
    where = f"{table.path}, line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"line {number} is not valid JSON ({exc.msg})",
            where=where,
            fix="Fix or remove that line; no output was written",
        ) from None
    if not isinstance(record, dict):
        raise InputError(
            f"line {number} is not a JSON object", where=where, fix="Write one object per line"
        )
    for field, fix in table.required.items():
        if field not in record:
            listed = f"this line has: {', '.join(record)}"
            raise InputError(
                f"line {number} has no field {field!r}",
                where=where,
                fix=f"{fix}; {listed}" if fix else listed.capitalize(),
            )
    return record


# -- writing files ------------------------------------------------------------------


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
