"""Figures for the corpus comparison notebook (05): articles side by side.

Each function takes a table from :mod:`helpers.compare` and returns a
matplotlib ``Figure``; an empty table gives a figure that says so, so a
notebook run on a partial set of reports still renders.
"""

from __future__ import annotations

import math

from helpers.plots import new_figure, text_colour

# Diverging palette for tone and cooperation: red negative, blue positive,
# symmetric around zero so that colour intensity compares across articles.
_DIVERGING = "RdBu"


def _no_data(axes, message: str):
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()
    return axes.figure


def tone_bars(tone):
    """Mean sentence tone of each article, with the share of negative sentences.

    The axis is symmetric around zero and each bar's note ("40% neg.") is
    written on the other side of zero from the bar, so notes never run into
    the article names.

    Parameters
    ----------
    tone : DataFrame
        From :func:`helpers.compare.tone_by_article`.
    """
    figure, axes = new_figure(8, max(2.5, 0.35 * len(tone) + 1.2))
    if tone.empty:
        return _no_data(axes, "no sentence tone tables found")
    table = tone.sort_values("mean")
    colours = ["#B2182B" if v < 0 else "#2166AC" for v in table["mean"]]
    axes.barh(table["article_id"], table["mean"], color=colours)
    reach = float(table["mean"].abs().max()) if table["mean"].notna().any() else 0.0
    reach = max(0.1, reach * 1.5)
    axes.set_xlim(-reach, reach)
    for y, (mean, negative) in enumerate(zip(table["mean"], table["negative"], strict=True)):
        below = mean < 0
        axes.annotate(
            f"{negative:.0%} neg." if math.isfinite(negative) else "",
            (0, y),
            xytext=(4 if below else -4, 0),
            textcoords="offset points",
            va="center",
            ha="left" if below else "right",
            fontsize="small",
        )
    axes.axvline(0, color="#444", linewidth=0.8)
    axes.set_xlabel("mean compound (sentences); note: share of negative sentences")
    axes.set_title("Tone by article")
    return figure


def _cell_text(value: float) -> str:
    """A heatmap cell's number, as precise as its size warrants, alike across cells.

    Examples
    --------
    >>> [_cell_text(v) for v in (-0.0713, -0.06, 0.0, 8.589, 25.77, -10.0, 123.4)]
    ['-0.07', '-0.06', '0', '8.6', '25.8', '-10', '123']
    """
    if float(value).is_integer():
        return f"{value:.0f}"
    if abs(value) < 1:
        return f"{value:.2f}"
    return f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"


def _heatmap(table, *, title: str, label: str, diverging: bool, limit: float | None = None):
    import numpy as np

    figure, axes = new_figure(
        max(5.0, 0.7 * table.shape[1] + 3), max(2.5, 0.35 * table.shape[0] + 1.5)
    )
    values = table.to_numpy(dtype=float)
    if diverging:
        bound = limit or (np.nanmax(np.abs(values)) if np.isfinite(values).any() else 1.0) or 1.0
        image = axes.imshow(values, cmap=_DIVERGING, vmin=-bound, vmax=bound, aspect="auto")
    else:
        image = axes.imshow(values, cmap="Blues", aspect="auto")
    axes.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=45, ha="right")
    axes.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    for (row, col), value in np.ndenumerate(values):
        if np.isfinite(value):
            axes.text(
                col,
                row,
                _cell_text(value),
                ha="center",
                va="center",
                fontsize="x-small",
                color=text_colour(image.cmap(image.norm(value))),
            )
    figure.colorbar(image, ax=axes, label=label, shrink=0.8)
    axes.set_title(title)
    return figure


def actor_tone_heatmap(actor_tone, top: int = 12):
    """Tone toward each actor (rows) in each article (columns); blank where not named.

    Parameters
    ----------
    actor_tone : DataFrame
        From :func:`helpers.compare.actor_tone`.
    top : int
        Actors shown: those with the most units across articles.
    """
    if actor_tone.empty:
        figure, axes = new_figure(6, 2.5)
        return _no_data(axes, "no tone toward actors (needs notebooks 01 and 02)")
    order = actor_tone.groupby("actor")["units"].sum().sort_values(ascending=False).index[:top]
    table = actor_tone[actor_tone["actor"].isin(order)].pivot_table(
        index="actor", columns="article_id", values="mean", aggfunc="mean"
    )
    table = table.reindex([a for a in order if a in table.index])
    return _heatmap(
        table, title="Tone toward actors", label="mean compound", diverging=True, limit=1.0
    )


