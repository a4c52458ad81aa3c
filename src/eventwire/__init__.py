"""eventwire: raw news articles in, source-linked PLOVER event data out.

    import eventwire
    docs = eventwire.code_texts(["Russian forces shelled Kharkiv on Tuesday."], published="2022-03-01")
    with eventwire.open("eventwire.duckdb") as corpus:
        rows = corpus.events(country="AFG", unique=True)

Names are imported lazily so `eventwire --help` does not load spaCy.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"
_EXPORTS = {
    "code_texts": ("eventwire.pipeline", "code_texts"),
    "Pipeline": ("eventwire.pipeline", "Pipeline"),
    "open": ("eventwire.store.corpus", "open_corpus"),
    "Corpus": ("eventwire.store.corpus", "Corpus"),
    "StoredEvent": ("eventwire.store.corpus", "StoredEvent"),
    "resolve_actor": ("eventwire.api", "resolve_actor"),
    "resolve_date": ("eventwire.api", "resolve_date"),
    "resolve_place": ("eventwire.api", "resolve_place"),
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        module, attr = _EXPORTS[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
