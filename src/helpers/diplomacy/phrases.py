"""Where the speaker of a reporting verb stands: the noun phrase before or after it.

Word order and closed word classes of English, no parser. A phrase is a
:class:`Phrase`: the noun phrase itself (cut before a relative or
participle clause), an apposition beside it ("Dmitry Polyanskiy, Russia's
deputy ambassador,") and the relative clause after it ("who heads the
government's negotiating team"), which :mod:`helpers.diplomacy.speakers`
reads for the actor.

subject (:func:`phrase_before`)
    The noun phrase that ends right before the verb, after adverbs and
    auxiliaries ("has also said"). Walking left it takes nouns, names,
    adjectives, "of/at/from/for/in/to/with/by/on" with their objects, and
    "and" between two nouns; it stops at a clause word ("that", "what",
    "because" ...), a verb or punctuation. When a comma stands before the
    verb, the stretches between commas are read from right to left:
    relative and participle clauses ("who chaired the meeting", "formed by
    lawmakers") and predicates are passed over, and one noun phrase, or two
    in a row (a name and its apposition), make the speaker; a stretch that
    opens with a preposition ("In a statement carried by state television")
    ends the search. A verb after "and" shares the subject of the verb
    before it ("condemned the sanctions as ... and said").
inverted (:func:`phrase_after`)
    A verb that opens its clause takes the noun phrase after it and its
    apposition ("..., said Olof Gill, the Commission's trade spokesman").
according to (:func:`phrase_after` with ``loose=True``)
    The noun phrase after "according to" ("according to military
    estimates", "according to two diplomats involved in the drafting").
participle (:func:`participle_phrase`)
    "..., saying" and "..., telling" take the subject of the verb before.

Every walk is bounded (:data:`MAX_PHRASE` tokens, a few comma stretches),
so the work per verb does not grow with the sentence.
"""

from __future__ import annotations

from typing import NamedTuple

from helpers.text import Token

# Closed word classes of English (grammar, not research content).
DETERMINERS = frozenset(
    "the a an this that these those some several many few both all each every another any "
    "no most one two three four five six seven eight nine ten dozens hundreds thousands".split()
)
#: Possessive pronouns and the pronoun whose referent they take.
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
RELATIVES = frozenset({"who", "whom", "whose", "which", "where", "when"})
POSSESSIVE_MARKS = frozenset({"'s", "'"})
# Words that open a clause: a subject never reaches across them.
_CLAUSE_WORDS = frozenset(
    "that because as while if when after before although though since despite what whether how "
    "why but or so than where which who whom whose then once until unless nor and".split()
)
_AUXILIARIES = frozenset(
    "has have had is are was were be been being will would could can may might must shall "
    "should did does do 've 'll 'd".split()
)
# Adverbs that stand between a subject and its verb ("has also said").
_ADVERBS = frozenset(
    "also again later previously repeatedly once earlier separately then still already publicly "
    "privately recently reportedly further too first finally initially subsequently meanwhile "
    "jointly not n't never now today yesterday quickly immediately promptly swiftly angrily "
    "flatly strongly however even just only often always long".split()
)
# "on Thursday", "this week", "last month": a time between a subject and its verb.
_TIMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week weekend month year morning "
    "afternoon evening night january february march april may june july august september "
    "october november december".split()
)
_TIME_OPENERS = frozenset({"on", "this", "last", "next", "in", "late", "early", "that"})
NP_PREPOSITIONS = frozenset("of at from for in to with by on across around near inside".split())
# A stretch that opens with one of these is an adverbial, not part of a subject.
_ADVERBIAL = frozenset(
    "in on at after before during with for from by under despite according amid following "
    "since as while when asked earlier later meanwhile separately however also but and yet "
    "still instead".split()
)
_SEPARATORS = frozenset({",", "—", "–", "(", ")"})
_STOPS = frozenset({";", ":", ".", "!", "?", '"', "[", "]"})
# Participles used as adjectives inside a noun phrase ("armed groups", "the so-called").
_ADJECTIVAL = frozenset(
    "armed united called elected detained unnamed leading ruling governing".split()
)
#: A noun phrase longer than this many tokens is not read as one speaker.
MAX_PHRASE = 16
# At most this many comma stretches are read before a verb.
_MAX_STRETCHES = 6
# How far back a verb before "and" or a participle is looked for, in tokens.
_VERB_WINDOW = 40


