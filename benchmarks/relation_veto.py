"""The learned attacher as a veto on the patterns' relations: does a low probability mark the
wrong ones? Each draw's relations are taken as the patterns found them at the commit it was first
scored with (text they had not been written from; relation_fresh.py), and at the current commit
(the patterns fitted on every read draw); the attacher that scores them is trained
leave-one-draw-out on the gold of the other read draws (relation_attacher.py, hand features).
Prints, per probability threshold, how many right and wrong relations a veto would drop.

Needs scikit-learn: ``pip install scikit-learn``.

    PYTHONPATH=. python benchmarks/relation_veto.py affc0c0:dev9 d517c40:dev10 ...
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from relation_attacher import DRAWS, PKU_DRAWS, _collect
from relation_fresh import run_at
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from kg.relation_eval import _matches

FOUND = """
import json, sys
from kg.relation_eval import SETS, DEFAULT_GOLD, load_gold, predict
rows = [r for n in SETS[sys.argv[1]] for r in load_gold(DEFAULT_GOLD / n)]
print(json.dumps([[(x.relation, x.source, x.target) for x in p] for p in predict(rows)]))
"""
READ = DRAWS + PKU_DRAWS + ["dev26", "dev27", "dev28"]


def _probabilities(data, draw: str, C: float) -> dict[str, list]:
    """Per sentence of ``draw``: (candidate, probability) from a model trained on the others."""
    train = [x for other in READ if other != draw for x in data[other]]
    vec = DictVectorizer()
    model = LogisticRegression(max_iter=3000, C=C).fit(
        vec.fit_transform([x[1] for x in train]), [x[2] for x in train]
    )
    out: dict[str, list] = defaultdict(list)
    if data[draw]:
        p = model.predict_proba(vec.transform([x[1] for x in data[draw]]))[:, 1]
        for x, pp in zip(data[draw], p, strict=True):
            out[x[0]].append((x[3], pp))
    return out


def _rows(found: dict[str, list], data, gold_by, C: float) -> list[tuple[bool, float | None]]:
    """(right, attacher probability or None where it had no such candidate) per relation found."""
    rows = []
    for draw, per_sentence in found.items():
        probs = _probabilities(data, draw, C)
        for i, relations in enumerate(per_sentence):
            key = f"{draw}|{i}"
            free = list(gold_by.get(key, []))
            for rel in map(tuple, relations):
                hit = next((g for g in free if _matches(rel, g)), None)
                if hit is not None:
                    free.remove(hit)
                ps = [pp for c, pp in probs[key] if c[0] == rel[0] and _matches(c, rel)]
                rows.append((hit is not None, max(ps) if ps else None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="+", help="COMMIT:SET, e.g. affc0c0:dev9 or HEAD:dev2")
    parser.add_argument("-C", type=float, default=0.1)
    args = parser.parse_args()
    found = {
        which: run_at(commit, FOUND, which) for commit, which in (p.split(":") for p in args.pairs)
    }
    data, gold_by, _, _ = _collect(READ, with_rules=False)
    rows = _rows(found, data, gold_by, args.C)
    right = sum(r for r, _ in rows)
    print(f"found {len(rows)}: {right} right, {len(rows) - right} wrong")
    none = [r for r, p in rows if p is None]
    print(f"no candidate of the attacher's: {sum(none)} right, {len(none) - sum(none)} wrong")
    for th in (0.02, 0.05, 0.1, 0.2, 0.3):
        low = [r for r, p in rows if p is not None and p < th]
        print(f"p < {th}: a veto drops {sum(low)} right, {len(low) - sum(low)} wrong")


if __name__ == "__main__":
    main()
