"""The sentence's candidate parties: its mentions as arguments (a one-character country form
as its country, a titled surname as the article's full name, a Latin name the tagger cut), and
those that are no party (a span over a pair of country forms, a dateline's agency).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.places import gazetteer, world_places
from kg.extract.relations.grammar import _Arg, _in
from kg.extract.relations.lexicon import (
    _city_initials,
    _pair_after,
    _visit_verbs,
    country_abbreviations,
    country_pairs,
    trigger_pattern,
    triggers_of,
)
from kg.extract.relations.patterns import _DATE_DIGIT
from kg.extract.relations.sentence import _Sentence
from kg.extract.rules import load_rules
from kg.extract.words import DATELINE, LATIN_NAME, after_post
from kg.schema import Extraction, Mention, Sentence

_TITLE = re.compile(r"《[^《》]*》")

_MET_NEXT = re.compile(r"\s*(?:会面|会晤|会谈|见面)")

_KIND_GROUP = re.compile(
    r"(?:商贸|经贸|商务|贸易|投资|友好|高层|高级|政府|文化|科技|工商|企业家|专家|议员|青年|妇女)+"
    r"(?:代表团|考察团|访问团|团)"
)

_SECTOR = re.compile(
    r"(?:工商|商|法律|金融|科技|新闻|文化|教育|医学|学术|体育|艺术|政|工业|企业|知识|经济|宗教|妇女|财经)界"
)

_IN_WORD = re.compile(r"[人侨裔商资语文籍胞外]")  # 华人, 中外

# 日 of a date (5日中断了…会谈) is no country
_DATE_BEFORE = re.compile(rf"{_DATE_DIGIT}日$")

# A date the model read as a place (七日至九日: 九日 for a day of 日本)
_DATE = re.compile(rf"{_DATE_DIGIT}+[日月年号]")

# A bracketed local time (（纽约时间九月二十日）, （香港时间）)
_LOCAL_TIME = re.compile(r"[（(][^（）()，。]{1,10}时间[^（）()，。]{0,12}[）)]")

_SHORT_FORM = re.compile(
    r"[（(](?:以下)?(?:简称|下称)?[“\"‘'「]?([^（）()“”\"‘'「」，。、]{2,8})[”\"’'」]?[）)]"
)

_DECLARED_SHORT = re.compile(r"[（(](?:以下)?(?:简称|下称)[“\"‘']?$")


@dataclass(frozen=True)
class ArticleFacts:
    """What the whole article says of its names, read once for all its sentences."""

    people: list[str]  # its people's full names (江主席 -> 江泽民)
    post_holders: set[str]  # names that hold a post there: people wherever the model read them
    declared: dict[str, str]  # short forms its brackets declare (丙公司（以下简称“丙”）)

    @classmethod
    def of(cls, extraction: Extraction) -> ArticleFacts:
        people = sorted(
            {m.text for m in extraction.mentions if m.type == "PERSON" and 2 <= len(m.text) <= 4}
        )
        return cls(
            people,
            _post_holders(extraction, people),
            _declared_short_forms(extraction.article.text, extraction.mentions),
        )


def sentence_parties(
    sentence: Sentence,
    mentions: Sequence[Mention],
    model_names: Sequence[tuple[int, int, str, str]],
    facts: ArticleFacts,
) -> list[_Arg]:
    """The sentence's mentions (and the model's names no mention overlaps) as arguments, offsets
    relative to the sentence; then the country forms, Latin names and titled surnames they
    miss, less the spans that are no party."""
    text = sentence.text
    args = [
        _Arg(
            m.start - sentence.start,
            m.end - sentence.start,
            facts.declared.get(m.text, m.text),
            "PERSON" if m.text in facts.post_holders else m.type,
        )
        for m in mentions
        if sentence.start <= m.start and m.end <= sentence.end
    ]
    args += [
        _Arg(start - sentence.start, end - sentence.start, name, label)
        for start, end, name, label in map(_without_stray_bracket, model_names)
        if (end - start >= 2 or label != "ORG")  # a one-character body (联 of 联大) is noise
        and sentence.start <= start
        and end <= sentence.end
        and not any(a.start < end - sentence.start and start - sentence.start < a.end for a in args)
    ]
    abbr = country_abbreviations()
    # a one-character place (俄 of 俄日, a mention of 俄罗斯) is a country form too
    args = [
        _Arg(a.start, a.end, abbr.get(a.text, a.text), a.type, a.text in abbr or _written_out(a))
        for a in args
    ]
    # 中美政府, 中|美政府: the model's span over a pair of country forms gives way to the pair.
    args = [a for a in args if not _over_pair(text, a, abbr) and not _no_party(text, a)]
    # 新华社安曼1月14日电: a dateline names the agency and the city of filing, never a person
    datelines = [d.span() for d in DATELINE.finditer(text)]
    args = [a for a in args if a.type != "PERSON" or not _in(a, datelines)]
    # 今日（甲城时间五月三日）: the place of a local time only dates the event
    local_times = [t.span() for t in _LOCAL_TIME.finditer(text)]
    args = [a for a in args if not _in(a, local_times)]
    latin = _latin_people(text)
    args = [a for a in args if not _cut_short(a, latin)]
    args += _untaken(latin, args)
    args += _abbreviated(text, 0, len(text), args)
    args += _own_country(text, args)
    args += _mainland(text, args)
    return args + _titled_surnames(text, args, facts.people)


def _without_stray_bracket(name: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """甲银监） -> 甲银监: a bracket the model's span took from the aside it ends or opens."""
    start, end, text, label = name
    if text.endswith(("）", ")")) and not any(c in text for c in "（("):
        return start, end - 1, text[:-1], label
    if text.startswith(("（", "(")) and not any(c in text for c in "）)"):
        return start + 1, end, text[1:], label
    return name


