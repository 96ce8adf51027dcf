"""Notebook 03 runs under papermill, on the seed and on a short article, and writes its tables."""

from __future__ import annotations

import json
import textwrap

import pytest

from helpers.corpus import load_article
from helpers.framing import QUESTION_SHEET_COLUMNS, read_question_sheet
from helpers.text import segment
from notebook_runner import read_table, render

pytestmark = pytest.mark.notebook

FRAMING_ARTICLE = textwrap.dedent(
    """\
    ---
    id: framing-test
    title: Islands and frames
    outlet: Test Wire
    published: 2024-05-02
    language: en
    notes: Written by the test suite.
    ---
    Russia condemned Japan on Monday. The islands were seized at the end of World War II.

    In Russia they are the Kurils. Washington should pay attention to a <script>alert(1)</script> tag.
    """
)


def run(tmp_path, article, **parameters):
    return render("03_framing", tmp_path, {"ARTICLE": str(article), **parameters})


read = read_table


def test_framing_notebook_on_the_seed(tmp_path, seed_path):
    out = run(tmp_path, seed_path)
    article = load_article(seed_path)
    hits = read(out, "03_frame_hits.csv")
    assert len(hits) > 0
    # Every piece of evidence is the article's own words at the stated offsets.
    for start, end, match in hits[["start", "end", "match"]].itertuples(index=False):
        assert article.text[start:end] == match
    # The salience table counts the distinct spans of the hit table.
    salience = read(out, "03_frame_salience.csv").set_index("frame_key")
    spans = hits.drop_duplicates(["frame_key", "start", "end"]).groupby("frame_key").size()
    for key, count in spans.items():
        assert salience.loc[key, "hits"] == count
    assert set(salience["scheme"]) == {"generic", "policy"}
    sheet = read_question_sheet(out / "03_question_sheet.csv")
    assert list(sheet.columns) == list(QUESTION_SHEET_COLUMNS)
    assert (sheet["scheme"] == "generic").sum() == 20
    yes = sheet[sheet["suggested"] == "yes"]
    assert (yes["n_hits"] >= 1).all() and (yes["evidence_sent_ids"] != "").all()
    # The sheet shows why each frame is present or not: the salience table's score,
    # threshold and decision, and the answers whose better half's mean is the score.
    for frame, rows in sheet[sheet["scheme"] == "generic"].groupby("frame"):
        assert (rows["frame_score"] == salience.loc[frame, "score"]).all()
        assert (rows["frame_threshold"] == salience.loc[frame, "threshold"]).all()
        assert (rows["frame_present"] == salience.loc[frame, "present"]).all()
        best = sorted(rows["answer"], reverse=True)[: (len(rows) + 1) // 2]
        assert sum(best) / len(best) == pytest.approx(salience.loc[frame, "score"])
    assert (out / "03_frame_scales.png").exists()
    # Each question's evidence is exactly the hits of its category in the hit table.
    generic = hits[hits["scheme"] == "generic"]
    for row in sheet[sheet["scheme"] == "generic"].itertuples(index=False):
        found = generic[generic["category"] == f"{row.frame}/{row.question_id}"]
        assert row.n_hits == len(found)
        assert row.evidence_sent_ids == ";".join(map(str, sorted(set(found["sent_id"]))))
    # "World War II" is never evidence of conflict, but it is a historical reference.
    history = read(out, "03_history.csv")
    wars = history[history["era"] == "World War II"]
    assert len(wars) > 0
    conflict = hits[hits["frame"] == "conflict"]
    for start, end in wars[["start", "end"]].itertuples(index=False):
        assert not ((conflict["start"] < end) & (conflict["end"] > start)).any()
    html = (out / "03_highlighted.html").read_text(encoding="utf-8")
    assert "<mark" in html
    provenance = json.loads((out / "03_framing.provenance.json").read_text())
    assert provenance["parameters"]["SCHEMES"] == ["generic", "policy"]
    for name in (
        "03_entman.csv",
        "03_entman_summary.csv",
        "03_history_summary.csv",
        "03_naming_summary.csv",
        "03_episodic_thematic.csv",
        "03_frame_arc.csv",
    ):
        assert (out / name).exists()
    assert len(read(out, "03_frame_arc.csv")) == len(segment(article.text).sentences)


def test_framing_notebook_on_a_short_article_with_a_user_dictionary(tmp_path):
    article = tmp_path / "articles" / "framing-test.txt"
    article.parent.mkdir(parents=True)
    article.write_text(FRAMING_ARTICLE, encoding="utf-8")
    liwc = tmp_path / "islands.dic"
    liwc.write_text("%\n1\tplace\n%\nisland*\t1\nkuril*\t1\n", encoding="utf-8")
    out = run(
        tmp_path,
        article,
        SCHEMES=["generic"],
        CUSTOM_DICTIONARY=str(liwc),
        KWIC_TERM="Kurils",
        MIN_COLLOCATION_FREQ=1,
        FRAME_THRESHOLDS={"conflict": 1.0},
    )
    salience = read(out, "03_frame_salience.csv").set_index("frame_key")
    # condemned -> conflict; "World War II" is a proper name and does not count.
    assert salience.loc["conflict", "hits"] == 1
    # The threshold given is used: one hit in 44 tokens answers one question of four in
    # full (score 0.5, the better half of the answers 1, 0), which does not reach it.
    assert salience.loc["conflict", "threshold"] == 1.0
    assert salience.loc["conflict", "score"] == pytest.approx(0.5)
    assert not salience.loc["conflict", "present"]
    assert salience.loc["custom_place", "hits"] == 2  # islands, Kurils
    assert set(salience["scheme"]) == {"generic", "custom"}
    sheet = read_question_sheet(out / "03_question_sheet.csv").set_index("question_id")
    assert sheet.loc["q2_reproach", "frame_threshold"] == 1.0
    assert not sheet.loc["q2_reproach", "frame_present"]
    provenance = json.loads((out / "03_framing.provenance.json").read_text())
    assert provenance["parameters"]["FRAME_THRESHOLDS"] == {"conflict": 1.0}
    assert sheet.loc["q2_reproach", "suggested"] == "yes"
    assert sheet.loc["q2_reproach", "evidence_sent_ids"] == "0"
    assert sheet.loc["q3_solutions", "suggested"] == "yes"  # should
    functions = read(out, "03_entman_summary.csv").set_index("function")
    assert functions.loc["treatment_recommendation", "actors"] == "United States"
    entman = read(out, "03_entman.csv")
    advice = entman[entman["function"] == "treatment_recommendation"].iloc[0]
    assert advice["match"] == "should" and advice["actor_text"] == "Washington"
    history = read(out, "03_history.csv")
    assert history[["era", "year_start", "year_end"]].values.tolist() == [
        ["World War II", 1939, 1945]
    ]
    naming = read(out, "03_naming_summary.csv").set_index("side_id")
    assert naming.loc["russian", "count"] == 1 and naming.loc["japanese", "count"] == 0
    assert read(out, "03_kwic.csv")["keyword"].tolist() == ["Kurils"]
    html = (out / "03_highlighted.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
