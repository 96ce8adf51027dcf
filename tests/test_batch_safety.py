"""The batch and other batches, signals and killed processes (issue 12).

Two batches on one reports folder are serialised by a lock; what a killed
batch leaves is swept by the next one (only when no batch holds the lock);
a batch stopped by SIGTERM cleans up and exits, also when Python drops the
exception the signal's handler raises; a batch killed by SIGKILL leaves no
worker process behind.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from helpers import batch
from test_batch import (  # noqa: F401
    cli,
    folders,
    make_project,
    stable_helpers_source,
    write_notebook,
)

fcntl = pytest.importorskip("fcntl")


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, failing=False, corpus=False)


def test_a_second_batch_on_the_same_reports_folder_stops_with_one_line(project, capsys):
    reports = project["reports"]
    live = reports / "alpha" / ".tmp-01_count-4242-live"  # the first batch's render
    live.mkdir(parents=True)
    (live / "sentences.csv").write_text("being written\n", encoding="utf-8")
    with open(reports / ".batch.lock", "a+", encoding="utf-8") as first_batch:
        fcntl.flock(first_batch, fcntl.LOCK_EX | fcntl.LOCK_NB)
        first_batch.write("4242\n")
        first_batch.flush()
        status = cli(project, "--jobs", "1")
        err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1, err
    assert "another batch (process 4242) is writing to" in err and "--reports-dir" in err
    # Nothing of the first batch was touched, and nothing was written.
    assert (live / "sentences.csv").read_text(encoding="utf-8") == "being written\n"
    assert not (reports / "index.html").exists()
    assert sorted(p.name for p in (reports / "alpha").iterdir()) == [live.name]


@pytest.mark.notebook
def test_what_a_killed_batch_left_is_swept_by_the_next_one(project):
    reports = project["reports"]
    alpha = reports / "alpha"
    stale_staging = alpha / ".tmp-01_count-4242-dead"
    stale_staging.mkdir(parents=True)
    (stale_staging / "sentences.csv").write_text("half\n", encoding="utf-8")
    stale_parts = [alpha / ".01_count.batch.json.x1y2.part", reports / ".index.html.a1b2.part"]
    for part in stale_parts:
        part.write_text("half", encoding="utf-8")
        os.utime(part, (time.time() - 600, time.time() - 600))
    mine = alpha / "notes.part"  # not hidden: not an atomic write's temporary file
    mine.write_text("keep", encoding="utf-8")
    results = batch.run_batch(
        *folders(project), notebooks="02", articles="alpha", jobs=1, progress=False
    )
    assert results["status"].tolist() == ["ok"]
    assert not stale_staging.exists()
    assert not [part for part in stale_parts if part.exists()]
    assert mine.read_text(encoding="utf-8") == "keep"
    assert (reports / ".batch.lock").is_file()  # kept, so that later batches lock the same file


# ----------------------------------------------------------------------------- signals

SLEEPY_PARAMETERS = """\
ARTICLE: str = ""  # article id or path
OUTPUT_DIR: str = ""  # folder for the tables
PAUSE: float = 0.0  # seconds to wait
"""
SLEEPY_CODE = """\
import time
from pathlib import Path
(Path(OUTPUT_DIR) / "started.txt").write_text("started")
time.sleep(PAUSE)
"""


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":  # a zombie has ended; only its exit status is left
                children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _descendants(pid: int) -> set[int]:
    children, found, stack = _children(), set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    living = {pid for pids_ in _children().values() for pid in pids_}
    return pids & living


def _wait_for(condition, seconds: float, what: str) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.2)


def _start_sleepy_batch(project, jobs: int = 2):
    import subprocess
    import sys

    write_notebook(project["notebooks"] / "03_sleepy.ipynb", SLEEPY_PARAMETERS, SLEEPY_CODE)
    command = [
        sys.executable, "-m", "helpers.batch",
        "--notebooks-dir", str(project["notebooks"]),
        "--articles-dir", str(project["articles"]),
        "--reports-dir", str(project["reports"]),
        "--notebooks", "03", "--jobs", str(jobs), "--no-progress", "-p", "PAUSE=120",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reports = project["reports"]

    def rendering() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"the batch ended early: {process.communicate()}")
        return len(list(reports.glob("*/.tmp-03_sleepy-*/started.txt"))) == jobs

    _wait_for(rendering, 120, "both renders to be running")
    family = _descendants(process.pid)
    assert len(family) >= jobs * 2  # the workers and their kernels (and the fork server)
    return process, family


linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")


@linux_only
@pytest.mark.notebook
def test_sigterm_stops_the_batch_its_workers_and_cleans_up(project):
    import signal

    process, family = _start_sleepy_batch(project)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 143, (out, err)
    assert "error: batch stopped by signal 15 (SIGTERM)" in err and err.count("\n") == 1, err
    _wait_for(lambda: not _alive(family), 60, f"processes {_alive(family)} to end")
    reports = project["reports"]
    assert not list(reports.rglob(".tmp-*")), "staging folders left behind"
    assert not list(reports.rglob(".*.part"))
    assert not list(reports.rglob("*.batch.json"))  # nothing half-made counts as done


@linux_only
@pytest.mark.notebook
def test_a_killed_batch_leaves_no_process_and_the_next_one_cleans_up(project):
    import signal

    process, family = _start_sleepy_batch(project)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    _wait_for(lambda: not _alive(family), 60, f"processes {_alive(family)} to end")
    process.communicate(timeout=60)
    # Whatever the killed batch left is swept by the next one, which renders everything.
    results = batch.run_batch(*folders(project), notebooks="03", jobs=2, progress=False)
    assert results["status"].tolist() == ["ok", "ok"]
    assert not list(project["reports"].rglob(".tmp-*"))


# -------------------------------------------------- a stop whose exception Python drops


class _SignalsItselfWhenCollected:
    """Sends this process SIGTERM from ``__del__``, where Python drops what a handler raises."""

    def __del__(self):
        import signal

        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(10_000):  # the handler runs here, inside __del__
            pass


def _lose_a_stop_after_rendering(article: str, monkeypatch) -> None:
    """SIGTERM arrives, and its exception is dropped, as ``article``'s notebook ends."""
    real = batch.execute._papermill

    def papermill_then_a_dropped_stop(job, *args):
        try:
            real(job, *args)
        finally:
            if job.article == article:
                _SignalsItselfWhenCollected()  # collected at once: SIGTERM inside __del__

    monkeypatch.setattr(batch.execute, "_papermill", papermill_then_a_dropped_stop)


