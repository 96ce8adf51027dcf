"""Why a sentence scored what it did: each word's valence, rule by rule, and what the domain list did.

:func:`explain_sentence` runs the same rules as the score
(:class:`helpers.sentiment.vader.VaderEngine`), with their notes switched on,
and lists every word that carries valence, with its value in the lexicon,
after the capitals rule, after the modifiers (degree words, negation, idioms,
"least") and after the "but" rule. :func:`explain_sentences` does it for
several sentences of a document, :func:`valence_spans` turns it into
highlighted spans, and :func:`domain_hits` lists the news-aware adjustments
that apply in a document, with VADER's own valence beside them.
"""

from __future__ import annotations

from typing import Any

from helpers.actors.names import name_hits
from helpers.sentiment.domain import DOMAIN_LEXICON, domain_lexicon
from helpers.sentiment.tables import as_segmentation
from helpers.sentiment.vader import WordTrace, engine, punctuation_emphasis
from helpers.sentiment.words import news_words, nltk_word_spans, nltk_words, token_base
from helpers.text import Token

EXPLAIN_COLUMNS: tuple[str, ...] = (
    "position", "word", "start", "end", "source", "lexicon_valence",
    "after_caps", "after_modifiers", "valence", "rules",
)  # fmt: skip

#: Categories of :func:`valence_spans` and their colours (colour-blind safe).
VALENCE_LEGEND = {
    "raises the score": "#9be3c5",
    "lowers the score": "#f6b48a",
    "neutralised by the domain list": "#d9d9d9",
    "degree word or negation": "#a6cee3",
}


def _read_words(text, tokens, domain_adjust, lexicon, notes):
    """Return ``(words, spans, lowers, vals)`` as the score reads them, with domain ``notes``."""
    eng = engine()
    if domain_adjust:
        domain = domain_lexicon(lexicon)
        if tokens is None:
            from helpers.text import tokenize

            tokens = tokenize(text)
        words, where = news_words(text, spans=True)
        lowers = [w.lower() for w in words]
        vals = [eng.lexicon.get(w) for w in lowers]
        hits = domain.dictionary.match_tokens(tokens) if tokens else []
        base = token_base(text, tokens) if tokens else 0
        hits = [*hits, *name_hits(text, base)]  # names are not words (helpers.actors.names)
        domain.apply(hits, words, where, vals, base, notes)
    else:
        words = nltk_words(text, eng.punc_list)
        where = nltk_word_spans(text, words)
        lowers = [w.lower() for w in words]
        vals = [eng.lexicon.get(w) for w in lowers]
    return words, where, lowers, vals


def _word_row(k: int, lower: str, rec: WordTrace | None, note, value: float, include_neutral):
    """The explanation of word ``k`` after ``source``: a tuple, or None to leave the word out."""
    eng = engine()
    vader = eng.lexicon.get(lower)
    if note is not None:
        source = f"{note.hit.category} {note.hit.pattern!r} ({note.action})"
    elif rec is not None:
        source = "VADER"
    elif lower in eng.booster or lower in eng.negate:
        source = "VADER rule word"
    else:
        source = ""
    if rec is not None:
        rules = list(rec.rules)
        if rec.context != k:
            rules.append(f"read in the context of its first occurrence (word {rec.context})")
        return (source, rec.lexicon, rec.caps, rec.modified, rec.final, "; ".join(rules))
    if note is not None and vader is not None:
        return (source, vader, 0.0, 0.0, 0.0, "neutralised by the domain list")
    if vader is not None:
        # Rated in the lexicon but not scored: VADER reads it as a modifier.
        why = "degree word" if lower in eng.booster else "'kind of' is a degree phrase"
        return (source or "VADER rule word", vader, 0.0, 0.0, 0.0, f"not scored: {why}")
    if include_neutral or source == "VADER rule word":
        return (source, vader, value, value, value, "")
    return None


