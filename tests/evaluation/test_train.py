"""Training the sentence classifier: data loading errors, a fit on a small set we write here, and
the saved weights loading back as the model the coder uses."""
from __future__ import annotations

import json

import pytest

from eventwire.errors import EventwireError
from eventwire.evaluation.train import load_examples, train
from eventwire.knowledge.classifier import load_model

ATTACKS = [
    "Gunmen opened fire on a bus near Kaduna, killing nine passengers, police said.",
    "Militants stormed an army outpost in northern Burkina Faso overnight.",
    "Air strikes hit a market in the rebel-held town on Sunday, witnesses said.",
    "A roadside bomb tore through a police convoy in Helmand province.",
    "Insurgents ambushed a supply column south of Mogadishu, killing four soldiers.",
    "Artillery shelled residential districts of the city for a third straight day.",
]
TALKS = [
    "The foreign ministers of India and China met in Moscow to discuss the border standoff.",
    "Envoys from both sides held a second round of talks in Doha on Tuesday.",
    "The president received the visiting Kenyan delegation at the state house.",
    "Negotiators from the two governments sat down in Geneva for indirect talks.",
    "The prime minister spoke by telephone with his Turkish counterpart about trade.",
    "Officials from Ethiopia and Sudan convened in Khartoum to discuss the dam.",
]


def _write(folder, rows):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_bad_training_lines_name_file_and_line(tmp_path):
    _write(tmp_path, [{"text": "Police arrested 12 people.", "type": "COERCE"}, {"text": "x", "type": "BOMBING"}])
    with pytest.raises(EventwireError, match=r"set.jsonl:2: .*'BOMBING'"):
        load_examples(tmp_path)
    with pytest.raises(EventwireError, match="no training files"):
        load_examples(tmp_path / "missing")


def test_repeated_sentences_are_counted_once(tmp_path):
    row = {"text": "Police arrested 12 people.", "type": "COERCE"}
    _write(tmp_path, [row, dict(row, text="police  arrested 12 people.")])
    assert len(load_examples(tmp_path)) == 1


def test_small_model_learns_and_round_trips(tmp_path):
    pytest.importorskip("sklearn")
    _write(tmp_path / "data", [{"text": t, "type": "ASSAULT"} for t in ATTACKS] +
           [{"text": t, "type": "CONSULT"} for t in TALKS])
    out = tmp_path / "model.npz"
    rep = train(tmp_path / "data", out, c=10.0, min_count=1, folds=0, stacked=False)
    assert rep.n == 12 and out.exists()
    model = load_model(str(out))
    assert set(model.labels) == {"ASSAULT", "CONSULT"}
    assert model.meta["examples"] == 12 and model.meta["per_type"] == {"ASSAULT": 6, "CONSULT": 6}
    from eventwire.evaluation.train import featurize
    unseen = featurize(["Rebels shelled the airport and killed two soldiers.",
                        "Ministers from the two countries held talks to discuss the dispute."])
    assert max(model.proba(unseen[0]).items(), key=lambda kv: kv[1])[0] == "ASSAULT"
    assert max(model.proba(unseen[1]).items(), key=lambda kv: kv[1])[0] == "CONSULT"
