"""Which reports a batch renders, and why: one answer for ``--dry-run`` and for the real run.

:func:`decide` goes through the plan before anything runs and gives each job
the reasons it must be rendered (none: it is up to date). A report is
rendered when

* ``--force`` is given;
* its last render failed, or it has no report yet;
* a file the batch wrote for it is missing, or changed since (a notebook run
  by hand into ``reports/``, an edited table): the batch owns ``reports/``;
* one of its inputs changed (:func:`helpers.batch.inputs.describe_changes`
  names which);
* (corpus notebooks) a report it reads is rendered in this run.

The last rule is what makes the answer knowable in advance: a corpus
notebook reads the tables the article notebooks are about to write, so it is
rendered whenever one of them is, whatever their new tables hold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers.batch.inputs import describe_changes, short_sha256
from helpers.batch.layout import failure_record_path, record_path
from helpers.batch.plan import Job
from helpers.batch.records import read_record


def file_digests(folder: Path, names) -> dict[str, str]:
    """``{name: short sha256}`` of the files ``names`` in ``folder`` that exist."""
    return {name: short_sha256(folder / name) for name in names if (folder / name).is_file()}


def _file_reasons(out_dir: Path, record: dict[str, Any]) -> list[str]:
    """Files of the report that are gone, or that someone else changed since."""
    files = list(record.get("files") or ())
    missing = [name for name in files if not (out_dir / name).is_file()]
    reasons = [f"file(s) missing: {', '.join(missing)}"] if missing else []
    recorded = record.get("file_sha256") or {}
    now = file_digests(out_dir, [name for name in recorded if name not in missing])
    changed = [name for name, digest in now.items() if recorded[name] != digest]
    if changed:
        reasons.append(f"file(s) changed since the batch wrote them: {', '.join(changed)}")
    return reasons


def stale_reasons(job: Job, *, force: bool = False) -> list[str]:
    """Why ``job`` must be rendered; an empty list when its report is up to date."""
    if force:
        return ["--force"]
    out_dir = Path(job.out_dir)
    if failure_record_path(job.reports_root, out_dir.name, job.notebook).exists():
        return ["its last render failed"]
    record = read_record(record_path(out_dir, job.notebook))
    if not record:
        return ["no report yet"]
    if record.get("status") != "ok":
        return ["its last render did not succeed"]
    reasons = _file_reasons(out_dir, record)
    if record.get("fingerprint") != job.fingerprint:
        if "inputs" not in record:
            reasons.append("rendered by an older batch, which did not record its inputs")
        else:
            reasons.extend(describe_changes(record["inputs"], job.inputs) or ["inputs changed"])
    return reasons


def decide(plan: list[Job], *, force: bool = False) -> list[tuple[Job, list[str]]]:
    """Return each job of ``plan`` with the reasons it is rendered (empty: skipped)."""
    decisions = [(job, stale_reasons(job, force=force)) for job in plan if job.kind != "corpus"]
    rendered = [job for job, reasons in decisions if reasons]
    for job in (job for job in plan if job.kind == "corpus"):
        reasons = stale_reasons(job, force=force)
        upstream = [
            other.label
            for other in rendered
            if other.kind == "article" and other.reports_root == job.reports_root
        ]
        if upstream and not force:
            reasons.append(
                "reports it reads are rendered in this run: "
                + ", ".join(upstream[:5])
                + (f" and {len(upstream) - 5} more" if len(upstream) > 5 else "")
            )
        decisions.append((job, reasons))
    return decisions
