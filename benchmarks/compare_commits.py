"""The cost of ``score`` per sentence at two commits, side by side in one run.

``python benchmarks/compare_commits.py BEFORE AFTER [MORE ...]`` answers "did
this change make scoring slower?" for two or more revisions of the project (commits,
tags, branches; ``WORKTREE`` stands for the files as they are now, committed
or not). It is how the README checks the speed conditions that compare
against an earlier state of the code: "no slowdown beyond noise" for the
restructuring into subpackages (issue 13), and "within 1.3x of the time
before" for the speakers and actors work (issue 15).

How it measures:

* each revision's ``src/`` is exported with ``git archive`` into a temporary
  folder (the repository itself is not touched), with the ``data/`` it
  shipped, so each revision scores with its own code and dictionaries;
* both score the *same* sentences: the benchmark corpus of this checkout
  (:mod:`corpus`, ``--sentences`` resampled sentences), written once to a
  file both read;
* each measurement is a fresh process (``PYTHONPATH`` = that revision's
  ``src``, its own compiled-lexicon cache) that scores a few hundred
  sentences to warm up, freezes what it loaded out of the garbage
  collector's way (as ``score``'s workers do), then times
  :func:`helpers.score.score_texts` on all of them three times and keeps the
  least CPU time;
* the revisions take turns, in a new random order each round, so load from
  other jobs on a shared machine falls on both alike; the result is the
  median over rounds of each revision's microseconds per sentence and of the
  per-round ratio to the first revision (BEFORE), with its range; several
  revisions in one run locate a change along a history;
* the two outputs are compared too (``same output``): the restructuring had
  to give the same bytes, feature work need not.

With ``--whole-process`` each measurement is instead the command a user
runs, ``python -m helpers score FILE -o OUT --analyses ...`` with its default
``--jobs``, on a CSV of the same sentences: wall time from start to exit
(start-up, reading, workers, writing), per sentence. Each revision first
scores a one-row file once, so its compiled-dictionary cache is built before
the rounds. This is how issues 14 and 15 put their speed condition ("the
speed of ``score`` with every analysis ... on the benchmark corpus").

This is a benchmark, not a test: it needs ``git`` and the history, asserts
nothing and writes nothing in the project.

Examples
--------
``python benchmarks/compare_commits.py e84fe7a cf6c928 --rounds 7``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORKTREE = "WORKTREE"

# Run in each revision's process: prints {"us": ..., "sha": ...} as JSON.
_CHILD = r"""
import gc, hashlib, json, sys, time
from helpers.score import score_texts
sentences = json.load(open(sys.argv[1], encoding="utf-8"))
analyses = tuple(sys.argv[2].split(","))
score_texts(sentences[:300], analyses)
gc.freeze()
best, frame = None, None
for _ in range(3):
    started = time.process_time()
    frame = score_texts(sentences, analyses)
    spent = time.process_time() - started
    best = spent if best is None else min(best, spent)
