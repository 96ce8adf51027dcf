"""The dictionary engine: formats, errors, matching rules, exploration aids."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import within
from helpers.actors import load_actors
from helpers.errors import DictionaryError
from helpers.lexicons import (
    Dictionary,
    DictionarySet,
    Glob,
    clear_cache,
    collocations,
    expand_pattern,
    kwic,
    load_dictionary,
    parse_pattern,
)
from helpers.lexicons.loaders import _CACHE
from helpers.text import segment, tokenize


def found(dictionary, text):
    return [(h.category, text[h.start : h.end]) for h in dictionary.match_tokens(tokenize(text))]


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


NATIVE = """\
    meta:
      name: test
      description: a test dictionary
      source: written by the test suite
    categories:
      conflict:
        note: disagreement between sides
        level: 3
        patterns:
          - war
          - sanction*
          - {pattern: "war crimes", weight: 2, note: "an accusation"}
        verbal:
          - accus*
      _names:
        - World War II
      cooperation:
        - peace treaty
        - agree
    """


def test_native_yaml_loads_nested_categories_attributes_and_weights(tmp_path):
    d = load_dictionary(write(tmp_path, "d.yml", NATIVE))
    assert d.name == "test" and d.meta["source"] == "written by the test suite"
    assert d.categories == ["conflict", "conflict/verbal", "_names", "cooperation"]
    assert d.category_attrs["conflict"] == {"note": "disagreement between sides", "level": 3}
    assert d.top_categories() == ["conflict", "cooperation"]
    hits = d.match_tokens(tokenize("They spoke of war crimes and accused Japan."))
    assert [(h.category, h.pattern, h.weight) for h in hits] == [
        ("conflict", "war crimes", 2.0),
        ("conflict/verbal", "accus*", 1.0),
    ]
    assert hits[0].attrs == {"note": "an accusation"}


def test_longest_match_wins_and_suppressors_hide_proper_names(tmp_path):
    d = load_dictionary(write(tmp_path, "d.yml", NATIVE))
    text = "After World War II-era talks, a peace treaty ended the war."
    assert found(d, text) == [("cooperation", "peace treaty"), ("conflict", "war")]


def test_glob_and_phrase_and_typographic_quotes():
    d = Dictionary.from_patterns({"neg": ["didn't agree", "sanction*", "de-escalat*", "must-read"]})
    assert found(
        d, "Japan didn’t agree. Sanctions followed; de-escalation failed. A must-read."
    ) == [
        ("neg", "didn’t agree"),
        ("neg", "Sanctions"),
        ("neg", "de-escalation"),
        ("neg", "must-read"),
    ]
    assert found(d, "The sanction regime") == [("neg", "sanction")]
    assert found(d, "must read") == []


def test_case_sensitive_patterns():
    d = Dictionary("cs")
    d.add("usa", "US", case_sensitive=True)
    d.add("usa", "United States")
    assert found(d, "The US and the united states, not us.") == [
        ("usa", "US"),
        ("usa", "united states"),
    ]


def test_one_span_reports_every_category_that_holds_it():
    d = Dictionary.from_patterns({"economic": ["sanctions"], "conflict": ["sanction*"]})
    assert found(d, "new sanctions") == [("economic", "sanctions"), ("conflict", "sanctions")]


def test_question_mark_glob_and_inner_star():
    d = Dictionary.from_patterns({"x": ["defen?e", "*ization"]})
    assert found(d, "defence defense militarization") == [
        ("x", "defence"),
        ("x", "defense"),
        ("x", "militarization"),
    ]


def test_match_table_has_documented_columns(tmp_path):
    d = load_dictionary(write(tmp_path, "d.yml", NATIVE))
    seg = segment("Talks failed.\n\nThen war came.", doc_id="a")
    table = d.match(seg)
    assert list(table.columns) == [
        "doc_id",
        "sent_id",
        "category",
        "top",
        "pattern",
        "start",
        "end",
        "match",
        "weight",
    ]
    row = table.iloc[0]
    assert (row.doc_id, row.sent_id, row.match, seg.text[row.start : row.end]) == (
        "a",
        1,
        "war",
        "war",
    )


def test_quanteda_yaml(tmp_path):
    d = load_dictionary(
        write(
            tmp_path,
            "q.yml",
            """\
            economy:
              deficit:
                - deficit*
              growth: [growth, "economic boom"]
            security:
              - troops
            """,
        )
    )
    assert d.categories == ["economy", "economy/deficit", "economy/growth", "security"]
    assert found(d, "An economic boom, then deficits and troops.") == [
        ("economy/growth", "economic boom"),
        ("economy/deficit", "deficits"),
        ("security", "troops"),
    ]


def test_liwc_dic(tmp_path):
    d = load_dictionary(
        write(tmp_path, "l.dic", "%\n1\tposemo\n2\tnegemo\n%\nlove*\t1\nhate\t2\nbitter\t1\t2\n")
    )
    assert d.categories == ["posemo", "negemo"]
    assert found(d, "lovely bitter hate") == [
        ("posemo", "lovely"),
        ("posemo", "bitter"),
        ("negemo", "bitter"),
        ("negemo", "hate"),
    ]


# -- errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("categories:\n  a: [x\n", "line"),
        ("categories:\n  a: !!python/object/apply:os.system ['echo hi']\n", "not allowed"),
        ("categories:\n  a: []\n", "no patterns"),
        ("categories:\n  a: ['*']\n", "only of wildcards"),
        ("categories:\n  a: ['[a-z]ar']\n", "character class"),
        ("categories:\n  a:\n    - {pattern: war, weight: heavy}\n", "not a number"),
        ("categories:\n  a:\n    - {weight: 2}\n", "no 'pattern'"),
        ("- just\n- a list\n", "mapping"),
        ("", "empty"),
    ],
)
def test_malformed_yaml_names_file_line_and_reason(tmp_path, body, message):
    path = write(tmp_path, "bad.yml", body)
    with pytest.raises(DictionaryError) as error:
        load_dictionary(path)
    assert message in str(error.value)
    assert "bad.yml" in str(error.value)
    assert "\n" not in str(error.value)  # one line


def test_python_tag_error_gives_the_line(tmp_path):
    path = write(
        tmp_path, "bad.yml", "categories:\n  a:\n    - fine\n    - !!python/name:os.system\n"
    )
    with pytest.raises(DictionaryError, match="line 4"):
        load_dictionary(path)


def _alias_bomb(indent: str, levels: int = 9) -> str:
    """Nine levels of nine aliases each: a few hundred bytes standing for 9**9 strings."""
    lines = [f"{indent}l0: &l0 war"]
    lines += [
        f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)
    ]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_a_dictionary_is_refused_at_once(tmp_path):
    path = write(tmp_path, "bomb.yml", "categories:\n" + _alias_bomb("  "))
    with within(20, "refusing an alias bomb"), pytest.raises(DictionaryError) as info:
        load_dictionary(path)
    assert "aliases are not allowed" in str(info.value) and "bomb.yml, line" in str(info.value)
    assert "\n" not in str(info.value)


def test_duplicate_keys_in_a_dictionary_are_refused(tmp_path):
    # PyYAML keeps the last of two keys: the first category's words would vanish silently.
    body = "categories:\n  conflict: [war]\n  cooperation: [talks]\n  conflict: [attack]\n"
    with pytest.raises(DictionaryError, match=r"duplicate key 'conflict' \(.*d\.yml, line 4\)"):
        load_dictionary(write(tmp_path, "d.yml", body))


def test_liwc_unknown_category_id_gives_the_line(tmp_path):
    path = write(tmp_path, "bad.dic", "%\n1\tposemo\n%\nlove\t1\nhate\t7\n")
    with pytest.raises(DictionaryError, match="line 5"):
        load_dictionary(path)


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(DictionaryError, match="not found"):
        load_dictionary(tmp_path / "nope.yml")
    with pytest.raises(DictionaryError, match="unknown dictionary format"):
        load_dictionary(write(tmp_path, "x.json", "{}"))


def test_parse_pattern_refuses_empty():
    with pytest.raises(DictionaryError):
        parse_pattern("   ")


def test_alternatives_spell_out_in_order_without_duplicates():
    assert expand_pattern("war") == ["war"]
    assert expand_pattern("(broke|called) off (the|) talks") == [
        "broke off the talks",
        "broke off talks",
        "called off the talks",
        "called off talks",
    ]
    assert expand_pattern("(peace|peace) talks") == ["peace talks"]
    assert expand_pattern("talks ( were | are ) over") == ["talks were over", "talks are over"]
    assert sorted(expand_pattern("(a|(b|c)) talks")) == ["a talks", "b talks", "c talks"]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(the|)", "can be empty"),
        ("(a|b talks", "unclosed"),
        ("(a|b|c|d) " * 5, "more than 256 phrases"),
    ],
)
def test_bad_alternatives_are_refused(pattern, message):
    with pytest.raises(DictionaryError, match=message):
        expand_pattern(pattern, where="x.yml, line 3")
    with pytest.raises(DictionaryError, match="x.yml, line 3"):
        Dictionary("d").add("c", pattern, where="x.yml, line 3")


def test_a_pattern_with_alternatives_matches_each_and_names_the_phrase():
    d = Dictionary.from_patterns({"halt": ["suspend* (the|) (peace|) talks"], "talk": ["talks"]})
    assert len(d.entries) == 2  # one entry as written, not one per phrase
    text = "Russia suspended peace talks; Japan suspends the talks; suspending talks."
    hits = d.match_tokens(tokenize(text))
    assert [(h.category, text[h.start : h.end]) for h in hits] == [
        ("halt", "suspended peace talks"),
        ("halt", "suspends the talks"),
        ("halt", "suspending talks"),
    ]
    assert [h.pattern for h in hits] == [
        "suspend* peace talks",
        "suspend* the talks",
        "suspend* talks",
    ]
    assert d.entries[0].pattern == "suspend* (the|) (peace|) talks"
    assert found(d, "The peace talks went on.") == [("talk", "talks")]
    with pytest.raises(DictionaryError, match="only a dictionary spells out"):
        parse_pattern("(peace|) talks")


def test_a_100000_pattern_dictionary_loads_and_matches(tmp_path):
    words = [f"w{i}x" for i in range(100_000)]
    body = "categories:\n  big:\n" + "".join(f"    - {w}\n" for w in words)
    d = load_dictionary(write(tmp_path, "big.yml", body))
    assert len(d.entries) == 100_000
    assert found(d, "w99999x and w5x but not w5") == [("big", "w99999x"), ("big", "w5x")]


def test_loading_is_linear_in_the_categories_that_share_a_word(tmp_path):
    # Each category added to a word used to scan every category already there:
    # 60,000 categories took minutes. Now each costs a set lookup.
    n = 60_000
    with within(60, "60,000 categories sharing one word"):
        d = Dictionary.from_patterns({f"c{i}": ["war"] for i in range(n)})
        liwc = write(
            tmp_path,
            "wide.dic",
            "%\n"
            + "".join(f"{i}\tc{i}\n" for i in range(n))
            + "%\n"
            + "".join(f"w{i}\t{i}\n" for i in range(n)),
        )
        wide = load_dictionary(liwc)
    hits = d.match_tokens(tokenize("war"))
    assert len(hits) == n and hits[0].category == "c0" and hits[-1].category == f"c{n - 1}"
    assert len(wide.categories) == n and found(wide, "w7") == [("c7", "w7")]
    # The same pattern twice in one category is still one entry of the trie.
    d.add("c5", "war")
    assert len(d.match_tokens(tokenize("war"))) == n


def glob_regex(glob):
    """The reference: the glob as a regular expression (fine on short keys)."""
    return re.compile(
        "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in glob), re.DOTALL
    )


@settings(max_examples=300)
@given(st.text(alphabet="ab*?", min_size=1, max_size=8), st.text(alphabet="abc", max_size=10))
def test_glob_matching_agrees_with_the_regular_expression(glob, key):
    assert Glob(glob).fullmatch(key) == bool(glob_regex(glob).fullmatch(key))


def test_a_backtracking_glob_cannot_hang_matching_or_kwic():
    # As a regular expression this glob backtracks: about 30 s on 40 letters, and the
    # time grows with the length to the power of the number of stars.
    glob = "a*a*a*a*a*a*a*a*a*a*a*a*b"
    token = "a" * 200
    with within(20, "matching a backtracking glob"):
        d = Dictionary.from_patterns({"x": [glob, "a*a"]})
        assert [h.pattern for h in d.match_tokens(tokenize(token))] == ["a*a"]
        assert kwic(segment(f"They said {token} twice."), glob).empty
        assert len(kwic(segment(f"They said {token}b twice."), glob)) == 1


def test_dictionaries_are_compiled_once_per_file_version(tmp_path):
    path = write(tmp_path, "d.yml", NATIVE)
    assert load_dictionary(path) is load_dictionary(path)


def test_an_edited_file_replaces_its_old_version_and_clear_cache_drops_all(tmp_path):
    path = write(tmp_path, "d.yml", "categories:\n  a: [war]\n")
    actors_path = write(tmp_path, "mine.yml", "actors:\n  ATL:\n    name: Atlantis\n")
    first, actors = load_dictionary(path), load_actors(actors_path)
    write(tmp_path, "d.yml", "categories:\n  a: [war, peace treaty]\n")  # another size
    second = load_dictionary(path)
    assert second is not first and found(second, "a peace treaty") == [("a", "peace treaty")]
    assert sum(key[1] == str(path.resolve()) for key in _CACHE) == 1  # the old one is gone
    clear_cache()
    assert load_dictionary(path) is not second and load_actors(actors_path) is not actors


# -- exploration ------------------------------------------------------------------


def test_kwic_shows_context_within_the_sentence():
    seg = segment("Japan imposed new sanctions on Russia. Sanctions hurt.")
    table = kwic(seg, "sanction*", window=2)
    assert table[["sent_id", "pre", "keyword", "post"]].values.tolist() == [
        [0, "imposed new", "sanctions", "on Russia"],
        [1, "", "Sanctions", "hurt."],
    ]


def test_collocations_find_repeated_pairs_without_stop_words():
    seg = segment(
        "The peace treaty matters. A peace treaty was never signed. Peace treaty talks ended."
    )
    table = collocations(seg, top=5, min_freq=2)
    assert ("peace", "treaty") in list(zip(table["w1"], table["w2"], strict=True))
    assert table.loc[(table.w1 == "peace") & (table.w2 == "treaty"), "freq"].item() == 3


# -- properties -------------------------------------------------------------------

WORDS = ["war", "peace", "treaty", "sanctions", "Japan", "talks"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=30))
def test_single_word_matches_agree_with_a_naive_count(pieces):
    text = " ".join(pieces)
    d = Dictionary.from_patterns({"w": ["war", "peace", "sanctions"]})
    tokens = tokenize(text)
    hits = d.match_tokens(tokens)
    expected = [t for t in tokens if t.norm in {"war", "peace", "sanctions"}]
    assert [(h.start, h.end) for h in hits] == [(t.start, t.end) for t in expected]
    for hit in hits:
        assert text[hit.start : hit.end].casefold() == hit.pattern


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_matcher_spans_are_valid_on_arbitrary_unicode(text):
    d = Dictionary.from_patterns({"a": ["peace treaty", "wa*", "w?r"], "_s": ["peace"]})
    hits = d.match_tokens(tokenize(text))
    last = 0
    for hit in hits:
        assert last <= hit.start < hit.end <= len(text)
        last = hit.end


# -- one pass for several dictionaries --------------------------------------------

VOCABULARY = ["war", "peace", "treaty", "talks", "Japan", "US", "us", "peace-treaty", "can't"]


def reference_hits(entries, tokens):
    """Leftmost-longest matching written the slow, obvious way (the engine's contract).

    ``entries`` are ``(category, pattern, case_sensitive)``. Returns the sorted
    ``(tok_start, tok_end, category)`` of the reported (non-``_``) hits.
    """
    import re

    from helpers.lexicons import _cased

    compiled = []
    for category, pattern, cs in entries:
        keys = parse_pattern(pattern, case_sensitive=cs)
        regexes = [
            re.compile(
                "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in k), re.S
            )
            for k in keys
        ]
        compiled.append((category, regexes, cs))

    def fits(regexes, cs, i):
        if i + len(regexes) > len(tokens):
            return False
        return all(
            r.fullmatch(_cased(t.text) if cs else t.norm)
            for r, t in zip(regexes, tokens[i : i + len(regexes)], strict=True)
        )

    found, i = set(), 0
    while i < len(tokens):
        lengths = [len(r) for _, r, cs in compiled if fits(r, cs, i)]
        if not lengths:
            i += 1
            continue
        best = max(lengths)
        for category, regexes, cs in compiled:
            if len(regexes) == best and fits(regexes, cs, i) and not category.startswith("_"):
                found.add((i, i + best, category))
        i += best
    return sorted(found)


pattern_strategy = st.tuples(
    st.sampled_from(["a", "b", "_s"]),
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3).map(" ".join),
    st.sampled_from(["", "*"]),
    st.booleans(),
).map(lambda t: (t[0], t[1] + t[2], t[3]))


def build(entries):
    d = Dictionary("generated")
    for category, pattern, cs in entries:
        d.add(category, pattern, case_sensitive=cs)
    return d


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(pattern_strategy, min_size=1, max_size=8), min_size=1, max_size=4),
    st.lists(st.sampled_from([*VOCABULARY, "WAR", "Peace", "the", ",", "’"]), max_size=25),
)
def test_a_dictionary_set_finds_what_each_dictionary_finds_and_what_the_contract_says(
    dictionaries, words
):
    tokens = tokenize(" ".join(words))
    built = [build(entries) for entries in dictionaries]
    together = DictionarySet(built).match_tokens(tokens)
    assert len(together) == len(built)
    for entries, dictionary, hits in zip(dictionaries, built, together, strict=True):
        alone = dictionary.match_tokens(tokens)
        assert [tuple(h) for h in hits] == [tuple(h) for h in alone]
        assert sorted({(h.tok_start, h.tok_end, h.category) for h in hits}) == reference_hits(
            entries, tokens
        )


def test_a_dictionary_set_sees_patterns_added_after_it_was_made():
    d = Dictionary.from_patterns({"a": ["peace"]})
    both = DictionarySet([d, Dictionary.from_patterns({"b": ["talks"]})])
    tokens = tokenize("Peace treaty talks.")
    assert [[h.pattern for h in hits] for hits in both.match_tokens(tokens)] == [
        ["peace"],
        ["talks"],
    ]
    d.add("a", "peace treaty")  # what the set remembered about "Peace" is now wrong
    assert [[h.pattern for h in hits] for hits in both.match_tokens(tokens)] == [
        ["peace treaty"],
        ["talks"],
    ]


def test_a_lexicon_in_the_project_that_links_outside_it_is_refused(tmp_path, monkeypatch):
    root = tmp_path / "project"
    lexicons = root / "data" / "lexicons"
    lexicons.mkdir(parents=True)
    outside = write(tmp_path, "words.yml", "categories:\n  a: [war]\n")
    monkeypatch.setattr("helpers.paths.PROJECT_ROOT", root)
    monkeypatch.setattr("helpers.paths.LEXICONS_DIR", lexicons)
    (lexicons / "frames.yml").symlink_to(outside)
    for name in ("frames", lexicons / "frames.yml"):
        with pytest.raises(DictionaryError, match="symbolic link .* outside the project"):
            load_dictionary(name)
    with pytest.raises(DictionaryError, match="symbolic link"):
        load_actors(lexicons / "frames.yml")
    # The same file named where it really is: the user's choice, read.
    assert found(load_dictionary(outside), "war") == [("a", "war")]
    # A link that stays in the project is followed.
    (lexicons / "inside.yml").write_text("categories:\n  b: [talks]\n", encoding="utf-8")
    (lexicons / "alias.yml").symlink_to(lexicons / "inside.yml")
    assert found(load_dictionary("alias"), "talks") == [("b", "talks")]


def test_the_cheap_tests_before_matching_never_hide_a_hit():
    """``may_match`` and ``first_words`` let callers skip matching a stretch of words; a
    stretch they rule out must have no hit at all (of the category, for first_words)."""
    from helpers.corpus import load_article
    from helpers.text import split_sentences, tokenize

    speakers, agents = load_dictionary("speakers"), load_dictionary("agents")
    text = load_article("japan-russia-peace-talks").text
    text += " A Western diplomat who asked not to be named said former minister Ruiz spoke."
    sentences = split_sentences(text)["text"].tolist()
    ruled_out = 0
    for sentence in sentences:
        tokens = tokenize(sentence)
        for d in (speakers, agents):
            d.match_tokens(tokens)  # what the set remembers of each token
        for a in range(len(tokens)):
            for b in range(a + 1, min(len(tokens), a + 7) + 1):
                window = tokens[a:b]
                for d in (speakers, agents):
                    if not d.may_match(window):
                        ruled_out += 1
                        assert d.match_tokens(window) == [], (sentence, a, b)
                for category in ("anonymous/explicit", "former"):
                    firsts = speakers.first_words(category)
                    if not any(t.norm in firsts for t in window):
                        hits = speakers.match_tokens(window)
                        assert category not in {h.category for h in hits}, (sentence, a, b)
    assert ruled_out > 1000  # the tests do rule out most stretches
    assert speakers.first_words("anonymous/explicit") >= {"asked", "spoke", "on", "anonymous"}
    assert Dictionary.from_patterns({"a": ["war*"]}).first_words("a") is None  # a glob: open
