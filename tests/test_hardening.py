"""Bad input, end to end: every case is refused with a clear message, writes nothing half-done,
and never writes outside the folder it was given.

The checks go through the command line (``helpers.cli.main``, exit status 2
and a one-line ``error: …``) or through the public function a notebook would
call, and compare the whole temporary folder before and after, so a stray
temporary file, a partial output or a file created outside the output folder
fails the test. Unit tests of each module live beside it (test_corpus.py,
test_lexicons.py, test_score.py, …); this file is the issue-7 checklist in one
place.
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import batch, paths
from helpers.cli import main
from helpers.corpus import load_article, load_corpus
from helpers.errors import ArticleError, DictionaryError, HelpersError, ParameterError
from helpers.highlight import highlight_html
from helpers.lexicons import load_dictionary
from helpers.score import output_columns, score_texts
from helpers.text import tokenize

PAYLOAD_SCRIPT = "<script>alert('x')</script>"
PAYLOAD_IMG = '<img src=x onerror="alert(1)">'


# -- helpers ------------------------------------------------------------------------------


def tree(root: Path) -> set[str]:
    """Every file and folder under ``root``, as relative paths."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def cli(capsys, *argv) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_refused(status: int, err: str, *fragments: str) -> None:
    """Exit status 2, one line starting with 'error: ', naming what it should, no traceback."""
    assert status == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


@pytest.fixture
def box(tmp_path):
    """A sandbox: ``in/`` for inputs, ``out/`` for outputs; ``box.before`` snapshots it."""

    class Box:
        root = tmp_path
        inp = tmp_path / "in"
        out = tmp_path / "out"

        def write(self, name: str, data: str | bytes) -> Path:
            path = self.inp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8", newline="")
            return path

        def snapshot(self) -> None:
            self.before = tree(self.root)

        def new_files(self) -> set[str]:
            """Files (not folders) that appeared: an empty output folder is not output."""
            return {p for p in tree(self.root) - self.before if (self.root / p).is_file()}

    b = Box()
    b.inp.mkdir()
    return b


FRONT = "---\nid: {id}\ntitle: Talks\n---\n"
BODY = "Tokyo objects to the decision. Moscow says the talks are over."


# -- articles -----------------------------------------------------------------------------

BAD_ARTICLES = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \n\t\r\n   \n", "empty"),
    "binary": (bytes(range(256)) * 8, "binary"),
    "latin1": ("Caf\xe9 diplomacy in Tokyo.".encode("latin-1"), "iconv"),
    "utf16_without_bom": ("Talks stall.".encode("utf-16-le"), "NUL"),
    "front_matter_malformed": (b"---\nid: [x\ntitle: T\n---\nBody.", "front matter"),
    "front_matter_unclosed": (b"---\nid: x\ntitle: T\nBody text.", "never closed"),
    "front_matter_unknown_key": (b"---\nid: x\ncolour: red\n---\nBody.", "colour"),
    "id_with_dotdot": (b"---\nid: ../../escape\n---\nBody.", "unsafe article id"),
    "id_with_slash": (b"---\nid: a/b\n---\nBody.", "unsafe article id"),
    "id_absolute": (b"---\nid: /etc/escape\n---\nBody.", "unsafe article id"),
    "id_with_nul": (b'---\nid: "a\\0b"\n---\nBody.', "unsafe article id"),
    "front_matter_only": (b"---\nid: x\ntitle: T\n---\n\n  \n", "no text"),
}


@pytest.mark.parametrize("command", ["segment", "codesheet"])
@pytest.mark.parametrize("case", sorted(BAD_ARTICLES))
def test_bad_article_files_are_refused_and_nothing_is_written(box, capsys, case, command):
    data, fragment = BAD_ARTICLES[case]
    article = box.write(f"{case}.txt", data)
    box.snapshot()
    status, _, err = cli(capsys, command, article, "-o", box.out / "table.csv")
    assert_refused(status, err, fragment, f"{case}.txt")
    assert box.new_files() == set()


@pytest.mark.parametrize(
    ("argument", "fragment"),
    [
        ("a\x00b", "NUL"),
        ("/nonexistent/folder/x.txt", "not found"),
        ("no-such-article-id", "no-such-article-id"),
    ],
)
def test_bad_article_arguments_are_refused(box, capsys, argument, fragment):
    box.snapshot()
    status, _, err = cli(capsys, "codesheet", argument, "-o", box.out / "sheet.csv")
    assert_refused(status, err)
    assert fragment in err or "unsafe" in err
    assert box.new_files() == set()


