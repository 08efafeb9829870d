"""The store contract, run against SqliteStore and MongoStore alike (real backends, no mocks)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

import newscrawler
from newscrawler.store import (
    DataStore,
    MongoStore,
    SqliteStore,
    StoreConfigError,
    StoreError,
    StoreUnavailable,
    open_store,
    store_identity,
)
from newscrawler.store.common import STORED_FIELDS
from newscrawler.store.mongo import TEXT_LANGUAGE_OVERRIDE

SITE = "suara.com"
BASE = "https://www.suara.com/news/2025/03/06"
UNREACHABLE = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300"


def article(slug: str, **fields) -> dict:
    """An article dict as the pipelines hand it over (ISO dates with +07:00, extra keys included)."""
    doc = {
        "url": f"{BASE}/{slug}",
        "site": SITE,
        "section": "news",
        "title": f"Judul {slug}",
        "description": None,
        "authors": ["Budi Santoso"],
        "published_at": "2025-03-06T08:05:00+07:00",
        "modified_at": None,
        "published_at_raw": "Kamis, 06 Maret 2025 | 08:05 WIB",
        "language": "id",
        "tags": ["Politik"],
        "image_url": None,
        "dateline": "Suara.com",
        "body": f"Isi berita {slug}.",
        "pages": 1,
        "link_lists": {},
        "crawled_at": "2025-03-06T09:00:00+07:00",
        "date_candidates": [("meta", "2025-03-06")],
        "page_url": f"{BASE}/{slug}?page=1",
    }
    doc.update(fields)
    return doc


def wib(text: str) -> datetime:
    return datetime.fromisoformat(text)


def urls(rows) -> list[str]:
    return [row["url"].rsplit("/", 1)[-1] for row in rows]


def assert_utc(value: datetime) -> None:
    assert isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() == timedelta(0)


# -- upsert, bookkeeping, versions ---------------------------------------------------------------------------


def test_upsert_counts_new_updated_unchanged(store):
    counts = store.upsert_articles([article("a"), article("b")], run_id="run-1")
    assert counts.as_dict() == {"new": 2, "updated": 0, "unchanged": 0}

    counts = store.upsert_articles([article("a"), article("b", body="Isi yang diperbarui."), article("c")])
    assert counts.as_dict() == {"new": 1, "updated": 1, "unchanged": 1}
    assert store.upsert_articles([]).as_dict() == {"new": 0, "updated": 0, "unchanged": 0}


def test_bookkeeping_fields(store):
    store.upsert_articles([article("a")], run_id="run-1")
    first = store.get(f"{BASE}/a")
    assert first["version"] == 1 and first["run_id"] == "run-1"
    assert len(first["content_hash"]) == 64
    assert first["first_seen"] == first["last_seen"]
    assert_utc(first["first_seen"])

    time.sleep(1.05)  # stored instants have whole seconds
    store.upsert_articles([article("a")], run_id="run-2")
    again = store.get(f"{BASE}/a")
    assert again["first_seen"] == first["first_seen"]
    assert again["last_seen"] > first["last_seen"]
    assert (again["version"], again["run_id"], again["content_hash"]) == (1, "run-2", first["content_hash"])


def test_changed_content_keeps_previous_versions(store):
    url = f"{BASE}/a"
    store.upsert_articles([article("a", title="Judul lama", body="Isi lama.")], run_id="r1")
    store.upsert_articles([article("a", title="Judul baru", body="Isi lama.")], run_id="r2")
    store.upsert_articles([article("a", title="Judul baru", body="Isi baru.")], run_id="r3")

    current = store.get(url)
    assert (current["version"], current["title"], current["body"]) == (3, "Judul baru", "Isi baru.")
    history = store.versions(url)
    assert [(v["version"], v["title"], v["body"]) for v in history] == [
        (2, "Judul baru", "Isi lama."),
        (1, "Judul lama", "Isi lama."),
    ]
    assert set(history[0]) == {"url", "version", "title", "body", "content_hash", "published_at",
                               "modified_at", "crawled_at", "archived_at"}
    assert history[0]["url"] == url and history[1]["content_hash"] != history[0]["content_hash"]
    assert_utc(history[0]["archived_at"])
    assert_utc(history[0]["published_at"])
    assert store.versions(f"{BASE}/never") == []


def test_unchanged_recrawl_refreshes_only_last_seen_run_and_links(store):
    store.upsert_articles([article("a", tags=["Politik"])], run_id="r1")
    links = {"read_also": [{"title": "Lain", "url": f"{BASE}/b"}]}
    counts = store.upsert_articles([article("a", tags=["Berubah"], link_lists=links)], run_id="r2")
    assert counts.unchanged == 1
    doc = store.get(f"{BASE}/a")
    assert doc["run_id"] == "r2" and doc["link_lists"] == links
    assert doc["tags"] == ["Politik"]
    assert store.versions(f"{BASE}/a") == []


def test_duplicate_urls_in_one_batch_last_wins(store):
    counts = store.upsert_articles([article("a", title="Pertama"), article("a", title="Kedua")])
    assert counts.as_dict() == {"new": 1, "updated": 0, "unchanged": 0}
    assert store.get(f"{BASE}/a")["title"] == "Kedua"


def test_get_returns_contract_fields_in_utc(store):
    store.upsert_articles([article("a", modified_at="2025-03-06T10:30:00+08:00",
                                   link_lists={"popular": [{"title": "P", "url": "https://x/p"}]})])
    doc = store.get(f"{BASE}/a")
    assert "_id" not in doc and "date_candidates" not in doc and "page_url" not in doc
    assert list(doc)[:17] == ["url", "site", "section", "title", "description", "authors", "published_at",
                              "modified_at", "published_at_raw", "language", "tags", "image_url", "dateline",
                              "body", "pages", "link_lists", "crawled_at"]
    assert {"first_seen", "last_seen", "content_hash", "version", "run_id"} <= set(doc)
    assert doc["published_at"] == datetime(2025, 3, 6, 1, 5, tzinfo=UTC)
    assert doc["modified_at"] == datetime(2025, 3, 6, 2, 30, tzinfo=UTC)
    assert doc["crawled_at"] == datetime(2025, 3, 6, 2, 0, tzinfo=UTC)
    for name in ("published_at", "modified_at", "crawled_at", "first_seen", "last_seen"):
        assert_utc(doc[name])
    assert doc["authors"] == ["Budi Santoso"] and doc["pages"] == 1
    assert doc["link_lists"] == {"popular": [{"title": "P", "url": "https://x/p"}]}
    assert store.get(f"{BASE}/missing") is None


def test_invalid_article_is_a_store_error(store):
    with pytest.raises(StoreError):
        store.upsert_articles([{"title": "no url"}])
    with pytest.raises(StoreError):
        store.upsert_articles([article("a", published_at="kemarin sore")])


# -- queries -------------------------------------------------------------------------------------------------


@pytest.fixture
def corpus(store):
    store.upsert_articles([
        article("gaza", title="Pembebasan sandera di Gaza", body="Hamas membebaskan tiga sandera.",
                published_at="2025-03-01T10:00:00+07:00", tags=["Internasional", "Gaza"],
                authors=["Siti Rahmawati"], section="internasional"),
        article("penyanderaan", title="Kasus penyanderaan di Papua",
                body="Aparat menangani penyanderaan pilot.",
                published_at="2025-03-02T10:00:00+07:00", tags=["Papua"], authors=["Andi Wijaya"]),
        article("bola", title="Timnas menang",
                body="Pembebasan pajak untuk pemain? Tidak ada sandera di sini.",
                published_at="2025-03-03T10:00:00+07:00", tags=["bola"], section="bola",
                authors=["Budi Santoso", "Tim Suara"]),
        article("ekonomi", title="Harga beras naik", body="Inflasi 100% di pasar_induk.",
                published_at="2025-03-04T10:00:00+07:00", tags=["Ekonomi", "GAZA"], section="bisnis",
                authors=["R. 50% Editor"]),
        article("undated", title="Tanpa tanggal", body="Kabar sandera.", published_at=None),
        article("other", site="detik.com", title="Berita detik", published_at="2025-03-05T10:00:00+07:00"),
    ])
    return store


def test_query_streams_newest_first_by_default(corpus):
    result = corpus.query()
    assert isinstance(result, Iterator)
    assert urls(result) == ["other", "ekonomi", "bola", "penyanderaan", "gaza", "undated"]
    assert urls(corpus.query(sort="oldest"))[1:] == ["gaza", "penyanderaan", "bola", "ekonomi", "other"]
    assert urls(corpus.query(limit=2)) == ["other", "ekonomi"]
    assert list(corpus.query(limit=0)) == []
    assert corpus.count() == 6


def test_query_filters(corpus):
    assert urls(corpus.query(site="detik.com")) == ["other"]
    assert urls(corpus.query(section="bola")) == ["bola"]
    assert urls(corpus.query(tag="gaza")) == ["ekonomi", "gaza"]  # case-insensitive, whole tag
    assert urls(corpus.query(tag="gaz")) == []
    assert urls(corpus.query(author="santoso")) == ["other", "bola", "undated"]  # substring, any author
    assert urls(corpus.query(author="50%")) == ["ekonomi"]  # LIKE/regex wildcards are literal
    assert urls(corpus.query(author="5_%")) == []
    assert urls(corpus.query(site=SITE, section="news", tag="papua")) == ["penyanderaan"]
    for filters, expected in [({"site": "detik.com"}, 1), ({"tag": "GAZA"}, 2), ({"author": "budi"}, 3)]:
        assert corpus.count(**filters) == expected


def test_query_date_window_since_inclusive_until_exclusive(corpus):
    since, until = wib("2025-03-02T10:00:00+07:00"), wib("2025-03-04T10:00:00+07:00")
    assert urls(corpus.query(since=since, until=until)) == ["bola", "penyanderaan"]
    # The same instants in UTC select the same rows.
    in_utc = corpus.query(since=since.astimezone(UTC), until=until.astimezone(UTC))
    assert urls(in_utc) == ["bola", "penyanderaan"]
    assert urls(corpus.query(since=wib("2025-03-05T03:00:00+00:00"))) == ["other"]
    assert corpus.count(since=since, until=until) == 2


def test_text_search_matches_words_as_typed(corpus):
    assert urls(corpus.query(text="pembebasan sandera")) == ["bola", "gaza"]  # all words must match
    assert urls(corpus.query(text="Sandera")) == ["bola", "gaza", "undated"]  # no stemming: not penyanderaan
    assert urls(corpus.query(text="penyanderaan")) == ["penyanderaan"]
    assert urls(corpus.query(text="sandera", site=SITE, section="internasional")) == ["gaza"]
    assert urls(corpus.query(text="sandera", since=wib("2025-03-02T00:00:00+07:00"))) == ["bola"]
    assert list(corpus.query(text="tidakadakatasepertiini")) == []
    assert corpus.count(text="pembebasan sandera") == 2
    assert corpus.count(text="sandera") == 3


def test_text_search_relevance_sort(corpus):
    # Title words weigh more: the headline match outranks the newer article that mentions it in passing.
    assert urls(corpus.query(text="pembebasan", sort="relevance")) == ["gaza", "bola"]
    assert urls(corpus.query(text="pembebasan", sort="relevance", limit=1)) == ["gaza"]
    # Without text, relevance means newest.
    assert urls(corpus.query(sort="relevance", limit=2)) == ["other", "ekonomi"]
    with pytest.raises(StoreError):
        list(corpus.query(sort="random"))


SANDERA = ["bola", "gaza", "undated"]


@pytest.mark.parametrize(("text", "expected"), [
    ('"', []), ('"sandera', SANDERA), ("sandera*", SANDERA), ("*", []), ("^sandera", SANDERA),
    ("(sandera", SANDERA), ("sandera)", SANDERA), ("-sandera", SANDERA),
    ("sandera -gaza", ["gaza"]),  # "-" is not NOT: both words must match
    ("sandera OR timnas", []), ("OR", []), ("AND", []), ("NOT", []),  # operators are words nobody wrote
    ("NEAR(sandera gaza)", []), ("NEAR(", []), ("title:sandera", []), ("{}", []), ("\\", []), ("''", []),
    ("", ["other", "ekonomi", "bola", "penyanderaan", "gaza", "undated"]),  # empty text = no text filter
])
def test_text_search_syntax_characters_are_plain_words(corpus, text, expected):
    assert urls(corpus.query(text=text)) == expected
    assert corpus.count(text=text) == len(expected)


@pytest.mark.parametrize("field", ["site", "section", "tag", "author", "text"])
@pytest.mark.parametrize("value", ['{"$where": "1 == 1"}', '{"$ne": null}', "$where",
                                   "'; DROP TABLE articles; --", ".*", "^.*$", "\\"])
def test_injection_attempts_match_nothing(corpus, field, value):
    assert list(corpus.query(**{field: value})) == []
    assert corpus.count(**{field: value}) == 0
    assert corpus.count() == 6


@pytest.mark.parametrize("field", ["site", "tag", "author", "text"])
def test_non_string_filters_are_refused(corpus, field):
    with pytest.raises(StoreError):
        list(corpus.query(**{field: {"$ne": None}}))


def test_known_urls(corpus):
    known = corpus.known_urls(SITE)
    assert len(known) == 5 and f"{BASE}/gaza" in known
    for value in known.values():
        assert_utc(value)
    assert corpus.known_urls("unknown.example") == {}


def test_streaming_query_over_thousands_of_rows(store):
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for first in range(0, 3000, 500):
        store.upsert_articles([
            article(f"n{i:05d}", published_at=(start + timedelta(minutes=i)).isoformat(),
                    body=f"isi nomor {i}")
            for i in range(first, first + 500)
        ])
    assert store.count() == 3000
    rows = store.query(site=SITE)
    assert isinstance(rows, Iterator) and not isinstance(rows, list)
    assert urls([next(rows)]) == ["n02999"]
    previous, seen = None, 1
    for row in rows:
        assert previous is None or row["published_at"] <= previous
        previous, seen = row["published_at"], seen + 1
    assert seen == 3000
    window = store.query(since=start + timedelta(minutes=1000), until=start + timedelta(minutes=2000))
    assert sum(1 for _ in window) == 1000


# -- link graph --------------------------------------------------------------------------------------------


def test_links_to_and_graph_edges(store):
    target = f"{BASE}/target"
    store.upsert_articles([
        article("target", title="Sasaran"),
        article("s1", title="Sumber satu", published_at="2025-03-06T09:00:00+07:00", link_lists={
            "read_also": [{"title": "Lain", "url": f"{BASE}/x"}, {"title": "Sasaran", "url": target}],
            "popular": [{"title": "Sasaran", "url": target}],
        }),
        article("s2", title="Sumber dua", site="detik.com", published_at="2025-03-06T07:00:00+07:00",
                link_lists={"related": [{"title": "Sasaran!", "url": target}]}),
    ])
    assert store.links_to(target) == [
        {"url": f"{BASE}/s1", "title": "Sumber satu", "site": SITE,
         "published_at": datetime(2025, 3, 6, 2, 0, tzinfo=UTC), "list": "read_also", "rank": 2},
        {"url": f"{BASE}/s2", "title": "Sumber dua", "site": "detik.com",
         "published_at": datetime(2025, 3, 6, 0, 0, tzinfo=UTC), "list": "related", "rank": 1},
    ]
    assert store.links_to(f"{BASE}/nobody") == []

    edges = sorted(store.graph_edges(), key=lambda e: (e["source"], e["rank"]))
    assert edges == [
        {"source": f"{BASE}/s1", "source_title": "Sumber satu", "target": f"{BASE}/x", "target_title": "Lain",
         "list": "read_also", "rank": 1},
        {"source": f"{BASE}/s1", "source_title": "Sumber satu", "target": target, "target_title": "Sasaran",
         "list": "read_also", "rank": 2},
        {"source": f"{BASE}/s2", "source_title": "Sumber dua", "target": target, "target_title": "Sasaran!",
         "list": "related", "rank": 1},
    ]
    assert [e["source"] for e in store.graph_edges(site="detik.com")] == [f"{BASE}/s2"]

    # A re-crawl (unchanged text, new lists) replaces the source's edges.
    store.upsert_articles([article("s1", title="Sumber satu", link_lists={})])
    assert [e["url"] for e in store.links_to(target)] == [f"{BASE}/s2"]
    assert len(list(store.graph_edges())) == 1


# -- snapshots and popularity ------------------------------------------------------------------------------


def snapshot(at: str, *slugs: str, site: str = SITE, name: str = "popular", **extra) -> dict:
    entries = [{"title": f"Judul {s}", "url": f"{BASE}/{s}"} for s in slugs]
    return {"site": site, "list": name, "observed_at": at, "entries": entries, **extra}


def test_snapshot_dedupe_extends_the_latest_identical_list(store):
    assert store.add_snapshots([snapshot("2025-03-06T08:00:00+07:00", "a", "b")]) == 1
    assert store.add_snapshots([snapshot("2025-03-06T09:00:00+07:00", "a", "b", source_url=f"{BASE}/z")]) == 0
    # Out-of-order observation: counted, but last_observed_at never moves backwards.
    assert store.add_snapshots([snapshot("2025-03-06T08:30:00+07:00", "a", "b")]) == 0
    [only] = store.snapshots(SITE, "popular")
    assert only["observations"] == 3
    assert only["observed_at"] == datetime(2025, 3, 6, 1, 0, tzinfo=UTC)
    assert only["last_observed_at"] == datetime(2025, 3, 6, 2, 0, tzinfo=UTC)
    assert only["observed_on"] == "2025-03-06"
    assert "_id" not in only and only["entries"][0] == {"title": "Judul a", "url": f"{BASE}/a"}

    # A changed order or title is a new list; going back to the old one is new again (it is not the latest).
    batch = [snapshot("2025-03-06T10:00:00+07:00", "b", "a"), snapshot("2025-03-06T11:00:00+07:00", "a", "b"),
             snapshot("2025-03-06T12:00:00+07:00", "a", "b"), snapshot("2025-03-06T12:00:00+07:00", "a", "b",
                                                                        name="latest")]
    assert store.add_snapshots(batch) == 3
    history = store.snapshots(SITE, "popular")
    assert [s["observations"] for s in history] == [2, 1, 3]  # newest first
    assert history[0]["last_observed_at"] == datetime(2025, 3, 6, 5, 0, tzinfo=UTC)
    assert len(store.snapshots(SITE, "latest")) == 1
    assert store.snapshots("detik.com", "popular") == []


def test_snapshot_observed_on_is_the_wib_day(store):
    store.add_snapshots([snapshot("2025-03-06T20:00:00+00:00", "a")])  # 03:00 WIB on the 7th
    [snap] = store.snapshots(SITE, "popular")
    assert snap["observed_on"] == "2025-03-07"
    assert_utc(snap["observed_at"])


def test_snapshot_window(store):
    store.add_snapshots([
        snapshot("2025-03-01T08:00:00+07:00", "a"),
        snapshot("2025-03-03T08:00:00+07:00", "b", last_observed_at="2025-03-04T08:00:00+07:00"),
        snapshot("2025-03-05T08:00:00+07:00", "c"),
    ])
    window = store.snapshots(SITE, "popular", since=wib("2025-03-04T00:00:00+07:00"),
                             until=wib("2025-03-05T08:00:00+07:00"))
    assert [s["entries"][0]["url"] for s in window] == [f"{BASE}/b"]  # overlaps by its last observation
    assert len(store.snapshots(SITE, "popular", since=wib("2025-03-01T08:00:00+07:00"))) == 3


def test_popular_ranks_entries_across_snapshots(store):
    store.add_snapshots([
        snapshot("2025-03-01T08:00:00+07:00", "a", "b", "c"),
        snapshot("2025-03-01T09:00:00+07:00", "a", "b", "c"),  # same list: observations = 2
        snapshot("2025-03-02T08:00:00+07:00", "b", "a", "d"),
        {**snapshot("2025-03-03T08:00:00+07:00", "d", "b"),
         "entries": [{"title": "Judul d (baru)", "url": f"{BASE}/d"},
                     {"title": "Judul b", "url": f"{BASE}/b"}]},
        snapshot("2025-03-03T08:00:00+07:00", "zzz", name="latest"),
        snapshot("2025-03-03T08:00:00+07:00", "yyy", site="detik.com"),
    ])
    ranking = store.popular(SITE)
    assert [(urls([r])[0], r["appearances"], r["best_rank"]) for r in ranking] == [
        ("b", 4, 1), ("a", 3, 1), ("d", 2, 1), ("c", 2, 3)]
    top = ranking[0]
    assert set(top) == {"url", "title", "appearances", "best_rank", "first_seen", "last_seen", "score"}
    assert top["first_seen"] == datetime(2025, 3, 1, 1, 0, tzinfo=UTC)
    assert top["last_seen"] == datetime(2025, 3, 3, 1, 0, tzinfo=UTC)
    assert top["score"] == pytest.approx(2 / 2 + 1 / 1 + 1 / 2)
    d = next(r for r in ranking if r["url"].endswith("/d"))
    assert d["title"] == "Judul d (baru)"  # the latest title
    assert len(store.popular(SITE, limit=1)) == 1

    since, until = wib("2025-03-02T00:00:00+07:00"), wib("2025-03-03T00:00:00+07:00")
    window = store.popular(SITE, since=since, until=until)
    assert [(urls([r])[0], r["appearances"], r["best_rank"]) for r in window] == [("b", 1, 1), ("a", 1, 2),
                                                                                  ("d", 1, 3)]
    assert [urls([r])[0] for r in store.popular(SITE, "latest")] == ["zzz"]
    assert store.popular("nowhere.example") == []


# -- runs --------------------------------------------------------------------------------------------------


def run(run_id: str, started: str, site: str = SITE, **extra) -> dict:
    return {"run_id": run_id, "site": site, "started_at": started, "finished_at": None,
            "finish_reason": "running", "articles": {"scraped": 0}, **extra}


def test_runs_upsert_and_order(store):
    store.save_run(run("r1", "2025-03-06T01:00:00+00:00"))
    store.save_run(run("r2", "2025-03-06T09:00:00+07:00", site="detik.com"))  # 02:00 UTC: newer
    store.save_run(run("r1", "2025-03-06T01:00:00+00:00", finished_at="2025-03-06T08:30:00+07:00",
                       finish_reason="finished", articles={"scraped": 12, "new": 10},
                       field_coverage={"title": 100.0, "tags": 87.5}, errors={}, options={"since": None}))
    runs = store.runs()
    assert [r["run_id"] for r in runs] == ["r2", "r1"]
    r1 = runs[1]
    assert r1["finish_reason"] == "finished" and r1["articles"] == {"scraped": 12, "new": 10}
    assert r1["field_coverage"] == {"title": 100.0, "tags": 87.5} and r1["options"] == {"since": None}
    assert r1["started_at"] == datetime(2025, 3, 6, 1, 0, tzinfo=UTC)
    assert r1["finished_at"] == datetime(2025, 3, 6, 1, 30, tzinfo=UTC)
    assert "_id" not in r1
    assert [r["run_id"] for r in store.runs(limit=1)] == ["r2"]
    assert [r["run_id"] for r in store.runs(site=SITE)] == ["r1"]
    with pytest.raises(StoreError):
        store.save_run({"site": SITE})


# -- opening and failure -----------------------------------------------------------------------------------


def test_open_store_selects_sqlite_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("MONGODB_URI", raising=False)
    monkeypatch.setenv("NEWSCRAWLER_DB", str(tmp_path / "nested" / "dir" / "nc.db"))
    store = open_store()
    try:
        assert isinstance(store.raw, SqliteStore) and store.kind == "sqlite"
        assert (tmp_path / "nested" / "dir" / "nc.db").exists()
        store.ping()
    finally:
        store.close()
    explicit = open_store(path=str(tmp_path / "explicit.db"))
    assert explicit.location.endswith("explicit.db")
    explicit.close()


@pytest.mark.mongo
def test_open_store_selects_mongo_from_env(mongo_uri, monkeypatch):
    monkeypatch.setenv("MONGODB_URI", mongo_uri)
    monkeypatch.setenv("MONGODB_DATABASE", "nc_env_selected")
    store = open_store()
    try:
        assert isinstance(store.raw, MongoStore) and store.kind == "mongodb"
        assert store.location.endswith("/nc_env_selected")
        store.ping()
    finally:
        store.client.drop_database("nc_env_selected")
        store.close()


@pytest.mark.mongo
def test_mongo_indexes_are_idempotent(mongo_store):
    mongo_store.ensure_indexes()
    mongo_store.ensure_indexes()
    names = set(mongo_store.articles.index_information())
    assert {"url_unique", "site_published", "text_title_body", "read_also_url", "related_url", "tags",
            "section"} <= names
    assert "url_version" in mongo_store.article_versions.index_information()


def test_unreachable_mongo_raises_store_unavailable():
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as info:
        open_store(uri=UNREACHABLE)
    assert time.monotonic() - started < 5
    message = str(info.value)
    assert message.startswith("MongoDB at mongodb://127.0.0.1:1 is unreachable:") and "\n" not in message


def test_unreachable_mongo_every_method_raises_store_unavailable():
    store = MongoStore("mongodb://scraper:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=200&authSource=admin",
                       create_indexes=False)
    assert "s3cret" not in store.location and store.location == "mongodb://scraper:***@127.0.0.1:1/newscrawler"
    calls = [store.ping, lambda: store.upsert_articles([article("a")]), lambda: store.get("x"),
             lambda: list(store.query(text="sandera")), lambda: store.count(), lambda: store.runs(),
             lambda: store.add_snapshots([snapshot("2025-03-06T08:00:00+07:00", "a")]),
             lambda: store.popular(SITE), lambda: list(store.graph_edges()), lambda: store.known_urls(SITE)]
    for call in calls:
        with pytest.raises(StoreUnavailable) as info:
            call()
        assert "s3cret" not in str(info.value)
    store.close()


def test_unopenable_sqlite_path_raises_store_unavailable(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StoreUnavailable):
        SqliteStore(blocker / "nc.db")
    with pytest.raises(StoreUnavailable):
        open_store(path=str(tmp_path))  # a directory is not a database file


def test_sqlite_file_is_plain_tables_and_reopens(tmp_path):
    path = tmp_path / "nc.db"
    store = SqliteStore(path)
    store.upsert_articles([article("a", published_at="2025-03-06T23:30:00+00:00")])
    store.save_run(run("r1", "2025-03-06T01:00:00+00:00", articles={"scraped": 1}))
    store.close()

    store = SqliteStore(path)  # schema creation is idempotent; data survives
    try:
        assert store.get(f"{BASE}/a")["title"] == "Judul a"
        row = store.conn.execute("SELECT published_at, published_day, tags FROM articles").fetchone()
        assert row == ("2025-03-06T23:30:00+00:00", "2025-03-07", '["Politik"]')  # sortable UTC text, WIB day
        run_row = store.conn.execute("SELECT site, started_at, articles FROM runs").fetchone()
        assert run_row == (SITE, "2025-03-06T01:00:00+00:00", '{"scraped": 1}')
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        store.close()


# -- MongoDB semantics that mongoeco does not enforce (these pass unchanged on a real server) --------------


def _stored_field_names(doc, prefix: str = "") -> set[str]:
    """Every field path a document carries, nested ones included (`link_lists.related.url`...)."""
    names: set[str] = set()
    items = doc.items() if isinstance(doc, dict) else []
    for key, value in items:
        names.add(prefix + key)
        values = value if isinstance(value, list) else [value]
        for inner in values:
            if isinstance(inner, dict):
                names |= _stored_field_names(inner, f"{prefix}{key}.")
    return names


@pytest.mark.mongo
def test_text_index_never_reads_a_stored_field_as_its_language(mongo_store):
    mongo_store.upsert_articles([article("bahasa", language="id", link_lists={
        "related": [{"title": "T", "url": f"{BASE}/x"}]})])
    mongo_store.save_run(run("r-lang", "2025-03-06T01:00:00+00:00"))
    (info,) = [i for i in mongo_store.articles.index_information().values()
               if any(kind == "text" for _, kind in i["key"])]
    # Read back from the server: the options the index really has, not the ones we asked for.
    override = info.get("language_override", "language")
    assert info.get("default_language") == "none"
    stored = _stored_field_names(mongo_store.articles.find_one({}, {"_id": 0}))
    assert "language" in stored and override not in stored
    assert override not in STORED_FIELDS


@pytest.mark.mongo
def test_an_old_text_index_is_rebuilt_with_the_safe_options(mongo_store):
    mongo_store.articles.drop_index("text_title_body")
    mongo_store.articles.create_index([("title", "text"), ("body", "text")], name="text_title_body")
    mongo_store.ensure_indexes()
    info = mongo_store.articles.index_information()["text_title_body"]
    assert info.get("language_override") == TEXT_LANGUAGE_OVERRIDE and info.get("default_language") == "none"
    mongo_store.upsert_articles([article("sesudah")])
    assert urls(mongo_store.query(text="sesudah")) == ["sesudah"]


@pytest.mark.mongo
def test_run_keys_with_dots_and_dollars_are_stored_as_lookalikes(mongo_store):
    mongo_store.save_run(run("r-keys", "2025-03-06T01:00:00+00:00",
                             errors={"twisted.internet.error.TimeoutError": 2, "$where": 1},
                             options={"a.b": {"$set": 1}}))
    (saved,) = mongo_store.runs(site=SITE)
    assert saved["errors"] == {"twisted\uff0einternet\uff0eerror\uff0eTimeoutError": 2, "\uff04where": 1}
    assert saved["options"] == {"a\uff0eb": {"\uff04set": 1}}


@pytest.mark.mongo
def test_a_document_over_16_mib_is_refused_alone(mongo_store):
    from newscrawler.store.writes import write_records

    huge = article("raksasa", body="x" * (17 * 1024 * 1024))
    result = write_records(mongo_store, "articles", [article("kecil-1"), huge, article("kecil-2")])
    assert result.stored == 2 and [r["url"] for r, _ in result.rejected] == [huge["url"]]
    assert "16 MiB" in result.rejected[0][1]
    assert mongo_store.get(huge["url"]) is None and mongo_store.count() == 2


@pytest.mark.mongo
def test_regex_filters_with_nul_bytes_match_literally(mongo_store):
    mongo_store.upsert_articles([article("nul", authors=["Budi\x00Santoso"], tags=["a\x00b"])])
    assert urls(mongo_store.query(author="budi\x00s")) == ["nul"]
    assert urls(mongo_store.query(tag="A\x00B")) == ["nul"]
    assert list(mongo_store.query(author="\x00x")) == []


# -- text that no encoder takes, numbers that no backend holds ----------------------------------------------


LONE = "\ud800"


def test_lone_surrogates_anywhere_are_stored_as_replacement_characters(store):
    bad = article("pecah", title=f"Judul {LONE}", description=f"d{LONE}", body=f"isi \udc00{LONE} akhir",
                  authors=[f"Budi{LONE}"], tags=[LONE], link_lists={
                      "related": [{"title": f"t{LONE}", "url": f"{BASE}/x"}]})
    counts = store.upsert_articles([bad, article("utuh")])
    assert counts.new == 2
    got = store.get(f"{BASE}/pecah")
    assert got["title"] == "Judul \ufffd" and got["body"] == "isi \ufffd\ufffd akhir"
    assert got["authors"] == ["Budi\ufffd"] and got["link_lists"]["related"][0]["title"] == "t\ufffd"
    assert store.add_snapshots([snapshot("2025-03-06T08:00:00+07:00", f"a{LONE}")]) == 1
    store.save_run(run("r-sur", "2025-03-06T01:00:00+00:00", note=f"x{LONE}", errors={f"k{LONE}": 1}))
    assert store.runs(site=SITE)[0]["note"] == "x\ufffd"


def test_surrogate_pairs_are_joined_not_replaced(store):
    store.upsert_articles([article("emoji", title="Judul \ud83d\ude00")])
    assert store.get(f"{BASE}/emoji")["title"] == "Judul \U0001F600"


@pytest.mark.parametrize("limit", [2**63, 10**20, -1])
def test_limits_beyond_int64_are_a_store_error(store, limit):
    with pytest.raises(StoreError, match="limit"):
        list(store.query(limit=limit))
    with pytest.raises(StoreError, match="limit"):
        store.runs(limit=limit)


def test_the_largest_int64_limit_works(store):
    store.upsert_articles([article("a")])
    assert urls(store.query(limit=2**63 - 1)) == ["a"]
    assert store.runs(limit=2**63 - 1) == []


def test_a_page_count_beyond_int64_is_refused_alone(store):
    from newscrawler.store.writes import write_records

    result = write_records(store, "articles", [article("ok"), article("banyak", pages=10**30)])
    assert result.stored == 1 and len(result.rejected) == 1 and store.count() == 1


# -- configuration mistakes are StoreConfigError, never a driver traceback ----------------------------------


@pytest.mark.parametrize(("env", "message"), [
    ({"MONGODB_URI": "mongodb://127.0.0.1:1", "MONGODB_TIMEOUT_MS": "-1"}, "MONGODB_TIMEOUT_MS"),
    ({"MONGODB_URI": "mongodb://127.0.0.1:1", "MONGODB_TIMEOUT_MS": "soon"}, "MONGODB_TIMEOUT_MS"),
    ({"MONGODB_URI": "mongodb://127.0.0.1:1", "MONGODB_DATABASE": "a.b"}, "MONGODB_DATABASE"),
    ({"MONGODB_URI": "mongodb://127.0.0.1:1", "MONGODB_DATABASE": "x/y z"}, "MONGODB_DATABASE"),
    ({"MONGODB_URI": "mongodb://127.0.0.1:1", "MONGODB_DATABASE": "d" * 64}, "MONGODB_DATABASE"),
    ({"MONGODB_URI": "mongodb://u:pa:ss@127.0.0.1:1"}, "MONGODB_URI"),
    ({"MONGODB_URI": "http://127.0.0.1:1"}, "MONGODB_URI"),
    ({"MONGODB_URI": "mongodb://u:hunter2@[::1"}, "MONGODB_URI"),
    ({"MONGODB_URI": "mongodb://u:hunter2@127.0.0.1:1/?serverSelectionTimeoutMS=-5"}, "MONGODB_URI"),
])
def test_bad_mongo_settings_are_config_errors(monkeypatch, env, message):
    for name in ("MONGODB_URI", "MONGODB_DATABASE", "MONGODB_TIMEOUT_MS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for attempt in (open_store, store_identity):
        with pytest.raises(StoreConfigError) as info:
            attempt()
        assert message in str(info.value) and "hunter2" not in str(info.value) and "\n" not in str(info.value)


def test_store_identity_ignores_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("MONGODB_URI", raising=False)
    monkeypatch.setenv("NEWSCRAWLER_DB", str(tmp_path / "shared.db"))
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    first = store_identity()
    monkeypatch.chdir(tmp_path / "two")
    assert store_identity() == first and first.key == f"sqlite:{(tmp_path / 'shared.db').resolve()}"
    monkeypatch.setenv("NEWSCRAWLER_DB", "relative.db")
    assert store_identity() != first
    monkeypatch.setenv("MONGODB_URI", "mongodb://bob:s3cret@db2:27018,db1/?authSource=admin")
    mongo = store_identity()
    assert mongo.key == "mongodb:db1:27017,db2:27018/newscrawler" and "s3cret" not in str(mongo)
    monkeypatch.setenv("MONGODB_DATABASE", "other")
    assert store_identity().key.endswith("/other")


def _operators(value, path: str = "") -> list[str]:
    """Every `$` key in a query document, with where it sits."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key.startswith("$"):
                found.append(f"{path}/{key}")
            found += _operators(inner, f"{path}/{key}")
    elif isinstance(value, list):
        for inner in value:
            found += _operators(inner, path)
    return found


