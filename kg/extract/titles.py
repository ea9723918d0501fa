"""Title chains -> roles: "市委副书记、市长张百顺", "副市长、市公安局局长李强",
"市人大常委会党组成员、副主任杨广平、刘东昌、马广朋" (every person gets every title of the chain).

A chain is a run of [organisation] title items joined by 、, followed by one or more names joined by
、. A title without its own organisation belongs to the previous title's organisation, unless the title
names one by itself (市长 -> 市政府; see lexicons/implicit_orgs.tsv).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.backends.doc import doc_text
from kg.extract.places import common_words, gazetteer, world_countries
from kg.extract.rules import Rules, load_rules

if not Doc.has_extension("kg_roles"):
    Doc.set_extension("kg_roles", default=None)

_SPACE = re.compile(r"\s*")
_DEPARTMENT_ENDINGS = ("部", "办", "办公室", "室")  # not 委: 中央军委 is a body of its own
_RELATIVE = ("市", "县", "区", "省")
_HIGHER_BODIES = ("委", "委员会", "政府")  # what a department named in a chain belongs to
# What may follow a name that a title chain introduced (so that 2-3 characters are a name).
_AFTER_NAME = re.compile(
    r"(?:$|[、，,。；;：:！!？?（(）)」》“”\"\s\d０-９]|同志|出席|参加|表示|指出|介绍|主持|讲话|强调|说|在|带队|一行|等|到|来|率"
    r"|会见|调研|检查|督导|宣读|作|对|就|陪同|看望|慰问|与|和|及|报道|摄|今天|昨天|今日|昨日|近日|日前|最近|前不久|以及|告诉|称|今晚|今晨|当天|当晚|此前|近来|正在"
    r"|上午|下午|晚上|也|还|又|曾|将|已|先生|女士|博士|夫妇|夫人|向|同|从|接受|发表|宣布|认为|会谈)"
)
# Words a byline puts after a name, never part of it (记者苏宁报道, 郜南摄).
_NAME_TAILS = ("报道", "摄")
# Words before a title that say how it is held (美国前国务卿, 原局长, 代理团长): -> status.
_STATUS_BEFORE = (
    ("已故", "former"),
    ("代理", "acting"),
    ("前", "former"),
    ("原", "former"),
    ("首任", "current"),
    ("新任", "current"),
)
# Words that join titles into one chain: 副总理兼外交部长, 司令员兼政治委员, 党委书记及厂长.
_CHAIN_WORD = re.compile(r"[、兼]([\u4e00-\u9fff]{2,4})")
_CHAIN_JOINS = ("、", "", "，", "兼", "兼任", "及", "和")
# A title starting with one of these closes a department written before it: 财政|部长 -> 财政部.
_ORG_HEAD_CHARS = "部局队院所厂社团处科司厅行馆台站"
# The last character of words that name a body when a title follows them (办公室|主任, 车间|主任,
# 党组|成员); words ending otherwise are part of the post (营销|主管, 第一|副总经理).
_BODY_ENDS = _ORG_HEAD_CHARS + "室间组委会办心区"
# A term before a body and its post (第八届|中央委员, 第九届|全国政协委员)
_TERM = re.compile(r"第?[\d一二三四五六七八九十、]+届")
# Words before such a title that are no department (担任|部长).
_NOT_DEPARTMENT = frozenset(
    {
        "担任",
        "出任",
        "现任",
        "曾任",
        "历任",
        "兼任",
        "任命",
        "免去",
        "当选",
        "选举",
        "提名",
        "聘任",
        "新任",
        "首任",
        "前任",
        "原任",
        "代理",
    }
)
# The tagger's parts of speech of function words (preposition, pronoun, numeral, classifier,
# adverb, conjunction, particle): none closes a department before X长 (作为|社长, 那位|科长)
_NO_DEPARTMENT_TAGS = frozenset({"p", "r", "m", "q", "d", "c", "u"})
# Words that describe the holder of a post, never its body (所长、著名生物学家A, 候选人、现任总统B)
_DESCRIBES_HOLDER = re.compile(
    r"著名|知名|资深|杰出|优秀|年轻|当代|现任|新任|首任|前任|原任|代理|曾任|时任|候任|下任"
)
# A profile or résumé gives its subject's posts without the name: 现任X局局长，曾任Y.
_PROFILE = re.compile(
    r"(?:现任|曾任|历任|先后任|先后担任|后任|原任|兼任|担任|出任|署任|署理|任|升任|调任|受聘为|聘为|是"
    r"|系)$"
)
_PROFILE_OPENER = re.compile(
    r"\s*(?:姓名[:：]\s*)?(?P<name>[^\s，,：:（(]{2,12}?)(?:先生|女士|同志)?\s*(?:[，,：:（(]|性别)"
)
_FORMER_MARKERS = ("曾任", "历任", "先后任", "先后担任", "原任")
# 由甲局局长乙某署任丙司司长 (Hong Kong's word for acting in a post while its holder is away)
_ACTING_MARKERS = ("署任", "署理")
# Where a sentence or a quoted statement ends: a subject before it is no subject of a 是 after it.
_SENTENCE_BREAK = re.compile(r"[。；;：:！？!?]")
_CLAUSE_ENDS = re.compile(r"[，,。；;：:！？!?]")
# What may open a clause whose 是 takes the subject of the clause before (甲某今年50岁，现在是…):
# adverbs of time and linking, no noun of its own (关键是…, 这是…, 基金是…)
_CARRIED_LEAD = re.compile(r"(?:现在|目前|如今|现|也|还|又|就|正|都|仍|已|曾经?|同时|并|而且?|既)*")
# 免去A的X职务 / 免去A同志X职务: the post A leaves.
_DISMISS = re.compile(r"免去(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:同志)?的?$")
# A guessed name never ends with a particle (高兴地, 金相厦的) or a verb of saying (时|表示).
_NOT_NAME_ENDS = (
    "的",
    "地",
    "得",
    "了",
    "时",
    "说",
    "表示",
    "指出",
    "强调",
    "认为",
    "透露",
    "宣布",
)
# Words that join a name to its post or to the next name (选举A|为|省长, A|任|主编, A|及|副秘书长B): the
# model's name ends before them, also where a title follows.
_BEFORE_POST = frozenset("为任兼及和与等")
# Titles that serve the post written right before them: 总理发言人, 部长助理, 总统顾问.
_SERVING_TITLES = ("发言人", "助理", "特别助理", "秘书", "顾问", "帮办")
# Parts of speech no part of a name has (谈话|中 before 总理): verbs, adjectives, adverbs,
# prepositions, locatives.
_NOT_NAME_TAGS = frozenset(
    {"v", "vn", "vd", "a", "ad", "an", "d", "p", "f", "c", "u", "TIME", "t", "m", "q", "r"}
)
_DAY_AFTER = re.compile(r"([1-9]|[12]\d|3[01])日")
_BYLINE_TITLES = frozenset({"记者", "通讯员", "评论员"})
_DELIMS = '、，,。；;：:！!？?（()）“”"‘’《》 \n\t'

_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# POS of words that follow a name and never end one (郭福珍|是, 孙起孟|于, 克林顿|访华)
_FUNCTION_TAGS = frozenset({"v", "vd", "p", "d", "c", "u", "r", "ad"})


def _word_at(doc: Doc, start_char: int) -> Token | None:
    """The word starting at ``start_char``, or None where none starts there."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")  # no scan of the Doc
    return span[0] if span is not None and span.start_char == start_char else None


