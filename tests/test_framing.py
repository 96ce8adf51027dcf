"""Tests of helpers.framing on short texts written here, with hand-worked expectations."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import framing
from helpers.errors import DictionaryError, InputError, ParameterError
from helpers.paths import LEXICONS_DIR
from helpers.text import segment, tokenize

MY_LEXICONS = [
    "frames_generic",
    "frames_policy",
    "history",
    "naming",
    "entman",
    "episodic_thematic",
]


def row(text: str) -> dict:
    return framing.score_row(text, tokenize(text))


def hits_for(text: str, **kwargs) -> pd.DataFrame:
    return framing.frame_hits(segment(text, doc_id="t"), **kwargs)


# -- generic frames: one positive and one negative text per frame -------------------------


@pytest.mark.parametrize(
    ("frame", "positive", "negative"),
    [
        ("conflict", "Japan and Russia clashed over the islands.", "The ministers met in Geneva."),
        (
            "human_interest",
            "Refugee families wept as they fled.",
            "The ministry issued a statement.",
        ),
        (
            "economic",
            "Sanctions will cost exporters billions of yen.",
            "The ministers met in Geneva.",
        ),
        ("morality", "It is a moral question, the church says.", "The ministers met in Geneva."),
        (
            "responsibility",
            "The government is responsible for the crisis.",
            "The ministers met in Geneva.",
        ),
    ],
)
def test_each_generic_frame_positive_and_negative(frame, positive, negative):
    assert row(positive)[f"frame_{frame}"] >= 1
    assert row(negative)[f"frame_{frame}"] == 0


def test_world_war_ii_as_a_proper_name_is_not_a_conflict_frame():
    # "war" inside the proper name is covered by the `_proper_names` suppressor.
    for text in (
        "The islands were seized in the closing days of World War II.",
        "Post-World War II Japan relies on foreign might.",
        "Washington watched the World War II-era's Western Front.",
        "The Cold War ended in 1991.",
    ):
        scores = row(text)
        assert scores["frame_conflict"] == 0, text
        assert scores["policy_security_defence"] == 0, text
    # Without the numeral it speaks of a possible war, which is conflict talk.
    assert row("Russia could draw America into another World War.")["frame_conflict"] == 1


def test_conflict_hit_is_tied_to_its_question():
    hits = hits_for("Russia condemned the meeting.", schemes=["generic"])
    assert hits[["frame", "question_id", "match"]].values.tolist() == [
        ["conflict", "q2_reproach", "condemned"]
    ]


def test_recommendation_to_a_government_is_responsibility_to_everyone_is_morality():
    # Leftmost-longest matching: "we should" wins over the bare "should".
    to_government = row("Washington should pay attention.")
    assert to_government["frame_responsibility"] == 1
    assert to_government["frame_morality"] == 0
    to_everyone = row("We should pay attention.")
    assert to_everyone["frame_morality"] == 1
    assert to_everyone["frame_responsibility"] == 0


def test_must_read_is_not_a_recommendation():
    assert row("Here are more must-read stories.")["frame_responsibility"] == 0


# -- policy frames ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frame", "positive"),
    [
        ("legality", "The court ruled the move illegal."),
        ("security_defence", "Troops and warships gathered near the border."),
        ("external_regulation", "The ambassador attended the summit."),
        ("economic", "Inflation raised prices."),
        ("political", "Voters punished the party in the election."),
        ("health_safety", "The hospital treated the wounded."),
    ],
)
def test_policy_frames_positive(frame, positive):
    assert row(positive)[f"policy_{frame}"] >= 1
    assert row("The cat sat on the mat.")[f"policy_{frame}"] == 0


def test_policy_other_is_a_residual_and_never_counted():
    assert row("Anything at all happened on the mat.")["policy_other"] == 0
    assert "policy_other" in framing.COLUMNS


def test_columns_and_score_row_order():
    assert framing.COLUMNS[0] == "frames"
    assert framing.COLUMNS[1:6] == (
        "frame_conflict",
        "frame_human_interest",
        "frame_economic",
        "frame_morality",
        "frame_responsibility",
    )
    assert len([c for c in framing.COLUMNS if c.startswith("policy_")]) == 15
    # The scores of the generic frames come last, in the order of their counts.
    assert framing.COLUMNS[-5:] == tuple(f"{c}_score" for c in framing.COLUMNS[1:6])
    scores = row("Japan and Russia clashed.")
    assert tuple(k for k in scores if not k.startswith("_")) == framing.COLUMNS
    assert scores["frames"] == "conflict"
    # One of conflict's four questions answered (a sentence saturates it): the better
    # half of the four answers is 1 and 0, so 1/2.
    assert scores["frame_conflict_score"] == 0.5
    assert scores["frame_economic_score"] == 0.0


def test_frames_column_lists_generic_then_policy_names():
    scores = row("The war raised prices.")
    # war: conflict q1 and security; prices: economic q2 and policy economic.
    assert scores["frames"] == "conflict;economic;policy_economic;policy_security_defence"


def test_aggregate_rows_sums_counts_and_recomputes_names():
    rows = [row("Japan and Russia clashed."), row("Prices rose."), row("Nothing here.")]
    total = framing.aggregate_rows(rows, [5, 3, 3])
    assert total["frame_conflict"] == 1
    assert total["frame_economic"] == 1
    # 1 hit in 11 tokens saturates a question: the better half of conflict's four answers
    # is 1 and 0, of economic's three answers 1 and 0: both 1/2.
    assert total["frame_conflict_score"] == 0.5
    assert total["frame_economic_score"] == 0.5
    # Present: the generic frames whose score reaches its threshold; policy economic, one
    # question answered in full (1 hit in 11 tokens), reaches the unmeasured threshold 0.5.
    expected = [
        name
        for name, score in (("conflict", 0.25), ("economic", 1 / 3))
        if score >= framing.DEFAULT_THRESHOLDS[name]
    ]
    assert total["frames"] == ";".join([*expected, "policy_economic"])
    assert tuple(total) == framing.COLUMNS
    assert framing.aggregate_rows([], [])["frames"] == ""


# -- salience, dominant frame, question sheet ---------------------------------------------


def test_salience_is_hand_worked():
    # 12 tokens: "Japan and Russia clashed ." (5) "They disagreed ." (3) "Both must act ." (4)
    seg = segment("Japan and Russia clashed. They disagreed. Both must act.", doc_id="t")
    hits = framing.frame_hits(seg, schemes=["generic"])
    limits = {"conflict": 0.2, "responsibility": 0.1}
    sal = framing.frame_salience(seg, hits, schemes=["generic"], thresholds=limits)
    sal = sal.set_index("frame")
    assert sal.loc["conflict", "hits"] == 2
    assert sal.loc["conflict", "sentences"] == 2
    assert sal.loc["conflict", "share_sentences"] == pytest.approx(2 / 3)
    assert sal.loc["conflict", "per_1000_tokens"] == pytest.approx(2 / 12 * 1000)
    # Both hits answer q1 (disagreement), far above saturation: 1 of 4 questions, the
    # better half (1, 0) gives 1/2.
    assert sal.loc["conflict", "score"] == pytest.approx(0.5)
    assert sal.loc["conflict", "threshold"] == 0.2
    # "must": q3, 1 of 5 questions; the better half is the three best answers (1, 0, 0)
    assert sal.loc["responsibility", "hits"] == 1
    assert sal.loc["responsibility", "score"] == pytest.approx(1 / 3)
    assert sal.loc["morality", "hits"] == 0
    assert sal.loc["morality", "score"] == 0
    assert not sal.loc["morality", "present"]
    assert sal.loc["conflict", "present"] and sal.loc["responsibility", "present"]
    assert sal.loc["conflict", "dominant"]
    assert not sal.loc["responsibility", "dominant"]
    assert framing.dominant_frame(sal.reset_index(), "generic") == "conflict"
    # MIN_HITS 2: a question needs two hits; responsibility's only one is not enough.
    strict = framing.frame_salience(
        seg, hits, schemes=["generic"], min_hits=2, thresholds=limits
    ).set_index("frame")
    assert strict.loc["conflict", "present"] and not strict.loc["responsibility", "present"]
    assert strict.loc["responsibility", "score"] == 0


def test_no_frame_no_dominant():
    seg = segment("The cat sat on the mat.", doc_id="t")
    sal = framing.frame_salience(
        seg, framing.frame_hits(seg, schemes=["generic"]), schemes=["generic"]
    )
    assert framing.dominant_frame(sal, "generic") == ""
    assert not sal["dominant"].any()


def test_codebook_has_the_20_questions_of_semetko_and_valkenburg():
    catalog = framing.frame_catalog(["generic"])
    counts = catalog.groupby("frame")["question_id"].count().to_dict()
    assert counts == {
        "conflict": 4,
        "human_interest": 5,
        "economic": 3,
        "morality": 3,
        "responsibility": 5,
    }
    assert catalog["question"].str.startswith(("Does", "Is")).all()


def test_question_sheet_suggests_with_evidence(tmp_path):
    seg = segment("Russia condemned the meeting. The cat sat.", doc_id="t")
    sheet = framing.question_sheet(seg)
    assert len(sheet) == 20
    assert list(sheet.columns) == list(framing.QUESTION_SHEET_COLUMNS)
    q2 = sheet.set_index("question_id").loc["q2_reproach"]
    assert q2["suggested"] == "yes"
    assert q2["evidence_sent_ids"] == "0"
    assert "Russia condemned the meeting." in q2["evidence"]
    assert "condemned" in q2["evidence_matches"]
    q1 = sheet.set_index("question_id").loc["q1_disagreement"]
    assert q1["suggested"] == "no" and q1["evidence_sent_ids"] == "" and q1["n_hits"] == 0
    assert (sheet["coder_answer"] == "").all() and (sheet["coder_note"] == "").all()


def test_question_sheet_round_trips_through_csv(tmp_path):
    seg = segment("Russia condemned the meeting, and the families wept. Talks; prices.", doc_id="t")
    sheet = framing.question_sheet(seg)
    path = framing.write_question_sheet(sheet, tmp_path / "sheet.csv")
    back = framing.read_question_sheet(path)
    pd.testing.assert_frame_equal(back, sheet)
    # A coder's answers survive, and are normalised.
    edited = pd.read_csv(path, dtype=str, keep_default_na=False)
    edited.loc[0, "coder_answer"] = " Yes "
    edited.loc[0, "coder_note"] = "agree, clear reproach"
    edited.to_csv(path, index=False)
    back = framing.read_question_sheet(path)
    assert back.loc[0, "coder_answer"] == "yes"
    assert back.loc[0, "coder_note"] == "agree, clear reproach"


def test_read_question_sheet_refuses_bad_answers_and_columns(tmp_path):
    seg = segment("Russia condemned the meeting.", doc_id="t")
    path = framing.write_question_sheet(framing.question_sheet(seg), tmp_path / "s.csv")
    edited = pd.read_csv(path, dtype=str, keep_default_na=False)
    edited.loc[3, "coder_answer"] = "maybe"
    edited.to_csv(path, index=False)
    with pytest.raises(InputError, match="line 5"):
        framing.read_question_sheet(path)
    edited.drop(columns=["coder_note"]).to_csv(path, index=False)
    with pytest.raises(InputError, match="coder_note"):
        framing.read_question_sheet(path)


# -- Entman's four functions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "function", "cue", "actor_text"),
    [
        (
            "Frustrated by Japan's sanctions, Moscow ended the talks.",
            "causal_attribution",
            "Frustrated by",
            "Japan",
        ),
        (
            "Washington should pay attention to the Pacific.",
            "treatment_recommendation",
            "should",
            "Washington",
        ),
        ("Tokyo called the decision unacceptable.", "moral_evaluation", "unacceptable", "Tokyo"),
        ("The dispute with Russia is a problem.", "problem_definition", "dispute", "Russia"),
    ],
)
def test_entman_function_with_cue_and_actor(text, function, cue, actor_text):
    table = framing.entman_functions(segment(text, doc_id="t"))
    found = table[table["function"] == function]
    assert len(found) >= 1, table
    first = found.iloc[0]
    assert first["match"] == cue
    assert text[first["start"] : first["end"]] == cue
    assert first["actor_text"] == actor_text


def test_entman_negative():
    table = framing.entman_functions(segment("Ministers met in Geneva on a sunny day.", doc_id="t"))
    assert table.empty
    assert list(table.columns) == list(framing.ENTMAN_COLUMNS)


# -- history -------------------------------------------------------------------------------


def refs(text: str) -> pd.DataFrame:
    return framing.historical_references(segment(text, doc_id="t"))


def test_history_points_to_years():
    table = refs(
        "The Cold War is over. Moscow and Tokyo made a 1956 declaration of peace. "
        "Russia wants to rebuild the former Soviet Union, if not the Russian Empire. "
        "Active fighting ended in 1953."
    )
    got = {m: (s, e) for m, s, e in table[["match", "year_start", "year_end"]].values.tolist()}
    assert got["Cold War"] == (1947, 1991)
    assert got["1956 declaration"] == (1956, 1956)
    assert got["former Soviet Union"] == (1922, 1991)
    assert got["Russian Empire"] == (1721, 1917)
    assert got["1953"] == (1953, 1953)
    assert len(table) == 5  # the year inside "1956 declaration" is not counted twice


def test_fronts_take_the_world_war_named_nearby_or_stay_ambiguous():
    table = refs("Washington watched the World War II-era's Western Front.")
    front = table[table["match"] == "Western Front"].iloc[0]
    assert (front["year_start"], front["year_end"]) == (1939, 1945)
    assert "World War II" in front["resolved_by"]
    alone = refs("Putin could move at the Eastern Front.")
    front = alone[alone["match"] == "Eastern Front"].iloc[0]
    assert (front["year_start"], front["year_end"]) == (1914, 1945)
    assert front["resolved_by"].startswith("ambiguous")


def test_history_negative_and_money_is_not_a_year():
    assert refs("Prices rose by 2000 dollars and 1999 people came.").empty


# -- naming --------------------------------------------------------------------------------


def test_naming_reports_sides_and_counts():
    seg = segment(
        "In Russia they are the Kurils; in Japan, the Northern Territories. The Kurils are cold.",
        doc_id="t",
    )
    summary = framing.naming_summary(framing.naming_choices(seg))
    kuril = summary[summary["dispute_id"] == "kuril_islands"].set_index("side_id")
    assert kuril.loc["russian", "count"] == 2
    assert kuril.loc["japanese", "count"] == 1
    assert kuril.loc["russian", "share"] == pytest.approx(2 / 3)
    assert kuril.loc["descriptive", "count"] == 0
    assert (kuril["leaning"] == "Russian").all()


def test_generic_names_need_their_context():
    seg = segment(
        "Russia calls its invasion of Ukraine a special military operation. "
        "The war of attrition in the Pacific worried Japan.",
        doc_id="t",
    )
    table = framing.naming_choices(seg)
    war = table[table["dispute_id"] == "ukraine_war"]
    assert sorted(war["side_id"]) == ["russian_official", "ukrainian_western"]
    assert set(war["sent_id"]) == {0}


def test_naming_tie_is_mixed():
    summary = framing.naming_summary(
        framing.naming_choices(segment("Kyiv, or Kiev, is the capital.", doc_id="t"))
    )
    assert (summary["leaning"] == "mixed").all()


# -- episodic / thematic ---------------------------------------------------------------------


def test_episodic_and_thematic_paragraphs():
    text = (
        "On Monday, Mr. Sato visited Tokyo and met the press.\n\n"
        "Over time, government policy has increasingly relied on the alliance."
    )
    table = framing.episodic_thematic(segment(text, doc_id="t")).set_index("para_id")
    assert table.loc[0, "label"] == "episodic"
    assert table.loc[0, "episodic"] >= 3
    assert table.loc[1, "label"] == "thematic"
    assert table.loc[1, "score"] > 0 > table.loc[0, "score"]
    assert "Monday" in table.loc[0, "episodic_evidence"]


def test_paragraph_without_cues_is_none():
    table = framing.episodic_thematic(segment("The cat sat on the mat.", doc_id="t"))
    assert table.loc[0, "label"] == "none"
    assert table.loc[0, "score"] == 0


# -- exploration aids, highlighting, user dictionaries ----------------------------------------


def test_cooccurrence_and_arc():
    seg = segment("The war raised prices. Russia condemned it. Nothing.", doc_id="t")
    hits = framing.frame_hits(seg, schemes=["generic"])
    matrix = framing.cooccurrence(hits)
    assert matrix.loc["conflict", "economic"] == 1 == matrix.loc["economic", "conflict"]
    assert matrix.loc["conflict", "conflict"] == 2
    arc = framing.frame_arc(seg, hits)
    assert list(arc["sent_id"]) == [0, 1, 2]
    assert arc["conflict"].tolist() == [1, 1, 0]


def test_highlighted_html_escapes_the_article():
    text = "<script>alert(1)</script> The war began. <b>bold</b>"
    seg = segment(text, doc_id="t")
    html = framing.highlight_frames(seg, framing.frame_hits(seg), title="<i>t</i>")
    assert "<script>" not in html and "<b>" not in html and "<i>t" not in html
    assert "&lt;script&gt;" in html
    assert ">war</mark>" in html


def test_kwic_and_collocations_pass_through():
    seg = segment("Japan imposed sanctions. Russia hates sanctions.", doc_id="t")
    table = framing.kwic(seg, "sanction*", window=2)
    assert table["keyword"].tolist() == ["sanctions", "sanctions"]


def test_user_dictionary_quanteda_yaml(tmp_path):
    path = tmp_path / "threat.yml"
    path.write_text(yaml.safe_dump({"threat": ["danger*", "threat*"], "calm": ["calm*"]}))
    seg = segment("The danger grew. All was calm. Threats followed.", doc_id="t")
    hits = framing.frame_hits(seg, schemes=[], custom=str(path))
    assert hits["frame"].tolist() == ["threat", "calm", "threat"]
    assert set(hits["frame_key"]) == {"custom_threat", "custom_calm"}
    sal = framing.frame_salience(seg, hits, schemes=[], custom=str(path)).set_index("frame")
    assert sal.loc["threat", "hits"] == 2 and sal.loc["threat", "dominant"]
    sheet = framing.question_sheet(seg, hits, schemes=[], custom=str(path))
    assert sheet["suggested"].tolist() == ["yes", "yes"]


def test_user_dictionary_liwc(tmp_path):
    path = tmp_path / "threat.dic"
    path.write_text("%\n1\tthreat\n2\tcalm\n%\ndanger*\t1\nthreat*\t1\ncalm\t2\n")
    seg = segment("The danger grew. All was calm.", doc_id="t")
    hits = framing.frame_hits(seg, schemes=["generic"], custom=str(path))
    assert {"custom_threat", "custom_calm"} <= set(hits["frame_key"])
    sal = framing.frame_salience(seg, hits, schemes=["generic"], custom=str(path))
    assert {"generic", "custom"} == set(sal["scheme"])


def test_bad_parameters_get_clear_errors(tmp_path):
    seg = segment("War.", doc_id="t")
    with pytest.raises(ParameterError, match="bogus"):
        framing.frame_hits(seg, schemes=["bogus"])
    with pytest.raises(ParameterError, match="MIN_HITS"):
        framing.frame_salience(seg, framing.frame_hits(seg), min_hits=0)
    with pytest.raises(DictionaryError):
        framing.frame_hits(seg, custom=str(tmp_path / "missing.yml"))


# -- the lexicon files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", MY_LEXICONS)
def test_every_lexicon_cites_its_source_and_explains_categories(name):
    data = yaml.safe_load((LEXICONS_DIR / f"{name}.yml").read_text(encoding="utf-8"))
    assert len(data["meta"]["source"]) > 40
    for top, body in data["categories"].items():
        assert isinstance(body, dict) and ("note" in body), f"{name}: {top} lacks a note"
        if not top.startswith("_"):
            assert "source" in body or "source" in data["meta"], f"{name}: {top}"


# -- one engine pass for both schemes gives the same counts as separate passes ------------


_COUNTS = tuple(c for c in framing.COLUMNS[1:] if not c.endswith("_score"))


def _separate_counts(tokens) -> dict:
    """Per-frame counts from one pass per scheme (the definition one pass must reproduce)."""
    from helpers.lexicons import load_dictionary

    counts = dict.fromkeys(_COUNTS, 0)
    for scheme, prefix in (("generic", "frame_"), ("policy", "policy_")):
        spans = set()
        for hit in load_dictionary(framing.SCHEMES[scheme]).match_tokens(tokens):
            spans.add((prefix + hit.category.split("/", 1)[0], hit.start))
        for column, _ in spans:
            counts[column] += 1
    return counts


def _phrases(name):
    from helpers.lexicons import load_dictionary

    for entry in load_dictionary(name).entries:
        # Wildcards stand for letters; a sample word is enough to test the phrase.
        sample = entry.pattern.replace("*", "s").replace("?", "e")
        if len(tokenize(sample)) > 1:
            yield sample


def test_a_phrase_of_one_scheme_hides_nothing_of_the_other():
    texts = [p for name in ("frames_generic", "frames_policy") for p in _phrases(name)]
    # Phrases that overlap (the end of one is the start of another) are joined, too.
    tails = {}
    for text in texts:
        tails.setdefault(tokenize(text)[0].norm, []).append(text)
    joined = []
    for text in texts:
        last = tokenize(text)[-1]
        for other in tails.get(last.norm, []):
            joined.append(text[: last.start] + other)
    for text in texts + joined:
        tokens = tokenize(text)
        got = framing.score_row(text, tokens)
        counts = {k: v for k, v in got.items() if k in _COUNTS}
        assert counts == _separate_counts(tokens), text


def test_built_in_frame_lexicons_are_case_insensitive():
    # The one-pass dictionary copies patterns without their case flag.
    for name in ("frames_generic", "frames_policy"):
        text = (LEXICONS_DIR / f"{name}.yml").read_text(encoding="utf-8")
        assert "case_sensitive: true" not in text


_WORDS = (
    "war World War II Cold the of and Russia Japan sanctions prices should we must-read "
    "talks peace families moral church trade stand-off off-ramp blame crisis court troops "
    "Kurils Northern Territories 1956 declaration , ; . ! ?"
).split()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_score_rows_add_up_to_the_salience_table(words):
    # The fast scorer and the evidence tables must tell the same story.
    text = " ".join(words)
    seg = segment(text, doc_id="t")
    hits = framing.frame_hits(seg)
    for start, end, match in hits[["start", "end", "match"]].itertuples(index=False):
        assert text[start:end] == match
    rows = [
        framing.score_row(s, tokens)
        for s, tokens in zip(seg.sentences["text"], seg.tokens, strict=True)
    ]
    total = framing.aggregate_rows(rows, [max(1, len(tokens)) for tokens in seg.tokens])
    salience = framing.frame_salience(seg, hits).set_index("frame_key")
    for column in _COUNTS:
        key = column[len("frame_") :] if column.startswith("frame_") else column
        assert total[column] == salience["hits"].get(key, 0), column
    # The same scores and the same decisions (the score is written with 4 decimals).
    for name in framing.GENERIC_FRAMES:
        assert total[f"frame_{name}_score"] == round(salience.loc[name, "score"], 4), name
    present = salience.index[salience["present"]]
    assert total["frames"] == ";".join(k for k in salience.index if k in set(present))


def test_policy_tables_list_all_15_dimensions_other_without_suggestion():
    seg = segment("The court ruled. Troops moved.", doc_id="t")
    hits = framing.frame_hits(seg, schemes=["policy"])
    salience = framing.frame_salience(seg, hits, schemes=["policy"]).set_index("frame")
    assert list(salience.index) == list(framing.POLICY_FRAMES)
    assert salience.loc["other", "hits"] == 0 and not salience.loc["other", "present"]
    sheet = framing.question_sheet(seg, hits, schemes=["policy"]).set_index("frame")
    assert sheet.loc["other", "suggested"] == ""
    assert sheet.loc["legality", "suggested"] == "yes"


def test_entman_summary_covers_the_four_functions():
    seg = segment(
        "Frustrated by Japan's sanctions, Moscow ended the talks. Washington should pay attention.",
        doc_id="t",
    )
    summary = framing.entman_summary(framing.entman_functions(seg)).set_index("function")
    assert list(summary.index) == [
        "problem_definition",
        "causal_attribution",
        "moral_evaluation",
        "treatment_recommendation",
    ]
    assert summary.loc["causal_attribution", "present"]
    assert summary.loc["causal_attribution", "matches"] == "Frustrated by"
    assert summary.loc["treatment_recommendation", "sentences"] == 1
    assert not summary.loc["moral_evaluation", "present"]
    assert summary.loc["moral_evaluation", "cues"] == 0


def test_history_summary_orders_eras_and_counts_mentions():
    table = framing.history_summary(
        refs("Another World War looms. The Cold War, World War II and the Cold War again.")
    )
    assert table["era"].tolist() == ["World War II", "Cold War", "another world war"]
    assert table["mentions"].tolist() == [1, 2, 1]
    assert framing.history_summary(refs("Nothing old here.")).empty


def test_figures_draw_with_and_without_hits():
    import matplotlib

    matplotlib.use("Agg")
    from helpers.plots import framing as plots

    for text in ("The war raised prices. Kurils, not the Northern Territories.", "Hello there."):
        seg = segment(text, doc_id="t")
        hits = framing.frame_hits(seg)
        figures = [
            plots.plot_salience(framing.frame_salience(seg, hits)),
            plots.plot_cooccurrence(framing.cooccurrence(hits)),
            plots.plot_arc(framing.frame_arc(seg, hits)),
            plots.plot_episodic_thematic(framing.episodic_thematic(seg)),
            plots.plot_naming(framing.naming_summary(framing.naming_choices(seg))),
        ]
        assert all(len(figure.axes) >= 1 for figure in figures)
        scales = plots.plot_frame_scales(framing.question_sheet(seg, hits))
        # One bar per generic frame, its height the frame's score.
        bars = [patch.get_width() for patch in scales.axes[0].patches]
        expected = framing.frame_salience(seg, hits, ["generic"])["score"].tolist()
        assert bars == pytest.approx(expected)
        matplotlib.pyplot.close("all")


# -- episodic / thematic: the time frame and generality against single events (issue 17) ----


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A long-running war's toll: "killed" over a span of years is no single episode.
        (
            "The war, which has killed 10,000 people since 2014, shows no sign of ending.",
            "thematic",
        ),
        ("For decades, the dispute has poisoned relations.", "thematic"),
        ("Forty percent of voters back the plan, a survey found.", "thematic"),
        # A bare percentage is one day's figure, not a generalisation.
        ("Shares fell 3% on Tuesday.", "episodic"),
        ("A missile killed two people in Kharkiv on Monday.", "episodic"),
    ],
)
def test_episodic_thematic_weighs_the_time_frame(text, label):
    table = framing.episodic_thematic(segment(text, doc_id="t"))
    assert table.loc[0, "label"] == label, table.loc[0].to_dict()


def test_a_bare_percentage_is_no_thematic_evidence():
    table = framing.episodic_thematic(segment("Prices rose 3%.", doc_id="t"))
    assert "%" not in table.loc[0, "thematic_evidence"]


def test_an_event_verb_counts_when_no_span_of_time_is_named():
    killed = framing.episodic_thematic(segment("Shelling killed two people.", doc_id="t"))
    assert killed.loc[0, "episodic_evidence"] == "killed"
    toll = framing.episodic_thematic(
        segment("Shelling has killed thousands since 2014.", doc_id="t")
    )
    assert "killed" not in toll.loc[0, "episodic_evidence"]
    assert "since 2014" in toll.loc[0, "thematic_evidence"]
