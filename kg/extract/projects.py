"""Projects: a name, then a project head of lexicons/project_heads.txt (聊城机场, 徒骇河治理工程,
某品牌N万台服务器项目), anchored on a place or body, a capacity, or a proper name part."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.places import gazetteer
from kg.extract.rules import Rules
from kg.extract.words import OPEN_QUOTES, is_name_part, is_project_name, left_name


def _has_proper_part(span: Span) -> bool:
    """A name needs something that distinguishes it: a place/org/person, a proper noun or quotes."""
    gaz = gazetteer()
    for token in span[:-1]:
        if token.ent_type_ in ("ORG", "LOC", "PERSON", "PROJECT") or token.tag_ in (
            "nz",
            "ns",
            "nt",
            "nr",
        ):
            return True
        if token.text in OPEN_QUOTES or token.text in gaz:
            return True
    return False


# Heads of physical projects: a descriptive name is enough (绿色食品产业园); 项目/工程/平台 need a
# proper name part (某品牌N万台服务器项目), or any "重点项目" would be a project.
_PHYSICAL_HEADS = ("产业园", "科技园", "工业园", "物流园", "示范园", "高铁", "铁路", "机场", "大桥")


def _quantity(token: Token, rules: Rules) -> bool:
    """一批, 多个: a quantity of projects, which ends a project's name on its left."""
    return token.tag_ in ("m", "r") and token.text in rules.project_generic


def _where(doc: Doc, i: int) -> bool:
    """在华|投资项目, 在京|建设项目: a one-character place after 在 says where; it starts no name."""
    return len(doc[i].text) == 1 and i > 0 and doc[i - 1].text == "在"


# Verbs of building: in 在甲区建设乙项目 the place says where, and the name starts after the verb.
_BUILD_VERBS = frozenset(("建设", "兴建", "新建", "建", "打造", "实施", "投资建设", "投建"))


def _where_built(doc: Doc, i: int) -> bool:
    """A verb of building at ``i`` after 在/于 and a place or body (在甲区|建设|乙项目)."""
    if doc[i].text not in _BUILD_VERBS:
        return False
    j = i - 1
    while j > 0 and (doc[j].ent_type_ in ("ORG", "LOC") or doc[j].tag_ in ("ns", "nt", "LOC")):
        j -= 1
    return j < i - 1 and doc[j].text in ("在", "于")


def _anchored_project_start(doc: Doc, head: Token, rules: Rules) -> int | None:
    """Start of a project name that begins with a place or organisation, walking left over name
    words, numbers and the project words of the lexicon (年产, 至, 保护 ...)."""
    anchor = None
    chars = len(head.text)
    i = head.i - 1
    while i >= 0 and chars <= 32:
        token = doc[i]
        # The model's own tag counts even where its entity was dropped (白洋淀 is no gazetteer place).
        proper = token.ent_type_ in ("ORG", "LOC") or token.tag_ in ("nz", "ns", "nt", "LOC", "ORG")
        ok = (
            proper
            or token.tag_ in ("n", "vn", "an", "a", "m", "q", "j", "nw")
            or token.text in rules.project_words
        )
        if not ok or token.tag_ == "w" or _where_built(doc, i):
            break
        if _quantity(token, rules):  # 常德高新区|布局一批…项目 is no name
            break
        if proper and _where(doc, i):
            break
        if proper:
            anchor = i
        chars += len(token.text)
        i -= 1
    return anchor


def _capacity_project_start(doc: Doc, head: Token, rules: Rules) -> int | None:
    """Start of "[company] 年产 + quantity + product + head" (lexicons/capacity_words.txt): the
    product may be any words, and a list of quantities (500台数控机床、600套机床护罩项目)."""
    i = head.i - 1
    chars = len(head.text)
    while i >= 0 and chars <= 48:
        token = doc[i]
        if token.text in rules.capacity_words and i + 1 < head.i and doc[i + 1].tag_ == "m":
            start = i  # the company or place the project is named after, when written before it
            while (
                start > 0
                and i - start < 4
                and is_name_part(doc[start - 1])
                and doc[start - 1].text not in rules.not_entities
            ):
                start -= 1
            return start
        if token.tag_ == "w" and not (token.text == "、" and doc[i + 1].tag_ == "m"):
            return None
        if token.tag_ == "u" or rules.project_head_re.search(token.text):
            return (
                None  # 年产…种苗的XX基地: a clause about it; …项目通过…录入项目: an earlier project
            )
        chars += len(token.text)
        i -= 1
    return None


