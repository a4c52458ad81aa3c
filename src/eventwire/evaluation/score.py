"""Per-type precision/recall/F1, macro-F1, confusion matrix, calibration, actor agreement."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..knowledge.lexicon import PLOVER_TYPES

NONE = "NONE"


@dataclass(slots=True)
class Prediction:
    gold_type: str
    pred_type: str | None
    confidence: float = 0.0
    gold_source: set[str] = field(default_factory=set)
    gold_target: set[str] = field(default_factory=set)
    pred_source: set[str] = field(default_factory=set)
    pred_target: set[str] = field(default_factory=set)
    id: str = ""
    text: str = ""
    trigger: str | None = None


@dataclass(slots=True)
class Report:
    n: int
    per_type: dict[str, dict[str, float]]
    macro_f1: float
    accuracy: float
    confusion: dict[str, Counter]
    calibration: list[dict]
    source_agreement: float | None
    target_agreement: float | None
    predictions: list[Prediction] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"n": self.n, "macro_f1": round(self.macro_f1, 4), "accuracy": round(self.accuracy, 4),
                "per_type": self.per_type, "confusion": {k: dict(v) for k, v in self.confusion.items()},
                "calibration": self.calibration, "source_country_agreement": self.source_agreement,
                "target_country_agreement": self.target_agreement}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def _agreement(preds: list[Prediction], gold_attr: str, pred_attr: str) -> float | None:
    scored = [p for p in preds if getattr(p, gold_attr) and p.pred_type == p.gold_type]
    if not scored:
        return None
    return round(sum(bool(getattr(p, gold_attr) & getattr(p, pred_attr)) for p in scored) / len(scored), 4)


def score(preds: list[Prediction], bins: tuple[float, ...] = (0.0, 0.4, 0.6, 0.8, 1.01)) -> Report:
    tp, fp, fn = Counter(), Counter(), Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    for p in preds:
        pred = p.pred_type or NONE
        confusion[p.gold_type][pred] += 1
        if pred == p.gold_type:
            tp[pred] += 1
        else:
            fn[p.gold_type] += 1
            if pred != NONE:
                fp[pred] += 1
    types = [t for t in PLOVER_TYPES if tp[t] + fn[t] > 0]
    per_type = {t: _prf(tp[t], fp[t], fn[t]) for t in types}
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    calibration = []
    for lo, hi in zip(bins, bins[1:]):
        inside = [p for p in preds if p.pred_type and lo <= p.confidence < hi]
        if inside:
            calibration.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                                "accuracy": round(sum(p.pred_type == p.gold_type for p in inside) / len(inside), 3)})
    return Report(len(preds), per_type, macro, sum(tp.values()) / len(preds) if preds else 0.0, dict(confusion),
                  calibration, _agreement(preds, "gold_source", "pred_source"),
                  _agreement(preds, "gold_target", "pred_target"), preds)
