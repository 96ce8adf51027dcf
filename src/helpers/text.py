"""Paragraphs, sentences and tokens with exact character offsets.

Every unit carries ``start`` and ``end`` offsets into the text it came from, so
that ``text[start:end]`` is exactly the unit: evidence shown anywhere in the
project can be traced back to the article.

Sentences are split with NLTK's Punkt (Kiss & Strunk 2006) using parameters the
project owns (``data/lexicons/abbreviations.yml``) instead of a downloaded,
trained model, so the sentences are identical with or without internet. On top
of Punkt:

* paragraphs (blank-line separated) always end a sentence;
* typographic quotes are treated like straight ones (Punkt only knows ``"``
  and ``'``), so ``crimes.” Next`` splits after the closing quote;
* a quotation stays whole: a split inside an open quotation is undone (at most
  :data:`MAX_QUOTE_MERGE` times in a row, so a missing closing quote cannot
  swallow a paragraph);
* no sentence is longer than :data:`MAX_SENTENCE_CHARS`: a longer span is cut
  at white space (else at the limit) and the cut is logged and kept in
  :attr:`Segmentation.cuts`.

Invisible characters (:data:`INVISIBLE_CHARS`: soft hyphen, zero-width
characters, bidirectional controls) are seen through: sentences and tokens are
those of the text a reader sees, while every offset still counts them.

Tokens follow the Penn Treebank habits researchers know: clitics are split
(``did`` + ``n’t``, ``Moscow`` + ``’s``), punctuation marks are tokens of their
own, initialisms (``U.S.``) and listed abbreviations (``Mr.``) keep their
periods. Two news-specific rules: a hyphen is its own token (``World War II-era``
gives ``II``, ``-``, ``era``, so "World War II" can be found in it), and words
glued together when a page lost its markup are split at a lower-to-upper case
change after three lower-case letters (``factoPeace`` -> ``facto``, ``Peace``;
``McDonald`` and ``iPhone`` are left alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from helpers.paths import LEXICONS_DIR, confined

__all__ = [
    "Token",
    "Segmentation",
    "tokenize",
    "split_paragraphs",
    "split_sentences",
    "segment",
    "quote_spans",
    "normalize_token",
    "spans_between",
    "QUOTE_PAIRS",
    "INVISIBLE_CHARS",
    "MAX_SENTENCE_CHARS",
]

#: Longest run of sentence splits undone to keep one quotation whole.
MAX_QUOTE_MERGE = 5

#: Longest sentence, in characters (about 300 words; the longest sentence of the
#: benchmark and validation texts has 1,350). A longer span (a table or a list
#: run together, a text without punctuation) is cut at the last white space
#: within the limit, else at the limit itself, and the cut is logged. Work per
#: sentence is then bounded, whatever the input.
MAX_SENTENCE_CHARS = 2_000

#: Typographic quotes and apostrophes, each with the straight one it stands for: the
#: project's one table (token norms, dictionary keys, headline comparison).
QUOTE_PAIRS = {
    "’": "'", "‘": "'", "ʼ": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
}  # fmt: skip
_QUOTE_TABLE = str.maketrans(QUOTE_PAIRS)
_QUOTE_CHARS = frozenset(QUOTE_PAIRS)

#: Characters a reader does not see: soft hyphen, zero-width space, non-joiner and
#: joiner, word joiner, a byte-order mark inside the text, and the bidirectional
#: controls (marks, embeddings, overrides, isolates). Tokens and sentences are
#: found as if they were not there, offsets still count them, and no token's
#: ``norm`` holds one.
INVISIBLE_CHARS = (
    "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
_INVISIBLE_SET = frozenset(INVISIBLE_CHARS)
_DELETE_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARS))


class Token(NamedTuple):
    """One token: its span in the text, the text itself and a normalised key.

    ``norm`` is the casefolded text with typographic quotes made straight; the
    dictionary engine matches case-insensitive patterns against it.
    """

    start: int
    end: int
    text: str
    norm: str


def is_word(token: Token) -> bool:
    """True for a token with a letter or a digit: what every word count of the project counts.

    Punctuation is not a word; a clitic is (``did`` + ``n't``, ``Moscow`` +
    ``'s``), since the tokenizer splits it off. Notebooks 01, 02 and 04 (words
    per sentence, sentiment weights, densities per 1,000 words) all count so.

    Examples
    --------
    >>> [is_word(t) for t in tokenize("Talks didn't end.")]
    [True, True, True, True, False]
    """
    return any(c.isalnum() for c in token.text)


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (tokens with a letter or a digit, :func:`is_word`).

    Examples
    --------
    >>> count_words("Russia's talks -- at 10 a.m. -- ended.")
    7
    """
    return sum(1 for token in tokenize(text) if is_word(token))


