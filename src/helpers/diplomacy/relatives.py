"""Relative clauses and that-clauses: which noun phrase a verb's clause hangs on.

The event coder (:mod:`helpers.diplomacy.event_coding`) takes a verb's source
from the actor before it in its clause. A relative clause breaks that rule
twice: its own verb's subject is the noun phrase its pronoun refers back to
("condemned a government that seized power": not Mali), and a main verb after
a relative clause closed off by commas has its subject before that clause
("The Kremlin, which brokered the ceasefire, reacted coolly"). A "that" is not
always a relative pronoun: after a verb of saying it opens the content ("warned
that attacks would ..."), after a preposition it is a demonstrative ("of that
attack"). Everything here reads the surface (tokens, actor mentions, the
sentence's event words), without a parse tree. Added for issue 14, from
reading the coder's output on freshly written sentences, not a labelled set.

Examples
--------
>>> from helpers.text import tokenize
>>> tokens = tokenize("a priest who was accused")
>>> relative_verb(tokens, 4), relative_pronoun(tokens, 4)
(True, 2)
>>> relative_pronoun(tokenize("victims of that attack"), 3)
-1
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from helpers.actors import Mention
from helpers.diplomacy.attribution import ADDRESSEE_VERBS, NOUN_MARKERS, Attribution
from helpers.diplomacy.cameo import cameo_code
from helpers.diplomacy.dictionaries import dictionary
from helpers.diplomacy.phrases import POSSESSIVE_MARKS, POSSESSIVE_PRONOUNS
from helpers.diplomacy.sentence import Sentence
from helpers.diplomacy.words import token_index

_TOK_START = attrgetter("tok_start")

# Relative pronouns, and the auxiliaries and adverbs that may stand between one
# and its verb ("who was accused", "which had long attracted", "that have left").
_RELATIVES = frozenset("who which whom that".split())
_AUXILIARIES = frozenset(
    "is are was were be been being has have had will would could can may might "
    "should shall must also reportedly allegedly later long not n't".split()
)
# Prepositions: a "that" after one is a demonstrative ("of that attack"), never a relative
# pronoun, which follows the noun it refers back to.
_NOT_AFTER_RELATIVE = frozenset(
    "of in on at to for from with by about against after before over under into".split()
)
#: How far back a subject may stand before the clause of its verb, across a relative clause.
RELATIVE_REACH = 40
_SENTENCE_STOPS = frozenset({".", ";", ":", "?", "!"})


def _past_auxiliaries(tokens, a: int, most: int) -> int:
    """Index of the word before ``a`` once at most ``most`` auxiliaries or adverbs are
    passed over ("who was accused", "and would take"); -1 at the sentence start."""
    k = a - 1
    while k >= 0 and a - k <= most and tokens[k].norm in _AUXILIARIES:
        k -= 1
    return k


def after_and(tokens, a: int) -> bool:
    """Whether the verb at ``a`` follows "and", with at most two auxiliaries or adverbs
    between ("... and would take", "... and later deployed")."""
    k = _past_auxiliaries(tokens, a, 2)
    return k >= 0 and tokens[k].norm == "and"


def relative_verb(tokens, a: int) -> bool:
    """Whether the event word at ``a`` is the verb of a relative clause.

    "A priest who was accused of molesting a boy was arrested by police": the
    relative clause describes the priest; the sentence's act is the arrest.
    The verb follows its pronoun, with at most three auxiliaries or adverbs
    between. A "that" after a reporting verb opens reported speech instead,
    which ranks the same (1). Added for issue 14 (ConfliBERT development set).
    """
    k = _past_auxiliaries(tokens, a, 3)
    return k >= 0 and tokens[k].norm in _RELATIVES


# What opens an apposition's noun phrase: a determiner or a possessive pronoun ("a close
# ally", "its main creditor"); a possessor ("Serbia's traditional ally") is read apart.
_APPOSITION_OPENERS = frozenset({"the", "a", "an", *POSSESSIVE_PRONOUNS})
# What may stand before the subject an apposition follows: its clause opens there.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "—", "–", '"', "“", "and", "but"})
# The marks that end an apposition's stretch (a comma closes it; a stop, no apposition).
_STRETCH_MARKS = frozenset({",", ".", ";", ":", "?", "!"})
# The longest apposition read, in tokens between its commas.
_APPOSITION_TOKENS = 8


def in_apposition(s: Sentence, a: int) -> bool:
    """Whether the event word at ``a`` stands in an apposition between a name and its verb.

    "Russia, Serbia's traditional ally, condemned the pressure": the noun phrase
    between the commas describes Russia, and "ally" is no act of the sentence
    (the PETRARCH2 verb "ally" reads it as one). The stretch follows a
    capitalised word, is followed by a lower-case word (the verb), opens with a
    determiner, a possessive pronoun or a possessor, and holds no auxiliary,
    relative word or participle, which would make it a clause. Added on
    6 December from reading the coder on a freshly written article.

    Examples
    --------
    >>> from helpers.actors import load_actors
    >>> from helpers.text import tokenize
    >>> def sentence(text):
    ...     tokens = tokenize(text)
    ...     return Sentence(tokens, text, 0, [], load_actors().find(tokens), {})
    >>> in_apposition(sentence("Russia, Serbia's traditional ally, condemned it."), 5)
    True
    >>> in_apposition(sentence("In response, the EU imposed sanctions, officials said."), 5)
    False
    """
    c1, c2 = s.around(a, _STRETCH_MARKS)
    if c1 < 0 or a - c1 > _APPOSITION_TOKENS or c2 - a > _APPOSITION_TOKENS:
        return False
    return a > c1 + 1 and _apposition(s, c1, c2)


def _apposition(s: Sentence, c1: int, c2: int) -> bool:
    """Whether ``tokens[c1 + 1 : c2]``, between two commas, is an apposition of the name
    before ``c1`` followed by its verb (see :func:`in_apposition`). The name is an actor
    mention or a capitalised word inside the sentence ("Also," opens one: no name) that
    opens its clause, as a subject does."""
    tokens = s.tokens
    n = len(tokens)
    if c1 < 1 or c2 + 1 >= n or c2 - c1 < 3 or tokens[c1].norm != "," or tokens[c2].norm != ",":
        return False
    verb = tokens[c2 + 1].text
    if not (verb[:1].islower() and verb.isalpha()):
        return False
    mention = s.nearest_before(c1, 0)
    if mention is not None and mention.tok_end == c1:
        start = mention.tok_start
    elif c1 > 1 and tokens[c1 - 1].text[:1].isupper():
        start = c1 - 1
        while (
            start > 0 and c1 - start < _APPOSITION_TOKENS and tokens[start - 1].text[:1].isupper()
        ):
            start -= 1
    else:
        return False
    if start > 0 and tokens[start - 1].norm not in _CLAUSE_OPENERS:
        return False  # "According to X, ...", "the son of X, ...": X is no clause's subject
    stretch = tokens[c1 + 1 : c2]
    possessor = len(stretch) > 2 and stretch[1].norm in POSSESSIVE_MARKS
    if not (stretch[0].norm in _APPOSITION_OPENERS or possessor):
        return False
    return not any(
        t.norm in _AUXILIARIES
        or t.norm in _RELATIVES
        or (len(t.norm) > 4 and t.norm.endswith(("ed", "ing")))
        for t in stretch
    )


def relative_pronoun(tokens, a: int) -> int:
    """Index of the relative pronoun whose clause the verb at ``a`` heads, else -1
    ("who was accused": see :func:`relative_verb`)."""
    k = _past_auxiliaries(tokens, a, 3)
    if k <= 0 or tokens[k].norm not in _RELATIVES:
        return -1
    if tokens[k].norm == "that":
        before = tokens[k - 1].norm
        if k == a - 1 and before in _NOT_AFTER_RELATIVE:
            return -1  # "the victims of that attack": a demonstrative before a noun
        if len(before) > 4 and before.endswith("ed") and not before.endswith("eed"):
            return -1  # "flattered that", "noted that": a participle takes a that-clause
    return k


def complementizer(s: Sentence, hits, pronoun: int, attribution: Attribution | None) -> bool:
    """Whether the "that" at ``pronoun`` opens the content of reported speech ("said that
    ...") or of the event verb right before it ("warned that attacks would ...").

    ``hits`` are the sentence's event words in text order; ``attribution`` is the
    reported speech that holds the verb being coded, if any. Not a complementizer when
    the words between the reporting verb and "that" are a short noun phrase with a
    determiner, the object of a verb that takes no addressee: "condemned a government
    that seized power" (a relative clause); "said in a statement that", "told Japan
    that" and "warned the council that" report speech.
    """
    tokens = s.tokens
    token = tokens[pronoun]
    if token.norm != "that":
        return False
    before = bisect_left(hits, pronoun, key=_TOK_START) - 1  # the event word before "that"
    if before >= 0 and hits[before].tok_end == pronoun:
        # A verbal act takes a that-clause ("warned that attacks would ..."); a material
        # one is a noun with a relative clause ("attacks that killed four soldiers").
        return _verbal(hits[before])
    if attribution is None or attribution.content_start <= token.start:
        return False
    first = token_index(tokens, attribution.verb_end)
    between = tokens[first:pronoun] if 0 <= pronoun - first <= 3 else ()
    object_phrase = (
        2 <= len(between) <= 3
        and between[0].norm in NOUN_MARKERS
        and attribution.verb.casefold() not in ADDRESSEE_VERBS
        and s.nearest_before(pronoun, pronoun - len(between)) is None
    )
    return not object_phrase


def _verbal(hit) -> bool:
    """Whether an event word's CAMEO code is a verbal act (quad classes 1 and 3)."""
    attrs = (
        hit.attrs
        if "cameo" in hit.attrs
        else dictionary("events").category_attrs.get(hit.category, {})
    )
    return cameo_code(str(attrs.get("cameo", "010"))).quad_class.startswith("verbal")


def antecedent_of(s: Sentence, pronoun: int) -> Mention | None:
    """The actor mention a relative pronoun refers back to: the one that ends right before
    it, or before the comma before it ("Russia, which invaded Ukraine"); None when the
    noun phrase there is no actor ("a government that seized power")."""
    end = pronoun - 1 if s.tokens[pronoun - 1].norm == "," else pronoun
    found = s.nearest_before(end, 0)
    return found if found is not None and found.tok_end == end else None


def before_relative_clause(s: Sentence, lower: int) -> Mention | None:
    """The actor before ", which/who/whose ...," when the clause starting at ``lower`` follows
    that comma ("The Kremlin, which brokered the ceasefire, reacted coolly"), else None.

    Looks back at most :data:`RELATIVE_REACH` tokens (bounded work on endless lines).
    """
    tokens = s.tokens
    if lower < 4 or tokens[lower - 1].norm != ",":
        return None
    for k in range(lower - 2, max(1, lower - RELATIVE_REACH), -1):
        norm = tokens[k].norm
        if norm in _SENTENCE_STOPS:
            return None
        if norm in ("who", "which", "whose") and tokens[k - 1].norm == ",":
            return antecedent_of(s, k)
    return None


def before_apposition(s: Sentence, lower: int) -> Mention | None:
    """The actor before ", <apposition>," when the clause starting at ``lower`` follows it
    ("China, the country's biggest creditor, agreed ...": China; see :func:`in_apposition`),
    else None.

    Examples
    --------
    >>> from helpers.diplomacy.sentence import Sentence
    >>> from helpers.actors import load_actors
    >>> from helpers.text import tokenize
    >>> tokens = tokenize("China, the country's biggest creditor, agreed.")
    >>> s = Sentence(tokens, "", 0, [], load_actors().find(tokens), {})
    >>> before_apposition(s, 8).text
    'China'
    """
    if lower < 4 or s.tokens[lower - 1].norm != ",":
        return None
    c1 = s.around(lower - 1, _STRETCH_MARKS)[0]
    if c1 < 0 or lower - c1 > _APPOSITION_TOKENS + 2 or not _apposition(s, c1, lower - 1):
        return None
    found = s.nearest_before(c1, 0)
    return found if found is not None and found.tok_end == c1 else None
