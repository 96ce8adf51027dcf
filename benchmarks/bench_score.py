"""In-process throughput and profile of ``score`` against a bare NLTK VADER loop.

Throughput (:func:`throughput`) runs, in one process and on the same resampled
sentences, the reference (a bare loop of NLTK's
``SentimentIntensityAnalyzer.polarity_scores`` on the project's lexicon) and
``score`` with each analysis alone and with all of them, both in memory
(:func:`helpers.score.score_texts`) and end to end on a CSV file
(:func:`helpers.score.score_file`, reading and writing included). The
configurations are interleaved, in a fresh random order each round, and each
ratio to the reference is the median of per-round ratios, so a neighbour's
burst of load on a shared machine slows both sides of a ratio alike.

Whole processes (start-up, files, worker processes) are compared in
``bench_peers.py``; this module breaks the per-sentence cost down by analysis,
in one process.

Nothing here asserts: the figures go to ``benchmarks/results.json`` and the
targets are judged in ``benchmarks/run.py``.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import time
from importlib import import_module
from pathlib import Path

import corpus

ANALYSIS_NAMES = ("sentiment", "framing", "diplomacy")


def available_analyses() -> dict[str, str]:
    """Return analysis name -> ``"ok"`` or why it cannot be benchmarked.

    An analysis counts as available when its module imports and scores one
    sentence through :func:`helpers.score.score_texts`; other developers'
    modules may be missing or half-written while the benchmark runs.
    """
    from helpers.score import ANALYSES, score_texts

    status = {}
    for name in ANALYSIS_NAMES:
        if name not in ANALYSES:
            status[name] = "not available: not registered in helpers.score.ANALYSES"
            continue
        try:
            import_module(ANALYSES[name])
            score_texts(["Japan called the move completely unacceptable."], [name])
        except ImportError as exc:
            status[name] = f"not available: {exc}"
        except Exception as exc:  # a half-written module must not stop the benchmark
            status[name] = f"not available: {type(exc).__name__}: {exc}"
        else:
            status[name] = "ok"
    return status


def _median(values):
    return statistics.median(values) if values else None


def _timed(function) -> tuple[float, float]:
    """Return the wall and CPU seconds of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def throughput(n_sentences: int, repeats: int, analyses: list[str], workdir: Path) -> dict:
    """Time the reference and every ``score`` configuration on the same sentences.

    Parameters
    ----------
    n_sentences : int
        Sentences per timed call.
    repeats : int
        Rounds; every configuration runs once per round, in a shuffled order.
    analyses : list of str
        The available analyses.
    workdir : Path
        Folder for the CSV input and outputs of ``score_file``.

    Returns
    -------
    dict
        ``configs``: label -> seconds per round, median seconds, sentences per
        second, and the median ratio of its throughput to the reference's.
    """
    from helpers.resources import vader_analyzer
    from helpers.score import score_file, score_texts

    sentences = corpus.sample_sentences(n_sentences)
    source = corpus.write_csv(workdir / "throughput.csv", sentences)
    analyzer = vader_analyzer()
    polarity_scores = analyzer.polarity_scores

    def reference(texts=sentences):
        for text in texts:
            polarity_scores(text)

    configs: dict[str, tuple[str, object]] = {"vader_loop": ("reference", reference)}
    in_memory = [("tokenise_only", ())] + [(f"{a}_only", (a,)) for a in analyses]
    if analyses:
        in_memory.append(("all", tuple(analyses)))
    if len(analyses) > 2:
        # Every analysis but one: what each costs on top of the others.
        in_memory += [
            (f"all_but_{a}", tuple(x for x in analyses if x != a))
            for a in analyses
            if a != "sentiment"
        ]
    for label, chosen in in_memory:
        configs[f"texts:{label}"] = (
            "score_texts",
            lambda chosen=chosen, texts=sentences: score_texts(texts, chosen),
        )
    # End to end on a file for the two figures the targets name.
    end_to_end = [(f"{a}_only", (a,)) for a in analyses if a == "sentiment"]
    if analyses:
        end_to_end.append(("all", tuple(analyses)))
    for label, chosen in end_to_end:
        target = workdir / f"out_{label}.csv"
        configs[f"file:{label}"] = (
            "score_file",
            lambda chosen=chosen, target=target: score_file(
                source, target, text_column="text", analyses=chosen
            ),
        )

    # Warm up: lazy imports, compiled dictionaries, caches, the VADER lexicon.
    warm = sentences[:200]
    reference(warm)
    for _label, chosen in in_memory:
        score_texts(warm, chosen)
    for label, _ in end_to_end:
        configs[f"file:{label}"][1]()

    # CPU time is the primary measure: the work is single-threaded and CPU-bound, and
    # process time leaves out the moments a neighbour's job holds the core; wall time
    # is kept beside it.
    walls, cpus = _interleaved({label: run for label, (_, run) in configs.items()}, repeats)

    def per_round(label, series):
        return [ref / own for ref, own in zip(series["vader_loop"], series[label], strict=True)]

    result = {}
    for label, (kind, _) in configs.items():
        cpu_ratios, wall_ratios = per_round(label, cpus), per_round(label, walls)
        cpu_s, wall_s = _median(cpus[label]), _median(walls[label])
        result[label] = {
            "kind": kind,
            "cpu_s": [round(t, 4) for t in cpus[label]],
            "wall_s": [round(t, 4) for t in walls[label]],
            "sentences_per_cpu_s": round(n_sentences / cpu_s, 1),
            "sentences_per_s": round(n_sentences / wall_s, 1),
            "us_per_sentence": round(1e6 * cpu_s / n_sentences, 1),
            "ratio_to_vader": round(_median(cpu_ratios), 3),
            "ratio_min_max": [round(min(cpu_ratios), 3), round(max(cpu_ratios), 3)],
            "ratio_to_vader_wall": round(_median(wall_ratios), 3),
        }
    return {"n_sentences": n_sentences, "repeats": repeats, "analyses": analyses, "configs": result}


