"""Title chains -> roles, on the default LAC backend (a model: only robust facts are asserted)."""

import pytest


def roles_of(extraction) -> set[tuple[str, str, str | None]]:
    return {(r.person, r.title, r.org) for r in extraction.roles}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "市委副书记、市长张百顺出席会议。",
            {("张百顺", "副书记", "市委"), ("张百顺", "市长", "市政府")},
        ),
        (
            "海关总署署长张百顺出席会议。",  # the head of an office (署) of a ministry's rank
            {("张百顺", "署长", "海关总署")},
        ),
        (
            "副市长、市公安局局长李强出席。",
            {("李强", "副市长", "市政府"), ("李强", "局长", "市公安局")},
        ),
        (
            "市人大常委会党组成员、副主任杨广平、刘东昌、马广朋出席。",
            {
                (p, t, "市人大常委会")
                for p in ("杨广平", "刘东昌", "马广朋")
                for t in ("党组成员", "副主任")
            },
        ),
        (
            # 高峰 is also a common noun; the chain makes it a name
            "市发展改革委党组书记、主任高峰介绍情况。",
            {("高峰", "党组书记", "市发展改革委"), ("高峰", "主任", "市发展改革委")},
        ),
        (
            "市委常委、常务副市长刘文强出席会议并讲话。",  # 市委常委 is one word for the model
            {("刘文强", "常委", "市委"), ("刘文强", "常务副市长", "市政府")},
        ),
        (
            "市政协党组成员、秘书长周文明出席会议。",  # 党组 glued to the organisation
            {("周文明", "党组成员", "市政协"), ("周文明", "秘书长", "市政协")},
        ),
    ],
)
def test_titles_chain_gives_one_role_per_title_per_person(extract, text, expected):
    assert expected <= roles_of(extract(text))


def test_titles_comma_ends_a_chain(extract):
    roles = roles_of(extract("副市长马卫红，副市长、市公安局局长李强出席。"))
    assert ("马卫红", "副市长", "市政府") in roles
    assert not any(p == "马卫红" and t == "局长" for p, t, _ in roles)


def test_titles_place_before_mayor_names_its_government(extract):
    roles = roles_of(extract("东昌府区区长王明出席活动。"))
    assert ("王明", "区长", "东昌府区人民政府") in roles


def test_titles_without_a_name_give_no_role(extract):
    assert roles_of(extract("会议要求各级局长和主任要提高认识。")) == set()


def test_titles_a_surname_and_a_verb_of_saying_are_no_name(extract):
    # 时 is a surname; 记者时表示 is "when meeting reporters, said"
    ex = extract("部长在会见记者时表示，将继续改革。")
    assert roles_of(ex) == set() and "时表示" not in {m.text for m in ex.mentions}


def test_titles_name_found_by_chain_becomes_person_mention(extract):
    ex = extract("市发展改革委党组书记、主任高峰介绍情况。")
    assert ("高峰", "PERSON") in {(m.text, m.type) for m in ex.mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "孝丰镇党委书记赵文军介绍情况。",
            ("赵文军", "党委书记", "孝丰镇"),
        ),  # the town, not a 镇党委 node
        (
            "郑州市委常委、巩义市委书记秦志远出席。",
            ("秦志远", "书记", "巩义市委"),
        ),  # not 郑州市委巩义市委
        ("来安县委副书记、县长孔德明出席。", ("孔德明", "县长", "来安县人民政府")),
    ],
)
def test_titles_chain_organisations(extract, text, expected):
    assert expected in roles_of(extract(text))


def test_titles_a_body_is_no_department_of_the_previous_one(extract):
    roles = roles_of(extract("中央军委副主席、中共中央政治局委员张震出席。"))
    assert not any(org and org.count("中央军委") > 1 for _, _, org in roles)
    assert not any(org and org.startswith("中央军委中共") for _, _, org in roles)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "会议决定任命张宏为市教育和体育局局长，刘振宇为市水利局局长。",
            {("张宏", "局长", "市教育和体育局"), ("刘振宇", "局长", "市水利局")},
        ),
        ("大会选举王芳为市人大常委会主任。", {("王芳", "主任", "市人大常委会")}),
        ("会议任命李明为副市长。", {("李明", "副市长", "市政府")}),
    ],
)
def test_titles_appointments_name_the_person_before_the_post(extract, text, expected):
    assert roles_of(extract(text)) == expected


def test_titles_a_post_after_wei_without_an_appointment_is_no_role(extract):
    assert roles_of(extract("他认为市场监管局局长很重要。")) == set()


