"""The YAML block at the top of a text article: split off, parsed as text, checked key by key."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from helpers import paths
from helpers.errors import ArticleError, ParameterError
from helpers.safe_yaml import TextLoader, load_yaml

__all__ = ["EXTRA_KEY", "EXTRA_RESERVED", "FRONT_MATTER_KEYS", "split_front_matter"]

#: The keys a front-matter block may hold; every other key is refused (a typo
#: such as ``pubished`` would otherwise lose the date without a word).
FRONT_MATTER_KEYS = (
    "id",
    "title",
    "outlet",
    "published",
    "author",
    "url",
    "language",
    "notes",
    "extra",
)
#: The key whose mapping holds a researcher's own fields (section, country, ...):
#: ``extra: {section: World, country: JP}``. They are kept as text in
#: ``meta["extra"]``, listed by notebook 01 and can be grouped by in notebook 05.
EXTRA_KEY = "extra"
#: Names an ``extra`` field cannot take: they mean something else in the tables.
EXTRA_RESERVED = (*FRONT_MATTER_KEYS, "article_id", "date", "period", "path", "format")
_EXTRA_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")

_OPEN_FENCE = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


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
        # Every value stays text (TextLoader): YAML 1.1's guesses only do harm here
        # (``language: no`` would become False, ``id: 0123`` the number 83); each
        # value is then checked by _validate_meta, which names the key and the fix.
        # +1: the block starts on the file's second line.
        data = load_yaml(block, where=where, error=ArticleError, loader=TextLoader, line_offset=1)
    except ArticleError as exc:
        raise ArticleError(f"front matter: {exc.what}", where=exc.where, fix=exc.fix) from None
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
                + ["put fields of your own under extra: (extra: {section: World}) or in notes"]
            ),
        )
    meta: dict[str, Any] = dict.fromkeys(FRONT_MATTER_KEYS)
    meta[EXTRA_KEY] = _extra_fields(data.get(EXTRA_KEY), where=where)
    for key in FRONT_MATTER_KEYS:
        if key == EXTRA_KEY:
            continue
        value = data.get(key)
        if key == "author" and isinstance(value, list):
            # Several authors: keep them in one readable field.
            if not all(isinstance(v, str) for v in value):
                raise ArticleError("author must be a name or a list of names", where=where)
            value = ", ".join(v.strip() for v in value)
        if value is None:
            continue
        _check_single(key, value, where=where)
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


def _check_single(what: str, value: Any, *, where: str, key: str | None = None) -> None:
    """Refuse a value that is not one text, number or date (a list, a mapping, a boolean)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        raise ArticleError(
            f"{what} must be a single value, not a {_kind(value)}",
            where=where,
            fix=f"Write `{key or what}: text` on one line (quote it if it contains ': ')",
        )


def _extra_fields(data: Any, *, where: str) -> dict[str, str]:
    """Check ``extra:``: a mapping of field names to single values, kept as text.

    Examples
    --------
    >>> _extra_fields({"section": "World", "page": "3", "empty": ""}, where="a.txt")
    {'section': 'World', 'page': '3'}
    >>> _extra_fields(None, where="a.txt")
    {}
    """
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ArticleError(
            f"extra must be a mapping of your own fields, not a {_kind(data)}",
            where=where,
            fix="Write one field per line under it, indented: `extra:` then `  section: World`",
        )
    fields: dict[str, str] = {}
    for name, value in data.items():
        name = str(name)
        if not _EXTRA_NAME.fullmatch(name) or name in EXTRA_RESERVED:
            raise ArticleError(
                f"extra field name {name!r} cannot be used",
                where=where,
                fix="Start with a letter, then letters, digits or '_' (at most 40), and not "
                + ", ".join(EXTRA_RESERVED),
            )
        if value is None:
            continue
        _check_single(f"extra field {name}", value, where=where, key=name)
        text = " ".join(unicodedata.normalize("NFC", str(value)).split())
        if text:
            fields[name] = text
    return fields


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
