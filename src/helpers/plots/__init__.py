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
