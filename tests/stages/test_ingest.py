import datetime as dt
import json

from eventwire.stages.ingest import content_id, date_from_url, parse_published, read_inputs
from eventwire.types import Document, Skip


def _read(paths, published=None):
    items = list(read_inputs([str(p) for p in paths], published))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skip)]


def test_txt_id_is_file_stem_and_whole_file_is_body(tmp_path):
    p = tmp_path / "story-1.txt"
    p.write_text("Police arrested ten protesters in Minsk.\n")
    docs, skips = _read([p])
    assert [d.id for d in docs] == ["story-1"] and not skips
    assert docs[0].text == "Police arrested ten protesters in Minsk.\n"
    assert docs[0].published is None


def test_bad_files_are_skipped_with_reasons_and_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 bombing".encode("latin-1"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "good.txt").write_text("Rebels attacked a convoy near Goma.")
    docs, skips = _read([tmp_path])
    assert [d.id for d in docs] == ["good"]
    reasons = {s.path.split("/")[-1]: s.reason for s in skips}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "unsupported" in reasons["notes.pdf"]


def test_jsonl_records_ids_dates_and_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a1", "text": "Troops shelled the town.", "published": "2022-03-01T08:00:00Z", "source": "Wire"},
        {"text": "Ministers met in Geneva.", "published": "NaT"},
        {"title": "no text here"},
    ]
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n")
    docs, skips = _read([p])
    assert docs[0].id == "a1" and docs[0].published == dt.date(2022, 3, 1) and docs[0].source == "Wire"
    assert docs[1].id == content_id("Ministers met in Geneva.") and docs[1].published is None
    assert sorted(s.reason for s in skips) == ["invalid JSON: Expecting property name enclosed in double quotes",
                                               "record has no 'text'"]
    assert skips[0].path.endswith(":3")


def test_published_default_applies_only_to_undated_inputs(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "x", "text": "A", "published": "2020-01-02"}) + "\n" +
                 json.dumps({"id": "y", "text": "B"}) + "\n")
    docs, _ = _read([p], dt.date(2021, 8, 10))
    assert {d.id: (d.published, d.published_basis) for d in docs} == {
        "x": (dt.date(2020, 1, 2), "record"), "y": (dt.date(2021, 8, 10), "--published")}


def test_junk_dates_are_missing():
    for junk in ("", "nan", "NaT", "None", "not a date", None):
        assert parse_published(junk) is None
    assert parse_published("2021-08-10") == dt.date(2021, 8, 10)


def test_date_from_own_url_but_never_from_links_in_body(tmp_path):
    assert date_from_url("https://example.org/2024/04/28/story") == dt.date(2024, 4, 28)
    p = tmp_path / "a.txt"
    p.write_text("Talks resumed on Tuesday.\n\nhttps://www.themoscowtimes.com/2024/04/28/some-other-story\n")
    docs, _ = _read([p])
    assert docs[0].published is None


def test_dateline_with_year_sets_publication_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("KABUL, Aug. 10, 2021 (Reuters) - Fighting continued on Tuesday.")
    docs, _ = _read([p])
    assert docs[0].published == dt.date(2021, 8, 10) and docs[0].published_basis == "dateline"


def test_html_main_text_extracted(tmp_path):
    html = ("<html><head><title>Clashes in Tripoli</title><meta property='article:published_time' "
            "content='2022-08-27'></head><body><nav>Home | World | Sport</nav><article><h1>Clashes in Tripoli</h1>"
            "<p>Armed groups clashed in the Libyan capital Tripoli on Saturday, killing at least 12 people, "
            "the health ministry said in a statement released late in the evening.</p>"
            "<p>The United Nations called for an immediate halt to the fighting and urged all sides to protect "
            "civilians caught in the crossfire in densely populated neighbourhoods.</p></article>"
            "<footer>Copyright 2022</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(html)
    docs, skips = _read([p])
    assert not skips
    assert "Armed groups clashed" in docs[0].text and "Home | World" not in docs[0].text
    assert docs[0].published == dt.date(2022, 8, 27)


def test_content_id_is_stable():
    assert content_id("x y") == content_id("x y\n") != content_id("x z")
