"""The tables notebooks read: one row per marker, statement, attribution, sentence or span.

Every function takes ``seg`` (:func:`helpers.text.segment`), an optional
``actors`` list (:func:`helpers.actors.load_actors`; the project's list by
default) and an optional ``date`` (the article's publication date, so that
leaders are resolved to the office they held then), and returns a pandas
DataFrame with the evidence of every row: the words, their character span,
the rule that fired. The article is analysed once
(:func:`helpers.diplomacy.analysis.analyse_seg`) and every table reads that.
"""

from __future__ import annotations

from typing import Any

from helpers.diplomacy.analysis import analyse_seg
from helpers.diplomacy.event_coding import event_label
from helpers.diplomacy.ladder import LADDER_LABELS
from helpers.diplomacy.stance import MODALITY_CATEGORIES, STANCE_TYPES
from helpers.diplomacy.uncertainty import uncertainty_columns
from helpers.errors import ParameterError


def found_in(seg, actors, date, kind: str):
    """Yield ``(sent_id, record)`` for every record of one kind in an article, in text order.

    ``kind`` is a field of :class:`~helpers.diplomacy.analysis.Analysis`:
    ``stance``, ``statements``, ``attributions`` or ``events``.
    """
    for sent_id, analysis in enumerate(analyse_seg(seg, actors, date)):
        for record in getattr(analysis, kind):
            yield sent_id, record


def frame(rows, columns):
    """A DataFrame of ``rows`` with ``columns`` (pandas is imported here, not at import time)."""
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


STANCE_MARKER_COLUMNS = tuple(
    "doc_id sent_id category sense pattern start end match negated rule".split()
)
STATEMENT_COLUMNS = tuple(
    "doc_id sent_id start end evidence word intensifier negated base_level level label "
    "speaker speaker_id rule".split()
)
ATTRIBUTION_COLUMNS = tuple(
    "doc_id sent_id kind verb act speaker speaker_id speaker_form speaker_text speaker_type "
    "speaker_agent speaker_rule addressee addressee_id content content_start content_end "
    "verb_start verb_end".split()
)


def stance_markers(seg, actors=None, date=None) -> Any:
    """Return every stance marker and modal with its span.

    Parameters
    ----------
    seg : Segmentation
        From :func:`helpers.text.segment`.
    actors : Actors, optional
        From :func:`helpers.actors.load_actors`; the project's list by default.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, category, sense, pattern, start, end, match,
        negated, rule``; ``category`` is one of :data:`STANCE_TYPES`;
        ``rule`` names a context rule when one made the hit ("question mark").

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = stance_markers(segment("Biden would not join. It is clearly late."))
    >>> t[["category", "match", "negated"]].values.tolist()
    [['hedge', 'would', True], ['epistemic', 'would', True], ['booster', 'clearly', False]]
    """
    text = seg.text
    rows = [
        (seg.doc_id, sent_id, h.category, h.sense, h.pattern, h.start, h.end, text[h.start : h.end])
        + (h.negated, h.rule)
        for sent_id, h in found_in(seg, actors, date, "stance")
    ]
    rows.sort(key=lambda r: (r[1], r[5]))
    return frame(rows, STANCE_MARKER_COLUMNS)


def stance_sentences(seg, actors=None, date=None) -> Any:
    """Return stance counts and densities per sentence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, words``, one count column per stance type
        (:data:`STANCE_TYPES`), the same per 1,000 words
        (``hedge_per_1000`` ...), ``negated_modals``, ``uncertain`` (a cue of
        any uncertainty class) and ``uncertainty_classes`` (the classes,
        ``;``-separated; :mod:`helpers.diplomacy.uncertainty`; the count
        column ``uncertainty`` is the stance.yml category, Hyland's non-modal
        hedges).

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = stance_sentences(segment("The talks may resume."))
    >>> int(t.loc[0, "words"]), int(t.loc[0, "hedge"]), float(t.loc[0, "hedge_per_1000"])
    (4, 1, 250.0)
    """
    rows = []
    for sent_id, analysis in enumerate(analyse_seg(seg, actors, date)):
        counts = dict.fromkeys(STANCE_TYPES, 0)
        negated = 0
        for h in analysis.stance:
            counts[h.category] += 1
            negated += int(h.negated and h.category in MODALITY_CATEGORIES)
        words = analysis.words
        densities = [round(1000 * counts[c] / words, 2) if words else 0.0 for c in STANCE_TYPES]
        verdict = uncertainty_columns(analysis.uncertainty)
        rows.append(
            (seg.doc_id, sent_id, words, *counts.values(), *densities, negated)
            + (verdict["uncertain"], verdict["uncertainty"])
        )
    columns = [
        "doc_id",
        "sent_id",
        "words",
        *STANCE_TYPES,
        *[f"{c}_per_1000" for c in STANCE_TYPES],
        "negated_modals",
        "uncertain",
        "uncertainty_classes",
    ]
    return frame(rows, columns)


