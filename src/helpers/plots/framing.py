"""Figures for notebook 03 (framing); matplotlib is imported inside each function.

Each function takes a table made by :mod:`helpers.framing` and returns a
matplotlib ``Figure``; :func:`helpers.plots.save_figure` writes it.
"""

from __future__ import annotations

from helpers.plots import new_figure, text_colour, whole_number_ticks


def plot_salience(salience, *, scheme: str | None = None, title: str = "Frame salience"):
    """Bar chart of hits per 1,000 tokens for each frame; dominant frames drawn darker.

    Parameters
    ----------
    salience : DataFrame
        From :func:`helpers.framing.frame_salience`.
    scheme : str, optional
        Only this scheme's frames (default: all, labelled ``scheme: label``).
    """
    table = salience if scheme is None else salience[salience["scheme"] == scheme]
    labels = [
        label if scheme is not None else f"{s}: {label}"
        for s, label in zip(table["scheme"], table["label"], strict=True)
    ]
    return _labelled_bars(
        table["per_1000_tokens"],
        labels,
        ["#0072B2" if d else "#9ecae1" for d in table["dominant"]],
        height=max(2.5, 0.32 * len(table) + 1),
        xlabel="hits per 1,000 tokens (dark: dominant frame)",
        title=title,
    )


def plot_frame_scales(sheet, *, scheme: str = "generic", title: str = "Each frame's scale"):
    """Each frame's score (bar), its threshold (black mark) and its questions' answers (dots).

    Parameters
    ----------
    sheet : DataFrame
        From :func:`helpers.framing.question_sheet`: one row per question with its
        ``answer`` and its frame's ``frame_score``, ``frame_threshold`` and
        ``frame_present``.
    scheme : str, default "generic"
        The scheme whose frames to draw.

    A frame is present (dark bar) when its score, the mean of its questions'
    answers, reaches the threshold.
    """
    rows = sheet[sheet["scheme"] == scheme]
    frames = list(dict.fromkeys(rows["frame"]))
    figure, axes = new_figure(8.0, max(2.5, 0.55 * len(frames) + 1.2))
    for y, frame in enumerate(frames):
        own = rows[rows["frame"] == frame]
        first = own.iloc[0]
        axes.barh(y, first["frame_score"], color="#0072B2" if first["frame_present"] else "#9ecae1")
        axes.plot([first["frame_threshold"]] * 2, [y - 0.4, y + 0.4], color="black", linewidth=2)
        axes.scatter(own["answer"], [y] * len(own), color="#555555", s=14, zorder=3)
    axes.set_yticks(range(len(frames)), frames)
    axes.invert_yaxis()
    axes.set_xlim(0, 1.02)
    axes.set_xlabel("score (bar; dark: present), threshold (black), question answers (dots)")
    axes.set_title(title)
    return figure


def plot_cooccurrence(matrix, *, title: str = "Frames in the same sentence"):
    """Heatmap of a frame co-occurrence matrix (:func:`helpers.framing.cooccurrence`)."""
    figure, axes = new_figure(1.0 + 0.45 * max(4, len(matrix)), 1.0 + 0.4 * max(4, len(matrix)))
    axes.set_title(title)
    if matrix.empty:
        axes.text(0.5, 0.5, "no frame hits", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return figure
    values = matrix.to_numpy()
    image = axes.imshow(values, cmap="Blues")
    axes.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=60, ha="right")
    axes.set_yticks(range(len(matrix.index)), matrix.index)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if values[i, j]:
                colour = text_colour(image.cmap(image.norm(values[i, j])))
                axes.text(
                    j, i, str(values[i, j]), ha="center", va="center", fontsize=7, color=colour
                )
    figure.colorbar(image, ax=axes, label="sentences")
    return figure


def plot_arc(arc, *, title: str = "Frame arc through the article"):
    """Heatmap of hits per sentence (x) and frame (y), from :func:`helpers.framing.frame_arc`."""
    frames = [c for c in arc.columns if c != "sent_id"]
    figure, axes = new_figure(9.0, max(2.0, 0.35 * len(frames) + 1.2))
    if frames:
        values = arc[frames].to_numpy().T
        image = axes.imshow(values, aspect="auto", cmap="Oranges", interpolation="nearest")
        axes.set_yticks(range(len(frames)), frames)
        figure.colorbar(image, ax=axes, label="hits")
    axes.set_xlabel("sentence index")
    whole_number_ticks(axes.xaxis)
    axes.set_title(title)
    return figure


def plot_naming(summary, *, title: str = "Which side's names the text uses"):
    """Horizontal bars of name counts per dispute and side (:func:`helpers.framing.naming_summary`)."""
    labels = [f"{d}: {s}" for d, s in zip(summary["dispute_id"], summary["side"], strict=True)]
    return _labelled_bars(
        summary["count"],
        labels,
        "#009E73",
        height=max(2.0, 0.3 * len(summary) + 1),
        xlabel="uses",
        title=title,
    )


def plot_episodic_thematic(table, *, title: str = "Episodic (-1) to thematic (+1), by paragraph"):
    """Bars of the episodic-thematic score per paragraph (:func:`helpers.framing.episodic_thematic`)."""
    figure, axes = new_figure(8.0, 3.0)
    colors = ["#D55E00" if s < 0 else "#0072B2" for s in table["score"]]
    axes.bar(table["para_id"], table["score"], color=colors)
    axes.axhline(0, color="black", linewidth=0.6)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlabel("paragraph")
    whole_number_ticks(axes.xaxis)
    axes.set_ylabel("score")
    axes.set_title(title)
    return figure


def _labelled_bars(values, labels, color, *, height: float, xlabel: str, title: str):
    """Horizontal bars, one per label, the first at the top."""
    figure, axes = new_figure(8.0, height)
    axes.barh(range(len(labels)), values, color=color)
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    return figure
