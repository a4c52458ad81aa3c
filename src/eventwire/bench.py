"""`eventwire bench`: bare spaCy parsing vs eventwire stages vs end-to-end, on the same documents,
in one run. Reported as rates and a ratio — never as a timed test."""
from __future__ import annotations

import json
import resource
import time
from importlib import resources
from pathlib import Path

from .config import Config
from .knowledge.actors import load_kb
from .knowledge.gazetteer import load_gazetteer
from .knowledge.classifier import load_model
from .knowledge.lexicon import load_lexicon
from .pipeline import Pipeline
from .stages.clean import clean_document
from .stages.ingest import documents_from_records
from .stages.nlp import load_nlp, nlp_text
from .types import Document


def _records(corpus: Path | None, n: int) -> list[dict]:
    if corpus is None:
        corpus = Path(str(resources.files("eventwire") / "examples" / "bench.jsonl"))
    base = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not base:
        raise ValueError(f"{corpus} has no records")
    return [dict(base[i % len(base)], id=f"b{i}") for i in range(n)]


def _timed_workers(docs: list[Document], config: Config, workers: int) -> float:
    from .runner import _coded
    fresh = [Document(id=d.id, text=d.text, published=d.published) for d in docs]
    t0 = time.perf_counter()
    for _ in _coded(iter(fresh), config, workers, {}):
        pass
    return time.perf_counter() - t0


def run_bench(n_docs: int = 200, corpus: Path | None = None, workers: int = 1) -> dict:
    records = _records(corpus, n_docs)
    loads = {}
    for name, loader in (("spacy_model", load_nlp), ("actor_kb", load_kb), ("gazetteer", load_gazetteer),
                         ("lexicon", load_lexicon), ("classifier", load_model)):
        t0 = time.perf_counter()
        loader()
        loads[name] = round(time.perf_counter() - t0, 3)
    config = Config()
    pipe = Pipeline.from_config(config)
    nlp = load_nlp()
    # Warm up: load model, KB, gazetteer and lexicon before anything is timed.
    pipe.run_batch([d for d in documents_from_records(records[:2]) if isinstance(d, Document)])
    docs = [d for d in documents_from_records(records) if isinstance(d, Document)]
    for d in docs:
        clean_document(d)
    texts = [nlp_text(d.text) for d in docs]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=config.batch_size):
        pass
    bare = time.perf_counter() - t0
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    for _ in pipe.run(docs, timings):
        pass
    e2e = time.perf_counter() - t0
    total = sum(timings.values()) or 1.0
    scaling = {}
    if workers > 1:
        one = _timed_workers(docs, config, 1)
        many = _timed_workers(docs, config, workers)
        scaling = {"workers": workers, "one_worker_docs_per_s": len(docs) / one,
                   "n_workers_docs_per_s": len(docs) / many, "speedup": round(one / many, 3),
                   "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    return {
        "scaling": scaling,
        "docs": len(docs), "chars": sum(len(t) for t in texts),
        "bare_seconds": round(bare, 3), "e2e_seconds": round(e2e, 3),
        "bare_docs_per_s": len(docs) / bare, "e2e_docs_per_s": len(docs) / e2e,
        "ratio": round(bare / e2e, 3),
        "stages": {k: {"seconds": round(v, 3), "share": round(v / total, 3)} for k, v in timings.items()},
        "load_seconds": loads,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
