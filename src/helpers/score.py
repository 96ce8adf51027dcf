"""Score researchers' own tables of text: ``python -m helpers score``.

Reads CSV, TSV or JSON Lines, treats each row as one unit of text and writes
the input columns followed by the columns of every selected analysis
(sentiment, framing, diplomacy: see each module's ``COLUMNS``).

* ``--unit sentence`` (default) scores each row as it is; ``--unit document``
  splits each row into sentences, scores them, and aggregates (each analysis
  says how, in its ``aggregate_rows``), adding ``n_sentences``.
* Input is read in chunks and output is appended chunk by chunk to a temporary
  file that is renamed into place at the end, so memory does not grow with the
  number of rows and a failed run leaves no partial output.
* A JSON Lines file with a bad line is refused as a whole, naming the line:
  silently dropping rows would bias the sample a researcher analyses.
* ``--jobs N`` scores chunks in N local processes; ``--scheduler ADDRESS``
  sends them to a Dask distributed cluster. Output order is input order.

Each row is tokenised once (:func:`helpers.text.tokenize`) and every analysis
reads the same tokens. The dictionaries of all selected analyses (each
module's ``score_dictionaries``) are matched together in one pass over those
tokens (:class:`helpers.lexicons.DictionarySet`), and each module's
``score_row`` is handed its own dictionaries' hits.
"""

from __future__ import annotations

import csv
import gc
import itertools
import os
from contextlib import contextmanager
from importlib import import_module
from operator import itemgetter
from pathlib import Path

from helpers.errors import InputError, ParameterError
from helpers.io import (
    MAX_TEXT_CHARS,
    TABLE_FORMATS,
    atomic_path,
    column_cells,
    read_table,
    row_tuples,
    split_rows,
    sweep_stale_parts,
    table_format,
)
from helpers.score_columns import (
    check_date,
    check_target_columns,
    checked_chunk,
    chunk_dates,
    numbered,
)
from helpers.stopping import until_stopped
from helpers.text import _sentence_rows, tokenize
from helpers.workers import DaskWorkers, LocalWorkers, ordered_results, usable_cores

#: Analyses the command knows, in column order.
ANALYSES = {
    "sentiment": "helpers.sentiment",
    "framing": "helpers.framing",
    "diplomacy": "helpers.diplomacy",
}
FORMATS = TABLE_FORMATS  # extension -> format, as helpers.io reads and score writes
CHUNK_ROWS = 2_000
#: The most characters one text cell may hold, by unit. A sentence row is
#: analysed as one span, and some analyses (speech attribution) take time that
#: grows faster than its length; a document is split into sentences first, so
#: its cost grows with its length only.
MAX_UNIT_CHARS = {"sentence": 100_000, "document": MAX_TEXT_CHARS}
_TOO_LONG = {
    "sentence": "A row is scored as one sentence: score long texts with --unit document, "
    "which splits them into sentences, or split the text into several rows",
    "document": "Split the text into several rows (say, one per chapter or section)",
}
#: Local worker processes allowed per usable core (``--jobs``).
JOBS_PER_CORE = 4
#: How long ``--scheduler`` tries to reach a Dask scheduler before giving up.
DASK_CONNECT_TIMEOUT = "10s"


def _modules(analyses):
    modules = []
    for name in analyses:
        if name not in ANALYSES:
            raise InputError(
                f"unknown analysis {name!r}",
                where="--analyses",
                fix=f"Choose from {', '.join(ANALYSES)}",
            )
        modules.append(import_module(ANALYSES[name]))
    return modules


def output_columns(
    analyses=tuple(ANALYSES), unit: str = "sentence", target: bool = False
) -> list[str]:
    """Return the columns ``score`` adds, in order (``target``: with the tone toward a target).

    Examples
    --------
    >>> output_columns(["sentiment"])[:2]
    ['sentiment', 'sentiment_raw']
    >>> output_columns(["sentiment"], target=True)[-3:]
    ['target_sentiment', 'target_label', 'target_evidence']
    """
    columns = [c for module in _modules(analyses) for c in module.COLUMNS]
    if target:
        from helpers.sentiment import TARGET_COLUMNS

        columns += TARGET_COLUMNS
    return columns + (["n_sentences"] if unit == "document" else [])


