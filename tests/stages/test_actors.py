"""Mentions the actors stage finds and what they resolve to, on sentences of our own."""


def _resolved(doc):
    return {doc.text[m.start:m.end]: (m.actor.country, m.actor.sector) for m in doc.mentions}


def test_a_population_takes_the_country_of_where_it_is(code):
    got = _resolved(code("Soldiers fired on 300 villagers in northern Mali on Sunday."))
    assert ("MLI", "CVL") in got.values()
    # armed forces abroad keep their own country
    got = _resolved(code("Turkish troops in Syria shelled Kurdish positions near Kobani."))
    assert any(c == "TUR" and s == "MIL" for c, s in got.values())


def test_two_word_sector_nouns_and_the_roma(code):
    got = _resolved(code("A rights group said Roma families were evicted in Ostrava."))
    assert ("NGO" in {s for _, s in got.values()}) and "ITA" not in {c for c, _ in got.values()}
