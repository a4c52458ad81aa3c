"""The same events whatever runs the pipeline: one process, worker processes, or Ray."""
import io
import json

import pytest

from eventwire.config import Config
from eventwire.evaluation.synthetic import write_corpus
from eventwire.runner import code_inputs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    write_corpus(path, 50, seed=3)
    return path


@pytest.fixture(scope="module")
def local_events(corpus):
    out = io.StringIO()
    summary = code_inputs([str(corpus)], Config(batch_size=8), None, out)
    assert summary.documents == 50
    return sorted((json.loads(line) for line in out.getvalue().splitlines()), key=lambda e: e["event_id"])


def test_worker_processes_give_identical_events(corpus, local_events):
    out = io.StringIO()
    summary = code_inputs([str(corpus)], Config(batch_size=8), None, out, workers=2)
    events = sorted((json.loads(line) for line in out.getvalue().splitlines()), key=lambda e: e["event_id"])
    assert summary.documents == 50 and events == local_events


def test_ray_engine_gives_identical_events(corpus, local_events, tmp_path):
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'eventwire[ray]'")
    from eventwire.batch.ray_runner import load_parquet, run_ray
    request_shutdown = ray.shutdown
    from eventwire.store import open_store
    out_dir = tmp_path / "coded"
    n = run_ray([str(corpus)], out_dir, Config(batch_size=8), workers=2)
    assert n == 50
    import pyarrow.dataset as pads
    rows = pads.dataset(str(out_dir), format="parquet").to_table().to_pylist()
    events = sorted((e for r in rows for e in json.loads(r["record"])["events"]), key=lambda e: e["event_id"])
    strip = lambda es: [{k: v for k, v in e.items() if k not in ("note", "salience")} for e in es]  # noqa: E731
    assert strip(events) == local_events
    with open_store(tmp_path / "ray.duckdb") as store:
        totals = load_parquet(out_dir, store)
        assert totals["stored"] == 50
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == len(local_events)
    request_shutdown()


def test_missing_ray_is_a_clear_message(monkeypatch, tmp_path):
    import builtins

    from eventwire.batch.ray_runner import run_ray
    from eventwire.errors import MissingExtraError
    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(MissingExtraError, match=r"eventwire\[ray\]"):
        run_ray(["x.jsonl"], tmp_path / "o", Config())
