"""One node per person, not per name: the namesakes a corpus holds (docs/people.md).

A name's mentions in one article are one person. Across articles, the posts an article gives
a name decide: posts that cannot be one person's (a national post and a city post, posts in two
places neither of which holds the other, the same post in two different bodies) make separate
people, each labelled by a post that tells them apart: 李强（国务院总理）, 李强（聊城市副市长）.
An article that names the person without a post goes to the one person of that name, or, where
there are several, to the one whose posts lie around the article's home place, else to the one
most articles name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.extract.places import Place
from kg.resolve.names import china_named, national_bodies, org_key, unnamed_bodies

# Posts that are national without a body written (a Chinese paper's bare 总理 is the premier).
_NATIONAL_TITLES = frozenset({"总理", "副总理", "国务委员", "总书记", "国家主席", "国家副主席"})
# Posts many people hold in one body, and one person in several bodies: they never tell people apart.
_MEMBERSHIPS = frozenset(
    {
        "委员",
        "常委",
        "成员",
        "党组成员",
        "理事",
        "常务理事",
        "代表",
        "记者",
        "通讯员",
        "评论员",
        "董事",
    }
)
# A ministry (外交部, 教育部) named without a place is the state's.
_MINISTRY = re.compile(r"^[\u4e00-\u9fff]{1,6}部$")
_STATUS = re.compile(r"^(?:代理|代|前|原)")


@dataclass(frozen=True)
class Post:
    title: str
    org: str | None  # canonical name of the body or place, None when the text names none
    place: Place | None  # where the body is, from its name (None: unknown or national)
    national: bool = False
    foreign: str | None = None  # the country of a post abroad (美国总统)

    @property
    def bare_title(self) -> str:
        return _STATUS.sub("", self.title) or self.title


def make_post(
    title: str, org: str | None, place: Place | None, countries: Iterable[str] = ()
) -> Post:
    """A post with its scope: national when its body is the state's (or the title is), foreign
    when its body is a country or starts with one, else the place its body's name starts with."""
    foreign = None
    if org is not None and place is None:
        foreign = next((c for c in countries if org.startswith(c) and not c.startswith("中")), None)
    national = (
        place is None
        and foreign is None
        and (
            (
                org is not None
                and (org.startswith(national_bodies()) or _MINISTRY.match(org) is not None)
            )
            or (org is None and _STATUS.sub("", title) in _NATIONAL_TITLES)
        )
    )
    return Post(title, org, place, national, foreign)


def _scope(post: Post) -> tuple[str, object] | None:
    if post.national:
        return ("national", None)
    if post.foreign is not None:
        return ("foreign", post.foreign)
    if post.place is not None:
        return ("place", post.place)
    return None


def _within(a: Place, b: Place) -> bool:
    return a == b or any(p == b for p in a.ancestors()) or any(p == a for p in b.ancestors())


def _unwritten(post: Post) -> bool:
    return post.org is None or post.org in unnamed_bodies()


def _bare_state_body(post: Post) -> bool:
    return post.national and post.org is not None and not post.org.startswith(china_named())


def _one_body(a: str, b: str) -> bool:
    """One name holds the other once abbreviations are folded (民盟中央, 中国民主同盟)."""
    ka, kb = org_key(a), org_key(b)
    return ka in kb or kb in ka


def compatible(a: Post, b: Post) -> bool:
    """Whether one person can hold both posts (see the module's docstring)."""
    if a.bare_title == b.bare_title and (_unwritten(a) or _unwritten(b)):
        return True  # 以色列总理 and a bare 总理 (or 政府总理): the same post, its body unwritten
    sa, sb = _scope(a), _scope(b)
    if sa is not None and sb is not None:
        abroad = {sa[0], sb[0]} == {"national", "foreign"}
        if sa[0] != sb[0] and not (abroad and (_bare_state_body(a) or _bare_state_body(b))):
            # 国务院总理 and 甲市副市长; 乙国总统 and 中国某部部长. Not 乙国外长 and 外交部部长: the
            # ministry of the foreign minister's own country, written bare
            return False
        if sa[0] == sb[0] == "foreign" and sa[1] != sb[1]:
            return False
        if sa[0] == "place" and not _within(sa[1], sb[1]):  # type: ignore[arg-type]
            return False  # posts in 聊城市 and in 潍坊市 (临清市 lies in 聊城市: one career)
    # 局长 of 公安局 and 局长 of 教育局: two heads, two people. Not two posts of the state's bodies
    # (the chair of the state and the chair of its military commission): one leader holds several.
    return not (
        a.bare_title == b.bare_title
        and a.bare_title not in _MEMBERSHIPS
        and a.org is not None
        and b.org is not None
        and not _one_body(a.org, b.org)
        and not (a.national and b.national)
    )


