"""meets and signs_with, the relations of two parties: host and guest (会见), the two sides of
talks or an agreement (A与B会谈, A和B签署), a pair before the verb (中美签署). The guests after a
verb of meeting are found in guests.py.
"""

from __future__ import annotations

import itertools
import re

from kg.extract.relations.arguments import _included, _of_place_in
from kg.extract.relations.grammar import (
    _Arg,
    _country,
    _ends_in_title,
    _in,
    _led_spans,
    _side_by_side,
    _unnamed,
    _without_adverbs,
)
from kg.extract.relations.guests import _objects
from kg.extract.relations.lexicon import (
    _pair_after,
    frame_triggers,
)
from kg.extract.relations.patterns import (
    _AGENTS,
    _AGREEMENT,
    _BOTH,
    _DATE_DIGIT,
    _HOSTED,
    _LIST_JOIN,
    _MEMBERS,
    _PARTIES,
    _QUALIFIER_GAP,
    _TIME_AFTER,
    _TOGETHER,
    _TOPIC,
    _TREATY,
    _UNNAMED_AFTER,
)
from kg.extract.relations.sentence import _QUOTE_MARKS, _Sentence
from kg.extract.relations.subjects import next_subject, subject
from kg.extract.rules import load_rules

# The press as a verb's object: a kind of people, no named guest
_PRESS = re.compile(r"了?(?:中外|当地|各地|国内外|海外)?(?:传媒|媒体|记者|新闻界|新闻记者)")

# 先在甲某陪同下: an adverb of sequence between a name and the escort clause after it
_BEHALF_GAP = re.compile(
    r"(?:[今昨明当同][日天]|[上下]午|晚上|（[^（）]{0,12}）|在[^，。；、在]{1,10}|于[^，。；在]{1,10}"
    rf"|{_DATE_DIGIT}{{1,3}}[日号]"
    r"|受[^，。；、受]{1,10}委托|作为[^，。；、作]{1,10}"
    r"|将|会|拟|也|还|亦|分别|随后|随即)*"
)

# 会见甲时，乙、丙参加会见 (or 参加 alone): a clause that only seats people, not 乙邀请…参与共建
_SEATED = re.compile(r"在座|在场|陪同|陪见|出席|(?:参加|参与)了?(?:会见|会谈|会晤)?$")

# A clause with no subject of its own that frames the next one, whose subject is its actor: a time
# after it (同A签署协议以后，B…) or a basis before it (根据同A签订的条约，B…).
_FRAME_END = re.compile(r"(?:以后|之后|后|时|期间|之际|以来)$")

_FRAME_START = re.compile(r"(?:根据|按照|依照|依据)")

# Talks called off, their other party in between (中断了同甲国的会谈): no meeting. (A contract
# ended, 中断与甲签订的合同, was still signed.)
_CALLED_OFF = re.compile(r"(?:中断|推迟|取消|拒绝|暂停|停止)了?(?:同|与|跟|和)[^，,。；;]{1,20}$")

_WITH = re.compile(
    r"(?<![共参给])与(?!会)|(?<![共相等一如联偕会])同(?![时意样期比等行志事学胞])|跟"
)

_PARTNER = re.compile(_WITH.pattern + r"|(?<![温平])和(?![平谐])")

_PASSIVE = re.compile(
    rf"(?:(?:受到|得到|获得|感谢)(?:了)?([^，。；]{{1,30}}?)的[^，。；的]{{0,8}}?(?={_HOSTED})"
    rf"|对([^，。；]{{1,30}}?)的[^，。；的]{{0,8}}?(?={_HOSTED}表示(?:衷心|诚挚)?的?感谢)"
    # 感谢A会见, 感谢A在百忙中会见他们: the verb with no guest named after it
    rf"|感谢([^，。；的]{{1,30}}?)(?:在百忙之?中)?(?={_HOSTED}了?(?:[他她我]们?)?(?:[，。；]|$)))"
)

_NOT_WITH = re.compile(r"(?:不|没有|未|拒绝|要求|希望|建议|提议|呼吁)(?:再|能|会|愿)?$")

_OTHER_TALK = re.compile(r"商谈|商讨|讨论|磋商|协商|谈判|交换意见")


# the two only name the document (出席甲与乙投资协定的签署仪式), not 甲与乙完成了协定的签署
_DOCUMENT_BEFORE = re.compile(
    r"(?:(?!举行|完成|进行|了)[^，。；]){0,12}?(?:协定|协议|条约|备忘录|合同|公报)的"
)


