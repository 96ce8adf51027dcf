"""The cost of PETRARCH2's verb patterns in ``score``, and the load time of their index.

Times ``helpers.score.score_texts`` with every analysis over the same 2,000
sentences of the benchmark corpus with and without the PETRARCH2 words (the
"without" run replaces :func:`helpers.diplomacy.petrarch_events.with_petrarch`
by the identity), alternating the two several times in one process, and
reports the ratio of the best times. Then loads the compiled verb index from
the disk cache in a fresh process and reports how long that takes.

Run: ``.venv/bin/python benchmarks/bench_petrarch.py [n_sentences] [repeats]``
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import sample_sentences  # noqa: E402

import helpers.diplomacy.analysis as analysis  # noqa: E402
from helpers.score import ANALYSES, score_texts  # noqa: E402

_LOAD = (
    "import time; t = time.perf_counter(); "
    "from helpers.lexicons.verb_index import verb_index; verb_index(); "
    "print(time.perf_counter() - t)"
)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    sentences = sample_sentences(n)
    real = analysis.with_petrarch
    score_texts(sentences[:50], analyses=tuple(ANALYSES))  # warm up: dictionaries, caches
    best = {"with": float("inf"), "without": float("inf")}
    for _ in range(repeats):
        for name, fn in (("without", lambda tokens, hits, verbs=(): hits), ("with", real)):
            analysis.with_petrarch = fn
            t = time.perf_counter()
            score_texts(sentences, analyses=tuple(ANALYSES))
            best[name] = min(best[name], time.perf_counter() - t)
    analysis.with_petrarch = real
    for name, seconds in best.items():
        print(f"{name} PETRARCH2: {seconds:.2f} s, {1e6 * seconds / n:.0f} us/sentence")
    print(f"ratio with/without: {best['with'] / best['without']:.2f}")
    load = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
    print(f"verb index load (disk cache, fresh process): {float(load.stdout):.2f} s")


if __name__ == "__main__":
    main()
