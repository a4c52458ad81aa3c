"""The specimen article from ../shared/samples, end to end (skips when ../shared is absent)."""


def _events(doc, etype):
    return [e for e in doc.events if e.event_type == etype]


def _countries(mentions):
    return {m.actor.country for m in mentions}


def test_joint_drills_russia_with_tajikistan_and_uzbekistan_dated_tuesday(sample_doc):
    # PLOVER manual: joint military operations are COOPERATE (single-country exercises MOBILIZE).
    drills = [e for e in _events(sample_doc, "COOPERATE") if {"RUS", "TJK", "UZB"} <= _countries(e.source) | _countries(e.target)]
    assert drills, [(e.event_type, e.trigger_text) for e in sample_doc.events]
    ev = drills[0]
    assert ev.date.value == "2021-08-10" and ev.date.resolved and ev.date.granularity == "day"
    assert ev.location is not None and ev.location.country in ("AFG", "TJK")


def test_taliban_capture_of_capitals_over_the_past_week(sample_doc):
    caps = [e for e in sample_doc.events if "captured" in e.trigger_text]
    assert caps and _countries(caps[0].source) == {"AFG"}
    assert caps[0].source[0].actor.name == "Taliban"
    d = caps[0].date
    assert (d.start, d.end, d.granularity) == ("2021-08-03", "2021-08-10", "week")


def test_us_led_withdrawal(sample_doc):
    wd = _events(sample_doc, "RETREAT")
    assert wd and "USA" in _countries(wd[0].source)
    assert wd[0].source[0].actor.sector == "MIL"


def test_nothing_coded_from_boilerplate(sample_doc):
    removed = [(s.start, s.end) for s in sample_doc.removed]
    assert len(removed) == 4
    for e in sample_doc.events:
        assert not any(s <= e.trigger[0] < t for s, t in removed)
        assert "Boost Tajikistan Army" not in e.evidence.sentence
        assert "banned in Russia" not in e.evidence.sentence


def test_evidence_offsets_point_into_original(sample_doc, sample_text):
    for e in sample_doc.events:
        assert sample_text[e.evidence.start:e.evidence.end] == e.evidence.sentence
        assert sample_text[e.trigger[0]:e.trigger[1]] == e.trigger_text


def test_actors_of_the_sample(sample_doc):
    by_text = {}
    for m in sample_doc.mentions:
        by_text.setdefault(sample_doc.text[m.start:m.end].replace("\n", " "), []).append(m.actor)
    shoigu = by_text["Russian Defense Minister Sergei Shoigu"][0]
    assert (shoigu.country, shoigu.sector, shoigu.qid) == ("RUS", "GOV", "Q312570")
    tass = by_text["the state-run TASS news agency"][0]
    assert (tass.country, tass.sector) == ("RUS", "MED")
    cmd = by_text["The Central Military District"][0]
    assert (cmd.country, cmd.sector) == ("RUS", "MIL")
    assert (by_text["U.S.-led forces"][0].country, by_text["U.S.-led forces"][0].sector) == ("USA", "MIL")
    assert by_text["the militant group"][0].name == "Taliban"
    assert {a.country for a in by_text["the three allies"]} == {"RUS", "TJK", "UZB"}
    assert by_text["Washington"][0].country == "USA"


def test_quote_credited_to_shoigu_via_tass(sample_doc):
    q = [q for q in sample_doc.quotes if "What’s important" in q.text]
    assert q and q[0].speaker.name == "Sergei Shoigu" and q[0].outlet == "TASS"


def test_ouster_two_decades_ago_is_historical_year(sample_doc):
    ousters = [e for e in sample_doc.events if "forced" in e.trigger_text]
    assert ousters
    d = ousters[0].date
    assert (d.value, d.granularity, d.type) == ("2001-01-01", "year", "approximate")
    assert ousters[0].modality == "historical"


def test_without_publication_date_nothing_relative_resolves(sample_doc_undated):
    assert sample_doc_undated.events
    for e in sample_doc_undated.events:
        assert not e.date.resolved and e.date.value is None
