"""Say which analyses each article's report has the tables for.

A comparison is never silently made on a partial corpus: :func:`inventory`
marks, per article and analysis of :data:`~helpers.compare.tables.ANALYSES`,
whether the tables were found, and :func:`describe_missing` says it in words.
"""

from __future__ import annotations

from typing import Any

from helpers.compare.tables import ANALYSES, TABLES


def has_table(tables: dict[str, Any], article_id: str, name: str) -> bool:
    """Whether the report of ``article_id`` has the table ``name`` (even without rows).

    Examples
    --------
    >>> has_table({"_found": {"a": {"dyads"}}}, "a", "dyads"), has_table({}, "a", "dyads")
    (True, False)
    """
    found = tables.get("_found")
    if found is not None:
        return name in found.get(article_id, ())
    return name in tables and bool((tables[name]["article_id"] == article_id).any())


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
                [TABLES[name].what for name in needed if not has_table(tables, article_id, name)]
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
