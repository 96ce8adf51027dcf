"""Validate the tool against human coders: coding sheets, agreement, ``validate``.

Text-as-data results stand or fall on validation: how often do the
dictionary codes agree with a careful human reader? This module makes that
the easy path:

1. :func:`coding_sheet` (``python -m helpers codesheet ARTICLE -o sheet.csv``)
   writes one row per sentence with its ids, its text, the tool's codes and
   empty columns for a human coder (``--blind`` leaves the tool's codes out,
   so that coders are not anchored by them).
2. Coders fill in ``sentiment_label``, ``frames_label``, ``uncertain_label``,
   ``intensity_label`` and ``quad_class_label`` (the codebook is
   ``data/validation/README.md``).
3. :func:`sheet_agreement` measures agreement between two coders and between
   each coder and the tool, per category; :func:`disagreements` lists the
   sentences where a coder and the tool part, with the tool's evidence.
4. :func:`validate` (``python -m helpers validate``) compares the tool with
   the labels of any gold-standard table (CSV, TSV, JSON Lines), scoring the
   texts with :func:`helpers.score.score_texts`, the same code as ``score``.

Measures and how the tool's code is read
----------------------------------------
``sentiment`` (and ``sentiment_raw``, plain VADER, for comparison)
    The domain-aware VADER ``sentiment`` score, classed with VADER's
    convention: positive when ``>= threshold``, negative when
    ``<= -threshold``, neutral in between (Hutto & Gilbert 2014 use 0.05).
    Numeric gold labels also give Pearson's r and Spearman's rho with the
    score.
``frame_<name>``, ``policy_<name>``
    Present when the frame's count is above zero.
``uncertain``
    The tool's ``uncertain`` flag.
``intensity``
    The statement-intensity ladder level (0 = none), an ordinal scale.
``quad_class``
    The event's quad class (``verbal_cooperation``, ``material_cooperation``,
    ``verbal_conflict``, ``material_conflict``), ``none`` without an event.

Statistics: precision, recall and F1 per class and macro-averaged, accuracy,
Cohen's kappa and the confusion matrix come from scikit-learn; Krippendorff's
alpha from the ``krippendorff`` package (nominal; ordinal for intensity;
interval for sentiment ratings on VADER's -1..+1 scale). An empty label
means "not coded" and the row is left out (the count is reported).

What agreement does not show: two coders trained on the same codebook can
share a bias, and high agreement with the tool on sentences written or picked
by its developers says little about other text. See the README section "How valid is it?".
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

from helpers.errors import InputError, ParameterError, ResourceError
from helpers.paths import DATA_DIR

#: Sentiment classes, in the order tables and matrices use.
SENTIMENT_CLASSES: tuple[str, ...] = ("negative", "neutral", "positive")
#: Event quad classes (CAMEO/PLOVER), plus "none" for a sentence without an event.
QUAD_CLASSES: tuple[str, ...] = (
    "none",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
#: The generic news frames (Semetko & Valkenburg 2000), as in ``frame_<name>``.
GENERIC_FRAMES: tuple[str, ...] = (
    "conflict",
    "human_interest",
    "economic",
    "morality",
    "responsibility",
)
#: Columns identifying a sentence in a coding sheet.
ID_COLUMNS: tuple[str, ...] = ("doc_id", "sent_id", "text")
#: The tool's codes written into a coding sheet (when the analysis is installed).
TOOL_COLUMNS: tuple[str, ...] = (
    "sentiment",
    "sentiment_class",
    "frames",
    "uncertain",
    "intensity",
    "event",
    "quad_class",
)
#: Columns a human coder fills in.
CODER_COLUMNS: tuple[str, ...] = (
    "coder",
    "sentiment_label",
    "frames_label",
    "uncertain_label",
    "intensity_label",
    "quad_class_label",
    "note",
)
#: Categories compared by :func:`sheet_agreement`, with the sheet column and scale.
SHEET_CATEGORIES: dict[str, tuple[str, str]] = {
    "sentiment": ("sentiment_label", "nominal"),
    "uncertain": ("uncertain_label", "nominal"),
    "intensity": ("intensity_label", "ordinal"),
    "quad_class": ("quad_class_label", "nominal"),
}
INTENSITY_LEVELS: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
#: Sentiment measures: the domain-aware score and plain VADER (for comparison).
SENTIMENT_MEASURES: tuple[str, ...] = ("sentiment", "sentiment_raw")
#: Folder of the example coded sheet shipped with the project.
EXAMPLE_DIR = DATA_DIR / "validation"
EXAMPLE_SHEET = EXAMPLE_DIR / "example_sheet.csv"

_TRUE = {"1", "yes", "y", "true", "t", "present", "x"}
_FALSE = {"0", "no", "n", "false", "f", "absent"}
_EMPTY = {"", "nan", "n/a"}
_SENTIMENT_WORDS = {
    "negative": "negative",
    "neg": "negative",
    "-": "negative",
    "neutral": "neutral",
    "neu": "neutral",
    "positive": "positive",
    "pos": "positive",
    "+": "positive",
}


# -- reading the tool's codes -------------------------------------------------------


def sentiment_class(score: float, threshold: float = 0.05) -> str:
    """Return the sentiment class of a compound score with VADER's convention.

    Parameters
    ----------
    score : float
        A compound score in -1..+1.
    threshold : float, default 0.05
        Half-width of the neutral band; the bounds count as polar.

    Examples
    --------
    >>> [sentiment_class(s) for s in (-0.3, -0.05, 0.0, 0.049, 0.05)]
    ['negative', 'negative', 'neutral', 'neutral', 'positive']
    """
    _check_threshold(threshold)
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"


def _check_threshold(threshold: float) -> None:
    if (
        not isinstance(threshold, int | float)
        or isinstance(threshold, bool)
        or not 0 <= threshold < 1
    ):
        raise ParameterError(
            f"threshold must be a number from 0 up to (not including) 1, got {threshold!r}",
            where="threshold",
            fix="VADER's authors use 0.05",
        )


def available_analyses() -> tuple[str, ...]:
    """Return the analyses of :data:`helpers.score.ANALYSES` that are installed.

    Raises
    ------
    ResourceError
        If none is.
    """
    from helpers.score import ANALYSES

    names = []
    for name, module_name in ANALYSES.items():
        try:
            import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        names.append(name)
    if not names:
        raise ResourceError(
            "no analysis module is installed",
            where="helpers.score.ANALYSES",
            fix="Install the project with `make setup`",
        )
    return tuple(names)


def tool_codes(texts, threshold: float = 0.05, analyses=None):
    """Score texts as ``score`` does and add the codes a coder is compared with.

    Parameters
    ----------
    texts : sequence of str
        One unit (sentence) each.
    threshold : float, default 0.05
        Neutral band for ``sentiment_class``.
    analyses : sequence of str, optional
        Default: every installed analysis.

    Returns
    -------
    DataFrame
        Every column of :func:`helpers.score.score_texts`, plus
        ``sentiment_class`` after ``sentiment`` (when sentiment is installed).
    """
    from helpers.score import score_texts

    _check_threshold(threshold)
    scores = score_texts(
        list(texts), analyses=tuple(analyses or available_analyses()), unit="sentence"
    )
    if "sentiment" in scores.columns:
        position = list(scores.columns).index("sentiment") + 1
        classes = [sentiment_class(float(s), threshold) for s in scores["sentiment"]]
        scores.insert(position, "sentiment_class", classes)
    if "quad_class" in scores.columns:
        scores["quad_class"] = [
            normalize_quad(v, missing="none", where="the tool's quad_class column")
            for v in scores["quad_class"]
        ]
    return scores


# -- coding sheets ------------------------------------------------------------------


def coding_sheet(article, *, coder: str = "", threshold: float = 0.05, blind: bool = False):
    """Return a coding sheet: one row per sentence, the tool's codes, empty coder columns.

    Parameters
    ----------
    article : str, path-like or Article
        An article id or path (see :func:`helpers.corpus.load_article`), or a
        loaded article.
    coder : str
        Written into every row's ``coder`` column (a coder's name or initials).
    threshold : float, default 0.05
        Neutral band for ``sentiment_class``.
    blind : bool, default False
        Leave out the tool's codes, so coders are not anchored by them
        (:func:`sheet_agreement` scores the texts itself).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, text``, the :data:`TOOL_COLUMNS` the installed
        analyses give (unless ``blind``), then :data:`CODER_COLUMNS`.
    """
    import pandas as pd

    from helpers.text import split_sentences

    if not hasattr(article, "text"):
        from helpers.corpus import load_article

        article = load_article(article)
    sentences = split_sentences(article.text, doc_id=article.id)
    sheet = sentences[list(ID_COLUMNS)].reset_index(drop=True)
    if not blind:
        codes = tool_codes(sheet["text"].tolist(), threshold)
        for column in TOOL_COLUMNS:
            if column in codes.columns:
                sheet[column] = codes[column].to_numpy()
    sheet["text"] = [protect_cell(t) for t in sheet["text"]]
    coders = {column: pd.Series([""] * len(sheet), dtype="str") for column in CODER_COLUMNS}
    coders["coder"] = pd.Series([str(coder)] * len(sheet), dtype="str")
    return pd.concat([sheet, pd.DataFrame(coders)], axis=1)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def protect_cell(text: str) -> str:
    """Keep a spreadsheet from running a sentence as a formula (CSV injection).

    Coders open sheets in Excel or LibreOffice, which treat a cell starting
    with ``=``, ``+``, ``-`` or ``@`` as a formula; scraped text can start that
    way by accident or on purpose. Such a cell gets a leading apostrophe,
    which :func:`load_sheet` removes again (:func:`unprotect_cell`).

    Examples
    --------
    >>> protect_cell("=SUM(A1:A9)"), protect_cell("Talks stall.")
    ("'=SUM(A1:A9)", 'Talks stall.')
    """
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def unprotect_cell(text: str) -> str:
    """Undo :func:`protect_cell`.

    Examples
    --------
    >>> unprotect_cell("'-Moscow said"), unprotect_cell("'Tis the season")
    ('-Moscow said', "'Tis the season")
    """
    text = str(text)
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def write_coding_sheet(article, output, **options) -> Path:
    """Write :func:`coding_sheet` as CSV atomically and return the path."""
    from helpers.io import write_table_atomic

    output = Path(output)
    if output.suffix.lower() != ".csv":
        raise InputError(
            f"a coding sheet is written as CSV, not {output.suffix or 'a file without extension'}",
            where=str(output),
            fix="Name the output file with .csv",
        )
    return write_table_atomic(coding_sheet(article, **options), output)


def load_sheet(path) -> Any:
    """Read a coded sheet (CSV) and check its columns.

    Parameters
    ----------
    path : path-like
        A sheet written by ``codesheet`` and filled in by a coder.

    Returns
    -------
    DataFrame
        Labels as strings; empty cells are empty strings.

    Raises
    ------
    InputError
        Missing file, not UTF-8, empty, missing ``doc_id``/``sent_id``/``text``
        or no label column at all, or a sentence listed twice.
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"coding sheet not found: {path}", where="sheet", fix="Check the path")
    try:
        sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"coding sheet is not UTF-8 text ({exc.reason} at byte {exc.start})",
            where=str(path),
            fix="Save it from the spreadsheet as 'CSV UTF-8'",
        ) from None
    except pd.errors.EmptyDataError:
        raise InputError(
            "coding sheet is empty", where=str(path), fix="Write one with `codesheet`"
        ) from None
    except pd.errors.ParserError as exc:
        raise InputError(f"coding sheet is not a valid CSV table: {exc}", where=str(path)) from None
    missing = [c for c in ID_COLUMNS if c not in sheet.columns]
    if missing:
        raise InputError(
            f"coding sheet lacks column(s) {', '.join(missing)}",
            where=str(path),
            fix="Start from a sheet written by `python -m helpers codesheet`",
        )
    labels = [c for c in CODER_COLUMNS[1:-1] if c in sheet.columns]
    if not labels:
        raise InputError(
            "coding sheet has no label column",
            where=str(path),
            fix=f"Fill in at least one of {', '.join(CODER_COLUMNS[1:-1])}",
        )
    if sheet.empty:
        raise InputError("coding sheet has a header but no rows", where=str(path), fix="Add rows")
    sheet["text"] = [unprotect_cell(t) for t in sheet["text"]]
    duplicated = sheet.duplicated(["doc_id", "sent_id"])
    if duplicated.any():
        row = int(duplicated.to_numpy().nonzero()[0][0])
        raise InputError(
            f"sentence {sheet['doc_id'][row]}/{sheet['sent_id'][row]} is listed twice",
            where=f"{path}, row {row + 2}",
            fix="Keep one row per sentence",
        )
    return sheet


