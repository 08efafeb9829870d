"""Live crawl progress on a terminal (tqdm on stderr), read from the crawl's stats.

The extension is always installed by `newscrawler crawl`; it draws only when NEWSCRAWLER_PROGRESS is on (the CLI
turns it on when stdout and stderr are terminals and --quiet is not given), so cron runs stay silent. Whether it
draws or not, it keeps the first few stored article URLs (the canonical ones, never a mirror's) for the summary."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from typing import IO, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

#: How many article URLs the summary names.
SAMPLE_SIZE = 3
SAMPLE_STAT = "newscrawler/progress/sample_urls"
_ERROR_PREFIXES = ("newscrawler/errors/", "spider_exceptions/", "downloader/exception_type_count/")


@dataclass(frozen=True)
class Progress:
    """One reading of the stats, in the words the bar shows."""

    pages: int
    articles: int
    new: int
    updated: int
    unchanged: int
    dropped: int
    errors: int

    @classmethod
    def from_stats(cls, stats: dict[str, Any]) -> Progress:
        def total(prefixes: tuple[str, ...]) -> int:
            return sum(int(v) for k, v in stats.items() if k.startswith(prefixes) and isinstance(v, int | float))

        return cls(
            pages=int(stats.get("response_received_count", 0)),
            articles=int(stats.get("newscrawler/articles/scraped", 0)),
            new=int(stats.get("newscrawler/articles/new", 0)),
            updated=int(stats.get("newscrawler/articles/updated", 0)),
            unchanged=int(stats.get("newscrawler/articles/unchanged", 0)),
            dropped=total(("newscrawler/dropped/",)),
            # spider_exceptions/count repeats the per-type counts
            errors=total(_ERROR_PREFIXES) - int(stats.get("spider_exceptions/count", 0)),
        )

    def postfix(self) -> str:
        return (f"{self.pages} pages | {self.new} new, {self.updated} updated, {self.unchanged} unchanged | "
                f"{self.dropped} dropped | {self.errors} errors")


def _terminal_width(out: IO[str]) -> int | None:
    """None when the terminal reports its width (tqdm follows resizes); else $COLUMNS or 100, because a fresh
    pseudo-terminal (ssh without a pty size, `script`, CI) reports 0x0 and tqdm would draw nothing."""
    try:
        if os.get_terminal_size(out.fileno()).columns > 0:
            return None
    except (OSError, ValueError, AttributeError):
        pass
    return shutil.get_terminal_size((100, 24)).columns or 100


class CrawlProgress:
    """A Scrapy extension: a tqdm bar of articles (out of --max-articles when given, so tqdm shows an ETA)."""

    def __init__(self, crawler: Crawler, draw: bool, interval: float, out: IO[str] | None = None) -> None:
        self.crawler = crawler
        self.draw = draw
        self.interval = interval
        self.out = out or sys.stderr
        self.bar: Any = None
        self.loop: task.LoopingCall | None = None
        self.sample: list[str] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        ext = cls(crawler, draw=crawler.settings.getbool("NEWSCRAWLER_PROGRESS"),
                  interval=crawler.settings.getfloat("NEWSCRAWLER_PROGRESS_INTERVAL", 0.5))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider) -> None:
        if not self.draw:
            return
        from tqdm import tqdm

        width = _terminal_width(self.out)
        self.bar = tqdm(total=getattr(spider, "max_articles", None), desc=spider.name, unit=" articles",
                        file=self.out, dynamic_ncols=width is None, ncols=width, leave=True,
                        nrows=None if width is None else 24,  # tqdm hides bars below a 0-row "screen"
                        mininterval=self.interval)
        self.loop = task.LoopingCall(self.refresh)
        self.loop.start(self.interval, now=True)

    def item_scraped(self, item, spider) -> None:
        if len(self.sample) >= SAMPLE_SIZE:
            return
        adapter = ItemAdapter(item)
        # Articles carry a body; list snapshots carry entries. The url is the canonical one the store keeps.
        if "entries" not in adapter and adapter.get("url"):
            self.sample.append(str(adapter["url"]))
            self.crawler.stats.set_value(SAMPLE_STAT, list(self.sample))

    def refresh(self) -> None:
        if self.bar is None:
            return
        progress = Progress.from_stats(self.crawler.stats.get_stats())
        self.bar.n = progress.articles
        if self.bar.total is not None and progress.articles > self.bar.total:
            self.bar.total = progress.articles  # articles of a page already queued can pass the bound
        self.bar.set_postfix_str(progress.postfix(), refresh=False)
        self.bar.refresh()

    def spider_closed(self, spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.bar is not None:
            self.refresh()
            self.bar.close()
            self.bar = None
