"""Whose words: the journalist's voice against quotations and reported speech, scored apart.

Quotations come from :func:`helpers.text.quote_spans`; reported speech
("Russia warned that talks were over") is what the caller passes, usually
:func:`helpers.diplomacy.attributed_spans` (the notebook composes the two, so
the analyses never import each other). Each voice's words in a sentence are
scored as one unit (:func:`voice_segments`) and summarised per voice
(:func:`voice_summary`).
"""

from __future__ import annotations

from typing import Any

from helpers.sentiment.domain import DOMAIN_LEXICON, domain_lexicon
from helpers.sentiment.labels import DEFAULT_THRESHOLD, check_threshold, label_shares
from helpers.sentiment.tables import as_segmentation
from helpers.sentiment.vader import engine
from helpers.sentiment.words import news_words
from helpers.text import Token

VOICE_COLUMNS: tuple[str, ...] = (
    "doc_id", "sent_id", "para_id", "voice", "text", "n_words",
    "compound", "pos", "neu", "neg", "compound_raw",
)  # fmt: skip

#: The voices, in the order the tables list them.
VOICES = ("journalist", "quoted", "reported")


def _reported_spans(reported) -> list[tuple[int, int]]:
    if reported is None:
        return []
    if hasattr(reported, "columns"):
        starts = reported["start"] if "start" in reported.columns else reported["content_start"]
        ends = reported["end"] if "end" in reported.columns else reported["content_end"]
        return [(int(s), int(e)) for s, e in zip(starts, ends, strict=True)]
    return [(int(s), int(e)) for s, e in reported]


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _voice_runs(tokens: list[Token], spans) -> dict[str, list[list[Token]]]:
    """Cut a sentence's tokens into runs of one voice each: ``voice -> [run, ...]``.

    ``spans`` are ``(start, end, voice)``; a token outside all of them is the
    journalist's.
    """

    def voice_of(token: Token) -> str:
        for s, e, voice in spans:
            if s <= token.start and token.end <= e:
                return voice
        return "journalist"

    pieces: dict[str, list[list[Token]]] = {}
    last = None
    for token in tokens:
        voice = voice_of(token) if spans else "journalist"
        runs = pieces.setdefault(voice, [])
        if voice != last or not runs:
            runs.append([])
        runs[-1].append(token)
        last = voice
    return pieces


def voice_segments(
    seg: Any,
    *,
    domain_adjust: bool = True,
    reported: Any = None,
    lexicon: Any = DOMAIN_LEXICON,
):
    """Split each sentence into the journalist's words, quotations and reported speech.

    Quotations come from :func:`helpers.text.quote_spans`; reported speech
    ("Russia warned that talks were over") is what the caller passes as
    ``reported``, usually :func:`helpers.diplomacy.attributed_spans` (the
    notebook composes the two, so this module does not import its sibling).
    Each voice's words in a sentence are scored as one unit, so "Japan called
    it “completely unacceptable,” a strong word" gives the quotation's tone
    to the quoted source and "a strong word" to the writer.

    Parameters
    ----------
    seg : Segmentation
    domain_adjust : bool, default True
    reported : DataFrame or list of (start, end), optional
        Spans of reported speech (``start, end`` or ``content_start,
        content_end`` columns). None: only direct quotations are separated.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, para_id, voice, text, n_words, compound, pos, neu,
        neg, compound_raw``; ``voice`` is ``journalist``, ``quoted`` or
        ``reported``; ``text`` joins the voice's pieces with " … ".

    Examples
    --------
    >>> v = voice_segments('Japan called it “completely unacceptable,” a strong word.')
    >>> v[["voice", "text", "compound"]].values.tolist()
    [['journalist', 'Japan called it … a strong word.', 0.0], ['quoted', '“completely unacceptable,”', -0.5095]]
    """
    import pandas as pd

    from helpers.text import quote_spans, tokenize

    seg = as_segmentation(seg)
    eng = engine()
    domain = domain_lexicon(lexicon) if domain_adjust else None
    spans = [(s, e, "quoted") for s, e in quote_spans(seg.text)]
    spans += [(s, e, "reported") for s, e in _reported_spans(reported)]
    rows = []
    paras = seg.sentences["para_id"].tolist()
    for sent_id, tokens in enumerate(seg.tokens):
        pieces = _voice_runs(tokens, spans)
        for voice in VOICES:
            # A run of bare punctuation (the "." after a reported clause) is no
            # text of its own, unless it carries VADER's "!"/"?" emphasis.
            runs = [
                run
                for run in pieces.get(voice, ())
                if any(_has_word(t.text) or t.text in "!?" for t in run)
            ]
            if not runs:
                continue
            parts = [seg.text[run[0].start : run[-1].end] for run in runs]
            text = " … ".join(parts)
            if domain is not None:
                compound, pos, neu, neg = eng.news(text, tokenize(text), domain)
            else:
                compound, pos, neu, neg = eng.raw(text)
            n_words = len(news_words(text))
            if n_words == 0:
                continue
            rows.append(
                (seg.doc_id, sent_id, paras[sent_id], voice, text, n_words, compound, pos, neu, neg,
                 eng.raw(" ".join(parts))[0])
            )  # fmt: skip
    return pd.DataFrame(rows, columns=list(VOICE_COLUMNS))


def voice_summary(voices, *, threshold: float = DEFAULT_THRESHOLD):
    """Tone per voice: units, words, mean and length-weighted mean, shares.

    Returns
    -------
    DataFrame
        ``voice, n_units, n_words, mean, weighted_mean, share_positive,
        share_neutral, share_negative``.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"voice": ["journalist", "quoted", "journalist"],
    ...                   "compound": [0.0, -0.5, 0.4], "n_words": [3, 2, 1]})
    >>> voice_summary(v)[["voice", "n_units", "mean", "weighted_mean", "share_neutral"]].values.tolist()
    [['journalist', 2, 0.2, 0.1, 0.5], ['quoted', 1, -0.5, -0.5, 0.0]]
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    rows = []
    for voice in VOICES:
        group = voices.loc[voices["voice"] == voice]
        if group.empty:
            continue
        values = group["compound"].astype(float)
        weights = group["n_words"].astype(float)
        shares = label_shares(values, threshold)
        rows.append(
            {
                "voice": voice,
                "n_units": len(group),
                "n_words": int(weights.sum()),
                "mean": round(float(values.mean()), 4),
                "weighted_mean": round(float((values * weights).sum() / weights.sum()), 4),
                "share_positive": shares.positive,
                "share_neutral": shares.neutral,
                "share_negative": shares.negative,
            }
        )
    columns = ["voice", "n_units", "n_words", "mean", "weighted_mean", "share_positive",
               "share_neutral", "share_negative"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
