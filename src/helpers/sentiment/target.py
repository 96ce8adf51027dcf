"""Tone toward a named target: which of a sentence's rated words are about it, and how.

The sentence score says how a sentence reads; a researcher asking "how is
Russia portrayed?" needs the tone toward Russia, which can differ from it and
from the tone toward another actor in the same sentence ("Japan condemned
Russia's decision": negative toward Russia, not toward Japan). The method
here is the project's own, dictionary and rules only, and explainable word by
word: it reads the sentence once as the news-aware score does
(:meth:`helpers.sentiment.vader.VaderEngine.news_reading`: every word's
valence after VADER's rules, in the context of the whole sentence), then
decides which of those words count for the target, in this order:

1. **Quoted.** A target inside a direct quotation gets the tone of the
   quotation: the quoted source's words about it.
2. **Circumstance.** A target that is a time ("Wednesday") or follows "in"
   ("talks in Geneva") is where or when something happened, not a
   participant: only its own words count.
3. **Source.** A target that is the source of reported speech or of a stance
   toward a counterpart (the noun phrase before "said", "condemned",
   "denied" ..., after "..., said", or after "according to"), or the
   addressee of speech ("told X"), is judged only by the words about it: its
   noun phrase and the manner of the act. What it says, and its evaluation
   of its counterpart, are tone toward the counterpart. A warm stance verb
   ("thanked", "praised") and an attack ("blamed", "mocked") count for
   their source (``_OWN_ACT``); "claimed" counts :data:`CLAIM_VALENCE` for
   it (the writer's distance), "denied" its category's ``source_valence``
   (a denial presupposes an accusation). Naming ("called it a great
   choice") is speech: its source may share the sentence's warmth.
4. **Clause.** Otherwise the words of the clause that holds the target
   (:func:`helpers.sentiment.clauses.clause_spans`, a pair of dashes
   enclosing a parenthetical being no cut:
   :func:`helpers.sentiment.clauses.without_paired_dashes`), with the roles of
   ``data/lexicons/sentiment_roles.yml``
   (:mod:`helpers.sentiment.roles`): the valence of a verb of harm does not
   count against its victim, of a penalty not against the one imposing it;
   a reversing act ("fought corruption") counts its object's valence
   reversed for its doer; the winner of a contest is positive; apologising
   or admitting counts a fixed negative valence for its doer (a ``set``
   action: the act presupposes a fault). Words more than
   :data:`NEAR_TOKENS` from the target count :data:`FAR_WEIGHT`.

In every scope, the roles list's judgements ("inept", "seasoned", "lead"),
words that judge a person and that the sentence reading leaves unrated,
count with their own valence (:func:`_judging`), and its multiword expressions
("came under fire", "to be sure") count for their bearer alone
(:mod:`helpers.sentiment.target_phrases`).

Faint words (a VADER rating below :data:`helpers.sentiment.labels.FAINT_VALENCE`:
"number", "matter") count in no scope. The counted valences are summed and
squashed as VADER squashes a sentence (``x / sqrt(x^2 + 15)``, with "!"/"?"
emphasis when they are in scope), and
labelled with the neutral band (:data:`helpers.sentiment.labels.DEFAULT_THRESHOLD`).

Limits: no parser, so agent and patient are read from word order (a target
more than an apposition away from the verb stands in no relation to it); no
coreference (a later "he" is not the target); irony and implicature are
invisible. Model-based targeted sentiment (e.g. the NewsMTSC authors'
fine-tuned transformer) reads more, and explains less.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from helpers.sentiment.clauses import clause_bounds
from helpers.sentiment.labels import DEFAULT_THRESHOLD, countable, label
from helpers.sentiment.roles import (
    CUE_TOKENS,
    MAX_SOURCE_TOKENS,
    RoleLexicon,
    according_to,
    is_passive,
    relation,
    role_lexicon,
    source_span,
)
from helpers.sentiment.supplement import supplement_lexicon
from helpers.sentiment.target_marks import marked, may_count, unrestorable
from helpers.sentiment.target_phrases import with_phrases
from helpers.sentiment.vader import Reading, engine, punctuation_emphasis
from helpers.sentiment.words import news_words, token_base
from helpers.text import Token, quote_spans

#: Weight of a negative word against a positive one in the tone toward a target.
#: Impressions of a person are swayed more by negative than by equally strong
#: positive information (the negativity bias of impression formation: Fiske
#: 1980; Skowronski & Carlston 1989; in political news, Soroka 2014). The
#: size, 1.5, was chosen among 1, 1.5 and 2 on the development split of
#: NewsMTSC (the moderate one; 2 was not better by enough to justify it).
NEGATIVITY_WEIGHT = 1.5

#: Words of the target's scope farther than this many tokens from it count
#: :data:`FAR_WEIGHT` of their valence: in a long clause the words next to a
#: target are more often about it than words at the far end, which are more
#: often about another participant (syntactic distance as a cue to the
#: opinion's target: Kim & Hovy 2006; Ding, Liu & Yu 2008, whose
#: opinion-aggregation score divides each word's orientation by its distance
#: from the feature). A step, not a decay, so evidence stays readable. Sizes
#: chosen on the development 80% of NewsMTSC (issue 18, round 3): 5, 8 or 12
#: tokens and 0.3 or 0.5 gave the same macro-F1 within 0.001; 8 and 0.5 are
#: the moderate choice.
NEAR_TOKENS = 8
FAR_WEIGHT = 0.5

# Determiners skipped when looking for the preposition before a target ("in the hall").
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
# Object of a reversing verb: at most this many tokens after it, within its clause.
_OBJECT_TOKENS = 6
# After these, the verb's object is what it is done for, not against ("fought for").
_NOT_REVERSED_AFTER = frozenset({"for", "with", "alongside", "back"})
_STANCE = ("own_words",)
# After a stance verb, these make it something else: its subject is the patient
# ("accused of"), or the verb names a demand or an act of the source's own
# ("called for", "called off", "called up"), not an evaluation of a counterpart.
_NOT_STANCE = frozenset({"for", "off", "up"})
# Categories whose verb's own valence counts for its source, though what follows
# it does not, and how: praising, thanking, welcoming present the one who does
# it warmly ("Ames thanked the nurses": positive toward Ames), so the warmth of
# a `counterpart` verb counts ("warm"), its hostility not: condemning,
# criticising, warning are the expected stance of a state or a party, formal
# protest. The verbs of `attack` (blaming, accusing, mocking, slamming) are the
# writer's gloss of the act as an attack, a face-threatening act (Brown &
# Levinson 1987), and present their source as aggressive (the writer's
# evaluation through the reporting verb: Thompson & Ye 1991; Caldas-Coulthard
# 1994), so their valence counts whatever its sign ("own"). On the development
# 80% of NewsMTSC, the sources of "praised", "thanked" and "thanks" were
# mostly positive (18 of 21) and of "accused", "denied", "blamed" and "mocked"
# mostly negative (18 of 22) (issue 18, round 3; "attack" split from
# `counterpart` in round 4). Neutral reporting verbs ("said") and naming
# verbs ("called") have no valence of their own.
_OWN_ACT = {"counterpart": "warm", "attack": "own"}
#: The valence "claimed" (for "said") counts for the source of the claim: the
#: writer's distance from its words (see the `claim` category of
#: data/lexicons/sentiment_roles.yml). Half of VADER's "doubt" (-1.5): the verb
#: casts doubt on the words, less on the speaker. -0.75 and -1.5 gave the same
#: macro-F1 on the development 80% of NewsMTSC (issue 18, round 3).
CLAIM_VALENCE = -0.75


def _not_stance(tokens: list[Token], v: int) -> bool:
    """Whether the stance verb at ``v`` is no stance of its subject toward a counterpart:
    a demand or act of its own ("called for"), or a participle whose subject is
    the accused ("Trump, accused of lying"). "Warned of", "complained of" stay
    stances: their subject is the source (issue 18, round 3)."""
    after = tokens[v + 1].norm if v + 1 < len(tokens) else ""
    return after in _NOT_STANCE or (after == "of" and tokens[v].norm.startswith("accus"))


# Farthest an act can be after its agent, in tokens: a source's noun phrase
# (at most MAX_SOURCE_TOKENS) and an apposition or adverbs between.
_NEAR = MAX_SOURCE_TOKENS + 8
_NOT_FOUND = "target not found in the text"
_START = attrgetter("start")
_FIRST = itemgetter(0)
_NORM = attrgetter("norm")
_TEXT = attrgetter("text")
# VADER's negation scalar: what "over" does to a standing for the one it is over.
_REVERSED = -0.74
_WARM = "a warm act of the source's own"
# Sources of speech (not of a stance toward a counterpart): they may share warm words.
# Naming is speech too: "Ryan called it a great choice" is "'A great choice,' said Ryan".
_SPEAKING = frozenset({"speech", "claim", "naming"})
# The note of a stance verb that says something of its source too (``source_valence``).
_SOURCE_ACT = "what the act presupposes of its source"
_SILENT = "no rated word in the sentence"
_NONE_QUOTED: frozenset[int] = frozenset()
_UNMARKED = ([], [], False, [], [])  # what marked() finds in a sentence settled without it
# Before a listed word, these make it a noun ("Japan's claims", "the attack").
_NOUN_BEFORE = frozenset({"'s", "'", "the", "a", "an", "his", "her", "their", "its", "our", "my"})


class TargetTone(NamedTuple):
    """The tone toward one target in one sentence.

    ``score`` (-1..1), ``label``, ``evidence`` (the words that decided it and
    the rules applied, in words), ``role`` (``quoted``, ``circumstance``,
    ``source``, ``clause``, or ``not found``), and the target's character
    span ``start``, ``end`` in the text (-1 when not found).
    """

    score: float
    label: str
    evidence: str
    role: str
    start: int
    end: int


def _tone(values: tuple) -> TargetTone:
    """A TargetTone from a plain tuple, without the NamedTuple's Python-level __new__."""
    return tuple.__new__(TargetTone, values)


