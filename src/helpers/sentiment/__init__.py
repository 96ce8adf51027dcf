"""Sentence-level tone with VADER: plain, news-aware, and explained word by word.

Two scores for every sentence, always side by side
    ``*_raw`` is plain VADER (Hutto & Gilbert 2014) as NLTK 3.10 computes it
    (``SentimentIntensityAnalyzer().polarity_scores``), equal to the last
    digit, on the project's pinned lexicon (:mod:`helpers.resources`).
    The default (``compound, pos, neu, neg``) is the **news-aware** score: the
    same algorithm and lexicon, given (a) the words of the sentence as news
    typography writes them (:mod:`~helpers.sentiment.words`) and (b) the
    adjustments in ``data/lexicons/sentiment_domain.yml``
    (:mod:`~helpers.sentiment.domain`): phrases that *name* things of
    international politics lose the valence of their words, and diplomatic
    evaluation words the lexicon lacks get one, each with its reason.

Where things are (one concern per file)
    ``words``    the words VADER reads: as NLTK reads them, as news typography needs
    ``vader``    VADER itself, one function per rule; the method and what to cite
    ``domain``   the news-aware adjustments (``sentiment_domain.yml``)
    ``labels``   the neutral band (:data:`DEFAULT_THRESHOLD`) and the three labels
    ``score``    the ``score`` command's contract (``COLUMNS``, ``score_row`` ...)
    ``tables``   sentence tables for notebooks, aggregates, what the adjustments changed
    ``explain``  each word's valence rule by rule; highlighted spans; domain hits
    ``clauses``  clause-like units of a sentence (the scope of tone toward an actor)
    ``roles``    who did what to whom: verbs that route tone to agent or patient
    ``target``   tone toward a named target in a sentence: the method
    ``target_score``  its side of ``score --target-column``: options, rows, columns
    ``actors``   tone toward each actor (the target method), with an interval where n >= 5
    ``voice``    the journalist's voice against quoted and reported speech
    ``afinn``    a second, independent lexicon (AFINN-165) and its agreement with VADER

Every public name is importable from ``helpers.sentiment`` itself, and
:mod:`helpers.score` finds the ``score`` contract here.

Limits: VADER reads words, not meaning. It misses irony, understatement,
diplomatic formulae whose force comes from protocol ("took note"), and who
is evaluated; the news-aware lexicon fixes only what it lists.
"""

from helpers.sentiment.actors import (
    ACTOR_SENTENCE_COLUMNS,
    MIN_UNITS_FOR_INTERVAL,
    actor_sentences,
    actor_tone,
    bootstrap_mean_ci,
    check_parameters,
)
from helpers.sentiment.afinn import afinn_scores, lexicon_agreement
from helpers.sentiment.clauses import clause_spans
from helpers.sentiment.domain import (
    DOMAIN_ACTIONS,
    DOMAIN_LEXICON,
    DomainLexicon,
    domain_lexicon,
)
from helpers.sentiment.explain import (
    EXPLAIN_COLUMNS,
    VALENCE_LEGEND,
    domain_hits,
    explain_sentence,
    explain_sentences,
    valence_spans,
)
from helpers.sentiment.labels import DEFAULT_THRESHOLD, check_threshold, label
from helpers.sentiment.score import COLUMNS, aggregate_rows, score_dictionaries, score_row
from helpers.sentiment.tables import (
    SENTENCE_COLUMNS,
    aggregate_sentiment,
    change_summary,
    domain_changes,
    polarity_scores,
    score_sentiment,
)
from helpers.sentiment.target import TargetTone, target_tone
from helpers.sentiment.target_place import locate_target
from helpers.sentiment.target_score import (
    TARGET_COLUMNS,
    TargetColumns,
    TargetSpec,
    score_target_row,
    score_target_rows,
)
from helpers.sentiment.vader import Scores, VaderEngine, WordTrace, engine
from helpers.sentiment.voice import VOICE_COLUMNS, voice_segments, voice_summary
from helpers.sentiment.words import news_words, nltk_words

__all__ = [
    "COLUMNS",
    "SENTENCE_COLUMNS",
    "VaderEngine",
    "engine",
    "domain_lexicon",
    "DomainLexicon",
    "nltk_words",
    "news_words",
    "clause_spans",
    "polarity_scores",
    "score_row",
    "aggregate_rows",
    "score_sentiment",
    "explain_sentence",
    "explain_sentences",
    "domain_hits",
    "valence_spans",
    "VALENCE_LEGEND",
    "domain_changes",
    "aggregate_sentiment",
    "actor_sentences",
    "actor_tone",
    "bootstrap_mean_ci",
    "voice_segments",
    "voice_summary",
    "afinn_scores",
    "lexicon_agreement",
    "label",
    "check_parameters",
    "change_summary",
    # also public before the split, and used by other modules
    "DEFAULT_THRESHOLD",
    "check_threshold",
    "score_dictionaries",
    "DOMAIN_LEXICON",
    "DOMAIN_ACTIONS",
    "EXPLAIN_COLUMNS",
    "ACTOR_SENTENCE_COLUMNS",
    "MIN_UNITS_FOR_INTERVAL",
    "VOICE_COLUMNS",
    # new with the split: the records the engine returns
    "Scores",
    "WordTrace",
    # tone toward a named target (issue 18)
    "TARGET_COLUMNS",
    "TargetColumns",
    "TargetSpec",
    "TargetTone",
    "locate_target",
    "score_target_row",
    "score_target_rows",
    "target_tone",
]
