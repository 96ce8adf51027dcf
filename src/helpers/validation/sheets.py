"""Coding sheets: one row per sentence for a human coder, written and read back.

``python -m helpers codesheet ARTICLE -o sheet.csv`` writes
:func:`coding_sheet`: the sentence ids and text, the tool's codes (left out
with ``--blind``) and empty columns for the coder (the codebook is
``data/validation/README.md``). :func:`load_sheet` reads a filled-in sheet
back and checks it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from helpers.errors import InputError
from helpers.paths import DATA_DIR
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold
from helpers.validation.tables import read_sheet_table
from helpers.validation.tool import tool_codes

#: Columns identifying a sentence in a coding sheet.
ID_COLUMNS: tuple[str, ...] = ("doc_id", "sent_id", "text")
#: The tool's codes written into a coding sheet (when the analysis is installed).
TOOL_COLUMNS: tuple[str, ...] = (
    "sentiment",
    "sentiment_class",
    "frames",
    "uncertain",
    "intensity",
    "event",
    "quad_class",
)
#: Columns a human coder fills in.
CODER_COLUMNS: tuple[str, ...] = (
    "coder",
    "sentiment_label",
    "frames_label",
    "uncertain_label",
    "intensity_label",
    "quad_class_label",
    "note",
)
#: Folder of the example coded sheet shipped with the project.
EXAMPLE_DIR = DATA_DIR / "validation"
EXAMPLE_SHEET = EXAMPLE_DIR / "example_sheet.csv"


def coding_sheet(
    article, *, coder: str = "", threshold: float = DEFAULT_THRESHOLD, blind: bool = False
):
    """Return a coding sheet: one row per sentence, the tool's codes, empty coder columns.

    Parameters
    ----------
    article : str, path-like or Article
        An article id or path (see :func:`helpers.corpus.load_article`), or a
        loaded article.
    coder : str
        Written into every row's ``coder`` column (a coder's name or initials).
    threshold : float, default :data:`helpers.sentiment.DEFAULT_THRESHOLD`
        Neutral band for ``sentiment_class``.
    blind : bool, default False
        Leave out the tool's codes, so coders are not anchored by them
        (:func:`helpers.validation.sheet_agreement` scores the texts itself).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, text``, the :data:`TOOL_COLUMNS` the installed
        analyses give (unless ``blind``), then :data:`CODER_COLUMNS`.
    """
    import pandas as pd

    from helpers.text import split_sentences

    check_threshold(threshold, where="threshold")  # also when blind: a bad value is a mistake
    if not hasattr(article, "text"):
        from helpers.corpus import load_article

        article = load_article(article)
    sentences = split_sentences(article.text, doc_id=article.id)
    sheet = sentences[list(ID_COLUMNS)].reset_index(drop=True)
    if not blind:
        codes = tool_codes(sheet["text"].tolist(), threshold)
        for column in TOOL_COLUMNS:
            if column in codes.columns:
                sheet[column] = codes[column].to_numpy()
    sheet["text"] = [protect_cell(t) for t in sheet["text"]]
    coders = {column: pd.Series([""] * len(sheet), dtype="str") for column in CODER_COLUMNS}
    coders["coder"] = pd.Series([str(coder)] * len(sheet), dtype="str")
    return pd.concat([sheet, pd.DataFrame(coders)], axis=1)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def protect_cell(text: str) -> str:
    """Keep a spreadsheet from running a sentence as a formula (CSV injection).

    Coders open sheets in Excel or LibreOffice, which treat a cell starting
    with ``=``, ``+``, ``-`` or ``@`` as a formula; scraped text can start that
    way by accident or on purpose. Such a cell gets a leading apostrophe,
    which :func:`load_sheet` removes again (:func:`unprotect_cell`).

    Examples
    --------
    >>> protect_cell("=SUM(A1:A9)"), protect_cell("Talks stall.")
    ("'=SUM(A1:A9)", 'Talks stall.')
    """
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def unprotect_cell(text: str) -> str:
    """Undo :func:`protect_cell`.

    Examples
    --------
    >>> unprotect_cell("'-Moscow said"), unprotect_cell("'Tis the season")
    ('-Moscow said', "'Tis the season")
    """
    text = str(text)
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def write_coding_sheet(article, output, **options) -> Path:
    """Write :func:`coding_sheet` as CSV atomically and return the path."""
    from helpers.io import write_table_atomic

    output = Path(output)
    if output.suffix.lower() != ".csv":
        raise InputError(
            f"a coding sheet is written as CSV, not {output.suffix or 'a file without extension'}",
            where=str(output),
            fix="Name the output file with .csv",
        )
    return write_table_atomic(coding_sheet(article, **options), output)


def load_sheet(path) -> Any:
    """Read a coded sheet (CSV) and check its columns.

    Parameters
    ----------
    path : path-like
        A sheet written by ``codesheet`` and filled in by a coder.

    Returns
    -------
    DataFrame
        Labels as strings; empty cells are empty strings.

    Raises
    ------
    InputError
        Missing file, not UTF-8, empty, missing ``doc_id``/``sent_id``/``text``
        or no label column at all, or a sentence listed twice.
    """
    path = Path(path)
    sheet = read_sheet_table(
        path, required=dict.fromkeys(ID_COLUMNS, "Start from a sheet written by `codesheet`")
    )
    labels = [c for c in CODER_COLUMNS[1:-1] if c in sheet.columns]
    if not labels:
        raise InputError(
            "coding sheet has no label column",
            where=str(path),
            fix=f"Fill in at least one of {', '.join(CODER_COLUMNS[1:-1])}",
        )
    if sheet.empty:
        raise InputError("coding sheet has a header but no rows", where=str(path), fix="Add rows")
    sheet["text"] = [unprotect_cell(t) for t in sheet["text"]]
    duplicated = sheet.duplicated(["doc_id", "sent_id"])
    if duplicated.any():
        row = int(duplicated.to_numpy().nonzero()[0][0])
        raise InputError(
            f"sentence {sheet['doc_id'][row]}/{sheet['sent_id'][row]} is listed twice",
            where=f"{path}, row {row + 2}",
            fix="Keep one row per sentence",
        )
    return sheet


def load_sheets(sheet_a: str = "", sheet_b: str = "") -> dict:
    """Load one or two coded sheets for the notebook; empty ``sheet_a`` = the shipped example.

    Each sheet is named after its ``coder`` column (first value), else
    ``A`` / ``B``; two sheets with one name become ``<name> (A)``, ``<name> (B)``.
    """
    chosen = [("A", sheet_a or EXAMPLE_SHEET)]
    if sheet_b:
        chosen.append(("B", sheet_b))
    sheets = {}
    for letter, path in chosen:
        sheet = load_sheet(path)
        name = letter
        if "coder" in sheet.columns:
            coders = [c for c in sheet["coder"].tolist() if str(c).strip()]
            if coders:
                name = str(coders[0]).strip()
        if name in sheets:
            sheets[f"{name} (A)"] = sheets.pop(name)
            name = f"{name} ({letter})"
        sheets[name] = sheet
    return sheets


def validation_dir(output_dir: str | os.PathLike = "") -> Path:
    """Return (and create) the notebook's output folder: ``scratch/validation/`` by default.

    The batch names the folder (``reports/_standalone/``); a run by hand
    without one writes to the scratch folder, never to ``reports/``.
    """
    from helpers.paths import SCRATCH_DIR, safe_join

    out = Path(output_dir) if output_dir else safe_join(SCRATCH_DIR, "validation")
    out.mkdir(parents=True, exist_ok=True)
    return out
