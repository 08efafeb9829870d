"""Batched store writes: one batch mixing new, changed and unchanged articles gives what per-article writes
gave (search index, versions, link graph), and the SQLite write settings keep a committed batch on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from test_stores import BASE, article

from newscrawler.store import SqliteStore


def _seed(store) -> None:
    links = {"related": [{"title": "Lama", "url": f"{BASE}/target-old"}]}
    store.upsert_articles([
        article("same", body="Harga beras naik di pasar induk."),
        article("edit", title="Judul lama", body="Banjir melanda kota tua.", link_lists=links),
    ], run_id="r1")


def test_mixed_batch_keeps_search_versions_and_links_in_step(store):
    _seed(store)
    new_links = {"related": [{"title": "Baru", "url": f"{BASE}/target-new"}]}
    counts = store.upsert_articles([
        article("same", body="Harga beras naik di pasar induk.", link_lists=new_links),
        article("edit", title="Judul baru", body="Kemarau panjang di desa.", link_lists=new_links),
        article("fresh", body="Gempa kecil terasa di pesisir."),
    ], run_id="r2")
    assert counts.as_dict() == {"new": 1, "updated": 1, "unchanged": 1}

    def found(text: str) -> list[str]:
        return sorted(row["url"].rsplit("/", 1)[-1] for row in store.query(text=text))

    # The index follows every kind of write in the batch: new text found, replaced text gone.
    assert found("kemarau") == ["edit"] and found("banjir") == []
    assert found("gempa") == ["fresh"] and found("beras") == ["same"]
    assert found("judul baru") == ["edit"]
    assert store.count(text="lama") == 0

    edited = store.get(f"{BASE}/edit")
    assert (edited["version"], edited["title"], edited["run_id"]) == (2, "Judul baru", "r2")
    [old] = store.versions(f"{BASE}/edit")
    assert (old["version"], old["title"], old["body"]) == (1, "Judul lama", "Banjir melanda kota tua.")
    assert old["published_at"] == edited["published_at"] and old["archived_at"] == edited["last_seen"]
    assert store.get(f"{BASE}/same")["first_seen"] == store.get(f"{BASE}/edit")["first_seen"]

    # Every article of the batch has exactly its new outgoing links, unchanged ones included.
    assert store.links_to(f"{BASE}/target-old") == []
    assert sorted(r["url"].rsplit("/", 1)[-1] for r in store.links_to(f"{BASE}/target-new")) == ["edit", "same"]


def test_sqlite_write_connection_settings(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.db")
    try:
        pragma = store.conn.execute
        assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert pragma("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: safe in WAL against a killed process
        assert pragma("PRAGMA cache_size").fetchone()[0] < -2000  # KiB, above SQLite's 2 MiB default
        assert pragma("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    finally:
        store.close()


def test_sqlite_committed_batch_survives_a_killed_process(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_stores import article
        from newscrawler.store import SqliteStore
        store = SqliteStore({str(path)!r})
        store.upsert_articles([article(f"k{{n}}", body=f"Isi berita {{n}}.") for n in range(20)], run_id="k")
        os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint: only the WAL holds the batch
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert (tmp_path / "k.db-wal").exists()
    store = SqliteStore(path)
    try:
        assert store.count() == 20 and store.count(text="berita") == 20
        assert store.get(f"{BASE}/k7")["run_id"] == "k"
    finally:
        store.close()


_CONCURRENT_WRITER = textwrap.dedent('''
    import json, sys, time
    sys.path.insert(0, sys.argv[1])
    from test_stores import article
    from newscrawler.store import SqliteStore
    start, path, me = float(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    time.sleep(max(0.0, start - time.time()))
    store = SqliteStore(path)  # every process creates the new file at the same moment
    totals = {"new": 0, "updated": 0, "unchanged": 0}
    for n in range(12):  # the same 30 URLs from every process, in a different order each
        batch = [article(f"shared-{(n * 5 + k + me * 7) % 30}", body="Isi berita bersama.") for k in range(5)]
        for key, value in store.upsert_articles(batch, run_id=f"p{me}").as_dict().items():
            totals[key] += value
    store.close()
    print(json.dumps(totals))
''')


def test_sqlite_processes_creating_and_writing_one_file_at_once(tmp_path: Path) -> None:
    """Two crawls into one new file: neither fails on the other's schema creation or write lock, and
    what a batch decides from the stored rows (new or unchanged) holds against the other's writes."""
    path, start = tmp_path / "shared.db", time.time() + 2.0
    procs = [subprocess.Popen([sys.executable, "-c", _CONCURRENT_WRITER, str(Path(__file__).parent), str(start),
                               str(path), str(me)], cwd=Path(__file__).parent.parent, env=dict(os.environ),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for me in range(4)]
    results = [(p, *p.communicate(timeout=120)) for p in procs]
    for proc, _out, err in results:
        assert proc.returncode == 0, err
    totals = [json.loads(out) for _p, out, _e in results]
    assert sum(t["new"] for t in totals) == 30  # each URL found new exactly once across the processes
    assert sum(t["updated"] for t in totals) == 0
    store = SqliteStore(path)
    try:
        assert store.count() == 30 and store.count(text="bersama") == 30
        assert {store.get(f"{BASE}/shared-{n}")["version"] for n in range(30)} == {1}
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def _checkpoint_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "newscrawler-sqlite-checkpoint"}


