"""meets and signs_with on hand-made mentions: host and guest, the two sides (relations/pairs.py)."""

from __future__ import annotations

import pytest

from kg.extract.relations import find_relations
from kg.schema import Extraction, Mention
from tests.extract.relations.helpers import (
    _extraction,
    _found,
    _one_sentence,
    _triples,
    _two_sentences,
)


def test_a_post_between_the_verb_and_the_guest_is_skipped():
    names = [("张三", "PERSON"), ("李四", "PERSON")]
    assert _found("张三当天还会见了代总理李四。", names) == {("meets", "张三", "李四")}


def test_two_posts_joined_by_a_comma_qualify_one_person():
    text = "张三会见了甲协会现任会长、乙公司董事长李四和新任会长王五。"
    names = [
        ("张三", "PERSON"),
        ("甲协会", "ORG"),
        ("乙公司", "ORG"),
        ("李四", "PERSON"),
        ("王五", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "张三", "李四"), ("meets", "张三", "王五")}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the first post's own 和 (城市和气候问题特使) joins no names
        (
            "张三与甲署城市和气候问题特使、乙市前市长李四会面。",
            [("张三", "PERSON"), ("甲署", "ORG"), ("乙市", "LOC"), ("李四", "PERSON")],
        ),
        # 投资者 in a post is a noun, no verb between the body and its official
        (
            "张三与甲公司机构投资者业务主管李四会面。",
            [("张三", "PERSON"), ("甲公司", "ORG"), ("李四", "PERSON")],
        ),
    ],
)
def test_a_body_before_a_long_post_qualifies_the_person_met(text, names):
    assert _found(text, names) == {("meets", "张三", "李四")}


def test_the_passive_meeting_has_the_host_after_shoudao():
    names = [("张三", "PERSON"), ("北京", "LOC"), ("李四", "PERSON")]
    assert _found("张三在北京受到李四主席的亲切接见。", names) == {("meets", "李四", "张三")}


def test_a_meeting_named_as_a_time_takes_the_next_clauses_subject():
    names = [("张三", "PERSON"), ("李四", "PERSON")]
    assert _found("在同张三总统的会见中，李四强调，双方应加强合作。", names) == {
        ("meets", "李四", "张三")
    }
    assert _found("在会见中，李四强调，双方应加强合作。", [("李四", "PERSON")]) == set()


def test_a_guest_after_a_long_relative_clause_or_zhu():
    names = [("张三", "PERSON"), ("乙国", "LOC"), ("李四", "PERSON")]
    assert _found("张三会见了来京参加两国救灾研讨会的乙国助理部长李四。", names) == {
        ("meets", "张三", "李四")
    }
    assert _found("张三会见了即将回国述职的我国驻乙国大使李四。", names) == {
        ("meets", "张三", "李四")
    }


def test_meets_goes_from_host_to_guest_and_skips_qualifiers():
    text = "全国政协主席李瑞环在马德里会见西班牙首相阿斯纳尔。"
    names = [
        ("全国政协", "ORG"),
        ("李瑞环", "PERSON"),
        ("马德里", "LOC"),
        ("西班牙", "LOC"),
        ("阿斯纳尔", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "李瑞环", "阿斯纳尔")}


def test_attending_a_meeting_is_no_meeting():
    text = "北京市市长贾庆林等参加了会见。"
    assert _found(text, [("北京市", "LOC"), ("贾庆林", "PERSON")]) == set()


def test_signs_with_needs_two_named_parties_and_witnesses_are_none():
    names = [("聊城市", "LOC"), ("甲集团", "ORG"), ("李强", "PERSON")]
    found = _found("聊城市与甲集团签署合作协议，李强见证签约。", names)
    assert found == {("signs_with", "聊城市", "甲集团")}
    assert _found("甲集团签署了合作协议。", [("甲集团", "ORG")]) == set()


def test_a_treaty_signed_by_listed_countries_pairs_no_one():
    names = [("巴基斯坦", "LOC"), ("印度", "LOC")]
    assert _found("公报呼吁巴基斯坦和印度签署《全面禁止核试验条约》。", names) == set()
    assert _found("巴基斯坦和印度签署了双边协议。", names) == {("signs_with", "巴基斯坦", "印度")}


def test_two_listed_parties_of_both_sides_sign_with_each_other():
    names = [("甲国", "LOC"), ("乙国", "LOC"), ("丙市", "LOC")]
    assert _found("甲国、乙国两国今天在丙市签订供销协定。", names) == {
        ("signs_with", "甲国", "乙国")
    }
    assert _found("甲国和乙国的代表今天在丙市签署停火协议。", names) == {
        ("signs_with", "甲国", "乙国")
    }


def test_a_signatory_is_no_signing_and_a_side_is_no_party():
    names = [("甲国", "LOC"), ("乙国", "LOC")]
    assert _found("甲国和乙国都是该公约的签约国。", names) == set()
    assert _found("张三还与乙方签署了13项协议。", [("张三", "PERSON"), ("乙", "LOC")]) == set()


def test_the_wife_of_a_named_person_is_the_guest():
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("李四", "PERSON"), ("王五", "PERSON")]
    assert _found("张三会见了甲国总理李四的夫人王五。", names) == {("meets", "张三", "王五")}


def test_parties_who_sign_respectively_or_a_charter_for_all_do_not_sign_with_each_other():
    names = [("甲院", "ORG"), ("李四", "PERSON")]
    assert _found("甲院和李四总统分别通过、签署了该议定书。", names) == set()
    names = [("甲国", "LOC"), ("乙国", "LOC")]
    assert _found("甲国和乙国两国政府首脑共同签署了《联盟章程》。", names) == set()


def test_two_parties_sign_after_a_long_adjunct():
    text = "甲集团和乙联合会3日在丙市就开发丁风景区等多个项目开展合作签署了协议书。"
    names = [("甲集团", "ORG"), ("乙联合会", "ORG"), ("丙市", "LOC"), ("丁风景区", "LOC")]
    assert _found(text, names) == {("signs_with", "甲集团", "乙联合会")}


def test_a_summit_of_two_countries_leaders_is_no_meeting_of_the_countries():
    assert (
        _found("评论说，中美两国首脑的这次会晤意义重大。", [("中", "LOC"), ("美", "LOC")]) == set()
    )


def test_a_pair_of_countries_with_a_full_date_before_the_verb_signs():
    # the date (于1997年1月15日) says when; it is not words between the pair and its verb
    text = "后来，中美于1978年12月16日签署了公报。"
    assert _found(text, [("中", "LOC"), ("美", "LOC")]) == {("signs_with", "中国", "美国")}


def test_a_pair_of_countries_in_a_topic_is_no_party():
    text = "张三访问甲市，与李四、王五就巴以和平进程分别举行了会谈。"
    names = [("张三", "PERSON"), ("甲市", "LOC"), ("李四", "PERSON"), ("王五", "PERSON")]
    assert {r for r in _found(text, names) if r[0] == "meets"} == {
        ("meets", "张三", "李四"),
        ("meets", "张三", "王五"),
    }


def test_who_sits_in_on_a_meeting_is_no_party():
    names = [("甲委员会", "ORG"), ("张三", "PERSON"), ("乙部", "ORG"), ("李四", "PERSON")]
    assert _found("甲委员会秘书长张三、乙部部长李四会见时在座。", names) == set()
    assert _found("张三和李四会见时在座。", [("张三", "PERSON"), ("李四", "PERSON")]) == set()


def test_a_joiner_inside_a_name_links_no_partners():
    names = [("张三", "PERSON"), ("劳动和保障部", "ORG"), ("李四", "PERSON"), ("王五", "PERSON")]
    assert _found("秘书长张三、劳动和保障部部长李四会见了王五。", names) == {
        ("meets", "张三", "王五"),
        ("meets", "李四", "王五"),
    }


def test_the_heads_of_state_of_a_pair_of_countries_are_not_the_countries():
    assert _found("报纸报道了中美两国国家元首在北京举行会谈的情况。", [("北京", "LOC")]) == set()


def test_talks_between_countries_are_a_meeting_of_the_countries():
    names = [("法国", "LOC"), ("德国", "LOC")]
    assert _found("法国愿与德国就边界问题举行会谈。", names) == {("meets", "法国", "德国")}
    # a region or a city is no government; 会见 (receiving a guest) takes a person or a body
    assert _found("甲市愿与乙市就合作问题举行会谈。", [("甲市", "LOC"), ("乙市", "LOC")]) == set()
    assert _found("法国会见了德国。", names) == set()


def test_a_modal_before_tanqi_is_no_talks():
    assert _found("一提到甲市，人们都会谈起乙港。", [("甲市", "LOC"), ("乙港", "LOC")]) == set()


def test_a_clause_said_by_a_name_has_its_own_subject():
    text = "张三称法国愿就边界问题，尽早与德国重开会谈。"
    names = [("张三", "PERSON"), ("法国", "LOC"), ("德国", "LOC")]
    assert _found(text, names) == {("meets", "法国", "德国")}


def test_the_day_of_a_date_is_no_country():
    assert _found("甲族已于6月5日中断了同乙盟的会谈。", [("乙盟", "LOC")]) == set()


def test_a_meeting_that_may_happen_is_no_event():
    assert _found("目前，中法两国恢复会晤的前景如何？", []) == set()


def test_a_partner_who_has_come_to_visit():
    text = "总统张三16日同到访的甲国总统李四举行会谈后宣布，双方同意合作。"
    assert _found(text, [("张三", "PERSON"), ("甲国", "LOC"), ("李四", "PERSON")]) == {
        ("meets", "张三", "李四")
    }


