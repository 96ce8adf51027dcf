"""The batch with more jobs than cores (issue 12, the critical defect).

``--jobs 4`` on a 2-core machine over at least twelve renders: every report
renders, and a render that fails after a good one leaves the good one in
place. Before the fix, workers started while the main process was inside a
render inherited its staging folder as their working directory; once that
folder was removed every later render on that worker failed, and the failed
commits deleted the reports that were already good.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import batch
from test_batch import cli, folders, make_project, stable_helpers_source  # noqa: F401

ARTICLES = 6  # six articles x two notebooks + the corpus notebook = 13 renders
NOTEBOOKS = ("01_count", "02_frames")


@pytest.fixture
def wide_project(tmp_path):
    project = make_project(tmp_path, failing=False)
    for k in range(ARTICLES - 2):  # alpha and beta are there already
        (project["articles"] / f"extra-{k}.txt").write_text(
            f"Talks number {k} resumed in Vienna.", encoding="utf-8"
        )
    return project


def _article_ids(project) -> list[str]:
    return sorted(p.stem for p in project["articles"].iterdir() if not p.name.startswith("."))


def _render_all_with_four_jobs(project, capsys) -> None:
    reports = project["reports"]
    status = cli(project, "--jobs", "4")
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "13 report(s): 13 rendered, 0 failed" in out
    articles = _article_ids(project)
    assert len(articles) == ARTICLES
    for article in articles:
        for notebook in NOTEBOOKS:
            record = json.loads((reports / article / f"{notebook}.batch.json").read_text())
            assert record["status"] == "ok", (article, notebook, record.get("error"))
            assert (reports / article / f"{notebook}.html").is_file()
    assert (reports / "_corpus" / "05_corpus.html").is_file()
    corpus = (reports / "_corpus" / "corpus.csv").read_text(encoding="utf-8").split()
    assert corpus == ["article", *articles]
    assert pd.read_csv(reports / "failures.csv").empty
    assert not list(reports.rglob(".tmp-*")), "staging folders left behind"


@pytest.mark.notebook
def test_four_jobs_on_two_cores_render_every_report(wide_project, capsys):
    _render_all_with_four_jobs(wide_project, capsys)
    # Each kernel ran in its own staging folder, never in another render's.
    for article in _article_ids(wide_project):
        kernel = json.loads((wide_project["reports"] / article / "kernel.json").read_text())
        assert f"/{article}/.tmp-01_count-" in kernel["cwd"]


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.notebook
def test_a_failed_render_leaves_the_previous_good_report_in_place(wide_project, capsys):
    project, reports = wide_project, wide_project["reports"]
    _render_all_with_four_jobs(project, capsys)
    good = _files(reports / "alpha")

    # alpha's count notebook now fails; render again with four jobs.
    (project["articles"] / "alpha.txt").write_text("Now this one will FAIL.", encoding="utf-8")
    assert cli(project, "--jobs", "4") == 1
    out, err = capsys.readouterr()
    assert "FAILED alpha/01_count" in err and "crafted failure for alpha" in err
    assert "1 failed" in out
    # The previous good report of alpha/01_count is untouched, file for file, record included.
    after = _files(reports / "alpha")
    for name in good:
        if name.startswith("01_count") or name in ("sentences.csv", "kernel.json"):
            assert after[name] == good[name], name
    assert json.loads(after["01_count.batch.json"])["status"] == "ok"
    # The failure is in failures.csv and the index, with its own executed notebook.
    failures = pd.read_csv(reports / "failures.csv")
    assert failures[["article", "notebook"]].values.tolist() == [["alpha", "01_count"]]
    assert "crafted failure for alpha" in failures.loc[0, "error"]
    assert failures.loc[0, "previous_report"] == "alpha/01_count.html"
    failed_notebook = reports / failures.loc[0, "report"]
    assert failed_notebook.is_file() and reports / "alpha" not in failed_notebook.parents
    assert "crafted failure for alpha" in failed_notebook.read_text(encoding="utf-8")
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert 'class="failed"' in index and "crafted failure for alpha" in index
    assert 'href="alpha/01_count.html">previous report kept' in index
    assert not list(reports.rglob(".tmp-*"))

    # It is tried again next time (failing again, the good report still kept) ...
    assert cli(project, "--jobs", "4") == 1
    assert "1 failed" in capsys.readouterr().out
    assert _files(reports / "alpha")["01_count.html"] == good["01_count.html"]
    # ... and once it renders, the new report replaces the old and the failure goes.
    (project["articles"] / "alpha.txt").write_text("Peace talks resumed.", encoding="utf-8")
    assert cli(project, "--jobs", "4") == 0
    assert pd.read_csv(reports / "failures.csv").empty
    assert not failed_notebook.exists() and not (reports / "_failed").exists()
    assert _files(reports / "alpha")["01_count.ipynb"] != good["01_count.ipynb"]


@pytest.mark.notebook
def test_relative_folders_work_though_workers_and_kernels_run_elsewhere(tmp_path, monkeypatch):
    make_project(tmp_path / "project", failing=False, corpus=False)
    monkeypatch.chdir(tmp_path)
    status = batch.main(
        [
            *("--notebooks-dir", "project/notebooks", "--articles-dir", "project/articles"),
            *("--reports-dir", "project/reports", "--jobs", "2", "--no-progress"),
        ]
    )
    assert status == 0
    reports = tmp_path / "project" / "reports"
    for article in ("alpha", "beta"):
        assert (reports / article / "sentences.csv").is_file()
        assert (reports / article / "frames.csv").is_file()
    # A run's folder, relative too, is listed in the index of the folder above it.
    (tmp_path / "half.yml").write_text("name: half\nnotebooks: ['02']\n", encoding="utf-8")
    status = batch.main(
        [
            *("--notebooks-dir", "project/notebooks", "--articles-dir", "project/articles"),
            *("--reports-dir", "project/reports", "--run", "half.yml", "--no-progress"),
        ]
    )
    assert status == 0
    assert (reports / "half" / "alpha" / "frames.csv").is_file()
    assert 'href="half/index.html"' in (reports / "index.html").read_text(encoding="utf-8")


@pytest.mark.notebook
def test_a_kernel_that_dies_before_its_first_cell_is_started_again(tmp_path, monkeypatch):
    """Kernels started at once can draw the same free port; the loser dies at start."""
    import papermill

    project = make_project(tmp_path, failing=False, corpus=False)
    real, calls = papermill.execute_notebook, []

    def dies_at_first(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return real(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", dies_at_first)
    single = {"notebooks": "02", "articles": "alpha", "jobs": 1, "progress": False}
    assert batch.run_batch(*folders(project), **single)["status"].tolist() == ["ok"]
    assert len(calls) == 2
    record = json.loads((project["reports"] / "alpha" / "02_frames.batch.json").read_text())
    assert record["kernel_starts"] == 2

    def always_dies(*args, **kwargs):
        calls.append(args[0])
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(papermill, "execute_notebook", always_dies)
    calls.clear()
    results = batch.run_batch(*folders(project), force=True, **single)
    assert results["error"].tolist() == ["RuntimeError: Kernel died before replying to kernel_info"]
    assert len(calls) == batch.execute.KERNEL_START_ATTEMPTS
