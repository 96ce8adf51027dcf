"""Figures for notebook 02 (sentiment); matplotlib is imported inside each function.

Each function takes a table made by :mod:`helpers.sentiment` and returns a
matplotlib ``Figure``; :func:`helpers.plots.save_figure` writes it. News-aware
scores are drawn in blue, plain VADER in grey, throughout.
"""

from __future__ import annotations

from helpers.plots import new_figure, whole_number_ticks
from helpers.sentiment import DEFAULT_THRESHOLD

NEWS = "#0072B2"
RAW = "#999999"
NEGATIVE = "#D55E00"
POSITIVE = "#009E73"


def _band(axes, threshold: float, horizontal: bool = True) -> None:
    # VADER's neutral band, shaded so a reader sees which scores count as neutral.
    if horizontal:
        axes.axhspan(-threshold, threshold, color="#eeeeee", zorder=0, label="neutral band")
        axes.axhline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
    else:
        axes.axvspan(-threshold, threshold, color="#eeeeee", zorder=0, label="neutral band")


def _marked_scatter(axes, table, x: str, y: str, marked_rows, *, plain: dict, marked: dict) -> None:
    """Scatter ``y`` against ``x``; rows in ``marked_rows`` drawn apart and labelled by sent_id."""
    axes.scatter(table.loc[~marked_rows, x], table.loc[~marked_rows, y], **plain)
    axes.scatter(table.loc[marked_rows, x], table.loc[marked_rows, y], **marked)
    for sent_id, x_value, y_value in zip(
        table.loc[marked_rows, "sent_id"],
        table.loc[marked_rows, x],
        table.loc[marked_rows, y],
        strict=True,
    ):
        axes.annotate(
            str(sent_id), (x_value, y_value), fontsize=7, xytext=(3, 3), textcoords="offset points"
        )


def plot_arc(
    table,
    *,
    window: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    title: str = "Sentiment arc through the article",
):
    """Sentence scores in reading order, with a rolling mean and paragraph breaks.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.sentiment.score_sentiment`.
    window : int, default 3
        Sentences in the centred rolling mean.
    threshold : float, default 0.05
        Half-width of the shaded neutral band.
    """
    figure, axes = new_figure(9.0, 4.0)
    x = table["sent_id"].to_numpy()
    _band(axes, threshold)
    axes.plot(x, table["compound"], "o", color=NEWS, markersize=4, label="sentence (news-aware)")
    rolling = table["compound"].rolling(window, center=True, min_periods=1).mean()
    axes.plot(x, rolling, "-", color=NEWS, linewidth=2, label=f"rolling mean ({window})")
    rolling_raw = table["compound_raw"].rolling(window, center=True, min_periods=1).mean()
    axes.plot(x, rolling_raw, "--", color=RAW, linewidth=1.5, label="rolling mean, plain VADER")
    starts = table.loc[table["para_id"].diff().fillna(0) != 0, "sent_id"]
    for start in starts:
        axes.axvline(start - 0.5, color="#dddddd", linewidth=0.8, zorder=0)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlabel("sentence (vertical lines: paragraph breaks)")
    whole_number_ticks(axes.xaxis)
    axes.set_ylabel("compound score")
    axes.set_title(title)
    # Beside the plot, never over the sentences' dots (it covered the lowest ones).
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    return figure


def plot_distribution(
    table,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    bins: int = 20,
    title: str = "Distribution of sentence scores",
):
    """Histogram of sentence compound scores, news-aware against plain VADER."""
    import numpy as np

    figure, axes = new_figure(7.0, 3.5)
    edges = np.linspace(-1, 1, bins + 1)
    _band(axes, threshold, horizontal=False)
    axes.hist(table["compound_raw"], bins=edges, color=RAW, alpha=0.6, label="plain VADER")
    axes.hist(
        table["compound"], bins=edges, histtype="step", linewidth=2, color=NEWS, label="news-aware"
    )
    axes.set_xlabel("compound score")
    axes.set_ylabel("sentences")
    axes.set_title(title)
    axes.legend(fontsize=8, frameon=False)
    return figure


