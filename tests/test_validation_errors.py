"""Bad input to ``validate``, ``codesheet`` and the sheet readers: refused, one line, with a fix.

Issue 12: nothing compared, unknown measures, thresholds that are not numbers
in their range, and sheets or gold tables that are not UTF-8.
"""

from __future__ import annotations

import pytest

from helpers.cli import main
from helpers.errors import InputError
from helpers.validation import (
    load_sheet,
)
from test_validation import install_fake_analyses, write_article


@pytest.fixture
def fake_analyses(monkeypatch):
    return install_fake_analyses(monkeypatch)


@pytest.fixture
def article_file(tmp_path):
    return write_article(tmp_path)


def one_line_error(capsys, argv) -> str:
    """Run a command that must fail; return its one-line message."""
    assert main([str(a) for a in argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, captured.err
    return captured.err


# -- tables that are not UTF-8 ---------------------------------------------------------

SHEET_TEXT = "doc_id,sent_id,text,sentiment_label\nd,0,Caf\u00e9 talks \u201cresume\u201d,positive\nd,1,Talks fail,negative\n"


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("cp1252", "Windows-1252"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
    ],
)
def test_a_sheet_in_another_encoding_is_named_with_a_fix(tmp_path, encoding, named):
    path = tmp_path / "s.csv"
    path.write_bytes(SHEET_TEXT.encode(encoding))
    with pytest.raises(InputError) as caught:
        load_sheet(path)
    message = str(caught.value)
    assert named in message and "CSV UTF-8" in message and "\n" not in message


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le"])
@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_validate_command_names_a_utf16_gold_file(
    tmp_path, fake_analyses, capsys, encoding, suffix
):
    path = tmp_path / f"gold{suffix}"
    text = "text,label\nA good day.,positive\nA bad day at the caf\u00e9.,negative\n"
    if suffix == ".tsv":
        text = text.replace(",", "\t")
    path.write_bytes(text.encode(encoding))
    err = one_line_error(capsys, ["validate", "--gold", path, "--measure", "sentiment"])
    assert "not UTF-8" in err
    if encoding.startswith("utf-16"):
        assert "UTF-16" in err and "latin1" not in err


def test_validate_command_names_a_utf16_json_lines_file(tmp_path, fake_analyses, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_bytes('{"text": "A good day.", "label": "positive"}\n'.encode("utf-16"))
    err = one_line_error(capsys, ["validate", "--gold", path, "--measure", "sentiment"])
    assert "UTF-16" in err


def test_a_sheet_row_with_more_cells_than_the_header_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    for rows in (
        "d,0,Tokyo condemns.,negative,extra\nd,1,x,positive\n",
        "d,0,x,positive\nd,1,y,z,negative\n",
    ):
        path.write_text("doc_id,sent_id,text,sentiment_label\n" + rows, encoding="utf-8")
        with pytest.raises(InputError) as caught:
            load_sheet(path)
        message = str(caught.value)
        assert "more cells than the header" in message and "\n" not in message
        assert "row 2" in message or "row 3" in message


def test_a_good_sheet_still_reads(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(SHEET_TEXT.encode("utf-8-sig"))
    sheet = load_sheet(path)
    assert sheet["text"].tolist()[0] == "Caf\u00e9 talks \u201cresume\u201d"
    assert list(sheet.columns) == ["doc_id", "sent_id", "text", "sentiment_label"]
