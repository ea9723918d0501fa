"""Filters of the model's entities: named predicates ``(span, facts) -> reason | None``, and
relabels ``(span, facts) -> label | None``. Each one is a rule family that can be switched off
(``Extractor(disable=...)``, ``KG_RULES_OFF``) and is measured in docs/rules.md."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.backends.doc import doc_text
from kg.extract.lists import place_chars
from kg.extract.places import common_words, gazetteer, two_char_words, world_countries, world_places
from kg.extract.rules import RULES_DIR, Rules, read_list
from kg.extract.words import (
    CLOSE_QUOTES,
    HONORIFICS,
    LATIN_NAME,
    OPEN_QUOTES,
    after_post,
    counted,
    counted_unnamed,
    generic_project,
    generic_words,
    in_slogan,
    is_place_name,
    is_project_name,
    quoted,
)

_DATELINE = re.compile(r"^本报.{0,6}讯$")
# What may stand at a name's edges and is no character of it
_NAME_EDGES = " " + OPEN_QUOTES + CLOSE_QUOTES + '"'
# digits and punctuation, at most one latin letter (Latin names, EA or bwin, are names)
_JUNK = re.compile(r"^[\d\W_]*[a-zA-Z]?[\d\W_]*$")
_NOT_IN_NAMES = re.compile(r"[\d０-９a-zA-Zａ-ｚＡ-Ｚ·•]")  # no place name holds these
# A person "name" followed by one of these is the start of a place name (潘庄 + 镇).
_PLACE_AFTER = ("镇", "乡", "村", "街道", "路", "街", "河", "湖", "区", "县")
# Characters that end words and start no name (产业, 企业, 制造业).
_BOUND_SUFFIXES = ("业",)
# ... or of an army named after its commanders (刘邓大军).
_ARMY_AFTER = ("大军", "纵队", "兵团")
# A two-character "organisation" before one of these is the start of a group word (宣推|团).
_GROUP_ENDS = ("团", "组", "队")
# A doctrine after a name: nouns up to 思想 or 理论 in the same clause (习近平新时代中国特色社会主义思想).
_DOCTRINE = re.compile(r"[^\W\d_]{0,14}?(?:思想|理论)")
# ... whose words before 思想/理论 are a name's (党的建设, 民主与法制), not a clause's: a possessive
# right after the person (甲同志的思想: his thought) or a preposition, copula or particle (以甲同志
# 为核心的党中央对理论学习, 乙等人提出的理论) speak of the person.
_NOT_IN_DOCTRINE = re.compile(r"^(?:同志|先生)?的|[对在是为等把将从向]")
# ... but not a clause about the person's thought (张华介绍了他的思想): a verb or function word next.
_CLAUSE_TAGS = {"v", "vd", "p", "d", "u", "c", "r", "ad", "w"}
_COUNT_NAMED_VILLAGE = re.compile(
    r"[一二两三四五六七八九十][家所间个][\u4e00-\u9fff]?[村镇乡屯庄寨堡铺子]"
)
_BLOCS = frozenset(read_list(RULES_DIR / "blocs.txt"))
_MINISTRIES = frozenset(read_list(RULES_DIR / "ministries.txt"))


@dataclass
class DocFacts:
    """The lexicon and what the vetoes need to know of the whole Doc, computed once per Doc."""

    doc: Doc
    rules: Rules
    model: Sequence[Span] = field(default_factory=tuple)

    @cached_property
    def countries_named(self) -> frozenset[str]:
        """The countries the model found written in full (巴基斯坦, not 巴)."""
        return frozenset(
            e.text for e in self.model if e.label_ == "LOC" and e.text in world_countries()
        )

    @cached_property
    def orgs(self) -> list[str]:
        return [e.text for e in self.model if e.label_ == "ORG"]

    @cached_property
    def org_set(self) -> frozenset[str]:
        return frozenset(self.orgs)

    @cached_property
    def brands(self) -> set[str]:
        """Two-character brands the text writes with an industry word: 中通 of 中通客车."""
        words = self.rules.company_words
        return {
            e.text[:2]
            for e in self.model
            if e.label_ == "ORG" and any(e.text.startswith(w, 2) for w in words)
        }

    @cached_property
    def brand_names(self) -> set[str]:
        """Texts of "persons" the text writes like a brand at least once (聊城希杰, 希杰集团)."""
        return {e.text for e in self.model if e.label_ == "PERSON" and brand_context(e, self.rules)}

    @cached_property
    def campaigns(self) -> set[str]:
        """A name once quoted as a campaign (“平安医院”建设) is a campaign everywhere in the text."""
        return {e.text for e in self.model if _is_campaign(e, self.rules)}


Veto = Callable[[Span, DocFacts], "str | None"]


def _is_campaign(ent: Span, rules: Rules) -> bool:
    doc = ent.doc
    if ent.start == 0 or ent.end >= len(doc) - 1:
        return False
    return (
        doc[ent.start - 1].text in OPEN_QUOTES
        and doc[ent.end].text in CLOSE_QUOTES
        and doc[ent.end + 1].text in rules.quoted_campaign_words
        and not _paper_title(ent)  # 主持《甲日报》工作
    )


# A paper's or journal's title in book marks is its name: no figure of speech (据8日的《甲时报》报道)
# and no campaign (主持《甲日报》工作).
_PAPER_TITLE = re.compile(r"(?:报|周刊|月刊|学报|杂志)$")


def _paper_title(ent: Span) -> bool:
    return (
        ent.start > 0
        and ent.doc[ent.start - 1].text == "《"
        and bool(_PAPER_TITLE.search(ent.text))
    )


_COUNTED = re.compile(r"[一这那][个座家所支种位只]")


def _quoted_body(ent: Span, rules: Rules) -> bool:
    """A body's whole name in quotation marks, its name words before an organisation ending
    (创办的“甲乙服务部”, 组成的“丙丁委员会”): a name, where a figure of speech is a bare kind
    (成长壮大的“梦工厂”) or one counted (配有一个实力强大的“参谋部”)."""
    if ent.label_ != "ORG" or ent.doc[ent.start - 1].text != "“":
        return False
    ending = rules.org_suffix_re.search(ent.text)
    text = doc_text(ent.doc)
    modifier = re.split(r"[，,。；;：:！!？?]", text[: ent.start_char])[-1]
    return ending is not None and ending.start() >= 2 and not _COUNTED.search(modifier)


def _next_token(ent: Span) -> Token | None:
    return ent.doc[ent.end] if ent.end < len(ent.doc) else None


def _next(ent: Span) -> str:
    token = _next_token(ent)
    return token.text if token is not None else ""


# ---------------------------------------------------------------- vetoes (any label)


# Whitespace in a name, but for one space between two Latin words (Wilhelm Molterer)
_SPACE_IN_NAME = re.compile(r"(?<![A-Za-zÀ-ſ]) |\s(?![A-Za-zÀ-ſ])|[^\S ]| (?= )")


_SPACE = re.compile(r"\s")


def _latin_person(ent: Span, f: DocFacts) -> bool:
    """A name in Latin letters after a post (部长 Jane Doe): its one spaces part its words."""
    return (
        ent.label_ == "PERSON"
        and LATIN_NAME.fullmatch(ent.text) is not None
        and after_post(doc_text(ent.doc), ent.start_char, f.rules)
    )


def not_an_entity(ent: Span, f: DocFacts) -> str | None:
    text = ent.text
    if f.rules.is_not_entity(text):
        return "listed in not_entities.txt / not_entity_endings.txt"
    if (
        len(text.strip(_NAME_EDGES)) < 2  # a quote is no character (“河)
        or _DATELINE.match(text)
        or _JUNK.match(text)
        or (_SPACE.search(text) and (not _latin_person(ent, f) or _SPACE_IN_NAME.search(text)))
    ):
        return "one character, a dateline, digits or punctuation"
    if _unbalanced(text):
        return "cut at a bracket (江苏）电子公司 of 某某（江苏）电子公司)"
    return None


def _unbalanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += (c in "（(") - (c in "）)")
        if depth < 0:
            return True
    return depth != 0


def cut_word_end(ent: Span, f: DocFacts) -> str | None:
    if ent.text[0] in _BOUND_SUFFIXES and ent.start > 0 and ent.doc[ent.start - 1].tag_ != "w":
        return "starts with the end of a word the model cut (制造|业园区)"
    return None


def group_word(ent: Span, f: DocFacts) -> str | None:
    if ent.label_ == "ORG" and len(ent.text) == 2 and _next(ent) in _GROUP_ENDS:
        return "a delegation named by what it does (宣推|团)"
    return None


def daily_output(ent: Span, f: DocFacts) -> str | None:
    if (
        ent.text in f.rules.capacity_words
        and ent.end < len(ent.doc)
        and ent.doc[ent.end].tag_ == "m"
    ):
        return "a capacity word before a number (日产1000吨)"
    return None


def generic_project_words(ent: Span, f: DocFacts) -> str | None:
    return (
        "generic words before a project head (特色产业园区)"
        if generic_project(ent.text, f.rules)
        else None
    )


def counted_zone(ent: Span, f: DocFacts) -> str | None:
    if ent.text in f.rules.zone_suffixes and ent.start > 0 and counted(ent.doc[ent.start - 1]):
        return "zones counted, none named (N个县级开发区)"
    return None


def counted_org(ent: Span, f: DocFacts) -> str | None:
    # (not 五所村卫生室, 三间房乡卫生院: a village or township named with a count)
    if (
        ent.label_ == "ORG"
        and counted_unnamed(ent.text)
        and not _COUNT_NAMED_VILLAGE.search(ent.text)
    ):
        return "bodies counted, none named (甲市两间机械人公司)"
    return None


def slogan(ent: Span, f: DocFacts) -> str | None:
    if ent.label_ in ("LOC", "PERSON") and in_slogan(ent):
        return "inside a quoted slogan (“生于黄河”)"
    return None


def quoted_campaign(ent: Span, f: DocFacts) -> str | None:
    return "quoted as a campaign elsewhere (“平安医院”建设)" if ent.text in f.campaigns else None


# ---------------------------------------------------------------- PERSON


def person_before_place_word(ent: Span, f: DocFacts) -> str | None:
    if ent.label_ != "PERSON":
        return None
    nxt = _next_token(ent)
    # not where the next word is a name of its own (王某|河北省, 甲某|区某: names run together)
    if nxt is not None and nxt.text.startswith(_PLACE_AFTER) and not nxt.ent_type_:
        return "a place word follows (潘庄|镇)"
    if doc_text(ent.doc).startswith(_ARMY_AFTER, ent.end_char):
        return "an army named after its commanders (刘邓大军)"
    return None


def person_is_company_prefix(ent: Span, f: DocFacts) -> str | None:
    text = ent.text if ent.label_ == "PERSON" else ""
    if any(text[:n] in f.org_set for n in range(1, len(text))):  # prefixes, not every organisation
        return "a company of the text and a word (泓康医疗|西南)"
    return None


def person_surname(ent: Span, f: DocFacts) -> str | None:
    """A name without a surname written like a brand: after a place of the gazetteer (聊城|希杰) or
    before an industry word or a bracketed region (歌尔|智能, 甲森|（山东）). Elsewhere it is a
    foreign person's (克林顿, 塞迪略). Written like a brand once, it is one in the whole text."""
    if ent.label_ != "PERSON":
        return None
    text, rules = ent.text, f.rules
    if (
        re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text)
        and rules.surname_of(text) is None
        and text in f.brand_names
    ):
        return "no surname, written like a brand (聊城希杰, 歌尔智能)"
    return None


