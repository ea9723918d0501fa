"""End-to-end tests of ``kg.pipeline.run``: outputs, bad input, incremental and interrupted runs.

The seeds run itself is shared by the whole session (``seeds_run`` in conftest.py); tests that
run the pipeline again start from a copy of its store (``seeded_out``) or use the small pages
under tests/data/pipeline/ so that the suite stays fast.
"""

from __future__ import annotations

import gc
import html.parser
import json
import os
import re
import shutil
import sqlite3
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from spies import count_extractions, count_model_loads
from typer.testing import CliRunner

import kg.runtime.extraction
import kg.runtime.parallel
from kg.cli import app
from kg.extract import Extractor
from kg.extract.backends import DEFAULT_BACKEND
from kg.pipeline import RunResult, run
from kg.readwrite import read_graph
from kg.runtime.lock import LockedError, output_lock
from kg.runtime.store import STORE_NAME
from kg.schema import ENTITY_TYPES, RELATION_TYPES, Extraction, Mention

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
DATA = REPO / "tests" / "data" / "pipeline"
GOOD = DATA / "good.txt"

OUTPUT_FILES = (
    "graph.html",
    "index.html",
    "graph.graphml",
    "graph.json",
    "entities.csv",
    "relations.csv",
    STORE_NAME,
)
RELATIONS = {
    "holds_position",
    "co_mention",
    "located_in",
    "visits",
    "meets",
    "signs_with",
    "invests_in",
}
TYPED = set(RELATION_TYPES)
# XML 1.0 forbids these C0 controls (and lone surrogates, U+FFFE/U+FFFF).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- helpers -----------------------------------------------------------------------------------


class Problems:
    """An ``on_error`` callback that records (path, problem) pairs."""

    def __init__(self) -> None:
        self.calls: list[tuple[Path, str]] = []

    def __call__(self, path: Path, problem: str) -> None:
        self.calls.append((Path(path), problem))

    def for_file(self, name: str) -> list[str]:
        return [problem for path, problem in self.calls if path.name == name]


def stored_texts(out: Path) -> dict[str, str]:
    """Article id -> cleaned text, as kept in the output folder's store."""
    with sqlite3.connect(out / STORE_NAME) as db:
        rows = db.execute("SELECT id, data FROM articles").fetchall()
    return {article_id: json.loads(data)["article"]["text"] for article_id, data in rows}


def graph_signature(graph: nx.MultiDiGraph) -> tuple[list, list]:
    nodes = sorted((str(n), sorted(d.items())) for n, d in graph.nodes(data=True))
    edges = sorted(
        (str(u), str(v), str(k), sorted(d.items()))
        for u, v, k, d in graph.edges(keys=True, data=True)
    )
    return nodes, edges


class _ExternalRefs(html.parser.HTMLParser):
    """Collects script src / link href values that point at the network."""

    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href"}.get(tag)
        for name, value in attrs:
            if name == wanted and value is not None and re.match(r"\s*(https?:)?//", value):
                self.remote.append(f"<{tag} {name}={value}>")


def assert_graphml_clean(path: Path) -> ET.Element:
    raw = path.read_text(encoding="utf-8")
    assert XML_FORBIDDEN.search(raw) is None, f"control character in {path}"
    return ET.fromstring(raw.encode("utf-8"))


# --- 1. end to end on seeds/ ---------------------------------------------------------------------


def test_pipeline_seeds_writes_every_output(seeds_run: RunResult) -> None:
    assert seeds_run.articles == 46
    assert seeds_run.skipped == []
    for name in OUTPUT_FILES:
        path = seeds_run.out / name
        assert path.is_file() and path.stat().st_size > 0, name
    assert {p.name for p in seeds_run.outputs.values()} >= set(OUTPUT_FILES) - {STORE_NAME}


def test_pipeline_seeds_graphml_reads_back(seeds_run: RunResult) -> None:
    path = seeds_run.out / "graph.graphml"
    assert_graphml_clean(path)
    read = read_graph(path)
    assert read.number_of_nodes() == seeds_run.graph.number_of_nodes()
    assert read.number_of_edges() == seeds_run.graph.number_of_edges()
    # co-mentions are undirected edges (Gephi draws them without arrows), the rest directed
    undirected = ET.parse(path).getroot().findall(".//{*}edge[@directed='false']")
    co_mentions = [k for *_, k in seeds_run.graph.edges(keys=True) if k == "co_mention"]
    assert len(undirected) == len(co_mentions) > 0
    assert set(read.nodes) == {str(n) for n in seeds_run.graph.nodes}


