"""Cross-article event de-duplication.

The same event reported by several outlets (or reprinted from one wire story) becomes one
canonical event with all its mentions. Two events are the same when they have the same type, the
same source and target countries, dates within a window, and no conflicting place. Every link
records why it was made; the canonical event counts its mentions, documents and independent
sources (near-duplicate clusters, so a reprinted wire story counts once).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from ..types import Document, Event


@dataclass(slots=True)
class Canonical:
    canonical_id: str
    event_type: str
    date_value: dt.date | None
    source_key: str
    target_key: str
    location_country: str | None
    first_event_id: str
    new: bool = False


@dataclass(slots=True)
class Links:
    canonical: list[Canonical] = field(default_factory=list)      # new canonical events
    updated: dict[str, Canonical] = field(default_factory=dict)   # existing ones this batch completed
    links: list[dict] = field(default_factory=list)


def _key(mentions) -> str:
    return ",".join(sorted({m.actor.country for m in mentions if m.actor.country}))


def event_day(e: Event, doc: Document) -> dt.date | None:
    for v in (e.date.value, e.date.end):
        if v:
            return dt.date.fromisoformat(v)
    return doc.published


def codable(e: Event) -> bool:
    """Only events that happened, with an actor country or a place to identify them by, are merged
    across articles."""
    return e.modality in ("asserted", "historical") and not e.negated and bool(
        _key(e.source) or _key(e.target) or (e.location and e.location.country))


def _side_ok(a: str, b: str) -> bool:
    return a == b or not a or not b


def _compatible(c: Canonical, src: str, tgt: str, day: dt.date | None, loc: str | None, window: int) -> str | None:
    """Why an event is the same as a canonical one, or None. Reports of one event are incomplete in
    different ways (one names the attacker, another the place): sides must not conflict, and at
    least one side or the place must agree."""
    if not (_side_ok(c.source_key, src) and _side_ok(c.target_key, tgt)):
        return None
    if c.location_country and loc and c.location_country != loc:
        return None
    shared = [what for what, a, b in (("source", c.source_key, src), ("target", c.target_key, tgt),
                                      ("place", c.location_country, loc)) if a and a == b]
    if not shared:
        return None
    if c.date_value and day:
        gap = abs((c.date_value - day).days)
        if gap > window:
            return None
        when = f"dates {gap} day(s) apart"
    else:
        when = "date unknown on one side"
    return f"same type, same {' and '.join(shared)}, {when}"


def link_events(con, docs: list[Document], window: int) -> Links:
    """Link the batch's events to existing or new canonical events (in memory; caller writes)."""
    out = Links()
    todo = [(d, e) for d in docs for e in d.events if codable(e)]
    pending: dict[str, list[Canonical]] = {}
    if todo:
        days = [event_day(e, d) for d, e in todo if event_day(e, d)]
        lo = (min(days) - dt.timedelta(days=window)) if days else dt.date.min
        hi = (max(days) + dt.timedelta(days=window)) if days else dt.date.max
        rows = con.execute(
            "SELECT canonical_id, event_type, date_value, source_key, target_key, location_country, first_event_id "
            "FROM canonical_events WHERE event_type IN (SELECT unnest(?)) AND "
            "(date_value IS NULL OR date_value BETWEEN ? AND ?)",
            [sorted({e.event_type for _, e in todo}), lo, hi]).fetchall()
        for r in rows:
            pending.setdefault(r[1], []).append(Canonical(*r))
    for d, e in todo:
        src, tgt, day = _key(e.source), _key(e.target), event_day(e, d)
        loc = e.location.country if e.location else None
        match, reason = None, "first report"
        for c in pending.get(e.event_type, ()):
            why = _compatible(c, src, tgt, day, loc, window)
            if why:
                match, reason = c, why
                break
        if match is None:
            cid = hashlib.sha1(f"{e.event_type}|{src}|{tgt}|{day}|{e.event_id}".encode()).hexdigest()[:16]
            match = Canonical(cid, e.event_type, day, src, tgt, loc, e.event_id, new=True)
            pending.setdefault(e.event_type, []).append(match)
            out.canonical.append(match)
        else:   # fill what this report adds
            match.source_key = match.source_key or src
            match.target_key = match.target_key or tgt
            match.location_country = match.location_country or loc
            match.date_value = match.date_value or day
            if not match.new:
                out.updated[match.canonical_id] = match
        out.links.append({"event_id": e.event_id, "canonical_id": match.canonical_id, "doc_id": d.id,
                          "reason": reason})
    return out


REFRESH_COUNTS = """
UPDATE canonical_events c SET
  n_mentions = s.n_mentions, n_documents = s.n_documents, n_sources = s.n_sources
FROM (SELECT l.canonical_id, count(*) AS n_mentions, count(DISTINCT l.doc_id) AS n_documents,
             count(DISTINCT coalesce(d.cluster_id, d.doc_id)) AS n_sources
      FROM event_links l JOIN documents d USING (doc_id)
      WHERE l.canonical_id IN (SELECT unnest(?)) GROUP BY 1) s
WHERE c.canonical_id = s.canonical_id
"""
