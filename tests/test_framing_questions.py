"""Tests of helpers.framing.questions: a coder's sheet as spreadsheets save it."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import framing
from helpers.errors import InputError
from helpers.text import segment


@pytest.fixture
def answered(tmp_path):
    """A question sheet with one answer and a note in words a spreadsheet keeps."""
    seg = segment("Russia condemned the meeting.", doc_id="t")
    path = framing.write_question_sheet(framing.question_sheet(seg), tmp_path / "sheet.csv")
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    sheet.loc[0, "coder_answer"] = "yes"
    sheet.loc[0, "coder_note"] = "clear reproach – “condemned”, café"
    return sheet, path


def test_a_windows_1252_sheet_gets_a_one_line_error(answered):
    sheet, path = answered
    sheet.to_csv(path, index=False, encoding="cp1252")
    with pytest.raises(InputError, match="not UTF-8 text") as caught:
        framing.read_question_sheet(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message and "CSV UTF-8" in message


def test_a_sheet_saved_as_csv_utf8_with_a_byte_order_mark_is_read(answered):
    sheet, path = answered
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = framing.read_question_sheet(path)
    assert list(back.columns) == list(framing.QUESTION_SHEET_COLUMNS)
    assert back.loc[0, "coder_note"] == "clear reproach – “condemned”, café"


def test_a_missing_or_empty_sheet_gets_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="question sheet not found"):
        framing.read_question_sheet(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="question sheet is empty"):
        framing.read_question_sheet(tmp_path / "empty.csv")
