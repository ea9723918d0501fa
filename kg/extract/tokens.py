"""One re-tokenising pass before any matching. Each splitter reads the backend's Doc and says
where words must be cut (an organisation glued to a title, a town glued to a relative body across
和, a river glued to its surface, short names, chains of places); the cuts are made once, and the
model's entities are kept, trimmed or dropped once."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.backends.doc import doc_text
from kg.extract.lists import find_short_names
from kg.extract.places import country_prefix, gazetteer, world_countries
from kg.extract.rules import RULES_DIR, Rules, read_list
from kg.extract.words import DATELINE, LATIN_NAME, after_post, is_place_name, owned_venture

CharSpan = tuple[int, int, str]


@dataclass
class Cuts:
    """What one splitter asks of the pass, in character offsets of the text."""

    offsets: set[int] = field(default_factory=set)  # cut a word here
    trim_at: set[int] = field(default_factory=set)  # an entity across one of these ends there
    model: list[CharSpan] = field(default_factory=list)  # entities that replace the model's
    fixed: list[CharSpan] = field(default_factory=list)  # spans no rule span may overlap
    tags: dict[int, str] = field(default_factory=dict)  # tag of the new word starting here
    full_names: dict[tuple[int, int], str] = field(default_factory=dict)  # short name -> full

    def cut_verb(self, v0: int, v1: int, spans: list[CharSpan]) -> None:
        """A verb from ``v0`` to ``v1`` inside a model entity is a word of its own, and ``spans``
        (the names around it) replace the entity: a cut inside drops the model's span."""
        self.offsets |= {v0, v1} | {a for a, _, _ in spans} | {b for _, b, _ in spans}
        self.tags[v0] = "v"
        self.model += spans

    def add(self, other: Cuts) -> None:
        self.offsets |= other.offsets
        self.trim_at |= other.trim_at
        self.model += other.model
        self.fixed += other.fixed
        self.tags.update(other.tags)
        self.full_names.update(other.full_names)


def org_titles(doc: Doc, rules: Rules) -> Cuts:
    """市委常委 -> 市委 | 常委; 市政协党组 + 成员 -> 市政协 | 党组成员: a title match that ends on a
    word boundary but starts inside a word whose head is an organisation gets a boundary there,
    and an entity across it ends there."""
    text = doc_text(doc)
    ends = {t.idx + len(t.text) for t in doc} | {len(text)}
    starts = [t.idx for t in doc]
    cuts = Cuts()
    title_starts = set()
    for m in rules.title_re.finditer(text):
        s, e = m.start(), m.end()
        title_starts.add(s)
        if e not in ends or s >= len(text):
            continue
        token = doc[_token_at(starts, s)]
        if token.idx == s:
            continue
        head = text[token.idx : s]
        orgish = (
            token.ent_type_ in ("ORG", "LOC")
            or head in rules.org_names
            or rules.org_suffix_re.search(head)
        )
        if len(head) >= 2 and orgish:
            cuts.offsets.add(s)
    if cuts.offsets:  # an entity across a word boundary where a title starts ends there too
        cuts.trim_at = (cuts.offsets | set(starts)) & title_starts
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        # 市卫健委党组|书记, 某村党支部|书记: a party unit + 书记 is the post (党组书记); the
        # body, or the village, ends before it
        unit = next(
            (u for u in _PARTY_UNITS if ent.text.endswith(u) and len(ent.text) - len(u) >= 2), None
        )
        if unit is not None and _PARTY_POST.match(text, ent.end_char):
            cut = ent.end_char - len(unit)
            head = text[ent.start_char : cut]
            cuts.offsets.add(cut)
            cuts.model.append((ent.start_char, cut, "LOC" if is_place_name(head, rules) else "ORG"))
    return cuts


_PARTY_UNITS = ("党组", "党委", "党工委", "党总支", "党支部")
_PARTY_POST = re.compile(r"(?:副|第一)?书记")


# 故县镇和县农业农村局, 递铺街道和县发展和改革局: a town, 和, then a body relative to the county,
# which the model glued into words across the 和.
_TOWN_AND_BODY = re.compile(
    r"(?:镇|乡|街道|村)(和)(?=[市县区][^，。、；：\s]{1,14}?(?:局|委|办|院|中心|政府))"
)


