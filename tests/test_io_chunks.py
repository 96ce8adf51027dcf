"""CSV and TSV read without pandas (issue 20): the same cells, rows and errors as pandas.

``score`` reads its CSV and TSV input with :func:`helpers.io.csv_rows.csv_chunks`
(``read_table(..., frames=False)``); everything here compares it with
``pd.read_csv(..., dtype=str, keep_default_na=False, encoding="utf-8-sig",
index_col=False)``, which it replaces, and with ``read_table``'s pandas path.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.errors import InputError
from helpers.io import Chunk, read_table
from helpers.io.csv_rows import BLOCK_CHARS, NotAsPandas, csv_chunks

SEPARATORS = {".csv": ",", ".tsv": "\t"}


def pandas_chunks(path, sep: str, chunk_rows):
    """``(columns, rows, row numbers)`` of each chunk pandas reads; its warnings raise."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reader = pd.read_csv(
            path,
            sep=sep,
            chunksize=chunk_rows,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            index_col=False,
        )
        frames = [reader] if chunk_rows is None else list(reader)
    return [
        (list(f.columns), f.values.tolist(), list(f.index))
        for f in frames
        if len(f) or chunk_rows is None
    ]


def stdlib_chunks(path, sep: str, chunk_rows):
    """The same from :func:`csv_chunks` (which yields a header-only table's empty chunk)."""
    chunks = [(c.columns, c.rows, list(c.index)) for c in csv_chunks(path, sep, chunk_rows)]
    return chunks if chunk_rows is None else [c for c in chunks if c[1]]


def read_both(path, **options):
    """What ``read_table`` returns (cells as lists), or its error's text, with and without pandas."""
    results = []
    for frames in (True, False):
        try:
            chunks = read_table(path, frames=frames, **options)
            if "chunk_rows" not in options:
                chunks = [chunks]
            results.append([(list(c.columns), _rows(c), list(c.index)) for c in chunks])
        except InputError as exc:
            results.append(str(exc))
    return results


def _rows(chunk) -> list:
    return chunk.rows if isinstance(chunk, Chunk) else chunk.values.tolist()


# Awkward pieces of CSV: separators, quotes, ends of lines (a lone \r too), spaces and
# tabs, a byte-order mark, NUL, text.
PIECES = st.sampled_from(
    ["a", "b", "é", " ", ",", ",", "\t", '"', '"', "\n", "\n", "\r\n", "\r", "\ufeff", "\x00"]
)
CSV_TEXT = st.lists(PIECES, max_size=50).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(CSV_TEXT, st.sampled_from([".csv", ".tsv"]), st.sampled_from([None, 1, 2, 3]))
def test_the_csv_module_reads_the_cells_pandas_reads(tmp_path, text, suffix, chunk_rows):
    """Whenever pandas accepts a file, csv_chunks reads the same cells in the same chunks,
    or says that it cannot (and pandas takes over); whenever pandas refuses it, so does it."""
    path = tmp_path / f"in{suffix}"
    path.write_bytes(text.encode("utf-8"))
    sep = SEPARATORS[suffix]
    try:
        expected = pandas_chunks(path, sep, chunk_rows)
    except (pd.errors.ParserError, pd.errors.ParserWarning, pd.errors.EmptyDataError):
        with pytest.raises(NotAsPandas):
            stdlib_chunks(path, sep, chunk_rows)
        return
    try:
        got = stdlib_chunks(path, sep, chunk_rows)
    except NotAsPandas:
        return
    assert got == expected


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(CSV_TEXT, st.sampled_from([".csv", ".tsv"]), st.sampled_from([None, 1, 2]))
def test_read_table_gives_the_same_with_and_without_pandas(tmp_path, text, suffix, chunk_rows):
    """The same cells, or the same error, word for word (pandas takes over where needed)."""
    path = tmp_path / f"in{suffix}"
    path.write_bytes(("a" + SEPARATORS[suffix] + text).encode("utf-8"))
    options = {"required": ["a"], "text_columns": ["a"], "max_chars": 3}
    if chunk_rows is not None:
        options["chunk_rows"] = chunk_rows
    with_pandas, without = read_both(path, **options)
    assert without == with_pandas


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("id,text\n1,plain\n", [["1", "plain"]]),
        ('id,text\n1,"a, ""quoted""\nline"\n', [["1", 'a, "quoted"\nline']]),
        ("\ufeffid,text\r\n1,x\r\n\r\n2,y\r\n", [["1", "x"], ["2", "y"]]),
        ("id,text\n1\n2,\n", [["1", ""], ["2", ""]]),  # short rows get empty cells
        ("id,text\n  \n\t\n1,x\n   ", [["1", "x"]]),  # lines of spaces and tabs are skipped
        ('id\n"  "\n', [["  "]]),  # unless quoted
        ('id,text\n1,"x"y\n2,x"y"\n', [["1", "xy"], ["2", 'x"y"']]),
        ("id,text\n 1 , x \n", [[" 1 ", " x "]]),
    ],
)
def test_awkward_but_valid_files_read_as_pandas_reads_them(tmp_path, text, rows):
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("utf-8"))
    assert stdlib_chunks(path, ",", None) == pandas_chunks(path, ",", None)
    assert stdlib_chunks(path, ",", None)[0][1] == rows


