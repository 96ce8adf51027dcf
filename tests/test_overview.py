"""Notebook 01's tables (helpers.overview) and the one word count the notebooks share."""

from __future__ import annotations

from types import SimpleNamespace

from helpers.corpus import load_article
from helpers.overview import metadata_table, size_table
from helpers.paths import PROJECT_ROOT
from helpers.sentiment import aggregate_sentiment, score_sentiment
from helpers.text import count_words, segment

SEED = "japan-russia-peace-talks"


def test_the_same_article_has_the_same_number_of_words_in_every_notebook():
    article = load_article(SEED)
    seg = segment(article.text, doc_id=article.id)
    sizes = dict(size_table(seg).values.tolist())
    sentiment = aggregate_sentiment(score_sentiment(seg))
    from helpers.diplomacy import stance_densities

    densities = stance_densities(seg)
    assert sizes["words"] == sentiment["n_words"].item() == densities["words"].iloc[0]
    assert sizes["words"] == count_words(article.text)


def test_sizes_are_integers_and_the_means_rounded():
    sizes = size_table(segment("One two. Three.\n\nFour five six, seven."))
    values = dict(sizes.values.tolist())
    assert [type(values[k]) for k in ("paragraphs", "sentences", "tokens", "words")] == [int] * 4
    assert values["words per sentence, mean"] == 2.33
    assert "\nwords,7\n" in sizes.to_csv(index=False)  # not 7.0


def test_metadata_names_the_article_file_relative_to_the_project_and_lists_extra_fields():
    seed = metadata_table(load_article(SEED))
    assert dict(seed.values.tolist())["path"] == f"data/articles/{SEED}.txt"
    assert str(PROJECT_ROOT) not in seed.to_csv()
    other = SimpleNamespace(
        id="x",
        title="T",
        path="/home/someone/articles/x.txt",
        meta={"outlet": "O", "extra": {"section": "World", "country": "JP"}},
    )
    rows = dict(metadata_table(other).values.tolist())
    assert rows["extra.section"] == "World" and rows["extra.country"] == "JP"
    assert rows["path"] == "x.txt"


def test_every_form_of_reference_has_its_own_fixed_colour():
    # 'leader' and 'agent' shared rose when issue 15 added forms the chart did not know.
    from helpers.actors import FORMS
    from helpers.plots.overview import FORM_COLORS

    assert set(FORMS) <= set(FORM_COLORS)
    assert len(set(FORM_COLORS.values())) == len(FORM_COLORS)
