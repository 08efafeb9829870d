"""Item pipelines: validate -> normalise text -> normalise dates -> dedupe -> store (spool on failure)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy.exceptions import DropItem

from newscrawler.extract.dates import DateNormalizer
from newscrawler.extract.processing import InvalidArticle, normalize_dates, normalize_text, text_normalizer, validate
from newscrawler.items import ARTICLE_FIELDS, SITE_LISTS, ArticleItem, SnapshotItem, article_dict
from newscrawler.sites import profile_for_url
from newscrawler.store import StoreError, StoreUnavailable, open_store
from newscrawler.store.spool import Spool

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


class StorePipeline:
    """Batched writes to the configured store; anything the store cannot take goes to the spool."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.batch_size = settings.getint("NEWSCRAWLER_STORE_BATCH", 50)
        self.enabled = settings.getbool("NEWSCRAWLER_STORE_ENABLED", True)
        self.spool = Spool(settings.get("NEWSCRAWLER_SPOOL_DIR", "data/spool"))
        self.store = None
        self.articles: list[dict] = []
        self.snapshots: list[dict] = []
        self.last_lists: dict[tuple[str, str], list] = {}
        self.warned = False

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def run_id(self) -> str | None:
        return getattr(self.crawler.spider, "run_id", None)

    def open_spider(self):
        if not self.enabled:
            return
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
            logger.warning("store unavailable (%s); items go to the spool at %s", exc, self.spool.directory)
            self.warned = True
        if self.store is not None:
            self.store.close()
        self.store = None

    def process_item(self, item):
        if not self.enabled:
            return item
        if isinstance(item, SnapshotItem):
            self._add_snapshot(dict(item))
        elif isinstance(item, ArticleItem):
            article = article_dict(item)
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

    def flush(self) -> None:
        articles, self.articles = self.articles, []
        if articles:
            self._write("articles", articles)

    def _write(self, kind: str, records: list[dict]) -> None:
        if self.store is not None:
            try:
                if kind == "articles":
                    counts = self.store.upsert_articles(records, run_id=self.run_id)
                    for name, value in counts.as_dict().items():
                        self.stats.inc_value(f"newscrawler/articles/{name}", value)
                    self.stats.inc_value("newscrawler/articles/stored", len(records))
                else:
                    self.stats.inc_value("newscrawler/snapshots/new", self.store.add_snapshots(records))
                return
            except StoreUnavailable as exc:
                self._unavailable(exc)
        self.spool.append(kind, records, run_id=self.run_id)
        self.stats.inc_value(f"newscrawler/{kind}/spooled", len(records))

    def close_spider(self):
        if not self.enabled:
            return
        self.flush()
        if self.snapshots:
            self._write("snapshots", self.snapshots)
            self.snapshots = []
        if self.store is not None:
            self.store.close()
