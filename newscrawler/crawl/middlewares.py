"""Middlewares: every request a crawl makes passes the same guards; the mirror; honest failure accounting.

Order matters (downloader middlewares run ``process_request`` low to high, ``process_response`` high to low):

* ``RequestGuardMiddleware`` (40) sees every request first, also the ones Scrapy builds itself: redirects,
  retries and robots.txt fetches re-enter the chain from the top. It refuses other schemes, hosts outside
  the site and private / loopback / link-local addresses.
* ``RobotsTxtMiddleware`` (100) checks robots.txt for the real URL.
* ``RetryAfterMiddleware`` (550, replaces Scrapy's retry) honours ``Retry-After`` on 429 / 503.
* ``MirrorMiddleware`` (950) rewrites a checked request to the local mirror last, and on the way back
  turns the response (and any redirect it carries) into the real URL again.

A redirect Scrapy builds from a mirrored request inherits its meta and ``Host`` header; the guard notices
(the URL is no longer the one the mirror produced), drops that state and checks the target like any new URL.
Host names that resolve to a non-public address are refused by ``GuardedResolver`` at connect time (the
only place that sees the address actually used, so DNS rebinding cannot slip past a check made earlier).
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from scrapy import Request, Spider, signals
from scrapy.downloadermiddlewares import redirect as scrapy_redirect
from scrapy.downloadermiddlewares import robotstxt as scrapy_robots
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.resolver import CachingThreadedResolver
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet import task
from twisted.internet.error import DNSLookupError

from newscrawler.urls import host_allowed

logger = logging.getLogger(__name__)

#: meta keys the mirror sets: the real URL, and the exact mirror URL it produced from it.
META_ORIGINAL = "mirror_original_url"
META_MIRRORED = "mirror_url"
#: the real request's dont_filter (the mirror's copy always bypasses the dupe filter; a redirect must not).
META_DONT_FILTER = "mirror_dont_filter"

#: Host names of mirrors in use in this process: the only non-public targets a crawl may reach by name.
_MIRROR_HOSTS: set[str] = set()


class RefusedRequest(IgnoreRequest):
    """A request no crawl may make; `kind` is scheme, offsite, private_address or invalid_url."""

    def __init__(self, kind: str, url: str):
        super().__init__(f"refused ({kind}): {url}")
        self.kind = kind
        self.url = url


class RobotsBlocked(IgnoreRequest):
    """robots.txt forbids the URL."""


class PrivateAddressRefused(DNSLookupError):
    """A host name resolved to a private, loopback or link-local address."""


def real_url(request: Request) -> str:
    """The URL a request stands for: the real one, never the mirror's."""
    return request.meta.get(META_ORIGINAL) or request.url


def mirror_target(crawler) -> tuple[str, str] | None:
    """(scheme, netloc) of the mirror: the NEWSCRAWLER_MIRROR setting or the spider's `mirror` argument."""
    mirror = crawler.settings.get("NEWSCRAWLER_MIRROR") or getattr(crawler.spider, "mirror", None)
    if not mirror:
        return None
    parts = urlsplit(mirror)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"mirror must be an http(s) URL, got {mirror!r}")
    if parts.hostname:
        _MIRROR_HOSTS.add(parts.hostname.lower())
    return parts.scheme, parts.netloc


def _is_our_mirror_request(request: Request) -> bool:
    """True when the mirror middleware produced exactly this URL (so the real URL was already checked)."""
    return META_ORIGINAL in request.meta and request.meta.get(META_MIRRORED) == request.url


def non_public_address(host: str) -> bool:
    """True for an IP literal that is not a public internet address (private, loopback, link-local, ...)."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return not address.is_global


def _allowed_hosts(spider: Spider | None) -> tuple[str, ...]:
    return tuple(getattr(spider, "allowed_hosts", ()) or ())


def refusal(url: str, allowed: tuple[str, ...], mirror_hosts: Iterable[str] = ()) -> str | None:
    """Why a crawl must not request `url` (None when it may)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises ValueError for an out-of-range port
    except ValueError:
        return "invalid_url"
    if parts.scheme not in ("http", "https"):
        return "scheme"
    if not host:
        return "invalid_url"
    if allowed and not host_allowed(url, allowed):
        return "offsite"
    # An IP literal the operator named as the site itself (a generic crawl of a local server) is theirs to ask for.
    if non_public_address(host) and host not in mirror_hosts and host not in allowed:
        return "private_address"
    return None


