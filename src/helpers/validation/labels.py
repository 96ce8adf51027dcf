"""Reading labels: the classes of each measure and what a coder may write for them.

A coder's cell can be empty (not coded, read as ``None``), a class name in
several spellings, or a number; the readers here turn every accepted form into
one value and refuse the rest with the row it came from.
"""

from __future__ import annotations

import math
import re

from helpers.errors import InputError, ParameterError
from helpers.framing import GENERIC_FRAMES
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold, label

#: Sentiment classes, in the order tables and matrices use.
SENTIMENT_CLASSES: tuple[str, ...] = ("negative", "neutral", "positive")
#: Event quad classes (CAMEO/PLOVER), plus "none" for a sentence without an event.
QUAD_CLASSES: tuple[str, ...] = (
    "none",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
INTENSITY_LEVELS: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)

_TRUE = {"1", "yes", "y", "true", "t", "present", "x"}
_FALSE = {"0", "no", "n", "false", "f", "absent"}
_EMPTY = {"", "nan", "n/a"}
_SENTIMENT_WORDS = {
    "negative": "negative",
    "neg": "negative",
    "-": "negative",
    "neutral": "neutral",
    "neu": "neutral",
    "positive": "positive",
    "pos": "positive",
    "+": "positive",
}


def sentiment_class(score: float, threshold: float = DEFAULT_THRESHOLD) -> str:
    """Return the sentiment class of a compound score with VADER's convention.

    :func:`helpers.sentiment.label`, with the threshold checked first
    (:func:`helpers.sentiment.check_threshold`).

    Parameters
    ----------
    score : float
        A compound score in -1..+1.
    threshold : float, default :data:`helpers.sentiment.DEFAULT_THRESHOLD`
        Half-width of the neutral band; the bounds count as polar.

    Examples
    --------
    >>> [sentiment_class(s) for s in (-0.3, -0.05, 0.0, 0.049, 0.05)]
    ['negative', 'negative', 'neutral', 'neutral', 'positive']
    """
    return label(score, check_threshold(threshold, where="threshold"))


def check_gold_threshold(threshold, *, where: str = "gold_threshold") -> float:
    """Return the neutral band of numeric gold ratings as a float, or refuse it.

    Ratings come on any scale (-2..+2, -4..+4, 1..7 centred), so the band may
    be 1 or more; it must be a finite number, 0 or above.

    Examples
    --------
    >>> check_gold_threshold(1.5)
    1.5
    >>> check_gold_threshold(float("nan"))
    Traceback (most recent call last):
    ...
    helpers.errors.ParameterError: the gold threshold must be a finite number of 0 or more, not nan (gold_threshold). Set it to the neutral band of the rating scale, e.g. 0.5 on a -2..+2 scale
    """
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not math.isfinite(threshold)
        or threshold < 0
    ):
        raise ParameterError(
            f"the gold threshold must be a finite number of 0 or more, not {threshold!r}",
            where=where,
            fix="Set it to the neutral band of the rating scale, e.g. 0.5 on a -2..+2 scale",
        )
    return float(threshold)


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return str(value).strip().casefold() in _EMPTY


def parse_bool(value, *, where: str = "label"):
    """Read a yes/no label; return ``None`` for an empty (uncoded) cell.

    Examples
    --------
    >>> [parse_bool(v) for v in ("yes", "0", "TRUE", "", 1)]
    [True, False, True, None, True]
    """
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text.endswith(".0"):
        text = text[:-2]
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(
        f"cannot read {value!r} as yes/no",
        where=where,
        fix="Use 1/0, yes/no or true/false; leave the cell empty when not coded",
    )


