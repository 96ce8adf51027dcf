"""Tests for helpers.provenance: what a report records, and when a fingerprint changes."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from helpers import provenance
from helpers.errors import ParameterError


@pytest.fixture
def lexicons(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "frames.yml").write_text("meta: {source: test}\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "extra.dic").write_text("%\n1 a\n%\n", encoding="utf-8")
    (folder / ".frames.yml.swp").write_text("editor junk", encoding="utf-8")
    monkeypatch.setattr(provenance.paths, "LEXICONS_DIR", folder)
    return folder


def test_file_sha256_matches_hashlib(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"peace treaty")
    assert provenance.file_sha256(path) == hashlib.sha256(b"peace treaty").hexdigest()


def test_lexicon_hashes_cover_nested_files_and_skip_hidden(lexicons):
    found = provenance.lexicon_hashes()
    assert sorted(found) == ["frames.yml", "sub/extra.dic"]
    assert found["frames.yml"] == hashlib.sha256(b"meta: {source: test}\n").hexdigest()


def test_package_versions_known_and_missing():
    versions = provenance.package_versions(["pandas", "definitely-not-installed-ddn"])
    import pandas

    assert versions["pandas"] == pandas.__version__
    assert versions["definitely-not-installed-ddn"] is None


def test_git_state_outside_a_repository_is_none(tmp_path):
    assert provenance.git_state(tmp_path) == {"commit": None, "dirty": None}


def test_article_info_from_path_id_and_object(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    file = articles / "talks.txt"
    file.write_bytes(b"Moscow ended the talks.")
    monkeypatch.setattr(provenance.paths, "ARTICLES_DIR", articles)
    expected = hashlib.sha256(b"Moscow ended the talks.").hexdigest()

    by_path = provenance.article_info(file)
    by_id = provenance.article_info("talks")
    by_object = provenance.article_info(
        SimpleNamespace(id="talks", text="Moscow ended the talks.", meta={})
    )
    assert by_path["id"] == by_id["id"] == by_object["id"] == "talks"
    assert by_path["sha256"] == by_id["sha256"] == by_object["sha256"] == expected
    assert by_object["text_sha256"] == expected  # same bytes, UTF-8
    unknown = provenance.article_info("not-there")
    assert unknown["sha256"] is None and unknown["id"] == "not-there"
    assert provenance.article_info(None) is None


def test_write_provenance_records_everything(tmp_path, lexicons, monkeypatch):
    monkeypatch.setattr(
        provenance,
        "vader_info",
        lambda: {"path": "/x/vader_lexicon.txt", "sha256": "f" * 64, "version": "3.3.2"},
    )
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")
    started = datetime.now(UTC) - timedelta(seconds=3)
    path = provenance.write_provenance(
        tmp_path / "out",
        notebook="02_sentiment",
        parameters={"THRESHOLD": 0.05, "DOMAIN_ADJUST": True},
        article=article,
        started=started,
    )
    assert path == tmp_path / "out" / "02_sentiment.provenance.json"  # one file per notebook
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["notebook"] == "02_sentiment"
    assert record["parameters"] == {"THRESHOLD": 0.05, "DOMAIN_ADJUST": True}
    assert record["article"]["id"] == "a"
    assert record["article"]["sha256"] == hashlib.sha256(b"Text.").hexdigest()
    assert sorted(record["lexicons"]) == ["frames.yml", "sub/extra.dic"]
    assert record["vader_lexicon"]["version"] == "3.3.2"
    assert record["packages"]["nltk"] is not None
    assert record["python"] == ".".join(map(str, sys.version_info[:3]))
    assert set(record["git"]) == {"commit", "dirty"}
    assert 2.5 <= record["seconds"] < 60
    assert record["started"] < record["finished"]
    assert record["cleaning_rules"] == provenance.cleaning_rules_hash()
    # No temporary file left behind by the atomic write.
    assert [p.name for p in path.parent.iterdir()] == ["02_sentiment.provenance.json"]


def test_a_record_names_no_folder_of_this_machine(tmp_path, monkeypatch):
    """Paths inside the project are relative to it; others keep their name; a staging
    folder of the batch is recorded as the report folder it becomes."""
    root = provenance.paths.PROJECT_ROOT
    article = root / "data" / "articles" / "japan-russia-peace-talks.txt"
    staging = root / "reports" / "talks" / ".tmp-02_sentiment-11-abcdef12"
    elsewhere = tmp_path / "Ünusual folder" / "coder a.csv"
    elsewhere.parent.mkdir()
    elsewhere.write_text("x", encoding="utf-8")
    path = provenance.write_provenance(
        tmp_path / "out",
        notebook="02_sentiment",
        parameters={"OUTPUT_DIR": str(staging), "SHEET_A": str(elsewhere), "T": 0.05},
        article=article,
    )
    text = path.read_text(encoding="utf-8")
    record = json.loads(text)
    assert record["parameters"] == {
        "OUTPUT_DIR": "reports/talks",
        "SHEET_A": "coder a.csv",
        "T": 0.05,
    }
    assert record["article"]["path"] == "data/articles/japan-russia-peace-talks.txt"
    assert not Path(record["executable"]).is_absolute()
    for machine in (str(root), str(tmp_path), ".tmp-", str(Path.home())):
        assert machine not in text


def test_vader_info_tolerates_missing_resources_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "helpers.resources", None)  # import now fails
    assert provenance.vader_info() is None


def _fp(nb, params, article=None, env=None):
    return provenance.fingerprint(
        notebook=nb, parameters=params, article=article, env=env or {"packages": {"a": "1"}}
    )


def test_fingerprint_changes_with_each_ingredient(tmp_path):
    nb = tmp_path / "01_x.ipynb"
    nb.write_text('{"cells": []}', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("one", encoding="utf-8")
    base = _fp(nb, {"T": 1}, art)
    assert base == _fp(nb, {"T": 1}, art)
    assert base != _fp(nb, {"T": 2}, art)
    assert base != _fp(nb, {"T": 1}, art, env={"packages": {"a": "2"}})
    art.write_text("two", encoding="utf-8")
    changed_article = _fp(nb, {"T": 1}, art)
    assert changed_article != base
    nb.write_text('{"cells": [1]}', encoding="utf-8")
    assert _fp(nb, {"T": 1}, art) != changed_article


def test_fingerprint_ignores_where_the_article_lives(tmp_path):
    nb = tmp_path / "01_x.ipynb"
    nb.write_text("{}", encoding="utf-8")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text("same", encoding="utf-8")
    (tmp_path / "two" / "a.txt").write_text("same", encoding="utf-8")
    assert _fp(nb, {}, tmp_path / "one" / "a.txt") == _fp(nb, {}, tmp_path / "two" / "a.txt")


# ----------------------------------------------------------------------------- closing cell


def _notebook(path, parameters_cell: str, *cells: str) -> None:
    """Write a minimal notebook: a tagged parameters cell, then plain code cells."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(parameters_cell, metadata={"tags": ["parameters"]})]
    notebook.cells += [nbformat.v4.new_code_cell(cell) for cell in cells]
    notebook.metadata["kernelspec"] = {"name": "ddn", "language": "python", "display_name": "ddn"}
    nbformat.write(notebook, str(path))