class RequestGuardMiddleware:
    """The first downloader middleware: only http(s) requests to the spider's hosts, never to private addresses."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request):
        if META_ORIGINAL in request.meta:
            if _is_our_mirror_request(request):
                return None  # checked under its real URL before the mirror rewrote it
            return self._drop_mirror_state(request)  # checked when it comes back
        kind = refusal(request.url, _allowed_hosts(self.crawler.spider), _MIRROR_HOSTS)
        if kind:
            self.stats.inc_value(f"newscrawler/refused/{kind}")
            logger.info("refused (%s): %s", kind, request.url)
            raise RefusedRequest(kind, request.url)
        return None

    def _drop_mirror_state(self, request: Request) -> Request:
        """A request derived from a mirrored one (a redirect): a fresh request for its real URL, without the
        mirror's meta and Host header, scheduled again so that the dupe filter sees it (a redirect loop ends
        there) and every check runs on it."""
        meta = dict(request.meta)
        original = meta.pop(META_ORIGINAL)
        mirrored = meta.pop(META_MIRRORED, None)
        dont_filter = bool(meta.pop(META_DONT_FILTER, request.dont_filter))
        # Scrapy recorded the hop under the mirror's address; messages and loop checks need the real one.
        if meta.get("redirect_urls"):
            meta["redirect_urls"] = [original if u == mirrored else u for u in meta["redirect_urls"]]
        url = request.url
        target = mirror_target(self.crawler)
        parts = urlsplit(url)
        if target and parts.netloc == target[1]:
            # Still on the mirror: the same path on the real host.
            real = urlsplit(original)
            url = urlunsplit((real.scheme, real.netloc, parts.path or "/", parts.query, ""))
        fresh = request.replace(url=url, meta=meta, dont_filter=dont_filter)
        fresh.headers.pop("Host", None)
        return fresh


# The old name, for settings files written against it.
AllowedHostsMiddleware = RequestGuardMiddleware


class RobotsTxtMiddleware(scrapy_robots.RobotsTxtMiddleware):
    """Scrapy's robots.txt check on the real URL; a refusal is a RobotsBlocked of its own."""

    async def process_request(self, request: Request) -> None:
        if _is_our_mirror_request(request):
            return None
        try:
            return await super().process_request(request)
        except IgnoreRequest as exc:
            if type(exc) is IgnoreRequest and "robots.txt" in str(exc):
                raise RobotsBlocked(f"forbidden by robots.txt: {real_url(request)}") from exc
            raise