class _Scope(NamedTuple):  # built with _scoped()
    role: str  # quoted, circumstance, source, clause
    tokens: Any  # the token indices whose words count (a range or a set)
    effects: dict  # token index -> (action, reason, valence to restore) for role verbs
    why: str  # the role in words
    speaker: bool = False  # the source of speech (not of a stance verb): may share warm words


def _scoped(role: str, tokens: Any, effects: dict, why: str, speaker: bool = False) -> _Scope:
    """A _Scope without the NamedTuple's Python-level __new__ (once per row)."""
    return tuple.__new__(_Scope, (role, tokens, effects, why, speaker))


# Locating the target: helpers.sentiment.target_place.


# -- which words count -------------------------------------------------------------------


def _quotes(text: str, tokens: list[Token], base: int) -> list[tuple[int, int]]:
    """Direct quotations as token ranges (none looked for without a quotation mark)."""
    if '"' not in text and "“" not in text and "‘" not in text and " '" not in text:
        return []
    spans = []
    for s, e in quote_spans(text):
        a = bisect_right(tokens, s - 1 + base, key=_START)
        b = bisect_right(tokens, e - 1 + base, key=_START)
        if b > a:
            spans.append((a, b))
    return spans


def _scope(tokens: list[Token], a: int, b: int, quotes, verbs, breaks, according, roles) -> _Scope:
    """Decide which tokens' words count for the target ``a:b`` (module docstring, steps 1-4).

    ``verbs`` are ``(token index, category)`` of the sentence's words in the
    roles list, ``breaks`` its clause cuts (:func:`helpers.sentiment.clauses.clause_breaks`),
    ``according`` whether it has "according".
    """
    for s, e in quotes:
        if s <= a and b <= e:
            return _scoped("quoted", range(s, e), {}, "inside a quotation")
    if _circumstance(tokens, a, b, roles):
        return _scoped("circumstance", range(a, b), {}, "a circumstance (where or when)")
    verbs = [(v, c) for v, c in verbs if not a <= v < b]
    if verbs or according:
        source = _source(tokens, a, b, quotes, verbs, according, roles)
        if source is not None:
            return source
    lo, hi = clause_bounds(tokens, a, breaks)
    effects = {}
    for v, category in verbs:
        if not lo <= v < hi or not -_NEAR <= v - a <= _NEAR:
            continue  # outside the clause, or too far to be the target's act
        rel = relation(tokens, a, b, v)
        if rel is None:
            if category in roles.bystander:  # "the primary battle": a contest, valued by its object
                effects[v] = ("drop", f"{category}, valued by its object", None)
            continue
        action = (roles.agent if rel == "agent" else roles.patient)[category]
        if action in _STANCE:
            if _not_stance(tokens, v):
                continue  # "called for": the source's demand, not its stance
            if v and tokens[v - 1].norm in _NOUN_BEFORE:
                continue  # "Japan's claims": a noun; Japan says nothing in this sentence
            own = range(min(a, v), max(b, v + 1))
            act = _source_act(tokens, v, category, roles) if rel == "agent" else None
            effects = {v: act or ("drop", f"the target is its {rel}", None)}
            return _scoped("source", own, effects, f"the {rel} of {tokens[v].text!r}")
        if action != "keep":
            value = roles.set_valence.get((category, rel))  # None unless the action is "set"
            effects[v] = (action, f"{category}, the target is its {rel}", value)
        elif rel == "patient":  # e.g. a reported denial is tone toward what is denied
            fallback = roles.word_valence.get(tokens[v].norm, roles.valence.get(category))
            effects[v] = ("restore", f"{category}, the target is its patient", fallback)
    return _scoped("clause", range(lo, hi), effects, "its clause")


