"""The words VADER reads in a sentence: as NLTK reads them, and as news typography needs.

Plain VADER (``sentiment_raw``) reads a sentence as NLTK 3.10 does
(:func:`nltk_words`): whitespace-separated pieces, a mark of VADER's
punctuation list stripped from *one* side of a word, anything else left glued
to it (``unacceptable,”`` is one unknown word). The news-aware score reads the
same sentence as news typography writes it (:func:`news_words`): typographic
quotes and apostrophes read as straight ones, dashes and the ellipsis
separate words, punctuation is dropped from both ends of a word, and words
glued together by lost markup are split as :func:`helpers.text.tokenize`
splits them. Both keep NLTK's rule that a piece of one character is no word.

Both readers also give character spans (for explanations), and
:func:`token_base` relates a sentence's tokens to its text.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

from helpers.text import INVISIBLE_CHARS, QUOTE_PAIRS, Token

# ASCII punctuation: what NLTK's VADER strips around words (string.punctuation).
_PUNCT_CHARS = string.punctuation
_PUNCT = frozenset(_PUNCT_CHARS)
_HAS_PUNCT = re.compile(f"[{re.escape(_PUNCT_CHARS)}]").search

# News typography -> what VADER's rules expect: typographic quotes and
# apostrophes become straight ones (the project's one quote table, including
# primes, which garbled pages use for both); dashes and the ellipsis separate
# words ("Russia—and"). One character for one, so offsets stay valid.
_NEWS_PAIRS = (
    *QUOTE_PAIRS.items(),
    ("—", " "), ("–", " "), ("―", " "), ("‒", " "), ("…", " "),
)  # fmt: skip
# Marks stripped from both ends of a word: ASCII punctuation and the common
# typographic ones that survive normalisation.
_STRIP = _PUNCT_CHARS + "¡¿§¶©®°•·†‡‹›"
_STRIP_SET = frozenset(_STRIP)
# Words glued together when a page lost its markup, split as helpers.text does.
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
# Soft hyphens, zero-width characters and bidi controls: a reader does not see
# them, so the news-aware score reads the word without them (helpers.text does
# the same for tokens). Plain VADER keeps NLTK's reading, in which they spoil
# the word.
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
_DELETE_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARS))


def _normalise(text: str) -> str:
    """Return ``text`` with news typography made plain (quotes, apostrophes, dashes).

    Examples
    --------
    >>> _normalise("didn’t—“war”")
    'didn\\'t "war"'
    """
    if text.isascii():
        return text
    for old, new in _NEWS_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


@cache
def vader_punctuation() -> frozenset[str]:
    """Return the marks NLTK's VADER strips from one side of a word (its ``PUNC_LIST``).

    Examples
    --------
    >>> sorted(m for m in vader_punctuation() if len(m) == 1)
    ['!', '"', "'", ',', '-', '.', ':', ';', '?']
    """
    from helpers.resources import vader_constants  # NLTK's values, without importing NLTK

    return frozenset(vader_constants().PUNC_LIST)


def nltk_words(text: str, punc_list: frozenset[str] | None = None) -> list[str]:
    """Return the words NLTK's VADER reads in ``text``, exactly as it reads them.

    Whitespace-separated pieces longer than one character; a piece that is a
    word without ASCII punctuation plus one of VADER's punctuation marks on
    *one* side (``good!``, ``"war``) loses the mark. Anything else stays glued
    (``crimes”``, ``unacceptable,"``, ``(talks)``).

    Parameters
    ----------
    text : str
    punc_list : frozenset of str, optional
        VADER's punctuation marks; :func:`vader_punctuation` when missing.

    Examples
    --------
    >>> nltk_words('Japan called it “completely unacceptable,” a "war" (sadly)!')
    ['Japan', 'called', 'it', '“completely', 'unacceptable,”', '"war"', '(sadly)!']
    """
    punc = vader_punctuation() if punc_list is None else punc_list
    words = []
    append = words.append
    for word in text.split():
        if len(word) < 2:
            continue
        if word[-1] in _PUNCT:
            core = word.rstrip(_PUNCT_CHARS)
            if len(core) > 1 and word[len(core) :] in punc and not _HAS_PUNCT(core):
                word = core
        elif word[0] in _PUNCT:
            core = word.lstrip(_PUNCT_CHARS)
            if len(core) > 1 and word[: len(word) - len(core)] in punc and not _HAS_PUNCT(core):
                word = core
        append(word)
    return words


def news_words(text: str, *, spans: bool = False) -> Any:
    """Return the words the news-aware score reads in ``text``.

    Typographic quotes and apostrophes become straight ones, dashes and the
    ellipsis separate words, punctuation at either end of a word is dropped,
    glued words are split (``factoPeace``), and invisible characters (soft
    hyphens, zero-width characters, bidi controls) are read through
    (a word's span still covers them). As in NLTK, pieces of one
    character are ignored, and a piece whose word part is a single character
    (``I,``, ``$5``) or that has no word part (``:-)``, ``!!``) stays whole.

    This is on the ``score`` command's path for every sentence, so the two
    variants (with and without spans) share one loop that tests ``where``
    rather than two loops.

    Parameters
    ----------
    text : str
    spans : bool, default False
        Also return the ``(start, end)`` character span of each word.

    Returns
    -------
    list of str, or (list of str, list of tuple)

    Examples
    --------
    >>> news_words('It called it “completely unacceptable,” Russia—and the factoPeace didn’t (sadly)!')
    ['It', 'called', 'it', 'completely', 'unacceptable', 'Russia', 'and', 'the', 'facto', 'Peace', "didn't", 'sadly']
    >>> news_words("“War,” he said", spans=True)
    (['War', 'he', 'said'], [(1, 4), (7, 9), (10, 14)])
    >>> news_words("a hor\u00adrible at\u200btack", spans=True)
    (['horrible', 'attack'], [(2, 11), (12, 19)])
    """
    if not text.isascii() and _INVISIBLE.search(text):
        return _without_invisible(*_split_news_words(text, True), spans)
    return _split_news_words(text, spans)


def _split_news_words(text: str, spans: bool) -> Any:
    """:func:`news_words` before invisible characters are taken out of the words."""
    norm = _normalise(text)
    strip_set = _STRIP_SET
    words: list[str] = []
    append = words.append
    where: list[tuple[int, int]] | None = [] if spans else None
    pos = 0
    for piece in norm.split():
        if where is not None:
            # The next whitespace-separated piece starts at its first occurrence.
            pos = norm.find(piece, pos)
            start = pos
            pos += len(piece)
        if len(piece) < 2:
            continue
        word = piece
        if word[0] in strip_set or word[-1] in strip_set:
            core = word.strip(_STRIP)
            if len(core) < 2:
                append(word)
                if where is not None:
                    where.append((start, start + len(word)))
                continue
            if where is not None:
                start += len(word) - len(word.lstrip(_STRIP))
            word = core
        if not word[1:].islower() and not word.isupper() and _GLUE.search(word):
            cut = 0
            for glue in _GLUE.finditer(word):
                append(word[cut : glue.start()])
                if where is not None:
                    where.append((start + cut, start + glue.start()))
                cut = glue.start()
            append(word[cut:])
            if where is not None:
                where.append((start + cut, start + len(word)))
        else:
            append(word)
            if where is not None:
                where.append((start, start + len(word)))
    return (words, where) if spans else words


def _without_invisible(words: list[str], where: list[tuple[int, int]], spans: bool) -> Any:
    """The words with their invisible characters deleted; those left under two characters go."""
    kept = [
        (clean, span)
        for word, span in zip(words, where, strict=True)
        if len(clean := word.translate(_DELETE_INVISIBLE)) >= 2
    ]
    words = [word for word, _ in kept]
    return (words, [span for _, span in kept]) if spans else words


def nltk_word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Return the character span of each of NLTK's words (:func:`nltk_words`) in ``text``.

    Each word lies inside its whitespace-separated piece, the pieces in order
    (for explanations only: the score never needs spans).

    Examples
    --------
    >>> text = "It was “good!”"
    >>> nltk_word_spans(text, nltk_words(text))
    [(0, 2), (3, 6), (7, 14)]
    """
    result = []
    pieces = [m for m in re.finditer(r"\S+", text) if len(m.group()) > 1]
    for match, word in zip(pieces, words, strict=True):
        offset = match.group().find(word)
        start = match.start() + max(offset, 0)
        result.append((start, start + len(word)))
    return result


def token_base(text: str, tokens: list[Token]) -> int:
    """Return the offset of ``tokens`` relative to ``text`` (what to subtract from theirs).

    The first token starts at the first non-space character (every non-space
    character is in a token), so a sentence's tokens from a segmented
    document, whose offsets count from the document's start, map back onto
    the sentence's own text.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> token_base("  Talks failed.", tokenize("Talks failed.", offset=40))
    38
    """
    return tokens[0].start - (len(text) - len(text.lstrip()))
