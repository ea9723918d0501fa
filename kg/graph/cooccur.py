"""Co-mention counting in the shape of textacy's cooccurrence network: a window (here the sentence)
and an edge weighting. Linear in the number of sentences; quadratic only in entities per sentence."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_EVIDENCE = 3


@dataclass
class Pair:
    count: int = 0  # sentences in common
    closeness: float = 0.0  # sum over sentences of 1 / (1 + characters between the two mentions / 10)
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (article id, sentence)
    articles: set[str] = field(default_factory=set)


def count_pairs(
    windows: Iterable[tuple[str, str, list[tuple[str, int, int]]]],
) -> tuple[dict[tuple[str, str], Pair], Counter[str], int]:
    """``windows``: (article id, sentence text, [(entity id, start, end)]). Returns pair stats keyed by
    sorted id pairs, per-entity window counts and the number of windows (for NPMI)."""
    pairs: dict[tuple[str, str], Pair] = defaultdict(Pair)
    singles: Counter[str] = Counter()
    n = 0
    for article, sentence, spans in windows:
        n += 1
        nearest: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for eid, s, e in spans:
            nearest[eid].append((s, e))
        ids = sorted(nearest)
        singles.update(ids)
        for i, a in enumerate(ids):
            spans_a = nearest[a]
            for b in ids[i + 1 :]:
                spans_b = nearest[b]
                if len(spans_a) == 1 and len(spans_b) == 1:  # the usual case, without a generator
                    (s1, e1), (s2, e2) = spans_a[0], spans_b[0]
                    gap = max(0, max(s1, s2) - min(e1, e2))
                else:
                    gap = min(max(0, max(s1, s2) - min(e1, e2)) for s1, e1 in spans_a for s2, e2 in spans_b)
                pair = pairs[(a, b)]
                pair.count += 1
                pair.closeness += 1.0 / (1.0 + gap / 10.0)
                pair.articles.add(article)
                if len(pair.evidence) < MAX_EVIDENCE:
                    pair.evidence.append((article, sentence))
    return pairs, singles, n


def npmi(count: int, count_a: int, count_b: int, n: int) -> float:
    """Normalised pointwise mutual information in [-1, 1]: 1 = always together."""
    if n == 0 or count == 0:
        return 0.0
    p_ab = count / n
    if p_ab >= 1.0:
        return 1.0
    pmi = math.log(p_ab / ((count_a / n) * (count_b / n)))
    return pmi / -math.log(p_ab)
