"""A second, independent lexicon: AFINN-165, and how far it agrees with VADER.

Why AFINN: it installs offline from the package index with its word list
(``afinn``, pinned in ``pyproject.toml``); it was built independently of
VADER, by one annotator rating words from Twitter discussions on a -5..+5
scale (Nielsen 2011, "A new ANEW: evaluation of a word list for sentiment
analysis in microblogs", ESWC workshop *Making Sense of Microposts*; AFINN-165
is the 2015 extension, 3,382 words); and its word list is released under the
Open Database License (ODbL 1.0), which allows use with attribution (the
Python package is distributed under the GPL; this project imports it
unmodified and does not redistribute it). AFINN has no rules (no negation, no
degree words): a sentence's score is the sum of its word ratings, which makes
disagreements with VADER informative about rules.
"""

from __future__ import annotations

import math
from functools import cache

from helpers.sentiment.labels import DEFAULT_THRESHOLD, check_threshold, label
from helpers.sentiment.words import _normalise


@cache
def _afinn():
    from afinn import Afinn

    return Afinn(language="en", emoticons=False)


def afinn_scores(table):
    """Score each sentence with AFINN-165, an independent second lexicon.

    AFINN sums its word ratings (-5..+5) with no rules; see the module's
    documentation for why this lexicon and what to cite.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.sentiment.tables.score_sentiment` (uses ``doc_id,
        sent_id, text``).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, afinn, afinn_words`` (the rated words, ``word(+2)``).

    Examples
    --------
    >>> import pandas as pd
    >>> afinn_scores(pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["A good, bad day."]}))[
    ...     ["afinn", "afinn_words"]].values.tolist()
    [[0.0, 'good(+3) bad(-3)']]
    """
    import pandas as pd

    afinn = _afinn()
    rows = []
    for doc_id, sent_id, text in zip(table["doc_id"], table["sent_id"], table["text"], strict=True):
        # AFINN matches straight apostrophes only ("don't").
        clean = _normalise(text)
        found = afinn.find_all(clean)
        words = " ".join(f"{w}({afinn.score(w):+g})" for w in found)
        rows.append((doc_id, sent_id, float(afinn.score(clean)), words))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "afinn", "afinn_words"])


def lexicon_agreement(table, afinn_table=None, *, threshold: float = DEFAULT_THRESHOLD):
    """Agreement between VADER (news-aware) and AFINN on the same sentences.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.sentiment.tables.score_sentiment`.
    afinn_table : DataFrame, optional
        From :func:`afinn_scores` (computed when missing).
    threshold : float, default 0.05
        VADER's neutral band; AFINN's sign is that of its sum.

    Returns
    -------
    (summary, sentences)
        ``summary``: one row ``n, pearson, spearman, share_same_label,
        n_opposite_sign`` (Pearson and Spearman correlations of VADER's
        compound with AFINN's sum, by pandas); ``sentences``: every sentence
        with ``compound, afinn, vader_label, afinn_label, opposite_sign``,
        opposite signs first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": "d", "sent_id": [0, 1], "text": ["Good.", "It was never good."],
    ...                   "compound": [0.44, -0.34], "compound_raw": [0.44, -0.34]})
    >>> summary, sentences = lexicon_agreement(t)
    >>> summary.iloc[0].to_dict()
    {'n': 2.0, 'pearson': nan, 'spearman': nan, 'share_same_label': 0.5, 'n_opposite_sign': 1.0}
    >>> sentences[["text", "afinn", "opposite_sign"]].values.tolist()[0]
    ['It was never good.', 3.0, True]
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    if afinn_table is None:
        afinn_table = afinn_scores(table)
    merged = table[["doc_id", "sent_id", "text", "compound", "compound_raw"]].merge(
        afinn_table, on=["doc_id", "sent_id"], how="inner"
    )
    merged["vader_label"] = [label(c, threshold) for c in merged["compound"]]
    merged["afinn_label"] = [
        "positive" if a > 0 else "negative" if a < 0 else "neutral" for a in merged["afinn"]
    ]
    merged["opposite_sign"] = ((merged["compound"] >= threshold) & (merged["afinn"] < 0)) | (
        (merged["compound"] <= -threshold) & (merged["afinn"] > 0)
    )
    n = len(merged)
    enough = n > 2 and merged["compound"].std() > 0 and merged["afinn"].std() > 0
    compound, afinn = merged["compound"], merged["afinn"]
    # Correlations only where they are defined (no warning for a constant column).
    pearson = round(float(compound.corr(afinn)), 4) if enough else math.nan
    spearman = round(float(compound.corr(afinn, method="spearman")), 4) if enough else math.nan
    same = merged["vader_label"] == merged["afinn_label"]
    summary = pd.DataFrame(
        [
            {
                "n": n,
                "pearson": pearson,
                "spearman": spearman,
                "share_same_label": round(float(same.mean()), 4) if n else math.nan,
                "n_opposite_sign": int(merged["opposite_sign"].sum()),
            }
        ]
    )
    sentences = merged.sort_values(
        ["opposite_sign", "sent_id"], ascending=[False, True], kind="stable"
    )
    return summary, sentences.reset_index(drop=True)