# -- reading labels -----------------------------------------------------------------


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return str(value).strip().casefold() in _EMPTY


def parse_bool(value, *, where: str = "label"):
    """Read a yes/no label; return ``None`` for an empty (uncoded) cell.

    Examples
    --------
    >>> [parse_bool(v) for v in ("yes", "0", "TRUE", "", 1)]
    [True, False, True, None, True]
    """
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text.endswith(".0"):
        text = text[:-2]
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(
        f"cannot read {value!r} as yes/no",
        where=where,
        fix="Use 1/0, yes/no or true/false; leave the cell empty when not coded",
    )


def parse_sentiment(value, threshold: float = 0.05, *, where: str = "label"):
    """Read a sentiment label: a class name or a number; ``None`` when empty.

    Returns
    -------
    (str or None, float or None)
        The class, and the number when the label was numeric.

    Examples
    --------
    >>> parse_sentiment("Positive"), parse_sentiment("-0.4"), parse_sentiment(" ")
    (('positive', None), ('negative', -0.4), (None, None))
    """
    if _blank(value):
        return None, None
    text = str(value).strip().casefold()
    if text in _SENTIMENT_WORDS:
        return _SENTIMENT_WORDS[text], None
    try:
        number = float(text)
    except ValueError:
        raise InputError(
            f"cannot read {value!r} as a sentiment label",
            where=where,
            fix="Use positive/neutral/negative or a number (a rating)",
        ) from None
    if math.isnan(number) or math.isinf(number):
        raise InputError(f"sentiment rating {value!r} is not a finite number", where=where)
    return sentiment_class(number, threshold), number


