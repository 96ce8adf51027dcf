"""When a report is stale, and why: the batch's inputs, its --dry-run, and hand runs.

The notebooks are the tiny ones of test_batch (they read an article and write
a table); a third one, 03_reference, compares its article with every article
of the folder, as notebook 04 does, and declares so (``ddn.reads``). Each
scenario asks ``--dry-run`` what a real run would do, runs it, and compares.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import batch, paths
from helpers import provenance as batch_provenance
from helpers.batch import inputs
from helpers.errors import ParameterError
from test_batch import cli, folders, make_project, write_notebook

REFERENCE_PARAMETERS = """\
ARTICLE: str = ""  # article id or path
OUTPUT_DIR: str = ""  # folder for the tables
"""
# Counts the articles of the folder its article is in: a report that reads the corpus.
REFERENCE_CODE = """\
from pathlib import Path
n = len([p for p in Path(ARTICLE).parent.iterdir() if not p.name.startswith(".")])
(Path(OUTPUT_DIR) / "reference.csv").write_text(f"articles\\n{n}\\n", encoding="utf-8")
"""


@pytest.fixture(autouse=True)
def stable_helpers_source(monkeypatch):
    """Others edit src/helpers while these tests run: the tests must not see their edits."""
    monkeypatch.setattr(batch_provenance, "helpers_source_hash", lambda: "fixed-for-tests")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Two articles; notebooks reading their article (01, 02), the corpus (03), the reports (05).

    The data folder (cleaning rules) is the test's own, so the test may edit it.
    """
    project = make_project(tmp_path, failing=False)
    write_notebook(
        project["notebooks"] / "03_reference.ipynb",
        REFERENCE_PARAMETERS,
        REFERENCE_CODE,
        reads=["article", "articles"],
    )
    # 01 also reads the cleaning rules, as every notebook that loads an article does.
    notebook = project["notebooks"] / "01_count.ipynb"
    content = json.loads(notebook.read_text(encoding="utf-8"))
    content["metadata"]["ddn"]["reads"] = ["article", "cleaning_rules"]
    notebook.write_text(json.dumps(content), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "cleaning_rules.yml").write_text("rules: []\n", encoding="utf-8")
    monkeypatch.setattr(paths, "DATA_DIR", data)
    return project


def _dry_run(project, capsys, *extra) -> dict[str, tuple[str, str]]:
    """``{label: (render|skip, why)}`` as ``--dry-run`` prints it."""
    assert cli(project, "--dry-run", *extra) == 0
    plan = {}
    for line in capsys.readouterr().out.splitlines():
        parts = line.split("\t")
        if parts[0] in ("render", "skip"):
            plan[parts[1]] = (parts[0], parts[2])
    return plan


def _run(project, *, force: bool = False, parameters: dict | None = None) -> dict[str, str]:
    """``{label: render|skip}`` of a real run."""
    results = batch.run_batch(
        *folders(project), progress=False, jobs=1, force=force, parameters=parameters or {}
    )
    return {
        f"{Path(row.out_dir).name}/{row.notebook}": "skip" if row.status == "skipped" else "render"
        for row in results.itertuples(index=False)
    }


def _agree(project, capsys, *, force=False, parameters=None) -> dict[str, tuple[str, str]]:
    """Dry-run, then the real run with the same options; assert they agree; return the plan."""
    flags = ["--force"] if force else []
    for name, value in (parameters or {}).items():
        flags += ["-p", f"{name}={value}"]
    plan = _dry_run(project, capsys, *flags)
    real = _run(project, force=force, parameters=parameters)
    assert real == {label: action for label, (action, _) in plan.items()}
    return plan


