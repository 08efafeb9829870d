"""detik.com profile: hosts, article URLs across templates, channel names, the real per-day index page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_index_page
from newscrawler.crawl.mirror import relative_file
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.urls import canonical_url

TREE = Path(__file__).parent / "fixtures" / "sites" / "detik.com"
REAL_INDEX = TREE / "news.detik.com" / "indeks" / "1" / "index__date=10_04_2024.html"
GOLDEN_2024 = "https://news.detik.com/berita/d-7572566/diguyur-hujan-deras-longsor-pohon-tumbang-terjadi-di-sejumlah-titik-di-bogor"
GOLDEN_2020 = "https://news.detik.com/berita/d-4942157/pemkot-bogor-tutup-sementara-taman-kota-untuk-perawatan-rutin"
GOLDEN_JATIM = "https://www.detik.com/jatim/berita/d-7893012/ribuan-warga-padati-festival-rujak-uleg-di-kota-surabaya"

profile = get_profile("detik.com")


@pytest.mark.parametrize(
    "host", ["news.detik.com", "finance.detik.com", "sport.detik.com", "inet.detik.com", "www.detik.com", "detik.com"]
)
def test_every_channel_host_is_detik(host: str) -> None:
    assert site_for_host(host) == "detik.com"
    assert get_profile(host).key == "detik.com"


def test_alias_and_regional_urls_map_to_detik() -> None:
    assert get_profile("detik").key == "detik.com"
    regional = "https://www.detik.com/jatim/berita/d-7123456/banjir-rob-di-pesisir-surabaya"
    assert profile_for_url(regional).key == "detik.com"
    assert profile_for_url("https://www.detiknews.example/x").key != "detik.com"


@pytest.mark.parametrize(
    "url",
    [
        GOLDEN_2024,
        GOLDEN_2020,
        "https://finance.detik.com/berita-ekonomi-bisnis/d-5065025/bkpm-minta-tambahan-anggaran",
        "https://finance.detik.com/berita-ekonomi-bisnis/5064934/ada-42-juta-pns-di-ri",  # 2020 form without "d-"
        "https://news.detik.com/read/2014/01/02/101010/2451234/10/banjir-jakarta-meluas",  # before ~2017
        "https://www.detik.com/jatim/berita/d-7123456/banjir-rob-di-pesisir-surabaya",  # regional desk
        "https://www.detik.com/edu/detikpedia/d-7001234/mengenal-gerhana-bulan",
        "https://health.detik.com/berita-detikhealth/d-8651891/pakai-dua-masker",
        "https://news.detik.com/foto-news/d-7571834/kontras-beri-catatan-kritis",
    ],
)
def test_article_urls_of_every_template_are_accepted(url: str) -> None:
    assert profile.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.detik.com/",
        "https://news.detik.com/berita",
        "https://news.detik.com/indeks",
        "https://news.detik.com/indeks/2?date=10/04/2024",
        "https://www.detik.com/tag/hujan-deras/",
        "https://www.detik.com/terpopuler",
        "https://20.detik.com/detikupdate/20241004-241004100/video-pd-tak-masalah-jika-pdip-masuk-kabinet",
        "https://news.detik.com/detiktv/d-7570001/video-banjir-di-bogor",
        "https://www.detik.com/search/searchall?query=banjir",
        "https://www.detiknews.com.example/berita/d-7572566/x",
    ],
)
def test_listings_tags_and_video_pages_are_rejected(url: str) -> None:
    assert not profile.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        (GOLDEN_2024, "news"),
        ("https://finance.detik.com/berita-ekonomi-bisnis/d-5065025/x", "finance"),
        ("https://www.detik.com/jatim/berita/d-7123456/x", "jatim"),
        ("https://news.detik.com/read/2014/01/02/101010/2451234/10/x", "news"),
    ],
)
def test_section_is_the_channel(url: str, section: str) -> None:
    assert profile.section_from_url(url) == section


def test_real_index_page_lists_text_articles_only() -> None:
    listed = parse_index_page(REAL_INDEX.read_bytes(), "https://news.detik.com/indeks/1?date=10/04/2024",
                              profile.is_article_url, profile.index_link_css)
    urls = [entry.url for entry in listed]
    # 20 items on the page; the 20detik video items are not articles.
    assert len(urls) == 16
    assert not any("20.detik.com" in url for url in urls)
    assert urls[:2] == [
        "https://news.detik.com/berita/d-7572645/siswa-berkebutuhan-khusus-diduga-dibully-pihak-sekolah-minta-maaf",
        "https://news.detik.com/berita/d-7572635/jadi-ketua-dprd-dki-khoirudin-mau-fokus-ke-banjir-macet-pengangguran",
    ]
    assert GOLDEN_2024 in urls
    pilkada = "https://news.detik.com/pilkada/d-7572535/"
    assert pilkada + "pemilih-lebih-banyak-dari-kalangan-menengah-atas-rk-akan-perbanyak-blusukan" in urls
    by_url = {entry.url: entry.title for entry in listed}
    assert by_url[GOLDEN_2024] == "Diguyur Hujan Deras, Longsor-Pohon Tumbang Terjadi di Sejumlah Titik di Bogor"


@pytest.mark.parametrize(("day", "golden"), [(date(2024, 10, 4), GOLDEN_2024), (date(2020, 3, 17), GOLDEN_2020)])
def test_per_day_index_url_is_the_fixture_that_lists_the_golden(day: date, golden: str) -> None:
    url = IndexTemplate(profile.index_urls[0], profile.index_page_size).url(1, day)
    assert url == f"https://news.detik.com/indeks/1?date={day:%m/%d/%Y}"
    path, _, query = url.partition("?")
    page = TREE / "news.detik.com" / relative_file(path.split("news.detik.com", 1)[1], query)
    listed = parse_index_page(page.read_bytes(), url, profile.is_article_url, profile.index_link_css)
    assert golden in [entry.url for entry in listed]


def test_single_page_query_never_reaches_the_canonical_url() -> None:
    assert profile.single_page_query == {"single": "1"}
    assert profile.canonical(GOLDEN_2024 + "?single=1") == GOLDEN_2024
    assert canonical_url(GOLDEN_2024 + "?page=2&utm_source=x") == GOLDEN_2024
    # Page 2 of a long article and the AMP copy are the same article, not new ones.
    assert profile.is_article_url(GOLDEN_2024 + "?single=1")
    assert not profile.is_article_url(GOLDEN_2024 + "/2")
    assert not profile.is_article_url(GOLDEN_2024 + "/amp")


def test_front_page_lists_the_regional_golden_and_its_popular_list() -> None:
    home = TREE / "www.detik.com" / "index.html"
    listed = parse_index_page(home.read_bytes(), "https://www.detik.com/", profile.is_article_url)
    urls = [entry.url for entry in listed]
    assert urls[0] == GOLDEN_JATIM
    assert not any("20.detik.com" in url for url in urls)
    assert profile.home_url == "https://www.detik.com/"
