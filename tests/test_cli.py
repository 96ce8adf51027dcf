"""The command line: one-line errors, the segment command, setup."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from helpers.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True)


def test_segment_writes_the_sentence_table(tmp_path, short_article):
    target = tmp_path / "sentences.csv"
    assert main(["segment", str(short_article), "-o", str(target)]) == 0
    table = pd.read_csv(target)
    assert list(table.columns) == ["doc_id", "para_id", "sent_id", "start", "end", "text"]
    assert table["doc_id"].unique().tolist() == ["short-test"]


def test_segment_to_standard_output(short_article):
    result = run("segment", str(short_article))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "doc_id,para_id,sent_id,start,end,text"


def test_a_missing_article_is_one_line_and_status_2(tmp_path):
    result = run("segment", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.csv"))
    assert result.returncode == 2
    assert result.stderr.startswith("error:") and "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_setup_is_quick_to_repeat():
    result = run("setup")
    assert result.returncode == 0
    assert "already in place" in result.stdout
