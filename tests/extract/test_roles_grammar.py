"""The role grammar on every way news names a post (issue: roles on real text).

Sentences are written for the mechanism they test, on the default LAC backend; the measured
quality is in docs/people.md (`kg eval --corpus msra-roles|cluener-roles|resume-roles`)."""

import pytest
from spacy.tokens import Doc, Span

from kg.extract.backends.doc import shared_vocab
from kg.extract.titles import TitleChainsComponent


def pairs(extraction) -> set[tuple[str, str]]:
    return {(r.person, r.title) for r in extraction.roles}


def by_pair(extraction) -> dict[tuple[str, str], object]:
    return {(r.person, r.title): r for r in extraction.roles}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("江泽民主席会见了来访的客人。", {("江泽民", "主席")}),  # name before title
        ("陈木胜导演说，这部电影拍了三年。", {("陈木胜", "导演")}),
        (
            "国务院副总理兼外交部长钱其琛出席会议。",
            {("钱其琛", "副总理"), ("钱其琛", "部长")},
        ),  # 兼
        ("司令员兼政治委员张国华讲话。", {("张国华", "司令员"), ("张国华", "政治委员")}),
        ("美国总统克林顿26日说，访问将如期进行。", {("克林顿", "总统")}),  # a name the rules drop
        ("中国驻美大使李道豫说，两国关系正在改善。", {("李道豫", "大使")}),
        ("加州州长威尔逊表示反对。", {("威尔逊", "州长")}),
        ("部长助理杨洁篪会见了代表团。", {("杨洁篪", "部长助理")}),
        ("特别助理曾庆红出席。", {("曾庆红", "特别助理")}),
        ("英国首相布莱尔28日表示，他对前途充满信心。", {("布莱尔", "首相")}),
        (
            "国务院总理李强5日在北京作政府工作报告。",
            {("李强", "总理")},
        ),  # a name followed by a date
        ("公司首席执行官王明宣布了新的计划。", {("王明", "首席执行官")}),  # company posts
        ("该集团董事长刘永好和总裁李伟出席。", {("刘永好", "董事长"), ("李伟", "总裁")}),
        ("律所合伙人赵刚介绍了案情。", {("赵刚", "合伙人")}),
        ("中国代表团团长是李富荣。", {("李富荣", "团长")}),  # 是 between title and name
        ("任命马恩汉为驻挪威大使。", {("马恩汉", "大使")}),  # 任命…为…
        ("县长赵刚在会见省委副书记刘伟时表示，项目进展顺利。", {("刘伟", "副书记")}),  # not 刘伟时
    ],
)
def test_roles_grammar_finds_the_post(extract, text, expected):
    assert expected <= pairs(extract(text))


def test_roles_grammar_former_and_acting_posts(extract):
    roles = by_pair(extract("美国前国务卿基辛格访华。代市长张百顺主持会议。"))
    assert roles[("基辛格", "国务卿")].status == "former"
    assert roles[("张百顺", "代市长")].status == "acting"


@pytest.mark.parametrize(
    ("text", "title", "status"),
    [
        ("原菏泽市市长王建国出席会议。", "市长", "former"),
        ("前山东省副省长李红旗出席会议。", "副省长", "former"),
        ("代理菏泽市市长王建国出席会议。", "市长", "acting"),
        ("日前菏泽市市长王建国出席会议。", "市长", "current"),  # 前 of 日前 is no word of its own
    ],
)
def test_roles_grammar_a_status_word_before_the_body_holds_the_post(extract, text, title, status):
    (role,) = [r for r in extract(text).roles if r.title == title]
    assert role.status == status
    assert role.org.endswith("人民政府")


def test_roles_grammar_acting_mayor_serves_the_government(extract):
    """代理市长 is a 市长 of the city's government, as 代市长 is."""
    roles = by_pair(extract("菏泽市代理副市长王建国出席会议。"))
    role = roles[("王建国", "代理副市长")]
    assert (role.org, role.status) == ("菏泽市人民政府", "acting")


