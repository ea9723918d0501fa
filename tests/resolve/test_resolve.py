import pytest

from kg.extract.places import gazetteer
from kg.resolve import detect_home_city, resolve
from kg.schema import Article, Extraction, Mention, Role, Sentence


def extraction(
    article_id: str, text: str, mentions, roles=(), dateline=None, source="t"
) -> Extraction:
    article = Article(
        id=article_id,
        source=source,
        text=text,
        dateline=dateline,
        sentences=[Sentence(0, len(text), text)],
    )
    ms = []
    for surface, etype in mentions:
        start = text.index(surface)
        ms.append(Mention(start, start + len(surface), surface, etype, 0))
    return Extraction(article=article, mentions=ms, roles=list(roles))


def labels(resolution) -> set[str]:
    return {e.id for e in resolution.entities.values()}


def test_resolve_company_short_forms_merge_but_not_siblings():
    exs = [
        extraction(
            "a#1",
            "中通客车股份有限公司在聊城。",
            [("中通客车股份有限公司", "ORG"), ("聊城", "LOC")],
        ),
        extraction(
            "a#2",
            "中通客车和中通新能源都在聊城。",
            [("中通客车", "ORG"), ("中通新能源", "ORG"), ("聊城", "LOC")],
        ),
        extraction("a#3", "中通发展很快。", [("中通", "ORG")]),
    ]
    ids = labels(resolve(exs))
    assert "ORG:中通客车股份有限公司" in ids
    assert "ORG:中通新能源" in ids
    assert "ORG:中通客车" not in ids
    assert "LOC:聊城市" in ids


def test_resolve_short_form_ambiguous_stays_apart():
    exs = [
        extraction(
            "a#1",
            "国兴城乡发展集团与国兴现代农业有限公司签约。",
            [("国兴城乡发展集团", "ORG"), ("国兴现代农业有限公司", "ORG")],
        ),
        extraction("a#2", "国兴表示。", [("国兴", "ORG")]),
    ]
    assert "ORG:国兴" in labels(resolve(exs))


def test_resolve_city_relative_names_and_roles():
    exs = [
        extraction(
            "p#1",
            "聊城市召开会议，市公安局局长李强出席。",
            [("聊城市", "LOC"), ("市公安局", "ORG"), ("李强", "PERSON")],
            roles=[
                Role("李强", "局长", "市公安局", "ORG", 0),
                Role("李强", "副市长", "市政府", "ORG", 0),
            ],
        ),
        extraction("p#2", "临清市委召开会议。", [("临清市委", "ORG")]),
        extraction("p#3", "聊城市公安局发布通告。", [("聊城市公安局", "ORG"), ("聊城", "LOC")]),
    ]
    res = resolve(exs)
    ids = labels(res)
    assert {"ORG:聊城市公安局", "ORG:聊城市人民政府", "ORG:中共临清市委员会", "PERSON:李强"} <= ids
    police = res.entities["ORG:聊城市公安局"]
    assert police.aliases == {"市公安局"} and police.mentions == 2
    assert {(r.person, r.title, r.org) for r in res.roles} == {
        ("PERSON:李强", "局长", "ORG:聊城市公安局"),
        ("PERSON:李强", "副市长", "ORG:聊城市人民政府"),
    }


def test_resolve_dateline_outside_home_is_ignored():
    exs = [extraction(f"p#{i}", "聊城市发展。", [("聊城市", "LOC")]) for i in range(3)]
    exs.append(extraction("p#9", "市政府召开会议。", [("市政府", "ORG")], dateline="上海"))
    assert "ORG:聊城市人民政府" in labels(resolve(exs))


def test_resolve_county_paper_is_home_in_its_county():
    exs = [
        extraction(f"g#{i}", "巩义市发展，郑州市支持。", [("巩义市", "LOC"), ("郑州市", "LOC")])
        for i in range(2)
    ]
    exs.append(
        extraction("g#9", "巩义市委召开会议，市委要求。", [("巩义市", "LOC"), ("市委", "ORG")])
    )
    assert detect_home_city(exs, gazetteer()).name == "巩义市"
    assert "ORG:中共巩义市委员会" in labels(resolve(exs))


