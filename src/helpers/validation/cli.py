"""The ``codesheet`` and ``validate`` commands (``python -m helpers codesheet|validate``).

:mod:`helpers.cli` finds them by name (``add_codesheet_arguments``,
``run_codesheet_command``, ``add_validate_arguments``, ``run_validate_command``,
re-exported by :mod:`helpers.validation`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.errors import InputError
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold
from helpers.validation.gold import format_result, validate
from helpers.validation.labels import check_gold_threshold
from helpers.validation.sheets import write_coding_sheet
from helpers.validation.tables import read_gold
from helpers.validation.targets import (
    NEWSMTSC_TEXT,
    TARGET_MEASURE,
    has_target_lists,
    read_target_gold,
)


def _add_threshold_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"sentiment neutral band (default {DEFAULT_THRESHOLD})",
    )


def add_codesheet_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``codesheet`` command's arguments."""
    parser.add_argument("article", metavar="ARTICLE", help="article id or path")
    parser.add_argument("-o", "--output", required=True, metavar="SHEET", help="CSV file to write")
    parser.add_argument(
        "--coder", default="", help="coder's name or initials, written into each row"
    )
    _add_threshold_argument(parser)
    parser.add_argument(
        "--blind", action="store_true", help="leave out the tool's codes (recommended for coders)"
    )


def run_codesheet_command(args) -> int:
    """Write a coding sheet; print where."""
    check_threshold(args.threshold, where="--threshold")
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
        help="sentiment, sentiment_raw, target_sentiment, uncertain, intensity, quad_class or "
        "a frame column (frame_conflict, policy_…)",
    )
    _add_threshold_argument(parser)
    group = parser.add_argument_group(
        "tone toward a target (--measure target_sentiment; JSON Lines with a list of "
        "targets per sentence, as NewsMTSC, need none of these)"
    )
    group.add_argument("--target-column", default="", help="column naming each row's target")
    group.add_argument(
        "--target-start-column", default="", help="column with the target's start offset"
    )
    group.add_argument("--target-end-column", default="", help="column with its end offset")
    parser.add_argument(
        "--gold-threshold",
        type=float,
        default=None,
        help="neutral band for numeric gold ratings, on their scale: any number >= 0 "
        "(default: --threshold)",
    )
    parser.add_argument("-o", "--output", metavar="JSON", help="write the result as JSON")


def _gold_and_targets(args):
    """The gold table's chunks, its text and label columns, and where its targets are.

    JSON Lines with a list of targets per sentence (NewsMTSC's layout) are
    read as one unit per target (:func:`helpers.validation.targets.read_target_gold`);
    any other table as it is, with the target options as given.
    """
    from helpers.sentiment import TargetColumns

    options = (args.target_column, args.target_start_column, args.target_end_column)
    if args.measure == TARGET_MEASURE and not any(options) and has_target_lists(args.gold):
        text = args.text_column if args.text_column != "text" else NEWSMTSC_TEXT
        targets = TargetColumns("target", "", "target_start", "target_end")
        return read_target_gold(args.gold, text), text, "label", targets
    gold = read_gold(args.gold, args.text_column, args.label_column)
    targets = TargetColumns(options[0], "", options[1], options[2]) if any(options) else None
    return gold, args.text_column, args.label_column, targets


def run_validate_command(args) -> int:
    """Validate, print the table, write JSON when asked."""
    from helpers.provenance import write_json_atomic

    if args.output and Path(args.output).suffix.lower() != ".json":
        raise InputError(
            "the result is written as JSON",
            where=args.output,
            fix="Name the output file with .json",
        )
    check_threshold(args.threshold, where="--threshold")
    if args.gold_threshold is not None:
        check_gold_threshold(args.gold_threshold, where="--gold-threshold")
    gold, text_column, label_column, targets = _gold_and_targets(args)
    result = validate(
        gold,
        text_column=text_column,
        label_column=label_column,
        measure=args.measure,
        threshold=args.threshold,
        gold_threshold=args.gold_threshold,
        source=str(args.gold),
        targets=targets,
    )
    print(format_result(result))
    if args.output:
        write_json_atomic(args.output, result)
        print(f"result -> {args.output}", file=sys.stderr)
    return 0
