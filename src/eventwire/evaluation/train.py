"""Train the sentence-level event-type classifier from our own labelled sentences.

scikit-learn (the ``train`` extra) fits the model; only its weights are shipped, so using the
model needs numpy alone. Cross-validation on the training sentences is reported, but the figures
that count are `eventwire eval` on the gold sets, which are never trained on.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import EventwireError, MissingExtraError
from ..knowledge.classifier import MODEL_PATH, NO_EVENT, EventTypeModel, rule_features, sentence_features
from ..knowledge.lexicon import PLOVER_TYPES

DEFAULT_DATA = Path("training/events")
LABELS = set(PLOVER_TYPES) | {NO_EVENT}      # NONE: news sentences that report no event


@dataclass(slots=True)
class Example:
    text: str
    label: str
    origin: str


@dataclass(slots=True)
class TrainReport:
    n: int
    per_type: dict[str, int]
    cv_accuracy: float | None
    cv_macro_f1: float | None
    features: int
    path: str
    notes: list[str] = field(default_factory=list)


def load_examples(folder: Path = DEFAULT_DATA) -> list[Example]:
    """Every ``{"text", "type"}`` line of the JSONL files in ``folder``; bad lines are errors."""
    files = sorted(Path(folder).glob("*.jsonl"))
    if not files:
        raise EventwireError(f"no training files (*.jsonl) in {folder}")
    out, seen = [], set()
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EventwireError(f"{f}:{n}: not JSON ({exc.msg})") from exc
            if rec.get("type") not in LABELS or not str(rec.get("text", "")).strip():
                raise EventwireError(f"{f}:{n}: needs a text and a PLOVER type (or NONE), got {rec.get('type')!r}")
            key = " ".join(rec["text"].lower().split())
            if key not in seen:         # a repeated sentence would count twice in cross-validation
                seen.add(key)
                out.append(Example(rec["text"], rec["type"], f"{f.name}:{n}"))
    return out


def featurize(texts: list[str], stacked: bool = False) -> list[list[str]]:
    """Features of each text: the union over its sentences (a dateline may split off). Stacked
    features add what the lexicon coder alone (no classifier) finds in the text."""
    from ..config import Config
    from ..pipeline import Pipeline
    from ..types import Document
    from ..stages.events import main_event
    from .run import EVAL_STAGES
    stages = EVAL_STAGES[:EVAL_STAGES.index("events") + 1] if stacked else ("clean", "nlp")
    pipe = Pipeline.from_config(Config(stages=stages, extra={"classifier": False}))
    docs = pipe.run([Document(id=str(i), text=t) for i, t in enumerate(texts)])
    feats = []
    for doc in docs:
        if not isinstance(doc, Document):
            raise EventwireError(f"training text {int(doc.doc_id) + 1} could not be parsed: {doc.reason}")
        fs: set[str] = set()
        for sent in doc.spacy_doc.sents:
            fs.update(sentence_features(sent))
        if stacked:
            main = main_event(doc.events)
            fs.update(rule_features(main, doc.events))
        feats.append(sorted(fs))
    return feats


def _fit(feats: list[list[str]], labels: list[str], c: float, min_count: int) -> EventTypeModel:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:     # pragma: no cover - depends on the extra
        raise MissingExtraError("scikit-learn", "train") from None
    counts = Counter(f for fs in feats for f in fs)
    rows = [{f: 1 for f in fs if counts[f] >= min_count} for fs in feats]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, labels)
    labels_ = tuple(clf.classes_.tolist())
    coef, bias = clf.coef_, clf.intercept_
    if coef.shape[0] == 1:      # two classes: one logit for the second; as a softmax the first scores 0
        coef, bias = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], bias])
    weights = coef.T.astype(np.float32)
    keep = np.abs(weights).max(axis=1) > 1e-4
    names = [n for n, k in zip(vec.get_feature_names_out().tolist(), keep) if k]
    return EventTypeModel(labels=labels_, index={n: i for i, n in enumerate(names)}, weights=weights[keep],
                          bias=bias.astype(np.float32), meta={})


def cross_validate(feats, labels, c: float, min_count: int, folds: int = 5) -> dict[str, float]:
    """Stratified k-fold accuracy and macro-F1 on the training sentences themselves."""
    order = sorted(range(len(labels)), key=lambda i: (labels[i], i))
    fold_of = {i: k % folds for k, i in enumerate(order)}
    gold, pred = [], []
    for k in range(folds):
        tr = [i for i in range(len(labels)) if fold_of[i] != k]
        te = [i for i in range(len(labels)) if fold_of[i] == k]
        model = _fit([feats[i] for i in tr], [labels[i] for i in tr], c, min_count)
        for i in te:
            p = model.proba(feats[i])
            gold.append(labels[i])
            pred.append(max(p, key=p.get))
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    f1s = []
    for t in sorted(set(gold)):
        tp = sum(g == p == t for g, p in zip(gold, pred))
        fp = sum(p == t != g for g, p in zip(gold, pred))
        fn = sum(g == t != p for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {"accuracy": acc, "macro_f1": sum(f1s) / len(f1s)}


def train(folder: Path = DEFAULT_DATA, out: Path = MODEL_PATH, c: float = 1.0, min_count: int = 2,
          folds: int = 5, stacked: bool = True) -> TrainReport:
    """Fit on every example in ``folder``, save the weights with their provenance, report CV."""
    examples = load_examples(folder)
    feats = featurize([e.text for e in examples], stacked)
    labels = [e.label for e in examples]
    cv = cross_validate(feats, labels, c, min_count, folds) if folds > 1 else None
    model = _fit(feats, labels, c, min_count)
    digest = hashlib.sha256("\n".join(f"{e.label}\t{e.text}" for e in examples).encode()).hexdigest()[:16]
    import sklearn
    model.meta = {"trained": dt.date.today().isoformat(), "examples": len(examples), "data_sha256": digest,
                  "per_type": dict(sorted(Counter(labels).items())), "C": c, "min_count": min_count,
                  "sklearn": sklearn.__version__, "cv": cv, "stacked": stacked}
    model.save(Path(out))
    return TrainReport(n=len(examples), per_type=model.meta["per_type"], cv_accuracy=cv and cv["accuracy"],
                       cv_macro_f1=cv and cv["macro_f1"], features=len(model.index), path=str(out))
