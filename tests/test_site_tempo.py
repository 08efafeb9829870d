"""tempo.co profile: hosts, the 2024 and older article URL forms, rubrik/kanal, discovery fixtures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_feed, parse_index_page
from newscrawler.extract.dates import DateNormalizer, date_from_url
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.processing import build_article, text_normalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.tempo import TempoProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "tempo.co"
PROFILE = TempoProfile()
NEW = "https://www.tempo.co/ekonomi/pemerintah-siapkan-insentif-mobil-listrik-rakitan-lokal-hingga-2027-1987421"


@pytest.mark.parametrize(
    "host", ["www.tempo.co", "tempo.co", "nasional.tempo.co", "bisnis.tempo.co", "majalah.tempo.co",
             "en.tempo.co", "rss.tempo.co"],
)
def test_every_host_maps_to_tempo(host: str) -> None:
    assert site_for_host(host) == "tempo.co"
    assert get_profile(host).key == "tempo.co"
    assert profile_for_url(f"https://{host}/read/1012345/judul").key == "tempo.co"


@pytest.mark.parametrize(
    "url",
    [
        NEW,
        "https://www.tempo.co/teroka/synchronize-fest-2025-bakal-ada-guruh-gipsy-dan-elvy-sukaesih--2069043",
        "https://www.tempo.co/politik/dpr-setujui-revisi-uu-penyiaran-1987302/",
        "https://bisnis.tempo.co/read/889412/pemerintah-kaji-insentif-pajak-untuk-mobil-listrik",
        "https://nasional.tempo.co/read/1443210/kpk-tetapkan-tersangka-baru",
        "http://nasional.tempo.co/read/news/2015/06/11/078673456/polisi-tangkap-pengedar-sabu",
        "https://en.tempo.co/read/1012345/government-weighs-tax-incentives-for-electric-cars",
        "https://majalah.tempo.co/read/laporan-utama/165432/jejak-dana-di-rekening-gendut",
        "https://www.tempo.co/read/1200456/jokowi-resmikan-tol-trans-jawa",
    ],
)
def test_article_urls_accepted(url: str) -> None:
    assert PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.tempo.co/",
        "https://www.tempo.co/ekonomi",
        "https://www.tempo.co/indeks",
        "https://www.tempo.co/indeks?page=2",
        "https://www.tempo.co/tag/mobil-listrik",
        "https://www.tempo.co/penulis/riani-sanusi-putri",
        "https://www.tempo.co/video/banjir-rob-di-pesisir-utara-jakarta-1987288",
        "https://www.tempo.co/foto/suasana-mudik-di-terminal-pulogebang-1902211",
        "https://video.tempo.co/read/28765/wawancara-khusus-menteri",
        "https://foto.tempo.co/read/91234/banjir-jakarta",
        "https://bisnis.tempo.co/kanal/otomotif",
        "https://www.tempo.co/ekonomi/tanpa-nomor-artikel",
        "https://www.tempo.com/ekonomi/bukan-tempo-1987421",
    ],
)
def test_non_article_urls_rejected(url: str) -> None:
    assert not PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        (NEW, "ekonomi"),
        ("https://www.tempo.co/politik/dpr-setujui-revisi-uu-penyiaran-1987302", "politik"),
        ("https://bisnis.tempo.co/read/889412/pemerintah-kaji-insentif", "bisnis"),
        ("http://nasional.tempo.co/read/news/2015/06/11/078673456/polisi-tangkap", "nasional"),
        ("https://majalah.tempo.co/read/laporan-utama/165432/jejak-dana", "majalah"),
        ("https://www.tempo.co/read/1200456/jokowi-resmikan-tol", None),
    ],
)
def test_section_is_the_rubrik_or_the_kanal(url: str, section: str | None) -> None:
    assert PROFILE.section_from_url(url) == section


def test_pre_2017_urls_carry_the_day() -> None:
    # The window check skips these without fetching them.
    day = date_from_url("http://nasional.tempo.co/read/news/2015/06/11/078673456/polisi-tangkap-pengedar-sabu")
    assert day is not None and day.date().isoformat() == "2015-06-11"


def test_rss_fixture() -> None:
    entries = parse_feed((TREE / "rss.tempo.co" / "bisnis" / "index.html").read_bytes())
    assert [e.url for e in entries] == [
        NEW, "https://www.tempo.co/ekonomi/rupiah-menguat-tipis-jelang-pengumuman-suku-bunga-bi-1987398",
    ]
    assert DateNormalizer().parse_instant(entries[0].published).isoformat() == "2025-06-18T11:32:07+07:00"


def test_index_fixture_skips_rubrik_and_video_links() -> None:
    html = (TREE / "www.tempo.co" / "indeks" / "index__page=1.html").read_bytes()
    listed = parse_index_page(html, "https://www.tempo.co/indeks?page=1", PROFILE.is_article_url)
    assert [i.url for i in listed] == [
        NEW,
        "https://www.tempo.co/politik/dpr-setujui-revisi-undang-undang-penyiaran-dibawa-ke-paripurna-1987302",
        "https://www.tempo.co/hukum/kejaksaan-periksa-lima-saksi-kasus-impor-gula-1987266",
    ]
    assert listed[0].title == "Pemerintah Siapkan Insentif Mobil Listrik Rakitan Lokal hingga 2027"
    pages = [IndexTemplate(t, PROFILE.index_page_size) for t in PROFILE.index_urls]
    assert [t.url(3) for t in pages] == ["https://www.tempo.co/indeks?page=3"]
    # Not the per-day form (?category=date&start_date=…): a window of years would cost a request a day.
    assert not any(t.dated for t in pages)


@pytest.mark.parametrize(
    ("paragraph", "boilerplate"),
    [
        ("GHOIDA RAHMAH", True),
        ("ANDITA RAHMA | ANTARA", True),
        ("Pilihan Editor: Penjualan Mobil Listrik Naik Dua Kali Lipat", True),
        ("Scroll ke bawah untuk melanjutkan membaca", True),
        ("KEMENTERIAN Perindustrian menyiapkan paket insentif baru.", False),
        ("KPK menahan dua tersangka.", False),
    ],
)
def test_tempo_boilerplate(paragraph: str, boilerplate: bool) -> None:
    assert text_normalizer(PROFILE).is_boilerplate(paragraph) is boilerplate


def test_datelines_need_the_brand() -> None:
    normalizer = text_normalizer(PROFILE)
    assert normalizer.split_dateline("TEMPO.CO, Jakarta - Pemerintah mengkaji insentif.") == (
        "TEMPO.CO, Jakarta", "Pemerintah mengkaji insentif."
    )
    # 2024 articles open with an upper-case word; a dash later in the sentence is not a credit.
    opening = "PRESIDEN Prabowo - yang baru kembali dari Cina - meminta laporan."
    assert normalizer.split_dateline(opening) == (None, opening)


def test_articles_are_single_page() -> None:
    assert PROFILE.page_param is None and PROFILE.single_page_query == {} and PROFILE.pager_css is None


def _printed_only(html: str) -> str:
    """The page without JSON-LD and date meta tags: only the printed date line is left."""
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    return re.sub(r'<meta (?:property|name)="(?:article:published_time|article:modified_time|publish-date)"[^>]*>',
                  "", html)


@pytest.mark.parametrize(
    ("name", "published", "raw"),
    [
        ("nuxt-2025", "2025-06-18T11:32:00+07:00", "18 Juni 2025 | 11.32 WIB"),  # tempo's dot time
        ("kanal-2017", "2017-07-12T14:05:00+07:00", "Rabu, 12 Juli 2017 14:05 WIB"),
    ],
)
def test_printed_date_line_is_found_in_both_templates(name: str, published: str, raw: str) -> None:
    golden = Path(__file__).parent / "golden" / "tempo.co"
    url = json.loads((golden / f"{name}.expected.json").read_text(encoding="utf-8"))["url"]
    html = _printed_only((golden / f"{name}.html").read_text(encoding="utf-8"))
    article, errors = build_article([ArticleExtractor(PROFILE).extract(url, html)], PROFILE)
    assert (article["published_at"], article["published_at_raw"], errors) == (published, raw, [])


def test_listing_page_is_not_an_article() -> None:
    html = (TREE / "www.tempo.co" / "indeks" / "index__page=1.html").read_bytes()
    with pytest.raises(NotAnArticle):
        ArticleExtractor(PROFILE).extract("https://www.tempo.co/indeks?page=1", html)
