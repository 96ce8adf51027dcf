"""Who did what to whom: the verbs that route tone between an act's agent and its patient.

``data/lexicons/sentiment_roles.yml`` lists verbs by the kind of act they
name (reporting speech, criticising or praising a counterpart, harming,
penalising, reversing, winning) and says, per kind, whether the verb's
valence counts for its agent and for its patient. This module reads the list
(:func:`role_lexicon`) and finds, without a parser, how a target stands to
an act in one sentence's tokens (:func:`relation`, :func:`source_span`).

The reading is syntax-free and deliberately short-sighted: the agent is the
noun phrase just before the verb (allowing auxiliaries, adverbs and a comma
apposition between), or after "by" in the passive; the patient is the noun
phrase just after the verb (allowing a determiner, a possessive or a title),
or the subject of a passive. A target further away stands in no relation to
the act, and the act's valence counts for it as any other word of its
clause.

Examples
--------
>>> from helpers.text import tokenize
>>> roles = role_lexicon()
>>> roles.kind["condemned"], roles.agent["counterpart"], roles.patient["counterpart"]
('counterpart', 'own_words', 'keep')
>>> toks = tokenize("Japan condemned Russia's decision.")
>>> relation(toks, 0, 1, 1), relation(toks, 2, 3, 1)
('agent', 'patient')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from helpers.errors import DictionaryError
from helpers.text import Token

#: The roles list, a dictionary in ``data/lexicons``.
ROLES_LEXICON = "sentiment_roles"

#: What a kind of act may do to the valence of its verb, for its agent or patient.
ROLE_ACTIONS = ("keep", "drop", "reverse", "positive", "own_words", "set")

# Categories that name no act: prepositions of circumstance and names of times.
_PLAIN_CATEGORIES = ("circumstance", "time_names")
#: The category of words that judge a person, with a valence of their own for
#: the tone toward a target only (see :attr:`RoleLexicon.judgement`).
JUDGEMENT = "judgement"
#: How near (in tokens, either side) a judgement's ``only_near`` cue must stand.
CUE_TOKENS = 3
#: The category of multiword expressions (the only one whose patterns have
#: several words): see :attr:`RoleLexicon.phrases` and
#: :mod:`helpers.sentiment.target_phrases`.
PHRASES = "phrases"
#: Whom a phrase's valence is about: the noun phrase before it, the one after
#: it, or nobody (a discourse marker, whose words count for no target).
PHRASE_BEARERS = ("subject", "object", "none")

# Words that may stand between an agent and its verb: auxiliaries, negation
# and common adverbs (any lower-case word in -ly counts as an adverb too).
_BETWEEN_AGENT_AND_VERB = frozenset(
    "has have had also again later earlier then once first initially previously recently "
    "repeatedly would will could did does do not n't never already still quickly just "
    "yesterday today tonight".split()
)
# Be-forms before a participle: the verb is passive.
_PASSIVE_AUX = frozenset("was were is are been being be get got gets getting".split())
# After a participle with no be-form, these make it passive ("ousted by", "sanctioned over").
_REDUCED_PASSIVE_NEXT = frozenset({"by", "over", "amid", "as"})
# Irregular past participles of verbs of harm, for coordinated passives ("was shot and killed").
_IRREGULAR_PARTICIPLES = frozenset("shot hit struck hurt cut beat".split())
# Words between a verb and its patient: determiners, possessives, titles.
_BEFORE_PATIENT = frozenset(
    "the a an his her their its our my your this that these those president prime minister "
    "mr. mrs. ms. dr. sen. rep. gov. senator governor secretary leader former".split()
)
# Verbs whose subject is also the doer of the infinitive after them ("Lopez
# vowed to fight corruption": Lopez fights), read through by relation(). Verbs
# that deny the act ("refused to", "failed to") are not among them: their
# subject does not do it. A general class (subject-control verbs), issue 18,
# round 3.
_CONTROL_VERBS = frozenset(
    "continue continues continued continuing try tries tried want wants wanted vow vows "
    "vowed promise promises promised pledge pledges pledged plan plans planned seek seeks "
    "sought hope hopes hoped intend intends intended aim aims aimed attempt attempts "
    "attempted begin begins began start starts started agree agrees agreed decide decides "
    "decided moved moves managed manages worked works".split()
)
# Prepositions that tie a noun of an act to its patient ("the attack on Ukraine",
# "an inquiry into Flynn": "into" added in round 5 of issue 18 with the inquiry class).
_PATIENT_PREPOSITIONS = frozenset({"on", "of", "against", "at", "to", "into"})
# Marks and words that end a noun phrase when reading leftwards from a verb.
_NP_STOP_MARKS = frozenset({";", ":", "—", "–", "(", ")", '"', "“", "”", "'", "‘", "’", "``"})
_NP_STOP_WORDS = frozenset(
    "that and but while as when because after before if although though whereas since so "
    "which who whom where to is was are were be been".split()
)
#: Longest source noun phrase, in tokens (longer ones are not read as a source).
MAX_SOURCE_TOKENS = 16


class RoleLexicon:
    """The roles list: each listed word's kind of act, and what each kind does to agent and patient.

    Attributes
    ----------
    kind : dict
        Normalised word -> category (``speech``, ``counterpart``, ``harm`` ...).
    agent, patient : dict
        Category -> action (one of :data:`ROLE_ACTIONS`).
    circumstance : frozenset
        Prepositions after which a target is a circumstance ("in").
    time_names : frozenset
        Names of days and months (a target that is one is a circumstance).
    notes : dict
        Category -> its note (the reason, for explanations).
    bystander : frozenset
        Categories whose verbs' valence counts for no participant other than
        their agent and patient (a category's ``bystander: drop``).
    valence : dict
        Category -> the valence its verbs have for their patient when neither
        VADER nor the domain list rates the verb (``valence`` of a category).
    set_valence : dict
        ``(category, "agent" or "patient")`` -> the valence the verb counts for
        that role in place of its own rating, for a role whose action is
        ``set`` (the category's ``agent_valence`` or ``patient_valence``).
    word_valence : dict
        Normalised word -> the valence it has for its patient when neither VADER
        nor the domain list rates it (a pattern's own ``valence``; it outranks
        its category's).
    source_valence : dict
        Category -> the valence the verb counts for its source, in place of its
        own rating, when the agent's action is ``own_words`` (the category's
        ``source_valence``: "denied" presupposes an accusation of its source).
    judgement : dict
        Normalised word -> its valence, for the words of the ``judgement``
        category: words that judge a person's capacity, conduct or standing
        (Martin & White's judgement) and that neither VADER nor the domain
        list rates. They count for a target in whose scope they stand, as a
        rated word does; the sentence score does not read them.
    standing : frozenset
        Judgement words of standing in a contest (a pattern's ``contest: true``:
        "lead"), reversed for the one they are "over".
    judgement_not_before : dict
        Normalised judgement word -> the words after which it is something
        else (a pattern's ``not_before``: "lead to" names a cause, not a
        standing).
    judgement_only_near : dict
        Normalised judgement word -> the words of which one must stand within
        :data:`CUE_TOKENS` tokens of it for it to be a judgement (a pattern's
        ``only_near``: "lead" is a standing in "a lead over", "leads in the
        polls", not in "lead the delegation" or "follow the West's lead").
    phrases : dict
        First word -> the phrases starting with it, each ``(words, valence,
        bearer, final)``: the ``phrases`` category's multiword expressions, one
        tuple of normalised words per form (a pattern's ``|`` separates the
        forms of one slot: ``"faced|faces questions|criticism"``), their
        valence for their bearer (:data:`PHRASE_BEARERS`), and whether the
        phrase counts only at the end of a clause (a pattern's ``final:
        true``: "must go!", not "must go to Paris"), longest first.

    Raises
    ------
    DictionaryError
        A pattern of more than one word (outside ``phrases``) or with a glob,
        a word in two categories, an act category without a valid ``agent``
        and ``patient``, a ``set`` action, a judgement or a phrase without a
        valence, a phrase without a valid ``bearer``.
    """

    def __init__(self, dictionary: Any) -> None:
        where = str(dictionary.path or dictionary.name)
        self.kind: dict[str, str] = {}
        self.agent: dict[str, str] = {}
        self.patient: dict[str, str] = {}
        self.notes: dict[str, str] = {}
        self.valence: dict[str, float] = {}
        self.set_valence: dict[tuple[str, str], float] = {}
        self.source_valence: dict[str, float] = {}
        self.word_valence: dict[str, float] = {}
        self.judgement: dict[str, float] = {}
        self.judgement_not_before: dict[str, frozenset[str]] = {}
        self.judgement_only_near: dict[str, frozenset[str]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], float, str, bool]]] = {}
        standing: set[str] = set()
        plain: dict[str, set[str]] = {name: set() for name in _PLAIN_CATEGORIES}
        for category, attrs in dictionary.category_attrs.items():
            self.notes[category] = str(attrs.get("note", ""))
            if category not in _PLAIN_CATEGORIES and category not in (JUDGEMENT, PHRASES):
                self._read_category(category, attrs, where)
        for entry in dictionary.entries:
            word = entry.pattern
            if entry.category == PHRASES:
                self._read_phrase(entry, where)
                continue
            if " " in word or "*" in word or "?" in word:
                raise DictionaryError(
                    f"pattern {word!r} is not one word",
                    where=where,
                    fix="List single word forms, one by one (no globs, no phrases)",
                )
            norm = word.casefold()
            if entry.category in plain:
                plain[entry.category].add(norm)
            elif entry.category == JUDGEMENT:
                default = dictionary.category_attrs[JUDGEMENT].get("valence")
                self._read_judgement(entry, norm, default, standing, where)
            else:
                self._read_act(entry, norm, where)
        both = sorted(self.judgement.keys() & self.kind.keys())
        if both:
            raise DictionaryError(
                f"{both[0]!r} is listed under {self.kind[both[0]]!r} and {JUDGEMENT!r}",
                where=where,
                fix="Keep each word form in one category",
            )
        for forms in self.phrases.values():
            forms.sort(key=lambda form: -len(form[0]))  # the longest match first
        self.standing = frozenset(standing)
        self.bystander = frozenset(
            c for c, attrs in dictionary.category_attrs.items() if attrs.get("bystander") == "drop"
        )
        self.circumstance = frozenset(plain["circumstance"])
        self.time_names = frozenset(plain["time_names"])

    def _read_category(self, category: str, attrs: dict, where: str) -> None:
        """An act category's actions for agent and patient, and its valences."""
        for key, table in (("valence", self.valence), ("source_valence", self.source_valence)):
            if attrs.get(key) is not None:
                table[category] = _checked_valence(attrs[key], category, where)
        for side, table in (("agent", self.agent), ("patient", self.patient)):
            action = attrs.get(side)
            if action not in ROLE_ACTIONS:
                raise DictionaryError(
                    f"category {category!r} needs '{side}: <action>', not {action!r}",
                    where=where,
                    fix=f"Use one of {', '.join(ROLE_ACTIONS)}",
                )
            table[category] = action
            if action == "set":
                value = attrs.get(f"{side}_valence")
                self.set_valence[(category, side)] = _checked_valence(
                    value, f"{category} ({side}_valence)", where
                )

    def _read_act(self, entry: Any, norm: str, where: str) -> None:
        """One word of an act category (in one category only), with its own valence if any."""
        if self.kind.get(norm, entry.category) != entry.category:
            raise DictionaryError(
                f"{entry.pattern!r} is listed under {self.kind[norm]!r} and {entry.category!r}",
                where=where,
                fix="Keep each word form in one category",
            )
        self.kind[norm] = entry.category
        if "valence" in entry.attrs:
            self.word_valence[norm] = _checked_valence(entry.attrs["valence"], entry.pattern, where)

    def _read_judgement(self, entry: Any, norm: str, default: Any, standing: set, where: str):
        """One judgement: its valence (its own, else the category's), whether it is a
        standing in a contest, the words after which it is another word, and the
        words near which alone it is a judgement."""
        value = entry.attrs.get("valence", default)
        self.judgement[norm] = _checked_valence(value, f"{JUDGEMENT}: {entry.pattern}", where)
        if entry.attrs.get("contest") is True:
            standing.add(norm)
        if entry.attrs.get("not_before"):
            self.judgement_not_before[norm] = frozenset(
                str(w).casefold() for w in entry.attrs["not_before"]
            )
        if entry.attrs.get("only_near"):
            self.judgement_only_near[norm] = frozenset(
                str(w).casefold() for w in entry.attrs["only_near"]
            )

    def _read_phrase(self, entry: Any, where: str) -> None:
        """One multiword expression: each of its forms (the product of its slots'
        ``|`` alternatives), its bearer and its valence (0 for a discourse marker)."""
        bearer = entry.attrs.get("bearer")
        if bearer not in PHRASE_BEARERS:
            raise DictionaryError(
                f"phrase {entry.pattern!r} needs 'bearer: <who>', not {bearer!r}",
                where=where,
                fix=f"Use one of {', '.join(PHRASE_BEARERS)}",
            )
        value = 0.0 if bearer == "none" else entry.attrs.get("valence")
        value = _checked_valence(value, f"{PHRASES}: {entry.pattern}", where)
        forms: list[tuple[str, ...]] = [()]
        for slot in entry.pattern.casefold().split():
            forms = [form + (word,) for form in forms for word in slot.split("|")]
        final = entry.attrs.get("final") is True
        for form in forms:
            self.phrases.setdefault(form[0], []).append((form, value, bearer, final))


def _checked_valence(value: Any, what: str, where: str) -> float:
    """``value`` as a float on VADER's scale, or a DictionaryError naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -4 <= value <= 4:
        raise DictionaryError(
            f"{what!r} has valence {value!r}",
            where=where,
            fix="Give a number between -4 and 4 (VADER's scale)",
        )
    return float(value)


def role_lexicon(name_or_path: Any = ROLES_LEXICON) -> RoleLexicon:
    """Load the roles list (recompiled when the file changes).

    Examples
    --------
    >>> role_lexicon().kind["invaded"]
    'harm'
    >>> role_lexicon() is role_lexicon()
    True
    """
    from helpers.lexicons import load_dictionary

    return _roles(load_dictionary(name_or_path))


@lru_cache(maxsize=4)
def _roles(dictionary: Any) -> RoleLexicon:
    # One RoleLexicon per compiled dictionary (load_dictionary decides when a
    # file is compiled again, as for the domain list).
    return RoleLexicon(dictionary)


def _adverb(token: Token) -> bool:
    norm = token.norm
    return norm in _BETWEEN_AGENT_AND_VERB or (norm.endswith("ly") and token.text.islower())


def skip_apposition(tokens: list[Token], k: int, stop: int) -> int:
    """Index after ``", apposition ,"`` starting at ``k`` (a comma) and ending before
    ``stop``, else ``k`` (the rule :func:`relation` and the phrases' bearers apply)."""
    j = k + 1
    while j < stop and j < k + MAX_SOURCE_TOKENS and tokens[j].text != ",":
        if tokens[j].text in _NP_STOP_MARKS or tokens[j].text in ".;":
            return k
        j += 1
    return j + 1 if j < stop and tokens[j].text == "," else k


def is_passive(tokens: list[Token], v: int) -> bool:
    """Whether the verb at ``v`` is passive: a be-form before it (adverbs allowed between).

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> is_passive(tokenize("Ukraine was brutally attacked"), 3), is_passive(tokenize("Russia attacked"), 1)
    (True, False)
    """
    j = v - 1
    while j >= 0 and _adverb(tokens[j]) and tokens[j].norm not in _PASSIVE_AUX:
        j -= 1
    if j >= 0 and tokens[j].norm in _PASSIVE_AUX:
        return True
    if j >= 1 and tokens[j].norm in ("and", "or") and _participle(tokens[j - 1]):
        # Coordinated participles share their auxiliary ("was shot and killed":
        # "killed" is passive too; Quirk et al. 1985, 13.32, ellipsis in coordination).
        k = j - 2
        while k >= 0 and _adverb(tokens[k]) and tokens[k].norm not in _PASSIVE_AUX:
            k -= 1
        if k >= 0 and tokens[k].norm in _PASSIVE_AUX:
            return True
    # A reduced passive (headlines, reduced relatives): a participle with no object,
    # its agent or ground next ("Najib detained amid probe", "Minister ousted by party").
    after = tokens[v + 1].norm if v + 1 < len(tokens) else ""
    return tokens[v].norm.endswith("ed") and after in _REDUCED_PASSIVE_NEXT


def _participle(token: Token) -> bool:
    """Whether ``token`` may be a past participle: a lower-case "-ed" or "-en" form, or an
    irregular participle of a verb of harm ("shot", "hit", "struck")."""
    norm = token.norm
    return token.text.islower() and (norm.endswith(("ed", "en")) or norm in _IRREGULAR_PARTICIPLES)


def relation(tokens: list[Token], a: int, b: int, v: int) -> str | None:
    """How the target (tokens ``a:b``) stands to the act at token ``v``: agent, patient or None.

    Active voice: the target just before the verb is its agent, just after
    it (or after "on", "of", "against", "at" or "to" following a noun of an
    act) its patient. Passive voice: the subject is the patient, "by" +
    target the agent. A possessive target before the act is its agent
    ("Russia's invasion").

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> toks = tokenize("Ukraine was attacked by Russia.")
    >>> relation(toks, 0, 1, 2), relation(toks, 4, 5, 2)
    ('patient', 'agent')
    >>> toks = tokenize("Russia's invasion of Ukraine")
    >>> relation(toks, 0, 1, 2), relation(toks, 4, 5, 2)
    ('agent', 'patient')
    """
    passive = is_passive(tokens, v)
    if b <= v:
        j = b
        if j < v and tokens[j].norm in ("'s", "'"):
            return "agent" if j + 1 == v else None
        if j < v and tokens[j].text == ",":
            j = skip_apposition(tokens, j, v + 1)
        while j < v:
            if _adverb(tokens[j]) or tokens[j].norm in _PASSIVE_AUX:
                j += 1
            elif tokens[j].norm in _CONTROL_VERBS and j + 1 < v and tokens[j + 1].norm == "to":
                j += 2  # "vowed to fight": the subject of "vowed" fights
            elif j + 2 <= v and tokens[j + 1].norm in ("and", "or") and _participle(tokens[j]):
                j += 2  # "was shot and killed", "attacked and annexed": one subject for both
            else:
                break
        if j != v:
            return None
        return "patient" if passive else "agent"
    if a > v:
        j = v + 1
        if passive and j < a and tokens[j].norm == "by":
            return "agent" if j + 1 == a or _only(tokens, j + 1, a, _BEFORE_PATIENT) else None
        if j < a and tokens[j].norm in _PATIENT_PREPOSITIONS:
            j += 1
        if _only(tokens, j, a, _BEFORE_PATIENT) and not passive:
            return "patient"
    return None


def only_before_patient(tokens: list[Token], start: int, stop: int) -> bool:
    """Whether tokens ``start:stop`` may stand between an act and its patient: at most
    three determiners, possessives or titles ("at the president's")."""
    return _only(tokens, start, stop, _BEFORE_PATIENT)


def _only(tokens: list[Token], start: int, stop: int, allowed: frozenset) -> bool:
    """Whether tokens ``start:stop`` (at most three) are all in ``allowed`` or possessive marks."""
    if stop - start > 3:
        return False
    return all(t.norm in allowed or t.norm in ("'s", "'") for t in tokens[start:stop])


def source_span(
    tokens: list[Token], v: int, quoted: set[int], verbs: Any = (), invert: bool = True
) -> list[tuple[int, int]]:
    """The noun phrase that is the source of the stance verb at ``v``: ``[(start, end)]`` or ``[]``.

    Before the verb: from the previous boundary (a conjunction, "to", a
    be-form, another of ``verbs``, a quotation mark, a clause mark, or a
    comma that does not open an apposition) to the verb, less auxiliaries
    and adverbs ("Japan's foreign minister, Yoko
    Kamikawa, also said"). After the verb (when ``invert``), when it follows a
    comma or a quotation and a name follows it ("..., said Lavrov, the
    foreign minister"): up to the next mark, past one apposition.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> toks = tokenize("Caitlyn's mother, Tracey Taylor, told ABC that she left.")
    >>> [" ".join(t.text for t in toks[s:e]) for s, e in source_span(toks, 7, set())]
    ["Caitlyn 's mother , Tracey Taylor"]
    """
    if invert and _inverted(tokens, v):
        # After a quotation or a comma: '"...," said Lavrov, the foreign minister'.
        return [(v + 1, _phrase_end(tokens, v + 1))]
    spans = []
    j = v - 1
    while j >= 0 and _adverb(tokens[j]):
        j -= 1
    end = j + 1
    apposition = j >= 0 and tokens[j].text == ","
    k = j - 1 if apposition else j
    commas = 0
    while k >= 0 and k not in quoted:
        token = tokens[k]
        if token.text in _NP_STOP_MARKS or token.norm in _NP_STOP_WORDS or token.text in ".?!":
            break
        if token.norm in verbs:  # another act: the phrase cannot reach past it
            break
        if token.text == ",":
            if apposition and commas == 0:
                commas += 1
                k -= 1
                continue
            break
        k -= 1
    start = k + 1
    if apposition:
        end = j
    if start < end and end - start <= MAX_SOURCE_TOKENS:
        spans.append((start, end))
    return spans


def _inverted(tokens: list[Token], v: int) -> bool:
    """Whether the verb at ``v`` comes before its source: after a comma or a quotation
    mark, and followed by a name (capitalised words, "the", "of") up to the next mark."""
    if v == 0 or not (tokens[v - 1].text == "," or tokens[v - 1].text in _NP_STOP_MARKS):
        return False
    k = v + 1
    while (
        k < len(tokens)
        and tokens[k].text not in ",.;:—!?"
        and (tokens[k].text not in _NP_STOP_MARKS)
    ):
        if not (tokens[k].text[:1].isupper() or tokens[k].norm in ("the", "of", "a", "an")):
            return False
        k += 1
    return k > v + 1


def _phrase_end(tokens: list[Token], start: int) -> int:
    """End of a noun phrase after an inverted verb: the next mark, past one apposition."""
    n = len(tokens)
    k = start
    while (
        k < n
        and k < start + MAX_SOURCE_TOKENS
        and tokens[k].text not in ",.;:—"
        and (tokens[k].text not in _NP_STOP_MARKS)
    ):
        k += 1
    if k < n and tokens[k].text == ",":
        after = skip_apposition(tokens, k, n)
        if after != k:
            return after - 1
    return k


def according_to(tokens: list[Token]) -> list[tuple[int, int]]:
    """The noun phrases after "according to": sources of what the sentence reports.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> toks = tokenize("Talks failed, according to Russian officials.")
    >>> [" ".join(t.text for t in toks[s:e]) for s, e in according_to(toks)]
    ['Russian officials']
    """
    spans = []
    for i in range(len(tokens) - 1):
        if tokens[i].norm == "according" and tokens[i + 1].norm == "to":
            end = _phrase_end(tokens, i + 2)
            if end > i + 2:
                spans.append((i + 2, end))
    return spans