def _abbreviated(text: str, start: int, end: int, taken: list[_Arg]) -> list[_Arg]:
    """Parties written as one-character country forms outside any mention: 来华 (a place after
    来/赴/访), 中美, 俄日 (a pair before 两国/双方/政府 or a signing or meeting verb)."""
    abbr = country_abbreviations()
    out = []
    visit = _visit_verbs()
    for m in re.finditer(
        rf"(?<=[来赴访到莅])(.)(?={visit}|$)|(?<=对)(.)(?=投资|访问|进行)", text[start:end]
    ):
        group = 1 if m.group(1) else 2
        char = m.group(group)
        if char in abbr:
            out.append(_Arg(start + m.start(group), start + m.end(group), abbr[char], "LOC", True))
        elif group == 1 and char in _city_initials():
            # 来聊调研: a city's first character, the city of the article's paper (the graph
            # reads it as the home city)
            out.append(_Arg(start + m.start(group), start + m.end(group), char, "LOC", True))
    for m in re.finditer(rf"(?<=[来赴访到])(..)(?={visit})", text[start:end]):  # 到印巴访问
        a, b = m.group(1)
        names = _pair_names(a, b)
        if names:
            out.append(_Arg(start + m.start(1), start + m.start(1) + 1, names[0], "LOC", True))
            out.append(_Arg(start + m.start(1) + 1, start + m.end(1), names[1], "LOC", True))
    for i in range(len(text) - 1):
        names = _pair_names(text[i], text[i + 1])
        if names and _pair_after().match(text, i + 2) and not _DATE_BEFORE.search(text, 0, i + 1):
            out.append(_Arg(i, i + 1, names[0], "LOC", True))
            out.append(_Arg(i + 1, i + 2, names[1], "LOC", True))
    return _untaken(out, taken)


def _untaken(found: list[_Arg], taken: list[_Arg]) -> list[_Arg]:
    """The found arguments that overlap no argument already taken."""
    return [a for a in found if not any(t.start < a.end and a.start < t.end for t in taken)]


def _own_country(text: str, taken: list[_Arg]) -> list[_Arg]:
    """我国 in a Chinese paper names China, as 华 does (甲某对我国进行访问); as a place, it qualifies
    what follows it (我国企业, 我国驻甲国大使A) like any other."""
    return _untaken(
        [_Arg(m.start(), m.end(), "中国", "LOC") for m in re.finditer("我国", text)], taken
    )


