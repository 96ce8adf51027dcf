"""Sentence-level tone with VADER: plain, news-aware, and explained word by word.

VADER (Hutto & Gilbert 2014) scores a sentence from a lexicon of about 7,500
words rated by crowd workers on a -4..+4 scale, adjusted by five rules:
capitals, degree words ("completely", "slightly"), negation ("not", "n't",
"never"), a contrastive "but", and "!"/"?" emphasis. The result is ``neg``,
``neu``, ``pos`` (shares of the sentence's rated mass) and ``compound`` (the
summed valence squashed into -1..+1). Cite: Hutto, C.J. & Gilbert, E.E.
(2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
Social Media Text. ICWSM-14.

Two scores for every sentence, always side by side
    ``*_raw`` is plain VADER as NLTK 3.10 computes it
    (``SentimentIntensityAnalyzer().polarity_scores``), equal to the last
    digit, on the project's pinned lexicon (:mod:`helpers.resources`).
    The default (``compound, pos, neu, neg``) is the **news-aware** score: the
    same algorithm and lexicon, given (a) the words of the sentence as news
    typography writes them -- typographic apostrophes and quotes read as
    straight ones, punctuation never glued to a word (NLTK reads
    ``unacceptable,”`` as one unknown word), dashes separating words, words
    glued by lost markup split as :func:`helpers.text.tokenize` splits them --
    and (b) the adjustments in ``data/lexicons/sentiment_domain.yml``: phrases
    that *name* things of international politics ("peace treaty", "World War
    II", "United States", "Security Council") lose the valence of their words,
    and diplomatic evaluation words the lexicon lacks ("belligerence",
    "escalation", "war crimes", "detente") get one, each with its reason.

What stays unchanged
    A sentence with no listed term, no typographic quote, apostrophe or dash,
    no glued words, and no punctuation stuck to a word other than what VADER
    strips itself (one of ``. ! ? , ; : - ' "`` or a run of ``!``/``?``, on
    one side of a word that has no other punctuation) is given exactly the
    words NLTK gives it, so its news-aware score equals the raw score to the
    last digit (tested with random sentences and on the seed). Outside that
    condition the news-aware score is meant to differ: ``"unacceptable,"``
    with straight quotes is as unreadable to NLTK as with typographic ones.

One engine, explained
    NLTK does not expose VADER's intermediate values, so this module
    re-implements NLTK 3.10.4's algorithm once (:class:`VaderEngine`), reusing
    NLTK's own constants (``VaderConstants``: negations, degree words, idioms)
    and the lexicon NLTK loads, and records each word's valence before and
    after each rule (:func:`explain_sentence`). The implementation keeps
    NLTK's quirks so that the raw score stays identical: a repeated word is
    read in the context of its *first* occurrence; "so" or "this" just
    before a rated word (or "never so"/"never this" before it) amplifies it,
    as a side effect of the negation check; a "but" halves everything before
    it and multiplies everything after it by 1.5; "!" (up to 4) and "?" (2 or
    more) anywhere in the sentence add emphasis. It is also faster than NLTK
    (no per-sentence dictionaries of punctuated word forms, no repeated list
    scans), which the ``score`` command relies on.

Aggregates never run VADER over a whole article (its compound saturates near
+-1 on long texts); they average sentence scores (:func:`aggregate_sentiment`).
Tone toward actors (:func:`actor_sentences`, :func:`actor_tone`), the
journalist's voice versus quoted and reported speech (:func:`voice_segments`)
and agreement with a second, independent lexicon, AFINN-165
(:func:`afinn_scores`, :func:`lexicon_agreement`), build on the sentence
table from :func:`score_sentiment`.

Limits: VADER reads words, not meaning. It misses irony, understatement,
diplomatic formulae whose force comes from protocol ("took note"), and who
is evaluated; the news-aware lexicon fixes only what it lists.
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from helpers.errors import DictionaryError, InputError, ParameterError
from helpers.text import Token

__all__ = [
    "COLUMNS",
    "SENTENCE_COLUMNS",
    "VaderEngine",
    "engine",
    "domain_lexicon",
    "DomainLexicon",
    "nltk_words",
    "news_words",
    "clause_spans",
    "polarity_scores",
    "score_row",
    "aggregate_rows",
    "score_sentiment",
    "explain_sentence",
    "explain_sentences",
    "domain_hits",
    "valence_spans",
    "VALENCE_LEGEND",
    "domain_changes",
    "aggregate_sentiment",
    "actor_sentences",
    "actor_tone",
    "bootstrap_mean_ci",
    "voice_segments",
    "voice_summary",
    "afinn_scores",
    "lexicon_agreement",
    "label",
    "check_parameters",
    "change_summary",
]

#: Columns :func:`score_row` returns (the ``score`` command's contract).
COLUMNS: tuple[str, ...] = ("sentiment", "sentiment_raw", "pos", "neu", "neg")

#: Columns of the sentence table returned by :func:`score_sentiment`.
SENTENCE_COLUMNS: tuple[str, ...] = (
    "doc_id", "sent_id", "para_id", "start", "end", "text",
    "compound", "pos", "neu", "neg",
    "compound_raw", "pos_raw", "neu_raw", "neg_raw",
    "label", "label_raw",
)  # fmt: skip

#: VADER's own neutral band (Hutto & Gilbert 2014, and the authors' README).
DEFAULT_THRESHOLD = 0.05

#: The news-aware adjustments, a dictionary in ``data/lexicons``.
DOMAIN_LEXICON = "sentiment_domain"

# -- tokenisation ----------------------------------------------------------------

# ASCII punctuation: what NLTK's VADER strips around words (string.punctuation).
_PUNCT_CHARS = string.punctuation
_PUNCT = frozenset(_PUNCT_CHARS)
_HAS_PUNCT = re.compile(f"[{re.escape(_PUNCT_CHARS)}]").search

# News typography -> what VADER's rules expect: typographic quotes and
# apostrophes become straight ones; dashes and the ellipsis separate words
# ("Russia—and"). One character for one, so offsets stay valid.
_NEWS_PAIRS = (
    ("’", "'"), ("‘", "'"), ("ʼ", "'"), ("′", "'"),
    ("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'), ("″", '"'),
    ("—", " "), ("–", " "), ("―", " "), ("‒", " "), ("…", " "),
)  # fmt: skip
_NEWS_TABLE = str.maketrans(dict(_NEWS_PAIRS))
# Marks stripped from both ends of a word: ASCII punctuation and the common
# typographic ones that survive normalisation.
_STRIP = _PUNCT_CHARS + "¡¿§¶©®°•·†‡‹›"
_STRIP_SET = frozenset(_STRIP)
# Words glued together when a page lost its markup, split as helpers.text does.
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")


def _normalise(text: str) -> str:
    if text.isascii():
        return text
    for old, new in _NEWS_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def nltk_words(text: str, punc_list: frozenset[str] | None = None) -> list[str]:
    """Return the words NLTK's VADER reads in ``text``, exactly as it reads them.

    Whitespace-separated pieces longer than one character; a piece that is a
    word without ASCII punctuation plus one of VADER's punctuation marks on
    *one* side (``good!``, ``"war``) loses the mark. Anything else stays glued
    (``crimes”``, ``unacceptable,"``, ``(talks)``).

    Examples
    --------
    >>> nltk_words('Japan called it “completely unacceptable,” a "war" (sadly)!')
    ['Japan', 'called', 'it', '“completely', 'unacceptable,”', '"war"', '(sadly)!']
    """
    punc = engine().punc_list if punc_list is None else punc_list
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
    and glued words are split (``factoPeace``). As in NLTK, pieces of one
    character are ignored, and a piece whose word part is a single character
    (``I,``, ``$5``) or that has no word part (``:-)``, ``!!``) stays whole.

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
    """
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


def _nltk_word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    # Spans of NLTK's words (for explanations only): each word lies inside its
    # whitespace piece, the pieces in order.
    result = []
    pieces = [m for m in re.finditer(r"\S+", text) if len(m.group()) > 1]
    for match, word in zip(pieces, words, strict=True):
        offset = match.group().find(word)
        start = match.start() + max(offset, 0)
        result.append((start, start + len(word)))
    return result


# -- the engine -------------------------------------------------------------------


def _amplifier(text: str) -> float:
    # "!" adds 0.292 each, up to 4; "?" adds 0.18 each when 2 or 3, 0.96 from 4.
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm


@dataclass
class _Trace:
    """What happened to one word (filled only when explaining)."""

    pos: int
    context: int
    lexicon: float
    caps: float = 0.0
    modified: float = 0.0
    final: float = 0.0
    rules: list = None  # type: ignore[assignment]


class VaderEngine:
    """VADER's algorithm as NLTK 3.10.4 runs it, recording each rule it applies.

    Build it with :func:`engine` (the project's lexicon and NLTK's constants).

    Parameters
    ----------
    lexicon : dict
        Lower-case word -> valence (NLTK's ``SentimentIntensityAnalyzer.lexicon``).
    constants : object
        NLTK's ``VaderConstants`` (negations, degree words, idioms, scalars).

    Examples
    --------
    >>> eng = engine()
    >>> eng.polarity_scores("The talks were not a success.")["compound"]
    -0.4585
    """

    def __init__(self, lexicon: dict[str, float], constants: Any) -> None:
        self.lexicon = lexicon
        self.booster: dict[str, float] = dict(constants.BOOSTER_DICT)
        self.negate = frozenset(constants.NEGATE)
        self.idioms: dict[str, float] = dict(constants.SPECIAL_CASE_IDIOMS)
        self.punc_list = frozenset(constants.PUNC_LIST)
        self.b_incr = constants.B_INCR
        self.b_decr = constants.B_DECR
        self.c_incr = constants.C_INCR
        self.n_scalar = constants.N_SCALAR
        self.normalize = constants.normalize
        # An idiom or a two-word degree phrase can only match when one of the
        # three words before the rated word (or the word itself) belongs to them.
        vocab: set[str] = set()
        for key in [*self.idioms, *(k for k in self.booster if " " in k)]:
            vocab.update(key.split(" "))
        self.idiom_vocab = frozenset(vocab)

    # -- rules ----------------------------------------------------------------
    def valences(
        self,
        words: list[str],
        lowers: list[str],
        vals: list[float | None],
        trace: list[_Trace] | None = None,
    ) -> list[float]:
        """Return each word's valence after every rule (NLTK's ``sentiments`` list).

        ``vals[k]`` is the valence word ``k`` has in the lexicon, or ``None``
        when it has none (a neutral word).
        """
        n = len(words)
        sentiments: list[float] = [0] * n
        booster = self.booster
        negate = self.negate
        n_scalar = self.n_scalar
        c_incr = self.c_incr
        cap_diff = None
        for pos in range(n):
            valence = vals[pos]
            if valence is None:
                continue
            lower = lowers[pos]
            if lower in booster:
                continue
            word = words[pos]
            # NLTK looks a repeated word up in the context of its first occurrence.
            i = words.index(word)
            if lower == "kind" and i < n - 1 and lowers[i + 1] == "of":
                continue
            rules = [] if trace is not None else None
            rec = _Trace(pos, i, valence, rules=rules) if trace is not None else None
            if word.isupper():
                if cap_diff is None:
                    cap_diff = self._cap_diff(words)
                if cap_diff:
                    valence = valence + c_incr if valence > 0 else valence - c_incr
                    if rules is not None:
                        rules.append(f"ALL CAPS {'+' if valence > 0 else '-'}{c_incr}")
            if rec is not None:
                rec.caps = valence
            for k in (0, 1, 2):
                if i <= k:
                    break
                j = i - k - 1
                if vals[j] is not None:
                    continue
                prev = words[j]
                prev_lower = lowers[j]
                scalar = booster.get(prev_lower)
                if scalar is not None:
                    if valence < 0:
                        scalar *= -1
                    if prev.isupper():
                        if cap_diff is None:
                            cap_diff = self._cap_diff(words)
                        if cap_diff:
                            scalar = scalar + c_incr if valence > 0 else scalar - c_incr
                    if k == 1 and scalar != 0:
                        scalar = scalar * 0.95
                    elif k == 2 and scalar != 0:
                        scalar = scalar * 0.9
                    valence = valence + scalar
                    if rules is not None and scalar != 0:
                        rules.append(f"degree word {prev!r} {scalar:+.4g}")
                if k == 0:
                    if prev_lower in negate or "n't" in prev_lower:
                        valence = valence * n_scalar
                        if rules is not None:
                            rules.append(f"negation {prev!r} x{n_scalar}")
                elif k == 1:
                    if prev == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                        valence = valence * 1.5
                        if rules is not None:
                            rules.append(f"'never {words[i - 1]}' x1.5")
                    elif prev_lower in negate or "n't" in prev_lower:
                        valence = valence * n_scalar
                        if rules is not None:
                            rules.append(f"negation {prev!r} x{n_scalar}")
                else:
                    one = words[i - 1]
                    if (prev == "never" and (words[i - 2] == "so" or words[i - 2] == "this")) or (
                        one == "so" or one == "this"
                    ):
                        valence = valence * 1.25
                        if rules is not None:
                            rules.append("'never so/this' or 'so/this' before x1.25")
                    elif prev_lower in negate or "n't" in prev_lower:
                        valence = valence * n_scalar
                        if rules is not None:
                            rules.append(f"negation {prev!r} x{n_scalar}")
                    vocab = self.idiom_vocab
                    if word in vocab or one in vocab or words[i - 2] in vocab:
                        before = valence
                        valence = self._idioms(valence, words, i, n)
                        if rules is not None and valence != before:
                            rules.append(f"idiom or 'kind of'/'sort of' -> {valence:+.4g}")
            if i > 1 and vals[i - 1] is None and lowers[i - 1] == "least":
                if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                    valence = valence * n_scalar
                    if rules is not None:
                        rules.append(f"'least' x{n_scalar}")
            elif i > 0 and vals[i - 1] is None and lowers[i - 1] == "least":
                valence = valence * n_scalar
                if rules is not None:
                    rules.append(f"'least' x{n_scalar}")
            sentiments[pos] = valence
            if rec is not None:
                rec.modified = valence
                rec.final = valence
                trace.append(rec)
        if "but" in lowers:
            bi = lowers.index("but")
            for pos in range(n):
                value = sentiments[pos]
                if value:
                    if pos < bi:
                        sentiments[pos] = value * 0.5
                    elif pos > bi:
                        sentiments[pos] = value * 1.5
            if trace is not None:
                for rec in trace:
                    if rec.pos != bi:
                        rec.final = sentiments[rec.pos]
                        rec.rules.append(
                            "before 'but' x0.5" if rec.pos < bi else "after 'but' x1.5"
                        )
        return sentiments

    @staticmethod
    def _cap_diff(words: list[str]) -> bool:
        # Capitals count only when some, not all, words are in capitals.
        caps = 0
        for word in words:
            if word.isupper():
                caps += 1
        return 0 < len(words) - caps < len(words)

    def _idioms(self, valence: float, words: list[str], i: int, n: int) -> float:
        idioms = self.idioms
        w0, w1, w2, w3 = words[i], words[i - 1], words[i - 2], words[i - 3]
        twoone = f"{w2} {w1}"
        threetwo = f"{w3} {w2}"
        for sequence in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, f"{w3} {w2} {w1}", threetwo):
            if sequence in idioms:
                valence = idioms[sequence]
                break
        if n - 1 > i:
            sequence = f"{w0} {words[i + 1]}"
            if sequence in idioms:
                valence = idioms[sequence]
        if n - 1 > i + 1:
            sequence = f"{w0} {words[i + 1]} {words[i + 2]}"
            if sequence in idioms:
                valence = idioms[sequence]
        if threetwo in self.booster or twoone in self.booster:
            valence = valence + self.b_decr
        return valence

    # -- scores ---------------------------------------------------------------
    def scores(
        self, sentiments: list[float], amplifier: float
    ) -> tuple[float, float, float, float]:
        """Turn word valences into ``(compound, pos, neu, neg)``, rounded as NLTK rounds."""
        if not sentiments:
            return 0.0, 0.0, 0.0, 0.0
        sum_s = float(sum(sentiments))
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = 0
        for value in sentiments:
            if value > 0:
                pos_sum += float(value) + 1
            elif value < 0:
                neg_sum += float(value) - 1
            else:
                neu_count += 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return (
            round(compound, 4),
            round(math.fabs(pos_sum / total), 3),
            round(math.fabs(neu_count / total), 3),
            round(math.fabs(neg_sum / total), 3),
        )

    def raw(self, text: str) -> tuple[float, float, float, float]:
        """Plain VADER, as NLTK: ``(compound, pos, neu, neg)``.

        Examples
        --------
        >>> engine().raw("Japan called it “completely unacceptable,” about as strong as you get.")
        (0.5106, 0.248, 0.752, 0.0)
        """
        words = nltk_words(text, self.punc_list)
        lowers = [w.lower() for w in words]
        get = self.lexicon.get
        vals = [get(w) for w in lowers]
        return self.scores(self.valences(words, lowers, vals), _amplifier(text))

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Same as NLTK's ``SentimentIntensityAnalyzer.polarity_scores``."""
        compound, pos, neu, neg = self.raw(text)
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}

    def news(
        self,
        text: str,
        tokens: list[Token] | None = None,
        domain: DomainLexicon | None = None,
        hits: list | None = None,
    ) -> tuple[float, float, float, float]:
        """The news-aware score: ``(compound, pos, neu, neg)``.

        Parameters
        ----------
        text : str
        tokens : list of Token, optional
            ``helpers.text.tokenize(text)`` (offsets may be shifted by a
            constant, as for a sentence of a segmented document); made when
            missing and a domain lexicon is given.
        domain : DomainLexicon, optional
            Adjustments; none when missing.
        hits : list of Hit, optional
            ``domain.dictionary.match_tokens(tokens)``, when the caller has
            matched it already; else matched here.

        Examples
        --------
        >>> text = "Japan called it “completely unacceptable,” about as strong as you get."
        >>> engine().news(text)  # news typography only: "unacceptable" is read
        (0.0018, 0.212, 0.577, 0.211)
        >>> engine().news(text, domain=domain_lexicon())  # and "strong" grades force, not approval
        (-0.5095, 0.0, 0.752, 0.248)
        """
        if domain is None:
            hits = ()
        elif hits is None:
            if tokens is None:
                from helpers.text import tokenize

                tokens = tokenize(text)
            hits = domain.dictionary.match_tokens(tokens) if tokens else ()
        if not hits:
            words = news_words(text)
            lowers = [w.lower() for w in words]
            get = self.lexicon.get
            vals = [get(w) for w in lowers]
        else:
            words, where = news_words(text, spans=True)
            lowers = [w.lower() for w in words]
            get = self.lexicon.get
            vals = [get(w) for w in lowers]
            domain.apply(hits, words, where, vals, _token_base(text, tokens))
        return self.scores(self.valences(words, lowers, vals), _amplifier(text))