def brand_context(ent: Span, rules: Rules) -> bool:
    """After a place of the gazetteer, or before an industry word, a company ending or a bracketed
    place (甲森（山东）); a bracket of anything else follows people too (乃登（女）, 甲某（藏族）)."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text in gazetteer():
        return True
    if ent.end >= len(doc):
        return False
    word = doc[ent.end].text
    if word in ("（", "("):
        inside = doc[ent.end + 1].text if ent.end + 1 < len(doc) else ""
        return (inside in gazetteer() or inside in world_places()) and _name_goes_on(ent)
    return word in rules.company_words or word.endswith(("集团", "公司"))


def _name_goes_on(ent: Span) -> bool:
    """The bracket after a name is inside a longer name (甲森（山东）乙丙电缆), not a person's
    country or people in a list (甲某（丹麦）、, 乙某（蒙古族）为…)."""
    text = doc_text(ent.doc)
    close = re.match(r"[（(]([^（）()]{1,12})[）)]", text[ent.end_char :])
    if close is None or close.group(1).endswith("族"):
        return False
    after = text[ent.end_char + close.end() : ent.end_char + close.end() + 1]
    return re.fullmatch(r"[\u4e00-\u9fff]", after) is not None and after not in "为任是和与及等"


def person_quoted(ent: Span, f: DocFacts) -> str | None:
    return (
        "a nickname or slogan in quotes (“严管周”)"
        if ent.label_ == "PERSON" and quoted(ent)
        else None
    )


def person_doctrine(ent: Span, f: DocFacts) -> str | None:
    if ent.label_ != "PERSON" or ent.end >= len(ent.doc):
        return None
    m = _DOCTRINE.match(doc_text(ent.doc), ent.end_char)
    if (
        m is not None
        and ent.doc[ent.end].tag_ not in _CLAUSE_TAGS
        and (m.group().startswith("主义") or not _NOT_IN_DOCTRINE.search(m.group()[:-2]))
    ):  # 马克思主义仍然是…指导思想: the doctrine is the 主义
        return "a doctrine named after a person (邓小平理论)"
    return None


def person_is_place(ent: Span, f: DocFacts) -> str | None:
    """A "person" whose whole name is a place or region (鲁西, 安曼). One that only starts like a
    county (聂荣|臻, 吴兴|华, 武定|远) stands: on the MSRA, People's Daily and CLUENER training
    sets nine in ten of those are people."""
    if ent.label_ != "PERSON":
        return None
    text = ent.text
    if text in gazetteer() or text in f.rules.regions or text in world_places():
        return "a place or region (鲁西)"
    return None


# ---------------------------------------------------------------- LOC / ORG


def loc_not_place(ent: Span, f: DocFacts) -> str | None:
    """A "place" that is none of the gazetteer's and is shaped like no place: a province, city or
    county named by a word (产地县, 沿黄城市) or after another place (日本|厚生省), an everyday word
    (中华), digits or letters (11号楼), or two one-character forms cut from a longer run (京|津冀).
    Other unlisted names stand: landmarks, foreign divisions, old names (阳关, 红海省, 中甸县) are
    the tagger's to call."""
    text, rules = ent.text, f.rules
    if ent.label_ != "LOC" or is_place_name(text, rules) or _foreign_division(ent, f):
        return None
    if text.endswith(("省", "市", "县")) and _no_division_name(text[:-1]):
        return "a province, city or county named by a word or after another place"
    if text in common_words():
        return "an everyday word"
    if _NOT_IN_NAMES.search(text):
        return "digits, letters or a separator"
    if len(text) == 2 and all(c in place_chars(rules) for c in text):
        return "two one-character place forms (津冀 of 京津冀)"
    return None


