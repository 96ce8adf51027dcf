"""Entman's (1993) four framing functions, each cue linked to the actor it concerns.

Entman, R. M. (1993). Framing: toward clarification of a fractured paradigm.
*Journal of Communication*, 43(4), 51-58. Cues: ``data/lexicons/entman.yml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from helpers.framing.dictionaries import split_category
from helpers.lexicons import load_dictionary

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


ENTMAN_COLUMNS = (
    "doc_id",
    "sent_id",
    "function",
    "cue_type",
    "pattern",
    "start",
    "end",
    "match",
    "actor_id",
    "actor",
    "actor_text",
    "actor_rule",
    "sentence",
)


_ACTOR_RULES = {
    "before": "nearest actor before the cue (its subject)",
    "after": "nearest actor after the cue (the agent it introduces)",
    "nearest": "nearest actor in the sentence",
}


class _Candidate(NamedTuple):
    """An actor mention of the cue's sentence, as :func:`helpers.actors.mentions` lists it."""

    start: int
    end: int
    actor_id: str
    actor: str
    text: str


def _pick_actor(mentions: list[_Candidate], start: int, end: int, side: str):
    """Choose the mention of one sentence that the cue at ``start:end`` is about."""
    before = [m for m in mentions if m.end <= start]
    after = [m for m in mentions if m.start >= end]
    if side == "before":
        order = [max(before, key=lambda m: m.end)] if before else []
        order += [min(after, key=lambda m: m.start)] if after else []
    elif side == "after":
        order = [min(after, key=lambda m: m.start)] if after else []
        order += [max(before, key=lambda m: m.end)] if before else []
    else:
        order = sorted(
            before + after, key=lambda m: start - m.end if m.end <= start else m.start - end
        )
    if not order:
        return None, "no actor named in the sentence"
    chosen = order[0]
    preferred = (side == "before" and chosen.end <= start) or (
        side == "after" and chosen.start >= end
    )
    rule = (
        _ACTOR_RULES[side]
        if side == "nearest" or preferred
        else f"{_ACTOR_RULES[side]}: none, took the other side"
    )
    return chosen, rule


def entman_functions(seg, actors=None, date=None) -> pd.DataFrame:
    """Find Entman's four framing functions, each with its cue, span and actor.

    Cues come from ``data/lexicons/entman.yml``; the actor is an actor mention
    (:func:`helpers.actors.mentions`) in the same sentence, looked for where the
    cue's ``actor_side`` says: before a deontic modal ("Washington should"),
    after a causal connective ("frustrated by Japan's sanctions"), otherwise
    the nearest.

    Parameters
    ----------
    seg : Segmentation
    actors : Actors, optional
        From :func:`helpers.actors.load_actors`; the default list when omitted.
    date : date, optional
        Passed to the actor finder (which names were valid then).

    Returns
    -------
    DataFrame
        :data:`ENTMAN_COLUMNS`; ``actor_rule`` says how the actor was chosen.

    Examples
    --------
    >>> from helpers.text import segment
    >>> table = entman_functions(segment("Washington should act."))
    >>> table[["function", "match", "actor_text"]].values.tolist()
    [['treatment_recommendation', 'should', 'Washington']]
    """
    import pandas as pd

    from helpers.actors import mentions as find_mentions

    dictionary = load_dictionary("entman")
    table = find_mentions(seg, actors=actors, date=date)
    by_sentence: dict[int, list[_Candidate]] = {}
    for record in table[["sent_id", "start", "end", "actor_id", "actor", "text"]].itertuples(
        index=False
    ):
        by_sentence.setdefault(int(record.sent_id), []).append(
            _Candidate(
                int(record.start), int(record.end), record.actor_id, record.actor, record.text
            )
        )
    text = seg.text
    sentences = seg.sentences["text"].tolist()
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for hit in dictionary.match_tokens(tokens):
            function, cue_type = split_category(hit.category)
            side = str(dictionary.category_attrs.get(hit.category, {}).get("actor_side", "nearest"))
            if side not in _ACTOR_RULES:
                side = "nearest"
            chosen, rule = _pick_actor(by_sentence.get(sent_id, []), hit.start, hit.end, side)
            rows.append(
                (
                    seg.doc_id,
                    sent_id,
                    function,
                    cue_type,
                    hit.pattern,
                    hit.start,
                    hit.end,
                    text[hit.start : hit.end],
                    chosen.actor_id if chosen else "",
                    chosen.actor if chosen else "",
                    chosen.text if chosen else "",
                    rule,
                    " ".join(sentences[sent_id].split()),
                )
            )
    return pd.DataFrame(rows, columns=list(ENTMAN_COLUMNS))


_ENTMAN_FUNCTIONS = (
    "problem_definition",
    "causal_attribution",
    "moral_evaluation",
    "treatment_recommendation",
)


def entman_summary(functions) -> pd.DataFrame:
    """Say, for each of Entman's four functions, whether the text performs it, and how.

    ``functions`` is the table of :func:`entman_functions`.

    Returns
    -------
    DataFrame
        ``function, present, cues, sentences, matches, actors``: one row per function
        in Entman's order; ``matches`` and ``actors`` list the distinct words and
        actors, ``;``-separated.

    Examples
    --------
    >>> from helpers.text import segment
    >>> summary = entman_summary(entman_functions(segment("Washington should act.")))
    >>> summary[["function", "present", "actors"]].values.tolist()[-1]
    ['treatment_recommendation', True, 'United States']
    """
    import pandas as pd

    rows = []
    for function in _ENTMAN_FUNCTIONS:
        found = functions[functions["function"] == function]
        rows.append(
            (
                function,
                len(found) > 0,
                len(found),
                found["sent_id"].nunique(),
                "; ".join(dict.fromkeys(found["match"])),
                "; ".join(a for a in dict.fromkeys(found["actor"]) if a),
            )
        )
    return pd.DataFrame(
        rows, columns=["function", "present", "cues", "sentences", "matches", "actors"]
    )
