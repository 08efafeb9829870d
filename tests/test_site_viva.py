"""viva.co.id profile: hosts old and new, article URLs, channels, sitemap/feed/index fixtures, VIVA credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_feed, parse_index_page, parse_sitemap
from newscrawler.extract.processing import text_normalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.viva import VivaProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "viva.co.id" / "www.viva.co.id"
PROFILE = VivaProfile()
GOLDEN_2024 = "https://www.viva.co.id/berita/politik/1715520-dpr-minta-kpu-percepat-sosialisasi-tahapan-pilkada-serentak"
GOLDEN_2017 = "https://www.viva.co.id/berita/nasional/946210-ribuan-warga-ikuti-kirab-budaya-jelang-hut-kemerdekaan-di-solo"


@pytest.mark.parametrize(
    "host", ["viva.co.id", "www.viva.co.id", "m.viva.co.id", "bola.viva.co.id", "nasional.news.viva.co.id",
             "life.viva.co.id"],
)
def test_every_host_maps_to_viva(host: str) -> None:
    assert site_for_host(host) == "viva.co.id"
    assert get_profile(host).key == "viva.co.id"
    assert profile_for_url(f"https://{host}/berita/politik/1715520-judul").key == "viva.co.id"


def test_alias() -> None:
    assert get_profile("viva").key == "viva.co.id"


@pytest.mark.parametrize(
    "url",
    [
        GOLDEN_2024,
        GOLDEN_2017,
        "https://www.viva.co.id/bisnis/1715211-harga-minyak-goreng-curah-turun-di-pasar-tradisional",
        "https://www.viva.co.id/bola/liga-indonesia/1715401-persebaya-rekrut-bek-asal-brasil",
        "https://www.viva.co.id/otomotif/mobil/1234562-mobil-listrik-lokal-resmi-meluncur-di-jakarta?page=2",
        # Before 2017 the channels were subdomains and every article sat under /news/read/.
        "http://nasional.news.viva.co.id/news/read/820451-pemerintah-siapkan-dana-desa",
        "http://bola.viva.co.id/news/read/612345-persib-juara-isl-2014",
    ],
)
def test_article_urls_accepted(url: str) -> None:
    assert PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.viva.co.id/",
        "https://www.viva.co.id/berita",
        "https://www.viva.co.id/berita/politik",
        "https://www.viva.co.id/indeks",
        "https://www.viva.co.id/tag/pilkada-serentak",
        "https://www.viva.co.id/author/2741-yeni-lestari",
        "https://www.viva.co.id/video/berita/1715501-detik-detik-banjir-bandang-terjang-permukiman",
        "https://www.viva.co.id/amp/berita/politik/1715520-dpr-minta-kpu-percepat-sosialisasi",
        "https://www.viva.co.id/get/all",
        "https://www.vivanews.co.id/berita/politik/1715520-tiruan",
    ],
)
def test_non_article_urls_rejected(url: str) -> None:
    assert not PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        (GOLDEN_2024, "berita"),
        ("https://www.viva.co.id/bisnis/1715211-harga-minyak-goreng", "bisnis"),
        ("https://www.viva.co.id/bola/liga-indonesia/1715401-persebaya", "bola"),
        ("http://bola.viva.co.id/news/read/612345-persib-juara", "bola"),
        ("http://nasional.news.viva.co.id/news/read/820451-dana-desa", "news"),
    ],
)
def test_section_from_url(url: str, section: str | None) -> None:
    assert PROFILE.section_from_url(url) == section


def test_sitemap_index_leads_to_news_and_monthly_archives() -> None:
    kind, children = parse_sitemap((TREE / "sitemap.xml").read_bytes())
    assert kind == "index"
    assert [c.url for c in children][:1] == [PROFILE.sitemap_urls[1]]
    assert "https://www.viva.co.id/sitemap/archive/2017-08.xml" in [c.url for c in children]


def test_news_sitemap_gives_articles_and_times() -> None:
    kind, entries = parse_sitemap((TREE / "sitemap" / "news" / "news-sitemap.xml").read_bytes())
    assert kind == "urlset"
    articles = [e for e in entries if PROFILE.is_article_url(e.url)]
    assert [e.url for e in articles][1] == GOLDEN_2024
    assert articles[1].published == "2024-05-15T14:20:11+07:00"
    # The video entry is listed but is no article.
    assert len(articles) == len(entries) - 1


def test_archive_sitemap_reaches_older_articles() -> None:
    _, entries = parse_sitemap((TREE / "sitemap" / "archive" / "2017-08.xml").read_bytes())
    assert GOLDEN_2017 in [e.url for e in entries]


def test_feed_lists_articles() -> None:
    entries = parse_feed((TREE / "get" / "all" / "index.html").read_bytes())
    assert [e.url for e in entries] == [
        "https://www.viva.co.id/digital/1715534-operator-seluler-perluas-jaringan-5g-di-makassar", GOLDEN_2024,
    ]


def test_index_page_lists_the_latest_articles_only() -> None:
    (template,) = PROFILE.index_urls
    assert not IndexTemplate(template, PROFILE.index_page_size).paged  # more headlines load by POST
    html = (TREE / "indeks" / "index.html").read_bytes()
    listed = parse_index_page(html, template, PROFILE.is_article_url, PROFILE.index_link_css)
    assert [e.url for e in listed] == [
        "https://www.viva.co.id/digital/1715534-operator-seluler-perluas-jaringan-5g-di-makassar",
        GOLDEN_2024,
        "https://www.viva.co.id/bola/liga-indonesia/1715401-persebaya-rekrut-bek-asal-brasil",
    ]
    assert listed[1].title == "DPR Minta KPU Percepat Sosialisasi Tahapan Pilkada Serentak"


def test_multi_page_articles_are_fetched_whole() -> None:
    assert PROFILE.single_page_query == {"page": "all"}
    assert PROFILE.canonical(GOLDEN_2024 + "?page=all") == GOLDEN_2024
    assert PROFILE.page_url(GOLDEN_2024, 2) == GOLDEN_2024 + "?page=2"


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("VIVA – Pemerintah menaikkan harga.", "VIVA", "Pemerintah menaikkan harga."),
        ("VIVA Politik – Komisi II DPR meminta KPU.", "VIVA Politik", "Komisi II DPR meminta KPU."),
        ("Jakarta, VIVA – Komisi II DPR meminta KPU.", "Jakarta, VIVA", "Komisi II DPR meminta KPU."),
        ("VIVA.co.id – Ribuan warga memadati jalan.", "VIVA.co.id", "Ribuan warga memadati jalan."),
        ("VIVAnews - Harga emas turun.", "VIVAnews", "Harga emas turun."),
        # No credit: a bare place is not one on VIVA, whose credits always name the brand.
        ("Timnas Indonesia - yang baru tiba - langsung berlatih.", None,
         "Timnas Indonesia - yang baru tiba - langsung berlatih."),
    ],
)
def test_viva_credits(paragraph: str, dateline: str | None, rest: str) -> None:
    assert text_normalizer(PROFILE).split_dateline(paragraph) == (dateline, rest)
