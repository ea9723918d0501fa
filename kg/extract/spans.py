"""Entity spans: clean the model's entities, add organisations, projects and places found by the
lexicons, and merge them. Rule spans may fill gaps or wrap a model entity, never cut one (HanLP's
trie plugins follow the same principle)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.backends.doc import doc_text
from kg.extract.lists import short_name_spans, split_at
from kg.extract.places import RELATIVE_LEVELS, common_words, gazetteer, world_places
from kg.extract.rules import Rules, load_rules

_DATELINE = re.compile(r"^本报.{0,6}讯$")
_JUNK = re.compile(r"^[\d\W_a-zA-Z]*$")  # digits, punctuation, bare latin letters
# POS tags (LAC / PKU style) of words that may sit inside a name before its head word.
_NAME_POS = {"n", "nz", "ns", "nt", "nr", "nw", "vn", "an", "j", "LOC", "ORG", "PER", "x", "NN", "NR"}
_OPEN_QUOTES = "“‘《「"
_CLOSE_QUOTES = "”’》」"
_RELATIVE_PREFIX = RELATIVE_LEVELS
_DEMONSTRATIVES = {"我", "本", "全", "该", "各", "两", "此"}
# Characters that start a function word: 和县 in "项目和县一级" is not the county.
_FUNCTION_CHARS = set("和与及在从向对于把被为")
_LIST_BEFORE = {"、", "，", ",", "和", "及", "与", "：", "（"}
_LIST_AFTER = {"、", "，", ",", "等", "和", "及", "与", "。", "）", "；"}
# A person "name" followed by one of these is the start of a place name (潘庄 + 镇).
_PLACE_AFTER = ("镇", "乡", "村", "街道", "路", "街", "河", "湖", "区", "县")
# Characters that end words and start no name (产业, 企业, 制造业).
_BOUND_SUFFIXES = ("业",)
# ... or of an army named after its commanders (刘邓大军).
_ARMY_AFTER = ("大军", "纵队", "兵团")
# A two-character "organisation" before one of these is the start of a group word (宣推|团).
_GROUP_ENDS = ("团", "组", "队")
MAX_NAME_CHARS = 24


def _model_ent_ok(ent: Span, rules: Rules, orgs: list[str], brands: Callable[[], set[str]]) -> bool:
    """``orgs``: the texts of the Doc's ORG entities; ``brands``: ``_brands`` of the Doc, made
    on the first call (once per Doc: asked per entity, they made a long article quadratic)."""
    text = ent.text
    if (
        rules.is_not_entity(text)
        or len(text.strip()) < 2
        or _DATELINE.match(text)
        or _JUNK.match(text)
        or any(c.isspace() for c in text)
    ):
        return False
    if text[0] in _BOUND_SUFFIXES and ent.start > 0 and ent.doc[ent.start - 1].tag_ != "w":
        return False  # 制造|业园区: the model cut a word (制造业) and took its end into the name
    if ent.label_ == "ORG" and len(text) == 2 and ent.end < len(ent.doc) and ent.doc[ent.end].text in _GROUP_ENDS:
        return False  # 宣推|团: a delegation named by what it does, not a body's name
    if text in rules.capacity_words and ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "m":
        return False  # 日产1000吨: a daily output (the model knows a carmaker of that name)
    if _generic_project(text, rules):
        return False  # 特色产业园区: generic words before a project head name nothing
    if ent.label_ == "PERSON":
        if ent.end < len(ent.doc) and ent.doc[ent.end].text.startswith(_PLACE_AFTER):
            return False
        if doc_text(ent.doc).startswith(_ARMY_AFTER, ent.end_char):
            return False  # 刘邓大军, 陈谢大军: an army named after its commanders
        if any(len(o) < len(text) and text.startswith(o) for o in orgs):
            return False  # 泓康医疗 + 西南 (总部): a company and a word, not a person
        # A Chinese name starts with a surname (奥博特, 希杰 are brands the model took for people).
        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text) and rules.surname_of(text) is None:
            return False
        # Four characters are a double surname (欧阳), or two surnames (张王丽华); 田畴沃野 is a phrase.
        if re.fullmatch(r"[\u4e00-\u9fff]{4}", text) and rules.surname_of(text) == text[0] and rules.surname_of(text[1:]) is None:
            return False
        if _quoted(ent):
            return False  # “严管周”, “田秀才”: a nickname or slogan in quotes, not a person
        if _DOCTRINE.match(doc_text(ent.doc), ent.end_char) and ent.end < len(ent.doc) and ent.doc[ent.end].tag_ not in _CLAUSE_TAGS:
            return False  # 习近平法治思想, 邓小平理论: a doctrine named after a person, not the person
        if text in gazetteer() or text in rules.regions or text in world_places():
            return False  # 鲁西 (黑头羊) is a region
        if len(text) >= 3 and any(text[:n] in gazetteer() for n in (2, 3) if n < len(text)):
            return False  # 安吉竹: a place and a word, not a surname and a given name
    if ent.label_ == "LOC" and not is_place_name(text, rules) and not _foreign_division(ent):
        return False
    if text in rules.zone_suffixes and ent.start > 0 and _counted(ent.doc[ent.start - 1]):
        return False  # 3个市属开发区, 各开发区: zones counted, none named
    if ent.label_ in ("LOC", "PERSON") and _in_slogan(ent):
        return False  # “生于黄河”“兴于运河”, “周调度、月通报”: a slogan, not a place or person
    if ent.label_ == "ORG" and any(
        text.endswith(w) and is_place_name(text[: -len(w)], rules) for w in rules.campaign_words
    ):
        return False  # 法治|山东建设: a place and a campaign word (lexicons/campaign_words.txt)
    if ent.label_ == "ORG" and any(
        text.endswith(h) and _generic_words(text[: -len(h)], rules) for h in rules.generic_org_heads
    ):
        return False  # 组建产业研究院: a kind of body, not one (lexicons/generic_org_heads.txt)
    if ent.label_ in ("ORG", "LOC") and _quoted(ent) and ent.start > 1 and ent.doc[ent.start - 2].text == "的":
        return False  # 企业成长壮大的“梦工厂”: a figure of speech, not a name
    if ent.label_ == "ORG" and len(text) == 2 and text in common_words():
        # 中华, 东风: an everyday word, unless a company word follows (东风 + 汽车 is handled there)
        # or the article names the brand with one elsewhere (中通 of 中通客车, 中通新能源汽车).
        nxt = ent.doc[ent.end].text if ent.end < len(ent.doc) else ""
        return nxt in rules.company_words or text in brands()
    return True


def _foreign_division(ent: Span) -> bool:
    """韩国|光明市, 日本|和歌山县: a city or county right after a foreign country is that
    country's (the gazetteer, which vets 市 and 县, is China's)."""
    if ent.start == 0 or not ent.text.endswith(("市", "县", "州", "郡")) or len(ent.text) < 3:
        return False
    country = ent.doc[ent.start - 1].text
    return country in world_places() and country not in _HOME_COUNTRY and country not in gazetteer()


_HOME_COUNTRY = ("中国", "我国", "中华人民共和国")


def _brands(ents: Sequence[Span], rules: Rules) -> set[str]:
    """Two-character brands the text writes with an industry word: 中通 of 中通客车."""
    return {
        e.text[:2]
        for e in ents
        if e.label_ == "ORG" and any(e.text.startswith(w, 2) for w in rules.company_words)
    }


# A doctrine after a name: nouns up to 思想 or 理论 in the same clause (习近平新时代中国特色社会主义思想).
_DOCTRINE = re.compile(r"[^\W\d_]{0,14}?(?:思想|理论)")
# ... but not a clause about the person's thought (张华介绍了他的思想): a verb or function word next.
_CLAUSE_TAGS = {"v", "vd", "p", "d", "u", "c", "r", "ad", "w"}


def _counted(token: Token) -> bool:
    """A word that counts or classes what follows (3个, 各, 市属, 省级)."""
    return token.tag_ in ("m", "q", "r") or token.text.endswith(("个", "属", "级", "各", "所有"))


def _in_slogan(ent: Span) -> bool:
    """Inside a short quoted phrase that says more than the name (a slogan or a route's name)."""
    text = doc_text(ent.doc)
    opening = max(text.rfind(q, max(0, ent.start_char - 12), ent.start_char) for q in "“「")
    if opening < 0:
        return False
    closing = text.find("”", ent.end_char, ent.end_char + 12)
    if closing < 0 or any(c in text[opening + 1 : closing] for c in "“”，。；！？\n"):
        return False
    return text[opening + 1 : closing] != ent.text


def _quoted(ent: Span) -> bool:
    doc = ent.doc
    return 0 < ent.start and ent.end < len(doc) and doc[ent.start - 1].text in _OPEN_QUOTES and doc[ent.end].text in _CLOSE_QUOTES


def is_place_name(text: str, rules: Rules) -> bool:
    """Administrative division, foreign place, region, or a name with a geographic ending."""
    if text in gazetteer() or text in world_places() or text in rules.regions:
        return True
    if text.endswith(("省", "市", "县")):
        return False  # every real province, city and county is in the gazetteer (沿黄城市 is not one)
    if len(text) >= 3 and (text.endswith(rules.geo_suffixes) or rules.is_zone(text)):
        return True
    return len(text) == 2 and text[-1] in "河江湖山海"


def clean_model_ents(doc: Doc, rules: Rules) -> list[Span]:
    """Drop what the model tagged that is not an entity for us; relabel projects."""
    kept: list[Span] = []
    # A name once quoted as a campaign (“平安医院”建设) is a campaign everywhere in the article.
    model_ents = doc.ents
    campaigns = {ent.text for ent in model_ents if _is_campaign(ent, rules)}
    orgs = [ent.text for ent in model_ents if ent.label_ == "ORG"]
    brands = cache(lambda: _brands(model_ents, rules))  # few Docs need it: 3 % of extraction
    for ent in model_ents:
        if ent.label_ in ("ORG", "LOC") and is_project_name(ent.text, rules):
            ent = Span(doc, ent.start, ent.end, label="PROJECT")
        elif ent.label_ == "LOC" and _body_like_place(ent.text, rules):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # 桂林军分区: a body whose suffix ends like a place
        elif ent.label_ == "ORG" and (ent.text in world_places() or ent.text in rules.regions):
            ent = Span(doc, ent.start, ent.end, label="LOC")  # 欧盟, 东盟: a union of countries is a place
        elif ent.label_ == "ORG" and rules.is_zone(ent.text):
            ent = Span(doc, ent.start, ent.end, label="LOC")  # 天府国际生物城, 洋浦港: zones are places
        elif ent.label_ == "LOC" and not is_place_name(ent.text, rules) and _long_org_suffix(ent.text, rules):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # 山东博士生联谊会 tagged as a place
        if not _model_ent_ok(ent, rules, orgs, brands) or ent.text in campaigns:
            continue
        if ent.label_ == "PERSON" and _listed_with_same_kind_of_place(ent):
            ent = Span(doc, ent.start, ent.end, label="LOC")
        kept.append(ent)
    return kept


def _listed_with_same_kind_of_place(ent: Span) -> bool:
    """赵王河、金线河: a "person" listed next to a place with the same geographic ending is a
    place of that kind (a river named after a family)."""
    doc = ent.doc
    last = ent.text[-1]
    if last not in "河江湖山":
        return False
    neighbours = []
    if ent.end + 1 < len(doc) and doc[ent.end].text in ("、", "和", "与", "及"):
        neighbours.append(doc[ent.end + 1])
    if ent.start >= 2 and doc[ent.start - 1].text in ("、", "和", "与", "及"):
        neighbours.append(doc[ent.start - 2])
    return any(len(t.text) >= 3 and t.text.endswith(last) and t.ent_type_ != "PERSON" for t in neighbours)


def _body_like_place(text: str, rules: Rules) -> bool:
    # An organisation ending of three characters or more that ends like a place: 军分区, 警备区.
    return any(
        len(s) >= 3 and text.endswith(s) and len(text) > len(s) and s.endswith(rules.geo_suffixes)
        for s in rules.org_suffixes
    )


def _long_org_suffix(text: str, rules: Rules) -> bool:
    # Two characters or more: 联谊会, 有限公司; not 院 (家属院 is a place) or 局.
    return any(len(s) >= 2 and text.endswith(s) and len(text) > len(s) for s in rules.org_suffixes)


def _is_campaign(ent: Span, rules: Rules) -> bool:
    """“平安医院”建设: a quoted name before a campaign word (lexicons/quoted_campaign_words.txt)."""
    doc = ent.doc
    if ent.start == 0 or ent.end >= len(doc) - 1:
        return False
    return (
        doc[ent.start - 1].text in _OPEN_QUOTES
        and doc[ent.end].text in _CLOSE_QUOTES
        and doc[ent.end + 1].text in rules.quoted_campaign_words
    )


def split_org_titles(doc: Doc, rules: Rules) -> Doc:
    """Split words that glue an organisation to a title, so that the title chain sees both:
    市委常委 -> 市委 | 常委; 市政协党组 (ORG) + 成员 -> 市政协 | 党组 + 成员. A title match that ends on a
    word boundary but starts inside a word whose head is an organisation gets a boundary there."""
    text = doc_text(doc)
    ends = {t.idx + len(t.text) for t in doc}
    ends.add(len(text))
    cuts: dict[int, list[int]] = {}
    for m in rules.title_re.finditer(text):
        s, e = m.start(), m.end()
        if e not in ends:
            continue
        token = doc[doc.char_span(s, s + 1, alignment_mode="expand").start] if s < len(text) else None
        if token is None or token.idx == s:
            continue
        head = text[token.idx : s]
        orgish = token.ent_type_ in ("ORG", "LOC") or head in rules.org_names or rules.org_suffix_re.search(head)
        if len(head) >= 2 and orgish:
            cuts.setdefault(token.i, []).append(s - token.idx)
    if not cuts:
        return doc
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    with doc.retokenize() as retok:
        for i, offsets in cuts.items():
            token = doc[i]
            bounds = [0, *sorted(set(offsets)), len(token.text)]
            parts = [token.text[a:b] for a, b in itertools.pairwise(bounds)]
            retok.split(token, parts, heads=[(token, 0)] * len(parts), attrs={"TAG": [token.tag_ or "n"] * len(parts)})
    # An entity that covered a split word now ends where its title begins.
    spans = []
    boundaries = sorted({t.idx for t in doc})
    title_starts = {m.start() for m in rules.title_re.finditer(text)}
    for start, end, label in ents:
        inner = [b for b in boundaries if start < b < end and b in title_starts]
        if inner:
            end = inner[0]
        span = doc.char_span(start, end, label=label)
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


# 故县镇和县农业农村局, 递铺街道和县发展和改革局: a town, 和, then a body relative to the county,
# which the model glued into words across the 和.
_TOWN_AND_BODY = re.compile(r"(?:镇|乡|街道|村)(和)(?=[市县区][^，。、；：\s]{1,14}?(?:局|委|办|院|中心|政府))")


def split_listed_bodies(doc: Doc, rules: Rules) -> Doc:
    """A town and a relative body the model glued across 和 (潋江镇和县农业农村局, 街道和县) are split
    at 和: two names, not one organisation."""
    matches = list(_TOWN_AND_BODY.finditer(doc_text(doc)))
    if not matches:
        return doc
    starts = {t.idx for t in doc}
    offsets: set[int] = set()
    for m in matches:
        a = m.start(1)
        if a not in starts or a + 1 not in starts:  # only where 和 is glued to a neighbour
            offsets |= {a, a + 1}
    if not offsets:
        return doc
    doc = split_at(doc, offsets)
    for token in doc:
        if token.idx in offsets and token.text == "和":
            token.tag_ = "c"
    return doc


def split_water_surface(doc: Doc) -> Doc:
    """牡丹江|江面, 松花江|江面: the model took the first character of 江面 (the river's surface)
    into the river's name; the name ends one character earlier."""
    found = [
        e for e in doc.ents
        if e.label_ == "LOC" and len(e.text) >= 3 and e.text[-1] == e.text[-2] and e.text[-1] in "江河湖"
        and e.end < len(doc) and doc[e.end].text[:1] in "面边畔岸"
    ]
    if not found:
        return doc
    bounds = [(e.start_char, e.end_char - 1) for e in found]
    doc = split_at(doc, {b for _, b in bounds})
    spans = [doc.char_span(a, b, label="LOC") for a, b in bounds]
    doc.ents = filter_spans(list(doc.ents) + [s for s in spans if s is not None])
    return doc


def is_project_name(text: str, rules: Rules) -> bool:
    head = rules.project_head_re.search(text)
    if head is None:
        return False
    modifier = text[: head.start()].strip(_OPEN_QUOTES + _CLOSE_QUOTES)
    return bool(modifier) and not _generic_words(modifier, rules)


def _generic_project(text: str, rules: Rules) -> bool:
    head = rules.project_head_re.search(text)
    return head is not None and _generic_words(text[: head.start()], rules)


def _generic_words(text: str, rules: Rules) -> bool:
    """``text`` is one or more words of project_generic.txt (特色 + 产业, 重点)."""
    if not text:
        return False
    ok = [True] + [False] * len(text)  # ok[i]: text[:i] splits into generic words
    for i in range(1, len(text) + 1):
        ok[i] = any(ok[j] and text[j:i] in rules.project_generic for j in range(max(0, i - 6), i))
    return ok[-1]


def _is_name_part(token: Token, *, numbers: bool = False, adjectives: bool = False) -> bool:
    if numbers and token.tag_ in ("m", "q"):
        return True
    if adjectives and token.tag_ == "a":
        return True
    return token.tag_ in _NAME_POS or token.ent_type_ in ("ORG", "LOC") or token.text in _CLOSE_QUOTES


def _left_name(doc: Doc, head: Token, *, limit: int = 5, numbers: bool = False, joiners: bool = False) -> int:
    """Index of the first token of the name that ends with ``head``."""
    start = head.i
    chars = len(head.text)
    while start > 0 and head.i - start < limit:
        prev = doc[start - 1]
        # A place in brackets inside a company name: 云轴联（山东）数字科技有限责任公司.
        if (
            joiners and prev.text in ("）", ")") and start >= 3 and doc[start - 2].ent_type_ == "LOC"
            and doc[start - 3].text in ("（", "(")
        ):
            start -= 3
            chars += len(doc[start : start + 3].text)
            continue
        if prev.text in _OPEN_QUOTES:
            start -= 1
            break
        # 和 inside a name (工业和信息化局) only between two name words; 驻 after a place or body
        # (中国驻大阪总领事馆, 市政府驻北京办事处).
        joined = joiners and prev.text == "和" and start >= 2 and _is_name_part(doc[start - 2])
        # ... but not before a new name: 石门县和|市第一中学 are two bodies.
        if joined and doc[start].text.startswith(_RELATIVE_PREFIX) and doc[start].text[:2] not in ("市场", "市民"):
            joined = False
        if joiners and prev.text == "驻" and start >= 2:
            before = doc[start - 2]
            joined = before.ent_type_ in ("LOC", "ORG") or before.tag_ in ("LOC", "ORG", "ns", "nt")
        part = _is_name_part(prev, numbers=numbers, adjectives=joiners)  # 市公共就业和人才服务中心
        if not (joined or part) or chars + len(prev.text) > MAX_NAME_CHARS:
            break
        start -= 1
        chars += len(prev.text)
    return start


def _has_proper_part(span: Span) -> bool:
    """A name needs something that distinguishes it: a place/org/person, a proper noun or quotes."""
    gaz = gazetteer()
    for token in span[:-1]:
        if token.ent_type_ in ("ORG", "LOC", "PERSON", "PROJECT") or token.tag_ in ("nz", "ns", "nt", "nr"):
            return True
        if token.text in _OPEN_QUOTES or token.text in gaz:
            return True
    return False


# Heads of physical projects: a descriptive name is enough (绿色食品产业园); 项目/工程/平台 need a
# proper name part (浪潮10万台计算机项目), or any "重点项目" would be a project.
_PHYSICAL_HEADS = ("产业园", "科技园", "工业园", "物流园", "示范园", "高铁", "铁路", "机场", "大桥")


def _quantity(token: Token, rules: Rules) -> bool:
    """一批, 多个: a quantity of projects, which ends a project's name on its left."""
    return token.tag_ in ("m", "r") and token.text in rules.project_generic


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
        if not ok or token.tag_ == "w":
            break
        if _quantity(token, rules):  # 常德高新区|布局一批…项目 is no name
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
            while start > 0 and i - start < 4 and _is_name_part(doc[start - 1]) and doc[start - 1].text not in rules.not_entities:
                start -= 1
            return start
        if token.tag_ == "w" and not (token.text == "、" and doc[i + 1].tag_ == "m"):
            return None
        if token.tag_ == "u" or rules.project_head_re.search(token.text):
            return None  # 年产…种苗的XX基地: a clause about it; …项目通过…录入项目: an earlier project
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
        not t.ent_type_ and t.tag_ in ("n", "nz", "vn", "an", "j", "nw") and t.text not in rules.project_generic
        for t in span[:-1]
    )


