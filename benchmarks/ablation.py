"""Each rule family's effect on real text: switch it off, score again, report the change.

    PYTHONPATH=. python benchmarks/ablation.py [--corpora msra,cluener,resume] [--seeds] [--limit N]

Every dev split (kg.corpora.load(corpus, "dev"): MSRA's every tenth training sentence, CLUENER's
every tenth training example, Resume's dev file) is tagged by the backend once; the domain layer
then runs on copies of those Docs with all families on, with none (the model alone), and with
each family off in turn. Scores are mention level, exact span and type, over the labels each
corpus annotates (the graph's 中国政府 convention mapped, as ``kg eval --corpus`` does). With
``--seeds`` the seed pages are scored the same way (``kg eval``, with ``KG_RULES_OFF``).

Prints Markdown tables (docs/rules.md holds them) and writes benchmarks/out/ablation.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere without installing kg

from kg import corpora
from kg.evaluate import ALL, Report, predict_corpus, score_corpus, tag_corpus
from kg.extract.backends import DEFAULT_BACKEND
from kg.extract.entities import FAMILIES, PROPOSERS
from kg.extract.tokens import SPLITTERS
from kg.extract.vetoes import KEEPERS, LATE_RELABELS, RELABELS, VETOES

ALL_ON, MODEL = "(all on)", "(model alone)"


def kind(family: str) -> str:
    for name, group in (
        ("splitter", SPLITTERS),
        ("relabel", {**RELABELS, **LATE_RELABELS}),
        ("keeper", KEEPERS),
        ("veto", VETOES),
        ("proposer", PROPOSERS),
    ):
        if family in group:
            return name
    return ""


def scores(report: Report) -> dict[str, dict[str, float]]:
    return {
        label: {"p": s.precision, "r": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}
        for label, s in report.entities.items()
    }


def ablate_corpus(corpus: str, *, limit: int | None, backend: str) -> dict[str, dict]:
    examples = corpora.load(corpus, "dev")[:limit]
    texts = [t for t, _ in examples]
    gold = [set(spans) for _, spans in examples]
    labels = corpora.CORPUS_LABELS[corpus]
    start = time.perf_counter()
    docs = tag_corpus(texts, backend=backend)
    print(
        f"{corpus}: {len(texts)} sentences tagged in {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    out = {}
    settings = [(MODEL, None), (ALL_ON, frozenset()), *((f, frozenset({f})) for f in FAMILIES)]
    for name, off in settings:
        pred = predict_corpus(texts, docs, domain=off is not None, disable=off or ())
        report, mapped = score_corpus(
            texts, pred, gold, labels=labels, map_graph_conventions=off is not None
        )
        out[name] = {"scores": scores(report), "mapped": mapped}
    print(
        f"{corpus}: {len(settings)} settings in {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    return out


def ablate_seeds(*, backend: str) -> dict[str, dict]:
    from kg.evaluate import evaluate_seeds, load_gold

    gold = load_gold(ROOT / "tests" / "data" / "gold")
    out = {}
    for name, off in [(ALL_ON, ""), *((f, f) for f in FAMILIES)]:
        os.environ["KG_RULES_OFF"] = off
        report = evaluate_seeds([ROOT / "seeds"], gold, backend=backend)
        out[name] = {"scores": scores(report), "roles_f1": report.roles.f1}
    os.environ.pop("KG_RULES_OFF", None)
    return out


def _delta(value: float, base: float) -> str:
    d = (value - base) * 100
    return "0" if abs(d) < 0.05 else f"{d:+.1f}"


def table(corpus: str, results: dict[str, dict]) -> list[str]:
    """One row per family: ΔP/ΔR per label and ΔF1 of all labels, in points, off minus all on."""
    base = results[ALL_ON]["scores"]
    labels = [k for k in base if k != ALL]
    head = ["family", "kind", *(f"{label} ΔP/ΔR" for label in labels), "ALL ΔF1"]
    lines = [f"**{corpus}**", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def row(name: str, k: str, s: dict, absolute: bool = False) -> str:
        cells = [name, k]
        for label in labels:
            if absolute:
                cells.append(f"{s[label]['p']:.3f} / {s[label]['r']:.3f}")
            else:
                cells.append(
                    f"{_delta(s[label]['p'], base[label]['p'])} / {_delta(s[label]['r'], base[label]['r'])}"
                )
        cells.append(f"{s[ALL]['f1']:.3f}" if absolute else _delta(s[ALL]["f1"], base[ALL]["f1"]))
        return "| " + " | ".join(cells) + " |"

    lines.append(row(ALL_ON, "P / R, F1", base, absolute=True))
    if MODEL in results:
        lines.append(row(MODEL, "P / R, F1", results[MODEL]["scores"], absolute=True))
    for family in FAMILIES:
        lines.append(row(family, kind(family), results[family]["scores"]))
    return lines


def seed_table(results: dict[str, dict]) -> list[str]:
    base = results[ALL_ON]
    lines = [
        "**seed pages** (kg eval: graph level)",
        "",
        "| family | entities ΔF1 | roles ΔF1 |",
        "|---|---|---|",
    ]
    lines.append(f"| {ALL_ON} | {base['scores'][ALL]['f1']:.3f} | {base['roles_f1']:.3f} |")
    for family in FAMILIES:
        r = results[family]
        lines.append(
            f"| {family} | {_delta(r['scores'][ALL]['f1'], base['scores'][ALL]['f1'])} "
            f"| {_delta(r['roles_f1'], base['roles_f1'])} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default="msra,cluener,resume")
    parser.add_argument("--seeds", action="store_true", help="also the seed pages (kg eval)")
    parser.add_argument(
        "--limit", type=int, default=None, help="first N dev sentences of each corpus"
    )
    parser.add_argument("--backend", default=DEFAULT_BACKEND.value)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "ablation.json")
    args = parser.parse_args()
    results: dict[str, dict] = {}
    for corpus in filter(None, args.corpora.split(",")):
        results[corpus] = ablate_corpus(corpus, limit=args.limit, backend=args.backend)
        print("\n".join(table(f"{corpus} dev", results[corpus])) + "\n")
    if args.seeds:
        results["seeds"] = ablate_seeds(backend=args.backend)
        print("\n".join(seed_table(results["seeds"])))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
