"""Tests for helpers.validation: label reading, statistics, coding sheets, agreement, the commands.

The statistics are checked against values worked out by hand below. The
plumbing (codesheet, validate, agreement) runs on stand-in analyses defined in
this module whose codes can be read off the text, so every expected value is
known; the real analyses are run at the end for properties only.
"""

from __future__ import annotations

import json
import math
import sys
import types

import pandas as pd
import pytest

from helpers import score, validation
from helpers.cli import main
from helpers.errors import InputError, ParameterError
from helpers.validation import (
    CODER_COLUMNS,
    EXAMPLE_SHEET,
    compare,
    correlation,
    disagreements,
    gold_labels,
    krippendorff_alpha,
    load_sheet,
    parse_bool,
    parse_frames,
    parse_intensity,
    parse_sentiment,
    sentiment_class,
    sheet_agreement,
    sheet_labels,
    tool_codes,
    validate,
)

# -- stand-in analyses: codes that can be read off the words -------------------------


def _words(tokens):
    return [t.norm for t in tokens]


def _sentiment_row(text, tokens):
    words = _words(tokens)
    value = 0.5 * words.count("good") - 0.5 * words.count("bad") + 0.04 * words.count("slightly")
    raw = value + 0.5 * words.count("peace")  # plain VADER reads "peace" as positive
    return {"sentiment": value, "sentiment_raw": raw, "pos": 0.0, "neu": 1.0, "neg": 0.0}


def _framing_row(text, tokens):
    words = _words(tokens)
    counts = {"frame_conflict": words.count("war"), "frame_economic": words.count("trade")}
    names = [name.removeprefix("frame_") for name, n in counts.items() if n]
    return {"frames": ";".join(names), **counts}


def _diplomacy_row(text, tokens):
    words = _words(tokens)
    protested = "protested" in words
    return {
        "uncertain": "may" in words,
        "intensity": 4 if "unacceptable" in words else 0,
        "event": "protest" if protested else "",
        "quad_class": "verbal_conflict" if protested else "",
    }


def _module(name, columns, row):
    module = types.ModuleType(name)
    module.COLUMNS = columns
    module.score_row = row
    module.aggregate_rows = lambda rows, weights: rows[0]
    return module


def install_fake_analyses(monkeypatch) -> dict:
    """Replace the three analyses with the stand-ins above (other test modules use it too)."""
    modules = {
        "sentiment": _module(
            "fake_sentiment", ("sentiment", "sentiment_raw", "pos", "neu", "neg"), _sentiment_row
        ),
        "framing": _module(
            "fake_framing", ("frames", "frame_conflict", "frame_economic"), _framing_row
        ),
        "diplomacy": _module(
            "fake_diplomacy", ("uncertain", "intensity", "event", "quad_class"), _diplomacy_row
        ),
    }
    for module in modules.values():
        monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(
        score, "ANALYSES", {name: module.__name__ for name, module in modules.items()}
    )
    return modules


@pytest.fixture
def fake_analyses(monkeypatch):
    """Replace the three analyses with the stand-ins above."""
    return install_fake_analyses(monkeypatch)


# -- reading the tool's sentiment and the coders' labels -----------------------------


@pytest.mark.parametrize(
    ("value", "threshold", "expected"),
    [
        (0.05, 0.05, "positive"),
        (0.0499, 0.05, "neutral"),
        (-0.05, 0.05, "negative"),
        (0.2, 0.3, "neutral"),
        (0.0, 0, "positive"),
    ],
)
def test_sentiment_class_uses_vader_bounds(value, threshold, expected):
    assert sentiment_class(value, threshold) == expected


@pytest.mark.parametrize("threshold", [-0.1, 1.0, "0.05", True])
def test_bad_threshold_is_refused(threshold):
    with pytest.raises(ParameterError, match="threshold"):
        sentiment_class(0.1, threshold)


def test_label_readers():
    assert [parse_bool(v) for v in ("Yes", "n", "1.0", "false", " ", None, float("nan"))] == [
        True,
        False,
        True,
        False,
        None,
        None,
        None,
    ]
    assert parse_sentiment("NEG") == ("negative", None)
    assert parse_sentiment(2, 0.5) == ("positive", 2.0)
    assert parse_sentiment("0.3", 0.5) == ("neutral", 0.3)
    assert parse_intensity("6") == 6 and parse_intensity(0) == 0
    assert parse_frames("none") == set()
    assert parse_frames("Frame_conflict, Economic") == {"conflict", "economic"}


