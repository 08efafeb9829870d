"""Article extraction for a crawl: in the crawl's own process, or in worker processes once the crawl is big.

Scrapy runs in one thread, and extracting a 60 KB page costs about as much CPU as Scrapy spends fetching it, so a
large crawl (a backfill, a mirror replay) is bound by one core. `ExtractionService` moves extraction into worker
processes (`NEWSCRAWLER_EXTRACT_PROCESSES`, default: one per core beyond the first) after the crawl's first
`NEWSCRAWLER_EXTRACT_POOL_AFTER` pages: a small or polite crawl never pays for starting a process, a long one uses
the machine. The worker builds the same `ArticleExtractor` from a picklable recipe, so the result is identical.

A page that kills its worker (a parser crash) costs only itself: the pool is rebuilt and the page's neighbours are
tried again; after `_MAX_RESTARTS` rebuilds the crawl goes on extracting in its own process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy import signals as scrapy_signals

from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle

logger = logging.getLogger(__name__)

#: A recipe the worker turns into the crawl's profile: a module-level callable and its (picklable) arguments.
ProfileRecipe = tuple[Callable[..., Any], tuple[Any, ...]]

_MAX_RESTARTS = 3
#: The worker's extractors, one per profile recipe it has been sent (a WARC import meets many sites).
_worker_extractors: dict[ProfileRecipe, ArticleExtractor] = {}


class ExtractionFailed(Exception):
    """Extraction raised in a worker process; `kind` is the original exception's type name."""

    def __init__(self, kind: str, message: str, remote_traceback: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.remote_traceback = remote_traceback


def default_processes() -> int:
    """Worker processes when the setting says nothing: every core this process may use, but one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(0, cores - 1)


def _init_worker() -> None:
    # Ctrl-C at a terminal reaches the whole process group: the crawl stops gracefully and closes its workers,
    # which must not die first, each printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Library warnings would reach the crawl's stderr raw (cron mails it); the crawl reports what it sees itself.
    logging.captureWarnings(True)
    logging.getLogger().addHandler(logging.NullHandler())


def _extract_in_worker(recipe: ProfileRecipe, url: str, body: bytes, content_type: str | None) -> tuple[str, Any]:
    """("ok", raw) or ("not_article", reason) or ("error", (type name, message, traceback)).

    Errors travel as text: an exception class with its own constructor may not survive unpickling."""
    try:
        extractor = _worker_extractors.get(recipe)
        if extractor is None:
            factory, args = recipe
            extractor = _worker_extractors[recipe] = ArticleExtractor(factory(*args))
        return "ok", extractor.extract(url, body, content_type)
    except NotAnArticle as exc:
        return "not_article", str(exc)
    except Exception as exc:  # the crawl decides what a failure costs; the worker only reports it
        return "error", (type(exc).__name__, str(exc), traceback.format_exc())


def _count(value: Any, name: str, default: int | None, maximum: int = 64) -> int | None:
    """A setting that is a count from 0 to `maximum` (it may come from the environment as text); else the
    default."""
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= maximum:
        logger.warning("%s=%r ignored: use a whole number from 0 to %d", name, str(value)[:20], maximum)
        return default
    return number


class ExtractionService:
    """`await service.extract(url, body, content_type)`: the page's raw extraction, wherever it ran."""

    def __init__(self, extractor: ArticleExtractor | None, recipe: ProfileRecipe | None, processes: int,
                 start_after: int) -> None:
        self.extractor = extractor
        self.recipe = recipe
        # A service without an extractor of its own (a WARC import) is sent a recipe with every page; one
        # with an extractor but no recipe cannot have that extractor rebuilt in a worker.
        self.processes = processes if recipe is not None or extractor is None else 0
        self.start_after = start_after
        self.extracted = 0
        self.restarts = 0
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Any, extractor: ArticleExtractor | None, recipe: ProfileRecipe | None
                     ) -> ExtractionService:
        """The service for a crawl: its settings, and its workers closed when the spider closes."""
        service = cls.from_settings(extractor, recipe, crawler.settings)
        crawler.signals.connect(service.close, signal=scrapy_signals.spider_closed)
        return service

    @classmethod
    def from_settings(cls, extractor: ArticleExtractor | None, recipe: ProfileRecipe | None, settings: Any
                      ) -> ExtractionService:
        processes = _count(settings.get("NEWSCRAWLER_EXTRACT_PROCESSES"), "NEWSCRAWLER_EXTRACT_PROCESSES", None)
        if processes is None:
            processes = default_processes()
        start_after = _count(settings.get("NEWSCRAWLER_EXTRACT_POOL_AFTER"), "NEWSCRAWLER_EXTRACT_POOL_AFTER", 100,
                             maximum=10**9)
        return cls(extractor, recipe, processes, start_after)

    @property
    def pooled(self) -> bool:
        """Whether the next page goes to a worker (starting the pool when the crawl has grown big enough)."""
        if self.processes <= 0 or self.extracted < self.start_after:
            return False
        if self._pool is None:
            self._start()
        return self._pool is not None

    def _start(self) -> None:
        # spawn, not fork: the crawl has threads (the store writer, Twisted's pool) that a fork would copy mid-step.
        self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_init_worker)
        logger.info("extracting in %d worker process(es) from page %d on", self.processes, self.extracted + 1)

    def extract_here(self, url: str, body: bytes, content_type: str | None,
                     extractor: ArticleExtractor | None = None) -> dict[str, Any]:
        self.extracted += 1
        return (extractor or self.extractor).extract(url, body, content_type)

    async def extract(self, url: str, body: bytes, content_type: str | None, extractor: ArticleExtractor | None = None,
                      recipe: ProfileRecipe | None = None) -> dict[str, Any]:
        """Raises NotAnArticle or ExtractionFailed as the in-process extractor raises its own errors.

        `extractor` and `recipe` name another profile than the service's (a WARC import's page of another site);
        without a recipe that page is extracted here."""
        self.extracted += 1
        extractor = extractor or self.extractor
        recipe = recipe or (self.recipe if extractor is self.extractor else None)
        broke = False
        for _attempt in range(2):
            pool = self._pool
            if pool is None or recipe is None:
                break
            try:
                status, value = await asyncio.wrap_future(
                    pool.submit(_extract_in_worker, recipe, url, body, content_type))
            except BrokenProcessPool:
                broke = True
                self._restart(pool, url)
                continue
            if status == "ok":
                return value
            if status == "not_article":
                raise NotAnArticle(value)
            kind, message, remote = value
            raise ExtractionFailed(kind, message, remote)
        if broke:  # a page that may kill its worker is never tried in the crawl's own process
            raise ExtractionFailed("WorkerCrashed", "the extraction worker died on this page")
        return extractor.extract(url, body, content_type)

    def _restart(self, broken: ProcessPoolExecutor, url: str) -> None:
        if self._pool is not broken:  # another page already replaced it
            return
        broken.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self.restarts += 1
        if self.restarts > _MAX_RESTARTS:
            logger.warning("extraction workers died %d times (last on %s): extracting in the crawl's process",
                           self.restarts, url)
            self.processes = 0
            return
        logger.warning("an extraction worker died (on %s or a page beside it): starting a new one", url)
        self._start()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
