"""Sentence tables for notebooks: every sentence scored plain and news-aware, and their summaries.

:func:`score_sentiment` is the table the other tables build on (``SENTENCE_COLUMNS``);
:func:`aggregate_sentiment` averages it per article or paragraph (never one
VADER score over a whole article: its compound saturates near +-1 on long
texts); :func:`change_summary` and :func:`domain_changes` say what the
news-aware adjustments changed. :func:`polarity_scores` scores one sentence.
"""

from __future__ import annotations

import math
from typing import Any

from helpers.errors import InputError, ParameterError
from helpers.sentiment.domain import DOMAIN_LEXICON, domain_lexicon
from helpers.sentiment.labels import DEFAULT_THRESHOLD, check_threshold, label, label_shares
from helpers.sentiment.vader import engine
from helpers.text import count_words

#: Columns of the sentence table returned by :func:`score_sentiment`.
SENTENCE_COLUMNS: tuple[str, ...] = (
    "doc_id", "sent_id", "para_id", "start", "end", "text",
    "compound", "pos", "neu", "neg",
    "compound_raw", "pos_raw", "neu_raw", "neg_raw",
    "label", "label_raw",
)  # fmt: skip


def as_segmentation(seg: Any):
    """Return ``seg`` as a :class:`helpers.text.Segmentation` (a string or an Article is segmented).

    Raises
    ------
    InputError
        For anything else.

    Examples
    --------
    >>> as_segmentation("Talks failed. Fine.").sentences["text"].tolist()
    ['Talks failed.', 'Fine.']
    """
    from helpers.text import Segmentation, segment

    if isinstance(seg, Segmentation):
        return seg
    if isinstance(seg, str):
        return segment(seg)
    text = getattr(seg, "text", None)
    if isinstance(text, str):
        return segment(text, doc_id=str(getattr(seg, "id", "doc")))
    raise InputError(
        f"cannot score a {type(seg).__name__}",
        where="seg",
        fix="Pass helpers.text.segment(text), an Article from helpers.corpus, or a string",
    )


