"""Exports: PLOVER JSON/JSONL, flat CSV (ACLED/GDELT-style columns), Parquet partitioned by month,
CAMEO-style TSV."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from ..errors import StoreError
from .db import open_store

FORMATS = ("jsonl", "plover", "csv", "parquet", "tsv")
_FLAT_SQL = """
SELECT e.event_id, coalesce(e.date_value, e.date_end, d.published) AS event_date, e.date_granularity,
       e.event_type, e.mode, e.cameo, array_to_string(e.context, ';') AS context, e.confidence, e.negated, e.modality,
       s.name AS actor1, s.country AS actor1_country, s.sector AS actor1_sector, s.qid AS actor1_qid,
       t.name AS actor2, t.country AS actor2_country, t.sector AS actor2_sector, t.qid AS actor2_qid,
       e.location_name AS location, e.location_country, e.lat, e.lon, e.geonameid,
       e.speaker, e.outlet, d.source, d.url, e.doc_id, d.published, e.evidence_sentence, e.evidence_start,
       e.evidence_end, l.canonical_id, coalesce(c.n_sources, 1) AS source_count,
       coalesce(c.n_mentions, 1) AS mention_count, c.first_event_id = e.event_id OR c.canonical_id IS NULL AS is_first,
       e.record
FROM events e
JOIN documents d USING (doc_id)
LEFT JOIN event_links l USING (event_id)
LEFT JOIN canonical_events c ON c.canonical_id = l.canonical_id
LEFT JOIN (SELECT * FROM event_actors WHERE role = 'source' AND idx = 0) s USING (event_id)
LEFT JOIN (SELECT * FROM event_actors WHERE role = 'target' AND idx = 0) t USING (event_id)
"""


def _where(since: str | None, country: str | None, event_type: str | None, unique: bool = False) -> tuple[str, list]:
    clauses, params = [], []
    if unique:      # one row per real-world event: the first report of each canonical event
        clauses.append("c.first_event_id = e.event_id OR c.canonical_id IS NULL")
    if since:
        clauses.append("coalesce(e.date_value, e.date_end, d.published) >= CAST(? AS DATE)")
        params.append(since)
    if country:
        clauses.append("e.event_id IN (SELECT event_id FROM event_actors WHERE country = ?)"
                       " OR e.location_country = ?")
        params += [country.upper(), country.upper()]
    if event_type:
        clauses.append("e.event_type = ?")
        params.append(event_type.upper())
    return (" WHERE " + " AND ".join(f"({c})" for c in clauses)) if clauses else "", params


def export_events(db: str, fmt: str, out: Path, since: str | None = None, country: str | None = None,
                  event_type: str | None = None, unique: bool = False) -> int:
    """Write events in ``fmt``; ``unique`` keeps one row per canonical event (with its source count)."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    where, params = _where(since, country, event_type, unique)
    with open_store(db, read_only=True) as store:
        sql = _FLAT_SQL + where + " ORDER BY event_date, e.event_id"
        if fmt == "parquet":
            return _parquet(store.con.sql(sql, params=params).to_arrow_table(), out)
        cur = store.con.execute(sql, params)
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("jsonl", "plover"):
        records = [json.loads(r["record"]) | {"canonical_id": r["canonical_id"], "source_count": r["source_count"]}
                   for r in rows]
        with out.open("w", encoding="utf-8") as fh:
            if fmt == "plover":
                json.dump(records, fh, ensure_ascii=False, indent=1)
            else:
                for rec in records:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with out.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=[c for c in cols if c != "record"], extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
    else:
        with out.open("w", encoding="utf-8") as fh:
            for r in rows:
                date = str(r["event_date"] or "").replace("-", "")
                src = (r["actor1_country"] or "---") + (r["actor1_sector"] or "")
                tgt = (r["actor2_country"] or "---") + (r["actor2_sector"] or "")
                fh.write("\t".join([date, src, tgt, r["cameo"] or "", r["event_type"], r["doc_id"],
                                    (r["evidence_sentence"] or "").replace("\t", " ").replace("\n", " ")]) + "\n")
    return len(rows)


def _parquet(table, out: Path) -> int:
    import pyarrow.compute as pc
    import pyarrow.dataset as ds
    month = pc.fill_null(pc.strftime(table["event_date"], format="%Y-%m"), "undated")
    table = table.append_column("month", month)
    ds.write_dataset(table, out, format="parquet", partitioning=["month"], partitioning_flavor="hive",
                     existing_data_behavior="delete_matching")
    return table.num_rows
