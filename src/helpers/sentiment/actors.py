"""Tone toward actors: the sentences that mention each actor, the tone toward it, and an interval.

:func:`actor_sentences` finds the sentences that mention each actor of
:mod:`helpers.actors` (or a phrase given as ``target``) and gives each the
tone toward that actor (``unit="target"``, the default): the method of
:mod:`helpers.sentiment.target`, the same code as ``score
--target-start-column/--target-end-column`` on the actor's first mention in
the sentence, so the notebook and the command agree. ``unit="sentence"`` or
``"clause"`` gives instead the score of the whole sentence or clause (the
tone of the text *around* the actor). :func:`actor_tone` averages them per
actor, with a percentile bootstrap interval (:func:`bootstrap_mean_ci`) only
where there are at least :data:`MIN_UNITS_FOR_INTERVAL` sentences.
:func:`check_parameters` checks notebook 02's parameters for this.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from helpers.errors import ParameterError
from helpers.sentiment.clauses import clause_of
from helpers.sentiment.domain import DOMAIN_LEXICON, domain_lexicon
from helpers.sentiment.labels import DEFAULT_THRESHOLD, check_threshold, label_shares
from helpers.sentiment.supplement import supplement_lexicon
from helpers.sentiment.tables import as_segmentation
from helpers.sentiment.target import target_tone
from helpers.sentiment.vader import engine

ACTOR_SENTENCE_COLUMNS: tuple[str, ...] = (
    "doc_id", "actor_id", "actor", "sent_id", "unit", "unit_start", "unit_end", "unit_text",
    "n_mentions", "forms", "mention_start", "mention_end", "compound", "compound_raw", "evidence",
)  # fmt: skip

_UNITS = ("target", "sentence", "clause")

#: Fewest sentences an actor needs for a bootstrap interval of its mean tone:
#: from fewer, a percentile bootstrap resamples a handful of values and gives
#: an interval that looks precise and is not (Efron & Tibshirani 1993 advise
#: against the bootstrap for very small samples).
MIN_UNITS_FOR_INTERVAL = 5


class MentionRow(NamedTuple):
    """One mention to score: a row of :func:`helpers.actors.mentions`' table, or a target hit."""

    actor_id: str
    actor: str
    sent_id: int
    start: int
    end: int
    form: str


@dataclass
class _Unit:
    """The mentions of one actor in one unit (sentence or clause)."""

    actor: str
    n: int = 0
    forms: list[str] = field(default_factory=list)
    first: tuple[int, int] | None = None  # the first mention's offsets in the document


def _check_unit(unit: Any, where: str) -> None:
    if unit not in _UNITS:
        raise ParameterError(
            f"{where} must be 'target', 'sentence' or 'clause', not {unit!r}", where=where
        )


def check_parameters(
    threshold: Any = DEFAULT_THRESHOLD,
    actors: Any = (),
    target: Any = "",
    unit: Any = "target",
) -> tuple[float, list[str], str, str]:
    """Check notebook 02's parameters and return them cleaned.

    ``actors`` may be a list of ids or one comma-separated string (what
    ``papermill -p ACTORS JPN,RUS`` passes).

    Raises
    ------
    ParameterError
        Naming the parameter, the bad value and what to write instead.

    Examples
    --------
    >>> check_parameters(0.05, "JPN, RUS", "", "clause")
    (0.05, ['JPN', 'RUS'], '', 'clause')
    """
    threshold = check_threshold(threshold)
    if isinstance(actors, str):
        actors = [a.strip() for a in actors.split(",") if a.strip()]
    if not isinstance(actors, (list, tuple)) or not all(isinstance(a, str) for a in actors):
        raise ParameterError(
            f"ACTORS must be a list of actor ids, not {actors!r}",
            where="ACTORS",
            fix='Write e.g. ["JPN", "RUS"], or [] for every actor',
        )
    if not isinstance(target, str):
        raise ParameterError(f"TARGET must be text, not {target!r}", where="TARGET")
    _check_unit(unit, "ACTOR_UNIT")
    return threshold, list(actors), target.strip(), unit


