"""Cleaning: find boilerplate (links, related-article lines, credits, legal disclaimers, captions,
bylines, promos) and blank it out without moving any character.

``Document.masked`` keeps the original length: removed characters become spaces (newlines stay),
so offsets computed on it are offsets into the original text. Each removed piece is kept as a
``Segment`` with its reason.
"""
from __future__ import annotations

import re

from ..types import Document, Segment
from . import register

_AGENCIES = r"(?:AFP|Reuters|AP|The Associated Press|Associated Press|Bloomberg|Interfax|TASS|RIA Novosti|Xinhua|DPA|dpa|ANSA|EFE|Kyodo|Yonhap|Anadolu|UPI|PTI|ANI|IANS|CNN|BBC)"

# Whole-paragraph or whole-line patterns; the first match decides the reason.
_BLOCK_RULES: list[tuple[str, re.Pattern]] = [
    ("url", re.compile(r"^\s*(?:(?:https?://|www\.)\S+\s*)+$", re.I)),
    ("related_link", re.compile(r"^\s*(?:related(?:\s+[\w-]+){0,2}|read more|read also|also read|"
                                r"see also|more on this|recommended|watch|listen|more from|you may also like|don't miss|"
                                r"keep reading|end of list|list \d+ of \d+|list of \d+ items)"
                                r"\s*(?::|»|>>|-|–|—|\||$)", re.I)),
    ("related_link", re.compile(r"^\s*READ(?: MORE| ALSO)?\b.*$")),
    ("credit", re.compile(rf"^\s*\(?\s*(?:{_AGENCIES}(?:\s*(?:,|and)\s*{_AGENCIES})*|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){{0,3}})\s+"
                          r"contributed\b.{0,80}$", re.I)),
    ("credit", re.compile(r"\bcontributed (?:to this (?:report|story|article)|reporting)\b", re.I)),
    ("credit", re.compile(r"^\s*\(?\s*(?:with inputs from|source:|sources?:\s+\w+ and news agencies|"
                          r"(?:compiled|written) (?:from|with) (?:wire|agency) reports)", re.I)),
    ("credit", re.compile(r"^\s*\(?\s*(?:additional |writing and )?(?:reporting|writing|editing|compiled|produced|translated|"
                          r"research|graphics)(?: and \w+)? by\b.{0,300}$", re.I)),
    ("disclaimer", re.compile(r"\b(?:is|are|was|were)\s+(?:a |an )?(?:recogni[sz]ed as |designated (?:as )?)?(?:a |an )?"
                              r"(?:terrorist|extremist|undesirable)(?: and extremist| and terrorist)?"
                              r"(?: organi[sz]ation| group| movement)?s?.{0,40}?\b(?:banned|outlawed|prohibited|"
                              r"liquidated)\s+in\s+(?:Russia|the Russian Federation)", re.I)),
    ("disclaimer", re.compile(r"\bdesignated (?:as )?a (?:\"?foreign agent\"?)", re.I)),
    ("disclaimer", re.compile(r"^\s*\(?\s*(?:disclaimer:|this (?:story|article|report) has not been edited|"
                              r"(?:this|the) (?:content|story) (?:is|was) auto-generated|"
                              r"views expressed (?:here |in this \w+ )?are)", re.I)),
    ("disclaimer", re.compile(r"auto-generated from a syndicated feed|^\s*our standards:", re.I)),
    ("caption", re.compile(r"^\s*(?:photo|image|picture|file photo|video|credit|illustration)\s*(?::|/|\|)", re.I)),
    ("caption", re.compile(r"\((?:AP|AFP|Reuters|EPA|Getty)(?: Photo)?/[^)]*\)\s*$", re.I)),
    ("caption", re.compile(r"^.{0,200}(?:/\s*(?:AFP|Reuters|EPA|AP|Getty Images|Anadolu)|Getty Images|via Reuters)\s*\)?\s*$")),
    ("byline", re.compile(r"^\s*By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
                          r"(?:\s*(?:,|\|)?\s*(?:Associated Press|Reuters|AFP|Staff Writer|Correspondent|[A-Z][\w ]{0,30}(?:Writer|Editor|Reporter)))?\s*$")),
    ("copyright", re.compile(r"^\s*(?:©|\(c\)|copyright\b).{0,200}$|all rights reserved|"
                             r"^\s*when (?:citing|quoting) (?:and using )?(?:any )?materials", re.I)),
    ("metadata", re.compile(r"^\s*(?:[A-Z]{2,6}\s*\|\s*)?(?:updated|published|last updated|posted)\s*(?:on|:)\s*\S.{0,60}$", re.I)),
    ("metadata", re.compile(r"^\s*(?:topics|tags|filed under|categories)\s*:", re.I)),
    ("metadata", re.compile(r"^\s*(?:press release|for immediate release|news release|ends|-30-|#{3,}|\*{3,})\s*$", re.I)),
    ("metadata", re.compile(r"^\s*(?:media|press) contacts?\s*:", re.I)),
    ("metadata", re.compile(r"^\s*(?:[A-Z][\w&]+ ){0,3}(?i:news)\s*$")),
    ("metadata", re.compile(r"^\s*(?:[A-Z][\w&]+ ){0,3}(?:Media Group|Newspapers|Publications|Media Ltd\.?|Limited)\s*$")),
    ("promo", re.compile(r"^\s*(?:follow us|follow (?:\w+ ){0,3}on (?:twitter|x|facebook|telegram|instagram)|"
                         r"follow [\w' ]{1,40}(?::|coverage\b)|listen to this (?:article|story)|catch (?:all )?the latest|"
                         r"if you (?:notice|spot|find) an? (?:error|mistake|typo)|"
                         r"subscribe\b|sign up\b|click here|share this|join (?:us|our)|"
                         r"get (?:the|our) (?:latest|newsletter)|download (?:our|the) app|advertisement\s*$)", re.I)),
]
# Pieces removed inside an otherwise kept line.
_INLINE_RULES: list[tuple[str, re.Pattern]] = [
    ("url", re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+")),
]
_WHOLE_SENTENCES = re.compile(r"^\s*[(\[A-Z\"“].*[.)\]\"”]\s*$")
_LIST_START = re.compile(r"^\s*(?:keep reading|list \d+ of \d+|list of \d+ items)\s*$", re.I)
_LIST_END = re.compile(r"^\s*end of list\s*$", re.I)
_MAX_BLOCK = {"credit": 400, "caption": 300, "byline": 120, "related_link": 400, "promo": 300,
              "copyright": 300, "disclaimer": 400, "url": 100000, "metadata": 200}


def _paragraphs(text: str):
    """Yield (start, end) of paragraphs separated by blank lines."""
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t\r]*\n))+", text):
        if m.group().strip():
            yield m.start(), m.end()


