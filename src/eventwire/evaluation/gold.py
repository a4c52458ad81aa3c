"""Gold loaders: the PLOVER gold-standard records (read from ../shared at run time, never copied)
and our own JSONL sentence sets in tests/data."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO-era country codes in the gold records that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UK": "GBR", "GMY": "DEU", "ROM": "ROU"}
NOT_COUNTRIES = {"IMG", "ISM", "NGO", "None", None, ""}
GSR_CANDIDATES = ("../shared/reference/plover/PLOVER_GSR_CAMEO.txt",)


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    event_type: str
    source: set[str] = field(default_factory=set)
    target: set[str] = field(default_factory=set)
    split: str = "dev"
    extra: dict = field(default_factory=dict)


def find_gsr(explicit: str | None = None) -> Path | None:
    """The GSR file: an explicit path, else ../shared relative to the cwd or to this checkout."""
    if explicit:
        return Path(explicit)
    here = Path(__file__).resolve()
    for rel in GSR_CANDIDATES:
        for base in (Path.cwd(), *here.parents):
            p = (base / rel).resolve()
            if p.exists():
                return p
    return None


def _codes(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for a in actors:
        code = a.get("code") if isinstance(a, dict) else None
        code = CAMEO_TO_ISO.get(code, code)
        if code not in NOT_COUNTRIES:
            out.add(code)
    return out


def load_gsr(path: str | Path) -> list[GoldRecord]:
    """PLOVER GSR records with old type names mapped; split alternates within each type so the
    dev (tuning) and test (held-back) halves have the same type mix."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[GoldRecord] = []
    seen: dict[str, int] = {}
    for rec in data:
        etype = OLD_NAMES.get(rec.get("event"), rec.get("event"))
        if etype in (None, "DOCUMENT") or not rec.get("text"):
            continue
        n = seen.get(etype, 0)
        seen[etype] = n + 1
        out.append(GoldRecord(rec["id"], rec["text"], etype, _codes(rec.get("source")), _codes(rec.get("target")),
                              "dev" if n % 2 == 0 else "test", {"context": rec.get("context")}))
    return out


def load_jsonl_gold(path: str | Path) -> list[GoldRecord]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        out.append(GoldRecord(r["id"], r["text"], r["event_type"], set(r.get("source") or []),
                              set(r.get("target") or []), r.get("split", "dev"),
                              {k: v for k, v in r.items() if k not in ("id", "text", "event_type", "source", "target", "split")}))
    return out