def normalize_quad(value, *, missing=None, where: str = "label"):
    """Return a quad class in the form of :data:`QUAD_CLASSES`.

    Examples
    --------
    >>> normalize_quad("Verbal conflict"), normalize_quad("none"), normalize_quad("")
    ('verbal_conflict', 'none', None)
    """
    if _blank(value) or value is False:
        return missing
    text = re.sub(r"[\s-]+", "_", str(value).strip().casefold())
    if text in {"0", "no_event", "-", "no"}:
        text = "none"
    if text not in QUAD_CLASSES:
        raise InputError(
            f"unknown quad class {value!r}",
            where=where,
            fix=f"Use one of {', '.join(QUAD_CLASSES)}",
        )
    return text


def parse_intensity(value, *, where: str = "label"):
    """Read a ladder level 0..6; ``None`` when empty.

    Examples
    --------
    >>> parse_intensity("4"), parse_intensity(2.0), parse_intensity("")
    (4, 2, None)
    """
    if _blank(value):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        number = float("nan")
    if not number.is_integer() or int(number) not in INTENSITY_LEVELS:
        raise InputError(
            f"cannot read {value!r} as an intensity level",
            where=where,
            fix="Use a whole number from 0 (no reaction) to 6 (countermeasures)",
        )
    return int(number)