def statements(seg, actors=None, date=None) -> Any:
    """Return every ladder word with its level, evidence and speaker.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, evidence, word, intensifier, negated,
        base_level, level, label, speaker, speaker_id, rule``: ``base_level``
        is the word's rung, ``level`` the rung after intensifier and negation
        (see ``data/lexicons/diplomacy.yml``); ``rule`` says how the speaker
        was found (attributed speech, clause subject, passive agent).

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = statements(segment("Japan called it completely unacceptable."))
    >>> t[["evidence", "base_level", "level", "speaker"]].values.tolist()
    [['completely unacceptable', 4, 5, 'Japan']]
    """
    text = seg.text
    rows = [
        (seg.doc_id, sent_id, s.start, s.end, text[s.start : s.end], s.word)
        + (s.intensifier, s.negated, s.base_level, s.level, LADDER_LABELS.get(s.level, ""))
        + (s.speaker, s.speaker_id, s.rule)
        for sent_id, s in found_in(seg, actors, date, "statements")
    ]
    return frame(rows, STATEMENT_COLUMNS)


def intensity_ladder(seg, actors=None, date=None) -> Any:
    """Return the ladder level of every sentence (0 = none), in text order.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, level, label, evidence, speaker, speaker_id``: the
        strongest statement of each sentence; sentences without one have
        level 0 and empty evidence, so the table is the ladder over time.
    """
    found = statements(seg, actors, date)
    best: dict[int, tuple] = {}
    for row in found.itertuples(index=False):
        if row.sent_id not in best or row.level > best[row.sent_id][0]:
            best[row.sent_id] = (row.level, row.evidence, row.speaker, row.speaker_id)
    rows = []
    for sent_id in range(len(seg.tokens)):
        level, evidence, speaker, speaker_id = best.get(sent_id, (0, "", "", ""))
        label = LADDER_LABELS.get(level, "")
        rows.append((seg.doc_id, sent_id, level, label, evidence, speaker, speaker_id))
    columns = ("doc_id", "sent_id", "level", "label", "evidence", "speaker", "speaker_id")
    return frame(rows, columns)


def highest_level_by_actor(statement_table) -> Any:
    """Return the highest ladder level each speaker reached.

    Parameters
    ----------
    statement_table : DataFrame
        From :func:`statements`.

    Returns
    -------
    DataFrame
        ``speaker, speaker_id, level, label, evidence, sent_id`` (the first
        sentence where that level was reached), strongest first; statements
        without a speaker are grouped as "(writer/unattributed)".

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"speaker": ["Japan", "Japan", ""], "speaker_id": ["JPN", "JPN", ""],
    ...     "level": [2, 5, 1], "evidence": ["concern", "completely unacceptable", "regret"],
    ...     "sent_id": [0, 3, 1]})
    >>> highest_level_by_actor(t)[["speaker", "level"]].values.tolist()
    [['Japan', 5], ['(writer/unattributed)', 1]]
    """
    best: dict[str, tuple] = {}
    for row in statement_table.itertuples(index=False):
        name = row.speaker or "(writer/unattributed)"
        if name not in best or row.level > best[name][1]:
            best[name] = (row.speaker_id, int(row.level), row.evidence, int(row.sent_id))
    rows = [
        (name, sid, level, LADDER_LABELS.get(level, ""), evidence, sent)
        for name, (sid, level, evidence, sent) in best.items()
    ]
    rows.sort(key=lambda r: -r[2])
    return frame(rows, ("speaker", "speaker_id", "level", "label", "evidence", "sent_id"))


def attributions(seg, actors=None, date=None) -> Any:
    """Return attributed speech: who said what, with which verb.

    Parameters
    ----------
    seg : Segmentation
    actors : Actors, optional

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, kind, verb, act, speaker, speaker_id,
        speaker_form, speaker_text, speaker_rule, addressee, addressee_id,
        content, content_start, content_end, verb_start, verb_end``. ``kind`` is
        ``direct`` (a quotation; ``verb`` empty when no reporting verb is
        near), ``reported`` or ``according_to``; ``act`` is the verb's
        speech-act class (``reporting_verbs.yml``); ``speaker`` the actor
        name, ``speaker_text`` the words naming the source ("both sides"),
        ``speaker_rule`` how it was found (subject, inverted, according to,
        participle takes the main subject);
        ``-1`` marks a missing verb span.

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = attributions(segment("Russia warned Japan that talks were over."))
    >>> t[["kind", "verb", "speaker", "addressee", "content"]].values.tolist()
    [['reported', 'warned', 'Russia', 'Japan', 'talks were over']]
    """
    text = seg.text
    rows = [
        (seg.doc_id, sent_id, a.kind, a.verb, a.act, a.speaker, a.speaker_id, a.speaker_form)
        + (a.speaker_text, a.speaker_type, a.speaker_agent, a.speaker_rule)
        + (a.addressee, a.addressee_id)
        + (text[a.content_start : a.content_end], a.content_start, a.content_end)
        + (a.verb_start, a.verb_end)
        for sent_id, a in found_in(seg, actors, date, "attributions")
    ]
    return frame(rows, ATTRIBUTION_COLUMNS)


