"""Notebook 01 runs under papermill, on the seed and on a short article, and writes its tables."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.corpus import load_article
from helpers.text import split_sentences
from notebook_runner import render

pytestmark = pytest.mark.notebook


def run(tmp_path, article):
    return render("01_overview", tmp_path, {"ARTICLE": str(article), "MIN_COLLOCATION_FREQ": 1})


def test_overview_on_the_seed(tmp_path, seed_path):
    out = run(tmp_path, seed_path)
    article = load_article(seed_path)
    sentences = pd.read_csv(out / "01_sentences.csv")
    assert len(sentences) == len(split_sentences(article.text))
    cleaning = pd.read_csv(out / "01_cleaning_log.csv")
    assert len(cleaning) > 0  # the seed carries newsletter furniture
    counts = pd.read_csv(out / "01_actor_counts.csv")
    assert {"actor", "form", "text", "count"} <= set(counts.columns)
    assert counts["count"].sum() == len(pd.read_csv(out / "01_actor_mentions.csv"))
    provenance = json.loads((out / "01_overview.provenance.json").read_text())
    # Recorded relative to the project: no folder of this machine in a report.
    assert provenance["parameters"]["ARTICLE"] == "data/articles/japan-russia-peace-talks.txt"


def test_overview_on_a_short_article(tmp_path, short_article):
    out = run(tmp_path, short_article)
    sizes = dict(pd.read_csv(out / "01_sizes.csv").values.tolist())
    assert sizes["paragraphs"] == 2 and sizes["sentences"] == 4
    mentions = pd.read_csv(out / "01_actor_mentions.csv")
    assert {"France", "Germany", "Russia"} <= set(mentions["actor"])
    kwic = pd.read_csv(out / "01_kwic.csv", keep_default_na=False)
    assert kwic["keyword"].tolist() == ["sanctions"]
