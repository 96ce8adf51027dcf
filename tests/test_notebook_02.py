"""Notebook 02 runs under papermill, on the seed and on a short article, and writes its tables."""

from __future__ import annotations

import json
import textwrap

import pandas as pd
import pytest

from helpers.corpus import load_article
from helpers.resources import vader_analyzer
from helpers.score import score_texts
from helpers.sentiment import SENTENCE_COLUMNS, TargetSpec
from notebook_runner import read_table, render

pytestmark = pytest.mark.notebook

SENTIMENT_ARTICLE = textwrap.dedent(
    """\
    ---
    id: sentiment-test
    title: Talks in Geneva
    outlet: Test Wire
    published: 2024-05-02
    language: en
    notes: Written by the test suite.
    ---
    Talks in Geneva

    Japan called the Russian move “completely unacceptable,” and Tokyo said the talks were a good start.

    Russia condemned the sanctions. France didn’t welcome the escalation, but Germany praised the detente!
    <script>alert(1)</script> is no word of praise.
    """
)


def run(tmp_path, article, **parameters):
    return render("02_sentiment", tmp_path, {"ARTICLE": str(article), **parameters})


read = read_table


def check_common(out, article, parameters):
    sentences = read(out, "02_sentences.csv")
    assert tuple(sentences.columns) == SENTENCE_COLUMNS
    sia = vader_analyzer()
    for row in sentences.itertuples(index=False):
        assert article.text[row.start : row.end] == row.text
        assert row.compound_raw == sia.polarity_scores(row.text)["compound"]
    article_row = read(out, "02_article.csv").iloc[0]
    assert article_row["n_sentences"] == len(sentences)
    assert article_row["mean"] == round(sentences["compound"].mean(), 4)
    paragraphs = read(out, "02_paragraphs.csv")
    assert paragraphs["n_sentences"].sum() == len(sentences)
    provenance = json.loads((out / "02_sentiment.provenance.json").read_text(encoding="utf-8"))
    assert provenance["notebook"] == "02_sentiment"
    for name, value in parameters.items():
        assert provenance["parameters"][name] == value
    html = (out / "02_highlighted.html").read_text(encoding="utf-8")
    assert "<mark" in html and "<script>" not in html
    for figure in ("02_arc.png", "02_distribution.png", "02_raw_vs_domain.png"):
        assert (out / figure).stat().st_size > 1000
    return sentences


def test_sentiment_notebook_on_the_seed(tmp_path, seed_path):
    out = run(tmp_path, seed_path)
    article = load_article(seed_path)
    sentences = check_common(out, article, {"THRESHOLD": 0.05})
    # The article is recorded relative to the project, never as a machine path.
    provenance = json.loads((out / "02_sentiment.provenance.json").read_text(encoding="utf-8"))
    assert provenance["parameters"]["ARTICLE"] == "data/articles/japan-russia-peace-talks.txt"
    # The examples: plain VADER positive, news-aware negative.
    for needle in ("completely unacceptable", "war crimes"):
        row = sentences[sentences["text"].str.contains(needle)].iloc[0]
        assert row.compound_raw > 0 and row.label == "negative"
    # Every listed term is the article's own words at the stated offsets.
    hits = read(out, "02_domain_hits.csv")
    assert len(hits) > 0
    for start, end, match in hits[["start", "end", "match"]].itertuples(index=False):
        assert article.text[start:end] == match
    # Every changed sentence is listed; unchanged ones are not.
    changes = read(out, "02_domain_changes.csv")
    assert len(changes) == (sentences["compound"] != sentences["compound_raw"]).sum()
    # Actor tone: each actor's mean is the mean of its evidence, inside its interval,
    # which is given from five sentences on only.
    evidence = read(out, "02_actor_evidence.csv")
    tone = pd.read_csv(out / "02_actor_tone.csv").set_index("actor_id")
    assert {"JPN", "RUS"} <= set(tone.index)
    for actor_id, group in evidence.groupby("actor_id"):
        assert tone.loc[actor_id, "mean"] == round(group["compound"].mean(), 4)
        if len(group) >= 5:
            assert (
                tone.loc[actor_id, "ci_low"]
                <= tone.loc[actor_id, "mean"]
                <= tone.loc[actor_id, "ci_high"]
            )
        else:
            assert pd.isna(tone.loc[actor_id, "ci_low"])
            assert tone.loc[actor_id, "interval"].startswith("none:")
    # The tone toward each actor is what score gives for the same mention (one method).
    assert (evidence["unit"] == "target").all()
    texts = evidence["unit_text"].tolist()
    specs = [
        TargetSpec("", row.mention_start - row.unit_start, row.mention_end - row.unit_start)
        for row in evidence.itertuples(index=False)
    ]
    scored = score_texts(texts, ("sentiment",), targets=specs)
    assert scored["target_sentiment"].tolist() == evidence["compound"].tolist()
    assert evidence["evidence"].str.len().min() > 0
    # The quotations are a voice of their own.
    voices = read(out, "02_voice.csv")
    quoted = voices[voices["voice"] == "quoted"]
    assert any("completely unacceptable" in text for text in quoted["text"])
    agreement = read(out, "02_lexicon_agreement.csv").iloc[0]
    assert agreement["n"] == len(sentences)
    assert -1 <= agreement["pearson"] <= 1
    explanations = read(out, "02_explanations.csv")
    assert set(explanations["sent_id"]) <= set(sentences["sent_id"])
    for start, end, word in explanations[["start", "end", "word"]].itertuples(index=False):
        assert article.text[start:end].replace("’", "'") == word


