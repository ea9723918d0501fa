"""invests_in on hand-made mentions: investor, target, amount (relations/invests.py)."""

from __future__ import annotations

import pytest

from kg.extract.relations import find_relations
from tests.extract.relations.helpers import _extraction, _found


@pytest.mark.parametrize(
    "text",
    [
        "甲公司投资1200万元建成乙园。",
        "甲公司斥资48亿美元收购乙园。",
        "甲公司投资800万元，修缮了乙园。",
    ],
)
def test_every_verb_of_what_money_builds_names_the_target_right_after_the_amount(text):
    # one list of verbs (_BUILDS) for what an investment builds, founds, mends or buys
    assert _found(text, [("甲公司", "ORG"), ("乙园", "PROJECT")]) == {
        ("invests_in", "甲公司", "乙园")
    }


def test_buying_goods_a_body_sells_is_no_investment_in_it():
    names = [("甲公司", "ORG"), ("乙公司", "ORG")]
    assert _found("甲公司投资5000万元购买乙公司的设备。", names) == set()


def test_a_name_that_starts_with_a_verb_of_building_is_still_the_target():
    names = [("甲公司", "ORG"), ("建设银行", "ORG"), ("乙银行", "ORG")]
    assert _found("甲公司投资10亿元入股建设银行和乙银行。", names) == {
        ("invests_in", "甲公司", "建设银行"),
        ("invests_in", "甲公司", "乙银行"),
    }


def test_a_copula_says_what_the_subject_is_and_hands_it_on():
    # 甲公司是著名的医药公司: no body owned by 甲公司, whose later acts are its own
    names = [("甲公司", "ORG"), ("乙国", "LOC")]
    text = "甲公司是著名的医药公司，今后将继续对乙国进行投资。"
    assert _found(text, names) == {("invests_in", "甲公司", "乙国")}
    text = "甲公司一直是著名的医药公司，今后将继续对乙国进行投资。"
    assert _found(text, names) == {("invests_in", "甲公司", "乙国")}
    # a body before the kind it owns (甲公司的有关部门) is still no party, with 是 inside a word too
    assert _found("甲公司的有关部门将对乙国进行投资。", names) == set()
    names = [("甲国", "LOC"), ("乙国", "LOC")]
    assert _found("甲国特别是沿海地区的企业在乙国投资。", names) == set()
    assert _found("甲国就是通过有关的机构在乙国投资。", names) == set()
    assert _found("甲国还是有不少的企业在乙国投资。", names) == set()
    # with a comma after the body too: the copula must follow the name itself
    assert _found("甲国特别是沿海地区的企业，纷纷到乙国投资。", names) == set()
    assert _found("甲国就是通过有关的机构，在乙国投资。", names) == set()
    names = [("甲公司", "ORG"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found("甲公司的子公司是乙国的企业，今后将在丙国投资。", names) == set()
    text = "甲公司是著名的医药公司、乙国最大的企业，今后将对丙国进行投资。"
    assert _found(text, names) == {("invests_in", "甲公司", "丙国")}


def test_an_investments_total_after_its_owner_and_place_states_the_investment():
    names = [("甲公司", "ORG"), ("乙国", "LOC")]
    text = "甲公司在乙国的投资总额将从5亿美元增加到10亿美元。"
    assert _found(text, names) == {("invests_in", "甲公司", "乙国")}
    assert _found("甲公司在乙国的投资环境很好。", names) == set()  # still a noun
    assert _found("甲公司在乙国的投资额度受到限制。", names) == set()  # a quota


def test_a_big_investor_is_a_noun():
    names = [("丙国", "LOC"), ("丁国", "LOC"), ("甲国", "LOC")]
    assert _found("丙国在丁国的投资大户是甲国。", names) == set()
    # 大户型, a large flat, is no investor
    names = [("甲公司", "ORG"), ("乙市", "LOC")]
    assert _found("甲公司在乙市投资大户型住宅。", names) == {("invests_in", "甲公司", "乙市")}


def test_an_unnamed_kind_after_you_invests_and_no_subject_is_carried_in():
    text = "甲市引进成套设备，由企业投资，组建乙公司。"
    assert _found(text, [("甲市", "LOC"), ("乙公司", "ORG")]) == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("甲公司在丙自由贸易区投资1亿美元兴建乙厂。", "丙自由贸易区"),
        ("甲公司由此投资1亿美元兴建乙厂。", None),
    ],
)
def test_you_inside_a_word_names_no_investor(text, place):
    # 自由, 由此: no 由 that names who invests
    names = [("甲公司", "ORG")] + ([(place, "LOC")] if place else []) + [("乙厂", "ORG")]
    assert ("invests_in", "甲公司", "乙厂") in _found(text, names)