# Tuple of dictionaries -> the DictionarySet that matches them (it remembers
# what each token starts, so it is kept between chunks).
_MATCHERS: dict[tuple, object] = {}


def _takes_date(module) -> bool:
    """Whether a module's ``score_row`` reads the unit's date (resolving leaders by it)."""
    from inspect import signature

    return "date" in signature(module.score_row).parameters


def _plan(modules) -> tuple:
    """Return ``(match_tokens, [(module, slice of its hits, takes a date), ...])``."""
    from helpers.lexicons import DictionarySet

    dictionaries: list = []
    parts = []
    for module in modules:
        if not hasattr(module, "score_dictionaries"):
            parts.append((module, None, _takes_date(module)))  # matches for itself
            continue
        own = tuple(module.score_dictionaries())
        own_hits = slice(len(dictionaries), len(dictionaries) + len(own))
        parts.append((module, own_hits, _takes_date(module)))
        dictionaries.extend(own)
    key = tuple(dictionaries)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        if len(_MATCHERS) > 16:
            _MATCHERS.clear()  # dictionaries recompiled many times in one session
        matcher = _MATCHERS[key] = DictionarySet(dictionaries)
    return matcher.match_tokens, parts


def _as_text(value) -> str:
    """A cell as text to score: None (a missing value) is the empty text."""
    return "" if value is None else str(value)


#: Rows scored together, one analysis after the other (see _score_units). Measured
#: on 5 December 2026 with ``score`` on 20,760 benchmark sentences, --jobs 2, the
#: workers' CPU seconds in three alternating rounds: 16 rows 5.27, 5.84, 5.38;
#: 1,000 rows 4.92, 5.50, 4.95; 2,000 rows 5.04, 4.89, 4.85 (--jobs 1 on 6,000:
#: 16 rows 1.91-2.06 s, 1,000 rows 1.72-1.91 s). The garbage collector is paused
#: while a batch is scored (:func:`_collector_paused`), so the objects a large
#: batch keeps alive are not scanned again and again.
BATCH_ROWS = 1_000


def _score_units(units: list[str], plan, dates=None, targets=None) -> tuple[list[dict], list[int]]:
    """Score short texts (sentences) together; return their rows and token counts.

    The units are tokenised and matched first, then each analysis scores all
    of them before the next one starts: running one analysis's code over a
    many units in a row keeps it and its data in the processor's caches, which
    is measurably faster than switching analysis at every unit (see
    :data:`BATCH_ROWS`). ``dates`` (one ISO date or None per
    unit) go to the analyses whose ``score_row`` takes a ``date``. With
    ``targets`` (one :class:`helpers.sentiment.TargetSpec` per unit), an
    analysis that scores tone toward a target (``score_target_rows``) is
    called for them instead. An analysis with ``score_rows(units, tokens,
    hits, dates)`` scores the whole batch in one call (the rows of its
    ``score_row``, unit by unit), so that it can run each of its own steps
    over the batch.
    """
    match, parts = plan
    tokens, found, last = [], [], None
    for unit in units:  # a unit equal to the one before it (a row per target) is read once
        if unit != last:
            last, unit_tokens = unit, tokenize(unit)
            hits = match(unit_tokens)
        tokens.append(unit_tokens)  # shared objects: nothing downstream changes them
        found.append(hits)
    rows: list[dict] = [{} for _ in units]
    for module, part, dated in parts:
        score_row = module.score_row
        if targets is not None and hasattr(module, "score_target_rows"):
            scored = module.score_target_rows(units, tokens, [h[part] for h in found], targets)
            for row, values in zip(rows, scored, strict=True):
                row.update(values)
        elif part is not None and hasattr(module, "score_rows"):  # a batch at a time
            scored = module.score_rows(
                units, tokens, [h[part] for h in found], dates if dated else None
            )
            for row, values in zip(rows, scored, strict=True):
                row.update(values)
        elif dated and dates is not None:
            for i, (row, unit, unit_tokens) in enumerate(zip(rows, units, tokens, strict=True)):
                hits = () if part is None else (found[i][part],)
                row.update(score_row(unit, unit_tokens, *hits, date=dates[i]))
        elif part is None:  # an analysis that matches for itself
            for row, unit, unit_tokens in zip(rows, units, tokens, strict=True):
                row.update(score_row(unit, unit_tokens))
        else:
            for row, unit, unit_tokens, hits in zip(rows, units, tokens, found, strict=True):
                row.update(score_row(unit, unit_tokens, hits[part]))
    return rows, [len(unit_tokens) for unit_tokens in tokens]


