"""The shipped knowledge files are well-formed: these are data, so their shape is tested."""
import re

import pycountry

from eventwire.knowledge import data_files, load_yaml
from eventwire.knowledge.actors import load_kb
from eventwire.knowledge.gazetteer import load_gazetteer
from eventwire.knowledge.lexicon import PLOVER_TYPES, load_lexicon

QID = re.compile(r"^Q\d+$")
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX", "IGO", None}


def test_lexicon_covers_all_types_widely():
    lex = load_lexicon()
    per_type = {t: 0 for t in PLOVER_TYPES}
    for table in (lex.verbs, lex.nouns):
        for triggers in table.values():
            for t in triggers:
                per_type[t.type] += 1
    assert lex.size() >= 2500
    assert all(n >= 100 for n in per_type.values()), per_type
    assert {"say", "tell", "announce"} <= lex.reporting_verbs
    assert {"hold", "launch", "impose"} <= lex.light_verbs


def test_every_family_says_why_and_has_a_cameo_code():
    for rel in data_files("events"):
        data = load_yaml(rel)
        if isinstance(data, dict):
            continue
        for fam in data:
            assert fam["type"] in PLOVER_TYPES, fam["family"]
            assert fam.get("why"), fam["family"]
            assert re.fullmatch(r"\d{2,4}", str(fam["cameo"])), fam["family"]
            assert fam.get("verbs") or fam.get("nouns"), fam["family"]


def test_actor_entries_have_valid_codes_and_qids():
    kb = load_kb()
    assert len(kb.entries) > 1500
    sectors = set(kb.sector_labels)
    for e in kb.entries:
        assert e.country in ISO3, (e.name, e.country)
        assert e.qid is None or QID.match(e.qid), (e.name, e.qid)
        assert e.sector is None or e.sector in sectors, (e.name, e.sector)
        for r in e.roles:
            assert r.start is None or r.end is None or r.start <= r.end, (e.name, r)


def test_no_qid_names_two_entries():
    seen = {}
    for e in load_kb().entries:
        if e.qid:
            assert seen.setdefault(e.qid, e.name) == e.name, (e.qid, seen[e.qid], e.name)


def test_gazetteer_layers_loaded():
    gz = load_gazetteer()
    kinds = {e.feature for values in gz.index._items.values() for _, _, e in values}
    assert {"country", "city", "state", "region", "border", "water", "admin1"} <= kinds
    for e in gz.lookup("Afghan border"):
        assert e.country == "AFG"


def test_built_indexes_are_cached_between_processes(tmp_path, monkeypatch):
    from eventwire.knowledge import cached_build
    calls = []

    def build():
        calls.append(1)
        return {"built": len(calls)}
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    assert cached_build("probe", build) == {"built": 1}
    assert cached_build("probe", build) == {"built": 1} and len(calls) == 1   # second time from disk
    assert len(list(tmp_path.glob("probe-*.pickle"))) == 1
    monkeypatch.setenv("EVENTWIRE_CACHE", "off")
    assert cached_build("probe", build) == {"built": 2}


def test_no_trigger_is_listed_twice():
    seen = {}
    for rel in data_files("events"):
        data = load_yaml(rel)
        if isinstance(data, dict):
            continue
        for fam in data:
            for kind in ("verbs", "nouns"):
                for trig in fam.get(kind) or []:
                    assert (kind, trig) not in seen, (trig, seen.get((kind, trig)), fam["family"])
                    seen[(kind, trig)] = fam["family"]
