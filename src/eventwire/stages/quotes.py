"""Quotes and attribution: who said it, and through which outlet.

Direct quotes are found from quote marks (multi-sentence quotes included) and credited to the
subject of the nearest reporting verb ("…," Shoigu said; he added: "…"); indirect speech is the
complement of a reporting verb. The outlet is a media actor reached through "according to",
"told", "quoted by", "in an interview with" or "X reported".
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..knowledge.lexicon import load_lexicon
from ..types import Actor, Document, Mention, Quote
from . import register
from .nlp import trigger_root

_QUOTE = re.compile(r"“([^”]{3,2000})”|\"([^\"\n]{3,2000}(?:\n(?!\s*\n)[^\"\n]*)*)\"")
_DEFAULT_REPORTING = {"say", "tell", "add", "state", "announce", "note", "claim", "declare", "insist", "stress",
                      "warn", "write", "tweet", "argue", "explain", "report", "confirm", "quote", "deny", "reply"}


@functools.lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    """Reporting verbs (computed once: it is consulted for every token of every quote)."""
    return frozenset(load_lexicon().reporting_verbs | _DEFAULT_REPORTING)


_OUTLET_WORDS = {"agency", "news", "newspaper", "broadcaster", "television", "tv", "radio", "channel", "daily",
                 "outlet", "magazine", "network", "website", "portal"}


def _mention_at(doc: Document, tok) -> Mention | None:
    """The widest mention covering a token, preferring one with a resolved name."""
    best = None
    for m in doc.mention_index.get(tok.i, ()):
        key = (m.actor.name is not None, m.end - m.start)
        if best is None or key > (best.actor.name is not None, best.end - best.start):
            best = m
    return best


def _speaker_actor(doc: Document, subj) -> Actor | None:
    """The actor behind a reporting verb's subject; an appositive name wins ("a spokesman, X, said")."""
    for c in subj.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
            m = _mention_at(doc, c)
            if m is not None:
                return m.actor
    m = _mention_at(doc, subj)
    if m is not None:
        return m.actor
    if subj.pos_ in ("PROPN", "NOUN"):
        span = doc.spacy_doc[subj.left_edge.i:subj.right_edge.i + 1]
        return Actor(text=span.text, name=span.text, basis="unresolved speaker")
    return None


def _outlet_name(doc: Document, head) -> str | None:
    """A media outlet named by the phrase headed by ``head``: a KB media actor, or a name with an
    outlet word ("the Interpressnews agency")."""
    for t in head.subtree:
        m = _mention_at(doc, t)
        if m is not None and m.actor.sector == "MED" and m.actor.kind in ("media", "organization"):
            return m.actor.name
    words = {t.lemma_.lower() for t in head.subtree}
    if words & _OUTLET_WORDS:
        names = [t.text for t in head.subtree if t.pos_ == "PROPN"]
        if names:
            return " ".join(names)
    return None


def _outlet_phrases(sent):
    """Heads of phrases that may name the outlet a statement came through."""
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low == "according":
            yield "according", [p for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        elif lemma in ("tell", "quote", "speak", "interview", "report"):
            heads = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
            heads += [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("to", "by", "with")
                      for p in c.children if p.dep_ == "pobj"]
            if lemma == "report":
                heads += [c for c in tok.children if c.dep_ == "nsubj"]
            yield lemma, heads
        elif low == "with" and tok.head.lemma_.lower() == "interview":
            yield "interview", [p for p in tok.children if p.dep_ == "pobj"]


def outlet_in(doc: Document, sent) -> str | None:
    """A media outlet the sentence cites: 'according to TASS', 'told Reuters', 'RIA reported'."""
    for _, heads in _outlet_phrases(sent):
        for h in heads:
            name = _outlet_name(doc, h)
            if name:
                return name
    return None


def according_to_speaker(doc: Document, sent) -> Actor | None:
    """'according to police officer X' / 'according to the Malian army': a source that is not media."""
    for how, heads in _outlet_phrases(sent):
        if how == "according":
            for h in heads:
                if _outlet_name(doc, h) is None:
                    return _speaker_actor(doc, h)
    return None


def _reporting_subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "that", "this", "what"):
            return c
    # Inverted attribution: '… ," said Haiti's Prime Minister Garry Conille'
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd") and c.pos_ in ("PROPN", "NOUN"):
            return c
    return None


@dataclass(slots=True)
class Frame:
    """Who said something and through which outlet."""
    speaker: Actor | None = None
    outlet: str | None = None


def reporting_frame(doc: Document, tok) -> Frame:
    """The speaker and outlet of the reporting verb governing ``tok`` (itself included)."""
    reporting = _reporting()
    for cand in [tok, *tok.ancestors]:
        if cand.lemma_.lower() in reporting and cand.pos_ in ("VERB", "AUX"):
            subj = _reporting_subject(cand)
            if subj is not None:
                return Frame(_speaker_actor(doc, subj), outlet_in(doc, cand.sent))
    return Frame(according_to_speaker(doc, tok.sent), outlet_in(doc, tok.sent))


def find_quotes(doc: Document) -> list[Quote]:
    sdoc = doc.spacy_doc
    text = doc.masked or doc.text
    reporting = _reporting()
    quotes: list[Quote] = []
    for m in _QUOTE.finditer(text):
        start, end = m.span()
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 4:
            continue
        # Attribution: the sentence the quote ends in, the next one, then the one it starts in ("X said: “…”").
        last_sent = sdoc[span.end - 1].sent
        sents = [last_sent]
        if last_sent.end < len(sdoc):
            sents.append(sdoc[last_sent.end].sent)
        sents.append(sdoc[span.start].sent)
        frame = Frame()
        for s in sents:
            for t in s:
                if start <= t.idx < end or t.lemma_.lower() not in reporting:
                    continue
                frame = reporting_frame(doc, t)
                if frame.speaker is not None:
                    break
            if frame.speaker is not None:
                break
        quotes.append(Quote(start, end, doc.text[start:end], frame.speaker, frame.outlet,
                            "multi_sentence" if len(list(span.sents)) > 1 else "direct"))
    return quotes


def attribute_events(doc: Document) -> None:
    """Attach {speaker, outlet} to each event inside a quote or under a reporting verb."""
    for ev in doc.events:
        speaker, outlet = None, None
        inside = next((q for q in doc.quotes if q.start <= ev.trigger[0] < q.end), None)
        if inside is not None:
            speaker, outlet = inside.speaker, inside.outlet
        else:
            root = trigger_root(doc.spacy_doc, ev)
            if root is not None:
                frame = reporting_frame(doc, root)
                speaker, outlet = frame.speaker, frame.outlet
        if speaker is not None or outlet is not None:
            ev.attribution = {"speaker": speaker.name or speaker.text if speaker else None,
                              "speaker_country": speaker.country if speaker else None, "outlet": outlet}


@register("quotes")
def make_quotes(config=None):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            doc.quotes = find_quotes(doc)
            attribute_events(doc)
    return run
