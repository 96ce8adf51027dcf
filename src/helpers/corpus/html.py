"""The main text and metadata of a saved web page, extracted by trafilatura."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from helpers.corpus.front_matter import _ISO_DATE, _LANGUAGE, FRONT_MATTER_KEYS
from helpers.errors import ArticleError, ResourceError


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
