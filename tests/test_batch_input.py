"""What the batch refuses, in one line with exit status 2, before anything is written (issue 12).

``--jobs`` out of range, time limits that are not positive, article ids and
run names the batch keeps for itself, run files that are not UTF-8 or hold
YAML aliases or values of the wrong shape, ``-p`` values with aliases. And
what it does at its limits: a render over its time limit fails with a clear
error; a worker that cannot start is reported and the batch goes on.
"""

from __future__ import annotations

import argparse
import errno
import json
import multiprocessing

import pandas as pd
import pytest

from helpers import batch
from helpers.errors import ParameterError
from test_batch import cli, folders, make_project, stable_helpers_source, write_notebook  # noqa: F401


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, failing=False, corpus=False)


def refused(project, capsys, *arguments: str) -> str:
    """Run the command; check it stopped with one line and exit 2, writing nothing."""
    status = cli(project, *arguments)
    captured = capsys.readouterr()
    assert status == 2, captured
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, captured.err
    assert not project["reports"].exists()
    return captured.err


# ----------------------------------------------------------------------------- --jobs


@pytest.mark.parametrize("jobs", ["0", "-1", "1000"])
def test_jobs_out_of_range_are_refused(project, capsys, jobs):
    err = refused(project, capsys, "--jobs", jobs)
    assert f"--jobs {jobs} is out of range" in err and "Give a number from 1 to" in err
    with pytest.raises(ParameterError, match="out of range"):
        batch.run_batch(*folders(project), jobs=int(jobs), progress=False)
    assert not project["reports"].exists()


def test_jobs_up_to_four_times_the_cores_are_accepted():
    cores = batch.pool.available_cores()
    assert batch.pool.check_jobs(None) == cores
    assert batch.pool.check_jobs(4 * cores) == 4 * cores
    with pytest.raises(ParameterError):
        batch.pool.check_jobs(4 * cores + 1)


class _NoProcesses:
    """A multiprocessing context whose processes cannot be started (fork fails)."""

    def __init__(self):
        self.real = multiprocessing.get_context("spawn")

    def Pipe(self, duplex=True):  # noqa: N802 - multiprocessing's name
        return self.real.Pipe(duplex)

    def Process(self, *args, **kwargs):  # noqa: N802
        process = self.real.Process(*args, **kwargs)

        def start():
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

        process.start = start
        return process


@pytest.mark.notebook
def test_a_worker_that_cannot_start_is_reported_and_the_batch_goes_on(project, monkeypatch, capsys):
    monkeypatch.setattr(batch.pool, "process_context", _NoProcesses)
    results = batch.run_batch(*folders(project), notebooks="02", jobs=2, progress=False)
    assert results["status"].tolist() == ["ok", "ok"]
    err = capsys.readouterr().err
    assert "could not start a worker process: BlockingIOError: [Errno 11]" in err
    assert "this process renders the rest" in err
    assert len(results.attrs["warnings"]) == 2


# ----------------------------------------------------------------------------- --timeout

SLOW_PARAMETERS = """\
ARTICLE: str = ""  # article id or path
OUTPUT_DIR: str = ""  # folder for the tables
PAUSE: float = 0.0  # seconds each of two cells waits
"""


def test_every_render_has_a_time_limit_by_default(project, capsys):
    parser = batch.add_batch_arguments(argparse.ArgumentParser())
    assert parser.parse_args([]).timeout == batch.DEFAULT_TIMEOUT > 0
    assert {job.timeout for job in batch.plan_batch(*folders(project))} == {batch.DEFAULT_TIMEOUT}
    for bad in ("0", "-5", "nan", "inf"):
        err = refused(project, capsys, "--timeout", bad)
        assert "the time limit must be a positive number of seconds" in err


