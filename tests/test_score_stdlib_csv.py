"""``score`` reads CSV and TSV without pandas (issue 20): the same bytes out, the same errors.

Each file is scored twice: as ``score`` does now (the csv module, see
:mod:`helpers.io.csv_rows`) and through pandas' reader, which it replaced; the
outputs must be the same bytes, and bad files must fail with the same words.
"""

from __future__ import annotations

import pytest

from helpers import score
from helpers.errors import InputError
from helpers.score import score_file
from helpers.sentiment import TargetColumns

# The ``counting`` fixture (conftest.py): a hand-checkable analysis, counting_analysis.py.


def through_pandas(monkeypatch):
    """Make ``score`` read CSV and TSV with pandas, as it did before."""
    read_chunks = score.read_chunks

    def with_frames(*args, **kwargs):
        kwargs["frames"] = True
        return read_chunks(*args, **kwargs)

    monkeypatch.setattr(score, "read_chunks", with_frames)


def both_ways(monkeypatch, source, tmp_path, out=None, **options) -> tuple:
    """The bytes ``score`` writes (or its error) without and with pandas."""
    results = []
    for name in ("stdlib", "pandas"):
        if name == "pandas":
            through_pandas(monkeypatch)
        target = tmp_path / f"out-{name}{out or source.suffix}"
        try:
            score_file(source, target, **options)
            results.append(target.read_bytes())
        except InputError as exc:
            assert not target.exists()
            results.append((str(exc), exc.where, exc.fix))
    return tuple(results)


TRICKY = {
    "quotes and line breaks": 'id,text,note\n1,"Tokyo said: ""no"", firmly.\nThen left.",x\n'
    '2,Plain text!,"a,b"\n3,"",\n4,x"y"z,q\n',
    "windows lines, a mark, blank lines": "\ufeffid,text\r\n1,Talks resume!\r\n\r\n2,No!\r\n",
    "short rows and spaces": "id,text,note\n1, Spaced text \n  \n2\n\t\n3,Last!,n\n",
    "repeated and empty names": "id,text,text,\n1,Talks!,again,\n2,More,x,y\n",
    "a lone carriage return": "id,text\r1,Talks!\r\r2,More\r",
    "no end of line": "id,text\n1,Talks stall!",
}


@pytest.mark.parametrize("content", TRICKY.values(), ids=TRICKY.keys())
@pytest.mark.parametrize(("suffix", "chunk_rows"), [(".csv", 2_000), (".csv", 1), (".tsv", 2)])
def test_tricky_files_are_scored_to_the_same_bytes(
    monkeypatch, tmp_path, counting, content, suffix, chunk_rows
):
    if suffix == ".tsv":
        content = content.replace(",", "\t")
    source = tmp_path / f"in{suffix}"
    source.write_bytes(content.encode("utf-8"))
    stdlib, pandas = both_ways(
        monkeypatch, source, tmp_path, analyses=counting, chunk_rows=chunk_rows
    )
    assert isinstance(stdlib, bytes)
    assert stdlib == pandas


@pytest.mark.parametrize(
    ("suffix", "out"), [(".tsv", ".csv"), (".csv", ".tsv"), (".csv", ".jsonl")]
)
def test_another_output_format_gives_the_same_bytes(monkeypatch, tmp_path, counting, suffix, out):
    content = TRICKY["quotes and line breaks"]
    source = tmp_path / f"in{suffix}"
    source.write_text(content.replace(",", "\t") if suffix == ".tsv" else content, "utf-8")
    stdlib, pandas = both_ways(monkeypatch, source, tmp_path, out=out, analyses=counting)
    assert isinstance(stdlib, bytes)
    assert stdlib == pandas


