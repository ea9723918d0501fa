"""visits on hand-made mentions: who goes where (relations/visits.py)."""

from __future__ import annotations

import pytest

from kg.extract.relations import find_relations
from kg.schema import Extraction, Mention
from tests.extract.relations.helpers import _extraction, _found, _one_sentence, _triples


def test_every_listed_place_of_a_visit_counts_over_commas():
    text = "张百顺先后到甲公司、乙项目，丙集团进行调研。"
    found = _found(
        text, [("张百顺", "PERSON"), ("甲公司", "ORG"), ("乙项目", "PROJECT"), ("丙集团", "ORG")]
    )
    assert found == {
        ("visits", "张百顺", "甲公司"),
        ("visits", "张百顺", "乙项目"),
        ("visits", "张百顺", "丙集团"),
    }


def test_a_subject_carries_over_to_the_next_clause_of_the_sentence():
    text = "李强到东昌府区调研，并到阳谷县督导检查。"
    found = _found(text, [("李强", "PERSON"), ("东昌府区", "LOC"), ("阳谷县", "LOC")])
    assert ("visits", "李强", "阳谷县") in found and ("visits", "李强", "东昌府区") in found


def test_a_clause_that_opens_with_the_locative_verb_takes_the_carried_subject():
    text = "甲代表团昨天离开乙市，前往丙国和丁国进行为期五天的正式访问。"
    names = [("甲代表团", "ORG"), ("乙市", "LOC"), ("丙国", "LOC"), ("丁国", "LOC")]
    assert _found(text, names) == {("visits", "甲代表团", "丙国"), ("visits", "甲代表团", "丁国")}


def test_the_leader_of_a_delegation_is_not_the_carried_subject():
    text = "以张三为团长的甲代表团今天离京，前往丙国访问。"
    names = [("张三", "PERSON"), ("甲代表团", "ORG"), ("丙国", "LOC")]
    assert _found(text, names) == {("visits", "甲代表团", "丙国")}


def test_a_clause_that_ends_on_a_person_is_the_next_clauses_subject():
    text = "应邀对甲国进行访问的国家副主席张三，今天到乙县进行访问。"
    names = [("甲国", "LOC"), ("张三", "PERSON"), ("乙县", "LOC")]
    assert ("visits", "张三", "乙县") in _found(text, names)


def test_a_place_before_a_kind_of_people_names_no_party():
    names = [("甲联盟", "ORG"), ("乙地区", "LOC")]
    assert _found("甲联盟领导人多次出访乙地区。", names) == set()
    assert _found("甲联盟多次出访乙地区。", names) == {("visits", "甲联盟", "乙地区")}


def test_a_time_frame_opened_by_zai_has_its_own_subject():
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("乙市", "LOC")]
    assert ("visits", "张三", "甲国") in _found(
        "在张三即将访问甲国之际，专家们在乙市举行会议。", names
    )


def test_a_visit_stated_with_shi_de_has_its_subject_before_shi():
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("中国", "LOC")]
    text = "张三是应李四的邀请来中国访问的。"
    assert _found(text, names) == {("visits", "张三", "中国")}


@pytest.mark.parametrize("leads", ["率", "率领高层的", "率领一支庞大的"])
def test_the_leader_of_a_delegation_visits_with_it(leads):
    text = f"张三{leads}甲代表团于今晨离京赴乙国访问。"
    names = [("张三", "PERSON"), ("甲代表团", "ORG"), ("京", "LOC"), ("乙国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "乙国"), ("visits", "甲代表团", "乙国")}


@pytest.mark.parametrize("visit", ["对乙国进行访问", "10日对乙国进行了工作访问"])
def test_the_leader_of_a_delegation_visits_with_it_after_dui(visit):
    names = [("张三", "PERSON"), ("甲代表团", "ORG"), ("乙国", "LOC")]
    found = _found(f"张三率甲代表团{visit}。", names)
    assert found == {("visits", "张三", "乙国"), ("visits", "甲代表团", "乙国")}


def test_a_headline_run_into_its_lead_hands_on_the_leads_subject():
    # the corpus lost the line break after 日本首相访问德国; the lead's subject is 张三
    text = "日本首相访问德国日首相张三今天抵达丙市，对德国进行正式访问。"
    names = [("日本", "LOC"), ("德国", "LOC"), ("日", "LOC"), ("张三", "PERSON"), ("丙市", "LOC")]
    names.append(("德国", "LOC"))
    assert _found(text, names) == {("visits", "张三", "德国")}


@pytest.mark.parametrize(
    "text",
    [
        "张三会见乙国丙省省长丁某，随后参观了戊厂。",
        "张三访问了乙国丙省省长丁某的家乡，参观了戊厂。",
    ],
)
def test_a_place_in_a_country_before_a_titled_guest_is_no_headline(text):
    # 乙国丙省省长丁某 is one name chain: the later clause's subject is still 张三
    names = [
        ("张三", "PERSON"),
        ("乙国", "LOC"),
        ("丙省", "LOC"),
        ("丁某", "PERSON"),
        ("戊厂", "ORG"),
    ]
    assert ("visits", "张三", "戊厂") in _found(text, names)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("张三参观了乙国最大的汽车企业丙公司。", "丙公司"),
        ("张三考察了乙市正在建设的丙项目。", "丙项目"),
        ("张三参观了乙市著名的丙公司。", "丙公司"),
    ],
)
def test_a_place_that_describes_the_named_body_after_it_is_no_object(text, target):
    # the place qualifies the name after 的, as 视察甲国北部乙道 gives 乙道
    kind = "PROJECT" if target.endswith("项目") else "ORG"
    names = [("张三", "PERSON"), (text[text.index("了") + 1 : text.index("了") + 3], "LOC")]
    assert _found(text, [*names, (target, kind)]) == {("visits", "张三", target)}