def _circumstance(tokens: list[Token], a: int, b: int, roles: RoleLexicon) -> bool:
    if tokens[a].norm in roles.time_names and all(
        t.norm in roles.time_names for t in tokens[a + 1 : b]
    ):
        return True
    j = a - 1
    while j >= 0 and tokens[j].norm in _DETERMINERS:
        j -= 1
    return j >= 0 and tokens[j].norm in roles.circumstance


def _source_act(tokens: list[Token], v: int, category: str, roles: RoleLexicon):
    """What the stance verb at ``v`` counts for its source, as an effect, or None.

    "Claimed": the writer's distance (:data:`CLAIM_VALENCE`); a category's
    ``source_valence`` ("denied": its source stands accused); the verb's own
    valence for the categories of ``_OWN_ACT`` (warm acts; attacks); nothing
    for the evaluation a verb makes of its counterpart; None for a neutral
    reporting verb.
    """
    if category == "claim":
        return ("restore", "the writer's distance ('claimed')", CLAIM_VALENCE)
    if category in roles.source_valence:
        return ("set", _SOURCE_ACT, roles.source_valence[category])
    if category in _OWN_ACT:
        note = _WARM if _OWN_ACT[category] == "warm" else "an attack of the source's own"
        return (_OWN_ACT[category], note, roles.word_valence.get(tokens[v].norm))
    if roles.patient[category] == "keep":  # the verb evaluates the counterpart
        return ("drop", "an evaluation of the source's counterpart", None)
    return None


