"""Tests of helpers.framing.dictionaries: one cache of the frame dictionaries for every path."""

from __future__ import annotations

import os
import shutil

from helpers import framing
from helpers.paths import lexicon_path
from helpers.score import score_texts
from helpers.text import segment, tokenize

TEXT = "The zebra grazed."


def _edit(path, after: str, new: str) -> None:
    """Add the pattern ``new`` after the first line holding ``after``; change size and time."""
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, f"{after}\n        - {new}", 1), encoding="utf-8")
    stat = path.stat()
    # A later modification time as well, should a file system keep coarse times.
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_an_edited_dictionary_reaches_the_tables_and_score(tmp_path, monkeypatch):
    copy = tmp_path / "frames_generic.yml"
    shutil.copyfile(lexicon_path("frames_generic"), copy)
    monkeypatch.setitem(framing.SCHEMES, "generic", str(copy))
    seg = segment(TEXT, doc_id="t")

    # Both paths compile (and cache) the copy as it is: no frame in the text.
    assert framing.frame_hits(seg, ["generic"]).empty
    assert score_texts([TEXT], ["framing"]).loc[0, "frame_conflict"] == 0
    assert framing.score_row(TEXT, tokenize(TEXT))["frame_conflict"] == 0

    _edit(copy, "        - disagree", "zebra")

    # The same running process sees the new word, whichever way it asks.
    hits = framing.frame_hits(seg, ["generic"])
    assert hits[["frame", "match"]].values.tolist() == [["conflict", "zebra"]]
    scored = score_texts([TEXT], ["framing"])
    assert scored.loc[0, "frame_conflict"] == 1
    assert scored.loc[0, "frames"] == "conflict"
    assert framing.score_row(TEXT, tokenize(TEXT))["frame_conflict"] == 1
    salience = framing.frame_salience(seg, hits, ["generic"]).set_index("frame")
    assert salience.loc["conflict", "hits"] == 1


def test_an_unchanged_dictionary_is_compiled_once():
    first = framing.score_dictionaries()[0]
    assert framing.score_dictionaries()[0] is first
    assert framing.dictionaries.builtin_dictionary(("generic", "policy")) is first
