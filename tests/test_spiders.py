"""NewsSpider's index walks (per day, by offset, past Scrapy's DEPTH_LIMIT), single-page articles, and the generic
spider on a site without a profile: real crawls against the mirror server on 127.0.0.1.

The profiles below exist only here. A crawl runs in a child Python (Scrapy's reactor runs once per process)
that imports this module for its profile, so what the mirror logged is what the spider asked for.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newscrawler.crawl.mirror import MirrorServer
from newscrawler.extract.dates import WIB
from newscrawler.sites.base import SiteProfile
from newscrawler.store import open_store

from crawlkit import ROOT, run_cli

HOST = "www.harian-uji.id"
BASE = f"https://{HOST}"
GENERIC = ROOT / "tests" / "fixtures" / "generic-site"
GENERIC_HOST = "www.beritacontoh.id"


class DatedProfile(SiteProfile):
    """A per-day index paged by number (detik, cnn style)."""

    key = "harian-uji.id"
    allowed_hosts = ("harian-uji.id",)
    index_urls = (f"{BASE}/indeks/{{date:%Y-%m-%d}}?page={{page}}",)
    index_link_css = ".daftar-berita h2"
    article_url_re = re.compile(r"^https://www\.harian-uji\.id/berita/\d{4}/\d{2}/\d{2}/[a-z0-9-]+$")


class OffsetProfile(DatedProfile):
    """A per-day index paged by offset, three headlines a page (okezone style)."""

    index_urls = (f"{BASE}/arsip/{{date:%Y/%m/%d}}/{{offset}}",)
    index_page_size = 3


class PagedProfile(DatedProfile):
    """One index for all days, paged by number (suara's /indeks?page=N)."""

    index_urls = (f"{BASE}/terbaru?page={{page}}",)


class SinglePageProfile(DatedProfile):
    """Multi-page articles the site also serves whole under ?page=all."""

    index_urls = ()
    single_page_query = {"page": "all"}
    page_param = "page"
    pager_css = ".pager a"


#: Enough text for the extractor to take a page for an article.
FILLER = ("Warga kampung berkumpul di balai desa sejak pagi untuk membahas rencana perbaikan saluran air yang "
          "rusak setelah hujan deras pekan lalu, dan kepala desa berjanji pekerjaan selesai sebelum akhir bulan.")


# -- a site built for one test --------------------------------------------------------------------------


def article_path(day: date, n: int) -> str:
    return f"/berita/{day:%Y/%m/%d}/kabar-nomor-{n}-hari-itu"


def article_html(title: str, published: datetime, paragraphs: list[str], extra: str = "") -> str:
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": published.isoformat()})
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f'<script type="application/ld+json">{ld}</script></head>'
            f"<body><h1>{title}</h1><article>{body}</article>{extra}</body></html>")


def index_html(paths: list[str]) -> str:
    # A menu link that matches the article pattern: index_link_css keeps it out.
    items = "".join(f'<h2><a href="{p}">Judul {p.rsplit("/", 1)[-1]}</a></h2>' for p in paths)
    return (f'<html><body><nav><a href="{article_path(date(2020, 1, 1), 0)}">menu</a></nav>'
            f'<div class="daftar-berita">{items}</div></body></html>')


class Site:
    """Files under root/HOST/ laid out as the mirror serves them."""

    def __init__(self, root: Path):
        self.root = root
        self.host = root / HOST

    def write(self, path: str, text: str, query: str = "") -> None:
        folder = self.host / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / (f"index__{query}.html" if query else "index.html")).write_text(text, encoding="utf-8")

    def articles(self, day: date, numbers: range) -> list[str]:
        paths = []
        for n in numbers:
            path = article_path(day, n)
            published = datetime(day.year, day.month, day.day, 8, 0, tzinfo=WIB) + timedelta(minutes=n)
            self.write(path, article_html(f"Kabar nomor {n} pada {day:%d-%m-%Y}", published,
                                          [f"Isi kabar nomor {n}: {FILLER}", FILLER]))
            paths.append(path)
        return paths


CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import test_spiders
from scrapy.crawler import AsyncCrawlerProcess
from newscrawler.crawl.runner import crawl_settings
from newscrawler.crawl.spiders.base import NewsSpider

profile = getattr(test_spiders, sys.argv[2])
spider = type("UjiSpider", (NewsSpider,), {"name": "uji", "profile_cls": profile})
args, overrides = json.loads(sys.argv[3]), json.loads(sys.argv[4])
process = AsyncCrawlerProcess(crawl_settings(mirror=args["mirror"], overrides=overrides))
crawler = process.create_crawler(spider)
process.crawl(crawler, **args)
process.start()
print(json.dumps({k: v for k, v in crawler.stats.get_stats().items() if isinstance(v, (int, float, str))}))
"""


def crawl(profile: type[SiteProfile], mirror: MirrorServer, tmp_path: Path, overrides: dict | None = None,
          **args: Any) -> dict[str, Any]:
    """Crawl the mirror with a spider for `profile`; returns the crawl's stats."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env["NEWSCRAWLER_DB"] = str(tmp_path / "uji.db")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(Path(__file__).parent), profile.__name__,
         json.dumps({"mirror": mirror.base_url, "follow_related": False, **args}), json.dumps(overrides or {})],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def stored_urls(tmp_path: Path) -> set[str]:
    store = open_store(path=str(tmp_path / "uji.db"))
    try:
        return {a["url"] for a in store.query()}
    finally:
        store.close()


def index_requests(mirror: MirrorServer, prefix: str) -> list[str]:
    return [path for host, path in mirror.requests if host == HOST and path.startswith(prefix)]


# -- per-day index walks ---------------------------------------------------------------------------------


def test_dated_index_walks_exactly_the_window_days_newest_first(tmp_path: Path) -> None:
    site = Site(tmp_path / "site")
    days = [date(2026, 10, d) for d in range(1, 7)]
    wanted: set[str] = set()
    for day in days:
        first, second = site.articles(day, range(1, 3)), site.articles(day, range(3, 5))
        site.write(f"/indeks/{day:%Y-%m-%d}", index_html(first), "page=1")
        site.write(f"/indeks/{day:%Y-%m-%d}", index_html(second), "page=2")
        site.write(f"/indeks/{day:%Y-%m-%d}", index_html([]), "page=3")  # the day's list has ended
        if date(2026, 10, 3) <= day <= date(2026, 10, 4):
            wanted |= {BASE + p for p in first + second}
    with MirrorServer(site.root) as mirror:
        crawl(DatedProfile, mirror, tmp_path, since="2026-10-03", until="2026-10-05")
    assert index_requests(mirror, "/indeks/") == [
        f"/indeks/2026-10-0{d}?page={p}" for d in (4, 3) for p in (1, 2, 3)
    ]
    assert stored_urls(tmp_path) == wanted
    # index_link_css: the menu's article-looking link was never followed.
    assert not [p for _, p in mirror.requests if p.startswith("/berita/2020/")]


def test_dated_index_without_since_walks_today_and_yesterday(tmp_path: Path) -> None:
    site = Site(tmp_path / "site")
    today = datetime.now(WIB).date()
    for day in (today, today - timedelta(days=1), today - timedelta(days=2)):
        site.write(f"/indeks/{day:%Y-%m-%d}", index_html(site.articles(day, range(1, 2))), "page=1")
    with MirrorServer(site.root) as mirror:
        crawl(DatedProfile, mirror, tmp_path)
    walked = {p.split("?")[0].rsplit("/", 1)[-1] for p in index_requests(mirror, "/indeks/")}
    assert walked == {today.isoformat(), (today - timedelta(days=1)).isoformat()}


def test_offset_template_pages_by_offset_and_stops_at_the_empty_page(tmp_path: Path) -> None:
    site = Site(tmp_path / "site")
    day = date(2026, 10, 2)
    paths = site.articles(day, range(1, 8))
    for offset in (0, 3, 6, 9):
        site.write(f"/arsip/2026/10/02/{offset}", index_html(paths[offset:offset + 3]))
    with MirrorServer(site.root) as mirror:
        crawl(OffsetProfile, mirror, tmp_path, since="2026-10-02", until="2026-10-03")
    assert index_requests(mirror, "/arsip/") == [f"/arsip/2026/10/02/{o}" for o in (0, 3, 6, 9)]
    assert stored_urls(tmp_path) == {BASE + p for p in paths}


