"""Render a notebook with papermill the way the notebook tests do, and read its tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import papermill as pm

from helpers.paths import NOTEBOOKS_DIR


def render(notebook: str, tmp_path: Path, parameters: dict) -> Path:
    """Execute ``notebooks/<notebook>.ipynb`` into ``tmp_path``; return its output folder.

    The kernel is the project's (``ddn``) and the working directory is
    ``tmp_path``, not the project folder: notebooks must find everything
    through the package.
    """
    out = tmp_path / "out"
    pm.execute_notebook(
        str(NOTEBOOKS_DIR / f"{notebook}.ipynb"),
        str(tmp_path / f"{notebook}.ipynb"),
        parameters={"OUTPUT_DIR": str(out), **parameters},
        kernel_name="ddn",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    return out


def read_table(out: Path, name: str) -> pd.DataFrame:
    """Read a CSV a notebook wrote, keeping empty cells as empty strings."""
    return pd.read_csv(out / name, keep_default_na=False)
