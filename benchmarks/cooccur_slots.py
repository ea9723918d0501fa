"""What the co-mention bound changes on real text: sentences counted whole (at most WINDOW + 1
slots), lists found, and the pairs kept, with what the window and the lists each drop.

    python benchmarks/cooccur_slots.py msra     # MSRA dev split, gold entity spans (no model)
    python benchmarks/cooccur_slots.py seeds/   # kg's own mentions of some pages (loads the model)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator

from kg.graph import cooccur

Window = tuple[str, list[tuple[str, int, int]]]  # sentence, (entity, start, end) in it


def msra_windows() -> Iterator[Window]:
    from kg import corpora

    for text, spans in corpora.load("msra", "dev"):
        if spans:
            yield text, [(f"{label}:{text[a:b]}", a, b) for a, b, label in spans]


def page_windows(inputs: list[str]) -> Iterator[Window]:
    from kg.pipeline import extract_only

    for ex in extract_only(inputs):
        per_sentence = defaultdict(list)
        for m in ex.mentions:
            if 0 <= m.sentence < len(ex.article.sentences):
                base = ex.article.sentences[m.sentence].start
                per_sentence[m.sentence].append(
                    (f"{m.type}:{m.text}", m.start - base, m.end - base)
                )
        for index, spans in per_sentence.items():
            yield ex.sentence_text(index), spans


def pairs(windows: list[Window], window: int, list_min: int) -> int:
    cooccur.WINDOW, cooccur.LIST_MIN = window, list_min
    return sum(len(cooccur._window_pairs(sentence, spans)) for sentence, spans in windows)


def main() -> None:
    args = sys.argv[1:] or ["msra"]
    windows = list(msra_windows() if args == ["msra"] else page_windows(args))
    window, list_min, unbounded = cooccur.WINDOW, cooccur.LIST_MIN, 10**9
    groups = [cooccur.slots(sentence, spans) for sentence, spans in windows]
    whole = sum(len(g) <= window + 1 for g in groups)
    lists = sum(len(slot) > 1 for g in groups for slot in g)
    every = pairs(windows, unbounded, unbounded)
    kept = pairs(windows, window, list_min)
    by_window = every - pairs(windows, window, unbounded)
    by_lists = every - pairs(windows, unbounded, list_min)
    print(
        f"sentences with an entity: {len(windows)}; counted whole (<= {window + 1} slots): {whole} "
        f"({whole / len(windows):.1%}); lists: {lists}"
    )
    print(
        f"pairs: {every} unbounded, {kept} kept ({kept / every:.1%}); the window drops {by_window}, "
        f"the lists {by_lists}"
    )


if __name__ == "__main__":
    main()