def _source(tokens: list[Token], a: int, b: int, quotes, verbs, according, roles):
    """The target as the source (or addressee) of a stance verb, or None."""
    quoted = {i for s, e in quotes for i in range(s, e)} if quotes else _NONE_QUOTED
    for v, category in verbs:
        if not (a < v <= a + _NEAR or a - MAX_SOURCE_TOKENS <= v < a):
            continue  # too far to be the verb of this source (or addressee)
        if v in quoted or roles.agent[category] not in _STANCE:
            continue
        if is_passive(tokens, v) or _not_stance(tokens, v):
            continue  # "was criticized", "accused of", "called for": not a stance toward a counterpart
        if v and tokens[v - 1].norm in _NOUN_BEFORE:
            continue  # "Japan's claims", "the claims": a noun, not a verb
        if tokens[v].norm.endswith("ing"):
            continue  # "..., denouncing the plan": a participle; its subject is the main clause's
        invert = category in ("speech", "claim")  # '"...," said Lavrov'; not "..., denounced Trump"
        for s, e in source_span(tokens, v, quoted, roles.kind, invert):
            if s <= a and b <= e:
                own = set(range(s, e)) | (set(range(e, v + 1)) if e <= v else {v})
                act = _source_act(tokens, v, category, roles)
                effects = {v: act} if act else {}
                why = f"the source of {tokens[v].text!r}"
                return _scoped("source", own, effects, why, category in _SPEAKING)
        if roles.patient[category] in _STANCE and relation(tokens, a, b, v) == "patient":
            return _scoped("source", range(a, b), {}, f"the addressee of {tokens[v].text!r}")
    for s, e in according_to(tokens) if according else ():
        if s <= a and b <= e:
            return _scoped("source", range(s - 2, e), {}, "the source ('according to')", True)
    return None


