"""Shared fixtures. Reference data in ../shared is read at run time; tests that need it skip
cleanly when it is absent (a user's fresh clone has no shared/)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "000_1cc5e7de0d8ee0ec.txt"
GSR = SHARED / "reference" / "plover" / "PLOVER_GSR_CAMEO.txt"


def load_jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def sample_text() -> str:
    if not SAMPLE.exists():
        pytest.skip("../shared/samples not present")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gsr_path() -> Path:
    if not GSR.exists():
        pytest.skip("../shared/reference/plover not present")
    return GSR


@pytest.fixture(scope="session")
def code():
    """Code texts through the full pipeline: code(text, published=None) -> Document."""
    from eventwire.pipeline import code_texts

    def run(text: str, published=None):
        return code_texts([text], published)[0]
    return run


@pytest.fixture(scope="session")
def sample_doc(sample_text):
    from eventwire.pipeline import code_texts
    return code_texts([sample_text], "2021-08-10")[0]


@pytest.fixture(scope="session")
def sample_doc_undated(sample_text):
    from eventwire.pipeline import code_texts
    return code_texts([sample_text], None)[0]
