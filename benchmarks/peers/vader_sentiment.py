"""A sentiment-only peer: the ``vaderSentiment`` package (the VADER authors' release).

The same script as ``nltk_vader.py`` with the authors' own implementation,
which loads no NLTK: read a CSV, score each ``text``, write the scores.
Usage: ``python vader_sentiment.py IN.csv OUT.csv``.
"""

import csv
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

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
