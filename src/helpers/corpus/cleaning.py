"""Removing newsletter and page furniture by the rules in ``data/cleaning_rules.yml``, logging each removal."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import paths
from helpers.corpus.front_matter import _kind
from helpers.errors import DictionaryError, ParameterError
from helpers.safe_yaml import load_yaml
from helpers.text import _QUOTE_TABLE, INVISIBLE_CHARS, spans_between

__all__ = ["LOG_COLUMNS", "CleaningRule", "clean_text", "load_cleaning_rules", "paragraph_spans"]

#: Columns of :attr:`Article.cleaning_log`; ``start``/``end`` are offsets into ``raw_text``.
LOG_COLUMNS = ("rule", "description", "start", "end", "removed")

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
    paths.confined(path, error=DictionaryError, what="cleaning rules file")
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
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read cleaning rules: {exc}", where=path) from exc
    data = load_yaml(text, where=path, error=DictionaryError)
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
# Lines holding nothing a reader sees (white space, invisible characters) are blank.
_BLANK_LINES = re.compile(rf"{_BREAK}(?:[ \t\f\v{INVISIBLE_CHARS}]*{_BREAK})+")
_LINE_BREAK = re.compile(_BREAK)

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
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_TABLE).casefold()
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
            start = _cut_title(raw, start, end, title_key, len(spans) > 1, rows)
            if start is None:
                continue
        paragraph = raw[start:end]
        words = len(paragraph.split())
        hit = next(
            (r for r in paragraph_rules if words <= r.max_words and r.pattern.search(paragraph)),
            None,
        )
        if hit is not None:
            rows.append((hit.name, hit.description, start, end, paragraph))
            continue
        remaining = _tidy(_cut_spans(paragraph, start, span_rules, rows))
        if remaining:
            kept.append(remaining)
    return "\n\n".join(kept), _log_frame(rows)


def _cut_title(
    raw: str, start: int, end: int, title_key: str, more: bool, rows: list
) -> int | None:
    """Log the headline repeated at the top of the first paragraph; return where the rest starts.

    None: the whole paragraph is the headline (and another paragraph follows).
    """
    line = _LINE_BREAK.search(raw, start, end)
    line_end = line.start() if line else end
    if _title_key(raw[start:line_end]) != title_key:
        return start
    if line is None:
        if not more:
            return start  # the body's only paragraph is kept, even when it repeats the title
        rows.append(("title", _TITLE_DESCRIPTION, start, end, raw[start:end]))
        return None
    head = raw[start:line_end].rstrip()
    rows.append(("title", _TITLE_DESCRIPTION, start, start + len(head), head))
    rest = raw[line.end() : end]
    return end - len(rest.lstrip())


def _cut_spans(paragraph: str, start: int, span_rules: list, rows: list) -> str:
    """Cut every match of the span rules out of a kept paragraph (logged); return what is left."""
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
        removed = paragraph[cut_start:cut_end]
        rows.append((rule.name, rule.description, start + cut_start, start + cut_end, removed))
        position = cut_end
    pieces.append(paragraph[position:])
    return "".join(pieces)
