"""Agreement statistics: scikit-learn's metrics, kappa, Krippendorff's alpha, intervals, r.

Precision, recall and F1 per class and macro-averaged, accuracy, Cohen's kappa
and the confusion matrix come from scikit-learn; Krippendorff's alpha from the
``krippendorff`` package; correlations from scipy. :func:`compare` is the one
comparison of two codings that ``validate`` and the coding-sheet agreement share.
"""

from __future__ import annotations

import math
from typing import Any


def _clean(value):
    """JSON-safe float: NaN and infinities become None."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def krippendorff_alpha(rows, level: str = "nominal", domain=None):
    """Krippendorff's alpha for coders x units, with ``None`` for a missing value.

    Parameters
    ----------
    rows : sequence of sequences
        One sequence per coder (or the tool), one value per unit.
    level : {"nominal", "ordinal", "interval", "ratio"}
    domain : sequence, optional
        All possible values in order (needed for ordinal data so that unused
        levels keep their place). Default: the values seen, sorted.

    Returns
    -------
    float or None
        ``None`` when alpha is undefined (fewer than two values seen, or no
        unit coded twice).

    Examples
    --------
    >>> round(krippendorff_alpha([["a", "a", "b", None], ["a", "b", "b", "a"]]), 4)
    0.4444
    """
    import krippendorff
    import numpy as np

    if level in ("interval", "ratio"):
        data = np.array(
            [[np.nan if v is None else float(v) for v in row] for row in rows], dtype=float
        )
    else:
        values = domain or sorted({v for row in rows for v in row if v is not None}, key=str)
        index = {value: number for number, value in enumerate(values)}
        data = np.array(
            [[np.nan if v is None else index[v] for v in row] for row in rows], dtype=float
        )
    paired = (~np.isnan(data)).sum(axis=0) >= 2
    if not paired.any() or len(np.unique(data[:, paired][~np.isnan(data[:, paired])])) < 2:
        return None
    try:
        return _clean(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
    except (ValueError, ZeroDivisionError):
        return None


def compare(gold, predicted, *, labels=None, level: str = "nominal") -> dict:
    """Compare two codings of the same units (gold first); drop units either left empty.

    Parameters
    ----------
    gold, predicted : sequences
        Labels per unit; ``None`` means not coded.
    labels : sequence, optional
        The classes, in order (rows and columns of the confusion matrix);
        default: the values seen, sorted.
    level : {"nominal", "ordinal"}
        Scale for Krippendorff's alpha.

    Returns
    -------
    dict
        ``n``, ``accuracy``, ``per_class`` (precision, recall, f1, support for
        each class, as strings), ``macro`` (precision, recall, f1),
        ``cohen_kappa``, ``krippendorff_alpha``, ``alpha_level``,
        ``confusion`` (``labels`` and ``matrix``, rows = gold, columns =
        predicted) and ``ci95`` (:func:`bootstrap_intervals`). Statistics
        that are undefined are ``None``.

    Examples
    --------
    >>> r = compare(["pos", "neg", "neg", "neu"], ["pos", "neg", "neu", "neu"])
    >>> r["n"], r["accuracy"], r["per_class"]["neu"]["precision"], r["confusion"]["matrix"][0]
    (4, 0.75, 0.5, [1, 1, 0])
    """
    import numpy as np

    pairs = [
        (g, p) for g, p in zip(gold, predicted, strict=True) if g is not None and p is not None
    ]
    seen = {g for g, _ in pairs} | {p for _, p in pairs}
    classes = list(labels) if labels is not None else sorted(seen, key=str)
    classes += sorted((v for v in seen if v not in classes), key=str)  # never drop a unit
    result: dict[str, Any] = {"n": len(pairs), "labels": [_jsonable(c) for c in classes]}
    if not pairs:
        result.update(
            accuracy=None,
            per_class={},
            macro={"precision": None, "recall": None, "f1": None},
            cohen_kappa=None,
            krippendorff_alpha=None,
            alpha_level=level,
            confusion={"labels": result["labels"], "matrix": []},
            ci95={"accuracy": None, "cohen_kappa": None, "macro_f1": None},
        )
        return result
    # integer codes keep large tables cheap (no object arrays in sklearn)
    index = {c: i for i, c in enumerate(classes)}
    g_codes = np.fromiter((index[g] for g, _ in pairs), dtype=np.int32, count=len(pairs))
    p_codes = np.fromiter((index[p] for _, p in pairs), dtype=np.int32, count=len(pairs))
    del pairs
    used = {index[c] for c in seen}
    result.update(_compare_codes(g_codes, p_codes, result["labels"], used, level))
    return result


def _compare_codes(g_codes, p_codes, labels: list, used: set, level: str) -> dict:
    """The statistics of :func:`compare` for codings given as codes 0..k-1 of ``labels``.

    ``used`` holds the codes of the classes either coding used: macro averages
    are taken over these, not over listed classes nobody used (which would add
    zeros for nothing).
    """
    import warnings

    from sklearn.metrics import (
        accuracy_score,
        cohen_kappa_score,
        confusion_matrix,
        precision_recall_fscore_support,
    )

    codes = list(range(len(labels)))
    with warnings.catch_warnings():
        # undefined precision (a class never predicted) is reported as 0, as sklearn does
        warnings.simplefilter("ignore")
        precision, recall, f1, support = precision_recall_fscore_support(
            g_codes, p_codes, labels=codes, zero_division=0
        )
        kappa = cohen_kappa_score(g_codes, p_codes, labels=codes)
    result: dict[str, Any] = {"accuracy": float(accuracy_score(g_codes, p_codes))}
    # a listed class that neither coding used has no precision or recall at all
    result["per_class"] = {
        str(label): {
            "precision": float(precision[i]) if i in used else None,
            "recall": float(recall[i]) if i in used else None,
            "f1": float(f1[i]) if i in used else None,
            "support": int(support[i]),
        }
        for i, label in enumerate(labels)
    }
    result["macro"] = {
        name: float(sum(values[i] for i in used) / len(used))
        for name, values in (("precision", precision), ("recall", recall), ("f1", f1))
    }
    result["cohen_kappa"] = _clean(kappa)
    result["krippendorff_alpha"] = _alpha_from_codes(g_codes, p_codes, level, len(labels))
    result["alpha_level"] = level
    matrix = confusion_matrix(g_codes, p_codes, labels=codes)
    result["confusion"] = {"labels": labels, "matrix": matrix.tolist()}
    result["ci95"] = bootstrap_intervals(matrix, sorted(used))
    return result


def _from_confusion(matrix, used) -> tuple[float, float | None, float]:
    """Accuracy, Cohen's kappa and macro F1 (over ``used`` classes) of a confusion matrix."""
    import numpy as np

    n = matrix.sum()
    observed = np.trace(matrix) / n
    expected = float((matrix.sum(axis=1) * matrix.sum(axis=0)).sum()) / n**2
    kappa = None if expected == 1 else (observed - expected) / (1 - expected)
    f1 = []
    for i in used:
        true_positive = matrix[i, i]
        denominator = matrix[i, :].sum() + matrix[:, i].sum()
        f1.append(2 * true_positive / denominator if denominator else 0.0)
    return float(observed), kappa, float(sum(f1) / len(f1))


