"""Command line: options only; every command calls an importable, tested function."""

from __future__ import annotations

import json
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.extract.backends import DEFAULT_BACKEND, BackendError, BackendName

# rich_markup_mode=None: typer's rich help table shows a type such as <bool> beside every option,
# flags included, which reads as if --fresh took a value; click's plain help shows flags bare
# and lists each option's choices ([lac|spacy|hanlp]).
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Chinese local news -> knowledge graph.",
)
# soft_wrap: long paths stay on one line in logs (rich hard-wraps at 80 columns off a terminal).
console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

Inputs = Annotated[list[Path], typer.Argument(help="Files (.txt, .jsonl) and folders of articles.")]
Out = Annotated[Path, typer.Option("--out", "-o", help="Output folder.")]
BackendOpt = Annotated[
    BackendName, typer.Option("--backend", "-b", help="Statistical model under the domain rules.")
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="Model name or path for the backend.")
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")]
HomeCityOpt = Annotated[
    str | None, typer.Option(help="City that 市公安局 etc. refer to (default: detected).")
]
TopNOpt = Annotated[int, typer.Option(help="Entities shown in the overview.")]
EgoCountOpt = Annotated[int, typer.Option(help="Entities that get their own neighbourhood page.")]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Year (2024) or date (2024-12-20) for pages that print a month and day but no year "
        "(after the text, the file name and its folders).",
    ),
]


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    csv = "csv"
    neo4j = "neo4j"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"


# What `kg run` writes already, per export format: `kg export` points to them instead of copying.
RUN_WRITES = {
    "graphml": ("graph.graphml",),
    "json": ("graph.json",),
    "csv": ("entities.csv", "relations.csv"),
}


def _year(date: str | None) -> int | None:
    from kg.ingest.dates import year_option

    if date is None:
        return None
    try:
        return year_option(date)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc


def _warn(path: Path, problem: str) -> None:
    from kg.ingest import is_warning, path_text

    if is_warning(problem):
        err.print(
            f"[yellow]warning[/yellow] {path_text(path)}: {problem.split(': ', 1)[1]}",
            highlight=False,
        )
    else:
        err.print(f"[yellow]skipped[/yellow] {path_text(path)}: {problem}", highlight=False)


def _fault(exc: BaseException, out: Path) -> str | None:
    """One line for a fault of the machine, the store or a file, or None for other errors
    (those are kg's bugs and keep their traceback)."""
    import errno
    import sqlite3

    from kg.ingest import path_text
    from kg.runtime.store import STORE_NAME, StoreError

    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        return (
            f"no space left on the device of {path_text(out)} ({exc}); "
            "the last run's outputs are as they were"
        )
    if isinstance(exc, sqlite3.OperationalError):
        return f"cannot use the store {path_text(out / STORE_NAME)}: {exc}"
    if isinstance(exc, sqlite3.DatabaseError):
        return (
            f"the store {path_text(out / STORE_NAME)} is damaged ({exc}); run again with --fresh to "
            "move it aside and start a new one"
        )
    if not isinstance(exc, OSError):
        return None
    where = (
        path_text(exc.filename) if isinstance(exc.filename, (str, bytes, Path)) else path_text(out)
    )
    if exc.errno == errno.ENOSPC:
        return f"no space left on the device of {where}; the last run's outputs are as they were"
    if out.exists() and not out.is_dir():
        return f"{path_text(out)} is a file, not a folder: choose another output folder"
    return f"cannot write {where}: {exc.strerror or exc}"


def _skipped(problems: list[str]) -> int:
    """How many of the problems reported skipped an input (the others are warnings)."""
    from kg.ingest import is_warning

    return sum(not is_warning(p) for p in problems)


