"""The reports as a reader gets them: rendered from a copy of the project in an odd folder.

One module-scoped render of every notebook (the batch, as `make report` runs
it) from a copy of the project whose folder name carries a probe. Then every
output is checked: no path of the machine in any file, no resource fetched
from the network when a page opens, tables in full and cut only with a note,
counts as integers, one fixed mark per highlighted category; and the batch
is asked, with ``--dry-run`` and for real, what adding an article and
editing the cleaning rules make stale.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers import paths
from helpers.highlight import CATEGORY_MARKS

pytestmark = pytest.mark.notebook

#: A word in the copy's folder name: found in an output, it is a machine path.
PROBE = "ddnLEAKPROBE"
SEED = "japan-russia-peace-talks"
#: A sentence longer than any cut pandas makes (50 characters), plain enough to find as is.
LONG_SENTENCE = (
    "Officials in Tokyo said the talks might resume in the spring, although analysts "
    "warned that the dispute over the islands could outlast several governments and "
    "that sanctions would probably remain in place for years"
)
SECOND = f"""\
---
id: second-article
title: Talks may resume in spring
outlet: Test Wire
published: 2022-05-10
url: https://example.org/news/talks-may-resume
extra:
  section: Asia
  country: JP
---
Talks may resume in spring

{LONG_SENTENCE}. Russia condemned the sanctions.

Japan said it was deeply concerned, and Moscow warned of countermeasures.
"""


def _batch(project: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DDN_PROJECT_ROOT": str(project)}
    for name in ("DDN_REPORTS_DIR", "DDN_SCRATCH_DIR"):
        env.pop(name, None)
    command = [sys.executable, "-m", "helpers", "batch", "--no-progress", *extra]
    return subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=1800
    )


def _plan(output: str) -> dict[str, tuple[str, str]]:
    """``{label: (render|skip, why)}`` from a ``--dry-run``'s lines."""
    found = {}
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0] in ("render", "skip"):
            found[parts[1]] = (parts[0], parts[2])
    return found


