r"""Articles: reading files safely, their metadata, removing page furniture, the corpus table.

An article is one file in ``data/articles/`` (or anywhere, given its path):

* ``.txt`` or ``.md``: the article text under an optional YAML front-matter
  block (``---`` … ``---``) with the keys in :data:`FRONT_MATTER_KEYS`. Without
  front matter the id is the file name without its suffix and the title is the
  first line (for ``.md`` without its ``#``), a headline kept apart from the
  text. Below front matter without a ``title`` the first line also names the
  article but stays in the text. Markdown is read as plain text: its markup,
  if any, stays in the text.
* ``.html`` / ``.htm``: a saved web page. Its main text and metadata are
  extracted with trafilatura (Barbaresi 2021, ACL demo paper), never by
  stripping tags by hand; the id is the file name.

Reading is strict on purpose, because a research tool must not quietly analyse
mojibake: UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a
byte-order mark are decoded; anything else (Latin-1, Windows-1252, binary data)
is refused with an :class:`~helpers.errors.ArticleError` that says how to
convert the file. Files above :data:`MAX_ARTICLE_BYTES` are refused from their
size alone. Unknown front-matter keys are refused too (a typo such as
``pubished`` would otherwise lose the date without a word); anything without a
key of its own belongs in ``notes``.

The raw text is never edited, in the file or in memory: :attr:`Article.raw_text`
is the body exactly as decoded, and the clean :attr:`Article.text` is built from
it by :func:`clean_text`, which drops newsletter and page furniture by the rules
in ``data/cleaning_rules.yml`` and logs every removal with its offsets in
``raw_text``. The clean text is NFC-normalised (typographic quotes, apostrophes
and dashes are kept as they are), its paragraphs are joined by one blank line,
and the title is kept apart from it.

Examples
--------
>>> text, log = clean_text("Talks stall.\n\nAdvertisement\n\nTokyo objects.")
>>> text
'Talks stall.\n\nTokyo objects.'
>>> log[["rule", "start", "end"]].values.tolist()
[['advertisement', 14, 27]]
"""

from helpers.corpus.articles import CORPUS_COLUMNS, Article, load_article, load_corpus
from helpers.corpus.cleaning import (
    LOG_COLUMNS,
    CleaningRule,
    clean_text,
    load_cleaning_rules,
    paragraph_spans,
)
from helpers.corpus.files import article_files, article_index
from helpers.corpus.front_matter import FRONT_MATTER_KEYS, split_front_matter
from helpers.corpus.reading import (
    ARTICLE_SUFFIXES,
    MAX_ARTICLE_BYTES,
    decode_article_bytes,
    read_article_file,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "CORPUS_COLUMNS",
    "FRONT_MATTER_KEYS",
    "LOG_COLUMNS",
    "MAX_ARTICLE_BYTES",
    "Article",
    "CleaningRule",
    "article_files",
    "article_index",
    "clean_text",
    "decode_article_bytes",
    "load_article",
    "load_cleaning_rules",
    "load_corpus",
    "paragraph_spans",
    "read_article_file",
    "split_front_matter",
]

#: Largest article file read, in bytes (20 MB). A news article is a few tens of
