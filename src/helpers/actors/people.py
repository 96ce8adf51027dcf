"""The actors of one article read in order: people tied to an actor, and organs in context.

:class:`ArticleActors` reads an article sentence by sentence
(:meth:`ArticleActors.find`) and remembers two things
:meth:`helpers.actors.Actors.find` cannot know from one sentence:

People
    A name the actors list does not know becomes a person of an actor where
    the article ties them: a name and a role phrase of that actor side by side
    between commas ("Dmitry Polyanskiy, Russia's deputy ambassador,"; "China's
    envoy, Fu Cong,"), a role right before the name ("Turkish Defence Minister
    Yasar Guler"), or "NAME of STATE" ("Cedric Schuster of Samoa"). The name
    there, and later the full name or one of its words ("Polyanskiy", "Fu"),
    are ``person`` mentions of that actor, with the role's agent code. A
    former office-holder ("a former president") is not tied: they do not
    speak for the state.
Organs
    "the Commission", "the Security Council" are their organisation's
    mentions once that organisation has been named in the article (the
    ``organs`` of ``actors.yml``).

Limits: a name is two or more capitalised words (or one between commas);
people named without a role, or only by a pronoun, stay unknown; the same
surname for two people goes to the one named last.
"""

from __future__ import annotations

from helpers.actors.resolve import Actors, Mention, _as_date, _span_text
from helpers.text import Token

__all__ = ["ArticleActors"]

# Particles inside personal names ("Lula da Silva", "Majed al-Ansari").
_PARTICLES = frozenset(
    {"al", "el", "da", "de", "di", "do", "dos", "du", "van", "von", "der", "bin"}
)
_DETERMINERS = frozenset({"the", "a", "an"})
# Forms of a mention that can tie a person: a role of an actor, or a state named after "of".
_TYING = frozenset({"institution", "leader"})
_FORMER = frozenset({"former", "ex", "late", "retired"})


class ArticleActors:
    """One article's actors, read sentence by sentence (see the module docstring).

    Parameters
    ----------
    actors : Actors
    date : str, date or datetime, optional
        The article's date (for leaders' terms).

    Examples
    --------
    >>> from helpers.actors import load_actors
    >>> from helpers.text import tokenize
    >>> article = ArticleActors(load_actors())
    >>> _ = article.find(tokenize("Dmitry Polyanskiy, Russia's deputy ambassador, spoke."))
    >>> [(m.actor_id, m.form, m.text) for m in article.find(tokenize("Polyanskiy said no."))]
    [('RUS', 'person', 'Polyanskiy')]
    """

    def __init__(self, actors: Actors, date=None) -> None:
        self.actors = actors
        self.day = _as_date(date)
        self.named: dict[str, int] = {}
        self.people: dict[str, Mention] = {}
        self._order = 0

    def find(
        self, tokens: list[Token], hits=None, agents: bool = False, agent_hits=None
    ) -> list[Mention]:
        """The mentions of the next sentence, people and organs included (in text order)."""
        found = self.actors.find(
            tokens, self.day, hits, context=self.named, agents=agents, agent_hits=agent_hits
        )
        found = self._people(tokens, found)
        for m in found:
            if m.actor_id:
                self._order += 1
                self.named[m.actor_id] = self._order
        return found

    # -- people ---------------------------------------------------------------------------
    def _people(self, tokens: list[Token], found: list[Mention]) -> list[Mention]:
        runs = _name_runs(tokens, found)
        if not runs:
            return found
        extra = []
        for a, b in runs:
            known = self._known(tokens, a, b)
            if known is None:
                known = self._tied(tokens, a, b, found)
            if known is not None:
                text = _span_text(tokens, a, b)
                extra.append(
                    Mention(
                        known.actor_id,
                        "person",
                        tokens[a].start,
                        tokens[b - 1].end,
                        text,
                        a,
                        b,
                        None,
                        known.detail,
                        known.agent,
                    )
                )
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: m.tok_start)

    def _known(self, tokens: list[Token], a: int, b: int) -> Mention | None:
        """A person named earlier: the whole name, or one word of it ("Polyanskiy")."""
        people = self.people
        if not people:
            return None
        found = people.get(_span_text(tokens, a, b).casefold())
        if found is None and b - a == 1:
            found = people.get(tokens[a].norm)
        return found

    def _tied(self, tokens: list[Token], a: int, b: int, found: list[Mention]) -> Mention | None:
        """Register the name ``tokens[a:b]`` when the sentence ties it to an actor."""
        owner = _owner(tokens, a, b, found)
        if owner is None:
            return None
        name = _span_text(tokens, a, b)
        agent = owner.agent or ("GOV" if self.actors.kinds.get(owner.actor_id) == "state" else "")
        person = Mention(owner.actor_id, "person", -1, -1, name, a, b, None, name, agent)
        words = [t.norm for t in tokens[a:b] if t.norm != "-" and t.norm not in _PARTICLES]
        for key in {name.casefold(), words[0], words[-1]}:
            self.people[key] = person
        return person


def _name_runs(tokens: list[Token], found: list[Mention]) -> list[tuple[int, int]]:
    """Runs of capitalised words that no mention covers (particles and hyphens inside)."""
    covered = set()
    for m in found:
        covered.update(range(m.tok_start, m.tok_end))
    runs = []
    n = len(tokens)
    i = 0
    while i < n:
        if i in covered or not _capital(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < n and j not in covered:
            token = tokens[j]
            inner = token.norm in _PARTICLES or token.norm == "-"
            if _capital(token) or (inner and j + 1 < n and _capital(tokens[j + 1])):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _capital(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and text[1:2].islower()


def _owner(tokens: list[Token], a: int, b: int, found: list[Mention]) -> Mention | None:
    """The actor mention that ties the name ``tokens[a:b]`` (see the module docstring)."""
    n = len(tokens)
    single = b - a == 1
    before = next((m for m in reversed(found) if m.tok_end <= a), None)
    after = next((m for m in found if m.tok_start >= b), None)
    # A role right before the name: "Turkish Defence Minister Yasar Guler".
    if before is not None and before.tok_end == a and before.form in _TYING and not single:
        return None if _former(tokens, before.tok_start) else before
    # "China's envoy, Fu Cong,": the role phrase ends at the comma before the name.
    if before is not None and before.form in _TYING and before.tok_end == a - 1:
        if tokens[a - 1].norm == "," and (b == n or tokens[b].norm in (",", ".")):
            return None if _former(tokens, _stretch_start(tokens, before.tok_start)) else before
    # "Dmitry Polyanskiy, Russia's deputy ambassador,": the role phrase opens the next stretch.
    if after is not None and after.form in _TYING and b < n and tokens[b].norm == ",":
        gap = [t.norm for t in tokens[b + 1 : after.tok_start]]
        if len(gap) <= 1 and all(g in _DETERMINERS for g in gap) and not _former(tokens, b + 1):
            return after
    # "Cedric Schuster of Samoa": a state after "of", ending the phrase.
    if (
        after is not None
        and not single
        and after.tok_start == b + 1
        and tokens[b].norm == "of"
        and after.form in ("name", "alias")
        and (after.tok_end == n or tokens[after.tok_end].norm in (",", "."))
    ):
        return after
    return None


def _stretch_start(tokens: list[Token], i: int) -> int:
    while i > 0 and tokens[i - 1].norm not in (",", ".", ";", ":"):
        i -= 1
    return i


def _former(tokens: list[Token], i: int) -> bool:
    """True when "former" (or "ex", "late") stands in the two words at ``i``."""
    return any(t.norm in _FORMER for t in tokens[i : i + 3])