def normalize_token(text: str) -> str:
    """Return the matching key of a token: casefolded, quotes made straight.

    Examples
    --------
    >>> normalize_token("Didn’T")
    "didn't"
    """
    return text.casefold().translate(_QUOTE_TABLE)


@lru_cache(maxsize=1)
def _abbreviation_config() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return (Punkt abbreviations, sentence starters, abbreviations kept whole as tokens).

    Read back from the disk cache (:mod:`helpers.cache`) while the file is
    unchanged, so scoring a sentence does not load the YAML library.
    """
    from helpers.cache import cached
    from helpers.errors import ResourceError

    path = confined(LEXICONS_DIR / "abbreviations.yml", error=ResourceError)
    return cached("abbreviations", [path], lambda: _read_abbreviations(path))


def _read_abbreviations(path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from helpers.errors import ResourceError
    from helpers.safe_yaml import TextLoader, load_yaml

    # Every entry is text: under YAML 1.1's guesses "no" would be False and "on" True.
    config = load_yaml(
        path.read_text(encoding="utf-8"), where=str(path), error=ResourceError, loader=TextLoader
    )
    abbreviations = set()
    for group in config["abbreviations"].values():
        abbreviations.update(str(item).lower() for item in group)
    starters = frozenset(str(item).lower() for item in config["sentence_starters"])
    token_abbreviations = frozenset(
        str(item).lower()
        for group in config.get("token_groups", [])
        for item in config["abbreviations"][group]
        if "." not in str(item)
    )
    return frozenset(abbreviations), starters, token_abbreviations


_TOKEN = re.compile(
    r"(?P<init>(?:[^\W\d_]\.){2,})"  # initialisms: U.S. D.C. e.g.
    r"|(?P<num>\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?)"  # 1,000 3.5 10:30 1990s 21st
    r"|(?P<word>[^\W\d_](?:[^\W_]|['’](?=[^\W_]))*)"  # words, apostrophes inside
    r"|(?P<punct>\S)"
)
_CLITIC = re.compile(r"(?i)^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$")
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
# Norms of single characters, computed once (punctuation is a third of all tokens).
_CHAR_NORM: dict[str, str] = {}


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens with character offsets.

    Parameters
    ----------
    text : str
        Any text.
    offset : int, default 0
        Added to every offset, so that tokens of a sentence point into the
        document it was cut from.

    Returns
    -------
    list of Token

    Examples
    --------
    >>> [t.text for t in tokenize("The U.S. didn’t sign Moscow’s “deal,” Mr. Lee said.")]
    ['The', 'U.S.', 'did', 'n’t', 'sign', 'Moscow', '’s', '“', 'deal', ',', '”', 'Mr.', 'Lee', 'said', '.']
    >>> [t.text for t in tokenize("World War II-era de factoPeace")]
    ['World', 'War', 'II', '-', 'era', 'de', 'facto', 'Peace']
    >>> tokenize("ab cd", offset=10)[1]
    Token(start=13, end=15, text='cd', norm='cd')

    Invisible characters (:data:`INVISIBLE_CHARS`) neither split a word nor
    make a token; a token's ``text`` keeps the ones inside it, its ``norm``
    does not:

    >>> tokenize("sanc\u00adtions")
    [Token(start=0, end=10, text='sanc\xadtions', norm='sanctions')]
    """
    if _INVISIBLE.search(text) is None:
        return _tokens(text, offset)
    visible, positions = _visible(text)
    tokens = []
    for token in _tokens(visible, 0):
        start, end = positions[token.start], positions[token.end - 1] + 1
        tokens.append(Token(start + offset, end + offset, text[start:end], token.norm))
    return tokens