def project_spans(doc: Doc, rules: Rules) -> list[Span]:
    spans = []
    for token in doc:
        if not rules.project_head_re.search(token.text):
            continue
        if token.i == 0:
            continue
        # 重点项目, 建设项目: a generic word before the head needs a name word before it
        # (西汤村高标准农田建设项目, 第一中学新校区建设项目), not only a place (聊城市重点项目).
        generic_before = doc[token.i - 1].text in rules.project_generic
        capacity = _capacity_project_start(doc, token, rules)
        if capacity is not None and not generic_before:
            spans.append(Span(doc, capacity, token.i + 1, label="PROJECT"))
            continue
        anchored = _anchored_project_start(doc, token, rules)
        if anchored is not None:
            span = Span(doc, anchored, token.i + 1, label="PROJECT")
            if is_project_name(span.text, rules) and (not generic_before or _has_content_word(span, rules)):
                spans.append(span)
                continue
        if generic_before:
            continue
        start = _left_name(doc, token, numbers=True)
        for k in range(token.i - 1, start - 1, -1):
            if _quantity(doc[k], rules):  # 株洲高新区|布局一批…项目 is no name
                start = k + 1
                break
        # Generic words and numbers at the left edge are not part of the name (一批重点项目),
        # a capacity is (350万千瓦风电项目).
        capacity_first = False
        while start < token.i and (doc[start].text in rules.project_generic or doc[start].tag_ in ("m", "q")):
            if _capacity(doc, start, token.i, rules):
                capacity_first = True
                break
            start += 1
        if start == token.i:
            continue
        span = Span(doc, start, token.i + 1, label="PROJECT")
        if not is_project_name(span.text, rules):
            continue
        physical = token.text.endswith(_PHYSICAL_HEADS) and len(span.text) - len(token.text) >= 2
        if physical or _has_proper_part(span) or capacity_first or _capacity(doc, start, token.i, rules):
            spans.append(span)
    return spans


