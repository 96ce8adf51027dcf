"""The article-level decision: each frame a scale of its questions, decided by density and a
threshold (helpers.framing.decide; issue 17, item 1). Articles written here."""

from __future__ import annotations

import math

import pytest

from helpers import framing
from helpers.errors import ParameterError
from helpers.framing import decide
from helpers.score import score_texts
from helpers.text import segment

# 14 tokens without any frame indicator (checked below).
FILLER = "The committee met in the capital on Tuesday to review the annual report."
CONFLICT = "The two countries disagreed and traded accusations over the border."


def article(n_filler: int, *extra: str) -> str:
    return " ".join([FILLER] * n_filler + list(extra))


def salience(text: str, **kwargs):
    seg = segment(text, doc_id="t")
    hits = framing.frame_hits(seg, schemes=["generic"])
    return framing.frame_salience(seg, hits, schemes=["generic"], **kwargs).set_index("frame")


def test_the_filler_has_no_indicator():
    assert salience(FILLER)["hits"].sum() == 0


def test_answers_grow_with_density_up_to_saturation():
    saturation = decide.SATURATION
    assert decide.question_answer(0, 500) == 0
    assert decide.question_answer(1, 1000) == pytest.approx(1 / saturation)
    assert decide.question_answer(1, 2000) == pytest.approx(0.5 / saturation)
    assert decide.question_answer(100, 1000) == 1
    assert decide.question_answer(2, 1000, min_hits=3) == 0
    assert decide.frame_score([100, 0, 0, 0], 1000) == pytest.approx(0.5)
    assert decide.frame_score([], 1000) == 0


def test_the_score_is_the_better_half_of_the_answers():
    # Five questions: the three best answers count; the two unanswered ones do not
    # dilute them, but a third unanswered one does.
    assert decide.better_half([1.0, 0.5, 0.0, 0.0, 0.0]) == pytest.approx(0.5)
    assert decide.better_half([1.0, 0.5, 0.3, 0.0, 0.0]) == pytest.approx(0.6)
    assert decide.better_half([0.0, 0.0, 0.9]) == pytest.approx(0.45)
    # One question (a policy frame): its answer.
    assert decide.better_half([0.3]) == pytest.approx(0.3)
    # Order does not matter, and more answered questions never lower the score.
    assert decide.better_half([0.0, 1.0, 0.0, 0.5]) == decide.better_half([1.0, 0.5, 0.0, 0.0])
    assert decide.frame_score([10, 10, 0, 0, 0], 1000) < decide.frame_score(
        [10, 10, 10, 0, 0], 1000
    )


def test_one_word_in_a_long_article_is_not_a_frame_but_a_dense_story_is():
    # One disagreement in about 700 tokens: a weak answer to one of four questions.
    sparse = salience(article(50, "Officials disagreed."))
    assert sparse.loc["conflict", "hits"] == 1
    assert 0 < sparse.loc["conflict", "score"] < decide.DEFAULT_THRESHOLDS["conflict"]
    assert not sparse.loc["conflict", "present"]
    # The same article with conflict in every fifth sentence: two questions answered.
    dense = salience(" ".join([FILLER, FILLER, FILLER, FILLER, CONFLICT] * 10))
    assert dense.loc["conflict", "score"] >= decide.DEFAULT_THRESHOLDS["conflict"]
    assert dense.loc["conflict", "present"]


def test_long_articles_are_not_favoured():
    # The same story twice over has the same density, so the same score and decision.
    once = article(6, CONFLICT, "Prices rose and costs climbed.")
    twice = salience(once + " " + once)
    once = salience(once)
    for frame in framing.GENERIC_FRAMES:
        assert twice.loc[frame, "score"] == pytest.approx(once.loc[frame, "score"]), frame
        assert twice.loc[frame, "present"] == once.loc[frame, "present"], frame
    assert twice.loc["conflict", "hits"] == 2 * once.loc["conflict", "hits"]


def test_a_threshold_given_replaces_the_default():
    text = article(50, "Officials disagreed.")
    score = salience(text).loc["conflict", "score"]
    assert salience(text, thresholds={"conflict": score}).loc["conflict", "present"]
    assert not salience(text, thresholds={"conflict": 1.0}).loc["conflict", "present"]
    # A frame without hits is never present, whatever its threshold.
    assert not salience(text, thresholds={"morality": 0.0}).loc["morality", "present"]


