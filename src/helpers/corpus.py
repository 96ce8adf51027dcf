r"""Articles: reading files safely, their metadata, removing page furniture, the corpus table.

An article is one file in ``data/articles/`` (or anywhere, given its path):

* ``.txt`` or ``.md``: the article text under an optional YAML front-matter
  block (``---`` … ``---``) with the keys in :data:`FRONT_MATTER_KEYS`. Without
  front matter the id is the file name without its suffix and the title is the
  first line (for ``.md`` without its ``#``). Markdown is read as plain text:
  its markup, if any, stays in the text.
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

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from helpers import paths
from helpers.errors import (
    ArticleError,
    DictionaryError,
    HelpersError,
    ParameterError,
    ResourceError,
)
from helpers.text import spans_between

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
#: kilobytes; anything this large is a dump of many articles or not text at all,
#: and is refused from its size before it is read.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

#: The keys a front-matter block may hold; every other key is refused.
FRONT_MATTER_KEYS = ("id", "title", "outlet", "published", "author", "url", "language", "notes")

#: Columns of :attr:`Article.cleaning_log`; ``start``/``end`` are offsets into ``raw_text``.
LOG_COLUMNS = ("rule", "description", "start", "end", "removed")

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

_MB = 1024 * 1024
_ICONV_FIX = (
    "Convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8` "
    "(for Windows text use `-f cp1252`), and load the converted file"
)

# ---------------------------------------------------------------------------------------
# The article object
# ---------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------
# Reading bytes and decoding them
# ---------------------------------------------------------------------------------------

# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_DECLARED_CHARSET = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I
)
# C0/C1 control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _read_bytes(path: Path) -> bytes:
    """Return the file's bytes, refusing missing, special and oversized files before reading."""
    where = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ArticleError(
            "cannot read the article file: it does not exist (any more)",
            where=where,
            fix="Check the path; if a batch is running, the file was moved or deleted meanwhile",
        ) from exc
    except OSError as exc:
        raise ArticleError(
            f"cannot read the article file: {exc.strerror or exc}", where=where
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError("this is a folder, not an article file", where=where)
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(
            "not a regular file (a device, pipe or socket)",
            where=where,
            fix="Give an article file",
        )
    if info.st_size > MAX_ARTICLE_BYTES:
        raise _too_large(info.st_size, where)
    try:
        with path.open("rb") as handle:
            # One byte more than allowed: a file that grew since stat() is still caught.
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ArticleError(
            f"cannot read the article file: {exc.strerror or exc}",
            where=where,
            fix="Check that the file exists and is readable",
        ) from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(len(data), where)
    return data


def _too_large(size: int, where: str) -> ArticleError:
    return ArticleError(
        f"file is larger than the {MAX_ARTICLE_BYTES // _MB} MB limit for one article "
        f"({size / _MB:.1f} MB)",
        where=where,
        fix="Put one article in each file (or raise helpers.corpus.MAX_ARTICLE_BYTES "
        "if this really is one article)",
    )


def decode_article_bytes(
    data: bytes, *, where: str = "article", html: bool = False
) -> tuple[str, str]:
    """Decode an article file's bytes, refusing anything that is not clearly text.

    Parameters
    ----------
    data : bytes
        The file's content.
    where : str
        The file name, for error messages.
    html : bool, default False
        Also accept an encoding that the page declares in a ``<meta charset>``
        tag, when the bytes are not UTF-8.

    Returns
    -------
    (str, str)
        The text (without byte-order mark) and the encoding used:
        ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32`` or a declared HTML charset.

    Raises
    ------
    ArticleError
        Empty or white space only; NUL bytes (binary, or UTF-16 without a
        byte-order mark); not UTF-8 (Latin-1, Windows-1252, …) and, for HTML,
        no usable declared charset; mostly control characters.

    Examples
    --------
    >>> decode_article_bytes("Tokyo’s reply".encode("utf-16"))
    ('Tokyo’s reply', 'utf-16')
    >>> decode_article_bytes(b"Caf\\xe9")
    Traceback (most recent call last):
    ...
    helpers.errors.ArticleError: not UTF-8 text: byte 0xe9 on line 1 (byte 3) cannot be decoded; the file looks like Latin-1 or Windows-1252 (article). Convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8` (for Windows text use `-f cp1252`), and load the converted file
    """
    if not data:
        raise ArticleError("the article file is empty", where=where, fix="Add the article's text")
    encoding = None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    f"the file starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {exc.start})",
                    where=where,
                    fix="Re-save the file as UTF-8",
                ) from exc
            encoding = codec
            break
    else:
        if b"\x00" in data:
            raise ArticleError(
                "binary data: the file contains NUL bytes (not text, or UTF-16/UTF-32 "
                "without a byte-order mark)",
                where=where,
                fix="Give a UTF-8 text or HTML file; convert UTF-16 text with "
                "`iconv -f utf-16le -t utf-8 FILE > FILE.utf8`",
            )
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as exc:
            declared = _declared_charset(data) if html else None
            if declared is None:
                line = data.count(b"\n", 0, exc.start) + 1
                raise ArticleError(
                    f"not UTF-8 text: byte 0x{data[exc.start]:02x} on line {line} "
                    f"(byte {exc.start}) cannot be decoded; the file looks like Latin-1 "
                    "or Windows-1252",
                    where=where,
                    fix=_ICONV_FIX,
                ) from exc
            try:
                text = data.decode(declared)
            except UnicodeDecodeError as exc2:
                raise ArticleError(
                    f"the page declares charset {declared!r} but is not valid {declared} "
                    f"(byte {exc2.start})",
                    where=where,
                    fix=_ICONV_FIX,
                ) from exc2
            encoding = declared
    if "\x00" in text or len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise ArticleError(
            "binary data: the file is mostly control characters, not text",
            where=where,
            fix="Give a UTF-8 text or HTML file",
        )
    if not text.strip():
        raise ArticleError(
            "the article file is empty (white space only)",
            where=where,
            fix="Add the article's text",
        )
    return text, encoding


