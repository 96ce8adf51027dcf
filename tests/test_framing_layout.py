"""The layout of helpers.framing: which of its modules may import which (docs/architecture.md)."""

from __future__ import annotations

import ast

import pytest

import helpers.framing
from helpers.paths import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "src" / "helpers" / "framing"

# Module -> the modules of the package it may import, from the bottom up.
ALLOWED = {
    "dictionaries": set(),
    "decide": set(),
    "frames": {"dictionaries", "decide"},
    "score": {"dictionaries", "decide"},
    "questions": {"dictionaries", "frames", "decide"},
    "entman": {"dictionaries"},
    "history": {"dictionaries"},
    "naming": {"dictionaries"},
    "episodic": {"dictionaries"},
    "explore": {"dictionaries"},
}


def _package_imports(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers.framing"):
            found.add(node.module.removeprefix("helpers.framing").lstrip(".") or "__init__")
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("helpers.framing.")
                for a in node.names
                if a.name.startswith("helpers.framing")
            )
    return found


def test_every_module_is_listed():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules == set(ALLOWED)


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_imports_go_one_way(module):
    assert _package_imports(PACKAGE / f"{module}.py") <= ALLOWED[module]


def test_the_package_keeps_every_public_name():
    for name in helpers.framing.__all__:
        assert hasattr(helpers.framing, name), name