def test_index_failure_ends_that_day_not_the_walk(tmp_path: Path) -> None:
    site = Site(tmp_path / "site")
    older = date(2026, 10, 1)
    site.write(f"/indeks/{older:%Y-%m-%d}", index_html(site.articles(older, range(1, 3))), "page=1")
    # 2026-10-02 has no index page at all (404).
    with MirrorServer(site.root) as mirror:
        crawl(DatedProfile, mirror, tmp_path, since="2026-10-01", until="2026-10-03")
    assert index_requests(mirror, "/indeks/") == [
        "/indeks/2026-10-02?page=1", "/indeks/2026-10-01?page=1", "/indeks/2026-10-01?page=2",
    ]
    assert len(stored_urls(tmp_path)) == 2


# -- the depth fix: index walks are not cut at Scrapy's DEPTH_LIMIT -------------------------------------------


def paged_site(root: Path, pages: int) -> tuple[Site, set[str]]:
    site = Site(root)
    urls: set[str] = set()
    start = date(2026, 9, 1)
    for page in range(1, pages + 1):
        day = start + timedelta(days=pages - page)  # newest first
        paths = site.articles(day, range(1, 3))
        urls |= {BASE + p for p in paths}
        site.write("/terbaru", index_html(paths), f"page={page}")
    site.write("/terbaru", index_html([]), f"page={pages + 1}")
    return site, urls


def test_a_month_backfill_walks_past_nine_index_pages(tmp_path: Path) -> None:
    site, urls = paged_site(tmp_path / "site", 14)
    with MirrorServer(site.root) as mirror:
        stats = crawl(PagedProfile, mirror, tmp_path, since="2026-08-25")
    assert index_requests(mirror, "/terbaru") == [f"/terbaru?page={n}" for n in range(1, 16)]
    assert stored_urls(tmp_path) == urls
    assert stats.get("depth/request_ignored_count", 0) == 0


def test_max_index_pages_still_bounds_the_walk(tmp_path: Path) -> None:
    site, _ = paged_site(tmp_path / "site", 14)
    with MirrorServer(site.root) as mirror:
        crawl(PagedProfile, mirror, tmp_path, {"NEWSCRAWLER_MAX_INDEX_PAGES": 11}, since="2026-08-25")
    assert index_requests(mirror, "/terbaru") == [f"/terbaru?page={n}" for n in range(1, 12)]
    assert len(stored_urls(tmp_path)) == 22


def test_walk_stops_at_since_and_at_a_page_that_repeats(tmp_path: Path) -> None:
    site, _ = paged_site(tmp_path / "site", 14)
    with MirrorServer(site.root) as mirror:
        # Page 5 holds 2026-09-10, page 6 2026-09-09: page 6 is wholly before --since.
        crawl(PagedProfile, mirror, tmp_path, since="2026-09-10")
    assert index_requests(mirror, "/terbaru") == [f"/terbaru?page={n}" for n in range(1, 7)]
    repeat = Site(tmp_path / "repeat")
    paths = repeat.articles(date(2026, 9, 1), range(1, 3))
    for page in (1, 2, 3):  # a site that ignores the page number
        repeat.write("/terbaru", index_html(paths), f"page={page}")
    second_run = tmp_path / "second"
    second_run.mkdir()
    with MirrorServer(repeat.root) as mirror:
        crawl(PagedProfile, mirror, second_run)
    assert index_requests(mirror, "/terbaru") == ["/terbaru?page=1", "/terbaru?page=2"]


# -- single_page_query ----------------------------------------------------------------------------------------