def parse_sentiment(value, threshold: float = DEFAULT_THRESHOLD, *, where: str = "label"):
    """Read a sentiment label: a class name or a number; ``None`` when empty.

    A number is a rating, classed with the neutral band ``threshold`` (on the
    rating's own scale, so it may be 1 or more: :func:`check_gold_threshold`).

    Returns
    -------
    (str or None, float or None)
        The class, and the number when the label was numeric.

    Examples
    --------
    >>> parse_sentiment("Positive"), parse_sentiment("-0.4"), parse_sentiment(" ")
    (('positive', None), ('negative', -0.4), (None, None))
    """
    band = check_gold_threshold(threshold)
    if _blank(value):
        return None, None
    text = str(value).strip().casefold()
    if text in _SENTIMENT_WORDS:
        return _SENTIMENT_WORDS[text], None
    try:
        number = float(text)
    except ValueError:
        raise InputError(
            f"cannot read {value!r} as a sentiment label",
            where=where,
            fix="Use positive/neutral/negative or a number (a rating)",
        ) from None
    if math.isnan(number) or math.isinf(number):
        raise InputError(f"sentiment rating {value!r} is not a finite number", where=where)
    return label(number, band), number


def normalize_quad(value, *, missing=None, where: str = "label"):
    """Return a quad class in the form of :data:`QUAD_CLASSES`.

    Examples
    --------
    >>> normalize_quad("Verbal conflict"), normalize_quad("none"), normalize_quad("")
    ('verbal_conflict', 'none', None)
    """
    if _blank(value) or value is False:
        return missing
    text = re.sub(r"[\s-]+", "_", str(value).strip().casefold())
    if text in {"0", "no_event", "-", "no"}:
        text = "none"
    if text not in QUAD_CLASSES:
        raise InputError(
            f"unknown quad class {value!r}",
            where=where,
            fix=f"Use one of {', '.join(QUAD_CLASSES)}",
        )
    return text


def parse_intensity(value, *, where: str = "label"):
    """Read a ladder level 0..6; ``None`` when empty.

    Examples
    --------
    >>> parse_intensity("4"), parse_intensity(2.0), parse_intensity("")
    (4, 2, None)
    """
    if _blank(value):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        number = float("nan")
    if not number.is_integer() or int(number) not in INTENSITY_LEVELS:
        raise InputError(
            f"cannot read {value!r} as an intensity level",
            where=where,
            fix="Use a whole number from 0 (no reaction) to 6 (countermeasures)",
        )
    return int(number)


def frame_name(value: str) -> str:
    """Normalise a frame name: ``"Human interest"`` -> ``"human_interest"``.

    Examples
    --------
    >>> frame_name("frame_conflict"), frame_name("Human interest"), frame_name("policy_legality")
    ('conflict', 'human_interest', 'policy_legality')
    """
    text = re.sub(r"[\s-]+", "_", str(value).strip().casefold())
    return text.removeprefix("frame_")


def parse_frames(value, *, where: str = "label"):
    """Read a list of frame names (``;`` or ``,`` separated); ``None`` when empty.

    ``none`` (or ``0``) codes a sentence with no frame.

    Examples
    --------
    >>> sorted(parse_frames("Conflict; human interest")), parse_frames("none"), parse_frames("")
    (['conflict', 'human_interest'], set(), None)
    """
    if _blank(value):
        return None
    names = {frame_name(part) for part in re.split(r"[;,]", str(value)) if part.strip()}
    names -= {"none", "0", "no"}
    unknown = sorted(n for n in names if n not in GENERIC_FRAMES and not n.startswith("policy_"))
    if unknown:
        raise InputError(
            f"unknown frame name(s) {', '.join(unknown)}",
            where=where,
            fix=f"Use {', '.join(GENERIC_FRAMES)} or policy_<name>, separated by ';', or 'none'",
        )
    return names


def frame_label(value, measure: str, *, where: str = "label"):
    """Read a label for one frame: yes/no, or a list of frame names that holds it or not.

    Examples
    --------
    >>> frame_label("yes", "frame_conflict"), frame_label("economic; conflict", "frame_conflict")
    (True, True)
    >>> frame_label("economic", "frame_conflict"), frame_label("", "frame_conflict")
    (False, None)
    """
    try:
        return parse_bool(value, where=where)
    except InputError:
        names = parse_frames(value, where=where)
        return None if names is None else frame_name(measure) in names