def _no_division_name(stem: str) -> bool:
    """产地|县, 建设|省, 沿黄城|市: an everyday word or a kind of town, not a name; 日本|厚生|省,
    辽宁|营口|市: a country, province or city before another name. A stem the map or the world
    list knows is a name (雅加达市, 赣榆县)."""
    if _known_stem(stem):
        return False
    return stem in common_words() or stem.endswith("城") or _big_place_before(stem)


def _big_place_before(stem: str) -> bool:
    return any(_big_place(stem[:k]) for k in range(2, len(stem) - 1))


@lru_cache(maxsize=4096)
def _big_place(name: str) -> bool:
    """A country, province or city: world places and the map's top two levels (not its towns,
    whose short forms are everyday syllables)."""
    if name in world_places():
        return True
    return any(p.level in ("province", "city") for p in gazetteer().lookup(name))


def _known_stem(stem: str) -> bool:
    """雅加达|市: a foreign city; 赣榆|县, 锡山|市: an old name of a division the map lists under its
    present level (赣榆区, 锡山区)."""
    return stem in world_places() or bool(gazetteer().lookup(stem))


def _head_after(text: str, heads: Sequence[str], before: Callable[[str], bool]) -> bool:
    """``text`` ends with one of ``heads`` and what comes before it passes ``before``."""
    return any(text.endswith(h) and before(text[: -len(h)]) for h in heads)