@pytest.mark.mongo
def test_mongo_filter_has_one_top_level_text_and_only_our_operators(mongo_store):
    query = mongo_store._filter(site="$where", since="2025-01-01T00:00:00+00:00", until="2025-12-31T00:00:00+00:00",
                                text='timnas "$or" {$ne: 1}', section="{$gt: ''}", tag="$in", author="a.b$")
    # MongoDB allows one $text per query and none inside $or/$nor/$not; user strings are only ever operands.
    assert sorted(_operators(query)) == sorted([
        "/published_at/$gte", "/published_at/$lt", "/tags/$regex", "/tags/$options", "/authors/$regex",
        "/authors/$options", "/$text", "/$text/$search"])
    assert query["site"] == "$where" and query["section"] == "{$gt: ''}"
    assert query["$text"]["$search"] == '"timnas" "or" "ne" "1"'


# -- the Python API: DataStore (open_store's result) ---------------------------------------------------------


@pytest.fixture
def data(corpus) -> DataStore:
    """The corpus behind the user-facing wrapper; closing is left to the store fixture."""
    return DataStore(corpus)


@pytest.mark.parametrize(("text", "expected"), [
    ('"pembebasan sandera"', ["gaza"]),  # a phrase: words next to each other, in order
    ("pembebasan sandera", ["bola", "gaza"]),  # words: anywhere
    ("sandera OR penyanderaan", ["bola", "penyanderaan", "gaza", "undated"]),
    ("timnas | penyanderaan", ["bola", "penyanderaan"]),
    ("sandera -gaza", ["bola", "undated"]),  # the tag GAZA is not text: ekonomi was never a candidate
    ("sandera NOT timnas", ["gaza", "undated"]),
    ('"sandera di sini" OR beras', ["ekonomi", "bola"]),
    ("-sandera", ["other", "ekonomi", "penyanderaan"]),  # only an exclusion: everything else
    ("OR", []), ('"', []),
])
def test_search_syntax_on_both_stores(data, text, expected):
    assert urls(data.query(text=text)) == expected
    assert data.count(text=text) == len(expected)
    assert urls(data.query(text=text, limit=1)) == expected[:1]


