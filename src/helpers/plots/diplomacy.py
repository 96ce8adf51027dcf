"""Figures for notebook 04: stance densities, the intensity ladder, the dyad network.

Each function takes a table from :mod:`helpers.diplomacy` and returns a
matplotlib ``Figure`` (show it in the notebook, write it with
:func:`helpers.plots.save_figure`); matplotlib and networkx are imported inside
the functions so that ``import helpers`` stays light.
"""

from __future__ import annotations

from typing import Any

from helpers.errors import ParameterError
from helpers.plots import new_figure, whole_number_ticks

__all__ = ["plot_stance_densities", "plot_ladder", "plot_dyad_network"]

# Okabe & Ito (2008) colour-blind-safe colours, as in helpers.highlight.
_ARTICLE = "#0072B2"
_REFERENCE = "#999999"
_COOPERATION = "#009E73"
_CONFLICT = "#D55E00"
_NEUTRAL = "#999999"


def _need(table, columns, name):
    missing = [c for c in columns if c not in getattr(table, "columns", [])]
    if missing:
        raise ParameterError(
            f"{name} needs the columns {', '.join(missing)}",
            where=name,
            fix="Pass the table returned by the matching helpers.diplomacy function",
        )


def plot_stance_densities(densities, reference=None, *, reference_label: str = "reference") -> Any:
    """Draw stance markers per 1,000 words, the article beside a reference.

    Parameters
    ----------
    densities : DataFrame
        :func:`helpers.diplomacy.stance_densities` (``category, per_1000``).
    reference : DataFrame, optional
        The same columns for the reference (e.g.
        :func:`helpers.diplomacy.reference_densities`).
    reference_label : str
        Legend label of the reference bars.

    Returns
    -------
    matplotlib Figure
    """
    _need(densities, ("category", "per_1000"), "plot_stance_densities")
    figure, ax = new_figure(8, 3.5)
    categories = list(densities["category"])
    positions = range(len(categories))
    width = 0.4 if reference is not None else 0.8
    ax.bar(
        [p - (width / 2 if reference is not None else 0) for p in positions],
        densities["per_1000"],
        width,
        color=_ARTICLE,
        label="article",
    )
    if reference is not None:
        _need(reference, ("category", "per_1000"), "plot_stance_densities")
        ref = dict(zip(reference["category"], reference["per_1000"], strict=True))
        ax.bar(
            [p + width / 2 for p in positions],
            [ref.get(c, 0.0) for c in categories],
            width,
            color=_REFERENCE,
            label=reference_label,
        )
        ax.legend(frameon=False)
    ax.set_xticks(list(positions))
    ax.set_xticklabels([c.replace("_", " ") for c in categories], rotation=30, ha="right")
    ax.set_ylabel("per 1,000 words")
    ax.set_title("Stance markers and modality")
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def plot_ladder(ladder, *, labels: dict[int, str] | None = None) -> Any:
    """Draw the ladder level of each sentence, with the speaking actor marked.

    Parameters
    ----------
    ladder : DataFrame
        :func:`helpers.diplomacy.intensity_ladder` (``sent_id, level, speaker``).
    labels : dict, optional
        Rung labels for the y axis; default :data:`helpers.diplomacy.LADDER_LABELS`.

    Returns
    -------
    matplotlib Figure
    """
    _need(ladder, ("sent_id", "level", "speaker"), "plot_ladder")
    if labels is None:
        from helpers.diplomacy import LADDER_LABELS as labels
    figure, ax = new_figure(9, 3.5)
    ax.step(ladder["sent_id"], ladder["level"], where="mid", color=_NEUTRAL, linewidth=1)
    marked = ladder[ladder["level"] > 0]
    speakers = sorted({s or "(writer/unattributed)" for s in marked["speaker"]})
    from helpers.highlight import category_colors

    colors = category_colors(speakers)
    for speaker in speakers:
        rows = marked[marked["speaker"].replace("", "(writer/unattributed)") == speaker]
        ax.scatter(
            rows["sent_id"], rows["level"], s=60, color=colors[speaker], label=speaker, zorder=3
        )
    ax.set_yticks(sorted(labels))
    ax.set_yticklabels([f"{k} {labels[k]}" for k in sorted(labels)])
    ax.set_ylim(-0.5, max(labels) + 0.5)
    ax.set_xlabel("sentence")
    whole_number_ticks(ax.xaxis)
    ax.set_title("Statement intensity ladder")
    if speakers:
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def plot_dyad_network(dyad_table, *, weight: str = "net_cooperation", seed: int = 4) -> Any:
    """Draw the directed dyads as a network: arrows source -> target.

    Edge colour: green for net cooperation, orange for net conflict, grey for
    dyads without asserted events; edge width grows with the number of events.

    Parameters
    ----------
    dyad_table : DataFrame
        :func:`helpers.diplomacy.dyads`.
    weight : str, default "net_cooperation"
        The column that decides the edge colour.
    seed : int, default 4
        Layout seed, so the drawing is the same at every run.

    Returns
    -------
    matplotlib Figure
    """
    import networkx as nx

    _need(dyad_table, ("source", "target", "events", weight), "plot_dyad_network")
    figure, ax = new_figure(6, 5)
    graph = _dyad_graph(dyad_table, weight)
    ax.set_axis_off()
    ax.set_title("Who does what to whom (directed dyads)")
    if graph.number_of_nodes() == 0:
        ax.text(
            0.5,
            0.5,
            "no event with both a source and a target",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
        return figure
    # A circle keeps a handful of actors apart; larger networks need a spring layout.
    if graph.number_of_nodes() <= 12:
        layout = nx.circular_layout(graph)
    else:
        layout = nx.spring_layout(graph, seed=seed)
    _draw_dyads(graph, layout, ax)
    ax.margins(0.15)
    return figure


def _dyad_graph(dyad_table, weight: str):
    """A directed graph with one edge per dyad: ``events`` and ``value`` (NaN: none asserted)."""
    import math

    import networkx as nx

    graph = nx.DiGraph()
    for row in dyad_table.itertuples(index=False):
        value = float(getattr(row, weight))
        asserted = int(getattr(row, "asserted", row.events))
        if asserted == 0:
            value = math.nan  # only negated or modal events: no weight to show
        graph.add_edge(row.source, row.target, events=int(row.events), value=value)
    return graph


def _edge_colour(value: float) -> str:
    import math

    if math.isnan(value) or value == 0:
        return _NEUTRAL
    return _COOPERATION if value > 0 else _CONFLICT


def _draw_dyads(graph, layout, ax) -> None:
    """Nodes, curved arrows coloured by weight and sized by events, and edge labels."""
    import math

    import networkx as nx

    edges = list(graph.edges(data=True))
    colors = [_edge_colour(data["value"]) for _, _, data in edges]
    widths = [1 + data["events"] for _, _, data in edges]
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_color="#F0E442", node_size=900)
    nx.draw_networkx_labels(graph, layout, ax=ax, font_size=9)
    nx.draw_networkx_edges(
        graph,
        layout,
        ax=ax,
        edge_color=colors,
        width=widths,
        arrows=True,
        arrowsize=18,
        connectionstyle="arc3,rad=0.15",
        node_size=900,
    )
    edge_labels = {
        (u, v): f"{d['events']} ev, {d['value']:+.1f}"
        if not math.isnan(d["value"])
        else f"{d['events']} ev, none asserted"
        for u, v, d in edges
    }
    nx.draw_networkx_edge_labels(
        graph,
        layout,
        edge_labels=edge_labels,
        ax=ax,
        font_size=7,
        label_pos=0.4,
        connectionstyle="arc3,rad=0.15",  # on the curved edge, so A->B and B->A do not overlap
    )
