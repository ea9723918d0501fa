"""PERSON and LOC mentions on People's Daily of January 1998 (``kg.corpora.load("pku1998", "dev")``)
against the corpus' own ``nr`` and ``ns`` words, exact spans: a measure of the tagger and the
entity rules on a source they were not trained on. The corpus' conventions differ from MSRA's in
places (a surname alone is an ``nr`` word, titles are never part of a name, a one-character
country form such as 俄 is ``j``, not ``ns``), so read it as a range.

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
        articles.append(
            Article(
                id=str(i), source="pku1998", text=text, sentences=[Sentence(0, len(text), text)]
            )
        )
    counts = {label: [0, 0, 0] for label in ("PERSON", "LOC")}
    for (_, spans), extraction in zip(data, Extractor().extract_many(articles), strict=True):
        for label, c in counts.items():
            gold = {(a, b) for a, b, kind in spans if kind == label}
            found = {
                (m.start, m.end) for m in extraction.mentions if m.type == label and m.start >= 0
            }
            c[0], c[1], c[2] = (
                c[0] + len(gold & found),
                c[1] + len(found - gold),
                c[2] + len(gold - found),
            )
    for label, (tp, fp, fn) in counts.items():
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(
            f"{len(data)} sentences; {label} P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
            f"(tp {tp} fp {fp} fn {fn})"
        )


if __name__ == "__main__":
    main()
