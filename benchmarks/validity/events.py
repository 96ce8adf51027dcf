"""Events: the tool's event codes against the ConfliBERT coders, and PETRARCH2's unit tests.

ConfliBERT coding rounds (Osorio et al.; ``cameo_confli_bert/``): news
sentences coded by up to five coders each for relevance and for the CAMEO
root code and "PentaClass" of each action (0 make a statement, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).

How the figures are made
------------------------
* A sentence is the same sentence in every round it appears in; each coder's
  judgement in each round counts once.
* A coder's code for a sentence is their first action (``Action1``), the
  action the coders list first.
* The **majority** is the code more than half of the coders who gave one agree
  on; a sentence without such a code has no majority and is left out of that
  measure (so are sentences only one coder coded).
* The tool's PentaClass: its CAMEO root 01-02 is "make a statement" (the
  coders' class 0 holds CAMEO 01 and 02), otherwise its quad class; no event
  is no class.
* Cooperation/conflict accuracy: over sentences whose majority class is 1-4,
  the share where the tool's class is on the same side (1-2 cooperation, 3-4
  conflict); no event, or a statement, counts as wrong.
* The human ceiling: each coder against the majority of the *other* coders of
  the same sentence, pooled over coders.

PETRARCH2 unit-test records (``petrarch2/PETR.UnitTest.records.xml``): each
record's text is coded by the event coder and its main event
(:func:`helpers.diplomacy.event_coding.main_event`) is compared with the
record's expected events (records marked "no events" are left out): event
found (any event), root and code (the tool's root or code is one of the
expected ones), quad class and cooperation/conflict side of the expected
root, and source and target (the first three letters of the tool's actor id,
its country, equal one expected source or target code's). Many records use
fictional countries (Arnor, Gondor) that no actors list knows, so source and
target accuracy is low by design of the test set.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from devsets import confli_bert_rounds

PENTA_NAMES = {
    0: "make a statement",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
#: The tool's quad classes as PentaClass numbers.
QUAD_TO_PENTA = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}
_TRUE = {"true"}


def _flag(value) -> bool | None:
    text = str(value or "").strip().lower()
    if not text or text == "nan":
        return None
    return text in _TRUE


def _penta(value) -> int | None:
    match = re.match(r"\s*([0-4])-", str(value or ""))
    return int(match.group(1)) if match else None


def _root(value) -> int | None:
    match = re.match(r"\s*[0-4]-(\d+)\b", str(value or ""))
    return int(match.group(1)) if match else None


def coder_judgements(rows: list[dict]) -> dict[str, list[dict]]:
    """Sentence text -> one judgement per coder per round (relevant, penta, root)."""
    judgements: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        sentence = (row.get("sentences") or "").strip()
        if not sentence:
            continue
        for coder in range(1, 6):
            relevant = _flag(row.get(f"1_Relevant_{coder}"))
            if relevant is None:
                continue
            judgements[sentence].append(
                {
                    "coder": f"{row['round']}:{coder}",
                    "relevant": relevant,
                    "penta": _penta(row.get(f"Action1-PentaClass_{coder}")) if relevant else None,
                    "root": _root(row.get(f"Action1_CAMEO_{coder}")) if relevant else None,
                }
            )
    return judgements


def majority(values: list) -> object | None:
    """The value more than half of ``values`` agree on (None values not counted)."""
    given = [v for v in values if v is not None]
    if len(given) < 2:
        return None
    value, count = Counter(given).most_common(1)[0]
    return value if count * 2 > len(given) else None


def _side(penta: int | None) -> str | None:
    if penta in (1, 2):
        return "cooperation"
    if penta in (3, 4):
        return "conflict"
    return None


def tool_penta(row: dict) -> int | None:
    """The tool's PentaClass for one scored row."""
    cameo = str(row.get("cameo") or "")
    if cameo[:2] in ("01", "02"):
        return 0
    return QUAD_TO_PENTA.get(str(row.get("quad_class") or ""))


def tool_root(row: dict) -> int | None:
    cameo = str(row.get("cameo") or "")
    return int(cameo[:2]) if cameo[:2].isdigit() else None


def _rates(pairs: list[tuple]) -> dict:
    """Accuracy of (gold, predicted) pairs, with n."""
    n = len(pairs)
    return {"n": n, "accuracy": round(sum(g == p for g, p in pairs) / n, 3) if n else None}


def score_against(gold_rows: list[dict], predicted: list[dict]) -> dict:
    """Event found, PentaClass, cooperation/conflict and root agreement with the gold."""
    found, penta, side, root = [], [], [], []
    for gold, pred in zip(gold_rows, predicted, strict=True):
        if not gold["relevant"]:
            continue
        found.append((True, pred["penta"] is not None))
        if gold["penta"] is not None:
            penta.append((gold["penta"], pred["penta"]))
            if _side(gold["penta"]) is not None:
                side.append((_side(gold["penta"]), _side(pred["penta"])))
        if gold["root"] is not None:
            root.append((gold["root"], pred["root"]))
    return {
        "event_found": _rates(found),
        "pentaclass": _rates(penta),
        "cooperation_conflict": _rates(side),
        "root": _rates(root),
    }