def campaign_org(ent: Span, f: DocFacts) -> str | None:
    rules = f.rules

    def place_with_theme(
        t: str,
    ) -> bool:  # 山东, 平安聊城, 法治山东: a place, after a theme word of two
        return is_place_name(t, rules) or (len(t) >= 4 and is_place_name(t[2:], rules))

    if ent.label_ == "ORG" and _head_after(ent.text, rules.campaign_words, place_with_theme):
        return "a place and a campaign word (法治|山东建设, 平安聊城建设)"
    return None


def generic_org(ent: Span, f: DocFacts) -> str | None:
    rules = f.rules
    if ent.label_ == "ORG" and _head_after(
        ent.text, rules.generic_org_heads, lambda t: generic_words(t, rules)
    ):
        return "a kind of body, not one (组建产业研究院)"
    return None


def figure_of_speech(ent: Span, f: DocFacts) -> str | None:
    if (
        ent.label_ in ("ORG", "LOC")
        and quoted(ent)
        and ent.start > 1
        and ent.doc[ent.start - 2].text == "的"
        and not _paper_title(ent)
        and not _quoted_body(ent, f.rules)
    ):
        return "a quoted figure of speech after 的 (成长壮大的“梦工厂”)"
    return None


def _foreign_division(ent: Span, f: DocFacts) -> bool:
    """韩国|光明市: a city or county right after a foreign country is that country's (the
    gazetteer, which vets 市 and 县, is China's)."""
    if ent.start == 0 or not ent.text.endswith(("市", "县", "州", "郡")) or len(ent.text) < 3:
        return False
    country = ent.doc[ent.start - 1].text
    home = f.rules.exceptions("home_country")
    return country in world_places() and country not in home and country not in gazetteer()


