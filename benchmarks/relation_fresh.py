"""Per-type scores of each blind draw at the commit it was first scored with: the honest figure for
news text the patterns were not written from. Each COMMIT:SET pair scores SET with that commit's
relation code (the rest of the tree as it is now: relations_at.py); the table
pools the pairs.

    PYTHONPATH=. python benchmarks/relation_fresh.py affc0c0:dev9 d517c40:dev10 ...
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from relations_at import relations_tree

ROOT = Path(__file__).resolve().parents[1]
SCORE = """
import json, sys
from kg.relation_eval import evaluate
r = evaluate(sys.argv[1])
print(json.dumps({t: [c.tp, c.fp, c.fn] for t, c in r.counts.items()}))
"""


def run_at(commit: str, script: str, which: str):
    """The JSON that ``script`` prints for SET ``which`` with that commit's relation code, run in
    a tree of its own (relations_at.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = relations_tree(commit, Path(tmp))
        out = subprocess.run(
            [sys.executable, "-c", script, which],
            cwd=tree,
            env={**os.environ, "PYTHONPATH": str(tree)},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])


def score_at(commit: str, which: str) -> dict[str, list[int]]:
    return run_at(commit, SCORE, which)


def main() -> None:
    pairs = [arg.split(":") for arg in sys.argv[1:]]
    totals: dict[str, list[int]] = {}
    for commit, which in pairs:
        counts = score_at(commit, which)
        tp, fp, fn = (sum(c[k] for c in counts.values()) for k in range(3))
        print(f"{which} at {commit}: correct/found/gold {tp}/{tp + fp}/{tp + fn}", flush=True)
        for t, c in counts.items():
            totals[t] = [a + b for a, b in zip(totals.get(t, [0, 0, 0]), c, strict=True)]
    totals["all"] = [sum(c[k] for c in totals.values()) for k in range(3)]
    print("| relation | gold | P | R | F1 |\n|---|---|---|---|---|")
    for t, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {t} | {tp + fn} | {p:.2f} | {r:.2f} | {f:.2f} |")


if __name__ == "__main__":
    main()
