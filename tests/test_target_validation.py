"""`validate --measure target_sentiment`: flat tables with a target column, and JSON Lines
with a list of targets per sentence (the NewsMTSC layout), on gold files written here."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.cli import main
from helpers.errors import InputError
from helpers.sentiment import TargetColumns
from helpers.validation import (
    available_measures,
    has_target_lists,
    read_target_gold,
    validate,
)

SENTENCES = [
    {
        "sentence_normalized": "Russia attacked Ukraine on Monday.",
        "targets": [
            {"mention": "Russia", "from": 0, "to": 6, "polarity": 2.0},
            {"mention": "Ukraine", "from": 16, "to": 23, "polarity": 4.0},
        ],
    },
    {
        "sentence_normalized": "The Kremlin made an excellent offer.",
        "targets": [{"mention": "Kremlin", "from": 4, "to": 11, "polarity": "positive"}],
    },
]


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_newsmtsc_layout_is_read_as_one_unit_per_target(tmp_path):
    path = write_jsonl(tmp_path / "gold.jsonl", SENTENCES)
    assert has_target_lists(path)
    units = pd.concat(read_target_gold(path, chunk_rows=2))
    assert units["target"].tolist() == ["Russia", "Ukraine", "Kremlin"]
    assert units["label"].tolist() == ["negative", "neutral", "positive"]
    assert units["line"].tolist() == [1, 1, 2]
    for row in units.itertuples(index=False):
        assert row.sentence_normalized[row.target_start : row.target_end] == row.target


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ({"mention": "x", "from": 3, "to": 99, "polarity": 2.0}, "target 1 of line 1 has offsets"),
        ({"mention": "x", "from": "0", "to": 3, "polarity": 2.0}, "has offsets"),
        ({"mention": "x", "from": 0, "to": 3, "polarity": 5.0}, "polarity 5.0 is none of"),
    ],
)
def test_bad_targets_are_refused_naming_line_and_target(tmp_path, target, message):
    path = write_jsonl(
        tmp_path / "gold.jsonl", [{"sentence_normalized": "Talks.", "targets": [target]}]
    )
    with pytest.raises(InputError, match=message) as error:
        list(read_target_gold(path))
    assert "line 1, target 1" in str(error.value)


def test_a_flat_table_is_not_the_target_list_layout(tmp_path):
    path = write_jsonl(tmp_path / "gold.jsonl", [{"text": "Talks.", "label": "neutral"}])
    assert not has_target_lists(path)
    assert not has_target_lists(tmp_path / "missing.jsonl")


def test_validate_target_sentiment_on_a_flat_table():
    gold = pd.DataFrame(
        {
            "text": ["Russia attacked Ukraine.", "Russia attacked Ukraine.", "Talks went well."],
            "who": ["Russia", "Ukraine", "Chile"],
            "label": ["negative", "neutral", "neutral"],
        }
    )
    result = validate(gold, measure="target_sentiment", targets=TargetColumns(column="who"))
    assert result["n"] == 2  # Chile is not in its text: the tool gives no label
    assert result["accuracy"] == 1.0
    assert "target_sentiment" in available_measures()


def test_validate_refuses_a_target_measure_without_targets_and_targets_without_it():
    gold = pd.DataFrame({"text": ["Talks."], "label": ["neutral"], "who": ["x"]})
    with pytest.raises(InputError, match="needs to know each row's target"):
        validate(gold, measure="target_sentiment")
    with pytest.raises(InputError, match="go with the measure"):
        validate(gold, measure="sentiment", targets=TargetColumns(column="who"))


def test_validate_command_reads_the_newsmtsc_layout(tmp_path, capsys):
    path = write_jsonl(tmp_path / "gold.jsonl", SENTENCES)
    out = tmp_path / "result.json"
    assert main(["validate", "--gold", str(path), "--measure", "target_sentiment",
                 "-o", str(out)]) == 0  # fmt: skip
    assert "measure target_sentiment: 3 units compared" in capsys.readouterr().out
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["n"] == 3 and result["accuracy"] == 1.0


def test_validate_command_with_offset_columns(tmp_path, capsys):
    path = tmp_path / "gold.csv"
    pd.DataFrame(
        {"text": ["Russia attacked Ukraine."] * 2, "start": [0, 16], "end": [6, 23],
         "label": ["negative", "neutral"]}
    ).to_csv(path, index=False)  # fmt: skip
    assert main(["validate", "--gold", str(path), "--measure", "target_sentiment",
                 "--target-start-column", "start", "--target-end-column", "end"]) == 0  # fmt: skip
    assert "2 units compared" in capsys.readouterr().out
    assert main(["validate", "--gold", str(path), "--measure", "target_sentiment"]) == 2
    assert "needs to know each row's target" in capsys.readouterr().err