# The Mainland as the counterpart of a special region: 内地与甲区签订…, 甲区在内地的投资 (no
# party elsewhere: 内地企业, 内地投资者)
_SPECIAL_REGIONS = "香港|澳门|台湾|港澳|香港特区|澳门特区"
_MAINLAND = re.compile(
    rf"(?P<m>内地|大陆)(?=[与同和跟](?:{_SPECIAL_REGIONS}))"
    rf"|(?:{_SPECIAL_REGIONS})[与同和跟在](?P<n>内地|大陆)"
)


def _mainland(text: str, taken: list[_Arg]) -> list[_Arg]:
    """内地 or 大陆 opposite 香港, 澳门 or 台湾 is a party (内地与澳门签订协议), outside a 《》
    title (《内地与香港…安排》 names a document)."""
    titles = [m.span() for m in _TITLE.finditer(text)]
    spans = [m.span("m") if m.group("m") else m.span("n") for m in _MAINLAND.finditer(text)]
    found = [
        _Arg(start, end, text[start:end], "LOC")
        for start, end in spans
        if not any(a <= start < b for a, b in titles)
    ]
    return _untaken(found, taken)


def _pair_names(a: str, b: str) -> tuple[str, str] | None:
    """The two countries of a pair of one-character forms (中美, or 巴以 of country_pairs.tsv)."""
    return load_rules().pair_places(a + b)


def _written_out(arg: _Arg) -> bool:
    """One character in the text, a longer name in the mention: 俄 written out as 俄罗斯."""
    return arg.end - arg.start == 1 and len(arg.text) > 1


def _over_pair(text: str, arg: _Arg, abbr: dict[str, str]) -> bool:
    """中美政府, or 美政府 after 中: a span the model made over one or both of a pair of country forms
    and the word after them."""
    if any(
        text[i : i + 2] in country_pairs() and arg.end <= i + 2
        for i in (arg.start - 1, arg.start)
        if i >= 0
    ):
        return True  # 巴 of 巴以: the model's place in a pair whose forms are ambiguous alone
    start = (
        arg.start - 1
        if arg.start > 0 and text[arg.start - 1] in abbr and len(arg.text) >= 2
        else arg.start
    )
    span = text[start : arg.end]
    if len(span) == 2 and span[0] in abbr and span[1] in abbr:
        return _pair_after().match(text, arg.end) is not None  # 中坦|合资: the pair itself
    return (
        len(span) >= 3
        and span[0] in abbr
        and span[1] in abbr
        and re.fullmatch(r"(?:两国)?(?:政府|双方)|两国", span[2:]) is not None
    )


def _no_party(text: str, a: _Arg) -> bool:
    """Spans the model (or a rule) made that name no party."""
    if a.end - a.start == 1 and _IN_WORD.match(text, a.end):
        return True  # 华人, 华侨, 中资: a one-character country form inside a word
    if re.search(r"[，。；：,;:]", a.text):
        return True  # a "name" across a clause mark (甲市外，代表团)
    if _DATE.fullmatch(a.text):
        return True  # 七日至九日: a day the model read as 日本
    if _DECLARED_SHORT.search(text, 0, a.start):
        return True  # 甲公司（以下简称“甲”）: the short form the name before declares
    if len(a.text) > 2 and (a.text[0] in "从在把被" or (a.text[0] == "于" and a.type != "PERSON")):
        return True  # 从甲市 (not 对外联络部, nor 于 the surname)
    if a.type == "LOC" and _SECTOR.match(text, a.end):
        return True  # 甲地法律界, 乙国工商界: a sector the place qualifies
    if a.type == "ORG" and _KIND_GROUP.fullmatch(a.text):
        return True  # 商务代表团, 经贸考察团: a group of some kind, not a named one
    # a name before 奖 names a prize (某某奖); 时说 or 时称 (…时说, a time before a verb of saying)
    return a.type == "PERSON" and (
        re.match(r"[\u4e00-\u9fff]{0,4}奖", text[a.end :]) is not None
        or re.fullmatch(r"时[说称]", a.text) is not None
    )


