"""The `generic` spider: any news site, from its URL alone.

`newscrawler crawl https://example.id/` and `scrapy crawl generic -a url=https://example.id/` build a
GenericProfile for the URL's registrable domain (its hosts, its site key) and discover articles from what
the site itself announces: robots.txt `Sitemap:` lines (else /sitemap.xml), sitemap indexes and news sitemaps,
RSS/Atom feeds (given, or `<link rel=alternate>` on the front page), and the front page's links that look
like articles, also on the section pages it links to (one level). The extractor's generic path decides
what is an article; the rest is dropped with a counted reason.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from lxml.etree import ParserError
from scrapy.http import Response

from newscrawler.crawl.discovery import (
    Listed,
    feed_links,
    links_on_page,
    looks_like_article_url,
    robots_sitemaps,
    section_links,
)
from newscrawler.crawl.spiders.base import _DISCOVERY_META, NewsSpider, _html
from newscrawler.extract.html import parse_html
from newscrawler.sites import GenericProfile, SiteProfile, profile_for_url
from newscrawler.urls import hostname, registrable_domain

logger = logging.getLogger(__name__)


class BadSiteURL(ValueError):
    """The generic crawl was given something that is not an http(s) URL with a host."""


def site_url(url: str | None) -> str:
    """The crawl's start page, checked: an http(s) URL with a host name (raises BadSiteURL)."""
    text = (url or "").strip()
    if not text:
        raise BadSiteURL("the generic spider crawls a site given by its URL: -a url=https://example.id/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadSiteURL(f"expected a site URL such as https://example.id/, got {text!r}")
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def site_domain(url: str) -> str:
    """The site key of a URL without a profile: its registrable domain (an IP address stays whole)."""
    host = hostname(url)
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return registrable_domain(host)
    return host


def generic_profile(url: str) -> type[SiteProfile]:
    """A GenericProfile for the site at `url`: hosts and key = its registrable domain, front page = `url`."""
    domain = site_domain(url)

    class SiteGenericProfile(GenericProfile):
        key = domain
        allowed_hosts = (domain,)
        home_url = url

        def is_article_url(self, candidate: str) -> bool:
            return looks_like_article_url(candidate)

    SiteGenericProfile.__name__ = SiteGenericProfile.__qualname__ = f"GenericProfile[{domain}]"
    return SiteGenericProfile


def generic_profile_for(url: str) -> SiteProfile:
    """The generic profile of a site URL, built again in an extraction worker (classes made here do not pickle)."""
    return generic_profile(url)()


class GenericSpider(NewsSpider):
    """`scrapy crawl generic -a url=https://example.id/ [-a sitemap=URL,…] [-a rss=URL,…]`: any news site."""

    name = "generic"
    profile_cls = GenericProfile

    def __init__(self, url: str | None = None, article_url: str | Iterable[str] | None = None, **kwargs: Any):
        start = site_url(url)
        own = profile_for_url(start)
        if own.key:
            # A portal with a profile of its own is crawled with it (its hosts, its index pages, its hints).
            logger.warning("%s belongs to %s: crawling it with the %s profile", start, own.key, own.key)
            self.profile_cls = type(own)
        else:
            self.profile_cls = generic_profile(start)
        self.start_url = start
        super().__init__(url=article_url, **kwargs)
        self.run_options["site_url"] = start

    def profile_recipe(self):
        return (generic_profile_for, (self.start_url,)) if self.generic else super().profile_recipe()

    @property
    def generic(self) -> bool:
        return isinstance(self.profile, GenericProfile)

    # -- discovery --------------------------------------------------------------------------------------
    def discovery_requests(self) -> Iterator[scrapy.Request]:
        yield from super().discovery_requests()  # the front page, sitemaps and feeds given
        if self.generic and not self.extra_sitemaps:
            yield scrapy.Request(self._root("/robots.txt"), self.parse_robots, errback=self.robots_failed,
                                 priority=25, dont_filter=True, meta=dict(_DISCOVERY_META))

    def _discovery(self, url: str, callback, priority: int) -> scrapy.Request:
        return scrapy.Request(url, callback, priority=priority, meta=dict(_DISCOVERY_META))

    def _root(self, path: str) -> str:
        parts = urlsplit(self.start_url)
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))

    def parse_robots(self, response: Response):
        found = robots_sitemaps(response.body, response.url)
        if not found:
            yield from self._default_sitemap()
        for url in found:
            yield self._discovery(url, self.parse_sitemap, 20)

    def robots_failed(self, failure):
        logger.info("no robots.txt (%s); trying /sitemap.xml", failure.getErrorMessage())
        return list(self._default_sitemap())

    def _default_sitemap(self) -> Iterator[scrapy.Request]:
        yield self._discovery(self._root("/sitemap.xml"), self.parse_sitemap, 20)

    def more_from_home(self, root, response: Response) -> Iterator[scrapy.Request]:
        if not self.generic:
            return
        if not self.extra_feeds:
            for url in feed_links(root, response.url):
                yield self._discovery(url, self.parse_feed, 20)
        limit = self.settings.getint("NEWSCRAWLER_MAX_SECTION_PAGES", 30)
        for url in section_links(root, response.url, limit):
            yield self._discovery(url, self.parse_section, 15)

    def parse_section(self, response: Response):
        """A section front: its article links (one level; its own section links are not followed)."""
        if self._limit_reached():
            return
        try:
            root = parse_html(_html(response))
        except (ParserError, ValueError):
            return
        for listed in links_on_page(root, response.url, self.profile.is_article_url):
            request = self._article_request(listed.url, listed=listed)
            if request:
                yield request

    def _is_article(self, url: str, listed: Listed | None) -> bool:
        # A feed item or a news-sitemap entry (it carries a publication date) is an article whatever its URL
        # looks like; the URL heuristic is for links found on pages and in plain sitemaps.
        if listed is not None and listed.published and self.generic:
            return True
        return super()._is_article(url, listed)
