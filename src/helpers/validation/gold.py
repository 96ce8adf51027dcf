"""``validate``: the tool against the labels of a gold-standard table, and the result as text.

:func:`validate` scores the texts of any table of texts and labels with the
code behind ``score`` (:func:`helpers.validation.tool_codes`), reads both
sides with the measure's record (:mod:`helpers.validation.measures`) and
compares them (:func:`helpers.validation.compare`); :func:`format_result`
prints the result as a plain-text table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.errors import InputError
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold
from helpers.validation.labels import check_gold_threshold
from helpers.validation.measures import Measure, check_measure, gold_labels, tool_labels
from helpers.validation.stats import compare, correlation, krippendorff_alpha
from helpers.validation.targets import check_targets
from helpers.validation.tool import tool_codes


def validate(
    gold,
    *,
    text_column: str = "text",
    label_column: str = "label",
    measure: str = "sentiment",
    threshold: float = DEFAULT_THRESHOLD,
    gold_threshold: float | None = None,
    source: str = "gold",
    targets=None,
) -> dict:
    """Score the texts of a gold table and compare the tool with the labels.

    Parameters
    ----------
    gold : DataFrame or iterable of DataFrames
        One row per text, with ``text_column`` and ``label_column``; chunks
        (as from :func:`helpers.validation.read_gold`) are scored one at a
        time and only the labels are kept.
    measure : str
        ``sentiment``, a frame column (``frame_conflict``, ``policy_…``),
        ``uncertain`` (or one class of it, ``uncertain_epistemic`` …, for
        gold labels coded by class), ``intensity``, ``quad_class`` or
        ``target_sentiment`` (with ``targets``).
    threshold : float, default :data:`helpers.sentiment.DEFAULT_THRESHOLD`
        The tool's neutral band for sentiment.
    gold_threshold : float, optional
        Neutral band for numeric gold ratings (default: ``threshold``; set it
        to the scale of the ratings, e.g. 0.5 on a -2..+2 scale). Any finite
        number of 0 or more.
    source : str
        Name of the gold file, for messages and the result.
    targets : helpers.sentiment.TargetColumns, optional
        Where each row's target is, for ``target_sentiment`` only.

    Returns
    -------
    dict
        The result of :func:`helpers.validation.compare` plus ``measure``,
        ``source``, ``threshold``, ``n_rows``, ``n_uncoded`` and, for numeric
        sentiment labels, ``correlation`` (:func:`helpers.validation.correlation`)
        and ``krippendorff_alpha_interval`` (only when every rating lies in
        -1..+1, the scale of the score).

    Raises
    ------
    InputError
        An unknown measure (checked before any text is scored), a missing
        column, an unreadable label, or no row with a label at all.
    ParameterError
        A threshold that is not a number in its range.
    """
    import pandas as pd

    check_threshold(threshold, where="threshold")
    band = threshold if gold_threshold is None else check_gold_threshold(gold_threshold)
    spec = check_measure(measure)
    check_targets(measure, targets)
    chunks = [gold] if isinstance(gold, pd.DataFrame) else gold
    sides = _label_both_sides(
        chunks, spec, measure, (text_column, label_column), threshold, band, source, targets
    )
    if not sides.labels:
        raise InputError("the gold table has no rows", where=source, fix="Add rows")
    result = compare(sides.labels, sides.predicted, labels=list(spec.classes), level=spec.level)
    if result["n"] == 0:
        raise _nothing_compared(sides, label_column, source)
    result.update(
        measure=measure,
        source=source,
        text_column=text_column,
        label_column=label_column,
        threshold=threshold,
        n_rows=len(sides.labels),
        n_uncoded=sum(label is None for label in sides.labels),
    )
    if spec.rated:
        result["gold_threshold"] = band
        _add_rating_statistics(result, sides.labels, sides.ratings, sides.scores)
    return result


@dataclass
class _Sides:
    """Both sides of a comparison, one entry per row of the gold table."""

    labels: list = field(default_factory=list)  # gold labels, None = not coded
    ratings: list = field(default_factory=list)  # the number of a numeric gold label
    predicted: list = field(default_factory=list)  # the tool's labels
    scores: list = field(default_factory=list)  # the tool's scores (rated measures only)
    columns: list = field(default_factory=list)  # the gold table's columns


def _label_both_sides(
    chunks,
    spec: Measure,
    measure: str,
    columns: tuple[str, str],
    threshold: float,
    band: float,
    source: str,
    targets=None,
) -> _Sides:
    """Read the gold labels and score the texts, chunk by chunk."""
    text_column, label_column = columns
    sides = _Sides()
    for chunk in chunks:
        sides.columns = sides.columns or [str(c) for c in chunk.columns]
        needed = (text_column, label_column, *(targets.input_columns() if targets else ()))
        for column in needed:
            if column not in chunk.columns:
                raise InputError(
                    f"no column {column!r} in the gold table",
                    where=source,
                    fix=f"Columns are: {', '.join(map(str, chunk.columns))}",
                )
        chunk_labels, chunk_ratings = gold_labels(
            chunk[label_column].tolist(), measure, band, source=source, first_row=len(sides.labels)
        )
        texts = ["" if t is None else str(t) for t in chunk[text_column].tolist()]
        specs = targets.specs(chunk, texts, len(sides.labels)) if targets else None
        codes = tool_codes(texts, threshold, analyses=(spec.analysis,), targets=specs)
        sides.labels.extend(chunk_labels)
        sides.ratings.extend(chunk_ratings)
        sides.predicted.extend(tool_labels(codes, measure, threshold))
        if spec.rated:
            sides.scores.extend(codes[measure].astype(float).tolist())
    return sides


def _nothing_compared(sides: _Sides, label_column: str, source: str) -> InputError:
    """Say why no row could be compared, and what to do about it."""
    rows = len(sides.labels)
    coded = sum(label is not None for label in sides.labels)
    if coded:  # the tool gives every row a label today; kept for measures that may not
        what = f"no row has both a gold label and a label from the tool ({coded} of {rows} coded)"
    else:
        what = (
            f"every label in column {label_column!r} is empty ({rows} row{'s' * (rows != 1)}), "
            "so there is nothing to compare"
        )
    others = ", ".join(c for c in sides.columns if c != label_column)
    return InputError(
        what,
        where=source,
        fix="Name the column that holds the labels with --label-column"
        + (f" (the other columns: {others})" if others else "")
        + ", or fill in the labels; an empty cell means 'not coded'",
    )


def _add_rating_statistics(result: dict, labels: list, ratings: list, scores: list) -> None:
    """Correlate numeric gold ratings with the tool's scores (when every label is a number)."""
    numeric = [r for r in ratings if r is not None]
    mixed = numeric and len(numeric) != sum(label is not None for label in labels)
    if numeric and not mixed:
        result["correlation"] = correlation(ratings, scores)
        if all(-1 <= r <= 1 for r in numeric):
            result["krippendorff_alpha_interval"] = krippendorff_alpha(
                [ratings, scores], "interval"
            )
        else:
            result["krippendorff_alpha_interval"] = None
            result["note"] = "interval alpha needs ratings on the score's -1..+1 scale"
    elif mixed:
        result["note"] = "labels mix numbers and class names: no correlation computed"