def _declared_charset(data: bytes) -> str | None:
    """Return the charset a page declares in its first few kilobytes, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that claims UTF-8 but is not UTF-8 is mislabelled: refuse it like any other.
    return None if name in ("utf-8", "utf-8-sig") else label


def read_article_file(path: str | os.PathLike) -> tuple[str, str]:
    """Read and decode one article file (size-limited, strict about encodings).

    Parameters
    ----------
    path : str or path-like
        The file.

    Returns
    -------
    (str, str)
        The decoded text and the encoding (see :func:`decode_article_bytes`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfTalks stall.")
    >>> read_article_file(p)
    ('Talks stall.', 'utf-8-sig')
    """
    path = Path(path)
    data = _read_bytes(path)
    return decode_article_bytes(data, where=str(path), html=path.suffix.lower() in HTML_SUFFIXES)


# ---------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------

_OPEN_FENCE = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


class _FrontMatterLoader(yaml.SafeLoader):
    """The safe loader, except that unquoted scalars other than null stay text.

    Every front-matter value is text, so YAML 1.1's guesses only do harm:
    ``language: no`` (Norwegian) would become ``False``, ``id: 0123`` the number
    83, and ``published: 2022-02-30`` a bare ``ValueError`` without key or line.
    Kept as text, each value is checked by :func:`_validate_meta`, which names
    the key and the fix.
    """


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str, *, where: str = "article") -> tuple[dict | None, str]:
    """Split a YAML front-matter block off the top of an article's text.

    Parameters
    ----------
    text : str
        The decoded file.
    where : str
        The file name, for error messages.

    Returns
    -------
    (dict or None, str)
        The front matter as parsed (``None`` when the file has none; not yet
        validated) and the body: everything after the closing ``---`` line,
        unchanged.

    Raises
    ------
    ArticleError
        An unclosed block, malformed YAML (with the line in the file), or YAML
        that is not a mapping.

    Examples
    --------
    >>> split_front_matter("---\\nid: talks\\n---\\nBody.\\n")
    ({'id': 'talks'}, 'Body.\\n')
    >>> split_front_matter("No front matter.")
    (None, 'No front matter.')
    """
    opening = _OPEN_FENCE.match(text)
    if not opening:
        return None, text
    closing = _CLOSE_FENCE.search(text, opening.end())
    if not closing:
        raise ArticleError(
            "front matter opened with '---' on line 1 is never closed",
            where=where,
            fix="End the front matter with a line '---' before the article text",
        )
    block = text[opening.end() : closing.start()]
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        reason = f"{context}, {problem}" if context else problem
        # +2: YAML counts from 0 and the block starts on the file's second line.
        location = f"{where}:{mark.line + 2}" if mark is not None else where
        raise ArticleError(
            f"malformed front matter: {reason}",
            where=location,
            fix="Write one `key: value` per line between the '---' lines, and quote values "
            "that contain ': ' or start with [ { * & ! or %",
        ) from exc
    if data is None:
        return {}, text[closing.end() :]
    if not isinstance(data, dict):
        raise ArticleError(
            f"front matter must be a mapping of `key: value` lines, not a {_kind(data)}",
            where=where,
            fix="Write one `key: value` per line between the '---' lines",
        )
    return data, text[closing.end() :]


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, list | tuple):
        return "list"
    return type(value).__name__


def _validate_meta(data: Mapping, *, where: str) -> dict[str, Any]:
    """Check front-matter values and return all known keys (``None`` where missing)."""
    unknown = [key for key in data if key not in FRONT_MATTER_KEYS]
    if unknown:
        hints = []
        for key in unknown:
            close = difflib.get_close_matches(str(key), FRONT_MATTER_KEYS, n=1)
            if close:
                hints.append(f"did you mean {close[0]!r} for {key!r}?")
        raise ArticleError(
            "unknown front-matter key(s): " + ", ".join(repr(k) for k in unknown),
            where=where,
            fix=" ".join(
                [*hints, "Allowed keys: " + ", ".join(FRONT_MATTER_KEYS) + ";"]
                + ["put anything else in notes"]
            ),
        )
    meta: dict[str, Any] = dict.fromkeys(FRONT_MATTER_KEYS)
    for key in FRONT_MATTER_KEYS:
        value = data.get(key)
        if key == "author" and isinstance(value, list):
            # Several authors: keep them in one readable field.
            if not all(isinstance(v, str) for v in value):
                raise ArticleError("author must be a name or a list of names", where=where)
            value = ", ".join(v.strip() for v in value)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
            raise ArticleError(
                f"{key} must be a single value, not a {_kind(value)}",
                where=where,
                fix=f"Write `{key}: text` on one line (quote it if it contains ': ')",
            )
        value = value if isinstance(value, dt.date) else unicodedata.normalize("NFC", str(value))
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        if key == "id":
            value = _checked_id(value, where=where)
        elif key == "published":
            value = _iso_date(value, where=where)
        elif key == "url" and not re.match(r"https?://\S+$", value):
            raise ArticleError(
                f"url must start with http:// or https://, got {value!r}",
                where=where,
                fix="Give the full address, or leave url empty when it is unknown",
            )
        elif key == "language" and not _LANGUAGE.fullmatch(value):
            raise ArticleError(
                f"language must be a language code such as 'en' or 'pt-BR', got {value!r}",
                where=where,
            )
        meta[key] = value
    return meta


def _iso_date(value: Any, *, where: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
        except ValueError as exc:
            raise ArticleError(
                f"published {text!r} is not a valid date: {exc}",
                where=where,
                fix="Write the date as YYYY-MM-DD",
            ) from exc
    raise ArticleError(
        f"published must be an ISO date, got {text!r}",
        where=where,
        fix="Write the date as YYYY-MM-DD (say in notes when it is approximate)",
    )


def _checked_id(value: Any, *, where: str) -> str:
    try:
        return paths.check_id(str(value))
    except ParameterError as exc:
        raise ArticleError(exc.what, where=where, fix=exc.fix) from exc


# ---------------------------------------------------------------------------------------
# Cleaning rules
# ---------------------------------------------------------------------------------------

_RULE_REQUIRED = ("name", "description", "why", "scope", "regex", "source")
_RULE_OPTIONAL = ("max_words", "case_sensitive")
_SCOPES = ("paragraph", "span")


@dataclass(frozen=True)
class CleaningRule:
    """One furniture rule from ``data/cleaning_rules.yml``.

    ``scope="paragraph"``: drop a paragraph of at most ``max_words`` words in
    which ``pattern`` is found (``^``/``$`` = paragraph start/end).
    ``scope="span"``: cut each match out of a kept paragraph (``^``/``$`` match
    at every line).
    """

    name: str
    description: str
    why: str
    scope: str
    regex: str
    source: str
    max_words: int | None
    pattern: re.Pattern = field(repr=False, compare=False)


def _make_rule(item: Any, *, where: str, case_sensitive: bool = False) -> CleaningRule:
    if not isinstance(item, Mapping):
        raise DictionaryError(f"a rule must be a mapping, not a {_kind(item)}", where=where)
    name = item.get("name")
    label = f"rule {name!r}" if isinstance(name, str) else "rule"
    unknown = [key for key in item if key not in _RULE_REQUIRED + _RULE_OPTIONAL]
    if unknown:
        raise DictionaryError(
            f"{label} has unknown key(s) " + ", ".join(repr(k) for k in unknown),
            where=where,
            fix="Allowed keys: " + ", ".join(_RULE_REQUIRED + _RULE_OPTIONAL),
        )
    for key in _RULE_REQUIRED:
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise DictionaryError(
                f"{label} lacks {key} (text)",
                where=where,
                fix="Every rule needs " + ", ".join(_RULE_REQUIRED),
            )
    if item["scope"] not in _SCOPES:
        raise DictionaryError(
            f"{label}: scope must be 'paragraph' or 'span', got {item['scope']!r}", where=where
        )
    max_words = item.get("max_words")
    if item["scope"] == "paragraph" and (
        isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1
    ):
        raise DictionaryError(
            f"{label}: a paragraph rule needs max_words (a positive whole number)",
            where=where,
            fix="Cap the rule so that longer prose paragraphs are never dropped",
        )
    flags = re.MULTILINE if item["scope"] == "span" else 0
    if not item.get("case_sensitive", case_sensitive):
        flags |= re.IGNORECASE
    try:
        pattern = re.compile(item["regex"], flags)
    except re.error as exc:
        raise DictionaryError(f"{label}: invalid regex: {exc}", where=where) from exc
    if pattern.search("") is not None:
        raise DictionaryError(
            f"{label}: regex matches the empty string",
            where=where,
            fix="Make the regex require at least one character",
        )
    return CleaningRule(
        name=name,
        description=item["description"].strip(),
        why=" ".join(item["why"].split()),
        scope=item["scope"],
        regex=item["regex"],
        source=" ".join(item["source"].split()),
        max_words=max_words if item["scope"] == "paragraph" else None,
        pattern=pattern,
    )


def load_cleaning_rules(path: str | os.PathLike | None = None) -> list[CleaningRule]:
    """Load furniture rules from YAML (``data/cleaning_rules.yml`` by default).

    The file is read with the safe loader and compiled once per version of the
    file (cached on its path, size and modification time).

    Parameters
    ----------
    path : str or path-like, optional
        Another rules file with the same format.

    Returns
    -------
    list of CleaningRule
        In file order (the order in which they are tried).

    Raises
    ------
    DictionaryError
        Malformed YAML, a rule lacking a key or with an unknown one, a bad
        scope, a paragraph rule without ``max_words``, an invalid regex or one
        that matches the empty string, two rules with one name.

    Examples
    --------
    >>> [rule.name for rule in load_cleaning_rules()][:2]
    ['newsletter_promo', 'syndication_credit']
    """
    path = Path(path) if path is not None else paths.DATA_DIR / "cleaning_rules.yml"
    try:
        info = path.stat()
    except OSError as exc:
        raise DictionaryError(
            "cleaning rules file not found", where=str(path), fix="Check the path"
        ) from exc
    return list(_load_rules_cached(str(path.resolve()), info.st_size, info.st_mtime_ns))


@lru_cache(maxsize=16)
def _load_rules_cached(path: str, _size: int, _mtime: int) -> tuple[CleaningRule, ...]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DictionaryError(f"malformed cleaning rules: {problem}", where=where) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read cleaning rules: {exc}", where=path) from exc
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DictionaryError(
            "cleaning rules must be a mapping with a `rules:` list",
            where=path,
            fix="See data/cleaning_rules.yml for the format",
        )
    unknown = [key for key in data if key not in ("meta", "settings", "rules")]
    if unknown:
        raise DictionaryError(
            "unknown top-level key(s) " + ", ".join(repr(k) for k in unknown),
            where=path,
            fix="Allowed: meta, settings, rules",
        )
    settings = data.get("settings") or {}
    if not isinstance(settings, dict):
        raise DictionaryError("`settings:` must be a mapping", where=path)
    case_sensitive = bool(settings.get("case_sensitive", False))
    rules: list[CleaningRule] = []
    for number, item in enumerate(data["rules"], start=1):
        rule = _make_rule(item, where=f"{path}: rule {number}", case_sensitive=case_sensitive)
        if rule.name in {r.name for r in rules} or rule.name == "title":
            raise DictionaryError(
                f"rule name {rule.name!r} is used twice (or is the built-in 'title')",
                where=f"{path}: rule {number}",
            )
        rules.append(rule)
    return tuple(rules)


def _resolve_rules(rules: Any) -> list[CleaningRule]:
    if rules is None:
        return load_cleaning_rules()
    if isinstance(rules, str | os.PathLike):
        return load_cleaning_rules(rules)
    if isinstance(rules, Iterable):
        return [
            rule if isinstance(rule, CleaningRule) else _make_rule(rule, where=f"rules[{i}]")
            for i, rule in enumerate(rules)
        ]
    raise ParameterError(
        f"rules must be None, a rules file or a list of rules, not {type(rules).__name__}",
        where="rules",
    )


# ---------------------------------------------------------------------------------------
# Cleaning
# ---------------------------------------------------------------------------------------

_BREAK = r"(?:\r\n|\r(?!\n)|\n)"  # a lone \r must not split a CRLF in two
_BLANK_LINES = re.compile(rf"{_BREAK}(?:[ \t\f\v]*{_BREAK})+")
_LINE_BREAK = re.compile(_BREAK)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

_TITLE_DESCRIPTION = "Headline repeated at the top of the body (the title is kept apart)"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    r"""Return ``(start, end)`` of each paragraph, without surrounding white space.

    Blank lines separate paragraphs. A text with no blank line at all but
    several lines (extracted HTML, many scrapes) is taken to have one paragraph
    per line.

    Examples
    --------
    >>> paragraph_spans("One.\n\n  Two\nlines.\n")
    [(0, 4), (8, 18)]
    >>> paragraph_spans("One.\nTwo.")
    [(0, 4), (5, 9)]
    """
    return spans_between(text, _BLANK_LINES if _BLANK_LINES.search(text) else _LINE_BREAK)


def _title_key(text: str) -> str:
    """The form in which a headline and a paragraph are compared."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    text = " ".join(text.lstrip("#").split())
    return text.rstrip(".:;!? ")


def _tidy(text: str) -> str:
    """Clean-text form of a kept paragraph: LF line breaks, trimmed, NFC."""
    return unicodedata.normalize("NFC", _LINE_BREAK.sub("\n", text).strip())


def _log_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(sorted(rows, key=lambda r: (r[2], r[3])), columns=list(LOG_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64"})


def clean_text(
    raw: str, rules: Any = None, *, title: str | None = None
) -> tuple[str, pd.DataFrame]:
    r"""Remove newsletter and page furniture from an article body, logging each removal.

    Parameters
    ----------
    raw : str
        The body as read from the file (never modified).
    rules : None, str, path-like or list, optional
        ``None``: the rules in ``data/cleaning_rules.yml``; a path: another
        rules file; a list of :class:`CleaningRule` or rule mappings (``[]``
        applies no rule).
    title : str, optional
        The article's headline. When the first paragraph (or its first line)
        repeats it, that text is removed under rule ``title``, unless it is the
        body's only paragraph. Compared without regard to case, quote style,
        spacing and final punctuation.

    Returns
    -------
    text : str
        Kept paragraphs, NFC-normalised, joined by ``"\n\n"``; ``""`` if
        nothing is left.
    log : DataFrame
        ``rule, description, start, end, removed``: one row per removal, in
        text order; ``raw[start:end] == removed``.

    Examples
    --------
    >>> raw = "Talks stall\n\nTokyo objects.\n\nRead more: Why talks stall"
    >>> text, log = clean_text(raw, title="Talks stall")
    >>> text
    'Tokyo objects.'
    >>> log["rule"].tolist()
    ['title', 'read_more']
    """
    rule_list = _resolve_rules(rules)
    paragraph_rules = [rule for rule in rule_list if rule.scope == "paragraph"]
    span_rules = [rule for rule in rule_list if rule.scope == "span"]
    spans = paragraph_spans(raw)
    title_key = _title_key(title) if title and title.strip() else None
    rows: list[tuple] = []
    kept: list[str] = []
    for index, (start, end) in enumerate(spans):
        if index == 0 and title_key:
            line = _LINE_BREAK.search(raw, start, end)
            line_end = line.start() if line else end
            if _title_key(raw[start:line_end]) == title_key:
                if line is None and len(spans) > 1:
                    rows.append(("title", _TITLE_DESCRIPTION, start, end, raw[start:end]))
                    continue
                if line is not None:
                    head = raw[start:line_end].rstrip()
                    rows.append(("title", _TITLE_DESCRIPTION, start, start + len(head), head))
                    rest = raw[line.end() : end]
                    start = end - len(rest.lstrip())
        paragraph = raw[start:end]
        words = len(paragraph.split())
        hit = next(
            (r for r in paragraph_rules if words <= r.max_words and r.pattern.search(paragraph)),
            None,
        )
        if hit is not None:
            rows.append((hit.name, hit.description, start, end, paragraph))
            continue
        cuts = []
        for rule in span_rules:
            cuts.extend(
                (m.start(), m.end(), rule)
                for m in rule.pattern.finditer(paragraph)
                if m.end() > m.start()
            )
        pieces = []
        position = 0
        for cut_start, cut_end, rule in sorted(cuts, key=lambda c: (c[0], -c[1])):
            if cut_start < position:  # overlaps an earlier cut: already removed
                continue
            pieces.append(paragraph[position:cut_start])
            rows.append(
                (
                    rule.name,
                    rule.description,
                    start + cut_start,
                    start + cut_end,
                    paragraph[cut_start:cut_end],
                )
            )
            position = cut_end
        pieces.append(paragraph[position:])
        remaining = _tidy("".join(pieces))
        if remaining:
            kept.append(remaining)
    return "\n\n".join(kept), _log_frame(rows)


# ---------------------------------------------------------------------------------------
# Loading articles
# ---------------------------------------------------------------------------------------


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
    if meta["id"] is None:
        meta["id"] = _checked_id(path.stem, where=where)
    title = meta["title"] or _first_line_title(body, markdown=suffix == ".md")
    meta["title"] = " ".join(title.split())
    clean, log = clean_text(body, title=meta["title"])
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


def _from_html(html: str, path: Path) -> tuple[dict[str, Any], str, str]:
    """Main text and metadata of a saved web page, by trafilatura."""
    where = str(path)
    try:
        import trafilatura
    except ImportError as exc:
        raise ResourceError(
            f"HTML articles need trafilatura, which cannot be imported: {exc}",
            where=where,
            fix="Install the project's dependencies (`make test` or `pip install -e .`), "
            "or save the article as .txt with front matter",
        ) from exc
    try:
        # Comments and tables are not the article's prose; links and images carry no text.
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # noqa: BLE001 - any parser failure on user input becomes one clear error
        raise ArticleError(f"the HTML page could not be parsed: {exc}", where=where) from exc

    def get(key: str) -> Any:
        if document is None:
            return None
        value = document.get(key) if isinstance(document, dict) else getattr(document, key, None)
        return value.strip() if isinstance(value, str) and value.strip() else None

    body = get("text")
    if not body:
        raise ArticleError(
            "no main text found in the HTML page",
            where=where,
            fix="Check that the file is an article page, or save its text as .txt with front matter",
        )
    meta: dict[str, Any] = dict.fromkeys(FRONT_MATTER_KEYS)
    meta["title"] = unicodedata.normalize("NFC", get("title") or "") or None
    meta["author"] = get("author")
    meta["outlet"] = get("sitename") or get("hostname")
    date = get("date")
    meta["published"] = date[:10] if date and _ISO_DATE.fullmatch(date[:10]) else None
    url = get("url")
    meta["url"] = url if url and re.match(r"https?://\S+$", url) else None
    language = get("language") or _html_lang(html)
    meta["language"] = language if language and _LANGUAGE.fullmatch(language) else None
    meta["notes"] = "Text and metadata extracted from HTML by trafilatura."
    version = getattr(trafilatura, "__version__", "unknown")
    return meta, body, f"trafilatura {version}"


def _html_lang(html: str) -> str | None:
    """The page's ``<html lang>`` attribute, read with lxml (installed with trafilatura)."""
    try:
        from lxml import html as lxml_html

        return (lxml_html.document_fromstring(html).get("lang") or "").strip() or None
    except Exception:  # noqa: BLE001 - the language is optional metadata
        return None


def article_files(directory: str | os.PathLike | None = None) -> list[Path]:
    """List the article files of a folder, sorted by name.

    Files with a suffix in :data:`ARTICLE_SUFFIXES`; names starting with ``.``
    or ``_`` and ``README.*`` are skipped; sub-folders are not searched.

    Examples
    --------
    >>> any(p.stem == "japan-russia-peace-talks" for p in article_files())
    True
    """
    folder = Path(directory) if directory is not None else paths.ARTICLES_DIR
    if not folder.is_dir():
        raise ArticleError(
            f"not a folder: {folder}",
            where=str(folder),
            fix="Give the folder that holds the article files",
        )
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith((".", "_"))
        and p.stem.upper() != "README"
        and p.is_file()
    )


def _peek_id(path: Path) -> str:
    """The id a file declares in its front matter, else its stem (cheap: reads 64 kB)."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        try:
            with path.open("rb") as handle:
                head = handle.read(65536)
            for bom, codec, _label in _BOMS:
                if head.startswith(bom):
                    text = head.decode(codec, errors="replace")
                    break
            else:
                text = head.decode("utf-8", errors="replace")
            front, _body = split_front_matter(text, where=str(path))
            if (
                front
                and isinstance(front.get("id"), str | int)
                and not isinstance(front["id"], bool)
            ):
                return str(front["id"]).strip()
        except (OSError, HelpersError):
            pass  # a broken file is reported when it is loaded
    return path.stem


def article_index(directory: str | os.PathLike | None = None) -> dict[str, Path]:
    """Map each article id of a folder to its file, cheaply (front matter only).

    For commands that plan work per article (``batch``) without loading every
    text. The id is the front-matter ``id`` or else the file name without its
    suffix, as :func:`load_article` and :func:`load_corpus` see it; a file whose
    front matter is broken is listed under its file name (its error is raised
    when it is loaded).

    Raises
    ------
    ArticleError
        Two files with one id, or an unsafe id (see :func:`helpers.paths.check_id`).

    Examples
    --------
    >>> article_index()["japan-russia-peace-talks"].name
    'japan-russia-peace-talks.txt'
    """
    index: dict[str, Path] = {}
    for path in article_files(directory):
        article_id = _checked_id(_peek_id(path), where=str(path))
        if article_id in index:
            raise _duplicate(article_id, index[article_id], path)
        index[article_id] = path
    return index


def _locate(id_or_path: Any, directory: str | os.PathLike | None) -> Path:
    if isinstance(id_or_path, os.PathLike):
        return _existing_path(Path(id_or_path), directory)
    if not isinstance(id_or_path, str):
        raise ParameterError(
            f"expected an article id or a path, got {type(id_or_path).__name__}",
            where="article",
        )
    value = id_or_path
    looks_like_path = (
        "/" in value or "\\" in value or Path(value).suffix.lower() in ARTICLE_SUFFIXES
    ) and "\x00" not in value
    if looks_like_path:
        return _existing_path(Path(value), directory)
    article_id = paths.check_id(value)
    folder = Path(directory) if directory is not None else paths.ARTICLES_DIR
    files = article_files(folder)
    claims = [p for p in files if _peek_id(p) == article_id]
    if len(claims) > 1:
        raise _duplicate(article_id, claims[0], claims[1])
    if not claims:
        claims = [p for p in files if p.stem == article_id]
    if len(claims) == 1:
        return claims[0]
    if len(claims) > 1:
        raise _duplicate(article_id, claims[0], claims[1])
    known = sorted({_peek_id(p) for p in files})
    shown = ", ".join(known[:20]) + (", …" if len(known) > 20 else "")
    raise ArticleError(
        f"no article with id {article_id!r}",
        where=str(folder),
        fix=f"Known ids: {shown or '(none)'}. Or give the path of an article file",
    )


def _existing_path(path: Path, directory: str | os.PathLike | None) -> Path:
    candidates = [path]
    if not path.is_absolute():
        base = Path(directory) if directory is not None else paths.ARTICLES_DIR
        candidates += [base / path, paths.PROJECT_ROOT / path]
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise ArticleError(
        f"article file not found: {path}",
        where=str(path),
        fix="Check the path, or give the id of an article in data/articles",
    )


def _duplicate(article_id: str, first: Path, second: Path) -> ArticleError:
    return ArticleError(
        f"two articles have the id {article_id!r}",
        where=f"{first} and {second}",
        fix="Give each article its own `id:` in its front matter, or rename one of the files",
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