def test_sqlite_checkpoints_on_its_own_thread_and_stops_on_close(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    before = _checkpoint_threads()  # stores other tests left open are not this test's business
    reader = SqliteStore(path)
    reader.get(f"{BASE}/none")
    assert _checkpoint_threads() == before  # reading never starts it
    reader.close()

    store = SqliteStore(path)
    for n in range(5):
        store.upsert_articles([article(f"c{n}-{k}", body="Isi berita. " * 2000) for k in range(10)])
    assert len(_checkpoint_threads() - before) == 1  # one per store, however many batches
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] > 1000
    store.close()
    assert _checkpoint_threads() - before == set()  # joined
    assert not (tmp_path / "c.db-wal").exists() or (tmp_path / "c.db-wal").stat().st_size == 0

    store = SqliteStore(path)
    try:
        assert store.count() == 50 and store.count(text="berita") == 50
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_mongo_recrawl_keeps_fields_others_added(mongo_store) -> None:
    """A changed article is updated field by field: an analyst's own field on the document survives."""
    mongo_store.upsert_articles([article("labelled", body="Teks pertama.")], run_id="r1")
    mongo_store.articles.update_one({"url": f"{BASE}/labelled"}, {"$set": {"label": "hoaks"}})
    counts = mongo_store.upsert_articles([article("labelled", body="Teks kedua, diperbarui.")], run_id="r2")
    assert counts.updated == 1
    stored = mongo_store.articles.find_one({"url": f"{BASE}/labelled"})
    assert stored["label"] == "hoaks" and stored["version"] == 2 and stored["body"] == "Teks kedua, diperbarui."


class _ReadThenRace:
    """The articles collection, except that right after the store's read of what is stored, another
    writer stores `url` (its own document, with an analyst's field): the race of two crawls writing one URL."""

    def __init__(self, collection, url: str, theirs: dict) -> None:
        self._collection, self._url, self._theirs = collection, url, theirs

    def find(self, *args, **kwargs):
        found = list(self._collection.find(*args, **kwargs))
        if self._theirs is not None:
            self._collection.insert_one(self._theirs)
            self._theirs = None
        return found

    def __getattr__(self, name: str):
        return getattr(self._collection, name)


def test_mongo_url_stored_by_another_writer_after_the_read_is_not_replaced(mongo_store) -> None:
    theirs_first_seen = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    contested = article("contested", body="Teks penulis lain.")
    theirs = {**contested, "content_hash": "other", "version": 1, "first_seen": theirs_first_seen,
              "label": "hoaks"}
    real = mongo_store.articles
    mongo_store.articles = _ReadThenRace(real, contested["url"], theirs)
    try:
        counts = mongo_store.upsert_articles([article("contested", body="Teks baru dari crawl ini."),
                                              article("plain", body="Artikel biasa.")], run_id="r1")
    finally:
        mongo_store.articles = real
    # The contested URL was decided again from what the other writer stored: an update, not a second "new".
    assert counts.as_dict() == {"new": 1, "updated": 1, "unchanged": 0}
    stored = real.find_one({"url": contested["url"]})
    assert stored["label"] == "hoaks" and stored["first_seen"].replace(tzinfo=UTC) == theirs_first_seen
    assert (stored["version"], stored["body"]) == (2, "Teks baru dari crawl ini.")
    assert [v["body"] for v in mongo_store.versions(contested["url"])] == ["Teks penulis lain."]
    assert real.count_documents({"url": contested["url"]}) == 1
    assert mongo_store.get(f"{BASE}/plain")["version"] == 1
