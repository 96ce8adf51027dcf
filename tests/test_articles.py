"""The tool against the hand-coded answer sheets of the test articles (``tests/articles``).

Twelve articles written for the tests, each with an answer sheet coded by hand
before the tool was run on it (``tests/articles/README.md``). The measures:

speakers
    Over every sentence of a sheet's ``speakers`` (found by its substring),
    the tool's speaker of that sentence is its first attribution, by the
    position of its verb, that has an actor or a speaker type (else the first
    that names a speaker): what ``score`` reports for a sentence, read here as
    part of its article (notebook 04's ``attributions`` table), so that
    pronouns and short forms are carried. The sheet's ``speaker`` is an actor
    of the roster (a state or an organisation of states) or empty; the tool's
    is compared as its ``speaker_id`` where its ``speaker_type`` is government
    or igo, else empty. A sentence agrees when the two are equal, and, where
    the sheet's speaker is empty but its type is not, the types are equal too
    (an empty tool speaker agrees with "an NGO speaks" only if the tool says
    NGO). A sheet row with neither speaker nor type agrees with any empty
    tool speaker.
speaker types
    Over the sheet rows with a type: the tool's ``speaker_type`` equals it.
speaker words
    Over all sheet rows: the sheet's ``speaker_text`` and the tool's, lower
    case, are equal or one contains the other.
ladder
    Per article, over the actors of the sheet's ``ladder`` and every actor the
    tool's highest-level table (``highest_level_by_actor``) gives a level
    above 0: the levels are equal (an actor not listed is level 0). And the
    share of the sheet's reacting actors the table names at all.

Run ``python tests/test_articles.py`` to print the figures the README reports.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from helpers.corpus import load_article
from helpers.diplomacy import attributions, highest_level_by_actor, statements
from helpers.safe_yaml import load_yaml
from helpers.text import segment

ARTICLES = Path(__file__).resolve().parent / "articles"
_ROSTER_TYPES = ("government", "igo")

#: The agreement the tests require (the README reports the measured figures).
SPEAKER_THRESHOLD = 0.9
TYPE_THRESHOLD = 0.9
TEXT_THRESHOLD = 0.8
LADDER_NAMED_THRESHOLD = 0.75


def article_ids() -> list[str]:
    return sorted(p.stem for p in ARTICLES.glob("*.txt"))


@cache
def _read(article_id: str):
    article = load_article(ARTICLES / f"{article_id}.txt")
    sheet = load_yaml((ARTICLES / f"{article_id}.answers.yml").read_text(encoding="utf-8"))
    seg = segment(article.text, doc_id=article.id)
    date = article.meta.get("published")
    return seg, sheet, attributions(seg, date=date), statements(seg, date=date)


def _sentence(seg, fragment: str) -> int:
    found = [i for i, text in enumerate(seg.sentences["text"]) if fragment in text]
    assert found, f"the sheet's sentence {fragment!r} is not in the article"
    return found[0]


def tool_speaker(table, sent_id: int) -> dict:
    """The tool's speaker of one sentence (see the module docstring)."""
    rows = table[table["sent_id"] == sent_id].copy()
    rows["order"] = rows["verb_start"].where(rows["verb_start"] >= 0, 1 << 40)
    rows = rows.sort_values("order", kind="stable")
    resolved = rows[(rows["speaker_id"] != "") | (rows["speaker_type"] != "")]
    named = rows[rows["speaker_text"] != ""]
    chosen = resolved if len(resolved) else named
    if not len(chosen):
        return {"speaker": "", "speaker_type": "", "speaker_text": "", "rule": ""}
    row = chosen.iloc[0]
    roster = row.speaker_id if row.speaker_type in _ROSTER_TYPES else ""
    return {
        "speaker": roster,
        "speaker_type": row.speaker_type,
        "speaker_text": row.speaker_text,
        "rule": row.speaker_rule,
    }


def speaker_rows(article_id: str) -> list[tuple[dict, dict]]:
    """``(sheet row, tool's speaker)`` for every sheet sentence of one article."""
    seg, sheet, table, _ = _read(article_id)
    return [
        (row, tool_speaker(table, _sentence(seg, row["sentence"]))) for row in sheet["speakers"]
    ]