@pytest.mark.notebook
def test_a_render_over_its_time_limit_fails_with_a_clear_error(project, capsys):
    write_notebook(
        project["notebooks"] / "03_slow.ipynb",
        SLOW_PARAMETERS,
        "# the first wait\nimport time\ntime.sleep(PAUSE)",
        "# the second wait\ntime.sleep(PAUSE)",
        "from pathlib import Path\n(Path(OUTPUT_DIR) / 'done.txt').write_text('done')",
    )
    # Each cell is under the limit; the render as a whole is not.
    arguments = ("--notebooks", "03", "--articles", "alpha", "--jobs", "1", "-p", "PAUSE=3")
    assert cli(project, *arguments, "--timeout", "5") == 1
    err = capsys.readouterr().err
    assert "FAILED alpha/03_slow" in err and "time limit of 5 s (--timeout)" in err
    failures = pd.read_csv(project["reports"] / "failures.csv")
    assert "the second wait" in failures.loc[0, "cell"]
    assert not (project["reports"] / "alpha" / "03_slow.batch.json").exists()
    # With room enough it renders.
    assert cli(project, *arguments, "--timeout", "60") == 0
    assert (project["reports"] / "alpha" / "done.txt").read_text() == "done"


# ----------------------------------------------------------------------------- ids and names


@pytest.mark.parametrize(
    "article_id", ["_corpus", "_standalone", "_failed", "index.html", "failures.csv"]
)
def test_ids_the_batch_keeps_for_itself_are_refused(project, capsys, article_id):
    odd = project["articles"] / "odd.txt"
    odd.write_text(f"---\nid: {article_id}\ntitle: Odd\n---\nTalks resumed.", encoding="utf-8")
    err = refused(project, capsys, "--jobs", "1")
    assert f"article id {article_id!r} is kept for the batch's own files and folders" in err
    assert "odd.txt" in err


@pytest.mark.parametrize("name", ["_mine", "index.html", "failures.csv"])
def test_run_names_the_batch_keeps_for_itself_are_refused(project, tmp_path, capsys, name):
    run = tmp_path / "run.yml"
    run.write_text(f"name: {name}\n", encoding="utf-8")
    err = refused(project, capsys, "--run", str(run), "--dry-run")
    assert f"run name {name!r} is kept for the batch's own files and folders" in err


# ----------------------------------------------------------------------------- run files and -p


def test_run_file_aliases_are_refused_at_once_even_in_a_dry_run(project, tmp_path, capsys):
    run = tmp_path / "alias.yml"
    run.write_text('description: &text "a label"\nparameters:\n  LABEL: *text\n', encoding="utf-8")
    err = refused(project, capsys, "--run", str(run), "--dry-run")
    assert "YAML aliases are not allowed" in err and "alias.yml, line 1" in err
    # A "billion laughs" file: each level nine times the one before.
    levels = ["  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"  l{k}: &l{k} [{', '.join([f'*l{k - 1}'] * 9)}]" for k in range(1, 10)]
    run.write_text("parameters:\n  LABEL:\n" + "\n".join("  " + line for line in levels) + "\n")
    err = refused(project, capsys, "--run", str(run), "--dry-run")
    assert "YAML aliases are not allowed" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name: caf\xe9\n", "run file is not UTF-8 text (byte 0xe9 at offset 9)"),
        (b"notebooks: 2\n", "'notebooks' must be a list or a comma-separated text, got int 2"),
        (
            b"articles: {alpha: 1}\n",
            "'articles' must be a list or a comma-separated text, got dict",
        ),
        (b"notebooks: [[01]]\n", "'notebooks' must be a list or a comma-separated text"),
        (b"name: a\nname: b\n", "duplicate key 'name'"),
    ],
)
def test_malformed_run_files_are_one_line_errors(project, tmp_path, capsys, content, message):
    run = tmp_path / "bad.yml"
    run.write_bytes(content)
    err = refused(project, capsys, "--run", str(run), "--dry-run")
    assert message in err and "bad.yml" in err


def test_parameter_values_are_read_through_safe_yaml(project, capsys):
    err = refused(project, capsys, "--dry-run", "-p", "LABEL=[&x a, *x]")
    assert "YAML aliases are not allowed (-p LABEL, line 1)" in err
    # Text that is not YAML at all is taken as it is (a glob, say).
    assert cli(project, "--dry-run", "--articles", "alpha", "-p", "LABEL=*talk*") == 0
    out = capsys.readouterr().out
    assert json.dumps({"LABEL": "*talk*"}) in out