@pytest.mark.parametrize("rest", ["的消息传到丙国。", "的成果受到丙国赞扬。"])
def test_what_is_said_of_a_visit_after_de_is_no_described_name(rest):
    names = [("张三", "PERSON"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found("张三访问乙国" + rest, names) == {("visits", "张三", "乙国")}


def test_a_count_of_a_kind_after_a_place_names_no_body_visited():
    # 一支丙军部队: one unit of a kind, not the body 丙军
    text = "张三视察了乙国北部的一支丙军部队。"
    assert _found(text, [("张三", "PERSON"), ("乙国", "LOC"), ("丙军", "ORG")]) == set()


def test_a_visit_named_as_a_time_takes_the_next_clauses_subject():
    text = "在甲国访问期间，张三参观了乙市。"
    names = [("甲国", "LOC"), ("张三", "PERSON"), ("乙市", "LOC")]
    assert _found(text, names) == {("visits", "张三", "甲国"), ("visits", "张三", "乙市")}


def test_a_body_whose_post_holder_is_unnamed_is_no_subject():
    text = "当时甲部的副总理带队，访问乙公司。"
    assert _found(text, [("甲部", "ORG"), ("乙公司", "ORG")]) == set()


def test_a_citys_first_character_after_lai_is_a_place_but_an_everyday_word_is_not():
    assert _found("张三来菏调研。", [("张三", "PERSON")]) == {("visits", "张三", "菏")}
    assert _found("张三到镇调研。", [("张三", "PERSON")]) == set()
    assert _found("张三每年都到那看望老人。", [("张三", "PERSON")]) == set()  # 那, "there"


def test_an_escort_is_no_visitor():
    text = "王芳到甲公司调研，副市长李强陪同。"
    found = _found(text, [("王芳", "PERSON"), ("甲公司", "ORG"), ("李强", "PERSON")])
    assert found == {("visits", "王芳", "甲公司")}


def test_a_negated_visit_gives_no_edge_and_a_planned_one_does():
    names = [("李强", "PERSON"), ("日本", "LOC")]
    assert _found("李强没有访问日本。", names) == set()
    assert _found("李强将访问日本。", names) == {("visits", "李强", "日本")}


@pytest.mark.parametrize(
    "text",
    [
        "去年秋，张三先生的女儿李四和女婿王五来访，特地到甲园参观。",
        "张三的女儿李四和女婿王五昨天到甲园参观。",
    ],
)
def test_relatives_named_by_their_tie_to_a_person_are_the_visitors(text):
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("王五", "PERSON"), ("甲园", "LOC")]
    assert _found(text, names) == {("visits", "李四", "甲园"), ("visits", "王五", "甲园")}


def test_a_clause_of_time_that_opens_with_the_visit_gives_its_visitor_to_the_next_clause():
    text = "访问甲国期间，张三指出，两国关系发展顺利。"
    assert _found(text, [("甲国", "LOC"), ("张三", "PERSON")]) == {("visits", "张三", "甲国")}


def test_the_place_left_on_the_way_is_no_subject():
    names = [("张三", "PERSON"), ("甲市", "LOC"), ("乙国", "LOC")]
    assert _found("外长张三今天离开甲市赴乙国进行正式访问。", names) == {("visits", "张三", "乙国")}


def test_places_counted_back_to_are_the_places_visited():
    text = "应甲国、乙国和丙国外长的邀请，外长张三今天离开丁市赴上述三国进行访问。"
    names = [("甲国", "LOC"), ("乙国", "LOC"), ("丙国", "LOC"), ("张三", "PERSON"), ("丁市", "LOC")]
    assert _found(text, names) == {
        ("visits", "张三", "甲国"),
        ("visits", "张三", "乙国"),
        ("visits", "张三", "丙国"),
    }
    # the count must match the list it points back to
    assert _found(text.replace("三国", "五国"), names) == set()


def test_a_place_before_a_superlative_names_no_body_visited():
    assert (
        _found("董事长张三提出希望访问甲国最大的报社。", [("张三", "PERSON"), ("甲国", "LOC")])
        == set()
    )


def test_teachers_organised_to_go_are_no_named_visitor():
    text = "甲学校组织教师到乙学院考察、学习。"
    assert _found(text, [("甲学校", "ORG"), ("乙学院", "ORG")]) == set()


def test_the_one_escorted_visits():
    text = "5日，张三在省委书记李四，省长王五等的陪同下，参观了甲公司和乙公司。"
    names = [
        ("张三", "PERSON"),
        ("李四", "PERSON"),
        ("王五", "PERSON"),
        ("甲公司", "ORG"),
        ("乙公司", "ORG"),
    ]
    assert _found(text, names) == {("visits", "张三", "甲公司"), ("visits", "张三", "乙公司")}


def test_a_place_after_a_modifier_and_a_visit_after_a_long_modifier():
    names = [("张三", "PERSON"), ("甲市", "LOC")]
    assert _found("书记张三近日前往遭受洪灾的甲市视察灾情。", names) == {("visits", "张三", "甲市")}
    names = [("张三", "PERSON"), ("乙市", "LOC"), ("甲国", "LOC")]
    text = "总统张三今天离开乙市，前往甲国进行他就任总统后的首次国事访问。"
    assert _found(text, names) == {("visits", "张三", "甲国")}


def test_who_heads_a_group_named_after_them_is_not_its_visitor():
    text = "以院长张三教授领衔的创作组，赴甲国乙江进行了半个月的实地考察。"
    assert _found(text, [("张三", "PERSON"), ("甲国", "LOC"), ("乙江", "LOC")]) == set()


def test_places_counted_back_to_after_dui():
    text = "应甲国、乙国和丙国政府的邀请，外长张三将于8日起对上述三国进行正式访问。"
    names = [("甲国", "LOC"), ("乙国", "LOC"), ("丙国", "LOC"), ("张三", "PERSON")]
    assert _found(text, names) == {("visits", "张三", p) for p in ("甲国", "乙国", "丙国")}


def test_countries_counted_back_to_may_be_named_by_the_bodies_that_invited():
    # 丹麦议会, 挪威国会: bodies named after their countries stand for the countries visited
    text = "应丹麦议会和挪威国会的邀请，外长张三上月底对两国进行工作访问。"
    names = [("丹麦议会", "ORG"), ("挪威国会", "ORG"), ("张三", "PERSON")]
    assert _found(text, names) == {("visits", "张三", "丹麦"), ("visits", "张三", "挪威")}
    # bodies named after no country are no places counted back to
    text = "应甲协会和乙学会的邀请，外长张三上月底对两国进行工作访问。"
    assert _found(text, [("甲协会", "ORG"), ("乙学会", "ORG"), ("张三", "PERSON")]) == set()


def test_countries_counted_back_to_may_be_those_of_who_invited():
    # a person's country qualifies the person; each country of the invitation counts once
    text = "应法国外长张三、德国议会的邀请，李四将于下月对上述两国进行访问。"
    names = [("法国", "LOC"), ("张三", "PERSON"), ("德国议会", "ORG"), ("李四", "PERSON")]
    assert _found(text, names) == {("visits", "李四", "法国"), ("visits", "李四", "德国")}
    # the count must match the countries of the invitation
    assert _found(text.replace("两国", "三国"), names) == set()


def test_a_body_named_after_the_count_is_visited_too():
    text = "应甲国、乙国和丙国外长的邀请，张三将对上述三国及丁组织总部进行访问。"
    names = [
        ("甲国", "LOC"),
        ("乙国", "LOC"),
        ("丙国", "LOC"),
        ("张三", "PERSON"),
        ("丁组织", "ORG"),
    ]
    assert _found(text, names) == {
        ("visits", "张三", p) for p in ("甲国", "乙国", "丙国", "丁组织")
    }


def test_the_object_of_a_clause_of_time_opened_by_zai_is_no_subject():
    text = "张三还将在出席乙会年会后对法国进行正式访问。"
    names = [("张三", "PERSON"), ("乙会", "ORG"), ("法国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "法国")}


def test_a_briefing_heard_carries_the_subject_on():
    # 听取了…的介绍 is the visitor's own act, no clause of speech that ends the carried subject
    text = "考察期间，张三到甲区，听取了开发区建设情况的介绍，参观了乙公司和丙公司。"
    names = [("张三", "PERSON"), ("甲区", "LOC"), ("乙公司", "ORG"), ("丙公司", "ORG")]
    assert _found(text, names) == {("visits", "张三", "乙公司"), ("visits", "张三", "丙公司")}


def test_not_long_ago_is_no_time_clause():
    assert _found("甲队前不久访问乙市，打破了僵局。", [("甲队", "ORG"), ("乙市", "LOC")]) == {
        ("visits", "甲队", "乙市")
    }


def test_a_pair_naming_the_topic_of_talks_is_no_party():
    text = "张三此次出访甲地将为由乙国和丙国主持召开的巴以和平四方会谈作准备。"
    names = [("张三", "PERSON"), ("甲地", "LOC"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "甲地")}


def test_on_the_day_of_a_visit_frames_a_clause():
    text = "就在张三访问甲市的当天，乙国政府宣布修改国籍法。"
    assert _found(text, [("张三", "PERSON"), ("甲市", "LOC"), ("乙国", "LOC")]) == {
        ("visits", "张三", "甲市")
    }


def test_members_of_bodies_with_no_name_are_no_visitor():
    text = "两天来，甲委员会委员和乙会常委、委员，分别视察、参观了丙法院。"
    assert _found(text, [("甲委员会", "ORG"), ("乙会", "ORG"), ("丙法院", "ORG")]) == set()


def test_the_place_visited_after_a_relative_clause():
    text = "总统张三26日视察了与甲国乙地区接壤的丙区。"
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("乙地区", "LOC"), ("丙区", "LOC")]
    assert _found(text, names) == {("visits", "张三", "丙区")}
    # a noun 检查 (兴奋剂检查结果…所在的) is no visit
    text = "甲总局决定取消兴奋剂检查结果呈阳性运动员所在的乙省代表团的奖项。"
    assert _found(text, [("甲总局", "ORG"), ("乙省", "LOC")]) == set()


def test_a_body_that_sends_a_group_visits_and_a_person_who_sends_an_envoy_does_not():
    text = "张三说，甲国政府已派出文教、环保小组到乙国考察。"
    names = [("张三", "PERSON"), ("甲国政府", "ORG"), ("环保小组", "ORG"), ("乙国", "LOC")]
    assert _found(text, names) == {("visits", "甲国政府", "乙国")}
    assert (
        _found("秘书长张三决定派遣一位特使访问乙国。", [("张三", "PERSON"), ("乙国", "LOC")])
        == set()
    )
    assert (
        _found("镇党委组织镇、村干部到乙村参观学习。", [("镇党委", "ORG"), ("乙村", "LOC")])
        == set()
    )


def test_a_delegation_of_a_kind_of_experts_is_unnamed():
    text = "由甲协会副会长张三为团长的藏学家代表团27日访问了乙国。"
    names = [("甲协会", "ORG"), ("张三", "PERSON"), ("藏学家代表团", "ORG"), ("乙国", "LOC")]
    assert _found(text, names) == set()


def test_the_members_named_after_the_head_of_a_delegation_are_not_visitors():
    text = "以甲协会主席张三为团长，李四、王五为团员的甲国美术家代表团，应邀访问乙国。"
    names = [
        ("甲协会", "ORG"),
        ("张三", "PERSON"),
        ("李四", "PERSON"),
        ("王五", "PERSON"),
        ("甲国美术家代表团", "ORG"),
        ("乙国", "LOC"),
    ]
    assert _found(text, names) == {("visits", "甲国美术家代表团", "乙国")}


def test_a_country_form_inside_a_word_is_no_party():
    text = "张主席接见了4国的华人、华侨代表，并看望了甲国使馆的工作人员。"
    found = _found(text, [("张", "PERSON"), ("华", "LOC"), ("华", "LOC"), ("甲国使馆", "ORG")])
    assert found == {("visits", "张", "甲国使馆")}  # 看望 a body's people: a visit to it


def test_a_name_governed_by_a_preposition_of_means_is_no_subject():
    text = "希望借助甲大学这个个案，来考察乙国的思想。"
    assert _found(text, [("甲大学", "ORG"), ("乙国", "LOC")]) == set()


def test_who_told_the_reporter_is_no_subject_of_what_follows():
    assert (
        _found("李先生告诉记者，参观甲广场是首选。", [("李", "PERSON"), ("甲广场", "LOC")]) == set()
    )


def test_the_name_before_dui_owns_a_visit_stated_as_a_noun():
    text = "甲认为，张三总统的访问将巩固两国在李四主席对乙国的国事访问以后取得的成就。"
    names = [("甲", "PERSON"), ("张三", "PERSON"), ("李四", "PERSON"), ("乙国", "LOC")]
    assert _found(text, names) == {("visits", "李四", "乙国")}


def test_a_pair_of_country_forms_after_a_locative_verb():
    assert _found("张三表示愿意尽早到印巴访问。", [("张三", "PERSON")]) == {
        ("visits", "张三", "印度"),
        ("visits", "张三", "巴基斯坦"),
    }


def test_a_place_before_two_verbs():
    assert _found(
        "张三从1973年起多次到甲国探亲、访问讲学。", [("张三", "PERSON"), ("甲国", "LOC")]
    ) == {("visits", "张三", "甲国")}


def test_a_clause_qualifying_a_noun_keeps_its_own_subject():
    text = "会议听取了张三主席赴甲省、乙省调研的情况汇报。"
    names = [("张三", "PERSON"), ("甲省", "LOC"), ("乙省", "LOC")]
    assert _found(text, names) == {("visits", "张三", "甲省"), ("visits", "张三", "乙省")}


def test_a_visit_with_its_object_qualifying_a_titled_name_is_that_persons():
    text = "曾多次访问甲国的乙馆馆长张三告诉记者。"
    names = [("甲国", "LOC"), ("乙馆", "ORG"), ("张三", "PERSON")]
    assert _found(text, names) == {("visits", "张三", "甲国")}
    text = "陪同李四访问甲国、乙国的秘书长张三说。"  # the verb's own subject visits, not the escort
    names = [("李四", "PERSON"), ("甲国", "LOC"), ("乙国", "LOC"), ("张三", "PERSON")]
    assert _found(text, names) == {("visits", "李四", "甲国"), ("visits", "李四", "乙国")}


def test_no_name_is_carried_from_a_clause_whose_subject_is_a_pronoun():
    text = "当然，我之研究甲大学，不仅仅是因为它的魅力，希望借助这个个案，来考察乙国的思想。"
    assert _found(text, [("甲大学", "ORG"), ("乙国", "LOC")]) == set()
    text = "应甲集团邀请，我们乙报代表团于5月对丙国进行了友好访问，拜会了丁集团。"
    names = [("甲集团", "ORG"), ("乙报代表团", "ORG"), ("丙国", "LOC"), ("丁集团", "ORG")]
    assert ("visits", "乙报代表团", "丙国") in _found(text, names)


def test_a_place_before_a_verb_qualifies_nothing():
    text = "去年，张三前往甲城参加乙会议，丙国前总统李四于今年3月访问丁城。"
    names = [
        ("张三", "PERSON"),
        ("甲城", "LOC"),
        ("乙", "LOC"),
        ("丙国", "LOC"),
        ("李四", "PERSON"),
        ("丁城", "LOC"),
    ]
    assert _found(text, names) == {("visits", "李四", "丁城")}


def test_a_place_of_another_event_is_not_the_place_visited():
    text = "张三是在甲局和乙会为欢迎他访问而举行的午餐会上说的。"
    assert _found(text, [("张三", "PERSON"), ("甲局", "ORG"), ("乙会", "ORG")]) == set()
    text = "甲党副主席张三今天在甲议院会见了正在这里访问的乙党代表团团长李四。"
    names = [
        ("甲党", "ORG"),
        ("张三", "PERSON"),
        ("甲议院", "ORG"),
        ("乙党代表团", "ORG"),
        ("李四", "PERSON"),
    ]
    assert {r for r in _found(text, names) if r[0] == "visits"} == set()


def test_places_summed_up_by_a_count_and_a_bare_count_back():
    text = "张三先后对甲国、乙国和丙国3个非洲国家进行了正式访问。"
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found(text, names) == {("visits", "张三", p) for p in ("甲国", "乙国", "丙国")}
    text = "应甲国、乙国和丙国议会的邀请，张三于5月对3国进行了正式访问。"
    assert _found(
        text, [("甲国", "LOC"), ("乙国", "LOC"), ("丙国", "LOC"), ("张三", "PERSON")]
    ) == {("visits", "张三", p) for p in ("甲国", "乙国", "丙国")}


def test_a_verb_ending_in_dao_governs_no_party():
    text = "在谈到张三即将对甲国的访问时，李四指出，两国关系良好。"
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("李四", "PERSON")]
    assert _found(text, names) == {("visits", "张三", "甲国")}


def test_a_kind_of_countries_is_no_place_visited_and_jiqi_is_no_pronoun():
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("非洲", "LOC")]
    assert _found(
        "张三谈到李四对甲国和其他非洲国家的访问。",
        [("李四", "PERSON"), ("甲国", "LOC"), ("非洲", "LOC")],
    ) == {("visits", "李四", "甲国")}
    assert ("visits", "张三", "甲国") in _found(
        "人们期待着张三总统及其夫人对甲国的访问。", names[:2]
    )


