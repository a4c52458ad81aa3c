"""The command line, in-process (typer's CliRunner)."""
import json

from typer.testing import CliRunner

from eventwire.cli.main import app

runner = CliRunner()


def test_code_writes_jsonl_and_db_and_is_idempotent(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Police in Minsk arrested dozens of opposition supporters on Sunday, a rights group said.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "out").mkdir()
    db, out = tmp_path / "out" / "e.duckdb", tmp_path / "out" / "e.jsonl"
    (tmp_path / "in").mkdir()
    art.rename(tmp_path / "in" / "a.txt")
    (tmp_path / "empty.txt").rename(tmp_path / "in" / "empty.txt")
    r = runner.invoke(app, ["code", str(tmp_path / "in"), "--db", str(db), "--out", str(out), "--published", "2020-08-16"])
    assert r.exit_code == 0, r.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert any(e["event_type"] == "COERCE" for e in events)
    for key in ("event_id", "doc_id", "event_type", "mode", "context", "cameo", "confidence", "negated", "modality",
                "source", "target", "date", "location", "evidence", "attribution"):
        assert key in events[0]
    coerce = next(e for e in events if e["event_type"] == "COERCE")
    assert coerce["date"]["value"] == "2020-08-16" and coerce["date"]["resolved"] is True
    flat = " ".join(r.output.split())
    assert "skipped" in flat and "empty file" in flat
    r2 = runner.invoke(app, ["code", str(tmp_path / "in"), "--db", str(db), "--quiet"])
    assert r2.exit_code == 0
    s = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    data = json.loads(s.output)
    assert data["documents"] == 1 and data["events"] == len(events)
    assert data["skipped"][0]["reason"] == "empty file"


def test_bad_published_is_a_clear_error(tmp_path):
    r = runner.invoke(app, ["code", "x.txt", "--published", "yesterday", "--no-db"])
    assert r.exit_code == 2 and "not a date" in r.output


def test_query_refuses_writes(tmp_path):
    db = tmp_path / "e.duckdb"
    art = tmp_path / "a.txt"
    art.write_text("Rebels attacked a convoy near Goma on Tuesday.")
    runner.invoke(app, ["code", str(art), "--db", str(db), "-q"])
    ok = runner.invoke(app, ["query", "SELECT count(*) AS n FROM documents", "--db", str(db), "--json"])
    assert json.loads(ok.output.strip()) == {"n": 1}
    bad = runner.invoke(app, ["query", "DROP TABLE events", "--db", str(db)])
    assert bad.exit_code == 2 and "read-only" in bad.output


def test_resolve_commands_print_one_json_object():
    r = runner.invoke(app, ["resolve", "actor", "the Kremlin", "--date", "2021-08-10"])
    a = json.loads(r.output)
    assert set(a) >= {"text", "name", "country", "sector", "sector2", "qid", "kind", "confidence", "basis"}
    assert (a["country"], a["sector"]) == ("RUS", "GOV")
    d = json.loads(runner.invoke(app, ["resolve", "date", "Tuesday", "--published", "2021-08-10"]).output)
    assert d["value"] == "2021-08-10" and d["type"] == "exact"
    d2 = json.loads(runner.invoke(app, ["resolve", "date", "Tuesday", "--published", "NaT"]).output)
    assert d2["resolved"] is False and d2["value"] is None
    p = json.loads(runner.invoke(app, ["resolve", "place", "Tripoli", "--context",
                                       "Lebanese troops deployed in Tripoli after clashes in northern Lebanon."]).output)
    assert p["country"] == "LBN"
    assert set(p) >= {"name", "country", "lat", "lon", "geonameid", "admin1", "feature", "confidence"}


def test_resolve_jsonl_keeps_order(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in [
        {"text": "Taliban", "date": "2020-01-01"}, {"text": "Taliban", "date": "2022-01-01"},
        {"text": "a cat"}]) + "\n")
    lines = runner.invoke(app, ["resolve", "actor", "--jsonl", str(f)]).output.strip().splitlines()
    got = [json.loads(x) for x in lines]
    assert [g["sector"] for g in got] == ["REB", "GOV", None]
    assert got[2]["country"] is None


def test_eval_skips_an_empty_split_and_fails_when_nothing_is_left(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x1", "text": "Police in Lagos arrested 40 protesters on Monday.",
                                "event_type": "COERCE", "split": "test"}) + "\n")
    r = runner.invoke(app, ["eval", "--gold", str(gold), "--json"])
    assert r.exit_code == 0, r.output
    assert "no 'dev' records" in " ".join(r.output.split())
    r = runner.invoke(app, ["eval", "--gold", str(gold), "--split", "dev"])
    assert r.exit_code == 2 and "no records" in " ".join(r.output.split())
