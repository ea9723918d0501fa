#!/usr/bin/env bash
# What each batch of relation patterns earned, on every dev draw: for each commit named, its
# kg/extract/relations.py (the rest of the tree as it is now) scores every dev draw. A batch's effect
# on the draws annotated after it is its effect on text it was not written from.
#
#   bash benchmarks/relation_history.sh bbae33e 902c6e2 3f6a3f0 ...
set -euo pipefail
cd "$(dirname "$0")/.."
keep=$(mktemp)
cp kg/extract/relations.py "$keep"
trap 'cp "$keep" kg/extract/relations.py; rm -f "$keep"' EXIT
for commit in "$@"; do
  git show "$commit:kg/extract/relations.py" > kg/extract/relations.py
  python - "$commit" <<'PY'
import sys

from kg.relation_eval import SETS, evaluate

cells = []
for name in (s for s in SETS if not s.startswith("test")):
    t = evaluate(name).total()
    cells.append(f"{name}:{t.tp}/{t.tp + t.fp}/{t.tp + t.fn}")
print(sys.argv[1], "correct/found/gold", " ".join(cells), flush=True)
PY
done
