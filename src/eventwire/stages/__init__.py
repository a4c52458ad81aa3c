"""Pipeline stages. Each module registers one stage under a name with ``@register``.

A stage is a callable taking a list of Documents (a batch) and filling in its part of them.
"""
from __future__ import annotations

from typing import Callable

from ..errors import ConfigError

StageFactory = Callable[..., Callable[[list], None]]
_REGISTRY: dict[str, StageFactory] = {}


def register(name: str):
    def deco(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory
    return deco


def get_stage(name: str) -> StageFactory:
    _load_builtin()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown stage {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def _load_builtin() -> None:
    from . import clean, nlp, actors, quotes, events, places, dates  # noqa: F401  (registration side effect)
