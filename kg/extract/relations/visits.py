"""visits: who goes where. The places and bodies gone to (到/赴/在 before the verb), those after
it, the object of a nominal 访问 (对甲国的访问), the countries of those who invite (应甲国总统的
邀请…访问上述两国). Who the visitors are is found in visitors.py.
"""

from __future__ import annotations

import re

from kg.extract.places import country_prefix, world_countries
from kg.extract.relations.amounts import _count
from kg.extract.relations.arguments import _DELEGATION, _Found, _included
from kg.extract.relations.grammar import _Arg
from kg.extract.relations.lexicon import (
    _trigger_re,
    frame_triggers,
)
from kg.extract.relations.patterns import (
    _AGENTS,
    _COUNTRIES_AFTER,
    _GO_TO,
    _KIND_ITEM,
    _LIST_JOIN,
    _MEMBER_WORDS,
    _PLACES,
    _PRONOUN,
    _STOP,
    _UNNAMED_AFTER,
)
from kg.extract.relations.sentence import _Sentence
from kg.extract.relations.subjects import _antecedent, _leader
from kg.extract.relations.visitors import _visitors
from kg.extract.rules import load_rules

_PLACE_PEOPLE_WORDS = r"(?:群众|居民|农民|职工|家庭|老党员|困难户|贫困户|官兵|干部|师生)"

# 甲市贫困群众, 甲市工作在第一线的职工: a place before a kind of its people (or a clause that
# qualifies them, when they end the object) is no place visited
_PEOPLE_OF_PLACE = re.compile(
    rf"[\u4e00-\u9fff]{{0,4}}?{_PLACE_PEOPLE_WORDS}"
    rf"|[^，,。；;、的]{{1,16}}的[\u4e00-\u9fff]{{0,4}}?{_PLACE_PEOPLE_WORDS}(?![\u4e00-\u9fff])"
)