def _meets(s: _Sentence, clause: tuple[int, int], t0: int, t1: int):
    """Host and guests: none for who only attends (参加会见, 在座; A、B会见时在座) or a meeting
    called off; the passive (A受到B的接见); else the pairs around the trigger."""
    text = s.text
    before, after = text[clause[0] : t0], text[t1 : clause[1]]
    if re.search(r"(?:参加|出席|列席)了?(?:这次|此次|本次)?$|在座", before) or re.match(
        r"时?(?:在座|在场)", after
    ):
        return []
    if _CALLED_OFF.search(before):
        return []
    passive = next(
        (m for m in _PASSIVE.finditer(text, clause[0], clause[1]) if m.end() == t0), None
    )
    if passive is not None:
        return _passive(s, clause, passive)
    # talks between countries (A与B举行会谈): a country stands for its government
    types = _PARTIES if text[t0:t1] in frame_triggers("talks") else _AGENTS
    pairs = _pairs(s, clause, t0, t1, types, objects=True)
    return [p for p in pairs if all(a.type != "LOC" or _country(a) for a in p[:2])]


def _passive(s: _Sentence, clause: tuple[int, int], passive: re.Match[str]):
    """A受到B的接见: B hosts, A is met."""
    start, end = next(passive.span(g) for g in (1, 2, 3) if passive.group(g) is not None)
    first = next((m for m in s.heads if m.start >= start and m.end <= end), None)
    if first is None or first.type not in _AGENTS or s.chain_start[first.start] - start > 10:
        return []
    hosts = s.listed(first, end, _AGENTS)
    guests = subject(s, clause, passive.start(), _AGENTS)
    return [(host, guest, None) for host in hosts for guest in guests]


def _pairs(s: _Sentence, clause, t0: int, t1: int, types: tuple[str, ...], *, objects: bool):
    """A 与/同 B <trigger> (B may be a list); A和B<trigger> (each with each); for meets also
    A <trigger> B (the host first)."""
    text = s.text
    led = _led_spans(text, clause)
    pair = _abbreviated_pair(s, clause, t0, t1, objects=objects)
    if pair:
        return pair
    if any(a <= t0 < b for a, b in (t.span() for t in _TOPIC.finditer(text, clause[0], clause[1]))):
        return []  # 就甲与乙首脑会晤事宜进行了磋商: the meeting is a topic
    if _PRESS.match(text, t1):
        return []  # A和B会见传媒: they meet the press together, not each other
    partnered = _with_partner(s, clause, t0, t1, types, led, objects=objects)
    if partnered is not None:
        return partnered
    before = _sides_before(s, clause, t0, types, objects=objects)
    if before:
        return before
    if not objects:
        return _signed_together(s, clause, t0, t1, types)
    if re.match(r"(?:中|时|后|前|结束|期间)", text[t1:]) and not any(
        m.start == t1 for m in s.mentions
    ):
        return []  # 在会见中, 会见时: the meeting as a time, its parties are elsewhere (not 会见中国…)
    targets = _objects(s, clause, t1, types, led) or _included(s, clause, t0, t1, types)
    sources = subject(s, clause, t0, types)
    if not sources and targets and _framed_guest(s, clause, t0):
        # 会见A时，B转达了…: the host is the next subject, not one of A's side (A国外长C)
        sources = [
            m
            for m in next_subject(s, clause, types)
            if not _of_place_in(s, m, clause)
            and not any(m.text in g.text or g.text in m.text for g in targets)
        ]
    return [(a, b, None) for a in sources for b in targets]


