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


@dataclass
class Extraction:
    """What extraction produced for one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def sentence_text(self, index: int) -> str:
        if 0 <= index < len(self.article.sentences):
            return self.article.sentences[index].text
        return ""


@dataclass(frozen=True)
class Evidence:
    article: str  # article id
    sentence: str


@dataclass
class Entity:
    id: str  # stable: "<TYPE>:<label>"
    label: str  # canonical name
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    homonym: str = ""  # set when one name seems to stand for several people (posts in unrelated places)
