"""The DuckDB store: one file, opened by path; writes are per-batch bulk inserts via Arrow."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..stages.ingest import content_id
from ..types import Document, Skip
from .dedup import REFRESH_COUNTS, link_events
from .identity import NearDuplicates, canonical_url, minhash, to_blob
from .rows import NewDoc, table_rows
from .schema import LATEST, MIGRATIONS

_WRITE_SQL = re.compile(r"^\s*(insert|update|delete|create|drop|alter|copy|attach|detach|install|load|"
                        r"pragma|set|call|export|import|checkpoint|vacuum)\b", re.I)


@dataclass(slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]


class Store:
    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False,
                 near_dup_threshold: float = 0.7, dedup_days: int = 2):
        self.path = str(path)
        self.near_dup_threshold, self.dedup_days = near_dup_threshold, dedup_days
        self._near: NearDuplicates | None = None
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
    def _known(self, doc_ids: list[str]) -> dict[str, tuple[str, int]]:
        if not doc_ids:
            return {}
        rows = self.con.execute("SELECT doc_id, content_hash, coalesce(version, 1) FROM documents "
                                "WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def _same_article_by_url(self, docs: list[Document]) -> None:
        """An article already stored under the same canonical URL keeps its id (a new version)."""
        urls = {canonical_url(d.url): d for d in docs if canonical_url(d.url)}
        if not urls:
            return
        rows = self.con.execute("SELECT url_canonical, doc_id FROM documents WHERE url_canonical IN (SELECT unnest(?))",
                                [list(urls)]).fetchall()
        for url, doc_id in rows:
            urls[url].id = doc_id

    def _near_duplicates(self) -> NearDuplicates:
        if self._near is None:
            self._near = NearDuplicates(self.near_dup_threshold)
            self._near.load(self.con.execute("SELECT doc_id, cluster_id, minhash FROM documents").fetchall())
        return self._near

    def write(self, items: list[Document | Skip]) -> dict[str, int]:
        """Store a batch. Same content again is a no-op; same id or URL with new text is a new version;
        near-duplicates join a cluster; events are linked to canonical events across articles."""
        docs = [d for d in items if isinstance(d, Document)]
        skips = [s for s in items if isinstance(s, Skip)]
        self._same_article_by_url(docs)
        known = self._known([d.id for d in docs])
        near = self._near_duplicates()
        new: list[NewDoc] = []
        unchanged = 0
        for d in docs:
            h = content_id(d.text)
            old = known.get(d.id)
            if old and old[0] == h:
                unchanged += 1
                continue
            clean = d.clean_text
            mh = minhash(clean)
            cluster = near.cluster_for(d.id, mh)
            near.add(d.id, mh, cluster)
            new.append(NewDoc(d, h, clean, (old[1] + 1) if old else 1, canonical_url(d.url), cluster, to_blob(mh)))
        changed = [nd.doc.id for nd in new if nd.doc.id in known]
        self.con.execute("BEGIN TRANSACTION")
        try:
            touched = self._retire(changed)
            for table, rows in table_rows(new).items():
                self._insert(table, rows)
            links = link_events(self.con, [nd.doc for nd in new], self.dedup_days)
            self._insert("canonical_events", [{
                "canonical_id": c.canonical_id, "event_type": c.event_type, "date_value": c.date_value,
                "source_key": c.source_key, "target_key": c.target_key, "location_country": c.location_country,
                "n_mentions": 0, "n_documents": 0, "n_sources": 0, "first_event_id": c.first_event_id}
                for c in links.canonical])
            self._insert("event_links", links.links)
            for c in links.updated.values():
                self.con.execute("UPDATE canonical_events SET source_key = ?, target_key = ?, location_country = ?, "
                                 "date_value = ? WHERE canonical_id = ?",
                                 [c.source_key, c.target_key, c.location_country, c.date_value, c.canonical_id])
            touched |= {link["canonical_id"] for link in links.links}
            if touched:
                self.con.execute(REFRESH_COUNTS, [list(touched)])
                self.con.execute("DELETE FROM canonical_events WHERE canonical_id IN (SELECT unnest(?)) AND "
                                 "canonical_id NOT IN (SELECT canonical_id FROM event_links)", [list(touched)])
            for s in skips:
                self.con.execute("DELETE FROM skipped WHERE path = ?", [s.path])
                self.con.execute("INSERT INTO skipped (path, doc_id, reason) VALUES (?, ?, ?)", [s.path, s.doc_id, s.reason])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            self._near = None   # the in-memory index may hold documents that were not stored
            raise
        return {"stored": len(new), "unchanged": unchanged, "skipped": len(skips), "new_versions": len(changed),
                "events": sum(len(nd.doc.events) for nd in new),
                "clustered": sum(1 for nd in new if nd.cluster_id != nd.doc.id)}

    def _insert(self, table: str, rows: list[dict]) -> None:
        if rows:
            arrow = pa.Table.from_pylist(rows)  # noqa: F841 — read by DuckDB's replacement scan
            cols = ", ".join(rows[0].keys())
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM arrow")

    def _retire(self, doc_ids: list[str]) -> set[str]:
        """Keep the old text of updated documents as versions and drop their derived rows.
        Returns the canonical events that lost mentions."""
        if not doc_ids:
            return set()
        self.con.execute("INSERT INTO document_versions (doc_id, version, content_hash, url, text) "
                         "SELECT doc_id, coalesce(version, 1), content_hash, url, text FROM documents "
                         "WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
        touched = {r[0] for r in self.con.execute(
            "SELECT DISTINCT canonical_id FROM event_links WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()}
        for table in ("documents", "removed_segments", "events", "event_actors", "quotes", "event_links"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
        return touched

    # -- reading ------------------------------------------------------------------------------
    def query(self, sql: str, params: list | None = None) -> QueryResult:
        """Read-only SQL: statements that write are refused."""
        if _WRITE_SQL.match(sql) or ";" in sql.strip().rstrip(";"):
            raise StoreError("only a single read-only SELECT/WITH/DESCRIBE/SHOW statement is allowed")
        try:
            cur = self.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(str(exc).splitlines()[0]) from None
        cols = [d[0] for d in cur.description] if cur.description else []
        return QueryResult(cols, cur.fetchall())

    def stats(self) -> dict:
        q = lambda sql: self.con.execute(sql).fetchall()  # noqa: E731
        return {
            "schema_version": self.schema_version(),
            "documents": q("SELECT count(*) FROM documents")[0][0],
            "document_versions": q("SELECT count(*) FROM document_versions")[0][0],
            "near_duplicate_documents": q("SELECT count(*) FROM documents WHERE cluster_id <> doc_id")[0][0],
            "canonical_events": q("SELECT count(*) FROM canonical_events")[0][0],
            "merged_mentions": q("SELECT count(*) FROM event_links WHERE reason <> 'first report'")[0][0],
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


def open_store(path: str | Path = "eventwire.duckdb", read_only: bool = False, **options) -> Store:
    return Store(path, read_only=read_only, **options)


