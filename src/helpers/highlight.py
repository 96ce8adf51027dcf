"""The article as HTML with evidence coloured, every character escaped.

Articles are scraped text and may contain ``<script>`` or ``onerror=``; every
piece of article text passes through :func:`html.escape` before it reaches the
page, and category names and notes are escaped too. Overlapping spans are
resolved by keeping the earlier-starting, then longer one (the others are
listed in the legend counts but not drawn twice).
"""

from __future__ import annotations

import html
from itertools import cycle

# Colour-blind-safe qualitative palette (Okabe & Ito 2008), light tints for backgrounds.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]


def category_colors(categories) -> dict[str, str]:
    """Assign a palette colour to each category, in the order given.

    Examples
    --------
    >>> category_colors(["conflict", "morality"])
    {'conflict': '#E69F00', 'morality': '#56B4E9'}
    """
    return dict(zip(dict.fromkeys(categories), cycle(PALETTE)))


def highlight_html(
    text: str, spans, *, title: str = "", legend: dict[str, str] | None = None
) -> str:
    """Return ``text`` as an HTML fragment with ``spans`` highlighted.

    Parameters
    ----------
    text : str
        The text the spans point into.
    spans : DataFrame or iterable of mappings
        ``start, end, category`` and optionally ``note`` (shown on hover).
    title : str
        A heading above the text (escaped).
    legend : dict, optional
        ``{category: colour}``; by default one is made with :func:`category_colors`.

    Returns
    -------
    str
        A ``<div>`` with a legend and the text; paragraphs become ``<p>``.

    Examples
    --------
    >>> out = highlight_html("<script>x</script> war", [{"start": 19, "end": 22, "category": "conflict"}])
    >>> "<script>" in out, "&lt;script&gt;" in out
    (False, True)
    """
    records = spans.to_dict("records") if hasattr(spans, "to_dict") else list(spans)
    records = sorted(
        (r for r in records if 0 <= int(r["start"]) < int(r["end"]) <= len(text)),
        key=lambda r: (int(r["start"]), -int(r["end"])),
    )
    colors = legend or category_colors(str(r["category"]) for r in records)
    counts: dict[str, int] = {}
    pieces = []
    cursor = 0
    for record in records:
        start, end = int(record["start"]), int(record["end"])
        category = str(record["category"])
        counts[category] = counts.get(category, 0) + 1
        if start < cursor:
            continue  # overlaps a span already drawn
        pieces.append(html.escape(text[cursor:start]))
        note = html.escape(str(record.get("note") or category), quote=True)
        color = colors.get(category, PALETTE[-1])
        pieces.append(
            f'<mark style="background:{color}55;border-bottom:2px solid {color}" '
            f'title="{note}" data-category="{html.escape(category, quote=True)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    legend_html = " ".join(
        f'<span style="background:{color}55;border-bottom:2px solid {color};padding:0 4px">'
        f"{html.escape(category)} ({counts.get(category, 0)})</span>"
        for category, color in colors.items()
    )
    heading = f"<h3>{html.escape(title)}</h3>" if title else ""
    return (
        f'<div class="ddn-highlight" style="line-height:1.6;max-width:48em">{heading}'
        f'<div style="margin-bottom:0.5em">{legend_html}</div>{paragraphs}</div>'
    )