def test_resolve_type_follows_the_majority():
    exs = [extraction(f"t#{i}", "东阿阿胶发展。", [("东阿阿胶", "ORG")]) for i in range(3)]
    exs.append(extraction("t#9", "东阿阿胶发展。", [("东阿阿胶", "LOC")]))
    ids = labels(resolve(exs))
    assert "ORG:东阿阿胶" in ids and "LOC:东阿阿胶" not in ids


def test_resolve_splits_a_name_with_posts_in_unrelated_cities():
    exs = [
        extraction(
            "a#1",
            "聊城市公安局局长张伟出席。",
            [("聊城市公安局", "ORG"), ("张伟", "PERSON")],
            roles=[Role("张伟", "局长", "聊城市公安局", "ORG", 0)],
        ),
        extraction(
            "b#1",
            "潍坊市教育局局长张伟出席。",
            [("潍坊市教育局", "ORG"), ("张伟", "PERSON")],
            roles=[Role("张伟", "局长", "潍坊市教育局", "ORG", 0)],
        ),
        extraction(
            "c#1",
            "临清市委书记李明、聊城市副市长李明。",
            [("李明", "PERSON")],
            roles=[
                Role("李明", "书记", "临清市委", "ORG", 0),
                Role("李明", "副市长", "聊城市政府", "ORG", 0),
            ],
        ),
    ]
    res = resolve(exs, home_city="聊城")
    # Two people of one name (kg/resolve/people.py), each labelled by a post.
    assert {"PERSON:张伟（聊城市公安局局长）", "PERSON:张伟（潍坊市教育局局长）"} <= labels(res)
    assert "PERSON:张伟" not in labels(res)
    assert (
        res.entities["PERSON:李明"].homonym == ""
    )  # 临清市 lies in 聊城市: one career, one person


def test_resolve_short_form_with_words_left_out():
    exs = [
        extraction("h#1", "安徽华科智能家电有限公司签约。", [("安徽华科智能家电有限公司", "ORG")]),
        extraction("h#2", "华科家电董事长出席。", [("华科家电", "ORG")]),
    ]
    assert labels(resolve(exs)) == {"ORG:安徽华科智能家电有限公司"}


def test_resolve_bare_zone_joins_the_home_citys_full_zone():
    exs = [
        extraction(
            "z#1", "聊城经济技术开发区发展迅速。", [("聊城经济技术开发区", "LOC"), ("聊城", "LOC")]
        ),
        extraction("z#2", "开发区新建项目。聊城市发展。", [("开发区", "LOC"), ("聊城市", "LOC")]),
    ]
    res = resolve(exs)
    assert "LOC:聊城经济技术开发区" in labels(res) and "LOC:聊城开发区" not in labels(res)
    assert "开发区" in res.entities["LOC:聊城经济技术开发区"].aliases


