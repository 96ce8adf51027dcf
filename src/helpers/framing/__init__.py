"""Framing with evidence: news frames, policy frames, Entman's functions, history, naming.

Every claim this module makes points at words in the text. The analyses are
dictionary-based, run by the project's one engine (:mod:`helpers.lexicons`) over
the sentences of :func:`helpers.text.segment`, with the dictionaries in
``data/lexicons``:

Generic news frames (``frames_generic.yml``)
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: a
    content analysis of press and television news. *Journal of Communication*,
    50(2), 93-109. Each of the paper's 20 yes/no questions is a category
    ``frame/qN_name`` with indicator patterns; :func:`question_sheet` turns the
    hits into a suggested yes/no per question for a human coder.
Policy frames (``frames_policy.yml``)
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014).
    Tracking the development of media frames within and across policy issues.
    The codebook's 15 dimensions; "Other" is a residual no word list can find,
    so ``policy_other`` is always 0.
Entman's functions (``entman.yml``)
    Entman, R. M. (1993). Framing: toward clarification of a fractured paradigm.
    *Journal of Communication*, 43(4), 51-58. Cue patterns for problem
    definition, causal attribution, moral evaluation and treatment
    recommendation, each linked to the actor it concerns (:mod:`helpers.actors`).
Historical references (``history.yml``), naming (``naming.yml``), episodic
versus thematic cues (``episodic_thematic.yml``; Iyengar 1991).

Proper names containing frame words. "World War II" contains "war", but
naming the war is a historical reference, not a conflict frame. The frame
dictionaries list such names in a ``_proper_names`` category: the engine's
leftmost-longest matching lets the longer name win, and ``_`` categories are
never reported, so "war" inside the name does not count. The same name is
counted by :func:`historical_references`. "Another World War" (no numeral) is
not suppressed: it speaks of a possible war.

Whether a frame is present in an article (:mod:`~helpers.framing.decide`): each
frame is a scale of its codebook questions, as in Semetko & Valkenburg's own
procedure. A question's answer grows with the density of its indicators (hits
per 1,000 tokens, so long articles are not favoured) up to 1; the frame's score
is the mean of the better half of its answers; the frame is present when the
score reaches its threshold,
set for each generic frame on human-coded development articles by a stated rule
(maximum balanced accuracy) and overridable (``thresholds=``, notebook 03's
``FRAME_THRESHOLDS``).

Limits: a dictionary sees words, not meaning. Negation ("no conflict"), irony,
quotation of an opponent's words and metaphor all count like plain statements;
every table therefore carries the matched words and sentence ids so a reader
can check. See the closing cell of ``notebooks/03_framing.ipynb``.

Where to find what (one concern per module; this package re-exports the public names):

- :mod:`~helpers.framing.dictionaries`: schemes, parameter checks, loading and caching
  the dictionaries;
- :mod:`~helpers.framing.decide`: a question's answer, a frame's score and threshold,
  whether it is present;
- :mod:`~helpers.framing.frames`: frame hits, salience, the dominant frame, the catalog
  of frames and questions;
- :mod:`~helpers.framing.questions`: the codebook question sheet (build, write, read);
- :mod:`~helpers.framing.entman`, :mod:`~helpers.framing.history`,
  :mod:`~helpers.framing.naming`, :mod:`~helpers.framing.episodic`: one analysis each;
- :mod:`~helpers.framing.explore`: co-occurrence, arc, highlighted text, KWIC, collocations;
- :mod:`~helpers.framing.score`: the ``score`` contract (``COLUMNS``, ``score_row``, ...).
"""

from helpers.framing.decide import (
    DEFAULT_THRESHOLDS,
    SATURATION,
    UNMEASURED_THRESHOLD,
    check_thresholds,
    frame_score,
    question_answer,
)
from helpers.framing.dictionaries import (
    GENERIC_FRAMES,
    POLICY_FRAMES,
    SCHEMES,
    check_parameters,
    load_custom_dictionary,
)
from helpers.framing.entman import ENTMAN_COLUMNS, entman_functions, entman_summary
from helpers.framing.episodic import EPISODIC_COLUMNS, episodic_thematic
from helpers.framing.explore import (
    collocations,
    cooccurrence,
    evidence_spans,
    frame_arc,
    highlight_frames,
    kwic,
)
from helpers.framing.frames import (
    HIT_COLUMNS,
    dominant_frame,
    frame_catalog,
    frame_hits,
    frame_name_skips,
    frame_salience,
)
from helpers.framing.history import HISTORY_COLUMNS, historical_references, history_summary
from helpers.framing.naming import NAMING_COLUMNS, naming_choices, naming_summary
from helpers.framing.questions import (
    QUESTION_SHEET_COLUMNS,
    question_sheet,
    read_question_sheet,
    write_question_sheet,
)
from helpers.framing.score import (
    AGGREGATE_KEYS,
    COLUMNS,
    aggregate_rows,
    score_dictionaries,
    score_row,
)

__all__ = [
    "SCHEMES",
    "GENERIC_FRAMES",
    "POLICY_FRAMES",
    "COLUMNS",
    "AGGREGATE_KEYS",
    "DEFAULT_THRESHOLDS",
    "SATURATION",
    "UNMEASURED_THRESHOLD",
    "HIT_COLUMNS",
    "frame_name_skips",
    "ENTMAN_COLUMNS",
    "HISTORY_COLUMNS",
    "NAMING_COLUMNS",
    "EPISODIC_COLUMNS",
    "QUESTION_SHEET_COLUMNS",
    "check_parameters",
    "check_thresholds",
    "question_answer",
    "frame_score",
    "load_custom_dictionary",
    "frame_catalog",
    "frame_hits",
    "frame_salience",
    "dominant_frame",
    "question_sheet",
    "write_question_sheet",
    "read_question_sheet",
    "entman_functions",
    "entman_summary",
    "history_summary",
    "historical_references",
    "naming_choices",
    "naming_summary",
    "episodic_thematic",
    "cooccurrence",
    "frame_arc",
    "evidence_spans",
    "highlight_frames",
    "kwic",
    "collocations",
    "score_dictionaries",
    "score_row",
    "aggregate_rows",
]