def explain_sentence(
    text: str,
    *,
    tokens: list[Token] | None = None,
    domain_adjust: bool = True,
    lexicon: Any = DOMAIN_LEXICON,
    include_neutral: bool = False,
    offset: int = 0,
):
    """Show why a sentence scored what it did: each word's valence, rule by rule.

    Parameters
    ----------
    text : str
        One sentence.
    tokens : list of Token, optional
        Its tokens (made when missing).
    domain_adjust : bool, default True
        Explain the news-aware score; False explains NLTK's plain VADER.
    lexicon : str or Path
        The adjustments dictionary.
    include_neutral : bool, default False
        Also list words that carry no valence.
    offset : int, default 0
        Added to ``start``/``end`` (the sentence's offset in its document).

    Returns
    -------
    DataFrame
        ``position, word, start, end, source, lexicon_valence, after_caps,
        after_modifiers, valence, rules``: ``source`` is ``VADER`` or the
        domain category and pattern; ``after_caps`` the valence after the
        capitals rule, ``after_modifiers`` after degree words, negation,
        idioms and "least", ``valence`` after the "but" rule (what is summed).
        ``attrs`` holds the sentence's ``compound, pos, neu, neg``, the
        ``sum`` of valences and the ``punctuation`` emphasis added to it.

    Examples
    --------
    >>> e = explain_sentence("Japan called it “completely unacceptable,” a strong word.")
    >>> e[["word", "lexicon_valence", "valence", "rules"]].values.tolist()
    [['completely', nan, 0.0, ''], ['unacceptable', -2.0, -2.293, "degree word 'completely' -0.293"], ['strong', 2.3, 0.0, 'neutralised by the domain list']]
    >>> e.attrs["compound"]
    -0.5095
    """
    import pandas as pd

    eng = engine()
    notes: dict = {}
    words, where, lowers, vals = _read_words(text, tokens, domain_adjust, lexicon, notes)
    trace: list[WordTrace] = []
    sentiments = eng.valences(words, lowers, vals, trace)
    amplifier = punctuation_emphasis(text)
    compound, pos, neu, neg = eng.scores(sentiments, amplifier)
    by_pos = {rec.pos: rec for rec in trace}
    rows = []
    for k, word in enumerate(words):
        row = _word_row(
            k, lowers[k], by_pos.get(k), notes.get(k), float(sentiments[k]), include_neutral
        )
        if row is not None:
            rows.append((k, word, *where[k], *row))
    frame = pd.DataFrame(rows, columns=list(EXPLAIN_COLUMNS))
    if offset:
        frame["start"] += offset
        frame["end"] += offset
    frame.attrs.update(
        {
            "compound": compound,
            "pos": pos,
            "neu": neu,
            "neg": neg,
            "sum": float(sum(sentiments)),
            "punctuation": amplifier,
            "n_words": len(words),
            "mode": "news-aware" if domain_adjust else "plain VADER (NLTK)",
        }
    )
    return frame


