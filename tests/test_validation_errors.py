"""Bad input to ``validate``, ``codesheet`` and the sheet readers: refused, one line, with a fix.

Issue 12: nothing compared, unknown measures, thresholds that are not numbers
in their range, and sheets or gold tables that are not UTF-8.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.cli import main
from helpers.errors import InputError, ParameterError
from helpers.validation import (
    coding_sheet,
    disagreements,
    gold_labels,
    load_sheet,
    parse_sentiment,
    sheet_agreement,
    sheet_confusion,
    sheet_labels,
    tool_codes,
    tool_labels,
    validate,
)
from test_validation import TEXTS, coded, install_fake_analyses, write_article, write_gold


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


# -- nothing to compare ----------------------------------------------------------------


def test_a_gold_table_without_any_label_is_an_error_not_zero_units(fake_analyses):
    gold = pd.DataFrame({"text": TEXTS, "label": [""] * len(TEXTS), "stance": ["yes"] * 5})
    with pytest.raises(InputError) as caught:
        validate(gold, measure="sentiment")
    message = str(caught.value)
    assert "every label in column 'label' is empty (5 rows)" in message
    assert "--label-column" in message and "stance" in message  # what to do, and the columns


def test_validate_command_with_every_label_empty_exits_2(tmp_path, fake_analyses, capsys):
    gold = write_gold(tmp_path, [""] * len(TEXTS))
    out = tmp_path / "r.json"
    err = one_line_error(capsys, ["validate", "--gold", gold, "--measure", "sentiment", "-o", out])
    assert "is empty" in err and "--label-column" in err and not out.exists()


def test_some_empty_labels_still_compare_the_rest(fake_analyses):
    gold = pd.DataFrame({"text": TEXTS, "label": ["positive", "", "", "", ""]})
    assert validate(gold, measure="sentiment")["n"] == 1


# -- unknown measures ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "guess"),
    [
        ("sentimnet", "sentiment"),
        ("frame_conflcit", "frame_conflict"),
        ("uncertainty", "uncertain"),
    ],
)
def test_a_misspelt_measure_gets_a_suggestion_and_the_list(fake_analyses, measure, guess):
    gold = pd.DataFrame({"text": TEXTS, "label": ["1"] * 5})
    with pytest.raises(InputError) as caught:
        validate(gold, measure=measure)
    message = str(caught.value)
    assert (
        f"unknown measure {measure!r}" in message and f"did you mean {guess!r}" in message.lower()
    )
    # the list holds what the installed analyses give (the stand-ins here), nothing else
    assert "frame_conflict, frame_economic" in message and "policy_legality" not in message


def test_an_unknown_frame_column_is_refused_before_any_text_is_scored(fake_analyses, monkeypatch):
    import helpers.score

    def refuse(*args, **kwargs):
        raise AssertionError("scored before the measure was checked")

    monkeypatch.setattr(helpers.score, "score_texts", refuse)
    gold = pd.DataFrame({"text": TEXTS, "label": ["1"] * 5})
    with pytest.raises(InputError, match="unknown measure 'policy_typo'"):
        validate(gold, measure="policy_typo")


def test_validate_command_refuses_policy_typo_in_one_line(tmp_path, fake_analyses, capsys):
    gold = write_gold(tmp_path, ["1"] * 5)
    err = one_line_error(capsys, ["validate", "--gold", gold, "--measure", "policy_typo"])
    assert "unknown measure 'policy_typo'" in err and "frame_conflict" in err


def test_the_real_analyses_list_their_policy_frames(tmp_path):
    pytest.importorskip("helpers.framing")
    gold = pd.DataFrame({"text": ["Talks."], "label": ["yes"]})
    with pytest.raises(InputError) as caught:
        validate(gold, measure="policy_legalty")
    assert "did you mean 'policy_legality'" in str(caught.value).lower()


# -- thresholds ------------------------------------------------------------------------

BAD_BANDS = [math.nan, math.inf, -0.1, 1.0, 1.5]


@pytest.mark.parametrize("value", ["nan", "inf", "-0.1", "1", "1.5"])
def test_validate_command_names_the_bad_threshold_option(tmp_path, fake_analyses, capsys, value):
    gold = write_gold(tmp_path, ["positive"] * 5)
    argv = ["validate", "--gold", gold, "--measure", "sentiment", "--threshold", value]
    assert "(--threshold)" in one_line_error(capsys, argv)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-0.5"])
def test_a_gold_threshold_must_be_a_finite_number_not_below_zero(
    tmp_path, fake_analyses, capsys, value
):
    gold = write_gold(tmp_path, ["2", "-2", "0", "1", "3"])
    argv = ["validate", "--gold", gold, "--measure", "sentiment", f"--gold-threshold={value}"]
    assert "(--gold-threshold)" in one_line_error(capsys, argv)


def test_a_gold_threshold_may_exceed_one_on_a_wider_rating_scale(tmp_path, fake_analyses, capsys):
    # ratings on a -4..+4 scale: a band of 1.5 makes -1..1 neutral
    gold = write_gold(tmp_path, ["3", "-2", "1", "-1", "4"])
    argv = ["validate", "--gold", gold, "--measure", "sentiment", "--gold-threshold", "1.5"]
    assert main([str(a) for a in argv]) == 0, capsys.readouterr().err
    assert "5 units compared" in capsys.readouterr().out
    result = validate(
        pd.DataFrame({"text": TEXTS, "label": ["3", "-2", "1", "-1", "4"]}),
        measure="sentiment",
        gold_threshold=1.5,
    )
    assert result["gold_threshold"] == 1.5
    assert result["confusion"]["matrix"] == [[1, 0, 0], [0, 2, 0], [0, 0, 2]]
    assert parse_sentiment("1.4", 1.5) == ("neutral", 1.4)


@pytest.mark.parametrize("value", ["nan", "1.2"])
def test_codesheet_refuses_a_bad_threshold_even_when_blind(
    tmp_path, fake_analyses, article_file, capsys, value
):
    out = tmp_path / "sheet.csv"
    argv = ["codesheet", article_file, "-o", out, "--threshold", value, "--blind"]
    assert "(--threshold)" in one_line_error(capsys, argv)
    assert not out.exists()


@pytest.mark.parametrize("value", BAD_BANDS)
def test_every_function_that_takes_a_band_refuses_a_bad_one(
    tmp_path, fake_analyses, article_file, value
):
    sheet = coded(tmp_path, "A", sentiment_label=["negative", "neutral", "positive"])
    codes = tool_codes(sheet["text"].tolist())
    calls = [
        lambda: sheet_labels(sheet, value),
        lambda: sheet_agreement({"A": sheet}, codes=False, threshold=value),
        lambda: sheet_confusion(sheet, codes, "sentiment", value),
        lambda: disagreements(sheet, codes, threshold=value, evidence=False),
        lambda: tool_labels(codes, "uncertain", value),
        lambda: tool_codes(["A day."], value),
        lambda: coding_sheet(article_file, threshold=value, blind=True),
        lambda: validate(sheet, label_column="sentiment_label", threshold=value),
    ]
    for call in calls:
        with pytest.raises(ParameterError, match="threshold"):
            call()


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0, True, "0.5"])
def test_gold_readers_refuse_a_gold_threshold_that_is_not_a_finite_number(value):
    with pytest.raises(ParameterError, match="threshold"):
        gold_labels(["positive"], "sentiment", value)
    with pytest.raises(ParameterError, match="threshold"):
        parse_sentiment("positive", value)


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
    for rows, line in (
        ("d,0,Tokyo condemns.,negative,extra\nd,1,x,positive\n", 2),
        ("d,0,x,positive\nd,1,y,z,negative\n", 3),
    ):
        path.write_text("doc_id,sent_id,text,sentiment_label\n" + rows, encoding="utf-8")
        with pytest.raises(InputError) as caught:
            load_sheet(path)
        message = str(caught.value)
        assert "fields but the header has" in message and "\n" not in message
        assert f"line {line} has 5 fields" in message


def test_a_good_sheet_still_reads(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(SHEET_TEXT.encode("utf-8-sig"))
    sheet = load_sheet(path)
    assert sheet["text"].tolist()[0] == "Caf\u00e9 talks \u201cresume\u201d"
    assert list(sheet.columns) == ["doc_id", "sent_id", "text", "sentiment_label"]
