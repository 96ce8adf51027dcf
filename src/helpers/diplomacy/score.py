"""The ``score`` contract of the diplomacy analyses: one row of plain values per unit.

:data:`COLUMNS` are the columns :func:`score_row` returns, in order;
:func:`score_dictionaries` the compiled dictionaries it reads, which
:mod:`helpers.score` matches in one pass with the other analyses'; and
:func:`aggregate_rows` combines the sentence rows of a document
(``score --unit document``). The main event of a unit is chosen by
:func:`helpers.diplomacy.event_coding.main_index`, the same rule the tables use.
"""

from __future__ import annotations

from typing import Any

from helpers.diplomacy.analysis import Analysis, analyse_batch
from helpers.diplomacy.attribution import Attribution
from helpers.diplomacy.dictionaries import (
    default_actors,
    matched_dictionaries,
    matcher,
    reload_dictionaries,
)
from helpers.diplomacy.event_coding import event_label, main_event
from helpers.diplomacy.uncertainty import CLASSES, VOICES, joined, uncertainty_columns
from helpers.errors import ParameterError
from helpers.text import Token, quote_spans

#: Columns returned by :func:`score_row`, in order.
COLUMNS: tuple[str, ...] = (
    "hedges",
    "boosters",
    "epistemic",
    "deontic",
    "uncertain",
    "uncertainty",
    "uncertain_voice",
    "anonymous_source",
    "intensity",
    "quotes",
    "speaker",
    "speaker_text",
    "speaker_type",
    "speaker_rule",
    "source_actor",
    "event",
    "quad_class",
    "goldstein",
    "target_actor",
    "cameo",
    "events",
)


def score_dictionaries(actors=None) -> tuple:
    """The compiled dictionaries :func:`score_row` reads, in the order it wants their hits.

    ``stance``, ``reporting_verbs``, ``diplomacy``, ``events``, ``uncertainty``,
    ``sourcing`` and the actors' dictionary. :mod:`helpers.score` matches them together with the other
    analyses' dictionaries in one pass (:class:`~helpers.lexicons.DictionarySet`)
    and hands :func:`score_row` the hits. Files edited since they were compiled
    are read again first (:func:`~helpers.diplomacy.reload_dictionaries`), so
    ``score``, which asks once per chunk of rows, scores with the dictionaries
    as they are on disk, in a running kernel too.
    """
    reload_dictionaries()
    return matched_dictionaries(actors)


def score_row(
    text: str, tokens: list[Token], hits: list[list] | None = None, date: str | None = None
) -> dict:
    """Score one unit of text (usually a sentence) for the ``score`` command.

    Parameters
    ----------
    text : str
        The unit's text.
    tokens : list of Token
        ``helpers.text.tokenize(text)``.
    hits : list of list of Hit, optional
        The tokens' hits of each of :func:`score_dictionaries`, when the caller
        matched them already (as :mod:`helpers.score` does); else matched here.
    date : str, optional
        The unit's date (``YYYY-MM-DD``, ``score --date-column``): a leader is
        resolved to the actor they led on that day. None: the latest term.

    Returns
    -------
    dict
        The :data:`COLUMNS`: counts of hedges, boosters, epistemic and deontic
        modals; ``uncertain`` (a cue of any uncertainty class is present),
        ``uncertainty`` (the classes, ``;``-separated, in the order of
        :data:`~helpers.diplomacy.uncertainty.CLASSES`), ``uncertain_voice``
        (whose cues: ``writer``, ``reported``, ``quoted``, ``;``-separated)
        and ``anonymous_source`` (a statement sourced to an unnamed or vague
        source, :mod:`helpers.diplomacy.sourcing`);
        ``intensity`` (highest ladder level, 0 = none); ``quotes`` (number of
        direct quotations); the unit's speaker (:func:`unit_speaker`):
        ``speaker`` (the resolved actor's name, "" when the source belongs to
        no actor: a private person, an anonymous or unknown source),
        ``speaker_text`` (the words naming it), ``speaker_type`` (government,
        igo, person, media, ngo, armed_group, company, anonymous, or "") and
        ``speaker_rule`` (how it was found, or why there is none); the main event (first asserted one of the main clause) as
        ``source_actor``, ``event`` (qualified: "would not cooperate"),
        ``quad_class``, ``goldstein`` (0.0 when the event is negated or
        modal: it did not, or not yet, happen), ``target_actor`` and
        ``cameo`` (its CAMEO code); ``events`` lists every event of the
        sentence (:func:`events_column`).

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> s = "It may be clear that this is regrettable."
    >>> row = score_row(s, tokenize(s))  # doctest: +SKIP
    >>> row["hedges"], row["boosters"], row["intensity"]  # doctest: +SKIP
    (1, 1, 1)
    """
    return score_rows([text], [tokens], [hits], None if date is None else [date])[0]