# ---------------------------------------------------------------- relabels


def project_name(ent: Span, f: DocFacts) -> str | None:
    return (
        "PROJECT" if ent.label_ in ("ORG", "LOC") and is_project_name(ent.text, f.rules) else None
    )


def body_like_place(ent: Span, f: DocFacts) -> str | None:
    """桂林军分区: an organisation ending of three characters or more that ends like a place."""
    text, rules = ent.text, f.rules
    if ent.label_ == "LOC" and any(
        len(s) >= 3 and text.endswith(s) and len(text) > len(s) and s.endswith(rules.geo_suffixes)
        for s in rules.org_suffixes
    ):
        return "ORG"
    return None


def bloc_body(ent: Span, f: DocFacts) -> str | None:
    """欧盟, 东盟, 北约 (lexicons/blocs.txt): a bloc of countries is a body, also where the model
    read it as a place."""
    return "ORG" if ent.label_ == "LOC" and ent.text in _BLOCS else None


def ministry_body(ent: Span, f: DocFacts) -> str | None:
    """大藏省, 外务省 (lexicons/ministries.txt): a ministry named like a province is a body."""
    return "ORG" if ent.label_ == "LOC" and ent.text in _MINISTRIES else None


def region_place(ent: Span, f: DocFacts) -> str | None:
    """鲁西, 苏北: a region of lexicons/regions.txt the model read as a body. (A union of countries,
    欧盟 or 东盟, stays an organisation, as MSRA tags it.)"""
    return "LOC" if ent.label_ == "ORG" and ent.text in f.rules.regions else None


def country_person(ent: Span, f: DocFacts) -> str | None:
    """贝宁|总统, 法国|总统希拉克: a "person" that is a country of the world list is that country.
    (A city may be a person's name, 华盛顿; a country's name is none.) MSRA dev and train and People's
    Daily dev: eight such "persons", all places in the gold."""
    return "LOC" if ent.label_ == "PERSON" and ent.text in world_countries() else None


# Where a journey goes or stays (访问米兰, 转往甲城, 在甲城期间, 甲城时间): a city there is the place,
# not a club or a person named after it
_JOURNEY_BEFORE = re.compile(
    r"(?:访问|出访|前往|转往|抵达|飞抵|到访|造访|途经|离开|结束)(?:[^，,。；;：:]{1,16}[、和及）)])?$"
)
_JOURNEY_AFTER = re.compile(r"时间|之行|期间|的访问(?:行程)?")


def journey_place(ent: Span, f: DocFacts) -> str | None:
    """访问米兰, 利马时间, 结束甲城之行: a place of the world list that the model read as a body or a
    person, where the text says a journey goes there or stays there."""
    if ent.label_ == "LOC" or ent.text not in world_places():
        return None
    text = doc_text(ent.doc)
    # the verb and a list of up to 16 characters: no need to scan the text before them
    before = _JOURNEY_BEFORE.search(text, max(0, ent.start_char - 24), ent.start_char) is not None
    return "LOC" if before or _JOURNEY_AFTER.match(text, ent.end_char) else None


def zone_place(ent: Span, f: DocFacts) -> str | None:
    """天府国际生物城, 洋浦港: named zones are places."""
    return "LOC" if ent.label_ == "ORG" and f.rules.is_zone(ent.text) else None


def suffixed_body(ent: Span, f: DocFacts) -> str | None:
    """山东博士生联谊会 tagged as a place: an organisation ending of two characters or more."""
    text, rules = ent.text, f.rules
    if (
        ent.label_ == "LOC"
        and not is_place_name(text, rules)
        and any(len(s) >= 2 and text.endswith(s) and len(text) > len(s) for s in rules.org_suffixes)
    ):
        return "ORG"
    return None


# Heads of state: what comes right before one of these is a country or its ruler (新州总理 is a
# state's premier, so 总理 is not one).
_HEAD_OF_STATE = ("总统", "首相", "国王", "女王", "王储", "亲王")
_MET = re.compile(r"(?:会见|接见|会晤)了?$")
_ADDRESSED = (*HONORIFICS, "教授")  # 墨菲|先生, 甲某|教授: forms a person is addressed by
# 同甲举行会谈: a party of talks, between the preposition and the talks
_WITH_BEFORE = re.compile(r"[同与和跟]$")
_TALKS_AFTER = re.compile(r"(?:举行|进行)了?(?:[^，。；]{0,6}的)?(?:会谈|会晤)")
# Verbs of saying a person does, and words before a place where something is said
_SPEAKS = re.compile(r"(?:[^，。；]{0,3}地)?(?:说|认为|指出|强调|敦促|透露|告诉|介绍)")
_PLACE_BEFORE = re.compile(r"(?:[在于从到赴自]|在[^，。；、]{1,14})$")


