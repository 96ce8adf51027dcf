"""The ``score`` contract of framing: one row of frame counts and scores per unit of text.

:mod:`helpers.score` imports :mod:`helpers.framing` and reads :data:`COLUMNS`,
:data:`AGGREGATE_KEYS`, :func:`score_dictionaries`, :func:`score_row` and
:func:`aggregate_rows` (``docs/architecture.md``, "Analyses").

Every row carries, per frame, its hit count (``frame_<name>``, ``policy_<name>``)
and, per generic frame, its score (``frame_<name>_score``: the mean of the better half of the answers to its
Semetko & Valkenburg questions, :mod:`helpers.framing.decide`), computed on the
row's own tokens. The ``frames`` column differs by unit:

* ``--unit sentence``: the frames with at least one hit in the row (the
  sentence's evidence; a single sentence is no story, and the thresholds were
  set on articles);
* ``--unit document``: the frames **present** in the document, each decided
  by :func:`helpers.framing.decide.is_present` with the default thresholds:
  generic frames by their score, policy frames by the score of their one
  question against the unmeasured threshold.
"""

from __future__ import annotations

from helpers.actors.names import split_named, text_base
from helpers.framing.decide import (
    DEFAULT_THRESHOLDS,
    SATURATION,
    UNMEASURED_THRESHOLD,
    better_half,
    is_present,
)
from helpers.framing.dictionaries import GENERIC_FRAMES, POLICY_FRAMES, builtin_dictionary
from helpers.text import Token

#: Columns :func:`score_row` and :func:`aggregate_rows` return, in order.
COLUMNS: tuple[str, ...] = (
    "frames",
    *(f"frame_{name}" for name in GENERIC_FRAMES),
    *(f"policy_{name}" for name in POLICY_FRAMES),
    *(f"frame_{name}_score" for name in GENERIC_FRAMES),
)
#: What :func:`aggregate_rows` reads of each sentence row: the columns and the
#: per-question hit counts (``_questions``, never written out).
AGGREGATE_KEYS: tuple[str, ...] = (*COLUMNS, "_questions")
_COUNT_COLUMNS = tuple(c for c in COLUMNS[1:] if not c.endswith("_score"))
_SCORE_OF = {f"frame_{name}": f"frame_{name}_score" for name in GENERIC_FRAMES}
# Scores are written with this many decimals (decisions use the exact value).
_DECIMALS = 4


# Category of the combined dictionary -> its count column ("generic:conflict/q2_reproach"
# -> "frame_conflict"; suppressors and unknown frames -> None). A function of the name
# alone, so one map serves every version of the dictionaries: score_dictionaries adds
# the categories of the version it returns, and score_row only looks them up.
_COLUMN_OF: dict[str, str | None] = {}
# Count column of a generic frame -> its question categories, in codebook order, as the
# last dictionary returned by score_dictionaries has them.
_QUESTIONS: dict[str, tuple[str, ...]] = {}


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
_ZERO_ROW = {
    "frames": "",
    **dict.fromkeys(_COUNT_COLUMNS, 0),
    **dict.fromkeys(_SCORE_OF.values(), 0.0),
}


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
    with_patterns = {entry.category for entry in dictionary.entries}
    questions: dict[str, list[str]] = {}
    for category in dictionary.categories:
        if category.startswith("generic:") and "/" in category and category in with_patterns:
            questions.setdefault(_COLUMN_OF[category], []).append(category)
    _QUESTIONS.clear()
    _QUESTIONS.update({column: tuple(names) for column, names in questions.items() if column})
    return (dictionary,)


def _scores(question_hits: dict[str, int], n_tokens: int) -> dict[str, float]:
    """Score of each generic frame with hits: the mean of the better half of its answers."""
    scale = 1000.0 / max(1, n_tokens) / SATURATION
    out = {}
    for column, questions in _QUESTIONS.items():
        answers = [min(1.0, question_hits.get(q, 0) * scale) for q in questions]
        if any(answers):
            out[_SCORE_OF[column]] = better_half(answers)
    return out


def score_row(text: str, tokens: list[Token], hits: list[list] | None = None) -> dict:
    """Count and score each frame in one unit of text, for the ``score`` command.

    The built-in dictionaries are matched in one pass (compiled once per file
    version, see :func:`score_dictionaries`). A span counts once per frame even
    when it serves two of its questions (and once for each question it serves).

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
        :data:`COLUMNS`: ``frames`` (``;``-separated names of the frames with a hit:
        generic frame names, then ``policy_<name>``), one count per frame, one
        score per generic frame on this unit's tokens; and ``_questions`` (the
        hits per question, for :func:`aggregate_rows`; not an output column).

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> s = "The war raised prices."
    >>> r = score_row(s, tokenize(s))
    >>> r["frames"], r["frame_conflict"], r["frame_conflict_score"], r["policy_other"]
    ('conflict;economic;policy_economic;policy_security_defence', 1, 0.5, 0)
    """
    # Hot path (one call per row of a possibly huge table): no pandas, no loading
    # when the caller matched (it called score_dictionaries), a copied template row.
    if hits is None:
        hits = [score_dictionaries()[0].match_tokens(tokens)]
    column_of = _COLUMN_OF
    row = _ZERO_ROW.copy()
    seen = set()
    questions: dict[str, int] = {}
    found = hits[0]
    if found:
        # Names are not words (helpers.actors.names).
        found = split_named(found, text, text_base(text, tokens))[0]
    for hit in found:
        column = column_of.get(hit.category)
        if column is not None:
            key = (column, hit.start)
            if key not in seen:
                seen.add(key)
                row[column] += 1
            if column in _SCORE_OF:
                questions[hit.category] = questions.get(hit.category, 0) + 1
    if seen:
        row["frames"] = _frames({column for column, _ in seen})
    if questions:
        for name, value in _scores(questions, len(tokens)).items():
            row[name] = round(value, _DECIMALS)
        row["_questions"] = questions
    return row


def aggregate_rows(rows: list[dict], weights: list[int]) -> dict:
    """Combine per-sentence rows into one document row (``score --unit document``).

    Counts add up; each generic frame's score is computed from the document's
    hits per question and its number of tokens (``weights``: the tokens of each
    sentence); ``frames`` names the frames present by the default thresholds
    (:data:`helpers.framing.decide.DEFAULT_THRESHOLDS`; a policy frame is present
    when its hits reach the density of :data:`~helpers.framing.decide.UNMEASURED_THRESHOLD`
    answered questions).

    Examples
    --------
    >>> aggregate_rows([{"frame_conflict": 1}, {"frame_conflict": 2}], [4, 5])["frame_conflict"]
    3
    """
    if not _QUESTIONS:
        score_dictionaries()
    total = _ZERO_ROW.copy()
    questions: dict[str, int] = {}
    for row in rows:
        for column in _COUNT_COLUMNS:
            total[column] += int(row.get(column, 0) or 0)
        for category, count in (row.get("_questions") or {}).items():
            questions[category] = questions.get(category, 0) + count
    n_tokens = sum(weights)
    scores = _scores(questions, n_tokens)
    present = []
    for column in _COUNT_COLUMNS:
        if column in _SCORE_OF:
            score = scores.get(_SCORE_OF[column], 0.0)
            total[_SCORE_OF[column]] = round(score, _DECIMALS)
            threshold = DEFAULT_THRESHOLDS[_FRAME_NAME[column]]
        else:
            score = min(1.0, 1000.0 * total[column] / max(1, n_tokens) / SATURATION)
            threshold = UNMEASURED_THRESHOLD
        if is_present(score, threshold):
            present.append(column)
    total["frames"] = _frames(present)
    return total
