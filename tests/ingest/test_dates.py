import pytest

from kg.ingest.dates import article_date, normalize_date, year_from_name


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("12月20日，聊城市召开会议。", 2024, "2024-12-20"),
        ("12月20日，聊城市召开会议。", None, None),  # no year known: no invented date
        ("2023年3月5日，某地举行活动。", 2024, "2023-03-05"),
        ("近日，某地举行活动。", 2024, None),
        ("2月30日，不存在的日子。", 2024, None),
    ],
)
def test_dates_article_date(text: str, year: int | None, expected: str | None) -> None:
    date, source = article_date(text, year=year)
    assert date == expected
    assert (source is None) == (expected is None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-20", "2024-12-20"),
        ("2024年12月2日", "2024-12-02"),
        ("20241220", "2024-12-20"),
        ("昨天", None),
    ],
)
def test_dates_normalize(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("name", "year"),
    [("2024-12-20_p1", 2024), ("lc20230105", 2023), ("000_d5fc0324093e45a3", None)],
)
def test_dates_year_from_name(name: str, year: int | None) -> None:
    assert year_from_name(name) == year