# -- scoring ---------------------------------------------------------------------------


def _counted(reading: Reading, words: list[int], word_tokens, scope: _Scope, tokens, eng, near):
    """Each counted word's contribution: ``[(word, value, note), ...]``.

    ``words`` are the indices of the words that count or may count (rated,
    or the verb of an act whose valence is restored), ``word_tokens`` their
    tokens. The word's valence in the sentence reading, changed by the
    roles; negative values weighted by :data:`NEGATIVITY_WEIGHT`.
    """
    counted = []
    effects = scope.effects
    reversing = [v for v, (action, *_) in effects.items() if action == "reverse"]
    for k, t in zip(words, word_tokens, strict=True):
        if t not in scope.tokens:
            continue
        word, valence = reading.words[k], reading.valences[k]
        word = f"{word} (AFINN)" if k in reading.extra else word  # helpers.sentiment.supplement
        action, reason, fallback = effects.get(t, (None, "", None))
        note = ""
        if action == "set":  # the act's meaning for this role, whatever the verb's rating;
            # not negated: what an act presupposes survives negation ("did not apologize")
            valence, note = fallback, f"valence {fallback:+.1f} of the act ({reason})"
        elif not valence and action == "judge":
            valence, note = _judgement(tokens, t, fallback, eng)
        elif not valence:  # unrated in the sentence: a role may give the act a valence
            restored = action in ("restore", "own") or (action == "warm" and (fallback or 0) > 0)
            valence = eng.lexicon.get(word.lower(), fallback) if restored else None
            if not valence:
                continue
            note = f"valence {valence:+.1f} of the act ({reason})"
        elif action in ("drop", "reverse") or (action == "warm" and valence < 0):
            if action == "warm":
                reason = "an evaluation of the source's counterpart"
            counted.append((word, 0.0, f"not counted ({reason})"))
            continue
        elif action in ("warm", "own"):
            note = f"as {reason}"
        elif action == "positive":
            valence, note = abs(valence), f"as a win ({reason})"
        elif reversing:
            v = next((v for v in reversing if _in_object(tokens, v, t)), None)
            if v is not None:
                valence, note = valence * eng.n_scalar, f"reversed by {tokens[v].text!r}"
        if not near[0] <= t < near[1]:
            valence *= FAR_WEIGHT
            note = f"{note}, far from the target" if note else "far from the target"
        counted.append((word, valence * NEGATIVITY_WEIGHT if valence < 0 else valence, note))
    return counted


