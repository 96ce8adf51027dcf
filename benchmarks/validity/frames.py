"""Frames: article-level decisions against Frermann et al. (2023)'s climate-news coders.

For each of the five generic frames, on the development articles scored with
``score --unit document``:

* **AUC** of the frame's score (``frame_<name>_score``, the mean answer to its
  Semetko & Valkenburg questions; hits per 1,000 words for a tool without
  scores): the chance that an article with the frame scores above one without;
* the **tool's decision** (the frame named in the ``frames`` column, by the
  default thresholds of :mod:`helpers.framing.decide`): balanced accuracy,
  precision, recall, F1. The defaults were set on these same articles, so
  this is an in-sample figure;
* **cross-validated**: the threshold rule (:func:`choose_threshold`) applied
  to four fifths of the articles and its threshold to the fifth left out,
  5-fold, stratified, seed 17: balanced accuracy per fold (mean and standard
  deviation), precision, recall and F1 of the pooled held-out decisions, the
  thresholds chosen (mean and standard deviation), and the mean macro
  balanced accuracy over ten different splits (seeds 0-9; standard deviation);
* the thresholds the rule chooses on **all** articles: the values
  :data:`helpers.framing.decide.DEFAULT_THRESHOLDS` must hold (the script says
  whether they do);
* **sensitivity** to the saturation density of :mod:`helpers.framing.decide`:
  the cross-validated macro balanced accuracy with other saturations;
* a **reference**: the cross-validated AUC of a bag-of-words classifier
  learnt from these articles (TF-IDF of words seen in 3 or more articles,
  logistic regression with balanced class weights; scikit-learn defaults
  otherwise; same folds), to show how much the words can tell at all;
* the **noise** of a balanced accuracy on so few articles: its binomial
  standard error, half the root of the summed variances of the two recalls
  (p(1-p)/n for the articles with and without the frame), per frame and for
  the macro mean (frames taken as independent);
* **other decision rules** on the same question answers (:func:`question_answers`):
  the frame's score as the mean answer (the tool's scale), the largest answer
  (a frame present when any one question is strongly answered), the mean of the
  better half of the answers, and the share of questions with any hit (k of n
  questions answered); each with the same threshold rule and folds, and the
  macro figure over the ten splits; and a **learnt reference**, a logistic
  regression on the question answers (balanced class weights, same folds), the
  most a weighting of these questions fitted to these articles could give; and,
  nested, the rule chosen per frame on each training fold (the one whose
  threshold does best there), which tells whether giving each frame its own
  rule would generalise; and the AUC of each question's answer on its own.

The threshold rule: the score that maximises balanced accuracy (the mean of
the recall of articles with and of articles without the frame) on the
articles given, placed halfway between that score and the next lower one;
ties go to the higher threshold. Balanced accuracy does not depend on the
frame's prevalence, so the rule does not build the development set's mix of
frames into the threshold.
"""

from __future__ import annotations

import statistics

from devsets import FRERMANN_FRAMES, frermann_articles

FOLDS = 5
SEED = 17
REPEATS = 10
SATURATIONS = (5.0, 10.0, 20.0)


def choose_threshold(scores: list[float], labels: list[bool]) -> float:
    """The score that maximises balanced accuracy, halfway to the next lower score.

    Examples
    --------
    >>> choose_threshold([0.0, 0.1, 0.3, 0.5], [False, False, True, True])
    0.2
    """
    distinct = sorted(set(scores))
    positives = sum(labels)
    negatives = len(labels) - positives
    best, chosen = -1.0, distinct[-1] + 1
    for i, threshold in enumerate(distinct):
        hit = sum(1 for s, y in zip(scores, labels, strict=True) if y and s >= threshold)
        miss = sum(1 for s, y in zip(scores, labels, strict=True) if not y and s < threshold)
        accuracy = (hit / positives if positives else 0) + (miss / negatives if negatives else 0)
        if accuracy > best + 1e-12:
            best = accuracy
            chosen = (distinct[i - 1] + threshold) / 2 if i else threshold
    return chosen