def listed_bodies(doc: Doc, rules: Rules) -> Cuts:
    """A town and a relative body glued across 和 are two names, split at 和."""
    starts = {t.idx for t in doc}
    cuts = Cuts()
    for m in _TOWN_AND_BODY.finditer(doc_text(doc)):
        a = m.start(1)
        if a not in starts or a + 1 not in starts:  # only where 和 is glued to a neighbour
            cuts.offsets |= {a, a + 1}
            cuts.tags[a] = "c"
    return cuts


def water_surface(doc: Doc, rules: Rules) -> Cuts:
    """牡丹江|江面: the model took the first character of 江面 (the river's surface) into the
    river's name; the name ends one character earlier."""
    cuts = Cuts()
    for e in doc.ents:
        if (
            e.label_ == "LOC"
            and len(e.text) >= 3
            and e.text[-1] == e.text[-2]
            and e.text[-1] in "江河湖"
            and e.end < len(doc)
            and doc[e.end].text[:1] in "面边畔岸"
        ):
            cuts.offsets.add(e.end_char - 1)
            cuts.model.append((e.start_char, e.end_char - 1, "LOC"))
    return cuts


def short_names(doc: Doc, rules: Rules) -> Cuts:
    """Routes named by place abbreviations and elliptical lists (lists.py)."""
    cuts = Cuts()
    for s in find_short_names(doc_text(doc), {t.idx for t in doc}, rules):
        cuts.offsets |= {s.start, s.end}
        cuts.fixed.append((s.start, s.end, s.label))
        cuts.full_names[(s.start, s.end)] = s.name
    return cuts


# A registered company name starts with a province, city or county, never with a town: a town
# before it is where it is (某区某镇 | 某某农业有限公司). Farmers' cooperatives are
# registered with their town and keep it (orgs.cooperatives).
_COMPANY_ENDINGS = ("公司", "集团")


def place_chains(doc: Doc, rules: Rules) -> Cuts:
    """Model entities that glue places to a name: a chain of places alone (聊城市东昌府区 tagged
    as an ORG) is each place; a town chain before a company or a residential compound is cut off."""
    cuts = Cuts()
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "LOC"):
            continue
        text = ent.text
        ends = _place_chain(text)
        if not ends:
            continue
        rest = text[ends[-1] :]
        last = text[(ends[-2] if len(ends) > 1 else 0) : ends[-1]]
        town = any(p.level == "town" for p in gazetteer().lookup(last))
        if not rest and len(ends) > 1:
            label = None
        elif (
            town
            and len(rest) >= 3
            and (
                rest.endswith(_COMPANY_ENDINGS)
                or (ent.label_ == "LOC" and is_place_name(rest, rules))
            )
        ):
            label = "ORG" if rest.endswith(_COMPANY_ENDINGS) else "LOC"
        else:
            continue
        for a, b in itertools.pairwise([0, *ends]):
            cuts.fixed.append((ent.start_char + a, ent.start_char + b, "LOC"))
        if label is not None:
            cuts.fixed.append((ent.start_char + ends[-1], ent.end_char, label))
        cuts.offsets |= {ent.start_char + e for e in ends}
    return cuts


def _place_chain(text: str) -> list[int]:
    """End offsets of the administrative places ``text`` starts with, each inside the one before
    (聊城市东昌府区柳园街道… -> [3, 7, 11])."""
    gaz = gazetteer()
    ends: list[int] = []
    parent = None
    while True:
        pos = ends[-1] if ends else 0
        head = next(gaz.full_prefixes(text[pos:], 8), None)
        if head is None:
            return ends
        places = [
            p for p in gaz.lookup(head) if p.name == head and (parent is None or p.within(parent))
        ]
        if not places:
            return ends
        parent = places[0]
        ends.append(pos + len(head))


def bracket_cuts(doc: Doc, rules: Rules) -> Cuts:
    """江苏）电子公司 of 某某（江苏）电子公司: an entity the model cut at one bracket
    of a pair keeps the side without it, so the name can be joined whole again."""
    cuts = Cuts()
    for ent in doc.ents:
        opened = [i for i, c in enumerate(ent.text) if c in "（("]
        closed = [i for i, c in enumerate(ent.text) if c in "）)"]
        if len(opened) == len(closed):
            continue
        cut = closed[-1] + 1 if len(closed) > len(opened) else opened[0]
        keep = (
            (ent.start_char + cut, ent.end_char)
            if len(closed) > len(opened)
            else (ent.start_char, ent.start_char + cut)
        )
        cuts.offsets.update({ent.start_char + cut - 1, ent.start_char + cut})
        if keep[1] - keep[0] >= 2:
            cuts.model.append((*keep, ent.label_))
    return cuts


