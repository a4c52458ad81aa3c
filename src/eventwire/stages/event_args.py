"""Event arguments and modality over the dependency parse.

Source and target come from grammatical roles (active/passive subject, object, agent, selected
prepositions, possessor of a nominal event), following control (xcomp) and verb coordination up to
the nearest subject. Modality and negation come from auxiliaries, governing verbs, conditionals
and dates in the clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..knowledge.actors import load_kb
from ..knowledge.lexicon import Lexicon

TARGET_PREPS = {"with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "from", "over", "of"}
SUBJ = {"nsubj", "csubj"}
FUTURE_GOVERNORS = {"plan", "intend", "aim", "prepare", "expect", "set", "schedule", "seek", "want", "hope",
                    "consider", "mull", "weigh", "propose", "decide", "poised", "due", "go", "pledge", "promise", "vow"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "can"}
OBLIGATION_AUX = {"must", "should", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
REFUSAL_GOVERNORS = {"fail", "refuse", "decline", "reject"}
READINESS = {"prepared", "willing", "ready", "able", "swear", "determined", "resolve", "prepare"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
_AGO = re.compile(r"\b(?:decades?|years?|centur(?:y|ies))\s+ago\b|\b(?:in|during|since) the (?:19|18)\d0s\b|"
                  r"\bduring the (?:soviet|cold war|colonial|ottoman)\b|\bin (?:19\d\d|18\d\d)\b", re.I)


@dataclass(slots=True)
class Subject:
    token: object | None = None
    passive: bool = False


def clause_subject(tok) -> Subject:
    """The subject of ``tok``'s clause, following xcomp/conj/advcl chains upward (control)."""
    cur, hops = tok, 0
    while cur is not None and hops < 4:
        for c in cur.children:
            if c.dep_ in SUBJ:
                return Subject(c, False)
            if c.dep_ == "nsubjpass":
                return Subject(c, True)
        if cur.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp") and cur.head.i != cur.i:
            # "the group that attacked", and a finite verb misparsed as a modifier ("Thousands of
            # students protested" read as acl): the modified noun is the subject
            if (cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ == "VBD")) and \
                    cur.head.pos_ in ("NOUN", "PROPN", "NUM"):
                return Subject(cur.head, False)
            cur, hops = cur.head, hops + 1
            continue
        break
    return Subject()


def with_conjuncts(tok):
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


@dataclass(slots=True)
class Arguments:
    """Head tokens of the source and target phrases of an event."""
    sources: list = field(default_factory=list)
    targets: list = field(default_factory=list)


def argument_heads(trigger, noun=None) -> Arguments:
    """Source and target heads for a verb trigger and, for light-verb events, its noun."""
    sources, targets = [], []
    found = clause_subject(trigger)
    subj, passive = found.token, found.passive
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and noun is None:
        targets.append(trigger.head)    # "the city attacked by rebels"
        passive = False
    elif subj is not None:
        (targets if passive else sources).append(subj)
    for c in trigger.children:
        if c.dep_ == "agent":
            sources.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ in ("dobj", "dative", "attr") and (noun is None or c.i != noun.i):
            targets.append(c)
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            targets.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prep":      # "spoke by telephone with Raisi", "met at a summit with …"
            targets.extend(q for p in c.children if p.dep_ == "pobj" for w in p.children
                           if w.dep_ == "prep" and w.lower_ in ("with", "against") for q in w.children
                           if q.dep_ == "pobj")
    if noun is not None:
        for c in noun.children:
            if c.dep_ == "poss" and not sources:
                sources.append(c)
            elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"by"}:
                (sources if c.lower_ == "by" else targets).extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "compound" and c.pos_ == "PROPN":
                targets.append(c)
    return Arguments(sources, targets)


def is_negated(trigger, noun=None) -> bool:
    toks = [trigger] + ([noun] if noun is not None else [])
    for t in toks:
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in ("no", "never", "neither")):
                return True
    return False


