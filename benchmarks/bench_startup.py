"""Start-up: ``import helpers`` and the time to the first scored sentence, in fresh processes.

Each figure is the median over several fresh interpreters (run one after the
other, the kinds interleaved):

* ``python``: ``python -c pass``, the interpreter alone, for scale;
* ``import helpers``: the import as timed inside the child, and the modules
  of heavy libraries it loads (pandas, matplotlib, ...), which should be none;
* ``import helpers.score`` and each analysis module, timed the same way;
* first scored sentence, API: a fresh process that imports
  :func:`helpers.score.score_texts` and scores one sentence with every
  available analysis; wall time from spawning the process to its exit;
* first scored sentence, command: ``python -m helpers score`` on a one-row CSV,
  wall time from spawn to exit (the command's default ``--jobs``: one row is
  one chunk, scored without starting workers).

``python -X importtime -m helpers score`` on the one-row CSV then shows which
imports cost most, and which heavy libraries the command loads.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus
from bench_peers import wait_for_quiet

HEAVY = ("pandas", "numpy", "nltk", "matplotlib", "papermill", "nbconvert", "dask", "sklearn",
         "scipy", "networkx", "yaml", "trafilatura", "tqdm")  # fmt: skip

_IMPORT_CHILD = """
import json, sys, time
start = time.perf_counter()
import {module}
seconds = time.perf_counter() - start
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"seconds": seconds, "heavy": heavy}}))
"""

_FIRST_SCORE_CHILD = """
from helpers.score import score_texts
row = score_texts(["Tokyo called the decision completely unacceptable."], {analyses!r})
assert len(row) == 1
"""


def _wall(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run ``command``; return its wall time, its CPU time (user + system) and stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        # wait4 gives this child's own CPU time (its ru_maxrss would not be its own).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])}... failed: {stderr[-1500:]}")
    return wall, usage.ru_utime + usage.ru_stime, stdout


def _median(values):
    return round(statistics.median(values), 4)


def startup(repeats: int, analyses: list[str], workdir: Path, cwd: Path) -> dict:
    """Measure start-up costs in fresh processes; see the module docstring.

    Returns
    -------
    dict
        Kind -> median seconds (and the runs), plus the heavy modules each
        import loads and the slowest imports by ``-X importtime``.
    """
    python = sys.executable
    one_row = corpus.write_csv(
        workdir / "one_row.csv", ["Tokyo called the decision completely unacceptable."]
    )
    modules = ["helpers", "helpers.score"] + [f"helpers.{a}" for a in analyses]
    kinds: dict[str, list[str]] = {"python -c pass": [python, "-c", "pass"]}
    for module in modules:
        kinds[f"import {module}"] = [python, "-c", _IMPORT_CHILD.format(module=module, heavy=HEAVY)]
    kinds["first sentence (score_texts)"] = [
        python,
        "-c",
        _FIRST_SCORE_CHILD.format(analyses=analyses),
    ]
    command = [
        python,
        "-m",
        "helpers",
        "score",
        str(one_row),
        "-o",
        str(workdir / "one_row_out.csv"),
    ]
    if analyses:
        command += ["--analyses", ",".join(analyses)]
    kinds["first sentence (python -m helpers score)"] = command

    walls: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpus: dict[str, list[float]] = {kind: [] for kind in kinds}
    inner: dict[str, list[float]] = {}
    heavy: dict[str, list[str]] = {}
    idle = []
    for _ in range(repeats):
        idle.append(wait_for_quiet())
        for kind, argv in kinds.items():
            wall, cpu, stdout = _wall(argv, cwd)
            walls[kind].append(wall)
            cpus[kind].append(cpu)
            if kind.startswith("import "):
                report = json.loads(stdout.strip().splitlines()[-1])
                inner.setdefault(kind, []).append(report["seconds"])
                heavy[kind] = report["heavy"]
    result: dict = {"repeats": repeats, "idle_at_round_start": idle, "kinds": {}}
    for kind in kinds:
        entry = {
            "wall_s": _median(walls[kind]),
            "cpu_s": _median(cpus[kind]),
            "walls_s": [round(w, 4) for w in walls[kind]],
        }
        if kind in inner:
            entry["import_s"] = _median(inner[kind])
            entry["heavy_modules_loaded"] = heavy[kind]
        result["kinds"][kind] = entry
    result["slowest_imports"], result["command_loads"] = slowest_imports(command, cwd)
    return result


def slowest_imports(command: list[str], cwd: Path, top: int = 12) -> tuple[list[dict], list[str]]:
    """Return the slowest imports of ``command`` (``python -X importtime``) and the heavy
    libraries (:data:`HEAVY`) it imports.

    Only imports made by the command or directly by those (nesting depth 0 and
    1), by cumulative time: where a lazy import pulls in a heavy library.
    """
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    loaded = sorted(
        {
            line.rsplit("|", 1)[1].strip()
            for line in done.stderr.splitlines()
            if line.startswith("import time:") and line.rsplit("|", 1)[1].strip() in HEAVY
        }
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line.split(":", 1)[1].split("|")
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        if depth > 1:
            continue
        rows.append(
            {
                "module": name.strip(),
                "depth": depth,
                "self_ms": round(int(self_us) / 1000, 1),
                "cumulative_ms": round(int(cumulative_us) / 1000, 1),
            }
        )
    rows.sort(key=lambda row: -row["cumulative_ms"])
    return rows[:top], loaded
