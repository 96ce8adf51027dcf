"""Reading the tables validation works on: coding sheets and gold-standard files.

Every table validation reads goes through this file: a coding sheet through
:func:`read_sheet_table`, a gold table through :func:`read_gold` (the reader
of ``score``, in chunks). Both first refuse a file that is plainly UTF-16 or
UTF-32 (what "Unicode text" means to Excel), naming the encoding, since the
UTF-8 reader would fail on it with a message that says little, or would even
read it as a table of NUL characters.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from helpers.errors import InputError

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "Save it from the spreadsheet as 'CSV UTF-8'"


def wide_encoding(path) -> str | None:
    """Name the encoding of a UTF-16 or UTF-32 file, from its first bytes; else ``None``.

    A byte-order mark names it; without one, a NUL byte does (text tables have
    none in UTF-8, while every ASCII letter in UTF-16 comes with one).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_bytes("text\\nTalks\\n".encode("utf-16-le"))
    >>> wide_encoding(path)
    'UTF-16'
    >>> _ = path.write_text("text\\nTalks\\n", encoding="utf-8")
    >>> wide_encoding(path) is None
    True
    """
    with open(path, "rb") as handle:
        head = handle.read(4096)
    for mark, name in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return name
    return "UTF-16" if b"\x00" in head else None


def _refuse_wide_encoding(path: Path, what: str) -> None:
    name = wide_encoding(path)
    if name:
        raise InputError(
            f"{what} is {name} text, not UTF-8",
            where=str(path),
            fix=f"{_SAVE_AS_UTF8}, or convert it: iconv -f {name} -t UTF-8 IN > OUT",
        )


def _not_utf8(path: Path, error: UnicodeDecodeError, what: str) -> InputError:
    """The error for a file that is not UTF-8, naming Windows-1252 when it reads as that."""
    try:
        path.read_bytes().decode("cp1252")
    except UnicodeDecodeError:
        guess, source = "", "its encoding"
    else:
        guess, source = "; it reads as Windows-1252, Excel's plain 'CSV'", "WINDOWS-1252"
    return InputError(
        f"{what} is not UTF-8 text ({error.reason} at byte {error.start}){guess}",
        where=str(path),
        fix=f"{_SAVE_AS_UTF8}, or convert it: iconv -f {source} -t UTF-8 IN > OUT",
    )


def _one_line(text) -> str:
    return " ".join(str(text).split())


def read_sheet_table(path):
    """Read a coding sheet (CSV, UTF-8) as strings, empty cells as empty strings.

    Raises
    ------
    InputError
        Missing file, not UTF-8 (UTF-16 and Windows-1252 named), empty, not
        a valid CSV table, or a row with more cells than the header (which
        would otherwise shift that row's values into the wrong columns).
    """
    import warnings

    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"coding sheet not found: {path}", where="sheet", fix="Check the path")
    _refuse_wide_encoding(path, "coding sheet")
    try:
        with warnings.catch_warnings():
            # index_col=False: extra cells in a row are not taken for an index;
            # pandas warns that it drops them, and the warning is made an error
            warnings.simplefilter("error", pd.errors.ParserWarning)
            return pd.read_csv(
                path, dtype=str, keep_default_na=False, encoding="utf-8-sig", index_col=False
            )
    except UnicodeDecodeError as exc:
        raise _not_utf8(path, exc, "coding sheet") from None
    except pd.errors.EmptyDataError:
        raise InputError(
            "coding sheet is empty", where=str(path), fix="Write one with `codesheet`"
        ) from None
    except (pd.errors.ParserError, pd.errors.ParserWarning) as exc:
        raise _not_a_table(path, exc) from None


def _not_a_table(path: Path, error: Exception) -> InputError:
    """Name the first row with more cells than the header, else pass on the parser's complaint."""
    import csv

    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        rows = csv.reader(handle)
        width = len(next(rows, []))
        for number, row in enumerate(rows, start=2):
            if len(row) > width:
                return InputError(
                    f"row {number} of the coding sheet has more cells than the header "
                    f"({len(row)}, not {width})",
                    where=str(path),
                    fix="Put quotes around a text with a comma in it, or remove the extra cells",
                )
    return InputError(f"coding sheet is not a valid CSV table: {_one_line(error)}", where=str(path))


def read_gold(path, text_column: str = "text", label_column: str = "label", chunk_rows=None):
    """Read a gold-standard table (CSV, TSV or JSON Lines) in chunks, with the ``score`` reader.

    Returns a generator of DataFrames, so a large gold file is never held in
    memory as a whole (:func:`helpers.validation.validate` keeps only the labels).

    Raises
    ------
    InputError
        As :func:`helpers.score.read_chunks` (missing file or column, empty,
        not UTF-8, a bad JSON line), when the file is UTF-16 or UTF-32, or
        when ``label_column`` is missing.
    """
    from helpers.score import CHUNK_ROWS, read_chunks

    if Path(path).is_file():
        _refuse_wide_encoding(Path(path), "gold table")
    for chunk in read_chunks(path, text_column, chunk_rows or CHUNK_ROWS):
        if label_column not in chunk.columns:
            raise InputError(
                f"no column {label_column!r} in the gold table",
                where=str(path),
                fix="Name the label column with --label-column; columns are: "
                + ", ".join(map(str, chunk.columns)),
            )
        yield chunk