def _balanced(gold: list[bool], predicted: list[bool]) -> dict:
    from sklearn.metrics import balanced_accuracy_score, f1_score, precision_score, recall_score

    return {
        "balanced_accuracy": round(balanced_accuracy_score(gold, predicted), 3),
        "precision": round(precision_score(gold, predicted, zero_division=0), 3),
        "recall": round(recall_score(gold, predicted, zero_division=0), 3),
        "f1": round(f1_score(gold, predicted, zero_division=0), 3),
    }


def _held_out(scores, labels, seed: int):
    """Held-out decisions, per-fold balanced accuracies and thresholds of one split."""
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.model_selection import StratifiedKFold

    predicted = [False] * len(scores)
    per_fold, thresholds = [], []
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for train, test in folds.split(scores, labels):
        threshold = choose_threshold([scores[i] for i in train], [labels[i] for i in train])
        thresholds.append(threshold)
        for i in test:
            predicted[i] = scores[i] >= threshold
        per_fold.append(
            balanced_accuracy_score([labels[i] for i in test], [predicted[i] for i in test])
        )
    return predicted, per_fold, thresholds


def standard_error(gold: list[bool], predicted: list[bool]) -> float:
    """Binomial standard error of a balanced accuracy: half the root of the recalls' variances.

    Examples
    --------
    >>> standard_error([True] * 4 + [False] * 4, [True, True, False, False] * 2)
    0.25
    """
    variance = 0.0
    for side in (True, False):
        decided = [p for g, p in zip(gold, predicted, strict=True) if g is side]
        recall = sum(1 for p in decided if p is side) / len(decided)
        variance += recall * (1 - recall) / len(decided)
    return variance**0.5 / 2


def cross_validate(scores: list[float], labels: list[bool]) -> dict:
    """5-fold stratified CV of :func:`choose_threshold` (seed 17), with the spread."""
    predicted, per_fold, thresholds = _held_out(scores, labels, SEED)
    result = _balanced(labels, predicted)
    result["standard_error"] = round(standard_error(labels, predicted), 3)
    result["balanced_accuracy_folds_mean"] = round(statistics.mean(per_fold), 3)
    result["balanced_accuracy_folds_sd"] = round(statistics.stdev(per_fold), 3)
    result["threshold_mean"] = round(statistics.mean(thresholds), 4)
    result["threshold_sd"] = round(statistics.stdev(thresholds), 4)
    return result


def _repeated_macro(scores_by_frame: dict, labels_by_frame: dict) -> tuple[float, float]:
    """Macro balanced accuracy of the pooled held-out decisions over REPEATS splits."""
    from sklearn.metrics import balanced_accuracy_score

    macros = []
    for seed in range(REPEATS):
        values = []
        for name, scores in scores_by_frame.items():
            predicted, _, _ = _held_out(scores, labels_by_frame[name], seed)
            values.append(balanced_accuracy_score(labels_by_frame[name], predicted))
        macros.append(statistics.mean(values))
    return round(statistics.mean(macros), 3), round(statistics.stdev(macros), 3)


def _scores(articles, words):
    """The document table and each frame's score (and where it came from)."""
    from helpers.score import score_texts

    table = score_texts([a["text"] for a in articles], analyses=("framing",), unit="document")
    scores, sources = {}, {}
    for name in FRERMANN_FRAMES.values():
        column = f"frame_{name}_score"
        if column in table.columns:
            scores[name] = [float(v) for v in table[column]]
            sources[name] = column
        else:
            counts = table[f"frame_{name}"]
            scores[name] = [1000 * c / w for c, w in zip(counts, words, strict=True)]
            sources[name] = f"frame_{name} per 1,000 words"
    return table, scores, sources


