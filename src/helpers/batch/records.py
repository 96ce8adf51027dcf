"""The batch's own record of each report: ``<report folder>/<notebook>.batch.json``.

A record says how a render went (status, failing cell and error, timings,
fingerprint, the files it made). It is written last, so its presence says
that the report beside it is complete.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers.io import write_text_atomic


def read_record(path: str | Path) -> dict | None:
    """Return the record at ``path``; None when it is missing or unreadable."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_record(path: str | Path, record: dict[str, Any], *, despite_stop: bool = False) -> Path:
    """Write ``record`` as JSON to ``path`` atomically.

    ``despite_stop``: write it even after the batch was asked to stop (a
    failure's record; see :func:`helpers.io.atomic_path`).
    """
    text = json.dumps(record, indent=2, sort_keys=True, default=str) + "\n"
    return write_text_atomic(text, path, despite_stop=despite_stop)


def job_record(job, **fields: Any) -> dict[str, Any]:
    """The fields every record of ``job`` starts with, plus ``fields``."""
    return {
        "run": job.run,
        "notebook": job.notebook,
        "kind": job.kind,
        "article": job.article,
        **fields,
    }


def crashed_record(job, exc: BaseException) -> dict[str, Any]:
    """The record of a job that could not even report its own failure."""
    return job_record(
        job,
        status="failed",
        cell=None,
        error=f"worker crashed: {type(exc).__name__}: {exc}",
        seconds=None,
    )