def region_runs(doc: Doc, rules: Rules) -> Cuts:
    """京|津|冀: places the model found side by side that together name a region of
    lexicons/regions.txt are that region (京津冀), also where the region's name goes on past them
    to a word's end (粤|港|澳 then 大湾区: the listed region, not 广东 and 香港). A region that two
    forms also spell as a pair (中|欧, regions_or_pairs.txt) is one only where the text uses it as one."""
    cuts, text = Cuts(), doc_text(doc)
    ents = [e for e in doc.ents if e.label_ == "LOC"]
    ends = {t.idx + len(t.text) for t in doc}
    for i, first in enumerate(ents):
        for j in range(i + 1, min(i + 4, len(ents))):
            if ents[j].start_char != ents[j - 1].end_char:
                break
            run = text[first.start_char : ents[j].end_char]
            region = max(
                (
                    r
                    for r in rules.regions
                    if r.startswith(run) and text.startswith(r, first.start_char)
                ),
                key=len,
                default=None,
            )
            end = first.start_char + len(region) if region is not None else -1
            if end in ends and (
                region not in _REGIONS_OR_PAIRS or _region_as_one(text, first.start_char, end)
            ):
                cuts.model.append((first.start_char, end, "LOC"))
                break  # the longest region from here
    return cuts


_REGIONS_OR_PAIRS = frozenset(read_list(RULES_DIR / "regions_or_pairs.txt"))
# Where two one-character forms spell a region (中|欧: Central Europe) it is one place after a verb
# of going or 在, or before a count of its countries, unless a pair's word follows (中欧关系, 在中欧
# 合作框架下: China and Europe, as MSRA tags them).
_REGION_BEFORE = re.compile(r"(?:在|到|赴|访问|出访|前往|抵达|飞抵)$")
_REGION_AFTER = re.compile(r"(?:[\d三四五六七八九十几]+个?)?(?:国家|国|地区)|(?:的)?访问")
_PAIR_AFTER = re.compile(
    r"关系|合作|贸易|经贸|峰会|首脑|领导人|双方|之间|两|友好|投资|班列|论坛|对话|建交|联合"
)


def _region_as_one(text: str, s: int, e: int) -> bool:
    """访问中|欧, 中|欧三国: the two forms at ``s``..``e`` are one region here, not a pair."""
    return not _PAIR_AFTER.match(text, e) and _used_as_one(
        text, s, e, _REGION_BEFORE, _REGION_AFTER
    )


# Where two one-character forms that spell a country (中|非: 中非, the Central African Republic)
# stand as one party: after a joiner or a verb of going, or before a body or post of a state. Else
# they stay a pair (中非关系, 中非经贸合作: 中国 and 非洲), as MSRA tags them.
_ONE_COUNTRY_BEFORE = re.compile(r"(?:和|同|与|及|、|访问|出访|抵达|前往|赴|驻)$")
_ONE_COUNTRY_AFTER = re.compile(r"政府|总统|总理|首相|外长|外交|议长|国民议会|共和国|驻")


def country_runs(doc: Doc, rules: Rules) -> Cuts:
    """Entities side by side that spell one country of the world list: a country whose name has
    和 in it (特立尼达|和|多巴哥, 安提瓜|和|巴布达), and 中|非, one-character places, where the
    text uses them as one country (和中非复交, 访问中非, 中非政府)."""
    cuts, text = Cuts(), doc_text(doc)
    for first, second in itertools.pairwise(doc.ents):
        s, e = first.start_char, second.end_char
        if first.label_ != "LOC" or text[s:e] not in world_countries():
            continue
        joined = text[first.end_char : second.start_char] == "和"
        if joined or (
            first.end_char == second.start_char
            and _used_as_one(text, s, e)
            and second.label_ == "LOC"
        ):
            cuts.model.append((s, e, "LOC"))
    return cuts