def test_a_comma_list_of_titled_names_came_to_a_place_and_toured_it():
    text = "副委员长张一、李二，检察长王三今天来到甲博物馆，参观了禁毒展览。"
    names = [("张一", "PERSON"), ("李二", "PERSON"), ("王三", "PERSON"), ("甲博物馆", "ORG")]
    assert _found(text, names) == {("visits", p, "甲博物馆") for p in ("张一", "李二", "王三")}


def test_a_visit_after_arriving_goes_to_the_dui_place_not_the_city_of_arrival():
    text = "张三一行是应李四邀请，于7日抵乙市对甲国进行友好访问的。"
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("乙市", "LOC"), ("甲国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "甲国")}


def test_a_region_counted_by_its_countries_is_the_region_visited():
    assert _found("张三访问欧洲4国。", [("张三", "PERSON"), ("欧洲", "LOC")]) == {
        ("visits", "张三", "欧洲")
    }
    assert _found("张三访问了甲洲6个国家。", [("张三", "PERSON"), ("甲洲", "LOC")]) == {
        ("visits", "张三", "甲洲")
    }
    # a country before a count is the last of the list it sums up, no region
    text = "张三对泰国、马来西亚两国进行了访问。"
    names = [("张三", "PERSON"), ("泰国", "LOC"), ("马来西亚", "LOC")]
    assert _found(text, names) == {("visits", "张三", "泰国"), ("visits", "张三", "马来西亚")}


@pytest.mark.parametrize("mark", ["：", "──"])
def test_the_places_a_regions_count_lists_after_it_are_visited_too(mark):
    names = [("张三", "PERSON"), ("甲洲", "LOC"), ("乙国", "LOC"), ("丙国", "LOC")]
    found = _found(f"张三将访问甲洲两国{mark}乙国和丙国。", names)
    assert found == {("visits", "张三", x) for x in ("甲洲", "乙国", "丙国")}
    names = [("张三", "PERSON"), ("甲区", "LOC"), ("乙市", "LOC"), ("丙市", "LOC")]
    found = _found(f"张三将访问甲区内两个城市{mark}乙市及丙市。", names)
    assert found == {("visits", "张三", x) for x in ("甲区", "乙市", "丙市")}
    # a list of another size is no list of the count
    found = _found(f"张三将访问甲区内三个城市{mark}乙市及丙市。", names)
    assert found == {("visits", "张三", "甲区")}


def test_counted_people_are_no_parties():
    text = "甲部组织有关部门40多人到乙湖现场考察。"
    assert _found(text, [("甲部", "ORG"), ("乙湖", "LOC")]) == set()
    text = "甲访问团一行30人于昨天抵京开始访问。"
    assert _found(text, [("甲访问团", "ORG"), ("京", "LOC")]) == {("visits", "甲访问团", "京")}


def test_guests_visiting_a_place_then_touring_a_site():
    text = "近日在甲市访问的乙国议长张三、丙国议长李四等外宾，相继参观了丁纪念馆。"
    names = [
        ("甲市", "LOC"),
        ("乙国", "LOC"),
        ("张三", "PERSON"),
        ("丙国", "LOC"),
        ("李四", "PERSON"),
        ("丁纪念馆", "ORG"),
    ]
    assert _found(text, names) == {
        ("visits", p, t) for p in ("张三", "李四") for t in ("甲市", "丁纪念馆")
    }


def test_the_subject_carries_past_a_clause_that_names_only_places():
    text = "张三还历数去甲国访问时，得到乙国驻甲大使的接待，去丙市、丁市等地访问也受到接待。"
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("乙国", "LOC"), ("丙市", "LOC"), ("丁市", "LOC")]
    assert {("visits", "张三", "丙市"), ("visits", "张三", "丁市")} <= _found(text, names)


