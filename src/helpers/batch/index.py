"""``index.html``, ``failures.csv`` and the corpus-wide tables of a run's reports folder.

The page is rendered from the jinja2 template ``templates/index.html.j2``
(shipped with the package) with autoescaping on, so every text that comes
from an article, a notebook or an error message is escaped. It lists each
article with its title, outlet, date and sentence count, its reports and
their key figures; it names no folder of the machine that made it.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from helpers.batch.layout import CODES_NAME, FAILED_FOLDER, RECORD_SUFFIX, SENTENCES_NAME
from helpers.batch.records import read_record
from helpers.io import write_table_atomic, write_text_atomic

FAILURE_COLUMNS = [
    "run",
    "notebook",
    "article",
    "cell",
    "error",
    "seconds",
    "report",
    "previous_report",
    "finished",
]
#: Facts shown before an article's reports, and key figures after them
#: (see :func:`helpers.compare.key_figures`).
FACT_NAMES = ("title", "outlet", "published", "sentences")
FIGURE_NAMES = ("mean_sentiment", "dominant_frame", "highest_intensity")


def _records_in(folder: Path) -> list[dict[str, Any]]:
    records = []
    for path in sorted(folder.glob(f"*{RECORD_SUFFIX}")):
        record = read_record(path)
        if record:
            record["folder"] = folder.name
            records.append(record)
    return records


def collect_records(reports_root: str | os.PathLike) -> list[dict[str, Any]]:
    """Return the record of every report in a run's reports folder, one per report.

    Records are read one folder below the reports folder, each with a
    ``folder`` key (the folder's name). Where the last render of a report
    failed, its failure record (from ``_failed/``) stands for the report,
    with ``previous`` set when the good report before it is still in place.
    """
    root = Path(reports_root)
    if not root.is_dir():
        return []
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and not folder.name.startswith(".") and folder.name != FAILED_FOLDER:
            found.update({(r["folder"], r.get("notebook")): r for r in _records_in(folder)})
    failed = root / FAILED_FOLDER
    for folder in sorted(failed.iterdir()) if failed.is_dir() else ():
        for record in _records_in(folder) if folder.is_dir() else ():
            key = (record["folder"], record.get("notebook"))
            previous = found.get(key)
            record["previous"] = bool(previous and previous.get("status") == "ok")
            found[key] = record
    return [found[key] for key in sorted(found, key=lambda key: (key[0], str(key[1])))]


def _failed_notebook(record: dict[str, Any], suffix: str) -> str | None:
    """The path (in the reports folder) of a failed render's notebook or page, if kept."""
    name = f"{record.get('notebook')}{suffix}"
    if record.get("failed_folder"):
        files = record.get("files") or ()
        return f"{record['failed_folder']}/{name}" if name in files else None
    return f"{record.get('folder')}/{name}"  # a failure recorded before failures were kept apart


def failures_table(records: list[dict[str, Any]]):
    """Return the failed records as a table (``FAILURE_COLUMNS``).

    ``report`` is the failed render's executed notebook (kept apart from the
    good reports), ``previous_report`` the good report still in place, if any.
    """
    import pandas as pd

    rows = [
        {
            "run": r.get("run") or "",
            "notebook": r.get("notebook"),
            "article": r.get("article") or r.get("folder"),
            "cell": r.get("cell"),
            "error": r.get("error"),
            "seconds": r.get("seconds"),
            "report": _failed_notebook(r, ".ipynb") or r.get("failed_folder"),
            "previous_report": f"{r.get('folder')}/{r.get('notebook')}.html"
            if r.get("previous")
            else None,
            "finished": r.get("finished"),
        }
        for r in records
        if r.get("status") == "failed"
    ]
    return pd.DataFrame(rows, columns=FAILURE_COLUMNS)


@cache
def _template():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("helpers.batch", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("index.html.j2")


def _cell(folder: str, record: dict | None) -> dict[str, Any] | None:
    """What the index shows of one report: link, status, time, failure."""
    if record is None:
        return None
    name = record["notebook"]
    seconds = record.get("seconds")
    provenance_file = f"{name}.provenance.json"
    failed = record.get("status") == "failed"
    if failed:
        link = _failed_notebook(record, ".html") or _failed_notebook(record, ".ipynb")
    else:
        link = f"{folder}/{name}.html"
    return {
        "name": name,
        "link": link,
        "status": record.get("status", "?"),
        "seconds": seconds if isinstance(seconds, (int, float)) else None,
        "provenance": f"{folder}/{provenance_file}"
        if provenance_file in (record.get("files") or ())
        else None,
        "previous": f"{folder}/{name}.html" if record.get("previous") else None,
        "failed": failed,
        "cell": str(record.get("cell") or ""),
        "error": str(record.get("error") or ""),
    }


def _figure_text(value: Any) -> str:
    """``0.2`` -> ``"+0.200"``, None -> ``"–"``, anything else as text."""
    if isinstance(value, float):
        return f"{value:+.3f}"
    return "–" if value is None else str(value)


def _page(root: Path, records: list[dict[str, Any]], failures) -> str:
    """The index page of ``root`` for ``records``."""
    from helpers.compare import key_figures

    article_records = [r for r in records if r.get("kind", "article") == "article"]
    notebooks = sorted({r["notebook"] for r in article_records})
    cells = {(r["folder"], r["notebook"]): r for r in article_records}
    articles = []
    for folder in sorted({r["folder"] for r in article_records}):
        figures = key_figures(root / folder)
        articles.append(
            {
                "folder": folder,
                "facts": [_figure_text(figures.get(name)) for name in FACT_NAMES],
                "cells": [_cell(folder, cells.get((folder, nb))) for nb in notebooks],
                "figures": [_figure_text(figures.get(name)) for name in FIGURE_NAMES],
            }
        )
    others = [
        {"kind": record.get("kind", ""), "cell": _cell(record["folder"], record)}
        for record in records
        if record.get("kind", "article") != "article"
    ]
    runs = sorted(
        child.name
        for child in root.iterdir()
        if child.is_dir() and (child / "index.html").is_file() and not child.name.startswith(".")
    )
    failure_rows = [
        ["" if value is None else str(value) for value in values]
        for values in failures[["article", "notebook", "cell", "error"]].itertuples(index=False)
    ]
    return _template().render(
        title=root.name,
        folder=_shown(root),
        written=datetime.now().isoformat(timespec="seconds"),
        notebooks=notebooks,
        fact_names=["title", "outlet", "date", "sentences"],
        figure_names=[name.replace("_", " ") for name in FIGURE_NAMES],
        long_tables=[name for name in (CODES_NAME, SENTENCES_NAME) if (root / name).is_file()],
        articles=articles,
        others=others,
        failures=failure_rows,
        runs=runs,
    )


def _shown(root: Path) -> str:
    """The reports folder as the page names it: relative to the project, else by its name."""
    from helpers.provenance import portable_path

    shown = portable_path(root)
    return root.name if shown in (".", None) else shown


def write_corpus_tables(reports_root: str | os.PathLike) -> list[Path]:
    """Write ``corpus_codes.csv`` and ``corpus_sentences.csv`` (:mod:`helpers.compare.long`).

    Nothing is written for a folder without article reports; a table that
    cannot be read leaves its article out rather than stop the batch.
    """
    from helpers.compare import article_folders
    from helpers.compare.long import corpus_codes, corpus_sentences

    root = Path(reports_root)
    if not root.is_dir() or not article_folders(root):
        return []
    return [
        write_table_atomic(corpus_codes(root), root / CODES_NAME),
        write_table_atomic(corpus_sentences(root), root / SENTENCES_NAME),
    ]


def write_index(reports_root: str | os.PathLike) -> Path:
    """Write ``index.html`` and ``failures.csv`` for a run's reports folder.

    One row per article: its title, outlet, date and number of sentences,
    one column per notebook (link, status, seconds), then the key figures
    read from the tables the notebooks wrote (see
    :func:`helpers.compare.key_figures`); then the corpus and standalone
    notebooks, the corpus-wide tables and the failures. Every text is
    HTML-escaped.

    Parameters
    ----------
    reports_root : path-like
        A run's reports folder (created if missing).

    Returns
    -------
    Path
        The ``index.html`` written.
    """
    root = Path(reports_root)
    root.mkdir(parents=True, exist_ok=True)
    records = collect_records(root)
    failures = failures_table(records)
    write_table_atomic(failures, root / "failures.csv")
    return write_text_atomic(_page(root, records, failures), root / "index.html")
