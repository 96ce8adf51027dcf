"""The `score` command: formats, units, streaming, bad input, parallel paths.

A tiny analysis defined in this module (word counts) checks the plumbing with
hand-worked values; the real analyses are checked at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import counting_analysis
from helpers import score, score_command
from helpers.errors import InputError
from helpers.score import score_file, score_texts

# The ``counting`` fixture (conftest.py): a hand-checkable analysis, counting_analysis.py.


def write_csv(path, texts, **extra):
    pd.DataFrame({"id": range(len(texts)), "text": texts, **extra}).to_csv(path, index=False)
    return path


def test_sentence_unit_keeps_input_columns_and_adds_scores(tmp_path, counting):
    source = write_csv(tmp_path / "in.csv", ["One two!", 'A "quoted, text"\nwith newline', ""])
    target = tmp_path / "out.csv"
    assert score_file(source, target, analyses=counting) == 3
    out = pd.read_csv(target, keep_default_na=False)
    assert list(out.columns) == ["id", "text", "words", "bangs"]
    assert out["words"].tolist() == [2, 5, 0]
    assert out["bangs"].tolist() == [1, 0, 0]
    assert out["text"][1] == 'A "quoted, text"\nwith newline'


def test_document_unit_segments_and_aggregates(tmp_path, counting):
    source = write_csv(tmp_path / "in.csv", ["One two! Three four five.\n\nSix!!"])
    target = tmp_path / "out.csv"
    score_file(source, target, unit="document", analyses=counting)
    out = pd.read_csv(target)
    assert out[["words", "bangs", "n_sentences"]].values.tolist() == [[6, 2, 3]]


@pytest.mark.parametrize("suffix", [".tsv", ".jsonl"])
def test_tsv_and_jsonl_in_and_out(tmp_path, counting, suffix):
    texts = ["Alpha beta.", "Gamma\tdelta!"]
    if suffix == ".tsv":
        source = tmp_path / "in.tsv"
        pd.DataFrame({"text": ["Alpha beta.", "Gamma delta!"]}).to_csv(
            source, sep="\t", index=False
        )
    else:
        source = tmp_path / "in.jsonl"
        source.write_text(
            "".join(json.dumps({"text": t, "k": i}) + "\n" for i, t in enumerate(texts))
        )
    target = tmp_path / f"out{suffix}"
    score_file(source, target, analyses=counting)
    if suffix == ".tsv":
        out = pd.read_csv(target, sep="\t")
    else:
        out = pd.read_json(target, lines=True)
    assert out["words"].tolist() == [2, 2]


def test_chunks_are_written_in_order(tmp_path, counting):
    texts = [" ".join(["w"] * (i % 7)) for i in range(95)]
    source = write_csv(tmp_path / "in.csv", texts)
    target = tmp_path / "out.csv"
    score_file(source, target, analyses=counting, chunk_rows=10)
    out = pd.read_csv(target)
    assert out["id"].tolist() == list(range(95))
    assert out["words"].tolist() == [i % 7 for i in range(95)]


def test_local_processes_give_the_same_output(tmp_path, counting):
    source = write_csv(tmp_path / "in.csv", [f"word {i} here!" for i in range(50)])
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    score_file(source, one, analyses=counting, chunk_rows=7)
    score_file(source, two, analyses=counting, chunk_rows=7, jobs=2)
    assert one.read_text() == two.read_text()


# -- bad input: a clear error and no output file ------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "empty"),
        ("header.csv", b"text\n", "no rows"),
        ("latin.csv", "text\ncaf\u00e9 cr\u00e8me\n".encode("latin-1"), "not UTF-8"),
        ("nocol.csv", b"body\nhello\n", "no column 'text'"),
        ("bad.jsonl", b'{"text": "ok"}\n{"text": oops}\n{"text": "fine"}\n', "line 2"),
        ("list.jsonl", b'{"text": "ok"}\n[1, 2]\n', "line 2"),
        ("nofield.jsonl", b'{"text": "ok"}\n{"body": "x"}\n', "line 2"),
        ("table.xlsx", b"PK", "spreadsheet files .* not supported"),
    ],
)
def test_bad_input_is_refused_without_partial_output(tmp_path, counting, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    target = tmp_path / "out.csv"
    with pytest.raises(InputError, match=message):
        score_file(source, target, analyses=counting, chunk_rows=1)
    assert not target.exists()
    assert list(tmp_path.glob(".out.csv*")) == []


def test_bad_line_late_in_a_file_leaves_no_output(tmp_path, counting):
    lines = [json.dumps({"text": f"row {i}"}) for i in range(30)] + ["not json"]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    target = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match="line 31"):
        score_file(source, target, analyses=counting, chunk_rows=5)
    assert not target.exists()


def test_refuses_to_overwrite_input_or_shadow_columns(tmp_path, counting):
    source = write_csv(tmp_path / "in.csv", ["a"])
    with pytest.raises(InputError, match="overwrite"):
        score_file(source, source, analyses=counting)
    clash = write_csv(tmp_path / "clash.csv", ["a"], words=[1])
    with pytest.raises(InputError, match="already has"):
        score_file(clash, tmp_path / "out.csv", analyses=counting)


def test_unknown_analysis_and_unit(tmp_path):
    source = write_csv(tmp_path / "in.csv", ["a"])
    with pytest.raises(InputError, match="unknown analysis"):
        score_file(source, tmp_path / "o.csv", analyses=("nope",))
    with pytest.raises(InputError, match="unknown unit"):
        score_file(source, tmp_path / "o.csv", unit="paragraph")


def test_command_line_reports_errors_in_one_line(tmp_path):
    source = write_csv(tmp_path / "in.csv", ["a"])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpers",
            "score",
            str(source),
            "-o",
            str(tmp_path / "o.csv"),
            "--text-column",
            "body",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: no column 'body'")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o.csv").exists()


# -- the real analyses --------------------------------------------------------------


def test_real_analyses_add_their_documented_columns(tmp_path):
    source = write_csv(
        tmp_path / "in.csv",
        ["Japan called the decision “completely unacceptable.”", "Talks went well."],
    )
    target = tmp_path / "out.csv"
    score_file(source, target)
    out = pd.read_csv(target)
    for column in [
        "sentiment",
        "sentiment_raw",
        "pos",
        "neu",
        "neg",
        "frames",
        "frame_conflict",
        "hedges",
        "intensity",
        "event",
        "goldstein",
    ]:
        assert column in out.columns
    assert out["sentiment"][0] < 0


def test_score_texts_matches_the_command(tmp_path):
    texts = ["Russia warned Japan.", "Peace is good."]
    table = score_texts(texts, analyses=("sentiment",))
    source = write_csv(tmp_path / "in.csv", texts)
    score_file(source, tmp_path / "out.csv", analyses=("sentiment",))
    out = pd.read_csv(tmp_path / "out.csv")
    assert out["sentiment"].round(4).tolist() == table["sentiment"].round(4).tolist()


def test_refused_input_creates_no_output_folder(tmp_path, counting):
    source = write_csv(tmp_path / "in.csv", ["a"])
    target = tmp_path / "new" / "folder" / "out.csv"
    with pytest.raises(InputError):
        score_file(source, target, text_column="body", analyses=counting)
    assert not (tmp_path / "new").exists()


def test_a_dask_cluster_gives_the_same_output(tmp_path):
    from dask.distributed import LocalCluster

    texts = [
        f"Talks {i} went well." if i % 2 else f"Russia warned Japan {i} times!" for i in range(30)
    ]
    source = write_csv(tmp_path / "in.csv", texts)
    local, remote = tmp_path / "local.csv", tmp_path / "remote.csv"
    score_file(source, local, analyses=("sentiment",), chunk_rows=7)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        score_file(
            source,
            remote,
            analyses=("sentiment",),
            chunk_rows=7,
            scheduler=cluster.scheduler_address,
        )
    assert local.read_text() == remote.read_text()


def test_one_matching_pass_gives_what_each_analysis_finds_on_its_own():
    """``score`` matches every analysis's dictionaries together and hands each its
    hits; the rows must equal each module's ``score_row`` matching alone."""
    from importlib import import_module

    from helpers.corpus import load_article
    from helpers.text import tokenize

    written = [
        "Tokyo said the decision was completely unacceptable.",
        "Talks were suspended by Moscow, officials said, after sanctions over the war.",
        "Biden pledged that he would not join, and Japan may protest: “we regret it.”",
        "",
    ]
    seed = load_article("japan-russia-peace-talks").text.split("\n")[:40]
    texts = written + [line for line in seed if line.strip()]
    table = score_texts(texts)
    for name, module_name in score.ANALYSES.items():
        module = import_module(module_name)
        for i, text in enumerate(texts):
            alone = module.score_row(text, tokenize(text))
            together = {column: table.at[i, column] for column in module.COLUMNS}
            # (a row may carry keys for aggregate_rows that are not written: AGGREGATE_KEYS)
            assert together == {column: alone[column] for column in module.COLUMNS}, (name, text)


