"""Multiword expressions in the tone toward a target: what a phrase says of its bearer.

Some things news says of a person are said by a phrase and by none of its
words: "came under fire" (criticised; "fire" is no fire), "is under
investigation" (suspected of wrongdoing; no word of it is rated), "took a
swipe at Warren" (Warren criticised), "anti-Corbyn campaigns" (opposition to
Corbyn). Their meaning for the person is an implicature or a presupposition
of the whole expression (Levinson, S.C. 1983, Pragmatics, ch. 3-4), an
evaluation that is invoked rather than inscribed (Martin, J.R. & White,
P.R.R. 2005, The Language of Evaluation, ch. 2: "tokens" of judgement). And
some phrases carry a rated word that evaluates nothing: "to be sure" and "to
be clear" are concessive and framing markers (Biber et al. 1999, Longman
Grammar, 10.3: stance adverbials), "with respect to" is a preposition, "no
doubt" marks certainty (VADER reads "no" -1.2 and "doubt" -1.5 in it).

The ``phrases`` category of ``data/lexicons/sentiment_roles.yml`` lists
them, each with its ``bearer``: ``subject`` (the noun phrase just before it,
light verbs and auxiliaries allowed between: "Pence came under fire"),
``object`` (the noun phrase just after it: "a swipe at Warren") or ``none``
(a discourse marker). For the tone toward a target only (the sentence score
does not read this list): a phrase inside the target's scope counts its
valence for its bearer, in place of its words' own ratings; its words count
for no other target. The phrase's valence is placed among VADER's ratings
(each entry's note), not fitted.

Examples
--------
>>> from helpers.text import tokenize
>>> from helpers.sentiment.roles import role_lexicon
>>> toks = tokenize("Pence came under fire.")
>>> [(s, e, bearer) for s, e, _, bearer in find_phrases([t.norm for t in toks], role_lexicon())]
[(2, 4, 'subject')]
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import Any

from helpers.sentiment.roles import RoleLexicon, only_before_patient, skip_apposition
from helpers.text import Token

# Words that may stand between a phrase's subject and the phrase: auxiliaries,
# be-forms, "to" ("calls for Ryan to step down") and the light verbs of a state
# entered or kept ("came under fire", "remains under investigation", "found
# himself in hot water").
_LINKING = frozenset(
    "is was are were be been being has have had will would could may might also now still to "
    "already again once came come comes coming remained remains remain stayed stays stay "
    "found finds himself herself itself themselves".split()
)


def find_phrases(norms: list[str], roles: RoleLexicon) -> list[tuple[int, int, float, str]]:
    """The listed phrases in a sentence's normalised tokens: ``[(start, end, valence, bearer)]``.

    At each token the longest listed form that starts there; matches do not overlap.
    A phrase marked ``final`` counts only before a mark or at the end ("Trump must
    go!", not "must go to Paris").
    """
    phrases = roles.phrases
    if phrases.keys().isdisjoint(norms):
        return []
    # Most sentences hold a first word ("in", "to", "on"): the tokens that may start
    # a phrase are picked in C, and only the forms that start with the token and the
    # one after it are tried.
    by_two = _by_first_two(roles)
    found, after, n = [], 0, len(norms)
    for i in compress(range(n), map(phrases.__contains__, norms)):
        if i < after:
            continue  # inside the phrase found before
        forms = by_two.get((norms[i], norms[i + 1] if i + 1 < n else None))
        if forms is None:
            forms = by_two.get((norms[i], None), ())  # its one-word forms, if any
        for words, valence, bearer, final in forms:
            end = i + len(words)
            if final and end < n and norms[end][:1].isalnum():
                continue
            if end <= n and tuple(norms[i:end]) == words:
                found.append((i, end, valence, bearer))
                after = end
                break
    return found


@lru_cache(maxsize=4)
def _by_first_two(roles: RoleLexicon) -> dict[tuple, list]:
    """The roles list's phrases by their first two words, each list longest first as
    in :attr:`RoleLexicon.phrases`: a token tries only the forms its next token
    allows. A one-word form is listed under its word and None, and at the end of
    every list of its word."""
    index: dict[tuple, list] = {}
    for first, forms in roles.phrases.items():
        for form in forms:
            key = (first, form[0][1] if len(form[0]) > 1 else None)
            index.setdefault(key, []).append(form)
    for first, forms in roles.phrases.items():  # a one-word form ends any token's list
        for form in forms:
            if len(form[0]) == 1:
                for key, listed in index.items():
                    if key[0] == first and key[1] is not None:
                        listed.append(form)
    return index


def bears(tokens: list[Token], a: int, b: int, start: int, end: int, bearer: str) -> bool:
    """Whether the target (tokens ``a:b``) is the bearer of the phrase at ``start:end``.

    Its subject: the target ends just before the phrase, or before linking
    words only ("Pence has come under fire"), past an apposition or a closing
    parenthesis ("the agency (BAMF) came under fire"). Its object: the target starts
    just after it, or after at most three determiners, possessives or titles
    ("a swipe at the president").
    """
    if bearer == "subject" and b <= start:
        j = b
        if j < start and tokens[j].text == ")":
            j += 1  # "the agency (BAMF) has come under fire": the abbreviation of the subject
        if j < start and tokens[j].text == ",":
            j = skip_apposition(tokens, j, start)  # "Pence, the vice president, came under fire"
        return all(tokens[k].norm in _LINKING for k in range(j, start))
    if bearer == "object" and a >= end:
        return only_before_patient(tokens, end, a)
    return False


def with_phrases(scope: Any, found, tokens: list[Token], a: int, b: int) -> Any:
    """``scope`` (a :class:`helpers.sentiment.target._Scope`) with the phrases inside it
    among its effects: each phrase's first word counts the phrase's valence for
    the target that bears it (a ``set`` effect: not negated, as a judgement of the
    whole expression), and its other words, or all its words for any other
    target, do not count."""
    inside = [f for f in found if f[0] in scope.tokens and not (f[0] < b and a < f[1])]
    if not inside:
        return scope
    effects = dict(scope.effects)
    for start, end, valence, bearer in inside:
        phrase = " ".join(tokens[i].text for i in range(start, end))
        for i in range(start, end):
            effects[i] = ("drop", f"part of {phrase!r}", None)
        if bearer != "none" and bears(tokens, a, b, start, end, bearer):
            effects[start] = ("set", f"what {phrase!r} says of its {bearer}", valence)
    return scope._replace(effects=effects)
