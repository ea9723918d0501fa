"""The trigger lexicon as data: its rows, frames and country forms (relations/lexicon.py)."""

from __future__ import annotations

import pytest

from kg.extract.relations import frame_triggers, load_triggers, trigger_pattern
from tests.extract.relations.helpers import _found


def test_triggers_are_data_with_the_four_types():
    triggers = load_triggers()
    assert triggers["调研"] == "visits" and triggers["会见"] == "meets"
    assert triggers["签署"] == "signs_with" and triggers["注资"] == "invests_in"


def test_a_pair_of_countries_whose_one_character_forms_are_ambiguous_is_a_data_row():
    # 巴 alone is 巴基斯坦 or 巴勒斯坦; in 巴以 and 印巴 it is one of them (lexicons/country_pairs.tsv).
    assert _found("评论说，这违反了巴以业已签署的协议。", [("巴", "LOC"), ("以", "LOC")]) == {
        ("signs_with", "巴勒斯坦", "以色列")
    }
    assert _found("他说，印巴两国将举行会谈。", []) == {("meets", "印度", "巴基斯坦")}
    assert _found("他说，巴西与阿根廷签署了协议。", [("巴西", "LOC"), ("阿根廷", "LOC")]) == {
        ("signs_with", "巴西", "阿根廷")
    }


def test_pairs_of_country_forms_are_data_with_an_example():
    from kg.extract.relations import country_pairs

    assert country_pairs()["黎以"] == ("黎巴嫩", "以色列")
    text = "他说，黎以将签署一项停火安排。"
    assert _found(text, []) == {("signs_with", "黎巴嫩", "以色列")}


@pytest.mark.parametrize(
    "pair, first, second",
    [("巴印", "巴基斯坦", "印度"), ("中坦", "中国", "坦桑尼亚"), ("中奥", "中国", "奥地利")],
)
def test_a_pair_in_either_order_and_the_rarer_country_forms_are_rows(pair, first, second):
    assert _found(f"他说，{pair}两国将签署协议。", []) == {("signs_with", first, second)}


def test_a_pair_of_country_forms_the_model_took_as_one_place_is_two_partners_of_a_joint_venture():
    names = [("中坦", "LOC"), ("甲纺织厂", "ORG")]
    assert _found("中坦合资兴建的甲纺织厂已经投产。", names) == {
        ("invests_in", "中国", "甲纺织厂"),
        ("invests_in", "坦桑尼亚", "甲纺织厂"),
    }


def test_verbs_of_a_stake_or_a_joint_venture_are_investments():
    triggers = load_triggers()
    assert {triggers[t] for t in ("斥资", "入股", "参股", "合资")} == {"invests_in"}
    names = [("甲集团", "ORG"), ("乙中心", "ORG")]
    assert _found("甲集团斥资2亿元，建立乙中心。", names) == {("invests_in", "甲集团", "乙中心")}
    names = [("甲集团", "ORG"), ("乙公司", "ORG")]
    assert _found("甲集团参股乙公司。", names) == {("invests_in", "甲集团", "乙公司")}
    # 合资 as a noun: a kind of enterprise, no event
    assert _found("甲集团在乙国建立了39家合资企业。", [("甲集团", "ORG"), ("乙国", "LOC")]) == set()