def _helpers_batch(project, *extra: str) -> int:
    """``python -m helpers batch ...`` (as ``make report`` runs it), in this process."""
    from helpers.cli import main

    notebooks, articles, reports = folders(project)
    return main(
        ["batch", "--notebooks-dir", notebooks, "--articles-dir", articles]
        + ["--reports-dir", reports, "--no-progress", *extra]
    )


@pytest.mark.notebook
@pytest.mark.parametrize("command", [cli, _helpers_batch], ids=["helpers.batch", "helpers batch"])
def test_a_sigterm_whose_exception_python_drops_still_stops_the_batch(
    project, monkeypatch, capsys, command
):
    # Python drops an exception raised in __del__ or a fork handler ("Exception ignored
    # in ..."): the batch still stops, publishing neither the render under way nor a later one.
    from helpers import stopping

    _lose_a_stop_after_rendering("alpha", monkeypatch)
    status = command(project, "--notebooks", "02", "--articles", "alpha,beta", "--jobs", "1")
    err = capsys.readouterr().err
    assert status == 143, err
    assert err.startswith("error: batch stopped by SIGTERM") and err.count("\n") == 1, err
    reports = project["reports"]
    assert not list(reports.rglob("*.batch.json"))  # nothing counts as done ...
    assert not list(reports.rglob("frames.csv"))  # ... and no report was put in place
    assert not (reports / "index.html").exists()
    assert not list(reports.rglob(".tmp-*")) and not list(reports.rglob(".*.part"))
    stopping.check()  # the request ends with the batch: nothing left for the next one


@pytest.mark.notebook
def test_a_render_that_failed_keeps_its_record_though_the_batch_is_stopped(tmp_path, monkeypatch):
    project = make_project(tmp_path, failing=True, corpus=False)
    _lose_a_stop_after_rendering("gamma", monkeypatch)
    status = cli(project, "--notebooks", "01", "--articles", "gamma,alpha", "--jobs", "1")
    assert status == 143
    reports = project["reports"]
    failed = reports / "_failed" / "gamma"
    record = json.loads((failed / "01_count.batch.json").read_text(encoding="utf-8"))
    assert record["status"] == "failed" and "crafted failure for gamma" in record["error"]
    assert (failed / "01_count" / "01_count.ipynb").is_file()  # the failed render, kept apart
    assert not list(reports.rglob("sentences.csv"))  # alpha, after the stop, was not rendered
    assert not (reports / "index.html").exists()


def touch(job):
    """A render without a kernel: leaves ``<article>.rendered`` in the worker's folder."""
    from pathlib import Path

    Path(f"{job.article}.rendered").write_text("rendered", encoding="utf-8")
    return {"status": "ok", "article": job.article}


def test_a_stop_dropped_while_a_record_is_taken_hands_out_no_other_job(tmp_path):
    from helpers.batch import signals

    project = make_project(tmp_path, failing=True, corpus=False)
    plan = batch.plan_batch(*folders(project), notebooks="02", articles="alpha,beta,gamma")
    work = tmp_path / "work"
    work.mkdir()
    workers = batch.pool.WorkerPool(2, str(work), render=touch)
    taken = []

    def on_done(job, record):
        taken.append(job.article)
        _SignalsItselfWhenCollected()  # SIGTERM while the first record is taken

    with pytest.raises(batch.Terminated):
        with signals.sigterm_raises():
            try:
                workers.run(plan, on_done)
            finally:
                workers.close()
    assert not workers.workers
    assert not (work / "gamma.rendered").exists()  # two workers, two jobs: the third waited
    assert len(taken) in (1, 2)