def _mention_rows(seg, actors, mention_table, actor_ids, target) -> list[MentionRow]:
    """The mentions to score: the actors' (only ``actor_ids`` when given) and the target's."""
    if mention_table is None:
        from helpers.actors import mentions

        mention_table = mentions(seg, actors=actors)
    records = [
        MentionRow(str(r.actor_id), str(r.actor), int(r.sent_id), int(r.start), int(r.end),
                   str(r.form))
        for r in mention_table.itertuples(index=False)
        if isinstance(r.actor_id, str) and r.actor_id  # an agent of no actor ("gunmen") is no actor
    ]  # fmt: skip
    wanted = {str(a) for a in (actor_ids or ())}
    if wanted:
        known = {r.actor_id for r in records} | set(_known_actor_ids(actors, mention_table))
        unknown = wanted - known
        if unknown:
            raise ParameterError(
                f"unknown actor id(s): {', '.join(sorted(unknown))}",
                where="ACTORS",
                fix="Use ids from data/lexicons/actors.yml (helpers.actors.load_actors().table)",
            )
        records = [r for r in records if r.actor_id in wanted]
    if target:
        from helpers.lexicons import Dictionary

        finder = Dictionary.from_patterns({"target": [target]}, name="target")
        for sent_id, tokens in enumerate(seg.tokens):
            for hit in finder.match_tokens(tokens):
                records.append(MentionRow("target", target, sent_id, hit.start, hit.end, "target"))
    return records


def _known_actor_ids(actors, mention_table) -> list[str]:
    if actors is not None and hasattr(actors, "table"):
        return [str(a) for a in actors.table["actor_id"]]
    if mention_table is not None:
        return []
    try:
        from helpers.actors import load_actors

        return [str(a) for a in load_actors().table["actor_id"]]
    except Exception:  # noqa: BLE001 - only used to word an error message
        return []


def actor_sentences(
    table,
    seg: Any,
    *,
    actors: Any = None,
    mention_table: Any = None,
    actor_ids: Any = (),
    target: str = "",
    unit: str = "target",
    domain_adjust: bool = True,
    lexicon: Any = DOMAIN_LEXICON,
):
    """The sentences (or clauses) that mention each actor, with the tone toward it.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.sentiment.tables.score_sentiment` on ``seg``.
    seg : Segmentation
    actors : Actors, optional
        From :func:`helpers.actors.load_actors` (default list when missing).
    mention_table : DataFrame, optional
        Precomputed :func:`helpers.actors.mentions` (``doc_id, sent_id,
        actor_id, actor, form, start, end, text``).
    actor_ids : list of str, optional
        Keep only these actors (empty: all).
    target : str, optional
        A phrase (dictionary pattern syntax: ``sanction*``, ``peace treaty``)
        to score as an extra "actor" with id ``target``.
    unit : {"target", "sentence", "clause"}
        ``target``: the tone toward the actor's first mention in the sentence
        (:func:`helpers.sentiment.target.target_tone`; what ``score`` gives for
        those offsets). ``sentence`` or ``clause``: the score of the whole
        sentence, or of the clause holding the mention
        (:func:`helpers.sentiment.clauses.clause_spans`).
    domain_adjust : bool, default True

    Returns
    -------
    DataFrame
        ``doc_id, actor_id, actor, sent_id, unit, unit_start, unit_end,
        unit_text, n_mentions, forms, mention_start, mention_end, compound,
        compound_raw, evidence``; one row per actor and unit (several
        mentions in one unit count once; ``mention_start``/``mention_end``
        are the first one's offsets in the document, the target the tone is
        toward).
        ``compound_raw`` reads the words as plain VADER's lexicon rates them;
        ``evidence`` says which words decided the tone toward the actor (empty
        for whole sentences and clauses).

    Examples
    --------
    >>> from helpers.sentiment.tables import score_sentiment
    >>> from helpers.text import segment
    >>> seg = segment("Russia attacked Ukraine, but Japan made an excellent offer.")
    >>> t = actor_sentences(score_sentiment(seg), seg)
    >>> t[["actor_id", "compound"]].values.tolist()
    [['JPN', 0.7227], ['RUS', -0.3612], ['UKR', 0.0]]
    >>> actor_sentences(score_sentiment(seg), seg, unit="clause")["unit_text"].tolist()
    ['but Japan made an excellent offer.', 'Russia attacked Ukraine,', 'Russia attacked Ukraine,']
    """
    import pandas as pd

    _check_unit(unit, "unit")
    seg = as_segmentation(seg)
    units = _units(seg, _mention_rows(seg, actors, mention_table, actor_ids, target), unit)
    domain = domain_lexicon(lexicon) if domain_adjust else None
    if unit == "target":
        scored = _target_scores(seg, units, domain)
    else:
        scored = _unit_scores(table, seg, units, unit, domain)
    rows = [
        (seg.doc_id, actor_id, entry.actor, sent_id, unit, s, e, seg.text[s:e], entry.n,
         ",".join(entry.forms), *entry.first, *scored[(actor_id, sent_id, s, e)])
        for (actor_id, sent_id, s, e), entry in units.items()
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(ACTOR_SENTENCE_COLUMNS))
    return frame.sort_values(["actor_id", "sent_id", "unit_start"], kind="stable").reset_index(
        drop=True
    )


