"""Per-article measures from the tables of article reports, one function per measure.

Tone (notebook 02), tone toward each actor (02, or 01's mentions joined with
02's sentence tone), frame salience and the dominant frame (03), stance
densities, the highest rung of the statement-intensity ladder, directed
dyads and who statements are sourced to (04), and the articles' metadata (01). Each takes the
``{table name: DataFrame}`` of :func:`helpers.compare.load_tables` and
returns one DataFrame with ``article_id`` first.

Limits: articles are compared on what each report computed with its own
parameters. Tone toward an actor from the sentences that name it is a coarser
measure than notebook 02's tone toward the actor (the words about it, as
``score --target-column`` reads them).
"""

from __future__ import annotations

from typing import Any

from helpers.compare.tables import DENSITY_COLUMNS, MARKER_COLUMNS, SALIENCE_COLUMNS
from helpers.sentiment import DEFAULT_THRESHOLD, check_threshold


def _numeric(table, column: str):
    import pandas as pd

    return pd.to_numeric(table[column], errors="coerce")


def _empty(columns):
    import pandas as pd

    return pd.DataFrame(columns=list(columns))


#: Prefix of the metadata rows holding front-matter fields of one's own (``extra:``),
#: as notebook 01 writes them (:data:`helpers.overview.EXTRA_PREFIX`).
EXTRA_PREFIX = "extra."
_STANDARD = ("title", "outlet", "published", "author")


def article_metadata(tables: dict[str, Any]) -> Any:
    """One row per article: ``article_id, title, outlet, author, published``, then extra fields.

    ``published`` is a date (or NaT); each field of the front matter's
    ``extra:`` mapping (notebook 01's ``extra.<name>`` rows) becomes a
    column ``<name>`` (empty for an article that does not set it), so the
    comparison can group by it (:func:`helpers.compare.by_group`).

    Examples
    --------
    >>> import pandas as pd
    >>> meta = pd.DataFrame({"article_id": ["a", "a", "a"],
    ...                      "field": ["outlet", "published", "extra.section"],
    ...                      "value": ["TIME", "2022-03-22", "World"]})
    >>> article_metadata({"metadata": meta, "_articles": ["a", "b"]})[["article_id", "outlet", "section"]].values.tolist()
    [['a', 'TIME', 'World'], ['b', nan, nan]]
    """
    import pandas as pd

    articles = pd.DataFrame({"article_id": tables["_articles"]})
    extras: list[str] = []
    if "metadata" not in tables:
        wide = pd.DataFrame(columns=["article_id"])
    else:
        meta = tables["metadata"]
        field = meta["field"].astype(str)
        own = field.str.startswith(EXTRA_PREFIX)
        meta = meta[field.isin(_STANDARD) | own].assign(
            field=field.where(~own, field.str.removeprefix(EXTRA_PREFIX))
        )
        extras = sorted(set(meta.loc[own, "field"]) - {"article_id", *_STANDARD})
        wide = meta.pivot_table(
            index="article_id", columns="field", values="value", aggfunc="first"
        ).reset_index()
    result = articles.merge(wide, on="article_id", how="left")
    for column in (*_STANDARD, *extras):
        if column not in result:
            result[column] = pd.Series([pd.NA] * len(result), dtype="object")
    result["published"] = pd.to_datetime(result["published"], errors="coerce")
    return result[["article_id", "title", "outlet", "author", "published", *extras]]