def _judging(scope: _Scope, judged: list[int], norms: list[str], roles: RoleLexicon, a: int):
    """``scope`` with the judgements inside it among its effects: words that judge a
    person (the roles list's ``judgement``), which the sentence reading leaves
    unrated, count for the target in whose scope they stand; a standing in a
    contest is reversed for a target just after "over" or "on" ("a lead over Le Pen",
    "a lead on Trump": the one behind; "on" since round 5 of issue 18)."""
    inside = [
        i
        for i in judged
        if i in scope.tokens and i not in scope.effects and _judges(norms, i, roles)
    ]
    if not inside:
        return scope
    effects = dict(scope.effects)
    for i in inside:
        value = roles.judgement[norms[i]]
        if i + 1 < a <= i + 4 and norms[i + 1] in ("over", "on") and norms[i] in roles.standing:
            value *= _REVERSED
        effects[i] = ("judge", "a judgement of a person", value)
    return _scoped(scope.role, scope.tokens, effects, scope.why, scope.speaker)


def _judges(norms: list[str], i: int, roles: RoleLexicon) -> bool:
    """Whether the judgement word at ``i`` is one here: not the first part of a
    hyphenated compound ("lead-up") nor before a word that makes it another
    word ("lead to": a cause; the list's ``not_before``), and, for a word the
    list gives cues (``only_near``), with one of them near ("a lead over",
    "leads in the polls"; not "lead the delegation", "follow the West's lead")."""
    after = norms[i + 1] if i + 1 < len(norms) else ""
    if after == "-" or after in roles.judgement_not_before.get(norms[i], ()):
        return False
    cues = roles.judgement_only_near.get(norms[i])
    return cues is None or not cues.isdisjoint(norms[max(0, i - CUE_TOKENS) : i + CUE_TOKENS + 1])


def _judgement(tokens: list[Token], t: int, valence: float, eng) -> tuple[float, str]:
    """The valence of the judgement at token ``t`` and its note: negated as VADER negates
    a rated word (a negation among the three words before it: "not qualified"), but
    not by "not only", which adds ("not only inept but ...")."""
    before = [tokens[i].norm for i in range(max(0, t - 3), t)]
    negated = [k for k, w in enumerate(before) if w in eng.negate or w.endswith("n't")]
    # "not only X (but also)" adds to X, it does not deny it.
    if negated and "only" not in before[negated[-1] + 1 :]:
        return valence * eng.n_scalar, "a judgement of a person, negated"
    return valence, "a judgement of a person"


def _in_object(tokens: list[Token], v: int, t: int) -> bool:
    """Whether token ``t`` lies in the object of the reversing verb at ``v``."""
    if not v < t <= v + _OBJECT_TOKENS:
        return False
    if v + 1 < len(tokens) and tokens[v + 1].norm in _NOT_REVERSED_AFTER:
        return False
    return all(tokens[i].text not in ",;:." for i in range(v + 1, t))


