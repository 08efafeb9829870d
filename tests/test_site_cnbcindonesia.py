"""cnbcindonesia.com profile: hosts, article URLs, the news kanal's per-day index, English-month date lines."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_index_page
from newscrawler.crawl.mirror import relative_file
from newscrawler.extract.dates import WIB, DateNormalizer, date_from_url
from newscrawler.extract.processing import text_normalizer
from newscrawler.sites import get_profile, site_for_host

HOST = Path(__file__).parent / "fixtures" / "sites" / "cnbcindonesia.com" / "www.cnbcindonesia.com"
GOLDEN_2024 = "https://www.cnbcindonesia.com/news/20240603141522-4-543210/pelindo-tambah-dua-crane-di-pelabuhan-tanjung-emas-semarang"
GOLDEN_2020 = "https://www.cnbcindonesia.com/news/20200625102011-4-167890/rupiah-menguat-tipis-jelang-rilis-data-neraca-dagang"

profile = get_profile("cnbcindonesia.com")


@pytest.mark.parametrize("host", ["www.cnbcindonesia.com", "cnbcindonesia.com", "m.cnbcindonesia.com"])
def test_hosts_map_to_cnbc(host: str) -> None:
    assert site_for_host(host) == "cnbcindonesia.com"
    assert get_profile(host).key == "cnbcindonesia.com"
    assert get_profile("cnbcindonesia").key == "cnbcindonesia.com"


@pytest.mark.parametrize(
    "url",
    [
        GOLDEN_2024,
        GOLDEN_2020,
        "https://www.cnbcindonesia.com/market/20200625102011-17-167890/rupiah-menguat-tipis",
        "https://www.cnbcindonesia.com/tech/20180912143015-37-32890/aplikasi-baru-diluncurkan",
        "https://www.cnbcindonesia.com/lifestyle/20250102080000-33-600001/tren-liburan-awal-tahun",
    ],
)
def test_article_urls_are_accepted(url: str) -> None:
    assert profile.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.cnbcindonesia.com/",
        "https://www.cnbcindonesia.com/news",
        "https://www.cnbcindonesia.com/news/indeks/3/1?date=2024/06/03",
        "https://www.cnbcindonesia.com/tag/pelindo",
        "https://www.cnbcindonesia.com/video/20240603120000-8-543100/video-bongkar-muat-pelabuhan",
        "https://www.cnbcindonesia.com/tv/20240603120000-8-543100/x",
        "https://www.cnnindonesia.com/ekonomi/20240514103012-92-1097712/x",
    ],
)
def test_sections_tags_and_video_are_rejected(url: str) -> None:
    assert not profile.is_article_url(url)


def test_section_and_url_time() -> None:
    assert profile.section_from_url(GOLDEN_2024) == "news"
    assert profile.section_from_url("https://www.cnbcindonesia.com/market/20200625102011-17-167890/x") == "market"
    assert date_from_url(GOLDEN_2024) == datetime(2024, 6, 3, 14, 15, 22, tzinfo=WIB)


@pytest.mark.parametrize(("day", "golden"), [(date(2024, 6, 3), GOLDEN_2024), (date(2020, 6, 25), GOLDEN_2020)])
def test_per_day_index_lists_the_golden(day: date, golden: str) -> None:
    url = IndexTemplate(profile.index_urls[0], profile.index_page_size).url(1, day)
    assert url == f"https://www.cnbcindonesia.com/news/indeks/3/1?date={day:%Y/%m/%d}"
    path, _, query = url.removeprefix("https://www.cnbcindonesia.com").partition("?")
    listed = parse_index_page((HOST / relative_file(path, query)).read_bytes(), url, profile.is_article_url,
                              profile.index_link_css)
    assert golden in [e.url for e in listed]
    assert {date_from_url(e.url).date() for e in listed} == {day}
    assert all(e.title and not e.title[0].isdigit() for e in listed)


def test_printed_date_has_english_month_and_no_zone_which_is_wib() -> None:
    assert DateNormalizer().parse_printed("25 June 2020 10:20", datetime.now(UTC)) == datetime(
        2020, 6, 25, 10, 20, tzinfo=WIB
    )


def test_credit_and_sign_offs() -> None:
    norm = text_normalizer(profile)
    assert norm.split_dateline("Jakarta, CNBC Indonesia - Harga emas naik.") == ("Jakarta, CNBC Indonesia",
                                                                                 "Harga emas naik.")
    assert norm.is_boilerplate("TIM RISET CNBC INDONESIA")
    assert norm.is_boilerplate("Artikel Selanjutnya Pelindo Siapkan Digitalisasi Layanan Kapal")
    assert not norm.is_boilerplate("Tim riset mencatat harga emas naik 2%.")