def tone_by_article(tables: dict[str, Any], threshold: float = DEFAULT_THRESHOLD) -> Any:
    """Tone of each article from its sentence scores.

    Parameters
    ----------
    threshold : float, default :data:`helpers.sentiment.DEFAULT_THRESHOLD`
        VADER's neutral band: compound above ``threshold`` is positive,
        below ``-threshold`` negative (Hutto & Gilbert 2014); checked by
        :func:`helpers.sentiment.check_threshold`.

    Returns
    -------
    DataFrame
        ``article_id, sentences, mean, median, negative, neutral, positive``
        (shares of sentences), ``mean_raw`` (plain VADER, when the table has
        it) and ``table_file``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"article_id": ["a"] * 3, "table_file": "02.csv", "sent_id": [0, 1, 2],
    ...                   "compound": [0.5, -0.1, 0.0]})
    >>> row = tone_by_article({"tone": t, "_articles": ["a"]}).iloc[0]
    >>> int(row["sentences"]), round(float(row["mean"]), 3), round(float(row["negative"]), 3)
    (3, 0.133, 0.333)
    """
    threshold = check_threshold(threshold)
    columns = ["article_id", "sentences", "mean", "median", "negative", "neutral", "positive"]
    if "tone" not in tables:
        return _empty([*columns, "mean_raw", "table_file"])
    import pandas as pd

    table = tables["tone"]
    rows = []
    for article_id, part in table.groupby("article_id", sort=False):
        score = _numeric(part, "compound" if "compound" in part else "sentiment").dropna()
        raw_column = next((c for c in ("compound_raw", "sentiment_raw") if c in part), None)
        n = len(score)
        rows.append(
            {
                "article_id": article_id,
                "sentences": n,
                "mean": score.mean() if n else float("nan"),
                "median": score.median() if n else float("nan"),
                "negative": (score < -threshold).mean() if n else float("nan"),
                "neutral": score.between(-threshold, threshold).mean() if n else float("nan"),
                "positive": (score > threshold).mean() if n else float("nan"),
                "mean_raw": _numeric(part, raw_column).mean() if raw_column else float("nan"),
                "table_file": part["table_file"].iloc[0],
            }
        )
    return pd.DataFrame(rows, columns=[*columns, "mean_raw", "table_file"])


def actor_tone(tables: dict[str, Any], min_units: int = 1) -> Any:
    """Tone toward each actor, per article.

    Where notebook 02 saved its tone-toward-actors table, that is used (the
    tone toward each actor's mention, or of the clauses or sentences around
    it, with bootstrap intervals from five units on). Otherwise the
    actor mentions (01) are joined with the sentence tone (02) on
    ``sent_id``: the mean tone of the sentences naming the actor, a sentence
    naming it twice counted once. ``method`` says which.

    Returns
    -------
    DataFrame
        ``article_id, actor, units, mean, method``; actors with fewer than
        ``min_units`` units in an article are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> tone = pd.DataFrame({"article_id": "a", "table_file": "s", "sent_id": [0, 1], "compound": [-0.5, 0.3]})
    >>> men = pd.DataFrame({"article_id": "a", "table_file": "m", "sent_id": [0, 0, 1], "actor": ["Japan", "Japan", "Russia"]})
    >>> actor_tone({"tone": tone, "mentions": men, "_articles": ["a"]})[["actor", "units", "mean"]].values.tolist()
    [['Japan', 1, -0.5], ['Russia', 1, 0.3]]
    """
    import pandas as pd

    columns = ["article_id", "actor", "units", "mean", "method"]
    parts = []
    done: set[str] = set()
    if "actor_tone" in tables:
        given = tables["actor_tone"]
        units = next(c for c in ("n_units", "sentences", "n") if c in given)
        parts.append(
            pd.DataFrame(
                {
                    "article_id": given["article_id"],
                    "actor": given["actor"].astype(str),
                    "units": _numeric(given, units),
                    "mean": _numeric(given, "mean"),
                    "method": "notebook 02 (" + given["table_file"].astype(str) + ")",
                }
            )
        )
        done = set(given["article_id"])
    if "tone" in tables and "mentions" in tables:
        tone = tables["tone"]
        score_column = "compound" if "compound" in tone else "sentiment"
        tone = tone[["article_id", "sent_id", score_column]].rename(columns={score_column: "score"})
        tone = tone.assign(score=_numeric(tone, "score")).drop_duplicates(["article_id", "sent_id"])
        mentions = tables["mentions"]
        actor_column = "actor" if "actor" in mentions else "actor_id"
        mentions = mentions[["article_id", "sent_id", actor_column]].rename(
            columns={actor_column: "actor"}
        )
        mentions = mentions[~mentions["article_id"].isin(done)].drop_duplicates()
        joined = mentions.merge(tone, on=["article_id", "sent_id"], how="inner")
        derived = (
            joined.groupby(["article_id", "actor"], sort=True)["score"]
            .agg(units="count", mean="mean")
            .reset_index()
        )
        parts.append(derived.assign(method="sentences naming the actor"))
    parts = [part for part in parts if len(part)]
    if not parts:
        return _empty(columns)
    result = pd.concat(parts, ignore_index=True)
    result = result[result["units"] >= min_units].reset_index(drop=True)
    return result[columns]


