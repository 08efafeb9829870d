"""RunRecorder: one run document per crawl (counts, errors, field coverage), stored or spooled."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy import signals

from newscrawler.items import ARTICLE_FIELDS
from newscrawler.paths import spool_dir
from newscrawler.store import StoreError, open_store
from newscrawler.store.spool import Spool

logger = logging.getLogger(__name__)

# Lost URLs, each counted once when it is given up (by the spider's errbacks), callbacks that raised, and
# items a pipeline raised on. Not Scrapy's downloader counters: they count every retried attempt too.
_ERROR_PREFIXES = ("newscrawler/errors/", "spider_exceptions/")


def build_run(stats: dict[str, Any], spider, reason: str) -> dict[str, Any]:
    """The run document from the crawl's stats (pure, so it is testable without a crawl)."""
    scraped = stats.get("newscrawler/articles/scraped", 0)
    dropped = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("newscrawler/dropped/")}
    errors: dict[str, int] = {}
    for key, value in stats.items():
        for prefix in _ERROR_PREFIXES:
            if key.startswith(prefix):
                kind = key[len(prefix):].rsplit(".", 1)[-1]
                if key != "spider_exceptions/count":
                    errors[kind] = errors.get(kind, 0) + value
    refused = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("newscrawler/refused/")}
    coverage = {
        name: round(100.0 * stats.get(f"newscrawler/fields/{name}", 0) / scraped, 1) if scraped else 0.0
        for name in ARTICLE_FIELDS
    }
    started = stats.get("start_time")
    return {
        "run_id": getattr(spider, "run_id", None),
        "site": getattr(getattr(spider, "profile", None), "key", None) or spider.name,
        "spider": spider.name,
        "started_at": started.astimezone(UTC).isoformat() if isinstance(started, datetime) else None,
        "finished_at": datetime.now(UTC).isoformat(),
        "finish_reason": reason,
        "pages_fetched": stats.get("response_received_count", 0),
        "articles": {
            "scraped": scraped,
            "new": stats.get("newscrawler/articles/new", 0),
            "updated": stats.get("newscrawler/articles/updated", 0),
            "unchanged": stats.get("newscrawler/articles/unchanged", 0),
            "dropped": sum(dropped.values()),
            "spooled": stats.get("newscrawler/articles/spooled", 0),
            "rejected": stats.get("newscrawler/articles/rejected", 0),
            "lost": stats.get("newscrawler/articles/lost", 0),
            "skipped_known": stats.get("newscrawler/skipped_known", 0),
        },
        "dropped_reasons": dropped,
        "errors": errors,
        "robots_blocked": stats.get("newscrawler/robots_blocked", 0),
        "refused": refused,
        "incomplete": stats.get("newscrawler/articles/incomplete", 0),
        "date_errors": stats.get("newscrawler/date_errors", 0),
        "field_coverage": coverage,
        "snapshots_new": stats.get("newscrawler/snapshots/new", 0),
        "store": stats.get("newscrawler/store") or "unavailable",
        "store_error": stats.get("newscrawler/store_unavailable"),
        "spooled": stats.get("newscrawler/articles/spooled", 0) + stats.get("newscrawler/snapshots/spooled", 0),
        "spool_dir": stats.get("newscrawler/spool_dir"),
        "spool_error": stats.get("newscrawler/spool_error"),
        "lost": stats.get("newscrawler/articles/lost", 0) + stats.get("newscrawler/snapshots/lost", 0),
        "options": getattr(spider, "run_options", {}),
    }


class RunRecorder:
    def __init__(self, crawler):
        self.crawler = crawler
        self.run: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        return ext

    def item_error(self, item, response, failure, **kwargs):
        """A pipeline raised on an item (not a counted drop): the item is lost, so it is an error of the run."""
        self.crawler.stats.inc_value(f"newscrawler/errors/pipeline_{failure.type.__name__}")

    def spider_closed(self, spider, reason):
        if not self.crawler.settings.getbool("NEWSCRAWLER_STORE_ENABLED", True):
            return
        self.run = build_run(self.crawler.stats.get_stats(), spider, reason)
        self.crawler.stats.set_value("newscrawler/run", self.run)
        try:
            store = open_store()
            try:
                store.save_run(self.run)
            finally:
                store.close()
        except StoreError as exc:
            # The store pipeline has already warned about the outage; this is bookkeeping.
            logger.info("run record spooled, store unavailable: %s", exc)
            self._spool_run()

    def _spool_run(self) -> None:
        assert self.run is not None
        spool = Spool(self.crawler.settings.get("NEWSCRAWLER_SPOOL_DIR") or spool_dir())
        try:
            spool.append("runs", [self.run], run_id=self.run["run_id"])
        except (OSError, ValueError) as exc:
            message = f"cannot write the spool at {spool.directory.absolute()}: {getattr(exc, 'strerror', None) or exc}"
            logger.error("%s; the run record is lost", message)
            self.run["spool_error"] = self.run.get("spool_error") or message
            self.run["run_record_lost"] = True
            self.crawler.stats.set_value("newscrawler/spool_error", self.run["spool_error"])
