"""Whole process against whole process: ``score`` and its peers on the same CSV, in one run.

Every figure here is the wall time of a fresh process, from spawning it to its
exit (start-up, reading, scoring, writing and, for ``score``, its worker
processes), because that is what a user waits for. The processes' CPU time
(user + system, workers included) is recorded beside it.

* :func:`peers`: on the same file of news sentences, the plain NLTK VADER
  script (``peers/nltk_vader.py``: import, loop, CSV out; the reference), the
  ``vaderSentiment`` package (``peers/vader_sentiment.py``, a sentiment-only
  peer), and ``python -m helpers score`` with every analysis (default
  ``--jobs``, and ``--jobs 1``) and with ``--analyses sentiment`` (default
  ``--jobs``, and ``--jobs 1``). The runs are interleaved, in a new random
  order each round; each ratio is the median over rounds of the per-round
  ratio of throughputs (sentences per wall second), so a burst of load from a
  neighbour slows both sides of a ratio alike.
* :func:`jobs_scaling`: ``score`` with every analysis, ``--jobs 2`` against
  ``--jobs 1``, interleaved, on a larger file; also the same ratio after
  taking off each process's start-up (the median one-row wall time).
* :func:`memory`: ``score`` with every analysis (default ``--jobs``) on files of
  growing size; the peak resident memory of the main process and of the
  largest worker (``VmHWM`` of the main process, ``RUSAGE_CHILDREN`` for the
  workers it waited for), and the wall time per row.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
PEERS = HERE / "peers"
ALL = "sentiment,framing,diplomacy"


def _run(argv: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run a process to its end; return its wall and CPU seconds (its waited-for children in)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, cwd=cwd, stdout=out, stderr=err, env={**os.environ, **(env or {})}
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")[-1500:]
            raise RuntimeError(f"{' '.join(map(str, argv[:6]))} failed: {message}")
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "stdout": stdout}


def _score(source: Path, target: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "helpers", "score", str(source), "-o", str(target), *options]


def peer_commands(source: Path, workdir: Path, analyses: list[str]) -> dict[str, list[str]]:
    """The commands compared by :func:`peers`, by label."""
    chosen = ",".join(analyses) or ALL
    commands = {
        "nltk_vader_script": [
            sys.executable,
            str(PEERS / "nltk_vader.py"),
            str(source),
            str(workdir / "o_nltk.csv"),
        ],
        "vadersentiment_script": [
            sys.executable,
            str(PEERS / "vader_sentiment.py"),
            str(source),
            str(workdir / "o_vs.csv"),
        ],
        "score_all": _score(source, workdir / "o_all.csv", "--analyses", chosen),
        "score_all_jobs1": _score(
            source, workdir / "o_all1.csv", "--analyses", chosen, "--jobs", "1"
        ),
    }
    if "sentiment" in analyses:
        commands["score_sentiment"] = _score(
            source, workdir / "o_sent.csv", "--analyses", "sentiment"
        )
        commands["score_sentiment_jobs1"] = _score(
            source, workdir / "o_sent1.csv", "--analyses", "sentiment", "--jobs", "1"
        )
    return commands


#: Before each round, wait at most this many seconds for the machine to be idle
#: (``run.py --quiet-wait``; 0: start at once).
QUIET_WAIT_S = 0.0
#: The share of idle CPU, over one second, that counts as a quiet machine.
QUIET_IDLE = 0.8


def idle_share(seconds: float = 1.0) -> float:
    """The share of the machine's CPU time that was idle over ``seconds`` (/proc/stat)."""

    def sample():
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle + iowait, total

    try:
        idle0, total0 = sample()
        time.sleep(seconds)
        idle1, total1 = sample()
    except (OSError, ValueError, IndexError):
        return float("nan")
    return (idle1 - idle0) / max(1, total1 - total0)


def wait_for_quiet() -> float:
    """Wait (at most :data:`QUIET_WAIT_S`) for a quiet machine; return the idle share seen.

    On a shared machine, Linux's autogroup scheduling gives each login session
    one fair share of the CPUs: while neighbours are busy, ``score``'s worker
    processes share one session's share and run no faster than one process.
    Rounds started on an idle machine measure what the code does.
    """
    deadline = time.monotonic() + QUIET_WAIT_S
    idle = idle_share()
    while idle < QUIET_IDLE and time.monotonic() < deadline:
        time.sleep(4)
        idle = idle_share()
    return round(idle, 3)


