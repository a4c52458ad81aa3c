"""Who acts, and on what, changes what a trigger means: troops "massing" mobilise, rioters
"burning" protest, withdrawing from talks sanctions, exercises held together are cooperation.
Each rule states the manual's or CAMEO's reading it follows."""
from __future__ import annotations

from ..knowledge.lexicon import Lexicon, Trigger
from ..types import Mention
from .event_args import forces_arrive, noun_sector, protest_context
from .readings import CIVIL_PERSONNEL, Candidate
from .triggers import noun_match

_COMMANDING = {"order", "command", "instruct", "direct"}


def commanded_force(anchor) -> str | None:
    """"ordered troops to guard the border", "police were instructed to …": an order to one's own
    army or police is the state acting through them, not a request of another actor. CAMEO codes
    what the forces are ordered to do, and a deployment order with no further event is CAMEO 15.
    Returns the forces' sector (MIL, COP) or None."""
    if anchor.lemma_.lower() not in _COMMANDING:
        return None
    for o in anchor.children:
        if o.dep_ in ("dobj", "nsubjpass") and (sector := noun_sector(o)) in ("MIL", "COP"):
            return sector
    return None


_DECIDING = {"decide", "resolve", "vote", "opt"}
# What a decision enacts at once; a decision to meet or to attack announces it (AGREE, THREATEN).
_ENACTED = {"SANCTION", "COERCE", "AID", "RETREAT", "CONCEDE", "MOBILIZE", "SUPPORT", "COOPERATE", "REJECT"}


_ENACTING = {"approve", "adopt", "pass", "enact", "sign", "vote", "issue", "decree"}
_MEASURES = {"bill", "law", "resolution", "measure", "decree", "package", "amendment", "act", "order", "motion",
             "legislation", "regulation", "directive", "ordinance"}


def governing_measure(cand: Candidate, by_token: dict) -> Candidate | None:
    """The verb that passes the measure an event is the content of: in "the Senate approved a bill
    imposing sanctions on Turkey", "approved" governs "imposing sanctions"."""
    anchor = cand.anchor
    if cand.trigger.type not in _ENACTED or anchor.dep_ not in ("acl", "relcl") or \
            anchor.head.dep_ not in ("dobj", "nsubjpass") or anchor.head.lemma_.lower() not in _MEASURES:
        return None     # "a resolution calling for a ceasefire" is the resolution's demand, coded as such
    gov = by_token.get(anchor.head.head.i)
    return gov if gov is not None and gov.anchor.lemma_.lower() in _ENACTING else None


def enacted(gov: Candidate, content: Candidate) -> str | None:
    """An intent whose content is the act itself: an order to one's own army or police ("ordered
    troops to guard the mines"), or a decision of the body that acts ("EU ministers decided to
    freeze the assets", "ECOWAS resolved to close its borders", as a vote to impose an embargo
    is the embargo). Returns how, for the event's note; None for a promise or a plan."""
    if gov.trigger.type == "REQUEST" and commanded_force(gov.anchor):
        return "ordered of its forces"
    if gov.anchor.lemma_.lower() in _DECIDING and content.trigger.type in _ENACTED and \
            not any(c.dep_ == "neg" for c in content.anchor.children):
        return "decided"
    if governing_measure(content, {gov.anchor.i: gov}) is gov:
        return "passed as a measure"    # "approved a bill imposing sanctions": the sanctions, passed
    return None


def ordered_back(anchor) -> bool:
    """"ordered the battalions back to their bases", "ordered the troops home / out of the city":
    a pull-back (RETREAT 0874), not a deployment."""
    heads = [anchor] + [o for o in anchor.children if o.dep_ in ("dobj", "nsubjpass")]   # "the units home"
    return any(c.dep_ in ("advmod", "prt", "prep") and c.lower_ in ("back", "home", "out")
               for h in heads for c in h.children)


_RIOT_VERBS = {"throw", "hurl", "pelt", "firebomb", "petrol-bomb", "torch", "burn", "stone", "set", "loot", "ransack"}
_CROWD = {"CVL", "EDU", "LAB"}
_INSTITUTIONS = {"GOV", "IGO", "NGO", "LEG", "JUD", "MED", "REL"}

_JOINT = {"joint", "jointly", "together", "alongside", "combined", "coordinated", "bilateral", "trilateral",
          "multinational", "allied", "common"}


def is_joint(etype: str, c: Candidate, source: list[Mention], target: list[Mention]) -> bool:
    """Exercises, patrols or crackdowns held together by several states (PLOVER: COOPERATE)."""
    if etype not in ("MOBILIZE", "COERCE"):
        return False
    words = {t.lemma_.lower() for tok in (c.noun, c.verb) if tok is not None for t in tok.children}
    if words & _JOINT:
        return True
    countries = {m.actor.country for m in source if m.actor.country}
    partners = {m.actor.country for m in target if m.actor.country and m.actor.kind in ("country", "sector")}
    with_partner = any(ch.dep_ == "prep" and ch.lower_ == "with" for tok in (c.noun, c.verb) if tok is not None
                       for ch in tok.children)
    return etype == "MOBILIZE" and (len(countries) >= 2 or (with_partner and bool(partners - countries)))