# 乙厂职工, 丙校两位老教授, 丁部队官兵: a body's own people, counted or not, right after it
_BODY_PEOPLE = re.compile(
    r"(?:[\d一两二三四五六七八九十几数多]+[位名])?[\u4e00-\u9fff]{0,6}?"
    r"(?:" + _MEMBER_WORDS + r"|群众|教职工|家庭|官兵|师生|学生|教师|教授|工人)"
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


# 上述五国, 以上三个国家: places named before, counted
_AFORESAID = re.compile(
    r"(?:(?:上述|以上|这)(?P<n>[两二三四五六七八九十]|\d{1,2})?|(?P<bare>[两二三四五六七八九十]|\d{1,2}))"
    r"个?(?:国|国家|省|市|地|城市)(?P<more>[及和][^，,；;。]{2,16}?)?(?:进行|访问|考察|参观)"
)

# 应甲国总统A、乙国议会的邀请: who invites, the phrase their countries are named in
_INVITED_BY = re.compile(r"应(?!邀)[^。；;]{2,200}?邀请")

# 乙国最大的汽车企业, 乙市附近的, 乙区正在建设的: what 的 makes of a place a description of the
# named place or body after it (no list, no verb of its own in between)
_DESCRIBES = re.compile(
    r"[^，,。；;、和及与同的]{0,10}的(?:(?![\d一二三四五六七八九十几数多]+[个家支所座位名批些])"
    r"(?!一些|部分|有关)[^，,。；;、和及与同的]{0,6}"  # not 乙国的一支丙军部队: a count of a kind
    r"(?:企业|公司|集团|工厂|厂|日报|报纸|报社|通讯社|电视台|大学|学院|学校|医院|城市|港口|首都|首府"
    r"|城|镇|村|县|市|省|州|岛|项目|工程|园区|基地|中心|定居点|纪念馆|博物馆|银行)《?)?"
)  # not 访问乙国的消息传到丙国: after 的 nothing, or a kind the name after it is of

# A call made from afar (电话慰问, 致电慰问) is no visit (电话会谈 is a meeting)
_FROM_AFAR = re.compile(r"(?:电话|致电|来电|去电|致函|写信|来信)$")

# not 在A的发展和B: 的 ends what is said of A
_PLACE_JOIN = re.compile(r"(?:(?!的)[\u4e00-\u9fff（）()]){0,6}[、，,和及]")

# Between the last place of a visit and its verb: 进行, 等5国, 实地, 进行为期N天的正式….
_PLACE_LIST_END = re.compile(
    r"(?:(?![对向与同在])[\u4e00-\u9fff\d（）()]){0,4}(?:等[\u4e00-\u9fff\d]{0,6})?(?:[，,]?(?:进行|开展|实地))?"
    r"(?:为期[^，,。；;的]{1,6}的?)?[\u4e00-\u9fff]{0,4}"
    # 来到A，参观了…; 飞往A，继续进行…访问
    r"|[，,](?:继续(?:进行)?[\u4e00-\u9fff]{0,4})?"
    r"|进行[^，,。；;]{0,16}的[\u4e00-\u9fff]{0,4}"  # 前往A进行他就任后的首次国事访问
    r"|就[^，,。；;对向与同在到]{1,20}?(?:进行|开展)"  # 在A就B的情况进行调研: a topic, then the verb
    r"|[\u4e00-\u9fff]{2}、"  # 到A探亲、访问
)

_PLACE_MODIFIER = re.compile(r"[\u4e00-\u9fff]{1,6}的")

_OWN_VERB = re.compile(r"做|(?<![工合创制动写])作|接受|参加|出席|举行|召开")  # not 工作访问


_HIS = re.compile(
    r"(?<![其])[他她](?![们])(?:\d+月|去年|今年|明年|本月|上月|下月|[上中下]旬|即将|将要|将|曾经|曾|此次|这次){0,3}$"
)

# A nominal visit that goes on, opens or ends, its places before it (继续甲国的访问)
_GOES_ON = re.compile(r"(?:继续|展开|开始|结束|完成)了?(?:在|对)?")


# A kind, then a dash and the name it stands for (一家工厂———甲公司, 另一城市──乙市)
_KIND_DASH = re.compile(r"[^，,。；;—─－]{1,12}(?:——+|──+|－－+)")

# What may stand between a visit verb and the first place it names (慰问了, 访问了一些甲洲国家以及)
_LEAD_TO_PLACE = re.compile(
    r"(?:慰问|看望|游览|指导)?(?:了|过)?"
    r"(?:[\u4e00-\u9fff]{2,8}(?:国家|地区|城市)(?:以及|及|和|、))?"
    rf"(?:{_STOP.pattern})?"  # 访问第二站甲国: a stop of the journey
    # 看望一家工厂———甲公司, 到访另一城市──乙市: a kind, then the name it stands for
    rf"(?:{_KIND_DASH.pattern})?"
    # 参观全球最大的纸浆制造商甲公司: what the body is, right before its name
    r"(?:[^，,。；;]{1,24}?(?:制造商|运营商|生产商|供应商|开发商|服务商|企业|机构))?"
)


# A verb of going that is a clause of its own before the visit (到甲地，了解情况，走访农户)
_GONE_TO = re.compile(
    r"(?:来到|下到|赶到|到达|抵达|前往|[分赶奔]?赴|深入到?|(?<![得看听受达遇])到)(?=\w)"
)

# What may follow the places gone to in that clause: their count (分赴甲省、乙省两省), a kind of
# area, or 后 (来到甲村后)
_GONE_TAIL = re.compile(
    r"(?:[两二三四五六七八九十\d]+个?(?:省|市|县|区|国|地|省区|省市))?"
    r"(?:[\u4e00-\u9fff]{0,2}(?:灾区|地区|一线|农村|基层|现场|乡村|社区))?(?:后|以后|之后)?"
)


def _visits(s: _Sentence, clause: tuple[int, int], t0: int, t1: int):
    """The places of a visit, each strategy in turn (a place gone to, 对-phrase, the places
    after the verb, a place after a relative clause), then who visits them."""
    if _FROM_AFAR.search(s.text, clause[0], t0):
        return []
    found = (
        _went_to(s, clause, t0, t1)
        or _visited_dui(s, clause, t0, t1)
        or _visit_going_on(s, clause, t0)
    )
    if found is None:
        after = _places_after(s, clause, t1) or _places_after_relative(s, clause, t1)
        found = _Found(after, t0)
    if found.done is not None:
        return found.done
    targets = _named_places(s.text, found.targets)
    if not targets and (gone := _gone_before(s, clause, t0)) is not None:
        found, targets = gone, _named_places(s.text, gone.targets)
    if not targets:
        targets = _included(s, clause, t0, t1, _PLACES)
    targets = _stop_named(s, clause, t0, t1) + targets
    if not targets:
        return []
    if len(targets) == 1 and _region_counted(s.text, targets[0]):
        # 出访北欧两国, a dateline, 应甲国A、乙国B的邀请
        targets += _invited_after(s, targets[0])
    if len(targets) == 1:
        targets += _listed_for_count(s, targets[0])
    visitors = _visitors(s, clause, found.subject_end, t0, t1)
    return [(src, tgt, None) for src in visitors for tgt in targets]


def _went_to(s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> _Found | None:
    """到A、B，C进行调研: the places after a verb of going (or a locative 在) before the
    trigger; the destination list may run over commas back to that verb."""
    text = s.text
    for go in reversed(list(_GO_TO.finditer(text, 0, t0))):
        found = _place_list(s, go.end(), t0)
        counted = _aforesaid(s, go.end(), t0) if not found else []
        if counted:  # the places are named earlier, where what follows them is no matter
            visitors = _visitors(s, clause, go.start(), t0, t1)
            return _Found([], t0, [(src, tgt, None) for src in visitors for tgt in counted])
        own = next((m for m in s.heads if t1 <= m.start and m.end <= clause[1]), None)
        # not 参观了乙报50年展览
        whole = own is not None and (own.end >= clause[1] or text[own.end] in "、和及时（(")
        # 来到甲大厦，参观了迁入新址的乙所; 在甲市参观乙厂: 参观 has its own object, the place is
        # only where (a locative 在 needs no comma)
        apart = bool(found) and ("，" in text[found[-1].end : t0] or go.group() == "在")
        if (
            apart
            and whole
            and re.fullmatch(r"了[^，。；]{0,16}的|了?", text[t1 : s.chain_start[own.start]])
        ):
            return None
        own_subject = [m for m in s.heads_in(clause[0], t0, _AGENTS) if m not in found]
        if found and go.start() < clause[0] and own_subject:
            return None  # 甲某来到乙市，丙某走访了…: the visit's clause has its own subject
        if (
            found
            and whole
            and own.type in _PLACES
            and not apart
            and text[t1 : own.start] in ("", "了")
            and text[t0:t1] in frame_triggers("tour")
        ):
            # 到甲市考察乙厂: the place gone to and the verb's own object are both visited
            return _Found(found + s.listed(own, clause[1], _PLACES), go.start())
        if found:
            return _Found(found, go.start())
        if go.start() < clause[0]:
            return None
    return None


def _gone_before(s: _Sentence, clause: tuple[int, int], t0: int) -> _Found | None:
    """到甲地，了解情况，走访农户; 来到乙村后逐户走访: a verb whose clause names
    no place is done where an earlier clause of the same subject went, a few clauses back."""
    if s.heads_in(clause[0], t0, _AGENTS) or s.heads_in(t0, clause[1], _PLACES):
        return None  # a subject or an object of its own
    for back in reversed([c for c in s.clauses if c[1] <= clause[0]][-3:]):
        gone = list(_GONE_TO.finditer(s.text, back[0], back[1]))
        if gone:
            go = gone[-1]  # the last verb of going in that clause
            places = _place_list(s, go.end(), back[1])
            if not places or not _GONE_TAIL.fullmatch(s.text, places[-1].end, back[1]):
                return None  # 前往甲地与会: gone there for something else
            return _Found(places, go.start())
        if s.heads_in(back[0], back[1], _AGENTS + _PLACES):
            return None  # a clause with names of its own stands between
    return None


def _visit_going_on(s: _Sentence, clause: tuple[int, int], t0: int) -> _Found | None:
    """继续甲国乙市的访问, 展开在甲和乙的访问行程: the places of a nominal visit that goes on,
    opens or ends are visited, and so is a place gone to just before (抵达甲市，展开乙国的访问)."""
    go = _GOES_ON.search(s.text, clause[0], t0)
    places = _place_list(s, go.end(), t0) if go is not None else []
    if not places:
        return None
    gone = _gone_before(s, clause, t0)
    return _Found((gone.targets if gone is not None else []) + places, go.start())


def _visited_dui(s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> _Found | None:
    """对甲国进行访问, 对甲省乙市的访问, 对上述3国进行访问: the places of a 对-phrase before the
    trigger, with the owner of a nominal visit (甲主席对乙国的访问) as the visitor."""
    text = s.text
    dui = text.rfind("对", clause[0], t0)
    if dui < 0:
        return None
    counted = _aforesaid(s, dui + 1, t0)
    if counted:  # 对上述3国进行访问
        visitors = _visitors(s, clause, dui, t0, t1)
        return _Found([], t0, [(src, tgt, None) for src in visitors for tgt in counted])
    if (
        not re.match(r"^[^，,；;]*?(?:的|进行)?[^，,；;]{0,8}$", text[dui:t0])
        or "问题" in text[dui:t0]
    ):
        return None  # (对甲省的住房问题进行调研: a study of a subject, no visit)
    first = next((m for m in s.heads if m.start >= dui + 1 and m.end <= t0), None)
    group = _COUNTRIES_AFTER.match(text, first.end) if first is not None else None
    then = re.match(r"(?:和|及|、)", text[group.end() :]) if group is not None else None
    region = first if then is not None and _region_counted(text, first) else None
    if then is not None:  # 对中东五国和乙国的访问: the named country after a group of them
        first = next((m for m in s.heads if m.start == group.end() + then.end()), first)
    if first is None or first.type not in _PLACES:
        return None
    last = s.listed(first, t0, _PLACES)[-1]
    # 对法访问, 结束对甲和乙访问
    plain = re.fullmatch(r"[^的进行在]{0,2}", text[last.end : t0]) is not None
    nominal = re.search(r"的|进行", text[dui:t0]) is not None
    near = s.chain_start[first.start] - dui <= 2 or then is not None  # 对甲省乙市的访问
    if not (near and (nominal or plain)):
        return None
    targets = ([region] if region is not None else []) + s.listed(first, t0, _PLACES)
    owner_end = _owner_end(s, dui) if nominal else -1
    owner = [
        h
        for h in s.heads
        if h.end == owner_end
        and h.type in _AGENTS
        and not re.search(
            r"(?:抵达|抵|到达|到|来到|飞抵|离开|途经)$", text[: s.chain_start[h.start]]
        )
    ]
    if owner:  # 在甲主席对乙国的国事访问以后: the name before 对 is the visitor
        # (甲某率乙团对丙国进行访问: with the one who leads it)
        owner = _leader(s, s.heads, s.heads.index(owner[0]), _AGENTS) + owner
        return _Found([], t0, [(src, tgt, None) for src in owner for tgt in targets])
    if nominal and _HIS.search(text, clause[0], dui):  # 回顾了他去年对乙国的访问: his
        return _Found([], t0, [(src, tgt, None) for src in _antecedent(s, dui) for tgt in targets])
    return _Found(targets, dui)


def _place_list(s: _Sentence, start: int, end: int) -> list[_Arg]:
    """The places and bodies listed from right after ``start`` up to ``end`` (joined by 、 ， 和
    及; a name the model cut short may leave a few characters before the joiner), or none when
    the list does not reach ``end``."""
    out: list[_Arg] = []
    pos = start
    for m in s.heads:
        if m.start < start:
            continue
        if m.end > end:
            break
        gap = _KIND_ITEM.sub("", s.text[pos : s.chain_start[m.start]])
        # 前往新建成的A, 转往第二站B (a stop of a journey)
        first = len(gap.strip()) <= 2 or _PLACE_MODIFIER.fullmatch(gap) or _STOP.fullmatch(gap)
        paired = out and not gap and out[-1].abbreviated and m.abbreviated  # 到印巴访问
        if not ((_PLACE_JOIN.fullmatch(gap) or paired) if out else first) or _trigger_re().search(
            gap
        ):
            break  # 在A访问期间，B参观: the list ends at a verb of its own
        out.append(m)
        pos = m.end
    if (
        not out
        or not _PLACE_LIST_END.fullmatch(s.text[pos:end])
        or _OWN_VERB.search(s.text, pos, end)
    ):
        return []  # 在甲医院做了检查: a check-up, no visit
    # 进行他…的访问: his
    pronoun = _PRONOUN.search(s.unnamed(pos, end)) and not s.text.startswith("进行", pos)
    if pronoun or _trigger_re().search(s.text, pos, end):
        # 在甲局为欢迎他访问而举行的; 在甲院会见了正在这里访问的: the place is the other event's
        return []
    return [m for m in out if m.type in _PLACES]


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


def _region_counted(text: str, place: _Arg) -> bool:
    """出访甲洲五国, 访问乙洲三国: a place that is no country, named with the count of its countries,
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


def _places_after(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg]:
    """走访慰问了A, 参观游览了A; 访问了一些甲洲国家以及A、B: named places right after the trigger
    (after a kind of them)."""
    text = s.text
    # 访问该三个甲洲国家的首都──A、B和C: a place inside the kind before the dash is no target
    after = next((m for m in s.heads if m.start >= t1), None)
    dash = _KIND_DASH.match(text, t1)
    if (
        dash
        and after is not None
        and after.start < dash.end()
        and "的" in text[after.end : dash.end()]
    ):
        # (not 参观甲港──乙国最大的港口, the name, then what it is; nor 访问甲洲两国──, a region
        # with the count of the places it holds, visited too)
        after = next((m for m in s.heads if m.start >= dash.end()), None)
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
    if after.type in _PLACES and _LEAD_TO_PLACE.fullmatch(text, t1, start):
        return s.listed(_described_next(s, after, clause), clause[1], _PLACES)
    return []


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