@pytest.mark.parametrize(
    ("measure", "bad"),
    [
        ("uncertain", "maybe"),
        ("sentiment", "very good"),
        ("intensity", "7"),
        ("intensity", "2.5"),
        ("quad_class", "war"),
    ],
)
def test_unreadable_label_names_the_row(measure, bad):
    with pytest.raises(InputError) as info:
        gold_labels(["", bad], measure, source="gold.csv")
    assert "gold.csv, row 3" in str(info.value)  # header is row 1, the bad label row 3
    assert repr(bad) in str(info.value)


def test_unknown_frame_name_is_refused():
    with pytest.raises(InputError, match="confilct"):
        parse_frames("confilct")


# -- statistics, against hand-worked values -------------------------------------------

GOLD = ["positive", "negative", "negative", "neutral", "positive"]
TOOL = ["positive", "negative", "neutral", "neutral", "negative"]


def test_compare_by_hand():
    r = compare(GOLD, TOOL, labels=["negative", "neutral", "positive"])
    assert r["n"] == 5 and r["accuracy"] == pytest.approx(0.6)
    # rows gold, columns tool: neg->(neg, neu), neu->neu, pos->(neg, pos)
    assert r["confusion"]["matrix"] == [[1, 1, 0], [0, 1, 0], [1, 0, 1]]
    per = r["per_class"]
    assert (per["negative"]["precision"], per["negative"]["recall"]) == (0.5, 0.5)
    assert (per["neutral"]["precision"], per["neutral"]["recall"]) == (0.5, 1.0)
    assert (per["positive"]["precision"], per["positive"]["recall"]) == (1.0, 0.5)
    assert per["neutral"]["f1"] == pytest.approx(2 / 3) and per["positive"]["support"] == 2
    assert r["macro"]["f1"] == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    # kappa: p_o = 0.6, p_e = (2*2 + 1*2 + 2*1) / 25 = 0.32
    assert r["cohen_kappa"] == pytest.approx((0.6 - 0.32) / (1 - 0.32))
    # alpha (nominal): coincidences n = 10, n_c = (4, 3, 3), 4 off-diagonal pairs:
    # 1 - (n - 1) * 4 / (n^2 - sum n_c^2) = 1 - 36 / 66
    assert r["krippendorff_alpha"] == pytest.approx(1 - 36 / 66)


def test_bootstrap_matches_the_point_estimates_and_brackets_them():
    r = compare(GOLD * 8, TOOL * 8, labels=["negative", "neutral", "positive"])
    ci = r["ci95"]
    for name, key in (("accuracy", "accuracy"), ("cohen_kappa", "cohen_kappa")):
        assert ci[key][0] < r[name] < ci[key][1]
    assert ci["macro_f1"][0] < r["macro"]["f1"] < ci["macro_f1"][1]
    # the statistics from the confusion matrix equal sklearn's
    import numpy as np

    from helpers.validation.stats import _from_confusion

    accuracy, kappa, macro_f1 = _from_confusion(np.array(r["confusion"]["matrix"]), [0, 1, 2])
    assert (accuracy, kappa, macro_f1) == pytest.approx(
        (r["accuracy"], r["cohen_kappa"], r["macro"]["f1"])
    )
    # a larger sample gives a narrower interval; the same table the same interval
    wide = compare(GOLD, TOOL, labels=["negative", "neutral", "positive"])["ci95"]["cohen_kappa"]
    assert wide[1] - wide[0] > ci["cohen_kappa"][1] - ci["cohen_kappa"][0]
    assert compare(GOLD * 8, TOOL * 8, labels=["negative", "neutral", "positive"])["ci95"] == ci


def test_compare_leaves_out_uncoded_units():
    r = compare(["a", None, "b"], ["a", "b", None], labels=["a", "b"])
    assert r["n"] == 1 and r["accuracy"] == 1.0
    assert r["krippendorff_alpha"] is None  # one value only: alpha is undefined
    assert r["cohen_kappa"] is None


def test_compare_with_nothing_coded():
    r = compare([None, None], ["a", "b"])
    assert r["n"] == 0 and r["accuracy"] is None and r["confusion"]["matrix"] == []


