from __future__ import annotations

import math

import networkx as nx
import pytest

from kg.readwrite.clean import clean_graph, clean_text, flatten_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (True, True),
        (3, 3),
        (0.25, 0.25),
        (math.nan, None),
        (math.inf, None),
        ("张三", "张三"),
        (["a", "b", None, "c"], "a|b|c"),
        (("x",), "x"),
        ({"b", "a", "c"}, "a|b|c"),
        (frozenset({2, 1}), "1|2"),
        ({"k": [1, 2], "名": "值"}, '{"k": [1, 2], "名": "值"}'),
        (b"bytes", "bytes"),
        ([], ""),
    ],
)
def test_clean_flatten_value(value: object, expected: object) -> None:
    result = flatten_value(value)
    assert result == expected
    assert type(result) is type(expected)


def test_clean_flatten_value_numpy_scalars_become_python() -> None:
    np = pytest.importorskip("numpy")
    assert type(flatten_value(np.int64(3))) is int
    assert type(flatten_value(np.float32(0.5))) is float


@pytest.mark.parametrize(
    "bad",
    [
        "\x00",
        "\x01",
        "\x08",
        "\x0b",
        "\x0c",
        "\x0e",
        "\x1f",
        chr(0xD800),
        chr(0xDFFF),
        "\ufffe",
        "\uffff",
    ],
)
def test_clean_text_strips_xml_forbidden(bad: str) -> None:
    assert clean_text(f"前{bad}后") == "前后"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("引号\"' <b> & 中文", "引号\"' <b> & 中文"),
        ("tab\tnew\nline", "tab\tnew\nline"),
        ("crlf\r\nend\rx", "crlf\nend\nx"),
        ("emoji 😀 \u00a0 \x7f", "emoji 😀 \u00a0 \x7f"),
    ],
)
def test_clean_text_keeps_legal_text(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_clean_graph_leaves_clean_graph_unchanged(small_graph: nx.MultiDiGraph) -> None:
    cleaned = clean_graph(small_graph)
    assert dict(cleaned.nodes(data=True)) == dict(small_graph.nodes(data=True))
    assert list(cleaned.edges(keys=True, data=True)) == list(
        small_graph.edges(keys=True, data=True)
    )
    assert cleaned is not small_graph


def test_clean_graph_flattens_nested_values(load_case) -> None:
    cleaned = clean_graph(load_case("nested_values"))
    person = cleaned.nodes["PERSON:王芳"]
    assert person["aliases"] == "王芳|王局长"
    assert person["extra"] == '{"score": 1, "source": "rule"}'
    assert "missing" not in person
    edge = cleaned.edges["PERSON:王芳", "ORG:市财政局", 0]
    assert edge["article_ids"] == "a#1|a#2"
    assert "date" not in edge


@pytest.mark.parametrize(
    ("scope", "key", "expected_type"),
    [("node", "note", str), ("node", "score", float), ("edge", "weight", float)],
)
def test_clean_graph_unifies_mixed_types(
    load_case, scope: str, key: str, expected_type: type
) -> None:
    cleaned = clean_graph(load_case("mixed_types"))
    items = (
        [d for _, d in cleaned.nodes(data=True)]
        if scope == "node"
        else [d for *_, d in cleaned.edges(keys=True, data=True)]
    )
    assert {type(d[key]) for d in items if key in d} == {expected_type}


def test_clean_graph_bool_mixed_with_str_is_lowercase(load_case) -> None:
    cleaned = clean_graph(load_case("mixed_types"))
    assert cleaned.nodes["OTHER:丙"]["note"] == "true"


def test_clean_graph_strips_control_chars_from_ids_and_values(load_case) -> None:
    cleaned = clean_graph(load_case("control_chars"))
    assert set(cleaned.nodes) == {"PERSON:李明", "ORG:某局"}
    assert cleaned.nodes["PERSON:李明"]["label"] == "李明"
    assert cleaned.nodes["ORG:某局"]["label"] == "某局"
    ((_, _, evidence),) = cleaned.edges(data="evidence")
    assert evidence == "证据句子。\n下一行"


def test_clean_graph_refuses_ids_that_collide_after_cleaning() -> None:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(["ORG:甲", "ORG:甲\x01"])
    with pytest.raises(ValueError, match="both become"):
        clean_graph(graph)


def test_clean_graph_once_shared_by_writers_stays_unstyled(tmp_path):
    """kg run cleans once and hands the same graph to every writer: GraphML's and GEXF's colour
    attributes must not leak into the JSON and CSV written after them."""
    import networkx as nx

    from kg.readwrite import write_csv, write_gexf, write_graphml, write_json
    from kg.readwrite.clean import clean_graph

    graph = nx.MultiDiGraph()
    graph.add_node("ORG:a", label="a", type="ORG")
    graph.add_node("LOC:b", label="b", type="LOC")
    graph.add_edge("ORG:a", "LOC:b", key="located_in", relation="located_in", weight=1.0)
    flat = clean_graph(graph)
    write_graphml(flat, tmp_path / "g.graphml")
    write_gexf(flat, tmp_path / "g.gexf")
    assert all(not {"r", "g", "b", "viz"} & set(d) for _, d in flat.nodes(data=True))
    write_json(flat, tmp_path / "g.json")
    write_csv(flat, tmp_path)
    assert (
        "viz" not in (tmp_path / "g.json").read_text()
        and '"r"' not in (tmp_path / "g.json").read_text()
    )
    header = (tmp_path / "entities.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert not {"r", "g", "b", "viz"} & set(header)
