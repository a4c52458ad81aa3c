"""`eventwire code --engine ray`: the same pipeline on Ray Data.

JSONL and Parquet inputs are read by Ray itself (sharded across the cluster); other inputs are
ingested on the driver. An actor pool loads the pipeline once per actor and codes batches; each
coded document is written as one Parquet row (its JSON record), which `eventwire load DIR`
bulk-loads into DuckDB with the same identity and de-duplication rules as a local run.

Local:   eventwire code corpus.jsonl --engine ray --workers 2 --out-parquet coded/
Cluster: ray start --head (or a KubeRay RayCluster), then --address auto (or ray://host:10001).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..config import Config
from ..errors import InputError, MissingExtraError
from ..pipeline import Pipeline
from ..records import document_record
from ..stages.ingest import documents_from_records, read_inputs
from ..types import Document, Skip


class CodeBatch:
    """Ray actor: builds the pipeline once, then codes batches of article records."""

    def __init__(self, config: Config):
        self.config = config
        self.pipe = Pipeline.from_config(config)

    def __call__(self, batch):
        import pandas as pd
        records = batch.to_dict("records")
        items = documents_from_records(records, self.config.default_published)
        rows = []
        for item in self.pipe.run(items):
            if isinstance(item, Skip):
                rows.append({"doc_id": item.doc_id or "", "kind": "skip", "reason": item.reason, "record": "{}",
                             "n_events": 0})
            else:
                rows.append({"doc_id": item.id, "kind": "document", "reason": "",
                             "record": json.dumps(document_record(item), ensure_ascii=False), "n_events": len(item.events)})
        return pd.DataFrame(rows, columns=["doc_id", "kind", "reason", "record", "n_events"])


_READ_CPUS = 0.25   # reads are I/O: a sliver of CPU, so they never wait behind the coding actors


def _dataset(inputs: list[str], config: Config):
    import ray.data
    paths = [Path(p) for p in inputs]
    remote = {"num_cpus": _READ_CPUS}
    if paths and all(p.suffix.lower() in (".jsonl", ".ndjson") for p in paths):
        return ray.data.read_json([str(p) for p in paths], lines=True, **remote)
    if paths and all(p.is_dir() and any(p.glob("*.parquet")) or p.suffix == ".parquet" for p in paths):
        return ray.data.read_parquet([str(p) for p in paths], **remote)
    records = []
    for item in read_inputs(inputs, config.default_published):
        if isinstance(item, Document):
            records.append({"id": item.id, "text": item.text, "title": item.title, "url": item.url,
                            "source": item.source, "published": item.published.isoformat() if item.published else None})
    if not records:
        raise InputError("no readable articles in the inputs")
    return ray.data.from_items(records)


def run_ray(inputs: list[str], out_dir: Path, config: Config, address: str | None = None, workers: int = 1) -> int:
    """Code ``inputs`` on Ray and write Parquet to ``out_dir``; returns the number of rows written."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise MissingExtraError("ray", "ray") from None
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    ds = _dataset(inputs, config)
    workers = max(1, workers)
    # Each actor gets an equal share of the cluster's CPUs, less what reads need: asking for whole
    # CPUs on a small machine would leave the read tasks waiting forever behind the actors.
    per_actor = min(1.0, (ray.cluster_resources().get("CPU", workers) - _READ_CPUS) / workers)
    coded = ds.map_batches(CodeBatch, fn_constructor_args=(config,), batch_size=config.batch_size,
                           batch_format="pandas", concurrency=workers, num_cpus=per_actor)
    coded = coded.materialize()
    coded.write_parquet(str(out_dir))
    return coded.count()


def load_parquet(directory: Path, store, batch_size: int = 256) -> dict[str, int]:
    """Bulk-load Parquet written by the Ray engine into the store (same rules as a local run)."""
    import pyarrow.dataset as pads
    from ..records import document_from_record
    totals = {"stored": 0, "unchanged": 0, "skipped": 0, "events": 0}
    pending: list[Document | Skip] = []

    def flush():
        if pending:
            for k, v in store.write(pending).items():
                if k in totals:
                    totals[k] += v
            pending.clear()
    for row in pads.dataset(str(directory), format="parquet").to_table().to_pylist():
        if row["kind"] == "skip":
            pending.append(Skip(row["doc_id"] or str(directory), row["reason"], row["doc_id"] or None))
        else:
            pending.append(document_from_record(json.loads(row["record"])))
        if len(pending) >= batch_size:
            flush()
    flush()
    return totals
