"""Framing with evidence: news frames, policy frames, Entman's functions, history, naming.

Every claim this module makes points at words in the text. The analyses are
dictionary-based, run by the project's one engine (:mod:`helpers.lexicons`) over
the sentences of :func:`helpers.text.segment`, with the dictionaries in
``data/lexicons``:

Generic news frames (``frames_generic.yml``)
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: a
    content analysis of press and television news. *Journal of Communication*,
    50(2), 93-109. Each of the paper's 20 yes/no questions is a category
    ``frame/qN_name`` with indicator patterns; :func:`question_sheet` turns the
    hits into a suggested yes/no per question for a human coder.
Policy frames (``frames_policy.yml``)
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014).
    Tracking the development of media frames within and across policy issues.
    The codebook's 15 dimensions; "Other" is a residual no word list can find,
    so ``policy_other`` is always 0.
Entman's functions (``entman.yml``)
    Entman, R. M. (1993). Framing: toward clarification of a fractured paradigm.
    *Journal of Communication*, 43(4), 51-58. Cue patterns for problem
    definition, causal attribution, moral evaluation and treatment
    recommendation, each linked to the actor it concerns (:mod:`helpers.actors`).
Historical references (``history.yml``), naming (``naming.yml``), episodic
versus thematic cues (``episodic_thematic.yml``; Iyengar 1991).

Proper names containing frame words. "World War II" contains "war", but
naming the war is a historical reference, not a conflict frame. The frame
dictionaries list such names in a ``_proper_names`` category: the engine's
leftmost-longest matching lets the longer name win, and ``_`` categories are
never reported, so "war" inside the name does not count. The same name is
counted by :func:`historical_references`. "Another World War" (no numeral) is
not suppressed: it speaks of a possible war.

Limits: a dictionary sees words, not meaning. Negation ("no conflict"), irony,
quotation of an opponent's words and metaphor all count like plain statements;
every table therefore carries the matched words and sentence ids so a reader
can check. See the closing cell of ``notebooks/03_framing.ipynb``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from helpers.errors import InputError, ParameterError
from helpers.lexicons import Dictionary, load_dictionary
from helpers.paths import PROJECT_ROOT
from helpers.text import Token

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd

__all__ = [
    "SCHEMES",
    "GENERIC_FRAMES",
    "POLICY_FRAMES",
    "COLUMNS",
    "HIT_COLUMNS",
    "ENTMAN_COLUMNS",
    "HISTORY_COLUMNS",
    "NAMING_COLUMNS",
    "QUESTION_SHEET_COLUMNS",
    "check_parameters",
    "load_custom_dictionary",
    "frame_catalog",
    "frame_hits",
    "frame_salience",
    "dominant_frame",
    "question_sheet",
    "write_question_sheet",
    "read_question_sheet",
    "entman_functions",
    "entman_summary",
    "history_summary",
    "historical_references",
    "naming_choices",
    "naming_summary",
    "episodic_thematic",
    "cooccurrence",
    "frame_arc",
    "evidence_spans",
    "highlight_frames",
    "kwic",
    "collocations",
    "score_row",
    "aggregate_rows",
]

#: Built-in frame schemes and the dictionary each reads.
SCHEMES = {"generic": "frames_generic", "policy": "frames_policy"}

#: Semetko & Valkenburg's five frames, in the order of the ``score`` columns.
GENERIC_FRAMES = ("conflict", "human_interest", "economic", "morality", "responsibility")

#: The Policy Frames Codebook's 15 dimensions, in codebook order.
POLICY_FRAMES = (
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy_prescription",
    "crime_punishment",
    "security_defence",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
    "other",
)

#: Columns :func:`score_row` returns, in order.
COLUMNS: tuple[str, ...] = (
    "frames",
    *(f"frame_{name}" for name in GENERIC_FRAMES),
    *(f"policy_{name}" for name in POLICY_FRAMES),
)
_COUNT_COLUMNS = COLUMNS[1:]

HIT_COLUMNS = (
    "doc_id",
    "sent_id",
    "scheme",
    "frame",
    "frame_key",
    "category",
    "question_id",
    "pattern",
    "start",
    "end",
    "match",
)
ENTMAN_COLUMNS = (
    "doc_id",
    "sent_id",
    "function",
    "cue_type",
    "pattern",
    "start",
    "end",
    "match",
    "actor_id",
    "actor",
    "actor_text",
    "actor_rule",
    "sentence",
)
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
QUESTION_SHEET_COLUMNS = (
    "scheme",
    "frame",
    "question_id",
    "question",
    "suggested",
    "n_hits",
    "evidence_sent_ids",
    "evidence_matches",
    "evidence",
    "coder_answer",
    "coder_note",
)

# -- dictionaries ---------------------------------------------------------------------

# score_row runs once per row of a table that may have millions of rows, so it keeps
# its compiled dictionaries and a category -> column map here instead of asking
# load_dictionary (which checks the file's modification time) each time.
_SCORERS: tuple | None = None


def _scheme_prefix(scheme: str) -> str:
    return "" if scheme == "generic" else f"{scheme}_"


def check_parameters(schemes=("generic", "policy"), min_hits: int = 1) -> list[str]:
    """Check the notebook's ``SCHEMES`` and ``MIN_HITS`` and return the schemes as a list.

    Raises
    ------
    ParameterError
        For an unknown scheme, a scheme list that is not a list of strings, or
        ``MIN_HITS`` below 1.

    Examples
    --------
    >>> check_parameters(["generic"], 1)
    ['generic']
    """
    if isinstance(schemes, str) or not all(isinstance(s, str) for s in schemes):
        raise ParameterError(
            f"SCHEMES must be a list of names, not {schemes!r}",
            where="SCHEMES",
            fix=f"Write e.g. {list(SCHEMES)}",
        )
    unknown = [s for s in schemes if s not in SCHEMES]
    if unknown:
        raise ParameterError(
            f"unknown frame scheme(s) {', '.join(map(repr, unknown))}",
            where="SCHEMES",
            fix=f"Choose from {', '.join(SCHEMES)}; use CUSTOM_DICTIONARY for your own lists",
        )
    if isinstance(min_hits, bool) or not isinstance(min_hits, int) or min_hits < 1:
        raise ParameterError(
            f"MIN_HITS must be a whole number of at least 1, not {min_hits!r}",
            where="MIN_HITS",
            fix="Use 1 to count a frame present on one hit",
        )
    return list(schemes)


def load_custom_dictionary(spec) -> Dictionary | None:
    """Load a user's dictionary (native YAML, quanteda YAML or LIWC ``.dic``).

    Parameters
    ----------
    spec : str, Path, Dictionary or None
        Empty or None: no custom dictionary. A relative path is looked for in the
        working directory, then under the project root; a bare name in
        ``data/lexicons``.

    Raises
    ------
    DictionaryError
        When the file is missing or malformed (from :func:`helpers.lexicons.load_dictionary`).
    """
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        return None
    if isinstance(spec, Dictionary):
        return spec
    path = Path(str(spec).strip())
    if not path.is_absolute() and not path.exists() and (PROJECT_ROOT / path).exists():
        path = PROJECT_ROOT / path
    return load_dictionary(path if path.suffix else str(path))


def _dictionaries(schemes, custom) -> list[tuple[str, Dictionary]]:
    out = [(scheme, load_dictionary(SCHEMES[scheme])) for scheme in check_parameters(schemes)]
    user = load_custom_dictionary(custom)
    if user is not None:
        out.append(("custom", user))
    return out


# The built-in schemes are matched in ONE engine pass over a dictionary that holds
# them all, categories renamed "scheme:category" (suppressors keep their "_" name, so
# "World War II" covers "war" for every scheme). Leftmost-longest matching then runs
# across schemes: a phrase of one scheme would hide the words inside it from the
# other. The lexicons avoid this by listing a phrase in every scheme it serves
# ("trade war" is generic economic q3 and policy economic and security);
# tests/test_framing.py checks every phrase, so one pass gives the same counts as
# separate passes at about half the cost.
_COMBINED: dict[tuple[str, ...], tuple[tuple[Dictionary, ...], Dictionary]] = {}


def _builtin_dictionary(schemes: tuple[str, ...]) -> Dictionary:
    """Return one compiled dictionary holding the built-in ``schemes`` (cached per file version)."""
    parts = tuple(load_dictionary(SCHEMES[scheme]) for scheme in schemes)
    cached = _COMBINED.get(schemes)
    if cached is not None and all(a is b for a, b in zip(cached[0], parts, strict=True)):
        return cached[1]
    combined = Dictionary("+".join(d.name for d in parts), meta={"combines": list(schemes)})
    for scheme, part in zip(schemes, parts, strict=True):
        for category in part.categories:
            name = category if category.startswith("_") else f"{scheme}:{category}"
            combined.add_category(name, part.category_attrs.get(category))
        for entry in part.entries:
            name = (
                entry.category if entry.category.startswith("_") else f"{scheme}:{entry.category}"
            )
            # Built-in frame lexicons are case-insensitive throughout (a test checks it):
            # Entry does not record case sensitivity.
            combined.add(name, entry.pattern, weight=entry.weight, attrs=entry.attrs)
    _COMBINED[schemes] = (parts, combined)
    return combined


def _passes(schemes, custom) -> list[tuple[str | None, Dictionary]]:
    """Return the engine passes to run: built-ins together (scheme None), then the user's."""
    schemes = tuple(check_parameters(schemes))
    out: list[tuple[str | None, Dictionary]] = []
    if schemes:
        out.append((None, _builtin_dictionary(schemes)))
    user = load_custom_dictionary(custom)
    if user is not None:
        out.append(("custom", user))
    return out