def score_text(text: str, modules, unit: str = "sentence", plan=None, date=None) -> dict:
    """Score one unit of text with the given analysis modules.

    Parameters
    ----------
    text : str
    modules : list of module
        Analysis modules, each with ``score_row(text, tokens)`` and
        ``aggregate_rows``; ``aggregate_rows`` gets each sentence row's
        ``COLUMNS``, or the module's ``AGGREGATE_KEYS`` when it has them (keys
        that are read but never written out). A module that also has ``score_dictionaries()``
        gets the hits of those dictionaries as a third argument of
        ``score_row``, matched in one pass with the other modules'.
    unit : {"sentence", "document"}
    plan : optional
        What :func:`_plan` returns for ``modules``; :func:`score_texts` makes
        it once for many texts.
    date : str, optional
        The text's date (``YYYY-MM-DD``): people are resolved to what they
        led on that day ("President Biden" is the United States from
        2021-01-20). None: by the latest term.

    Returns
    -------
    dict
        Column name -> value. A document with no sentence (an empty text)
        scores as an empty sentence does (sentiment 0.0, counts 0), with
        ``n_sentences`` 0: the same in both units, and never a gap a mean
        would silently skip.
    """
    text = _as_text(text)
    if plan is None:
        plan = _plan(modules)
    if unit == "sentence":
        return _score_units([text], plan, None if date is None else [date])[0][0]
    spans = [(s, e) for _, s, e in _sentence_rows(text)]
    if not spans:
        return {**_score_units([""], plan)[0][0], "n_sentences": 0}
    per_sentence: list[dict] = []
    weights: list[int] = []
    for i in range(0, len(spans), BATCH_ROWS):
        batch = [text[s:e] for s, e in spans[i : i + BATCH_ROWS]]
        dates = None if date is None else [date] * len(batch)
        rows, counts = _score_units(batch, plan, dates)
        per_sentence.extend(rows)
        weights.extend(max(1, count) for count in counts)
    result: dict = {}
    for module in modules:
        # A module may read more of its sentence rows than it writes (AGGREGATE_KEYS).
        keys = getattr(module, "AGGREGATE_KEYS", module.COLUMNS)
        result.update(
            module.aggregate_rows(
                [{c: r[c] for c in keys if c in r} for r in per_sentence], weights
            )
        )
    result["n_sentences"] = len(spans)
    return result