def test_the_person_escorted_on_a_visit_is_the_visitor():
    text = "陪同甲委员会主席张三访问乙国、丙国的秘书长李四接受采访时说，这次访问很成功。"
    names = [
        ("甲委员会", "ORG"),
        ("张三", "PERSON"),
        ("乙国", "LOC"),
        ("丙国", "LOC"),
        ("李四", "PERSON"),
    ]
    assert _found(text, names) == {("visits", "张三", "乙国"), ("visits", "张三", "丙国")}


def test_an_invited_visit_and_people_a_body_organised_are_no_visits_of_theirs():
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("甲国", "LOC")]
    assert _found("张三国王在信中正式邀请李四总统访问甲国。", names) == set()
    names = [("镇党委", "ORG"), ("乙村", "LOC")]
    assert _found("镇党委组织镇、村干部到乙村参观学习。", names) == set()


def test_a_visit_flown_on_to_and_a_one_character_country_after_dui():
    text = "甲国总统张三今天结束对乙市的访问，乘专机飞往丙市，继续进行国事访问。"
    names = [("甲国", "LOC"), ("张三", "PERSON"), ("乙市", "LOC"), ("丙市", "LOC")]
    assert _found(text, names) == {("visits", "张三", "乙市"), ("visits", "张三", "丙市")}
    assert _found("张三这次对法访问很成功。", [("张三", "PERSON")]) == {("visits", "张三", "法国")}


