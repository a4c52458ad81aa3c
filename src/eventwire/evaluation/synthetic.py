"""A synthetic news corpus with known duplicates, for tests and benchmarks.

Articles are assembled from sentence templates written for this purpose: a pool of "true" events
(type, actors, place, day) is reported by several articles in different wordings, and some articles
are wire reprints of others (new headline, byline, a dropped sentence). Each record carries its
truth: the reprint cluster and the character span of every event sentence with its true event id,
so near-duplicate and event de-duplication can be scored as pair precision/recall.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

# (country name, demonym, a city) — places the gazetteer knows.
COUNTRIES = [
    ("Russia", "Russian", "Belgorod"), ("Ukraine", "Ukrainian", "Kharkiv"), ("Israel", "Israeli", "Haifa"),
    ("Lebanon", "Lebanese", "Tyre"), ("Sudan", "Sudanese", "Omdurman"), ("Ethiopia", "Ethiopian", "Mekele"),
    ("Nigeria", "Nigerian", "Maiduguri"), ("Mali", "Malian", "Gao"), ("Pakistan", "Pakistani", "Peshawar"),
    ("Afghanistan", "Afghan", "Kandahar"), ("India", "Indian", "Srinagar"), ("China", "Chinese", "Xiamen"),
    ("Turkey", "Turkish", "Diyarbakir"), ("Syria", "Syrian", "Aleppo"), ("Iraq", "Iraqi", "Mosul"),
    ("Iran", "Iranian", "Ahvaz"), ("Yemen", "Yemeni", "Taiz"), ("Somalia", "Somali", "Kismayo"),
    ("Colombia", "Colombian", "Cali"), ("Venezuela", "Venezuelan", "Maracaibo"), ("Kenya", "Kenyan", "Mombasa"),
    ("Myanmar", "Burmese", "Mandalay"), ("Armenia", "Armenian", "Gyumri"), ("Azerbaijan", "Azerbaijani", "Ganja"),
]
# Several wordings per event type; {S}/{T} country names, {SD}/{TD} demonyms, {C} a city of T, {D} a weekday.
TEMPLATES = {
    "ASSAULT": ["{SD} forces shelled {C} in {T} on {D}, killing at least {N} civilians.",
                "{SD} troops attacked {TD} positions near {C} on {D}, officials said.",
                "At least {N} people were killed when {SD} aircraft struck {C} on {D}."],
    "PROTEST": ["Thousands of {TD} protesters demonstrated in {C} on {D} against the {SD} embassy.",
                "Hundreds of people rallied outside the {SD} embassy in {C} on {D}."],
    "SANCTION": ["{S} imposed sanctions on {TD} officials on {D}.",
                 "{S} announced fresh sanctions against {T} on {D}, targeting its banks."],
    "CONSULT": ["{SD} and {TD} foreign ministers held talks in {C} on {D}.",
                "The {SD} foreign minister met his {TD} counterpart in {C} on {D}."],
    "COERCE": ["{TD} police arrested {N} {SD} nationals in {C} on {D}.",
               "Authorities in {T} detained {N} {SD} citizens in {C} on {D}."],
    "ACCUSE": ["{S} accused {T} of violating the ceasefire on {D}.",
               "{S} condemned {T} on {D} over the attack near {C}."],
    "AID": ["{S} sent {N} tonnes of humanitarian aid to {T} on {D}.",
            "{S} delivered food and medicine to {C} in {T} on {D}."],
    "MOBILIZE": ["{S} deployed thousands of troops near {C} on {D}.",
                 "{SD} forces massed near the border with {T} on {D}."],
}
FILLER = ["The region has seen repeated unrest in recent years.", "Analysts said the situation remained fragile.",
          "Officials did not give further details.", "The report could not be independently verified.",
          "Markets in the capital were calm on the day.", "Residents described long queues for fuel and bread.",
          "Prices of staple goods have risen by {N} percent since the start of the year.",
          "The government is due to present its budget in {M}.", "Schools in the area reopened after a {N}-day closure.",
          "A local journalist said phone lines were cut for {N} hours.", "The opposition plans a congress in {M}.",
          "Power outages have lasted up to {N} hours a day.", "Aid groups estimate {N} thousand people are displaced.",
          "The central bank left interest rates unchanged at {N} percent.", "Flights resumed at the main airport.",
          "Farmers warned that the harvest could be {N} percent smaller.", "A curfew imposed in {M} remains in force.",
          "Parliament is expected to debate the issue in {M}.", "Rain disrupted road traffic in the north.",
          "The currency fell {N} percent against the dollar this month."]
MONTHS = ["January", "March", "April", "June", "September", "October", "December"]
BOILER = ["Related article: Regional tensions rise ahead of summit", "Reuters contributed to this report.",
          "https://news.example.com/live-updates", "Follow us on Twitter for the latest updates."]
OUTLETS = ["Wire One", "Daily Ledger", "Global Post", "Evening Star", "Metro Times", "Coastal Herald"]


@dataclass(slots=True)
class TrueEvent:
    id: str
    type: str
    s: tuple
    t: tuple
    day: dt.date
    n: int


def _render(ev: TrueEvent, rng: random.Random) -> str:
    tpl = rng.choice(TEMPLATES[ev.type])
    return tpl.format(S=ev.s[0], SD=ev.s[1], T=ev.t[0], TD=ev.t[1], C=ev.t[2], D=ev.day.strftime("%A"), N=ev.n)


def generate(n_docs: int, seed: int = 7, reprint_rate: float = 0.15, start: dt.date = dt.date(2023, 1, 2)) -> list[dict]:
    rng = random.Random(seed)
    n_events = max(3, n_docs // 2)
    pool = []
    for i in range(n_events):
        s, t = rng.sample(COUNTRIES, 2)
        pool.append(TrueEvent(f"te{i}", rng.choice(list(TEMPLATES)), s, t, start + dt.timedelta(days=rng.randrange(360)),
                              rng.randrange(3, 40)))
    weights = [1.0 / (1 + i) ** 0.6 for i in range(n_events)]   # some events are reported far more often
    docs: list[dict] = []
    for i in range(n_docs):
        if docs and rng.random() < reprint_rate:
            docs.append(_reprint(rng.choice(docs), i, rng))
            continue
        first = rng.choices(pool, weights=weights, k=1)[0]
        # Other events of the same week, so weekday names resolve against the publication date.
        near = [e for e in pool if e is not first and 0 <= (first.day - e.day).days <= 4]
        events = [first] + rng.sample(near, min(len(near), rng.randint(0, 2)))
        pub = first.day + dt.timedelta(days=rng.randint(0, 1))
        spans = []
        text = f"{events[0].s[1]} and {events[0].t[1]} tensions\n\n"
        for e in events:
            body = _render(e, rng)
            # weekday names resolve against publication: keep each event within the week before it
            spans.append({"start": len(text), "end": len(text) + len(body), "event": e.id})
            text += body + " " + " ".join(
                f.format(N=rng.randrange(2, 90), M=rng.choice(MONTHS)) for f in rng.sample(FILLER, rng.randint(2, 4))) + "\n\n"
        text += rng.choice(BOILER) + "\n"
        docs.append({"id": f"syn{i:06d}", "title": None, "published": pub.isoformat(),
                     "url": f"https://{rng.choice(OUTLETS).lower().replace(' ', '')}.example/{pub:%Y/%m/%d}/story-{i}",
                     "source": rng.choice(OUTLETS), "text": text,
                     "truth": {"cluster": f"syn{i:06d}", "events": spans}})
    return docs


def _reprint(orig: dict, i: int, rng: random.Random) -> dict:
    """A wire reprint: new headline, a byline, same body (events keep their truth spans)."""
    head, _, body = orig["text"].partition("\n\n")
    new_head = f"{head.upper()} — LATEST\n\nBy Staff Reporter\n\n"
    shift = len(new_head) - len(head) - 2
    spans = [dict(s, start=s["start"] + shift, end=s["end"] + shift) for s in orig["truth"]["events"]]
    return {"id": f"syn{i:06d}", "title": None, "published": orig["published"],
            "url": f"https://reprints.example/{i}", "source": rng.choice(OUTLETS),
            "text": new_head + body, "truth": {"cluster": orig["truth"]["cluster"], "events": spans}}


def write_corpus(path: Path, n_docs: int, seed: int = 7) -> int:
    docs = generate(n_docs, seed)
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d) + "\n")
    return len(docs)


def _pair_scores(pred: dict[str, str], truth: dict[str, str]) -> dict:
    """Pair precision/recall of a clustering (item → cluster) against the true clustering."""
    def pairs(assign):
        groups: dict[str, list[str]] = {}
        for item, c in assign.items():
            groups.setdefault(c, []).append(item)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}
    items = set(pred) & set(truth)
    p = pairs({k: pred[k] for k in items})
    t = pairs({k: truth[k] for k in items})
    tp = len(p & t)
    return {"precision": round(tp / len(p), 4) if p else 1.0, "recall": round(tp / len(t), 4) if t else 1.0,
            "pairs_predicted": len(p), "pairs_true": len(t)}


def score_dedup(con, corpus: Path) -> dict:
    """Near-duplicate and event de-duplication pair P/R of a store coded from a synthetic corpus."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    doc_truth = {r["id"]: r["truth"]["cluster"] for r in records}
    doc_pred = dict(con.execute("SELECT doc_id, cluster_id FROM documents").fetchall())
    spans = {r["id"]: r["truth"]["events"] for r in records}
    ev_truth, ev_pred = {}, {}
    for event_id, doc_id, start, canonical in con.execute(
            "SELECT e.event_id, e.doc_id, e.evidence_start, l.canonical_id FROM events e "
            "JOIN event_links l USING (event_id)").fetchall():
        true = next((s["event"] for s in spans.get(doc_id, ()) if s["start"] <= start < s["end"]), None)
        if true is not None:
            ev_truth[event_id], ev_pred[event_id] = true, canonical
    return {"documents": _pair_scores(doc_pred, doc_truth), "events": _pair_scores(ev_pred, ev_truth),
            "events_scored": len(ev_truth)}
