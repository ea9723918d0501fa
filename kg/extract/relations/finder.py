"""RelationFinder: match a trigger verb outside any entity, then annotate it with the arguments
its relation type takes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.relations.amounts import normalise_amount
from kg.extract.relations.arguments import (
    _abbreviated,
    _abbreviated_pair,
    _aforesaid,
    _attended,
    _co_listed,
    _cut_short,
    _declared_short_forms,
    _Found,
    _framed_guest,
    _gone_to,
    _gone_with,
    _guest_named,
    _in_led,
    _included,
    _invested_by,
    _invested_place,
    _invited_after,
    _kind_after,
    _latin_people,
    _listed_for_count,
    _named_places,
    _near,
    _no_party,
    _of_place_in,
    _on_behalf,
    _over_pair,
    _own_country,
    _owner_end,
    _parties_fit,
    _party,
    _places_after,
    _places_after_relative,
    _post_holders,
    _region_counted,
    _relative,
    _stop_named,
    _title_scope,
    _titled_surnames,
    _untaken,
    _visited_object_end,
    _with_listed,
    _with_partners,
    _written_out,
)
from kg.extract.relations.grammar import (
    _Arg,
    _country,
    _ends_in_title,
    _in,
    _led_spans,
    _side_by_side,
    _unnamed,
)
from kg.extract.relations.lexicon import (
    _trigger_re,
    country_abbreviations,
    frame_triggers,
    load_triggers,
)
from kg.extract.relations.patterns import (
    _AGENTS,
    _AGREEMENT,
    _AMOUNT,
    _BOTH,
    _COUNTRIES_AFTER,
    _GO_TO,
    _HOSTED,
    _KIND_ITEM,
    _MEMBERS,
    _PARTIES,
    _PLACES,
    _PROBES,
    _PRONOUN,
    _STOP,
    _TIME_AFTER,
    _TIME_FRAME,
    _TOPIC,
    _TREATY,
)
from kg.extract.relations.sentence import _Sentence
from kg.extract.rules import load_rules
from kg.extract.words import DATELINE
from kg.schema import Extraction, Mention, Relation

# Words that say the event did not happen (planned ones, 将访问, do count).
_NEGATION = re.compile(
    r"(?:没有|没|未|不|拒绝|取消|推迟|无法|不再|不会|不能|反对)(?:再|曾|能|会|去|来)?$"
)


# The verb as the noun that is conveyed, ending its clause (表示慰问, 致以节日的慰问, 转达了甲的慰问);
# not 表示将访问, nor a visit that goes on (表示…对甲国的访问将…)
_CONVEYED = re.compile(
    r"(?:表示|致以|转达|表达|送去|带去|捎去|带来|送来)了?(?:[^，,。；;]{0,10}[的和])?$"
)


# A call made from afar (电话慰问, 致电慰问) is no visit (电话会谈 is a meeting)
_FROM_AFAR = re.compile(r"(?:电话|致电|来电|去电|致函|写信|来信)$")


# Talks called off, their other party in between (中断了同甲国的会谈): no meeting. (A contract
# ended, 中断与甲签订的合同, was still signed.)
_CALLED_OFF = re.compile(r"(?:中断|推迟|取消|拒绝|暂停|停止)了?(?:同|与|跟|和)[^，,。；;]{1,20}$")


# Investment nouns and names: 投资者, 投资环境, 投资集团 … are no investment event.
_NOT_INVEST_AFTER = re.compile(
    r"者|环境|额|总额|方|人|商|公司|集团|基金|银行|规模|计划|需求|增长|同比|热|力度|主体|收益|成本|意向|领域|重点|机会|政策|风险"
    r"|目标|方向|渠道|结构|效益|体制|机制|导向|布局|格局|比例|回报|前景"
    # 合资企业, 投资企业: kinds of enterprise; 合资格 is "qualified"; 投资大户 is an investor
    r"|企业|格|大户(?!型)"
    # 投资协定, 投资协议: an agreement's name
    r"|协定|协议"
)


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


# A treaty right before its signing verb (甲乙和平友好条约缔结, 协议签订后) is its subject: who
# signed it is not said.
_TREATY_SIGNED = re.compile(r"(?:条约|协定|公约|协议|议定书)$")


# 签约国, 签署方 (not 签署国内…, 签订方案)
_SIGNATORY = re.compile(r"国(?![内际外家有营企])|方(?![案面式法向针])|者")


# Verbs of what money builds, founds, mends or buys (投资N元兴建A, …，治理A河, 出资收购B厂)
_BUILDS = (
    r"(?:创办|创建|兴建|建成|建设|建立|修建|新建|新修|扩建|改建|成立|组建|设立|开办|兴办|建起|实施"
    r"|启动|改造|治理|整治|根治|修复|翻修|维修|修缮|收购|兼并|购进|经营)"
)


_BUILT_IN = re.compile(r"(?:了|于)?在[^，,；;。]{1,40}?" + _BUILDS + r"(?:了|的)?")


_BUILT_NEXT = re.compile(r"[，,]" + _BUILDS + r"了?")


_PLACE_MODIFIER = re.compile(r"[\u4e00-\u9fff]{1,6}的")


_OWN_VERB = re.compile(r"做|(?<![工合创制动写])作|接受|参加|出席|举行|召开")  # not 工作访问


_WITH = re.compile(
    r"(?<![共参给])与(?!会)|(?<![共相等一如联偕会])同(?![时意样期比等行志事学胞])|跟"
)


_PARTNER = re.compile(_WITH.pattern + r"|(?<![温平])和(?![平谐])")


# Between 投资 and its amount: 投资总额将达到N亿元.
_AMOUNT_LEAD = re.compile(
    r"(?:总额|预计|将|已|高达|达到?|约|近|超过|逾|共计?|累计|总计|为|了|人民币)*"
)


_PASSIVE = re.compile(
    rf"(?:(?:受到|得到|获得|感谢)(?:了)?([^，。；]{{1,30}}?)的[^，。；的]{{0,8}}?(?={_HOSTED})"
    rf"|对([^，。；]{{1,30}}?)的[^，。；的]{{0,8}}?(?={_HOSTED}表示(?:衷心|诚挚)?的?感谢)"
    # 感谢A会见, 感谢A在百忙中会见他们: the verb with no guest named after it
    rf"|感谢([^，。；的]{{1,30}}?)(?:在百忙之?中)?(?={_HOSTED}了?(?:[他她我]们?)?(?:[，。；]|$)))"
)


_BUILT_LATER = re.compile(_BUILDS + r"了?")


_PROBE = re.compile(r"(?:的[^，。；的]{0,6}?|[”\"]?号)" + _PROBES)  # after a name: 甲局的无人探测器


_PROBE_NAME = re.compile(r"号" + _PROBES + "$")  # a name of one: 乙号探测器


_HIS = re.compile(
    r"(?<![其])[他她](?![们])(?:\d+月|去年|今年|明年|本月|上月|下月|[上中下]旬|即将|将要|将|曾经|曾|此次|这次){0,3}$"
)


_NOT_WITH = re.compile(r"(?:不|没有|未|拒绝|要求|希望|建议|提议|呼吁)(?:再|能|会|愿)?$")


_OTHER_TALK = re.compile(r"商谈|商讨|讨论|磋商|协商|谈判|交换意见")


# A nominal visit that goes on, opens or ends, its places before it (继续甲国的访问)
_GOES_ON = re.compile(r"(?:继续|展开|开始|结束)了?(?:在|对)?")


_GUESTS_KIND = re.compile(r"(?:等[\u4e00-\u9fff]{0,10}(?:代表|人士|官员|成员|客人|一行|人))?")


# the two only name the document (出席甲与乙投资协定的签署仪式), not 甲与乙完成了协定的签署
_DOCUMENT_BEFORE = re.compile(
    r"(?:(?!举行|完成|进行|了)[^，。；]){0,12}?(?:协定|协议|条约|备忘录|合同|公报)的"
)


_ENDED = re.compile(r"(?:前|后|以后|之后)$")


# and 会谈场所: a place for one
_ONLY_POSSIBLE = re.compile(r"的(?:可能性?|前景|条件|前提|障碍)|场所|地点")


# 会 + 谈起 (都会谈起): a modal verb and "talk of", no 会谈
_MODAL_SPLIT = re.compile(r"会谈[起及]")


# A verb of going that is a clause of its own before the visit (到甲地，了解情况，走访农户)
_GONE_TO = re.compile(
    r"(?:来到|下到|赶到|到达|抵达|前往|[分赶奔]?赴|深入到?|(?<![得看听受达遇])到)(?=\w)"
)


# What may follow the place gone to in that clause: a kind of area, or 后 (来到甲村后)
_GONE_TAIL = re.compile(
    r"(?:[\u4e00-\u9fff]{0,2}(?:灾区|地区|一线|农村|基层|现场|乡村|社区))?(?:后|以后|之后)?"
)


class RelationFinder:
    def __init__(self) -> None:
        self.triggers = load_triggers()

    def find(
        self, extraction: Extraction, model_names: Sequence[tuple[int, int, str, str]] = ()
    ) -> list[Relation]:
        """``model_names``: (start, end, text, label) the model found that are no mention (a
        foreign name without a Chinese surname); they may be parties where no mention overlaps."""
        article = extraction.article
        by_sentence: dict[int, list[Mention]] = {}
        for m in extraction.mentions:
            if m.sentence >= 0 and m.start >= 0:
                by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Relation] = []
        pattern = _trigger_re()
        people = sorted(
            {m.text for m in extraction.mentions if m.type == "PERSON" and 2 <= len(m.text) <= 4}
        )
        post_holders = _post_holders(extraction, people)
        declared = _declared_short_forms(article.text, extraction.mentions)
        for index, sentence in enumerate(article.sentences):
            if pattern.search(sentence.text) is None:
                continue
            mentions = by_sentence.get(index, [])
            args = [
                _Arg(
                    m.start - sentence.start,
                    m.end - sentence.start,
                    declared.get(m.text, m.text),
                    "PERSON" if m.text in post_holders else m.type,
                )
                for m in mentions
                if sentence.start <= m.start and m.end <= sentence.end
            ]
            args += [
                _Arg(start - sentence.start, end - sentence.start, text, label)
                for start, end, text, label in model_names
                if (
                    end - start >= 2 or label != "ORG"
                )  # a one-character body (联 of 联大) is noise
                and sentence.start <= start
                and end <= sentence.end
                and not any(
                    a.start < end - sentence.start and start - sentence.start < a.end for a in args
                )
            ]
            abbr = country_abbreviations()
            # a one-character place (俄 of 俄日, a mention of 俄罗斯) is a country form too
            args = [
                _Arg(
                    a.start,
                    a.end,
                    abbr.get(a.text, a.text),
                    a.type,
                    a.text in abbr or _written_out(a),
                )
                for a in args
            ]
            # 中美政府, 中|美政府: the model's span over a pair of country forms gives way to the pair.
            args = [a for a in args if not _over_pair(sentence.text, a, abbr)]
            args = [a for a in args if not _no_party(sentence.text, a)]
            # 新华社安曼1月14日电: a dateline names the agency and the city of filing, never a person
            datelines = [d.span() for d in DATELINE.finditer(sentence.text)]
            args = [a for a in args if a.type != "PERSON" or not _in(a, datelines)]
            latin = _latin_people(sentence.text)
            args = [a for a in args if not _cut_short(a, latin)]
            args += _untaken(latin, args)
            args += _abbreviated(sentence.text, 0, len(sentence.text), args)
            args += _own_country(sentence.text, args)
            args += _titled_surnames(sentence.text, args, people)
            sent = _Sentence(sentence.text, args)
            seen: set[tuple[str, str, str]] = set()
            for t in pattern.finditer(sentence.text):
                if any(a.start <= t.start() < a.end for a in sent.mentions):
                    continue  # part of a name (某某投资集团)
                if _MODAL_SPLIT.match(sentence.text, t.start()):
                    continue
                relation = self.triggers[t.group()]
                where, off = _title_scope(sent, t.start())
                found = self._arguments(where, relation, t.start() - off, t.end() - off)
                for source, target, amount in found:
                    key = (relation, source.text, target.text)
                    if source.text == target.text or key in seen:
                        continue
                    seen.add(key)
                    out.append(
                        Relation(
                            relation=relation,
                            source=source.text,
                            target=target.text,
                            trigger=t.group(),
                            sentence=index,
                            source_type=source.type,
                            target_type=target.type,
                            source_start=sentence.start + off + source.start,
                            target_start=sentence.start + off + target.start,
                            trigger_start=sentence.start + t.start(),
                            amount=normalise_amount(amount) if amount else None,
                            amount_text=amount,
                        )
                    )
        return out

    def _arguments(self, s: _Sentence, relation: str, t0: int, t1: int):
        text = s.text
        if _NEGATION.search(text[max(0, t0 - 4) : t0]):
            return []
        clause = s.clause_of(t0)
        if _CONVEYED.search(text, clause[0], t0) and re.match(
            r"[和与及]|之情|$", text[t1 : clause[1]]
        ):
            return []  # 对甲地表示慰问, 致以节日的慰问和祝福: greetings sent, no one went
        if _ONLY_POSSIBLE.match(text, t1) or (
            re.search(r"(?:探讨|研究|考虑)$", text[clause[0] : t0])
            and re.search(r"的可能性?$", text[t1 : clause[1]])
        ):
            return []  # A与B会晤的前景, 探讨签订甲协定的可能性: what may happen, no event
        if relation == "visits":
            return self._visits(s, clause, t0, t1)
        if relation == "meets":
            return self._meets(s, clause, t0, t1)
        if relation == "signs_with":
            if _SIGNATORY.match(text, t1) or re.search(r"(?:有关|关于)$", text[:t0]):
                return []  # 签约国, 签署方: a signatory named as a kind, no event
            if re.search(r"(?:参与|参加)$", text[:t0]):
                return []  # 甲乙两国参与签署了…文件: signatories of a text for many, not with each other
            if _TREATY_SIGNED.search(text[clause[0] : t0]):
                return []  # 甲乙友好条约缔结N周年: the names are the treaty's, its parties unstated
            return self._pairs(s, clause, t0, t1, _PARTIES, objects=False)
        return self._invests(s, clause, t0, t1)

    def _meets(self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int):
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
            return self._passive(s, clause, passive)
        # talks between countries (A与B举行会谈): a country stands for its government
        types = _PARTIES if text[t0:t1] in frame_triggers("talks") else _AGENTS
        pairs = self._pairs(s, clause, t0, t1, types, objects=True)
        return [p for p in pairs if all(a.type != "LOC" or _country(a) for a in p[:2])]

    @staticmethod
    def _passive(s: _Sentence, clause: tuple[int, int], passive: re.Match[str]):
        """A受到B的接见: B hosts, A is met."""
        start, end = next(passive.span(g) for g in (1, 2, 3) if passive.group(g) is not None)
        first = next((m for m in s.heads if m.start >= start and m.end <= end), None)
        if first is None or first.type not in _AGENTS or s.chain_start[first.start] - start > 10:
            return []
        hosts = s.listed(first, end, _AGENTS)
        guests = s.subject(clause, passive.start(), _AGENTS)
        return [(host, guest, None) for host in hosts for guest in guests]

    def _visits(self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int):
        """The places of a visit, each strategy in turn (a place gone to, 对-phrase, the places
        after the verb, a place after a relative clause), then who visits them."""
        if _FROM_AFAR.search(s.text, clause[0], t0):
            return []
        found = (
            self._went_to(s, clause, t0, t1)
            or self._visited_dui(s, clause, t0, t1)
            or self._visit_going_on(s, clause, t0)
        )
        if found is None:
            after = _places_after(s, clause, t1) or _places_after_relative(s, clause, t1)
            found = _Found(after, t0)
        if found.done is not None:
            return found.done
        targets = _named_places(s.text, found.targets)
        if not targets and (gone := self._gone_before(s, clause, t0)) is not None:
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
        visitors = self._visitors(s, clause, found.subject_end, t0, t1)
        return [(src, tgt, None) for src in visitors for tgt in targets]

    def _went_to(self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> _Found | None:
        """到A、B，C进行调研: the places after a verb of going (or a locative 在) before the
        trigger; the destination list may run over commas back to that verb."""
        text = s.text
        for go in reversed(list(_GO_TO.finditer(text, 0, t0))):
            found = self._place_list(s, go.end(), t0)
            counted = _aforesaid(s, go.end(), t0) if not found else []
            if counted:  # the places are named earlier, where what follows them is no matter
                visitors = self._visitors(s, clause, go.start(), t0, t1)
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

    @classmethod
    def _gone_before(cls, s: _Sentence, clause: tuple[int, int], t0: int) -> _Found | None:
        """到甲地，了解情况，走访农户; 来到乙村后逐户走访: a verb whose clause names
        no place is done where an earlier clause of the same subject went, a few clauses back."""
        if s.heads_in(clause[0], t0, _AGENTS) or s.heads_in(t0, clause[1], _PLACES):
            return None  # a subject or an object of its own
        for back in reversed([c for c in s.clauses if c[1] <= clause[0]][-3:]):
            gone = list(_GONE_TO.finditer(s.text, back[0], back[1]))
            if gone:
                go = gone[-1]  # the last verb of going in that clause
                places = cls._place_list(s, go.end(), back[1])
                if not places or not _GONE_TAIL.fullmatch(s.text, places[-1].end, back[1]):
                    return None  # 前往甲地与会: gone there for something else
                return _Found(places, go.start())
            if s.heads_in(back[0], back[1], _AGENTS + _PLACES):
                return None  # a clause with names of its own stands between
        return None

    @classmethod
    def _visit_going_on(cls, s: _Sentence, clause: tuple[int, int], t0: int) -> _Found | None:
        """继续甲国乙市的访问, 展开在甲和乙的访问行程: the places of a nominal visit that goes on,
        opens or ends are visited, and so is a place gone to just before (抵达甲市，展开乙国的访问)."""
        go = _GOES_ON.search(s.text, clause[0], t0)
        places = cls._place_list(s, go.end(), t0) if go is not None else []
        if not places:
            return None
        gone = cls._gone_before(s, clause, t0)
        return _Found((gone.targets if gone is not None else []) + places, go.start())

    def _visited_dui(
        self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int
    ) -> _Found | None:
        """对甲国进行访问, 对甲省乙市的访问, 对上述3国进行访问: the places of a 对-phrase before the
        trigger, with the owner of a nominal visit (甲主席对乙国的访问) as the visitor."""
        text = s.text
        dui = text.rfind("对", clause[0], t0)
        if dui < 0:
            return None
        counted = _aforesaid(s, dui + 1, t0)
        if counted:  # 对上述3国进行访问
            visitors = self._visitors(s, clause, dui, t0, t1)
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
            owner = s._leader(s.heads, s.heads.index(owner[0]), _AGENTS) + owner
            return _Found([], t0, [(src, tgt, None) for src in owner for tgt in targets])
        if nominal and _HIS.search(text, clause[0], dui):  # 回顾了他去年对乙国的访问: his
            return _Found(
                [], t0, [(src, tgt, None) for src in s._antecedent(dui) for tgt in targets]
            )
        return _Found(targets, dui)

    @staticmethod
    def _visitors(
        s: _Sentence, clause: tuple[int, int], subject_end: int, t0: int, t1: int
    ) -> list[_Arg]:
        text = s.text
        # the clause the subject is sought in: the one before the locative verb, or the trigger's
        # own when that verb opens it (，前往A访问)
        own = s.clause_of(subject_end - 1 if subject_end > 0 else 0)
        if own[0] == own[1]:  # the locative verb opens its clause (，前往A访问)
            own = s.clause_of(subject_end)
        sources = _relative(s, clause, t1)
        if sources is None and (obj := _visited_object_end(s, clause, t0, t1)) is not None:
            # 曾多次访问甲国的乙馆馆长A: the places visited, then the titled visitor after 的
            sources = _relative(s, clause, obj) or None
        if sources is None:
            sources = s.subject(own if own[0] <= subject_end else clause, subject_end, _AGENTS)
        # 在A访问期间，B参观了C; 访问A期间，B指出: a clause of time, its visitor the next clause's subject
        # 在考察A的情况时
        framed = (
            _TIME_AFTER.match(text, t1)
            or _TIME_FRAME.search(text, clause[0], clause[1])
            or text[clause[1] - 1 : clause[1]] == "时"
        )
        opens = text.startswith("在", clause[0]) or clause[0] == t0
        # (在)结束访问A前，B…: a visit ended frames the clause after it too
        ended = re.fullmatch(r"在?结束", text[clause[0] : t0]) and _ENDED.search(
            text, clause[0], clause[1]
        )
        if not sources and (framed and opens or ended):
            sources = s.next_subject(clause, _AGENTS)
            if ended:  # 结束访问甲国后，甲国总统乙某…: a host of the place visited is no visitor
                sources = [m for m in sources if not _of_place_in(s, m, clause)]
        sources = sources + _gone_with(s, sources, subject_end)
        # a probe (甲号探测器, 甲局的无人探测器) explores a planet: no visit of a party
        return [
            m for m in sources if not _PROBE.match(text, m.end) and not _PROBE_NAME.search(m.text)
        ]

    @staticmethod
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
            if not (
                (_PLACE_JOIN.fullmatch(gap) or paired) if out else first
            ) or _trigger_re().search(gap):
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
        pronoun = _PRONOUN.search(s.text[pos:end]) and not s.text.startswith("进行", pos)
        if pronoun or _trigger_re().search(s.text, pos, end):
            # 在甲局为欢迎他访问而举行的; 在甲院会见了正在这里访问的: the place is the other event's
            return []
        return [m for m in out if m.type in _PLACES]

    def _pairs(
        self, s: _Sentence, clause, t0: int, t1: int, types: tuple[str, ...], *, objects: bool
    ):
        """A 与/同 B <trigger> (B may be a list); A和B<trigger> (each with each); for meets also
        A <trigger> B (the host first)."""
        text = s.text
        led = _led_spans(text, clause)
        pair = _abbreviated_pair(s, clause, t0, t1, objects=objects)
        if pair:
            return pair
        if any(
            a <= t0 < b for a, b in (t.span() for t in _TOPIC.finditer(text, clause[0], clause[1]))
        ):
            return []  # 就甲与乙首脑会晤事宜进行了磋商: the meeting is a topic
        partnered = self._with_partner(s, clause, t0, t1, types, led, objects=objects)
        if partnered is not None:
            return partnered
        before = self._sides_before(s, clause, t0, types, objects=objects)
        if before:
            return before
        if not objects:
            return self._signed_together(s, clause, t0, t1, types)
        if re.match(r"(?:中|时|后|前|结束|期间)", text[t1:]) and not any(
            m.start == t1 for m in s.mentions
        ):
            return []  # 在会见中, 会见时: the meeting as a time, its parties are elsewhere (not 会见中国…)
        targets = self._objects(s, clause, t1, types, led) or _included(s, clause, t0, t1, types)
        sources = s.subject(clause, t0, types)
        if not sources and targets and _framed_guest(s, clause, t0):
            # 会见A时，B转达了…: the host is the next subject, not one of A's side (A国外长C)
            sources = [
                m
                for m in s.next_subject(clause, types)
                if not _of_place_in(s, m, clause)
                and not any(m.text in g.text or g.text in m.text for g in targets)
            ]
        return [(a, b, None) for a in sources for b in targets]

    def _with_partner(
        self, s: _Sentence, clause, t0: int, t1: int, types, led, *, objects: bool
    ) -> list | None:
        """A 与/同/和 B before the trigger: the pairs, [] for no event (不与甲国举行会谈), None when
        no partner is named so."""
        text = s.text
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
            if link.group() == "和" and later is not None and later.group() != "和":
                continue  # A、B和C都与D签订: D is the partner
            if link.group() == "和" and _co_listed(s, clause, link, partner):
                # A和B<trigger>: co-hosts when the trigger has objects (A和夫人B会见了C), else each
                # with each, unless what they sign is a treaty for all (甲国和乙国签署条约).
                if objects and self._objects(s, clause, t1, types, led):
                    return None
                return self._mutual(s, clause, t0, t1, types, partner.end, treaty_ends=not objects)
            listed = s.listed(partner, t0, types)
            if _OTHER_TALK.search(text, listed[-1].end, t0):
                continue  # 与A商谈拟举行的会晤事宜: the partner is the other verb's
            return _with_listed(s, clause, link, listed, t1, types, led)
        return None

    def _sides_before(self, s: _Sentence, clause, t0: int, types, *, objects: bool) -> list:
        """双方签订…, 并签署了…: the two sides named in an earlier clause."""
        text = s.text
        if re.match(
            r"(?:双方|两国|两家)(?!(?:国家)?(?:首脑|领导人|元首|总统|总理|首相|外长|外相|部长|国防部长|议长))",
            text[clause[0] : t0],
        ):
            pair = self._pair_before(s, clause, types)  # A与B…，双方签订…
            if pair:
                return pair
        if not objects and re.fullmatch(
            r"(?:并|还|随后|会谈后|会见后)[^，。；]{0,4}", text[clause[0] : t0]
        ):
            return self._partners_before(s, clause, types)  # A同B举行会谈，并签署了…
        return []

    def _signed_together(self, s: _Sentence, clause, t0: int, t1: int, types) -> list:
        """A、B两国签订, 甲国乙国签署 (a headline): the subject's parties each with each; else the
        two named at the head of the document signed."""
        group = [_on_behalf(s, clause, a) for a in s.subject(clause, t0, types)]
        both = _BOTH.match(s.text, group[-1].end) if group else None
        side_by_side = len(group) == 2 and _side_by_side(*group)
        if (both is not None or len(group) >= 3 or side_by_side) and _parties_fit(
            s, group, t1, clause[1]
        ):
            return self._mutual(s, clause, t0, t1, types, group[-1].end, treaty_ends=True)
        named = self._named_in_document(s, clause, t1, types)
        if any(
            s.text.endswith("代表", clause[0], s.chain_start.get(g.start, g.start)) for g in group
        ):
            return []  # 代表甲政府签订乙与丙的备忘录: someone signs on 甲's behalf, not 乙 or 丙
        if group and not any(
            g.text in p.text or p.text in g.text for g in group for a, b, _ in named for p in (a, b)
        ):
            return []  # 甲某签订乙与丙的备忘录: a signer of their own; the names are the document's
        return named

    @staticmethod
    def _named_in_document(s: _Sentence, clause, t1: int, types: tuple[str, ...]):
        """签署了A与B合作协议: the two parties named at the head of the agreement signed."""
        after = [m for m in s.heads if t1 <= m.start and m.end <= clause[1]]
        if len(after) < 2 or not re.fullmatch(r"了?", s.text[t1 : s.chain_start[after[0].start]]):
            return []
        a, b = after[0], after[1]
        if (
            a.type not in types
            or b.type not in types
            or not _WITH.fullmatch(s._gap(a.end, b.start))
        ):
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

    @staticmethod
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
        return [(a, partner, None) for a in s.subject(prev, link.start(), types)]

    @staticmethod
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

    @staticmethod
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
        group = s.subject(clause, after, types) or s.list_ending(clause, after, types)
        if any(s._post_unnamed(m) for m in group) or (
            heads_of and all(m.type != "PERSON" for m in group)
        ):
            return []  # 甲院和乙会两院议长的会谈, 甲国和乙国两国总理举行会晤: their unnamed heads
        if not _parties_fit(s, group, t1, clause[1]):
            return []  # four leaders who sign one text do not sign with each other
        return [(a, b, None) for i, a in enumerate(group) for b in group[i + 1 :]]

    def _objects(self, s: _Sentence, clause, t1: int, types: tuple[str, ...], led) -> list[_Arg]:
        """The parties right after the trigger: 会见了A、B和C, 会见了由A率领的B代表团, 会见了A，以及B."""
        text = s.text
        start = next(
            (
                p
                for p in self._object_starts(text, t1, clause)
                if self._object_at(s, clause, t1, p, led)
            ),
            None,
        )
        if start is None:
            return []
        end = clause[1]
        nxt = s.clause_of(end + 1) if end < len(text) else None
        also = None
        if nxt is not None and text[nxt[0] :].startswith(("以及", "及")):
            end = nxt[1]  # 会见了A，以及B
            also = s.head_from(nxt[0] + (2 if text.startswith("以及", nxt[0]) else 1))
        first = next(
            (
                m
                for m in s.heads
                if start <= m.start and m.end <= end and _party(text, m, types, led)
            ),
            None,
        )
        # none: 会晤了甲国领导人，…: an unnamed guest, and no party of a later clause
        first = _guest_named(s, first, types, led) if first is not None else None
        if first is None:
            return []
        guests = s.listed(first, end, types + ("LOC",))
        if also is not None and also.start > guests[-1].end:
            # 会见了A和夫人，以及B会的全体成员: B after a list 和夫人 ends
            guests += s.listed(also, end, types + ("LOC",))
        if guests[-1].end == end:
            guests += self._guests_after_comma(s, guests[-1])
        if (
            len(guests) > 1
            and not _MEMBERS.match(text, guests[-1].end)
            and (
                _unnamed(text, guests[-1].end)
                or re.match(r"的?(?:高级|主要|有关)?(?:官员|负责人)", text[guests[-1].end :])
            )
        ):
            return []  # 接见甲党、乙会的高级官员: the bodies' unnamed officials
        # 会见甲国陆军总司令: the post's holder, unnamed, is met (but a body stands for its members)
        return [
            m
            for m in guests
            if _party(text, m, types, led)
            and not (s._post_unnamed(m) and not _MEMBERS.match(text, m.end))
        ]

    @staticmethod
    def _guests_after_comma(s: _Sentence, last: _Arg) -> list[_Arg]:
        """会见了甲会会长A、副会长B，乙校校长C、D等华侨代表: more posts and names after a comma, up
        to a kind of people (等…代表), go on with the guests."""
        out: list[_Arg] = []
        while s.text.startswith("，", last.end):
            clause = s.clause_of(last.end + 1)
            heads = [h for h in s.heads if clause[0] <= h.start and h.end <= clause[1]]
            if not heads or heads[0].type != "PERSON" or s.chain_start[heads[0].start] != clause[0]:
                break
            group = s.listed(heads[0], clause[1], ("PERSON",))
            tail = s.text[group[-1].end : clause[1]]
            if len(group) != len(
                [h for h in heads if h.end <= group[-1].end]
            ) or not _GUESTS_KIND.fullmatch(tail):
                break
            out += group
            last = group[-1]
            if tail:
                break
        return out if s.text.startswith("等", last.end) else []

    @staticmethod
    def _object_starts(text: str, t1: int, clause) -> list[int]:
        """Where the object may start: right after the verb, or after a relative clause that ends in
        的 (会见了来京参加某研讨会的甲国部长助理A)."""
        # the first 的: 访问的A及其率领的B
        near = re.match(r"(?:了|过)?[^，。；]{0,24}?的", text[t1 : clause[1]])
        far = re.match(r"(?:了|过)?[^，。；]{0,24}的", text[t1 : clause[1]])
        # 会见并款待了A: a second verb joined by 并
        also = re.match(r"并[\u4e00-\u9fff]{1,2}了", text[t1 : clause[1]])
        return [t1] + sorted({t1 + m.end() for m in (near, far, also) if m is not None})

    @staticmethod
    def _object_at(s: _Sentence, clause, t1: int, start: int, led) -> bool:
        """Whether a party starts at ``start``, after no more than 了, a short relative clause, a post
        or 驻 (会见了即将回国的我国驻甲国大使A)."""
        after = next(
            (m for m in s.heads if start <= m.start and m.end <= clause[1] and not _in(m, led)),
            None,
        )
        if after is None:
            return False
        gap = s.text[start : s.chain_start[after.start]]
        short = re.fullmatch(r"(?:了|过)?(?:[^，。；向在对于从给把中时后]{0,10}的)?", gap)
        return (
            bool(short) or gap in ("我国驻", "驻") or _ends_in_title(gap) or _in_led(t1, after, led)
        )

    @staticmethod
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

    @staticmethod
    def _built_right_after(s: _Sentence, rest: int) -> list[_Arg]:
        """What an investment builds, named right after its amount (投资N兴建A)."""
        built = _BUILT_LATER.match(s.text[rest:])
        after = next(
            (m for m in s.heads if built is not None and m.start == rest + built.end()), None
        )
        return [after] if after is not None and after.type in _PLACES else []

    def _invests(self, s: _Sentence, clause, t0: int, t1: int):
        text = s.text
        # 甲国对乙地的投资, 甲公司在乙地的实际投资
        nominal = re.search(
            r"[对在][^，,；;的]{1,12}的(?:实际|直接|累计|新增)?$", text[clause[0] : t0]
        )
        # after 甲公司在乙地的, its 投资总额 still states the investment (not a 投资额度, a quota)
        counted = nominal and re.match(r"(?:总额|额(?!度))", text[t1:])
        if (_NOT_INVEST_AFTER.match(text, t1) and not counted) or (
            re.search(r"[的和、]$", text[max(0, t0 - 1) : t0]) and not nominal
        ):
            return []
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
            targets = self._built_targets(s, clause, t0, rest, amount=bool(amount))
        else:
            targets += self._built_right_after(s, rest)  # 在甲地投资N兴建乙: both
        investors, targets = _invested_by(s, clause, t0, t1, targets)
        if investors is None:
            return []
        if not investors:
            investors = _relative(
                s, clause, t1 if amount_m is None or not amount else amount_m.end()
            )
        if investors is None and nominal is not None:
            # the owner of the noun
            investors = s.list_ending(clause, clause[0] + nominal.start(), _PARTIES) or None
        if investors is None:
            investors = _with_partners(
                s, clause, s.subject(clause, found.subject_end, _PARTIES), t0
            )
        targets = [b for b in targets if not _kind_after(text, b)]
        return [(a, b, amount) for a in investors for b in targets]

    def _built_targets(self, s: _Sentence, clause, t0: int, rest: int, *, amount: bool) -> list:
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
            targets = self._built_later(s, clause)  # 投资N万元，征用荒山，创办了A农庄
        if not targets and not s.heads_in(clause[0], t0, _PARTIES):
            targets = _gone_to(s, clause)  # 到甲乡从事…，累计投资N万元
        return targets


_FINDER: RelationFinder | None = None


def find_relations(
    extraction: Extraction, model_names: Sequence[tuple[int, int, str, str]] = ()
) -> list[Relation]:
    global _FINDER
    if _FINDER is None:
        _FINDER = RelationFinder()
    return _FINDER.find(extraction, model_names)
