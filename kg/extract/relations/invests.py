"""invests_in: the investor and what it invests in (投资兴建A, 由A、B共同投资的C), with the amount."""

from __future__ import annotations

import re

from kg.extract.relations.arguments import _Found, _relative
from kg.extract.relations.grammar import _Arg
from kg.extract.relations.lexicon import (
    _trigger_re,
)
from kg.extract.relations.patterns import (
    _AMOUNT,
    _PARTIES,
    _PLACES,
    _UNNAMED_AFTER,
)
from kg.extract.relations.sentence import _Sentence
from kg.extract.relations.subjects import subject
from kg.extract.rules import load_rules
from kg.extract.words import owned_venture

_BUILDING = re.compile(
    r"(?:大厦|大楼|中心|工程|广场|公园|园区|市场|宾馆|饭店|医院|学校|电站|机场|港)$"
)

_WENT = re.compile(r"(?:前来|来到|到|赴|前往)(?=[\u4e00-\u9fff])")

_KIND_INVESTOR = re.compile(r"(?:外国人|外商|外资|企业|公司|投资者|财团|商人|个人)$")

_TOGETHER = "(?:共同|联合|一起|一道)"

# Between what is built and 由 its investor (甲中心就是由A投资的): adverbs and a copula only.
_BEFORE_BY = re.compile(r"(?:就|也|将|已|已经|主要|全部|均)?(?:是)?")

# Investment nouns and names: 投资者, 投资环境, 投资集团 … are no investment event.
_NOT_INVEST_AFTER = re.compile(
    r"者|环境|额|总额|方|人|商|公司|集团|基金|银行|规模|计划|需求|增长|同比|热|力度|主体|收益|成本|意向|领域|重点|机会|政策|风险"
    r"|目标|方向|渠道|结构|效益|体制|机制|导向|布局|格局|比例|回报|前景"
    # 合资企业, 投资企业: kinds of enterprise; 合资格 is "qualified"; 投资大户 is an investor
    r"|企业|格|大户(?!型)"
    # 投资协定, 投资协议: an agreement's name
    r"|协定|协议"
)

# Verbs of what money builds, founds, mends or buys (投资N元兴建A, …，治理A河, 出资收购B厂)
_BUILDS = (
    r"(?:创办|创建|兴建|建成|建设|建立|修建|新建|新修|扩建|改建|成立|组建|设立|开办|兴办|建起|实施"
    r"|启动|改造|治理|整治|根治|修复|翻修|维修|修缮|收购|兼并|购进|经营)"
)

# 甲公司是A投资兴建的: the copula before the investors, 的 after the verb (and what it builds),
# then a kind of body or the clause's end (not 是A投资的重点, a noun that 的 qualifies)
_FOCUS_COPULA = re.compile(r"(?:就|也|均|都)?是")
_FOCUS_END = re.compile(_BUILDS + r"?的(?:一[家个座所])?(?:企业|公司|工厂|医院|学校|项目|工程|$)")

_BUILT_IN = re.compile(r"(?:了|于)?在[^，,；;。]{1,40}?" + _BUILDS + r"(?:了|的)?")

_BUILT_NEXT = re.compile(r"[，,]" + _BUILDS + r"了?")

# Between 投资 and its amount: 投资总额将达到N亿元.
_AMOUNT_LEAD = re.compile(
    r"(?:总额|预计|将|已|高达|达到?|约|近|超过|逾|共计?|累计|总计|为|了|人民币)*"
)

_BUILT_LATER = re.compile(_BUILDS + r"了?")


