"""Contested names (``data/lexicons/naming.yml``): which side's name a text uses."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from helpers.framing.dictionaries import split_category
from helpers.lexicons import load_dictionary

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


NAMING_COLUMNS = (
    "doc_id",
    "sent_id",
    "dispute_id",
    "dispute",
    "side_id",
    "side",
    "used_by",
    "pattern",
    "match",
    "start",
    "end",
)


def naming_choices(seg) -> pd.DataFrame:
    """Find contested names (``data/lexicons/naming.yml``) and the side each belongs to.

    Disputes with a ``context`` attribute (generic words such as "war" or
    "annexation") count a name only in a sentence that also contains one of the
    context words (e.g. "Ukraine").

    Returns
    -------
    DataFrame
        :data:`NAMING_COLUMNS`, one row per name used.

    Examples
    --------
    >>> from helpers.text import segment
    >>> naming_choices(segment("They are the Kurils."))[["dispute_id", "side"]].values.tolist()
    [['kuril_islands', 'Russian']]
    """
    import pandas as pd

    dictionary = load_dictionary("naming")
    text = seg.text
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        norms = None
        for hit in dictionary.match_tokens(tokens):
            dispute_id, side_id = split_category(hit.category)
            dispute = dictionary.category_attrs.get(dispute_id, {})
            context = str(dispute.get("context") or "").split()
            if context:
                norms = norms if norms is not None else {t.norm for t in tokens}
                if not norms.intersection(context):
                    continue
            side = dictionary.category_attrs.get(hit.category, {})
            rows.append(
                (
                    seg.doc_id,
                    sent_id,
                    dispute_id,
                    str(dispute.get("dispute", dispute_id)),
                    side_id,
                    str(side.get("side", side_id)),
                    str(side.get("used_by", "")),
                    hit.pattern,
                    text[hit.start : hit.end],
                    hit.start,
                    hit.end,
                )
            )
    return pd.DataFrame(rows, columns=list(NAMING_COLUMNS))


def naming_summary(choices) -> pd.DataFrame:
    """Count each side's names per dispute the text touches, and say which side it leans to.

    Every side of a dispute that appears at least once is listed, used or not,
    so a zero shows the name the text did not choose.

    Returns
    -------
    DataFrame
        ``dispute_id, dispute, side_id, side, used_by, count, share, names, leaning``;
        ``leaning`` is the side with most uses, or "mixed" on a tie.

    Examples
    --------
    >>> from helpers.text import segment
    >>> summary = naming_summary(naming_choices(segment("Kyiv, not Kiev, or Kyiv.")))
    >>> summary[["side", "count", "leaning"]].values.tolist()
    [['Ukrainian transliteration', 2, 'Ukrainian transliteration'], ['Russian-derived', 1, 'Ukrainian transliteration']]
    """
    import pandas as pd

    dictionary = load_dictionary("naming")
    columns = [
        "dispute_id",
        "dispute",
        "side_id",
        "side",
        "used_by",
        "count",
        "share",
        "names",
        "leaning",
    ]
    rows = []
    for dispute_id in dict.fromkeys(choices["dispute_id"]):
        used = choices[choices["dispute_id"] == dispute_id]
        counts = Counter(used["side_id"])
        total = sum(counts.values())
        top = counts.most_common()
        tied = len(top) > 1 and top[0][1] == top[1][1]
        sides = [c for c in dictionary.categories if c.startswith(dispute_id + "/")]
        leaning_id = None if tied else top[0][0]
        leaning = "mixed"
        if leaning_id is not None:
            leaning = str(
                dictionary.category_attrs[f"{dispute_id}/{leaning_id}"].get("side", leaning_id)
            )
        for category in sides:
            side_id = category.split("/", 1)[1]
            attrs = dictionary.category_attrs.get(category, {})
            names = used.loc[used["side_id"] == side_id, "match"]
            rows.append(
                (
                    dispute_id,
                    str(dictionary.category_attrs.get(dispute_id, {}).get("dispute", dispute_id)),
                    side_id,
                    str(attrs.get("side", side_id)),
                    str(attrs.get("used_by", "")),
                    counts.get(side_id, 0),
                    counts.get(side_id, 0) / total,
                    "; ".join(dict.fromkeys(names)),
                    leaning,
                )
            )
    return pd.DataFrame(rows, columns=columns)