def test_macro_average_ignores_classes_nobody_used():
    r = compare([True, False, True], [True, False, False], labels=[False, True])
    # False: P 1/2, R 1; True: P 1, R 1/2; F1 both 2/3
    assert r["macro"]["f1"] == pytest.approx(2 / 3)
    r3 = compare(["a", "a"], ["a", "b"], labels=["a", "b", "c"])
    assert set(r3["per_class"]) == {"a", "b", "c"}
    assert r3["per_class"]["c"] == {"precision": None, "recall": None, "f1": None, "support": 0}
    assert r3["macro"]["recall"] == pytest.approx((0.5 + 0.0) / 2)  # "c" left out


def test_ordinal_alpha_keeps_unused_levels_in_place():
    # with levels 0..6 the ordinal distance between 0 and 6 is large, between 0 and 1 small
    near = krippendorff_alpha([[0, 0, 1, 1, 6], [0, 1, 1, 1, 6]], "ordinal", list(range(7)))
    far = krippendorff_alpha([[0, 0, 1, 1, 6], [0, 6, 1, 1, 6]], "ordinal", list(range(7)))
    assert near > far


def test_compare_ordinal_alpha_matches_the_list_version():
    gold, tool = [0, 0, 1, 1, 6, 4], [0, 1, 1, 1, 6, 6]
    r = compare(gold, tool, labels=list(range(7)), level="ordinal")
    assert r["krippendorff_alpha"] == pytest.approx(
        krippendorff_alpha([gold, tool], "ordinal", list(range(7)))
    )


def test_correlation_by_hand():
    r = correlation([1, 2, 3, 4], [1, 3, 2, 4])
    # deviations (-1.5, -.5, .5, 1.5) and (-1.5, .5, -.5, 1.5): sum of products 4, sums of squares 5
    assert r["pearson_r"] == pytest.approx(0.8) and r["spearman_rho"] == pytest.approx(0.8)
    low, high = r["pearson_ci95"]
    assert low < 0.8 < high and high == pytest.approx(math.tanh(math.atanh(0.8) + 1.959964))
    assert correlation([1, None, 3, 4, 5], [0.1, 9, 0.2, 0.3, 0.4])["n"] == 4


def test_correlation_undefined_cases():
    assert correlation([1, 2], [1, 2])["pearson_r"] is None
    assert correlation([1, 1, 1], [1, 2, 3])["pearson_r"] is None


# -- validate on a gold table ---------------------------------------------------------

TEXTS = [
    "A good day.",  # +0.5 positive
    "A bad day.",  # -0.5 negative
    "A day.",  # 0 neutral
    "A slightly better day.",  # 0.04 neutral (below the 0.05 band)
    "Good, good news.",  # +1.0 positive
]


def test_validate_sentiment_with_ratings(fake_analyses):
    gold = pd.DataFrame({"text": TEXTS, "label": ["2", "-2", "0", "1", ""]})
    r = validate(gold, measure="sentiment", gold_threshold=0.5)
    assert r["n"] == 4 and r["n_uncoded"] == 1 and r["n_rows"] == 5
    # gold classes pos, neg, neu, pos; tool pos, neg, neu, neu
    assert r["confusion"]["matrix"] == [[1, 0, 0], [0, 1, 0], [0, 1, 1]]
    corr = r["correlation"]
    assert corr["n"] == 4
    # ratings (2, -2, 0, 1) vs scores (.5, -.5, 0, .04)
    assert corr["spearman_rho"] == pytest.approx(1.0)
    assert (
        r["krippendorff_alpha_interval"] is None and "scale" in r["note"]
    )  # ratings outside -1..1


def test_validate_sentiment_with_class_names_and_threshold(fake_analyses):
    gold = pd.DataFrame(
        {"t": TEXTS, "y": ["positive", "negative", "neutral", "positive", "positive"]}
    )
    default = validate(gold, text_column="t", label_column="y", measure="sentiment")
    assert default["accuracy"] == pytest.approx(4 / 5) and "correlation" not in default
    narrow = validate(gold, text_column="t", label_column="y", measure="sentiment", threshold=0.01)
    assert narrow["accuracy"] == 1.0  # 0.04 is now positive


def test_validate_can_measure_plain_vader_for_comparison(fake_analyses):
    gold = pd.DataFrame({"text": ["Peace talks.", "A good day."], "label": ["neutral", "positive"]})
    assert validate(gold, measure="sentiment")["accuracy"] == 1.0
    raw = validate(gold, measure="sentiment_raw")
    assert raw["accuracy"] == 0.5 and raw["measure"] == "sentiment_raw"


