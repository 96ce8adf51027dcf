"""helpers.sentiment's engine and caches: VADER's rules one by one, explanation = score, reloading.

The hand-worked cases and the equality with NLTK are in test_sentiment.py;
here: each rule function on its own, the explaining path giving the same
numbers as the fast path on random sentences, and an edited domain list
seen in a running process by the tables and by the ``score`` path alike.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import sentiment
from helpers.sentiment import score as sentiment_score
from helpers.sentiment.vader import punctuation_emphasis
from helpers.text import tokenize


@pytest.fixture(scope="module")
def eng():
    return sentiment.engine()


# -- each rule on its own -------------------------------------------------------------


def test_caps_rule_needs_some_words_not_in_capitals(eng):
    notes: list[str] = []
    assert eng.caps_rule(-2.5, ["a", "BAD", "deal"], 1, notes) == pytest.approx(-2.5 - 0.733)
    assert notes == ["ALL CAPS -0.733"]
    assert eng.caps_rule(-2.5, ["BAD", "DEAL"], 0, None) == -2.5  # everything shouts: no emphasis


def test_degree_rule_takes_the_sign_and_fades_with_distance(eng):
    words = ["very", "x", "y", "good"]
    assert eng.degree_rule(1.9, 0.293, words, 0, 0, None) == pytest.approx(1.9 + 0.293)
    assert eng.degree_rule(-2.5, 0.293, words, 0, 0, None) == pytest.approx(-2.5 - 0.293)
    assert eng.degree_rule(1.9, 0.293, words, 0, 1, None) == pytest.approx(1.9 + 0.293 * 0.95)
    assert eng.degree_rule(1.9, 0.293, words, 0, 2, None) == pytest.approx(1.9 + 0.293 * 0.9)
    notes: list[str] = []
    eng.degree_rule(1.9, 0.293, ["VERY", "good"], 0, 0, notes)  # capitals add to the scalar
    assert notes == ["degree word 'VERY' +1.026"]


def test_negation_rule_and_its_never_so_side_effect(eng):
    words = ["never", "so", "good"]
    assert eng.negation_rule(2.0, ["not", "good"], 1, 0, True, None) == pytest.approx(-1.48)
    assert eng.negation_rule(2.0, words, 2, 1, True, None) == pytest.approx(3.0)
    assert eng.negation_rule(2.0, ["never", "x", "so", "good"], 3, 2, True, None) == pytest.approx(
        2.5
    )
    assert eng.negation_rule(2.0, ["a", "x", "so", "good"], 3, 2, False, None) == pytest.approx(2.5)
    assert eng.negation_rule(2.0, ["a", "good"], 1, 0, False, None) == 2.0


def test_idiom_least_and_but_rules(eng):
    notes: list[str] = []
    assert eng.idiom_rule(-1.0, "that was the kiss of death".split(), 5, notes) == -1.5
    assert notes == ["idiom or 'kind of'/'sort of' -> -1.5"]
    assert eng.idiom_rule(1.9, "we did it well".split(), 3, None) == 1.9
    assert eng.least_rule(2.0, ["least", "good"], [None, 1.9], 1, None) == pytest.approx(-1.48)
    assert eng.least_rule(2.0, ["at", "least", "good"], [None, None, 1.9], 2, None) == 2.0
    values = [1.9, 0, 0, -2.5]
    eng.but_rule(values, ["good", "but", "x", "bad"], None)
    assert values == [0.95, 0, 0, -3.75]


def test_punctuation_emphasis_caps_at_four_marks():
    assert punctuation_emphasis("No!!!!!!") == pytest.approx(4 * 0.292)
    assert punctuation_emphasis("What????") == 0.96


# -- the explaining path is the score path ------------------------------------------------

WORDS = ["good", "bad", "not", "never", "so", "this", "very", "slightly", "least", "at", "but",
         "kind", "of", "the", "kiss", "death", "war", "peace", "talks", "GOOD", "didn’t",
         "Japan", "escalation", "crimes", "“war”", "!", "?"]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_explanation_sums_to_the_score_it_explains(words):
    text = " ".join(words)
    for domain_adjust in (True, False):
        frame = sentiment.explain_sentence(text, domain_adjust=domain_adjust, include_neutral=True)
        expected = sentiment.polarity_scores(text, domain_adjust=domain_adjust)
        assert frame.attrs["compound"] == expected["compound"]
        assert math.isclose(frame["valence"].sum(), frame.attrs["sum"], abs_tol=1e-9)


# -- an edited domain list is seen without restarting ------------------------------------

NEUTRAL = "meta:\n  name: d\ncategories:\n  neutral:\n    names:\n      - peace talks\n"
EVALUATIVE = (
    "meta:\n  name: d\ncategories:\n  evaluative:\n    bad:\n"
    "      - {pattern: peace talks, valence: -2.0}\n"
)
TEXT = "The peace talks went on."


def test_tables_and_score_see_an_edited_domain_list(tmp_path, monkeypatch):
    from helpers.score import score_texts

    path = tmp_path / "domain.yml"
    path.write_text(NEUTRAL, encoding="utf-8")
    monkeypatch.setattr(sentiment_score, "DOMAIN_LEXICON", str(path))
    try:
        table_before = sentiment.score_sentiment(TEXT, lexicon=path)["compound"][0]
        score_before = score_texts([TEXT], ["sentiment"])["sentiment"][0]
        path.write_text(EVALUATIVE, encoding="utf-8")  # another size: a new file version
        table_after = sentiment.score_sentiment(TEXT, lexicon=path)["compound"][0]
        score_after = score_texts([TEXT], ["sentiment"])["sentiment"][0]
        row_after = sentiment.score_row(TEXT, tokenize(TEXT))["sentiment"]
    finally:
        monkeypatch.undo()
        sentiment_score.score_dictionaries()  # back to the project's list for later tests
    assert table_before == score_before == 0.0
    assert table_after == score_after == row_after < 0


# -- the package's own one-way order ---------------------------------------------------------

LAYERS = [
    {"words", "labels", "clauses", "domain", "roles"},
    {"vader", "target_phrases"},
    {"score", "tables", "supplement", "target_marks"},
    {"target_place", "target"},
    {"target_score", "explain", "actors", "voice", "afinn"},
]


def test_each_sentiment_module_imports_only_from_layers_above_it():
    import ast

    from helpers.paths import PROJECT_ROOT

    layer_of = {name: n for n, names in enumerate(LAYERS) for name in names}
    folder = PROJECT_ROOT / "src" / "helpers" / "sentiment"
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__"}
    assert modules == set(layer_of), "a new module: add it to LAYERS and docs/architecture.md"
    for name in sorted(modules):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "helpers.sentiment."
            ):
                imported = node.module.rsplit(".", 1)[1]
                assert layer_of[imported] < layer_of[name], f"{name} imports {imported}"
