"""What typed relations cost: time inside the relation finder vs the whole ``kg run`` (one job,
fresh store, HTML included) and vs the extraction stage, on the seeds plus a generated corpus.

    PYTHONPATH=. python benchmarks/make_corpus.py 1000 -o benchmarks/out/corpus-1000.jsonl
    PYTHONPATH=. python benchmarks/relations_cost.py benchmarks/out/corpus-1000.jsonl
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg.extract import domain
from kg.extract.pipeline import Extractor
from kg.schema import RELATION_TYPES

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a JSONL corpus from make_corpus.py")
    args = parser.parse_args()

    spent = {"relations": 0.0, "extraction": 0.0, "edges": 0.0, "relations_found": 0}
    find = domain.find_relations
    extract_many = Extractor.extract_many

    def timed_find(*a, **k):
        start = time.perf_counter()
        found = find(*a, **k)
        spent["relations"] += time.perf_counter() - start
        spent["relations_found"] += len(found)
        return found

    def timed_extract(self, articles):
        start = time.perf_counter()
        out = extract_many(self, articles)
        spent["extraction"] += time.perf_counter() - start
        return out

    from kg.graph import build

    add_edges = build.add_relation_edges

    def timed_edges(*a, **k):
        start = time.perf_counter()
        add_edges(*a, **k)
        spent["edges"] += time.perf_counter() - start

    build.add_relation_edges = timed_edges
    domain.find_relations = timed_find
    Extractor.extract_many = timed_extract
    from kg.pipeline import run

    Extractor().load()  # the model load is no part of either figure
    with tempfile.TemporaryDirectory(prefix="kg-rel-bench-") as out:
        start = time.perf_counter()
        result = run([SEEDS, args.corpus], out=out, jobs=1, fresh=True)
        total = time.perf_counter() - start
    typed = sum(1 for *_, d in result.graph.edges(data=True) if d.get("relation") in RELATION_TYPES)
    print(
        f"articles {result.articles}, relations found {spent['relations_found']}, typed edges {typed}"
    )
    print(f"kg run (1 job, fresh, html): {total:.2f} s")
    print(f"extraction stage:            {spent['extraction']:.2f} s")
    print(
        f"relation finder:             {spent['relations']:.3f} s = "
        f"{100 * spent['relations'] / total:.1f} % of the run, "
        f"{100 * spent['relations'] / spent['extraction']:.1f} % of extraction"
    )
    both = spent["relations"] + spent["edges"]
    print(
        f"relation edges in the graph: {spent['edges']:.3f} s; together {100 * both / total:.1f} % of the run"
    )


if __name__ == "__main__":
    main()