def _interleaved(functions: dict, repeats: int) -> tuple[dict, dict]:
    """Run every function once per round, in a fresh random order each round.

    Returns ``(walls, cpus)``: label -> seconds per round. A neighbour's burst
    of load on a shared machine then slows every configuration of a round alike.
    """
    walls: dict[str, list[float]] = {label: [] for label in functions}
    cpus: dict[str, list[float]] = {label: [] for label in functions}
    rng = random.Random(corpus.SEED)
    for _ in range(repeats):
        order = list(functions)
        rng.shuffle(order)
        for label in order:
            wall, cpu = _timed(functions[label])
            walls[label].append(wall)
            cpus[label].append(cpu)
    return walls, cpus


def cold_caches(n_sentences: int, analyses: list[str]) -> dict:
    """Cost per sentence with the dictionaries' per-token memory cleared before each sentence.

    The resampled corpus repeats one article's few hundred words, so the
    dictionary engine's memory of where patterns can start (``_starts`` of each
    :class:`helpers.lexicons.DictionarySet`) is always warm in :func:`throughput`.
    Clearing it before every sentence gives the worst case (every word new); a
    large real corpus lies between the two.
    """
    from helpers.lexicons import DictionarySet
    from helpers.score import _modules, score_text

    modules = _modules(analyses)
    sentences = corpus.sample_sentences(n_sentences, seed=corpus.SEED + 2)
    for text in sentences[:50]:
        score_text(text, modules)  # compile everything first
    dictionaries = [
        obj
        for obj in gc.get_objects()
        if isinstance(obj, DictionarySet) and hasattr(obj, "_starts")
    ]
    if not dictionaries:
        return {"status": "not measurable: no DictionarySet with a per-token memory (_starts)"}

    def warm():
        for text in sentences:
            score_text(text, modules)

    def cold():
        for text in sentences:
            for dictionary in dictionaries:
                dictionary._starts.clear()
            score_text(text, modules)

    times: dict[str, list[float]] = {"warm": [], "cold": []}
    for _ in range(3):
        for name, function in (("warm", warm), ("cold", cold)):
            times[name].append(_timed(function)[1])
    warm_s, cold_s = _median(times["warm"]), _median(times["cold"])
    return {
        "n_sentences": n_sentences,
        "dictionaries": len(dictionaries),
        "warm_us_per_sentence": round(1e6 * warm_s / n_sentences, 1),
        "cold_us_per_sentence": round(1e6 * cold_s / n_sentences, 1),
        "cold_over_warm": round(cold_s / warm_s, 3),
    }


