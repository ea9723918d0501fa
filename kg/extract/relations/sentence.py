"""One sentence as relation finding reads it: its head mentions (a place or body before a title
and a person only qualifies them), its clauses, and each clause's subject (its own, or carried
over from the clause before).
"""

from __future__ import annotations

import re

from kg.extract.relations.grammar import (
    _Arg,
    _causes,
    _clause_bounds,
    _country,
    _ends_in_title,
    _in,
    _join_dotted,
    _led_spans,
    _place_and_kind,
    _portfolios,
    _qualifier_gap,
    _sent_by,
    _side_by_side,
    _split_joined,
    _unnamed,
    _untagged_items,
    _without_adverbs,
)
from kg.extract.relations.lexicon import _after_trigger, _after_visit, _trigger_re, load_triggers
from kg.extract.relations.patterns import (
    _ADVERBIAL,
    _CLAUSE_END,
    _DELEGATE,
    _GO_TO,
    _HONORIFIC,
    _KIN_WORDS,
    _KIND_ITEM,
    _LIST_JOIN,
    _MEMBER_WORDS,
    _OPEN_MARKS,
    _PARTIES,
    _PRONOUN,
    _SEQUENCE,
    _TIME_FRAME,
    _TOPIC,
)
from kg.extract.rules import load_rules

_SAYING = re.compile(
    r"(?:说|表示|指出|认为|强调|宣布|声明|称|透露|介绍|报道|获悉|了解|告诉(?:记者|笔者)?)"
)


_SPEECH = re.compile(_SAYING.pattern + "$")


# A speaker's own gladness, opening what they say (甲表示，很高兴与乙会面): the speaker is its subject
_GLAD = re.compile(r"(?:[很非常十分特别极]|感到)*(?:高兴|荣幸)")


# ... and straight after it the speaker's own act (not 很高兴家乡的青年到北京参观: theirs)
_OWN_ACT = re.compile(
    r"(?:去年|今年|明年|[今昨明]天|此次|这次)?(?:在[^，,。；;]{1,12}?(?:后|时|期间))?"
    r"(?:能够?|有机会|再次|又|再|地)*(?:[与同和跟到来赴在对以]|访问|会见|会晤|参观|考察|$)"
)


# 听取了甲的介绍: the subject listens (its own act, it goes on to the next clause), nobody speaks to us
_HEARD = re.compile(r"听(?:取)?了?[^，,。；;]{0,20}介绍$")


_JOINT_JOIN = re.compile(r"^\s*(?:、|和|及|以及|与|同)\s*$")


# A side (中方), a bare kind (代表团, 公司) or one of no named place (外国企业); 中国代表团 and
# 中国政府 are named.
_GENERIC = re.compile(
    r"[\u4e00-\u9fff]方|(?:外国|各国|我国|该|本|我)?(?:公司|企业|政府|代表团|考察团|访问团|访华团|艺术团|歌舞团|代表队)"
    r"|(?:妇女|青年|政府|市政府|军事|经贸|友好|议员|专家|[\u4e00-\u9fff]{1,3}家)(?:代表团|考察团|访问团|访华团)"
)


_ADJUNCT_AFTER = re.compile(
    r"(?:期间|时|之际|以来|之后|后(?!来)|前(?!不久|些)|(?!在)[^，、和及与同]{0,4}的(?!代表|"
    + _MEMBER_WORDS
    + "))"
)


# After 和: a spouse (和夫人A), the one A leads (A和由其率领的B代表团)
# A relative named by their tie to a person (甲某的女儿乙某, 甲某夫人乙某)
_RELATIVE = re.compile(rf"(?:{_HONORIFIC.pattern})?的?{_KIN_WORDS}")
_JOINED_POST = re.compile(rf".*{_KIN_WORDS}|由?(?:[他她](?:们)?|其)(?:所)?(?:率领|带领)的")


# A body's own people as a group (乙局的同志, 丙厂职工, 丁会的志愿者)
_BODY_MEMBERS = re.compile("的?(?:" + _MEMBER_WORDS + "|代表)")


_JOINER_TITLE = re.compile(
    r"\s*(、|和|及|以及|与|同|跟|联同|偕同|会同)(?P<post>(?:[\u4e00-\u9fff]{1,10}、)?[\u4e00-\u9fff]{0,10})"
)


_QUOTE_MARKS = re.compile(f"[{_OPEN_MARKS}”」』’]")


_GOVERNED = re.compile(
    r"(?:[在赴对向与和跟从由给被把以据及自离抵就受]|(?<![陪共相一如])同|(?<![谈提说看受得感遇达想])到|前往|[飞转驶赶]往|[飞驶]抵|来到|走进|抵达|应|作为"
    # the place left or passed on the way (离开北京赴A访问) is no subject
    r"|离开|飞离|途经|返回|回到|借助|通过|利用|依托|按照|根据)"
    rf"(?:来访的|前来访问的|了)?[{_OPEN_MARKS}]?$"
)


