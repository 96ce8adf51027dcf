"""The article at a glance: sizes, lengths and who is named how often.

Tables for ``notebooks/01_overview.ipynb``; each takes what the earlier steps
made (an article, its segmentation, its actor mentions) and returns a plain
DataFrame.
"""

from __future__ import annotations


def metadata_table(article):
    """Return the article's metadata as a two-column table (``field, value``).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> art = SimpleNamespace(id="x", title="T", meta={"outlet": "O"}, path="p")
    >>> metadata_table(art).values.tolist()
    [['id', 'x'], ['title', 'T'], ['outlet', 'O'], ['path', 'p']]
    """
    import pandas as pd

    fields = {"id": article.id, "title": article.title}
    fields.update({k: v for k, v in article.meta.items() if k not in fields})
    fields["path"] = str(article.path)
    return pd.DataFrame(
        [(k, "" if v is None else str(v)) for k, v in fields.items()], columns=["field", "value"]
    )


def size_table(seg):
    """Count paragraphs, sentences, tokens and words, with sentence-length statistics.

    Words are tokens that contain a letter or digit (punctuation excluded).

    Returns
    -------
    DataFrame
        ``measure, value``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> dict(size_table(segment("One two. Three.\\n\\nFour five six.")).values.tolist())["sentences"]
    3.0
    """
    import pandas as pd

    words_per_sentence = [
        sum(1 for t in tokens if any(c.isalnum() for c in t.text)) for tokens in seg.tokens
    ]
    series = pd.Series(words_per_sentence, dtype="float64")
    paragraphs = seg.sentences["para_id"].nunique() if len(seg.sentences) else 0
    rows = [
        ("paragraphs", paragraphs),
        ("sentences", len(seg.sentences)),
        ("tokens", seg.n_tokens),
        ("words", int(series.sum())),
        ("characters", len(seg.text)),
        ("words per sentence, mean", series.mean() if len(series) else 0.0),
        ("words per sentence, median", series.median() if len(series) else 0.0),
        ("words per sentence, max", series.max() if len(series) else 0.0),
    ]
    return pd.DataFrame([(k, float(v)) for k, v in rows], columns=["measure", "value"])


def sentence_lengths(seg):
    """Return one row per sentence: ``sent_id, para_id, words, chars``."""
    table = seg.sentences[["sent_id", "para_id"]].copy()
    table["words"] = [
        sum(1 for t in tokens if any(c.isalnum() for c in t.text)) for tokens in seg.tokens
    ]
    table["chars"] = (seg.sentences["end"] - seg.sentences["start"]).to_numpy()
    return table


def actor_counts(mentions):
    """Count mentions per actor and per form and wording.

    Parameters
    ----------
    mentions : DataFrame
        As returned by :func:`helpers.actors.mentions`.

    Returns
    -------
    DataFrame
        ``actor, form, text, count``, most-named actor first.
    """
    import pandas as pd

    if mentions.empty:
        return pd.DataFrame(columns=["actor", "form", "text", "count"])
    counts = mentions.groupby(["actor", "form", "text"]).size().rename("count").reset_index()
    order = counts.groupby("actor")["count"].sum().sort_values(ascending=False)
    counts["_rank"] = counts["actor"].map({a: i for i, a in enumerate(order.index)})
    return (
        counts.sort_values(["_rank", "count"], ascending=[True, False])
        .drop(columns="_rank")
        .reset_index(drop=True)
    )
