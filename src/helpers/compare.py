"""Compare articles side by side from the tables their reports wrote.

The per-article notebooks (01-04) save their tables as CSV in
``reports/<article id>/``. This module finds those tables again and puts the
articles next to each other: tone, tone toward each actor, frame salience,
stance densities, the highest rung of the statement-intensity ladder, and
who-does-what-to-whom dyads; by outlet and by date when the article metadata
says them. It is what ``notebooks/05_corpus_comparison.ipynb`` calls, and
what the batch index uses for its key figures.

How tables are recognised
-------------------------
By their columns, not only by their names, so that a renamed table still
counts and a new notebook's table is picked up when it has the columns (see
:data:`TABLES`). Where several files of one article qualify, one whose name
matches the table's hint wins, then the first in name order. Every result
says which file it came from (``table_file``), and :func:`inventory` says, for
each article, which analyses are missing, so a comparison is never silently
made on a partial corpus.

Limits: articles are compared on what each report computed with its own
parameters (a run with other settings belongs in its own reports folder).
Tone toward an actor here is the mean tone of the sentences that name it,
a coarser measure than the clause-level attribution of notebook 02.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.errors import InputError

#: Columns that can hold a frame's salience, most informative first.
SALIENCE_COLUMNS = (
    "per_1000",
    "per_1000_tokens",
    "per_1000_words",
    "salience",
    "share",
    "share_of_sentences",
    "sentences",
    "hits",
    "count",
    "n",
)
#: Columns that can hold a stance marker's density, most informative first.
DENSITY_COLUMNS = ("per_1000", "per_1000_words", "per_1000_tokens", "density", "count", "n", "hits")
#: Columns naming a stance marker type.
MARKER_COLUMNS = ("marker", "stance", "type", "category", "kind", "top")


@dataclass(frozen=True)
class TableSpec:
    """How to recognise one kind of table among a report's CSV files."""

    name: str
    what: str
    needs: tuple[tuple[str, ...], ...]  # every group: at least one of its columns
    hints: tuple[str, ...]  # regular expressions on the file name, best first
    require_hint: bool = False
    forbid: tuple[str, ...] = ()  # columns that mean "a different table"

    def columns_fit(self, columns: set[str]) -> bool:
        return all(any(c in columns for c in group) for group in self.needs) and not (
            columns & set(self.forbid)
        )


#: The tables the comparison reads, by name.
TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "metadata",
            "article metadata, field/value (01_overview)",
            (("field",), ("value",)),
            (r"metadata",),
        ),
        TableSpec(
            "tone",
            "sentence tone: sent_id and compound or sentiment (02_sentiment)",
            (("sent_id",), ("compound", "sentiment")),
            (r"sentiment|tone", r"sentence"),
            # tables with several rows per sentence, or only some sentences
            forbid=("actor", "actor_id", "target", "word", "position", "change", "voice", "unit"),
        ),
        TableSpec(
            "actor_tone",
            "tone toward each actor: actor, mean, n_units (02_sentiment)",
            (("actor",), ("mean",), ("n_units", "sentences", "n")),
            (r"actor",),
            forbid=("sent_id",),
        ),
        TableSpec(
            "mentions",
            "actor mentions: sent_id and actor (01_overview)",
            (("sent_id",), ("actor", "actor_id")),
            (r"mention",),
            require_hint=True,
        ),
        TableSpec(
            "frames",
            "frame salience: frame and a salience column (03_framing)",
            (("frame",), SALIENCE_COLUMNS),
            (r"salience", r"frame"),
            forbid=("sent_id", "question"),
        ),
        TableSpec(
            "stance",
            "stance densities: marker type and density (04_diplomatic_language)",
            (MARKER_COLUMNS, DENSITY_COLUMNS),
            (r"stance", r"densit|modal|hedg"),
            require_hint=True,
            forbid=("sent_id", "articles"),  # a pooled reference table is not the article's
        ),
        TableSpec(
            "intensity",
            "intensity ladder per sentence: sent_id and level (04_diplomatic_language)",
            (("sent_id",), ("level", "intensity")),
            (r"ladder|intens", r"statement"),
        ),
        TableSpec(
            "dyads",
            "dyads or events: source and target actors (04_diplomatic_language)",
            (("source", "source_actor"), ("target", "target_actor")),
            (r"dyad", r"event"),
        ),
    )
}

