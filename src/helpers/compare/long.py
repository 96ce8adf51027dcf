"""The whole corpus as two long tables, for analysis in R, Stata or a spreadsheet.

After every batch, each reports folder gets

``corpus_codes.csv``
    One row per sentence and code: ``article_id, sent_id, analysis, code,
    value``. ``analysis`` is ``sentiment`` (codes ``compound``, the news-aware
    score of notebook 02, and ``compound_raw``, plain VADER), ``actor``
    (mentions of each actor, notebook 01), ``frame`` (dictionary hits of each
    frame, notebook 03: ``conflict``, ``policy_legality`` ...), ``stance``
    (markers of each type, notebook 04), ``intensity`` (code ``level``: the
    sentence's rung of the reaction ladder, notebook 04) and ``event``
    (events of each quad class, notebook 04). ``value`` is always a number:
    a score, or a count. A sentence has a row for every sentiment code, and
    rows for the other codes only where the count (or level) is above zero:
    a missing row means 0.
``corpus_sentences.csv``
    One row per sentence: ``article_id, sent_id, para_id, text``, then the
    article's ``title, outlet, author, published`` and its front-matter extra
    fields, to join with the codes on ``article_id`` and ``sent_id``.

Both are read from the tables the per-article notebooks saved
(:func:`helpers.compare.article_folders`), by file name and columns; an
analysis whose table a report lacks is simply absent for that article.
In R: ``codes <- read.csv("reports/corpus_codes.csv")``; in Stata:
``import delimited reports/corpus_codes.csv``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from helpers.compare.measures import article_metadata
from helpers.compare.tables import _read_tables, article_folders

#: Columns of ``corpus_codes.csv``.
CODE_COLUMNS = ("article_id", "sent_id", "analysis", "code", "value")
#: Columns of ``corpus_sentences.csv`` before the metadata.
SENTENCE_COLUMNS = ("article_id", "sent_id", "para_id", "text")
#: (analysis, file-name pattern, the columns the table must have).
SOURCES = (
    ("sentiment", r"sentences|sentiment", ("sent_id", "compound")),
    ("actor", r"mention", ("sent_id", "actor")),
    ("frame", r"frame_hits", ("sent_id", "frame_key")),
    ("stance", r"stance_sentences", ("sent_id", "hedge")),
    ("intensity", r"ladder", ("sent_id", "level")),
    ("event", r"events", ("sent_id", "quad_class")),
    ("sentences", r"01_sentences|sentences", ("sent_id", "para_id", "text")),
)


def _find(folder: Path, pattern: str, needs: tuple[str, ...], avoid: tuple[str, ...] = ()):
    """The first CSV of ``folder`` whose name matches and whose header has ``needs``."""
    import pandas as pd

    for path in sorted(folder.glob("*.csv")):
        if not re.search(pattern, path.name):
            continue
        try:
            columns = set(pd.read_csv(path, nrows=0).columns)
        except (ValueError, OSError, UnicodeDecodeError):
            continue
        if set(needs) <= columns and not columns & set(avoid):
            return pd.read_csv(path, keep_default_na=False, na_values=[""])
    return None


def _counts(table, analysis: str, column: str):
    """One row per sentence and value of ``column``: how often it occurs."""
    counted = table.groupby(["sent_id", column]).size().rename("value").reset_index()
    return counted.rename(columns={column: "code"}).assign(analysis=analysis)


def _article_codes(folder: Path) -> list[Any]:
    """The code rows of one article report, one frame per analysis found."""
    import pandas as pd

    parts = []
    for analysis, pattern, needs in SOURCES[:-1]:
        avoid = ("compound",) if analysis != "sentiment" else ("actor", "unit", "voice", "word")
        table = _find(folder, pattern, needs, avoid)
        if table is None or table.empty:
            continue
        if analysis == "sentiment":
            codes = [c for c in ("compound", "compound_raw") if c in table]
            melted = table.melt(id_vars=["sent_id"], value_vars=codes, var_name="code")
            parts.append(melted.assign(analysis=analysis))
        elif analysis == "stance":
            from helpers.diplomacy import STANCE_TYPES  # the columns of 04_stance_sentences.csv

            codes = [c for c in STANCE_TYPES if c in table]
            melted = table.melt(id_vars=["sent_id"], value_vars=codes, var_name="code")
            parts.append(melted[melted["value"] > 0].assign(analysis=analysis))
        elif analysis == "intensity":
            level = pd.to_numeric(table["level"], errors="coerce")
            rows = table.loc[level > 0, ["sent_id"]].assign(code="level", value=level[level > 0])
            parts.append(rows.assign(analysis=analysis))
        else:
            column = {"actor": "actor", "frame": "frame_key", "event": "quad_class"}[analysis]
            parts.append(_counts(table[table[column].astype(str) != ""], analysis, column))
    return parts


def corpus_codes(reports: str | os.PathLike = "") -> Any:
    """Return ``corpus_codes.csv`` for a reports folder (see the module docstring).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "a").mkdir()
    >>> _ = (root / "a" / "02_sentences.csv").write_text("sent_id,compound\\n0,0.5\\n1,-0.2\\n")
    >>> _ = (root / "a" / "03_frame_hits.csv").write_text("sent_id,frame_key\\n1,conflict\\n1,conflict\\n")
    >>> corpus_codes(root).values.tolist()
    [['a', 0, 'sentiment', 'compound', 0.5], ['a', 1, 'sentiment', 'compound', -0.2], ['a', 1, 'frame', 'conflict', 2.0]]
    """
    import pandas as pd

    order = {name: i for i, (name, _, _) in enumerate(SOURCES)}
    frames = []
    for article_id, folder in article_folders(reports).items():
        for part in _article_codes(folder):
            frames.append(part.assign(article_id=article_id))
    if not frames:
        return pd.DataFrame(columns=list(CODE_COLUMNS))
    table = pd.concat(frames, ignore_index=True)[list(CODE_COLUMNS)]
    table["value"] = pd.to_numeric(table["value"], errors="coerce").astype(float)
    table["code"] = table["code"].astype(str)
    table = table.assign(_order=table["analysis"].map(order)).sort_values(
        ["article_id", "sent_id", "_order", "code"], kind="stable"
    )
    return table.drop(columns="_order").reset_index(drop=True)


def corpus_sentences(reports: str | os.PathLike = "") -> Any:
    """Return ``corpus_sentences.csv`` for a reports folder (see the module docstring).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "a").mkdir()
    >>> _ = (root / "a" / "01_sentences.csv").write_text("doc_id,para_id,sent_id,text\\na,0,0,Talks.\\n")
    >>> _ = (root / "a" / "01_metadata.csv").write_text("field,value\\noutlet,Wire\\nextra.section,World\\n")
    >>> corpus_sentences(root)[["article_id", "sent_id", "text", "outlet", "section"]].values.tolist()
    [['a', 0, 'Talks.', 'Wire', 'World']]
    """
    import pandas as pd

    folders = article_folders(reports)
    parts = []
    for article_id, folder in folders.items():
        table = _find(folder, SOURCES[-1][1], SOURCES[-1][2])
        if table is not None:
            parts.append(table[["sent_id", "para_id", "text"]].assign(article_id=article_id))
    if not parts:
        return pd.DataFrame(columns=list(SENTENCE_COLUMNS))
    sentences = pd.concat(parts, ignore_index=True)[list(SENTENCE_COLUMNS)]
    meta = article_metadata(_read_tables(folders)) if folders else None
    if meta is not None:
        meta = meta.assign(published=meta["published"].dt.strftime("%Y-%m-%d"))
        sentences = sentences.merge(meta, on="article_id", how="left")
    return sentences.sort_values(["article_id", "sent_id"], kind="stable", ignore_index=True)
