"""Score combinations of the LAC and spaCy backends on the MSRA test set (models/README.md).

    python scripts/msra_combinations.py [--model models/zh_msra_ner]

Each backend's own entities (``make_doc(...).ents``, no domain rules), combined mention by mention,
scored like ``kg eval --corpus msra`` (exact span and type, PERSON/LOC/ORG).
"""

from __future__ import annotations

import argparse

from kg.corpora import msra
from kg.evaluate import evaluate_mentions
from kg.extract import Extractor
from kg.schema import Sentence

Mention = tuple[int, int, str]


def predictions(backend: str, model: str | None, texts: list[str]) -> list[set[Mention]]:
    tagger = Extractor(backend=backend, model=model).backend
    out = []
    for text in texts:
        doc = tagger.make_doc(text, [Sentence(0, len(text), text)])
        out.append(
            {
                (e.start_char, e.end_char, e.label_)
                for e in doc.ents
                if e.label_ in ("PERSON", "LOC", "ORG")
            }
        )
    return out


def _overlaps(mention: Mention, others: set[Mention]) -> bool:
    return any(o[0] < mention[1] and mention[0] < o[1] for o in others)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/zh_msra_ner", help="the spaCy model")
    args = parser.parse_args()
    test = msra("test")
    texts = [text for text, _ in test]
    gold = [{(s, e, label) for s, e, label in spans} for _, spans in test]
    lac, spacy = predictions("lac", None, texts), predictions("spacy", args.model, texts)
    combos = {
        "LAC alone": lac,
        "spaCy alone": spacy,
        "union": [a | b for a, b in zip(lac, spacy, strict=True)],
        "intersection": [a & b for a, b in zip(lac, spacy, strict=True)],
        "spaCy + LAC where spaCy has nothing": [
            b | {m for m in a if not _overlaps(m, b)} for a, b in zip(lac, spacy, strict=True)
        ],
        "LAC + spaCy where LAC has nothing": [
            a | {m for m in b if not _overlaps(m, a)} for a, b in zip(lac, spacy, strict=True)
        ],
        "PERSON from LAC, LOC/ORG from spaCy": [
            {m for m in a if m[2] == "PERSON"} | {m for m in b if m[2] != "PERSON"}
            for a, b in zip(lac, spacy, strict=True)
        ],
    }
    for name, pred in combos.items():
        total = evaluate_mentions(pred, gold).entities["ALL"]
        print(f"{name:<40} P {total.precision:.3f}  R {total.recall:.3f}  F1 {total.f1:.3f}")


if __name__ == "__main__":
    main()
