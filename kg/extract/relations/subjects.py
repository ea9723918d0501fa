"""Who does what a clause says: its own subject (the nearest head no preposition governs, with
its list and leader), or one carried over from the clause before (not through a pronoun, nor after
a verb of saying), and the subject of the clause after.
"""

from __future__ import annotations

import functools
import re

from kg.extract.relations.grammar import (
    _Arg,
    _causes,
    _country,
    _ends_in_title,
    _in,
    _led_spans,
    _sent_by,
    _unnamed,
    _without_adverbs,
)
from kg.extract.relations.lexicon import _after_trigger, load_triggers, trigger_pattern, triggers_of
from kg.extract.relations.patterns import (
    _ADVERBIAL,
    _LIST_JOIN,
    _MEMBER_WORDS,
    _PARTIES,
    _PRONOUN,
    _SEQUENCE,
    _TIME_FRAME,
    _TOPIC,
)
from kg.extract.relations.sentence import _GOVERNED, _SAYING, _Sentence

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

_ADJUNCT_AFTER = re.compile(
    r"(?:期间|时|之际|以来|之后|后(?!来)|前(?!不久|些)|(?!在)[^，、和及与同]{0,4}的(?!代表|"
    + _MEMBER_WORDS
    + "))"
)

# A person's agent, aide or kin closing a clause of their own: the act is theirs, unnamed
_HELD_BY = re.compile(r"的(?!代表|" + _MEMBER_WORDS + r")[\u4e00-\u9fff]{1,4}[，,]?")


# 甲某之后拜会乙某: 之后 right after a person's name and before a verb is "then", no frame
@functools.cache
def _then_after_name() -> re.Pattern[str]:
    verbs = trigger_pattern(triggers_of("visits") | triggers_of("meets"))
    return re.compile(rf"之后(?=[\u4e00-\u9fff]{{0,4}}?(?:{verbs}|前往|与|同))")


# A body's own people as a group (乙局的同志, 丙厂职工, 丁会的志愿者)
_BODY_MEMBERS = re.compile("的?(?:" + _MEMBER_WORDS + "|代表)")

_LEADS = re.compile(r"(?:亲自|再次|又)?(?:率|率领|带领)")

# 率领一支甲市代表团, 率领高层的乙代表团
_LEADS_GROUP = re.compile(_LEADS.pattern + r"(?:[一两][个支批])?(?:[\u4e00-\u9fff]{2,4}的)?")

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

# A verb of attending right before a head: the head is its object (出席甲会午餐会)
_ATTENDS = re.compile(r"(?:出席|参加|列席|主持)了?$")

# What a head says of the subject when it is not the subject (subject(), _verdict()).
_SKIP = "skip"  # not it: look further left

_MODIFIER = "modifier"  # it qualifies a later head


def subject(
    s: _Sentence, clause: tuple[int, int], before: int, types: tuple[str, ...]
) -> list[_Arg]:
    """The party that does what the text before ``before`` says: the nearest head of the
    clause that no preposition governs (与会人员学习了习近平…在: 习近平), with the list it
    belongs to; else the subject carried over from the previous clause; none after a pronoun."""
    topics = _said(s, clause, before)
    heads = [m for m in s.heads if clause[0] <= m.start and m.end <= before and not _in(m, topics)]
    modifier: _Arg | None = None  # 甲地和乙地争端的: a list in a modifier goes with it
    for i in range(len(heads) - 1, -1, -1):
        m = heads[i]
        if modifier is not None and _LIST_JOIN.match(s._gap(m.end, modifier.start)):
            modifier = m
            continue
        verdict = _verdict(s, heads, i, clause, before, types)
        if verdict == _MODIFIER:
            modifier = m
        elif verdict != _SKIP:
            return verdict
    if _causes(s.text, clause[0], before):
        return []  # …，并允许外资入股甲行: the carried subject only allows it
    return _headless(s, clause, before, heads, topics, types)


def _said(s: _Sentence, clause: tuple[int, int], before: int) -> list[tuple[int, int]]:
    """Spans of the clause that name no subject: topics (就A问题), escorts, and a time frame
    closed before the verb (在甲乙条约缔结二十周年之际来华访问)."""
    topics = [t.span() for t in _TOPIC.finditer(s.text, clause[0], before)]
    topics += [(max(a, clause[0]), b) for a, b in s.escorts if a < before and clause[0] < b]
    return topics + [t.span() for t in _CLOSED_FRAME.finditer(s.text, clause[0], before)]


