"""Plain data types that flow through the pipeline.

Every span is a pair of character offsets into ``Document.text``, the text exactly as it
arrived (for HTML, the main text trafilatura extracted). Cleaning never shifts offsets: removed
boilerplate is blanked in ``Document.masked`` (same length as ``text``), so every later stage
reports positions a user can find in the original.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Segment:
    """A removed piece of boilerplate and why it was removed."""
    start: int
    end: int
    reason: str
    text: str = ""


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """An actor resolved against the knowledge base (or left unresolved, with its text)."""
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    sector2: str | None = None
    qid: str | None = None
    kind: str | None = None
    confidence: float = 0.0
    basis: str = ""


@dataclass(slots=True)
class Mention:
    """An actor mention in a document: where it is, what it resolved to, and its antecedent."""
    start: int
    end: int
    actor: Actor
    antecedent: tuple[int, int] | None = None   # offsets of the antecedent for coreference
    antecedent_text: str | None = None


@dataclass(slots=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    feature: str | None = None
    confidence: float = 0.0
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class EventDate:
    value: str | None = None
    start: str | None = None
    end: str | None = None
    granularity: str = "unknown"
    type: str = "unresolved"
    resolved: bool = False
    basis: str = ""
    text: str | None = None
    span: tuple[int, int] | None = None


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: Actor | None = None
    outlet: str | None = None
    kind: str = "direct"


@dataclass(slots=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    event_id: str
    doc_id: str
    event_type: str
    mode: str | None
    context: list[str]
    cameo: str | None
    confidence: float
    negated: bool
    modality: str
    source: list[Mention]
    target: list[Mention]
    evidence: Evidence
    trigger: tuple[int, int]
    trigger_text: str
    date: EventDate = field(default_factory=EventDate)
    location: Place | None = None
    attribution: dict[str, str | None] | None = None
    salience: float = 0.0          # higher = closer to the sentence's main predication
    note: str | None = None


@dataclass(slots=True)
class Document:
    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    masked: str = ""
    removed: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mention_index: dict[int, list[Mention]] = field(default_factory=dict)   # token → mentions covering it
    spacy_doc: Any = None          # the parsed spaCy Doc over ``masked``; dropped before storage

    @property
    def clean_text(self) -> str:
        """The story without boilerplate (offsets are not preserved here; use ``masked``)."""
        lines = [line.strip() for line in self.masked.splitlines()]
        paras: list[str] = []
        buf: list[str] = []
        for line in lines:
            if line:
                buf.append(line)
            elif buf:
                paras.append(" ".join(buf))
                buf = []
        if buf:
            paras.append(" ".join(buf))
        return "\n\n".join(paras)


@dataclass(slots=True)
class Skip:
    """An input that could not be coded, and why; recorded, never silently dropped."""
    path: str
    reason: str
    doc_id: str | None = None


def mention_json(m: Mention) -> dict[str, Any]:
    a = m.actor
    out = {"text": a.text, "name": a.name, "country": a.country, "sector": a.sector,
           "qid": a.qid, "start": m.start, "end": m.end}
    if m.antecedent_text:
        out["antecedent"] = {"text": m.antecedent_text, "start": m.antecedent[0], "end": m.antecedent[1]}
    return out


def event_json(e: Event) -> dict[str, Any]:
    """The JSONL output contract (see README: names are stable)."""
    d = e.date
    loc = None
    if e.location is not None:
        p = e.location
        loc = {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
               "geonameid": p.geonameid, "admin1": p.admin1,
               "start": p.start, "end": p.end}
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "event_type": e.event_type, "mode": e.mode,
        "context": list(e.context), "cameo": e.cameo, "confidence": round(e.confidence, 3),
        "negated": e.negated, "modality": e.modality,
        "source": [mention_json(m) for m in e.source],
        "target": [mention_json(m) for m in e.target],
        "date": {"value": d.value, "start": d.start, "end": d.end, "granularity": d.granularity,
                 "type": d.type, "resolved": d.resolved, "basis": d.basis, "text": d.text},
        "location": loc,
        "evidence": asdict(e.evidence) | {"trigger": e.trigger_text,
                                          "trigger_start": e.trigger[0], "trigger_end": e.trigger[1]},
        "attribution": e.attribution,
    }