def test_a_place_before_a_kind_of_owner_is_no_investor():
    # 甲区私营企业主 (the owner's name not found): the district does not invest
    text = "甲区私营企业主丙某投资100万元建成乙园。"
    assert _found(text, [("甲区", "LOC"), ("乙园", "PROJECT")]) == set()


def test_an_investment_stated_as_a_noun_counts_between_named_parties():
    names = [("甲国", "LOC"), ("乙国", "LOC")]
    assert _found("甲国将增加对乙国的投资。", names) == {("invests_in", "甲国", "乙国")}
    assert _found("甲国企业对乙国的投资增加。", names) == set()


def test_a_place_and_a_kind_of_body_is_no_party_and_takes_no_ones_place():
    names = [("美国", "LOC"), ("美国公司", "ORG"), ("乙国", "LOC")]
    assert _found("美国决定禁止美国公司在乙国投资。", names) == set()
    # a county's or town's short name is an everyday word too often: 莲花公司 is a name
    names = [("甲集团", "ORG"), ("莲花公司", "ORG")]
    found = _found("甲集团出资2亿元，收购了莲花公司。", names)
    assert found == {("invests_in", "甲集团", "莲花公司")}
    names = [("甲集团", "ORG"), ("山东公司", "ORG")]
    assert _found("甲集团出资2亿元，收购了山东公司。", names) == set()  # a province's


def test_an_investment_stated_as_a_noun_after_a_place():
    text = "截至去年，甲公司在乙国的实际投资已达10亿美元。"
    assert _found(text, [("甲公司", "ORG"), ("乙国", "LOC")]) == {("invests_in", "甲公司", "乙国")}
    assert _found("外商在乙国的投资增长很快。", [("乙国", "LOC")]) == set()


def test_an_investment_in_a_place_to_build_something_unnamed():
    text = "甲公司将在今后几年中投资1亿美元在乙国建立网络实验室。"
    assert _found(text, [("甲公司", "ORG"), ("乙国", "LOC")]) == {("invests_in", "甲公司", "乙国")}


def test_the_investor_of_dui_next_to_the_verb():
    names = [("韩国", "LOC"), ("美", "LOC"), ("韩", "LOC")]
    assert _found("按照协议，韩国决定在美对韩投资上实行自由化。", names) == {
        ("invests_in", "美国", "韩国")
    }


def test_a_kind_that_invests_is_no_investor():
    text = "甲国政府全面废除外国人对乙国股市投资的限制。"
    assert _found(text, [("甲国政府", "ORG"), ("乙国", "LOC")]) == set()


def test_an_investment_builds_what_the_next_clause_names():
    text = "去年，甲公司投资两千多万元人民币，建成乙中心，并且开始演出。"
    (rel,) = find_relations(_extraction(text, [("甲公司", "ORG"), ("乙中心", "ORG")]))
    assert (rel.source, rel.target, rel.amount_text, rel.amount) == (
        "甲公司",
        "乙中心",
        "两千多万元人民币",
        20_000_000,
    )


def test_invests_in_keeps_the_amount_as_written_and_in_yuan():
    ex = _extraction(
        "甲集团投资10亿元建设乙产业园项目。", [("甲集团", "ORG"), ("乙产业园项目", "PROJECT")]
    )
    (rel,) = find_relations(ex)
    assert (rel.relation, rel.source, rel.target) == ("invests_in", "甲集团", "乙产业园项目")
    assert rel.amount_text == "10亿元" and rel.amount == 1_000_000_000


