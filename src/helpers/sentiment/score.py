"""Sentiment's part of the ``score`` command: one row of scores per unit of text.

The contract every analysis offers :mod:`helpers.score` (``docs/architecture.md``):
:data:`COLUMNS`, :func:`score_dictionaries`, :func:`score_row` and
:func:`aggregate_rows`. ``helpers.score`` imports ``helpers.sentiment`` by name
and finds these four there (the package re-exports them).
"""

from __future__ import annotations

import math
from typing import Any

from helpers.sentiment.domain import DOMAIN_LEXICON, DomainLexicon, domain_lexicon
from helpers.sentiment.roles import role_lexicon
from helpers.sentiment.vader import engine
from helpers.text import Token

#: Columns :func:`score_row` returns (the ``score`` command's contract).
COLUMNS: tuple[str, ...] = ("sentiment", "sentiment_raw", "pos", "neu", "neg")

# The adjustments whose dictionary score_dictionaries() last handed out: the
# hits score_row receives were matched with that dictionary, so they are read
# with the same adjustments even if the file has changed on disk since.
_score_domain: DomainLexicon | None = None
# The roles list and the actors list as the tone toward a target reads them
# on the score path: looked up on disk once per score_dictionaries() call
# (each chunk of rows), not once per row; None until a target needs them.
_score_lists: dict[str, Any] = {}


def score_dictionaries() -> tuple:
    """The compiled dictionaries :func:`score_row` reads: the domain lexicon's.

    :mod:`helpers.score` matches them together with the other analyses'
    dictionaries in one pass and hands :func:`score_row` the hits. Each call
    looks at the file again (:func:`helpers.sentiment.domain.domain_lexicon`:
    recompiled only when it changed), so ``score_texts`` in a running kernel
    uses the list as it is now, as the tables do.

    Examples
    --------
    >>> [d.name for d in score_dictionaries()]
    ['sentiment_domain']
    """
    global _score_domain
    _score_domain = domain_lexicon(DOMAIN_LEXICON)
    _score_lists.clear()
    return (_score_domain.dictionary,)


def score_row(text: str, tokens: list[Token], hits: list[list] | None = None) -> dict:
    """Score one unit of text for the ``score`` command.

    Parameters
    ----------
    text : str
        One row's text (ideally a sentence: use ``--unit document`` for longer
        texts).
    tokens : list of Token
        ``helpers.text.tokenize(text)``.
    hits : list of list of Hit, optional
        The tokens' hits of :func:`score_dictionaries` (one list), when the
        caller matched them already (read with the adjustments of that call);
        else matched here, with the list as it is now.

    Returns
    -------
    dict
        ``sentiment`` (news-aware compound), ``sentiment_raw`` (NLTK's
        compound), ``pos``, ``neu``, ``neg`` (news-aware).

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> text = "It is not a great deal."
    >>> score_row(text, tokenize(text))
    {'sentiment': -0.5096, 'sentiment_raw': -0.5096, 'pos': 0.0, 'neu': 0.548, 'neg': 0.452}
    """
    eng = engine()
    domain, found = hits_domain(hits)
    compound, pos, neu, neg = eng.news(text, tokens, domain, found)
    return {
        "sentiment": compound,
        "sentiment_raw": eng.raw(text)[0],
        "pos": pos,
        "neu": neu,
        "neg": neg,
    }


def hits_domain(hits: list[list] | None) -> tuple[DomainLexicon, list | None]:
    """The adjustments to read ``hits`` with, and the hits themselves (None: match anew).

    Hits handed over by :mod:`helpers.score` were matched with the dictionary
    of the last :func:`score_dictionaries` call, so they are read with its
    adjustments; without hits, the list as it is now.
    """
    if hits and _score_domain is not None:
        return _score_domain, hits[0]
    return domain_lexicon(DOMAIN_LEXICON), None


def kept_lists() -> tuple[Any, Any]:
    """The roles list and the actors list for the rows of this chunk (loaded once per chunk).

    :func:`score_dictionaries` (called before every chunk) forgets them, so
    an edited file is read for the next chunk, as the domain list is.

    Examples
    --------
    >>> roles, actors = kept_lists()
    >>> roles.kind["said"], actors.name("RUS")
    ('speech', 'Russia')
    """
    if not _score_lists:
        from helpers.actors import load_actors

        _score_lists["roles"] = role_lexicon()
        _score_lists["actors"] = load_actors()
    return _score_lists["roles"], _score_lists["actors"]


def aggregate_rows(rows: list[dict], weights: list[int]) -> dict:
    """Combine sentence rows of one document: length-weighted means.

    A document is never scored as one VADER string (the compound saturates
    on long texts); its sentences are scored and averaged, each weighted by
    its length (``weights``, e.g. tokens). With no rows every column is NaN.

    Examples
    --------
    >>> aggregate_rows([{"sentiment": 0.5, "sentiment_raw": 0.5, "pos": 0.2, "neu": 0.8, "neg": 0.0},
    ...                 {"sentiment": -0.1, "sentiment_raw": 0.0, "pos": 0.0, "neu": 0.9, "neg": 0.1}], [1, 3])
    {'sentiment': 0.05, 'sentiment_raw': 0.125, 'pos': 0.05, 'neu': 0.875, 'neg': 0.075}
    """
    if not rows:
        return {column: math.nan for column in COLUMNS}
    total = float(sum(weights))
    if total <= 0:
        weights = [1] * len(rows)
        total = float(len(rows))
    return {
        column: round(sum(row[column] * w for row, w in zip(rows, weights, strict=True)) / total, 4)
        for column in COLUMNS
    }