def org_spans(doc: Doc, rules: Rules) -> list[Span]:
    """Organisations: a place, organisation or city-relative word, then name words, then a suffix
    (市工业和信息化局, 聊城大学); the bodies in org_names.txt; brands + industry word (鲁西化工)."""
    spans = []
    for token in doc:
        if token.text in rules.org_names:
            # 阳谷 + 县委 -> 阳谷县委: a place right before a relative body names it.
            prev = doc[token.i - 1] if token.i > 0 else None
            place_before = prev is not None and (prev.ent_type_ == "LOC" or (prev.ent_type_ == "ORG" and prev.text in gazetteer()))
            if place_before and token.text.startswith(_RELATIVE_PREFIX):
                spans.append(Span(doc, token.i - 1, token.i + 1, label="ORG"))
            else:
                spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
            continue
        text = token.text
        if not rules.org_suffix_re.search(text) or token.tag_ in ("v", "w"):
            continue
        if text in rules.not_org_words or rules.title_re.fullmatch(text) or token.ent_type_ == "LOC":
            continue  # a place the model found (…家属院) is no body
        nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
        if text in rules.title_prefixes and rules.title_re.match(text + nxt):
            continue  # 孝丰镇 | 党委书记: 党委 belongs to the title, the town is the organisation
        if text.endswith(rules.org_suffixes_direct):
            start = token.i - 1 if token.i > 0 and doc[token.i - 1].ent_type_ in ("LOC", "ORG") else token.i
        else:
            start = _left_name(doc, token, limit=7, joiners=True)
        if start == token.i:
            # One long word ending like a body is one: 农业农村部, 生态环境局 (not 全部, 布局).
            if (
                len(text) >= 4
                and text[-1] in "部局委厅署办"
                and token.tag_ in ("n", "nt", "ORG", "nz")
                and not text.endswith(tuple(rules.not_org_words))  # 领导干部
            ):
                spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
            continue
        # 我市 + 山东信通铝业有限公司: "our city" is not part of the name.
        if doc[start].text in _RELATIVE_PREFIX and start > 0 and doc[start - 1].text in _DEMONSTRATIVES:
            start += 1
        # “市不动产登记中心结合...: a quote opening the sentence, not the name (“智链”公司 keeps it).
        if doc[start].text in _OPEN_QUOTES and not any(t.text in _CLOSE_QUOTES for t in doc[start : token.i]):
            start += 1
        if start == token.i:
            continue
        span = Span(doc, start, token.i + 1, label="ORG")
        first = doc[start]
        if rules.is_not_entity(span.text):
            continue
        if text == "中心" and token.i - start == 1 and doc[start].ent_type_ == "ORG":
            continue  # 围绕市委中心工作: the centre of a body's work, not a new body
        relative = first.text.startswith(_RELATIVE_PREFIX) and first.text[1:2] != "级"  # 县级 is no county
        # 国家 + name words + suffix: a national body (国家碳计量中心), not 国家 + 中心 (国家中心城市).
        national = first.text == "国家" and token.i - start >= 2
        place = first.text in gazetteer() or first.text in world_places()  # 中国 tagged as a company
        if first.ent_type_ in ("LOC", "ORG") or relative or national or place:
            spans.append(span)
    spans += company_short_names(doc, rules)
    return spans


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