def _visible(text: str) -> tuple[str, list[int]]:
    """``text`` without its invisible characters, and where each kept character was."""
    positions = [i for i, char in enumerate(text) if char not in _INVISIBLE_SET]
    return text.translate(_DELETE_INVISIBLE), positions


def _tokens(text: str, offset: int) -> list[Token]:
    """The tokens of a text without invisible characters (see :func:`tokenize`).

    Tokens never cross white space, so the text is read one whitespace-separated
    piece at a time: a piece of letters only, or of letters and one closing mark
    ("said.", "Moscow,"), is cut without the regular expression (about two thirds
    of the pieces of news text, and a third less time a sentence); any other piece
    goes through :data:`_TOKEN` (:func:`_scan`). The result is exactly
    :func:`_scan` over the whole text (a property test checks it).
    """
    keep_period = _abbreviation_config()[2]
    tokens: list[Token] = []
    append = tokens.append
    # Token(...) without the NamedTuple's Python-level __new__: two dozen tokens a
    # sentence on the score command's path.
    new = tuple.__new__
    find = text.find
    end = 0
    for piece in text.split():
        start = find(piece, end)
        end = start + len(piece)
        if piece.isalpha():
            if not piece[1:].islower() and _GLUE.search(piece):
                _append_word_parts(append, piece, start + offset)
            else:
                append(new(Token, (start + offset, end + offset, piece, piece.casefold())))
            continue
        word, mark = piece[:-1], piece[-1]
        if not word.isalpha() or mark.isalnum():
            _scan(append, text, start, end, offset, keep_period)
        elif mark == "." and word.lower() in keep_period:  # "Mr." keeps its period
            append(Token(start + offset, end + offset, piece, word.casefold() + "."))
        else:
            _scan_word(append, word, start + offset)
            norm = _CHAR_NORM.get(mark)
            if norm is None:
                norm = _CHAR_NORM[mark] = mark.casefold().translate(_QUOTE_TABLE)
            append(new(Token, (end - 1 + offset, end + offset, mark, norm)))
    return tokens


def _scan_word(append, word: str, start: int) -> None:
    """Append a word of letters only (glued words split: ``factoPeace``)."""
    if not word[1:].islower() and _GLUE.search(word):
        _append_word_parts(append, word, start)
    else:
        append(tuple.__new__(Token, (start, start + len(word), word, word.casefold())))


def _scan(append, text: str, first: int, last: int, offset: int, keep_period) -> None:
    """Append the tokens of ``text[first:last]`` as :data:`_TOKEN` finds them."""
    new = tuple.__new__
    consumed = -1  # end of an abbreviation that took the following period
    size = len(text)
    for match in _TOKEN.finditer(text, first, last):
        kind = match.lastgroup
        start, end = match.span()
        piece = match.group()
        if kind == "word":
            if end < size and text[end] == "." and piece.lower() in keep_period:
                append(Token(start + offset, end + 1 + offset, piece + ".", piece.casefold() + "."))
                consumed = end + 1
            elif "'" in piece or "’" in piece or (not piece[1:].islower() and _GLUE.search(piece)):
                _append_word_parts(append, piece, start + offset)
            else:
                append(new(Token, (start + offset, end + offset, piece, piece.casefold())))
        elif kind == "punct":
            if start < consumed:
                continue
            norm = _CHAR_NORM.get(piece)
            if norm is None:
                norm = _CHAR_NORM[piece] = piece.casefold().translate(_QUOTE_TABLE)
            append(new(Token, (start + offset, end + offset, piece, norm)))
        else:
            append(new(Token, (start + offset, end + offset, piece, piece.casefold())))


