"""The project's own actors file, read with the shipped list by every analysis (issue 15)."""

from __future__ import annotations

import csv
import textwrap

import pytest

from helpers.actors import load_actors, use_project_actors
from helpers.actors.loader import PROJECT_ACTORS_VARIABLE
from helpers.cli import main
from helpers.errors import DictionaryError
from helpers.text import tokenize

PROJECT = textwrap.dedent(
    """\
    actors:
      NUG:
        name: National Unity Government
        type: organisation
        aliases: [NUG]
      GRC:
        leaders:
          - name: Kyriakos Mitsotakis
            forms: [Kyriakos Mitsotakis, Mitsotakis]
            terms: [{role: prime minister, from: 2019-07-08}]
    roles:
      patterns: [investigators]
    """
)


@pytest.fixture()
def project(tmp_path):
    path = tmp_path / "project_actors.yml"
    path.write_text(PROJECT, encoding="utf-8")
    return path


def ids(actors, text):
    return [(m.actor_id, m.form) for m in actors.find(tokenize(text))]


def test_the_project_file_adds_actors_leaders_and_roles(project):
    actors = load_actors(project=project)
    assert ids(actors, "The National Unity Government said") == [("NUG", "organisation")]
    assert ids(actors, "Mitsotakis told parliament") == [("GRC", "leader")]
    assert ids(actors, "Moldovan investigators said") == [("MDA", "institution")]
    # The shipped list is still there.
    assert ids(actors, "Russia and Greece") == [("RUS", "name"), ("GRC", "name")]
    # Without the project file, none of it.
    assert ids(load_actors("actors"), "Mitsotakis told parliament") == []


def test_a_project_file_cannot_rename_a_known_actor(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("actors:\n  GRC:\n    name: Hellas\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"GRC is in the main list already.*line 3"):
        load_actors(project=path)


def test_the_default_list_reads_the_environments_file_else_the_projects(
    project, tmp_path, monkeypatch
):
    monkeypatch.setenv(PROJECT_ACTORS_VARIABLE, str(project))
    assert ("GRC", "leader") in ids(load_actors(), "Mitsotakis said")
    monkeypatch.delenv(PROJECT_ACTORS_VARIABLE)
    monkeypatch.setattr("helpers.actors.loader.PROJECT_ACTORS", tmp_path / "missing.yml")
    assert ids(load_actors(), "Mitsotakis said") == []
    monkeypatch.setattr("helpers.actors.loader.PROJECT_ACTORS", project)
    assert ("GRC", "leader") in ids(load_actors(), "Mitsotakis said")


def test_score_actors_file_reaches_every_analysis(project, tmp_path, monkeypatch):
    monkeypatch.delenv(PROJECT_ACTORS_VARIABLE, raising=False)
    source = tmp_path / "in.csv"
    source.write_text("text\nMitsotakis said Greece was concerned.\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(target), "--actors", str(project)]) == 0
    with open(target, encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["speaker"] == "Greece"
    assert row["speaker_text"] == "Mitsotakis"


def test_a_bad_actors_file_for_score_is_one_line_and_status_2(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(PROJECT_ACTORS_VARIABLE, raising=False)
    bad = tmp_path / "bad.yml"
    bad.write_text("actors:\n  GRC:\n    type: ngo\n", encoding="utf-8")
    source = tmp_path / "in.csv"
    source.write_text("text\nHello.\n", encoding="utf-8")
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv"), "--actors", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.yml" in err[0]
    assert not (tmp_path / "o.csv").exists()


def test_use_project_actors_checks_then_sets(project, monkeypatch):
    monkeypatch.delenv(PROJECT_ACTORS_VARIABLE, raising=False)
    assert use_project_actors(project) == project.resolve()
    import os

    assert os.environ[PROJECT_ACTORS_VARIABLE] == str(project.resolve())


def test_score_actors_file_reaches_the_jobs_workers(project, tmp_path, monkeypatch):
    """Each --jobs worker reads the project's actors file: a row scored in a worker
    names the same speaker as with --jobs 1, and the bytes are the same."""
    monkeypatch.delenv(PROJECT_ACTORS_VARIABLE, raising=False)
    source = tmp_path / "in.csv"
    rows = ["Mitsotakis said Greece was concerned."] * 6
    source.write_text("text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.csv"
        argv = ["score", str(source), "-o", str(target), "--actors", str(project)]
        assert main(argv + ["--jobs", jobs, "--chunk-rows", "2"]) == 0
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    with open(tmp_path / "out2.csv", encoding="utf-8", newline="") as handle:
        assert {row["speaker"] for row in csv.DictReader(handle)} == {"Greece"}
