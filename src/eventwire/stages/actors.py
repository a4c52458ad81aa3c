"""Actors: find actor mentions (KB names, role nouns, pronouns, descriptors), resolve them, and
link anaphors ("the militant group", "he", "the three allies") to their antecedents.
"""
from __future__ import annotations

import datetime as dt

from ..knowledge.actors import ActorKB, load_kb
from ..knowledge.phrases import norm
from ..knowledge.resolve import (COLLECTIVE_HEADS, ORG_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, STATE_SECTORS, Hit,
                                 collective_size, find_hits, resolve_tokens)
from ..types import Actor, Document, Mention
from . import register

_GENERIC_GROUP = {"group", "militant", "insurgent", "movement", "organization", "organisation", "rebel",
                  "militia", "faction", "extremist", "jihadist", "fighter"}


def phrase_tokens(sdoc, chunk_start: int, chunk_end: int):
    return [t for t in sdoc[chunk_start:chunk_end] if not t.is_space and t.dep_ != "case" and t.tag_ != "POS"]


def _copy(actor: Actor, text: str, basis: str) -> Actor:
    return Actor(text=text, name=actor.name, country=actor.country, sector=actor.sector, sector2=actor.sector2,
                 qid=actor.qid, kind=actor.kind, confidence=round(actor.confidence * 0.85, 3), basis=basis)


