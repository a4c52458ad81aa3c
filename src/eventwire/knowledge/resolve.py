"""Resolve one actor phrase (a list of spaCy tokens) to an Actor, using the KB and the date.

Used by the actors stage for every noun phrase and by ``eventwire resolve actor``: one code path,
so what an analyst debugs is what the pipeline does.
"""
from __future__ import annotations

import datetime as dt
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
    return [Hit(m.start, m.end, kb.lookup(sdoc.text[sdoc[m.start].idx:sdoc[m.end - 1].idx + len(sdoc[m.end - 1].text)]))
            for m in kb.forms.find(sdoc, start, end)]


def pick_form(forms: list[Form], when: dt.date | None, context_countries: set[str]) -> tuple[Form | None, str]:
    """Choose among candidate forms; people by office at the date, then by context countries."""
    if len(forms) == 1:
        return forms[0], ""
    people = [f for f in forms if f.entry.kind == "person"]
    if people and when is not None:
        in_office = [f for f in people if any(r.covers(when) for r in f.entry.roles)]
        if len(in_office) == 1:
            return in_office[0], ""
        people = in_office or people
    pool = people or forms
    preferred = [f for f in pool if f.entry.country in context_countries]
    if len({id(f.entry) for f in preferred}) == 1:
        return preferred[0], ""
    kinds = {"name": 0, "alias": 1, "metonym": 2, "capital": 3, "demonym": 4}
    pool = sorted(pool, key=lambda f: kinds.get(f.how, 5))
    if len({id(f.entry) for f in pool if f.how == pool[0].how}) == 1:
        return pool[0], ""
    names = sorted({f.entry.name for f in pool})
    return pool[0], "ambiguous: " + " | ".join(names[:5])


def _sector_of_tokens(kb: ActorKB, tokens) -> tuple[str | None, str]:
    """Sector from role nouns: longest lemma phrase wins, then single lemmas, head first."""
    lemmas = [t.lemma_.lower() for t in tokens]
    words = [t.lower_ for t in tokens]
    for n in (3, 2):
        for i in range(len(lemmas) - n + 1):
            for seq in (lemmas[i:i + n], words[i:i + n]):
                phrase = " ".join(seq)
                if phrase in kb.sector_nouns:
                    return kb.sector_nouns[phrase], phrase
    for t in sorted(tokens, key=lambda t: 0 if t.dep_ in ("ROOT",) or t.head not in tokens else 1):
        for key in (t.lemma_.lower(), t.lower_):
            if key in kb.sector_nouns:
                return kb.sector_nouns[key], key
    return None, ""


def _role_of_text(kb: ActorKB, text: str) -> tuple[str | None, str]:
    low = " " + norm(text) + " "
    for bad in kb.not_roles:
        if f" {bad} " in low:
            return None, ""
    for title in sorted(kb.role_titles, key=len, reverse=True):
        if f" {title} " in low:
            return kb.role_titles[title], title
    return None, ""


def resolve_tokens(kb: ActorKB, tokens, hits: list[Hit], when: dt.date | None,
                   context_countries: set[str] = frozenset()) -> Actor:
    """Resolve a phrase to an Actor: the named entity at its head, else role/sector + country."""
    text = "".join(t.text_with_ws for t in tokens).strip() if tokens else ""
    actor = Actor(text=text)
    if not tokens:
        return actor
    head = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1])
    inside = [h for h in hits if h.start >= tokens[0].i and h.end <= tokens[-1].i + 1]
    head_hit = next((h for h in inside if h.start <= head.i < h.end), None)
    entity_hits = [h for h in inside if any(f.how in ("name", "alias", "metonym", "capital") for f in h.forms)]
    primary = head_hit or next((h for h in entity_hits if any(f.entry.kind != "country" for f in h.forms)), None)
    sector, sector_word = _sector_of_tokens(kb, [t for t in tokens if not (primary and primary.start <= t.i < primary.end)])
    modifiers_country = None
    for h in inside:
        if h is primary:
            continue
        form, _ = pick_form(h.forms, when, context_countries)
        if form and form.entry.country and form.entry.kind in ("country", "armed_group", "igo"):
            modifiers_country = form.entry.country
            break
    basis: list[str] = []
    if primary is not None:
        form, amb = pick_form(primary.forms, when, context_countries | ({modifiers_country} - {None}))
        entry: Entry = form.entry
        country, esector, ebasis = entry.at(when)
        actor.name, actor.qid, actor.kind = entry.name, entry.qid, entry.kind
        actor.country = country or modifiers_country
        if form.how == "demonym" and head_hit is primary and not sector:
            actor.name, actor.qid, actor.kind = entry.name, None, "population"
            sector = None
        actor.sector = form.sector or esector
        if sector and entry.kind == "country" and form.how in ("demonym", "name", "alias"):
            actor.sector, actor.name, actor.qid = sector, f"{entry.name} {kb.sector_labels.get(sector, sector)}", None
            actor.kind = "sector"
        elif sector and sector != actor.sector:
            actor.sector2 = sector
        actor.confidence = 0.9 if not amb else 0.5
        basis.append(f"kb:{form.how}:{entry.name}")
        if ebasis != "default":
            basis.append(ebasis)
        if amb:
            basis.append(amb)
    else:
        role, title = _role_of_text(kb, text)
        holder = kb.officeholder(modifiers_country, role, when) if role and modifiers_country else None
        if holder is not None:
            _, hsector, hbasis = holder.at(when)
            actor.name, actor.qid, actor.kind, actor.country = holder.name, holder.qid, "person", holder.country
            actor.sector = hsector
            actor.confidence = 0.8
            basis += [f"office:{title}", hbasis]
        elif sector or role:
            actor.country, actor.sector = modifiers_country, sector or "GOV"
            actor.kind = "sector"
            actor.confidence = 0.7 if modifiers_country else 0.5
            basis.append(f"role noun:{sector_word or title}")
            if role and not modifiers_country:
                basis.append("office without country")
            elif role and when is None:
                basis.append("no date: officeholder unknown")
        elif modifiers_country:
            return actor  # a country adjective on a non-actor noun ("the Afghan border")
    actor.basis = "; ".join(b for b in basis if b)
    return actor


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
