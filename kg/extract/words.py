"""Word-level tests shared by the vetoes and the proposers: what a place name, a project name or
a generic phrase looks like, and what surrounds a name (quotes, counters, slogans)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.backends.doc import doc_text
from kg.extract.places import RELATIVE_LEVELS, gazetteer, world_places
from kg.extract.rules import Rules

# POS tags (LAC / PKU style) of words that may sit inside a name before its head word.
NAME_POS = {
    "n",
    "nz",
    "ns",
    "nt",
    "nr",
    "nw",
    "vn",
    "an",
    "j",
    "LOC",
    "ORG",
    "PER",
    "x",
    "NN",
    "NR",
}
OPEN_QUOTES = "“‘《「"
CLOSE_QUOTES = "”’》」"
RELATIVE_PREFIX = RELATIVE_LEVELS
# Forms of address after a person's name (甲某先生, 乙某阁下): what they follow is a person.
HONORIFICS = ("先生", "女士", "博士", "阁下", "殿下", "陛下")
DEMONSTRATIVES = {"我", "本", "全", "该", "各", "两", "此"}
LIST_BEFORE = {"、", "，", ",", "和", "及", "与", "：", "（"}
LIST_AFTER = {"、", "，", ",", "等", "和", "及", "与", "。", "）", "；"}
MAX_NAME_CHARS = 24


def is_place_name(text: str, rules: Rules) -> bool:
    """Administrative division, foreign place, region, or a name with a geographic ending."""
    if text in gazetteer() or text in world_places() or text in rules.regions:
        return True
    if text.endswith(("省", "市", "县")):
        return (
            False  # every real province, city and county is in the gazetteer (沿黄城市 is not one)
        )
    if len(text) >= 3 and (text.endswith(rules.geo_suffixes) or rules.is_zone(text)):
        return True
    return len(text) == 2 and text[-1] in "河江湖山海"


def is_project_name(text: str, rules: Rules) -> bool:
    head = rules.project_head_re.search(text)
    if head is None:
        return False
    modifier = text[: head.start()].strip(OPEN_QUOTES + CLOSE_QUOTES)
    return bool(modifier) and not generic_words(modifier, rules)


def generic_project(text: str, rules: Rules) -> bool:
    """Generic words before a project head (特色产业园区, 重点项目) name nothing."""
    head = rules.project_head_re.search(text)
    return head is not None and generic_words(text[: head.start()], rules)


def generic_words(text: str, rules: Rules) -> bool:
    """``text`` is one or more words of project_generic.txt (特色 + 产业, 重点)."""
    if not text:
        return False
    ok = [True] + [False] * len(text)  # ok[i]: text[:i] splits into generic words
    for i in range(1, len(text) + 1):
        ok[i] = any(ok[j] and text[j:i] in rules.project_generic for j in range(max(0, i - 6), i))
    return ok[-1]


def relative_start(text: str, rules: Rules, *, context: str = "not_relative") -> bool:
    """A word that starts a city-relative name (市委, 县公安局), not one that merely starts with
    a level character (县级; lexicons/exceptions.tsv rows of ``context``)."""
    return text.startswith(RELATIVE_PREFIX) and not text.startswith(rules.exceptions(context))


# A count and a measure word in a body's name (一家公司, 三个报业集团, 96所中学, 长春两所): bodies
# counted, none named (a programme may be named by one: “五个一工程”). 所 counts before more name,
# or at the end after a plain count (十四所 names an institute); a numeral run must be a number
# (八一|家具厂 is none).
_COUNTED = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千\d])"
    r"(?:(?:\d+|[一两几数二三四五六七八九十]|[一二三四五六七八九]?十[一二三四五六七八九]?)"
    r"(?:家|间|个|位|批|些|所(?=..))|(?:\d+|[一两几数])所$)"
)


def counted_unnamed(text: str) -> bool:
    """上海一家公司, 长春两所: a count in a name leaves what it counts unnamed."""
    return _COUNTED.search(text) is not None


def counted(token: Token) -> bool:
    """A word that counts or classes what follows (3个, 各, 市属, 省级)."""
    return token.tag_ in ("m", "q", "r") or token.text.endswith(("个", "属", "级", "各", "所有"))


def quoted(ent: Span) -> bool:
    doc = ent.doc
    return (
        0 < ent.start
        and ent.end < len(doc)
        and doc[ent.start - 1].text in OPEN_QUOTES
        and doc[ent.end].text in CLOSE_QUOTES
    )


def in_slogan(ent: Span) -> bool:
    """Inside a short quoted phrase that says more than the name (a slogan or a route's name)."""
    text = doc_text(ent.doc)
    opening = max(text.rfind(q, max(0, ent.start_char - 12), ent.start_char) for q in "“「")
    if opening < 0:
        return False
    closing = text.find("”", ent.end_char, ent.end_char + 12)
    if closing < 0 or any(c in text[opening + 1 : closing] for c in "“”，。；！？\n"):
        return False
    return text[opening + 1 : closing] != ent.text


def is_name_part(token: Token, *, numbers: bool = False, adjectives: bool = False) -> bool:
    if numbers and token.tag_ in ("m", "q"):
        return True
    if adjectives and token.tag_ == "a":
        return True
    return token.tag_ in NAME_POS or token.ent_type_ in ("ORG", "LOC") or token.text in CLOSE_QUOTES


# Jane Doe, Péter Szijjártó, Stephanie von Friedeburg: a person's name in Latin letters,
# capitalised words with a space (or a particle) between them
LATIN_NAME = re.compile(
    r"(?<![A-Za-zÀ-ſ])[A-ZÀ-Þ][a-zß-ſ]+"
    r"(?:(?: (?:von|van|der|de|del|da|do|dos|du|la|le|bin|al))*[ \-][A-ZÀ-Þ][a-zß-ſ]+){1,3}"
    r"(?![A-Za-zÀ-ſ])"
)


def after_post(text: str, start: int, rules: Rules) -> bool:
    """A post ends right before ``start``, a space between or not (主管 Jane Doe, 部长Jane Doe):
    what follows is its holder's name."""
    before = text[max(0, start - 12) : start].rstrip(" ")
    return any(t.end() == len(before) for t in rules.title_re.finditer(before))


# A wire dateline (新华社甲城5月1日电, 本报甲城电): it ends the headline glued before it and starts
# the text after it, so no name runs over it.
# not 电台
DATELINE = re.compile(
    r"(?:(?:据)?新华社[^，。、]{0,14}?|本报[^，。、讯]{0,14}?)电(?![台视话子力网脑影器报])"
)
_DATELINE_END = re.compile(f"(?:{DATELINE.pattern})$")


VENTURES = ("合资", "独资", "合作")


def owned_venture(text: str, start: int, rules: Rules) -> bool:
    """The kind of a joint venture at ``start``, after who owns it: 中外合资, or a pair of
    one-character countries (中美合资, 中日合作). What follows is the venture's own name (MSRA's
    gold starts it there); the owners state no investment event."""
    if not text.startswith(VENTURES, start):
        return False
    owners = text[max(0, start - 2) : start]
    return owners == "中外" or (
        len(owners) == 2 and all(rules.is_one_char_country(c) for c in owners)
    )


def left_name(
    doc: Doc,
    head: Token,
    rules: Rules,
    *,
    limit: int = 5,
    numbers: bool = False,
    joiners: bool = False,
) -> int:
    """Index of the first token of the name that ends with ``head``."""
    start = head.i
    chars = len(head.text)
    while start > 0 and head.i - start < limit:
        prev = doc[start - 1]
        if _DATELINE_END.search(doc_text(doc), max(0, doc[start].idx - 24), doc[start].idx):
            break  # 新华社电|乙大学: the name starts after the dateline
        # A place in brackets inside a company name: 某某（江苏）电子科技有限公司.
        if (
            joiners
            and prev.text in ("）", ")")
            and start >= 3
            and (doc[start - 2].ent_type_ == "LOC" or doc[start - 2].tag_ in ("LOC", "ns"))
            and doc[start - 3].text in ("（", "(")
        ):
            start -= 3
            chars += len(doc[start : start + 3].text)
            continue
        if prev.text in OPEN_QUOTES:
            start -= 1
            break
        if joiners and prev.text in VENTURES and owned_venture(doc_text(doc), prev.idx, rules):
            break  # 中美合资|甲制药有限公司: who owns a joint venture is no part of its name
        # 和 inside a name (工业和信息化局) only between two name words; 驻 after a place or body
        # (中国驻大阪总领事馆, 市政府驻北京办事处).
        joined = joiners and prev.text == "和" and start >= 2 and is_name_part(doc[start - 2])
        # ... but not before a new name: 石门县和|市第一中学 are two bodies,
        if joined and (
            relative_start(doc[start].text, rules, context="joined_by_he")
            or doc[start].ent_type_ in ("LOC", "ORG", "PERSON")
        ):
            joined = False  # ... nor before a name: 中科院…研究所和|湖北省水产研究所
        if joiners and prev.text == "驻" and start >= 2:
            before = doc[start - 2]
            joined = before.ent_type_ in ("LOC", "ORG") or before.tag_ in ("LOC", "ORG", "ns", "nt")
        part = is_name_part(prev, numbers=numbers, adjectives=joiners)  # 市公共就业和人才服务中心
        if (
            prev.text == "和"
            and doc[start].ent_iob_ == "B"
            and start >= 2
            and doc[start - 2].text.endswith(rules.org_suffixes)
        ):
            part = False  # 甲电子有限公司和|乙公司: 和 between two whole bodies joins two names
        if not (joined or part) or chars + len(prev.text) > MAX_NAME_CHARS:
            break
        start -= 1
        chars += len(prev.text)
    return start