def bootstrap_intervals(matrix, used, *, draws: int = 2000, seed: int = 0) -> dict:
    """95% percentile-bootstrap intervals for accuracy, Cohen's kappa and macro F1.

    Resampling units with replacement only changes how many fall in each cell
    of the confusion matrix, so each draw is a multinomial draw of the cells
    (cheap for any number of units). The seed is fixed: the same table gives
    the same interval.

    Parameters
    ----------
    matrix : array of int
        Confusion matrix (rows gold, columns predicted).
    used : list of int
        Classes that either coding used (macro F1 averages over these).

    Returns
    -------
    dict
        ``accuracy``, ``cohen_kappa``, ``macro_f1``: ``[low, high]`` or
        ``None`` when undefined in too many draws (one class only).

    Examples
    --------
    >>> import numpy as np
    >>> ci = bootstrap_intervals(np.array([[40, 10], [10, 40]]), [0, 1])
    >>> ci["accuracy"][0] < 0.8 < ci["accuracy"][1]
    True
    """
    import numpy as np

    matrix = np.asarray(matrix)
    n = int(matrix.sum())
    if n == 0:
        return {"accuracy": None, "cohen_kappa": None, "macro_f1": None}
    rng = np.random.default_rng(seed)
    cells = rng.multinomial(n, (matrix / n).ravel(), size=draws).reshape(draws, *matrix.shape)
    values = [_from_confusion(cell, used) for cell in cells]
    result = {}
    for position, name in enumerate(("accuracy", "cohen_kappa", "macro_f1")):
        defined = [v[position] for v in values if v[position] is not None]
        if len(defined) < 0.95 * draws:
            result[name] = None
        else:
            low, high = np.percentile(defined, [2.5, 97.5])
            result[name] = [float(low), float(high)]
    return result