def _function_word_at(doc: Doc, start_char: int) -> bool:
    """The word starting at ``start_char`` is a verb or function word, by the tagger's POS."""
    word = _word_at(doc, start_char)
    return word is not None and word.tag_ in _FUNCTION_TAGS


def _no_name_start(doc: Doc, start_char: int) -> bool:
    """The word at ``start_char`` is a conjunction, preposition or particle, or a verb (or verbal
    noun: 艺术家|宣传也太少) of two or more characters: no guessed name starts with it (a
    one-character "verb" may be a surname: 封|屹)."""
    word = _word_at(doc, start_char)
    return word is not None and (
        word.tag_ in ("c", "p", "u") or (word.tag_ in ("v", "vd", "vn") and len(word.text) >= 2)
    )


# Appointments and elections name the person before the post: "任命张宏为市教育局局长",
# "选举王芳为市人大常委会主任", and the next one of a list after a comma ("，李明为…").
_APPOINT = re.compile(r"(?:任命|选举|提名|聘任|决定任命|同意任命|以)$")
_NEXT_APPOINTMENT = ("，", "、", "；", ",", ";")
# A short form declared between an organisation and its title.
_DECLARED_BEFORE = re.compile(r"[（(](?:以下)?(?:简称|下称)[^（）()]{1,20}[）)]$")


# Words before 负责人 that make it no post: 相关负责人, 有关负责人.
_VAGUE_BEFORE = ("相关", "有关")
# 该公司 / 该集团 / 该院 ...: the body of that kind the article named last.
_ANAPHORA = {
    "该公司": ("公司",),
    "该企业": ("公司", "集团"),
    "该集团": ("集团",),
    "该医院": ("医院",),
    "该院": ("医院", "院"),
    "该校": ("学校", "中学", "小学", "大学", "学院"),
}


def _antecedent(doc: Doc, text: str, s: int) -> Span | None:
    for word, endings in _ANAPHORA.items():
        if text.endswith(word, 0, s):
            before = [
                e
                for e in doc.ents
                if e.label_ == "ORG" and e.end_char <= s - len(word) and e.text.endswith(endings)
            ]
            return before[-1] if before else None
    return None


# What may stand between the sending state and the 驻 of a post abroad (甲国新任驻乙盟大使)
_POSTED = re.compile(r"(?:新任|首任|前任|现任|常)?驻$")


def _sender(text: str, host: int, ents_at_end: dict[int, Span]) -> Span | None:
    """甲国驻华大使, 甲国驻乙国大使, 甲国新任驻乙盟大使: the state or body named before the 驻
    of a post abroad sends its holder (the host at ``host`` only says where), or None."""
    posted = _POSTED.search(text, max(0, host - 3), host)
    return ents_at_end.get(posted.start()) if posted is not None else None


def _status_before(text: str, s: int) -> tuple[int, str]:
    """Where the status word right before ``s`` starts, and the status it gives (``s`` and
    current when there is none)."""
    for word, status in _STATUS_BEFORE:
        if text.endswith(word, 0, s):
            return s - len(word), status
    return s, "current"


def _status_before_body(doc: Doc, text: str, start: int, title_start: int, status: str) -> str:
    """原甲市市长, 代理甲市市长: a status word before the body of a post holds the post too, when
    the tagger cut it as a word of its own (not the 前 of 日前甲市市长); a status written at the
    title itself stands."""
    if status != "current" or start >= title_start:
        return status
    lead, held = _status_before(text, start)
    return held if lead < start and doc.char_span(lead, start) is not None else status


@dataclass(frozen=True)
class _Words:
    """An organisation written as words, not an entity (外交|部长 -> 外交部); reads like a Span."""

    text: str
    label_: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class TitleItem:
    start: int
    end: int
    title: str
    org: str | None
    org_type: str | None
    org_start: int
    explicit_org: bool
    status: str = "current"


@dataclass(frozen=True)
class FoundRole:
    person: str
    person_start: int
    person_end: int
    title: str
    org: str | None
    org_type: str | None
    org_start: int
    status: str = "current"  # current | former | acting
    day: int | None = None  # a day of the month written right after the name (国务院总理李强5日)


