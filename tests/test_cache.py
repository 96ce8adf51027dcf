"""The disk cache of compiled lexicons (helpers.cache): read back only what is still valid.

Each test points the cache at its own folder, so nothing here touches the
project's ``.cache`` or depends on what another test left there.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
import time

import pytest

from helpers import cache
from helpers.lexicons import clear_cache, load_dictionary
from helpers.text import tokenize


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setattr(cache, "CACHE_DIR", where)
    monkeypatch.delenv("DDN_CACHE", raising=False)
    return where


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value = value
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.value


def source(tmp_path, text="peace\nwar\n", name="words.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_call_reads_the_entry_instead_of_building(tmp_path, folder):
    path = source(tmp_path)
    build = Builds({"peace": 1, "war": -1})
    first = cache.cached("words", [path], build)
    second = cache.cached("words", [path], build)
    assert first == second == {"peace": 1, "war": -1}
    assert build.calls == 1
    assert second is not first  # read back from the file, not kept in memory
    assert len(list(folder.glob("*.pickle"))) == 1


def test_an_edited_source_is_built_again_and_replaces_its_old_entry(tmp_path, folder):
    path = source(tmp_path)
    assert cache.cached("words", [path], lambda: path.read_text().split()) == ["peace", "war"]
    path.write_text("peace\nwar\ntruce\n", encoding="utf-8")
    build = Builds("rebuilt")
    assert cache.cached("words", [path], build) == "rebuilt"
    assert build.calls == 1
    assert len(list(folder.glob("*.pickle"))) == 1  # the old version was removed


def test_a_change_of_code_or_of_extra_is_a_new_key(tmp_path, folder, monkeypatch):
    path = source(tmp_path)
    build = Builds("v")
    cache.cached("words", [path], build)
    cache.cached("words", [path], build, extra=("policy",))
    assert build.calls == 2
    cache.code_version.cache_clear()
    monkeypatch.setattr(cache, "code_version", lambda: "another version of the code")
    cache.cached("words", [path], build)
    assert build.calls == 3


def test_an_edited_lexicon_file_of_the_project_is_a_new_key(tmp_path, folder, monkeypatch):
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "other.yml").write_text("a: [b]\n", encoding="utf-8")
    monkeypatch.setattr(cache, "LEXICONS_DIR", lexicons)
    path = source(tmp_path)
    build = Builds("v")
    cache.cached("words", [path], build)
    cache.cached("words", [path], build)
    assert build.calls == 1
    (lexicons / "other.yml").write_text("a: [b, c]\n", encoding="utf-8")
    cache.cached("words", [path], build)
    assert build.calls == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"not a pickle at all"),
        lambda path: path.write_bytes(path.read_bytes()[:20]),  # cut short
        lambda path: path.write_bytes(pickle.dumps(("another key", "stale value"))),
        lambda path: path.write_bytes(pickle.dumps("no key at all")),
    ],
    ids=["garbage", "truncated", "foreign-key", "wrong-shape"],
)
def test_a_corrupt_or_foreign_entry_is_built_again(tmp_path, folder, damage):
    path = source(tmp_path)
    cache.cached("words", [path], lambda: "good")
    (entry,) = folder.glob("*.pickle")
    damage(entry)
    build = Builds("good")
    assert cache.cached("words", [path], build) == "good"
    assert build.calls == 1
    assert cache.cached("words", [path], Builds("unused")) == "good"  # and stored again


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(cache, "CACHE_DIR", blocker / "cache")
    build = Builds("value")
    path = source(tmp_path)
    assert cache.cached("words", [path], build) == "value"
    assert cache.cached("words", [path], build) == "value"
    assert build.calls == 2


def test_an_unpicklable_result_is_used_but_not_kept(tmp_path, folder):
    path = source(tmp_path)
    value = [lambda: None]
    assert cache.cached("words", [path], lambda: value) is value
    assert not list(folder.glob("*.pickle")) if folder.exists() else True


def test_ddn_cache_off_builds_every_time(tmp_path, folder, monkeypatch):
    monkeypatch.setenv("DDN_CACHE", "off")
    build = Builds("v")
    path = source(tmp_path)
    cache.cached("words", [path], build)
    cache.cached("words", [path], build)
    assert build.calls == 2
    assert not folder.exists()


def test_errors_of_the_build_propagate_and_nothing_is_stored(tmp_path, folder):
    path = source(tmp_path)

    def fails():
        raise ValueError("bad line 3")

    with pytest.raises(ValueError, match="bad line 3"):
        cache.cached("words", [path], fails)
    assert not list(folder.glob("*.pickle")) if folder.exists() else True


def test_the_oldest_entries_go_beyond_the_limit(tmp_path, folder, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for number in range(6):
        path = source(tmp_path, name=f"file{number}.txt")
        cache.cached("words", [path], lambda n=number: n)
        entry = max(folder.glob("*.pickle"), key=os.path.getmtime)
        os.utime(entry, (1_000_000 + number, 1_000_000 + number))  # written in this order
    names = sorted(p.name.split("-")[1] for p in folder.glob("*.pickle"))
    assert names == ["file3", "file4", "file5"]


def test_a_read_marks_an_entry_used_only_when_its_mark_is_old(tmp_path, folder):
    path = source(tmp_path)
    cache.cached("words", [path], lambda: 1)
    (entry,) = folder.glob("*.pickle")
    recent = time.time() - cache.TOUCH_AFTER_SECONDS / 2
    os.utime(entry, (recent, recent))
    assert cache.cached("words", [path], lambda: 2) == 1
    assert os.path.getmtime(entry) == pytest.approx(recent)  # no write for a fresh mark
    old = time.time() - 2 * cache.TOUCH_AFTER_SECONDS
    os.utime(entry, (old, old))
    assert cache.cached("words", [path], lambda: 2) == 1
    assert os.path.getmtime(entry) > recent  # an old one is marked used: _prune keeps it


def test_clear_removes_every_entry(tmp_path, folder):
    cache.cached("words", [source(tmp_path)], lambda: 1)
    assert cache.clear() == 1
    assert not list(folder.glob("*.pickle"))


def _hits(dictionary, text):
    return [
        (h.category, h.pattern, h.start, h.end) for h in dictionary.match_tokens(tokenize(text))
    ]


@pytest.mark.parametrize("name", ["frames_generic", "events", "stance", "sentiment_domain"])
def test_a_dictionary_read_back_matches_as_the_freshly_compiled_one(folder, name):
    texts = [
        "Talks on the peace treaty were suspended after the missile strikes and sanctions.",
        "The minister strongly condemned the attack but welcomed the ceasefire talks.",
        "Officials said the trade war hurt farmers, and the summit ended without a deal.",
    ]
    clear_cache()
    fresh = load_dictionary(name)  # compiled, and stored
    clear_cache()
    again = load_dictionary(name)  # read back from the disk cache
    clear_cache()
    assert again is not fresh
    assert again.categories == fresh.categories and again.entries == fresh.entries
    for text in texts:
        assert _hits(again, text) == _hits(fresh, text)


CHILD = textwrap.dedent(
    """
    import json, sys
    from helpers.score import score_texts
    table = score_texts(sys.argv[1:])
    print(table.to_json(orient="records"))
    """
)


def test_a_new_process_scores_the_same_from_the_cache_as_without_it(tmp_path):
    """The whole score path, cold (DDN_CACHE=off), then twice with a fresh cache folder:
    the second run reads every compiled lexicon back."""
    texts = [
        "Tokyo called the decision completely unacceptable.",
        "Russia warned Japan that the peace talks were over, officials said.",
        "The EU imposed tariffs on Chinese electric cars; Beijing vowed to retaliate.",
    ]

    def run(**env):
        done = subprocess.run(
            [sys.executable, "-c", CHILD, *texts],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    folder = str(tmp_path / "fresh-cache")
    cold = run(DDN_CACHE="off")
    first = run(DDN_CACHE_DIR=folder)
    assert list((tmp_path / "fresh-cache").glob("*.pickle"))
    second = run(DDN_CACHE_DIR=folder)
    assert cold == first == second


def test_the_actors_compiled_with_their_agents_are_kept_in_the_disk_cache(folder):
    """The actors' key joins several files (actors.yml|agents.yml): each is a source
    whose content is hashed, so the compiled actors are stored and read back."""
    from helpers.actors.loader import load_actors

    clear_cache()
    fresh = load_actors()
    assert any(entry.name.startswith("actors-actors-") for entry in folder.iterdir())
    clear_cache()
    again = load_actors()
    clear_cache()
    assert again is not fresh
