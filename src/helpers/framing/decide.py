"""Whether a frame is present in a text: each frame a scale of its codebook questions.

Semetko & Valkenburg (2000) code an article by answering each frame's yes/no
questions and take the mean of the answers as the frame's scale (0 to 1). The
tool answers a question from its indicator hits, weighed by their density so
that long articles are not favoured:

* a question's **answer** is ``min(1, hits per 1,000 tokens / SATURATION)``:
  0 without hits (or with fewer than ``min_hits``), 1 once its indicators make
  up :data:`SATURATION` tokens in 1,000 (one in a hundred, about one in every
  four sentences of news), proportionally in between;
* the frame's **score** is the mean of the better half of its questions' answers
  (0 to 1; :func:`better_half`: the three best of five, the two best of four or
  three). Semetko & Valkenburg's scale is the mean of all answers; a text-only
  tool cannot answer some questions at all (pictures, human interest q5) and a
  story usually shows a frame through some of its questions, not all, so the
  questions a story does not touch are not allowed to dilute those it answers;
* the frame is **present** when its score is above zero and reaches the
  frame's threshold (:data:`DEFAULT_THRESHOLDS`, or the caller's own).

Tokens are words and punctuation marks as :func:`helpers.text.tokenize` counts
them (about 1.15 per word in news prose). A frame with one category and no
questions (a policy frame, a user's flat category) is a scale of one question.

How the defaults were set
    On the 209 development articles of Frermann et al. (2023), climate-change
    news coded for the five generic frames (not shipped; ``benchmarks/validity/frames.py`` reads them; no other
    labelled data was used), each frame's threshold is the score that
    maximises balanced accuracy (the mean of the recall of articles with and
    without the frame), halfway between that score and the next lower one.
    Balanced accuracy does not depend on how common a frame is in the
    development set, so the threshold carries over to news where the frame is
    rarer or more common. The rule's stability is measured by 5-fold
    cross-validation (``python benchmarks/validity/run.py DEVSETS --only
    frames``; figures in the README, "How valid is it?"). :data:`SATURATION`
    was fixed before the thresholds: the results are flat between 6 and 16.
    Other ways of combining the answers (the mean of all answers, which was the
    rule until round 3 of issue 17, the largest answer, the share of questions
    answered, weights learnt by logistic regression, a rule chosen per frame)
    are measured the same way (the validity script reports them); the mean of
    all answers does about as well over the five frames (macro 0.759 against
    0.760 over ten splits) but leaves responsibility at 0.649, the better half
    0.692 (5 December 2026).
    Frames without development data (the policy frames, user dictionaries)
    use :data:`UNMEASURED_THRESHOLD`, which is not validated.
"""

from __future__ import annotations

import math

from helpers.errors import ParameterError

#: Hits per 1,000 tokens at which a question counts as fully answered ("yes").
SATURATION = 10.0

#: Per generic frame, the score at which it is present (set as the module says).
DEFAULT_THRESHOLDS: dict[str, float] = {
    "conflict": 0.1418,
    "human_interest": 0.1336,
    "economic": 0.3315,
    "morality": 0.0871,
    "responsibility": 0.4002,
}

#: Threshold of frames without a measured one: half their questions answered.
UNMEASURED_THRESHOLD = 0.5


def question_answer(hits: int, n_tokens: int, min_hits: int = 1) -> float:
    """Answer one question from its hits in a text of ``n_tokens`` tokens (0 to 1).

    Examples
    --------
    >>> question_answer(1, 1000), question_answer(5, 1000), question_answer(30, 1000)
    (0.1, 0.5, 1.0)
    >>> question_answer(1, 1000, min_hits=2)
    0.0
    """
    if hits < min_hits or hits <= 0:
        return 0.0
    return min(1.0, 1000.0 * hits / max(1, n_tokens) / SATURATION)


def better_half(answers) -> float:
    """The mean of the better half of a frame's answers (the larger half, rounded up).

    A frame of five questions is scored on its three best answered, one of four or
    three on its two best, one of one question on that question.

    Examples
    --------
    >>> better_half([1.0, 0.0, 0.5, 0.0])  # the two best: 1 and 0.5
    0.75
    >>> round(better_half([0.3, 0.0, 0.0, 0.0, 0.3]), 3)  # the three best: 0.3, 0.3, 0
    0.2
    >>> better_half([0.4]), better_half([])
    (0.4, 0.0)
    """
    values = sorted(answers, reverse=True)
    if not values:
        return 0.0
    best = values[: (len(values) + 1) // 2]
    return sum(best) / len(best)


def frame_score(question_hits, n_tokens: int, min_hits: int = 1) -> float:
    """The frame's score: the mean of the better half of its questions' answers.

    ``question_hits`` are the hits of each question, in order (see :func:`better_half`).

    Examples
    --------
    >>> frame_score([10, 0, 5, 0], 1000)  # answers 1, 0, 0.5, 0: the better half 1, 0.5
    0.75
    >>> frame_score([], 1000)
    0.0
    """
    return better_half(question_answer(c, n_tokens, min_hits) for c in question_hits)


def threshold_of(frame_key: str, thresholds: dict | None = None) -> float:
    """The threshold of a frame: the caller's, else the default, else the unmeasured one.

    Examples
    --------
    >>> threshold_of("policy_legality")
    0.5
    >>> threshold_of("conflict", {"conflict": 0.4})
    0.4
    """
    if thresholds and frame_key in thresholds:
        return float(thresholds[frame_key])
    return DEFAULT_THRESHOLDS.get(frame_key, UNMEASURED_THRESHOLD)


def is_present(score: float, threshold: float) -> bool:
    """A frame is present when its score is above zero and reaches the threshold.

    Examples
    --------
    >>> is_present(0.2, 0.15), is_present(0.1, 0.15), is_present(0.0, 0.0)
    (True, False, False)
    """
    return score > 0 and score >= threshold


def check_thresholds(thresholds, known=None) -> dict[str, float]:
    """Check the notebook's ``FRAME_THRESHOLDS`` and return them as floats.

    Parameters
    ----------
    thresholds : dict or None
        Frame name (as in the ``score`` columns: ``conflict``, ``policy_legality``,
        ``custom_x``) -> threshold between 0 and 1. Empty or None: the defaults.
    known : iterable of str, optional
        The frame names that may be given; others are refused.

    Raises
    ------
    ParameterError
        For a value that is not a mapping, an unknown frame, or a threshold that
        is not a number between 0 and 1.

    Examples
    --------
    >>> check_thresholds({"conflict": 0.25})
    {'conflict': 0.25}
    """
    if thresholds is None:
        return {}
    if not isinstance(thresholds, dict):
        raise ParameterError(
            f"FRAME_THRESHOLDS must be a mapping of frame names to numbers, not {thresholds!r}",
            where="FRAME_THRESHOLDS",
            fix='Write e.g. {"conflict": 0.2}, or {} for the defaults',
        )
    known = None if known is None else set(known)
    out = {}
    for name, value in thresholds.items():
        if known is not None and name not in known:
            raise ParameterError(
                f"FRAME_THRESHOLDS names an unknown frame {name!r}",
                where="FRAME_THRESHOLDS",
                fix=f"Use the frame names of the chosen schemes, e.g. {sorted(known)[:5]}",
            )
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is None or math.isnan(number) or not 0 <= number <= 1:
            raise ParameterError(
                f"the threshold of {name!r} must be a number from 0 to 1, not {value!r}",
                where="FRAME_THRESHOLDS",
                fix="A frame's score runs from 0 to 1; see helpers.framing.DEFAULT_THRESHOLDS",
            )
        out[str(name)] = float(number)
    return out
