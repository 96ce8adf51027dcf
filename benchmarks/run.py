"""Run every benchmark: ``make bench`` (or ``python benchmarks/run.py [--quick]``).

Writes ``benchmarks/results.json`` (git-ignored), the profile of ``score`` to
``reports/benchmarks/profile.txt``, and prints tables with the targets of the
performance issue (issue 20) and whether this run met them. Corpora are
resampled from the sentences of ``data/articles/`` and ``tests/articles/`` with
a fixed seed (see ``corpus.py``).

The figures are measurements, not tests: nothing fails when a target is missed.
On a shared machine they move with the neighbours' load, which is why the
ratios (measured side by side, interleaved) matter more than the absolute times.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # the benchmark modules import each other by name

import bench_peers  # noqa: E402
import bench_score  # noqa: E402
import bench_startup  # noqa: E402
import corpus  # noqa: E402
import report  # noqa: E402

RESULTS = HERE / "results.json"
PROFILE = ROOT / "reports" / "benchmarks" / "profile.txt"

#: Settings of a full run and of ``--quick``.
SETTINGS = {
    "full": {
        "peers_sentences": 20_000,
        "peers_repeats": 5,
        "jobs_sentences": 50_000,
        "jobs_repeats": 3,
        "memory_sizes": [10_000, 100_000, 1_000_000],
        "memory_document_sizes": [10_000, 100_000],
        "startup_repeats": 7,
        "throughput_sentences": 2_000,
        "throughput_repeats": 5,
        "profile_sentences": 4_000,
    },
    "quick": {
        "peers_sentences": 20_000,
        "peers_repeats": 3,
        "jobs_sentences": 50_000,
        "jobs_repeats": 2,
        "memory_sizes": [10_000, 100_000],
        "memory_document_sizes": [],
        "startup_repeats": 3,
        "throughput_sentences": 1_000,
        "throughput_repeats": 3,
        "profile_sentences": 1_000,
    },
}
SECTIONS = ("peers", "jobs", "memory", "startup", "throughput", "batch", "profile")


def machine() -> dict:
    """Describe the machine and software the figures come from."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                # Untracked modules count too: they are part of what was measured.
                ["git", "status", "--porcelain", "--", "src", "data", "benchmarks"],
                cwd=ROOT,
                capture_output=True,
                text=True,
            ).stdout.strip()
        )
    except OSError:
        commit, dirty = "", False
    versions = {}
    for package in ("nltk", "pandas", "numpy", "vaderSentiment", "pyinstrument"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    return {
        "date_utc": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu_model": model,
        "nproc": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git_commit": commit + ("+uncommitted" if dirty else ""),
        "versions": versions,
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def run_batch(quick: bool) -> dict:
    """Call ``benchmarks/bench_batch.py`` (the batch issue's) when it exists."""
    if not (HERE / "bench_batch.py").exists():
        return {"status": "not available: benchmarks/bench_batch.py does not exist yet"}
    try:
        module = import_module("bench_batch")
        function = next(
            getattr(module, name)
            for name in ("run", "bench", "benchmark", "main")
            if callable(getattr(module, name, None))
        )
        parameters = inspect.signature(function).parameters
        result = function(quick=quick) if "quick" in parameters else function()
    except StopIteration:
        return {"status": "not available: bench_batch.py has no run()/bench()/main()"}
    except Exception as exc:  # someone else's benchmark must not sink this run
        return {"status": f"failed: {type(exc).__name__}: {exc}"}
    if not isinstance(result, dict):
        return {"status": f"failed: bench_batch returned {type(result).__name__}, not dict"}
    return {"status": "ok", **result}


def _find(mapping: dict, *words: str):
    """Return the first numeric value whose key contains all ``words`` (batch results)."""
    for key, value in mapping.items():
        if isinstance(value, dict):
            found = _find(value, *words)
            if found is not None:
                return found
        elif (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and all(w in key.lower() for w in words)
        ):
            return value
    return None


def judge(results: dict) -> list[dict]:
    """Compare the measurements with the targets of issue 20."""
    targets = []

    def add(name, value, limit, met, note=""):
        targets.append({"target": name, "value": value, "limit": limit, "met": met, "note": note})

    status = results.get("analyses", {})
    missing = [a for a, s in status.items() if s != "ok"]
    all_note = f"without {', '.join(missing)} (not available)" if missing else ""
    kinds = results.get("startup", {}).get("kinds", {})
    one_row = kinds.get("first sentence (python -m helpers score)")
    if one_row:
        add(
            "one-row `score`, every analysis: wall s (median of fresh processes)",
            one_row["wall_s"],
            "<= 0.8",
            one_row["wall_s"] <= 0.8,
            f"CPU {one_row['cpu_s']} s; runs {min(one_row['walls_s'])}-{max(one_row['walls_s'])}",
        )
    configs = results.get("peers", {}).get("configs", {})
    jobs = results.get("peers", {}).get("jobs_default")
    if "score_all" in configs:
        ratio = configs["score_all"]["x_nltk_vader_script"]
        add(
            f"`score` every analysis (--jobs default = {jobs}) / plain NLTK VADER script, "
            "throughput",
            ratio["median"],
            ">= 1.6",
            ratio["median"] >= 1.6,
            "; ".join(n for n in (f"rounds {ratio['min']}-{ratio['max']}", all_note) if n),
        )
    if "score_sentiment" in configs:
        ratio = configs["score_sentiment"]["x_vadersentiment_script"]
        add(
            "`score --analyses sentiment` / vaderSentiment script, throughput",
            ratio["median"],
            ">= 0.5",
            ratio["median"] >= 0.5,
            f"rounds {ratio['min']}-{ratio['max']}",
        )
    scaling = results.get("jobs", {})
    if "speedup" in scaling:
        ratio = scaling["speedup"]
        add(
            f"`--jobs 2` / `--jobs 1`, {scaling['n_sentences']:,} sentences, whole process",
            ratio["median"],
            ">= 1.7",
            ratio["median"] >= 1.7,
            f"rounds {ratio['min']}-{ratio['max']}; after start-up "
            f"{scaling['speedup_after_startup']['median']}; "
            f"same bytes: {scaling['outputs_identical']}",
        )
    sentence = results.get("memory", {}).get("sentence", {})
    if sentence.get("sizes"):
        sizes = list(sentence["sizes"])
        growth = sentence["largest_over_smallest_peak"]
        add(
            f"peak RSS, {int(sizes[-1]):,} rows / {int(sizes[0]):,} rows (largest process)",
            growth,
            "<= 1.10",
            growth <= 1.10,
            ", ".join(
                f"{int(k):,}: {v['main_peak_rss_mb']} MB main, {v['worker_peak_rss_mb']} MB worker"
                for k, v in sentence["sizes"].items()
            ),
        )
    return targets


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="no million-row run, fewer repeats (a few minutes)"
    )
    parser.add_argument("--only", help=f"comma-separated sections from {', '.join(SECTIONS)}")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file (JSON)")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=180.0,
        help="before each whole-process round, wait up to this many seconds for the machine "
        f"to be {100 * bench_peers.QUIET_IDLE:.0f}%% idle (default 180; 0: never wait)",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="also print the README's Performance tables as Markdown",
    )
    args = parser.parse_args(argv)
    sections = {name.strip() for name in args.only.split(",")} if args.only else set(SECTIONS)
    if sections - set(SECTIONS):
        parser.error(f"unknown section(s) {', '.join(sorted(sections - set(SECTIONS)))}")
    settings = SETTINGS["quick" if args.quick else "full"]
    bench_peers.QUIET_WAIT_S = args.quiet_wait
    started = time.perf_counter()

    # The lexicon and the compiled dictionaries are prepared by `make setup`; make
    # sure before anything is timed (a first run after a code change rebuilds them).
    from helpers.score import warm_up

    warm_up()
    results: dict = {"machine": machine(), "settings": settings, "corpus": corpus.pool_info()}
    results["settings"]["quiet_wait_s"] = args.quiet_wait
    status = bench_score.available_analyses()
    results["analyses"] = status
    analyses = [a for a, s in status.items() if s == "ok"]
    print("analyses:", status, flush=True)

    def save():  # after every section, so a failure later keeps what was measured
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    def section(name, function, *arguments):
        # Other people's modules may be mid-edit: a failing section is recorded, not fatal.
        print(f"{name} ...", flush=True)
        began = time.perf_counter()
        try:
            return function(*arguments)
        except Exception as exc:
            print(f"{name} failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            return {"status": f"failed: {type(exc).__name__}: {str(exc)[-1500:]}"}
        finally:
            print(f"{name}: {time.perf_counter() - began:.0f} s", flush=True)
            save()

    with tempfile.TemporaryDirectory(prefix="ddn-bench-") as tmp:
        workdir = Path(tmp)
        if "startup" in sections:
            results["startup"] = section(
                "start-up",
                bench_startup.startup,
                settings["startup_repeats"],
                analyses,
                workdir,
                ROOT,
            )
        if "peers" in sections:
            results["peers"] = section(
                "peers (whole processes)",
                bench_peers.peers,
                settings["peers_sentences"],
                settings["peers_repeats"],
                analyses,
                workdir,
                ROOT,
            )
        if "jobs" in sections:
            results["jobs"] = section(
                "--jobs 2 against --jobs 1",
                bench_peers.jobs_scaling,
                settings["jobs_sentences"],
                settings["jobs_repeats"],
                analyses,
                workdir,
                ROOT,
            )
        if "memory" in sections:
            results["memory"] = {}
            for unit, sizes in (
                ("sentence", settings["memory_sizes"]),
                ("document", settings["memory_document_sizes"]),
            ):
                if sizes:
                    results["memory"][unit] = section(
                        f"memory ({unit})", bench_peers.memory, sizes, analyses, workdir, ROOT, unit
                    )
        if "throughput" in sections:
            results["throughput"] = section(
                "throughput (in one process)",
                bench_score.throughput,
                settings["throughput_sentences"],
                settings["throughput_repeats"],
                analyses,
                workdir,
            )
            if analyses:
                results["cold_caches"] = section(
                    "cold caches", bench_score.cold_caches, 1_000, analyses
                )
    if "batch" in sections:
        results["batch"] = section("batch", run_batch, args.quick)
    if "profile" in sections and analyses:
        results["profile"] = section(
            "profile", bench_score.profile, settings["profile_sentences"], analyses, PROFILE
        )

    results["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    results["runtime_s"] = round(time.perf_counter() - started, 1)
    results["targets"] = judge(results)
    save()
    print()
    print(report.text(results))
    if args.markdown:
        print("\n" + report.markdown(results))
    print(f"\nwrote {args.output} in {results['runtime_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