def dateline_cuts(doc: Doc, rules: Rules) -> Cuts:
    """甲国|新华社北京电, 新华社电|乙大学: an entity the model ran over a dateline's edge keeps the
    part outside it (a place when it is a country of the world list), at least two characters."""
    cuts, text = Cuts(), doc_text(doc)
    edges = sorted({x for d in DATELINE.finditer(text) for x in d.span()})
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        inside = [x for x in edges if s < x < e]
        if not inside:
            continue
        cuts.offsets.update(inside)
        before, after = (s, inside[0]), (inside[-1], e)
        parts = []
        if before[1] - before[0] >= 2 and not DATELINE.match(text, s):
            parts.append(
                (*before, "LOC" if text[slice(*before)] in world_countries() else ent.label_)
            )
        if after[1] - after[0] >= 2 and DATELINE.search(text, s, after[0]):
            parts.append((*after, ent.label_))
        cuts.model += parts
    return cuts


def glued_countries(doc: Doc, rules: Rules) -> Cuts:
    """斐济萨摩亚 -> 斐济|萨摩亚: an entity that is two or more countries of the world list written
    side by side (a headline's 出访甲国乙国) and itself no place is those countries, unless the last
    is also a ruler's title (exceptions.tsv: 文莱苏丹)."""
    cuts, text = Cuts(), doc_text(doc)
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        if e - s < 4 or is_place_name(text[s:e], rules):
            continue
        ends = _country_ends(text[s:e])
        if ends and text[s + ends[-2] : e] not in rules.exceptions("glued_countries"):
            cuts.offsets.update(s + end for end in ends[:-1])
            cuts.model += [(s + a, s + b, "LOC") for a, b in itertools.pairwise([0, *ends])]
    return cuts


def _country_ends(text: str) -> list[int]:
    """The ends of the countries ``text`` is made of, two or more, each of two characters or more;
    empty when it is not so made."""
    countries = world_countries()
    for n in range(len(text) - 2, 1, -1):  # the longest first country first
        if text[:n] not in countries:
            continue
        if text[n:] in countries:
            return [n, len(text)]
        rest = _country_ends(text[n:])
        if rest:
            return [n, *(n + end for end in rest)]
    return []


def _used_as_one(
    text: str,
    s: int,
    e: int,
    before: re.Pattern[str] = _ONE_COUNTRY_BEFORE,
    after: re.Pattern[str] = _ONE_COUNTRY_AFTER,
) -> bool:
    """Two one-character forms (中|非) the text uses as one country (or, given a region's words
    ``before`` and ``after``, as one region: 中|欧)."""
    return e - s == 2 and bool(before.search(text, max(0, s - 2), s) or after.match(text, e))


_NO_NAME_TAILS = frozenset({"及", "等", "与"})


def joiner_tails(doc: Doc, rules: Rules) -> Cuts:
    """叶挺|及, 周勇|及: a person the model ran over a conjunction after the name ends before it.
    Only those no name ends with (杨世和, 林散之, 爱新觉罗·连经, 侯赛因 are names)."""
    cuts = Cuts()
    for ent in doc.ents:
        last = ent[-1]
        if (
            ent.label_ == "PERSON"
            and len(ent) >= 2
            and last.text in _NO_NAME_TAILS
            and last.tag_ in ("c", "u", "p")
            and last.idx - ent.start_char >= 2
        ):
            cuts.trim_at.add(last.idx)
    return cuts


# A meeting or call before a guest: 会见甲国部长乙某时说 (the clause's verb, a few posts between)
_MET_BEFORE = re.compile(r"(?:会见|接见|会晤|会谈|拜会|拜访|看望)了?[^，。；：]{0,16}$")


def _last_character_cuts(
    doc: Doc, char: str, belongs_after: Callable[[str, Span], bool]
) -> list[int]:
    """Where a person of three or more characters that the model ran into a word after it ends:
    the offset of its last character ``char``, wherever ``belongs_after`` says that character
    opens or is what follows the name."""
    text = doc_text(doc)
    return [
        ent.end_char - 1
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and len(ent.text) >= 3
        and ent.text.endswith(char)
        and belongs_after(text, ent)
    ]


def _cut_before(offsets: list[int]) -> Cuts:
    cuts = Cuts()
    cuts.offsets.update(offsets)
    cuts.trim_at.update(offsets)
    return cuts


def time_tails(doc: Doc, rules: Rules) -> Cuts:
    """会见乙国部长丙某|时说: a guest the model ran into the 时 that makes the meeting a time ends
    before it. Only after a verb of meeting: MSRA's training and dev parts hold one name that ends
    in 时 (朱清时) and 29 that 时 follows."""
    return _cut_before(
        _last_character_cuts(
            doc,
            "时",
            lambda text, ent: (
                _MET_BEFORE.search(text, max(0, ent.start_char - 24), ent.start_char) is not None
            ),
        )
    )


