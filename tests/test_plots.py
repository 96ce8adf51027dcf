"""Figures a reader can read: numbers on heatmap cells stand out from the cell."""

from __future__ import annotations

import pandas as pd

from helpers.plots import text_colour
from helpers.plots.framing import plot_cooccurrence


def test_cooccurrence_numbers_are_white_on_dark_cells_and_black_on_light_ones():
    # Notebook 03 printed '16' black on the darkest navy cell (seen in the rendered report).
    frames = ["conflict", "economic"]
    matrix = pd.DataFrame([[16, 1], [1, 2]], index=frames, columns=frames)
    figure = plot_cooccurrence(matrix)
    colours = {text.get_text(): text.get_color() for text in figure.axes[0].texts}
    assert colours["16"] == "white" and colours["1"] == "black"


def test_text_colour_follows_the_cell_luminance():
    assert text_colour((0.0, 0.0, 0.0, 1.0)) == "white"
    assert text_colour((1.0, 1.0, 1.0, 1.0)) == "black"
    assert text_colour((0.03, 0.19, 0.42)) == "white"  # Blues' darkest


def test_sentence_axes_are_ticked_at_whole_sentences():
    # A three-sentence article's ladder was ticked 0.25, 0.50 ... (seen in a rendered report).
    from helpers.plots.sentiment import plot_arc

    table = pd.DataFrame(
        {
            "sent_id": [0, 1, 2],
            "para_id": [0, 0, 1],
            "compound": [0.1, -0.5, 0.3],
            "compound_raw": [0.1, -0.4, 0.3],
        }
    )
    figure = plot_arc(table)
    figure.canvas.draw()
    ticks = figure.axes[0].get_xticks()
    assert len(ticks) and all(float(t).is_integer() for t in ticks)


def test_the_actor_chart_legend_sits_beside_the_bars():
    # A short article's 'capital' bar was hidden under the legend (seen in a rendered report).
    from helpers.plots.overview import actor_bar

    counts = pd.DataFrame(
        {
            "actor": ["Japan", "Japan", "Russia", "Russia"],
            "form": ["name", "institution", "name", "capital"],
            "count": [1, 1, 1, 1],
        }
    )
    figure = actor_bar(counts)
    figure.canvas.draw()
    axes = figure.axes[0]
    assert axes.get_legend().get_window_extent().x0 >= axes.get_window_extent().x1 - 1
