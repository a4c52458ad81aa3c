"""Python API: the functions the CLI's `resolve` commands print, usable one mention at a time."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from .knowledge.actors import load_kb
from .knowledge.gazetteer import fuzzy_lookup, load_gazetteer, rank
from .knowledge.resolve import find_hits, resolve_tokens
from .stages.dates import resolve_date as _resolve_date
from .stages.ingest import parse_published
from .stages.nlp import load_nlp


def _locate(text: str, context: str | None):
    """Parse the context (or the text alone) and return (doc, span of text within it)."""
    nlp = load_nlp()
    ctx = context if context and text in context else text
    sdoc = nlp(ctx)
    start = ctx.find(text)
    span = sdoc.char_span(start, start + len(text), alignment_mode="expand")
    return sdoc, span


def resolve_actor(text: str, date: str | dt.date | None = None, context: str | None = None) -> dict:
    """Resolve one actor mention: {text, name, country, sector, sector2, qid, kind, confidence, basis}.

    Compound mentions ("Russia, Tajikistan and Uzbekistan") give comma-joined countries and a
    ``members`` list."""
    kb = load_kb()
    when = parse_published(date)
    sdoc, span = _locate(text, context)
    hits = find_hits(sdoc, kb)
    ctx_countries = {f.entry.country for h in hits for f in h.forms if f.entry.kind == "country"}
    tokens = [t for t in span if not t.is_space and t.tag_ != "POS"] if span is not None else []
    conj_heads = [t for t in tokens if t.dep_ == "conj" and t.head in tokens]
    if conj_heads:
        groups, current = [], []
        for t in tokens:
            if t.dep_ == "cc" or t.text == ",":
                if current:
                    groups.append(current)
                current = []
            else:
                current.append(t)
        if current:
            groups.append(current)
        # "Colombian and Venezuelan troops": the shared head noun belongs to every conjunct.
        shared = [t for t in groups[-1] if t.pos_ == "NOUN"][-1:] if groups else []
        groups = [g if any(t.pos_ in ("NOUN", "PROPN") and t.tag_ not in ("NNP",) or t.pos_ == "NOUN" for t in g)
                  or not shared else g + shared for g in groups]
        members = [resolve_tokens(kb, g, hits, when, ctx_countries) for g in groups]
        members = [m for m in members if m.country or m.name]
        if len(members) > 1:
            out = asdict(members[0]) | {"text": text, "name": ", ".join(m.name or m.text for m in members),
                                        "country": ",".join(m.country or "?" for m in members),
                                        "qid": None, "kind": "compound", "basis": "coordination",
                                        "members": [asdict(m) for m in members]}
            return out
    actor = resolve_tokens(kb, tokens, hits, when, ctx_countries)
    if actor.name is None and actor.sector is None:
        actor.basis = actor.basis or "no knowledge-base entry or role noun matched"
        actor.confidence = 0.0
    out = asdict(actor)
    out["text"] = text
    return out


def resolve_place(text: str, context: str | None = None) -> dict:
    """Geocode one place name, disambiguated by the other places and actors in the context."""
    gz = load_gazetteer()
    kb = load_kb()
    cands = gz.lookup(text) or fuzzy_lookup(text)
    blank = {"name": None, "country": None, "lat": None, "lon": None, "geonameid": None, "admin1": None,
             "feature": None, "confidence": 0.0}
    if not cands:
        return blank | {"text": text, "basis": "not in gazetteer"}
    ctx: set[str] = set()
    qualifier = None
    if context:
        sdoc, span = _locate(text, context)
        for h in find_hits(sdoc, kb):
            if span is not None and h.start >= span.start and h.end <= span.end:
                continue
            ctx.update(f.entry.country for f in h.forms if f.entry.country and f.entry.kind in ("country", "armed_group"))
        for m in gz.index.find(sdoc):
            if span is not None and m.start < span.end and m.end > span.start:
                continue
            vals = gz.lookup(sdoc[m.start:m.end].text)
            if len({v.country for v in vals}) == 1 and vals[0].country:
                ctx.add(vals[0].country)
        if span is not None:
            from .stages.places import _qualifier
            qualifier = _qualifier(sdoc, span.end)
    scored = rank(cands, ctx, qualifier, text)
    best_score, best = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
    return {"text": text, "name": best.name, "country": best.country, "lat": best.lat, "lon": best.lon,
            "geonameid": best.geonameid, "admin1": best.admin1, "feature": best.feature,
            "confidence": round(min(0.95, 0.55 + 0.1 * margin), 3)}


def resolve_date(text: str, published=None, tense: str = "past") -> dict:
    d = _resolve_date(text, published, tense)
    return {"text": text, "value": d.value, "start": d.start, "end": d.end, "granularity": d.granularity,
            "type": d.type, "resolved": d.resolved, "basis": d.basis}