@pytest.mark.notebook
def test_dry_run_says_why_each_report_is_rendered_and_agrees_with_the_real_run(project, capsys):
    plan = _agree(project, capsys)
    corpus = plan.pop("_corpus/05_corpus")
    assert set(plan.values()) == {("render", "no report yet")}
    assert corpus[1].startswith("no report yet; reports it reads are rendered in this run: ")
    assert corpus[1].endswith(" and 1 more")  # six article reports, five named
    plan = _agree(project, capsys)
    assert set(plan.values()) == {("skip", "up to date")}

    # A new article: its reports, the reports that read every article, the corpus.
    (project["articles"] / "delta.txt").write_text("Talks resumed again.", encoding="utf-8")
    plan = _agree(project, capsys)
    assert plan["alpha/01_count"] == ("skip", "up to date")
    assert plan["alpha/03_reference"] == ("render", "data/articles: added delta")
    assert plan["delta/02_frames"] == ("render", "no report yet")
    assert plan["_corpus/05_corpus"][0] == "render"
    reference = project["reports"] / "alpha" / "reference.csv"
    assert reference.read_text(encoding="utf-8").split() == ["articles", "3"]

    # Edited cleaning rules: every report that reads them.
    rules = paths.DATA_DIR / "cleaning_rules.yml"
    rules.write_text("rules: []  # edited\n", encoding="utf-8")
    plan = _agree(project, capsys)
    assert {label for label, (action, _) in plan.items() if action == "render"} == {
        "alpha/01_count",
        "beta/01_count",
        "delta/01_count",
        "_corpus/05_corpus",
    }
    assert plan["beta/01_count"] == ("render", "data/cleaning_rules.yml changed")

    # A parameter: the reports of the notebooks that declare it.
    plan = _agree(project, capsys, parameters={"SCALE": 0.5})
    assert plan["alpha/01_count"] == ("render", "parameters: SCALE (default) -> 0.5")
    assert plan["alpha/02_frames"] == ("skip", "up to date")
    plan = _agree(project, capsys, parameters={"SCALE": 0.5}, force=True)
    assert set(action for action, _ in plan.values()) == {"render"}


@pytest.mark.notebook
def test_a_file_changed_by_hand_in_reports_makes_its_report_stale(project, capsys):
    """One owner per output: a table rewritten by a hand run is the batch's to redo."""
    _run(project)
    table = project["reports"] / "alpha" / "sentences.csv"
    batch_made = table.read_bytes()
    table.write_text("doc_id,sent_id,compound,label\nx,0,0.3,by hand\n", encoding="utf-8")
    plan = _dry_run(project, capsys)
    assert plan["alpha/01_count"] == (
        "render",
        "file(s) changed since the batch wrote them: sentences.csv",
    )
    assert plan["beta/01_count"] == ("skip", "up to date")
    (project["reports"] / "beta" / "frames.csv").unlink()
    assert _dry_run(project, capsys)["beta/02_frames"] == ("render", "file(s) missing: frames.csv")
    done = _run(project)
    assert done["alpha/01_count"] == "render" and done["beta/02_frames"] == "render"
    assert table.read_bytes() == batch_made


def test_what_a_notebook_reads_is_declared_and_checked(tmp_path):
    assert inputs.default_reads("article") == (
        "article",
        "articles",
        "cleaning_rules",
        "lexicons",
        "validation",
    )
    assert inputs.declared_reads({"ddn": {"reads": []}}, "article", "x") == ("article",)
    assert inputs.declared_reads({"ddn": {"reads": ["reports"]}}, "corpus", "x") == ("reports",)
    with pytest.raises(ParameterError, match=r"unknown input\(s\) 'lexicon'.*metadata.ddn.reads"):
        inputs.declared_reads({"ddn": {"reads": ["lexicon"]}}, "article", "01_x.ipynb")
    with pytest.raises(ParameterError, match="unknown input"):
        inputs.declared_reads({"ddn": {"reads": "articles"}}, "article", "01_x.ipynb")
    # The project's own notebooks: 01 leaves other articles out, 05 reads the reports.
    reads = {nb.stem: nb.reads for nb in batch.discover_notebooks()}
    assert "articles" not in reads["01_overview"] and "cleaning_rules" in reads["01_overview"]
    assert reads["05_corpus_comparison"] == ("reports",)
    assert "validation" in reads["06_validation"] and "article" not in reads["06_validation"]


def test_a_file_a_parameter_names_is_an_input(tmp_path, monkeypatch):
    sheet = tmp_path / "coder_a.csv"
    sheet.write_text("text\nA.\n", encoding="utf-8")
    before = inputs.named_files({"SHEET_A": str(sheet), "THRESHOLD": 0.05, "TERM": "war"})
    assert list(before) == ["SHEET_A"]
    sheet.write_text("text\nB.\n", encoding="utf-8")
    after = inputs.named_files({"SHEET_A": str(sheet)})
    assert inputs.describe_changes({"files": before}, {"files": after}) == [
        "files named by parameters: changed SHEET_A"
    ]


