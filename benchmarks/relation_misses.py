"""Why typed relations are missed: for each gold relation the extractor does not find, whether both
parties are among the extraction's mentions (an attachment the clause patterns do not make) or one
is not (a name the model does not find). Counts only: it prints no sentence, so it can be run on
the test set without reading it.

    PYTHONPATH=. python benchmarks/relation_misses.py dev dev2 dev3
    PYTHONPATH=. python benchmarks/relation_misses.py test
"""

from __future__ import annotations

import argparse

from kg.extract import Extractor
from kg.relation_eval import DEFAULT_GOLD, SETS, _matches, _same, load_gold
from kg.schema import Article, Sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", choices=sorted(SETS))
    args = parser.parse_args()
    extractor = Extractor()
    counts = {
        "gold": 0,
        "found": 0,
        "missed, both parties are mentions": 0,
        "missed, a party is no mention": 0,
    }
    for which in args.sets:
        rows = [
            row
            for name in SETS[which]
            for row in load_gold(DEFAULT_GOLD / name)
            if "|" not in row["id"]
        ]
        articles = [
            Article(
                id=r["id"],
                source="gold",
                text=r["text"],
                sentences=[Sentence(0, len(r["text"]), r["text"])],
            )
            for r in rows
        ]
        found = {ex.article.id: ex for ex in extractor.extract_many(articles)}
        for row in rows:
            ex = found[row["id"]]
            names = [m.text for m in ex.mentions]
            predicted = [(r.relation, r.source, r.target) for r in ex.relations]
            for g in row["relations"]:
                key = (g["relation"], g["source"], g["target"])
                counts["gold"] += 1
                if any(_matches(p, key) for p in predicted):
                    counts["found"] += 1
                elif all(any(_same(n, party) for n in names) for party in key[1:]):
                    counts["missed, both parties are mentions"] += 1
                else:
                    counts["missed, a party is no mention"] += 1
    for name, n in counts.items():
        print(f"{name}: {n}")


if __name__ == "__main__":
    main()