PARAMETERS_CELL = """\
ARTICLE: str = "talks"  # id
THRESHOLD: float = 0.05  # neutral band
ACTORS: list = []  # actor ids
DOMAIN_ADJUST: bool = True  # news-aware
SEED = 0  # untyped still counts
OUTPUT_DIR: str = ""  # folder
"""


#: Values other than PARAMETERS_CELL's defaults.
VALUES = {
    "ARTICLE": "a",
    "THRESHOLD": 0.2,
    "ACTORS": ["JPN"],
    "DOMAIN_ADJUST": False,
    "SEED": 3,
    "OUTPUT_DIR": "",
}


def test_parameter_names_in_order_typed_or_not(tmp_path):
    path = tmp_path / "07_demo.ipynb"
    _notebook(path, PARAMETERS_CELL, "derived = THRESHOLD * 2")
    assert provenance.parameter_names(path) == (
        "ARTICLE",
        "THRESHOLD",
        "ACTORS",
        "DOMAIN_ADJUST",
        "SEED",
        "OUTPUT_DIR",
    )


def test_parameter_names_of_the_project_notebooks_match_papermill():
    from papermill.inspection import inspect_notebook

    for path in sorted(provenance.paths.NOTEBOOKS_DIR.glob("*.ipynb")):
        assert list(provenance.parameter_names(path)) == list(inspect_notebook(str(path)))


