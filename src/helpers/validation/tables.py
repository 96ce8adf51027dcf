"""Reading the tables validation works on: coding sheets and gold-standard files.

Both go through the project's one table reader, :func:`helpers.io.read_table`,
so they are refused for the same reasons and in the same words as the input
of ``score``: UTF-16, UTF-32 and Windows-1252 files named with the command
that converts them, a row with more cells than the header (which would
otherwise shift its values into the wrong columns), a missing column, an
empty file.
"""

from __future__ import annotations

from helpers.io import read_table


def read_sheet_table(path, required=()):
    """Read a coding sheet (CSV, UTF-8) as strings, empty cells as empty strings.

    ``required`` names the columns it must have (a mapping: with what to do
    when one is missing), as :func:`helpers.io.read_table` takes them.

    Raises
    ------
    InputError
        Whatever :func:`helpers.io.read_table` refuses.
    """
    return read_table(path, required=required, name="coding sheet", format="csv", max_chars=None)


def read_gold(path, text_column: str = "text", label_column: str = "label", chunk_rows=None):
    """Read a gold-standard table (CSV, TSV or JSON Lines) in chunks.

    Returns an iterator of DataFrames, so a large gold file is never held in
    memory as a whole (:func:`helpers.validation.validate` keeps only the
    labels). The text column is read as ``score`` reads it (the same limit on
    a cell's length), since the tool scores it.

    Raises
    ------
    InputError
        Whatever :func:`helpers.io.read_table` refuses, a missing text or
        label column among them.
    """
    from helpers.score import CHUNK_ROWS, MAX_UNIT_CHARS

    return read_table(
        path,
        required={
            text_column: "Name the text column with --text-column",
            label_column: "Name the label column with --label-column",
        },
        text_columns=(text_column,),
        max_chars=MAX_UNIT_CHARS["sentence"],
        too_long_fix="Split the text into sentences, or shorten it",
        chunk_rows=chunk_rows or CHUNK_ROWS,
        name="gold table",
    )