def _token_base(text: str, tokens: list[Token]) -> int:
    # Offset of the tokens relative to ``text``: the first token starts at the
    # first non-space character (every non-space character is in a token).
    return tokens[0].start - (len(text) - len(text.lstrip()))


_ENGINE: VaderEngine | None = None


def engine() -> VaderEngine:
    """Return the engine on the project's VADER lexicon (built once per process).

    The lexicon is the one NLTK loads (:func:`helpers.resources.vader_analyzer`),
    and the rules' constants are NLTK's ``VaderConstants``.
    """
    global _ENGINE
    if _ENGINE is None:
        from nltk.sentiment.vader import VaderConstants

        from helpers.resources import vader_analyzer

        _ENGINE = VaderEngine(vader_analyzer().lexicon, VaderConstants())
    return _ENGINE


def polarity_scores(text: str, *, domain_adjust: bool = True) -> dict[str, float]:
    """Score one sentence: ``{"neg", "neu", "pos", "compound"}``.

    Parameters
    ----------
    text : str
        One sentence (VADER is made for sentences; see :func:`score_sentiment`
        for documents).
    domain_adjust : bool, default True
        News-aware score; False gives NLTK's plain VADER.

    Examples
    --------
    >>> polarity_scores("The talks didn’t fail.", domain_adjust=False)["compound"]
    -0.5423
    >>> polarity_scores("The talks didn’t fail.")["compound"]
    0.431
    """
    eng = engine()
    if domain_adjust:
        compound, pos, neu, neg = eng.news(text, domain=domain_lexicon())
    else:
        compound, pos, neu, neg = eng.raw(text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


# -- the domain lexicon -------------------------------------------------------------

#: Top-level categories of a sentiment-domain dictionary and what they do.
DOMAIN_ACTIONS = {"neutral": "neutralise", "evaluative": "set valence"}


class DomainLexicon:
    """The news-aware adjustments: a compiled dictionary plus what each hit does.

    ``neutral/...`` categories: every word a hit touches loses its lexicon
    valence (it reads as a word VADER does not know). ``evaluative/...``
    categories: the first word wholly inside the hit gets the entry's
    ``valence`` (the pattern's own, else its category's), the other words of
    a phrase read as neutral, and VADER's rules then apply as to any rated
    word.

    Parameters
    ----------
    dictionary : helpers.lexicons.Dictionary

    Raises
    ------
    DictionaryError
        When a category is neither ``neutral`` nor ``evaluative``, an
        evaluative entry lacks a numeric valence in -4..+4, or a neutral entry
        has one.
    """

    def __init__(self, dictionary: Any) -> None:
        self.dictionary = dictionary
        where = str(dictionary.path or dictionary.name)
        self.valence: dict[tuple[str, str], float | None] = {}
        for entry in dictionary.entries:
            top = entry.category.split("/", 1)[0]
            if top.startswith("_"):
                continue
            if top not in DOMAIN_ACTIONS:
                raise DictionaryError(
                    f"category {entry.category!r} is neither 'neutral' nor 'evaluative'",
                    where=where,
                    fix="Put each pattern under neutral/... or evaluative/...",
                )
            value = entry.attrs.get(
                "valence", dictionary.category_attrs[entry.category].get("valence")
            )
            if top == "neutral":
                if value is not None:
                    raise DictionaryError(
                        f"neutral pattern {entry.pattern!r} has a valence",
                        where=where,
                        fix="Move it under evaluative/ or remove the valence",
                    )
                self.valence[(entry.category, entry.pattern)] = None
                continue
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not -4 <= value <= 4
            ):
                raise DictionaryError(
                    f"evaluative pattern {entry.pattern!r} needs a valence between -4 and 4, not {value!r}",
                    where=where,
                    fix="Add 'valence: <number>' to the pattern or its category (VADER's -4..+4 scale)",
                )
            self.valence[(entry.category, entry.pattern)] = float(value)

    def apply(
        self,
        hits,
        words: list[str],
        where: list[tuple[int, int]],
        vals: list,
        base: int,
        notes=None,
    ) -> None:
        """Change ``vals`` (word valences) in place for the ``hits`` of one sentence.

        ``words`` and ``where`` are the words and their spans in the sentence
        text (:func:`news_words`); ``base`` is what to subtract from hit
        offsets to get there. ``notes`` (optional dict) receives ``word index
        -> (hit, action)``. An evaluative entry rates a word it covers whole,
        or up to a clitic ("escalation's"); a longer word that merely contains
        it ("non-escalation") is left alone.
        """
        valence_of = self.valence
        for hit in hits:
            if hit.category.startswith("_"):
                continue
            start, end = hit.start - base, hit.end - base
            value = valence_of.get((hit.category, hit.pattern))
            touched = [k for k, (s, e) in enumerate(where) if s < end and e > start]
            if value is None:
                for k in touched:
                    vals[k] = None
                    if notes is not None:
                        notes[k] = (hit, "neutralised")
                continue
            inside = [
                k
                for k in touched
                if where[k][0] >= start
                and (where[k][1] <= end or words[k][end - where[k][0] :] in _CLITIC_TAILS)
            ]
            if not inside:
                continue  # the pattern is only part of a longer word ("non-escalation")
            vals[inside[0]] = value
            if notes is not None:
                notes[inside[0]] = (hit, "valence")
            for k in inside[1:]:
                vals[k] = None
                if notes is not None:
                    notes[k] = (hit, "part of phrase")


