"""Tables of a benchmark run: plain text for the terminal, Markdown for the README.

:func:`text` prints every section of ``results.json``; :func:`markdown` the
compact tables of the README's Performance section (``run.py --markdown``).
"""

from __future__ import annotations

import json

#: Labels of the whole-process comparisons (``bench_peers.peers``).
PEER_LABELS = {
    "nltk_vader_script": "plain NLTK VADER script (reference)",
    "vadersentiment_script": "vaderSentiment script (sentiment only)",
    "score_all": "`score`, every analysis, default --jobs",
    "score_all_jobs1": "`score`, every analysis, --jobs 1",
    "score_sentiment": "`score --analyses sentiment`, default --jobs",
    "score_sentiment_jobs1": "`score --analyses sentiment`, --jobs 1",
}
#: Labels of the in-process configurations (``bench_score.throughput``).
THROUGHPUT_LABELS = {
    "vader_loop": "bare NLTK VADER loop (reference)",
    "file:sentiment_only": "score_file, sentiment only (CSV in and out)",
    "file:all": "score_file, every analysis (CSV in and out)",
    "texts:tokenise_only": "in memory: tokenising only",
    "texts:sentiment_only": "in memory: sentiment only",
    "texts:framing_only": "in memory: framing only",
    "texts:diplomacy_only": "in memory: diplomacy only",
    "texts:all": "in memory: every analysis",
    "texts:all_but_framing": "in memory: every analysis but framing",
    "texts:all_but_diplomacy": "in memory: every analysis but diplomacy",
}


def verdict(met) -> str:
    return "n/a" if met is None else "met" if met else "NOT met"