def _salience_column(table) -> str:
    return next(c for c in SALIENCE_COLUMNS if c in table)


def frame_salience(tables: dict[str, Any]) -> Any:
    """Frame salience per article, in the unit the framing table used.

    Returns
    -------
    DataFrame
        ``article_id, scheme, frame, salience, measure, dominant, table_file``
        where ``measure`` names the column read (``per_1000`` ...), ``scheme``
        is ``""`` when the table has no scheme column and ``dominant`` is the
        framing notebook's own verdict (``None`` when it gave none).
    """
    columns = ["article_id", "scheme", "frame", "salience", "measure", "dominant", "table_file"]
    if "frames" not in tables:
        return _empty(columns)
    table = tables["frames"]
    measure = _salience_column(table)
    dominant = (
        table["dominant"].astype(str).str.lower().isin(["true", "1", "yes"])
        if "dominant" in table
        else None
    )
    result = table.assign(
        scheme=table["scheme"].astype(str) if "scheme" in table else "",
        salience=_numeric(table, measure),
        measure=measure,
        frame=table["frame"].astype(str),
        dominant=dominant,
    )
    return result[columns].reset_index(drop=True)


def dominant_frames(salience) -> Any:
    """The most salient frame of each article (the generic scheme when there are several).

    The framing notebook's own ``dominant`` flags are used when given (ties
    joined with ``;``, frames below its ``MIN_HITS`` never dominant);
    otherwise the frame with the highest salience above zero.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"article_id": ["a", "a"], "scheme": "", "frame": ["conflict", "economic"],
    ...                   "salience": [3.0, 1.0], "measure": "per_1000", "table_file": "x"})
    >>> dominant_frames(s).values.tolist()
    [['a', 'conflict', 3.0]]
    """
    import pandas as pd

    rows = []
    for article_id, part in salience.groupby("article_id", sort=False):
        schemes = list(dict.fromkeys(part["scheme"]))
        preferred = "generic" if "generic" in schemes else schemes[0]
        part = part[part["scheme"] == preferred].dropna(subset=["salience"])
        flags = part["dominant"] if "dominant" in part else None
        if flags is not None and flags.notna().any():
            chosen = part[flags.fillna(False).astype(bool)]
            if len(chosen):
                rows.append(
                    (article_id, ";".join(chosen["frame"]), float(chosen["salience"].max()))
                )
            continue
        if len(part) and part["salience"].max() > 0:
            best = part.loc[part["salience"].idxmax()]
            rows.append((article_id, best["frame"], float(best["salience"])))
    return pd.DataFrame(rows, columns=["article_id", "frame", "salience"])


def stance_density(tables: dict[str, Any]) -> Any:
    """Stance-marker densities per article: ``article_id, marker, density, measure, table_file``."""
    columns = ["article_id", "marker", "density", "measure", "table_file"]
    if "stance" not in tables:
        return _empty(columns)
    table = tables["stance"]
    marker = next(c for c in MARKER_COLUMNS if c in table)
    measure = next(c for c in DENSITY_COLUMNS if c in table)
    result = table.assign(
        marker=table[marker].astype(str), density=_numeric(table, measure), measure=measure
    )
    return result[columns].reset_index(drop=True)


def intensity_by_article(tables: dict[str, Any]) -> Any:
    """Highest rung of the statement-intensity ladder reached in each article.

    Returns
    -------
    DataFrame
        ``article_id, highest_level, label, sentences_with_reaction, table_file``;
        ``label`` is the rung's name when the table gives one.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"article_id": "a", "table_file": "s", "sent_id": [0, 1, 2], "level": [0, 4, 2],
    ...                   "rung": ["none", "protest", "concern"]})
    >>> intensity_by_article({"intensity": t, "_articles": ["a"]}).values.tolist()
    [['a', 4, 'protest', 2, 's']]
    """
    columns = ["article_id", "highest_level", "label", "sentences_with_reaction", "table_file"]
    if "intensity" not in tables:
        return _empty(columns)
    import pandas as pd

    table = tables["intensity"]
    level_column = "level" if "level" in table else "intensity"
    label_column = next((c for c in ("rung", "level_name", "label", "name") if c in table), None)
    rows = []
    for article_id, part in table.groupby("article_id", sort=False):
        level = _numeric(part, level_column)
        if level.notna().any():
            top = level.idxmax()
            highest = int(level.max())
            label = str(part.loc[top, label_column]) if label_column else ""
            reacting = part.loc[level > 0, "sent_id"].nunique()
        else:
            highest, label, reacting = 0, "", 0
        rows.append((article_id, highest, label, reacting, part["table_file"].iloc[0]))
    return pd.DataFrame(rows, columns=columns)