def test_resolve_official_country_names_join_the_short_name():
    exs = [
        extraction(
            "w#1",
            "中华人民共和国和大韩民国建交。中国和韩国合作。",
            [("中华人民共和国", "LOC"), ("大韩民国", "LOC"), ("中国", "LOC"), ("韩国", "LOC")],
        )
    ]
    # another name of a state (lexicons/more_countries.txt): 印尼 is 印度尼西亚; a former state
    # stays apart (苏联)
    exs.append(
        extraction("w#2", "印尼和印度尼西亚，苏联和俄罗斯。", [("印尼", "LOC"), ("苏联", "LOC")])
    )
    # 俄国 of news since 1991 and Hong Kong's 南韩 are the states of today
    exs.append(
        extraction(
            "w#3",
            "俄国和俄罗斯，南韩和韩国。",
            [("俄国", "LOC"), ("俄罗斯", "LOC"), ("南韩", "LOC")],
        )
    )
    # a foreign city written with 市 is the city; a capital named for its country is not
    exs.append(
        extraction(
            "w#4",
            "莫斯科市长会见客人。莫斯科很冷。科威特市和科威特。",
            [("莫斯科市", "LOC"), ("莫斯科", "LOC"), ("科威特市", "LOC"), ("科威特", "LOC")],
        )
    )
    res = resolve(exs)
    assert "LOC:莫斯科市" not in labels(res) and "莫斯科市" in res.entities["LOC:莫斯科"].aliases
    assert {"LOC:科威特市", "LOC:科威特"} <= labels(res)
    assert {"LOC:中国", "LOC:韩国"} <= labels(res) and "LOC:中华人民共和国" not in labels(res)
    assert "中华人民共和国" in res.entities["LOC:中国"].aliases
    assert {"LOC:印度尼西亚", "LOC:苏联"} <= labels(res) and "LOC:印尼" not in labels(res)
    assert "LOC:俄国" not in labels(res) and "俄国" in res.entities["LOC:俄罗斯"].aliases
    assert "LOC:南韩" not in labels(res) and "南韩" in res.entities["LOC:韩国"].aliases


def test_resolve_surname_and_title_is_the_person_holding_it():
    exs = [
        extraction(
            "h#1",
            "国家主席江泽民会见外宾。江主席说，两国合作前景广阔。",
            [("江泽民", "PERSON"), ("江主席", "PERSON")],
            roles=[Role("江泽民", "主席", "中华人民共和国", "LOC", 0)],
        )
    ]
    res = resolve(exs)
    assert "PERSON:江主席" not in labels(res)
    assert (
        res.entities["PERSON:江泽民"].mentions == 2
        and "江主席" in res.entities["PERSON:江泽民"].aliases
    )
    # a foreign name's last part is the article's one full name that ends in it, its roles too
    exs = [
        extraction(
            "h#2",
            "主席会见马蒂·克里库。克里库总统说，两国合作前景广阔。",
            [("马蒂·克里库", "PERSON"), ("克里库", "PERSON")],
            roles=[Role("克里库", "总统", None, None, 0)],
        )
    ]
    res = resolve(exs)
    assert "PERSON:克里库" not in labels(res)
    assert res.entities["PERSON:马蒂·克里库"].mentions == 2


def test_resolve_declared_short_form_joins_its_full_name():
    text = "攀钢集团江油长城特殊钢有限公司（以下简称“长城特钢”）投资。"
    exs = [
        extraction("d#1", text, [("攀钢集团江油长城特殊钢有限公司", "ORG")]),
        extraction("d#2", "长城特钢年产高温合金。", [("长城特钢", "ORG")]),
    ]
    res = resolve(exs)
    assert "ORG:长城特钢" not in labels(res)
    assert "长城特钢" in res.entities["ORG:攀钢集团江油长城特殊钢有限公司"].aliases


def test_resolve_declared_short_form_for_two_entities_stays_apart():
    exs = [
        extraction("d#1", "甲乙科技有限公司（简称“华光”）。", [("甲乙科技有限公司", "ORG")]),
        extraction("d#2", "丙丁材料有限公司（简称“华光”）。", [("丙丁材料有限公司", "ORG")]),
        extraction("d#3", "华光发展。", [("华光", "ORG")]),
    ]
    assert "ORG:华光" in labels(resolve(exs))


def test_resolve_unit_joins_its_parent_institutions_name():
    exs = [
        extraction("u#1", "四川大学华西医院专家到场。", [("四川大学华西医院", "ORG")]),
        extraction(
            "u#2",
            "绵阳华西医院与市中心医院合作。",
            [("华西医院", "ORG"), ("市中心医院", "ORG"), ("绵阳", "LOC")],
        ),
    ]
    ids = labels(resolve(exs))
    assert "ORG:华西医院" not in ids and "ORG:四川大学华西医院" in ids
    assert "ORG:绵阳市中心医院" in ids  # 市中心医院 is the city's, not the city centre