def test_he_stands_for_no_one_after_two_people_or_a_long_lead():
    text = "甲某会见乙某时说，他将访问丙国。"
    assert ("visits", "甲某", "丙国") not in _found(
        text, [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙国", "LOC")]
    )
    text = "甲某说，他希望有更多的朋友来丙国访问。"  # the subject of 来 is the friends
    assert _found(text, [("甲某", "PERSON"), ("丙国", "LOC")]) == set()
    text = "甲某说，他将派特使前往丙国访问。"  # the envoy visits
    assert _found(text, [("甲某", "PERSON"), ("丙国", "LOC")]) == set()


def test_a_visit_qualifying_an_unnamed_post_after_shi_is_the_copula_subjects():
    text = "甲某将军是丁国独立后第一位来乙国访问的丙国总参谋长，这次访问意义重大。"
    names = [("甲某", "PERSON"), ("丁国", "LOC"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "乙国")}


def test_honorifics_do_not_end_a_list_of_visitors():
    text = "出席的还有专程来丙国访问的甲会主席甲某先生、乙会秘书长乙某女士等。"
    names = [
        ("丙国", "LOC"),
        ("甲会", "ORG"),
        ("甲某", "PERSON"),
        ("乙会", "ORG"),
        ("乙某", "PERSON"),
    ]
    assert _found(text, names) == {("visits", "甲某", "丙国"), ("visits", "乙某", "丙国")}


def test_a_second_verb_of_calling_on_between_the_trigger_and_its_objects():
    text = "甲某等领导走访慰问了乙部、丙部和丁部。"
    names = [("甲某", "PERSON"), ("乙部", "ORG"), ("丙部", "ORG"), ("丁部", "ORG")]
    assert _found(text, names) == {
        ("visits", "甲某", "乙部"),
        ("visits", "甲某", "丙部"),
        ("visits", "甲某", "丁部"),
    }


def test_the_group_a_carried_subject_leads_goes_too():
    text = "副委员长甲某率领乙代表团于今天离开丙市，开始对丁国进行正式友好访问。"
    names = [("甲某", "PERSON"), ("乙代表团", "ORG"), ("丙市", "LOC"), ("丁国", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "丁国"), ("visits", "乙代表团", "丁国")}


def test_a_person_after_a_qualifying_clause_is_the_carried_subject():
    text = (
        "应邀对甲国进行正式访问的副主席甲某结束了在乙城的日程以后，"
        "于今天离开乙城去丙城、丁城继续进行访问。"
    )
    names = [
        ("甲国", "LOC"),
        ("甲某", "PERSON"),
        ("乙城", "LOC"),
        ("乙城", "LOC"),
        ("丙城", "LOC"),
        ("丁城", "LOC"),
    ]
    found = _found(text, names)
    assert {("visits", "甲某", "丙城"), ("visits", "甲某", "丁城")} <= found
    assert ("visits", "甲某", "乙城") not in found  # the city left


def test_named_places_after_a_kind_of_places_are_visited():
    text = "前不久，甲某访问了部分海湾国家以及乙国、丙国和丁国等国。"
    names = [("甲某", "PERSON"), ("海湾", "LOC"), ("乙国", "LOC"), ("丙国", "LOC"), ("丁国", "LOC")]
    assert _found(text, names) == {
        ("visits", "甲某", "乙国"),
        ("visits", "甲某", "丙国"),
        ("visits", "甲某", "丁国"),
    }


def test_a_working_visit_is_no_verb_of_its_own():
    text = "甲某总理于13日赴乙国首都丙市进行工作访问。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("丙市", "LOC")]
    assert ("visits", "甲某", "丙市") in _found(text, names)


def test_a_partner_of_another_verb_of_talks_is_no_party_of_the_meeting():
    text = "甲某将访问乙国，与乙某商谈拟于下月举行的首脑会晤事宜。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("乙某", "PERSON")]
    assert _found(text, names) == {("visits", "甲某", "乙国")}


def test_a_place_with_its_qualifiers_after_the_verb():
    text = "甲某是在本月视察乙国北部丙道的经济工作时提出这项计划的。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("丙道", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "丙道")}


def test_a_name_across_a_clause_mark_is_no_party():
    text = "除甲市外，代表团还将赴乙市、丙市参观访问。"
    assert _found(text, [("甲市外，代表团", "ORG"), ("乙市", "LOC"), ("丙市", "LOC")]) == set()


def test_a_place_before_a_kind_of_its_people_is_not_visited():
    assert _found("甲某走访慰问乙市贫困群众", [("甲某", "PERSON"), ("乙市", "LOC")]) == set()


@pytest.mark.parametrize(
    "people", ["的困难职工", "住院官兵", "的师生", "官兵", "职工", "两位老教授"]
)
def test_a_body_before_a_kind_of_its_own_people_is_visited(people):
    # the guide: 看望慰问了乙部队官兵 -> 乙部队; a body's people are met where the body is
    names = [("甲某", "PERSON"), ("乙厂", "ORG"), ("丙院", "ORG")]
    found = _found(f"甲某看望了乙厂和丙院{people}。", names)
    assert found == {("visits", "甲某", "乙厂"), ("visits", "甲某", "丙院")}


def test_the_place_a_visitor_arrives_in_before_a_dui_visit_is_no_visitor():
    text = "甲某是3日抵达乙城对丙国进行为期两天的工作访问的。"
    assert _found(text, [("甲某", "PERSON"), ("乙城", "ORG"), ("丙国", "LOC")]) == {
        ("visits", "甲某", "丙国")
    }


def test_a_verb_between_two_places_breaks_their_chain():
    text = "甲某说，为此，他本人将出访乙国以实现苏、乙关系正常化。"
    extraction = _extraction(text, [("甲某", "PERSON"), ("乙国", "LOC")])
    at = text.index("苏、")
    extraction.mentions.append(Mention(at, at + 1, "江苏", "LOC", 0))  # 苏 read as a province
    found = {(r.relation, r.source, r.target) for r in find_relations(extraction)}
    assert ("visits", "甲某", "乙国") in found


def test_the_end_of_a_visit_to_a_list_of_places_without_de():
    text = "甲某在结束对乙国和丙国访问前夕回答了记者的提问。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "乙国"), ("visits", "甲某", "丙国")}


def test_escorts_inside_zai_peitong_xia_are_no_visitors():
    text = "甲某在乙委负责同志乙某、丙某等陪同下考察了丁村和戊工程。"
    names = [
        ("甲某", "PERSON"),
        ("乙委", "ORG"),
        ("乙某", "PERSON"),
        ("丙某", "PERSON"),
        ("丁村", "LOC"),
        ("戊工程", "PROJECT"),
    ]
    assert _found(text, names) == {("visits", "甲某", "丁村"), ("visits", "甲某", "戊工程")}


def test_a_visit_verb_with_an_object_of_its_own_after_coming_to_a_place():
    text = "甲某来到乙大楼，参观了刚刚扩建的丙交易所，表示满意。"
    names = [("甲某", "PERSON"), ("乙大楼", "ORG"), ("丙交易所", "ORG")]
    assert _found(text, names) == {("visits", "甲某", "丙交易所")}
    text = (
        "甲某来到乙馆，参观了正在那里展出的丙报40年摄影展。"  # 丙报 only qualifies the exhibition
    )
    assert _found(text, [("甲某", "PERSON"), ("乙馆", "ORG"), ("丙报", "ORG")]) == {
        ("visits", "甲某", "乙馆")
    }


def test_the_named_country_after_a_group_of_countries_in_a_dui_visit():
    text = "甲某结束对中东五国和乙国的访问后，当天晚上飞抵丙市。"
    names = [("甲某", "PERSON"), ("中东", "LOC"), ("乙国", "LOC"), ("丙市", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "中东"), ("visits", "甲某", "乙国")}


def test_escorts_listed_over_commas_before_peitong_xia():
    text = "甲某在乙委书记乙某，副书记、市长丙某等同志陪同下考察了丁市。"
    names = [
        ("甲某", "PERSON"),
        ("乙委", "ORG"),
        ("乙某", "PERSON"),
        ("丙某", "PERSON"),
        ("丁市", "LOC"),
    ]
    assert _found(text, names) == {("visits", "甲某", "丁市")}


def test_his_visit_stated_as_a_noun():
    text = "甲某回顾了他去年10月对乙国的国事访问。"
    assert _found(text, [("甲某", "PERSON"), ("乙国", "LOC")]) == {("visits", "甲某", "乙国")}
    text = "甲某表示，他相信乙某即将对丙国的访问很重要。"  # the owner is named: not 他
    assert ("visits", "甲某", "丙国") not in _found(
        text, [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙国", "LOC")]
    )


def test_a_one_character_country_form_before_wai_is_in_a_word():
    text = "甲局对朝外某地区的批发市场进行了检查。"
    extraction = _extraction(text, [("甲局", "ORG")])
    at = text.index("朝外")
    extraction.mentions.append(Mention(at, at + 1, "朝鲜", "LOC", 0))  # 朝 read as a country form
    assert find_relations(extraction) == []


def test_a_model_name_opening_with_a_preposition_is_no_party():
    text = "一位官员从北京到丙市考察灾情。"
    assert _found(text, [("从北京", "ORG"), ("丙市", "LOC")]) == set()


def test_bringing_greetings_is_no_going_to_a_place():
    text = "当天，甲市委所有常委和副市长分别下到各自的扶贫点，带去市委、市政府的新春祝福并检查帮扶工作。"
    assert _found(text, [("甲市委", "ORG"), ("市委", "ORG"), ("市政府", "ORG")]) == set()


def test_a_name_opening_with_cong_is_no_party():
    assert (
        _found("一位官员从甲市到乙市考察灾情。", [("从甲市", "PERSON"), ("乙市", "LOC")]) == set()
    )


def test_a_probe_is_no_visitor():
    assert (
        _found("甲局的无人探测器已进入轨道，准备考察月球。", [("甲局", "ORG"), ("月球", "LOC")])
        == set()
    )
    assert (
        _found("乙号探测器考察火星的数据已经公布。", [("乙号探测器", "ORG"), ("火星", "LOC")])
        == set()
    )
    names = [("“丙行者”飞船", "ORG"), ("月球", "LOC")]
    assert _found("“丙行者”飞船完成月球考察任务。", names) == set()


def test_a_visit_completed_as_a_noun_is_the_subjects():
    names = [("张三", "PERSON"), ("甲国", "LOC")]
    assert _found("张三完成甲国的访问，将于明天返回。", names) == {("visits", "张三", "甲国")}


def test_a_post_between_the_escorted_name_and_zai():
    text = "甲某副总理在夫人乙某陪同下，于8日抵达丙城，开始对丁国进行正式访问。"
    names = [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙城", "LOC"), ("丁国", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "丁国")}


def test_a_clause_of_time_ending_in_shi_has_the_next_subject():
    text = "在谈到访问乙国的印象时，甲某对乙国的发展感到高兴。"
    assert ("visits", "甲某", "乙国") in _found(
        text, [("乙国", "LOC"), ("甲某", "PERSON"), ("乙国", "LOC")]
    )


def test_a_place_after_locative_zai_is_where_a_verb_with_its_own_object_happens():
    names = [("张三", "PERSON"), ("甲市", "LOC"), ("乙集团", "ORG")]
    assert _found("张三在甲市参观乙集团时强调创新。", names) == {("visits", "张三", "乙集团")}
    assert _found("张三在甲市考察时强调创新。", names[:2]) == {("visits", "张三", "甲市")}


def test_the_main_or_concerned_officials_of_a_body_are_unnamed():
    names = [("甲区委", "ORG"), ("区政府", "ORG"), ("乙港", "LOC")]
    assert _found("甲区委、区政府主要负责同志多次到乙港走访。", names) == set()
    assert _found("甲区委有关领导到乙港调研。", [names[0], names[2]]) == set()


def test_a_qualified_place_after_dui_is_the_place_visited():
    names = [("甲某", "PERSON"), ("乙省", "LOC"), ("丙市", "LOC")]
    assert _found("甲某一行结束对乙省丙市的访问，今天前往丁市。", names) == {
        ("visits", "甲某", "丙市")
    }
    assert _found("甲某对乙省丙市进行了为期两天的访问。", names) == {("visits", "甲某", "丙市")}


def test_a_verb_of_saying_ends_the_place_before_it():
    names = [
        ("甲某", "PERSON"),
        ("日本", "LOC"),
        ("中", "LOC"),
        ("日", "LOC"),
    ]  # 中, 日: the tagger's one-character forms
    assert _found("甲某访问日本时指出中日关系前景良好。", names) == {("visits", "甲某", "日本")}


def test_an_unnamed_kind_listed_between_named_places_does_not_end_the_list():
    names = [("张三", "PERSON"), ("甲公司", "ORG"), ("乙园区", "LOC")]
    assert _found("张三还考察了甲公司、一些学校和乙园区。", names) == {
        ("visits", "张三", "甲公司"),
        ("visits", "张三", "乙园区"),
    }
    assert _found("张三先后到甲公司、3家企业和乙园区调研。", names) == {
        ("visits", "张三", "甲公司"),
        ("visits", "张三", "乙园区"),
    }
    # a kind is no party itself
    assert _found("张三先后到甲公司和部分农户家中调研。", names[:2]) == {
        ("visits", "张三", "甲公司")
    }


def test_a_clause_opening_with_bing_goes_on_with_the_acts_of_the_one_who_announced():
    names = [("甲某", "PERSON"), ("乙国", "LOC")]
    text = "甲某总统宣布延长驻军期限，并为此于新年前夕访问乙国。"
    assert _found(text, names) == {("visits", "甲某", "乙国")}
    # an envoy sent is who visits, unnamed
    assert _found("甲某称愿意斡旋，并打算派出特使到乙国访问。", names) == set()


def test_a_second_verb_of_touring_after_the_trigger_keeps_the_place_its_object():
    names = [("王某", "PERSON"), ("甲省", "LOC")]
    assert _found("王某昨天下午参观游览了甲省的一些古迹。", names) == {("visits", "王某", "甲省")}


def test_yu_inside_a_post_joins_the_body_to_the_person_who_holds_it():
    names = [("甲国政府", "ORG"), ("王某", "PERSON"), ("乙城", "LOC"), ("丙国", "LOC")]
    text = "甲国政府副首相兼经济与发展大臣王某离开乙城，去丙国访问。"
    assert _found(text, names) == {("visits", "王某", "丙国")}


def test_one_character_forms_side_by_side_after_a_visit_verb_are_both_places():
    text = "王某率团出访美加"
    article = _one_sentence(text)
    mentions = [
        Mention(0, 2, "王某", "PERSON", 0),
        Mention(6, 7, "美国", "LOC", 0),
        Mention(7, 8, "加拿大", "LOC", 0),
    ]
    found = _triples(Extraction(article=article, mentions=mentions))
    assert found == {("visits", "王某", "美国"), ("visits", "王某", "加拿大")}


def test_the_body_a_you_clause_makes_up_is_the_subject_carried_on():
    names = [("甲舰", "ORG"), ("乙舰", "ORG"), ("丙编队", "ORG"), ("丁港", "LOC"), ("戊国", "LOC")]
    text = "由甲舰和乙舰组成的丙编队昨天驶抵丁港，开始对戊国为期三天的访问。"
    assert _found(text, names) == {("visits", "丙编队", "戊国")}


def test_a_length_of_stay_without_de_still_ends_the_places_of_a_visit():
    names = [("王某", "PERSON"), ("甲国政府", "ORG"), ("乙国", "LOC")]
    text = "王某应甲国政府邀请，将于下周二到乙国进行为期4天访问。"
    assert _found(text, names) == {("visits", "王某", "乙国")}


def test_a_short_modifier_after_the_joiner_does_not_end_the_list():
    names = [("王某", "PERSON"), ("甲馆", "LOC"), ("乙桥", "PROJECT")]
    assert _found("王某上午参观了甲馆和新建成的乙桥。", names) == {
        ("visits", "王某", "甲馆"),
        ("visits", "王某", "乙桥"),
    }


def test_the_one_a_visitor_goes_along_with_visits_too():
    names = [("王某", "PERSON"), ("甲会", "ORG"), ("李某", "PERSON"), ("乙国", "LOC")]
    found = _found("王某下周将随同甲会主席李某前往乙国访问。", names)
    assert found == {("visits", "王某", "乙国"), ("visits", "李某", "乙国")}
    # an escort is no visitor
    assert ("visits", "王某", "乙国") not in _found(
        "王某下周将陪同甲会主席李某前往乙国访问。", names
    )


_BOTH_VISIT = {("visits", "王某", "乙城"), ("visits", "甲代表团", "乙城")}


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        ("今日（当地时间五月九日）继续在", _BOTH_VISIT),
        ("一起到", _BOTH_VISIT),
        ("今天在", _BOTH_VISIT),
        # one met first does not visit
        ("会谈后，到", {("meets", "王某", "甲代表团"), ("visits", "王某", "乙城")}),
    ],
)
def test_the_one_joined_by_yu_before_where_they_go_visits_too(between, expected):
    names = [("王某", "PERSON"), ("甲代表团", "ORG"), ("乙城", "LOC")]
    assert _found(f"王某与甲代表团{between}乙城访问。", names) == expected


def test_people_after_the_visit_verb_are_its_object_not_the_places_kind():
    names = [("王某", "PERSON"), ("甲校", "ORG")]
    assert _found("王某到甲校考察青年职工的宿舍。", names) == {("visits", "王某", "甲校")}
    # a kind of the place's people right after it is still no place visited
    assert _found("王某走访慰问了乙市贫困群众。", [("王某", "PERSON"), ("乙市", "LOC")]) == set()
    # nor with a clause that qualifies them, when they end the object
    text = "王某看望了乙市工作在环卫一线的职工。"
    assert _found(text, [("王某", "PERSON"), ("乙市", "LOC")]) == set()


def test_a_place_before_a_way_back_is_visited_not_a_qualifier_of_home():
    names = [("林某", "PERSON"), ("甲国", "LOC"), ("乙国", "LOC"), ("北京", "LOC")]
    found = _found("林某结束访问甲国和乙国回北京。", names)
    assert found == {("visits", "林某", "甲国"), ("visits", "林某", "乙国")}


def test_a_headlines_region_count_names_the_countries_of_the_invitation_after_it():
    text = "林某出访北欧两国新华社北京五月二日电应丹麦议会和挪威政府的邀请，林某今天离开北京。"
    names = [
        ("林某", "PERSON"),
        ("北欧", "LOC"),
        ("丹麦议会", "ORG"),
        ("挪威政府", "ORG"),
        ("北京", "LOC"),
    ]
    found = _found(text, names)
    assert {
        ("visits", "林某", "北欧"),
        ("visits", "林某", "丹麦"),
        ("visits", "林某", "挪威"),
    } <= found
    three = _found(
        text.replace("两国", "三国"), names
    )  # a count the invitation does not fill names no country
    assert ("visits", "林某", "丹麦") not in three and ("visits", "林某", "北欧") in three
    few = _found(
        text.replace("两国", "几国"), names
    )  # 几 names no number: the region only, no error
    assert ("visits", "林某", "丹麦") not in few and ("visits", "林某", "北欧") in few


def test_the_object_of_a_since_clause_is_no_subject():
    names = [("林某", "PERSON"), ("甲国", "LOC"), ("乙国", "LOC")]
    found = _found("这是林某自1990年就任甲国外长以来首次访问乙国。", names)
    assert found == {("visits", "林某", "乙国")}


def test_names_inside_a_time_frame_closed_before_the_verb_are_no_subject():
    # 中日 read as two countries (中国, 日本) inside 在…之际: the frame is an adverbial
    text = "林某对有机会在中日建交二十周年之际来丙国访问表示高兴。"
    ex = _extraction(text, [("林某", "PERSON"), ("丙国", "LOC")])
    at = text.index("中日")
    ex.mentions[1:1] = [
        Mention(at, at + 1, "中国", "LOC", 0),
        Mention(at + 1, at + 2, "日本", "LOC", 0),
    ]
    found = {(r.relation, r.source, r.target) for r in find_relations(ex)}
    assert found == {("visits", "林某", "丙国")}


def test_de_ends_what_is_said_of_a_place_so_no_list_runs_on_from_it():
    names = [("甲公司", "ORG"), ("乙国", "LOC"), ("丙代表团", "ORG"), ("乙国", "LOC")]
    found = _found("报道了甲公司在乙国的发展和丙代表团对乙国的访问。", names)
    assert found == {("visits", "丙代表团", "乙国")}


def test_the_delegation_a_visitor_leads_visits_with_them_in_a_relative_clause():
    names = [("王某", "PERSON"), ("甲国", "LOC"), ("林某", "PERSON"), ("乙协会代表团", "ORG")]
    found = _found("王某会见了正在甲国访问的林某及其率领的乙协会代表团。", names)
    assert {("visits", "林某", "甲国"), ("visits", "乙协会代表团", "甲国")} <= found


def test_he_after_words_of_time_still_opens_the_clause():
    # the adverbials a pronoun may have after it may stand before it too (之前他已经…)
    names = [("甲某", "PERSON"), ("乙市", "LOC"), ("丙省", "LOC")]
    assert _found("甲某到了乙市，之前他已经造访了丙省。", names) == {("visits", "甲某", "丙省")}
    assert _found("甲某到了乙市，5月6日他访问了丙省。", names) == {("visits", "甲某", "丙省")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place gone to in an earlier clause of the same subject
        ("甲某到乙市灾区，查看灾情，慰问灾区军民。", {("visits", "甲某", "乙市")}),
        ("甲某来到乙市后，挨家挨户走访困难户。", {("visits", "甲某", "乙市")}),
        ("甲某赴乙市灾区，慰问受灾群众。", {("visits", "甲某", "乙市")}),
        # with the count of the places gone to
        (
            "甲某分赴乙市、丁市两市，检查工作。",
            {("visits", "甲某", "乙市"), ("visits", "甲某", "丁市")},
        ),
        # gone there for something else, or a subject of its own in the visit's clause
        ("甲某前往乙市与会，是首次到访。", set()),
        ("甲某来到乙市，丙某走访了困难户。", set()),
    ],
)
def test_a_visit_done_where_an_earlier_clause_went(text, expected):
    names = [("甲某", "PERSON"), ("乙市", "LOC"), ("丁市", "LOC"), ("丙某", "PERSON")]
    assert _found(text, [n for n in names if n[0] in text]) == expected


