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


def _undated(source: str, text: str = "6月14日，市长到临清市调研。"):
    from kg.schema import Article

    return Article(id="a#1", source=source, text=text)


def test_dates_complete_date_takes_the_folders_year_then_the_option() -> None:
    from kg.ingest.dates import complete_date

    in_folder = _undated("pages/2023-06-15/A01.txt")
    complete_date(in_folder, year=2024)
    assert (in_folder.date, in_folder.date_source) == ("2023-06-14", "folder name")
    plain = _undated("seeds/004.txt")
    complete_date(plain, year=2024)
    assert (plain.date, plain.date_source) == ("2024-06-14", "option")
    none_given = _undated("seeds/004.txt")
    complete_date(none_given)
    assert none_given.date is None and none_given.date_source is None
    no_month_day = _undated("seeds/004.txt", text="市长到临清市调研。")
    complete_date(no_month_day, year=2024)
    assert no_month_day.date is None


def test_dates_article_date_says_where_the_year_came_from() -> None:
    assert article_date("2024年6月14日，会议召开。", year=None) == ("2024-06-14", "text")
    assert article_date("6月14日，会议召开。", year=2023) == ("2023-06-14", "file name")
    assert article_date("6月14日，会议召开。今年是2022年12月1日。", year=None) == (
        "2022-06-14",
        "text",
    )


@pytest.mark.parametrize(
    ("value", "year"), [("2024", 2024), ("2024-12-20", 2024), ("2024年3月1日", 2024)]
)
def test_dates_year_option(value: str, year: int) -> None:
    from kg.ingest.dates import year_option

    assert year_option(value) == year


def test_dates_year_option_refuses_what_is_no_date() -> None:
    from kg.ingest.dates import year_option

    with pytest.raises(ValueError, match="--date"):
        year_option("last year")
