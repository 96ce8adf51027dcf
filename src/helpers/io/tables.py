"""Reading every table a user gives: CSV, TSV or JSON Lines, with one set of checks.

:func:`read_table` reads the ``score`` input, gold standards, coding and
question sheets, told apart by extension, with one wording of errors, each
naming the file and, where there is one, the line. Refused: a missing or empty
file, an unknown extension, text that is not UTF-8 (with or without a
byte-order mark; UTF-16 and UTF-32, with a mark or looking like them without
one, are named with the ``iconv`` command that converts them), a line of JSON
Lines that is not a JSON object, a row with more fields than the header
(pandas would shift it into an index; a row with fewer gets empty cells), a
missing required column, a text value that is an object, a list or too long,
a header without rows.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import sys
import warnings
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from helpers.errors import InputError
from helpers.io.chunk import Chunk, column_cells

#: Table formats, told apart by the file's extension.
TABLE_FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: The most characters :func:`read_table` accepts in one text cell by default.
MAX_TEXT_CHARS = 1_000_000
_SEPARATORS = {"csv": ",", "tsv": "\t"}
# Byte-order marks of encodings other than UTF-8; UTF-32-LE's begins with UTF-16-LE's.
_OTHER_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_CONVERT = (
    "Convert it to UTF-8, e.g. `iconv -f cp1252 -t utf-8 IN > OUT` for Windows text "
    "(`-f latin1` for Latin-1), or save it from the spreadsheet as 'CSV UTF-8'"
)


#: Spreadsheet files, refused by name rather than as "cannot tell the format".
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")


def table_format(path: str | os.PathLike, *, where: str = "table") -> str:
    """Return ``"csv"``, ``"tsv"`` or ``"jsonl"`` from a file name's extension.

    Examples
    --------
    >>> table_format("gold.TSV")
    'tsv'
    """
    suffix = Path(path).suffix.lower()
    kind = TABLE_FORMATS.get(suffix)
    if suffix in SPREADSHEET_SUFFIXES:
        raise InputError(
            f"spreadsheet files ({suffix}) are not supported: {Path(path).name!r}",
            where=where,
            fix="Save the sheet as 'CSV UTF-8' (File > Save As) and use that file; tables are "
            "read and written as " + ", ".join(TABLE_FORMATS),
        )
    if kind is None:
        raise InputError(
            f"cannot tell the format of {Path(path).name!r} from its extension",
            where=where,
            fix=f"Use one of {', '.join(TABLE_FORMATS)}",
        )
    return kind


class _Table:
    """What :func:`read_table` was asked for, handed to the readers of each format.

    A plain class: ``dataclasses`` would add to the start-up of every command.
    """

    __slots__ = ("path", "kind", "name", "required", "text_columns", "max_chars", "too_long_fix")

    def __init__(self, path: Path, kind: str, name: str, required: Mapping[str, str], **limits):
        self.path, self.kind, self.name, self.required = path, kind, name, required
        self.text_columns: tuple[str, ...] = tuple(limits["text_columns"])
        self.max_chars: int | None = limits["max_chars"]
        self.too_long_fix: str = limits["too_long_fix"]


def read_table(
    path: str | os.PathLike,
    *,
    required: Sequence[str] | Mapping[str, str] = (),
    text_columns: Sequence[str] = (),
    max_chars: int | None = MAX_TEXT_CHARS,
    too_long_fix: str = "Split the text into several rows",
    chunk_rows: int | None = None,
    name: str = "table",
    format: str | None = None,
    frames: bool = True,
):
    """Read a CSV, TSV or JSON Lines table, checking it as it goes.

    CSV and TSV cells are strings (an empty or missing cell is ``""``); JSON
    Lines values keep their JSON types, except in ``text_columns``. Every
    problem (see the module's docstring) is an :class:`~helpers.errors.InputError`.

    Parameters
    ----------
    path : path-like
    required : sequence of str, or mapping of str to str
        Columns the table must have (in JSON Lines: every line). A mapping
        gives, for each column, what the error should suggest when it is
        missing (say, the option that names it).
    text_columns : sequence of str
        Columns holding text to analyse. In JSON Lines their values must be
        strings, numbers, booleans or null: null becomes ``""``, a number or
        boolean its JSON text (``5``, ``1.5``, ``true``), an object or a list
        is refused. A cell longer than ``max_chars`` is refused.
    max_chars, too_long_fix : int or None, str
        The most characters a cell of ``text_columns`` may hold (None: no
        limit; default :data:`MAX_TEXT_CHARS`), and what the error suggests.
    chunk_rows : int, optional
        Return an iterator of DataFrames of at most this many rows, so a long
        table is never held whole. Without it, return one DataFrame.
    name : str, default "table"
        What messages call the table ("input", "gold table", "coding sheet").
    format : {"csv", "tsv", "jsonl"}, optional
        When the extension does not say it.
    frames : bool, default True
        False: CSV and TSV as :class:`~helpers.io.chunk.Chunk` s, the same cells read without pandas.

    Returns
    -------
    DataFrame, or iterator of DataFrame (or of Chunk, see ``frames``)
        The file is checked when this is called, the rows as they are read:
        with ``chunk_rows`` an error can come from a late chunk, so write
        nothing for good until the iterator is exhausted.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.csv"
    >>> _ = path.write_text("text,label\\nTalks stall.,negative\\n", encoding="utf-8")
    >>> read_table(path, required=["text", "label"], name="gold table").to_dict("records")
    [{'text': 'Talks stall.', 'label': 'negative'}]

    A missing column, with what to do (in chunks, its error comes with the first):

    >>> read_table(path, required={"body": "Name it with --text-column"})
    Traceback (most recent call last):
    ...
    helpers.errors.InputError: no column 'body' in the table (...gold.csv). Name it with --text-column; columns are: text, label

    >>> _ = path.write_text("text,label\\nTalks stall, Tokyo says.,negative\\n", encoding="utf-8")
    >>> read_table(path)
    Traceback (most recent call last):
    ...
    helpers.errors.InputError: line 2 has 3 fields but the header has 2 (...gold.csv, line 2). ...
    """
    path = Path(path)
    kind = format or table_format(path, where=name)
    _check_file(path, name)
    required = required if isinstance(required, Mapping) else dict.fromkeys(required, "")
    limits = {"text_columns": text_columns, "max_chars": max_chars, "too_long_fix": too_long_fix}
    table = _Table(path, kind, name, required, **limits)
    reader = _jsonl_frames if kind == "jsonl" else _csv_frames if frames else _csv_chunks
    chunks = _checked(table, reader(table, chunk_rows))
    return next(chunks) if chunk_rows is None else chunks


def _check_file(path: Path, name: str) -> None:
    """Refuse a missing or empty file, and text in an encoding other than UTF-8 from its start."""
    if not path.is_file():
        raise InputError(f"{name} not found", where=str(path), fix="Check the path")
    with open(path, "rb") as handle:
        start = handle.read(1 << 16)
    if not start:
        raise InputError(
            f"{name} is empty", where=str(path), fix="Give a file with a header and rows"
        )
    for bom, label in _OTHER_BOMS:
        if start.startswith(bom):
            raise InputError(
                f"{name} is {label} text, not UTF-8",
                where=str(path),
                fix=f"Convert it: `iconv -f {label} -t UTF-8 IN > OUT`, or save it from the "
                "spreadsheet as 'CSV UTF-8'",
            )
    if _every_other_byte_nul(start):
        raise InputError(
            f"{name} is not UTF-8: it looks like UTF-16 or UTF-32 text without a "
            "byte-order mark (every other byte is NUL)",
            where=str(path),
            fix="Convert it, e.g. `iconv -f UTF-16LE -t UTF-8 IN > OUT`, or save it from the "
            "spreadsheet as 'CSV UTF-8'",
        )


def _every_other_byte_nul(start: bytes) -> bool:
    """Whether the bytes look like UTF-16 or UTF-32 text (mostly ASCII) without a mark.

    One NUL is not enough: a UTF-8 cell may hold the character U+0000.
    """
    if len(start) < 8:
        return False
    even, odd = start[0::2], start[1::2]
    return even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd)


def _checked(table: _Table, frames):
    """Pass the frames through, turning the readers' errors into one-line ones."""
    try:
        rows = 0
        for frame in frames:
            rows += len(frame)
            yield frame
        if not rows:
            empty = "has no rows" if table.kind == "jsonl" else "has a header but no rows"
            raise InputError(f"{table.name} {empty}", where=str(table.path), fix="Add rows")
    except UnicodeDecodeError as exc:
        raise _not_utf8(table, exc) from None
    except Exception as exc:
        error = _pandas_error(table, exc)
        if error is None:
            raise
        raise error from None


def _pandas_error(table: _Table, exc: Exception) -> InputError | None:
    """The one-line error for an error of pandas' reader; None for any other.

    Only pandas raises them, so pandas is not imported to tell them apart.
    """
    pd = sys.modules.get("pandas")
    if pd is None:
        return None
    if isinstance(exc, pd.errors.EmptyDataError):
        return InputError(
            f"{table.name} has no header or rows", where=str(table.path), fix="Give a table"
        )
    if isinstance(exc, pd.errors.ParserError | pd.errors.ParserWarning):
        return _extra_fields(table) or InputError(
            f"{table.name} is not a valid table: {str(exc).strip()}", where=str(table.path)
        )
    return None


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


def _too_long(table: _Table, column: str, length: int, where: str) -> InputError:
    return InputError(
        f"the text in column {column!r} has {length:,} characters, over the limit "
        f"of {table.max_chars:,}",
        where=where,
        fix=table.too_long_fix,
    )


# -- CSV and TSV ----------------------------------------------------------------------


@contextmanager
def _extra_fields_raise():
    """Make pandas' warning about a first row longer than the header an exception.

    With ``index_col=False`` pandas no longer takes extra leading fields as an
    index; it drops the extra fields instead, with this warning.
    """
    import pandas as pd

    with warnings.catch_warnings():
        warnings.filterwarnings("error", "Length of header", category=pd.errors.ParserWarning)
        yield


def _csv_frames(table: _Table, chunk_rows: int | None):
    import pandas as pd

    with _extra_fields_raise():
        reader = pd.read_csv(
            table.path,
            sep=_SEPARATORS[table.kind],
            chunksize=chunk_rows,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            index_col=False,
        )
    frames = iter([reader]) if chunk_rows is None else reader
    try:
        first_record = 1  # the header is record 0
        while True:
            with _extra_fields_raise():
                frame = next(frames, None)
            if frame is None:
                return
            if first_record == 1:
                _missing_columns(table, frame.columns)
            _check_lengths(table, frame, first_record)
            first_record += len(frame)
            if len(frame):
                yield frame
    finally:
        if chunk_rows is not None:
            reader.close()


def _csv_chunks(table: _Table, chunk_rows: int | None):
    """Read CSV or TSV as :class:`Chunk` s with the csv module, checked as :func:`_csv_frames` does.

    From the first chunk the csv module may not read as pandas would
    (:class:`~helpers.io.csv_rows.NotAsPandas`) on, pandas reads the file
    (and raises its errors), its frames turned into chunks.
    """
    from helpers.io.csv_rows import NotAsPandas, csv_chunks

    done = 0  # chunks with rows handed over
    try:
        for chunk in csv_chunks(table.path, _SEPARATORS[table.kind], chunk_rows):
            if not done:
                _missing_columns(table, chunk.columns)
            _check_lengths(table, chunk, chunk.index.start + 1)
            if len(chunk):
                done += 1
                yield chunk
    except NotAsPandas:
        for number, frame in enumerate(_csv_frames(table, chunk_rows)):
            if number >= done:
                yield Chunk.from_frame(frame)


def _check_lengths(table: _Table, frame, first_record: int) -> None:
    """Refuse a text cell longer than ``table.max_chars``, naming its row, column and line."""
    if table.max_chars is None:
        return
    for column in table.text_columns:
        if column not in frame.columns:
            continue
        for position, text in enumerate(column_cells(frame, column)):
            if len(text) > table.max_chars:
                record = first_record + position
                row = f"row {record + 1}"  # as a spreadsheet numbers it, the header row 1
                line = _line_of_record(table, record)
                if line is not None and line != record + 1:
                    row += f", line {line}"
                raise _too_long(table, column, len(text), f"{table.path}, {row}")


def _records(table: _Table):
    """Yield ``(first line, fields)`` of each record as the csv module reads the file.

    Used only to word errors (pandas reads the rows): blank lines are skipped
    as pandas skips them, so record numbers agree.
    """
    limit = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)  # one cell may be far over the 131,072 default
    try:
        with open(table.path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=_SEPARATORS[table.kind])
            end = 0
            for fields in reader:
                if fields:
                    yield end + 1, fields
                end = reader.line_num
    finally:
        csv.field_size_limit(limit)