def retry_after_seconds(response: Response, now: datetime | None = None) -> float | None:
    """The Retry-After header as seconds to wait (delta-seconds or an HTTP date); None when absent or unreadable."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting as long as a 429 / 503 asks (up to NEWSCRAWLER_RETRY_AFTER_MAX seconds).

    A server that asks for a longer pause than that gets it: the URL is given up for this run (and counted)
    instead of being hammered early. A refused private address is never retried.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("NEWSCRAWLER_RETRY_AFTER_MAX", 60.0)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        wait = retry_after_seconds(response) if response.status in (429, 503) else None
        if wait is not None and wait > self.max_wait:
            self.crawler.stats.inc_value("newscrawler/retry_after_too_long")
            logger.warning("%s asks to retry after %.0f s (more than %.0f s): given up for this run",
                           real_url(request), wait, self.max_wait)
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if wait:
            from twisted.internet import reactor

            await maybe_deferred_to_future(task.deferLater(reactor, wait))
        return retry

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        if _refused_address(exception):
            return None
        return super().process_exception(request, exception)


def _refused_address(exception: BaseException | None) -> bool:
    while exception is not None:
        if isinstance(exception, PrivateAddressRefused):
            return True
        exception = exception.__cause__
    return False


def printed_level() -> int:
    """The lowest level a root handler prints (Scrapy's NullHandler prints nothing, so it does not count)."""
    return min((h.level for h in logging.root.handlers if not isinstance(h, logging.NullHandler)),
               default=logging.NOTSET)


class RealUrlsInLogs(logging.Filter):
    """Scrapy's own log lines name the request they were handed, which in mirror mode is the mirror's copy
    (`Getting http://127.0.0.1:8000/x took longer ...`); this puts the real URL back into them."""

    #: Scrapy loggers that print a request object or URL of a mirrored request.
    LOGGERS = ("scrapy.core.downloader.handlers.http11", "scrapy.core.downloader.handlers.http2",
               "scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.redirect",
               "scrapy.core.engine", "scrapy.core.scraper", "scrapy.downloadermiddlewares.robotstxt")
    _TRAILING = ".,;:)"

    def __init__(self, prefix: str, size: int = 10_000):
        super().__init__()
        self.prefix = prefix
        self.urls: OrderedDict[str, str] = OrderedDict()
        self.size = size
        self._token = re.compile(re.escape(prefix) + r"""[^\s<>"']*""")

    def remember(self, mirrored: str, real: str) -> None:
        self.urls[mirrored] = real
        self.urls.move_to_end(mirrored)
        while len(self.urls) > self.size:
            self.urls.popitem(last=False)

    def _real(self, match: re.Match) -> str:
        token = match.group(0)
        bare = token.rstrip(self._TRAILING)
        real = self.urls.get(bare)
        return real + token[len(bare):] if real else token

    def filter(self, record: logging.LogRecord) -> bool:
        # Formatting a record nobody prints is the costly part: Scrapy's DEBUG "Scraped from" line reprs the
        # whole item (a 40 KB body through pprint), which once cost a tenth of a crawl's CPU.
        if record.levelno < printed_level():
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        if self.prefix in message:
            record.msg, record.args = self._token.sub(self._real, message), ()
        return True

    def install(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).addFilter(self)

    def uninstall(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeFilter(self)


class MirrorMiddleware:
    """Send every request for the site's hosts to a local mirror, keeping the real URL everywhere else.

    The mirror receives the real host name in the Host header (a virtual-host layout), and responses
    get their real URL back, so items, canonical URLs and link resolution never see 127.0.0.1.
    """

    META_KEY = META_ORIGINAL

    def __init__(self, crawler):
        self.crawler = crawler
        self.log_filter: RealUrlsInLogs | None = None

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_closed(self, **kwargs) -> None:
        if self.log_filter is not None:
            self.log_filter.uninstall()
            self.log_filter = None

    def _remember(self, mirrored: str, real: str, target: tuple[str, str]) -> None:
        if self.log_filter is None:
            self.log_filter = RealUrlsInLogs(f"{target[0]}://{target[1]}/")
            self.log_filter.install()
        self.log_filter.remember(mirrored, real)

    def target(self) -> tuple[str, str] | None:
        return mirror_target(self.crawler)

    def process_request(self, request: Request):
        target = self.target()
        if target is None or META_ORIGINAL in request.meta:
            return None
        parts = urlsplit(request.url)
        if not host_allowed(request.url, _allowed_hosts(self.crawler.spider)):
            # The guard refuses these first; this keeps the mirror from ever forging a Host for them.
            self.crawler.stats.inc_value("newscrawler/refused/offsite")
            raise RefusedRequest("offsite", request.url)
        mirrored = urlunsplit((target[0], target[1], parts.path or "/", parts.query, ""))
        # The real URL already passed the dupe filter; the mirror URL drops the host, so two hosts' same path
        # (nasional.kompas.com/sitemap-news.xml, regional.kompas.com/sitemap-news.xml) must not collide.
        new = request.replace(url=mirrored, dont_filter=True)
        new.meta[META_ORIGINAL] = request.url
        new.meta[META_MIRRORED] = mirrored
        new.meta[META_DONT_FILTER] = request.dont_filter
        new.headers["Host"] = parts.netloc
        self._remember(mirrored, request.url, target)
        return new

    def process_response(self, request: Request, response: Response):
        if not _is_our_mirror_request(request):
            return response
        original = request.meta[META_ORIGINAL]
        location = response.headers.get("Location")
        if location and 300 <= response.status < 400:
            response.headers["Location"] = self._real_location(location.decode("latin-1"), request.url, original)
        return response.replace(url=original, request=request.replace(url=original))

    def _real_location(self, location: str, mirrored: str, original: str) -> str:
        """A redirect target as an absolute real URL: the mirror's own address stands for the real host."""
        try:
            target = urlsplit(urljoin(mirrored, location.strip()))
        except ValueError:
            return location  # unusable: the redirect request it makes is refused by the guard
        mirror = self.target()
        if mirror and target.netloc == mirror[1]:
            real = urlsplit(original)
            return urlunsplit((real.scheme, real.netloc, target.path or "/", target.query, ""))
        return urlunsplit(target)


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that refuses host names resolving to a non-public address.

    Connecting is where the address is final, so a name that points at 127.0.0.1, 10.x, 169.254.x (cloud
    metadata) or ::1 is refused here even if every URL check passed. The mirror's host name is exempt.
    """

    def __init__(self, reactor, cache_size: int, timeout: float, exempt: Iterable[str] = ()):
        super().__init__(reactor, cache_size, timeout)
        self.exempt = {h.lower() for h in exempt}

    @classmethod
    def from_crawler(cls, crawler, reactor):
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        mirror = settings.get("NEWSCRAWLER_MIRROR")
        exempt = [urlsplit(mirror).hostname or ""] if mirror else []
        exempt += settings.getlist("NEWSCRAWLER_PRIVATE_HOSTS")
        return cls(reactor, cache_size, settings.getfloat("DNS_TIMEOUT"), exempt)

    def getHostByName(self, name: str, timeout=()):  # Twisted's interface name
        deferred = super().getHostByName(name, timeout)
        deferred.addCallback(self._check, name)
        return deferred

    def _check(self, address: str, name: str) -> str:
        host = name.lower()
        if non_public_address(address) and host not in self.exempt and host not in _MIRROR_HOSTS:
            raise PrivateAddressRefused(f"{name} resolves to non-public address {address}")
        return address


# -- failure accounting ------------------------------------------------------------------------------------


def failure_kind(exception: BaseException) -> tuple[str, str]:
    """(category, kind) of a lost request: ("robots", ...), ("refused", kind) or ("errors", kind)."""
    if isinstance(exception, RobotsBlocked):
        return "robots", "robots_blocked"
    if isinstance(exception, RefusedRequest):
        return "refused", exception.kind
    if _refused_address(exception):
        return "refused", "private_address"
    if isinstance(exception, HttpError):
        response = exception.response
        location = (response.headers.get("Location") or b"").decode("latin-1").strip()
        scheme = location.split(":", 1)[0].lower() if ":" in location.split("/", 1)[0] else ""
        if 300 <= response.status < 400 and scheme not in ("", "http", "https"):
            return "refused", "scheme"  # Scrapy does not follow a redirect to file:, ftp:, ...; nor do we
        return "errors", f"http_{response.status}"
    if isinstance(exception, IgnoreRequest):
        message = str(exception)
        if "max redirections" in message:
            return "errors", "too_many_redirects"
        if "MAXSIZE" in message.upper() or "max size" in message.lower():
            return "errors", "too_large"
        return "errors", "ignored"
    name = type(exception).__name__
    if name == "DownloadCancelledError" and "size" in str(exception).lower():
        return "errors", "too_large"
    return "errors", name


def count_failure(stats, exception: BaseException) -> str:
    """Count one lost URL once under its kind; returns the kind."""
    category, kind = failure_kind(exception)
    if category == "robots":
        stats.inc_value("newscrawler/robots_blocked")
    elif category == "errors":
        stats.inc_value(f"newscrawler/errors/{kind}")
    elif not isinstance(exception, RefusedRequest):
        # The guard counts what it refuses; an address refused at connect time is counted here.
        stats.inc_value(f"newscrawler/refused/{kind}")
    return kind


class RequestTrackingMiddleware:
    """Spider middleware: every request the spider makes (start requests included) goes through
    `spider.track_request`, which gives it an errback, so no failure goes uncounted whichever method made it."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _track(self, item: Any) -> Any:
        hook = getattr(self.crawler.spider, "track_request", None)
        if hook is not None and isinstance(item, Request):
            hook(item)
        return item

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in start:
            yield self._track(item)

    def process_spider_output(self, response, result: Iterable[Any]) -> Iterable[Any]:
        for item in result:
            yield self._track(item)

    async def process_spider_output_async(self, response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in result:
            yield self._track(item)


class MetaRefreshMiddleware(scrapy_redirect.MetaRefreshMiddleware):
    """Scrapy's, except that a page whose <base> or refresh URL is malformed (an invalid IPv6 literal, a port
    out of range: urljoin raises ValueError) is passed on as it is, instead of being lost as a failed fetch."""

    def process_response(self, request: Request, response: Response, spider: Spider | None = None):
        try:
            return super().process_response(request, response)
        except ValueError as exc:
            logger.debug("malformed <base> or meta refresh ignored on %s: %s", response.url, exc)
            return response