@pytest.mark.parametrize(
    "text",
    [
        "a,a\n1,2\n",  # pandas renames a repeated name: a, a.1
        "a,\n1,2\n",  # and an empty one: Unnamed: 1
        "a,b\r1,2\r\r,3\r",  # a lone \r: pandas drops the separator after a blank line
        "\ufeff\ufeffa,b\n1,2\n",  # pandas drops a second byte-order mark
    ],
)
def test_what_only_pandas_can_say_is_read_by_pandas(tmp_path, text):
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(NotAsPandas):
        stdlib_chunks(path, ",", None)
    with_pandas, without = read_both(path)
    assert without == with_pandas
    assert isinstance(read_table(path, frames=False), Chunk)


def test_pandas_takes_over_from_the_chunk_it_is_needed_for(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"a,b\n1,2\n3,4\n5,6\r7,8\n9,10\n")
    chunks = list(read_table(path, chunk_rows=2, frames=False))
    assert [c.rows for c in chunks] == [
        [["1", "2"], ["3", "4"]],
        [["5", "6"], ["7", "8"]],
        [["9", "10"]],
    ]
    assert [list(c.index) for c in chunks] == [[0, 1], [2, 3], [4]]


def test_a_line_of_spaces_across_the_edge_of_pandas_block_is_read_by_pandas(tmp_path):
    """pandas loses the spaces a line starts with before the edge of its block of text."""
    head = "text\n" + ("x" * 99 + "\n") * ((BLOCK_CHARS - 5) // 100)
    head += "z" * (BLOCK_CHARS - 3 - len(head)) + "\n"  # the block ends two characters on
    path = tmp_path / "in.csv"
    path.write_text(head + "    spaced\nlast\n", encoding="utf-8")
    assert pandas_chunks(path, ",", None)[0][1][-2:] == [["  spaced"], ["last"]]
    with pytest.raises(NotAsPandas):
        stdlib_chunks(path, ",", None)
    assert read_table(path, frames=False).rows[-2:] == [["  spaced"], ["last"]]


@pytest.mark.parametrize(
    "text",
    [
        b"",  # empty
        b"\n\n  \n",  # no header
        b"text\n",  # a header without rows
        b"id,body\n1,x\n",  # no text column
        b"id,text\n1,x\n2,y,z\n",  # a row with more fields than the header
        b"id,text\n1,x,\n",  # a first row with more fields than the header
        b'id,text\n1,"x\n',  # a quote left open
        b"id,text\n1,abcdef\n",  # a text over the limit
        b"id,text\n1,caf\xe9\n",  # Windows-1252
        b"id,text\n1,\x81\x8d\n",  # neither UTF-8 nor Windows-1252
        b"\xff\xfei\x00d\x00",  # UTF-16
    ],
)
@pytest.mark.parametrize("chunk_rows", [None, 1])
def test_bad_files_give_the_same_error_with_and_without_pandas(tmp_path, text, chunk_rows):
    path = tmp_path / "in.csv"
    path.write_bytes(text)
    options = {"required": ["text"], "text_columns": ["text"], "max_chars": 5}
    if chunk_rows:
        options["chunk_rows"] = chunk_rows
    with_pandas, without = read_both(path, **options)
    assert isinstance(with_pandas, str)
    assert without == with_pandas


def test_text_that_is_not_utf8_fails_in_the_same_block_as_with_pandas(tmp_path):
    """A bad byte far down the file is found where pandas finds it: after the first rows
    with a bad date, say, in a later block, not before."""
    path = tmp_path / "in.csv"
    rows = "".join(f"{i},row {i}\n" for i in range(60_000))
    path.write_bytes(b"id,text\n" + rows.encode() + b"1,caf\xe9\n")
    chunks = read_table(path, chunk_rows=2_000, frames=False)
    assert len(next(chunks)) == 2_000  # the first block is good
    with pytest.raises(InputError, match="Windows-1252"):
        list(chunks)
