"""Dates: resolve temporal expressions against the publication date, and date each event.

The rules that pick the reference point are ours (weekday → most recent on/before publication for
past tense, next after it for future; "in the past week" → a range ending at publication; "two
decades ago" → a year). With no publication date nothing relative resolves; explicit dates still
do. World-knowledge dates, anaphora and durations are never guessed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from ..stages.ingest import parse_published
from ..types import Document, EventDate
from . import register
from .nlp import trigger_root

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
       "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
       "thirty": 30, "a couple of": 2, "a few": None, "several": None}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_NUMW = r"(?P<n>\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_UNIT = r"(?P<unit>hours?|days?|weeks?|months?|years?|decades?)"
UNRESOLVABLE = re.compile(
    r"\b(christmas|easter|ramadan|eid|new year|independence day|thanksgiving|election|holiday|summit|"
    r"that (day|week|month|year|time|morning|night|evening)|the (day|week|month|year|night) (before|after)|"
    r"the (next|following|previous) (day|week|month|morning|year)|at the time|earlier that|later that|"
    r"same day|the time|for \w+|\b\d+\s+(?:hours?|days?|weeks?)\s+of\b)", re.I)
RULES: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(?P<y>\d{{4}})\b", re.I)),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<y>\d{{4}})\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>\d{3})0s\b", re.I)),
    ("md", re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)),
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b", re.I)),
    ("year", re.compile(r"^(?:in\s+|during\s+|since\s+)?(?P<y>(?:19|20)\d\d)$", re.I)),
    ("ago", re.compile(rf"\b{_NUMW}\s+{_UNIT}\s+ago\b", re.I)),
    ("past", re.compile(rf"\b(?:in|over|during|within|for)?\s*the\s+(?:past|last)\s+(?:{_NUMW}\s+)?{_UNIT}", re.I)),
    ("deictic", re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|"
                           r"last night|earlier today|later today)\b", re.I)),
    ("calendar", re.compile(r"\b(?P<rel>last|this|next|past|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|next|this|on|coming)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|"
                           r"friday|saturday|sunday)\b", re.I)),
    ("month", re.compile(rf"^(?:(?P<rel>in|last|next|this|early|late|mid|since|during|until|by)\s+(?:-\s*)?)?{_MON}$", re.I)),
]


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _shift_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _out(kind: str, value: dt.date, gran: str, basis: str, start: dt.date | None = None,
         end: dt.date | None = None) -> EventDate:
    if kind == "exact":
        start = end = value
    return EventDate(value.isoformat(), start.isoformat() if start else None, end.isoformat() if end else None,
                     gran, kind, True, basis)


def _unresolved(basis: str) -> EventDate:
    return EventDate(basis=basis)


def _pick_year(month: int, day: int | None, pub: dt.date, future: bool) -> int:
    y = pub.year
    cand = dt.date(y, month, day or 1)
    probe = pub if day else pub.replace(day=1)
    if future and cand < probe:
        return y + 1
    if not future and cand > probe:
        return y - 1
    return y


def _count(n: str | None) -> int | None:
    if n is None:
        return 1
    n = n.lower()
    return int(n) if n.isdigit() else NUM.get(n)


def resolve_date(text: str, published=None, tense: str = "past") -> EventDate:
    """Resolve one temporal expression. ``published`` may be a date, an ISO string, or junk."""
    pub = parse_published(published)
    future = tense == "future"
    t = " ".join(text.strip().split())
    if not t:
        return _unresolved("empty expression")
    if UNRESOLVABLE.search(t):
        return _unresolved("needs world knowledge, an antecedent, or is a duration: not guessed")
    for name, rx in RULES:
        m = rx.search(t)
        if not m:
            continue
        g = m.groupdict()
        if name in ("iso", "mdy", "dmy"):
            mon = int(g["m"]) if name == "iso" else MONTHS[g["mon"].lower().rstrip(".")]
            try:
                return _out("exact", dt.date(int(g["y"]), mon, int(g["d"])), "day", "explicit date")
            except ValueError:
                return _unresolved("invalid calendar date")
        if name == "my":
            s, e = _month_range(int(g["y"]), MONTHS[g["mon"].lower().rstrip(".")])
            return _out("range", s, "month", "explicit month", s, e)
        if name == "year":
            y = int(g["y"])
            return _out("range", dt.date(y, 1, 1), "year", "explicit year", dt.date(y, 1, 1), dt.date(y, 12, 31))
        if name == "decade":
            y = int(g["y"]) * 10
            return _out("range", dt.date(y, 1, 1), "decade", "explicit decade", dt.date(y, 1, 1), dt.date(y + 9, 12, 31))
        if pub is None:
            return _unresolved("relative expression and no publication date")
        try:
            return _relative(name, g, pub, future)
        except (OverflowError, ValueError):
            return _unresolved("date out of range")
    return _unresolved("not a recognised date expression")


def _relative(name: str, g: dict, pub: dt.date, future: bool) -> EventDate:
    basis = f"relative to publication {pub.isoformat()}"
    if name in ("md", "dm"):
        mon, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
        try:
            return _out("exact", dt.date(_pick_year(mon, day, pub, future), mon, day), "day", basis)
        except ValueError:
            return _unresolved("invalid calendar date")
    if name == "month":
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        rel = (g.get("rel") or "").lower()
        fut = future or rel == "next"
        y = _pick_year(mon, None, pub, fut)
        if rel == "last" and y == pub.year and mon >= pub.month:
            y -= 1
        s, e = _month_range(y, mon)
        return _out("range", s, "month", basis, s, e)
    if name == "deictic":
        w = g["w"].lower()
        delta = -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
        return _out("exact", pub + dt.timedelta(days=delta), "day", basis)
    if name == "weekday":
        wd, rel = WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower()
        if rel == "next" or (future and rel != "last"):
            days = (wd - pub.weekday()) % 7 or 7
            return _out("exact", pub + dt.timedelta(days=days), "day", basis)
        days = (pub.weekday() - wd) % 7
        if rel == "last" and days == 0:
            days = 7
        return _out("exact", pub - dt.timedelta(days=days), "day", basis)
    if name == "calendar":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = -1 if rel in ("last", "past") else 1 if rel in ("next", "coming") else 0
        if unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
            return _out("range", monday, "week", basis, monday, monday + dt.timedelta(days=6))
        if unit == "month":
            first = _shift_months(pub.replace(day=1), step)
            s, e = _month_range(first.year, first.month)
            return _out("range", s, "month", basis, s, e)
        y = pub.year + step
        return _out("range", dt.date(y, 1, 1), "year", basis, dt.date(y, 1, 1), dt.date(y, 12, 31))
    n, unit = _count(g.get("n")), g["unit"].lower().rstrip("s")
    if n is None:
        return _unresolved("vague quantity")
    if name == "past":
        if unit == "hour":
            start, gran = pub - dt.timedelta(days=max(1, n // 24)), "day"
        elif unit == "day":
            start, gran = pub - dt.timedelta(days=n), "day"
        elif unit == "week":
            start, gran = pub - dt.timedelta(weeks=n), "week"
        elif unit == "month":
            start, gran = _shift_months(pub, -n), "month"
        else:
            start, gran = pub.replace(year=pub.year - n * (10 if unit == "decade" else 1)), "year"
        return _out("range", start, gran, basis, start, pub)
    # "N units ago"
    if unit in ("hour", "day"):
        return _out("approximate", pub - dt.timedelta(days=n if unit == "day" else n // 24), "day", basis)
    if unit == "week":
        return _out("approximate", pub - dt.timedelta(weeks=n), "week", basis)
    if unit == "month":
        return _out("approximate", _shift_months(pub.replace(day=1), -n), "month", basis)
    years = n * (10 if unit == "decade" else 1)
    return _out("approximate", dt.date(pub.year - years, 1, 1), "year", basis)


def _tense(ev) -> str:
    return "future" if ev.modality in ("future", "intended") else "past"


_FAR = 99
_CLAUSE_BREAK = {"relcl", "acl", "csubj"}


def _own_clause_conj(tok) -> bool:
    """A coordinated clause with its own subject ("…, and officials said …") does not share dates."""
    return tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def clause_distance(trigger, date_root) -> int:
    """Dependency distance from the trigger to a date, or _FAR when the path leaves the clause
    through a relative clause ("the region which … two decades ago" does not date the main verb)."""
    up = {a.i: k for k, a in enumerate([trigger, *trigger.ancestors])}
    path_from_trigger = [trigger, *trigger.ancestors]
    for k, a in enumerate([date_root, *date_root.ancestors]):
        if a.i in up:
            below_date = [date_root, *date_root.ancestors][:k]
            below_trigger = path_from_trigger[:up[a.i]]
            if any(t.dep_ in _CLAUSE_BREAK or _own_clause_conj(t) for t in below_date + below_trigger):
                return _FAR
            if any(t.pos_ in ("NOUN", "PROPN") for t in below_date[1:] if t.i != trigger.i):
                return _FAR     # "the 1989 crackdown": the date describes a noun, not this event
            return k + up[a.i]
    return _FAR


def date_event(ev, sdoc, published) -> EventDate:
    """The date of an event: the temporal expression nearest its trigger in the parse."""
    root = trigger_root(sdoc, ev)
    if root is None:
        return _unresolved("trigger not found")
    sent = root.sent
    ents = [e for e in sdoc.ents if e.label_ in ("DATE", "TIME") and e.start >= sent.start and e.end <= sent.end]
    if not ents:
        if published is None:
            return _unresolved("no temporal expression and no publication date")
        return EventDate(end=published.isoformat(), basis="no temporal expression: on or before publication")

    best = min(ents, key=lambda ent: clause_distance(root, ent.root))
    if clause_distance(root, best.root) >= _FAR:
        if published is None:
            return _unresolved("no temporal expression in the event's clause and no publication date")
        return EventDate(end=published.isoformat(), basis="no temporal expression in the event's clause: on or before publication")
    out = resolve_date(best.text, published, _tense(ev))
    out.text, out.span = best.text, (best.start_char, best.end_char)
    return out


def _long_before(d: EventDate, published: dt.date | None) -> bool:
    """An event dated more than a year before the article ("two decades ago", "in 1989") is history."""
    if not d.resolved:
        return False
    last = dt.date.fromisoformat(d.end or d.value)
    if d.type == "approximate" and d.granularity in ("year", "decade"):
        return True
    return published is not None and (published - last).days > 366


@register("dates")
def make_dates(config=None):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            for ev in doc.events:
                ev.date = date_event(ev, doc.spacy_doc, doc.published)
                if ev.modality == "asserted" and _long_before(ev.date, doc.published):
                    ev.modality = "historical"
    return run
