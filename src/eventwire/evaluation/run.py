"""Run the pipeline over gold sentences and score the sentence's main event against gold."""
from __future__ import annotations

from ..config import Config
from ..pipeline import Pipeline
from ..stages.events import main_event
from ..types import Document
from .gold import GoldRecord
from .score import Prediction, Report, score

EVAL_STAGES = ("clean", "nlp", "actors", "events", "quotes", "places", "dates")   # the pipeline users run


def _countries(mentions) -> set[str]:
    return {m.actor.country for m in mentions if m.actor.country}


def predict(records: list[GoldRecord], config: Config | None = None) -> list[Prediction]:
    config = (config or Config()).with_(stages=EVAL_STAGES)
    pipe = Pipeline.from_config(config)
    docs = [Document(id=r.id, text=r.text) for r in records]
    by_id = {d.id: d for d in pipe.run(docs) if isinstance(d, Document)}
    preds = []
    for r in records:
        doc = by_id.get(r.id)
        ev = main_event(doc.events) if doc else None
        preds.append(Prediction(
            r.event_type, ev.event_type if ev else None, ev.confidence if ev else 0.0, r.source, r.target,
            _countries(ev.source) if ev else set(), _countries(ev.target) if ev else set(), r.id, r.text,
            f"{ev.trigger_text} [{ev.mode}/{ev.modality}]" if ev else None))
    return preds


def evaluate(records: list[GoldRecord], config: Config | None = None) -> Report:
    """Score the main event of each gold sentence; the report keeps the predictions."""
    return score(predict(records, config))