class Phrase(NamedTuple):
    """A speaker phrase: token spans ``[start, end)`` of the noun phrase, its apposition
    and the relative clause after it (``(-1, -1)`` when absent), and the position rule."""

    start: int
    end: int
    apposition: tuple[int, int]
    relative: tuple[int, int]
    rule: str


_NONE = (-1, -1)


def capitalised(token: Token) -> bool:
    """True for a token written with a capital first letter ("Lavrov", "UN")."""
    return token.text[:1].isupper()


def verb_like(tokens: list[Token], i: int, predicates) -> bool:
    """True when ``tokens[i]`` reads as a verb.

    ``predicates`` maps the positions where the sentence's reporting, ladder
    and event words start to True for a reporting verb (False for the
    others); other lower-case words count as verbs when they
    are auxiliaries or participles ("-ed", "-ing") not used as adjectives
    after a determiner, a possessive or a hyphen ("the ruling party").
    """
    token = tokens[i]
    norm = token.norm
    if norm in _AUXILIARIES:
        return True
    if token.text[:1].isupper() or not token.text[:1].isalpha():
        return False
    before = tokens[i - 1].norm if i else ""
    nominal = before in DETERMINERS or before in POSSESSIVE_PRONOUNS or before in POSSESSIVE_MARKS
    if i in predicates:
        return not (nominal or before == "-")
    if len(norm) > 4 and norm.endswith(("ed", "ing")) and norm not in _ADJECTIVAL:
        return not (nominal or before == "-" or before.endswith("ly"))
    return False


# Determiners that stand for a noun phrase of their own ("noted another", "others said").
_PRONOMINAL = frozenset({"another", "others", "one", "some", "many", "several", "both", "all"})


def _nominal_head(token: Token) -> bool:
    """True when a phrase may end in ``token``: a word that is no determiner, preposition or clause word."""
    norm = token.norm
    return (
        token.text[:1].isalnum()
        and (norm not in DETERMINERS or norm in _PRONOMINAL)
        and norm not in NP_PREPOSITIONS
        and norm not in _CLAUSE_WORDS
        and norm not in _ADVERBS
        and norm not in _AUXILIARIES
        and norm not in POSSESSIVE_PRONOUNS
    )


def opens_clause(tokens: list[Token], a: int) -> bool:
    """True when the word at ``a`` is the first of its clause (sentence start, after punctuation)."""
    return a == 0 or tokens[a - 1].norm in _SEPARATORS or tokens[a - 1].norm in _STOPS


# -- before the verb --------------------------------------------------------------------------
def phrase_before(tokens: list[Token], a: int, predicates, rule: str = "subject") -> Phrase | None:
    """The subject noun phrase of the verb at ``a``, or None."""
    i = a - 1
    while i >= 0:
        if tokens[i].norm in _ADVERBS or tokens[i].norm in _AUXILIARIES or _adverb(tokens[i]):
            i -= 1
        elif i > 0 and tokens[i].norm in _TIMES and tokens[i - 1].norm in _TIME_OPENERS:
            i -= 2  # "Wilbur Ross on Thursday dismissed ...", "officials this week said"
        elif i > 0 and tokens[i].norm == "of" and tokens[i - 1].norm in _TIMES:
            i -= 1  # "on Monday of this week"
        else:
            break
    if i < 0:
        return None
    norm = tokens[i].norm
    if norm in ("and", "but", "or"):
        if rule != "subject":
            return None  # one step back only
        verb = _verb_before(tokens, i, predicates)
        if verb is None:
            return None
        return phrase_before(tokens, verb, predicates, "subject shared with the verb before 'and'")
    if norm in _SEPARATORS:
        return _from_stretches(tokens, i, predicates, rule)
    if norm in _STOPS or not _nominal_head(tokens[i]) and norm not in PRONOUNS:
        return None
    if norm in PRONOUNS:
        return Phrase(i, i + 1, _NONE, _NONE, rule)  # "he said": the pronoun alone
    start = _walk_left(tokens, i, predicates)
    if start is None:
        return None
    core = cut_relative(tokens, start, i + 1, predicates)
    if core <= start:
        return None
    relative = (core, i + 1) if core <= i else _NONE
    return Phrase(start, core, _NONE, relative, rule)