def sourcing_by_article(tables: dict[str, Any]) -> Any:
    """Who each article sources its statements to: named, institutional, anonymous, none.

    Returns
    -------
    DataFrame
        ``article_id, sourcing, sentences, share, table_file``, one row per
        article and kind of source (notebook 04's ``04_sourcing.csv``;
        :func:`helpers.diplomacy.sourcing_summary`); ``share`` of the
        article's sentences, recomputed from the counts.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"article_id": "a", "table_file": "s", "sentences": [1, 0, 3, 4],
    ...                   "sourcing": ["named", "institutional", "anonymous", "none"]})
    >>> sourcing_by_article({"sourcing": t, "_articles": ["a"]})["share"].tolist()
    [0.125, 0.0, 0.375, 0.5]
    """
    columns = ["article_id", "sourcing", "sentences", "share", "table_file"]
    if "sourcing" not in tables:
        return _empty(columns)
    table = tables["sourcing"].assign(sentences=lambda t: _numeric(t, "sentences").fillna(0))
    totals = table.groupby("article_id", sort=False)["sentences"].transform("sum")
    table = table.assign(share=(table["sentences"] / totals.where(totals > 0)).fillna(0.0).round(4))
    return table[columns].reset_index(drop=True)


def dyad_table(tables: dict[str, Any]) -> Any:
    """Directed dyads per article.

    Reads a dyad table as it is, or counts events (one row per event) into
    dyads: ``mean_weight`` and ``net_cooperation`` (sum) of the Goldstein-style
    weights of asserted events (negated or modal ones count as events but
    carry no weight), as in :func:`helpers.diplomacy.dyads`.

    Returns
    -------
    DataFrame
        ``article_id, source_actor, target_actor, events, mean_weight, net_cooperation``.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"article_id": "a", "sent_id": [1, 2],
    ...     "source_actor": "Russia", "target_actor": "Japan",
    ...     "goldstein": [-4.0, -2.0], "asserted": [True, False]})
    >>> dyad_table({"dyads": ev, "_articles": ["a"]}).values.tolist()
    [['a', 'Russia', 'Japan', 2, -4.0, -4.0]]
    """
    columns = [
        "article_id",
        "source_actor",
        "target_actor",
        "events",
        "mean_weight",
        "net_cooperation",
    ]
    if "dyads" not in tables:
        return _empty(columns)
    table = tables["dyads"]
    source = "source_actor" if "source_actor" in table else "source"
    target = "target_actor" if "target_actor" in table else "target"
    table = table.rename(columns={source: "source_actor", target: "target_actor"})
    table = table.dropna(subset=["source_actor", "target_actor"])
    weight = next(
        (c for c in ("mean_weight", "goldstein", "mean_goldstein", "weight") if c in table), None
    )
    count = next((c for c in ("events", "n", "count") if c in table), None)
    keys = ["article_id", "source_actor", "target_actor"]
    if count is not None and not table.duplicated(keys).any():
        result = table.assign(
            events=_numeric(table, count),
            mean_weight=_numeric(table, weight) if weight else float("nan"),
            net_cooperation=_numeric(table, "net_cooperation")
            if "net_cooperation" in table
            else float("nan"),
        )
        return result[columns].reset_index(drop=True)
    if "asserted" in table:  # negated or modal events did not happen: no weight
        asserted = table["asserted"].astype(str).str.lower().isin(["true", "1"])
    else:
        asserted = True
    weights = _numeric(table, weight) if weight else float("nan")
    table = table.assign(_w=weights, _a=weights.where(asserted) if weight else float("nan"))
    grouped = table.groupby(keys, sort=True)
    result = grouped["_a"].agg(mean_weight="mean", net_cooperation="sum")
    result.insert(0, "events", grouped.size())
    return result.reset_index()[columns]