def _sensitivity(articles, words, labels) -> dict:
    """Cross-validated macro balanced accuracy with other saturation densities."""
    try:
        from helpers.framing import score as framing_score
    except ImportError:
        return {}
    if not hasattr(framing_score, "SATURATION"):
        return {}
    kept = framing_score.SATURATION
    out = {}
    try:
        for saturation in SATURATIONS:
            framing_score.SATURATION = saturation
            _, scores, _ = _scores(articles, words)
            out[str(saturation)] = _repeated_macro(scores, labels)[0]
    finally:
        framing_score.SATURATION = kept
    return out


def _words_reference(articles, labels) -> dict:
    """Cross-validated AUC of a bag-of-words logistic regression, per frame."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    texts = [a["text"] for a in articles]
    out = {}
    for name, gold in labels.items():
        model = make_pipeline(
            TfidfVectorizer(min_df=3, sublinear_tf=True),
            LogisticRegression(max_iter=2000, class_weight="balanced"),
        )
        folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
        scores = cross_val_predict(model, texts, gold, cv=folds, method="predict_proba")[:, 1]
        out[name] = round(roc_auc_score(gold, scores), 3)
    return out


def question_answers(articles) -> dict[str, list[list[float]]]:
    """Per generic frame, each article's answers to the frame's questions (codebook order).

    The answers the tool's score averages (:func:`helpers.framing.decide.question_answer`
    of each question's distinct hits, on the article's tokens), from the same one-pass
    match of both built-in schemes as ``score``.
    """
    from helpers.framing import frame_catalog, frame_hits
    from helpers.framing.decide import question_answer
    from helpers.text import segment

    catalog = frame_catalog(["generic"])
    questions = catalog.groupby("frame", sort=False)["category"].apply(list).to_dict()
    out: dict[str, list[list[float]]] = {name: [] for name in FRERMANN_FRAMES.values()}
    for article in articles:
        seg = segment(article["text"])
        hits = frame_hits(seg, ["generic", "policy"])
        hits = hits[hits["scheme"] == "generic"]
        spans = {}
        for category, start, end in zip(hits["category"], hits["start"], hits["end"], strict=True):
            spans.setdefault(category, set()).add((start, end))
        for name in out:
            out[name].append(
                [question_answer(len(spans.get(q, ())), seg.n_tokens) for q in questions[name]]
            )
    return out


def _top_half(answers: list[float]) -> float:
    best = sorted(answers, reverse=True)[: (len(answers) + 1) // 2]
    return sum(best) / len(best)


#: Decimals of the scores the rules compare: those of ``frame_<name>_score`` in ``score``'s
#: output, so that the tool's rule gives the figures of the main table.
DECIMALS = 4

#: Ways to make one score of a frame's question answers (the first is the tool's).
RULES = {
    "mean of the better half (the tool)": _top_half,
    "mean answer (the codebook's scale)": lambda a: sum(a) / len(a),
    "largest answer": max,
    "share of questions answered": lambda a: sum(1 for x in a if x > 0) / len(a),
}


def _rule_alternatives(answers, labels) -> dict:
    """CV balanced accuracy per frame (seed 17) and macro over REPEATS splits, per rule."""
    from sklearn.metrics import balanced_accuracy_score

    out = {}
    for rule, combine in RULES.items():
        scores = {
            name: [round(combine(a), DECIMALS) for a in rows] for name, rows in answers.items()
        }
        per_frame = {}
        for name, values in scores.items():
            predicted, _, _ = _held_out(values, labels[name], SEED)
            per_frame[name] = round(balanced_accuracy_score(labels[name], predicted), 3)
        out[rule] = {"frames": per_frame, "macro_repeated": _repeated_macro(scores, labels)[0]}
    out["per frame, the best rule on the training folds (nested)"] = _chosen_rule(answers, labels)
    return out


def _chosen_rule(answers, labels) -> dict:
    """CV of choosing, per frame and training fold, the rule (and threshold) that does best there.

    Per frame the seed-17 split's pooled held-out balanced accuracy; the macro
    figure is the mean over the REPEATS splits, as for the fixed rules.
    """
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.model_selection import StratifiedKFold

    scores = {
        name: {rule: [round(combine(a), DECIMALS) for a in rows] for rule, combine in RULES.items()}
        for name, rows in answers.items()
    }
    per_seed: dict[int, dict[str, float]] = {}
    for seed in sorted({SEED, *range(REPEATS)}):
        per_seed[seed] = {}
        for name, by_rule in scores.items():
            gold = labels[name]
            predicted = [False] * len(gold)
            folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
            for train, test in folds.split(gold, gold):
                best = None
                for values in by_rule.values():
                    train_scores = [values[i] for i in train]
                    train_gold = [gold[i] for i in train]
                    threshold = choose_threshold(train_scores, train_gold)
                    fit = balanced_accuracy_score(
                        train_gold, [v >= threshold for v in train_scores]
                    )
                    if best is None or fit > best[0] + 1e-12:
                        best = (fit, values, threshold)
                for i in test:
                    predicted[i] = best[1][i] >= best[2]
            per_seed[seed][name] = balanced_accuracy_score(gold, predicted)
    macros = [statistics.mean(per_seed[seed].values()) for seed in range(REPEATS)]
    return {
        "frames": {name: round(v, 3) for name, v in per_seed[SEED].items()},
        "macro_repeated": round(statistics.mean(macros), 3),
    }


def _learnt_weights(answers, labels) -> dict:
    """Cross-validated AUC and balanced accuracy of a logistic regression on the answers."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import balanced_accuracy_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    out = {}
    for name, rows in answers.items():
        model = LogisticRegression(max_iter=2000, class_weight="balanced")
        folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
        chance = cross_val_predict(model, rows, labels[name], cv=folds, method="predict_proba")
        out[name] = {
            "auc": round(roc_auc_score(labels[name], chance[:, 1]), 3),
            "balanced_accuracy": round(
                balanced_accuracy_score(labels[name], chance[:, 1] >= 0.5), 3
            ),
        }
    return out


