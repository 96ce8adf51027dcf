"""Measure the tool on the development sets: ``python benchmarks/validity/run.py DEVSETS``.

``DEVSETS`` is the folder of human-labelled development data (in the
project's workplace, ``../shared/devsets``; see its README for the origin
and licence of each set). The sets are not shipped with the project and no
test reads them: this script measures, it asserts nothing.

Writes ``benchmarks/validity_results.json`` (every figure, with the commit
and the time) and prints one Markdown table per section, which is what the
README's validity section reports.

Sections (``--only``): events, uncertainty, frames, target_tone; a section
whose module is missing is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))  # the section modules import devsets by name

SECTIONS = ("events", "uncertainty", "frames", "target_tone", "speakers")
RESULTS = HERE.parent / "validity_results.json"


def _commit() -> str:
    done = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devsets", type=Path, help="folder of the development sets")
    parser.add_argument("--only", default="", help=f"comma-separated, from {', '.join(SECTIONS)}")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    args = parser.parse_args(argv)
    if not args.devsets.is_dir():
        parser.error(f"{args.devsets} is not a folder")
    chosen = [s.strip() for s in args.only.split(",") if s.strip()] or list(SECTIONS)
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    results = {"commit": _commit(), "started": datetime.now(UTC).isoformat(timespec="seconds")}
    for name in chosen:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            print(f"## {name}\n\n(no module benchmarks/validity/{name}.py yet)\n")
            continue
        clock = time.perf_counter()
        result = module.measure(args.devsets)
        result["seconds"] = round(time.perf_counter() - clock, 1)
        results[name] = result
        print(f"## {name}\n\n{module.markdown(result)}\n")
    previous = {}
    if args.json.exists() and set(chosen) != set(SECTIONS):
        previous = json.loads(args.json.read_text(encoding="utf-8"))  # keep other sections
    args.json.write_text(
        json.dumps({**previous, **results}, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"written: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
