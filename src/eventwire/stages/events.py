"""Event coder over the dependency parse.

Triggers: verb lemmas (with required particles/objects), light verbs whose object is an event noun
("launched an attack", "held talks", "imposed sanctions"), event nouns as objects of other verbs
("wrapped up military exercises") and standalone nominal events ("air strikes on Aleppo").
Intent verbs (agree, threaten, demand, refuse, …) govern their complement: "agreed to lift
embargoes" is AGREE, with the lifted thing as its content.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..knowledge.classifier import NO_EVENT, EventTypeModel, load_model, main_clause
from ..knowledge.lexicon import Lexicon, Trigger, load_lexicon
from ..types import Document, Event, Evidence, Mention
from . import register
from .nlp import content_span
from .event_args import argument_heads, has_ultimatum, is_negated, modality_of, owner_heads, with_conjuncts
from .readings import Candidate
from .retyping import (by_exit_object, by_source, commanded_force, enacted, governing_measure, is_joint,
                       ordered_back)
from .triggers import INTENT_TYPES, QUANTITY, candidates, governing_intent, noun_match

# PLOVER codes an announced future action by what it expresses: intent to cooperate is AGREE,
# intent to harm is THREATEN, a refusal to cooperate is REJECT, and "X must do Y" is a demand.
COOPERATIVE = {"AID", "RETREAT", "CONCEDE", "COOPERATE", "CONSULT", "SUPPORT"}
# MOBILIZE is absent on purpose: a planned deployment is already a show of force (CAMEO 15).
CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}
PROSPECTIVE = {"future", "intended", "conditional", "prepared"}


def recode(etype: str, modality: str, negated: bool) -> str:
    """The PLOVER type of an event given its modality (the manual: AGREE ~ SUPPORT + future)."""
    if modality == "obligation":
        return "REQUEST"
    if modality == "prepared" and etype == "ASSAULT" and not negated:
        return "MOBILIZE"           # "the army prepared to resume shelling": readiness, CAMEO 15
    if modality in PROSPECTIVE:
        if etype in COOPERATIVE or (etype == "AGREE" and negated):
            return "REJECT" if negated else "AGREE"
        if etype in CONFLICTUAL and not negated:
            return "THREATEN"
    if modality == "refused" and etype in COOPERATIVE | {"AGREE"}:
        return "REJECT"
    return etype


# CAMEO root code for an event whose PLOVER type was recoded from its trigger's.
_CAMEO_ROOT = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "057", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
               "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
               "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18"}
# The modality of an event that is the content of an intent verb.
_CONTENT_MODALITY = {"THREATEN": "threatened", "AGREE": "intended", "REQUEST": "requested", "REJECT": "refused",
                     "CONCEDE": "intended", "SUPPORT": "intended", "ACCUSE": "alleged"}
_POS_BASE = {"verb": 0.62, "light": 0.58, "object": 0.45, "recipient": 0.5, "nominal": 0.35}


_RETYPED_MODE = {("ASSAULT", "PROTEST"): "riot", ("PROTEST", "MOBILIZE"): "troops", ("COERCE", "PROTEST"): "obstruct",
                 ("ASSAULT", "PROTEST", "strike"): "strike",
                 ("CONSULT", "MOBILIZE"): "troops", ("REQUEST", "MOBILIZE"): "troops",
                 ("REQUEST", "RETREAT"): "withdraw", ("PROTEST", "ACCUSE"): "disapprove",
                 ("AID", "MOBILIZE"): "troops"}


def _depth(tok, lex: Lexicon) -> float:
    """Distance to the sentence root, not counting reporting verbs ("said that …"); an "if" or
    "unless" clause counts extra, as it is the condition of the main event, not the event."""
    d, cur = 0.0, tok
    while cur.head.i != cur.i and d < 12:
        parent = cur.head
        if not (parent.lemma_.lower() in lex.reporting_verbs and cur.dep_ in ("ccomp", "parataxis")):
            d += 1
        if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cur.children):
            d += 2
        cur = parent
    return d


def main_event(events: list[Event]) -> Event | None:
    """A sentence's main event: closest to the root of the parse, then most confident."""
    if not events:
        return None
    return max(events, key=lambda e: (e.salience, e.confidence))


# How the sentence classifier weighs in (tuned on the dev halves only): it shifts which of a
# sentence's candidates is the main event, and re-types an event only when it strongly disagrees.
CLF_SALIENCE = 1.0
CLF_RETYPE_BELOW = 0.45      # the classifier gives the lexicon's type less than this …
CLF_RETYPE_ABOVE = 0.20      # … and another type more than this
CLF_BLEND = 0.5              # share of the classifier's probability in the confidence
CLF_FALLBACK_ABOVE = 0.20    # a sentence with no lexicon trigger gets the classifier's type above this


