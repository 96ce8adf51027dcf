"""The measures ``validate`` compares, one record each; a new measure is a new record.

A measure is a column of the tool's output (``python -m helpers score``)
compared with a gold label. Its :class:`Measure` record says which analysis
writes the column, what the classes are, and how to read a gold cell and a
tool cell as a label. Everything else (scoring, statistics, the printed table,
the coding-sheet agreement) is the same for every measure.

To add one, append a record to :data:`MEASURES` (the first record whose
``pattern`` matches a column name wins, so put a specific pattern such as
``frame_\\w+_score`` before a general one such as ``frame_.*``), and a test.

Examples
--------
>>> find_measure("frame_conflict").analysis, find_measure("intensity").level
('framing', 'ordinal')
>>> find_measure("tone") is None
True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpers.diplomacy.uncertainty import CLASSES as UNCERTAINTY_CLASSES
from helpers.errors import InputError, ResourceError
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold
from helpers.validation.labels import (
    INTENSITY_LEVELS,
    QUAD_CLASSES,
    SENTIMENT_CLASSES,
    check_gold_threshold,
    frame_label,
    normalize_quad,
    parse_bool,
    parse_intensity,
    parse_sentiment,
    sentiment_class,
)
from helpers.validation.tool import available_analyses

#: Sentiment measures: the domain-aware score and plain VADER (for comparison).
SENTIMENT_MEASURES: tuple[str, ...] = ("sentiment", "sentiment_raw")


@dataclass(frozen=True)
class Measure:
    """How one measure, or a family of columns, is read and compared.

    Attributes
    ----------
    pattern : str
        Regular expression that the tool's column name matches in full.
    analysis : str
        The analysis (a key of :data:`helpers.score.ANALYSES`) whose output
        holds the column.
    classes : tuple
        The labels in order: rows and columns of the confusion matrix.
    level : {"nominal", "ordinal"}
        Scale for Krippendorff's alpha.
    read_gold : callable
        ``read_gold(value, measure, threshold, where) -> (label, rating)``:
        a gold cell as a label (``None`` when not coded) and, when the cell
        was a numeric rating, the number (else ``None``).
    read_tool : callable
        ``read_tool(value, threshold) -> label``: one cell of the tool's column.
    rated : bool
        Numeric gold labels are ratings on the column's own scale, so
        :func:`helpers.validation.validate` also correlates them with it.
    column : str
        For a measure read from another column (one class of the
        ``;``-separated ``uncertainty``), that column; "" when the measure
        is a column of its own.
    """

    pattern: str
    analysis: str
    classes: tuple
    level: str
    read_gold: Callable[[Any, str, float, str], tuple[Any, float | None]]
    read_tool: Callable[[Any, float], Any]
    rated: bool = False
    column: str = ""

    def matches(self, name: str) -> bool:
        """Whether ``name`` is a column of this measure."""
        return re.fullmatch(self.pattern, name) is not None


def _unrated(parse) -> Callable[[Any, str, float, str], tuple[Any, None]]:
    """A gold reader for labels that are never ratings, from a ``parse(value, where=)``."""

    def read(value, measure: str, threshold: float, where: str):
        return parse(value, where=where), None

    return read


def _gold_sentiment(value, measure: str, threshold: float, where: str):
    return parse_sentiment(value, threshold, where=where)


def _tool_target(value, threshold: float):
    """The tool's class of the tone toward a target; None when the target was not found."""
    return None if value == "" or value is None else sentiment_class(float(value), threshold)


def _gold_frame(value, measure: str, threshold: float, where: str):
    return frame_label(value, measure, where=where), None


#: Every measure, the first match wins.
MEASURES: tuple[Measure, ...] = (
    Measure(
        pattern="|".join(SENTIMENT_MEASURES),
        analysis="sentiment",
        classes=SENTIMENT_CLASSES,
        level="nominal",
        read_gold=_gold_sentiment,
        read_tool=lambda value, threshold: sentiment_class(float(value), threshold),
        rated=True,
    ),
    Measure(
        pattern="target_sentiment",  # needs targets: helpers.validation.targets
        analysis="sentiment",
        classes=SENTIMENT_CLASSES,
        level="nominal",
        read_gold=_gold_sentiment,
        read_tool=_tool_target,
    ),
    Measure(
        pattern="uncertain",
        analysis="diplomacy",
        classes=(False, True),
        level="nominal",
        read_gold=_unrated(parse_bool),
        read_tool=lambda value, threshold: bool(value),
    ),
    *(  # one per class of the ``uncertainty`` column, for gold files coded by class
        Measure(
            pattern=f"uncertain_{name}",
            analysis="diplomacy",
            classes=(False, True),
            level="nominal",
            read_gold=_unrated(parse_bool),
            read_tool=lambda value, threshold, name=name: name in str(value or "").split(";"),
            column="uncertainty",
        )
        for name in UNCERTAINTY_CLASSES
    ),
    Measure(
        pattern="intensity",
        analysis="diplomacy",
        classes=INTENSITY_LEVELS,
        level="ordinal",
        read_gold=_unrated(parse_intensity),
        read_tool=lambda value, threshold: int(value),
    ),
    Measure(
        pattern="quad_class",
        analysis="diplomacy",
        classes=QUAD_CLASSES,
        level="nominal",
        read_gold=_unrated(normalize_quad),
        read_tool=lambda value, threshold: normalize_quad(value, missing="none"),
    ),
    Measure(
        # a frame's presence; its 0-1 scale (frame_<name>_score) is no label
        pattern=r"(frame|policy)_\w+(?<!_score)",
        analysis="framing",
        classes=(False, True),
        level="nominal",
        read_gold=_gold_frame,
        read_tool=lambda value, threshold: float(value) > 0,
    ),
)


