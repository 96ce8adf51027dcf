"""helpers.io: the one table reader, atomic writes, and the sweep of stale temporary files."""

from __future__ import annotations

import codecs
import errno
import json
import os
import time

import pandas as pd
import pytest

from helpers import io
from helpers.errors import FileError, HelpersError, InputError
from helpers.io import atomic_path, read_table, sweep_stale_parts, write_text_atomic


def write(tmp_path, name, data):
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# -- read_table: what it returns ---------------------------------------------------------


def test_a_whole_table_or_chunks_with_the_same_rows(tmp_path):
    path = write(tmp_path, "t.csv", "id,text\n" + "".join(f"{i},row {i}\n" for i in range(7)))
    whole = read_table(path, required=["text"])
    assert whole["text"].tolist() == [f"row {i}" for i in range(7)]
    chunks = list(read_table(path, required=["text"], chunk_rows=3))
    assert [len(c) for c in chunks] == [3, 3, 1]
    assert pd.concat(chunks).equals(whole)


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_cells_are_strings_and_a_utf8_bom_is_not_part_of_the_header(tmp_path, bom):
    path = write(tmp_path, "t.tsv", bom + b"id\ttext\tscore\n01\t\t0.5\n")
    table = read_table(path, required=["id"])
    assert table.to_dict("records") == [{"id": "01", "text": "", "score": "0.5"}]


def test_rows_with_fewer_fields_than_the_header_get_empty_cells(tmp_path):
    path = write(tmp_path, "t.csv", "id,text,note\n1,Talks stall.\n2\n")
    table = read_table(path)
    assert table.to_dict("records") == [
        {"id": "1", "text": "Talks stall.", "note": ""},
        {"id": "2", "text": "", "note": ""},
    ]


def test_a_format_can_be_named_when_the_extension_does_not_say(tmp_path):
    path = write(tmp_path, "sheet.txt", "a,b\n1,2\n")
    with pytest.raises(InputError, match="format"):
        read_table(path)
    assert read_table(path, format="csv").to_dict("records") == [{"a": "1", "b": "2"}]


def test_missing_columns_are_named_with_the_fix_the_caller_gives(tmp_path):
    path = write(tmp_path, "gold.csv", "body,label\nx,positive\n")
    with pytest.raises(InputError) as info:
        read_table(path, required={"text": "Name it with --text-column"}, name="gold table")
    message = str(info.value)
    assert message.startswith("no column 'text' in the gold table")
    assert "gold.csv" in message and "--text-column" in message and "body, label" in message
    with pytest.raises(InputError, match="no column 'doc_id', 'sent_id'"):
        read_table(path, required=["doc_id", "sent_id", "label"])


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_table(tmp_path / "nope.csv")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(InputError, match="not found"):
        read_table(tmp_path / "dir.csv")


# -- read_table: rows with more fields than the header (issue 12) ------------------------


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("id,text\n1,Tokyo condemns.,extra,more\n", 2),  # pandas took 1 and the text as an index
        ("id,text\n1,Tokyo condemns.,\n", 2),  # a trailing comma is a field too
        ("id,text\n0,fine\n1,Tokyo condemns.,extra\n2,fine\n", 3),
        ('id,text\n0,"two\nlines"\n1,Tokyo condemns.,extra\n', 4),  # physical line, not record
    ],
)
@pytest.mark.parametrize("chunk_rows", [None, 1])
def test_a_row_with_more_fields_than_the_header_is_refused_naming_its_line(
    tmp_path, content, line, chunk_rows
):
    path = write(tmp_path, "t.csv", content)
    with pytest.raises(InputError) as info:
        table = read_table(path, chunk_rows=chunk_rows)
        if chunk_rows:
            list(table)
    message = str(info.value)
    assert f"line {line}" in message and "header has 2" in message, message
    assert "t.csv" in message and "quote" in message.lower()


def test_extra_fields_in_tsv_too(tmp_path):
    path = write(tmp_path, "t.tsv", "id\ttext\n1\tTokyo condemns.\textra\n")
    with pytest.raises(InputError, match="line 2 has 3 fields"):
        read_table(path)


# -- read_table: JSON Lines values (issue 12) ----------------------------------------------


