"""Embedded DuckDB store: schema with migrations, idempotent writes, read-only queries, exports."""
from .db import Store, open_store

__all__ = ["Store", "open_store"]