def speaker_agrees(want: dict, got: dict) -> bool:
    """One sheet sentence's agreement (see the module docstring)."""
    wanted = want.get("speaker") or ""
    if got["speaker"] != wanted:
        return False
    kind = want.get("speaker_type") or ""
    return bool(wanted) or not kind or got["speaker_type"] == kind


def _text_agrees(want: dict, got: dict) -> bool:
    a, b = (want.get("speaker_text") or "").casefold(), got["speaker_text"].casefold()
    return bool(a and b) and (a == b or a in b or b in a)


def ladder_rows(article_id: str) -> list[tuple[str, int, int]]:
    """``(actor, sheet level, tool level)`` over the sheet's and the tool's reacting actors."""
    _, sheet, _, found = _read(article_id)
    table = highest_level_by_actor(found)
    tool = {r.speaker_id: int(r.level) for r in table.itertuples() if r.speaker_id and r.level}
    wanted = {str(k): int(v) for k, v in (sheet.get("ladder") or {}).items()}
    return [(a, wanted.get(a, 0), tool.get(a, 0)) for a in sorted(set(wanted) | set(tool))]


def measure() -> dict:
    """Every figure of the module docstring, over all the articles."""
    pairs = [pair for a in article_ids() for pair in speaker_rows(a)]
    typed = [(w, g) for w, g in pairs if w.get("speaker_type")]
    ladder = [row for a in article_ids() for row in ladder_rows(a)]
    reacting = [row for row in ladder if row[1] > 0]
    return {
        "articles": len(article_ids()),
        "sentences": len(pairs),
        "speaker_agreement": sum(speaker_agrees(w, g) for w, g in pairs) / len(pairs),
        "type_agreement": sum(g["speaker_type"] == w["speaker_type"] for w, g in typed)
        / len(typed),
        "text_agreement": sum(_text_agrees(w, g) for w, g in pairs) / len(pairs),
        "ladder_pairs": len(ladder),
        "ladder_level_agreement": sum(w == g for _, w, g in ladder) / len(ladder),
        "ladder_reacting": len(reacting),
        "ladder_named": sum(g > 0 for _, _, g in reacting) / len(reacting),
    }


@pytest.fixture(scope="module")
def figures():
    return measure()


def test_every_sheet_names_sentences_of_its_article():
    for article_id in article_ids():
        assert speaker_rows(article_id), article_id


def test_speakers_agree_with_the_sheets(figures):
    assert figures["sentences"] >= 100
    assert figures["speaker_agreement"] >= SPEAKER_THRESHOLD >= 0.8


def test_speaker_types_and_words_agree_with_the_sheets(figures):
    assert figures["type_agreement"] >= TYPE_THRESHOLD
    assert figures["text_agreement"] >= TEXT_THRESHOLD


def test_highest_level_by_actor_names_the_reacting_actors(figures):
    assert figures["ladder_named"] >= LADDER_NAMED_THRESHOLD


@pytest.mark.parametrize("article_id", ["un-vote-sudan-ceasefire", "south-china-sea-water-cannon"])
def test_notebook_04s_table_names_the_reacting_governments(article_id):
    _, sheet, _, found = _read(article_id)
    named = set(highest_level_by_actor(found)["speaker_id"])
    reacting = {k for k, v in (sheet.get("ladder") or {}).items() if v}
    assert len(reacting & named) >= len(reacting) - 1, (reacting, named)


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key}: {round(value, 3) if isinstance(value, float) else value}")
    for article_id in article_ids():
        for want, got in speaker_rows(article_id):
            if not speaker_agrees(want, got):
                print(
                    f"  {article_id}: {want['sentence'][:40]!r} sheet={want.get('speaker')!r}/"
                    f"{want.get('speaker_type')} tool={got['speaker']!r}/{got['speaker_type']} "
                    f"({got['rule'][:70]})"
                )
        for actor, want, got in ladder_rows(article_id):
            if want != got:
                print(f"  {article_id}: ladder {actor} sheet={want} tool={got}")