def _built_later(s: _Sentence, clause) -> list[_Arg]:
    """What an investment with its amount went into, named in one of the next two clauses by a
    verb of building or founding (投资N万元，征用荒山，创办了A; 投资N元，新修A、B)."""
    for nxt in s.clauses_after(clause)[:2]:
        built = _BUILT_LATER.search(s.text, nxt[0], nxt[1])
        rel = (
            re.match(r"[^，。；]{0,20}的", s.text[built.end() : nxt[1]])
            if built is not None
            else None
        )
        at = (
            {built.end(), built.end() + rel.end()}
            if rel is not None
            else {built.end()}
            if built is not None
            else set()
        )
        # 实施有…美誉的A工程
        first = next(
            (m for m in s.heads if m.start in at or s.chain_start.get(m.start) in at), None
        )
        if first is not None and first.type in _PLACES:
            return s.listed(first, nxt[1], _PLACES)
        if _trigger_re().search(s.text, nxt[0], nxt[1]):
            return []  # another event's clause
    return []


def _built_right_after(s: _Sentence, rest: int) -> list[_Arg]:
    """What an investment builds, named right after its amount (投资N兴建A)."""
    built = _BUILT_LATER.match(s.text[rest:])
    after = next((m for m in s.heads if built is not None and m.start == rest + built.end()), None)
    return [after] if after is not None and after.type in _PLACES else []


def _invests(s: _Sentence, clause, t0: int, t1: int):
    text = s.text
    # 甲国对乙地的投资, 甲公司在乙地的实际投资
    nominal = re.search(r"[对在][^，,；;的]{1,12}的(?:实际|直接|累计|新增)?$", text[clause[0] : t0])
    # after 甲公司在乙地的, its 投资总额 still states the investment (not a 投资额度, a quota)
    counted = nominal and re.match(r"(?:总额|额(?!度))", text[t1:])
    if (_NOT_INVEST_AFTER.match(text, t1) and not counted) or (
        re.search(r"[的和、]$", text[max(0, t0 - 1) : t0]) and not nominal
    ):
        return []
    if owned_venture(text, t0, load_rules()) and s.head_from(t1) is not None:
        return []  # 中美合资|甲公司: who owns the venture named after it, no investment event
    amount_m = _AMOUNT.search(text, t1, min(clause[1], t1 + 16))
    lead = text[t1 : amount_m.start()] if amount_m is not None else ""
    amount = (
        amount_m.group()
        if amount_m is not None and (len(lead) <= 4 or _AMOUNT_LEAD.fullmatch(lead))
        else None
    )
    found = _invested_place(s, clause, t0, amount)
    if found.done is not None:
        return found.done
    rest = amount_m.end() if amount else t1  # where what the money builds may be named
    targets = found.targets
    if not targets:
        targets = _built_targets(s, clause, t0, rest, amount=bool(amount))
    else:
        targets += _built_right_after(s, rest)  # 在甲地投资N兴建乙: both
    investors, targets = _invested_by(s, clause, t0, t1, targets)
    if investors is None:
        return []
    if not investors:
        investors = _relative(s, clause, t1 if amount_m is None or not amount else amount_m.end())
    if investors is None and nominal is not None:
        # the owner of the noun
        investors = s.list_ending(clause, clause[0] + nominal.start(), _PARTIES) or None
    if investors is None:
        investors = _with_partners(s, clause, subject(s, clause, found.subject_end, _PARTIES), t0)
    targets = [b for b in targets if not _kind_after(text, b)]
    return [(a, b, amount) for a in investors for b in targets]


