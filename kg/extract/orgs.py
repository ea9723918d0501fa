"""Organisations the model missed or cut: a place or body + name words + an organisation suffix
(市工业和信息化局), bodies of org_names.txt, brands + an industry word (鲁西化工), sub-units,
long bodies, cooperatives with their places."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.backends.doc import doc_text
from kg.extract.places import gazetteer, world_countries, world_places
from kg.extract.rules import Rules
from kg.extract.words import (
    CLOSE_QUOTES,
    DEMONSTRATIVES,
    LIST_AFTER,
    LIST_BEFORE,
    OPEN_QUOTES,
    RELATIVE_PREFIX,
    counted_unnamed,
    left_name,
    relative_start,
)


def org_spans(doc: Doc, rules: Rules) -> list[Span]:
    """Organisations: a place, organisation or city-relative word, then name words, then a suffix
    (市工业和信息化局, 聊城大学); the bodies in org_names.txt."""
    spans = []
    for token in doc:
        if token.text in rules.org_names:
            spans.append(_listed_body(doc, token))
        elif _ends_body(doc, token, rules):
            span = _suffixed_body(doc, token, rules)
            if span is not None:
                spans.append(span)
    return spans


def _listed_body(doc: Doc, token: Token) -> Span:
    """A body of org_names.txt; 阳谷 + 县委 -> 阳谷县委: a place right before a relative body
    names it."""
    prev = doc[token.i - 1] if token.i > 0 else None
    place_before = prev is not None and (
        prev.ent_type_ == "LOC" or (prev.ent_type_ == "ORG" and prev.text in gazetteer())
    )
    if place_before and token.text.startswith(RELATIVE_PREFIX):
        return Span(doc, token.i - 1, token.i + 1, label="ORG")
    return Span(doc, token.i, token.i + 1, label="ORG")


def _ends_body(doc: Doc, token: Token, rules: Rules) -> bool:
    """The token ends like a body (局, 中心, 公司) and is no verb, particle, title or place."""
    text = token.text
    if not rules.org_suffix_re.search(text) or token.tag_ in ("v", "w", "u"):
        return False  # u: 所 of 为…所作出
    if text in rules.not_org_words or rules.title_re.fullmatch(text) or token.ent_type_ == "LOC":
        return False  # a place the model found (…家属院) is no body
    nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    # 孝丰镇 | 党委书记: 党委 belongs to the title, the town is the organisation
    return not (text in rules.title_prefixes and rules.title_re.match(text + nxt))


def _suffixed_body(doc: Doc, token: Token, rules: Rules) -> Span | None:
    """The body a suffix token ends: its name words before it, from a place, body or
    city-relative word (or one long word that ends like a body)."""
    text = token.text
    if text.endswith(rules.org_suffixes_direct):
        before = token.i > 0 and doc[token.i - 1].ent_type_ in ("LOC", "ORG")
        start = token.i - 1 if before else token.i
    else:
        start = left_name(doc, token, rules, limit=7, joiners=True)
    if start == token.i:
        # One long word ending like a body is one: 农业农村部, 生态环境局 (not 全部, 布局).
        if (
            len(text) >= 4
            and text[-1] in "部局委厅署办"
            and token.tag_ in ("n", "nt", "ORG", "nz")
            and not text.endswith(tuple(rules.not_org_words))  # 领导干部
        ):
            return Span(doc, token.i, token.i + 1, label="ORG")
        return None
    start = _name_start(doc, start, token.i)
    if start == token.i:
        return None
    if not text.endswith(_COMPANY_ENDINGS) and _company_before(doc, start, token.i):
        return None  # 雅戈尔集团股份有限公司|(资产)财务部: a company's department; the company is the body
    return _named_body(doc, start, token, rules)


def _name_start(doc: Doc, start: int, end: int) -> int:
    """Where the name starts: not at 我市 ("our city": 我市 + 山东某某铝业有限公司) nor at a quote
    opening the sentence (“市公共资源交易中心结合…; “智链”公司 keeps it)."""
    if doc[start].text in RELATIVE_PREFIX and start > 0 and doc[start - 1].text in DEMONSTRATIVES:
        start += 1
    if doc[start].text in OPEN_QUOTES and not any(t.text in CLOSE_QUOTES for t in doc[start:end]):
        start += 1
    return start


def _named_body(doc: Doc, start: int, token: Token, rules: Rules) -> Span | None:
    """doc[start:token] + token as a body, when its first word names it: a place or body the
    model found, a city-relative word, 国家 + name words, or a place of the gazetteer."""
    span = Span(doc, start, token.i + 1, label="ORG")
    first = doc[start]
    if rules.is_not_entity(span.text) or "某" in span.text or counted_unnamed(span.text):
        return None  # 武警某部, 甲市某公司, 甲市一家公司: "a certain", "one of" leave it unnamed
    if token.i - start == 1 and token.text in _KIND_OF_FIRM and first.text in world_countries():
        return None  # 美国公司, 中国企业: the firms of a country, a kind; the country is the place
    if (
        token.i - start == 1
        and doc[start].ent_type_ == "ORG"
        and token.text in rules.exceptions("after_body")
    ):
        return (
            None  # 区委中心工作: a word of a body's work, not a new body (lexicons/exceptions.tsv)
        )
    relative = relative_start(first.text, rules)
    # 国家 + name words + suffix: a national body (国家某某计量中心), not 国家 + 中心 (国家中心城市).
    national = first.text == "国家" and token.i - start >= 2
    place = first.text in gazetteer() or first.text in world_places()  # 中国 tagged as a company
    if first.ent_type_ in ("LOC", "ORG") or relative or national or place:
        return span
    return None


_COMPANY_ENDINGS = ("公司", "集团")
# A country's firms as a kind (甲国公司的利润, 30多家乙国企业参展), no one body
_KIND_OF_FIRM = frozenset({"公司", "大公司", "企业", "大企业", "厂商", "财团"})


def _company_before(doc: Doc, start: int, i: int) -> bool:
    """An organisation entity that is a company lies in ``doc[start:i]``."""
    k = start
    while k < i:
        if doc[k].ent_type_ == "ORG" and doc[k].ent_iob_ == "B":
            end = k + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= i and doc[k:end].text.endswith(_COMPANY_ENDINGS):
                return True
            k = end
        else:
            k += 1
    return False


_SUB_UNIT_TAGS = {"n", "vn", "nz", "nw", "m", "j", "an", "a"}


def long_body_spans(doc: Doc, rules: Rules) -> list[Span]:
    """A place, then any words of the same clause, then a head of lexicons/long_bodies.txt:
    山东省 + 学习贯彻…思想 + 宣讲团 (longer than MAX_NAME_CHARS, and the model cuts it)."""
    text = doc_text(doc)
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("LOC", "ORG"):
            continue
        m = _long_body_tail(rules.long_bodies).match(text, ent.end_char)
        if m is None:
            continue
        span = doc.char_span(ent.start_char, m.end(), label="ORG", alignment_mode="expand")
        if span is not None and span.end_char == m.end():
            spans.append(span)
    return spans


@lru_cache(maxsize=4)
def _long_body_tail(heads: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"[^\W\d_]{0,30}?(?:" + "|".join(map(re.escape, heads)) + ")")


def cooperative_spans(doc: Doc) -> list[Span]:
    """Places written right before a farmers' cooperative are part of its registered name:
    柳城县 + 大埔镇 + 联丰甘蔗种植专业合作社 (a company's town is cut off: see _COMPANY_ENDINGS)."""
    spans = []
    ents = list(doc.ents)
    for k, ent in enumerate(ents):
        if ent.label_ != "ORG" or not ent.text.endswith(_COOPERATIVE):
            continue
        start = ent.start
        j = k - 1
        while j >= 0 and ents[j].label_ == "LOC" and ents[j].end == start:
            start = ents[j].start
            j -= 1
        if start < ent.start:
            spans.append(Span(doc, start, ent.end, label="ORG"))
    return spans


_COOPERATIVE = "合作社"


def sub_unit_spans(doc: Doc, rules: Rules, orgs: list[Span]) -> list[Span]:
    """An organisation, then up to five name words ending in a sub-unit (lexicons/sub_units.tsv):
    ...执法大队 + 直属一中队, ...规划局 + 调查监测科."""
    longer = tuple(u for u in rules.sub_units if len(u) > 1)
    spans = []
    for org in orgs:
        for k in range(org.end, min(org.end + 5, len(doc))):
            token = doc[k]
            if token.text in rules.sub_units or token.text.endswith(longer):
                spans.append(Span(doc, org.start, k + 1, label="ORG"))
                break
            modifier = (
                token.ent_type_ in ("LOC", "ORG")
                or token.tag_ in _SUB_UNIT_TAGS
                or token.text in rules.sub_unit_modifiers
            )
            if not modifier or rules.title_re.fullmatch(token.text):
                break
    return spans


def company_short_names(doc: Doc, rules: Rules) -> list[Span]:
    """鲁西(ORG) + 化工 -> 鲁西化工: a brand the model saw, then an industry word. A place + industry
    word (东阿 + 钢球) only counts inside a list of names, where it cannot be an industry of the place."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "LOC", "PERSON") or ent.end >= len(doc):
            continue
        if rules.org_suffix_re.search(ent.text):  # 东元公司 + 轴承 is a company and its product
            continue
        end = None
        for width in (2, 1):  # 德通 + 交通器材 may be two words
            if (
                ent.end + width <= len(doc)
                and doc[ent.end : ent.end + width].text in rules.company_words
            ):
                end = ent.end + width
                break
        if end is None:
            continue
        after = doc[end].text if end < len(doc) else "。"
        before = doc[ent.start - 1].text if ent.start > 0 else "，"
        in_list = after in LIST_AFTER and (before in LIST_BEFORE or after in ("、", "等"))
        # A place + industry word is that place's industry (聊城轴承), unless it is no real place.
        if ent.label_ == "ORG" or (in_list and ent.text not in gazetteer()):
            spans.append(Span(doc, ent.start, end, label="ORG"))
    return spans