def _with_partner(
    s: _Sentence, clause, t0: int, t1: int, types, led, *, objects: bool
) -> list | None:
    """A 与/同/和 B before the trigger: the pairs, [] for no event (不与甲国举行会谈), None when
    no partner is named so."""
    text = s.text
    joined: list[_Arg] = []  # A与B今日与C: B, a subject joined to A
    for link in _PARTNER.finditer(text, clause[0], t0):
        if any(m.start <= link.start() < m.end for m in s.mentions):
            continue  # 和 inside a name (甲和乙部)
        if _NOT_WITH.search(text, clause[0], link.start()):
            return []  # 不与甲国举行会谈, 要求与乙国会晤: no event
        partner = next((m for m in s.heads if m.start >= link.end()), None)
        if (
            partner is None
            or partner.end > t0
            or not _near(text, link.end(), s.chain_start[partner.start])
            or partner.type not in types
        ):
            continue
        # 与多位出席甲会年会的代表会面: the body is what unnamed people attend
        if _attended(s, link.end(), partner, t0) or _DOCUMENT_BEFORE.fullmatch(
            text, partner.end, t0
        ):
            return []  # 出席甲与乙…协定的签署仪式: the two name the document, not its signers
        later = _PARTNER.search(text, partner.end, t0)
        if later is not None and later.group() != "和" and _joins_subjects(s, link, partner, later):
            # A、B和C都与D签订, A与B今日与D会面: D is the partner, B one more subject
            joined += s.listed(partner, later.start(), types) if link.group() != "和" else []
            continue
        if link.group() == "和" and _co_listed(s, clause, link, partner):
            # A和B<trigger>: co-hosts when the trigger has objects (A和夫人B会见了C), else each
            # with each, unless what they sign is a treaty for all (甲国和乙国签署条约).
            if objects and _objects(s, clause, t1, types, led):
                return None
            return _mutual(s, clause, t0, t1, types, partner.end, treaty_ends=not objects)
        listed = s.listed(partner, t0, types)
        listed += _after_unnamed(s, listed[-1], t0, types)
        listed = _named_among(s, clause, listed, t0, t1, types)
        if _OTHER_TALK.search(text, listed[-1].end, t0):
            continue  # 与A商谈拟举行的会晤事宜: the partner is the other verb's
        return _with_listed(s, clause, link, listed, t1, types, led, joined)
    return None


# Between names joined to the subject and the second 与: words of togetherness and of also
_JOINED_GAP = re.compile(rf"(?:{_TOGETHER}|也|都|还|又)*")


def _joins_subjects(s: _Sentence, link: re.Match, partner: _Arg, later: re.Match) -> bool:
    """A和B都与C, A与B今日与C: the first link joins its names to the subject when a second 与
    or 同 follows them after words of time or manner alone (not A与B签约后同C: its own verb)."""
    if link.group() == "和":
        return True
    end = s.listed(partner, later.start(), _PARTIES)[-1].end
    return _JOINED_GAP.fullmatch(_without_adverbs(s.text[end : later.start()])) is not None


def _sides_before(s: _Sentence, clause, t0: int, types, *, objects: bool) -> list:
    """双方签订…, 并签署了…: the two sides named in an earlier clause."""
    text = s.text
    if re.match(
        r"(?:双方|两国|两家)(?!(?:国家)?(?:首脑|领导人|元首|总统|总理|首相|外长|外相|部长|国防部长|议长))",
        text[clause[0] : t0],
    ):
        pair = _pair_before(s, clause, types)  # A与B…，双方签订…
        if pair:
            return pair
    if not objects and re.fullmatch(
        r"(?:并|还|随后|会谈后|会见后)[^，。；]{0,4}", text[clause[0] : t0]
    ):
        return _partners_before(s, clause, types)  # A同B举行会谈，并签署了…
    return []


def _signed_together(s: _Sentence, clause, t0: int, t1: int, types) -> list:
    """A、B两国签订, 甲国乙国签署 (a headline): the subject's parties each with each; else the
    two named at the head of the document signed."""
    group = [_on_behalf(s, clause, a) for a in subject(s, clause, t0, types)]
    both = _BOTH.match(s.text, group[-1].end) if group else None
    side_by_side = len(group) == 2 and _side_by_side(*group)
    if (both is not None or len(group) >= 3 or side_by_side) and _parties_fit(
        s, group, t1, clause[1]
    ):
        return _mutual(s, clause, t0, t1, types, group[-1].end, treaty_ends=True)
    named = _named_in_document(s, clause, t1, types)
    if any(s.text.endswith("代表", clause[0], s.chain_start.get(g.start, g.start)) for g in group):
        return []  # 代表甲政府签订乙与丙的备忘录: someone signs on 甲's behalf, not 乙 or 丙
    if group and not any(
        g.text in p.text or p.text in g.text for g in group for a, b, _ in named for p in (a, b)
    ):
        return []  # 甲某签订乙与丙的备忘录: a signer of their own; the names are the document's
    return named


def _named_in_document(s: _Sentence, clause, t1: int, types: tuple[str, ...]):
    """签署了A与B合作协议: the two parties named at the head of the agreement signed."""
    after = [m for m in s.heads if t1 <= m.start and m.end <= clause[1]]
    if len(after) < 2 or not re.fullmatch(r"了?", s.text[t1 : s.chain_start[after[0].start]]):
        return []
    a, b = after[0], after[1]
    if a.type not in types or b.type not in types or not _WITH.fullmatch(s._gap(a.end, b.start)):
        return []
    if not _AGREEMENT.match(
        re.sub(
            r"^(?:的|关于)?[^，。；]{0,12}?(?=协议|合同|意向书|备忘录)",
            "",
            s.text[b.end : clause[1]],
        )
    ):
        return []
    return [(a, b, None)]


