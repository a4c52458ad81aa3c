"""Codebook readings of particular verb + object pairs, where the words alone mislead: handing over
suspects, ordering foreigners out, ordering a newspaper shut, cancelling debts. Kept apart from
the trigger search so that each reading states the manual's or CAMEO's rule it follows."""
from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.lexicon import Trigger


@dataclass(slots=True)
class Candidate:
    trigger: Trigger
    verb: object | None      # governing verb token (None for standalone nominal events)
    noun: object | None      # event noun token, if any
    how: str                 # verb | light | object | nominal

    @property
    def anchor(self):
        return self.verb if self.verb is not None else self.noun


# People whose withdrawal or expulsion ends an involvement, not a military presence (SANCTION).
CIVIL_PERSONNEL = {"observer", "monitor", "inspector", "verifier", "diplomat", "ambassador", "envoy", "staff",
                   "adviser", "advisor", "instructor", "trainer", "mediator", "worker", "volunteer", "mission",
                   "delegation", "personnel", "official", "expert", "team"}
_EXPELLED = CIVIL_PERSONNEL | {"peacekeeper", "agency", "organisation", "organization", "embassy", "correspondent",
                               "journalist", "battalion", "contingent"}
_CLOSING = {"suspend", "close", "shut", "cease", "disband", "dissolve", "halt", "stop"}
_LEAVING = {"leave", "quit", "depart", "vacate", "go"}
_FORGIVING = {"cancel", "forgive", "waive", "write", "annul", "scrap", "reschedule"}
_DEBTS = {"debt", "loan", "arrears", "repayment", "obligation"}
_HANDOVER = {"hand", "turn", "transfer", "deliver", "surrender", "send"}
_WANTED = {"suspected", "alleged", "wanted", "accused", "suspect", "fugitive", "convict"}


def objects(tok) -> list:
    """Direct objects, objects of particles, and the nouns inside quantities ("tons of aid")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    objs += [p for c in tok.children if c.dep_ in ("prt", "prep") and c.lower_ in ("in", "under", "out", "up", "on", "with")
             for p in c.children if p.dep_ == "pobj"]
    objs += [p for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ == "pobj"]
    return objs


def debt_relief(tok) -> Candidate | None:
    """The manual: debt forgiveness and loan cancellations are AID (not a cut in aid)."""
    if tok.lemma_.lower() not in _FORGIVING:
        return None
    for o in objects(tok):
        if o.lemma_.lower() in _DEBTS:
            t = Trigger("aid-debt-relief", "AID", None, "071", ("economic",), 0.85, "noun", o.lemma_.lower())
            return Candidate(t, tok, o, "light")
    return None


def handover_or_expulsion(tok) -> Candidate | None:
    """Handing suspects to another state's justice is judicial cooperation (CAMEO 063); ordering
    diplomats, agencies or foreign staff out of the country is expulsion (SANCTION, CAMEO 166);
    ordering a newspaper or party to close is an administrative sanction (COERCE, CAMEO 172)."""
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in _HANDOVER:
        for o in objs:
            words = {t.lower_ for t in o.subtree if t.i <= o.i} | {o.lemma_.lower()}
            if words & _WANTED:
                t = Trigger("cooperate-legal", "COOPERATE", None, "063", ("legal",), 0.85, "noun", o.lemma_.lower())
                return Candidate(t, tok, o, "light")
    closing = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _CLOSING]
    if lemma == "order" and closing:
        # "ordered the newspaper to suspend publication": an administrative sanction (CAMEO 172)
        t = Trigger("coerce-closure", "COERCE", "restrict", "172", (), 0.85, "verb", lemma)
        return Candidate(t, tok, closing[0], "light")
    if lemma in ("order", "force", "tell", "give"):
        leaving = any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _LEAVING for c in tok.children) or any(
            c.lower_ == "out" and c.dep_ in ("prt", "advmod", "prep") for c in tok.children)
        for o in objs:
            if leaving and (o.lemma_.lower() in _EXPELLED or o.ent_type_ == "ORG"):
                t = Trigger("sanction-expel", "SANCTION", "expel", "166", ("diplomatic",), 0.85, "noun",
                            o.lemma_.lower())
                return Candidate(t, tok, o, "light")
    return None