def test_score_documents_decide_as_the_tables_do():
    texts = [
        article(50, "Officials disagreed."),
        " ".join([FILLER, FILLER, FILLER, CONFLICT] * 6),
        "Refugee families wept. Prices soared and costs rose. The church called it immoral.",
    ]
    table = score_texts(texts, analyses=("framing",), unit="document")
    for i, text in enumerate(texts):
        sal = salience(text)
        present = [f for f in framing.GENERIC_FRAMES if sal.loc[f, "present"]]
        decided = [f for f in str(table.at[i, "frames"]).split(";") if f in framing.GENERIC_FRAMES]
        assert decided == present, text
        for frame in framing.GENERIC_FRAMES:
            assert table.at[i, f"frame_{frame}_score"] == round(sal.loc[frame, "score"], 4)
    assert "conflict" not in table.at[0, "frames"].split(";")
    assert "conflict" in table.at[1, "frames"].split(";")


def test_sentence_rows_keep_naming_every_frame_with_a_hit():
    # A sentence is evidence, not a story: its frames column lists any frame with a hit.
    table = score_texts(["Officials disagreed."], analyses=("framing",))
    assert table.at[0, "frames"] == "conflict"
    assert table.at[0, "frame_conflict"] == 1
    assert table.at[0, "frame_conflict_score"] == 0.5


def test_policy_frames_in_documents_need_the_density_of_half_an_answer():
    sparse = score_texts([article(50, "Inflation rose.")], analyses=("framing",), unit="document")
    assert sparse.at[0, "policy_economic"] == 1
    assert "policy_economic" not in sparse.at[0, "frames"].split(";")
    dense = score_texts(
        ["Inflation rose. Prices climbed. Wages fell."], analyses=("framing",), unit="document"
    )
    assert "policy_economic" in dense.at[0, "frames"].split(";")


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (["conflict", 0.2], "mapping"),
        ({"conflcit": 0.2}, "unknown frame"),
        ({"conflict": 1.5}, "from 0 to 1"),
        ({"conflict": "0.2"}, "from 0 to 1"),
        ({"conflict": True}, "from 0 to 1"),
        ({"conflict": math.nan}, "from 0 to 1"),
    ],
)
def test_bad_thresholds_get_a_clear_error(value, fragment):
    with pytest.raises(ParameterError, match=fragment):
        salience(FILLER, thresholds=value)


def test_the_question_sheet_shows_why(tmp_path):
    text = " ".join([FILLER, FILLER, FILLER, CONFLICT] * 6)
    seg = segment(text, doc_id="t")
    sheet = framing.question_sheet(seg)
    sal = salience(text)
    conflict = sheet[sheet["frame"] == "conflict"].set_index("question_id")
    assert (conflict["frame_score"] == sal.loc["conflict", "score"]).all()
    assert (conflict["frame_threshold"] == decide.DEFAULT_THRESHOLDS["conflict"]).all()
    assert conflict["frame_present"].all()
    # The frame's score is the mean of the better half of its questions' answers.
    best = sorted(conflict["answer"], reverse=True)[:2]
    assert sum(best) / 2 == pytest.approx(sal.loc["conflict", "score"])
    q1 = conflict.loc["q1_disagreement"]
    assert q1["per_1000_tokens"] == pytest.approx(q1["n_hits"] / seg.n_tokens * 1000)
    back = framing.read_question_sheet(framing.write_question_sheet(sheet, tmp_path / "s.csv"))
    assert back.equals(sheet)


def test_a_sheet_written_before_the_decision_columns_is_still_read(tmp_path):
    import pandas as pd

    sheet = framing.question_sheet(segment("Russia condemned it.", doc_id="t"))
    old = sheet.drop(columns=["per_1000_tokens", "answer", "frame_score", "frame_threshold"])
    old = old.drop(columns=["frame_present"])
    path = tmp_path / "old.csv"
    old.to_csv(path, index=False)
    back = framing.read_question_sheet(path)
    assert list(back.columns) == list(framing.QUESTION_SHEET_COLUMNS)
    assert back["answer"].isna().all()
    pd.testing.assert_series_equal(back["n_hits"], sheet["n_hits"])