def find_measure(name: str) -> Measure | None:
    """Return the :class:`Measure` a column name belongs to, or ``None``."""
    return next((spec for spec in MEASURES if spec.matches(name)), None)


def get_measure(name: str) -> Measure:
    """Return the :class:`Measure` of ``name``; refuse a name no measure knows.

    Raises
    ------
    InputError
        When no record of :data:`MEASURES` matches (as :func:`check_measure`).
    """
    spec = find_measure(name)
    if spec is None:
        raise _unknown_measure(name)
    return spec


def available_measures() -> list[str]:
    """Return the measures the installed analyses give, in the order of ``score``'s columns."""
    from helpers.score import output_columns

    analyses = available_analyses()
    return measure_names(output_columns(analyses, target="sentiment" in analyses))


def check_measure(name: str) -> Measure:
    """Return the :class:`Measure` of a column the installed analyses give; refuse any other.

    Checked before any text is scored, so a typing error costs nothing.

    Raises
    ------
    InputError
        When ``name`` is not one of :func:`available_measures` (the message
        lists them and suggests the closest).
    ResourceError
        When the analysis that would give it is not installed.
    """
    spec = find_measure(name)
    if spec is not None and spec.analysis not in available_analyses():
        raise ResourceError(
            f"the {spec.analysis} analysis (helpers.{spec.analysis}) is not installed",
            where="--measure",
            fix="Install the project with `make setup`",
        )
    if spec is None or name not in available_measures():
        raise _unknown_measure(name)
    return spec


def _unknown_measure(name: str) -> InputError:
    valid = available_measures()
    guess = difflib.get_close_matches(name, valid, n=1)
    suggestion = f"Did you mean {guess[0]!r}? " if guess else ""
    return InputError(
        f"unknown measure {name!r}",
        where="--measure",
        fix=f"{suggestion}Measures the installed analyses give: {', '.join(valid)}",
    )


def measure_names(columns) -> list[str]:
    """Return the measures the tool's output columns allow.

    Examples
    --------
    >>> measure_names(["sentiment", "frame_conflict", "frame_conflict_score", "policy_legality"])
    ['sentiment', 'frame_conflict', 'policy_legality']
    >>> measure_names(["uncertain", "uncertainty"])[:3]
    ['uncertain', 'uncertain_epistemic', 'uncertain_doxastic']
    """
    names = []
    for column in columns:
        if find_measure(column) is not None:
            names.append(column)
        names += [spec.pattern for spec in MEASURES if spec.column and spec.column == column]
    return names


def classes_for(measure: str) -> tuple[list, str]:
    """Return the classes (in order) and the alpha level of a measure."""
    spec = get_measure(measure)
    return list(spec.classes), spec.level


def gold_labels(
    values,
    measure: str,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    source: str = "gold",
    first_row: int = 0,
):
    """Read gold labels for a measure; return ``(labels, ratings)``.

    ``ratings`` holds the numbers of numeric sentiment labels (else ``None``).
    Row numbers in errors count the header as row 1 (``first_row`` is the
    0-based index of the first value in the whole table).
    """
    check_gold_threshold(threshold, where="threshold")
    read = get_measure(measure).read_gold
    labels, ratings = [], []
    for number, value in enumerate(values, start=first_row):
        label, rating = read(value, measure, threshold, f"{source}, row {number + 2}")
        labels.append(label)
        ratings.append(rating)
    return labels, ratings


def tool_labels(codes, measure: str, threshold: float = DEFAULT_THRESHOLD) -> list:
    """The tool's label for a measure, per row of :func:`tool_codes` output."""
    check_threshold(threshold, where="threshold")
    spec = get_measure(measure)
    column = spec.column or measure
    if column not in codes.columns:
        raise InputError(
            f"the tool gives no column {column!r}",
            where="--measure",
            fix="Measures available now: " + ", ".join(measure_names(codes.columns)),
        )
    return [spec.read_tool(value, threshold) for value in codes[column].tolist()]