def test_sentiment_notebook_on_a_short_article_with_options(tmp_path):
    path = tmp_path / "articles" / "sentiment-test.txt"
    path.parent.mkdir(parents=True)
    path.write_text(SENTIMENT_ARTICLE, encoding="utf-8")
    parameters = {
        "ACTORS": ["JPN", "RUS"],
        "TARGET": "talks",
        "ACTOR_UNIT": "clause",
        "THRESHOLD": 0.1,
    }
    out = run(tmp_path, path, **parameters)
    article = load_article(path)
    sentences = check_common(out, article, parameters)
    assert len(sentences) == 4  # the title line is not part of the body
    # "didn’t welcome the escalation": the typographic negation and the domain word count.
    france = sentences[sentences["text"].str.startswith("France")].iloc[0]
    assert france.compound != france.compound_raw
    tone = read(out, "02_actor_tone.csv")
    assert set(tone["actor_id"]) == {"JPN", "RUS", "target"}
    evidence = read(out, "02_actor_evidence.csv")
    assert (evidence["unit"] == "clause").all()
    russia = evidence[(evidence["actor_id"] == "RUS") & (evidence["sent_id"] == 1)].iloc[0]
    assert russia.unit_text == "Russia condemned the sanctions."
    # The neutral band parameter reaches the labels.
    assert set(sentences.loc[sentences["compound"].abs() < 0.1, "label"]) <= {"neutral"}
    # Four sentences: the most negative and most positive are chosen by label, none twice.
    explanations = read(out, "02_explanations.csv")
    assert not explanations.duplicated(["sent_id", "position"]).any()
    labels = sentences.set_index("sent_id")["label"]
    assert set(labels[explanations["sent_id"].unique()]) <= {"negative", "positive"}


def test_sentiment_notebook_plain_vader_mode(tmp_path):
    path = tmp_path / "articles" / "sentiment-test.txt"
    path.parent.mkdir(parents=True)
    path.write_text(SENTIMENT_ARTICLE, encoding="utf-8")
    out = run(tmp_path, path, DOMAIN_ADJUST=False)
    sentences = read(out, "02_sentences.csv")
    assert (sentences["compound"] == sentences["compound_raw"]).all()
    assert len(read(out, "02_domain_changes.csv")) == 0


def test_the_arc_legend_sits_beside_the_plot_not_over_the_sentences():
    from helpers.plots.sentiment import plot_arc

    table = pd.DataFrame(
        {
            "sent_id": range(6),
            "para_id": [0, 0, 1, 1, 2, 2],
            "compound": [-0.9, -0.85, 0.1, 0.5, -0.2, 0.9],
            "compound_raw": [-0.5, -0.8, 0.2, 0.4, -0.1, 0.8],
        }
    )
    figure = plot_arc(table)
    figure.canvas.draw()
    axes = figure.axes[0]
    legend = axes.get_legend().get_window_extent()
    assert legend.x0 >= axes.get_window_extent().x1 - 1


def test_actor_tone_inside_the_neutral_band_is_drawn_neutral():
    # The issue: a mean inside the neutral band was coloured as positive.
    from matplotlib.colors import to_hex

    from helpers.plots.sentiment import NEGATIVE, POSITIVE, RAW, plot_actor_tone

    tone = pd.DataFrame(
        {
            "actor": ["A", "B", "C"],
            "n_units": [2, 7, 3],
            "mean": [0.03, 0.4, -0.2],
            "ci_low": [float("nan"), 0.1, float("nan")],
            "ci_high": [float("nan"), 0.6, float("nan")],
            "mean_raw": [0.1, 0.3, -0.1],
        }
    )
    figure = plot_actor_tone(tone, threshold=0.05)
    points = figure.axes[0].collections
    colours = [to_hex(c).upper() for c in points[-2].get_facecolors()]
    assert colours == [RAW.upper(), POSITIVE.upper(), NEGATIVE.upper()]
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == ["A (n=2, no interval)", "B (n=7)", "C (n=3, no interval)"]
