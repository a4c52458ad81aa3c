"""A small sentence-level event-type classifier, shipped inside the package as plain weights.

It is a multinomial logistic regression over features of the dependency parse (lemmas, lemma
bigrams, head–dependent pairs, the main clause's words), trained by ``eventwire train`` on the
labelled sentences in ``training/events/``: sentences we wrote, never the gold sets we report on.
The event coder uses it to weigh its lexicon candidates against each other, not to replace them.
Inference is a sparse dot product in numpy, so the core install needs no learning library.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import DATA
from .lexicon import load_lexicon

MODEL_PATH = DATA / "models" / "event_types.npz"
NO_EVENT = "NONE"       # the label of training sentences that report no event
# Names carry no event type: "Putin" or "Kenya" would only teach the model who was in the news.
_ENTITY_CLASSES = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"}
_ARG_DEPS = {"dobj", "nsubjpass", "xcomp", "ccomp", "prt", "attr", "agent", "neg", "dative", "acomp", "nsubj"}


def _word(tok) -> str:
    if tok.ent_type_ in _ENTITY_CLASSES:
        return tok.ent_type_
    if tok.like_num:
        return "#NUM"
    return tok.lemma_.lower()


def main_clause(sent):
    """The root, or the clause a reporting verb introduces ("…, the ministry said")."""
    root = sent.root
    if root.lemma_.lower() in load_lexicon().reporting_verbs:
        comp = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        if comp:
            return comp[0]
    return root


def sentence_features(sent) -> list[str]:
    """Binary features of one parsed sentence (a spaCy Span)."""
    toks = [t for t in sent if not (t.is_punct or t.is_space)]
    words = [_word(t) for t in toks]
    feats = {f"w={w}" for t, w in zip(toks, words) if not t.is_stop or t.dep_ == "neg"}
    feats.update(f"b={a}_{b}" for a, b in zip(words, words[1:]))
    for t in toks:
        if t.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"):
            continue
        for c in t.children:
            if c.dep_ in _ARG_DEPS:
                feats.add(f"d={_word(t)}>{c.dep_}>{_word(c)}")
            elif c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj":
                        feats.add(f"p={_word(t)}>{c.lower_}>{_word(p)}")
    main = main_clause(sent)
    feats.add(f"root={_word(main)}")
    for c in main.children:
        if c.dep_ in ("dobj", "xcomp", "prep", "nsubj", "nsubjpass", "prt", "neg"):
            feats.add(f"top={c.dep_}>{_word(c)}")
            for g in c.children:
                if g.dep_ in ("pobj", "dobj", "xcomp"):
                    feats.add(f"top2={_word(c)}>{_word(g)}")
    return sorted(feats)


def rule_features(main, events) -> list[str]:
    """What the lexicon coder found in the sentence (its main event and every event type), so a
    stacked model learns where the rules go wrong and how far their confidence can be trusted."""
    if main is None:
        return ["rule_main=None"]
    conf = "hi" if main.confidence >= 0.8 else "mid" if main.confidence >= 0.6 else "lo"
    return [f"rule_main={main.event_type}", f"rule_conf={main.event_type}:{conf}",
            f"rule_modality={main.event_type}:{main.modality}"] + \
        [f"rule_any={t}" for t in sorted({e.event_type for e in events})]


@dataclass(slots=True)
class EventTypeModel:
    labels: tuple[str, ...]
    index: dict[str, int]           # feature → row of ``weights``
    weights: np.ndarray             # (features, labels)
    bias: np.ndarray                # (labels,)
    meta: dict

    def proba(self, feats: list[str]) -> dict[str, float]:
        rows = [self.index[f] for f in feats if f in self.index]
        z = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        z = np.exp(z - z.max())
        p = z / z.sum()
        return dict(zip(self.labels, p.tolist()))

    @property
    def stacked(self) -> bool:
        return bool(self.meta.get("stacked"))

    def predict_sentence(self, sent, main=None, events=()) -> dict[str, float]:
        """Type probabilities for a parsed sentence; ``main`` and ``events`` are the lexicon coder's."""
        feats = sentence_features(sent)
        if self.stacked:
            feats += rule_features(main, events)
        return self.proba(feats)

    def save(self, path: Path = MODEL_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        feats = sorted(self.index, key=self.index.get)
        np.savez_compressed(path, features=np.array(feats), weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32), labels=np.array(self.labels),
                            meta=np.array(json.dumps(self.meta)))


@functools.lru_cache(maxsize=2)
def load_model(path: str | None = None) -> EventTypeModel | None:
    """The shipped model, or None when it has not been trained (the coder then uses rules alone)."""
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    with np.load(p, allow_pickle=False) as z:
        feats = z["features"].tolist()
        return EventTypeModel(labels=tuple(z["labels"].tolist()), index={f: i for i, f in enumerate(feats)},
                              weights=z["weights"], bias=z["bias"], meta=json.loads(str(z["meta"])))