sha = hashlib.sha256(frame.to_csv(index=False).encode("utf-8")).hexdigest()
print(json.dumps({"us": best / len(sentences) * 1e6, "sha": sha}))
"""


def export(revision: str, into: Path) -> Path:
    """Write ``src/`` and ``data/`` of ``revision`` under ``into``; return the folder."""
    folder = into / revision.replace("/", "_")
    if revision == WORKTREE:
        return ROOT
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "src", "data"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise SystemExit(f"git archive {revision}: {archive.stderr.decode().strip()}")
    tar_path = folder / "export.tar"
    tar_path.write_bytes(archive.stdout)
    with tarfile.open(tar_path) as tar:
        tar.extractall(folder, filter="data")
    tar_path.unlink()
    return folder


def measure(folder: Path, sentences: Path, analyses: str, cache: Path) -> dict:
    """One fresh process of one revision: microseconds per sentence and the output's sha256."""
    env = {
        "PYTHONPATH": str(folder / "src"),
        "DDN_CACHE_DIR": str(cache),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(sentences), analyses],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"scoring at {folder} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_command(
    folder: Path, table: Path, analyses: str, cache: Path, n: int, jobs: int | None = None
) -> dict:
    """One run of one revision's ``score`` command on ``table``: wall microseconds per
    sentence and the output's sha256."""
    env = {
        "PYTHONPATH": str(folder / "src"),
        "DDN_CACHE_DIR": str(cache),
        "PATH": "/usr/bin:/bin",
    }
    output = table.with_name(f"out-{folder.name}.csv")
    command = [sys.executable, "-m", "helpers", "score", str(table), "-o", str(output)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--analyses", analyses],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"score at {folder} failed:\n{done.stderr[-2000:]}")
    sha = hashlib.sha256(output.read_bytes()).hexdigest()
    output.unlink()
    return {"us": wall / n * 1e6, "sha": sha}


def compare(
    revisions: list[str],
    *,
    sentences: int,
    rounds: int,
    analyses: str,
    whole: bool = False,
    jobs: int | None = None,
) -> dict:
    """Measure every revision, interleaved; return each one's median and its ratio to the first."""
    rng = random.Random(corpus.SEED)
    before = revisions[0]
    with tempfile.TemporaryDirectory(prefix="ddn-compare-") as tmp:
        tmp_path = Path(tmp)
        folders = {rev: export(rev, tmp_path / "src") for rev in revisions}
        texts = tmp_path / "sentences.json"
        sample = corpus.sample_sentences(sentences)
        texts.write_text(json.dumps(sample), encoding="utf-8")
        table = corpus.write_csv(tmp_path / "sentences.csv", sample)
        one_row = corpus.write_csv(tmp_path / "one_row.csv", sample[:1])
        caches = {rev: tmp_path / "cache" / rev.replace("/", "_") for rev in revisions}
        if whole:  # each revision builds its compiled-dictionary cache before the rounds
            for rev in revisions:
                measure_command(folders[rev], one_row, analyses, caches[rev], 1)
        runs: dict[str, list[dict]] = {rev: [] for rev in revisions}
        for number in range(rounds):
            order = list(revisions)
            rng.shuffle(order)
            for rev in order:
                if whole:
                    found = measure_command(
                        folders[rev], table, analyses, caches[rev], sentences, jobs
                    )
                else:
                    found = measure(folders[rev], texts, analyses, caches[rev])
                runs[rev].append(found)
            last = {rev: round(runs[rev][-1]["us"], 1) for rev in revisions}
            print(f"round {number + 1}/{rounds}: {last}", file=sys.stderr)
    result = {
        "analyses": analyses,
        "sentences": sentences,
        "rounds": rounds,
        "measure": f"score command, wall, --jobs {jobs or 'default'}"
        if whole
        else "score_texts, CPU",
        "revisions": {},
    }
    for rev in revisions:
        ratios = [a["us"] / b["us"] for a, b in zip(runs[rev], runs[before], strict=True)]
        result["revisions"][rev] = {
            "us_per_sentence": round(statistics.median(r["us"] for r in runs[rev]), 1),
            f"ratio_to_{before}": round(statistics.median(ratios), 3),
            "ratio_range": [round(min(ratios), 3), round(max(ratios), 3)],
            "same_output_as_first": runs[rev][0]["sha"] == runs[before][0]["sha"],
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "revisions", nargs="+", help=f"two or more revisions (commit, tag, branch, {WORKTREE})"
    )
    parser.add_argument("--sentences", type=int, default=4000, help="default: 4000")
    parser.add_argument("--rounds", type=int, default=5, help="default: 5")
    parser.add_argument(
        "--analyses", default="sentiment,framing,diplomacy", help="default: every analysis"
    )
    parser.add_argument(
        "--whole-process",
        action="store_true",
        help="time the score command end to end (wall, default --jobs), not score_texts",
    )
    parser.add_argument("--jobs", type=int, help="with --whole-process: the command's --jobs")
    args = parser.parse_args(argv)
    if len(args.revisions) < 2:
        parser.error("give at least two revisions: the first is the reference")
    result = compare(
        args.revisions,
        sentences=args.sentences,
        rounds=args.rounds,
        analyses=args.analyses,
        whole=args.whole_process,
        jobs=args.jobs,
    )
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
