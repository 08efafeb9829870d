"""antaranews.com profile: hosts, article URLs, channels, discovery fixtures, datelines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_feed, parse_index_page
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.linklists import LinkListFinder
from newscrawler.extract.processing import build_article, text_normalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.antaranews import AntaranewsProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "antaranews.com"
PROFILE = AntaranewsProfile()


@pytest.mark.parametrize(
    "host", ["www.antaranews.com", "antaranews.com", "en.antaranews.com", "makassar.antaranews.com",
             "jatim.antaranews.com", "www.antarasumbar.com", "antarabali.com"],
)
def test_every_host_maps_to_antaranews(host: str) -> None:
    assert site_for_host(host) == "antaranews.com"
    assert get_profile(host).key == "antaranews.com"
    assert profile_for_url(f"https://{host}/berita/123456/judul").key == "antaranews.com"


def test_alias() -> None:
    assert get_profile("antaranews").key == "antaranews.com"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.antaranews.com/berita/4871329/menkeu-sebut-penerimaan-pajak-april-tumbuh-62-persen",
        "http://www.antaranews.com/berita/438551/kementan-gagalkan-dua-penyelundupan-satwa-dilindungi",
        "https://www.antaranews.com/berita/1826992/dlh-dki-targetkan-550-tempat-uji-emisi-hingga-akhir-2020",
        "https://makassar.antaranews.com/berita/612874/pemkot-makassar-perluas-jaringan-air-bersih",
        "https://jogja.antaranews.com/berita/495682/dalang-ki-manteb-soedarsono-meninggal-dunia",
        "https://en.antaranews.com/news/312345/indonesia-to-build-desalination-plants-on-small-islands",
        "https://www.antaranews.com/amp/berita/4871329/menkeu-sebut-penerimaan-pajak",
        "https://www.antarasumbar.com/berita/228811/bawaslu-pariaman-maksimalkan-peran-pemuda",
    ],
)
def test_article_urls_accepted(url: str) -> None:
    assert PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.antaranews.com/",
        "https://www.antaranews.com/terkini",
        "https://www.antaranews.com/terkini/2",
        "https://www.antaranews.com/politik",
        "https://www.antaranews.com/tag/air-bersih",
        "https://www.antaranews.com/video/4871305/rekaman-banjir-rob-di-pesisir-semarang",
        "https://www.antaranews.com/foto/4871200/panen-garam-di-madura",
        "https://www.antaranews.com/infografik/4870001/jadwal-libur-panjang",
        "https://www.antaranews.com/berita/",
        "https://www.antaranewsx.com/berita/4871329/tiruan",
        "https://www.kompas.com/berita/4871329/bukan-antara",
    ],
)
def test_non_article_urls_rejected(url: str) -> None:
    assert not PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("https://makassar.antaranews.com/berita/612874/judul", "makassar"),
        ("https://jatim.antaranews.com/berita/903112/judul", "jatim"),
        # National and English URLs carry no channel: the page's article:section names it.
        ("https://www.antaranews.com/berita/4871329/judul", None),
        ("https://en.antaranews.com/news/312345/title", None),
    ],
)
def test_section_from_url(url: str, section: str | None) -> None:
    assert PROFILE.section_from_url(url) == section


def test_rss_fixture_lists_articles_with_dates() -> None:
    entries = parse_feed((TREE / "www.antaranews.com" / "rss" / "terkini.xml").read_bytes())
    assert [e.url for e in entries] == [
        "https://www.antaranews.com/berita/4871329/menkeu-sebut-penerimaan-pajak-april-tumbuh-62-persen",
        "https://www.antaranews.com/berita/4871317/bmkg-waspadai-gelombang-tinggi-di-perairan-selatan-jawa",
        "https://www.antaranews.com/berita/4871298/timnas-putri-bertolak-ke-vietnam-untuk-piala-aff",
    ]
    assert entries[0].published == "Tue, 13 May 2025 15:41:27 +0700"
    assert all(PROFILE.is_article_url(e.url) for e in entries)


def test_index_page_fixture_yields_text_articles_only() -> None:
    html = (TREE / "www.antaranews.com" / "terkini" / "1" / "index.html").read_bytes()
    listed = parse_index_page(html, "https://www.antaranews.com/terkini/1", PROFILE.is_article_url,
                              PROFILE.index_link_css)
    assert [item.url for item in listed] == [
        "https://www.antaranews.com/berita/4871329/menkeu-sebut-penerimaan-pajak-april-tumbuh-62-persen",
        "https://www.antaranews.com/berita/4871317/bmkg-waspadai-gelombang-tinggi-di-perairan-selatan-jawa",
        "https://www.antaranews.com/berita/4871298/timnas-putri-bertolak-ke-vietnam-untuk-piala-aff",
    ]  # the /video/ teaser between them is not an article
    assert listed[0].title == "Menkeu sebut penerimaan pajak April tumbuh 6,2 persen"
    # Without the teaser selector the Terpopuler sidebar would join the walk.
    everything = parse_index_page(html, "https://www.antaranews.com/terkini/1", PROFILE.is_article_url)
    assert len(everything) == 4


def test_index_pages_are_paged_by_path() -> None:
    pages = [IndexTemplate(t, PROFILE.index_page_size) for t in PROFILE.index_urls]
    assert [t.url(1) for t in pages] == ["https://www.antaranews.com/terkini/1"]
    assert [t.url(2) for t in pages] == ["https://www.antaranews.com/terkini/2"]


def test_home_fixture_reaches_the_regional_desk() -> None:
    html = (TREE / "www.antaranews.com" / "index.html").read_bytes()
    urls = [i.url for i in parse_index_page(html, "https://www.antaranews.com/", PROFILE.is_article_url)]
    regional = "https://makassar.antaranews.com/berita/612874/pemkot-makassar-perluas-jaringan-air-bersih-ke-pulau-barrang-lompo"
    english = "https://en.antaranews.com/news/356412/indonesia-to-expand-seawater-desalination-to-20-more-small-islands"
    assert regional in urls and english in urls


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("Makassar (ANTARA) - Pemerintah kota memasang pipa.", "Makassar (ANTARA)", "Pemerintah kota memasang pipa."),
        ("Jakarta (ANTARA News) - KKP membangun instalasi.", "Jakarta (ANTARA News)", "KKP membangun instalasi."),
        ("Denpasar (Antara Bali) - Pemprov Bali rapat.", "Denpasar (Antara Bali)", "Pemprov Bali rapat."),
        ("Kota Bandung (ANTARA) - Pemkot menargetkan.", "Kota Bandung (ANTARA)", "Pemkot menargetkan."),
    ],
)
def test_datelines(paragraph: str, dateline: str, rest: str) -> None:
    assert text_normalizer(PROFILE).split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI di situs web ini "
        "tanpa izin tertulis dari Kantor Berita ANTARA.",
        "Pewarta: Nur Suhra Wardyah Editor: Anwar Maga COPYRIGHT © ANTARA 2025",
        "COPYRIGHT © ANTARA 2017",
    ],
)
def test_antara_trailers_are_boilerplate(paragraph: str) -> None:
    assert text_normalizer(PROFILE).is_boilerplate(paragraph)


def test_articles_are_single_page() -> None:
    # ANTARA serves every article in one document: no pager to follow, no query to add.
    assert PROFILE.page_param is None and PROFILE.single_page_query == {} and PROFILE.pager_css is None


def _printed_only(html: str) -> str:
    """The page without JSON-LD and article:* meta: only the printed date line is left."""
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    return re.sub(r'<meta property="article:(?:published|modified)_time"[^>]*>', "", html)


@pytest.mark.parametrize(
    ("name", "published", "raw"),
    [
        ("regional-2025", "2025-05-13T14:27:00+08:00", "Selasa, 13 Mei 2025 14:27 WITA"),
        ("national-2017", "2017-03-09T16:45:00+07:00", "Kamis, 9 Maret 2017 16:45 WIB"),
        ("english-2025", "2025-05-14T19:40:00+07:00", "14th May 2025 19:40"),  # the English desk, no zone: WIB
    ],
)
def test_printed_date_line_is_found_in_both_templates(name: str, published: str, raw: str) -> None:
    golden = Path(__file__).parent / "golden" / "antaranews.com"
    url = json.loads((golden / f"{name}.expected.json").read_text(encoding="utf-8"))["url"]
    html = _printed_only((golden / f"{name}.html").read_text(encoding="utf-8"))
    article, errors = build_article([ArticleExtractor(PROFILE).extract(url, html)], PROFILE)
    assert (article["published_at"], article["published_at_raw"], errors) == (published, raw, [])


def test_listing_page_is_not_an_article() -> None:
    html = (TREE / "www.antaranews.com" / "terkini" / "1" / "index.html").read_bytes()
    with pytest.raises(NotAnArticle):
        ArticleExtractor(PROFILE).extract("https://www.antaranews.com/terkini/1", html)


def test_english_desk_inline_box_is_read_also() -> None:
    labels = LinkListFinder(PROFILE.extra_list_labels).labels
    assert labels["related news"] == "read_also"
    assert text_normalizer(PROFILE).is_boilerplate("Related news: Govt targets clean water access by 2029")