_BORDER_WORDS = {"visa", "travel", "entry", "border", "exit", "airspace"}


def _crosses_borders(anchor, source: list[Mention], target: list[Mention]) -> bool:
    """A restriction on travel, entry or a border ("slapped visa restrictions on", "closed its
    border with") imposed by one state on another."""
    ours = {m.actor.country for m in source if m.actor.country}
    theirs = {m.actor.country for m in target if m.actor.country} - {"IGO"}
    if not ours or not theirs or ours & theirs:
        return False
    words = {t.lemma_.lower() for o in anchor.children if o.dep_ in ("dobj", "nsubjpass")
             for t in o.subtree if t.i <= o.i}
    return bool(words & _BORDER_WORDS)


def by_source(etype: str, trig: Trigger, source: list[Mention], target: list[Mention], anchor) -> str:
    """Who acts changes what a word means: troops "massing" mobilise, police "raiding" coerce."""
    sectors = {m.actor.sector for m in source}
    moved = {m.actor.sector for m in target}
    if etype == "PROTEST" and (sectors & {"MIL", "REB"} or (moved and moved <= {"MIL"})):
        return "MOBILIZE"       # "rebels massed", "Venezuela massed soldiers on the border"
    if etype == "ASSAULT" and trig.lemma in ("raid", "storm", "search") and sectors & {"COP", "JUD"}:
        return "COERCE"
    if etype in ("ASSAULT", "COERCE") and not any(t.lower_ in ("death", "dead") for t in anchor.subtree):
        if etype == "ASSAULT" and trig.lemma in _RIOT_VERBS and sectors and sectors <= _CROWD:
            return "PROTEST"    # stones and petrol bombs thrown by a crowd: a violent protest (CAMEO 145)
        if protest_context(anchor) == "crowd":
            return "PROTEST"    # rioters burning cars, demonstrators storming offices: a riot (CAMEO 145)
    if etype == "CONSULT" and trig.mode == "visit" and forces_arrive(anchor):
        # troops or police units landing somewhere: protection asked for (AID 074) or a show of force (154)
        helping = any(t.lemma_.lower() in ("help", "request", "invitation", "protect") or
                      t.lemma_.lower().startswith("peacekeep") for t in anchor.sent)
        return "AID" if helping else "MOBILIZE"
    if etype == "PROTEST" and trig.lemma in ("shut", "close") and sectors & {"GOV", "COP", "JUD", "MIL"}:
        return "COERCE"         # "the interior ministry shut down the association": closure, CAMEO 172
    if etype == "COERCE" and trig.mode == "restrict" and sectors and sectors <= _CROWD | {"OPP"}:
        return "PROTEST"        # farmers or opposition supporters blocking roads: obstruction (CAMEO 144)
    if etype == "ASSAULT" and trig.lemma == "strike" and sectors and sectors <= {"LAB", "EDU"}:
        return "PROTEST"        # "workers struck on Tuesday": a labour strike (CAMEO 143)
    if etype == "PROTEST" and trig.lemma in ("protest", "complain") and sectors and sectors <= _INSTITUTIONS:
        return "ACCUSE"         # a government or rights group "protested": a complaint (CAMEO 11), not a march
    if etype == "COERCE" and trig.mode == "restrict" and _crosses_borders(anchor, source, target):
        return "SANCTION"       # visa, entry and border bans on another state or its officials (CAMEO 16)
    if etype == "AID" and trig.cameo == "074" and sectors == {"COP"}:
        return "MOBILIZE"       # police guarding or escorting: a deployment at home, not outsiders' protection
    if etype == "REQUEST" and protest_context(anchor):
        return "PROTEST"        # the manual: demands made by demonstrating are PROTEST, not REQUEST
    return etype


def by_exit_object(etype: str, c: Candidate, mentions_at, lex: Lexicon) -> str:
    """Withdrawing from an organisation, treaty or talks is SANCTION; from a place, RETREAT."""
    anchor, noun = c.anchor, c.noun
    if etype not in ("RETREAT", "SANCTION") or c.trigger.lemma not in lex.exit_words:
        return etype
    if any(o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in CIVIL_PERSONNEL for o in anchor.children):
        return "SANCTION"       # the manual: withdrawing observers, aid workers or diplomats is SANCTION
    for head in (noun, anchor):
        if head is None:
            continue
        preps = [c for c in head.children if c.dep_ == "prep"]
        preps += [p for c in head.children if c.dep_ in ("prt", "advmod") and c.lower_ == "out"
                  for p in c.children if p.dep_ == "prep"]     # "pulled out of the talks"
        for prep in preps:
            if prep.lower_ not in ("from", "of"):
                continue
            for obj in prep.children:
                ms = mentions_at.get(obj.i, ())
                if any(m.actor.kind == "igo" for m in ms) or noun_match(obj, lex) is not None and \
                        noun_match(obj, lex).type in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE"):
                    return "SANCTION"
                return "RETREAT"
    return etype
