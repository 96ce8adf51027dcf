"""The batch's documents name no folder of the machine (helpers.batch.export)."""

from __future__ import annotations

import nbformat

from helpers import paths
from helpers.batch import export


def test_paths_become_what_a_reader_can_use(tmp_path, monkeypatch):
    monkeypatch.setattr(export.Path, "home", lambda: tmp_path / "home" / "ann")
    reports = tmp_path / "elsewhere" / "my-reports"
    staging = reports / "talks" / ".tmp-02_sentiment-7-abc"
    pairs = export.path_replacements(staging, str(reports / "talks"), str(reports))
    text = (
        f"tables go to {staging}\n"
        f"{paths.PROJECT_ROOT}/data/articles/talks.txt\n"
        f"{reports}/index.html\n"
        f"{tmp_path}/home/ann/notes.txt and {tmp_path}/home/anna/x.txt\n"
    )
    assert export.scrub(text, pairs) == (
        "tables go to my-reports/talks\n"
        "data/articles/talks.txt\n"
        "my-reports/index.html\n"
        f"~/notes.txt and {tmp_path}/home/anna/x.txt\n"
    )


def test_the_injected_parameters_are_written_again_without_the_path(tmp_path):
    """papermill writes a path's non-ASCII letters as escapes, which no replacement finds."""
    reports = tmp_path / "odd ü" / "reports"
    staging = reports / "talks" / ".tmp-01_overview-1-ab"
    staging.mkdir(parents=True)
    notebook = nbformat.v4.new_notebook()
    escaped = str(staging).encode("unicode_escape").decode()
    cell = nbformat.v4.new_code_cell(f'# Parameters\nOUTPUT_DIR = "{escaped}"\n')
    cell.metadata["tags"] = ["injected-parameters"]
    notebook.cells = [cell]
    notebook.metadata["papermill"] = {"parameters": {"OUTPUT_DIR": str(staging)}}
    ipynb = staging / "01_overview.ipynb"
    nbformat.write(notebook, str(ipynb))
    pairs = export.path_replacements(staging, str(staging.parent), str(reports))
    export.portable_notebook(ipynb, pairs)
    clean = nbformat.read(str(ipynb), as_version=4)
    assert clean.cells[0].source == '# Parameters\nOUTPUT_DIR = "reports/talks"'
    assert clean.metadata["papermill"]["parameters"] == {"OUTPUT_DIR": "reports/talks"}
    assert "odd" not in ipynb.read_text(encoding="utf-8")
