"""Tests for helpers.provenance: what a report records, and when a fingerprint changes."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from helpers import provenance


@pytest.fixture
def lexicons(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "frames.yml").write_text("meta: {source: test}\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "extra.dic").write_text("%\n1 a\n%\n", encoding="utf-8")
    (folder / ".frames.yml.swp").write_text("editor junk", encoding="utf-8")
    monkeypatch.setattr(provenance.paths, "LEXICONS_DIR", folder)
    return folder


def test_file_sha256_matches_hashlib(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"peace treaty")
    assert provenance.file_sha256(path) == hashlib.sha256(b"peace treaty").hexdigest()


def test_lexicon_hashes_cover_nested_files_and_skip_hidden(lexicons):
    found = provenance.lexicon_hashes()
    assert sorted(found) == ["frames.yml", "sub/extra.dic"]
    assert found["frames.yml"] == hashlib.sha256(b"meta: {source: test}\n").hexdigest()


def test_package_versions_known_and_missing():
    versions = provenance.package_versions(["pandas", "definitely-not-installed-ddn"])
    import pandas

    assert versions["pandas"] == pandas.__version__
    assert versions["definitely-not-installed-ddn"] is None


def test_git_state_outside_a_repository_is_none(tmp_path):
    assert provenance.git_state(tmp_path) == {"commit": None, "dirty": None}


def test_article_info_from_path_id_and_object(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    file = articles / "talks.txt"
    file.write_bytes(b"Moscow ended the talks.")
    monkeypatch.setattr(provenance.paths, "ARTICLES_DIR", articles)
    expected = hashlib.sha256(b"Moscow ended the talks.").hexdigest()

    by_path = provenance.article_info(file)
    by_id = provenance.article_info("talks")
    by_object = provenance.article_info(
        SimpleNamespace(id="talks", text="Moscow ended the talks.", meta={})
    )
    assert by_path["id"] == by_id["id"] == by_object["id"] == "talks"
    assert by_path["sha256"] == by_id["sha256"] == by_object["sha256"] == expected
    assert by_object["text_sha256"] == expected  # same bytes, UTF-8
    unknown = provenance.article_info("not-there")
    assert unknown["sha256"] is None and unknown["id"] == "not-there"
    assert provenance.article_info(None) is None


def test_write_provenance_records_everything(tmp_path, lexicons, monkeypatch):
    monkeypatch.setattr(
        provenance,
        "vader_info",
        lambda: {"path": "/x/vader_lexicon.txt", "sha256": "f" * 64, "version": "3.3.2"},
    )
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")
    started = datetime.now(UTC) - timedelta(seconds=3)
    path = provenance.write_provenance(
        tmp_path / "out",
        notebook="02_sentiment",
        parameters={"THRESHOLD": 0.05, "DOMAIN_ADJUST": True},
        article=article,
        started=started,
    )
    assert path == tmp_path / "out" / "provenance.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["notebook"] == "02_sentiment"
    assert record["parameters"] == {"THRESHOLD": 0.05, "DOMAIN_ADJUST": True}
    assert record["article"]["id"] == "a"
    assert record["article"]["sha256"] == hashlib.sha256(b"Text.").hexdigest()
    assert sorted(record["lexicons"]) == ["frames.yml", "sub/extra.dic"]
    assert record["vader_lexicon"]["version"] == "3.3.2"
    assert record["packages"]["nltk"] is not None
    assert record["python"] == ".".join(map(str, sys.version_info[:3]))
    assert set(record["git"]) == {"commit", "dirty"}
    assert 2.5 <= record["seconds"] < 60
    assert record["started"] < record["finished"]
    # No temporary file left behind by the atomic write.
    assert [p.name for p in path.parent.iterdir()] == ["provenance.json"]


def test_vader_info_tolerates_missing_resources_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "helpers.resources", None)  # import now fails
    assert provenance.vader_info() is None


def _fp(nb, params, article=None, env=None):
    return provenance.fingerprint(
        notebook=nb, parameters=params, article=article, env=env or {"packages": {"a": "1"}}
    )


def test_fingerprint_changes_with_each_ingredient(tmp_path):
    nb = tmp_path / "01_x.ipynb"
    nb.write_text('{"cells": []}', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("one", encoding="utf-8")
    base = _fp(nb, {"T": 1}, art)
    assert base == _fp(nb, {"T": 1}, art)
    assert base != _fp(nb, {"T": 2}, art)
    assert base != _fp(nb, {"T": 1}, art, env={"packages": {"a": "2"}})
    art.write_text("two", encoding="utf-8")
    changed_article = _fp(nb, {"T": 1}, art)
    assert changed_article != base
    nb.write_text('{"cells": [1]}', encoding="utf-8")
    assert _fp(nb, {"T": 1}, art) != changed_article


def test_fingerprint_ignores_where_the_article_lives(tmp_path):
    nb = tmp_path / "01_x.ipynb"
    nb.write_text("{}", encoding="utf-8")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text("same", encoding="utf-8")
    (tmp_path / "two" / "a.txt").write_text("same", encoding="utf-8")
    assert _fp(nb, {}, tmp_path / "one" / "a.txt") == _fp(nb, {}, tmp_path / "two" / "a.txt")
