"""Who a speaker phrase names: the actor, the person and the type of source.

:mod:`helpers.diplomacy.phrases` finds the noun phrase that names the
source of a reporting verb; :func:`describe` reads it. A pronoun is carried
from the paragraph (:mod:`helpers.diplomacy.discourse`). Otherwise the
phrase is cut into a possessor ("the group's" UN director), the head (the
last word before "of/at/for/in ..." and the words it belongs to: "foreign
ministry spokesman") and what follows the head ("of Samoa"), and the actor
is, in this order:

1. the actor the head itself names (a mention covering it: "Moscow", "the
   Kremlin spokesman", "The European Commission", a leader);
2. for a name the actors list does not know ("Fu Cong", "Copa-Cogeca"): a
   person named earlier in the article; the title before it ("Turkish
   Defence Minister Yasar Guler"; "former" makes a private person); the
   actor after it ("Cedric Schuster of Samoa"); the apposition beside it
   ("Dmitry Polyanskiy, Russia's deputy ambassador"); a relative clause
   "who heads/leads/chairs X" (X's owner); the last word of the name
   ("Gulf Horizon Logistics": a company);
3. for a role, agent or kind of source ("spokesman", "police", "officials",
   "newspaper"): its possessor ("Russia's", "Its": the subject before), an
   actor before it ("the US ambassador", "UN officials"), an actor after
   "of/from/for/at/with/by/in" ("officials in Ankara", "a spokesman for the
   ministry"), else a short form carried from the article ("the ministry",
   "a commerce ministry spokesperson") or the last actor of its CAMEO agent
   type ("police").

The type: government (a state, its institutions and its people in office),
igo, ngo, media, armed_group, company (from the actor's type, the agent
code of ``agents.yml`` or the head noun of ``speakers.yml``), person (a
private person, a former office-holder) and anonymous ("officials" tied to
no actor, one unnamed official or diplomat, "who asked not to be named").
Persons and anonymous sources are not resolved to a state, and an agent of
another kind ("Colombian rebels", "residents of Thai villages") not to the
state it belongs to: they do not speak for it. ``rule`` says what decided,
and why a speaker is empty.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from helpers.actors.agents import agent_type
from helpers.diplomacy.dictionaries import dictionary
from helpers.diplomacy.phrases import (
    DETERMINERS,
    NP_PREPOSITIONS,
    POSSESSIVE_MARKS,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    Phrase,
    capitalised,
)

#: The speaker types (issue 15), in the order the README lists them.
SPEAKER_TYPES = (
    "government",
    "igo",
    "person",
    "media",
    "ngo",
    "armed_group",
    "company",
    "anonymous",
)
#: Actor types of the actors list and the speaker type of each.
ACTOR_KINDS = {
    "state": "government",
    "organisation": "igo",
    "bloc": "",
    "ngo": "ngo",
    "media": "media",
    "armed_group": "armed_group",
    "company": "company",
}
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Particles inside personal names ("Lula da Silva", "Majed al-Ansari").
_NAME_PARTICLES = frozenset({"al", "el", "da", "de", "di", "do", "dos", "du", "van", "von", "der"})
_NAME_PARTICLES |= frozenset({"den", "bin", "ibn", "la", "le", "-"})
_TOK_START = attrgetter("tok_start")
_TOK_END = attrgetter("tok_end")
# How deep a phrase inside a phrase is read ("a spokesman for the ministry of X").
_DEPTH = 2


class Source(NamedTuple):
    """The speaker of one reporting verb.

    ``text`` the words naming it, as in the text (``tok_start``/``tok_end``
    their token span), ``actor_id`` the resolved actor ("" for a private
    person, an anonymous or unknown source), ``form`` how the actor was
    found (a mention form, ``person``, ``carried``), ``kind`` the speaker
    type (:data:`SPEAKER_TYPES`, or "" when none fits), ``rule`` what
    decided (or why there is no actor), ``person`` a person's name,
    ``head`` the head words (lower case) short forms are matched on, and
    ``agent`` the CAMEO agent code of the head.
    """

    text: str
    tok_start: int
    tok_end: int
    actor_id: str
    form: str
    kind: str
    rule: str
    person: str = ""
    head: str = ""
    agent: str = ""


#: No speaker phrase at all.
NO_SOURCE = Source("", -1, -1, "", "", "", "no noun phrase names a speaker")


def is_person(source: Source) -> bool:
    """True for a speaker that is one person (a name, or a role held by one: "the minister")."""
    if source.person:
        return True
    if source.kind in ("person", "anonymous") and source.head:
        return not source.head.endswith("s")
    return bool(source.head) and _head_class(source.head) == "person_role"


@lru_cache(maxsize=4096)
def _head_class(head: str) -> str:
    """``person_role`` when a head noun names a person who holds a role, else ``""``."""
    for hit in dictionary("speakers").match_tokens(_tokens(head)):
        if hit.category == "person_role":
            return "person_role"
    return ""


def _tokens(text: str):
    from helpers.text import tokenize

    return tokenize(text)


class _Reader:
    """Reads the phrases of one sentence: tokens, mentions, actor kinds, the article's memory."""

    __slots__ = ("s", "tokens", "kinds", "memory", "mentions")

    def __init__(self, s, kinds: dict[str, str], memory) -> None:
        self.s = s
        self.tokens = s.tokens
        self.kinds = kinds
        self.memory = memory
        self.mentions = s.mentions

    def text(self, a: int, b: int) -> str:
        tokens = self.tokens
        return self.s.chars(tokens[a].start, tokens[b - 1].end)

    def covering(self, i: int, a: int, b: int):
        """The mention inside ``[a, b)`` that covers token ``i``, or None (a binary search:
        mentions are in text order and never overlap)."""
        mentions = self.mentions
        k = bisect_right(mentions, i, key=_TOK_START) - 1
        if k >= 0:
            m = mentions[k]
            if m.tok_start <= i < m.tok_end and m.tok_start >= a:
                return m
        return None

    def mention_ends_at(self, i: int) -> bool:
        """True when a mention ends right before token ``i``."""
        mentions = self.mentions
        k = bisect_left(mentions, i, key=_TOK_END)
        return k < len(mentions) and mentions[k].tok_end == i

    def last_mention(self, a: int, b: int):
        """The last mention wholly inside ``[a, b)``, or None."""
        mentions = self.mentions
        k = bisect_right(mentions, b, key=_TOK_END) - 1
        if k >= 0 and mentions[k].tok_start >= a:
            return mentions[k]
        return None

    def from_mention(self, m, a: int, b: int, rule: str) -> Source:
        kind = self.kinds.get(m.actor_id, "")
        agent = getattr(m, "agent", "")
        if agent and agent_type(agent) not in ("", "government"):
            kind = agent_type(agent)  # "Colombian rebels", "Chinese state media"
        person = m.detail if m.form in ("leader", "person") else ""
        head = m.detail.casefold() if m.form in ("institution", "agent") else ""
        return Source(self.text(a, b), a, b, m.actor_id, m.form, kind, rule, person, head, agent)