def explain_sentences(
    table, seg: Any, sent_ids, *, domain_adjust: bool = True, lexicon: Any = DOMAIN_LEXICON
):
    """Explanations of several sentences in one long table.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.sentiment.tables.score_sentiment`.
    seg : Segmentation
        The same document.
    sent_ids : iterable of int
        The sentences to explain, e.g. the most negative ones.

    Returns
    -------
    DataFrame
        ``sent_id, compound`` followed by the columns of :func:`explain_sentence`
        (offsets into the document).

    Examples
    --------
    >>> from helpers.sentiment.tables import score_sentiment
    >>> from helpers.text import segment
    >>> seg = segment("Talks failed. It was good.")
    >>> explain_sentences(score_sentiment(seg), seg, [1])[["sent_id", "word", "start"]].values.tolist()
    [[1, 'good', 21]]
    """
    import pandas as pd

    seg = as_segmentation(seg)
    frames = []
    column = "compound" if domain_adjust else "compound_raw"
    indexed = table.set_index("sent_id")
    for sent_id in sent_ids:
        sent_id = int(sent_id)
        start = int(indexed.at[sent_id, "start"])
        frame = explain_sentence(
            indexed.at[sent_id, "text"],
            tokens=seg.tokens[sent_id],
            domain_adjust=domain_adjust,
            lexicon=lexicon,
            offset=start,
        )
        frame.insert(0, "compound", indexed.at[sent_id, column])
        frame.insert(0, "sent_id", sent_id)
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["sent_id", "compound", *EXPLAIN_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def _span_category(row) -> str | None:
    """The :data:`VALENCE_LEGEND` category of an explained word (None: not highlighted)."""
    if row.valence > 0:
        return "raises the score"
    if row.valence < 0:
        return "lowers the score"
    if "neutralised" in row.source or "part of phrase" in row.source:
        return "neutralised by the domain list"
    if row.source == "VADER rule word":
        return "degree word or negation"
    return None


def valence_spans(table, seg: Any, *, domain_adjust: bool = True, lexicon: Any = DOMAIN_LEXICON):
    """Every word that moved a sentence's score, as spans for :func:`helpers.highlight.highlight_html`.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.sentiment.tables.score_sentiment` on ``seg``.
    seg : Segmentation

    Returns
    -------
    DataFrame
        ``start, end, category, note``: ``category`` is one of
        :data:`VALENCE_LEGEND`; ``note`` gives the word's lexicon valence, its
        final valence and the rules applied (shown on hover).

    Examples
    --------
    >>> from helpers.sentiment.tables import score_sentiment
    >>> from helpers.text import segment
    >>> seg = segment("The peace talks were not good.")
    >>> valence_spans(score_sentiment(seg), seg)[["start", "end", "category"]].values.tolist()
    [[4, 9, 'neutralised by the domain list'], [21, 24, 'degree word or negation'], [25, 29, 'lowers the score']]
    """
    import pandas as pd

    explained = explain_sentences(
        table, seg, table["sent_id"], domain_adjust=domain_adjust, lexicon=lexicon
    )
    rows = []
    for row in explained.itertuples(index=False):
        category = _span_category(row)
        if category is None:
            continue
        lexicon_value = "" if pd.isna(row.lexicon_valence) else f"{row.lexicon_valence:+g} -> "
        note = f"{row.word}: {lexicon_value}{row.valence:+.3f}"
        if row.source not in {"VADER", "VADER rule word"}:
            note += f" [{row.source}]"
        if row.rules and row.rules != "neutralised by the domain list":
            note += f" ({row.rules})"
        rows.append((int(row.start), int(row.end), category, note))
    return pd.DataFrame(rows, columns=["start", "end", "category", "note"])


def domain_hits(seg: Any, *, lexicon: Any = DOMAIN_LEXICON):
    """List the news-aware adjustments that apply in a document, with VADER's own valence.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, match, category, pattern, action,
        valence, vader_valence, note``: ``action`` is ``neutralised`` or
        ``valence``; ``vader_valence`` what VADER's lexicon gives the words
        matched (summed over them); ``note`` the entry's reason.

    Examples
    --------
    >>> t = domain_hits("The peace talks after World War II.")
    >>> t[["match", "action", "vader_valence"]].values.tolist()
    [['peace talks', 'neutralised', 2.5], ['World War II', 'neutralised', -2.9]]
    """
    import pandas as pd

    seg = as_segmentation(seg)
    domain = domain_lexicon(lexicon)
    lex = engine().lexicon
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for hit in domain.dictionary.match_tokens(tokens):
            value = domain.valence.get((hit.category, hit.pattern))
            matched = seg.text[hit.start : hit.end]
            vader = sum(lex.get(w.lower(), 0.0) for w in news_words(matched))
            rows.append(
                (
                    seg.doc_id, sent_id, hit.start, hit.end, matched, hit.category, hit.pattern,
                    "neutralised" if value is None else "valence", value, round(vader, 4),
                    domain.note_of(hit),
                )
            )  # fmt: skip
    columns = ["doc_id", "sent_id", "start", "end", "match", "category", "pattern", "action",
               "valence", "vader_valence", "note"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