def _pandas_would_write(source, sep, analyses):
    table = pd.read_csv(source, sep=sep, dtype=str, keep_default_na=False)
    return table.join(score_texts(table["text"].tolist(), analyses)).to_csv(sep=sep, index=False)


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_written_bytes_are_what_pandas_would_write(tmp_path, suffix):
    """Sentence scores read from CSV or TSV go straight to the csv module, for
    speed; the file must be, byte for byte, what pandas' ``to_csv`` writes."""
    texts = [
        'Russia warned Japan, "firmly", that talks were over.',
        "a tab\there; Japan may protest",
        "line\nbreak\r\nand a lone\rreturn",
        "",
        "   ",
        "Ünïcödé — “completely unacceptable,” ‘they’ said",
        "nan",
        "0.5",
    ]
    sep = "\t" if suffix == ".tsv" else ","
    source = tmp_path / f"in{suffix}"
    pd.DataFrame(
        {"id": range(len(texts)), "text": texts, "note": ['x,y\t"z"'] * len(texts)}
    ).to_csv(source, sep=sep, index=False)
    target = tmp_path / f"out{suffix}"
    score_file(source, target, chunk_rows=3)
    assert target.read_bytes() == _pandas_would_write(source, sep, score.ANALYSES).encode()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=5))
def test_any_text_is_written_as_pandas_would(tmp_path, texts):
    source = tmp_path / "any.csv"
    pd.DataFrame({"text": texts}).to_csv(source, index=False)
    target = tmp_path / "any_out.csv"
    score_file(source, target, analyses=("sentiment",))
    assert target.read_bytes() == _pandas_would_write(source, ",", ("sentiment",)).encode()


