"""Episodic versus thematic framing per paragraph (Iyengar 1991).

Iyengar, S. (1991). *Is anyone responsible? How television frames political
issues.* University of Chicago Press. Cues and the rule that weighs them:
``data/lexicons/episodic_thematic.yml`` (its header states the rule).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.lexicons import load_dictionary

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd

EPISODIC_COLUMNS = (
    "doc_id",
    "para_id",
    "episodic",
    "thematic",
    "score",
    "label",
    "episodic_evidence",
    "thematic_evidence",
)
# The category whose cues say the sentence spans time, and the one it overrides there.
_SPAN = "thematic/time_span"
_EVENT = "episodic/event_verbs"


def _sentence_cues(dictionary, history, tokens, text) -> list[tuple[str, str, float]]:
    """The cues of one sentence: ``(side, words, weight)``, after rule 2 of the YAML.

    A single-event verb in a sentence that names a span of time reports a toll or
    a history ("has killed 10,000 people since 2014"), so it is dropped.
    """
    hits = dictionary.match_tokens(tokens)
    spans_time = any(hit.category == _SPAN for hit in hits)
    cues = []
    for hit in hits:
        if spans_time and hit.category == _EVENT:
            continue
        weight = float(dictionary.category_attrs.get(hit.category, {}).get("weight", 1))
        cues.append((hit.category.split("/", 1)[0], text[hit.start : hit.end], weight))
    for hit in history.match_tokens(tokens):
        cues.append(("thematic", text[hit.start : hit.end], 1.0))
    return cues


def _label(episodic: float, thematic: float) -> tuple[float, str]:
    if not episodic + thematic:
        return 0.0, "none"
    score = (thematic - episodic) / (thematic + episodic)
    return score, "thematic" if score > 0 else "episodic" if score < 0 else "balanced"


def episodic_thematic(seg, actors=None) -> pd.DataFrame:
    """Score each paragraph as episodic or thematic (Iyengar 1991).

    Cues: ``data/lexicons/episodic_thematic.yml``, plus leaders named by
    :mod:`helpers.actors` (individuals: episodic) and historical references
    from ``history.yml`` (context: thematic). The time frame weighs double
    (a particular day against a span of years), and an event verb in a
    sentence that spans time does not count (the YAML's header has the rule).

    Returns
    -------
    DataFrame
        ``doc_id, para_id, episodic, thematic, score, label, episodic_evidence,
        thematic_evidence``; ``episodic`` and ``thematic`` are the weighted cue
        counts, ``score`` = (thematic - episodic) / (thematic + episodic), from -1
        (all episodic) to 1 (all thematic), 0 without cues; ``label`` is
        episodic, thematic, balanced or none.

    Examples
    --------
    >>> from helpers.text import segment
    >>> table = episodic_thematic(segment("On Monday, Mr. Sato met the press."))
    >>> table[["episodic", "thematic", "label", "episodic_evidence"]].values.tolist()
    [[4.0, 0.0, 'episodic', 'Monday; Mr.; met']]
    """
    import pandas as pd

    from helpers.actors import mentions as find_mentions

    dictionary = load_dictionary("episodic_thematic")
    history = load_dictionary("history")
    text = seg.text
    para_of = seg.sentences["para_id"].tolist()
    weights = {para_id: {"episodic": 0.0, "thematic": 0.0} for para_id in dict.fromkeys(para_of)}
    evidence = {para_id: {"episodic": [], "thematic": []} for para_id in weights}
    for sent_id, tokens in enumerate(seg.tokens):
        para = para_of[sent_id]
        for side, words, weight in _sentence_cues(dictionary, history, tokens, text):
            weights[para][side] += weight
            evidence[para][side].append(words)
    leaders = find_mentions(seg, actors=actors)
    leaders = leaders[leaders["form"] == "leader"]
    for sent_id, mention in zip(leaders["sent_id"], leaders["text"], strict=True):
        weights[para_of[int(sent_id)]]["episodic"] += 1.0
        evidence[para_of[int(sent_id)]]["episodic"].append(mention)
    rows = []
    for para_id, found in weights.items():
        score, label = _label(found["episodic"], found["thematic"])
        rows.append(
            (
                seg.doc_id,
                para_id,
                found["episodic"],
                found["thematic"],
                score,
                label,
                "; ".join(evidence[para_id]["episodic"]),
                "; ".join(evidence[para_id]["thematic"]),
            )
        )
    return pd.DataFrame(rows, columns=list(EPISODIC_COLUMNS))
