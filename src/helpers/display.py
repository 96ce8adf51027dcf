"""How tables read in a notebook and its HTML report: in full, with integers as integers.

pandas' notebook display cuts every text cell after 50 characters, cuts long
tables to their first and last five rows, shows whole numbers stored as
floats as ``11.000000`` and numbers the rows 0, 1, 2 ... A report a
researcher cites must show what it claims, so here:

* every cell is shown in full (the report's CSS wraps it);
* whole numbers are shown without decimals (``11``, not ``11.000000``),
  other numbers with four significant digits (the CSV tables keep full
  precision);
* rows are cut only with a note, "showing the first N of M rows", at
  :data:`MAX_ROWS` by default or where a notebook asks for fewer with
  :func:`show_table`, which can also name the CSV file holding every row;
* row numbers (an unnamed index of whole numbers: 0, 1, 2 ..., or what is
  left of them after filtering) are not shown; a meaningful index (a pivot
  table's actors) is.

Every render of the batch loads this module as an IPython extension
(``helpers.batch.execute.KERNEL_EXTENSION``), so every DataFrame a notebook
shows reads this way; in JupyterLab, ``%load_ext helpers.display`` does the
same. Text is HTML-escaped (pandas' ``to_html``).
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

#: Rows a table shows before it is cut (with a note saying so).
MAX_ROWS = 100
#: Significant digits of numbers that are not whole.
DIGITS = 4
#: What an empty (missing) value shows as.
MISSING = "–"


def format_number(value: Any) -> str:
    """One number as a report shows it.

    Examples
    --------
    >>> format_number(11.0), format_number(0.123456), format_number(-17.8125), format_number(None)
    ('11', '0.1235', '-17.81', '–')
    >>> format_number(12345.678), format_number(float("nan")), format_number(2.5e-05)
    ('12345.7', '–', '2.5e-05')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    number = float(value)
    if math.isinf(number):
        return str(number)
    if number.is_integer() and abs(number) < 1e15:
        return f"{number:.0f}"
    if abs(number) >= 10**DIGITS:
        return f"{number:.1f}"
    return f"{number:.{DIGITS}g}"


def _plain_index(frame) -> bool:
    """Whether the index is just row numbers, not worth a column.

    An unnamed index of whole numbers is the rows' positions in the table they
    were taken from (0, 1, 2 ..., or 4, 6, 19 ... after filtering or sorting);
    a reader cannot use them. A named index (a pivot table's actors, a
    ``groupby``'s keys) says something and is shown.
    """
    import pandas as pd

    index = frame.index
    return (
        index.nlevels == 1
        and index.name is None
        and (isinstance(index, pd.RangeIndex) or pd.api.types.is_integer_dtype(index.dtype))
    )


# A line may break after ';', '_' or '/' in a cell ("conflict;policy_legality",
# a URL), so one long word cannot squeeze the sentence beside it into a narrow column.
_CELL = re.compile(r"(?<=<t[dh]>)[^<]+(?=</t[dh]>)")
_BREAKS = re.compile(r"&#?\w+;|[;_/]")


def _break_after(match) -> str:
    """``;`` -> ``;<wbr>``; an HTML entity (``&amp;``) stays whole."""
    text = match.group(0)
    return text if text.startswith("&") else text + "<wbr>"


def _missing_shown(frame):
    """Missing values of pandas' nullable columns (``<NA>`` in Int64) shown as :data:`MISSING`.

    Floats keep ``na_rep``; nullable integers, booleans and strings do not use it.
    """
    import pandas as pd

    nullable = [
        i
        for i, dtype in enumerate(frame.dtypes)
        if isinstance(dtype, pd.api.extensions.ExtensionDtype)
        and not isinstance(dtype, pd.CategoricalDtype)
    ]
    if not nullable:
        return frame
    frame = frame.copy()
    for i in nullable:
        column = frame.iloc[:, i]
        frame.isetitem(i, column.astype(object).where(column.notna(), MISSING))
    return frame


def cut_note(shown: int, total: int, csv: str | None = None) -> str:
    """The note under a cut table.

    Examples
    --------
    >>> cut_note(20, 134, "01_actor_counts.csv")
    'showing the first 20 of 134 rows; every row is in 01_actor_counts.csv'
    >>> cut_note(5, 5)
    ''
    """
    if shown >= total:
        return ""
    note = f"showing the first {shown} of {total} rows"
    return note + (f"; every row is in {csv}" if csv else "")


def table_html(frame, max_rows: int | None = MAX_ROWS, csv: str | None = None) -> str:
    """Return ``frame`` as an HTML table read the way this module describes.

    Examples
    --------
    >>> import pandas as pd
    >>> page = table_html(pd.DataFrame({"n": [11.0, 2.0], "text": ["x" * 60, "<b>"]}))
    >>> "x" * 60 in page, "&lt;b&gt;" in page, ">11<" in page, "11.0" in page
    (True, True, True, False)
    >>> "no rows" in table_html(pd.DataFrame({"w1": [], "w2": []}))
    True
    """
    total = len(frame)
    shown = frame if max_rows is None or total <= max_rows else frame.head(max_rows)
    shown = _missing_shown(shown)
    body = shown.to_html(
        index=not _plain_index(shown),
        float_format=format_number,
        na_rep=MISSING,
        border=0,
        escape=True,
        classes="ddn-table",
    ).replace('<tr style="text-align: right;">', "<tr>")  # the report's CSS aligns
    body = _CELL.sub(lambda cell: _BREAKS.sub(_break_after, cell.group(0)), body)
    # An empty table says so, rather than showing a header over nothing.
    note = cut_note(len(shown), total, csv) if total else "no rows: nothing of this kind was found"
    if note:
        body += f'<p class="ddn-table-note">{html.escape(note)}</p>'
    return body


class Table:
    """A table to show in a notebook, cut to ``max_rows`` with a note (see :func:`show_table`)."""

    def __init__(self, frame, max_rows: int | None = MAX_ROWS, csv: str | None = None):
        self.frame = frame
        self.max_rows = max_rows
        self.csv = csv

    def _repr_html_(self) -> str:
        return table_html(self.frame, self.max_rows, self.csv)

    def __repr__(self) -> str:
        shown = self.frame if self.max_rows is None else self.frame.head(self.max_rows)
        note = cut_note(len(shown), len(self.frame), self.csv)
        return shown.to_string(index=not _plain_index(shown)) + (f"\n({note})" if note else "")


def show_table(frame, max_rows: int | None = MAX_ROWS, csv: str | None = None) -> Table:
    """Show at most ``max_rows`` rows of ``frame``, saying so when rows are cut.

    Parameters
    ----------
    frame : DataFrame
        The table; every cell is shown in full.
    max_rows : int or None
        Rows shown (None: all).
    csv : str, optional
        The file the notebook saves the whole table to, named in the note.

    Returns
    -------
    Table
        Shown by the notebook when it is a cell's last value.

    Examples
    --------
    >>> import pandas as pd
    >>> print(repr(show_table(pd.DataFrame({"a": range(5)}), max_rows=2, csv="t.csv")))
     a
     0
     1
    (showing the first 2 of 5 rows; every row is in t.csv)
    """
    return Table(frame, max_rows, csv)


def set_options() -> None:
    """pandas' own display options for text output: cells in full, numbers as above."""
    import pandas as pd

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 120)
    pd.set_option("display.float_format", format_number)


def load_ipython_extension(ipython) -> None:
    """``%load_ext helpers.display``: every DataFrame shown as :func:`table_html` makes it."""
    import pandas as pd

    set_options()
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, table_html)