def plain_table(rows: list[list], header: list[str]) -> str:
    cells = [header] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[list], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join("" if c is None else str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _range(ratio: dict) -> str:
    return f"{ratio['min']:.2f}–{ratio['max']:.2f}"


def peers_table(peers: dict, fmt) -> str:
    configs = peers["configs"]
    rows = [
        [
            PEER_LABELS.get(label, label),
            f"{c['median_wall_s']:.2f}",
            f"{c['sentences_per_s']:,.0f}",
            f"{c['x_nltk_vader_script']['median']:.2f} ({_range(c['x_nltk_vader_script'])})",
            f"{c['x_vadersentiment_script']['median']:.2f} "
            f"({_range(c['x_vadersentiment_script'])})",
        ]
        for label, c in configs.items()
    ]
    header = ["whole process", "wall s", "sentences/s", "× NLTK script", "× vaderSentiment"]
    return (
        f"{peers['n_sentences']:,} sentences, median of {peers['repeats']} interleaved rounds "
        f"(default --jobs = {peers.get('jobs_default')}; × = median of per-round ratios, "
        f"range in brackets; idle CPU share at each round's start: {_idle(peers)})\n"
        + fmt(rows, header)
    )


def _idle(entry: dict) -> str:
    shares = entry.get("idle_at_round_start") or []
    return ", ".join(f"{share:.2f}" for share in shares) or "not recorded"


def jobs_table(jobs: dict, fmt) -> str:
    rows = [
        ["--jobs 1", ", ".join(f"{w:.2f}" for w in jobs["jobs1_wall_s"])],
        ["--jobs 2", ", ".join(f"{w:.2f}" for w in jobs["jobs2_wall_s"])],
    ]
    speedup, after = jobs["speedup"], jobs["speedup_after_startup"]
    return (
        f"{jobs['n_sentences']:,} sentences, every analysis, {jobs['repeats']} interleaved "
        f"rounds (idle CPU share at each round's start: {_idle(jobs)})\n"
        + fmt(rows, ["", "wall s per round"])
        + f"\nspeed-up {speedup['median']:.2f} ({_range(speedup)}); after subtracting the "
        f"one-row wall time ({jobs['one_row_wall_s']:.2f} s): {after['median']:.2f} "
        f"({_range(after)}); identical output: {jobs['outputs_identical']}"
    )


def memory_table(memory: dict, fmt) -> str:
    out = []
    for unit, entry in memory.items():
        if "sizes" not in entry:
            out.append(f"memory ({unit}): {entry.get('status')}")
            continue
        rows = [
            [f"{int(size):,}", f"{s['rows']:,}", s["wall_s"], s["us_per_sentence_wall"],
             s["main_peak_rss_mb"], s["worker_peak_rss_mb"]]
            for size, s in entry["sizes"].items()
        ]  # fmt: skip
        out.append(
            f"--unit {unit}, --jobs {entry['jobs']}: largest/smallest peak "
            f"{entry['largest_over_smallest_peak']}\n"
            + fmt(
                rows,
                [
                    "sentences",
                    "rows",
                    "wall s",
                    "wall µs/sentence",
                    "main peak MB",
                    "worker peak MB",
                ],
            )  # fmt: skip
        )
    return "\n".join(out)


def startup_table(startup: dict, fmt) -> str:
    rows = [
        [
            kind,
            k["wall_s"],
            k.get("cpu_s"),
            k.get("import_s"),
            ", ".join(k.get("heavy_modules_loaded", [])) or None,
        ]
        for kind, k in startup["kinds"].items()
    ]
    lines = [
        f"Fresh processes, median of {startup['repeats']} (idle CPU share at each round's "
        f"start: {_idle(startup)})",
        fmt(rows, ["what", "wall s", "CPU s", "import s", "heavy modules loaded"]),
    ]
    slow = startup.get("slowest_imports") or []
    if slow:
        lines.append(
            "python -X importtime -m helpers score (one row), top imports (cumulative ms): "
            + ", ".join(f"{r['module']} {r['cumulative_ms']:.0f}" for r in slow[:8])
        )
    if "command_loads" in startup:
        lines.append(
            "heavy libraries the command loads: " + (", ".join(startup["command_loads"]) or "none")
        )
    return "\n".join(lines)


def throughput_table(tp: dict, fmt) -> str:
    order = [label for label in THROUGHPUT_LABELS if label in tp["configs"]]
    order += [label for label in tp["configs"] if label not in order]
    rows = [
        [THROUGHPUT_LABELS.get(label, label), f"{c['sentences_per_cpu_s']:,.0f}",
         f"{c['us_per_sentence']:.0f}", f"{c['ratio_to_vader']:.2f}",
         f"{c['ratio_min_max'][0]:.2f}–{c['ratio_min_max'][1]:.2f}"]
        for label, c in ((label, tp["configs"][label]) for label in order)
    ]  # fmt: skip
    return (
        f"{tp['n_sentences']:,} sentences in one process, CPU time, median of {tp['repeats']} "
        "interleaved rounds\n"
        + fmt(rows, ["", "sentences/CPU-s", "CPU µs/sentence", "× VADER loop", "range"])
    )


def batch_report(batch: dict, fmt) -> str:
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
    return "\n".join(lines)


def targets_table(targets: list[dict], fmt) -> str:
    rows = [[t["target"], t["value"], t["limit"], verdict(t["met"]), t["note"]] for t in targets]
    return fmt(rows, ["target", "measured", "limit", "", "note"])


def _sections(results: dict, fmt) -> list[tuple[str, str]]:
    """(title, body) of every section present in ``results``."""
    builders = [
        ("startup", "Start-up", startup_table, "kinds"),
        ("peers", "Whole process against whole process", peers_table, "configs"),
        ("jobs", "--jobs 2 against --jobs 1", jobs_table, "speedup"),
        ("memory", "Memory", memory_table, None),
        ("throughput", "Per-sentence cost in one process", throughput_table, "configs"),
    ]
    out = []
    for key, title, build, needed in builders:
        entry = results.get(key)
        if not entry:
            continue
        if needed is not None and needed not in entry:
            out.append((title, str(entry.get("status"))))
            continue
        out.append((title, build(entry, fmt)))
    return out


def text(results: dict) -> str:
    """Every section of a run as plain-text tables."""
    m = results["machine"]
    out = [
        f"Machine: {m['cpu_model']}, {m['nproc']} CPUs, Python {m['python']}, load "
        f"{m['loadavg_start']} -> {m.get('loadavg_end')}, commit {m['git_commit']}, "
        f"{m['date_utc']}",
        "Corpus: " + json.dumps(results.get("corpus")),
        "Analyses: " + ", ".join(f"{a}: {s}" for a, s in results.get("analyses", {}).items()),
    ]
    for title, body in _sections(results, plain_table):
        out += ["", title, body]
    cold = results.get("cold_caches")
    if cold and "cold_us_per_sentence" in cold:
        out.append(
            f"Per-token dictionary memory cleared before every sentence (worst case): "
            f"{cold['cold_us_per_sentence']} µs/sentence against {cold['warm_us_per_sentence']} "
            f"warm ({cold['cold_over_warm']} ×)"
        )
    if results.get("batch"):
        out += ["", batch_report(results["batch"], plain_table)]
    prof = results.get("profile")
    if prof and "self_time_top" in prof:
        rows = [
            [p["function"], p["seconds"], f"{100 * p['share']:.1f}%"]
            for p in prof["self_time_top"][:12]
        ]
        out += [
            "",
            f"Profile ({prof['path']}): self time, top 12 of {prof['total_s']} s",
            plain_table(rows, ["function", "s", "share"]),
        ]
    if results.get("targets"):
        out += ["", "Targets (issue 20)", targets_table(results["targets"], plain_table)]
    return "\n".join(out)


def markdown(results: dict) -> str:
    """The README's Performance tables, in Markdown."""
    out = []
    for title, body in _sections(results, markdown_table):
        out += [f"\n{title}:\n", body]
    if results.get("targets"):
        out += ["\nTargets of issue 20:\n", targets_table(results["targets"], markdown_table)]
    return "\n".join(out)
