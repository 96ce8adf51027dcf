"""Run every benchmark: ``make bench`` (or ``python benchmarks/run.py [--quick]``).

Writes ``benchmarks/results.json`` (git-ignored), the profile of ``score`` to
``reports/benchmarks/profile.txt``, and prints a table with the targets of the
performance issue and whether this run met them. Corpora are resampled from
the sentences of ``data/articles/`` with a fixed seed (see ``corpus.py``).

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
import statistics
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

import bench_score  # noqa: E402
import bench_startup  # noqa: E402
import corpus  # noqa: E402

RESULTS = HERE / "results.json"
PROFILE = ROOT / "reports" / "benchmarks" / "profile.txt"

#: Settings of a full run and of ``--quick``.
SETTINGS = {
    "full": {
        "throughput_sentences": 2_000,
        "throughput_repeats": 7,
        "scaling_sizes": [1_000, 10_000, 100_000],
        "scaling_repeats": {1_000: 5, 10_000: 3, 100_000: 1},
        "startup_repeats": 5,
        "profile_sentences": 4_000,
    },
    "quick": {
        "throughput_sentences": 1_000,
        "throughput_repeats": 5,
        "scaling_sizes": [1_000, 10_000],
        "scaling_repeats": {1_000: 3, 10_000: 1},
        "startup_repeats": 3,
        "profile_sentences": 1_000,
    },
}
SECTIONS = ("throughput", "scaling", "startup", "batch", "profile")


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


def _per_round_ratio(configs: dict, numerator: str, denominator: str):
    """Median over rounds of CPU time(numerator) / CPU time(denominator)."""
    if numerator not in configs or denominator not in configs:
        return None
    pairs = zip(configs[numerator]["cpu_s"], configs[denominator]["cpu_s"], strict=True)
    return round(statistics.median(a / b for a, b in pairs), 3)


def judge(results: dict) -> list[dict]:
    """Compare the measurements with the issue's targets."""
    targets = []

    def add(name, value, limit, met, note=""):
        targets.append({"target": name, "value": value, "limit": limit, "met": met, "note": note})

    tp = results.get("throughput", {}).get("configs", {})
    status = results.get("analyses", {})
    missing = [a for a, s in status.items() if s != "ok"]
    all_note = f"without {', '.join(missing)} (not available)" if missing else ""
    if "file:all" in tp or "file:sentiment_only" in tp:
        key = "file:all" if "file:all" in tp else None
        if key:
            value = tp[key]["ratio_to_vader"]
            add(
                "every analysis / VADER loop throughput (score_file)",
                value,
                ">= 0.67",
                value >= 0.67,
                all_note,
            )
            cost = _per_round_ratio(tp, "file:all", "file:sentiment_only")
            if cost is not None:
                add("every analysis / sentiment only, time", cost, "<= 1.5", cost <= 1.5, all_note)
        if "file:sentiment_only" in tp:
            value = tp["file:sentiment_only"]["ratio_to_vader"]
            add(
                "sentiment only / VADER loop throughput (score_file)", value, ">= 0.9", value >= 0.9
            )
    for unit in ("sentence", "document"):
        scale = results.get("scaling", {}).get(unit)
        if not scale or "sizes" not in scale:
            continue
        per = [s["us_per_sentence"] for s in scale["sizes"].values()]
        if min(per) <= 0:  # the run was too short to rise above the one-row run's noise
            add(f"time per sentence flat, {unit}", None, "<= 0.15", False, "not measurable")
            continue
        spread = round(max(per) / min(per) - 1, 3)
        sizes = list(scale["sizes"])
        drift = scale["sizes"][sizes[-1]].get("chunk_drift")
        add(
            f"time per sentence flat, {unit} ({sizes[0]}..{sizes[-1]}), max/min - 1",
            spread,
            "<= 0.15",
            spread <= 0.15,
            f"within the {sizes[-1]} run, last/first quarter of chunks: {drift['last_over_first']}"
            if drift
            else "",
        )
        rss = {int(k): v["peak_rss_mb"] for k, v in scale["sizes"].items()}
        if 100_000 in rss:
            add(
                f"peak RSS at 100,000 sentences, {unit} (MB)",
                rss[100_000],
                "< 500",
                rss[100_000] < 500,
            )
        if len(rss) > 1:
            # From the second-largest size up: the sizes grow tenfold, and a command that
            # kept rows would grow with them; one chunk of rows is the buffer it may hold.
            small, large = sorted(rss)[-2:]
            growth = round(rss[large] - rss[small], 1)
            chunk = 2_000 * (1 if unit == "sentence" else 40)
            # Growth is only a sign of keeping rows once the smaller run fills a chunk.
            add(
                f"peak RSS growth {small}->{large}, {unit} (MB)",
                growth,
                "< 10% of peak",
                growth < 0.1 * rss[large] if small >= chunk else None,
                f"not judged: {small:,} sentences are {small * 2_000 // chunk:,} rows, "
                "less than one chunk of 2,000 rows"
                if small < chunk
                else "",
            )
    kinds = results.get("startup", {}).get("kinds", {})
    if "import helpers" in kinds:
        value = kinds["import helpers"]["import_s"]
        add("import helpers (s)", value, "< 0.5", value < 0.5)
    if "first sentence (score_texts)" in kinds:
        entry = kinds["first sentence (score_texts)"]
        value = entry["wall_s"]
        note = f"CPU {entry['cpu_s']} s" if entry.get("cpu_s") is not None else ""
        note = "; ".join(n for n in (note, all_note) if n)
        add("first scored sentence, fresh process, wall (s)", value, "< 2", value < 2, note)
    batch = results.get("batch", {})
    if batch.get("status") == "ok":
        speedup = _find(batch, "speed")
        if speedup is not None:
            add("batch --jobs 2 speed-up over --jobs 1", speedup, ">= 1.7", speedup >= 1.7)
    return targets


