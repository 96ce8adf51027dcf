"""Exploring a text with a pattern: keyword in context and collocations."""

from __future__ import annotations

from collections import Counter

from helpers.lexicons.dictionary import Dictionary

__all__ = ["collocations", "kwic"]


def kwic(seg, pattern: str, window: int = 5):
    """Return every occurrence of ``pattern`` with ``window`` tokens of context.

    Parameters
    ----------
    seg : Segmentation
    pattern : str
        Word, glob or phrase, as in a dictionary.
    window : int, default 5
        Tokens shown on each side (within the sentence).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, pre, keyword, post``.

    Examples
    --------
    >>> from helpers.text import segment
    >>> kwic(segment("Japan imposed sanctions on Russia."), "sanction*", window=2)[["pre", "keyword", "post"]].values.tolist()
    [['Japan imposed', 'sanctions', 'on Russia']]
    """
    import pandas as pd

    dictionary = Dictionary.from_patterns({"kwic": [pattern]})
    text = seg.text
    rows = []
    for sent_id, tokens in enumerate(seg.tokens):
        for hit in dictionary.match_tokens(tokens):
            left = tokens[max(0, hit.tok_start - window) : hit.tok_start]
            right = tokens[hit.tok_end : hit.tok_end + window]
            pre = text[left[0].start : hit.start].strip() if left else ""
            post = text[hit.end : right[-1].end].strip() if right else ""
            rows.append(
                (seg.doc_id, sent_id, hit.start, hit.end, pre, text[hit.start : hit.end], post)
            )
    return pd.DataFrame(
        rows, columns=["doc_id", "sent_id", "start", "end", "pre", "keyword", "post"]
    )


def collocations(seg, top: int = 20, min_freq: int = 2, measure: str = "likelihood_ratio"):
    """Return the strongest two-word collocations, within sentences.

    Uses NLTK's ``BigramCollocationFinder`` on lower-cased word tokens, without
    stop words (scikit-learn's ``ENGLISH_STOP_WORDS``, the Glasgow Information
    Retrieval Group list) and punctuation.

    Parameters
    ----------
    seg : Segmentation
    top : int, default 20
    min_freq : int, default 2
        Pairs seen fewer times are dropped (short articles may need 1).
    measure : str, default "likelihood_ratio"
        Any method of ``nltk.metrics.BigramAssocMeasures`` (``pmi``, ``chi_sq`` ...).

    Returns
    -------
    DataFrame
        ``w1, w2, freq, score``.
    """
    import pandas as pd
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    documents = [
        [t.norm for t in tokens if t.norm[:1].isalpha() and t.norm not in ENGLISH_STOP_WORDS]
        for tokens in seg.tokens
    ]
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_freq_filter(min_freq)
    scorer = getattr(BigramAssocMeasures, measure)
    scored = finder.score_ngrams(scorer)[:top]
    counts: Counter = finder.ngram_fd
    return pd.DataFrame(
        [(w1, w2, counts[(w1, w2)], score) for (w1, w2), score in scored],
        columns=["w1", "w2", "freq", "score"],
    )
