"""Corpus comparison: helpers.compare on hand-made report tables, and notebook 05 under papermill.

The tables below imitate what notebooks 01-04 save (same columns as
helpers.overview, helpers.sentiment, helpers.framing and helpers.diplomacy
produce), with values small enough to work out by hand. "alpha" has every
table; "beta" only metadata and tone, to check that a partial report is
compared on what it has and that the gaps are named.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from helpers import batch, compare
from helpers.errors import InputError, ParameterError
from helpers.paths import NOTEBOOKS_DIR
from notebook_runner import check_provenance

NOTEBOOK = NOTEBOOKS_DIR / "05_corpus_comparison.ipynb"

ALPHA = {
    "01_metadata.csv": (
        "field,value\nid,alpha\ntitle,Talks end\noutlet,Wire A\npublished,2022-03-21\n"
        "extra.section,Asia\n"
    ),
    "01_sentences.csv": "doc_id,para_id,sent_id,start,end,text\nalpha,0,0,0,5,One.\n",
    "01_actor_mentions.csv": (
        "doc_id,sent_id,actor_id,actor,form,start,end,text\n"
        "alpha,0,JPN,Japan,name,0,5,Japan\n"
        "alpha,0,RUS,Russia,capital,10,16,Moscow\n"
        "alpha,0,RUS,Russia,name,20,26,Russia\n"  # named twice in sentence 0: counts once
        "alpha,1,RUS,Russia,name,30,36,Russia\n"
        "alpha,2,JPN,Japan,demonym,40,48,Japanese\n"
    ),
    # mean (-0.6 + 0.2 + 0.1 + 0.0) / 4 = -0.075; negative 1/4, positive 2/4
    "02_sentences.csv": (
        "doc_id,sent_id,para_id,start,end,text,compound,compound_raw,label\n"
        "alpha,0,0,0,10,a,-0.6,-0.5,negative\n"
        "alpha,1,0,11,20,b,0.2,0.3,positive\n"
        "alpha,2,1,21,30,c,0.1,0.1,positive\n"
        "alpha,3,1,31,40,d,0.0,0.0,neutral\n"
    ),
    "03_frame_hits.csv": "doc_id,sent_id,scheme,frame,hits\nalpha,0,generic,economic,99\n",
    "03_frame_salience.csv": (
        "scheme,frame,frame_key,label,hits,sentences,share_sentences,per_1000_tokens,present,dominant\n"
        "generic,conflict,generic/conflict,Conflict,3,2,0.5,30.0,True,True\n"
        "generic,economic,generic/economic,Economic,1,1,0.25,10.0,True,False\n"
        "policy,security,policy/security,Security,2,2,0.5,20.0,True,True\n"
    ),
    "04_stance_densities.csv": "category,count,words,per_1000\nhedges,2,100,20.0\nboosters,1,100,10.0\n",
    "04_reference_densities.csv": "category,count,words,per_1000,articles\nhedges,9,100,90.0,5\n",
    "04_sourcing.csv": "sourcing,sentences,share\nnamed,1,0.25\ninstitutional,0,0.0\nanonymous,1,0.25\nnone,2,0.5\n",
    "04_intensity_ladder.csv": (
        "doc_id,sent_id,level,label,evidence,speaker,speaker_id\n"
        "alpha,0,0,,,,\n"
        "alpha,1,4,protest,unacceptable,Japan,JPN\n"
        "alpha,2,5,condemnation,completely unacceptable,Japan,JPN\n"
        "alpha,3,0,,,,\n"
    ),
    "04_dyads.csv": (
        "source,target,events,asserted,cooperative,conflictual,mean_weight,net_cooperation\n"
        "Russia,Japan,2,1,0,1,-4.0,-4.0\n"
    ),
}
BETA = {
    "01_metadata.csv": (
        "field,value\nid,beta\ntitle,Ministers meet\noutlet,Wire B\npublished,2022-04-02\n"
        "extra.section,Europe\n"
    ),
    "02_sentences.csv": (
        "doc_id,sent_id,para_id,start,end,text,compound,compound_raw,label\n"
        "beta,0,0,0,10,a,0.4,0.4,positive\n"
        "beta,1,0,11,20,b,0.2,0.2,positive\n"
    ),
    "02_actor_tone.csv": (
        "actor_id,actor,n_units,n_mentions,mean,ci_low,ci_high,share_negative,share_positive,mean_raw\n"
        "JPN,Japan,2,3,0.3,0.2,0.4,0.0,1.0,0.3\n"
    ),
}


@pytest.fixture
def reports(tmp_path) -> Path:
    root = tmp_path / "reports"
    for article, files in (("alpha", ALPHA), ("beta", BETA)):
        (root / article).mkdir(parents=True)
        for name, text in files.items():
            (root / article / name).write_text(text, encoding="utf-8")
    # Folders that are not article reports.
    (root / "_corpus").mkdir()
    (root / "_corpus" / "05_tone.csv").write_text("article_id,mean\nx,1\n", encoding="utf-8")
    (root / "empty").mkdir()
    return root


# ----------------------------------------------------------------------------- compare


def test_tables_are_recognised_by_columns_and_name(reports):
    found = {name: path.name for name, path in compare.find_tables(reports / "alpha").items()}
    assert found == {
        "metadata": "01_metadata.csv",
        "tone": "02_sentences.csv",  # 01_sentences.csv has no scores
        "mentions": "01_actor_mentions.csv",
        "frames": "03_frame_salience.csv",  # not the per-sentence hits
        "stance": "04_stance_densities.csv",  # not the pooled reference
        "intensity": "04_intensity_ladder.csv",
        "dyads": "04_dyads.csv",
        "sourcing": "04_sourcing.csv",
    }
    assert list(compare.article_folders(reports)) == ["alpha", "beta"]


def test_tone_actor_tone_frames_intensity_dyads_by_hand(reports):
    tables = compare.load_tables(reports)
    tone = compare.tone_by_article(tables).set_index("article_id")
    assert tone.loc["alpha", "mean"] == pytest.approx(-0.075)
    assert tone.loc["alpha", "mean_raw"] == pytest.approx((-0.5 + 0.3 + 0.1) / 4)
    assert tone.loc["alpha", ["negative", "neutral", "positive"]].tolist() == [0.25, 0.25, 0.5]
    assert tone.loc["beta", "mean"] == pytest.approx(0.3)

    actors = compare.actor_tone(tables)
    got = {(r.article_id, r.actor): (r.units, round(r.mean, 6)) for r in actors.itertuples()}
    assert got == {
        ("alpha", "Japan"): (2, -0.25),  # sentences 0 and 2
        ("alpha", "Russia"): (2, -0.2),  # sentences 0 and 1
        ("beta", "Japan"): (2, 0.3),  # notebook 02's own table
    }
    assert set(actors.loc[actors.article_id == "beta", "method"]) == {
        "notebook 02 (02_actor_tone.csv)"
    }
    assert compare.actor_tone(tables, min_units=3).empty

    dominant = compare.dominant_frames(compare.frame_salience(tables))
    assert dominant.values.tolist() == [["alpha", "conflict", 30.0]]

    intensity = compare.intensity_by_article(tables)
    assert intensity[
        ["article_id", "highest_level", "label", "sentences_with_reaction"]
    ].values.tolist() == [["alpha", 5, "condemnation", 2]]
    dyads = compare.dyad_table(tables)
    assert dyads.values.tolist() == [["alpha", "Russia", "Japan", 2, -4.0, -4.0]]
    stance = compare.stance_density(tables)
    assert stance[["marker", "density"]].values.tolist() == [["hedges", 20.0], ["boosters", 10.0]]


def test_a_bad_neutral_band_is_refused_with_the_shared_check(reports):
    tables = compare.load_tables(reports)
    for bad in (-0.1, 1.5, float("nan"), "0.05", True):
        with pytest.raises(ParameterError, match="threshold must be a number from 0"):
            compare.tone_by_article(tables, bad)
        with pytest.raises(ParameterError, match="threshold must be a number from 0"):
            compare.summary(tables, bad)
    wide = compare.tone_by_article(tables, 0.4).set_index("article_id")
    assert wide.loc["alpha", "neutral"] > compare.tone_by_article(tables).loc[0, "neutral"]


def test_inventory_names_what_is_missing(reports):
    tables = compare.load_tables(reports)
    coverage = compare.inventory(tables).set_index("article_id")
    assert (coverage.loc["alpha"] == "found").all()
    assert coverage.loc["beta", "tone"] == "found"
    assert coverage.loc["beta", "tone toward actors"] == "found"
    assert coverage.loc["beta", "frames"].startswith("missing: frame salience")
    text = compare.describe_missing(coverage.reset_index())
    assert "frames: missing for 1 of 2 article(s) (beta)" in text
    assert "tone:" not in text


def test_by_outlet_and_by_date(reports):
    tables = compare.load_tables(reports)
    overview = compare.summary(tables)
    meta = compare.article_metadata(tables)
    by_outlet = compare.by_group(overview, meta, "outlet")
    assert by_outlet[["outlet", "articles"]].values.tolist() == [["Wire A", 1], ["Wire B", 1]]
    assert by_outlet["mean_tone"].tolist() == pytest.approx([-0.075, 0.3])
    by_date = compare.by_group(overview, meta, "date", "M")
    assert by_date["period"].tolist() == ["2022-03", "2022-04"]
    # Each period starts on its first day, so a figure can space periods as time passes.
    assert by_date["period_start"].dt.strftime("%Y-%m-%d").tolist() == ["2022-03-01", "2022-04-01"]
    # Fields of one's own (front matter extra:) can be grouped by, like the outlet.
    assert compare.group_fields(meta) == ["outlet", "date", "author", "section"]
    by_section = compare.by_group(overview, meta, "section")
    assert by_section[["section", "articles"]].values.tolist() == [["Asia", 1], ["Europe", 1]]
    with pytest.raises(
        InputError, match="cannot group by 'sectoin'.*outlet, date, author, section"
    ):
        compare.by_group(overview, meta, "sectoin")


def test_a_mean_of_counts_that_is_whole_is_written_as_a_count(tmp_path):
    # 05_by_outlet.csv said '32.0' sentences and '5.0' as the highest rung for one article.
    meta = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Y"]})

    def written(sentences):
        table = pd.DataFrame(
            {"article_id": ["a", "b", "c"], "sentences": sentences, "mean_tone": [0.1, 0.2, 0.3]}
        )
        compare.by_group(table, meta, "outlet").to_csv(tmp_path / "by.csv", index=False)
        return (tmp_path / "by.csv").read_text(encoding="utf-8").splitlines()[1:]

    assert [line.rsplit(",", 1)[0] for line in written([32, 10, 12])] == ["X,1,32", "Y,2,11"]
    # One group's mean is not whole: the column stays a column of means.
    assert [line.rsplit(",", 1)[0] for line in written([32, 10, 11])] == ["X,1,32.0", "Y,2,10.5"]


def test_key_figures_for_the_batch_index(reports):
    assert compare.key_figures(reports / "alpha") == {
        "title": "Talks end",
        "outlet": "Wire A",
        "published": "2022-03-21",
        "sentences": 4,
        "mean_sentiment": -0.075,
        "dominant_frame": "conflict",
        "highest_intensity": "5 condemnation",
    }
    beta = compare.key_figures(reports / "beta")
    assert (beta["sentences"], beta["mean_sentiment"]) == (2, 0.3)
    assert compare.key_figures(reports / "empty") == {}


def test_clear_errors_for_missing_reports(reports, tmp_path):
    with pytest.raises(InputError, match="no report for article.*gamma"):
        compare.load_tables(reports, "alpha,gamma")
    with pytest.raises(InputError, match="no reports folder"):
        compare.load_tables(tmp_path / "nowhere")
    (tmp_path / "bare").mkdir()
    with pytest.raises(InputError, match="no article reports to compare"):
        compare.load_tables(tmp_path / "bare")


def test_batch_runs_notebook_05_once_after_the_articles():
    kinds = {nb.stem: nb.kind for nb in batch.discover_notebooks()}
    assert kinds["05_corpus_comparison"] == "corpus"


# ----------------------------------------------------------------------------- notebook


def _execute(parameters: dict, output: Path, cwd: Path) -> None:
    from papermill import execute_notebook

    execute_notebook(
        str(NOTEBOOK),
        str(output),
        parameters=parameters,
        kernel_name="python3",
        kernel_manager_class=batch._kernel_manager_class(),
        progress_bar=False,
        cwd=str(cwd),
    )


@pytest.mark.notebook
def test_notebook_05_compares_many_articles(reports, tmp_path):
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    out = tmp_path / "out"
    parameters = {"REPORTS": str(reports), "OUTPUT_DIR": str(out), "GROUP_BY": "section"}
    _execute(parameters, tmp_path / "05.ipynb", elsewhere)
    tone = pd.read_csv(out / "05_tone.csv").set_index("article_id")
    assert tone.loc["alpha", "mean"] == pytest.approx(-0.075)
    assert tone.loc["beta", "mean"] == pytest.approx(0.3)
    actor = pd.read_csv(out / "05_actor_tone.csv")
    assert actor.loc[(actor.article_id == "alpha") & (actor.actor == "Japan"), "mean"].item() == (
        pytest.approx(-0.25)
    )
    assert pd.read_csv(out / "05_dominant_frames.csv")["frame"].tolist() == ["conflict"]
    assert pd.read_csv(out / "05_intensity.csv")["highest_level"].tolist() == [5]
    inventory = pd.read_csv(out / "05_inventory.csv").set_index("article_id")
    assert inventory.loc["beta", "dyads"].startswith("missing")
    assert pd.read_csv(out / "05_by_outlet.csv")["outlet"].tolist() == ["Wire A", "Wire B"]
    by_section = pd.read_csv(out / "05_by_section.csv").set_index("section")
    assert by_section.loc["Asia", "mean_tone"] == pytest.approx(-0.075)
    for figure in ("05_tone.png", "05_actor_tone.png", "05_frames.png", "05_dyads.png"):
        assert (out / figure).stat().st_size > 1000
    assert (out / "05_tone_by_section.png").stat().st_size > 1000
    check_provenance(out, "05_corpus_comparison", parameters)
    assert list(elsewhere.iterdir()) == []  # nothing written relative to the working directory


@pytest.mark.notebook
def test_notebook_05_runs_on_one_partial_article(reports, tmp_path):
    out = tmp_path / "one"
    # Values other than the defaults: the provenance must record these, not the defaults.
    parameters = {
        "REPORTS": str(reports),
        "ARTICLES": "beta",
        "THRESHOLD": 0.3,
        "DATE_PERIOD": "Y",
        "OUTPUT_DIR": str(out),
    }
    _execute(parameters, tmp_path / "05.ipynb", tmp_path)
    check_provenance(out, "05_corpus_comparison", parameters)
    tone = pd.read_csv(out / "05_tone.csv")
    assert tone["article_id"].tolist() == ["beta"]
    assert pd.read_csv(out / "05_summary.csv")["sentences"].tolist() == [2]  # an integer
    assert pd.read_csv(out / "05_intensity.csv").empty
    assert pd.read_csv(out / "05_dyads.csv").empty
    executed = json.loads((tmp_path / "05.ipynb").read_text(encoding="utf-8"))
    printed = "".join(
        "".join(output.get("text", ""))
        for cell in executed["cells"]
        for output in cell.get("outputs", [])
    )
    assert "frames: missing for 1 of 1 article(s) (beta)" in printed
    assert not math.isnan(tone["mean"].item())


# ----------------------------------------------------------------------------- long tables


def test_the_corpus_as_two_long_tables(reports):
    from helpers.compare.long import CODE_COLUMNS, corpus_codes, corpus_sentences

    codes = corpus_codes(reports)
    assert tuple(codes.columns) == CODE_COLUMNS
    alpha = codes[codes["article_id"] == "alpha"]
    sentiment = alpha[alpha["analysis"] == "sentiment"]
    assert len(sentiment) == 8  # four sentences, compound and compound_raw
    assert sentiment.set_index(["sent_id", "code"]).loc[(0, "compound"), "value"] == -0.6
    actors = alpha[alpha["analysis"] == "actor"]
    assert actors[["sent_id", "code", "value"]].values.tolist() == [
        [0, "Japan", 1.0],
        [0, "Russia", 2.0],
        [1, "Russia", 1.0],
        [2, "Japan", 1.0],
    ]
    levels = alpha[alpha["analysis"] == "intensity"]
    assert levels[["sent_id", "value"]].values.tolist() == [[1, 4.0], [2, 5.0]]  # rung 0: no row
    beta = codes[codes["article_id"] == "beta"]
    assert set(beta["analysis"]) == {"sentiment"}  # what beta's report has
    assert codes["value"].dtype.kind == "f"
    sentences = corpus_sentences(reports)
    assert sentences[["article_id", "sent_id", "text", "outlet", "section"]].values.tolist() == [
        ["alpha", 0, "One.", "Wire A", "Asia"],
        ["beta", 0, "a", "Wire B", "Europe"],  # no 01_sentences.csv: notebook 02's sentences
        ["beta", 1, "b", "Wire B", "Europe"],
    ]


# ----------------------------------------------------------------------------- figures


def _boxes(figure, artists):
    renderer = figure.canvas.get_renderer()
    return [artist.get_window_extent(renderer) for artist in artists if artist.get_text()]


def test_tone_notes_never_run_into_the_article_names():
    from helpers.plots import corpus as plots

    tone = pd.DataFrame(
        {
            "article_id": ["a-rather-long-article-name", "beta", "gamma-negative"],
            "mean": [-0.35, 0.2, -0.05],
            "negative": [0.6, 0.1, 0.3],
        }
    )
    figure = plots.tone_bars(tone)
    figure.canvas.draw()
    axes = figure.axes[0]
    notes = _boxes(figure, axes.texts)
    names = _boxes(figure, axes.get_yticklabels())
    assert len(notes) == 3 and len(names) == 3
    assert not any(note.overlaps(name) for note in notes for name in names)
    left, right = axes.get_xlim()
    assert left == -right  # symmetric around zero


def test_heatmap_numbers_are_readable_on_dark_and_light_cells():
    from helpers.plots import corpus as plots

    salience = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "scheme": "generic",
            "frame": ["conflict", "economic"],
            "salience": [27.0, 1.0],
            "measure": "per_1000_tokens",
        }
    )
    figure = plots.frame_heatmap(salience)
    colours = {text.get_text(): text.get_color() for text in figure.axes[0].texts}
    assert colours == {"27": "white", "1": "black"}


def test_periods_are_points_on_a_time_axis_not_a_line():
    import matplotlib.dates as mdates

    from helpers.plots import corpus as plots

    overview = pd.DataFrame({"article_id": ["a", "b", "c"], "mean_tone": [0.1, -0.2, 0.3]})
    metadata = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "title": None,
            "outlet": None,
            "author": None,
            "published": pd.to_datetime(["2022-01-05", "2022-01-20", "2022-06-02"]),
        }
    )
    grouped = compare.by_group(overview, metadata, "date", "M")
    figure = plots.group_plot(grouped, "mean_tone")
    axes = figure.axes[0]
    points = axes.collections[0].get_offsets()
    days = points[1][0] - points[0][0]
    assert days == pytest.approx(151)  # 1 January to 1 June, as time passes
    assert mdates.num2date(points[0][0]).strftime("%Y-%m") == "2022-01"
    joined = [line for line in axes.lines if len(set(line.get_ydata())) > 1]
    assert not joined
    assert sorted(text.get_text() for text in axes.texts) == ["n=1", "n=2"]


def test_an_empty_table_means_none_found_not_missing(reports):
    gamma = reports / "gamma"
    gamma.mkdir()
    (gamma / "02_sentences.csv").write_text(BETA["02_sentences.csv"], encoding="utf-8")
    (gamma / "04_dyads.csv").write_text(ALPHA["04_dyads.csv"].splitlines()[0] + "\n")
    tables = compare.load_tables(reports)
    coverage = compare.inventory(tables).set_index("article_id")
    assert coverage.loc["gamma", "dyads"] == "found"
    assert coverage.loc["beta", "dyads"].startswith("missing")
    summary = compare.summary(tables).set_index("article_id")
    assert summary.loc["gamma", "dyads"] == 0  # its report found no dyad
    assert pd.isna(summary.loc["beta", "dyads"])  # its report has no dyad table
    from helpers.display import MISSING, table_html

    page = table_html(summary.reset_index()[["article_id", "dyads"]])
    assert "<NA>" not in page and f"<td>{MISSING}</td>" in page