# "A、B、C等(行业骨干|一批优秀)?企业": the items of the list are enterprises.
_ENTERPRISE_HEADS = ("企业", "公司", "集团", "厂商")
_ITEM_END_TAGS = {"n", "nz", "nw", "j", "x", "ORG", "PER", "LOC"}
_LIST_STOP_TAGS = {"v", "vd", "u", "p", "c", "d", "r", "w", "m", "q", "f", "TIME"}


def listed_enterprise_spans(doc: Doc, rules: Rules) -> list[Span]:
    """Names listed before 等…企业 are organisations (中色奥博特、九鼎新材料、上达稀土等行业骨干企业),
    unless an item ends in an activity (芯片设计、封装测试等企业 are trades)."""
    spans = []
    named: set[tuple[int, int]] | None = None  # the model's entities, read once (doc.ents builds them)
    for token in doc:
        if token.text != "等" or token.i == 0:
            continue
        after = doc[token.i + 1 : token.i + 5]
        head = next((t for t in after if t.text.endswith(_ENTERPRISE_HEADS)), None)
        if head is None or any(t.tag_ in ("w", "v", "u") for t in doc[token.i + 1 : head.i]):
            continue
        items: list[tuple[int, int]] = []
        end = token.i
        while end > 0:
            start = end
            while start > 0 and doc[start - 1].text != "、" and end - start < 5:
                start -= 1
            if start == 0 or doc[start - 1].text != "、":
                # the first item: it starts after what the clause says before it (培育了, 围绕, 将与)
                start = end
                if doc[end - 1].text == "）":  # 耐克森（山东）: the bracket is part of the name
                    start = next((k for k in range(end - 2, max(end - 5, 0), -1) if doc[k].text == "（"), end)
                while start > 0 and end - start < 5:
                    prev = doc[start - 1]
                    if prev.tag_ in _LIST_STOP_TAGS and not prev.ent_type_:
                        break
                    start -= 1
                if start < end and doc[start].ent_type_ == "LOC" and start + 1 < end:
                    start += 1  # 滁州经开区 | 博西家电: a place before the first name is where it is
                if start + 1 < end and doc[start].text in _RELATIVE_PREFIX and start > 0 and doc[start - 1].text in _DEMONSTRATIVES:
                    start += 1  # 我市 | 山东信通铝业有限公司
            if start == end:
                break
            items.append((start, end))
            if start > 0 and doc[start - 1].text == "、":
                end = start - 1
                continue
            break
        if len(items) < 2:
            continue
        for start, end in items:
            span = Span(doc, start, end, label="ORG")
            text = span.text
            if named is None:
                named = {(e.start, e.end) for e in doc.ents}
            if (start, end) in named:
                continue  # already a name
            bracketed = text.endswith("）") and "（" in text  # 耐克森（山东）
            if not 2 <= len(text) <= 12 or any(t.text in "，。；：“”" for t in span):
                continue
            if doc[end - 1].tag_ not in _ITEM_END_TAGS and not doc[end - 1].ent_type_ and not bracketed:
                continue  # 芯片设计、封装测试: trades, not names
            if rules.is_not_entity(text) or text in gazetteer() or text in world_places() or text in rules.company_words:
                continue  # (家电 alone is the trade, its brand was cut off)
            spans.append(span)
    return spans


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
            if ent.end + width <= len(doc) and doc[ent.end : ent.end + width].text in rules.company_words:
                end = ent.end + width
                break
        if end is None:
            continue
        after = doc[end].text if end < len(doc) else "。"
        before = doc[ent.start - 1].text if ent.start > 0 else "，"
        in_list = after in _LIST_AFTER and (before in _LIST_BEFORE or after in ("、", "等"))
        # A place + industry word is that place's industry (聊城轴承), unless it is no real place.
        if ent.label_ == "ORG" or (in_list and ent.text not in gazetteer()):
            spans.append(Span(doc, ent.start, end, label="ORG"))
    return spans