def plot_raw_vs_domain(
    table,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    title: str = "Plain VADER against the news-aware score",
):
    """Scatter of each sentence's plain and news-aware compound; changed sentences labelled."""
    figure, axes = new_figure(5.5, 5.0)
    _band(axes, threshold)
    axes.axvspan(-threshold, threshold, color="#eeeeee", zorder=0)
    axes.plot([-1, 1], [-1, 1], color="#bbbbbb", linewidth=0.8)
    changed = table["compound"] != table["compound_raw"]
    _marked_scatter(
        axes,
        table,
        "compound_raw",
        "compound",
        changed,
        plain={"s": 14, "color": RAW, "label": "unchanged"},
        marked={"s": 18, "color": NEWS, "label": "changed"},
    )
    axes.set_xlim(-1.05, 1.05)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlabel("plain VADER (NLTK)")
    axes.set_ylabel("news-aware")
    axes.set_title(title)
    axes.legend(fontsize=8, frameon=False, loc="upper left")
    return figure


def plot_actor_tone(
    tone, *, threshold: float = DEFAULT_THRESHOLD, title: str = "Tone toward each actor"
):
    """Mean tone per actor with its bootstrap interval (where n allows); labels give n.

    Parameters
    ----------
    tone : DataFrame
        From :func:`helpers.sentiment.actor_tone`.
    threshold : float
        The neutral band: a mean inside it is drawn grey (neutral), as the
        sentence labels count it, not as positive or negative.
    """
    from helpers.sentiment.labels import label

    figure, axes = new_figure(7.5, max(2.5, 0.4 * len(tone) + 1.2))
    y = list(range(len(tone)))
    means = tone["mean"].to_numpy()
    low = (tone["mean"] - tone["ci_low"]).fillna(0).clip(lower=0).to_numpy()
    high = (tone["ci_high"] - tone["mean"]).fillna(0).clip(lower=0).to_numpy()
    hues = {"negative": NEGATIVE, "positive": POSITIVE, "neutral": RAW}
    colors = [hues[label(m, threshold)] for m in means]
    _band(axes, threshold, horizontal=False)
    axes.axvline(0, color="#bbbbbb", linewidth=0.8)
    axes.errorbar(means, y, xerr=[low, high], fmt="none", ecolor="#555555", capsize=3)
    axes.scatter(means, y, color=colors, zorder=3)
    axes.scatter(
        tone["mean_raw"], y, marker="|", s=80, color=RAW, zorder=2, label="plain VADER mean"
    )
    labels = [
        f"{a} (n={n}{'' if lo == lo else ', no interval'})"  # NaN: too few units
        for a, n, lo in zip(tone["actor"], tone["n_units"], tone["ci_low"], strict=True)
    ]
    axes.set_yticks(y, labels)
    axes.invert_yaxis()
    axes.set_xlim(-1.05, 1.05)
    axes.set_xlabel("mean tone (bars: 95% bootstrap interval, shown from n = 5)")
    axes.set_title(title)
    axes.legend(fontsize=8, frameon=False, loc="lower right")
    return figure


def plot_voice(summary, *, title: str = "Tone by voice"):
    """Mean and length-weighted mean score of the journalist's words, quotations and reported speech."""
    import numpy as np

    figure, axes = new_figure(6.0, 3.2)
    x = np.arange(len(summary))
    axes.bar(x - 0.18, summary["mean"], width=0.36, color=NEWS, label="mean")
    axes.bar(
        x + 0.18, summary["weighted_mean"], width=0.36, color="#9ecae1", label="weighted by words"
    )
    axes.axhline(0, color="#bbbbbb", linewidth=0.8)
    labels = [
        f"{v}\n({n} units)" for v, n in zip(summary["voice"], summary["n_units"], strict=True)
    ]
    axes.set_xticks(x, labels)
    axes.set_ylabel("compound")
    axes.set_title(title)
    axes.legend(fontsize=8, frameon=False)
    return figure


def plot_lexicon_agreement(sentences, *, title: str = "VADER (news-aware) against AFINN-165"):
    """Scatter of VADER's compound against AFINN's sum per sentence; opposite signs marked."""
    figure, axes = new_figure(5.5, 4.5)
    axes.axhline(0, color="#bbbbbb", linewidth=0.8)
    axes.axvline(0, color="#bbbbbb", linewidth=0.8)
    _marked_scatter(
        axes,
        sentences,
        "afinn",
        "compound",
        sentences["opposite_sign"].astype(bool),
        plain={"s": 14, "color": NEWS, "label": "same sign or neutral"},
        marked={"s": 24, "color": NEGATIVE, "marker": "x", "label": "opposite signs"},
    )
    axes.set_xlabel("AFINN-165 (sum of word scores)")
    axes.set_ylabel("VADER compound (news-aware)")
    axes.set_title(title)
    axes.legend(fontsize=8, frameon=False)
    return figure
