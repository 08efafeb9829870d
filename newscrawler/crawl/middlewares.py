"""Downloader middlewares: allowed hosts only, and the mirror that serves a saved site locally."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

from scrapy import Request, Spider
from scrapy.downloadermiddlewares import robotstxt as scrapy_robots
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from newscrawler.urls import host_allowed

logger = logging.getLogger(__name__)


def _allowed_hosts(spider: Spider) -> tuple[str, ...]:
    return tuple(getattr(spider, "allowed_hosts", ()) or ())


class AllowedHostsMiddleware:
    """Only http(s) requests to the spider's hosts leave the machine (robots.txt requests included)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request):
        if MirrorMiddleware.META_KEY in request.meta:
            return None  # already checked under its real URL before the mirror rewrote it
        spider = self.crawler.spider
        allowed = _allowed_hosts(spider)
        if allowed and not host_allowed(request.url, allowed):
            self.stats.inc_value("newscrawler/offsite_blocked")
            raise IgnoreRequest(f"not an allowed host: {request.url}")
        return None


class RobotsTxtMiddleware(scrapy_robots.RobotsTxtMiddleware):
    """Scrapy's robots.txt check, once per real host: a request already sent to the mirror was checked."""

    async def process_request(self, request: Request) -> None:
        if MirrorMiddleware.META_KEY in request.meta:
            return None
        return await super().process_request(request)


class MirrorMiddleware:
    """Send every request for the site's hosts to a local mirror, keeping the real URL everywhere else.

    The mirror receives the real host name in the Host header (a virtual-host layout), and responses
    get their real URL back, so items, canonical URLs and link resolution never see 127.0.0.1.
    """

    META_KEY = "mirror_original_url"

    def __init__(self, crawler):
        self.crawler = crawler
        self._target: tuple[str, str] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def target(self) -> tuple[str, str] | None:
        """(scheme, netloc) of the mirror: the NEWSCRAWLER_MIRROR setting or the spider's `mirror` argument."""
        if self._target is None:
            mirror = self.crawler.settings.get("NEWSCRAWLER_MIRROR") or getattr(self.crawler.spider, "mirror", None)
            if not mirror:
                self._target = ("", "")
            else:
                parts = urlsplit(mirror)
                if parts.scheme not in ("http", "https") or not parts.netloc:
                    raise ValueError(f"mirror must be an http(s) URL, got {mirror!r}")
                self._target = (parts.scheme, parts.netloc)
        return self._target if self._target[1] else None

    def process_request(self, request: Request):
        target = self.target()
        if target is None or self.META_KEY in request.meta:
            return None
        parts = urlsplit(request.url)
        allowed = _allowed_hosts(self.crawler.spider)
        if allowed and not host_allowed(request.url, allowed):
            raise IgnoreRequest(f"mirror mode: not fetching {request.url}")
        mirrored = urlunsplit((target[0], target[1], parts.path or "/", parts.query, ""))
        new = request.replace(url=mirrored)
        new.meta[self.META_KEY] = request.url
        new.headers["Host"] = parts.netloc
        return new

    def process_response(self, request: Request, response: Response):
        original = request.meta.get(self.META_KEY)
        if original and response.url != original:
            location = response.headers.get("Location")
            if location:
                # Redirects inside the mirror point at the mirror; send them back to the real host.
                loc = urlsplit(response.urljoin(location.decode("latin-1")))
                if self._target and loc.netloc == self._target[1]:
                    real = urlsplit(original)
                    fixed = urlunsplit((real.scheme, real.netloc, loc.path, loc.query, ""))
                    response.headers["Location"] = fixed
            return response.replace(url=original, request=request.replace(url=original))
        return response