def test_who_entrusts_a_visit_is_no_visitor():
    # 受…委托: the body named in the frame sends; the visitor is the subject outside it
    names = [("甲某", "PERSON"), ("丙公司", "ORG"), ("乙医院", "ORG")]
    text = "公司经理甲某，受丙公司委托来到乙医院考察。"
    assert _found(text, names) == {("visits", "甲某", "乙医院")}


@pytest.mark.parametrize("people", ["的同志", "的青年志愿者", "的干部", "职工", "的老同志"])
def test_a_bodys_own_people_visit_as_the_body(people):
    names = [("乙局", "ORG"), ("丙院", "ORG")]
    assert _found(f"乙局{people}到丙院参观。", names) == {("visits", "乙局", "丙院")}


def test_a_places_people_are_no_visitor():
    assert _found("乙市的干部到丙院参观。", [("乙市", "LOC"), ("丙院", "ORG")]) == set()


def test_a_long_topic_between_the_places_and_the_verb_keeps_the_visit():
    text = "甲某在乙省和丙市就金融服务实体经济的情况进行调研。"
    names = [("甲某", "PERSON"), ("乙省", "LOC"), ("丙市", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "乙省"), ("visits", "甲某", "丙市")}


def test_a_group_of_some_kind_led_on_a_visit_is_no_party_its_leader_is():
    text = "甲某将率领一个高层的商务代表团访问乙国。"
    names = [("甲某", "PERSON"), ("商务代表团", "ORG"), ("乙国", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "乙国")}


