"""Shared records passed between stages. Plain dataclasses, no behaviour beyond helpers.

Offsets are character offsets into ``Article.text`` (the cleaned text), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "LOC", "PROJECT")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class BylinePerson:
    name: str
    role: str  # 记者, 通讯员, 评论员 ...


@dataclass
class Article:
    id: str  # stable: "<file stem>#<n>" for pages, the jsonl id otherwise
    source: str  # path of the file it came from
    text: str  # cleaned text; paragraphs separated by "\n"
    title: str | None = None
    dateline: str | None = None  # place of 本报聊城讯 -> "聊城"
    date: str | None = None  # ISO date "2024-12-20" where known
    date_source: str | None = None  # where the date came from: DATE_SOURCES
    url: str | None = None  # the article's address (JSONL ``url``)
    byline: list[BylinePerson] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n") if p.strip()]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES
    sentence: int  # index into Article.sentences
    source: str = "model"  # model | rule | byline | title ...


@dataclass(frozen=True)
class Role:
    person: str
    title: str  # bare title: 副市长, 局长, 党组书记 ...
    org: str | None  # surface form of the organisation (or place) the title belongs to
    org_type: str | None  # ORG or LOC
    sentence: int  # index into Article.sentences; -1 for byline roles
    person_start: int = -1  # offset of the person mention, -1 when not in the text
    org_start: int = -1
    status: str = "current"  # current | former (前, 原, 曾任) | acting (代, 代理)
    date: str | None = None  # ISO date: the article's, where known


# The typed relations, in the order reports list them (docs/relations.md)
RELATION_TYPES = ("visits", "meets", "signs_with", "invests_in")


@dataclass(frozen=True)
class Relation:
    """A typed event between two entities of one sentence (kg/extract/relations/)."""

    relation: str  # visits | meets | signs_with | invests_in
    source: str  # surface form (a surname + title resolved to the article's full name)
    target: str
    trigger: str  # the verb as written
    sentence: int  # index into Article.sentences
    source_type: str
    target_type: str
    source_start: int = -1
    target_start: int = -1
    trigger_start: int = -1
    amount: int | None = None  # invests_in: yuan, where the text states it in 元
    amount_text: str | None = None  # the amount as written (10亿元, 1.2亿美元)


@dataclass
class Extraction:
    """What extraction produced for one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def sentence_text(self, index: int) -> str:
        if 0 <= index < len(self.article.sentences):
            return self.article.sentences[index].text
        return ""


@dataclass(frozen=True)
class Evidence:
    """One sentence behind an edge; the graph keeps one object per sentence, shared by edges."""

    article: str  # article id
    sentence: str
    index: int = -1  # index into the article's sentences; -1 when unknown (external graphs)


# Where an article's date came from, as recorded in Article.date_source.
DATE_SOURCES = ("field", "text", "file name", "folder name", "option")


@dataclass(frozen=True)
class ArticleInfo:
    """What a reader needs to find and cite an article: kept for every article in the graph."""

    id: str
    title: str = ""
    date: str = ""  # ISO, "" when unknown
    date_source: str = ""  # one of DATE_SOURCES, "" when there is no date
    source: str = ""  # the file it came from
    url: str = ""
    byline: tuple[str, ...] = ()  # "记者 姜振" ...


@dataclass
class Entity:
    id: str  # stable: "<TYPE>:<label>"
    label: str  # canonical name
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    homonym: str = (
        ""  # set when one name seems to stand for several people (posts in unrelated places)
    )
