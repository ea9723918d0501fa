"""PERSON mentions on People's Daily of January 1998 (``kg.corpora.load("pku1998", "dev")``)
against the corpus' own ``nr`` words, exact spans: a measure of the tagger and the entity rules on
a source they were not trained on. The corpus' conventions differ from MSRA's in places (a
surname alone is an ``nr`` word, titles are never part of a name), so read it as a range.

    PYTHONPATH=. python benchmarks/pku_persons.py            # the whole dev part (4,454 sentences)
    PYTHONPATH=. python benchmarks/pku_persons.py --limit 500
"""

from __future__ import annotations

import argparse

from kg.corpora import load
from kg.extract import Extractor
from kg.ingest.clean import normalize_spaces
from kg.schema import Article, Sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    args = parser.parse_args()
    data = load("pku1998", "dev")[: args.limit]
    articles = []
    for i, (text, _) in enumerate(data):
        text = normalize_spaces(text)  # as kg run reads it; one character for one, offsets hold
        articles.append(Article(id=str(i), source="pku1998", text=text, sentences=[Sentence(0, len(text), text)]))
    tp = fp = fn = 0
    for (_, spans), extraction in zip(data, Extractor().extract_many(articles), strict=True):
        gold = {(a, b) for a, b, label in spans if label == "PERSON"}
        found = {(m.start, m.end) for m in extraction.mentions if m.type == "PERSON" and m.start >= 0}
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"{len(data)} sentences; PERSON P {precision:.3f} R {recall:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")


if __name__ == "__main__":
    main()