def _verdict(
    s: _Sentence,
    heads: list[_Arg],
    i: int,
    clause: tuple[int, int],
    before: int,
    types: tuple[str, ...],
) -> list[_Arg] | str:
    """What heads[i] says of the subject: _SKIP (not it, look further left), _MODIFIER (it
    qualifies a later head, and so does a list it ends), or the subject itself (none: [])."""
    lead = s._lead(heads, i, clause[0])
    governed = _governed(s, heads, i, lead, clause, before, types)
    if governed is not None:
        return governed
    m = heads[i]
    if _ATTENDS.search(lead):
        return _SKIP  # 甲某出席乙会午餐会和参观丙: what is attended does not visit
    if (
        _ADJUNCT_AFTER.match(s.text[:before], m.end)
        and not any(h.start > m.end for h in heads)
        and not _then_after_name().match(s.text, m.end)
    ):
        return _MODIFIER
    if i and _FRAME_OPEN.search(lead) and _FRAME_CLOSE.match(s.text[:before], m.end):
        return _SKIP  # A还将在出席B年会后访问C: B is the object of a clause of time
    if _PRONOUN.search(s.unnamed(m.end, before)) or _COUNTED_PEOPLE.search(s.text, m.end, before):
        return []
    if _SENDS.search(lead) and i:
        # 甲政府派出乙小组到丙国考察: the group sent is not who is named as visiting
        return _SKIP
    sends = (
        _SENDS.search(s.text, m.end, before)
        and m.type == "PERSON"
        and not _sent_by(s.text, m.end, before)
    )
    if sends or _ORGANISES.search(s.text, m.end, before) or _causes(s.text, m.end, before):
        # A派遣特使访问B: the envoy, unnamed, visits (a body visits by its group);
        # 组织干部到A: they go
        return []
    if re.search(r"邀请$|邀$", lead):
        return []  # 邀请A访问B: an invitation, not a visit
    return _subject_group(s, heads, i, clause, before, types)


