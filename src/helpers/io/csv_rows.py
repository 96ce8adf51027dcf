"""Read a CSV or TSV file into :class:`~helpers.io.chunk.Chunk` s with the csv module, as pandas would.

``score`` used to read its input with ``pd.read_csv(path, sep=..., dtype=str,
keep_default_na=False, encoding="utf-8-sig", index_col=False, chunksize=...)``,
and importing pandas was half the start-up time of a one-row run.
:func:`csv_chunks` reads the same cells with the standard library: the same
quoting (a doubled quote inside quotes, a quote inside an unquoted cell kept
as it is, text after a closing quote joined to the cell), line breaks inside
quoted cells kept as written, ``\\n`` or ``\\r\\n`` ends of lines, a byte-order
mark dropped, a row shorter than the header filled with empty cells, and the
lines pandas skips skipped: empty lines and lines of nothing but spaces and
tabs (tabs are the separator in TSV), unless quoted.

Where this reader cannot promise to read what pandas reads, it raises
:class:`NotAsPandas` before it hands over the chunk concerned, and the caller
reads the file from that chunk on with pandas (:mod:`helpers.io.tables`): a
file without a header, a header with an empty or a repeated name (pandas
renames them), a row with more fields than the header or a quote left open at
the end of the file (pandas' error), a line ending in a bare ``\\r`` (old Mac
files; pandas' reading of blank lines between them has quirks), a second
byte-order mark, a line that starts with spaces across the edge of one of
pandas' blocks of :data:`BLOCK_CHARS` characters, and anything the csv module
refuses.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from helpers.io.chunk import Chunk

#: Characters pandas' C parser reads at a time (its ``tokenize_chunksize``);
#: read in the same blocks, text that is not UTF-8 fails at the same point.
BLOCK_CHARS = 262_144
# Ends the lines handed to the csv module, the separator between its two
# halves: read as these two cells, unless the file ends inside a quoted cell,
# which then takes it whole (NUL and private-use characters, no quote).
_END = ("\x00\ue000end of", "file\ue001")
_BARE_CR = re.compile(r"\r(?!\n)")


class NotAsPandas(Exception):
    """The file holds something :func:`csv_chunks` does not read as pandas would."""


class _Lines:
    """The file's lines, each with its ``\\n`` or ``\\r\\n``, read in blocks as pandas reads it.

    Iterating yields the lines, then :data:`_END`; :meth:`line` returns a line
    by its number, for the lines of the block being read.
    """

    def __init__(self, handle, delimiter: str):
        self.handle, self.delimiter = handle, delimiter
        self.blanks = " " if delimiter == "\t" else " \t"  # pandas skips lines of them
        self.lines: list[str] = []
        self.before = 0  # lines yielded before self.lines[0]
        self.ended = False  # whether _END was yielded

    def __iter__(self):
        pending = ""
        first = True
        while True:
            block = self.handle.read(BLOCK_CHARS)
            if first and block.startswith("\ufeff"):
                raise NotAsPandas("a second byte-order mark")
            first = False
            if not block:
                break
            if pending and not pending.strip(self.blanks):
                raise NotAsPandas("a line starting with spaces across a block's edge")
            text = pending + block
            end = text.rfind("\n") + 1
            pending = text[end:]
            if end:
                yield from self._block(text[:end])
        if pending:
            yield from self._block(pending)
        self.ended = True
        yield self.delimiter.join(_END)

    def _block(self, text: str):
        """Yield the complete lines of ``text``, up to the first bare ``\\r``."""
        self.before += len(self.lines)
        lines = text.split("\n")
        if lines[-1]:  # the last line of the file, without an end
            last = lines.pop()
            lines = [line + "\n" for line in lines]
            lines.append(last)
        else:
            lines.pop()
            lines = [line + "\n" for line in lines]
        self.lines = lines
        bare = _BARE_CR.search(text)
        if bare is None:
            yield from lines
            return
        stop = text.count("\n", 0, bare.start())  # the line holding the bare \r
        yield from lines[:stop]
        raise NotAsPandas("a line ending in a bare carriage return")

    def line(self, number: int) -> str:
        """Line ``number`` (from 1, as ``csv.reader.line_num`` counts) of the current block."""
        return self.lines[number - 1 - self.before]


def _records(lines: _Lines):
    """Yield each row's fields as pandas reads them, skipping the lines pandas skips."""
    reader = csv.reader(lines, delimiter=lines.delimiter)
    blanks = lines.blanks
    end = list(_END)
    try:
        for fields in reader:
            if lines.ended:  # the record that holds _END
                if fields != end:
                    raise NotAsPandas("a quoted cell left open at the end of the file")
                return
            if len(fields) == 1:
                if not fields[0].strip(blanks) and '"' not in lines.line(reader.line_num):
                    continue  # a line of spaces and tabs
            elif not fields:
                continue
            yield fields
    except csv.Error as exc:
        raise NotAsPandas(str(exc)) from None


def _header(records) -> list[str]:
    """The header's names, refusing what pandas would rename."""
    columns = next(records, None)
    if columns is None:
        raise NotAsPandas("no header")  # pandas: "No columns to parse from file"
    if "" in columns or len(set(columns)) < len(columns):
        raise NotAsPandas("an empty or repeated name in the header")  # pandas renames them
    return columns


def csv_chunks(path: str | Path, delimiter: str = ",", chunk_rows: int | None = None):
    """Yield a CSV or TSV file's rows in chunks of ``chunk_rows`` (None: one chunk).

    The first chunk is yielded even when empty (a header without rows), so
    that its columns can be checked; the others never are.

    Raises
    ------
    NotAsPandas
        Before the first chunk that this reader may not read as pandas would.
    UnicodeDecodeError
        Text that is not UTF-8, where pandas would find it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "in.csv"
    >>> _ = path.write_text('\\ufeffid,text\\n1,"Talks, again"\\n\\n2\\n', encoding="utf-8")
    >>> [chunk.rows for chunk in csv_chunks(path, chunk_rows=1)]
    [[['1', 'Talks, again']], [['2', '']]]
    """
    limit = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)  # one cell may be far over the 131,072 default
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            records = _records(_Lines(handle, delimiter))
            columns = _header(records)
            width, done, rows = len(columns), 0, []
            for fields in records:
                if len(fields) != width:
                    if len(fields) > width:
                        raise NotAsPandas("a row with more fields than the header")
                    fields += [""] * (width - len(fields))
                rows.append(fields)
                if len(rows) == chunk_rows:
                    yield Chunk(columns, rows, done)
                    done, rows = done + len(rows), []
            if rows or not done:
                yield Chunk(columns, rows, done)
    finally:
        csv.field_size_limit(limit)
