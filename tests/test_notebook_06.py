"""Notebook 06 runs under papermill on two small coded sheets the test writes, and on the example.

Agreement between the two coders does not depend on the tool, so it is
checked against hand-worked values; coder-versus-tool rows are checked for
consistency with the disagreement table the notebook writes.
"""

from __future__ import annotations

import json

import pandas as pd
import papermill as pm
import pytest

from helpers.paths import NOTEBOOKS_DIR
from helpers.validation import EXAMPLE_SHEET

pytestmark = pytest.mark.notebook

TEXTS = [
    "Japan protested the decision.",
    "The talks may fail.",
    "Trade between the two countries grew.",
    "Leaders praised the agreement.",
    "Russia condemned the sanctions.",
    "The committee met on Tuesday.",
]
CODER_A = {
    "sentiment_label": ["negative", "negative", "positive", "positive", "negative", "neutral"],
    "uncertain_label": [0, 1, 0, 0, 0, 0],
    "frames_label": ["conflict", "none", "economic", "none", "conflict", "none"],
}
CODER_B = {
    "sentiment_label": ["negative", "neutral", "positive", "positive", "negative", "neutral"],
    "uncertain_label": [0, 1, 0, 0, 0, 1],
    "frames_label": ["conflict", "conflict", "economic", "none", "conflict; economic", "none"],
}


def write_sheet(path, coder, labels):
    sheet = pd.DataFrame(
        {"doc_id": "nb06", "sent_id": range(len(TEXTS)), "text": TEXTS, "coder": coder, **labels}
    )
    sheet.to_csv(path, index=False)
    return path


def run(tmp_path, **parameters):
    out = tmp_path / "out"
    pm.execute_notebook(
        str(NOTEBOOKS_DIR / "06_validation.ipynb"),
        str(tmp_path / "06_validation.ipynb"),
        parameters={"OUTPUT_DIR": str(out), **parameters},
        kernel_name="ddn",
        cwd=str(tmp_path),  # not the project folder: paths come from the package
        progress_bar=False,
    )
    return out


def test_two_coders_and_the_tool(tmp_path):
    a = write_sheet(tmp_path / "a.csv", "ann", CODER_A)
    b = write_sheet(tmp_path / "b.csv", "bo", CODER_B)
    out = run(tmp_path, SHEET_A=str(a), SHEET_B=str(b), THRESHOLD=0.05)
    agreement = pd.read_csv(out / "06_agreement.csv").set_index(["category", "pair"])
    assert set(agreement.index.get_level_values("pair")) == {
        "ann vs bo",
        "ann vs tool",
        "bo vs tool",
    }
    coders = agreement.xs("ann vs bo", level="pair")
    # sentiment: 5 of 6 alike; kappa = (5/6 - 1/3) / (1 - 1/3) with margins (3,1,2) and (2,2,2)
    assert coders.loc["sentiment", "agreement"] == pytest.approx(5 / 6)
    assert coders.loc["sentiment", "cohen_kappa"] == pytest.approx(0.75)
    # uncertain: margins yes/no (1,5) and (2,4): p_e = 22/36, kappa = (30/36 - 22/36) / (14/36)
    assert coders.loc["uncertain", "cohen_kappa"] == pytest.approx(4 / 7)
    assert coders.loc["frame_conflict", "agreement"] == pytest.approx(5 / 6)
    assert coders.loc["frame_economic", "agreement"] == pytest.approx(5 / 6)
    # nobody coded morality: perfect agreement, chance-corrected statistics undefined
    assert coders.loc["frame_morality", "agreement"] == 1.0
    assert pd.isna(coders.loc["frame_morality", "cohen_kappa"])
    assert "intensity" not in set(agreement.index.get_level_values("category"))  # not coded

    # every coder-vs-tool disagreement is listed, with the sentence's text
    disagree = pd.read_csv(out / "06_disagreements.csv", keep_default_na=False)
    for (category, pair), row in agreement.iterrows():
        if not pair.endswith("vs tool"):
            continue
        coder = pair.removesuffix(" vs tool")
        listed = disagree[(disagree["coder"] == coder) & (disagree["category"] == category)]
        assert len(listed) == round(row["n"] * (1 - row["agreement"])), (category, pair)
    assert set(disagree["text"]) <= set(TEXTS)

    codes = pd.read_csv(out / "06_tool_codes.csv", keep_default_na=False)
    assert codes["text"].tolist() == TEXTS
    assert set(codes["sentiment_class"]) <= {"negative", "neutral", "positive"}
    confusion = pd.read_csv(out / "06_confusion.csv")
    assert confusion.groupby("coder")[["negative", "neutral", "positive"]].sum().sum(
        axis=1
    ).tolist() == [6, 6]
    provenance = json.loads((out / "06_validation.provenance.json").read_text())
    assert (
        provenance["parameters"]["SHEET_A"] == a.name  # outside the project: its name only
        and provenance["notebook"] == "06_validation"
    )


def test_defaults_use_the_shipped_example(tmp_path):
    out = run(tmp_path)
    agreement = pd.read_csv(out / "06_agreement.csv")
    n_example = len(pd.read_csv(EXAMPLE_SHEET))
    assert set(agreement["pair"]) == {"dev1 vs tool"}
    assert (agreement["n"] == n_example).all()
    assert agreement["agreement"].between(0, 1).all()


def test_a_missing_sheet_stops_the_notebook_with_a_clear_error(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, SHEET_A=str(tmp_path / "missing.csv"))
    assert "coding sheet not found" in str(info.value)
    assert not (tmp_path / "out" / "06_agreement.csv").exists()