def _interleaved(commands: dict[str, list[str]], repeats: int, cwd: Path, seed: int) -> dict:
    """Run every command once per round, in a shuffled order; return label -> runs.

    Each run records the idle share of the machine when its round started.
    """
    runs: dict[str, list[dict]] = {label: [] for label in commands}
    rng = random.Random(seed)
    for _ in range(repeats):
        idle = wait_for_quiet()
        order = list(commands)
        rng.shuffle(order)
        for label in order:
            result = _run(commands[label], cwd)
            result.pop("stdout")
            result["idle_at_start"] = idle
            runs[label].append(result)
    return runs


def _ratio_summary(numerator: list[dict], denominator: list[dict]) -> dict:
    """Per-round speed ratio (denominator's wall / numerator's wall): median, min, max."""
    ratios = [d["wall_s"] / n["wall_s"] for n, d in zip(numerator, denominator, strict=True)]
    return {
        "median": round(statistics.median(ratios), 3),
        "min": round(min(ratios), 3),
        "max": round(max(ratios), 3),
    }


def peers(n_sentences: int, repeats: int, analyses: list[str], workdir: Path, cwd: Path) -> dict:
    """Time ``score`` and its peers, whole processes, interleaved; see the module docstring.

    Returns
    -------
    dict
        Per command: wall and CPU seconds of each round, the median throughput
        (sentences per wall second), and its ratio to the NLTK script's and
        to ``vaderSentiment``'s (median, min, max over rounds).
    """
    source = corpus.write_csv(workdir / "peers.csv", corpus.sample_sentences(n_sentences))
    commands = peer_commands(source, workdir, analyses)
    for argv in commands.values():  # warm-up: caches, bytecode, the file in the page cache
        _run(argv, cwd)
    runs = _interleaved(commands, repeats, cwd, corpus.SEED)
    result: dict = {
        "n_sentences": n_sentences,
        "repeats": repeats,
        "jobs_default": _cores(),
        "idle_at_round_start": [r["idle_at_start"] for r in runs["nltk_vader_script"]],
    }
    configs = {}
    for label, series in runs.items():
        walls = [r["wall_s"] for r in series]
        wall = statistics.median(walls)
        configs[label] = {
            "wall_s": [round(w, 3) for w in walls],
            "cpu_s": [round(r["cpu_s"], 3) for r in series],
            "median_wall_s": round(wall, 3),
            "sentences_per_s": round(n_sentences / wall, 1),
            "x_nltk_vader_script": _ratio_summary(series, runs["nltk_vader_script"]),
            "x_vadersentiment_script": _ratio_summary(series, runs["vadersentiment_script"]),
        }
    result["configs"] = configs
    result["commands"] = {
        label: " ".join(Path(a).name if "/" in a else a for a in argv[1:])
        for label, argv in commands.items()
    }
    return result


def _cores() -> int:
    from helpers.workers import usable_cores

    return usable_cores()


def one_row_wall(repeats: int, workdir: Path, cwd: Path, analyses: list[str]) -> dict:
    """Wall and CPU time of ``score`` on a one-row file, fresh processes (median)."""
    source = corpus.write_csv(
        workdir / "one_row.csv", ["Tokyo called the decision completely unacceptable."]
    )
    argv = _score(source, workdir / "one_row_out.csv", "--analyses", ",".join(analyses) or ALL)
    _run(argv, cwd)
    runs = [_run(argv, cwd) for _ in range(repeats)]
    walls = [r["wall_s"] for r in runs]
    return {
        "repeats": repeats,
        "wall_s": round(statistics.median(walls), 3),
        "cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 3),
        "walls_s": [round(w, 3) for w in walls],
    }


