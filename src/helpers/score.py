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

import argparse
import csv
import itertools
import json
import os
from collections import deque
from importlib import import_module
from operator import itemgetter
from pathlib import Path

from helpers.errors import InputError
from helpers.io import atomic_path
from helpers.text import _sentence_rows, tokenize

#: Analyses the command knows, in column order.
ANALYSES = {
    "sentiment": "helpers.sentiment",
    "framing": "helpers.framing",
    "diplomacy": "helpers.diplomacy",
}
FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
CHUNK_ROWS = 2_000


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


def _plan(modules) -> tuple:
    """Return ``(match_tokens, [(module, slice of its dictionaries' hits), ...])``."""
    from helpers.lexicons import DictionarySet

    dictionaries: list = []
    parts = []
    for module in modules:
        if not hasattr(module, "score_dictionaries"):
            parts.append((module, None))  # an analysis that matches for itself
            continue
        own = tuple(module.score_dictionaries())
        parts.append((module, slice(len(dictionaries), len(dictionaries) + len(own))))
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


# Rows scored together, one analysis after the other (see _score_units).
BATCH_ROWS = 16


def _score_units(units: list[str], plan, targets=None) -> tuple[list[dict], list[int]]:
    """Score short texts (sentences) together; return their rows and token counts.

    The units are tokenised and matched first, then each analysis scores all
    of them before the next one starts: running one analysis's code over a
    few units in a row keeps it and its data in the processor's caches, which
    is measurably faster than switching analysis at every unit. A small batch
    (:data:`BATCH_ROWS`) keeps few objects alive at once, so the garbage
    collector stays out of the way. With ``targets`` (one
    :class:`helpers.sentiment.TargetSpec` per unit), an analysis that scores
    tone toward a target (``score_target_rows``) is called for them instead.
    """
    match, parts = plan
    tokens = [tokenize(unit) for unit in units]
    found = [match(unit_tokens) for unit_tokens in tokens]
    rows: list[dict] = [{} for _ in units]
    for module, part in parts:
        score_row = module.score_row
        if targets is not None and hasattr(module, "score_target_rows"):
            scored = module.score_target_rows(units, tokens, [h[part] for h in found], targets)
            for row, values in zip(rows, scored, strict=True):
                row.update(values)
            continue
        if part is None:  # an analysis that matches for itself
            for row, unit, unit_tokens in zip(rows, units, tokens, strict=True):
                row.update(score_row(unit, unit_tokens))
        else:
            for row, unit, unit_tokens, hits in zip(rows, units, tokens, found, strict=True):
                row.update(score_row(unit, unit_tokens, hits[part]))
    return rows, [len(unit_tokens) for unit_tokens in tokens]


def score_text(text: str, modules, unit: str = "sentence", plan=None) -> dict:
    """Score one unit of text with the given analysis modules.

    Parameters
    ----------
    text : str
    modules : list of module
        Analysis modules, each with ``score_row(text, tokens)`` and
        ``aggregate_rows``. A module that also has ``score_dictionaries()``
        gets the hits of those dictionaries as a third argument of
        ``score_row``, matched in one pass with the other modules'.
    unit : {"sentence", "document"}
    plan : optional
        What :func:`_plan` returns for ``modules``; :func:`score_texts` makes
        it once for many texts.

    Returns
    -------
    dict
        Column name -> value.
    """
    text = _as_text(text)
    if plan is None:
        plan = _plan(modules)
    if unit == "sentence":
        return _score_units([text], plan)[0][0]
    spans = [(s, e) for _, s, e in _sentence_rows(text)]
    per_sentence: list[dict] = []
    weights: list[int] = []
    for i in range(0, len(spans), BATCH_ROWS):
        rows, counts = _score_units([text[s:e] for s, e in spans[i : i + BATCH_ROWS]], plan)
        per_sentence.extend(rows)
        weights.extend(max(1, count) for count in counts)
    result: dict = {}
    for module in modules:
        result.update(
            module.aggregate_rows(
                [{c: r[c] for c in module.COLUMNS} for r in per_sentence], weights
            )
        )
    result["n_sentences"] = len(spans)
    return result