def _verdict(met) -> str:
    return "n/a" if met is None else "met" if met else "NOT met"


def _table(rows: list[list], header: list[str]) -> str:
    cells = [header] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _markdown(rows: list[list], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join("" if c is None else str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _batch_report(batch: dict, fmt) -> str:
    """Batch figures from ``bench_batch.run()`` (its keys; anything else as JSON)."""
    machinery = batch.get("machinery")
    if batch.get("status") != "ok" or not isinstance(machinery, dict):
        return "Batch: " + json.dumps(batch, default=str)
    lines = [
        f"Batch (bench_batch.py): {machinery.get('renders')} renders of a tiny notebook, "
        f"median of {machinery.get('repeats')} rounds"
    ]
    rows = [
        ["--jobs 1", machinery.get("jobs1_s"), machinery.get("seconds_per_render_jobs1")],
        ["--jobs 2", machinery.get("jobs2_s"), machinery.get("seconds_per_render_jobs2")],
    ]
    lines.append(fmt(rows, ["batch", "wall s", "s per render"]))
    lines.append(
        f"speed-up of --jobs 2: {machinery.get('speedup_jobs2_over_jobs1')}; "
        f"kernel start + HTML per render: {machinery.get('kernel_and_html_s')} s"
    )
    notebooks = batch.get("collection", {}).get("notebooks")
    if notebooks:
        rows = [
            [
                name,
                n.get("renders"),
                n.get("median_s"),
                n.get("execute_s"),
                n.get("html_s"),
                n.get("failed"),
            ]
            for name, n in notebooks.items()
        ]
        lines.append(f"Real notebooks on data/articles/, --jobs {batch['collection'].get('jobs')}:")
        lines.append(
            fmt(rows, ["notebook", "renders", "median s", "execute s", "HTML s", "failed"])
        )
    elif "collection" in batch:
        lines.append(f"Real notebooks: {batch['collection'].get('status')}")
    return "\n".join(lines)


def report(results: dict, markdown: bool = False) -> str:
    """Render the results as plain-text (or Markdown) tables."""
    fmt = _markdown if markdown else _table
    out = []
    m = results["machine"]
    out.append(
        f"Machine: {m['cpu_model']}, {m['nproc']} CPUs, Python {m['python']}, "
        f"load {m['loadavg_start']} -> {m.get('loadavg_end')}, commit {m['git_commit']}, {m['date_utc']}"
    )
    out.append(
        "Analyses: " + ", ".join(f"{a}: {s}" for a, s in results.get("analyses", {}).items())
    )
    for name in ("throughput", "startup", "profile"):
        if "status" in results.get(name, {}):
            out.append(f"\n{name}: {results[name]['status']}")
    tp = results.get("throughput")
    if tp and "configs" in tp:
        out.append(
            f"\nThroughput: {tp['n_sentences']} sentences, median of {tp['repeats']} interleaved rounds"
        )
        rows = [
            [label, c["sentences_per_cpu_s"], c["us_per_sentence"], c["ratio_to_vader"],
             f"{c['ratio_min_max'][0]}-{c['ratio_min_max'][1]}", c["sentences_per_s"],
             c["ratio_to_vader_wall"]]
            for label, c in tp["configs"].items()
        ]  # fmt: skip
        header = ["configuration", "sentences/CPU-s", "CPU us/sentence", "x VADER", "range"]
        out.append(fmt(rows, header + ["sentences/s (wall)", "x VADER (wall)"]))
        out.append(
            "vader_loop: bare NLTK polarity_scores loop (reference); texts:* = score_texts in memory; "
            "file:* = score_file on a CSV, read and write included (the headline figures); "
            "x VADER = median over rounds of the CPU-time ratio"
        )
    cold = results.get("cold_caches")
    if cold:
        if "cold_us_per_sentence" in cold:
            out.append(
                f"Per-token dictionary memory cleared before every sentence (worst case, every "
                f"analysis, score_text): {cold['cold_us_per_sentence']} us/sentence against "
                f"{cold['warm_us_per_sentence']} warm ({cold['cold_over_warm']} x)"
            )
        else:
            out.append(f"Cold caches: {cold.get('status')}")
    for unit, scale in results.get("scaling", {}).items():
        if "sizes" not in scale:
            out.append(f"\nScaling ({unit}): {scale.get('status')}")
            continue
        out.append(
            f"\nScaling, --unit {unit}: the score command in a fresh process, warmed up on one row "
            f"(analyses: {', '.join(scale['analyses'])})"
        )
        rows = [
            [f"{s['sentences']:,}", s["rows"], s["runs"], s["cpu_s"], s["wall_s"],
             s["us_per_sentence"], s["us_per_sentence_wall"], s["peak_rss_mb"]]
            for s in scale["sizes"].values()
        ]  # fmt: skip
        header = ["sentences", "rows", "runs", "CPU s", "wall s", "CPU us/sentence"]
        out.append(fmt(rows, header + ["wall us/sentence", "peak RSS MB"]))
    st = results.get("startup")
    if st and "kinds" in st:
        out.append(f"\nStart-up, fresh processes, median of {st['repeats']}")
        rows = [
            [
                kind,
                k["wall_s"],
                k.get("cpu_s"),
                k.get("import_s"),
                ", ".join(k.get("heavy_modules_loaded", [])) or None,
            ]
            for kind, k in st["kinds"].items()
        ]
        out.append(fmt(rows, ["what", "wall s", "CPU s", "import s", "heavy modules loaded"]))
        slow = st.get("slowest_imports") or []
        if slow:
            out.append(
                "slowest imports before the first scored sentence (cumulative ms): "
                + ", ".join(f"{r['module']} {r['cumulative_ms']:.0f}" for r in slow[:6])
            )
    batch = results.get("batch")
    if batch:
        out.append("\n" + _batch_report(batch, fmt))
    prof = results.get("profile")
    if prof and "self_time_top" in prof:
        out.append(f"\nProfile ({prof['path']}): self time, top 10 of {prof['total_s']} s")
        rows = [
            [p["function"], p["seconds"], f"{100 * p['share']:.1f}%"]
            for p in prof["self_time_top"][:10]
        ]
        out.append(fmt(rows, ["function", "s", "share"]))
    targets = results.get("targets", [])
    if targets:
        out.append("\nTargets (issue 8)")
        rows = [
            [t["target"], t["value"], t["limit"], _verdict(t["met"]), t["note"]] for t in targets
        ]
        out.append(fmt(rows, ["target", "measured", "limit", "", "note"]))
    return "\n".join(out)


_LABELS = {
    "vader_loop": "bare NLTK VADER loop (reference)",
    "file:sentiment_only": "`score`, sentiment only (CSV in and out)",
    "file:all": "`score`, every analysis (CSV in and out)",
    "texts:tokenise_only": "in memory: tokenising only",
    "texts:sentiment_only": "in memory: sentiment only",
    "texts:framing_only": "in memory: framing only",
    "texts:diplomacy_only": "in memory: diplomacy only",
    "texts:all": "in memory: every analysis",
    "texts:all_but_framing": "in memory: every analysis but framing",
    "texts:all_but_diplomacy": "in memory: every analysis but diplomacy",
}


def performance_markdown(results: dict) -> str:
    """Return the compact Markdown tables for the README's Performance section."""
    out = []
    tp = results.get("throughput", {})
    if "configs" in tp:
        out.append(
            f"Throughput on {tp['n_sentences']:,} resampled sentences, median of "
            f"{tp['repeats']} interleaved rounds (CPU time):\n"
        )
        order = [label for label in _LABELS if label in tp["configs"]]
        order += [label for label in tp["configs"] if label not in order]
        rows = [
            [_LABELS.get(label, label), f"{c['sentences_per_cpu_s']:,.0f}",
             f"{c['us_per_sentence']:.0f}", f"{c['ratio_to_vader']:.2f}"]
            for label, c in ((label, tp["configs"][label]) for label in order)
        ]  # fmt: skip
        out.append(_markdown(rows, ["", "sentences/s", "µs/sentence", "× VADER loop"]))
    scaling = results.get("scaling", {})
    units = [u for u in ("sentence", "document") if "sizes" in scaling.get(u, {})]
    if units:
        out.append(
            "\nThe `score` command with every analysis, in a fresh process warmed up on one row:\n"
        )
        sizes = list(scaling[units[0]]["sizes"])
        header = ["sentences"]
        for unit in units:
            header += [f"--unit {unit}: CPU µs/sentence", "peak RSS (MB)"]
        rows = []
        for size in sizes:
            row = [f"{int(size):,}"]
            for unit in units:
                entry = scaling[unit]["sizes"].get(size, {})
                row += [entry.get("us_per_sentence"), entry.get("peak_rss_mb")]
            rows.append(row)
        out.append(_markdown(rows, header))
    kinds = results.get("startup", {}).get("kinds", {})
    if kinds:
        out.append("\nStart-up, fresh processes (median):\n")
        rows = []
        for kind, label, key in (
            ("import helpers", "`import helpers` (timed inside the process)", "import_s"),
            ("import helpers.score", "`import helpers.score` (timed inside the process)", "import_s"),
            ("first sentence (score_texts)", "first scored sentence, every analysis (spawn to exit)", "wall_s"),
            ("first sentence (python -m helpers score)", "`python -m helpers score` on a one-row CSV", "wall_s"),
        ):  # fmt: skip
            if kind in kinds:
                entry = kinds[kind]
                rows.append([label, f"{entry[key]:.3f}", f"{entry['cpu_s']:.2f}"])
        out.append(_markdown(rows, ["", "seconds", "CPU seconds of the whole process"]))
    machinery = results.get("batch", {}).get("machinery")
    if isinstance(machinery, dict):
        out.append(
            f"\nBatch ({machinery.get('renders')} renders of a tiny notebook): "
            f"{machinery.get('seconds_per_render_jobs1')} s per render with `--jobs 1`, "
            f"{machinery.get('seconds_per_render_jobs2')} s with `--jobs 2`, "
            f"speed-up {machinery.get('speedup_jobs2_over_jobs1')}."
        )
    targets = results.get("targets", [])
    if targets:
        out.append("\nTargets of the performance issue:\n")
        rows = [
            [t["target"], t["value"], t["limit"], _verdict(t["met"]), t["note"]] for t in targets
        ]
        out.append(_markdown(rows, ["target", "measured", "limit", "", "note"]))
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="smaller corpora, fewer repeats (about a minute)"
    )
    parser.add_argument("--only", help=f"comma-separated sections from {', '.join(SECTIONS)}")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file (JSON)")
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
    started = time.perf_counter()

    # The lexicon is prepared by `make setup`; make sure before anything is timed.
    from helpers.resources import vader_analyzer

    vader_analyzer()
    results: dict = {"machine": machine(), "settings": settings, "corpus": corpus.pool_info()}
    status = bench_score.available_analyses()
    results["analyses"] = status
    analyses = [a for a, s in status.items() if s == "ok"]
    print("analyses:", status, flush=True)

    def save():  # after every section, so a failure later keeps what was measured
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    def section(name, function, *args):
        # Other people's modules may be mid-edit: a failing section is recorded, not fatal.
        print(f"{name} ...", flush=True)
        try:
            return function(*args)
        except Exception as exc:
            print(f"{name} failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            return {"status": f"failed: {type(exc).__name__}: {str(exc)[-1500:]}"}
        finally:
            save()

    with tempfile.TemporaryDirectory(prefix="ddn-bench-") as tmp:
        workdir = Path(tmp)
        if "throughput" in sections:
            results["throughput"] = section(
                "throughput",
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
        if "scaling" in sections:
            results["scaling"] = {}
            for unit in ("sentence", "document"):
                results["scaling"][unit] = section(
                    f"scaling ({unit})",
                    bench_score.scaling,
                    settings["scaling_sizes"],
                    settings["scaling_repeats"],
                    analyses,
                    unit,
                    workdir,
                    ROOT,
                )
        if "startup" in sections:
            results["startup"] = section(
                "start-up",
                bench_startup.startup,
                settings["startup_repeats"],
                analyses,
                workdir,
                ROOT,
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
    print(report(results))
    if args.markdown:
        print("\n" + performance_markdown(results))
    print(f"\nwrote {args.output} in {results['runtime_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