def frame_name(value: str) -> str:
    """Normalise a frame name: ``"Human interest"`` -> ``"human_interest"``.

    Examples
    --------
    >>> frame_name("frame_conflict"), frame_name("Human interest"), frame_name("policy_legality")
    ('conflict', 'human_interest', 'policy_legality')
    """
    text = re.sub(r"[\s-]+", "_", str(value).strip().casefold())
    return text.removeprefix("frame_")


def parse_frames(value, *, where: str = "label"):
    """Read a list of frame names (``;`` or ``,`` separated); ``None`` when empty.

    ``none`` (or ``0``) codes a sentence with no frame.

    Examples
    --------
    >>> sorted(parse_frames("Conflict; human interest")), parse_frames("none"), parse_frames("")
    (['conflict', 'human_interest'], set(), None)
    """
    if _blank(value):
        return None
    names = {frame_name(part) for part in re.split(r"[;,]", str(value)) if part.strip()}
    names -= {"none", "0", "no"}
    unknown = sorted(n for n in names if n not in GENERIC_FRAMES and not n.startswith("policy_"))
    if unknown:
        raise InputError(
            f"unknown frame name(s) {', '.join(unknown)}",
            where=where,
            fix=f"Use {', '.join(GENERIC_FRAMES)} or policy_<name>, separated by ';', or 'none'",
        )
    return names


