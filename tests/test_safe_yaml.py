"""The one YAML reader: aliases, duplicate keys and tags refused, errors on one line."""

import time

import pytest

from helpers.errors import DictionaryError, HelpersError
from helpers.safe_yaml import TextLoader, compose_yaml, load_yaml


def _bomb(levels: int) -> str:
    """A "billion laughs" document: each level refers nine times to the one before."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_plain_data_loads():
    assert load_yaml("a: 1\nb: [x, 2.5, true, null]\n") == {"a": 1, "b": ["x", 2.5, True, None]}


def test_alias_bomb_is_refused_at_once():
    started = time.perf_counter()
    with pytest.raises(HelpersError, match="aliases are not allowed"):
        load_yaml(_bomb(12), where="run.yml")
    assert time.perf_counter() - started < 5  # expanded, 9**12 strings would never finish


def test_a_single_alias_is_refused_too():
    with pytest.raises(HelpersError, match=r"aliases are not allowed \(x.yml, line 1\)"):
        load_yaml("a: &v 1\nb: *v\n", where="x.yml")


def test_duplicate_keys_are_refused_with_both_lines():
    with pytest.raises(HelpersError) as caught:
        load_yaml("meta: {}\ncategories:\n  war: [a]\n  war: [b]\n", where="d.yml")
    message = str(caught.value)
    assert "duplicate key 'war'" in message and "line 4" in message and "line 3" in message
    assert "\n" not in message


def test_python_tags_are_refused():
    with pytest.raises(HelpersError, match="not allowed"):
        load_yaml("a: !!python/object/apply:os.system ['true']\n")


def test_syntax_error_is_one_line_with_the_line_number_and_offset():
    with pytest.raises(DictionaryError) as caught:
        compose_yaml("a: [1, 2\nb: 3\n", where="f.yml", error=DictionaryError, line_offset=1)
    message = str(caught.value)
    assert message.startswith("malformed YAML") and "f.yml, line" in message
    assert "\n" not in message


def test_text_loader_keeps_values_as_text():
    assert load_yaml("language: no\nid: 0123\n", loader=TextLoader) == {
        "language": "no",
        "id": "0123",
    }
