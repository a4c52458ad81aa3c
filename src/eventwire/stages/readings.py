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
_ORDERING = {"order", "force", "tell", "give"}
_WANTED = {"suspected", "alleged", "wanted", "accused", "suspect", "fugitive", "convict"}


def objects(tok) -> list:
    """Direct objects, objects of particles, and the nouns inside quantities ("tons of aid")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    # after the verb only: "came under fire", not "Under pressure from students, the ministry dropped …"
    objs += [p for c in tok.children if c.dep_ in ("prt", "prep") and c.lower_ in ("in", "under", "out", "up", "on", "with")
             and c.i > tok.i for p in c.children if p.dep_ == "pobj"]
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
    if lemma not in _HANDOVER and lemma not in _ORDERING:
        return None         # called for every verb: most are none of these
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in _HANDOVER:
        for o in objs:
            words = {t.lower_ for t in o.subtree if t.i <= o.i} | {o.lemma_.lower()}
            if words & _WANTED:
                t = Trigger("cooperate-legal", "COOPERATE", None, "063", ("legal",), 0.85, "noun", o.lemma_.lower())
                return Candidate(t, tok, o, "light")
    closing = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _CLOSING] \
        if lemma == "order" else []
    if closing:
        # "ordered the newspaper to suspend publication": an administrative sanction (CAMEO 172)
        t = Trigger("coerce-closure", "COERCE", "restrict", "172", (), 0.85, "verb", lemma)
        return Candidate(t, tok, closing[0], "light")
    if lemma in _ORDERING:
        leaving = any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _LEAVING for c in tok.children) or any(
            c.lower_ == "out" and c.dep_ in ("prt", "advmod", "prep") for c in tok.children)
        for o in objs:
            if leaving and (o.lemma_.lower() in _EXPELLED or o.ent_type_ == "ORG"):
                t = Trigger("sanction-expel", "SANCTION", "expel", "166", ("diplomatic",), 0.85, "noun",
                            o.lemma_.lower())
                return Candidate(t, tok, o, "light")
    return None


# Letting outsiders in (CAMEO 086: inspectors, observers, peacekeepers, relief) is RETREAT 'access';
# letting one's own opposition or press work again (CAMEO 0811/0812) is a concession.
_PERMITTING = {"allow", "let", "permit", "admit", "accept", "authorise", "authorize", "accredit", "grant"}
_OUTSIDERS = CIVIL_PERSONNEL | {"peacekeeper", "peacekeeping", "deployment", "convoy", "flight", "relief", "aid",
                                "rapporteur", "commission", "investigator", "access", "visa", "ngo", "agency"}
_DISSENT = {"party", "newspaper", "publication", "opposition", "rally", "demonstration", "broadcast", "station",
            "union", "weekly", "daily", "meeting", "association"}
# Things and people handed back after a dispute (CAMEO 084): returning them is RETREAT.
_RETURNING = {"return", "repatriate", "restore", "release", "free"}
_SENDING_BACK = {"send", "hand", "let"}        # "sent back", "handed back", "let go"
_RETURNABLE = {"remains", "body", "vessel", "boat", "ship", "tanker", "trawler", "dhow", "plane", "aircraft",
               "crew", "fisherman", "property", "equipment", "archive", "artefact", "artifact"}
# Territory handed back (CAMEO 084): "returned seven villages to Azerbaijan"; as the direct object
# only, not "freed the mayor of a small town".
_TERRITORY = {"territory", "village", "town", "city", "land", "island", "district", "enclave", "province"}


def permission_or_return(tok) -> Candidate | None:
    """"Iraq allowed UN inspectors to resume work" (RETREAT/access), "Algeria allowed four
    newspapers to resume publication" (CONCEDE), "China sent back the plane" (RETREAT/return)."""
    lemma = tok.lemma_.lower()
    if lemma not in _PERMITTING and lemma not in _RETURNING and lemma not in _SENDING_BACK:
        return None
    args = objects(tok) + [s for c in tok.children if c.dep_ in ("xcomp", "ccomp")
                           for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    heads = {a.lemma_.lower() for a in args} | {t.lemma_.lower() for a in args for t in a.children
                                                 if t.dep_ in ("compound", "amod")}
    # "granted aid" and "accepted aid" are aid given and taken, not access allowed
    outsiders = _OUTSIDERS - {"aid", "relief"} if lemma in ("grant", "accept") else _OUTSIDERS
    if lemma in _PERMITTING and heads & outsiders:
        return Candidate(Trigger("retreat-access", "RETREAT", "access", "086", ("diplomatic",), 0.85, "noun",
                                 lemma), tok, args[0], "light")
    if lemma in _PERMITTING and heads & _DISSENT:
        return Candidate(Trigger("concede-ease", "CONCEDE", None, "0811", ("rights_freedoms",), 0.8, "noun",
                                 lemma), tok, args[0], "light")
    back = lemma in _SENDING_BACK and any(c.lower_ in ("back", "go") for c in tok.children)
    direct = {o.lemma_.lower() for o in tok.children if o.dep_ in ("dobj", "nsubjpass")}
    if (lemma in _RETURNING or back) and (heads & _RETURNABLE or direct & _TERRITORY):
        return Candidate(Trigger("retreat-return", "RETREAT", "return", "0842", (), 0.85, "noun", lemma),
                         tok, args[0], "light")
    return None


_BARRING = {"bar", "ban", "deny", "refuse", "block", "prevent", "stop"}


def court_order_or_barring(tok) -> Candidate | None:
    """The manual: a court ordering payment of damages is SANCTION; barring inspectors, observers
    or investigators is declining to allow international involvement (REJECT, CAMEO 1245)."""
    lemma = tok.lemma_.lower()
    if lemma == "order" and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() == "pay" for c in tok.children) \
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in ("court", "tribunal", "judge") for c in tok.children):
        return Candidate(Trigger("sanction-court-payment", "SANCTION", "convict", "16", ("legal",), 0.85, "verb",
                                 lemma), tok, None, "verb")
    if lemma not in _BARRING:
        return None
    barred = objects(tok) + [p for c in tok.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                             for p in c.children if p.dep_ == "pobj"]      # "denied entry to UN rapporteurs"
    if {o.lemma_.lower() for o in barred} & (_OUTSIDERS - {"aid", "relief", "flight", "access", "visa"}):
        return Candidate(Trigger("reject-access", "REJECT", "yield", "1245", ("diplomatic",), 0.85, "verb", lemma),
                         tok, None, "verb")
    return None


def yielding_under_pressure(tok) -> Candidate | None:
    """"Under pressure from students, the ministry dropped the exam fees": a step taken under
    pressure, by a verb that is no event of its own, is acceding to demands (CONCEDE, CAMEO 083)."""
    if not any(c.dep_ == "dobj" for c in tok.children):
        return None         # "the currency came under pressure": pressed, not yielding
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "under":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() == "pressure":
                    return Candidate(Trigger("concede-under-pressure", "CONCEDE", None, "083", (), 0.7, "verb",
                                             tok.lemma_.lower()), tok, None, "verb")
    return None