def _split_category(category: str) -> tuple[str, str]:
    frame, _, rest = category.partition("/")
    return frame, rest


_OTHER_QUESTION = (
    "Does the text use a frame that fits none of the other 14 dimensions (Other)? "
    "Not detected by word lists: no suggestion is made."
)


def frame_catalog(schemes=("generic", "policy"), custom="") -> pd.DataFrame:
    """List every frame and question of the chosen schemes.

    For the generic scheme each row is one of Semetko & Valkenburg's questions;
    for the policy scheme and user dictionaries, each reported category with
    patterns is a row and its "question" is whether the text uses it.

    Returns
    -------
    DataFrame
        ``scheme, frame, frame_key, label, category, question_id, question, note, source``.

    Examples
    --------
    >>> int(frame_catalog(["generic"]).groupby("frame").size()["conflict"])
    4
    """
    import pandas as pd

    rows = []
    for scheme, dictionary in _dictionaries(schemes, custom):
        with_patterns = {entry.category for entry in dictionary.entries}
        for category in dictionary.categories:
            if category.startswith("_") or category not in with_patterns:
                continue
            frame, question_id = _split_category(category)
            attrs = dictionary.category_attrs.get(category, {})
            top = dictionary.category_attrs.get(frame, {})
            label = str(
                top.get("label") or attrs.get("label") or frame.replace("_", " ").capitalize()
            )
            question = attrs.get("question") or (
                f"Does the text use the {category!r} category of the {dictionary.name} dictionary?"
            )
            rows.append(
                (
                    scheme,
                    frame,
                    _scheme_prefix(scheme) + frame,
                    label,
                    category,
                    question_id,
                    " ".join(str(question).split()),
                    " ".join(str(attrs.get("note") or top.get("note") or "").split()),
                    str(
                        attrs.get("source")
                        or top.get("source")
                        or dictionary.meta.get("source")
                        or ""
                    ),
                )
            )
        if scheme == "policy":
            # The codebook's 15th dimension has no word list (see frames_policy.yml);
            # listed so that tables show all 15, always without hits.
            rows.append(
                (
                    "policy",
                    "other",
                    "policy_other",
                    "Other",
                    "other",
                    "",
                    _OTHER_QUESTION,
                    "Residual dimension: not detectable by a word list; a coder decides.",
                    "Policy Frames Codebook, dimension 15",
                )
            )
    return pd.DataFrame(
        rows,
        columns=[
            "scheme",
            "frame",
            "frame_key",
            "label",
            "category",
            "question_id",
            "question",
            "note",
            "source",
        ],
    )