def _adverb(token: Token) -> bool:
    """A lower-case word in "-ly" ("vehemently denied", "She specifically said")."""
    norm = token.norm
    return len(norm) > 4 and norm.endswith("ly") and token.text[:1].islower()


def _verbs_before(tokens: list[Token], i: int, predicates, stops=(";", ".", "!", "?")):
    """The verbs before token ``i`` in its sentence, nearest first (a quotation is passed over
    whole: it is not the predicate), at most :data:`_VERB_WINDOW` tokens back."""
    lower = max(0, i - _VERB_WINDOW)
    k = i - 1
    while k >= lower:
        norm = tokens[k].norm
        if norm in stops:
            return
        if norm == '"':  # go to the quotation's opening mark
            k -= 1
            while k >= lower and tokens[k].norm != '"':
                k -= 1
        elif verb_like(tokens, k, predicates) and norm not in _AUXILIARIES:
            yield k
        k -= 1


def _verb_before(tokens: list[Token], i: int, predicates) -> int | None:
    """The verb before ``i`` that a later verb or participle shares its subject with, or None:
    the nearest reporting verb in the sentence ("said the deal showed ... and warned"),
    else the nearest verb."""
    nearest = None
    for k in _verbs_before(tokens, i, predicates):
        if predicates.get(k):
            return k
        if nearest is None:
            nearest = k
    return nearest


def participle_phrase(tokens: list[Token], a: int, predicates) -> Phrase | None:
    """ "..., saying" / "..., telling": the subject of the clause before the comma, or None.

    The subject of the first verb of that clause that has one ("On Tuesday,
    Japan reacted as expected, declaring ...": Japan).
    """
    if a < 2 or tokens[a - 1].norm != "," or not tokens[a].norm.endswith("ing"):
        return None
    verbs = list(_verbs_before(tokens, a - 1, predicates, (";", ".", "!", "?", ":")))
    for verb in reversed(verbs):
        found = phrase_before(tokens, verb, predicates, "participle takes the main subject")
        if found is not None:
            return found
    return None


def _walk_left(tokens: list[Token], i: int, predicates) -> int | None:
    """First token of the noun phrase ending at ``i`` (inclusive), or None when it is too long."""
    k = i - 1
    while k >= 0 and i - k < MAX_PHRASE:
        token = tokens[k]
        norm = token.norm
        if norm in _SEPARATORS or norm in _STOPS or norm in _AUXILIARIES or norm in PRONOUNS:
            break
        if len(norm) == 4 and norm.isdigit():
            break  # a year ends an adverbial before the subject ("in 2016 Mr Trump said")
        if norm == "and":
            # "The Philippines and Indonesia": "and" between two nouns, not before a clause.
            if k == 0 or not _nominal_head(tokens[k - 1]) or verb_like(tokens, k - 1, predicates):
                break
        elif norm in _CLAUSE_WORDS or norm in RELATIVES:
            break
        elif verb_like(tokens, k, predicates) and not _reduced_relative(tokens, k, i):
            break
        k -= 1
    else:
        if k >= 0:
            return None  # longer than MAX_PHRASE: not one speaker
    start = k + 1
    # A phrase does not open with a preposition, "and" or a quotation mark.
    while start < i and (
        tokens[start].norm in NP_PREPOSITIONS
        or tokens[start].norm == "and"
        or not tokens[start].text[:1].isalnum()
    ):
        start += 1
    return start


def _reduced_relative(tokens: list[Token], k: int, i: int) -> bool:
    """True for a participle that opens a clause inside a noun phrase ("officials involved
    in the talks"): after a noun, before a preposition, and not the phrase's last word."""
    if k == 0 or k >= i or not tokens[k].norm.endswith(("ed", "ing")):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return after.norm in NP_PREPOSITIONS and _nominal_head(before) and before.norm not in PRONOUNS


