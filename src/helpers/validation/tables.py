"""Reading the tables validation works on: coding sheets and gold-standard files.

Every table validation reads goes through this file: a coding sheet through
:func:`read_sheet_table`, a gold table through :func:`read_gold` (the reader
of ``score``, in chunks).
"""

from __future__ import annotations

from pathlib import Path

from helpers.errors import InputError


def read_sheet_table(path):
    """Read a coding sheet (CSV, UTF-8) as strings, empty cells as empty strings.

    Raises
    ------
    InputError
        Missing file, not UTF-8, empty, or not a valid CSV table.
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"coding sheet not found: {path}", where="sheet", fix="Check the path")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"coding sheet is not UTF-8 text ({exc.reason} at byte {exc.start})",
            where=str(path),
            fix="Save it from the spreadsheet as 'CSV UTF-8'",
        ) from None
    except pd.errors.EmptyDataError:
        raise InputError(
            "coding sheet is empty", where=str(path), fix="Write one with `codesheet`"
        ) from None
    except pd.errors.ParserError as exc:
        raise InputError(f"coding sheet is not a valid CSV table: {exc}", where=str(path)) from None


def read_gold(path, text_column: str = "text", label_column: str = "label", chunk_rows=None):
    """Read a gold-standard table (CSV, TSV or JSON Lines) in chunks, with the ``score`` reader.

    Returns a generator of DataFrames, so a large gold file is never held in
    memory as a whole (:func:`helpers.validation.validate` keeps only the labels).

    Raises
    ------
    InputError
        As :func:`helpers.score.read_chunks` (missing file or column, empty,
        not UTF-8, a bad JSON line), or when ``label_column`` is missing.
    """
    from helpers.score import CHUNK_ROWS, read_chunks

    for chunk in read_chunks(path, text_column, chunk_rows or CHUNK_ROWS):
        if label_column not in chunk.columns:
            raise InputError(
                f"no column {label_column!r} in the gold table",
                where=str(path),
                fix="Name the label column with --label-column; columns are: "
                + ", ".join(map(str, chunk.columns)),
            )
        yield chunk