_LEADS = re.compile(r"(?:亲自|再次|又)?(?:率|率领|带领)")


_LEADS_GROUP = re.compile(_LEADS.pattern + r"(?:[一两][个支批])?")  # 率领一支甲市代表团


_ESCORT_SPAN = re.compile(r"在[^。；在]{1,120}?陪同下")


_EACH_BEFORE = re.compile(r"各(?:[\u4e00-\u9fff]{1,3}、)*$")


_REPORTER = re.compile(r"记者$|记者[^，。；]{0,12}、$")


# 他 opening a clause, after what only says when (之前他已经访问了A, 随后她又来到B)
_HE = re.compile(rf"(?:这是|当时|之前|此后|后来|然后|接着|{_ADVERBIAL.pattern})*[他她](?![们人])")


# 组织…40多人到A考察: the visitors are counted people, not the body before them
_COUNTED_PEOPLE = re.compile(
    r"(?<!一行)(?<![\d一二三四五六七八九十几数多])[\d一二三四五六七八九十几数多]+(?:名|位|个)?人"
)


# 对 opening the phrase of an event's party (not 针对, 面对, 对外, 对话; nor 对能…, 对有机会…, whose
# event is the subject's own: 甲对能在乙地会见丙感到高兴)
_UNNAMED_DUI = re.compile(r"(?<![针面绝相])对(?![外话于]|能|有机会)")


# A kind of people as a clause's subject: it names no one, and nobody is carried over to it.
_KIND_SUBJECT = re.compile(r"代表|人员|专家|学者|群众|干部|学生|教师|记者|游客|官员|人士|企业家")


_SENDS = re.compile(r"派遣|派出|委派|派(?=[\u4e00-\u9fff]{0,8}(?:组|团|队|特使|代表))")


_ORGANISES = re.compile(
    r"组织[^，。；]{0,8}(?:干部|人员|群众|党员|职工|农民|学生|教师|专家|医生|代表)"
)


_ASIDE = re.compile(r"^[（(](?:简称|以下简称|下称)[^（）()，。]{1,10}[）)]")


_FRAMED_MEETING = re.compile(
    r"(?:与|同|和)[^，。；在]{1,30}?(?:会谈|会晤|会见|会面)(?:期间|时|之际|前夕|之后|以后|后)"
)


# 在出席甲会议后, 在参观乙厂期间: a verb's object inside a frame of time opened by 在
_FRAME_OPEN = re.compile(r"(?:在|自|从)[^，。；、在自从]{1,8}$")  # 在出席B年会后, 自就任B外长以来


_FRAME_CLOSE = re.compile(
    r"[^，。；、]{0,4}?(?:以后|之后|后|以前|之前|前|时|期间|之际|以来)(?![来面往进])"
)


_CLOSED_FRAME = re.compile(r"在[^，。；在]{2,30}?(?:之际|期间|前夕|以后|之后|的时候)")


# A verb of saying right after a name (今天说, 称): what follows is what is said
_SAYS = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:说|表示|指出|认为|强调|宣布|称|重申)(?!的)")


_ESCORT = re.compile(r"^\s*(?:等)?(?:陪同|见证)")


# What a head says of the subject when it is not the subject (subject(), _verdict()).
_SKIP = "skip"  # not it: look further left


_MODIFIER = "modifier"  # it qualifies a later head


