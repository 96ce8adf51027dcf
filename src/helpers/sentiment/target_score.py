"""The ``score`` command's side of tone toward a target: its options, each row's target, the columns.

:class:`TargetColumns` holds the command's options (``--target-column``,
``--target``, ``--target-start-column``/``--target-end-column``) and makes one
:class:`TargetSpec` per row of a chunk; :func:`score_target_rows` gives a
batch of rows the sentiment columns of :func:`helpers.sentiment.score.score_row`
and :data:`TARGET_COLUMNS`, reading each sentence once.
:mod:`helpers.score` calls it instead of ``score_row`` when given targets.
The method itself is :mod:`helpers.sentiment.target`.
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from helpers.errors import InputError
from helpers.io.chunk import column_cells
from helpers.sentiment.score import hits_domain, kept_lists
from helpers.sentiment.supplement import supplement_lexicon
from helpers.sentiment.target import target_tone
from helpers.sentiment.target_place import checked_offsets, locate_target
from helpers.sentiment.vader import engine, punctuation_emphasis
from helpers.text import Token

_NORM = attrgetter("norm")

#: Columns the target adds to ``score`` (with ``--target-column`` or ``--target``).
TARGET_COLUMNS: tuple[str, ...] = ("target_sentiment", "target_label", "target_evidence")


class TargetSpec(NamedTuple):
    """Where the target of one row is: its ``text`` (found at its first occurrence) or its
    character offsets ``start`` and ``end`` (which decide when given)."""

    text: str = ""
    start: int | None = None
    end: int | None = None


class TargetColumns(NamedTuple):
    """The ``score`` command's target options: where each row's target comes from.

    ``column`` holds each row's target text, ``text`` is one fixed target
    for every row (``--target``), ``start_column``/``end_column`` hold
    character offsets into the row's text. Empty strings: not given.
    """

    column: str = ""
    text: str = ""
    start_column: str = ""
    end_column: str = ""

    def input_columns(self) -> list[str]:
        """The input columns these options read."""
        return [c for c in (self.column, self.start_column, self.end_column) if c]

    def check(self, analyses, unit: str) -> None:
        """Refuse options that cannot work together (before anything is read).

        Raises
        ------
        InputError
            Both a target column and a fixed target, only one offset column,
            no target at all, a unit other than sentences, or no sentiment
            analysis.
        """
        where = "--target-column/--target"
        if self.column and self.text:
            raise InputError(
                "give either --target-column or --target, not both", where=where,
                fix="Use --target-column for a target per row, --target for one target",
            )  # fmt: skip
        if bool(self.start_column) != bool(self.end_column):
            raise InputError(
                "--target-start-column and --target-end-column go together",
                where="--target-start-column/--target-end-column",
                fix="Name both offset columns, or neither",
            )
        if not (self.column or self.text or self.start_column):
            raise InputError("no target given", where=where, fix="Name the target column")
        if unit != "sentence":
            raise InputError(
                "tone toward a target is scored per sentence", where="--unit",
                fix="Use --unit sentence (one sentence per row) with a target",
            )  # fmt: skip
        if "sentiment" not in analyses:
            raise InputError(
                "tone toward a target needs the sentiment analysis", where="--analyses",
                fix="Add sentiment to --analyses",
            )  # fmt: skip

    def specs(self, chunk, texts: list[str], first_row: int = 0) -> list[TargetSpec]:
        """One :class:`TargetSpec` per row of a chunk of the input table.

        Raises
        ------
        InputError
            Offsets that are not whole numbers inside the row's text, naming
            the row (the header is row 1).
        """
        n = len(texts)
        targets = [self.text] * n if self.text else _cells(chunk, self.column, n)
        if not self.start_column:
            new = tuple.__new__  # one TargetSpec per row, without its Python-level __new__
            return [new(TargetSpec, (t, None, None)) for t in targets]
        specs = []
        starts, ends = _cells(chunk, self.start_column, n), _cells(chunk, self.end_column, n)
        for k, (text, target, start, end) in enumerate(
            zip(texts, targets, starts, ends, strict=True)
        ):
            if start == "" and end == "":
                specs.append(TargetSpec(target))
                continue
            try:
                span = checked_offsets(text, start, end)
            except InputError as exc:
                raise InputError(exc.what, where=f"row {first_row + k + 2}", fix=exc.fix) from None
            specs.append(TargetSpec(target, *span))
        return specs


def _cells(chunk, column: str, n: int) -> list:
    """A column's cells, missing values as ""; all "" without a column."""
    if not column:
        return [""] * n
    return ["" if v is None or v != v else str(v) for v in column_cells(chunk, column)]


