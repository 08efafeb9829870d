"""Politeness and safety defaults that every crawl starts from."""

from __future__ import annotations

import os

from newscrawler.crawl.runner import crawl_settings


def test_polite_and_safe_defaults() -> None:
    s = crawl_settings()
    assert s.getbool("ROBOTSTXT_OBEY")
    assert s.getbool("AUTOTHROTTLE_ENABLED")
    assert s.getfloat("DOWNLOAD_DELAY") >= 1
    assert 0 < s.getint("DOWNLOAD_MAXSIZE") <= 16 * 1024 * 1024
    assert s.get("USER_AGENT").startswith("newscrawler/") and "Scrapy" not in s.get("USER_AGENT")
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert not s.getbool("COOKIES_ENABLED")
    middlewares = s.getdict("DOWNLOADER_MIDDLEWARES")
    assert "newscrawler.crawl.middlewares.RequestGuardMiddleware" in middlewares


def test_mirror_mode_drops_delays_only() -> None:
    s = crawl_settings(mirror="http://127.0.0.1:8000")
    assert s.get("NEWSCRAWLER_MIRROR") == "http://127.0.0.1:8000"
    assert not s.getbool("AUTOTHROTTLE_ENABLED") and s.getfloat("DOWNLOAD_DELAY") == 0
    assert s.getbool("ROBOTSTXT_OBEY")


def test_user_agent_from_environment(monkeypatch) -> None:
    import importlib

    import newscrawler.settings as settings_module

    monkeypatch.setenv("NEWSCRAWLER_USER_AGENT", "newsroom-bot/1.0 (+mailto:data@example.org)")
    try:
        assert importlib.reload(settings_module).USER_AGENT == "newsroom-bot/1.0 (+mailto:data@example.org)"
    finally:
        monkeypatch.delenv("NEWSCRAWLER_USER_AGENT")
        importlib.reload(settings_module)


def test_concurrency_on_a_mirror_is_just_more_requests() -> None:
    s = crawl_settings(mirror="http://127.0.0.1:8000", concurrency=32)
    assert s.getint("CONCURRENT_REQUESTS") == 32 and s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 32
    assert not s.getbool("AUTOTHROTTLE_ENABLED") and s.getfloat("DOWNLOAD_DELAY") == 0


def test_concurrency_on_a_live_site_stays_throttled() -> None:
    s = crawl_settings(concurrency=4)
    assert s.getbool("AUTOTHROTTLE_ENABLED") and s.getbool("ROBOTSTXT_OBEY")
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 4
    assert s.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY") == 4.0
    assert s.getfloat("DOWNLOAD_DELAY") == 0.25  # at most 4 requests a second to the site


def test_concurrency_out_of_range_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="from 1 to 16 for a live site"):
        crawl_settings(concurrency=17)
    with pytest.raises(ValueError, match="from 1 to 256"):
        crawl_settings(mirror="http://127.0.0.1:8000", concurrency=257)
    assert crawl_settings(mirror="http://127.0.0.1:8000", concurrency=256).getint("CONCURRENT_REQUESTS") == 256


def test_extract_workers_setting() -> None:
    assert crawl_settings(extract_workers=0).getint("NEWSCRAWLER_EXTRACT_PROCESSES") == 0
    # Without --extract-workers the crawl keeps what the environment says (settings.py reads it; unset: None).
    assert crawl_settings().get("NEWSCRAWLER_EXTRACT_PROCESSES") == (os.environ.get("NEWSCRAWLER_EXTRACT_PROCESSES")
                                                                     or None)