@pytest.mark.parametrize("value", [{"a": 1}, ["Tokyo", "condemns"], []])
def test_an_object_or_list_where_text_is_expected_is_refused(tmp_path, value):
    lines = [{"text": "fine"}, {"text": value, "id": 2}]
    path = write(tmp_path, "t.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    with pytest.raises(InputError) as info:
        list(read_table(path, text_columns=["text"], chunk_rows=10))
    message = str(info.value)
    assert "line 2" in message and "'text'" in message, message
    # Elsewhere nested values are data, kept as they are.
    assert read_table(path)["text"].tolist() == ["fine", value]


def test_null_numbers_and_booleans_in_a_text_field(tmp_path):
    values = [None, 5, 1.5, 1e20, True, False, "text"]
    path = write(tmp_path, "t.jsonl", "".join(json.dumps({"text": v}) + "\n" for v in values))
    table = read_table(path, text_columns=["text"])
    assert table["text"].tolist() == ["", "5", "1.5", "1e+20", "true", "false", "text"]


# -- read_table: encodings (issue 12) --------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_get_the_right_iconv_hint(tmp_path, encoding):
    text = "text\nTokyo condemns.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = write(tmp_path, "t.csv", data)
    with pytest.raises(InputError) as info:
        read_table(path)
    label = "UTF-32" if encoding == "utf-32" else "UTF-16"
    assert f"iconv -f {label} -t UTF-8" in str(info.value)
    assert "latin" not in str(info.value).lower()


def test_utf16_without_a_bom_is_refused_but_a_nul_character_is_text(tmp_path):
    path = write(tmp_path, "t.csv", "text\nTokyo\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16.*NUL.*iconv -f UTF-16LE"):
        read_table(path)
    path = write(tmp_path, "t.csv", "text\n\x00\x00\x00\n")
    assert read_table(path)["text"].tolist() == ["\x00\x00\x00"]


def test_latin1_is_refused_naming_the_line(tmp_path):
    rows = "".join(f"{i},plain\n" for i in range(5000)) + "5000,caf\xe9\n"
    path = write(tmp_path, "t.csv", ("id,text\n" + rows).encode("latin-1"))
    with pytest.raises(InputError) as info:
        list(read_table(path, chunk_rows=100))
    assert "not UTF-8" in str(info.value) and "line 5002" in str(info.value)
    assert "iconv" in str(info.value)


# -- read_table: the size of a text cell (issue 12) ------------------------------------------


def test_a_text_cell_over_the_limit_is_refused_naming_row_and_column(tmp_path):
    path = write(tmp_path, "t.csv", "id,text\n1,short\n2," + "w " * 30 + "\n")
    with pytest.raises(InputError) as info:
        list(read_table(path, text_columns=["text"], max_chars=50, chunk_rows=1))
    message = str(info.value)
    assert "row 3" in message and "'text'" in message and "60 characters" in message
    assert "limit of 50" in message
    # other columns are not text to analyse; no limit, no error
    assert len(read_table(path, text_columns=["id"], max_chars=50)) == 2


def test_the_default_limit_is_a_million_characters(tmp_path):
    path = write(tmp_path, "t.jsonl", json.dumps({"text": "w" * (io.MAX_TEXT_CHARS + 1)}) + "\n")
    assert io.MAX_TEXT_CHARS == 1_000_000
    with pytest.raises(InputError, match="line 1"):
        read_table(path, text_columns=["text"])


# -- atomic writes and the sweep of stale temporary files ----------------------------------------


def test_atomic_path_names_its_temporary_file_after_the_target_and_process(tmp_path):
    with atomic_path(tmp_path / "out.csv") as tmp:
        assert tmp.name.startswith(f".out.csv.{os.getpid()}.") and tmp.name.endswith(".part")
        tmp.write_text("x")
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_after_a_stop_only_a_write_despite_the_stop_is_published(tmp_path):
    from helpers import stopping

    stopping.request()
    try:
        with pytest.raises(stopping.Terminated):
            write_text_atomic("a report", tmp_path / "report.txt")
        write_text_atomic("what failed", tmp_path / "failure.json", despite_stop=True)
    finally:
        stopping.clear()
    assert [p.name for p in tmp_path.iterdir()] == ["failure.json"]


def _stale(folder, name, age=3600):
    path = folder / name
    path.write_text("half")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_sweep_removes_parts_of_dead_processes_older_than_this_one(tmp_path):
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    gone = _stale(tmp_path, f".out.csv.{dead}.abc_1234.part")
    old_style = _stale(tmp_path, ".out.csv.k2j3h4l5.part")  # written before pids in names
    table = _stale(tmp_path, f".t.csv.{dead}.abcd1234.csv.part")
    alive = _stale(tmp_path, f".out.csv.{os.getpid()}.abcd1234.part")
    fresh = tmp_path / f".new.csv.{dead}.abcd1234.part"
    fresh.write_text("being written")  # newer than this process: someone else's, keep
    mine = _stale(tmp_path, ".notes.part")  # not our naming
    user = _stale(tmp_path, "data.part")
    assert sorted(sweep_stale_parts(tmp_path)) == sorted([gone, old_style, table])
    assert {p.name for p in tmp_path.iterdir()} == {alive.name, fresh.name, mine.name, user.name}


def test_sweep_of_a_missing_folder_does_nothing(tmp_path):
    assert sweep_stale_parts(tmp_path / "nope") == []


# -- writing errors become one-line errors naming the file (issue 12) --------------------------


def test_writing_into_a_folder_names_it(tmp_path):
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(FileError) as info:
        write_text_atomic("x", tmp_path / "out.csv")
    assert "folder" in str(info.value) and "out.csv" in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_parent_that_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileError, match="file"):
        write_text_atomic("x", tmp_path / "file" / "out.txt")


def test_a_full_disk_leaves_nothing_and_names_the_target(tmp_path, monkeypatch):
    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(type(tmp_path), "write_text", full)
    with pytest.raises(FileError) as info:
        write_text_atomic("x", tmp_path / "new" / "out.txt")
    assert "no space" in str(info.value).lower() and "out.txt" in str(info.value)
    assert isinstance(info.value, OSError) and isinstance(info.value, HelpersError)
    assert info.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []  # not even the folder it made