def score_target_row(text: str, tokens: list[Token], hits, target: TargetSpec) -> dict:
    """The sentiment columns of one row and the tone toward its target, read once.

    What :func:`helpers.sentiment.score.score_row` returns (the same values)
    plus :data:`TARGET_COLUMNS`: ``target_sentiment`` (-1..1; "" when the
    target is not in the text), ``target_label`` ("" when not found) and
    ``target_evidence``. :mod:`helpers.score` calls it instead of
    ``score_row`` when the command is given a target.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> text = "Japan condemned Russia's decision."
    >>> row = score_target_row(text, tokenize(text), None, TargetSpec("Japan"))
    >>> row["sentiment"], row["target_sentiment"], row["target_label"]
    (-0.4404, 0.0, 'neutral')
    >>> score_target_row(text, tokenize(text), None, TargetSpec("Russia"))["target_label"]
    'negative'
    """
    return score_target_rows([text], [tokens], [hits], [target])[0]


def score_target_rows(texts, tokens_list, hits_list, targets) -> list[dict]:
    """:func:`score_target_row` for a batch of rows, one step after the other.

    Each step (reading the sentences, finding the targets, their tone) runs
    over the whole batch before the next starts, as :mod:`helpers.score`
    runs one analysis after the other: the same code over many rows in a
    row stays in the processor's caches. A row with the same text as the row
    before it (a table of mentions: one row per target of a sentence) reuses
    that row's reading of the sentence; rows of one sentence that are not
    neighbours are read again.
    """
    eng = engine()
    roles, actors = kept_lists()
    extra = supplement_lexicon()  # AFINN's words VADER lacks: for the target's tone only
    rows, readings, norms_list = [], [], []
    last_text, last = None, None
    for text, tokens, hits in zip(texts, tokens_list, hits_list, strict=True):
        if text != last_text:  # a table of mentions repeats a sentence once per target
            domain, found = hits_domain(hits)
            sentence, reading = eng.news_readings(
                text, tokens, domain, extra, hits=found, spans=False
            )
            compound, pos, neu, neg = eng.scores(sentence.valences, punctuation_emphasis(text))
            columns = {"sentiment": compound, "sentiment_raw": eng.raw(text)[0], "pos": pos,
                       "neu": neu, "neg": neg}  # fmt: skip
            last_text, last = text, (columns, reading, list(map(_NORM, tokens)))
        rows.append(dict(last[0]))
        readings.append(last[1])
        norms_list.append(last[2])
    spans = [
        locate_target(text, tokens, t.text, t.start, t.end, actors=actors, norms=norms)
        for text, tokens, t, norms in zip(texts, tokens_list, targets, norms_list, strict=True)
    ]
    for row, text, tokens, span, reading, norms in zip(
        rows, texts, tokens_list, spans, readings, norms_list, strict=True
    ):
        tone = target_tone(
            text, tokens, span, reading, roles=roles, norms=norms, sentence=row["sentiment"]
        )
        row["target_sentiment"] = tone.score if span is not None else ""
        row["target_label"] = tone.label if span is not None else ""
        row["target_evidence"] = tone.evidence
    return rows