def _built_targets(s: _Sentence, clause, t0: int, rest: int, *, amount: bool) -> list:
    """No place is invested in before the verb: what the money builds after it (投资N兴建A,
    投资4500万美元在A大学建立B研究所, 投资N万元，建成A中心), else the place gone to."""
    text = s.text
    targets: list[_Arg] = []
    after = next((m for m in s.heads if m.start >= rest and m.end <= clause[1]), None)
    # 投资兴建的甲市乙大厦: the built thing with its qualifiers
    gap = text[rest : s.chain_start[after.start]] if after is not None else ""
    built = _BUILT_IN.match(text, rest, clause[1])  # 投资4500万美元在A大学建立B研究所
    if built is None and rest >= clause[1] - 1:  # 投资N万元，建成A中心
        built = _BUILT_NEXT.match(text, clause[1])
    if built is not None:
        after = next((m for m in s.heads if m.start == built.end()), None)
        gap = ""
        if after is None and built.group().lstrip("了于").startswith("在"):
            # 投资N在A建立一个实验室: what is built has no name, the place invested in has
            first = s.head_from(built.start() + built.group().index("在") + 1)
            if first is not None and first.type in _PLACES:
                targets = s.listed(first, built.end(), _PLACES)  # 在A、B等县修建
    if (
        after is not None
        and after.type in _PLACES
        and re.fullmatch(r"(?:了|于)?" + _BUILDS + r"?(?:了|的)?", gap)
    ):
        targets = s.listed(after, clause[1], _PLACES)  # 入股甲银行和乙银行: each
    if not targets and amount and rest >= clause[1] - 1:
        targets = _built_later(s, clause)  # 投资N万元，征用荒山，创办了A农庄
    if not targets and not s.heads_in(clause[0], t0, _PARTIES):
        targets = _gone_to(s, clause)  # 到甲乡从事…，累计投资N万元
    return targets


def _kind_after(text: str, m: _Arg) -> bool:
    """对甲洲新兴国家的投资: a place before a kind of its countries or people names no target (not
    在华最大的, a superlative of the place itself)."""
    kind = _UNNAMED_AFTER.match(text, m.end)
    return kind is not None and not kind.group().startswith("最")


def _gone_to(s: _Sentence, clause: tuple[int, int]) -> list[_Arg]:
    """到甲乡从事种植，累计投资N万元; 前来甲市…，出资修缮: the places the carried subject went to in
    the clause before, where an investment with no place of its own goes."""
    prev = s.clause_before(clause)
    went = _WENT.search(s.text, prev[0], prev[1]) if prev is not None else None
    first = s.head_from(went.end()) if went is not None else None
    return s.listed(first, prev[1], ("LOC",)) if first is not None and first.type == "LOC" else []


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
        return _focused(s, clause, t0, t1, targets)
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
    if not targets and _construction(topic) and t1 >= clause[1] - 1:
        # 新竣工的甲大厦…，由A与B联合投资: what the sentence is about, when it is a thing built (a
        # body that opens the sentence acts in its own clause: 甲局指示…，由乙负责投资)
        targets = [topic]
    own = next((m for m in reversed(s.heads) if clause[0] <= m.start and m.end <= you), None)
    if not targets and _built(own) and _BEFORE_BY.fullmatch(text, own.end, you):
        targets = [own]  # 甲中心由A出资N建设: the clause's own subject
    return investors, targets


def _focused(s: _Sentence, clause, t0: int, t1: int, targets: list[_Arg]):
    """甲公司是A与B合资经营的(一家企业): a body before 是, the investors between it and the verb,
    and 的 after the verb (and what it builds): 是…的 names who invested in the body, as 由 does."""
    if targets or _FOCUS_END.match(s.text[: clause[1]].rstrip("，,；;。"), t1) is None:
        return [], targets
    for own, first in zip(s.heads, s.heads[1:]):
        if own.start < clause[0] or first.end > t0:
            continue
        investors = s.listed(first, t0, _PARTIES, joint=True)
        if (
            _built(own)
            and _FOCUS_COPULA.fullmatch(s.text, own.end, first.start)
            and re.fullmatch(_TOGETHER + "?", s.text[investors[-1].end : t0])
        ):
            return investors, [own]
    return [], targets


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


def _construction(arg: _Arg | None) -> bool:
    """A project or building, not any body."""
    return arg is not None and (arg.type == "PROJECT" or _BUILDING.search(arg.text) is not None)


def _built(arg: _Arg | None) -> bool:
    """A body, project or building: what an investment by 由 builds."""
    return arg is not None and (
        arg.type in ("ORG", "PROJECT") or _BUILDING.search(arg.text) is not None
    )