def profile(n_sentences: int, analyses: list[str], out_path: Path) -> dict:
    """Profile ``score_texts`` with ``analyses`` under pyinstrument; write the report.

    Returns
    -------
    dict
        The report's path and the functions with the most self time
        (seconds and share of the profiled time).
    """
    from pyinstrument import Profiler

    from helpers.score import score_texts

    sentences = corpus.sample_sentences(n_sentences, seed=corpus.SEED + 1)
    score_texts(sentences[:200], analyses)  # warm-up: imports and compiled dictionaries
    profiler = Profiler(interval=0.0005)
    profiler.start()
    score_texts(sentences, analyses)
    profiler.stop()
    session = profiler.last_session
    self_times: dict[str, float] = {}
    stack = [session.root_frame()]
    while stack:
        frame = stack.pop()
        if frame is None:
            continue
        stack.extend(frame.children)
        if frame.is_synthetic:  # '[self]' and similar leaves: counted in their parent below
            continue
        name = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
        key = f"{name} ({_short(frame.file_path)}:{frame.line_no})"
        own = frame.time - sum(child.time for child in frame.children if not child.is_synthetic)
        self_times[key] = self_times.get(key, 0.0) + own
    total = session.duration
    top = sorted(self_times.items(), key=lambda item: -item[1])[:25]
    tree = profiler.output_text(unicode=False, color=False, show_all=False)
    lines = [
        f"pyinstrument profile of score_texts({n_sentences} sentences, analyses={analyses})",
        f"total {total:.3f} s = {1e6 * total / n_sentences:.1f} us per sentence",
        "",
        "Self time by function (top 25):",
    ]
    lines += [f"  {seconds:8.3f} s  {100 * seconds / total:5.1f}%  {name}" for name, seconds in top]
    lines += ["", "Call tree:", tree]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(lines), encoding="utf-8")
    return {
        "path": str(out_path),
        "n_sentences": n_sentences,
        "analyses": analyses,
        "total_s": round(total, 3),
        "self_time_top": [
            {"function": name, "seconds": round(seconds, 3), "share": round(seconds / total, 3)}
            for name, seconds in top[:15]
        ],
    }