def meeting_tails(doc: Doc, rules: Rules) -> Cuts:
    """乙某会|面, 丙某会|见: a person the model ran into the 会 that opens a verb of meeting ends
    before it. MSRA's train and dev parts hold five gold names that end in 会, none before 面, 见,
    晤 or 谈."""
    return _cut_before(
        _last_character_cuts(
            doc,
            "会",
            lambda text, ent: text[ent.end_char : ent.end_char + 1] in ("面", "见", "晤", "谈"),
        )
    )


# Coming to (or being in, leaving) China or Beijing, right after a guest's name
_ARRIVALS = ("来华", "访华", "抵华", "在华", "赴华", "离华", "来京", "抵京", "离京")


def arrival_tail(name: str) -> int:
    """欢迎甲某某|来华出席, 对乙某|来华了解…表示欢迎: how many characters of a name are the verb
    of coming to China or Beijing the model ran it into (0: none). The name keeps two characters
    at least; no gold name of MSRA, CLUENER or Resume (train and dev) ends in such a verb."""
    return 2 if len(name) >= 4 and name.endswith(_ARRIVALS) else 0


def arrival_tails(doc: Doc, rules: Rules) -> Cuts:
    """A name run into 来华 or 抵京 after it ends before it (``arrival_tail``)."""
    return _cut_before([ent.end_char - 2 for ent in doc.ents if arrival_tail(ent.text)])


def acting_tails(doc: Doc, rules: Rules) -> Cuts:
    """由甲局局长乙某|署任丙司司长: a person the model ran into the 署 of 署任 or 署理 ("acting as")
    after the name ends before it. No gold name of MSRA, CLUENER or Resume (train and dev) ends
    in 署."""
    return _cut_before(
        _last_character_cuts(
            doc, "署", lambda text, ent: text[ent.end_char : ent.end_char + 1] in ("任", "理")
        )
    )


def modal_tail(name: str) -> bool:
    """甲商贸代表团会|出席, 乙工作组会|先后到访: a group the model ran into the 会 ("will") after
    it. MSRA's, CLUENER's and Resume's training files hold no gold body that ends in 团会 or
    组会."""
    return len(name) >= 3 and name.endswith(("团会", "组会"))


def modal_tails(doc: Doc, rules: Rules) -> Cuts:
    """A group run into the modal 会 after it ends before it (``modal_tail``)."""
    return _cut_before(
        [ent.end_char - 1 for ent in doc.ents if ent.label_ == "ORG" and modal_tail(ent.text)]
    )


# What ends a photo credit: its bracket, the line's or text's end, or the agency in brackets after
# it (甲某摄（乙视觉）)
_CREDIT_END = re.compile(r"\s*(?:[）)]|[（(][^（）()，。]{1,12}[）)]|$)", re.MULTILINE)


# The verb of a credit: photographed (摄, 摄影), drawn (绘), made (作); 报道 may follow
_CREDIT_VERB = re.compile(r"(?:摄影|摄|绘|作)$")


def photo_credits(doc: Doc, rules: Rules) -> Cuts:
    """（新华社记者李刚|摄）, （甲某|摄影报道）, （乙局丙某|绘）: a person the model ran over the verb
    of a credit at its end ends before it; the verb is no character of the name. The gold names of
    MSRA, CLUENER and Resume that end so (池田大作, 田中千绘) end no credit."""
    text = doc_text(doc)
    offsets = []
    for ent in doc.ents:
        verb = _CREDIT_VERB.search(ent.text) if ent.label_ == "PERSON" else None
        if (
            verb is not None
            and verb.start() >= 2
            and _CREDIT_END.match(
                text, ent.end_char + (2 if text.startswith("报道", ent.end_char) else 0)
            )
        ):
            offsets.append(ent.start_char + verb.start())
    cuts = _cut_before(offsets)
    cuts.tags.update(dict.fromkeys(offsets, "v"))
    return cuts


