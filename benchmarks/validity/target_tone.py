"""Tone toward a target: NewsMTSC's human target-level labels.

NewsMTSC (Hamborg & Donnay 2021), train file: sentences from US political
news, each with one or more target mentions and the tone toward each. The
project developed on 80% of the sentences ("dev") and reports on the other
20% ("heldout"; :func:`devsets.newsmtsc_split`, a hash of the sentence id).
The baseline is the sentence's own score (``sentiment``) as the target's
tone; ``target_sentiment`` is ``score --target-start-column/--target-end-column``
on the targets' offsets. Both come from one scoring run.
"""

from __future__ import annotations

from devsets import newsmtsc_targets

LABELS = ("negative", "neutral", "positive")


def _f1(gold: list[str], predicted: list[str]) -> dict:
    from sklearn.metrics import f1_score

    per_class = f1_score(gold, predicted, labels=list(LABELS), average=None, zero_division=0)
    return {
        "n": len(gold),
        "macro_f1": round(f1_score(gold, predicted, labels=list(LABELS), average="macro"), 3),
        **{f"f1_{label}": round(float(v), 3) for label, v in zip(LABELS, per_class, strict=True)},
    }


def _label(score: float, threshold: float) -> str:
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"


def measure(folder, split: str = "heldout") -> dict:
    """Score every target of ``split`` once; compare the target method and the sentence score.

    One call of :func:`helpers.score.score_texts` with the targets' offsets
    (what ``score --target-start-column/--target-end-column`` does) gives both
    sides in the same run: ``sentiment`` (the sentence's score, the
    baseline) and ``target_label`` (the tone toward the target).
    """
    from helpers.score import score_texts
    from helpers.sentiment import DEFAULT_THRESHOLD, TargetSpec

    records = [r for r in newsmtsc_targets(folder) if r["split"] == split]
    gold = [r["label"] for r in records]
    targets = [TargetSpec(r["mention"], r["start"], r["end"]) for r in records]
    table = score_texts([r["text"] for r in records], ("sentiment",), targets=targets)
    sentence = _f1(gold, [_label(v, DEFAULT_THRESHOLD) for v in table["sentiment"]])
    target = _f1(gold, list(table["target_label"]))
    return {
        "split": split,
        "target_sentiment": target,
        "sentence_score": sentence,
        "sentence_score_plain_vader": _f1(
            gold, [_label(v, DEFAULT_THRESHOLD) for v in table["sentiment_raw"]]
        ),
        "macro_f1_gain_over_sentence_score": round(target["macro_f1"] - sentence["macro_f1"], 3),
    }


def markdown(result: dict) -> str:
    lines = [
        f"NewsMTSC ({result['split']} split): {result['sentence_score']['n']} targets.",
        "",
        "| method | macro-F1 | F1 negative | F1 neutral | F1 positive |",
        "|---|---|---|---|---|",
    ]
    names = {
        "target_sentiment": "`target_sentiment`",
        "sentence_score": "sentence score (`sentiment`) as the target's tone",
        "sentence_score_plain_vader": "sentence score, plain VADER",
    }
    for key, label in names.items():
        if key in result:
            r = result[key]
            lines.append(
                f"| {label} | {r['macro_f1']} | {r['f1_negative']} | {r['f1_neutral']} | "
                f"{r['f1_positive']} |"
            )
    return "\n".join(lines)
