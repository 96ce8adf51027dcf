"""The article as HTML with evidence coloured, every character escaped.

Articles are scraped text and may contain ``<script>`` or ``onerror=``; every
piece of article text passes through :func:`html.escape` before it reaches the
page, and category names and notes are escaped too. Overlapping spans are
resolved by keeping the earlier-starting, then longer one (the others are
listed in the legend counts but not drawn twice).

Colours that mean the same everywhere
-------------------------------------
Each category the project highlights has one fixed mark (:data:`CATEGORY_MARKS`),
the same in every article and every report: a colour from Paul Tol's "muted"
qualitative scheme, chosen to stay distinguishable with the common colour-vision
deficiencies (Tol 2021, *Colour Schemes*, SRON/EPS/TN/09-002, section 2), and an
underline style per kind of evidence, so that no two categories of one page
look alike even where there are more categories than colours: frames are
underlined solid, stance markers dotted, events boxed, rungs of the intensity
ladder double-underlined on a yellow-to-brown ramp (Tol's YlOrBr: the higher
the rung, the darker), uncertainty cues wavy, words inside names (not counted)
grey dashed. A category not in the table (a dictionary of your own)
gets the next unused colour and style, in the order given, so the categories
of one page never share a mark. Every page carries a legend.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

#: Paul Tol's "muted" qualitative colours (Tol 2021), then his pale grey.
MUTED = (
    "#CC6677",  # rose
    "#332288",  # indigo
    "#DDCC77",  # sand
    "#117733",  # green
    "#88CCEE",  # cyan
    "#882255",  # wine
    "#44AA99",  # teal
    "#999933",  # olive
    "#AA4499",  # purple
)
GREY = "#BBBBBB"
#: Tol's sequential YlOrBr scheme, six steps from light to dark: the ladder's rungs 1-6.
LADDER_RAMP = ("#FEE391", "#FEC44F", "#FB9A29", "#EC7014", "#CC4C02", "#993404")
#: The qualitative colours in order, for figures that colour a few series.
PALETTE = list(MUTED)
#: Underline styles, one per kind of evidence (``box`` draws a frame around the words).
STYLES = ("solid", "dashed", "dotted", "double", "box", "wavy")


@dataclass(frozen=True)
class Mark:
    """How a category's spans look: a colour and a line (one of :data:`STYLES`)."""

    color: str
    line: str = "solid"

    def css(self) -> str:
        """The inline CSS of a span with this mark.

        Examples
        --------
        >>> Mark("#CC6677", "dotted").css()
        'background:#CC667740;border-bottom:3px dotted #CC6677'
        """
        if self.line == "wavy":
            return f"background:{self.color}26;text-decoration:underline wavy {self.color}"
        if self.line == "box":
            return f"background:{self.color}26;outline:2px solid {self.color};outline-offset:-1px"
        width = 4 if self.line == "double" else 3
        return f"background:{self.color}40;border-bottom:{width}px {self.line} {self.color}"


def _marks() -> dict[str, Mark]:
    generic = ("conflict", "human_interest", "economic", "morality", "responsibility")
    policy = (
        "economic",
        "capacity_resources",
        "morality",
        "fairness_equality",
        "legality",
        "policy_prescription",
        "crime_punishment",
        "security_defence",
        "health_safety",
        "quality_of_life",
        "cultural_identity",
        "public_opinion",
        "political",
        "external_regulation",
        "other",
    )
    # The commonest markers get the hues furthest apart (rose, indigo, sand, green).
    stance = {
        "hedge": 0,
        "booster": 1,
        "attitude": 2,
        "epistemic": 3,
        "deontic": 4,
        "self_mention": 5,
        "uncertainty": 6,
        "dynamic": 7,
        "engagement": 8,
    }
    marks = {name: Mark(MUTED[i], "solid") for i, name in enumerate(generic)}
    # Fifteen policy frames, nine colours: the second nine use a dashed line.
    marks |= {
        f"policy_{name}": Mark(MUTED[i % len(MUTED)], "dashed" if i < len(MUTED) else "double")
        for i, name in enumerate(policy)
    }
    marks |= {f"stance:{name}": Mark(MUTED[i], "dotted") for name, i in stance.items()}
    marks |= {f"ladder:{level}": Mark(LADDER_RAMP[level - 1], "double") for level in range(1, 7)}
    marks |= {
        "event:verbal_cooperation": Mark(MUTED[4], "box"),
        "event:material_cooperation": Mark(MUTED[1], "box"),
        "event:verbal_conflict": Mark(MUTED[0], "box"),
        "event:material_conflict": Mark(MUTED[5], "box"),
        "speech": Mark(GREY, "solid"),
        # A dictionary word not counted because it stands inside a name: grey, not evidence.
        "name": Mark(GREY, "dashed"),
    }
    # Uncertainty cues (helpers.diplomacy.UNCERTAINTY_CLASSES) are wavy; the colours
    # are those the commonest stance markers (hedge, booster, attitude) do not use.
    uncertainty = {"epistemic": 6, "doxastic": 7, "investigation": 8, "condition": 3, "weasel": 5}
    marks |= {f"uncertainty:{name}": Mark(MUTED[i], "wavy") for name, i in uncertainty.items()}
    return marks


