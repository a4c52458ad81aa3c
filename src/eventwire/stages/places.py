"""Places: geocode place mentions offline and give each event the place where it happened.

An event's location is a place attached to its trigger by a locative preposition ("near the Afghan
border", "in Kabul"), else a place elsewhere in its clause, else none: the city the speaker stood
in is not where the event happened.
"""
from __future__ import annotations

from ..knowledge.gazetteer import GeoEntry, load_gazetteer, rank
from ..types import Actor, Document, Mention, Place
from . import register
from .nlp import trigger_root

LOCATIVE = {"in", "near", "at", "outside", "inside", "across", "along", "around", "into", "off", "over",
            "within", "throughout", "on", "towards", "toward", "from", "between", "beyond"}
_NER_PLACE = {"GPE", "LOC", "FAC"}
_PLACE_HEADS = {"soil", "territory", "side", "border", "frontier", "city", "town", "village", "capital", "province",
                "region", "water", "airspace", "coast", "land", "mainland", "countryside", "highway", "port"}


def _place(e: GeoEntry, conf: float, start: int | None, end: int | None) -> Place:
    return Place(e.name, e.country, e.lat, e.lon, e.geonameid, e.admin1, e.feature, round(conf, 3), start, end)


def _qualifier(sdoc, end: int) -> str | None:
    """'Paris, Texas' → 'Texas'; 'Washington state' → 'state'."""
    if end < len(sdoc) and sdoc[end].lower_ == "state" and sdoc[end].pos_ in ("NOUN", "PROPN"):
        return "state"
    if end + 1 < len(sdoc) and sdoc[end].text == "," and sdoc[end + 1].pos_ == "PROPN":
        j = end + 1
        while j + 1 < len(sdoc) and sdoc[j + 1].pos_ == "PROPN":
            j += 1
        return sdoc[end + 1:j + 1].text
    return None


def context_countries(doc: Document) -> set[str]:
    return {m.actor.country for m in doc.mentions if m.actor.country and m.actor.country != "IGO"}


def geocode_document(doc: Document) -> list[tuple[int, int, Place]]:
    """(first token, end token, Place) for each place mention, disambiguated by the article."""
    gz = load_gazetteer()
    sdoc = doc.spacy_doc
    ctx = context_countries(doc)
    ner_tokens = {t.i for ent in sdoc.ents if ent.label_ in _NER_PLACE for t in ent}
    # Words inside organisation or person names are not places ("Central Military District").
    blocked = {t.i: ent for ent in sdoc.ents if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART", "LAW") for t in ent}
    found = []
    for m in gz.index.find(sdoc):
        span = sdoc[m.start:m.end]
        cands = load_gazetteer().lookup(span.text)
        if not cands:
            continue
        is_ner = any(t.i in ner_tokens for t in span)
        ent = blocked.get(m.start)
        if ent is not None and not (ent.start == m.start and ent.end == m.end):
            continue
        if any(c.feature == "demonym" for c in cands) and span.root.head.lemma_.lower() not in _PLACE_HEADS:
            continue            # "Russian Defense Minister" names an actor, "on Afghan soil" a place
        features = {c.feature for c in cands}
        if not is_ner and features <= {"city", "state"} and not span[0].is_title:
            continue            # lower-case words that happen to be town names
        if not is_ner and features <= {"city"} and span.root.pos_ != "PROPN":
            continue
        scored = rank(cands, ctx, _qualifier(sdoc, m.end), span.text)
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
        conf = min(0.95, 0.55 + 0.1 * margin + (0.1 if is_ner else 0.0))
        found.append((m.start, m.end, _place(best, conf, span.start_char, span.end_char)))
    return found


def event_location(trigger, places_by_token: dict[int, Place]) -> Place | None:
    """The place attached to the trigger by a locative preposition, searched outward."""
    for head in (trigger, *[a for a in trigger.ancestors][:2]):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in LOCATIVE:
                for t in c.subtree:
                    p = places_by_token.get(t.i)
                    if p is not None and (p.feature != "demonym" or t.dep_ == "amod"):
                        return p
        if head.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
            break
    for t in trigger.subtree:
        p = places_by_token.get(t.i)
        if p is not None and t.dep_ in ("pobj",) and t.head.lower_ in LOCATIVE:
            return p
    for c in trigger.children:      # "struck Odesa": the place attacked is where it happened
        p = places_by_token.get(c.i)
        if p is not None and c.dep_ == "dobj" and p.feature in ("city", "region", "subregion_of_country", "admin1"):
            return p
    return None


def _target_from_place(ev) -> None:
    """An event with no recipient that happened in another country was done to that country
    ("Serbia lifted a curfew in Montenegro", "Israel will evacuate settlements in Gaza")."""
    loc = ev.location
    if ev.target or loc is None or not loc.country or loc.feature in ("region", "water", "border"):
        return
    if loc.country in {m.actor.country for m in ev.source}:
        return
    actor = Actor(text=loc.name, name=loc.name, country=loc.country, kind="place", confidence=0.5,
                  basis="recipient inferred from the event's location")
    ev.target = [Mention(loc.start or ev.trigger[0], loc.end or ev.trigger[1], actor)]


@register("places")
def make_places(config=None):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            found = geocode_document(doc)
            doc.places = [p for _, _, p in found]
            by_token = {i: p for s, e, p in found for i in range(s, e)}
            for ev in doc.events:
                root = trigger_root(doc.spacy_doc, ev)
                if root is not None:
                    ev.location = event_location(root, by_token)
                    _target_from_place(ev)
    return run