def place_spans(doc: Doc, rules: Rules) -> list[Span]:
    """Administrative-division names the model missed or cut (于|集镇, 潘庄|镇): one to three words
    whose text is a full name in the gazetteer (short names are words too often)."""
    gaz = gazetteer()
    spans = []
    # Plain lists: indexing a Doc builds a Token object each time, which dominated this loop.
    texts, tags, ent_types = zip(*((t.text, t.tag_, t.ent_type_) for t in doc)) if len(doc) else ((), (), ())
    for i in range(len(texts)):
        if tags[i] in ("c", "p", "u", "v", "d", "r", "w"):
            continue
        text = ""
        for j in range(i, min(i + 3, len(texts))):
            text += texts[j]
            if tags[j] == "w" or len(text) > 12:
                break
            if len(text) < (3 if j > i else 2) or text not in gaz or rules.is_not_entity(text):
                continue
            if _generic_project(text, rules):
                continue  # the gazetteer lists zones as towns: 特色产业园区 names none
            if text in rules.zone_suffixes and i > 0 and _counted(doc[i - 1]):
                continue  # 3个市属开发区: zones counted, none named
            if text[0] in _FUNCTION_CHARS and len(text) <= 2:
                continue
            if j == i and ent_types[i]:
                continue
            if any(p.name == text for p in gaz.lookup(text)):
                spans.append(Span(doc, i, j + 1, label="LOC"))
    return spans