def test_the_hosts_are_found_when_a_modifier_follows_the_verb():
    text = "展览还展出张三、李四和王五会见当时的甲国首相赵六。"
    names = [
        ("张三", "PERSON"),
        ("李四", "PERSON"),
        ("王五", "PERSON"),
        ("甲国", "LOC"),
        ("赵六", "PERSON"),
    ]
    assert _found(text, names) == {("meets", h, "赵六") for h in ("张三", "李四", "王五")}


def test_who_held_talks_and_then_signed_sign_with_each_other():
    text = "总统张三25日同来访的甲国总统李四举行会谈，并签署了两国关系原则协定。"
    found = _found(text, [("张三", "PERSON"), ("甲国", "LOC"), ("李四", "PERSON")])
    assert found == {("meets", "张三", "李四"), ("signs_with", "张三", "李四")}


def test_the_party_after_dui_keeps_its_event_over_adjuncts():
    # 对A即将在B同C举行的会谈: 在B and 同C are adjuncts of A's own meeting
    text = "对张三本月即将在甲市同李四和王五举行的会谈，赵六表示欢迎。"
    names = [
        ("张三", "PERSON"),
        ("甲市", "LOC"),
        ("李四", "PERSON"),
        ("王五", "PERSON"),
        ("赵六", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "张三", "李四"), ("meets", "张三", "王五")}


def test_a_place_for_talks_is_no_meeting():
    assert _found("张三有可能探讨为印巴双方提供中立会谈场所的问题。", [("张三", "PERSON")]) == set()


def test_guests_listed_with_their_unnamed_spouses():
    text = "委员长张三和夫人李四会见了甲院议长王五和夫人、乙院副议长赵六和夫人。"
    names = [
        ("张三", "PERSON"),
        ("李四", "PERSON"),
        ("甲院", "ORG"),
        ("王五", "PERSON"),
        ("乙院", "ORG"),
        ("赵六", "PERSON"),
    ]
    assert _found(text, names) == {
        ("meets", h, g) for h in ("张三", "李四") for g in ("王五", "赵六")
    }


def test_a_pair_of_country_forms_split_by_the_model():
    text = "在甲方推动下，中印两国政府先后签署了边境协定。"
    assert _found(text, [("中", "LOC"), ("印两国政府", "ORG")]) == {("signs_with", "中国", "印度")}


def test_the_heads_of_two_countries_meeting_are_not_the_countries():
    assert (
        _found("他希望甲国和乙国两国总理举行正式会晤。", [("甲国", "LOC"), ("乙国", "LOC")])
        == set()
    )


def test_listed_parties_that_all_sign_with_one_partner_sign_with_it_not_each_other():
    text = "同时，甲队、乙队和丙队都与丁中心签订了类似的协议。"
    names = [("甲队", "ORG"), ("乙队", "ORG"), ("丙队", "ORG"), ("丁中心", "ORG")]
    assert _found(text, names) == {("signs_with", p, "丁中心") for p in ("甲队", "乙队", "丙队")}
    four = [("张一", "PERSON"), ("李二", "PERSON"), ("王三", "PERSON"), ("赵四", "PERSON")]
    assert _found("张一、李二、王三和赵四在成立大会上签署文本。", four) == set()


def test_a_list_inside_a_modifier_is_no_subject():
    text = "甲国愿恢复对话，在公正解决乙地和丙地争端的基础上同丁国签署和平条约。"
    names = [("甲国", "LOC"), ("乙地", "LOC"), ("丙地", "LOC"), ("丁国", "LOC")]
    assert _found(text, names) == {("signs_with", "甲国", "丁国")}


def test_a_topic_phrase_holds_no_subject():
    text = "此前，张三还就甲国提出的建议及乙国重建等问题分别与丙国总统李四举行了会谈。"
    names = [
        ("张三", "PERSON"),
        ("甲国", "LOC"),
        ("乙国", "LOC"),
        ("丙国", "LOC"),
        ("李四", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "张三", "李四")}


def test_a_partner_that_only_qualifies_an_unnamed_body_is_no_party():
    names = [("甲政府", "ORG"), ("乙岛", "LOC")]
    assert _found("甲政府与乙岛主张自治的两个政治组织签署了协议。", names) == set()


def test_hosts_in_the_clause_before_a_time_adjunct():
    text = "甲国总统张三和议长李四，分别于6月8日和9日会见了乙代表团。"
    names = [("甲国", "LOC"), ("张三", "PERSON"), ("李四", "PERSON"), ("乙代表团", "ORG")]
    assert _found(text, names) == {("meets", "张三", "乙代表团"), ("meets", "李四", "乙代表团")}


@pytest.mark.parametrize("quotes", ["「」", "“”"])
def test_a_quoted_body_or_post_still_qualifies_the_person_after_it(quotes):
    o, c = quotes
    names = [("甲某", "PERSON"), ("乙地", "LOC"), ("丙银行", "ORG"), ("丁某", "PERSON")]
    text = f"甲某与乙地{o}丙银行{c}总裁丁某会面。"
    assert _found(text, names) == {("meets", "甲某", "丁某")}
    names = [("甲某", "PERSON"), ("乙地", "LOC"), ("丁某", "PERSON")]
    assert _found(f"甲某拜会了乙地{o}财政部长{c}丁某。", names) == {("meets", "甲某", "丁某")}


def test_a_senior_ministers_post_qualifies_the_person_after_it():
    # 国务资政 (Senior Minister) is a post of titles.txt, so the second guest is met too
    names = [
        ("甲某", "PERSON"),
        ("乙国", "LOC"),
        ("丙某", "PERSON"),
        ("乙国", "LOC"),
        ("丁某", "PERSON"),
    ]
    text = "甲某分别拜会乙国总理丙某及乙国荣誉国务资政丁某。"
    assert _found(text, names) == {("meets", "甲某", "丙某"), ("meets", "甲某", "丁某")}


def test_a_quoted_name_after_a_preposition_is_governed():
    # 以「甲会」主席的身分: the body names a capacity, the subject is the person before it
    names = [("甲某", "PERSON"), ("乙会", "ORG"), ("丁某", "PERSON")]
    text = "甲某以「乙会」荣誉主席的身分与丁某会面。"
    assert _found(text, names) == {("meets", "甲某", "丁某")}


def test_a_body_after_the_object_marker_qualifies_nothing_before_it():
    # 甲政府把乙部总部丙基地移交给丁国: 把 opens the object, it is no word of a post
    text = "根据同丁国签订的条约，甲政府八日把乙部总部丙基地移交给丁国。"
    names = [("丁国", "LOC"), ("甲政府", "ORG"), ("乙部总部", "ORG"), ("丙基地", "PROJECT")]
    names.append(("丁国", "LOC"))
    assert _found(text, names) == {("signs_with", "甲政府", "丁国")}


def test_guests_behind_a_bracket_a_leader_or_his_delegation():
    names = [("张三", "PERSON"), ("甲委员会", "ORG"), ("李四", "PERSON")]
    assert _found("张三会见了甲委员会（上院）主席李四。", names) == {("meets", "张三", "李四")}
    names = [("张三", "PERSON"), ("乙部", "ORG"), ("李四", "PERSON"), ("丙新闻代表团", "ORG")]
    assert _found("张三会见了乙部部长李四率领的丙新闻代表团。", names) == {
        ("meets", "张三", "丙新闻代表团")
    }
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("丁党代表团", "ORG")]
    assert _found("张三会见了李四和由他率领的丁党代表团。", names) == {
        ("meets", "张三", "李四"),
        ("meets", "张三", "丁党代表团"),
    }


def test_signing_as_a_topic_or_with_an_unnamed_adviser_is_no_signing():
    names = [("甲部", "ORG"), ("乙部", "ORG")]
    assert _found("甲部和乙部要对有关签订合作协定问题提出意见。", names) == set()
    names = [("甲军", "ORG"), ("李四", "PERSON")]
    assert _found("甲军说在丙市与李四总统的特别顾问签署的协议已经失效。", names) == set()


def test_both_sides_refers_back_to_the_pair_before():
    text = "甲公司与乙有限公司在丙州宣布，双方就建立丁公司签订了合作意向书。"
    names = [("甲公司", "ORG"), ("乙有限公司", "ORG"), ("丙州", "LOC"), ("丁公司", "ORG")]
    assert _found(text, names) == {("signs_with", "甲公司", "乙有限公司")}


def test_bodies_who_sign_one_agreement_sign_with_each_other():
    text = "甲机构、乙公司、丙分院、丁市人民政府还签订了建立开发园的协议书。"
    names = [("甲机构", "ORG"), ("乙公司", "ORG"), ("丙分院", "ORG"), ("丁市人民政府", "ORG")]
    assert len(_found(text, names)) == 6
    names = [("甲队", "ORG"), ("乙队", "ORG"), ("丙队", "ORG")]
    assert _found("甲队、乙队和丙队都与中心签订了承包协议。", names) == set()


def test_a_joint_statement_of_a_pair_is_their_signing():
    names = [("中", "LOC"), ("葡", "LOC"), ("北京", "LOC")]
    assert _found("中葡两国政府经过谈判在北京签署了关于合作问题的联合声明。", names) == {
        ("signs_with", "中国", "葡萄牙")
    }


def test_a_dateline_does_not_cut_a_name_and_parties_may_head_the_document():
    text = "本报讯甲东方电气集团公司与乙公司关于电站合作的备忘录日前在丙市签署。"
    names = [("甲东方电气集团公司", "ORG"), ("乙公司", "ORG"), ("丙市", "LOC")]
    assert _found(text, names) == {("signs_with", "甲东方电气集团公司", "乙公司")}
    names = [("甲贸促会", "ORG"), ("乙工商会", "ORG")]
    assert _found("洽谈会上，还签署了甲贸促会与乙工商会合作协议。", names) == {
        ("signs_with", "甲贸促会", "乙工商会")
    }


