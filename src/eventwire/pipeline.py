"""The pipeline: builds the stage list from config and runs documents through it in batches.

Batches keep spaCy's ``nlp.pipe`` efficient; a document whose stages fail is recorded as a Skip
with the error, and the rest of the batch goes on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .config import Config
from .stages import get_stage
from .types import Document, Skip

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Pipeline:
    config: Config = field(default_factory=Config)
    stages: list[tuple[str, Callable[[list[Document]], None]]] = field(default_factory=list)

    @classmethod
    def from_config(cls, config: Config | None = None) -> "Pipeline":
        config = config or Config()
        return cls(config, [(name, get_stage(name)(config)) for name in config.stages])

    def run_batch(self, docs: list[Document], timings: dict[str, float] | None = None) -> list[Document | Skip]:
        """Run every stage over a batch. Failures isolate to the document that caused them."""
        import time
        try:
            for name, stage in self.stages:
                t0 = time.perf_counter()
                stage(docs)
                if timings is not None:
                    timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
            return list(docs)
        except Exception:  # a batch failed: retry one by one to find and record the culprit
            if len(docs) == 1:
                log.exception("document %s failed", docs[0].id)
                return [Skip(docs[0].path or docs[0].id, "pipeline error: see log", docs[0].id)]
            out: list[Document | Skip] = []
            for d in docs:
                out.extend(self._run_one(d))
            return out

    def _run_one(self, doc: Document) -> list[Document | Skip]:
        try:
            for _, stage in self.stages:
                stage([doc])
            return [doc]
        except Exception as exc:  # noqa: BLE001 — recorded, never silently dropped
            log.warning("document %s failed: %s", doc.id, exc)
            return [Skip(doc.path or doc.id, f"pipeline error: {type(exc).__name__}: {exc}", doc.id)]

    def run(self, items: Iterable[Document | Skip], timings: dict[str, float] | None = None) -> Iterator[Document | Skip]:
        """Stream documents (and pass-through skips) through the stages, batch by batch."""
        batch: list[Document] = []
        for item in items:
            if isinstance(item, Skip):
                yield item
                continue
            batch.append(item)
            if len(batch) >= self.config.batch_size:
                yield from self.run_batch(batch, timings)
                batch = []
        if batch:
            yield from self.run_batch(batch, timings)


def code_texts(texts: Iterable[str], published=None, config: Config | None = None) -> list[Document]:
    """Python API: code raw article texts and return the Documents with their events, in order.

    A text the pipeline cannot code raises PipelineError naming it: the API never drops input."""
    from .errors import PipelineError
    from .stages.ingest import content_id, parse_published
    pub = parse_published(published)
    docs = [Document(id=f"{i}:{content_id(t)}", text=t, published=pub, published_basis="argument" if pub else None)
            for i, t in enumerate(texts)]
    out = list(Pipeline.from_config(config).run(docs))
    failed = [s for s in out if isinstance(s, Skip)]
    if failed:
        raise PipelineError(f"{len(failed)} text(s) failed: " + "; ".join(f"#{s.doc_id.split(':')[0]}: {s.reason}"
                                                                         for s in failed[:5]))
    for d in out:
        d.id = d.id.split(":", 1)[1]
    return out