# Words that make a larger place of the place before them (济南 + 都市圈, 黄河 + 流域).
_PLACE_EXTENSIONS = ("都市圈", "经济圈", "城市群", "流域", "经济带", "片区", "故道")


_ZONE_WORD_TAGS = {"n", "vn", "nz", "j", "LOC", "ORG"}


def own_place_spans(doc: Doc) -> list[Span]:
    """我县, 我市, 我区, 我省: the paper's own place, resolved to the article's home place."""
    return [
        Span(doc, t.i, t.i + 2, label="LOC")
        for t in doc[:-1]
        if t.text == "我" and doc[t.i + 1].text in _RELATIVE_PREFIX and not doc[t.i + 1].ent_type_
    ]


def extended_places(doc: Doc, rules: Rules) -> list[Span]:
    spans = [
        Span(doc, ent.start, ent.end + 1, label="LOC")
        for ent in doc.ents
        if ent.label_ == "LOC" and ent.end < len(doc) and doc[ent.end].text in _PLACE_EXTENSIONS
    ]
    # A place or brand, then up to three words ending like a zone (lexicons/zone_suffixes.txt):
    # 柳叶湖 + 旅游度假区, 博鳌乐城国际医疗 + 旅游 + 先行 + 区 (the model cut the name).
    for ent in doc.ents:
        if ent.label_ not in ("LOC", "ORG") or rules.is_zone(ent.text):
            continue
        words = ""
        first = ent.end
        # 中国（绵阳）科技城: a place in brackets after the first one belongs to the zone's name
        if first + 2 < len(doc) and doc[first].text in ("（", "(") and doc[first + 1].ent_type_ == "LOC" and doc[first + 2].text in ("）", ")"):
            first += 3
        for k in range(first, min(first + 3, len(doc))):
            token = doc[k]
            if token.tag_ not in _ZONE_WORD_TAGS and token.ent_type_ not in ("LOC", "ORG"):
                break
            if token.ent_type_ and not token.text.endswith(rules.zone_suffixes):
                break  # 雪堰镇 | 太湖湾旅游度假区: another name starts, the town is not the zone's
            words += token.text
            if len(words) > 8:
                break
            if words.endswith(rules.zone_suffixes):
                spans.append(Span(doc, ent.start, k + 1, label="LOC"))
                break
    return spans


