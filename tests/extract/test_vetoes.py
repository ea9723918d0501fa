"""The relabels and vetoes of kg/extract/vetoes.py on Docs whose entities are set by hand."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.rules import load_rules
from kg.extract.vetoes import (
    DocFacts,
    brand_context,
    counted_org,
    journey_place,
    loc_not_place,
    ministry_body,
    not_an_entity,
    person_before_place_word,
    person_doctrine,
    person_is_place,
    titled_person,
)


def _facts(words: list[str], ents: list[str]) -> DocFacts:
    doc = Doc(Vocab(), words=words, spaces=[False] * len(words), ents=ents)
    return DocFacts(doc, load_rules(), list(doc.ents))


@pytest.mark.parametrize(
    ("words", "ents", "label"),
    [
        (
            ["独联体", "执行秘书", "科罗维亚", "出席"],
            ["B-ORG", "O", "B-LOC", "O"],
            "PERSON",
        ),  # after a post
        (
            ["会见", "菲达利", "首相"],
            ["O", "B-LOC", "O"],
            "PERSON",
        ),  # before a head of state's post
        (["会见", "印尼", "总统"], ["O", "B-LOC", "O"], None),  # a country of the world list
        (["会见", "新州", "总理"], ["O", "B-LOC", "O"], None),  # 总理 may be a state's premier
        (
            ["在", "接见", "舍维拉", "时"],
            ["O", "O", "B-LOC", "O"],
            "PERSON",
        ),  # the guest of a meeting
        (["访问", "科罗维亚"], ["O", "B-LOC"], None),  # no post beside it
    ],
)
def test_titled_person_relabels_an_unknown_place_beside_a_post(words, ents, label):
    facts = _facts(words, ents)
    place = next(e for e in facts.model if e.label_ == "LOC")
    assert titled_person(place, facts) == label


@pytest.mark.parametrize(
    ("words", "ents", "vetoed"),
    [
        (["建立", "“河", "（", "湖", "）", "长制"], ["O", "B-LOC", "O", "O", "O", "O"], True),
        (["建立", "“", "河"], ["O", "B-LOC", "I-LOC"], True),  # a quote and one character
        (["在", "“淮河", "”"], ["O", "B-LOC", "O"], False),  # two characters after the quote
    ],
)
def test_a_quote_is_no_character_of_a_one_character_name(words, ents, vetoed):
    facts = _facts(words, ents)
    assert (not_an_entity(facts.doc.ents[0], facts) is not None) is vetoed


@pytest.mark.parametrize(
    ("name", "vetoed"),
    [
        ("科罗维亚省", False),  # a foreign province the world list lacks
        ("塔伊瓦拉市", False),  # a foreign city
        ("梅林沟县", False),  # an old county name the map no longer lists
        ("产地县", True),  # an everyday word before 县
        ("建设省", True),  # a ministry: a word before 省
        ("沿河城市", True),  # a kind of town, not a name
        ("日本塔伊瓦拉市", True),  # a country glued to a city: two names
        ("辽宁塔伊瓦拉市", True),  # a province glued to a city
    ],
)
def test_loc_not_place_keeps_unlisted_divisions_with_a_name(name, vetoed):
    facts = _facts(["位于", name], ["O", "B-LOC"])
    assert (loc_not_place(facts.doc.ents[0], facts) is not None) is vetoed


@pytest.mark.parametrize(("name", "label"), [("大藏省", "ORG"), ("科罗维亚省", None)])
def test_ministry_named_like_a_province_is_a_body(name, label):
    facts = _facts(["据", name, "统计"], ["O", "B-LOC", "O"])
    assert ministry_body(facts.doc.ents[0], facts) == label


@pytest.mark.parametrize(
    ("name", "vetoed"),
    [
        ("安曼", True),  # a capital the model read as a person
        ("鲁西", True),  # a region
        ("聂荣臻", False),  # 聂荣 is a county; the name is a person's
        ("吴兴华", False),
        ("中山雅史", False),
    ],
)
def test_person_is_place_only_where_the_whole_name_is_a_place(name, vetoed):
    facts = _facts([name, "说"], ["B-PERSON", "O"])
    assert (person_is_place(facts.doc.ents[0], facts) is not None) is vetoed


@pytest.mark.parametrize(
    ("words", "vetoed"),
    [
        (["甲乙丙", "理论"], True),  # a doctrine named after him
        (["甲乙丙", "同志", "建设", "有", "中国", "特色", "社会主义", "理论"], True),
        (["甲乙丙", "主义", "关于", "民族", "问题", "的", "基本", "理论"], True),
        (["甲乙丙", "同志", "的", "思想"], False),  # his thought, not a doctrine's name
        (["甲乙丙", "同志", "为", "核心", "的", "党中央", "对", "理论", "学习"], False),
    ],
)
def test_person_doctrine_needs_a_doctrines_name(words, vetoed):
    ents = ["B-PERSON"] + ["O"] * (len(words) - 1)
    facts = _facts(words, ents)
    assert (person_doctrine(facts.doc.ents[0], facts) is not None) is vetoed


@pytest.mark.parametrize(
    ("words", "brand"),
    [
        (["科罗维", "（", "山东", "）", "电缆"], True),  # a company's regional branch
        (["科罗维", "（", "女", "）", "、"], False),  # a delegate's sex in a list of people
        (["科罗维", "（", "藏族", "）", "、"], False),
        (["科罗维", "集团", "发展"], True),
        # a person's country or people in a list, not a company's region: the name ends there
        (["科罗维", "（", "丹麦", "）", "、"], False),
        (["科罗维", "（", "蒙古", "族", "）", "为"], False),
    ],
)
def test_brand_context_needs_a_place_in_the_bracket(words, brand):
    facts = _facts(words, ["B-PERSON"] + ["O"] * (len(words) - 1))
    assert brand_context(facts.doc.ents[0], facts.rules) is brand


@pytest.mark.parametrize(
    ("words", "ents", "vetoed"),
    [
        (["甲乙庄", "镇", "发展"], ["B-PERSON", "O", "O"], True),  # a village's name before 镇
        (["副教授", "王甲乙", "河北省", "人"], ["O", "B-PERSON", "B-LOC", "O"], False),
        (["王甲乙", "区丙丁", "出席"], ["B-PERSON", "B-PERSON", "O"], False),  # names run together
    ],
)
def test_person_before_place_word_not_before_a_name_of_its_own(words, ents, vetoed):
    facts = _facts(words, ents)
    person = next(e for e in facts.doc.ents if e.label_ == "PERSON")
    assert (person_before_place_word(person, facts) is not None) is vetoed


@pytest.mark.parametrize(
    ("name", "vetoed"),
    [
        ("甲市两间机械人系统公司", True),  # a count in the name: bodies of a kind
        ("乙县一家食品厂", True),
        ("五所村卫生室", False),  # a village named with a count
        ("三间房乡卫生院", False),  # a township named with a count
        ("三家村小学", False),
        ("丙市第一人民医院", False),
    ],
)
def test_counted_org_vetoes_a_body_counted_and_not_named(name, vetoed):
    facts = _facts([name], ["B-ORG"])
    assert (counted_org(facts.doc.ents[0], facts) is not None) is vetoed


@pytest.mark.parametrize(
    ("words", "ents", "label"),
    [
        (["萨默斯", "同", "苏哈托", "举行会谈"], ["B-PERSON", "O", "B-LOC", "O"], "PERSON"),
        (
            ["萨默斯", "与", "苏哈托", "举行了", "会晤"],
            ["B-PERSON", "O", "B-LOC", "O", "O"],
            "PERSON",
        ),
        (["萨默斯", "同", "印尼", "举行会谈"], ["B-PERSON", "O", "B-LOC", "O"], None),  # a country
        (["萨默斯", "同", "苏哈托", "签署协议"], ["B-PERSON", "O", "B-LOC", "O"], None),  # no talks
        (
            ["俄罗斯", "同", "车臣", "举行会谈"],
            ["B-LOC", "O", "B-LOC", "O"],
            None,
        ),  # a state's talks
    ],
)
def test_titled_person_relabels_an_unknown_place_that_is_a_party_of_talks(words, ents, label):
    facts = _facts(words, ents)
    assert titled_person(facts.doc.ents[1], facts) == label


@pytest.mark.parametrize(
    ("words", "ents", "label"),
    [
        (["总统", "特使", "波苏瓦柳克", "转交"], ["O", "O", "B-ORG", "O"], "PERSON"),
        (["总统", "特使", "甲国外交部", "转交"], ["O", "O", "B-ORG", "O"], None),  # a body's ending
        (["会见", "波苏瓦柳克"], ["O", "B-ORG"], None),  # no post before it
        (["外长", "东盟", "轮值主席", "李四海"], ["O", "B-ORG", "O", "B-PERSON"], None),  # 2nd post
    ],
)
def test_titled_person_relabels_a_bare_body_right_after_a_post(words, ents, label):
    facts = _facts(words, ents)
    assert titled_person(facts.doc.ents[0], facts) == label


@pytest.mark.parametrize(
    ("words", "ents", "label"),
    [
        (["会见", "墨菲", "先生"], ["O", "B-LOC", "O"], "PERSON"),
        (["由", "哈拉尔", "殿下"], ["O", "B-LOC", "O"], "PERSON"),
        (["来自", "印尼", "先生"], ["O", "B-LOC", "O"], None),  # a country of the world list
        (["会见", "剑桥", "先生", "李四海"], ["O", "B-LOC", "O", "B-PERSON"], None),  # a name after
    ],
)
def test_titled_person_relabels_an_unknown_place_before_a_form_of_address(words, ents, label):
    facts = _facts(words, ents)
    assert titled_person(facts.doc.ents[0], facts) == label


@pytest.mark.parametrize(
    ("words", "label"),
    [
        (["财政司司长", "访问", "米兰"], "LOC"),  # a journey goes there
        (["出访", "巴黎", "、", "米兰", "和", "伦敦"], "LOC"),  # listed after the journey's verb
        (["结束", "米兰", "之行"], "LOC"),
        (["访问", "甲国", "（", "甲", "）", "杜拜"], "LOC"),  # a city after its country's names
        (["展开", "访问", "利雅德"], "LOC"),  # Hong Kong's form of 利雅得 (more_places.txt)
        (["（", "利马", "时间", "十月十日", "）"], "LOC"),  # the local time of a place
        (["米兰", "主场", "战胜", "对手"], None),  # a club named after its city
        (["访问", "张百顺"], None),  # no place of the world list
    ],
)
def test_journey_place_relabels_a_world_place_a_journey_goes_to(words, label):
    name = next(w for w in words if w in ("米兰", "利马", "杜拜", "利雅德", "张百顺"))
    ents = ["B-ORG" if w == name else "O" for w in words]
    facts = _facts(words, ents)
    assert journey_place(facts.model[0], facts) == label