def test_validate_interval_alpha_for_ratings_on_the_score_scale(fake_analyses):
    gold = pd.DataFrame({"text": TEXTS, "label": [0.5, -0.5, 0.0, 0.04, 1.0]})
    r = validate(gold, measure="sentiment")
    assert r["krippendorff_alpha_interval"] == pytest.approx(1.0)
    assert r["correlation"]["pearson_r"] == pytest.approx(1.0)


def test_validate_frame_from_yes_no_or_from_frame_lists(fake_analyses):
    texts = ["The war goes on.", "Trade grows.", "War and trade.", "Nothing here."]
    yes_no = validate(
        pd.DataFrame({"text": texts, "label": [1, 0, 1, 1]}), measure="frame_conflict"
    )
    assert yes_no["per_class"]["True"] == {
        "precision": 1.0,
        "recall": pytest.approx(2 / 3),
        "f1": 0.8,
        "support": 3,
    }
    lists = pd.DataFrame(
        {"text": texts, "label": ["conflict", "economic", "conflict; economic", "none"]}
    )
    assert validate(lists, measure="frame_economic")["accuracy"] == 1.0
    assert validate(lists, measure="frame_conflict")["accuracy"] == 1.0


def test_validate_uncertain_intensity_quad(fake_analyses):
    texts = ["Talks may resume.", "Japan protested.", "It is unacceptable.", "Calm."]
    gold = pd.DataFrame(
        {
            "text": texts,
            "unc": ["yes", "no", "no", "yes"],
            "lvl": [0, 4, 5, 0],
            "quad": ["none", "Verbal conflict", "verbal_conflict", "none"],
        }
    )
    unc = validate(gold, label_column="unc", measure="uncertain")
    assert unc["accuracy"] == 0.75 and unc["confusion"]["matrix"] == [[2, 0], [1, 1]]
    lvl = validate(gold, label_column="lvl", measure="intensity")
    assert lvl["accuracy"] == 0.5 and lvl["alpha_level"] == "ordinal"
    assert lvl["confusion"]["labels"] == [0, 1, 2, 3, 4, 5, 6]
    quad = validate(gold, label_column="quad", measure="quad_class")
    assert quad["accuracy"] == 0.75
    assert quad["per_class"]["verbal_conflict"]["recall"] == 0.5


def test_validate_refuses_unknown_measure_and_missing_column(fake_analyses):
    gold = pd.DataFrame({"text": ["a"], "label": ["1"]})
    with pytest.raises(InputError, match="unknown measure 'tone'"):
        validate(gold, measure="tone")
    with pytest.raises(InputError, match="frame_nonsense"):
        validate(gold, measure="frame_nonsense")
    with pytest.raises(InputError, match="'lbl'"):
        validate(gold, label_column="lbl", measure="uncertain")


# -- the validate command --------------------------------------------------------------


def write_gold(tmp_path, labels, texts=TEXTS, name="gold.csv"):
    path = tmp_path / name
    pd.DataFrame({"text": texts, "label": labels}).to_csv(path, index=False)
    return path


def test_validate_command_prints_a_table_and_writes_json(tmp_path, fake_analyses, capsys):
    gold = write_gold(tmp_path, ["positive", "negative", "neutral", "positive", "positive"])
    out = tmp_path / "res" / "result.json"
    status = main(["validate", "--gold", str(gold), "--measure", "sentiment", "-o", str(out)])
    assert status == 0
    printed = capsys.readouterr().out
    assert "measure sentiment: 5 units compared" in printed and "Cohen's kappa" in printed
    assert "confusion (rows: gold, columns: tool)" in printed
    result = json.loads(out.read_text())
    assert result["accuracy"] == pytest.approx(0.8) and result["measure"] == "sentiment"
    assert sorted(p.name for p in out.parent.iterdir()) == ["result.json"]  # no temporary left