def _fmt(value) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_result(result: dict) -> str:
    """Return a validation result as a plain-text table.

    Examples
    --------
    >>> from helpers.validation import compare
    >>> r = compare(["a", "b"], ["a", "a"])
    >>> r["measure"] = "demo"
    >>> print(format_result(r).splitlines()[0])
    measure demo: 2 units compared
    """
    lines = [f"measure {result.get('measure', '?')}: {result['n']} units compared"]
    if result.get("n_uncoded"):
        lines[0] += f" ({result['n_uncoded']} rows without a label left out)"
    corr = result.get("correlation")
    if corr:
        ci = corr.get("pearson_ci95")
        ci_text = f" [95% CI {ci[0]:.3f}, {ci[1]:.3f}]" if ci else ""
        lines.append(
            f"Pearson r {_fmt(corr['pearson_r'])}{ci_text}   Spearman rho {_fmt(corr['spearman_rho'])}"
            f"   (n = {corr['n']})"
        )
    lines.extend(_class_table(result))
    ci = result.get("ci95") or {}

    def with_ci(name: str, key: str) -> str:
        interval = ci.get(key)
        text = _fmt(result.get(name))
        return f"{text} [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else text

    lines.append(
        f"accuracy {with_ci('accuracy', 'accuracy')}   "
        f"Cohen's kappa {with_ci('cohen_kappa', 'cohen_kappa')}   "
        f"Krippendorff's alpha ({result.get('alpha_level')}) {_fmt(result.get('krippendorff_alpha'))}"
    )
    if ci.get("macro_f1"):
        lines.append(
            f"macro F1 95% bootstrap interval [{ci['macro_f1'][0]:.3f}, {ci['macro_f1'][1]:.3f}]"
        )
    if "krippendorff_alpha_interval" in result:
        lines.append(
            f"Krippendorff's alpha (interval, ratings vs score) {_fmt(result['krippendorff_alpha_interval'])}"
        )
    lines.extend(_confusion_table(result.get("confusion", {})))
    if result.get("note"):
        lines.append(f"note: {result['note']}")
    return "\n".join(lines)


def _class_table(result: dict) -> list[str]:
    """Precision, recall, F1 and support per class, then the macro averages."""
    lines = [f"{'class':<22}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for name, row in result.get("per_class", {}).items():
        lines.append(
            f"{name:<22}{_fmt(row['precision']):>10}{_fmt(row['recall']):>10}{_fmt(row['f1']):>10}"
            f"{row['support']:>9d}"
        )
    macro = result.get("macro", {})
    lines.append(
        f"{'macro':<22}{_fmt(macro.get('precision')):>10}{_fmt(macro.get('recall')):>10}"
        f"{_fmt(macro.get('f1')):>10}"
    )
    return lines


def _confusion_table(confusion: dict) -> list[str]:
    """The confusion matrix as text lines (rows: gold, columns: tool); none when empty."""
    if not confusion.get("matrix"):
        return []
    names = [str(c) for c in confusion["labels"]]
    width = max(8, *(len(n) + 1 for n in names))
    lines = ["confusion (rows: gold, columns: tool)"]
    lines.append(" " * width + "".join(f"{n:>{width}}" for n in names))
    for name, row in zip(names, confusion["matrix"], strict=True):
        lines.append(f"{name:<{width}}" + "".join(f"{v:>{width}d}" for v in row))
    return lines
