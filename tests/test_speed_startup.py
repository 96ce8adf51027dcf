"""Start-up: each command imports what it uses, and scoring never imports NLTK (issue 20).

Nothing is timed here (the machine is shared; ``benchmarks/`` measures): the
tests check which libraries a fresh process has loaded when a command is done.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from helpers import resources
from helpers.paths import PROJECT_ROOT

# Libraries no scoring run needs: NLTK and what its package imports (SciPy,
# scikit-learn), plotting, notebook rendering and clusters.
NOT_FOR_SCORING = ("nltk", "scipy", "sklearn", "matplotlib", "papermill", "nbconvert", "dask")
NEVER_ON_THE_COMMAND_LINE = ("matplotlib", "papermill", "nbconvert", "dask")

# Runs the command as `python -m helpers` does, and says at exit (also after --help,
# which exits from inside argparse) which of the watched modules were loaded.
CHILD = textwrap.dedent(
    """
    import atexit, json, sys
    watched = json.loads(sys.argv[1])
    atexit.register(
        lambda: print(json.dumps(sorted(m for m in watched if m in sys.modules)))
    )
    from helpers.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def loaded_after(*argv, watch=NOT_FOR_SCORING) -> list[str]:
    """Run ``python -m helpers ARGV`` in a fresh process; return the watched modules it loaded."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(watch), *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("analyses", ["sentiment,framing,diplomacy", "sentiment"])
def test_score_loads_no_nltk_scipy_or_plotting(tmp_path, analyses):
    source = tmp_path / "in.csv"
    source.write_text("text\nTokyo called the decision completely unacceptable.\n", "utf-8")
    loaded = loaded_after("score", source, "-o", tmp_path / "out.csv", "--analyses", analyses)
    assert loaded == []


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_scoring_sentences_from_csv_or_tsv_never_imports_pandas(tmp_path, suffix):
    """CSV and TSV are read with the csv module (helpers.io.csv_rows): importing pandas
    and NumPy was half the time of a one-row run. Ids, dates and targets too."""
    sep = "\t" if suffix == ".tsv" else ","
    source = tmp_path / f"in{suffix}"
    rows = [
        ["id", "date", "text", "target"],
        ["a1", "2022-03-22", "Tokyo called the decision completely unacceptable.", "Tokyo"],
        ["a2", "", 'A "quoted" text', ""],
    ]
    source.write_text("".join(sep.join(row) + "\n" for row in rows), "utf-8")
    options = ["--id-column", "id", "--date-column", "date", "--jobs", "1"]
    watch = ("pandas", "numpy", *NOT_FOR_SCORING)
    loaded = loaded_after("score", source, "-o", tmp_path / f"out{suffix}", *options, watch=watch)
    assert loaded == []
    target = ["--analyses", "sentiment", "--target-column", "target", *options]
    loaded = loaded_after("score", source, "-o", tmp_path / f"t{suffix}", *target, watch=watch)
    assert loaded == []


@pytest.mark.parametrize("command", ["score", "segment", "codesheet", "validate", "batch"])
def test_a_command_help_loads_nothing_heavy(command):
    """Only the chosen command's module is imported: ``score --help`` does not
    load what ``batch`` or ``validate`` need, and none loads a heavy library."""
    assert loaded_after(command, "--help") == []


def test_only_the_chosen_command_module_is_imported():
    code = textwrap.dedent(
        """
        import sys
        from helpers.cli import build_parser
        build_parser("score")
        print(sorted(m for m in ("helpers.batch", "helpers.validation") if m in sys.modules))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_segment_and_codesheet_load_no_plotting_or_rendering(tmp_path):
    # They split sentences with NLTK's Punkt, which imports the NLTK package.
    article = "japan-russia-peace-talks"
    watch = NEVER_ON_THE_COMMAND_LINE
    assert loaded_after("segment", article, "-o", tmp_path / "s.csv", watch=watch) == []
    assert loaded_after("codesheet", article, "-o", tmp_path / "c.csv", watch=watch) == []


# -- VADER's tables without NLTK --------------------------------------------------------


def test_vader_constants_are_nltks():
    from nltk.sentiment.vader import VaderConstants

    constants = resources.vader_constants()
    for name in ("B_INCR", "B_DECR", "C_INCR", "N_SCALAR"):
        assert getattr(constants, name) == getattr(VaderConstants, name), name
    assert constants.NEGATE == frozenset(VaderConstants.NEGATE)
    assert constants.BOOSTER_DICT == VaderConstants.BOOSTER_DICT
    assert constants.SPECIAL_CASE_IDIOMS == VaderConstants.SPECIAL_CASE_IDIOMS
    assert list(constants.PUNC_LIST) == VaderConstants.PUNC_LIST
    nltk_constants = VaderConstants()
    for score in (-40.0, -4.2, -0.3, 0.0, 0.05, 1.9, 3.7, 123.0):
        assert constants.normalize(score) == nltk_constants.normalize(score)
        assert constants.normalize(score, alpha=3) == nltk_constants.normalize(score, alpha=3)


def test_vader_lexicon_is_the_one_nltk_loads():
    assert resources.vader_lexicon() == resources.vader_analyzer().lexicon


def test_the_engine_scores_as_nltk_from_the_cached_tables():
    from helpers.sentiment.vader import VaderEngine, engine

    analyzer = resources.vader_analyzer()
    from_nltk = VaderEngine(analyzer.lexicon, analyzer.constants)
    texts = [
        "The talks were NOT a great success, but the deal is very good!!",
        "It was the kiss of death for the kind of peace nobody wanted?!",
        "At least the least bad option never so much as worked.",
    ]
    for text in texts:
        assert (
            engine().raw(text)
            == from_nltk.raw(text)
            == tuple(analyzer.polarity_scores(text)[k] for k in ("compound", "pos", "neu", "neg"))
        )