def jobs_scaling(n_sentences: int, repeats: int, analyses: list[str], workdir: Path, cwd: Path):
    """``score --jobs 2`` against ``--jobs 1``, whole processes, interleaved.

    Returns
    -------
    dict
        Wall seconds per round for each, the speed-up (median, min, max of
        per-round ratios), and the speed-up of the time after start-up (each
        run minus the median one-row wall time measured in the same rounds).
    """
    chosen = ",".join(analyses) or ALL
    source = corpus.write_csv(workdir / "jobs.csv", corpus.sample_sentences(n_sentences))
    one = corpus.write_csv(workdir / "jobs_one.csv", corpus.sample_sentences(1))
    commands = {
        "jobs1": _score(source, workdir / "o_j1.csv", "--analyses", chosen, "--jobs", "1"),
        "jobs2": _score(source, workdir / "o_j2.csv", "--analyses", chosen, "--jobs", "2"),
        "one_row": _score(one, workdir / "o_one.csv", "--analyses", chosen),
    }
    _run(commands["one_row"], cwd)
    runs = _interleaved(commands, repeats, cwd, corpus.SEED + 3)
    startup = statistics.median(r["wall_s"] for r in runs["one_row"])

    def after_startup(series):
        return [{"wall_s": max(1e-3, r["wall_s"] - startup)} for r in series]

    same = (workdir / "o_j1.csv").read_bytes() == (workdir / "o_j2.csv").read_bytes()
    return {
        "n_sentences": n_sentences,
        "repeats": repeats,
        "jobs1_wall_s": [round(r["wall_s"], 3) for r in runs["jobs1"]],
        "jobs2_wall_s": [round(r["wall_s"], 3) for r in runs["jobs2"]],
        "jobs1_cpu_s": [round(r["cpu_s"], 3) for r in runs["jobs1"]],
        "jobs2_cpu_s": [round(r["cpu_s"], 3) for r in runs["jobs2"]],
        "one_row_wall_s": round(startup, 3),
        "idle_at_round_start": [r["idle_at_start"] for r in runs["jobs1"]],
        "speedup": _ratio_summary(runs["jobs2"], runs["jobs1"]),
        "speedup_after_startup": _ratio_summary(
            after_startup(runs["jobs2"]), after_startup(runs["jobs1"])
        ),
        "outputs_identical": same,
    }


# The command's entry point in a child that reports its own peak memory (VmHWM) and
# the largest of its workers' (RUSAGE_CHILDREN: the workers it waited for).
_MEMORY_CHILD = """
import json, resource, sys, time
start = time.perf_counter()
from helpers.cli import main
code = main(sys.argv[2:])
peak_kib = None
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmHWM:"):
            peak_kib = int(line.split()[1])
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as handle:
    json.dump({"code": code, "wall_s": time.perf_counter() - start,
               "main_peak_kib": peak_kib, "worker_peak_kib": workers}, handle)
sys.exit(code)
"""


def memory(sizes: list[int], analyses: list[str], workdir: Path, cwd: Path, unit: str) -> dict:
    """Peak memory of ``score`` (default ``--jobs``) on files of growing size.

    Returns
    -------
    dict
        Per size: rows, sentences, wall seconds, microseconds per sentence
        (wall), peak RSS of the main process and of the largest worker (MB).
    """
    chosen = ",".join(analyses) or ALL
    result: dict = {"unit": unit, "analyses": chosen, "jobs": _cores(), "sizes": {}}
    for size in sizes:
        texts = (
            corpus.iter_sentences(size)
            if unit == "sentence"
            else corpus.sample_documents(size, seed=corpus.SEED + 4)
        )
        source = corpus.write_csv(workdir / f"memory_{unit}_{size}.csv", texts)
        target = workdir / f"memory_{unit}_{size}_out.csv"
        report = workdir / f"memory_{unit}_{size}.json"
        argv = [sys.executable, "-c", _MEMORY_CHILD, str(report)]
        argv += ["score", str(source), "-o", str(target), "--analyses", chosen, "--unit", unit]
        idle = wait_for_quiet()
        run = _run(argv, cwd)
        child = json.loads(report.read_text())
        rows = size if unit == "sentence" else size // corpus.PER_DOC
        result["sizes"][str(size)] = {
            "rows": rows,
            "sentences": size,
            "wall_s": round(run["wall_s"], 2),
            "cpu_s": round(run["cpu_s"], 2),
            "us_per_sentence_wall": round(1e6 * run["wall_s"] / size, 1),
            "main_peak_rss_mb": round(child["main_peak_kib"] / 1024, 1),
            "worker_peak_rss_mb": round(child["worker_peak_kib"] / 1024, 1),
            "idle_at_start": idle,
        }
        source.unlink()
        target.unlink(missing_ok=True)
    peaks = [max(s["main_peak_rss_mb"], s["worker_peak_rss_mb"]) for s in result["sizes"].values()]
    result["largest_over_smallest_peak"] = round(peaks[-1] / peaks[0], 3) if peaks else None
    return result
