"""Which files of a folder are articles, and which file an article id means."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.corpus.front_matter import _checked_id, split_front_matter
from helpers.corpus.reading import _BOMS, ARTICLE_SUFFIXES, TEXT_SUFFIXES
from helpers.errors import ArticleError, HelpersError, ParameterError

__all__ = ["article_files", "article_index"]


def article_files(directory: str | os.PathLike | None = None) -> list[Path]:
    """List the article files of a folder, sorted by name.

    Files with a suffix in :data:`ARTICLE_SUFFIXES`; names starting with ``.``
    or ``_`` and ``README.*`` are skipped; sub-folders are not searched.

    Raises
    ------
    ArticleError
        Not a folder; or a file that leads through a symbolic link outside
        the project (outside the folder, for a folder outside the project):
        see :func:`helpers.paths.confined`.

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
    found = sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith((".", "_"))
        and p.stem.upper() != "README"
        and p.is_file()
    )
    for path in found:
        paths.confined(path, found_in=folder, error=ArticleError, what="article file")
    return found


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