def _short(path: str | None) -> str:
    if not path:
        return "?"
    parts = Path(path).parts
    for anchor in ("helpers", "nltk", "pandas", "re"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return "/".join(parts[-2:])


def _first_name(text: str) -> str:
    """A target for one sentence: its first actor mention, else its first capitalised word."""
    from helpers.actors import load_actors
    from helpers.text import tokenize

    tokens = tokenize(text)
    found = load_actors().find(tokens)
    if found:
        return found[0].text
    words = [t.text for t in tokens[1:] if t.text[:1].isupper()]
    return words[0] if words else (tokens[0].text if tokens else "")


def target_overhead(n_sentences: int, repeats: int, workdir: Path) -> dict:
    """What ``--target-column`` costs: ``score --analyses sentiment`` with and without it.

    Both run end to end on the same CSV (``score_file``: reading, scoring,
    writing), interleaved in a fresh random order each round; the target
    column names each sentence's first actor mention (else its first
    capitalised word), so most targets go through the actors list, as
    "Russia" for "the Kremlin" does. The ratio is the median over rounds of
    (CPU seconds without the target) / (CPU seconds with it): 1.0 means the
    target is free, 0.8 that scoring with it runs at 80% of the speed.
    """
    import csv

    from helpers.score import score_file
    from helpers.sentiment import TargetColumns

    sentences = corpus.sample_sentences(n_sentences, seed=corpus.SEED + 3)
    source = workdir / "target_overhead.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "target"])
        for number, text in enumerate(sentences):
            writer.writerow([number, text, _first_name(text)])
    targets = TargetColumns(column="target")
    configs = {
        "sentiment": lambda: score_file(source, workdir / "t_plain.csv", analyses=("sentiment",)),
        "sentiment_target": lambda: score_file(
            source, workdir / "t_target.csv", analyses=("sentiment",), targets=targets
        ),
    }
    for function in configs.values():
        function()  # warm-up: imports, compiled dictionaries, the actors list
    _, cpus = _interleaved(configs, repeats)
    ratios = [a / b for a, b in zip(cpus["sentiment"], cpus["sentiment_target"], strict=True)]
    return {
        "n_sentences": n_sentences,
        "repeats": repeats,
        "cpu_s": {label: [round(t, 4) for t in series] for label, series in cpus.items()},
        "speed_with_target_over_without": round(_median(ratios), 3),
        "ratio_min_max": [round(min(ratios), 3), round(max(ratios), 3)],
    }


def target_breakdown(n_sentences: int, repeats: int) -> dict:
    """Where ``--target-column``'s cost goes, per sentence, in memory.

    Three configurations of :func:`helpers.score.score_texts` on the same
    sentences and targets as :func:`target_overhead`, interleaved: the
    sentiment columns alone; with the target; with the target but its tone
    step (:func:`helpers.sentiment.target.target_tone`) replaced by a
    constant. The tone step is the second less the third; the rest (the
    reading with AFINN's words, locating the target, building and holding
    the extra columns) the third less the first. ``budget_us`` is what the
    whole target may cost for 0.8x (a quarter of the sentence path).
    Each is the least CPU time over the rounds, in microseconds per sentence.
    """
    import helpers.sentiment.target_score as target_score
    from helpers.score import score_texts
    from helpers.sentiment.target import TargetTone

    sentences = corpus.sample_sentences(n_sentences, seed=corpus.SEED + 3)
    targets = [_first_name(text) for text in sentences]
    real_tone = target_score.target_tone
    constant = TargetTone(0.0, "neutral", "", "clause", 0, 0)

    def without_tone():
        target_score.target_tone = lambda *args, **kwargs: constant
        try:
            score_texts(sentences, ["sentiment"], targets=targets)
        finally:
            target_score.target_tone = real_tone

    configs = {
        "sentence": lambda: score_texts(sentences, ["sentiment"]),
        "target": lambda: score_texts(sentences, ["sentiment"], targets=targets),
        "target_without_tone": without_tone,
    }
    for function in configs.values():
        function()  # warm-up
    _, cpus = _interleaved(configs, repeats)
    # The least CPU time of each: a neighbour's load only ever adds to it (a shared
    # machine swung single rounds by 50% while this was written).
    per = {label: min(series) / n_sentences * 1e6 for label, series in cpus.items()}
    return {
        "n_sentences": n_sentences,
        "repeats": repeats,
        "sentence_us": round(per["sentence"], 1),
        "tone_step_us": round(per["target"] - per["target_without_tone"], 1),
        "rest_of_target_us": round(per["target_without_tone"] - per["sentence"], 1),
        "budget_us": round(per["sentence"] / 4, 1),
        "speed_with_target_over_without": round(per["sentence"] / per["target"], 3),
    }


if __name__ == "__main__":  # python benchmarks/bench_score.py [--breakdown]: the target's cost
    import sys
    import tempfile

    if "--breakdown" in sys.argv[1:]:
        print(json.dumps(target_breakdown(2_000, 9), indent=2))
    else:
        with tempfile.TemporaryDirectory() as folder:
            print(json.dumps(target_overhead(2_000, 7, Path(folder)), indent=2))