def test_more_verbs_of_visits_meets_and_signing_are_triggers():
    triggers = load_triggers()
    assert triggers["到访"] == triggers["巡视"] == triggers["顺访"] == "visits"
    names = [("甲团", "ORG"), ("乙国", "LOC"), ("丙国", "LOC")]
    assert _found("甲团访问乙国并顺访丙国。", names) == {
        ("visits", "甲团", "乙国"),
        ("visits", "甲团", "丙国"),
    }
    assert triggers["拜会"] == triggers["会面"] == "meets"
    assert (
        triggers["缔结"] == triggers["草签"] == triggers["签定"] == triggers["签下"] == "signs_with"
    )
    names = [("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found("甲某拜会了乙某。", names) == {("meets", "甲某", "乙某")}
    names = [("甲市", "LOC"), ("乙市", "LOC")]
    assert _found("甲市与乙市缔结友好城市关系。", names) == {("signs_with", "甲市", "乙市")}


def test_the_lexicons_pair_frame_names_the_verbs_whose_parties_come_together():
    # a verb framed pair (or talks) takes two countries' one-character forms before it; only
    # talks take countries as the parties of a meeting; a visit verb takes a one-character place
    # after 来/赴
    pair = frame_triggers("pair", "talks")
    assert {"签署", "会面", "会谈"} <= pair and not {"会见", "签约"} & pair
    assert frame_triggers("talks") == {"会谈", "会晤"}
    names = [("丙市", "LOC")]
    assert _found("中俄今天在丙市签署协定。", names) == {("signs_with", "中国", "俄罗斯")}
    assert _found("中俄今天在丙市签约。", names) == set()  # clubs and firms 签约
    names = [("德国", "LOC"), ("法国", "LOC"), ("丙市", "LOC")]
    assert _found("德国与法国今天在丙市会谈。", names) == {("meets", "德国", "法国")}
    assert _found("德国与法国今天在丙市会面。", names) == set()  # friends and fans 会面 too
    assert _found("甲某与德国球迷会面。", [("甲某", "PERSON"), ("德国", "LOC")]) == set()
    assert _found("甲某还将来华巡视。", [("甲某", "PERSON")]) == {("visits", "甲某", "中国")}


def test_the_trigger_lexicon_names_a_bad_row_by_its_line(tmp_path, monkeypatch):
    from kg.extract.relations import lexicon

    monkeypatch.setattr(lexicon, "LEXICONS", tmp_path)
    rows = {
        "会见\tmeets\tround\thost meets guest\n": "unknown frame 'round'",
        "会见\tmeets\n": "2 columns",
        "会见\tmet\t-\thost\n": "unknown relation 'met'",
    }
    for row, message in rows.items():
        (tmp_path / "relation_triggers.tsv").write_text("# header\n" + row, encoding="utf-8")
        with pytest.raises(ValueError, match=f"relation_triggers.tsv:2: .*{message}"):
            lexicon._trigger_rows.__wrapped__()


def test_calls_on_people_in_their_place_are_visits():
    assert load_triggers()["慰问"] == load_triggers()["看望"] == "visits"
    names = [("甲某", "PERSON"), ("乙县", "LOC")]
    assert _found("甲某到乙县慰问困难群众。", names) == {("visits", "甲某", "乙县")}
    names = [("甲某", "PERSON"), ("乙部队", "ORG")]
    assert _found("甲某看望慰问了乙部队。", names) == {("visits", "甲某", "乙部队")}
    # a person called on is no target; a 慰问团 is a noun
    assert _found("甲某看望了乙某。", [("甲某", "PERSON"), ("乙某", "PERSON")]) == set()
    names = [("甲省", "LOC"), ("乙地", "LOC")]
    assert _found("甲省慰问团抵达乙地。", names) == set()


def test_a_host_receiving_and_a_caller_are_meetings():
    assert load_triggers()["接待"] == load_triggers()["拜访"] == "meets"
    names = [("甲某", "PERSON"), ("乙国代表团", "ORG")]
    assert _found("甲某接待了乙国代表团。", names) == {("meets", "甲某", "乙国代表团")}
    names = [("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found("甲某拜访了乙某。", names) == {("meets", "甲某", "乙某")}
    # guests of a kind, and the nouns of the lexicon's fifth column
    assert _found("甲公司去年共接待游客10万人次。", [("甲公司", "ORG")]) == set()
    names = [("甲某", "PERSON"), ("乙某", "PERSON")]
    assert _found("甲某在接待室里等乙某。", names) == set()


def test_a_verb_inside_a_longer_word_is_no_trigger():
    # the lexicon's fifth column: 到访 of 谈到访问, 团拜会, 会面 of 会面临
    assert trigger_pattern(["到访"]) == "到访(?!问)"
    names = [("乙国", "LOC"), ("甲某", "PERSON")]
    assert _found("在谈到访问乙国的印象时，甲某说。", names) == {("visits", "甲某", "乙国")}
    names = [("甲某", "PERSON"), ("乙国", "LOC")]
    assert _found("甲某在团拜会上说，乙国将会面临困难。", names) == set()


@pytest.mark.parametrize(
    "text",
    [
        "甲某致电乙某，对丙地的灾民表示慰问。",  # greetings conveyed: the verb is their noun
        "甲某致电乙某，对丙地表示深切的同情和慰问。",
        "甲某电话慰问丙地的考察队员。",  # from afar
        "甲某、乙某听取了赴丙地慰问组的汇报。",  # a noun of the lexicon's fifth column
    ],
)
def test_greetings_sent_are_no_visit(text):
    names = [("甲某", "PERSON"), ("乙某", "PERSON"), ("丙地", "LOC")]
    assert _found(text, [n for n in names if n[0] in text]) == set()


def test_the_place_gone_to_and_the_verbs_own_object_are_both_visited():
    names = [("王某", "PERSON"), ("甲市", "LOC"), ("乙厂", "ORG"), ("丙所", "ORG")]
    assert _found("王某转往甲市考察乙厂和丙所。", names) == {
        ("visits", "王某", "甲市"),
        ("visits", "王某", "乙厂"),
        ("visits", "王某", "丙所"),
    }
    # a body that only qualifies what is inspected is no object of the verb
    assert _found("王某到甲市考察乙厂的生产线。", names[:3]) == {("visits", "王某", "甲市")}
    # only the lexicon's tour verbs: 走访 and 看望 may take people (a name the model took for a place)
    assert {"考察", "参观", "视察"} <= frame_triggers("tour")
    assert not {"走访", "看望", "慰问", "检查"} & frame_triggers("tour")
    names = [("王某", "PERSON"), ("甲市", "LOC"), ("乙某", "LOC")]
    assert _found("王某到甲市走访乙某。", names) == {("visits", "王某", "甲市")}