def _lines(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def _classify(chunk: str) -> str | None:
    stripped = chunk.strip()
    for reason, pattern in _BLOCK_RULES:
        if len(stripped) <= _MAX_BLOCK[reason] and pattern.search(stripped):
            return reason
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _ListBlock:
    """Tracks a "Keep reading / list 1 of 3 … end of list" block: every line in it is a related link."""

    def __init__(self) -> None:
        self.left = 0

    def reason(self, chunk: str, reason: str | None) -> str | None:
        if self.left and _LIST_END.match(chunk):
            self.left = 0
            return "related_link"
        if reason == "related_link" and _LIST_START.match(chunk):
            self.left = 12
        elif self.left:
            self.left -= 1
            return reason or "related_link"
        return reason


def find_boilerplate(text: str) -> list[Segment]:
    """Segments of ``text`` that are not part of the story, with reasons, in order."""
    segments: list[Segment] = []
    block = _ListBlock()

    def add(start: int, end: int, reason: str) -> None:
        start, end = _trim(text, start, end)
        if end > start:
            segments.append(Segment(start, end, reason, text[start:end]))

    for p_start, p_end in _paragraphs(text):
        chunk = text[p_start:p_end].replace("\n", " ").strip()
        reason = block.reason(chunk, _classify(chunk))
        if reason:
            add(p_start, p_end, reason)
            continue
        for l_start, l_end in _lines(text, p_start, p_end):
            line = text[l_start:l_end]
            reason = _classify(line)
            # Inside a running paragraph, a disclaimer must be whole sentences to go.
            if reason == "disclaimer" and not _WHOLE_SENTENCES.match(line):
                reason = None
            reason = block.reason(line.strip(), reason)
            if reason:
                add(l_start, l_end, reason)
                continue
            for inline_reason, pattern in _INLINE_RULES:
                for m in pattern.finditer(line):
                    add(l_start + m.start(), l_start + m.end(), inline_reason)
    segments.sort(key=lambda s: s.start)
    return segments


def mask(text: str, segments: list[Segment]) -> str:
    """Blank removed segments (keeping newlines) so offsets stay valid."""
    chars = list(text)
    for seg in segments:
        for i in range(seg.start, seg.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def clean_document(doc: Document) -> Document:
    doc.removed = find_boilerplate(doc.text)
    doc.masked = mask(doc.text, doc.removed)
    return doc


@register("clean")
def make_clean(config=None):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            clean_document(doc)
    return run