def test_parameter_names_without_a_parameters_cell_or_of_a_broken_file(tmp_path):
    import nbformat

    plain = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]), str(plain))
    assert provenance.parameter_names(plain) == ()
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ParameterError, match="cannot read the notebook's parameters"):
        provenance.parameter_names(broken)
    bad_python = tmp_path / "bad.ipynb"
    _notebook(bad_python, "ARTICLE: str = (  # open\n")
    with pytest.raises(ParameterError, match="not valid Python"):
        provenance.parameter_names(bad_python)


def test_notebook_file_follows_what_the_kernel_names(tmp_path, monkeypatch):
    copy = tmp_path / "02_sentiment-Copy1.ipynb"
    _notebook(copy, PARAMETERS_CELL)
    project = provenance.paths.NOTEBOOKS_DIR / "02_sentiment.ipynb"
    assert provenance.notebook_file("02_sentiment", {}) == project
    # JupyterLab (Jupyter Server) names the open notebook in __session__ ...
    assert provenance.notebook_file("02_sentiment", {"__session__": str(copy)}) == copy
    # ... papermill only with --inject-input-path; it wins over __session__.
    named = {"PAPERMILL_INPUT_PATH": str(copy), "__session__": str(project)}
    assert provenance.notebook_file("02_sentiment", named) == copy
    # A named file that does not exist (a URL, a path from another folder) is ignored.
    gone = {"__session__": str(tmp_path / "gone.ipynb"), "PAPERMILL_INPUT_PATH": "s3://b/x.ipynb"}
    assert provenance.notebook_file("02_sentiment", gone) == project
    # A notebook of one's own, found in the working directory (the kernel's).
    monkeypatch.chdir(tmp_path)
    assert provenance.notebook_file("02_sentiment-Copy1", {}) == copy
    with pytest.raises(ParameterError, match="no notebook file for '99_none'"):
        provenance.notebook_file("99_none", {})
    with pytest.raises(ParameterError, match="leaves"):
        provenance.notebook_file("../02_sentiment", {})


def test_run_parameters_reads_values_from_the_session_not_the_file(tmp_path):
    path = tmp_path / "07_demo.ipynb"
    _notebook(path, PARAMETERS_CELL)
    derived = {"article": object(), "out": "/x"}  # values the notebook derived: not parameters
    session = {"PAPERMILL_INPUT_PATH": str(path), **VALUES, **derived}
    assert provenance.run_parameters("07_demo", session) == VALUES
    del session["SEED"], session["ACTORS"]
    with pytest.raises(ParameterError, match="ACTORS, SEED of 07_demo.ipynb not defined"):
        provenance.run_parameters("07_demo", session)


def test_save_outputs_writes_tables_and_provenance(tmp_path, monkeypatch):
    import pandas as pd

    monkeypatch.setattr(provenance, "environment", lambda: {"python": "3"})
    path = tmp_path / "07_demo.ipynb"
    _notebook(path, PARAMETERS_CELL)
    session = {"PAPERMILL_INPUT_PATH": str(path), **VALUES}
    out = tmp_path / "out"
    table = pd.DataFrame({"sent_id": [0, 1], "text": ["a, b", "c"]})
    written = provenance.save_outputs(
        out, {"07_b.csv": table, "07_a.csv": table}, notebook="07_demo", namespace=session
    )
    assert written == ["07_a.csv", "07_b.csv", "07_demo.provenance.json"]
    assert (out / "07_a.csv").read_text(encoding="utf-8") == table.to_csv(index=False)
    record = json.loads((out / "07_demo.provenance.json").read_text(encoding="utf-8"))
    assert record["notebook"] == "07_demo"
    assert record["parameters"] == VALUES
    assert sorted(p.name for p in out.iterdir()) == written  # no temporary file left