def test_pipeline_seeds_json_reads_back(seeds_run: RunResult) -> None:
    read = read_graph(seeds_run.out / "graph.json")
    assert read.number_of_nodes() == seeds_run.graph.number_of_nodes()
    assert read.number_of_edges() == seeds_run.graph.number_of_edges()


def test_pipeline_seeds_nodes_have_their_attributes(seeds_run: RunResult) -> None:
    graph = seeds_run.graph
    assert graph.number_of_nodes() > 50
    for node, data in graph.nodes(data=True):
        assert data.get("label"), node
        assert data.get("type") in ENTITY_TYPES, node
        assert "aliases" in data, node
        assert int(data["mentions"]) >= 0, node  # byline-only reporters have no text mention
        assert int(data["articles"]) >= 1, node
    assert set(seeds_run.entity_counts) == set(ENTITY_TYPES)


def test_pipeline_seeds_edges_have_relation_and_evidence(seeds_run: RunResult) -> None:
    graph = seeds_run.graph
    for u, v, data in graph.edges(data=True):
        assert data.get("relation") in RELATIONS, (u, v, data)
        if data["relation"] in {"holds_position", "co_mention"} | TYPED:
            assert data["evidence"] and all(e.sentence for e in data["evidence"]), (u, v, data)
            assert data["article_ids"], (u, v, data)
            assert {e.article for e in data["evidence"]} <= set(data["article_ids"])
    # The seeds have visits, signings and one investment (希杰集团 in 聊城), but no meeting.
    assert set(seeds_run.relation_counts) == RELATIONS - {"meets"}


def test_pipeline_seeds_finds_a_mayor_of_a_government(seeds_run: RunResult) -> None:
    graph = seeds_run.graph
    mayors = [
        (u, v)
        for u, v, d in graph.edges(data=True)
        if d["relation"] == "holds_position"
        and d.get("title") == "市长"
        and graph.nodes[u]["type"] == "PERSON"
        and graph.nodes[v]["type"] == "ORG"
        and str(graph.nodes[v]["label"]).endswith("人民政府")
    ]
    assert mayors


def test_pipeline_seeds_company_short_name_is_an_alias(seeds_run: RunResult) -> None:
    graph = seeds_run.graph
    nodes = [d for _, d in graph.nodes(data=True) if d["label"] == "中通客车股份有限公司"]
    assert len(nodes) == 1
    assert "中通客车" in nodes[0]["aliases"]


def test_pipeline_seeds_relative_org_gets_its_city(seeds_run: RunResult) -> None:
    graph = seeds_run.graph
    holders = [d["label"] for _, d in graph.nodes(data=True) if "市公安局" in d["aliases"]]
    assert holders and all(str(label).startswith("聊城市") for label in holders)
    assert not any(d["label"] == "市公安局" for _, d in graph.nodes(data=True))


def test_pipeline_seeds_html_loads_nothing_from_the_network(seeds_run: RunResult) -> None:
    pages = sorted(seeds_run.out.rglob("*.html"))
    assert {p.name for p in pages} >= {"graph.html", "index.html"}
    for page in pages:
        refs = _ExternalRefs()
        refs.feed(page.read_text(encoding="utf-8"))
        assert refs.remote == [], page


# --- 3. bad input ---------------------------------------------------------------------------------

# (file, skipped: one problem reported for it, article ids the file must still give, text it must keep)
BAD_INPUTS = [
    pytest.param("gbk.txt", False, ["gbk#1"], "刘建华", id="gbk"),
    pytest.param("gb18030.txt", False, ["gb18030#1"], "陈㛃", id="gb18030"),
    pytest.param("utf8_bom.txt", False, ["utf8_bom#1"], "郑国栋", id="utf8-bom"),
    pytest.param("empty.txt", True, [], None, id="empty"),
    pytest.param("binary.txt", True, [], None, id="binary"),
    pytest.param("control_chars.txt", False, ["control_chars#1"], "马志强", id="control-chars"),
    pytest.param("html.txt", False, ["html#1"], "许文军", id="html"),
    pytest.param("broken_line.jsonl", True, ["jl-1", "jl-3"], "曹建平", id="jsonl-broken-line"),
]