def test_resolve_bare_party_department_belongs_to_the_home():
    exs = [
        extraction(
            f"b#{i}", "绍兴市召开会议，宣传部部长出席。", [("绍兴市", "LOC"), ("宣传部", "ORG")]
        )
        for i in range(2)
    ]
    assert "ORG:中共绍兴市委宣传部" in labels(resolve(exs))


def test_resolve_a_places_full_name_is_a_place_even_as_a_body():
    # 竹林镇 of 竹林镇党委书记 comes out of the title chain as an organisation
    exs = [
        extraction(f"z#{i}", "巩义市竹林镇党委书记到场。", [("巩义市", "LOC"), ("竹林镇", "ORG")])
        for i in range(2)
    ]
    ids = labels(resolve(exs))
    assert "LOC:竹林镇" in ids and "ORG:竹林镇" not in ids


def test_resolve_projects_that_differ_only_in_places_stay_apart():
    # 美兰 and 凤凰 are districts/counties too: without places both read 国际机场
    exs = [
        extraction(
            "p#1",
            "海口美兰国际机场和三亚凤凰国际机场扩容。",
            [("海口美兰国际机场", "PROJECT"), ("三亚凤凰国际机场", "PROJECT")],
        )
    ]
    ids = labels(resolve(exs))
    assert {"PROJECT:海口美兰国际机场", "PROJECT:三亚凤凰国际机场"} <= ids


def test_resolve_project_with_and_without_its_place_is_one():
    exs = [
        extraction(
            "p#1",
            "茌平区信发现代农业产业园开园，信发现代农业产业园占地千亩。",
            [("茌平区信发现代农业产业园", "PROJECT"), ("信发现代农业产业园", "PROJECT")],
        )
    ]
    assert labels(resolve(exs)) == {"PROJECT:茌平区信发现代农业产业园"}


def test_resolve_a_named_zone_is_a_place_even_as_a_body():
    # 滨江新区 of 滨江新区党工委书记 comes out of the title chain as an organisation
    exs = [
        extraction(f"z#{i}", "滨江新区党工委书记到场。", [("滨江新区", "ORG")]) for i in range(2)
    ]
    assert labels(resolve(exs)) == {"LOC:滨江新区"}


def test_resolve_a_tie_between_place_and_body_goes_to_a_name_ending_like_a_place():
    exs = [
        extraction("p#1", "班轮靠泊南山港，南山港吞吐量创新高。", [("南山港", "LOC")]),
        extraction("p#2", "南山港吞吐量创新高。", [("南山港", "ORG")]),
    ]
    assert labels(resolve(exs)) == {"LOC:南山港"}


def test_resolve_a_mention_written_out_keeps_its_written_form_as_alias():
    text = "滨海经济开发区党工委书记、管委会主任刘建国介绍情况。"
    start = text.index("管委会")
    ex = Extraction(
        article=Article(id="m#1", source="t", text=text, sentences=[Sentence(0, len(text), text)]),
        mentions=[Mention(start, start + 3, "滨海经济开发区管委会", "ORG", 0)],
        roles=[],
    )
    ent = resolve([ex]).entities["ORG:滨海经济开发区管委会"]
    assert "管委会" in ent.aliases


def test_resolve_party_standing_committee_meeting_is_the_party_committee():
    exs = [
        extraction(
            f"s#{i}",
            "岳阳市委常委会召开会议，市委书记主持。",
            [("岳阳", "LOC"), ("市委常委会", "ORG"), ("市委", "ORG")],
        )
        for i in range(2)
    ]
    ids = labels(resolve(exs))
    assert "ORG:中共岳阳市委员会" in ids and not any("常委会" in i for i in ids)


def test_resolve_brand_and_product_category_names_the_brand():
    exs = [
        extraction("b#1", "宇华客车股份有限公司在郑州。", [("宇华客车股份有限公司", "ORG")]),
        extraction("b#2", "宇华新能源客车批量出口中亚。", [("宇华新能源客车", "ORG")]),
        extraction("b#3", "滨江新区智能网联汽车产业园开工。", [("滨江新区智能网联汽车", "ORG")]),
    ]
    res = resolve(exs)
    assert {e.id for e in res.entities.values() if e.type == "ORG"} == {"ORG:宇华客车股份有限公司"}
    assert "宇华新能源客车" in res.entities["ORG:宇华客车股份有限公司"].aliases


