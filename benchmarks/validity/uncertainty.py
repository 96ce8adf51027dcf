"""Uncertainty: the ``uncertain`` flag against CoNLL-2010's Wikipedia sentences.

CoNLL-2010 shared task 1 (Farkas et al. 2010), Wikipedia evaluation set: a
sentence is uncertain when it holds a weasel or hedge cue. The baseline is a
bare list of fifteen cue words (issue 16), each matched at the start of a word
in any case, so that inflected forms count too ("believed", "suggests",
"appears", "seemed"); a dictionary that cannot beat it by a wide margin has no
reason to exist.

To read the errors (false positives with the cues that fired, false
negatives), run this file on its own::

    python benchmarks/validity/uncertainty.py ../shared/devsets --errors errors.tsv

The listing is for developers reading what the lists miss; it is not written
into the project (``benchmarks/`` only ever holds the figures).
"""

from __future__ import annotations

import argparse
import csv
import re

from devsets import conll_wikipedia

#: The fifteen-cue baseline of issue 16, matched at the start of a word.
BASELINE_CUES = (
    "may might could possibly perhaps probably likely whether if believe suggest appear seem "
    "unclear expected"
).split()
_BASELINE = re.compile(r"\b(?:" + "|".join(BASELINE_CUES) + r")", re.IGNORECASE)


def baseline(text: str) -> bool:
    """True when one of the fifteen cue words occurs.

    >>> baseline("It may rain."), baseline("Experts believed it."), baseline("It rained.")
    (True, True, False)
    """
    return bool(_BASELINE.search(text))


def binary_scores(gold: list[int], predicted: list[int]) -> dict:
    from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

    return {
        "n": len(gold),
        "accuracy": round(accuracy_score(gold, predicted), 3),
        "f1": round(f1_score(gold, predicted, zero_division=0), 3),
        "precision": round(precision_score(gold, predicted, zero_division=0), 3),
        "recall": round(recall_score(gold, predicted, zero_division=0), 3),
    }


def _scored(folder):
    from helpers.score import score_texts

    rows = conll_wikipedia(folder)
    texts = [row["text"] for row in rows]
    gold = [row["label"] for row in rows]
    return texts, gold, score_texts(texts, analyses=("diplomacy",))


def measure(folder) -> dict:
    texts, gold, table = _scored(folder)
    tool = [int(bool(value)) for value in table["uncertain"]]
    result = {
        "n_uncertain": sum(gold),
        "tool": binary_scores(gold, tool),
        "baseline": binary_scores(gold, [int(baseline(t)) for t in texts]),
    }
    if "uncertainty" in table.columns:  # the classes that fired, ';'-separated
        counts: dict[str, list[int]] = {}
        for label, classes in zip(gold, table["uncertainty"], strict=True):
            for name in filter(None, str(classes or "").split(";")):
                counts.setdefault(name, [0, 0])[label] += 1
        result["classes"] = {
            name: {"fired": certain + uncertain, "in_uncertain_sentences": uncertain}
            for name, (certain, uncertain) in sorted(counts.items())
        }
    return result


def markdown(result: dict) -> str:
    lines = [
        f"CoNLL-2010 Wikipedia evaluation set: {result['tool']['n']} sentences, "
        f"{result['n_uncertain']} uncertain.",
        "",
        "| | accuracy | F1 (uncertain) | precision | recall |",
        "|---|---|---|---|---|",
    ]
    for name in ("tool", "baseline"):
        r = result[name]
        label = "`uncertain`" if name == "tool" else "fifteen-cue baseline"
        lines.append(
            f"| {label} | {r['accuracy']} | {r['f1']} | {r['precision']} | {r['recall']} |"
        )
    for name, counts in (result.get("classes") or {}).items():
        lines.append(
            f"| class `{name}` fired | {counts['fired']} sentences, "
            f"{counts['in_uncertain_sentences']} of them uncertain | | | |"
        )
    return "\n".join(lines)


def write_errors(folder, path) -> tuple[int, int]:
    """Write the false positives (with their cues) and false negatives as TSV; return their counts."""
    from helpers.diplomacy import uncertainty_cues
    from helpers.text import segment

    texts, gold, table = _scored(folder)
    counts = [0, 0]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t")
        out.writerow(["error", "classes", "cues", "text"])
        for text, label, flag, classes in zip(
            texts, gold, table["uncertain"], table["uncertainty"], strict=True
        ):
            if bool(flag) == bool(label):
                continue
            cues = uncertainty_cues(segment(text)) if flag else None
            words = (
                ""
                if cues is None
                else "; ".join(f"{c}:{m}" for c, m in cues[["uncertainty", "match"]].values)
            )
            out.writerow(["false positive" if flag else "false negative", classes, words, text])
            counts[0 if flag else 1] += 1
    return counts[0], counts[1]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description="List the errors of `uncertain` on CoNLL-2010 Wikipedia."
    )
    parser.add_argument("devsets", help="folder of the development sets")
    parser.add_argument("--errors", required=True, help="TSV file to write")
    args = parser.parse_args()
    fp, fn = write_errors(args.devsets, args.errors)
    print(f"{fp} false positives, {fn} false negatives written to {args.errors}")
