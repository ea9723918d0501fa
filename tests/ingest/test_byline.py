import pytest

from kg.ingest.byline import is_byline_line, parse_byline


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("■ 本报记者 许金松", [("许金松", "记者")]),
        ("□ 本报记者 胡磊 薛良诚", [("胡磊", "记者"), ("薛良诚", "记者")]),
        (
            "□记 者 薛良诚 通讯员 刘淑娟 罗珂 报道",
            [("薛良诚", "记者"), ("刘淑娟", "通讯员"), ("罗珂", "通讯员")],
        ),
        (
            "■ 本 报 记 者 董金鑫 本报通讯员 杨洁 范宪昊",
            [("董金鑫", "记者"), ("杨洁", "通讯员"), ("范宪昊", "通讯员")],
        ),
        ("记者 姜振 邵文琪", [("姜振", "记者"), ("邵文琪", "记者")]),
        ("记者高田", [("高田", "记者")]),
        ("■ 王博", [("王博", "作者")]),
        ("■ 张振祥 徐甜丽", [("张振祥", "作者"), ("徐甜丽", "作者")]),
        ("本报记者 李明 摄", [("李明", "记者")]),
        ("张三 摄", [("张三", "摄影")]),
        ("■ 本报评论员", []),
        ("□ 记者 阿依古丽·买买提", [("阿依古丽·买买提", "记者")]),
        ("记者 这是一个很长的不是名字的词", []),
        # the agency the role works for, and a two-glyph name printed to the width of three
        ("新华社记者  张  三摄", [("张三", "记者")]),
        ("记者 王 五 李四", [("王五", "记者"), ("李四", "记者")]),
        # a paper, agency or site the role works for is no name (甲日报记者, not a 甲日报 person)
        ("新华社记者李红旗、解放军报记者王建国", [("李红旗", "记者"), ("王建国", "记者")]),
        ("本报记者 张三 大众日报记者 李四", [("张三", "记者"), ("李四", "记者")]),
        ("人民网记者 赵六", [("赵六", "记者")]),
        ("记者 王建社 通讯员 李四", [("王建社", "记者"), ("李四", "通讯员")]),
        # a column's heading after a role names no one (data/column_words.txt)
        ("记者手记", []),
        ("记者观察", []),
    ],
)
def test_byline_parse(text: str, people: list[tuple[str, str]]) -> None:
    assert [(p.name, p.role) for p in parse_byline(text)] == people


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("□记者 高田 通讯员 张迪 报道", True),
        ("本报通讯员 杨洁 范宪昊", True),
        ("通讯员 杜银时 报道", True),
        ("记者从聊城召开的全市住房城", False),
        ("记者了解到，该项目已开工", False),
        ("聊城市工业经济持续稳定向好", False),
        ("新华社记者 张  三摄", True),
        ("记者手记", False),  # a column's heading
    ],
)
def test_byline_line_detection(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


def test_byline_names_never_absorb_the_words_after_them():
    assert [(p.name, p.role) for p in parse_byline("记者苏宁报道")] == [("苏宁", "记者")]
    assert [(p.name, p.role) for p in parse_byline("郜南摄")] == [("郜南", "摄影")]
    assert [(p.name, p.role) for p in parse_byline("记者张三通讯员李四报道")] == [
        ("张三", "记者"),
        ("李四", "通讯员"),
    ]


def test_byline_lines_without_spaces_and_photo_credits_are_bylines():
    assert is_byline_line("记者张三通讯员李四报道")
    assert is_byline_line("郜南摄")
    assert not is_byline_line("今天天气很好摄")  # five characters are no name