#: The analyses a comparison reports on: each is found when one of its
#: alternatives (a set of tables) is complete for the article.
ANALYSES: dict[str, tuple[tuple[str, ...], ...]] = {
    "tone": (("tone",),),
    "tone toward actors": (("actor_tone",), ("tone", "mentions")),
    "frames": (("frames",),),
    "stance": (("stance",),),
    "intensity": (("intensity",),),
    "dyads": (("dyads",),),
    "outlet and date": (("metadata",),),
}


def reports_folder(reports: str | os.PathLike = "") -> Path:
    """Return the reports folder to read (``""`` = the project's ``reports/``).

    Raises
    ------
    InputError
        If the folder does not exist.
    """
    folder = Path(reports) if str(reports) else paths.REPORTS_DIR
    if not folder.is_dir():
        raise InputError(
            "no reports folder to compare",
            where=str(folder),
            fix="Render reports first (`python -m helpers batch`) or set REPORTS",
        )
    return folder


def corpus_output_dir(reports: str | os.PathLike = "", output_dir: str | os.PathLike = "") -> Path:
    """Return (and create) where the comparison's own tables go.

    ``output_dir`` when given, else ``<reports>/_corpus/``.
    """
    out = (
        Path(output_dir) if str(output_dir) else paths.safe_join(reports_folder(reports), "_corpus")
    )
    out.mkdir(parents=True, exist_ok=True)
    return out


def article_folders(
    reports: str | os.PathLike = "", articles: str | list[str] = ""
) -> dict[str, Path]:
    """Return ``{article id: folder}`` for every article report under ``reports``.

    An article report is a sub-folder holding at least one CSV; folders whose
    name starts with ``_`` or ``.`` (the batch's own) are not articles.

    Raises
    ------
    InputError
        If a requested article has no report.
    """
    root = reports_folder(reports)
    found = {
        child.name: child
        for child in sorted(root.iterdir())
        if child.is_dir() and not child.name.startswith(("_", ".")) and any(child.glob("*.csv"))
    }
    wanted = [a.strip() for a in (articles.split(",") if isinstance(articles, str) else articles)]
    wanted = [a for a in wanted if a]
    if not wanted:
        return found
    missing = [a for a in wanted if a not in found]
    if missing:
        raise InputError(
            f"no report for article(s) {', '.join(missing)}",
            where=str(root),
            fix="Known: " + (", ".join(found) or "none") + ". Render them first",
        )
    return {a: found[a] for a in wanted}


def _header(path: Path) -> set[str]:
    import pandas as pd

    try:
        return set(pd.read_csv(path, nrows=0).columns)
    except (ValueError, OSError, UnicodeDecodeError):
        return set()  # an empty or broken file is simply not a table we can use


def find_tables(folder: str | os.PathLike) -> dict[str, Path]:
    """Return ``{table name: file}`` for the tables of :data:`TABLES` found in one report folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "03_salience.csv").write_text("frame,per_1000\\nconflict,4.5\\n")
    >>> {k: v.name for k, v in find_tables(d).items()}
    {'frames': '03_salience.csv'}
    """
    files = sorted(Path(folder).glob("*.csv"))
    headers = {path: _header(path) for path in files}
    chosen: dict[str, Path] = {}
    for spec in TABLES.values():
        fitting = [p for p in files if spec.columns_fit(headers[p])]
        pick = None
        for hint in spec.hints:
            pick = next((p for p in fitting if re.search(hint, p.name, re.IGNORECASE)), None)
            if pick is not None:
                break
        if pick is None and fitting and not spec.require_hint:
            pick = fitting[0]
        if pick is not None:
            chosen[spec.name] = pick
    return chosen


def load_tables(reports: str | os.PathLike = "", articles: str | list[str] = "") -> dict[str, Any]:
    """Read every recognised table of every article report into one DataFrame per table.

    Returns
    -------
    dict
        ``{table name: DataFrame}`` with ``article_id`` and ``table_file`` (the
        file) as first columns; only tables found for at least one article.
        ``"_articles"`` holds the list of article ids read.
    """

    folders = article_folders(reports, articles)
    if not folders:
        raise InputError(
            "no article reports to compare (no sub-folder with CSV tables)",
            where=str(reports_folder(reports)),
            fix="Render the per-article notebooks first: `python -m helpers batch`",
        )
    return _read_tables(folders)