# -- frame hits and salience ------------------------------------------------------------


def frame_hits(seg, schemes=("generic", "policy"), custom="") -> pd.DataFrame:
    """Find the frame indicators in every sentence, with their evidence spans.

    Parameters
    ----------
    seg : Segmentation
        From :func:`helpers.text.segment`.
    schemes : list of str, default ("generic", "policy")
        Built-in schemes (see :data:`SCHEMES`).
    custom : str, default ""
        Path of a user dictionary (YAML, quanteda YAML or LIWC ``.dic``), run as
        the scheme ``custom``; its top-level categories are its frames.

    Returns
    -------
    DataFrame
        :data:`HIT_COLUMNS`: one row per hit; ``frame_key`` is the frame's name as
        in the ``score`` columns (``conflict``, ``policy_legality``, ``custom_x``),
        ``text[start:end] == match``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> frame_hits(segment("Russia condemned the move."), ["generic"])[["frame", "question_id", "match"]].values.tolist()
    [['conflict', 'q2_reproach', 'condemned']]
    """
    import pandas as pd

    text = seg.text
    rows = []
    passes = _passes(schemes, custom)
    for sent_id, tokens in enumerate(seg.tokens):
        for fixed_scheme, dictionary in passes:
            for hit in dictionary.match_tokens(tokens):
                if fixed_scheme is None:
                    scheme, _, category = hit.category.partition(":")
                else:
                    scheme, category = fixed_scheme, hit.category
                frame, question_id = _split_category(category)
                rows.append(
                    (
                        seg.doc_id,
                        sent_id,
                        scheme,
                        frame,
                        _scheme_prefix(scheme) + frame,
                        category,
                        question_id,
                        hit.pattern,
                        hit.start,
                        hit.end,
                        text[hit.start : hit.end],
                    )
                )
    return pd.DataFrame(rows, columns=list(HIT_COLUMNS))


def frame_salience(
    seg, hits, schemes=("generic", "policy"), custom="", min_hits: int = 1
) -> pd.DataFrame:
    """Summarise each frame over the article: hits, share of sentences, rate, dominance.

    Parameters
    ----------
    seg : Segmentation
    hits : DataFrame
        From :func:`frame_hits` with the same ``schemes`` and ``custom``.
    schemes, custom
        As for :func:`frame_hits`; every frame of these is listed, hit or not.
    min_hits : int, default 1
        Hits a frame needs to count as present (and to be dominant).

    Returns
    -------
    DataFrame
        ``scheme, frame, frame_key, label, hits, sentences, share_sentences,
        per_1000_tokens, present, dominant``. A hit is a distinct span: one word
        serving two questions of a frame counts once. ``per_1000_tokens`` is hits
        per 1,000 tokens of the article; ``share_sentences`` the share of
        sentences with at least one hit. The dominant frame of a scheme is the
        present frame with the most hits (ties: all tied frames are dominant).

    Examples
    --------
    >>> from helpers.text import segment
    >>> seg = segment("Russia condemned it.")
    >>> s = frame_salience(seg, frame_hits(seg, ["generic"]), ["generic"])
    >>> s.loc[s.frame == "conflict", ["hits", "per_1000_tokens", "dominant"]].values.tolist()
    [[1, 250.0, True]]
    """
    import pandas as pd

    check_parameters(schemes, min_hits)
    catalog = frame_catalog(schemes, custom)
    frames = catalog.drop_duplicates("frame_key")[["scheme", "frame", "frame_key", "label"]]
    n_tokens = max(1, seg.n_tokens)
    n_sentences = max(1, len(seg.tokens))
    spans: dict[str, set] = {}
    sentences: dict[str, set] = {}
    for key, sent_id, start, end in zip(
        hits["frame_key"], hits["sent_id"], hits["start"], hits["end"], strict=True
    ):
        spans.setdefault(key, set()).add((start, end))
        sentences.setdefault(key, set()).add(sent_id)
    rows = []
    for scheme, frame, key, label in frames.itertuples(index=False):
        count = len(spans.get(key, ()))
        n_sent = len(sentences.get(key, ()))
        rows.append(
            (
                scheme,
                frame,
                key,
                label,
                count,
                n_sent,
                n_sent / n_sentences,
                count / n_tokens * 1000,
                count >= min_hits,
            )
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "scheme",
            "frame",
            "frame_key",
            "label",
            "hits",
            "sentences",
            "share_sentences",
            "per_1000_tokens",
            "present",
        ],
    )
    best = table[table["present"]].groupby("scheme")["hits"].max()
    table["dominant"] = table["present"] & (table["hits"] == table["scheme"].map(best).fillna(-1))
    return table