def _partners_before(s: _Sentence, clause, types: tuple[str, ...]):
    """A 与/同 B 举行会谈，并签署…: the clause before names the two who go on to sign."""
    prev = s.clause_before(clause)
    if prev is None:
        return []
    link = next(_WITH.finditer(s.text, prev[0], prev[1]), None)
    partner = next((m for m in s.heads if link is not None and m.start >= link.end()), None)
    if partner is None or partner.end > prev[1] or partner.type not in types:
        return []
    if not _near(s.text, link.end(), s.chain_start[partner.start]):
        return []
    return [(a, partner, None) for a in subject(s, prev, link.start(), types)]


def _pair_before(s: _Sentence, clause, types: tuple[str, ...]):
    """The two parties that 双方 refers back to: A与B in the clause before."""
    prev = s.clause_before(clause)
    if prev is None:
        return []
    heads = s.heads_in(prev[0], prev[1], types)
    if len(heads) < 2 or s.chain_start[heads[0].start] != prev[0]:
        return []
    a, b = heads[0], heads[1]
    if not re.fullmatch(r"[与同和跟]", s._gap(a.end, b.start)):
        return []
    return [(a, b, None)]


def _mutual(
    s: _Sentence,
    clause,
    t0: int,
    t1: int,
    types: tuple[str, ...],
    after: int,
    *,
    treaty_ends: bool,
):
    """A和B<trigger>, A和B的代表签署: each with each, unless (``treaty_ends``) what they sign is a
    treaty for all (甲国和乙国签署条约)."""
    if re.match(r"(?:后|中|时|之后|期间)", s.text[t1:]) and re.search(r"在$", s.text[:t0]):
        return []  # A和B在会谈后举行的记者会上: the talks as a time
    gap = re.sub(r"^的代表团?", "", s.text[after:t0])
    post = (
        load_rules().title_re.match(gap)
        if any(m.end == after and m.type == "PERSON" for m in s.heads)
        else None
    )
    # A主席和B总统的会晤
    gap = gap[post.end() :] if post is not None and gap.startswith("的", post.end()) else gap
    heads_of = re.match(
        r"(?:两国|双方|三国)?(?:国家)?(?:首脑|领导人|元首|总统|总理|首相|外长)", gap
    )
    if (
        not treaty_ends
    ):  # A和B的第N轮会谈, A和B这次…的会谈; A和B进行(结束)了N天的会谈: the talks' modifiers
        held = re.match(r"([^，。；了的]{0,8}?)(?:举行|进行|结束|开始)了?[^，。；]{0,16}$", gap)
        if held is not None and not _OTHER_TALK.search(
            held.group(1)
        ):  # not 商谈拟举行的会晤: a topic
            gap = held.group(1)
        gap = re.sub(r"^(?:的[^，。；的]{0,6}|[^，。；的]{0,10}的)$", "", gap)
    if (
        re.search(r"的|分别(?!代表)", gap)
        or _WITH.search(gap)
        or len(gap) > 40
        or (treaty_ends and _TREATY.search(s.text[t1 : clause[1]]))
    ):
        return []  # 分别签署: each signed on their own; A、B都与某中心签订: with an unnamed partner
    group = subject(s, clause, after, types) or s.list_ending(clause, after, types)
    if any(s._post_unnamed(m) for m in group) or (
        heads_of and all(m.type != "PERSON" for m in group)
    ):
        return []  # 甲院和乙会两院议长的会谈, 甲国和乙国两国总理举行会晤: their unnamed heads
    if not _parties_fit(s, group, t1, clause[1]):
        return []  # four leaders who sign one text do not sign with each other
    return [(a, b, None) for i, a in enumerate(group) for b in group[i + 1 :]]


def _framing(text: str, clause: tuple[int, int]) -> bool:
    return bool(
        _FRAME_END.search(text, clause[0], clause[1]) or _FRAME_START.match(text, clause[0])
    )


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


