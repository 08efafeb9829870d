"""The request guard, the mirror, Retry-After, failure accounting, the resolver check and the jobdir journal,
one piece at a time (tests/test_faults_web.py runs them together against a hostile site)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler

from newscrawler.crawl.journal import CrawlJournal
from newscrawler.crawl.middlewares import (
    META_MIRRORED,
    META_ORIGINAL,
    GuardedResolver,
    MirrorMiddleware,
    PrivateAddressRefused,
    RefusedRequest,
    RequestGuardMiddleware,
    RetryAfterMiddleware,
    RobotsBlocked,
    failure_kind,
    non_public_address,
    real_url,
    refusal,
    retry_after_seconds,
)

MIRROR = "http://127.0.0.1:8999"
HOSTS = ("suara.com",)


class SiteSpider(Spider):
    name = "site"
    allowed_hosts = HOSTS


def crawler(mirror: str | None = MIRROR, **settings):
    c = get_crawler(SiteSpider, {"NEWSCRAWLER_MIRROR": mirror, **settings})
    c.spider = SiteSpider()
    c.spider.crawler = c
    c.stats.open_spider()
    return c


# -- what may be requested ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://www.suara.com/news/a", None),
        ("https://jakarta.suara.com/read/a", None),
        ("ftp://www.suara.com/a", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("gopher://www.suara.com/", "scheme"),
        ("https://evil.example/a", "offsite"),
        ("https://suara.com.evil.example/a", "offsite"),
        ("http://169.254.169.254/latest/meta-data/", "offsite"),
        ("http://[::1]:80/", "offsite"),
        ("http://www.suara.com:99999/", "invalid_url"),
        ("http://[::1/", "invalid_url"),
    ],
)
def test_refusal_for_a_site(url: str, kind: str | None) -> None:
    assert refusal(url, HOSTS) == kind


def test_private_addresses_are_refused_even_without_a_host_list() -> None:
    for url in ("http://127.0.0.2/", "http://10.1.2.3/", "http://169.254.169.254/", "http://[::1]/",
                "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://100.64.0.1/", "http://0.0.0.0/"):
        assert refusal(url, ()) == "private_address", url
    assert refusal("http://8.8.8.8/", ()) is None
    # The mirror, and an address the operator named as the site itself, are theirs to ask for.
    assert refusal("http://127.0.0.1:8000/x", (), mirror_hosts={"127.0.0.1"}) is None
    assert refusal("http://127.0.0.1:8000/x", ("127.0.0.1",)) is None


def test_non_public_address() -> None:
    assert non_public_address("192.168.1.1") and non_public_address("[fd00::1]")
    assert not non_public_address("203.0.113.0x") and not non_public_address("www.suara.com")
    assert not non_public_address("1.1.1.1")


# -- the guard and the mirror --------------------------------------------------------------------------------


def mirrored(c, url: str, **kwargs) -> Request:
    """What the mirror middleware makes of a checked request."""
    out = MirrorMiddleware(c).process_request(Request(url, **kwargs))
    assert isinstance(out, Request)
    return out


def test_the_mirror_rewrites_a_checked_request_and_the_guard_lets_it_pass() -> None:
    c = crawler()
    request = mirrored(c, "https://www.suara.com/news/a?page=2")
    assert request.url == f"{MIRROR}/news/a?page=2"
    assert request.headers["Host"] == b"www.suara.com"
    assert real_url(request) == "https://www.suara.com/news/a?page=2"
    assert RequestGuardMiddleware(c).process_request(request) is None


def test_the_mirror_never_forges_a_host_for_another_site() -> None:
    with pytest.raises(RefusedRequest):
        MirrorMiddleware(crawler()).process_request(Request("https://evil.example/a"))


def redirected(request: Request, location: str) -> Request:
    """The request Scrapy's RedirectMiddleware builds: the source request's meta and headers, a new URL."""
    out = request.replace(url=location)
    out.meta["redirect_urls"] = [request.url]
    return out


@pytest.mark.parametrize("target", ["http://127.0.0.2:9/steal", "http://169.254.169.254/", "https://evil.example/"])
def test_a_redirect_off_the_site_loses_the_mirror_state_and_is_refused(target: str) -> None:
    c = crawler()
    guard = RequestGuardMiddleware(c)
    hop = redirected(mirrored(c, "https://www.suara.com/news/a"), target)
    fresh = guard.process_request(hop)
    assert isinstance(fresh, Request) and fresh.url == target
    assert META_ORIGINAL not in fresh.meta and "Host" not in fresh.headers
    assert fresh.meta["redirect_urls"] == ["https://www.suara.com/news/a"]  # the real URL, not the mirror's
    with pytest.raises(RefusedRequest) as refused:
        guard.process_request(fresh)
    assert refused.value.kind == "offsite"
    assert c.stats.get_value("newscrawler/refused/offsite") == 1


def test_a_redirect_within_the_mirror_goes_back_to_the_real_host() -> None:
    c = crawler()
    guard = RequestGuardMiddleware(c)
    hop = redirected(mirrored(c, "https://www.suara.com/news/a"), f"{MIRROR}/news/b")
    fresh = guard.process_request(hop)
    assert fresh.url == "https://www.suara.com/news/b"
    assert guard.process_request(fresh) is None  # checked like any URL, then mirrored again
    again = MirrorMiddleware(c).process_request(fresh)
    assert again.url == f"{MIRROR}/news/b" and again.meta[META_MIRRORED] == again.url


def test_a_redirect_keeps_the_real_requests_dupe_filtering() -> None:
    """The mirror's copy bypasses the dupe filter; a redirect from it must not, or loops never end."""
    c = crawler()
    hop = redirected(mirrored(c, "https://www.suara.com/news/a"), "https://www.suara.com/news/b")
    assert hop.dont_filter  # inherited from the mirror's copy
    assert RequestGuardMiddleware(c).process_request(hop).dont_filter is False


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (b"/news/b", "https://www.suara.com/news/b"),
        (b"b?x=1", "https://www.suara.com/news/b?x=1"),
        (MIRROR.encode() + b"/news/c", "https://www.suara.com/news/c"),
        (b"https://www.suara.com/news/d", "https://www.suara.com/news/d"),
        (b"http://127.0.0.2:9/steal", "http://127.0.0.2:9/steal"),
    ],
)
def test_mirror_responses_carry_real_urls_and_real_redirect_targets(location: bytes, expected: str) -> None:
    c = crawler()
    request = mirrored(c, "https://www.suara.com/news/a")
    response = Response(request.url, status=302, headers={"Location": location}, request=request)
    out = MirrorMiddleware(c).process_response(request, response)
    assert out.url == "https://www.suara.com/news/a"
    assert out.headers["Location"].decode() == expected