def score_rows(texts, tokens_list, hits_list, dates=None) -> list[dict]:
    """:func:`score_row` for a batch of units; :mod:`helpers.score` calls it for each batch.

    Each step of the analyses runs over every unit of the batch before the
    next (:func:`~helpers.diplomacy.analysis.analyse_batch`): the same code
    over many units in a row stays in the processor's caches. The rows are
    those of :func:`score_row`, unit by unit.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> texts = ["Russia halted the talks.", "It rained all day."]
    >>> [row["cameo"] for row in score_rows(texts, [tokenize(t) for t in texts], [None, None])]
    ['164', '']
    """
    actors = default_actors()
    hits_list = [
        matcher(actors).match_tokens(tokens) if hits is None else hits
        for tokens, hits in zip(tokens_list, hits_list, strict=True)
    ]
    sentences = [
        (tokens, text, _quotes(text), hits)
        for text, tokens, hits in zip(texts, tokens_list, hits_list, strict=True)
    ]
    return [row_from(one) for one in analyse_batch(sentences, actors, dates)]


def _quotes(text: str) -> list[tuple[int, int]]:
    return quote_spans(text) if '"' in text or "“" in text or "‘" in text else []


# The row of a sentence with no stance marker, statement, quotation or event.
_EMPTY_ROW = {
    "hedges": 0,
    "boosters": 0,
    "epistemic": 0,
    "deontic": 0,
    "uncertain": False,
    "uncertainty": "",
    "uncertain_voice": "",
    "anonymous_source": False,
    "intensity": 0,
    "quotes": 0,
    "speaker": "",
    "speaker_text": "",
    "speaker_type": "",
    "speaker_rule": "",
    "source_actor": "",
    "event": "",
    "quad_class": "",
    "goldstein": 0.0,
    "target_actor": "",
    "cameo": "",
    "events": "",
}
# Stance category -> the count column it adds to.
_COUNTED = {
    "hedge": "hedges",
    "booster": "boosters",
    "epistemic": "epistemic",
    "deontic": "deontic",
}


def row_from(analysis: Analysis) -> dict:
    """The score row of a sentence's analysis."""
    row = _EMPTY_ROW.copy()  # the usual sentence has little: fill in only what is there
    stance, statements, attributions, events, quotes = analysis[1:6]
    for hit in stance:
        column = _COUNTED.get(hit.category)
        if column is not None:
            row[column] += 1
    if analysis.uncertainty:
        row.update(uncertainty_columns(analysis.uncertainty))
    if analysis.anonymous:
        row["anonymous_source"] = True
    if statements:
        row["intensity"] = max(s.level for s in statements)
    if quotes:
        row["quotes"] = quotes
    if attributions:
        chosen = unit_speaker(attributions)
        row["speaker"] = chosen.speaker
        row["speaker_text"] = chosen.speaker_text
        row["speaker_type"] = chosen.speaker_type
        row["speaker_rule"] = chosen.speaker_rule
    main = main_event(events) if events else None
    if main is not None:
        row["source_actor"] = main.source
        row["event"] = event_label(main)
        row["quad_class"] = main.quad_class
        row["goldstein"] = 0.0 if main.negated or main.modality else main.goldstein
        row["target_actor"] = main.target
        row["cameo"] = main.cameo
        row["events"] = events_column(events)
    return row


def events_column(found) -> str:
    """All events of a sentence as ``source>cameo>target`` items, ``;``-separated, in text order.

    An actor that was not found is left empty ("">"190">"Ukraine"); the
    negated and modal events are listed too (the one-event columns say which
    one is asserted).

    Examples
    --------
    >>> from helpers.diplomacy.event_coding import Event
    >>> e = Event(0, 5, "ended", "sanction", "halt_negotiations", "material_conflict", -6.5,
    ...           False, "", False, "RUS", "Russia", "JPN", "Japan", "", "164")
    >>> events_column([e, e._replace(source="", cameo="190", start=9)])
    'Russia>164>Japan;>190>Japan'
    """
    ordered = sorted(found, key=lambda e: e.start)
    return ";".join(f"{e.source}>{e.cameo}>{e.target}" for e in ordered)


