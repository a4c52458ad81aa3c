"""Finding event triggers in a sentence: verb lemmas with their required particles and objects,
light verbs whose object is an event noun ("held talks"), event nouns as objects or standing with
an actor ("air strikes on Aleppo"), and verb + object compositions (transfer of goods → AID,
reversal of an event → its undoing, blocking → REJECT or COERCE)."""
from __future__ import annotations

from ..knowledge.actors import load_kb
from ..knowledge.lexicon import Lexicon, Trigger
from .event_args import demanded_subjunctive, noun_sector
from .wordforms import in_fixed_phrase, noun_to, stems
from .readings import (Candidate, court_order_or_barring, debt_relief, handover_or_expulsion, objects,
                       permission_or_return, yielding_under_pressure)

INTENT_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT", "CONCEDE", "SUPPORT", "ACCUSE"}



def _verb_match(tok, lex: Lexicon) -> Trigger | None:
    triggers = None
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":      # "test-fired" is tokenised test - fired
        triggers = lex.verbs.get(f"{tok.doc[tok.i - 2].lower_}-{tok.lemma_.lower()}")
    triggers = triggers or lex.verbs.get(tok.lemma_.lower()) or lex.verbs.get(tok.lower_) or next(
        (lex.verbs[k] for k in stems(tok) if k in lex.verbs), None)
    if not triggers:
        return None
    kids = list(tok.children)
    fallback = None
    for t in triggers:
        if t.particle and not any(c.lower_ == t.particle and c.dep_ in ("prt", "prep", "advmod", "dative")
                                  and not _place_phrase(c) for c in kids) and not noun_to(tok, t.particle):
            continue
        if t.dobj and not any(c.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and t.dobj in _head_words(c)
                              for c in kids):
            continue
        if t.dobj:
            return t        # the verb + object entry is the more specific reading ("hand over +suspect")
        fallback = fallback or t
    return fallback


def _modifier(tok) -> bool:
    """A participle describing a noun ("a suspected thief", "the ruling party"), not a finite verb
    the small parser mislabelled as one ("youth militants assaulted opposition candidates")."""
    return tok.dep_ == "amod" and tok.tag_ != "VBD" and not any(c.dep_ == "dobj" for c in tok.children)


def _place_phrase(prep) -> bool:
    """"in Madrid", "in the capital": a place, not the particle of "sit in" or "move in"."""
    return prep.dep_ == "prep" and prep.lower_ == "in" and any(
        p.dep_ == "pobj" and (p.ent_type_ in ("GPE", "LOC", "FAC") or p.pos_ == "PROPN") for p in prep.children)


def _sense(tok, lex: Lexicon) -> Trigger | None:
    """The sense of an ambiguous noun from the words attached to it ("a four-day strike")."""
    sense = lex.noun_senses.get(tok.lemma_.lower())
    if sense is None:
        return None
    trig, cues = sense
    words = set()
    for t in tok.subtree:
        if t.i < tok.i or t.head.i == tok.i:
            words.add(t.lemma_.lower())
            words.update(p for p in t.lower_.split("-") if p)
    # "workers went on strike", "miners extended their strike": the doer of the governing verb counts too
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
    if gov is not None:
        words.update(c.lemma_.lower() for c in gov.children if c.dep_ in ("nsubj", "nsubjpass"))
        if tok.dep_ == "pobj" and tok.head.lower_ == "on" and gov.lemma_.lower() in ("go", "be", "remain", "stay"):
            words.add("on-strike")
    return trig if words & cues else None


def _head_words(tok) -> set[str]:
    """A noun's lemma and its compound modifiers ("send +carrier" matches "a carrier strike group"),
    looking through quantities ("thousands of troops")."""
    if tok.lemma_.lower() in QUANTITY:
        tok = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj"), tok)
    return {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children if c.dep_ == "compound"}


# Nominalised reversal verbs: "the lifting of the state of emergency" undoes the emergency.
_REVERSAL_NOUNS = {"lifting", "easing", "end", "ending", "suspension", "cancellation", "removal", "repeal",
                   "revocation", "relaxation", "halt", "scrapping", "rollback"}


