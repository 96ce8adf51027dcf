"""The article at a glance: sizes, lengths and who is named how often.

Tables for ``notebooks/01_overview.ipynb``; each takes what the earlier steps
made (an article, its segmentation, its actor mentions) and returns a plain
DataFrame.
"""

from __future__ import annotations

from helpers.text import is_word

#: Prefix of the metadata rows that hold the front matter's own fields (``extra:``).
EXTRA_PREFIX = "extra."


def metadata_table(article):
    """Return the article's metadata as a two-column table (``field, value``).

    The fields of the front matter's ``extra:`` mapping follow as
    ``extra.<name>`` rows; ``path`` is relative to the project (a file
    outside it: its name only), so the table names no folder of this machine.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> art = SimpleNamespace(id="x", title="T", path="/elsewhere/x.txt",
    ...                       meta={"outlet": "O", "extra": {"section": "World"}})
    >>> metadata_table(art).values.tolist()
    [['id', 'x'], ['title', 'T'], ['outlet', 'O'], ['extra.section', 'World'], ['path', 'x.txt']]
    """
    import pandas as pd

    from helpers.provenance import portable_path

    fields = {"id": article.id, "title": article.title}
    for key, value in article.meta.items():
        if key == "extra":
            fields.update({EXTRA_PREFIX + name: v for name, v in (value or {}).items()})
        elif key not in fields:
            fields[key] = value
    fields["path"] = portable_path(article.path) if article.path else None
    return pd.DataFrame(
        [(k, "" if v is None else str(v)) for k, v in fields.items()], columns=["field", "value"]
    )


def size_table(seg):
    """Count paragraphs, sentences, tokens and words, with sentence-length statistics.

    Words are tokens that contain a letter or digit (:func:`helpers.text.is_word`,
    as notebooks 02 and 04 count them). Counts are integers; the mean and
    median of words per sentence are rounded to two decimals.

    Returns
    -------
    DataFrame
        ``measure, value``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> sizes = dict(size_table(segment("One two. Three.\\n\\nFour five six.")).values.tolist())
    >>> sizes["sentences"], sizes["words"], sizes["words per sentence, mean"]
    (3, 6, 2.0)
    """
    import pandas as pd

    words_per_sentence = [sum(1 for t in tokens if is_word(t)) for tokens in seg.tokens]
    series = pd.Series(words_per_sentence, dtype="float64")
    paragraphs = seg.sentences["para_id"].nunique() if len(seg.sentences) else 0
    rows = [
        ("paragraphs", int(paragraphs)),
        ("sentences", len(seg.sentences)),
        ("tokens", seg.n_tokens),
        ("words", int(series.sum())),
        ("characters", len(seg.text)),
        ("words per sentence, mean", round(float(series.mean()), 2) if len(series) else 0.0),
        ("words per sentence, median", float(series.median()) if len(series) else 0.0),
        ("words per sentence, max", int(series.max()) if len(series) else 0),
    ]
    # One column of mixed kinds, so that counts stay integers in the table and the CSV.
    return pd.DataFrame(rows, columns=["measure", "value"], dtype=object)


def sentence_lengths(seg):
    """Return one row per sentence: ``sent_id, para_id, words, chars``."""
    table = seg.sentences[["sent_id", "para_id"]].copy()
    table["words"] = [sum(1 for t in tokens if is_word(t)) for tokens in seg.tokens]
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