def test_ids_dates_and_targets_give_the_same_bytes(monkeypatch, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "text,date,id,target,start,end\n"
        '"Russia warned Japan, firmly.",2022-03-22,a1,Japan,,\n'
        "Tokyo condemned Moscow's move.,,a2,Moscow,15,21\n"
        "\n"
        "Talks in Geneva resumed.,2024-05-02T10:00:00Z,a3,,,\n",
        encoding="utf-8",
    )
    targets = TargetColumns("target", "", "start", "end")
    options = {"analyses": ("sentiment",), "id_column": "id", "date_column": "date"}
    stdlib, pandas = both_ways(
        monkeypatch, source, tmp_path, targets=targets, chunk_rows=2, **options
    )
    assert isinstance(stdlib, bytes) and stdlib.startswith(b"id,text,date")
    assert stdlib == pandas


def test_every_analysis_in_two_jobs_gives_the_same_bytes(monkeypatch, tmp_path):
    source = tmp_path / "in.tsv"
    rows = ["Russia warned Japan that the talks were over.", "Moscow 'welcomes' the deal!"] * 3
    source.write_text("text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    stdlib, pandas = both_ways(monkeypatch, source, tmp_path, jobs=2, chunk_rows=2)
    assert stdlib == pandas


TARGETS = {"analyses": ("sentiment",), "targets": TargetColumns("target", "", "start", "end")}
BAD = {
    "empty": (b"", {}),
    "no header": (b"\n \n", {}),
    "header only": (b"id,text\n", {}),
    "no text column": (b"id,body\n1,x\n", {}),
    "extra fields": (b"id,text\n1,x\n2,y,z\n", {}),
    "a quote left open": (b'id,text\n1,"x\n', {}),
    "Windows-1252": (b"id,text\n1,caf\xe9\n", {}),
    "an output column": (b"id,text,words\n1,x,2\n", {}),
    "empty id": (b"id,text\n1,x\n ,y\n", {"id_column": "id"}),
    "bad date": (b"id,text,date\n1,x,2022-02-30\n", {"date_column": "date"}),
    "no target column": (b"id,text\n1,x\n", TARGETS),
    "bad offsets": (b"id,text,target,start,end\n1,Tokyo,Tokyo,0,99\n", TARGETS),
}


@pytest.mark.parametrize(("content", "options"), BAD.values(), ids=BAD.keys())
def test_bad_files_fail_with_the_same_words(monkeypatch, tmp_path, counting, content, options):
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    options = {"analyses": counting, "chunk_rows": 1, **options}
    stdlib, pandas = both_ways(monkeypatch, source, tmp_path, **options)
    assert isinstance(stdlib, tuple)
    assert stdlib == pandas


def test_a_sentence_over_the_limit_fails_with_the_same_words(monkeypatch, tmp_path, counting):
    source = tmp_path / "in.csv"
    long_text = "w " * (score.MAX_UNIT_CHARS["sentence"] // 2 + 1)
    source.write_text(f'id,text\n1,short\n\n2,"{long_text}"\n', encoding="utf-8")
    stdlib, pandas = both_ways(monkeypatch, source, tmp_path, analyses=counting)
    assert isinstance(stdlib, tuple) and "row 3, line 4" in stdlib[1]
    assert stdlib == pandas


@pytest.mark.parametrize("rows_before", [3_000, 40_000])
def test_of_two_errors_the_same_one_is_found_first(monkeypatch, tmp_path, counting, rows_before):
    """Text that is not UTF-8 is found block by block as pandas finds it: within its first
    block of text it is found before a bad date on row 2, further down after it."""
    source = tmp_path / "in.csv"
    rows = "".join(f"{i},row {i},2022-01-01\n" for i in range(rows_before))
    source.write_bytes(
        b"id,text,date\n1,x,2022-02-30\n" + rows.encode() + b"1,caf\xe9,2022-01-01\n"
    )
    stdlib, pandas = both_ways(monkeypatch, source, tmp_path, analyses=counting, date_column="date")
    assert ("not UTF-8" in stdlib[0]) == (rows_before == 3_000)
    assert stdlib == pandas
