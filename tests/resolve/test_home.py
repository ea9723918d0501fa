"""Which place a corpus is at home in: city, county or provincial paper."""

from __future__ import annotations

from kg.extract.places import gazetteer
from kg.resolve import detect_home_city
from kg.resolve.home import article_home

from .test_resolve import extraction


def _page(*articles: tuple[str, list[tuple[str, str]], str | None]):
    return [
        extraction(f"p#{i}", text, mentions, dateline=dateline)
        for i, (text, mentions, dateline) in enumerate(articles)
    ]


def test_home_city_paper_with_a_county_dateline_and_its_counties():
    # one story filed from 寿光 (本报寿光讯) that names its towns: still the 潍坊 paper
    exs = _page(
        (
            "寿光市稻田镇和纪台镇，寿光市蔬菜。",
            [("寿光市", "LOC"), ("稻田镇", "LOC"), ("纪台镇", "LOC")],
            "寿光",
        ),
        (
            "潍坊市寒亭区、昌邑市发展。",
            [("潍坊市", "LOC"), ("寒亭区", "LOC"), ("昌邑市", "LOC")],
            None,
        ),
        ("潍坊市召开会议。", [("潍坊市", "LOC")], None),
    )
    assert detect_home_city(exs, gazetteer()).name == "潍坊市"


def test_home_county_paper_names_its_towns():
    exs = _page(
        (
            "安吉县孝丰镇、天荒坪镇发展。",
            [("安吉县", "LOC"), ("孝丰镇", "LOC"), ("天荒坪镇", "LOC")],
            None,
        ),
        ("湖州市领导到孝丰镇调研。", [("湖州市", "LOC"), ("孝丰镇", "LOC")], None),
    )
    assert detect_home_city(exs, gazetteer()).name == "安吉县"


def test_home_provincial_paper_names_many_cities_none_dominating():
    exs = _page(
        ("石家庄市、唐山市发展。", [("石家庄市", "LOC"), ("唐山市", "LOC")], None),
        (
            "张家口市张北县、保定市。",
            [("张家口市", "LOC"), ("张北县", "LOC"), ("保定市", "LOC")],
            None,
        ),
        ("邯郸市发展。", [("邯郸市", "LOC")], None),
    )
    assert detect_home_city(exs, gazetteer()).name == "河北省"


def test_home_counts_the_place_an_organisation_name_starts_with():
    # the river 牡丹江 is no place here; the city's bureaus name it
    exs = _page(
        ("绥芬河市口岸。", [("绥芬河市", "LOC")], None),
        (
            "牡丹江市公安局、宁安市公安局、海林市人民法院。",
            [("牡丹江市公安局", "ORG"), ("宁安市公安局", "ORG"), ("海林市人民法院", "ORG")],
            None,
        ),
    )
    assert detect_home_city(exs, gazetteer()).name == "牡丹江市"


def test_home_article_dateline_inside_home_is_the_articles_home():
    gaz = gazetteer()
    city = gaz.resolve("聊城市")
    assert article_home("临清", city, gaz).place.name == "临清市"
    assert article_home("上海", city, gaz).place is city
    assert article_home(None, city, gaz).place is city
