"""Every site profile crawled end to end from its own fixture tree, like a user's first crawl of that portal.

`tests/fixtures/sites/<key>/` holds what the site serves for discovery (robots.txt, index pages, sitemaps or
feeds in the site's markup). The test lays the site's golden pages (tests/golden/<key>/) at their URLs,
serves the tree with the mirror server, runs `newscrawler crawl <key> --mirror …` over the golden pages'
date window (related links followed, as by default), and expects every golden article in the store with the
golden title and publish time.
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


def _crawl(key: str, mirror: MirrorServer, db: Path, cwd: Path, window: list[str]) -> None:
    done = run_cli(["crawl", key, "--mirror", mirror.base_url, *window], cwd, env={"NEWSCRAWLER_DB": str(db)},
                   timeout=240)
    assert done.returncode == 0, f"crawl {key} {' '.join(window)}: {done.stderr}"


@pytest.mark.slow
@pytest.mark.parametrize("key", SITES)
def test_site_crawls_its_fixture_tree(key: str, tmp_path: Path) -> None:
    """A first crawl (no window: feeds, sitemaps, index pages, the front page, related links) and, for a golden
    it did not reach, a backfill of that golden's day (`--since DAY --until DAY+1`, dated indexes walked)."""
    goldens = [(e, h) for e, h in _goldens(key) if e.get("published_at")]
    assert goldens, f"{key} has a fixture tree but no golden pages with a publish time"
    tree = tmp_path / "site"
    shutil.copytree(FIXTURES / key, tree)
    _lay_out(tree, key, goldens)
    db = tmp_path / "crawl.db"
    with MirrorServer(tree) as mirror:
        _crawl(key, mirror, db, tmp_path, [])
        store = open_store(path=str(db))
        try:
            missing = [e for e, _ in goldens if store.get(e["url"]) is None]
        finally:
            store.close()
        for day in sorted({datetime.fromisoformat(e["published_at"]).astimezone(WIB).date() for e in missing}):
            _crawl(key, mirror, db, tmp_path, ["--since", day.isoformat(),
                                                "--until", (day + timedelta(days=1)).isoformat()])
        requested = list(mirror.requests)
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