def modality_of(trigger, lex: Lexicon) -> str:
    """The modality from auxiliaries, governing verbs, conditionals and historical dates."""
    future = lex.modal_cues.get("future", set()) | FUTURE_AUX
    hypo = lex.modal_cues.get("hypothetical", set()) | HYPOTHETICAL_AUX
    chain = [trigger]
    cur = trigger
    while cur.dep_ in ("xcomp", "ccomp", "conj") and cur.head.i != cur.i and len(chain) < 4:
        cur = cur.head
        chain.append(cur)
    for t in chain:
        auxes = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(a in OBLIGATION_AUX for a in auxes) or (
                t.dep_ == "xcomp" and t.head.lemma_.lower() in ("have", "need") and t.head.i != t.i):
            return "obligation"
        if any(a in FUTURE_AUX or a in future for a in auxes):
            return "conditional" if _has_condition(t) else "future"
        if "would" in auxes and any(a.lemma_.lower() in lex.reporting_verbs for a in t.ancestors):
            # "said they would boycott": future in reported speech, not a hypothetical
            return "conditional" if _has_condition(t) else "future"
        if any(a in hypo for a in auxes):
            conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                              for c in t.children)
            return "conditional" if conditional else "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children) and t.dep_ == "advcl":
            return "conditional"
    for below, t in zip(chain, chain[1:]):
        lemma = t.lemma_.lower()
        if _wants_of_other(below, t) or demanded_subjunctive(below):
            return "obligation"         # "Tokyo wants Seoul to …", "Moscow insisted that Kiev resolve …"
        if lemma in REFUSAL_GOVERNORS:
            return "refused"
        if lemma in ("try", "attempt", "seek") and t.dep_ != "xcomp":
            return "attempted"
        if lemma in ("threaten", "warn"):
            return "threatened"
        if lemma in ("prepare", "poise", "gear", "mass", "ready") or t.lower_ in ("poised", "ready", "prepared"):
            return "prepared"
        if lemma in FUTURE_GOVERNORS or lemma in READINESS:
            return "intended" if lemma in ("intend", "aim", "want", "hope") else "future"
    if any(a.lower_ == "going" for a in trigger.children) or (
            trigger.head.lower_ == "going" and trigger.dep_ == "xcomp"):
        return "future"
    if _AGO.search(" ".join(t.text for t in own_clause(trigger))):
        return "historical"
    return "asserted"


_WANTING = {"want", "wish", "expect", "like"}
_INSISTING = {"insist", "demand", "stress", "require"}


def _wants_of_other(below, gov) -> bool:
    """"X wants Y to do …": wanting something of someone else is a request, not an intention."""
    if gov.lemma_.lower() not in _WANTING:
        return False
    own_subject = [c for c in below.children if c.dep_ in ("nsubj", "nsubjpass")]
    addressee = [c for c in gov.children if c.dep_ == "dobj"]
    return bool(own_subject or addressee) and below.dep_ in ("ccomp", "xcomp")


def demanded_subjunctive(verb) -> bool:
    """A bare verb with its own subject in a that-clause under "insist"/"demand": "insisted that
    Japan open its market" (the tagger calls a subjunctive after a past tense VB or VBP)."""
    return _subjunctive(verb) and verb.head.lemma_.lower() in _INSISTING


def _subjunctive(verb) -> bool:
    """A bare verb with its own subject in a that-clause: "insisted that Japan open its market"."""
    return (verb.dep_ == "ccomp" and (verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.head.tag_ == "VBD"))
            and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


_SUBCLAUSES = {"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis"}


def _has_condition(tok) -> bool:
    """An 'if'/'unless' clause on the verb: "will withdraw unless …" is a conditional threat."""
    return any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in tok.children)


def own_clause(trigger) -> list:
    """The trigger's clause without embedded clauses: a date in "the region which … two decades
    ago" belongs to the relative clause, not to the main verb."""
    out, stack = [], [trigger]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _SUBCLAUSES)
    return sorted(out, key=lambda t: t.i)


# Nouns that name a crowd in protest, and the protest actions a demand can be the purpose of.
_PROTESTERS = {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher", "striker",
               "picketer", "rally", "demonstration", "protest", "march"}
