"""Language resources are built offline from installed packages."""

from __future__ import annotations

import hashlib
import socket
import stat
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import resources
from helpers.errors import ResourceError


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network is disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_setup_builds_the_vader_lexicon_without_network(tmp_path, no_network):
    data = tmp_path / "nltk_data"
    result = resources.setup(data, verify=False)
    assert result["built"] is True
    archive = data / "sentiment" / "vader_lexicon.zip"
    with zipfile.ZipFile(archive) as z:
        member = z.read("vader_lexicon/vader_lexicon.txt")
    source = Path(sys.modules["vaderSentiment"].__file__).with_name("vader_lexicon.txt")
    assert hashlib.sha256(member).hexdigest() == hashlib.sha256(source.read_bytes()).hexdigest()
    info = result["vader_lexicon"]
    assert info["sha256"] == hashlib.sha256(member).hexdigest()
    assert info["entries"] > 7000 and info["version"] == "3.3.2"
    # NLTK refuses folders other accounts can write to; ours are private.
    for folder in (data, data / "sentiment"):
        assert not folder.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def test_setup_is_idempotent_and_repairs_a_damaged_file(tmp_path, no_network):
    data = tmp_path / "nltk_data"
    resources.setup(data, verify=False)
    assert resources.setup(data, verify=False)["built"] is False
    (data / "sentiment" / "vader_lexicon.zip").write_bytes(b"broken")
    assert resources.setup(data, verify=False)["built"] is True


def test_nltk_reads_the_lexicon_from_the_project_folder(no_network):
    resources.setup(verify=True)
    analyzer = resources.vader_analyzer()
    assert analyzer.polarity_scores("This is a terrible crisis.")["compound"] < 0
    import nltk

    assert nltk.data.path[0] == str(resources.NLTK_DATA_DIR)


def test_missing_lexicon_gives_one_clear_message(tmp_path):
    with pytest.raises(ResourceError) as error:
        resources.vader_lexicon_info(tmp_path / "empty")
    message = str(error.value)
    assert "vader_lexicon" in message and "python -m helpers setup" in message


def test_missing_source_package_is_named(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "vaderSentiment", None)
    with pytest.raises(ResourceError, match="vaderSentiment"):
        resources.setup(tmp_path / "x", verify=False)


def test_kernel_points_at_this_interpreter():
    path = resources.install_kernel()
    assert sys.executable in (Path(path) / "kernel.json").read_text()
