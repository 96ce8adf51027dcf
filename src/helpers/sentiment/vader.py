"""VADER, as NLTK 3.10.4 computes it, one function per rule, each able to explain itself.

The method
    VADER (Valence Aware Dictionary and sEntiment Reasoner) scores a sentence
    from a lexicon of about 7,500 words rated by crowd workers on a -4..+4
    scale, adjusted by five rules: capitals, degree words ("completely",
    "slightly"), negation ("not", "n't", "never"), a contrastive "but", and
    "!"/"?" emphasis. The result is ``neg``, ``neu``, ``pos`` (shares of the
    sentence's rated mass) and ``compound`` (the summed valence squashed into
    -1..+1). VADER is made for sentences: over a whole article the compound
    saturates near +-1, so documents are scored sentence by sentence and
    averaged (:mod:`helpers.sentiment.tables`).

What to cite
    Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based
    Model for Sentiment Analysis of Social Media Text. Proceedings of the
    Eighth International AAAI Conference on Weblogs and Social Media
    (ICWSM-14). And, for this implementation, NLTK 3.10.4
    (``nltk.sentiment.vader``; Bird, Klein & Loper 2009), whose lexicon and
    constants (``VaderConstants``: negations, degree words, idioms) it uses.

Why a re-implementation
    NLTK does not expose VADER's intermediate values. :class:`VaderEngine`
    re-implements NLTK 3.10.4's algorithm once, as NLTK's ``vader.py`` does,
    one function per rule (:meth:`~VaderEngine.caps_rule`,
    :meth:`~VaderEngine.degree_rule`, :meth:`~VaderEngine.negation_rule`,
    :meth:`~VaderEngine.idiom_rule`, :meth:`~VaderEngine.least_rule`,
    :meth:`~VaderEngine.but_rule`, :func:`punctuation_emphasis`); each rule
    takes the word's list of notes as an argument, so the same code gives the
    fast score (no notes) and the explanation of each word's valence before
    and after each rule (:func:`helpers.sentiment.explain.explain_sentence`).
    It is also faster than NLTK (no per-sentence dictionaries of punctuated
    word forms, no repeated list scans), which the ``score`` command relies on.

NLTK's quirks, kept so that the raw score stays identical to the last digit
    A repeated word is read in the context of its *first* occurrence; "so" or
    "this" just before a rated word (or "never so"/"never this" before it)
    amplifies it, as a side effect of the negation check; a "but" halves
    everything before it and multiplies everything after it by 1.5; "!" (up
    to 4) and "?" (2 or more) anywhere in the sentence add emphasis; a word
    VADER rates is never read as a modifier of the next one.

Limits: VADER reads words, not meaning. It misses irony, understatement,
diplomatic formulae whose force comes from protocol ("took note"), and who
is evaluated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from helpers.actors.names import name_hits
from helpers.sentiment.words import news_words, nltk_words, token_base
from helpers.text import Token


class Scores(NamedTuple):
    """A sentence's VADER scores, rounded as NLTK rounds them."""

    compound: float
    pos: float
    neu: float
    neg: float


class Reading(NamedTuple):
    """A sentence as the news-aware score reads it: ``words``, their ``spans`` in the
    text (None when not asked for), each word's ``valences`` after every rule
    (0 for unrated words), and ``extra``: the indices of the words rated from an
    extra lexicon (the tone toward a target's AFINN words; empty otherwise)."""

    words: list[str]
    spans: list[tuple[int, int]] | None
    valences: list[float]
    extra: tuple[int, ...] = ()


# A Scores from a plain tuple without the NamedTuple's Python-level __new__:
# two per sentence on the score path.
_new = tuple.__new__
_NO_SCORES = _new(Scores, (0.0, 0.0, 0.0, 0.0))

# The words after "never" (or alone before a rated word) that amplify it.
_SO_THIS = ("so", "this")


@dataclass(slots=True)
class WordTrace:
    """What VADER's rules did to one rated word (recorded only when explaining).

    ``pos`` is the word's index, ``context`` the index of its first
    occurrence (where the rules read it), ``lexicon`` its valence in the
    lexicon, ``caps`` the valence after the capitals rule, ``modified`` after
    degree words, negation, idioms and "least", ``final`` after the "but"
    rule; ``rules`` says in words what each rule did.
    """

    pos: int
    context: int
    lexicon: float
    caps: float = 0.0
    modified: float = 0.0
    final: float = 0.0
    rules: list[str] = field(default_factory=list)