def test_validate_command_reads_jsonl(tmp_path, fake_analyses, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "".join(
            json.dumps({"body": t, "unc": "may" in t}) + "\n" for t in ["It may rain.", "It rains."]
        )
    )
    status = main(
        [
            "validate",
            "--gold",
            str(path),
            "--text-column",
            "body",
            "--label-column",
            "unc",
            "--measure",
            "uncertain",
        ]
    )
    assert status == 0 and "2 units compared" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("labels", "args", "message"),
    [
        (["yes"] * 5, ["--label-column", "gold"], "no column 'gold'"),
        (["positive", "great", "", "", ""], [], "row 3"),
        (["1"] * 5, ["--measure", "nonsense"], "unknown measure"),
        (["1"] * 5, ["--threshold", "2"], "threshold"),
    ],
)
def test_validate_command_errors_are_one_line_and_write_nothing(
    tmp_path, fake_analyses, capsys, labels, args, message
):
    gold = write_gold(tmp_path, labels)
    out = tmp_path / "out" / "r.json"
    argv = ["validate", "--gold", str(gold), "--measure", "sentiment", "-o", str(out), *args]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not out.exists() and not (out.parent.exists() and any(out.parent.iterdir()))


def test_validate_command_wants_a_json_output_name(tmp_path, fake_analyses, capsys):
    gold = write_gold(tmp_path, ["positive"] * 5)
    assert (
        main(
            [
                "validate",
                "--gold",
                str(gold),
                "--measure",
                "sentiment",
                "-o",
                str(tmp_path / "r.csv"),
            ]
        )
        == 2
    )
    assert ".json" in capsys.readouterr().err and not (tmp_path / "r.csv").exists()


# -- coding sheets -----------------------------------------------------------------------

ARTICLE = """---
id: sheet-test
title: Trade talks
---
Trade talks

Japan protested. The talks may fail, a bad sign for trade.

It is a good day for peace, analysts said.
"""


def write_article(tmp_path):
    """Write :data:`ARTICLE` into ``tmp_path/articles`` (other test modules use it too)."""
    path = tmp_path / "articles" / "sheet-test.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def article_file(tmp_path):
    return write_article(tmp_path)


def test_codesheet_command_writes_one_row_per_sentence(
    tmp_path, fake_analyses, article_file, capsys
):
    out = tmp_path / "sheets" / "a.csv"
    assert main(["codesheet", str(article_file), "-o", str(out), "--coder", "AB"]) == 0
    sheet = pd.read_csv(out, keep_default_na=False)
    assert list(sheet.columns) == [
        "doc_id",
        "sent_id",
        "text",
        "sentiment",
        "sentiment_class",
        "frames",
        "uncertain",
        "intensity",
        "event",
        "quad_class",
        *CODER_COLUMNS,
    ]
    assert sheet["text"].tolist() == [
        "Japan protested.",
        "The talks may fail, a bad sign for trade.",
        "It is a good day for peace, analysts said.",
    ]
    assert sheet["doc_id"].unique().tolist() == ["sheet-test"] and sheet["sent_id"].tolist() == [
        0,
        1,
        2,
    ]
    assert sheet["sentiment_class"].tolist() == ["neutral", "negative", "positive"]
    assert sheet["frames"].tolist() == ["", "economic", ""]
    assert sheet["uncertain"].tolist() == [False, True, False]
    assert sheet["quad_class"].tolist() == ["verbal_conflict", "none", "none"]
    assert sheet["coder"].tolist() == ["AB"] * 3
    assert (sheet[list(CODER_COLUMNS[1:])] == "").all().all()


def test_codesheet_keeps_spreadsheets_from_running_sentences_as_formulas(tmp_path, fake_analyses):
    article = tmp_path / "formula.txt"
    article.write_text(
        '---\nid: formula\ntitle: Title\n---\nTitle\n\n=HYPERLINK("http://evil") said Tokyo.\n\n'
        "-Moscow replied.\n",
        encoding="utf-8",
    )
    out = tmp_path / "sheet.csv"
    assert main(["codesheet", str(article), "-o", str(out), "--blind"]) == 0
    raw = pd.read_csv(out, keep_default_na=False)["text"].tolist()
    assert raw == ['\'=HYPERLINK("http://evil") said Tokyo.', "'-Moscow replied."]
    # reading the coded sheet back gives the sentences as the article has them
    assert load_sheet(out)["text"].tolist() == [
        '=HYPERLINK("http://evil") said Tokyo.',
        "-Moscow replied.",
    ]