def test_without_a_mirror_redirects_are_checked_like_any_request() -> None:
    c = crawler(mirror=None)
    guard = RequestGuardMiddleware(c)
    assert guard.process_request(Request("https://www.suara.com/a")) is None
    assert MirrorMiddleware(c).process_request(Request("https://www.suara.com/a")) is None
    with pytest.raises(RefusedRequest):
        guard.process_request(redirected(Request("https://www.suara.com/a"), "http://10.0.0.1/"))


# -- Retry-After ----------------------------------------------------------------------------------------------


def test_retry_after_seconds() -> None:
    now = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)

    def response(value: str | None) -> Response:
        return Response("https://www.suara.com/", status=429, headers={"Retry-After": value} if value else {})

    assert retry_after_seconds(response("120")) == 120
    assert retry_after_seconds(response(format_datetime(now + timedelta(seconds=30), usegmt=True)), now) == 30
    assert retry_after_seconds(response(format_datetime(now - timedelta(hours=1), usegmt=True)), now) == 0
    assert retry_after_seconds(response("soon")) is None
    assert retry_after_seconds(response(None)) is None


def run_retry(status: int, retry_after: str | None, **settings) -> Request | Response:
    c = crawler(**settings)
    middleware = RetryAfterMiddleware.from_crawler(c)
    request = Request("https://www.suara.com/news/a")
    headers = {"Retry-After": retry_after} if retry_after else {}
    return asyncio.run(middleware.process_response(request, Response(request.url, status=status, headers=headers)))


