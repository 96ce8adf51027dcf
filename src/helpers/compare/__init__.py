"""Compare articles side by side from the tables their reports wrote.

The per-article notebooks (01-04) save their tables as CSV in
``reports/<article id>/``. This package finds those tables again and puts the
articles next to each other: tone, tone toward each actor, frame salience,
stance densities, the highest rung of the statement-intensity ladder,
who-does-what-to-whom dyads and who statements are sourced to; by outlet and
by date when the article metadata says them. It is what ``notebooks/05_corpus_comparison.ipynb`` calls, and
what the batch index uses for its key figures.

Where things are
----------------
- :mod:`~helpers.compare.tables`: which tables are read and how they are
  recognised (:data:`TABLES`, by their columns), finding report folders,
  reading them.
- :mod:`~helpers.compare.coverage`: which analyses each report has tables
  for (:func:`inventory`, :func:`describe_missing`), so a comparison is never
  silently made on a partial corpus.
- :mod:`~helpers.compare.measures`: one function per per-article measure
  (tone, actor tone, frames, stance, intensity, dyads, metadata).
- :mod:`~helpers.compare.summary`: the headline row per article, averages
  by outlet or date, and the batch index's key figures.

Limits: articles are compared on what each report computed with its own
parameters (a run with other settings belongs in its own reports folder).
Tone toward an actor here is the mean tone of the sentences that name it,
a coarser measure than the clause-level attribution of notebook 02.
"""

from helpers.compare.coverage import describe_missing, inventory
from helpers.compare.measures import (
    actor_tone,
    article_metadata,
    dominant_frames,
    dyad_table,
    frame_salience,
    intensity_by_article,
    sourcing_by_article,
    stance_density,
    tone_by_article,
)
from helpers.compare.summary import by_group, group_fields, key_figures, summary
from helpers.compare.tables import (
    ANALYSES,
    DENSITY_COLUMNS,
    MARKER_COLUMNS,
    SALIENCE_COLUMNS,
    TABLES,
    TableSpec,
    article_folders,
    corpus_output_dir,
    find_tables,
    load_tables,
    reports_folder,
)

__all__ = [
    "ANALYSES",
    "DENSITY_COLUMNS",
    "MARKER_COLUMNS",
    "SALIENCE_COLUMNS",
    "TABLES",
    "TableSpec",
    "actor_tone",
    "article_folders",
    "article_metadata",
    "by_group",
    "corpus_output_dir",
    "describe_missing",
    "dominant_frames",
    "dyad_table",
    "find_tables",
    "frame_salience",
    "group_fields",
    "intensity_by_article",
    "inventory",
    "key_figures",
    "load_tables",
    "reports_folder",
    "sourcing_by_article",
    "stance_density",
    "summary",
    "tone_by_article",
]