def _line_of_record(table: _Table, record: int) -> int | None:
    for number, (line, _) in enumerate(_records(table)):
        if number == record:
            return line
    return None


def _extra_fields(table: _Table) -> InputError | None:
    """The error for the first row with more fields than the header, if there is one."""
    if table.kind == "jsonl":
        return None
    width = None
    try:
        for line, fields in _records(table):
            if width is None:
                width = len(fields)
            elif len(fields) > width:
                return InputError(
                    f"line {line} has {len(fields)} fields but the header has {width}",
                    where=f"{table.path}, line {line}",
                    fix="Quote cells that hold the separator, or remove the extra fields "
                    "(a trailing separator counts as one); nothing was written",
                )
    except (csv.Error, UnicodeDecodeError):
        return None
    return None


def _not_utf8(table: _Table, exc: UnicodeDecodeError) -> InputError:
    """Name the first byte of the file that is not UTF-8, with its line.

    A file that reads as Windows-1252 (what Excel's plain "CSV" writes) is
    named as such, with the command that converts it.
    """
    found = _first_bad_byte(table.path)
    if found is None:  # the reader's own offset, relative to a buffer
        what, where = f"{exc.reason} at byte {exc.start}", str(table.path)
    else:
        offset, line, value = found
        what = f"byte 0x{value:02x} on line {line} (byte {offset}) cannot be decoded"
        where = f"{table.path}, line {line}"
    if _reads_as_windows_1252(table.path):
        what += "; it reads as Windows-1252, Excel's plain 'CSV'"
        fix = (
            "Save it from the spreadsheet as 'CSV UTF-8', or convert it: "
            "`iconv -f WINDOWS-1252 -t UTF-8 IN > OUT`"
        )
    else:
        fix = _CONVERT
    return InputError(f"{table.name} is not UTF-8 text: {what}", where=where, fix=fix)