# -- statistics ---------------------------------------------------------------------


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
    import warnings

    import numpy as np
    from sklearn.metrics import (
        accuracy_score,
        cohen_kappa_score,
        confusion_matrix,
        precision_recall_fscore_support,
    )

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
    codes = list(range(len(classes)))
    with warnings.catch_warnings():
        # undefined precision (a class never predicted) is reported as 0, as sklearn does
        warnings.simplefilter("ignore")
        precision, recall, f1, support = precision_recall_fscore_support(
            g_codes, p_codes, labels=codes, zero_division=0
        )
        kappa = cohen_kappa_score(g_codes, p_codes, labels=codes)
    # macro averages over the classes that occur in either coding, not over
    # listed classes nobody used (which would add zeros for nothing)
    used = {index[c] for c in seen}
    result["accuracy"] = float(accuracy_score(g_codes, p_codes))
    # a listed class that neither coding used has no precision or recall at all
    result["per_class"] = {
        str(_jsonable(c)): {
            "precision": float(precision[i]) if i in used else None,
            "recall": float(recall[i]) if i in used else None,
            "f1": float(f1[i]) if i in used else None,
            "support": int(support[i]),
        }
        for i, c in enumerate(classes)
    }
    result["macro"] = {
        name: float(sum(values[i] for i in used) / len(used))
        for name, values in (("precision", precision), ("recall", recall), ("f1", f1))
    }
    result["cohen_kappa"] = _clean(kappa)
    result["krippendorff_alpha"] = _alpha_from_codes(g_codes, p_codes, level, len(classes))
    result["alpha_level"] = level
    matrix = confusion_matrix(g_codes, p_codes, labels=codes)
    result["confusion"] = {"labels": result["labels"], "matrix": matrix.tolist()}
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
        ``n``, ``pearson_r``, ``pearson_p``, ``pearson_ci95`` (Fisher's z),
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
    r, p = stats.pearsonr(x, y)
    rho, p_rho = stats.spearmanr(x, y)
    result.update(
        pearson_r=_clean(r), pearson_p=_clean(p), spearman_rho=_clean(rho), spearman_p=_clean(p_rho)
    )
    if len(pairs) > 3 and abs(r) < 1:
        z, half = math.atanh(r), 1.959964 / math.sqrt(len(pairs) - 3)
        result["pearson_ci95"] = [math.tanh(z - half), math.tanh(z + half)]
    return result


# -- validate: the tool against a gold table ----------------------------------------


def measure_names(columns) -> list[str]:
    """Return the measures the tool's output columns allow.

    Examples
    --------
    >>> measure_names(["sentiment", "sentiment_raw", "frame_conflict", "policy_legality", "pos"])
    ['sentiment', 'sentiment_raw', 'frame_conflict', 'policy_legality']
    """
    fixed = {*SENTIMENT_MEASURES, "uncertain", "intensity", "quad_class"}
    return [c for c in columns if c in fixed or c.startswith(("frame_", "policy_"))]


def _analysis_for(measure: str) -> str:
    if measure in SENTIMENT_MEASURES:
        return "sentiment"
    if measure.startswith(("frame_", "policy_")):
        return "framing"
    if measure in {"uncertain", "intensity", "quad_class"}:
        return "diplomacy"
    raise InputError(
        f"unknown measure {measure!r}",
        where="--measure",
        fix="Use sentiment, sentiment_raw, uncertain, intensity, quad_class "
        "or a frame column such as frame_conflict",
    )


def read_gold(path, text_column: str = "text", label_column: str = "label", chunk_rows=None):
    """Read a gold-standard table (CSV, TSV or JSON Lines) in chunks, with the ``score`` reader.

    Returns a generator of DataFrames, so a large gold file is never held in
    memory as a whole (:func:`validate` keeps only the labels).

    Raises
    ------
    InputError
        As :func:`helpers.score.read_chunks` (missing file or column, empty,
        not UTF-8, a bad JSON line), or when ``label_column`` is missing.
    """
    from helpers.score import CHUNK_ROWS, read_chunks

    for chunk in read_chunks(path, text_column, chunk_rows or CHUNK_ROWS):
        if label_column not in chunk.columns:
            raise InputError(
                f"no column {label_column!r} in the gold table",
                where=str(path),
                fix="Name the label column with --label-column; columns are: "
                + ", ".join(map(str, chunk.columns)),
            )
        yield chunk


def gold_labels(
    values, measure: str, threshold: float = 0.05, *, source: str = "gold", first_row: int = 0
):
    """Read gold labels for a measure; return ``(labels, ratings)``.

    ``ratings`` holds the numbers of numeric sentiment labels (else ``None``).
    Row numbers in errors count the header as row 1 (``first_row`` is the
    0-based index of the first value in the whole table).
    """
    labels, ratings = [], []
    for number, value in enumerate(values, start=first_row):
        where = f"{source}, row {number + 2}"
        rating = None
        if measure in SENTIMENT_MEASURES:
            label, rating = parse_sentiment(value, threshold, where=where)
        elif measure in {"uncertain"}:
            label = parse_bool(value, where=where)
        elif measure == "intensity":
            label = parse_intensity(value, where=where)
        elif measure == "quad_class":
            label = normalize_quad(value, where=where)
        else:
            label = _frame_label(value, measure, where)
        labels.append(label)
        ratings.append(rating)
    return labels, ratings


def _frame_label(value, measure: str, where: str):
    """A frame label is yes/no, or a list of frame names that does or does not hold this one."""
    try:
        return parse_bool(value, where=where)
    except InputError:
        names = parse_frames(value, where=where)
        return None if names is None else frame_name(measure) in names


def tool_labels(codes, measure: str, threshold: float = 0.05) -> list:
    """The tool's label for a measure, per row of :func:`tool_codes` output."""
    if measure not in codes.columns:
        raise InputError(
            f"the tool gives no column {measure!r}",
            where="--measure",
            fix="Measures available now: " + ", ".join(measure_names(codes.columns)),
        )
    column = codes[measure].tolist()
    if measure in SENTIMENT_MEASURES:
        return [sentiment_class(float(v), threshold) for v in column]
    if measure == "uncertain":
        return [bool(v) for v in column]
    if measure == "intensity":
        return [int(v) for v in column]
    if measure == "quad_class":
        return [normalize_quad(v, missing="none") for v in column]
    return [float(v) > 0 for v in column]


def _classes_for(measure: str):
    if measure in SENTIMENT_MEASURES:
        return list(SENTIMENT_CLASSES), "nominal"
    if measure == "intensity":
        return list(INTENSITY_LEVELS), "ordinal"
    if measure == "quad_class":
        return list(QUAD_CLASSES), "nominal"
    return [False, True], "nominal"


def validate(
    gold,
    *,
    text_column: str = "text",
    label_column: str = "label",
    measure: str = "sentiment",
    threshold: float = 0.05,
    gold_threshold: float | None = None,
    source: str = "gold",
) -> dict:
    """Score the texts of a gold table and compare the tool with the labels.

    Parameters
    ----------
    gold : DataFrame or iterable of DataFrames
        One row per text, with ``text_column`` and ``label_column``; chunks
        (as from :func:`read_gold`) are scored one at a time and only the
        labels are kept.
    measure : str
        ``sentiment``, a frame column (``frame_conflict``, ``policy_…``),
        ``uncertain``, ``intensity`` or ``quad_class``.
    threshold : float, default 0.05
        The tool's neutral band for sentiment.
    gold_threshold : float, optional
        Neutral band for numeric gold ratings (default: ``threshold``; set it
        to the scale of the ratings, e.g. 0.5 on a -4..+4 scale).
    source : str
        Name of the gold file, for messages and the result.

    Returns
    -------
    dict
        The result of :func:`compare` plus ``measure``, ``source``,
        ``threshold``, ``n_rows``, ``n_uncoded`` and, for numeric sentiment
        labels, ``correlation`` (:func:`correlation`) and
        ``krippendorff_alpha_interval`` (only when every rating lies in
        -1..+1, the scale of the score).
    """
    import pandas as pd

    _check_threshold(threshold)
    analysis = _analysis_for(measure)
    band = threshold if gold_threshold is None else gold_threshold
    _check_threshold(band)
    if analysis not in available_analyses():
        raise ResourceError(
            f"the {analysis} analysis (helpers.{analysis}) is not installed",
            where="--measure",
            fix="Install the project with `make setup`",
        )
    chunks = [gold] if isinstance(gold, pd.DataFrame) else gold
    labels: list = []
    ratings: list = []
    predicted: list = []
    scores: list = []
    for chunk in chunks:
        for column in (text_column, label_column):
            if column not in chunk.columns:
                raise InputError(
                    f"no column {column!r} in the gold table",
                    where=source,
                    fix=f"Columns are: {', '.join(map(str, chunk.columns))}",
                )
        chunk_labels, chunk_ratings = gold_labels(
            chunk[label_column].tolist(), measure, band, source=source, first_row=len(labels)
        )
        texts = ["" if t is None else str(t) for t in chunk[text_column].tolist()]
        codes = tool_codes(texts, threshold, analyses=(analysis,))
        labels.extend(chunk_labels)
        ratings.extend(chunk_ratings)
        predicted.extend(tool_labels(codes, measure, threshold))
        if measure in SENTIMENT_MEASURES:
            scores.extend(codes[measure].astype(float).tolist())
    if not labels:
        raise InputError("the gold table has no rows", where=source, fix="Add rows")
    classes, level = _classes_for(measure)
    result = compare(labels, predicted, labels=classes, level=level)
    result.update(
        measure=measure,
        source=source,
        text_column=text_column,
        label_column=label_column,
        threshold=threshold,
        n_rows=len(labels),
        n_uncoded=sum(label is None for label in labels),
    )
    if measure in SENTIMENT_MEASURES:
        result["gold_threshold"] = band
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
    return result


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
    lines.append(f"{'class':<22}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
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
    confusion = result.get("confusion", {})
    if confusion.get("matrix"):
        names = [str(c) for c in confusion["labels"]]
        width = max(8, *(len(n) + 1 for n in names))
        lines.append("confusion (rows: gold, columns: tool)")
        lines.append(" " * width + "".join(f"{n:>{width}}" for n in names))
        for name, row in zip(names, confusion["matrix"], strict=True):
            lines.append(f"{name:<{width}}" + "".join(f"{v:>{width}d}" for v in row))
    if result.get("note"):
        lines.append(f"note: {result['note']}")
    return "\n".join(lines)


# -- agreement on coding sheets -----------------------------------------------------


def sheet_labels(sheet, threshold: float = 0.05, *, source: str = "sheet") -> dict[str, list]:
    """Read a coded sheet's labels into ``{category: [label per row]}``.

    Categories: ``sentiment``, ``uncertain``, ``intensity``, ``quad_class``
    and ``frame_<name>`` for each generic frame, for the label columns the
    sheet has. ``None`` = not coded.
    """
    labels: dict[str, list] = {}
    for category, (column, _) in SHEET_CATEGORIES.items():
        if column in sheet.columns:
            values, _ = gold_labels(
                sheet[column].tolist(), category, threshold, source=f"{source}, {column}"
            )
            labels[category] = values
    if "frames_label" in sheet.columns:
        parsed = [
            parse_frames(v, where=f"{source}, frames_label, row {i + 2}")
            for i, v in enumerate(sheet["frames_label"].tolist())
        ]
        for frame in GENERIC_FRAMES:
            labels[f"frame_{frame}"] = [None if p is None else frame in p for p in parsed]
    return labels


def sheet_tool_labels(codes, threshold: float = 0.05) -> dict[str, list]:
    """The tool's labels per category for :func:`tool_codes` output (installed analyses only)."""
    labels = {}
    for category in (*SHEET_CATEGORIES, *(f"frame_{f}" for f in GENERIC_FRAMES)):
        if category in codes.columns:
            labels[category] = tool_labels(codes, category, threshold)
    return labels


def _check_same_sentences(first, second, names) -> None:
    a = list(zip(first["doc_id"], first["sent_id"], strict=True))
    b = list(zip(second["doc_id"], second["sent_id"], strict=True))
    if a != b or first["text"].tolist() != second["text"].tolist():
        raise InputError(
            f"sheets {names[0]} and {names[1]} do not list the same sentences in the same order",
            where="sheets",
            fix="Give coders copies of one sheet written by `codesheet`",
        )


def sheet_agreement(sheets: dict, codes=None, *, threshold: float = 0.05):
    """Agreement per category between coders and between each coder and the tool.

    Parameters
    ----------
    sheets : dict of {str: DataFrame}
        Coder name -> coded sheet (:func:`load_sheet`); all sheets must list
        the same sentences.
    codes : DataFrame, optional
        :func:`tool_codes` for the sheets' texts; computed when not given.
        ``False`` compares coders only.
    threshold : float, default 0.05

    Returns
    -------
    DataFrame
        ``category, pair, first, second, n, agreement, cohen_kappa,
        krippendorff_alpha, alpha_level, macro_f1``: one row per category and
        pair of codings (``agreement`` is the share of sentences both coded
        alike; ``macro_f1`` treats the first as gold).
    """
    import pandas as pd

    names = list(sheets)
    if not names:
        raise InputError("no coded sheet given", where="sheets", fix="Give at least one sheet")
    first = sheets[names[0]]
    for name in names[1:]:
        _check_same_sentences(first, sheets[name], (names[0], name))
    codings = {name: sheet_labels(sheet, threshold, source=name) for name, sheet in sheets.items()}
    if codes is None:
        codes = tool_codes(first["text"].tolist(), threshold)
    if codes is not False:
        codings["tool"] = sheet_tool_labels(codes, threshold)
    pairs = [(a, b) for i, a in enumerate(names) for b in [*names[i + 1 :], "tool"] if b in codings]
    rows = []
    for category in (*SHEET_CATEGORIES, *(f"frame_{f}" for f in GENERIC_FRAMES)):
        classes, level = _classes_for(category)
        for a, b in pairs:
            if category not in codings[a] or category not in codings[b]:
                continue
            result = compare(
                codings[a][category], codings[b][category], labels=classes, level=level
            )
            rows.append(
                {
                    "category": category,
                    "pair": f"{a} vs {b}",
                    "first": a,
                    "second": b,
                    "n": result["n"],
                    "agreement": result["accuracy"],
                    "cohen_kappa": result["cohen_kappa"],
                    "krippendorff_alpha": result["krippendorff_alpha"],
                    "alpha_level": level,
                    "macro_f1": result["macro"]["f1"],
                }
            )
    columns = [
        "category",
        "pair",
        "first",
        "second",
        "n",
        "agreement",
        "cohen_kappa",
        "krippendorff_alpha",
        "alpha_level",
        "macro_f1",
    ]
    return pd.DataFrame(rows, columns=columns)


def sheet_confusion(sheet, codes, category: str, threshold: float = 0.05, *, coder: str = "coder"):
    """Confusion table of one coder against the tool for one category (rows: coder)."""
    import pandas as pd

    gold = sheet_labels(sheet, threshold, source=coder).get(category)
    tool = sheet_tool_labels(codes, threshold).get(category)
    if gold is None or tool is None:
        raise InputError(
            f"category {category!r} is not coded in this sheet or not given by the tool",
            where=coder,
            fix="Choose another category",
        )
    classes, level = _classes_for(category)
    result = compare(gold, tool, labels=classes, level=level)
    labels = [str(c) for c in result["confusion"]["labels"]]
    matrix = result["confusion"]["matrix"] or [[0] * len(labels) for _ in labels]
    return pd.DataFrame(
        matrix,
        index=pd.Index(labels, name=f"{coder} \\ tool"),
        columns=labels,
    )


def _sentiment_evidence(text: str, tokens) -> str:
    """Words that moved the sentiment score, with their valence after VADER's rules."""
    try:
        from helpers.sentiment import explain_sentence
    except ImportError:
        explain_sentence = None
    if explain_sentence is not None:
        table = explain_sentence(text, tokens=tokens)
        words = []
        for row in table.itertuples(index=False):
            rules = f" [{row.rules}]" if isinstance(row.rules, str) and row.rules.strip() else ""
            if row.valence or rules:  # a word the domain list neutralised is evidence too
                words.append(f"{row.word}({row.valence:+.2f}{rules})")
        return "sentiment: " + " ".join(words) if words else ""
    # without the sentiment module: the VADER lexicon's valence, before any rule
    from helpers.resources import vader_analyzer

    lexicon = vader_analyzer().lexicon
    words = [f"{t.norm}({lexicon[t.norm]:+.1f})" for t in tokens if t.norm in lexicon]
    return "vader lexicon: " + " ".join(words) if words else ""


def tool_evidence(text: str) -> str:
    """Say which words the tool found in a sentence, by analysis.

    The sentiment part lists the words that moved the score with their
    valence after VADER's rules (negation, degree words, "but") and the
    domain adjustments, as :func:`helpers.sentiment.explain_sentence` shows
    them; the others list the dictionary patterns that matched, by
    dictionary and category.

    Examples
    --------
    >>> "summoned" in tool_evidence("The ambassador was summoned.")  # doctest: +SKIP
    True
    """
    from helpers.errors import HelpersError
    from helpers.lexicons import load_dictionary
    from helpers.text import tokenize

    tokens = tokenize(text)
    parts = []
    try:
        sentiment = _sentiment_evidence(text, tokens)
        if sentiment:
            parts.append(sentiment)
    except HelpersError:
        pass
    for name in ("frames_generic", "stance", "diplomacy", "events"):
        try:
            hits = load_dictionary(name).match_tokens(tokens)
        except HelpersError:
            continue
        found: dict[str, list[str]] = {}
        for hit in hits:
            top = hit.category.split("/")[0]
            found.setdefault(top, []).append(text[hit.start : hit.end])
        for top, words in found.items():
            parts.append(f"{name}.{top}: " + ", ".join(dict.fromkeys(words)))
    return "; ".join(parts)


def disagreements(
    sheet, codes, *, threshold: float = 0.05, coder: str = "coder", evidence: bool = True
):
    """Sentences where a coder and the tool part, with the tool's evidence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, category, coder_label, tool_label, text, evidence``,
        one row per sentence and category where both coded and differ.
    """
    import pandas as pd

    human = sheet_labels(sheet, threshold, source=coder)
    tool = sheet_tool_labels(codes, threshold)
    rows = []
    texts = sheet["text"].tolist()
    cache: dict[int, str] = {}
    for category in human:
        if category not in tool:
            continue
        for i, (h, t) in enumerate(zip(human[category], tool[category], strict=True)):
            if h is None or h == t:
                continue
            if evidence and i not in cache:
                cache[i] = tool_evidence(texts[i])
            rows.append(
                {
                    "doc_id": sheet["doc_id"].iloc[i],
                    "sent_id": sheet["sent_id"].iloc[i],
                    "category": category,
                    "coder_label": str(h),
                    "tool_label": str(t),
                    "tool_score": float(codes["sentiment"].iloc[i])
                    if category == "sentiment" and "sentiment" in codes.columns
                    else None,
                    "text": texts[i],
                    "evidence": cache.get(i, ""),
                }
            )
    columns = [
        "doc_id",
        "sent_id",
        "category",
        "coder_label",
        "tool_label",
        "tool_score",
        "text",
        "evidence",
    ]
    return pd.DataFrame(rows, columns=columns)


def load_sheets(sheet_a: str = "", sheet_b: str = "") -> dict:
    """Load one or two coded sheets for the notebook; empty ``sheet_a`` = the shipped example.

    Each sheet is named after its ``coder`` column (first value), else
    ``A`` / ``B``; two sheets with one name become ``<name> (A)``, ``<name> (B)``.
    """
    chosen = [("A", sheet_a or EXAMPLE_SHEET)]
    if sheet_b:
        chosen.append(("B", sheet_b))
    sheets = {}
    for letter, path in chosen:
        sheet = load_sheet(path)
        name = letter
        if "coder" in sheet.columns:
            coders = [c for c in sheet["coder"].tolist() if str(c).strip()]
            if coders:
                name = str(coders[0]).strip()
        if name in sheets:
            sheets[f"{name} (A)"] = sheets.pop(name)
            name = f"{name} ({letter})"
        sheets[name] = sheet
    return sheets


def validation_dir(output_dir: str | os.PathLike = "") -> Path:
    """Return (and create) the notebook's output folder: ``reports/validation/`` by default."""
    from helpers.paths import REPORTS_DIR, safe_join

    out = Path(output_dir) if output_dir else safe_join(REPORTS_DIR, "validation")
    out.mkdir(parents=True, exist_ok=True)
    return out


# -- command line -------------------------------------------------------------------


def add_codesheet_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``codesheet`` command's arguments."""
    parser.add_argument("article", metavar="ARTICLE", help="article id or path")
    parser.add_argument("-o", "--output", required=True, metavar="SHEET", help="CSV file to write")
    parser.add_argument(
        "--coder", default="", help="coder's name or initials, written into each row"
    )
    parser.add_argument(
        "--threshold", type=float, default=0.05, help="sentiment neutral band (default 0.05)"
    )
    parser.add_argument(
        "--blind", action="store_true", help="leave out the tool's codes (recommended for coders)"
    )


def run_codesheet_command(args) -> int:
    """Write a coding sheet; print where."""
    path = write_coding_sheet(
        args.article, args.output, coder=args.coder, threshold=args.threshold, blind=args.blind
    )
    print(f"coding sheet -> {path}")
    return 0


def add_validate_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``validate`` command's arguments."""
    parser.add_argument(
        "--gold", required=True, metavar="FILE", help="CSV, TSV or JSON Lines with texts and labels"
    )
    parser.add_argument(
        "--text-column", default="text", help="column holding the text (default: text)"
    )
    parser.add_argument(
        "--label-column", default="label", help="column holding the gold label (default: label)"
    )
    parser.add_argument(
        "--measure",
        required=True,
        help="sentiment, sentiment_raw, uncertain, intensity, quad_class or a frame column "
        "(frame_conflict, policy_…)",
    )
    parser.add_argument(
        "--threshold", type=float, default=0.05, help="sentiment neutral band (default 0.05)"
    )
    parser.add_argument(
        "--gold-threshold",
        type=float,
        default=None,
        help="neutral band for numeric gold ratings (default: --threshold)",
    )
    parser.add_argument("-o", "--output", metavar="JSON", help="write the result as JSON")


def run_validate_command(args) -> int:
    """Validate, print the table, write JSON when asked."""
    from helpers.provenance import write_json_atomic

    if args.output and Path(args.output).suffix.lower() != ".json":
        raise InputError(
            "the result is written as JSON",
            where=args.output,
            fix="Name the output file with .json",
        )
    gold = read_gold(args.gold, args.text_column, args.label_column)
    result = validate(
        gold,
        text_column=args.text_column,
        label_column=args.label_column,
        measure=args.measure,
        threshold=args.threshold,
        gold_threshold=args.gold_threshold,
        source=str(args.gold),
    )
    print(format_result(result))
    if args.output:
        write_json_atomic(args.output, result)
        print(f"result -> {args.output}", file=sys.stderr)
    return 0