def score_texts(texts, analyses=tuple(ANALYSES), unit: str = "sentence", targets=None):
    """Score a sequence of texts and return one row per text.

    This is what the command does to each chunk; notebooks and
    :mod:`helpers.validation` call it directly. ``targets`` (one per text: a
    target's text, or a :class:`helpers.sentiment.TargetSpec` with its
    offsets) adds the tone toward each row's target (sentences only, with
    the sentiment analysis).

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
    return pd.DataFrame(_score_rows(texts, analyses, unit, targets), columns=columns)


def _score_rows(texts, analyses, unit: str, targets=None) -> list[dict]:
    """Score texts; return one dict per text (column name -> value)."""
    modules = _modules(analyses)
    plan = _plan(modules)
    if unit != "sentence":
        return [score_text(text, modules, unit, plan) for text in texts]
    texts = [_as_text(text) for text in texts]
    rows = []
    for i in range(0, len(texts), BATCH_ROWS):
        batch = None if targets is None else targets[i : i + BATCH_ROWS]
        rows.extend(_score_units(texts[i : i + BATCH_ROWS], plan, batch)[0])
    return rows


def _check_unit(unit: str) -> None:
    if unit not in {"sentence", "document"}:
        raise InputError(
            f"unknown unit {unit!r}", where="--unit", fix="Use 'sentence' or 'document'"
        )


def _score_chunk(chunk, text_column: str, analyses, unit: str, targets=None, first_row: int = 0):
    """Score one chunk of the input; return it with its score rows (one dict per row).

    ``targets`` (:class:`helpers.sentiment.TargetColumns`) reads each row's
    target from the chunk; ``first_row`` is the chunk's first row in the file.
    """
    texts = chunk[text_column].tolist()
    specs = None
    if targets is not None:
        specs = targets.specs(chunk, [_as_text(t) for t in texts], first_row)
    return chunk, _score_rows(texts, analyses, unit, specs)


def _format_of(path: Path, role: str) -> str:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"cannot tell the format of {path.name!r} from its extension",
            where=role,
            fix=f"Use one of {', '.join(FORMATS)}",
        )
    return kind


def read_chunks(path: str | os.PathLike, text_column: str, chunk_rows: int = CHUNK_ROWS):
    """Yield the input table in chunks of DataFrames, checking it as it goes.

    Raises
    ------
    InputError
        Missing file, unknown format, empty file, missing text column, text
        that is not UTF-8, or a JSON Lines line that is not a JSON object.
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"input file not found: {path}", where="INPUT", fix="Check the path")
    kind = _format_of(path, "INPUT")
    if path.stat().st_size == 0:
        raise InputError(
            "input file is empty", where=str(path), fix="Give a file with a header and rows"
        )
    try:
        if kind == "jsonl":
            yield from _jsonl_chunks(path, text_column, chunk_rows)
            return
        reader = pd.read_csv(
            path,
            sep="\t" if kind == "tsv" else ",",
            chunksize=chunk_rows,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
        )
        first, rows = True, 0
        for chunk in reader:
            if first:
                _check_column(chunk.columns, text_column, path)
                first = False
            if len(chunk):
                rows += len(chunk)
                yield chunk
        if not rows:
            raise InputError("input file has a header but no rows", where=str(path), fix="Add rows")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"input is not UTF-8 text ({exc.reason} at byte {exc.start})",
            where=str(path),
            fix="Convert it, e.g. `iconv -f latin1 -t utf-8 IN > OUT`",
        ) from None
    except pd.errors.EmptyDataError:
        raise InputError(
            "input file has no header or rows", where=str(path), fix="Give a table"
        ) from None
    except pd.errors.ParserError as exc:
        raise InputError(f"input is not a valid table: {exc}", where=str(path)) from None


def _check_column(columns, text_column: str, path: Path) -> None:
    if text_column not in columns:
        raise InputError(
            f"no column {text_column!r} in the input",
            where=str(path),
            fix=f"Name the text column with --text-column; columns are: {', '.join(map(str, columns))}",
        )


def _jsonl_chunks(path: Path, text_column: str, chunk_rows: int):
    import pandas as pd

    rows = []
    seen_any = False
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"line {number} is not valid JSON ({exc.msg})",
                    where=f"{path}, line {number}",
                    fix="Fix or remove that line; no output was written",
                ) from None
            if not isinstance(record, dict):
                raise InputError(
                    f"line {number} is not a JSON object",
                    where=f"{path}, line {number}",
                    fix="Write one object per line",
                )
            if text_column not in record:
                raise InputError(
                    f"line {number} has no field {text_column!r}",
                    where=f"{path}, line {number}",
                    fix=f"Name the text field with --text-column; this line has: {', '.join(record)}",
                )
            rows.append(record)
            seen_any = True
            if len(rows) >= chunk_rows:
                yield pd.DataFrame(rows)
                rows = []
    if rows:
        yield pd.DataFrame(rows)
    if not seen_any:
        raise InputError("input file has no rows", where=str(path), fix="Add rows")


def _write_chunk(scored, columns, handle, kind: str, header: bool, plain: bool) -> None:
    """Append one scored chunk (what :func:`_score_chunk` returns) to the output.

    ``plain`` says every input cell is a string and every score a str, int,
    float (never NaN) or bool, as for sentences read from CSV or TSV: such
    rows go straight to :mod:`csv` with the dialect pandas' ``to_csv`` uses,
    which writes the same bytes without building a DataFrame per chunk (the
    output of a long table costs as much as some analyses). Anything else
    (JSON Lines, and documents, whose empty ones score NaN) goes through
    pandas, which also writes NaN as an empty cell.
    """
    chunk, rows = scored
    if plain and kind != "jsonl":
        writer = csv.writer(
            handle, delimiter="\t" if kind == "tsv" else ",", lineterminator=os.linesep
        )
        if header:
            writer.writerow([*chunk.columns, *columns])
        inputs = zip(*(chunk[column].tolist() for column in chunk.columns), strict=True)
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