def titled_person(ent: Span, f: DocFacts) -> str | None:
    """乙国首相|菲达利, 菲达利|首相: a "place" no list knows, right after a person's title or right
    before a head of state's, or met (会见|菲达利|时), is a foreign person the model read as a place.
    Measured on People's Daily sentences with a title: ten such names, all persons in the gold. So
    is one that is the other party of a person's talks (甲某同|苏哈托|举行会谈) or is addressed (墨菲|先生),
    and a bare "body" right after a post (特使|波苏瓦柳克: _titled_bare_body)."""
    text, rules = ent.text, f.rules
    if ent.label_ == "ORG":
        return _titled_bare_body(ent, f)
    if ent.label_ != "LOC" or len(text) < 2 or text.endswith("国") or is_place_name(text, rules):
        return None
    if _NOT_IN_NAMES.search(text):
        return None
    doc, s, e = doc_text(ent.doc), ent.start_char, ent.end_char
    if doc.startswith(_HEAD_OF_STATE, e) or _title_before(rules).search(doc, max(0, s - 10), s):
        return "PERSON"
    if _MET.search(doc, max(0, s - 3), s) and doc.startswith(("时", "一行"), e):
        return "PERSON"  # 在会见|菲达利|时: the guest of a meeting
    if (
        _WITH_BEFORE.search(doc, max(0, s - 1), s)
        and _TALKS_AFTER.match(doc, e)
        and _person_before(ent)
    ):
        # 甲某同|苏哈托|举行会谈: the other party of a person's talks (not 甲国同|车臣|举行会谈)
        return "PERSON"
    if doc.startswith(_ADDRESSED, e) and not _name_follows(ent, e + 2):
        return "PERSON"  # 墨菲|先生, 哈拉尔|殿下: a form of address is a person's
    if _SPEAKS.match(doc, e) and not _PLACE_BEFORE.search(doc, max(0, s - 16), s):
        return "PERSON"  # 甲|敦促, 据乙|介绍: who speaks (not 在甲国北方城市乙|说: where)
    return None


def _titled_bare_body(ent: Span, f: DocFacts) -> str | None:
    """特使|波苏瓦柳克: a "body" with no body's ending right after a person's title is the person
    who holds it."""
    text, rules = ent.text, f.rules
    if len(text) < 2 or _NOT_IN_NAMES.search(text) or text.endswith(rules.org_suffixes):
        return None
    doc, s, e = doc_text(ent.doc), ent.start_char, ent.end_char
    if not _title_before(rules).search(doc, max(0, s - 10), s):
        return None
    if rules.title_re.match(doc, e) or _name_follows(ent, e):
        return None  # 外长东盟|轮值主席甲某: the body of a second post
    return "PERSON"


def _person_before(ent: Span) -> bool:
    """A person is named before ``ent``, and no country stands right before it (甲国同乙地举行会谈:
    a state's talks)."""
    before = [x for x in ent.doc.ents if x.end <= ent.start]
    return any(x.label_ == "PERSON" for x in before) and before[-1].text not in world_countries()


def _name_follows(ent: Span, offset: int) -> bool:
    """An entity starts at ``offset`` (剑桥博士|甲某: the one before qualifies it)."""
    return any(x.start_char == offset for x in ent.doc.ents if x.start > ent.start)


@lru_cache(maxsize=4)
def _title_before(rules: Rules) -> re.Pattern[str]:
    return re.compile(f"(?:{rules.title_re.pattern})$")


def listed_river(ent: Span, f: DocFacts) -> str | None:
    """赵王河、金线河: a "person" listed next to a place with the same geographic ending is a
    place of that kind."""
    doc, last = ent.doc, ent.text[-1]
    if ent.label_ != "PERSON" or last not in "河江湖山":
        return None
    neighbours = []
    if ent.end + 1 < len(doc) and doc[ent.end].text in ("、", "和", "与", "及"):
        neighbours.append(doc[ent.end + 1])
    if ent.start >= 2 and doc[ent.start - 1].text in ("、", "和", "与", "及"):
        neighbours.append(doc[ent.start - 2])
    if any(
        len(t.text) >= 3 and t.text.endswith(last) and t.ent_type_ != "PERSON" for t in neighbours
    ):
        return "LOC"
    return None


# ---------------------------------------------------------------- keepers


