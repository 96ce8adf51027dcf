"""The codebook question sheet: a suggested yes/no per question, for a human coder.

Build it from the frame hits (:func:`question_sheet`), write it as CSV
(:func:`write_question_sheet`), and read it back once a coder has filled in
``coder_answer`` and ``coder_note`` (:func:`read_question_sheet`). Each row also
shows how the tool weighs the question (its answer, 0 to 1) and the frame's
score, threshold and decision (:mod:`helpers.framing.decide`), so that a coder
sees why the tool calls a frame present or not.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from helpers.errors import InputError
from helpers.framing.decide import question_answer
from helpers.framing.dictionaries import check_parameters
from helpers.framing.frames import OTHER_QUESTION, frame_catalog, frame_hits, frame_salience

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


QUESTION_SHEET_COLUMNS = (
    "scheme",
    "frame",
    "question_id",
    "question",
    "suggested",
    "n_hits",
    "per_1000_tokens",
    "answer",
    "frame_score",
    "frame_threshold",
    "frame_present",
    "evidence_sent_ids",
    "evidence_matches",
    "evidence",
    "coder_answer",
    "coder_note",
)
# The tool's reasons, recomputed with every sheet: a sheet written before they were
# added is still read (they come back empty).
_DECISION_COLUMNS = ("per_1000_tokens", "answer", "frame_score", "frame_threshold", "frame_present")


def question_sheet(
    seg, hits=None, schemes=("generic",), custom="", min_hits: int = 1, thresholds=None
) -> pd.DataFrame:
    """Fill in the codebook: a suggested yes/no per question with the sentences behind it.

    The sheet is for a human coder: ``suggested`` is "yes" when the question's
    indicators hit at least ``min_hits`` times (empty for the policy codebook's
    residual "Other", which no word list can detect); ``coder_answer`` and
    ``coder_note`` are left empty to be filled in (see :func:`read_question_sheet`).
    The other columns show how the tool decides the frame: the question's hits
    per 1,000 tokens and its ``answer`` (0 to 1, its share in the frame's
    score), and the frame's ``frame_score`` (the mean of the better half of the answers), ``frame_threshold``
    and ``frame_present``, the same on every row of the frame.

    Parameters
    ----------
    seg : Segmentation
    hits : DataFrame, optional
        From :func:`frame_hits`; computed when omitted.
    schemes, custom, min_hits, thresholds
        As for :func:`frame_salience`. By default only the generic scheme, whose
        categories are Semetko & Valkenburg's questions.

    Returns
    -------
    DataFrame
        :data:`QUESTION_SHEET_COLUMNS`. ``evidence_sent_ids`` is ``;``-separated,
        ``evidence`` gives each sentence as ``[id] text`` joined by `` | ``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> sheet = question_sheet(segment("Russia condemned it."))
    >>> sheet.loc[sheet.question_id == "q2_reproach", ["suggested", "answer", "evidence"]].values.tolist()
    [['yes', 1.0, '[0] Russia condemned it.']]
    """
    import pandas as pd

    check_parameters(schemes, min_hits)
    if hits is None:
        hits = frame_hits(seg, schemes, custom)
    frames = frame_salience(seg, hits, schemes, custom, min_hits, thresholds).set_index("frame_key")
    n_tokens = max(1, seg.n_tokens)
    sentences = seg.sentences["text"].tolist()
    by_category: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for scheme, category, sent_id, match in zip(
        hits["scheme"], hits["category"], hits["sent_id"], hits["match"], strict=True
    ):
        by_category.setdefault((scheme, category), []).append((int(sent_id), match))
    rows = []
    for item in frame_catalog(schemes, custom).itertuples(index=False):
        found = by_category.get((item.scheme, item.category), [])
        ids = sorted({sent_id for sent_id, _ in found})
        matches = list(dict.fromkeys(match for _, match in found))
        frame = frames.loc[item.frame_key]
        rows.append(
            (
                item.scheme,
                item.frame,
                item.question_id or item.category,
                item.question,
                ""
                if item.question == OTHER_QUESTION
                else "yes"
                if len(found) >= min_hits
                else "no",
                len(found),
                len(found) / n_tokens * 1000,
                question_answer(len(found), n_tokens, min_hits),
                frame["score"],
                frame["threshold"],
                bool(frame["present"]),
                ";".join(map(str, ids)),
                "; ".join(matches),
                " | ".join(f"[{i}] {' '.join(sentences[i].split())}" for i in ids),
                "",
                "",
            )
        )
    return pd.DataFrame(rows, columns=list(QUESTION_SHEET_COLUMNS))


def write_question_sheet(sheet, path) -> Path:
    """Write the question sheet as UTF-8 CSV (atomically) and return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from helpers.text import segment
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> sheet = question_sheet(segment("Russia condemned it."))
    >>> read_question_sheet(write_question_sheet(sheet, path)).equals(sheet)
    True
    """
    from helpers.io import write_table_atomic

    return write_table_atomic(sheet, path)


def read_question_sheet(path) -> pd.DataFrame:
    """Read a question sheet back, after a coder has filled in ``coder_answer``.

    Answers are normalised (trimmed, lower case); allowed: ``yes``, ``no`` or empty.
    The tool's numbers come back as numbers and ``frame_present`` as True/False; a
    sheet from before these columns existed is read with them empty (NaN).

    Raises
    ------
    InputError
        When the file cannot be read or is not UTF-8 text (a spreadsheet's
        Windows-1252 "CSV"), when a column is missing, or when an answer is not
        yes/no/empty (naming the line).
    """
    path = Path(path)
    table = _read_sheet_file(path)
    for column in _DECISION_COLUMNS:  # sheets written before the decision columns
        if column not in table.columns:
            table[column] = ""
    table = table[list(QUESTION_SHEET_COLUMNS)].copy()
    answers = table["coder_answer"].str.strip().str.lower()
    bad = answers[~answers.isin(["", "yes", "no"])]
    if len(bad):
        index = int(bad.index[0])
        raise InputError(
            f"coder_answer {table.loc[index, 'coder_answer']!r} is not yes, no or empty",
            where=f"{path}, line {index + 2}",
            fix="Answer yes or no (or leave it empty)",
        )
    table["coder_answer"] = answers
    try:
        table["n_hits"] = table["n_hits"].astype(int)
        for column in _DECISION_COLUMNS[:-1]:
            table[column] = table[column].replace("", "nan").astype(float)
    except ValueError:
        raise InputError(
            f"n_hits and {', '.join(_DECISION_COLUMNS[:-1])} must be numbers",
            where=str(path),
            fix="Only fill in coder_answer and coder_note; the tool's columns are not to be edited",
        ) from None
    present = table["frame_present"].map({"True": True, "False": False})
    table["frame_present"] = present if present.notna().all() else present.astype(object)
    return table


def _read_sheet_file(path: Path) -> pd.DataFrame:
    """Read the sheet's cells as text, with the project's one table reader.

    UTF-8 with or without the byte-order mark that spreadsheets write when
    saving "CSV UTF-8"; anything else (Windows-1252, UTF-16, a row with more
    cells than the header, a missing column) is refused with a one-line error.
    """
    from helpers.io import read_table

    required = dict.fromkeys(
        (c for c in QUESTION_SHEET_COLUMNS if c not in _DECISION_COLUMNS),
        "Keep every column of the sheet; only fill in coder_answer and coder_note",
    )
    return read_table(path, required=required, name="question sheet", format="csv", max_chars=None)
