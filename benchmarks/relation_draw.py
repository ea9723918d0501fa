"""A blind draw of sentences for relation annotation from People's Daily of January 1998
(``kg.corpora.load("pku1998", split)``): ``select_sentences`` order (fixed, no judgement), without
the sentences of MSRA (all splits) and of every gold file, the first N of each type that remain.
Rows have no relations: annotators fill them in, by docs/annotation.md. Ids index the reader as it
is; dev16, dev17 and pku_heldout.jsonl were drawn with its first version (ids ``pku1998v1-…``),
whose every-tenth split a fix of sentence ends has since shifted, so only their texts identify them.

    PYTHONPATH=. python benchmarks/relation_draw.py --split train --visits 50 --meets 50 \
        --signs-with 30 --invests-in 20 > draw.jsonl
    PYTHONPATH=. python benchmarks/relation_draw.py --split train --every --outside-lengths > dev28.jsonl

``--msra-test-rest`` draws every sentence of MSRA test with a trigger of the lexicon as it is now
that no gold file holds (the test files were drawn before the later verbs went in; test3):

    PYTHONPATH=. python benchmarks/relation_draw.py --msra-test-rest > test3.jsonl

``--pd2013 dev|test`` draws every sentence with a trigger verb of the articles of People's Daily
of 5 June 2013 (``kg.corpora.pd2013_dir``), as ``kg run`` reads them (ids ``pd2013:<article>|<n>``,
scored with the whole article read); dev takes the files of even number, test those of odd, less
the sentences of articles the day prints twice:

    PYTHONPATH=. python benchmarks/relation_draw.py --pd2013 dev > pd2013_dev.jsonl

``--hk-press dev|test`` draws from the press releases of Hong Kong's Financial Secretary's Office
(``kg.corpora.hk_press``; ids ``hk-press#<line>``): ``select_sentences`` over its sentences (each
text once, none a gold file holds), the first 60 of each type, dev the even places of that order and
test the odd; ``dev2`` takes all of the next such draw, made once the first two were gold,
``dev3`` the one after, made once ``dev2`` was, ``dev4`` the one after that, and ``dev5`` the one
after that:

    PYTHONPATH=. python benchmarks/relation_draw.py --hk-press dev > hk_press_dev.jsonl

``--verbs`` draws instead the sentences with verbs the lexicon does not hold yet, from the train and
dev parts of MSRA, People's Daily and CLUENER (``--data``), in sha1 order, the first ``--limit``:

    PYTHONPATH=. python benchmarks/relation_draw.py --verbs 慰问,看望 --verbs-for visits --limit 120 \
        --data DIR > dev32.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from kg.corpora import load
from kg.evaluate import normalised
from kg.relation_eval import DEFAULT_GOLD, load_gold, select_sentences
from kg.schema import RELATION_TYPES


def _outside_lengths(texts: list[str]) -> list[tuple[int, str, str]]:
    """Every sentence under 10 or over 150 characters with a trigger verb (headlines such as
    甲某会见乙某, long sentences), in the order of select_sentences, each for its first type."""
    from kg.extract.relations import load_triggers

    triggers = load_triggers()
    out = []
    for relation in RELATION_TYPES:
        for index, text in enumerate(texts):
            if (len(text) < 10 or len(text) > 150) and any(
                t in text and r == relation for t, r in triggers.items()
            ):
                out.append((index, text, relation))
    out.sort(key=lambda it: (RELATION_TYPES.index(it[2]), hashlib.sha1(it[1].encode()).hexdigest()))
    first: dict[int, tuple[int, str, str]] = {}
    for item in out:
        first.setdefault(item[0], item)
    return list(first.values())


def _verb_draw(verbs: list[str], relation: str, limit: int, data: Path | None) -> list[dict]:
    """The first ``limit`` sentences (10-150 characters, sha1 order) with one of ``verbs`` that no
    gold file and no MSRA test sentence holds, each text once over the three corpora."""
    seen = {normalised(text) for text, _ in load("msra", "test")} | _gold_texts()
    pool = {}
    for corpus in ("msra", "pku1998", "cluener"):
        for split in ("train", "dev"):
            for index, (text, _) in enumerate(load(corpus, split, data_dir=data)):
                key = normalised(text)
                if 10 <= len(text) <= 150 and key not in seen and any(v in text for v in verbs):
                    pool.setdefault(key, (f"{corpus}-{split}#{index}", text))
    ordered = sorted(pool.values(), key=lambda it: hashlib.sha1(it[1].encode()).hexdigest())
    return [
        {"id": i, "drawn_for": relation, "text": t, "relations": []} for i, t in ordered[:limit]
    ]


def _gold_texts() -> set[str]:
    return {
        normalised(row["text"]) for path in DEFAULT_GOLD.glob("*.jsonl") for row in load_gold(path)
    }


def _msra_test_rest() -> list[dict]:
    """Every MSRA test sentence, of any length, with a trigger verb and in no gold file, in the
    order of select_sentences (then _outside_lengths), each for its first type."""
    texts = [text for text, _ in load("msra", "test")]
    seen = _gold_texts()
    rows = []
    for index, text, relation in select_sentences(texts, per_type=len(texts)) + _outside_lengths(
        texts
    ):
        if normalised(text) not in seen:
            seen.add(normalised(text))
            rows.append(
                {"id": f"msra-test#{index}", "drawn_for": relation, "text": text, "relations": []}
            )
    return rows


def _pd2013(part: str) -> list[dict]:
    """Every sentence of one half of the 2013 articles with a trigger verb, in reading order, for
    the first type whose verb it holds. The day's files repeat some articles: test leaves out a
    sentence that dev holds or that it drew already."""
    from kg.corpora import pd2013_dir
    from kg.extract.relations import load_triggers
    from kg.ingest import read_articles

    triggers = load_triggers()
    rows = {"dev": [], "test": []}
    seen: set[str] = set()
    articles = list(read_articles([pd2013_dir()]))
    for half in ("dev", "test"):
        for article in articles:
            if int(article.id.split("#")[0]) % 2 != (half == "test"):
                continue
            for n, sentence in enumerate(article.sentences):
                found = [r for t, r in triggers.items() if t in sentence.text]
                if not found or (half == "test" and normalised(sentence.text) in seen):
                    continue
                seen.add(normalised(sentence.text))
                rows[half].append(
                    {
                        "id": f"pd2013:{article.id}|{n}",
                        "drawn_for": min(found, key=RELATION_TYPES.index),
                        "text": sentence.text,
                        "relations": [],
                    }
                )
    return rows[part]


def _hk_press(part: str) -> list[dict]:
    from kg.corpora import hk_press

    first: dict[str, int] = {}
    for index, text in enumerate(hk_press()):
        first.setdefault(normalised(text), index)
    gold = _gold_texts()
    kept = [(i, k) for k, i in first.items() if k not in gold]
    lines = hk_press()
    drawn = select_sentences([lines[i] for i, _ in kept], per_type=60)
    return [
        {"id": f"hk-press#{kept[n][0]}", "drawn_for": relation, "text": text, "relations": []}
        for place, (n, text, relation) in enumerate(drawn)
        if part in ("dev2", "dev3", "dev4", "dev5") or place % 2 == (part == "test")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    for relation in RELATION_TYPES:
        parser.add_argument(
            f"--{relation.replace('_', '-')}", type=int, default=0, help="how many sentences"
        )
    parser.add_argument(
        "--every", action="store_true", help="every sentence with a trigger verb, not the first N"
    )
    parser.add_argument(
        "--outside-lengths",
        action="store_true",
        help="the sentences the draws leave out by length (under 10 or over 150 characters), "
        "every one with a trigger verb",
    )
    parser.add_argument(
        "--msra-test-rest",
        action="store_true",
        help="every MSRA test sentence with a trigger verb that no gold file holds (see above)",
    )
    parser.add_argument(
        "--pd2013", choices=("dev", "test"), help="one half of People's Daily, 5 June 2013"
    )
    parser.add_argument(
        "--hk-press",
        choices=("dev", "test", "dev2", "dev3", "dev4", "dev5"),
        help="one half of the Hong Kong press-release draw; dev2 .. dev5: the whole next draw",
    )
    parser.add_argument("--verbs", help="comma-separated verbs the lexicon lacks (see above)")
    parser.add_argument("--verbs-for", choices=RELATION_TYPES, default="visits")
    parser.add_argument("--limit", type=int, default=100, help="how many --verbs sentences")
    parser.add_argument("--data", type=Path, help="the folder holding cluener/ (for --verbs)")
    args = parser.parse_args()
    special = _special_draw(args)
    if special is not None:
        for row in special:
            print(json.dumps(row, ensure_ascii=False))
        return
    _pku_draw(args)


def _special_draw(args: argparse.Namespace) -> list[dict] | None:
    """The rows of a draw other than People's Daily 1998's first-N, or None for that one."""
    if args.msra_test_rest:
        return _msra_test_rest()
    if args.hk_press:
        return _hk_press(args.hk_press)
    if args.pd2013:
        return _pd2013(args.pd2013)
    if args.verbs:
        return _verb_draw(args.verbs.split(","), args.verbs_for, args.limit, args.data)
    return None


def _pku_draw(args: argparse.Namespace) -> None:
    seen = {
        normalised(text) for split in ("train", "dev", "test") for text, _ in load("msra", split)
    }
    seen |= _gold_texts()
    texts = [text for text, _ in load("pku1998", args.split)]
    wanted = {r: getattr(args, r) for r in RELATION_TYPES}
    drawn = (
        _outside_lengths(texts)
        if args.outside_lengths
        else select_sentences(texts, per_type=len(texts))
    )
    for index, text, relation in drawn:
        if normalised(text) in seen or not (args.every or wanted[relation] > 0):
            continue
        wanted[relation] -= 1
        seen.add(normalised(text))
        row = {
            "id": f"pku1998-{args.split}#{index}",
            "drawn_for": relation,
            "text": text,
            "relations": [],
        }
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
