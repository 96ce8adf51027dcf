"""Readers for the development sets (see ``../shared/devsets/README.md`` in the workplace).

The sets are not part of the project (a user's clone does not have them), so
every reader takes the folder the user names and fails with a clear message
when a file is missing. Nothing here is used by the package or the tests.

Each reader returns plain records, in file order, so that the measures can be
recomputed by anyone with the same folder.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import sys
from pathlib import Path


def need(folder: Path, name: str) -> Path:
    """Return ``folder / name``; exit with a one-line message when it is missing."""
    path = Path(folder) / name
    if not path.exists():
        sys.exit(f"error: {path} not found; give the development-set folder as the first argument")
    return path


def conll_wikipedia(folder: Path) -> list[dict]:
    """CoNLL-2010 Wikipedia evaluation sentences: ``text``, ``label`` (1 uncertain)."""
    with open(need(folder, "conll2010_wikipedia_eval.csv"), encoding="utf-8", newline="") as handle:
        return [
            {"text": row["text"].strip(), "label": int(row["label"])}
            for row in csv.DictReader(handle)
        ]


#: Frermann et al. (2023) frame codes and the project's frame names.
FRERMANN_FRAMES = {
    "CO": "conflict",
    "HI": "human_interest",
    "EC": "economic",
    "MO": "morality",
    "RE": "responsibility",
}


def frermann_articles(folder: Path) -> list[dict]:
    """Climate-news articles with article-level frame codes (True/False per frame).

    The file has one ``False)`` typo in the EC column; anything that does not
    start with ``True`` is read as False.
    """
    path = need(folder, "frermann2023_climate_dev.tsv")
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        {
            "id": row["ID"],
            "source": row["source"],
            "date": row["date"],
            "text": row["text"],
            **{
                name: row[code].strip().startswith("True") for code, name in FRERMANN_FRAMES.items()
            },
        }
        for row in rows
    ]


#: NewsMTSC polarity values and the project's class names.
NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def newsmtsc_split(gid: str) -> str:
    """``"dev"`` (80%) or ``"heldout"`` (20%), by a hash of the sentence id.

    The split is by sentence, so that targets of one sentence never fall on
    both sides; it depends only on the id, so anyone gets the same split.

    >>> newsmtsc_split("allsides_1000_401_25_Reality Leigh Winner_0_6") in ("dev", "heldout")
    True
    """
    digest = hashlib.sha256(gid.encode("utf-8")).digest()
    return "heldout" if digest[0] % 5 == 0 else "dev"


def newsmtsc_targets(folder: Path) -> list[dict]:
    """One record per target: sentence, mention, offsets, label, split."""
    records = []
    with open(need(folder, "newsmtsc_train.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            split = newsmtsc_split(row["primary_gid"])
            for target in row["targets"]:
                records.append(
                    {
                        "gid": row["primary_gid"],
                        "text": row["sentence_normalized"],
                        "mention": target["mention"],
                        "start": int(target["from"]),
                        "end": int(target["to"]),
                        "label": NEWSMTSC_POLARITY[float(target["polarity"])],
                        "split": split,
                    }
                )
    return records


def confli_bert_rounds(folder: Path) -> list[dict]:
    """Every row of the ConfliBERT CAMEO coding rounds, with its round file name."""
    files = sorted(glob.glob(str(need(folder, "cameo_confli_bert") / "training_round_*.csv")))
    if not files:
        sys.exit(f"error: no training_round_*.csv in {folder}/cameo_confli_bert")
    rows = []
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                row["round"] = Path(path).stem
                rows.append(row)
    return rows
