"""One sentence as relation finding reads it: its head mentions (a place or body before a title
and a person only qualifies them), its clauses, and the lists its heads form (subjects.py reads
who does what in them).
"""

from __future__ import annotations

import re

from kg.extract.relations.grammar import (
    _Arg,
    _clause_bounds,
    _ends_in_title,
    _join_dotted,
    _place_and_kind,
    _portfolios,
    _qualifier_gap,
    _side_by_side,
    _split_joined,
    _untagged_items,
)
from kg.extract.relations.lexicon import _after_visit, _trigger_re
from kg.extract.relations.patterns import (
    _CLAUSE_END,
    _DELEGATE,
    _GO_TO,
    _HONORIFIC,
    _KIN_WORDS,
    _KIND_ITEM,
    _LIST_JOIN,
    _OPEN_MARKS,
)
from kg.extract.rules import load_rules

# A minister by the field of the ministry (经济部长, 建设大臣), no post of the title list
_MINISTER = re.compile(r"(?:(?![和与及、的])[\u4e00-\u9fff]){1,6}?(?:部长|大臣)")

_SAYING = re.compile(
    r"(?:说|表示|指出|认为|强调|宣布|声明|称|透露|介绍|报道|获悉|了解|告诉(?:记者|笔者)?)"
)


_JOINT_JOIN = re.compile(r"^\s*(?:、|和|及|以及|与|同)\s*$")


# A side (中方), a bare kind (代表团, 公司) or one of no named place (外国企业); 中国代表团 and
# 中国政府 are named.
_GENERIC = re.compile(
    r"[\u4e00-\u9fff]方|(?:外国|各国|我国|该|本|我)?(?:公司|企业|政府|代表团|考察团|访问团|访华团|艺术团|歌舞团|代表队)"
    r"|(?:妇女|青年|政府|市政府|军事|经贸|友好|议员|专家|[\u4e00-\u9fff]{1,3}家)(?:代表团|考察团|访问团|访华团)"
)


# After 和: a spouse (和夫人A), the one A leads (A和由其率领的B代表团)
# A relative named by their tie to a person (甲某的女儿乙某, 甲某夫人乙某)
_RELATIVE = re.compile(rf"(?:{_HONORIFIC.pattern})?的?{_KIN_WORDS}")
_JOINED_POST = re.compile(rf".*{_KIN_WORDS}|由?(?:[他她](?:们)?|其)(?:所)?(?:率领|带领)的")


_JOINER_TITLE = re.compile(
    r"\s*(、|和|及|，?以及|与|同|跟|联同|偕同|会同)(?P<post>(?:[\u4e00-\u9fff]{1,10}、)?[\u4e00-\u9fff]{0,10})"
)


_QUOTE_MARKS = re.compile(f"[{_OPEN_MARKS}”」』’]")


_GOVERNED = re.compile(
    r"(?:[在赴对向与和跟从由给被把以据及自离抵就受]|(?<![陪共相一如联])同|(?<![谈提说看受得感遇达想])到|前往|[飞转驶赶]往|[飞驶]抵|来到|走进|抵达|应|作为"
    # the place left or passed on the way (离开北京赴A访问) is no subject
    r"|离开|飞离|途经|返回|回到|借助|通过|利用|依托|按照|根据)"
    rf"(?:来访的|前来访问的|了)?[{_OPEN_MARKS}]?$"
)


_ESCORT_SPAN = re.compile(r"在[^。；在]{1,120}?陪同下")


_EACH_BEFORE = re.compile(r"各(?:[\u4e00-\u9fff]{1,3}、)*$")


_ASIDE = re.compile(r"^[（(](?:简称|以下简称|下称)[^（）()，。]{1,10}[）)]")


# What an official of a body is in charge of, between the body and the post (负责乙事务的)
_DUTY = re.compile(r"(?:负责|主管|分管)[^，,。；;、]{1,20}?的")


