"""Authored lexicons and knowledge base, shipped as YAML data files inside the package.

Every file carries a header saying what it covers and where its facts come from; loaders here
parse them once per process (``functools.lru_cache``) and build the indexes the stages use.
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import yaml

try:  # the C loader is ~10x faster on the multi-thousand-entry files
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

DATA = Path(str(resources.files(__package__) / "data"))


@functools.lru_cache(maxsize=None)
def load_yaml(relpath: str):
    """Parsed content of ``data/<relpath>``; an absent file reads as an empty list."""
    path = DATA / relpath
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader) or []


def data_files(subdir: str) -> list[str]:
    """Relative paths of the YAML files in ``data/<subdir>``, sorted for determinism."""
    folder = DATA / subdir
    return sorted(f"{subdir}/{p.name}" for p in folder.glob("*.yaml")) if folder.exists() else []
