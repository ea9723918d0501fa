"""Where a relation's arguments are: small named strategies over a sentence (the places gone
to, the invited countries, a pair's two parties, a joint venture's partners).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from kg.extract.places import country_prefix, gazetteer, world_countries, world_places
from kg.extract.relations.amounts import _count
from kg.extract.relations.grammar import _Arg, _ends_in_title, _in, _unnamed
from kg.extract.relations.lexicon import (
    _city_initials,
    _pair_after,
    _trigger_re,
    _visit_verbs,
    country_abbreviations,
    country_pairs,
)
from kg.extract.relations.patterns import (
    _AGENTS,
    _AGREEMENT,
    _BOTH,
    _COUNTRIES_AFTER,
    _HONORIFIC,
    _LIST_JOIN,
    _MEMBER_WORDS,
    _MEMBERS,
    _PARTIES,
    _PLACES,
    _QUALIFIER_GAP,
    _STOP,
    _TIME_AFTER,
    _TREATY,
    _UNNAMED_AFTER,
)
from kg.extract.relations.sentence import _Sentence
from kg.extract.rules import load_rules
from kg.schema import Extraction, Mention

_DELEGATION = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:代表团|访问团|考察团|议员团|友好小组|访华团|访京团)"
)


_LED_BY = re.compile(r"(?:所)?(?:率领|带领)的")


_HIS_LED = re.compile(r"(?:及|和|以及)(?:其|他|她)" + _LED_BY.pattern)  # A及其率领的B代表团


_KIN = re.compile(r"的(?:夫人|妻子|丈夫|儿子|女儿|母亲|父亲|遗孀|特使|特别代表|私人代表)")


# 甲市贫困群众: a place before a kind of its people is no place visited
_PEOPLE_OF_PLACE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:群众|居民|农民|职工|家庭|老党员|困难户|贫困户|官兵|干部|师生)"
)


# 乙厂职工, 丙校两位老教授, 丁部队官兵: a body's own people, counted or not, right after it
_BODY_PEOPLE = re.compile(
    r"(?:[\d一两二三四五六七八九十几数多]+[位名])?[\u4e00-\u9fff]{0,6}?"
    r"(?:" + _MEMBER_WORDS + r"|群众|教职工|家庭|官兵|师生|学生|教师|教授|工人)"
)


_BUILDING = re.compile(
    r"(?:大厦|大楼|中心|工程|广场|公园|园区|市场|宾馆|饭店|医院|学校|电站|机场|港)$"
)


_COPULA = re.compile(r"(?<![但还就于总凡只要可倒像])是(?!否)")


_KIND_NOUN = re.compile(
    r"(?:第一|首)?[位个批名]?[\u4e00-\u9fff]{0,4}(?:企业家|人士|官员|领导人|元首|政要|外宾|客人|代表团|华人|人)"
)


# What a place is of a visit, after the verb and its object: 甲国是A此行访问乙洲三国的首站
_STOP_OF_VISIT = re.compile(
    r"[^，,。；;]{0,12}?的(?:第[一二三四五六七八九十\d]+(?:站|个)|最后一站|首站|终点站)"
)


# 非洲五国, 拉美3国, 非洲6个国家: a region with the count of its countries (docs/annotation.md)
_REGION_COUNT = re.compile(r"(?P<n>[\d０-９两二三四五六七八九十几]+)个?国家?")


# 出访甲洲三国：甲国、乙国和丙国; 访问甲区内两个城市──甲市及乙市: the count, then its list
_COUNT_THEN_LIST = re.compile(
    r"内?(?P<n>[\d０-９两二三四五六七八九十]+)个?(?:国家?|城市)(?:：|:|──|——|—)"
)


_SUMMED = re.compile(r"(?:等)?[\d两三四五六七八九十]+个?[\u4e00-\u9fff]{0,4}国家?(?:进行|的)")


_GUESTS_AFTER = re.compile(r"等(?:外宾|客人|贵宾|一行|人|[。；]|$)")


_TITLE = re.compile(r"《[^《》]*》")


# 先在甲某陪同下: an adverb of sequence between a name and the escort clause after it
_BEHALF_GAP = re.compile(
    r"(?:[今昨明当同][日天]|[上下]午|晚上|（[^（）]{0,12}）|在[^，。；、在]{1,10}|于[^，。；在]{1,10}"
    r"|[\d一二三四五六七八九十]{1,3}[日号]|受[^，。；、受]{1,10}委托|作为[^，。；、作]{1,10}"
    r"|将|会|拟|也|还|亦|分别|随后|随即)*"
)


_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3}(?![A-Za-z])")


_KIND_GROUP = re.compile(
    r"(?:商贸|经贸|商务|贸易|投资|友好|高层|高级|政府|文化|科技|工商|企业家|专家|议员|青年|妇女)+"
    r"(?:代表团|考察团|访问团|团)"
)


_SECTOR = re.compile(
    r"(?:工商|商|法律|金融|科技|新闻|文化|教育|医学|学术|体育|艺术|政|工业|企业|知识|经济|宗教|妇女|财经)界"
)


# 会见甲时，乙、丙参加会见 (or 参加 alone): a clause that only seats people, not 乙邀请…参与共建
_SEATED = re.compile(r"在座|在场|陪同|陪见|出席|(?:参加|参与)了?(?:会见|会谈|会晤)?$")


# A clause with no subject of its own that frames the next one, whose subject is its actor: a time
# after it (同A签署协议以后，B…) or a basis before it (根据同A签订的条约，B…).
_FRAME_END = re.compile(r"(?:以后|之后|后|时|期间|之际|以来)$")


_FRAME_START = re.compile(r"(?:根据|按照|依照|依据)")


def _framing(text: str, clause: tuple[int, int]) -> bool:
    return bool(
        _FRAME_END.search(text, clause[0], clause[1]) or _FRAME_START.match(text, clause[0])
    )


_WENT = re.compile(r"(?:前来|来到|到|赴|前往)(?=[\u4e00-\u9fff])")


_GOES_WITH = re.compile(r"随同|跟随")  # A随同B: A goes along with B (陪同: A escorts B, no visitor)


_KIND_INVESTOR = re.compile(r"(?:外国人|外商|外资|企业|公司|投资者|财团|商人|个人)$")


_IN_WORD = re.compile(r"[人侨裔商资语文籍胞外]")  # 华人, 中外


# 日 of a date (5日中断了…会谈) is no country
_DATE_BEFORE = re.compile(r"[\d一二三四五六七八九十][日]$")


def _abbreviated(text: str, start: int, end: int, taken: list[_Arg]) -> list[_Arg]:
    """Parties written as one-character country forms outside any mention: 来华 (a place after
    来/赴/访), 中美, 俄日 (a pair before 两国/双方/政府 or a signing or meeting verb)."""
    abbr = country_abbreviations()
    out = []
    visit = _visit_verbs()
    for m in re.finditer(
        rf"(?<=[来赴访到莅])(.)(?={visit}|$)|(?<=对)(.)(?=投资|访问|进行)", text[start:end]
    ):
        group = 1 if m.group(1) else 2
        char = m.group(group)
        if char in abbr:
            out.append(_Arg(start + m.start(group), start + m.end(group), abbr[char], "LOC", True))
        elif group == 1 and char in _city_initials():
            # 来聊调研: a city's first character, the city of the article's paper (the graph
            # reads it as the home city)
            out.append(_Arg(start + m.start(group), start + m.end(group), char, "LOC", True))
    for m in re.finditer(rf"(?<=[来赴访到])(..)(?={visit})", text[start:end]):  # 到印巴访问
        a, b = m.group(1)
        names = _pair_names(a, b)
        if names:
            out.append(_Arg(start + m.start(1), start + m.start(1) + 1, names[0], "LOC", True))
            out.append(_Arg(start + m.start(1) + 1, start + m.end(1), names[1], "LOC", True))
    for i in range(len(text) - 1):
        names = _pair_names(text[i], text[i + 1])
        if names and _pair_after().match(text, i + 2) and not _DATE_BEFORE.search(text, 0, i + 1):
            out.append(_Arg(i, i + 1, names[0], "LOC", True))
            out.append(_Arg(i + 1, i + 2, names[1], "LOC", True))
    return _untaken(out, taken)


def _untaken(found: list[_Arg], taken: list[_Arg]) -> list[_Arg]:
    """The found arguments that overlap no argument already taken."""
    return [a for a in found if not any(t.start < a.end and a.start < t.end for t in taken)]


def _own_country(text: str, taken: list[_Arg]) -> list[_Arg]:
    """我国 in a Chinese paper names China, as 华 does (甲某对我国进行访问); as a place, it qualifies
    what follows it (我国企业, 我国驻甲国大使A) like any other."""
    return _untaken(
        [_Arg(m.start(), m.end(), "中国", "LOC") for m in re.finditer("我国", text)], taken
    )


def _pair_names(a: str, b: str) -> tuple[str, str] | None:
    """The two countries of a pair of one-character forms (中美, or 巴以 of country_pairs.tsv)."""
    return load_rules().pair_places(a + b)


# 上述五国, 以上三个国家: places named before, counted
_AFORESAID = re.compile(
    r"(?:(?:上述|以上|这)(?P<n>[两二三四五六七八九十]|\d{1,2})?|(?P<bare>[两二三四五六七八九十]|\d{1,2}))"
    r"个?(?:国|国家|省|市|地|城市)(?P<more>[及和][^，,；;。]{2,16}?)?(?:进行|访问|考察|参观)"
)


def _aforesaid(s: _Sentence, start: int, end: int) -> list[_Arg]:
    """赴上述五国进行访问: the list of places named before that the words count back to."""
    m = _AFORESAID.match(s.text, start)
    if m is None or not re.fullmatch(r"了?[^，,；;。]{0,4}", s.text[m.end() : end]):
        return []  # after 进行: 了 and up to four characters before the verb
    groups: list[list[_Arg]] = []
    for h in (_as_country(h) for h in s.heads if h.end <= start):
        if h.type != "LOC":
            continue
        if groups and _LIST_JOIN.match(s._gap(groups[-1][-1].end, h.start)):
            groups[-1].append(h)
        else:
            groups.append([h])
    n = m.group("n") or m.group("bare")  # 对4国进行访问: a bare count, the list of that many before
    size = _count(n) if n else None
    # the last list of two or more (of as many as counted), not a place in between (离开甲地赴上述五国)
    listed = next((g for g in reversed(groups) if len(g) >= 2 and size in (None, len(g))), [])
    invited = _invited_countries(s, start) if not listed and m.group("n") else []
    counted = listed or (invited if len(invited) == size else [])
    more = (
        [h for h in s.heads if m.start("more") < h.start and h.end <= m.end("more")]
        if counted and m.group("more")
        else []
    )
    return counted + more  # 对上述四国及甲组织总部进行访问: the one named after the count too


# 应甲国总统A、乙国议会的邀请: who invites, the phrase their countries are named in
_INVITED_BY = re.compile(r"应(?!邀)[^。；;]{2,200}?邀请")


def _invited_countries(s: _Sentence, start: int) -> list[_Arg]:
    """应甲国外长A、乙国议会的邀请，…对上述N国进行访问: the countries of those who invite, each
    once, where the count names them (a person's country is a qualifier, no head of the list)."""
    phrases = list(_INVITED_BY.finditer(s.text, 0, start))
    if not phrases:
        return []
    countries: dict[str, _Arg] = {}
    for m in (
        _as_country(m)
        for m in s.mentions
        if phrases[-1].start() <= m.start and m.end <= phrases[-1].end()
    ):
        name = country_prefix(m.text)
        if m.type == "LOC" and name is not None:
            countries.setdefault(name, m)
    return list(countries.values())


def _invited_after(s: _Sentence, region: _Arg) -> list[_Arg]:
    """A headline's region with its count (出访北欧两国), then the story: 应甲国A、乙国B的邀请. The
    countries of those who invite are the ones counted, where there are as many."""
    count = _REGION_COUNT.match(s.text, region.end)
    phrase = _INVITED_BY.search(s.text, count.end()) if count is not None else None
    if phrase is None or _trigger_re().search(s.text, count.end(), phrase.start()):
        return []
    countries = _invited_countries(s, phrase.end())
    return countries if len(countries) == _count(count.group("n")) else []


def _as_country(h: _Arg) -> _Arg:
    """A body named after its country (甲国议会, 乙国众议院), as that country: who invites stands for
    the country visited (应甲国议会、乙国国会的邀请…赴上述二国访问)."""
    if h.type != "ORG":
        return h
    country = country_prefix(h.text, 8)
    # the body's span: lists join there
    return _Arg(h.start, h.end, country, "LOC") if country else h


def _owner_end(s: _Sentence, pos: int) -> int:
    """Where the name right before ``pos`` ends, a post between them allowed (甲主席对…)."""
    head = next((h for h in reversed(s.heads) if h.end <= pos), None)
    if head is None:
        return -1
    gap = s.text[head.end : pos]
    return head.end if not gap or load_rules().title_re.fullmatch(gap) else -1


def _written_out(arg: _Arg) -> bool:
    """One character in the text, a longer name in the mention: 俄 written out as 俄罗斯."""
    return arg.end - arg.start == 1 and len(arg.text) > 1


def _over_pair(text: str, arg: _Arg, abbr: dict[str, str]) -> bool:
    """中美政府, or 美政府 after 中: a span the model made over one or both of a pair of country forms
    and the word after them."""
    if any(
        text[i : i + 2] in country_pairs() and arg.end <= i + 2
        for i in (arg.start - 1, arg.start)
        if i >= 0
    ):
        return True  # 巴 of 巴以: the model's place in a pair whose forms are ambiguous alone
    start = (
        arg.start - 1
        if arg.start > 0 and text[arg.start - 1] in abbr and len(arg.text) >= 2
        else arg.start
    )
    span = text[start : arg.end]
    return (
        len(span) >= 3
        and span[0] in abbr
        and span[1] in abbr
        and re.fullmatch(r"(?:两国)?(?:政府|双方)|两国", span[2:]) is not None
    )


_SHORT_FORM = re.compile(
    r"[（(](?:以下)?(?:简称|下称)?[“\"‘'「]?([^（）()“”\"‘'「」，。、]{2,8})[”\"’'」]?[）)]"
)


_DECLARED_SHORT = re.compile(r"[（(](?:以下)?(?:简称|下称)[“\"‘']?$")


def _no_party(text: str, a: _Arg) -> bool:
    """Spans the model (or a rule) made that name no party."""
    if a.end - a.start == 1 and _IN_WORD.match(text, a.end):
        return True  # 华人, 华侨, 中资: a one-character country form inside a word
    if re.search(r"[，。；：,;:]", a.text):
        return True  # a "name" across a clause mark (甲市外，代表团)
    if _DECLARED_SHORT.search(text, 0, a.start):
        return True  # 甲公司（以下简称“甲”）: the short form the name before declares
    if len(a.text) > 2 and (a.text[0] in "从在把被" or (a.text[0] == "于" and a.type != "PERSON")):
        return True  # 从甲市 (not 对外联络部, nor 于 the surname)
    if a.type == "LOC" and _SECTOR.match(text, a.end):
        return True  # 甲地法律界, 乙国工商界: a sector the place qualifies
    if a.type == "ORG" and _KIND_GROUP.fullmatch(a.text):
        return True  # 商务代表团, 经贸考察团: a group of some kind, not a named one
    # a name before 奖 names a prize (某某奖); 时说 or 时称 (…时说, a time before a verb of saying)
    return a.type == "PERSON" and (
        re.match(r"[\u4e00-\u9fff]{0,4}奖", text[a.end :]) is not None
        or re.fullmatch(r"时[说称]", a.text) is not None
    )


def _titled_surnames(text: str, taken: list[_Arg], people: list[str]) -> list[_Arg]:
    """江主席, 李市长: a surname and a title stand for the article's one person of that surname
    (none when it names two or none)."""
    rules = load_rules()
    out = []
    for m in rules.title_re.finditer(text):
        for size in (2, 1):
            start = m.start() - size
            surname = text[start : m.start()] if start >= 0 else ""
            if not surname or surname not in rules.surnames:
                continue
            if any(t.start < m.end() and start < t.end for t in taken):
                break
            named = [p for p in people if rules.surname_of(p) == surname]
            if len(named) == 1:
                out.append(_Arg(start, m.end(), named[0], "PERSON"))
            break
    return out


def _relative(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg] | None:
    """正在芬兰访问的阿根廷外长迪特利亚, 在伊朗投资的法国公司: a trigger that qualifies a noun has
    its subject after 的 (none when that noun is no name); None when the trigger is no qualifier,
    as in A是来华访问的, where 的 closes the clause."""
    if not s.text.startswith("的", t1) or t1 + 1 >= clause[1]:
        return None
    head = next((m for m in s.heads if m.start > t1 and m.end <= clause[1]), None)
    copula = _COPULA.search(s.text, clause[0], t1)
    if (
        (head is None or head.type not in _AGENTS)
        and copula is not None
        and _kind_to_end(s, t1 + 1, clause[1])
    ):
        return s.subject(clause, copula.start(), _AGENTS)  # A是第一位来华访问的总参谋长: A
    if head is None and any(m.type in _AGENTS for m in s.heads_in(clause[0], t1, _PARTIES)):
        return None  # 听取了A赴B调研的汇报: the clause that qualifies a noun has its own subject
    if head is None or head.type not in _AGENTS:
        return []
    gap = s.text[t1 + 1 : s.chain_start[head.start]]  # 访问的甲国部长A, the country unfound
    if gap and not _ends_in_title(gap):
        return []
    group = [head]  # 在甲市访问的A、B等外宾 (not 在甲国访问的A、B等也表示: a list of speakers)
    for m in s.heads:
        if (
            m.start >= group[-1].end
            and m.end <= clause[1]
            and m.type in _AGENTS
            and s._gap(group[-1].end, m.start) == "、"
        ):
            group.append(m)
        elif m.start >= group[-1].end:
            break
    after = _HONORIFIC.match(s.text, group[-1].end)
    group = (
        group if _GUESTS_AFTER.match(s.text, after.end() if after else group[-1].end) else [head]
    )
    # 正在甲国访问的A及其率领的乙代表团: the delegation too
    led = _HIS_LED.match(s.text, group[-1].end)
    body = s.head_from(led.end()) if led is not None else None
    return group + [body] if body is not None and body.type in _AGENTS else group


def _visited_object_end(s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> int | None:
    """Where the places right after a visit verb end, when 的 follows them (访问甲国、乙国的), else
    None; None too when the verb has a subject of its own (陪同A访问甲国的B: A visits)."""
    end = clause[1]
    own = next((m for m in reversed(s.heads) if clause[0] <= m.start and m.end <= t0), None)
    gap = s.text[own.end : t0] if own is not None and own.type in _AGENTS else "了"
    if re.fullmatch(r"[^了，。；、]{0,4}", gap) and not _trigger_re().search(gap):
        return None
    after = re.match(r"[了过]?", s.text[t1:end]).end() + t1
    first = next((m for m in s.heads if m.start >= t1 and m.end <= end), None)
    if first is None or first.type not in _PLACES or s.chain_start[first.start] != after:
        return None
    last = s.listed(first, end, _PLACES)[-1]
    return last.end if s.text.startswith("的", last.end) else None


def _kind_to_end(s: _Sentence, start: int, end: int) -> bool:
    """Whether only a post or a kind of person (with the places and bodies that qualify it) runs
    from ``start`` to ``end``: 的甲国总参谋长, 的企业家."""
    rest = s.text[start:end]
    for m in reversed([m for m in s.mentions if start <= m.start and m.end <= end]):
        if m.type == "PERSON":
            return False
        rest = rest[: m.start - start] + rest[m.end - start :]
    return _KIND_NOUN.fullmatch(rest) is not None or (_ends_in_title(rest) and len(rest) <= 8)


def _kind_after(text: str, m: _Arg) -> bool:
    """对甲洲新兴国家的投资: a place before a kind of its countries or people names no target (not
    在华最大的, a superlative of the place itself)."""
    kind = _UNNAMED_AFTER.match(text, m.end)
    return kind is not None and not kind.group().startswith("最")


def _parties_fit(s: _Sentence, group: list[_Arg], t1: int, end: int) -> bool:
    """Whether a listed group signs with each other: two parties (三方: three), or bodies who sign
    one agreement or contract (A、B、C、D签订了…协议书); not four leaders who sign one text."""
    if not group:
        return False
    both = _BOTH.match(s.text, group[-1].end)
    if len(group) == (3 if both is not None and both.group() == "三方" else 2):
        return True
    return (
        len(group) >= 3
        and all(g.type == "ORG" for g in group)
        and _AGREEMENT.search(s.text, t1, end) is not None
    )


def _in_led(t1: int, m: _Arg, spans: list[tuple[int, int]]) -> bool:
    """Whether only a leader phrase stands between the trigger and ``m`` (会见了以A为团长的B)."""
    return any(a - t1 <= 1 and b <= m.start for a, b in spans)


def _adviser(s: _Sentence, m: _Arg) -> _Arg:
    """与A的外交顾问B举行会谈: the named person a post of ``m``'s names."""
    nxt = next((h for h in s.heads if h.start > m.end), None)
    if nxt is None or nxt.type != "PERSON" or not s.text.startswith("的", m.end):
        return m
    gap = s.text[m.end + 1 : s.chain_start[nxt.start]]
    return nxt if gap and _ends_in_title(gap) else m


def _region_counted(text: str, place: _Arg) -> bool:
    """出访非洲五国, 访问北非三国: a place that is no country, named with the count of its countries,
    is the region visited (a country's form before a count is a pair: 中美两国)."""
    if place.type != "LOC" or place.abbreviated or place.text in world_countries():
        return False
    return _REGION_COUNT.match(text, place.end) is not None


def _listed_for_count(s: _Sentence, region: _Arg) -> list[_Arg]:
    """访问甲洲三国：甲国、乙国和丙国: the places a region's count lists right after it (after a
    colon or a dash), where there are as many; the guide counts them visited with the region."""
    count = _COUNT_THEN_LIST.match(s.text, region.end) if region.type == "LOC" else None
    first = s.head_from(count.end()) if count is not None else None
    if first is None or first.type != "LOC":
        return []
    places = s.listed(first, len(s.text), ("LOC",))
    return places if len(places) == _count(count.group("n")) else []


def _people_of(text: str, end: int, kinds: re.Pattern[str] = _PEOPLE_OF_PLACE) -> bool:
    """乙市贫困群众 (or, with _BODY_PEOPLE, a body's own: 乙厂职工, 丙校两位老教授): a kind of the
    place's people right after it (not 到甲校考察教职工…: a verb between makes them the visit's
    object, not the place's kind)."""
    people = kinds.match(text, end)
    return people is not None and _trigger_re().search(people.group()) is None


def _gone_to(s: _Sentence, clause: tuple[int, int]) -> list[_Arg]:
    """到甲乡从事种植，累计投资N万元; 前来甲市…，出资修缮: the places the carried subject went to in
    the clause before, where an investment with no place of its own goes."""
    prev = s.clause_before(clause)
    went = _WENT.search(s.text, prev[0], prev[1]) if prev is not None else None
    first = s.head_from(went.end()) if went is not None else None
    return s.listed(first, prev[1], ("LOC",)) if first is not None and first.type == "LOC" else []


def _gone_with(s: _Sentence, sources: list[_Arg], end: int) -> list[_Arg]:
    """A随同B前往C访问: the person the visitors go along with, named before ``end``, goes too (not
    陪同: an escort is no visitor)."""
    along = _GOES_WITH.search(s.text, sources[-1].end, end) if sources else None
    leader = s.head_from(along.end()) if along is not None else None
    return [leader] if leader is not None and leader.type == "PERSON" and leader.end <= end else []


def _near(text: str, start: int, end: int) -> bool:
    """Only modifiers between a preposition and its party: 与来访的某国首相某某."""
    # 同到访的某国总统某某, 和与会的某某
    gap = re.sub(r"^(?:来访|到访|前来访问|来华访问|与会)的", "", text[start:end])
    if _ends_in_title(gap):
        return True  # 同甲国副总理兼外交和环境部长A
    return (
        len(gap) <= 12
        and _QUALIFIER_GAP.match(gap) is not None
        and not re.search(r"[在到赴对向由与同和就]|会见|会谈|签", gap)
    )


class _Found(NamedTuple):
    """What one strategy for a relation's targets found (RelationFinder._visits, _invests): the
    targets, where the subject's clause ends, or (``done``) the whole answer, subjects included."""

    targets: list[_Arg]
    subject_end: int
    done: list | None = None


def _places_after(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg]:
    """走访慰问了A, 参观游览了A; 访问了一些甲洲国家以及A、B: named places right after the trigger
    (after a kind of them)."""
    text = s.text
    after = next((m for m in s.heads if m.start >= t1), None)
    lead = (
        r"(?:慰问|看望|游览|指导)?(?:了|过)?"
        r"(?:[\u4e00-\u9fff]{2,8}(?:国家|地区|城市)(?:以及|及|和|、))?"
        rf"(?:{_STOP.pattern})?"  # 访问第二站甲国: a stop of the journey
    )
    kind = (
        re.match(r"(?:国家|地区|城市)(?:以及|及|和|、)", text[after.end :])
        if after is not None
        else None
    )
    if kind is not None:  # 甲洲国家以及A: the kind's place is no target, the places after it are
        after = next((m for m in s.heads if m.start == after.end + kind.end()), None)
    if after is None:
        return []
    # 视察甲国北部乙道: the place's qualifiers belong to it (not 华 of a longer name, nor a
    # delegation)
    whole = not after.abbreviated and not _DELEGATION.fullmatch(after.text)
    start = s.chain_start[after.start] if whole else after.start
    if after.type in _PLACES and re.fullmatch(lead, text[t1:start]):
        return s.listed(_described_next(s, after, clause), clause[1], _PLACES)
    return []


# 乙国最大的汽车企业, 乙市附近的, 乙区正在建设的: what 的 makes of a place a description of the
# named place or body after it (no list, no verb of its own in between)
_DESCRIBES = re.compile(
    r"[^，,。；;、和及与同的]{0,10}的(?:(?![\d一二三四五六七八九十几数多]+[个家支所座位名批些])"
    r"(?!一些|部分|有关)[^，,。；;、和及与同的]{0,6}"  # not 乙国的一支丙军部队: a count of a kind
    r"(?:企业|公司|集团|工厂|厂|日报|报纸|报社|通讯社|电视台|大学|学院|学校|医院|城市|港口|首都|首府"
    r"|城|镇|村|县|市|省|州|岛|项目|工程|园区|基地|中心|定居点|纪念馆|博物馆|银行)《?)?"
)  # not 访问乙国的消息传到丙国: after 的 nothing, or a kind the name after it is of


def _described_next(s: _Sentence, place: _Arg, clause: tuple[int, int]) -> _Arg:
    """参观了乙国最大的汽车企业丙公司, 考察了乙市的丙项目: a place that only describes the named
    place or body after it is no object of its own; that name is (the place qualifies it, as 视察
    甲国北部乙道 does)."""
    nxt = next((m for m in s.heads if m.start >= place.end), None)
    if (
        place.type != "LOC"
        or nxt is None
        or nxt.end > clause[1]
        or nxt.type not in _PLACES
        or nxt.abbreviated
        or _DELEGATION.fullmatch(nxt.text)
    ):
        return place
    gap = s.text[place.end : s.chain_start[nxt.start]]
    if _DESCRIBES.fullmatch(gap) and not _trigger_re().search(gap):
        return nxt
    return place


def _places_after_relative(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg]:
    """视察了与甲国接壤的乙区: the place after a relative clause (a verb with its aspect, no
    noun)."""
    rel = re.match(r"[了过][^，,。；;]{1,20}?的", s.text[t1 : clause[1]])
    after = next((m for m in s.heads if rel is not None and m.start == t1 + rel.end()), None)
    if after is not None and after.type in _PLACES and not _trigger_re().search(rel.group()):
        return s.listed(after, clause[1], _PLACES)
    return []


def _named_places(text: str, targets: list[_Arg]) -> list[_Arg]:
    """非洲国家, 欧洲4国: a kind or a group of countries is not one place (but the last of a list
    the count sums up is: 对甲、乙和丙3个国家进行访问)."""
    summed = len(targets) >= 2 and _SUMMED.match(text, targets[-1].end) is not None
    return [
        t
        for t in targets
        if (summed and t is targets[-1])
        or _region_counted(text, t)
        # 看望了乙厂职工: the people called on are the body's own, so the body is visited
        or (t.type == "ORG" and _people_of(text, t.end, _BODY_PEOPLE))
        or not (
            _UNNAMED_AFTER.match(text, t.end)
            or _COUNTRIES_AFTER.match(text, t.end)
            or (t.type != "ORG" and _people_of(text, t.end))  # a body's people: the body
        )
    ]


def _abbreviated_pair(s: _Sentence, clause, t0: int, t1: int, *, objects: bool) -> list:
    """中俄政府间签署的, 俄日要想签署和约: two country forms side by side before the trigger (中俄,
    not 京 of 在京) as its two parties."""
    text = s.text
    forms = [m for m in s.heads if clause[0] <= m.start and m.end <= t0 and m.abbreviated]
    adjacent = [[a, b] for a, b in itertools.pairwise(forms) if a.end == b.start]
    pair = adjacent[0] if len(adjacent) == 1 else []
    if (
        len(pair) == 2
        and not any(
            m.abbreviated and m.end == pair[0].start or m.start == pair[1].end for m in forms
        )
        and not re.search(
            r"(?:就|关于)$", text[clause[0] : pair[0].start]
        )  # 就甲乙和平进程: a topic
        and _pair_after().match(text[: t1 + 1], pair[1].end)
        and not (not objects and _TREATY.search(text[t1 : clause[1]]))
    ):
        return [(pair[0], pair[1], None)]
    return []


def _title_scope(s: _Sentence, t0: int) -> tuple[_Sentence, int]:
    """Where a trigger's parties are: the sentence, or the title in 《》 the trigger is inside, a
    text of its own (《甲乙深化合作》《丙高度评价与丁的会谈》: 甲乙 are no party of that 会谈);
    with the offset of that text in the sentence."""
    title = next((m for m in _TITLE.finditer(s.text) if m.start() < t0 < m.end()), None)
    if title is None:
        return s, 0
    start, end = title.start() + 1, title.end() - 1
    inside = [
        _Arg(a.start - start, a.end - start, a.text, a.type, a.abbreviated)
        for a in s.args
        if start <= a.start and a.end <= end
    ]
    return _Sentence(s.text[start:end], inside), start


def _declared_short_forms(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """甲乙投资银行（甲投行）, 丙公司（以下简称“丙”）: the short form a body's name declares in
    brackets after it stands for that name wherever the article uses it."""
    out = {}
    for m in mentions:
        if m.type in ("ORG", "LOC") and m.start >= 0:
            short = _SHORT_FORM.match(text, m.end)
            if short is not None and _abbreviates(short.group(1), m.text):
                out[short.group(1)] = m.text
    return out


def _abbreviates(short: str, name: str) -> bool:
    """Each character of ``short`` is one of ``name``'s, in order (甲投行 of 甲乙基础设施投资银行)."""
    rest = iter(name)
    return len(short) < len(name) and all(c in rest for c in short)


def _post_holders(extraction: Extraction, people: Sequence[str]) -> set[str]:
    """One name, one reading per article: a holder of a post there (市长甲拉亚) is a person where
    the model read the bare name as a place (会见了甲拉亚), unless the name is a known place (a
    title before a region, 主席拉美之行, makes no holder of it)."""
    places = world_places() | load_rules().regions
    return {
        r.person
        for r in extraction.roles
        if r.person in people and r.person not in places and r.person not in gazetteer()
    }


def _on_behalf(s: _Sentence, clause: tuple[int, int], a: _Arg) -> _Arg:
    """甲某代表乙政府与丙签署: the person who acts on behalf of a body is the party, not the body."""
    start = s.chain_start.get(a.start, a.start)
    if a.type == "PERSON" or not s.text.endswith("代表", clause[0], start):
        return a
    people = [
        h for h in s.heads if clause[0] <= h.start and h.end <= start - 2 and h.type == "PERSON"
    ]
    # only who stands right before 代表 (a time, a place 在甲市, a gloss between): not a witness
    if people and _BEHALF_GAP.fullmatch(s.text, people[-1].end, start - 2):
        return people[-1]
    return a


_PEOPLE_KIND = re.compile(r"(?:人士|官员|要员|成员|客人|嘉宾|领导人?|负责人|代表|人员|人|者)$")


def _partner_kind(s: _Sentence, clause: tuple[int, int], t0: int) -> str:
    """与多位代表会面: the unnamed partners' kind right before the verb, where no name stands."""
    kind = re.search(r"[与同]([^，。；与同]{1,16})$", s.text[clause[0] : t0])
    if kind is None or any(clause[0] + kind.start(1) < m.end and m.start < t0 for m in s.mentions):
        return ""
    return kind.group(1)


def _included(s: _Sentence, clause: tuple[int, int], t0: int, t1: int, types) -> list[_Arg]:
    """拜访多个部门，包括甲委、乙行 (or 与多位代表会面，包括甲某): a kind after the verb (or of the
    partners before it), then the named members it includes."""
    after = s.clauses_after(clause)
    if not after or any(t1 <= m.start for m in s.mentions if m.end <= clause[1]):
        return []
    start, end = after[0]
    first = next((h for h in s.heads if start <= h.start and h.end <= end), None)
    if first is None or not re.fullmatch(r"包括[：:]?", s.text[start : s.chain_start[first.start]]):
        return []  # not 包括由甲某率领的…: the members named come first
    # 会见多位人士，包括甲某: people for a kind of people, bodies or places for any other kind
    kind = s.text[t1 : clause[1]] or _partner_kind(s, clause, t0)
    people = _PEOPLE_KIND.search(kind) is not None
    members = s.listed(first, end, types)
    if s.text.startswith("在内", members[-1].end):
        return []  # 包括甲某、乙某在内的中方官员: they qualify another kind
    if not kind or any((m.type == "PERSON") != people or m.type not in types for m in members):
        return []
    return members


def _cut_short(a: _Arg, latin: list[_Arg]) -> bool:
    """The model's name is only part of a Latin-letter name after a post (甲长Jay|Doe, or the
    name without the space that parts it from the post)."""
    return any(
        n.start <= a.start and a.end <= n.end and a.end - a.start < n.end - n.start for n in latin
    )


def _latin_people(text: str) -> list[_Arg]:
    """甲部部长Jane Doe: a name in Latin letters right after a post is a person (the model reads
    only Chinese characters)."""
    title_re = load_rules().title_re
    found = []
    for m in _LATIN_NAME.finditer(text):
        post = text[max(0, m.start() - 8) : m.start()].rstrip()
        if any(t.end() == len(post) for t in title_re.finditer(post)):
            start = m.start() - (
                text[m.start() - 1] == " "
            )  # 主席 Jay Doe: the space is the name's
            found.append(_Arg(start, m.end(), m.group(), "PERSON"))
    return found


def _of_place_in(s: _Sentence, m: _Arg, clause: tuple[int, int]) -> bool:
    """``m`` is qualified by a place named in ``clause`` (甲国总统乙某 after 访问甲国)."""
    chain = s.text[s.chain_start.get(m.start, m.start) : m.start]
    return any(
        h.type == "LOC" and h.text in chain for h in s.mentions if clause[0] <= h.start < clause[1]
    )


def _framed_guest(s: _Sentence, clause: tuple[int, int], t0: int) -> bool:
    """A clause of time that opens with the meeting verb, (在)会见A时: who met A is the subject of
    the clause after it, unless that clause only seats its people (会见A时，B、C在座)."""
    text = s.text
    after = s.clauses_after(clause)
    return (
        text[clause[0] : t0] in ("", "在")
        and text[clause[1] - 1 : clause[1]] == "时"
        and bool(after)
        and _SEATED.search(text, *after[0]) is None
    )


def _co_listed(s: _Sentence, clause, link: re.Match, partner: _Arg) -> bool:
    """A和B: the partner after 和 is listed with the head before it, not governed by a locative 在."""
    left = [m for m in s.heads if clause[0] <= m.start and m.end <= link.start()]
    if not left:
        return False
    locative = re.search(r"在$", s.text[clause[0] : s.chain_start[left[-1].start]]) is not None
    return not locative and bool(_LIST_JOIN.match(s._gap(left[-1].end, partner.start)))


def _with_listed(s: _Sentence, clause, link: re.Match, listed: list[_Arg], t1: int, types, led):
    """The subject before 与/同 with each partner listed after it (not a leader of a delegation,
    nor an unnamed holder of a post)."""
    text = s.text
    sources = [_on_behalf(s, clause, a) for a in s.subject(clause, link.start(), types)]
    if not sources and (
        _TIME_AFTER.match(text, t1) and text.startswith("在", clause[0]) or _framing(text, clause)
    ):
        sources = s.next_subject(clause, types)  # 在同A的会见中，B强调; 同A签署协议后，B…
    last = listed[-1]
    if (
        len(listed) > 1
        and not re.search(r"[（(]", text[listed[0].end : last.start])  # an aside is no list
        and not _MEMBERS.match(text, last.end)
        and (_unnamed(text, last.end) or s._post_unnamed(last))
    ):
        # 与甲省政府及乙市政府高层官员会面: the bodies' unnamed officials (as after 会见); a person
        # named in the list is still met (与甲某及乙国政府官员会面)
        listed = [p for p in listed if p.type == "PERSON"]
    partners = [_adviser(s, p) for p in listed if not _in(p, led)]
    partners = [p for p in partners if not _unnamed(text, p.end) and not s._post_unnamed(p)]
    if len(sources) > 1 and len(partners) > 1 and "分别" in text[sources[-1].end : link.start()]:
        # A、B分别与C、D签约: respectively, A with C and B with D; lists of unequal length do not
        # say who with whom
        if len(sources) != len(partners):
            return []
        return [(a, b, None) for a, b in zip(sources, partners, strict=True)]
    return [(a, b, None) for a in sources for b in partners]


def _invested_place(s: _Sentence, clause, t0: int, amount: str | None) -> _Found:
    """The places a preposition before the verb names as invested in: the 对-phrase next to the
    verb first (在甲对乙投资上: 乙), else the first preposition's; 甲对乙投资 names the investor too
    (``done``), 外国人对乙投资 a kind of investor (done, none)."""
    text = s.text
    tail = r"(?:进行|追加|共同|首次|继续|大量|的)?$"
    prep = re.search(r"对([^，,；;对]{1,12}?)" + tail, text[clause[0] : t0])
    if prep is None or not any(m.start == clause[0] + prep.start(1) for m in s.heads):
        prep = re.search(r"(?:在|向|对|到|来)([^，,；;]{1,30}?)" + tail, text[clause[0] : t0])
    if prep is None:
        return _Found([], t0)
    p0 = clause[0] + prep.start(1)
    first = next((m for m in s.heads if m.start >= p0 and m.end <= t0), None)
    if first is None or first.start - p0 > 1 or first.type not in _PLACES:
        return _Found([], t0)
    targets = [b for b in s.listed(first, t0, _PLACES) if not _kind_after(text, b)]
    subject_end = p0 - 1
    owner = next((m for m in s.heads if m.end == subject_end and m.type in _PARTIES), None)
    if owner is not None and text[subject_end] == "对":  # 甲对乙投资: 甲 invests
        return _Found(targets, subject_end, [(owner, b, amount) for b in targets])
    if text[subject_end] == "对" and _KIND_INVESTOR.search(text, 0, subject_end):
        return _Found([], subject_end, [])  # 外国人对乙投资: a kind invests
    return _Found(targets, subject_end)


def _invested_by(s: _Sentence, clause, t0: int, t1: int, targets: list[_Arg]):
    """由A与B联合投资: the investors after 由, and (when none is named yet) what they build: the
    sentence's topic (新竣工的甲大厦…，由A投资) or the clause's own subject (甲中心由A出资N建设).
    None for investors when 由 names a kind (由企业投资)."""
    text = s.text
    you = text.rfind("由", clause[0], t0)
    if you < 0:
        return [], targets
    first = next((m for m in s.heads if m.start >= you + 1 and m.end <= t0), None)
    if (
        first is None
        and re.fullmatch(r"由(?![于此衷])[^，,；;、]{1,6}", text[you:t0])
        and text[you - 1 : you] not in ("自", "理", "经", "缘", "来")  # 自由, 理由, 经由
        and not any(m.start <= you < m.end for m in s.mentions)
    ):
        return None, targets  # 由企业投资: an unnamed kind invests, no subject carried in
    if first is None or first.start != you + 1:
        return [], targets
    investors = s.listed(first, t0, _PARTIES, joint=True)
    topic = s.heads[0] if s.heads and s.heads[0].start < clause[0] else None
    if not targets and _built(topic) and t1 >= clause[1] - 1:
        targets = [topic]  # 新竣工的甲大厦…，由A与B联合投资: what the sentence is about
    own = next((m for m in reversed(s.heads) if clause[0] <= m.start and m.end <= you), None)
    if not targets and _built(own) and _BEFORE_BY.fullmatch(text, own.end, you):
        targets = [own]  # 甲中心由A出资N建设: the clause's own subject
    return investors, targets


_TOGETHER = "(?:共同|联合|一起|一道)"


def _with_partners(s: _Sentence, clause, investors: list[_Arg], t0: int) -> list[_Arg]:
    """A与B共同投资, A同B合资兴建: the partner after 与/同 invests too, where the verb says they act
    together (an adverb of it, or 合资 itself); 与 alone names a counterpart (A与B签约)."""
    together = re.search(_TOGETHER + "$", s.text[:t0]) or s.text.startswith("合资", t0)
    if not investors or together is None:
        return investors
    last = s.listed(investors[-1], t0, _PARTIES, joint=True)[-1]
    earlier = [m for m in s.heads if m.start <= investors[0].start and m.type in _PARTIES]
    found = investors
    for first in earlier:  # the longest such list: A与B、C共同出资
        joined = s.listed(first, t0, _PARTIES, joint=True)
        if joined[-1] is last and investors[0] in joined:
            found = joined
            break
    return found + [m for m in _clause_partners(s, clause, found, t0) if m not in found]


def _clause_partners(s: _Sentence, clause, investors: list[_Arg], t0: int) -> list[_Arg]:
    """A…，同年与B合资创办C: the subject carried over from an earlier clause, the partners after
    与/同 in the verb's own clause, right before it (or its 共同)."""
    text = s.text
    if clause[0] == 0 or investors[-1].end > clause[0]:
        return []
    for m in s.heads_in(clause[0], t0, _PARTIES):
        if re.search(r"[与同]$", text[: m.start]):
            partners = s.listed(m, t0, _PARTIES, joint=True)
            rest = text[partners[-1].end : t0]
            return partners if re.fullmatch(_TOGETHER + "?", rest) else []
    return []


def _party(text: str, m: _Arg, types: tuple[str, ...], led) -> bool:
    """A guest that can be a party: a country or body stands for its delegation (美国代表团), a
    kind of people (会见甲国军人, 会见乙国企业家) or a delegation's leader does not."""
    if _in(m, led) or _UNNAMED_AFTER.match(text, m.end):
        return False
    return m.type in types or _DELEGATION.match(text, m.end) is not None


def _guest_named(s: _Sentence, first: _Arg, types: tuple[str, ...], led) -> _Arg | None:
    """Who is met when the first name after the trigger only leads or has the guest: 会见了A率领的
    B代表团 (B), 会见了A总理的夫人B, A的特使B (B); none when that guest is unnamed."""
    text = s.text
    led_by = _LED_BY.match(text, first.end)
    if led_by is not None:
        # A率领的某某代表团 with no place or body: an unnamed delegation
        first = next(
            (m for m in s.heads if m.start >= led_by.end() and _party(text, m, types, led)), None
        )
        if first is None:
            return None
    kin = _KIN.match(text, first.end)
    if kin is None:
        return first
    nxt = next((m for m in s.heads if m.start > first.end), None)
    if nxt is None or nxt.type != "PERSON" or s.chain_start[nxt.start] != kin.end():
        return None  # the one met is unnamed (A的特使), or a name the model did not find
    return nxt


def _attended(s: _Sentence, start: int, partner: _Arg, t0: int) -> bool:
    """与多位出席甲会年会的代表: a body right after 出席/参加/来自 in a 与-phrase is that verb's object,
    when no person is named after it (与来自乙国的甲某: 甲某 is the partner)."""
    gap = s.text[start : s.chain_start[partner.start]]
    return (
        re.search(r"(?:出席|参加|参与|来自)$", gap) is not None
        and partner.type != "PERSON"
        and not any(h.type == "PERSON" and partner.end <= h.start < t0 for h in s.heads)
    )


def _stop_named(s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> list[_Arg]:
    """甲国是A此行访问乙洲三国的首站: the place the clause says is a stop of the visit is visited."""
    first = next((h for h in s.heads if h.start >= clause[0]), None)
    if (
        first is None
        or first.type != "LOC"
        or s.chain_start[first.start] != clause[0]
        or not s.text.startswith("是", first.end)
        or _STOP_OF_VISIT.match(s.text, t1, clause[1]) is None
    ):
        return []
    return [first]


# Between what is built and 由 its investor (甲中心就是由A投资的): adverbs and a copula only.
_BEFORE_BY = re.compile(r"(?:就|也|将|已|已经|主要|全部|均)?(?:是)?")


def _built(arg: _Arg | None) -> bool:
    """A body, project or building: what an investment by 由 builds."""
    return arg is not None and (
        arg.type in ("ORG", "PROJECT") or _BUILDING.search(arg.text) is not None
    )