_CLITIC_TAILS = frozenset({"'s", "'", "'re", "'ve", "'ll", "'d", "'m"})
_DOMAIN_CACHE: dict[int, DomainLexicon] = {}


def domain_lexicon(name_or_path: Any = DOMAIN_LEXICON) -> DomainLexicon:
    """Load (once per file version) the news-aware adjustments.

    Parameters
    ----------
    name_or_path : str or Path, default "sentiment_domain"
        A dictionary in ``data/lexicons`` or a path to one (native YAML format,
        categories ``neutral/...`` and ``evaluative/...``).

    Examples
    --------
    >>> sorted({c.split("/")[0] for c in domain_lexicon().dictionary.categories})
    ['evaluative', 'neutral']
    """
    from helpers.lexicons import load_dictionary

    dictionary = load_dictionary(name_or_path)
    key = id(dictionary)
    cached = _DOMAIN_CACHE.get(key)
    if cached is None or cached.dictionary is not dictionary:
        cached = DomainLexicon(dictionary)
        _DOMAIN_CACHE[key] = cached
    return cached


# -- the score command ----------------------------------------------------------------

_DOMAIN: DomainLexicon | None = None


def score_dictionaries() -> tuple:
    """The compiled dictionaries :func:`score_row` reads: the domain lexicon's.

    :mod:`helpers.score` matches them together with the other analyses'
    dictionaries in one pass and hands :func:`score_row` the hits.
    """
    return (_default_domain().dictionary,)


