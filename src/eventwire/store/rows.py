"""Turning coded Documents into table rows (bulk-inserted via Arrow)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..types import Document, event_json


@dataclass(slots=True)
class NewDoc:
    """A document about to be stored, with what the store worked out about its identity."""
    doc: Document
    content_hash: str
    clean_text: str
    version: int = 1
    url_canonical: str | None = None
    cluster_id: str | None = None
    minhash: bytes | None = None


def _date(value: str | None):
    return dt.date.fromisoformat(value) if value else None


def table_rows(new: list[NewDoc]) -> dict[str, list[dict]]:
    """Rows for every table from a batch of documents to store."""
    tables: dict[str, list[dict]] = {"documents": [], "removed_segments": [], "events": [], "event_actors": [],
                                     "quotes": []}
    for nd in new:
        d = nd.doc
        tables["documents"].append({
            "doc_id": d.id, "content_hash": nd.content_hash, "url": d.url, "title": d.title, "source": d.source,
            "published": d.published, "published_basis": d.published_basis, "path": d.path, "text": d.text,
            "clean_text": nd.clean_text, "n_events": len(d.events), "url_canonical": nd.url_canonical,
            "version": nd.version, "cluster_id": nd.cluster_id, "minhash": nd.minhash})
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
