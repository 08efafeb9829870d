"""NewsSpider: discovery (sitemaps, index pages, RSS, related links), date window, limits, multi-page.

One spider class serves every site; a site's spider only names its profile.
"""

from __future__ import annotations

import difflib
import inspect
import logging
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any
from urllib.parse import parse_qs, urlsplit

import scrapy
from lxml.etree import ParserError
from scrapy import signals
from scrapy.http import Response, TextResponse

from newscrawler.crawl.discovery import (
    IndexTemplate,
    Listed,
    links_on_page,
    listing_sitemap,
    parse_feed,
    parse_index_page,
    parse_sitemap,
)
from newscrawler.crawl.extensions import MIRROR_SETTINGS
from newscrawler.crawl.extraction import ExtractionFailed, ExtractionService, ProfileRecipe
from newscrawler.crawl.frontier import apply_frontier_settings
from newscrawler.crawl.journal import CrawlJournal
from newscrawler.crawl.middlewares import count_failure, real_url
from newscrawler.extract.dates import WIB, DateNormalizer, DateParseError, date_from_url
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.html import parse_html
from newscrawler.extract.processing import merge_pages
from newscrawler.items import ARTICLE_LISTS, SITE_LISTS, ArticleItem, SnapshotItem
from newscrawler.sites import SiteProfile, get_profile
from newscrawler.urls import host_allowed, with_query

logger = logging.getLogger(__name__)

#: Discovery requests (home, sitemaps, feeds, index pages) and an article's later pages start again at Scrapy
#: depth 0: DEPTH_LIMIT then counts related-link hops only, and never cuts an index walk or a long article.
_DISCOVERY_META = {"depth_reset": True}

_TRUE = {"1", "true", "yes", "on", "y"}

#: meta key naming the article (canonical URL) a request fetches a page of: its journal entry in a --jobdir crawl.
ARTICLE_KEY = "newscrawler_article"


