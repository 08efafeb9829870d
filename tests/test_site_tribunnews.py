"""tribunnews.com profile: www and regional desks, both URL shapes, sections, discovery fixtures, paging."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscrawler.crawl.discovery import IndexTemplate, listing_sitemap, parse_index_page, parse_sitemap
from newscrawler.crawl.mirror import query_suffix
from newscrawler.extract.dates import DateNormalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.tribunnews import TribunnewsProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "tribunnews.com"
BMKG = "https://www.tribunnews.com/nasional/7512384/bmkg-prakirakan-hujan-lebat-di-sebagian-jawa-hingga-akhir-pekan"
PASAR = "https://jateng.tribunnews.com/2020/05/04/pasar-tradisional-di-semarang-mulai-terapkan-jaga-jarak"


@pytest.mark.parametrize("host", ["tribunnews.com", "www.tribunnews.com", "m.tribunnews.com",
                                  "jateng.tribunnews.com", "makassar.tribunnews.com"])
def test_every_tribun_host_is_the_site(host: str) -> None:
    assert site_for_host(host) == "tribunnews.com"
    assert get_profile(host).key == "tribunnews.com"
    assert isinstance(profile_for_url(f"https://{host}/2020/05/04/x"), TribunnewsProfile)
    assert get_profile("tribunnews").key == "tribunnews.com"


@pytest.mark.parametrize("url", [
    BMKG,
    PASAR,
    "https://www.tribunnews.com/regional/2020/05/04/banjir-bandang-terjang-dua-desa",
    "https://www.tribunnews.com/internasional/2026/07/24/rusia-menjebak-buruh-migran",
    "https://m.tribunnews.com/nasional/7512384/bmkg-prakirakan-hujan-lebat?page=2",
    "https://www.tribunnews.com/nasional/2016/11/04/aksi-damai-di-depan-istana/",
])
def test_article_urls_are_accepted(url: str) -> None:
    assert TribunnewsProfile().is_article_url(url)


@pytest.mark.parametrize("url", [
    "https://www.tribunnews.com/",
    "https://www.tribunnews.com/nasional",
    "https://www.tribunnews.com/index-news?date=2025-03-05&page=2",
    "https://www.tribunnews.com/tag/bmkg",
    "https://www.tribunnews.com/topic/cuaca-ekstrem",
    "https://www.tribunnews.com/penulis/rina-ayu-lestari",
    "https://www.tribunnews.com/video/2025/03/05/cuplikan-banjir",
    "https://video.tribunnews.com/view/7512384/cuplikan-banjir",
    "https://jateng.tribunnews.com/tag/semarang",
    "https://www.tribunnews.com/nasional/2025/03/05",
])
def test_non_articles_are_rejected(url: str) -> None:
    assert not TribunnewsProfile().is_article_url(url)


@pytest.mark.parametrize(("url", "section"), [
    (BMKG, "nasional"),
    (PASAR, "jateng"),
    ("https://m.tribunnews.com/regional/2020/05/04/banjir", "regional"),
    ("https://www.tribunnews.com/", None),
])
def test_section_is_the_rubric_or_the_regional_desk(url: str, section: str | None) -> None:
    assert TribunnewsProfile().section_from_url(url) == section


def test_discovery_starts_from_the_main_and_desk_sitemaps() -> None:
    sitemaps = TribunnewsProfile.sitemap_urls
    assert sitemaps[0] == "https://www.tribunnews.com/sitemap.xml"
    assert "https://jateng.tribunnews.com/sitemap.xml" in sitemaps
    assert all(site_for_host(urlsplit(u).hostname) == "tribunnews.com" for u in sitemaps)
    assert TribunnewsProfile.rss_urls == ()  # the feed's items all link to the front page


def test_section_news_sitemap_lists_articles_with_dates() -> None:
    kind, children = parse_sitemap((TREE / "www.tribunnews.com" / "sitemap.xml").read_bytes())
    assert kind == "index" and children[0].url == "https://www.tribunnews.com/nasional/sitemap-news.xml"
    kind, entries = parse_sitemap((TREE / "www.tribunnews.com" / "nasional" / "sitemap-news.xml").read_bytes())
    assert kind == "urlset"
    assert (entries[0].url, entries[0].published) == (BMKG, "2025-03-05T09:15:00+07:00")


def test_desk_sitemap_reaches_the_regional_article_and_skips_tags() -> None:
    _, children = parse_sitemap((TREE / "jateng.tribunnews.com" / "sitemap.xml").read_bytes())
    assert not any(listing_sitemap(c.url) for c in children)
    _, entries = parse_sitemap((TREE / "jateng.tribunnews.com" / "sitemap_web.xml").read_bytes())
    articles = [e.url for e in entries if TribunnewsProfile().is_article_url(e.url)]
    assert PASAR in articles
    assert "https://jateng.tribunnews.com/tag/semarang" not in articles


def test_daily_index_page_lists_the_day_and_not_the_topic_pills() -> None:
    profile = TribunnewsProfile()
    url = IndexTemplate(profile.index_urls[0], profile.index_page_size).url(1, date(2025, 3, 5))
    assert url == "https://www.tribunnews.com/index-news?date=2025-03-05&page=1"
    page = TREE / "www.tribunnews.com" / "index-news" / f"index__{query_suffix(urlsplit(url).query)}.html"
    listed = parse_index_page(page.read_bytes(), url, profile.is_article_url, profile.index_link_css)
    assert [e.url for e in listed] == [
        BMKG, "https://www.tribunnews.com/internasional/2025/03/05/korea-selatan-gelar-latihan-evakuasi-nasional",
    ]
    assert listed[0].title == "BMKG Prakirakan Hujan Lebat di Sebagian Jawa hingga Akhir Pekan"


def test_multi_page_articles_are_read_whole() -> None:
    profile = TribunnewsProfile()
    assert profile.single_page_query == {"page": "all"}
    assert profile.page_url(BMKG, 2) == BMKG + "?page=2"
    assert profile.canonical(BMKG + "?page=all") == BMKG


@pytest.mark.parametrize(("line", "expected"), [
    ("Rabu, 5 Maret 2025 09:15 WIB", "2025-03-05T09:15:00+07:00"),
    ("Senin, 4 Mei 2020 04:25 WIB", "2020-05-04T04:25:00+07:00"),
    ("Senin, 4 Mei 2020 04:25 WITA", "2020-05-04T04:25:00+08:00"),  # makassar.tribunnews.com
])
def test_printed_date_lines(line: str, expected: str) -> None:
    assert DateNormalizer().parse_printed(line, datetime(2026, 1, 1, tzinfo=UTC)).isoformat() == expected
