"""How long after a page lands does ``kg watch`` show it: file event, update, outputs written.

    PYTHONPATH=. python benchmarks/watch_latency.py 1000 --jobs 2

Copies ``benchmarks/out/corpus-N.jsonl`` (built by benchmarks/run.py) into a folder, runs
``kg run`` on it once (the store is then warm, as for a user who has been running kg), starts
``kg watch`` on the folder as a user would, and drops one new article into it ``--pages``
times, waiting each time for the update line. Prints each latency and appends one JSON line
to ``benchmarks/out/results.jsonl``. ``benchmarks/run.py`` calls ``watch_updates`` on the
output folder of its own runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from make_corpus import generate, write_records

OUT = Path(__file__).parent / "out"
_SECONDS = re.compile(r"\(1 extracted\).* in ([0-9.]+) s$")


@dataclass
class Watched:
    latency_s: list[float]  # from the page landing to the update line
    update_s: list[float]  # the updates' own time, as kg watch prints it
    rss_mib: float | None  # what the watcher holds between updates
    peak_rss_mib: float | None


def watch_updates(
    inputs: list[Path], drop: Path, out: Path, *, jobs: int, pages: int, n: int
) -> Watched:
    """Start ``kg watch INPUTS --out OUT`` (``drop`` must be one of the inputs, a folder), wait
    for its first update, then move ``pages`` new one-article files into ``drop`` one by one."""
    command = [
        sys.executable,
        "-m",
        "kg.cli",
        "watch",
        *map(str, inputs),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
    ]
    watcher = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    latencies: list[float] = []
    updates: list[float] = []
    try:
        _next_update(watcher)
        time.sleep(5)  # it loads the model while waiting
        for k in range(pages):
            # written outside, then moved in: one event, whole file
            staged = drop.parent / f".{drop.name}-{k}.jsonl"
            write_records(staged, generate(1, seed=100 + k, start=n + 100 + k))
            start = time.perf_counter()
            staged.rename(drop / f"new-{k}.jsonl")
            line = _next_update(watcher)
            latencies.append(round(time.perf_counter() - start, 2))
            match = _SECONDS.search(line)
            if match is None:
                raise RuntimeError(f"not an update of one new article: {line}")
            updates.append(float(match.group(1)))
            print(f"page {k + 1}: {latencies[-1]} s  ({line})")
            time.sleep(1)
        rss, peak = _memory_mib(watcher.pid)
    finally:
        watcher.terminate()
        watcher.wait()
    return Watched(latencies, updates, rss, peak)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "n", type=int, help="corpus size (benchmarks/out/corpus-N.jsonl must exist)"
    )
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--pages", type=int, default=5, help="new pages dropped one after another")
    args = parser.parse_args(argv)

    corpus = OUT / f"corpus-{args.n}.jsonl"
    if not corpus.is_file():
        parser.error(f"{corpus} is missing: run benchmarks/run.py {args.n} first")
    work = OUT / f"watch-{args.n}-j{args.jobs}"
    shutil.rmtree(work, ignore_errors=True)
    pages, out = work / "pages", work / "out"
    pages.mkdir(parents=True)
    shutil.copy(corpus, pages / corpus.name)
    then = time.time() - 60
    os.utime(pages / corpus.name, (then, then))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "run",
            str(pages),
            "--out",
            str(out),
            "--jobs",
            str(args.jobs),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    watched = watch_updates([pages], pages, out, jobs=args.jobs, pages=args.pages, n=args.n)
    results = {
        "benchmark": "watch_latency",
        "n": args.n,
        "jobs": args.jobs,
        "latency_s": watched.latency_s,
        "update_s": watched.update_s,
        "watcher_rss_mib": watched.rss_mib,
        "watcher_peak_rss_mib": watched.peak_rss_mib,
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
    }
    with (OUT / "results.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(results, ensure_ascii=False) + "\n")
    print(
        f"watcher: {watched.rss_mib} MiB resident between updates, peak {watched.peak_rss_mib} MiB"
    )
    return results


def _memory_mib(pid: int) -> tuple[float | None, float | None]:
    """(VmRSS, VmHWM) of a process in MiB, from /proc (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None, None
    kib = {
        line.split(":")[0]: int(line.split()[1])
        for line in status.splitlines()
        if line.startswith(("VmRSS", "VmHWM"))
    }
    return round(kib["VmRSS"] / 1024), round(kib["VmHWM"] / 1024)


def _next_update(watcher: subprocess.Popen) -> str:
    assert watcher.stdout is not None
    for line in watcher.stdout:
        if " updated " in line:
            return line.strip()
    raise RuntimeError(f"kg watch ended (exit code {watcher.wait()}) before an update")


if __name__ == "__main__":
    main()
