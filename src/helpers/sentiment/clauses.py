"""Clause-like units of a sentence, the scope of tone toward one actor in it.

"Japan protested, but Russia shrugged" gives the two actors different tones
only if each is scored in its own clause. The cut here is rough and
syntax-free (punctuation and a few subordinating and contrastive words); the
tone toward a named target will build on it.
"""

from __future__ import annotations

from helpers.text import Token

# Words that open a new clause (with or without a comma before them).
_CLAUSE_BREAK_WORDS = frozenset(
    {"but", "while", "whereas", "although", "though", "because", "which"}
)
# Marks that close a clause (the mark stays with the clause it ends).
_CLAUSE_BREAK_MARKS = frozenset({";", ":", "—", "–", "(", ")"})


def clause_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """Cut a sentence's tokens into clause-like units (token index ranges).

    A rough, syntax-free cut: at ``;``, ``:``, dashes and parentheses, and
    before "but", "while", "whereas", "although", "though", "because" and
    "which" (with or without a comma before them).

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
        if token.norm in _CLAUSE_BREAK_WORDS and k > start:
            spans.append((start, k))
            start = k
        elif token.text in _CLAUSE_BREAK_MARKS and k + 1 > start:
            spans.append((start, k + 1))
            start = k + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return [(a, b) for a, b in spans if b > a]


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
