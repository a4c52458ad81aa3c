"""Quotes and attribution: who said it, and through which outlet.

Direct quotes are found from quote marks (multi-sentence quotes included) and credited to the
subject of the nearest reporting verb ("…," Shoigu said; he added: "…"); indirect speech is the
complement of a reporting verb. The outlet is a media actor reached through "according to",
"told", "quoted by", "in an interview with" or "X reported".
"""
from __future__ import annotations

import re

from ..knowledge.lexicon import load_lexicon
from ..types import Actor, Document, Mention, Quote
from . import register

_QUOTE = re.compile(r"“([^”]{3,2000})”|\"([^\"\n]{3,2000}(?:\n(?!\s*\n)[^\"\n]*)*)\"")
_DEFAULT_REPORTING = {"say", "tell", "add", "state", "announce", "note", "claim", "declare", "insist", "stress",
                      "warn", "write", "tweet", "argue", "explain", "report", "confirm", "quote", "deny", "reply"}
_OUTLET_PREPS = {"according": "to", "tell": None, "quote": "by", "interview": "with"}


def _reporting() -> set[str]:
    return load_lexicon().reporting_verbs | _DEFAULT_REPORTING


def _mention_at(doc: Document, tok) -> Mention | None:
    best = None
    for m in doc.mentions:
        if m.start <= tok.idx < m.end:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
    return best


def _speaker_actor(doc: Document, subj) -> Actor | None:
    m = _mention_at(doc, subj)
    if m is not None:
        return m.actor
    if subj.pos_ in ("PROPN", "NOUN"):
        span = doc.spacy_doc[min(t.i for t in subj.subtree):max(t.i for t in subj.subtree) + 1]
        return Actor(text=span.text, name=span.text, basis="unresolved speaker")
    return None


def outlet_in(doc: Document, sent) -> str | None:
    """A media actor the sentence cites: 'according to TASS', 'told Reuters', 'RIA reported'."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        heads = []
        if tok.lower_ == "according":
            heads = [p for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        elif lemma in ("tell", "quote", "interview", "report"):
            heads = [c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubj")]
            heads += [p for c in tok.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
        elif lemma in ("in",) and any(c.lemma_ == "interview" for c in tok.children):
            heads = [p for c in tok.subtree if c.lower_ == "with" for p in c.children]
        for h in heads:
            for t in h.subtree:
                m = _mention_at(doc, t)
                if m is not None and m.actor.sector == "MED" and m.actor.kind in ("media", "organization"):
                    return m.actor.name
    return None


def reporting_frame(doc: Document, tok):
    """The reporting verb governing ``tok`` (itself included), its speaker Actor, and outlet."""
    reporting = _reporting()
    for cand in [tok, *tok.ancestors]:
        if cand.lemma_.lower() in reporting and cand.pos_ in ("VERB", "AUX"):
            subj = next((c for c in cand.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in ("it", "that", "this", "what"):
                return cand, _speaker_actor(doc, subj), outlet_in(doc, cand.sent)
    if any(t.lower_ == "according" for t in tok.sent):
        return None, None, outlet_in(doc, tok.sent)
    return None, None, None


def find_quotes(doc: Document) -> list[Quote]:
    sdoc = doc.spacy_doc
    text = doc.masked or doc.text
    quotes: list[Quote] = []
    for m in _QUOTE.finditer(text):
        start, end = m.span()
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 4:
            continue
        # The attribution lives in the sentence that contains the quote's end, or the next one.
        last_sent = sdoc[span.end - 1].sent
        sents = [last_sent]
        if last_sent.end < len(sdoc):
            sents.append(sdoc[last_sent.end].sent)
        speaker, outlet = None, None
        for s in sents:
            outside = [t for t in s if not (start <= t.idx < end)]
            for t in outside:
                if t.lemma_.lower() in _reporting():
                    _, speaker, outlet = reporting_frame(doc, t)
                    if speaker is not None:
                        break
            if speaker is not None:
                break
        quotes.append(Quote(start, end, doc.text[start:end], speaker, outlet,
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
            span = doc.spacy_doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
            if span is not None:
                verb, speaker, outlet = reporting_frame(doc, span.root)
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