class _Bars:
    """Adapts the pipeline's progress callback to rich progress bars."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        task = self.tasks[stage]
        self.progress.update(task, total=total)
        if stage == "extract" or total is None:
            self.progress.advance(task, advance)
        else:
            self.progress.update(task, completed=advance)


@app.command()
def run(
    inputs: Inputs,
    out: Out = Path("outputs"),
    backend: BackendOpt = DEFAULT_BACKEND,
    model: ModelOpt = None,
    jobs: JobsOpt = 1,
    engine: Annotated[Engine, typer.Option(help="Where extraction runs.")] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (with --engine dask).")
    ] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="Ignore stored extractions.")] = False,
    home_city: HomeCityOpt = None,
    top_n: TopNOpt = 300,
    ego_count: EgoCountOpt = 20,
    date: DateOpt = None,
) -> None:
    """Read articles, build the graph and write HTML, GraphML, CSV and JSON into OUT."""
    from kg.pipeline import run as run_pipeline
    from kg.runtime.lock import LockedError

    year = _year(date)
    columns = (
        TextColumn("{task.description:>8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        with Progress(
            *columns, console=err, transient=True, disable=not err.is_terminal
        ) as progress:
            result = run_pipeline(
                inputs,
                out=out,
                backend=backend.value,
                model=model,
                jobs=jobs,
                engine=engine.value,
                scheduler=scheduler,
                fresh=fresh,
                home_city=home_city,
                top_n=top_n,
                ego_count=ego_count,
                year=year,
                progress=_Bars(progress),
                on_error=_warn,
            )
    except (BackendError, LockedError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except Exception as exc:  # a full disk, a read-only or damaged --out: one line, no traceback
        message = _fault(exc, out)
        if message is None:
            raise
        err.print(f"[red]error:[/red] {message}", highlight=False)
        raise typer.Exit(2) from exc

    table = Table(
        title=f"kg run: {result.articles} articles ({result.reused} reused from the store)"
    )
    table.add_column("entities", justify="left")
    table.add_column("n", justify="right")
    for etype in ("PERSON", "ORG", "LOC", "PROJECT"):
        table.add_row(etype, str(result.entity_counts.get(etype, 0)))
    for relation, n in sorted(result.relation_counts.items()):
        table.add_row(f"[dim]edges[/dim] {relation}", str(n))
    console.print(table)
    _print_homes(result.graph.graph)
    for name, path in result.outputs.items():
        console.print(f"  {name:9} {path}", highlight=False)
    console.print(
        f"Open [bold]{result.outputs.get('index', result.outputs.get('graphml'))}[/bold] in a browser."
    )
    skipped = _skipped([problem for _, problem in result.skipped])
    if skipped:
        err.print(f"[yellow]{skipped} input(s) skipped[/yellow] (listed above)")
        raise typer.Exit(1)


def _print_homes(attrs: dict) -> None:
    """Where 市公安局 and the like were read: the home city, and the sources of other papers."""
    home = attrs.get("home_city")
    others = attrs.get("other_homes") or {}
    line = (
        f"home city: {home} (city-relative names such as 市公安局 are read there"
        if home
        else "home city: none detected (no province holds most of the places named, as in a"
        " national paper: city-relative names such as 市公安局 stay as written"
    )
    if others:
        places = Counter(others.values())
        listed = "、".join(f"{p} ({n})" if n > 1 else p for p, n in sorted(places.items()))
        line += f"; {len(others)} source(s) of other papers at their own place: {listed}"
    console.print(line + "; --home-city sets one for all)", highlight=False)


@app.command()
def watch(
    inputs: Inputs,
    out: Out = Path("outputs"),
    backend: BackendOpt = DEFAULT_BACKEND,
    model: ModelOpt = None,
    jobs: JobsOpt = 1,
    home_city: HomeCityOpt = None,
    top_n: TopNOpt = 300,
    ego_count: EgoCountOpt = 20,
    date: DateOpt = None,
    poll: Annotated[
        bool, typer.Option("--poll", help="Poll for changes (network drives, some containers).")
    ] = False,
) -> None:
    """Run, then update OUT whenever pages under INPUTS are added, changed or removed (Ctrl-C stops).

    The model and the unchanged pages' extractions stay loaded between updates."""
    import time

    from kg.watch import Interrupted, Update
    from kg.watch import watch as watch_inputs

    if not any(path.exists() for path in inputs):
        err.print(
            f"[red]error:[/red] no such file or folder: {', '.join(map(str, inputs))}",
            highlight=False,
        )
        raise typer.Exit(2)
    year = _year(date)

    def report(update: Update) -> None:
        when = time.strftime("%H:%M:%S")
        if update.result is None:
            err.print(f"{when} [yellow]not updated[/yellow]: {update.problem}", highlight=False)
            return
        r = update.result
        new = r.articles - r.reused
        console.print(
            f"{when} updated {r.out}: {r.articles} articles ({new} extracted), "
            f"{r.graph.number_of_nodes()} entities, {r.graph.number_of_edges()} edges "
            f"in {update.seconds:.2f} s",
            highlight=False,
        )

    console.print(f"watching {', '.join(map(str, inputs))}; Ctrl-C stops", highlight=False)
    try:
        watch_inputs(
            inputs,
            out=out,
            on_update=report,
            poll=poll,
            backend=backend.value,
            model=model,
            jobs=jobs,
            home_city=home_city,
            top_n=top_n,
            ego_count=ego_count,
            year=year,
            on_error=_warn,
        )
    except (BackendError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except Interrupted as exc:
        err.print(f"stopped during an update: {exc}", highlight=False)
        raise typer.Exit(130) from exc
    except KeyboardInterrupt:
        err.print("stopped", highlight=False)


@app.command()
def extract(
    inputs: Inputs,
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="One JSON object per article.")
    ] = ExtractFormat.jsonl,
    backend: BackendOpt = DEFAULT_BACKEND,
    model: ModelOpt = None,
) -> None:
    """Print mentions, roles and typed relations per article as JSON lines (no graph)."""
    from kg.pipeline import extract_only, no_articles_message

    problems: list[str] = []
    written = 0

    def warn(path: Path, problem: str) -> None:
        problems.append(problem)
        _warn(path, problem)

    try:
        for ex in extract_only(inputs, backend=backend.value, model=model, on_error=warn):
            written += 1
            a = ex.article
            record = {
                "id": a.id,
                "title": a.title,
                "date": a.date,
                "date_source": a.date_source,
                "dateline": a.dateline,
                "source": a.source,
                "url": a.url,
                "byline": [{"name": b.name, "role": b.role} for b in a.byline],
                "text": a.text,
                "entities": [
                    # text as written; name, the entity it stands for (美 -> 美国, 济滨 -> 济滨高铁)
                    {
                        "start": m.start,
                        "end": m.end,
                        "text": a.text[m.start : m.end],
                        "name": m.text,
                        "type": m.type,
                    }
                    for m in ex.mentions
                    if m.start >= 0  # byline credits are in "byline", not in the text
                ],
                "roles": [
                    {
                        "person": r.person,
                        "title": r.title,
                        "org": r.org,
                        "status": r.status,  # current | former | acting
                        "date": r.date,
                        "evidence": ex.sentence_text(r.sentence),  # "" for a byline's role
                    }
                    for r in ex.roles
                ],
                "relations": [
                    {
                        "relation": r.relation,
                        "source": r.source,
                        "target": r.target,
                        "trigger": r.trigger,
                        "amount": r.amount,
                        "amount_text": r.amount_text,
                        "evidence": ex.sentence_text(r.sentence),
                    }
                    for r in ex.relations
                ],
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    except BackendError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if not written:
        err.print(
            f"[red]error:[/red] {no_articles_message(inputs, written='printed')}", highlight=False
        )
        raise typer.Exit(2)
    if _skipped(problems):
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    corpus: Annotated[
        str,
        typer.Option(
            help="seeds (annotated pages); a real corpus: msra, cluener or resume; relations; or roles on "
            "real text: msra-roles (hand-annotated MSRA train sentences), cluener-roles, resume-roles (dev "
            "splits), msra-roles-test."
        ),
    ] = "seeds",
    split: Annotated[
        str | None,
        typer.Option(
            help="msra: test (default) or dev (every tenth training sentence); cluener/resume: dev."
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            help="cluener/resume: the folder holding cluener/ and resume/ "
            "[default: $KG_DATA or ../shared/data]."
        ),
    ] = None,
    inputs: Annotated[
        list[Path] | None, typer.Option("--input", help="Pages to run on (seeds corpus).")
    ] = None,
    gold: Annotated[
        Path | None,
        typer.Option(help="Folder of gold annotation files [default: tests/data/gold]."),
    ] = None,
    graph: Annotated[
        Path | None, typer.Option(help="Score this graph file instead of running the pipeline.")
    ] = None,
    backend: BackendOpt = DEFAULT_BACKEND,
    model: ModelOpt = None,
    limit: Annotated[
        int | None, typer.Option(help="Real corpora: score only the first N sentences.")
    ] = None,
    domain: Annotated[
        bool,
        typer.Option(
            help="Real corpora: score entities as kg run finds them (model + domain rules)."
        ),
    ] = False,
    rules_off: Annotated[
        str | None,
        typer.Option(
            help="Real corpora, with --domain: rule families to switch off, comma-separated (docs/rules.md)."
        ),
    ] = None,
    errors: Annotated[int, typer.Option(help="How many missed/invented items to list.")] = 20,
    relation_set: Annotated[
        str,
        typer.Option(
            "--set",
            help="relations: dev (seed pages + MSRA train), dev2 … dev36 (later blind draws), "
            "heldout, heldout2 (People's Daily draws held out), test, test2 (MSRA test), "
            "test-all (both), test3, test4 (MSRA test with the later verbs), test-full (all four), or "
            "pd2013-dev, pd2013-test, pd2013 (People's Daily of 5 June 2013, whole articles), "
            "hk-dev, hk-test, hk, hk-dev2 … hk-dev5 (Hong Kong Financial Secretary's "
            "press releases).",
        ),
    ] = "dev",
) -> None:
    """Precision, recall and F1 per entity type and for roles, with the misses and inventions."""
    from kg.evaluate import GoldError, evaluate_graph, evaluate_seeds, format_report, load_gold

    try:
        from kg.evaluate import ROLE_CORPORA

        if corpus in ROLE_CORPORA:
            from kg.evaluate import evaluate_role_corpus

            typer.echo(
                format_report(
                    evaluate_role_corpus(corpus, backend=backend.value, model=model),
                    show_errors=errors,
                )
            )
            return
        if corpus in ("msra", "cluener", "resume"):
            from kg.corpora import CorpusError
            from kg.evaluate import evaluate_corpus

            try:
                result = evaluate_corpus(
                    corpus,
                    split=split or ("test" if corpus == "msra" else "dev"),
                    data_dir=data,
                    backend=backend.value,
                    model=model,
                    limit=limit,
                    domain=domain,
                    disable=(rules_off or "").split(","),
                )
            except CorpusError as exc:
                raise ValueError(str(exc)) from exc
            typer.echo(format_report(result.report, show_errors=errors))
            console.print(
                f"{result.sentences:,} sentences; labels scored: {', '.join(sorted(result.labels))}; "
                f"speed: {result.chars_per_second:,.0f} characters/s (one process)",
                highlight=False,
            )
            for convention, count in result.mapped.items():
                console.print(
                    f"mapped to the corpus' convention: {convention}: {count} mentions",
                    highlight=False,
                )
            return
        if corpus == "relations":
            from kg.relation_eval import evaluate, format_relation_report

            relations = evaluate(relation_set, gold_dir=gold, backend=backend.value, model=model)
            typer.echo(format_relation_report(relations, show_errors=errors))
            return
        if corpus != "seeds":
            raise ValueError(
                f"unknown corpus {corpus!r}; choose seeds, msra, cluener, resume, relations "
                f"or {', '.join(ROLE_CORPORA)}"
            )
        gold_data = load_gold(gold if gold is not None else _default_gold())
        if graph is not None:
            from kg.readwrite import read_graph

            report = evaluate_graph(read_graph(graph), gold_data)
        else:
            seeds = (
                Path("seeds")
                if Path("seeds").is_dir()
                else Path(__file__).resolve().parents[1] / "seeds"
            )
            report = evaluate_seeds(
                inputs or [seeds], gold_data, backend=backend.value, model=model
            )
    except (GoldError, BackendError, ValueError, FileNotFoundError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    typer.echo(format_report(report, show_errors=errors))


def _default_gold() -> Path:
    """tests/data/gold here, or in the checkout kg is installed from (pip install -e)."""
    here = Path("tests/data/gold")
    checkout = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold"
    return here if here.is_dir() or not checkout.is_dir() else checkout


RunDir = Annotated[Path, typer.Option("--out", "-o", help="Folder of a previous `kg run`.")]


def _load_graph(out: Path):
    """The graph of the run in ``out``: GraphML, else the JSON when the GraphML cannot be read."""
    from networkx import NetworkXError

    from kg.readwrite import read_graph

    # What parsing a damaged file raises (ElementTree's ParseError is a SyntaxError).
    damaged = (
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        SyntaxError,
        OSError,
        NetworkXError,
    )
    _settle(out)
    problems = []
    for name in ("graph.graphml", "graph.json"):
        if (out / name).is_file():
            try:
                return read_graph(out / name)
            except damaged as exc:
                reason = " ".join(str(exc).split()) or type(exc).__name__
                problems.append(f"{name}: {reason[:200]}")
    if problems:
        err.print(
            f"[red]error:[/red] cannot read the graph in {out} ({'; '.join(problems)}): "
            f"run `kg run INPUT --out {out}` again to rewrite it",
            highlight=False,
        )
        raise typer.Exit(2)
    err.print(
        f"[red]error:[/red] no graph in {out}: run `kg run INPUT --out {out}` first",
        highlight=False,
    )
    raise typer.Exit(2)


def _settle(out: Path) -> None:
    """Finish a run's outputs that a crash cut short, unless a run is writing them now."""
    from kg.readwrite.atomic import STAGE, settle
    from kg.runtime.lock import LockedError, output_lock

    if not (out / STAGE).exists():
        return
    try:
        with output_lock(out):
            settle(out)
    except (LockedError, OSError):
        pass  # a run holds the folder, or it is read-only: read what is there


@app.command()
def show(
    name: Annotated[
        str, typer.Argument(help="A name, an alias or a node id such as ORG:聊城市人民政府.")
    ],
    out: RunDir = Path("outputs"),
    top: Annotated[int, typer.Option(min=1, help="Co-mentions and evidence sentences shown.")] = 15,
) -> None:
    """An entity's profile: type, aliases, roles as a timeline, co-mentions, evidence."""
    from rich.text import Text

    from kg.profile import find_entities, profile, render_profile

    graph = _load_graph(out)
    ids = find_entities(graph, name)
    if not ids:
        console.print(Text(f"no entity named {name} in {out}"))
        raise typer.Exit(1)
    if len(ids) > 1:
        console.print(Text(f"{len(ids)} entities match {name}; show one by its id:"))
        for node in ids[:30]:
            data = graph.nodes[node]
            console.print(
                Text(
                    f"  {node}  ({data.get('mentions', 0)} mentions, pagerank {data.get('pagerank', 0)})"
                )
            )
        raise typer.Exit(2)
    render_profile(profile(graph, ids[0], top=top), console)


@app.command()
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.")
    ] = ExportFormat.graphml,
    out: RunDir = Path("outputs"),
    to: Annotated[
        Path | None, typer.Option("--to", help="Target file or folder (default: inside --out).")
    ] = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="csv, neo4j: cells as they are, not spreadsheet-safe.")
    ] = False,
) -> None:
    """Export the graph of the last run for Gephi (graphml, gexf), Neo4j, pandas or JavaScript.

    What `kg run` wrote already (graphml, json, csv) is named, not copied, unless --to asks
    for a copy elsewhere."""
    from kg.readwrite import export as export_graph

    fmt = format.value
    written = [out / name for name in RUN_WRITES.get(fmt, ())]
    if to is None and not raw and written and all(path.is_file() for path in written):
        for path in written:
            console.print(f"already written by kg run: {path}", highlight=False)
        return
    graph = _load_graph(out)
    target = to if to is not None else (out / fmt if fmt == "neo4j" else out)
    try:
        paths = export_graph(graph, fmt, target, raw=raw)
    except OSError as exc:
        err.print(f"[red]error:[/red] {_fault(exc, target)}", highlight=False)
        raise typer.Exit(2) from exc
    for path in paths:
        console.print(f"wrote {path}", highlight=False)