# A registered company name starts with a province, city or county, never with a town: a town
# before it is where it is (东昌府区梁水镇 | 国兴现代农业有限公司). Farmers' cooperatives are
# registered with their town (柳城县大埔镇联丰甘蔗种植专业合作社) and keep it.
_COMPANY_ENDINGS = ("公司", "集团")


def _place_chain(text: str) -> list[int]:
    """End offsets of the administrative places ``text`` starts with, each inside the one before
    (聊城市东昌府区柳园街道… -> [3, 7, 11])."""
    gaz = gazetteer()
    ends: list[int] = []
    parent = None
    while True:
        pos = ends[-1] if ends else 0
        head = next(gaz.full_prefixes(text[pos:], 8), None)
        if head is None:
            return ends
        places = [p for p in gaz.lookup(head) if p.name == head and (parent is None or p.within(parent))]
        if not places:
            return ends
        parent = places[0]
        ends.append(pos + len(head))


def place_chain_spans(doc: Doc, rules: Rules) -> tuple[Doc, list[Span]]:
    """Model entities that glue places to a name: a chain of places alone (聊城市东昌府区 tagged
    as an ORG) is each place; a town chain before a company or a residential compound is cut off."""
    found: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "LOC"):
            continue
        text = ent.text
        ends = _place_chain(text)
        if not ends:
            continue
        rest = text[ends[-1] :]
        town = any(p.level == "town" for p in gazetteer().lookup(text[(ends[-2] if len(ends) > 1 else 0) : ends[-1]]))
        if not rest and len(ends) > 1:
            label = None
        elif town and len(rest) >= 3 and (rest.endswith(_COMPANY_ENDINGS) or (ent.label_ == "LOC" and is_place_name(rest, rules))):
            label = "ORG" if rest.endswith(_COMPANY_ENDINGS) else "LOC"
        else:
            continue
        bounds = [0, *ends]
        for a, b in itertools.pairwise(bounds):
            found.append((ent.start_char + a, ent.start_char + b, "LOC"))
        if label is not None:
            found.append((ent.start_char + ends[-1], ent.end_char, label))
    if not found:
        return doc, []
    doc = split_at(doc, {o for a, b, _ in found for o in (a, b)})
    covered = [(a, b) for a, b, _ in found]
    doc.ents = [e for e in doc.ents if not any(a <= e.start_char < b or a < e.end_char <= b for a, b in covered)]
    spans = [doc.char_span(a, b, label=label) for a, b, label in found]
    return doc, [span for span in spans if span is not None]


