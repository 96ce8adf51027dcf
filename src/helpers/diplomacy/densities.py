"""Stance densities: markers per 1,000 words for an article and for a reference set.

A density only means something beside a reference: :func:`stance_densities`
gives the article's, :func:`reference_densities` the pooled densities of
other articles (:func:`reference_articles` picks them: the whole corpus or a
list of ids), so notebook 04 can draw the two side by side.
"""

from __future__ import annotations

from typing import Any

from helpers.diplomacy.stance import STANCE_TYPES
from helpers.diplomacy.tables import frame, stance_sentences
from helpers.errors import ParameterError


def stance_densities(seg, actors=None, date=None) -> Any:
    """Return article-level counts and densities per 1,000 words, one row per stance type.

    Returns
    -------
    DataFrame
        ``category, count, words, per_1000``.
    """
    table = stance_sentences(seg, actors, date)
    words = int(table["words"].sum()) if len(table) else 0
    rows = []
    for category in STANCE_TYPES:
        count = int(table[category].sum()) if len(table) else 0
        rows.append((category, count, words, round(1000 * count / words, 2) if words else 0.0))
    return frame(rows, ("category", "count", "words", "per_1000"))


def reference_articles(spec: str = "corpus", directory=None) -> list:
    """Return the articles whose pooled stance densities serve as a reference.

    Parameters
    ----------
    spec : str, default "corpus"
        ``"corpus"``: every article in ``directory``; otherwise a
        comma-separated list of article ids or paths.
    directory : path-like, optional
        Where ids are looked up; default ``data/articles``.

    Returns
    -------
    list of Article

    Raises
    ------
    ParameterError
        When ``spec`` names no article.
    """
    from helpers.corpus import article_files, load_article

    if not isinstance(spec, str) or not spec.strip():
        raise ParameterError(
            "no reference articles given",
            where="REFERENCE",
            fix='Write "corpus" or a comma-separated list of article ids',
        )
    if spec.strip() == "corpus":
        return [load_article(path) for path in article_files(directory)]
    names = [part.strip() for part in spec.split(",") if part.strip()]
    return [load_article(name, directory=directory) for name in names]


def reference_densities(articles, actors=None) -> Any:
    """Return stance densities pooled over several articles (a reference for one article).

    Parameters
    ----------
    articles : iterable of Article, Segmentation or str
        Articles (with ``.text`` and ``.id``), segmentations, or plain texts.
    actors : Actors, optional

    Returns
    -------
    DataFrame
        ``category, count, words, per_1000, articles``; densities are pooled
        (total hits over total words), so long articles weigh more.
    """
    from helpers.text import segment

    totals = dict.fromkeys(STANCE_TYPES, 0)
    words = 0
    n = 0
    for item in articles:
        if hasattr(item, "tokens") and hasattr(item, "sentences"):
            seg = item
        else:
            text = getattr(item, "text", item)
            seg = segment(str(text), doc_id=str(getattr(item, "id", f"doc{n}")))
        table = stance_densities(seg, actors)
        for row in table.itertuples(index=False):
            totals[row.category] += int(row.count)
        words += int(table["words"].iloc[0]) if len(table) else 0
        n += 1
    rows = [
        (c, totals[c], words, round(1000 * totals[c] / words, 2) if words else 0.0, n)
        for c in STANCE_TYPES
    ]
    return frame(rows, ("category", "count", "words", "per_1000", "articles"))