def _mount_train() -> None:
    from kg.train import app as train_app

    app.add_typer(
        train_app,
        name="train",
        help="Train the project's NER models (the default tagger, spaCy, HanLP).",
    )


_mount_train()


def main() -> None:
    """The ``kg`` command. When a command has finished, with its files closed and no child
    process or thread left, the process ends at once instead of freeing its heap and modules
    object by object (0.2-0.4 s after spaCy and a graph are loaded: a tenth of a re-run).
    A wrong command line is one line on stderr, exit 2."""
    try:
        result = app(standalone_mode=False)
        code: int | str | None = result if isinstance(result, int) else 0
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # click's exceptions (typer carries its own copy of click)
        if not hasattr(exc, "format_message") and type(exc).__name__ != "Abort":
            raise
        code = _usage_error(exc)
    _exit(code)


def _usage_error(exc: Exception) -> int:
    if type(exc).__name__ == "Abort":
        print("stopped", file=sys.stderr)
        return 130
    ctx = getattr(exc, "ctx", None)
    command = f" {ctx.info_name}" if ctx is not None and ctx.parent is not None else ""
    hint = (
        f" (see kg{command} --help)"
        if "Usage" in type(exc).__name__ or "Param" in type(exc).__name__
        else ""
    )
    print(f"error: {exc.format_message()}{hint}", file=sys.stderr)  # type: ignore[attr-defined]
    return int(getattr(exc, "exit_code", 2))


def _exit(code: int | str | None) -> None:
    import multiprocessing
    import os
    import threading

    if code is None:
        code = 0
    if not isinstance(code, int):  # sys.exit("message"): Python prints it and exits with 1
        raise SystemExit(code)
    sys.stdout.flush()
    sys.stderr.flush()
    if multiprocessing.active_children() or threading.active_count() > 1:
        raise SystemExit(code)  # let the interpreter join them
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
