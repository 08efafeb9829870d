"""The item pipelines on a real crawler and a real store connection that is cut in the middle."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from tcpproxy import TcpProxy

from newscrawler.crawl.pipelines import DatePipeline, DedupePipeline, StorePipeline, TextPipeline, ValidatePipeline
from newscrawler.crawl.spiders import SPIDERS
from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.extract.processing import merge_pages
from newscrawler.items import ArticleItem
from newscrawler.store import open_store
from newscrawler.store.spool import Spool

GOLDEN = Path(__file__).parent / "golden" / "suara.com"
SEED = json.loads((GOLDEN / "seed-article.expected.json").read_text())
RAW = ArticleExtractor().extract(SEED["url"], (GOLDEN / "seed-article.html").read_bytes())


def crawler_with_spider(tmp_path: Path, **settings):
    crawler = get_crawler(SPIDERS["suara.com"], {"NEWSCRAWLER_SPOOL_DIR": str(tmp_path / "spool"), **settings})
    crawler.spider = SPIDERS["suara.com"].from_crawler(crawler)
    return crawler


def article_item(n: int, **changes) -> ArticleItem:
    raw = merge_pages([RAW])
    raw.update(url=f"https://www.suara.com/news/2025/03/06/080500/artikel-{n}", crawled_at="2025-09-10T01:00:00+00:00")
    raw["paragraphs"] = [f"Suara.com - Paragraf pembuka nomor {n}.", *raw["paragraphs"][1:]]
    raw.update(changes)
    return ArticleItem(**{k: v for k, v in raw.items() if k in ArticleItem.fields})


def run_chain(crawler, items):
    pipelines = [cls.from_crawler(crawler) for cls in
                 (ValidatePipeline, TextPipeline, DatePipeline, DedupePipeline, StorePipeline)]
    for p in pipelines:
        if hasattr(p, "open_spider"):
            p.open_spider()
    passed = 0
    for item in items:
        try:
            for p in pipelines:
                item = p.process_item(item)
            passed += 1
        except DropItem:
            pass
        yield passed
    for p in pipelines:
        if hasattr(p, "close_spider"):
            p.close_spider()


def test_invalid_items_are_dropped_with_counted_reasons(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("MONGODB_URI", raising=False)
    monkeypatch.setenv("NEWSCRAWLER_DB", str(tmp_path / "v.db"))
    crawler = crawler_with_spider(tmp_path)
    items = [article_item(1), article_item(2, title=""), article_item(3, paragraphs=[]),
             article_item(4, paragraphs=["Baca Juga: judul lain", "ADVERTISEMENT"]), article_item(1)]
    *_, passed = run_chain(crawler, items)
    stats = crawler.stats.get_stats()
    assert passed == 1
    assert stats["newscrawler/dropped/missing_title"] == 1
    assert stats["newscrawler/dropped/missing_body"] == 1
    assert stats["newscrawler/dropped/empty_body_after_cleaning"] == 1
    assert stats["newscrawler/dropped/duplicate"] == 1
    store = open_store(path=str(tmp_path / "v.db"))
    try:
        assert store.count() == 1
        stored = store.get("https://www.suara.com/news/2025/03/06/080500/artikel-1")
        assert stored["dateline"] == "Suara.com" and stored["body"].startswith("Paragraf pembuka nomor 1.")
    finally:
        store.close()


def test_store_lost_mid_crawl_spools_the_rest(tmp_path: Path, mongo_uri: str, monkeypatch) -> None:
    proxy, uri = TcpProxy.for_uri(mongo_uri)
    database = f"midcrawl_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("MONGODB_URI", uri)
    monkeypatch.setenv("MONGODB_DATABASE", database)
    monkeypatch.setenv("MONGODB_TIMEOUT_MS", "500")
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=3)
    chain = run_chain(crawler, [article_item(n) for n in range(10)])
    for passed in chain:
        if passed == 4:  # the first batch of three is written; then the store goes away
            proxy.cut()
    stats = crawler.stats.get_stats()
    assert stats["newscrawler/articles/scraped"] == 10
    assert stats["newscrawler/articles/stored"] == 3
    assert stats["newscrawler/articles/spooled"] == 7
    assert "newscrawler/store_unavailable" in stats
    spool = Spool(tmp_path / "spool")
    assert spool.pending() >= 7  # articles, plus the snapshots
    store = open_store(uri=mongo_uri, database=database)
    try:
        assert store.count() == 3
        spool.replay(store)
        assert store.count() == 10 and spool.pending() == 0
    finally:
        store.client.drop_database(database)
        store.close()


@pytest.mark.parametrize("printed", ["Jumat, 24 Juli 2026 | 15:18 WITA"])
def test_dates_pipeline_keeps_the_printed_zone(tmp_path: Path, printed: str) -> None:
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_ENABLED=False)
    item = article_item(1, date_candidates=[("printed", printed)], modified_candidates=[],
                        crawled_at="2026-08-01T00:00:00+00:00")
    *_, passed = run_chain(crawler, [item])
    assert passed == 1
    assert item["published_at"] == "2026-07-24T15:18:00+08:00"
    assert item["published_at_raw"] == printed


def _use_sqlite(tmp_path: Path, monkeypatch) -> str:
    monkeypatch.delenv("MONGODB_URI", raising=False)
    path = str(tmp_path / "p.db")
    monkeypatch.setenv("NEWSCRAWLER_DB", path)
    return path


def test_lone_surrogates_cost_nothing_and_snapshots_are_kept(tmp_path: Path, monkeypatch) -> None:
    path = _use_sqlite(tmp_path, monkeypatch)
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=50)
    broken = article_item(
        2, title="Judul \ud800 rusak", description="ringkas \udfff", tags=["a\ud800"],
        paragraphs=["Suara.com - Paragraf \udc00 pertama.", *RAW["paragraphs"][1:]],
        link_lists={"popular": [{"title": "P \ud800", "url": "https://www.suara.com/news/2025/03/06/080500/p"}]},
    )
    *_, passed = run_chain(crawler, [article_item(1), broken, article_item(3)])
    stats = crawler.stats.get_stats()
    assert passed == 3 and stats["newscrawler/articles/stored"] == 3
    assert "newscrawler/articles/spooled" not in stats and "newscrawler/errors/store_rejected" not in stats
    store = open_store(path=path)
    try:
        got = store.get("https://www.suara.com/news/2025/03/06/080500/artikel-2")
        assert got["title"] == "Judul \ufffd rusak" and "\ufffd" in got["body"] and got["tags"] == ["a\ufffd"]
        titles = [e["title"] for snap in store.snapshots("suara.com", "popular") for e in snap["entries"]]
        assert "P \ufffd" in titles
    finally:
        store.close()


def test_an_item_the_store_refuses_costs_only_itself(tmp_path: Path, monkeypatch) -> None:
    path = _use_sqlite(tmp_path, monkeypatch)
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=4)
    items = [article_item(n) for n in range(8)]
    items[2]["pages"] = 10**30  # no backend holds this integer: the store refuses this article alone
    *_, passed = run_chain(crawler, items)
    stats = crawler.stats.get_stats()
    assert passed == 8
    assert stats["newscrawler/articles/stored"] == 7 and stats["newscrawler/articles/rejected"] == 1
    assert stats["newscrawler/errors/store_rejected"] == 1
    store = open_store(path=path)
    try:
        assert store.count() == 7 and store.get(items[2]["url"]) is None
    finally:
        store.close()
    (kept,) = Spool(tmp_path / "spool").bad_directory.glob("*.jsonl")
    line = json.loads(kept.read_text(encoding="utf-8"))
    assert line["record"]["url"] == items[2]["url"] and "pages" in line["rejected"]


def test_store_down_and_spool_unwritable_is_a_loud_failure(tmp_path: Path, monkeypatch) -> None:
    from newscrawler.crawl.runner import EXIT_FAILED, CrawlResult

    monkeypatch.setenv("MONGODB_URI", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200")
    blocker = tmp_path / "spool"
    blocker.write_text("a file where the spool folder should be")
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=2)
    *_, passed = run_chain(crawler, [article_item(n) for n in range(5)])
    stats = crawler.stats.get_stats()
    assert passed == 5
    assert stats["newscrawler/articles/lost"] == 5 and "newscrawler/articles/spooled" not in stats
    assert str(blocker.absolute()) in stats["newscrawler/spool_error"]
    result = CrawlResult(stats={**stats, "finish_reason": "finished", "response_received_count": 5})
    assert result.lost and result.exit_code == EXIT_FAILED


def test_snapshots_are_written_as_the_crawl_goes_and_unchanged_lists_stay_one_observation(
        tmp_path: Path, monkeypatch) -> None:
    path = _use_sqlite(tmp_path, monkeypatch)
    crawler = crawler_with_spider(tmp_path, NEWSCRAWLER_STORE_BATCH=4)
    pipelines = [cls.from_crawler(crawler) for cls in
                 (ValidatePipeline, TextPipeline, DatePipeline, DedupePipeline, StorePipeline)]
    store_pipeline = pipelines[-1]
    for p in pipelines:
        if hasattr(p, "open_spider"):
            p.open_spider()

    def popular(n: int) -> dict:
        return {"popular": [{"title": f"Terpopuler {n}", "url": f"https://www.suara.com/news/2025/03/06/080500/p{n}"}]}

    # Lists 0..19, each seen on two articles in a row, then list 19 on four more: 20 observations in all.
    shown = [n // 2 for n in range(40)] + [19] * 4
    for i, n in enumerate(shown):
        item = article_item(i, link_lists=popular(n), crawled_at=f"2025-09-10T01:{i:02d}:00+00:00")
        for p in pipelines:
            item = p.process_item(item)
        # Ended observations do not pile up in memory until the end of the crawl.
        assert len(store_pipeline.snapshots) <= 4
    for p in pipelines:
        p.close_spider() if hasattr(p, "close_spider") else None
    store = open_store(path=path)
    try:
        snaps = store.snapshots("suara.com", "popular")
        assert len(snaps) == 20
        assert [s["entries"][0]["title"] for s in reversed(snaps)] == [f"Terpopuler {n}" for n in range(20)]
        last = snaps[0]
        assert last["observations"] == 1  # one run saw it: one observation, however many pages showed it
        assert last["observed_at"].minute == 38 and last["last_observed_at"].minute == 43
    finally:
        store.close()
