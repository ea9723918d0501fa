"""The guests after a verb of meeting (会见了A、B和C, 会见了A率领的B代表团, 会见了A总理的夫人B):
where the object starts, who in it is a party, and the guests it goes on with after a comma.
"""

from __future__ import annotations

import re

from kg.extract.relations.arguments import _DELEGATION, _LED_BY
from kg.extract.relations.grammar import _Arg, _ends_in_title, _in, _unnamed
from kg.extract.relations.patterns import _KIN_WORDS, _MEMBERS, _UNNAMED_AFTER
from kg.extract.relations.sentence import _Sentence

_GUESTS_KIND = re.compile(r"(?:等[\u4e00-\u9fff]{0,10}(?:代表|人士|官员|成员|客人|一行|人))?")

# The one met stands after whose relative or envoy they are (会见了A总理的夫人B, A的特使C)
_KIN = re.compile(rf"的(?:{_KIN_WORDS}|特使|特别代表|私人代表)")


def _objects(s: _Sentence, clause, t1: int, types: tuple[str, ...], led) -> list[_Arg]:
    """The parties right after the trigger: 会见了A、B和C, 会见了由A率领的B代表团, 会见了A，以及B."""
    text = s.text
    start = next(
        (p for p in _object_starts(text, t1, clause) if _object_at(s, clause, t1, p, led)),
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
        (m for m in s.heads if start <= m.start and m.end <= end and _party(text, m, types, led)),
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
        guests += _guests_after_comma(s, guests[-1])
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


def _object_starts(text: str, t1: int, clause) -> list[int]:
    """Where the object may start: right after the verb, or after a relative clause that ends in
    的 (会见了来京参加某研讨会的甲国部长助理A)."""
    # the first 的: 访问的A及其率领的B
    near = re.match(r"(?:了|过)?[^，。；]{0,24}?的", text[t1 : clause[1]])
    far = re.match(r"(?:了|过)?[^，。；]{0,24}的", text[t1 : clause[1]])
    # 会见并款待了A: a second verb joined by 并
    also = re.match(r"并[\u4e00-\u9fff]{1,2}了", text[t1 : clause[1]])
    return [t1] + sorted({t1 + m.end() for m in (near, far, also) if m is not None})


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
    return bool(short) or gap in ("我国驻", "驻") or _ends_in_title(gap) or _in_led(t1, after, led)


def _in_led(t1: int, m: _Arg, spans: list[tuple[int, int]]) -> bool:
    """Whether only a leader phrase stands between the trigger and ``m`` (会见了以A为团长的B)."""
    return any(a - t1 <= 1 and b <= m.start for a, b in spans)


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