def test_save_outputs_writes_nothing_when_a_parameter_is_missing_or_a_name_leaves(tmp_path):
    import pandas as pd

    path = tmp_path / "07_demo.ipynb"
    _notebook(path, PARAMETERS_CELL)
    out = tmp_path / "out"
    out.mkdir()
    table = pd.DataFrame({"a": [1]})
    with pytest.raises(ParameterError, match="not defined in this session"):
        provenance.save_outputs(
            out, {"t.csv": table}, notebook="07_demo", namespace={"PAPERMILL_INPUT_PATH": str(path)}
        )
    session = {"PAPERMILL_INPUT_PATH": str(path), **VALUES}
    with pytest.raises(ParameterError, match="leaves"):
        provenance.save_outputs(
            out, {"t.csv": table, "../t.csv": table}, notebook="07_demo", namespace=session
        )
    assert list(out.iterdir()) == [] and not (tmp_path / "t.csv").exists()


@pytest.mark.notebook
def test_a_papermill_run_records_exactly_the_injected_values(tmp_path):
    """The papermill command line with -p values other than the defaults, as a user runs it."""
    import subprocess

    source = tmp_path / "07_demo.ipynb"
    closing = (
        "import pandas as pd\n"
        "from helpers.provenance import save_outputs\n"
        "save_outputs(OUTPUT_DIR, {'07_t.csv': pd.DataFrame({'a': [THRESHOLD]})},\n"
        "             notebook='07_demo', namespace=globals())"
    )
    _notebook(source, PARAMETERS_CELL, "derived = THRESHOLD * 2", closing)
    out = tmp_path / "out"
    papermill = Path(sys.executable).parent / "papermill"
    command = [str(papermill), str(source), str(tmp_path / "run.ipynb"), "--inject-input-path"]
    command += ["-k", "ddn", "--cwd", str(tmp_path), "--no-progress-bar"]
    command += ["-p", "THRESHOLD", "0.3", "-p", "DOMAIN_ADJUST", "False", "-p", "SEED", "7"]
    command += ["-y", "ACTORS: [JPN, RUS]", "-p", "OUTPUT_DIR", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    record = json.loads((out / "07_demo.provenance.json").read_text(encoding="utf-8"))
    assert record["notebook"] == "07_demo"
    assert record["parameters"] == {
        "ARTICLE": "talks",  # not injected: the default
        "THRESHOLD": 0.3,
        "ACTORS": ["JPN", "RUS"],
        "DOMAIN_ADJUST": False,
        "SEED": 7,
        "OUTPUT_DIR": "out",  # a folder outside the project: its name only
    }
    assert (out / "07_t.csv").read_text(encoding="utf-8") == "a\n0.3\n"


@pytest.mark.notebook
def test_a_notebook_of_ones_own_rendered_as_the_batch_does(tmp_path):
    """Not in notebooks/, no path injected: found as papermill's output copy in the working folder."""
    import papermill as pm

    mine = tmp_path / "mine"
    staging = tmp_path / "staging"
    mine.mkdir()
    staging.mkdir()
    closing = (
        "import pandas as pd\n"
        "from helpers.provenance import save_outputs\n"
        "save_outputs(OUTPUT_DIR, {}, notebook='07_demo', namespace=globals())"
    )
    _notebook(mine / "07_demo.ipynb", PARAMETERS_CELL, closing)
    pm.execute_notebook(
        str(mine / "07_demo.ipynb"),
        str(staging / "07_demo.ipynb"),
        parameters={"OUTPUT_DIR": str(staging), "SEED": 11},
        kernel_name="ddn",
        cwd=str(staging),
        progress_bar=False,
    )
    record = json.loads((staging / "07_demo.provenance.json").read_text(encoding="utf-8"))
    assert record["parameters"]["SEED"] == 11
    assert sorted(record["parameters"]) == sorted(
        provenance.parameter_names(mine / "07_demo.ipynb")
    )


def test_the_helper_code_hash_covers_the_page_templates(tmp_path):
    # Editing batch/templates/report.html.j2 left every report "up to date" (seen fixing its CSS).
    package = tmp_path / "helpers"
    (package / "batch" / "templates").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    template = package / "batch" / "templates" / "report.html.j2"
    template.write_text("<style></style>", encoding="utf-8")
    before = provenance.helpers_source_hash(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert provenance.helpers_source_hash(package) == before  # compiled files are not source
    template.write_text("<style>pre {}</style>", encoding="utf-8")
    assert provenance.helpers_source_hash(package) != before
