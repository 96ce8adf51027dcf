"""Files in and out: one reader for every table, atomic writes.

* :func:`read_table` (in :mod:`helpers.io.tables`) reads every table the
  project takes from a user: the ``score`` input, gold standards, coding and
  question sheets; CSV and TSV also as :class:`Chunk` s read without pandas
  (:mod:`helpers.io.chunk`, :mod:`helpers.io.csv_rows`), as ``score`` reads them.
* :func:`atomic_path`, :func:`write_table_atomic`, :func:`write_text_atomic`
  (in :mod:`helpers.io.atomic`) are how every file is written, and
  :func:`sweep_stale_parts` removes the temporary files of killed runs.
"""

from helpers.io.atomic import atomic_path, sweep_stale_parts, write_table_atomic, write_text_atomic
from helpers.io.chunk import Chunk, column_cells, row_tuples, select_columns, split_rows
from helpers.io.tables import MAX_TEXT_CHARS, TABLE_FORMATS, read_table, table_format

__all__ = [
    "Chunk",
    "MAX_TEXT_CHARS",
    "TABLE_FORMATS",
    "atomic_path",
    "column_cells",
    "read_table",
    "row_tuples",
    "select_columns",
    "split_rows",
    "sweep_stale_parts",
    "table_format",
    "write_table_atomic",
    "write_text_atomic",
]