def attributed_spans(seg, actors=None, date=None) -> list[tuple[int, int]]:
    """Return the character spans of attributed speech (quotations and reported content).

    Overlapping spans are merged; offsets point into ``seg.text``. This is
    what another analysis needs to separate the voices of sources from the
    writer's own voice.

    Examples
    --------
    >>> from helpers.text import segment
    >>> attributed_spans(segment("Tokyo said “no.” It rained."))
    [(11, 16)]
    """
    spans = sorted(
        (a.content_start, a.content_end)
        for result in analyse_seg(seg, actors, date)
        for a in result.attributions
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


NAME_SKIP_COLUMNS = tuple("doc_id sent_id dictionary category word start end name".split())


def name_skips(seg, actors=None, date=None) -> Any:
    """Return the words the diplomacy analyses did not count because they stand inside a name.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, dictionary, category, word, start, end, name``:
        "Support" of "Rapid Support Forces" is no support event, "Security"
        of "Security Council" no stance or ladder word
        (:mod:`helpers.actors.names`: what a name is, and the exceptions).

    Examples
    --------
    >>> from helpers.text import segment
    >>> t = name_skips(segment("The Rapid Support Forces said they would attack."))
    >>> t[["dictionary", "word", "name"]].values.tolist()
    [['events', 'Support', 'Rapid Support Forces']]
    """
    text = seg.text
    rows = [
        (seg.doc_id, sent_id, dictionary, skip.hit.category, text[skip.hit.start : skip.hit.end])
        + (skip.hit.start, skip.hit.end, skip.name)
        for sent_id, (dictionary, skip) in found_in(seg, actors, date, "skipped")
    ]
    return frame(rows, NAME_SKIP_COLUMNS)


_EVIDENCE_KINDS = ("speech", "ladder", "event", "uncertainty", "stance", "name")


def evidence_spans(
    seg, actors=None, include=("ladder", "event", "stance", "name"), date=None
) -> Any:
    """Return the spans to colour in the highlighted article.

    Parameters
    ----------
    seg : Segmentation
    actors : Actors, optional
    include : sequence of str, default ("ladder", "event", "stance", "name")
        Which evidence to show, in drawing priority: ``speech`` (attributed
        content), ``ladder`` (statements), ``event`` (event verbs),
        ``uncertainty`` (uncertainty cues, with their class and voice),
        ``stance`` (markers), ``name`` (dictionary words not counted because
        they stand inside a name, :func:`name_skips`). :func:`helpers.highlight.highlight_html` draws
        the earlier and longer of overlapping spans, so ``speech`` spans
        (whole clauses) hide the markers inside them; leave it out to see
        those.

    Returns
    -------
    DataFrame
        ``start, end, category, note``; categories ``speech``,
        ``ladder:<level>``, ``event:<quad_class>``, ``uncertainty:<class>``,
        ``stance:<type>``, ``name``.
    """
    unknown = [kind for kind in include if kind not in _EVIDENCE_KINDS]
    if unknown:
        raise ParameterError(
            f"unknown evidence kind {unknown[0]!r}",
            where="evidence_spans(include=...)",
            fix=f"Choose from {', '.join(_EVIDENCE_KINDS)}",
        )
    rows = []
    for analysis in analyse_seg(seg, actors, date):
        if "speech" in include:
            for a in analysis.attributions:
                who = a.speaker or a.speaker_text or "unknown source"
                note = f"{a.kind} speech, source: {who}"
                rows.append((a.content_start, a.content_end, "speech", note))
        if "ladder" in include:
            for s in analysis.statements:
                label = LADDER_LABELS.get(s.level, "")
                note = f"level {s.level} {label}; speaker: {s.speaker or '-'}"
                rows.append((s.start, s.end, f"ladder:{s.level}", note))
        if "event" in include:
            for e in analysis.events:
                who = f"{e.source or '?'} -> {e.target or '?'}"
                note = f"{event_label(e)}: {who} ({e.goldstein:+.1f})"
                rows.append((e.start, e.end, f"event:{e.quad_class}", note))
        if "uncertainty" in include:
            for c in analysis.uncertainty:
                note = f"uncertainty: {c.uncertainty} ({c.kind or c.rule}), {c.voice}'s"
                rows.append((c.start, c.end, f"uncertainty:{c.uncertainty}", note))
        if "stance" in include:
            for h in analysis.stance:
                note = h.category + (" (negated)" if h.negated else "")
                rows.append((h.start, h.end, f"stance:{h.category}", note))
        if "name" in include:
            for dictionary, skip in analysis.skipped:
                note = f"not counted ({dictionary}): inside the name '{skip.name}'"
                rows.append((skip.hit.start, skip.hit.end, "name", note))
    return frame(rows, ("start", "end", "category", "note"))