def _append_word_parts(append, piece: str, start: int) -> None:
    """Split glued words (``factoPeace``) and clitics (``did`` + ``n’t``) off a word."""
    cut = 0
    for glue in _GLUE.finditer(piece):
        _append_word(append, piece[cut : glue.start()], start + cut)
        cut = glue.start()
    _append_word(append, piece[cut:], start + cut)


def _append_word(append, word: str, start: int) -> None:
    if "'" in word or "’" in word:
        clitic = _CLITIC.match(word)
        if clitic:
            head, tail = clitic.group(1), clitic.group(2)
            middle = start + len(head)
            append(Token(start, middle, head, head.casefold().translate(_QUOTE_TABLE)))
            append(Token(middle, middle + len(tail), tail, tail.casefold().translate(_QUOTE_TABLE)))
            return
    append(Token(start, start + len(word), word, word.casefold().translate(_QUOTE_TABLE)))


# A blank line: line breaks around nothing a reader sees (white space, invisible characters).
_PARAGRAPH_BREAK = re.compile(rf"\n[ \t\r\f\v{INVISIBLE_CHARS}]*\n[\s{INVISIBLE_CHARS}]*")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph; blank lines separate paragraphs.

    Leading and trailing white space is left out of each span; single line
    breaks inside a paragraph are kept (hard-wrapped text stays one paragraph).

    Examples
    --------
    >>> split_paragraphs("One.\\n\\n  Two\\nlines.\\n")
    [(0, 4), (8, 18)]
    """
    return spans_between(text, _PARAGRAPH_BREAK)


def spans_between(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """Return the spans of the pieces of ``text`` between matches of ``separator``.

    White space around each piece is left out, and empty pieces are dropped.

    Examples
    --------
    >>> spans_between("a ; b;;c ", re.compile(";"))
    [(0, 1), (4, 5), (7, 8)]
    """
    spans = []
    cut = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[cut:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((cut + lead, cut + lead + len(stripped)))
        if match:
            cut = match.end()
    return spans


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

    class NewsLanguageVars(PunktLanguageVars):
        # Punkt's defaults, with typographic quotes treated like the straight ones.
        _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,“”‘’«»]"
        _re_non_word_chars = r"(?:[)\";}\]\*:@\'\({\[!?“”‘’«»])"

    abbreviations, starters, _ = _abbreviation_config()
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    params.sent_starters = set(starters)
    tokenizer = PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars())
    return tokenizer


_CLOSERS = "”’»\"')]}"
_HAS_WORD = re.compile(r"[^\W_]")
_OPEN_QUOTE = re.compile(r"[“«]")
_CLOSE_QUOTE = re.compile(r"[”»]")


def _quote_open(chunk: str) -> bool:
    # Unbalanced typographic quotes, or an odd number of straight double quotes.
    opened = len(_OPEN_QUOTE.findall(chunk)) - len(_CLOSE_QUOTE.findall(chunk))
    return opened > 0 or chunk.count('"') % 2 == 1


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph ``text[start:end]``, as spans of ``text``."""
    paragraph = text[start:end]
    if _INVISIBLE.search(paragraph) is None:
        return [(start + s, start + e) for s, e in _paragraph_sentences(paragraph)]
    # Split what a reader sees ("talks.\u200b The" ends a sentence), then map back.
    visible, positions = _visible(paragraph)
    core = visible.strip()  # white space that only invisible characters kept inside
    lead = len(visible) - len(visible.lstrip())
    return [
        (start + positions[lead + s], start + positions[lead + e - 1] + 1)
        for s, e in _paragraph_sentences(core)
    ]


