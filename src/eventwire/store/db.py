"""The DuckDB store: one file, opened by path; writes are per-batch bulk inserts via Arrow."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..stages.ingest import content_id
from ..types import Document, Skip, event_json
from .schema import LATEST, MIGRATIONS

_WRITE_SQL = re.compile(r"^\s*(insert|update|delete|create|drop|alter|copy|attach|detach|install|load|"
                        r"pragma|set|call|export|import|checkpoint|vacuum)\b", re.I)


def _date(value: str | None):
    return dt.date.fromisoformat(value) if value else None


class Store:
    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; run `eventwire code` first")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.migrate()
        self.read_only = read_only

    # -- schema -------------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name='schema_version'").fetchone()[0]
        if not exists:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self) -> int:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, description VARCHAR, "
                         "applied_at TIMESTAMP DEFAULT current_timestamp)")
        current = self.schema_version()
        if current > LATEST:
            raise StoreError(f"{self.path} has schema version {current}, newer than this eventwire ({LATEST}); upgrade eventwire")
        for version, description, statements in MIGRATIONS:
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            for sql in statements:
                self.con.execute(sql)
            self.con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
            self.con.execute("COMMIT")
        return self.schema_version()

    # -- writing ------------------------------------------------------------------------------
    def known_hashes(self, doc_ids: list[str]) -> dict[str, str]:
        if not doc_ids:
            return {}
        rows = self.con.execute("SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
                                [doc_ids]).fetchall()
        return dict(rows)

    def write(self, items: list[Document | Skip]) -> dict[str, int]:
        """Store a batch. A document already stored with the same content is left as it is."""
        docs = [d for d in items if isinstance(d, Document)]
        skips = [s for s in items if isinstance(s, Skip)]
        known = self.known_hashes([d.id for d in docs])
        new, unchanged = [], 0
        for d in docs:
            h = content_id(d.text)
            if known.get(d.id) == h:
                unchanged += 1
            else:
                new.append((d, h))
        tables = _rows(new)
        self.con.execute("BEGIN TRANSACTION")
        try:
            ids = [d.id for d, _ in new]
            if ids:
                for table in ("documents", "removed_segments", "events", "event_actors", "quotes"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
            for table, rows in tables.items():
                if rows:
                    arrow = pa.Table.from_pylist(rows)  # noqa: F841 — read by DuckDB's replacement scan
                    cols = ", ".join(rows[0].keys())
                    self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM arrow")
            for s in skips:
                self.con.execute("DELETE FROM skipped WHERE path = ?", [s.path])
                self.con.execute("INSERT INTO skipped (path, doc_id, reason) VALUES (?, ?, ?)", [s.path, s.doc_id, s.reason])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return {"stored": len(new), "unchanged": unchanged, "skipped": len(skips),
                "events": sum(len(d.events) for d, _ in new)}

    # -- reading ------------------------------------------------------------------------------
    def query(self, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        """Read-only SQL: statements that write are refused."""
        if _WRITE_SQL.match(sql) or ";" in sql.strip().rstrip(";"):
            raise StoreError("only a single read-only SELECT/WITH/DESCRIBE/SHOW statement is allowed")
        try:
            cur = self.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(str(exc).splitlines()[0]) from None
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()

    def stats(self) -> dict:
        q = lambda sql: self.con.execute(sql).fetchall()  # noqa: E731
        return {
            "schema_version": self.schema_version(),
            "documents": q("SELECT count(*) FROM documents")[0][0],
            "events": q("SELECT count(*) FROM events")[0][0],
            "by_type": dict(q("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC")),
            "by_month": dict(q("SELECT coalesce(strftime(coalesce(date_value, date_end), '%Y-%m'), 'undated'), count(*) "
                               "FROM events GROUP BY 1 ORDER BY 1")),
            "by_country": dict(q("SELECT coalesce(country, '?'), count(DISTINCT event_id) FROM event_actors "
                                 "WHERE role = 'source' GROUP BY 1 ORDER BY 2 DESC LIMIT 20")),
            "skipped": [{"path": p, "reason": r} for p, r in q("SELECT path, reason FROM skipped ORDER BY path")],
        }

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path = "eventwire.duckdb", read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)


def _rows(new: list[tuple[Document, str]]) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {"documents": [], "removed_segments": [], "events": [], "event_actors": [],
                                     "quotes": []}
    for d, h in new:
        tables["documents"].append({
            "doc_id": d.id, "content_hash": h, "url": d.url, "title": d.title, "source": d.source,
            "published": d.published, "published_basis": d.published_basis, "path": d.path, "text": d.text,
            "clean_text": d.clean_text, "n_events": len(d.events)})
        tables["removed_segments"] += [{"doc_id": d.id, "seg_start": s.start, "seg_end": s.end, "reason": s.reason,
                                        "text": s.text} for s in d.removed]
        tables["quotes"] += [{"doc_id": d.id, "q_start": q.start, "q_end": q.end, "text": q.text,
                              "speaker": (q.speaker.name or q.speaker.text) if q.speaker else None, "outlet": q.outlet}
                             for q in d.quotes]
        for e in d.events:
            rec = event_json(e)
            loc = e.location
            att = e.attribution or {}
            tables["events"].append({
                "event_id": e.event_id, "doc_id": d.id, "event_type": e.event_type, "mode": e.mode,
                "context": list(e.context), "cameo": e.cameo, "confidence": float(e.confidence), "negated": e.negated,
                "modality": e.modality, "date_value": _date(e.date.value), "date_start": _date(e.date.start),
                "date_end": _date(e.date.end), "date_granularity": e.date.granularity, "date_resolved": e.date.resolved,
                "date_basis": e.date.basis, "date_text": e.date.text,
                "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
                "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
                "geonameid": loc.geonameid if loc else None,
                "evidence_sentence": e.evidence.sentence, "evidence_start": e.evidence.start,
                "evidence_end": e.evidence.end, "trigger_text": e.trigger_text,
                "speaker": att.get("speaker"), "outlet": att.get("outlet"), "record": json.dumps(rec)})
            for role, mentions in (("source", e.source), ("target", e.target)):
                for i, m in enumerate(mentions):
                    a = m.actor
                    tables["event_actors"].append({
                        "event_id": e.event_id, "doc_id": d.id, "role": role, "idx": i, "text": a.text, "name": a.name,
                        "country": a.country, "sector": a.sector, "qid": a.qid, "span_start": m.start, "span_end": m.end})
    return tables