def test_meetings_with_listed_posts_an_adviser_and_a_pair_named_as_a_noun():
    text = "张三15日访问甲市，与李四总统、王五外长和顾问赵六分别举行了会谈。"
    names = [
        ("张三", "PERSON"),
        ("甲市", "LOC"),
        ("李四", "PERSON"),
        ("王五", "PERSON"),
        ("赵六", "PERSON"),
    ]
    assert {("meets", "张三", p) for p in ("李四", "王五", "赵六")} <= _found(text, names)
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("李四", "PERSON"), ("王五", "PERSON")]
    assert _found("张三立即与甲国总理李四的外交顾问王五举行会谈。", names) == {
        ("meets", "张三", "王五")
    }
    names = [("张三", "PERSON"), ("李四", "PERSON")]
    assert _found("他说，张三总统和李四主席举行的会谈很有成果。", names) == {
        ("meets", "张三", "李四")
    }
    assert (
        _found("这是美朝双方部长级会谈中断后的第一次对话。", [("美", "LOC"), ("朝", "LOC")])
        == set()
    )
    # talks at the level of officials whose post is written in full (外交秘书级) have no country parties
    assert _found("据报道，印巴两国外交秘书级会谈中达成的协议将于下月生效。", []) == set()
    # ... also with a verb and a count before the level (已进行两轮副部长级会谈)
    assert _found("据报道，印巴两国已进行两轮副部长级会谈。", []) == set()


def test_surname_and_title_stand_for_the_articles_one_person_of_that_surname():
    text = "国家主席江泽民在京出席会议。江主席会见了阿斯纳尔。"
    article = _two_sentences(text, 14)
    mentions = [
        Mention(4, 7, "江泽民", "PERSON", 0),
        Mention(text.index("阿斯纳尔"), len(text) - 1, "阿斯纳尔", "PERSON", 1),
    ]
    found = _triples(Extraction(article=article, mentions=mentions))
    assert found == {("meets", "江泽民", "阿斯纳尔")}
    # Two people of that surname: no guess.
    mentions.append(Mention(-1, -1, "江小明", "PERSON", -1))
    assert find_relations(Extraction(article=article, mentions=mentions)) == []


def test_a_locative_adverbial_with_de_keeps_the_subject_before_it():
    # 在下榻的饭店: 的 inside the adverbial does not make the name before 在 a modifier
    text = "当晚，甲某在下榻的饭店会见了乙某知事。"
    assert _found(text, [("甲某", "PERSON"), ("乙某", "PERSON")]) == {("meets", "甲某", "乙某")}


def test_a_gloss_in_brackets_does_not_end_a_list_of_guests():
    text = "丙某在丁市会见了甲院主席甲某和乙院（议会下院）主席乙某。"
    names = [
        ("丙某", "PERSON"),
        ("丁市", "LOC"),
        ("甲院", "ORG"),
        ("甲某", "PERSON"),
        ("乙院", "ORG"),
        ("议会下院", "ORG"),
        ("乙某", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "丙某", "甲某"), ("meets", "丙某", "乙某")}


def test_a_post_that_starts_on_the_bodys_last_character_is_an_unnamed_holder():
    text = "甲某说，他与乙国国防部长会谈的目的是和平。"  # 乙国国防部|长: the minister, unnamed
    assert _found(text, [("甲某", "PERSON"), ("乙国国防部", "ORG")]) == set()


def test_a_partner_qualified_as_attending_is_still_the_partner():
    text = "甲某于19日下午和与会的乙国副国务卿乙某进行双边会谈。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("乙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "乙某")}


def test_an_envoy_of_a_person_is_the_guest_not_the_person():
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("乙某", "PERSON"), ("丙某", "PERSON")]
    assert _found("甲某会见了来访的乙国总统乙某的特使丙某。", names) == {("meets", "甲某", "丙某")}
    assert (
        _found("甲某会见了来访的乙国总统乙某的特使。", names[:3]) == set()
    )  # the envoy is unnamed


def test_the_objects_of_an_earlier_trigger_are_not_the_subject_of_a_later_one():
    text = "甲某结束访问乙地和丙国回京途经丁市时会见戊某等"
    names = [
        ("甲某", "PERSON"),
        ("乙地", "LOC"),
        ("丙国", "LOC"),
        ("丁市", "LOC"),
        ("戊某", "PERSON"),
    ]
    assert ("meets", "甲某", "戊某") in _found(text, names)


def test_two_posts_joined_by_a_comma_between_the_verb_and_its_guest():
    text = "丙某在丁地会晤了本届甲会主席、乙国前外交部长乙某。"
    names = [("丙某", "PERSON"), ("丁地", "ORG"), ("乙国", "LOC"), ("乙某", "PERSON")]
    assert _found(text, names) == {("meets", "丙某", "乙某")}


def test_a_one_character_body_of_the_model_is_no_party():
    text = "丙某在丁地会晤了本届联大主席、乙国前外交部长乙某。"
    names = [("丙某", "PERSON"), ("丁地", "ORG"), ("乙国", "LOC"), ("乙某", "PERSON")]
    at = text.index("联")
    found = find_relations(_extraction(text, names), [(at, at + 1, "联", "ORG")])
    assert {(r.relation, r.source, r.target) for r in found} == {("meets", "丙某", "乙某")}


def test_a_dateline_ends_the_name_chain_of_a_headline():
    text = "甲某会见乙国丙团据新华社北京3月2日电丁会会长甲某今天会见了戊某。"
    names = [
        ("甲某", "PERSON"),
        ("乙国丙团", "ORG"),
        ("新华社", "ORG"),
        ("北京", "LOC"),
        ("丁会", "ORG"),
        ("甲某", "PERSON"),
        ("戊某", "PERSON"),
    ]
    assert ("meets", "甲某", "乙国丙团") in _found(text, names)


def test_a_guest_named_only_by_a_post_is_unnamed_but_a_bodys_members_are_the_body():
    names = [("甲某", "PERSON"), ("乙国陆军", "ORG")]
    assert _found("甲某会见了来访的乙国陆军总司令。", names) == set()
    names = [("甲某", "PERSON"), ("乙会友好小组", "ORG")]
    assert _found("甲某会见了乙会友好小组成员。", names) == {("meets", "甲某", "乙会友好小组")}


def test_a_title_of_nobility_after_a_name_does_not_end_a_list_of_guests():
    text = "甲某在京会见乙国大公储乙某亲王和经济大臣丙某。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("乙某", "PERSON"), ("丙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "乙某"), ("meets", "甲某", "丙某")}


def test_a_profession_before_a_guest_reads_like_a_post():
    text = "甲某在接见著名画家乙某时提出，要重视美术教育。"
    assert _found(text, [("甲某", "PERSON"), ("乙某", "PERSON")]) == {("meets", "甲某", "乙某")}


def test_a_partner_list_over_posts_of_leaders():
    text = "甲某近日分别与乙国总理乙某和丙地领导人丙某举行会谈。"
    names = [
        ("甲某", "PERSON"),
        ("乙国", "LOC"),
        ("乙某", "PERSON"),
        ("丙地", "LOC"),
        ("丙某", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "甲某", "乙某"), ("meets", "甲某", "丙某")}


def test_every_one_of_a_kind_is_no_party():
    text = "目前，甲市政府已和各区、县政府签订了目标书。"
    assert _found(text, [("甲市政府", "ORG"), ("县政府", "ORG")]) == set()


def test_a_pair_of_country_forms_before_relations_is_no_pair_of_signatories():
    text = "甲国外长表示，法中关系会按照两国此前签署的文件发展。"
    assert _found(text, [("甲国", "LOC")]) == set()


def test_a_pair_of_country_forms_beside_a_city_form():
    text = "甲工程的合同已由中俄双方在京签订。"
    extraction = _extraction(text, [("甲工程", "PROJECT")])
    at = text.index("京")
    extraction.mentions.append(
        Mention(at, at + 1, "北京", "LOC", 0)
    )  # 京 written out, as the places rules do
    found = {(r.relation, r.source, r.target) for r in find_relations(extraction)}
    assert found == {("signs_with", "中国", "俄罗斯")}


def test_unnamed_heads_of_two_bodies_are_no_parties():
    text = "甲国参加了乙组织—丙国和丁国—乙组织首脑非正式会晤。"
    names = [("甲国", "LOC"), ("乙组织—丙国", "ORG"), ("丁国—乙组织", "ORG")]
    assert _found(text, names) == set()


