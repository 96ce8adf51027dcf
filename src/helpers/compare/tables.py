"""Find the tables of article reports again, by their columns, and read them.

The per-article notebooks (01-04) save their tables as CSV in
``reports/<article id>/``. A table is recognised by its columns, not only by
its name, so that a renamed table still counts and a new notebook's table is
picked up when it has the columns (see :data:`TABLES`). Where several files of
one article qualify, one whose name matches the table's hint wins, then the
first in name order. Every table read says which file it came from
(``table_file``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.errors import InputError

#: Columns that can hold a frame's salience, most informative first.
SALIENCE_COLUMNS = (
    "per_1000",
    "per_1000_tokens",
    "per_1000_words",
    "salience",
    "share",
    "share_of_sentences",
    "sentences",
    "hits",
    "count",
    "n",
)
#: Columns that can hold a stance marker's density, most informative first.
DENSITY_COLUMNS = ("per_1000", "per_1000_words", "per_1000_tokens", "density", "count", "n", "hits")
#: Columns naming a stance marker type.
MARKER_COLUMNS = ("marker", "stance", "type", "category", "kind", "top")


@dataclass(frozen=True)
class TableSpec:
    """How to recognise one kind of table among a report's CSV files."""

    name: str
    what: str
    needs: tuple[tuple[str, ...], ...]  # every group: at least one of its columns
    hints: tuple[str, ...]  # regular expressions on the file name, best first
    require_hint: bool = False
    forbid: tuple[str, ...] = ()  # columns that mean "a different table"

    def columns_fit(self, columns: set[str]) -> bool:
        return all(any(c in columns for c in group) for group in self.needs) and not (
            columns & set(self.forbid)
        )


#: The tables the comparison reads, by name.
TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "metadata",
            "article metadata, field/value (01_overview)",
            (("field",), ("value",)),
            (r"metadata",),
        ),
        TableSpec(
            "tone",
            "sentence tone: sent_id and compound or sentiment (02_sentiment)",
            (("sent_id",), ("compound", "sentiment")),
            (r"sentiment|tone", r"sentence"),
            # tables with several rows per sentence, or only some sentences
            forbid=("actor", "actor_id", "target", "word", "position", "change", "voice", "unit"),
        ),
        TableSpec(
            "actor_tone",
            "tone toward each actor: actor, mean, n_units (02_sentiment)",
            (("actor",), ("mean",), ("n_units", "sentences", "n")),
            (r"actor",),
            forbid=("sent_id",),
        ),
        TableSpec(
            "mentions",
            "actor mentions: sent_id and actor (01_overview)",
            (("sent_id",), ("actor", "actor_id")),
            (r"mention",),
            require_hint=True,
        ),
        TableSpec(
            "frames",
            "frame salience: frame and a salience column (03_framing)",
            (("frame",), SALIENCE_COLUMNS),
            (r"salience", r"frame"),
            forbid=("sent_id", "question"),
        ),
        TableSpec(
            "stance",
            "stance densities: marker type and density (04_diplomatic_language)",
            (MARKER_COLUMNS, DENSITY_COLUMNS),
            (r"stance", r"densit|modal|hedg"),
            require_hint=True,
            forbid=("sent_id", "articles"),  # a pooled reference table is not the article's
        ),
        TableSpec(
            "intensity",
            "intensity ladder per sentence: sent_id and level (04_diplomatic_language)",
            (("sent_id",), ("level", "intensity")),
            (r"ladder|intens", r"statement"),
        ),
        TableSpec(
            "sourcing",
            "sentences by the source of their statements: sourcing, sentences (04_diplomatic_language)",
            (("sourcing",), ("sentences",)),
            (r"sourcing",),
        ),
        TableSpec(
            "dyads",
            "dyads or events: source and target actors (04_diplomatic_language)",
            (("source", "source_actor"), ("target", "target_actor")),
            (r"dyad", r"event"),
        ),
    )
}

#: The analyses a comparison reports on: each is found when one of its
#: alternatives (a set of tables) is complete for the article.
ANALYSES: dict[str, tuple[tuple[str, ...], ...]] = {
    "tone": (("tone",),),
    "tone toward actors": (("actor_tone",), ("tone", "mentions")),
    "frames": (("frames",),),
    "stance": (("stance",),),
    "intensity": (("intensity",),),
    "dyads": (("dyads",),),
    "sourcing": (("sourcing",),),
    "outlet and date": (("metadata",),),
}


