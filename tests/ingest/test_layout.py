import pytest

from kg.ingest.layout import fix_spacing, paragraphs, remove_continuations


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("本 报 记 者", "本报记者"),
        ("1 2 月 2 0 日", "12月20日"),
        ("12 月 20 日，", "12月20日，"),
        ("共 16 大系列 260余个", "共16大系列260余个"),
        ("增 加 值 分 别 同 比 增 长 29.4% 、14.2% 和", "增加值分别同比增长29.4%、14.2%和"),
        ("人才2 .7万人", "人才2.7万人"),
        ("市值近4 0 0 亿元", "市值近400亿元"),
        ("占 GDP 比重", "占GDP比重"),
        # spaces between multi-glyph words separate names and phrases: kept
        ("记者 姜振 邵文琪", "记者 姜振 邵文琪"),
        ("本报记者 胡磊 薛良诚", "本报记者 胡磊 薛良诚"),
        ("固本强基 行稳致远", "固本强基 行稳致远"),
        ("Hello world", "Hello world"),
    ],
)
def test_layout_fix_spacing(raw: str, expected: str) -> None:
    assert fix_spacing(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("开展精准招商。（下转7版）", "开展精准招商。"),
        ("（上接1版）会议强调", "会议强调"),
        ("（下转第 3 版）", ""),
    ],
)
def test_layout_remove_continuations(raw: str, expected: str) -> None:
    assert remove_continuations(raw) == expected


def _texts(page: str) -> list[str]:
    return [p.text for p in paragraphs(page)]


def test_layout_joins_wrapped_lines_without_inserting() -> None:
    page = (
        "本报讯（记者 赵琦） 12 月 20 日，\n市政府新闻办公室举行新闻发布会，介\n"
        "绍构建聊城特色现代化产业体系有关\n情况。\n"
    )
    joined = (
        "本报讯（记者 赵琦）12月20日，市政府新闻办公室举行新闻发布会，"
        "介绍构建聊城特色现代化产业体系有关情况。"
    )
    assert _texts(page) == [joined]


def test_layout_a_headline_ending_on_its_photo_note_ends_its_paragraph() -> None:
    # （附图）, （附图片１张）: a headline's note that a photo goes with the story; the wrapped body
    # lines below it are joined as before
    page = "甲局部署安全生产工作（附图片１张）\n6月14日，甲局召开会议，部署安全\n生产工作。\n"
    assert _texts(page) == [
        "甲局部署安全生产工作（附图片１张）",
        "6月14日，甲局召开会议，部署安全生产工作。",
    ]


def test_layout_indented_lines_start_paragraphs() -> None:
    page = (
        "  故事一：来自德国的订单\n  2023年汉诺威工业展上，德国一家钢厂\n"
        "找到聊城参展企业。\n  第二段开始了。\n"
    )
    assert _texts(page) == [
        "故事一：来自德国的订单",
        "2023年汉诺威工业展上，德国一家钢厂找到聊城参展企业。",
        "第二段开始了。",
    ]


def test_layout_blank_line_inside_a_sentence_is_a_column_break() -> None:
    page = (
        "传统产业是我市的“家底”，12条制\n造业重点产业链大多数是传统产业。近\n\n"
        "年来，我市聚力推动传统产业转型升级，\n产业发展质效不断提升。\n\n"
        "高峰表示，现代化产业体系是新质\n生产力的根本依托和核心载体。\n"
    )
    assert _texts(page) == [
        "传统产业是我市的“家底”，12条制造业重点产业链大多数是传统产业。近年来，我市聚力推动传统产业转型升级，产业发展质效不断提升。",
        "高峰表示，现代化产业体系是新质生产力的根本依托和核心载体。",
    ]


def test_layout_short_headline_lines_are_not_glued_to_body() -> None:
    page = (
        "会议要求落实各项责任，推动工作。\n\n聊城市“平安医院”建设工作\n推进会召开\n\n"
        "12月17日，在中通客车\n装配车间。\n"
    )
    assert _texts(page) == [
        "会议要求落实各项责任，推动工作。",
        "聊城市“平安医院”建设工作推进会召开",
        "12月17日，在中通客车装配车间。",
    ]


def test_layout_byline_keeps_name_spaces_and_takes_its_role_line() -> None:
    page = "  □ 本 报 记 者  高田\n    本报通讯员 张蕴 郭占帅\n\n  “华建一街区11号楼有位邻居。\n"
    paras = paragraphs(page)
    assert [p.byline for p in paras] == [True, False]
    assert paras[0].text == "□ 本 报 记 者  高田 本报通讯员 张蕴 郭占帅"


def test_layout_mid_line_credit_is_split_off() -> None:
    paras = paragraphs("为粮食“安全入仓”提供有力保障。 ■ 张振祥 徐甜丽\n")
    assert [(p.text, p.byline) for p in paras] == [
        ("为粮食“安全入仓”提供有力保障。", False),
        ("■ 张振祥 徐甜丽", True),
    ]


def test_layout_long_lines_are_paragraphs_each() -> None:
    line = "这是一个很长的段落" * 10 + "。"
    assert _texts(f"{line}\n{line}\n") == [line, line]