def _done(reports: Path) -> dict[str, str]:
    """``{label: render|skip}`` of the last real run, from the records it left."""
    found = {}
    for record_file in reports.glob("*/*.batch.json"):
        record = json.loads(record_file.read_text(encoding="utf-8"))
        found[f"{record_file.parent.name}/{record['notebook']}"] = record.get("finished")
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project (notebooks, data, language resources) in an odd folder, rendered."""
    root = tmp_path_factory.mktemp("reports") / f"odd place {PROBE} (ü & co)" / "clone"
    root.mkdir(parents=True)
    for name in ("notebooks", "data", "runs"):
        shutil.copytree(paths.PROJECT_ROOT / name, root / name)
    shutil.copytree(paths.NLTK_DATA_DIR, root / ".nltk_data")
    result = _batch(root, "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def _outputs(reports: Path) -> list[Path]:
    return sorted(p for p in reports.rglob("*") if p.is_file() and p.name != ".batch.lock")


def test_no_output_names_a_folder_of_this_machine(project):
    forbidden = [PROBE, str(paths.PROJECT_ROOT), str(Path(helpers.__file__).parent), ".tmp-"]
    if str(Path.home()) not in ("/", ""):
        forbidden.append(str(Path.home()) + os.sep)
    outputs = _outputs(project / "reports")
    assert len(outputs) > 60
    leaks = [
        f"{path.relative_to(project)}: {word}"
        for path in outputs
        for word in forbidden
        if word.encode() in path.read_bytes()
    ]
    assert not leaks
    record = json.loads((project / "reports" / SEED / "02_sentiment.provenance.json").read_text())
    assert record["parameters"]["OUTPUT_DIR"] == f"reports/{SEED}"
    assert record["article"]["path"] == f"data/articles/{SEED}.txt"


class _References(html.parser.HTMLParser):
    """Every address a page would fetch (scripts, styles, images, fonts) and every link."""

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.links: list[str] = []
        self._style = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("src", "srcset", "data", "poster", "background"):
            if values.get(name):
                self.fetched.append(values[name])
        if tag == "link" and values.get("href"):
            self.fetched.append(values["href"])
        elif values.get("href"):
            self.links.append(values["href"])
        if values.get("style"):
            self.fetched += re.findall(r"url\(\s*['\"]?([^'\")]+)", values["style"])
        self._style = tag == "style"

    def handle_data(self, data):
        if self._style:
            self.fetched += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)
            self.fetched += re.findall(r"@import\s+(?:url\()?['\"]?([^'\"); ]+)", data)

    def handle_endtag(self, tag):
        self._style = False


def test_every_page_opens_offline(project):
    article_urls = {"https://example.org/news/talks-may-resume"}  # none yet: the seed has none
    pages = [p for p in _outputs(project / "reports") if p.suffix == ".html"]
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = _References()
        found.feed(text)
        remote = [url for url in found.fetched if not url.startswith(("data:", "#"))]
        remote = [url for url in remote if re.match(r"(?i)(https?:)?//", url)]
        assert not remote, f"{page.name} fetches {remote[:3]}"
        outside = [url for url in found.links if re.match(r"(?i)https?://", url)]
        assert set(outside) <= article_urls, f"{page.name} links to {outside[:3]}"
        assert "<script src=" not in text and "require.js" not in text, page.name


def _escaped(text: str) -> str:
    """A text as pandas writes it into an HTML table (``&``, ``<``, ``>`` escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _unbroken(page: Path) -> str:
    """A page's text without the line-break hints of its table cells (``<wbr>``, ``<wbr/>``)."""
    return re.sub(r"<wbr\s*/?>", "", page.read_text(encoding="utf-8"))


def test_tables_in_full_cut_only_with_a_note_counts_as_integers(project):
    seed = project / "reports" / SEED
    # A line may break after ';', '_' or '/' in a cell (<wbr>): the text is the same.
    overview = _unbroken(seed / "01_overview.html")
    notes = pd.read_csv(seed / "01_metadata.csv").set_index("field").loc["notes", "value"]
    assert len(notes) > 200 and _escaped(notes) in overview
    rows = len(pd.read_csv(seed / "01_actor_counts.csv"))
    assert rows > 20
    assert f"showing the first 20 of {rows} rows; every row is in 01_actor_counts.csv" in overview
    sizes = pd.read_csv(seed / "01_sizes.csv", dtype=str).set_index("measure")["value"]
    assert sizes["words"] == str(int(sizes["words"]))  # "730", never "730.0"
    assert f"<td>{sizes['words']}</td>" in overview and f"<td>{sizes['words']}.0" not in overview
    summary = pd.read_csv(project / "reports" / "_corpus" / "05_summary.csv")
    assert summary["sentences"].dtype.kind == "i"
    # Every sentence of notebook 02's table, whole: the batch's kernel shows tables in full.
    sentiment = _unbroken(seed / "02_sentiment.html")
    sentences = pd.read_csv(seed / "02_sentences.csv")["text"]
    longest = max(sentences, key=len)
    assert len(longest) > 100
    assert _escaped(longest) in sentiment


def _marks(page: Path) -> dict[str, set[str]]:
    """``{category: {style of each of its marks}}`` in a highlighted article."""
    found: dict[str, set[str]] = {}
    text = page.read_text(encoding="utf-8")
    for style, category in re.findall(r'<mark style="([^"]+)"[^>]*data-category="([^"]+)"', text):
        found.setdefault(category, set()).add(style)
    return found


def test_a_hand_run_never_touches_the_batch_outputs(project):
    """Issue 19's case: notebook 02 run by hand with THRESHOLD 0.3 after the batch rendered it."""
    seed = project / "reports" / SEED
    before = {p.name: p.read_bytes() for p in seed.iterdir() if p.is_file()}
    code = (
        "import papermill as pm; pm.execute_notebook('notebooks/02_sentiment.ipynb', "
        "'02_by_hand.ipynb', parameters={'THRESHOLD': 0.3}, kernel_name='ddn', progress_bar=False)"
    )
    env = {**os.environ, "DDN_PROJECT_ROOT": str(project)}
    for name in ("DDN_REPORTS_DIR", "DDN_SCRATCH_DIR"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    record = json.loads(
        (project / "scratch" / SEED / "02_sentiment.provenance.json").read_text(encoding="utf-8")
    )
    assert record["parameters"]["THRESHOLD"] == 0.3
    assert pd.read_csv(project / "scratch" / SEED / "02_sentences.csv")["label"].nunique() > 1
    assert {p.name: p.read_bytes() for p in seed.iterdir() if p.is_file()} == before
    dry = _batch(project, "--dry-run", "--notebooks", "02")
    assert _plan(dry.stdout)[f"{SEED}/02_sentiment"] == ("skip", "up to date")
    (project / "02_by_hand.ipynb").unlink()


def test_adding_an_article_renders_what_reads_the_corpus_and_dry_run_agrees(project):
    reports = project / "reports"
    (project / "data" / "articles" / "second-article.txt").write_text(SECOND, encoding="utf-8")
    selection = ("--notebooks", "01,04,05")
    dry = _batch(project, "--dry-run", *selection)
    assert dry.returncode == 0, dry.stderr
    plan = _plan(dry.stdout)
    assert plan[f"{SEED}/01_overview"] == ("skip", "up to date")  # reads its own article only
    action, why = plan[f"{SEED}/04_diplomatic_language"]
    assert action == "render" and "data/articles: added second-article" in why
    assert plan["second-article/01_overview"] == ("render", "no report yet")
    assert plan["_corpus/05_corpus_comparison"][0] == "render"
    before = _done(reports)
    real = _batch(project, "--jobs", "2", *selection)
    assert real.returncode == 0, real.stdout + real.stderr
    after = _done(reports)
    rendered = {label for label in after if before.get(label) != after[label]}
    assert rendered == {label for label, (action, _) in plan.items() if action == "render"}
    page = (reports / SEED / "04_diplomatic_language.html").read_text(encoding="utf-8")
    assert "reference: 2 article(s)" in page
    # One mark per category, the same in both articles' pages.
    first = _marks(reports / SEED / "04_highlighted.html")
    second = _marks(reports / "second-article" / "04_highlighted.html")
    shared = set(first) & set(second)
    assert {"stance:hedge", "ladder:5"} <= set(first) and shared
    for category in set(first) | set(second):
        styles = first.get(category, set()) | second.get(category, set())
        assert styles == {f"{CATEGORY_MARKS[category].css()};color:inherit"}, category
    # Fields of one's own in the front matter reach notebook 01 and the corpus tables.
    metadata = pd.read_csv(reports / "second-article" / "01_metadata.csv")
    assert ["extra.section", "Asia"] in metadata.values.tolist()
    sentences = pd.read_csv(reports / "corpus_sentences.csv")
    assert set(sentences.loc[sentences["article_id"] == "second-article", "section"]) == {"Asia"}
    codes = pd.read_csv(reports / "corpus_codes.csv")
    assert {"sentiment", "stance", "intensity", "actor"} <= set(codes["analysis"])
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "Talks may resume in spring" in index and "Test Wire" in index


def test_editing_the_cleaning_rules_makes_every_cleaned_report_stale(project):
    rules = project / "data" / "cleaning_rules.yml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited by a test\n", encoding="utf-8")
    dry = _batch(project, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    plan = _plan(dry.stdout)
    assert plan[f"{SEED}/01_overview"] == ("render", "data/cleaning_rules.yml changed")
    assert plan["_standalone/06_validation"] == ("skip", "up to date")  # reads no article