def test_a_relative_path_out_of_the_project_to_a_non_article_file_is_refused(box, capsys):
    # The file exists, and the relative path climbs out of the working folder
    # with "..": it must be refused for its type, not read. Building the path
    # from a file we made keeps the test independent of where it runs.
    secret = box.write("passwd", "root:x:0:0:root:/root:/bin/bash\n")
    argument = os.path.relpath(secret)
    box.snapshot()
    status, _, err = cli(capsys, "codesheet", argument, "-o", box.out / "sheet.csv")
    assert_refused(status, err, "unsupported article file type")
    assert box.new_files() == set()


def test_fifty_megabyte_article_is_refused_before_it_is_read(box, capsys):
    path = box.inp / "fifty.txt"
    with path.open("wb") as handle:
        handle.write(b"Talks stall. " * 1000)
        handle.truncate(50 * 1024 * 1024)
    box.snapshot()
    status, _, err = cli(capsys, "segment", path, "-o", box.out / "s.csv")
    assert_refused(status, err, "MB", "fifty.txt")
    assert box.new_files() == set()


def test_utf16_with_bom_and_missing_front_matter_are_read(box, capsys):
    utf16 = box.write("u16.txt", (FRONT.format(id="u16") + BODY).encode("utf-16"))
    plain = box.write("plain-article.txt", "Talks\n\n" + BODY)
    for path, name in ((utf16, "a.csv"), (plain, "b.csv")):
        status, _, err = cli(capsys, "codesheet", path, "-o", box.out / name, "--blind")
        assert status == 0, err
    first = pd.read_csv(box.out / "a.csv")
    assert first["doc_id"].unique().tolist() == ["u16"]
    assert first["text"].tolist() == [
        "Tokyo objects to the decision.",
        "Moscow says the talks are over.",
    ]
    assert pd.read_csv(box.out / "b.csv")["doc_id"].unique().tolist() == ["plain-article"]
    assert sorted(p.name for p in box.out.iterdir()) == ["a.csv", "b.csv"]  # no temporaries


def test_duplicate_ids_are_refused_naming_both_files(box):
    box.write("one.txt", FRONT.format(id="same") + BODY)
    box.write("two.txt", FRONT.format(id="same") + BODY)
    with pytest.raises(ArticleError) as info:
        load_corpus(box.inp)
    assert "one.txt" in str(info.value) and "two.txt" in str(info.value)
    with pytest.raises(ArticleError):
        load_article("same", directory=box.inp)


def test_batch_refuses_two_files_with_one_stem(box, tmp_path):
    box.write("same.txt", FRONT.format(id="same") + BODY)
    box.write("same.md", FRONT.format(id="same") + BODY)
    with pytest.raises(ArticleError, match="same.md"):
        batch.discover_articles(box.inp)


def test_batch_refuses_two_files_whose_front_matter_gives_one_id(box, tmp_path):
    """The batch names reports by file stem; the notebooks load by front-matter id."""
    box.write("alpha.txt", FRONT.format(id="beta") + BODY)
    box.write("beta.txt", FRONT.format(id="beta") + BODY)
    notebooks = _probe_notebooks(tmp_path)
    with pytest.raises(ArticleError, match="beta"):
        batch.plan_batch(notebooks, box.inp, tmp_path / "reports")


@pytest.mark.parametrize("unsafe", ["../x", "a/b", "/abs", "a\x00b", "..", ".hidden", ""])
def test_unsafe_ids_never_become_folders(tmp_path, monkeypatch, unsafe):
    monkeypatch.setattr(paths, "REPORTS_DIR", tmp_path / "reports")
    with pytest.raises(ParameterError):
        paths.report_dir(unsafe)
    assert tree(tmp_path) == set()


@pytest.mark.parametrize("part", ["../x", "a/../../x", "/etc/x", "a\x00b"])
def test_safe_join_refuses_to_leave_the_folder(tmp_path, part):
    with pytest.raises(ParameterError):
        paths.safe_join(tmp_path / "out", part)


# -- HTML output escapes article text --------------------------------------------------------