def test_blind_codesheet_leaves_out_the_tool(tmp_path, fake_analyses, article_file):
    out = tmp_path / "blind.csv"
    assert main(["codesheet", str(article_file), "-o", str(out), "--blind"]) == 0
    assert list(pd.read_csv(out).columns) == ["doc_id", "sent_id", "text", *CODER_COLUMNS]


@pytest.mark.parametrize("article", ["no-such-article", "../../etc/passwd"])
def test_codesheet_refuses_a_missing_or_unsafe_article_and_writes_nothing(
    tmp_path, fake_analyses, capsys, article
):
    out = tmp_path / "out" / "sheet.csv"
    assert main(["codesheet", article, "-o", str(out)]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert not out.exists()


def test_codesheet_wants_csv(tmp_path, fake_analyses, article_file, capsys):
    assert main(["codesheet", str(article_file), "-o", str(tmp_path / "sheet.xlsx")]) == 2
    assert "CSV" in capsys.readouterr().err and not (tmp_path / "sheet.xlsx").exists()


# -- agreement between coders and with the tool ------------------------------------------


def coded(tmp_path, name, **labels):
    texts = [
        "Japan protested.",
        "The talks may fail, a bad sign for trade.",
        "It is a good day for peace.",
    ]
    sheet = pd.DataFrame(
        {"doc_id": "d", "sent_id": [0, 1, 2], "text": texts, "coder": name, **labels}
    )
    path = tmp_path / f"{name}.csv"
    sheet.to_csv(path, index=False)
    return load_sheet(path)


def test_agreement_between_coders_and_with_the_tool(tmp_path, fake_analyses):
    a = coded(
        tmp_path,
        "A",
        sentiment_label=["negative", "negative", "positive"],
        frames_label=["conflict", "economic", "none"],
    )
    b = coded(
        tmp_path,
        "B",
        sentiment_label=["neutral", "negative", "positive"],
        frames_label=["conflict", "none", ""],
    )
    table = sheet_agreement({"A": a, "B": b})
    rows = table.set_index(["category", "pair"])
    # tool: neutral, negative, positive; frames: none, economic, none
    assert rows.loc[("sentiment", "A vs B"), "agreement"] == pytest.approx(2 / 3)
    assert rows.loc[("sentiment", "A vs tool"), "agreement"] == pytest.approx(2 / 3)
    assert rows.loc[("sentiment", "B vs tool"), "agreement"] == 1.0
    assert rows.loc[("sentiment", "B vs tool"), "cohen_kappa"] == pytest.approx(1.0)
    assert rows.loc[("frame_economic", "A vs tool"), "agreement"] == 1.0
    assert rows.loc[("frame_conflict", "B vs tool"), "n"] == 2  # B left sentence 2 uncoded
    assert rows.loc[("frame_conflict", "A vs tool"), "agreement"] == pytest.approx(2 / 3)
    assert set(table["pair"]) == {"A vs B", "A vs tool", "B vs tool"}
    assert "uncertain" not in set(table["category"])  # nobody coded it


def test_disagreements_carry_the_tool_evidence(tmp_path, fake_analyses):
    a = coded(
        tmp_path,
        "A",
        sentiment_label=["negative", "negative", "positive"],
        uncertain_label=["0", "0", "0"],
    )
    codes = tool_codes(a["text"])
    found = disagreements(a, codes, coder="A")
    assert found[["sent_id", "category", "coder_label", "tool_label"]].values.tolist() == [
        ["0", "sentiment", "negative", "neutral"],
        ["1", "uncertain", "False", "True"],
    ]
    assert found["tool_score"].iloc[0] == 0.0
    # the evidence names the dictionary words the real lists find
    assert "may" in found["evidence"].iloc[1]


def test_sheets_with_different_sentences_are_refused(tmp_path, fake_analyses):
    a = coded(tmp_path, "A", sentiment_label=["negative", "negative", "positive"])
    b = a.iloc[[1, 0, 2]].reset_index(drop=True)
    with pytest.raises(InputError, match="same sentences"):
        sheet_agreement({"A": a, "B": b}, codes=False)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("doc_id,sent_id\nd,0\n", "no column 'text'"),
        ("doc_id,sent_id,text,note\nd,0,x,\n", "no label column"),
        ("doc_id,sent_id,text,sentiment_label\nd,0,x,positive\nd,0,y,negative\n", "listed twice"),
        ("doc_id,sent_id,text,sentiment_label\n", "no rows"),
        ("", "empty"),
    ],
)
def test_bad_sheets_are_refused(tmp_path, content, message):
    path = tmp_path / "s.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_sheet(path)


