"""Run one crawl in-process (what `newscrawler crawl` and `newscrawler demo` call)."""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from newscrawler.crawl.extensions import MIRROR_SETTINGS, concurrency_settings
from newscrawler.crawl.middlewares import printed_level
from newscrawler.crawl.spiders import spider_for
from newscrawler.store import StoreIdentity

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_SPOOLED = 4
EXIT_STORE_UNREACHABLE = 5
#: --log-file rotation (what the README promises): 5 MB per file, five old files kept.
LOG_MAX_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5
PROGRESS_EXTENSION = "newscrawler.crawl.progress.CrawlProgress"


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
    def lost(self) -> bool:
        """Records that reached neither the store nor the spool (both failed)."""
        return bool(self.stats.get("newscrawler/spool_error"))

    @property
    def exit_code(self) -> int:
        if self.lost:
            return EXIT_FAILED
        if self.finish_reason not in ("finished", "closespider_itemcount") or not self.stats.get(
            "response_received_count"
        ):
            return EXIT_FAILED
        if self.spooled or self.stats.get("newscrawler/store_unavailable"):
            return EXIT_SPOOLED
        return EXIT_OK


def crawl_settings(mirror: str | None = None, jobdir: str | None = None, log_level: str = "WARNING",
                   overrides: dict[str, Any] | None = None, progress: bool = False,
                   concurrency: int | None = None, extract_workers: int | None = None) -> Settings:
    """Settings for an in-process crawl; `progress` draws a live bar on stderr (a terminal's).

    `concurrency`: requests in flight (newscrawler.crawl.extensions.concurrency_settings; ValueError when out of
    range); `extract_workers`: extraction processes (0: extract in the crawl's own process)."""
    settings = Settings()
    settings.setmodule("newscrawler.settings", priority="project")
    # The progress extension also keeps a few article URLs for the summary, so it runs even when not drawing.
    settings.set("EXTENSIONS", {**settings.getdict("EXTENSIONS"), PROGRESS_EXTENSION: 900}, priority="project")
    settings.set("NEWSCRAWLER_PROGRESS", progress, priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    # The CLI takes the store lock itself (it must report exit 3 before Scrapy starts).
    settings.set("NEWSCRAWLER_CALLER_HOLDS_LOCK", True, priority="cmdline")
    if mirror:
        # A local mirror is ours: no politeness delays, more parallelism.
        settings.set("NEWSCRAWLER_MIRROR", mirror, priority="cmdline")
        settings.update(MIRROR_SETTINGS, priority="cmdline")
    if concurrency is not None:
        settings.update(concurrency_settings(concurrency, mirror=bool(mirror)), priority="cmdline")
    if extract_workers is not None:
        settings.set("NEWSCRAWLER_EXTRACT_PROCESSES", extract_workers, priority="cmdline")
    if jobdir:
        settings.set("JOBDIR", jobdir, priority="cmdline")
    batch = _store_batch(os.environ.get("NEWSCRAWLER_STORE_BATCH"))
    if batch:
        settings.set("NEWSCRAWLER_STORE_BATCH", batch, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def lock_path(site: str, store: StoreIdentity, directory: str | os.PathLike | None = None) -> Path:
    """The lock file for crawling `site` into `store`: keyed on the store, never on the working directory.

    The store key is hashed into the name (it can be long, and holds paths and host names)."""
    digest = hashlib.sha256(store.key.encode("utf-8")).hexdigest()[:16]
    return Path(directory or store.lock_directory) / f"{site}.{digest}.lock"


def _store_batch(text: str | None) -> int | None:
    """$NEWSCRAWLER_STORE_BATCH (articles per store write, a tuning knob): 1-10000, anything else ignored."""
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 10_000:
        logging.getLogger(__name__).warning("NEWSCRAWLER_STORE_BATCH=%r ignored: use 1-10000", text[:20])
        return None
    return value


@contextmanager
def site_lock(site: str, store: StoreIdentity, directory: str | os.PathLike | None = None) -> Iterator[None]:
    """One crawl per (store, site) at a time, across folders, cron and hand-started runs.

    Raises CrawlLocked when another crawl holds it, OSError when the lock folder cannot be written."""
    path = lock_path(site, store, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 - held for the whole crawl
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise CrawlLocked(f"another crawl of {site} is running into this store (lock {path} is held)") from exc
        yield
    finally:
        handle.close()


class OneLineErrors(logging.Filter):
    """Network failures are reported, not debugged: keep the message, drop the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


class ComponentNotices(logging.Filter):
    """Scrapy says "Disabled X: reason" at WARNING when an optional component is off by configuration (the
    archive without --archive, say). That is the normal case, not a problem: kept at -v/--log-file (INFO),
    never on a quiet run's stderr, where cron would mail it every time."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        notice = record.name == "scrapy.middleware" and str(record.msg).startswith("Disabled ")
        return not notice or self.level <= logging.INFO


@contextmanager
def crawl_logging(settings: Settings, tracebacks: bool) -> Iterator[None]:
    """Our own log handler (Scrapy's is switched off) so that failures read as one line each."""
    log_file = settings.get("LOG_FILE")
    # A long crawl (or a chatty -v one) rotates while it writes, not only when the next run starts.
    handler: logging.Handler = (
        RotatingFileHandler(log_file, maxBytes=settings.getint("NEWSCRAWLER_LOG_MAX_BYTES", LOG_MAX_BYTES),
                            backupCount=settings.getint("NEWSCRAWLER_LOG_BACKUPS", LOG_BACKUPS), encoding="utf-8")
        if log_file else logging.StreamHandler(sys.stderr)
    )
    handler.setLevel(settings.get("LOG_LEVEL", "WARNING"))
    handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
    if not tracebacks:
        handler.addFilter(OneLineErrors())
    handler.addFilter(ComponentNotices(handler.level))
    settings.set("LOG_ENABLED", False, priority="cmdline")
    logging.root.addHandler(handler)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.root.removeHandler(handler)
        handler.close()


def _raise_root_level(**kwargs: Any) -> None:
    logging.root.setLevel(printed_level())


def run_crawl(site: str | type[Spider], spider_args: dict[str, Any], settings: Settings,
              tracebacks: bool = False) -> CrawlResult:
    """One crawl in this process: a site's spider (key, alias or host) or a spider class (import-warc …)."""
    spidercls = site if isinstance(site, type) else spider_for(site)
    with crawl_logging(settings, tracebacks):
        process = AsyncCrawlerProcess(settings)
        root_level = logging.root.level
        try:
            crawler = process.create_crawler(spidercls)
            # Scrapy opens the root logger to every level (again as the crawl starts); records nobody prints
            # (a DEBUG line per page fetched and per item) would still be built and filtered, one by one.
            crawler.signals.connect(_raise_root_level, signal=signals.engine_started, weak=False)
            process.crawl(crawler, **spider_args)
            process.start()
        finally:
            logging.root.setLevel(root_level)
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(stats=dict(stats), run=dict(stats.get("newscrawler/run") or {}))
