#!/usr/bin/env bash
# What each batch of relation patterns earned, on every dev draw: for each commit named, its
# relation code (the rest of the tree as it is now: relations_at.py) scores every dev draw. A
# batch's effect on the draws annotated after it is its effect on text it was not written from.
#
#   bash benchmarks/relation_history.sh bbae33e 902c6e2 3f6a3f0 ...
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for commit in "$@"; do
  tree=$(python benchmarks/relations_at.py "$commit" "$tmp/$commit")
  (cd "$tree" && PYTHONPATH="$tree" python - "$commit" <<'PY'
import sys

from kg.relation_eval import SETS, evaluate

cells = []
for name in (s for s in SETS if not s.startswith("test")):
    t = evaluate(name).total()
    cells.append(f"{name}:{t.tp}/{t.tp + t.fp}/{t.tp + t.fn}")
print(sys.argv[1], "correct/found/gold", " ".join(cells), flush=True)
PY
  )
done