def _extends(span: Span, fixed: Span) -> bool:
    """A project that contains a fixed project: the route's section or upgrade (成绵高速公路 ->
    成绵高速公路复线, 沈海高速公路福州段扩容工程)."""
    return span.label_ == fixed.label_ == "PROJECT" and span.start <= fixed.start and fixed.end <= span.end


def merge_spans(model: list[Span], extra: list[Span], fixed: list[Span] = ()) -> list[Span]:
    """Model spans stand; an extra span is kept only if it does not cut one (it may contain it), and
    does not overlap a ``fixed`` span at all (a place chain cut off a company stays cut off)."""
    out = list(model)
    near_model, near_fixed = _overlapping(model), _overlapping(fixed)
    for span in extra:
        cuts = any(
            span.start < m.end and m.start < span.end and not (span.start <= m.start and m.end <= span.end)
            for m in near_model(span)
        ) or any(span.start < f.end and f.start < span.end and span != f and not _extends(span, f) for f in near_fixed(span))
        if not cuts:
            out.append(span)
    return filter_spans(out)


def _overlapping(spans: list[Span]):
    """span -> the ``spans`` that may overlap it. Entities do not overlap one another, so sorted
    by start their ends are sorted too and a bisection finds the few near a span (checking every
    pair made a long article quadratic); spans that overlap are all returned."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    ends = [s.end for s in ordered]
    if any(b.start < a.end for a, b in itertools.pairwise(ordered)):
        return lambda span: ordered

    def near(span: Span) -> list[Span]:
        first = bisect_right(ends, span.start)  # the first that ends after span starts
        last = first
        while last < len(ordered) and ordered[last].start < span.end:
            last += 1
        return ordered[first:last]

    return near


@Language.factory("kg_entities", default_config={})
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules()


class EntityRules:
    """spaCy component: doc.ents := cleaned model entities + lexicon organisations/projects/places."""

    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules if rules is not None else load_rules()

    def __call__(self, doc: Doc) -> Doc:
        doc = split_org_titles(doc, self.rules)
        doc = split_listed_bodies(doc, self.rules)
        doc = split_water_surface(doc)
        doc, short, full_names = short_name_spans(doc, self.rules)
        doc, chains = place_chain_spans(doc, self.rules)
        short = filter_spans(short + chains)
        model = clean_model_ents(doc, self.rules)
        # A short name (济滨 of 雄商、济滨等高铁) replaces what the model made of its words.
        model = [m for m in model if not any(m.start < s.end and s.start < m.end for s in short)] + short
        model.sort(key=lambda span: span.start)
        doc.user_data["kg_full_names"] = full_names  # (start_char, end_char) -> 济滨高铁
        doc.ents = model  # token.ent_type_ now reflects the cleaned entities for the rules below
        orgs = org_spans(doc, self.rules)
        extra = (
            project_spans(doc, self.rules)
            + orgs
            + sub_unit_spans(doc, self.rules, [m for m in model if m.label_ == "ORG"] + orgs)
            + long_body_spans(doc, self.rules)
            + cooperative_spans(doc)
            + listed_person_spans(doc, self.rules)
            + listed_enterprise_spans(doc, self.rules)
            + place_spans(doc, self.rules)
            + extended_places(doc, self.rules)
            + own_place_spans(doc)
        )
        final = merge_spans(model, extra, fixed=short)
        doc.ents = final
        # A project named after its company (鑫宏铝业年产...项目) still mentions the company; its place
        # shows as located_in from the name.
        projects = [s for s in final if s.label_ == "PROJECT"]
        # A river's basin (弥河流域) still mentions the river.
        basins = [s for s in final if s.label_ == "LOC" and s.text.endswith("流域")]
        doc.spans["kg_inner"] = [
            m for m in model if m.label_ == "ORG" and any(p.start <= m.start and m.end <= p.end and p != m for p in projects)
        ] + [m for m in model if m.label_ == "LOC" and any(b.start == m.start and m.end < b.end for b in basins)]
        return doc
