"""Word-level repairs for the small English model: stems its lemmatiser gets wrong, a particle it
attaches as an infinitive marker, and fixed phrases in which an event word names a thing."""
from __future__ import annotations


def stems(tok) -> tuple[str, ...]:
    """Plain stems of an inflected verb the small lemmatiser got wrong ("cordoned" -> "cordone",
    "readied" -> "readie"); tried only when the lemma and the word itself match nothing."""
    w, tag = tok.lower_, tok.tag_
    if tag in ("VBD", "VBN") and w.endswith("ied"):
        return (w[:-3] + "y",)
    if tag in ("VBD", "VBN") and w.endswith("ed"):
        return (w[:-2], w[:-1])
    if tag == "VBG" and w.endswith("ing"):
        return (w[:-3], w[:-3] + "e")
    return ()


def noun_to(tok, particle: str) -> bool:
    """The small parser reads "yielded to pressure" as "to" + a noun complement (aux, xcomp)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return particle == "to" and nxt is not None and nxt.lower_ == "to" and nxt.dep_ == "aux" \
        and nxt.head.head.i == tok.i and nxt.head.pos_ == "NOUN"


# phrase set -> its words; the set itself is kept so that its id cannot be reused by another
_PHRASE_WORDS: dict[int, tuple[set[str], set[str]]] = {}


def in_fixed_phrase(tok, phrases: set[str]) -> bool:
    """The noun is part of a name or idiom that is not an event ("press release", "round the clock")."""
    cached = _PHRASE_WORDS.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        cached = _PHRASE_WORDS[id(phrases)] = (phrases, {w for p in phrases for w in p.split()})
    if tok.lower_ not in cached[1]:
        return False        # the common case, checked for every noun: no phrase has this word
    doc = tok.doc
    windows = ((tok.i - 1, tok.i + 1), (tok.i, tok.i + 2), (tok.i, tok.i + 3))
    return any(0 <= a and b <= len(doc) and doc[a:b].text.lower() in phrases for a, b in windows)