def test_highlight_escapes_script_and_event_handlers():
    text = f"Tokyo {PAYLOAD_SCRIPT} objects {PAYLOAD_IMG} to war."
    start = text.index("war")
    page = highlight_html(
        text,
        [
            {
                "start": start,
                "end": start + 3,
                "category": "<b>conflict</b>",
                "note": '"onmouseover=x',
            }
        ],
        title=PAYLOAD_SCRIPT,
    )
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "onerror=&quot;alert(1)&quot;" in page
    assert 'title="&quot;onmouseover=x"' in page


_OUR_TAGS = re.compile(r"</?(?:div|h3|p|mark|span)\b[^>]*>")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.integers(0, 80), st.integers(0, 80))
def test_highlight_escapes_arbitrary_text(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    page = highlight_html(text, [{"start": start, "end": end, "category": text[:5] or "c"}])
    assert "<" not in _OUR_TAGS.sub("", page)


def test_html_article_keeps_no_script(box):
    page = (
        "<html><head><title>Talks</title><script>alert('head')</script></head><body>"
        f"<article><h1>Talks stall</h1><p>{BODY} Officials said the offer stands.</p>"
        "<p>Negotiators will meet again next week in Geneva, a spokesman said.</p>"
        f"<script>alert('body')</script>{PAYLOAD_IMG}</article></body></html>"
    )
    article = load_article(box.write("page.html", page))
    assert "alert" not in article.text and "<" not in article.text


# -- dictionaries ------------------------------------------------------------------------------


def _dictionary(box, name: str, categories_yaml: str) -> Path:
    return box.write(name, "meta:\n  name: t\n  source: test\ncategories:\n" + categories_yaml)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("  a: [war, peace\n", "line"),
        ("  a: !!python/object/apply:os.system ['touch PWNED']\n", "not allowed"),
        ("  a: []\n", "no patterns"),
        ("  a:\n    note: only a note\n", "no patterns"),
        ("  a: ['[ab]c']\n", "character class"),
        ("  a: ['*']\n", "wildcards"),
        ("  a: ['']\n", "empty pattern"),
    ],
)
def test_bad_dictionaries_are_refused_with_file_and_reason(box, body, fragment, monkeypatch):
    monkeypatch.chdir(box.root)
    path = _dictionary(box, "bad.yml", body)
    box.snapshot()
    with pytest.raises(DictionaryError) as info:
        load_dictionary(path)
    assert fragment in str(info.value) and "bad.yml" in str(info.value)
    assert box.new_files() == set()  # the object tag ran nothing (no PWNED file)


def test_python_tags_are_refused_even_in_meta(box):
    path = box.write("meta.yml", "meta: !!python/name:os.system\ncategories:\n  a: [war]\n")
    with pytest.raises(DictionaryError, match="not allowed"):
        load_dictionary(path)


def test_a_100000_pattern_dictionary_loads_and_matches(box):
    lines = "".join(f"    - w{i}x\n" for i in range(100_000))
    path = _dictionary(box, "big.yml", "  big:\n" + lines + "  phrase:\n    - peace treaty\n")
    started = time.perf_counter()
    dictionary = load_dictionary(path)
    seconds = time.perf_counter() - started
    hits = dictionary.match_tokens(tokenize("w0x, w99999x, w100000x and a peace treaty"))
    assert [h.pattern for h in hits] == ["w0x", "w99999x", "peace treaty"]
    assert seconds < 30, f"loading took {seconds:.1f} s"  # generous: the issue asks for seconds


# -- score and validate inputs -------------------------------------------------------------------


def test_missing_column_is_refused_by_score_and_validate(box, capsys):
    source = box.write("in.csv", "id,body\n1,Talks stall.\n")
    box.snapshot()
    status, _, err = cli(capsys, "score", source, "-o", box.out / "o.csv")
    assert_refused(status, err, "'text'", "body")
    status, _, err = cli(
        capsys,
        "validate",
        "--gold",
        source,
        "--text-column",
        "body",
        "--measure",
        "sentiment",
        "-o",
        box.out / "r.json",
    )
    assert_refused(status, err, "'label'", "body")
    assert box.new_files() == set()


@pytest.mark.parametrize("content", [b"", b"text,label\n"])
def test_empty_input_is_refused(box, capsys, content):
    source = box.write("in.csv", content)
    box.snapshot()
    status, _, err = cli(capsys, "score", source, "-o", box.out / "o.csv")
    assert_refused(status, err, "in.csv")
    status, _, err = cli(
        capsys, "validate", "--gold", source, "--measure", "sentiment", "-o", box.out / "r.json"
    )
    assert_refused(status, err, "in.csv")
    assert box.new_files() == set()


