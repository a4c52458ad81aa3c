"""Properties that hold for any input (hypothesis)."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.clean import find_boilerplate, mask
from eventwire.stages.dates import resolve_date
from eventwire.stages.nlp import nlp_text

lines = st.lists(st.one_of(
    st.text(min_size=0, max_size=80),
    st.sampled_from(["Related article: Troops advance", "https://example.org/a/b", "AFP contributed reporting.",
                     "The Taliban is a terrorist organization banned in Russia.", "By Jane Doe", "",
                     "Rebels attacked a convoy near Goma on Tuesday."])), max_size=12)


@settings(max_examples=150, deadline=None)
@given(lines)
def test_cleaning_never_moves_a_character(parts):
    text = "\n".join(parts)
    segments = find_boilerplate(text)
    masked = mask(text, segments)
    assert len(masked) == len(text) == len(nlp_text(masked))
    for s in segments:
        assert text[s.start:s.end] == s.text and s.start < s.end
    for i, (a, b) in enumerate(zip(text, masked)):
        assert a == b or b == " " or (a == "\n" and b == "\n"), i


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1)), st.text(max_size=12)),
       st.sampled_from(["past", "future"]))
def test_dates_never_raise_and_never_resolve_relative_without_a_date(text, published, tense):
    d = resolve_date(text, published, tense)
    if d.resolved:
        assert d.value is not None and d.granularity != "unknown"
    if published is None and d.resolved:
        assert d.basis.startswith("explicit")