def test_filters_take_cli_spellings(data):
    assert urls(data.query(site="www.suara.com", section="bola")) == ["bola"]
    assert urls(data.query(site="https://www.detik.com/")) == ["other"]
    assert urls(data.query(site="detik")) == ["other"]  # an alias
    assert urls(data.query(since="2025-03-03", until="2025-03-05")) == ["ekonomi", "bola"]
    assert data.count(since="7d") == 0  # the corpus is from 2025
    with pytest.raises(StoreError, match="since"):
        data.query(since="sometime")
    with pytest.raises(StoreError, match="unknown filter"):
        data.query(sites="detik")


def test_fields_offset_limit_and_pages(data):
    rows = list(data.query(fields=["url", "title", "published_at"]))
    assert len(rows) == 6 and all(set(r) == {"url", "title", "published_at"} for r in rows)
    assert_utc(rows[0]["published_at"])
    assert urls(data.query(offset=2, limit=2)) == ["bola", "penyanderaan"]
    assert urls(data.query(text="sandera OR penyanderaan", offset=1, limit=2)) == ["penyanderaan", "gaza"]
    pages = list(data.pages(size=4, fields=["url"]))
    assert [len(p) for p in pages] == [4, 2] and all(set(r) == {"url"} for p in pages for r in p)
    with pytest.raises(StoreError, match="unknown field"):
        data.query(fields=["url", "bodyy"])
    with pytest.raises(StoreError):
        list(data.pages(size=0))