def test_resolve_a_local_body_abroad_is_named_without_its_country():
    exs = [
        extraction(
            "f#1",
            "日本大阪文化馆与韩国国际新闻传媒交流协会签约。",
            [("日本大阪文化馆", "ORG"), ("韩国国际新闻传媒交流协会", "ORG")],
        )
    ]
    ids = labels(resolve(exs))
    assert "ORG:大阪文化馆" in ids and "ORG:韩国国际新闻传媒交流协会" in ids


def test_resolve_a_bodys_party_group_is_the_body():
    exs = [
        extraction(
            f"g#{i}",
            "岳阳市召开会议，市政协党组（扩大）会议召开，市政协主席出席。",
            [("岳阳市", "LOC"), ("市政协党组", "ORG"), ("市政协", "ORG")],
        )
        for i in range(2)
    ]
    ids = labels(resolve(exs))
    assert "ORG:政协岳阳市委员会" in ids and not any(i.endswith("党组") for i in ids)


def test_resolve_the_papers_own_place_is_the_home_place():
    exs = [extraction("o#1", "小米是我县的金字招牌。", [("我县", "LOC")])]
    res = resolve(exs, home_city="沁县")
    assert labels(res) == {"LOC:沁县"} and "我县" in res.entities["LOC:沁县"].aliases
    assert labels(resolve(exs, home_city="长治市")) == set()  # no county to name


def test_resolve_a_body_without_its_place_joins_the_one_placed_body():
    res = resolve(
        [
            extraction(
                "p#1", "德州市公共资源交易中心推出新举措。", [("德州市公共资源交易中心", "ORG")]
            ),
            extraction("p#2", "公共资源交易中心延时服务。", [("公共资源交易中心", "ORG")]),
        ]
    )
    assert "ORG:公共资源交易中心" not in labels(res) and "ORG:德州市公共资源交易中心" in labels(res)


def test_resolve_a_body_without_its_place_joins_the_placed_body_by_any_of_its_spellings():
    # 特别行政区 and 特区 are one word (abbreviations.tsv): the full name is the longer spelling,
    # and the short form drops the place of the other
    names = ["香港特别行政区立法会", "香港特区立法会", "特区立法会"]
    res = resolve(
        [extraction(f"p#{i}", f"{name}开会。", [(name, "ORG")]) for i, name in enumerate(names)]
    )
    assert labels(res) == {"ORG:香港特别行政区立法会"}


def test_resolve_a_body_without_its_place_stays_apart_when_two_places_have_one():
    res = resolve(
        [
            extraction(
                "p#1", "德州市公共资源交易中心推出新举措。", [("德州市公共资源交易中心", "ORG")]
            ),
            extraction(
                "p#2", "济南市公共资源交易中心推出新举措。", [("济南市公共资源交易中心", "ORG")]
            ),
            extraction("p#3", "公共资源交易中心延时服务。", [("公共资源交易中心", "ORG")]),
        ]
    )
    assert "ORG:公共资源交易中心" in labels(res)


def test_resolve_a_one_character_place_left_unnamed_is_no_node():
    # the extractor names the forms it can in full (中美 -> 中国, 美国); one it cannot (阿 of 阿根廷,
    # 阿拉伯 or 阿富汗?) would be a node no reader can place
    exs = [extraction("a#1", "中国与阿联络，中阿合作。", [("中国", "LOC"), ("阿", "LOC")])]
    ids = labels(resolve(exs))
    assert "LOC:中国" in ids
    assert not any(i.startswith("LOC:") and len(i) == 5 for i in ids)