#: The fixed mark of every category the project's notebooks highlight.
CATEGORY_MARKS: dict[str, Mark] = _marks()


def category_marks(categories) -> dict[str, Mark]:
    """Give each category its fixed mark; others the next mark no category here has.

    Examples
    --------
    >>> marks = category_marks(["stance:hedge", "my_frame", "conflict"])
    >>> marks["stance:hedge"] == CATEGORY_MARKS["stance:hedge"], marks["my_frame"].line
    (True, 'dashed')
    >>> marks["my_frame"] != marks["conflict"]
    True
    """
    wanted = list(dict.fromkeys(str(c) for c in categories))
    marks = {c: CATEGORY_MARKS[c] for c in wanted if c in CATEGORY_MARKS}
    free = (
        Mark(color, line)
        for line in ("dashed", "dotted", "solid", "double", "box")
        for color in MUTED
        if Mark(color, line) not in marks.values()
    )
    for category in wanted:
        if category not in marks:
            marks[category] = next(free, Mark(GREY, "dashed"))
    return {c: marks[c] for c in wanted}


def category_colors(categories) -> dict[str, str]:
    """Give each category a colour: its fixed one (:data:`CATEGORY_MARKS`), else the next unused.

    Examples
    --------
    >>> category_colors(["conflict", "morality"])
    {'conflict': '#CC6677', 'morality': '#117733'}
    >>> category_colors(["Japan", "Russia"])  # no fixed colour: the palette in order
    {'Japan': '#CC6677', 'Russia': '#332288'}
    """
    wanted = list(dict.fromkeys(str(c) for c in categories))
    fixed = {c: CATEGORY_MARKS[c].color for c in wanted if c in CATEGORY_MARKS}
    free = iter([color for color in MUTED if color not in fixed.values()] * len(wanted))
    return {c: fixed.get(c) or next(free, GREY) for c in wanted}


def _legend_order(category: str) -> tuple[int, str]:
    """Known categories in the table's order, then the others by name."""
    known = list(CATEGORY_MARKS)
    return (known.index(category), "") if category in known else (len(known), category)


def _page_marks(found: list[str], legend: dict[str, str] | None) -> dict[str, Mark]:
    """The marks of one page: fixed ones, or the colours of a legend the caller gives."""
    if not legend:
        return category_marks(found)
    marks = {
        category: Mark(
            color, CATEGORY_MARKS[category].line if category in CATEGORY_MARKS else "solid"
        )
        for category, color in legend.items()
    }
    for category in found:  # drawn but not in the legend given: grey, dashed, listed
        marks.setdefault(category, Mark(GREY, "dashed"))
    return marks


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
        ``{category: colour}``: the categories to list, in this order, with
        these colours (their line as in :data:`CATEGORY_MARKS`). By default
        every category found, each with its fixed mark (:func:`category_marks`).

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
    marks = _page_marks(sorted({str(r["category"]) for r in records}, key=_legend_order), legend)
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
        pieces.append(
            f'<mark style="{marks[category].css()};color:inherit" '
            f'title="{note}" data-category="{html.escape(category, quote=True)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    legend_html = " ".join(
        f'<span style="{mark.css()};padding:0 4px;margin-right:2px;white-space:nowrap" '
        f'data-category="{html.escape(category, quote=True)}">'
        f"{html.escape(category)} ({counts.get(category, 0)})</span>"
        for category, mark in marks.items()
    )
    heading = f"<h3>{html.escape(title)}</h3>" if title else ""
    return (
        f'<div class="ddn-highlight" style="line-height:1.8;max-width:48em">{heading}'
        f'<div style="margin-bottom:0.5em;line-height:2">Legend: {legend_html}</div>'
        f"{paragraphs}</div>"
    )
