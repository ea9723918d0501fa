"""How many sentences of some pages the co-mention bound changes: slots per sentence (a
mention, or a list of LIST_MIN or more), and the co_mention edges of the graph.

    python benchmarks/cooccur_slots.py seeds/
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter, defaultdict

from kg.graph.cooccur import WINDOW, slots
from kg.pipeline import extract_only, run


def main() -> None:
    inputs = sys.argv[1:] or ["seeds"]
    sizes: Counter[int] = Counter()
    lists = 0
    for ex in extract_only(inputs):
        per_sentence = defaultdict(list)
        for m in ex.mentions:
            if 0 <= m.sentence < len(ex.article.sentences):
                base = ex.article.sentences[m.sentence].start
                per_sentence[m.sentence].append((m.text, m.start - base, m.end - base))
        for index, spans in per_sentence.items():
            groups = slots(ex.sentence_text(index), spans)
            sizes[len(groups)] += 1
            lists += sum(len(g) > 1 for g in groups)
    total = sum(sizes.values())
    whole = sum(n for k, n in sizes.items() if k <= WINDOW + 1)
    print(f"sentences with a mention: {total}; counted whole (<= {WINDOW + 1} slots): {whole} "
          f"({whole / total:.1%}); lists found: {lists}; most slots in one sentence: {max(sizes)}")
    with tempfile.TemporaryDirectory() as out:
        graph = run(inputs, out=out, html=False).graph
    edges = sum(1 for *_, d in graph.edges(data=True) if d["relation"] == "co_mention")
    print(f"co_mention edges: {edges}")


if __name__ == "__main__":
    main()
