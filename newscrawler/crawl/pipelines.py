"""Item pipelines: validate -> normalise text -> normalise dates -> dedupe -> store (spool on failure)."""

from __future__ import annotations

import logging
import queue
import threading
from datetime import UTC, datetime
from typing import Any

from scrapy.exceptions import DropItem

from newscrawler.extract.dates import DateNormalizer
from newscrawler.extract.processing import InvalidArticle, normalize_dates, normalize_text, text_normalizer, validate
from newscrawler.items import ARTICLE_FIELDS, CRAWL_FIELDS, SITE_LISTS, ArticleItem, SnapshotItem, article_dict
from newscrawler.paths import spool_dir
from newscrawler.sites import profile_for_url
from newscrawler.store import StoreError, StoreUnavailable, open_store
from newscrawler.store.common import encodable
from newscrawler.store.spool import Spool
from newscrawler.store.writes import describe, write_records

logger = logging.getLogger(__name__)


class _ArticlePipeline:
    """Base for pipelines that only touch articles and count their drops."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        fields = dict(item)
        try:
            self.process_article(fields)
        except InvalidArticle as exc:
            self.stats.inc_value(f"newscrawler/dropped/{exc.reason}")
            raise DropItem(str(exc)) from exc
        except Exception as exc:
            # A bug met on one hostile article: that article is lost (an error kind of the run record, with the
            # traceback in the log), the rest of the crawl goes on.
            self.stats.inc_value("newscrawler/errors/processing_failed")
            logger.error("%s failed on %s (%s: %s)", type(self).__name__, fields.get("url"), type(exc).__name__,
                         exc, exc_info=exc)
            raise DropItem(f"processing failed: {type(exc).__name__}: {exc}") from exc
        item.clear()
        item.update({k: v for k, v in fields.items() if k in ArticleItem.fields})
        return item

    def process_article(self, fields: dict[str, Any]) -> None:
        raise NotImplementedError

    def profile(self, url: str):
        spider = self.crawler.spider
        profile = getattr(spider, "profile", None)
        return profile if profile is not None and profile.key else profile_for_url(url)


class ValidatePipeline(_ArticlePipeline):
    def process_article(self, fields):
        # First step: a lone surrogate from a page (broken JSON-LD escapes) must not reach any encoder.
        fields.update(encodable(fields))
        validate(fields)


class TextPipeline(_ArticlePipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self._normalizers: dict[str, Any] = {}

    def process_article(self, fields):
        profile = self.profile(fields["url"])
        key = profile.key or "generic"
        if key not in self._normalizers:
            self._normalizers[key] = text_normalizer(profile)
        normalize_text(fields, profile, self._normalizers[key])


class DatePipeline(_ArticlePipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.dates = DateNormalizer()

    def process_article(self, fields):
        crawled = fields.get("crawled_at")
        now = datetime.fromisoformat(crawled) if crawled else datetime.now(UTC)
        errors = normalize_dates(fields, now, self.dates)
        if errors:
            self.stats.inc_value("newscrawler/date_errors", len(errors))
            logger.info("date problems on %s: %s", fields.get("url"), "; ".join(errors))
        if not fields.get("published_at"):
            self.stats.inc_value("newscrawler/no_published_at")


class DedupePipeline(_ArticlePipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_article(self, fields):
        if fields["url"] in self.seen:
            raise InvalidArticle("duplicate", fields["url"])
        self.seen.add(fields["url"])


class _Writer:
    """One background thread that owns the store: every open, write and close happens there.

    SQLite connections are bound to the thread that made them, and both SQLite and pymongo release the GIL
    while they work, so the crawl's thread keeps extracting while a batch is written on the second core.
    The queue is bounded: a writer that falls behind slows the crawl down instead of piling up batches.
    """

    #: Batches waiting for the writer at most; with 50 articles of ~40 KB each this is a few MB.
    QUEUE_BATCHES = 4

    def __init__(self, pipeline: StorePipeline) -> None:
        self.pipeline = pipeline
        self.queue: queue.Queue[tuple[str, list[dict]] | None] = queue.Queue(self.QUEUE_BATCHES)
        self.opened = threading.Event()
        self.failed: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="newscrawler-store-writer", daemon=True)

    def start(self) -> None:
        """Start the thread and wait until the store is open (or known to be down) and the spool replayed."""
        self.thread.start()
        self.opened.wait()
        if self.failed is not None:
            raise self.failed  # as the synchronous open_spider would: the crawl must not start blind

    def put(self, kind: str, records: list[dict]) -> None:
        if self.thread.is_alive():
            self.queue.put((kind, records))
        else:  # the store never opened: nothing would ever take the batch
            self.pipeline._spool(kind, records)

    def close(self) -> None:
        """Write everything queued, close the store, and wait for the thread to end."""
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()

    def _run(self) -> None:
        pipeline = self.pipeline
        try:
            pipeline._open_store()
        except BaseException as exc:
            self.failed = exc
            return
        finally:
            self.opened.set()
        while (task := self.queue.get()) is not None:
            kind, records = task
            try:
                pipeline._write_now(kind, records)
            except Exception as exc:
                # A bug, not an outage: the batch goes to the spool so that nothing is lost, and the log says why.
                logger.error("writing %s %s failed (%s: %s); they go to the spool", len(records), kind,
                             type(exc).__name__, exc, exc_info=exc)
                pipeline._spool(kind, records)
        pipeline._close_store()


class StorePipeline:
    """Batched writes to the configured store; anything the store cannot take goes to the spool.

    With NEWSCRAWLER_STORE_THREAD (on in newscrawler.settings) and batches of more than one article, the store
    lives in a background writer thread (_Writer). A batch of one means the caller needs each article in the
    store when process_item returns (the --jobdir journal, the frontier): those writes stay on the crawl's thread.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.batch_size = settings.getint("NEWSCRAWLER_STORE_BATCH", 50)
        self.enabled = settings.getbool("NEWSCRAWLER_STORE_ENABLED", True)
        self.spool = Spool(settings.get("NEWSCRAWLER_SPOOL_DIR") or spool_dir())
        self.stats.set_value("newscrawler/spool_dir", str(self.spool.directory.absolute()))
        self.store = None
        self.articles: list[dict] = []
        self.snapshots: list[dict] = []
        self.last_lists: dict[tuple[str, str], list] = {}
        self.warned = False
        threaded = settings.getbool("NEWSCRAWLER_STORE_THREAD", False) and self.batch_size > 1
        self.writer: _Writer | None = _Writer(self) if threaded else None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def run_id(self) -> str | None:
        return getattr(self.crawler.spider, "run_id", None)

    def open_spider(self):
        if not self.enabled:
            return
        if self.writer is not None:
            self.writer.start()
        else:
            self._open_store()

    def _open_store(self) -> None:
        try:
            self.store = open_store()
            self.store.ping()
        except StoreError as exc:
            self._unavailable(exc)
            return
        self.stats.set_value("newscrawler/store", self.store.kind)
        if self.spool.pending():
            try:
                replayed = self.spool.replay(self.store)
                logger.info("replayed spooled records: %s", replayed)
                self.stats.set_value("newscrawler/spool_replayed", replayed)
            except StoreError as exc:
                self._unavailable(exc)

    def _unavailable(self, exc: Exception) -> None:
        self.stats.set_value("newscrawler/store_unavailable", str(exc))
        if not self.warned:
            logger.warning("store unavailable (%s); items go to the spool at %s", exc,
                           self.spool.directory.absolute())
            self.warned = True
        if self.store is not None:
            self.store.close()
        self.store = None

    def process_item(self, item):
        if not self.enabled:
            return item
        if isinstance(item, SnapshotItem):
            self._add_snapshot(encodable(dict(item)))
        elif isinstance(item, ArticleItem):
            crawl = {name: item[name] for name in CRAWL_FIELDS if item.get(name) is not None}
            article = encodable(article_dict(item) | crawl)
            self._count_fields(article)
            self.articles.append(article)
            for name in SITE_LISTS:
                entries = (article.get("link_lists") or {}).get(name)
                if entries:
                    self._add_snapshot(
                        {"site": article["site"], "list": name, "observed_at": article["crawled_at"],
                         "entries": entries, "source_url": article["url"]}
                    )
        if len(self.articles) >= self.batch_size:
            self.flush()
        return item

    def _count_fields(self, article: dict) -> None:
        self.stats.inc_value("newscrawler/articles/scraped")
        for name in ARTICLE_FIELDS:
            if article.get(name) not in (None, "", [], {}):
                self.stats.inc_value(f"newscrawler/fields/{name}")

    def _add_snapshot(self, snapshot: dict) -> None:
        # Within one run an unchanged list is one observation: extend it instead of writing it again.
        key = (snapshot["site"], snapshot["list"])
        previous = self.last_lists.get(key)
        if previous is not None and previous[0]["entries"] == snapshot["entries"]:
            previous[0]["last_observed_at"] = snapshot["observed_at"]
            return
        record = dict(snapshot)
        self.last_lists[key] = [record]
        self.snapshots.append(record)
        if len(self.snapshots) >= self.batch_size:
            self._flush_final_snapshots()

    def _flush_final_snapshots(self) -> None:
        """Write the observations a later, different list has ended; each list's latest stays here, where the
        rest of the run can still extend it. Keeping every observation until the end grew a 20,000-page crawl
        by ~90 MB (front-page lists that change from page to page)."""
        latest = {id(records[0]) for records in self.last_lists.values()}
        final = [r for r in self.snapshots if id(r) not in latest]
        if final:
            self.snapshots = [r for r in self.snapshots if id(r) in latest]
            self._write("snapshots", final)

    def flush(self) -> None:
        articles, self.articles = self.articles, []
        if articles:
            self._write("articles", articles)

    def _write(self, kind: str, records: list[dict]) -> None:
        if self.writer is not None:
            self.writer.put(kind, records)
        else:
            self._write_now(kind, records)

    def _write_now(self, kind: str, records: list[dict]) -> None:
        if self.store is not None:
            try:
                self._count_written(kind, write_records(self.store, kind, records, self.run_id))
                return
            except StoreUnavailable as exc:
                self._unavailable(exc)
        self._spool(kind, records)

    def _count_written(self, kind: str, result) -> None:
        if kind == "articles":
            for name, value in result.counts.as_dict().items():
                self.stats.inc_value(f"newscrawler/articles/{name}", value)
            self.stats.inc_value("newscrawler/articles/stored", result.stored)
        else:
            self.stats.inc_value("newscrawler/snapshots/new", result.snapshots_new)
        for record, reason in result.rejected:
            # Only this record misses the store; the run record counts it as an error, bad/ keeps it.
            logger.error("the store refused %s: %s", describe(record), reason)
            self.stats.inc_value(f"newscrawler/{kind}/rejected")
            self.stats.inc_value("newscrawler/errors/store_rejected")
        if result.rejected:
            try:
                self.spool.reject(kind, result.rejected, run_id=self.run_id)
            except (OSError, ValueError) as exc:
                logger.error("cannot keep the refused records in %s: %s", self.spool.bad_directory.absolute(), exc)

    def _spool(self, kind: str, records: list[dict]) -> None:
        try:
            self.spool.append(kind, records, run_id=self.run_id)
        except (OSError, ValueError) as exc:
            # Store down and spool unwritable: these records are lost, and the run must say so loudly.
            where = self.spool.directory.absolute()
            message = f"cannot write the spool at {where}: {getattr(exc, 'strerror', None) or exc}"
            if not self.stats.get_value("newscrawler/spool_error"):
                logger.error("%s; %s records lost", message, kind)
            self.stats.set_value("newscrawler/spool_error", message)
            self.stats.inc_value(f"newscrawler/{kind}/lost", len(records))
            return
        self.stats.inc_value(f"newscrawler/{kind}/spooled", len(records))

    def close_spider(self):
        if not self.enabled:
            return
        self.flush()
        if self.snapshots:
            self._write("snapshots", self.snapshots)
            self.snapshots = []
        if self.writer is not None:
            self.writer.close()  # the run record reads the counts after this: every batch is written by now
        else:
            self._close_store()

    def _close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