def _default_domain() -> DomainLexicon:
    global _DOMAIN
    if _DOMAIN is None:
        _DOMAIN = domain_lexicon()
    return _DOMAIN


def score_row(text: str, tokens: list[Token], hits: list[list] | None = None) -> dict:
    """Score one unit of text for the ``score`` command.

    Parameters
    ----------
    text : str
        One row's text (ideally a sentence: use ``--unit document`` for longer
        texts).
    tokens : list of Token
        ``helpers.text.tokenize(text)``.
    hits : list of list of Hit, optional
        The tokens' hits of :func:`score_dictionaries` (one list), when the
        caller matched them already; else matched here.

    Returns
    -------
    dict
        ``sentiment`` (news-aware compound), ``sentiment_raw`` (NLTK's
        compound), ``pos``, ``neu``, ``neg`` (news-aware).

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> text = "It is not a great deal."
    >>> score_row(text, tokenize(text))
    {'sentiment': -0.5096, 'sentiment_raw': -0.5096, 'pos': 0.0, 'neu': 0.548, 'neg': 0.452}
    """
    eng = _ENGINE if _ENGINE is not None else engine()
    domain = _DOMAIN if _DOMAIN is not None else _default_domain()
    compound, pos, neu, neg = eng.news(text, tokens, domain, hits[0] if hits else None)
    return {
        "sentiment": compound,
        "sentiment_raw": eng.raw(text)[0],
        "pos": pos,
        "neu": neu,
        "neg": neg,
    }


def aggregate_rows(rows: list[dict], weights: list[int]) -> dict:
    """Combine sentence rows of one document: length-weighted means.

    A document is never scored as one VADER string (the compound saturates
    on long texts); its sentences are scored and averaged, each weighted by
    its length (``weights``, e.g. tokens). With no rows every column is NaN.

    Examples
    --------
    >>> aggregate_rows([{"sentiment": 0.5, "sentiment_raw": 0.5, "pos": 0.2, "neu": 0.8, "neg": 0.0},
    ...                 {"sentiment": -0.1, "sentiment_raw": 0.0, "pos": 0.0, "neu": 0.9, "neg": 0.1}], [1, 3])
    {'sentiment': 0.05, 'sentiment_raw': 0.125, 'pos': 0.05, 'neu': 0.875, 'neg': 0.075}
    """
    if not rows:
        return {column: math.nan for column in COLUMNS}
    total = float(sum(weights))
    if total <= 0:
        weights = [1] * len(rows)
        total = float(len(rows))
    return {
        column: round(sum(row[column] * w for row, w in zip(rows, weights, strict=True)) / total, 4)
        for column in COLUMNS
    }


# -- sentence tables ----------------------------------------------------------------------


def check_parameters(
    threshold: Any = DEFAULT_THRESHOLD,
    actors: Any = (),
    target: Any = "",
    unit: Any = "sentence",
) -> tuple[float, list[str], str, str]:
    """Check notebook 02's parameters and return them cleaned.

    ``actors`` may be a list of ids or one comma-separated string (what
    ``papermill -p ACTORS JPN,RUS`` passes).

    Raises
    ------
    ParameterError
        Naming the parameter, the bad value and what to write instead.

    Examples
    --------
    >>> check_parameters(0.05, "JPN, RUS", "", "clause")
    (0.05, ['JPN', 'RUS'], '', 'clause')
    """
    threshold = check_threshold(threshold)
    if isinstance(actors, str):
        actors = [a.strip() for a in actors.split(",") if a.strip()]
    if not isinstance(actors, (list, tuple)) or not all(isinstance(a, str) for a in actors):
        raise ParameterError(
            f"ACTORS must be a list of actor ids, not {actors!r}",
            where="ACTORS",
            fix='Write e.g. ["JPN", "RUS"], or [] for every actor',
        )
    if not isinstance(target, str):
        raise ParameterError(f"TARGET must be text, not {target!r}", where="TARGET")
    if unit not in {"sentence", "clause"}:
        raise ParameterError(
            f"ACTOR_UNIT must be 'sentence' or 'clause', not {unit!r}", where="ACTOR_UNIT"
        )
    return threshold, list(actors), target.strip(), unit


def change_summary(table) -> dict:
    """Say in numbers what the news-aware adjustment changed in a sentence table.

    Returns
    -------
    dict
        ``n_sentences``, ``n_changed`` (compound differs), ``n_relabelled``
        (label differs), ``mean`` and ``mean_raw`` (plain means of compound).

    Examples
    --------
    >>> import pandas as pd
    >>> change_summary(pd.DataFrame({"compound": [0.1, -0.5], "compound_raw": [0.1, 0.5],
    ...                              "label": ["positive", "negative"], "label_raw": ["positive", "positive"]}))
    {'n_sentences': 2, 'n_changed': 1, 'n_relabelled': 1, 'mean': -0.2, 'mean_raw': 0.3}
    """
    return {
        "n_sentences": len(table),
        "n_changed": int((table["compound"] != table["compound_raw"]).sum()),
        "n_relabelled": int((table["label"] != table["label_raw"]).sum()),
        "mean": round(float(table["compound"].mean()), 4) if len(table) else math.nan,
        "mean_raw": round(float(table["compound_raw"].mean()), 4) if len(table) else math.nan,
    }


def label(compound: float, threshold: float = DEFAULT_THRESHOLD) -> str:
    """Return ``positive`` (>= threshold), ``negative`` (<= -threshold) or ``neutral``.

    Examples
    --------
    >>> label(0.05), label(-0.2), label(0.01)
    ('positive', 'negative', 'neutral')
    """
    if compound >= threshold:
        return "positive"
    if compound <= -threshold:
        return "negative"
    return "neutral"


def check_threshold(threshold: Any, *, where: str = "THRESHOLD") -> float:
    """Return the neutral band as a float, or refuse it with a clear error.

    The one check of a sentiment threshold for every notebook and command.

    Examples
    --------
    >>> check_threshold(0.05)
    0.05
    >>> check_threshold(float("nan"))
    Traceback (most recent call last):
    ...
    helpers.errors.ParameterError: threshold must be a number from 0 up to (not including) 1, not nan (THRESHOLD). Use VADER's 0.05 unless you have a reason
    """
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, (int, float))
        or not 0 <= threshold < 1  # also False for NaN
    ):
        raise ParameterError(
            f"threshold must be a number from 0 up to (not including) 1, not {threshold!r}",
            where=where,
            fix="Use VADER's 0.05 unless you have a reason",
        )
    return float(threshold)


def _as_segmentation(seg: Any):
    from helpers.text import Segmentation, segment

    if isinstance(seg, Segmentation):
        return seg
    if isinstance(seg, str):
        return segment(seg)
    text = getattr(seg, "text", None)
    if isinstance(text, str):
        return segment(text, doc_id=str(getattr(seg, "id", "doc")))
    raise InputError(
        f"cannot score a {type(seg).__name__}",
        where="seg",
        fix="Pass helpers.text.segment(text), an Article from helpers.corpus, or a string",
    )


