"""NewsSpider: discovery (sitemaps, index pages, RSS, related links), date window, limits, multi-page.

One spider class serves every site; a site's spider only names its profile.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import scrapy
from lxml.etree import ParserError
from scrapy.http import Response, TextResponse

from newscrawler.crawl.discovery import Listed, links_on_page, parse_feed, parse_index_page, parse_sitemap
from newscrawler.extract.dates import DateNormalizer, DateParseError, date_from_url
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.linklists import parse_html
from newscrawler.extract.processing import merge_pages
from newscrawler.items import ARTICLE_LISTS, SITE_LISTS, ArticleItem, SnapshotItem
from newscrawler.sites import SiteProfile
from newscrawler.urls import host_allowed

logger = logging.getLogger(__name__)

_TRUE = {"1", "true", "yes", "on", "y"}


def _flag(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


class NewsSpider(scrapy.Spider):
    profile_cls: type[SiteProfile] = SiteProfile

    def __init__(
        self,
        since: str | datetime | None = None,
        until: str | datetime | None = None,
        max_articles: int | str | None = None,
        follow_related: bool | str | None = None,
        related_depth: int | str | None = None,
        url: str | Iterable[str] | None = None,
        mirror: str | None = None,
        incremental: bool | str | None = None,
        recheck_days: int | str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.profile = self.profile_cls()
        self.allowed_hosts = self.profile.allowed_hosts
        self.dates = DateNormalizer()
        self.extractor = ArticleExtractor(self.profile)
        self.now = datetime.now(UTC)
        self.since = self._window_date(since)
        self.until = self._window_date(until)
        self.max_articles = int(max_articles) if max_articles not in (None, "") else None
        if isinstance(url, str):
            url = [u for u in url.split(",") if u.strip()]
        self.start_article_urls = [u.strip() for u in url or []]
        # --url means "just these" unless related links are asked for explicitly.
        self.follow_related = _flag(follow_related, not self.start_article_urls)
        self.related_depth = int(related_depth) if related_depth not in (None, "") else 1
        self.mirror = mirror
        self.incremental = _flag(incremental, True) and not self.start_article_urls
        self.recheck_days = int(recheck_days) if recheck_days not in (None, "") else None
        self.known: dict[str, datetime] = {}
        self.scheduled: set[str] = set()
        self.skipped: set[str] = set()  # known or out-of-window: decided once per URL
        self.run_id = f"{self.now:%Y%m%dT%H%M%SZ}-{self.name}-{uuid.uuid4().hex[:8]}"
        self.run_options = {
            k: v for k, v in {
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "max_articles": self.max_articles, "follow_related": self.follow_related,
                "urls": self.start_article_urls or None, "mirror": mirror, "recheck_days": self.recheck_days,
            }.items() if v not in (None, [])
        }

    def _window_date(self, value: str | datetime | None) -> datetime | None:
        if value in (None, ""):
            return None
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        return self.dates.parse_user_date(str(value), now=self.now)

    # -- start ------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        if self.start_article_urls:
            for url in self.start_article_urls:
                if not host_allowed(url, self.allowed_hosts):
                    logger.error("not a %s URL, skipped: %s", self.profile.key, url)
                    continue
                request = self._article_request(url, force=True)
                if request:
                    yield request
            return
        self.known = self._load_known()
        if self.profile.home_url:
            yield scrapy.Request(self.profile.home_url, self.parse_home, priority=30, dont_filter=True)
        for url in self.profile.sitemap_urls:
            yield scrapy.Request(url, self.parse_sitemap, priority=20, dont_filter=True)
        for url in self.profile.rss_urls:
            yield scrapy.Request(url, self.parse_feed, priority=20, dont_filter=True)
        for url in self.profile.index_page_urls(1):
            yield scrapy.Request(url, self.parse_index, cb_kwargs={"page": 1}, priority=10, dont_filter=True)

    def _load_known(self) -> dict[str, datetime]:
        if not self.incremental:
            return {}
        from newscrawler.store import StoreError, open_store

        try:
            store = open_store()
        except StoreError:
            return {}
        try:
            return store.known_urls(self.profile.key)
        except StoreError:
            return {}  # the store pipeline reports the outage; discovery goes on
        finally:
            store.close()

    # -- scheduling -------------------------------------------------------------------------------
    def _in_window(self, when: datetime | None) -> bool:
        if when is None:
            return True
        if self.since and when < self.since:
            return False
        return not (self.until and when >= self.until)

    def _listed_date(self, listed: Listed) -> datetime | None:
        for text in (listed.published,):
            if text:
                try:
                    return self.dates.parse_instant(text)
                except DateParseError:
                    pass
        return date_from_url(listed.url)

    def _needs_fetch(self, url: str, lastmod: str | None) -> bool:
        seen = self.known.get(url)
        if seen is None:
            return True
        if lastmod:
            try:
                if self.dates.parse_instant(lastmod) > seen:
                    return True
            except DateParseError:
                pass
        if self.recheck_days is not None:
            published = date_from_url(url)
            if published is None or published >= self.now - timedelta(days=self.recheck_days):
                return True
        if url not in self.skipped:
            self.skipped.add(url)
            self.crawler.stats.inc_value("newscrawler/skipped_known")
        return False

    def _limit_reached(self) -> bool:
        return self.max_articles is not None and len(self.scheduled) >= self.max_articles

    def _article_request(
        self, url: str, force: bool = False, depth: int = 0, listed: Listed | None = None
    ) -> scrapy.Request | None:
        url = self.profile.canonical(url)
        if url in self.scheduled or self._limit_reached():
            return None
        # A skipped URL is looked at again only when a sitemap brings a lastmod that may warrant a re-fetch.
        if url in self.skipped and not (listed and listed.lastmod):
            return None
        if not force:
            if not host_allowed(url, self.allowed_hosts) or not self.profile.is_article_url(url):
                return None
            if not self._in_window(self._listed_date(listed) if listed else date_from_url(url)):
                if url not in self.skipped:
                    self.skipped.add(url)
                    self.crawler.stats.inc_value("newscrawler/skipped_out_of_window")
                return None
            if not self._needs_fetch(url, listed.lastmod if listed else None):
                return None
        self.scheduled.add(url)
        return scrapy.Request(
            url,
            self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"depth": depth},
            priority=40 - depth,
            dont_filter=force,
        )

    # -- discovery callbacks ----------------------------------------------------------------------
    def parse_home(self, response: Response):
        try:
            root = parse_html(_html(response))
        except (ParserError, ValueError):
            logger.warning("empty or unreadable front page: %s", response.url)
            return
        lists = self.extractor.finder.find(root, response.url)
        observed = datetime.now(UTC).isoformat()
        for name in SITE_LISTS:
            entries = [e for e in lists.get(name, []) if host_allowed(e["url"], self.allowed_hosts)]
            if entries:
                yield SnapshotItem(
                    site=self.profile.key, list=name, observed_at=observed, entries=entries, source_url=response.url
                )
        for listed in links_on_page(root, response.url, self.profile.is_article_url):
            request = self._article_request(listed.url, listed=listed)
            if request:
                yield request

    def parse_sitemap(self, response: Response):
        kind, entries = parse_sitemap(response.body)
        if kind == "index":
            for entry in entries:
                if not host_allowed(entry.url, self.allowed_hosts):
                    continue
                if self._sitemap_too_old(entry):
                    self.crawler.stats.inc_value("newscrawler/sitemaps_skipped_old")
                    continue
                yield scrapy.Request(entry.url, self.parse_sitemap, priority=20)
        elif kind == "urlset":
            for entry in entries:
                request = self._article_request(entry.url, listed=entry)
                if request:
                    yield request
        else:
            logger.warning("not a sitemap: %s", response.url)

    def _sitemap_too_old(self, entry: Listed) -> bool:
        """A child sitemap last changed before --since holds nothing inside the window (archives by month)."""
        if not (self.since and entry.lastmod):
            return False
        try:
            return self.dates.parse_instant(entry.lastmod) < self.since
        except DateParseError:
            return False

    def parse_feed(self, response: Response):
        for entry in parse_feed(response.body):
            request = self._article_request(entry.url, listed=entry)
            if request:
                yield request

    def parse_index(self, response: Response, page: int):
        listed = list(parse_index_page(_html(response), response.url, self.profile.is_article_url))
        older = 0
        for entry in listed:
            when = date_from_url(entry.url)
            if self.since and when and when < self.since:
                older += 1
            request = self._article_request(entry.url, listed=entry)
            if request:
                yield request
        # Index pages run newest first: stop at an empty page, a page wholly before --since, or the limits.
        if not listed or (listed and older == len(listed)) or self._limit_reached():
            return
        max_pages = self.settings.getint("NEWSCRAWLER_MAX_INDEX_PAGES", 30)
        if page < max_pages:
            for url in self.profile.index_page_urls(page + 1):
                yield scrapy.Request(url, self.parse_index, cb_kwargs={"page": page + 1}, priority=10)

    # -- articles ---------------------------------------------------------------------------------
    def parse_article(self, response: Response, depth: int = 0, pages: list | None = None,
                      crawled_at: str | None = None):
        crawled_at = crawled_at or datetime.now(UTC).isoformat()
        try:
            raw = self.extractor.extract(response.url, _html(response))
        except NotAnArticle as exc:
            self.crawler.stats.inc_value("newscrawler/not_an_article")
            logger.info("not an article (%s): %s", exc, response.url)
            if pages:
                yield self._item(pages, crawled_at)
            return
        pages = (pages or []) + [raw]
        if len(pages) == 1:
            yield from self._follow_related(raw, depth)
        next_page = self._next_page_url(pages)
        if next_page:
            yield scrapy.Request(
                next_page,
                self.parse_article,
                errback=self.article_failed,
                cb_kwargs={"depth": depth, "pages": pages, "crawled_at": crawled_at},
                priority=50,
                dont_filter=True,
            )
            return
        yield self._item(pages, crawled_at)

    def _next_page_url(self, pages: list[dict]) -> str | None:
        first = pages[0]
        total = first.get("total_pages") or 1
        for href in first.get("page_urls") or []:
            number = _page_number(href, self.profile.page_param or "page")
            if number:
                total = max(total, min(number, self.profile.max_pages))
        if len(pages) >= total:
            return None
        return self.profile.page_url(first["url"], len(pages) + 1)

    def article_failed(self, failure):
        request = failure.request
        pages = request.cb_kwargs.get("pages")
        self.crawler.stats.inc_value(f"newscrawler/errors/{failure.type.__name__}")
        logger.warning("failed to fetch %s: %s", request.url, failure.getErrorMessage())
        if pages:  # keep what the earlier pages gave
            return [self._item(pages, request.cb_kwargs.get("crawled_at"))]
        return None

    def _item(self, pages: list[dict], crawled_at: str | None) -> ArticleItem:
        merged = merge_pages(pages)
        merged["crawled_at"] = crawled_at or datetime.now(UTC).isoformat()
        return ArticleItem(**{k: v for k, v in merged.items() if k in ArticleItem.fields})

    def _follow_related(self, raw: dict, depth: int):
        if not self.follow_related or depth >= self.related_depth:
            return
        for name in ARTICLE_LISTS:
            for entry in raw.get("link_lists", {}).get(name, []):
                request = self._article_request(entry["url"], depth=depth + 1)
                if request:
                    yield request


def _html(response: Response) -> str | bytes:
    """Text decoded as Scrapy decodes it (HTTP charset, BOM, <meta>); raw bytes for a non-text response."""
    return response.text if isinstance(response, TextResponse) else response.body


def _page_number(href: str, param: str) -> int | None:
    values = parse_qs(urlsplit(href).query).get(param)
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None
