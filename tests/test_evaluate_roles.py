"""Role scores on real text: the annotation format, the pairing rules for CLUENER and Resume,
and the two ways titles are compared (kg/evaluate.py)."""

import json

import pytest

from kg.evaluate import (
    GoldError,
    _adjacent_pairs,
    load_role_set,
    resume_role_set,
    role_title_key,
    score_role_pairs,
    score_role_pairs_lenient,
    select_role_sentences,
)


def test_roles_eval_title_key_drops_status_words():
    assert role_title_key("前国务卿") == "国务卿"
    assert role_title_key("代市长") == "市长"
    assert role_title_key("副市长") == "副市长"


def test_roles_eval_exact_pairs():
    report = score_role_pairs(
        [{("李强", "总理"), ("李强", "市长")}], [{("李强", "总理"), ("王伟", "局长")}], ["d"]
    )
    assert (report.roles.tp, report.roles.fp, report.roles.fn) == (1, 1, 1)
    assert report.missed_roles == [("d", "王伟", "局长")]


def test_roles_eval_lenient_titles_match_a_suffix_once():
    pred = [{("吴重阳", "副厂长"), ("马先生", "总经理")}]
    gold = [{("吴重阳", "光缆分厂副厂长"), ("吴重阳", "分厂副厂长"), ("马", "总经理")}]
    report = score_role_pairs_lenient(pred, gold, ["r"])
    assert (report.roles.tp, report.roles.fp, report.roles.fn) == (2, 0, 1)


def test_roles_eval_cluener_pairs_by_rule():
    text = "北京澳际教育公司总监曹红、孙晶出席，记者康淼沈汝发报道，江泽民主席讲话。"
    spans = []
    for word, label in [
        ("北京澳际教育公司", "ORG"),
        ("总监", "TITLE"),
        ("曹红", "PERSON"),
        ("孙晶", "PERSON"),
        ("记者", "TITLE"),
        ("康淼", "PERSON"),
        ("沈汝发", "PERSON"),
        ("江泽民", "PERSON"),
        ("主席", "TITLE"),
    ]:
        start = text.index(word)
        spans.append((start, start + len(word), label))
    assert _adjacent_pairs(text, spans) == {
        ("曹红", "总监"),
        ("孙晶", "总监"),
        ("康淼", "记者"),
        ("沈汝发", "记者"),
        ("江泽民", "主席"),
    }


def test_roles_eval_resume_is_one_article_per_named_person():
    lines = [
        ("张三，男，高级工程师。", [(0, 2, "PERSON"), (5, 10, "TITLE")]),
        ("历任公司副总经理。", [(4, 8, "TITLE")]),
        ("李四先生：现任董事长。", [(0, 2, "PERSON"), (7, 10, "TITLE")]),
    ]
    items = resume_role_set(lines)
    assert [item["text"] for item in items] == [
        "张三，男，高级工程师。\n历任公司副总经理。",
        "李四先生：现任董事长。",
    ]
    assert items[0]["roles"] == [
        {"person": "张三", "title": "副总经理"},
        {"person": "张三", "title": "高级工程师"},
    ]


def test_roles_eval_selection_is_fixed_and_wants_a_post_and_a_name():
    examples = [
        ("市长张三出席。", [(2, 4, "PERSON")]),
        ("今天天气很好。", []),
        ("局长李四讲话。", [(2, 4, "PERSON")]),
        ("主任没有名字。", []),
    ]
    assert select_role_sentences(examples, 2) == [(0, "市长张三出席。"), (2, "局长李四讲话。")]


def test_roles_eval_bad_annotation_names_its_line(tmp_path):
    path = tmp_path / "roles.jsonl"
    good = {
        "id": "a",
        "text": "市长张三。",
        "roles": [{"person": "张三", "title": "市长", "org": None}],
    }
    bad = {
        "id": "b",
        "text": "x",
        "roles": [{"person": "张三", "title": "市长", "status": "later"}],
    }
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match=":2:"):
        load_role_set(path)
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_role_set(path)[0]["roles"][0]["person"] == "张三"


def test_roles_eval_dev_annotation_is_complete():
    items = load_role_set("tests/data/roles/msra_dev.jsonl")
    assert len(items) >= 250
    assert sum(len(item["roles"]) for item in items) >= 250