def score_texts(texts, analyses=tuple(ANALYSES), unit: str = "sentence", dates=None, targets=None):
    """Score a sequence of texts and return one row per text.

    This is what the command does to each chunk; notebooks and
    :mod:`helpers.validation` call it directly. ``dates`` gives each text's
    date (``YYYY-MM-DD`` or None), as :func:`score_text` reads it.
    ``targets`` (one per text: a target's text, or a
    :class:`helpers.sentiment.TargetSpec` with its offsets) adds the tone
    toward each row's target (sentences only, with the sentiment analysis).

    Returns
    -------
    DataFrame
        The columns of :func:`output_columns`.
    """
    import pandas as pd

    _check_unit(unit)
    if targets is not None:
        from helpers.sentiment import TargetColumns, TargetSpec

        TargetColumns(text="targets").check(analyses, unit)
        targets = [t if isinstance(t, TargetSpec) else TargetSpec(_as_text(t)) for t in targets]
    columns = output_columns(analyses, unit, target=targets is not None)
    return pd.DataFrame(_score_rows(texts, analyses, unit, dates, targets), columns=columns)


def _score_rows(texts, analyses, unit: str, dates=None, targets=None) -> list[dict]:
    """Score texts; return one dict per text (column name -> value)."""
    modules = _modules(analyses)
    plan = _plan(modules)
    texts = list(texts)
    days = [None] * len(texts) if dates is None else [check_date(day) for day in dates]
    if unit != "sentence":
        return [score_text(t, modules, unit, plan, day) for t, day in zip(texts, days, strict=True)]
    texts = [_as_text(text) for text in texts]
    rows = []
    for i in range(0, len(texts), BATCH_ROWS):
        batch_dates = None if dates is None else days[i : i + BATCH_ROWS]
        batch = None if targets is None else targets[i : i + BATCH_ROWS]
        with _collector_paused():
            rows.extend(_score_units(texts[i : i + BATCH_ROWS], plan, batch_dates, batch)[0])
    return rows


