"""Run one crawl in-process (what `newscrawler crawl` and `newscrawler demo` call)."""

from __future__ import annotations

import fcntl
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from newscrawler.crawl.spiders import spider_for

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_SPOOLED = 4


class CrawlLocked(RuntimeError):
    pass


@dataclass
class CrawlResult:
    stats: dict[str, Any]
    run: dict[str, Any] = field(default_factory=dict)

    @property
    def finish_reason(self) -> str:
        return str(self.stats.get("finish_reason", "unknown"))

    @property
    def spooled(self) -> int:
        return int(self.stats.get("newscrawler/articles/spooled", 0)) + int(
            self.stats.get("newscrawler/snapshots/spooled", 0)
        )

    @property
    def exit_code(self) -> int:
        if self.finish_reason not in ("finished", "closespider_itemcount") or not self.stats.get(
            "response_received_count"
        ):
            return EXIT_FAILED
        if self.spooled or self.stats.get("newscrawler/store_unavailable"):
            return EXIT_SPOOLED
        return EXIT_OK


def crawl_settings(mirror: str | None = None, jobdir: str | None = None, log_level: str = "WARNING",
                   overrides: dict[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("newscrawler.settings", priority="project")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    if mirror:
        # A local mirror is ours: no politeness delays, more parallelism.
        settings.set("NEWSCRAWLER_MIRROR", mirror, priority="cmdline")
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
        settings.set("DOWNLOAD_DELAY", 0, priority="cmdline")
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 8, priority="cmdline")
    if jobdir:
        settings.set("JOBDIR", jobdir, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


@contextmanager
def site_lock(site: str, directory: str | os.PathLike = "data/locks") -> Iterator[None]:
    """One crawl per site at a time, also across cron and hand-started runs."""
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    handle = open(path / f"{site}.lock", "a+")  # noqa: SIM115 - held for the whole crawl
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise CrawlLocked(f"another crawl of {site} is running (lock {path / (site + '.lock')} is held)") from exc
        yield
    finally:
        handle.close()


class OneLineErrors(logging.Filter):
    """Network failures are reported, not debugged: keep the message, drop the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


@contextmanager
def crawl_logging(settings: Settings, tracebacks: bool) -> Iterator[None]:
    """Our own log handler (Scrapy's is switched off) so that failures read as one line each."""
    log_file = settings.get("LOG_FILE")
    handler: logging.Handler = (
        logging.FileHandler(log_file, encoding="utf-8") if log_file else logging.StreamHandler(sys.stderr)
    )
    handler.setLevel(settings.get("LOG_LEVEL", "WARNING"))
    handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
    if not tracebacks:
        handler.addFilter(OneLineErrors())
    settings.set("LOG_ENABLED", False, priority="cmdline")
    logging.root.addHandler(handler)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.root.removeHandler(handler)
        handler.close()


def run_crawl(site: str, spider_args: dict[str, Any], settings: Settings, tracebacks: bool = False) -> CrawlResult:
    spidercls = spider_for(site)
    with crawl_logging(settings, tracebacks):
        process = AsyncCrawlerProcess(settings)
        crawler = process.create_crawler(spidercls)
        process.crawl(crawler, **spider_args)
        process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(stats=dict(stats), run=dict(stats.get("newscrawler/run") or {}))