def punctuation_emphasis(text: str) -> float:
    """Return the emphasis "!" and "?" add to a sentence's summed valence.

    "!" adds 0.292 each, up to 4; "?" adds 0.18 each when there are 2 or 3,
    0.96 from 4 on (NLTK's ``_amplify_ep`` and ``_amplify_qm``).

    Examples
    --------
    >>> punctuation_emphasis("Good!"), punctuation_emphasis("Really??"), punctuation_emphasis("Why?")
    (0.292, 0.36, 0.0)
    """
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm


def _cap_differs(words: list[str]) -> bool:
    # Capitals count only when some, not all, words are in capitals. Asked only
    # when one word is in capitals, so "not all" is the whole question, and it
    # stops at the first word in lower case.
    return not all(map(str.isupper, words))


class VaderEngine:
    """VADER's algorithm as NLTK 3.10.4 runs it, one method per rule.

    Build it with :func:`engine` (the project's lexicon and NLTK's constants).

    Every rule takes the valence so far and returns the new one; ``notes``
    (a list, or None on the score path) receives a line saying what the rule
    did, whenever it changed something.

    Parameters
    ----------
    lexicon : dict
        Lower-case word -> valence (NLTK's ``SentimentIntensityAnalyzer.lexicon``).
    constants : object
        NLTK's ``VaderConstants`` (negations, degree words, idioms, scalars),
        or the same values as :class:`helpers.resources.VaderParameters`.

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

    # -- the rules, in the order VADER applies them --------------------------------
    def caps_rule(self, valence: float, words: list[str], i: int, notes: list | None) -> float:
        """ALL CAPS: a rated word in capitals, while other words are not, gains 0.733.

        Called for a rated word ``words[i]`` in capitals.

        Examples
        --------
        >>> notes = []
        >>> round(engine().caps_rule(1.9, ["The", "deal", "is", "GOOD"], 3, notes), 3), notes
        (2.633, ['ALL CAPS +0.733'])
        """
        if _cap_differs(words):
            c_incr = self.c_incr
            valence = valence + c_incr if valence > 0 else valence - c_incr
            if notes is not None:
                notes.append(f"ALL CAPS {'+' if valence > 0 else '-'}{c_incr}")
        return valence

    def degree_rule(
        self,
        valence: float,
        scalar: float,
        words: list[str],
        j: int,
        k: int,
        notes: list | None,
    ) -> float:
        """Degree words: ``words[j]``, ``k`` words before the rated one (0-2), boosts or damps it.

        Called for a degree word, with its ``scalar`` in ``BOOSTER_DICT``
        (+0.293 for "very", -0.293 for "slightly"). The scalar takes the
        valence's sign, grows by 0.733 when the degree word is in capitals
        (and others are not), and is damped by distance: x0.95 two words
        back, x0.9 three words back (NLTK's ``scalar_inc_dec`` and the loop
        around it).

        Examples
        --------
        >>> round(engine().degree_rule(-2.5, 0.293, ["very", "bad"], 0, 0, None), 3)
        -2.793
        """
        if valence < 0:
            scalar *= -1
        if words[j].isupper() and _cap_differs(words):
            scalar = scalar + self.c_incr if valence > 0 else scalar - self.c_incr
        if k == 1 and scalar != 0:
            scalar = scalar * 0.95
        elif k == 2 and scalar != 0:
            scalar = scalar * 0.9
        if notes is not None and scalar != 0:
            notes.append(f"degree word {words[j]!r} {scalar:+.4g}")
        return valence + scalar

    def negation_rule(
        self,
        valence: float,
        words: list[str],
        i: int,
        k: int,
        negated: bool,
        notes: list | None,
    ) -> float:
        """Negation: ``words[i - k - 1]`` ("not", "n't", "never" ...) flips and damps by -0.74.

        NLTK's ``_never_check``, called for a negation ``k`` words before the
        rated word ``words[i]`` (``negated``: a word of ``NEGATE``, "never"
        among them, or one containing "n't"), and, three words back, when
        "so" or "this" is just before the rated word. Its side effect is
        kept: "never so"/"never this" just before the rated word multiplies
        it by 1.5, and one word further back (or a bare "so"/"this" just
        before it, when the word three back is unrated) by 1.25, instead of
        negating.

        Examples
        --------
        >>> notes = []
        >>> round(engine().negation_rule(1.9, ["not", "good"], 1, 0, True, notes), 3), notes
        (-1.406, ["negation 'not' x-0.74"])
        >>> engine().negation_rule(2.0, ["never", "so", "good"], 2, 1, True, None)
        3.0
        """
        prev = words[i - k - 1]
        if k and (
            (prev == "never" and words[i - k] in _SO_THIS) or (k == 2 and words[i - 1] in _SO_THIS)
        ):
            if notes is not None:
                notes.append(
                    f"'never {words[i - 1]}' x1.5"
                    if k == 1
                    else "'never so/this' or 'so/this' before x1.25"
                )
            return valence * (1.5 if k == 1 else 1.25)
        if negated:
            if notes is not None:
                notes.append(f"negation {prev!r} x{self.n_scalar}")
            return valence * self.n_scalar
        return valence

    def idiom_rule(self, valence: float, words: list[str], i: int, notes: list | None) -> float:
        """Idioms ("kiss of death") set the valence; "kind of"/"sort of" before it damp it.

        Looked for around the rated word ``i`` (at least three words in):
        two- and three-word idioms ending in, starting with or just before it,
        as NLTK's ``_idioms_check``; only when one of the words involved
        belongs to an idiom or a two-word degree phrase at all.

        Examples
        --------
        >>> words = "it was the kiss of death".split()
        >>> engine().idiom_rule(-2.4, words, 5, None)
        -1.5
        """
        vocab = self.idiom_vocab
        w0, w1, w2 = words[i], words[i - 1], words[i - 2]
        if w0 not in vocab and w1 not in vocab and w2 not in vocab:
            return valence
        before = valence
        idioms = self.idioms
        w3 = words[i - 3]
        twoone = f"{w2} {w1}"
        threetwo = f"{w3} {w2}"
        for sequence in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, f"{w3} {w2} {w1}", threetwo):
            if sequence in idioms:
                valence = idioms[sequence]
                break
        n = len(words)
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
        if notes is not None and valence != before:
            notes.append(f"idiom or 'kind of'/'sort of' -> {valence:+.4g}")
        return valence

    def least_rule(
        self, valence: float, lowers: list[str], vals: list, i: int, notes: list | None
    ) -> float:
        """A "least" just before the rated word negates it, unless "at least" or "very least".

        Examples
        --------
        >>> engine().least_rule(2.0, ["the", "least", "good"], [None, None, 1.9], 2, None)
        -1.48
        """
        if i > 0 and vals[i - 1] is None and lowers[i - 1] == "least":
            if i == 1 or (lowers[i - 2] != "at" and lowers[i - 2] != "very"):
                if notes is not None:
                    notes.append(f"'least' x{self.n_scalar}")
                return valence * self.n_scalar
        return valence

    @staticmethod
    def but_rule(sentiments: list[float], lowers: list[str], trace: list | None) -> None:
        """Contrastive "but": valences before the first "but" x0.5, after it x1.5 (in place).

        Examples
        --------
        >>> values = [1.9, 0, -2.5]
        >>> VaderEngine.but_rule(values, ["good", "but", "bad"], None)
        >>> values
        [0.95, 0, -3.75]
        """
        if "but" not in lowers:
            return
        bi = lowers.index("but")
        for pos, value in enumerate(sentiments):
            if value:
                if pos < bi:
                    sentiments[pos] = value * 0.5
                elif pos > bi:
                    sentiments[pos] = value * 1.5
        for rec in trace or ():
            if rec.pos != bi:
                rec.final = sentiments[rec.pos]
                rec.rules.append("before 'but' x0.5" if rec.pos < bi else "after 'but' x1.5")

    # -- every word of a sentence --------------------------------------------------
    def valences(
        self,
        words: list[str],
        lowers: list[str],
        vals: list[float | None],
        trace: list[WordTrace] | None = None,
    ) -> list[float]:
        """Return each word's valence after every rule (NLTK's ``sentiments`` list).

        ``vals[k]`` is the valence word ``k`` has in the lexicon, or ``None``
        when it has none (a neutral word). With ``trace`` (a list), one
        :class:`WordTrace` per scored word is appended to it.

        Examples
        --------
        >>> words = "The deal is not really good".split()
        >>> lowers = [w.lower() for w in words]
        >>> [round(v, 3) for v in engine().valences(words, lowers, [engine().lexicon.get(w) for w in lowers])]
        [0, 0, 0, 0, 0, -1.623]
        """
        sentiments: list[float] = [0] * len(words)
        booster = self.booster
        negate = self.negate
        n = len(words)
        for pos, valence in enumerate(vals):
            if valence is None:
                continue
            lower = lowers[pos]
            if lower in booster:
                continue
            # NLTK looks a repeated word up in the context of its first occurrence.
            i = words.index(words[pos])
            if lower == "kind" and i < n - 1 and lowers[i + 1] == "of":
                continue
            rec = None
            notes = None
            if trace is not None:
                rec = WordTrace(pos, i, valence)
                notes = rec.rules
            if words[i].isupper():
                valence = self.caps_rule(valence, words, i, notes)
            if rec is not None:
                rec.caps = valence
            # Up to three words back, each one VADER does not rate.
            for k in range(i if i < 3 else 3):
                j = i - k - 1
                if vals[j] is not None:
                    continue
                scalar = booster.get(lowers[j])
                if scalar is not None:
                    valence = self.degree_rule(valence, scalar, words, j, k, notes)
                before = lowers[j]
                negated = before in negate or "n't" in before
                if negated or (k == 2 and words[i - 1] in _SO_THIS):
                    valence = self.negation_rule(valence, words, i, k, negated, notes)
                if k == 2:
                    valence = self.idiom_rule(valence, words, i, notes)
            if i and lowers[i - 1] == "least":
                valence = self.least_rule(valence, lowers, vals, i, notes)
            sentiments[pos] = valence
            if rec is not None:
                rec.modified = rec.final = valence
                trace.append(rec)
        self.but_rule(sentiments, lowers, trace)
        return sentiments

    # -- scores ---------------------------------------------------------------------
    def scores(self, sentiments: list[float], amplifier: float) -> Scores:
        """Turn word valences into ``(compound, pos, neu, neg)``, rounded as NLTK rounds.

        Examples
        --------
        >>> engine().scores([0, 1.9, 0], 0.0)
        Scores(compound=0.4404, pos=0.592, neu=0.408, neg=0.0)
        """
        if not sentiments:
            return _NO_SCORES
        sum_s = float(sum(sentiments))
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = len(sentiments)
        # Most words are neutral (0): skip them in C, count them by difference.
        for value in filter(None, sentiments):
            if value > 0:
                pos_sum += float(value) + 1
                neu_count -= 1
            elif value < 0:
                neg_sum += float(value) - 1
                neu_count -= 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return _new(
            Scores,
            (
                round(compound, 4),
                round(math.fabs(pos_sum / total), 3),
                round(math.fabs(neu_count / total), 3),
                round(math.fabs(neg_sum / total), 3),
            ),
        )

    def raw(self, text: str) -> Scores:
        """Plain VADER, as NLTK: ``(compound, pos, neu, neg)``.

        Examples
        --------
        >>> engine().raw("Japan called it “completely unacceptable,” about as strong as you get.")
        Scores(compound=0.5106, pos=0.248, neu=0.752, neg=0.0)
        """
        words = nltk_words(text, self.punc_list)
        lowers = [w.lower() for w in words]
        get = self.lexicon.get
        vals = list(map(get, lowers))
        return self.scores(self.valences(words, lowers, vals), punctuation_emphasis(text))

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Same as NLTK's ``SentimentIntensityAnalyzer.polarity_scores``."""
        compound, pos, neu, neg = self.raw(text)
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}

    def news(
        self,
        text: str,
        tokens: list[Token] | None = None,
        domain: Any = None,
        hits: list | None = None,
    ) -> Scores:
        """The news-aware score: ``(compound, pos, neu, neg)``.

        The words as :func:`helpers.sentiment.words.news_words` reads them,
        with the valences the domain lexicon sets or removes, then the same
        rules as :meth:`raw`.

        Parameters
        ----------
        text : str
        tokens : list of Token, optional
            ``helpers.text.tokenize(text)`` (offsets may be shifted by a
            constant, as for a sentence of a segmented document); made when
            missing and a domain lexicon is given.
        domain : helpers.sentiment.domain.DomainLexicon, optional
            Adjustments; none when missing.
        hits : list of Hit, optional
            ``domain.dictionary.match_tokens(tokens)``, when the caller has
            matched it already; else matched here.

        Examples
        --------
        >>> from helpers.sentiment.domain import domain_lexicon
        >>> text = "Japan called it “completely unacceptable,” about as strong as you get."
        >>> tuple(engine().news(text))  # news typography only: "unacceptable" is read
        (0.0018, 0.212, 0.577, 0.211)
        >>> tuple(engine().news(text, domain=domain_lexicon()))  # and "strong" grades force, not approval
        (-0.5095, 0.0, 0.752, 0.248)
        """
        words, _, lowers, vals, _ = self._news_words(text, tokens, domain, hits, False)
        return self.scores(self.valences(words, lowers, vals), punctuation_emphasis(text))

    def news_reading(
        self,
        text: str,
        tokens: list[Token] | None = None,
        domain: Any = None,
        hits: list | None = None,
        spans: bool = True,
    ) -> Reading:
        """The news-aware reading of a sentence: its words, their spans and final valences.

        What :meth:`news` sums, word by word (each word's valence after every
        rule, in the context of the whole sentence), so that tone toward a
        target (:mod:`helpers.sentiment.target`) can count only some words
        and still read each as the sentence score reads it. With
        ``spans=False`` the spans are None unless the domain list needed
        them (its hits are placed by offsets).

        Examples
        --------
        >>> reading = engine().news_reading("Talks were not good.")
        >>> reading.words, [round(v, 3) for v in reading.valences]
        (['Talks', 'were', 'not', 'good'], [0, 0, 0, -1.406])
        >>> engine().scores(reading.valences, 0.0) == engine().news("Talks were not good.")
        True
        """
        words, where, lowers, vals, _ = self._news_words(text, tokens, domain, hits, spans)
        return _new(Reading, (words, where, self.valences(words, lowers, vals), ()))

    def news_readings(
        self, text: str, tokens, domain, extra: dict[str, float] | None, *, hits=None, spans=True
    ) -> tuple[Reading, Reading]:
        """:meth:`news_reading`, and the same reading with the words of ``extra`` rated.

        ``extra`` (lower-case word -> valence) rates words the lexicon lacks, as
        if the lexicon listed them: before the domain list (which may still
        neutralise them) and VADER's rules. The second reading's ``extra``
        holds the indices of the words it rated; it is the first reading itself
        when the sentence has none of them. One pass over the words for both.

        Examples
        --------
        >>> sentence, target = engine().news_readings("It was not corrupted.", None, None, {"corrupted": -2.4})
        >>> sentence.valences[-1], round(target.valences[-1], 3), target.extra
        (0, 1.776, (3,))
        """
        words, where, lowers, vals, more = self._news_words(
            text, tokens, domain, hits, spans, extra
        )
        reading = _new(Reading, (words, where, self.valences(words, lowers, vals), ()))
        if more is None:
            return reading, reading
        rated = tuple(k for k, v in enumerate(more) if v is not None and vals[k] is None)
        return reading, _new(Reading, (words, where, self.valences(words, lowers, more), rated))

    def _news_words(self, text, tokens, domain, hits, spans: bool, extra=None) -> tuple:
        """``(words, spans or None, lowers, lexicon valences after the domain list, the
        same with the words of ``extra`` rated)``: the last is None without ``extra`` or
        when no word of the sentence is in it."""
        if domain is None:
            hits = ()
        elif hits is None:
            if tokens is None:
                from helpers.text import tokenize

                tokens = tokenize(text)
            hits = domain.dictionary.match_tokens(tokens) if tokens else ()
        if domain is not None:
            # Names are not words (helpers.actors.names): the news-aware score only.
            named = name_hits(text, token_base(text, tokens) if tokens else 0)
            if named:
                hits = [*hits, *named]
        get = self.lexicon.get
        if not hits and not spans:
            words = news_words(text)
            lowers = [w.lower() for w in words]
            vals = list(map(get, lowers))
            return words, None, lowers, vals, _with_extra(vals, lowers, extra)
        words, where = news_words(text, spans=True)
        lowers = [w.lower() for w in words]
        vals = list(map(get, lowers))
        more = _with_extra(vals, lowers, extra)  # before the domain list, which may neutralise
        if hits:
            base = token_base(text, tokens)
            domain.apply(hits, words, where, vals, base)
            if more is not None:
                domain.apply(hits, words, where, more, base)
        return words, where, lowers, vals, more


def _with_extra(vals: list, lowers: list[str], extra: dict | None) -> list | None:
    """``vals`` with the words of ``extra`` that ``vals`` leaves unrated rated; None
    without ``extra`` or when none of ``lowers`` is in it."""
    if extra is None or extra.keys().isdisjoint(lowers):
        return None
    get = extra.get
    return [v if v is not None else get(low) for v, low in zip(vals, lowers, strict=True)]


@cache
def engine() -> VaderEngine:
    """Return the engine on the project's VADER lexicon (built once per process).

    The lexicon is the one NLTK loads and the rules' constants are NLTK's
    ``VaderConstants``, both read from the project's cache without importing
    NLTK (:func:`helpers.resources.vader_lexicon`,
    :func:`helpers.resources.vader_constants`).

    Examples
    --------
    >>> engine() is engine()
    True
    """
    from helpers.resources import vader_constants, vader_lexicon

    return VaderEngine(vader_lexicon(), vader_constants())
