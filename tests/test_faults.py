"""One clear line and a non-zero exit code for every fault of the machine or of a file:
a damaged store, a full disk, a read-only or file --out, damaged graph files, an impossible
export target, a missing input, an empty folder, a negative --top; and a kill -9 while a real
run writes its outputs. Data: tests/data/faults/ (and tests/data/ingest/ for bad names)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.readwrite.atomic import MANIFEST, STAGE
from kg.readwrite.tables import runs_as_formula

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "faults"
INGEST = REPO / "tests" / "data" / "ingest"
PAGE = DATA / "page.txt"


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])


def one_error_line(result, code: int = 2) -> str:  # type: ignore[no-untyped-def]
    """The single "error:" line of a command that failed cleanly with ``code``."""
    assert result.exit_code == code, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def test_damaged_store_says_how_and_fresh_moves_it_aside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(DATA / "damaged.sqlite", out / "kg.sqlite")
    line = one_error_line(invoke("run", PAGE, "--out", out))
    assert "kg.sqlite is not a usable kg store" in line and "--fresh" in line
    fresh = invoke("run", PAGE, "--out", out, "--fresh")
    assert fresh.exit_code == 0, fresh.output
    assert "moved aside to kg.sqlite.damaged" in fresh.stderr
    assert (out / "kg.sqlite.damaged").read_bytes() == (DATA / "damaged.sqlite").read_bytes()
    assert (out / "graph.graphml").is_file()


def test_full_disk_is_one_line_and_leaves_no_partial_outputs(small_disk) -> None:
    out = small_disk() / "out"
    line = one_error_line(invoke("run", REPO / "seeds", "--out", out))
    assert "no space left on the device" in line
    assert not (out / STAGE).exists() and not (out / "index.html").exists()
    assert not [p for p in out.rglob("*.tmp")]


def test_read_only_out_is_one_line(small_disk) -> None:
    disk = small_disk("ro")
    assert "Read-only file system" in one_error_line(invoke("run", PAGE, "--out", disk / "out"))
    assert "Read-only file system" in one_error_line(invoke("run", PAGE, "--out", disk))


def test_out_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "outputs"
    shutil.copy(PAGE, out)
    assert "is a file, not a folder" in one_error_line(invoke("run", PAGE, "--out", out))
    assert out.read_bytes() == PAGE.read_bytes()


def test_damaged_graph_files_are_one_line_for_show_and_export(tmp_path: Path) -> None:
    shutil.copy(DATA / "truncated.graphml", tmp_path / "graph.graphml")
    shutil.copy(DATA / "truncated.json", tmp_path / "graph.json")
    for args in (["show", "李强"], ["export", "--format", "gexf"]):
        line = one_error_line(invoke(*args, "--out", tmp_path))
        assert (
            "cannot read the graph" in line and "graph.graphml:" in line and "graph.json:" in line
        )


def test_damaged_graphml_falls_back_to_the_json(seeds_run, tmp_path: Path) -> None:
    shutil.copy(seeds_run.out / "graph.json", tmp_path / "graph.json")
    shutil.copy(DATA / "truncated.graphml", tmp_path / "graph.graphml")
    shown = invoke("show", "李强", "--out", tmp_path)
    assert shown.exit_code == 0, shown.output
    assert "李强" in shown.stdout


def test_export_to_an_impossible_path_is_one_line(seeds_run, tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    shutil.copy(PAGE, blocker)
    for fmt, target in (("csv", blocker / "csv"), ("json", blocker / "graph.json")):
        line = one_error_line(
            invoke("export", "--format", fmt, "--out", seeds_run.out, "--to", target)
        )
        assert line.startswith("error: cannot write") and "a_file" in line


def test_run_on_a_missing_path_creates_nothing(tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert "no articles in" in one_error_line(invoke("run", tmp_path / "missing", "--out", out))
    assert not out.exists()


def test_extract_on_an_empty_folder_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no articles in" in one_error_line(invoke("extract", empty))
    assert invoke("extract", PAGE).exit_code == 0  # a folder with a page is fine


def test_show_rejects_a_negative_top(seeds_run) -> None:
    result = invoke("show", "李强", "--out", seeds_run.out, "--top", "-5")
    assert result.exit_code == 2 and "--top" in result.output
    assert invoke("show", "李强", "--out", seeds_run.out, "--top", "1").exit_code in (0, 2)


def test_bad_names_and_records_cost_only_themselves(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(INGEST / "gbk_name.txt", pages / os.fsdecode("版面".encode("gbk") + b".txt"))
    for name in ("surrogate.jsonl", "jsonl_bad_byte.jsonl"):
        shutil.copy(INGEST / name, pages / name)
    out = tmp_path / "out"
    result = invoke("run", pages, "--out", out)
    assert result.exit_code == 1, result.output  # one JSONL line was skipped
    assert isinstance(result.exception, SystemExit)
    assert "1 input(s) skipped" in result.stderr and "line 3: not UTF-8" in result.stderr
    assert result.stderr.count("warning") == 2  # the two lone surrogates
    with (out / "entities.csv").open(encoding="utf-8", newline="") as handle:
        ids = {i for row in csv.DictReader(handle) for i in row["article_ids"].split("|")}
    assert {"版面#1", "a\ufffdb", "ok", "r1", "r2", "r4"} <= ids
    extracted = invoke("extract", pages)
    assert extracted.exit_code == 1 and isinstance(extracted.exception, SystemExit)
    assert len([json.loads(line) for line in extracted.stdout.splitlines()]) == 6


def test_formula_in_a_record_id_is_text_in_the_spreadsheets(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke("run", DATA / "formula_id.jsonl", "--out", out).exit_code == 0
    for name in ("entities.csv", "relations.csv"):
        with (out / name).open(encoding="utf-8", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        assert not [c for c in cells if runs_as_formula(c)]
        assert any(c.startswith("'=HYPERLINK(") for c in cells), name


KILLER = """
import os, signal, sys
from kg.render import ViewPlan
def die(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
ViewPlan.write_index = die  # the last output a run writes
from kg.cli import main
sys.argv = ["kg", "run", *sys.argv[1:]]
main()
"""


def test_kill_9_while_a_run_writes_its_outputs(seeds_run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seeds_run.out, out)  # the last generation: the seeds run
    before = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and "kg.sqlite" not in p.name
    }
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(PAGE), "--out", str(out)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]
    after = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and "kg.sqlite" not in p.name
    }
    written = {k: v for k, v in after.items() if k.parts[0] != STAGE}
    assert written.keys() == before.keys() and all(
        written[k] == before[k] for k in before if k.name != ".kg.lock"
    )
    rerun = invoke("run", PAGE, "--out", out)
    assert rerun.exit_code == 0, rerun.output
    fresh = tmp_path / "fresh"
    assert invoke("run", PAGE, "--out", fresh).exit_code == 0
    listing = lambda folder: sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if "kg.sqlite" not in p.name
    )
    assert listing(out) == listing(
        fresh
    )  # the same pages as a fresh run: no stale ego page, no .tmp
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8")) == json.loads(
        (fresh / MANIFEST).read_text(encoding="utf-8")
    )