def test_an_investment_noun_is_no_event():
    assert _found("甲集团改善投资环境。", [("甲集团", "ORG")]) == set()
    # what investors seek or weigh (投资目标, 投资方向, 投资回报) is no investment either
    text = "甲国、乙国的商人纷至沓来，到丙地区争夺投资目标和新的市场。"
    assert _found(text, [("甲国", "LOC"), ("乙国", "LOC"), ("丙地区", "LOC")]) == set()
    assert _found("甲集团在聊城投资建厂。", [("甲集团", "ORG"), ("聊城", "LOC")]) == {
        ("invests_in", "甲集团", "聊城")
    }


def test_an_investment_in_listed_places_where_it_builds_an_unnamed_thing_is_in_each_place():
    text = "甲部投资近亿元在乙省丙县、丁县等五个山区县的乡村之间修建了多条公路。"
    names = [("甲部", "ORG"), ("乙省", "LOC"), ("丙县", "LOC"), ("丁县", "LOC")]
    assert _found(text, names) == {("invests_in", "甲部", "丙县"), ("invests_in", "甲部", "丁县")}
    rel = find_relations(_extraction(text, names))[0]
    assert rel.amount_text == "近亿元" and rel.amount is None


def test_an_investment_goes_into_what_a_later_clause_builds():
    text = "甲某又和几位企业家一起联手，总投资1亿元，创建乙中学。"
    assert _found(text, [("甲某", "PERSON"), ("乙中学", "ORG")]) == {
        ("invests_in", "甲某", "乙中学")
    }
    text = "甲县日前投资9000万元，实施有“某某之王”美誉的乙工程。"
    assert _found(text, [("甲县", "LOC"), ("乙工程", "PROJECT")]) == {
        ("invests_in", "甲县", "乙工程")
    }


def test_joint_investors_of_the_building_the_sentence_is_about():
    text = "新竣工的甲大厦占地2万平方米，总投资3亿元，由乙集团与丙公司联合投资。"
    names = [("甲大厦", "LOC"), ("乙集团", "ORG"), ("丙公司", "ORG")]
    assert _found(text, names) == {
        ("invests_in", "乙集团", "甲大厦"),
        ("invests_in", "丙公司", "甲大厦"),
    }


def test_a_body_that_opens_the_sentence_is_no_target_of_an_investment_by_you():
    # 由乙负责投资 with no object: the body acting in the first clause is not what is built
    text = "甲局已经指示乙公司，将资金拨入新设立的基金，并由乙公司负责投资。"
    assert _found(text, [("甲局", "ORG"), ("乙公司", "ORG"), ("乙公司", "ORG")]) == set()


def test_an_investment_in_a_kind_of_countries_of_a_region_names_no_target():
    text = "甲国对乙洲新兴国家的投资有一半属于直接投资。"
    assert _found(text, [("甲国", "LOC"), ("乙洲", "LOC")]) == set()


def test_an_investment_in_a_place_that_builds_a_named_thing_is_in_both():
    names = [("甲公司", "ORG"), ("丙县", "LOC"), ("乙花园", "LOC")]
    found = _found("甲公司在丙县投资1.5亿元兴建乙花园。", names)
    assert found == {("invests_in", "甲公司", "丙县"), ("invests_in", "甲公司", "乙花园")}


def test_an_investment_that_repairs_or_buys_a_named_thing_goes_into_it():
    names = [("甲市政府", "ORG"), ("乙河", "LOC")]
    assert _found("甲市政府投资1000多万元，彻底治理乙河。", names) == {
        ("invests_in", "甲市政府", "乙河")
    }
    names = [("甲集团", "ORG"), ("乙公司", "ORG")]
    assert _found("甲集团将出资20亿元，收购乙公司25%的股份。", names) == {
        ("invests_in", "甲集团", "乙公司")
    }


def test_an_investment_with_no_place_of_its_own_goes_where_its_investor_went():
    names = [("甲厅", "ORG"), ("乙局", "ORG"), ("丙县", "LOC")]
    found = _found("甲厅、乙局等单位先后来到丙县考察，出资修缮了当地学校。", names)
    assert ("invests_in", "甲厅", "丙县") in found and ("invests_in", "乙局", "丙县") in found
    # an investment that names its own place keeps it
    names = [("甲厅", "ORG"), ("丙县", "LOC"), ("丁镇", "LOC")]
    assert ("invests_in", "甲厅", "丙县") not in _found(
        "甲厅来到丙县考察，并在丁镇投资建厂。", names
    )