def check_outputs_are_clean(out: Path) -> None:
    root = assert_graphml_clean(out / "graph.graphml")
    assert root.tag.endswith("graphml")
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "alert(1)" not in text, page  # pasted <script> must not reach the views


@pytest.mark.parametrize(("name", "skipped", "ids", "kept"), BAD_INPUTS)
def test_pipeline_bad_input_is_reported_once_and_the_rest_goes_on(
    name: str, skipped: bool, ids: list[str], kept: str | None, tmp_path: Path
) -> None:
    bad = DATA / name
    out = tmp_path / "out"
    problems = Problems()
    result = run([GOOD, bad], out=out, html=True, on_error=problems)

    assert len(problems.for_file(name)) == (1 if skipped else 0), problems.calls
    assert problems.for_file(GOOD.name) == []
    assert len(problems.calls) == len(result.skipped)
    texts = stored_texts(out)
    assert set(texts) == {"good#1", *ids}
    assert result.articles == len(texts)
    if kept is not None:
        assert any(kept in text for text in texts.values())
    for text in texts.values():
        assert XML_FORBIDDEN.search(text) is None
        assert not re.search(r"</?(p|script)>|&nbsp;|alert\(1\)", text), text
    check_outputs_are_clean(out)

    # The CLI over the same folder (everything reused): exit 1 exactly when an input was skipped.
    cli = CliRunner().invoke(app, ["run", str(GOOD), str(bad), "--out", str(out)])
    assert cli.exit_code == (1 if skipped else 0), cli.output
    assert " ".join(cli.stderr.split()).count(name) == (1 if skipped else 0), cli.stderr


