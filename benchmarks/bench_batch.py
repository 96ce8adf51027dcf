"""Seconds per notebook render, and the speed-up of ``--jobs 2`` over ``--jobs 1``.

``python benchmarks/bench_batch.py [--quick] [--renders N]`` (or ``make bench``,
through ``benchmarks/run.py``, which calls :func:`run`).

What is measured
----------------
* **Machinery** (:func:`machinery`): a batch of ``renders`` (default 8) renders
  of a tiny notebook (it reads its article and writes one CSV) in a temporary
  project, once with ``jobs=1`` and once with ``jobs=2``, both forced, in
  alternating order over ``repeats`` rounds. The notebook does almost
  nothing, so a render's time is what the batch itself costs: starting a
  kernel, executing through papermill, converting to HTML, renaming into
  place. ``kernel_and_html_s`` is the median over renders of papermill's
  execution time (kernel start included) plus the HTML conversion.
* **Command, cold** (:func:`cold_command`): the same batch through
  ``python -m helpers.batch`` in a fresh process per setting, so interpreter
  start, imports and worker start-up are included, as a researcher sees it.
* **Collection** (:func:`collection`, not with ``--quick``): the real
  notebooks on the articles in ``data/articles/``, forced, with ``jobs=2``:
  seconds per render of each notebook.

Targets (issue 6): speed-up at least 1.7 on a 2-core machine; kernel start
and HTML conversion together under 2.5 s per render. Nothing here asserts;
``benchmarks/run.py`` judges the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PARAMETERS = """\
ARTICLE: str = ""  # article id or path
OUTPUT_DIR: str = ""  # folder for the tables
"""
CODE = """\
from pathlib import Path
words = Path(ARTICLE).read_text(encoding="utf-8").split()
(Path(OUTPUT_DIR) / "words.csv").write_text("words\\n" + str(len(words)) + "\\n", encoding="utf-8")
len(words)
"""


def _tiny_project(root: Path, renders: int) -> dict[str, Path]:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    parameters = nbformat.v4.new_code_cell(PARAMETERS)
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Benchmark notebook"),
        parameters,
        nbformat.v4.new_code_cell(CODE),
    ]
    (root / "notebooks").mkdir(parents=True)
    nbformat.write(notebook, str(root / "notebooks" / "01_words.ipynb"))
    (root / "articles").mkdir()
    for k in range(renders):
        (root / "articles" / f"article-{k:03d}.txt").write_text(
            "Moscow ended the peace treaty talks. Tokyo called it unacceptable. " * (k + 1),
            encoding="utf-8",
        )
    return {
        "notebooks": root / "notebooks",
        "articles": root / "articles",
        "reports": root / "reports",
    }


def _timed_batch(project: dict[str, Path], jobs: int):
    from helpers.batch import run_batch

    start = time.perf_counter()
    results = run_batch(
        project["notebooks"],
        project["articles"],
        project["reports"],
        jobs=jobs,
        force=True,
        progress=False,
    )
    seconds = time.perf_counter() - start
    failed = int((results["status"] != "ok").sum())
    if failed:
        raise RuntimeError(
            f"{failed} benchmark render(s) failed: {results['error'].dropna().tolist()[:1]}"
        )
    return seconds, results


def machinery(renders: int = 8, repeats: int = 2) -> dict:
    """Time ``renders`` renders of a tiny notebook with ``jobs=1`` and ``jobs=2``."""
    renders = max(8, renders)
    with tempfile.TemporaryDirectory(prefix="ddn-bench-batch-") as tmp:
        project = _tiny_project(Path(tmp), renders)
        # Warm-up of both paths: imports, templates, disk caches, and the fork
        # server the workers are forked from (started once per session).
        _timed_batch(project, 1)
        _timed_batch(project, 2)
        times: dict[int, list[float]] = {1: [], 2: []}
        per_render: list[float] = []
        for round_ in range(repeats):
            for jobs in (1, 2) if round_ % 2 == 0 else (2, 1):
                seconds, results = _timed_batch(project, jobs)
                times[jobs].append(seconds)
                if jobs == 1:
                    per_render.extend(
                        (results["execute_seconds"] + results["html_seconds"]).tolist()
                    )
                    html = results["html_seconds"].tolist()
        one, two = statistics.median(times[1]), statistics.median(times[2])
    return {
        "renders": renders,
        "repeats": repeats,
        "jobs1_s": round(one, 2),
        "jobs2_s": round(two, 2),
        "seconds_per_render_jobs1": round(one / renders, 3),
        "seconds_per_render_jobs2": round(two / renders, 3),
        "speedup_jobs2_over_jobs1": round(one / two, 2),
        "kernel_and_html_s": round(statistics.median(per_render), 3),
        "html_s": round(statistics.median(html), 3),
        "targets": {
            "speedup >= 1.7": one / two >= 1.7,
            "kernel start + HTML < 2.5 s": statistics.median(per_render) < 2.5,
        },
    }


def cold_command(renders: int = 8) -> dict:
    """Time ``python -m helpers.batch --jobs 1`` and ``--jobs 2``, each in a fresh process.

    What a researcher waits for on the command line: interpreter start,
    imports, worker start-up and the renders.
    """
    import subprocess

    renders = max(8, renders)
    times = {}
    with tempfile.TemporaryDirectory(prefix="ddn-bench-cold-") as tmp:
        project = _tiny_project(Path(tmp), renders)
        for jobs in (1, 2):
            command = [
                sys.executable,
                "-m",
                "helpers.batch",
                "--notebooks-dir",
                str(project["notebooks"]),
                "--articles-dir",
                str(project["articles"]),
                "--reports-dir",
                str(project["reports"]),
                "--jobs",
                str(jobs),
                "--force",
                "--no-progress",
            ]
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            times[jobs] = time.perf_counter() - start
            if done.returncode != 0:
                raise RuntimeError(f"batch --jobs {jobs} failed: {done.stderr[-500:]}")
    return {
        "jobs1_s": round(times[1], 2),
        "jobs2_s": round(times[2], 2),
        "ratio_jobs1_to_jobs2": round(times[1] / times[2], 2),
    }


def collection(jobs: int = 2) -> dict:
    """Seconds per render of each real notebook on the project's articles (forced)."""
    from helpers.batch import run_batch

    with tempfile.TemporaryDirectory(prefix="ddn-bench-reports-") as tmp:
        start = time.perf_counter()
        results = run_batch(reports_dir=tmp, jobs=jobs, force=True, progress=False)
        seconds = time.perf_counter() - start
    per_notebook = {
        name: {
            "renders": len(part),
            "median_s": round(float(part["seconds"].median()), 2),
            "execute_s": round(float(part["execute_seconds"].median()), 2),
            "html_s": round(float(part["html_seconds"].median()), 2),
            "failed": int((part["status"] == "failed").sum()),
        }
        for name, part in results.groupby("notebook")
    }
    return {
        "jobs": jobs,
        "renders": len(results),
        "wall_s": round(seconds, 2),
        "notebooks": per_notebook,
    }


def run(quick: bool = False, renders: int = 8) -> dict:
    """Run the batch benchmarks; return the figures (``benchmarks/run.py`` calls this)."""
    result = {
        "cores": os.cpu_count(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "machinery": machinery(renders, repeats=1 if quick else 3),
        "command_cold": cold_command(renders),
    }
    if not quick:
        try:
            result["collection"] = collection()
        except Exception as exc:  # other people's notebooks may be mid-edit
            result["collection"] = {"status": f"failed: {type(exc).__name__}: {exc}"}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round, no real notebooks")
    parser.add_argument("--renders", type=int, default=8, help="renders per batch (at least 8)")
    args = parser.parse_args(argv)
    result = run(quick=args.quick, renders=args.renders)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
