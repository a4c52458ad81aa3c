"""The Python API over a store: ``eventwire.open(db).events(...)``."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from .db import Store, open_store
from .export import _FLAT_SQL, _where


@dataclass(slots=True)
class StoredEvent:
    """One coded event as stored, in the flat shape analysts filter and join on."""
    event_id: str
    event_date: dt.date | None
    date_granularity: str | None
    event_type: str
    mode: str | None
    cameo: str | None
    context: str | None
    confidence: float
    negated: bool
    modality: str
    actor1: str | None
    actor1_country: str | None
    actor1_sector: str | None
    actor1_qid: str | None
    actor2: str | None
    actor2_country: str | None
    actor2_sector: str | None
    actor2_qid: str | None
    location: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    speaker: str | None
    outlet: str | None
    source: str | None
    url: str | None
    doc_id: str
    published: dt.date | None
    evidence_sentence: str
    evidence_start: int
    evidence_end: int
    canonical_id: str | None
    source_count: int
    mention_count: int
    is_first: bool


_COLUMNS = ", ".join(f.name for f in fields(StoredEvent))


class Corpus:
    def __init__(self, path: str = "eventwire.duckdb"):
        self.store: Store = open_store(path, read_only=True)

    def _query(self, since=None, country=None, event_type=None, unique=False):
        where, params = _where(since, country, event_type, unique)
        sql = f"SELECT {_COLUMNS} FROM ({_FLAT_SQL + where}) ORDER BY event_date, event_id"
        return sql, params

    def events(self, since: str | None = None, country: str | None = None, event_type: str | None = None,
               unique: bool = False, as_: str = "list"):
        """Events matching the filters: a list of StoredEvent, or ``as_="arrow"`` / ``"pandas"``."""
        sql, params = self._query(since, country, event_type, unique)
        rel = self.store.con.sql(sql, params=params)
        if as_ == "arrow":
            return rel.to_arrow_table()
        if as_ == "pandas":
            return rel.df()
        return [StoredEvent(*row) for row in rel.fetchall()]

    def stats(self) -> dict:
        return self.store.stats()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_corpus(path: str = "eventwire.duckdb") -> Corpus:
    return Corpus(path)