def _governed(
    s: _Sentence,
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
    first = s._list_start(heads, i)
    titled = (
        heads[first].type == "PERSON" and s.chain_start[heads[first].start] < heads[first].start
    )
    verb = _after_trigger().search(s._lead(heads, first, clause[0]))
    # (a titled name after a visit verb of a headline starts a sentence; after 会见 it is the guest)
    if verb is not None and (
        not titled or load_triggers().get(verb.group().rstrip("了")) == "meets"
    ):
        return _SKIP  # 结束访问A和B后会见C: A and B are the objects of 访问
    if lead == "的" and i and s._lead(heads, i - 1, clause[0]).endswith("在"):
        return _SKIP  # 在甲市的乙饭店会见了A: the place's own place is no subject either
    listed = i and _LIST_JOIN.match(s._gap(heads[i - 1].end, m.start))
    if not _GOVERNED.search(lead) or _framed(s, m, i, lead, clause, before) or listed:
        return None
    later = range(i + 1, len(heads))  # each a head a preposition governs (在B, 同C)
    if (
        lead.endswith("对")
        and m.type in types
        and all(_GOVERNED.search(s._lead(heads, k, clause[0])) for k in later)
    ):
        return [m]  # 对甲总统访问乙国表示欢迎, 对A即将在B同C举行的会谈: a nominal event's party
    return _SKIP


def _framed(s: _Sentence, m: _Arg, i: int, lead: str, clause: tuple[int, int], before: int) -> bool:
    """在 opens a frame of time, not a place: 在…期间, or 将于下月在A与B举行的会晤期间 and
    待到A与B会晤之后, where 在 frames the meeting, whose first party A is."""
    if not i and lead in ("在", "就在") and _TIME_FRAME.search(s.text, *clause) is not None:
        return True
    return (
        m.type == "PERSON"
        and lead.endswith(("在", "待到", "等到", "直到"))
        and _FRAMED_MEETING.match(s.text, before, clause[1]) is not None
    )


def _subject_group(
    s: _Sentence,
    heads: list[_Arg],
    i: int,
    clause: tuple[int, int],
    before: int,
    types: tuple[str, ...],
) -> list[_Arg]:
    """The list heads[i] belongs to, with its leader, as the subject; none when its members
    are unnamed."""
    i = s._list_start(heads, i)
    group = [
        a
        for a in s.listed(heads[i], before, types)
        if a.type in types and not _ESCORT.match(s.text[a.end : a.end + 4])
    ]
    if group and all(s._post_unnamed(a) for a in group):
        return []  # 甲委员会委员和乙会常委，分别视察: members, no one named
    last = group[-1] if group else None
    # (乙局的同志到丙院参观: a body's members stand for the body)
    members = last is not None and last.type == "ORG" and _BODY_MEMBERS.match(s.text, last.end)
    if last and _unnamed(s.text[:before], last.end) and not members:
        return []
    if last and _UNNAMED_DUI.search(s.text[last.end : before]):
        return []  # 代表A对B访问乙国表示欢迎: the event belongs to the unnamed 对-phrase
    if group and group[0] is heads[0]:
        return _carried_leader(s, group[0], types) + group + s._bare_list_before(clause, types)
    return _leader(s, heads, i, types) + group


def _headless(
    s: _Sentence,
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
        for k, c in enumerate(s.text[clause[0] : before], clause[0])
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
        return _antecedent(s, clause[0])  # 甲说，他将访问乙: the one person named before
    glad = _GLAD.match(lead)
    if glad and _OWN_ACT.match(lead, glad.end()) and _after_speech(s, clause) and "PERSON" in types:
        return _antecedent(s, clause[0])  # 甲表示，很高兴访问乙: as 他
    # an adverb of sequence that opens the clause (随即…前往) says nothing of its length
    opened = _SEQUENCE.match(lead)
    if _PRONOUN.search(lead) or len(_ADVERBIAL.sub("", lead[opened.end() if opened else 0 :])) > 6:
        return []  # a long clause of its own has a subject that is no name
    if _KIND_SUBJECT.search(lead) or _UNNAMED_DUI.search(lead) or _SENDS.search(lead):
        # 参会人员又到A参观; 对某议长来访表示欢迎; 并派特使来A访问: the event is an unnamed party's
        return []
    return _carried(s, clause, types)


def _after_speech(s: _Sentence, clause: tuple[int, int]) -> bool:
    prev = s.clause_before(clause)
    return prev is not None and _SPEECH.search(s.text, prev[0], prev[1]) is not None


def _antecedent(s: _Sentence, pos: int) -> list[_Arg]:
    """Who 他/她 opening a clause is: the sentence's one person named before it (not a
    reporter of the byline); none when two are."""
    people = {
        m.text: m
        for m in s.heads
        if m.end <= pos and m.type == "PERSON" and not _REPORTER.search(s.text, 0, m.start)
    }
    return list(people.values()) if len(people) == 1 else []


def _leader(s: _Sentence, heads: list[_Arg], i: int, types: tuple[str, ...]) -> list[_Arg]:
    """A率(领)B代表团访问C: the person who leads the subject goes too."""
    prev = heads[i - 1] if i else None
    lead = s.text[prev.end : s.chain_start[heads[i].start]] if prev is not None else ""
    if "，" in lead:
        return _carried_leader(s, heads[i], types)
    if (
        prev is None
        or prev.type != "PERSON"
        or prev.type not in types
        or not _LEADS_GROUP.fullmatch(_without_adverbs(lead))
    ):  # A10日率B团
        return []
    return [prev]


def _carried_leader(s: _Sentence, group: _Arg, types: tuple[str, ...]) -> list[_Arg]:
    """甲离开北京，率乙代表团对丙国进行访问: a clause that opens with 率(领) a group has the
    previous clause's subject as its leader, who goes too."""
    if "PERSON" not in types:
        return []
    clause = s.clause_of(group.start)
    lead = s.text[clause[0] : s.chain_start[group.start]]
    if not _LEADS_GROUP.fullmatch(_without_adverbs(lead)):
        return []
    if any(
        h.type == "PERSON"
        and group.end < h.start < clause[1]
        and s.text.endswith("的", 0, s.chain_start[h.start])
        for h in s.heads
    ):
        return []  # 率乙代表团访问丙国的甲某: a clause on the person after it, who leads
    return [a for a in _carried(s, clause, ("PERSON",)) if a.type == "PERSON"]


def next_subject(s: _Sentence, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
    """The subject of the clause after ``clause``: its first head, with only a few words (no
    preposition) before it."""
    after = s.clauses_after(clause)
    if not after:
        return []
    nxt = after[0]
    heads = s.heads_in(nxt[0], nxt[1], _PARTIES)
    if not heads or heads[0].type not in types:
        return []
    lead = s.text[nxt[0] : s.chain_start[heads[0].start]]
    if (
        len(lead) > 6
        or _GOVERNED.search(lead)
        or _PRONOUN.search(s.unnamed(nxt[0], s.chain_start[heads[0].start]))
        or s._post_unnamed(heads[0])  # 在访问甲国前，乙司司长…: the post's holder is unnamed
    ):
        return []
    return s.listed(heads[0], nxt[1], types)


def _carried(s: _Sentence, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
    index = s.clauses.index(clause) if clause in s.clauses else 0
    for prev in reversed(s.clauses[:index]):
        text = s.text[prev[0] : prev[1]]
        if text.endswith("陪同下"):
            return _escorted(s, prev[1], types)  # A在B的陪同下，参观了C
        if _SPEECH.search(text) and not _HEARD.search(text) or "陪同" in text or "见证" in text:
            return []
        led = _led_spans(s.text, prev)
        heads = [
            m for m in s.heads_in(prev[0], prev[1], ("PERSON", "ORG", "LOC")) if not _in(m, led)
        ]
        if not heads:
            continue
        glued = _headline_end(s, prev, heads)
        heads = heads[glued:]
        lead = s.text[prev[0] : s.chain_start[heads[0].start]]
        verb = re.search(r"[了过](?P<post>[\u4e00-\u9fff]{0,10})$", lead)
        if verb is not None and (not verb.group("post") or _ends_in_title(verb.group("post"))):
            continue  # 拜会了(总理)A，访问了B: A is the object of a clause whose subject is earlier
        if (
            not glued
            and _after_trigger().search(lead)
            and lead[:1] not in "在从"
            and not s.text.startswith("的", heads[0].end)  # 应邀访问甲地的乙某: a modifier
        ):
            continue  # 会晤甲国总理A，并致辞，然后会见B: A is met, the subject is earlier
        found = _carried_from(s, prev, heads, clause, types)
        if found is not None:
            return found
    return []


def _headline_end(s: _Sentence, prev: tuple[int, int], heads: list[_Arg]) -> int:
    """甲国总理访问乙国丙国总理丁某今天抵达…: a headline run into its lead (the line break
    lost): the trigger's object, a country, glued to the country that opens a titled person's
    name chain. The lead's heads start at that person (0: no such headline)."""
    for k, h in enumerate(heads):
        if h.type != "PERSON" or s.chain_start[h.start] == h.start:
            continue  # no titled name chain
        chain = [m for m in s.mentions if s.chain_start[h.start] <= m.start and m.end <= h.start]
        # two countries glued (乙国丙省省长 is one chain: a place in a country qualifies)
        glued = len(chain) >= 2 and chain[0].end == chain[1].start
        if (
            glued
            and _country(chain[0])
            and _country(chain[1])
            and _after_trigger().search(s.text, prev[0], chain[0].start)
        ):
            return k
    return 0


def _carried_from(
    s: _Sentence,
    prev: tuple[int, int],
    heads: list[_Arg],
    clause: tuple[int, int],
    types: tuple[str, ...],
) -> list[_Arg] | None:
    """The subject an earlier clause ``prev`` hands on (its first head's list, with the body it
    leads), none, or None when the subject lies further back."""
    first = heads[0]
    if first.type not in types or _governed_name(s, prev[0], first):
        topic = _topic(s, prev, heads, types) or _qualified_subject(s, heads, types)
        if topic or first.type == "PERSON":
            return topic
        return None  # 去A访问时，得到甲国大使的接待，去B访问: the subject is further back
    pronoun = _PRONOUN.search(s.unnamed(prev[0], first.start))
    if _unnamed(s.text, first.end) or (pronoun and pronoun.end() < first.start - prev[0]):
        # 我研究甲大学，…，来考察乙: 甲 is the object of a pronoun's clause (not 我们甲团)
        return []
    said = _SAYS.match(s.text, first.end)
    if said is not None and not s.text.startswith("并", clause[0], clause[1]):
        # A称B愿…，…会谈: the clause said is B's (A宣布…，并访问C: 并 goes on with A's own acts)
        speaker_of = next((h for h in heads if h.start == said.end()), None)
        if speaker_of is not None and speaker_of.type in types:
            return s.listed(speaker_of, prev[1], types)
        return []
    group = _handed_on(s, prev, heads, types)
    if all(s._post_unnamed(a) for a in group):
        return []
    if s._bare_list(prev, types) == group:
        return s._bare_list_before(prev, types) + group
    return group


def _handed_on(
    s: _Sentence, prev: tuple[int, int], heads: list[_Arg], types: tuple[str, ...]
) -> list[_Arg]:
    """The list of ``prev``'s first head, with the body it leads; none for a person's aide."""
    first = heads[0]
    group = s.listed(first, prev[1], types)
    joint = s.listed(first, prev[1], types, joint=True)
    if len(joint) > len(group) and not s.text[joint[-1].end : prev[1]].strip("，, "):
        group = joint  # 甲某与乙某、丙某，先后拜访了丁: a clause of the list alone, all act
    if _HELD_BY.fullmatch(s.text, group[-1].end, prev[1]) and group[-1].type == "PERSON":
        return []  # 甲某的经纪人，已与乙会签约: the clause names the one who acts by 甲某 alone
    led_group = next((h for h in heads if h.start > group[-1].end), None)
    if (
        led_group is not None
        and led_group.type in types
        and _LEADS.fullmatch(s.text[group[-1].end : s.chain_start[led_group.start]])
    ):
        group = [*group, led_group]  # A率领B代表团离开北京，开始对C访问: B goes too
    return group


def _governed_name(s: _Sentence, start: int, name: _Arg) -> bool:
    """A preposition right before the name, or before the body and post that qualify it (与甲航空
    总裁乙某)."""
    chain = s.chain_start[name.start]
    titled = chain < name.start and _ends_in_title(s.text[chain : name.start])
    return _GOVERNED.search(s.text[start : chain if titled else name.start]) is not None


def _qualified_subject(s: _Sentence, heads: list[_Arg], types: tuple[str, ...]) -> list[_Arg]:
    """应邀对甲国进行访问的副主席A结束了…: a person after a clause that qualifies them (…的A)
    and before a verb of their own is the subject."""
    for h in heads:
        lead = s.text[heads[0].start : s.chain_start[h.start]]
        k = lead.rfind("的")
        qualified = (
            h.type == "PERSON" and k >= 0 and (k == len(lead) - 1 or _ends_in_title(lead[k + 1 :]))
        )
        # 由甲舰和乙舰组成的丙编队驶抵…: the body the 由-clause makes up
        made_of = (
            h.type == "ORG"
            and lead.endswith("组成的")
            and s.text.endswith("由", 0, s.chain_start[heads[0].start])
        )
        if (qualified or made_of) and h.type in types:
            return [] if s.text.startswith(("的", "、", "和"), h.end) else [h]
    return []


def _escorted(s: _Sentence, end: int, types: tuple[str, ...]) -> list[_Arg]:
    """The party escorted in 甲在乙、丙的陪同下 (ending at ``end``): the name right before 在."""
    opening = s.text.rfind("在", 0, end)
    while opening > 0:
        before = [h for h in s.heads if h.end <= opening]
        between = _without_adverbs(s.text[before[-1].end : opening]) if before else None
        if between is not None and (
            between == "" or _ends_in_title(between)
        ):  # 甲副总理在夫人陪同下
            group = s.list_ending((0, opening), before[-1].end, types)
            return group if group and all(h.type in types for h in group) else []
        opening = s.text.rfind("在", 0, opening)
    return []


def _topic(
    s: _Sentence, clause: tuple[int, int], heads: list[_Arg], types: tuple[str, ...]
) -> list[_Arg]:
    """应邀对甲国进行访问的副主席A，今天到B访问: a clause whose first name is no subject, but
    which ends on a person, is that person's noun phrase; the person is the next clause's subject."""
    last = heads[-1]
    tail = s.text[last.end : clause[1]]  # …的国家副主席A， or …的A、B等外宾，
    if (
        last.type != "PERSON"
        or last.type not in types
        or not re.fullmatch(r"(?:等[\u4e00-\u9fff]{0,4})?", tail)
    ):
        return []
    listed = heads[s._list_start(heads, len(heads) - 1) :]
    if _after_trigger().search(s.text, clause[0], s.chain_start[listed[0].start]):
        return []  # 在甲地会见乙国国王A，与B会谈: A is the object met, the subject is further back
    return [m for m in listed if m.type in types]
