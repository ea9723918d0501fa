"""Who the visitors of a visit are: the clause's subject, the one a relative clause qualifies
(在甲国访问的A, 曾多次访问甲国的乙馆馆长A), the next clause's subject after a clause of time (在A访问期间，
B…), and the one the visitors go along with (随同)."""

from __future__ import annotations

import re

from kg.extract.relations.arguments import _of_place_in, _relative
from kg.extract.relations.grammar import _Arg
from kg.extract.relations.lexicon import _trigger_re
from kg.extract.relations.patterns import (
    _AGENTS,
    _PLACES,
    _PROBES,
    _TIME_AFTER,
    _TIME_FRAME,
    _TOGETHER,
)
from kg.extract.relations.sentence import _Sentence
from kg.extract.relations.subjects import next_subject, subject

_GOES_WITH = re.compile(r"随同|跟随")  # A随同B: A goes along with B (陪同: A escorts B, no visitor)

# Between the partner of 与 and where the two go: words of time and togetherness only (今日一起)
_TOGETHER_GAP = re.compile(
    rf"(?:[今昨明当][日天]|[上下]午|晚上|日前|近日|{_TOGETHER}|也|还|将|会|继续"
    r"|（[^（）]{0,20}）)*(?:在|到|赴|前往|来到)?"
)

_PROBE = re.compile(r"(?:的[^，。；的]{0,6}?|[”\"]?号)" + _PROBES)  # after a name: 甲局的无人探测器

# a name of one: 乙号探测器, “甲探路者”飞船
_PROBE_NAME = re.compile(r"(?:号|[”\"」』])" + _PROBES + "$")

_ENDED = re.compile(r"(?:前|后|以后|之后)$")

# 结束访问, 结束对甲国的访问, 结束甲国访问行程: a visit ended, its place before the verb or after it
_ENDING = re.compile(r"在?(?:结束|完成)了?(?:对?[^，,。；;]{1,14}?的?)?")

# Who or what is visited, unnamed, before the 的 of a relative clause: 慰问灾民的, 考察工作的
_UNNAMED_OBJECT = re.compile(r"[^，,。；;的、了]{1,8}(?:、[^，,。；;的、了]{1,8})*(?=的)")

# A clause that opens with where the visit goes on (正在甲区, 前来甲县): no subject of its own
_WHERE_OPENS = re.compile(r"(?:正在|在|前来|专程到|来到)[^，,。；;]{0,12}")


def _visitors(
    s: _Sentence, clause: tuple[int, int], subject_end: int, t0: int, t1: int
) -> list[_Arg]:
    """Who makes the visit of the trigger at ``t0``..``t1``, the subject sought before
    ``subject_end`` (where the places gone to start)."""
    text = s.text
    # the clause the subject is sought in: the one before the locative verb, or the trigger's
    # own when that verb opens it (，前往A访问)
    own = s.clause_of(subject_end - 1 if subject_end > 0 else 0)
    if own[0] == own[1]:  # the locative verb opens its clause (，前往A访问)
        own = s.clause_of(subject_end)
    sources = _relative(s, clause, t1)
    # the object, then the visitor after 的: the places visited (曾多次访问甲国的乙馆馆长A) or
    # people called on, unnamed (正在甲区慰问员工的乙局局长A); one excludes the other (a place
    # right after the verb, or no name at all)
    if sources is None:
        obj = _visited_object_end(s, clause, t0, t1) or _unnamed_object_end(s, clause, t0, t1)
        sources = (_relative(s, clause, obj) or None) if obj is not None else None
    if sources is None:
        sources = subject(s, own if own[0] <= subject_end else clause, subject_end, _AGENTS)
    # 在A访问期间，B参观了C; 访问A期间，B指出: a clause of time, its visitor the next clause's subject
    # 在考察A的情况时
    framed = (
        _TIME_AFTER.match(text, t1)
        or _TIME_FRAME.search(text, clause[0], clause[1])
        or text[clause[1] - 1 : clause[1]] == "时"
    )
    opens = text.startswith("在", clause[0]) or clause[0] == t0
    # (在)结束访问A前，B…: a visit ended frames the clause after it too
    # (完成访问甲国，乙某…: the visit ended opens the sentence, the visitor the next clause's subject)
    ended = _ENDING.fullmatch(text, clause[0], t0) and (
        _ENDED.search(text, clause[0], clause[1]) or clause[0] == 0
    )
    if not sources and (framed and opens or ended):
        sources = next_subject(s, clause, _AGENTS)
        if ended:  # 结束访问甲国后，甲国总统乙某…: a host of the place visited is no visitor
            sources = [m for m in sources if not _of_place_in(s, m, clause)]
    sources = sources + _gone_with(s, sources, subject_end)
    # a probe (甲号探测器, 甲局的无人探测器) explores a planet: no visit of a party
    return [m for m in sources if not _PROBE.match(text, m.end) and not _PROBE_NAME.search(m.text)]


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


def _unnamed_object_end(s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> int | None:
    """正在甲区慰问灾民的A: where an object with no name in it ends, when 的 follows it and the
    clause opens with the place of the visit, else None (参观了在此展出的甲报书画: the object's own
    relative clause)."""
    m = _UNNAMED_OBJECT.match(s.text, t1, clause[1])
    if (
        m is None
        or not _WHERE_OPENS.fullmatch(s.text, clause[0], t0)
        or s.heads_in(clause[0], t0, _AGENTS)
        or any(t1 <= h.start < m.end() for h in s.heads)
    ):
        return None
    return m.end()


def _gone_with(s: _Sentence, sources: list[_Arg], end: int) -> list[_Arg]:
    """A随同B前往C访问: the person the visitors go along with, named before ``end``, goes too (not
    陪同: an escort is no visitor). A与B在C访问: B, joined by 与 or 同 with only words of time and
    togetherness before where they go, visits with A (not A与B会谈后到C: B is met)."""
    along = _GOES_WITH.search(s.text, sources[-1].end, end) if sources else None
    leader = s.head_from(along.end()) if along is not None else None
    if leader is not None and leader.type == "PERSON" and leader.end <= end:
        return [leader]
    joined = re.match(r"[与同]", s.text[sources[-1].end : end]) if sources else None
    partner = s.head_from(sources[-1].end + 1) if joined is not None else None
    if partner is None or partner.type not in _AGENTS or partner.end > end:
        return []
    return [partner] if _TOGETHER_GAP.fullmatch(s.text, partner.end, end) else []