def _url_list(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """`-a sitemap=URL1,URL2` (Scrapy) or a list (the CLI's repeated option)."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(u.strip() for u in items if u and u.strip())


def _flag(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


_NAMED = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
#: Spider arguments that job schedulers add on their own (Scrapyd: the job id, and the egg version when asked).
SCHEDULER_ARGS = frozenset({"_job", "_version"})


class UnknownSpiderOption(ValueError):
    """A spider argument no crawl option matches: `-a sinse=2d` must fail, not crawl everything."""


def spider_options(spidercls: type) -> list[str]:
    """The `-a` options a NewsSpider subclass accepts: the named parameters of its __init__ chain."""
    names: list[str] = []
    for klass in spidercls.__mro__:
        if klass is scrapy.Spider:  # Scrapy's own `name` is allowed separately; its bases take nothing
            break
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        for param in list(inspect.signature(init).parameters.values())[1:]:
            if param.kind in _NAMED and param.name not in names:
                names.append(param.name)
    return names


def check_spider_options(spidercls: type, arguments: Iterable[str]) -> None:
    """Raise UnknownSpiderOption naming each unknown argument and the closest accepted one."""
    accepted = spider_options(spidercls)
    unknown = [a for a in arguments if a not in accepted and a not in SCHEDULER_ARGS and a != "name"]
    if not unknown:
        return
    hints = []
    for arg in unknown:
        close = difflib.get_close_matches(arg, accepted, n=1)
        hints.append(f"{arg!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    raise UnknownSpiderOption(
        f"spider {getattr(spidercls, 'name', spidercls.__name__)}: unknown option {', '.join(hints)}; "
        f"options: {', '.join(accepted)}"
    )


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
        sitemap: str | Iterable[str] | None = None,
        rss: str | Iterable[str] | None = None,
        **kwargs: Any,
    ):
        # Scrapy sets every spider argument as an attribute: a misspelt one would be silently ignored.
        check_spider_options(type(self), kwargs)
        self.scheduler_job = {k: kwargs.pop(k) for k in SCHEDULER_ARGS if k in kwargs}
        super().__init__(**kwargs)
        self.profile = self.profile_cls()
        self.allowed_hosts = self.profile.allowed_hosts
        self.dates = DateNormalizer()
        self.extractor = ArticleExtractor(self.profile)
        self.extraction = ExtractionService(self.extractor, None, processes=0, start_after=0)
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
        # --sitemap / --rss: discovery sources on top of the profile's own.
        self.extra_sitemaps = _url_list(sitemap)
        self.extra_feeds = _url_list(rss)
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

    # -- jobdir -----------------------------------------------------------------------------------
    @classmethod
    def update_settings(cls, settings) -> None:
        super().update_settings(settings)
        # `scrapy crawl SITE -s NEWSCRAWLER_FRONTIER=redis://…` (a Scrapyd job) is a frontier worker like the CLI's.
        apply_frontier_settings(settings)
        if settings.get("JOBDIR"):
            # An article counts as finished in the journal once the store has it: write each one at once.
            settings.set("NEWSCRAWLER_STORE_BATCH", 1, priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.mirror:  # `scrapy crawl -a mirror=…` gets the CLI's --mirror settings (-s still wins)
            crawler.settings.update(MIRROR_SETTINGS, priority="spider")
        spider.journal = None
        spider.extraction = ExtractionService.from_crawler(crawler, spider.extractor, spider.profile_recipe())
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        jobdir = crawler.settings.get("JOBDIR")
        if jobdir:
            # Before the scheduler opens: it must not load the request state the journal replaces.
            spider.journal = CrawlJournal(jobdir)
            spider.journal.open()
            crawler.signals.connect(spider._journal_item, signal=signals.item_scraped)
            crawler.signals.connect(spider._journal_item, signal=signals.item_dropped)
            crawler.signals.connect(spider._journal_item, signal=signals.item_error)
            crawler.signals.connect(spider._journal_response, signal=signals.spider_error)
            crawler.signals.connect(spider._journal_closed, signal=signals.spider_closed)
        return spider

    def profile_recipe(self) -> ProfileRecipe | None:
        """How a worker process builds this crawl's profile (None: extraction stays in this process)."""
        return (get_profile, (self.profile.key,)) if self.profile.key else None

    def _journal_done(self, meta: dict | None) -> None:
        key = (meta or {}).get(ARTICLE_KEY)
        if key and self.journal is not None:
            self.journal.mark_done(key)

    def _journal_item(self, item, response, **kwargs) -> None:
        if isinstance(item, ArticleItem):
            request = getattr(response, "request", None)  # a Response, or the Failure of an errback
            self._journal_done(getattr(request, "meta", None))

    def _journal_response(self, failure, response, **kwargs) -> None:
        self._journal_done(getattr(response, "meta", None))

    def _request_dropped(self, request, **kwargs) -> None:
        """The dupe filter dropped a request: a redirect back into its own chain is a lost URL (a loop)."""
        if request.url in (request.meta.get("redirect_urls") or ()):
            self.crawler.stats.inc_value("newscrawler/errors/redirect_loop")
            logger.warning("redirect loop, given up: %s", " -> ".join([*request.meta["redirect_urls"], request.url]))
        self._journal_done(request.meta)

    def _journal_closed(self, **kwargs) -> None:
        if self.journal is not None:
            self.journal.close()

    def track_request(self, request: scrapy.Request) -> None:
        """Every request the spider makes (RequestTrackingMiddleware): an errback that counts its loss, and
        for the first page of an article its journal entry."""
        if request.errback is None:
            request.errback = self.request_failed
        if request.callback != self.parse_article or "pages" in request.cb_kwargs:
            return
        key = request.meta.setdefault(ARTICLE_KEY, self.profile.canonical(real_url(request)))
        if self.journal is not None:
            self.journal.mark_scheduled(key, int(request.cb_kwargs.get("depth", 0)))

    def _resume_requests(self) -> Iterator[scrapy.Request]:
        """Article requests an earlier run of this jobdir made and never finished; its finished ones are skipped."""
        if self.journal is None:
            return
        self.scheduled.update(self.journal.done)
        for url, depth in self.journal.pending():
            request = self._article_request(url, force=True, depth=depth)
            if request:
                yield request

    # -- start ------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for request in self._resume_requests():
            yield request
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
        for request in self.discovery_requests():
            yield request

    def discovery_requests(self) -> Iterator[scrapy.Request]:
        """The entry points of a crawl: the front page, sitemaps, feeds, the first page of every index walk."""
        if self.profile.home_url:
            yield scrapy.Request(self.profile.home_url, self.parse_home, priority=30, dont_filter=True,
                                 meta=dict(_DISCOVERY_META))
        for url in dict.fromkeys((*self.profile.sitemap_urls, *self.extra_sitemaps)):
            yield scrapy.Request(url, self.parse_sitemap, priority=20, dont_filter=True, meta=dict(_DISCOVERY_META))
        for url in dict.fromkeys((*self.profile.rss_urls, *self.extra_feeds)):
            yield scrapy.Request(url, self.parse_feed, priority=20, dont_filter=True, meta=dict(_DISCOVERY_META))
        for number, template in enumerate(self.index_templates):
            if not template.dated:
                yield self._index_request(number, 1, None)
            elif self.index_days:
                yield self._index_request(number, 1, self.index_days[0])

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
            if not host_allowed(url, self.allowed_hosts) or not self._is_article(url, listed):
                return None
            if not self._in_window(self._listed_date(listed) if listed else date_from_url(url)):
                if url not in self.skipped:
                    self.skipped.add(url)
                    self.crawler.stats.inc_value("newscrawler/skipped_out_of_window")
                return None
            if not self._needs_fetch(url, listed.lastmod if listed else None):
                return None
        self.scheduled.add(url)
        single = bool(self.profile.single_page_query)
        return scrapy.Request(
            # The site serves every page in one document; the item keeps the canonical URL (no query).
            with_query(url, **self.profile.single_page_query) if single else url,
            self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"depth": depth, "single": True} if single else {"depth": depth},
            priority=40 - depth,
            dont_filter=force,
        )

    def _is_article(self, url: str, listed: Listed | None) -> bool:
        """Whether a discovered URL is worth fetching as an article (the profile's URL pattern)."""
        return self.profile.is_article_url(url)

    # -- discovery callbacks ----------------------------------------------------------------------
    def parse_home(self, response: Response):
        try:
            root = parse_html(response.body, _content_type(response))
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
        yield from self.more_from_home(root, response)

    def more_from_home(self, root, response: Response) -> Iterator[scrapy.Request]:
        """Further discovery a front page offers (the generic spider reads feeds and sections from it)."""
        return iter(())

    def parse_sitemap(self, response: Response):
        if self._limit_reached():
            return  # the rest of an archive cannot add an article any more
        kind, entries = parse_sitemap(response.body)
        if kind == "index":
            for entry in entries:
                if not host_allowed(entry.url, self.allowed_hosts) or listing_sitemap(entry.url):
                    continue
                if self._sitemap_too_old(entry):
                    self.crawler.stats.inc_value("newscrawler/sitemaps_skipped_old")
                    continue
                yield scrapy.Request(entry.url, self.parse_sitemap, priority=20, meta=dict(_DISCOVERY_META))
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

    # -- index pages --------------------------------------------------------------------------------
    @cached_property
    def index_templates(self) -> list[IndexTemplate]:
        return [IndexTemplate(t, self.profile.index_page_size) for t in self.profile.index_urls]

    @cached_property
    def index_days(self) -> list[date]:
        """The WIB days a per-day index is walked over, newest first: the --since..--until window (until is
        exclusive, and never later than today), or today and yesterday without --since."""
        end = min(self.until - timedelta(microseconds=1), self.now) if self.until else self.now
        last = end.astimezone(WIB).date()
        first = self.since.astimezone(WIB).date() if self.since else last - timedelta(days=1)
        return [last - timedelta(days=n) for n in range((last - first).days + 1)]

    def _index_request(self, template: int, page: int, day: date | None) -> scrapy.Request:
        return scrapy.Request(
            self.index_templates[template].url(page, day),
            self.parse_index,
            errback=self.index_failed,
            cb_kwargs={"page": page, "template": template, "day": day.isoformat() if day else None},
            priority=10,
            dont_filter=page == 1,
            meta=dict(_DISCOVERY_META),
        )

    def parse_index(self, response: Response, page: int, template: int = 0, day: str | None = None):
        listed = parse_index_page(_html(response), response.url, self.profile.is_article_url,
                                  self.profile.index_link_css)
        seen = self._index_seen.setdefault((template, day), set())
        new = [entry for entry in listed if entry.url not in seen]
        seen.update(entry.url for entry in listed)
        spent = 0
        for entry in listed:
            spent += self._spent(entry)
            request = self._article_request(entry.url, listed=entry)
            if request:
                yield request
        if self._walk_goes_on(template, page, listed, new, spent):
            yield self._index_request(template, page + 1, date.fromisoformat(day) if day else None)
        else:
            yield from self._next_day(template, day)

    @cached_property
    def _index_seen(self) -> dict[tuple[int, str | None], set[str]]:
        """URLs each walk (template, day) has listed so far: a page that repeats them ends the walk."""
        return {}

    def _spent(self, entry: Listed) -> bool:
        """An index entry that says the walk has gone far enough: published before --since, or (in a default
        incremental run, without --since) already stored. With --since the whole window is wanted, so a
        backfill walks on past what earlier runs stored."""
        when = self._listed_date(entry)
        if self.since and when and when < self.since:
            return True
        return self.since is None and self.profile.canonical(entry.url) in self.known

    def _walk_goes_on(self, template: int, page: int, listed: list[Listed], new: list[Listed], spent: int) -> bool:
        """Index pages run newest first: stop at an empty page, a page with nothing this walk has not listed
        already (a site that ignores the page number), a page of only spent entries, the article limit, or
        NEWSCRAWLER_MAX_INDEX_PAGES (per day for a per-day index)."""
        if not listed or not new or spent == len(listed) or self._limit_reached():
            return False
        if not self.index_templates[template].paged:
            return False
        return page < self.settings.getint("NEWSCRAWLER_MAX_INDEX_PAGES", 30)

    def _next_day(self, template: int, day: str | None) -> Iterator[scrapy.Request]:
        """A per-day walk that has ended goes on with the next older day of the window."""
        if day is None or self._limit_reached():
            return
        older = [d for d in self.index_days if d < date.fromisoformat(day)]
        if older:
            yield self._index_request(template, 1, older[0])

    def index_failed(self, failure):
        """A missing or failing index page ends its day's walk, not the crawl."""
        request = failure.request
        self.count_failure(failure)
        return list(self._next_day(request.cb_kwargs.get("template", 0), request.cb_kwargs.get("day")))

    # -- articles ---------------------------------------------------------------------------------
    def parse_article(self, response: Response, depth: int = 0, pages: list | None = None,
                      crawled_at: str | None = None, single: bool = False):
        crawled_at = crawled_at or datetime.now(UTC).isoformat()
        # The bytes, not response.text: the extractor corrects a wrong declared charset.
        page = (response.url, response.body, _content_type(response))
        if self.extraction.pooled:  # Scrapy awaits the coroutine while the worker extracts
            return self._article_extracted_elsewhere(self.extraction.extract(*page), response, depth, pages,
                                                     crawled_at, single)
        try:
            raw = self.extraction.extract_here(*page)
        except Exception as exc:  # one hostile page costs only itself, never the crawl's other items
            return self._unextracted(exc, response, pages, crawled_at)
        return self._article_output(raw, response, depth, pages, crawled_at, single)

    async def _article_extracted_elsewhere(self, pending, response: Response, depth: int, pages: list | None,
                                           crawled_at: str, single: bool) -> list:
        try:
            raw = await pending
        except Exception as exc:
            return self._unextracted(exc, response, pages, crawled_at)
        return list(self._article_output(raw, response, depth, pages, crawled_at, single))

    def _unextracted(self, exc: Exception, response: Response, pages: list | None, crawled_at: str) -> list:
        self._count_unextracted(exc, response)
        if pages:
            return [self._item(pages, crawled_at, missing=self._pages_expected(pages) - len(pages))]
        self._journal_done(response.meta)
        return []

    def _article_output(self, raw: dict, response: Response, depth: int, pages: list | None, crawled_at: str,
                        single: bool) -> Iterator[Any]:
        if response.meta.get("warc"):
            raw["archive"] = response.meta["warc"]  # this page's WARC record: what reextract reads again
        pages = (pages or []) + [raw]
        if len(pages) == 1:
            yield from self._follow_related(raw, depth)
        next_page = None if single else self._next_page_url(pages)
        if next_page:
            yield scrapy.Request(
                next_page,
                self.parse_article,
                errback=self.article_failed,
                cb_kwargs={"depth": depth, "pages": pages, "crawled_at": crawled_at},
                priority=50,
                dont_filter=True,
                meta={**_DISCOVERY_META, ARTICLE_KEY: response.meta.get(ARTICLE_KEY)},
            )
            return
        if self._published_outside_window(pages[0]):
            # Found where no date was given (a front-page link, an undated URL): out of --since/--until.
            self.crawler.stats.inc_value("newscrawler/dropped/out_of_window")
            self._journal_done(response.meta)
            return
        yield self._item(pages, crawled_at)

    def _count_unextracted(self, exc: Exception, response: Response) -> None:
        """A page that gave no article: a drop reason when it is not one (NotAnArticle), else an error kind of
        the run record (`extraction_failed`) with the traceback in the log, since it is a bug to fix."""
        if isinstance(exc, NotAnArticle):
            # A drop reason of the run record, like the pipelines' (never a half-empty article).
            self.crawler.stats.inc_value("newscrawler/dropped/not_an_article")
            logger.info("not an article (%s): %s", exc, response.url)
            return
        self.crawler.stats.inc_value("newscrawler/errors/extraction_failed")
        if isinstance(exc, ExtractionFailed):  # raised in a worker process: its traceback came as text
            logger.error("extraction failed on %s (%s: %s)\n%s", response.url, exc.kind, exc,
                         exc.remote_traceback.rstrip())
            return
        logger.error("extraction failed on %s (%s: %s)", response.url, type(exc).__name__, exc, exc_info=exc)

    def _published_outside_window(self, raw: dict) -> bool:
        """Whether a fetched article's own publish date falls outside --since/--until (--url articles are
        kept: the user named them)."""
        if not (self.since or self.until) or self.start_article_urls:
            return False
        candidates = [tuple(c) for c in raw.get("date_candidates") or []]
        published, _, _ = self.dates.choose(candidates, self.now)
        return published is not None and not self._in_window(published)

    def _pages_expected(self, pages: list[dict]) -> int:
        """How many pages the first page says the article has (its page count or its pager's links)."""
        first = pages[0]
        total = first.get("total_pages") or 1
        for href in first.get("page_urls") or []:
            number = _page_number(href, self.profile.page_param or "page")
            if number:
                total = max(total, min(number, self.profile.max_pages))
        return total

    def _next_page_url(self, pages: list[dict]) -> str | None:
        if len(pages) >= self._pages_expected(pages):
            return None
        return self.profile.page_url(pages[0]["url"], len(pages) + 1)

    def article_failed(self, failure):
        request = failure.request
        pages = request.cb_kwargs.get("pages")
        if request.cb_kwargs.get("single"):
            # The one-document form was refused (404, or robots.txt bans URLs with a query): page by page.
            self.crawler.stats.inc_value("newscrawler/single_page_fallback")
            logger.info("single-page form failed (%s), fetching pages: %s", failure.getErrorMessage(), request.url)
            url = self.profile.canonical(real_url(request))
            meta = {**_DISCOVERY_META, ARTICLE_KEY: request.meta.get(ARTICLE_KEY) or url}
            return [scrapy.Request(url, self.parse_article, errback=self.article_failed,
                                   cb_kwargs={"depth": request.cb_kwargs.get("depth", 0)},
                                   priority=request.priority, dont_filter=True, meta=meta)]
        self.count_failure(failure)
        if pages:
            # What the earlier pages gave is kept, marked incomplete so a later run fetches it again.
            missing = self._pages_expected(pages) - len(pages)
            return [self._item(pages, request.cb_kwargs.get("crawled_at"), missing=missing)]
        self._journal_done(request.meta)
        return None

    def request_failed(self, failure) -> None:
        """The errback of every request that has none of its own: the lost URL is counted once."""
        self.count_failure(failure)

    def count_failure(self, failure) -> str:
        """Count a lost URL once, under its kind (http_404, DownloadTimeoutError, robots_blocked, ...)."""
        kind = count_failure(self.crawler.stats, failure.value)
        request = getattr(failure, "request", None)
        url = real_url(request) if request is not None else "?"
        message = failure.getErrorMessage()
        if request is not None and url != request.url:
            message = message.replace(request.url, url)  # Scrapy's messages name the mirror's address
        if kind == "robots_blocked":
            logger.info("robots.txt forbids %s", url)
        else:
            logger.warning("failed to fetch %s (%s): %s", url, kind, message)
        return kind

    def _item(self, pages: list[dict], crawled_at: str | None, missing: int = 0) -> ArticleItem:
        merged = merge_pages(pages)
        merged["crawled_at"] = crawled_at or datetime.now(UTC).isoformat()
        records = [page["archive"] for page in pages if page.get("archive")]
        if len(records) > 1:  # a multi-page article: page 1's record, and every page's in order
            merged["archive"] = dict(records[0], pages=records)
        if missing > 0:
            merged["pages_missing"] = missing
            self.crawler.stats.inc_value("newscrawler/articles/incomplete")
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


def _content_type(response: Response) -> str | None:
    value = response.headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None


def _page_number(href: str, param: str) -> int | None:
    values = parse_qs(urlsplit(href).query).get(param)
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None
