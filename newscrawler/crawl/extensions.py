"""What makes `scrapy crawl SITE` (and a Scrapyd job) behave like `newscrawler crawl SITE`.

- StoreLock: the same per-(store, site) lock the CLI takes (newscrawler.crawl.runner.site_lock), taken when the
  crawl did not come from the CLI; a Scrapyd job also appends its log to DATA_DIR/logs/SITE.log, like cron runs.
- article_feeds(): `-O out.jsonl` holds articles only; snapshots go to their own feed when asked for
  (NEWSCRAWLER_SNAPSHOT_FEED), both through the FEEDS `item_classes` option.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import PurePosixPath
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

from newscrawler.paths import lock_dir_override, log_dir
from newscrawler.store import store_identity

ARTICLE_ITEM = "newscrawler.items.ArticleItem"
SNAPSHOT_ITEM = "newscrawler.items.SnapshotItem"
#: Same rotation as the cron log (README: Scheduling).
LOG_MAX_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5
#: A local mirror is ours: no politeness delays, more parallelism (`--mirror` and `-a mirror=` alike).
MIRROR_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}
#: Most requests in flight `--concurrency` allows: against a live site, and against a local mirror.
MAX_LIVE_CONCURRENCY = 16
MAX_MIRROR_CONCURRENCY = 256


def concurrency_settings(requests: int, mirror: bool) -> dict[str, Any]:
    """`--concurrency N`: up to N requests in flight.

    A mirror is ours, so N is all there is to it. A live site keeps its politeness: AutoThrottle stays on,
    adapting the pace to the server's latency and backing off when it slows or errs; N only raises the ceiling,
    so the shortest spacing between two requests to a site becomes 1/N s instead of 1 s."""
    limit = MAX_MIRROR_CONCURRENCY if mirror else MAX_LIVE_CONCURRENCY
    if not 1 <= requests <= limit:
        raise ValueError(f"--concurrency must be from 1 to {limit}" + ("" if mirror else " for a live site"))
    settings: dict[str, Any] = {"CONCURRENT_REQUESTS": requests, "CONCURRENT_REQUESTS_PER_DOMAIN": requests}
    if not mirror:
        settings.update(AUTOTHROTTLE_TARGET_CONCURRENCY=float(requests), DOWNLOAD_DELAY=1.0 / requests)
    return settings
_FEED_FORMATS = {".jsonl": "jsonlines", ".jl": "jsonlines", ".json": "json", ".csv": "csv", ".xml": "xml"}


def lock_key(spider: Any) -> str:
    """The name the CLI locks a crawl of this spider under: the site key, else the spider's name."""
    return getattr(getattr(spider, "profile", None), "key", None) or spider.name


class StoreLock:
    """Holds the store lock for `lock_key(spider)` from before the store opens until the engine stops.

    Raises CrawlLocked from from_crawler when another crawl holds it, so nothing is fetched or written (the
    crawl command turns it into exit status 3); StoreConfigError for store settings that can never work.
    """

    def __init__(self, lock: Any, handler: logging.Handler | None) -> None:
        self._lock = lock
        self._handler = handler

    @classmethod
    def from_crawler(cls, crawler) -> StoreLock:
        settings = crawler.settings
        if settings.getbool("NEWSCRAWLER_CALLER_HOLDS_LOCK") or not settings.getbool("NEWSCRAWLER_STORE_ENABLED"):
            raise NotConfigured
        from newscrawler.crawl.runner import site_lock  # runner imports the spiders, which import this module

        spider = crawler.spider
        if not hasattr(spider, "profile"):  # not one of our crawls (`scrapy shell`'s default spider, say)
            raise NotConfigured
        lock = site_lock(lock_key(spider), store_identity(), lock_dir_override())
        lock.__enter__()
        handler = None
        job = (getattr(spider, "scheduler_job", None) or {}).get("_job")
        if job:
            handler = _job_log(lock_key(spider), settings)
            logging.getLogger(__name__).info("Scrapyd job %s of %s", job, spider.name)
        extension = cls(lock, handler)
        crawler.signals.connect(extension.release, signal=signals.engine_stopped)
        return extension

    def release(self) -> None:
        if self._handler is not None:
            logging.root.removeHandler(self._handler)
            self._handler.close()
            self._handler = None
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None


def _job_log(site: str, settings: BaseSettings) -> logging.Handler:
    """DATA_DIR/logs/SITE.log, the file cron runs of the same site write (Scrapyd keeps its own copy too)."""
    path = log_dir() / f"{site}.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setLevel(settings.get("LOG_LEVEL") or "INFO")
    handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
    logging.root.addHandler(handler)
    return handler


def _feed_format(uri: str) -> str:
    return _FEED_FORMATS.get(PurePosixPath(uri.split("?", 1)[0]).suffix.lower(), "jsonlines")


def article_feeds(settings: BaseSettings) -> None:
    """Feeds without `item_classes` (`-o`/`-O`, Scrapyd's items_dir) export articles only; the
    NEWSCRAWLER_SNAPSHOT_FEED URI, if set, gets the list snapshots. Called by our `scrapy crawl` command."""
    feeds: dict[str, Any] = {uri: dict(options) for uri, options in settings.getdict("FEEDS").items()}
    for options in feeds.values():
        options.setdefault("item_classes", [ARTICLE_ITEM])
    snapshot_uri = settings.get("NEWSCRAWLER_SNAPSHOT_FEED")
    if snapshot_uri:
        feeds.setdefault(snapshot_uri, {"format": _feed_format(snapshot_uri)})["item_classes"] = [SNAPSHOT_ITEM]
    if feeds:
        settings.set("FEEDS", feeds, priority=max(settings.getpriority("FEEDS") or 0, 30))