def place_abbreviation(ent: Span, f: DocFacts) -> str | None:
    """美, 鲁, 港 (中美关系, 鲁豫交界, 港澳台, 中方, 访华): a one-character place the model found
    that stands for one country, province or continent (lexicons/country_abbreviations.tsv,
    province_abbreviations.tsv), where the text uses it as one: beside another such form, before
    方/籍/外, or after a verb of going or 在/对 (访华, 在京, 对华). Kept, as a mention of the full
    name. (中 of 中药 or 美 of 和美 are characters of words.) A country's form also stands before a verb,
    adverb, preposition, time or number (俄|制定). A form that is ambiguous alone is kept where a
    listed pair settles it (巴 of 印巴, lexicons/country_pairs.tsv) or where the text names one
    country it starts in full (巴 after 巴基斯坦) and it starts no everyday word."""
    if ent.label_ != "LOC" or len(ent.text) != 1:
        return None
    text, s = doc_text(ent.doc), ent.start_char
    partners = _partners(text, s)
    paired = _paired(text, s, f.rules) or _two_countries(text, s, partners, f)
    if paired:
        return paired
    full = f.rules.one_char_place(ent.text)
    if full is None:
        return _named_in_full(ent.text, text, s, f)
    before, after = text[s - 1 : s], text[s + 1 : s + 2]
    beside = any(f.rules.one_char_place(text[a + b - s]) for a, b in partners)
    if (
        beside
        or after in _AFTER_ABBREVIATION
        or before in _BEFORE_ABBREVIATION
        or _country_acting(ent, f)
        or _country_owns(ent, f)
    ):
        return full
    return None if _in_word(text, s) else _named_in_full(ent.text, text, s, f)


# What a country has after its one-character form: its government, forces, police, leaders or
# envoys (俄政府, 墨警方, 葡总理, 日军, 美驻华大使), its economy and markets (俄金融市场, 菲银行业).
# MSRA tags the form as the country.
_COUNTRY_OWN = re.compile(
    r"政府|军|总理|总统|首相|外长|外相|议会|议员|警方|当局|国王|驻|国防|财长|大使|使馆|领导人"
    r"|经济|金融|国民|市场|股市|货币|经贸|外交|内政|银行|企业|公司|寇|商品|产品"
)


def _country_owns(ent: Span, f: DocFacts) -> bool:
    return (
        f.rules.is_one_char_country(ent.text)
        and _COUNTRY_OWN.match(doc_text(ent.doc), ent.end_char) is not None
    )


def _country_acting(ent: Span, f: DocFacts) -> bool:
    """俄|制定, 美|将, 向俄|提供, 俄|1998年: a country's form (not a province's) before a verb, adverb,
    preposition, pronoun, time or number, in no word with the character before or after it (抗日,
    美得)."""
    if not f.rules.is_one_char_country(ent.text) or ent.end >= len(ent.doc):
        return False
    if ent.doc[ent.end].tag_ not in _ACTING_NEXT:
        return False
    return not _in_word(doc_text(ent.doc), ent.start_char)


def _in_word(text: str, s: int) -> bool:
    """The character at ``s`` makes a word with the one before or after it (抗日, 中医, 美得)."""
    return text[max(0, s - 1) : s + 1] in two_char_words() or text[s : s + 2] in two_char_words()


_ACTING_NEXT = frozenset({"v", "vd", "p", "d", "r", "t", "TIME", "m", "c"})


def _paired(text: str, s: int, rules: Rules) -> str | None:
    """The country of the form at ``s`` in a pair of forms around it (印巴 of country_pairs.tsv, 中美)."""
    for start in (s - 1, s):
        pair = rules.pair_places(text[start : start + 2]) if start >= 0 else None
        if pair:
            return pair[s - start]
    return None


# What two countries have or do together: 中斯两国, 埃厄冲突, 美、卢两国, 俄阿双方.
_TWO_COUNTRIES_OF = re.compile(r"两国|双方|两军|关系|边境|边界|冲突|建交|首脑|会谈|谈判|和谈")


def _partners(text: str, s: int) -> list[tuple[int, int]]:
    """The positions (first, second) of the character at ``s`` and of one right beside it, or across
    a 、 (中、美)."""
    pairs = [(s, s + 1)] if s + 1 < len(text) else []
    if s + 2 < len(text) and text[s + 1] == "、":
        pairs.append((s, s + 2))
    if s >= 1:
        pairs.append((s - 1, s))
    if s >= 2 and text[s - 1] == "、":
        pairs.append((s - 2, s))
    return pairs