def _units(seg, records: list[MentionRow], unit: str) -> dict[tuple, _Unit]:
    """Group mentions by ``(actor_id, sent_id, unit start, unit end)``."""
    starts, ends = seg.sentences["start"].tolist(), seg.sentences["end"].tolist()
    units: dict[tuple, _Unit] = {}
    for mention in records:
        s, e = starts[mention.sent_id], ends[mention.sent_id]
        if unit == "clause":
            s, e = clause_of(seg.tokens[mention.sent_id], mention.start) or (s, e)
        entry = units.setdefault((mention.actor_id, mention.sent_id, s, e), _Unit(mention.actor))
        entry.n += 1
        if mention.form not in entry.forms:
            entry.forms.append(mention.form)
        if entry.first is None or mention.start < entry.first[0]:
            entry.first = (mention.start, mention.end)
    return units


def _target_scores(seg, units, domain) -> dict[tuple, tuple[float, float, str]]:
    """``key -> (compound, compound_raw, evidence)``: the tone toward each unit's first mention."""
    eng = engine()
    extra = supplement_lexicon()  # AFINN's words VADER lacks, for the target's tone only
    readings: dict[tuple[int, bool], Any] = {}
    scores = {}
    for key, entry in units.items():
        _, sent_id, s, e = key
        text, tokens = seg.text[s:e], seg.tokens[sent_id]
        span = (entry.first[0] - s, entry.first[1] - s)
        tones = []
        for plain in (False, True):
            if (sent_id, plain) not in readings:  # plain: VADER's lexicon alone
                readings[(sent_id, plain)] = eng.news_readings(
                    text, tokens, None if plain else domain, None if plain else extra
                )[1]
            tones.append(target_tone(text, tokens, span, readings[(sent_id, plain)]))
        scores[key] = (tones[0].score, tones[1].score, tones[0].evidence)
    return scores


def _unit_scores(table, seg, units, unit: str, domain) -> dict[tuple, tuple[float, float, str]]:
    """``key -> (compound, compound_raw, "")`` of every unit (a sentence or a clause).

    A sentence's scores come from the sentence table; a clause is scored on
    its own (news-aware with ``domain``, plain without).
    """
    if unit == "sentence":
        by_sentence = dict(zip(table["sent_id"], zip(table["compound"], table["compound_raw"],
                                                       strict=True), strict=True))  # fmt: skip
        return {key: (*by_sentence[key[1]], "") for key in units}
    eng = engine()
    scores = {}
    for key in units:
        _, sent_id, s, e = key
        text = seg.text[s:e]
        tokens = [t for t in seg.tokens[sent_id] if s <= t.start and t.end <= e]
        compound = eng.news(text, tokens, domain)[0] if domain is not None else eng.raw(text)[0]
        scores[key] = (compound, eng.raw(text)[0], "")
    return scores


