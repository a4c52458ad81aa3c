"""Corpus behaviour: migrations, versions, near-duplicate clusters, cross-article event merging."""
import duckdb

from eventwire.pipeline import code_texts
from eventwire.store import open_store
from eventwire.store.identity import canonical_url
from eventwire.store.schema import LATEST, MIGRATIONS

WIRE = ("Gunmen killed 12 villagers in an attack on Tillaberi region in western Niger on Sunday, "
        "the defence ministry said. The ministry said the attackers fled towards the border with Mali after "
        "burning homes and stealing cattle. It was the deadliest attack in the region since March, and local "
        "officials said security forces had been deployed to the area to pursue the assailants.")


def _doc(text, published="2024-05-06", url=None, doc_id=None):
    d = code_texts([text], published)[0]
    d.url = url
    if doc_id:
        d.id = doc_id
    return d


def test_old_database_upgrades_in_place(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER, description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for sql in MIGRATIONS[0][2]:
        con.execute(sql)
    con.execute("INSERT INTO schema_version (version, description) VALUES (1, 'initial schema')")
    con.execute("INSERT INTO documents (doc_id, content_hash, text) VALUES ('old-1', 'h', 'Old text.')")
    con.close()
    with open_store(db) as store:
        assert store.schema_version() == LATEST
        row = store.con.execute("SELECT doc_id, version, cluster_id FROM documents").fetchone()
        assert row == ("old-1", 1, "old-1")
        assert store.con.execute("SELECT count(*) FROM canonical_events").fetchone()[0] == 0


def test_canonical_url():
    assert canonical_url("http://www.Example.com/a/b/?utm_source=x&id=3#top") == "https://example.com/a/b?id=3"
    assert canonical_url("not a url") is None


def test_updated_article_same_url_is_a_new_version(tmp_path):
    with open_store(tmp_path / "c.duckdb") as store:
        store.write([_doc(WIRE, url="https://news.example/niger-attack", doc_id="a")])
        later = _doc(WIRE.replace("12 villagers", "15 villagers"), url="https://www.news.example/niger-attack/?utm_medium=rss",
                     doc_id="b")
        result = store.write([later])
        assert result["new_versions"] == 1
        rows = store.con.execute("SELECT doc_id, version FROM documents").fetchall()
        assert rows == [("a", 2)]
        assert store.con.execute("SELECT count(*) FROM document_versions WHERE doc_id = 'a'").fetchone()[0] == 1
        assert "15 villagers" in store.con.execute("SELECT text FROM documents").fetchone()[0]


def test_reprint_with_new_headline_joins_cluster_and_counts_once(tmp_path):
    original = _doc("Niger attack kills 12\n\n" + WIRE, doc_id="wire-1")
    reprint = _doc("Twelve dead as gunmen strike western Niger\n\nBy Staff Writer\n\n" + WIRE
                   + "\n\nAFP contributed reporting.", doc_id="paper-2")
    with open_store(tmp_path / "c.duckdb") as store:
        store.write([original])
        result = store.write([reprint])
        assert result["clustered"] == 1
        clusters = dict(store.con.execute("SELECT doc_id, cluster_id FROM documents").fetchall())
        assert clusters["paper-2"] == clusters["wire-1"] == "wire-1"
        n_docs, n_sources = store.con.execute(
            "SELECT max(n_documents), max(n_sources) FROM canonical_events WHERE event_type = 'ASSAULT'").fetchone()
        assert (n_docs, n_sources) == (2, 1)   # reported twice, one independent source


def test_three_reports_of_one_attack_become_one_canonical_event(tmp_path):
    reports = [
        _doc("Russian missiles struck Odesa on Monday, killing four people, Ukrainian officials said.", "2023-07-24"),
        _doc("Four civilians died after Russian forces attacked the Ukrainian port city of Odesa overnight, "
             "the regional governor said on Tuesday.", "2023-07-25"),
        _doc("A Russian missile attack on Odesa killed four people, Ukraine's air force said, as Kyiv "
             "appealed for more air defence systems.", "2023-07-24"),
    ]
    with open_store(tmp_path / "c.duckdb") as store:
        store.write(reports)
        rows = store.con.execute("SELECT canonical_id, n_mentions, n_documents, n_sources, source_key, target_key "
                                 "FROM canonical_events WHERE event_type = 'ASSAULT'").fetchall()
        assert len(rows) == 1, rows
        n_mentions, n_docs, n_sources = rows[0][1:4]
        assert n_mentions >= 3 and (n_docs, n_sources) == (3, 3) and rows[0][4] == "RUS"
        reasons = [r[0] for r in store.con.execute("SELECT reason FROM event_links WHERE canonical_id = ?",
                                                   [rows[0][0]]).fetchall()]
        assert reasons.count("first report") == 1 and any(r.startswith("same type, same source") for r in reasons)


def test_different_places_are_not_merged(tmp_path):
    a = _doc("Israeli aircraft struck targets in Gaza on Monday, the army said.", "2024-01-08")
    b = _doc("Israeli aircraft struck targets in Lebanon on Monday, the army said.", "2024-01-08")
    with open_store(tmp_path / "c.duckdb") as store:
        store.write([a, b])
        assert store.con.execute("SELECT count(*) FROM canonical_events").fetchone()[0] == 2


def test_python_api_open_events(tmp_path):
    import eventwire
    db = tmp_path / "c.duckdb"
    reports = [_doc("Russian missiles struck Odesa on Monday, killing four people, Ukrainian officials said.", "2023-07-24"),
               _doc("A Russian missile attack on Odesa killed four people, Ukraine's air force said.", "2023-07-24")]
    with open_store(db) as store:
        store.write(reports)
    with eventwire.open(str(db)) as corpus:
        rows = corpus.events(event_type="ASSAULT")
        assert rows and all(isinstance(r, eventwire.StoredEvent) for r in rows)
        assert {r.actor1_country for r in rows} == {"RUS"}
        unique = corpus.events(event_type="ASSAULT", unique=True)
        assert len(unique) < len(rows) and max(r.source_count for r in unique) == 2
        table = corpus.events(as_="arrow")
        assert table.num_rows == len(corpus.events()) and "source_count" in table.column_names
