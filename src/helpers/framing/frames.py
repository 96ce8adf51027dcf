"""Frame hits, salience and the dominant frame, and the catalog of frames and questions.

Generic news frames: Semetko & Valkenburg (2000), one category ``frame/qN_name``
per yes/no question of their codebook. Policy frames: Boydstun et al. (2014),
the Policy Frames Codebook's 15 dimensions. See :mod:`helpers.framing`. Whether
a frame is present is decided by :mod:`helpers.framing.decide` from the answers
to its questions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.actors.names import split_named
from helpers.framing.decide import check_thresholds, frame_score, is_present, threshold_of
from helpers.framing.dictionaries import (
    check_parameters,
    engine_passes,
    scheme_dictionaries,
    scheme_prefix,
    split_category,
)

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


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


OTHER_QUESTION = (
    "Does the text use a frame that fits none of the other 14 dimensions (Other)? "
    "Not detected by word lists: no suggestion is made."
)
# The codebook's 15th dimension has no word list (see frames_policy.yml); listed so
# that tables show all 15, always without hits.
_POLICY_OTHER = (
    "policy",
    "other",
    "policy_other",
    "Other",
    "other",
    "",
    OTHER_QUESTION,
    "Residual dimension: not detectable by a word list; a coder decides.",
    "Policy Frames Codebook, dimension 15",
)
# The columns that name a frame, then those of the catalog and the salience table.
_FRAME_ID = ("scheme", "frame", "frame_key", "label")
_CATALOG_COLUMNS = _FRAME_ID + ("category", "question_id", "question", "note", "source")
_MEASURES = (
    "hits",
    "sentences",
    "share_sentences",
    "per_1000_tokens",
    "score",
    "threshold",
    "present",
)
_SALIENCE_COLUMNS = _FRAME_ID + _MEASURES


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
    for scheme, dictionary in scheme_dictionaries(schemes, custom):
        with_patterns = {entry.category for entry in dictionary.entries}
        for category in dictionary.categories:
            if not category.startswith("_") and category in with_patterns:
                rows.append(_catalog_row(scheme, dictionary, category))
        if scheme == "policy":
            rows.append(_POLICY_OTHER)
    return pd.DataFrame(rows, columns=list(_CATALOG_COLUMNS))


def _catalog_row(scheme: str, dictionary, category: str) -> tuple:
    """One row of :func:`frame_catalog`: a category's frame, label, question, note, source."""
    frame, question_id = split_category(category)
    attrs = dictionary.category_attrs.get(category, {})
    top = dictionary.category_attrs.get(frame, {})
    label = str(top.get("label") or attrs.get("label") or frame.replace("_", " ").capitalize())
    question = attrs.get("question") or (
        f"Does the text use the {category!r} category of the {dictionary.name} dictionary?"
    )
    source = attrs.get("source") or top.get("source") or dictionary.meta.get("source") or ""
    return (
        scheme,
        frame,
        scheme_prefix(scheme) + frame,
        label,
        category,
        question_id,
        " ".join(str(question).split()),
        " ".join(str(attrs.get("note") or top.get("note") or "").split()),
        str(source),
    )


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
    for sent_id, scheme, category, hit, name in _sentence_hits(seg, schemes, custom):
        if name:
            continue  # inside a name: frame_name_skips lists it
        frame, question_id = split_category(category)
        rows.append(
            (
                seg.doc_id,
                sent_id,
                scheme,
                frame,
                scheme_prefix(scheme) + frame,
                category,
                question_id,
                hit.pattern,
                hit.start,
                hit.end,
                text[hit.start : hit.end],
            )
        )
    return pd.DataFrame(rows, columns=list(HIT_COLUMNS))


def _named(text: str, tokens, hits) -> tuple[list, list]:
    """A sentence's hits split into those that count and those inside a name
    (:func:`helpers.actors.names.split_named`: "Security" in "Security Council")."""
    if not hits:
        return hits, []
    start = tokens[0].start
    return split_named(hits, text[start : tokens[-1].end], start)


def _sentence_hits(seg, schemes, custom):
    """``(sent_id, scheme, category, hit, name)`` for every hit of every sentence, in order;
    ``name`` is "" for a hit that counts, else the name it stands inside."""
    text = seg.text
    passes = engine_passes(schemes, custom)
    for sent_id, tokens in enumerate(seg.tokens):
        for fixed_scheme, dictionary in passes:
            kept, skipped = _named(text, tokens, dictionary.match_tokens(tokens))
            for hit, name in [(h, "") for h in kept] + [(s.hit, s.name) for s in skipped]:
                if fixed_scheme is None:
                    scheme, _, category = hit.category.partition(":")
                else:
                    scheme, category = fixed_scheme, hit.category
                yield sent_id, scheme, category, hit, name


