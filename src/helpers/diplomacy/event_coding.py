"""Who does what to whom: event coding of one sentence, and the main-event rule.

A sparse pattern coder in the tradition of TABARI (Schrodt 1998-2001),
written for this project: event words from ``data/lexicons/events.yml``
(PLOVER-style types with quad class and a Goldstein-style weight, Goldstein
1992), the source taken from the actor mention before the verb in its
clause, the target from the mention after it (up to the next event word);
passives ("talks were suspended by Moscow") swap the roles; a second verb
joined by "and" shares the first one's subject; events inside reported
speech take the speaker as source and the addressee as target when the
content names no actor of its own, but the infinitive of a request is the
addressee's act ("Nigeria urged Russia to release ...": Russia releases);
the verb of a relative clause takes its antecedent as source, or none when
that is no actor ("condemned a government that seized power"), and a verb
after a relative clause set off by commas takes the subject before it
(:mod:`helpers.diplomacy.relatives`). Negation and modality qualify an event
("would not join", "could lead to"); they are recorded, not dropped.

The main event of a sentence (the one ``score`` reports) is chosen by one
rule, :func:`main_index`: the main clause's event over those of dependent
clauses and those named by nouns, then the first asserted event, else
the first. Every event carries its CAMEO code, and its Goldstein weight,
quad class and PLOVER type come from that code (:mod:`helpers.diplomacy.cameo`).

References
    Goldstein, J. S. (1992). A conflict-cooperation scale for WEIS events
    data. Journal of Conflict Resolution 36(2), 369-385. Gerner, D. J. et al.
    (2002). CAMEO codebook. Halterman, A. et al. (2023). PLOVER and POLECAT.
    Schrodt, P. A. TABARI manual.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import Any, NamedTuple

from helpers.actors import Mention
from helpers.diplomacy.attribution import Attribution, SpeechSpans
from helpers.diplomacy.cameo import cameo_code
from helpers.diplomacy.dictionaries import dictionary
from helpers.diplomacy.petrarch_events import PETRARCH
from helpers.diplomacy.relatives import (
    after_and,
    antecedent_of,
    before_apposition,
    before_relative_clause,
    complementizer,
    in_apposition,
    relative_pronoun,
    relative_verb,
)
from helpers.diplomacy.sentence import Sentence, stand_in
from helpers.diplomacy.stance import MODALITY_CATEGORIES
from helpers.diplomacy.words import compound_adjective, negated_before, passive, token_index

# How far the rules look, in tokens (documented in events.yml).
_NEG_WINDOW = 3
_MODAL_WINDOW = 3

_TOK_START = attrgetter("tok_start")

#: Quad classes that count as cooperation in the dyad tables.
COOPERATION = ("verbal_cooperation", "material_cooperation")


class Event(NamedTuple):
    """One coded event: the word, its type and weight, qualifiers, source and target."""

    start: int
    end: int
    action: str
    event: str
    mode: str
    quad_class: str
    goldstein: float
    negated: bool
    modality: str
    passive: bool
    source_id: str
    source: str
    target_id: str
    target: str
    rule: str
    cameo: str = ""
    root: str = ""
    plover: str = ""
    name: str = ""
    rank: int = 0  # syntactic level (see clause_rank): 0 main clause, 1 speech, 2 background
    evidence: str = ""  # where the rule comes from: "events.yml: agree" or a PETRARCH2 line
    source_agent: str = ""  # CAMEO agent code of the source ("COP" for "Kenyan police")
    target_agent: str = ""


class Qualified(NamedTuple):
    """An event word with what qualifies it (all the main-event rule reads)."""

    hit: Any
    attrs: dict
    goldstein: float
    negated: bool
    modality: str
    code: Any = None  # the CameoCode of the event
    rank: int = 0  # syntactic level for the main-event rule (0 = main clause)


class _Roles(NamedTuple):
    """Who did the previous event to whom (a coordinated verb shares its subject)."""

    sources: list[Mention]
    target: Mention | None


def main_index(events) -> int:
    """Return the index of the main event of a sentence.

    The rule, in order: (1) the event of the main clause wins over events in
    reported speech, which win over background: events named by nouns and
    those of a fronted clause (``rank`` 0, 1, 2: see :func:`clause_rank`), so "Frustrated by Japan's
    sanctions of Russia for its aggression in Ukraine, Moscow notified Tokyo
    that talks are over" has the halted talks as its main event, not the
    nouns "sanctions" or "aggression" in the fronted phrase; (2) of the
    events of the best rank, an asserted one (neither negated nor modal)
    wins over the others; (3) then the first in text order. English puts a
    clause's finite verb before its complements, so the first event word of
    the best level is the clause's own act and the later ones are what it
    governs ("signed two laws meant to rein in ...", "took a parting shot
    ... by dubbing", "released two priests kidnapped earlier"). Until
    December 2026 rule (3) took the largest absolute Goldstein weight, which
    let any violent word of a sentence win over its act (ConfliBERT
    development set, issue 14: PentaClass 0.51 to 0.57, cooperation/conflict
    0.69 to 0.74). ``events`` are records with ``goldstein``,
    ``negated``, ``modality`` and ``rank`` (:class:`Event` rows or
    :class:`Qualified` words). This is the one place the choice is made.

    Examples
    --------
    >>> q = [Qualified(None, {}, -5.6, True, ""), Qualified(None, {}, 1.0, False, ""),
    ...      Qualified(None, {}, -2.0, False, "")]
    >>> main_index(q)
    1
    >>> q = [Qualified(None, {}, -10.0, False, "", rank=2), Qualified(None, {}, 1.0, False, "")]
    >>> main_index(q)
    1
    """
    best = min(e.rank for e in events)
    level = [k for k, e in enumerate(events) if e.rank == best]
    asserted = [k for k in level if not events[k].negated and not events[k].modality]
    return (asserted or level)[0]


# Words before a noun that make an event word a noun ("the killing", "its
# aggression", "for sanctions"); "to" is left out ("agreed to meet").
_NOUN_MARKERS = frozenset(
    "the a an its their his her our this that these those 's ’s ' of for in on by with "
    "against over after before from amid despite".split()
)
# First words of a fronted adverbial clause ("Frustrated by ...,", "After talks failed,").
_SUBORDINATORS = frozenset(
    "after before although though while when whereas since because if unless despite "
    "following amid as".split()
)


def clause_rank(s: Sentence, hit, in_speech: bool) -> int:
    """The syntactic level of an event word: 0 main clause, 1 reported speech, 2 background.

    A noun is an event word the dictionary marks ``nominal`` or one after a
    determiner, possessive or preposition ("an attack", "Japan's sanctions",
    "for its aggression") and ranks 2, as does a word of a fronted clause
    that opens the sentence with a participle or subordinator and ends at
    the first comma ("Frustrated by ..., Moscow notified ..."): both are
    background to the main clause. Reported speech ("notified Tokyo that
    talks are over") ranks 1. Everything else is the main clause. Word classes are read from the surface, without a parse tree.
    """
    tokens = s.tokens
    a = hit.tok_start
    if _noun(tokens, hit):
        return 2
    if in_speech:
        return 1
    if relative_verb(tokens, a):
        return 1
    if a < fronted_clause_end(s):
        # A fronted adverbial clause is background to the main clause ("Frustrated
        # by ..., Moscow notified Tokyo that talks are over"): below the reported act.
        return 2
    if in_apposition(s, a):  # "Russia, Serbia's traditional ally, condemned": a noun
        return 2
    return 0


def _noun(tokens, hit) -> bool:
    """Whether an event word is a noun: the dictionary marks it ``nominal``, or it follows a
    determiner, a possessive or a preposition (see :func:`clause_rank`)."""
    a = hit.tok_start
    return bool(hit.attrs.get("nominal")) or (a > 0 and tokens[a - 1].norm in _NOUN_MARKERS)


def fronted_clause_end(s: Sentence) -> int:
    """Index of the comma that closes a fronted clause ("After talks failed, ..."), else -1.

    A fronted clause opens the sentence with a subordinator or a participle
    ("Frustrated by ...", "Following ...") and ends at the first comma.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> fronted_clause_end(Sentence(tokenize("After talks failed, Japan left."), "", 0, [], [], {}))
    3
    """
    tokens = s.tokens
    first = tokens[0].norm if tokens else ""
    if first in _SUBORDINATORS or first.endswith(("ed", "ing")):
        return next((i for i, tok in enumerate(tokens) if tok.norm == ","), -1)
    return -1


def main_event(found: list[Event]) -> Event | None:
    """The event reported in ``score`` (see :func:`main_index`); None without events."""
    return found[main_index(found)] if found else None


def event_label(event: Event) -> str:
    """The event type with its qualifiers: "would not cooperate"."""
    parts = [event.modality] if event.modality else []
    if event.negated:
        parts.append("not")
    parts.append(event.event)
    return " ".join(parts)


class _Coder(NamedTuple):
    """What the rules read in one sentence, gathered once for all its event words."""

    s: Sentence
    speech: SpeechSpans
    hits: list  # the event words, in text order
    modals: list  # the modal stance markers, in text order
    groups: dict[int, list[Mention]]  # subject's tok_start -> the actors joined to it


def events_in(
    s: Sentence, speech: SpeechSpans, stance: list, event_hits: list, detail: bool = True
) -> list[Event]:
    """Events of one sentence from its ``events.yml`` hits.

    ``detail=False`` (the ``score`` hot path) returns only the main event,
    resolving no event after it. Every event yields at least one row and the
    rows of one word share its qualifiers, so the main row is the first row of
    the main word; the words before it are still resolved, since a
    coordinated verb takes its subject from the one before.
    """
    hits = event_hits
    if s.mentions:  # an event word inside an actor's name is not an event ("United States")
        named = s.named()
        hits = [h for h in event_hits if h.tok_start not in named]
    if any(compound_adjective(s.tokens, h.tok_start) for h in hits):
        hits = [h for h in hits if not compound_adjective(s.tokens, h.tok_start)]
    if speech.rows and any(h.category == PETRARCH for h in hits):
        hits = _without_saying(speech, hits)
    modals = [hit for hit in stance if hit.category in MODALITY_CATEGORIES]
    coder = _Coder(s, speech, hits, modals, {})
    categories = dictionary("events").category_attrs
    if any(h.category == PETRARCH for h in hits):
        categories = {**categories, PETRARCH: {}}
    # What qualifies each event comes first: it alone decides which is the main one.
    qualified = [_qualify(coder, hit, categories[hit.category]) for hit in hits]
    if not detail and qualified:
        qualified = qualified[: main_index(qualified) + 1]
    rows: list[Event] = []
    previous: _Roles | None = None
    first_of_hit = 0  # where the rows of the latest word begin
    for word in qualified:
        first_of_hit = len(rows)
        sources, target, rule, is_passive = _roles(coder, word.hit, previous)
        rows.extend(_rows(s, word, sources, target, rule, is_passive))
        previous = _Roles(sources, target)
    if not detail and rows:
        return rows[first_of_hit : first_of_hit + 1]
    return rows


#: CAMEO roots of plain statements (make a public statement, appeal). "X said (that) Y"
#: reports X's statement: Y's act is reported speech, ranked below it. The ConfliBERT
#: coders code every such sentence of their development set as "make a statement"
#: (issue 14); an act that a saying performs ("notified Tokyo that talks are over",
#: PETRARCH2's 040) is still replaced by the act it reports.
_STATEMENT_ROOTS = frozenset({"01", "02"})


def _without_saying(speech: SpeechSpans, hits: list) -> list:
    """``hits`` without the PETRARCH2 words that are the verb of a speech whose content
    holds an event word of the project's list.

    "Moscow notified Tokyo that the talks are over": the reported act (164,
    with the speaker as its source) is the event, not the notifying (PETRARCH2's
    040), as PETRARCH2 itself codes the reported act; the project's own word
    goes first (:mod:`helpers.diplomacy.petrarch_events`).
    """
    # The starts of the project's words, to look up each speech's content (linear work).
    own = sorted(h.start for h in hits if h.category != PETRARCH)
    saying = [
        row
        for row in speech.rows
        if bisect_left(own, row.content_end) > bisect_left(own, row.content_start)
    ]
    if not saying:
        return hits
    verbs = sorted(row.verb_start for row in saying)
    # A plain statement verb that opens its content ("Taiwan prosecutors said a man was
    # detained") stays: the subject's act is the statement (see _STATEMENT_ROOTS).
    leading = sorted(row.verb_start for row in saying if row.verb_start < row.content_start)
    return [
        h
        for h in hits
        if h.category != PETRARCH
        or bisect_left(verbs, h.end) == bisect_left(verbs, h.start)
        or (
            str(h.attrs.get("cameo", ""))[:2] in _STATEMENT_ROOTS
            and bisect_left(leading, h.end) > bisect_left(leading, h.start)
        )
    ]


def _qualify(coder: _Coder, hit, attrs: dict) -> Qualified:
    """Weight, negation and modality of one event word."""
    tokens = coder.s.tokens
    a, b = hit.tok_start, hit.tok_end
    code = cameo_code(str(hit.attrs.get("cameo", attrs.get("cameo", "010"))))
    negated = negated_before(tokens, a, _NEG_WINDOW) or (
        b < len(tokens) and tokens[b].norm in {"not", "n't"}
    )
    attribution = coder.speech.at(hit)
    in_speech = attribution is not None and not _reported_act(attribution, code)
    rank = clause_rank(coder.s, hit, in_speech)
    return Qualified(hit, attrs, code.goldstein, negated, _modality(coder, a, b), code, rank)


def _reported_act(attribution: Attribution, code) -> bool:
    """Whether a reported material act counts as the main clause's event.

    A wire-service sentence that ends on its attribution ("A suicide bomber
    killed five people, officials said") or names it with "according to"
    reports an act; the saying only names the source of the report. CAMEO
    codes the act (the reporting verb is coded only when nothing else
    happened), so a material act (CAMEO roots 06-08 and 14-20: "killed",
    "released", "arrested") in such a content ranks with the main clause.
    Verbal acts stay in the dependent clause: "the talks failed, officials
    said" remains a statement. Added for issue 14; measured on the ConfliBERT
    development set (PentaClass 0.57 to 0.59 with the text-order rule of
    :func:`main_index`).
    """
    trailing = attribution.verb_start >= attribution.content_end
    return (trailing or attribution.kind == "according_to") and code.quad_class.startswith(
        "material"
    )


def _modality(coder: _Coder, a: int, b: int) -> str:
    """The modal that qualifies an event.

    A modal before the event in its clause ("would not join"), or one right
    after a nominal event and its target ("a strike on Japan could lead to"):
    only actor names may stand between the event and that modal.
    """
    # Only modals near the event can qualify it: look no further for the others.
    modals = coder.modals
    if not modals:
        return ""
    first = bisect_left(modals, a - _MODAL_WINDOW, key=_TOK_START)
    last = bisect_left(modals, b + _MODAL_WINDOW, key=_TOK_START)
    if first == last:
        return ""
    s = coder.s
    lower = max(s.clause_start(a), a - _MODAL_WINDOW)
    found = ""
    for hit in modals[first:last]:
        word = s.tokens[hit.tok_start].text if hit.tok_end - hit.tok_start == 1 else hit.pattern
        if lower <= hit.tok_start and hit.tok_end <= a:
            found = word
        elif not found and b <= hit.tok_start < b + _MODAL_WINDOW:
            named = s.named()
            if all(i in named for i in range(b, hit.tok_start)):
                found = word
    return found


def _roles(
    coder: _Coder, hit, previous: _Roles | None
) -> tuple[list[Mention], Mention | None, str, bool]:
    """``(sources, target, rule, passive)`` of one event word."""
    s = coder.s
    a, b = hit.tok_start, hit.tok_end
    lower = s.clause_start(a)
    if passive(s.tokens, a, b):
        agent = s.passive_agent(b)
        sources = [agent] if agent is not None else []
        return sources, s.nearest_before(a, lower), "passive: agent after 'by' is the source", True
    upper = s.clause_end(b)
    if clause_rank(s, hit, False) == 2:
        # "an attack by Russia on Ukraine", "the shelling of Kharkiv by Russia":
        # the actor after "by" does the act a noun names; the target is the other one.
        agent = s.passive_agent(b)
        if agent is not None:
            target = s.first_after(b, upper, exclude=agent.actor_id)
            return [agent], target, "noun: the actor after 'by' is the source", False
    # Stop the object search at the next event word of the clause.
    hits = coder.hits
    if len(hits) > 1:
        following = bisect_left(hits, b, key=_TOK_START)
        if following < len(hits):
            upper = min(upper, hits[following].tok_start)
    attribution = coder.speech.at(hit)
    sources, rule = _sources(coder, attribution, hit, lower, previous)
    exclude, agent = (sources[0].actor_id, sources[0].agent) if len(sources) == 1 else ("", None)
    target = s.first_after(b, upper, exclude=exclude, exclude_agent=agent)
    if (
        target is None
        and attribution is not None
        and attribution.addressee_id
        and rule.startswith("speaker")
    ):
        target = stand_in(attribution.addressee_id, "addressee")
        rule += "; addressee is the target"
    return sources, target, rule, False


def _sources(
    coder: _Coder, attribution: Attribution | None, hit, lower: int, previous: _Roles | None
) -> tuple[list[Mention], str]:
    """The source actors of an active event word, and the rule that found them."""
    s = coder.s
    a = hit.tok_start
    content_lower = first = lower
    if attribution is not None:
        first = token_index(s.tokens, attribution.content_start)  # the content's first token
        content_lower = max(lower, first)
    if a > 0 and s.tokens[a - 1].norm == "to" and not hit.attrs.get("nominal"):
        # An infinitive ("to release"): a request's or a control verb's object may do it.
        controlled = _infinitive_sources(coder, attribution, a, first)
        if controlled is not None:
            return controlled
    pronoun = relative_pronoun(s.tokens, a)
    if pronoun >= 0 and not complementizer(s, coder.hits, pronoun, attribution):
        # "condemned a government that seized power": the relative clause's subject is the
        # noun phrase before its pronoun, an actor or no one, never the main clause's subject.
        antecedent = antecedent_of(s, pronoun)
        if antecedent is not None:
            return _group(coder, antecedent), "relative clause: its antecedent"
        return [], "relative clause: its antecedent is no actor"
    subject = s.nearest_before(a, content_lower)
    if (
        previous is not None
        and subject is not None
        and previous.target is subject
        and any(t.norm == "and" for t in s.tokens[subject.tok_end : a])
    ):
        # "mobilizes forces to support NATO and confronts Europe": the
        # second verb shares the first one's subject, not its object.
        return previous.sources, "coordinated verb shares the subject"
    if subject is not None:
        return _group(coder, subject), "clause subject"
    if previous is not None and previous.sources and after_and(s.tokens, a):
        # "which brokered the ceasefire and deployed peacekeepers": no subject of its own.
        return previous.sources, "coordinated verb shares the subject"
    spoken = coder.speech.spoken_by(hit)
    if spoken is not None and spoken.speaker_id:
        # "Nigeria's president, Bola Tinubu, who chairs ECOWAS, urged ...": the
        # verb is a reporting verb whose speaker the attribution rules found
        # past the apposition and the relative clause, where the nearest
        # mention in the clause (none, or ECOWAS) would be the wrong one. Before
        # the speaker of a speech around it: "China urged restraint, while the UN
        # Secretary-General, António Guterres, said ..." is Guterres's saying.
        speaker = stand_in(spoken.speaker_id, spoken.speaker_form)
        return [speaker], "speaker of the verb"
    # "the detained sailors": a participle after a determiner describes, it reports no act.
    participle = a > 0 and s.tokens[a - 1].norm in _NOUN_MARKERS and s.tokens[a].norm.endswith("ed")
    if (
        attribution is not None
        and attribution.speaker_id
        and not hit.attrs.get("nominal")
        and not participle
    ):
        # "Russia notified Tokyo that talks are over": the speaker acts. Not for a noun
        # or a participle after a determiner ("warned that sanctions would fail", "urged
        # Russia to release the detained sailors": whose sanctions, who detained, is open).
        speaker = stand_in(attribution.speaker_id, attribution.speaker_form)
        return [speaker], "speaker of the reported speech"
    before = before_relative_clause(s, lower)
    if before is not None:
        # "The Kremlin, which brokered the ceasefire, reacted coolly": the subject stands
        # before the relative clause that the commas close off.
        return _group(coder, before), "subject before a relative clause"
    before = None if _noun(s.tokens, hit) else before_apposition(s, lower)
    if before is not None:  # "China, the country's biggest creditor, agreed": a verb's subject
        return _group(coder, before), "subject before an apposition"
    main = s.participle_subject(a)
    if main is not None:
        return [main], "participle takes the main subject"
    return [], "no source actor found"


def _infinitive_sources(coder: _Coder, attribution, a: int, first: int):
    """``(sources, rule)`` of the infinitive at ``a`` whose subject is an object before it
    (object control), or None when another rule decides."""
    s = coder.s
    if attribution is not None:
        # "Nigeria urged Russia to release the sailors": the one urged is asked to act
        # (object control), so the addressee, not the speaker, would do the release.
        if attribution.addressee_id:
            addressee = stand_in(attribution.addressee_id, "addressee")
            return [addressee], "addressee of the request acts"
        if first < a - 1 and s.nearest_before(a, first) is None:
            # "She urged member states to pay": words that name no actor stand before "to".
            return [], "the infinitive's subject is no actor"
        return None
    verb = _controlling_verb(s.tokens, a)
    if verb < 0:
        return None
    # "Washington pressed both governments to compromise": the ones pressed would
    # compromise, not the one pressing.
    found = s.nearest_before(a - 1, verb + 1)
    if found is not None and found.tok_end == a - 1:
        return _group(coder, found), "object of the verb acts"
    return [], "the infinitive's subject is no actor"


# Verbs whose object is the understood subject of the to-infinitive after it (object
# control): "pressed Serbia to compromise", "forced the army to withdraw". Reporting verbs
# of request ("urged", "asked") are read with their attribution above; these are not speech.
_OBJECT_CONTROL = frozenset(
    "press presses pressed pressing push pushes pushed pushing pressure pressures pressured "
    "pressuring force forces forced forcing compel compels compelled persuade persuades "
    "persuaded encourage encourages encouraged order orders ordered invite invites invited "
    "allow allows allowed permit permits permitted".split()
)
# The longest object read between such a verb and "to".
_OBJECT_TOKENS = 6


def _controlling_verb(tokens, a: int) -> int:
    """Index of the object-control verb before the object before "to" at ``a - 1``, else -1:
    "pressed both governments to compromise" (an object between the verb and "to"; none, as
    in "pushed to expand", is the subject's own act)."""
    for k in range(a - 3, max(-1, a - 2 - _OBJECT_TOKENS), -1):
        norm = tokens[k].norm
        if norm in _OBJECT_CONTROL:
            return k
        if not norm[:1].isalnum() and norm not in ("'s", "'"):
            return -1  # a comma or a stop: the object ends there
    return -1


def _group(coder: _Coder, last: Mention) -> list[Mention]:
    """``last`` and the mentions joined to it by "and" / "," ("Moscow and Tokyo"), one per actor.

    Worked out once per subject: several verbs of one subject share it.
    """
    found = coder.groups.get(last.tok_start)
    if found is not None:
        return found
    s = coder.s
    mentions = s.mentions
    members = [last]  # from the last backwards
    index = s.index_of(last)
    fronted = fronted_clause_end(s)  # "After the attack on Ukraine, Japan ...": no list
    while index > 0:
        previous = mentions[index - 1]
        if previous.tok_end <= fronted < members[-1].tok_start:
            break
        between = [t.norm for t in s.tokens[previous.tok_end : members[-1].tok_start]]
        if between and all(w in {",", "and"} for w in between):
            members.append(previous)
            index -= 1
        else:
            break
    members.reverse()
    if len(members) > 1:
        seen: dict[str, Mention] = {}
        for mention in members:
            seen.setdefault(mention.actor_id, mention)
        members = list(seen.values())
    coder.groups[last.tok_start] = members
    return members


def _rows(
    s: Sentence, word: Qualified, sources: list, target: Mention | None, rule: str, is_passive: bool
) -> list[Event]:
    """The event rows of one word: one per source, or one per ordered pair of a symmetric event."""
    hit, attrs = word.hit, word.attrs or word.hit.attrs
    if len(sources) >= 2 and target is None and bool(attrs.get("symmetric", False)):
        pairs = [(x, y) for x in sources for y in sources if x.actor_id != y.actor_id]
    elif sources:
        pairs = [(source, target) for source in sources]
    else:
        pairs = [(None, target)]
    event = str(attrs.get("event", hit.category))
    code = word.code
    evidence = str(hit.attrs.get("evidence", "")) or f"events.yml: {hit.category}: {hit.pattern}"
    rows = []
    for source, tgt in pairs:
        if source is not None and tgt is not None and _same(source, tgt):
            tgt = None
        rows.append(
            Event(
                hit.start,
                hit.end,
                hit.pattern,
                event,
                hit.category,
                code.quad_class,
                word.goldstein,
                word.negated,
                word.modality,
                is_passive,
                _actor_id(source),
                _actor_name(s, source),
                _actor_id(tgt),
                _actor_name(s, tgt),
                rule,
                code.code,
                code.root,
                code.plover,
                code.name,
                word.rank,
                evidence,
                source.agent if source else "",
                tgt.agent if tgt else "",
            )
        )
    return rows


def _same(a: Mention, b: Mention) -> bool:
    """Whether two mentions are one actor: the same actor and the same agent (KEN + COP).

    A state named by its name or capital is its government: "Vietnam's foreign ministry
    spokeswoman said Hanoi had ..." (VNM + GOV, then VNM) names one actor twice.
    """
    if _actor_id(a) != _actor_id(b):
        return False
    return a.agent == b.agent or {a.agent, b.agent} == {_GOVERNMENT, ""}


_GOVERNMENT = "GOV"


def _actor_id(mention: Mention | None) -> str:
    """The actor id of a source or target; an agent of no known country ("gunmen") is
    its agent code with no country (``UAF``, ``CVL``, ``REB``)."""
    if mention is None:
        return ""
    return mention.actor_id or mention.agent


def _actor_name(s: Sentence, mention: Mention | None) -> str:
    """The actor's name; an agent of no known country is named by its words ("gunmen")."""
    if mention is None:
        return ""
    if not mention.actor_id and mention.agent:
        return mention.text
    return s.name(mention)
