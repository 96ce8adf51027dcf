"""Benchmark corpora: the sentences of ``data/articles/``, resampled with a fixed seed.

The benchmarks need no data beyond the repository. Every sentence of every
article is collected once (articles read with :func:`helpers.corpus.load_corpus`,
cut with :func:`helpers.text.split_sentences`), and corpora of any size are
drawn from that pool with replacement, using :data:`SEED`, so two runs of
``make bench`` score the same sentences in the same order.

Resampling keeps the length and vocabulary of real news sentences; it cannot
add words the articles do not contain, so the dictionary hit rate is the
articles' own (with a single article, a few hundred distinct sentences).

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


def _articles() -> list[tuple[str, str]]:
    """Return ``(id, text)`` of every article, cleaned when ``helpers.corpus`` exists."""
    try:
        from helpers.corpus import load_corpus
    except ImportError:  # corpus module not in this checkout yet: read the files directly
        return _articles_from_files()
    table = load_corpus()
    return list(zip(table["id"].astype(str), table["text"].astype(str), strict=True))


def _articles_from_files() -> list[tuple[str, str]]:
    from helpers.paths import ARTICLES_DIR

    articles = []
    for path in sorted(Path(ARTICLES_DIR).glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        # Front matter is a YAML block between two '---' lines at the top.
        if raw.startswith("---\n") and "\n---\n" in raw[4:]:
            raw = raw[4:].split("\n---\n", 1)[1]
        articles.append((path.stem, raw.strip()))
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
        raise SystemExit("no sentences in data/articles/: the benchmark needs at least one article")
    return tuple(pool)


def pool_info() -> dict:
    """Describe the pool: articles, sentences, mean characters per sentence."""
    pool = sentence_pool()
    return {
        "articles": len(_articles()),
        "sentences": len(pool),
        "distinct_sentences": len(set(pool)),
        "mean_chars": round(sum(map(len, pool)) / len(pool), 1),
        "seed": SEED,
    }


def sample_sentences(n: int, *, seed: int = SEED, pool=None) -> list[str]:
    """Draw ``n`` sentences from the pool with replacement (reproducible)."""
    pool = list(sentence_pool() if pool is None else pool)
    rng = random.Random(seed)
    return [pool[rng.randrange(len(pool))] for _ in range(n)]


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