def target_tone(
    text: str,
    tokens: list[Token],
    span: tuple[int, int] | None,
    reading: Reading | None = None,
    *,
    domain: Any = None,
    roles: RoleLexicon | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    norms: list[str] | None = None,
    sentence: float | None = None,
) -> TargetTone:
    """The tone toward the target at character ``span`` of one sentence.

    Parameters
    ----------
    text : str
        One sentence.
    tokens : list of Token
        Its tokens (offsets may be shifted by a constant, as in a document).
    span : (start, end) or None
        The target's character offsets in ``text`` (:func:`locate_target`); None:
        not found, scored as such.
    reading : Reading, optional
        :meth:`~helpers.sentiment.vader.VaderEngine.news_reading` of the
        sentence; else read here with ``domain`` (None: VADER's lexicon alone).
    roles : RoleLexicon, optional
        Default :func:`helpers.sentiment.roles.role_lexicon`.
    threshold : float
        The neutral band of the label.
    norms : list of str, optional
        The tokens' ``norm``, when the caller has them.
    sentence : float, optional
        The sentence's score, when the caller has it (else computed if needed).

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> from helpers.sentiment.domain import domain_lexicon
    >>> from helpers.sentiment.target_place import locate_target
    >>> text = "Russia attacked Ukraine."
    >>> toks = tokenize(text)
    >>> [target_tone(text, toks, locate_target(text, toks, t), domain=domain_lexicon()).label
    ...  for t in ("Russia", "Ukraine")]
    ['negative', 'neutral']
    """
    if span is None or not tokens:
        return TargetTone(0.0, label(0.0, threshold), _NOT_FOUND, "not found", -1, -1)
    eng = engine()
    if reading is None:  # with AFINN's words VADER lacks (helpers.sentiment.supplement)
        reading = eng.news_readings(text, tokens, domain, supplement_lexicon())[1]
    roles = roles or role_lexicon()
    norms = norms if norms is not None else list(map(_NORM, tokens))
    rated = countable(reading.words, reading.valences, eng.lexicon)  # faint words do not count
    silent = not rated and may_count(roles).isdisjoint(norms)  # settled before the marks
    verbs, breaks, according, judged, phrases = _UNMARKED if silent else marked(norms, roles)
    if silent or not (rated or judged or phrases) and unrestorable(verbs, norms, roles):
        # Nothing can count: no rated word, and no act whose valence a role restores.
        return _silent(text, span, threshold)
    target, base = text[span[0] : span[1]], token_base(text, tokens)
    a = max(0, bisect_right(tokens, span[0] + base, key=_START) - 1)
    b = max(a + 1, bisect_right(tokens, span[1] - 1 + base, key=_START))
    scope = _scope(tokens, a, b, _quotes(text, tokens, base), verbs, breaks, according, roles)
    if judged:
        scope = _judging(scope, judged, norms, roles, a)
    scope = with_phrases(scope, phrases, tokens, a, b) if phrases else scope
    if scope.effects:  # an act's verb may count though the reading does not rate it
        near = (a - NEAR_TOKENS, b + NEAR_TOKENS)
        found = (reading, rated, scope, target, eng, _named(tokens, a, b), near)
        total, evidence = _with_effects(text, tokens, base, *found)
    else:  # the common case, kept lean: the words of the scope as the sentence reads them
        word_tokens = _word_tokens(text, tokens, base, reading, rated, norms)
        total, parts = _scope_words(tokens, a, b, reading, rated, word_tokens, scope)
        evidence = _line(target, scope, parts)
    if total and ("!" in text or "?" in text):
        total = _emphasised(total, tokens, scope)
    compound = round(eng.normalize(total), 4) if total else 0.0
    if not compound and scope.speaker:
        compound, evidence = _warm_source(sentence, text, reading, evidence)
    return _tone((compound, label(compound, threshold), evidence, scope.role, *span))


def _silent(text: str, span: tuple[int, int], threshold: float) -> TargetTone:
    """The tone toward the target at ``span`` of a sentence where nothing can count."""
    return _tone(
        (0.0, label(0.0, threshold), f"{text[slice(*span)]!r}: {_SILENT}", "clause", *span)
    )


def _emphasised(total: float, tokens, scope: _Scope) -> float:
    """``total`` with VADER's emphasis of the "!" and "?" inside the target's scope."""
    marks = "".join(tokens[i].text for i in scope.tokens if tokens[i].text in ("!", "?"))
    emphasis = punctuation_emphasis(marks)
    return total + (emphasis if total > 0 else -emphasis)


def _scope_words(tokens, a: int, b: int, reading: Reading, rated, word_tokens, scope: _Scope):
    """``(total, evidence parts)`` of the rated words inside the scope, as the sentence
    reads them: negative words weighted up, words far from the target ``tokens[a:b]``
    weighted down, capitalised words of the target left out (see :func:`_named`)."""
    total, parts, inside = 0.0, [], scope.tokens
    words, valences, extra = reading.words, reading.valences, reading.extra
    for k, t in zip(rated, word_tokens, strict=True):
        if t in inside and not (a <= t < b and tokens[t].text[:1].isupper()):
            value = valences[k]
            if value < 0:
                value *= NEGATIVITY_WEIGHT
            word = f"{words[k]} (AFINN)" if k in extra else words[k]
            if a - NEAR_TOKENS <= t < b + NEAR_TOKENS:
                parts.append(f"{word} {value:+.2f}")
            else:
                value *= FAR_WEIGHT
                parts.append(f"{word} {value:+.2f} far from the target")
            total += value
    return total, parts