def _in_charge(m: _Arg, gap: str, nxt: _Arg) -> bool:
    """甲部负责乙事务的副部长丙某: the body's official in charge of a field is the party."""
    duty = _DUTY.match(gap)
    return (
        duty is not None
        and m.type == "ORG"
        and nxt.type == "PERSON"
        and load_rules().title_re.fullmatch(gap, duty.end()) is not None
    )


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z .&'-]*")


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
        # head start -> start of its qualifiers (甲国首相乙某)
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
        if _LATIN_RUN.fullmatch(m.text) and nxt.type == "PERSON":
            # 甲公司|Kingdom Holdings主席乙某: Latin letters before a post and a name are the body
            # (the model, reading Chinese characters, took them for a person)
            return load_rules().title_re.fullmatch(self.text, m.end, nxt.start) is not None
        return self._form_before_post(m, nxt)

    def _form_before_post(self, m: _Arg, nxt: _Arg) -> bool:
        return (
            m.abbreviated
            and nxt.type == "PERSON"
            and load_rules().title_re.fullmatch(self.text, m.end, nxt.start) is not None
        )

    def _qualifies_next(self, i: int) -> bool:
        """A place or body before a title and a person (or before a body that qualifies one):
        甲委常委、乙部副部长丙某, 甲国首相乙某, 甲国首都乙市."""
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
        # 甲委员会副主任、乙协会会长A; 甲党代表、乙部副部长A: two posts of one person, the first
        # whole (甲署城市和气候问题特使、乙市前市长A: its 和 joins no names)
        two_posts = gap.endswith("、") and (
            _ends_in_title(gap[:-1]) or _DELEGATE.fullmatch(gap[:-1]) is not None
        )
        if two_posts:
            gap = gap[:-1]
        if _portfolios(m, gap, nxt) or _in_charge(m, gap, nxt):
            return nxt.type == "PERSON" or self._qualifies_next(i + 1)
        if not (two_posts or _qualifier_gap(nxt, gap)):
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
            return True  # 甲团据新华社某地电: a dateline ends the headline's name
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

    def unnamed(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end`` with each mention blanked out, so that a word test
        does not read a name's characters (the 他 of 马耳他, the 其 of 土耳其) as a word."""
        chars = list(self.text[start:end])
        for m in self.mentions:
            for k in range(max(m.start, start), min(m.end, end)):
                chars[k - start] = "□"
        return "".join(chars)

    def _gap(self, start: int, end: int) -> str:
        """The joiner between two heads, without the qualifiers and title after it (和夫人朱琳 -> 和)."""
        gap = self.text[start:end]
        for m in reversed([m for m in self.mentions if start <= m.start and m.end <= end]):
            gap = gap[: m.start - start] + gap[m.end - start :]
        gap = re.sub(r"^[和及]夫人(?=[、和及])", "", gap)  # A和夫人、B: the unnamed spouse of A
        gap = re.sub(r"^(?:内地|大陆|本土)(?=[、和及])", "", gap)  # 甲国内地、乙国: a part of A
        gap = re.sub(r"(?<=[、和及])(?:其)?(?:首都|首府|省会)$", "", gap)  # A及首都B: what B is
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

    def _lead(self, heads: list[_Arg], k: int, start: int) -> str:
        """The text between heads[k]'s name chain and the head before it (or ``start``): where a
        preposition that governs it (在B, 同C) or a verb whose object it is stands."""
        return self.text[heads[k - 1].end if k else start : self.chain_start[heads[k].start]]

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

    def clauses_after(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """The clauses of the sentence after ``clause`` (none when it is no clause of it)."""
        return self.clauses[self.clauses.index(clause) + 1 :] if clause in self.clauses else []

    def clause_before(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        index = self.clauses.index(clause) if clause in self.clauses else 0
        return self.clauses[index - 1] if index else None

    def _bare_list_before(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        """甲委副书记乙某，甲委常委、丙部副部长丁某考察: a clause that is only a titled
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

    def _post_unnamed(self, m: _Arg) -> bool:
        """A body or place followed by a post and no name (甲委员会委员和…, 同甲国总统、总理的会谈):
        its unnamed holders."""
        title_re = load_rules().title_re
        # 甲国国防部|长: the post may start on the body's last character
        post = (
            (
                title_re.match(self.text, m.end)
                or title_re.match(self.text, m.end - 1)
                # 甲国经济部长: a country's minister of a field
                or (_MINISTER.match(self.text, m.end) if m.type == "LOC" else None)
            )
            if m.type in ("ORG", "LOC")
            else None
        )
        return post is not None and not any(h.start == post.end() for h in self.heads)
