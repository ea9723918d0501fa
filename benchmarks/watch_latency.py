"""How long after a page lands does ``kg watch`` show it: file event, update, outputs written.

    PYTHONPATH=. python benchmarks/watch_latency.py 1000 --jobs 2

Copies ``benchmarks/out/corpus-N.jsonl`` (built by benchmarks/run.py) into a folder, runs
``kg run`` on it once (the store is then warm, as for a user who has been running kg), starts
``kg watch`` on the folder as a user would, and drops one new article into it ``--pages``
times, waiting each time for the update line. Prints each latency and appends one JSON line
to ``benchmarks/out/results.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from make_corpus import generate

OUT = Path(__file__).parent / "out"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="corpus size (benchmarks/out/corpus-N.jsonl must exist)")
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
    kg = [sys.executable, "-m", "kg.cli"]
    subprocess.run([*kg, "run", str(pages), "--out", str(out), "--jobs", str(args.jobs)],
                   check=True, stdout=subprocess.DEVNULL)

    watcher = subprocess.Popen([*kg, "watch", str(pages), "--out", str(out), "--jobs", str(args.jobs)],
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "400"})
    assert watcher.stdout is not None
    try:
        first = _next_update(watcher)
        time.sleep(5)  # it loads the model while waiting
        latencies = []
        for k in range(args.pages):
            record = next(generate(1, seed=100 + k, start=args.n + 100 + k))
            staged = work / f"new-{k}.jsonl"  # written outside, then moved in: one event, whole file
            staged.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
            start = time.perf_counter()
            staged.rename(pages / staged.name)
            line = _next_update(watcher)
            latencies.append(round(time.perf_counter() - start, 2))
            print(f"page {k + 1}: {latencies[-1]} s  ({line})")
            time.sleep(1)
        rss, peak = _memory_mib(watcher.pid)
    finally:
        watcher.terminate()
        watcher.wait()
    results = {
        "benchmark": "watch_latency",
        "n": args.n,
        "jobs": args.jobs,
        "first_update": first,
        "latency_s": latencies,
        "watcher_rss_mib": rss,  # what the resident process holds between updates
        "watcher_peak_rss_mib": peak,
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
    }
    with (OUT / "results.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(results, ensure_ascii=False) + "\n")
    print(f"watcher: {rss} MiB resident between updates, peak {peak} MiB")
    return results


def _memory_mib(pid: int) -> tuple[float | None, float | None]:
    """(VmRSS, VmHWM) of a process in MiB, from /proc (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None, None
    kib = {line.split(":")[0]: int(line.split()[1]) for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
    return round(kib["VmRSS"] / 1024), round(kib["VmHWM"] / 1024)


def _next_update(watcher: subprocess.Popen) -> str:
    assert watcher.stdout is not None
    for line in watcher.stdout:
        if " updated " in line:
            return line.strip()
    raise RuntimeError(f"kg watch ended (exit code {watcher.wait()}) before an update")


if __name__ == "__main__":
    main()