def _stretches_left(tokens: list[Token], sep: int) -> list[tuple[int, int]]:
    """The comma stretches before the separator at ``sep``, right to left, up to a stop."""
    stretches = []
    end = sep
    k = sep - 1
    while len(stretches) < _MAX_STRETCHES:
        start = k
        while start >= 0 and sep - start < 4 * MAX_PHRASE:
            norm = tokens[start].norm
            if norm in _SEPARATORS or norm in _STOPS:
                break
            start -= 1
        stretches.append((start + 1, end))
        if start < 0 or tokens[start].norm not in _SEPARATORS:
            break
        end, k = start, start - 1
    return stretches


def stretch_kind(tokens: list[Token], a: int, b: int, predicates) -> str:
    """``np`` (a noun phrase), ``relative`` (a relative or participle clause), ``adverbial``,
    ``clause`` (a predicate or a clause with its own verb) or ``empty``."""
    if a >= b:
        return "empty"
    first = tokens[a]
    norm = first.norm
    if norm in RELATIVES:
        return "relative"
    if norm in _ADVERBIAL or norm in _ADVERBS:
        return "adverbial"
    if not capitalised(first) and verb_like(tokens, a, predicates):
        return "relative" if norm.endswith(("ed", "ing", "en")) else "clause"
    core = cut_relative(tokens, a, b, predicates)
    if any(t.norm in _AUXILIARIES for t in tokens[a:core]):
        return "clause"
    if core - a > MAX_PHRASE or not _nominal_head(tokens[core - 1]):
        return "clause"
    return "np"


def cut_relative(tokens: list[Token], a: int, b: int, predicates) -> int:
    """Where the noun phrase in ``tokens[a:b]`` ends: before a relative word or a participle
    that opens a clause ("the diplomat who leads ...", "a newspaper published by ...")."""
    for k in range(a + 1, b):
        token = tokens[k]
        norm = token.norm
        if norm in RELATIVES:
            return k
        if norm.endswith(("ed", "ing")) and verb_like(tokens, k, predicates):
            following = tokens[k + 1].norm if k + 1 < b else ""
            if k + 1 == b or following in NP_PREPOSITIONS or following in DETERMINERS:
                return k
    return b


def _from_stretches(tokens: list[Token], sep: int, predicates, rule: str) -> Phrase | None:
    """The subject among the comma stretches before ``sep`` (see the module docstring)."""
    stretches = _stretches_left(tokens, sep)
    kinds = [stretch_kind(tokens, a, b, predicates) for a, b in stretches]
    k, relative = 0, _NONE
    while k < len(kinds) and kinds[k] in ("relative", "clause", "empty"):
        if kinds[k] == "relative":
            relative = stretches[k]
        elif kinds[k] == "clause" and k == 0 and len(kinds) == 1:
            return None
        k += 1
    if k == len(kinds) or kinds[k] != "np":
        return None
    a, b = stretches[k]
    core = cut_relative(tokens, a, b, predicates)
    if core < b:
        relative = (core, b)
    if k + 1 < len(kinds) and kinds[k + 1] == "np":
        a2, b2 = stretches[k + 1]
        core2 = cut_relative(tokens, a2, b2, predicates)
        return Phrase(a2, core2, (a, core), relative, rule)
    return Phrase(a, core, _NONE, relative, rule)