def _read_tables(folders: dict[str, Path]) -> dict[str, Any]:
    import pandas as pd

    parts: dict[str, list] = {}
    for article_id, folder in folders.items():
        for name, path in find_tables(folder).items():
            table = pd.read_csv(path)
            table = table.drop(columns=[c for c in ("article_id", "table_file") if c in table])
            table.insert(0, "table_file", path.name)
            table.insert(0, "article_id", article_id)
            parts.setdefault(name, []).append(table)
    tables: dict[str, Any] = {
        name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()
    }
    tables["_articles"] = list(folders)
    return tables


def inventory(tables: dict[str, Any]) -> Any:
    """Say, per article and analysis, whether the tables it needs were found.

    Returns
    -------
    DataFrame
        ``article_id`` and one column per analysis of :data:`ANALYSES`:
        ``"found"`` or ``"missing: <what>"``.
    """
    import pandas as pd

    rows = []
    for article_id in tables["_articles"]:
        row = {"article_id": article_id}
        for analysis, alternatives in ANALYSES.items():
            absent = [
                [
                    TABLES[name].what
                    for name in needed
                    if name not in tables or not (tables[name]["article_id"] == article_id).any()
                ]
                for needed in alternatives
            ]
            if any(not missing for missing in absent):
                row[analysis] = "found"
            else:  # name what each way of doing it lacks
                row[analysis] = "missing: " + " | or: ".join("; ".join(m) for m in absent)
        rows.append(row)
    return pd.DataFrame(rows, columns=["article_id", *ANALYSES])


def describe_missing(coverage) -> str:
    """Say in a few lines which analyses lack tables, for which articles.

    Parameters
    ----------
    coverage : DataFrame
        From :func:`inventory`.

    Examples
    --------
    >>> import pandas as pd
    >>> cov = pd.DataFrame({"article_id": ["a", "b"], "tone": ["found", "missing: sentence tone"]})
    >>> print(describe_missing(cov))
    tone: missing for 1 of 2 article(s) (b): sentence tone
    """
    lines = []
    for analysis in coverage.columns.drop("article_id"):
        missing = coverage[coverage[analysis] != "found"]
        if len(missing):
            what = "; ".join(dict.fromkeys(m.removeprefix("missing: ") for m in missing[analysis]))
            ids = ", ".join(missing["article_id"].astype(str))
            lines.append(
                f"{analysis}: missing for {len(missing)} of {len(coverage)} article(s) ({ids}): {what}"
            )
    return "\n".join(lines) or "Every analysis has its tables for every article."


def _numeric(table, column: str):
    import pandas as pd

    return pd.to_numeric(table[column], errors="coerce")


def _empty(columns):
    import pandas as pd

    return pd.DataFrame(columns=list(columns))


def article_metadata(tables: dict[str, Any]) -> Any:
    """One row per article: ``article_id, title, outlet, published`` (a date or NaT).

    Examples
    --------
    >>> import pandas as pd
    >>> meta = pd.DataFrame({"article_id": ["a", "a"], "field": ["outlet", "published"],
    ...                      "value": ["TIME", "2022-03-22"]})
    >>> article_metadata({"metadata": meta, "_articles": ["a", "b"]})[["article_id", "outlet"]].values.tolist()
    [['a', 'TIME'], ['b', nan]]
    """
    import pandas as pd

    articles = pd.DataFrame({"article_id": tables["_articles"]})
    if "metadata" not in tables:
        wide = pd.DataFrame(columns=["article_id"])
    else:
        meta = tables["metadata"]
        meta = meta[meta["field"].isin(["title", "outlet", "published", "author"])]
        wide = meta.pivot_table(
            index="article_id", columns="field", values="value", aggfunc="first"
        ).reset_index()
    result = articles.merge(wide, on="article_id", how="left")
    for column in ("title", "outlet", "published", "author"):
        if column not in result:
            result[column] = pd.Series([pd.NA] * len(result), dtype="object")
    result["published"] = pd.to_datetime(result["published"], errors="coerce")
    return result[["article_id", "title", "outlet", "author", "published"]]