# -- the head of a phrase ---------------------------------------------------------------------
def _word_class(tokens, a: int, b: int) -> tuple[str, str, str, int]:
    """The class of the words that end at ``b``: ``(class, kind, agent code, first token)``.

    ``class`` is a ``speakers.yml`` category (``anonymous``, ``document``,
    ``media``, ``ngo``, ``company``, ``person``, ``person_role``,
    ``institution``, ``organisation``) or, for a word only ``agents.yml``
    has, ``agent`` (its ``kind`` is the code's speaker type); "" for a word
    in neither. The longest match of each list counts; the agent code is
    given whichever list names the class ("police": institution, COP).
    """
    start = max(a, b - 6)
    window = tokens[start:b]
    cls, kind, first = "", "", b
    speakers = dictionary("speakers")
    for hit in speakers.match_tokens(window) if speakers.may_match(window) else ():
        top, _, sub = hit.category.partition("/")
        at = hit.tok_start + start
        if hit.tok_end + start != b or at >= first or top in _NOT_HEADS or sub == "explicit":
            continue
        cls, first = top, at
        kind = top if top in ("media", "ngo", "company", "person") else ""
    agents = dictionary("agents")
    agent, agent_first, agent_kind = "", b, ""
    for hit in agents.match_tokens(window) if agents.may_match(window) else ():
        at = hit.tok_start + start
        if hit.tok_end + start == b and at < agent_first:
            agent, agent_first = hit.category, at
            agent_kind = str(agents.category_attrs.get(hit.category, {}).get("speaker_type", ""))
    if not cls and agent:
        return "agent", agent_kind, agent, agent_first
    if cls in ("institution", "person_role") and agent_kind not in ("", "government", "media"):
        kind = agent_kind  # "rebel leader", "militia commander": the agent says what kind
    return cls, kind, agent, first