def measure(folder) -> dict:
    from sklearn.metrics import roc_auc_score

    articles = frermann_articles(folder)
    words = [max(1, len(a["text"].split())) for a in articles]
    table, scores, sources = _scores(articles, words)
    labels = {name: [a[name] for a in articles] for name in FRERMANN_FRAMES.values()}
    try:
        from helpers.framing.decide import DEFAULT_THRESHOLDS
    except ImportError:
        DEFAULT_THRESHOLDS = {}
    result = {"n_articles": len(articles), "frames": {}}
    for name in FRERMANN_FRAMES.values():
        decided = [name in str(frames or "").split(";") for frames in table["frames"]]
        rule = choose_threshold(scores[name], labels[name])
        result["frames"][name] = {
            "present": sum(labels[name]),
            "score": sources[name],
            "auc": round(roc_auc_score(labels[name], scores[name]), 3),
            "tool_decision": _balanced(labels[name], decided),
            "cross_validated": cross_validate(scores[name], labels[name]),
            "threshold_all_articles": round(rule, 4),
            "threshold_default": DEFAULT_THRESHOLDS.get(name),
        }
    for key in ("tool_decision", "cross_validated"):
        result[f"macro_balanced_accuracy_{key}"] = round(
            statistics.mean(f[key]["balanced_accuracy"] for f in result["frames"].values()), 3
        )
    result["macro_balanced_accuracy_repeated"] = _repeated_macro(scores, labels)
    result["macro_standard_error"] = round(
        statistics.mean(
            f["cross_validated"]["standard_error"] ** 2 for f in result["frames"].values()
        )
        ** 0.5
        / len(result["frames"]) ** 0.5,
        3,
    )
    result["saturation_sensitivity"] = _sensitivity(articles, words, labels)
    result["bag_of_words_auc"] = _words_reference(articles, labels)
    answers = question_answers(articles)
    result["decision_rules"] = _rule_alternatives(answers, labels)
    result["learnt_weights"] = _learnt_weights(answers, labels)
    result["question_auc"] = {
        name: [
            round(roc_auc_score(labels[name], [a[i] for a in rows]), 3) for i in range(len(rows[0]))
        ]
        for name, rows in answers.items()
    }
    return result