def test_he_meets_with_after_a_locative_and():
    text = "甲某今天在乙宾馆和丙国国防部长丙某举行了会谈。"
    names = [("甲某", "PERSON"), ("乙宾馆", "ORG"), ("丙国", "LOC"), ("丙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "丙某")}


def test_taking_part_in_signing_is_no_signing_with_each_other():
    text = "俄日两国参与签署了一份多边安全文件。"
    assert _found(text, []) == set()
    assert _found("俄日两国签署了文件。", []) == {("signs_with", "俄罗斯", "日本")}


def test_the_delegation_a_guest_leads_is_a_guest_too():
    text = "甲某在丙市会见了正在乙国访问的丁会会长乙某及其率领的丁会代表团。"
    names = [
        ("甲某", "PERSON"),
        ("丙市", "LOC"),
        ("乙国", "LOC"),
        ("丁会", "ORG"),
        ("乙某", "PERSON"),
        ("丁会代表团", "ORG"),
    ]
    found = _found(text, names)
    assert {("meets", "甲某", "乙某"), ("meets", "甲某", "丁会代表团")} <= found


def test_a_negated_or_requested_with_phrase_is_no_meeting():
    names = [
        ("法国", "LOC"),
        ("德国", "LOC"),
    ]  # countries: a country stands for its government at talks
    assert _found("法国将不与德国举行任何会谈。", names) == set()
    assert _found("这是对法国要求与德国进行高级会晤的回答。", names) == set()
    assert _found("法国将与德国举行会谈。", names) == {("meets", "法国", "德国")}


def test_talks_called_off_are_no_meeting_and_a_contract_ended_was_still_signed():
    names = [("法国", "LOC"), ("德国", "LOC")]
    assert _found("法国上月中断了同德国的会谈。", names) == set()
    assert _found("法国已推迟与德国外长的会晤。", names) == set()
    text = "甲公司去年中断与乙公司签订的供货合同。"
    assert _found(text, [("甲公司", "ORG"), ("乙公司", "ORG")]) == {
        ("signs_with", "甲公司", "乙公司")
    }


def test_a_second_verb_after_the_meeting_verb():
    text = "甲某今天会见并款待了乙国议员乙某。"
    assert _found(text, [("甲某", "PERSON"), ("乙国", "LOC"), ("乙某", "PERSON")]) == {
        ("meets", "甲某", "乙某")
    }


def test_talks_as_a_time_of_two_named_parties():
    text = "甲某和乙某当天在会谈后举行的记者会上都谈到了和平。"
    assert _found(text, [("甲某", "PERSON"), ("乙某", "PERSON")]) == set()


def test_a_trigger_between_two_places_breaks_their_chain():
    text = "甲某在对乙国进行了两天访问后，于今晨前往丙城会晤丁国总统丁某。"
    names = [
        ("甲某", "PERSON"),
        ("乙国", "LOC"),
        ("丙城", "LOC"),
        ("丁国", "LOC"),
        ("丁某", "PERSON"),
    ]
    assert ("meets", "甲某", "丁某") in _found(text, names)


def test_a_post_with_he_inside_it_qualifies_the_partner():
    text = "甲某今天同乙国副总理兼外交和环境部长乙某举行了会谈。"
    names = [("甲某", "PERSON"), ("乙国", "ORG"), ("乙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "乙某")}


def test_a_titled_guest_of_an_earlier_meeting_is_no_host_of_the_next():
    text = "丁某谈到乙国总统甲某当天会见丙国总理乙某并即将会见戊国领导人丙某时作此表示。"
    names = [
        ("丁某", "PERSON"),
        ("乙国", "LOC"),
        ("甲某", "PERSON"),
        ("丙国", "LOC"),
        ("乙某", "PERSON"),
        ("戊国", "LOC"),
        ("丙某", "PERSON"),
    ]
    found = _found(text, names)
    assert ("meets", "乙某", "丙某") not in found and ("meets", "甲某", "乙某") in found


def test_the_unnamed_ministers_of_two_countries_are_no_parties():
    text = "英国和德国对此表示关切，两国外长昨日在柏林会晤时表示将继续协商。"
    assert _found(text, [("英国", "LOC"), ("德国", "LOC"), ("柏林", "LOC")]) == set()
    assert _found("报道说，英德两国首相在会谈中认为应当合作。", []) == set()


def test_a_meeting_that_is_the_topic_of_other_talks():
    text = "甲某也与乙国首相乙某通了电话，就俄与欧盟首脑会晤事宜听取了意见。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("乙某", "PERSON"), ("欧盟", "ORG")]
    assert _found(text, names) == set()


def test_bodies_named_only_for_their_officials_are_no_guests():
    text = "甲某是在接见乙党、丙委员会的高级官员时说这番话的。"
    assert _found(text, [("甲某", "PERSON"), ("乙党", "ORG"), ("丙委员会", "ORG")]) == set()


def test_a_prize_named_after_a_person_and_a_winner_before_a_guest():
    text = "甲某今天在京会见了诺贝尔化学奖得主、乙大学教授乙某。"
    names = [("甲某", "PERSON"), ("诺贝尔", "PERSON"), ("乙大学", "ORG"), ("乙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "乙某")}


def test_a_reporters_questions_at_a_meeting_are_no_guest():
    text = "甲某获胜后接见记者时说，乙党会继续合作。"
    assert _found(text, [("甲某", "PERSON"), ("时说", "PERSON"), ("乙党", "ORG")]) == set()


def test_a_topic_between_a_pronoun_and_its_verb_says_no_subject():
    text = "甲某说，他将于当晚就上述问题同乙国总理丙某举行会谈。"
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("丙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "丙某")}


def test_a_place_of_a_place_after_zai_is_no_subject():
    text = "甲某访问乙国期间，在丙市的丁饭店接见了戊某。"
    names = [
        ("甲某", "PERSON"),
        ("乙国", "LOC"),
        ("丙市", "LOC"),
        ("丁饭店", "ORG"),
        ("戊某", "PERSON"),
    ]
    assert ("meets", "甲某", "戊某") in _found(text, names)
    assert ("meets", "丁饭店", "戊某") not in _found(text, names)


def test_a_meeting_framed_by_zai_has_the_person_after_zai_as_a_party():
    text = "该方案将于本月中旬在甲某总统与乙某总统、丙某总理举行的三方首脑会晤期间宣布。"
    names = [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "乙某"), ("meets", "甲某", "丙某")}
    text = "甲某在丁宾馆同乙某会谈时说。"
    assert _found(text, [("甲某", "PERSON"), ("丁宾馆", "ORG"), ("乙某", "PERSON")]) == {
        ("meets", "甲某", "乙某")
    }
    text = "甲党决定，待到甲某与乙某会晤之后再公布方案。"
    names = [("甲党", "ORG"), ("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "乙某")}


def test_every_clause_of_titled_names_before_the_verb_is_in_the_subject():
    text = "甲委副主任张甲某，甲委委员李乙某，乙委委员王丙某、赵丁某，昨天会见了丙团成员。"
    names = [
        ("甲委", "ORG"),
        ("张甲某", "PERSON"),
        ("甲委", "ORG"),
        ("李乙某", "PERSON"),
        ("乙委", "ORG"),
        ("王丙某", "PERSON"),
        ("赵丁某", "PERSON"),
        ("丙团", "ORG"),
    ]
    hosts = {"张甲某", "李乙某", "王丙某", "赵丁某"}
    assert _found(text, names) == {("meets", h, "丙团") for h in hosts}
    # a clause that says more than a titled name ends the list
    text = "甲委副主任张甲某出席开幕式，甲委委员李乙某，昨天会见了丙团成员。"
    assert ("meets", "张甲某", "丙团") not in _found(text, names[:4] + [("丙团", "ORG")])


def test_a_byline_in_brackets_ends_the_clause_before_the_names():
    text = (
        "据新华社甲城1月2日电（乙报记者张某、新华社记者李某）"
        "甲委副主任王甲某，乙委委员赵乙某，昨天会见了丙团成员。"
    )
    names = [
        ("新华社", "ORG"),
        ("甲城", "LOC"),
        ("乙报", "ORG"),
        ("张某", "PERSON"),
        ("新华社", "ORG"),
        ("李某", "PERSON"),
        ("甲委", "ORG"),
        ("王甲某", "PERSON"),
        ("乙委", "ORG"),
        ("赵乙某", "PERSON"),
        ("丙团", "ORG"),
    ]
    assert _found(text, names) == {("meets", "王甲某", "丙团"), ("meets", "赵乙某", "丙团")}


def test_a_pair_joined_by_he_holds_talks_whose_modifiers_have_de():
    names = [("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found("甲某总理和乙某总理上午进行了一小时的友好会谈。", names) == {
        ("meets", "甲某", "乙某")
    }
    assert (
        _found("丙某与甲某和乙某商谈拟在下旬举行的首脑会晤事宜。", [("丙某", "PERSON"), *names])
        == set()
    )


def test_an_adverb_ends_the_qualifier_chain_of_a_place_before_a_person():
    text = "甲国主张由乙某出面，在丙市再召集丁某和戊某进行会谈。"
    names = [
        ("甲国", "LOC"),
        ("乙某", "PERSON"),
        ("丙市", "LOC"),
        ("丁某", "PERSON"),
        ("戊某", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "丁某", "戊某")}


def test_a_name_that_starts_with_zhong_after_the_verb_is_no_time():
    text = "甲某在这里会见中国某委员会副主任乙某时表示欢迎。"
    names = [("甲某", "PERSON"), ("中国某委员会", "ORG"), ("乙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "乙某")}
    assert _found("在会见中，甲某表示欢迎。", [("甲某", "PERSON")]) == set()


def test_a_delegate_of_a_body_is_a_post_of_the_person_named_after_the_next_post():
    text = "甲某在会见乙党代表、丙部副部长丁某时重申了立场。"
    names = [("甲某", "PERSON"), ("乙党", "ORG"), ("丙部", "ORG"), ("丁某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "丁某")}


def test_dui_wai_inside_a_ministry_is_part_of_the_post():
    text = "甲某在人民大会堂会见乙国对外关系和合作部长丙某时表示欢迎。"
    names = [("甲某", "PERSON"), ("人民大会堂", "LOC"), ("丙某", "PERSON")]  # the model missed 乙国
    assert _found(text, names) == {("meets", "甲某", "丙某")}


def test_guests_go_on_after_a_comma_up_to_a_kind_of_people():
    text = "随后，甲某会见了乙会会长张一、副会长李二，丙校校长王三、校长赵四等华侨代表。"
    names = [
        ("甲某", "PERSON"),
        ("乙会", "ORG"),
        ("张一", "PERSON"),
        ("李二", "PERSON"),
        ("丙校", "ORG"),
        ("王三", "PERSON"),
        ("赵四", "PERSON"),
    ]
    assert _found(text, names) == {("meets", "甲某", g) for g in ("张一", "李二", "王三", "赵四")}
    text = "随后，甲某会见了乙会会长张一，王三等参加会见。"  # no kind of people: 王三 is no guest
    assert _found(text, [names[0], names[1], names[2], names[5]]) == {("meets", "甲某", "张一")}


def test_an_unnamed_guest_takes_no_party_of_a_later_clause():
    text = "甲某28日在乙城会晤了德国领导人，双方一致表示支持伊朗的立场。"
    names = [("甲某", "PERSON"), ("乙城", "LOC"), ("德国", "LOC"), ("伊朗", "LOC")]
    assert _found(text, names) == set()


def test_a_person_span_the_model_made_of_two_names_gives_both_parties():
    # two foreign names joined by 同, longer than any Chinese name
    assert _found("商讨边界问题卡德尔同维斯特会谈", [("卡德尔同维斯特", "PERSON")]) == {
        ("meets", "卡德尔", "维斯特")
    }
    # a headline that writes the name twice (main title, then subtitle)
    found = _found(
        "甲国总统会见卡德尔卡德尔同维斯特总理会谈",
        [("甲国", "LOC"), ("卡德尔卡德尔", "PERSON"), ("维斯特", "PERSON")],
    )
    assert ("meets", "卡德尔", "维斯特") in found


def test_the_post_of_the_second_party_before_de_is_no_modifier_of_the_talks():
    names = [("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found("甲某主席和乙某总统的三次会晤增进了互信。", names) == {("meets", "甲某", "乙某")}
    # two countries' unnamed heads are still no parties
    assert (
        _found("丙国和丁国两国总理的会晤增进了互信。", [("丙国", "LOC"), ("丁国", "LOC")]) == set()
    )


def test_two_who_sign_each_for_their_own_government_sign_with_each_other():
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("乙某", "PERSON")]
    text = "甲某和乙国外长乙某分别代表两国政府在会上签署了一份联合公报。"
    assert _found(text, names) == {("signs_with", "甲某", "乙某")}
    # each signing on their own is no signing with each other
    assert _found("甲某和乙国外长乙某分别签署了一份公约。", names) == set()


def test_a_listed_item_the_model_tagged_nothing_in_does_not_end_the_list():
    names = [("王某", "PERSON"), ("赵甲", "PERSON"), ("钱乙", "PERSON"), ("孙丙", "PERSON")]
    found = _found("王某会见了赵甲、钱乙、于是之、孙丙等艺术家。", names)
    assert found == {
        ("meets", "王某", "赵甲"),
        ("meets", "王某", "钱乙"),
        ("meets", "王某", "孙丙"),
    }
    # a post between the names is the first one's, and the list goes on only to names of one kind
    names = [("王某", "PERSON"), ("丁国", "LOC"), ("戊院", "ORG")]
    assert ("meets", "王某", "戊院") not in _found(
        "王某同丁国总统、总理及戊院和己院议长会见。", names
    )


def test_a_name_in_a_dateline_is_no_person_a_pronoun_could_stand_for():
    text = "新华社乙城2月4日电王某在这里说，他下月将同李某举行会晤。"
    extraction = _extraction(text, [("王某", "PERSON"), ("李某", "PERSON")])
    model_names = [(3, 5, "乙城", "PERSON")]  # the model's name for the city of filing
    found = {(r.relation, r.source, r.target) for r in find_relations(extraction, model_names)}
    assert found == {("meets", "王某", "李某")}


def test_a_countrys_one_character_form_before_a_post_qualifies_the_name_after_it():
    text = "王某下午与丙总理李某举行了会谈。"
    article = _one_sentence(text)
    mentions = [
        Mention(0, 2, "王某", "PERSON", 0),
        Mention(5, 6, "丙国", "LOC", 0),
        Mention(8, 10, "李某", "PERSON", 0),
    ]
    found = _triples(Extraction(article=article, mentions=mentions))
    assert found == {("meets", "王某", "李某")}


def test_a_topic_goes_on_over_a_comma_before_te_bie_shi():
    names = [("王某", "PERSON"), ("李某", "PERSON"), ("甲地", "LOC")]
    text = "王某昨天与李某就两地合作，特别是甲地的局势举行了会谈。"
    assert _found(text, names) == {("meets", "王某", "李某")}


def test_two_who_ended_their_talks_met():
    names = [("挪威", "LOC"), ("芬兰", "LOC"), ("奥斯陆", "LOC")]
    assert _found("挪威和芬兰的代表昨天在奥斯陆结束了为期两天的会谈。", names) == {
        ("meets", "挪威", "芬兰")
    }


def test_a_clause_with_no_subject_that_frames_the_next_has_the_next_ones_subject_as_actor():
    names = [("甲组织", "ORG"), ("泰国", "LOC")]
    assert _found("同甲组织签署合作协议以后，泰国加强了边境管理。", names) == {
        ("signs_with", "泰国", "甲组织")
    }
    names = [("秘鲁", "LOC"), ("智利政府", "ORG")]
    assert _found("根据1990年同秘鲁签订的协定，智利政府昨天移交了港口。", names) == {
        ("signs_with", "智利政府", "秘鲁")
    }
    names = [
        ("法国", "LOC"),
        ("德国", "LOC"),
        ("荷兰", "LOC"),
    ]  # a clause with its own subject keeps it
    assert _found("法国同德国签署协议以后，荷兰表示欢迎。", names) == {
        ("signs_with", "法国", "德国")
    }


def test_names_side_by_side_in_a_headline_are_a_list_but_a_name_written_twice_is_one():
    names = [("王平", "PERSON"), ("李明", "PERSON"), ("甲国代表团", "ORG")]
    assert _found("王平李明会见甲国代表团", names) == {
        ("meets", "王平", "甲国代表团"),
        ("meets", "李明", "甲国代表团"),
    }
    names = [("甲国", "LOC"), ("王平", "PERSON"), ("王平", "PERSON"), ("李四", "PERSON")]
    assert _found("甲国总统会见王平王平同李四部长会谈", names) == {("meets", "王平", "李四")}


def test_a_body_whose_members_are_met_after_a_list_and_yiji_is_a_guest():
    text = "甲国议长林某和夫人今天会见了乙国议会主席王某和夫人，以及乙国议会友好小组的其他成员。"
    names = [("林某", "PERSON"), ("王某", "PERSON"), ("乙国议会友好小组", "ORG")]
    found = _found(text, names)
    assert ("meets", "林某", "王某") in found and ("meets", "林某", "乙国议会友好小组") in found


def test_a_bodys_own_meeting_delegates_stand_for_the_body_not_a_post_holders_meeting():
    body = _found(
        "李某接见甲石化公司工作会议代表时强调。", [("李某", "PERSON"), ("甲石化公司", "ORG")]
    )
    assert body == {("meets", "李某", "甲石化公司")}
    posts = _found("李某接见甲局局长会议代表时强调。", [("李某", "PERSON"), ("甲局", "ORG")])
    assert posts == set()


def test_a_meeting_framed_with_zhong_has_its_parties_inside_the_frame():
    names = [("林某", "PERSON"), ("丹麦", "LOC"), ("挪威", "LOC")]
    found = _found("林某表示，在丹麦与挪威进行的双边会谈中，不需要第三方调解。", names)
    assert found == {("meets", "丹麦", "挪威")}


def test_two_lists_with_respectively_pair_in_order():
    """A、B分别与C、D签约: A signs with C and B with D, not each with each; lists of unequal length
    do not say who signed with whom. One party on either side still pairs with all."""
    names = [("甲钢铁公司", "ORG"), ("乙化工公司", "ORG"), ("东平县", "LOC"), ("西平县", "LOC")]
    text = "甲钢铁公司、乙化工公司分别与东平县、西平县签约。"
    assert _found(text, names) == {
        ("signs_with", "甲钢铁公司", "东平县"),
        ("signs_with", "乙化工公司", "西平县"),
    }
    three = [*names[:2], ("丙纺织公司", "ORG"), *names[2:]]
    text = "甲钢铁公司、乙化工公司、丙纺织公司等企业分别与东平县、西平县签约。"
    assert _found(text, three) == set()
    text = "甲钢铁公司、乙化工公司分别与东平县签约。"
    assert _found(text, names[:3]) == {
        ("signs_with", "甲钢铁公司", "东平县"),
        ("signs_with", "乙化工公司", "东平县"),
    }


def test_a_declared_short_form_in_brackets_is_no_party_of_its_own():
    """甲公司（以下简称“甲”）与乙签约: the full name before the bracket signs; the short form it
    declares, however the model cut it (甲”）), is a gloss."""
    text = "东山航空股份有限公司（简称“东航”）与区政府签署合作协议。"
    names = [("东山航空股份有限公司", "ORG"), ("区政府", "ORG")]
    extraction = _extraction(text, names)
    short = text.index("东航")
    model = [(short, short + 4, "东航”）", "ORG")]
    assert {(r.relation, r.source, r.target) for r in find_relations(extraction, model)} == {
        ("signs_with", "东山航空股份有限公司", "区政府")
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("中俄企业今天在丙市签约。", [("丙市", "LOC")]),  # a kind of the two countries signs
        ("丙项目是中美合作项目签约的第一批。", [("丙项目", "PROJECT")]),
        ("今天是中日签约20周年纪念日。", []),  # an anniversary
        ("乙队在转会中以高价签下张三。", [("乙队", "ORG"), ("张三", "PERSON")]),  # 在…中 以
    ],
)
def test_the_verbs_of_clubs_and_firms_read_no_bare_one_character_pair(text, names):
    assert not any(r[0] == "signs_with" and r[1] in ("中国", "日本") for r in _found(text, names))


def test_a_named_partner_signs_where_zhong_yi_of_a_match_is_no_pair():
    names = [("张三", "PERSON"), ("乙队", "ORG")]
    text = "张三在比赛中以2比1胜出后与乙队签约。"
    assert _found(text, names) == {("signs_with", "张三", "乙队")}


def test_a_country_before_its_ranked_unnamed_leaders_is_no_party():
    names = [("甲某", "PERSON"), ("德国", "LOC")]
    assert _found("甲某与德国最高领导人经常会谈。", names) == set()
    assert _found("甲某与德国主要领导人举行会晤。", names) == set()


@pytest.mark.parametrize(
    "text",
    [
        "甲某感谢乙某的热情接待。",
        "甲某对乙某的盛情邀请和周到接待表示感谢。",  # 对…表示感谢: the thanked host
        "甲某对乙某的会见表示感谢。",
    ],
)
def test_a_guest_thanks_the_host_for_a_reception(text):
    assert _found(text, [("甲某", "PERSON"), ("乙某", "PERSON")]) == {("meets", "乙某", "甲某")}


def test_a_treaty_named_after_its_parties_signed_long_ago_names_no_signing():
    names = [("甲国", "LOC"), ("乙国", "LOC")]
    assert _found("为纪念甲国乙国友好条约缔结20周年，音乐会今晚举行。", names) == set()
    assert _found("甲国与乙国缔结了友好条约。", names) == {("signs_with", "甲国", "乙国")}


def test_a_clause_of_time_that_opens_with_the_meeting_verb_takes_the_next_subject_as_host():
    # 会见A时，B…: the meeting frames the next clause, whose subject is the host
    found = _found("会见甲某某时，乙某转达了问候。", [("甲某某", "PERSON"), ("乙某", "PERSON")])
    assert found == {("meets", "乙某", "甲某某")}
    found = _found("在接见丙公司代表时，乙某说。", [("丙公司", "ORG"), ("乙某", "PERSON")])
    assert found == {("meets", "乙某", "丙公司")}
    # who is only seated at it is no host
    found = _found(
        "会见甲某某时，乙某、丁某等在座。",
        [("甲某某", "PERSON"), ("乙某", "PERSON"), ("丁某", "PERSON")],
    )
    assert found == set()


def test_a_holder_of_a_post_in_the_article_is_a_person_where_the_model_read_a_place():
    from kg.schema import Role

    text = "该市市长甲拉亚授予钥匙。仪式前，乙某会见了甲拉亚。"
    article = _two_sentences(text, 12)
    second = text.rindex("甲拉亚")
    mentions = [
        Mention(4, 7, "甲拉亚", "PERSON", 0),
        Mention(text.index("乙某"), text.index("乙某") + 2, "乙某", "PERSON", 1),
        Mention(second, second + 3, "甲拉亚", "LOC", 1),  # the model's other reading
    ]
    role = Role(person="甲拉亚", title="市长", org=None, org_type=None, sentence=0, person_start=4)
    extraction = Extraction(article=article, mentions=mentions, roles=[role])
    assert _triples(extraction) == {("meets", "乙某", "甲拉亚")}
    # a known place with a title before it (主席拉美之行) holds no post
    text = "主席拉美之行。乙某会见了拉美。"
    article = _two_sentences(text, 7)
    mentions = [
        Mention(2, 4, "拉美", "PERSON", 0),
        Mention(7, 9, "乙某", "PERSON", 1),
        Mention(12, 14, "拉美", "LOC", 1),
    ]
    role = Role(person="拉美", title="主席", org=None, org_type=None, sentence=0, person_start=2)
    assert _triples(Extraction(article=article, mentions=mentions, roles=[role])) == set()


def test_thanks_for_a_meeting_named_by_its_verb_make_the_thanker_the_guest():
    names = [("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found("甲某等代表感谢乙某会见，认为收获很大。", names) == {("meets", "乙某", "甲某")}
    assert _found("甲某感谢乙某在百忙中会见他们。", names) == {("meets", "乙某", "甲某")}
    # a guest named after the verb is the one met
    found = _found("甲某感谢乙某会见丙公司代表团。", [*names, ("丙公司代表团", "ORG")])
    assert found == {("meets", "乙某", "丙公司代表团")}


def test_a_trigger_inside_a_title_takes_its_parties_from_that_title_only():
    text = "网站刊登了《中美两国深化合作》《甲某高度评价与丙某的会谈成果》等文章。"
    names = [("中", "LOC"), ("美", "LOC"), ("甲某", "PERSON"), ("丙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "丙某")}


def test_a_person_met_at_the_end_of_a_clause_is_no_subject_carried_to_the_next():
    text = "甲国主席乙某对丙国进行访问，在丁市会见丙国国王戊某，与议长己某举行会谈。"
    names = [
        ("甲国", "LOC"),
        ("乙某", "PERSON"),
        ("丙国", "LOC"),
        ("丁市", "LOC"),
        ("丙国", "LOC"),
        ("戊某", "PERSON"),
        ("己某", "PERSON"),
    ]
    found = _found(text, names)
    assert ("meets", "乙某", "己某") in found and ("meets", "戊某", "己某") not in found


def test_a_declared_short_form_after_a_place_does_not_part_it_from_the_post_after():
    text = "甲某与乙州（简称乙）州长丙某会面。"
    names = [("甲某", "PERSON"), ("乙州", "LOC"), ("丙某", "PERSON")]
    assert _found(text, names) == {("meets", "甲某", "丙某")}


def test_who_signs_on_behalf_of_a_body_is_the_party():
    text = "甲某在乙市代表丙政府与丁国签署协定。"
    names = [("甲某", "PERSON"), ("乙市", "LOC"), ("丙政府", "ORG"), ("丁国", "LOC")]
    assert _found(text, names) == {("signs_with", "甲某", "丁国")}


def test_the_names_heading_a_document_sign_only_when_nobody_else_is_said_to():
    names = [("甲某", "PERSON"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found("甲某签订乙国与丙国就经济合作的谅解备忘录。", names) == set()
    found = _found("会上还签署了乙会与丙会合作协议。", [("乙会", "ORG"), ("丙会", "ORG")])
    assert found == {("signs_with", "乙会", "丙会")}


def test_a_part_of_a_country_in_a_list_of_partners_keeps_the_list_going():
    text = "甲港已先后与乙国、丙国内地、丁国等伙伴签订协定。"
    names = [("甲港", "LOC"), ("乙国", "LOC"), ("丙国", "LOC"), ("丁国", "LOC")]
    assert {r[2] for r in _found(text, names)} == {"乙国", "丙国", "丁国"}


def test_a_sector_of_a_place_is_no_party():
    assert _found("甲国与乙港法律界签订协议。", [("甲国", "LOC"), ("乙港", "LOC")]) == set()


def test_an_investment_agreement_is_a_name_not_an_investment():
    text = "甲某提到乙国和丙港同意签订促进和保护投资协定。"
    found = _found(text, [("甲某", "PERSON"), ("乙国", "LOC"), ("丙港", "LOC")])
    assert found == {("signs_with", "乙国", "丙港")}


def test_qihou_and_qijian_are_adverbs_of_time_not_pronouns():
    names = [("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found("甲某其后与乙某会面。", names) == {("meets", "甲某", "乙某")}


def test_a_bodys_unnamed_senior_staff_are_no_party():
    text = "甲某与乙银行高层人员会面。"
    assert _found(text, [("甲某", "PERSON"), ("乙银行", "ORG")]) == set()
    # the body described after a place the model read alone (乙地煤矿|开采商丙业的高层)
    text = "甲某与乙地煤矿开采商丙业的高层会面。"
    assert _found(text, [("甲某", "PERSON"), ("乙地煤矿", "ORG")]) == set()


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # the first 与 joins a second subject; the partner follows the last 与
        (
            "甲某与乙某今日与丙某会面。",
            [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙某", "PERSON")],
            {("meets", "甲某", "丙某"), ("meets", "乙某", "丙某")},
        ),
        (
            "甲厅与乙小组日前与丙厅签订了责任状。",
            [("甲厅", "ORG"), ("乙小组", "ORG"), ("丙厅", "ORG")],
            {("signs_with", "甲厅", "丙厅"), ("signs_with", "乙小组", "丙厅")},
        ),
    ],
)
def test_a_subject_joined_by_yu_before_the_partners_yu_is_a_subject_too(text, names, expected):
    assert _found(text, names) == expected


def test_two_bodies_the_model_joined_by_yu_are_two_parties():
    # 乙商务部 ends in 部, a body, as 甲特区政府 does
    text = "甲特区政府与乙商务部今天签署了合作协议。"
    assert _found(text, [("甲特区政府与乙商务部", "ORG")]) == {
        ("signs_with", "甲特区政府", "乙商务部")
    }


def test_who_comes_together_with_the_host_liantong_is_a_host_too():
    text = "甲某联同乙某、丙某与丁某会面。"
    names = [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙某", "PERSON"), ("丁某", "PERSON")]
    assert _found(text, names) == {
        ("meets", "甲某", "丁某"),
        ("meets", "乙某", "丁某"),
        ("meets", "丙某", "丁某"),
    }


def test_a_name_in_latin_letters_after_a_post_is_a_person():
    text = "甲某会晤乙国财政部长Jane Doe。"
    assert _found(text, [("甲某", "PERSON"), ("乙国", "LOC")]) == {("meets", "甲某", "Jane Doe")}


def test_a_short_form_declared_in_brackets_stands_for_the_full_name():
    text = "甲乙发展银行（甲行）行长丙某见证丁政府与甲行签署协议。"
    names = [("甲乙发展银行", "ORG"), ("丙某", "PERSON"), ("丁政府", "ORG"), ("甲行", "ORG")]
    assert _found(text, names) == {("signs_with", "丁政府", "甲乙发展银行")}


def test_a_person_met_with_no_le_is_no_subject_carried_past_the_clauses_after():
    text = "甲某前往乙市，会晤丙国总理丁某，并在午宴致辞，然后与戊某会面。"
    names = [
        ("甲某", "PERSON"),
        ("乙市", "LOC"),
        ("丙国", "LOC"),
        ("丁某", "PERSON"),
        ("戊某", "PERSON"),
    ]
    found = _found(text, names)
    assert ("meets", "甲某", "戊某") in found and ("meets", "丁某", "戊某") not in found


def test_the_two_that_name_a_documents_signing_ceremony_sign_nothing():
    text = "甲某出席乙港与丙国避免双重征税协定的签订仪式。"
    assert _found(text, [("甲某", "PERSON"), ("乙港", "LOC"), ("丙国", "LOC")]) == set()


def test_a_latin_name_after_a_post_is_whole_where_the_model_cut_it_or_a_space_parts_it():
    names = [("王某", "PERSON"), ("甲行", "ORG"), ("Jay", "PERSON")]
    assert _found("王某会见了甲行行长Jay Doe。", names) == {("meets", "王某", "Jay Doe")}
    names = [("王某", "PERSON"), ("甲行", "ORG"), ("Jay Doe", "PERSON")]
    assert _found("王某会见了甲行行长 Jay Doe。", names) == {("meets", "王某", "Jay Doe")}


def test_members_listed_after_a_kind_of_partners_before_the_verb_are_met():
    names = [("王某", "PERSON"), ("甲国", "LOC"), ("乙某", "PERSON")]
    assert _found("王某与其他与会代表会面，包括甲国总统乙某。", names) == {
        ("meets", "王某", "乙某")
    }
    # bodies listed after a kind of people are no guests
    names = [("王某", "PERSON"), ("丙会", "ORG"), ("丁委", "ORG")]
    assert _found("王某与有关官员会面，包括丙会、丁委。", names) == set()
    # names of 包括…在内 qualify a kind of their own (those who attend)
    names = [("王某", "PERSON"), ("乙某", "PERSON"), ("丙某", "PERSON")]
    assert _found("王某与外国客人会面，包括乙某、丙某在内的官员参加会见。", names) == set()


@pytest.mark.parametrize(
    "said, glad",
    [("表示", "很高兴能与李四会面"), ("说", "非常荣幸同李四会面"), ("表示", "感到高兴与李四会面")],
)
def test_a_speakers_own_gladness_has_the_speaker_as_subject(said, glad):
    names = [("张三", "PERSON"), ("李四", "PERSON")]
    assert _found(f"张三{said}，{glad}。", names) == {("meets", "张三", "李四")}


@pytest.mark.parametrize("leaders", ["政府首脑", "国家领导人"])
def test_a_pair_of_countries_whose_unnamed_leaders_meet_names_no_party(leaders):
    assert _found(f"中美两国{leaders}举行了会晤。", []) == set()


@pytest.mark.parametrize(
    "text, names",
    [
        ("张三会见了甲国财政和商务部长李四。", [("甲国财政", "ORG")]),
        ("张三会见了甲国经济、财政及预算部部长李四。", [("甲国", "LOC"), ("财政及预算部", "ORG")]),
    ],
)
def test_a_ministry_of_several_portfolios_is_one_post_of_the_guest(text, names):
    names = [("张三", "PERSON"), *names, ("李四", "PERSON")]
    assert _found(text, names) == {("meets", "张三", "李四")}


@pytest.mark.parametrize("people", ["高层官员", "官员", "负责人"])
def test_bodies_listed_before_their_unnamed_officials_after_yu_name_no_party(people):
    names = [("张三", "PERSON"), ("甲省政府", "ORG"), ("乙市政府", "ORG")]
    assert _found(f"张三会与甲省政府及乙市政府{people}会面。", names) == set()
    # nor does a list of bodies and places (甲省政府及乙市领导: the list ends on a place)
    names = [("张三", "PERSON"), ("甲省政府", "ORG"), ("乙市", "LOC")]
    assert _found(f"张三会与甲省政府及乙市{people}会面。", names) == set()


@pytest.mark.parametrize(
    "text, guests",
    [
        # a body and a minister joined by 和 (not one ministry of two portfolios)
        ("张三会见了甲国代表团和外交部长李四。", [("甲国代表团", "ORG"), ("李四", "PERSON")]),
        # bodies after 与 with no officials after them
        ("张三会与甲省政府及乙市政府会面。", [("甲省政府", "ORG"), ("乙市政府", "ORG")]),
    ],
)
def test_listed_guests_are_each_met(text, guests):
    found = _found(text, [("张三", "PERSON"), *guests])
    assert found == {("meets", "张三", name) for name, _ in guests}


@pytest.mark.parametrize("verb", ["出席", "参加", "来自"])
def test_a_body_that_is_the_object_of_a_clause_on_unnamed_people_after_yu_is_no_party(verb):
    names = [("张三", "PERSON"), ("甲组织", "ORG")]
    assert _found(f"张三与多位{verb}甲组织年会的代表会面。", names) == set()


def test_a_named_person_after_a_clause_of_attending_after_yu_is_met():
    names = [("张三", "PERSON"), ("甲国", "LOC"), ("李四", "PERSON")]
    assert _found("张三与出席会议的甲国财长李四会面。", names) == {("meets", "张三", "李四")}


@pytest.mark.parametrize("go", ["飞往", "转往", "飞抵"])
def test_a_place_flown_to_before_a_partner_is_no_subject(go):
    names = [("张三", "PERSON"), ("甲城", "LOC"), ("李四", "PERSON")]
    assert _found(f"张三{go}甲城同李四举行会谈。", names) == {("meets", "张三", "李四")}


def test_a_person_listed_with_bodies_before_their_unnamed_officials_is_still_met():
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("乙国政府", "ORG")]
    assert _found("张三与李四及乙国政府高层官员会面。", names) == {("meets", "张三", "李四")}


@pytest.mark.parametrize("verb", ["来自", "参加甲论坛的"])
def test_a_person_after_a_verb_of_attending_or_coming_from_in_a_yu_phrase_is_met(verb):
    names = [("张三", "PERSON"), ("乙国", "LOC"), ("李四", "PERSON")]
    found = _found(f"张三与{verb}乙国的李四举行了会谈。", names)
    assert found == {("meets", "张三", "李四")}


def test_the_place_of_a_bracketed_local_time_is_no_party():
    names = [("甲市", "LOC"), ("乙城", "LOC"), ("丙市", "LOC")]
    text = "甲市今日（乙城时间十月二十一日）与丙市签订友好城市协议。"
    assert _found(text, names) == {("signs_with", "甲市", "丙市")}


def test_who_goes_along_after_an_unnamed_group_is_a_party():
    # 联同 joins a co-visitor (not 同, which governs a partner): the named one meets
    names = [("乙局", "ORG"), ("丙某", "PERSON"), ("丁某", "PERSON")]
    text = "他们一行随后联同乙局局长丙某拜会了丁某。"
    assert _found(text, names) == {("meets", "丙某", "丁某")}


def test_a_list_goes_on_over_a_comma_before_yiji_until_the_verb():
    names = [("张三", "PERSON"), ("甲局", "ORG"), ("李四", "PERSON"), ("乙署", "ORG")]
    names += [("王五", "PERSON"), ("丙部", "ORG"), ("赵六", "PERSON")]
    text = "张三联同甲局局长李四，以及乙署署长王五拜会了丙部副部长赵六。"
    assert _found(text, names) == {
        ("meets", "张三", "赵六"),
        ("meets", "李四", "赵六"),
        ("meets", "王五", "赵六"),
    }
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("王五", "PERSON")]
    text = "张三今早与甲银行行长李四、乙所主席王五，以及当地商界人士会面。"
    assert _found(text, names) == {("meets", "张三", "李四"), ("meets", "张三", "王五")}


def test_after_the_verb_a_comma_before_yiji_ends_the_clause():
    # 会见了A，以及与B会面: a second verb phrase, each with its own partner
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("王五", "PERSON")]
    text = "张三随后会见李四，以及与乙部部长王五会面。"
    assert _found(text, names) == {("meets", "张三", "李四"), ("meets", "张三", "王五")}


def test_a_name_listed_after_a_bodys_unnamed_officials_is_met():
    names = [("张三", "PERSON"), ("甲州政府", "ORG"), ("乙所", "ORG"), ("李四", "PERSON")]
    text = "张三亦与甲州政府官员及乙所总裁李四会面。"
    assert _found(text, names) == {("meets", "张三", "李四")}
    names = [("张三", "PERSON"), ("甲州政府", "ORG")]
    assert _found("张三亦与甲州政府官员及企业界人士会面。", names) == set()


def test_people_named_after_baokuo_are_met_where_the_partner_is_a_bodys_unnamed_officials():
    names = [("张三", "PERSON"), ("甲组织", "ORG"), ("乙部", "ORG"), ("李四", "PERSON")]
    text = "张三顺道与甲组织要员会面，包括乙部主任李四。"
    assert _found(text, names) == {("meets", "张三", "李四")}
    # officials, then bodies: the officials of the bodies are met, the bodies are no party
    names = [("张三", "PERSON"), ("甲组织", "ORG"), ("乙部", "ORG"), ("丙局", "ORG")]
    assert _found("张三与甲组织官员会面，包括乙部和丙局。", names) == set()


def test_a_latin_name_after_a_relative_clause_before_a_verb_of_meeting_is_met():
    # the model read the whole name as a body; after 的 and before 会面 it is the one met
    names = [("王某", "PERSON"), ("甲国财政部", "ORG"), ("Jane Doe", "ORG")]
    text = "王某首先与甲国财政部主管对外事务的Jane Doe会面。"
    assert _found(text, names) == {("meets", "王某", "Jane Doe")}
    # no verb of meeting after it: the model's reading stands
    names = [("王某", "PERSON"), ("Jane Doe", "ORG")]
    assert _found("王某出席了甲国的Jane Doe论坛。", names) == set()
    # after 的 with a verb of meeting before it: any of the lexicon's (接待, not only 会见)
    names = [("王某", "PERSON"), ("甲国财政部", "ORG"), ("Jane Doe", "ORG")]
    text = "王某接待了甲国财政部主管对外事务的Jane Doe。"
    assert _found(text, names) == {("meets", "王某", "Jane Doe")}


@pytest.mark.parametrize("place", ["马耳他", "土耳其"])
def test_a_place_whose_name_ends_like_a_pronoun_does_not_hide_the_subject(place):
    # the 他 of 马耳他 and the 其 of 土耳其 are characters of a name, not pronouns
    names = [("张三", "PERSON"), (place, "LOC"), ("李四", "PERSON")]
    assert _found(f"张三表示对能在{place}会见李四感到高兴。", names) == {("meets", "张三", "李四")}


@pytest.mark.parametrize("rank", ["海军上将", "陆军中将", "跳水名将"])
def test_a_rank_or_epithet_with_jiang_still_qualifies_the_person_after_it(rank):
    # the 将 of a rank is no 将 of a plan: 甲国 does not become the subject of the agent's act
    names = [("甲国", "LOC"), ("张三", "PERSON"), ("乙公司", "ORG")]
    assert _found(f"甲国{rank}张三的律师昨天与乙公司签署协议。", names) == set()


@pytest.mark.parametrize("aide", ["经纪人", "律师", "秘书"])
def test_a_persons_aide_closing_a_clause_hands_on_no_named_subject(aide):
    names = [("张三", "PERSON"), ("乙公司", "ORG")]
    assert _found(f"歌手张三的{aide}，昨天已与乙公司签署协议。", names) == set()
    assert _found("歌手张三，昨天已与乙公司签署协议。", names) == {("signs_with", "张三", "乙公司")}


def test_latin_letters_typed_as_a_person_before_a_post_and_a_name_are_the_persons_body():
    names = [("张三", "PERSON"), ("Acme Holdings", "PERSON"), ("李四", "PERSON")]
    assert _found("张三与Acme Holdings主席李四会面。", names) == {("meets", "张三", "李四")}


@pytest.mark.parametrize("duty", ["负责反诈和海关事务", "主管海关和税务事宜"])
def test_a_bodys_official_in_charge_of_a_field_is_the_guest_not_the_body(duty):
    names = [("张三", "PERSON"), ("甲国财政部", "ORG"), ("Jane Doe", "PERSON"), ("李四", "PERSON")]
    text = f"张三先后会见甲国财政部{duty}的副部长Jane Doe，以及乙行行长李四。"
    assert _found(text, names) == {("meets", "张三", "Jane Doe"), ("meets", "张三", "李四")}


@pytest.mark.parametrize("kind", ["PERSON", "ORG"])
def test_bodies_before_their_officials_after_de_name_no_party_whatever_their_type(kind):
    # the model may type a firm as a person (甲信|PERSON); 的高层 are a body's officials
    names = [("张三", "PERSON"), ("甲信", kind), ("乙普", kind)]
    assert _found("张三分别与甲信和乙普的高层会面。", names) == set()
    assert _found("张三与丙公司的管理层会面。", [("张三", "PERSON"), ("丙公司", "ORG")]) == set()
    # ... but a body's representatives stand for it (的高层代表)
    assert _found("张三与丙公司的高层代表会面。", [("张三", "PERSON"), ("丙公司", "ORG")]) == {
        ("meets", "张三", "丙公司")
    }


def test_an_honorary_post_is_a_post_between_the_body_and_the_name():
    names = [("张三", "PERSON"), ("甲党", "ORG"), ("李四", "PERSON")]
    assert _found("张三拜会了甲党荣誉主席李四。", names) == {("meets", "张三", "李四")}


def test_a_titled_name_after_yu_is_governed_and_hands_on_no_subject():
    names = [("乙航空", "ORG"), ("李四", "PERSON"), ("丙交易所", "ORG")]
    text = "行程包括与乙航空总裁李四共进午餐，参观丙交易所。"
    assert not any(source == "李四" for _, source, _ in _found(text, names))


@pytest.mark.parametrize("attend", ["出席", "参加", "主持"])
def test_what_is_attended_before_a_visit_in_the_same_clause_is_no_visitor(attend):
    names = [("张三", "PERSON"), ("甲理事会", "ORG"), ("乙公司", "ORG")]
    text = f"张三会{attend}甲理事会午餐会和参观乙公司。"
    assert _found(text, names) == {("visits", "张三", "乙公司")}


@pytest.mark.parametrize("press", ["传媒", "中外记者"])
def test_two_people_who_meet_the_press_together_do_not_meet_each_other(press):
    names = [("张三", "PERSON"), ("李四", "PERSON")]
    assert _found(f"张三和李四今日下午会见{press}。", names) == set()
    assert _found("张三和李四今日下午会面。", names) == {("meets", "张三", "李四")}


def test_a_clause_of_people_joined_by_yu_alone_hands_on_all_of_them():
    names = [("张三", "PERSON"), ("李四", "PERSON"), ("王五", "PERSON"), ("赵六", "PERSON")]
    text = "其后，张三与李四及王五，先后拜访了甲局局长赵六。"
    found = _found(text, names)
    assert found == {("meets", p, "赵六") for p in ("张三", "李四", "王五")}
    # 与 before a verb of its own still names the partner met
    assert _found("张三与李四会面，并拜访了赵六。", names[:2] + names[3:]) == {
        ("meets", "张三", "李四"),
        ("meets", "张三", "赵六"),
    }


def test_a_bracket_the_models_name_took_from_an_aside_is_not_part_of_the_party():
    text = "张三与甲委员会（甲委）主席李四及乙委员会（乙委）主席王五会面。"
    names = [("张三", "PERSON"), ("甲委员会", "ORG"), ("甲委", "ORG"), ("李四", "PERSON")]
    names += [("乙委员会", "ORG"), ("王五", "PERSON")]
    extraction = _extraction(text, names)
    start = text.index("乙委）")
    model_names = [(start, start + 3, "乙委）", "ORG")]  # the closing bracket run in
    found = {(r.relation, r.source, r.target) for r in find_relations(extraction, model_names)}
    assert found == {("meets", "张三", "李四"), ("meets", "张三", "王五")}


@pytest.mark.parametrize(
    "text, found",
    [
        ("张三之后拜会了乙国总理李四。", {("meets", "张三", "李四")}),
        ("张三之后到访甲银行。", {("visits", "张三", "甲银行")}),
        # any verb of the lexicon's visits and meetings, not a list of its own
        ("张三之后到甲银行调研。", {("visits", "张三", "甲银行")}),
        ("张三之后接见了乙国总理李四。", {("meets", "张三", "李四")}),
    ],
)
def test_zhihou_right_after_a_persons_name_is_then_not_a_frame(text, found):
    names = [("张三", "PERSON"), ("乙国", "LOC"), ("李四", "PERSON"), ("甲银行", "ORG")]
    names = [n for n in names if n[0] in text]
    assert _found(text, names) == found


@pytest.mark.parametrize("name", ["Jane van der Doe", "Péter Szőke", "Ana Lucia do Val"])
def test_a_latin_name_with_particles_or_accents_after_a_post_is_met_whole(name):
    text = f"甲某会晤乙国财政部长{name}。"
    assert _found(text, [("甲某", "PERSON"), ("乙国", "LOC")]) == {("meets", "甲某", name)}


def test_a_latin_name_after_de_and_a_verb_of_meeting_before_it_is_met():
    text = "甲某会晤发展、工业和贸易部的Ana Lucia do Val。"
    assert _found(text, [("甲某", "PERSON")]) == {("meets", "甲某", "Ana Lucia do Val")}


def test_a_post_in_quotation_marks_between_yu_and_the_name_keeps_the_partner():
    names = [("张三", "PERSON"), ("李四", "PERSON")]
    assert _found("张三明日会与甲地「财务部长」李四会面。", names) == {("meets", "张三", "李四")}


@pytest.mark.parametrize("post", ["经济部长", "财政部长", "建设大臣"])
def test_a_countrys_unnamed_minister_of_a_field_is_no_party(post):
    # a minister named by the ministry's field, with no name after: unnamed, as 甲国总统 is
    names = [("张三", "PERSON"), ("法国", "LOC")]
    assert _found(f"张三会晤了法国{post}。", names) == set()
    names += [("李四", "PERSON")]
    assert _found(f"张三会晤了法国{post}李四。", names) == {("meets", "张三", "李四")}
