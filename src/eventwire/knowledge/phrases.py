"""A phrase index over spaCy tokens: longest-match lookup of multiword names.

Keys are normalised text (case-folded, quotes unified, leading "the" dropped); short forms and
acronyms ("US", "IS", "AP") match only with their exact case. A cheap pre-filter on each token's
first alphanumeric run keeps the scan at a set lookup per token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(r"[^\W_]+")
_TOKENISH = re.compile(r"[^\W_]+|[^\w\s]")
_APOS = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})


def norm(text: str) -> str:
    t = _SPACE.sub(" ", text.translate(_APOS)).strip().lower()
    return t[4:] if t.startswith("the ") else t


def cased_key(text: str) -> str:
    t = _SPACE.sub(" ", text.translate(_APOS)).strip()
    return t[4:] if t[:4].lower() == "the " else t


def first_run(text: str) -> str:
    m = _RUN.match(text)
    return m.group() if m else text[:1]


def needs_exact_case(surface: str) -> bool:
    """Acronyms and very short forms ("US", "IS", "the AP") must match with their exact case."""
    core = cased_key(surface).replace(".", "").replace("-", "").replace(" ", "")
    return len(core) <= 3 or (core.isupper() and len(core) <= 6)


@dataclass(slots=True)
class Match(Generic[V]):
    start: int          # token index
    end: int            # token index, exclusive
    values: list


class PhraseIndex(Generic[V]):
    def __init__(self) -> None:
        self._items: dict[str, list[tuple[str, bool, V]]] = {}
        self._first: dict[str, int] = {}     # first alphanumeric run → most tokens a key starting so spans
        self.max_words = 1

    def __len__(self) -> int:
        return len(self._items)

    def add(self, surface: str, value: V, exact: bool | None = None) -> None:
        key = norm(surface or "")
        if not key:
            return
        exact = needs_exact_case(surface) if exact is None else exact
        self._items.setdefault(key, []).append((cased_key(surface), exact, value))
        run = first_run(key)
        self._first[run] = max(self._first.get(run, 1), len(_TOKENISH.findall(key)))
        self.max_words = max(self.max_words, len(key.split(" ")))

    def get(self, surface: str) -> list[V]:
        items = self._items.get(norm(surface))
        if not items:
            return []
        cased = cased_key(surface)
        return [v for c, exact, v in items if not exact or c == cased]

    def find(self, sdoc, start: int = 0, end: int | None = None) -> list[Match]:
        """Greedy longest matches over tokens [start, end)."""
        end = len(sdoc) if end is None else end
        text = sdoc.text
        limit = min(self.max_words + 4, 10)
        out: list[Match] = []
        i = start
        while i < end:
            tok = sdoc[i]
            span_max = 0 if tok.is_space or tok.is_punct else self._first.get(first_run(tok.lower_.translate(_APOS)), 0)
            if not span_max:
                i += 1
                continue
            found = None
            for n in range(min(limit, end - i, span_max + 1), 0, -1):
                last = sdoc[i + n - 1]
                if n > 1 and (last.is_punct and last.text != "." or last.is_space):
                    continue
                values = self.get(text[tok.idx:last.idx + len(last.text)])
                if values:
                    found = Match(i, i + n, values)
                    break
            if found is None and "-" in tok.text[1:]:
                # "U.S.-led forces", "Saudi-backed", "Kremlin-controlled": the part before the hyphen.
                values = self.get(tok.text.rsplit("-", 1)[0])
                if values:
                    found = Match(i, i + 1, values)
            if found:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out