class _Sentence:
    """One sentence's text, head mentions and clauses (all offsets relative to the sentence)."""

    def __init__(self, text: str, mentions: list[_Arg]) -> None:
        self.text = text
        self.args = mentions
        # 在A、B等陪同下 (over commas too): the escorts' span, from 在 to 陪同下
        self.escorts = [e.span() for e in _ESCORT_SPAN.finditer(text)]
        outer = _join_dotted(self._outer(mentions))
        self.mentions = outer
        self.heads = []
        # head start -> start of its qualifiers (西班牙首相阿斯纳尔)
        self.chain_start: dict[int, int] = {}
        chain = None
        for i, m in enumerate(outer):
            chain = m.start if chain is None else chain
            if not self._qualifies_next(i):
                self.heads.append(m)
                self.chain_start[m.start] = chain
                chain = None
        bounds = _clause_bounds(text, outer)
        self.clauses = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]

    def _outer(self, mentions: list[_Arg]) -> list[_Arg]:
        """The mentions no longer one holds, a side or a kind (巴方, 中资, 美国公司, 各区、县政府,
        escorts) kept as KIND: no named party, but it holds its place in the clause, so no name
        further off is taken for it."""
        text = self.text
        outer: list[_Arg] = []
        for m in sorted(_split_joined(mentions), key=lambda m: (m.start, -m.end)):
            # 各区、县政府: every one of a kind
            each = _EACH_BEFORE.search(text, 0, m.start) is not None
            # 在A、B陪同下: escorts
            each = each or any(a + 1 < m.start and m.end <= b for a, b in self.escorts)
            if (
                each
                or _GENERIC.fullmatch(m.text)
                or _place_and_kind(m.text)
                or (m.end - m.start == 1 and text.startswith(("方", "资"), m.end))
            ):
                m = _Arg(m.start, m.end, m.text, "KIND")
            if outer and m.start < outer[-1].end:
                continue  # inside a longer mention (甲市 in 甲市开发区…产业园)
            outer.append(m)
        return outer

    def _person_qualified(self, m: _Arg, nxt: _Arg) -> bool:
        """A person named by their tie to ``m`` (甲某先生的女儿乙某: the relative is the party), or
        by a post of ``m``, a country's one-character form (叙总统A, 俄总理B)."""
        if m.type == "PERSON" and _RELATIVE.fullmatch(self.text, m.end, nxt.start):
            return nxt.type == "PERSON"
        return self._form_before_post(m, nxt)

    def _form_before_post(self, m: _Arg, nxt: _Arg) -> bool:
        return (
            m.abbreviated
            and nxt.type == "PERSON"
            and load_rules().title_re.fullmatch(self.text, m.end, nxt.start) is not None
        )

    def _qualifies_next(self, i: int) -> bool:
        """A place or body before a title and a person (or before a body that qualifies one):
        中央纪委常委、监察部副部长赵洪祝, 西班牙首相阿斯纳尔, 中国首都北京市."""
        if i + 1 >= len(self.mentions):
            return False
        m, nxt = self.mentions[i], self.mentions[i + 1]
        if m.type == "PERSON" or m.abbreviated:
            return self._person_qualified(m, nxt)
        # 甲州（简称甲）州长A: an aside right after the name does not part it from its post; nor do
        # quotation marks (甲地「乙银行」总裁A, 甲地「财政部长」B: a name or post the paper quotes)
        gap = _QUOTE_MARKS.sub("", _ASIDE.sub("", self.text[m.end : nxt.start], count=1))
        if self._gap_ends_name(m, nxt, gap):
            return False
        if gap.endswith("、") and (_ends_in_title(gap[:-1]) or _DELEGATE.fullmatch(gap[:-1])):
            # 甲委员会副主任、乙协会会长A; 甲党代表、乙部副部长A: two posts of one person
            gap = gap[:-1]
        if _portfolios(m, gap, nxt):
            return nxt.type == "PERSON" or self._qualifies_next(i + 1)
        if not _qualifier_gap(nxt, gap):
            return False
        if _trigger_re().search(gap):
            return False  # 前往甲城会晤乙国总统A: a trigger verb between them
        if nxt.type == "PERSON" or gap == "":
            return True
        if m.type == "LOC" and nxt.type == "LOC" and "、" not in gap:
            return not self._journey(m, gap)
        return self._qualifies_next(i + 1)

    def _journey(self, m: _Arg, gap: str) -> bool:
        """Two places, the words between them a journey's (离开甲城去乙城), a verb (出访甲国以实现
        乙、丙关系) or a way back (访问甲国后回京): the first does not qualify the second."""
        left = re.search(r"(?:离开|飞离|从)$", self.text[: m.start])
        if left and _GO_TO.search(gap):
            return True
        return re.search(r"以|实现|[和与同对向从]|回(?!归)|返", gap) is not None

    def _gap_ends_name(self, m: _Arg, nxt: _Arg, gap: str) -> bool:
        """What stands between m and the next mention closes m's name: another country, a verb
        of saying, a dateline, the end of a list of places or of a visit's object."""
        if _side_by_side(m, nxt):
            return True  # no country qualifies another
        if _SAYING.search(gap):
            return True  # 访问甲国时指出乙国…: a verb of saying ends the name before it
        cut = _CLAUSE_END.search(self.text, m.end)
        if cut is not None and cut.start() <= nxt.start:
            return True  # 甲团据新华社北京电: a dateline ends the headline's name
        if "的" in gap and self.text[m.start - 1 : m.start] == "、":
            return True  # 访问乙国、丙国的秘书长A: 丙国 ends a list of places
        # 访问甲国的乙馆馆长A: the visit's object, 的 closes the clause
        return gap.startswith("的") and bool(
            _after_visit().search(self.text, max(0, m.start - 6), m.start)
        )

    def clause_of(self, pos: int) -> tuple[int, int]:
        return next((c for c in self.clauses if c[0] <= pos < c[1]), (pos, pos))

    def heads_in(self, start: int, end: int, types: tuple[str, ...]) -> list[_Arg]:
        return [m for m in self.heads if start <= m.start and m.end <= end and m.type in types]

    def head_from(self, pos: int) -> _Arg | None:
        """The head whose name, with its qualifiers (甲国总统A), starts at ``pos``."""
        return next((m for m in self.heads if self.chain_start[m.start] == pos), None)

    def listed(
        self, first: _Arg, end: int, types: tuple[str, ...], *, joint: bool = False
    ) -> list[_Arg]:
        """``first`` and the head mentions joined to it by 、 和 及 up to ``end`` (``joint``: also
        与/同, for parties acting together: 由A与B共同投资)."""
        out = [first]
        join = _JOINT_JOIN if joint else _LIST_JOIN
        for m in self.heads:
            if m.start < out[-1].end or m.end > end:
                continue
            if m.type in types and (
                join.match(_untagged_items(_KIND_ITEM.sub("", self._gap(out[-1].end, m.start))))
                or _side_by_side(out[-1], m, forms=True)
            ):
                out.append(m)
            else:
                break
        return out

    def _gap(self, start: int, end: int) -> str:
        """The joiner between two heads, without the qualifiers and title after it (和夫人朱琳 -> 和)."""
        gap = self.text[start:end]
        for m in reversed([m for m in self.mentions if start <= m.start and m.end <= end]):
            gap = gap[: m.start - start] + gap[m.end - start :]
        gap = re.sub(r"^[和及]夫人(?=[、和及])", "", gap)  # A和夫人、B: the unnamed spouse of A
        gap = re.sub(r"^(?:内地|大陆|本土)(?=[、和及])", "", gap)  # 甲国内地、乙国: a part of A
        # 和甲院（乙院）主席B: a gloss in brackets
        gap = re.sub(r"[（(][^（）()]{0,12}[）)]", "", gap)
        gap = gap.removeprefix(h.group()) if (h := _HONORIFIC.match(gap)) else gap  # A先生、B女士
        title = load_rules().title_re.match(gap)  # A总统、B外长: the post before the joiner
        if title is not None and _JOINER_TITLE.fullmatch(gap[title.end() :]):
            gap = gap[title.end() :]
        joined = _JOINER_TITLE.fullmatch(gap)
        post = joined.group("post") if joined else ""
        if joined and (
            not post
            or _JOINED_POST.fullmatch(post)
            or all(_ends_in_title(p) for p in post.split("、"))
        ):
            return joined.group(1)
        return gap

    def subject(self, clause: tuple[int, int], before: int, types: tuple[str, ...]) -> list[_Arg]:
        """The party that does what the text before ``before`` says: the nearest head of the
        clause that no preposition governs (与会人员学习了习近平…在: 习近平), with the list it
        belongs to; else the subject carried over from the previous clause; none after a pronoun."""
        topics = self._said(clause, before)
        heads = [
            m for m in self.heads if clause[0] <= m.start and m.end <= before and not _in(m, topics)
        ]
        modifier: _Arg | None = None  # 甲地和乙地争端的: a list in a modifier goes with it
        for i in range(len(heads) - 1, -1, -1):
            m = heads[i]
            if modifier is not None and _LIST_JOIN.match(self._gap(m.end, modifier.start)):
                modifier = m
                continue
            verdict = self._verdict(heads, i, clause, before, types)
            if verdict == _MODIFIER:
                modifier = m
            elif verdict != _SKIP:
                return verdict
        if _causes(self.text, clause[0], before):
            return []  # …，并允许外资入股甲行: the carried subject only allows it
        return self._headless(clause, before, heads, topics, types)

    def _said(self, clause: tuple[int, int], before: int) -> list[tuple[int, int]]:
        """Spans of the clause that name no subject: topics (就A问题), escorts, and a time frame
        closed before the verb (在甲乙条约缔结二十周年之际来华访问)."""
        topics = [t.span() for t in _TOPIC.finditer(self.text, clause[0], before)]
        topics += [(max(a, clause[0]), b) for a, b in self.escorts if a < before and clause[0] < b]
        return topics + [t.span() for t in _CLOSED_FRAME.finditer(self.text, clause[0], before)]

    def _verdict(
        self,
        heads: list[_Arg],
        i: int,
        clause: tuple[int, int],
        before: int,
        types: tuple[str, ...],
    ) -> list[_Arg] | str:
        """What heads[i] says of the subject: _SKIP (not it, look further left), _MODIFIER (it
        qualifies a later head, and so does a list it ends), or the subject itself (none: [])."""
        lead = self._lead(heads, i, clause[0])
        governed = self._governed(heads, i, lead, clause, before, types)
        if governed is not None:
            return governed
        m = heads[i]
        if _ADJUNCT_AFTER.match(self.text[:before], m.end) and not any(
            h.start > m.end for h in heads
        ):
            return _MODIFIER
        if i and _FRAME_OPEN.search(lead) and _FRAME_CLOSE.match(self.text[:before], m.end):
            return _SKIP  # A还将在出席B年会后访问C: B is the object of a clause of time
        if _PRONOUN.search(self.text[m.end : before]) or _COUNTED_PEOPLE.search(
            self.text, m.end, before
        ):
            return []
        if _SENDS.search(lead) and i:
            # 甲政府派出乙小组到丙国考察: the group sent is not who is named as visiting
            return _SKIP
        sends = (
            _SENDS.search(self.text, m.end, before)
            and m.type == "PERSON"
            and not _sent_by(self.text, m.end, before)
        )
        if (
            sends
            or _ORGANISES.search(self.text, m.end, before)
            or _causes(self.text, m.end, before)
        ):
            # A派遣特使访问B: the envoy, unnamed, visits (a body visits by its group);
            # 组织干部到A: they go
            return []
        if re.search(r"邀请$|邀$", lead):
            return []  # 邀请A访问B: an invitation, not a visit
        return self._subject_group(heads, i, clause, before, types)

    def _governed(
        self,
        heads: list[_Arg],
        i: int,
        lead: str,
        clause: tuple[int, int],
        before: int,
        types: tuple[str, ...],
    ) -> list[_Arg] | str | None:
        """heads[i] as the object of a verb or a preposition: _SKIP, the party of a nominal event
        after 对, or None when nothing governs it. ``lead`` is heads[i]'s (_lead)."""
        m = heads[i]
        first = self._list_start(heads, i)
        titled = (
            heads[first].type == "PERSON"
            and self.chain_start[heads[first].start] < heads[first].start
        )
        verb = _after_trigger().search(self._lead(heads, first, clause[0]))
        # (a titled name after a visit verb of a headline starts a sentence; after 会见 it is the guest)
        if verb is not None and (
            not titled or load_triggers().get(verb.group().rstrip("了")) == "meets"
        ):
            return _SKIP  # 结束访问A和B后会见C: A and B are the objects of 访问
        if lead == "的" and i and self._lead(heads, i - 1, clause[0]).endswith("在"):
            return _SKIP  # 在甲市的乙饭店会见了A: the place's own place is no subject either
        listed = i and _LIST_JOIN.match(self._gap(heads[i - 1].end, m.start))
        if not _GOVERNED.search(lead) or self._framed(m, i, lead, clause, before) or listed:
            return None
        later = range(i + 1, len(heads))  # each a head a preposition governs (在B, 同C)
        if (
            lead.endswith("对")
            and m.type in types
            and all(_GOVERNED.search(self._lead(heads, k, clause[0])) for k in later)
        ):
            return [m]  # 对甲总统来华访问表示欢迎, 对A即将在B同C举行的会谈: a nominal event's party
        return _SKIP

    def _framed(self, m: _Arg, i: int, lead: str, clause: tuple[int, int], before: int) -> bool:
        """在 opens a frame of time, not a place: 在…期间, or 将于下月在A与B举行的会晤期间 and
        待到A与B会晤之后, where 在 frames the meeting, whose first party A is."""
        if not i and lead in ("在", "就在") and _TIME_FRAME.search(self.text, *clause) is not None:
            return True
        return (
            m.type == "PERSON"
            and lead.endswith(("在", "待到", "等到", "直到"))
            and _FRAMED_MEETING.match(self.text, before, clause[1]) is not None
        )

    def _subject_group(
        self,
        heads: list[_Arg],
        i: int,
        clause: tuple[int, int],
        before: int,
        types: tuple[str, ...],
    ) -> list[_Arg]:
        """The list heads[i] belongs to, with its leader, as the subject; none when its members
        are unnamed."""
        i = self._list_start(heads, i)
        group = [
            a
            for a in self.listed(heads[i], before, types)
            if a.type in types and not _ESCORT.match(self.text[a.end : a.end + 4])
        ]
        if group and all(self._post_unnamed(a) for a in group):
            return []  # 甲委员会委员和乙会常委，分别视察: members, no one named
        last = group[-1] if group else None
        # (乙局的同志到丙院参观: a body's members stand for the body)
        members = (
            last is not None and last.type == "ORG" and _BODY_MEMBERS.match(self.text, last.end)
        )
        if last and _unnamed(self.text[:before], last.end) and not members:
            return []
        if last and _UNNAMED_DUI.search(self.text[last.end : before]):
            return []  # 代表A对B来华访问表示欢迎: the event belongs to the unnamed 对-phrase
        if group and group[0] is heads[0]:
            return (
                self._carried_leader(group[0], types)
                + group
                + self._bare_list_before(clause, types)
            )
        return self._leader(heads, i, types) + group

    def _headless(
        self,
        clause: tuple[int, int],
        before: int,
        heads: list[_Arg],
        topics: list[tuple[int, int]],
        types: tuple[str, ...],
    ) -> list[_Arg]:
        """No head of the clause is the subject: 他 opening it stands for the one person named
        before; a clause with a subject of its own that is no name has none; else the subject is
        carried over from the previous clause."""
        # names and topics (就A问题) say no subject
        said = [(m.start, m.end) for m in heads] + topics
        lead = "".join(
            c
            for k, c in enumerate(self.text[clause[0] : before], clause[0])
            if not any(a <= k < b for a, b in said)
        )
        if any(a <= clause[0] and min(b, before) >= before - 2 for a, b in topics):
            lead = ""  # the clause so far is all escorts: the subject is carried
        he = _HE.match(lead)
        rest = lead[he.end() :] if he is not None else ""
        if (
            he is not None
            and len(_ADVERBIAL.sub("", rest)) <= 6
            and not (_PRONOUN.search(rest) or _SENDS.search(rest))
            and "PERSON" in types
        ):
            return self._antecedent(clause[0])  # 甲说，他将访问乙: the one person named before
        glad = _GLAD.match(lead)
        if (
            glad
            and _OWN_ACT.match(lead, glad.end())
            and self._after_speech(clause)
            and "PERSON" in types
        ):
            return self._antecedent(clause[0])  # 甲表示，很高兴访问乙: as 他
        # an adverb of sequence that opens the clause (随即…前往) says nothing of its length
        opened = _SEQUENCE.match(lead)
        if (
            _PRONOUN.search(lead)
            or len(_ADVERBIAL.sub("", lead[opened.end() if opened else 0 :])) > 6
        ):
            return []  # a long clause of its own has a subject that is no name
        if _KIND_SUBJECT.search(lead) or _UNNAMED_DUI.search(lead) or _SENDS.search(lead):
            # 参会人员又到A参观; 对某议长来访表示欢迎; 并派特使来A访问: the event is an unnamed party's
            return []
        return self._carried(clause, types)

    def _after_speech(self, clause: tuple[int, int]) -> bool:
        prev = self.clause_before(clause)
        return prev is not None and _SPEECH.search(self.text, prev[0], prev[1]) is not None

    def _lead(self, heads: list[_Arg], k: int, start: int) -> str:
        """The text between heads[k]'s name chain and the head before it (or ``start``): where a
        preposition that governs it (在B, 同C) or a verb whose object it is stands."""
        return self.text[heads[k - 1].end if k else start : self.chain_start[heads[k].start]]

    def _antecedent(self, pos: int) -> list[_Arg]:
        """Who 他/她 opening a clause is: the sentence's one person named before it (not a
        reporter of the byline); none when two are."""
        people = {
            m.text: m
            for m in self.heads
            if m.end <= pos and m.type == "PERSON" and not _REPORTER.search(self.text, 0, m.start)
        }
        return list(people.values()) if len(people) == 1 else []

    def _leader(self, heads: list[_Arg], i: int, types: tuple[str, ...]) -> list[_Arg]:
        """A率(领)B代表团访问C: the person who leads the subject goes too."""
        prev = heads[i - 1] if i else None
        lead = self.text[prev.end : self.chain_start[heads[i].start]] if prev is not None else ""
        if "，" in lead:
            return self._carried_leader(heads[i], types)
        if (
            prev is None
            or prev.type != "PERSON"
            or prev.type not in types
            or not _LEADS_GROUP.fullmatch(_without_adverbs(lead))
        ):  # A10日率B团
            return []
        return [prev]

    def _carried_leader(self, group: _Arg, types: tuple[str, ...]) -> list[_Arg]:
        """甲离开北京，率乙代表团对丙国进行访问: a clause that opens with 率(领) a group has the
        previous clause's subject as its leader, who goes too."""
        if "PERSON" not in types:
            return []
        clause = self.clause_of(group.start)
        lead = self.text[clause[0] : self.chain_start[group.start]]
        if not _LEADS_GROUP.fullmatch(_without_adverbs(lead)):
            return []
        if any(
            h.type == "PERSON"
            and group.end < h.start < clause[1]
            and self.text.endswith("的", 0, self.chain_start[h.start])
            for h in self.heads
        ):
            return []  # 率乙代表团访问丙国的甲某: a clause on the person after it, who leads
        return [a for a in self._carried(clause, ("PERSON",)) if a.type == "PERSON"]

    def _list_start(self, heads: list[_Arg], i: int) -> int:
        """The index of the first of the list (A、B和C) that ``heads[i]`` ends."""
        while i and (
            _LIST_JOIN.match(self._gap(heads[i - 1].end, heads[i].start))
            or _side_by_side(heads[i - 1], heads[i])
        ):
            i -= 1
        return i

    def list_ending(self, clause: tuple[int, int], end: int, types: tuple[str, ...]) -> list[_Arg]:
        """The list of heads that ends at ``end`` (A总统和B主席 of …举行的会谈), when no
        preposition governs it."""
        heads = [h for h in self.heads if clause[0] <= h.start and h.end <= end]
        if not heads or heads[-1].end != end:
            return []
        i = self._list_start(heads, len(heads) - 1)
        return (
            []
            if _GOVERNED.search(self._lead(heads, i, clause[0]))
            else [h for h in heads[i:] if h.type in types]
        )

    def next_subject(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        """The subject of the clause after ``clause``: its first head, with only a few words (no
        preposition) before it."""
        after = self.clauses_after(clause)
        if not after:
            return []
        nxt = after[0]
        heads = self.heads_in(nxt[0], nxt[1], _PARTIES)
        if not heads or heads[0].type not in types:
            return []
        lead = self.text[nxt[0] : self.chain_start[heads[0].start]]
        if len(lead) > 6 or _GOVERNED.search(lead) or _PRONOUN.search(lead):
            return []
        return self.listed(heads[0], nxt[1], types)

    def clauses_after(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """The clauses of the sentence after ``clause`` (none when it is no clause of it)."""
        return self.clauses[self.clauses.index(clause) + 1 :] if clause in self.clauses else []

    def clause_before(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        index = self.clauses.index(clause) if clause in self.clauses else 0
        return self.clauses[index - 1] if index else None

    def _bare_list_before(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        """中央纪委副书记曹庆泽，中央纪委常委、监察部副部长赵洪祝考察: a clause that is only a titled
        name (or a list of them: 副委员长A、B、C，检察长D来到) belongs to the subject of the next
        one, and so does each such clause before it (A副主席B，C委员D，E委员F会见)."""
        out: list[_Arg] = []
        prev = self.clause_before(clause)
        while prev is not None:
            heads = self._bare_list(prev, types)
            if not heads:
                break
            out = heads + out
            prev = self.clause_before(prev)
        return out

    def _bare_list(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        """The titled names that are all of ``clause``, which a comma ends (none if it is more)."""
        heads = self.heads_in(clause[0], clause[1], types)
        if not heads or heads[-1].end != clause[1] or any(h.type != "PERSON" for h in heads):
            return []
        if self.listed(heads[0], clause[1], ("PERSON",)) != heads:
            return []
        inner = [m for m in self.mentions if clause[0] <= m.start < heads[0].start]
        titled = (inner and inner[0].start == clause[0]) or load_rules().title_re.match(
            self.text, clause[0]
        ) is not None
        if not titled or self.text[clause[1] : clause[1] + 1] not in "，,":
            return []
        return heads

    def _carried(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        index = self.clauses.index(clause) if clause in self.clauses else 0
        for prev in reversed(self.clauses[:index]):
            text = self.text[prev[0] : prev[1]]
            if text.endswith("陪同下"):
                return self._escorted(prev[1], types)  # A在B的陪同下，参观了C
            if _SPEECH.search(text) and not _HEARD.search(text) or "陪同" in text or "见证" in text:
                return []
            led = _led_spans(self.text, prev)
            heads = [
                m
                for m in self.heads_in(prev[0], prev[1], ("PERSON", "ORG", "LOC"))
                if not _in(m, led)
            ]
            if not heads:
                continue
            glued = self._headline_end(prev, heads)
            heads = heads[glued:]
            lead = self.text[prev[0] : self.chain_start[heads[0].start]]
            verb = re.search(r"[了过](?P<post>[\u4e00-\u9fff]{0,10})$", lead)
            if verb is not None and (not verb.group("post") or _ends_in_title(verb.group("post"))):
                continue  # 拜会了(总理)A，访问了B: A is the object of a clause whose subject is earlier
            if (
                not glued
                and _after_trigger().search(lead)
                and lead[:1] not in "在从"
                and not self.text.startswith("的", heads[0].end)  # 应邀访问甲地的乙某: a modifier
            ):
                continue  # 会晤甲国总理A，并致辞，然后会见B: A is met, the subject is earlier
            found = self._carried_from(prev, heads, clause, types)
            if found is not None:
                return found
        return []

    def _headline_end(self, prev: tuple[int, int], heads: list[_Arg]) -> int:
        """甲国总理访问乙国丙国总理丁某今天抵达…: a headline run into its lead (the line break
        lost): the trigger's object, a country, glued to the country that opens a titled person's
        name chain. The lead's heads start at that person (0: no such headline)."""
        for k, h in enumerate(heads):
            if h.type != "PERSON" or self.chain_start[h.start] == h.start:
                continue  # no titled name chain
            chain = [
                m
                for m in self.mentions
                if self.chain_start[h.start] <= m.start and m.end <= h.start
            ]
            # two countries glued (乙国丙省省长 is one chain: a place in a country qualifies)
            glued = len(chain) >= 2 and chain[0].end == chain[1].start
            if (
                glued
                and _country(chain[0])
                and _country(chain[1])
                and _after_trigger().search(self.text, prev[0], chain[0].start)
            ):
                return k
        return 0

    def _carried_from(
        self,
        prev: tuple[int, int],
        heads: list[_Arg],
        clause: tuple[int, int],
        types: tuple[str, ...],
    ) -> list[_Arg] | None:
        """The subject an earlier clause ``prev`` hands on (its first head's list, with the body it
        leads), none, or None when the subject lies further back."""
        first = heads[0]
        if first.type not in types or _GOVERNED.search(self.text[prev[0] : first.start]):
            topic = self._topic(prev, heads, types) or self._qualified_subject(heads, types)
            if topic or first.type == "PERSON":
                return topic
            return None  # 去A访问时，得到甲国大使的接待，去B访问: the subject is further back
        pronoun = _PRONOUN.search(self.text[prev[0] : first.start])
        if _unnamed(self.text, first.end) or (pronoun and pronoun.end() < first.start - prev[0]):
            # 我研究甲大学，…，来考察乙: 甲 is the object of a pronoun's clause (not 我们甲团)
            return []
        said = _SAYS.match(self.text, first.end)
        if said is not None and not self.text.startswith("并", clause[0], clause[1]):
            # A称B愿…，…会谈: the clause said is B's (A宣布…，并访问C: 并 goes on with A's own acts)
            speaker_of = next((h for h in heads if h.start == said.end()), None)
            if speaker_of is not None and speaker_of.type in types:
                return self.listed(speaker_of, prev[1], types)
            return []
        group = self.listed(first, prev[1], types)
        led_group = next((h for h in heads if h.start > group[-1].end), None)
        if (
            led_group is not None
            and led_group.type in types
            and _LEADS.fullmatch(self.text[group[-1].end : self.chain_start[led_group.start]])
        ):
            group = [*group, led_group]  # A率领B代表团离开北京，开始对C访问: B goes too
        if all(self._post_unnamed(a) for a in group):
            return []
        if self._bare_list(prev, types) == group:
            return self._bare_list_before(prev, types) + group
        return group

    def _qualified_subject(self, heads: list[_Arg], types: tuple[str, ...]) -> list[_Arg]:
        """应邀对甲国进行访问的副主席A结束了…: a person after a clause that qualifies them (…的A)
        and before a verb of their own is the subject."""
        for h in heads:
            lead = self.text[heads[0].start : self.chain_start[h.start]]
            k = lead.rfind("的")
            qualified = (
                h.type == "PERSON"
                and k >= 0
                and (k == len(lead) - 1 or _ends_in_title(lead[k + 1 :]))
            )
            # 由甲舰和乙舰组成的丙编队驶抵…: the body the 由-clause makes up
            made_of = (
                h.type == "ORG"
                and lead.endswith("组成的")
                and self.text.endswith("由", 0, self.chain_start[heads[0].start])
            )
            if (qualified or made_of) and h.type in types:
                return [] if self.text.startswith(("的", "、", "和"), h.end) else [h]
        return []

    def _post_unnamed(self, m: _Arg) -> bool:
        """A body or place followed by a post and no name (甲委员会委员和…, 同甲国总统、总理的会谈):
        its unnamed holders."""
        title_re = load_rules().title_re
        # 甲国国防部|长: the post may start on the body's last character
        post = (
            (title_re.match(self.text, m.end) or title_re.match(self.text, m.end - 1))
            if m.type in ("ORG", "LOC")
            else None
        )
        return post is not None and not any(h.start == post.end() for h in self.heads)

    def _escorted(self, end: int, types: tuple[str, ...]) -> list[_Arg]:
        """The party escorted in 甲在乙、丙的陪同下 (ending at ``end``): the name right before 在."""
        opening = self.text.rfind("在", 0, end)
        while opening > 0:
            before = [h for h in self.heads if h.end <= opening]
            between = _without_adverbs(self.text[before[-1].end : opening]) if before else None
            if between is not None and (
                between == "" or _ends_in_title(between)
            ):  # 甲副总理在夫人陪同下
                group = self.list_ending((0, opening), before[-1].end, types)
                return group if group and all(h.type in types for h in group) else []
            opening = self.text.rfind("在", 0, opening)
        return []

    def _topic(
        self, clause: tuple[int, int], heads: list[_Arg], types: tuple[str, ...]
    ) -> list[_Arg]:
        """应邀对甲国进行访问的副主席A，今天到B访问: a clause whose first name is no subject, but
        which ends on a person, is that person's noun phrase; the person is the next clause's subject."""
        last = heads[-1]
        tail = self.text[last.end : clause[1]]  # …的国家副主席A， or …的A、B等外宾，
        if (
            last.type != "PERSON"
            or last.type not in types
            or not re.fullmatch(r"(?:等[\u4e00-\u9fff]{0,4})?", tail)
        ):
            return []
        listed = heads[self._list_start(heads, len(heads) - 1) :]
        if _after_trigger().search(self.text, clause[0], self.chain_start[listed[0].start]):
            return []  # 在甲地会见乙国国王A，与B会谈: A is the object met, the subject is further back
        return [m for m in listed if m.type in types]
