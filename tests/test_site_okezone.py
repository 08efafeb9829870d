"""okezone.com profile: channel hosts, article URLs, channels, the per-day index and feed fixtures, page=all."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_feed, parse_index_page
from newscrawler.extract.processing import text_normalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.okezone import OkezoneProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "okezone.com"
PROFILE = OkezoneProfile()
GOLDEN_2025 = (
    "https://news.okezone.com/read/2025/06/12/338/3146512/pemprov-dki-uji-coba-jalur-sepeda-lipat-di-kawasan-kota-tua"
)
GOLDEN_2019 = (
    "https://economy.okezone.com/read/2019/05/03/320/2050731/"
    "harga-cabai-rawit-di-pasar-induk-kramat-jati-naik-dua-kali-lipat"
)


@pytest.mark.parametrize(
    "host", ["okezone.com", "www.okezone.com", "news.okezone.com", "economy.okezone.com", "bola.okezone.com",
             "celebrity.okezone.com", "index.okezone.com", "sindikasi.okezone.com"],
)
def test_every_host_maps_to_okezone(host: str) -> None:
    assert site_for_host(host) == "okezone.com"
    assert get_profile(host).key == "okezone.com"
    assert profile_for_url(f"https://{host}/read/2025/06/12/338/3146512/judul").key == "okezone.com"


def test_alias() -> None:
    assert get_profile("okezone").key == "okezone.com"


@pytest.mark.parametrize(
    "url",
    [
        GOLDEN_2025,
        GOLDEN_2019,
        "https://bola.okezone.com/read/2026/07/24/51/3232091/tiga-negara-dengan-gelar-juara-terbanyak",
        "http://news.okezone.com/read/2015/02/11/337/1104512/banjir-rendam-kampung-pulo",
        "https://techno.okezone.com/read/2017/09/01/207/1767050/ponsel-lipat-baru-dirilis",
        "https://www.okezone.com/read/2021/03/04/18/2373108/judul-berita?page=2",
    ],
)
def test_article_urls_accepted(url: str) -> None:
    assert PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.okezone.com/",
        "https://news.okezone.com/",
        "https://news.okezone.com/megapolitan",
        "https://news.okezone.com/indeks/2025/06/12/10",
        "https://index.okezone.com/bydate/index/2025/06/12/15/",
        "https://www.okezone.com/tag/jalur-sepeda",
        "https://bola.okezone.com/more/live-score",
        "https://mpi.okezone.com/article/sindonews/1512345",
        "https://news.okezone.com/foto/2025/06/12/338/3146000/galeri-kota-tua",
        "https://video.okezone.com/play/2025/06/12/338/3146001/video-jalur-sepeda",
        "https://news.okezone.com/read/2025/06/12/338/judul-tanpa-id",
        "https://www.okezone.co.id/read/2025/06/12/338/3146512/tiruan",
    ],
)
def test_non_article_urls_rejected(url: str) -> None:
    assert not PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        (GOLDEN_2025, "news"),
        (GOLDEN_2019, "economy"),
        ("https://bola.okezone.com/read/2026/07/24/51/3232091/judul", "bola"),
        ("https://www.okezone.com/read/2021/03/04/18/2373108/judul", None),
        ("https://index.okezone.com/bydate/index/2025/06/12/0/", None),
    ],
)
def test_section_is_the_channel_subdomain(url: str, section: str | None) -> None:
    assert PROFILE.section_from_url(url) == section


def test_the_index_is_per_day_and_paged_by_fifteen() -> None:
    (template,) = PROFILE.index_urls
    index = IndexTemplate(template, PROFILE.index_page_size)
    assert index.dated and index.paged
    assert index.url(1, date(2025, 6, 12)) == "https://index.okezone.com/bydate/index/2025/06/12/0/"
    assert index.url(3, date(2019, 5, 3)) == "https://index.okezone.com/bydate/index/2019/05/03/30/"


def _index(day: date) -> list:
    url = f"https://index.okezone.com/bydate/index/{day:%Y/%m/%d}/0/"
    html = (TREE / "index.okezone.com" / url.split("okezone.com/", 1)[1] / "index.html").read_bytes()
    return parse_index_page(html, url, PROFILE.is_article_url, PROFILE.index_link_css)


def test_current_index_page_lists_articles_only() -> None:
    listed = _index(date(2025, 6, 12))
    assert [e.url for e in listed] == [
        "https://news.okezone.com/read/2025/06/12/340/3146540/gempa-magnitudo-4-2-guncang-kabupaten-sukabumi",
        "https://news.okezone.com/read/2025/06/12/337/3146533/dpr-minta-pemerintah-percepat-penyaluran-pupuk-bersubsidi",
        "https://economy.okezone.com/read/2025/06/12/320/3146525/rupiah-dibuka-menguat-tipis-di-level-16-280",
        GOLDEN_2025,
        "https://celebrity.okezone.com/read/2025/06/12/33/3146498/aktor-senior-gelar-pameran-lukisan-di-bandung",
    ]
    # The category link before each headline shares its URL; the headline gives the title. The sidebar's
    # Terpopuler entry is outside the index list.
    assert listed[3].title == "Pemprov DKI Uji Coba Jalur Sepeda Lipat di Kawasan Kota Tua"
    assert all("3146430" not in e.url for e in listed)


def test_older_index_page_markup() -> None:
    listed = _index(date(2019, 5, 3))
    assert [e.url for e in listed][1] == GOLDEN_2019
    assert len(listed) == 3


def test_feed_lists_articles_with_times() -> None:
    body = (TREE / "sindikasi.okezone.com" / "index.php" / "rss" / "0" / "RSS2.0").read_bytes()
    entries = parse_feed(body)
    assert PROFILE.rss_urls == ("https://sindikasi.okezone.com/index.php/rss/0/RSS2.0",)
    assert [e.url for e in entries][1] == GOLDEN_2025
    assert all(PROFILE.is_article_url(e.url) for e in entries)
    published = datetime.strptime(entries[1].published, "%a, %d %b %Y %H:%M:%S %z")
    assert published.isoformat() == "2025-06-12T09:41:27+07:00"


def test_multi_page_articles_are_fetched_whole() -> None:
    assert PROFILE.single_page_query == {"page": "all"}
    assert PROFILE.canonical(GOLDEN_2025 + "?page=all") == GOLDEN_2025
    assert PROFILE.page_url(GOLDEN_2025, 2) == GOLDEN_2025 + "?page=2"


def test_editor_and_desk_lines_are_not_body() -> None:
    normalizer = text_normalizer(PROFILE)
    assert normalizer.is_boilerplate("(Khafid Mardiyansyah)")
    assert normalizer.is_boilerplate("(kmj)")
    assert normalizer.is_boilerplate("Follow Berita Okezone di Google News")
    assert not normalizer.is_boilerplate("(Baca selengkapnya di halaman berikut)")
    assert not normalizer.is_boilerplate("Pemprov DKI (Jakarta) menargetkan 300 kilometer jalur sepeda.")
    assert normalizer.split_dateline("JAKARTA - Pemerintah mulai menguji coba jalur sepeda.") == (
        "JAKARTA", "Pemerintah mulai menguji coba jalur sepeda.",
    )