def noun_match(tok, lex: Lexicon) -> Trigger | None:
    if in_fixed_phrase(tok, lex.not_events):
        return None
    if tok.lemma_.lower() in _REVERSAL_NOUNS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [o for o in prep.children if o.dep_ == "pobj"]
                # "the lifting of the state of emergency": the event may sit one "of" further down
                objs += [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"]
                for obj in objs:
                    undone = _lexical_noun(obj, lex)
                    flipped = _reversal(undone) if undone is not None else None
                    if flipped is not None:
                        return flipped
    return _lexical_noun(tok, lex)


def _lexical_noun(tok, lex: Lexicon) -> Trigger | None:
    sensed = _sense(tok, lex)
    if sensed is not None:
        return sensed
    triggers = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
    if not triggers:
        return None
    doc = tok.doc
    for t in triggers:
        n = len(t.words)
        if n == 1:
            return t
        start = tok.i - n + 1
        if start >= 0 and tuple(x.lower_ for x in doc[start:tok.i]) == t.words[:-1]:
            return t
        if start >= 0 and tuple(x.lemma_.lower() for x in doc[start:tok.i]) == t.words[:-1]:
            return t
    return None


def _object_event(tok, lex: Lexicon):
    """An event noun the verb takes as object ("held talks", "came under fire", "took part in protests")."""
    for o in objects(tok):
        nt = noun_match(o, lex)
        if nt is not None and o.head.lower_ == "under" and nt.type in _COOPERATIVE_NOUNS:
            continue        # "returned the villages under the deal": the deal's framework, not its object
        if nt is not None:
            return o, nt
    return None


_REVERSED = {"COERCE": "CONCEDE", "SANCTION": "CONCEDE", "PROTEST": "CONCEDE", "THREATEN": "CONCEDE",
             "ASSAULT": "RETREAT", "MOBILIZE": "RETREAT",
             "AID": "SANCTION", "COOPERATE": "SANCTION", "CONSULT": "SANCTION", "AGREE": "SANCTION"}
_COOPERATIVE_NOUNS = {"AID", "AGREE", "SUPPORT", "COOPERATE", "CONSULT", "RETREAT", "CONCEDE"}
_REVERSED_CAMEO = {"CONCEDE": "080", "RETREAT": "087", "SANCTION": "160"}
_MILITARY_RESTRICTIONS = {"blockade", "siege", "occupation", "encirclement"}


QUANTITY = {"thousand", "hundred", "dozen", "score", "million", "ten", "tens", "group", "crowd", "number", "handful"}
_MILITARY_GOODS = {"weapon", "arm", "ammunition", "munition", "missile", "tank", "rifle", "artillery", "shell", "drone"}
_OWN = {"their", "its", "his", "her"}


def _composed(tok, lex: Lexicon, noun_hit) -> Candidate | None:
    """Verb + object compositions: transfer verb + goods → AID (own weapons handed in → RETREAT);
    reversal verb + event → its undoing; blocking verb + cooperative event → REJECT."""
    if lex.has_key(tok, lex.transfer_verbs):
        objs = objects(tok) + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                                for p in c.children if p.dep_ == "pobj"]
        for o in objs:
            if o.lemma_.lower() in lex.aid_goods or " ".join(
                    t.lemma_.lower() for t in o.doc[max(o.left_edge.i, o.i - 2):o.i + 1]) in lex.aid_goods:
                mil = o.lemma_.lower() in _MILITARY_GOODS
                if mil and any(c.dep_ == "poss" and c.lower_ in _OWN for c in o.children):
                    # "rebels handed over their weapons": disarmament, not military aid
                    t = Trigger("retreat-disarm", "RETREAT", "disarm", "0871", ("military",), 0.9, "noun", o.lemma_.lower())
                else:
                    t = Trigger("aid-transfer", "AID", None, "072" if mil else "070", ("military",) if mil else (),
                                0.9, "noun", o.lemma_.lower())
                return Candidate(t, tok, o, "light")
    special = (handover_or_expulsion(tok) or debt_relief(tok) or permission_or_return(tok)
               or court_order_or_barring(tok))
    if special is not None:
        return special
    if noun_hit is not None and noun_hit[1].type == "CONSULT" and lex.has_key(tok, lex.schedule_verbs):
        t = Trigger("agree-schedule", "AGREE", None, "036", noun_hit[1].context, 0.85, "noun", noun_hit[1].lemma)
        return Candidate(t, tok, noun_hit[0], "light")
    deployed = _deployed_force(tok, lex) or _readying_for_war(tok, lex)
    if deployed is not None:
        return deployed
    if noun_hit is not None and lex.has_key(tok, lex.blocking_verbs):
        nt = noun_hit[1]
        if nt.type in _COOPERATIVE_NOUNS:
            t = Trigger("reject-block", "REJECT", None, "12", nt.context, 0.9, "noun", nt.lemma)
            return Candidate(t, tok, noun_hit[0], "light")
        if nt.type == "PROTEST":
            t = Trigger("coerce-repress", "COERCE", "restrict", "175", ("repression",), 0.9, "noun", nt.lemma)
            return Candidate(t, tok, noun_hit[0], "light")
    if noun_hit is not None and lex.has_key(tok, lex.reversal_verbs):
        flipped = _reversal(noun_hit[1])
        if flipped is not None:
            return Candidate(flipped, tok, noun_hit[0], "light")
    return None


