"""eventwire command line: thin commands over library functions."""
from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..config import Config
from ..errors import EventwireError
from ..stages.ingest import parse_published
from . import resolve as resolve_cmd
from . import tools

app = typer.Typer(help="Turn raw news articles into source-linked PLOVER event data.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
app.add_typer(resolve_cmd.app, name="resolve")
tools.register(app)
console = Console(stderr=True)
DB_OPTION = typer.Option("eventwire.duckdb", "--db", help="DuckDB file to write/read.")


def fail(msg: str) -> None:
    console.print(f"[red]error:[/red] {msg}")
    raise typer.Exit(2)


@app.command()
def code(inputs: List[str] = typer.Argument(..., help="Files, directories (recursive) or '-' for stdin."),
         db: str = DB_OPTION,
         out: Optional[Path] = typer.Option(None, "--out", help="Also write events as JSONL here ('-' = stdout)."),
         published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none."),
         no_db: bool = typer.Option(False, "--no-db", help="Do not write to the database."),
         batch_size: int = typer.Option(32, "--batch-size", min=1),
         min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0),
         workers: int = typer.Option(1, "--workers", min=1, help="Worker processes on this machine."),
         engine: str = typer.Option("local", "--engine", help="local or ray"),
         address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (e.g. auto)."),
         out_parquet: Optional[Path] = typer.Option(None, "--out-parquet", help="Ray engine: write coded documents here."),
         quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Code articles into PLOVER events, stored in DuckDB (and optionally JSONL)."""
    from ..runner import code_inputs
    from ..store import open_store
    pub = None
    if published is not None:
        pub = parse_published(published)
        if pub is None:
            fail(f"--published {published!r} is not a date (use YYYY-MM-DD)")
    config = Config(default_published=pub, batch_size=batch_size, db_path=db, min_confidence=min_confidence)
    if engine == "ray":
        from ..batch.ray_runner import run_ray
        if out_parquet is None:
            fail("--engine ray needs --out-parquet DIR (then: eventwire load DIR)")
        try:
            n = run_ray(inputs, out_parquet, config, address=address, workers=workers)
        except EventwireError as exc:
            fail(str(exc))
        Console().print(f"coded {n} documents with Ray into {out_parquet}; load them with: eventwire load {out_parquet}")
        return
    if engine != "local":
        fail(f"unknown engine {engine!r}: use local or ray")
    try:
        store = None if no_db else open_store(db)
        sink = None if out is None else (sys.stdout if str(out) == "-" else out.open("w", encoding="utf-8"))
        with console.status("loading models and knowledge base…", spinner="dots") if not quiet else nullcontext():
            from ..stages.nlp import load_nlp
            load_nlp()
        with tools.progress(quiet) as prog:
            task = prog.add_task("coding", total=None)
            summary = code_inputs(inputs, config, store, sink, on_doc=lambda _: prog.advance(task), workers=workers)
        if sink not in (None, sys.stdout):
            sink.close()
    except EventwireError as exc:
        fail(str(exc))
    if not quiet:
        _print_summary(summary, db if store else None)
    if summary.documents == 0 and summary.skipped:
        raise typer.Exit(1)


def _print_summary(summary, db: str | None) -> None:
    out = Console()
    t = Table(title="eventwire code", show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("documents coded", str(summary.documents))
    if db:
        t.add_row("  new or changed (stored)", str(summary.stored))
        t.add_row("  unchanged (already stored)", str(summary.unchanged))
    t.add_row("events", str(summary.events))
    for k, v in summary.by_type.most_common():
        t.add_row(f"  {k}", str(v))
    for k, v in summary.removed.most_common():
        t.add_row(f"boilerplate removed: {k}", str(v))
    t.add_row("skipped inputs", str(len(summary.skipped)))
    out.print(t)
    for s in summary.skipped:
        out.print(f"  [yellow]skipped[/yellow] {s.path}: {s.reason}")
    if db:
        out.print(f"stored in {db}")


@app.command()
def load(directory: Path = typer.Argument(..., help="Parquet written by `eventwire code --engine ray`."),
         db: str = DB_OPTION):
    """Bulk-load coded Parquet (Ray engine output) into the DuckDB store."""
    from ..batch.ray_runner import load_parquet
    from ..store import open_store
    if not directory.exists():
        fail(f"no such directory: {directory}")
    try:
        with open_store(db) as store:
            totals = load_parquet(directory, store)
    except EventwireError as exc:
        fail(str(exc))
    Console().print(f"loaded {totals['stored']} documents ({totals['unchanged']} unchanged, "
                    f"{totals['skipped']} skipped, {totals['events']} events) into {db}")


@app.command()
def stats(db: str = DB_OPTION, as_json: bool = typer.Option(False, "--json")):
    """Documents, events by type/month/country, skipped inputs and why."""
    from ..store import open_store
    try:
        with open_store(db, read_only=True) as store:
            data = store.stats()
    except EventwireError as exc:
        fail(str(exc))
    if as_json:
        print(json.dumps(data, indent=2, default=str))
        return
    out = Console()
    out.print(f"[bold]{db}[/bold]: {data['documents']} documents, {data['events']} events "
              f"(schema v{data['schema_version']})")
    for title, key in (("events by type", "by_type"), ("events by month", "by_month"),
                       ("events by source country", "by_country")):
        t = Table(title=title)
        t.add_column(key.split("_")[1])
        t.add_column("events", justify="right")
        for k, v in data[key].items():
            t.add_row(str(k), str(v))
        out.print(t)
    for s in data["skipped"]:
        out.print(f"  [yellow]skipped[/yellow] {s['path']}: {s['reason']}")


@app.command()
def query(sql: str = typer.Argument(..., help="A read-only SELECT over the store."), db: str = DB_OPTION,
          as_json: bool = typer.Option(False, "--json", help="One JSON object per row.")):
    """Run read-only SQL over the store (writes are refused)."""
    from ..store import open_store
    try:
        with open_store(db, read_only=True) as store:
            result = store.query(sql)
            cols, rows = result.columns, result.rows
    except EventwireError as exc:
        fail(str(exc))
    if as_json:
        for r in rows:
            print(json.dumps(dict(zip(cols, r)), default=str))
        return
    t = Table(*cols)
    for r in rows:
        t.add_row(*[("" if v is None else str(v)) for v in r])
    Console().print(t)


def main() -> None:  # pragma: no cover
    app()
