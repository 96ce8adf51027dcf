"""A render's documents: the executed notebook without machine paths, and its HTML page.

Two promises to a reader of a report:

* **No machine paths.** The executed notebook says where its tables went,
  and papermill records where it ran; the batch rewrites every path of the
  render (its hidden staging folder, the project folder, the home folder)
  into what the reader can use (``reports/<id>``, a path relative to the
  project, ``~``) before it writes the ``.ipynb`` and the HTML
  (:func:`portable_notebook`). So a report reads the same wherever the
  project was cloned.
* **Self-contained HTML.** The page is nbconvert's JupyterLab page through
  ``templates/report.html.j2``, which drops the scripts the lab page loads
  from a CDN (require.js, MathJax, Mermaid: the reports use none of them),
  keeps the inline CSS and figures, shows table cells in full, and adds a
  line saying what the report is about, with links to the index and the
  provenance. A report opens offline, loads nothing and tells no server it
  was opened.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.provenance import PROVENANCE_SUFFIX, portable_path

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def html_exporter(show_code: bool):
    """One HTML exporter per process and setting: building one loads templates (slow)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        template_file=str(TEMPLATES / "report.html.j2"),
    )
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = not show_code
    exporter.exclude_output_prompt = not show_code
    return exporter


def export_html(ipynb: Path, target: Path, show_code: bool, about: dict | None = None) -> None:
    """Convert the executed notebook ``ipynb`` to HTML at ``target``.

    ``about`` fills the line above the report (``about``, ``notebook``,
    ``rendered``, ``index``, ``provenance``: texts and relative links).
    """
    import nbformat

    notebook = nbformat.read(str(ipynb), as_version=4)
    resources = {"metadata": {"name": (about or {}).get("title") or ipynb.stem}, "ddn": about}
    body, _ = html_exporter(show_code).from_notebook_node(notebook, resources=resources)
    target.write_text(body, encoding="utf-8")


def _outside_project(folder: str | os.PathLike) -> bool:
    """Whether ``folder`` (made absolute, links not followed) lies outside the project."""
    absolute = Path(os.path.abspath(folder))
    roots = (paths.PROJECT_ROOT.absolute(), paths.PROJECT_ROOT.resolve())
    return not any(absolute == root or root in absolute.parents for root in roots)


def shown_folder(folder: str | os.PathLike, reports_root: str | os.PathLike) -> str:
    """How a report folder is named to a reader: relative to the project, else to the reports.

    Examples
    --------
    >>> shown_folder(paths.PROJECT_ROOT / "reports" / "talks", paths.PROJECT_ROOT / "reports")
    'reports/talks'
    >>> shown_folder("/data/my-reports/talks", "/data/my-reports")
    'my-reports/talks'
    """
    folder, root = Path(os.path.abspath(folder)), Path(os.path.abspath(reports_root))
    if _outside_project(folder) and (folder == root or root in folder.parents):
        return Path(root.name, folder.relative_to(root)).as_posix()
    return portable_path(folder)


def path_replacements(staging: Path, out_dir: str, reports_root: str) -> list[tuple[str, str]]:
    """``(machine path, what a reader sees)`` pairs, longest first.

    The staging folder becomes the report folder it is renamed to, the
    project folder disappears from paths inside it (they become relative),
    a reports folder outside the project keeps only its name, the home
    folder becomes ``~``. Folders are matched with their separator (so
    ``/home/ann`` leaves ``/home/anna`` alone), except the staging folder,
    whose name is unique, and the project folder named on its own (``.``).

    Examples
    --------
    >>> pairs = dict(path_replacements(paths.PROJECT_ROOT / "reports" / "a" / ".tmp-x-1",
    ...              paths.PROJECT_ROOT / "reports" / "a", paths.PROJECT_ROOT / "reports"))
    >>> pairs[str(paths.PROJECT_ROOT / "reports" / "a" / ".tmp-x-1")], pairs[str(paths.PROJECT_ROOT)]
    ('reports/a', '.')
    """
    pairs: dict[str, str] = {}
    final = shown_folder(out_dir, reports_root)
    for folder in (staging, staging.resolve()):
        pairs[str(folder)] = final
    root = Path(os.path.abspath(reports_root))
    if _outside_project(root):
        for folder in (root, root.resolve()):
            pairs[str(folder) + os.sep] = root.name + os.sep
    for project in (paths.PROJECT_ROOT.absolute(), paths.PROJECT_ROOT.resolve()):
        pairs[str(project) + os.sep] = ""
        pairs[str(project)] = "."
    # Warnings name the file of the code that raised them: the helpers and the
    # interpreter's packages, inside the project in a clone, elsewhere when installed.
    for folder, shown in (
        (Path(__file__).resolve().parents[1], "helpers"),
        (Path(sys.prefix), "<python>"),
    ):
        if _outside_project(folder):
            pairs.setdefault(str(folder) + os.sep, shown + os.sep)
    home = Path.home()
    if str(home) not in ("/", ""):
        for folder in (home, home.resolve()):
            pairs.setdefault(str(folder) + os.sep, "~" + os.sep)
    return sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True)


def scrub(value: Any, replacements: list[tuple[str, str]]) -> Any:
    """Apply ``replacements`` to every text in ``value`` (nested dicts and lists too).

    Examples
    --------
    >>> scrub({"a": ["/home/x/p/f.csv", 3]}, [("/home/x/p/", "")])
    {'a': ['f.csv', 3]}
    """
    if isinstance(value, str):
        for old, new in replacements:
            if old in value:
                value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [scrub(item, replacements) for item in value]
    if isinstance(value, dict):
        return type(value)((key, scrub(item, replacements)) for key, item in value.items())
    return value


def portable_notebook(ipynb: Path, replacements: list[tuple[str, str]]) -> None:
    """Rewrite the executed notebook ``ipynb`` in place without machine paths (see :func:`scrub`).

    The cell papermill injected is written again from the scrubbed parameters:
    papermill writes a path's non-ASCII letters as escapes (``\\xfc``), which
    no plain replacement would find.
    """
    import nbformat
    from papermill.translators import translate_parameters

    clean = nbformat.from_dict(scrub(nbformat.read(str(ipynb), as_version=4), replacements))
    injected = (clean.metadata.get("papermill") or {}).get("parameters")
    for cell in clean.cells:
        if injected is not None and "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = translate_parameters("python3", "python", injected).rstrip("\n")
    nbformat.write(clean, str(ipynb))


def about_report(job, rendered: str) -> dict[str, str]:
    """What the line above a report says, and its links (relative to the report's folder)."""
    depth = len(Path(job.out_dir).relative_to(job.reports_root).parts)
    if job.article:
        about = f"Article {job.article}"
        title = _article_title(job.article_path)
        if title:
            about += f": {title}"
    else:
        about = "All articles" if job.kind == "corpus" else "Standalone"
    return {
        "about": about,
        "title": f"{job.notebook} · {job.article or job.kind}",
        "notebook": job.notebook,
        "rendered": rendered,
        "index": "../" * depth + "index.html",
        "provenance": f"{job.notebook}{PROVENANCE_SUFFIX}",
    }


def _article_title(path: str | None) -> str:
    """The article's title, or "" when it cannot be read (the render will say why)."""
    if not path:
        return ""
    try:
        from helpers.corpus import load_article

        return load_article(Path(path)).title or ""
    except Exception:  # noqa: BLE001 - a title is a courtesy, never a reason to fail
        return ""
