"""Small tests on the text between mentions (clause bounds, list joins, posts, qualifiers), and
_Arg, a mention as a relation's argument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.places import gazetteer, world_countries, world_places
from kg.extract.relations.lexicon import _trigger_re, country_abbreviations
from kg.extract.relations.patterns import (
    _ADVERBIAL,
    _CLAUSE_END,
    _DELEGATE,
    _QUALIFIER_GAP,
    _SEQUENCE,
    _UNNAMED_AFTER,
)
from kg.extract.rules import load_rules


@dataclass(frozen=True)
class _Arg:
    """A mention as a relation argument, its offsets relative to the sentence."""

    start: int  # sentence-relative
    end: int
    text: str
    type: str
    abbreviated: bool = False  # a one-character country form (华, 中美)


# In a post's own name (甲关系和合作部长) 和 and 与 may stand; so may 将 of a rank or an epithet
# (海军上将, 陆军中将, 将军, 短跑名将), not the 将 of a plan (马上将, 其中将)
_NOT_IN_TITLE_GAP = re.compile(
    r"[在到赴向由率等于从已曾为是说就]|对(?!外)|会见|会谈|访问|签|投资(?!者)|调研|考察"
    r"|将(?!军)(?<!(?<!马)上将)(?<!(?<!其)中将)(?<![少大名主老干猛]将)"
)


# A qualifier's gap also holds no joiner or aspect word (甲国和乙国人民正期待着A).
_NOT_IN_QUALIFIER_GAP = re.compile(
    _NOT_IN_TITLE_GAP.pattern
    + r"|[与同和及着了再又还把被]|目前|正在|参加|出席|举行|召开|离开|抵达|前往"
    + r"|落户|落地|位于|坐落|入驻|选址"  # 甲项目落户乙省丙区: where a project is, no qualifier
)


_LED = re.compile(
    r"(?:以|由)[^，。；]{1,40}?(?:为(?:代理|副)?团长|为首|率领|带领|领衔)"
    r"(?:[，、][^，。；]{1,20}?为(?:副团长|团员|成员|秘书长))*的?"  # 以A为团长，B、C为团员的
)


# 和新建成的乙桥
_MODIFIED_ITEM = re.compile(r"^([、和及])(?:新|刚刚?|正在|已经?)?[\u4e00-\u9fff]{1,4}的$")


# 甲厂、乙车间、丙厂: an item the model tagged nothing in, inside an enumeration with 、
_UNTAGGED_ITEM = re.compile(
    r"、[^\W\d了在到和及与同、，的等]{2,8}(?=[、和及])|[和及][^\W\d了在到和及与同、，的等]{2,8}(?=、)"
)


# Words of time and manner that do not make a clause's subject: 分别于6月8日和9日, 随后, 在…基础上.
# 著名画家A, 甲国农业专家A: a profession before a name reads like a post
_PROFESSION = re.compile(
    r"(?:学家|作家|画家|专家|艺术家|企业家|教育家|音乐家|书法家|实业家|银行家|活动家|学者|获得者|得主)$"
)


_COPULA_AFTER = re.compile(r"(?:一直|始终|也|都|仍|则|正|曾|已|目前|现在|本来)?是(?!否)")


# Portfolios of one ministry (财政、商务和工业): after a body's name, and before a ministry's
_PORTFOLIO_TAIL = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2})+(?:部长|大臣)")


_BODY_ENDS = frozenset("团国部局会委院厅司处署省市县区州府行社组队所馆校学厂场店站台报")


_PORTFOLIO_HEAD = re.compile(r"[\u4e00-\u9fff]{2}(?:[、和及与][\u4e00-\u9fff]{2})*、")


_OWNER = re.compile(r"(?:(?![与同和跟对在来])[\u4e00-\u9fff]){0,4}?的")


_OWNED_BODY = re.compile(
    r"[^，。；;、]{0,12}的[^，。；;的]{0,6}(?:组织|机构|团体|党派|政党|部门|企业|公司)(?![部会])"
)


# 甲受乙(的)委派来丙访问: 甲 is the one sent, who visits
_SENT_BY = re.compile(
    r"受(?!邀)[^，,。；;]{0,16}?(?:委派|派遣|指派)(?=[，,]|来|到|赴|前往|前来|访问|出访)"
)


# A verb that has its object do the act (甲市鼓励外商在乙区投资, 甲市政府邀请外国企业到乙区考察): the
# one who encourages or invites does not act (not 在…的鼓励下, 应甲国邀请)
_CAUSES = re.compile(
    r"(?<!的)(?:允许|鼓励|欢迎|吸引|引导|邀请|动员|号召)(?![下者])(?=[^，,。；;]{2})"
)


def _causes(text: str, start: int, end: int) -> bool:
    """Whether such a verb stands between ``start`` and ``end``, outside a 应 or 在 frame."""
    found = _CAUSES.search(text, start, end)
    return found is not None and not re.search(r"[应在]", text[start : found.start()])


_STILL_TOPIC = re.compile(r"(?:特别|尤其)(?:是|就|在)")


# More words of time, between a leader and 率领 or an escorted and 在…陪同下 only (not in a clause's
# length: 夫人和孩子们明天中午将参观 has a subject of its own)
_TIME_WORDS = re.compile(
    r"[今昨明](?:天|日|晨|早|晚)|凌晨|早上|中午|傍晚|近日|日前"
    r"|[（(][^（）()，,。]{1,16}?[日号][）)]"  # 今日（九月十三日）, 明日（巴黎时间十月八日）
)


def _without_adverbs(text: str) -> str:
    """``text`` without its words of time, manner and sequence (随即率领, 先在…陪同下)."""
    return _ADVERBIAL.sub("", _TIME_WORDS.sub("", _SEQUENCE.sub("", text)))


_KIND_OF_BODY = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{1,6}?)(?:的)?(?:有关|一些|其他|部分|大)?(?:公司|企业|财团|厂商)"
)


def _place_and_kind(text: str) -> bool:
    """甲国公司, 甲省有关公司: a place and a kind of body name no one body. A county's or town's
    short name is an everyday word too often (莲花公司, 华星公司 are names)."""
    m = _KIND_OF_BODY.fullmatch(text)
    place = m.group("place") if m else ""
    return bool(place) and (
        place in world_places()
        or place in country_abbreviations()
        or (place.endswith(("县", "区", "镇", "乡")) and place in gazetteer())
        or any(p.level in ("province", "city") for p in gazetteer().lookup(place))
    )


def _country(arg: _Arg) -> bool:
    return arg.abbreviated or arg.text in world_countries()


def _side_by_side(a: _Arg, b: _Arg, *, forms: bool = False) -> bool:
    """出访甲国乙国 (a headline's list): two countries written out with nothing between them;
    ``forms``: one-character forms too (出访美加), but not as a subject (中日…条约签订: a pair's
    own rules)."""
    if a.end == b.start and a.type == b.type == "PERSON" and a.text != b.text:
        return True  # 甲某乙某会见: a headline's names (甲某甲某 is a title and subtitle)
    return (
        a.end == b.start
        and _country(a)
        and _country(b)
        and (forms or not (a.abbreviated or b.abbreviated))
    )


_BODY_END = re.compile(r"(?:银行|公司|集团|局|委员会|政府|大学|协会|中心|报社|研究院|部|厅|署)$")


# A name the model ran on into a joiner and another name (甲某某同乙某某)
_JOINED_NAMES = re.compile(r"(?P<a>[^同与跟和·]{2,}?)(?:同|与|跟)(?P<b>[^同与跟和]{2,})")


def _split_joined(mentions: list[_Arg]) -> list[_Arg]:
    """Spans the model made of two parties: 甲国乙银行和丙国丁信托银行 (two bodies), a person's
    name written twice in a headline (甲某某甲某某), two foreign names joined by 同 or 与 (longer
    than any Chinese name)."""
    out = []
    for m in mentions:
        cut = next(
            (i for i, ch in enumerate(m.text) if ch in "和与及" and 4 <= i <= len(m.text) - 5), None
        )
        half = len(m.text) // 2
        joined = (
            _JOINED_NAMES.fullmatch(m.text) if m.type == "PERSON" and len(m.text) >= 5 else None
        )
        if (
            m.type == "ORG"
            and cut is not None
            and _BODY_END.search(m.text[:cut])
            and _BODY_END.search(m.text)
        ):
            out += [
                _Arg(m.start, m.start + cut, m.text[:cut], "ORG"),
                _Arg(m.start + cut + 1, m.end, m.text[cut + 1 :], "ORG"),
            ]
        elif m.type == "PERSON" and len(m.text) >= 4 and m.text[:half] * 2 == m.text:
            out += [
                _Arg(m.start, m.start + half, m.text[:half], "PERSON"),
                _Arg(m.start + half, m.end, m.text[half:], "PERSON"),
            ]
        elif joined is not None:
            out += [
                _Arg(m.start + joined.start(g), m.start + joined.end(g), joined.group(g), "PERSON")
                for g in ("a", "b")
            ]
        else:
            out.append(m)
    return out


def _led_spans(text: str, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Who leads a delegation (以A为团长的, 由A率领的) is no party of their own."""
    # over the whole sentence: 以A为团长，B为团员的 runs over a comma
    return [
        (m.start(), m.end())
        for m in _LED.finditer(text)
        if m.start() < clause[1] and clause[0] < m.end()
    ]


def _in(m: _Arg, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def _unnamed(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` only says where an unnamed party comes from: 甲市两家商户,
    乙盟领导人, 丙院的副总理, 丁岛赞成独立的两大组织."""
    owned = _OWNED_BODY.match(text, end)
    if _UNNAMED_AFTER.match(text, end) or (owned and not _complement(text, owned)):
        return True
    owner = _OWNER.match(text, end)  # 丙院的副总理, A总理的经济顾问
    title_re = load_rules().title_re
    return owner is not None and any(title_re.match(text, owner.end() + k) for k in range(3))


def _complement(text: str, owned: re.Match[str]) -> bool:
    """甲公司(一直)是著名的医药公司，…: the body of a copula right after the name, ending its clause
    or a list, says what the name is (not 甲国特别是沿海地区的企业, 甲公司的子公司是乙国的企业:
    the body acts, or is another's)."""
    return _COPULA_AFTER.match(text, owned.start()) is not None and text.startswith(
        ("，", ",", "。", "；", ";", "、"), owned.end()
    )


def _untagged_items(gap: str) -> str:
    """The joiner left when the items between two names are names the model missed (、某厂、),
    not posts (甲国总统、总理及乙院: the posts of the first), or a short modifier of the next
    name (和新建成的乙桥)."""
    gap = _UNTAGGED_ITEM.sub(lambda m: m.group() if _ends_in_title(m.group()[1:]) else "", gap)
    return _MODIFIED_ITEM.sub(r"\1", gap)


def _ends_in_title(gap: str) -> bool:
    """了代总理, 了甲国工业部长: only a post (and a place or body the model did not find) between
    a verb and its party."""
    gap = gap.removeprefix("了").removeprefix("过")
    if "、" in gap.rstrip("、"):  # 了甲会主席、乙国前外长: two posts of the one person named next
        *first, last = gap.rstrip("、").split("、")
        return all(
            _ends_in_title(part) or _DELEGATE.fullmatch(part) for part in first
        ) and _ends_in_title(last)
    gap = gap.rstrip("、")
    if (
        not 0 < len(gap) <= 14
        or not re.fullmatch(r"[\u4e00-\u9fff]+", gap)
        or _NOT_IN_TITLE_GAP.search(gap)
    ):
        return False
    return (
        any(m.end() == len(gap) for m in load_rules().title_re.finditer(gap))
        or _PROFESSION.search(gap) is not None
    )


def _qualifier_gap(nxt: _Arg, gap: str) -> bool:
    """The words between a place or body and the next mention can qualify it: title words
    (甲国副总理兼外交和环境部长A: 和 inside a post, a post before it too; not 甲队刚刚和主帅A; 兼经济
    与发展大臣: 与 inside a post too, not 甲国外长与总理A: two posts)."""
    joined = (
        "和"
        if "和" in gap
        else "与"
        if "与" in gap and not _ends_in_title(gap.split("与")[0])
        else None
    )
    titled = (
        nxt.type == "PERSON"
        and joined is not None
        and _ends_in_title(gap)
        and load_rules().title_re.search(gap.split(joined)[0]) is not None
    )
    return titled or (
        _QUALIFIER_GAP.match(gap) is not None
        and not _NOT_IN_QUALIFIER_GAP.search(gap)
        and not gap.startswith("、")
        and not gap.endswith("、")
    )


def _sent_by(text: str, start: int, before: int) -> bool:
    """甲受乙(的)委派来丙访问 between ``start`` and ``before`` (what follows 委派 may lie past it)."""
    sent = _SENT_BY.search(text, start)
    return sent is not None and sent.start() < before


def _portfolios(m: _Arg, gap: str, nxt: _Arg) -> bool:
    """A ministry of several portfolios joined by 、 和 及 与 is one post, its parts no bodies:
    甲国财政和商务部长A (the model's 甲国财政 before 和商务部长; not 甲代表团和外交部长A, a body and
    a person), 甲国经济、财政及预算部部长A (甲国 before 经济、 and the ministry)."""
    if nxt.type == "PERSON":
        return (
            _PORTFOLIO_TAIL.fullmatch(gap) is not None
            and m.type == "ORG"
            and m.text[-1] not in _BODY_ENDS
        )
    return _PORTFOLIO_HEAD.fullmatch(gap) is not None and nxt.text.endswith(("部", "署"))


def _join_dotted(outer: list[_Arg]) -> list[_Arg]:
    """维克多·|许会·|罗哈斯: one foreign name cut at its dots."""
    merged: list[_Arg] = []
    for m in outer:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.type == m.type == "PERSON"
            and prev.end == m.start
            and (prev.text.endswith("·") or m.text.startswith("·"))
        ):
            merged[-1] = _Arg(prev.start, m.end, prev.text + m.text, "PERSON")
        else:
            merged.append(m)
    return merged


def _list_goes_on(text: str, start: int, comma: int, after: int, outer: list[_Arg]) -> bool:
    """A name, then ，以及 and another item, before the clause's verb (甲某联同乙某，以及丙某拜会…);
    after the verb the object list crosses the comma by itself (会见了甲某，以及乙某)."""
    return (
        text.startswith("以及", after)
        and not re.match(r"以及(?:[与同和跟向到在对]|前往)", text[after:])
        and any(a.end == comma for a in outer)
        and not _trigger_re().search(text, start, comma)
    )


def _clause_bounds(text: str, outer: list[_Arg]) -> list[int]:
    """0, then the start and end of each clause mark no mention spans, then the text's end."""
    bounds = [0]
    for m in _CLAUSE_END.finditer(text):
        if (
            m.group() in "，,"
            and _STILL_TOPIC.match(text, m.end())
            and re.search(r"就|关于", text[bounds[-1] : m.start()])
        ):
            continue  # 就A，特别是B举行会谈: the topic goes on over the comma
        if _list_goes_on(text, bounds[-1], m.start(), m.end(), outer):
            continue  # 与A、B，以及C会面: a list goes on over the comma
        if not any(a.start < m.start() < a.end or a.start < m.end() < a.end for a in outer):
            bounds += [m.start(), m.end()]
    bounds.append(len(text))
    return bounds
