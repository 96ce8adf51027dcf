"""Tone toward a target on international news written for the project.

``python benchmarks/validity/target_articles.py [--sheets DIR] [--errors] [--boot N]``
reads the eight articles and answer sheets of ``tests/target_articles/`` (the
default) or another folder of the same layout (``--sheets
tests/target_articles_2``, the second batch), each coded before the tool was
run on them (codebook in ``tests/target_articles/README.md``; each folder's
README records its sheets' sha256), finds each sheet row's sentence with the
project's sentence splitter (:func:`helpers.text.split_sentences`), and
scores every target once with :func:`helpers.score.score_texts` and
``TargetSpec(target)`` (the target's first occurrence in its sentence, what
``score --target-column`` does).

Two methods come from that one run: ``target_label`` (the tone toward the
target) and, as the baseline, the sentence's own score (``sentiment``)
thresholded as the tool's labels are (:func:`helpers.sentiment.labels.label`)
and used as the target's tone. It prints n, accuracy, macro-F1 and per-class
F1 of both (computed as for NewsMTSC, :func:`target_tone._f1`), bootstrap
95% intervals for each macro-F1 and for their difference, the confusion
matrices and, with ``--errors``, every disagreement of the target method with
its evidence. It takes no development sets and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from target_tone import LABELS, _f1  # noqa: E402

SHEETS = Path(__file__).resolve().parents[2] / "tests" / "target_articles"
METHODS = {
    "target_label": "`target_label` (tone toward the target)",
    "sentence_label": "sentence score (`sentiment`) as the target's tone",
}


def load_rows(folder: Path = SHEETS) -> list[dict]:
    """Return one record per sheet row, with the full sentence it names.

    Parameters
    ----------
    folder : Path, default :data:`SHEETS`
        A folder of ``<id>.txt`` articles and ``<id>.targets.yml`` sheets.

    Returns
    -------
    list of dict
        ``article``, ``sentence`` (the sentence's full text, as the project's
        splitter cuts it), ``target``, ``tone``, ``note``, ``matches`` (how
        many sentences of the article contain the sheet's substring: 1 when
        the sheet is well formed; ``sentence`` is empty when it is not 1).
    """
    from helpers.corpus import load_article
    from helpers.safe_yaml import load_yaml
    from helpers.text import split_sentences

    rows = []
    for path in sorted(Path(folder).glob("*.txt")):
        article = load_article(path)
        sentences = list(split_sentences(article.text, doc_id=article.id)["text"])
        sheet = load_yaml(path.with_suffix(".targets.yml").read_text(encoding="utf-8"))
        for row in sheet["targets"]:
            found = [s for s in sentences if row["sentence"] in s]
            rows.append(
                {
                    "article": path.stem,
                    "sentence": found[0] if len(found) == 1 else "",
                    "target": row["target"],
                    "tone": row["tone"],
                    "note": row.get("note", ""),
                    "matches": len(found),
                }
            )
    return rows


def score_rows(rows: list[dict]) -> list[dict]:
    """Score every row's target in its sentence, once; return the rows with both labels.

    Parameters
    ----------
    rows : list of dict
        Records of :func:`load_rows` (each ``sentence`` found).

    Returns
    -------
    list of dict
        Copies of ``rows`` with ``target_label``, ``target_sentiment``,
        ``target_evidence``, ``sentiment`` (the sentence's score) and
        ``sentence_label`` (that score's label at the tool's threshold).
    """
    from helpers.score import score_texts
    from helpers.sentiment import TargetSpec
    from helpers.sentiment.labels import label

    table = score_texts(
        [r["sentence"] for r in rows],
        ("sentiment",),
        targets=[TargetSpec(r["target"]) for r in rows],
    )
    scored = []
    for row, out in zip(rows, table.to_dict("records"), strict=True):
        scored.append(
            {
                **row,
                "target_label": out["target_label"],
                "target_sentiment": out["target_sentiment"],
                "target_evidence": out["target_evidence"],
                "sentiment": out["sentiment"],
                "sentence_label": label(out["sentiment"]),
            }
        )
    return scored


def _macro_f1_of_picks(gold, predicted, picks):
    """Macro-F1 of every resample: ``gold`` and ``predicted`` as label indices, ``picks`` (reps, n).

    Each resample's confusion matrix is read by the project's own macro-F1
    (:func:`helpers.validation.stats._from_confusion`, over every label, a
    class absent from a resample counting 0), as ``validate`` reads its tables.
    Targets are resampled here, not the matrix's cells as
    :func:`helpers.validation.stats.bootstrap_intervals` does, so that both
    methods see the same targets in a draw and their difference is paired.
    """
    import numpy as np

    from helpers.validation.stats import _from_confusion

    k = len(LABELS)
    every = list(range(k))
    values = np.empty(len(picks))
    for i, pick in enumerate(picks):
        cells = np.bincount(gold[pick] * k + predicted[pick], minlength=k * k).reshape(k, k)
        values[i] = _from_confusion(cells, every)[2]
    return values


def bootstrap_intervals(gold, predictions: dict, reps: int = 2000, seed: int = 0) -> dict:
    """Percentile bootstrap 95% intervals of macro-F1, resampling targets.

    Parameters
    ----------
    gold : sequence of str
        The sheet's tones (labels of :data:`target_tone.LABELS`).
    predictions : dict
        Method name -> predicted labels, in the order of ``gold``; every method
        is scored on the same resamples.
    reps : int, default 2000
        Bootstrap resamples.
    seed : int, default 0
        Seed of the resampling (same intervals every run).

    Returns
    -------
    dict
        Method name -> ``(low, high)``, and ``"difference"`` -> the interval of
        the first method's macro-F1 minus the second's (paired), rounded to 3.

    Notes
    -----
    Targets are resampled one by one, as if independent; several come from
    the same sentence and article, so the true intervals are somewhat wider.
    """
    import numpy as np

    index = {name: i for i, name in enumerate(LABELS)}
    g = np.array([index[x] for x in gold])
    picks = np.random.default_rng(seed).integers(0, len(g), (reps, len(g)))
    values = {
        name: _macro_f1_of_picks(g, np.array([index[x] for x in predicted]), picks)
        for name, predicted in predictions.items()
    }
    first, second = list(values)[:2]
    values["difference"] = values[first] - values[second]
    return {
        name: tuple(round(float(v), 3) for v in np.percentile(v_all, [2.5, 97.5]))
        for name, v_all in values.items()
    }


def summarise(scored: list[dict], reps: int = 2000) -> dict:
    """Figures of both methods against the sheets.

    Parameters
    ----------
    scored : list of dict
        Records of :func:`score_rows`.
    reps : int, default 2000
        Bootstrap resamples for the macro-F1 intervals (0: none).

    Returns
    -------
    dict
        ``n``, ``gold_counts`` (targets per coded tone) and, per method in
        :data:`METHODS`, the :func:`target_tone._f1` figures plus
        ``accuracy``, ``macro_f1_ci`` and ``confusion`` (rows gold, columns
        predicted, in :data:`target_tone.LABELS` order); ``macro_f1_gain``
        (target method minus baseline) and its paired interval
        ``macro_f1_gain_ci`` (None when ``reps`` is 0).
    """
    from sklearn.metrics import accuracy_score, confusion_matrix

    gold = [r["tone"] for r in scored]
    predictions = {method: [r[method] for r in scored] for method in METHODS}
    intervals = bootstrap_intervals(gold, predictions, reps) if reps else {}
    result: dict = {"n": len(gold), "gold_counts": {x: gold.count(x) for x in LABELS}}
    for method, predicted in predictions.items():
        figures = _f1(gold, predicted)
        figures["accuracy"] = round(float(accuracy_score(gold, predicted)), 3)
        figures["macro_f1_ci"] = intervals.get(method)
        figures["confusion"] = confusion_matrix(gold, predicted, labels=list(LABELS)).tolist()
        result[method] = figures
    first, second = (result[m]["macro_f1"] for m in METHODS)
    result["macro_f1_gain"] = round(first - second, 3)
    result["macro_f1_gain_ci"] = intervals.get("difference")
    return result


def measure(folder: Path = SHEETS, reps: int = 2000) -> tuple[dict, list[dict]]:
    """Load, score and summarise the sheets of ``folder`` in one run.

    Parameters
    ----------
    folder : Path, default :data:`SHEETS`
        The articles and answer sheets.
    reps : int, default 2000
        Bootstrap resamples (0: no intervals).

    Returns
    -------
    tuple
        The :func:`summarise` dict and the scored rows.
    """
    scored = score_rows(load_rows(folder))
    return summarise(scored, reps), scored


def markdown(result: dict) -> str:
    """The figures of :func:`summarise` as markdown tables.

    Parameters
    ----------
    result : dict
        From :func:`summarise`.

    Returns
    -------
    str
        A summary table (both methods) and one confusion matrix per method.
    """
    counts = ", ".join(f"{result['gold_counts'][x]} {x}" for x in LABELS)
    lines = [
        f"{result['n']} targets ({counts}).",
        "",
        "| method | n | accuracy | macro-F1 | 95% CI | F1 negative | F1 neutral | F1 positive |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for method, name in METHODS.items():
        r = result[method]
        ci = "{:.3f} to {:.3f}".format(*r["macro_f1_ci"]) if r["macro_f1_ci"] else "-"
        lines.append(
            f"| {name} | {r['n']} | {r['accuracy']} | {r['macro_f1']} | {ci} | "
            f"{r['f1_negative']} | {r['f1_neutral']} | {r['f1_positive']} |"
        )
    gain_ci = result["macro_f1_gain_ci"]
    lines += [
        "",
        f"Macro-F1 gain of the target method over the baseline: {result['macro_f1_gain']}"
        + (" (paired bootstrap 95% CI {:.3f} to {:.3f}).".format(*gain_ci) if gain_ci else "."),
    ]
    for method, name in METHODS.items():
        lines += ["", f"Confusion, {name} (rows: sheet; columns: tool):", ""]
        lines += ["| sheet \\ tool | " + " | ".join(LABELS) + " |", "|---|---|---|---|"]
        for gold, cells in zip(LABELS, result[method]["confusion"], strict=True):
            lines.append(f"| {gold} | " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def errors(scored: list[dict]) -> str:
    """Every disagreement of ``target_label`` with the sheet, with its evidence.

    Parameters
    ----------
    scored : list of dict
        Records of :func:`score_rows`.

    Returns
    -------
    str
        One block per disagreement: sheet tone, tool label, target, evidence,
        sentence label, the sheet's note and the sentence.
    """
    blocks = []
    for r in scored:
        if r["target_label"] == r["tone"]:
            continue
        blocks.append(
            f"{r['article']}: sheet={r['tone']} tool={r['target_label']} "
            f"(sentence {r['sentence_label']}) target={r['target']!r} "
            f"evidence={r['target_evidence']!r}\n"
            f"    note: {r['note'] or '-'}\n    {r['sentence']}"
        )
    return "\n".join(blocks)


def main() -> int:
    """Print the tables (and, with ``--errors``, the disagreements).

    Returns
    -------
    int
        0, or 1 when a sheet row's sentence is not found exactly once.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sheets",
        "--folder",
        dest="sheets",
        type=Path,
        default=SHEETS,
        metavar="DIR",
        help="folder of <id>.txt articles and <id>.targets.yml sheets (default: tests/target_articles)",
    )
    parser.add_argument("--errors", action="store_true", help="print every disagreement")
    parser.add_argument("--boot", type=int, default=2000, help="bootstrap resamples (0: none)")
    args = parser.parse_args()
    rows = load_rows(args.sheets)
    bad = [r for r in rows if r["matches"] != 1]
    if bad:
        for r in bad:
            print(f"error: {r['article']}: sentence of {r['target']!r} found {r['matches']} times")
        return 1
    scored = score_rows(rows)
    print(markdown(summarise(scored, args.boot)))
    if args.errors:
        print("\nDisagreements of `target_label` with the sheet:\n")
        print(errors(scored))
    return 0


if __name__ == "__main__":
    sys.exit(main())
