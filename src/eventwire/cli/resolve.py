"""`eventwire resolve actor|date|place`: one mention in, one JSON object out (or JSONL in/out)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Resolve one actor, date or place, as the pipeline would.", no_args_is_help=True)


def _jsonl(path: Path, fn) -> None:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                print(json.dumps(fn(rec), ensure_ascii=False))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                print(json.dumps({"error": f"line {n}: {exc}"}))


@app.command()
def actor(text: Optional[str] = typer.Argument(None), date: Optional[str] = typer.Option(None, "--date"),
          context: Optional[str] = typer.Option(None, "--context"),
          jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Read {text, date, context} per line.")):
    """Resolve an actor mention to country, sector, QID."""
    from ..api import resolve_actor
    if jsonl:
        return _jsonl(jsonl, lambda r: resolve_actor(r["text"], r.get("date"), r.get("context")))
    if text is None:
        raise typer.BadParameter("give TEXT or --jsonl FILE")
    print(json.dumps(resolve_actor(text, date, context), ensure_ascii=False))


@app.command()
def date(text: Optional[str] = typer.Argument(None), published: Optional[str] = typer.Option(None, "--published"),
         tense: str = typer.Option("past", "--tense", help="past or future"),
         jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Read {text, published, tense} per line.")):
    """Resolve a temporal expression against a publication date."""
    from ..api import resolve_date
    if tense not in ("past", "future"):
        raise typer.BadParameter("--tense must be past or future")
    if jsonl:
        return _jsonl(jsonl, lambda r: resolve_date(r["text"], r.get("published"), r.get("tense", "past")))
    if text is None:
        raise typer.BadParameter("give TEXT or --jsonl FILE")
    print(json.dumps(resolve_date(text, published, tense)))


@app.command()
def place(text: Optional[str] = typer.Argument(None), context: Optional[str] = typer.Option(None, "--context"),
          jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Read {text, context} per line.")):
    """Geocode a place name offline."""
    from ..api import resolve_place
    if jsonl:
        return _jsonl(jsonl, lambda r: resolve_place(r["text"], r.get("context")))
    if text is None:
        raise typer.BadParameter("give TEXT or --jsonl FILE")
    print(json.dumps(resolve_place(text, context), ensure_ascii=False))
