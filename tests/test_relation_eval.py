from kg.evaluate import Scores
from kg.relation_eval import DEFAULT_GOLD, SETS, format_relation_report, interval, load_gold, score
from kg.schema import Relation


def _rows(n: int, found: int) -> tuple[list[dict], list[list]]:
    """n sentences with one gold visit each; the first ``found`` of them found right."""
    rows = [
        {
            "id": str(i),
            "text": f"甲{i}访问乙国。",
            "relations": [{"relation": "visits", "source": f"甲{i}", "target": "乙国"}],
        }
        for i in range(n)
    ]
    predicted = [
        [
            Relation(
                "visits",
                f"甲{i}",
                "乙国",
                trigger="访问",
                sentence=0,
                source_type="PERSON",
                target_type="LOC",
            )
        ]
        if i < found
        else []
        for i in range(n)
    ]
    return rows, predicted


def test_the_report_keeps_each_sentences_counts_for_the_interval():
    rows, predicted = _rows(4, 3)
    report = score(rows, predicted)
    assert report.per_sentence == [Scores(1, 0, 0)] * 3 + [Scores(0, 0, 1)]
    assert sum(report.per_sentence, Scores()) == report.total()


def test_the_interval_holds_the_point_figure_and_narrows_with_more_sentences():
    small = interval(score(*_rows(20, 14)).per_sentence)
    large = interval(score(*_rows(400, 280)).per_sentence)
    for spread in (small, large):
        low, high = spread["R"]
        assert low <= 0.70 <= high
        assert spread["P"] == (1.0, 1.0)  # nothing found wrong in any resample
    assert large["R"][1] - large["R"][0] < small["R"][1] - small["R"][0]
    assert interval(score(*_rows(20, 14)).per_sentence) == small  # seeded: the report repeats


def test_the_relation_report_prints_the_interval():
    text = format_relation_report(score(*_rows(10, 7)), show_errors=0)
    assert "95 % bootstrap interval over sentences" in text
    assert interval([]) == {}


def test_every_gold_file_is_in_a_set_and_the_test_files_share_no_sentence():
    named = {name for files in SETS.values() for name in files}
    assert {p.name for p in DEFAULT_GOLD.glob("*.jsonl")} <= named
    texts = [row["text"] for name in SETS["test-full"] for row in load_gold(DEFAULT_GOLD / name)]
    assert len(texts) == len(set(texts))
    assert set(SETS["test-full"]) == set(SETS["test-all"]) | set(SETS["test3"]) | set(SETS["test4"])


def test_article_rows_are_scored_on_the_whole_article_and_must_still_be_its_sentence():
    import pytest

    from kg.extract import Extractor
    from kg.relation_eval import _located, _whole_articles

    gold = [row for row in load_gold(DEFAULT_GOLD / "seeds.jsonl")][:1]
    found = _whole_articles(gold, Extractor())
    article, index = gold[0]["id"].rsplit("|", 1)
    assert found[article].article.text  # the whole article was read, not the sentence alone
    assert _located(gold, found) == {gold[0]["id"]: (article, int(index))}
    # a dispatch's lead the reader now takes out of the sentence: the sentence without it
    led = [{**gold[0], "text": "本报某地6月4日电（记者甲某）" + gold[0]["text"]}]
    assert _located(led, found) == {gold[0]["id"]: (article, int(index))}
    moved = [{**gold[0], "text": gold[0]["text"] + "。"}]
    with pytest.raises(ValueError, match="no longer gives its sentence"):
        _located(moved, found)
    with pytest.raises(ValueError, match="no folder holds"):
        _whole_articles([{**gold[0], "id": "elsewhere:" + gold[0]["id"]}], Extractor())
