"""Frames: article-level decisions against Frermann et al. (2023)'s climate-news coders.

For each of the five generic frames: the tool's own decision (a frame in the
``frames`` column of ``score --unit document``), and the ranking quality of
its score (AUC): ``frame_<name>_score`` where the tool has one, else hits per
1,000 words. Thresholds on the score are chosen by 5-fold cross-validation
inside the set with a rule stated in :func:`choose_threshold`, and the
held-out folds are scored with them; the spread of the chosen thresholds
across folds shows how stable the rule is.
"""

from __future__ import annotations

import statistics

from devsets import FRERMANN_FRAMES, frermann_articles

FOLDS = 5
SEED = 17


def choose_threshold(scores: list[float], labels: list[bool]) -> float:
    """The score at which the frame's precision and recall balance.

    Among the candidate thresholds (every distinct score), the one that
    predicts as many articles with the frame as the coders gave it
    (predicted positives = actual positives, where precision equals recall);
    ties go to the higher threshold.
    """
    positives = sum(labels)
    ranked = sorted(scores, reverse=True)
    if positives == 0:
        return ranked[0] + 1
    return ranked[positives - 1]


def _balanced(gold: list[bool], predicted: list[bool]) -> dict:
    from sklearn.metrics import balanced_accuracy_score, f1_score, precision_score, recall_score

    return {
        "balanced_accuracy": round(balanced_accuracy_score(gold, predicted), 3),
        "precision": round(precision_score(gold, predicted, zero_division=0), 3),
        "recall": round(recall_score(gold, predicted, zero_division=0), 3),
        "f1": round(f1_score(gold, predicted, zero_division=0), 3),
    }


def cross_validate(scores: list[float], labels: list[bool]) -> dict:
    """5-fold stratified CV of :func:`choose_threshold`; pooled held-out predictions."""
    from sklearn.model_selection import StratifiedKFold

    predicted = [False] * len(scores)
    thresholds = []
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(scores, labels):
        threshold = choose_threshold([scores[i] for i in train], [labels[i] for i in train])
        thresholds.append(threshold)
        for i in test:
            predicted[i] = scores[i] >= threshold
    result = _balanced(labels, predicted)
    result["threshold_mean"] = round(statistics.mean(thresholds), 4)
    result["threshold_sd"] = round(statistics.stdev(thresholds), 4)
    return result


def measure(folder) -> dict:
    from sklearn.metrics import roc_auc_score

    from helpers.score import score_texts

    articles = frermann_articles(folder)
    table = score_texts([a["text"] for a in articles], analyses=("framing",), unit="document")
    words = [max(1, len(a["text"].split())) for a in articles]
    result = {"n_articles": len(articles), "frames": {}}
    for name in FRERMANN_FRAMES.values():
        labels = [a[name] for a in articles]
        column = f"frame_{name}_score"
        if column in table.columns:
            scores = [float(v) for v in table[column]]
            source = column
        else:
            scores = [1000 * c / w for c, w in zip(table[f"frame_{name}"], words, strict=True)]
            source = f"frame_{name} per 1,000 words"
        decided = [name in str(frames or "").split(";") for frames in table["frames"]]
        result["frames"][name] = {
            "present": sum(labels),
            "score": source,
            "auc": round(roc_auc_score(labels, scores), 3),
            "tool_decision": _balanced(labels, decided),
            "cross_validated": cross_validate(scores, labels),
        }
    for key in ("tool_decision", "cross_validated"):
        result[f"macro_balanced_accuracy_{key}"] = round(
            statistics.mean(f[key]["balanced_accuracy"] for f in result["frames"].values()), 3
        )
    return result


def markdown(result: dict) -> str:
    lines = [
        f"Frermann et al. (2023) development articles: {result['n_articles']}. Macro balanced "
        f"accuracy: tool's decision {result['macro_balanced_accuracy_tool_decision']}, "
        f"cross-validated threshold {result['macro_balanced_accuracy_cross_validated']}.",
        "",
        "| frame | present | AUC | tool decision: bal. acc. | P | R | F1 "
        "| CV: bal. acc. | P | R | F1 | threshold mean (sd) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in result["frames"].items():
        d, c = f["tool_decision"], f["cross_validated"]
        lines.append(
            f"| {name} | {f['present']} | {f['auc']} | {d['balanced_accuracy']} | "
            f"{d['precision']} | {d['recall']} | {d['f1']} | {c['balanced_accuracy']} | "
            f"{c['precision']} | {c['recall']} | {c['f1']} | "
            f"{c['threshold_mean']} ({c['threshold_sd']}) |"
        )
    return "\n".join(lines)
