"""Shared fixtures: prepared resources, the seed article, short articles written by tests."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from helpers import resources
from helpers.paths import ARTICLES_DIR

# Shared 2-core machines are slow at times: no deadlines, no "too slow" health check.
# Under `make test` (DDN_DERANDOMIZE=1) and on CI (CI=true) the examples are derandomized,
# so the README's test command gives the same verdict every run; a plain `pytest` keeps
# exploring new examples (that is how a soft hyphen alone on a line was found).
settings.register_profile(
    "ddn",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("CI") == "true" or os.environ.get("DDN_DERANDOMIZE") == "1",
)
settings.load_profile("ddn")

SEED_ID = "japan-russia-peace-talks"
SEED_PATH = ARTICLES_DIR / f"{SEED_ID}.txt"

SHORT_ARTICLE = textwrap.dedent(
    """\
    ---
    id: short-test
    title: Ministers meet in Geneva
    outlet: Test Wire
    published: 2024-05-02
    author: A. Tester
    language: en
    notes: Written by the test suite.
    ---
    Ministers meet in Geneva

    The foreign ministers of France and Germany met in Geneva on Tuesday. They agreed to
    hold further talks, and Germany said it was "deeply concerned" about the fighting.

    Russia condemned the meeting. Officials in Moscow warned that sanctions would fail,
    but analysts said the dispute may ease by May.
    """
)


@pytest.fixture(scope="session", autouse=True)
def prepared_resources():
    """Make sure the VADER lexicon and the kernel exist, as `make setup` does."""
    resources.setup(verify=False)
    resources.install_kernel()


@pytest.fixture
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture
def short_article(tmp_path) -> Path:
    """A short article file (front matter and two paragraphs) in a temporary folder."""
    path = tmp_path / "articles" / "short-test.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def counting(monkeypatch):
    """``analyses`` naming the hand-checkable analysis of ``counting_analysis.py``."""
    from helpers import score

    monkeypatch.setitem(score.ANALYSES, "counting", "counting_analysis")
    return ("counting",)
