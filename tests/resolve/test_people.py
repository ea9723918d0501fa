"""The namesake battery: one node per person, not per name (kg/resolve/people.py, docs/people.md).

Each case is a small corpus of articles that name one person, or several people of one name,
with the posts the extractor would give them. Splits and merges both."""

import pytest

from kg.resolve import resolve
from kg.resolve.people import Post, compatible, describe, make_post
from kg.schema import Article, Extraction, Mention, Role, Sentence


def article(
    article_id: str, text: str, people: list[str], roles=(), orgs=(), date=None
) -> Extraction:
    a = Article(
        id=article_id, source="t", text=text, date=date, sentences=[Sentence(0, len(text), text)]
    )
    mentions = []
    for surface, etype in [*((p, "PERSON") for p in people), *orgs]:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, etype, 0))
    return Extraction(
        article=a, mentions=mentions, roles=[Role(p, t, o, ot, 0) for p, t, o, ot in roles]
    )


def people_named(resolution, name: str) -> list[str]:
    return sorted(
        e.label
        for e in resolution.entities.values()
        if e.type == "PERSON" and (e.label == name or name in e.aliases)
    )


def roles_of(resolution, label: str) -> set[tuple[str, str | None]]:
    pid = f"PERSON:{label}"
    return {
        (r.title, resolution.entities[r.org].label if r.org else None)
        for r in resolution.roles
        if r.person == pid
    }


PREMIER = article(
    "a#1",
    "国务院总理李强5日在北京作政府工作报告。",
    ["李强"],
    [("李强", "总理", "国务院", "ORG")],
    [("国务院", "ORG")],
)
VICE_MAYOR = article(
    "b#1",
    "副市长、市公安局局长李强到东昌府区调研。",
    ["李强"],
    [("李强", "副市长", "市政府", "ORG"), ("李强", "局长", "市公安局", "ORG")],
    [("市公安局", "ORG")],
)

# ---------------------------------------------------------------- splits


def test_people_premier_and_vice_mayor_are_two_people_with_readable_labels():
    res = resolve([PREMIER, VICE_MAYOR], home_city="聊城")
    assert people_named(res, "李强") == ["李强（国务院总理）", "李强（聊城市副市长）"]
    assert roles_of(res, "李强（国务院总理）") == {("总理", "国务院")}
    assert ("局长", "聊城市公安局") in roles_of(res, "李强（聊城市副市长）")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("局长", "聊城市公安局"), ("局长", "潍坊市教育局")),  # two cities
        (
            ("书记", "中共临清市委员会"),
            ("县长", "寿光市人民政府"),
        ),  # a county of 聊城, a city of 潍坊
        (("局长", "聊城市公安局"), ("局长", "聊城市教育局")),  # one city, two bureaus: two heads
        (("部长", "外交部"), ("副县长", "东阿县人民政府")),  # a national ministry, a county
        (("总经理", "中通客车股份有限公司"), ("总经理", "鲁西化工集团")),  # two companies' managers
        (("总统", "美国"), ("总统", "法国")),  # two countries
        (("大使", "美国"), ("副市长", "聊城市人民政府")),  # abroad and at home
        (("主席", "全国政协"), ("主席", "聊城市工商联")),  # national and city bodies
        (("校长", "聊城大学"), ("校长", "山东大学")),  # two universities
        (("院长", "聊城市人民医院"), ("院长", "济南市中心医院")),  # two hospitals in two cities
        (("部长", "中国外交部"), ("总统", "美国")),  # a body named China's is no foreign one's
    ],
)
def test_people_incompatible_posts_split_a_name(first, second):
    text = f"{first[1]}{first[0]}王伟。"
    other = f"{second[1]}{second[0]}王伟。"
    exs = [
        article(
            "a#1",
            text,
            ["王伟"],
            [("王伟", first[0], first[1], "ORG" if "美国" != first[1] else "LOC")],
        ),
        article(
            "b#1",
            other,
            ["王伟"],
            [("王伟", second[0], second[1], "ORG" if second[1] not in ("美国", "法国") else "LOC")],
        ),
    ]
    res = resolve(exs, home_city="聊城")
    assert len(people_named(res, "王伟")) == 2
    assert all(label.startswith("王伟（") for label in people_named(res, "王伟"))


def test_people_national_title_without_a_body_is_national():
    exs = [
        article("a#1", "总理李强会见外宾。", ["李强"], [("李强", "总理", None, None)]),
        VICE_MAYOR,
    ]
    assert len(people_named(resolve(exs, home_city="聊城"), "李强")) == 2


