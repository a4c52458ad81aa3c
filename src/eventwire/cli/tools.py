"""`eventwire eval`, `bench` and `export`: thin commands over evaluation/, bench and store/."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table


@contextmanager
def progress(quiet: bool = False):
    prog = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(stderr=True), disable=quiet, transient=False)
    with prog:
        yield prog


def _print_report(name: str, rep) -> None:
    out = Console()
    t = Table(title=f"{name}: n={rep.n}  macro-F1={rep.macro_f1:.3f}  accuracy={rep.accuracy:.3f}")
    for col in ("type", "P", "R", "F1", "support"):
        t.add_column(col, justify="right" if col != "type" else "left")
    for k, v in rep.per_type.items():
        t.add_row(k, f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"{v['f1']:.2f}", str(v["support"]))
    out.print(t)
    if rep.calibration:
        out.print("calibration (confidence bin → accuracy): " +
                  ", ".join(f"{c['bin']}: {c['accuracy']:.2f} (n={c['n']})" for c in rep.calibration))
    out.print(f"source country agreement: {rep.source_agreement}   target: {rep.target_agreement}")


def _confusion(rep) -> None:
    types = list(rep.per_type) + ["NONE"]
    t = Table(title="confusion (rows gold, columns predicted)")
    t.add_column("gold")
    for c in types:
        t.add_column(c[:4], justify="right")
    for g in rep.per_type:
        row = rep.confusion.get(g, {})
        t.add_row(g, *[str(row.get(c, "")) for c in types])
    Console(width=max(160, Console().width)).print(t)


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(gold: Optional[str] = typer.Option(None, "--gold", help="PLOVER GSR file (default: ../shared/…/PLOVER_GSR_CAMEO.txt) or a JSONL gold set."),
                 suite: Optional[str] = typer.Option(None, "--suite", help="Score an authored gold set instead: actors, places, dates, quotes, modality or all."),
                 data_dir: Path = typer.Option(Path("tests/data"), "--data-dir", help="Where the authored gold sets live."),
                 split: str = typer.Option("both", "--split", help="dev, test, both or all"),
                 as_json: bool = typer.Option(False, "--json"),
                 confusion: bool = typer.Option(False, "--confusion", help="Print the confusion matrix."),
                 errors: Optional[Path] = typer.Option(None, "--errors", help="Write misclassified sentences here (JSONL)."),
                 rules_only: bool = typer.Option(False, "--rules-only", help="Score the lexicon coder without the sentence classifier.")):
        """Score the event coder against gold: per-type P/R/F1, macro-F1, calibration, actor agreement."""
        from ..evaluation.gold import find_gsr, load_gsr, load_jsonl_gold
        from ..config import Config
        from ..evaluation.run import evaluate
        if suite:
            from ..evaluation.suites import SUITES, run_suite
            names = SUITES if suite == "all" else [suite]
            print(json.dumps({n: run_suite(n, data_dir) for n in names}, indent=2))
            return
        path = find_gsr(gold)
        if path is None or not path.exists():
            Console(stderr=True).print("[red]error:[/red] no gold file: pass --gold PATH "
                                       "(the PLOVER GSR lives in ../shared/reference/plover/)")
            raise typer.Exit(2)
        records = load_jsonl_gold(path) if path.suffix == ".jsonl" else load_gsr(path)
        splits = {"both": ["dev", "test"], "all": ["all"]}.get(split, [split])
        results = {}
        for s in splits:
            subset = records if s == "all" else [r for r in records if r.split == s]
            if not subset:      # e.g. a set written as one test split, asked for "both"
                Console(stderr=True).print(f"[yellow]note:[/yellow] {path.name} has no '{s}' records; skipped")
                continue
            results[s] = evaluate(subset, Config(extra={"classifier": False}) if rules_only else None)
        if not results:
            Console(stderr=True).print(f"[red]error:[/red] {path.name} has no records in split {split!r}")
            raise typer.Exit(2)
        if as_json:
            print(json.dumps({s: r.as_dict() for s, r in results.items()}, indent=2))
        else:
            for s, rep in results.items():
                _print_report(f"{path.name} [{s}]", rep)
                if confusion:
                    _confusion(rep)
        if errors:
            with errors.open("w") as fh:
                for rep in results.values():
                    for p in rep.predictions:
                        if p.pred_type != p.gold_type:
                            fh.write(json.dumps({"id": p.id, "gold": p.gold_type, "pred": p.pred_type,
                                                 "trigger": p.trigger, "text": p.text}) + "\n")

    @app.command()
    def train(data: Path = typer.Option(Path("training/events"), "--data", help="Folder of labelled JSONL sentences."),
              out: Optional[Path] = typer.Option(None, "--out", help="Model file (default: the one shipped in the package)."),
              c: float = typer.Option(1.0, "--c", help="Inverse regularisation strength."),
              folds: int = typer.Option(5, "--folds", help="Cross-validation folds on the training data (0: none)."),
              stacked: bool = typer.Option(True, "--stacked/--plain", help="Also learn from what the lexicon coder finds.")):
        """Train the sentence classifier the event coder consults (needs the `train` extra)."""
        from ..errors import EventwireError
        from ..evaluation.train import train as run_train
        from ..knowledge.classifier import MODEL_PATH
        err = Console(stderr=True)
        try:
            with err.status("parsing the training sentences and fitting the model …"):
                rep = run_train(data, out or MODEL_PATH, c=c, folds=folds, stacked=stacked)
        except EventwireError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        err.print(f"trained on {rep.n} sentences, {rep.features} features → {rep.path}")
        if rep.cv_accuracy is not None:
            err.print(f"{folds}-fold cross-validation on the training sentences: accuracy {rep.cv_accuracy:.3f}, "
                      f"macro-F1 {rep.cv_macro_f1:.3f} (the gold sets are the real test: eventwire eval)")

    @app.command()
    def synth(docs: int = typer.Option(1000, "--docs"), out: Path = typer.Option(..., "--out"),
              seed: int = typer.Option(7, "--seed")):
        """Write a synthetic corpus (JSONL) with known reprints and repeated events, for tests and benchmarks."""
        from ..evaluation.synthetic import write_corpus
        n = write_corpus(out, docs, seed)
        Console(stderr=True).print(f"wrote {n} synthetic articles to {out}")

    @app.command("dedup-score")
    def dedup_score(corpus: Path = typer.Argument(..., help="The synthetic corpus the store was coded from."),
                    db: str = typer.Option("eventwire.duckdb", "--db")):
        """Pair precision/recall of near-duplicate clusters and canonical events against synthetic truth."""
        from ..evaluation.synthetic import score_dedup
        from ..store import open_store
        with open_store(db, read_only=True) as store:
            print(json.dumps(score_dedup(store.con, corpus), indent=2))

    @app.command()
    def bench(docs: int = typer.Option(200, "--docs", help="Number of documents."),
              corpus: Optional[Path] = typer.Option(None, "--corpus", help="JSONL corpus (default: bundled sample)."),
              workers: int = typer.Option(1, "--workers", min=1, help="Also time N worker processes against one."),
              as_json: bool = typer.Option(False, "--json")):
        """Time bare spaCy parsing vs each eventwire stage vs end-to-end, on the same documents."""
        from ..bench import run_bench
        result = run_bench(docs, corpus, workers)
        if as_json:
            print(json.dumps(result, indent=2))
            return
        out = Console()
        out.print(f"{result['docs']} docs, {result['chars']} chars")
        out.print(f"bare spaCy parse: {result['bare_docs_per_s']:.1f} docs/s")
        out.print(f"eventwire end-to-end: {result['e2e_docs_per_s']:.1f} docs/s")
        out.print(f"[bold]ratio end-to-end / bare parse rate: {result['ratio']:.2f}[/bold]")
        t = Table("stage", "seconds", "share")
        for k, v in result["stages"].items():
            t.add_row(k, f"{v['seconds']:.3f}", f"{v['share']:.1%}")
        out.print(t)
        out.print("one-off loads (s): " + ", ".join(f"{k} {v:.2f}" for k, v in result["load_seconds"].items()))
        out.print(f"peak RSS: {result['peak_rss_mb']:.0f} MB")
        if result["scaling"]:
            sc = result["scaling"]
            out.print(f"[bold]{sc['workers']} workers: {sc['n_workers_docs_per_s']:.1f} docs/s vs one worker "
                      f"{sc['one_worker_docs_per_s']:.1f} docs/s → speedup {sc['speedup']:.2f}×[/bold]; "
                      f"worker peak RSS {sc['worker_peak_rss_mb']:.0f} MB")

    @app.command()
    def export(fmt: str = typer.Option("jsonl", "--format", help="jsonl | plover | csv | parquet | tsv"),
               out: Path = typer.Option(..., "--out", help="Output file (a directory for parquet)."),
               db: str = typer.Option("eventwire.duckdb", "--db"),
               since: Optional[str] = typer.Option(None, "--since"),
               country: Optional[str] = typer.Option(None, "--country"),
               event_type: Optional[str] = typer.Option(None, "--type"),
               unique: bool = typer.Option(False, "--unique", help="One row per real-world event (de-duplicated across articles).")):
        """Export events: PLOVER JSON(L), flat CSV, Parquet (by month), CAMEO-style TSV."""
        from ..errors import EventwireError
        from ..store.export import export_events
        try:
            n = export_events(db, fmt, out, since=since, country=country, event_type=event_type, unique=unique)
        except EventwireError as exc:
            Console(stderr=True).print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        Console(stderr=True).print(f"wrote {n} events to {out}")
