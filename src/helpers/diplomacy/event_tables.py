"""Event tables: who does what to whom, one row per coded event, and the dyads.

:func:`events` lists every coded event of an article with the rule that found
its source and target; :func:`dyads` counts and weighs them per directed pair
of actors, and :func:`dyad_matrix` lays the dyads out as a source x target
matrix for the network figure.
"""

from __future__ import annotations

import math
from typing import Any

from helpers.diplomacy.event_coding import COOPERATION
from helpers.diplomacy.tables import found_in, frame
from helpers.errors import ParameterError

EVENT_COLUMNS = tuple(
    "doc_id sent_id source source_id action event mode quad_class goldstein negated modality "
    "asserted passive target target_id rule start end sentence cameo cameo_name root plover "
    "source_agent target_agent evidence".split()
)
DYAD_COLUMNS = tuple(
    "source target events asserted cooperative conflictual mean_weight net_cooperation".split()
)


def events(seg, actors=None, date=None) -> Any:
    """Return who does what to whom, one row per coded event.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, source, source_id, action, event, mode,
        quad_class, goldstein, negated, modality, asserted, passive, target,
        target_id, rule, start, end, sentence, cameo, cameo_name, root,
        plover``. ``action`` is the pattern
        that matched, ``event`` the PLOVER-style type, ``mode`` the
        ``events.yml`` category, ``goldstein`` its nominal weight;
        ``asserted`` is false for negated or modal events ("would not
        join"), which are kept; ``rule`` says how source and target were
        found; ``cameo`` is the event's CAMEO code, ``cameo_name`` its
        name, ``root`` its two-digit root and ``plover`` its PLOVER type
        (:mod:`helpers.diplomacy.cameo`); ``goldstein`` is the ICEWS weight of
        the code; ``source_agent`` and ``target_agent`` are the CAMEO agent codes
        of sub-state actors ("COP" for "Kenyan police", "UAF" for "gunmen", whose
        ``source_id`` is the agent code alone), and ``evidence`` the rule's origin
        ("events.yml: consult: met with", "PETRARCH2 CAMEO.2.0.txt line 8743: * {TEAR GAS}").

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = events(segment("Talks were suspended by Moscow."))
    >>> t[["source", "event", "passive"]].values.tolist()
    [['Russia', 'sanction', True]]
    """
    rows = []
    sentences = seg.sentences["text"].tolist()
    for sent_id, e in found_in(seg, actors, date, "events"):
        asserted = not e.negated and not e.modality
        rows.append(
            (seg.doc_id, sent_id, e.source, e.source_id, e.action, e.event, e.mode)
            + (e.quad_class, e.goldstein, e.negated, e.modality, asserted, e.passive)
            + (e.target, e.target_id, e.rule, e.start, e.end, sentences[sent_id])
            + (e.cameo, e.name, e.root, e.plover)
            + (e.source_agent, e.target_agent, e.evidence)
        )
    return frame(rows, EVENT_COLUMNS)


def dyads(event_table) -> Any:
    """Return the directed dyad table: source -> target with counts and weights.

    Only events with both a source and a target count. ``mean_weight`` and
    ``net_cooperation`` use asserted events only (negated and modal events
    did not, or not yet, happen); ``events`` counts all of them.

    Parameters
    ----------
    event_table : DataFrame
        From :func:`events`.

    Returns
    -------
    DataFrame
        ``source, target, events, asserted, cooperative, conflictual,
        mean_weight, net_cooperation`` (``net_cooperation`` is the sum of
        the asserted Goldstein weights; ``mean_weight`` is NaN without
        asserted events), most events first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"source": ["Russia", "Russia", "Japan"],
    ...     "target": ["Japan", "Japan", "Russia"], "goldstein": [-3.8, -4.4, -5.6],
    ...     "asserted": [True, False, True],
    ...     "quad_class": ["material_conflict", "verbal_conflict", "material_conflict"]})
    >>> dyads(t)[["source", "target", "events", "asserted", "mean_weight"]].values.tolist()
    [['Russia', 'Japan', 2, 1, -3.8], ['Japan', 'Russia', 1, 1, -5.6]]
    """
    groups: dict[tuple[str, str], list] = {}
    for row in event_table.itertuples(index=False):
        if not row.source or not row.target:
            continue
        groups.setdefault((row.source, row.target), []).append(row)
    rows = []
    for (source, target), members in groups.items():
        asserted = [m for m in members if m.asserted]
        weights = [float(m.goldstein) for m in asserted]
        cooperative = sum(1 for m in asserted if m.quad_class in COOPERATION)
        mean = round(sum(weights) / len(weights), 3) if weights else math.nan
        net = round(sum(weights), 3)
        rows.append(
            (source, target, len(members), len(asserted), cooperative)
            + (len(asserted) - cooperative, mean, net)
        )
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return frame(rows, DYAD_COLUMNS)


def dyad_matrix(dyad_table, value: str = "net_cooperation") -> Any:
    """Return the dyads as a source x target matrix of ``value`` (NaN where no event).

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"source": ["Russia"], "target": ["Japan"], "net_cooperation": [-3.8]})
    >>> float(dyad_matrix(d).loc["Russia", "Japan"])
    -3.8
    """
    import pandas as pd

    if value not in getattr(dyad_table, "columns", []):
        raise ParameterError(
            f"unknown dyad column {value!r}",
            where="dyad_matrix(value=...)",
            fix="Use a numeric column of dyads(): events, asserted, mean_weight, net_cooperation",
        )
    names = sorted(set(dyad_table["source"]) | set(dyad_table["target"]))
    matrix = pd.DataFrame(
        math.nan,
        index=pd.Index(names, name="source"),
        columns=pd.Index(names, name="target"),
    )
    for row in dyad_table.itertuples(index=False):
        matrix.loc[row.source, row.target] = float(getattr(row, value))
    return matrix


def events_by_root(event_table) -> Any:
    """Return the events counted by CAMEO root: how many, how many asserted, mean weight.

    ``event_table`` is the table of :func:`events` (it reads ``root``,
    ``goldstein`` and ``asserted``). The result has the columns ``root,
    root_name, events, asserted, mean_weight`` (``mean_weight`` over the
    asserted events, NaN without any), most events first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"root": ["16", "16", "11"], "goldstein": [-8.0, -6.5, -2.0],
    ...     "asserted": [True, False, True]})
    >>> events_by_root(t).values.tolist()
    [['16', 'REDUCE RELATIONS', 2, 1, -8.0], ['11', 'DISAPPROVE', 1, 1, -2.0]]
    """
    from helpers.diplomacy.cameo import cameo_code

    groups: dict[str, list] = {}
    for row in event_table.itertuples(index=False):
        if row.root:
            groups.setdefault(row.root, []).append(row)
    rows = []
    for root, members in groups.items():
        weights = [float(m.goldstein) for m in members if m.asserted]
        mean = round(sum(weights) / len(weights), 3) if weights else math.nan
        rows.append((root, cameo_code(root).name, len(members), len(weights), mean))
    rows.sort(key=lambda r: (-r[2], r[0]))
    return frame(rows, ("root", "root_name", "events", "asserted", "mean_weight"))
