"""Resolving one actor at a time, as analysts debug codings."""
from eventwire.api import resolve_actor


def test_time_aware_office():
    a2021 = resolve_actor("Russia's defence minister", "2021-08-10")
    a2025 = resolve_actor("Russia's defence minister", "2025-03-01")
    assert a2021["name"] == "Sergei Shoigu" and a2021["qid"] == "Q312570"
    assert a2025["name"] != "Sergei Shoigu" and a2025["country"] == "RUS"
    undated = resolve_actor("Russia's defence minister")
    assert undated["name"] is None and "no date" in undated["basis"]


def test_group_status_changes_with_date():
    assert resolve_actor("the Taliban", "2020-02-29")["sector"] == "REB"
    assert resolve_actor("the Taliban", "2022-02-01")["sector"] == "GOV"


def test_spelling_variants_match_above_threshold_only():
    a = resolve_actor("Vladimir Poutine", "2019-01-01", "Vladimir Poutine met his French counterpart.")
    assert (a["name"], a["country"]) == ("Vladimir Putin", "RUS") and a["basis"].startswith("fuzzy")
    b = resolve_actor("John Smith", "2020-01-01", "John Smith said the talks had failed.")
    assert b["qid"] is None and b["country"] is None and "not in the knowledge base" in b["basis"]


def test_metonyms_and_nothing_for_non_actors():
    assert (resolve_actor("Washington", "2021-08-10")["country"], resolve_actor("the Pentagon")["sector"]) == ("USA", "MIL")
    cat = resolve_actor("a cat", None, "A cat slept on the steps of the ministry.")
    assert cat["country"] is None and cat["sector"] is None
