"""newscrawler.crawl.extraction: extraction in worker processes gives what extraction in the crawl gives."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from newscrawler.crawl.extraction import ExtractionFailed, ExtractionService, default_processes
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.sites import get_profile
from newscrawler.sites.suara import SuaraProfile
from newscrawler.store import open_store

from crawlkit import DEMO, demo_articles, run_cli

GOLDEN = Path(__file__).parent / "golden"


class _HostileProfile(SuaraProfile):
    """suara.com, except that a page whose URL says so raises, or kills the process extracting it."""

    def site_key(self, url: str) -> str:
        if "kill-the-worker" in url:
            os._exit(3)
        if "raise-in-the-worker" in url:
            raise KeyError("a bug in a profile")
        return super().site_key(url)


def hostile_profile() -> SuaraProfile:
    return _HostileProfile()


def _golden_pages() -> list[tuple[str, str, bytes]]:
    pages = []
    for expected in sorted(GOLDEN.glob("*/*.expected.json")):
        url = json.loads(expected.read_text(encoding="utf-8"))["url"]
        site = expected.parent.name
        pages.append((site, url, expected.with_name(expected.name.replace(".expected.json", ".html")).read_bytes()))
    return pages


def _run(coroutine):
    return asyncio.run(coroutine)


#: Golden sites whose pages differ most in what extraction returns (lists, byline forms, multi-page, dates).
_SITES = ("suara.com", "detik.com", "sindonews.com", "kumparan.com")


def test_workers_extract_exactly_what_the_crawl_process_does() -> None:
    for site in _SITES:
        profile = get_profile(site)
        extractor = ArticleExtractor(profile)
        service = ExtractionService(extractor, (get_profile, (site,)), processes=1, start_after=0)
        try:
            assert service.pooled
            for page_site, url, html in _golden_pages():
                if page_site != site:
                    continue
                here = extractor.extract(url, html, "text/html")
                there = _run(service.extract(url, html, "text/html"))
                # JSON round trip: tuples from one side, lists from the other would be the only difference.
                assert json.loads(json.dumps(there)) == json.loads(json.dumps(here)), url
        finally:
            service.close()


def test_the_pool_starts_only_after_the_first_pages() -> None:
    extractor = ArticleExtractor(get_profile("suara.com"))
    service = ExtractionService(extractor, (get_profile, ("suara.com",)), processes=1, start_after=2)
    _, url, html = next(p for p in _golden_pages() if p[0] == "suara.com")
    try:
        for _ in range(2):
            assert not service.pooled
            service.extract_here(url, html, None)
        assert service.pooled
    finally:
        service.close()
    no_recipe = ExtractionService(extractor, None, processes=4, start_after=0)
    assert not no_recipe.pooled  # a profile a worker cannot rebuild stays in the crawl's process


def _hostile_service() -> tuple[str, bytes, ExtractionService]:
    """A golden page without its canonical link (its URL is then the page's own), and a one-worker service
    whose profile obeys the hostile URLs."""
    _, url, html = next(p for p in _golden_pages() if p[0] == "suara.com")
    html = html.replace(b'rel="canonical"', b'rel="alternate"')
    service = ExtractionService(ArticleExtractor(hostile_profile()), (hostile_profile, ()), processes=1,
                                start_after=0)
    return url, html, service


def test_worker_failures_come_back_as_the_pages_own_failures() -> None:
    url, html, service = _hostile_service()
    try:
        assert service.pooled
        with pytest.raises(NotAnArticle):
            _run(service.extract(url, b"", None))
        with pytest.raises(ExtractionFailed) as failed:
            _run(service.extract("https://www.suara.com/news/raise-in-the-worker", html, None))
        assert failed.value.kind == "KeyError" and "a bug in a profile" in failed.value.remote_traceback
        # A page that kills its worker costs only itself: a new worker takes the next page.
        with pytest.raises(ExtractionFailed, match="died"):
            _run(service.extract("https://www.suara.com/news/kill-the-worker", html, None))
        assert _run(service.extract(url, html, None))["title"]
        assert service.restarts == 2  # the page was tried once more on a fresh worker, which it killed too
    finally:
        service.close()


def test_after_repeated_worker_deaths_the_crawl_extracts_itself() -> None:
    url, html, service = _hostile_service()
    try:
        assert service.pooled
        for _ in range(2):
            with pytest.raises(ExtractionFailed):
                _run(service.extract("https://www.suara.com/news/kill-the-worker", html, None))
        assert not service.pooled and service.processes == 0
        assert _run(service.extract(url, html, None))["title"]
    finally:
        service.close()


def test_a_crawl_through_workers_stores_what_an_in_process_crawl_stores(tmp_path: Path) -> None:
    from newscrawler.crawl.mirror import MirrorServer

    stored = {}
    with MirrorServer(DEMO) as server:
        for mode, env in (("here", {"NEWSCRAWLER_EXTRACT_PROCESSES": "0"}),
                          ("workers", {"NEWSCRAWLER_EXTRACT_PROCESSES": "1", "NEWSCRAWLER_EXTRACT_POOL_AFTER": "3"})):
            db = tmp_path / f"{mode}.db"
            done = run_cli(["crawl", "suara.com", "--mirror", server.base_url, "-v"], tmp_path,
                           {"NEWSCRAWLER_DB": str(db), **env})
            assert done.returncode == 0, done.stderr
            assert ("extracting in 1 worker process(es) from page 4 on" in done.stderr) == (mode == "workers")
            store = open_store(path=str(db))
            try:
                moments = ("crawled_at", "first_seen", "last_seen", "run_id")
                stored[mode] = {a["url"]: {k: v for k, v in a.items() if k not in moments}
                                for a in store.query(site="suara.com")}
            finally:
                store.close()
    assert set(stored["here"]) == {a.url for a in demo_articles()}
    assert stored["workers"] == stored["here"]


def test_settings_from_the_environment_are_checked(caplog) -> None:
    from scrapy.settings import Settings

    extractor = ArticleExtractor(get_profile("suara.com"))
    recipe = (get_profile, ("suara.com",))
    service = ExtractionService.from_settings(extractor, recipe, Settings({"NEWSCRAWLER_EXTRACT_PROCESSES": "2",
                                                                          "NEWSCRAWLER_EXTRACT_POOL_AFTER": "5000"}))
    assert (service.processes, service.start_after) == (2, 5000)
    service = ExtractionService.from_settings(extractor, recipe, Settings({"NEWSCRAWLER_EXTRACT_PROCESSES": "lots",
                                                                          "NEWSCRAWLER_EXTRACT_POOL_AFTER": 100}))
    assert service.start_after == 100 and service.processes == default_processes()  # the bad value ignored
    assert "NEWSCRAWLER_EXTRACT_PROCESSES='lots' ignored" in caplog.text
    assert "POOL_AFTER" not in caplog.text
