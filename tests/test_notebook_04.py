"""Notebook 04 runs under papermill, on the seed and on a short article, and writes its tables."""

from __future__ import annotations

import json
import textwrap

import pytest

from notebook_runner import read_table, render

pytestmark = pytest.mark.notebook

NOTEBOOK = "04_diplomatic_language.ipynb"

# Hand-worked: sentence 0 Japan regrets (level 1); sentence 1 Russia condemns (5) and
# accuses Japan; sentence 2 Tokyo's warning to Moscow is reported speech with a
# quotation; sentence 3 the talks were suspended by Moscow (passive, Russia -> none).
ARTICLE = textwrap.dedent(
    """\
    ---
    id: test-04
    title: Tokyo and Moscow trade words
    published: 2022-03-22
    ---
    Tokyo and Moscow trade words

    Japan regrets the decision. Russia condemned the move and accused Japan of hostility.

    Tokyo warned Moscow that the talks may fail. Later the talks were suspended by Moscow, and Japan said it was “deeply concerned.”
    """
)


def run(tmp_path, article: str):
    return render(NOTEBOOK.removesuffix(".ipynb"), tmp_path, {"ARTICLE": article})


read = read_table


def test_notebook_04_on_a_short_article(tmp_path):
    path = tmp_path / "articles" / "test-04.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    out = run(tmp_path, str(path))

    ladder = read(out, "04_ladder.csv")
    assert ladder["level"].tolist() == [1, 5, 0, 3]
    highest = read(out, "04_highest_by_actor.csv")
    assert dict(zip(highest["speaker"], highest["level"], strict=True)) == {"Russia": 5, "Japan": 3}

    speech = read(out, "04_attributions.csv")
    assert ["reported", "warned", "Japan", "Russia", "the talks may fail"] in speech[
        ["kind", "verb", "speaker", "addressee", "content"]
    ].values.tolist()
    assert ["direct", "Japan", "“deeply concerned.”"] in speech[
        ["kind", "speaker", "content"]
    ].values.tolist()

    found = read(out, "04_events.csv")
    assert ["Russia", "accuse", "Japan"] in found[["source", "event", "target"]].values.tolist()
    suspended = found[found["action"] == "talks were suspended"]
    assert suspended[["source", "passive", "target"]].values.tolist() == [["Russia", True, ""]]

    dyad_table = read(out, "04_dyads.csv")
    russia_japan = dyad_table[
        (dyad_table["source"] == "Russia") & (dyad_table["target"] == "Japan")
    ]
    assert russia_japan["events"].tolist() == [1]
    # The ICEWS weight of CAMEO 112 (accuse).
    assert russia_japan["net_cooperation"].tolist() == [-2.0]
    assert 112 in found.loc[found["event"] == "accuse", "cameo"].tolist()
    by_root = read(out, "04_events_by_root.csv")
    assert {"11", "16"} <= set(by_root["root"].astype(str).str.zfill(2))

    markers = read(out, "04_stance_markers.csv")
    assert markers[markers["category"] == "hedge"]["match"].tolist() == ["may"]
    densities = read(out, "04_stance_densities.csv")
    assert {"category", "per_1000", "reference_per_1000"} <= set(densities.columns)

    page = (out / "04_highlighted.html").read_text(encoding="utf-8")
    assert "condemned" in page and "<script" not in page
    provenance = json.loads((out / "04_diplomatic_language.provenance.json").read_text())
    assert provenance["parameters"]["ARTICLE"] == path.name  # outside the project: its name
    assert (out / "04_dyad_network.png").stat().st_size > 0


def test_notebook_04_on_the_seed(tmp_path):
    out = run(tmp_path, "japan-russia-peace-talks")
    statements = read(out, "04_statements.csv")
    unacceptable = statements[statements["evidence"].str.contains("unacceptable")]
    assert unacceptable["speaker"].tolist() == ["Japan"]
    assert (unacceptable["level"] >= 4).all()
    found = read(out, "04_events.csv")
    ended = found[
        found["sentence"].str.contains("notified")
        & (found["source"] == "Russia")
        & (found["target"] == "Japan")
    ]
    assert len(ended) >= 1 and set(ended["quad_class"]) <= {"verbal_conflict", "material_conflict"}
    matrix = read(out, "04_dyad_matrix.csv")
    assert "Russia" in set(matrix["source"]) and "Japan" in matrix.columns
    assert len(read(out, "04_stance_sentences.csv")) == len(read(out, "04_ladder.csv"))
