"""The batch and other batches, signals and killed processes (issue 12).

Two batches on one reports folder are serialised by a lock; what a killed
batch leaves is swept by the next one (only when no batch holds the lock);
a batch stopped by SIGTERM cleans up and exits; a batch killed by SIGKILL
leaves no worker process behind.
"""

from __future__ import annotations

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
