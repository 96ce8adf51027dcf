"""Benchmark corpora: the sentences of the project's news articles, resampled with a fixed seed.

The benchmarks need no data beyond the repository. The pool is every sentence
of ``data/articles/`` (the seed article) and of ``tests/articles/`` (twelve
news articles written for the tests, on as many topics and regions): articles
read with :func:`helpers.corpus.load_corpus`, cut with
:func:`helpers.text.split_sentences`. Corpora of any size are drawn from that
pool with replacement, using :data:`SEED`, so two runs of ``make bench`` score
the same sentences in the same order.

Resampling keeps the length and vocabulary of real news sentences; it cannot
add words the articles do not contain, so the dictionary hit rate is the
articles' own (249 distinct sentences and 1,720 distinct tokens since the
twelfth test article, 5 December; 234 and 1,663 before: a large
real corpus has more words never seen before, which costs the dictionary
engine a first look each; see the README's Performance section).

Examples
--------
>>> pool = ["One.", "Two.", "Three."]
>>> sample_sentences(5, pool=pool) == sample_sentences(5, pool=pool)
True
>>> len(sample_documents(80, per_doc=40, pool=pool))
2
"""

from __future__ import annotations

import csv
import random
from functools import lru_cache
from pathlib import Path

#: Seed of every resampling (the issue number of the benchmark issue, 8).
SEED = 8
#: Sentences per document for ``--unit document``.
PER_DOC = 40


#: The folders whose articles make the pool.
FOLDERS = ("data/articles", "tests/articles")


def _articles() -> list[tuple[str, str]]:
    """Return ``(id, text)`` of every article of :data:`FOLDERS`, cleaned."""
    from helpers.corpus import load_corpus
    from helpers.paths import PROJECT_ROOT

    articles = []
    for folder in FOLDERS:
        if (Path(PROJECT_ROOT) / folder).is_dir():
            table = load_corpus(Path(PROJECT_ROOT) / folder)
            articles += zip(table["id"].astype(str), table["text"].astype(str), strict=True)
    return articles


@lru_cache(maxsize=1)
def sentence_pool() -> tuple[str, ...]:
    """Return every non-empty sentence of every article, in corpus order."""
    from helpers.text import split_sentences

    pool: list[str] = []
    for doc_id, text in _articles():
        table = split_sentences(text, doc_id=doc_id)
        pool.extend(s.strip() for s in table["text"].tolist() if s.strip())
    if not pool:
        raise SystemExit("no sentences in data/articles/ or tests/articles/: no benchmark corpus")
    return tuple(pool)


def pool_info() -> dict:
    """Describe the pool: articles, sentences, distinct words, mean characters per sentence."""
    from helpers.text import tokenize

    pool = sentence_pool()
    words = {token.norm for sentence in set(pool) for token in tokenize(sentence)}
    return {
        "folders": list(FOLDERS),
        "articles": len(_articles()),
        "sentences": len(pool),
        "distinct_sentences": len(set(pool)),
        "distinct_tokens": len(words),
        "mean_chars": round(sum(map(len, pool)) / len(pool), 1),
        "seed": SEED,
    }


def sample_sentences(n: int, *, seed: int = SEED, pool=None) -> list[str]:
    """Draw ``n`` sentences from the pool with replacement (reproducible)."""
    return list(iter_sentences(n, seed=seed, pool=pool))


def iter_sentences(n: int, *, seed: int = SEED, pool=None):
    """The sentences of :func:`sample_sentences`, one at a time (for a million rows)."""
    pool = list(sentence_pool() if pool is None else pool)
    rng = random.Random(seed)
    for _ in range(n):
        yield pool[rng.randrange(len(pool))]


def sample_documents(n_sentences: int, *, per_doc: int = PER_DOC, seed: int = SEED, pool=None):
    """Return ``n_sentences // per_doc`` documents of ``per_doc`` resampled sentences each.

    Sentences of a document are joined by a space, four to a paragraph, with
    a blank line between paragraphs, the shape of the articles themselves.
    """
    sentences = sample_sentences(n_sentences, seed=seed, pool=pool)
    documents = []
    for start in range(0, len(sentences) - per_doc + 1, per_doc):
        chunk = sentences[start : start + per_doc]
        paragraphs = [" ".join(chunk[i : i + 4]) for i in range(0, len(chunk), 4)]
        documents.append("\n\n".join(paragraphs))
    return documents


def write_csv(path: str | Path, texts, column: str = "text") -> Path:
    """Write ``texts`` as a one-column CSV (plus a row ``id``) for ``score``."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", column])
        for number, text in enumerate(texts):
            writer.writerow([number, text])
    return path