def polarity_scores(text: str, *, domain_adjust: bool = True) -> dict[str, float]:
    """Score one sentence: ``{"neg", "neu", "pos", "compound"}``.

    Parameters
    ----------
    text : str
        One sentence (VADER is made for sentences; see :func:`score_sentiment`
        for documents).
    domain_adjust : bool, default True
        News-aware score; False gives NLTK's plain VADER.

    Examples
    --------
    >>> polarity_scores("The talks didn’t fail.", domain_adjust=False)["compound"]
    -0.5423
    >>> polarity_scores("The talks didn’t fail.")["compound"]
    0.431
    """
    eng = engine()
    if domain_adjust:
        compound, pos, neu, neg = eng.news(text, domain=domain_lexicon())
    else:
        compound, pos, neu, neg = eng.raw(text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


def score_sentiment(
    seg: Any,
    *,
    domain_adjust: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    lexicon: Any = DOMAIN_LEXICON,
):
    """Score every sentence of a document, plain and news-aware, side by side.

    Parameters
    ----------
    seg : Segmentation, Article or str
        From :func:`helpers.text.segment` (a string or an Article is segmented).
    domain_adjust : bool, default True
        The ``compound, pos, neu, neg`` columns hold the news-aware score; with
        False they repeat plain VADER.
    threshold : float, default 0.05
        Neutral band for ``label`` and ``label_raw``.
    lexicon : str or Path, default "sentiment_domain"
        The adjustments dictionary.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, para_id, start, end, text, compound, pos, neu, neg,
        compound_raw, pos_raw, neu_raw, neg_raw, label, label_raw``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = score_sentiment(segment("Talks failed. Japan called it “completely unacceptable,” a strong word."))
    >>> t[["sent_id", "compound", "compound_raw", "label"]].values.tolist()
    [[0, -0.5106, -0.5106, 'negative'], [1, -0.5095, 0.5106, 'negative']]
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    seg = as_segmentation(seg)
    eng = engine()
    domain = domain_lexicon(lexicon) if domain_adjust else None
    sentences = seg.sentences
    rows = []
    for sent_id, (para_id, start, end, text) in enumerate(
        zip(
            sentences["para_id"],
            sentences["start"],
            sentences["end"],
            sentences["text"],
            strict=True,
        )
    ):
        raw = eng.raw(text)
        news = eng.news(text, seg.tokens[sent_id], domain) if domain_adjust else raw
        rows.append(
            (
                seg.doc_id, sent_id, int(para_id), int(start), int(end), text,
                *news, *raw, label(news.compound, threshold), label(raw.compound, threshold),
            )
        )  # fmt: skip
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


def change_summary(table) -> dict:
    """Say in numbers what the news-aware adjustment changed in a sentence table.

    Returns
    -------
    dict
        ``n_sentences``, ``n_changed`` (compound differs), ``n_relabelled``
        (label differs), ``mean`` and ``mean_raw`` (plain means of compound).

    Examples
    --------
    >>> import pandas as pd
    >>> change_summary(pd.DataFrame({"compound": [0.1, -0.5], "compound_raw": [0.1, 0.5],
    ...                              "label": ["positive", "negative"], "label_raw": ["positive", "positive"]}))
    {'n_sentences': 2, 'n_changed': 1, 'n_relabelled': 1, 'mean': -0.2, 'mean_raw': 0.3}
    """
    return {
        "n_sentences": len(table),
        "n_changed": int((table["compound"] != table["compound_raw"]).sum()),
        "n_relabelled": int((table["label"] != table["label_raw"]).sum()),
        "mean": round(float(table["compound"].mean()), 4) if len(table) else math.nan,
        "mean_raw": round(float(table["compound_raw"].mean()), 4) if len(table) else math.nan,
    }


def domain_changes(table):
    """Sentences whose news-aware score differs from plain VADER, largest change first.

    Returns
    -------
    DataFrame
        ``sent_id, text, compound_raw, compound, change, label_raw, label``.

    Examples
    --------
    >>> domain_changes(score_sentiment("Talks failed. The peace talks went on."))[
    ...     ["text", "compound_raw", "compound"]].values.tolist()
    [['The peace talks went on.', 0.5423, 0.0]]
    """
    changed = table.loc[table["compound"] != table["compound_raw"]].copy()
    changed["change"] = (changed["compound"] - changed["compound_raw"]).round(4)
    changed = changed.assign(_size=changed["change"].abs()).sort_values("_size", ascending=False)
    return changed[
        ["sent_id", "text", "compound_raw", "compound", "change", "label_raw", "label"]
    ].reset_index(drop=True)


def aggregate_sentiment(table, *, by: str = "article", threshold: float = DEFAULT_THRESHOLD):
    """Average sentence scores per article or per paragraph (plain and news-aware).

    Parameters
    ----------
    table : DataFrame
        From :func:`score_sentiment`.
    by : {"article", "paragraph"}
    threshold : float, default 0.05
        Neutral band for the shares.

    Returns
    -------
    DataFrame
        One row per group: ``doc_id`` (and ``para_id``), ``n_sentences``,
        ``n_words``, ``mean``, ``weighted_mean`` (by words per sentence),
        ``median``, ``sd``, ``share_positive``, ``share_neutral``,
        ``share_negative``, and the same with ``_raw`` for plain VADER.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": "d", "para_id": [0, 0], "text": ["a b c", "d"],
    ...                   "compound": [0.6, -0.2], "compound_raw": [0.6, 0.0]})
    >>> aggregate_sentiment(t)[["mean", "weighted_mean", "share_negative", "share_neutral_raw"]].values.tolist()
    [[0.2, 0.4, 0.5, 0.5]]
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    keys = {"article": ["doc_id"], "paragraph": ["doc_id", "para_id"]}.get(by)
    if keys is None:
        raise ParameterError(f"by must be 'article' or 'paragraph', not {by!r}", where="by")
    # Words as every notebook counts them (helpers.text.count_words).
    words = table["text"].fillna("").astype(str).map(count_words).astype(int)
    frame = table.assign(_words=words)
    rows = []
    for key, group in frame.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(keys, key, strict=True))
        row["n_sentences"] = len(group)
        row["n_words"] = int(group["_words"].sum())
        for suffix, column in (("", "compound"), ("_raw", "compound_raw")):
            values = group[column].astype(float)
            weights = group["_words"].astype(float)
            total = weights.sum()
            shares = label_shares(values, threshold)
            row["mean" + suffix] = round(values.mean(), 4)
            row["weighted_mean" + suffix] = round(
                (values * weights).sum() / total if total else values.mean(), 4
            )
            row["median" + suffix] = round(values.median(), 4)
            row["sd" + suffix] = round(values.std(ddof=1), 4) if len(values) > 1 else math.nan
            row["share_positive" + suffix] = shares.positive
            row["share_negative" + suffix] = shares.negative
            row["share_neutral" + suffix] = shares.neutral
        rows.append(row)
    return pd.DataFrame(rows)