def unit_speaker(attributions: list) -> Attribution:
    """The speaker of a unit: of its attributions in the order of their verbs (a quotation
    without a verb last), the first whose speaker is resolved (an actor or a type), else
    the first that names one, else the first (whose ``speaker_rule`` says why it has none).

    Examples
    --------
    >>> from helpers.diplomacy.attribution import Attribution
    >>> a = Attribution("reported", "according to", "", 40, 52, "", "", "", "results",
    ...                 "", "", 0, 9, "according to: a document", "", "")
    >>> b = Attribution("reported", "said", "", 10, 14, "RUS", "Russia", "name", "Moscow",
    ...                 "", "", 15, 30, "subject", "government", "")
    >>> unit_speaker([a, b]).speaker
    'Russia'
    """
    ordered = sorted(attributions, key=_verb_order)
    for attribution in ordered:
        if attribution.speaker_id or attribution.speaker_type:
            return attribution
    for attribution in ordered:
        if attribution.speaker_text:
            return attribution
    return ordered[0]


def _verb_order(attribution) -> int:
    return attribution.verb_start if attribution.verb_start >= 0 else 1 << 62


def aggregate_rows(rows: list[dict], weights: list[int]) -> dict:
    """Combine sentence rows into one document row (``score --unit document``).

    Counts are summed; ``uncertain`` and ``anonymous_source`` are true if any
    sentence's is; ``uncertainty`` and ``uncertain_voice`` list what any sentence
    has, in their usual order; ``intensity``
    is the highest level; ``goldstein`` is the weighted mean over sentences
    with an asserted event (weights: the sentences' token counts), 0.0 when
    there is none; the speaker columns come from the first sentence that names a
    speaker; ``source_actor``, ``event``, ``quad_class``,
    ``target_actor`` come from the sentence with the most extreme weight
    (first one on ties; the first event-bearing sentence when all weigh 0).

    Examples
    --------
    >>> a = dict(hedges=1, boosters=0, epistemic=1, deontic=0, uncertain=True,
    ...          uncertainty="epistemic", uncertain_voice="writer", anonymous_source=False,
    ...          intensity=2, quotes=0, speaker="", source_actor="Russia", event="sanction",
    ...          quad_class="material_conflict", goldstein=-5.6, target_actor="Japan")
    >>> b = dict(a, hedges=0, uncertain=True, uncertainty="doxastic;weasel", intensity=5,
    ...          uncertain_voice="quoted", event="", source_actor="", goldstein=0.0,
    ...          quad_class="", target_actor="")
    >>> out = aggregate_rows([a, b], [10, 5])
    >>> out["hedges"], out["uncertain"], out["intensity"], out["event"], out["goldstein"]
    (1, True, 5, 'sanction', -5.6)
    >>> out["uncertainty"], out["uncertain_voice"]
    ('epistemic;doxastic;weasel', 'writer;quoted')
    """
    if len(rows) != len(weights):
        raise ParameterError(
            "rows and weights differ in length",
            where="diplomacy.aggregate_rows",
            fix="Give one weight per row",
        )
    out: dict[str, Any] = {
        c: sum(int(r.get(c, 0) or 0) for r in rows)
        for c in ("hedges", "boosters", "epistemic", "deontic", "quotes")
    }
    out["uncertain"] = any(bool(r.get("uncertain")) for r in rows)
    out["uncertainty"] = joined(CLASSES, (r.get("uncertainty") for r in rows))
    out["uncertain_voice"] = joined(VOICES, (r.get("uncertain_voice") for r in rows))
    out["anonymous_source"] = any(bool(r.get("anonymous_source")) for r in rows)
    out["intensity"] = max((int(r.get("intensity", 0) or 0) for r in rows), default=0)
    spoken = next((r for r in rows if r.get("speaker_text") or r.get("speaker")), None)
    for column in ("speaker", "speaker_text", "speaker_type", "speaker_rule"):
        out[column] = spoken.get(column, "") if spoken is not None else ""
    weighted = [
        (float(r["goldstein"]), w)
        for r, w in zip(rows, weights, strict=True)
        if r.get("event") and r.get("goldstein")
    ]
    total = sum(w for _, w in weighted)
    out["goldstein"] = round(sum(g * w for g, w in weighted) / total, 3) if total else 0.0
    with_event = [r for r in rows if r.get("event")]
    main = (
        max(with_event, key=lambda r: abs(float(r.get("goldstein") or 0.0))) if with_event else None
    )
    for column in ("source_actor", "event", "quad_class", "target_actor", "cameo"):
        out[column] = main.get(column, "") if main else ""
    out["events"] = ";".join(str(r["events"]) for r in rows if r.get("events"))
    return {c: out[c] for c in COLUMNS}