# speakers.yml categories that are not head nouns.
_NOT_HEADS = frozenset({"name_words", "former", "leads"})


def _has(tokens, a: int, b: int, category: str) -> bool:
    """True when a ``speakers.yml`` category has a hit inside ``tokens[a:b]``."""
    if a >= b:
        return False
    speakers = dictionary("speakers")
    firsts = speakers.first_words(category)
    if firsts is not None and not any(t.norm in firsts for t in tokens[a:b]):
        return False  # no word here can begin one of the category's phrases
    return any(h.category == category for h in speakers.match_tokens(tokens[a:b]))


def _name_kind(tokens, j: int) -> str:
    """What the last word of an unknown capitalised name says it is ("Logistics": company)."""
    for hit in dictionary("speakers").match_tokens(tokens[j - 1 : j]):
        top, _, sub = hit.category.partition("/")
        if top == "name_words":
            return "" if sub == "party" else sub
    return ""


def _parts(tokens, a: int, b: int) -> tuple[int, int, int]:
    """``(possessor end, head part start, head part end)`` of the phrase ``tokens[a:b]``.

    The head part runs to the first preposition that is not inside a
    capitalised name ("Alliance of Small Island States" is one name; "Cedric
    Schuster of Samoa" a name and a place); the possessor is
    ``tokens[a:possessor end]`` (-1: none), before that preposition ("The
    first installment of Gillis's series" has none: its head is
    "installment").
    """
    j = b
    for k in range(a + 1, b):
        if tokens[k].norm not in NP_PREPOSITIONS:
            continue
        inside = (
            tokens[k].norm in ("of", "for")
            and capitalised(tokens[k - 1])
            and k + 1 < b
            and capitalised(tokens[k + 1])
            and _inside_name(tokens, k)
        )
        if not inside:
            j = k
            break
    poss = -1
    for k in range(j - 1, a, -1):
        if tokens[k].norm in POSSESSIVE_MARKS:
            poss = k
            break
    h0 = a
    if poss >= 0:
        h0 = poss + 1
        if tokens[poss].norm == "'" and h0 < j and tokens[h0].norm == "s":
            h0 += 1  # "U.K.'s" tokenises as U.K. + ' + s
    elif tokens[a].norm in POSSESSIVE_PRONOUNS:
        poss, h0 = a + 1, a + 1
    return poss, h0, j


def _inside_name(tokens, k: int) -> bool:
    """True when the "of" at ``k`` joins one name ("Alliance of Small Island States",
    "Ministry of Defence"), not a person and a place ("Cedric Schuster of Samoa")."""
    if _word_class(tokens, k - 1, k)[0] in ("institution", "organisation", "ngo", "company"):
        return True
    return bool(_name_kind(tokens, k))


def _name_start(reader: _Reader, h0: int, j: int, head_start: int) -> int:
    """Where the capitalised name that ends the head part starts (``j`` when it is no name).

    The name stops after an actor mention or a role word before it:
    "Turkish Defence Minister | Yasar Guler", "UN | Environment Programme"
    is no name (its head is a kind of body).
    """
    tokens = reader.tokens
    if not capitalised(tokens[j - 1]):
        return j
    if head_start < j:
        # "Rapid Support Forces", "National Unity Government": a name of several
        # capitalised words with no actor in it, whatever its last word.
        k = head_start
        while k > h0 and capitalised(tokens[k - 1]) and not reader.mention_ends_at(k):
            k -= 1
        if k == head_start or k == 0 and head_start - k < 2 or reader.covering(k, h0, j):
            return j
        return k
    k = j - 1
    while k > h0:
        before = tokens[k - 1]
        if capitalised(before) or (before.norm in _NAME_PARTICLES and k - 1 > h0):
            k -= 1
        else:
            break
    if tokens[k].norm in DETERMINERS:
        k += 1
    for p in range(j - 1, k, -1):
        if reader.mention_ends_at(p) or _word_class(tokens, k, p)[0] in _TITLE_CLASSES:
            return p
    return k


