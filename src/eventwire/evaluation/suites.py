"""Scorers for the authored gold sets in tests/data: actors, places, dates, quotes, modality.

Each returns a plain dict of figures (overall and per category) so `eventwire eval --suite` prints
them and the tests pin floors on the same numbers."""
from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from ..api import resolve_actor, resolve_date, resolve_place
from ..knowledge.actors import load_kb
from ..pipeline import code_texts
from ..stages.quotes import reporting_frame
from ..stages.events import main_event

SUITES = ("actors", "places", "dates", "quotes", "modality")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _summary(per_cat: dict[str, Counter], fields: tuple[str, ...]) -> dict:
    total = Counter()
    for c in per_cat.values():
        total.update(c)
    n = total["n"] or 1
    return {"n": total["n"], **{f: round(total[f] / n, 4) for f in fields},
            "by_category": {k: {"n": v["n"], **{f: round(v[f] / v["n"], 3) for f in fields}}
                            for k, v in sorted(per_cat.items())}}


def score_actors(path: Path) -> dict:
    per: dict[str, Counter] = defaultdict(Counter)
    for r in _rows(path):
        a = resolve_actor(r["text"], r.get("date"), r["context"])
        c = per[r.get("category", "all")]
        c["n"] += 1
        c["country"] += (a["country"] or None) == (r["country"] or None)
        c["sector"] += (a["sector"] or None) == (r["sector"] or None)
        c["qid"] += r.get("qid") is None or a["qid"] == r["qid"]
    return _summary(per, ("country", "sector", "qid"))


def score_places(path: Path) -> dict:
    per: dict[str, Counter] = defaultdict(Counter)
    for r in _rows(path):
        p = resolve_place(r["text"], r["context"])
        c = per[r.get("category", "all")]
        c["n"] += 1
        c["country"] += (p["country"] or None) == (r["country"] or None)
        c["exact"] += r.get("geonameid") is None or p["geonameid"] == r["geonameid"]
    return _summary(per, ("country", "exact"))


def score_dates(path: Path) -> dict:
    per: dict[str, Counter] = defaultdict(Counter)
    for r in _rows(path):
        d = resolve_date(r["text"], r["published"], r.get("tense", "past"))
        c = per[r.get("category", "all")]
        c["n"] += 1
        c["correct"] += (d["value"], d["start"], d["end"], d["granularity"], d["resolved"]) == (
            r["value"], r["start"], r["end"], r["granularity"], r["resolved"])
    return _summary(per, ("correct",))


def fold(s: str | None) -> str:
    return unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower().removeprefix("the ").strip()


def same_speaker(gold: str | None, actor) -> bool:
    """Speaker match by name, by containment ("lawyer Fatima Zahra"), or as spellings of one KB person."""
    if not gold:
        return actor is None
    if actor is None:
        return False
    g = fold(gold)
    if any(n and (g == n or g in n) for n in (fold(actor.name), fold(actor.text))):
        return True
    return any(f.entry.name == actor.name for f in load_kb().lookup(gold))


def _first_frame(doc):
    frames = [(q.speaker, q.outlet) for q in doc.quotes if q.speaker or q.outlet]
    if frames:
        return frames[0]
    for t in doc.spacy_doc:   # indirect speech: the first reporting verb or 'according to'
        if t.lemma_ in ("say", "tell", "add", "announce", "state", "claim", "warn", "report") or t.lower_ == "according":
            f = reporting_frame(doc, t)
            if f.speaker or f.outlet:
                return f.speaker, f.outlet
    return None, None


def score_quotes(path: Path) -> dict:
    rows = _rows(path)
    docs = code_texts([r["text"] for r in rows], "2022-01-01")
    per: dict[str, Counter] = defaultdict(Counter)
    for r, d in zip(rows, docs):
        speaker, outlet = _first_frame(d)
        c = per[r.get("kind", "all")]
        c["n"] += 1
        c["speaker"] += same_speaker(r["speaker"], speaker)
        g, o = fold(r["outlet"]), fold(outlet)
        c["outlet"] += g == o or bool(g and o and (g in o or o in g))
    return _summary(per, ("speaker", "outlet"))


def score_modality(path: Path) -> dict:
    rows = _rows(path)
    docs = code_texts([r["text"] for r in rows], "2024-01-15")
    per: dict[str, Counter] = defaultdict(Counter)
    for r, d in zip(rows, docs):
        # The gold names the underlying event ("threatened to strike" → ASSAULT, threatened): score
        # that event when the coder found it, else the sentence's main event.
        ev = main_event([e for e in d.events if e.event_type == r["event_type"]]) or main_event(d.events)
        got = ev.modality if ev else None
        c = per[r["modality"] + (" (negated)" if r["negated"] else "")]
        c["n"] += 1
        c["modality"] += got == r["modality"] or (r["modality"] == "asserted" and got == "attempted")
        c["negation"] += (ev.negated if ev else None) == r["negated"]
    return _summary(per, ("modality", "negation"))


def run_suite(name: str, data_dir: Path) -> dict:
    fn = {"actors": score_actors, "places": score_places, "dates": score_dates, "quotes": score_quotes,
          "modality": score_modality}[name]
    return fn(data_dir / f"{name}_gold.jsonl")
