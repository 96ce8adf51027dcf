"""Say which analyses each article's report has the tables for.

A comparison is never silently made on a partial corpus: :func:`inventory`
marks, per article and analysis of :data:`~helpers.compare.tables.ANALYSES`,
whether the tables were found, and :func:`describe_missing` says it in words.
"""

from __future__ import annotations

from typing import Any

from helpers.compare.tables import ANALYSES, TABLES


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
