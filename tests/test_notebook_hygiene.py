"""Every notebook in notebooks/ is committed clean and can be batch-rendered.

Checks, for each notebook: no outputs or execution counts (and nbstripout, with
the arguments of the pre-commit hook, would change nothing); exactly one cell
tagged ``parameters``, holding only typed, commented literals, so that
``papermill --help-notebook`` documents every parameter; the parameters the
batch injects for the notebook's kind; the project's kernel; no function
definitions; no paths relative to the working directory. Static checks only:
executing the notebooks is the job of their own, marked, tests.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import batch
from helpers.paths import NOTEBOOKS_DIR, PROJECT_ROOT

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
PRE_COMMIT = PROJECT_ROOT / ".pre-commit-config.yaml"

# A string literal that only works from one working directory.
RELATIVE_PATH = re.compile(r"^(\.\.?/|(data|reports|notebooks|runs|src)/)")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(notebook: dict) -> list[dict]:
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def source(cell: dict) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


def parameter_cells(notebook: dict) -> list[dict]:
    return [c for c in notebook["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]


pytestmark = pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks yet")
each = pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])


@each
def test_no_outputs_or_execution_counts(path):
    notebook = load(path)
    dirty = [
        index
        for index, cell in enumerate(notebook["cells"])
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; run nbstripout on it"


def _nbstripout_args() -> list[str]:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            if hook["id"] == "nbstripout":
                return hook.get("entry", "nbstripout").split()[1:] + hook.get("args", [])
    raise AssertionError("no nbstripout hook in .pre-commit-config.yaml")


def test_pre_commit_strips_notebooks_and_committed_ones_are_stripped(tmp_path):
    args = _nbstripout_args()
    executable = shutil.which("nbstripout") or str(Path(sys.executable).parent / "nbstripout")
    if not Path(executable).exists():
        pytest.skip("nbstripout is not installed (dev dependency)")
    copies = []
    for path in NOTEBOOKS:  # on copies: --verify must never touch the real files
        copies.append(tmp_path / path.name)
        shutil.copy(path, copies[-1])
    result = subprocess.run(
        [executable, *args, "--verify", *map(str, copies)], capture_output=True, text=True
    )
    assert result.returncode == 0, f"nbstripout would change: {result.stdout}{result.stderr}"


@each
def test_exactly_one_parameters_cell_of_typed_commented_literals(path):
    notebook = load(path)
    cells = parameter_cells(notebook)
    assert len(cells) == 1, f"{path.name}: {len(cells)} cells tagged 'parameters', want 1"
    cell = cells[0]
    assert cell["cell_type"] == "code"
    lines = source(cell).splitlines()
    for statement in ast.parse(source(cell)).body:
        line = lines[statement.lineno - 1]
        assert isinstance(statement, ast.AnnAssign) and statement.value is not None, (
            f"{path.name} line {statement.lineno}: write `NAME: type = literal  # what it is`"
        )
        ast.literal_eval(statement.value)  # literals only: derived values go in the next cell
        assert "#" in line.split("=", 1)[1], f"{path.name}: `{line}` has no comment"
        # papermill skips any line with a second "=" (it counts them in the comment too),
        # and the parameter then vanishes from --help-notebook and from inspection.
        assert line.count("=") == 1, (
            f"{path.name}: `{line}`: papermill ignores lines with two '='; "
            "write the comment without '=' (e.g. 'empty: reports/<id>/')"
        )


@each
def test_papermill_documents_every_parameter(path):
    from papermill.inspection import inspect_notebook

    parameters = inspect_notebook(str(path))
    assert parameters, f"{path.name}: papermill finds no parameters"
    cell = parameter_cells(load(path))[0]
    written = [
        s.target.id
        for s in ast.parse(source(cell)).body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    ]
    assert list(parameters) == written, f"{path.name}: papermill sees {list(parameters)}"
    for name, info in parameters.items():
        assert info["inferred_type_name"] not in (None, "None"), f"{path.name}: {name} untyped"
        assert info["help"].strip(), f"{path.name}: {name} has no comment for --help-notebook"


@each
def test_batch_can_render_it(path):
    """The batch knows the kind and finds the parameters it must inject."""
    notebook = load(path)
    kind = notebook["metadata"].get("ddn", {}).get("kind", "article")
    assert kind in batch.KINDS
    from papermill.inspection import inspect_notebook

    declared = inspect_notebook(str(path))
    assert batch.OUTPUT_PARAMETER in declared
    if kind == "article":
        assert batch.ARTICLE_PARAMETER in declared
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), "name notebooks NN_name.ipynb"


@each
def test_runs_with_the_project_kernel(path):
    from helpers.resources import KERNEL_NAME

    kernelspec = load(path)["metadata"].get("kernelspec", {})
    assert kernelspec.get("name") == KERNEL_NAME
    assert kernelspec.get("language") == "python"


@each
def test_no_function_definitions_or_working_directory_paths(path):
    for index, cell in enumerate(code_cells(load(path))):
        text = source(cell)
        tree = ast.parse(text)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)), (
                f"{path.name} cell {index}: define functions in src/helpers, not in notebooks"
            )
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not RELATIVE_PATH.match(node.value), (
                    f"{path.name} cell {index}: {node.value!r} depends on the working "
                    "directory; use helpers.paths"
                )
            if isinstance(node, ast.Attribute) and node.attr == "chdir":
                raise AssertionError(f"{path.name} cell {index}: do not change directory")


def _parameter_names(notebook: dict) -> set[str]:
    cell = parameter_cells(notebook)[0]
    return {
        s.target.id
        for s in ast.parse(source(cell)).body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    }


@each
def test_the_closing_cell_saves_outputs_with_the_session_parameters(path):
    """One ``save_outputs(..., notebook=<this notebook>, namespace=globals())``, nothing retyped."""
    calls = []
    for cell in code_cells(load(path)):
        for node in ast.walk(ast.parse(source(cell))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "write_provenance", (
                    f"{path.name}: save tables and provenance with helpers.provenance.save_outputs"
                )
                if node.func.id == "save_outputs":
                    calls.append(node)
    assert len(calls) == 1, f"{path.name}: {len(calls)} calls of save_outputs, want 1"
    keywords = {keyword.arg: keyword.value for keyword in calls[0].keywords}
    assert ast.literal_eval(keywords["notebook"]) == path.stem, f"{path.name}: notebook= its name"
    assert ast.unparse(keywords["namespace"]) == "globals()", f"{path.name}: namespace=globals()"


@each
def test_no_cell_after_the_parameters_rebinds_one(path):
    """The provenance reads the parameters at the end: a cell that rebinds one would falsify it."""
    notebook = load(path)
    names = _parameter_names(notebook)
    parameters = parameter_cells(notebook)[0]
    for index, cell in enumerate(code_cells(notebook)):
        if cell is parameters:
            continue
        for node in ast.walk(ast.parse(source(cell))):
            if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                assert node.id not in names, (
                    f"{path.name} cell {index}: rebinds parameter {node.id}; "
                    "derive a lower-case name from it instead"
                )


@each
def test_a_threshold_parameter_defaults_to_the_shared_neutral_band(path):
    from helpers.sentiment import DEFAULT_THRESHOLD

    cell = parameter_cells(load(path))[0]
    for statement in ast.parse(source(cell)).body:
        if isinstance(statement.target, ast.Name) and statement.target.id == "THRESHOLD":
            assert ast.literal_eval(statement.value) == DEFAULT_THRESHOLD