@pytest.mark.parametrize("how", ["chmod", "simulated"])
def test_pipeline_unreadable_file_in_a_folder(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    locked = folder / "locked.txt"
    shutil.copy(DATA / "gbk.txt", locked)
    if how == "chmod":
        locked.chmod(0)
        if os.access(locked, os.R_OK):
            locked.chmod(0o644)
            pytest.skip("running as root: a chmod 000 file is still readable")
    else:
        # Root reads a chmod 000 file, so the refusal is simulated where the bytes are read.
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == locked.name:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    try:
        problems = Problems()
        out = tmp_path / "out"
        result = run([folder], out=out, on_error=problems)
        assert len(problems.for_file("locked.txt")) == 1
        assert len(problems.calls) == 1
        assert set(stored_texts(out)) == {"good#1"}
        assert result.articles == 1
        check_outputs_are_clean(out)
        cli = CliRunner().invoke(app, ["run", str(folder), "--out", str(out)])
        assert cli.exit_code == 1, cli.output
        assert " ".join(cli.stderr.split()).count("locked.txt") == 1
    finally:
        locked.chmod(0o644)


def test_pipeline_same_file_name_in_two_folders_keeps_both(tmp_path: Path) -> None:
    for day, source in (("2024-05-01", GOOD), ("2024-05-02", DATA / "gbk.txt")):
        (tmp_path / "pages" / day).mkdir(parents=True)
        shutil.copy(source, tmp_path / "pages" / day / "A01.txt")
    problems = Problems()
    result = run([tmp_path / "pages"], out=tmp_path / "out", html=False, on_error=problems)
    assert problems.calls == []
    assert result.articles == 2
    assert any("刘建华" in text for text in stored_texts(tmp_path / "out").values())


BIG_PAGE_BYTES = 50 * 1024 * 1024


def _cheap_extract(self: Extractor, article) -> Extraction:  # type: ignore[no-untyped-def]
    """Stands in for the model on the huge page: XX市 as LOC, so the graph is not empty."""
    mentions = [
        Mention(
            start=s.start + m.start(), end=s.start + m.end(), text=m.group(), type="LOC", sentence=i
        )
        for i, s in enumerate(article.sentences)
        for m in re.finditer(r"[\u4e00-\u9fff]{2}市", s.text)
    ]
    return Extraction(article=article, mentions=mentions)


def _cheap_extract_many(self: Extractor, articles) -> list[Extraction]:  # type: ignore[no-untyped-def]
    return [_cheap_extract(self, a) for a in articles]


@pytest.mark.slow
def test_pipeline_huge_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Real extraction runs at ~10 kB/s, so a 50 MB page would take hours: the model is
    # replaced by a regex and this checks that ingest, store, graph and writers scale.
    seed_text = (SEEDS / "000_d5fc0324093e45a3.txt").read_text(encoding="utf-8") + "\n"
    page = tmp_path / "huge.txt"
    with page.open("w", encoding="utf-8") as handle:
        for _ in range(BIG_PAGE_BYTES // len(seed_text.encode()) + 1):
            handle.write(seed_text)
    assert page.stat().st_size >= BIG_PAGE_BYTES
    monkeypatch.setattr(Extractor, "extract_many", _cheap_extract_many)
    problems = Problems()
    started = time.monotonic()
    result = run([page], out=tmp_path / "out", on_error=problems, html=False)
    elapsed = time.monotonic() - started
    assert problems.calls == []
    assert result.articles > 1000
    assert result.graph.number_of_nodes() > 0
    assert_graphml_clean(tmp_path / "out" / "graph.graphml")
    assert elapsed < 300, f"{elapsed:.0f} s for a {BIG_PAGE_BYTES >> 20} MB page"


# --- 4. incremental runs ---------------------------------------------------------------------


def test_pipeline_second_run_reuses_everything(
    seeds_run: RunResult, seeded_out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_extractions(monkeypatch)
    result = run([SEEDS], out=seeded_out, html=False)
    assert result.reused == result.articles == seeds_run.articles
    assert calls == []
    assert graph_signature(result.graph) == graph_signature(seeds_run.graph)


def test_pipeline_new_page_is_the_only_one_extracted(
    seeds_run: RunResult, seeded_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    shutil.copy(GOOD, pages / "new_page.txt")
    calls = count_extractions(monkeypatch)
    result = run([pages], out=seeded_out, html=False)
    assert result.articles == seeds_run.articles + 1
    assert result.reused == seeds_run.articles
    assert calls == ["new_page#1"]


SMALL_SEED = SEEDS / "002_a5410352c8169bb8.txt"  # 8 articles


def test_pipeline_fresh_reuses_nothing(seeded_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_extractions(monkeypatch)
    result = run([SMALL_SEED], out=seeded_out, fresh=True, html=False)
    assert result.reused == 0
    assert len(calls) == result.articles == 8


def test_pipeline_new_fingerprint_invalidates_the_store(
    seeded_out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Extractor, "fingerprint", lambda self: "a-different-model")
    calls = count_extractions(monkeypatch)
    result = run([SMALL_SEED], out=seeded_out, html=False)
    assert result.reused == 0
    assert len(calls) == result.articles == 8


# --- 5. interrupted and concurrent runs ------------------------------------------------------------

SMALL_PAGES = [
    GOOD,
    DATA / "gbk.txt",
    DATA / "utf8_bom.txt",
    DATA / "gb18030.txt",
]  # one article each


def interrupt_after(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make extraction raise KeyboardInterrupt (Ctrl-C) when the (n+1)-th article starts."""
    real = Extractor.extract_many
    done: list[str] = []

    def extract_many(self: Extractor, articles):  # type: ignore[no-untyped-def]
        results = []
        for article in articles:  # one by one, to stop at the article itself
            if len(done) >= n:
                raise KeyboardInterrupt
            results += real(self, [article])
            done.append(article.id)
        return results

    monkeypatch.setattr(Extractor, "extract_many", extract_many)


@pytest.fixture
def previous_run(seeds_run: RunResult, tmp_path: Path) -> Path:
    """An output folder holding the graph of an earlier run (and no store)."""
    out = tmp_path / "out"
    out.mkdir()
    for name in ("graph.graphml", "graph.json", "entities.csv", "relations.csv"):
        shutil.copy2(seeds_run.out / name, out / name)
    return out


def test_pipeline_interrupt_keeps_the_previous_outputs(
    previous_run: Path, seeds_run: RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {name: (previous_run / name).read_bytes() for name in ("graph.graphml", "graph.json")}
    monkeypatch.setattr(
        kg.runtime.parallel, "BATCH_SIZE", 1
    )  # else the interrupt loses the whole batch
    interrupt_after(2, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run(SMALL_PAGES, out=previous_run)
    for name, data in before.items():
        assert (previous_run / name).read_bytes() == data, name
    read = read_graph(previous_run / "graph.graphml")
    assert read.number_of_nodes() == seeds_run.graph.number_of_nodes()
    # The lock went with the run: the next one may start.
    with output_lock(previous_run):
        pass


def test_pipeline_interrupt_keeps_the_extracted_articles(
    previous_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        kg.runtime.parallel, "BATCH_SIZE", 1
    )  # else the interrupt loses the whole batch
    interrupt_after(2, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run(SMALL_PAGES, out=previous_run)
    monkeypatch.undo()
    assert len(stored_texts(previous_run)) == 2
    result = run(SMALL_PAGES, out=previous_run, html=False)
    assert result.reused == 2
    assert result.articles == len(SMALL_PAGES)


def test_pipeline_concurrent_run_on_the_same_folder_fails(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_lock(out):
        with pytest.raises(LockedError, match="another kg run is using"):
            run([GOOD], out=out)
        cli = CliRunner().invoke(app, ["run", str(GOOD), "--out", str(out)])
    assert cli.exit_code == 2
    assert "another kg run is using" in " ".join(cli.stderr.split())
    assert not (out / "graph.graphml").exists()


# --- 6. parallel extraction ---------------------------------------------------------------------


@pytest.mark.parametrize("html", [False, True])
def test_pipeline_jobs_2_gives_the_same_outputs_as_jobs_1(tmp_path: Path, html: bool) -> None:
    # with html, jobs 2 also writes GraphML, JSON and CSV, then some of the pages, in a second process
    pages = [SMALL_SEED, SEEDS / "004_8a114bd477087453.txt"]
    one = run(pages, out=tmp_path / "one", jobs=1, html=html)
    two = run(pages, out=tmp_path / "two", jobs=2, html=html)
    assert one.articles == two.articles == 16
    assert graph_signature(two.graph) == graph_signature(one.graph)
    assert sorted(one.outputs) == sorted(two.outputs)

    def written(out: Path) -> list[str]:  # the outputs, less the store and the lock
        return sorted(
            str(p.relative_to(out))
            for p in out.rglob("*")
            if p.is_file() and p.suffix in (".graphml", ".json", ".csv", ".html")
        )

    names = written(tmp_path / "one")
    assert names == written(tmp_path / "two")
    articles = [n for n in names if n.startswith("articles/")]
    assert len(articles) == (16 if html else 0)  # a page per article
    # tables (GraphML, JSON, three CSV); index, tables.html and three views; ego pages
    assert len(names) - len(articles) == (5 + 5 + 20 if html else 5)
    for name in names:  # with html, the two processes of jobs 2 share the pages between them
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), (
            name
        )


def test_pipeline_jobs_2_failed_table_writer_fails_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.readwrite

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("No space left on device")

    monkeypatch.setattr(kg.readwrite, "write_json", broken)
    with pytest.raises(OSError, match="No space left"):  # whichever process wrote the JSON
        run([SMALL_SEED], out=tmp_path / "out", jobs=2)


def test_pipeline_no_articles_keeps_the_previous_outputs(tmp_path: Path) -> None:
    """A mistyped path or a folder of unsupported files is an error, and the graph of an earlier
    run in the same output folder stays as it was."""
    from kg.pipeline import NoArticlesError

    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.graphml").write_text("earlier run", encoding="utf-8")
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text("<p>报道</p>", encoding="utf-8")
    with pytest.raises(NoArticlesError, match=r"\.html"):
        run([folder], out=out, on_error=lambda p, m: None)
    assert (out / "graph.graphml").read_text(encoding="utf-8") == "earlier run"


# --- 6. unchanged files are not read again -----------------------------------------------------


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Wrap the runtime's read_articles and return the names of the files it reads."""
    import kg.runtime.incremental

    calls: list[str] = []
    real = kg.runtime.incremental.read_articles

    def read_articles(paths, **kwargs):  # type: ignore[no-untyped-def]
        calls.extend(Path(p).name for p in paths)
        return real(paths, **kwargs)

    monkeypatch.setattr(kg.runtime.incremental, "read_articles", read_articles)
    return calls


def _age(path: Path, seconds: float = 60) -> None:
    """Move a file's mtime into the past (files changed seconds ago are re-read on purpose)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def aged_pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for source in SMALL_PAGES:
        shutil.copy(source, pages / source.name)
        _age(pages / source.name)
    return pages


def test_pipeline_rerun_reads_only_new_and_changed_files(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = run([aged_pages], out=out, html=False)
    reads = count_reads(monkeypatch)
    second = run([aged_pages], out=out, html=False)
    assert reads == []
    assert second.reused == second.articles == first.articles
    assert graph_signature(second.graph) == graph_signature(first.graph)

    shutil.copy(SEEDS / "002_a5410352c8169bb8.txt", aged_pages / "new.txt")
    changed = aged_pages / "gbk.txt"
    changed.write_text("本报讯 东阿县副县长王新民到县医院调研。", encoding="utf-8")
    _age(changed, 30)
    third = run([aged_pages], out=out, html=False)
    assert sorted(reads) == ["gbk.txt", "new.txt"]
    assert third.articles == first.articles + 8
    assert "王新民" in "".join(third.graph.nodes)
    fresh = run([aged_pages], out=tmp_path / "fresh", html=False)
    assert graph_signature(third.graph) == graph_signature(fresh.graph)


def count_file_reads(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Names of the files in ``folder`` opened, however they are read (``read_bytes`` opens)."""
    here, calls, real_open = folder.resolve(), [], Path.open

    def open_(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.extend([self.name] if self.resolve().parent == here else [])
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    return calls


def test_pipeline_warm_rerun_opens_a_new_file_once_and_no_other(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run([aged_pages], out=tmp_path / "out", html=False)
    (aged_pages / "new.txt").write_bytes((SEEDS / "002_a5410352c8169bb8.txt").read_bytes())
    _age(aged_pages / "new.txt")
    opened = count_file_reads(monkeypatch, aged_pages)
    warm = run([aged_pages], out=tmp_path / "out", html=False)
    assert opened == ["new.txt"]  # scan -> look up -> read what is new, once
    assert warm.reused == first.articles < warm.articles
    again = run([aged_pages], out=tmp_path / "out", html=False)
    assert opened == ["new.txt"] and again.reused == again.articles == warm.articles


def test_pipeline_rerun_hands_the_heap_back(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stored records and the graph are frozen away from the cyclic GC during a run; the
    # caller's gc state is its own again afterwards, after an interrupted run too.
    out = tmp_path / "out"
    run([aged_pages], out=out, html=False)
    before = gc.get_freeze_count()
    run([aged_pages], out=out, html=False)
    assert gc.get_freeze_count() == before
    shutil.copy(SEEDS / "002_a5410352c8169bb8.txt", aged_pages / "new.txt")
    interrupt_after(0, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run([aged_pages], out=out, html=False)
    assert gc.get_freeze_count() == before
    assert gc.isenabled()


def test_pipeline_rerun_reports_the_problems_of_unread_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    lines = [
        json.dumps({"id": "a1", "text": "本报讯 市长张三到市公安局调研。"}, ensure_ascii=False),
        "{broken",
    ]
    (pages / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (pages / "empty.txt").write_text("", encoding="utf-8")
    for page in pages.iterdir():
        _age(page)
    runs = []
    for _ in range(2):
        problems = Problems()
        reads = count_reads(monkeypatch)
        result = run([pages], out=tmp_path / "out", html=False, on_error=problems)
        runs.append((sorted(problems.calls), result.articles, list(reads)))
        monkeypatch.undo()
    (first, n1, reads1), (second, n2, reads2) = runs
    assert first == second and len(first) == 2 and n1 == n2 == 1
    assert sorted(reads1) == ["empty.txt", "feed.jsonl"] and reads2 == []


def test_pipeline_rerun_reads_again_when_the_reader_or_rules_change(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.runtime.incremental

    out = tmp_path / "out"
    run([aged_pages], out=out, html=False)
    reads = count_reads(monkeypatch)
    monkeypatch.setattr(kg.runtime.incremental, "reader_fingerprint", lambda: "another-reader")
    run([aged_pages], out=out, html=False)
    assert sorted(reads) == sorted(p.name for p in SMALL_PAGES)

    reads.clear()
    monkeypatch.setattr(Extractor, "fingerprint", lambda self: "other-rules")
    calls = count_extractions(monkeypatch)
    result = run([aged_pages], out=out, html=False)
    assert sorted(reads) == sorted(p.name for p in SMALL_PAGES)  # unchanged, but re-extracted
    assert result.reused == 0 and len(calls) == result.articles


def test_pipeline_recently_changed_files_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(GOOD, pages / "today.txt")  # mtime: now
    run([pages], out=tmp_path / "out", html=False)
    reads = count_reads(monkeypatch)
    run([pages], out=tmp_path / "out", html=False)
    assert reads == ["today.txt"]


def test_pipeline_fresh_with_no_articles_keeps_the_store(aged_pages: Path, tmp_path: Path) -> None:
    from kg.pipeline import NoArticlesError

    out = tmp_path / "out"
    run([aged_pages], out=out, html=False)
    before = stored_texts(out)
    with pytest.raises(NoArticlesError):
        run([tmp_path / "missing"], out=out, fresh=True, on_error=lambda p, m: None)
    assert stored_texts(out) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")
def test_pipeline_jobs_2_rerun_extracts_a_new_page_beside(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run([aged_pages], out=out, jobs=2, html=False)
    shutil.copy(GOOD, aged_pages / "new.txt")
    calls = count_extractions(monkeypatch)  # counts calls in this process only
    again = run([aged_pages], out=out, jobs=2, html=False)
    assert calls == [] and again.articles == again.reused + 1
    assert "new#1" in stored_texts(out)
    alone = run([aged_pages], out=tmp_path / "alone", jobs=1, html=False)
    assert calls == [p.stem + "#1" for p in sorted(aged_pages.iterdir())]  # jobs 1: all here
    assert graph_signature(again.graph) == graph_signature(alone.graph)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")
def test_pipeline_jobs_2_rerun_error_beside_fails_the_run(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run([aged_pages], out=out, jobs=2, html=False)
    shutil.copy(GOOD, aged_pages / "new.txt")

    def broken(self, articles):  # type: ignore[no-untyped-def]
        raise ValueError(f"cannot read {articles[0].id}")

    monkeypatch.setattr(Extractor, "extract_many", broken)
    with pytest.raises(ValueError, match="cannot read new#1"):  # as it would in this process
        run([aged_pages], out=out, jobs=2, html=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")
def test_pipeline_jobs_2_starts_workers_for_enough_new_text(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers (a model each) for more than POOL_MIN_CHARS of new text; a process that holds the
    # model already keeps up to POOL_MIN_CHARS_LOADED of it.
    from kg.pipeline import Resident

    monkeypatch.setattr(kg.runtime.extraction, "POOL_MIN_CHARS", 1)
    monkeypatch.setattr(kg.runtime.extraction, "POOL_MIN_CHARS_LOADED", 10**9)
    out, resident = tmp_path / "out", Resident()
    run([aged_pages], out=out, html=False, resident=resident)  # jobs 1: loads the model here
    shutil.copy(GOOD, aged_pages / "new.txt")
    calls = count_extractions(monkeypatch)  # in this process only
    elsewhere = run([aged_pages], out=tmp_path / "other", jobs=2, html=False)
    assert calls == [] and elsewhere.reused == 0
    here = run([aged_pages], out=out, jobs=2, html=False, resident=resident)
    assert calls == ["new#1"] and here.articles == here.reused + 1
    monkeypatch.setattr(kg.runtime.extraction, "POOL_MIN_CHARS_LOADED", 1)
    (aged_pages / "new2.txt").write_text(
        GOOD.read_text(encoding="utf-8") + "\n又一段。\n", encoding="utf-8"
    )
    calls.clear()
    again = run([aged_pages], out=out, jobs=2, html=False, resident=resident)
    assert calls == [] and again.articles == again.reused + 1


# --- 7. a resident process keeps the model and unchanged files' extractions ----------------------


def count_store_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Wrap Store.get_many and return how many ids each call asked for."""
    from kg.runtime.store import Store

    calls: list[int] = []
    real = Store.get_many

    def get_many(self, ids, fingerprint):  # type: ignore[no-untyped-def]
        ids = list(ids)
        calls.append(len(ids))
        return real(self, ids, fingerprint)

    monkeypatch.setattr(Store, "get_many", get_many)
    return calls


def test_pipeline_resident_reuses_what_it_kept_while_the_files_are_unchanged(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.pipeline import Resident

    out, resident = tmp_path / "out", Resident()
    first = run([aged_pages], out=out, html=False, resident=resident)
    store_reads, calls = count_store_reads(monkeypatch), count_extractions(monkeypatch)
    again = run([aged_pages], out=out, html=False, resident=resident)
    assert store_reads == [] and calls == []  # neither the store nor the model was asked
    assert again.reused == again.articles == first.articles
    assert graph_signature(again.graph) == graph_signature(first.graph)

    changed = aged_pages / "gbk.txt"
    changed.write_text("本报讯 东阿县副县长王新民到县医院调研。", encoding="utf-8")
    _age(changed, 30)
    third = run([aged_pages], out=out, html=False, resident=resident)
    assert store_reads == [] and calls == ["gbk#1"]
    assert "王新民" in "".join(third.graph.nodes)
    alone = run([aged_pages], out=tmp_path / "alone", html=False)
    assert graph_signature(third.graph) == graph_signature(alone.graph)

    changed.unlink()  # a removed file's extractions are not kept
    run([aged_pages], out=out, html=False, resident=resident)
    assert not any(key[0].endswith("gbk.txt") for key in resident.files)


def test_pipeline_resident_keeps_no_file_changed_within_the_last_seconds(tmp_path: Path) -> None:
    from kg.pipeline import Resident

    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(GOOD, pages / "today.txt")  # mtime: now; it could change again unseen
    resident = Resident()
    run([pages], out=tmp_path / "out", html=False, resident=resident)
    assert resident.files == {}


def test_pipeline_resident_fresh_and_new_rules_extract_again(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.pipeline import Resident

    out, resident = tmp_path / "out", Resident()
    run([aged_pages], out=out, html=False, resident=resident)
    calls = count_extractions(monkeypatch)
    result = run([aged_pages], out=out, html=False, resident=resident, fresh=True)
    assert len(calls) == result.articles and result.reused == 0
    calls.clear()
    monkeypatch.setattr(Extractor, "fingerprint", lambda self: "other-rules")
    result = run([aged_pages], out=out, html=False, resident=resident)
    assert len(calls) == result.articles and result.reused == 0


def test_pipeline_resident_loads_the_model_once(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.pipeline import Resident

    loads = count_model_loads(monkeypatch)
    resident = Resident()
    out = tmp_path / "out"
    for n in range(3):
        shutil.copy(GOOD, aged_pages / f"new{n}.txt")
        run([aged_pages], out=out, html=False, resident=resident)
    assert loads == [DEFAULT_BACKEND.value]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")
def test_pipeline_resident_with_the_model_loaded_extracts_a_new_page_here(
    aged_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # jobs 2 forks a process to load the model for a few new pages; a resident holds it already.
    from kg.pipeline import Resident

    out, resident = tmp_path / "out", Resident()
    run([aged_pages], out=out, html=False, resident=resident)  # jobs 1: loads the model here
    shutil.copy(GOOD, aged_pages / "new.txt")
    calls = count_extractions(monkeypatch)
    again = run([aged_pages], out=out, jobs=2, html=False, resident=resident)
    assert calls == ["new#1"] and again.articles == again.reused + 1


def test_pipeline_seeds_outputs_stay_small_and_cite_their_articles(seeds_run: RunResult) -> None:
    out = seeds_run.out
    files = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith("kg.sqlite")]
    assert sum(p.stat().st_size for p in files) < 5_000_000  # was 20 MB with vis-network per page
    vis = [p for p in files if p.name == "vis-network.min.js"]
    assert vis == [out / "assets" / "vis-network.min.js"]
    pages = sorted((out / "articles").glob("*.html"))
    assert len(pages) == seeds_run.articles
    info = seeds_run.graph.graph["article_info"]
    assert len(info) == seeds_run.articles and any(a.title for a in info.values())
