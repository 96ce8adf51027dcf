"""Who a text names: states, organisations and blocs, by name, demonym, capital or leader.

The actors list (``data/lexicons/actors.yml``, or a researcher's own file) gives
each actor its names, aliases, demonyms ("Russian"), capital and metonyms
("Moscow", "the Kremlin") and, for the main powers, leaders with their terms of
office. :func:`load_actors` compiles every form into one
:class:`helpers.lexicons.Dictionary` (the project's single matcher), so
matching is leftmost-longest ("North Korea" never also yields "Korea") and
case-sensitive for names ("US" is not "us"; "Chad" is not "chad").

Resolution rules, applied to each sentence:

Leaders
    A leader's name is a ``leader`` mention of the actor they led. When a
    ``date`` is given, ``in_term`` says whether they held office on that day
    (a term runs from its ``from`` day up to, not including, its ``to`` day);
    a leader out of office is still resolved, only flagged. A name shared by
    two people or two offices ("Bush"; Mark Rutte: Netherlands, then NATO)
    goes to the office held on the date, else the nearest in time; undated, to
    the most recent.
Role words
    "officials", "the Foreign Ministry", "diplomats" refer to no one by
    themselves. They become one ``institution`` mention, spanning the whole
    phrase, only when the sentence ties them to an actor: ``<actor> <role>``
    ("Hungarian officials", "U.S. officials", "the Biden administration"),
    ``<actor>'s <role>`` ("Russia's foreign ministry"), optionally with one
    listed modifier between ("Japan's top diplomat", "Russian military
    officials"), or ``<role> in|of|from <actor>`` ("the Foreign Ministry in
    Moscow"). Roles that are located rather than owned (embassy, troops,
    diplomats) are not tied by "in". Adjacent role words form one role
    ("foreign ministry spokesman").
Titles
    A role directly before a leader's name is the leader's title: "Russian
    President Vladimir Putin" is one ``leader`` mention.
Historical actors
    The Soviet Union ("the Soviets", "USSR") is its own actor, a predecessor of
    Russia, never merged with it; "Moscow" stays Russia whatever the date.

Beyond states (issue 15)
    NGOs, news media, armed groups and companies are actors of their own
    types; organs ("the Commission") are their organisation's where it was
    named; CAMEO agents beside an actor are its sub-state actors ("Kenyan
    police": KEN + COP; ``Mention.agent``), and agents of no known country
    ("gunmen") are reported on request; people tied to an actor by a role
    beside their name are that actor's through the article
    (:class:`ArticleActors`). The project's own actors file
    (``data/project_actors.yml``, :data:`PROJECT_ACTORS`) is read on top of
    the shipped list.

Capitals in other names
    A one-word capital followed by capitalised words opens another name
    ("Santiago Peña", "the Minsk Accords", "the Moscow Times") and is no
    mention, unless an office, another actor or a word of ``after_a_place``
    in ``names.yml`` stands among them ("Moscow Mayor Sergei Sobyanin",
    "Pentagon Press Secretary", "in Washington Tuesday"):
    :func:`helpers.actors.names.opens_a_name`.

Limits: no coreference ("it", "the country"), no disambiguation from context
beyond these rules (a person named Jordan is Jordan; check the KWIC), and
capitals stand for governments even when a sentence means the city.

Modules: ``resolve`` (:class:`Mention`, :class:`Actors` and the rules above,
:func:`mentions`), ``loader`` (reading and checking an actors file and the
project's, :func:`load_actors`), ``agents`` (CAMEO agents) and ``petrarch``
(converting PETRARCH2's agent dictionary), ``people`` (:class:`ArticleActors`)
and ``names`` (names are not words: the words every analysis skips).
"""

from helpers.actors.loader import (
    PROJECT_ACTORS,
    STATUSES,
    TYPES,
    load_actors,
    project_actors_file,
    use_project_actors,
)
from helpers.actors.people import ArticleActors
from helpers.actors.resolve import (
    FORMS,
    MENTION_COLUMNS,
    TABLE_COLUMNS,
    Actors,
    Mention,
    mentions,
)
from helpers.actors.resolve import _as_date as _as_date  # diplomacy reads dates the same way
from helpers.actors.resolve import _span_text as _span_text  # and rebuilds mention text

__all__ = [
    "FORMS",
    "MENTION_COLUMNS",
    "TABLE_COLUMNS",
    "Mention",
    "Actors",
    "load_actors",
    "mentions",
    "STATUSES",
    "TYPES",
    "PROJECT_ACTORS",
    "ArticleActors",
    "project_actors_file",
    "use_project_actors",
]
