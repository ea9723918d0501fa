"""The argument strategies that several relation types share: a relative clause's head
(在甲地访问的A), unnamed kinds of guest, who else a clause includes, a place that only qualifies.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract.relations.grammar import _Arg, _ends_in_title, _unnamed
from kg.extract.relations.patterns import (
    _AGENTS,
    _HONORIFIC,
    _PARTIES,
)
from kg.extract.relations.sentence import _Sentence
from kg.extract.relations.subjects import subject

_DELEGATION = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:代表团|访问团|考察团|议员团|友好小组|访华团|访京团)"
)


_LED_BY = re.compile(r"(?:所)?(?:率领|带领)的")


_HIS_LED = re.compile(r"(?:及|和|以及)(?:其|他|她)" + _LED_BY.pattern)  # A及其率领的B代表团


_COPULA = re.compile(r"(?<![但还就于总凡只要可倒像])是(?!否)")


_KIND_NOUN = re.compile(
    r"(?:第一|首)?[位个批名]?[\u4e00-\u9fff]{0,4}(?:企业家|人士|官员|领导人|元首|政要|外宾|客人|代表团|华人|人)"
)


_GUESTS_AFTER = re.compile(r"等(?:外宾|客人|贵宾|一行|人|[。；]|$)")


def _relative(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg] | None:
    """正在甲国访问的乙国外长丙某, 在甲国投资的乙国公司: a trigger that qualifies a noun has
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
        return subject(s, clause, copula.start(), _AGENTS)  # A是第一位来华访问的总参谋长: A
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


def _kind_to_end(s: _Sentence, start: int, end: int) -> bool:
    """Whether only a post or a kind of person (with the places and bodies that qualify it) runs
    from ``start`` to ``end``: 的甲国总参谋长, 的企业家."""
    rest = s.text[start:end]
    for m in reversed([m for m in s.mentions if start <= m.start and m.end <= end]):
        if m.type == "PERSON":
            return False
        rest = rest[: m.start - start] + rest[m.end - start :]
    return _KIND_NOUN.fullmatch(rest) is not None or (_ends_in_title(rest) and len(rest) <= 8)


class _Found(NamedTuple):
    """What one strategy for a relation's targets found (RelationFinder._visits, _invests): the
    targets, where the subject's clause ends, or (``done``) the whole answer, subjects included."""

    targets: list[_Arg]
    subject_end: int
    done: list | None = None


_PEOPLE_KIND = re.compile(r"(?:人士|官员|要员|成员|客人|嘉宾|领导人?|负责人|代表|人员|人|者)$")


def _partner_kind(s: _Sentence, clause: tuple[int, int], t0: int) -> str:
    """与多位代表会面: the unnamed partners' kind right before the verb, where no name stands, or
    after the body whose unnamed people they are (与甲组织要员会面: 要员)."""
    kind = re.search(r"[与同]([^，。；与同]{1,16})$", s.text[clause[0] : t0])
    if kind is None:
        return ""
    start = clause[0] + kind.start(1)
    inside = [m for m in s.mentions if start < m.end and m.start < t0]
    if inside and not _unnamed(s.text, inside[-1].end):
        return ""
    return s.text[inside[-1].end if inside else start : t0]


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


def _of_place_in(s: _Sentence, m: _Arg, clause: tuple[int, int]) -> bool:
    """``m`` is qualified by a place named in ``clause`` (甲国总统乙某 after 访问甲国)."""
    chain = s.text[s.chain_start.get(m.start, m.start) : m.start]
    return any(
        h.type == "LOC" and h.text in chain for h in s.mentions if clause[0] <= h.start < clause[1]
    )
