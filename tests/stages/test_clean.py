"""Cleaning keeps offsets and removes boilerplate from several outlets' habits."""
import json

import pytest

from eventwire.stages.clean import find_boilerplate, mask
from eventwire.stages.ingest import read_inputs
from eventwire.types import Document

from ..conftest import DATA

ARTICLES = sorted(p for p in (DATA / "articles").iterdir() if p.suffix == ".txt")


def _lines_removed(text: str) -> str:
    return mask(text, find_boilerplate(text))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_articles_boilerplate_removed_story_kept(path):
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    masked = _lines_removed(text)
    assert len(masked) == len(text)
    for b in expected["boilerplate"]:
        i = text.index(b)
        assert masked[i:i + len(b)].strip() == "", f"kept boilerplate: {b!r}"
    for s in expected["story_must_keep"]:
        i = text.index(s)
        assert masked[i:i + len(s)] == s, f"removed story text: {s!r}"


def test_segments_are_offsets_into_original(sample_text):
    segs = find_boilerplate(sample_text)
    assert {s.reason for s in segs} == {"related_link", "url", "credit", "disclaimer"}
    for s in segs:
        assert sample_text[s.start:s.end] == s.text
    masked = mask(sample_text, segs)
    assert "Related article" not in masked and "tass.ru" not in masked
    assert "AFP contributed" not in masked and "banned in Russia" not in masked
    assert "Shoigu said at a youth forum" in masked


def test_inline_url_removed_but_sentence_kept():
    text = "Officials said (see https://gov.example/report.pdf) that talks would resume."
    masked = _lines_removed(text)
    assert "https" not in masked and masked.startswith("Officials said (see") and len(masked) == len(text)


def test_story_sentences_mentioning_agencies_are_not_credits():
    text = ("Reuters reported that the army had shelled the town.\n\n"
            "The ministry said the photo was fake.")
    assert find_boilerplate(text) == []


@pytest.mark.parametrize("path", sorted((DATA / "articles").glob("*.html")), ids=lambda p: p.stem)
def test_html_articles_story_kept(path):
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    docs = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    assert docs, "html page produced no document"
    text = docs[0].text
    masked = _lines_removed(text)
    kept = sum(1 for s in expected["story_must_keep"] if s in masked)
    assert kept >= 0.8 * len(expected["story_must_keep"])
    for b in expected["boilerplate"]:
        assert b not in masked
