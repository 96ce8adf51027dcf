"""Uncertainty: the ``uncertain`` flag against CoNLL-2010's Wikipedia sentences.

CoNLL-2010 shared task 1 (Farkas et al. 2010), Wikipedia evaluation set: a
sentence is uncertain when it holds a weasel or hedge cue. The baseline is a
bare list of fifteen cue words (issue 16), each matched at the start of a word
in any case, so that inflected forms count too ("believed", "suggests",
"appears", "seemed"); a dictionary that cannot beat it by a wide margin has no
reason to exist.
"""

from __future__ import annotations

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


def measure(folder) -> dict:
    from helpers.score import score_texts

    rows = conll_wikipedia(folder)
    texts = [row["text"] for row in rows]
    gold = [row["label"] for row in rows]
    table = score_texts(texts, analyses=("diplomacy",))
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
