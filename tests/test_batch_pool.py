"""The worker pool at its limits: a render that hangs, a worker that dies (issue 12).

The renders here are plain functions (no kernels), run in real worker
processes: they are found by name, so they live at the top of this module.
"""

from __future__ import annotations

import os
import time

import pytest

from helpers import batch
from test_batch import folders, make_project, stable_helpers_source  # noqa: F401


def hang(job):
    time.sleep(3600)


def crash_on_beta(job):
    if job.article == "beta":
        os._exit(3)
    return {"status": "ok", "article": job.article}


def _run_pool(jobs, render, cwd) -> tuple[dict, list[str]]:
    done: dict = {}
    workers = batch.pool.WorkerPool(2, str(cwd), render=render)
    try:
        workers.run(jobs, lambda job, record: done.__setitem__(job.article, record))
    finally:
        workers.close()
    assert not workers.workers
    return done, workers.warnings


@pytest.fixture
def plan(tmp_path):
    project = make_project(tmp_path, failing=True, corpus=False)
    return batch.plan_batch(*folders(project), notebooks="02", timeout=1)


def test_a_render_that_outlives_its_time_limit_has_its_worker_stopped(plan, tmp_path, monkeypatch):
    monkeypatch.setattr(batch.pool, "WORKER_GRACE", 0.5)
    done, _ = _run_pool(plan, hang, tmp_path)
    assert set(done) == {"alpha", "beta", "gamma"}
    for record in done.values():
        assert record["status"] == "failed"
        assert "did not finish within its time limit of 1 s (--timeout)" in record["error"]


def test_a_worker_that_dies_fails_only_its_render(plan, tmp_path):
    done, warnings = _run_pool(plan, crash_on_beta, tmp_path)
    assert done["beta"]["status"] == "failed"
    assert done["beta"]["error"] == "worker process died (exit code 3)"
    assert done["alpha"]["status"] == done["gamma"]["status"] == "ok"
    assert warnings == ["a worker process ended unexpectedly (exit code 3)"]
