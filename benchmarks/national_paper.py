"""A national paper as pages: People's Daily of January 1998 (the PKU corpus, fetched by pip) written
as a folder of text files for `kg run`, and what its graph says of names a national paper spreads.

    PYTHONPATH=. python benchmarks/national_paper.py write /tmp/pd98
    kg run /tmp/pd98 --out /tmp/pd98out --jobs 2
    PYTHONPATH=. python benchmarks/national_paper.py count /tmp/pd98out

`count` prints how many person names the graph splits into several people (and, of the 45 names
read one by one in `pd98_people.tsv`, how many that are one person are still split and how many
true namesakes were merged), how many foreign names
stand both short and in full (克雷库, 马蒂厄·克雷库) as two people, how many co-mention edges the
wire's agency (新华社) has, and how many mentions of a foreign state's body stay bare (国会, not
日本国会). The corpus has no article boundaries; each file holds 40 paragraphs and
kg's own splitter finds the articles (headlines and leads).
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path

from kg.corpora import pku_path
from kg.resolve import state_bodies

PARAGRAPHS_PER_FILE = 40
JUDGED = Path(__file__).with_name("pd98_people.tsv")  # names read: one person, or namesakes


def write(folder: Path) -> None:
    """Each line of 199801.txt, its words joined without their tags, as a paragraph."""
    paragraphs = []
    for line in pku_path().read_text(encoding="utf-8").splitlines():
        words = [w.rsplit("/", 1)[0] for w in line.split()]
        if words:
            paragraphs.append("".join(words).replace("[", "").replace("]", ""))
    folder.mkdir(parents=True, exist_ok=True)
    for n, i in enumerate(range(0, len(paragraphs), PARAGRAPHS_PER_FILE)):
        part = paragraphs[i : i + PARAGRAPHS_PER_FILE]
        (folder / f"{n:05d}.txt").write_text("\n\n".join(part) + "\n", encoding="utf-8")
    print(f"{len(paragraphs)} paragraphs in {n + 1} files under {folder}")


def count(out: Path) -> None:
    with (out / "entities.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    people = [r["label"] for r in rows if r["type"] == "PERSON"]
    bare = sum(int(r["mentions"] or 0) for r in rows if r["label"] in state_bodies())
    by_name: dict[str, int] = defaultdict(int)
    for label in people:
        by_name[re.sub(r"（.*）$", "", label)] += 1
    split = sum(1 for n in by_name.values() if n > 1)
    endings: dict[str, int] = defaultdict(int)
    for name in by_name:
        if "·" in name:
            endings[name.rsplit("·", 1)[1]] += 1
    short_and_full = sum(1 for name in by_name if "·" not in name and name in endings)
    with (out / "relations.csv").open(encoding="utf-8") as f:
        agency = sum(
            1
            for r in csv.DictReader(f)
            if r["relation"] == "co_mention" and "ORG:新华社" in (r["source"], r["target"])
        )
    print(f"people: {len(people)}; names split into several people: {split}")
    print(judged(by_name))
    print(f"foreign names as two people, short and in full: {short_and_full}")
    print(f"co-mention edges of 新华社: {agency}")
    print(f"mentions of a foreign state's body left bare (国会, 内阁, …): {bare}")


def judged(by_name: dict[str, int]) -> str:
    """Of the names read one by one: those that are one person yet split, and the namesakes that
    were merged (read from JUDGED)."""
    rows = [
        line.split("\t")
        for line in JUDGED.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    split = [name for name, verdict, _ in rows if verdict == "one" and by_name.get(name, 0) > 1]
    merged = [
        name for name, verdict, _ in rows if verdict == "several" and by_name.get(name, 0) < 2
    ]
    return (
        f"of {len(rows)} names read: {len(split)} one person still split"
        f" ({'、'.join(split)}), {len(merged)} namesakes merged ({'、'.join(merged)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("write", "count"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    write(args.folder) if args.action == "write" else count(args.folder)


if __name__ == "__main__":
    main()