def test_a_retry_after_within_the_bound_is_retried() -> None:
    assert isinstance(run_retry(429, "0"), Request)
    assert isinstance(run_retry(503, None), Request)


def test_a_retry_after_beyond_the_bound_gives_the_url_up_for_this_run() -> None:
    out = run_retry(503, "3600", NEWSCRAWLER_RETRY_AFTER_MAX=60)
    assert isinstance(out, Response) and out.status == 503


def test_a_refused_address_is_not_retried() -> None:
    c = crawler()
    middleware = RetryAfterMiddleware.from_crawler(c)
    refused = CannotResolveHostError("metadata.internal")
    refused.__cause__ = PrivateAddressRefused("metadata.internal resolves to 169.254.169.254")
    assert middleware.process_exception(Request("https://www.suara.com/"), refused) is None
    assert isinstance(middleware.process_exception(Request("https://www.suara.com/"),
                                                   CannotResolveHostError("no such host")), Request)


# -- failure accounting --------------------------------------------------------------------------------------


def http_error(status: int, location: bytes | None = None) -> HttpError:
    headers = {"Location": location} if location else {}
    return HttpError(HtmlResponse("https://www.suara.com/a", status=status, headers=headers), "non-200")


def test_failure_kinds() -> None:
    assert failure_kind(http_error(404)) == ("errors", "http_404")
    assert failure_kind(http_error(302, b"file:///etc/passwd")) == ("refused", "scheme")
    assert failure_kind(http_error(302)) == ("errors", "http_302")
    assert failure_kind(RobotsBlocked("x")) == ("robots", "robots_blocked")
    assert failure_kind(RefusedRequest("offsite", "https://evil.example/")) == ("refused", "offsite")
    assert failure_kind(IgnoreRequest("max redirections reached")) == ("errors", "too_many_redirects")
    bomb = IgnoreRequest("Ignored response because its body exceeded DOWNLOAD_MAXSIZE (300000 B)")
    assert failure_kind(bomb) == ("errors", "too_large")
    dns = CannotResolveHostError("metadata.internal")
    dns.__cause__ = PrivateAddressRefused("metadata.internal")
    assert failure_kind(dns) == ("refused", "private_address")
    assert failure_kind(TimeoutError()) == ("errors", "TimeoutError")


# -- the resolver ------------------------------------------------------------------------------------------


def test_resolver_refuses_names_that_resolve_to_private_addresses() -> None:
    resolver = GuardedResolver(object(), 0, 5.0, exempt=["mirror.local"])
    assert resolver._check("8.8.8.8", "www.suara.com") == "8.8.8.8"
    for address in ("127.0.0.1", "10.0.0.5", "169.254.169.254", "192.168.0.1"):
        with pytest.raises(PrivateAddressRefused):
            resolver._check(address, "www.suara.com")
    assert resolver._check("127.0.0.1", "mirror.local") == "127.0.0.1"


def test_resolver_is_what_the_settings_install() -> None:
    from newscrawler.crawl.runner import crawl_settings

    assert crawl_settings().get("TWISTED_DNS_RESOLVER") == "newscrawler.crawl.middlewares.GuardedResolver"
    handlers = crawl_settings().getdict("DOWNLOAD_HANDLERS")
    assert all(handlers.get(scheme, "x") is None for scheme in ("file", "ftp", "s3", "data"))


# -- the jobdir journal ---------------------------------------------------------------------------------------