def _paragraph_sentences(paragraph: str) -> list[list[int]]:
    """Punkt's sentences of one paragraph, with closing quotes and quotations kept whole."""
    spans = list(_punkt().span_tokenize(paragraph, realign_boundaries=True))
    # Closing quotes or brackets that Punkt left at the start of the next sentence
    # belong to the previous one.
    fixed: list[list[int]] = []
    for s, e in spans:
        if fixed:
            lead = s
            while (
                lead < e
                and paragraph[lead] in _CLOSERS
                and _quote_open(paragraph[fixed[-1][0] : fixed[-1][1]])
            ):
                lead += 1
            if lead > s:
                fixed[-1][1] = lead
                while lead < e and paragraph[lead].isspace():
                    lead += 1
                s = lead
            if s >= e:
                continue
        fixed.append([s, e])
    # Keep a quotation whole: merge while a quote opened in this sentence is still open.
    # A "sentence" of punctuation only ("Six!!" split after the first "!") joins the previous one.
    merged: list[list[int]] = []
    run = 0
    for s, e in fixed:
        if merged and not _HAS_WORD.search(paragraph, s, e):
            merged[-1][1] = e
        elif (
            merged
            and run < MAX_QUOTE_MERGE
            and _quote_open(paragraph[merged[-1][0] : merged[-1][1]])
        ):
            merged[-1][1] = e
            run += 1
        else:
            merged.append([s, e])
            run = 0
    return merged


@dataclass
class Segmentation:
    """A text cut into paragraphs, sentences and tokens.

    Attributes
    ----------
    text : str
        The text every offset points into.
    doc_id : str
        Identifier copied into every table.
    sentences : DataFrame
        ``doc_id, para_id, sent_id, start, end, text``.
    tokens : list of list of Token
        The tokens of each sentence, in ``sent_id`` order.
    cuts : list of (int, int)
        ``(start, end)`` of every span longer than :data:`MAX_SENTENCE_CHARS`
        that was cut into several sentences (empty for ordinary text).
    """

    text: str
    doc_id: str
    sentences: object  # pandas.DataFrame; typed loosely to keep import light
    tokens: list[list[Token]] = field(repr=False)
    cuts: list[tuple[int, int]] = field(default_factory=list)

    def tokens_table(self):
        """Return one row per token: ``doc_id, sent_id, tok_id, start, end, text, norm``."""
        import pandas as pd

        rows = [
            (self.doc_id, sent_id, tok_id, *token)
            for sent_id, sentence in enumerate(self.tokens)
            for tok_id, token in enumerate(sentence)
        ]
        return pd.DataFrame(
            rows, columns=["doc_id", "sent_id", "tok_id", "start", "end", "text", "norm"]
        )

    @property
    def n_tokens(self) -> int:
        """Number of tokens in the text."""
        return sum(len(sentence) for sentence in self.tokens)