def test_single_page_query_fetches_one_document_and_stores_the_canonical_url(tmp_path: Path) -> None:
    site = Site(tmp_path / "site")
    published = datetime(2026, 10, 2, 9, 30, tzinfo=WIB)
    whole, paged = article_path(date(2026, 10, 2), 1), article_path(date(2026, 10, 2), 2)
    pager = '<div class="pager"><a href="?page=2">2</a></div>'
    first = [f"Paragraf pertama dari halaman satu artikel ini. {FILLER}"]
    second = [f"Paragraf kedua yang hanya ada di halaman dua. {FILLER}"]
    for path in (whole, paged):
        site.write(path, article_html("Artikel Dua Halaman", published, first, pager))
        site.write(path, article_html("Artikel Dua Halaman", published, second, pager), "page=2")
    site.write(whole, article_html("Artikel Dua Halaman", published, first + second), "page=all")
    # `paged` has no ?page=all form (404): the spider falls back to page by page.
    with MirrorServer(site.root) as mirror:
        stats = crawl(SinglePageProfile, mirror, tmp_path, url=[BASE + whole, BASE + paged])
    fetched = [p for _, p in mirror.requests if p.startswith("/berita/")]
    assert sorted(fetched) == sorted([f"{whole}?page=all", f"{paged}?page=all", paged, f"{paged}?page=2"])
    assert stats["newscrawler/single_page_fallback"] == 1
    store = open_store(path=str(tmp_path / "uji.db"))
    try:
        for path, pages in ((whole, 1), (paged, 2)):
            article = store.get(BASE + path)
            assert article is not None and article["url"] == BASE + path  # no ?page=all
            assert article["pages"] == pages
            assert "halaman dua" in article["body"] and "halaman satu" in article["body"]
    finally:
        store.close()


# -- the generic spider ---------------------------------------------------------------------------------------

GENERIC_ARTICLES = {
    f"https://{GENERIC_HOST}{path}"
    for path in (
        "/politik/2026/11/20/dprd-setujui-anggaran-sekolah-rakyat",  # front page + news sitemap
        "/ekonomi/harga-cabai-rawit-turun-di-pasar-induk-48213",  # front page
        "/read/77120/warga-bantaran-kali-gotong-royong-bersihkan-sampah",  # news sitemap
        "/olahraga/tim-voli-putri-daerah-lolos-ke-babak-final-kejurnas",  # plain post sitemap
        "/politik/2026/11/24/bupati-resmikan-jembatan-gantung-desa",  # the /politik section page
        "/ekonomi/2026/11/25/ekspor-kopi-robusta-naik-dua-kali-lipat",  # the RSS feed the front page announces
    )
}
NEVER_FETCHED = {"/category-sitemap.xml", "/tag/banjir", "/tentang-kami", "/login", "/redaksi",
                 "/pedoman-media-siber", "/politik/page/2"}


def assert_generic_crawl(mirror: MirrorServer) -> None:
    paths = {p.split("?")[0] for host, p in mirror.requests if host == GENERIC_HOST}
    assert {host for host, _ in mirror.requests} == {GENERIC_HOST}  # no other site, no sitemap elsewhere
    assert {"/robots.txt", "/sitemap_index.xml", "/news-sitemap.xml", "/post-sitemap.xml", "/rss.xml",
            "/politik"} <= paths
    assert not paths & NEVER_FETCHED
    assert not [p for p in paths if p.startswith(("/cari", "/wp-content"))]