def test_latin1_sheet_is_refused_with_a_fix(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(
        "doc_id,sent_id,text,sentiment_label\nd,0,Caf\xe9,positive\n".encode("latin-1")
    )
    with pytest.raises(InputError, match="CSV UTF-8"):
        load_sheet(path)


# -- the shipped example sheet -----------------------------------------------------------


def test_example_sheet_is_complete_and_readable():
    sheet = load_sheet(EXAMPLE_SHEET)
    assert 30 <= len(sheet) <= 40
    labels = sheet_labels(sheet)
    for category in ("sentiment", "uncertain", "intensity", "quad_class", "frame_conflict"):
        assert None not in labels[category], category
    # the rating and the class say the same thing (0 exactly when neutral)
    ratings = sheet["sentiment_rating"].astype(int)
    classes = sheet["sentiment_label"]
    assert ((ratings == 0) == (classes == "neutral")).all()
    assert ((ratings > 0) == (classes == "positive")).all()


# -- the real analyses (properties only) -------------------------------------------------


def test_validate_with_the_real_analyses_on_the_example(tmp_path, capsys):
    pytest.importorskip("helpers.sentiment")
    pytest.importorskip("helpers.framing")
    pytest.importorskip("helpers.diplomacy")
    for label, measure in [
        ("sentiment_label", "sentiment"),
        ("uncertain_label", "uncertain"),
        ("intensity_label", "intensity"),
        ("quad_class_label", "quad_class"),
        ("frames_label", "frame_conflict"),
    ]:
        out = tmp_path / f"{measure}.json"
        argv = [
            "validate",
            "--gold",
            str(EXAMPLE_SHEET),
            "--label-column",
            label,
            "--measure",
            measure,
            "-o",
            str(out),
        ]
        assert main(argv) == 0, capsys.readouterr().err
        result = json.loads(out.read_text())
        assert result["n"] == len(load_sheet(EXAMPLE_SHEET))
        assert 0 <= result["accuracy"] <= 1
        assert sum(map(sum, result["confusion"]["matrix"])) == result["n"]
    argv = [
        "validate",
        "--gold",
        str(EXAMPLE_SHEET),
        "--label-column",
        "sentiment_rating",
        "--gold-threshold",
        "0.5",
        "--measure",
        "sentiment",
    ]
    assert main(argv) == 0
    assert "Pearson r" in capsys.readouterr().out


def test_codesheet_with_the_real_analyses_on_the_seed(tmp_path, seed_path):
    pytest.importorskip("helpers.sentiment")
    pytest.importorskip("helpers.framing")
    pytest.importorskip("helpers.diplomacy")
    sheet = validation.coding_sheet(seed_path, coder="x")
    assert set(validation.TOOL_COLUMNS) <= set(sheet.columns)
    assert set(sheet["sentiment_class"]) <= {"negative", "neutral", "positive"}
    assert set(sheet["quad_class"]) <= set(validation.QUAD_CLASSES)
    assert sheet["intensity"].between(0, 6).all()


# -- figures ---------------------------------------------------------------------------------


def test_figures_draw_from_the_tables(tmp_path, fake_analyses):
    import matplotlib

    matplotlib.use("Agg")
    from helpers.plots.validation import agreement_bars, confusion_heatmap, score_by_label

    a = coded(tmp_path, "A", sentiment_label=["negative", "negative", "positive"])
    b = coded(tmp_path, "B", sentiment_label=["neutral", "negative", "positive"])
    codes = tool_codes(a["text"])
    table = sheet_agreement({"A": a, "B": b}, codes)
    bars = agreement_bars(table)
    assert len(bars.axes[0].patches) == len(table)  # one bar per category and pair
    confusion = validation.sheet_confusion(a, codes, "sentiment", coder="A")
    assert confusion.to_numpy().sum() == 3
    heat = confusion_heatmap(confusion, title="A vs tool")
    assert [t.get_text() for t in heat.axes[0].texts] == [
        str(v) for v in confusion.to_numpy().ravel()
    ]
    dots = score_by_label(a, codes)
    assert [t.get_text() for t in dots.axes[0].get_yticklabels()] == [
        "negative (2)",
        "neutral (0)",
        "positive (1)",
    ]
