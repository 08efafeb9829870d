from __future__ import annotations

import random
import re
import time
from urllib.parse import urlsplit

import pytest

from newscrawler.urls import (
    absolute_url,
    canonical_url,
    host_allowed,
    hostname,
    is_plain_url,
    is_valid_url,
    registrable_domain,
    with_query,
)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://WWW.Suara.com/news/2025/03/06/080500/x?page=2#top", "https://www.suara.com/news/2025/03/06/080500/x"),
        ("https://www.suara.com/x?utm_source=fb&utm_medium=s&fbclid=1", "https://www.suara.com/x"),
        ("https://news.detik.com/berita/d-1/x?single=1", "https://news.detik.com/berita/d-1/x"),
        ("https://www.suara.com/search?q=banjir&b=2", "https://www.suara.com/search?b=2&q=banjir"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "host, domain",
    [("jakarta.suara.com", "suara.com"), ("www.suara.com", "suara.com"), ("news.detik.com", "detik.com"),
     ("nasional.republika.co.id", "republika.co.id"), ("www.antaranews.com", "antaranews.com")],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


def test_absolute_url_keeps_only_http() -> None:
    base = "https://www.suara.com/news/a"
    assert absolute_url("/b", base) == "https://www.suara.com/b"
    assert absolute_url("javascript:void(0)", base) is None
    assert absolute_url("ftp://x/y", base) is None
    assert absolute_url("#top", base) is None


def test_host_allowed_includes_subdomains_only() -> None:
    assert host_allowed("https://jakarta.suara.com/read/x", ("suara.com",))
    assert not host_allowed("https://suara.com.evil.net/x", ("suara.com",))
    assert not host_allowed("https://notsuara.com/x", ("suara.com",))
    assert not host_allowed("file:///etc/passwd", ("suara.com",))


def test_with_query_replaces_param() -> None:
    assert with_query("https://www.suara.com/x?page=2", page=3) == "https://www.suara.com/x?page=3"


# -- URLs from hostile pages: the helpers never raise (urllib / w3lib raise ValueError on these) ----------------

BAD_URLS = [
    "http://[::1/x",  # unterminated IPv6 literal
    "http://[zz::1]/x",  # not an IPv6 address
    "https://www.suara.com:99999/x",  # port out of range
    "https://www.suara.com:abc/x",  # port not a number
    "http://exa mple.com/",  # space in the host
    "http://ex\x01ample.com/",  # control character in the host
    "http:///x",  # no host
]


@pytest.mark.parametrize("href", BAD_URLS)
def test_absolute_url_rejects_invalid_urls(href: str) -> None:
    assert absolute_url(href, "https://www.suara.com/news/a") is None
    assert not is_valid_url(href)


@pytest.mark.parametrize("base", ["http://[::1/broken/", "https://www.suara.com:70000/"])
def test_absolute_url_with_an_invalid_base_is_none(base: str) -> None:
    assert absolute_url("/news/x", base) is None


@pytest.mark.parametrize("href", ["/a\x00b", "/a\x7fb", "https://www.suara.com/\x1bx"])
def test_absolute_url_rejects_control_characters(href: str) -> None:
    assert absolute_url(href, "https://www.suara.com/news/a") is None


def test_absolute_url_drops_what_browsers_drop() -> None:
    # WHATWG: C0 controls and spaces around the URL are stripped, tabs and newlines inside are removed
    assert absolute_url("\x01 /news/\tx\n ", "https://www.suara.com/") == "https://www.suara.com/news/x"


def test_absolute_url_keeps_valid_ports_ipv6_and_idn() -> None:
    base = "https://www.suara.com/"
    assert absolute_url("http://[::1]:8080/p", base) == "http://[::1]:8080/p"
    assert absolute_url("https://www.suara.com:8443/p", base) == "https://www.suara.com:8443/p"
    assert absolute_url("https://münchen.de/x", base) == "https://xn--mnchen-3ya.de/x"


@pytest.mark.parametrize("url", BAD_URLS)
def test_url_helpers_never_raise(url: str) -> None:
    assert canonical_url(url) == url  # given back as it is: nothing to canonicalise
    assert isinstance(hostname(url), str)
    assert not host_allowed(url, ("suara.com", "example.com"))
    assert isinstance(with_query(url, page=2), str)


def test_absolute_url_on_a_huge_hostile_host_is_fast() -> None:
    # A host check with nested quantifiers backtracked for minutes on one such link (found by fuzzing).
    started = time.perf_counter()
    for href in ("http://" + "a" * 100_000 + "!/", "http://" + "a." * 50_000 + "-/", "http://[" + ":" * 99_999):
        assert absolute_url(href, "https://www.suara.com/") is None
    assert time.perf_counter() - started < 1.0


# The general rule that is_plain_url's two steps must agree with: one regex with lookaheads.
_PLAIN_REFERENCE = re.compile(
    r"^https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/(?:[A-Za-z0-9_~-]|\.(?!\.|/|$)|/(?!\.))*)?\Z")
_URL_PIECES = ["http://", "https://", "ftp://", "WWW.Suara.com", "a.b", ":8080", ":99999", "/", "//", ".", "..",
               "./", "/.", "x", "-", "_", "~", "%20", "?q=1", "#f", "é", " ", "\n", "read/2026/09/03/073520"]


def test_plain_url_fast_paths_agree_with_the_general_rules() -> None:
    rng = random.Random(9)
    allowed = ("suara.com", "a.b")
    for _ in range(20_000):
        url = "".join(rng.choice(_URL_PIECES) for _ in range(rng.randint(1, 8)))
        assert is_plain_url(url) == (_PLAIN_REFERENCE.match(url) is not None), url
        # host_allowed reads plain URLs without urlsplit: the same answer as the general path.
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018
            general = parts.scheme in ("http", "https") and any(
                (h := (parts.hostname or "").lower()) and (h == a or h.endswith("." + a)) for a in allowed)
        except ValueError:
            general = False
        assert host_allowed(url, allowed) == general, url
