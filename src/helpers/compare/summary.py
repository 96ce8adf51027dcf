"""The articles side by side: one headline row per article, and averages by outlet or date.

:func:`summary` is what notebook 05 shows first, :func:`by_group` averages it
by outlet or publication period, and :func:`key_figures` gives the batch
index the headline figures of one report.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from helpers.compare.measures import (
    article_metadata,
    dominant_frames,
    dyad_table,
    frame_salience,
    intensity_by_article,
    tone_by_article,
)
from helpers.compare.tables import _read_tables
from helpers.errors import InputError
from helpers.sentiment import DEFAULT_THRESHOLD


def summary(tables: dict[str, Any], threshold: float = DEFAULT_THRESHOLD) -> Any:
    """One row per article with the headline figures and its metadata.

    ``article_id, title, outlet, author, published, sentences, mean_tone,
    negative, positive, dominant_frame, highest_level, intensity_label,
    dyads``: what the comparison and the batch index show first.
    """
    meta = article_metadata(tables)
    tone = tone_by_article(tables, threshold)[
        ["article_id", "sentences", "mean", "negative", "positive"]
    ]
    frames = dominant_frames(frame_salience(tables))[["article_id", "frame"]]
    intensity = intensity_by_article(tables)[["article_id", "highest_level", "label"]]
    dyads = dyad_table(tables)
    dyad_counts = dyads.groupby("article_id").size().rename("dyads").reset_index()
    result = (
        meta.merge(tone.rename(columns={"mean": "mean_tone"}), on="article_id", how="left")
        .merge(frames.rename(columns={"frame": "dominant_frame"}), on="article_id", how="left")
        .merge(intensity.rename(columns={"label": "intensity_label"}), on="article_id", how="left")
        .merge(dyad_counts, on="article_id", how="left")
    )
    return result


def by_group(table, metadata, by: str = "outlet", freq: str = "M") -> Any:
    """Average a per-article table's numeric columns by outlet or by date.

    Parameters
    ----------
    table : DataFrame
        Per-article figures with ``article_id`` (e.g. :func:`tone_by_article`).
    metadata : DataFrame
        As returned by :func:`article_metadata`.
    by : {"outlet", "date"}
        Group by outlet name, or by publication period.
    freq : str, default "M"
        Period for ``by="date"``: ``"D"``, ``"W"``, ``"M"``, ``"Y"``.

    Returns
    -------
    DataFrame
        ``outlet`` or ``period``, ``articles``, then the mean of each numeric
        column; empty when no article has the metadata.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"article_id": ["a", "b", "c"], "mean": [0.2, 0.4, -0.1]})
    >>> m = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", None],
    ...                   "published": pd.to_datetime(["2022-03-01", "2022-04-02", None])})
    >>> by_group(t, m, "outlet").values.tolist()
    [['X', 2, 0.30000000000000004]]
    >>> by_group(t, m, "date")["period"].tolist()
    ['2022-03', '2022-04']
    """
    import pandas as pd

    if by not in ("outlet", "date"):
        raise InputError(f"cannot group by {by!r}", where="by", fix="Use 'outlet' or 'date'")
    numeric = [
        c
        for c in table.columns
        if c != "article_id" and c not in metadata and pd.api.types.is_numeric_dtype(table[c])
    ]
    merged = table[["article_id", *numeric]].merge(metadata, on="article_id", how="inner")
    if by == "outlet":
        key = "outlet"
        merged = merged[merged["outlet"].notna() & (merged["outlet"].astype(str) != "")]
    else:
        key = "period"
        merged = merged[merged["published"].notna()]
        merged = merged.assign(period=merged["published"].dt.to_period(freq).astype(str))
    if merged.empty:
        return pd.DataFrame(columns=[key, "articles", *numeric])
    grouped = merged.groupby(key, sort=True)
    result = grouped[numeric].mean()
    result.insert(0, "articles", grouped["article_id"].nunique())
    return result.reset_index()


def key_figures(folder: str | os.PathLike) -> dict[str, Any]:
    """Headline figures of one article report, for the batch index.

    Returns
    -------
    dict
        ``mean_sentiment`` (float), ``dominant_frame`` (str) and
        ``highest_intensity`` (``"4 protest"``), each only when its table
        exists.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "a"
    >>> d.mkdir()
    >>> _ = (d / "02_sentences.csv").write_text("doc_id,sent_id,compound\\na,0,0.4\\na,1,-0.2\\n")
    >>> key_figures(d)
    {'mean_sentiment': 0.1}
    """
    folder = Path(folder)
    tables = _read_tables({folder.name: folder})
    figures: dict[str, Any] = {}
    tone = tone_by_article(tables)
    if len(tone) and tone["mean"].notna().any():
        figures["mean_sentiment"] = round(float(tone["mean"].iloc[0]), 6)
    frames = dominant_frames(frame_salience(tables))
    if len(frames):
        figures["dominant_frame"] = str(frames["frame"].iloc[0])
    intensity = intensity_by_article(tables)
    if len(intensity):
        row = intensity.iloc[0]
        figures["highest_intensity"] = f"{row['highest_level']} {row['label']}".strip()
    return figures