def score_sentiment(
    seg: Any,
    *,
    domain_adjust: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    lexicon: Any = DOMAIN_LEXICON,
):
    """Score every sentence of a document, plain and news-aware, side by side.

    Parameters
    ----------
    seg : Segmentation, Article or str
        From :func:`helpers.text.segment` (a string or an Article is segmented).
    domain_adjust : bool, default True
        The ``compound, pos, neu, neg`` columns hold the news-aware score; with
        False they repeat plain VADER.
    threshold : float, default 0.05
        Neutral band for ``label`` and ``label_raw``.
    lexicon : str or Path, default "sentiment_domain"
        The adjustments dictionary.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, para_id, start, end, text, compound, pos, neu, neg,
        compound_raw, pos_raw, neu_raw, neg_raw, label, label_raw``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = score_sentiment(segment("Talks failed. Japan called it “completely unacceptable,” a strong word."))
    >>> t[["sent_id", "compound", "compound_raw", "label"]].values.tolist()
    [[0, -0.5106, -0.5106, 'negative'], [1, -0.5095, 0.5106, 'negative']]
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    seg = _as_segmentation(seg)
    eng = engine()
    domain = domain_lexicon(lexicon) if domain_adjust else None
    sentences = seg.sentences
    rows = []
    for sent_id, (para_id, start, end, text) in enumerate(
        zip(
            sentences["para_id"],
            sentences["start"],
            sentences["end"],
            sentences["text"],
            strict=True,
        )
    ):
        raw = eng.raw(text)
        news = eng.news(text, seg.tokens[sent_id], domain) if domain_adjust else raw
        rows.append(
            (
                seg.doc_id, sent_id, int(para_id), int(start), int(end), text,
                *news, *raw, label(news[0], threshold), label(raw[0], threshold),
            )
        )  # fmt: skip
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


# -- explanations -----------------------------------------------------------------------------

EXPLAIN_COLUMNS: tuple[str, ...] = (
    "position", "word", "start", "end", "source", "lexicon_valence",
    "after_caps", "after_modifiers", "valence", "rules",
)  # fmt: skip


def explain_sentence(
    text: str,
    *,
    tokens: list[Token] | None = None,
    domain_adjust: bool = True,
    lexicon: Any = DOMAIN_LEXICON,
    include_neutral: bool = False,
    offset: int = 0,
):
    """Show why a sentence scored what it did: each word's valence, rule by rule.

    Parameters
    ----------
    text : str
        One sentence.
    tokens : list of Token, optional
        Its tokens (made when missing).
    domain_adjust : bool, default True
        Explain the news-aware score; False explains NLTK's plain VADER.
    lexicon : str or Path
        The adjustments dictionary.
    include_neutral : bool, default False
        Also list words that carry no valence.
    offset : int, default 0
        Added to ``start``/``end`` (the sentence's offset in its document).

    Returns
    -------
    DataFrame
        ``position, word, start, end, source, lexicon_valence, after_caps,
        after_modifiers, valence, rules``: ``source`` is ``VADER`` or the
        domain category and pattern; ``after_caps`` the valence after the
        capitals rule, ``after_modifiers`` after degree words, negation,
        idioms and "least", ``valence`` after the "but" rule (what is summed).
        ``attrs`` holds the sentence's ``compound, pos, neu, neg``, the
        ``sum`` of valences and the ``punctuation`` emphasis added to it.

    Examples
    --------
    >>> e = explain_sentence("Japan called it “completely unacceptable,” a strong word.")
    >>> e[["word", "lexicon_valence", "valence", "rules"]].values.tolist()
    [['completely', nan, 0.0, ''], ['unacceptable', -2.0, -2.293, "degree word 'completely' -0.293"], ['strong', 2.3, 0.0, 'neutralised by the domain list']]
    >>> e.attrs["compound"]
    -0.5095
    """
    import pandas as pd

    eng = engine()
    notes: dict[int, tuple] = {}
    if domain_adjust:
        domain = domain_lexicon(lexicon)
        if tokens is None:
            from helpers.text import tokenize

            tokens = tokenize(text)
        words, where = news_words(text, spans=True)
        lowers = [w.lower() for w in words]
        vals = [eng.lexicon.get(w) for w in lowers]
        hits = domain.dictionary.match_tokens(tokens) if tokens else []
        domain.apply(hits, words, where, vals, _token_base(text, tokens) if tokens else 0, notes)
    else:
        words = nltk_words(text, eng.punc_list)
        where = _nltk_word_spans(text, words)
        lowers = [w.lower() for w in words]
        vals = [eng.lexicon.get(w) for w in lowers]
    trace: list[_Trace] = []
    sentiments = eng.valences(words, lowers, vals, trace)
    amplifier = _amplifier(text)
    compound, pos, neu, neg = eng.scores(sentiments, amplifier)
    by_pos = {rec.pos: rec for rec in trace}
    rows = []
    for k, word in enumerate(words):
        rec = by_pos.get(k)
        note = notes.get(k)
        vader = eng.lexicon.get(lowers[k])
        if note is not None:
            hit, action = note
            source = f"{hit.category} {hit.pattern!r} ({action})"
        elif rec is not None:
            source = "VADER"
        elif lowers[k] in eng.booster or lowers[k] in eng.negate:
            source = "VADER rule word"
        else:
            source = ""
        if rec is not None:
            rules = list(rec.rules)
            if rec.context != k:
                rules.append(f"read in the context of its first occurrence (word {rec.context})")
            row = (source, rec.lexicon, rec.caps, rec.modified, rec.final, "; ".join(rules))
        elif note is not None and vader is not None:
            row = (source, vader, 0.0, 0.0, 0.0, "neutralised by the domain list")
        elif vader is not None:
            # Rated in the lexicon but not scored: VADER reads it as a modifier.
            why = "degree word" if lowers[k] in eng.booster else "'kind of' is a degree phrase"
            row = (source or "VADER rule word", vader, 0.0, 0.0, 0.0, f"not scored: {why}")
        elif include_neutral or source == "VADER rule word":
            value = float(sentiments[k])
            row = (source, vader, value, value, value, "")
        else:
            continue
        rows.append((k, word, *where[k], *row))
    frame = pd.DataFrame(rows, columns=list(EXPLAIN_COLUMNS))
    if offset:
        frame["start"] += offset
        frame["end"] += offset
    frame.attrs.update(
        {
            "compound": compound,
            "pos": pos,
            "neu": neu,
            "neg": neg,
            "sum": float(sum(sentiments)),
            "punctuation": amplifier,
            "n_words": len(words),
            "mode": "news-aware" if domain_adjust else "plain VADER (NLTK)",
        }
    )
    return frame


def explain_sentences(
    table, seg: Any, sent_ids, *, domain_adjust: bool = True, lexicon: Any = DOMAIN_LEXICON
):
    """Explanations of several sentences in one long table.

    Parameters
    ----------
    table : DataFrame
        From :func:`score_sentiment`.
    seg : Segmentation
        The same document.
    sent_ids : iterable of int
        The sentences to explain, e.g. the most negative ones.

    Returns
    -------
    DataFrame
        ``sent_id, compound`` followed by the columns of :func:`explain_sentence`
        (offsets into the document).
    """
    import pandas as pd

    seg = _as_segmentation(seg)
    frames = []
    column = "compound" if domain_adjust else "compound_raw"
    indexed = table.set_index("sent_id")
    for sent_id in sent_ids:
        sent_id = int(sent_id)
        start = int(indexed.at[sent_id, "start"])
        frame = explain_sentence(
            indexed.at[sent_id, "text"],
            tokens=seg.tokens[sent_id],
            domain_adjust=domain_adjust,
            lexicon=lexicon,
            offset=start,
        )
        frame.insert(0, "compound", indexed.at[sent_id, column])
        frame.insert(0, "sent_id", sent_id)
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["sent_id", "compound", *EXPLAIN_COLUMNS])
    return pd.concat(frames, ignore_index=True)


#: Categories of :func:`valence_spans` and their colours (colour-blind safe).
VALENCE_LEGEND = {
    "raises the score": "#9be3c5",
    "lowers the score": "#f6b48a",
    "neutralised by the domain list": "#d9d9d9",
    "degree word or negation": "#a6cee3",
}


def valence_spans(table, seg: Any, *, domain_adjust: bool = True, lexicon: Any = DOMAIN_LEXICON):
    """Every word that moved a sentence's score, as spans for :func:`helpers.highlight.highlight_html`.

    Parameters
    ----------
    table : DataFrame
        From :func:`score_sentiment` on ``seg``.
    seg : Segmentation

    Returns
    -------
    DataFrame
        ``start, end, category, note``: ``category`` is one of
        :data:`VALENCE_LEGEND`; ``note`` gives the word's lexicon valence, its
        final valence and the rules applied (shown on hover).

    Examples
    --------
    >>> from helpers.text import segment
    >>> seg = segment("The peace talks were not good.")
    >>> valence_spans(score_sentiment(seg), seg)[["start", "end", "category"]].values.tolist()
    [[4, 9, 'neutralised by the domain list'], [21, 24, 'degree word or negation'], [25, 29, 'lowers the score']]
    """
    import pandas as pd

    explained = explain_sentences(
        table, seg, table["sent_id"], domain_adjust=domain_adjust, lexicon=lexicon
    )
    rows = []
    for row in explained.itertuples(index=False):
        if row.valence > 0:
            category = "raises the score"
        elif row.valence < 0:
            category = "lowers the score"
        elif "neutralised" in row.source or "part of phrase" in row.source:
            category = "neutralised by the domain list"
        elif row.source == "VADER rule word":
            category = "degree word or negation"
        else:
            continue
        lexicon_value = "" if pd.isna(row.lexicon_valence) else f"{row.lexicon_valence:+g} -> "
        note = f"{row.word}: {lexicon_value}{row.valence:+.3f}"
        if row.source not in {"VADER", "VADER rule word"}:
            note += f" [{row.source}]"
        if row.rules and row.rules != "neutralised by the domain list":
            note += f" ({row.rules})"
        rows.append((int(row.start), int(row.end), category, note))
    return pd.DataFrame(rows, columns=["start", "end", "category", "note"])


def domain_hits(seg: Any, *, lexicon: Any = DOMAIN_LEXICON):
    """List the news-aware adjustments that apply in a document, with VADER's own valence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, match, category, pattern, action,
        valence, vader_valence, note``: ``action`` is ``neutralised`` or
        ``valence``; ``vader_valence`` what VADER's lexicon gives the words
        matched (summed over them); ``note`` the entry's reason.

    Examples
    --------
    >>> t = domain_hits("The peace talks after World War II.")
    >>> t[["match", "action", "vader_valence"]].values.tolist()
    [['peace talks', 'neutralised', 2.5], ['World War II', 'neutralised', -2.9]]
    """
    import pandas as pd

    seg = _as_segmentation(seg)
    domain = domain_lexicon(lexicon)
    lex = engine().lexicon
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for hit in domain.dictionary.match_tokens(tokens):
            value = domain.valence.get((hit.category, hit.pattern))
            matched = seg.text[hit.start : hit.end]
            vader = sum(lex.get(w.lower(), 0.0) for w in news_words(matched))
            note = hit.attrs.get("note") or domain.dictionary.category_attrs[hit.category].get(
                "note", ""
            )
            rows.append(
                (
                    seg.doc_id, sent_id, hit.start, hit.end, matched, hit.category, hit.pattern,
                    "neutralised" if value is None else "valence", value, round(vader, 4), note,
                )
            )  # fmt: skip
    columns = ["doc_id", "sent_id", "start", "end", "match", "category", "pattern", "action",
               "valence", "vader_valence", "note"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def domain_changes(table):
    """Sentences whose news-aware score differs from plain VADER, largest change first.

    Returns
    -------
    DataFrame
        ``sent_id, text, compound_raw, compound, change, label_raw, label``.
    """
    changed = table.loc[table["compound"] != table["compound_raw"]].copy()
    changed["change"] = (changed["compound"] - changed["compound_raw"]).round(4)
    changed = changed.assign(_size=changed["change"].abs()).sort_values("_size", ascending=False)
    return changed[
        ["sent_id", "text", "compound_raw", "compound", "change", "label_raw", "label"]
    ].reset_index(drop=True)


# -- aggregation ---------------------------------------------------------------------------------


def aggregate_sentiment(table, *, by: str = "article", threshold: float = DEFAULT_THRESHOLD):
    """Average sentence scores per article or per paragraph (plain and news-aware).

    Parameters
    ----------
    table : DataFrame
        From :func:`score_sentiment`.
    by : {"article", "paragraph"}
    threshold : float, default 0.05
        Neutral band for the shares.

    Returns
    -------
    DataFrame
        One row per group: ``doc_id`` (and ``para_id``), ``n_sentences``,
        ``n_words``, ``mean``, ``weighted_mean`` (by words per sentence),
        ``median``, ``sd``, ``share_positive``, ``share_neutral``,
        ``share_negative``, and the same with ``_raw`` for plain VADER.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": "d", "para_id": [0, 0], "text": ["a b c", "d"],
    ...                   "compound": [0.6, -0.2], "compound_raw": [0.6, 0.0]})
    >>> aggregate_sentiment(t)[["mean", "weighted_mean", "share_negative", "share_neutral_raw"]].values.tolist()
    [[0.2, 0.4, 0.5, 0.5]]
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    keys = {"article": ["doc_id"], "paragraph": ["doc_id", "para_id"]}.get(by)
    if keys is None:
        raise ParameterError(f"by must be 'article' or 'paragraph', not {by!r}", where="by")
    words = table["text"].str.split().str.len().fillna(0).astype(int)
    frame = table.assign(_words=words)
    rows = []
    for key, group in frame.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(keys, key, strict=True))
        row["n_sentences"] = len(group)
        row["n_words"] = int(group["_words"].sum())
        for suffix, column in (("", "compound"), ("_raw", "compound_raw")):
            values = group[column].astype(float)
            weights = group["_words"].astype(float)
            total = weights.sum()
            row["mean" + suffix] = round(values.mean(), 4)
            row["weighted_mean" + suffix] = round(
                (values * weights).sum() / total if total else values.mean(), 4
            )
            row["median" + suffix] = round(values.median(), 4)
            row["sd" + suffix] = round(values.std(ddof=1), 4) if len(values) > 1 else math.nan
            row["share_positive" + suffix] = round(float((values >= threshold).mean()), 4)
            row["share_negative" + suffix] = round(float((values <= -threshold).mean()), 4)
            row["share_neutral" + suffix] = round(float(values.abs().lt(threshold).mean()), 4)
        rows.append(row)
    return pd.DataFrame(rows)


