"""Tests for helpers.batch: plan, render, resume, isolate failures, index, Dask.

The notebooks and articles are tiny ones written here, so the tests exercise
the batch machinery (papermill, kernels, nbconvert, renames) and not the
analyses. Tests that start kernels are marked ``notebook``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import batch, paths
from helpers import provenance as batch_provenance
from helpers.errors import ArticleError, ParameterError

COUNT_PARAMETERS = """\
ARTICLE: str = ""  # article id or path
OUTPUT_DIR: str = ""  # folder for the tables
SCALE: float = 1.0  # multiplies every score
LABEL: str = "plain"  # written into the table
EXTRA: bool = False  # also write extra.csv
"""

# Writes a sentence table with a known mean, records which Python ran it and
# where it ran, and fails on purpose for an article containing FAIL.
COUNT_CODE = """\
import os, sys
from pathlib import Path
from helpers.provenance import write_provenance
text = Path(ARTICLE).read_text(encoding="utf-8")
out = Path(OUTPUT_DIR)
"""
COUNT_CHECK = """\
if "FAIL" in text:
    raise ValueError("crafted failure for " + Path(ARTICLE).stem)
"""
COUNT_SAVE = """\
rows = ["doc_id,sent_id,compound,label"]
rows += [f"x,{i},{SCALE * v},{LABEL}" for i, v in enumerate([0.5, -0.1, 0.2])]
(out / "sentences.csv").write_text("\\n".join(rows) + "\\n", encoding="utf-8")
(out / "kernel.json").write_text(json.dumps({"executable": sys.executable, "cwd": os.getcwd()}))
write_provenance(out, notebook="01_count", parameters={"SCALE": SCALE}, article=ARTICLE)
if EXTRA:
    (out / "extra.csv").write_text("x\\n1\\n", encoding="utf-8")
