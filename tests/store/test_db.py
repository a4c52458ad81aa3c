import json

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.pipeline import code_texts
from eventwire.store import open_store
from eventwire.store.export import export_events
from eventwire.store.schema import LATEST
from eventwire.types import Skip

ARTICLE = ("Israeli aircraft struck targets in the Gaza Strip on Monday, the army said. "
           "Egypt called on both sides to agree to a ceasefire.")


@pytest.fixture()
def coded():
    return code_texts([ARTICLE], "2023-05-08")


def test_schema_version_recorded(tmp_path):
    with open_store(tmp_path / "a.duckdb") as store:
        assert store.schema_version() == LATEST


def test_same_input_twice_is_a_no_op(tmp_path, coded):
    db = tmp_path / "a.duckdb"
    with open_store(db) as store:
        first = store.write(coded + [Skip("bad.txt", "empty file")])
        counts = store.con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
                                   "(SELECT count(*) FROM event_actors), (SELECT count(*) FROM skipped)").fetchone()
        second = store.write(coded + [Skip("bad.txt", "empty file")])
        again = store.con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
                                  "(SELECT count(*) FROM event_actors), (SELECT count(*) FROM skipped)").fetchone()
    assert first["stored"] == 1 and (second["stored"], second["unchanged"], second["events"]) == (0, 1, 0)
    assert counts == again and counts[1] >= 1


def test_changed_text_under_same_id_replaces_rows(tmp_path, coded):
    with open_store(tmp_path / "a.duckdb") as store:
        store.write(coded)
        changed = code_texts([ARTICLE + " Hamas rejected the proposal."], "2023-05-08")
        changed[0].id = coded[0].id
        assert store.write(changed)["stored"] == 1
        assert store.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        types = {r[0] for r in store.con.execute("SELECT event_type FROM events").fetchall()}
    assert "REJECT" in types


def test_query_is_read_only(tmp_path, coded):
    db = tmp_path / "a.duckdb"
    with open_store(db) as store:
        store.write(coded)
    with open_store(db, read_only=True) as store:
        result = store.query("SELECT event_type FROM events ORDER BY 1")
        assert result.columns == ["event_type"] and result.rows
        for bad in ("DELETE FROM events", "DROP TABLE events", "SELECT 1; DELETE FROM events",
                    "INSERT INTO skipped VALUES ('x', 'y', 'z', now())"):
            with pytest.raises(StoreError):
                store.query(bad)


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "a.duckdb"
    with open_store(db) as store:
        store.con.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')", [LATEST + 1])
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_exports_round_trip(tmp_path, coded):
    db = tmp_path / "a.duckdb"
    with open_store(db) as store:
        store.write(coded)
        n_events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert export_events(str(db), "jsonl", tmp_path / "e.jsonl") == n_events
    recs = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert {r["event_id"] for r in recs} == {e.event_id for e in coded[0].events}
    assert export_events(str(db), "csv", tmp_path / "e.csv") == n_events
    header = (tmp_path / "e.csv").read_text().splitlines()[0].split(",")
    for col in ("event_date", "event_type", "actor1", "actor1_country", "actor2", "lat", "lon", "url"):
        assert col in header
    assert export_events(str(db), "parquet", tmp_path / "pq") == n_events
    back = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path}/pq/**/*.parquet', hive_partitioning=true)")
    assert back.shape[0] == n_events and "month" in back.columns and "evidence_sentence" in back.columns
    assert export_events(str(db), "tsv", tmp_path / "e.tsv") == n_events
    first = (tmp_path / "e.tsv").read_text().splitlines()[0].split("\t")
    assert first[0].startswith("2023")
    assert export_events(str(db), "csv", tmp_path / "f.csv", event_type="ASSAULT") <= n_events
    with pytest.raises(StoreError):
        export_events(str(db), "xml", tmp_path / "x")


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "none.duckdb", read_only=True)
