"""Run the pipeline over inputs into the store and/or a JSONL file; the CLI's `code` calls this."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .config import Config
from .pipeline import Pipeline
from .stages.ingest import read_inputs
from .store import Store
from .types import Document, Skip, event_json


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    stored: int = 0
    unchanged: int = 0
    events: int = 0
    skipped: list[Skip] = field(default_factory=list)
    by_type: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    timings: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"documents": self.documents, "stored": self.stored, "unchanged": self.unchanged,
                "events": self.events, "by_type": dict(self.by_type.most_common()),
                "removed_segments": dict(self.removed), "skipped": [{"path": s.path, "reason": s.reason}
                                                                    for s in self.skipped]}


_WORKER_PIPE: Pipeline | None = None


def _worker_init(config: Config) -> None:
    global _WORKER_PIPE
    _WORKER_PIPE = Pipeline.from_config(config)


def _worker_batch(docs: list[Document]) -> list[Document | Skip]:
    out = _WORKER_PIPE.run_batch(docs)
    for d in out:
        if isinstance(d, Document):
            d.spacy_doc = None      # parses stay in the worker: only results cross the process boundary
    return out


def _batches(items, size: int):
    """Consecutive batches of Documents; Skips pass through as one-item lists."""
    batch: list[Document] = []
    for item in items:
        if isinstance(item, Skip):
            yield [item]
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _coded(items, config: Config, workers: int, timings: dict):
    """Coded documents in input order, from this process or from a pool of worker processes."""
    if workers <= 1:
        yield from Pipeline.from_config(config).run(items, timings)
        return
    import multiprocessing as mp
    ctx = mp.get_context("fork")     # workers inherit the loaded model and KB copy-on-write
    with ctx.Pool(workers, initializer=_worker_init, initargs=(config,)) as pool:
        for result in pool.imap(_run_or_pass, _batches(items, config.batch_size), chunksize=1):
            yield from result


def _run_or_pass(batch: list) -> list:
    return batch if isinstance(batch[0], Skip) else _worker_batch(batch)


def code_inputs(paths: Iterable[str], config: Config, store: Store | None = None, out=None,
                on_doc: Callable[[Document | Skip], None] | None = None, workers: int = 1) -> RunSummary:
    """Ingest → pipeline (in this process or ``workers`` processes) → store in batches → optional
    JSONL; returns what happened."""
    summary = RunSummary()
    pending: list[Document | Skip] = []

    def flush() -> None:
        if store is not None and pending:
            result = store.write(pending)
            summary.stored += result["stored"]
            summary.unchanged += result["unchanged"]
        pending.clear()

    items = read_inputs(paths, config.default_published)
    if workers > 1:
        from .stages.nlp import load_nlp
        from .knowledge.actors import load_kb
        from .knowledge.gazetteer import load_gazetteer
        load_nlp(), load_kb(), load_gazetteer()   # load once before forking
    for item in _coded(items, config, workers, summary.timings):
        if isinstance(item, Skip):
            summary.skipped.append(item)
        else:
            item.events = [e for e in item.events if e.confidence >= config.min_confidence]
            summary.documents += 1
            summary.events += len(item.events)
            summary.by_type.update(e.event_type for e in item.events)
            summary.removed.update(s.reason for s in item.removed)
            if out is not None:
                for e in item.events:
                    out.write(json.dumps(event_json(e), ensure_ascii=False) + "\n")
            item.spacy_doc = None  # free the parse: it is large and not stored
        pending.append(item)
        if on_doc:
            on_doc(item)
        if len(pending) >= config.batch_size:
            flush()
    flush()
    return summary