def test_what_is_built_before_by_is_invested_in_by_the_one_after_it():
    names = [("甲培训中心", "ORG"), ("乙集团", "ORG")]
    assert _found("甲培训中心由乙集团出资2亿元建设，一期投资5000万元。", names) == {
        ("invests_in", "乙集团", "甲培训中心")
    }
    assert _found("甲水厂就是由乙财团投资建设的。", [("甲水厂", "ORG"), ("乙财团", "ORG")]) == {
        ("invests_in", "乙财团", "甲水厂")
    }
    names = [
        ("甲市", "LOC"),
        ("乙公司", "ORG"),
        ("丙项目", "PROJECT"),
    ]  # a place before 由 is where, not what
    assert _found("甲市由乙公司投资建设了丙项目。", names) == {("invests_in", "乙公司", "丙项目")}


def test_a_project_settling_in_a_place_does_not_qualify_it():
    """甲公司投资N建设的乙项目落户丙省丁区: 落户 is where the project goes, so the project stays a
    party of its own (no qualifier of the place after it) and is what the money builds."""
    text = "东山医疗科技有限公司投资18亿元建设的东山医疗耗材基地项目落户江苏西岭经济开发区。"
    names = [
        ("东山医疗科技有限公司", "ORG"),
        ("东山医疗耗材基地项目", "PROJECT"),
        ("江苏", "LOC"),
        ("西岭经济开发区", "LOC"),
    ]
    assert _found(text, names) == {("invests_in", "东山医疗科技有限公司", "东山医疗耗材基地项目")}


@pytest.mark.parametrize(
    ("text", "names", "investors", "targets"),
    [
        # every body listed after the verb is invested in
        (
            "甲集团入股乙银行和丙银行。",
            ["甲集团", "乙银行", "丙银行"],
            ["甲集团"],
            ["乙银行", "丙银行"],
        ),
        # a partner acting together (共同, 联合, 合资) invests too, the longest list of them
        (
            "甲集团与乙公司共同投资兴建了丙大厦。",
            ["甲集团", "乙公司", "丙大厦"],
            ["甲集团", "乙公司"],
            ["丙大厦"],
        ),
        (
            "甲集团与乙公司、丙银行合资组建丁公司。",
            ["甲集团", "乙公司", "丙银行", "丁公司"],
            ["甲集团", "乙公司", "丙银行"],
            ["丁公司"],
        ),
        # the subject carried over from an earlier clause, the partner in the verb's own clause
        (
            "甲集团当年被评为先进，同年与乙公司合资创办了丙公司。",
            ["甲集团", "乙公司", "丙公司"],
            ["甲集团", "乙公司"],
            ["丙公司"],
        ),
        # a venture run jointly (合资经营的C)
        (
            "由甲公司和乙公司合资经营的丙厂近日投产。",
            ["甲公司", "乙公司", "丙厂"],
            ["甲公司", "乙公司"],
            ["丙厂"],
        ),
        # a built thing with its place qualifier
        (
            "由甲集团与乙公司共同投资兴建的丙市丁市场昨日开业。",
            ["甲集团", "乙公司", "丙市", "丁市场"],
            ["甲集团", "乙公司"],
            ["丁市场"],
        ),
        # 是…的 names the investors in the body before 是, as 由 does
        (
            "丙厂是甲公司与乙公司合资兴办的企业。",
            ["丙厂", "甲公司", "乙公司"],
            ["甲公司", "乙公司"],
            ["丙厂"],
        ),
        ("丙厂也是甲公司投资兴建的。", ["丙厂", "甲公司"], ["甲公司"], ["丙厂"]),
        # 的 qualifying a noun after the verb is no 是…的: 丙厂 is what the investment favours
        ("丙厂是甲公司投资的重点。", ["丙厂", "甲公司"], [], []),
    ],
)
def test_joint_investors_and_listed_targets(text, names, investors, targets):
    typed = [(n, "LOC" if n.endswith(("市", "大厦", "市场")) else "ORG") for n in names]
    assert _found(text, typed) == {("invests_in", a, b) for a in investors for b in targets}
