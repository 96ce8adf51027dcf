"""The tool's side of a comparison: its codes for texts, and the words behind them.

:func:`tool_codes` scores texts with :func:`helpers.score.score_texts`, the
code behind ``python -m helpers score``, so that what is validated is what
researchers run; :func:`tool_evidence` says which words the tool found in one
sentence, for reading a disagreement.
"""

from __future__ import annotations

from importlib import import_module

from helpers.errors import ResourceError
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold, label
from helpers.validation.labels import normalize_quad


def available_analyses() -> tuple[str, ...]:
    """Return the analyses of :data:`helpers.score.ANALYSES` that are installed.

    Raises
    ------
    ResourceError
        If none is.
    """
    from helpers.score import ANALYSES

    names = []
    for name, module_name in ANALYSES.items():
        try:
            import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        names.append(name)
    if not names:
        raise ResourceError(
            "no analysis module is installed",
            where="helpers.score.ANALYSES",
            fix="Install the project with `make setup`",
        )
    return tuple(names)


def tool_codes(texts, threshold: float = DEFAULT_THRESHOLD, analyses=None, targets=None):
    """Score texts as ``score`` does and add the codes a coder is compared with.

    Parameters
    ----------
    texts : sequence of str
        One unit (sentence) each.
    threshold : float, default :data:`helpers.sentiment.DEFAULT_THRESHOLD`
        Neutral band for ``sentiment_class``.
    analyses : sequence of str, optional
        Default: every installed analysis.
    targets : list of helpers.sentiment.TargetSpec, optional
        One target per text: adds the tone toward it (``target_sentiment``,
        ``target_label``, ``target_evidence``), as ``score --target-column``.

    Returns
    -------
    DataFrame
        Every column of :func:`helpers.score.score_texts`, plus
        ``sentiment_class`` after ``sentiment`` (when sentiment is installed).
    """
    from helpers.score import score_texts

    check_threshold(threshold, where="threshold")
    scores = score_texts(
        list(texts),
        analyses=tuple(analyses or available_analyses()),
        unit="sentence",
        targets=targets,
    )
    if "sentiment" in scores.columns:
        position = list(scores.columns).index("sentiment") + 1
        classes = [label(float(s), threshold) for s in scores["sentiment"]]
        scores.insert(position, "sentiment_class", classes)
    if "quad_class" in scores.columns:
        scores["quad_class"] = [
            normalize_quad(v, missing="none", where="the tool's quad_class column")
            for v in scores["quad_class"]
        ]
    return scores


def _sentiment_evidence(text: str, tokens) -> str:
    """Words that moved the sentiment score, with their valence after VADER's rules."""
    try:
        from helpers.sentiment import explain_sentence
    except ImportError:
        explain_sentence = None
    if explain_sentence is not None:
        table = explain_sentence(text, tokens=tokens)
        words = []
        for row in table.itertuples(index=False):
            rules = f" [{row.rules}]" if isinstance(row.rules, str) and row.rules.strip() else ""
            if row.valence or rules:  # a word the domain list neutralised is evidence too
                words.append(f"{row.word}({row.valence:+.2f}{rules})")
        return "sentiment: " + " ".join(words) if words else ""
    # without the sentiment module: the VADER lexicon's valence, before any rule
    from helpers.resources import vader_analyzer

    lexicon = vader_analyzer().lexicon
    words = [f"{t.norm}({lexicon[t.norm]:+.1f})" for t in tokens if t.norm in lexicon]
    return "vader lexicon: " + " ".join(words) if words else ""


def tool_evidence(text: str) -> str:
    """Say which words the tool found in a sentence, by analysis.

    The sentiment part lists the words that moved the score with their
    valence after VADER's rules (negation, degree words, "but") and the
    domain adjustments, as :func:`helpers.sentiment.explain_sentence` shows
    them; the others list the dictionary patterns that matched, by
    dictionary and category.

    Examples
    --------
    >>> "summoned" in tool_evidence("The ambassador was summoned.")  # doctest: +SKIP
    True
    """
    from helpers.errors import HelpersError
    from helpers.lexicons import load_dictionary
    from helpers.text import tokenize

    tokens = tokenize(text)
    parts = []
    try:
        sentiment = _sentiment_evidence(text, tokens)
        if sentiment:
            parts.append(sentiment)
    except HelpersError:
        pass
    for name in ("frames_generic", "stance", "diplomacy", "events"):
        try:
            hits = load_dictionary(name).match_tokens(tokens)
        except HelpersError:
            continue
        found: dict[str, list[str]] = {}
        for hit in hits:
            top = hit.category.split("/")[0]
            found.setdefault(top, []).append(text[hit.start : hit.end])
        for top, words in found.items():
            parts.append(f"{name}.{top}: " + ", ".join(dict.fromkeys(words)))
    return "; ".join(parts)
