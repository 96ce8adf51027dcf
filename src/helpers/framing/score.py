"""The ``score`` contract of framing: one row of frame counts per unit of text.

:mod:`helpers.score` imports :mod:`helpers.framing` and reads :data:`COLUMNS`,
:func:`score_dictionaries`, :func:`score_row` and :func:`aggregate_rows`
(``docs/architecture.md``, "Analyses").
"""

from __future__ import annotations

from helpers.framing.dictionaries import GENERIC_FRAMES, POLICY_FRAMES, builtin_dictionary
from helpers.text import Token

#: Columns :func:`score_row` returns, in order.
COLUMNS: tuple[str, ...] = (
    "frames",
    *(f"frame_{name}" for name in GENERIC_FRAMES),
    *(f"policy_{name}" for name in POLICY_FRAMES),
)
_COUNT_COLUMNS = COLUMNS[1:]


# Category of the combined dictionary -> its count column ("generic:conflict/q2_reproach"
# -> "frame_conflict"; suppressors and unknown frames -> None). A function of the name
# alone, so one map serves every version of the dictionaries: score_dictionaries adds
# the categories of the version it returns, and score_row only looks them up.
_COLUMN_OF: dict[str, str | None] = {}


def _count_column(category: str) -> str | None:
    scheme, _, rest = category.partition(":")
    column = ("frame_" if scheme == "generic" else "policy_") + rest.split("/", 1)[0]
    return column if column in _COUNT_COLUMNS else None


# Name of each count column in the ``frames`` column (generic frames by their plain
# name, policy frames with their prefix) and its place in the column order.
_FRAME_NAME = {
    column: column[len("frame_") :] if column.startswith("frame_") else column
    for column in _COUNT_COLUMNS
}
_COLUMN_ORDER = {column: i for i, column in enumerate(_COUNT_COLUMNS)}
_ZERO_ROW = {"frames": "", **dict.fromkeys(_COUNT_COLUMNS, 0)}


def _frames(columns) -> str:
    return ";".join([_FRAME_NAME[c] for c in sorted(columns, key=_COLUMN_ORDER.__getitem__)])


def score_dictionaries() -> tuple:
    """The compiled dictionary :func:`score_row` reads: both built-in schemes in one.

    :mod:`helpers.score` matches it together with the other analyses'
    dictionaries in one pass and hands :func:`score_row` the hits. It comes from
    :func:`~helpers.framing.dictionaries.builtin_dictionary`, the cache the
    tables use too, so an edited frame dictionary is scored from the next call
    on (``score`` asks once per chunk of rows).
    """
    dictionary = builtin_dictionary(("generic", "policy"))
    for category in dictionary.categories:
        if category not in _COLUMN_OF:
            _COLUMN_OF[category] = _count_column(category)
    return (dictionary,)


def score_row(text: str, tokens: list[Token], hits: list[list] | None = None) -> dict:
    """Count each frame's hits in one unit of text, for the ``score`` command.

    The built-in dictionaries are matched in one pass (compiled once per file
    version, see :func:`score_dictionaries`). A span counts once per frame even
    when it serves two of its questions.

    Parameters
    ----------
    text : str
        The unit's text (unused: the tokens carry it).
    tokens : list of Token
        From :func:`helpers.text.tokenize`.
    hits : list of list of Hit, optional
        ``[hits]``: what :mod:`helpers.score` found of :func:`score_dictionaries`
        in ``tokens``; when omitted, the tokens are matched here.

    Returns
    -------
    dict
        :data:`COLUMNS`: ``frames`` (``;``-separated names present: generic frame
        names, then ``policy_<name>``) and one count per frame.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> s = "The war raised prices."
    >>> r = score_row(s, tokenize(s))
    >>> r["frames"], r["frame_conflict"], r["policy_other"]
    ('conflict;economic;policy_economic;policy_security_defence', 1, 0)
    """
    # Hot path (one call per row of a possibly huge table): no pandas, no loading
    # when the caller matched (it called score_dictionaries), a copied template row.
    if hits is None:
        hits = [score_dictionaries()[0].match_tokens(tokens)]
    column_of = _COLUMN_OF
    row = _ZERO_ROW.copy()
    seen = set()
    for hit in hits[0]:
        column = column_of.get(hit.category)
        if column is not None:
            key = (column, hit.start)
            if key not in seen:
                seen.add(key)
                row[column] += 1
    if seen:
        row["frames"] = _frames({column for column, _ in seen})
    return row


def aggregate_rows(rows: list[dict], weights: list[int]) -> dict:
    """Combine per-sentence rows into one document row (``score --unit document``).

    Counts add up (``weights`` are not needed for counts); ``frames`` names every
    frame with at least one hit in the document.

    Examples
    --------
    >>> aggregate_rows([{"frame_conflict": 1}, {"frame_conflict": 2}], [4, 5])["frame_conflict"]
    3
    """
    total = _ZERO_ROW.copy()
    for row in rows:
        for column in _COUNT_COLUMNS:
            total[column] += int(row.get(column, 0) or 0)
    total["frames"] = _frames([column for column in _COUNT_COLUMNS if total[column]])
    return total