def test_roles_grammar_a_department_closed_by_its_title(extract):
    roles = by_pair(extract("中国财政部长项怀诚在会上发言。"))
    assert "财政部" in roles[("项怀诚", "部长")].org


def test_roles_grammar_dismissal_is_a_former_post(extract):
    roles = by_pair(extract("会议决定免去王振书聊城市教育局局长职务。"))
    assert roles[("王振书", "局长")].status == "former"


def test_roles_grammar_profile_gives_its_subjects_posts(extract):
    text = "张三，男，汉族，1970年生，中共党员，现任聊城市交通运输局局长，曾任东阿县副县长。"
    roles = by_pair(extract(text))
    assert roles[("张三", "局长")].status == "current"
    assert roles[("张三", "副县长")].status == "former"


def test_roles_grammar_surname_and_title_is_the_articles_one_full_name(extract):
    one = extract("江泽民在会上讲话。会后，江主席会见了代表。")
    assert ("江泽民", "主席") in pairs(one)
    two = extract("江泽民和江春来出席。会后，江主席会见了代表。")  # two candidates: say nothing
    assert not any(t == "主席" for _, t in pairs(two))
    assert ("江泽民", "主席") not in pairs(two)


def test_roles_grammar_byline_never_absorbs_the_next_word(extract):
    ex = extract("本报北京5月6日讯记者苏宁报道：会议今天开幕。")
    assert ("苏宁", "记者") in pairs(ex)
    assert not any(p.startswith("苏宁报") for p, _ in pairs(ex))


def test_roles_grammar_a_title_after_a_name_ends_the_name(extract):
    ex = extract("总参谋长傅全有上将今天会见了客人。")
    assert {("傅全有", "总参谋长"), ("傅全有", "上将")} <= pairs(ex)


def test_roles_grammar_serving_title_belongs_to_the_post_before_it(extract):
    ex = extract("以色列总理发言人巴扎克在此间表示满意。")
    assert ("巴扎克", "发言人") in pairs(ex)
    assert ("巴扎克", "总理") not in pairs(ex)


# ---------------------------------------------------------------- the model's TITLE spans


def hand_doc(
    words: list[str], persons: list[tuple[int, int]], titles: list[tuple[int, int]] | None
) -> Doc:
    doc = Doc(shared_vocab(), words=words, spaces=[False] * len(words))
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0
    doc.ents = [Span(doc, s, e, label="PERSON") for s, e in persons]
    if titles is not None:
        doc.spans["model_titles"] = [Span(doc, s, e, label="TITLE") for s, e in titles]
    return doc


def test_roles_grammar_uses_the_models_title_spans():
    words = ["首席", "布道师", "李四", "说"]
    with_model = TitleChainsComponent()(hand_doc(words, [(2, 3)], [(0, 2)]))
    assert [(r.person, r.title) for r in with_model._.kg_roles] == [("李四", "首席布道师")]
    without = TitleChainsComponent()(hand_doc(words, [(2, 3)], None))
    assert without._.kg_roles == []


def test_roles_grammar_a_model_title_with_its_body_splits_there():
    words = ["光缆", "分厂", "副厂长", "张三", "出席"]
    doc = TitleChainsComponent()(hand_doc(words, [(3, 4)], [(0, 3)]))
    [role] = doc._.kg_roles
    assert (role.person, role.title, role.org) == ("张三", "副厂长", "光缆分厂")


def test_roles_grammar_a_day_after_the_name_dates_the_role(extract):
    ex = extract("国务院总理李强5日在北京作政府工作报告。")
    [role] = [r for r in ex.roles if r.person == "李强"]
    assert role.date is None  # no article date to put the day in
    from kg.extract.domain import stated_date

    assert stated_date("2024-03-06", 5) == "2024-03-05"
    assert stated_date("2024-03-02", 28) == "2024-02-28"  # a day still to come: last month
    assert stated_date("2024-03-06", None) == "2024-03-06"


def test_roles_grammar_a_list_of_names_before_a_title_all_hold_it(extract):
    ex = extract("1982年起，李冰、黎均耀教授等在林州进行试验。")
    assert {("李冰", "教授"), ("黎均耀", "教授")} <= pairs(ex)
