"""Names written in short: routes named by the abbreviations of the places they link (京雄商高铁,
雄忻高铁, LAC cuts or glues them: 聊|邯长高铁, 京雄商|高铁雄安) and elliptical lists whose items share
one head (雄商、济滨、津潍等7个高铁项目; 烟店、潘庄、唐园三镇). The heads and abbreviations are data:
lexicons/list_heads.tsv, lexicons/place_abbreviations.txt. Also the items of lists whose head says
what they are (中色奥博特、九鼎新材料等企业) and persons listed beside persons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extract.places import common_words, gazetteer, world_places
from kg.extract.rules import Rules
from kg.extract.words import DEMONSTRATIVES, RELATIVE_PREFIX

_NUMERALS = "0-9一二三四五六七八九十两几多"


@dataclass(frozen=True)
class ShortName:
    start: int  # characters of the text the mention covers (the item, or item + head)
    end: int
    name: str  # the full name: item + head
    label: str


@lru_cache(maxsize=4)
def _tables(rules: Rules) -> tuple[frozenset[str], re.Pattern[str], dict[str, str]]:
    chars = set(rules.place_abbreviations)
    chars.update(
        (p.short or p.name)[0] for p in gazetteer().places if p.level in ("province", "city")
    )
    kinds = dict(rules.list_heads)
    heads = re.compile("|".join(map(re.escape, sorted(kinds, key=len, reverse=True))))
    return frozenset(chars), heads, kinds


def place_chars(rules: Rules) -> frozenset[str]:
    """Characters that stand for a province or city in routes and lists (雄商, 京津冀)."""
    return _tables(rules)[0]


_ROUTE_GAP = re.compile(rf"等?(?:[{_NUMERALS}]+[个条项])?$")  # 雄商、潍宿 | 等7个 | 高铁
_PLACE_GAP = re.compile(rf"等?[{_NUMERALS}]*$")  # 烟店、唐园 | 三 | 镇


def _item_before(
    text: str, end: int, starts: set[int], ok, allowed, shortest: int, longest: int
) -> int | None:
    """Start of the list item that ends at ``end``: a run of allowed characters that starts a
    word (推进|雄商, not 进雄商) and passes ``ok``; the longest such item."""
    run = end
    while run > 0 and end - run < longest and allowed(text[run - 1]):
        run -= 1
    for start in range(run, end - shortest + 1):
        if start in starts and ok(text[start:end]):
            return start
    return None


def _item_rules(head: str, route: bool, abbreviations, heads):
    """What an item of a list before ``head`` may be: (whether a whole item is one, whether a
    character may be in one, its shortest and longest length)."""
    if route:

        def ok(item: str) -> bool:
            # 开通高铁, 新建铁路: a word of the language or a place's own name is no abbreviation list.
            return item not in common_words() and item not in gazetteer() and not heads.search(item)

        return ok, abbreviations.__contains__, 2, 5

    def place_ok(item: str) -> bool:
        return any(p.name == item + head for p in gazetteer().lookup(item + head))

    # 莘县 and 冠县 are one character + 县
    return place_ok, lambda c: "\u4e00" <= c <= "\u9fff", (1 if head == "县" else 2), 3


def _items_before(text: str, end: int, starts: set[int], ok, allowed, shortest, longest):
    """The 、-separated items that end at ``end``, first to last."""
    items: list[tuple[int, int]] = []
    while True:
        start = _item_before(text, end, starts, ok, allowed, shortest, longest)
        if start is None:
            break
        items.insert(0, (start, end))
        if start == 0 or text[start - 1] != "、":
            break
        end = start - 1
    return items


def find_short_names(text: str, starts: set[int], rules: Rules) -> list[ShortName]:
    """Short-name mentions in ``text``; ``starts`` are the token start offsets."""
    abbreviations, heads, kinds = _tables(rules)
    found: list[ShortName] = []
    for m in heads.finditer(text):
        head = m.group()
        route = kinds[head] == "route"
        gap = (
            (_ROUTE_GAP if route else _PLACE_GAP)
            .search(text, max(0, m.start() - 8), m.start())
            .group()
        )
        ok, allowed, shortest, longest = _item_rules(head, route, abbreviations, heads)
        items = _items_before(text, m.start() - len(gap), starts, ok, allowed, shortest, longest)
        if len(items) < (1 if route and not gap else 2):
            continue  # one place + 镇 is a place name of its own; 济南等3条高铁 lists nothing
        label = "PROJECT" if route else "LOC"
        for i, (start, end) in enumerate(items):
            item = text[start:end]
            if i == len(items) - 1 and not gap:
                end += len(head)  # the last item is written whole: 莱荣高铁
            found.append(ShortName(start, end, item + head, label))
    return found


# "A、B、C等(行业骨干|一批优秀)?企业": the items of the list are enterprises.
_ENTERPRISE_HEADS = ("企业", "公司", "集团", "厂商")
_ITEM_END_TAGS = {"n", "nz", "nw", "j", "x", "ORG", "PER", "LOC"}
_LIST_STOP_TAGS = {"v", "vd", "u", "p", "c", "d", "r", "w", "m", "q", "f", "TIME"}


def listed_enterprise_spans(doc: Doc, rules: Rules) -> list[Span]:
    """Names listed before 等…企业 are organisations (甲公司、乙集团、丙科技等行业骨干企业),
    unless an item ends in an activity (芯片设计、封装测试等企业 are trades)."""
    spans = []
    named: set[tuple[int, int]] | None = (
        None  # the model's entities, read once (doc.ents builds them)
    )
    for token in doc:
        if token.text != "等" or token.i == 0:
            continue
        after = doc[token.i + 1 : token.i + 5]
        head = next((t for t in after if t.text.endswith(_ENTERPRISE_HEADS)), None)
        if head is None or any(t.tag_ in ("w", "v", "u") for t in doc[token.i + 1 : head.i]):
            continue
        items = _list_items(doc, token.i)
        if len(items) < 2:
            continue
        if named is None:
            named = {(e.start, e.end) for e in doc.ents}
        spans += [
            Span(doc, start, end, label="ORG")
            for start, end in items
            if (start, end) not in named and _is_listed_name(doc, start, end, rules)
        ]
    return spans


def _list_items(doc: Doc, end: int) -> list[tuple[int, int]]:
    """The items of a 、-list ending at token ``end``, last first (at most five tokens each)."""
    items: list[tuple[int, int]] = []
    while end > 0:
        start = end
        while start > 0 and doc[start - 1].text != "、" and end - start < 5:
            start -= 1
        if start == 0 or doc[start - 1].text != "、":
            start = _first_item_start(doc, end)
        if start == end:
            break
        items.append((start, end))
        if start > 0 and doc[start - 1].text == "、":
            end = start - 1
            continue
        break
    return items


def _first_item_start(doc: Doc, end: int) -> int:
    """Where the list's first item starts: after what the clause says before it (培育了, 围绕,
    将与), a place it is in, or a demonstrative's place (我市)."""
    start = end
    if doc[end - 1].text == "）":  # 甲森（山东）: the bracket is part of the name
        start = next((k for k in range(end - 2, max(end - 5, 0), -1) if doc[k].text == "（"), end)
    while start > 0 and end - start < 5:
        prev = doc[start - 1]
        if prev.tag_ in _LIST_STOP_TAGS and not prev.ent_type_:
            break
        start -= 1
    if start < end and doc[start].ent_type_ == "LOC" and start + 1 < end:
        start += 1  # 滁州经开区 | 博西家电: a place before the first name is where it is
    if (
        start + 1 < end
        and doc[start].text in RELATIVE_PREFIX
        and start > 0
        and doc[start - 1].text in DEMONSTRATIVES
    ):
        start += 1  # 我市 | 山东某某铝业有限公司
    return start