def test_to_dataframe_has_tz_aware_dates(data):
    frame = data.to_dataframe(fields=["url", "title", "published_at", "crawled_at", "tags"], site="suara")
    assert list(frame.columns) == ["url", "title", "published_at", "crawled_at", "tags"]
    assert len(frame) == 5 and "body" not in frame.columns
    assert str(frame["published_at"].dt.tz) == "UTC"
    assert frame["published_at"].isna().sum() == 1  # the undated article: NaT, not a string
    assert frame.loc[frame["url"].str.endswith("/gaza"), "tags"].iloc[0] == ["Internasional", "Gaza"]
    local = data.to_dataframe(tz="Asia/Jakarta", text='"pembebasan sandera"')
    assert local["published_at"].iloc[0].isoformat() == "2025-03-01T10:00:00+07:00"
    assert set(STORED_FIELDS) <= set(local.columns)
    empty = data.to_dataframe(text="tidakadakatasepertiini")
    assert empty.empty and str(empty["published_at"].dt.tz) == "UTC"


def test_link_edges_frame(store):
    target = f"{BASE}/target"
    store.upsert_articles([
        article("s1", link_lists={"read_also": [{"title": "Lain", "url": f"{BASE}/x"},
                                                {"title": "Sasaran", "url": target}],
                                  "popular": [{"title": "Sasaran", "url": target}]}),
        article("s2", site="detik.com", link_lists={"related": [{"title": "Sasaran!", "url": target}]}),
    ])
    data = DataStore(store)
    edges = data.link_edges().sort_values(["source_url", "list", "rank"]).reset_index(drop=True)
    assert list(edges.columns) == ["source_url", "list", "rank", "target_url", "target_title"]
    assert edges.to_dict("records") == [
        {"source_url": f"{BASE}/s1", "list": "popular", "rank": 1, "target_url": target, "target_title": "Sasaran"},
        {"source_url": f"{BASE}/s1", "list": "read_also", "rank": 1, "target_url": f"{BASE}/x",
         "target_title": "Lain"},
        {"source_url": f"{BASE}/s1", "list": "read_also", "rank": 2, "target_url": target,
         "target_title": "Sasaran"},
        {"source_url": f"{BASE}/s2", "list": "related", "rank": 1, "target_url": target, "target_title": "Sasaran!"},
    ]
    assert edges["rank"].dtype == "int64"
    assert len(data.to_dataframe(edges=True, site="detik")) == 1
    assert list(data.link_edges(lists="read_also")["rank"]) == [1, 2]
    assert data.link_edges(site="kompas").empty


def test_open_store_by_path_never_creates_a_store(tmp_path, monkeypatch):
    monkeypatch.delenv("MONGODB_URI", raising=False)
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreConfigError, match="no embedded store"):
        open_store(missing)
    with pytest.raises(StoreConfigError):
        newscrawler.open_store(str(missing))
    assert not missing.exists()
    SqliteStore(tmp_path / "real.db").close()
    with newscrawler.open_store(tmp_path / "real.db") as opened:
        assert isinstance(opened, DataStore) and opened.kind == "sqlite"
        assert opened.upsert_articles([article("a")]).new == 1
        assert urls(opened.query(site="www.suara.com", fields=["url"])) == ["a"]
    with pytest.raises(StoreError):
        opened.count()  # closed by the with block


@pytest.mark.mongo
def test_open_store_by_uri(mongo_store, mongo_uri):
    mongo_store.upsert_articles([article("a")])
    with open_store(mongo_uri, database=mongo_store.db.name) as opened:
        assert opened.kind == "mongodb"
        assert opened.to_dataframe(fields=["url"])["url"].tolist() == [f"{BASE}/a"]