def _adviser(s: _Sentence, m: _Arg) -> _Arg:
    """与A的外交顾问B举行会谈: the named person a post of ``m``'s names."""
    nxt = next((h for h in s.heads if h.start > m.end), None)
    if nxt is None or nxt.type != "PERSON" or not s.text.startswith("的", m.end):
        return m
    gap = s.text[m.end + 1 : s.chain_start[nxt.start]]
    return nxt if gap and _ends_in_title(gap) else m


def _near(text: str, start: int, end: int) -> bool:
    """Only modifiers between a preposition and its party: 与来访的某国首相某某."""
    # 同到访的某国总统某某, 和与会的某某
    gap = re.sub(r"^(?:来访|到访|前来访问|来华访问|与会)的", "", text[start:end])
    gap = _QUOTE_MARKS.sub("", gap)  # 与甲地「财政部长」乙某: a post the paper quotes
    if _ends_in_title(gap):
        return True  # 同甲国副总理兼外交和环境部长A
    return (
        len(gap) <= 12
        and _QUALIFIER_GAP.match(gap) is not None
        and not re.search(r"[在到赴对向由与同和就]|会见|会谈|签", gap)
    )


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


def _after_unnamed(s: _Sentence, last: _Arg, end: int, types) -> list[_Arg]:
    """与甲州政府官员及乙所总裁丙某会面: the names listed after a body's unnamed officials."""
    unnamed = _UNNAMED_AFTER.match(s.text, last.end)
    join = re.match(r"以及|[及和、]", s.text[unnamed.end() :]) if unnamed is not None else None
    nxt = s.head_from(unnamed.end() + join.end()) if join is not None else None
    if nxt is None or nxt.end > end or nxt.type not in types:
        return []
    return s.listed(nxt, end, types)


def _named_among(s: _Sentence, clause, listed: list[_Arg], t0: int, t1: int, types) -> list:
    """与甲组织要员会面，包括乙某: where every partner is a body's unnamed people, the ones the next
    clause names among them are met."""
    if all(_unnamed(s.text, p.end) for p in listed):
        return _included(s, clause, t0, t1, types) or listed
    return listed


def _with_listed(
    s: _Sentence, clause, link: re.Match, listed: list[_Arg], t1: int, types, led, joined=()
):
    """The subject before 与/同 (and the names ``joined`` to it by an earlier 与) with each partner
    listed after it (not a leader of a delegation, nor an unnamed holder of a post)."""
    text = s.text
    sources = [_on_behalf(s, clause, a) for a in subject(s, clause, link.start(), types)]
    if sources:
        sources += [a for a in joined if a not in sources and not _unnamed(text, a.end)]
    if not sources and (
        _TIME_AFTER.match(text, t1) and text.startswith("在", clause[0]) or _framing(text, clause)
    ):
        sources = next_subject(s, clause, types)  # 在同A的会见中，B强调; 同A签署协议后，B…
    # the list with the places in it (与甲省政府及乙市领导: 乙市's people end it, unnamed)
    whole = s.listed(listed[0], clause[1], _PARTIES)
    last = whole[-1] if whole[-1].end > listed[-1].end else listed[-1]
    if (
        len(whole) > 1
        and not re.search(r"[（(]", text[listed[0].end : last.start])  # an aside is no list
        and not _MEMBERS.match(text, last.end)
        and (_unnamed(text, last.end) or s._post_unnamed(last))
    ):
        # 与甲省政府及乙市政府高层官员会面: the bodies' unnamed officials (as after 会见); a person
        # named in the list is still met (与甲某及乙国政府官员会面), not before 的高层 (与甲、乙的高层:
        # the officials of bodies, whatever the model typed them as)
        listed = (
            [] if text.startswith("的", last.end) else [p for p in listed if p.type == "PERSON"]
        )
    partners = [_adviser(s, p) for p in listed if not _in(p, led)]
    partners = [p for p in partners if not _unnamed(text, p.end) and not s._post_unnamed(p)]
    # A、B分别与C、D签约: finder._respectively pairs them in order
    return [(a, b, None) for a in sources for b in partners]


def _attended(s: _Sentence, start: int, partner: _Arg, t0: int) -> bool:
    """与多位出席甲会年会的代表: a body right after 出席/参加/来自 in a 与-phrase is that verb's object,
    when no person is named after it (与来自乙国的甲某: 甲某 is the partner)."""
    gap = s.text[start : s.chain_start[partner.start]]
    return (
        re.search(r"(?:出席|参加|参与|来自)$", gap) is not None
        and partner.type != "PERSON"
        and not any(h.type == "PERSON" and partner.end <= h.start < t0 for h in s.heads)
    )