# -- after the verb ---------------------------------------------------------------------------
def phrase_after(tokens: list[Token], b: int, predicates, loose: bool = False) -> Phrase | None:
    """The noun phrase that starts at ``b`` with its apposition, or None.

    ``loose=False`` (an inverted verb) wants a phrase that opens with a name,
    a determiner, a number or a pronoun; ``loose=True`` ("according to")
    takes any word that can open a noun phrase.
    """
    n = len(tokens)
    if b >= n:
        return None
    first = tokens[b]
    norm = first.norm
    if norm in _SEPARATORS or norm in _STOPS or norm in NP_PREPOSITIONS or norm in _ADVERBS:
        return None
    opens = capitalised(first) or norm in DETERMINERS or norm in POSSESSIVE_PRONOUNS
    end = _stretch_end(tokens, b)
    core = cut_relative(tokens, b, end, predicates)
    if not (opens or norm in PRONOUNS or norm.isdigit() or loose):
        # "said glacier expert Robert Bingham": a title in lower case before a name.
        if verb_like(tokens, b, predicates) or not capitalised(tokens[core - 1]):
            return None
    if core - b > MAX_PHRASE or not _nominal_head(tokens[core - 1]):
        return None
    if not loose and core == end and not _words_end(tokens, end):
        return None  # "..., said the first aircraft could ...": a clause, not a speaker
    if not loose and any(verb_like(tokens, k, predicates) for k in range(b + 1, core)):
        return None  # "..., said he will pull out": a clause
    rule = "according to" if loose else "inverted"
    if core < end:
        return Phrase(b, core, _NONE, (core, end), rule)
    apposition, relative = _NONE, _NONE
    if end < n and tokens[end].norm in _SEPARATORS:
        a2 = end + 1
        b2 = _stretch_end(tokens, a2)
        kind = stretch_kind(tokens, a2, b2, predicates)
        if kind == "np":
            core2 = cut_relative(tokens, a2, b2, predicates)
            apposition = (a2, core2)
            if core2 < b2:
                relative = (core2, b2)
        elif kind == "relative":
            relative = (a2, b2)
    return Phrase(b, core, apposition, relative, rule)


def _words_end(tokens: list[Token], end: int) -> bool:
    """True when the phrase ending at ``end`` is followed by punctuation or nothing."""
    return end >= len(tokens) or tokens[end].norm in _SEPARATORS or tokens[end].norm in _STOPS


def _stretch_end(tokens: list[Token], a: int) -> int:
    """One past the last token of the stretch that starts at ``a`` (up to a comma or stop)."""
    n = len(tokens)
    k = a
    while k < n and k - a < 4 * MAX_PHRASE:
        norm = tokens[k].norm
        if norm in _SEPARATORS or norm in _STOPS:
            break
        k += 1
    return k


# -- the subject of any clause ----------------------------------------------------------------
def clause_subject(tokens: list[Token], a: int, predicates) -> Phrase | None:
    """The subject of the clause that holds the word at ``a`` (a verb or a noun after one).

    A verb ("condemned") takes the phrase before it; a noun ("expressed
    concern") the subject of the nearest verb before it in the sentence
    (quotations passed over).
    """
    if _verb_form(tokens, a):
        found = phrase_before(tokens, a, predicates)
        if found is not None:
            return found
    verb = _verb_before(tokens, a, predicates)
    if verb is None:
        return None
    return phrase_before(tokens, verb, predicates)


def coordinated(s, phrase: Phrase) -> list:
    """The actor mentions joined by "and" (or a comma) at the top of a noun phrase
    ("Japan and Australia", "Britain, France and Germany"), in text order."""
    tokens = s.tokens
    a, b = phrase.start, phrase.end
    inside = [m for m in s.mentions if a <= m.tok_start and m.tok_end <= b]
    if len(inside) < 2:
        return []
    joined = []
    for m in inside:
        before = tokens[m.tok_start - 1].norm if m.tok_start > a else ""
        after = tokens[m.tok_end].norm if m.tok_end < b else ""
        if before in ("", "and", ",", "the") and after in ("", "and", ","):
            joined.append(m)
    return joined if len(joined) >= 2 else []


def _verb_form(tokens: list[Token], a: int) -> bool:
    """True for a word written as a verb: "-ed", "-s", "-ing", or after an auxiliary,
    a negation or "to" ("condemned", "rejects", "cannot accept"); "concern" is a noun."""
    norm = tokens[a].norm
    if norm.endswith(("ed", "s", "ing")) and tokens[a].text[:1].islower():
        return True
    before = tokens[a - 1].norm if a else ""
    return before in _AUXILIARIES or before in ("not", "n't", "cannot", "to", "never")
