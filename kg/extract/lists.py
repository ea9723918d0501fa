"""Names written in short: routes named by the abbreviations of the places they link (京雄商高铁,
雄忻高铁, LAC cuts or glues them: 聊|邯长高铁, 京雄商|高铁雄安) and elliptical lists whose items share
one head (雄商、济滨、津潍等7个高铁项目; 烟店、潘庄、唐园三镇). The heads and abbreviations are data:
lexicons/list_heads.tsv, lexicons/place_abbreviations.txt."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.backends.doc import doc_text
from kg.extract.places import common_words, gazetteer
from kg.extract.rules import Rules

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
    chars.update((p.short or p.name)[0] for p in gazetteer().places if p.level in ("province", "city"))
    kinds = dict(rules.list_heads)
    heads = re.compile("|".join(map(re.escape, sorted(kinds, key=len, reverse=True))))
    return frozenset(chars), heads, kinds


_ROUTE_GAP = re.compile(rf"等?(?:[{_NUMERALS}]+[个条项])?$")  # 雄商、潍宿 | 等7个 | 高铁
_PLACE_GAP = re.compile(rf"等?[{_NUMERALS}]*$")  # 烟店、唐园 | 三 | 镇


def _item_before(text: str, end: int, starts: set[int], ok, allowed, shortest: int, longest: int) -> int | None:
    """Start of the list item that ends at ``end``: a run of allowed characters that starts a
    word (推进|雄商, not 进雄商) and passes ``ok``; the longest such item."""
    run = end
    while run > 0 and end - run < longest and allowed(text[run - 1]):
        run -= 1
    for start in range(run, end - shortest + 1):
        if start in starts and ok(text[start:end]):
            return start
    return None


def find_short_names(text: str, starts: set[int], rules: Rules) -> list[ShortName]:
    """Short-name mentions in ``text``; ``starts`` are the token start offsets."""
    abbreviations, heads, kinds = _tables(rules)
    found: list[ShortName] = []
    for m in heads.finditer(text):
        head = m.group()
        route = kinds[head] == "route"
        gap = (_ROUTE_GAP if route else _PLACE_GAP).search(text, max(0, m.start() - 8), m.start()).group()
        if route:
            allowed = abbreviations.__contains__
            shortest, longest = 2, 5

            def ok(item: str) -> bool:
                # 开通高铁, 新建铁路: a word of the language or a place's own name is no abbreviation list.
                return item not in common_words() and item not in gazetteer() and not heads.search(item)
        else:
            allowed = lambda c: "\u4e00" <= c <= "\u9fff"
            shortest, longest = (1 if head == "县" else 2), 3  # 莘县 and 冠县 are one character + 县

            def ok(item: str, head: str = head) -> bool:
                return any(p.name == item + head for p in gazetteer().lookup(item + head))

        items: list[tuple[int, int]] = []
        end = m.start() - len(gap)
        while True:
            start = _item_before(text, end, starts, ok, allowed, shortest, longest)
            if start is None:
                break
            items.insert(0, (start, end))
            if start == 0 or text[start - 1] != "、":
                break
            end = start - 1
        if len(items) < (1 if route and not gap else 2):
            continue  # one place + 镇 is a place name of its own; 济南等3条高铁 lists nothing
        label = "PROJECT" if route else "LOC"
        for i, (start, end) in enumerate(items):
            item = text[start:end]
            if i == len(items) - 1 and not gap:
                end += len(head)  # the last item is written whole: 莱荣高铁
            found.append(ShortName(start, end, item + head, label))
    return found


def split_at(doc: Doc, offsets: set[int]) -> Doc:
    """Split tokens at character offsets inside them; an entity across a split point is dropped
    (高铁雄安 tagged as a person, 唐园三镇 as one place)."""
    cuts: dict[int, list[int]] = {}
    for token in doc:
        inner = sorted(o - token.idx for o in offsets if token.idx < o < token.idx + len(token.text))
        if inner:
            cuts[token.i] = inner
    if not cuts:
        return doc
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    with doc.retokenize() as retok:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [0, *inner, len(token.text)]
            parts = [token.text[a:b] for a, b in itertools.pairwise(bounds)]
            retok.split(token, parts, heads=[(token, 0)] * len(parts), attrs={"TAG": [token.tag_ or "n"] * len(parts)})
    spans = []
    for start, end, label in ents:
        if any(start < o < end for o in offsets):
            continue
        span = doc.char_span(start, end, label=label)
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


def short_name_spans(doc: Doc, rules: Rules) -> tuple[Doc, list[Span], dict[tuple[int, int], str]]:
    """Split the words the short names need cut, then their spans and full names by offsets."""
    found = find_short_names(doc_text(doc), {t.idx for t in doc}, rules)
    if not found:
        return doc, [], {}
    doc = split_at(doc, {o for s in found for o in (s.start, s.end)})
    spans, names = [], {}
    for s in found:
        span = doc.char_span(s.start, s.end, label=s.label)
        if span is not None:
            spans.append(span)
            names[(s.start, s.end)] = s.name
    return doc, filter_spans(spans), names
