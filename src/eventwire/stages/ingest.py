"""Ingest: turn files, directories, JSONL records or stdin into Documents.

Bad inputs become ``Skip`` records with a reason; they never stop the batch.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..types import Document, Skip

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_JUNK_DATES = {"", "nan", "nat", "none", "null", "n/a", "na"}
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^\d])")
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'-]{1,40},\s+(?:\w+\s+)?"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})")


def content_id(text: str) -> str:
    """Stable id from content: the same text always gets the same id."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def parse_published(value) -> dt.date | None:
    """A publication date from metadata, or None for missing/junk values ("", "nan", "NaT", …)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if s.lower() in _JUNK_DATES:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def date_from_url(url: str | None) -> dt.date | None:
    """The article's own URL often carries its date (/2021/08/10/)."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def date_from_dateline(text: str) -> dt.date | None:
    """A dateline with a full date ("MOSCOW, Aug. 10, 2021 —") in the first lines."""
    from dateparser import parse as dp_parse  # imported lazily: dateparser is slow to import
    for line in text.strip().splitlines()[:3]:
        m = _DATELINE.match(line)
        if m:
            parsed = dp_parse(m.group("date"), languages=["en"], settings={"STRICT_PARSING": True})
            if parsed:
                return parsed.date()
    return None


def _decode(raw: bytes, path: str) -> str:
    if not raw.strip():
        raise InputError("empty file")
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from None


def _finish(doc: Document, default_published: dt.date | None) -> Document:
    """Fill the publication date from the inputs' own cues, then the user's default."""
    if doc.published is None:
        for basis, value in (("url", date_from_url(doc.url)), ("dateline", date_from_dateline(doc.text))):
            if value:
                doc.published, doc.published_basis = value, basis
                break
    if doc.published is None and default_published is not None:
        doc.published, doc.published_basis = default_published, "--published"
    return doc


def _from_text(text: str, path: str, doc_id: str | None) -> Document:
    if not text.strip():
        raise InputError("empty text")
    return Document(id=doc_id or content_id(text), text=text, path=path)


def _from_html(html: str, path: str, doc_id: str | None) -> Document:
    import trafilatura
    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False)
    if result is None:
        raise InputError("no main text found in HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("no main text found in HTML")
    doc = Document(id=doc_id or content_id(text), text=text, title=data.get("title"),
                   url=data.get("url"), source=data.get("sitename"), path=path)
    doc.published = parse_published(data.get("date"))
    if doc.published:
        doc.published_basis = "html metadata"
    return doc


def _present(value):
    """None for missing values, including the NaN that dataframes use for them."""
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return None
    return value


def _from_record(rec: dict, where: str) -> Document:
    if not isinstance(rec, dict):
        raise InputError("record is not a JSON object")
    rec = {k: _present(v) for k, v in rec.items()}
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no 'text'")
    doc = Document(id=str(rec["id"]) if rec.get("id") is not None else content_id(text),
                   text=text, title=rec.get("title"), url=rec.get("url"),
                   source=rec.get("source"), path=where)
    doc.published = parse_published(rec.get("published"))
    if doc.published:
        doc.published_basis = "record"
    return doc


def _iter_jsonl(lines: Iterable[str], path: str) -> Iterator[Document | Skip]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            yield _from_record(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield Skip(where, f"invalid JSON: {exc.msg}")
        except InputError as exc:
            yield Skip(where, str(exc))


def _iter_file(path: Path) -> Iterator[Document | Skip]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Skip(str(path), f"unsupported file type {suffix or '(none)'}")
        return
    try:
        text = _decode(path.read_bytes(), str(path))
    except (InputError, OSError) as exc:
        yield Skip(str(path), str(exc))
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _iter_jsonl(text.splitlines(), str(path))
        elif suffix in HTML_SUFFIXES:
            yield _from_html(text, str(path), path.stem)
        else:
            yield _from_text(text, str(path), path.stem)
    except InputError as exc:
        yield Skip(str(path), str(exc))


def _iter_stdin() -> Iterator[Document | Skip]:
    raw = sys.stdin.buffer.read()
    try:
        text = _decode(raw, "-")
    except InputError as exc:
        yield Skip("-", str(exc))
        return
    if text.lstrip().startswith("{"):
        yield from _iter_jsonl(text.splitlines(), "-")
    elif text.lstrip().lower().startswith(("<!doctype", "<html")):
        try:
            yield _from_html(text, "-", None)
        except InputError as exc:
            yield Skip("-", str(exc))
    else:
        yield _from_text(text, "-", None)


def read_inputs(paths: Iterable[str], default_published: dt.date | None = None) -> Iterator[Document | Skip]:
    """Yield a Document per article (or a Skip with its reason) from files, directories, or '-'."""
    for p in paths:
        if p == "-":
            items = _iter_stdin()
        else:
            path = Path(p)
            if path.is_dir():
                items = (item for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith(".")
                         for item in _iter_file(f))
            elif path.exists():
                items = _iter_file(path)
            else:
                items = iter([Skip(p, "no such file or directory")])
        for item in items:
            yield item if isinstance(item, Skip) else _finish(item, default_published)


def documents_from_records(records: Iterable[dict], default_published: dt.date | None = None) -> Iterator[Document | Skip]:
    """Same as read_inputs for in-memory records (Python API, Ray batches)."""
    for n, rec in enumerate(records):
        try:
            yield _finish(_from_record(rec, f"record:{n}"), default_published)
        except InputError as exc:
            yield Skip(f"record:{n}", str(exc))