def _sentence_rows(
    text: str, cuts: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """``(para_id, start, end)`` of every sentence; spans cut for length go into ``cuts``."""
    rows = []
    for para_id, (p_start, p_end) in enumerate(split_paragraphs(text)):
        for s, e in _sentence_spans(text, p_start, p_end):
            if e - s <= MAX_SENTENCE_CHARS:
                rows.append((para_id, s, e))
                continue
            pieces = _cut_long_sentence(text, s, e)
            import logging  # only here: start-up stays light

            logging.getLogger(__name__).warning(
                "a sentence of %d characters (offsets %d-%d) was cut into %d pieces of at "
                "most %d characters (helpers.text.MAX_SENTENCE_CHARS)",
                e - s,
                s,
                e,
                len(pieces),
                MAX_SENTENCE_CHARS,
            )
            if cuts is not None:
                cuts.append((s, e))
            rows.extend((para_id, a, b) for a, b in pieces)
    return rows


def _cut_long_sentence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most :data:`MAX_SENTENCE_CHARS`.

    Each cut is at the last white space within the limit, else (one endless
    word) at the limit; white space at a cut belongs to no piece.

    Examples
    --------
    >>> text = "word " * 1000
    >>> [b - a for a, b in _cut_long_sentence(text, 0, len(text) - 1)]
    [1999, 1999, 999]
    """
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = limit
        while cut > start and not text[cut].isspace():
            cut -= 1
        if cut == start:  # no white space within the limit: a hard cut
            cut = resume = limit
        else:
            resume = cut
            while text[cut - 1].isspace():
                cut -= 1
        pieces.append((start, cut))
        start = resume
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def _sentence_table(text: str, doc_id: str, rows: list[tuple[int, int, int]]):
    import pandas as pd

    table = [
        (doc_id, para_id, sent_id, s, e, text[s:e]) for sent_id, (para_id, s, e) in enumerate(rows)
    ]
    return pd.DataFrame(table, columns=["doc_id", "para_id", "sent_id", "start", "end", "text"])


def split_sentences(text: str, doc_id: str = "doc"):
    """Return the sentence table of ``text``.

    Parameters
    ----------
    text : str
        Clean article text.
    doc_id : str, default "doc"
        Copied into the ``doc_id`` column.

    Returns
    -------
    DataFrame
        ``doc_id, para_id, sent_id, start, end, text``; ``text[start:end]`` is
        the sentence. No sentence is longer than :data:`MAX_SENTENCE_CHARS`
        (longer spans are cut, with a logged warning).

    Examples
    --------
    >>> table = split_sentences("Officials in D.C. met Mr. Sato. They talked.\\n\\nNew point.")
    >>> table[["para_id", "sent_id", "text"]].values.tolist()
    [[0, 0, 'Officials in D.C. met Mr. Sato.'], [0, 1, 'They talked.'], [1, 2, 'New point.']]
    """
    return _sentence_table(text, doc_id, _sentence_rows(text))


def segment(text: str, doc_id: str = "doc") -> Segmentation:
    """Cut ``text`` into paragraphs, sentences and tokens in one pass.

    Spans longer than :data:`MAX_SENTENCE_CHARS` are cut (see
    :attr:`Segmentation.cuts`).

    Examples
    --------
    >>> seg = segment("Tokyo protested. Moscow’s reply came.", doc_id="x")
    >>> len(seg.sentences), [t.text for t in seg.tokens[1]]
    (2, ['Moscow', '’s', 'reply', 'came', '.'])
    """
    cuts: list[tuple[int, int]] = []
    rows = _sentence_rows(text, cuts)
    sentences = _sentence_table(text, doc_id, rows)
    tokens = [tokenize(text[s:e], offset=s) for _, s, e in rows]
    return Segmentation(text=text, doc_id=doc_id, sentences=sentences, tokens=tokens, cuts=cuts)


_QUOTATION = re.compile(
    r"“[^“”]*”"  # typographic double quotes
    r"|\"[^\"]*\""  # straight double quotes
    r"|(?<![^\W_])‘(?:[^‘’]|’(?=[^\W_]))*’(?![^\W_])"  # typographic single quotes, apostrophes inside
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of direct quotations, quote marks included.

    A quotation does not cross a paragraph break; an unclosed quote is ignored.
    Apostrophes inside single-quoted passages (``‘didn’t’``) do not end them.

    Examples
    --------
    >>> text = 'Japan called it “completely unacceptable,” and "a breach" of ‘trust’.'
    >>> [text[s:e] for s, e in quote_spans(text)]
    ['“completely unacceptable,”', '"a breach"', '‘trust’']
    """
    return [m.span() for m in _QUOTATION.finditer(text) if "\n\n" not in m.group()]
