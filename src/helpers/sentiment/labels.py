"""The neutral band and the three labels it gives a score: positive, neutral, negative.

One threshold for the whole project (:data:`DEFAULT_THRESHOLD`, VADER's own
0.05), one check of a threshold a user gives (:func:`check_threshold`), one
labelling rule (:func:`label`), and the shares of each label in a group of
scores (:func:`label_shares`) that the tables report.
"""

from __future__ import annotations

from itertools import compress
from typing import Any, NamedTuple

from helpers.errors import ParameterError

#: VADER's own neutral band (Hutto & Gilbert 2014, and the authors' README).
DEFAULT_THRESHOLD = 0.05


def label(compound: float, threshold: float = DEFAULT_THRESHOLD) -> str:
    """Return ``positive`` (>= threshold), ``negative`` (<= -threshold) or ``neutral``.

    Examples
    --------
    >>> label(0.05), label(-0.2), label(0.01)
    ('positive', 'negative', 'neutral')
    """
    if compound >= threshold:
        return "positive"
    if compound <= -threshold:
        return "negative"
    return "neutral"


def check_threshold(threshold: Any, *, where: str = "THRESHOLD") -> float:
    """Return the neutral band as a float, or refuse it with a clear error.

    The one check of a sentiment threshold for every notebook and command.

    Examples
    --------
    >>> check_threshold(0.05)
    0.05
    >>> check_threshold(float("nan"))
    Traceback (most recent call last):
    ...
    helpers.errors.ParameterError: threshold must be a number from 0 up to (not including) 1, not nan (THRESHOLD). Use VADER's 0.05 unless you have a reason
    """
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, (int, float))
        or not 0 <= threshold < 1  # also False for NaN
    ):
        raise ParameterError(
            f"threshold must be a number from 0 up to (not including) 1, not {threshold!r}",
            where=where,
            fix="Use VADER's 0.05 unless you have a reason",
        )
    return float(threshold)


class LabelShares(NamedTuple):
    """Shares of a group of scores in each label, rounded to 4 places."""

    positive: float
    neutral: float
    negative: float


def label_shares(values, threshold: float) -> LabelShares:
    """Return the shares of ``values`` labelled positive, neutral and negative.

    Parameters
    ----------
    values : array-like of float
        Compound scores (a non-empty group).
    threshold : float
        The neutral band (checked by the caller).

    Examples
    --------
    >>> label_shares([0.6, -0.2, 0.02, 0.05], 0.05)
    LabelShares(positive=0.5, neutral=0.25, negative=0.25)
    """
    import numpy as np

    x = np.asarray(values, dtype=float)
    return LabelShares(
        round(float((x >= threshold).mean()), 4),
        round(float((np.abs(x) < threshold).mean()), 4),
        round(float((x <= -threshold).mean()), 4),
    )


#: A word whose VADER rating is nearer 0 than this is faint: VADER's ratings are
#: the mean of ten raters' integer ratings on -4..+4 (Hutto & Gilbert 2014), and a
#: mean below half a scale point ("number" +0.3, "matter" +0.1, "authority" +0.3,
#: "intense" +0.3, "sentence" +0.3) rounds to the raters' neutral. Such a word
#: counts in the sentence score (VADER's algorithm, unchanged) but does not decide
#: the tone toward a target (issue 18, round 5: a lone faint word made targets
#: positive; 0.35 to 0.65 gave development macro-F1 within 0.001 of each other on
#: NewsMTSC's development 80%, 0.5 is the rounding point).
FAINT_VALENCE = 0.5


def countable(words, valences, lexicon) -> list[int]:
    """Indices of a reading's words that may count for a target: rated (a non-zero
    valence) and not faint (:data:`FAINT_VALENCE`, by the word's own rating in
    ``lexicon``, VADER's; a word only the domain list rates is never faint).

    Examples
    --------
    >>> countable(["the", "number", "good"], [0.0, 0.3, 1.9], {"number": 0.3, "good": 1.9})
    [2]
    """
    # Only the rated words are looked at (picked in C): a sentence has few of them.
    return [
        k
        for k in compress(range(len(valences)), valences)
        if abs(lexicon.get(words[k].lower(), FAINT_VALENCE)) >= FAINT_VALENCE
    ]
