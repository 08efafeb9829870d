"""Politeness and safety defaults that every crawl starts from."""

from __future__ import annotations

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
