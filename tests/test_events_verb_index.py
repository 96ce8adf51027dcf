"""The verb-indexed PETRARCH2 matcher, its place in the event coder, agents and "talks with"."""

from __future__ import annotations

import pytest

from helpers.diplomacy.petrarch_events import PETRARCH, petrarch_hits, with_petrarch
from helpers.lexicons.dictionary import Hit
from helpers.lexicons.verb_index import build_index, match_verbs, verb_index
from helpers.score import score_texts
from helpers.text import segment, tokenize

SAMPLE = """&TALKS
+TALKS
+PEACE_TALKS

####### VERB PATTERNS #######
---  HALT   [---]  ---
HALT
SUSPEND [164]
BREAK {BREAKS BROKE BROKEN BREAKING}
- * &TALKS (WITH +)                 [164]
- $ * {DIPLOMATIC TIES}             [161]
- * OFF &TALKS                      [166]
- STOCKS *                          [---]
- GUNMEN *                          [181]

---  CALL   [---]  ---
+CALL_OFF [160]
"""


@pytest.fixture(scope="module")
def index():
    return build_index(SAMPLE)


def codes(text, index):
    return [(m.code, m.pattern) for m in match_verbs([t.norm for t in tokenize(text)], index)]


def test_pattern_after_the_verb_with_a_synonym_set_and_a_gap(index):
    assert codes("Russia halted the peace talks with Japan", index) == [
        ("164", "* &TALKS (WITH +)")
    ]


def test_multi_word_noun_after_an_actor_gap(index):
    assert codes("Moscow broke off its diplomatic ties", index) == [
        ("161", "$ * {DIPLOMATIC TIES}")
    ]


def test_word_before_the_verb(index):
    assert codes("Gunmen broke into the compound", index) == [("181", "GUNMEN *")]


def test_the_verbs_own_code_overrides_the_blocks(index):
    # SUSPEND [164] alone; HALT alone is the block's [---]: no event.
    assert codes("Tokyo suspended everything", index) == [("164", "")]
    assert codes("Tokyo halted everything", index) == []


def test_no_event_pattern_wins_over_the_bare_verb(index):
    assert codes("Stocks broke records", index) == []


def test_multi_word_verb(index):
    assert codes("They called off the visit", index) == [("160", "")]


def test_a_noun_after_a_determiner_is_no_verb(index):
    assert codes("the break", index) == []


def test_no_gap_crosses_a_comma(index):
    assert codes("Russia halted, and talks with Japan went on", index) == []


def test_shipped_dictionary_index_has_verbs_and_loads_from_cache():
    index = verb_index()
    assert "abducted" in index.forms and "," not in index.forms
    found = match_verbs([t.norm for t in tokenize("Police fired tear gas at the crowd")])
    assert [(m.code, m.pattern) for m in found] == [("175", "* {TEAR GAS}")]


def test_petrarch_hits_carry_code_event_and_evidence():
    (hit,) = petrarch_hits(tokenize("Police fired tear gas at the crowd"))
    assert hit.category == PETRARCH and hit.pattern == "fired tear gas"
    assert hit.attrs["cameo"] == "175"
    assert hit.attrs["evidence"].startswith("PETRARCH2 CAMEO.2.0.txt line ")
    assert hit.attrs["evidence"].endswith(": * {TEAR GAS}")


def test_project_word_goes_first_and_a_longer_petrarch_pattern_wins():
    tokens = tokenize("Police fired tear gas")
    project = Hit("assault", "fired", 7, 12, 1, 2, 1.0, {})
    kept = with_petrarch(tokens, [project])
    assert [h.category for h in kept] == [PETRARCH]  # "fired tear gas" covers "fired"
    tokens = tokenize("Gunmen abducted five people")
    project = Hit("assault", "abducted", 7, 15, 1, 2, 1.0, {})
    assert with_petrarch(tokens, [project]) == [project]


def rows(*texts):
    return score_texts(list(texts), analyses=("diplomacy",))


def test_petrarch_verb_codes_an_event_the_project_list_lacks():
    out = rows("Kenya deported two suspected smugglers to Uganda.").iloc[0]
    assert (out["source_actor"], out["cameo"]) == ("Kenya", "174")


def test_agents_of_no_country_are_sources_and_targets():
    from helpers.diplomacy import events

    t = events(segment("Gunmen abducted five aid workers."))
    first = t.iloc[0]
    assert (first["source"], first["source_id"], first["source_agent"]) == ("Gunmen", "UAF", "UAF")
    assert first["target_agent"] == "LAB"


def test_sub_state_actors_of_one_country_are_two_actors():
    from helpers.diplomacy import events

    t = events(segment("Kenyan police arrested two protesters in Nairobi."))
    first = t.iloc[0]
    assert (first["source_id"], first["source_agent"]) == ("KEN", "COP")
    assert (first["target_id"], first["target_agent"]) == ("KEN", "OPP")
    assert first["evidence"].startswith("events.yml: ")


def test_talks_with_is_a_noun_event_of_negotiation():
    from helpers.diplomacy import events

    t = events(segment("Japan's talks with Russia resumed."))
    talks = t[t["action"].str.startswith("talks")].iloc[0]
    assert (talks["cameo"], talks["source"], talks["target"]) == ("046", "Japan", "Russia")
