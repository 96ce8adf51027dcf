"""What the tone toward a target looks for in a sentence before any target: its marks.

One look-up per token (:func:`marked`) finds the sentence's listed acts (the
``kind`` of ``data/lexicons/sentiment_roles.yml``), its clause cuts
(:mod:`helpers.sentiment.clauses`), "according", its judgements of a person
and its multiword expressions (:mod:`helpers.sentiment.target_phrases`).
:func:`may_count` and :func:`unrestorable` settle the sentences where nothing
can count for any target (no rated word, no act a role gives a valence), the
first before the marks are looked for. :mod:`helpers.sentiment.target` reads
them for every target of the sentence.

Examples
--------
>>> from helpers.sentiment.roles import role_lexicon
>>> verbs, breaks, according, judged, phrases = marked(
...     "japan condemned russia , but talks went on .".split(), role_lexicon())
>>> verbs, breaks, according  # "but" cuts the clause
([(1, 'counterpart')], [(4, False)], False)
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from helpers.sentiment.clauses import (
    CLAUSE_BREAK_MARKS,
    CLAUSE_BREAK_WORDS,
    DASHES,
    without_paired_dashes,
)
from helpers.sentiment.roles import RoleLexicon
from helpers.sentiment.target_phrases import find_phrases
from helpers.sentiment.vader import engine

# Markers of clause cuts among the roles list's categories (see _markers).
_WORD, _MARK, _ACCORDING = "<clause word>", "<clause mark>", "<according to>"
_JUDGED = "<judgement>"  # a word of the roles list's judgement category
_DASH = "<dash>"  # a clause mark, unless dashes come in pairs


@lru_cache(maxsize=4)
def _markers(roles: RoleLexicon) -> dict[str, str]:
    """Normalised word -> its roles category, or a clause cut (``_WORD``, ``_MARK``):
    one look-up per token finds both the acts and the clause bounds of a sentence."""
    markers = dict.fromkeys(CLAUSE_BREAK_WORDS, _WORD) | dict.fromkeys(CLAUSE_BREAK_MARKS, _MARK)
    markers |= dict.fromkeys(DASHES, _DASH)  # clause marks too, unless paired (see marked)
    return {
        **markers,
        "according": _ACCORDING,
        **dict.fromkeys(roles.judgement, _JUDGED),
        **roles.kind,
    }


@lru_cache(maxsize=4)
def _restorable(roles: RoleLexicon) -> frozenset[str]:
    """Listed words that can count though the sentence reading leaves them unrated:
    VADER rates them (the domain list may have neutralised them, as reported
    denials), their category gives a valence for a role (``valence``,
    ``source_valence``, a ``set`` action's), they are claims
    (:data:`helpers.sentiment.target.CLAIM_VALENCE` for the source) or judgements."""
    lexicon = engine().lexicon
    valued = {"claim", *roles.valence, *roles.source_valence, *(c for c, _ in roles.set_valence)}
    return (
        frozenset(
            word for word, category in roles.kind.items() if word in lexicon or category in valued
        )
        | frozenset(roles.judgement)
        | frozenset(roles.word_valence)
    )


@lru_cache(maxsize=4)
def may_count(roles: RoleLexicon) -> frozenset[str]:
    """Words without one of which a sentence with no rated word gives every target 0:
    the restorable acts, the judgements and the phrases' first words. A sentence
    with none of them is settled before its marks are looked for; it is one that
    :func:`unrestorable` would settle after them.

    Examples
    --------
    >>> from helpers.sentiment.roles import role_lexicon
    >>> "condemned" in may_count(role_lexicon()), "the" in may_count(role_lexicon())
    (True, False)
    """
    return _restorable(roles) | frozenset(roles.phrases)


def unrestorable(verbs: list, norms: list[str], roles: RoleLexicon) -> bool:
    """Whether no listed act of the sentence (``verbs``, from :func:`marked`) can have
    its valence restored by a role."""
    return _restorable(roles).isdisjoint(norms[i] for i, _ in verbs)


def marked(norms: list[str], roles: RoleLexicon) -> tuple[list, list, bool, list, list]:
    """A sentence's listed acts ``[(token, category)]``, clause cuts ``[(token, is a mark)]``,
    whether it has "according", its judgements ``[token]``, found with C-level
    loops (few words are marked), and its multiword expressions
    (:func:`helpers.sentiment.target_phrases.find_phrases`)."""
    categories = list(map(_markers(roles).get, norms))
    verbs, breaks, according, judged, dashes = [], [], False, [], 0
    for i in compress(range(len(categories)), categories):
        category = categories[i]
        if category is _WORD or category is _MARK:
            breaks.append((i, category is _MARK))
        elif category is _DASH:
            breaks.append((i, True))
            dashes += 1
        elif category is _ACCORDING:
            according = True
        elif category is _JUDGED:
            judged.append(i)
        else:
            verbs.append((i, category))
    if dashes and not dashes % 2:  # a pair of dashes encloses a parenthetical: no cut
        breaks = without_paired_dashes(breaks, norms)
    return verbs, breaks, according, judged, find_phrases(norms, roles)
