import pytest

from kg.extract.places import gazetteer
from kg.resolve.names import HomePlace, company_core, expand_relative, normalize, org_key


def home(name: str) -> HomePlace:
    return HomePlace(place=gazetteer().resolve(name))


@pytest.mark.parametrize(
    ("surface", "at", "expected"),
    [
        ("市公安局", "聊城", "聊城市公安局"),
        ("市委", "聊城", "中共聊城市委员会"),
        ("市政府", "聊城", "聊城市人民政府"),
        ("市政协", "聊城", "政协聊城市委员会"),
        ("聊城市委", "聊城", "中共聊城市委员会"),
        ("中共聊城市委", "聊城", "中共聊城市委员会"),  # never 中共中共...
        ("市委", "临清", "中共临清市委员会"),  # a county-level city's own 市委
        ("县委", "冠县", "中共冠县委员会"),
        ("县委", "聊城", "县委"),  # no county to fill in: left as written
        ("省委", "聊城", "中共山东省委员会"),
        ("市场监管局", "聊城", "市场监管局"),  # 市场 is a word, not 市 + 场
        ("新时代市县政协", "聊城", "新时代市县政协"),  # 新时代市县 is no place
        ("国家", "聊城", "中国"),  # the state of 国家主席
        ("国家统计局", "聊城", "国家统计局"),  # a national body's own name stays
    ],
)
def test_names_expand_relative(surface, at, expected):
    assert expand_relative(surface, home(at), gazetteer()) == expected


def test_names_town_home_fills_its_county_city():
    town = HomePlace(place=gazetteer().resolve("于集镇", near=gazetteer().resolve("聊城")))
    assert town.fill("市") == "聊城市"  # 东昌府区 is a 区, its 市 is 聊城市
    assert town.fill("区") == "东昌府区"


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("中通客车股份有限公司", "中通客车"),
        ("山东信发集团有限公司", "信发"),
        ("东阿县瑞泓水务有限公司", "瑞泓水务"),
        ("聊城市公安局", None),
    ],
)
def test_names_company_core(name, core):
    assert company_core(name, gazetteer()) == core


def test_names_abbreviations_meet():
    assert (
        org_key("聊城市发展和改革委员会") == org_key("聊城市发改委") == org_key("聊城市发展改革委")
    )


def test_names_a_body_written_in_full_and_short_meets():
    assert org_key("中国全国政协") == org_key("全国政协")
    # international bodies named in full and short (abbreviations.tsv)
    assert org_key("阿拉伯国家联盟") == org_key("阿拉伯联盟") == org_key("阿盟")
    assert org_key("国际奥林匹克委员会") == org_key("国际奥委会")
    assert org_key("美国联邦储备委员会") == org_key("美国联储") == org_key("美联储")
    assert org_key("中国人民对外友好协会") == org_key("对外友协")
    assert org_key("中国全国人大常委会") == org_key("全国人大常委会")
    assert org_key("中国银行") != org_key("银行")  # only before 全国
    # a paper and the press that publishes it
    assert org_key("甲城日报社") == org_key("甲城日报")
    assert org_key("乙城晚报社国际部") == org_key("乙城晚报国际部")


def test_names_an_office_and_its_short_form_meet():
    # 办 is how news shortens 办公室 (市委办, 市政府新闻办)
    assert org_key("江北市政府新闻办公室") == org_key("江北市政府新闻办")
    assert org_key("江北市委办公室秘书科") == org_key("江北市委办秘书科")
    assert org_key("江北市政府办公室") != org_key("江北市政府")


def test_names_normalize_width_spaces_quotes():
    assert normalize("“ 中通 ” ＡＢＣ") == "中通ABC"
    # a space between Latin words parts them, one space however many were printed
    assert normalize("Jane   Doe") == "Jane Doe"
    assert normalize("IBM 公司") == "IBM公司"


@pytest.mark.parametrize(
    ("surface", "at", "expected"),
    [
        ("市委宣传部", "聊城", "中共聊城市委宣传部"),
        ("巩义市委宣传部", "聊城", "中共巩义市委宣传部"),
        ("高新区", "聊城", "聊城高新区"),
    ],
)
def test_names_party_departments_and_zones(surface, at, expected):
    assert expand_relative(surface, home(at), gazetteer()) == expected
