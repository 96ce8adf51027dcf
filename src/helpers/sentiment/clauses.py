"""Clause-like units of a sentence, the scope of tone toward one actor in it.

"Japan protested, but Russia shrugged" gives the two actors different tones
only if each is scored in its own clause. The cut here is rough and
syntax-free (clause marks and contrastive conjunctions); the tone toward a
named target (:mod:`helpers.sentiment.target`) builds on it.
"""

from __future__ import annotations

from helpers.text import Token

# Words that open a contrasting clause (with or without a comma before them):
# what comes after them may give an actor another tone than what came before.
# Subordinators of cause or relative clauses ("because", "which") are not
# cuts: they still speak of the main clause's participants.
CLAUSE_BREAK_WORDS = frozenset({"but", "while", "whereas", "although", "though"})
# Marks that close a clause (the mark stays with the clause it ends).
CLAUSE_BREAK_MARKS = frozenset({";", ":", "—", "–"})


def clause_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """Cut a sentence's tokens into clause-like units (token index ranges).

    A rough, syntax-free cut: at ``;``, ``:`` and dashes, and before the
    contrastive "but", "while", "whereas", "although" and "though" (with or
    without a comma before them). Not at "because" or "which" (they still
    speak of the main clause's participants) nor at parentheses (which
    mostly hold an apposition: "Ryan (R-Wis.)").

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> toks = tokenize("Japan protested, but Russia shrugged; talks ended.")
    >>> [" ".join(t.text for t in toks[a:b]) for a, b in clause_spans(toks)]
    ['Japan protested ,', 'but Russia shrugged ;', 'talks ended .']
    """
    spans = []
    start = 0
    for k, token in enumerate(tokens):
        if token.norm in CLAUSE_BREAK_WORDS and k > start:
            spans.append((start, k))
            start = k
        elif token.text in CLAUSE_BREAK_MARKS and k + 1 > start:
            spans.append((start, k + 1))
            start = k + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return [(a, b) for a, b in spans if b > a]


def clause_breaks(norms) -> list[tuple[int, bool]]:
    """The clause cuts of a sentence: ``(token index, is a mark)`` for each break word or mark.

    ``norms`` are the tokens' ``norm``.

    Examples
    --------
    >>> clause_breaks(["japan", "protested", ",", "but", "russia", "shrugged", ";"])
    [(3, False), (6, True)]
    """
    words, marks = CLAUSE_BREAK_WORDS, CLAUSE_BREAK_MARKS
    return [(k, n in marks) for k, n in enumerate(norms) if n in words or n in marks]


#: Dashes, among the clause marks: a pair of them encloses a parenthetical, as brackets do.
DASHES = frozenset({"—", "–"})


def without_paired_dashes(breaks: list[tuple[int, bool]], norms) -> list[tuple[int, bool]]:
    """The cuts of :func:`clause_breaks` less the dashes, when they come in pairs.

    A pair of dashes encloses a parenthetical, an aside or an apposition of
    what precedes it ("Millard -- brave, honest -- has done us a service"),
    and the clause goes on after the second dash (Quirk, Greenbaum, Leech &
    Svartvik 1985, *A Comprehensive Grammar of the English Language*,
    appendix III on paired dashes; Nunberg 1990, *The Linguistics of
    Punctuation*): it is no cut, as brackets are none. A single dash, or an
    odd number of them, still cuts (it may open an afterthought of its own).
    The tone toward a target reads its clause with these cuts (issue 18,
    round 4); :func:`clause_spans` keeps every dash.

    Examples
    --------
    >>> norms = ["millard", "—", "brave", "—", "has", "done", "well", ";", "others", "did", "not"]
    >>> without_paired_dashes(clause_breaks(norms), norms)
    [(7, True)]
    >>> without_paired_dashes([(1, True)], ["talks", "—", "failed"])
    [(1, True)]
    """
    dashes = [k for k, is_mark in breaks if is_mark and norms[k] in DASHES]
    if not dashes or len(dashes) % 2:
        return breaks
    return [(k, is_mark) for k, is_mark in breaks if not (is_mark and norms[k] in DASHES)]


def clause_bounds(norms, i: int, breaks=None) -> tuple[int, int]:
    """Return the token range ``(start, end)`` of the clause holding token ``i``.

    The clause of :func:`clause_spans` that holds ``i``, from the cuts
    (:func:`clause_breaks` of ``norms``, passed as ``breaks`` when known;
    then ``norms`` may be any sequence as long as the sentence, its tokens):
    the tone toward a target asks this for every row of ``score``.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> toks = tokenize("Japan protested, but Russia shrugged; talks ended.")
    >>> clause_bounds([t.norm for t in toks], 4), clause_spans(toks)[1]
    ((3, 7), (3, 7))
    """
    if breaks is None:
        breaks = clause_breaks(norms)
    start, end = 0, len(norms)
    for k, is_mark in breaks:
        if k < i:
            if is_mark:
                start = k + 1
            elif k > 0:
                start = k
        elif k == i:
            if is_mark:  # a mark stays with the clause it ends
                return start, k + 1
            if k > 0:
                start = k
        else:
            return start, k + 1 if is_mark else k
    return start, end


def clause_of(tokens: list[Token], offset: int) -> tuple[int, int] | None:
    """Return the character span of the clause holding character ``offset``, or None.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> text = "Japan protested, but Russia shrugged."
    >>> start, end = clause_of(tokenize(text), text.index("Russia"))
    >>> text[start:end]
    'but Russia shrugged.'
    """
    for a, b in clause_spans(tokens):
        if tokens[a].start <= offset < tokens[b - 1].end:
            return tokens[a].start, tokens[b - 1].end
    return None