def _reversal(nt: Trigger) -> Trigger | None:
    """The undoing of an event: lifting sanctions concedes, calling off talks sanctions."""
    if nt.family.startswith("reversal-"):
        return None         # "the end of the lifting of …" is not undone twice
    if nt.type == "COERCE" and nt.lemma.split()[-1] in _MILITARY_RESTRICTIONS:
        # lifting a blockade or siege ends a military action: RETREAT (CAMEO 0872), not a concession
        return Trigger(f"reversal-{nt.family}", "RETREAT", "withdraw", "0872", ("military",), 0.9, "noun", nt.lemma)
    flipped = _REVERSED.get(nt.type)
    if flipped is None:
        return None
    return Trigger(f"reversal-{nt.family}", flipped, None, _REVERSED_CAMEO[flipped], nt.context, 0.9, "noun", nt.lemma)


_ATTITUDE = {"SUPPORT", "REJECT", "ACCUSE"}
_FORCE_SECTORS = {"MIL": ("troops", "154"), "REB": ("militia", "154"), "COP": ("police", "153")}


def _deployed_force(tok, lex: Lexicon) -> Candidate | None:
    """Deployment verb + troops, police or weapons ("posted 6,000 officers", "moved warheads to
    Belarus"), or a build-up of a force's presence ("ramped up their presence"): MOBILIZE."""
    deploy, buildup = lex.has_key(tok, lex.deploy_verbs), lex.has_key(tok, lex.buildup_verbs)
    if not (deploy or buildup):
        return None
    for o in objects(tok):
        lemma = o.lemma_.lower()
        sector = noun_sector(o)
        # "strengthened their positions" (plural) is military; "strengthened its position" a stance
        if buildup and (lemma in lex.buildup_nouns or o.lower_ in lex.buildup_nouns):
            mode, cameo = "troops", "154"
        elif deploy and _head_words(o) & lex.force_goods:
            mode, cameo = "weapons", "150"
        elif deploy and sector in _FORCE_SECTORS:
            mode, cameo = _FORCE_SECTORS[sector]
        else:
            continue
        return Candidate(Trigger("mobilize-deploy", "MOBILIZE", mode, cameo, ("military",), 0.85, "noun", lemma),
                         tok, o, "light")
    return None


_READYING = {"prepare", "ready", "gear", "mass"}     # not "brace for": that awaits someone else's attack


def _readying_for_war(tok, lex: Lexicon) -> Candidate | None:
    """"Troops were preparing for a major offensive", "readied for a ground assault": getting ready
    for military action is a show of force (CAMEO 15), as "prepared to resume shelling" is."""
    if tok.lemma_.lower() not in _READYING and not set(stems(tok)) & _READYING:
        return None
    for o in (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children):
        nt = noun_match(o, lex) if o.dep_ == "pobj" else None
        if nt is not None and nt.type == "ASSAULT":
            t = Trigger("mobilize-readiness", "MOBILIZE", "troops", "150", ("military",), 0.8, "noun", nt.lemma)
            return Candidate(t, tok, o, "light")
    return None


_PEACEKEEPING = Trigger("aid-peacekeeping", "AID", None, "074", ("peacekeeping",), 0.85, "verb", "peacekeep")


def _as_peacekeeping(c: Candidate) -> Candidate:
    """Troops sent or deployed as peacekeepers protect someone else: AID (CAMEO 074), not a show of force."""
    verb = c.verb
    args = [a for a in verb.children if a.dep_ in ("dobj", "nsubj", "nsubjpass")]
    if any(t.lemma_.lower().startswith("peacekeep") for a in args for t in a.subtree):
        return Candidate(_PEACEKEEPING, verb, c.noun, c.how)
    return c


def _joint_action(tok, lex: Lexicon) -> Candidate | None:
    """A verb done jointly with no trigger of its own ("jointly mapped", "ran a joint count"): COOPERATE."""
    marks = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ in lex.joint_markers]
    marks += [a for o in objects(tok) for a in o.children if a.dep_ == "amod" and a.lower_ in lex.joint_markers]
    if not marks:
        return None
    return Candidate(Trigger("cooperate-joint", "COOPERATE", None, "06", (), 0.7, "verb", tok.lemma_.lower()),
                     tok, None, "verb")


# Intent types whose verbs take a to-infinitive ("agreed to", "threatened to", "refused to").
TO_INTENT_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT", "CONCEDE", "SUPPORT"}


def _is_control_verb(tok, vt: Trigger) -> bool:
    """A verb with a to-infinitive complement that is not an intent verb ("tried to", "began to",
    "prepared to") is aspect or attempt: the complement is the event."""
    if vt.dobj:
        return False        # "summoned the ambassador to protest": an act with a purpose, not "tried to"
    return vt.type not in TO_INTENT_TYPES and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children) for c in tok.children)


