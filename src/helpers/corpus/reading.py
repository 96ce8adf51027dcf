"""Reading an article file's bytes and decoding them, strictly: text or a clear error."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from helpers import paths
from helpers.errors import ArticleError

__all__ = [
    "ARTICLE_SUFFIXES",
    "HTML_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "TEXT_SUFFIXES",
    "decode_article_bytes",
    "read_article_file",
]

#: and is refused from its size before it is read.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

_MB = 1024 * 1024
_ICONV_FIX = (
    "Convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8` "
    "(for Windows text use `-f cp1252`), and load the converted file"
)

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
        fix="Put one article in each file (or raise helpers.corpus.reading.MAX_ARTICLE_BYTES "
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
    text, encoding = _decode_with_bom(data, where)
    if text is None:
        text, encoding = _decode_without_bom(data, where, html)
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


def _decode_with_bom(data: bytes, where: str) -> tuple[str | None, str | None]:
    """Decode by the byte-order mark the data starts with; ``(None, None)`` without one."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            claim = f"the file starts with a {label} byte-order mark"
            return _decode_as(data, codec, label, claim, where, "Re-save the file as UTF-8")
    return None, None


def _decode_as(data: bytes, codec: str, label: str, claim: str, where: str, fix: str):
    """Decode with the codec the file claims (``claim``), or say it is not what it claims."""
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{claim} but is not valid {label} (byte {exc.start})", where=where, fix=fix
        ) from exc


def _decode_without_bom(data: bytes, where: str, html: bool) -> tuple[str, str]:
    """Decode as UTF-8, else (for HTML) as the charset the page declares."""
    if b"\x00" in data:
        raise ArticleError(
            "binary data: the file contains NUL bytes (not text, or UTF-16/UTF-32 "
            "without a byte-order mark)",
            where=where,
            fix="Give a UTF-8 text or HTML file; convert UTF-16 text with "
            "`iconv -f utf-16le -t utf-8 FILE > FILE.utf8`",
        )
    try:
        return data.decode("utf-8"), "utf-8"
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
    claim = f"the page declares charset {declared!r}"
    return _decode_as(data, declared, declared, claim, where, _ICONV_FIX)


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
    path = paths.confined(path, error=ArticleError, what="article file")
    data = _read_bytes(path)
    return decode_article_bytes(data, where=str(path), html=path.suffix.lower() in HTML_SUFFIXES)