class MentionFinder:
    """Walks a parsed document once, keeping the salience list coreference needs."""

    def __init__(self, kb: ActorKB, doc: Document):
        self.kb, self.doc, self.sdoc = kb, doc, doc.spacy_doc
        self.when: dt.date | None = doc.published
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}

    def run(self) -> list[Mention]:
        hits = find_hits(self.sdoc, self.kb)
        self.hits = hits
        self.doc_countries = {f.entry.country for h in hits for f in h.forms if f.entry.kind == "country"}
        chunks = sorted(self._chunks(hits), key=lambda c: c[0])
        for start, end in chunks:
            self._add_chunk(start, end, hits)
        self._place_mentions()
        self._locate_populations()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def _locate_populations(self) -> None:
        """"200,000 people in Sudan's Darfur region", "residents of Gaza": a population named by
        where it is takes that place's country. Not armed forces or refugees, who are often foreign."""
        for m in self.mentions:
            if m.actor.country or m.actor.kind != "sector" or m.actor.sector not in _LOCATED_SECTORS:
                continue
            span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
            head = span.root if span is not None else None
            for prep in (c for c in (head.children if head is not None else ()) if c.dep_ == "prep"
                         and c.lower_ in ("in", "of", "from")):
                where = next((w for t in prep.subtree for w in [self.by_token.get(t.i)]
                              if w is not None and w.actor.country and w.actor.country != "IGO"
                              and w.actor.kind in ("country", "place")), None)
                if where is not None:
                    m.actor.country = where.actor.country
                    m.actor.basis += f"; country from '{self.doc.text[where.start:where.end]}'"
                    break

    def _place_mentions(self) -> None:
        """Towns and regions the KB does not know as actors ("struck Odesa") stand for their country
        as an event's target; kept as kind 'place' so coreference never picks them."""
        from ..knowledge.gazetteer import load_gazetteer, rank
        gz = load_gazetteer()
        for ent in self.sdoc.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC") or any(t.i in self.by_token for t in ent):
                continue
            cands = gz.lookup(ent.text)
            if not cands:
                continue
            best = rank(cands, self.doc_countries, None, ent.text)[0][1]
            if best.country:
                self._add(list(ent), Actor(text=ent.text, name=best.name, country=best.country, kind="place",
                                           confidence=0.5, basis=f"gazetteer:{best.feature}"))

    def _chunks(self, hits: list[Hit]):
        """Noun chunks, plus KB hits and pronouns outside any chunk."""
        seen: set[int] = set()
        for nc in self.sdoc.noun_chunks:
            # Split off a possessor ("Russia's military base" → "Russia" + "military base").
            poss = [t for t in nc if t.dep_ == "poss" and t.head.i >= nc.start and t.head.i < nc.end]
            if poss and poss[0].tag_ not in ("PRP$",) and self._is_role(nc.root):
                # "Poland's parliament": an actor noun keeps its possessor as its country
                yield nc.start, nc.end
            elif poss and poss[0].tag_ not in ("PRP$",):
                p = poss[0]
                left = min(x.i for x in p.subtree)
                yield left, p.i + 1
                rest = p.i + 1
                while rest < nc.end and self.sdoc[rest].tag_ == "POS":
                    rest += 1
                if rest < nc.end:
                    yield rest, nc.end
            else:
                yield nc.start, self._of_country_end(nc, hits)
            seen.update(range(nc.start, nc.end))
        for h in hits:
            if not any(i in seen for i in range(h.start, h.end)):
                seen.update(range(h.start, h.end))
                yield h.start, h.end
        for t in self.sdoc:
            if t.i not in seen and t.lower_ in PERSON_PRONOUNS | ORG_PRONOUNS | PLURAL_PRONOUNS:
                yield t.i, t.i + 1

    def _coordinated_countries(self, tokens, head, hits: list[Hit]) -> list:
        if head.lemma_.lower() not in COLLECTIVE_HEADS or head.tag_ not in ("NNS", "NNPS"):
            return []
        forms = [next((f for f in h.forms if f.entry.kind == "country"), None) for h in hits
                 if tokens[0].i <= h.start and h.end <= head.i]
        forms = [f for f in forms if f is not None]
        return forms if len({f.entry.country for f in forms}) >= 2 else []

    def _is_role(self, tok) -> bool:
        return tok.lemma_.lower() in self.kb.sector_nouns or tok.lower_ in self.kb.role_words

    def _of_country_end(self, nc, hits: list[Hit]) -> int:
        """'the president of Armenia', 'rebels in Ivory Coast': a role noun takes its country from
        the phrase that follows it."""
        root = nc.root
        if not self._is_role(root):
            return nc.end
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and any(h.start <= pobj.i < h.end and any(
                            f.entry.kind == "country" for f in h.forms) for h in hits):
                        return pobj.right_edge.i + 1
        return nc.end

    def _add(self, tokens, actor: Actor, antecedent: Mention | None = None) -> Mention:
        m = Mention(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), actor)
        if antecedent is not None and antecedent.antecedent is not None:
            m.antecedent, m.antecedent_text = antecedent.antecedent, antecedent.antecedent_text   # chain to the name
        elif antecedent is not None:
            m.antecedent = (antecedent.start, antecedent.end)
            m.antecedent_text = self.doc.text[antecedent.start:antecedent.end]
        self.mentions.append(m)
        for t in tokens:
            self.by_token[t.i] = m
        return m

    def _add_chunk(self, start: int, end: int, hits: list[Hit]) -> None:
        tokens = phrase_tokens(self.sdoc, start, end)
        if not tokens:
            return
        head = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1])
        text = self.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        low = head.lower_
        if len(tokens) == 1 and low in PERSON_PRONOUNS | ORG_PRONOUNS | PLURAL_PRONOUNS:
            ante = self._antecedent_pronoun(low, tokens[0].idx)
            if ante is not None:
                self._add(tokens, _copy(ante.actor, text, f"coref:{low}"), ante)
            return
        coordinated = self._coordinated_countries(tokens, head, hits)
        if coordinated:     # "the Turkish and Greek sides": one mention per country
            for form in coordinated:
                e = form.entry
                self._add(tokens, Actor(text=text, name=e.name, country=e.country, sector="GOV", qid=e.qid,
                                        kind="country", confidence=0.7, basis=f"kb:{form.how}:{e.name} (coordinated)"))
            return
        size = collective_size(tokens)
        if size is not None:
            group = self._antecedent_collective(size, tokens[0].idx)
            if group:
                for m in group:  # one mention per member, all pointing at the same words
                    self._add(tokens, self._as_country(m.actor, text, f"coref:collective {size}"), m)
                return
        named = any(h.start <= t.i < h.end for h in hits for t in tokens)
        if not named:
            ante = self._antecedent_descriptor(tokens, head, tokens[0].idx)
            if ante is not None:
                self._add(tokens, _copy(ante.actor, text, f"coref:{norm(text)}"), ante)
                return
        if not named and not self._maybe_actor(tokens, head):
            return      # fast path: no name, role noun or entity — most noun phrases ("the alarm")
        actor = resolve_tokens(self.kb, tokens, hits, self.when, self.doc_countries)
        if actor.name is None and actor.sector is None:
            self._modifier_mentions(tokens, hits)
            return
        definite = tokens[0].lower_ in ("the", "its", "this", "that") or head.pos_ == "PROPN"
        if actor.country is None and actor.sector in STATE_SECTORS and actor.kind in ("sector", "organization") \
                and definite:
            ante = self._same_sector_country(actor.sector, tokens[0].idx)
            if ante is not None:
                actor.country = ante.actor.country
                actor.basis += f"; country from '{self.doc.text[ante.start:ante.end]}'"
        self._add(tokens, actor)

    def _modifier_mentions(self, tokens, hits) -> None:
        """Country names and demonyms modifying a non-actor noun ("a Russian missile attack", "the
        Afghan border"): kept as country mentions so events can use them as their source."""
        for h in hits:
            if not (tokens[0].i <= h.start and h.end <= tokens[-1].i + 1):
                continue
            form = next((f for f in h.forms if f.entry.kind == "country"), None)
            if form is None:
                continue
            toks = list(self.sdoc[h.start:h.end])
            e = form.entry
            self._add(toks, Actor(text=self.sdoc[h.start:h.end].text, name=e.name, country=e.country, sector=None,
                                  qid=e.qid, kind="country", confidence=0.6, basis=f"kb:{form.how}:{e.name} (modifier)"))

    def _maybe_actor(self, tokens, head) -> bool:
        if head.ent_type_ in ("PERSON", "ORG") or head.pos_ == "PROPN":
            return True
        nouns = self.kb.sector_nouns
        pairs = (f"{a.lower_} {b.lower_}" for a, b in zip(tokens, tokens[1:]))    # "a rights group"
        return any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in tokens) or any(
            t.lower_ in self.kb.role_words for t in tokens) or any(p in nouns for p in pairs)

    # -- antecedents --------------------------------------------------------------------------
    def _recent(self, before: int, window: int = 4000):
        for m in reversed(self.mentions):
            if m.end <= before and before - m.end < window:
                yield m

    def _antecedent_pronoun(self, pron: str, at: int) -> Mention | None:
        for m in self._recent(at):
            kind = m.actor.kind
            if pron in PERSON_PRONOUNS and kind == "person":
                return m
            if pron in ORG_PRONOUNS and kind not in ("person", "population", "place") and m.actor.name:
                return m
            if pron in PLURAL_PRONOUNS and kind in ("armed_group", "sector", "country", "igo", "population"):
                return m
        return None

    def _antecedent_descriptor(self, tokens, head, at: int) -> Mention | None:
        """'the militant group' / 'the group' → the latest group mention the words fit."""
        if tokens[0].lower_ not in ("the", "this", "that", "these", "those"):
            return None
        lemmas = {t.lemma_.lower() for t in tokens}
        phrase = norm(" ".join(t.text for t in tokens))
        for m in self._recent(at):
            entry_kind = m.actor.kind
            if entry_kind not in ("armed_group", "political_group", "organization", "igo", "media"):
                continue
            described = self.kb.descriptors.get(phrase, [])
            if any(e.name == m.actor.name for e in described) or (head.lemma_.lower() in _GENERIC_GROUP and
                                                                   lemmas & _GENERIC_GROUP):
                return m
        return None

    def _antecedent_collective(self, size: int, at: int) -> list[Mention]:
        """'the three allies' → the three most recent distinct country actors (as countries)."""
        if not size:
            return []
        picked: list[Mention] = []
        seen: set[str] = set()
        for m in self._recent(at, window=1500):
            c = m.actor.country
            if c and c != "IGO" and m.actor.kind in ("country", "sector", "person", "population") and c not in seen:
                seen.add(c)
                picked.append(m)
            if size and len(picked) == size:
                break
        return list(reversed(picked)) if len(picked) == size else []

    def _as_country(self, actor: Actor, text: str, basis: str) -> Actor:
        entry = self.kb.by_iso3.get(actor.country or "")
        if entry is None:
            return _copy(actor, text, basis)
        return Actor(text=text, name=entry.name, country=entry.country, sector=actor.sector if actor.kind == "sector"
                     else "GOV", qid=entry.qid, kind="country", confidence=round(actor.confidence * 0.85, 3), basis=basis)

    def _same_sector_country(self, sector: str, at: int) -> Mention | None:
        for m in self._recent(at, window=1500):
            if m.actor.sector == sector and m.actor.country:
                return m
        return None


_LOCATED_SECTORS = {"CVL", "LAB", "EDU", "AGR", "BUS", "HLH", "REL", "OPP"}


def index_mentions(doc: Document) -> dict[int, list[Mention]]:
    """Token index → the mentions covering that token; built once, read by events and quotes."""
    index: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        for t in doc.spacy_doc.char_span(m.start, m.end, alignment_mode="expand") or ():
            index.setdefault(t.i, []).append(m)
    return index


def find_mentions(doc: Document, kb: ActorKB | None = None) -> list[Mention]:
    return MentionFinder(kb or load_kb(), doc).run()


@register("actors")
def make_actors(config=None):
    kb = load_kb()

    def run(docs: list[Document]) -> None:
        for doc in docs:
            doc.mentions = MentionFinder(kb, doc).run()
            doc.mention_index = index_mentions(doc)
    return run
