"""Tone toward a target on the development 80% of NewsMTSC only, with its errors.

``python benchmarks/validity/target_tone_dev.py DEVSETS [--errors N]`` scores
only the ``dev`` split (:func:`devsets.newsmtsc_split`), never the held-out
20%, prints the same table as ``run.py --only target_tone`` and, with
``--errors``, up to N misclassified targets per (gold, predicted) pair with
their evidence, for reading errors while developing rules. It writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import newsmtsc_targets  # noqa: E402
from target_tone import markdown, measure  # noqa: E402


def _errors(folder: Path, most: int) -> None:
    from helpers.score import score_texts
    from helpers.sentiment import TargetSpec

    records = [r for r in newsmtsc_targets(folder) if r["split"] == "dev"]
    targets = [TargetSpec(r["mention"], r["start"], r["end"]) for r in records]
    table = score_texts([r["text"] for r in records], ("sentiment",), targets=targets)
    shown: dict[tuple[str, str], int] = {}
    for r, label, evidence in zip(
        records, table["target_label"], table["target_evidence"], strict=True
    ):
        pair = (r["label"], label)
        if label == r["label"] or shown.get(pair, 0) >= most:
            continue
        shown[pair] = shown.get(pair, 0) + 1
        print(f"gold={pair[0]} got={pair[1]} target={r['mention']!r} evidence={evidence!r}")
        print(f"    {r['text']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devsets", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="errors shown per class pair")
    args = parser.parse_args()
    print(markdown(measure(args.devsets, split="dev")))
    if args.errors:
        _errors(args.devsets, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