def test_resolve_a_bodys_whole_name_is_no_short_form_of_a_company_it_opens():
    # a name that runs two bodies together (国务院甲委负责人和乙总公司) opens with 国务院; the
    # state's body does not join it as a company's short form would (中通 -> 中通客车…)
    exs = [
        extraction(
            "a#1", "国务院甲委负责人和乙总公司经理说。", [("国务院甲委负责人和乙总公司", "ORG")]
        ),
        extraction("a#2", "国务院召开会议。", [("国务院", "ORG")]),
    ]
    ids = labels(resolve(exs))
    assert "ORG:国务院" in ids
    # any whole body's name (a ministry, an institute) is no brand of a company named after it
    exs = [
        extraction("b#1", "甲部乙设计院开发公司成立。", [("甲部乙设计院开发公司", "ORG")]),
        extraction("b#2", "甲部召开会议。", [("甲部", "ORG")]),
        extraction("b#3", "华新集团有限公司和员工。", [("华新集团有限公司", "ORG")]),
        extraction("b#4", "华新集团发展很快。", [("华新集团", "ORG")]),
    ]
    ids = labels(resolve(exs))
    assert "ORG:甲部" in ids
    assert "ORG:华新集团" not in ids  # a company's own short form still joins it
    # nor is a newspaper's name, though a column's credit line runs it into a company's
    exs = [
        extraction(
            "c#1", "甲日报文艺部乙(集团)股份有限公司", [("甲日报文艺部乙(集团)股份有限公司", "ORG")]
        ),
        extraction("c#2", "甲日报发表评论。", [("甲日报", "ORG")]),
    ]
    assert "ORG:甲日报" in labels(resolve(exs))


def test_resolve_a_states_body_named_bare_is_the_one_the_article_names_in_full():
    # 国会 of a story that names 泰国国会 (or 泰国会, the one-character form) is that 国会
    exs = [
        extraction("a#1", "泰国国会今天开会。国会议长说。", [("泰国国会", "ORG"), ("国会", "ORG")]),
        extraction("b#1", "日内阁改组。内阁成员说。", [("日内阁", "ORG"), ("内阁", "ORG")]),
    ]
    ids = labels(resolve(exs))
    assert "ORG:国会" not in ids and "ORG:泰国国会" in ids
    assert "ORG:内阁" not in ids
    # a story that names two states' 国会 leaves the bare one alone, as does one that names none
    exs = [
        extraction(
            "c#1",
            "泰国国会和日本国会。国会议长说。",
            [("泰国国会", "ORG"), ("日本国会", "ORG"), ("国会", "ORG")],
        ),
        extraction("d#1", "国会今天开会。", [("国会", "ORG")]),
    ]
    assert "ORG:国会" in labels(resolve(exs))


@pytest.mark.parametrize(
    ("short", "full"),
    [("俄外交部", "俄罗斯外交部"), ("美国防部", "美国国防部"), ("美国会", "美国国会")],
)
def test_resolve_a_states_body_after_its_countrys_one_character_form_is_the_full_name(short, full):
    res = resolve(
        [
            extraction("a#1", f"{short}发言人说。", [(short, "ORG")]),
            extraction("b#1", f"{full}发言人说。", [(full, "ORG")]),
        ]
    )
    assert labels(res) == {f"ORG:{full}"}
    assert short in res.entities[f"ORG:{full}"].aliases


def test_resolve_a_country_in_full_before_a_body_stays_as_written():
    res = resolve([extraction("a#1", "美国政府宣布。", [("美国政府", "ORG")])])
    assert labels(res) == {"ORG:美国政府"}


def test_resolve_a_body_written_with_its_places_short_name_joins_the_full_one():
    names = ["上海人民政府", "上海市人民政府"]
    res = resolve([extraction(f"p#{i}", f"{n}宣布。", [(n, "ORG")]) for i, n in enumerate(names)])
    assert labels(res) == {"ORG:上海市人民政府"}
    # a company named after its city alone keeps its name when no body is written in full
    alone = resolve([extraction("c#1", "聊城百顺宠物集团宣布。", [("聊城百顺宠物集团", "ORG")])])
    assert labels(alone) == {"ORG:聊城百顺宠物集团"}
