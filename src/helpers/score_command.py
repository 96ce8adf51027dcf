"""The ``score`` command's arguments and its run from them (``python -m helpers score``).

:mod:`helpers.score` does the scoring; this module only reads the command
line into a call of :func:`helpers.score.score_file`.
"""

from __future__ import annotations

import argparse

from helpers.score import ANALYSES, CHUNK_ROWS, JOBS_PER_CORE, score_file
from helpers.score_columns import add_column_arguments
from helpers.workers import usable_cores


def add_score_arguments(parser) -> None:
    """Add the ``score`` command's arguments to an argparse parser."""
    parser.add_argument("input", metavar="INPUT", help="CSV, TSV or JSON Lines file")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUTPUT", help="file to write (.csv/.tsv/.jsonl)"
    )
    parser.add_argument(
        "--text-column", default="text", help="column holding the text (default: text)"
    )
    parser.add_argument(
        "--unit",
        choices=["sentence", "document"],
        default="sentence",
        help="sentence (default): score each row as it is, as one unit; document: split each "
        "row into sentences, score them and aggregate, adding n_sentences",
    )
    parser.add_argument(
        "--analyses",
        default=",".join(ANALYSES),
        help=f"comma-separated, from {', '.join(ANALYSES)} (default: all)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help=f"local worker processes, 1 to {JOBS_PER_CORE} x usable cores (default: the "
        f"usable cores, here {usable_cores()}; --jobs 1 scores in this process)",
    )
    add_column_arguments(parser)
    parser.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--chunk-rows", type=int, default=CHUNK_ROWS, help=argparse.SUPPRESS)
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    parser.add_argument(
        "--actors",
        metavar="FILE",
        help="the project's own actors file, read on top of data/lexicons/actors.yml "
        "(default: data/project_actors.yml when it exists)",
    )
    group = parser.add_argument_group("tone toward a target (sentences, with sentiment)")
    group.add_argument("--target-column", default="", help="column naming each row's target")
    group.add_argument("--target", default="", help="one target for every row, e.g. Russia")
    group.add_argument(
        "--target-start-column", default="", help="column with the target's start offset"
    )
    group.add_argument("--target-end-column", default="", help="column with its end offset")


def run_score_command(args) -> int:
    """Run ``score`` from parsed arguments; print a one-line summary."""
    analyses = [a.strip() for a in args.analyses.split(",") if a.strip()]
    if getattr(args, "actors", None):
        from helpers.actors import use_project_actors

        use_project_actors(args.actors)  # every analysis, and every --jobs worker, reads it
    target = None
    if args.target_column or args.target or args.target_start_column or args.target_end_column:
        from helpers.sentiment import TargetColumns

        target = TargetColumns(
            args.target_column, args.target, args.target_start_column, args.target_end_column
        )
    rows = score_file(
        args.input,
        args.output,
        text_column=args.text_column,
        unit=args.unit,
        analyses=analyses,
        jobs=usable_cores() if args.jobs is None else args.jobs,
        scheduler=args.scheduler,
        chunk_rows=args.chunk_rows,
        progress=args.progress,
        id_column=args.id_column,
        date_column=args.date_column,
        targets=target,
        ends_after=True,  # this process ends when the table is scored
    )
    print(f"scored {rows} rows ({args.unit}) -> {args.output}")
    return 0