@dataclass
class _Person:
    name: str
    posts: list[Post]
    articles: set[str]

    def hold(self, posts: list[Post]) -> None:
        """Adds an article's posts, each once: many articles give the same post."""
        self.posts += [post for post in dict.fromkeys(posts) if post not in self.posts]

    def takes(self, posts: list[Post]) -> bool:
        """Whether an article's posts can be this person's: each is a post held already (the same
        name in the same post is the same person), or fits each post held, save one the article
        gives too (an article that names both posts shows that one person holds them)."""
        return all(
            b in self.posts or all(compatible(a, b) or a in posts for a in self.posts)
            for b in posts
        )


def split_people(
    posts: dict[tuple[str, str], list[Post]],
    mentioned: Iterable[tuple[str, str]],
    *,
    home_place: Callable[[str], Place | None] = lambda _article: None,
    order: Callable[[str], str] = lambda article: article,
) -> dict[tuple[str, str], str]:
    """(article id, name) -> the label of the person node it stands for. ``posts`` holds the
    posts each article gives a name; ``mentioned`` every (article, name) pair, with or without
    a post. Articles are taken in ``order`` (their dates), so labels do not depend on input order.
    Names of one person keep their plain label; namesakes get 名字（post）."""
    people: dict[str, list[_Person]] = defaultdict(list)
    for article, name in sorted(posts, key=lambda k: (order(k[0]), k[0], k[1])):
        found = posts[(article, name)]
        if not found:
            continue
        person = next((p for p in people[name] if p.takes(found)), None)
        if person is None:
            person = _Person(name, [], set())
            people[name].append(person)
        person.hold(found)
        person.articles.add(article)
    labels = {name: _labels(group) for name, group in people.items()}
    out: dict[tuple[str, str], str] = {}
    for name, group in people.items():
        for person, label in zip(group, labels[name], strict=True):
            for article in person.articles:
                out[(article, name)] = label
    for article, name in mentioned:
        if (article, name) in out or name not in people:
            continue
        out[(article, name)] = labels[name][_untitled(people[name], home_place(article))]
    return out


def join_short_forms(
    labels: dict[tuple[str, str], str], posts: dict[tuple[str, str], list[Post]]
) -> dict[tuple[str, str], str]:
    """克雷库 in articles that give no full name: the person of the corpus' one full name that
    ends in ·克雷库, where the two are given one post with its body written (贝宁总统) and no two
    posts that cannot be one person's. A short form with no post, or one of several full names
    (托马斯), stays its own node: a foreign surname alone is too often another person's."""
    held: dict[str, dict[Post, None]] = defaultdict(dict)  # each post once, in order
    for (_article, name), found in posts.items():
        held[name].update(dict.fromkeys(found))
    people: dict[str, set[str]] = defaultdict(set)
    keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, label in labels.items():
        people[key[1]].add(label)
        keys[key[1]].append(key)
    fulls: dict[str, set[str]] = defaultdict(set)
    for name in people:
        if "·" in name:
            fulls[name.rsplit("·", 1)[1]].add(name)
    out = dict(labels)
    for short, named in fulls.items():
        full = next(iter(named))
        if len(named) != 1 or len(people.get(short, ())) != 1 or len(people[full]) != 1:
            continue
        if _one_person(list(held.get(short, ())), list(held.get(full, ()))):
            label = next(iter(people[full]))
            out.update(dict.fromkeys(keys[short], label))
    return out


def _one_person(a: list[Post], b: list[Post]) -> bool:
    shared = any(
        p.bare_title == q.bare_title and (p.org or q.org) and compatible(p, q) for p in a for q in b
    )
    return shared and all(compatible(p, q) for p in a for q in b)


def _untitled(group: list[_Person], home: Place | None) -> int:
    """Which person an article that gives no post means: the only one; else the one whose posts
    lie around the article's home place, when only one does; else the one most articles name."""
    if len(group) == 1:
        return 0
    if home is not None:
        near = [
            i
            for i, p in enumerate(group)
            if any(post.place is not None and _within(post.place, home) for post in p.posts)
        ]
        if len(near) == 1:
            return near[0]
    return max(range(len(group)), key=lambda i: (len(group[i].articles), -i))


def _labels(group: list[_Person]) -> list[str]:
    if len(group) == 1:
        return [group[0].name]
    labels = []
    for person in group:
        label = f"{person.name}（{describe(person.posts)}）"
        while label in labels:  # two people the posts describe alike: number them
            label = f"{label[:-1]}·{len(labels) + 1}）"
        labels.append(label)
    return labels


def describe(posts: list[Post]) -> str:
    """The post that tells a person apart: the first one with a body, written short
    (X市人民政府 + 副市长 -> X市副市长, 中共X市委员会 + 书记 -> X市委书记)."""
    post = next((p for p in posts if p.org is not None and p.bare_title not in _MEMBERSHIPS), None)
    if post is None:
        post = next((p for p in posts if p.org is not None), posts[0])
    return short_body(post.org) + post.title if post.org else post.title


def short_body(org: str) -> str:
    if org.endswith("人民政府"):
        return org[: -len("人民政府")]
    if org.startswith("中共") and org.endswith("委员会"):
        return org[2 : -len("员会")]
    return org
