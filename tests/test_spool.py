"""The spool: JSON Lines on disk, replayed into a real store; nothing is lost when the store is away."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newscrawler.store import MongoStore, StoreUnavailable
from newscrawler.store.spool import Spool

UNREACHABLE = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200"
URL = "https://www.suara.com/news/2025/03/06/{}"


def article(slug: str, **fields) -> dict:
    return {"url": URL.format(slug), "site": "suara.com", "title": f"Judul {slug}", "body": "Isi.",
            "published_at": "2025-03-06T08:05:00+07:00", "tags": ["Politik"], "authors": [],
            "link_lists": {}, **fields}


SNAPSHOT = {"site": "suara.com", "list": "popular", "observed_at": datetime(2025, 3, 6, 1, 0, tzinfo=UTC),
            "entries": [{"title": "A", "url": URL.format("a")}]}
RUN = {"run_id": "run/1", "site": "suara.com", "started_at": datetime(2025, 3, 6, 1, 0, tzinfo=UTC),
       "finished_at": None, "finish_reason": "shutdown", "articles": {"scraped": 2}}


@pytest.fixture
def spool(tmp_path) -> Spool:
    return Spool(tmp_path / "spool")


def test_append_writes_one_complete_file_per_flush(spool):
    path = spool.append("articles", [article("a"), article("b")], run_id="run/1")
    assert path.parent == spool.directory and path.suffix == ".jsonl"
    assert "-articles-run_1-" in path.name
    assert [p.name for p in spool.directory.iterdir()] == [path.name]  # no temporary file left behind
    header, *records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert header["kind"] == "articles" and header["run_id"] == "run/1"
    assert [r["url"] for r in records] == [URL.format("a"), URL.format("b")]
    assert spool.pending() == 2
    assert spool.append("runs", []) is None
    with pytest.raises(ValueError):
        spool.append("comments", [{}])


def test_datetimes_are_spooled_as_iso_strings(spool):
    path = spool.append("snapshots", [SNAPSHOT])
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[1])
    assert record["observed_at"] == "2025-03-06T01:00:00+00:00"


def test_replay_into_a_real_store(spool, store):
    spool.append("articles", [article("a"), article("b")], run_id="run-1")
    spool.append("snapshots", [SNAPSHOT, {**SNAPSHOT, "observed_at": datetime(2025, 3, 6, 2, 0, tzinfo=UTC)}])
    spool.append("runs", [RUN], run_id="run/1")
    spool.append("articles", [article("a", body="Isi baru.")], run_id="run-2")
    assert spool.pending() == 6

    counts = spool.replay(store)
    assert counts == {"files": 4, "articles": 3, "snapshots": 2, "runs": 1, "bad": 0}
    assert spool.pending() == 0 and spool.files() == []
    stored = store.get(URL.format("a"))
    assert (stored["version"], stored["run_id"], stored["body"]) == (2, "run-2", "Isi baru.")
    assert store.get(URL.format("b"))["run_id"] == "run-1"
    [snap] = store.snapshots("suara.com", "popular")
    assert snap["observations"] == 2
    assert [r["run_id"] for r in store.runs()] == ["run/1"]
    assert spool.replay(store) == {"files": 0, "articles": 0, "snapshots": 0, "runs": 0, "bad": 0}


def test_replay_stops_on_unreachable_store_and_keeps_every_file(spool, sqlite_store):
    spool.append("articles", [article("a")], run_id="run-1")
    spool.append("runs", [RUN])
    before = {p.name: p.read_bytes() for p in spool.files()}

    unreachable = MongoStore(UNREACHABLE, create_indexes=False)
    try:
        with pytest.raises(StoreUnavailable):
            spool.replay(unreachable)
    finally:
        unreachable.close()
    assert {p.name: p.read_bytes() for p in spool.files()} == before
    assert spool.pending() == 2

    assert spool.replay(sqlite_store)["files"] == 2  # the next run picks them up
    assert sqlite_store.get(URL.format("a")) is not None


def test_corrupt_lines_are_quarantined_not_lost(spool, sqlite_store):
    path = spool.append("articles", [article("a")], run_id="run-1")
    garbage = ['{"url": "https://www.suara.com/trunc', "not json at all",
               json.dumps(article("bad-date", published_at="kemarin")), json.dumps(["not", "a", "record"])]
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(garbage) + "\n" + json.dumps(article("b")) + "\n")
    assert spool.pending() == 6

    counts = spool.replay(sqlite_store)
    assert counts["articles"] == 2 and counts["bad"] == 4
    assert sqlite_store.get(URL.format("b")) is not None
    assert not path.exists() and spool.pending() == 0
    [quarantined] = list(spool.bad_directory.iterdir())
    assert quarantined.name == path.name
    assert quarantined.read_text(encoding="utf-8").splitlines() == garbage


def test_a_file_without_header_is_read_by_its_name(spool, sqlite_store):
    spool.directory.mkdir(parents=True)
    (spool.directory / "20250306T010000000000Z-runs-manual-00000000.jsonl").write_text(
        json.dumps({**RUN, "started_at": "2025-03-06T08:00:00+07:00"}) + "\n", encoding="utf-8")
    assert spool.pending() == 1
    assert spool.replay(sqlite_store)["runs"] == 1
    assert sqlite_store.runs()[0]["started_at"] == datetime(2025, 3, 6, 1, 0, tzinfo=UTC)


def test_a_record_the_store_refuses_is_quarantined_and_the_rest_replayed(spool, sqlite_store):
    spool.append("articles", [article("a"), article("besar", pages=10**30), article("b")], run_id="r")
    counts = spool.replay(sqlite_store)
    assert counts["articles"] == 2 and counts["bad"] == 1 and spool.pending() == 0
    assert sqlite_store.count() == 2
    (quarantined,) = spool.bad_directory.iterdir()
    assert json.loads(quarantined.read_text(encoding="utf-8"))["url"] == URL.format("besar")


def test_lone_surrogates_are_spooled_and_replayed(spool, sqlite_store):
    spool.append("articles", [article("s", title="Judul \ud800")], run_id="r\udfff")
    assert spool.pending() == 1
    spool.replay(sqlite_store)
    assert sqlite_store.get(URL.format("s"))["title"] == "Judul \ufffd"
