"""How tables read in reports (helpers.display) and how highlights look (helpers.highlight)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest

from helpers import display, highlight
from helpers.diplomacy import STANCE_TYPES, UNCERTAINTY_CLASSES, evidence_spans
from helpers.framing import GENERIC_FRAMES, POLICY_FRAMES

LONG = "The foreign ministers met in Geneva on Tuesday and agreed to hold further talks " * 2


def test_tables_show_every_cell_in_full_escaped_and_integers_as_integers():
    frame = pd.DataFrame(
        {
            "text": [LONG, "<script>x</script>"],
            "count": [11.0, float("nan")],
            "score": [0.123456, 2.0],
        }
    )
    page = display.table_html(frame)
    assert LONG.strip() in page and "..." not in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    cells = re.findall(r"<td>([^<]*)</td>", page)
    assert "11" in cells and "11.0" not in page and "11.000000" not in page
    assert "0.1235" in cells and "2" in cells and display.MISSING in cells
    assert "<th>0</th>" not in page  # the row number 0, 1, 2 ... is not a column


def test_rows_are_cut_only_with_a_note_naming_the_csv():
    frame = pd.DataFrame({"actor": [f"actor {i}" for i in range(31)]})
    page = display.show_table(frame, max_rows=20, csv="01_actor_counts.csv")._repr_html_()
    assert page.count("<tr>") == 21  # header and 20 rows
    assert "showing the first 20 of 31 rows; every row is in 01_actor_counts.csv" in page
    assert "showing" not in display.show_table(frame)._repr_html_()  # under MAX_ROWS: all
    long = pd.DataFrame({"n": range(display.MAX_ROWS + 5)})
    assert f"showing the first {display.MAX_ROWS} of {display.MAX_ROWS + 5} rows" in (
        display.table_html(long)
    )
    assert "(showing the first 20 of 31 rows" in repr(display.show_table(frame, 20, "x.csv"))


def test_a_meaningful_index_is_kept():
    pivot = pd.DataFrame({"actor": ["Japan"], "article_id": ["a"], "mean": [0.5]}).pivot_table(
        index="actor", columns="article_id", values="mean"
    )
    page = display.table_html(pivot)
    assert "<th>Japan</th>" in page and "<th>actor</th>" in page


def test_row_numbers_left_after_filtering_are_not_shown():
    # Notebooks 02 and 04 showed 4, 6, 19 ... beside filtered rows (seen in the reports).
    frame = pd.DataFrame({"sent_id": [3, 23, 15], "text": ["a", "b", "c"]}, index=[7, 40, 2])
    page = display.table_html(frame)
    assert "<th>40</th>" not in page and ">40<" not in page and "<td>23</td>" in page
    named = frame.rename_axis("row")
    assert "<th>40</th>" in display.table_html(named)


def test_the_extension_shows_every_dataframe_this_way():
    registered = {}
    formatter = SimpleNamespace(for_type=lambda kind, function: registered.update({kind: function}))
    shell = SimpleNamespace(display_formatter=SimpleNamespace(formatters={"text/html": formatter}))
    with pd.option_context("display.max_colwidth", 50, "display.float_format", None):
        display.load_ipython_extension(shell)
        assert pd.get_option("display.max_colwidth") is None
        assert registered[pd.DataFrame] is display.table_html
        assert "11.000000" not in repr(pd.DataFrame({"n": [11.0, 0.5]}))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (730.0, "730"),
        (-0.17510, "-0.1751"),
        (17.8125, "17.81"),
        (123456.78, "123456.8"),
        (None, "–"),
    ],
)
def test_numbers(value, shown):
    assert display.format_number(value) == shown


# ----------------------------------------------------------------------------- highlight


def _marks(page: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for style, category in re.findall(r'<mark style="([^"]+)"[^>]*data-category="([^"]+)"', page):
        found.setdefault(category, set()).add(style)
    return found


def test_a_category_has_one_mark_whatever_else_is_on_the_page():
    text = "may war talks"
    first = highlight.highlight_html(
        text,
        [
            {"start": 0, "end": 3, "category": "stance:hedge"},
            {"start": 4, "end": 7, "category": "event:verbal_conflict"},
        ],
    )
    second = highlight.highlight_html(  # other categories, in another order
        text,
        [
            {"start": 4, "end": 7, "category": "ladder:5"},
            {"start": 8, "end": 13, "category": "stance:booster"},
            {"start": 0, "end": 3, "category": "stance:hedge"},
        ],
    )
    assert _marks(first)["stance:hedge"] == _marks(second)["stance:hedge"]
    assert _marks(first)["stance:hedge"] != _marks(first)["event:verbal_conflict"]
    assert "Legend:" in first and "stance:hedge (1)" in first


def test_every_category_of_a_page_looks_different():
    categories = [
        *GENERIC_FRAMES,
        *[f"policy_{name}" for name in POLICY_FRAMES],
        *[f"stance:{name}" for name in STANCE_TYPES],
        *[f"ladder:{level}" for level in range(1, 7)],
        "event:verbal_cooperation",
        "event:material_cooperation",
        "event:verbal_conflict",
        "event:material_conflict",
        "speech",
        "name",
        *[f"uncertainty:{name}" for name in UNCERTAINTY_CLASSES],
        "a_frame_of_my_own",
        "another_one",
    ]
    assert set(categories) - {"a_frame_of_my_own", "another_one"} <= set(highlight.CATEGORY_MARKS)
    for group in (
        categories,
        [
            c
            for c in categories
            if c.startswith(("stance:", "ladder:", "event:", "speech", "name", "uncertainty:"))
        ],
    ):
        marks = highlight.category_marks(group)
        assert len(set(marks.values())) == len(group)
    assert all(
        mark.color in (*highlight.MUTED, *highlight.LADDER_RAMP, highlight.GREY)
        for mark in highlight.CATEGORY_MARKS.values()
    )


def test_a_legend_given_keeps_its_colours_and_lists_every_category():
    legend = {"raises the score": "#9be3c5", "lowers the score": "#f6b48a"}
    page = highlight.highlight_html(
        "good bad", [{"start": 0, "end": 4, "category": "raises the score"}], legend=legend
    )
    assert "#9be3c5" in page and "lowers the score (0)" in page
    assert highlight.category_colors(["conflict", "Japan"])["conflict"] == highlight.MUTED[0]


def test_every_kind_of_evidence_on_the_seed_has_a_fixed_mark(seed_path):
    from helpers.corpus import load_article
    from helpers.diplomacy.tables import _EVIDENCE_KINDS
    from helpers.text import segment

    article = load_article(seed_path)
    spans = evidence_spans(segment(article.text), include=_EVIDENCE_KINDS)
    found = set(spans["category"])
    assert {"speech", "name"} <= found and any(c.startswith("uncertainty:") for c in found)
    assert found <= set(highlight.CATEGORY_MARKS)


def test_an_empty_table_says_it_is_empty():
    page = display.table_html(pd.DataFrame({"w1": [], "w2": [], "freq": []}))
    assert "<th>w1</th>" in page and "no rows" in page
    assert "no rows" not in display.table_html(pd.DataFrame({"w1": ["a"]}))