# -- tone toward actors ----------------------------------------------------------------------------

ACTOR_SENTENCE_COLUMNS: tuple[str, ...] = (
    "doc_id", "actor_id", "actor", "sent_id", "unit", "unit_start", "unit_end", "unit_text",
    "n_mentions", "forms", "compound", "compound_raw",
)  # fmt: skip

_CLAUSE_BREAK_WORDS = frozenset(
    {"but", "while", "whereas", "although", "though", "because", "which"}
)


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
        elif token.text in {";", ":", "—", "–", "(", ")"} and k + 1 > start:
            spans.append((start, k + 1))
            start = k + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return [(a, b) for a, b in spans if b > a]


def _mentions(seg, actors, mention_table):
    if mention_table is not None:
        return mention_table
    from helpers.actors import mentions

    return mentions(seg, actors=actors)


def actor_sentences(
    table,
    seg: Any,
    *,
    actors: Any = None,
    mention_table: Any = None,
    actor_ids: Any = (),
    target: str = "",
    unit: str = "sentence",
    domain_adjust: bool = True,
    lexicon: Any = DOMAIN_LEXICON,
):
    """The units (sentences or clauses) that mention each actor, with their scores.

    Parameters
    ----------
    table : DataFrame
        From :func:`score_sentiment` on ``seg``.
    seg : Segmentation
    actors : Actors, optional
        From :func:`helpers.actors.load_actors` (default list when missing).
    mention_table : DataFrame, optional
        Precomputed :func:`helpers.actors.mentions` (``doc_id, sent_id,
        actor_id, actor, form, start, end, text``).
    actor_ids : list of str, optional
        Keep only these actors (empty: all).
    target : str, optional
        A phrase (dictionary pattern syntax: ``sanction*``, ``peace treaty``)
        to score as an extra "actor" with id ``target``.
    unit : {"sentence", "clause"}
        Score the whole sentence, or only the clause holding the mention
        (:func:`clause_spans`), which keeps "Japan protested, but Russia
        shrugged" from giving both the same tone.
    domain_adjust : bool, default True

    Returns
    -------
    DataFrame
        ``doc_id, actor_id, actor, sent_id, unit, unit_start, unit_end,
        unit_text, n_mentions, forms, compound, compound_raw``; one row per
        actor and unit (several mentions in one unit count once).
    """
    import pandas as pd

    if unit not in {"sentence", "clause"}:
        raise ParameterError(f"unit must be 'sentence' or 'clause', not {unit!r}", where="unit")
    seg = _as_segmentation(seg)
    found = _mentions(seg, actors, mention_table)
    records = [
        (str(r.actor_id), str(r.actor), int(r.sent_id), int(r.start), int(r.end), str(r.form))
        for r in found.itertuples(index=False)
    ]
    wanted = {str(a) for a in (actor_ids or ())}
    if wanted:
        unknown = wanted - {r[0] for r in records} - set(_known_actor_ids(actors, mention_table))
        if unknown:
            raise ParameterError(
                f"unknown actor id(s): {', '.join(sorted(unknown))}",
                where="ACTORS",
                fix="Use ids from data/lexicons/actors.yml (helpers.actors.load_actors().table)",
            )
        records = [r for r in records if r[0] in wanted]
    if target:
        from helpers.lexicons import Dictionary

        finder = Dictionary.from_patterns({"target": [target]}, name="target")
        for sent_id, tokens in enumerate(seg.tokens):
            for hit in finder.match_tokens(tokens):
                records.append(("target", target, sent_id, hit.start, hit.end, "target"))
    eng = engine()
    domain = domain_lexicon(lexicon) if domain_adjust else None
    scores_by_sentence = dict(zip(table["sent_id"], zip(table["compound"], table["compound_raw"], strict=True),
                                  strict=True))  # fmt: skip
    sentence_starts = [int(x) for x in seg.sentences["start"]]
    sentence_ends = [int(x) for x in seg.sentences["end"]]
    grouped: dict[tuple, dict] = {}
    for actor_id, actor, sent_id, start, _end, form in records:
        if unit == "sentence":
            s, e = sentence_starts[sent_id], sentence_ends[sent_id]
        else:
            tokens = seg.tokens[sent_id]
            s, e = None, None
            for a, b in clause_spans(tokens):
                if tokens[a].start <= start < tokens[b - 1].end:
                    s, e = tokens[a].start, tokens[b - 1].end
                    break
            if s is None:
                s, e = sentence_starts[sent_id], sentence_ends[sent_id]
        key = (actor_id, sent_id, s, e)
        entry = grouped.setdefault(key, {"actor": actor, "n": 0, "forms": []})
        entry["n"] += 1
        if form not in entry["forms"]:
            entry["forms"].append(form)
    rows = []
    for (actor_id, sent_id, s, e), entry in grouped.items():
        text = seg.text[s:e]
        if unit == "sentence":
            compound, compound_raw = scores_by_sentence[sent_id]
        else:
            tokens = [t for t in seg.tokens[sent_id] if s <= t.start and t.end <= e]
            compound = eng.news(text, tokens, domain)[0] if domain is not None else eng.raw(text)[0]
            compound_raw = eng.raw(text)[0]
        rows.append(
            (seg.doc_id, actor_id, entry["actor"], sent_id, unit, s, e, text, entry["n"],
             ",".join(entry["forms"]), compound, compound_raw)
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(ACTOR_SENTENCE_COLUMNS))
    return frame.sort_values(["actor_id", "sent_id", "unit_start"], kind="stable").reset_index(
        drop=True
    )


