"""merdeka.com profile: hosts, both URL forms (KLY /read/{id}/ and the older .html), the sitemap tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawler.crawl.discovery import parse_sitemap
from newscrawler.crawl.mirror import resolve
from newscrawler.extract.processing import text_normalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host

HOST = Path(__file__).parent / "fixtures" / "sites" / "merdeka.com" / "www.merdeka.com"
GOLDEN_2024 = "https://www.merdeka.com/peristiwa/read/8012345/jembatan-gantung-penghubung-dua-desa-di-lebak-rampung-diperbaiki"
GOLDEN_2020 = "https://www.merdeka.com/uang/harga-bawang-merah-di-pasar-kramat-jati-naik-rp5000-per-kg.html"

profile = get_profile("merdeka.com")


@pytest.mark.parametrize("host", ["www.merdeka.com", "merdeka.com", "m.merdeka.com", "jateng.merdeka.com"])
def test_hosts_map_to_merdeka(host: str) -> None:
    assert site_for_host(host) == "merdeka.com"
    assert get_profile(host).key == "merdeka.com"


def test_alias_and_urls() -> None:
    assert get_profile("merdeka").key == "merdeka.com"
    assert profile_for_url("https://jatim.merdeka.com/peristiwa/read/8000001/x").key == "merdeka.com"


@pytest.mark.parametrize(
    "url",
    [
        GOLDEN_2024,
        GOLDEN_2020,
        "https://www.merdeka.com/politik/read/8253998/dpr-bahas-revisi",
        "https://m.merdeka.com/peristiwa/banjir-rendam-ratusan-rumah-di-bekasi.html",
        "https://www.merdeka.com/sehat/cara-menjaga-daya-tahan-tubuh.html",
        "https://jateng.merdeka.com/peristiwa/read/8000001/jembatan-baru-di-semarang",
    ],
)
def test_article_urls_of_both_platforms_are_accepted(url: str) -> None:
    assert profile.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.merdeka.com/",
        "https://www.merdeka.com/peristiwa",
        "https://www.merdeka.com/peristiwa/",
        "https://www.merdeka.com/peristiwa?page=2",
        "https://www.merdeka.com/tag/lebak",
        "https://www.merdeka.com/tag/b/bawang-merah/",
        "https://www.merdeka.com/foto/read/8253682/foto-jembatan-baru-lebak",
        "https://www.merdeka.com/video/read/8253682/x",
        "https://www.merdeka.com/redaksi.html",
        "https://www.merdeka.com/peristiwa/sitemap.xml",
    ],
)
def test_listings_tags_galleries_and_site_pages_are_rejected(url: str) -> None:
    assert not profile.is_article_url(url)


def test_section_is_the_first_path_segment() -> None:
    assert profile.section_from_url(GOLDEN_2024) == "peristiwa"
    assert profile.section_from_url(GOLDEN_2020) == "uang"


def test_discovery_is_the_sitemap_because_robots_bans_queries() -> None:
    assert profile.index_urls == ()
    assert profile.single_page_query == {}
    assert "Disallow: /*?" in (HOST / "robots.txt").read_text()
    kind, children = parse_sitemap((HOST / "sitemap.xml").read_bytes())
    assert kind == "index"
    assert [c.url for c in children][:2] == ["https://www.merdeka.com/peristiwa/sitemap.xml",
                                             "https://www.merdeka.com/uang/sitemap.xml"]


def test_section_news_sitemap_gives_publication_dates_and_skips_galleries() -> None:
    kind, entries = parse_sitemap((HOST / "peristiwa" / "sitemap.xml").read_bytes())
    assert kind == "urlset"
    articles = [e for e in entries if profile.is_article_url(e.url)]
    assert [e.url for e in articles] == [
        GOLDEN_2024, "https://www.merdeka.com/peristiwa/read/8003377/banjir-surut-warga-lebak-mulai-bersihkan-rumah",
    ]
    assert articles[0].published == "2024-11-12T09:15:00+07:00"
    assert articles[0].title == "Jembatan Gantung Penghubung Dua Desa di Lebak Rampung Diperbaiki"


def test_archive_sitemap_lists_the_older_html_urls() -> None:
    kind, entries = parse_sitemap((HOST / "sitemap" / "2020" / "06.xml").read_bytes())
    assert kind == "urlset"
    assert entries[0].url == GOLDEN_2020
    assert all(profile.is_article_url(e.url) for e in entries)


def test_credit_and_desk_code() -> None:
    norm = text_normalizer(profile)
    assert norm.split_dateline("Merdeka.com - Harga bawang naik.") == ("Merdeka.com", "Harga bawang naik.")
    assert norm.clean_paragraphs(["Harga naik.", "[idr]"]) == ["Harga naik."]
    assert norm.clean_paragraphs(["Harga naik.", "[ded/noe]"]) == ["Harga naik."]
    assert norm.clean_paragraphs(["Harga naik [5%]."]) == ["Harga naik [5%]."]


def test_mirror_serves_an_html_article_url_saved_as_a_folder(tmp_path: Path) -> None:
    """Old merdeka URLs end in .html; a saved site keeps each page in its URL's folder like any other."""
    page = tmp_path / "www.merdeka.com" / "uang" / "harga-naik.html"
    page.mkdir(parents=True)
    (page / "index.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "www.merdeka.com" / "sitemap.xml").write_text("<urlset/>")
    assert resolve(tmp_path, "www.merdeka.com", "/uang/harga-naik.html") == (page / "index.html").resolve()
    assert resolve(tmp_path, "www.merdeka.com", "/sitemap.xml").name == "sitemap.xml"
    assert resolve(tmp_path, "www.merdeka.com", "/uang/lain.html") is None
