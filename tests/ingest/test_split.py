from pathlib import Path

import pytest

from kg.ingest import articles_from_page
from kg.ingest.layout import paragraphs
from kg.ingest.split import join_title, overlap, split_page

SEEDS = Path(__file__).parent.parent.parent / "seeds"


def _page(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return articles_from_page(path.read_text(encoding="utf-8"), source=str(path), stem=path.stem)


def _people(article) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in article.byline]


def test_split_seed_000_articles_in_order() -> None:
    arts = _page("000")
    assert [a.title for a in arts] == [
        "聊城市“平安医院”建设工作推进会召开",
        None,  # photo caption credited "■ 本报记者 许金松"
        "我市加快培育形成新质生产力",
        "聊城工业经济稳中向好进中提质",
        "2024预制菜产业全国基地百强名单公布 莘县位居全国第20位",
        "同比增长162% 我市55家企业入选2024年山东省瞪羚企业公示名单",
        "“瞪羚”涌现折射经济韧性",
        "“农”墨重彩好“丰”光——回眸2024系列报道③",
        "希望，在田野上升腾",
    ]
    assert [_people(a) for a in arts] == [
        [("姜振", "记者"), ("邵文琪", "记者")],
        [("许金松", "记者")],
        [("赵琦", "记者")],
        [("赵琦", "记者")],
        [("赵琦", "记者")],
        [("姬翔", "记者"), ("李盼盼", "通讯员")],
        [("王博", "作者")],
        [("王军豪", "记者")],
        [],
    ]
    assert [a.id for a in arts] == [f"000_d5fc0324093e45a3#{n}" for n in range(1, 10)]
    first = arts[0]
    assert first.text.startswith("12月20日，聊城市“平安医院”建设工作推进会召开。副市长马卫红")
    assert "姜振" not in first.text and "本报讯" not in first.text
    assert first.date is None  # the page states no year
    assert (
        arts[1].text.startswith("12月17日，在中通客车") and "共16大系列260余个品种" in arts[1].text
    )


def test_split_seed_001_datelines_and_bylines_before_body() -> None:
    arts = _page("001")
    assert len(arts) == 11
    assert arts[0].title == "推介会上，市长讲了5个“小故事”"
    assert "故事一：来自德国的“轴承订单”" in arts[0].paragraphs  # a subhead stays in the body
    assert [a.dateline for a in arts if a.dateline] == [
        "聊城",
        "聊城",
        "聊城",
        "聊城",
        "临清",
        "东阿",
        "聊城",
        "聊城",
    ]
    assert _people(arts[2]) == [("薛良诚", "记者"), ("刘淑娟", "通讯员"), ("罗珂", "通讯员")]
    assert arts[3].title == "聊城卫生健康产才共融发展交流会在京举行"
    assert arts[2].text.startswith("环境干净整洁")


@pytest.mark.parametrize(
    ("prefix", "count"),
    [("000", 9), ("001", 11), ("002", 8), ("003", 10), ("004", 8)],
)
def test_split_seed_pages_article_counts_and_clean_text(prefix: str, count: int) -> None:
    arts = _page(prefix)
    assert len(arts) == count
    for a in arts:
        assert a.text and "■" not in a.text and "□" not in a.text
        assert "下转" not in a.text and "本 报" not in a.text
        for s in a.sentences:
            assert a.text[s.start : s.end] == s.text


def test_split_jump_mark_ends_the_paragraph_before_a_headline() -> None:
    arts = _page("004")
    council = [a for a in arts if a.title == "市政协党组（扩大）会议召开"]
    assert len(council) == 1
    assert council[0].text.endswith("确定的各项目标任务上来，")


def test_split_titles_first_page() -> None:
    page = (
        "某市召开工作会议\n\n本报讯（记者 张三）12月1日，某市召开工作会议，\n部署明年工作。\n\n"
        "某区开展志愿活动\n\n本报某区讯（通讯员 李四）近日，某区开展志愿活动。\n"
    )
    drafts = split_page(paragraphs(page))
    assert [(d.final_title, d.lead.dateline if d.lead else None) for d in drafts] == [
        ("某市召开工作会议", None),
        ("某区开展志愿活动", "某区"),
    ]


def test_split_a_dispatch_after_its_headline_and_photo_caption_is_one_article() -> None:
    # a national paper's page: headline, a photo's caption with its credit, then the dated
    # dispatch (本报某地6月3日电); a second dispatch on the same page is a story of its own
    page = (
        "某部长会见来宾\n\n6月3日，某部长在某地会见来宾。　　本报记者  王五摄\n\n"
        "本报某地6月3日电（记者张三、李四）某部长3日在某地会见来宾。\n\n双方交换了意见。\n\n"
        "本报某市6月4日电（记者赵六）某市召开会议。\n"
    )
    drafts = split_page(paragraphs(page))
    assert [(d.final_title, d.lead.dateline, d.lead.byline) for d in drafts] == [
        ("某部长会见来宾", "某地", "记者张三、李四"),
        (None, "某市", "记者赵六"),
    ]
    assert drafts[0].paragraphs[0].startswith("6月3日")


@pytest.mark.parametrize(
    ("parts", "title"),
    [
        (["聊城卫生健康产才共融", "发展交流会在京举行"], "聊城卫生健康产才共融发展交流会在京举行"),
        (
            ["固本强基 行稳致远", "——聊城扩大国资国企有效投资"],
            "固本强基 行稳致远——聊城扩大国资国企有效投资",
        ),
        (["同比增长162%", "我市55家企业入选名单"], "同比增长162% 我市55家企业入选名单"),
    ],
)
def test_split_join_title(parts: list[str], title: str) -> None:
    assert join_title(parts) == title


def test_split_overlap() -> None:
    assert overlap("推进会召开", "12月20日，推进会召开。") == 1.0
    assert overlap("故事一：来自德国", "会议召开") == 0.0