def tone_by_article(tables: dict[str, Any], threshold: float = 0.05) -> Any:
    """Tone of each article from its sentence scores.

    Parameters
    ----------
    threshold : float, default 0.05
        VADER's neutral band: compound above ``threshold`` is positive,
        below ``-threshold`` negative (Hutto & Gilbert 2014).

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

    Where notebook 02 saved its tone-toward-actors table, that is used (its
    units are clauses or sentences, with bootstrap intervals). Otherwise the
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


def summary(tables: dict[str, Any], threshold: float = 0.05) -> Any:
    """One row per article with the headline figures and its metadata.

    ``article_id, title, outlet, author, published, sentences, mean_tone,
    negative, positive, dominant_frame, highest_level, intensity_label,
    dyads``: what the comparison and the batch index show first.
    """
    meta = article_metadata(tables)
    tone = tone_by_article(tables, threshold)[
        ["article_id", "sentences", "mean", "negative", "positive"]
    ]
    frames = dominant_frames(frame_salience(tables))[["article_id", "frame"]]
    intensity = intensity_by_article(tables)[["article_id", "highest_level", "label"]]
    dyads = dyad_table(tables)
    dyad_counts = dyads.groupby("article_id").size().rename("dyads").reset_index()
    result = (
        meta.merge(tone.rename(columns={"mean": "mean_tone"}), on="article_id", how="left")
        .merge(frames.rename(columns={"frame": "dominant_frame"}), on="article_id", how="left")
        .merge(intensity.rename(columns={"label": "intensity_label"}), on="article_id", how="left")
        .merge(dyad_counts, on="article_id", how="left")
    )
    return result


def by_group(table, metadata, by: str = "outlet", freq: str = "M") -> Any:
    """Average a per-article table's numeric columns by outlet or by date.

    Parameters
    ----------
    table : DataFrame
        Per-article figures with ``article_id`` (e.g. :func:`tone_by_article`).
    metadata : DataFrame
        As returned by :func:`article_metadata`.
    by : {"outlet", "date"}
        Group by outlet name, or by publication period.
    freq : str, default "M"
        Period for ``by="date"``: ``"D"``, ``"W"``, ``"M"``, ``"Y"``.

    Returns
    -------
    DataFrame
        ``outlet`` or ``period``, ``articles``, then the mean of each numeric
        column; empty when no article has the metadata.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"article_id": ["a", "b", "c"], "mean": [0.2, 0.4, -0.1]})
    >>> m = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", None],
    ...                   "published": pd.to_datetime(["2022-03-01", "2022-04-02", None])})
    >>> by_group(t, m, "outlet").values.tolist()
    [['X', 2, 0.30000000000000004]]
    >>> by_group(t, m, "date")["period"].tolist()
    ['2022-03', '2022-04']
    """
    import pandas as pd

    if by not in ("outlet", "date"):
        raise InputError(f"cannot group by {by!r}", where="by", fix="Use 'outlet' or 'date'")
    numeric = [
        c
        for c in table.columns
        if c != "article_id" and c not in metadata and pd.api.types.is_numeric_dtype(table[c])
    ]
    merged = table[["article_id", *numeric]].merge(metadata, on="article_id", how="inner")
    if by == "outlet":
        key = "outlet"
        merged = merged[merged["outlet"].notna() & (merged["outlet"].astype(str) != "")]
    else:
        key = "period"
        merged = merged[merged["published"].notna()]
        merged = merged.assign(period=merged["published"].dt.to_period(freq).astype(str))
    if merged.empty:
        return pd.DataFrame(columns=[key, "articles", *numeric])
    grouped = merged.groupby(key, sort=True)
    result = grouped[numeric].mean()
    result.insert(0, "articles", grouped["article_id"].nunique())
    return result.reset_index()


def key_figures(folder: str | os.PathLike) -> dict[str, Any]:
    """Headline figures of one article report, for the batch index.

    Returns
    -------
    dict
        ``mean_sentiment`` (float), ``dominant_frame`` (str) and
        ``highest_intensity`` (``"4 protest"``), each only when its table
        exists.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "a"
    >>> d.mkdir()
    >>> _ = (d / "02_sentences.csv").write_text("doc_id,sent_id,compound\\na,0,0.4\\na,1,-0.2\\n")
    >>> key_figures(d)
    {'mean_sentiment': 0.1}
    """
    folder = Path(folder)
    tables = _read_tables({folder.name: folder})
    figures: dict[str, Any] = {}
    tone = tone_by_article(tables)
    if len(tone) and tone["mean"].notna().any():
        figures["mean_sentiment"] = round(float(tone["mean"].iloc[0]), 6)
    frames = dominant_frames(frame_salience(tables))
    if len(frames):
        figures["dominant_frame"] = str(frames["frame"].iloc[0])
    intensity = intensity_by_article(tables)
    if len(intensity):
        row = intensity.iloc[0]
        figures["highest_intensity"] = f"{row['highest_level']} {row['label']}".strip()
    return figures
