"""`scrapy crawl SITE` with `newscrawler crawl SITE`'s rules: a misspelt `-a` option is a usage error (exit 2),
a held store lock exits 3 with the CLI's message, and the exit status follows the run (0, 1, 4; see
newscrawler.crawl.runner.CrawlResult). Scrapyd runs its jobs through this command too."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from newscrawler.crawl.extensions import article_feeds
from newscrawler.crawl.runner import EXIT_FAILED, EXIT_LOCKED, EXIT_USAGE, CrawlLocked, CrawlResult
from newscrawler.crawl.spiders.base import NewsSpider, UnknownSpiderOption, check_spider_options
from newscrawler.store import StoreConfigError

logger = logging.getLogger(__name__)


class Command(ScrapyCrawlCommand):
    def process_options(self, args: list[str], opts: Any) -> None:
        super().process_options(args, opts)
        # Here, on the process settings: a crawler's own copy is overwritten by them when the crawl starts.
        article_feeds(self.settings)

    def run(self, args: list[str], opts: Any) -> None:
        if len(args) != 1:
            super().run(args, opts)  # Scrapy's own usage errors
            return
        assert self.crawler_process
        try:
            spidercls = self.crawler_process.spider_loader.load(args[0])
        except KeyError:
            raise UsageError(f"no spider {args[0]!r} (see 'scrapy list')", print_help=False) from None
        if issubclass(spidercls, NewsSpider):
            try:
                check_spider_options(spidercls, opts.spargs)
            except UnknownSpiderOption as exc:
                raise UsageError(str(exc), print_help=False) from None
        crawler = self._create_crawler(args[0])
        errors: list[BaseException] = []
        _collect_error(self.crawler_process.crawl(crawler, **opts.spargs), errors)
        self.crawler_process.start()
        self.exitcode = _exit_status(crawler, errors)


def _collect_error(running: Any, errors: list[BaseException]) -> None:
    """Keep the exception a crawl ended with (an asyncio Task or a Twisted Deferred), so that it is reported
    as one line rather than as asyncio's "exception was never retrieved" traceback."""
    if isinstance(running, asyncio.Future):
        def done(task: asyncio.Future) -> None:
            if not task.cancelled() and task.exception() is not None:
                errors.append(task.exception())
        running.add_done_callback(done)
    elif running is not None and hasattr(running, "addErrback"):
        running.addErrback(lambda failure: errors.append(failure.value))


def _exit_status(crawler: Any, errors: list[BaseException]) -> int:
    for exc in errors:
        if isinstance(exc, CrawlLocked):
            print(f"scrapy crawl: {exc}", file=sys.stderr)
            return EXIT_LOCKED
        if isinstance(exc, (StoreConfigError, UnknownSpiderOption)):
            print(f"scrapy crawl: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if isinstance(exc, OSError):  # the lock folder cannot be written, say
            print(f"scrapy crawl: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        logger.error("the crawl failed to start", exc_info=exc)
        return EXIT_FAILED
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(stats=dict(stats)).exit_code