# Word classes that end a title before a name ("Defence Minister | Yasar Guler").
_TITLE_CLASSES = frozenset({"person_role", "agent", "institution", "media", "ngo", "company"})


# -- reading a phrase -------------------------------------------------------------------------
def describe(s, phrase: Phrase, kinds: dict[str, str], memory=None) -> Source:
    """The speaker a phrase names (see the module docstring).

    ``kinds`` maps actor ids to speaker types (:func:`actor_kinds`);
    ``memory`` is the article's :class:`~helpers.diplomacy.discourse.Discourse`, or
    None (``score``: one row alone).
    """
    reader = _Reader(s, kinds, memory)
    tokens = s.tokens
    main, other = (phrase.start, phrase.end), phrase.apposition
    if other[0] >= 0 and _is_name(tokens, *other) and not _is_name(tokens, *main):
        main, other = other, main  # the name is the speaker, the role its apposition
    source = _read(reader, main[0], main[1], 0, other, phrase.relative)
    last = max(phrase.end, other[1], phrase.relative[1])
    if source.kind != "anonymous" and _has(tokens, phrase.start, last, "anonymous/explicit"):
        source = source._replace(
            actor_id="", form="", kind="anonymous", rule="asked not to be named"
        )
    if source.actor_id and not _speaks_for(source, kinds):
        rule = f"{source.rule}; {source.kind or 'this source'} does not speak for {source.actor_id}"
        source = source._replace(actor_id="", rule=rule)
    return source._replace(rule=f"{phrase.rule}: {source.rule}")


def _speaks_for(source: Source, kinds: dict[str, str]) -> bool:
    """True when a speaker speaks for its actor: a government or an IGO's people, or an
    organisation of the speaker's own kind (Human Rights Watch for an NGO); not a state's
    rebels, residents or media, nor an anonymous source."""
    if source.kind in ("government", "igo"):
        return True
    return bool(source.kind) and source.kind == kinds.get(source.actor_id)


def _is_name(tokens, a: int, b: int) -> bool:
    return a >= 0 and b > a and capitalised(tokens[b - 1]) and tokens[b - 1].text[1:2].islower()


def _read(
    reader: _Reader, a: int, b: int, depth: int, apposition=(-1, -1), relative=(-1, -1)
) -> Source:
    """The speaker named by the noun phrase ``tokens[a:b]``."""
    tokens = reader.tokens
    text = reader.text(a, b)
    if b - a == 1 and tokens[a].norm in PRONOUNS:
        return _pronoun(reader, a, b, text)
    if b - a == 3 and [t.norm for t in tokens[a:b]] in _ONE_OF_THEM and reader.memory is not None:
        # "'...,' one of them said": one member of the group that spoke last.
        found = reader.memory.pronoun("they")
        if found is not None:
            rule = f"one of '{found.text}'"
            return found._replace(text=text, tok_start=a, tok_end=b, form="carried", rule=rule)
    poss, h0, j = _parts(tokens, a, b)
    if h0 >= j:
        return Source(text, a, b, "", "", "", "no head noun")
    covering = reader.covering(j - 1, a, b)
    if covering is not None and covering.tok_start >= h0 - (1 if poss < 0 else 0):
        if tokens[a].norm in _INDEFINITE and _word_class(tokens, h0, j)[0] == "anonymous":
            # "A European official", "a senior Western diplomat": one unnamed source.
            return Source(text, a, b, "", "", "anonymous", "an unnamed source")
        return reader.from_mention(covering, a, b, f"{covering.form} '{covering.text}'")
    if depth >= _DEPTH and covering and covering.tok_start == a and covering.tok_end >= j:
        # A phrase that is one mention ("China's foreign ministry" in "Lin Jian, a spokesman
        # for China's foreign ministry"): its actor, though its possessor is too deep to read.
        return reader.from_mention(covering, a, b, f"{covering.form} '{covering.text}'")
    cls, kind, agent, head_start = _word_class(tokens, h0, j)
    name = _name_start(reader, h0, j, head_start)
    if name < j:
        return _named_person(reader, a, b, poss, h0, name, j, depth, apposition, relative)
    owner = _owner(reader, a, b, poss, h0, head_start, j, depth)
    words = [t.norm for t in tokens[h0:j] if t.norm not in DETERMINERS]
    head = " ".join(t.norm for t in tokens[head_start:j]) if head_start < j else tokens[j - 1].norm
    source = _typed(reader, (a, b, text), (cls, kind, agent), owner, tokens[a].norm, words, depth)
    return source._replace(head=head, agent=source.agent or agent)