def reports_folder(reports: str | os.PathLike = "") -> Path:
    """Return the reports folder to read (``""`` = the project's ``reports/``).

    Raises
    ------
    InputError
        If the folder does not exist.
    """
    folder = Path(reports) if str(reports) else paths.REPORTS_DIR
    if not folder.is_dir():
        raise InputError(
            "no reports folder to compare",
            where=str(folder),
            fix="Render reports first (`python -m helpers batch`) or set REPORTS",
        )
    return folder


def corpus_output_dir(reports: str | os.PathLike = "", output_dir: str | os.PathLike = "") -> Path:
    """Return (and create) where the comparison's own tables go.

    ``output_dir`` when given, else ``<reports>/_corpus/``.
    """
    out = (
        Path(output_dir) if str(output_dir) else paths.safe_join(reports_folder(reports), "_corpus")
    )
    out.mkdir(parents=True, exist_ok=True)
    return out


def article_folders(
    reports: str | os.PathLike = "", articles: str | list[str] = ""
) -> dict[str, Path]:
    """Return ``{article id: folder}`` for every article report under ``reports``.

    An article report is a sub-folder holding at least one CSV; folders whose
    name starts with ``_`` or ``.`` (the batch's own) are not articles.

    Raises
    ------
    InputError
        If a requested article has no report.
    """
    root = reports_folder(reports)
    found = {
        child.name: child
        for child in sorted(root.iterdir())
        if child.is_dir() and not child.name.startswith(("_", ".")) and any(child.glob("*.csv"))
    }
    wanted = [a.strip() for a in (articles.split(",") if isinstance(articles, str) else articles)]
    wanted = [a for a in wanted if a]
    if not wanted:
        return found
    missing = [a for a in wanted if a not in found]
    if missing:
        raise InputError(
            f"no report for article(s) {', '.join(missing)}",
            where=str(root),
            fix="Known: " + (", ".join(found) or "none") + ". Render them first",
        )
    return {a: found[a] for a in wanted}


def _header(path: Path) -> set[str]:
    import pandas as pd

    try:
        return set(pd.read_csv(path, nrows=0).columns)
    except (ValueError, OSError, UnicodeDecodeError):
        return set()  # an empty or broken file is simply not a table we can use


def find_tables(folder: str | os.PathLike) -> dict[str, Path]:
    """Return ``{table name: file}`` for the tables of :data:`TABLES` found in one report folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "03_salience.csv").write_text("frame,per_1000\\nconflict,4.5\\n")
    >>> {k: v.name for k, v in find_tables(d).items()}
    {'frames': '03_salience.csv'}
    """
    files = sorted(Path(folder).glob("*.csv"))
    headers = {path: _header(path) for path in files}
    chosen: dict[str, Path] = {}
    for spec in TABLES.values():
        fitting = [p for p in files if spec.columns_fit(headers[p])]
        pick = None
        for hint in spec.hints:
            pick = next((p for p in fitting if re.search(hint, p.name, re.IGNORECASE)), None)
            if pick is not None:
                break
        if pick is None and fitting and not spec.require_hint:
            pick = fitting[0]
        if pick is not None:
            chosen[spec.name] = pick
    return chosen


def load_tables(reports: str | os.PathLike = "", articles: str | list[str] = "") -> dict[str, Any]:
    """Read every recognised table of every article report into one DataFrame per table.

    Returns
    -------
    dict
        ``{table name: DataFrame}`` with ``article_id`` and ``table_file`` (the
        file) as first columns; only tables found for at least one article.
        ``"_articles"`` holds the list of article ids read, ``"_found"`` the
        names of the tables found for each (an empty table is found: an
        article with no dyad has a dyad table without rows).
    """

    folders = article_folders(reports, articles)
    if not folders:
        raise InputError(
            "no article reports to compare (no sub-folder with CSV tables)",
            where=str(reports_folder(reports)),
            fix="Render the per-article notebooks first: `python -m helpers batch`",
        )
    return _read_tables(folders)


def _read_tables(folders: dict[str, Path]) -> dict[str, Any]:
    import pandas as pd

    parts: dict[str, list] = {}
    found: dict[str, set[str]] = {}
    for article_id, folder in folders.items():
        located = find_tables(folder)
        found[article_id] = set(located)
        for name, path in located.items():
            table = pd.read_csv(path)
            table = table.drop(columns=[c for c in ("article_id", "table_file") if c in table])
            table.insert(0, "table_file", path.name)
            table.insert(0, "article_id", article_id)
            parts.setdefault(name, []).append(table)
    tables: dict[str, Any] = {
        name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()
    }
    tables["_articles"] = list(folders)
    tables["_found"] = found
    return tables
