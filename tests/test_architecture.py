"""Data flows one way: every import in src/helpers goes down the layers of docs/architecture.md.

The layers are written out here and in the document; a module that is in
neither fails this test, so the document cannot fall behind the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import paths

SOURCE = Path(paths.PROJECT_ROOT) / "src" / "helpers"

#: Layer of each top-level module or package of helpers (docs/architecture.md).
LAYERS = {
    "errors": 0,
    "stopping": 0,
    "paths": 1,
    "safe_yaml": 1,
    "io": 1,
    "highlight": 1,
    "cache": 1,
    "workers": 1,
    "text": 2,
    "resources": 2,
    "corpus": 3,
    "lexicons": 3,
    "actors": 4,
    "sentiment": 5,
    "framing": 5,
    "diplomacy": 5,
    "plots": 6,
    "provenance": 6,
    "overview": 6,
    "compare": 6,
    "display": 6,
    "score": 7,
    "score_command": 7,
    "score_columns": 7,
    "validation": 8,
    "batch": 8,
    "cli": 9,
    "__main__": 9,
}
ANALYSES = {"sentiment", "framing", "diplomacy"}


def _owner(path: Path) -> str:
    """The top-level module or package of helpers that a source file belongs to."""
    first = path.relative_to(SOURCE).parts[0]
    return first.removesuffix(".py")


def _imported(tree: ast.AST) -> set[str]:
    """Top-level helpers modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            parts = node.module.split(".")
            if parts[0] != "helpers":
                continue
            if len(parts) > 1:
                found.add(parts[1])
            else:  # from helpers import x
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "helpers" and len(parts) > 1:
                    found.add(parts[1])
    return found


def _files():
    return sorted(p for p in SOURCE.rglob("*.py") if p.name != "__init__.py" or p.parent != SOURCE)


def test_every_module_has_a_layer():
    owners = {_owner(path) for path in _files()}
    assert owners <= set(LAYERS), f"add to LAYERS and docs/architecture.md: {owners - set(LAYERS)}"


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(SOURCE)))
def test_imports_go_down_the_layers(path):
    me = _owner(path)
    wrong = []
    for other in _imported(ast.parse(path.read_text(encoding="utf-8"))) - {me, "__version__"}:
        if other not in LAYERS:
            wrong.append(f"{other} (no layer)")
        elif LAYERS[other] > LAYERS[me]:
            wrong.append(f"{other} (layer {LAYERS[other]} is above {me}'s {LAYERS[me]})")
        elif me in ANALYSES and other in ANALYSES:
            wrong.append(f"{other} (analyses never import each other)")
    assert not wrong, f"{path.relative_to(SOURCE)} imports upward: {', '.join(sorted(wrong))}"


def test_the_checker_sees_an_upward_import():
    tree = ast.parse("def f():\n    from helpers.score import score_texts\n")
    assert _imported(tree) == {"score"}
    assert LAYERS["score"] > LAYERS["sentiment"]


def test_the_document_lists_every_layer():
    text = (Path(paths.PROJECT_ROOT) / "docs" / "architecture.md").read_text(encoding="utf-8")
    for name in LAYERS:
        assert f"`{name}" in text, f"docs/architecture.md does not name {name}"


# -- size: one concern per file (issue 13) ----------------------------------------------------
MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 80
#: Said in a function's docstring when it may be longer (and why, after the colon).
LONG_ON_PURPOSE = "Longer than 80 lines on purpose:"


def _long_functions(tree: ast.AST) -> list[tuple[str, int]]:
    """``(name, lines)`` of the functions over the limit whose docstring does not say why."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_FUNCTION_LINES and LONG_ON_PURPOSE not in (
                ast.get_docstring(node) or ""
            ):
                found.append((node.name, lines))
    return found


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(SOURCE)))
def test_modules_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{path.name}: split it by concern"
    assert _long_functions(ast.parse(text)) == []


def test_the_size_check_sees_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    assert _long_functions(ast.parse(f"def f():\n{body}\n")) == [("f", MAX_FUNCTION_LINES + 1)]
    excused = f'def f():\n    """{LONG_ON_PURPOSE} one table."""\n{body}\n'
    assert _long_functions(ast.parse(excused)) == []