def _two_countries(text: str, s: int, partners: list[tuple[int, int]], f: DocFacts) -> str | None:
    """The form at ``s`` with a partner (``_partners``), the two starting countries' names and
    followed by what two countries share (两国, 关系): a country even where the form is ambiguous
    alone (斯 of 中斯两国): the one country the text names in full that it starts (埃塞俄比亚 for 埃
    of 埃厄两国, not the table's 埃及), else the table's, else as written."""
    for a, b in partners:
        pair = text[a] + text[b]
        if (
            _TWO_COUNTRIES_OF.match(text, b + 1)
            and all(c in _country_initials() for c in pair)
            and not set(pair) <= set("东南西北")
        ):
            return _named_in_full(text[s], text, s, f) or f.rules.one_char_place(text[s]) or text[s]
    return None


@lru_cache(maxsize=1)
def _country_initials() -> frozenset[str]:
    return frozenset(name[0] for name in world_countries())


def _named_in_full(char: str, text: str, s: int, f: DocFacts) -> str | None:
    """The one country the text names in full that ``char`` starts (巴 after 巴基斯坦), where
    ``char`` starts no everyday word."""
    named = [c for c in f.countries_named if c.startswith(char)]
    if (
        len(named) != 1
        or text[s : s + 2] in common_words()
        or text[s : s + len(named[0])] == named[0]
    ):
        return None
    return named[0]


_AFTER_ABBREVIATION = frozenset("方籍外")  # 中方, 英籍, 中外
_BEFORE_ABBREVIATION = frozenset("访来赴驻援旅在抵对进离返")  # 访华, 援藏, 在京, 对华


# Relabels run first (in this order, the first that answers wins), then the keepers (an entity one
# keeps skips the vetoes), then the vetoes on the new label; listed_river and titled_person run
# after the vetoes (a river "person" is vetted as a person, a titled "place" as a place).
RELABELS: dict[str, Callable[[Span, DocFacts], str | None]] = {
    "project_name": project_name,
    "body_like_place": body_like_place,
    "region_place": region_place,
    "country_person": country_person,
    "journey_place": journey_place,
    "bloc_body": bloc_body,
    "ministry_body": ministry_body,
    "zone_place": zone_place,
    "suffixed_body": suffixed_body,
}
LATE_RELABELS = {"listed_river": listed_river, "titled_person": titled_person}
# keeper -> the full name the kept entity stands for
KEEPERS: dict[str, Callable[[Span, DocFacts], str | None]] = {
    "place_abbreviation": place_abbreviation
}
VETOES: dict[str, Veto] = {
    "not_an_entity": not_an_entity,
    "cut_word_end": cut_word_end,
    "group_word": group_word,
    "daily_output": daily_output,
    "generic_project_words": generic_project_words,
    "person_before_place_word": person_before_place_word,
    "person_is_company_prefix": person_is_company_prefix,
    "person_surname": person_surname,
    "person_quoted": person_quoted,
    "person_doctrine": person_doctrine,
    "person_is_place": person_is_place,
    "loc_not_place": loc_not_place,
    "counted_zone": counted_zone,
    "counted_org": counted_org,
    "slogan": slogan,
    "campaign_org": campaign_org,
    "generic_org": generic_org,
    "figure_of_speech": figure_of_speech,
    "quoted_campaign": quoted_campaign,
}


def veto_reason(ent: Span, facts: DocFacts, *, disable: frozenset[str] = frozenset()) -> str | None:
    """The first veto that rejects ``ent``, as "name: reason"; None when it stands."""
    for name, veto in VETOES.items():
        if name in disable:
            continue
        reason = veto(ent, facts)
        if reason is not None:
            return f"{name}: {reason}"
    return None


def clean_model_ents(
    doc: Doc, rules: Rules, *, disable: frozenset[str] = frozenset()
) -> tuple[list[Span], dict[tuple[int, int], str]]:
    """The model's entities, relabelled and vetted; and the full names of those a keeper kept,
    by (start_char, end_char)."""
    model = list(doc.ents)
    facts = DocFacts(doc, rules, model)
    kept: list[Span] = []
    full_names: dict[tuple[int, int], str] = {}
    for ent in model:
        for name, relabel in RELABELS.items():
            label = None if name in disable else relabel(ent, facts)
            if label is not None:
                ent = Span(doc, ent.start, ent.end, label=label)
                break
        full = next(
            (n for k, keep in KEEPERS.items() if k not in disable and (n := keep(ent, facts))), None
        )
        if full is not None:
            full_names[(ent.start_char, ent.end_char)] = full
            kept.append(ent)
            continue
        if veto_reason(ent, facts, disable=disable) is not None:
            continue
        for name, relabel in LATE_RELABELS.items():
            label = None if name in disable else relabel(ent, facts)
            if label is not None:
                ent = Span(doc, ent.start, ent.end, label=label)
        kept.append(ent)
    return kept, full_names