_OBLIGATION = Trigger("request-obligation", "REQUEST", None, "10", (), 0.7, "verb", "must")


def _obliged_under_report(tok, lex: Lexicon) -> bool:
    """'The Red Cross said US forces must ensure security', 'insisted that the ministry pay': a
    reported obligation is a demand."""
    if demanded_subjunctive(tok):
        return True
    return (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.reporting_verbs
            and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _has_actor_argument(noun, mentioned: set[int]) -> bool:
    """A standalone event noun counts only with an actor attached ("Russia's attack on", "talks with Iran")."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod") and c.i in mentioned:
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "by", "between", "from", "to", "of"):
            if any(t.i in mentioned for t in c.subtree):
                return True
    return False


def candidates(sent, lex: Lexicon, mentioned: set[int] = frozenset()) -> list[Candidate]:
    out: list[Candidate] = []
    used_nouns: set[int] = set()
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
            continue
        if tok.lemma_.lower() == "be" or _modifier(tok):
            continue        # "It was the deadliest attack", "a suspected thief": descriptions, not acts
        vt = _verb_match(tok, lex)
        light = lex.is_light(tok)
        recipient = lex.has_key(tok, lex.recipient_verbs)
        reporting = tok.lemma_.lower() in lex.reporting_verbs and not light
        noun_hit = None if reporting else _object_event(tok, lex)
        composed = _composed(tok, lex, noun_hit)
        if composed is not None:
            out.append(composed)
            if composed.noun is not None:
                used_nouns.add(composed.noun.i)
            continue
        yielded = yielding_under_pressure(tok) if vt is None and not reporting else None
        if yielded is not None:
            out.append(yielded)
            used_nouns.update(p.i for c in tok.children if c.lower_ == "under" for p in c.children)
            continue
        if vt is not None and _is_control_verb(tok, vt):
            continue        # "tried to hack", "began collecting": the complement is the event
        if vt is None and noun_hit is None and _obliged_under_report(tok, lex):
            out.append(Candidate(_OBLIGATION, tok, None, "verb"))
            continue
        joint = _joint_action(tok, lex) if vt is None and noun_hit is None and not reporting else None
        if joint is not None:
            out.append(joint)
            continue
        # A weak verb yields to its event object ("hit a snag" vs "hit targets"), but attitude verbs
        # keep their type: "backed the plan", "ignored offers of talks" are SUPPORT and REJECT.
        if vt is not None and not (noun_hit and (light or recipient or (vt.weight < 0.6 and vt.type not in _ATTITUDE))):
            out.append(Candidate(vt, tok, None, "verb"))
            if noun_hit:
                used_nouns.add(noun_hit[0].i)
        elif noun_hit is not None:
            how = "recipient" if recipient else "light" if light else "object"
            out.append(Candidate(noun_hit[1], tok, noun_hit[0], how))
            used_nouns.add(noun_hit[0].i)
    out = [_as_peacekeeping(c) if c.trigger.type == "MOBILIZE" and c.verb is not None else c for c in out]
    # A noun that is already an argument of a verb event ("Russian missiles struck …") is covered by it.
    used_nouns |= {a.i for c in out for a in c.anchor.children if a.dep_ in ("nsubj", "nsubjpass", "dobj")}
    actor_nouns = load_kb().sector_nouns
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in used_nouns and tok.lemma_.lower() not in actor_nouns \
                and tok.lower_ not in actor_nouns:   # "protesters" names actors, not an event
            nt = noun_match(tok, lex)
            if nt is not None and _has_actor_argument(tok, mentioned):
                out.append(Candidate(nt, None, tok, "nominal"))
    return out


def governing_intent(cand: Candidate, by_token: dict[int, Candidate]) -> Candidate | None:
    """The intent trigger whose complement this candidate is ("agreed to lift", "accused X of
    attacking", "demanded that troops withdraw"); None when it stands on its own."""
    cur = cand.anchor
    for _ in range(4):
        # The small parser often attaches "sworn to fight" as advcl; the bare "to" shows it is a complement.
        # "Ankara's threat to block …": a to-infinitive on an intent noun is its content too.
        infinitive = cur.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if (cur.dep_ not in ("xcomp", "ccomp", "pcomp", "prep") and not infinitive) or cur.head.i == cur.i:
            return None
        if cur.dep_ == "prep" and cur.lower_ not in ("of", "for", "to", "on", "over"):
            return None
        cur = cur.head
        gov = by_token.get(cur.i)
        if gov is not None and gov is not cand and gov.trigger.type in INTENT_TYPES:
            return gov
    return None