def _starts_with_place(name: str) -> bool:
    gaz = gazetteer()
    return any(name[:n] in gaz for n in range(2, min(len(name), 6)))


@dataclass
class _ChainState:
    """One sentence's titles read so far (TitleChains.find)."""

    chain: list[TitleItem] = field(default_factory=list)
    last_end: int = -1
    # The last chain's organisation, for "副主任A、B，秘书长C" and "X厂党委书记A、厂长B"
    # (C and B serve the same body).
    before: TitleItem | None = None
    names_end: int = -1
    appointed_end: int = -1  # end of the last "任命A为…" post in this sentence
    profile: tuple[int, int, str] | None = None  # the subject of 现任/曾任 chains
    last_name: tuple[int, int] | None = None


class _DocView(NamedTuple):
    """What every title of a Doc is read against (TitleChains._view)."""

    ents_at_end: dict[int, Span]
    persons: dict[int, Span]
    person_ends: dict[int, Span]
    mislabelled: set[tuple[int, int]]
    covered: set[int]
    owners: dict[int, Span]
    starts: set[int]
    ends: set[int]


class TitleChains:
    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules if rules is not None else load_rules()
        self._entity_starts: set[int] = set()  # of the Doc being read
        self._body_ends: dict[int, int] = {}  # the same, start -> end, of its places and bodies

    def _titles(
        self,
        doc: Doc,
        span: Span,
        starts: set[int],
        ends: set[int],
        covered: set[int],
        mislabelled: set[tuple[int, int]],
    ) -> list[tuple[int, int, int]]:
        """(org start, title start, title end) of the sentence's titles: lexicon matches on word
        boundaries, outside any entity (an entity that is exactly a title is a mislabelled title),
        and the model's TITLE spans (doc.spans["model_titles"]); org start < title start when the
        title span begins with its own organisation (光缆分厂副厂长)."""
        text = span.text
        base = span.start_char
        out: dict[int, tuple[int, int, int]] = {}
        for m in self.rules.title_re.finditer(text):
            s, e = base + m.start(), base + m.end()
            # A title is whole words, outside any entity (主任 in 居委会主任 is fine, 市长 in 市长江路
            # is not).
            inside = any(i in covered for i in range(s, e)) and (s, e) not in mislabelled
            at_start = s in starts or (s - 1 in starts and self._surname_before(text, m.start()))
            if at_start and e in ends and not inside:
                out[s] = (s, s, e)
        for ms in doc.spans.get("model_titles", []) if "model_titles" in doc.spans else []:
            if (
                ms.label_ != "TITLE"
                or ms.start_char < span.start_char
                or ms.end_char > span.end_char
                or ms.text in self.rules.not_titles  # 夫人: kin, no post
            ):
                continue
            inside = [
                k
                for k, (_, s, e) in out.items()
                if ms.start_char <= s < ms.end_char or s <= ms.start_char < e
            ]
            if inside:
                last = max(inside)
                if len(inside) == 1 and out[last][2] == ms.end_char and ms.start_char < last:
                    del out[last]  # the model's span holds more than the lexicon's title
                    found = self._model_title(
                        text, base, (ms.start_char, last, ms.end_char), covered
                    )
                    out[found[1]] = found
                continue
            s = self._title_start(ms.text, ms.start_char)
            found = self._model_title(text, base, (ms.start_char, s, ms.end_char), covered)
            out[found[1]] = found
        return [out[k] for k in sorted(out)]

    def _model_title(
        self, text: str, base: int, span: tuple[int, int, int], covered: set[int]
    ) -> tuple[int, int, int]:
        """(org start, title start, title end) of a model TITLE span whose lexicon title starts
        at ``span[1]``. The words before it are found as for any title when they end an entity
        (…示范园项目|负责人); else they are the post's body (光缆分厂|副厂长, 车间|主任, after a
        term: 第八届|中央|委员); or the body is found as for any title, where the title's first
        character closes a department (人事|处长 -> 人事处); or they are part of the post itself
        (营销主管, 第一副总经理, 候补委员)."""
        start, s, e = span
        term = _TERM.match(text, start - base, s - base)
        start = base + term.end() if term is not None else start
        words = text[start - base : s - base]
        if re.search(r"[、，,；;]", words):
            return span  # …部副、步兵|旅团长: more than one post, read as before
        if not words or any(i in covered for i in range(start, s)):
            return (s, s, e)
        if self._names_body(words):
            return (start, s, e)
        if text[s - base] in _ORG_HEAD_CHARS:
            return (s, s, e)
        return (start, start, e)

    def _names_body(self, words: str) -> bool:
        return bool(
            words[-1] in _BODY_ENDS
            or self.rules.org_suffix_re.search(words)
            or words in self.rules.chain_bodies
            or words in self.rules.title_bodies
        )

    def _title_start(self, words: str, start: int) -> int:
        """Where the title of a TITLE span begins: the longest lexicon title it ends with, when
        two or more characters come before it (光缆分厂|副厂长); else the span's start."""
        for i in range(len(words) - 1):
            if i >= 2 and self.rules.title_re.fullmatch(words, i):
                return start + i
        return start

    def _surname_before(self, text: str, pos: int) -> bool:
        # 江总书记: the model may read a surname and its title as one word.
        return (
            pos >= 1
            and text[pos - 1] in self.rules.surnames
            and (pos == 1 or text[pos - 2] in _DELIMS)
        )

    def _name_at(
        self, doc: Doc, text: str, pos: int, persons: dict[int, Span]
    ) -> tuple[int, int] | None:
        """A person name starting at ``pos``: a PERSON entity, or surname + 1-3 chars before a delimiter."""
        ent = persons.get(pos)
        if ent is not None:
            return self._entity_name(doc, text, pos, ent)
        if _no_name_start(doc, pos):
            return (
                None  # 领导|和|专家, 记者|从|有关, 设计师|谈到: after a title, no name starts there
            )
        return self._guessed_name(doc, text, pos)

    def _entity_name(self, doc: Doc, text: str, pos: int, ent: Span) -> tuple[int, int]:
        """A PERSON entity at ``pos``, its end mended: a report's verb cut off (苏宁报道), a dotted
        name run on, a Chinese name the model cut short by one character (朱邦|造, 小渊惠|三)."""
        end = self._dotted_end(text, ent.end_char)
        for tail in _NAME_TAILS:  # 苏宁报道 read as one name
            if text.endswith(tail, pos, end) and end - len(tail) - pos >= 2:
                return pos, end - len(tail)
        if self._ends_name(text, end):
            return pos, end
        for more in (1, 2) if len(ent.text) >= 3 else (1,):
            longer = text[pos : end + more]
            # ... but a verb or function word after it (郭福珍|是) ends the name, unless a
            # title follows (傅全|有|上将)
            if _function_word_at(doc, end):
                ends = text[end] not in _BEFORE_POST and self._title_at(text, end + more)
            else:
                ends = self._ends_name(text, end + more)
            if _NAME_CHARS.match(longer) and not longer.endswith(_NOT_NAME_ENDS) and ends:
                return pos, end + more
        return pos, end

    def _guessed_name(self, doc: Doc, text: str, pos: int) -> tuple[int, int] | None:
        """A name the model did not find: a surname and one to three characters (欧阳 + two for
        four), no title, everyday word or entity of another kind, before a delimiter."""
        for length in (3, 2, 4):
            cand = text[pos : pos + length]
            surname = self.rules.surname_of(cand) if _NAME_CHARS.match(cand) else None
            if surname is None or (
                length == 4 and len(surname) < 2
            ):  # four characters: 欧阳|xx only
                continue
            if (
                cand in self.rules.titles
                or self.rules.title_re.fullmatch(cand)
                or cand.endswith(_NOT_NAME_ENDS)
            ):
                continue
            if cand in common_words():
                continue  # 记者|飞驰, 教师|宿舍: an everyday word after a title is no guessed name
            body_end = self._body_ends.get(pos)
            if (
                body_end is not None
                and (self._title_at(text, body_end) or text[pos:body_end] in world_countries())
            ) or any(k in self._body_ends for k in range(pos + 1, pos + length)):
                # 主席|国甲国 (国 a surname, 甲国 a country): a guess that runs into a place or body the
                # model found; or that is one with its own post after it, the next item of the
                # chain (首相A、印度总理B, 秘书长A、公安部部长B: 印 and 公 are surnames too), not a
                # reporter's name the model read as a brand (记者|甲宁|报道); nor a country with
                # the 前 of the next post (法国|前三军参谋长)
                continue
            end = pos + length
            if self._ends_name(text, end) and (
                end >= len(text) or doc.char_span(pos, end) is not None
            ):
                return pos, end
        return None

    def _dotted_end(self, text: str, end: int) -> int:
        """沃伦|·克里斯托弗: a name the model cut at a dot goes on, part by part, to a word that
        may follow a name."""
        if text[end - 1 : end] in ("·", "•"):  # 穆沙希德·|侯赛因: the model kept the dot
            end -= 1
        while text[end : end + 1] in ("·", "•"):
            part = next(
                (
                    n
                    for n in range(2, 7)
                    if _NAME_CHARS.match(text[end + 1 : end + 1 + n] + "一") is not None
                    and self._ends_name(text, end + 1 + n)
                ),
                None,
            )
            if part is None:
                break
            end += 1 + part
        return end

    def _ends_name(self, text: str, end: int) -> bool:
        if _AFTER_NAME.match(text, end) or end in self._entity_starts:  # 记者龙跃|北京报道
            return True
        return self._title_at(text, end)

    def _title_at(self, text: str, end: int) -> bool:
        title = self.rules.title_re.match(text, end)  # 龙永图副部长, 傅全有上将 (not 告诉记者)
        return title is not None and title.group() not in _BYLINE_TITLES

    def _org_before(self, doc: Doc, text: str, s: int, view: _DocView, title: str):
        """The organisation written right before a title at ``s``: an entity, a declared short
        form, 该公司, or a department closed by the title's first character (外交|部长)."""
        ents_at_end = view.ents_at_end
        org_ent = ents_at_end.get(s)
        if org_ent is not None and (sender := _sender(text, org_ent.start_char, ents_at_end)):
            return sender  # 甲国驻华|大使: a post abroad is the sending state's, not the host's
        if org_ent is None:  # 江西红都油茶科技有限公司（以下简称“红都油茶”）总经理谢永福
            aside = _DECLARED_BEFORE.search(text, max(0, s - 24), s)
            org_ent = ents_at_end.get(aside.start()) if aside is not None else None
        if org_ent is None:  # 该公司总经理A: the last company the article named
            org_ent = _antecedent(doc, text, s)
        if org_ent is None:  # 中国驻美|大使, 驻挪威|大使: a post abroad names its host country
            token = doc.char_span(s - 1, s, alignment_mode="expand") if s > 0 else None
            if (
                token is not None
                and token.end_char == s
                and token.text.startswith("驻")
                and len(token.text) >= 2
            ):
                sender = _sender(text, token.start_char + 1, ents_at_end)
                if sender is not None:  # 甲国驻乙|大使: the sending state's post
                    return sender
                return _Words(text[token.start_char : s], "ORG", token.start_char, s)
        # the head of the body the first character names (部长, 院长; not 院士, 司令员)
        if org_ent is None and title[:1] in _ORG_HEAD_CHARS and title[1:2] == "长":
            token = doc.char_span(s - 1, s, alignment_mode="expand") if s > 0 else None
            word = token.text if token is not None else ""
            if (
                token is not None
                and token.end_char == s
                and len(word) >= 2
                and _NAME_CHARS.match(word)
                and word not in _NOT_DEPARTMENT
                and token[0].tag_ not in _NO_DEPARTMENT_TAGS  # 作为|社长, 那位|科长, 一个|厂长
                and token.start_char in view.starts
                and token.start_char not in view.persons  # 甲某|部长: the minister's name
            ):
                begin = token.start_char
                place = ents_at_end.get(begin)
                if place is not None:  # 中国财政|部长, 赤峰市松山区林业|局长
                    begin = place.start_char
                # 研究所|所长, 财政|部长
                closed = word if word.endswith(title[0]) else word + title[0]
                return _Words(text[begin : token.start_char] + closed, "ORG", begin, s)
        return org_ent

    def find(self, doc: Doc) -> list[FoundRole]:
        text = doc_text(doc)
        self._entity_starts = {e.start_char for e in doc.ents}
        self._body_ends = {e.start_char: e.end_char for e in doc.ents if e.label_ != "PERSON"}
        view = self._view(doc)
        roles: list[FoundRole] = []
        for sent in doc.sents:
            st = _ChainState()
            found = self._titles(doc, sent, view.starts, view.ends, view.covered, view.mislabelled)
            for org_start, s, e in found:
                title = text[s:e]
                if text.endswith(_VAGUE_BEFORE, 0, s) and title == "负责人":
                    continue  # 相关负责人: "an official concerned", no post
                lead, status = _status_before(text, s)
                if title.startswith("代") and len(title) > 2:
                    status = "acting"
                item = self._chain_item(doc, view, st, sent, (org_start, s, e), lead, status)
                roles += self._holders(doc, view, st, sent, item, lead, status)
        # a word the lexicon says is never a name (于是 of 于是，他…请厂长) holds no post
        return [r for r in roles if not self.rules.is_not_entity(r.person)]

    def _view(self, doc: Doc) -> _DocView:
        """What every title of the Doc is read against: the entities by start and end, the
        people (the model's own names too), and the entities a title was mistaken for."""
        ents_at_end = {e.end_char: e for e in doc.ents if e.label_ in ("ORG", "LOC", "PROJECT")}
        # 江主席 read as a name: a surname and a title.
        honorifics = {
            e.start_char: e
            for e in doc.ents
            if e.label_ == "PERSON"
            and (sn := self.rules.surname_of(e.text))
            and self.rules.title_re.fullmatch(e.text, len(sn))
        }
        # The model's own names too: the entity rules drop names without a Chinese surname
        # (克林顿, 瓦杰帕伊), which a title next to them shows to be people.
        taken = {i for e in doc.ents for i in range(e.start_char, e.end_char)}
        model = [
            p
            for p in doc.spans.get(MODEL_PERSONS, [])
            if not any(i in taken for i in range(p.start_char, p.end_char))
        ]
        people = [
            e
            for e in [*doc.ents, *model]
            if e.label_ == "PERSON"
            and len(e.text.rstrip("·•")) >= 2
            and e.start_char not in honorifics
        ]
        mislabelled = {
            (e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ != "PERSON" and self.rules.title_re.fullmatch(e.text)
        }
        mislabelled |= {
            (e.start_char + len(self.rules.surname_of(e.text) or ""), e.end_char)
            for e in honorifics.values()
        }
        return _DocView(
            ents_at_end=ents_at_end,
            persons={e.start_char: e for e in people},
            person_ends={e.end_char: e for e in people},
            mislabelled=mislabelled,
            covered=taken,
            owners={e.start_char: e for e in doc.spans.get("kg_inner", []) if e.label_ == "ORG"},
            starts={t.idx for t in doc},
            ends={t.idx + len(t.text) for t in doc},
        )

    def _chain_item(
        self,
        doc: Doc,
        view: _DocView,
        st: _ChainState,
        sent: Span,
        found: tuple[int, int, int],
        lead: int,
        status: str,
    ) -> TitleItem:
        """The post at ``found`` (its organisation's start, the title's span) with its
        organisation, added to the chain it continues, or opening a new one."""
        text = doc_text(doc)
        org_start, s, e = found
        title = text[s:e]
        if org_start < s:
            org_ent = _Words(text[org_start:s], "ORG", org_start, s)
        else:
            org_ent = self._org_before(doc, text, lead, view, title)
        # a bare chain body is one whether or not the model tagged it (村委会 of 南湾村…、村委会主任)
        bare = org_ent is None or (
            org_ent.label_ == "ORG" and org_ent.text in self.rules.chain_bodies
        )
        body = self._chain_body(text, s, st.last_end, st.chain) if bare else None
        if body is not None:
            org_ent = None
        if org_ent is not None and org_ent.label_ == "PROJECT":
            # 国兴集团…示范园项目负责人: the project's people work for the body it is named after.
            org_ent = view.owners.get(org_ent.start_char, org_ent)
        item_start = (
            org_ent.start_char if org_ent is not None else lead if body is None else body.org_start
        )
        # Does this item continue the chain? 、 兼 及 和 (or nothing) may separate it from the
        # last one; so does a comma before any name ("A局党组成员，B中心主任张三").
        if st.chain and st.last_end == s and title.endswith(_SERVING_TITLES):
            # 以色列总理|发言人: the spokesman of the prime minister, not a prime minister
            st.chain.pop()
        word = self._chain_word(text, st, item_start, view) if org_ent is None else None
        # 所长、著名|生物学家: a word of the holder, no body; the chain goes on, its body not
        described = word is not None and _DESCRIBES_HOLDER.match(word.text) is not None
        if word is not None:
            org_ent, item_start = (None if described else word), word.start_char
        if st.chain and text[st.last_end : item_start].strip() not in _CHAIN_JOINS:
            st.chain = []
            st.profile = None
        prev = st.chain[-1] if st.chain and not described else None
        if (
            not st.chain
            and st.before is not None
            and text[st.names_end : item_start].strip() in ("，", ",", "；", "、")
        ):
            prev = st.before
        item = (
            self._item(title, s, e, org_ent, prev, st.chain)
            if body is None
            else TitleItem(body.org_start, e, title, body.org, "ORG", body.org_start, True)
        )
        status = _status_before_body(doc, text, item_start, s, status)
        if status != "current":
            item = dataclasses.replace(item, status=status)
        if not st.chain:
            st.profile = self._profile_subject(doc, text, item.start, sent, view.persons)
        st.chain.append(item)
        st.last_end = e
        return item

    @staticmethod
    def _chain_word(text: str, st: _ChainState, start: int, view: _DocView) -> _Words | None:
        """政治局常委、国家|副主席: a word between 、 and a title, in a chain, is the title's body;
        not a name (江总书记、李鹏|总理: the name holds the title)."""
        gap = _CHAIN_WORD.fullmatch(text, st.last_end, start) if st.chain else None
        if gap is None or gap.start(1) in view.persons:
            return None
        return _Words(gap.group(1), "ORG", gap.start(1), start)

    def _holders(
        self,
        doc: Doc,
        view: _DocView,
        st: _ChainState,
        sent: Span,
        item: TitleItem,
        lead: int,
        status: str,
    ) -> list[FoundRole]:
        """Who holds the chain's posts once ``item`` joined it: the names after it, else one
        person for this post alone (the name before it, 任命A为<post>), a name dismissed from the
        posts, or the subject of a 现任/曾任 profile. None yet: the chain goes on."""
        text = doc_text(doc)
        e = item.end
        names = self._names_after(doc, text, e, view.persons)
        # 普罗迪总理满意地说: a PERSON entity right before a title outweighs a name guessed after it.
        guessed = names and names[0][0] not in view.persons
        # One person for this post alone: the name before it (江泽民主席), or 任命A为<post>.
        single = None
        if not names or (guessed and len(st.chain) == 1):
            single = self._name_before(
                doc, text, lead, sent, view.persons, view.person_ends, st.last_name, item.title
            )
            st.names_end = e if single is not None else st.names_end
        if single is None and not names and len(st.chain) == 1:
            single = self._appointed(doc, text, item.start, view.persons, st.appointed_end)
            st.appointed_end = e if single is not None else st.appointed_end
        if single is not None:
            # 李冰、黎均耀教授: every name of a list before the title holds it.
            listed = [single]
            while (
                text[listed[0][0] - 1 : listed[0][0]] == "、"
                and listed[0][0] - 1 in view.person_ends
            ):
                ent = view.person_ends[listed[0][0] - 1]
                listed.insert(0, (ent.start_char, ent.end_char))
            st.chain = []
            return [self._role(text, ps, pe, item, status) for ps, pe in listed]
        if not names and text.startswith(("职务", "的职务"), e):
            first = st.chain[0].start
            dismissed = _DISMISS.search(text, max(0, first - 12), first)
            if dismissed is not None and self.rules.surname_of(dismissed.group("name")) is not None:
                ps, pe = dismissed.span("name")
                roles = [self._role(text, ps, pe, it, "former") for it in st.chain]
                st.chain = []
                return roles
        if not names and st.profile is not None:
            ps, pe, pstatus = st.profile
            return [self._role(text, ps, pe, item, status if status != "current" else pstatus)]
        if not names:
            return []
        roles = [self._role(text, ps, pe, it, it.status) for ps, pe in names for it in st.chain]
        explicit = [it for it in st.chain if it.explicit_org]
        st.before = explicit[-1] if explicit else None
        st.names_end = names[-1][1]
        st.last_name = names[-1]
        st.chain = []
        st.profile = None
        return roles

    @staticmethod
    def _role(text: str, ps: int, pe: int, item: TitleItem, status: str) -> FoundRole:
        stated = _DAY_AFTER.match(text, pe)
        day = int(stated.group(1)) if stated is not None else None
        return FoundRole(
            text[ps:pe], ps, pe, item.title, item.org, item.org_type, item.org_start, status, day
        )

    def _name_before(
        self,
        doc: Doc,
        text: str,
        s: int,
        sent: Span,
        persons: dict[int, Span],
        person_ends: dict[int, Span],
        last_name: tuple[int, int] | None,
        title: str,
    ) -> tuple[int, int] | None:
        """江泽民主席, 陈木胜导演: a name right before a title that no name follows; 江主席: a
        surname, for the article's one person of that surname."""
        if title in _BYLINE_TITLES:
            return None  # 记者甲 通讯员乙: 甲 is the reporter's name, not the correspondent's
        if last_name is not None and last_name[1] == s:
            return last_name  # 总参谋长傅全有上将: the name a title just introduced
        ent = person_ends.get(s)
        if ent is not None and ent.start_char >= sent.start_char:
            return ent.start_char, s
        for length in (
            3,
        ):  # two characters before a title are more often a word (施工队长) than a name
            ps = s - length
            cand = text[ps:s] if ps >= sent.start_char else ""
            if (
                not _NAME_CHARS.match(cand)
                or self.rules.surname_of(cand) is None
                or self._names_a_thing(doc, cand)
            ):
                continue
            span = doc.char_span(ps, s)
            if span is None or any(t.tag_ in _NOT_NAME_TAGS for t in span):
                continue
            if ps == sent.start_char or text[ps - 1] in _DELIMS:
                return ps, s
        surname = text[s - 1] if s > sent.start_char else ""
        if (
            surname
            and surname in self.rules.surnames
            and (s - 1 == sent.start_char or text[s - 2] in _DELIMS)
        ):
            full = {
                p.text: p
                for p in persons.values()
                if p.text.startswith(surname) and not p.start_char <= s - 1 < p.end_char
            }
            if len(full) == 1:  # two candidates: say nothing
                where = full.popitem()[1]
                return where.start_char, where.end_char
        return None

    @staticmethod
    def _names_a_thing(doc: Doc, words: str) -> bool:
        """法国 before 总理 is a country, not a name: a place of the gazetteer or an entity of
        another type."""
        return words in gazetteer() or any(
            e.text == words and e.label_ != "PERSON" for e in doc.ents
        )

    def _profile_subject(
        self, doc: Doc, text: str, start: int, sent: Span, persons: dict[int, Span]
    ) -> tuple[int, int, str] | None:
        """The person whose posts 现任/曾任/历任 list: the last name before it in the sentence,
        else the first name of the text (a résumé, a profile, an appointment notice)."""
        marker = _PROFILE.search(text, max(0, start - 4), start)
        if marker is None:
            # A résumé names its subject first ("张三，男，…" / "谢卫东先生：…"): every post it
            # lists without a name is the subject's.
            opener = _PROFILE_OPENER.match(text)
            if opener is None or start < opener.end():
                return None
            subject = persons.get(opener.start("name"))
            name = opener.group("name")
            if subject is not None and subject.end_char == opener.end("name"):
                pass
            elif (
                _NAME_CHARS.match(name)
                and self.rules.surname_of(name) is not None
                and len(name) <= 3
                and not name.endswith(_NOT_NAME_ENDS)
            ):
                # 司增勤，男，…
                subject = _Words(name, "PERSON", opener.start("name"), opener.end("name"))
            else:
                return None
            clause = text[max(text.rfind(c, 0, start) for c in "，,。；;\n") + 1 : start]
            status = "former" if any(m in clause for m in (*_FORMER_MARKERS, "曾")) else "current"
            return subject.start_char, subject.end_char, status
        status = "former" if marker.group().endswith(_FORMER_MARKERS) else "current"
        status = "acting" if marker.group() in _ACTING_MARKERS else status
        people = [p for p in persons.values() if p.end_char <= marker.start()]
        here = [p for p in people if p.start_char >= sent.start_char]
        subject = (
            max(here, key=lambda p: p.start_char)
            if here
            else min(people, key=lambda p: p.start_char, default=None)
        )
        if subject is None:
            return None
        if marker.group() in ("是", "系") and not self._copula_subject(text, subject, marker):
            return None
        return subject.start_char, subject.end_char, status

    @staticmethod
    def _copula_subject(text: str, subject: Span | _Words, marker: re.Match) -> bool:
        """Whether 是 (系) takes the name before it as its subject: the name opens its clause
        (甲某是…), or a clause before it when nothing but adverbs opens the clause of 是 (男的叫
        甲某，是…; 甲某今年85岁，现在是…), or 他/她 does, also after a sentence's end (她现在是…).
        Not 关键是, 这是 or 基金是: a subject of their own."""
        between = text[subject.end_char : marker.start()]
        *before, lead = _CLAUSE_ENDS.split(between)
        if not before:
            return True
        pronoun = re.match(r"[他她](?!们)", lead)
        if _SENTENCE_BREAK.search(between) and pronoun is None:
            return False
        return _CARRIED_LEAD.fullmatch(lead[1:] if pronoun else lead) is not None

    def _chain_body(
        self, text: str, s: int, last_end: int, chain: list[TitleItem]
    ) -> TitleItem | None:
        """ "X开发区党工委书记、管委会主任": a bare body word (lexicons/chain_bodies.txt) after 、 in a
        chain whose last organisation is a place is that place's body."""
        if not chain or chain[-1].org is None or chain[-1].org_type != "LOC":
            return None
        between = text[last_end:s].strip()
        if not between.startswith("、") or between[1:].strip() not in self.rules.chain_bodies:
            return None
        word = between[1:].strip()
        start = s - len(word)
        return TitleItem(start, s, "", chain[-1].org + word, "ORG", start, True)

    def _item(
        self,
        title: str,
        s: int,
        e: int,
        org_ent: Span | _Words | None,
        prev: TitleItem | None,
        chain: list[TitleItem],
    ) -> TitleItem:
        if org_ent is not None and org_ent.label_ == "LOC":
            place = org_ent.text
            implicit = self.rules.implicit_org(title, place)
            if implicit is not None and implicit != place:
                return TitleItem(
                    org_ent.start_char, e, title, implicit, "ORG", org_ent.start_char, True
                )
            return TitleItem(org_ent.start_char, e, title, place, "LOC", org_ent.start_char, True)
        if org_ent is not None and org_ent.label_ == "PROJECT":
            return TitleItem(
                org_ent.start_char, e, title, org_ent.text, "PROJECT", org_ent.start_char, True
            )
        if org_ent is not None:
            org = org_ent.text
            # 市委常委、宣传部部长: a department named inside a chain belongs to the body before it.
            if (
                prev is not None
                and prev.explicit_org
                and prev.org_type == "ORG"
                and len(org) <= 4
                and org.endswith(_DEPARTMENT_ENDINGS)
                and not org.startswith(_RELATIVE)
                and not _starts_with_place(org)
                and prev.org is not None
                # a party committee's or a government's; a 部 is no government's (水利部 after
                # 甲市市长A，: the state's ministry), whose departments are 局, 厅, 委 and 办
                and prev.org.endswith(("委", "委员会") if org.endswith("部") else _HIGHER_BODIES)
            ):
                org = prev.org + org
            # 甲省委书记、省乙委主任: a body named relative to its level takes the chain's
            # place of that level
            place = self._chain_place(chain, org[0]) if org.startswith(_RELATIVE) else None
            org = place + org[1:] if place is not None else org
            return TitleItem(org_ent.start_char, e, title, org, "ORG", org_ent.start_char, True)
        # 来安县委副书记、县长: the county of the chain names the government of 县长.
        place = self._chain_place(chain)
        implicit = self.rules.implicit_org(title, place)
        if implicit is not None:
            return TitleItem(
                s, e, title, implicit, "LOC" if implicit == place else "ORG", -1, False
            )
        if prev is not None and prev.explicit_org:
            return TitleItem(s, e, title, prev.org, prev.org_type, prev.org_start, True)
        return TitleItem(s, e, title, None, None, -1, False)

    def _appointed(
        self, doc: Doc, text: str, item_start: int, persons: dict[int, Span], last_end: int
    ) -> tuple[int, int] | None:
        """The person of "任命A为<post>" (or of "，B为<post>" right after such a post)."""
        if text[item_start - 1 : item_start] == "驻":  # 任命A为驻挪威大使
            item_start -= 1
        if item_start < 3 or text[item_start - 1] != "为":
            return None
        end = item_start - 1
        candidates = [(p.start_char, end) for p in persons.values() if p.end_char == end]
        candidates += [(end - n, end) for n in (3, 2, 4)]
        for ps, pe in candidates:
            name = text[ps:pe]
            if ps < 0 or not _NAME_CHARS.match(name) or self.rules.surname_of(name) is None:
                continue
            if (ps, pe) not in [
                (p.start_char, p.end_char) for p in persons.values()
            ] and doc.char_span(ps, pe) is None:
                continue
            lead = text[max(0, ps - 4) : ps]
            follows_post = last_end >= 0 and text[last_end:ps].strip() in _NEXT_APPOINTMENT
            if _APPOINT.search(lead) or follows_post:
                return ps, pe
        return None

    @staticmethod
    def _chain_place(chain: list[TitleItem], levels: str = "市县区镇乡") -> str | None:
        """The last place of ``levels`` (the last character of its full name) that the chain's
        bodies start with (甲市乙镇党委 -> 甲市)."""
        gaz = gazetteer()
        for it in reversed(chain):
            if it.org is None:
                continue
            head = next((h for h in gaz.full_prefixes(it.org, 8) if h[-1] in levels), None)
            if head is not None:
                return head
        return None

    def _names_after(
        self, doc: Doc, text: str, pos: int, persons: dict[int, Span]
    ) -> list[tuple[int, int]]:
        # text is the Doc's text, passed in: Doc.text joins every token on each access.
        pos = _SPACE.match(text, pos).end()
        if text[pos : pos + 1] in ("是", "为", "的") and pos + 1 in persons:
            pos += 1  # 总教练为李永波, 团长是李富荣, 现任…厂长的蒋莎
        names = []
        while True:
            found = self._name_at(doc, text, pos, persons)
            if found is None:
                break
            names.append(found)
            nxt = found[1]
            # Another name after 、 (or a space, as in bylines, or none before a PERSON entity:
            # 通讯员丁奇志张斌) continues the list.
            m = re.compile(r"\s*、\s*|\s+").match(text, nxt)
            if (m is None or m.end() == nxt) and nxt in persons:
                pos = nxt
                continue
            if m is None or m.end() == nxt:
                break
            pos = m.end()
        return names


MODEL_PERSONS = "model_persons"


@Language.factory("kg_model_persons", default_config={})
def make_model_persons(nlp: Language, name: str):
    """Keeps the model's PERSON entities (doc.spans["model_persons"]) before the entity rules clean them."""

    def keep(doc: Doc) -> Doc:
        doc.spans[MODEL_PERSONS] = [e for e in doc.ents if e.label_ == "PERSON"]
        return doc

    return keep


@Language.factory("kg_roles", default_config={})
def make_title_chains(nlp: Language, name: str) -> TitleChainsComponent:
    return TitleChainsComponent()


class TitleChainsComponent:
    """spaCy component: doc._.kg_roles := roles; names found only through a title become PERSON ents."""

    def __init__(self, rules: Rules | None = None) -> None:
        self.chains = TitleChains(rules)

    def __call__(self, doc: Doc) -> Doc:
        roles = self.chains.find(doc)
        doc._.kg_roles = roles
        new = []
        # A bare body of a chain (管委会 after X开发区党工委书记) is a mention of its full name.
        full_names = doc.user_data.setdefault("kg_full_names", {})
        text = doc_text(doc)
        for role in roles:
            if role.org is None or role.org_start < 0 or text.startswith(role.org, role.org_start):
                continue
            word = next(
                (w for w in self.chains.rules.chain_bodies if text.startswith(w, role.org_start)),
                None,
            )
            span = (
                doc.char_span(role.org_start, role.org_start + len(word), label="ORG")
                if word
                else None
            )
            if span is not None and role.org.endswith(word):
                new.append(span)
                full_names[(span.start_char, span.end_char)] = role.org
        people = []
        for role in roles:
            span = doc.char_span(role.person_start, role.person_end, label="PERSON")
            if span is not None:
                people.append(span)
        if new or people:
            # A name a title introduces wins over entities inside it (周昌|贡 read as a place, 苏宁
            # of 记者苏宁报道 as a company), and over one it cuts a byline word from (郜南摄).
            inside = {(p.start_char, p.end_char) for p in people}
            existing = [
                e
                for e in doc.ents
                if not any(ps <= e.start_char and e.end_char <= pe for ps, pe in inside)
                and not (
                    e.label_ == "PERSON"
                    and any(e.start_char == ps and e.text.endswith(_NAME_TAILS) for ps, _ in inside)
                )
            ]
            new = new + people
            taken = {i for e in existing for i in range(e.start, e.end)}
            new = [s for s in new if not any(i in taken for i in range(s.start, s.end))]
            doc.ents = filter_spans(existing + new)
        return doc