def frame_name_skips(seg, schemes=("generic", "policy"), custom="") -> pd.DataFrame:
    """Frame indicators not counted because they stand inside a name.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, scheme, frame, pattern, start, end, match, name``:
        "Security" of "Security Council" is no security frame, "Trade" of
        "World Trade Organization" no economic one (see
        :mod:`helpers.actors.names` for what counts as a name and the
        exceptions).

    Examples
    --------
    >>> from helpers.text import segment
    >>> frame_name_skips(segment("The Security Council met."))[["match", "name"]].values.tolist()[:1]
    [['Security', 'Security Council']]
    """
    import pandas as pd

    text = seg.text
    rows = []
    for sent_id, scheme, category, hit, name in _sentence_hits(seg, schemes, custom):
        if name:
            frame, _ = split_category(category)
            rows.append(
                (seg.doc_id, sent_id, scheme, frame, hit.pattern, hit.start, hit.end)
                + (text[hit.start : hit.end], name)
            )
    columns = ["doc_id", "sent_id", "scheme", "frame", "pattern", "start", "end", "match", "name"]
    return pd.DataFrame(rows, columns=columns)


def _question_hits(hits) -> dict[tuple[str, str], int]:
    """Count each question's hits: ``(frame_key, category)`` -> distinct spans.

    A span serving two questions counts for each; the frame's own count
    (:func:`frame_salience`'s ``hits``) counts it once.
    """
    spans: dict[tuple[str, str], set] = {}
    for key, category, start, end in zip(
        hits["frame_key"], hits["category"], hits["start"], hits["end"], strict=True
    ):
        spans.setdefault((key, category), set()).add((start, end))
    return {question: len(found) for question, found in spans.items()}


def _frame_spans(hits) -> tuple[dict[str, set], dict[str, set]]:
    """Per frame key: its distinct spans, and the sentences they are in."""
    spans: dict[str, set] = {}
    sentences: dict[str, set] = {}
    for key, sent_id, start, end in zip(
        hits["frame_key"], hits["sent_id"], hits["start"], hits["end"], strict=True
    ):
        spans.setdefault(key, set()).add((start, end))
        sentences.setdefault(key, set()).add(sent_id)
    return spans, sentences


def frame_salience(
    seg, hits, schemes=("generic", "policy"), custom="", min_hits: int = 1, thresholds=None
) -> pd.DataFrame:
    """Summarise each frame over the article: hits, rates, its scale, presence, dominance.

    Parameters
    ----------
    seg : Segmentation
    hits : DataFrame
        From :func:`frame_hits` with the same ``schemes`` and ``custom``.
    schemes, custom
        As for :func:`frame_hits`; every frame of these is listed, hit or not.
    min_hits : int, default 1
        Hits a question needs to be answered at all (below it, its answer is 0).
    thresholds : dict, optional
        Frame name -> threshold, replacing the defaults
        (:data:`helpers.framing.decide.DEFAULT_THRESHOLDS`) for those frames.

    Returns
    -------
    DataFrame
        ``scheme, frame, frame_key, label, hits, sentences, share_sentences,
        per_1000_tokens, score, threshold, present, dominant``. A hit is a distinct
        span: one word serving two questions of a frame counts once.
        ``per_1000_tokens`` is hits per 1,000 tokens of the article;
        ``share_sentences`` the share of sentences with at least one hit. ``score``
        is the frame's scale, the mean of the better half of its questions' answers (0 to 1, see
        :mod:`helpers.framing.decide`); the frame is ``present`` when the score is
        above zero and reaches ``threshold``. The dominant frame of a scheme is the
        present frame with the most hits (ties: all tied frames are dominant).

    Examples
    --------
    >>> from helpers.text import segment
    >>> seg = segment("Russia condemned it.")
    >>> s = frame_salience(seg, frame_hits(seg, ["generic"]), ["generic"])
    >>> s.loc[s.frame == "conflict", ["hits", "per_1000_tokens", "score", "present"]].values.tolist()
    [[1, 250.0, 0.5, True]]
    """
    import pandas as pd

    check_parameters(schemes, min_hits)
    catalog = frame_catalog(schemes, custom)
    thresholds = check_thresholds(thresholds, known=catalog["frame_key"])
    frames = catalog.drop_duplicates("frame_key")[list(_FRAME_ID)]
    questions = catalog.groupby("frame_key", sort=False)["category"].apply(list).to_dict()
    per_question = _question_hits(hits)
    n_tokens = max(1, seg.n_tokens)
    n_sentences = max(1, len(seg.tokens))
    spans, sentences = _frame_spans(hits)
    rows = []
    for scheme, frame, key, label in frames.itertuples(index=False):
        count = len(spans.get(key, ()))
        n_sent = len(sentences.get(key, ()))
        counts = [per_question.get((key, category), 0) for category in questions[key]]
        score = frame_score(counts, n_tokens, min_hits)
        threshold = threshold_of(key, thresholds)
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
                score,
                threshold,
                is_present(score, threshold),
            )
        )
    table = pd.DataFrame(rows, columns=list(_SALIENCE_COLUMNS))
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