def _is_listed_name(doc: Doc, start: int, end: int, rules: Rules) -> bool:
    """A list item that can be a body's name: 2-12 characters, no punctuation, ending in a
    name-like word, and no place, trade or everyday word alone."""
    span = doc[start:end]
    text = span.text
    bracketed = text.endswith("）") and "（" in text  # 甲森（山东）
    if not 2 <= len(text) <= 12 or any(t.text in "，。；：“”" for t in span):
        return False
    if doc[end - 1].tag_ not in _ITEM_END_TAGS and not doc[end - 1].ent_type_ and not bracketed:
        return False  # 芯片设计、封装测试: trades, not names
    # (家电 alone is the trade, its brand was cut off)
    return not (
        rules.is_not_entity(text)
        or text in gazetteer()
        or text in world_places()
        or text in rules.company_words
    )


def listed_person_spans(doc: Doc, rules: Rules) -> list[Span]:
    """A name whose surname is also a function word (于, 向, 和), which the model read as one:
    村民于|红霞、周婷婷, 于红梅/p. Taken only when a person is listed right next to it."""
    spans = []
    for i, first in enumerate(doc):
        if first.tag_ not in ("p", "c", "d") or first.ent_type_:
            continue
        end = i + 1
        if len(first.text) == 1 and end < len(doc):
            given = doc[end]
            if given.ent_type_ or given.tag_ not in ("n", "nr", "a", "vn"):
                continue
            end += 1
        name = doc[i:end].text
        if not 2 <= len(name) <= 3 or rules.surname_of(name) != name[0] or name in common_words():
            continue
        before = i >= 2 and doc[i - 1].text == "、" and doc[i - 2].ent_type_ == "PERSON"
        after = end + 1 < len(doc) and doc[end].text == "、" and doc[end + 1].ent_type_ == "PERSON"
        if (before or after) and not rules.is_not_entity(name):
            spans.append(Span(doc, i, end, label="PERSON"))
    return spans