def markdown(result: dict) -> str:
    mean, sd = result["macro_balanced_accuracy_repeated"]
    lines = [
        f"Frermann et al. (2023) development articles: {result['n_articles']}. Macro balanced "
        f"accuracy: tool's decision {result['macro_balanced_accuracy_tool_decision']} "
        f"(in-sample), cross-validated {result['macro_balanced_accuracy_cross_validated']} "
        f"(5 folds, seed {SEED}; over {REPEATS} splits {mean}, sd {sd}); standard error "
        f"of the macro figure {result['macro_standard_error']}.",
        "",
        "| frame | present | AUC | tool: bal. acc. | P | R | F1 "
        "| CV: bal. acc. (folds: mean, sd) | SE | P | R | F1 | CV threshold mean (sd) "
        "| threshold on all | default |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in result["frames"].items():
        d, c = f["tool_decision"], f["cross_validated"]
        lines.append(
            f"| {name} | {f['present']} | {f['auc']} | {d['balanced_accuracy']} | "
            f"{d['precision']} | {d['recall']} | {d['f1']} | {c['balanced_accuracy']} "
            f"({c['balanced_accuracy_folds_mean']}, {c['balanced_accuracy_folds_sd']}) | "
            f"{c['standard_error']} | "
            f"{c['precision']} | {c['recall']} | {c['f1']} | "
            f"{c['threshold_mean']} ({c['threshold_sd']}) | {f['threshold_all_articles']} | "
            f"{f['threshold_default']} |"
        )
    stale = [
        name
        for name, f in result["frames"].items()
        if f["threshold_default"] is not None
        and abs(f["threshold_default"] - f["threshold_all_articles"]) > 5e-5
    ]
    if stale:
        lines += ["", f"Defaults differ from the rule's thresholds for: {', '.join(stale)}."]
    if result.get("saturation_sensitivity"):
        shown = ", ".join(f"{k}: {v}" for k, v in result["saturation_sensitivity"].items())
        lines += ["", f"Saturation (hits per 1,000 tokens) -> CV macro balanced accuracy: {shown}."]
    if result.get("bag_of_words_auc"):
        shown = ", ".join(f"{k}: {v}" for k, v in result["bag_of_words_auc"].items())
        lines += ["", f"Reference, a bag-of-words classifier learnt here (CV AUC): {shown}."]
    return "\n".join(lines + _rules_markdown(result))


def _rules_markdown(result: dict) -> list[str]:
    rules, learnt = result.get("decision_rules"), result.get("learnt_weights")
    if not rules:
        return []
    names = list(result["frames"])
    lines = [
        "",
        f"Other rules on the same answers (CV balanced accuracy, seed {SEED}; "
        f"macro over {REPEATS} splits):",
        "",
        "| rule | " + " | ".join(names) + " | macro (10 splits) |",
        "|---|" + "---|" * (len(names) + 1),
    ]
    for rule, found in rules.items():
        cells = " | ".join(str(found["frames"][n]) for n in names)
        lines.append(f"| {rule} | {cells} | {found['macro_repeated']} |")
    if learnt:
        cells = " | ".join(
            f"{learnt[n]['balanced_accuracy']} (AUC {learnt[n]['auc']})" for n in names
        )
        lines.append(f"| learnt weights (logistic regression, reference) | {cells} | |")
    if result.get("question_auc"):
        shown = "; ".join(
            f"{name} " + ", ".join(str(v) for v in values)
            for name, values in result["question_auc"].items()
        )
        lines += ["", f"AUC of each question's answer alone, in codebook order: {shown}."]
    return lines