SOURCE_WARMTH = 0.6
"""The sentence score from which the source of a statement shares its warmth.

Praise, thanks and hope reported as someone's words present the speaker
favourably too ("'A great choice,' said Ryan"), while blame reported as
someone's words is a stance toward its counterpart, not tone toward the
speaker; so only clearly warm sentences count, and only upward. Chosen on
the development 80% of NewsMTSC (0.4 to 0.7 gave the same macro-F1 within
0.003; issue 18, round 2).
"""


def _warm_source(sentence, text: str, reading: Reading, evidence: str) -> tuple[float, str]:
    """The sentence's score when it is warm (the source shares it), else 0; and the evidence.
    ``sentence``: that score when the caller has it, else None (computed from ``reading``)."""
    if sentence is None:
        sentence = engine().scores(reading.valences, punctuation_emphasis(text))[0]
    if sentence < SOURCE_WARMTH:
        return 0.0, evidence
    return sentence, f"{evidence}; warm words of the source (sentence {sentence:+.2f}) count for it"


def _named(tokens: list[Token], a: int, b: int) -> frozenset[int]:
    """The target's own capitalised tokens: a name's words ("Winner", "Hope") say nothing
    about its bearer, so they never count toward the tone (issue 18, round 2)."""
    return frozenset(i for i in range(a, b) if tokens[i].text[:1].isupper())


def _with_effects(
    text, tokens, base, reading, rated, scope, target, eng, named=frozenset(), near=(0, 10**9)
) -> tuple[float, str]:
    """The sum and the evidence when acts change what counts (roles, restored valences)."""
    spans = reading.spans or news_words(text, spans=True)[1]
    rated = sorted(
        set(rated)
        | {bisect_right(spans, tokens[v].start - base, key=_FIRST) - 1 for v in scope.effects}
    )
    kept = [
        (k, t)
        for k in rated
        if (t := bisect_right(tokens, spans[k][0] + base, key=_START) - 1) not in named
    ]
    rated, word_tokens = [k for k, _ in kept], [t for _, t in kept]
    counted = _counted(reading, rated, word_tokens, scope, tokens, eng, near)
    return sum(v for _, v, _ in counted), _evidence(target, scope, counted)


def _word_tokens(text, tokens, base, reading, rated, norms) -> list[int]:
    """The token of each rated word (indices into ``reading.words``), in text order.

    With the words' spans, by their offsets. Without them (a reading made
    without spans: no domain hits), each rated word is found as the next
    token with its form (``norms``), searched in C; a word that is no token
    of its own ("well-known") makes the spans be computed after all.
    """
    spans = reading.spans
    if spans is None:
        found, start, words = [], 0, reading.words
        try:
            for k in rated:
                start = norms.index(words[k].lower(), start)
                found.append(start)
                start += 1
            return found
        except ValueError:
            spans = news_words(text, spans=True)[1]
    return [bisect_right(tokens, spans[k][0] + base, key=_START) - 1 for k in rated]


def _line(target: str, scope: _Scope, parts: list[str]) -> str:
    head = f"{target!r} as {scope.why}"
    return f"{head}: {'; '.join(parts)}" if parts else f"{head}: no rated word counts"


def _evidence(target: str, scope: _Scope, counted) -> str:
    """The words that decided the tone, and the rules, in one line."""
    return _line(
        target, scope, [f"{w} {v:+.2f}" + (f" {note}" if note else "") for w, v, note in counted]
    )