@contextmanager
def _collector_paused():
    """Keep the cyclic garbage collector from running while a batch is scored.

    A batch of :data:`BATCH_ROWS` rows keeps its tokens and hits alive until
    every analysis has read them: with the collector on, each of its passes
    would scan them again. Reference counting frees almost everything anyway;
    the few cycles wait for the collector's first pass after the batch (it
    runs at the next allocations, once enabled again). Worker processes keep
    the collector off for a whole chunk (:mod:`helpers.workers`); nothing
    changes there.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _check_unit(unit: str) -> None:
    if unit not in {"sentence", "document"}:
        raise InputError(
            f"unknown unit {unit!r}", where="--unit", fix="Use 'sentence' or 'document'"
        )


def _score_chunk(
    chunk, text_column: str, analyses, unit: str, out: tuple, date_column=None, targets=None
) -> tuple[int, str]:
    """Score one chunk of the input; return its row count and its output, as text.

    ``out`` is what :func:`_write_chunk` needs besides the rows: ``(columns,
    kind, header, plain)``. The text is made where the chunk is scored, so a
    worker process sends back one string, not the rows' dicts, and formats
    its own share of the output. ``date_column`` names each row's date;
    ``targets`` (:class:`helpers.sentiment.TargetColumns`) reads each row's
    target from the chunk, whose index numbers its rows as in the file
    (:func:`helpers.score_columns.numbered`).
    """
    import io

    texts = column_cells(chunk, text_column)
    dates = chunk_dates(chunk, date_column)
    specs = None
    if targets is not None:
        first_row = int(chunk.index[0]) if len(chunk) else 0
        specs = targets.specs(chunk, [_as_text(t) for t in texts], first_row)
    rows = _score_rows(texts, analyses, unit, dates, specs)
    buffer = io.StringIO(newline="")
    columns, kind, header, plain = out
    _write_chunk((chunk, rows), columns, buffer, kind, header, plain)
    return len(rows), buffer.getvalue()


def read_chunks(
    path: str | os.PathLike,
    text_column: str,
    chunk_rows: int = CHUNK_ROWS,
    *,
    unit: str = "sentence",
    id_column: str | None = None,
    date_column: str | None = None,
    frames: bool = True,
):
    """Return the input table as an iterator of DataFrames, checked as it is read.

    :func:`helpers.io.read_table` with the text column (and the id and date
    columns, when named) required and the text limited to
    :data:`MAX_UNIT_CHARS` ``[unit]`` characters. With ``frames=False``, CSV
    and TSV come as :class:`helpers.io.Chunk` s, read without pandas.

    Raises
    ------
    InputError
        Missing file, unknown format, empty file, missing text column, text
        that is not UTF-8, a row with more fields than the header, a JSON Lines
        line that is not a JSON object, a text value that is an object or a
        list, or a text over the limit.
    """
    required = {text_column: "Name the text column with --text-column"}
    if id_column is not None:
        required[id_column] = "Name the id column with --id-column"
    if date_column is not None:
        required[date_column] = "Name the date column with --date-column"
    return read_table(
        path,
        required=required,
        text_columns=(text_column,),
        max_chars=MAX_UNIT_CHARS[unit],
        too_long_fix=_TOO_LONG[unit],
        chunk_rows=chunk_rows,
        name="input file",
        frames=frames,
    )


def _write_chunk(scored, columns, handle, kind: str, header: bool, plain: bool) -> None:
    """Append one scored chunk (what :func:`_score_chunk` returns) to the output.

    ``plain`` says every input cell is a string and every score a str, int,
    float (never NaN) or bool, as for sentences read from CSV or TSV: such
    rows go straight to :mod:`csv` with the dialect pandas' ``to_csv`` uses,
    which writes the same bytes without building a DataFrame per chunk (the
    output of a long table costs as much as some analyses). Anything else
    (JSON Lines, and documents) goes through pandas, which writes NaN (a
    document mean with nothing to average) as an empty cell.
    """
    chunk, rows = scored
    if plain and kind != "jsonl":
        writer = csv.writer(
            handle, delimiter="\t" if kind == "tsv" else ",", lineterminator=os.linesep
        )
        if header:
            writer.writerow([*chunk.columns, *columns])
        inputs = row_tuples(chunk)
        values = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
        writer.writerows([(*cells, *values(row)) for cells, row in zip(inputs, rows, strict=True)])
        return
    import pandas as pd

    frame = chunk.join(pd.DataFrame(rows, columns=columns, index=chunk.index))
    if kind == "jsonl":
        lines = frame.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n")
        if lines:
            handle.write(lines + "\n")
    else:
        frame.to_csv(handle, sep="\t" if kind == "tsv" else ",", index=False, header=header)


def _checked(chunks, new_columns, source: Path, id_column=None, date_column=None):
    """Pass chunks through, refusing input that already has an output column, an empty id
    or a bad date (:func:`helpers.score_columns.checked_chunk`)."""
    for number, chunk in enumerate(chunks):
        if number == 0:
            clash = [c for c in new_columns if c in chunk.columns]
            if clash:
                raise InputError(
                    f"input already has column(s) {', '.join(clash)}",
                    where=str(source),
                    fix="Rename them; score adds columns with these names",
                )
        yield checked_chunk(chunk, source, id_column=id_column, date_column=date_column)


def _whole_number(value, low: int, high: float = float("inf")) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _check_options(jobs, chunk_rows) -> None:
    """Refuse a number of jobs or a chunk size that cannot work, before any work."""
    limit = JOBS_PER_CORE * usable_cores()
    if not _whole_number(jobs, 1, limit):
        raise ParameterError(
            f"--jobs must be a whole number from 1 to {limit} ({JOBS_PER_CORE} per usable "
            f"core), not {jobs!r}",
            where="--jobs",
            fix=f"Use --jobs {usable_cores()} to use every core, or --jobs 1",
        )
    if not _whole_number(chunk_rows, 1):
        raise ParameterError(
            f"--chunk-rows must be a whole number of at least 1, not {chunk_rows!r}",
            where="--chunk-rows",
            fix=f"Leave it out (default {CHUNK_ROWS})",
        )


#: A sentence every analysis scores in :func:`warm_up`.
WARM_UP_TEXT = "Officials said the talks on the treaty would resume, despite the sanctions."


def warm_up(analyses=tuple(ANALYSES), unit: str = "sentence", target: bool = False) -> None:
    """Load and compile everything ``analyses`` need, by scoring one sentence.

    What the analyses load on their first row (dictionaries, VADER's tables,
    the actors list; with ``target``, what the tone toward a target reads) is
    then in memory, and in the disk cache (:mod:`helpers.cache`) for the next
    process. ``score`` calls it before forking its workers, so they share it;
    ``python -m helpers setup`` calls it so that the first ``score`` finds the
    cache filled.

    Examples
    --------
    >>> warm_up(["sentiment"])
    """
    specs = None
    if target and unit == "sentence" and "sentiment" in analyses:
        from helpers.sentiment import TargetSpec

        specs = [TargetSpec("talks")]
    _score_rows([WARM_UP_TEXT], tuple(analyses), unit, targets=specs)


def warm_up_frozen(analyses=tuple(ANALYSES), unit: str = "sentence", target: bool = False) -> None:
    """:func:`warm_up` with the garbage collector paused, then everything loaded frozen.

    For a process that scores and ends (the ``score`` command): what the
    analyses load (hundreds of thousands of objects: tries, actors, PETRARCH2's
    index) lives until the end, so the collector is kept from scanning it, at
    every pass, from the start; freezing it after the load instead left a
    tenth of a second of collections in a one-row run (measured with
    ``gc.callbacks``). Not for a notebook kernel, where frozen objects that
    later become cyclic garbage would never be freed.
    """
    with _collector_paused():
        warm_up(analyses, unit, target)
        gc.freeze()  # before the collector is on again: its next pass would scan it all


def _start_workers(
    jobs: int, scheduler: str | None, analyses, unit: str, target: bool, warm: bool = False
):
    """Return a function that starts the workers where chunks are scored (None: here);
    ``warm``: :func:`warm_up` ran already in this process."""
    if scheduler:
        return lambda: DaskWorkers(_score_chunk, scheduler, jobs, DASK_CONNECT_TIMEOUT)
    if jobs == 1:
        return None

    def start():
        if not warm:
            warm_up(analyses, unit, target)  # compiled before the fork: shared with the workers
        return LocalWorkers(_score_chunk, jobs)

    return start


def score_file(
    input_path: str | os.PathLike,
    output_path: str | os.PathLike,
    *,
    text_column: str = "text",
    unit: str = "sentence",
    analyses=tuple(ANALYSES),
    jobs: int = 1,
    scheduler: str | None = None,
    chunk_rows: int = CHUNK_ROWS,
    progress: bool = False,
    id_column: str | None = None,
    date_column: str | None = None,
    targets=None,
    ends_after: bool = False,
) -> int:
    """Score every row of ``input_path`` and write ``output_path``; return the row count.

    Parameters
    ----------
    input_path, output_path : path-like
        CSV, TSV or JSON Lines, told apart by extension. The output is written
        atomically (nothing appears unless the run completes).
    text_column : str, default "text"
    unit : {"sentence", "document"}
    analyses : sequence of str
        Names from :data:`ANALYSES`.
    jobs : int, default 1
        Local worker processes (the command's default is :func:`usable_cores`).
        Started once, when the input has a second chunk, each takes chunk
        after chunk; the output is the same, byte for byte, whatever the
        number.
    scheduler : str, optional
        Address of a Dask distributed scheduler (``tcp://host:8786``).
    chunk_rows : int
        Rows read, scored and written at a time.
    progress : bool
        Show a tqdm progress bar (rows done).
    id_column, date_column : str, optional
        Each row's id (first in the output) and date (leaders resolved by
        it); see :mod:`helpers.score_columns`.
    targets : helpers.sentiment.TargetColumns, optional
        Add the tone toward each row's target (``--target-column`` ...).
    ends_after : bool, default False
        The process ends after this (the command): see :func:`warm_up_frozen`.
    """
    _check_unit(unit)
    _check_options(jobs, chunk_rows)
    analyses = tuple(analyses)
    # Fails early on an unknown analysis.
    new_columns = output_columns(analyses, unit, targets is not None)
    if targets is not None:
        targets.check(analyses, unit)
    source, target = Path(input_path), Path(output_path)
    out_kind = table_format(target, where="OUTPUT")
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise InputError(
            "output would overwrite the input", where=str(target), fix="Choose another output file"
        )
    columns = {"id_column": id_column, "date_column": date_column}
    chunks, plain = _input_chunks(
        source, text_column, chunk_rows, unit, new_columns, targets, columns, out_kind
    )
    sweep_stale_parts(target.parent)  # what killed runs left behind
    if ends_after:
        warm_up_frozen(analyses, unit, targets is not None)
    if jobs > 1 and not scheduler:
        chunks = _even_tail(chunks, TAIL_PIECES_PER_JOB * jobs)
    extra = (date_column, targets)
    tasks = (
        (chunk, text_column, analyses, unit, (new_columns, out_kind, not k, plain), *extra)
        for k, chunk in enumerate(until_stopped(chunks))
    )
    start = _start_workers(jobs, scheduler, analyses, unit, targets is not None, ends_after)
    # Local workers only pay off from a second chunk on; a cluster was asked for.
    scored = ordered_results(_score_chunk, tasks, start, min_tasks=1 if scheduler else 2)
    return _write_scored(scored, target, progress)


#: The last chunk of a table scored by several local workers is cut into this many pieces
#: per worker (see :func:`_even_tail`).
TAIL_PIECES_PER_JOB = 2


def _even_tail(chunks, pieces: int):
    """The chunks, with the last one (unless it is the only one) cut into ``pieces``.

    The workers take chunk after chunk; the last one would keep one of them
    busy while the others wait (measured: 0.15-0.2 s of a 3 s run on 20,760
    rows, a worker idle for its 760-row last chunk). Cut, it is shared. The
    output is the same: the pieces keep their order and their rows' numbers.
    """
    held = None
    for number, chunk in enumerate(chunks):
        if held is not None:
            yield held
        held = chunk
        last_is_first = number == 0
    if held is not None:
        yield from [held] if last_is_first else split_rows(held, pieces)


def _input_chunks(
    source: Path, text_column, chunk_rows, unit, new_columns, targets, columns, out_kind
):
    """The input's chunks, checked, and whether its cells are plain text (see :func:`score_file`).

    The first chunk is read and checked here, before anything (even a folder)
    is created. Plain text written as CSV or TSV is read as
    :class:`helpers.io.Chunk` s, without pandas (whose import was half the
    time of a short run); anything else as DataFrames, which pandas writes.
    """
    # CSV and TSV cells are read as strings; sentence scores are never NaN.
    plain = table_format(source, where="INPUT") != "jsonl" and unit == "sentence"
    frames = not plain or out_kind == "jsonl"
    chunks = read_chunks(source, text_column, chunk_rows, unit=unit, frames=frames, **columns)
    chunks = _checked(chunks, new_columns, source, **columns)
    first = next(chunks)
    chunks = itertools.chain([first], chunks)
    if targets is not None:
        check_target_columns(first, targets, source)
        chunks = numbered(chunks)  # rows numbered as in the file, for errors about offsets
    return chunks, plain


def _write_scored(scored, target: Path, progress: bool) -> int:
    """Write the scored chunks' text to ``target`` atomically; return the row count.

    ``scored`` (from :func:`~helpers.workers.ordered_results`) is closed in
    any case, which stops the workers, also when writing fails.
    """
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="rows", desc="score")
    total = 0
    try:
        with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
            for rows, text in scored:
                handle.write(text)
                total += rows
                if bar is not None:
                    bar.update(rows)
    finally:
        scored.close()
        if bar is not None:
            bar.close()
    return total
