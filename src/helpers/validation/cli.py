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
        help="sentiment, sentiment_raw, uncertain, intensity, quad_class or a frame column "
        "(frame_conflict, policy_…)",
    )
    _add_threshold_argument(parser)
    parser.add_argument(
        "--gold-threshold",
        type=float,
        default=None,
        help="neutral band for numeric gold ratings, on their scale: any number >= 0 "
        "(default: --threshold)",
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
    check_threshold(args.threshold, where="--threshold")
    if args.gold_threshold is not None:
        check_gold_threshold(args.gold_threshold, where="--gold-threshold")
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
