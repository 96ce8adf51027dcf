"""Exploration aids over frame hits: co-occurrence, arc, highlighted text, KWIC, collocations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.framing.dictionaries import GENERIC_FRAMES, POLICY_FRAMES

if TYPE_CHECKING:  # pandas is imported inside the functions, to keep `import helpers` light
    import pandas as pd


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
    >>> from helpers.framing import frame_hits
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
    >>> from helpers.framing import frame_hits
    >>> from helpers.text import segment
    >>> seg = segment("War came. A solution followed.")
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
    >>> from helpers.framing import frame_hits
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
