"""Diplomatic language: stance, the intensity ladder, attributed speech, who does what to whom.

Four analyses of one article, each a plain table with the evidence of every
row (the words, their character span, the rule that fired, the list they came
from), and a fast per-sentence scorer for the ``score`` command. Import
everything from here; the files below say where each rule lives.

``stance.py``
    Stance markers after Hyland (2005) and modality after Palmer (2001):
    hedges, boosters, attitude, self-mention, engagement; epistemic, deontic,
    dynamic modals; negation kept and marked (``data/lexicons/stance.yml``).
``ladder.py``
    The intensity ladder: official reactions graded 0-6 (regret ... threat of
    countermeasures), intensifiers and negation, and who makes each statement
    (``data/lexicons/diplomacy.yml``).
``attribution.py``, ``phrases.py``, ``speakers.py``, ``discourse.py``
    Direct quotations and reported speech: reporting verb, speaker (the words,
    the actor, the type), addressee, content (``data/lexicons/reporting_verbs.yml``,
    ``speakers.yml``); what an article carries from sentence to sentence.
``event_coding.py``
    Who does what to whom: event words, source and target, negation and
    modality, and :func:`~helpers.diplomacy.event_coding.main_index`, the one
    rule that picks a sentence's main event (``data/lexicons/events.yml``).
``words.py``, ``sentence.py``
    The closed word classes (negation, clause boundaries, passive voice) and
    one sentence with its actor mentions (:class:`helpers.actors.Mention`), as
    every rule reads them.
``analysis.py``
    One sentence through every analysis; one article sentence by sentence.
``score.py``
    The ``score`` contract: :data:`COLUMNS`, ``score_dictionaries``,
    :func:`score_row`, :func:`score_rows` (a batch of units), :func:`aggregate_rows`.
``tables.py``, ``event_tables.py``, ``densities.py``
    The DataFrames notebook 04 shows: markers, statements, the ladder,
    attributions and evidence spans; events and dyads; stance densities
    against a reference.
``uncertainty.py``, ``sourcing.py``, ``uncertainty_tables.py``
    Uncertainty cues in five classes (epistemic, doxastic, investigation,
    condition, weasel; ``data/lexicons/uncertainty.yml``) with the voice of
    each (writer, reported, quoted); who statements are sourced to (named,
    institutional, anonymous; ``data/lexicons/sourcing.yml``); their tables.
``dictionaries.py``
    The compiled dictionaries and actors, cached; :func:`reload_dictionaries`.

Every table function takes ``seg`` (:func:`helpers.text.segment`), an
optional ``actors`` list (:func:`helpers.actors.load_actors`; the project's
list by default) and an optional ``date`` (the article's publication date, so
that leaders are resolved to the office they held then).

Limits. The rules read word order, not syntax. Speakers are noun phrases
found by word order and closed word classes (``phrases.py``, ``speakers.py``),
carried through an article by ``discourse.py``; a pronoun with no antecedent in
its paragraph, a person never named beside a role, or a phrase that ends in no
known name, role or institution leaves the speaker empty, and the
``speaker_rule`` and ``rule`` columns say which rule decided. Event sources and
targets still come from the actors named near a verb. Irony, litotes beyond
"not unacceptable", and statements spread over several sentences are not seen.

References
    Hyland, K. (2005). Metadiscourse. London: Continuum. Hyland, K. (1998).
    Hedging in Scientific Research Articles. Amsterdam: Benjamins. Palmer,
    F. R. (2001). Mood and Modality, 2nd ed. Cambridge UP. Goldstein, J. S.
    (1992). A conflict-cooperation scale for WEIS events data. Journal of
    Conflict Resolution 36(2), 369-385. Gerner, D. J. et al. (2002). CAMEO
    codebook. Halterman, A. et al. (2023). PLOVER and POLECAT. Schrodt, P. A.
    TABARI manual.
"""

from __future__ import annotations

from helpers.diplomacy.densities import reference_articles, reference_densities, stance_densities
from helpers.diplomacy.dictionaries import reload_dictionaries
from helpers.diplomacy.event_tables import (
    DYAD_COLUMNS,
    EVENT_COLUMNS,
    dyad_matrix,
    dyads,
    events,
    events_by_root,
)
from helpers.diplomacy.ladder import LADDER_LABELS
from helpers.diplomacy.score import (
    COLUMNS,
    aggregate_rows,
    score_dictionaries,
    score_row,
    score_rows,
)
from helpers.diplomacy.sourcing import SOURCING
from helpers.diplomacy.stance import STANCE_TYPES
from helpers.diplomacy.tables import (
    ATTRIBUTION_COLUMNS,
    NAME_SKIP_COLUMNS,
    STANCE_MARKER_COLUMNS,
    STATEMENT_COLUMNS,
    attributed_spans,
    attributions,
    evidence_spans,
    highest_level_by_actor,
    intensity_ladder,
    name_skips,
    stance_markers,
    stance_sentences,
    statements,
)
from helpers.diplomacy.uncertainty import CLASSES as UNCERTAINTY_CLASSES
from helpers.diplomacy.uncertainty_tables import (
    SOURCING_SUMMARY_COLUMNS,
    STATEMENT_SOURCE_COLUMNS,
    UNCERTAINTY_CUE_COLUMNS,
    sourcing_summary,
    statement_sources,
    uncertainty_cues,
)

__all__ = [
    "COLUMNS",
    "STANCE_TYPES",
    "LADDER_LABELS",
    "score_dictionaries",
    "score_row",
    "score_rows",
    "aggregate_rows",
    "reload_dictionaries",
    "stance_markers",
    "stance_sentences",
    "stance_densities",
    "reference_articles",
    "reference_densities",
    "statements",
    "intensity_ladder",
    "highest_level_by_actor",
    "attributions",
    "attributed_spans",
    "events",
    "dyads",
    "events_by_root",
    "dyad_matrix",
    "evidence_spans",
    "name_skips",
    "NAME_SKIP_COLUMNS",
    "STANCE_MARKER_COLUMNS",
    "STATEMENT_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "EVENT_COLUMNS",
    "DYAD_COLUMNS",
    "UNCERTAINTY_CLASSES",
    "SOURCING",
    "uncertainty_cues",
    "statement_sources",
    "sourcing_summary",
    "UNCERTAINTY_CUE_COLUMNS",
    "STATEMENT_SOURCE_COLUMNS",
    "SOURCING_SUMMARY_COLUMNS",
]
