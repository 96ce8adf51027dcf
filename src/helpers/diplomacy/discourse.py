"""What an article has said so far: the antecedents of "he", "its", "the ministry" and "Polyanskiy".

It holds the article's :class:`helpers.actors.people.ArticleActors` too, so
that each sentence's actor mentions include the people and organs the
article tied before.

One :class:`Discourse` is read sentence by sentence through an article
(:func:`helpers.diplomacy.analysis.analyse_seg`); ``score`` scores each row
on its own and has none. It keeps

* the speakers and named people of the current paragraph, in text order: a
  pronoun ("He added", "he said") takes the last compatible one ("he",
  "she": a person; "it": an institution, state or organisation; "they":
  either), and a possessive ("Its spokesman") the subject of the sentence
  before, else the last institution;
* the speaker of the last direct quotation of the paragraph, which a
  quotation with no reporting verb in the next sentence continues;
* for the whole article, the people named with a role or an actor
  ("Dmitry Polyanskiy, Russia's deputy ambassador": later "Polyanskiy" is
  Russia's), the role words last tied to an actor ("China's commerce
  ministry": a later "the ministry" or "a commerce ministry spokesperson"
  is China's) and the actor of each CAMEO agent type ("Moldovan police":
  a later "police" is Moldova's).

Pronouns reach back within the paragraph only; names, short forms and agents
across the article, the way news prose uses them.
"""

from __future__ import annotations

from helpers.diplomacy.phrases import Phrase, capitalised, stretch_kind
from helpers.diplomacy.speakers import Source, describe, is_person

# A subject stands within the first tokens of its sentence.
_SUBJECT_WITHIN = 3