def byline_places(doc: Doc, rules: Rules) -> Cuts:
    """记者龙某|北京报道: a person the model ran into the place a byline files from, right before
    报道 or 电, is the name alone and the place; the name keeps a surname and one character at
    least (记者王长春报道 and 记者欧阳长春报道 stay one name)."""
    text = doc_text(doc)
    cuts = Cuts()
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        if ent.label_ != "PERSON" or not _FILED.match(text, e):
            continue
        for cut in range(e - 2, s + 1, -1):  # the longest name first (李长春|北京)
            surname = rules.surname_of(text[s:cut])
            if surname and cut - s > len(surname) and is_place_name(text[cut:e], rules):
                cuts.offsets.add(cut)
                cuts.model += [(s, cut, "PERSON"), (cut, e, "LOC")]
                break
    return cuts


_FILED = re.compile(r"报道|电(?![\u4e00-\u9fff])|电[，。]")


# A verb of visiting or meeting inside an organisation's span (甲市|参观|乙有限公司) that is not part of
# a group's name (访问团, 考察组, 调研室, 会晤委员会)
# 汽车厂, 博物馆: bodies visited, with endings no organisation suffix has
_WORKS = (
    "厂",
    "馆",
    "场",
    "站",
    "园",
)
# Verbs of visiting and meeting the model runs into names (甲市参观乙公司, 拜会|甲办公室), not
# when they open a group's name (参观团, 考察组, 访问学者)
_VISIT_VERBS = r"(?:参观|考察|视察|访问|会见|接见|走访|拜会|拜访|会晤)"
_VERB_INSIDE = re.compile(_VISIT_VERBS + r"(?![团组队室处]|委员会|小组)")


def _person_of(head: str, start: int, rules: Rules) -> list[CharSpan]:
    """A person's name (with a modal verb after it: 甲某会拜会) as a PERSON span: two or three
    characters from a surname, none if ``head`` is no such name or names a place."""
    name = re.sub(r"[会将亦也]$", "", head)
    if not 2 <= len(name) <= 3 or rules.surname_of(name) is None or is_place_name(name, rules):
        return []
    return [(start, start + len(name), "PERSON")]


def _places_of(head: str, start: int, rules: Rules) -> list[CharSpan]:
    """A place, or a country then a place of it (甲国乙市), as LOC spans; none if ``head`` is neither."""
    country = country_prefix(head)
    if country is not None and len(head) - len(country) >= 2:
        return [
            (start, start + len(country), "LOC"),
            (start + len(country), start + len(head), "LOC"),
        ]
    return [(start, start + len(head), "LOC")] if is_place_name(head, rules) else []


def verb_runs(doc: Doc, rules: Rules) -> Cuts:
    """甲市参观乙电子有限公司, 丙国丁市参观戊汽车厂, 甲某拜会乙办公室: an organisation the model ran
    across a verb of visiting, from the place where it happens (or a time, 甲报社时会见, or who
    visits) to what is visited. The verb is no character of a name: the place or person before it
    and the body after it are names of their own."""
    cuts = Cuts()
    for ent in doc.ents:
        verb = _VERB_INSIDE.search(ent.text, 2) if ent.label_ == "ORG" else None
        if verb is None or len(ent.text) - verb.end() < 2:
            continue
        head, tail = ent.text[: verb.start()], ent.text[verb.end() :]
        start, v0, v1 = ent.start_char, ent.start_char + verb.start(), ent.start_char + verb.end()
        spans = _places_of(head, start, rules) or _person_of(head, start, rules)
        if not spans and head.endswith("时") and rules.org_suffix_re.search(head[:-1]):
            spans = [(start, v0 - 1, "ORG")]  # 在甲报社时会见: a time after the body
            cuts.offsets.add(v0 - 1)
        if not spans:
            continue
        if len(tail) >= 4 and (rules.org_suffix_re.search(tail) or tail.endswith(_WORKS)):
            spans.append((v1, ent.end_char, "ORG"))
        cuts.cut_verb(v0, v1, spans)  # a cut after a name cuts off a modal (甲某|会|拜会)
    return cuts


# A verb of sending the model runs into a body's name, with the group sent after it (甲政府将派
# 乙代表团, 乙市委|派出工作组, 丙局组织检查组); not 派出所, 派出机构, 派驻, 党派, 学派
_SENDS_INSIDE = re.compile(
    r"(?:将|还|已|也|又|曾)?"
    r"(?:(?<![党学流宗教帮])(?:派出|派遣|选派|(?<![市县省区镇乡党])委派|派)(?![所驻]|机构)|组织)"
)
_SENT_GROUP = re.compile(r"[\u4e00-\u9fff]{0,8}(?:团|组|队)$")