def bootstrap_mean_ci(
    values, *, n_boot: int = 2000, level: float = 0.95, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of a mean.

    Parameters
    ----------
    values : array-like of float
    n_boot : int, default 2000
        Resamples.
    level : float, default 0.95
    seed : int, default 0
        Fixed, so a report is reproducible.

    Returns
    -------
    (low, high)
        NaN for fewer than two values (no spread to resample).

    Examples
    --------
    >>> bootstrap_mean_ci([0.5, 0.5, 0.5])
    (0.5, 0.5)
    >>> low, high = bootstrap_mean_ci([-0.8, -0.4, 0.0, 0.4], seed=1)
    >>> bool(-0.8 <= low < -0.1 < high <= 0.4)
    True
    """
    import numpy as np

    x = np.asarray(values, dtype=float)
    if x.size < 2:
        return math.nan, math.nan
    if not 0 < level < 1 or n_boot < 1:
        raise ParameterError("level must be in (0, 1) and n_boot positive", where="bootstrap")
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, size=(n_boot, x.size))].mean(axis=1)
    low, high = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return round(float(low), 4), round(float(high), 4)


def actor_tone(
    evidence,
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    threshold: float = DEFAULT_THRESHOLD,
    min_units: int = MIN_UNITS_FOR_INTERVAL,
):
    """Mean tone of the units that mention each actor, with a bootstrap interval where n allows.

    Parameters
    ----------
    evidence : DataFrame
        From :func:`actor_sentences`.
    n_boot, level, seed
        Bootstrap settings (:func:`bootstrap_mean_ci`); one generator per
        actor seeded with ``seed``, so an actor's interval does not depend on
        which other actors are in the table.
    threshold : float, default 0.05
        Neutral band for ``share_negative``/``share_positive``.
    min_units : int, default :data:`MIN_UNITS_FOR_INTERVAL`
        An actor with fewer units gets no interval (NaN), and ``interval``
        says so.

    Returns
    -------
    DataFrame
        ``actor_id, actor, n_units, n_mentions, mean, ci_low, ci_high,
        share_negative, share_positive, mean_raw, interval``, most mentioned
        first; ``interval`` is ``"95% bootstrap"`` (for ``level=0.95``) or
        why there is none.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"actor_id": ["jp", "jp", "ru"], "actor": ["Japan", "Japan", "Russia"],
    ...                    "n_mentions": [1, 2, 1], "compound": [0.5, -0.5, -0.3], "compound_raw": [0.5, 0.1, 0.0]})
    >>> actor_tone(ev)[["actor_id", "n_units", "n_mentions", "mean", "mean_raw"]].values.tolist()
    [['jp', 2, 3, 0.0, 0.3], ['ru', 1, 1, -0.3, 0.0]]
    >>> actor_tone(ev)["interval"].tolist()
    ['none: 2 units (an interval needs 5)', 'none: 1 unit (an interval needs 5)']
    """
    import pandas as pd

    threshold = check_threshold(threshold)
    rows = []
    for actor_id, group in evidence.groupby("actor_id", sort=True):
        values = group["compound"].astype(float).to_numpy()
        if len(values) >= min_units:
            low, high = bootstrap_mean_ci(values, n_boot=n_boot, level=level, seed=seed)
            interval = f"{round(100 * level)}% bootstrap"
        else:
            low = high = math.nan
            count = f"{len(values)} unit{'s' * (len(values) != 1)}"
            interval = f"none: {count} (an interval needs {min_units})"
        shares = label_shares(values, threshold)
        rows.append(
            {
                "actor_id": actor_id,
                "actor": group["actor"].iloc[0],
                "n_units": len(group),
                "n_mentions": int(group["n_mentions"].sum()),
                "mean": round(float(values.mean()), 4),
                "ci_low": low,
                "ci_high": high,
                "share_negative": shares.negative,
                "share_positive": shares.positive,
                "mean_raw": round(float(group["compound_raw"].astype(float).mean()), 4),
                "interval": interval,
            }
        )
    columns = ["actor_id", "actor", "n_units", "n_mentions", "mean", "ci_low", "ci_high",
               "share_negative", "share_positive", "mean_raw", "interval"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["n_units", "actor_id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