def test_generic_crawl_of_a_site_without_a_profile(tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "g.db")}
    with MirrorServer(GENERIC) as mirror:
        done = run_cli(["crawl", f"https://{GENERIC_HOST}/", "--mirror", mirror.base_url, "--summary"], tmp_path,
                       env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("beritacontoh.id: finished")
    assert_generic_crawl(mirror)
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        articles = {a["url"]: a for a in store.query()}
        assert set(articles) == GENERIC_ARTICLES
        assert {a["site"] for a in articles.values()} == {"beritacontoh.id"}
        assert all(a["published_at"] and a["title"] and a["body"] for a in articles.values())
        (run,) = store.runs()
        assert run["site"] == "beritacontoh.id" and run["spider"] == "generic"
        assert run["dropped_reasons"] == {"not_an_article": 1}  # the video page with no text
        assert store.snapshots("beritacontoh.id", "popular")
    finally:
        store.close()


def test_generic_crawl_honours_the_window_and_the_limit(tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "w.db")}
    with MirrorServer(GENERIC) as mirror:
        done = run_cli(["crawl", f"https://{GENERIC_HOST}/", "--mirror", mirror.base_url, "--since", "2026-11-22",
                        "--until", "2026-11-25"], tmp_path, env)
        assert done.returncode == 0, done.stderr
        fetched = {p for _, p in mirror.requests}
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        inside = {a["url"] for a in store.query()}
    finally:
        store.close()
    assert inside == {u for u in GENERIC_ARTICLES if re.search(r"/(77120|tim-voli|2026/11/24)", u)}
    # Out-of-window articles announced with a date were never fetched.
    assert "/politik/2026/11/20/dprd-setujui-anggaran-sekolah-rakyat" not in fetched
    assert "/ekonomi/2026/11/25/ekspor-kopi-robusta-naik-dua-kali-lipat" not in fetched
    env = {"NEWSCRAWLER_DB": str(tmp_path / "m.db")}
    with MirrorServer(GENERIC) as mirror:
        done = run_cli(["crawl", f"https://{GENERIC_HOST}/", "--mirror", mirror.base_url, "--max-articles", "2"],
                       tmp_path, env)
    assert done.returncode == 0, done.stderr
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        assert store.count() == 2
    finally:
        store.close()


def test_generic_crawl_with_given_sitemap_and_feed(tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "s.db")}
    with MirrorServer(GENERIC) as mirror:
        done = run_cli(["crawl", f"https://{GENERIC_HOST}/", "--mirror", mirror.base_url, "--no-follow-related",
                        "--sitemap", f"https://{GENERIC_HOST}/news-sitemap.xml", "--rss", f"https://{GENERIC_HOST}/rss.xml"],
                       tmp_path, env)
    assert done.returncode == 0, done.stderr
    paths = [p for _, p in mirror.requests]
    # The given sources replace robots.txt's sitemaps (robots.txt is still read, for its rules).
    assert "/sitemap_index.xml" not in paths and "/post-sitemap.xml" not in paths
    assert {"/news-sitemap.xml", "/rss.xml"} <= set(paths)


def test_scrapy_crawl_generic(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env["NEWSCRAWLER_DB"] = str(tmp_path / "sc.db")
    out = tmp_path / "out.jsonl"
    with MirrorServer(GENERIC) as mirror:
        subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", f"url=https://{GENERIC_HOST}/",
             "-a", f"mirror={mirror.base_url}", "-O", str(out), "-s", "LOG_LEVEL=WARNING"],
            cwd=ROOT, env=env, check=True, capture_output=True, timeout=180,
        )
    assert_generic_crawl(mirror)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    articles = [r for r in rows if "body" in r]
    assert {r["url"] for r in articles} == GENERIC_ARTICLES
    assert {r["site"] for r in articles} == {"beritacontoh.id"}


def test_scrapy_list_shows_every_profile_and_generic() -> None:
    from newscrawler.sites import PROFILES

    done = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    names = set(done.stdout.split())
    assert {cls.spider_name() for cls in PROFILES.values()} | {"generic"} <= names


@pytest.mark.parametrize("url", ["", "https://", "http:///berita/satu", "ftp://example.id/"])
def test_generic_spider_refuses_a_url_without_a_host(url: str) -> None:
    from newscrawler.crawl.spiders import BadSiteURL, GenericSpider

    with pytest.raises(BadSiteURL):
        GenericSpider(url=url)


def test_generic_spider_on_a_known_host_uses_its_profile() -> None:
    from newscrawler.crawl.spiders import GenericSpider

    spider = GenericSpider(url="https://jakarta.suara.com/")
    assert spider.profile.key == "suara.com" and spider.profile.index_urls
    other = GenericSpider(url="https://news.beritacontoh.id/politik")
    assert other.profile.key == "beritacontoh.id" and other.allowed_hosts == ("beritacontoh.id",)
    assert other.profile.home_url == "https://news.beritacontoh.id/politik"
