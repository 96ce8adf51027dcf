"""The command line: one-line errors, the segment command, setup."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers.cli import main


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "helpers", *map(str, args)], capture_output=True, text=True
    )


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


# -- issue 12: help texts, signals, workers that cannot start -------------------------------


def test_help_texts_are_plain_and_complete():
    top = run("--help")
    assert top.returncode == 0 and "``" not in top.stdout
    assert "command line" in top.stdout
    score_help = " ".join(run("score", "--help").stdout.split())
    unit_help = score_help[score_help.rindex("--unit {") :]
    assert "n_sentences" in unit_help[:400]  # --unit says what each choice does


# A command run in a child process whose one analysis takes a second per chunk of rows,
# so the test can signal it while it writes; it notes each process that scores in pids/.
SLOW_SCORE = textwrap.dedent(
    """
    import os, sys, time, types
    from helpers import score
    from helpers.cli import main

    slow = types.ModuleType("slow_analysis")
    slow.COLUMNS = ("n",)

    def score_row(text, tokens):
        # Beside the output's folder: "out/../pids" would make "out" itself (os.makedirs).
        pids = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(sys.argv[-1]))), "pids")
        os.makedirs(pids, exist_ok=True)
        open(os.path.join(pids, str(os.getpid())), "w").close()
        time.sleep(0.1)
        return {"n": len(tokens)}

    slow.score_row = score_row
    slow.aggregate_rows = lambda rows, weights: {"n": sum(r["n"] for r in rows)}
    sys.modules["slow_analysis"] = slow
    score.ANALYSES["slow"] = "slow_analysis"
    sys.exit(main(sys.argv[1:]))
    """
)


def start_slow_score(tmp_path, *options, output="out/scores.csv"):
    source = tmp_path / "in.csv"
    source.write_text("text\n" + "Talks stall.\n" * 400, encoding="utf-8")
    target = tmp_path / output
    argv = ["score", str(source), "--analyses", "slow", "--chunk-rows", "5", *options]
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_SCORE, *argv, "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, target


def wait_for_a_part_file(folder, process, seconds=120):
    """Wait until the command writes its temporary output and scores rows."""
    pids = folder.parent / "pids"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        parts = list(folder.glob(".*.part")) if folder.exists() else []
        if parts and pids.exists() and any(pids.iterdir()):
            return parts
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    process.kill()
    raise AssertionError("no temporary output appeared")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(") ")[1].startswith("Z"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_removes_the_temporary_output_and_the_workers(tmp_path, jobs):
    process, target = start_slow_score(tmp_path, "--jobs", jobs)
    wait_for_a_part_file(target.parent, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, err  # err says why, if it ever fails
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert not target.parent.exists()  # the folder made for the output went with the file
    workers = [int(p.name) for p in (tmp_path / "pids").iterdir()]
    deadline = time.monotonic() + 30
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, workers)), "a worker process outlived the command"


def test_a_part_file_left_by_sigkill_is_swept_on_the_next_run(tmp_path):
    process, target = start_slow_score(tmp_path)
    (left,) = wait_for_a_part_file(target.parent, process)
    process.kill()
    process.communicate(timeout=60)  # no worker keeps the command's output open
    assert left.exists()  # what SIGKILL leaves behind
    scorers = [int(p.name) for p in (tmp_path / "pids").iterdir()]
    deadline = time.monotonic() + 30
    while any(map(alive, scorers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, scorers))  # the workers end with the process that made them
    later = tmp_path / "short.csv"
    later.write_text("text\nTalks stall.\n", encoding="utf-8")
    result = run("score", later, "-o", target.parent / "other.csv", "--analyses", "sentiment")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in target.parent.iterdir()) == ["other.csv"]


START_FAILS = textwrap.dedent(
    """
    import errno, sys
    import multiprocessing.process
    from helpers.cli import main

    real = multiprocessing.process.BaseProcess.start
    started = []

    def start(self):
        if started:  # the second worker cannot be made
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        started.append(self)
        real(self)

    multiprocessing.process.BaseProcess.start = start
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_worker_that_cannot_start_is_one_line_and_no_hang(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("text\n" + "Talks stall.\n" * 20, encoding="utf-8")
    target = tmp_path / "out.csv"
    argv = ["score", source, "-o", target, "--jobs", "2", "--chunk-rows", "2"]
    argv += ["--analyses", "sentiment"]
    result = subprocess.run(
        [sys.executable, "-c", START_FAILS, *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "worker" in result.stderr and "--jobs" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


class _SignalsItselfWhenCollected:
    """Sends this process SIGTERM from ``__del__``, where Python swallows what a handler raises."""

    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(10_000):  # the handler runs here, inside __del__
            pass


def test_a_sigterm_whose_exception_python_swallows_still_stops_the_command(tmp_path, capsys):
    # Python drops an exception raised in __del__ or a fork handler ("Exception ignored
    # in ..."): the request is kept, nothing is published, the command ends stopped, and
    # no report of the dropped exception reaches standard error.
    from helpers import stopping
    from helpers.cli import _sigterm_raises
    from helpers.io import atomic_path

    written = tmp_path / "out.txt"
    with pytest.raises(stopping.Terminated):
        with _sigterm_raises():
            _SignalsItselfWhenCollected()  # collected at once: SIGTERM inside __del__
            with atomic_path(written) as tmp:
                tmp.write_text("scored", encoding="utf-8")
    assert not written.exists() and list(tmp_path.iterdir()) == []
    assert "Exception ignored" not in capsys.readouterr().err
    stopping.check()  # the request ends with the command: nothing left for the next one


def test_a_worker_whose_main_process_died_before_it_started_ends():
    # The main process's id is taken in the main process: a worker that starts after
    # a SIGKILL of its main process sees another parent at once, and ends.
    code = textwrap.dedent(
        """
        import os, time
        from helpers.workers import _worker_started

        _worker_started(os.getppid() + 10_000_000)  # no process has this id: "gone"
        time.sleep(60)
        """
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30)
    assert result.returncode == 1, result.stderr  # os._exit(1) from the watch
    assert time.monotonic() - started < 20
