"""Figures for the notebooks, one module per analysis; matplotlib is imported lazily.

Every function takes a table made by the helpers and returns a matplotlib
``Figure``, so notebooks show it and :func:`save_figure` writes it.
"""

from __future__ import annotations


def new_figure(width: float = 8.0, height: float = 4.0):
    """Return ``(figure, axes)`` in the house style (no top/right spines)."""
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(width, height), layout="constrained")
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def save_figure(figure, path) -> None:
    """Save ``figure`` as PNG atomically (written beside, then renamed)."""
    from helpers.io import atomic_path

    with atomic_path(path, suffix=".png") as tmp:
        figure.savefig(tmp, dpi=120, format="png")


def whole_number_ticks(axis) -> None:
    """Tick an axis of sentences or paragraphs at whole numbers only (no '0.25' of a sentence)."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def text_colour(rgba) -> str:
    """Black on light cells, white on dark ones (relative luminance, WCAG 2.1).

    Examples
    --------
    >>> text_colour((0.03, 0.19, 0.42, 1.0)), text_colour((0.97, 0.98, 1.0, 1.0))
    ('white', 'black')
    """

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgba[:3])
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "white" if luminance < 0.18 else "black"