def sending_runs(doc: Doc, rules: Rules) -> Cuts:
    """甲政府将派乙代表团, 乙市派出工作组, 丙局组织检查组: a body (or place) the model ran across
    a verb of sending into the unnamed group it sends. The body is a name of its own; the verb and
    the group are none (the group is a kind, not a name)."""
    cuts = Cuts()
    for ent in doc.ents:
        verb = _SENDS_INSIDE.search(ent.text, 2) if ent.label_ == "ORG" else None
        if verb is None or not _SENT_GROUP.fullmatch(ent.text, verb.end()):
            continue
        head, start = ent.text[: verb.start()], ent.start_char
        spans = _places_of(head, start, rules)
        if not spans and rules.org_suffix_re.search(head):
            spans = [(start, start + len(head), "ORG")]
        if not spans or (verb.group().endswith("组织") and spans[-1][2] != "ORG"):
            continue  # (甲省组织: a place does not 组织 here; only a body's 组织 is the verb)
        cuts.cut_verb(start + verb.start(), start + verb.end(), spans)
    return cuts


def doubled_names(doc: Doc, rules: Rules) -> Cuts:
    """甲某某|甲某某: one name twice with nothing between (a headline run into the story's first
    sentence, 会见甲某某甲某某与乙会谈), which the model reads as one name. It is the name twice."""
    cuts = Cuts()
    for ent in doc.ents:
        half = len(ent.text) // 2
        if ent.label_ == "PERSON" and half >= 2 and ent.text == ent.text[:half] * 2:
            mid = ent.start_char + half
            cuts.offsets.add(mid)
            cuts.model += [(ent.start_char, mid, "PERSON"), (mid, ent.end_char, "PERSON")]
    return cuts


_VERB_HEAD = re.compile(
    _VISIT_VERBS + r"(?![团组队室处者]|委员会|小组|学者)"
    r"|联同|偕同"  # going along with (甲某联同乙局局长丙某; not 会同, a county's name)
    r"|[同与跟](?=[^·]{1,6}·)"  # a preposition before a transliterated name (同甲·乙就…会谈)
)


def verb_head(name: str) -> int:
    """The length of a verb of visiting, meeting or going along, or of a preposition before a
    transliterated name, that the model ran into the start of ``name`` (拜会|甲办公室), 0 when
    there is none."""
    verb = _VERB_HEAD.match(name)
    return 0 if verb is None else verb.end()


def verb_heads(doc: Doc, rules: Rules) -> Cuts:
    """拜会|甲办公室, 会晤|乙盟, 联同|丙局, 同|甲·乙: the model ran a verb of visiting, meeting or
    going along, or a preposition, into the name after it. It is no character of the name; a name
    that is only the verb is none."""
    cuts = Cuts()
    for ent in doc.ents:
        size = verb_head(ent.text)
        if not size:
            continue
        start = ent.start_char + size
        if len(ent.text) - size >= 2:
            cuts.offsets.add(start)
            cuts.model.append((start, ent.end_char, ent.label_))
        else:
            cuts.offsets.add(ent.start_char + 1)  # a cut inside drops it
    return cuts


def state_kinds(doc: Doc, rules: Rules) -> Cuts:
    """轮值主席国|甲国, 出口国|乙国: the model glued the 国 of a kind of state to the country
    after it (国甲国, read as a person or a body); the country starts one character later."""
    cuts = Cuts()
    for ent in doc.ents:
        if ent.text.startswith("国") and ent.text[1:] in world_countries() and ent.start_char > 0:
            cuts.offsets.add(ent.start_char + 1)
            cuts.model.append((ent.start_char + 1, ent.end_char, "LOC"))
    return cuts


def latin_runs(doc: Doc, rules: Rules) -> Cuts:
    """甲办公室主管Benjamin| Soffer, 总经济师Alexander| |Morozov: a person the model found in part of
    a name in Latin letters (capitalised words, ``words.LATIN_NAME``) right after a post is the
    whole name. MSRA, CLUENER and Resume print Latin names without their spaces, so none of their
    gold is such a run."""
    text = doc_text(doc)
    cuts = Cuts()
    for m in LATIN_NAME.finditer(text):
        if not after_post(text, m.start(), rules):
            continue  # 及Kingdom Holdings主席: the tagger's labels of Latin words are guesses
        inside = [e for e in doc.ents if m.start() <= e.start_char and e.end_char <= m.end()]
        if any(e.label_ == "PERSON" for e in inside) and any(
            (e.start_char, e.end_char) != m.span() for e in inside
        ):
            cuts.offsets |= {m.start(), m.end()}
            cuts.model.append((m.start(), m.end(), "PERSON"))
    return cuts


