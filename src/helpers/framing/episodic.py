"""Episodic versus thematic framing per paragraph (Iyengar 1991).

Iyengar, S. (1991). *Is anyone responsible? How television frames political
issues.* University of Chicago Press. Cues: ``data/lexicons/episodic_thematic.yml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.lexicons import load_dictionary

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


def episodic_thematic(seg, actors=None) -> pd.DataFrame:
    """Score each paragraph as episodic or thematic (Iyengar 1991).

    Cues: ``data/lexicons/episodic_thematic.yml``, plus leaders named by
    :mod:`helpers.actors` (individuals: episodic) and historical references
    from ``history.yml`` (context: thematic).

    Returns
    -------
    DataFrame
        ``doc_id, para_id, episodic, thematic, score, label, episodic_evidence,
        thematic_evidence``; ``score`` = (thematic - episodic) / (thematic +
        episodic), from -1 (all episodic) to 1 (all thematic), 0 without cues;
        ``label`` is episodic, thematic, balanced or none.

    Examples
    --------
    >>> from helpers.text import segment
    >>> table = episodic_thematic(segment("On Monday, Mr. Sato met the press."))
    >>> table[["episodic", "thematic", "label", "episodic_evidence"]].values.tolist()
    [[3, 0, 'episodic', 'Monday; Mr.; met']]
    """
    import pandas as pd

    from helpers.actors import mentions as find_mentions

    dictionary = load_dictionary("episodic_thematic")
    history = load_dictionary("history")
    text = seg.text
    para_of = seg.sentences["para_id"].tolist()
    evidence: dict[int, dict[str, list[str]]] = {}
    for para_id in dict.fromkeys(para_of):
        evidence[para_id] = {"episodic": [], "thematic": []}
    for sent_id, tokens in enumerate(seg.tokens):
        bucket = evidence[para_of[sent_id]]
        for hit in dictionary.match_tokens(tokens):
            bucket[hit.category.split("/", 1)[0]].append(text[hit.start : hit.end])
        for hit in history.match_tokens(tokens):
            bucket["thematic"].append(text[hit.start : hit.end])
    leaders = find_mentions(seg, actors=actors)
    leaders = leaders[leaders["form"] == "leader"]
    for sent_id, mention in zip(leaders["sent_id"], leaders["text"], strict=True):
        evidence[para_of[int(sent_id)]]["episodic"].append(mention)
    rows = []
    for para_id, found in evidence.items():
        e, t = len(found["episodic"]), len(found["thematic"])
        score = (t - e) / (t + e) if t + e else 0.0
        label = (
            "none" if not t + e else "thematic" if t > e else "episodic" if e > t else "balanced"
        )
        rows.append(
            (
                seg.doc_id,
                para_id,
                e,
                t,
                score,
                label,
                "; ".join(found["episodic"]),
                "; ".join(found["thematic"]),
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "para_id",
            "episodic",
            "thematic",
            "score",
            "label",
            "episodic_evidence",
            "thematic_evidence",
        ],
    )
