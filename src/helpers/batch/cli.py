"""The ``batch`` command: ``python -m helpers batch`` (or ``python -m helpers.batch``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpers import stopping
from helpers.batch.freshness import decide
from helpers.batch.parameters import parse_parameter
from helpers.batch.plan import DEFAULT_TIMEOUT, plan_batch
from helpers.batch.pool import check_jobs
from helpers.batch.runner import run_batch
from helpers.batch.signals import TERMINATED_STATUS, Terminated
from helpers.errors import HelpersError


def add_batch_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``batch`` command's options to ``parser`` (used by ``helpers.cli``)."""
    parser.add_argument("--notebooks", help="notebook numbers or names, e.g. 02,03 (default all)")
    parser.add_argument("--articles", help="article ids, e.g. id1,id2 (default all)")
    parser.add_argument(
        "--run",
        dest="run_files",
        action="append",
        metavar="FILE",
        help="a run file (runs/*.yml); repeat for several; outputs go to reports/<run name>/",
    )
    parser.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a notebook parameter (VALUE read as YAML: 0.1, false, [a, b])",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="renders at a time, each in its own worker process "
        "(1 to 4 x the cores; default: the number of cores)",
    )
    parser.add_argument("--force", action="store_true", help="render even up-to-date reports")
    parser.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, tcp://host:8786")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds one render may take, all cells together (default {DEFAULT_TIMEOUT:g}); "
        "a render that takes longer fails",
    )
    parser.add_argument("--notebooks-dir", default=None, help="default: notebooks/")
    parser.add_argument("--articles-dir", default=None, help="default: data/articles/")
    parser.add_argument("--reports-dir", default=None, help="default: reports/")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print what a real run would do with each report (render or skip) and why, then stop",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def _print_summary(results) -> int:
    """Print the counts, the index(es) and each failure; return the exit status."""
    counts = results["status"].value_counts()
    print(
        f"{len(results)} report(s): {counts.get('ok', 0)} rendered, "
        f"{counts.get('failed', 0)} failed, {counts.get('skipped', 0)} up to date (skipped) "
        f"in {results.attrs.get('seconds', 0):.1f} s."
    )
    for root in sorted(set(results["out_dir"].map(lambda p: str(Path(p).parent)))):
        print(f"index: {Path(root) / 'index.html'}")
    failed = results[results["status"] == "failed"]
    for row in failed.itertuples(index=False):
        article = row.article if isinstance(row.article, str) else row.kind
        where = f"{row.run + '/' if row.run else ''}{article}/{row.notebook}"
        print(f"FAILED {where}: {row.cell or ''} {row.error or ''}".rstrip(), file=sys.stderr)
    return 1 if len(failed) else 0


def _print_plan(decisions) -> int:
    """Print one line per report, ``render`` or ``skip``, with why and parameters; return 0."""
    for job, reasons in decisions:
        action = "render" if reasons else "skip"
        why = "; ".join(reasons) if reasons else "up to date"
        parameters = json.dumps(job.parameters, default=str) if job.parameters else ""
        print("\t".join([action, job.label, why, parameters]).rstrip())
    rendered = sum(1 for _, reasons in decisions if reasons)
    print(
        f"{len(decisions)} report(s): {rendered} to render, {len(decisions) - rendered} up to "
        "date; parameters checked. Nothing was rendered (--dry-run)."
    )
    return 0


def run_batch_command(args: argparse.Namespace) -> int:
    """Run the ``batch`` command; return its exit status.

    0: every report rendered or up to date; 1: some report failed; 2: bad
    input (one line on standard error, nothing written); 143: stopped by SIGTERM.
    """
    try:
        check_jobs(args.jobs)
        parameters = dict(parse_parameter(item) for item in args.param)
        common = {
            "notebooks": args.notebooks,
            "articles": args.articles,
            "parameters": parameters,
            "run_files": args.run_files,
            "show_code": args.show_code,
            "timeout": args.timeout,
        }
        if args.dry_run:
            plan = plan_batch(args.notebooks_dir, args.articles_dir, args.reports_dir, **common)
            return _print_plan(decide(plan, force=args.force))
        results = run_batch(
            args.notebooks_dir,
            args.articles_dir,
            args.reports_dir,
            jobs=args.jobs,
            force=args.force,
            scheduler=args.scheduler,
            progress=not args.no_progress,
            **common,
        )
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Terminated as exc:
        stopping.clear()  # handled here: said once, and in the exit status
        print(
            f"error: batch {exc}; its staging folders are removed, its workers stopped, "
            "and the reports finished so far are kept (rerun to do the rest)",
            file=sys.stderr,
        )
        return TERMINATED_STATUS
    return _print_summary(results)


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.batch [options]``: the same as ``python -m helpers batch``."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers batch",
        description="Render every analysis notebook for every article, with an index.",
    )
    add_batch_arguments(parser)
    return run_batch_command(parser.parse_args(argv))
