"""Every site profile crawled end to end from its own fixture tree, like a user's first crawl of that portal.

`tests/fixtures/sites/<key>/` holds what the site serves for discovery (robots.txt, index pages, sitemaps or
feeds in the site's markup). The test lays the site's golden pages (tests/golden/<key>/) at their URLs,
serves the tree with the mirror server, runs `newscrawler crawl <key> --mirror …` over the golden pages'
date window, and expects every golden article in the store with the golden title and publish time.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from newscrawler.crawl.mirror import MirrorServer, query_suffix
from newscrawler.extract.dates import WIB
from newscrawler.sites import get_profile
from newscrawler.store import open_store

from crawlkit import ROOT, run_cli

FIXTURES = ROOT / "tests" / "fixtures" / "sites"
GOLDEN = ROOT / "tests" / "golden"
SITES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []


def _goldens(key: str) -> list[tuple[dict, Path]]:
    pairs = []
    for expected in sorted((GOLDEN / key).glob("*.expected.json")):
        html = expected.with_name(expected.name.replace(".expected.json", ".html"))
        pairs.append((json.loads(expected.read_text(encoding="utf-8")), html))
    return pairs


def _lay_out(tree: Path, key: str, goldens: list[tuple[dict, Path]]) -> None:
    """Each golden page at its URL's file, also under the profile's single-page query when it has one."""
    profile = get_profile(key)
    query = urlencode(profile.single_page_query) if profile.single_page_query else ""
    for expected, html in goldens:
        parts = urlsplit(expected["url"])
        folder = tree / parts.hostname / parts.path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(html, folder / "index.html")
        if query:
            shutil.copyfile(html, folder / f"index__{query_suffix(query)}.html")


@pytest.mark.slow
@pytest.mark.parametrize("key", SITES)
def test_site_crawls_its_fixture_tree(key: str, tmp_path: Path) -> None:
    goldens = [(e, h) for e, h in _goldens(key) if e.get("published_at")]
    assert goldens, f"{key} has a fixture tree but no golden pages with a publish time"
    tree = tmp_path / "site"
    shutil.copytree(FIXTURES / key, tree)
    _lay_out(tree, key, goldens)
    published = [datetime.fromisoformat(e["published_at"]).astimezone(WIB) for e, _ in goldens]
    since = min(published).date().isoformat()
    until = (max(published) + timedelta(days=1)).date().isoformat()
    db = tmp_path / "crawl.db"
    with MirrorServer(tree) as mirror:
        done = run_cli(
            ["crawl", key, "--mirror", mirror.base_url, "--since", since, "--until", until,
             "--no-follow-related"],
            tmp_path,
            env={"NEWSCRAWLER_DB": str(db)},
            timeout=240,
        )
        requested = list(mirror.requests)
    assert done.returncode == 0, done.stderr
    hosts = {urlsplit(e["url"]).hostname for e, _ in goldens}
    assert any(path == "/robots.txt" for host, path in requested if host in hosts), "robots.txt read first"
    store = open_store(path=str(db))
    try:
        for expected, _ in goldens:
            stored = store.get(expected["url"])
            assert stored is not None, f"{expected['url']} not reached by {key}'s discovery"
            assert stored["title"] == expected["title"]
            assert stored["published_at"] == datetime.fromisoformat(expected["published_at"])
            assert stored["site"] == key
    finally:
        store.close()
