"""The articles side by side: one headline row per article, and averages by outlet or date.

:func:`summary` is what notebook 05 shows first, :func:`by_group` averages it
by outlet or publication period, and :func:`key_figures` gives the batch
index the headline figures of one report.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from helpers.compare.coverage import has_table
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

    ``article_id, title, outlet, author, published``, the front matter's
    extra fields, ``sentences, mean_tone, negative, positive, dominant_frame,
    highest_level, intensity_label, dyads``: what the comparison and the
    batch index show first. Counts are integers (empty where an article has
    no such table), never ``23.0``.
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
    # An article whose report has a dyad table without rows has no dyad: 0, not a gap.
    with_dyads = result["article_id"].map(lambda article: has_table(tables, article, "dyads"))
    result.loc[with_dyads.astype(bool) & result["dyads"].isna(), "dyads"] = 0
    # A left merge turns counts with a gap into floats: keep them whole numbers.
    for column in ("sentences", "highest_level", "dyads"):
        result[column] = result[column].astype("Int64")
    return result


def group_fields(metadata) -> list[str]:
    """The fields articles can be grouped by: ``outlet``, ``date`` and every extra field.

    Examples
    --------
    >>> import pandas as pd
    >>> group_fields(pd.DataFrame(columns=["article_id", "title", "outlet", "author",
    ...                                    "published", "section"]))
    ['outlet', 'date', 'author', 'section']
    """
    standard = ("article_id", "title", "outlet", "author", "published")
    return ["outlet", "date", "author", *[c for c in metadata.columns if c not in standard]]


def by_group(table, metadata, by: str = "outlet", freq: str = "M") -> Any:
    """Average a per-article table's numeric columns by outlet, date, or a field of one's own.

    Parameters
    ----------
    table : DataFrame
        Per-article figures with ``article_id`` (e.g. :func:`tone_by_article`).
    metadata : DataFrame
        As returned by :func:`article_metadata`.
    by : str
        ``"outlet"``, ``"date"`` (publication period), ``"author"``, or a field
        of the front matter's ``extra:`` mapping (``"section"``); see
        :func:`group_fields`.
    freq : str, default "M"
        Period for ``by="date"``: ``"D"``, ``"W"``, ``"M"``, ``"Y"``.

    Returns
    -------
    DataFrame
        ``outlet`` (or ``period``, or the field), ``articles``, then the mean
        of each numeric column (a mean of counts whole in every group stays
        a whole number); empty when no article has the metadata.
        With ``by="date"``, ``period_start`` (the first day of the period)
        follows ``period``, so a figure can place periods on a time axis.

    Raises
    ------
    InputError
        A field no article can have.

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

    known = group_fields(metadata)
    if by not in known:
        raise InputError(
            f"cannot group by {by!r}",
            where="by",
            fix="Use one of " + ", ".join(known) + " (fields of your own go under extra: "
            "in the articles' front matter)",
        )
    numeric = [
        c
        for c in table.columns
        if c != "article_id" and c not in metadata and pd.api.types.is_numeric_dtype(table[c])
    ]
    merged = table[["article_id", *numeric]].merge(metadata, on="article_id", how="inner")
    extra: list[str] = []
    if by == "date":
        key = "period"
        merged = merged[merged["published"].notna()]
        periods = merged["published"].dt.to_period(freq)
        merged = merged.assign(period=periods.astype(str), period_start=periods.dt.start_time)
        extra = ["period_start"]
    else:
        key = by
        merged = merged[merged[by].notna() & (merged[by].astype(str) != "")]
    if merged.empty:
        return pd.DataFrame(columns=[key, *extra, "articles", *numeric])
    grouped = merged.groupby(key, sort=True)
    result = grouped[numeric].mean()
    for column in numeric:
        # A mean of counts that is whole in every group is written as a count ('32', not '32.0').
        whole = result[column].dropna()
        if pd.api.types.is_integer_dtype(table[column]) and (whole == whole.round()).all():
            result[column] = result[column].round().astype("Int64")
    result.insert(0, "articles", grouped["article_id"].nunique())
    for column in reversed(extra):
        result.insert(0, column, grouped[column].first())
    return result.reset_index()


def key_figures(folder: str | os.PathLike) -> dict[str, Any]:
    """Headline facts and figures of one article report, for the batch index.

    Returns
    -------
    dict
        ``title``, ``outlet``, ``published`` (texts, from notebook 01's
        metadata), ``sentences`` (int) and ``mean_sentiment`` (float, from
        notebook 02's sentence table), ``dominant_frame`` (str) and
        ``highest_intensity`` (``"4 protest"``), each only when its table
        exists and holds it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "a"
    >>> d.mkdir()
    >>> _ = (d / "02_sentences.csv").write_text("doc_id,sent_id,compound\\na,0,0.4\\na,1,-0.2\\n")
    >>> key_figures(d)
    {'sentences': 2, 'mean_sentiment': 0.1}
    """
    import pandas as pd

    folder = Path(folder)
    tables = _read_tables({folder.name: folder})
    figures: dict[str, Any] = {}
    if "metadata" in tables:
        meta = article_metadata(tables).iloc[0]
        for name in ("title", "outlet", "published"):
            value = meta[name]
            if not pd.isna(value) and str(value).strip():
                figures[name] = value.date().isoformat() if name == "published" else str(value)
    tone = tone_by_article(tables)
    if len(tone) and tone["mean"].notna().any():
        figures["sentences"] = int(tone["sentences"].iloc[0])
        figures["mean_sentiment"] = round(float(tone["mean"].iloc[0]), 6)
    frames = dominant_frames(frame_salience(tables))
    if len(frames):
        figures["dominant_frame"] = str(frames["frame"].iloc[0])
    intensity = intensity_by_article(tables)
    if len(intensity):
        row = intensity.iloc[0]
        figures["highest_intensity"] = f"{row['highest_level']} {row['label']}".strip()
    return figures
