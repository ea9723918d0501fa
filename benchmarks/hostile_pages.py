"""Write the two hostile pages of docs/robustness.md into a folder (default tests/data/graph):

- honours_list.txt: a notice whose sentence lists 300 names ("先进个人名单如下：A、B、C…");
- no_punctuation.txt: 20,000 characters of the seed pages with every punctuation mark and
  line break taken out (one "sentence" holding every entity of the pages).

    python benchmarks/hostile_pages.py [FOLDER]
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许"
    "韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志宏海波庆东"


def names(count: int) -> list[str]:
    """``count`` distinct three-character names, in a fixed order."""
    out: list[str] = []
    i = 0
    while len(out) < count:
        surname = SURNAMES[i % len(SURNAMES)]
        first = GIVEN[(i * 7) % len(GIVEN)]
        name = surname + first + GIVEN[(i * 11 + 3) % len(GIVEN)]
        if name not in out:
            out.append(name)
        i += 1
    return out


def honours_list() -> str:
    listed = "、".join(names(300))
    return (
        "聊城市人民政府关于表彰2024年度先进个人的决定\n"
        f"经研究，市政府决定对以下同志予以表彰。先进个人名单如下：{listed}。\n"
    )


def no_punctuation(chars: int = 20_000) -> str:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    kept = "".join(c for c in text if not unicodedata.category(c).startswith(("P", "Z", "C")))
    while len(kept) < chars:
        kept += kept
    return kept[:chars] + "\n"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "graph"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "honours_list.txt").write_text(honours_list(), encoding="utf-8")
    (folder / "no_punctuation.txt").write_text(no_punctuation(), encoding="utf-8")


if __name__ == "__main__":
    main()
