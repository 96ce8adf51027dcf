"""`score --id-column` and `--date-column`, spreadsheets refused by name, empty texts alike.

"Mark Rutte" led the Netherlands (2010-2024) and then NATO: the date a row
carries decides which actor he speaks for, as an article's date does in the
notebooks.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.cli import main
from helpers.errors import InputError
from helpers.score import score_file, score_texts
from helpers.score_columns import check_date

SENTENCE = "Mark Rutte condemned Russia."


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_each_row_is_resolved_by_its_own_date(tmp_path):
    source = _write(
        tmp_path / "in.csv",
        f"text,day,id\n{SENTENCE},2020-01-15,a\n{SENTENCE},2025-01-15T09:00:00,b\n{SENTENCE},,c\n",
    )
    score_file(source, tmp_path / "out.csv", analyses=["diplomacy"], date_column="day")
    out = pd.read_csv(tmp_path / "out.csv", keep_default_na=False)
    assert out["source_actor"].tolist() == ["Netherlands", "NATO", "NATO"]  # no date: latest
    assert out["day"].tolist() == ["2020-01-15", "2025-01-15T09:00:00", ""]  # input kept as is
    document = score_texts([SENTENCE, SENTENCE], ["diplomacy"], "document", ["2020-01-15", None])
    assert document["source_actor"].tolist() == ["Netherlands", "NATO"]


def test_the_id_column_comes_first_and_must_be_filled(tmp_path):
    source = _write(tmp_path / "in.csv", "text,id\nTalks stalled.,a1\nTalks resumed.,a2\n")
    score_file(source, tmp_path / "out.csv", analyses=["sentiment"], id_column="id")
    out = pd.read_csv(tmp_path / "out.csv")
    assert list(out.columns[:3]) == ["id", "text", "sentiment"]
    assert out["id"].tolist() == ["a1", "a2"]
    gap = _write(tmp_path / "gap.csv", "text,id\nTalks stalled.,a1\nTalks resumed.,\n")
    with pytest.raises(InputError, match=r"empty id in column 'id' \(.*gap.csv, row 3\)"):
        score_file(gap, tmp_path / "gap-out.csv", analyses=["sentiment"], id_column="id")
    assert not (tmp_path / "gap-out.csv").exists()


def test_bad_or_missing_columns_are_one_line_errors(tmp_path, capsys):
    source = _write(tmp_path / "in.csv", "text,day\nTalks stalled.,2022-03-22\nTalks.,22/03/2022\n")
    status = main(["score", str(source), "-o", str(tmp_path / "o.csv"), "--date-column", "day"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1
    assert "date '22/03/2022' is not an ISO date" in err and "in.csv, row 3" in err
    status = main(["score", str(source), "-o", str(tmp_path / "o.csv"), "--date-column", "date"])
    err = capsys.readouterr().err
    assert status == 2 and "no column 'date'" in err and "--date-column" in err
    assert not (tmp_path / "o.csv").exists()
    assert check_date("2022-02-28") == "2022-02-28"
    with pytest.raises(InputError, match="not an ISO date"):
        check_date("2022-02-30")


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_spreadsheets_are_refused_by_name(tmp_path, capsys, suffix):
    sheet = _write(tmp_path / f"coded{suffix}", "not really a spreadsheet")
    assert main(["score", str(sheet), "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert f"spreadsheet files ({suffix}) are not supported" in err and "CSV UTF-8" in err
    assert "cannot tell the format" not in err


def test_an_empty_text_scores_the_same_in_both_units():
    """Chosen: an empty text is an empty sentence (0.0, counts 0), in documents too; the
    document's n_sentences (0) tells it apart."""
    columns = ["sentiment", "sentiment_raw", "pos", "neu", "neg", "hedges", "intensity", "frames"]
    sentences = score_texts(["", "   "], unit="sentence")
    documents = score_texts(["", "   "], unit="document")
    assert documents[columns].equals(sentences[columns])
    assert sentences.loc[0, "sentiment"] == 0.0
    assert documents["n_sentences"].tolist() == [0, 0]


def test_dates_and_targets_together(tmp_path):
    """--date-column (this branch) and --target-column (issue 18) reach one run together."""
    from helpers.sentiment import TargetColumns

    source = _write(
        tmp_path / "in.csv",
        f"id,text,day,who\na,{SENTENCE},2020-01-15,Russia\nb,{SENTENCE},2025-01-15,Russia\n",
    )
    score_file(
        source,
        tmp_path / "out.csv",
        analyses=["sentiment", "diplomacy"],
        id_column="id",
        date_column="day",
        targets=TargetColumns(column="who"),
    )
    out = pd.read_csv(tmp_path / "out.csv", keep_default_na=False)
    assert out.columns[0] == "id"
    assert out["source_actor"].tolist() == ["Netherlands", "NATO"]
    assert (out["target_label"] == "negative").all()  # Russia is condemned on both days
    both = score_texts(
        [SENTENCE], ["sentiment", "diplomacy"], dates=["2020-01-15"], targets=["Russia"]
    )
    assert (
        both.loc[0, "source_actor"] == "Netherlands" and both.loc[0, "target_label"] == "negative"
    )