class Discourse:
    """The antecedents one article offers, updated as its sentences are read."""

    __slots__ = (
        "actors",
        "para",
        "recent",
        "last_person",
        "last_body",
        "last_group",
        "last_organisation",
        "quote",
        "subject",
        "subject_para",
        "people",
        "roles",
        "agents",
        "states",
        "documents",
        "sentence",
        "sentence_start",
        "quote_sentence",
        "_mark",
    )

    def __init__(self, actors=None) -> None:
        self.actors = actors  # the article's helpers.actors.people.ArticleActors, if any
        self.para: object = None
        self.recent: list[Source] = []
        self.last_person: Source | None = None
        self.last_body: Source | None = None
        self.last_group: Source | None = None
        self.last_organisation: Source | None = None
        self.quote: Source | None = None
        self.subject: Source | None = None
        self.subject_para = False
        self.people: dict[str, Source] = {}
        self.roles: dict[str, Source] = {}
        self.agents: dict[str, Source] = {}
        self.states: dict[str, list] = {}
        self.documents: dict[str, Source] = {}
        self.sentence = -1
        self.sentence_start = 0
        self.quote_sentence = -2
        self._mark = 0

    def start_sentence(self, para, start: int = 0) -> None:
        """Move to the next sentence (``start``: its first character); a new paragraph
        forgets the antecedents of pronouns."""
        self.sentence += 1
        self.sentence_start = start
        if para != self.para:
            self.para = para
            self.recent = []
            self.last_person = self.last_body = self.last_group = None
            self.last_organisation = None
            self.quote = None
            self.subject_para = False  # "its" still reaches the sentence before; roles do not
        self._mark = len(self.recent)

    # -- look-ups -------------------------------------------------------------------------
    def pronoun(self, norm: str) -> Source | None:
        """The last speaker or named person of the paragraph a pronoun can stand for."""
        if norm in ("he", "she"):
            return self.last_person
        if norm == "it":
            return self.last_body
        if norm == "they":
            return self.last_group
        return None

    def possessor(self, norm: str) -> Source | None:
        """The owner a possessive pronoun names: "its" the subject before, "his" the last person."""
        if norm in ("its", "their"):
            if self.subject is not None and not is_person(self.subject):
                return self.subject
            return self.pronoun("it")
        if norm in ("his", "her"):
            return self.pronoun("he")
        return None

    def person(self, name: str) -> Source | None:
        """A person named earlier in the article, by full name or surname."""
        return self.people.get(name.casefold())

    def short_form(self, words: list[str]) -> Source | None:
        """The actor last tied to these role words ("the ministry", "commerce ministry")."""
        for k in range(len(words)):
            found = self.roles.get(" ".join(words[k:]))
            if found is not None:
                return found
        for k in range(len(words) - 1, 0, -1):
            found = self.roles.get(" ".join(words[:k]))
            if found is not None:
                return found
        return None

    def agent(self, code: str) -> Source | None:
        """The source last tied to an actor with this CAMEO agent type ("police": COP).

        Codes of two parts count by their first ("GOVMIL" is a GOV agent).
        """
        return self.agents.get(code[:3])

    def organisation(self) -> Source | None:
        """The last organisation of the paragraph that is not a state ("the group")."""
        return self.last_organisation

    def title_state(self) -> Source | None:
        """For a title with no country ("Prime Minister Kyriakos Mitsotakis"): the state the
        sentence before was about (its subject), else the state named most so far."""
        subject = self.subject
        if subject is not None and subject.actor_id and subject.kind == "government":
            return subject
        if not self.states:
            return None
        best = max(self.states.values(), key=lambda item: item[0])
        return best[1]

    def subject_state(self) -> Source | None:
        """The subject of the sentence before, in this paragraph, when it is a state or an IGO."""
        subject = self.subject
        if not self.subject_para or subject is None or not subject.actor_id:
            return None
        return subject if subject.kind in ("government", "igo") else None

    # -- what a sentence adds --------------------------------------------------------------
    def remember(self, source: Source, words: list[str] = ()) -> None:
        """Keep a speaker or a named person for the sentences that follow."""
        if not (source.actor_id or source.kind or source.person):
            return
        self.recent.append(source)
        if is_person(source):
            self.last_person = source
            if source.kind in ("anonymous", "person"):
                self.last_group = source
        else:
            self.last_body = source
            self.last_group = source
            if source.kind in ("ngo", "media", "company", "armed_group", "igo"):
                self.last_organisation = source
        if source.person:
            # A later mention may use the full name or one part of it: "Polyanskiy",
            # and for names written family name first, "Fu" (of "Fu Cong").
            parts = source.person.casefold().replace("-", " ").split()
            for key in {source.person.casefold(), parts[0], parts[-1]}:
                self.people[key] = source
        if source.actor_id:
            self.remember_roles(source, words)

    def remember_roles(self, source: Source, words: list[str]) -> None:
        """Tie role words to an actor for later short forms ("the ministry") and agents."""
        for k in range(len(words)):
            self.roles[" ".join(words[k:])] = source
        if source.agent:
            self.agents[source.agent[:3]] = source

    def read_mentions(self, s, kinds: dict[str, str]) -> None:
        """Before the sentence's speakers are read: the role words its institution and agent
        mentions tie to an actor ("Colombian soldiers ..., the army said")."""
        _institutions(self, s, kinds)

    def end_sentence(self, s, kinds: dict[str, str]) -> None:
        """Take in the people a sentence names with a role, and its subject.

        People: two noun phrases side by side between commas, one a name and
        the other a role tied to an actor ("Its ambassador, Al-Harith
        Idriss, spoke"). The subject: the speaker phrase or actor mention
        that opens the sentence, for "its" in the next one.
        """
        tokens = s.tokens
        _people(self, s, kinds)
        subject = None
        for source in self.recent[self._mark :]:
            if 0 <= source.tok_start <= _SUBJECT_WITHIN:
                subject = source
                break
        if subject is None and s.mentions and s.mentions[0].tok_start <= _SUBJECT_WITHIN:
            m = s.mentions[0]
            text = s.chars(tokens[m.tok_start].start, tokens[m.tok_end - 1].end)
            kind = kinds.get(m.actor_id, "")
            subject = Source(text, m.tok_start, m.tok_end, m.actor_id, m.form, kind, "subject")
        self.subject = subject
        self.subject_para = True
        if subject is not None and subject.actor_id:
            for noun in _documents(s):
                self.documents[noun] = subject

    def document(self, head: str) -> Source | None:
        """The author of the document last named with this noun ("a statement ... The final
        statement said"): the subject of the sentence that named it."""
        return self.documents.get(head)

    def remember_quote(self, row) -> None:
        """A direct quotation with its speaker (a verbless quotation right after continues it)."""
        self.quote = row
        self.quote_sentence = self.sentence

    def continued_quote(self, start: int):
        """The quotation a verbless one at character ``start`` continues, or None.

        Only a quotation that opens its sentence, in the sentence right after
        one with an attributed quotation, in the same paragraph.
        """
        if self.quote is None or self.quote_sentence != self.sentence - 1:
            return None
        if start > self.sentence_start:
            return None
        return self.quote


