"""Actor knowledge base: countries, IGOs, armed and political groups, media, officeholders.

Built once per process from the YAML files in ``data/actors/``. Surface forms are indexed by their
normalised text; acronyms and short forms ("US", "IS", "AP") match only with their exact case.
Everything time-varying (a group's status, who held an office) is stored as dated periods and
resolved against the article's date.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from . import cached_build, data_files, load_yaml
from .phrases import PhraseIndex, needs_exact_case, norm

def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class FuzzyMatch:
    entry: "Entry"
    score: float
    rivals: list[str]


@dataclass(slots=True)
class Status:
    """What an entry is on a given date."""
    country: str | None
    sector: str | None
    basis: str


@dataclass(slots=True)
class Role:
    role: str
    title: str | None
    sector: str
    start: dt.date | None
    end: dt.date | None
    org: str | None = None

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    qid: str | None
    provenance: str = ""
    periods: list[dict] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    forms: list = field(default_factory=list)      # its surface forms (kept on the entry: survives pickling)

    def at(self, when: dt.date | None) -> Status:
        """Country, sector and why, for this entry on a date; undated → the latest known state."""
        if self.roles:
            role = self.role_at(when)
            if role is None:
                return Status(self.country, self.sector, "no dated office")
            span = f"{role.title or role.role} {role.start or '?'}..{role.end or 'now'}"
            if when is not None and not role.covers(when) and role.end and role.end < when:
                return Status(self.country, "PTY", f"out of office since {role.end} ({span})")
            sector = "IGO" if (role.org or self.country == "IGO") and role.sector == "GOV" else role.sector
            return Status(self.country, sector, span)
        country, sector, basis = self.country, self.sector, "default"
        for p in self.periods:
            start, end = _date(p.get("from")), _date(p.get("until") or p.get("to"))
            hit = (when is None and end is None) or (
                when is not None and (start is None or start <= when) and (end is None or when <= end))
            if hit:
                country = p.get("country", country)
                sector = p.get("sector", sector)
                basis = f"period {start or '…'}..{end or 'now'}"
        return Status(country, sector, basis)

    def role_at(self, when: dt.date | None) -> Role | None:
        if not self.roles:
            return None
        if when is not None:
            covering = [r for r in self.roles if r.covers(when)]
            if covering:
                return covering[0]
            before = [r for r in self.roles if r.start and r.start <= when]
            if before:
                return max(before, key=lambda r: r.start)
            return min(self.roles, key=lambda r: r.start or dt.date.min)
        return max(self.roles, key=lambda r: r.start or dt.date.min)


@dataclass(slots=True)
class Form:
    """A surface form of an entry: how it names the entry, and any sector it implies."""
    entry: Entry
    how: str                    # name | alias | demonym | capital | metonym
    surface: str
    sector: str | None = None
    exact: bool = False         # acronyms/short forms must match case exactly


class ActorKB:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.forms: PhraseIndex[Form] = PhraseIndex()
        self.by_iso3: dict[str, Entry] = {}
        self.by_role: dict[tuple[str, str], list[tuple[Role, Entry]]] = {}
        self.sector_nouns: dict[str, str] = {}
        self.sector_labels: dict[str, str] = {}
        self.sector_primary: dict[str, str] = {}         # fine code → reported code (AGR → CVL)
        self.sector_modifiers: list[tuple[str, str, frozenset]] = []   # (adjective, sector, nouns it applies to)
        self.role_titles: dict[str, str] = {}
        self.role_words: set[str] = set()          # every word of every title: a cheap pre-filter
        self.not_roles: set[str] = set()
        self.descriptors: dict[str, list[Entry]] = {}
        self._fuzzy: dict[str, tuple[list[str], list[Entry]]] = {}

    # -- building ---------------------------------------------------------------------------
    def add_form(self, surface: str, form: Form) -> None:
        if surface and surface.strip():
            self.forms.add(surface, form, form.exact)
            form.entry.forms.append(form)

    def fuzzy(self, name: str, person: bool, cutoff: float = 90.0) -> FuzzyMatch | None:
        """A spelling variant of a KB name ("Sergey Shoygu" → Sergei Shoigu), above a strict
        threshold; two close candidates are reported as ambiguous instead of being chosen."""
        from rapidfuzz import fuzz, process
        if len(name) < 6:
            return None
        names, entries = self._fuzzy_index(person)
        hits = process.extract(name, names, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=5)
        if not hits:
            return None
        best = entries[hits[0][2]]
        rivals = sorted({entries[h[2]].name for h in hits if entries[h[2]] is not best and h[1] >= hits[0][1] - 3})
        return FuzzyMatch(best, hits[0][1], rivals)

    def _fuzzy_index(self, person: bool):
        key = "person" if person else "other"
        if key not in self._fuzzy:
            pairs = [(f.surface, e) for e in self.entries if (e.kind == "person") == person
                     for f in self.forms_of(e) if len(f.surface) >= 6 and f.how in ("name", "alias")]
            self._fuzzy[key] = ([p[0] for p in pairs], [p[1] for p in pairs])
        return self._fuzzy[key]

    def forms_of(self, entry: Entry) -> list[Form]:
        return entry.forms

    def add_entry(self, raw: dict, kind_default: str) -> Entry:
        kind = raw.get("kind") or kind_default
        entry = Entry(
            id=raw.get("qid") or f"{kind}:{raw['name']}", name=raw["name"], kind=kind,
            country=raw.get("country") or raw.get("iso3"), sector=raw.get("sector"), qid=raw.get("qid"),
            provenance=raw.get("provenance", ""), periods=list(raw.get("periods") or []),
            descriptors=[d for d in raw.get("descriptors") or [] if isinstance(d, str)],
            members=list(raw.get("members") or []))
        for r in raw.get("roles") or []:
            entry.roles.append(Role(r.get("role", "other"), r.get("title"), r.get("sector") or "GOV",
                                    _date(r.get("from")), _date(r.get("to")), r.get("org")))
            self.by_role.setdefault((entry.country or "", r.get("role", "other")), []).append((entry.roles[-1], entry))
        if entry.roles and not entry.sector:
            entry.sector = entry.roles[-1].sector
        self.entries.append(entry)
        self.add_form(entry.name, Form(entry, "name", entry.name, exact=needs_exact_case(entry.name)))
        for alias in raw.get("aliases") or []:
            if isinstance(alias, str):
                self.add_form(alias, Form(entry, "alias", alias, exact=needs_exact_case(alias)))
        for how in ("demonyms", "capitals"):
            for s in raw.get(how) or []:
                if isinstance(s, str):
                    self.add_form(s, Form(entry, how[:-1], s, sector="GOV" if how == "capitals" else None,
                                          exact=needs_exact_case(s)))
        for m in raw.get("metonyms") or []:
            text, sector = (m, "GOV") if isinstance(m, str) else (m.get("text"), m.get("sector", "GOV"))
            if text:
                self.add_form(text, Form(entry, "metonym", text, sector=sector, exact=needs_exact_case(text)))
        for d in entry.descriptors:
            self.descriptors.setdefault(norm(d), []).append(entry)
        if kind == "country" and entry.country:
            self.by_iso3[entry.country] = entry
        return entry

    # -- lookups ----------------------------------------------------------------------------
    def lookup(self, surface: str) -> list[Form]:
        """Forms matching a surface string; exact-case forms only when the case matches."""
        seen: set[tuple[int, str]] = set()
        out = []
        for f in self.forms.get(surface):
            if (id(f.entry), f.how) not in seen:
                seen.add((id(f.entry), f.how))
                out.append(f)
        return out

    def officeholder(self, country: str, role: str, when: dt.date | None, org: Entry | None = None) -> Entry | None:
        """Who held ``role`` for ``country`` (or for the organisation ``org``) on ``when``.

        None without a date: offices change hands, and guessing the holder would invent a fact."""
        if when is None:
            return None
        if org is None:
            return next((e for r, e in self.by_role.get((country, role), ()) if r.covers(when)), None)
        title_word = role.replace("head_of_state", "president").replace("_", " ")
        for (c, code), holders in self.by_role.items():
            if c != country:
                continue
            for r, entry in holders:
                if r.covers(when) and r.org and self._same_org(r.org, org) and (
                        code == role or title_word in (r.title or "").lower() or title_word == "secretary general"
                        and "secretary" in (r.title or "").lower()):
                    return entry
        return None

    def _same_org(self, name: str, org: Entry) -> bool:
        """'UN' names the organisation 'United Nations Secretariat' belongs to; 'NATO' names NATO."""
        for f in self.lookup(name):
            if f.entry is org or org.name.startswith(f.entry.name):
                return True
        return False


def _load_sectors(kb: ActorKB) -> None:
    data = load_yaml("actors/sectors.yaml")
    items = data.get("sectors", data) if isinstance(data, dict) else data
    for item in items or []:
        if not isinstance(item, dict) or "code" not in item:
            continue
        kb.sector_labels[item["code"]] = item.get("label") or item["code"]
        if item.get("primary"):
            kb.sector_primary[item["code"]] = item["primary"]
        for noun in item.get("nouns") or []:
            if isinstance(noun, str):
                kb.sector_nouns.setdefault(noun.lower().strip(), item["code"])
    for mod in (data.get("modifiers") if isinstance(data, dict) else None) or []:
        if isinstance(mod, dict) and mod.get("text") and mod.get("sector"):
            kb.sector_modifiers.append((mod["text"].lower(), mod["sector"],
                                        frozenset(n.lower() for n in mod.get("applies_to") or ())))
    roles = load_yaml("actors/roles.yaml")
    if isinstance(roles, dict):
        for role, titles in (roles.get("roles") or {}).items():
            for t in titles:
                kb.role_titles[t.lower()] = role
                kb.role_words.update(t.lower().split())
        kb.not_roles = {t.lower() for t in roles.get("not_roles") or []}


_FILES_KIND = {"countries.yaml": "country", "igos.yaml": "igo", "groups.yaml": "armed_group",
               "media.yaml": "media", "officeholders.yaml": "person"}


@functools.lru_cache(maxsize=1)
def load_kb() -> ActorKB:
    """The actor KB, built once (and cached on disk between processes)."""
    return cached_build("actor-kb", _build_kb)


def _build_kb() -> ActorKB:
    kb = ActorKB()
    for rel in data_files("actors"):
        kind = _FILES_KIND.get(rel.split("/")[-1])
        if kind is None:
            continue
        for raw in load_yaml(rel) or []:
            if isinstance(raw, dict) and raw.get("name"):
                kb.add_entry(raw, kind)
    _load_sectors(kb)
    return kb
