"""What a report depends on, and which of it changed: the batch's up-to-date key.

A report is up to date when everything its notebook reads is as it was when
the report was rendered. That is, for every notebook: the notebook file, its
parameters (and the bytes of any file a parameter names), Python, the package
versions, the VADER lexicon and the helper code (every source file of
``src/helpers``, the page templates included); and what
the notebook declares in its metadata, ``{"ddn": {"reads": [...]}}``, from
:data:`READS`:

``article``
    The article file the report is about (article notebooks always read it).
``articles``
    Every article of the batch's articles folder (and of ``data/articles/``,
    which notebooks read by default, when the batch renders another folder):
    a notebook that compares its article with the others (notebook 04's
    stance reference) is stale when one is added, removed or edited.
``cleaning_rules``
    ``data/cleaning_rules.yml``, which cleans every article before it is read.
``lexicons``
    Every file under ``data/lexicons/``, and the project's own actors file
    (``data/project_actors.yml``, or the file ``DDN_ACTORS`` names), which
    every analysis reads with ``actors.yml``.
``validation``
    Every file under ``data/validation/`` (the shipped coding sheet).
``reports``
    The CSV tables of the run's article reports (corpus notebooks).

A notebook that declares nothing is taken to read all of them (never a stale
report, at the price of some needless renders), so declaring is how a
notebook earns being skipped.

Each ingredient is kept in the report's record under ``inputs`` (a file map
as ``{name: short sha256}``), so :func:`describe_changes` can say which input
changed ("articles: added beta; changed alpha"), and ``--dry-run`` shows it.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.errors import ParameterError

#: What a notebook may declare it reads, in ``metadata.ddn.reads``.
READS = ("article", "articles", "cleaning_rules", "lexicons", "validation", "reports")
#: What every report depends on, declared or not.
ALWAYS = (
    "notebook",
    "parameters",
    "files",
    "python",
    "packages",
    "vader_lexicon",
    "helpers_source",
)
#: How each input is named when it changed.
LABELS = {
    "notebook": "the notebook file",
    "parameters": "parameters",
    "files": "files named by parameters",
    "python": "Python",
    "packages": "package versions",
    "vader_lexicon": "the VADER lexicon",
    "helpers_source": "the helper code (src/helpers)",
    "article": "the article file",
    "articles": "data/articles",
    "cleaning_rules": "data/cleaning_rules.yml",
    "lexicons": "data/lexicons",
    "validation": "data/validation",
    "reports": "the report tables it compares",
}
#: Hex digits kept of each file's sha256 in a file map: enough to tell any edit.
SHORT = 16
_LISTED = 5  # names listed per kind of change before "and N more"


def default_reads(kind: str) -> tuple[str, ...]:
    """What a notebook of ``kind`` that declares nothing is taken to read.

    Examples
    --------
    >>> default_reads("corpus")
    ('articles', 'cleaning_rules', 'lexicons', 'validation', 'reports')
    """
    return tuple(
        name
        for name in READS
        if not (name == "article" and kind != "article")
        and not (name == "reports" and kind != "corpus")
    )


def declared_reads(meta: dict, kind: str, where: str) -> tuple[str, ...]:
    """Return what a notebook reads, from its metadata ``ddn.reads`` (see :data:`READS`).

    Raises
    ------
    ParameterError
        If ``reads`` is not a list of names from :data:`READS`.

    Examples
    --------
    >>> declared_reads({"ddn": {"reads": ["lexicons", "article"]}}, "article", "01_x.ipynb")
    ('article', 'lexicons')
    """
    reads = (meta.get("ddn") or {}).get("reads")
    if reads is None:
        return default_reads(kind)
    unknown = [item for item in reads if item not in READS] if isinstance(reads, list) else [reads]
    if unknown:
        raise ParameterError(
            f"unknown input(s) {', '.join(map(repr, unknown))} in what the notebook reads",
            where=f"{where} metadata.ddn.reads",
            fix=f"Give a list of {', '.join(READS)}",
        )
    wanted = set(reads) | ({"article"} if kind == "article" else set())
    return tuple(name for name in READS if name in wanted)


def short_sha256(path: str | os.PathLike) -> str:
    """The first :data:`SHORT` hex digits of a file's sha256."""
    from helpers.provenance import file_sha256

    return file_sha256(path)[:SHORT]


def folder_hashes(folder: Path) -> dict[str, str]:
    """``{relative path: short sha256}`` of every visible file under ``folder``."""
    from helpers.provenance import lexicon_hashes

    return {name: digest[:SHORT] for name, digest in lexicon_hashes(folder).items()}


def article_hashes(folder: Path) -> dict[str, str]:
    """``{article id: short sha256 of its file}`` for an articles folder."""
    from helpers.corpus import article_index

    if not folder.is_dir():
        return {}
    return {article_id: short_sha256(path) for article_id, path in article_index(folder).items()}


def corpus_hashes(articles_dir: Path) -> dict[str, str]:
    """``{id: short sha256}`` of the batch's articles, and of ``data/articles/<id>`` if other."""
    found = article_hashes(articles_dir)
    if Path(os.path.abspath(articles_dir)) != Path(os.path.abspath(paths.ARTICLES_DIR)):
        project = article_hashes(paths.ARTICLES_DIR)
        found |= {f"data/articles/{key}": value for key, value in project.items()}
    return found


