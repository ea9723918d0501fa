"""Co-mention counting in the shape of textacy's cooccurrence network: a window and an edge weighting.

The window is the sentence, bounded so that output grows linearly with the text, not with the
square of the entities in one sentence (an honours list of 300 names would otherwise give
44,850 pairs, each with the whole list as evidence):

- a list of more than a handful of names in a row ("A、B、C、D、E、F…", only list separators
  between them) is one slot: its members are linked to the entities around the list, not to
  each other (being listed together says little about two names); an item of touching
  mentions (河南西峡符祖国) keeps its own pairs;
- each slot is paired only with the next ``WINDOW`` slots of its sentence, so a sentence of
  up to ``WINDOW + 1`` slots is counted whole, as before, and a longer one (a run-on text
  without punctuation) costs at most ``WINDOW`` pairs per mention;
- evidence from a sentence longer than ``LONG_SENTENCE`` characters is an excerpt around the
  two mentions.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from kg.schema import Evidence

MAX_EVIDENCE = 3
# Slots (mentions, or whole lists) a slot is paired with, to its right.
WINDOW = 10
# A run of at least this many mentions joined by list separators is a list.
LIST_MIN = 6
# What stands between two items of a list: 、，, and/or, spaces (something: touching
# mentions are one item).
_LIST_GAP = re.compile(r"(?=.)[\s、，,／/]*(?:和|及|与|以及|或)?[\s、，,／/]*", re.DOTALL)
LONG_SENTENCE = 300  # characters; longer sentences give excerpts as evidence
MARGIN = 40  # characters of context kept on each side of a mention in an excerpt

Span = tuple[str, int, int]  # entity id, start, end (offsets into the sentence)


@dataclass
class Pair:
    count: int = 0  # sentences in common
    closeness: float = (
        0.0  # sum over sentences of 1 / (1 + characters between the two mentions / 10)
    )
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (article id, sentence)
    articles: set[str] = field(default_factory=set)


def slots(sentence: str, spans: list[Span]) -> list[list[list[Span]]]:
    """The mentions of a sentence in text order, grouped into slots of items. An item is a
    run of mentions with nothing between them (河南西峡符祖国: a place and a person). A slot is
    one mention, or a whole list: ``LIST_MIN`` or more items with list separators between them
    (and each item's mentions together)."""
    items: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s[1], s[2])):
        if items and span[1] <= items[-1][-1][2]:  # touching (or overlapping): the same item
            items[-1].append(span)
        else:
            items.append([span])
    out: list[list[list[Span]]] = []
    run: list[list[Span]] = []

    def close() -> None:
        out.extend([run] if len(run) >= LIST_MIN else [[[m]] for item in run for m in item])

    for item in items:
        if run and not _LIST_GAP.fullmatch(sentence[run[-1][-1][2] : item[0][1]]):
            close()
            run = []
        run.append(item)
    close()
    return out


def excerpt(sentence: str, first: tuple[int, int], second: tuple[int, int]) -> str:
    """``sentence`` itself when short; else the text around two mentions, with "…" for cuts."""
    if len(sentence) <= LONG_SENTENCE:
        return sentence
    (s1, e1), (s2, e2) = sorted([first, second])
    start, end = max(0, s1 - MARGIN), min(len(sentence), max(e1, e2) + MARGIN)
    if end - start <= LONG_SENTENCE:
        parts = [sentence[start:end]]
    else:
        parts = [sentence[start : e1 + MARGIN], sentence[max(0, s2 - MARGIN) : end]]
    text = "…".join(parts)
    return ("…" if start > 0 else "") + text + ("…" if end < len(sentence) else "")


def _window_pairs(
    sentence: str, spans: list[Span]
) -> dict[tuple[str, str], tuple[int, Span, Span]]:
    """Pairs of one sentence within the window: sorted ids -> (gap, span of a, span of b),
    the closest occurrence of the two."""
    found: dict[tuple[str, str], tuple[int, Span, Span]] = {}
    groups = slots(sentence, spans)
    for i, left in enumerate(groups):
        for x, y in _within_list(left):
            _keep_closest(found, x, y)
        for right in groups[i + 1 : i + 1 + WINDOW]:
            if len(left) > 1 and len(right) > 1:
                continue  # two lists: neither is the other's context
            for x in (m for item in left for m in item):
                for y in (m for item in right for m in item):
                    _keep_closest(found, x, y)
    return found


def _within_list(group: list) -> Iterator[tuple[Span, Span]]:
    """A list: the mentions of one item together."""
    if len(group) <= 1:
        return
    for item in group:
        for k, x in enumerate(item):
            for y in item[k + 1 :]:
                yield x, y


def _keep_closest(found: dict, x: Span, y: Span) -> None:
    """Keep the pair of two different entities at its smallest gap."""
    if x[0] == y[0]:
        return
    gap = max(0, max(x[1], y[1]) - min(x[2], y[2]))
    key, value = ((x[0], y[0]), (gap, x, y)) if x[0] < y[0] else ((y[0], x[0]), (gap, y, x))
    if key not in found or gap < found[key][0]:
        found[key] = value


def count_pairs(
    windows: Iterable[tuple[str, str | Evidence, list[Span]]],
) -> tuple[dict[tuple[str, str], Pair], Counter[str], int]:
    """``windows``: (article id, sentence text, [(entity id, start, end)]), offsets into the
    sentence. Returns pair stats keyed by sorted id pairs, per-entity window counts and the
    number of windows (for NPMI)."""
    pairs: dict[tuple[str, str], Pair] = defaultdict(Pair)
    singles: Counter[str] = Counter()
    n = 0
    for article, sentence, spans in windows:
        n += 1
        singles.update({eid for eid, _, _ in spans})
        text = sentence.sentence if isinstance(sentence, Evidence) else sentence
        for key, (gap, a, b) in _window_pairs(text, spans).items():
            pair = pairs[key]
            pair.count += 1
            pair.closeness += 1.0 / (1.0 + gap / 10.0)
            pair.articles.add(article)
            if len(pair.evidence) < MAX_EVIDENCE:
                pair.evidence.append((article, _quote(sentence, text, a, b)))
    return pairs, singles, n


def _quote(sentence: str | Evidence, text: str, a: Span, b: Span) -> str | Evidence:
    """The sentence itself (a shared Evidence stays shared), or, from a run-on sentence, the
    excerpt around the pair as evidence of its own."""
    quote = excerpt(text, a[1:], b[1:])
    if quote == text:
        return sentence
    return replace(sentence, sentence=quote) if isinstance(sentence, Evidence) else quote


def npmi(count: int, count_a: int, count_b: int, n: int) -> float:
    """Normalised pointwise mutual information in [-1, 1]: 1 = always together."""
    if n == 0 or count == 0:
        return 0.0
    p_ab = count / n
    if p_ab >= 1.0:
        return 1.0
    pmi = math.log(p_ab / ((count_a / n) * (count_b / n)))
    return pmi / -math.log(p_ab)
