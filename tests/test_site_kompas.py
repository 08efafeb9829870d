"""kompas.com profile: hosts, article URLs across channels and years, sections, discovery fixtures, paging."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_index_page, parse_sitemap
from newscrawler.crawl.mirror import query_suffix
from newscrawler.extract.dates import DateNormalizer, date_from_url
from newscrawler.extract.processing import normalize_dates
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.kompas import KompasProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "kompas.com"
IRIGASI = ("https://nasional.kompas.com/read/2025/03/05/11320071/"
           "pemerintah-perbaiki-irigasi-di-12-provinsi-jelang-musim-tanam-kedua")
RUMPON = "https://regional.kompas.com/read/2018/08/14/10331221/nelayan-makassar-uji-coba-rumpon-ramah-lingkungan"


@pytest.mark.parametrize("host", ["kompas.com", "www.kompas.com", "nasional.kompas.com", "money.kompas.com",
                                  "megapolitan.kompas.com", "indeks.kompas.com"])
def test_every_kompas_host_is_the_site(host: str) -> None:
    assert site_for_host(host) == "kompas.com"
    assert get_profile(host).key == "kompas.com"
    assert isinstance(profile_for_url(f"https://{host}/read/2025/03/05/11320071/x"), KompasProfile)


def test_aliases_and_lookalikes() -> None:
    assert get_profile("kompas").key == "kompas.com"
    assert site_for_host("kompas.tv") is None  # another company
    assert site_for_host("kompas.id") is None
    assert site_for_host("notkompas.com") is None


@pytest.mark.parametrize("url", [
    IRIGASI,
    RUMPON,
    "https://www.kompas.com/tren/read/2025/03/04/20150065/jadwal-imsak-dan-buka-puasa-hari-ini",
    "https://www.kompas.com/global/read/2024/11/02/130200770/pemilu-as",
    "https://money.kompas.com/read/2020/06/29/142550626/tergerus-ponsel?page=all",
    "http://nasional.kompas.com/read/2015/08/14/10332221/presiden-sampaikan-pidato",
])
def test_article_urls_are_accepted(url: str) -> None:
    assert KompasProfile().is_article_url(url)


@pytest.mark.parametrize("url", [
    "https://www.kompas.com/",
    "https://nasional.kompas.com/",
    "https://indeks.kompas.com/?site=all&date=2025-03-05&page=1",
    "https://www.kompas.com/tag/irigasi",
    "https://nasional.kompas.com/read/2025/03/05/11320071",  # no slug
    "https://video.kompas.com/watch/2025/03/05/11320071/banjir",
    "https://vik.kompas.com/read/2025/03/05/11320071/longform",
    "https://www.kompas.tv/read/2025/03/05/11320071/other-site",
    "https://nasional.kompas.com/read/2025/03/05/1132/short-id",
])
def test_non_articles_are_rejected(url: str) -> None:
    assert not KompasProfile().is_article_url(url)


@pytest.mark.parametrize(("url", "section"), [
    (IRIGASI, "nasional"),
    (RUMPON, "regional"),
    ("https://www.kompas.com/tren/read/2025/03/04/20150065/jadwal-imsak", "tren"),
    ("https://www.kompas.com/read/2025/03/04/20150065/jadwal-imsak", None),
    ("https://kompas.com/global/read/2024/11/02/130200770/pemilu-as", "global"),
])
def test_section_is_the_channel(url: str, section: str | None) -> None:
    assert KompasProfile().section_from_url(url) == section


def test_url_carries_the_publish_time() -> None:
    assert date_from_url(IRIGASI).isoformat() == "2025-03-05T11:32:00+07:00"
    assert date_from_url(RUMPON).isoformat() == "2018-08-14T10:33:12+07:00"


def test_sitemap_index_leads_to_the_channel_news_sitemaps() -> None:
    kind, children = parse_sitemap((TREE / "www.kompas.com" / "sitemap.xml").read_bytes())
    assert kind == "index"
    assert [c.url for c in children][:2] == [
        "https://nasional.kompas.com/sitemap-news.xml", "https://regional.kompas.com/sitemap-news.xml",
    ]
    assert "Sitemap: https://www.kompas.com/sitemap.xml" in (TREE / "www.kompas.com" / "robots.txt").read_text()
    assert KompasProfile.sitemap_urls == ("https://www.kompas.com/sitemap.xml",)


def test_news_sitemaps_list_the_articles_with_their_dates() -> None:
    kind, entries = parse_sitemap((TREE / "nasional.kompas.com" / "sitemap-news.xml").read_bytes())
    assert kind == "urlset"
    listed = {e.url: e for e in entries}
    assert listed[IRIGASI].published == "2025-03-05T11:32:00+07:00"
    assert listed[IRIGASI].title == "Pemerintah Perbaiki Irigasi di 12 Provinsi Jelang Musim Tanam Kedua"
    _, regional = parse_sitemap((TREE / "regional.kompas.com" / "sitemap-news.xml").read_bytes())
    assert RUMPON in [e.url for e in regional]
    assert all(KompasProfile().is_article_url(e.url) for e in entries + regional)


def test_daily_index_page_is_where_the_template_points() -> None:
    profile = KompasProfile()
    url = IndexTemplate(profile.index_urls[0], profile.index_page_size).url(1, date(2025, 3, 5))
    assert url == "https://indeks.kompas.com/?site=all&date=2025-03-05&page=1"
    page = TREE / "indeks.kompas.com" / f"index__{query_suffix(urlsplit(url).query)}.html"
    listed = parse_index_page(page.read_bytes(), url, profile.is_article_url, profile.index_link_css)
    assert [e.url for e in listed] == [
        "https://nasional.kompas.com/read/2025/03/05/13552241/kpk-periksa-dua-saksi-kasus-pengadaan-alat-tani",
        "https://regional.kompas.com/read/2025/03/05/13401181/gelombang-tinggi-nelayan-di-pesisir-selatan-libur-melaut",
        IRIGASI,
        "https://www.kompas.com/tren/read/2025/03/05/09300065/5-fakta-gerhana-bulan-total-pekan-depan",
    ]
    assert listed[2].title.startswith("Pemerintah Perbaiki Irigasi")


def test_multi_page_articles_are_read_whole() -> None:
    profile = KompasProfile()
    assert profile.single_page_query == {"page": "all"}
    assert profile.page_url(IRIGASI + "?page=all", 2) == IRIGASI + "?page=2"
    assert profile.canonical(IRIGASI + "?page=all") == IRIGASI


def test_utc_label_on_wib_wall_clock_is_corrected_for_both_dates() -> None:
    """kompas JSON-LD writes WIB wall-clock times with "+00:00": the printed line exposes it, and dateModified
    from the same CMS carries the same wrong label."""
    fields = {
        "date_candidates": [("jsonld", "2025-03-05T11:32:00+00:00"), ("printed", "Kompas.com - 05/03/2025, 11:32 WIB")],
        "modified_candidates": [("jsonld", "2025-03-05T14:10:27+00:00")],
    }
    normalize_dates(fields, datetime(2026, 1, 1, tzinfo=UTC))
    assert fields["published_at"] == "2025-03-05T11:32:00+07:00"
    assert fields["modified_at"] == "2025-03-05T14:10:27+07:00"
    honest = {
        "date_candidates": [("jsonld", "2025-03-05T04:32:00+00:00"), ("printed", "05/03/2025, 11:32 WIB")],
        "modified_candidates": [("jsonld", "2025-03-05T07:10:27+00:00")],
    }
    normalize_dates(honest, datetime(2026, 1, 1, tzinfo=UTC))
    assert honest["published_at"] == "2025-03-05T11:32:00+07:00"
    assert honest["modified_at"] == "2025-03-05T14:10:27+07:00"  # a true UTC instant is left alone


@pytest.mark.parametrize(("line", "expected"), [
    ("Kompas.com - 05/03/2025, 11:32 WIB", "2025-03-05T11:32:00+07:00"),
    ("Kompas.com, 5 Maret 2025, 11:32 WIB", "2025-03-05T11:32:00+07:00"),
    ("Kompas.com - 14/08/2018, 10:33 WIB", "2018-08-14T10:33:00+07:00"),
])
def test_printed_date_lines(line: str, expected: str) -> None:
    assert DateNormalizer().parse_printed(line, datetime(2026, 1, 1, tzinfo=UTC)).isoformat() == expected
