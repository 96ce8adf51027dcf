"""Figures for the validation notebook: agreement per category, confusion, scores by label."""

from __future__ import annotations

from helpers.plots import new_figure
from helpers.sentiment import DEFAULT_THRESHOLD


def agreement_bars(agreement, statistic: str = "krippendorff_alpha"):
    """Horizontal bars: one group per category, one bar per pair of codings.

    Parameters
    ----------
    agreement : DataFrame
        From :func:`helpers.validation.sheet_agreement`.
    statistic : str
        ``krippendorff_alpha``, ``cohen_kappa``, ``agreement`` or ``macro_f1``.
        Undefined values (one class only) are drawn as a hollow marker at 0.
    """
    categories = list(dict.fromkeys(agreement["category"]))
    pairs = list(dict.fromkeys(agreement["pair"]))
    figure, axes = new_figure(8, max(2.5, 0.35 * len(categories) * max(1, len(pairs)) + 1))
    if agreement.empty:
        axes.text(
            0.5, 0.5, "nothing to compare", ha="center", va="center", transform=axes.transAxes
        )
        axes.set_axis_off()
        return figure
    height = 0.8 / max(1, len(pairs))
    for number, pair in enumerate(pairs):
        rows = agreement[agreement["pair"] == pair].set_index("category")
        positions, values, missing = [], [], []
        for index, category in enumerate(categories):
            y = index + number * height
            value = rows[statistic].get(category) if category in rows.index else None
            if value is None or value != value:  # None or NaN: undefined
                missing.append(y)
            else:
                positions.append(y)
                values.append(float(value))
        bars = axes.barh(positions, values, height=height, label=pair)
        if missing:
            axes.plot(
                [0] * len(missing),
                missing,
                "o",
                mfc="none",
                color=bars.patches[0].get_facecolor() if bars.patches else "grey",
            )
    axes.set_yticks([i + 0.4 - height / 2 for i in range(len(categories))], categories)
    axes.invert_yaxis()
    axes.axvline(0, color="black", linewidth=0.8)
    for mark in (0.667, 0.8):  # Krippendorff's (2004) thresholds for tentative and firm conclusions
        axes.axvline(mark, color="grey", linewidth=0.8, linestyle=":")
    axes.set_xlim(min(-0.2, float(agreement[statistic].min(skipna=True) or 0) - 0.05), 1.0)
    axes.set_xlabel(statistic.replace("_", " "))
    axes.set_title("Agreement per category (dotted: 0.667 and 0.8)")
    axes.legend(frameon=False, fontsize="small", loc="lower right")
    return figure


def confusion_heatmap(confusion, title: str = ""):
    """A confusion table (rows: coder, columns: tool) as a heat map with counts.

    Parameters
    ----------
    confusion : DataFrame
        From :func:`helpers.validation.sheet_confusion`.
    """
    figure, axes = new_figure(1.2 + 0.9 * confusion.shape[1], 1.0 + 0.6 * confusion.shape[0])
    values = confusion.to_numpy()
    axes.imshow(values, cmap="Blues")
    axes.set_xticks(
        range(confusion.shape[1]), [str(c) for c in confusion.columns], rotation=30, ha="right"
    )
    axes.set_yticks(range(confusion.shape[0]), [str(i) for i in confusion.index])
    top = values.max() if values.size else 0
    for (row, column), count in _cells(values):
        axes.text(
            column,
            row,
            str(count),
            ha="center",
            va="center",
            color="white" if count > top / 2 else "black",
        )
    axes.set_xlabel("tool")
    axes.set_ylabel(confusion.index.name or "coder")
    axes.set_title(title)
    return figure


def _cells(values):
    for row in range(values.shape[0]):
        for column in range(values.shape[1]):
            yield (row, column), int(values[row, column])


def score_by_label(
    sheet, codes, threshold: float = DEFAULT_THRESHOLD, label_column: str = "sentiment_label"
):
    """The tool's sentiment score for each sentence, grouped by the coder's label.

    Points are jittered vertically; the dashed lines mark the neutral band.
    """
    figure, axes = new_figure(7, 3)
    order = ["negative", "neutral", "positive"]
    labels = [str(v).strip().casefold() for v in sheet[label_column]]
    scores = codes["sentiment"].astype(float).tolist()
    ticks = []
    for index, name in enumerate(order):
        xs = [s for s, lab in zip(scores, labels, strict=True) if lab == name]
        ys = [index + ((k * 0.37) % 0.5 - 0.25) for k in range(len(xs))]  # deterministic jitter
        axes.plot(xs, ys, "o", alpha=0.7)
        ticks.append(f"{name} ({len(xs)})")
    axes.set_yticks(range(len(order)), ticks)
    axes.set_ylabel("coder's label")
    axes.set_xlabel("tool's sentiment score")
    axes.set_xlim(-1.05, 1.05)
    for x in (-threshold, threshold):
        axes.axvline(x, color="grey", linestyle="--", linewidth=0.8)
    axes.set_title("Tool score by the coder's class")
    return figure