def shared_inputs(articles_dir: Path | None = None) -> dict[str, Any]:
    """The inputs every job of a batch shares, read once: environment and data folders."""
    from helpers import provenance

    return {
        "python": platform.python_version(),
        "packages": provenance.package_versions(),
        "vader_lexicon": (provenance.vader_info() or {}).get("sha256"),
        "helpers_source": provenance.helpers_source_hash(),
        "articles": corpus_hashes(articles_dir if articles_dir is not None else paths.ARTICLES_DIR),
        "cleaning_rules": provenance.cleaning_rules_hash(),
        "lexicons": lexicon_inputs(),
        "validation": folder_hashes(paths.DATA_DIR / "validation"),
    }


def lexicon_inputs() -> dict[str, str]:
    """``{name: short sha256}`` of the lexicon files and the project's own actors file.

    The actors file is named as the project sees it (``data/project_actors.yml``),
    so adding, editing or removing it says so.
    """
    from helpers.actors import project_actors_file
    from helpers.provenance import portable_path

    found = folder_hashes(paths.LEXICONS_DIR)
    project = project_actors_file()
    if project is not None and Path(project).is_file():
        found[portable_path(project) or Path(project).name] = short_sha256(project)
    return found


def named_files(parameters: dict[str, Any]) -> dict[str, str]:
    """``{parameter: short sha256}`` for every parameter whose text names an existing file.

    A coding sheet (``SHEET_A``) or a dictionary of one's own
    (``CUSTOM_DICTIONARY``) is read by the notebook: editing it must re-render.
    Relative names are taken from the project folder, as the notebooks do.
    """
    found = {}
    for name, value in parameters.items():
        if isinstance(value, str) and value.strip() and "\n" not in value:
            candidate = Path(value) if os.path.isabs(value) else paths.PROJECT_ROOT / value
            if candidate.is_file():
                found[name] = short_sha256(candidate)
    return found


def job_inputs(
    *,
    notebook: str | os.PathLike,
    settings: dict[str, Any],
    reads: tuple[str, ...],
    shared: dict[str, Any],
    article: tuple[str, Path] | None = None,
    reports: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Every input of one render, by name (see the module docstring)."""
    inputs: dict[str, Any] = {
        "notebook": short_sha256(notebook),
        "parameters": settings,
        "files": named_files(settings.get("user") or {}),
    }
    inputs.update({name: shared[name] for name in ALWAYS if name in shared})
    for name in reads:
        if name == "article" and article is not None:
            inputs["article"] = {"id": article[0], "sha256": short_sha256(article[1])}
        elif name == "reports":
            inputs["reports"] = reports or {}
        elif name in shared:
            inputs[name] = shared[name]
    return inputs


def input_key(inputs: dict[str, Any]) -> str:
    """One sha256 over every input: equal keys, equal reports.

    Examples
    --------
    >>> input_key({"a": 1, "b": [2]}) == input_key({"b": [2], "a": 1})
    True
    """
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    return shown + (f" and {len(items) - _LISTED} more" if len(items) > _LISTED else "")


def _map_change(old: dict, new: dict) -> str:
    """``added b; removed c; changed a`` between two maps."""
    parts = []
    for word, items in (
        ("added", sorted(set(new) - set(old))),
        ("removed", sorted(set(old) - set(new))),
        ("changed", sorted(k for k in set(old) & set(new) if old[k] != new[k])),
    ):
        if items:
            parts.append(f"{word} {_names([str(item) for item in items])}")
    return "; ".join(parts)


def _parameter_change(before: dict, after: dict) -> str:
    """``T 0.05 -> 0.3, --show-code on`` between two parameter settings."""
    old, new = before.get("user") or {}, after.get("user") or {}
    details = [
        f"{key} {old.get(key, '(default)')} -> {new.get(key, '(default)')}"
        for key in sorted(set(old) | set(new), key=str)
        if old.get(key) != new.get(key)
    ]
    if before.get("show_code") != after.get("show_code"):
        details.append(f"--show-code {'on' if after.get('show_code') else 'off'}")
    return ", ".join(details) or "changed"


def describe_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Say, one line per input, what differs between two sets of inputs.

    Examples
    --------
    >>> old = {"articles": {"a": "1"}, "parameters": {"user": {"T": 0.05}}, "python": "3.11"}
    >>> new = {"articles": {"a": "2", "b": "3"}, "parameters": {"user": {"T": 0.3}}, "python": "3.11"}
    >>> describe_changes(old, new)
    ['parameters: T 0.05 -> 0.3', 'data/articles: added b; changed a']
    >>> describe_changes({"lexicons": {}}, {"cleaning_rules": "ab12"})
    ['data/cleaning_rules.yml: now read', 'data/lexicons: no longer read']
    """
    lines = []
    for name in [*LABELS, *sorted((set(old) | set(new)) - set(LABELS))]:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        label = LABELS.get(name, name)
        if name not in old or name not in new:
            lines.append(f"{label}: {'now read' if name in new else 'no longer read'}")
        elif name == "parameters":
            lines.append(f"{label}: {_parameter_change(before or {}, after or {})}")
        elif name == "packages" and isinstance(before, dict) and isinstance(after, dict):
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            lines.append(
                f"{label}: " + ", ".join(f"{k} {before.get(k)} -> {after.get(k)}" for k in changed)
            )
        elif name == "article" and isinstance(before, dict) and isinstance(after, dict):
            lines.append(f"{label} changed" if before.get("id") == after.get("id") else label)
        elif isinstance(before, dict) and isinstance(after, dict):
            lines.append(f"{label}: {_map_change(before, after)}")
        elif name in ("python",):
            lines.append(f"{label} {before} -> {after}")
        else:
            lines.append(f"{label} changed")
    return lines
