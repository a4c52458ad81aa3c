"""Documents as plain JSON records and back: how coded documents cross process and machine
boundaries (worker processes, Ray, Parquet) without their spaCy parse."""
from __future__ import annotations

import datetime as dt
from typing import Any

from .types import (Actor, Document, Event, EventDate, Evidence, Mention, Place, Quote, Segment, event_json)


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id, "text": doc.text, "title": doc.title, "url": doc.url, "source": doc.source, "path": doc.path,
        "published": doc.published.isoformat() if doc.published else None, "published_basis": doc.published_basis,
        "removed": [[s.start, s.end, s.reason] for s in doc.removed],
        "quotes": [{"start": q.start, "end": q.end, "speaker": _actor_dict(q.speaker), "outlet": q.outlet,
                    "kind": q.kind} for q in doc.quotes],
        "events": [event_json(e) | {"note": e.note, "salience": e.salience} for e in doc.events],
    }


def _actor_dict(a: Actor | None) -> dict | None:
    if a is None:
        return None
    return {"text": a.text, "name": a.name, "country": a.country, "sector": a.sector, "qid": a.qid, "kind": a.kind}


def _mention(m: dict) -> Mention:
    actor = Actor(text=m["text"], name=m.get("name"), country=m.get("country"), sector=m.get("sector"), qid=m.get("qid"))
    out = Mention(m.get("start") or 0, m.get("end") or 0, actor)
    if m.get("antecedent"):
        out.antecedent = (m["antecedent"]["start"], m["antecedent"]["end"])
        out.antecedent_text = m["antecedent"]["text"]
    return out


def _event(rec: dict) -> Event:
    ev = rec["evidence"]
    d = rec["date"]
    loc = rec.get("location")
    return Event(
        event_id=rec["event_id"], doc_id=rec["doc_id"], event_type=rec["event_type"], mode=rec["mode"],
        context=list(rec["context"]), cameo=rec["cameo"], confidence=rec["confidence"], negated=rec["negated"],
        modality=rec["modality"], source=[_mention(m) for m in rec["source"]], target=[_mention(m) for m in rec["target"]],
        evidence=Evidence(ev["sentence"], ev["start"], ev["end"]), trigger=(ev["trigger_start"], ev["trigger_end"]),
        trigger_text=ev["trigger"],
        date=EventDate(d["value"], d["start"], d["end"], d["granularity"], d.get("type", "unresolved"), d["resolved"],
                       d["basis"], d.get("text")),
        location=Place(loc["name"], loc["country"], loc["lat"], loc["lon"], loc["geonameid"], loc.get("admin1"),
                       start=loc.get("start"), end=loc.get("end")) if loc else None,
        attribution=rec.get("attribution"), salience=rec.get("salience", 0.0), note=rec.get("note"))


def document_from_record(rec: dict[str, Any]) -> Document:
    doc = Document(id=rec["id"], text=rec["text"], title=rec.get("title"), url=rec.get("url"), source=rec.get("source"),
                   path=rec.get("path"), published_basis=rec.get("published_basis"))
    doc.published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
    doc.removed = [Segment(s, e, r, rec["text"][s:e]) for s, e, r in rec.get("removed") or []]
    from .stages.clean import mask
    doc.masked = mask(doc.text, doc.removed)
    doc.quotes = [Quote(q["start"], q["end"], rec["text"][q["start"]:q["end"]],
                        Actor(**q["speaker"]) if q.get("speaker") else None, q.get("outlet"), q.get("kind", "direct"))
                  for q in rec.get("quotes") or []]
    doc.events = [_event(e) for e in rec.get("events") or []]
    return doc
