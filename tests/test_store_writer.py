"""StorePipeline with its background writer thread (NEWSCRAWLER_STORE_THREAD): same results, exact counts."""

from __future__ import annotations

import threading
from pathlib import Path

from test_pipelines import article_item, crawler_with_spider, run_chain

from newscrawler.crawl.pipelines import StorePipeline
from newscrawler.store import open_store
from newscrawler.store.spool import Spool


def _sqlite(tmp_path: Path, monkeypatch) -> str:
    monkeypatch.delenv("MONGODB_URI", raising=False)
    path = str(tmp_path / "w.db")
    monkeypatch.setenv("NEWSCRAWLER_DB", path)
    return path


def test_threaded_writes_store_everything_with_exact_counts(tmp_path: Path, monkeypatch) -> None:
    path = _sqlite(tmp_path, monkeypatch)
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=3, NEWSCRAWLER_STORE_THREAD=True)
    items = [article_item(n) for n in range(10)]
    items[4]["pages"] = 10**30  # refused by the store alone, from the writer thread
    *_, passed = run_chain(crawler, items)
    stats = crawler.stats.get_stats()
    assert passed == 10
    assert stats["newscrawler/articles/stored"] == 9 and stats["newscrawler/articles/new"] == 9
    assert stats["newscrawler/articles/rejected"] == 1 and "newscrawler/articles/spooled" not in stats
    assert stats["newscrawler/store"] == "sqlite"
    store = open_store(path=path)
    try:
        assert store.count() == 9 and store.get(items[4]["url"]) is None
        assert store.snapshots("suara.com", "popular")  # written by the writer thread at close
    finally:
        store.close()


def test_the_store_lives_in_one_writer_thread(tmp_path: Path, monkeypatch) -> None:
    """SQLite objects are thread-bound: opening, every write and closing must happen in the same thread, and
    that thread must not be the crawl's."""
    _sqlite(tmp_path, monkeypatch)
    seen: set[str] = set()
    original = StorePipeline._write_now

    def spy(self, kind, records):
        seen.add(threading.current_thread().name)
        return original(self, kind, records)

    monkeypatch.setattr(StorePipeline, "_write_now", spy)
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=2, NEWSCRAWLER_STORE_THREAD=True)
    *_, passed = run_chain(crawler, [article_item(n) for n in range(5)])
    assert passed == 5 and crawler.stats.get_value("newscrawler/articles/stored") == 5
    assert seen == {"newscrawler-store-writer"}
    assert not any(t.name == "newscrawler-store-writer" for t in threading.enumerate())  # joined on close


def test_batches_of_one_are_written_before_process_item_returns(tmp_path: Path, monkeypatch) -> None:
    """The --jobdir journal counts on it: with NEWSCRAWLER_STORE_BATCH=1 the thread is not used."""
    path = _sqlite(tmp_path, monkeypatch)
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=1, NEWSCRAWLER_STORE_THREAD=True)
    items = [article_item(n) for n in range(3)]
    chain = run_chain(crawler, items)
    assert next(chain) == 1
    store = open_store(path=path)
    try:
        assert store.get(items[0]["url"]) is not None
    finally:
        store.close()
    assert list(chain)[-1] == 3


def test_store_down_from_the_start_spools_every_batch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MONGODB_URI", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200")
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=2, NEWSCRAWLER_STORE_THREAD=True)
    *_, passed = run_chain(crawler, [article_item(n) for n in range(5)])
    stats = crawler.stats.get_stats()
    assert passed == 5
    assert stats["newscrawler/articles/spooled"] == 5 and "newscrawler/articles/stored" not in stats
    assert "newscrawler/store_unavailable" in stats
    assert Spool(tmp_path / "spool").pending() >= 5


# -- SQLite: FTS maintenance ------------------------------------------------------------------------------


def _doc(n: int, body: str) -> dict:
    return {"url": f"https://www.suara.com/news/2026/10/01/080500/fts-{n}", "site": "suara.com",
            "title": f"Judul {n}", "body": body, "published_at": "2026-10-01T08:05:00+07:00",
            "crawled_at": "2026-10-01T09:00:00+00:00", "language": "id"}


def _fts_segments(store) -> tuple[int, int]:
    return store.conn.execute("SELECT count(*), max(id) FROM articles_fts_data").fetchone()


def test_an_unchanged_recrawl_does_not_touch_the_text_index(tmp_path: Path) -> None:
    from newscrawler.store import SqliteStore

    store = SqliteStore(tmp_path / "f.db")
    try:
        store.upsert_articles([_doc(1, "gubernur meresmikan jembatan"), _doc(2, "timnas menang")])
        before = _fts_segments(store)
        counts = store.upsert_articles([_doc(1, "gubernur meresmikan jembatan")], run_id="again")
        assert counts.unchanged == 1 and _fts_segments(store) == before
        assert store.get(_doc(1, "")["url"])["run_id"] == "again"
        store.upsert_articles([_doc(1, "gubernur meresmikan bendungan")])  # changed: re-indexed
        assert [a["url"] for a in store.query(text="bendungan")] == [_doc(1, "")["url"]]
        assert list(store.query(text="jembatan")) == []
        assert store.count(text="gubernur") == 1 and store.count(text="timnas") == 1
    finally:
        store.close()


def test_a_file_with_the_wide_update_trigger_is_narrowed_on_open(tmp_path: Path) -> None:
    from newscrawler.store import SqliteStore

    path = tmp_path / "old.db"
    store = SqliteStore(path)
    with store.conn:  # the trigger sqlite-utils' enable_fts wrote in files of earlier releases
        store.conn.execute('DROP TRIGGER "articles_au"')
        store.conn.execute(
            'CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN '
            'INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body") '
            "VALUES('delete', old.rowid, old.\"title\", old.\"body\"); "
            'INSERT INTO "articles_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body"); END')
    store.close()
    store = SqliteStore(path)
    try:
        sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_au'").fetchone()[0]
        assert 'AFTER UPDATE OF "title", "body"' in sql
        store.upsert_articles([_doc(1, "harga beras naik")])
        store.upsert_articles([_doc(1, "harga beras turun")])
        assert store.count(text="turun") == 1 and store.count(text="naik") == 0
    finally:
        store.close()


# -- MongoDB: write concern -------------------------------------------------------------------------------


def test_article_writes_use_the_stated_write_concern_unless_the_uri_sets_one(mongo_uri: str) -> None:
    from pymongo.write_concern import WriteConcern

    from newscrawler.store import MongoStore
    from newscrawler.store.mongo import ARTICLE_WRITE_CONCERN

    assert WriteConcern(w=1) == ARTICLE_WRITE_CONCERN
    store = MongoStore(mongo_uri, "nc_test_wc", create_indexes=False)
    try:
        assert store._for_writes(store.articles).write_concern == ARTICLE_WRITE_CONCERN
    finally:
        store.close()
    joiner = "&" if "?" in mongo_uri else "/?"
    store = MongoStore(f"{mongo_uri.rstrip('/')}{joiner}w=majority", "nc_test_wc", create_indexes=False)
    try:
        assert store._for_writes(store.articles).write_concern == WriteConcern(w="majority")
    finally:
        store.close()