def test_going_on_to_a_place_to_go_on_visiting_is_a_visit_of_it():
    assert _found("甲某转往乙市继续访问。", [("甲某", "PERSON"), ("乙市", "LOC")]) == {
        ("visits", "甲某", "乙市")
    }


def test_an_adverb_of_sequence_before_an_escort_clause_keeps_the_visitor():
    text = "甲某先在乙某陪同下，参观丙中心。"
    names = [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙中心", "ORG")]
    assert _found(text, names) == {("visits", "甲某", "丙中心")}


def test_a_delegation_named_only_by_its_kind_is_no_party_its_leader_is():
    text = "甲某正率领商贸代表团在乙地考察。"
    names = [("甲某", "PERSON"), ("商贸代表团", "ORG"), ("乙地", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "乙地")}


def test_the_named_members_a_kind_after_the_verb_includes_are_its_objects():
    text = "甲某会拜访多个部门，包括乙委员会、丙银行和丁部。"
    names = [("甲某", "PERSON"), ("乙委员会", "ORG"), ("丙银行", "ORG"), ("丁部", "ORG")]
    assert {r[2] for r in _found(text, names)} == {"乙委员会", "丙银行", "丁部"}
    text = "甲某视察当地一些企业，包括乙港和丙区。"
    names = [("甲某", "PERSON"), ("乙港", "LOC"), ("丙区", "LOC")]
    assert _found(text, names) == {("visits", "甲某", "乙港"), ("visits", "甲某", "丙区")}


def test_a_stop_of_a_journey_before_the_place_keeps_the_visit():
    names = [("王某", "PERSON"), ("甲城", "LOC")]
    assert _found("王某下午转往第二站甲城访问。", names) == {("visits", "王某", "甲城")}
    assert _found("王某抵达访问第三站甲城。", names) == {("visits", "王某", "甲城")}
    # the first, the last and the end of the journey are stops too
    for stop in ("最后一站", "首站", "终点站"):
        assert _found(f"王某下午转往访问{stop}甲城。", names) == {("visits", "王某", "甲城")}


@pytest.mark.parametrize("lead", ["率", "率领", "随即率领"])
def test_a_clause_that_opens_with_leading_a_group_has_the_carried_subject_lead_it(lead):
    text = f"张三今天离开甲市，{lead}乙代表团对丙国进行访问。"
    names = [("张三", "PERSON"), ("甲市", "LOC"), ("乙代表团", "ORG"), ("丙国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "丙国"), ("visits", "乙代表团", "丙国")}


def test_a_group_led_after_a_clause_of_another_subject_has_no_carried_leader():
    text = "张三说，率领乙代表团访问丙国的是李四。"
    names = [("张三", "PERSON"), ("乙代表团", "ORG"), ("丙国", "LOC"), ("李四", "PERSON")]
    assert ("visits", "张三", "丙国") not in _found(text, names)


def test_gladness_at_what_another_does_keeps_that_ones_subject():
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("乙国", "LOC")]
    assert _found("张三说，很高兴看到李四访问乙国。", names) == {("visits", "李四", "乙国")}


@pytest.mark.parametrize(
    "visit, places",
    [
        ("继续乙国丙市的访问", {"丙市"}),
        ("展开在乙市和丙市的访问行程", {"乙市", "丙市"}),
        ("结束乙国访问", {"乙国"}),
    ],
)
def test_the_places_of_a_visit_that_goes_on_opens_or_ends_are_visited(visit, places):
    names = [("张三", "PERSON")] + [(p, "LOC") for p in ("乙国", "乙市", "丙市") if p in visit]
    found = _found(f"张三今日{visit}。", names)
    assert found == {("visits", "张三", p) for p in places}


def test_a_place_gone_to_before_a_visit_that_opens_is_visited_too():
    text = "张三今日抵达甲市，展开乙国的访问行程。"
    names = [("张三", "PERSON"), ("甲市", "LOC"), ("乙国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "甲市"), ("visits", "张三", "乙国")}


@pytest.mark.parametrize("when", ["明天", "今日", "明日（十二月三日）", "今早（巴黎时间十月八日）"])
def test_a_word_or_bracket_of_time_between_a_leader_and_leading_is_no_clause_of_its_own(when):
    text = f"张三{when}率领甲代表团前往乙国访问。"
    names = [("张三", "PERSON"), ("甲代表团", "ORG"), ("乙国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "乙国"), ("visits", "甲代表团", "乙国")}


def test_qianfu_is_a_verb_of_going_as_fu_is():
    text = "张三率领甲代表团前赴乙国访问。"
    names = [("张三", "PERSON"), ("甲代表团", "ORG"), ("乙国", "LOC")]
    assert _found(text, names) == {("visits", "张三", "乙国"), ("visits", "甲代表团", "乙国")}


@pytest.mark.parametrize("stop", ["最后一站", "第一站", "首站"])
def test_a_place_said_to_be_a_stop_of_the_visit_is_visited(stop):
    names = [("乙国", "LOC"), ("张三", "PERSON"), ("丙洲", "LOC")]
    found = _found(f"乙国是张三此行访问丙洲三国的{stop}。", names)
    assert found == {("visits", "张三", "乙国"), ("visits", "张三", "丙洲")}


def test_a_place_said_to_be_what_was_visited_of_another_kind_is_no_stop():
    names = [("乙国", "LOC"), ("张三", "PERSON"), ("丙洲", "LOC")]
    assert _found("乙国是张三访问丙洲时提到的国家。", names) == {("visits", "张三", "丙洲")}


@pytest.mark.parametrize("sent", ["是受李四委派来乙国访问的", "受李四的派遣来乙国访问"])
def test_the_one_sent_by_another_visits(sent):
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("乙国", "LOC")]
    assert _found(f"张三{sent}。", names) == {("visits", "张三", "乙国")}


def test_who_sends_an_unnamed_envoy_does_not_visit():
    names = [("李四", "PERSON"), ("乙国", "LOC")]
    assert _found("李四派遣特使来乙国访问。", names) == set()


def test_a_group_led_in_a_clause_on_the_person_after_it_has_no_carried_leader():
    text = "张三会见了李四，率甲议会代表团访问乙国的王五也在座。"
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("甲议会代表团", "ORG"), ("乙国", "LOC")]
    names.append(("王五", "PERSON"))
    assert ("visits", "张三", "乙国") not in _found(text, names)


@pytest.mark.parametrize("glad", ["很高兴家乡的青年到乙市参观", "很高兴代表团能到乙市考察"])
def test_gladness_at_what_others_do_gives_the_speaker_no_visit(glad):
    assert _found(f"张三说，{glad}。", [("张三", "PERSON"), ("乙市", "LOC")]) == set()


def test_a_clause_with_a_subject_of_its_own_and_a_time_word_takes_no_carried_subject():
    text = "李四抵达甲市，夫人和孩子们明天中午将参观乙宫。"
    names = [("李四", "PERSON"), ("甲市", "LOC"), ("乙宫", "LOC")]
    assert ("visits", "李四", "乙宫") not in _found(text, names)


def test_a_place_before_he_and_a_minister_stays_a_place_visited():
    names = [("张三", "PERSON"), ("甲市", "LOC"), ("李四", "PERSON")]
    assert ("visits", "张三", "甲市") in _found("张三先后考察了甲市和商务部长李四的家乡。", names)


@pytest.mark.parametrize("topic", ["对甲省国有企业改革问题进行了", "对甲省的住房问题作了深入的"])
def test_a_study_of_an_issue_of_a_place_is_no_visit(topic):
    assert _found(f"张三{topic}调查研究。", [("张三", "PERSON"), ("甲省", "LOC")]) == set()


@pytest.mark.parametrize("sends", ["受邀派遣特使访问乙国", "受国会委托派遣特使访问乙国"])
def test_who_sends_an_envoy_after_shou_does_not_visit(sends):
    assert (
        _found(f"甲国总理李四{sends}。", [("甲国", "LOC"), ("李四", "PERSON"), ("乙国", "LOC")])
        == set()
    )


@pytest.mark.parametrize("dash", ["———", "——", "──", "－－"])
def test_a_kind_visited_then_a_dash_names_the_body(dash):
    names = [("张三", "PERSON"), ("乙建筑公司", "ORG")]
    found = _found(f"张三专程看望一家工厂{dash}乙建筑公司。", names)
    assert found == {("visits", "张三", "乙建筑公司")}


def test_a_place_inside_the_kind_before_the_dash_is_no_target():
    names = [("张三", "PERSON"), ("甲洲", "LOC"), ("乙城", "LOC"), ("丙城", "LOC")]
    found = _found("张三将访问该两个甲洲国家的首都──乙城和丙城。", names)
    assert found == {("visits", "张三", "乙城"), ("visits", "张三", "丙城")}
    # the name, then a dash and what it is: the name is the target
    names = [("张三", "PERSON"), ("丁港", "LOC"), ("戊国", "LOC")]
    found = _found("张三早上参观丁港──戊国最繁忙的港口之一。", names)
    assert found == {("visits", "张三", "丁港")}


_UNNAMED_OBJECT_CASES = [
    # a clause that opens with the visit's place qualifies the visitor after 的
    ("正在甲区慰问基层员工、家属的乙局局长张三说，今年很关键。", ("张三", "甲区")),
    ("前来甲区慰问基层员工、家属的乙局局长张三说，今年很关键。", ("张三", "甲区")),
    # 参观了在此展出的甲报书画: the object's own relative clause; the visitor is the subject
    ("张三来到甲馆，参观了在此展出的甲报书画。", ("张三", "甲馆")),
]


@pytest.mark.parametrize(("text", "pair"), _UNNAMED_OBJECT_CASES)
def test_who_visits_where_an_unnamed_object_ends_in_de(text, pair):
    kinds = {"甲区": "LOC", "乙局": "ORG", "张三": "PERSON", "甲馆": "ORG", "甲报": "ORG"}
    names = sorted(((n, k) for n, k in kinds.items() if n in text), key=lambda x: text.index(x[0]))
    assert _found(text, names) == {("visits", *pair)}


def test_a_pronoun_after_a_verb_ending_in_ji_is_still_a_pronoun():
    # 谈及他…: with two people named before it, 他 stands for no one
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("甲国", "LOC")]
    assert _found("张三向李四谈及他在甲国访问的观感。", names) == set()


@pytest.mark.parametrize("what", ["首都", "省会"])
def test_a_place_listed_with_what_it_is_after_the_joiner_is_visited(what):
    names = [("张三", "PERSON"), ("甲城", "LOC"), ("乙城", "LOC")]
    found = _found(f"张三将先后到访甲城及{what}乙城。", names)
    assert found == {("visits", "张三", "甲城"), ("visits", "张三", "乙城")}


def test_a_post_with_no_name_after_a_clause_of_time_is_no_visitor():
    names = [("甲国", "LOC"), ("乙司", "ORG"), ("丙某", "PERSON")]
    text = "在结束访问甲国前，乙司司长会见了丙某。"
    assert _found(text, names) == set()
    names = [("甲国", "LOC"), ("乙司", "ORG"), ("丁某", "PERSON"), ("丙某", "PERSON")]
    assert _found("在结束访问甲国前，乙司司长丁某会见了丙某。", names) == {
        ("visits", "丁某", "甲国"),
        ("meets", "丁某", "丙某"),
    }


@pytest.mark.parametrize(
    "ended",
    ["结束对甲国的访问后", "结束甲国访问行程后", "在结束了甲国参观活动以后", "完成访问甲国"],
)
def test_a_visit_ended_with_its_place_before_the_verb_frames_the_next_clause(ended):
    names = [("甲国", "LOC"), ("张三", "PERSON"), ("乙城", "LOC")]
    assert _found(f"{ended}，张三于今天傍晚返抵乙城。", names) == {("visits", "张三", "甲国")}


@pytest.mark.parametrize(
    "what", ["全球最大的纸张制造商", "游戏制作、发行及运营商", "一家本地老牌企业"]
)
def test_what_a_body_is_right_before_its_name_keeps_it_the_visited(what):
    names = [("张三", "PERSON"), ("乙公司", "ORG")]
    assert _found(f"张三早上参观{what}乙公司。", names) == {("visits", "张三", "乙公司")}


@pytest.mark.parametrize("count", ["两家", "两间", "一所"])
def test_a_place_before_a_counted_unnamed_body_only_says_where_it_is(count):
    names = [("张三", "PERSON"), ("乙市", "LOC")]
    assert _found(f"下午，张三参观乙市{count}机械公司，了解当地发展。", names) == set()


@pytest.mark.parametrize("days", ["五月七日至九日", "七日至九日", "5月7日至9日"])
def test_a_date_the_model_read_as_a_place_is_no_party(days):
    # 九日 for a day of 日本: the date between the visitor and the verb is no name
    text = f"张三将于{days}访问乙市。"
    names = [("张三", "PERSON"), ("九日", "LOC"), ("乙市", "LOC")]
    names = [n for n in names if n[0] in text]
    assert _found(text, names) == {("visits", "张三", "乙市")}