_ONE_OF_THEM = (["one", "of", "them"], ["one", "of", "those"])


def _pronoun(reader: _Reader, a: int, b: int, text: str) -> Source:
    memory = reader.memory
    norm = reader.tokens[a].norm
    found = memory.pronoun(norm) if memory is not None else None
    if found is None:
        return Source(
            text, a, b, "", "pronoun", "", f"'{norm}' with no antecedent in the paragraph"
        )
    rule = f"pronoun carried from '{found.text}'"
    return found._replace(text=text, tok_start=a, tok_end=b, form="carried", rule=rule)


def _owner(reader: _Reader, a, b, poss, h0, head_start, j, depth) -> Source | None:
    """Whom a role belongs to: its possessor, an actor before the head, or one after it."""
    tokens = reader.tokens
    if poss >= 0:
        if poss == a + 1 and tokens[a].norm in POSSESSIVE_PRONOUNS:
            memory = reader.memory
            found = memory.possessor(tokens[a].norm) if memory is not None else None
            if found is not None:
                return found._replace(rule=f"'{tokens[a].text}' is '{found.text}'")
            return None
        if depth < _DEPTH:
            found = _read(reader, a, poss, depth + 1)
            return found._replace(rule=f"possessor {found.rule}")
    m = reader.last_mention(h0, head_start)
    if m is not None:
        return reader.from_mention(
            m, m.tok_start, m.tok_end, f"{m.form} '{m.text}' before the head"
        )
    if j < b and depth < _DEPTH:
        prep = tokens[j].norm
        if prep in ("of", "from", "for", "at", "with", "by", "in"):
            found = _read(reader, j + 1, b, depth + 1)
            if found.actor_id or found.kind in ("ngo", "media", "company", "armed_group", "igo"):
                return found._replace(rule=f"'{prep} {found.text}'")
    return None