def test_journal_resumes_what_was_not_finished(tmp_path: Path) -> None:
    journal = CrawlJournal(tmp_path)
    journal.open()
    for n in range(4):
        journal.mark_scheduled(f"https://www.suara.com/news/{n}", n % 2)
    journal.mark_done("https://www.suara.com/news/1")
    journal.mark_done("https://www.suara.com/news/2")
    # Killed here: the journal is not closed, and Scrapy's stale request state is on disk.
    (tmp_path / "requests.seen").write_text("deadbeef\n")
    (tmp_path / "requests.queue").mkdir()
    with open(tmp_path / CrawlJournal.FILE, "a") as handle:
        handle.write("D\thttps://www.suara.com/news/3")  # torn by the kill: no newline
    again = CrawlJournal(tmp_path)
    again.open()
    assert again.interrupted
    assert again.pending() == [("https://www.suara.com/news/0", 0), ("https://www.suara.com/news/3", 1)]
    assert not (tmp_path / "requests.seen").exists() and not (tmp_path / "requests.queue").exists()
    again.mark_done("https://www.suara.com/news/0")
    again.close()
    last = CrawlJournal(tmp_path)
    last.open()
    assert not last.interrupted and last.pending() == [("https://www.suara.com/news/3", 1)]
    last.close()


def test_the_run_record_counts_lost_urls_not_attempts() -> None:
    from newscrawler.crawl.runrecord import build_run

    stats = {
        # Scrapy's downloader counters see every attempt, retried ones included: not errors of the run.
        "downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError": 6,
        "downloader/response_status_count/503": 4,
        "downloader/response_status_count/404": 1,
        "spider_exceptions/count": 1,
        "spider_exceptions/ValueError": 1,
        # What the errbacks counted when they gave URLs up, once each.
        "newscrawler/errors/DownloadTimeoutError": 2,
        "newscrawler/errors/http_404": 1,
        "newscrawler/errors/pipeline_UnicodeEncodeError": 1,
        "newscrawler/robots_blocked": 3,
        "newscrawler/refused/offsite": 2,
        "newscrawler/articles/incomplete": 1,
    }
    run = build_run(stats, SiteSpider(), "finished")
    assert run["errors"] == {"DownloadTimeoutError": 2, "http_404": 1, "pipeline_UnicodeEncodeError": 1,
                             "ValueError": 1}
    assert run["robots_blocked"] == 3 and run["refused"] == {"offsite": 2} and run["incomplete"] == 1


def test_scrapy_log_lines_name_the_real_url() -> None:
    from newscrawler.crawl.middlewares import RealUrlsInLogs

    log_filter = RealUrlsInLogs(f"{MIRROR}/")
    log_filter.remember(f"{MIRROR}/news/a?page=2", "https://www.suara.com/news/a?page=2")
    record = logging.LogRecord("scrapy.core.downloader.handlers.http11", logging.WARNING, __file__, 1,
                               "Got data loss in %s. Also <GET %s>, and %s", (
                                   f"{MIRROR}/news/a?page=2", f"{MIRROR}/news/a?page=2", f"{MIRROR}/unknown"), None)
    assert log_filter.filter(record)
    assert record.getMessage() == (
        "Got data loss in https://www.suara.com/news/a?page=2. Also <GET https://www.suara.com/news/a?page=2>, "
        f"and {MIRROR}/unknown"
    )


def test_printed_level_ignores_handlers_that_print_nothing() -> None:
    import logging

    from newscrawler.crawl.middlewares import printed_level

    quiet, silent = logging.StreamHandler(), logging.NullHandler()
    quiet.setLevel(logging.WARNING)
    saved = logging.root.handlers[:]
    logging.root.handlers[:] = [quiet, silent]  # Scrapy's NullHandler sits at level 0 and prints nothing
    try:
        assert printed_level() == logging.WARNING
        logging.root.handlers[:] = [silent]
        assert printed_level() == logging.NOTSET
    finally:
        logging.root.handlers[:] = saved
