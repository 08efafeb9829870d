"""cnnindonesia.com profile: hosts, article URLs (publish time in the URL), the per-day index and RSS."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_feed, parse_index_page
from newscrawler.crawl.mirror import relative_file
from newscrawler.extract.dates import WIB, date_from_url
from newscrawler.sites import get_profile, profile_for_url, site_for_host

HOST = Path(__file__).parent / "fixtures" / "sites" / "cnnindonesia.com" / "www.cnnindonesia.com"
GOLDEN_2024 = "https://www.cnnindonesia.com/ekonomi/20240514103012-92-1097712/harga-beras-medium-di-pasar-induk-cipinang-mulai-turun"
GOLDEN_2019 = "https://www.cnnindonesia.com/nasional/20191014143208-20-439512/dishub-dki-uji-coba-rute-baru-bus-sekolah-di-jakarta-barat"

profile = get_profile("cnnindonesia.com")


@pytest.mark.parametrize("host", ["www.cnnindonesia.com", "cnnindonesia.com", "m.cnnindonesia.com"])
def test_hosts_map_to_cnn(host: str) -> None:
    assert site_for_host(host) == "cnnindonesia.com"
    assert get_profile(host).key == "cnnindonesia.com"


def test_alias_and_profile_for_url() -> None:
    assert get_profile("cnnindonesia").key == "cnnindonesia.com"
    assert profile_for_url(GOLDEN_2019).key == "cnnindonesia.com"
    # Same CMS family, different site.
    assert profile_for_url("https://www.cnbcindonesia.com/news/20240603141522-4-543210/x").key == "cnbcindonesia.com"


@pytest.mark.parametrize(
    "url",
    [
        GOLDEN_2024,
        GOLDEN_2019,
        "https://www.cnnindonesia.com/gaya-hidup/20250131130848-284-1193114/jangan-ditanam-5-tanaman-ini",
        "https://www.cnnindonesia.com/olahraga/20151104090512-142-89321/timnas-u-19-menang-tipis",
        "https://m.cnnindonesia.com/teknologi/20200624185815-199-517083/satelit-baru-diluncurkan",
    ],
)
def test_article_urls_are_accepted(url: str) -> None:
    assert profile.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.cnnindonesia.com/",
        "https://www.cnnindonesia.com/ekonomi",
        "https://www.cnnindonesia.com/indeks?date=2024/05/14&page=1",
        "https://www.cnnindonesia.com/tag/harga-beras",
        "https://www.cnnindonesia.com/ekonomi/rss",
        "https://www.cnnindonesia.com/tv/20240514100011-407-1097700/video-suasana-arus-balik-di-pelabuhan-merak",
        "https://www.cnnindonesia.com/video/20240514100011-407-1097700/x",
        "https://www.cnbcindonesia.com/news/20240603141522-4-543210/x",
    ],
)
def test_sections_tags_and_video_are_rejected(url: str) -> None:
    assert not profile.is_article_url(url)


def test_section_is_the_kanal_and_the_url_carries_the_publish_time() -> None:
    assert profile.section_from_url(GOLDEN_2024) == "ekonomi"
    assert profile.section_from_url(GOLDEN_2019) == "nasional"
    assert date_from_url(GOLDEN_2019) == datetime(2019, 10, 14, 14, 32, 8, tzinfo=WIB)


@pytest.mark.parametrize(("day", "golden"), [(date(2024, 5, 14), GOLDEN_2024), (date(2019, 10, 14), GOLDEN_2019)])
def test_per_day_index_lists_the_golden_without_video(day: date, golden: str) -> None:
    url = IndexTemplate(profile.index_urls[0], profile.index_page_size).url(1, day)
    assert url == f"https://www.cnnindonesia.com/indeks?date={day:%Y/%m/%d}&page=1"
    path, _, query = url.removeprefix("https://www.cnnindonesia.com").partition("?")
    listed = parse_index_page((HOST / relative_file(path, query)).read_bytes(), url, profile.is_article_url,
                              profile.index_link_css)
    urls = [entry.url for entry in listed]
    assert golden in urls
    assert not any("/tv/" in u for u in urls)
    # Every listed article was published on the listed day (the URL's stamp says so).
    assert {date_from_url(u).date() for u in urls} == {day}


def test_index_titles_are_the_headlines() -> None:
    page = HOST / "indeks" / "index__date=2024_05_14_page=1.html"
    listed = parse_index_page(page.read_bytes(), "https://www.cnnindonesia.com/indeks", profile.is_article_url,
                              profile.index_link_css)
    assert [e.url for e in listed][:2] == [
        "https://www.cnnindonesia.com/olahraga/20240514111502-142-1097740/timnas-u-23-tiba-di-tanah-air",
        GOLDEN_2024,
    ]
    assert len(listed) == 3


def test_kanal_rss_announces_the_golden_with_its_time() -> None:
    entries = parse_feed((HOST / "ekonomi" / "rss" / "index.html").read_bytes())
    assert entries[0].url == GOLDEN_2024
    assert entries[0].published == "Tue, 14 May 2024 10:30:12 +0700"
    assert "https://www.cnnindonesia.com/ekonomi/rss" in profile.rss_urls


def test_paged_articles_follow_page_param() -> None:
    assert profile.single_page_query == {}
    assert profile.page_url(GOLDEN_2024, 2) == GOLDEN_2024 + "?page=2"
    assert profile.canonical(GOLDEN_2024 + "?page=2") == GOLDEN_2024