def _named_person(reader: _Reader, a, b, poss, h0, name, j, depth, apposition, relative) -> Source:
    """A name the actors list does not know: a person or an organisation, and whose."""
    tokens = reader.tokens
    text = reader.text(a, b)
    person = reader.text(name, j)
    found = _known_name(reader, a, name, j)
    if found is not None:
        return found._replace(text=text, tok_start=a, tok_end=b)
    title_class, title_kind = _word_class(tokens, h0, name)[:2] if name > h0 else ("", "")
    if title_class in ("media", "ngo", "company"):
        # "the news agency AFP", "the think tank Bruegel": the kind, not a place, decides.
        rule = f"a {title_class} named '{person}'"
        return Source(text, a, b, "", "name", title_class, rule)
    if _has(tokens, a, name, "former") or _has(tokens, *_span(apposition), "former"):
        return Source(text, a, b, "", "person", "person", "a former office-holder", person)
    owner = None
    if name > h0 or poss >= 0 or j < b:
        owner = _owner(reader, a, b, poss, h0, name, j, depth)
    organisation = False
    if owner is None and apposition[0] >= 0 and depth < _DEPTH:
        found = _read(reader, apposition[0], apposition[1], depth + 1)
        if found.actor_id or found.kind not in ("", "anonymous"):
            owner = found._replace(rule=f"apposition '{found.text}' ({found.rule})")
            # "Copa-Cogeca, the association of ...": a body, not a person.
            organisation = not found.person and found.kind != "person" and not is_person(found)
    if owner is None and relative[0] >= 0:
        owner = _led_by(reader, relative, depth)
    if owner is not None:
        kind = owner.kind if owner.kind != "anonymous" else "person"
        who = "" if organisation else person
        form = "name" if organisation else "person"
        return Source(
            text, a, b, owner.actor_id, form, kind, owner.rule, who, owner.head, owner.agent
        )
    kind = _name_kind(tokens, j)
    if kind:
        return Source(text, a, b, "", "name", kind, f"a name ending in '{tokens[j - 1].text}'")
    if title_class in ("agent", "person_role"):
        # An office of no named country is a government's, unless its words say another
        # kind ("Opposition leader": OPP, a person; agents.yml's speaker_type).
        carried = reader.memory.title_state() if reader.memory is not None else None
        if carried is not None:
            rule = f"a title without a country: '{carried.text}' before"
            kind = title_kind or carried.kind
            return Source(text, a, b, carried.actor_id, "person", kind, rule, person)
        kind = title_kind or "government"
        return Source(text, a, b, "", "person", kind, "a title without a country", person)
    if j - name == 1 and (a == 0 or j - a == 1 and tokens[a].norm in DETERMINERS):
        return Source(text, a, b, "", "name", "", "an unknown name")
    return Source(text, a, b, "", "person", "person", "a person not tied to an actor", person)


def _known_name(reader: _Reader, a: int, name: int, j: int) -> Source | None:
    """A person named earlier ("Polyanskiy"), or a body named earlier by a longer name
    ("the Commission" after "the European Commission")."""
    memory = reader.memory
    if memory is None:
        return None
    tokens = reader.tokens
    person = reader.text(name, j)
    found = memory.person(person)
    if found is None and j - name == 1:
        found = memory.person(tokens[name].text)
    if found is not None:
        rule = f"person named earlier ('{found.person}')"
        return found._replace(form="carried", rule=rule)
    if j - name == 1 and tokens[a].norm in _DEFINITE:
        found = memory.short_form([tokens[name].norm])
        if found is not None:
            return found._replace(form="carried", rule=f"short form of '{found.text}'", person="")
    return None


def _span(span: tuple[int, int]) -> tuple[int, int]:
    return (span[0], span[1]) if span[0] >= 0 else (0, 0)


def _led_by(reader: _Reader, relative: tuple[int, int], depth: int) -> Source | None:
    """The owner of what a person heads: "who heads the government's negotiating team"."""
    r0, r1 = relative
    tokens = reader.tokens
    if r1 - r0 < 3 or tokens[r0].norm not in ("who", "which"):
        return None
    if not _has(tokens, r0 + 1, r0 + 2, "leads") or depth >= _DEPTH:
        return None
    found = _read(reader, r0 + 2, r1, depth + 1)
    if found.actor_id:
        return found._replace(rule=f"heads '{found.text}' ({found.rule})")
    return None


