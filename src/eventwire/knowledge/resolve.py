"""Resolve one actor phrase (a list of spaCy tokens) to an Actor, using the KB and the date.

Used by the actors stage for every noun phrase and by ``eventwire resolve actor``: one code path,
so what an analyst debugs is what the pipeline does.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..types import Actor
from .actors import ActorKB, Entry, Form
from .phrases import norm

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
ORG_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
COLLECTIVE_HEADS = {"ally", "country", "nation", "state", "neighbour", "neighbor", "side", "power",
                    "government", "partner", "member", "republic"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}


@dataclass(slots=True)
class Hit:
    """A KB surface form found in a document: token range [start, end) and candidate forms."""
    start: int
    end: int
    forms: list[Form]


def find_hits(sdoc, kb: ActorKB, start: int = 0, end: int | None = None) -> list[Hit]:
    """Greedy longest-match of KB surface forms over tokens [start, end)."""
    hits = []
    for m in kb.forms.find(sdoc, start, end):
        seen: set[tuple[int, str]] = set()
        forms = [f for f in m.values if not ((id(f.entry), f.how) in seen or seen.add((id(f.entry), f.how)))]
        hits.append(Hit(m.start, m.end, forms))
    return hits


@dataclass(slots=True)
class Pick:
    """The chosen surface form and, when the choice was not clear, why ("ambiguous: …")."""
    form: Form
    ambiguity: str = ""


def pick_form(forms: list[Form], when: dt.date | None, context_countries: set[str]) -> Pick:
    """Choose among candidate forms; people by office at the date, then by context countries."""
    if len(forms) == 1:
        return Pick(forms[0])
    people = [f for f in forms if f.entry.kind == "person"]
    if people and when is not None:
        in_office = [f for f in people if any(r.covers(when) for r in f.entry.roles)]
        if len(in_office) == 1:
            return Pick(in_office[0])
        people = in_office or people
    pool = people or forms
    preferred = [f for f in pool if f.entry.country in context_countries]
    if len({id(f.entry) for f in preferred}) == 1:
        return Pick(preferred[0])
    kinds = {"name": 0, "alias": 1, "metonym": 2, "capital": 3, "demonym": 4}
    pool = sorted(pool, key=lambda f: kinds.get(f.how, 5))
    if len({id(f.entry) for f in pool if f.how == pool[0].how}) == 1:
        return Pick(pool[0])
    names = sorted({f.entry.name for f in pool})
    return Pick(pool[0], "ambiguous: " + " | ".join(names[:5]))


# Role nouns that say little about sector next to a more specific word ("hospital spokeswoman",
# "intelligence officials", "rebel leader").
WEAK_ROLE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "leader", "leaders",
                   "head", "chief", "member", "members", "representative", "source", "sources", "delegation",
                   "commander", "state"}
_ORG_SUFFIX = re.compile(r"\b(?:Holdings|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|PLC|plc|GmbH|Group|Dynamics|"
                         r"Industries|Technologies|Energy|Airlines|Bank|Motors|Systems|Partners|Capital)$")


@dataclass(slots=True)
class SectorCue:
    sector: str | None = None
    word: str = ""


def sector_of_tokens(kb: ActorKB, tokens, require_head: bool = True) -> SectorCue:
    """Sector from role nouns and modifiers; a specific word beats a weak one ("hospital spokeswoman"),
    and the head noun beats its modifiers ("government forces", "teachers' union")."""
    head_i = next((t.i for t in tokens if t.head not in tokens or t.head == t), None)
    lemmas = [t.lemma_.lower() for t in tokens]
    words = [t.lower_ for t in tokens]
    found: list[tuple[float, str, str]] = []        # (rank, sector, word); lower rank wins
    covers_head = False
    for n in (3, 2):
        for i in range(len(lemmas) - n + 1):
            for seq in (lemmas[i:i + n], words[i:i + n]):
                phrase = " ".join(seq)
                if phrase in kb.sector_nouns:
                    found.append((0 if phrase not in WEAK_ROLE_NOUNS else 2, kb.sector_nouns[phrase], phrase))
                    covers_head |= any(t.i == head_i for t in tokens[i:i + n])
    for t in tokens:
        for key in (t.lemma_.lower(), t.lower_):
            if key in kb.sector_nouns:
                rank = 2 if key in WEAK_ROLE_NOUNS else (0.5 if t.i == head_i else 1)
                found.append((rank, kb.sector_nouns[key], key))
                covers_head |= t.i == head_i
                break
    head_words = set(words) | set(lemmas)
    text = " ".join(words)
    phrases = {w for _, _, w in found if " " in w}
    for adj, sector, applies in kb.sector_modifiers:
        if any(p.startswith(f"{adj} ") for p in phrases):
            continue        # a listed phrase beats its modifier: "government forces" are MIL
        if f"{adj} " in text + " " and (not applies or head_words & applies or any(a in text for a in applies if " " in a)):
            found.append((-1, sector, adj))
    # "military exercises", "provincial capitals": a role word on a non-actor head names no actor.
    if not found or (not covers_head and head_i is not None and require_head):
        return SectorCue()
    rank, sector, word = min(found, key=lambda x: x[0])
    return SectorCue(kb.sector_primary.get(sector, sector), word)


@dataclass(slots=True)
class RoleCue:
    role: str | None = None
    title: str = ""


def role_of_text(kb: ActorKB, text: str) -> RoleCue:
    """The office a phrase names ("Russia's defence minister" → defence_minister); longest title wins."""
    words = norm(text).split()
    grams = [" ".join(words[i:i + n]) for n in (5, 4, 3, 2, 1) for i in range(len(words) - n + 1)]
    if any(g in kb.not_roles for g in grams):
        return RoleCue()
    for g in grams:
        if g in kb.role_titles:
            return RoleCue(kb.role_titles[g], g)
    return RoleCue()


def _known_place(ent) -> bool:
    """A town the gazetteer knows is not a misspelt actor: no fuzzy matching for it."""
    if ent.label_ != "GPE":
        return False
    from .gazetteer import load_gazetteer
    return bool(load_gazetteer().lookup(ent.text))


def _entity_of(tok):
    """The PERSON/ORG/GPE named entity a token belongs to, if any."""
    if tok.ent_type_ not in ("PERSON", "ORG", "GPE"):
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _span_text(tokens) -> str:
    # Span.text joins only the span's tokens; Doc.text would rebuild the whole document each call.
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text


def resolve_tokens(kb: ActorKB, tokens, hits: list[Hit], when: dt.date | None,
                   context_countries: set[str] = frozenset()) -> Actor:
    """Resolve a phrase to an Actor: the named entity at its head, else an officeholder by role and
    date, else role/sector nouns + country; unknown names keep their text."""
    if not tokens:
        return Actor(text="")
    text = _span_text(tokens)
    actor = Actor(text=text)
    head = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1])
    inside = [h for h in hits if h.start <= tokens[-1].i and h.end > tokens[0].i]   # overlapping: "Kyodo" in "Kyodo News"
    head_hit = next((h for h in inside if h.start <= head.i < h.end), None)
    primary = head_hit or next((h for h in inside if any(f.entry.kind not in ("country",) for f in h.forms)
                                and any(f.how != "demonym" for f in h.forms)), None)
    rest = [t for t in tokens if not (primary and primary.start <= t.i < primary.end)]
    cue = sector_of_tokens(kb, rest)
    modifier = _modifier_entity(kb, inside, primary, when, context_countries)
    role = role_of_text(kb, text)
    basis: list[str] = []
    if role.role and (primary is None or primary.forms[0].entry.kind != "person"):
        org = primary.forms[0].entry if primary is not None and primary.forms[0].entry.kind == "igo" else None
        country = "IGO" if org is not None else (modifier.country if modifier else None)
        holder = kb.officeholder(country, role.role, when, org) if country else None
        if holder is not None:
            status = holder.at(when)
            hsector, hbasis = status.sector, status.basis
            actor.name, actor.qid, actor.kind, actor.country, actor.sector = (
                holder.name, holder.qid, "person", holder.country, hsector)
            actor.confidence = 0.8
            actor.basis = f"office:{role.title}; {hbasis}"
            return actor
        if when is None and country:
            basis.append("no date: officeholder not resolved")
    if primary is not None:
        pick = pick_form(primary.forms, when, context_countries | ({modifier.country} if modifier else set()))
        form, amb = pick.form, pick.ambiguity
        entry: Entry = form.entry
        status = entry.at(when)
        country, esector, ebasis = status.country, status.sector, status.basis
        actor.name, actor.kind = entry.name, entry.kind
        # A metonym for the government carries the country's QID; "the Pentagon" (MIL) is not the country.
        actor.qid = entry.qid if form.how != "demonym" and (form.sector in (None, "GOV")) else None
        actor.country = country or (modifier.country if modifier else None)
        actor.sector = form.sector or esector
        if form.how == "demonym" and not cue.sector:
            actor.kind, actor.qid, actor.sector = "population", None, None
        if cue.sector and entry.kind == "country" and form.how in ("demonym", "name", "alias"):
            actor.sector, actor.qid, actor.kind = cue.sector, None, "sector"
            actor.name = f"{entry.name} {kb.sector_labels.get(cue.sector, cue.sector)}"
        elif cue.sector and cue.sector != actor.sector and entry.kind != "person":
            actor.sector2 = cue.sector
        actor.confidence = 0.9 if not amb else 0.5
        basis.append(f"kb:{form.how}:{entry.name}")
        if ebasis != "default":
            basis.append(ebasis)
        if amb:
            basis.append(amb)
    elif cue.sector or role.role:
        actor.country = modifier.country if modifier else None
        actor.sector, actor.kind = cue.sector or "GOV", "sector"
        actor.confidence = 0.7 if actor.country else 0.5
        basis.append(f"role noun:{cue.word or role.title}")
    elif head.pos_ == "PROPN" and _ORG_SUFFIX.search(text):
        actor.sector, actor.kind, actor.confidence = "BUS", "organization", 0.4
        basis.append("company name suffix")
    if actor.name is None and primary is None:
        ent = _entity_of(head)
        match = kb.fuzzy(ent.text, ent.label_ == "PERSON") if ent is not None and not _known_place(ent) else None
        if match is not None and not match.rivals:
            status = match.entry.at(when)
            actor.name, actor.qid, actor.kind = match.entry.name, match.entry.qid, match.entry.kind
            actor.country, actor.sector = status.country, actor.sector or status.sector
            actor.confidence = round(0.4 + 0.4 * (match.score - 90) / 10, 3)
            basis.append(f"fuzzy {match.score:.0f}: {match.entry.name}")
        elif ent is not None and ent.label_ != "GPE":   # unknown towns are left to the gazetteer
            # A name the KB does not know keeps its own text: never forced onto a KB entry.
            if match is not None:
                basis.append("ambiguous spelling: " + " | ".join([match.entry.name, *match.rivals][:4]))
            actor.name = ent.text
            actor.kind = "person" if ent.label_ == "PERSON" else "organization"
            actor.country = actor.country or (modifier.country if modifier else None)
            actor.confidence = max(actor.confidence, 0.4)
            basis.append(f"unresolved {ent.label_} name (not in the knowledge base)")
    actor.sector = kb.sector_primary.get(actor.sector, actor.sector) if actor.sector else None
    actor.basis = "; ".join(b for b in basis if b)
    return actor


@dataclass(slots=True)
class _Modifier:
    country: str | None


def _modifier_entity(kb, inside, primary, when, context) -> _Modifier | None:
    """The country a modifier names ("Russian", "Russia's", "U.S.-led")."""
    for h in inside:
        if h is primary:
            continue
        form = pick_form(h.forms, when, context).form
        if form and form.entry.country and form.entry.kind in ("country", "armed_group", "igo"):
            return _Modifier(form.entry.country)
    return None


def collective_size(tokens) -> int | None:
    """'the three allies' → 3; None when the phrase is not a collective reference."""
    head = next((t for t in tokens if t.head not in tokens or t.head == t), None)
    if head is None or head.lemma_.lower() not in COLLECTIVE_HEADS or head.tag_ not in ("NNS", "NNPS"):
        return None
    for t in tokens:
        if t.lower_ in _NUMBERS:
            return _NUMBERS[t.lower_]
        if t.like_num and t.text.isdigit():
            return int(t.text)
    det = tokens[0].lower_
    return 0 if det in ("the", "these", "both") else None
