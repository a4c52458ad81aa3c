"""Event trigger lexicon: verb and noun lemmas → PLOVER type, mode, context and CAMEO code.

Loaded from ``data/events/*.yaml`` (one file per PLOVER type, entries grouped into families with
a line saying why) and ``data/events/light_verbs.yaml`` (light, reporting and modal cue words).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from . import cached_build, data_files, load_yaml

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(slots=True)
class Trigger:
    family: str
    type: str
    mode: str | None
    cameo: str | None
    context: tuple[str, ...]
    weight: float
    pos: str                       # "verb" | "noun"
    lemma: str                     # head lemma (verb lemma, or last word of a noun phrase)
    words: tuple[str, ...] = ()    # noun: all words of the phrase (last = lemma)
    particle: str | None = None    # verb: required particle/preposition child
    dobj: str | None = None        # verb: required direct-object lemma

    @property
    def specificity(self) -> int:
        return (2 if self.dobj else 0) + (1 if self.particle else 0) + len(self.words)


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)          # "hold", "carry out" (lemma + particle)
    recipient_verbs: set[str] = field(default_factory=set)      # "face", "come under": subject is the target
    transfer_verbs: set[str] = field(default_factory=set)       # "hand over" + goods → AID
    aid_goods: set[str] = field(default_factory=set)
    reversal_verbs: set[str] = field(default_factory=set)       # "lift" + curfew → CONCEDE
    blocking_verbs: set[str] = field(default_factory=set)       # "blocked an aid package" → REJECT
    exit_words: set[str] = field(default_factory=set)           # withdraw from a treaty vs from a town
    signing_verbs: set[str] = field(default_factory=set)        # signing an agreement → SUPPORT
    deploy_verbs: set[str] = field(default_factory=set)         # "posted 6,000 officers" → MOBILIZE
    force_goods: set[str] = field(default_factory=set)
    buildup_verbs: set[str] = field(default_factory=set)        # "ramped up their presence" → MOBILIZE
    buildup_nouns: set[str] = field(default_factory=set)
    joint_markers: set[str] = field(default_factory=set)        # "jointly mapped" → COOPERATE
    schedule_verbs: set[str] = field(default_factory=set)       # "pencilled in a summit" → AGREE
    noun_senses: dict[str, tuple[Trigger, frozenset]] = field(default_factory=dict)   # "four-day strike" → PROTEST
    reporting_verbs: set[str] = field(default_factory=set)
    not_events: set[str] = field(default_factory=set)      # "press release": an event word in a name
    negators: set[str] = field(default_factory=set)
    modal_cues: dict[str, set[str]] = field(default_factory=dict)
    families: int = 0

    def verb_key(self, tok) -> str:
        """'carry out' for carried+out, else the lemma: how light and recipient verbs are listed."""
        lemma = tok.lemma_.lower()
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        return f"{lemma} {prt}" if prt else lemma

    def has_key(self, tok, table: set[str]) -> bool:
        key = self.verb_key(tok)
        return key in table or key.split(" ")[0] in table

    def is_light(self, tok) -> bool:
        key = self.verb_key(tok)
        return key in self.light_verbs or key.split(" ")[0] in self.light_verbs

    def size(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


def _parse_verb(spec: str, base: dict) -> Trigger:
    parts = spec.lower().split()
    particle = dobj = None
    for p in parts[1:]:
        if p.startswith("+"):
            dobj = p[1:]
        elif particle is None:
            particle = p
    return Trigger(pos="verb", lemma=parts[0], particle=particle, dobj=dobj, **base)


def _parse_noun(spec: str, base: dict) -> Trigger:
    words = tuple(spec.lower().replace("-", " - ").split()) if "-" in spec else tuple(spec.lower().split())
    return Trigger(pos="noun", lemma=words[-1], words=words, **base)


# Word-list keys of light_verbs.yaml → the Lexicon set each one fills.
_CUE_FIELDS = {"light_verbs": "light_verbs", "reporting_verbs": "reporting_verbs", "negators": "negators",
               "recipient_light_verbs": "recipient_verbs", "transfer_verbs": "transfer_verbs",
               "aid_goods": "aid_goods", "reversal_verbs": "reversal_verbs", "blocking_verbs": "blocking_verbs",
               "exit_words": "exit_words", "signing_verbs": "signing_verbs", "deploy_verbs": "deploy_verbs",
               "force_goods": "force_goods", "buildup_verbs": "buildup_verbs", "buildup_nouns": "buildup_nouns",
               "joint_markers": "joint_markers", "schedule_verbs": "schedule_verbs", "not_events": "not_events"}


def _cues(data: dict) -> dict:
    out = {key: {str(w).lower() for w in data.get(key) or []} for key in _CUE_FIELDS}
    out["modal_cues"] = {k: {str(w).lower() for w in v or []} for k, v in (data.get("modal_cues") or {}).items()}
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon, compiled once (and cached on disk between processes)."""
    return cached_build("lexicon", _build_lexicon)


def _build_lexicon() -> Lexicon:
    lex = Lexicon()
    for rel in data_files("events"):
        data = load_yaml(rel)
        if isinstance(data, dict):
            cues = _cues(data)
            for key, attr in _CUE_FIELDS.items():
                getattr(lex, attr).update(cues[key])
            for noun, sense in (data.get("noun_senses") or {}).items():
                trig = Trigger(f"sense-{noun}", sense["type"], sense.get("mode"), str(sense.get("cameo") or "") or None,
                               tuple(sense.get("context") or ()), 0.9, "noun", noun, (noun,))
                lex.noun_senses[noun] = (trig, frozenset(str(c).lower() for c in sense.get("cues") or ()))
            for k, v in cues["modal_cues"].items():
                lex.modal_cues.setdefault(k, set()).update(v)
            continue
        for fam in data or []:
            if not isinstance(fam, dict) or fam.get("type") not in PLOVER_TYPES:
                continue
            lex.families += 1
            base = dict(family=fam.get("family", "?"), type=fam["type"], mode=fam.get("mode"),
                        cameo=str(fam["cameo"]) if fam.get("cameo") is not None else None,
                        context=tuple(fam.get("context") or ()), weight=float(fam.get("weight", 1.0)))
            for spec in fam.get("verbs") or []:
                if isinstance(spec, str) and spec.strip():
                    t = _parse_verb(spec, base)
                    lex.verbs.setdefault(t.lemma, []).append(t)
            for spec in fam.get("nouns") or []:
                if isinstance(spec, str) and spec.strip():
                    t = _parse_noun(spec, base)
                    lex.nouns.setdefault(t.lemma, []).append(t)
    for table in (lex.verbs, lex.nouns):
        for triggers in table.values():
            triggers.sort(key=lambda t: (-t.specificity, -t.weight))
    return lex
