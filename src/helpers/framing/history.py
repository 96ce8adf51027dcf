"""Historical references: past wars, fronts, treaties, states and eras, with their years.

Named references: ``data/lexicons/history.yml``; bare years and decades are
found in the tokens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from helpers.lexicons import load_dictionary

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


HISTORY_COLUMNS = (
    "doc_id",
    "sent_id",
    "category",
    "kind",
    "era",
    "year_start",
    "year_end",
    "match",
    "start",
    "end",
    "resolved_by",
)


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_DECADE = re.compile(r"(1[5-9]\d0|20\d0)s")
# A number followed by one of these is a quantity, not a year.
_QUANTITY_WORDS = frozenset(
    "% percent per people persons troops soldiers dollars euros yen rubles roubles pounds "
    "km kilometres kilometers miles tons tonnes units barrels times ships men women".split()
)
_CURRENCY_SIGNS = frozenset("$ € £ ¥ usd eur".split())
# A year before one of these names a dated event ("the 1956 declaration").
_EVENT_WORDS = frozenset(
    "declaration treaty agreement accord accords war armistice ceasefire summit pact "
    "convention memorandum resolution crisis invasion annexation revolution election".split()
)
_WORLD_WARS = ("war/world_war_ii", "war/world_war_i")


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def historical_references(seg) -> pd.DataFrame:
    """Find references to past wars, fronts, treaties, states and eras, with their years.

    Named references come from ``data/lexicons/history.yml``; bare years
    ("in 1953") and decades ("the 1950s") are found here, skipping numbers that
    are quantities ("2000 dollars"). A year right before a treaty or event word
    is labelled as that event ("1956 declaration"). "Western Front" and "Eastern
    Front" are dated by the world war named in the same sentence or the one
    before (the nearer one wins); otherwise they stay ambiguous, 1914-1945.

    Returns
    -------
    DataFrame
        :data:`HISTORY_COLUMNS`; ``year_start``/``year_end`` are nullable integers.

    Examples
    --------
    >>> from helpers.text import segment
    >>> historical_references(segment("The Cold War ended."))[["era", "year_start", "year_end"]].values.tolist()
    [['Cold War', 1947, 1991]]
    """
    import pandas as pd

    dictionary = load_dictionary("history")
    rows: list[list] = []
    wars_by_sentence: dict[int, list[tuple[int, str]]] = {}
    for sent_id, tokens in enumerate(seg.tokens):
        covered = set()
        for hit in dictionary.match_tokens(tokens):
            attrs = dictionary.category_attrs.get(hit.category, {})
            covered.update(range(hit.tok_start, hit.tok_end))
            if hit.category in _WORLD_WARS:
                wars_by_sentence.setdefault(sent_id, []).append((hit.start, hit.category))
            rows.append(
                [
                    seg.doc_id,
                    sent_id,
                    hit.category,
                    str(attrs.get("kind", "")),
                    str(attrs.get("era", hit.category)),
                    _int_or_none(attrs.get("year_start")),
                    _int_or_none(attrs.get("year_end")),
                    seg.text[hit.start : hit.end],
                    hit.start,
                    hit.end,
                    "history.yml" if attrs.get("resolve") != "world_war" else "",
                ]
            )
        rows.extend(_digit_rows(seg, sent_id, tokens, covered))
    _date_fronts(rows, dictionary, wars_by_sentence)
    table = pd.DataFrame(rows, columns=list(HISTORY_COLUMNS))
    table["year_start"] = table["year_start"].astype("Int64")
    table["year_end"] = table["year_end"].astype("Int64")
    return table.sort_values(["sent_id", "start"], kind="stable").reset_index(drop=True)


def _digit_rows(seg, sent_id: int, tokens, covered: set[int]) -> list[list]:
    """Rows for the years and decades written as digits, outside the named references."""
    rows = []
    for i, token in enumerate(tokens):
        if i in covered:
            continue
        is_year = _YEAR.fullmatch(token.norm) is not None
        if not is_year and _DECADE.fullmatch(token.norm) is None:
            continue
        following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        previous = tokens[i - 1].norm if i else ""
        if following in _QUANTITY_WORDS or previous in _CURRENCY_SIGNS:
            continue
        first = int(token.norm[:4])
        if is_year:
            last, end, kind, rule = first, token.end, "year", "a year written as digits"
            if following in _EVENT_WORDS:
                end, kind, rule = tokens[i + 1].end, "dated_event", "a year before an event word"
        else:
            last, end, kind, rule = first + 9, token.end, "decade", "a decade written as digits"
        # A year is labelled as written, a dated event with its event word, a decade as written.
        span = seg.text[token.start : end]
        label = span if kind == "dated_event" else token.text
        category = "year/decade" if kind == "decade" else f"year/{kind}"
        rows.append(
            [seg.doc_id, sent_id, category, kind, label, first, last, span, token.start, end, rule]
        )
    return rows


# Where each field sits in a row of HISTORY_COLUMNS.
_AT = {name: i for i, name in enumerate(HISTORY_COLUMNS)}


def _date_fronts(rows: list[list], dictionary, wars_by_sentence) -> None:
    """Date the fronts ("Western Front") by the world war named nearby, in place."""
    for record in rows:
        attrs = dictionary.category_attrs.get(record[_AT["category"]], {})
        if attrs.get("resolve") != "world_war":
            continue
        sent_id, start = record[_AT["sent_id"]], record[_AT["start"]]
        candidates = [
            (abs(s - start), c, "the same sentence") for s, c in wars_by_sentence.get(sent_id, [])
        ]
        if not candidates:
            candidates = [
                (0, c, "the previous sentence")
                for _, c in wars_by_sentence.get(sent_id - 1, [])[-1:]
            ]
        if not candidates:
            record[_AT["resolved_by"]] = (
                "ambiguous: no world war named in this or the previous sentence"
            )
            continue
        _, war, where = min(candidates)
        war_attrs = dictionary.category_attrs[war]
        era = str(attrs.get("era", "")).split(" (")[0]
        record[_AT["era"]] = f"{era} ({war_attrs['era']})"
        record[_AT["year_start"]] = int(war_attrs["year_start"])
        record[_AT["year_end"]] = int(war_attrs["year_end"])
        record[_AT["resolved_by"]] = f"{war_attrs['era']} named in {where}"


def history_summary(references) -> pd.DataFrame:
    """Count the article's historical references by era, earliest first.

    ``references`` is the table of :func:`historical_references`.

    Returns
    -------
    DataFrame
        ``era, kind, year_start, year_end, mentions, matches``; references without
        years (a hypothetical "another world war") come last.

    Examples
    --------
    >>> from helpers.text import segment
    >>> refs = historical_references(segment("The Cold War, World War II and the Cold War."))
    >>> history_summary(refs)[["era", "mentions"]].values.tolist()
    [['World War II', 1], ['Cold War', 2]]
    """
    import pandas as pd

    columns = ["era", "kind", "year_start", "year_end", "mentions", "matches"]
    if references.empty:
        return pd.DataFrame(columns=columns)
    table = (
        references.groupby(["era", "kind"], sort=False, dropna=False)
        .agg(
            year_start=("year_start", "first"),
            year_end=("year_end", "first"),
            mentions=("match", "size"),
            matches=("match", lambda m: "; ".join(dict.fromkeys(m))),
        )
        .reset_index()
    )
    table = table.sort_values(["year_start", "year_end"], na_position="last", kind="stable")
    return table[columns].reset_index(drop=True)