def _people(memory: Discourse, s, kinds: dict[str, str]) -> None:
    """Remember each name that stands beside a role phrase between commas."""
    tokens = s.tokens
    if not any(t.norm == "," for t in tokens):
        return
    stretches, start = [], 0
    for k, token in enumerate(tokens):
        if token.norm in (",", ".", ";", ":", "(", ")", "—", "–", '"'):
            stretches.append((start, k))
            start = k + 1
    stretches.append((start, len(tokens)))
    known = {source.tok_start for source in memory.recent[memory._mark :]}
    predicates: dict[int, bool] = {}
    for (a, b), (c, d) in zip(stretches, stretches[1:], strict=False):
        if b >= len(tokens) or tokens[b].norm != ",":
            continue
        if stretch_kind(tokens, a, b, predicates) != "np":
            continue
        if stretch_kind(tokens, c, d, predicates) != "np":
            continue
        for name, role in (((a, b), (c, d)), ((c, d), (a, b))):
            if name[0] in known or not _a_name(tokens, *name):
                continue
            found = describe(
                s, Phrase(name[0], name[1], role, (-1, -1), "apposition"), kinds, memory
            )
            if found.person and found.actor_id:
                memory.remember(found)


def _a_name(tokens, a: int, b: int) -> bool:
    """True for two or more capitalised words and nothing else ("Al-Harith Idriss")."""
    words = [t for t in tokens[a:b] if t.norm != "-"]
    return len(words) >= 2 and all(capitalised(t) for t in words)


def _institutions(memory: Discourse, s, kinds: dict[str, str]) -> None:
    """Remember the role words of institution mentions ("China's commerce ministry") and the
    last word of names of several words ("European Commission": "the Commission")."""
    tokens = s.tokens
    for m in s.mentions:
        text = s.chars(tokens[m.tok_start].start, tokens[m.tok_end - 1].end)
        kind = kinds.get(m.actor_id, "")
        agent = m.agent
        source = Source(
            text, m.tok_start, m.tok_end, m.actor_id, m.form, kind, m.form, "", "", agent
        )
        if kind == "government":
            count = memory.states.setdefault(m.actor_id, [0, source])
            count[0] += 1
        if not m.actor_id:
            continue
        if m.form in ("institution", "agent") and m.detail:
            memory.remember_roles(source, m.detail.casefold().split())
        elif m.tok_end - m.tok_start > 1 and m.form in ("name", "alias", "organisation"):
            memory.remember_roles(source, [tokens[m.tok_end - 1].norm])


def _documents(s) -> list[str]:
    """The document nouns a sentence names ("with a statement urging ..."), lower case."""
    from helpers.diplomacy.dictionaries import dictionary

    return [
        h.pattern for h in dictionary("speakers").match_tokens(s.tokens) if h.category == "document"
    ]
