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


def code_inputs(paths: Iterable[str], config: Config, store: Store | None = None, out=None,
                on_doc: Callable[[Document | Skip], None] | None = None) -> RunSummary:
    """Ingest → pipeline → store (per batch) → optional JSONL; returns what happened."""
    pipe = Pipeline.from_config(config)
    summary = RunSummary()
    pending: list[Document | Skip] = []

    def flush() -> None:
        if store is not None and pending:
            result = store.write(pending)
            summary.stored += result["stored"]
            summary.unchanged += result["unchanged"]
        pending.clear()

    items = read_inputs(paths, config.default_published)
    for item in pipe.run(items, summary.timings):
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
