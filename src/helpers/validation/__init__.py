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
``target_sentiment``
    The tone toward a named target (``score --target-column``), classed as
    ``sentiment``; the gold table names each row's target (a column, or
    offsets), or is JSON Lines with a list of targets per sentence (the
    NewsMTSC layout: :mod:`helpers.validation.targets`).

Statistics: precision, recall and F1 per class and macro-averaged, accuracy,
Cohen's kappa and the confusion matrix come from scikit-learn; Krippendorff's
alpha from the ``krippendorff`` package (nominal; ordinal for intensity;
interval for sentiment ratings on VADER's -1..+1 scale). An empty label
means "not coded" and the row is left out (the count is reported).

What agreement does not show: two coders trained on the same codebook can
share a bias, and high agreement with the tool on sentences written or picked
by its developers says little about other text. See the README section "How valid is it?".

Where things are
----------------
``labels.py``
    The classes of each measure and the readers of what a coder writes.
``measures.py``
    One record per measure (its column, analysis, classes, readers); a new
    measure for ``validate`` is a new record there.
``tool.py``
    The tool's codes for texts (as ``score`` gives them) and its evidence.
``stats.py``
    Agreement statistics: :func:`compare`, Krippendorff's alpha, bootstrap
    intervals, correlations.
``tables.py``
    Reading coding sheets and gold tables.
``sheets.py``
    Writing and loading coding sheets.
``gold.py``
    :func:`validate` against a gold table, and its result as text.
``agreement.py``
    Agreement on coding sheets and the disagreements with evidence.
``targets.py``
    Gold standards of tone toward targets (one unit per target).
``cli.py``
    The ``codesheet`` and ``validate`` commands.
"""

from __future__ import annotations

from helpers.validation.agreement import (
    SHEET_CATEGORIES,
    disagreements,
    sheet_agreement,
    sheet_confusion,
    sheet_labels,
    sheet_tool_labels,
)
from helpers.validation.cli import (
    add_codesheet_arguments,
    add_validate_arguments,
    run_codesheet_command,
    run_validate_command,
)
from helpers.validation.gold import format_result, validate
from helpers.validation.labels import (
    GENERIC_FRAMES,
    INTENSITY_LEVELS,
    QUAD_CLASSES,
    SENTIMENT_CLASSES,
    check_gold_threshold,
    frame_label,
    frame_name,
    normalize_quad,
    parse_bool,
    parse_frames,
    parse_intensity,
    parse_sentiment,
    sentiment_class,
)
from helpers.validation.measures import (
    MEASURES,
    SENTIMENT_MEASURES,
    Measure,
    available_measures,
    check_measure,
    find_measure,
    get_measure,
    gold_labels,
    measure_names,
    tool_labels,
)
from helpers.validation.sheets import (
    CODER_COLUMNS,
    EXAMPLE_DIR,
    EXAMPLE_SHEET,
    ID_COLUMNS,
    TOOL_COLUMNS,
    coding_sheet,
    load_sheet,
    load_sheets,
    protect_cell,
    unprotect_cell,
    validation_dir,
    write_coding_sheet,
)
from helpers.validation.stats import (
    bootstrap_intervals,
    compare,
    correlation,
    krippendorff_alpha,
)
from helpers.validation.tables import read_gold
from helpers.validation.targets import (
    NEWSMTSC_POLARITY,
    TARGET_MEASURE,
    has_target_lists,
    read_target_gold,
)
from helpers.validation.tool import available_analyses, tool_codes, tool_evidence

__all__ = [
    "CODER_COLUMNS",
    "EXAMPLE_DIR",
    "EXAMPLE_SHEET",
    "GENERIC_FRAMES",
    "ID_COLUMNS",
    "INTENSITY_LEVELS",
    "MEASURES",
    "NEWSMTSC_POLARITY",
    "QUAD_CLASSES",
    "SENTIMENT_CLASSES",
    "SENTIMENT_MEASURES",
    "SHEET_CATEGORIES",
    "TARGET_MEASURE",
    "TOOL_COLUMNS",
    "Measure",
    "add_codesheet_arguments",
    "add_validate_arguments",
    "available_analyses",
    "available_measures",
    "bootstrap_intervals",
    "check_gold_threshold",
    "check_measure",
    "coding_sheet",
    "compare",
    "correlation",
    "disagreements",
    "find_measure",
    "format_result",
    "frame_label",
    "frame_name",
    "get_measure",
    "has_target_lists",
    "gold_labels",
    "krippendorff_alpha",
    "load_sheet",
    "load_sheets",
    "measure_names",
    "normalize_quad",
    "parse_bool",
    "parse_frames",
    "parse_intensity",
    "parse_sentiment",
    "protect_cell",
    "read_gold",
    "read_target_gold",
    "run_codesheet_command",
    "run_validate_command",
    "sentiment_class",
    "sheet_agreement",
    "sheet_confusion",
    "sheet_labels",
    "sheet_tool_labels",
    "tool_codes",
    "tool_evidence",
    "tool_labels",
    "unprotect_cell",
    "validate",
    "validation_dir",
    "write_coding_sheet",
]