def _titled_surnames(text: str, taken: list[_Arg], people: list[str]) -> list[_Arg]:
    """江主席, 李市长: a surname and a title stand for the article's one person of that surname
    (none when it names two or none)."""
    rules = load_rules()
    out = []
    for m in rules.title_re.finditer(text):
        for size in (2, 1):
            start = m.start() - size
            surname = text[start : m.start()] if start >= 0 else ""
            if not surname or surname not in rules.surnames:
                continue
            if any(t.start < m.end() and start < t.end for t in taken):
                break
            named = [p for p in people if rules.surname_of(p) == surname]
            if len(named) == 1:
                out.append(_Arg(start, m.end(), named[0], "PERSON"))
            break
    return out


def _title_scope(s: _Sentence, t0: int) -> tuple[_Sentence, int]:
    """Where a trigger's parties are: the sentence, or the title in 《》 the trigger is inside, a
    text of its own (《甲乙深化合作》《丙高度评价与丁的会谈》: 甲乙 are no party of that 会谈);
    with the offset of that text in the sentence."""
    title = next((m for m in _TITLE.finditer(s.text) if m.start() < t0 < m.end()), None)
    if title is None:
        return s, 0
    start, end = title.start() + 1, title.end() - 1
    inside = [
        _Arg(a.start - start, a.end - start, a.text, a.type, a.abbreviated)
        for a in s.args
        if start <= a.start and a.end <= end
    ]
    return _Sentence(s.text[start:end], inside), start


def _declared_short_forms(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """甲乙投资银行（甲投行）, 丙公司（以下简称“丙”）: the short form a body's name declares in
    brackets after it stands for that name wherever the article uses it."""
    out = {}
    for m in mentions:
        if m.type in ("ORG", "LOC") and m.start >= 0:
            short = _SHORT_FORM.match(text, m.end)
            if short is not None and _abbreviates(short.group(1), m.text):
                out[short.group(1)] = m.text
    return out


def _abbreviates(short: str, name: str) -> bool:
    """Each character of ``short`` is one of ``name``'s, in order (甲投行 of 甲乙基础设施投资银行)."""
    rest = iter(name)
    return len(short) < len(name) and all(c in rest for c in short)


def _post_holders(extraction: Extraction, people: Sequence[str]) -> set[str]:
    """One name, one reading per article: a holder of a post there (市长甲拉亚) is a person where
    the model read the bare name as a place (会见了甲拉亚), unless the name is a known place (a
    title before a region, 主席拉美之行, makes no holder of it)."""
    places = world_places() | load_rules().regions
    return {
        r.person
        for r in extraction.roles
        if r.person in people and r.person not in places and r.person not in gazetteer()
    }


def _cut_short(a: _Arg, latin: list[_Arg]) -> bool:
    """The model's name is only part of a Latin-letter name after a post (甲长Jay|Doe, or the
    name without the space that parts it from the post), or all of it read as no person."""
    return any(
        n.start <= a.start
        and a.end <= n.end
        and (a.end - a.start < n.end - n.start or a.type != "PERSON")
        for n in latin
    )


@functools.cache
def _met_before() -> re.Pattern[str]:
    """A verb of meeting of the lexicon, then a relative clause up to 的 (会晤甲部的)."""
    return re.compile(f"(?:{trigger_pattern(triggers_of('meets'))})了?[^，,。；;]{{1,24}}的$")


def _latin_people(text: str) -> list[_Arg]:
    """甲部部长Jane Doe: a name in Latin letters right after a post, or after 的 before a verb of
    meeting, is a person (the model reads only Chinese characters)."""
    rules = load_rules()
    found = []
    for m in LATIN_NAME.finditer(text):
        # 乙部主管丙事务的Jane Doe会面: after a relative clause, the one met
        met = text[: m.start()].rstrip(" ").endswith("的") and (
            _MET_NEXT.match(text, m.end()) is not None
            # 会晤甲部的Jane Doe (the verb at most 28 characters back: no need to read further)
            or _met_before().search(text, max(0, m.start() - 28), m.start()) is not None
        )
        if met or after_post(text, m.start(), rules):
            start = m.start() - (
                text[m.start() - 1] == " "
            )  # 主席 Jay Doe: the space is the name's
            found.append(_Arg(start, m.end(), m.group(), "PERSON"))
    return found
