"""republika.co.id profile: hosts, both article URL forms, kanal, discovery fixtures, robots.txt."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from protego import Protego

from newscrawler.crawl.discovery import IndexTemplate, parse_feed, parse_index_page, parse_sitemap
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.processing import build_article, text_normalizer
from newscrawler.settings import USER_AGENT
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.republika import RepublikaProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "republika.co.id"
PROFILE = RepublikaProfile()
CURRENT = "https://news.republika.co.id/berita/sfx2k1409/bpbd-dki-siagakan-pompa-mobile-di-17-titik-rawan-genangan"
OLD = ("https://www.republika.co.id/berita/nasional/jabodetabek-nasional/15/01/21/"
       "nih9k2334-pemprov-dki-tambah-pompa-air-di-kawasan-rawan-banjir")


@pytest.mark.parametrize(
    "host", ["www.republika.co.id", "republika.co.id", "news.republika.co.id", "ekonomi.republika.co.id",
             "rejogja.republika.co.id", "republika.id"],
)
def test_every_host_maps_to_republika(host: str) -> None:
    assert site_for_host(host) == "republika.co.id"
    assert get_profile(host).key == "republika.co.id"
    assert profile_for_url(f"https://{host}/berita/t18wf6409/judul").key == "republika.co.id"


def test_alias() -> None:
    assert get_profile("republika").key == "republika.co.id"


@pytest.mark.parametrize(
    "url",
    [
        CURRENT,
        OLD,
        "https://ekonomi.republika.co.id/berita/t18wf6409/sri-mulyani-bantah-video-viral",
        "https://www.republika.co.id/berita/q4jqpw368/jabar-kembali-revitalisasi-gedung-sate",
        "https://rejogja.republika.co.id/berita/rrj873291/arkeolog-temukan-saluran-air-kuno",
        "https://sharia.republika.co.id/berita/tk3rz0370",
        "https://republika.co.id/berita/gaya-hidup/kuliner/15/11/25/nyclnl328-yuk-kenali-kekhasan-masakan",
        "http://www.republika.co.id/berita/pendidikan/eduaction/15/01/28/niw6p7-un-dihapus",
        "https://republika.co.id/berita//tio14w368/judul-di-indeks",  # as some listings print it
    ],
)
def test_article_urls_accepted(url: str) -> None:
    assert PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.republika.co.id/",
        "https://news.republika.co.id/",
        "https://republika.co.id/index/50",
        "https://republika.co.id/files/xml/sitemap.xml",
        "https://www.republika.co.id/tag/banjir-jakarta",
        "https://www.republika.co.id/kanal/news/jabodetabek-nasional",
        "https://www.republika.co.id/berita/nasional",
        "https://video.republika.co.id/video/sfx0w7313/suasana-car-free-day-di-bundaran-hi",
        "https://retizen.republika.co.id/posts/271234/opini-warga",
        "https://www.republika.co.id/search?q=banjir",
        "https://www.notrepublika.co.id/berita/t18wf6409/tiruan",
    ],
)
def test_non_article_urls_rejected(url: str) -> None:
    assert not PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        (CURRENT, "news"),
        ("https://ekonomi.republika.co.id/berita/t18wf6409/judul", "ekonomi"),
        ("https://rejogja.republika.co.id/berita/rrj873291/judul", "rejogja"),
        (OLD, "nasional"),
        ("https://www.republika.co.id/berita/q4jqpw368/jabar-revitalisasi", None),  # article:section names it
    ],
)
def test_section_is_the_kanal(url: str, section: str | None) -> None:
    assert PROFILE.section_from_url(url) == section


def test_rss_fixture() -> None:
    entries = parse_feed((TREE / "www.republika.co.id" / "rss" / "index.html").read_bytes())
    assert [e.url for e in entries] == [
        CURRENT, "https://ekonomi.republika.co.id/berita/sfx1a0383/harga-emas-antam-hari-ini-turun-rp-5000",
    ]
    assert entries[0].published == "Wed, 18 Jun 2025 16:20:00 +0700"


def test_index_fixture_lists_the_teasers_of_every_kanal() -> None:
    html = (TREE / "republika.co.id" / "index" / "0" / "index.html").read_bytes()
    listed = parse_index_page(html, "https://republika.co.id/index/0", PROFILE.is_article_url, PROFILE.index_link_css)
    assert [i.url for i in listed] == [
        CURRENT,
        "https://republika.co.id/berita//sfx2h8368/mui-imbau-umat-tidak-mudah-percaya-hoaks-soal-haji",
        "https://ekonomi.republika.co.id/berita/sfx1a0383/harga-emas-antam-hari-ini-turun-rp-5000",
    ]  # the Terpopuler sidebar is not part of the index
    assert listed[0].title == "BPBD DKI Siagakan Pompa Mobile di 17 Titik Rawan Genangan"
    everything = parse_index_page(html, "https://republika.co.id/index/0", PROFILE.is_article_url)
    assert len(everything) == 5


def test_index_is_paged_by_offset() -> None:
    # 50 teasers a page: page 1 is /index/0, page 3 /index/100.
    pages = [IndexTemplate(t, PROFILE.index_page_size) for t in PROFILE.index_urls]
    assert [t.url(1) for t in pages] == ["https://republika.co.id/index/0"]
    assert [t.url(3) for t in pages] == ["https://republika.co.id/index/100"]
    assert not any(t.dated for t in pages)


def test_sitemap_fixture_mixes_kanal_pages_and_articles() -> None:
    kind, entries = parse_sitemap((TREE / "republika.co.id" / "files" / "xml" / "sitemap.xml").read_bytes())
    assert kind == "urlset"
    articles = [e for e in entries if PROFILE.is_article_url(e.url)]
    assert [e.url for e in articles] == [
        CURRENT, "https://rejogja.republika.co.id/berita/sfx1u7291/keraton-yogyakarta-gelar-labuhan-merapi",
    ]
    assert articles[0].lastmod == "2025-06-18T16:20:00+07:00"
    assert len(entries) - len(articles) == 3  # /kanal/ pages


def test_fixture_robots_blocks_default_scrapy_but_not_us() -> None:
    robots = Protego.parse((TREE / "www.republika.co.id" / "robots.txt").read_text())
    assert not robots.can_fetch(CURRENT, "Scrapy/2.13 (+https://scrapy.org)")
    assert robots.can_fetch(CURRENT, USER_AGENT)
    assert list(robots.sitemaps) == list(PROFILE.sitemap_urls)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("REPUBLIKA.CO.ID, JAKARTA -- BPBD menyiagakan pompa.", "REPUBLIKA.CO.ID, JAKARTA", "BPBD menyiagakan pompa."),
        ("REPUBLIKA.CO.ID, YOGYAKARTA - Keraton menggelar upacara.", "REPUBLIKA.CO.ID, YOGYAKARTA",
         "Keraton menggelar upacara."),
    ],
)
def test_datelines(paragraph: str, dateline: str, rest: str) -> None:
    assert text_normalizer(PROFILE).split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize(
    ("paragraph", "boilerplate"),
    [("Sumber : Antara", True), ("Sumber: Republika", True), ("Advertisement", True),
     ("Sumber air bersih di pulau itu hanya satu sumur tua yang dipakai bersama oleh ratusan warga.", False)],
)
def test_republika_boilerplate(paragraph: str, boilerplate: bool) -> None:
    assert text_normalizer(PROFILE).is_boilerplate(paragraph) is boilerplate


def test_articles_are_single_page() -> None:
    assert PROFILE.page_param is None and PROFILE.single_page_query == {} and PROFILE.pager_css is None


def _printed_only(html: str) -> str:
    """The page without JSON-LD and date meta tags: only the printed date line is left."""
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    return re.sub(r'<meta property="article:published_time"[^>]*>', "", html)


@pytest.mark.parametrize(
    ("name", "published", "raw"),
    [
        ("kanal-2025", "2025-06-18T16:20:00+07:00", "Rabu 18 Jun 2025 16:20 WIB"),
        ("berita-2015", "2015-01-21T13:47:00+07:00", "Rabu, 21 Januari 2015, 13:47 WIB"),
    ],
)
def test_printed_date_line_is_found_in_both_templates(name: str, published: str, raw: str) -> None:
    golden = Path(__file__).parent / "golden" / "republika.co.id"
    url = json.loads((golden / f"{name}.expected.json").read_text(encoding="utf-8"))["url"]
    html = _printed_only((golden / f"{name}.html").read_text(encoding="utf-8"))
    article, errors = build_article([ArticleExtractor(PROFILE).extract(url, html)], PROFILE)
    assert (article["published_at"], article["published_at_raw"], errors) == (published, raw, [])


@pytest.mark.parametrize(("name", "reporter"), [("kanal-2025", "Eva Rianti"), ("berita-2015", "Ira Sasmita")])
def test_byline_names_the_reporter_not_the_editor(name: str, reporter: str) -> None:
    # JSON-LD `author` on current pages is the "Red:" desk editor; the visible "Rep:" credit wins.
    golden = Path(__file__).parent / "golden" / "republika.co.id"
    url = json.loads((golden / f"{name}.expected.json").read_text(encoding="utf-8"))["url"]
    raw = ArticleExtractor(PROFILE).extract(url, (golden / f"{name}.html").read_bytes())
    assert raw["authors"] == [reporter]
    assert PROFILE.byline_over_jsonld


def test_listing_page_is_not_an_article() -> None:
    html = (TREE / "republika.co.id" / "index" / "0" / "index.html").read_bytes()
    with pytest.raises(NotAnArticle):
        ArticleExtractor(PROFILE).extract("https://republika.co.id/index/0", html)