def _checked(chunks, new_columns, source: Path):
    """Pass chunks through, refusing input that already has an output column."""
    for number, chunk in enumerate(chunks):
        if number == 0:
            clash = [c for c in new_columns if c in chunk.columns]
            if clash:
                raise InputError(
                    f"input already has column(s) {', '.join(clash)}",
                    where=str(source),
                    fix="Rename them; score adds columns with these names",
                )
        yield chunk


def _executor(jobs: int, scheduler: str | None):
    if scheduler:
        from dask.distributed import Client

        client = Client(scheduler)
        return client.get_executor(), client
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=jobs), None
    return None, None


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
    targets=None,
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
        Local worker processes.
    scheduler : str, optional
        Address of a Dask distributed scheduler (``tcp://host:8786``).
    chunk_rows : int
        Rows read, scored and written at a time.
    progress : bool
        Show a tqdm progress bar (rows done).
    targets : helpers.sentiment.TargetColumns, optional
        Add the tone toward each row's target (``--target-column`` ...).
    """
    _check_unit(unit)
    analyses = tuple(analyses)
    # Fails early on an unknown analysis.
    new_columns = output_columns(analyses, unit, targets is not None)
    if targets is not None:
        targets.check(analyses, unit)
    source, target = Path(input_path), Path(output_path)
    out_kind = _format_of(target, "OUTPUT")
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise InputError(
            "output would overwrite the input", where=str(target), fix="Choose another output file"
        )
    chunks = _checked(read_chunks(source, text_column, chunk_rows), new_columns, source)
    # CSV and TSV cells are read as strings; sentence scores are never NaN.
    plain = _format_of(source, "INPUT") != "jsonl" and unit == "sentence"
    # Read and check the first chunk before anything (even a folder) is created.
    first = next(chunks)
    if targets is not None:
        for column in targets.input_columns():
            _check_column(first.columns, column, source)
    chunks = itertools.chain([first], chunks)
    executor, client = _executor(jobs, scheduler)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="rows", desc="score")
    total = 0
    try:
        with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
            header = True

            def emit(scored):
                nonlocal header, total
                _write_chunk(scored, new_columns, handle, out_kind, header, plain)
                header = False
                total += len(scored[1])
                if bar is not None:
                    bar.update(len(scored[1]))

            read = 0  # rows read so far: the first row of the next chunk
            if executor is None:
                for chunk in chunks:
                    emit(_score_chunk(chunk, text_column, analyses, unit, targets, read))
                    read += len(chunk)
            else:
                pending: deque = deque()
                limit = 2 * max(1, jobs)
                for chunk in chunks:
                    pending.append(
                        executor.submit(
                            _score_chunk, chunk, text_column, analyses, unit, targets, read
                        )
                    )
                    read += len(chunk)
                    if len(pending) >= limit:
                        emit(pending.popleft().result())
                while pending:
                    emit(pending.popleft().result())
    finally:
        if bar is not None:
            bar.close()
        if client is not None:
            client.close()
        elif executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
    return total


def add_score_arguments(parser) -> None:
    """Add the ``score`` command's arguments to an argparse parser."""
    parser.add_argument("input", metavar="INPUT", help="CSV, TSV or JSON Lines file")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUTPUT", help="file to write (.csv/.tsv/.jsonl)"
    )
    parser.add_argument(
        "--text-column", default="text", help="column holding the text (default: text)"
    )
    parser.add_argument("--unit", choices=["sentence", "document"], default="sentence")
    parser.add_argument(
        "--analyses",
        default=",".join(ANALYSES),
        help=f"comma-separated, from {', '.join(ANALYSES)} (default: all)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="local worker processes (default: 1)")
    parser.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--chunk-rows", type=int, default=CHUNK_ROWS, help=argparse.SUPPRESS)
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    group = parser.add_argument_group("tone toward a target (sentences, with sentiment)")
    group.add_argument("--target-column", default="", help="column naming each row's target")
    group.add_argument("--target", default="", help="one target for every row, e.g. Russia")
    group.add_argument(
        "--target-start-column", default="", help="column with the target's start offset"
    )
    group.add_argument("--target-end-column", default="", help="column with its end offset")


def run_score_command(args) -> int:
    """Run ``score`` from parsed arguments; print a one-line summary."""
    analyses = [a.strip() for a in args.analyses.split(",") if a.strip()]
    target = None
    if args.target_column or args.target or args.target_start_column or args.target_end_column:
        from helpers.sentiment import TargetColumns

        target = TargetColumns(
            args.target_column, args.target, args.target_start_column, args.target_end_column
        )
    rows = score_file(
        args.input,
        args.output,
        text_column=args.text_column,
        unit=args.unit,
        analyses=analyses,
        jobs=args.jobs,
        scheduler=args.scheduler,
        chunk_rows=args.chunk_rows,
        progress=args.progress,
        targets=target,
    )
    print(f"scored {rows} rows ({args.unit}) -> {args.output}")
    return 0
