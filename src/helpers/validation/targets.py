"""Gold standards of tone toward targets: one unit per target, from flat tables or a list per sentence.

``validate --measure target_sentiment`` compares the tool's ``target_label``
(:mod:`helpers.sentiment.target`, what ``score --target-column`` gives) with
human labels of the tone toward a named target. Two layouts are read:

* a flat table (CSV, TSV or JSON Lines) with one row per target: the text,
  the target (``--target-column``, or offsets ``--target-start-column`` and
  ``--target-end-column``) and the label, read by :func:`helpers.validation.read_gold`;
* JSON Lines with a list of targets per sentence, as NewsMTSC (Hamborg &
  Donnay 2021) publishes it: each line an object with the sentence
  (``sentence_normalized``) and ``targets``, each target with its ``mention``,
  character offsets ``from`` and ``to`` and ``polarity`` (2.0 negative, 4.0
  neutral, 6.0 positive, as the dataset encodes its three classes; a class
  name is read too). :func:`read_target_gold` turns it into one unit per
  target, so nothing else in ``validate`` changes.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.errors import InputError

#: The measure of tone toward a target.
TARGET_MEASURE = "target_sentiment"
#: The sentence field of NewsMTSC's JSON Lines files.
NEWSMTSC_TEXT = "sentence_normalized"
#: NewsMTSC's polarity codes and the classes they stand for.
NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
#: Columns of the units :func:`read_target_gold` yields (besides the text).
TARGET_UNIT_COLUMNS = ("target", "target_start", "target_end", "label", "line")

_CLASSES = frozenset(NEWSMTSC_POLARITY.values())


def check_targets(measure: str, targets) -> None:
    """Refuse :data:`TARGET_MEASURE` without targets, and targets with another measure.

    Raises
    ------
    InputError
        Naming the options to give or to leave out.
    """
    if measure == TARGET_MEASURE and targets is None:
        raise InputError(
            f"the measure {TARGET_MEASURE!r} needs to know each row's target",
            where="--target-column",
            fix="Name the target column (--target-column) or the offset columns "
            "(--target-start-column, --target-end-column), or give JSON Lines with a "
            "list of targets per sentence",
        )
    if targets is not None and measure != TARGET_MEASURE:
        raise InputError(
            f"targets go with the measure {TARGET_MEASURE!r} only, not {measure!r}",
            where="--target-column",
            fix=f"Use --measure {TARGET_MEASURE}, or leave out the target options",
        )


def has_target_lists(path) -> bool:
    """Whether ``path`` is JSON Lines whose first record holds a list of ``targets``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> _ = path.write_text('{"sentence_normalized": "Talks failed.", "targets": []}\\n')
    >>> has_target_lists(path), has_target_lists(path.with_suffix(".csv"))
    (True, False)
    """
    path = Path(path)
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        for line in handle:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(record, dict) and isinstance(record.get("targets"), list)
    return False


def read_target_gold(path, text_column: str = NEWSMTSC_TEXT, chunk_rows: int = 2_000):
    """Read JSON Lines with a list of targets per sentence as one unit per target, in chunks.

    Parameters
    ----------
    path : path-like
        JSON Lines in the NewsMTSC layout (module docstring).
    text_column : str, default "sentence_normalized"
        The field holding the sentence.
    chunk_rows : int
        Units per chunk.

    Yields
    ------
    DataFrame
        ``text_column`` and :data:`TARGET_UNIT_COLUMNS`: the target's
        ``mention``, its offsets, its class (``negative``, ``neutral`` or
        ``positive``) and the line it came from.

    Raises
    ------
    InputError
        A missing file, a line that is not a JSON object, a missing sentence
        or ``targets`` list, offsets that are not whole numbers inside the
        sentence, or a polarity that is neither 2, 4, 6 nor a class name;
        naming the line and the target.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> line = {"sentence_normalized": "Japan praised Russia.", "targets": [
    ...     {"mention": "Japan", "from": 0, "to": 5, "polarity": 4.0},
    ...     {"mention": "Russia", "from": 14, "to": 20, "polarity": 6.0}]}
    >>> _ = path.write_text(json.dumps(line) + "\\n")
    >>> next(read_target_gold(path))[["target", "target_start", "label"]].values.tolist()
    [['Japan', 0, 'neutral'], ['Russia', 14, 'positive']]
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"gold file not found: {path}", where="--gold", fix="Check the path")
    columns = [text_column, *TARGET_UNIT_COLUMNS]
    rows: list[tuple] = []
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                rows.extend(_units(line, number, text_column, path))
            if len(rows) >= chunk_rows:
                yield pd.DataFrame(rows, columns=columns)
                rows = []
    if rows:
        yield pd.DataFrame(rows, columns=columns)


def _units(line: str, number: int, text_column: str, path: Path) -> list[tuple]:
    """The units (one per target) of one line of the gold file."""
    where = f"{path}, line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number} is not valid JSON ({exc.msg})", where=where) from None
    if not isinstance(record, dict) or not isinstance(record.get(text_column), str):
        raise InputError(
            f"line {number} has no sentence in {text_column!r}",
            where=where,
            fix="Give each line the sentence (--text-column names its field)",
        )
    targets = record.get("targets")
    if not isinstance(targets, list):
        raise InputError(f"line {number} has no list of 'targets'", where=where)
    text = record[text_column]
    units = []
    for k, target in enumerate(targets, start=1):
        here = f"{where}, target {k}"
        if not isinstance(target, dict):
            raise InputError(f"target {k} of line {number} is not an object", where=here)
        start, end = target.get("from"), target.get("to")
        if not _offset(start) or not _offset(end) or not 0 <= start < end <= len(text):
            raise InputError(
                f"target {k} of line {number} has offsets {start!r}..{end!r}",
                where=here,
                fix=f"Give 'from' and 'to' as character offsets inside the sentence "
                f"(0..{len(text)})",
            )
        units.append(
            (text, str(target.get("mention", text[start:end])), start, end,
             _polarity(target.get("polarity"), here), number)
        )  # fmt: skip
    return units


def _offset(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _polarity(value, where: str) -> str | None:
    """A target's class from NewsMTSC's code (2, 4, 6) or a class name; None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().casefold() in _CLASSES:
        return value.strip().casefold()
    try:
        return NEWSMTSC_POLARITY[float(value)]
    except (TypeError, ValueError, KeyError):
        raise InputError(
            f"polarity {value!r} is none of 2 (negative), 4 (neutral), 6 (positive)",
            where=where,
            fix="Use NewsMTSC's codes or the class names negative/neutral/positive",
        ) from None