def frame_heatmap(salience, scheme: str | None = None):
    """Frame salience (rows: frames, columns: articles) for one scheme.

    Parameters
    ----------
    salience : DataFrame
        From :func:`helpers.compare.frame_salience`.
    scheme : str, optional
        Default: ``generic`` when present, else the first scheme.
    """
    if salience.empty:
        figure, axes = new_figure(6, 2.5)
        return _no_data(axes, "no frame salience tables found (notebook 03)")
    schemes = list(dict.fromkeys(salience["scheme"]))
    chosen = scheme or ("generic" if "generic" in schemes else schemes[0])
    part = salience[salience["scheme"] == chosen]
    table = part.pivot_table(index="frame", columns="article_id", values="salience", aggfunc="sum")
    measure = part["measure"].iloc[0] if len(part) else ""
    title = f"Frame salience{f' ({chosen})' if chosen else ''}"
    return _heatmap(table, title=title, label=measure, diverging=False)


def stance_bars(density):
    """Stance-marker densities, one group of bars per marker type, one bar per article."""
    import numpy as np

    markers = list(dict.fromkeys(density["marker"])) if not density.empty else []
    articles = list(dict.fromkeys(density["article_id"])) if not density.empty else []
    figure, axes = new_figure(8, max(2.5, 0.3 * len(markers) * max(1, len(articles)) ** 0.5 + 1.5))
    if density.empty:
        return _no_data(axes, "no stance density tables found (notebook 04)")
    height = 0.8 / len(articles)
    for k, article in enumerate(articles):
        part = density[density["article_id"] == article].set_index("marker")["density"]
        values = [part.get(m, np.nan) for m in markers]
        axes.barh(np.arange(len(markers)) + k * height, values, height=height, label=article)
    axes.set_yticks(np.arange(len(markers)) + 0.4 - height / 2, markers)
    axes.set_xlabel(density["measure"].iloc[0])
    axes.set_title("Stance markers")
    if len(articles) > 1:
        axes.legend(frameon=False, fontsize="small")
    return figure


def intensity_bars(intensity, labels: dict[int, str] | None = None):
    """Highest rung of the statement-intensity ladder reached in each article."""
    figure, axes = new_figure(8, max(2.5, 0.35 * len(intensity) + 1.2))
    if intensity.empty:
        return _no_data(axes, "no intensity ladder tables found (notebook 04)")
    table = intensity.sort_values("highest_level")
    axes.barh(table["article_id"], table["highest_level"], color="#D55E00")
    for y, (level, label) in enumerate(zip(table["highest_level"], table["label"], strict=True)):
        axes.annotate(f" {label}", (level, y), va="center", fontsize="small")
    axes.set_xlim(0, max(6, int(table["highest_level"].max()) + 1))
    axes.set_xlabel("highest ladder level (0 none ... 6 countermeasures)")
    axes.set_title("Statement intensity")
    return figure


def dyad_heatmap(dyads, value: str = "net_cooperation"):
    """Source (rows) to target (columns), summed over articles: net cooperation or events."""
    if dyads.empty:
        figure, axes = new_figure(6, 2.5)
        return _no_data(axes, "no dyad tables found (notebook 04)")
    column = value if dyads[value].notna().any() else "events"
    table = dyads.pivot_table(
        index="source_actor", columns="target_actor", values=column, aggfunc="sum"
    )
    return _heatmap(
        table,
        title="Who does what to whom (all articles)",
        label=column.replace("_", " "),
        diverging=column != "events",
    )


def group_plot(grouped, value: str = "mean", *, title: str = ""):
    """Figures by group from :func:`helpers.compare.by_group`: bars per group, points in time.

    By publication period, each period is a point at its first day on a time
    axis (so a gap of three months looks like one), sized by its number of
    articles and labelled ``n=``; points are not joined, since a line between
    periods of one or two articles would suggest a trend that is not there.
    """
    figure, axes = new_figure(7, 3)
    if grouped.empty or value not in grouped:
        return _no_data(axes, "no article has this metadata")
    key = grouped.columns[0]
    if key == "period":
        import pandas as pd

        when = pd.to_datetime(
            grouped["period_start"] if "period_start" in grouped else grouped[key]
        )
        counts = grouped["articles"].astype(int)
        axes.scatter(when, grouped[value], s=30 + 25 * counts, color="#2166AC", zorder=3)
        for x, y, n in zip(when, grouped[value], counts, strict=True):
            axes.annotate(
                f"n={n}",
                (x, y),
                xytext=(0, 8),
                textcoords="offset points",
                ha="center",
                fontsize="small",
            )
        axes.axhline(0, color="#888", linewidth=0.6)
        if len(grouped) <= 12:  # a tick at each period, named as the table names it
            axes.set_xticks(when, labels=grouped[key].astype(str))
        figure.autofmt_xdate()
        axes.set_ylabel(value.replace("_", " "))
    else:
        labels = [f"{g} (n={n})" for g, n in zip(grouped[key], grouped["articles"], strict=True)]
        axes.barh(labels, grouped[value], color="#2166AC")
        axes.axvline(0, color="#888", linewidth=0.6)
        axes.set_xlabel(value.replace("_", " "))
    axes.set_title(title or f"{value} by {key}")
    return figure
