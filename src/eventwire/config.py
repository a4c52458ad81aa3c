"""Run configuration: which stages run, batching, store location, de-duplication thresholds."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
import datetime as dt

from .errors import ConfigError

DEFAULT_STAGES = ("clean", "nlp", "actors", "events", "quotes", "places", "dates")


@dataclass(slots=True, frozen=True)
class Config:
    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = 32
    db_path: str = "eventwire.duckdb"
    default_published: dt.date | None = None   # used only for inputs that carry no date
    min_confidence: float = 0.0                   # events below this are dropped from output
    dedup_days: int = 2                           # event de-duplication date window
    near_dup_threshold: float = 0.7               # MinHash Jaccard for near-duplicate articles
    extra: dict = field(default_factory=dict)

    def with_(self, **changes) -> "Config":
        unknown = [k for k in changes if k not in self.__dataclass_fields__]
        if unknown:
            raise ConfigError(f"unknown config keys: {', '.join(unknown)}")
        return replace(self, **changes)