class EventCoder:
    def __init__(self, lex: Lexicon | None = None, model: EventTypeModel | None | bool = True):
        self.lex = lex or load_lexicon()
        self.model = load_model() if model is True else (model or None)

    def code(self, doc: Document) -> list[Event]:
        sdoc = doc.spacy_doc
        mentions_at = doc.mention_index
        events: list[Event] = []
        mentioned = set(mentions_at)
        for sent in sdoc.sents:
            if not sent.text.strip():
                continue
            cands = candidates(sent, self.lex, mentioned)
            by_token = {c.anchor.i: c for c in cands}
            notes: dict[int, str] = {}
            governed: dict[int, Candidate] = {}
            content: dict[int, Candidate] = {}       # intent candidate → what it is about
            hostile: set[int] = set()
            for c in cands:
                gov = (governing_intent(c, by_token) or governing_measure(c, by_token)) if c.how != "nominal" else None
                if gov is not None:
                    governed[id(c)] = gov
                    content.setdefault(id(gov), c)
                    if c.trigger.type in CONFLICTUAL and not is_negated(c.anchor, c.noun):
                        hostile.add(id(gov))    # "vowed to retaliate", "swore to fight": a threat
                if c.trigger.type == "AGREE" and any(x.dep_ == "xcomp" and is_negated(x) for x in c.anchor.children):
                    notes[id(c)] = "promise of restraint"      # "vowed not to cross"
            # "issued a declaration demanding …" (but not "a threat to block …", whose content it is)
            content_nouns = {c.anchor.head.i for c in cands
                             if c.anchor.dep_ in ("acl", "relcl") and c.trigger.type in INTENT_TYPES
                             and id(c) not in governed}
            # An order to one's own forces, or a decision of the body that acts, is its content, done.
            enacts = {id(c): how for c in cands if id(c) in content and (how := enacted(c, content[id(c)]))}
            sent_events = []
            for c in cands:
                if (c.noun is not None and c.noun.i in content_nouns) or id(c) in enacts:
                    continue    # the demand in "issued a declaration demanding …"; the order's content
                gov = governed.get(id(c))
                ev = self._event(doc, sent, c, mentions_at, content_of=gov, content=content.get(id(c)))
                if ev is not None:
                    ev.note = notes.get(id(c), ev.note)
                    if id(c) in hostile and ev.event_type == "AGREE":
                        ev.event_type, ev.mode, ev.cameo = "THREATEN", None, "13"
                    # Intent verbs and their complements are typed by the parse: "agreed to share
                    # information" is AGREE however much the sentence's words say COOPERATE.
                    # So is an event the rules re-typed by modality ("prepared to lift the ban" is AGREE).
                    intent = id(c) in content or (c.trigger.type in INTENT_TYPES and any(
                        k.dep_ in ("xcomp", "ccomp") for k in c.anchor.children))
                    sent_events.append((ev, gov is None and not intent and ev.modality == "asserted"
                                        and ev.event_type == c.trigger.type))
            if self.model is not None and sent_events:
                found = [e for e, _ in sent_events]
                main = main_event(found)
                # The classifier reads the whole sentence, so it speaks for the main event only:
                # "… as U.S.-led forces leave" keeps its own type.
                self._weigh(self.model.predict_sentence(sent, main, found),
                            [(ev, ok and ev is main) for ev, ok in sent_events])
            elif self.model is not None:
                ev = self._fallback(doc, sent, mentions_at)
                if ev is not None:
                    events.append(ev)
            events.extend(ev for ev, _ in sent_events)
        return events

    def _fallback(self, doc: Document, sent, mentions_at) -> Event | None:
        """An event for a sentence the lexicon has no trigger in, typed by the classifier: only
        for a main verb with an actor as its subject, and always at low confidence."""
        verb = main_clause(sent)
        if verb.pos_ != "VERB" or verb.lemma_.lower() in self.lex.reporting_verbs:
            return None
        probs = self.model.predict_sentence(sent)
        top = max(probs, key=probs.get)
        if top == NO_EVENT or probs[top] <= CLF_FALLBACK_ABOVE:
            return None
        trig = Trigger("classifier", top, None, _CAMEO_ROOT[top], (), 0.5, "verb", verb.lemma_.lower())
        ev = self._event(doc, sent, Candidate(trig, verb, None, "verb"), mentions_at)
        if ev is None or not ev.source:
            return None
        ev.confidence = round(min(ev.confidence, 0.6) * probs[top], 4)
        ev.note = f"classifier: no lexicon trigger; {top} ({probs[top]:.2f})"
        return ev

    @staticmethod
    def _weigh(probs: dict[str, float], sent_events: list[tuple[Event, bool]]) -> None:
        """Let the sentence classifier pick among the candidates and overrule a lexicon type it
        finds implausible; every change is written in the event's note. ``sent_events`` pairs
        each event with whether the classifier may re-type it."""
        top = max((t for t in probs if t != NO_EVENT), key=probs.get)
        for ev, retypable in sent_events:
            p = probs.get(ev.event_type, 0.0)
            if retypable and top != ev.event_type and p < CLF_RETYPE_BELOW and probs[top] > CLF_RETYPE_ABOVE:
                ev.note = f"classifier: {ev.event_type} → {top} ({probs[top]:.2f})"
                ev.event_type, ev.mode, ev.cameo, p = top, None, _CAMEO_ROOT[top], probs[top]
            ev.salience += CLF_SALIENCE * p
            ev.confidence = round((1 - CLF_BLEND) * ev.confidence + CLF_BLEND * p, 4)

    def _speaker(self, anchor, mentions_at) -> list[Mention]:
        for a in anchor.ancestors:
            if a.lemma_.lower() in self.lex.reporting_verbs:
                subj = [c for c in a.children if c.dep_ == "nsubj"]
                return self._actors(subj, mentions_at)
        return []

    def _actors(self, heads, mentions_at) -> list[Mention]:
        out: list[Mention] = []
        # "Thousands of Somali protesters": the actor is what is counted, not the count.
        heads = [next((p for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                       if p.dep_ == "pobj"), h) if h.lemma_.lower() in QUANTITY else h for h in heads]
        for h in heads:
            for t in with_conjuncts(h):
                for m in mentions_at.get(t.i, ()):
                    if m not in out:
                        out.append(m)
        return out

    def _roles(self, c: Candidate, mentions_at, content: Candidate | None) -> Roles:
        """Source and target mentions of a candidate, from its verb's or its noun's arguments."""
        if c.verb is not None:
            args = argument_heads(c.verb, c.noun)
            src_heads, tgt_heads = args.sources, args.targets
        else:
            src_heads, tgt_heads = [], []
            for ch in c.noun.children:
                if ch.dep_ == "poss":
                    src_heads.append(ch)
                elif ch.dep_ == "prep" and ch.lower_ == "of":
                    # "the build-up of Russian forces" (agent) vs "the killing of civilians" (patient)
                    (src_heads if c.trigger.type in ("MOBILIZE", "PROTEST", "RETREAT") else tgt_heads).extend(
                        p for p in ch.children if p.dep_ == "pobj")
                elif ch.dep_ == "prep" and ch.lower_ in ("on", "against", "with", "to", "by"):
                    (src_heads if ch.lower_ == "by" else tgt_heads).extend(p for p in ch.children if p.dep_ == "pobj")
            src_heads += [t for t in c.noun.subtree if t.i < c.noun.i and t.i in mentions_at
                          and t.dep_ in ("amod", "compound", "nmod")]
        # "A Russian missile attack on Odesa killed four people": the attack's agent is the killer.
        for h in list(src_heads):
            if h.pos_ == "NOUN" and noun_match(h, self.lex) is not None:
                src_heads += [t for t in h.subtree if t.i < h.i and t.i in mentions_at]
        source = self._actors(src_heads, mentions_at)
        target = [m for m in self._actors(tgt_heads, mentions_at) if m not in source]
        if c.how == "recipient":      # "Iran faces sanctions": the subject receives the event
            source, target = [], source + target
        if not target and content is not None:
            # "promised to continue military aid to Mozambique": the promise is to whom the aid goes;
            # "alleged that police tortured detainees": the accusation is against the police
            args = argument_heads(content.anchor, content.noun)
            heads = (args.sources or args.targets) if c.trigger.type == "ACCUSE" else args.targets
            target = [m for m in self._actors(heads, mentions_at) if m not in source]
        if c.verb is not None and not any(m.actor.country for m in target):
            target += [m for m in self._actors(owner_heads(c.verb, c.noun), mentions_at)
                       if m not in source and m not in target]
        return Roles(source, target)

    def _event_type(self, c: Candidate, roles: Roles, modality: str, negated: bool, mentions_at) -> str:
        """The PLOVER type: the trigger's, adjusted by modality, signing, who acts, joint action and
        what is withdrawn from."""
        trig = c.trigger
        base = by_exit_object(trig.type, c, mentions_at, self.lex)
        etype = recode(base, modality, negated)
        if modality == "conditional" and not negated and has_ultimatum(c.anchor):
            etype = "THREATEN"      # "would enter the city unless …": an ultimatum (CAMEO 139)
        if c.verb is not None and trig.type == "AGREE" and (c.verb.lemma_.lower() in self.lex.signing_verbs or any(
                k.dep_ == "dobj" and k.lemma_.lower() == "signature" for k in c.verb.children)):
            etype = "SUPPORT"       # CAMEO 057: signing a formal agreement is SUPPORT in PLOVER
        etype = by_source(etype, trig, roles.source, roles.target, c.anchor)
        if etype == "REQUEST" and commanded_force(c.anchor):
            # "troops were ordered onto high alert" is a show of force (CAMEO 15); "ordered home" a pull-back
            etype = "RETREAT" if ordered_back(c.anchor) else "MOBILIZE"
        if is_joint(etype, c, roles.source, roles.target):
            etype = "COOPERATE"     # the manual: joint military operations are COOPERATE, solo exercises MOBILIZE
        return etype

    def _event(self, doc: Document, sent, c: Candidate, mentions_at, content_of: Candidate | None = None,
               content: Candidate | None = None) -> Event | None:
        """Build the event for a candidate. With ``content_of`` the candidate is what an intent verb
        was about ("threatened to strike"): it is emitted with that modality, never as asserted,
        unless the intent enacts it (an order to one's own forces, a decision of the body that acts)."""
        trig, anchor = c.trigger, c.anchor
        roles = self._roles(c, mentions_at, content)
        negated = is_negated(anchor, c.noun)
        modality, note = modality_of(anchor, self.lex), None
        how = enacted(content_of, c) if content_of is not None else None
        force = commanded_force(content_of.anchor) if how else None     # MIL or COP, for orders
        as_content = content_of is not None and not how     # what was intended, not what was done
        if content_of is not None and not roles.source:
            roles.source = self._actors(argument_heads(content_of.anchor, content_of.noun).sources, mentions_at)
        if as_content:
            modality = _CONTENT_MODALITY.get(content_of.trigger.type, "intended")
            note = f"content of {content_of.trigger.type} '{content_of.anchor.text}'"
            etype = trig.type
        else:
            # an order to one's forces or a decision of the body that acts is its content, done
            modality = "asserted" if how else modality
            etype = self._event_type(c, roles, modality, negated, mentions_at)
            if force and trig.cameo == "074":
                etype = "MOBILIZE"      # one's own forces guarding or escorting: a deployment, not aid
        if modality == "prepared":
            modality = "future"     # readiness is reported as a future action
        if how:
            note = f"{how} ('{content_of.anchor.text}')"
        elif etype != trig.type:
            note = f"{modality} {trig.type}"
            if etype == "REQUEST":      # "Russia said Sudan must return …": the speaker demands of the doer
                speaker = self._speaker(anchor, mentions_at)
                if speaker:
                    roles = Roles(speaker, roles.source)
        tokens = [t for t in (c.verb, c.noun) if t is not None]
        t_start = min(t.idx for t in tokens)
        t_end = max(t.idx + len(t.text) for t in tokens)
        depth = _depth(anchor, self.lex)
        s_start, s_end = content_span(sent)
        same = etype == trig.type
        key = f"{doc.id}:{t_start}:{t_end}:{trig.type}:{c.how}"
        mode = trig.mode if same else _RETYPED_MODE.get((trig.type, etype, trig.lemma),
                                                        _RETYPED_MODE.get((trig.type, etype)))
        police = {m.actor.sector for m in roles.source} == {"COP"} or force == "COP"
        if mode == "troops" and not same and police:
            mode = "police"     # a police deployment, whatever the trigger was
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=doc.id, event_type=etype,
            mode=mode, context=list(trig.context),
            cameo=trig.cameo if same else _CAMEO_ROOT[etype],
            confidence=_confidence(c, roles, depth, as_content),
            negated=negated, modality=modality, source=roles.source, target=roles.target,
            evidence=Evidence(doc.text[s_start:s_end], s_start, s_end),
            trigger=(t_start, t_end), trigger_text=doc.text[t_start:t_end],
            salience=-depth - (0.5 if c.how == "nominal" else 0.0) - (5.0 if as_content else 0.0),
            note=note)


@dataclass(slots=True)
class Roles:
    source: list[Mention]
    target: list[Mention]


def _confidence(c: Candidate, roles: Roles, depth: float, is_content: bool) -> float:
    """How likely the event is right: trigger kind and weight, identified actors, main clause.
    Calibrated on the dev halves: events at 0.8 or above were right about 90 % of the time."""
    conf = _POS_BASE[c.how] * (0.6 + 0.4 * c.trigger.weight)
    if any(m.actor.country for m in roles.source):
        conf += 0.15
    if roles.target:
        conf += 0.08
    conf += 0.1 if depth <= 1 else 0.0
    if is_content:
        conf *= 0.8
    return min(conf, 0.99)


@register("events")
def make_events(config=None):
    # config.extra["classifier"]: True (the shipped model), False (lexicon rules alone) or a model path.
    choice = config.extra.get("classifier", True) if config is not None else True
    coder = EventCoder(model=load_model(choice) if isinstance(choice, str) else choice)

    def run(docs: list[Document]) -> None:
        for doc in docs:
            doc.events = coder.code(doc)
    return run