def _reads_as_windows_1252(path: Path) -> bool:
    """Whether the whole file decodes as Windows-1252 (five bytes never do)."""
    decoder = codecs.getincrementaldecoder("cp1252")()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(block)
    except UnicodeDecodeError:
        return False
    return True


def _first_bad_byte(path: Path) -> tuple[int, int, int] | None:
    """Return ``(offset, line, byte)`` of the first byte that is not UTF-8, or None."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, newlines = 0, 0  # where the next block starts; newlines before it
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            pending = decoder.getstate()[0]  # an unfinished character from the last block
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                data = pending + block
                line = newlines + data[: exc.start].count(b"\n") + 1
                return offset - len(pending) + exc.start, line, data[exc.start]
            offset += len(block)
            newlines += block.count(b"\n")
    return None


# -- JSON Lines -------------------------------------------------------------------------


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
    """One line of JSON Lines as a dict, its required fields and text values checked."""
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
    for field in table.text_columns:
        if field in record:
            record[field] = _json_text(table, record[field], field, where)
    return record


def _json_text(table: _Table, value, field: str, where: str) -> str:
    """A JSON value as the text to analyse: null is empty, a number or boolean its JSON text."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        kind = "an object" if isinstance(value, dict) else "a list"
        raise InputError(
            f"field {field!r} holds {kind}, not text",
            where=where,
            fix="Give the text as a JSON string (join a list of sentences first)",
        )
    text = value if isinstance(value, str) else json.dumps(value)
    if table.max_chars is not None and len(text) > table.max_chars:
        raise _too_long(table, field, len(text), where)
    return text