_NUMBER = re.compile(r"[\d.０-９]+[十百千万亿]*|[一二三四五六七八九十百千万亿两]+")


def _capacity(doc: Doc, i: int, head: int, rules: Rules) -> bool:
    """A number and a unit of lexicons/capacity_units.txt at ``i`` (one token or two), with a
    product word between them and the project head."""
    text = doc[i].text
    if doc[i].tag_ == "m" and i + 1 < head and doc[i + 1].tag_ == "q":
        text += doc[i + 1].text
        i += 1
    # 350万千瓦: 千 could be the number's or the unit's, so try each unit
    return (
        any(text.endswith(u) and _NUMBER.fullmatch(text[: -len(u)]) for u in rules.capacity_units)
        and i + 1 < head
        and doc[i + 1].tag_ in ("n", "vn", "nz", "j")
    )


def _has_content_word(span: Span, rules: Rules) -> bool:
    """A word of a project name that is neither a place or body nor a generic word (农田, 新校区)."""
    return any(
        not t.ent_type_
        and t.tag_ in ("n", "nz", "vn", "an", "j", "nw")
        and t.text not in rules.project_generic
        for t in span[:-1]
    )


def project_spans(doc: Doc, rules: Rules) -> list[Span]:
    spans = []
    for token in doc:
        if token.i == 0 or not rules.project_head_re.search(token.text):
            continue
        span = _project_at(doc, token, rules)
        if span is not None:
            spans.append(span)
    return spans


def _project_at(doc: Doc, token: Token, rules: Rules) -> Span | None:
    """The project a head token (项目, 工程) ends: from a capacity, from an anchor, or from the
    name words before it."""
    # 重点项目, 建设项目: a generic word before the head needs a name word before it
    # (西汤村高标准农田建设项目, 第一中学新校区建设项目), not only a place (聊城市重点项目).
    generic_before = doc[token.i - 1].text in rules.project_generic
    capacity = _capacity_project_start(doc, token, rules)
    if capacity is not None and not generic_before:
        return Span(doc, capacity, token.i + 1, label="PROJECT")
    anchored = _anchored_project_start(doc, token, rules)
    if anchored is not None:
        span = Span(doc, anchored, token.i + 1, label="PROJECT")
        if is_project_name(span.text, rules) and (
            not generic_before or _has_content_word(span, rules)
        ):
            return span
    if generic_before:
        return None
    return _left_named_project(doc, token, rules)


def _left_named_project(doc: Doc, token: Token, rules: Rules) -> Span | None:
    """Name words left of the head, without a quantity (株洲高新区|布局一批…项目) or generic
    words and numbers at the left edge (一批重点项目; a capacity stays: N万千瓦光伏项目); a name
    only with a physical head, a proper part or a capacity."""
    start = left_name(doc, token, rules, numbers=True)
    start += start < token.i and _where(doc, start)
    for k in range(token.i - 1, start - 1, -1):
        if _quantity(doc[k], rules):
            start = k + 1
            break
    capacity_first = False
    while start < token.i and (
        doc[start].text in rules.project_generic or doc[start].tag_ in ("m", "q")
    ):
        if _capacity(doc, start, token.i, rules):
            capacity_first = True
            break
        start += 1
    if start == token.i:
        return None
    span = Span(doc, start, token.i + 1, label="PROJECT")
    if not is_project_name(span.text, rules):
        return None
    physical = token.text.endswith(_PHYSICAL_HEADS) and len(span.text) - len(token.text) >= 2
    if (
        physical
        or _has_proper_part(span)
        or capacity_first
        or _capacity(doc, start, token.i, rules)
    ):
        return span
    return None