def test_jsonl_with_one_bad_line_is_refused_as_a_whole_naming_the_line(box, capsys):
    lines = [json.dumps({"text": "Talks stall.", "label": "negative"})] * 2 + ["{not json"]
    lines += [json.dumps({"text": "Peace holds.", "label": "positive"})] * 3
    source = box.write("in.jsonl", "\n".join(lines) + "\n")
    box.snapshot()
    status, _, err = cli(capsys, "score", source, "-o", box.out / "o.jsonl")
    assert_refused(status, err, "line 3")
    status, _, err = cli(
        capsys, "validate", "--gold", source, "--measure", "sentiment", "-o", box.out / "r.json"
    )
    assert_refused(status, err, "line 3")
    assert box.new_files() == set()


def test_embedded_newlines_and_quotes_survive(box, capsys):
    texts = ['He said "no, never"\nand left.', "A, b; c\r\nd", 'Only "quotes"', "plain"]
    source = box.inp / "in.csv"
    pd.DataFrame({"text": texts, "label": ["negative", "neutral", "neutral", "neutral"]}).to_csv(
        source, index=False
    )
    status, _, err = cli(
        capsys, "score", source, "-o", box.out / "o.csv", "--analyses", "sentiment"
    )
    assert status == 0, err
    scored = pd.read_csv(box.out / "o.csv", keep_default_na=False)
    assert scored["text"].tolist() == texts
    assert [p.name for p in box.out.iterdir()] == ["o.csv"]  # no temporary file left
    status, out, err = cli(capsys, "validate", "--gold", source, "--measure", "sentiment")
    assert status == 0, err
    assert "4 units compared" in out


def test_bad_label_in_a_late_chunk_names_its_row(box):
    from helpers.validation import read_gold, validate

    source = box.inp / "gold.csv"
    pd.DataFrame({"text": ["a"] * 5, "label": ["positive"] * 4 + ["great"]}).to_csv(
        source, index=False
    )
    with pytest.raises(HelpersError, match="row 6"):
        validate(read_gold(source, chunk_rows=2), measure="sentiment", source=str(source))


# The peak is this process's own: VmHWM, the high-water mark of the memory the
# process started at exec. Not ru_maxrss: Linux carries the high-water mark of
# the image replaced by exec into it, here the pytest worker that started the
# subprocess (which grows with the tests run before; it made this test fail
# in CI at 617 MB while the command itself peaked near 80 MB).
_RSS_SCRIPT = textwrap.dedent(
    """
    import re, resource, sys
    from helpers.cli import main
    status = main(sys.argv[1:])
    try:
        with open("/proc/self/status", encoding="ascii") as status_file:
            peak = re.search(r"VmHWM:\\s*(\\d+) kB", status_file.read()).group(1)
    except OSError:  # no /proc (macOS): ru_maxrss (bytes there, kilobytes on Linux)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(status, peak)
    """
)


def _peak_rss_mb(argv) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT, *map(str, argv)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    status, kilobytes = done.stdout.split()[-2:]
    assert status == "0", done.stderr[-2000:]
    return int(kilobytes) / 1024


