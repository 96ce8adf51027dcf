"""The PETRARCH2 verb dictionary converter, on a small sample of each kind of pattern."""

from __future__ import annotations

from helpers.lexicons import Dictionary
from helpers.lexicons.petrarch_verbs import NO_EVENT, convert_verbs, verb_forms
from helpers.paths import LEXICONS_DIR
from helpers.text import tokenize

SAMPLE = """# comment
&TALKS
+TALKS
+NEGOTIATIONS
+PEACE_TALKS

####### VERB PATTERNS #######
---  HALT   [---]  ---
HALT
SUSPEND [164]
BREAK {BREAKS BROKE BROKEN BREAKING}
- * &TALKS (WITH +)                 [164]   # plain words and a prepositional phrase
- $ * {DIPLOMATIC TIES}             [161]   # source before, multi-word noun
- * OFF &TALKS                      [164:164]
- + * ROCKET                        [193]   # target before the verb
- * (TO {BANNED PARTIES}) $         [1722]  # source after the verb
- % &TALKS *                        [062]   # compound actor
- * LEAVE ^ INTO +                  [042]   # skipped noun phrase
- * &NOSUCHSET                      [030]   # unknown synonym set
- * AID                             [:070]  # only a second code

---  ANGER   [---]  ---
+ANGERED_BY {}
+CALL_OFF [160]
+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]
"""


def phrases(conversion):
    return {(p.phrase, p.code, p.kind) for p in conversion.patterns}


def test_verbs_get_their_irregular_or_regular_forms_and_codes():
    got = phrases(convert_verbs(SAMPLE))
    assert ("(halt|halts|halted|halting)", NO_EVENT, "verb") in got
    assert ("(suspend|suspends|suspended|suspending)", "164", "verb") in got
    assert ("(break|breaks|broke|broken|breaking)", NO_EVENT, "verb") in got
    assert ("angered by", NO_EVENT, "verb") in got
    assert ("(call off|calls off|called off|calling off)", "160", "verb") in got
    assert ("(ask for|asked for|asking for)", "020", "verb") in got
    assert verb_forms("carry") == ["carry", "carries", "carried", "carrying"]


def test_patterns_become_phrases_for_every_verb_of_the_block():
    got = phrases(convert_verbs(SAMPLE))
    broke_talks = "(break|breaks|broke|broken|breaking) (talks|negotiations|peace talks) with"
    assert (broke_talks, "164", "approximate") in got
    assert ("(halt|halts|halted|halting) diplomatic ties", "161", "pattern") in got
    assert (
        "(suspend|suspends|suspended|suspending) off (talks|negotiations|peace talks)",
        "164",
        "pattern",
    ) in got
    assert ("(halt|halts|halted|halting) aid", "070", "pattern") in got


def test_patterns_needing_a_parse_tree_are_listed_with_reasons():
    conversion = convert_verbs(SAMPLE)
    reasons = {text: reason for _, text, reason in conversion.unsupported}
    assert reasons == {
        "+ * ROCKET": "target before the verb",
        "* (TO {BANNED PARTIES}) $": "source after the verb",
        "% &TALKS *": "compound actor",
        "* LEAVE ^ INTO +": "skipped noun phrase",
        "* &NOSUCHSET": "unknown synonym set",
    }
    stats = conversion.statistics()
    assert stats["patterns read"] == 9
    assert stats["patterns converted (pattern)"] + stats["patterns converted (approximate)"] == 4
    assert stats["unsupported: compound actor"] == 1


def test_converted_patterns_compile_and_match_in_the_engine():
    d = Dictionary("sample")
    for p in convert_verbs(SAMPLE).patterns:
        d.add(f"cameo_{p.code}", p.phrase)
    hits = d.match_tokens(tokenize("Moscow broke off peace talks with Tokyo."))
    assert [(h.category, h.pattern) for h in hits][-1][0] == "cameo_164"


def test_the_shipped_dictionary_converts_and_lists_what_it_refuses():
    text = (LEXICONS_DIR / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8")
    stats = convert_verbs(text).statistics()
    refused = sum(v for k, v in stats.items() if k.startswith("unsupported"))
    converted = stats["patterns converted (pattern)"] + stats["patterns converted (approximate)"]
    assert converted + refused == stats["patterns read"]
    assert converted > 4000 and 0 < refused < 200
