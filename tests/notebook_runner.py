"""Render a notebook with papermill the way the notebook tests do, and read its tables."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd
import papermill as pm
from papermill.inspection import inspect_notebook

from helpers.paths import NOTEBOOKS_DIR, PROJECT_ROOT


def render(notebook: str, tmp_path: Path, parameters: dict) -> Path:
    """Execute ``notebooks/<notebook>.ipynb`` into ``tmp_path``; return its output folder.

    The kernel is the project's (``ddn``) and the working directory is
    ``tmp_path``, not the project folder: notebooks must find everything
    through the package. Every render also checks the provenance record
    (:func:`check_provenance`).
    """
    out = tmp_path / "out"
    injected = {"OUTPUT_DIR": str(out), **parameters}
    pm.execute_notebook(
        str(NOTEBOOKS_DIR / f"{notebook}.ipynb"),
        str(tmp_path / f"{notebook}.ipynb"),
        parameters=injected,
        kernel_name="ddn",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    check_provenance(out, notebook, injected)
    return out


def recorded(value):
    """A value as a record shows it: an absolute path relative to the project, else its name."""
    if isinstance(value, str) and Path(value).is_absolute():
        path = Path(value)
        if path.is_relative_to(PROJECT_ROOT):
            return path.relative_to(PROJECT_ROOT).as_posix()
        return path.name
    return value


def expected_parameters(notebook: str, injected: dict) -> dict:
    """Every parameter papermill finds in the notebook: the injected value, else the default.

    Read with papermill's own inspection, not with the helper under test; paths
    as :func:`recorded` shows them (a record names no folder of the machine).
    """
    declared = inspect_notebook(str(NOTEBOOKS_DIR / f"{notebook}.ipynb"))
    return {
        name: recorded(injected[name]) if name in injected else ast.literal_eval(info["default"])
        for name, info in declared.items()
    }


def check_provenance(out: Path, notebook: str, injected: dict) -> dict:
    """Assert that ``<notebook>.provenance.json`` records exactly the run's parameters; return it."""
    record = json.loads((out / f"{notebook}.provenance.json").read_text(encoding="utf-8"))
    assert record["notebook"] == notebook
    assert record["parameters"] == expected_parameters(notebook, injected)
    return record


def read_table(out: Path, name: str) -> pd.DataFrame:
    """Read a CSV a notebook wrote, keeping empty cells as empty strings."""
    return pd.read_csv(out / name, keep_default_na=False)