def test_titles_next_title_after_a_name_list_keeps_the_body(extract):
    roles = roles_of(extract("牡丹江医科大学附属红旗医院党委书记张伟、院长赵卫国出席。"))
    assert ("赵卫国", "院长", "牡丹江医科大学附属红旗医院") in roles
    # a title that names its own body does not inherit the previous one
    assert roles_of(extract("市长张三、副市长李四出席。")) == {
        ("张三", "市长", "市政府"),
        ("李四", "副市长", "市政府"),
    }


def test_titles_org_before_a_declared_short_form_keeps_its_title(extract):
    roles = roles_of(extract("江西红都油茶科技有限公司（以下简称“红都油茶”）总经理谢永福表示。"))
    assert roles == {("谢永福", "总经理", "江西红都油茶科技有限公司")}


def test_titles_bare_zone_body_in_a_chain_is_the_zones(extract):
    ex = extract("滨海经济开发区党工委书记、管委会主任刘建国介绍情况。")
    assert {
        ("刘建国", "党工委书记", "滨海经济开发区"),
        ("刘建国", "主任", "滨海经济开发区管委会"),
    } <= roles_of(ex)
    assert ("滨海经济开发区管委会", "ORG") in {(m.text, m.type) for m in ex.mentions}


def test_titles_bare_party_department_after_its_committee(extract):
    ex = extract("县委常委、宣传部部长王晓丽主持会议。")
    assert {("王晓丽", "常委", "县委"), ("王晓丽", "部长", "县委宣传部")} <= roles_of(ex)


def test_titles_military_body_of_a_place(extract):
    ex = extract("市委常委、桂林军分区政委张建军出席。")
    assert {("张建军", "常委", "市委"), ("张建军", "政委", "桂林军分区")} <= roles_of(ex)
    assert ("桂林军分区", "ORG") in {(m.text, m.type) for m in ex.mentions}


def test_titles_a_town_head_serves_the_town(extract):
    ex = extract("清水镇党委副书记、镇长李文华汇报了情况。")
    assert ("李文华", "镇长", "清水镇") in roles_of(ex)
    assert all(r.org_type == "LOC" for r in ex.roles if r.title == "镇长")


def test_titles_bare_village_committee_in_a_chain_is_the_villages(extract):
    ex = extract("南湾村党支部书记、村委会主任王大明介绍。")
    assert {("王大明", "党支部书记", "南湾村"), ("王大明", "主任", "南湾村村委会")} <= roles_of(ex)


def test_titles_a_projects_people_work_for_the_body_it_is_named_after(extract):
    ex = extract("华兴集团年产5万吨饲料项目负责人郭明说，设备已经投用。")
    assert ("郭明", "负责人", "华兴集团") in roles_of(ex)


def test_titles_that_company_is_the_last_company_named(extract):
    ex = extract("宏远牧业有限公司养殖了3000只羊。“既耐粗饲又适合圈养。”该公司总经理王丽告诉记者。")
    assert ("王丽", "总经理", "宏远牧业有限公司") in roles_of(ex)


def test_titles_an_official_concerned_is_no_post(extract):
    ex = extract("市不动产登记中心办公室相关负责人马明介绍情况。")
    assert not any(r.title == "负责人" for r in ex.roles)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("英国财政大臣布朗在伦敦发表讲话。", ("财政大臣", "英国")),  # a minister of a monarchy
        (
            "日本兵库县知事贝原俊民出席了仪式。",
            ("知事", "兵库县"),
        ),  # a Japanese prefecture's governor
    ],
)
def test_titles_foreign_posts_are_posts(extract, text, expected):
    # the name's extent is the model's; the post and its body are the lexicon's
    assert expected in {(title, org) for _, title, org in roles_of(extract(text))}


def test_titles_a_word_never_a_name_holds_no_post(extract):
    # 于是 opening a clause is no name, whatever title follows later
    assert roles_of(extract("于是，他带领官兵来到化肥厂参观，请厂长介绍经过。")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("李红旗部长出席会议。", ("李红旗", "部长", None)),
        ("会议由李红旗局长主持。", ("李红旗", "局长", None)),
        # after a surname and title in a list (王书记、): the name holds the post, it is no body
        ("会议传达了王书记、李红旗部长的讲话。", ("李红旗", "部长", None)),
        # a title that heads no body its first character names
        ("在李红旗司令员的指挥下，部队出发。", ("李红旗", "司令员", None)),
    ],
)
def test_titles_a_name_right_before_a_title_is_its_holder_not_its_body(extract, text, expected):
    assert roles_of(extract(text)) == {expected}


def test_titles_a_ministry_after_a_governments_post_is_the_states(extract):
    # a government's departments are 局, 厅, 委, 办; a 部 is a party committee's or the state's
    roles = roles_of(extract("出席的有上海市市长张大明，水利部副部长李红旗。"))
    assert ("李红旗", "副部长", "水利部") in roles
    assert ("李红旗", "部长", "市委宣传部") in roles_of(extract("市委常委、宣传部部长李红旗出席。"))