def ownership_heads(doc: Doc, rules: Rules) -> Cuts:
    """中美合资|甲制药有限公司, 中外合资|乙公司: the model read who owns a joint venture as part of
    its name (``words.owned_venture``); the name starts after 合资, and each country of a pair is
    a place."""
    text = doc_text(doc)
    cuts = Cuts()
    for ent in doc.ents:
        start = ent.start_char
        if ent.label_ != "ORG" or len(ent.text) < 6 or not owned_venture(text, start + 2, rules):
            continue
        cuts.offsets |= {start + 1, start + 2, start + 4}
        cuts.model.append((start + 4, ent.end_char, "ORG"))
        if text[start : start + 2] != "中外":
            cuts.model += [(start, start + 1, "LOC"), (start + 1, start + 2, "LOC")]
    return cuts


SPLITTERS: dict[str, Callable[[Doc, Rules], Cuts]] = {
    "bracket_cuts": bracket_cuts,
    "region_runs": region_runs,
    "country_runs": country_runs,
    "glued_countries": glued_countries,
    "dateline_cuts": dateline_cuts,
    "org_titles": org_titles,
    "listed_bodies": listed_bodies,
    "water_surface": water_surface,
    "short_names": short_names,
    "place_chains": place_chains,
    "joiner_tails": joiner_tails,
    "time_tails": time_tails,
    "meeting_tails": meeting_tails,
    "modal_tails": modal_tails,
    "arrival_tails": arrival_tails,
    "acting_tails": acting_tails,
    "latin_runs": latin_runs,
    "photo_credits": photo_credits,
    "byline_places": byline_places,
    "verb_runs": verb_runs,
    "verb_heads": verb_heads,
    "sending_runs": sending_runs,
    "doubled_names": doubled_names,
    "state_kinds": state_kinds,
    "ownership_heads": ownership_heads,
}


def _token_at(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def retokenize(
    doc: Doc, rules: Rules, *, disable: frozenset[str] = frozenset()
) -> tuple[Doc, list[Span], dict[tuple[int, int], str]]:
    """Cut the words every splitter asks for, in one pass; set the model's entities that survive
    (trimmed where a title starts inside, dropped where a cut falls inside). Returns the Doc, the
    fixed spans (short names, place chains) and the full names of the short ones."""
    cuts = Cuts()
    for name, splitter in SPLITTERS.items():
        if name not in disable:
            cuts.add(splitter(doc, rules))
    if not cuts.offsets and not cuts.model and not cuts.trim_at:
        return doc, [], {}
    ents = []
    for e in doc.ents:
        start, end = e.start_char, e.end_char
        end = min((o for o in cuts.trim_at if start < o < end), default=end)
        if not any(start < o < end for o in cuts.offsets):
            ents.append((start, end, e.label_))
    _split(doc, cuts.offsets, cuts.tags)
    model = [doc.char_span(*s) for s in [*ents, *cuts.model]]
    doc.ents = filter_spans([s for s in model if s is not None])
    fixed = [doc.char_span(s, e, label=label) for s, e, label in cuts.fixed]
    names = {k: v for k, v in cuts.full_names.items() if doc.char_span(*k) is not None}
    return doc, filter_spans([s for s in fixed if s is not None]), names


def _split(doc: Doc, offsets: set[int], tags: dict[int, str]) -> None:
    cuts: dict[int, list[int]] = {}
    for token in doc:
        inner = sorted(
            o - token.idx for o in offsets if token.idx < o < token.idx + len(token.text)
        )
        if inner:
            cuts[token.i] = inner
    if not cuts:
        return
    with doc.retokenize() as retok:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [0, *inner, len(token.text)]
            parts = [token.text[a:b] for a, b in itertools.pairwise(bounds)]
            part_tags = [tags.get(token.idx + a, token.tag_ or "n") for a in bounds[:-1]]
            retok.split(token, parts, heads=[(token, 0)] * len(parts), attrs={"TAG": part_tags})