_IN_PROTEST = {"striking", "protesting", "demonstrating", "rioting", "marching"}
_PROTEST_ACTS = {"rally", "protest", "demonstration", "march", "strike", "shutdown", "sit", "fast", "boycott",
                 "walkout", "vigil", "riot", "barricade", "demonstrate", "picket"}


def protest_context(anchor) -> str | None:
    """"crowd" when protesters do it ("rioters burned cars"); "act" when it is the purpose of a
    protest action ("a strike to demand", "marched, demanding"); None otherwise."""
    heads = [anchor]
    if anchor.dep_ in ("advcl", "acl", "xcomp", "relcl") and anchor.head.i != anchor.i:
        heads.append(anchor.head)
    for h in heads:
        for c in h.children:
            # an armed mob attacking villagers is an assault, not a riot
            if c.dep_ in ("nsubj", "nsubjpass") and not any(t.lower_ == "armed" for t in c.subtree) and (
                    c.lemma_.lower() in _PROTESTERS or any(a.lower_ in _IN_PROTEST for a in c.children)):
                return "crowd"      # "protesters", or "striking truckers", "demonstrating students"
    if len(heads) > 1 and heads[1].lemma_.lower() in _PROTEST_ACTS:
        return "act"
    for h in heads:     # "threw stones during demonstrations against …"
        if any(p.dep_ == "prep" and p.lower_ in ("during", "at") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in _PROTEST_ACTS for o in p.children) for p in h.children):
            return "crowd"
    return None


_UNMET = {"fail", "refuse", "continue", "persist", "reject", "ignore", "resume"}


def _unmet_condition(clause) -> bool:
    """An "if" clause that names what the other side must stop or do: "if the government failed to
    honour the deal", "if UN troops are not given a mandate", "if infiltration continued"."""
    return any(t.dep_ == "neg" or (t.head is clause and t.lemma_.lower() in _UNMET) or t is clause and
               t.lemma_.lower() in _UNMET for t in clause.subtree)


def has_ultimatum(anchor) -> bool:
    """Whether the event's clause (or the clause it complements) carries an ultimatum: "unless …",
    or "if …" with an unmet demand ("will pull out if the mandate is not widened")."""
    for t in (anchor, anchor.head):
        for c in t.children:
            if c.dep_ != "advcl":
                continue
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if "unless" in marks or ("if" in marks and _unmet_condition(c)):
                return True
    return False


def noun_sector(tok) -> str | None:
    """The sector an actor noun names ("troops" MIL, "officers" COP), from the actor KB."""
    sectors = load_kb().sector_nouns
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.dep_ in ("compound", "amod") and before.head.i == tok.i:
        # "the coast guard", "border guards", "the presidential guard": the modifier names the force
        for phrase in (f"{before.lower_} {tok.lower_}", f"{before.lower_} {tok.lemma_.lower()}"):
            if phrase in sectors:
                return sectors[phrase]
    return sectors.get(tok.lemma_.lower()) or sectors.get(tok.lower_)


def forces_arrive(anchor) -> bool:
    """The subject of an arrival is a body of troops or police ("Australian police officers arrived")."""
    return any(c.dep_ == "nsubj" and c.tag_ == "NNS" and noun_sector(c) in ("MIL", "COP") for c in anchor.children)


_FRONTIERS = {"border", "frontier", "boundary", "airspace", "coast", "waters"}


def owner_heads(trigger, noun=None) -> list:
    """Whose thing an event acts on, when no actor is its object: "rejected South Korea's offer",
    "denounced Ireland's decision", "turned down an Israeli proposal"; and the state across the
    line for forces sent "near its border with Ukraine"."""
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    heads = [c for o in objs + ([noun] if noun is not None else []) for c in o.children
             if c.dep_ in ("poss", "amod", "compound")]
    for t in trigger.subtree:
        if t.lemma_.lower() in _FRONTIERS:
            heads += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                      if p.dep_ == "pobj"]
    return heads
