"""Figures for the overview notebook."""

from __future__ import annotations

from helpers.highlight import GREY, MUTED
from helpers.plots import new_figure, whole_number_ticks

#: One fixed colour per form of reference (:data:`helpers.actors.FORMS`), the same in
#: every article's chart (Tol's muted scheme, distinguishable with common colour-vision
#: deficiencies); a form of one's own is grey.
FORM_COLORS = {
    "name": MUTED[1],
    "capital": MUTED[2],
    "leader": MUTED[0],
    "institution": MUTED[4],
    "demonym": MUTED[6],
    "alias": MUTED[8],
    "organisation": MUTED[3],
    "person": MUTED[5],
    "agent": MUTED[7],
}


def actor_bar(counts, top: int = 12):
    """Horizontal stacked bars: mentions per actor, split by the form used.

    Parameters
    ----------
    counts : DataFrame
        From :func:`helpers.overview.actor_counts`.
    top : int
        Actors shown (most named first).
    """
    figure, axes = new_figure(8, max(2.5, 0.4 * min(top, counts["actor"].nunique() or 1) + 1))
    if counts.empty:
        axes.text(
            0.5, 0.5, "no actor mentions found", ha="center", va="center", transform=axes.transAxes
        )
        axes.set_axis_off()
        return figure
    table = counts.pivot_table(
        index="actor", columns="form", values="count", aggfunc="sum", fill_value=0
    )
    table = table.loc[table.sum(axis=1).sort_values(ascending=True).index[-top:]]
    forms = [f for f in FORM_COLORS if f in table.columns]
    forms += [f for f in table.columns if f not in FORM_COLORS]
    left = None
    for form in forms:
        values = table[form].to_numpy()
        color = FORM_COLORS.get(form, GREY)
        axes.barh(table.index, values, left=left, label=form, color=color)
        left = values if left is None else left + values
    whole_number_ticks(axes.xaxis)
    axes.set_xlabel("mentions")
    axes.set_title("Actors named, by form of reference")
    # Beside the bars, never over them (it hid a short article's 'capital' bar).
    axes.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


def sentence_length_hist(lengths):
    """Histogram of words per sentence."""
    figure, axes = new_figure(6, 3)
    axes.hist(lengths["words"], bins=min(30, max(5, len(lengths) // 2)), color="#0072B2")
    axes.set_xlabel("words per sentence")
    axes.set_ylabel("sentences")
    whole_number_ticks(axes.yaxis)
    return figure
