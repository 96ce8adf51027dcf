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
    """Count mentions per actor, form, agent and wording.

    Parameters
    ----------
    mentions : DataFrame
        As returned by :func:`helpers.actors.mentions`.

    Returns
    -------
    DataFrame
        ``actor, form, agent, agent_type, text, count``, most-named actor
        first. ``agent`` is the CAMEO agent code of a sub-state actor
        ("Kenyan police": COP) and ``agent_type`` what it stands for
        (police); an agent of no known country ("gunmen") is counted under
        the actor "(no known country)".

    Examples
    --------
    >>> from helpers.actors import mentions
    >>> from helpers.text import segment
    >>> t = actor_counts(mentions(segment("Kenyan police and gunmen clashed. Kenya said so.")))
    >>> t[["actor", "form", "agent_type", "count"]].values.tolist()
    [['Kenya', 'institution', 'police', 1], ['Kenya', 'name', '', 1], ['(no known country)', 'agent', 'unidentified armed forces', 1]]
    """
    import pandas as pd

    from helpers.actors.agents import agent_label

    columns = ["actor", "form", "agent", "agent_type", "text", "count"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    table = mentions.copy()
    if "agent" not in table.columns:
        table["agent"] = ""
    table["agent"] = table["agent"].fillna("").astype(str)
    table["actor"] = table["actor"].where(table["actor"].astype(bool), "(no known country)")
    keys = ["actor", "form", "agent", "text"]
    counts = table.groupby(keys, sort=False).size().rename("count").reset_index()
    counts["agent_type"] = [agent_label(code) for code in counts["agent"]]
    order = (
        counts.groupby("actor", sort=False)["count"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    counts["_rank"] = counts["actor"].map({a: i for i, a in enumerate(order.index)})
    return (
        counts.sort_values(["_rank", "count"], ascending=[True, False], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)[columns]
    )
