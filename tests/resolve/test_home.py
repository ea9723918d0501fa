"""Which place a corpus is at home in: city, county or provincial paper."""

from __future__ import annotations

from kg.extract.places import gazetteer
from kg.resolve import detect_home_city, resolve
from kg.resolve.home import article_home, detect_homes

from .test_resolve import extraction, labels


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


def test_home_national_paper_spreads_its_places_over_provinces_and_has_no_home():
    # no province holds most of the places named: 市公安局 is read in no city
    exs = _page(
        ("昆明市、大理市发展。", [("昆明市", "LOC"), ("大理市", "LOC")], None),
        ("柳州市、桂林市发展。", [("柳州市", "LOC"), ("桂林市", "LOC")], None),
        ("苏州市、无锡市发展。", [("苏州市", "LOC"), ("无锡市", "LOC")], None),
        ("宿州市召开会议。", [("宿州市", "LOC")], None),
    )
    assert detect_home_city(exs, gazetteer()) is None
    # a Kunming paper naming the same places: its own city's pages hold most of them
    places = [("昆明市", "LOC"), ("五华区", "LOC"), ("盘龙区", "LOC")]
    exs += _page(*[("昆明市五华区、盘龙区发展。", places, None)] * 3)
    assert detect_home_city(exs, gazetteer()).name == "昆明市"


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


def test_home_in_a_national_corpus_a_story_is_at_home_where_it_was_filed():
    gaz = gazetteer()
    page = gaz.resolve("香港")  # one page of a national paper leaning to one place
    assert article_home("贵阳", page, gaz, national=True).place.name == "贵阳市"
    assert article_home(None, page, gaz, national=True).place is page
    assert article_home("贵阳", page, gaz).place is page  # a local paper's story from afar


def _paper(source: str, city: str, counties: tuple[str, ...], n: int):
    """``n`` articles of one city's paper: its city and counties named, and a 市公安局."""
    text = f"{city}召开会议，{'、'.join(counties)}参加，市公安局局长出席。"
    mentions = [(city, "LOC"), *((c, "LOC") for c in counties), ("市公安局", "ORG")]
    return [extraction(f"{source}#{i}", text, mentions, source=source) for i in range(n)]


def test_home_each_paper_of_a_mixed_folder_is_read_at_its_own_city():
    exs = [
        *_paper("weifang/a1.txt", "潍坊市", ("寿光市", "青州市", "诸城市"), 3),
        *_paper("mudanjiang/b1.txt", "牡丹江市", ("宁安市", "海林市"), 2),
    ]
    gaz = gazetteer()
    home = detect_home_city(exs, gaz)
    assert home.name == "潍坊市"
    detected, homes = detect_homes(exs, gaz)
    assert detected == home  # the sum of the sources' counts is the corpus's
    assert {s: p.name for s, p in homes.items()} == {
        "weifang/a1.txt": "潍坊市",
        "mudanjiang/b1.txt": "牡丹江市",
    }
    ids = labels(resolve(exs))
    assert {"ORG:潍坊市公安局", "ORG:牡丹江市公安局"} <= ids
    # --home-city says where every page is at home
    assert "ORG:牡丹江市公安局" not in labels(resolve(exs, home_city="潍坊市"))


def test_home_a_page_of_the_home_paper_about_another_city_stays_at_home():
    exs = _paper("weifang/a1.txt", "潍坊市", ("寿光市", "青州市", "诸城市"), 3)
    # a report from a trip: the other city named more often than its own
    trip = "潍坊市考察团赴牡丹江市、宁安市考察。"
    mentions = [("潍坊市", "LOC"), ("牡丹江市", "LOC"), ("宁安市", "LOC")]
    exs += [
        extraction(f"weifang/a2.txt#{i}", trip, mentions, source="weifang/a2.txt") for i in (0, 1)
    ]
    gaz = gazetteer()
    _, homes = detect_homes(exs, gaz)
    assert homes["weifang/a2.txt"].name == "潍坊市"  # 4 votes against 2: under three times


def test_home_a_province_or_county_around_or_inside_home_is_no_other_paper():
    exs = _paper("weifang/a1.txt", "潍坊市", ("寿光市", "青州市", "诸城市"), 3)
    county = "寿光市召开会议，寿光市委出席。"
    mentions = [("寿光市", "LOC"), ("寿光市委", "ORG")]
    exs.append(extraction("w/a3.txt#0", county, mentions, source="w/a3.txt"))
    gaz = gazetteer()
    _, homes = detect_homes(exs, gaz)
    assert homes["w/a3.txt"].name == "潍坊市"  # its county: the dateline decides, not the page


def test_home_records_of_one_file_are_read_at_the_home_of_their_site():
    """A crawl of two papers' sites in one JSONL file, with no ``source`` per record: each
    record's web address says which paper it is, so each is read at its own city."""
    exs = [
        *_paper("crawl.jsonl", "潍坊市", ("寿光市", "青州市", "诸城市"), 3),
        *_paper("crawl.jsonl", "牡丹江市", ("宁安市", "海林市"), 2),
    ]
    for n, ex in enumerate(exs):
        ex.article.id = f"crawl#{n}"
        site = "www.wfnews.example" if n < 3 else "paper.mdj.example"
        ex.article.url = f"https://{site}/2024/12/{n}.html"
    _, homes = detect_homes(exs, gazetteer())
    assert {s: p.name for s, p in homes.items()} == {
        "crawl.jsonl (www.wfnews.example)": "潍坊市",
        "crawl.jsonl (paper.mdj.example)": "牡丹江市",
    }
    resolution = resolve(exs)
    assert resolution.other_homes == {"crawl.jsonl (paper.mdj.example)": "牡丹江市"}
    assert {"ORG:潍坊市公安局", "ORG:牡丹江市公安局"} <= labels(resolution)


def test_home_records_that_name_their_paper_stay_apart_on_one_aggregator_site():
    exs = [
        *_paper("潍坊日报", "潍坊市", ("寿光市", "青州市", "诸城市"), 3),
        *_paper("牡丹江日报", "牡丹江市", ("宁安市", "海林市"), 2),
    ]
    for n, ex in enumerate(exs):
        ex.article.id = f"agg#{n}"
        ex.article.url = f"https://news.aggregator.example/{n}.html"
    resolution = resolve(exs)
    assert resolution.other_homes == {"牡丹江日报 (news.aggregator.example)": "牡丹江市"}