def test_changes_are_described_input_by_input():
    old = {
        "packages": {"pandas": "2.2.0", "nltk": "3.9"},
        "python": "3.11.7",
        "notebook": "aa",
        "parameters": {"user": {}, "show_code": False},
        "lexicons": {"stance.yml": "1", "events.yml": "2"},
    }
    new = {
        "packages": {"pandas": "2.3.0", "nltk": "3.9"},
        "python": "3.12.1",
        "notebook": "bb",
        "parameters": {"user": {}, "show_code": True},
        "lexicons": {"stance.yml": "9", "frames.yml": "3"},
    }
    assert inputs.describe_changes(old, new) == [
        "the notebook file changed",
        "parameters: --show-code on",
        "Python 3.11.7 -> 3.12.1",
        "package versions: pandas 2.2.0 -> 2.3.0",
        "data/lexicons: added frames.yml; removed events.yml; changed stance.yml",
    ]


@pytest.mark.notebook
def test_a_notebook_run_by_hand_writes_to_scratch_never_to_reports(tmp_path, monkeypatch):
    """Notebook 01 run as a researcher runs it (no OUTPUT_DIR): its files go to scratch/<id>/."""
    import papermill as pm

    monkeypatch.setenv("DDN_SCRATCH_DIR", str(tmp_path / "scratch"))
    monkeypatch.setenv("DDN_REPORTS_DIR", str(tmp_path / "reports"))
    pm.execute_notebook(
        str(paths.NOTEBOOKS_DIR / "01_overview.ipynb"),
        str(tmp_path / "01_overview.ipynb"),
        parameters={"KWIC_TERM": "talks"},
        kernel_name="ddn",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    scratch = tmp_path / "scratch" / "japan-russia-peace-talks"
    assert (scratch / "01_overview.provenance.json").is_file()
    assert (scratch / "01_kwic.csv").is_file()
    assert not (tmp_path / "reports").exists()
    record = json.loads((scratch / "01_overview.provenance.json").read_text(encoding="utf-8"))
    assert record["parameters"]["KWIC_TERM"] == "talks"


def test_report_dir_defaults_to_the_scratch_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "SCRATCH_DIR", tmp_path / "scratch")
    assert paths.report_dir("talks") == tmp_path / "scratch" / "talks"
    assert paths.report_dir("talks", tmp_path / "mine") == tmp_path / "mine"
    with pytest.raises(ParameterError, match="unsafe"):
        paths.report_dir("../talks")


def test_the_project_actors_file_is_an_input_of_what_reads_the_lexicons(tmp_path, monkeypatch):
    # Every analysis reads data/project_actors.yml (or $DDN_ACTORS) with actors.yml (issue 15):
    # adding or editing it must make the reports that read the lexicons stale.
    own = tmp_path / "my_actors.yml"
    monkeypatch.setenv("DDN_ACTORS", str(own))
    before = inputs.lexicon_inputs()
    assert "my_actors.yml" not in before and "actors.yml" in before
    own.write_text("actors: {}\n", encoding="utf-8")
    added = inputs.lexicon_inputs()
    assert set(added) - set(before) == {"my_actors.yml"}
    own.write_text("actors: {}  # edited\n", encoding="utf-8")
    changes = inputs.describe_changes({"lexicons": added}, {"lexicons": inputs.lexicon_inputs()})
    assert changes == ["data/lexicons: changed my_actors.yml"]


def test_every_notebook_declares_what_it_reads_and_where_a_hand_run_writes():
    # Notebooks 02 and 04 still said "reports/<id>/" and "provenance.json" after issue 19.
    import nbformat

    for notebook in sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        content = nbformat.read(notebook, as_version=4)
        assert "reads" in content.metadata["ddn"], notebook.name
        intro = content.cells[0].source
        assert f"`{notebook.stem}.provenance.json`" in intro, notebook.name
        assert "scratch/" in intro and "`provenance.json`" not in intro, notebook.name
        assert "papermill notebooks/" in intro and " reports/" not in intro.split("papermill")[1]
    reads = {nb.stem: nb.reads for nb in batch.discover_notebooks()}
    assert "articles" in reads["04_diplomatic_language"]  # its stance reference is the corpus
    assert "articles" not in reads["02_sentiment"]