def dominant_frame(salience, scheme: str = "generic") -> str:
    """Return the dominant frame(s) of ``scheme`` joined by ``;`` ("" when none is present).

    Examples
    --------
    >>> import pandas as pd
    >>> dominant_frame(pd.DataFrame({"scheme": ["generic"], "frame": ["conflict"], "dominant": [True]}))
    'conflict'
    """
    chosen = salience[(salience["scheme"] == scheme) & salience["dominant"]]
    return ";".join(chosen["frame"])


# -- question sheet -------------------------------------------------------------------


def question_sheet(
    seg, hits=None, schemes=("generic",), custom="", min_hits: int = 1
) -> pd.DataFrame:
    """Fill in the codebook: a suggested yes/no per question with the sentences behind it.

    The sheet is for a human coder: ``suggested`` is "yes" when the question's
    indicators hit at least ``min_hits`` times (empty for the policy codebook's
    residual "Other", which no word list can detect); ``coder_answer`` and
    ``coder_note`` are left empty to be filled in (see :func:`read_question_sheet`).

    Parameters
    ----------
    seg : Segmentation
    hits : DataFrame, optional
        From :func:`frame_hits`; computed when omitted.
    schemes, custom, min_hits
        As for :func:`frame_salience`. By default only the generic scheme, whose
        categories are Semetko & Valkenburg's questions.

    Returns
    -------
    DataFrame
        :data:`QUESTION_SHEET_COLUMNS`. ``evidence_sent_ids`` is ``;``-separated,
        ``evidence`` gives each sentence as ``[id] text`` joined by `` | ``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> sheet = question_sheet(segment("Russia condemned it."))
    >>> sheet.loc[sheet.question_id == "q2_reproach", ["suggested", "evidence"]].values.tolist()
    [['yes', '[0] Russia condemned it.']]
    """
    import pandas as pd

    check_parameters(schemes, min_hits)
    if hits is None:
        hits = frame_hits(seg, schemes, custom)
    sentences = seg.sentences["text"].tolist()
    by_category: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for scheme, category, sent_id, match in zip(
        hits["scheme"], hits["category"], hits["sent_id"], hits["match"], strict=True
    ):
        by_category.setdefault((scheme, category), []).append((int(sent_id), match))
    rows = []
    for item in frame_catalog(schemes, custom).itertuples(index=False):
        found = by_category.get((item.scheme, item.category), [])
        ids = sorted({sent_id for sent_id, _ in found})
        matches = list(dict.fromkeys(match for _, match in found))
        rows.append(
            (
                item.scheme,
                item.frame,
                item.question_id or item.category,
                item.question,
                ""
                if item.question == _OTHER_QUESTION
                else "yes"
                if len(found) >= min_hits
                else "no",
                len(found),
                ";".join(map(str, ids)),
                "; ".join(matches),
                " | ".join(f"[{i}] {' '.join(sentences[i].split())}" for i in ids),
                "",
                "",
            )
        )
    return pd.DataFrame(rows, columns=list(QUESTION_SHEET_COLUMNS))


def write_question_sheet(sheet, path) -> Path:
    """Write the question sheet as UTF-8 CSV (atomically) and return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from helpers.text import segment
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> sheet = question_sheet(segment("Russia condemned it."))
    >>> read_question_sheet(write_question_sheet(sheet, path)).equals(sheet)
    True
    """
    from helpers.io import write_table_atomic

    return write_table_atomic(sheet, path)


