"""The article object, loading one article and loading a folder into the corpus table."""

from __future__ import annotations

import os
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.corpus.cleaning import clean_text
from helpers.corpus.files import _duplicate, _locate, article_files
from helpers.corpus.front_matter import (
    FRONT_MATTER_KEYS,
    _checked_id,
    _validate_meta,
    split_front_matter,
)
from helpers.corpus.html import _from_html
from helpers.corpus.reading import ARTICLE_SUFFIXES, HTML_SUFFIXES, read_article_file
from helpers.errors import ArticleError, HelpersError, ParameterError

__all__ = ["CORPUS_COLUMNS", "Article", "load_article", "load_corpus"]

#: Columns of the table :func:`load_corpus` returns, in order.
CORPUS_COLUMNS = (
    *FRONT_MATTER_KEYS,
    "format",
    "encoding",
    "extractor",
    "path",
    "n_chars",
    "text",
    "raw_text",
    "cleaning_log",
)


@dataclass(frozen=True, eq=False)
class Article:
    """One article: clean text for analysis, raw text for audit, metadata and cleaning log.

    Attributes
    ----------
    id : str
        Safe folder name (see :func:`helpers.paths.check_id`); names the report folder.
    title : str
        The headline, NFC-normalised; not part of ``text``.
    text : str
        The clean body: kept paragraphs, NFC-normalised, joined by ``"\\n\\n"``.
    raw_text : str
        The body exactly as decoded from the file (after the front matter; for
        HTML, the text trafilatura extracted). Cleaning-log offsets point here.
    meta : dict
        :data:`FRONT_MATTER_KEYS` (``None`` where unknown; ``published`` as an
        ISO ``YYYY-MM-DD`` string) plus ``format`` (``text`` or ``html``),
        ``encoding``, ``extractor`` and ``path``.
    cleaning_log : DataFrame
        One row per removal: :data:`LOG_COLUMNS`.
    path : Path or None
        The file, resolved.
    """

    id: str
    title: str
    text: str = field(repr=False)
    raw_text: str = field(repr=False)
    meta: dict[str, Any] = field(repr=False)
    cleaning_log: pd.DataFrame = field(repr=False)
    path: Path | None = None


def _first_line_title(body: str, *, markdown: bool) -> str:
    for line in body.splitlines():
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip()
        if line:
            return " ".join(unicodedata.normalize("NFC", line).split())
    return ""


def _load_file(path: Path) -> Article:
    """Load one article file (any supported format)."""
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ArticleError(
            f"unsupported article file type {suffix or '(no suffix)'!r}",
            where=where,
            fix="Save the article as " + ", ".join(ARTICLE_SUFFIXES),
        )
    text, encoding = read_article_file(path)
    # Whether a headline may open the body when no title is given: in a plain file
    # without front matter the first line is the headline by convention; below a
    # front-matter block everything is the writer's text.
    headline_first = True
    if suffix in HTML_SUFFIXES:
        meta, body, extractor = _from_html(text, path)
    else:
        front, body = split_front_matter(text, where=where)
        if front is not None and not body.strip():
            raise ArticleError(
                "no text after the front matter",
                where=where,
                fix="Put the article's text below the closing '---' line",
            )
        meta = _validate_meta(front or {}, where=where)
        extractor = None
        headline_first = front is None
    if meta["id"] is None:
        meta["id"] = _checked_id(path.stem, where=where)
    given = meta["title"] is not None
    title = meta["title"] or _first_line_title(body, markdown=suffix == ".md")
    meta["title"] = " ".join(title.split())
    # A title taken from the body's first line is removed from the body only where
    # that line is a headline; otherwise it only names the article.
    clean, log = clean_text(body, title=meta["title"] if given or headline_first else None)
    if not clean:
        raise ArticleError(
            "nothing left after cleaning: every paragraph was removed as furniture ("
            + ", ".join(sorted(set(log["rule"])))
            + ")",
            where=where,
            fix="Check the text, or adjust data/cleaning_rules.yml if a rule is wrong for it",
        )
    resolved = path.resolve()
    meta.update(
        format="html" if suffix in HTML_SUFFIXES else "text",
        encoding=encoding,
        extractor=extractor,
        path=str(resolved),
    )
    return Article(
        id=meta["id"],
        title=meta["title"],
        text=clean,
        raw_text=body,
        meta=meta,
        cleaning_log=log,
        path=resolved,
    )


def load_article(
    id_or_path: str | os.PathLike, *, directory: str | os.PathLike | None = None
) -> Article:
    """Load one article by id or by path.

    Parameters
    ----------
    id_or_path : str or path-like
        An id, looked up in ``directory`` by front-matter ``id`` (then by file
        name without suffix); or a path to a file anywhere (a string counts as
        a path when it contains ``/`` or ends in a supported suffix; a relative
        path is tried from the working folder, ``directory`` and the project
        root).
    directory : str or path-like, optional
        Where ids are looked up; default ``data/articles``.

    Returns
    -------
    Article

    Raises
    ------
    ArticleError
        No such article, two articles with the id, or a file that cannot be
        read (see :func:`decode_article_bytes`, :func:`split_front_matter`).
    ParameterError
        An unsafe id (``..``, NUL, leading dot, …).

    Examples
    --------
    >>> article = load_article("japan-russia-peace-talks")
    >>> article.meta["author"], article.text[:9]
    ('Philip Elliott', 'As Judge ')
    """
    return _load_file(_locate(id_or_path, directory))


def load_corpus(
    directory: str | os.PathLike | None = None, *, errors: str = "raise"
) -> pd.DataFrame:
    """Load every article of a folder into one table, one row per article.

    Parameters
    ----------
    directory : str or path-like, optional
        Default ``data/articles``. See :func:`article_files` for which files count.
    errors : {"raise", "warn"}, default "raise"
        What a file that cannot be loaded does: stop with its error, or be
        skipped with a ``UserWarning`` naming it. Two articles with one id
        always stop the load: the corpus would be ambiguous.

    Returns
    -------
    DataFrame
        :data:`CORPUS_COLUMNS`, sorted by id: the metadata, ``format``,
        ``encoding``, ``extractor``, ``path``, ``n_chars`` (of the clean
        text), ``text``, ``raw_text`` and ``cleaning_log`` (a list of dicts
        with :data:`LOG_COLUMNS`).

    Examples
    --------
    >>> table = load_corpus()
    >>> "japan-russia-peace-talks" in set(table["id"])
    True
    """
    if errors not in ("raise", "warn"):
        raise ParameterError(
            f"errors must be 'raise' or 'warn', got {errors!r}", where="load_corpus(errors=…)"
        )
    rows = []
    seen: dict[str, Path] = {}
    for path in article_files(directory):
        try:
            article = _load_file(path)
        except HelpersError as exc:
            if errors == "raise":
                raise
            warnings.warn(f"skipped {path.name}: {exc}", UserWarning, stacklevel=2)
            continue
        if article.id in seen:
            raise _duplicate(article.id, seen[article.id], path)
        seen[article.id] = path
        row = {key: article.meta.get(key) for key in CORPUS_COLUMNS}
        row.update(
            n_chars=len(article.text),
            text=article.text,
            raw_text=article.raw_text,
            cleaning_log=article.cleaning_log.to_dict("records"),
        )
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(CORPUS_COLUMNS))
    return table.sort_values("id", kind="stable", ignore_index=True)
