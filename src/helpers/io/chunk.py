"""A chunk of a CSV or TSV table's rows, every cell a string, without pandas.

``score`` reads its CSV and TSV input in chunks of :class:`Chunk` (see
:func:`helpers.io.read_table` with ``frames=False``): what a chunk needs to
offer there is its column names, a column's cells, its row count and the
rows' numbers in the file, and none of that needs pandas, whose import is half
the start-up time of a one-row ``score``. The functions below take a
:class:`Chunk` or a pandas DataFrame, so the code that reads a chunk works
with both (JSON Lines and documents are still read as DataFrames).
"""

from __future__ import annotations

from collections.abc import Sequence


class Chunk:
    """Rows of a table, each a list with one string per column.

    Attributes
    ----------
    columns : list of str
        The header's names, in order.
    rows : list of list of str
        One list per row, as long as ``columns``.
    index : range
        The rows' numbers in the file, from 0 for the first row after the
        header (blank lines are not rows): what a DataFrame chunk's index
        holds. Error messages name row ``index[i] + 2``, as a spreadsheet
        numbers it.

    Examples
    --------
    >>> chunk = Chunk(["id", "text"], [["1", "Talks resume."], ["2", ""]], first_row=5)
    >>> len(chunk), chunk.columns, chunk.column("text"), list(chunk.index)
    (2, ['id', 'text'], ['Talks resume.', ''], [5, 6])
    >>> chunk.select(["text", "id"]).rows
    [['Talks resume.', '1'], ['', '2']]
    """

    __slots__ = ("columns", "rows", "index")

    def __init__(self, columns: Sequence[str], rows: list[list[str]], first_row: int = 0):
        self.columns = list(columns)
        self.rows = rows
        self.index = range(first_row, first_row + len(rows))

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        rows = f"rows {self.index.start} to {self.index.stop - 1}" if self.rows else "no rows"
        return f"Chunk(columns={self.columns!r}, {rows})"

    def column(self, name: str) -> list[str]:
        """The cells of the column ``name`` (the first of that name), top to bottom."""
        try:
            position = self.columns.index(name)
        except ValueError:
            raise KeyError(name) from None
        return [row[position] for row in self.rows]

    def select(self, names: Sequence[str]) -> Chunk:
        """A chunk of the same rows with only the columns ``names``, in that order."""
        positions = [self.columns.index(name) for name in names]
        rows = [[row[p] for p in positions] for row in self.rows]
        return Chunk(names, rows, self.index.start)

    @classmethod
    def from_frame(cls, frame) -> Chunk:
        """The chunk of a DataFrame whose cells are all strings (``dtype=str``)."""
        first_row = int(frame.index[0]) if len(frame) else 0
        rows = [list(row) for row in frame.itertuples(index=False, name=None)]
        return cls([str(c) for c in frame.columns], rows, first_row)


def column_cells(chunk, name: str) -> list:
    """The cells of column ``name`` of a :class:`Chunk` or a DataFrame, as a list.

    Examples
    --------
    >>> column_cells(Chunk(["text"], [["Talks resume."]]), "text")
    ['Talks resume.']
    """
    if isinstance(chunk, Chunk):
        return chunk.column(name)
    return chunk[name].tolist()


def select_columns(chunk, names: Sequence[str]):
    """A :class:`Chunk` or a DataFrame with only the columns ``names``, in that order.

    Examples
    --------
    >>> select_columns(Chunk(["a", "b"], [["1", "2"]]), ["b", "a"]).rows
    [['2', '1']]
    """
    if isinstance(chunk, Chunk):
        return chunk.select(names)
    return chunk[list(names)]


def row_tuples(chunk):
    """The rows of a :class:`Chunk` or a DataFrame, each a sequence of its cells.

    Examples
    --------
    >>> list(row_tuples(Chunk(["a", "b"], [["1", "2"]])))
    [['1', '2']]
    """
    if isinstance(chunk, Chunk):
        return iter(chunk.rows)
    return zip(*(chunk[column].tolist() for column in chunk.columns), strict=True)


def split_rows(chunk, pieces: int) -> list:
    """A :class:`Chunk` or a DataFrame cut into ``pieces`` runs of rows, in order, of nearly
    equal length (fewer when it has fewer rows); each keeps its rows' numbers in the file.

    Examples
    --------
    >>> parts = split_rows(Chunk(["text"], [["a"], ["b"], ["c"]], first_row=7), 2)
    >>> [(p.rows, list(p.index)) for p in parts]
    [([['a']], [7]), ([['b'], ['c']], [8, 9])]
    """
    n = len(chunk)
    pieces = max(1, min(pieces, n))
    bounds = [n * k // pieces for k in range(pieces + 1)]
    spans = list(zip(bounds[:-1], bounds[1:], strict=True))
    if isinstance(chunk, Chunk):
        first = chunk.index.start
        return [Chunk(chunk.columns, chunk.rows[a:b], first + a) for a, b in spans]
    return [chunk.iloc[a:b] for a, b in spans]