def test_people_three_namesakes_three_nodes():
    exs = [
        article(
            "a#1", "聊城市公安局局长王伟出席。", ["王伟"], [("王伟", "局长", "聊城市公安局", "ORG")]
        ),
        article(
            "b#1", "潍坊市教育局局长王伟出席。", ["王伟"], [("王伟", "局长", "潍坊市教育局", "ORG")]
        ),
        article("c#1", "外交部部长王伟出席。", ["王伟"], [("王伟", "部长", "外交部", "ORG")]),
    ]
    labels = people_named(resolve(exs, home_city="聊城"), "王伟")
    assert labels == ["王伟（外交部部长）", "王伟（潍坊市教育局局长）", "王伟（聊城市公安局局长）"]


def test_people_untitled_mention_goes_to_the_namesake_at_home():
    exs = [PREMIER, VICE_MAYOR, article("c#1", "李强检查了防汛工作。", ["李强"])]
    res = resolve(exs, home_city="聊城")
    vice_mayor = res.entities["PERSON:李强（聊城市副市长）"]
    assert "c#1" in vice_mayor.articles
    assert "c#1" not in res.entities["PERSON:李强（国务院总理）"].articles


def test_people_a_namesake_keeps_every_mention_of_its_article():
    res = resolve([PREMIER, VICE_MAYOR], home_city="聊城")
    ids = res.mention_ids["a#1"]
    assert "PERSON:李强（国务院总理）" in ids and "PERSON:李强" not in ids


def test_people_labels_do_not_depend_on_the_order_of_articles():
    one = resolve([PREMIER, VICE_MAYOR], home_city="聊城")
    two = resolve([VICE_MAYOR, PREMIER], home_city="聊城")
    assert people_named(one, "李强") == people_named(two, "李强")


# ---------------------------------------------------------------- merges


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("代市长", "聊城市人民政府"), ("市长", "聊城市人民政府")),  # acting, then confirmed
        (("书记", "中共临清市委员会"), ("副市长", "聊城市人民政府")),  # 临清市 lies in 聊城市
        (("副省长", "山东省人民政府"), ("书记", "中共聊城市委员会")),  # the province holds the city
        (
            ("委员", "聊城市政协"),
            ("委员", "聊城市人大常委会"),
        ),  # memberships never tell people apart
        (("记者", None), ("副市长", "聊城市人民政府")),  # a post without a body fits any
        (("总理", "国务院"), ("副总理", "国务院")),  # one career in one body
        (("局长", "聊城市公安局"), ("原局长", "聊城市公安局")),  # former and current, one body
        (("局长", "聊城市公安局"), ("党委书记", "聊城市公安局")),  # two posts of one body
        (("董事长", "中通客车"), ("董事长", "中通客车股份有限公司")),  # one company, short and full
        (("总统", "美国"), ("总统", "美国")),  # the same post abroad twice
    ],
)
def test_people_compatible_posts_keep_one_node(first, second):
    exs = [
        article(
            "a#1",
            "张百顺出席。",
            ["张百顺"],
            [("张百顺", first[0], first[1], "LOC" if first[1] == "美国" else "ORG")],
        ),
        article(
            "b#1",
            "张百顺讲话。",
            ["张百顺"],
            [("张百顺", second[0], second[1], "LOC" if second[1] == "美国" else "ORG")],
        ),
    ]
    res = resolve(exs, home_city="聊城")
    assert people_named(res, "张百顺") == ["张百顺"]
    assert {"a#1", "b#1"} <= res.entities["PERSON:张百顺"].articles


def test_people_the_only_mayor_takes_every_untitled_mention():
    exs = [
        article("a#1", "市长张百顺主持会议。", ["张百顺"], [("张百顺", "市长", "市政府", "ORG")]),
        article("b#1", "张百顺到企业调研。", ["张百顺"]),
    ]
    res = resolve(exs, home_city="聊城")
    assert people_named(res, "张百顺") == ["张百顺"]
    assert res.entities["PERSON:张百顺"].articles == {"a#1", "b#1"}


def test_people_one_article_is_one_person():
    exs = [
        article(
            "c#1",
            "临清市委书记李明、聊城市副市长李明。",
            ["李明"],
            [("李明", "书记", "临清市委", "ORG"), ("李明", "副市长", "聊城市政府", "ORG")],
        )
    ]
    assert people_named(resolve(exs, home_city="聊城"), "李明") == ["李明"]


def test_people_a_national_leaders_posts_stay_one_node_across_articles():
    # the chairs of the state and of its military commission (two posts of the state), and a city
    # post held with a national one
    both = [("石平", "主席", "中国", "LOC"), ("石平", "主席", "中央军委", "ORG")]
    exs = [article(f"n#{i}", "国家主席、军委的主席石平讲话。", ["石平"], both) for i in range(3)]
    city = [("贾明", "委员", "中共中央政治局", "ORG"), ("贾明", "书记", "中共甲市委员会", "ORG")]
    exs.append(article("c#1", "中共中央政治局委员、甲市委书记贾明讲话。", ["贾明"], city))
    # the same name in a post already held is the same person, though it is a city's post
    exs.append(article("c#2", "甲市委书记贾明讲话。", ["贾明"], city[1:]))
    res = resolve(exs, home_city="聊城")
    assert people_named(res, "石平") == ["石平"]
    assert people_named(res, "贾明") == ["贾明"]


