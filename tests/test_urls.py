from __future__ import annotations

import pytest

from newscrawler.urls import absolute_url, canonical_url, host_allowed, registrable_domain, with_query


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
