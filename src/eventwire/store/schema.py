"""Schema and migrations. Each migration is applied once, in order, and recorded in
``schema_version``; an older database upgrades in place when opened."""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "initial schema", [
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR, url VARCHAR, title VARCHAR, source VARCHAR,
            published DATE, published_basis VARCHAR, path VARCHAR, text VARCHAR, clean_text VARCHAR,
            n_events INTEGER, coded_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE removed_segments (
            doc_id VARCHAR, seg_start INTEGER, seg_end INTEGER, reason VARCHAR, text VARCHAR)""",
        """CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, event_type VARCHAR, mode VARCHAR, context VARCHAR[],
            cameo VARCHAR, confidence DOUBLE, negated BOOLEAN, modality VARCHAR,
            date_value DATE, date_start DATE, date_end DATE, date_granularity VARCHAR, date_resolved BOOLEAN,
            date_basis VARCHAR, date_text VARCHAR,
            location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT,
            evidence_sentence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, trigger_text VARCHAR,
            speaker VARCHAR, outlet VARCHAR, record JSON)""",
        """CREATE TABLE event_actors (
            event_id VARCHAR, doc_id VARCHAR, role VARCHAR, idx INTEGER, text VARCHAR, name VARCHAR,
            country VARCHAR, sector VARCHAR, qid VARCHAR, span_start INTEGER, span_end INTEGER)""",
        """CREATE TABLE quotes (
            doc_id VARCHAR, q_start INTEGER, q_end INTEGER, text VARCHAR, speaker VARCHAR, outlet VARCHAR)""",
        """CREATE TABLE skipped (
            path VARCHAR, doc_id VARCHAR, reason VARCHAR, skipped_at TIMESTAMP DEFAULT current_timestamp)""",
    ]),
]
MIGRATIONS.append((2, "document identity, versions, near-duplicate clusters, canonical events", [
    "ALTER TABLE documents ADD COLUMN url_canonical VARCHAR",
    "ALTER TABLE documents ADD COLUMN version INTEGER DEFAULT 1",
    "ALTER TABLE documents ADD COLUMN cluster_id VARCHAR",
    "ALTER TABLE documents ADD COLUMN minhash BLOB",
    "UPDATE documents SET version = 1, cluster_id = doc_id WHERE cluster_id IS NULL",
    """CREATE TABLE document_versions (
        doc_id VARCHAR, version INTEGER, content_hash VARCHAR, url VARCHAR, text VARCHAR,
        superseded_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE canonical_events (
        canonical_id VARCHAR PRIMARY KEY, event_type VARCHAR, date_value DATE, source_key VARCHAR,
        target_key VARCHAR, location_country VARCHAR, n_mentions INTEGER, n_documents INTEGER,
        n_sources INTEGER, first_event_id VARCHAR)""",
    """CREATE TABLE event_links (
        event_id VARCHAR, canonical_id VARCHAR, doc_id VARCHAR, reason VARCHAR)""",
]))
LATEST = MIGRATIONS[-1][0]
