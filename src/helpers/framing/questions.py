"""The codebook question sheet: a suggested yes/no per question, for a human coder.

Build it from the frame hits (:func:`question_sheet`), write it as CSV
(:func:`write_question_sheet`), and read it back once a coder has filled in
``coder_answer`` and ``coder_note`` (:func:`read_question_sheet`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from helpers.errors import InputError
from helpers.framing.dictionaries import check_parameters
from helpers.framing.frames import OTHER_QUESTION, frame_catalog, frame_hits

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


QUESTION_SHEET_COLUMNS = (
    "scheme",
    "frame",
    "question_id",
    "question",
    "suggested",
    "n_hits",
    "evidence_sent_ids",
    "evidence_matches",
    "evidence",
    "coder_answer",
    "coder_note",
)


def question_sheet(
    seg, hits=None, schemes=("generic",), custom="", min_hits: int = 1
) -> pd.DataFrame:
    """Fill in the codebook: a suggested yes/no per question with the sentences behind it.

    The sheet is for a human coder: ``suggested`` is "yes" when the question's
    indicators hit at least ``min_hits`` times (empty for the policy codebook's
    residual "Other", which no word list can detect); ``coder_answer`` and
    ``coder_note`` are left empty to be filled in (see :func:`read_question_sheet`).

    Parameters
    ----------
    seg : Segmentation
    hits : DataFrame, optional
        From :func:`frame_hits`; computed when omitted.
    schemes, custom, min_hits
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
    >>> sheet.loc[sheet.question_id == "q2_reproach", ["suggested", "evidence"]].values.tolist()
    [['yes', '[0] Russia condemned it.']]
    """
    import pandas as pd

    check_parameters(schemes, min_hits)
    if hits is None:
        hits = frame_hits(seg, schemes, custom)
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

    Raises
    ------
    InputError
        When the file cannot be read or is not UTF-8 text (a spreadsheet's
        Windows-1252 "CSV"), when a column is missing, or when an answer is not
        yes/no/empty (naming the line).
    """
    path = Path(path)
    table = _read_sheet_file(path)
    missing = ", ".join(c for c in QUESTION_SHEET_COLUMNS if c not in table.columns)
    if missing:
        raise InputError(
            f"question sheet lacks column(s) {missing}",
            where=str(path),
            fix="Keep every column of the sheet; only fill in coder_answer and coder_note",
        )
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
    except ValueError:
        raise InputError(
            "n_hits must be whole numbers", where=str(path), fix="Do not edit the n_hits column"
        ) from None
    return table


def _read_sheet_file(path: Path) -> pd.DataFrame:
    """Read the sheet's cells as text: the one place that reads the file.

    UTF-8 with or without the byte-order mark that spreadsheets write when
    saving "CSV UTF-8"; anything else is refused with a one-line error.
    """
    # Kept apart so that the project's one table reader replaces exactly this body.
    import pandas as pd

    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"question sheet is not UTF-8 text ({exc.reason} at byte {exc.start})",
            where=str(path),
            fix="Save it from the spreadsheet as 'CSV UTF-8'",
        ) from None
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(
            f"cannot read the question sheet: {exc}",
            where=str(path),
            fix="Give the CSV written by write_question_sheet",
        ) from None