# -- issue 12: limits and bad values --------------------------------------------------------


def test_public_names_stay_importable():
    from helpers.score import (  # noqa: F401
        ANALYSES,
        output_columns,
        read_chunks,
        score_file,
        score_texts,
    )

    assert list(ANALYSES) == ["sentiment", "framing", "diplomacy"]


def test_a_row_with_extra_fields_is_refused_not_shifted(tmp_path, counting):
    source = tmp_path / "in.csv"
    source.write_text("id,text\n1,Tokyo condemns.,extra,more\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    with pytest.raises(InputError, match="line 2 has 4 fields"):
        score_file(source, target, analyses=counting)
    assert not target.exists()


def test_a_sentence_row_over_its_limit_suggests_the_document_unit(tmp_path, counting):
    limit = score.MAX_UNIT_CHARS["sentence"]
    long_text = ("Talks stall. " * (limit // 13 + 1))[: limit + 1]
    source = write_csv(tmp_path / "in.csv", ["short", long_text])
    target = tmp_path / "out.csv"
    with pytest.raises(InputError) as info:
        score_file(source, target, analyses=counting)
    message = str(info.value)
    assert "row 3" in message and "'text'" in message and "--unit document" in message
    assert not target.exists()
    # as documents the same rows are split into sentences, which bounds the work
    assert score_file(source, target, analyses=counting, unit="document") == 2


def test_a_document_over_a_million_characters_is_refused(tmp_path, counting):
    assert score.MAX_UNIT_CHARS["document"] == 1_000_000
    source = write_csv(tmp_path / "in.csv", ["w " * 500_001])
    with pytest.raises(InputError, match="1,000,002 characters"):
        score_file(source, tmp_path / "out.csv", analyses=counting, unit="document")


def test_jsonl_text_values_that_are_not_strings(tmp_path, counting):
    source = tmp_path / "in.jsonl"
    rows = [{"text": 5}, {"text": None}, {"text": True}, {"text": "Two words"}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    score_file(source, target, analyses=counting)
    out = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["text"] for r in out] == ["5", "", "true", "Two words"]
    assert [r["words"] for r in out] == [0, 0, 1, 2]
    source.write_text(json.dumps({"text": {"body": "Tokyo"}}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        score_file(source, tmp_path / "out2.jsonl", analyses=counting)


@pytest.mark.parametrize(("option", "value"), [("jobs", 0), ("jobs", -1), ("jobs", 1000)])
def test_jobs_out_of_range_are_refused(tmp_path, counting, option, value):
    from helpers.errors import ParameterError

    source = write_csv(tmp_path / "in.csv", ["a", "b"])
    with pytest.raises(ParameterError, match="--jobs"):
        score_file(source, tmp_path / "out.csv", analyses=counting, **{option: value})
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("value", [0, -3])
def test_chunk_rows_below_one_are_refused(tmp_path, counting, value):
    from helpers.errors import ParameterError

    source = write_csv(tmp_path / "in.csv", ["a", "b"])
    with pytest.raises(ParameterError, match="--chunk-rows"):
        score_file(source, tmp_path / "out.csv", analyses=counting, chunk_rows=value)


# An analysis that kills the worker process scoring "die": the pool breaks.
_PARENT = os.getpid()


def _dying_row(text, tokens, _count=counting_analysis.score_row):
    if text == "die" and os.getpid() != _PARENT:
        os._exit(3)
    return _count(text, tokens)


def test_a_worker_that_dies_is_reported_not_hung_on(tmp_path, monkeypatch, counting):
    from helpers.errors import WorkerError

    monkeypatch.setattr(counting_analysis, "score_row", _dying_row)
    source = write_csv(tmp_path / "in.csv", [f"row {i}" for i in range(20)] + ["die"])
    target = tmp_path / "out.csv"
    with pytest.raises(WorkerError, match="stopped"):
        score_file(source, target, analyses=counting, chunk_rows=3, jobs=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


# -- issue 20: parallel scoring that scales ---------------------------------------------


def _news_texts(n: int) -> list[str]:
    from helpers.corpus import load_article

    sentences = [s for s in load_article("japan-russia-peace-talks").text.split(". ") if s]
    extra = ["", "   ", 'He said "no," then: “never!”', "Ünïcödé — ‘they’ said\nagain"]
    pool = sentences + extra
    return [pool[i % len(pool)] for i in range(n)]


@pytest.mark.parametrize(
    ("suffix", "unit"), [(".csv", "sentence"), (".tsv", "sentence"), (".jsonl", "sentence"),
                         (".csv", "document")],
)  # fmt: skip
def test_parallel_output_is_byte_identical_to_one_process(tmp_path, suffix, unit):
    """Every analysis, several chunks, two worker processes: the same bytes as --jobs 1."""
    texts = _news_texts(60)
    if unit == "document":
        texts = [" ".join(texts[i : i + 6]) for i in range(0, len(texts), 6)]
    table = pd.DataFrame({"id": range(len(texts)), "text": texts, "note": ["x,y"] * len(texts)})
    source = tmp_path / f"in{suffix}"
    if suffix == ".jsonl":
        table.to_json(source, orient="records", lines=True, force_ascii=False)
    else:
        table.to_csv(source, sep="\t" if suffix == ".tsv" else ",", index=False)
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    assert score_file(source, one, unit=unit, chunk_rows=4) == len(texts)
    assert score_file(source, two, unit=unit, chunk_rows=4, jobs=2) == len(texts)
    assert one.read_bytes() == two.read_bytes()


# An analysis that says which process scored each row.
def _pid_row(text, tokens):
    return {"words": os.getpid(), "bangs": 0}


def test_workers_start_once_and_take_chunk_after_chunk(tmp_path, monkeypatch, counting):
    monkeypatch.setattr(counting_analysis, "score_row", _pid_row)
    source = write_csv(tmp_path / "in.csv", [f"row {i}" for i in range(60)])
    target = tmp_path / "out.csv"
    score_file(source, target, analyses=counting, chunk_rows=3, jobs=2)
    pids = pd.read_csv(target)["words"].tolist()
    assert os.getpid() not in pids  # every chunk went to a worker
    assert len(set(pids)) <= 2  # 20 chunks, two processes: not one process per chunk
    # each worker scores whole chunks; the last one alone is cut and shared (_even_tail)
    assert all(len(set(pids[i : i + 3])) == 1 for i in range(0, 57, 3))


def test_a_single_chunk_is_scored_without_starting_workers(tmp_path, monkeypatch, counting):
    from helpers import workers

    def refuse(*args, **kwargs):
        raise AssertionError("workers started for one chunk")

    monkeypatch.setattr(counting_analysis, "score_row", _pid_row)
    monkeypatch.setattr(workers.LocalWorkers, "__init__", refuse)
    source = write_csv(tmp_path / "in.csv", ["one row", "two rows"])
    score_file(source, tmp_path / "out.csv", analyses=counting, jobs=2)
    assert set(pd.read_csv(tmp_path / "out.csv")["words"]) == {os.getpid()}


def test_dictionaries_are_compiled_before_the_workers_fork(tmp_path, monkeypatch):
    """The workers inherit what the parent compiled (fork) instead of compiling it
    each: when the pool starts, the parent holds every analysis's dictionaries."""
    from helpers import workers
    from helpers.framing.dictionaries import _combine
    from helpers.lexicons import clear_cache, loaders
    from helpers.sentiment.vader import engine

    clear_cache()
    engine.cache_clear()
    _combine.cache_clear()
    seen = {}
    real_init = workers.LocalWorkers.__init__

    def init(self, *args, **kwargs):
        seen["compiled"] = {kind for kind, _ in loaders._CACHE}
        seen["names"] = {
            name.rsplit("/", 1)[-1] for _, path in loaders._CACHE for name in path.split("|")
        }
        seen["vader"] = engine.cache_info().currsize
        seen["frames"] = _combine.cache_info().currsize  # framing's combined schemes
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(workers.LocalWorkers, "__init__", init)
    source = write_csv(tmp_path / "in.csv", _news_texts(12))
    score_file(source, tmp_path / "out.csv", chunk_rows=4, jobs=2)
    assert seen["compiled"] == {"dictionary", "actors"}
    assert {"events.yml", "actors.yml", "agents.yml"} <= seen["names"]
    assert seen["vader"] == 1
    assert seen["frames"] == 1


def test_the_command_uses_every_usable_core_by_default(tmp_path, monkeypatch, counting):
    from helpers import cli

    calls = []
    monkeypatch.setattr(score_command, "score_file", lambda *a, **k: calls.append(k["jobs"]) or 0)
    monkeypatch.setattr(score_command, "usable_cores", lambda: 3)
    source = write_csv(tmp_path / "in.csv", ["a"])
    assert cli.main(["score", str(source), "-o", str(tmp_path / "o.csv")]) == 0
    assert cli.main(["score", str(source), "-o", str(tmp_path / "o.csv"), "--jobs", "1"]) == 0
    assert calls == [3, 1]


def test_parallel_tone_toward_a_target_is_byte_identical(tmp_path):
    from helpers.sentiment import TargetColumns

    texts = _news_texts(40)
    who = ["Russia", "Japan", "Tokyo", "the talks"]
    source = tmp_path / "in.csv"
    pd.DataFrame({"text": texts, "who": [who[i % 4] for i in range(40)]}).to_csv(
        source, index=False
    )
    targets = TargetColumns(column="who")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    score_file(source, one, analyses=("sentiment",), chunk_rows=6, targets=targets)
    score_file(source, two, analyses=("sentiment",), chunk_rows=6, targets=targets, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert "target_sentiment" in one.read_text().splitlines()[0]


def _collector_running() -> bool:
    import gc

    return gc.isenabled()


def test_workers_collect_garbage_after_each_chunk_not_during_it():
    """In a worker the cyclic collector runs once per chunk (helpers.workers._run_chunk):
    automatic passes are off there, and a cycle a chunk leaves behind is still freed."""
    import gc
    import weakref

    from helpers import workers

    pool = workers.LocalWorkers(_collector_running, 3)  # more workers than cores
    try:
        assert [pool.result(pool.submit()) for _ in range(4)] == [False] * 4
    finally:
        pool.close(True)
    assert gc.isenabled()  # the parent's collector is untouched

    class Node:
        pass

    refs = []

    def leave_a_cycle():
        node = Node()
        node.self = node
        refs.append(weakref.ref(node))

    was = gc.isenabled()
    gc.disable()
    try:
        workers._run_chunk(leave_a_cycle)
        assert refs[0]() is None
    finally:
        if was:
            gc.enable()


def test_the_collector_is_paused_while_a_batch_is_scored_and_on_again_after(monkeypatch):
    import gc

    seen = []
    real = score._score_units

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(score, "_score_units", spy)
    monkeypatch.setattr(score, "BATCH_ROWS", 2)
    assert gc.isenabled()
    rows = score_texts(["Talks failed.", "Peace returned.", "War broke out."], ["sentiment"])
    assert len(rows) == 3 and seen == [False, False]  # two batches, each with it paused
    assert gc.isenabled()

    def fails(*args, **kwargs):
        raise RuntimeError("analysis broke")

    monkeypatch.setattr(score, "_score_units", fails)
    with pytest.raises(RuntimeError):
        score_texts(["Talks failed."], ["sentiment"])
    assert gc.isenabled()  # on again after an error too
    gc.disable()
    try:
        monkeypatch.setattr(score, "_score_units", spy)
        score_texts(["Talks failed."], ["sentiment"])
        assert not gc.isenabled()  # a caller's choice to keep it off is kept
    finally:
        gc.enable()


def test_an_analysis_with_score_rows_scores_a_batch_in_one_call(monkeypatch):
    import helpers.diplomacy as diplomacy

    calls = []
    real = diplomacy.score_rows

    def spy(units, tokens, hits, dates):
        calls.append(len(units))
        return real(units, tokens, hits, dates)

    monkeypatch.setattr(diplomacy, "score_rows", spy)
    monkeypatch.setattr(score, "BATCH_ROWS", 3)
    texts = ["Russia halted the talks.", "Japan protested.", "It rained.", "China abstained."]
    rows = score_texts(texts, ["diplomacy"])
    assert calls == [3, 1]
    assert list(rows["cameo"])[0] == "164"


def test_the_command_freezes_what_it_loaded_and_a_library_call_does_not(tmp_path):
    import gc

    source = write_csv(tmp_path / "in.csv", ["Russia halted the talks."])
    before = gc.get_freeze_count()
    score_file(source, tmp_path / "lib.csv", analyses=["sentiment"])
    assert gc.get_freeze_count() == before  # a notebook kernel keeps its collector as it was
    program = (
        "import gc, sys; from helpers.score import score_file; "
        f"score_file({str(source)!r}, {str(tmp_path / 'cmd.csv')!r}, analyses=['sentiment'], "
        "ends_after=True); "
        "print(gc.get_freeze_count(), gc.isenabled())"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    frozen, enabled = done.stdout.split()
    assert int(frozen) > 10_000 and enabled == "True"  # what it loaded, out of the passes
    assert (tmp_path / "cmd.csv").read_bytes() == (tmp_path / "lib.csv").read_bytes()


def test_the_last_chunk_is_shared_among_the_workers_and_the_output_is_the_same(tmp_path):
    from helpers.io import Chunk

    chunks = [Chunk(["text"], [[str(i)] for i in range(k, k + 5)], k) for k in (0, 5, 10)]
    pieces = list(score._even_tail(iter(chunks), 4))
    assert [len(p) for p in pieces] == [5, 5, 1, 1, 1, 2]  # the last one cut in four
    assert [list(p.index) for p in pieces[2:]] == [[10], [11], [12], [13, 14]]
    alone = [Chunk(["text"], [["a"], ["b"]], 0)]
    assert [len(p) for p in score._even_tail(iter(alone), 4)] == [2]  # one chunk: left whole
    # Through the command, with DataFrames (JSON Lines) and with the csv module's chunks.
    texts = [f"Talks {i} resumed in Geneva." for i in range(23)]
    for suffix in (".csv", ".jsonl"):
        source = tmp_path / f"in{suffix}"
        if suffix == ".csv":
            write_csv(source, texts)
        else:
            source.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
        one, four = tmp_path / f"one{suffix}", tmp_path / f"four{suffix}"
        score_file(source, one, analyses=["sentiment"], chunk_rows=10)
        score_file(source, four, analyses=["sentiment"], chunk_rows=10, jobs=4)
        assert one.read_bytes() == four.read_bytes()