def _known_actor_ids(actors, mention_table) -> list[str]:
    if actors is not None and hasattr(actors, "table"):
        return [str(a) for a in actors.table["actor_id"]]
    if mention_table is not None:
        return []
    try:
        from helpers.actors import load_actors

        return [str(a) for a in load_actors().table["actor_id"]]
    except Exception:  # noqa: BLE001 - only used to word an error message
        return []


def bootstrap_mean_ci(
    values, *, n_boot: int = 2000, level: float = 0.95, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of a mean.

    Parameters
    ----------
    values : array-like of float
    n_boot : int, default 2000
        Resamples.
    level : float, default 0.95
    seed : int, default 0
        Fixed, so a report is reproducible.

    Returns
    -------
    (low, high)
        NaN for fewer than two values (no spread to resample).

    Examples
    --------
    >>> bootstrap_mean_ci([0.5, 0.5, 0.5])
    (0.5, 0.5)
    >>> low, high = bootstrap_mean_ci([-0.8, -0.4, 0.0, 0.4], seed=1)
    >>> bool(-0.8 <= low < -0.1 < high <= 0.4)
    True
    """
    import numpy as np

    x = np.asarray(values, dtype=float)
    if x.size < 2:
        return math.nan, math.nan
    if not 0 < level < 1 or n_boot < 1:
        raise ParameterError("level must be in (0, 1) and n_boot positive", where="bootstrap")
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, size=(n_boot, x.size))].mean(axis=1)
    low, high = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return round(float(low), 4), round(float(high), 4)


def actor_tone(
    evidence,
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    threshold: float = DEFAULT_THRESHOLD,
):
    """Mean tone of the units that mention each actor, with a bootstrap interval.

    Parameters
    ----------
    evidence : DataFrame
        From :func:`actor_sentences`.
    n_boot, level, seed
        Bootstrap settings (:func:`bootstrap_mean_ci`); one generator per
        actor seeded with ``seed``, so an actor's interval does not depend on
        which other actors are in the table.
    threshold : float, default 0.05
        Neutral band for ``share_negative``/``share_positive``.

    Returns
    -------
    DataFrame
        ``actor_id, actor, n_units, n_mentions, mean, ci_low, ci_high,
        share_negative, share_positive, mean_raw``, most mentioned first.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"actor_id": ["jp", "jp", "ru"], "actor": ["Japan", "Japan", "Russia"],
    ...                    "n_mentions": [1, 2, 1], "compound": [0.5, -0.5, -0.3], "compound_raw": [0.5, 0.1, 0.0]})
    >>> actor_tone(ev)[["actor_id", "n_units", "n_mentions", "mean", "mean_raw"]].values.tolist()
    [['jp', 2, 3, 0.0, 0.3], ['ru', 1, 1, -0.3, 0.0]]
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    rows = []
    for actor_id, group in evidence.groupby("actor_id", sort=True):
        values = group["compound"].astype(float).to_numpy()
        low, high = bootstrap_mean_ci(values, n_boot=n_boot, level=level, seed=seed)
        rows.append(
            {
                "actor_id": actor_id,
                "actor": group["actor"].iloc[0],
                "n_units": len(group),
                "n_mentions": int(group["n_mentions"].sum()),
                "mean": round(float(values.mean()), 4),
                "ci_low": low,
                "ci_high": high,
                "share_negative": round(float((values <= -threshold).mean()), 4),
                "share_positive": round(float((values >= threshold).mean()), 4),
                "mean_raw": round(float(group["compound_raw"].astype(float).mean()), 4),
            }
        )
    columns = ["actor_id", "actor", "n_units", "n_mentions", "mean", "ci_low", "ci_high",
               "share_negative", "share_positive", "mean_raw"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["n_units", "actor_id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


# -- voice -------------------------------------------------------------------------------------------

VOICE_COLUMNS: tuple[str, ...] = (
    "doc_id", "sent_id", "para_id", "voice", "text", "n_words",
    "compound", "pos", "neu", "neg", "compound_raw",
)  # fmt: skip


def _reported_spans(reported) -> list[tuple[int, int]]:
    if reported is None:
        return []
    if hasattr(reported, "columns"):
        starts = reported["start"] if "start" in reported.columns else reported["content_start"]
        ends = reported["end"] if "end" in reported.columns else reported["content_end"]
        return [(int(s), int(e)) for s, e in zip(starts, ends, strict=True)]
    return [(int(s), int(e)) for s, e in reported]


def voice_segments(
    seg: Any,
    *,
    domain_adjust: bool = True,
    reported: Any = None,
    lexicon: Any = DOMAIN_LEXICON,
):
    """Split each sentence into the journalist's words, quotations and reported speech.

    Quotations come from :func:`helpers.text.quote_spans`; reported speech
    ("Russia warned that talks were over") is what the caller passes as
    ``reported``, usually :func:`helpers.diplomacy.attributed_spans` (the
    notebook composes the two, so this module does not import its sibling). Each voice's words in a sentence are scored as one unit,
    so "Japan called it “completely unacceptable,” a strong word" gives the
    quotation's tone to the quoted source and "a strong word" to the writer.

    Parameters
    ----------
    seg : Segmentation
    domain_adjust : bool, default True
    reported : DataFrame or list of (start, end), optional
        Spans of reported speech (``start, end`` or ``content_start,
        content_end`` columns). None: only direct quotations are separated.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, para_id, voice, text, n_words, compound, pos, neu,
        neg, compound_raw``; ``voice`` is ``journalist``, ``quoted`` or
        ``reported``; ``text`` joins the voice's pieces with " … ".

    Examples
    --------
    >>> v = voice_segments('Japan called it “completely unacceptable,” a strong word.')
    >>> v[["voice", "text", "compound"]].values.tolist()
    [['journalist', 'Japan called it … a strong word.', 0.0], ['quoted', '“completely unacceptable,”', -0.5095]]
    """
    import pandas as pd

    from helpers.text import quote_spans

    seg = _as_segmentation(seg)
    eng = engine()
    domain = domain_lexicon(lexicon) if domain_adjust else None
    quotes = quote_spans(seg.text)
    spans = [(s, e, "quoted") for s, e in quotes]
    spans += [(s, e, "reported") for s, e in _reported_spans(reported)]

    def voice_of(token: Token) -> str:
        for s, e, voice in spans:
            if s <= token.start and token.end <= e:
                return voice
        return "journalist"

    rows = []
    paras = seg.sentences["para_id"].tolist()
    for sent_id, tokens in enumerate(seg.tokens):
        pieces: dict[str, list[list[Token]]] = {}
        last = None
        for token in tokens:
            voice = voice_of(token) if spans else "journalist"
            runs = pieces.setdefault(voice, [])
            if voice != last or not runs:
                runs.append([])
            runs[-1].append(token)
            last = voice
        for voice in ("journalist", "quoted", "reported"):
            runs = pieces.get(voice)
            if not runs:
                continue
            # A run of bare punctuation (the "." after a reported clause) is no
            # text of its own, unless it carries VADER's "!"/"?" emphasis.
            runs = [run for run in runs if any(_has_word(t.text) or t.text in "!?" for t in run)]
            if not runs:
                continue
            parts = [seg.text[run[0].start : run[-1].end] for run in runs]
            text = " … ".join(parts)
            if domain is not None:
                from helpers.text import tokenize

                compound, pos, neu, neg = eng.news(text, tokenize(text), domain)
            else:
                compound, pos, neu, neg = eng.raw(text)
            n_words = len(news_words(text))
            if n_words == 0:
                continue
            rows.append(
                (seg.doc_id, sent_id, paras[sent_id], voice, text, n_words, compound, pos, neu, neg,
                 eng.raw(" ".join(parts))[0])
            )  # fmt: skip
    return pd.DataFrame(rows, columns=list(VOICE_COLUMNS))


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def voice_summary(voices, *, threshold: float = DEFAULT_THRESHOLD):
    """Tone per voice: units, words, mean and length-weighted mean, shares.

    Returns
    -------
    DataFrame
        ``voice, n_units, n_words, mean, weighted_mean, share_positive,
        share_neutral, share_negative``.
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    rows = []
    for voice in ("journalist", "quoted", "reported"):
        group = voices.loc[voices["voice"] == voice]
        if group.empty:
            continue
        values = group["compound"].astype(float)
        weights = group["n_words"].astype(float)
        positive = round(float((values >= threshold).mean()), 4)
        negative = round(float((values <= -threshold).mean()), 4)
        neutral = round(float(values.abs().lt(threshold).mean()), 4)
        rows.append(
            {
                "voice": voice,
                "n_units": len(group),
                "n_words": int(weights.sum()),
                "mean": round(float(values.mean()), 4),
                "weighted_mean": round(float((values * weights).sum() / weights.sum()), 4),
                "share_positive": positive,
                "share_neutral": neutral,
                "share_negative": negative,
            }
        )
    columns = ["voice", "n_units", "n_words", "mean", "weighted_mean", "share_positive",
               "share_neutral", "share_negative"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


# -- a second lexicon: AFINN -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _afinn():
    from afinn import Afinn

    return Afinn(language="en", emoticons=False)


def afinn_scores(table):
    """Score each sentence with AFINN-165, an independent second lexicon.

    Why AFINN: it installs offline from the package index with its word list
    (``afinn``, pinned in ``pyproject.toml``); it was built independently of
    VADER, by one annotator rating words from Twitter discussions on a -5..+5
    scale (Nielsen 2011, "A new ANEW: evaluation of a word list for sentiment
    analysis in microblogs", ESWC workshop *Making Sense of Microposts*;
    AFINN-165 is the 2015 extension, 3,382 words); and its word list is
    released under the Open Database License (ODbL 1.0), which allows use with
    attribution (the Python package is distributed under the GPL; this project
    imports it unmodified and does not redistribute it). AFINN has no rules
    (no negation, no degree words): a sentence's score is the sum of its word
    ratings, which makes disagreements with VADER informative about rules.

    Parameters
    ----------
    table : DataFrame
        From :func:`score_sentiment` (uses ``doc_id, sent_id, text``).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, afinn, afinn_words`` (the rated words, ``word(+2)``).

    Examples
    --------
    >>> import pandas as pd
    >>> afinn_scores(pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["A good, bad day."]}))[
    ...     ["afinn", "afinn_words"]].values.tolist()
    [[0.0, 'good(+3) bad(-3)']]
    """
    import pandas as pd

    afinn = _afinn()
    rows = []
    for doc_id, sent_id, text in zip(table["doc_id"], table["sent_id"], table["text"], strict=True):
        # AFINN matches straight apostrophes only ("don't").
        clean = _normalise(text)
        found = afinn.find_all(clean)
        words = " ".join(f"{w}({afinn.score(w):+g})" for w in found)
        rows.append((doc_id, sent_id, float(afinn.score(clean)), words))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "afinn", "afinn_words"])


def lexicon_agreement(table, afinn_table=None, *, threshold: float = DEFAULT_THRESHOLD):
    """Agreement between VADER (news-aware) and AFINN on the same sentences.

    Parameters
    ----------
    table : DataFrame
        From :func:`score_sentiment`.
    afinn_table : DataFrame, optional
        From :func:`afinn_scores` (computed when missing).
    threshold : float, default 0.05
        VADER's neutral band; AFINN's sign is that of its sum.

    Returns
    -------
    (summary, sentences)
        ``summary``: one row ``n, pearson, spearman, share_same_label,
        n_opposite_sign`` (Pearson and Spearman correlations of VADER's
        compound with AFINN's sum, by pandas); ``sentences``: every sentence
        with ``compound, afinn, vader_label, afinn_label, opposite_sign``,
        opposite signs first.
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    if afinn_table is None:
        afinn_table = afinn_scores(table)
    merged = table[["doc_id", "sent_id", "text", "compound", "compound_raw"]].merge(
        afinn_table, on=["doc_id", "sent_id"], how="inner"
    )
    merged["vader_label"] = [label(c, threshold) for c in merged["compound"]]
    merged["afinn_label"] = [
        "positive" if a > 0 else "negative" if a < 0 else "neutral" for a in merged["afinn"]
    ]
    merged["opposite_sign"] = ((merged["compound"] >= threshold) & (merged["afinn"] < 0)) | (
        (merged["compound"] <= -threshold) & (merged["afinn"] > 0)
    )
    n = len(merged)
    enough = n > 2 and merged["compound"].std() > 0 and merged["afinn"].std() > 0
    summary = pd.DataFrame(
        [
            {
                "n": n,
                "pearson": round(float(merged["compound"].corr(merged["afinn"])), 4)
                if enough
                else math.nan,
                "spearman": round(
                    float(merged["compound"].corr(merged["afinn"], method="spearman")), 4
                )
                if enough
                else math.nan,
                "share_same_label": round(
                    float((merged["vader_label"] == merged["afinn_label"]).mean()), 4
                )
                if n
                else math.nan,
                "n_opposite_sign": int(merged["opposite_sign"].sum()),
            }
        ]
    )
    sentences = merged.sort_values(
        ["opposite_sign", "sent_id"], ascending=[False, True], kind="stable"
    )
    return summary, sentences.reset_index(drop=True)