"""

FRAMES_PARAMETERS = """\
ARTICLE: str = ""  # article id or path
OUTPUT_DIR: str = ""  # folder for the tables
"""
FRAMES_CODE = """\
from pathlib import Path
n = len(Path(ARTICLE).read_text(encoding="utf-8").split())
table = "frame,per_1000\\nconflict,{}\\neconomic,{}\\n".format(n, 100 - n)
(Path(OUTPUT_DIR) / "frames.csv").write_text(table, encoding="utf-8")
"""

CORPUS_PARAMETERS = """\
REPORTS: str = ""  # folder of the per-article reports
OUTPUT_DIR: str = ""  # folder for the tables
"""
CORPUS_CODE = """\
from pathlib import Path
found = sorted(p.parent.name for p in Path(REPORTS).glob("*/sentences.csv"))
(Path(OUTPUT_DIR) / "corpus.csv").write_text("article\\n" + "\\n".join(found) + "\\n")
"""


def write_notebook(
    path: Path, parameters: str, *cells: str, kind: str | None = None, reads: list | None = None
) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    if kind or reads is not None:
        notebook.metadata["ddn"] = {"kind": kind or "article"}
    if reads is not None:
        notebook.metadata["ddn"]["reads"] = reads
    parameters_cell = nbformat.v4.new_code_cell(parameters)
    parameters_cell.metadata["tags"] = ["parameters"]
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"# {path.stem}"),
        parameters_cell,
        *(nbformat.v4.new_code_cell(source) for source in cells),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))
    return path


def make_project(root: Path, *, failing: bool = True, corpus: bool = True) -> dict[str, Path]:
    notebooks = root / "notebooks"
    # Each reads its own article only (ddn.reads): a changed article leaves the others'
    # reports up to date.
    write_notebook(
        notebooks / "01_count.ipynb",
        COUNT_PARAMETERS,
        "import json\n" + COUNT_CODE,
        COUNT_CHECK,
        COUNT_SAVE,
        reads=["article"],
    )
    write_notebook(notebooks / "02_frames.ipynb", FRAMES_PARAMETERS, FRAMES_CODE, reads=["article"])
    if corpus:
        write_notebook(
            notebooks / "05_corpus.ipynb",
            CORPUS_PARAMETERS,
            CORPUS_CODE,
            kind="corpus",
            reads=["reports"],
        )
    (notebooks / "README.md").write_text("not a notebook", encoding="utf-8")
    articles = root / "articles"
    articles.mkdir(parents=True)
    (articles / "alpha.txt").write_text("Peace talks resumed in Geneva.", encoding="utf-8")
    (articles / "beta.md").write_text("Sanctions were escalating again.", encoding="utf-8")
    if failing:
        (articles / "gamma.txt").write_text("This one will FAIL.", encoding="utf-8")
    (articles / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return {"notebooks": notebooks, "articles": articles, "reports": root / "reports"}


def folders(project: dict[str, Path]) -> list[str]:
    return [str(project["notebooks"]), str(project["articles"]), str(project["reports"])]


def cli(project: dict[str, Path], *extra: str) -> int:
    return batch.main(
        [
            "--notebooks-dir",
            str(project["notebooks"]),
            "--articles-dir",
            str(project["articles"]),
            "--reports-dir",
            str(project["reports"]),
            "--no-progress",
            *extra,
        ]
    )


@pytest.fixture(autouse=True)
def stable_helpers_source(monkeypatch):
    """Others edit src/helpers while these tests run; a report depends on that code
    (so a real edit re-renders), but the tests must not see their edits."""
    monkeypatch.setattr(batch_provenance, "helpers_source_hash", lambda: "fixed-for-tests")
    monkeypatch.setattr(batch.cluster, "DASK_CONNECT_TIMEOUT", "2s")


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


# ----------------------------------------------------------------------------- plan only


def test_plan_covers_every_notebook_and_article_with_corpus_last(project):
    plan = batch.plan_batch(*folders(project))
    labels = [job.label for job in plan]
    assert labels == [
        "alpha/01_count",
        "beta/01_count",
        "gamma/01_count",
        "alpha/02_frames",
        "beta/02_frames",
        "gamma/02_frames",
        "_corpus/05_corpus",
    ]
    alpha = plan[0]
    # Outside the project's articles folder, ARTICLE is the file's path.
    assert alpha.article_value == str((project["articles"] / "alpha.txt").resolve())
    assert alpha.out_dir == str(project["reports"] / "alpha")
    assert alpha.inject == ("ARTICLE", "OUTPUT_DIR")
    assert plan[-1].inject == ("OUTPUT_DIR", "REPORTS")


def test_plan_selects_notebooks_and_articles(project):
    plan = batch.plan_batch(*folders(project), notebooks="02", articles="beta,alpha")
    assert [job.label for job in plan] == ["beta/02_frames", "alpha/02_frames"]
    plan = batch.plan_batch(*folders(project), notebooks=["01_count.ipynb"], articles=["alpha"])
    assert [job.label for job in plan] == ["alpha/01_count"]


def test_notebook_kind_comes_from_metadata(project):
    write_notebook(
        project["notebooks"] / "06_check.ipynb",
        'OUTPUT_DIR: str = ""  # folder\n',
        "pass",
        kind="standalone",
    )
    plan = batch.plan_batch(*folders(project), articles="alpha")
    assert "_standalone/06_check" in [job.label for job in plan]
    assert sum(job.notebook == "06_check" for job in plan) == 1
    write_notebook(project["notebooks"] / "07_odd.ipynb", "X: int = 1  # x\n", kind="weekly")
    with pytest.raises(ParameterError, match="unknown notebook kind 'weekly'"):
        batch.plan_batch(*folders(project))


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"NOPE": 1}, "no selected notebook has a parameter 'NOPE'"),
        ({"SCALE": "high"}, "parameter SCALE of notebook 01_count must be float, got str"),
        ({"LABEL": True}, "parameter LABEL of notebook 01_count must be str, got bool"),
        ({"OUTPUT_DIR": "/tmp/elsewhere"}, "OUTPUT_DIR is set by the batch"),
        ({"02": {"SCALE": 2.0}}, "notebook 02_frames has no parameter 'SCALE'"),
    ],
)
def test_bad_parameters_are_refused_before_any_kernel_starts(
    project, monkeypatch, parameters, message
):
    def no_kernel(job):
        raise AssertionError("a notebook was executed")

    monkeypatch.setattr(batch.execute, "execute_job", no_kernel)
    with pytest.raises(ParameterError, match=message):
        batch.run_batch(*folders(project), parameters=parameters, progress=False)
    assert not project["reports"].exists()


def test_good_parameters_go_only_to_notebooks_that_declare_them(project):
    plan = batch.plan_batch(*folders(project), parameters={"SCALE": 2, "02": {}})
    assert {job.notebook: job.parameters for job in plan} == {
        "01_count": {"SCALE": 2},
        "02_frames": {},
        "05_corpus": {},
    }


def test_unsafe_or_unknown_article_ids_are_refused(project, monkeypatch, capsys):
    with pytest.raises(ParameterError, match="unsafe article id '../../x'"):
        batch.plan_batch(*folders(project), articles="../../x")
    with pytest.raises(ArticleError, match="no article 'delta'.*Known articles: alpha, beta"):
        batch.plan_batch(*folders(project), articles="delta")
    monkeypatch.setattr(batch.execute, "execute_job", lambda job: pytest.fail("executed"))
    assert cli(project, "--articles", "../../x") == 2
    assert "unsafe article id" in capsys.readouterr().err
    (project["articles"] / "bad name.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ArticleError, match="unsafe article id 'bad name'"):
        batch.plan_batch(*folders(project))


def test_run_file_parameters_names_and_outputs(project, tmp_path):
    run = tmp_path / "scaled.yml"
    run.write_text(
        "name: doubled\nnotebooks: ['01']\narticles: [alpha]\nparameters:\n  SCALE: 2.0\n",
        encoding="utf-8",
    )
    plan = batch.plan_batch(*folders(project), run_files=[run])
    assert [(job.label, job.parameters) for job in plan] == [
        ("doubled/alpha/01_count", {"SCALE": 2.0})
    ]
    assert plan[0].out_dir == str(project["reports"] / "doubled" / "alpha")
    run.write_text("name: ../../escape\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="unsafe run name"):
        batch.plan_batch(*folders(project), run_files=[run])
    run.write_text("name: typo\nparameters: {SCAEL: 2.0}\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="SCAEL") as info:
        batch.plan_batch(*folders(project), run_files=[run])
    assert "scaled.yml" in str(info.value)  # says which file
    run.write_text("name: x\nnotebok: ['01']\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="unknown key"):
        batch.plan_batch(*folders(project), run_files=[run])


def test_example_run_file_is_valid():
    example = paths.PROJECT_ROOT / "runs" / "example.yml"
    run = batch.load_run_file(example)
    assert run.name and run.notebooks and run.parameters


def test_dry_run_prints_the_plan(project, capsys):
    assert cli(project, "--dry-run", "--articles", "alpha", "-p", "SCALE=0.5") == 0
    out = capsys.readouterr().out
    assert 'render\talpha/01_count\tno report yet\t{"SCALE": 0.5}' in out
    assert "render\t_corpus/05_corpus\tno report yet; reports it reads are rendered" in out
    assert "3 report(s): 3 to render, 0 up to date" in out
    assert not project["reports"].exists()


# ----------------------------------------------------------------------------- rendering


def _statuses(results: pd.DataFrame) -> dict[str, str]:
    return {
        f"{row.article if isinstance(row.article, str) else row.kind}/{row.notebook}": row.status
        for row in results.itertuples(index=False)
    }


@pytest.mark.notebook
def test_batch_renders_isolates_failures_resumes_and_forces(project, capsys):
    reports = project["reports"]
    assert cli(project, "--jobs", "2") == 1  # one failure -> non-zero
    summary = capsys.readouterr()
    assert "7 report(s): 6 rendered, 1 failed, 0 up to date" in summary.out
    assert "FAILED gamma/01_count" in summary.err and "crafted failure for gamma" in summary.err

    alpha = reports / "alpha"
    for name in (
        "01_count.ipynb",
        "01_count.html",
        "01_count.provenance.json",
        "01_count.batch.json",
        "sentences.csv",
        "frames.csv",
    ):
        assert (alpha / name).is_file(), name
    assert not [p for p in reports.rglob(".tmp-*")], "staging folders left behind"
    # The notebook's own table arrives unchanged.
    table = pd.read_csv(alpha / "sentences.csv")
    assert table["compound"].tolist() == [0.5, -0.1, 0.2]
    # Code hidden by default; outputs of the executed notebook are there.
    page = (alpha / "01_count.html").read_text(encoding="utf-8")
    assert "write_provenance" not in page
    provenance = json.loads((alpha / "01_count.provenance.json").read_text(encoding="utf-8"))
    assert provenance["parameters"] == {"SCALE": 1.0}
    assert provenance["article"]["id"] == "alpha"
    # The kernel ran this interpreter, in the staging folder (not the caller's cwd).
    kernel = json.loads((alpha / "kernel.json").read_text(encoding="utf-8"))
    assert kernel["executable"] == sys.executable
    assert ".tmp-01_count-" in kernel["cwd"]

    # The failure: recorded with its cell and error; the executed notebook kept.
    failures = pd.read_csv(reports / "failures.csv")
    assert failures[["article", "notebook"]].values.tolist() == [["gamma", "01_count"]]
    assert "ValueError: crafted failure for gamma" in failures.loc[0, "error"]
    assert (
        'raise ValueError("crafted failure' in failures.loc[0, "cell"]
        or "if" in (failures.loc[0, "cell"])
    )
    # The failed render is kept apart; gamma has no good count report to keep.
    assert failures.loc[0, "report"] == "_failed/gamma/01_count/01_count.ipynb"
    assert (reports / "_failed" / "gamma" / "01_count" / "01_count.ipynb").is_file()
    assert not (reports / "gamma" / "01_count.ipynb").exists()
    assert (reports / "gamma" / "frames.csv").is_file()  # other notebook unaffected

    # The corpus notebook ran after the article notebooks and saw their tables.
    corpus = (reports / "_corpus" / "corpus.csv").read_text(encoding="utf-8").split()
    assert corpus == ["article", "alpha", "beta"]

    index = (reports / "index.html").read_text(encoding="utf-8")
    assert 'href="alpha/01_count.html"' in index and 'href="_corpus/05_corpus.html"' in index
    assert 'class="failed"' in index and "crafted failure for gamma" in index
    assert "+0.200" in index  # mean sentiment from sentences.csv: (0.5 - 0.1 + 0.2) / 3
    assert "conflict" in index or "economic" in index  # dominant frame from frames.csv

    # Second run: everything that succeeded is up to date; the failure is retried, and
    # the corpus notebook, which reads gamma's reports, is rendered with it.
    html_before = (alpha / "01_count.html").stat().st_mtime_ns
    results = batch.run_batch(*folders(project), jobs=2, progress=False)
    statuses = _statuses(results)
    assert statuses.pop("gamma/01_count") == "failed"
    assert statuses.pop("corpus/05_corpus") == "ok"
    assert set(statuses.values()) == {"skipped"}
    assert (alpha / "01_count.html").stat().st_mtime_ns == html_before

    # A changed article makes just its reports (and the corpus comparison) stale.
    (project["articles"] / "beta.md").write_text("Sanctions were lifted.", encoding="utf-8")
    statuses = _statuses(batch.run_batch(*folders(project), jobs=1, progress=False))
    assert statuses["beta/01_count"] == "ok" and statuses["beta/02_frames"] == "ok"
    assert statuses["alpha/01_count"] == "skipped" and statuses["corpus/05_corpus"] == "ok"

    # --force renders everything again.
    assert cli(project, "--force", "--jobs", "2") == 1
    assert "7 report(s): 6 rendered, 1 failed, 0 up to date" in capsys.readouterr().out
    assert (alpha / "01_count.html").stat().st_mtime_ns != html_before


@pytest.mark.notebook
def test_show_code_keeps_code_and_parameters_change_fingerprint(tmp_path):
    project = make_project(tmp_path, failing=False, corpus=False)
    first = batch.run_batch(*folders(project), notebooks="01", articles="alpha", progress=False)
    assert first["status"].tolist() == ["ok"]
    shown = batch.run_batch(
        *folders(project), notebooks="01", articles="alpha", show_code=True, progress=False
    )
    assert shown["status"].tolist() == ["ok"]  # show_code is part of the fingerprint
    page = (project["reports"] / "alpha" / "01_count.html").read_text(encoding="utf-8")
    assert "write_provenance" in page
    again = batch.run_batch(
        *folders(project),
        notebooks="01",
        articles="alpha",
        parameters={"SCALE": 2.0},
        show_code=True,
        progress=False,
    )
    assert again["status"].tolist() == ["ok"]
    table = pd.read_csv(project["reports"] / "alpha" / "sentences.csv")
    assert table["compound"].tolist() == [1.0, -0.2, 0.4]

    # A file the previous render wrote and this one did not is removed.
    folder = project["reports"] / "alpha"
    single = {"notebooks": "01", "articles": "alpha", "progress": False}
    batch.run_batch(*folders(project), parameters={"EXTRA": True}, **single)
    assert (folder / "extra.csv").is_file()
    batch.run_batch(*folders(project), parameters={"EXTRA": False}, **single)
    assert not (folder / "extra.csv").exists()
    assert (folder / "sentences.csv").is_file()


@pytest.mark.notebook
def test_run_file_outputs_go_to_the_run_folder(tmp_path):
    project = make_project(tmp_path, failing=False, corpus=True)
    run = tmp_path / "half.yml"
    run.write_text(
        "name: half\nnotebooks: ['01', '05']\nparameters:\n  SCALE: 0.5\n  LABEL: half\n",
        encoding="utf-8",
    )
    results = batch.run_batch(*folders(project), run_files=[run], progress=False)
    assert set(results["status"]) == {"ok"}
    root = project["reports"] / "half"
    table = pd.read_csv(root / "alpha" / "sentences.csv")
    assert table["compound"].tolist() == [0.25, -0.05, 0.1]
    assert set(table["label"]) == {"half"}
    assert (root / "index.html").is_file() and (root / "failures.csv").is_file()
    top_index = (project["reports"] / "index.html").read_text(encoding="utf-8")
    assert 'href="half/index.html"' in top_index
    assert (root / "_corpus" / "corpus.csv").read_text().split() == ["article", "alpha", "beta"]
    assert not (project["reports"] / "alpha").exists()


@pytest.mark.notebook
def test_interrupted_render_leaves_no_half_written_report(tmp_path, monkeypatch):
    project = make_project(tmp_path, failing=False, corpus=False)
    out = project["reports"] / "alpha"

    def interrupted_export(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(batch.execute, "export_html", interrupted_export)
        with pytest.raises(KeyboardInterrupt):
            batch.run_batch(
                *folders(project), notebooks="01", articles="alpha", jobs=1, progress=False
            )
    assert sorted(p.name for p in out.iterdir()) == []  # nothing half-made, no staging left

    batch.run_batch(*folders(project), notebooks="01", articles="alpha", jobs=1, progress=False)
    good = {p.name: p.read_bytes() for p in out.iterdir()}
    assert "01_count.batch.json" in good

    # Now interrupt while files are being renamed into place, during a forced rerun.
    real_replace = batch.execute.os.replace

    def replace_then_stop(src, dst, *args, **kwargs):
        if Path(dst).name == "sentences.csv":
            raise KeyboardInterrupt
        return real_replace(src, dst, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(batch.execute.os, "replace", replace_then_stop)
        with pytest.raises(KeyboardInterrupt):
            batch.run_batch(
                *folders(project),
                notebooks="01",
                articles="alpha",
                jobs=1,
                force=True,
                progress=False,
            )
    names = sorted(p.name for p in out.iterdir())
    assert "01_count.batch.json" not in names  # the report is marked incomplete ...
    assert not [n for n in names if n.startswith(".")]
    for name in names:  # ... and every file in it is whole (old or new), never partial
        assert len((out / name).read_bytes()) > 0
    results = batch.run_batch(*folders(project), notebooks="01", articles="alpha", progress=False)
    assert results["status"].tolist() == ["ok"]  # so the next batch renders it again


@pytest.mark.notebook
def test_kernel_is_this_interpreter_whatever_path_and_cwd(tmp_path, monkeypatch):
    project = make_project(tmp_path, failing=False, corpus=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # no venv on PATH
    results = batch.run_batch(*folders(project), notebooks="01", articles="beta", progress=False)
    assert results["status"].tolist() == ["ok"]
    kernel = json.loads((project["reports"] / "beta" / "kernel.json").read_text())
    assert kernel["executable"] == sys.executable
    assert list(elsewhere.iterdir()) == []


@pytest.mark.notebook
def test_dask_cluster_gives_the_same_outputs_as_local(tmp_path):
    distributed = pytest.importorskip("distributed")
    project = make_project(tmp_path, failing=True, corpus=False)
    local = tmp_path / "local"
    remote = tmp_path / "remote"
    selection = {"notebooks": "01", "articles": "alpha,gamma", "progress": False}
    local_results = batch.run_batch(
        str(project["notebooks"]), str(project["articles"]), str(local), jobs=1, **selection
    )
    with distributed.LocalCluster(
        n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        remote_results = batch.run_batch(
            str(project["notebooks"]),
            str(project["articles"]),
            str(remote),
            scheduler=cluster.scheduler_address,
            **selection,
        )
    assert _statuses(local_results) == _statuses(remote_results)
    assert _statuses(remote_results) == {"alpha/01_count": "ok", "gamma/01_count": "failed"}
    local_files = sorted(p.relative_to(local).as_posix() for p in local.rglob("*"))
    remote_files = sorted(p.relative_to(remote).as_posix() for p in remote.rglob("*"))
    assert local_files == remote_files
    for name in ("alpha/sentences.csv",):
        assert (local / name).read_bytes() == (remote / name).read_bytes()
    local_failures = pd.read_csv(local / "failures.csv")
    remote_failures = pd.read_csv(remote / "failures.csv")
    columns = ["article", "notebook", "cell", "error"]
    pd.testing.assert_frame_equal(local_failures[columns], remote_failures[columns])


def test_unreachable_scheduler_is_a_clear_error(project):
    pytest.importorskip("distributed")
    with pytest.raises(ParameterError, match="cannot reach the Dask scheduler"):
        batch.run_batch(
            *folders(project),
            notebooks="02",
            articles="alpha",
            scheduler="tcp://127.0.0.1:9",
            progress=False,
        )


def test_index_escapes_every_text(tmp_path):
    folder = tmp_path / "<b>"
    folder.mkdir()
    record = {
        "notebook": "01_x",
        "kind": "article",
        "article": "<b>",
        "status": "failed",
        "cell": "In [3]: raise X('<script>')",
        "error": "X: <script>alert(1)</script>",
        "seconds": 1.0,
        "files": [],
    }
    (folder / "01_x.batch.json").write_text(json.dumps(record), encoding="utf-8")
    (folder / "frames.csv").write_text("frame,per_1000\n<i>conflict</i>,3\n", encoding="utf-8")
    page = batch.write_index(tmp_path).read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<i>conflict" not in page and "&lt;i&gt;conflict&lt;/i&gt;" in page
    failures = pd.read_csv(tmp_path / "failures.csv")
    assert failures.loc[0, "error"] == "X: <script>alert(1)</script>"


@pytest.mark.parametrize(
    ("value", "type_name", "ok"),
    [
        (0.05, "float", True),
        (1, "float", True),
        (True, "float", False),
        ("0.05", "float", False),
        (3, "int", True),
        (3.5, "int", False),
        (False, "bool", True),
        ([], "list", True),
        (["a"], "list[str]", True),
        ("a", "list", False),
        (None, "Optional[str]", True),
        (None, "str | None", True),
        ("x", "str | None", True),
        (1, "str", False),
        ({"a": 1}, "dict", True),
        ("anything", "None", True),  # untyped: papermill cannot say
        ("anything", "Path", True),  # annotation we cannot check
    ],
)
def test_value_matches_type(value, type_name, ok):
    assert batch.value_matches_type(value, type_name) is ok


def test_parameters_papermill_skips_are_still_known(project):
    """papermill drops a line with a second '=' (in its comment); the batch still knows it."""
    write_notebook(
        project["notebooks"] / "03_eq.ipynb",
        'ARTICLE: str = ""  # id\nOUTPUT_DIR: str = ""  # empty = reports/<id>/\nK: int = 2  # k = 2\n',
        "pass",
    )
    found = batch.notebook_parameters(project["notebooks"] / "03_eq.ipynb")
    assert list(found) == ["ARTICLE", "OUTPUT_DIR", "K"]
    assert found["K"]["inferred_type_name"] == "int" and found["K"]["help"] == "k = 2"
    with pytest.raises(ParameterError, match="parameter K of notebook 03_eq must be int"):
        batch.plan_batch(*folders(project), notebooks="03", parameters={"K": "two"})


def test_the_index_template_is_shipped_with_the_package():
    """An installed package has no src/ to fall back on: pyproject must list the template."""
    import fnmatch
    import tomllib

    config = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["helpers.batch"]
    package = Path(batch.__file__).parent
    shipped = [p.relative_to(package).as_posix() for p in (package / "templates").iterdir()]
    assert "templates/index.html.j2" in shipped
    for name in shipped:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name