def read_question_sheet(path) -> pd.DataFrame:
    """Read a question sheet back, after a coder has filled in ``coder_answer``.

    Answers are normalised (trimmed, lower case); allowed: ``yes``, ``no`` or empty.

    Raises
    ------
    InputError
        When a column is missing or an answer is not yes/no/empty (naming the line).
    """
    import pandas as pd

    path = Path(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(
            f"cannot read the question sheet: {exc}",
            where=str(path),
            fix="Give the CSV written by write_question_sheet",
        ) from None
    missing = [c for c in QUESTION_SHEET_COLUMNS if c not in table.columns]
    if missing:
        raise InputError(
            f"question sheet lacks column(s) {', '.join(missing)}",
            where=str(path),
            fix="Keep every column of the sheet; only fill in coder_answer and coder_note",
        )
    table = table[list(QUESTION_SHEET_COLUMNS)].copy()
    answers = table["coder_answer"].str.strip().str.lower()
    bad = answers[~answers.isin(["", "yes", "no"])]
    if len(bad):
        index = int(bad.index[0])
        raise InputError(
            f"coder_answer {table.loc[index, 'coder_answer']!r} is not yes, no or empty",
            where=f"{path}, line {index + 2}",
            fix="Answer yes or no (or leave it empty)",
        )
    table["coder_answer"] = answers
    try:
        table["n_hits"] = table["n_hits"].astype(int)
    except ValueError:
        raise InputError(
            "n_hits must be whole numbers", where=str(path), fix="Do not edit the n_hits column"
        ) from None
    return table


# -- Entman's four functions ---------------------------------------------------------------

_ACTOR_RULES = {
    "before": "nearest actor before the cue (its subject)",
    "after": "nearest actor after the cue (the agent it introduces)",
    "nearest": "nearest actor in the sentence",
}


def _pick_actor(mentions: list[tuple], start: int, end: int, side: str):
    """Choose the mention a cue is about; ``mentions`` are (start, end, ...) tuples of one sentence."""
    before = [m for m in mentions if m[1] <= start]
    after = [m for m in mentions if m[0] >= end]
    if side == "before":
        order = [max(before, key=lambda m: m[1])] if before else []
        order += [min(after, key=lambda m: m[0])] if after else []
    elif side == "after":
        order = [min(after, key=lambda m: m[0])] if after else []
        order += [max(before, key=lambda m: m[1])] if before else []
    else:
        order = sorted(before + after, key=lambda m: start - m[1] if m[1] <= start else m[0] - end)
    if not order:
        return None, "no actor named in the sentence"
    chosen = order[0]
    preferred = (side == "before" and chosen[1] <= start) or (side == "after" and chosen[0] >= end)
    rule = (
        _ACTOR_RULES[side]
        if side == "nearest" or preferred
        else f"{_ACTOR_RULES[side]}: none, took the other side"
    )
    return chosen, rule


def entman_functions(seg, actors=None, date=None) -> pd.DataFrame:
    """Find Entman's four framing functions, each with its cue, span and actor.

    Cues come from ``data/lexicons/entman.yml``; the actor is an actor mention
    (:func:`helpers.actors.mentions`) in the same sentence, looked for where the
    cue's ``actor_side`` says: before a deontic modal ("Washington should"),
    after a causal connective ("frustrated by Japan's sanctions"), otherwise
    the nearest.

    Parameters
    ----------
    seg : Segmentation
    actors : Actors, optional
        From :func:`helpers.actors.load_actors`; the default list when omitted.
    date : date, optional
        Passed to the actor finder (which names were valid then).

    Returns
    -------
    DataFrame
        :data:`ENTMAN_COLUMNS`; ``actor_rule`` says how the actor was chosen.

    Examples
    --------
    >>> from helpers.text import segment
    >>> table = entman_functions(segment("Washington should act."))
    >>> table[["function", "match", "actor_text"]].values.tolist()
    [['treatment_recommendation', 'should', 'Washington']]
    """
    import pandas as pd

    from helpers.actors import mentions as find_mentions

    dictionary = load_dictionary("entman")
    table = find_mentions(seg, actors=actors, date=date)
    by_sentence: dict[int, list[tuple]] = {}
    for record in table[["sent_id", "start", "end", "actor_id", "actor", "text"]].itertuples(
        index=False
    ):
        by_sentence.setdefault(int(record.sent_id), []).append(
            (int(record.start), int(record.end), record.actor_id, record.actor, record.text)
        )
    text = seg.text
    sentences = seg.sentences["text"].tolist()
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for hit in dictionary.match_tokens(tokens):
            function, cue_type = _split_category(hit.category)
            side = str(dictionary.category_attrs.get(hit.category, {}).get("actor_side", "nearest"))
            if side not in _ACTOR_RULES:
                side = "nearest"
            chosen, rule = _pick_actor(by_sentence.get(sent_id, []), hit.start, hit.end, side)
            rows.append(
                (
                    seg.doc_id,
                    sent_id,
                    function,
                    cue_type,
                    hit.pattern,
                    hit.start,
                    hit.end,
                    text[hit.start : hit.end],
                    chosen[2] if chosen else "",
                    chosen[3] if chosen else "",
                    chosen[4] if chosen else "",
                    rule,
                    " ".join(sentences[sent_id].split()),
                )
            )
    return pd.DataFrame(rows, columns=list(ENTMAN_COLUMNS))


_ENTMAN_FUNCTIONS = (
    "problem_definition",
    "causal_attribution",
    "moral_evaluation",
    "treatment_recommendation",
)


def entman_summary(functions) -> pd.DataFrame:
    """Say, for each of Entman's four functions, whether the text performs it, and how.

    Parameters
    ----------
    functions : DataFrame
        From :func:`entman_functions`.

    Returns
    -------
    DataFrame
        ``function, present, cues, sentences, matches, actors``: one row per function
        in Entman's order; ``matches`` and ``actors`` list the distinct words and
        actors, ``;``-separated.

    Examples
    --------
    >>> from helpers.text import segment
    >>> summary = entman_summary(entman_functions(segment("Washington should act.")))
    >>> summary[["function", "present", "actors"]].values.tolist()[-1]
    ['treatment_recommendation', True, 'United States']
    """
    import pandas as pd

    rows = []
    for function in _ENTMAN_FUNCTIONS:
        found = functions[functions["function"] == function]
        rows.append(
            (
                function,
                len(found) > 0,
                len(found),
                found["sent_id"].nunique(),
                "; ".join(dict.fromkeys(found["match"])),
                "; ".join(a for a in dict.fromkeys(found["actor"]) if a),
            )
        )
    return pd.DataFrame(
        rows, columns=["function", "present", "cues", "sentences", "matches", "actors"]
    )


def history_summary(references) -> pd.DataFrame:
    """Count the article's historical references by era, earliest first.

    Parameters
    ----------
    references : DataFrame
        From :func:`historical_references`.

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


# -- historical references --------------------------------------------------------------

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
    text = seg.text
    rows = []
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
                    text[hit.start : hit.end],
                    hit.start,
                    hit.end,
                    "history.yml" if attrs.get("resolve") != "world_war" else "",
                ]
            )
        for i, token in enumerate(tokens):
            if i in covered:
                continue
            year = decade = None
            if _YEAR.fullmatch(token.norm):
                year = int(token.norm)
            elif _DECADE.fullmatch(token.norm):
                decade = int(token.norm[:4])
            else:
                continue
            following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            previous = tokens[i - 1].norm if i else ""
            if following in _QUANTITY_WORDS or previous in _CURRENCY_SIGNS:
                continue
            if decade is not None:
                rows.append(
                    [
                        seg.doc_id,
                        sent_id,
                        "year/decade",
                        "decade",
                        token.text,
                        decade,
                        decade + 9,
                        token.text,
                        token.start,
                        token.end,
                        "a decade written as digits",
                    ]
                )
                continue
            end = token.end
            kind, label, rule = "year", token.text, "a year written as digits"
            if following in _EVENT_WORDS:
                end = tokens[i + 1].end
                kind, label, rule = (
                    "dated_event",
                    text[token.start : end],
                    "a year before an event word",
                )
            rows.append(
                [
                    seg.doc_id,
                    sent_id,
                    f"year/{kind}",
                    kind,
                    label,
                    year,
                    year,
                    text[token.start : end],
                    token.start,
                    end,
                    rule,
                ]
            )
    # Date the fronts by the world war named nearby.
    for record in rows:
        category = record[2]
        attrs = dictionary.category_attrs.get(category, {})
        if attrs.get("resolve") != "world_war":
            continue
        sent_id, start = record[1], record[8]
        candidates = [
            (abs(s - start), c, "the same sentence") for s, c in wars_by_sentence.get(sent_id, [])
        ]
        if not candidates:
            candidates = [
                (0, c, "the previous sentence")
                for _, c in wars_by_sentence.get(sent_id - 1, [])[-1:]
            ]
        if candidates:
            _, war, where = min(candidates)
            war_attrs = dictionary.category_attrs[war]
            record[4] = f"{str(attrs.get('era', '')).split(' (')[0]} ({war_attrs['era']})"
            record[5], record[6] = int(war_attrs["year_start"]), int(war_attrs["year_end"])
            record[10] = f"{war_attrs['era']} named in {where}"
        else:
            record[10] = "ambiguous: no world war named in this or the previous sentence"
    table = pd.DataFrame(rows, columns=list(HISTORY_COLUMNS))
    table["year_start"] = table["year_start"].astype("Int64")
    table["year_end"] = table["year_end"].astype("Int64")
    return table.sort_values(["sent_id", "start"], kind="stable").reset_index(drop=True)


# -- naming ------------------------------------------------------------------------------


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
            dispute_id, side_id = _split_category(hit.category)
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


# -- episodic versus thematic ---------------------------------------------------------------


def episodic_thematic(seg, actors=None) -> pd.DataFrame:
    """Score each paragraph as episodic or thematic (Iyengar 1991).

    Cues: ``data/lexicons/episodic_thematic.yml``, plus leaders named by
    :mod:`helpers.actors` (individuals: episodic) and historical references
    from ``history.yml`` (context: thematic).

    Returns
    -------
    DataFrame
        ``doc_id, para_id, episodic, thematic, score, label, episodic_evidence,
        thematic_evidence``; ``score`` = (thematic - episodic) / (thematic +
        episodic), from -1 (all episodic) to 1 (all thematic), 0 without cues;
        ``label`` is episodic, thematic, balanced or none.

    Examples
    --------
    >>> from helpers.text import segment
    >>> table = episodic_thematic(segment("On Monday, Mr. Sato met the press."))
    >>> table[["episodic", "thematic", "label", "episodic_evidence"]].values.tolist()
    [[3, 0, 'episodic', 'Monday; Mr.; met']]
    """
    import pandas as pd

    from helpers.actors import mentions as find_mentions

    dictionary = load_dictionary("episodic_thematic")
    history = load_dictionary("history")
    text = seg.text
    para_of = seg.sentences["para_id"].tolist()
    evidence: dict[int, dict[str, list[str]]] = {}
    for para_id in dict.fromkeys(para_of):
        evidence[para_id] = {"episodic": [], "thematic": []}
    for sent_id, tokens in enumerate(seg.tokens):
        bucket = evidence[para_of[sent_id]]
        for hit in dictionary.match_tokens(tokens):
            bucket[hit.category.split("/", 1)[0]].append(text[hit.start : hit.end])
        for hit in history.match_tokens(tokens):
            bucket["thematic"].append(text[hit.start : hit.end])
    leaders = find_mentions(seg, actors=actors)
    leaders = leaders[leaders["form"] == "leader"]
    for sent_id, mention in zip(leaders["sent_id"], leaders["text"], strict=True):
        evidence[para_of[int(sent_id)]]["episodic"].append(mention)
    rows = []
    for para_id, found in evidence.items():
        e, t = len(found["episodic"]), len(found["thematic"])
        score = (t - e) / (t + e) if t + e else 0.0
        label = (
            "none" if not t + e else "thematic" if t > e else "episodic" if e > t else "balanced"
        )
        rows.append(
            (
                seg.doc_id,
                para_id,
                e,
                t,
                score,
                label,
                "; ".join(found["episodic"]),
                "; ".join(found["thematic"]),
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "para_id",
            "episodic",
            "thematic",
            "score",
            "label",
            "episodic_evidence",
            "thematic_evidence",
        ],
    )


# -- exploration aids -----------------------------------------------------------------


_CANONICAL = {
    key: i for i, key in enumerate([*GENERIC_FRAMES, *(f"policy_{name}" for name in POLICY_FRAMES)])
}


def _frame_keys(hits, frames=None) -> list[str]:
    """Frames to show: those given, else those hit, generic then policy frames in codebook order."""
    if frames is not None:
        return list(frames)
    seen = list(dict.fromkeys(hits["frame_key"]))
    return sorted(seen, key=lambda key: (_CANONICAL.get(key, len(_CANONICAL)), seen.index(key)))


def cooccurrence(hits, frames=None) -> pd.DataFrame:
    """Count the sentences in which two frames occur together.

    Parameters
    ----------
    hits : DataFrame
        From :func:`frame_hits`.
    frames : list of str, optional
        Frame keys to include (rows and columns, in this order); default: those
        hit, generic frames first, then policy frames in codebook order.

    Returns
    -------
    DataFrame
        Square, frame keys as index and columns; the diagonal is the number of
        sentences with the frame.

    Examples
    --------
    >>> from helpers.text import segment
    >>> m = cooccurrence(frame_hits(segment("The war raised prices."), ["generic"]))
    >>> int(m.loc["conflict", "economic"])
    1
    """
    import pandas as pd

    keys = _frame_keys(hits, frames)
    index = {key: i for i, key in enumerate(keys)}
    counts = [[0] * len(keys) for _ in keys]
    per_sentence: dict[int, set] = {}
    for sent_id, key in zip(hits["sent_id"], hits["frame_key"], strict=True):
        if key in index:
            per_sentence.setdefault(int(sent_id), set()).add(key)
    for present in per_sentence.values():
        for a in present:
            for b in present:
                counts[index[a]][index[b]] += 1
    return pd.DataFrame(counts, index=pd.Index(keys, name="frame"), columns=keys)


def frame_arc(seg, hits, frames=None) -> pd.DataFrame:
    """Count each frame's hits per sentence, through the article.

    Returns
    -------
    DataFrame
        ``sent_id`` then one column per frame key; one row per sentence.

    Examples
    --------
    >>> from helpers.text import segment
    >>> seg = segment("War came. Peace talks followed.")
    >>> frame_arc(seg, frame_hits(seg, ["generic"])).values.tolist()
    [[0, 1, 0], [1, 0, 1]]
    """
    import pandas as pd

    keys = _frame_keys(hits, frames)
    n = len(seg.tokens)
    columns = {key: [0] * n for key in keys}
    for sent_id, key in zip(hits["sent_id"], hits["frame_key"], strict=True):
        if key in columns:
            columns[key][int(sent_id)] += 1
    return pd.DataFrame({"sent_id": list(range(n)), **columns})


def evidence_spans(hits) -> pd.DataFrame:
    """Turn frame hits into the ``start, end, category, note`` spans :mod:`helpers.highlight` draws."""
    import pandas as pd

    if hits.empty:
        return pd.DataFrame(columns=["start", "end", "category", "note"])
    notes = [
        f"{cat} ({scheme}): pattern '{pattern}'"
        for cat, scheme, pattern in zip(
            hits["category"], hits["scheme"], hits["pattern"], strict=True
        )
    ]
    return pd.DataFrame(
        {"start": hits["start"], "end": hits["end"], "category": hits["frame_key"], "note": notes}
    )


def highlight_frames(seg, hits, title: str = "", frames=None) -> str:
    """Return the article as HTML with each frame's evidence coloured (text escaped).

    Parameters
    ----------
    seg : Segmentation
    hits : DataFrame
        From :func:`frame_hits`.
    title : str
        Heading (escaped like the text).
    frames : list of str, optional
        Frame keys to colour. Default: the generic frames and any user dictionary's
        frames; policy frames only when no others were hit, because the palette has
        eight colours and 19 frames at once would repeat them. Pass e.g.
        ``["policy_legality", "policy_security_defence"]`` to see policy frames.

    Returns
    -------
    str
        An HTML fragment (:func:`helpers.highlight.highlight_html`); where a word
        serves two frames the first in the legend is drawn, and the legend counts all.

    Examples
    --------
    >>> from helpers.text import segment
    >>> seg = segment("<b>War</b> looms.")
    >>> html = highlight_frames(seg, frame_hits(seg))
    >>> "<b>" in html, "&lt;b&gt;" in html, ">War</mark>" in html
    (False, True, True)
    """
    from helpers.highlight import category_colors, highlight_html

    if frames is None:
        keys = _frame_keys(hits)
        frames = [key for key in keys if not key.startswith("policy_")] or keys
    chosen = hits[hits["frame_key"].isin(list(frames))]
    order = {key: i for i, key in enumerate(frames)}
    # Sort so that, at one span, the frame listed first is the one drawn.
    chosen = chosen.assign(_order=chosen["frame_key"].map(order)).sort_values(
        ["start", "_order"], kind="stable"
    )
    return highlight_html(
        seg.text, evidence_spans(chosen), title=title, legend=category_colors(frames)
    )


def kwic(seg, term: str, window: int = 5):
    """Keyword in context for any word, glob or phrase (:func:`helpers.lexicons.kwic`)."""
    from helpers.lexicons import kwic as _kwic

    return _kwic(seg, term, window=window)


def collocations(seg, top: int = 20, min_freq: int = 2):
    """Strongest two-word collocations (:func:`helpers.lexicons.collocations`)."""
    from helpers.lexicons import collocations as _collocations

    return _collocations(seg, top=top, min_freq=min_freq)


# -- score -------------------------------------------------------------------------------


def _scorers() -> tuple:
    """Return ``(dictionary, {category: count column})`` for the built-in schemes (one pass)."""
    global _SCORERS
    if _SCORERS is None:
        dictionary = _builtin_dictionary(("generic", "policy"))
        mapping = {}
        for category in dictionary.categories:
            scheme, _, rest = category.partition(":")
            column = ("frame_" if scheme == "generic" else "policy_") + rest.split("/", 1)[0]
            if column in _COUNT_COLUMNS:
                mapping[category] = column
        _SCORERS = (dictionary, mapping)
    return _SCORERS


# Name of each count column in the ``frames`` column (generic frames by their plain
# name, policy frames with their prefix) and its place in the column order.
_FRAME_NAME = {
    column: column[len("frame_") :] if column.startswith("frame_") else column
    for column in _COUNT_COLUMNS
}
_COLUMN_ORDER = {column: i for i, column in enumerate(_COUNT_COLUMNS)}
_ZERO_ROW = {"frames": "", **dict.fromkeys(_COUNT_COLUMNS, 0)}


def _frames(columns) -> str:
    return ";".join([_FRAME_NAME[c] for c in sorted(columns, key=_COLUMN_ORDER.__getitem__)])


def score_dictionaries() -> tuple:
    """The compiled dictionary :func:`score_row` reads: both built-in schemes in one.

    :mod:`helpers.score` matches it together with the other analyses'
    dictionaries in one pass and hands :func:`score_row` the hits.
    """
    return ((_SCORERS or _scorers())[0],)


def score_row(text: str, tokens: list[Token], hits: list[list] | None = None) -> dict:
    """Count each frame's hits in one unit of text, for the ``score`` command.

    The built-in dictionaries are matched in one pass (compiled once per process).
    A span counts once per frame even when it serves two of its questions.

    Parameters
    ----------
    text : str
        The unit's text (unused: the tokens carry it).
    tokens : list of Token
        From :func:`helpers.text.tokenize`.
    hits : list of list of Hit, optional
        The tokens' hits of :func:`score_dictionaries` (one list), when the
        caller matched them already; else matched here.

    Returns
    -------
    dict
        :data:`COLUMNS`: ``frames`` (``;``-separated names present: generic frame
        names, then ``policy_<name>``) and one count per frame.

    Examples
    --------
    >>> from helpers.text import tokenize
    >>> s = "The war raised prices."
    >>> r = score_row(s, tokenize(s))
    >>> r["frames"], r["frame_conflict"], r["policy_other"]
    ('conflict;economic;policy_economic;policy_security_defence', 1, 0)
    """
    # Hot path (one call per row of a possibly huge table): no pandas, no per-call
    # loading, one engine pass for both schemes, a copied template row.
    dictionary, mapping = _SCORERS or _scorers()
    row = _ZERO_ROW.copy()
    seen = set()
    for hit in hits[0] if hits is not None else dictionary.match_tokens(tokens):
        column = mapping.get(hit.category)
        if column is not None:
            key = (column, hit.start)
            if key not in seen:
                seen.add(key)
                row[column] += 1
    if seen:
        row["frames"] = _frames({column for column, _ in seen})
    return row


def aggregate_rows(rows: list[dict], weights: list[int]) -> dict:
    """Combine per-sentence rows into one document row (``score --unit document``).

    Counts add up (``weights`` are not needed for counts); ``frames`` names every
    frame with at least one hit in the document.

    Examples
    --------
    >>> aggregate_rows([{"frame_conflict": 1}, {"frame_conflict": 2}], [4, 5])["frame_conflict"]
    3
    """
    total = _ZERO_ROW.copy()
    for row in rows:
        for column in _COUNT_COLUMNS:
            total[column] += int(row.get(column, 0) or 0)
    total["frames"] = _frames([column for column in _COUNT_COLUMNS if total[column]])
    return total