def human_ceiling(judgements: dict[str, list[dict]]) -> dict:
    """Each coder against the majority of the other coders of the same sentence."""
    gold_rows, predicted = [], []
    for items in judgements.values():
        for i, item in enumerate(items):
            others = items[:i] + items[i + 1 :]
            relevant = majority([o["relevant"] for o in others])
            if relevant is None:
                continue
            gold_rows.append(
                {
                    "relevant": relevant,
                    "penta": majority([o["penta"] for o in others]) if relevant else None,
                    "root": majority([o["root"] for o in others]) if relevant else None,
                }
            )
            predicted.append(
                {"penta": item["penta"] if item["relevant"] else None, "root": item["root"]}
            )
    return score_against(gold_rows, predicted)


def measure(folder) -> dict:
    """Measure the tool and the coders on the ConfliBERT sentences."""
    from helpers.score import score_texts

    judgements = coder_judgements(confli_bert_rounds(folder))
    sentences, gold_rows = [], []
    for sentence, items in judgements.items():
        relevant = majority([item["relevant"] for item in items])
        if relevant is None:
            continue
        sentences.append(sentence)
        gold_rows.append(
            {
                "relevant": relevant,
                "penta": majority([i["penta"] for i in items]) if relevant else None,
                "root": majority([i["root"] for i in items]) if relevant else None,
            }
        )
    table = score_texts(sentences, analyses=("diplomacy",))
    predicted = [
        {"penta": tool_penta(row), "root": tool_root(row)} for row in table.to_dict("records")
    ]
    relevant = sum(g["relevant"] for g in gold_rows)
    records = Path(folder) / "petrarch2" / "PETR.UnitTest.records.xml"
    return {
        "petrarch_unit_tests": measure_petrarch(records) if records.exists() else {},
        "sentences_coded": len(judgements),
        "sentences_with_majority": len(gold_rows),
        "relevant_by_majority": relevant,
        "tool": score_against(gold_rows, predicted),
        "coders": human_ceiling(judgements),
    }


def petrarch_records(path) -> list[tuple[str, list[dict]]]:
    """``(text, expected events)`` of every unit-test record with expected events."""
    import xml.etree.ElementTree as ET

    records = []
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        expected = [
            dict(e.attrib) for e in sentence.findall("EventCoding") if "eventcode" in e.attrib
        ]
        text = " ".join((sentence.findtext("Text") or "").split())
        if expected and text:
            records.append((text, expected))
    return records


def _quad_of(code: str) -> str:
    from helpers.diplomacy.cameo import QUAD_BY_ROOT

    return QUAD_BY_ROOT.get(code[:2], "")


def measure_petrarch(path) -> dict:
    """The main event of each PETRARCH2 unit-test record against its expected events."""
    from helpers.diplomacy.event_coding import main_event
    from helpers.diplomacy.tables import found_in
    from helpers.text import segment

    pairs: dict[str, list] = defaultdict(list)
    for text, expected in petrarch_records(path):
        found = [e for _, e in found_in(segment(text), None, None, "events")]
        main = main_event(found)
        codes = {e["eventcode"] for e in expected}
        quads = {_quad_of(c) for c in codes}
        pairs["event_found"].append((True, main is not None))
        cameo = main.cameo if main else ""
        pairs["code"].append((True, cameo in codes))
        pairs["root"].append((True, bool(cameo) and cameo[:2] in {c[:2] for c in codes}))
        pairs["quad_class"].append((True, bool(cameo) and main.quad_class in quads))
        sides = {q.split("_")[1] for q in quads if q}
        side = main.quad_class.split("_")[1] if main else ""
        pairs["cooperation_conflict"].append((True, side in sides))
        for role, key in (("source", "sourcecode"), ("target", "targetcode")):
            wanted = {e.get(key, "")[:3] for e in expected if e.get(key)}
            if wanted:
                got = (getattr(main, f"{role}_id") or "")[:3] if main else ""
                pairs[role].append((True, got in wanted))
    return {key: _rates(value) for key, value in pairs.items()}


def markdown(result: dict) -> str:
    lines = [
        f"ConfliBERT coders: {result['sentences_coded']} sentences, "
        f"{result['sentences_with_majority']} with a majority on relevance, "
        f"{result['relevant_by_majority']} relevant.",
        "",
        "| measure | tool: n | tool | coders (each vs the others' majority): n | coders |",
        "|---|---|---|---|---|",
    ]
    for key in ("event_found", "pentaclass", "cooperation_conflict", "root"):
        tool, coders = result["tool"][key], result["coders"][key]
        lines.append(
            f"| {key.replace('_', ' ')} | {tool['n']} | {tool['accuracy']} | "
            f"{coders['n']} | {coders['accuracy']} |"
        )
    petrarch = result.get("petrarch_unit_tests") or {}
    if petrarch:
        lines += ["", "PETRARCH2 unit-test records (main event vs the expected events):", ""]
        lines += ["| measure | n | tool |", "|---|---|---|"]
        for key, value in petrarch.items():
            lines.append(f"| {key.replace('_', ' ')} | {value['n']} | {value['accuracy']} |")
    return "\n".join(lines)
