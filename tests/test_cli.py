"""The typer CLI (kg run, extract, show, export, eval) through ``typer.testing.CliRunner``.

Commands that read a graph use the session's seeds run (``seeds_run`` in conftest.py); ``kg run``
starts from a copy of its store (``seeded_out``), so nothing is extracted twice.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import RunResult
from kg.profile import find_entities
from kg.readwrite import read_graph
from kg.schema import ENTITY_TYPES

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "data" / "gold"
DATA = REPO / "tests" / "data" / "pipeline"
SMALL_SEED = SEEDS / "002_a5410352c8169bb8.txt"  # 8 articles


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])


def directed_gexf(path: Path) -> bytes:
    """Our GEXF with co-mentions taken as directed: networkx refuses the mixed graph Gephi reads."""
    return path.read_bytes().replace(b' type="undirected"', b"")


def squeeze(text: str) -> str:
    """Output without whitespace: rich wraps long lines (paths included) at the console width."""
    return "".join(text.split())


# --- kg run ------------------------------------------------------------------------------------


def test_cli_run_prints_the_summary_and_the_html_path(
    seeds_run: RunResult, seeded_out: Path
) -> None:
    result = invoke("run", SEEDS, "--out", seeded_out)
    assert result.exit_code == 0, result.output
    assert f"{seeds_run.articles} articles ({seeds_run.articles} reused" in result.stdout
    for etype in ENTITY_TYPES:
        assert etype in result.stdout
    assert str(seeded_out / "index.html") in squeeze(result.stdout)
    assert (seeded_out / "index.html").is_file()
    assert "homecity:聊城市(" in squeeze(result.stdout)  # one paper: no file read elsewhere
    assert "otherpapers" not in squeeze(result.stdout)


def test_cli_run_missing_input_exits_1_and_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "no_such_page.txt"
    result = invoke("run", DATA / "good.txt", missing, "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert squeeze(result.stderr).count("no_such_page.txt") == 1
    assert (tmp_path / "out" / "graph.graphml").is_file()


def test_cli_run_messages_keep_long_paths_on_one_line(tmp_path: Path) -> None:
    missing = tmp_path / ("a_page_with_a_rather_long_file_name_" * 3 + ".txt")
    out = tmp_path / ("an_output_folder_with_a_long_name_" * 3)
    result = invoke("run", DATA / "good.txt", missing, "--out", out)
    assert result.exit_code == 1, result.output
    assert any(str(missing) in line for line in result.stderr.splitlines())
    assert any(str(out / "graph.graphml") in line for line in result.stdout.splitlines())


# --- kg extract --------------------------------------------------------------------------------


def test_cli_extract_jsonl_one_object_per_article() -> None:
    from kg.ingest import read_articles

    result = invoke("extract", SMALL_SEED, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [a.id for a in read_articles([SMALL_SEED])]
    for record in records:
        text = record["text"]
        assert isinstance(text, str) and text
        for entity in record["entities"]:
            assert set(entity) >= {"start", "end", "text", "name", "type"}
            assert (
                text[entity["start"] : entity["end"]] == entity["text"]
            )  # as written; name: what it stands for
            assert entity["type"] in ENTITY_TYPES
        for role in record["roles"]:
            assert set(role) >= {"person", "title", "org", "status", "date", "evidence"}
            assert role["person"] and role["title"]
            assert role["status"] in ("current", "former", "acting")
    assert sum(len(r["entities"]) for r in records) > 50
    assert sum(len(r["roles"]) for r in records) > 0


def test_cli_extract_jsonl_lists_typed_relations() -> None:
    result = invoke("extract", SMALL_SEED, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    relations = [
        rel for line in result.stdout.splitlines() for rel in json.loads(line)["relations"]
    ]
    assert all(
        set(rel) >= {"relation", "source", "target", "trigger", "amount", "evidence"}
        for rel in relations
    )
    signed = {(r["source"], r["target"]) for r in relations if r["relation"] == "signs_with"}
    assert ("市新闻传媒中心", "日本和歌山新报社") in signed
    assert all(r["trigger"] in r["evidence"] for r in relations)


def test_cli_eval_relations_unknown_set_exits_2() -> None:
    result = invoke("eval", "--corpus", "relations", "--set", "holdout")
    assert result.exit_code == 2 and "unknown relation set" in result.output


def test_cli_extract_bad_input_exits_1_after_the_good_ones() -> None:
    result = invoke("extract", DATA / "good.txt", DATA / "empty.txt")
    assert result.exit_code == 1, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good#1"]
    assert squeeze(result.stderr).count("empty.txt") == 1


def test_cli_extract_unknown_format_exits_2() -> None:
    result = invoke("extract", DATA / "good.txt", "--format", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""


# --- kg show -------------------------------------------------------------------------------------


def _official(graph: nx.MultiDiGraph) -> tuple[str, set[str]]:
    """The person with the most positions whose label names exactly one entity, and the titles."""
    titles: dict[str, set[str]] = {}
    for u, _, d in graph.edges(data=True):
        if d["relation"] == "holds_position":
            titles.setdefault(u, set()).add(str(d["title"]))
    ranked = sorted(titles, key=lambda n: (-len(titles[n]), str(n)))
    for node in ranked:
        label = str(graph.nodes[node]["label"])
        if find_entities(graph, label) == [node]:
            return label, titles[node]
    raise AssertionError("no official in the seeds graph")


def test_cli_show_person_prints_titles(seeds_run: RunResult) -> None:
    label, titles = _official(seeds_run.graph)
    result = invoke("show", label, "--out", seeds_run.out)
    assert result.exit_code == 0, result.output
    assert label in result.stdout
    for title in titles:
        assert title in result.stdout


def test_cli_show_unknown_name_exits_1(seeds_run: RunResult) -> None:
    result = invoke("show", "查无此人某某某", "--out", seeds_run.out)
    assert result.exit_code == 1
    assert "查无此人某某某" in result.output


def test_cli_show_without_a_graph_exits_2(tmp_path: Path) -> None:
    result = invoke("show", "某某", "--out", tmp_path)
    assert result.exit_code == 2
    assert "kg run" in result.output


# --- kg export -----------------------------------------------------------------------------------

EXPORTS = [
    pytest.param("gexf", ["graph.gexf"], id="gexf"),
    pytest.param("graphml", ["graph.graphml"], id="graphml"),
    pytest.param("json", ["graph.json"], id="json"),
    pytest.param("csv", ["entities.csv", "relations.csv"], id="csv"),
    pytest.param(
        "neo4j", ["neo4j/nodes.csv", "neo4j/relationships.csv", "neo4j/import.cypher"], id="neo4j"
    ),
]


@pytest.mark.parametrize(("fmt", "files"), EXPORTS)
def test_cli_export_writes_files(
    fmt: str, files: list[str], seeds_run: RunResult, tmp_path: Path
) -> None:
    out = tmp_path / "run"
    out.mkdir()
    shutil.copy2(seeds_run.out / "graph.graphml", out / "graph.graphml")
    result = invoke("export", "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    for name in files:
        path = out / name
        assert path.is_file() and path.stat().st_size > 0, name
        assert str(path) in squeeze(result.stdout)
    nodes, edges = seeds_run.graph.number_of_nodes(), seeds_run.graph.number_of_edges()
    if fmt == "gexf":
        read = nx.read_gexf(io.BytesIO(directed_gexf(out / "graph.gexf")))
        assert read.number_of_nodes() == nodes
    elif fmt == "graphml":
        read = read_graph(out / "graph.graphml")  # mixed: networkx's reader refuses it
        assert (read.number_of_nodes(), read.number_of_edges()) == (nodes, edges)
    elif fmt == "csv":
        lines = (out / "entities.csv").read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) == nodes + 1


def test_cli_export_gexf_keeps_every_edge(seeds_run: RunResult, tmp_path: Path) -> None:
    shutil.copy2(seeds_run.out / "graph.graphml", tmp_path / "graph.graphml")
    assert invoke("export", "--format", "gexf", "--out", tmp_path).exit_code == 0
    read = nx.read_gexf(io.BytesIO(directed_gexf(tmp_path / "graph.gexf")))
    assert read.number_of_edges() == seeds_run.graph.number_of_edges()


def test_cli_export_names_what_kg_run_wrote_instead_of_copying(seeds_run: RunResult) -> None:
    result = invoke("export", "--format", "csv", "--out", seeds_run.out)
    assert result.exit_code == 0, result.output
    assert "already written by kg run" in result.stdout
    assert str(seeds_run.out / "entities.csv") in squeeze(result.stdout)
    assert not (seeds_run.out / "csv").exists()


def test_cli_flags_are_switches_and_choices_are_listed() -> None:
    text = invoke("run", "--help").stdout
    fresh = next(line for line in text.splitlines() if "--fresh" in line)
    assert "Ignore stored extractions" in fresh and "<bool>" not in fresh
    assert "[tagger|lac|spacy|hanlp]" in squeeze(text) or "<tagger|lac|spacy|hanlp>" in squeeze(
        text
    )
    assert "local|dask" in squeeze(text)
    assert "graphml|gexf|json|csv|neo4j" in squeeze(invoke("export", "--help").stdout)


def test_cli_export_unknown_format_exits_2(seeds_run: RunResult) -> None:
    result = invoke("export", "--format", "pdf", "--out", seeds_run.out)
    assert result.exit_code == 2
    assert "pdf" in result.output


# --- kg eval -------------------------------------------------------------------------------------


def test_cli_eval_graph_prints_scores(seeds_run: RunResult) -> None:
    result = invoke(
        "eval", "--graph", seeds_run.out / "graph.graphml", "--gold", GOLD, "--errors", "0"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["P", "R", "F1", "TP", "FP", "FN"]
    rows = {
        line.split()[0]: [float(x) for x in line.split()[1:4]]
        for line in lines[1:]
        if len(line.split()) == 7
    }
    assert set(rows) >= {*ENTITY_TYPES, "ALL", "ROLES"}
    for scores in rows.values():
        assert all(0.0 <= s <= 1.0 for s in scores)
    assert rows["ALL"][2] > 0.5  # a broken pipeline or scorer would land far below this


def _tiny_cluener(tmp_path: Path) -> Path:
    """A CLUENER file whose dev split (every tenth line, from the first) is one sentence."""
    record = {
        "text": "聊城市公安局局长张强到东阿县调研。",
        "label": {"name": {"张强": [[8, 9]]}, "government": {"聊城市公安局": [[0, 5]]}},
    }
    other = {"text": "无关的句子。", "label": {}}
    (tmp_path / "cluener").mkdir()
    lines = [json.dumps(record, ensure_ascii=False)] + [json.dumps(other, ensure_ascii=False)] * 9
    (tmp_path / "cluener" / "train.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_cli_eval_real_corpus_scores_its_labels_with_the_rules(tmp_path: Path) -> None:
    result = invoke("eval", "--corpus", "cluener", "--data", _tiny_cluener(tmp_path), "--domain")
    assert result.exit_code == 0, result.output
    rows = {
        line.split()[0]: line.split()[1:]
        for line in result.stdout.splitlines()
        if len(line.split()) == 7
    }
    assert set(rows) == {"PERSON", "ORG", "TITLE", "ALL"}  # no LOC: CLUENER does not annotate it
    assert rows["PERSON"][2] == "1.000" and rows["ORG"][2] == "1.000"
    assert "1sentences" in squeeze(result.output)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rules-off", "no_such_family"], "unknown rule family no_such_family"),
        (["--split", "test"], "CLUENER has no test split"),
    ],
)
def test_cli_eval_real_corpus_bad_option_exits_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = invoke(
        "eval", "--corpus", "cluener", "--data", _tiny_cluener(tmp_path), "--domain", *args
    )
    assert result.exit_code == 2 and squeeze(message) in squeeze(result.output), result.output


def test_cli_eval_missing_corpus_data_names_the_flag(tmp_path: Path) -> None:
    result = invoke("eval", "--corpus", "resume", "--data", tmp_path)
    assert result.exit_code == 2 and "--data" in squeeze(result.output), result.output


# --- the kg command as a process -----------------------------------------------------------------


def test_kg_command_exit_codes_and_output_survive_the_quick_exit(seeds_run: RunResult) -> None:
    """``main`` ends the process with os._exit: piped output must still arrive in full and the
    exit code must be the command's."""
    import subprocess
    import sys

    def kg(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kg.cli", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    label, titles = _official(seeds_run.graph)
    shown = kg("show", label, "--out", seeds_run.out)
    assert shown.returncode == 0, shown.stderr
    assert label in shown.stdout and all(t in shown.stdout for t in titles)
    missing = kg("show", "查无此人某某某", "--out", seeds_run.out)
    assert missing.returncode == 1
    assert "查无此人某某某" in missing.stdout + missing.stderr
    assert kg("show", "某某", "--out", seeds_run.out / "nowhere").returncode == 2


def test_quick_exit_leaves_running_threads_to_the_interpreter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing
    import os
    import threading

    from kg import cli

    ended: list[int] = []
    monkeypatch.setattr(os, "_exit", ended.append)
    # other tests in this process may leave threads or children behind: decide for them here
    threads, children = [1], [[]]
    monkeypatch.setattr(threading, "active_count", lambda: threads[0])
    monkeypatch.setattr(multiprocessing, "active_children", lambda: children[0])
    cli._exit(None)
    cli._exit(3)
    assert ended == [0, 3]
    threads[0] = 2  # a thread still running: the interpreter joins it
    with pytest.raises(SystemExit) as exc:
        cli._exit(0)
    assert exc.value.code == 0
    threads[0], children[0] = 1, [object()]  # a child process still running
    with pytest.raises(SystemExit) as exc:
        cli._exit(4)
    assert exc.value.code == 4 and ended == [0, 3]
    with pytest.raises(SystemExit) as exc:
        cli._exit("bad input")
    assert exc.value.code == "bad input"


def test_cli_run_refuses_a_date_that_is_none(tmp_path: Path) -> None:
    result = invoke("run", SMALL_SEED, "--out", tmp_path / "out", "--date", "last year")
    assert result.exit_code == 2
    assert "--date" in result.output
    assert not (tmp_path / "out" / "graph.graphml").exists()


def test_cli_a_wrong_command_line_is_one_line_and_exit_2() -> None:
    import subprocess
    import sys

    for args in (["show", "--top", "-5", "x"], ["bogus"]):
        done = subprocess.run(
            [sys.executable, "-c", "from kg.cli import main; main()", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2, done
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("error: "), (
            done.stderr
        )