def _big_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,text,label\n")
        block = "".join(f"{i},Talks stall.,negative\n" for i in range(10_000))
        for _ in range(rows // 10_000):
            handle.write(block)
    return path


@pytest.mark.slow
def test_a_million_rows_stream_in_bounded_memory(tmp_path):
    small = _big_csv(tmp_path / "small.csv", 20_000)
    big = _big_csv(tmp_path / "big.csv", 1_000_000)
    args = ["--analyses", "sentiment"]
    base = _peak_rss_mb(["score", small, "-o", tmp_path / "small_out.csv", *args])
    peak = _peak_rss_mb(["score", big, "-o", tmp_path / "big_out.csv", *args])
    assert sum(1 for _ in (tmp_path / "big_out.csv").open(encoding="utf-8")) == 1_000_001
    # 50x the rows, about the same memory: the rows are not all held at once
    # (measured: about 80 MB either way, 180 MB when the compiled lists are not
    # cached yet and the command compiles them)
    assert peak < 300, f"peak RSS {peak:.0f} MB"
    assert peak - base < 150, f"peak RSS grew from {base:.0f} to {peak:.0f} MB"
    # validate reads in chunks but keeps one label per row for the statistics
    # (measured: about 160 MB for 20,000 rows, 260 MB for 1,000,000)
    validated = _peak_rss_mb(["validate", "--gold", big, "--measure", "sentiment"])
    assert validated < 600, f"validate peak RSS {validated:.0f} MB"


# -- notebook parameters: refused before any kernel starts -----------------------------------------

PROBE_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "params",
            "metadata": {"tags": ["parameters"]},
            "outputs": [],
            "source": 'ARTICLE: str = "x"  # id or path\n'
            'OUTPUT_DIR: str = ""  # folder for tables\n'
            "THRESHOLD: float = 0.05  # neutral band\n"
            "SHOW: bool = True  # print the text\n",
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "body",
            "metadata": {},
            "outputs": [],
            "source": "from helpers.corpus import load_article\n"
            "article = load_article(ARTICLE)\n"
            "if 'fail' in article.id:\n"
            "    raise ValueError(article.text)\n"
            "print(article.text)\n"
            "article.title",
        },
    ],
    "metadata": {
        "kernelspec": {
            "display_name": "Python (Diplomatic Discourse)",
            "language": "python",
            "name": "ddn",
        },
        "language_info": {"name": "python"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def _probe_notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir(exist_ok=True)
    (folder / "01_probe.ipynb").write_text(json.dumps(PROBE_NOTEBOOK), encoding="utf-8")
    return folder


@pytest.fixture
def no_kernels(monkeypatch):
    """Fail the test if anything tries to execute a notebook."""

    def refuse(*args, **kwargs):
        raise AssertionError("a notebook was executed although the plan should have been refused")

    monkeypatch.setattr(batch.execute, "execute_job", refuse)


@pytest.mark.parametrize(
    ("parameters", "fragments"),
    [
        ({"THRESHOLD": "high"}, ["THRESHOLD", "01_probe", "float"]),
        ({"SHOW": "yes"}, ["SHOW", "01_probe", "bool"]),
        ({"NOPE": 1}, ["NOPE"]),
        ({"ARTICLE": "other"}, ["ARTICLE"]),
    ],
)
def test_bad_notebook_parameters_are_refused_before_execution(
    box, tmp_path, no_kernels, parameters, fragments
):
    box.write("talks.txt", FRONT.format(id="talks") + BODY)
    notebooks = _probe_notebooks(tmp_path)
    reports = tmp_path / "reports"
    with pytest.raises(ParameterError) as info:
        batch.run_batch(notebooks, box.inp, reports, parameters=parameters, jobs=1, progress=False)
    for fragment in fragments:
        assert fragment in str(info.value)
    assert not reports.exists() or tree(reports) == set()


def test_bad_parameter_on_the_command_line(box, tmp_path, capsys, no_kernels):
    box.write("talks.txt", FRONT.format(id="talks") + BODY)
    notebooks = _probe_notebooks(tmp_path)
    status, _, err = cli(
        capsys,
        "batch",
        "--notebooks-dir",
        notebooks,
        "--articles-dir",
        box.inp,
        "--reports-dir",
        tmp_path / "reports",
        "-p",
        "THRESHOLD=[1, 2]",
        "--no-progress",
    )
    assert_refused(status, err, "THRESHOLD", "01_probe")
    assert not (tmp_path / "reports").exists() or tree(tmp_path / "reports") == set()


@pytest.mark.parametrize("article", ["missing-article", "../../x", "a/b"])
def test_missing_or_unsafe_article_is_refused_before_execution(box, tmp_path, no_kernels, article):
    box.write("talks.txt", FRONT.format(id="talks") + BODY)
    notebooks = _probe_notebooks(tmp_path)
    with pytest.raises(HelpersError) as info:
        batch.run_batch(
            notebooks, box.inp, tmp_path / "reports", articles=article, jobs=1, progress=False
        )
    assert article in str(info.value) or "unsafe" in str(info.value)
    assert not (tmp_path / "reports").exists() or tree(tmp_path / "reports") == set()


def _assigned_names(source: str) -> list[str]:
    import ast

    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


@pytest.mark.parametrize(
    "notebook", sorted(p.name for p in paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
)
def test_every_parameter_of_every_notebook_is_visible_to_papermill(notebook):
    """A comment with a second '=' (``# empty = reports/``) hides a parameter from papermill,
    so the batch can neither check nor inject it."""
    from papermill.inspection import inspect_notebook

    path = paths.NOTEBOOKS_DIR / notebook
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    source = "".join(tagged[0]["source"])
    declared = _assigned_names(source)
    visible = list(inspect_notebook(str(path)))
    assert visible == declared, f"papermill sees {visible}, the cell assigns {declared}"


@pytest.mark.notebook
def test_batch_html_escapes_article_text_and_survives_a_vanishing_file(box, tmp_path, monkeypatch):
    evil = f'---\nid: evil\ntitle: "{PAYLOAD_SCRIPT}"\n---\nTokyo objects {PAYLOAD_SCRIPT} {PAYLOAD_IMG} today.'
    box.write("evil.txt", evil)
    box.write("evil-fail.txt", evil.replace("id: evil", "id: evil-fail"))
    box.write("gone.txt", FRONT.format(id="gone") + BODY)
    notebooks = _probe_notebooks(tmp_path)
    reports = tmp_path / "reports"
    real_execute = batch.execute_job

    def execute_after_removing_gone(job):
        (box.inp / "gone.txt").unlink(missing_ok=True)  # disappears after planning
        return real_execute(job)

    monkeypatch.setattr(batch.execute, "execute_job", execute_after_removing_gone)
    results = batch.run_batch(notebooks, box.inp, reports, jobs=1, progress=False)
    status = dict(zip(results["article"], results["status"], strict=True))
    assert status == {"evil": "ok", "evil-fail": "failed", "gone": "failed"}
    pages = list(reports.rglob("*.html"))
    assert reports / "index.html" in pages and len(pages) >= 2
    for page in pages:
        content = page.read_text(encoding="utf-8")
        assert "<script>alert('x')" not in content, page
        assert "<img src=x onerror" not in content, page
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "gone" in index and "evil-fail" in index
    failures = pd.read_csv(reports / "failures.csv")
    assert set(failures["article"]) == {"evil-fail", "gone"}
    assert not [p for p in tree(tmp_path) if not p.startswith(("in", "notebooks", "reports"))]


# -- arbitrary Unicode through the scorer ----------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=60), min_size=1, max_size=4))
def test_score_texts_takes_any_unicode(texts):
    table = score_texts(texts)
    assert len(table) == len(texts)
    assert list(table.columns) == output_columns()
    assert table["sentiment"].between(-1, 1).all()
    assert table["intensity"].between(0, 6).all()
    counts = [c for c in table.columns if c.startswith(("frame_", "policy_"))]
    assert (table[counts] >= 0).all().all()
    # score writes sentence rows of a CSV without pandas, which relies on this.
    assert not table.isna().any().any()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_document_unit_takes_any_unicode(text):
    table = score_texts([text], unit="document")
    sentences = table["n_sentences"].iloc[0]
    assert sentences >= 0
    if sentences:  # a text without sentences has no mean score (NaN), not an error
        assert -1 <= table["sentiment"].iloc[0] <= 1


# -- issue 12: limits, bad values and the file system, through the command line ----------------


def test_a_shifted_csv_row_is_refused_by_score_and_validate(box, capsys):
    source = box.write("in.csv", "id,text\n1,Tokyo condemns.,extra,more\n")
    box.snapshot()
    status, _, err = cli(capsys, "score", source, "-o", box.out / "o.csv")
    assert_refused(status, err, "line 2", "in.csv")
    status, _, err = cli(
        capsys, "validate", "--gold", source, "--measure", "sentiment", "-o", box.out / "r.json"
    )
    assert_refused(status, err, "line 2", "in.csv")
    assert box.new_files() == set()


def test_utf16_input_gets_the_utf16_hint(box, capsys):
    source = box.write("in.csv", "id,text\n1,Tokyo condemns.\n".encode("utf-16"))
    box.snapshot()
    status, _, err = cli(capsys, "score", source, "-o", box.out / "o.csv")
    assert_refused(status, err, "iconv -f UTF-16 -t UTF-8", "in.csv")
    assert box.new_files() == set()


def test_a_json_object_as_text_is_refused_naming_line_and_field(box, capsys):
    lines = [{"text": "Talks stall."}, {"text": ["Tokyo", "condemns"]}]
    source = box.write("in.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    box.snapshot()
    status, _, err = cli(capsys, "score", source, "-o", box.out / "o.jsonl")
    assert_refused(status, err, "line 2", "'text'", "list")
    assert box.new_files() == set()


def test_a_fifty_megabyte_field_is_refused_before_it_is_scored(box, capsys):
    source = box.inp / "big.csv"
    with source.open("w", encoding="utf-8") as handle:
        handle.write("id,text\n1,Talks stall.\n2,")
        handle.write("Talks stall. " * 4_000_000)
        handle.write("\n")
    box.snapshot()
    for unit in ("sentence", "document"):
        status, _, err = cli(capsys, "score", source, "-o", box.out / "o.csv", "--unit", unit)
        assert_refused(status, err, "row 3", "'text'", "52,000,000 characters", "big.csv")
    assert box.new_files() == set()


@pytest.mark.parametrize(
    "option", [["--jobs", "0"], ["--jobs", "-1"], ["--jobs", "1000"], ["--chunk-rows", "0"]]
)
def test_out_of_range_jobs_and_chunk_rows_are_one_line(box, capsys, option):
    source = box.write("in.csv", "text\nTalks stall.\nPeace holds.\n")
    box.snapshot()
    status, _, err = cli(capsys, "score", source, "-o", box.out / "o.csv", *option)
    assert_refused(status, err, option[0])
    assert box.new_files() == set()


def test_an_unreachable_scheduler_is_one_line(box, capsys, monkeypatch):
    from helpers import score

    monkeypatch.setattr(score, "DASK_CONNECT_TIMEOUT", "2s")
    source = box.write("in.csv", "text\nTalks stall.\n")
    box.snapshot()
    status, _, err = cli(
        capsys, "score", source, "-o", box.out / "o.csv", "--scheduler", "tcp://127.0.0.1:1"
    )
    assert_refused(status, err, "scheduler", "tcp://127.0.0.1:1")
    assert box.new_files() == set()


# Every command that writes a file, with an output name it accepts.
WRITERS = {
    "segment": lambda box, out: ["segment", box.article, "-o", out / "s.csv"],
    "codesheet": lambda box, out: ["codesheet", box.article, "-o", out / "s.csv"],
    "score": lambda box, out: ["score", box.table, "-o", out / "s.csv", "--analyses", "sentiment"],
    "validate": lambda box, out: [
        "validate",
        "--gold",
        box.table,
        "--measure",
        "sentiment",
        "-o",
        out / "s.json",
    ],
}


@pytest.fixture
def writer_box(box):
    box.article = box.write("talks.txt", FRONT.format(id="talks") + BODY)
    box.table = box.write("gold.csv", "text,label\nTalks stall.,negative\nPeace holds.,positive\n")
    return box


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_that_is_a_folder_is_one_line(writer_box, capsys, command):
    argv = WRITERS[command](writer_box, writer_box.out)
    argv[argv.index("-o") + 1].mkdir(parents=True)
    writer_box.snapshot()
    status, _, err = cli(capsys, *argv)
    assert_refused(status, err, "folder", "s.")
    assert writer_box.new_files() == set()


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_under_a_file_is_one_line(writer_box, capsys, command):
    parent = writer_box.root / "afile"
    parent.write_text("not a folder")
    writer_box.snapshot()
    status, _, err = cli(capsys, *WRITERS[command](writer_box, parent))
    assert_refused(status, err, "afile")
    assert writer_box.new_files() == set()


@pytest.mark.parametrize("command", sorted(WRITERS))
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_full_disk_or_read_only_folder_is_one_line(
    writer_box, capsys, monkeypatch, command, code
):
    """Tests run as root (which ignores permissions) and may not fill a disk: a full disk
    is the temporary file made a link to /dev/full, a read-only folder a refused mkstemp."""
    import tempfile

    real = tempfile.mkstemp

    def make(*args, **kwargs):
        if code != errno.ENOSPC:
            raise OSError(code, os.strerror(code), kwargs.get("dir"))
        handle, name = real(*args, **kwargs)
        os.close(handle)
        os.unlink(name)
        os.symlink("/dev/full", name)  # every write to it fails with ENOSPC
        return os.open(name, os.O_WRONLY), name

    if code == errno.ENOSPC and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    monkeypatch.setattr(tempfile, "mkstemp", make)
    writer_box.snapshot()
    status, _, err = cli(capsys, *WRITERS[command](writer_box, writer_box.out))
    assert_refused(status, err, str(writer_box.out))
    assert os.strerror(code).lower().split()[0] in err.lower()
    assert not_folders(writer_box) == set()


def not_folders(box) -> set[str]:
    """What appeared that is not a folder: files, and links such as one to /dev/full."""
    return {p for p in tree(box.root) - box.before if not (box.root / p).is_dir()}
