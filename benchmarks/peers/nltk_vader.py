"""The reference: a plain NLTK VADER script, as a researcher would write it.

Reads a CSV with a ``text`` column, scores every row with NLTK's
``SentimentIntensityAnalyzer`` and writes the input columns with ``neg``,
``neu``, ``pos`` and ``compound``. The lexicon is the one ``make setup``
prepared in the project's ``.nltk_data`` (what ``nltk.download("vader_lexicon")``
would fetch). Usage: ``python nltk_vader.py IN.csv OUT.csv``.
"""

import csv
import sys
from pathlib import Path

import nltk
from nltk.sentiment.vader import SentimentIntensityAnalyzer

nltk.data.path.insert(0, str(Path(__file__).resolve().parents[2] / ".nltk_data"))
analyzer = SentimentIntensityAnalyzer()

source, target = sys.argv[1], sys.argv[2]
with (
    open(source, encoding="utf-8", newline="") as infile,
    open(target, "w", encoding="utf-8", newline="") as outfile,
):
    reader = csv.DictReader(infile)
    writer = csv.writer(outfile)
    writer.writerow([*reader.fieldnames, "neg", "neu", "pos", "compound"])
    for row in reader:
        scores = analyzer.polarity_scores(row["text"])
        writer.writerow(
            [*row.values(), scores["neg"], scores["neu"], scores["pos"], scores["compound"]]
        )
