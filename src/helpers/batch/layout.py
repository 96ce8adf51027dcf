"""Where the batch puts things in a reports folder, and which names it keeps for itself.

A run's reports folder holds one folder per article (``<article id>/``), the
folders of the notebooks that are not per article (``_corpus/``,
``_standalone/``), the failed renders (``_failed/<folder>/<notebook>/`` and
their records), ``index.html``, ``failures.csv``, the corpus-wide tables
``corpus_codes.csv`` and ``corpus_sentences.csv``, and the lock file
``.batch.lock``. Renders are staged in hidden ``.tmp-*`` folders beside their
report.
"""

from __future__ import annotations

from pathlib import Path

# Renders are staged in folders named so; provenance records a path in one as the report folder.
from helpers.provenance import STAGING_PREFIX  # noqa: F401 - part of the layout

#: Folders (inside a run's reports folder) for notebooks that are not per article.
COLLECTION_FOLDERS = {"corpus": "_corpus", "standalone": "_standalone"}
#: Where failed renders are kept, apart from the good reports they do not replace.
FAILED_FOLDER = "_failed"
RECORD_SUFFIX = ".batch.json"
INDEX_NAME = "index.html"
FAILURES_NAME = "failures.csv"
LOCK_NAME = ".batch.lock"
#: The corpus-wide long tables (helpers.compare.long), for R, Stata and spreadsheets.
CODES_NAME = "corpus_codes.csv"
SENTENCES_NAME = "corpus_sentences.csv"
#: Names of files the batch writes into a reports folder: no article or run may take them.
RESERVED_NAMES = (INDEX_NAME, FAILURES_NAME, LOCK_NAME, CODES_NAME, SENTENCES_NAME)


def record_path(folder: str | Path, notebook: str) -> Path:
    """Return where the record of ``notebook``'s report in ``folder`` lives.

    Examples
    --------
    >>> record_path("reports/alpha", "02_sentiment").as_posix()
    'reports/alpha/02_sentiment.batch.json'
    """
    return Path(folder) / f"{notebook}{RECORD_SUFFIX}"


def failed_folder(reports_root: str | Path, folder: str, notebook: str) -> Path:
    """Return where the files of a failed render of ``notebook`` in ``folder`` are kept.

    Examples
    --------
    >>> failed_folder("reports", "alpha", "02_sentiment").as_posix()
    'reports/_failed/alpha/02_sentiment'
    """
    return Path(reports_root) / FAILED_FOLDER / folder / notebook


def failure_record_path(reports_root: str | Path, folder: str, notebook: str) -> Path:
    """Return where the record of a failed render of ``notebook`` in ``folder`` lives.

    Examples
    --------
    >>> failure_record_path("reports", "alpha", "02_sentiment").as_posix()
    'reports/_failed/alpha/02_sentiment.batch.json'
    """
    return record_path(Path(reports_root) / FAILED_FOLDER / folder, notebook)


def is_reserved_name(name: str) -> bool:
    """Return whether ``name`` cannot be an article id or run name.

    Names starting with ``_`` are the batch's folders (``_corpus``,
    ``_standalone``, ``_failed``); ``index.html``, ``failures.csv`` and the
    lock file are its files (compared without case, for case-insensitive disks).

    Examples
    --------
    >>> is_reserved_name("_corpus"), is_reserved_name("Index.HTML"), is_reserved_name("alpha")
    (True, True, False)
    """
    return name.startswith("_") or name.lower() in RESERVED_NAMES
