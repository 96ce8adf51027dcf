"""The columns ``score`` reads besides the text: each row's id, its date and its target.

``--id-column NAME``
    The column that identifies each row (an article id, a sentence id). It
    must be filled in on every row, and it comes first in the output, so the
    scores join back to the researcher's data on it. It is not checked for
    uniqueness: ``score`` reads a table in chunks so that memory does not grow
    with its length, and remembering every id would undo that.
``--date-column NAME``
    Each row's date, ``YYYY-MM-DD`` (a time after it is ignored; an empty cell
    means "no date"). Leaders are resolved to the actor they led on that day,
    as the notebooks do with an article's ``published`` date: "Mark Rutte"
    is the Netherlands in 2020 and NATO in 2025. Without a date, a name
    shared across terms goes to the latest.

A bad cell stops the run before anything is written, naming the row as a
spreadsheet numbers it (the header is row 1).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from helpers.errors import InputError
from helpers.io.chunk import column_cells, select_columns

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?")


def check_date(value: Any, *, where: str = "date") -> str | None:
    """Return a date cell as ``YYYY-MM-DD``, or None for an empty one.

    Raises
    ------
    InputError
        If the cell holds anything but an ISO date.

    Examples
    --------
    >>> check_date("2022-03-22"), check_date("2022-03-22T10:00:00Z"), check_date(""), check_date(None)
    ('2022-03-22', '2022-03-22', None, None)
    >>> check_date("22/03/2022", where="input.csv, row 2")
    Traceback (most recent call last):
    ...
    helpers.errors.InputError: date '22/03/2022' is not an ISO date (input.csv, row 2). Write dates as YYYY-MM-DD, or leave the cell empty
    """
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value.strip() if isinstance(value, str) else None
    if text == "":
        return None
    match = _DATE.fullmatch(text) if text is not None else None
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:  # 2022-02-30
            pass
    raise InputError(
        f"date {value!r} is not an ISO date",
        where=where,
        fix="Write dates as YYYY-MM-DD, or leave the cell empty",
    )


def _where(source, chunk, position: int) -> str:
    """``input.csv, row 7``: the row as a spreadsheet numbers it (the header is row 1)."""
    return f"{source}, row {int(chunk.index[position]) + 2}"


def checked_chunk(chunk, source, *, id_column: str | None, date_column: str | None):
    """Check a chunk's ids and dates; return it with the id column first.

    Raises
    ------
    InputError
        An empty id, or a date that is not an ISO date, naming its row.
    """
    if date_column is not None:
        for position, value in enumerate(column_cells(chunk, date_column)):
            check_date(value, where=_where(source, chunk, position))
    if id_column is None:
        return chunk
    for position, value in enumerate(column_cells(chunk, id_column)):
        if value is None or str(value).strip() == "" or value != value:
            raise InputError(
                f"empty id in column {id_column!r}",
                where=_where(source, chunk, position),
                fix="Give every row an id, or leave out --id-column",
            )
    return select_columns(chunk, [id_column, *(c for c in chunk.columns if c != id_column)])


def chunk_dates(chunk, date_column: str | None) -> list[str | None] | None:
    """Each row's date as ``YYYY-MM-DD`` or None; None when no date column is named."""
    if date_column is None:
        return None
    return [check_date(value) for value in column_cells(chunk, date_column)]


def add_column_arguments(parser) -> None:
    """The ``--id-column`` and ``--date-column`` options of ``score``."""
    parser.add_argument(
        "--id-column",
        metavar="NAME",
        help="column identifying each row; it must be filled in every row and comes first "
        "in the output",
    )
    parser.add_argument(
        "--date-column",
        metavar="NAME",
        help="column with each row's date (YYYY-MM-DD; empty: no date): leaders are resolved "
        "to what they led on that day, as notebooks do with an article's date",
    )


def numbered(chunks):
    """Pass chunks through with their index set to the rows' numbers in the file (0-based)."""
    done = 0
    for chunk in chunks:
        chunk.index = range(done, done + len(chunk))
        done += len(chunk)
        yield chunk


def check_target_columns(first, targets, source) -> None:
    """Refuse an input without the columns the target options name (before anything is written)."""
    for column in targets.input_columns():
        if column not in first.columns:
            raise InputError(
                f"no column {column!r} in the input",
                where=str(source),
                fix="Name the target's column with --target-column (offsets: "
                "--target-start-column, --target-end-column); columns are: "
                + ", ".join(map(str, first.columns)),
            )