def test_people_a_bare_title_fits_the_same_title_with_its_body():
    # a foreign premier called 总理 alone is still that premier, not China's
    posts = [("乔纳", "总理", "以色列", "LOC")]
    exs = [
        article("f#1", "以色列总理乔纳讲话。", ["乔纳"], posts),
        article("f#2", "乔纳总理讲话。", ["乔纳"], [("乔纳", "总理", None, None)]),
    ]
    assert people_named(resolve(exs, home_city="聊城"), "乔纳") == ["乔纳"]


# ---------------------------------------------------------------- the rules themselves


def test_people_posts_scopes():
    assert make_post("总理", "国务院", None).national
    assert make_post("部长", "外交部", None).national
    assert make_post("总统", "美国", None, ["美国"]).foreign == "美国"
    assert not make_post("局长", "某某公司", None).national


def test_people_describe_prefers_a_head_post_with_a_body():
    posts = [Post("委员", "中共聊城市委员会", None), Post("书记", "中共聊城市委员会", None)]
    assert describe(posts) == "聊城市委书记"
    assert compatible(posts[0], posts[1])


def test_people_boss_li_is_the_articles_one_li():
    one = article("a#1", "李明辉介绍了情况。李总说，订单已经排满。", ["李明辉", "李总"])
    res = resolve([one], home_city="聊城")
    assert res.entities["PERSON:李明辉"].mentions == 2
    two = article("b#1", "李明辉和李文出席。李总说，订单已经排满。", ["李明辉", "李文", "李总"])
    assert "PERSON:李总" in {e.id for e in resolve([two], home_city="聊城").entities.values()}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a foreign minister's own ministry, written bare in a story about his country
        (("外长", "美国", "LOC"), ("部长", "外交部", "ORG")),
        (("行长", "美国中央银行", "ORG"), ("行长", "中央银行", "ORG")),
        # 政府总理, 内阁总理: words for the body that name none
        (("总理", "以色列", "LOC"), ("总理", "政府", "ORG")),
        (("总经理", "中通客车股份有限公司", "ORG"), ("总经理", "合营公司", "ORG")),
        # one body, written in full and short (abbreviations.tsv)
        (("主席", "中国民主同盟", "ORG"), ("主席", "民盟中央", "ORG")),
        (("主任", "聊城市外事办公室", "ORG"), ("主任", "聊城市外办", "ORG")),
        # a province written twice before its committee; a national body's two short names
        (("书记", "甲省委", "ORG"), ("书记", "甲省省委", "ORG")),
        (("主席", "中国记协", "ORG"), ("主席", "全国记协", "ORG")),
        (("书记", "中直机关工委", "ORG"), ("书记", "中直工委", "ORG")),
        (("司长", "香港特别行政区政府政务司", "ORG"), ("司长", "香港特别行政区政务司", "ORG")),
        # two bodies of the state: the chair of the state and of its military commission
        (("主席", "中华人民共和国", "ORG"), ("主席", "军委", "ORG")),
    ],
)
def test_people_one_post_written_two_ways_keeps_one_node(first, second):
    exs = [
        article(f"{n}#1", "韦德里纳出席。", ["韦德里纳"], [("韦德里纳", *post)])
        for n, post in (("a", first), ("b", second))
    ]
    assert people_named(resolve(exs, home_city="聊城"), "韦德里纳") == ["韦德里纳"]


def _short_and_full(short_post, full_post):
    return [
        article("a#1", "马蒂厄·克雷库出席。", ["马蒂厄·克雷库"], [("马蒂厄·克雷库", *full_post)]),
        article("b#1", "克雷库讲话。", ["克雷库"], [("克雷库", *short_post)] if short_post else []),
    ]


def test_people_a_foreign_surname_alone_is_the_one_full_name_given_the_same_post():
    res = resolve(_short_and_full(("总统", "贝宁", "LOC"), ("总统", "贝宁", "LOC")))
    assert people_named(res, "克雷库") == ["马蒂厄·克雷库"]
    assert {"a#1", "b#1"} <= res.entities["PERSON:马蒂厄·克雷库"].articles


@pytest.mark.parametrize(
    "short_post",
    [
        None,  # no post: a foreign surname alone is too often another person's
        ("总理", "德国", "LOC"),  # another post: no evidence they are one
    ],
)
def test_people_a_foreign_surname_alone_stays_apart_without_a_shared_post(short_post):
    res = resolve(_short_and_full(short_post, ("总统", "贝宁", "LOC")))
    assert "PERSON:克雷库" in res.entities and "PERSON:马蒂厄·克雷库" in res.entities