def _typed(reader: _Reader, where, classes, owner, first: str, words: list[str], depth) -> Source:
    """The speaker a role, agent or kind-of-source noun names, given its owner (or none)."""
    a, b, text = where
    cls, kind, agent = classes
    agent_kind = _agent_kind(agent)
    if cls == "anonymous":
        tokens = reader.tokens
        if (
            owner is not None
            and owner.actor_id
            and first not in _INDEFINITE
            and not (owner.kind == "government" and _has(tokens, a, b, "anonymous/outsiders"))
        ):
            return _owned(where, owner, owner.kind, agent, "officials of")
        if owner is not None and owner.kind in _ORGANISATIONS:
            return _owned(where, owner, owner.kind, agent, "of")
        return Source(text, a, b, "", "", "anonymous", "an unnamed source", "", "", agent)
    if cls == "person":
        return Source(text, a, b, "", "", "person", "private persons", "", "", agent)
    if not cls:
        # Not a name, a role, an institution or a kind of source ("his campaign's
        # warnings", "Capitol Hill this week"): no speaker.
        return Source("", -1, -1, "", "", "", f"'{text}' ends in no name, role or institution")
    if owner is None and first in POSSESSIVE_PRONOUNS:
        rule = f"'{first}' with no antecedent"
        return Source(text, a, b, "", "", kind, rule, "", "", agent)
    if owner is not None:
        if cls == "agent" and agent_kind not in ("", "government", "media"):
            kind = agent_kind  # "Colombian rebels" are Colombia's rebels, not its government
        return _owned(where, owner, kind or owner.kind, agent, "of")
    carried = _carried(reader, reader.tokens, (a, b), cls, agent, agent_kind, first, words)
    if carried is not None:
        return carried._replace(text=text, tok_start=a, tok_end=b, kind=carried.kind or kind)
    if cls in ("media", "ngo", "company"):
        return Source(text, a, b, "", "", cls, f"a {cls} not in the actors list", "", "", agent)
    if cls == "document":
        return Source(text, a, b, "", "", "", "a document without a named author", "", "", agent)
    if cls == "agent":
        rule = f"{agent} agent of no known country"
        return Source(text, a, b, "", "agent", agent_kind, rule, "", "", agent)
    return Source(text, a, b, "", "", kind, "not a known actor", "", "", agent)


_ORGANISATIONS = frozenset({"ngo", "media", "company", "armed_group", "igo"})
_MANY = frozenset({"two", "three", "four", "five", "both", "all", "several", "many", "some"})


def head_word(tokens, b: int) -> str:
    """The last word of a phrase ending at ``b``, lower case."""
    return tokens[b - 1].norm


def _agent_kind(code: str) -> str:
    if not code:
        return ""
    return str(dictionary("agents").category_attrs.get(code, {}).get("speaker_type", ""))


def _carried(reader: _Reader, tokens, span, cls, agent, agent_kind, first, words) -> Source | None:
    """An untied role carried from the article: a short form ("the ministry"), the last
    organisation ("the group"), the last actor of its agent type ("police"), or the
    state the sentence before was about ("The foreign secretary said")."""
    memory = reader.memory
    a, b = span
    definite = first in _DEFINITE
    if memory is None or any(t.norm in _MANY for t in tokens[a:b]):
        return None
    if capitalised(tokens[b - 1]) and not (definite and b - a == 2):
        return None  # a name; but "the Commission" is a short form of "the European Commission"
    found, how = None, "short form of"
    if first in _INDEFINITE:
        if len(words) > 1:
            found = memory.short_form(words[:-1])  # "a commerce ministry spokesperson"
    else:
        if cls == "organisation" and definite:
            found, how = memory.organisation(), "the organisation"
        if found is None:
            found = memory.short_form(words)
        if found is None and agent and agent_kind == "government":
            found, how = memory.agent(agent), f"{agent[:3]} agent like"
        if found is None and definite and cls == "document":
            found, how = memory.document(head_word(tokens, b)), "the author of"
        if found is None and definite and cls in ("institution", "person_role", "document"):
            found, how = memory.subject_state(), "the state of the subject before:"
    if found is None:
        return None
    return found._replace(form="carried", rule=f"{how} '{found.text}'", person="", agent=agent)


def _owned(where, owner: Source, kind: str, agent: str, how: str) -> Source:
    a, b, text = where
    rule = (
        owner.rule
        if owner.rule.startswith(("possessor", "'", "apposition"))
        else f"{how} {owner.rule}"
    )
    return Source(text, a, b, owner.actor_id, owner.form, kind, rule, owner.person, "", agent)


def actor_kinds(actors) -> dict[str, str]:
    """``actor_id -> speaker type`` of an actors list (:data:`ACTOR_KINDS` of its ``type``)."""
    return _kinds(actors)


@lru_cache(maxsize=8)
def _kinds(actors) -> dict[str, str]:
    return {str(row[0]): ACTOR_KINDS.get(str(row[2]), "") for row in actors.rows("table")}