def _alpha_from_codes(first, second, level: str, n_classes: int):
    """Krippendorff's alpha for two complete codings given as class codes (0..k-1, in order).

    The whole domain is passed, so that for ordinal data a level nobody used
    still sits between its neighbours.
    """
    import krippendorff
    import numpy as np

    data = np.vstack([first, second]).astype(float)
    if len(np.unique(data)) < 2:
        return None  # one value only: alpha is undefined
    try:
        return _clean(
            krippendorff.alpha(
                reliability_data=data,
                value_domain=list(range(n_classes)),
                level_of_measurement=level,
            )
        )
    except (ValueError, ZeroDivisionError):
        return None


def _jsonable(value):
    if isinstance(value, bool):
        return value
    if hasattr(value, "item"):
        return value.item()
    return value


def correlation(gold, scores) -> dict:
    """Pearson's r (with a 95% confidence interval) and Spearman's rho.

    Parameters
    ----------
    gold, scores : sequences of float
        ``None`` in ``gold`` marks a unit that was not rated.

    Returns
    -------
    dict
        ``n``, ``pearson_r``, ``pearson_p``, ``pearson_ci95`` (scipy's
        interval from Fisher's z),
        ``spearman_rho``, ``spearman_p``; ``None`` where undefined (fewer than
        three pairs, or a constant variable).

    Examples
    --------
    >>> r = correlation([1.0, 2.0, 3.0, 4.0], [0.1, 0.2, 0.3, 0.5])
    >>> r["n"], round(r["pearson_r"], 3), r["spearman_rho"]
    (4, 0.983, 1.0)
    """
    import numpy as np
    from scipy import stats

    pairs = [(float(g), float(s)) for g, s in zip(gold, scores, strict=True) if g is not None]
    result: dict[str, Any] = {
        "n": len(pairs),
        "pearson_r": None,
        "pearson_p": None,
        "pearson_ci95": None,
        "spearman_rho": None,
        "spearman_p": None,
    }
    if len(pairs) < 3:
        return result
    x = np.array([g for g, _ in pairs])
    y = np.array([s for _, s in pairs])
    if np.ptp(x) == 0 or np.ptp(y) == 0:
        return result
    pearson = stats.pearsonr(x, y)
    r = pearson.statistic
    rho, p_rho = stats.spearmanr(x, y)
    result.update(
        pearson_r=_clean(r),
        pearson_p=_clean(pearson.pvalue),
        spearman_rho=_clean(rho),
        spearman_p=_clean(p_rho),
    )
    if len(pairs) > 3 and abs(r) < 1:  # Fisher's z needs n > 3 and is infinite at |r| = 1
        interval = pearson.confidence_interval(confidence_level=0.95)
        result["pearson_ci95"] = [float(interval.low), float(interval.high)]
    return result
