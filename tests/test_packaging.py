"""The project's own promises about packaging, commands and layout."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import tomllib

import pytest
import yaml

import helpers
from helpers.paths import PROJECT_ROOT


def _name(requirement: str) -> set[str]:
    """Package names in a requirement string, extras expanded (dask[distributed] -> dask, distributed)."""
    match = re.match(r"\s*([A-Za-z0-9_.-]+)(?:\[([^\]]+)\])?", requirement)
    base = match.group(1).lower().replace("_", "-")
    names = {base}
    if match.group(2):
        names.update(e.strip().lower() for e in match.group(2).split(","))
    return names


def test_pyproject_and_environment_list_the_same_dependencies():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    declared = set()
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        declared |= _name(requirement)
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    listed = set()
    for item in env["dependencies"]:
        if isinstance(item, dict):
            listed |= {n for r in item["pip"] if not r.startswith("-e") for n in _name(r)}
        elif not item.startswith(("python", "pip")) or item.startswith("python-"):
            listed |= _name(item)
    assert declared == listed


def test_readme_opens_with_the_two_commands():
    readme = (PROJECT_ROOT / "README.md").read_text()
    head = readme[:1500]
    assert "make report" in head and "make test" in head


def test_ci_calls_the_readme_test_command():
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text()


MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(helpers.__path__, prefix="helpers.")
    if m.name != "helpers.__main__"
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_run(module_name):
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0


def test_every_lexicon_cites_its_source():
    for path in sorted((PROJECT_ROOT / "data" / "lexicons").glob("*.yml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8")).get("meta", {})
        assert meta.get("source"), f"{path.name} has no meta.source"
