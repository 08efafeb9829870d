"""sindonews.com profile: channel hosts, article URLs and their page-2 forms, the per-day index, showpage=all."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import IndexTemplate, parse_feed, parse_index_page
from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.extract.html import parse_html
from newscrawler.extract.linklists import LinkListFinder
from newscrawler.extract.processing import build_article, text_normalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.sindonews import SindonewsProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "sindonews.com" / "www.sindonews.com"
PROFILE = SindonewsProfile()
GOLDEN_2024 = (
    "https://ekbis.sindonews.com/read/1489231/34/harga-gabah-kering-panen-di-karawang-naik-jelang-musim-tanam-1732591203"
)
GOLDEN_2019 = (
    "https://nasional.sindonews.com/read/1392050/12/kpu-mulai-distribusikan-logistik-pemilu-ke-kecamatan-1554356470"
)


@pytest.mark.parametrize(
    "host", ["sindonews.com", "www.sindonews.com", "nasional.sindonews.com", "ekbis.sindonews.com",
             "international.sindonews.com", "daerah.sindonews.com", "index.sindonews.com"],
)
def test_every_host_maps_to_sindonews(host: str) -> None:
    assert site_for_host(host) == "sindonews.com"
    assert get_profile(host).key == "sindonews.com"
    assert profile_for_url(f"https://{host}/read/1489231/34/judul-1732591203").key == "sindonews.com"


def test_alias() -> None:
    assert get_profile("sindonews").key == "sindonews.com"


@pytest.mark.parametrize(
    "url",
    [
        GOLDEN_2024,
        GOLDEN_2019,
        "http://nasional.sindonews.com/read/1012345/13/sidang-paripurna-dpr-ditunda-1435211234",
        "https://sports.sindonews.com/read/1731775/11/timnas-menang-tipis-1784873276",
        "https://kalam.sindonews.com/read/1768539/70/doa-doa-pilihan-1768539674/10",
        "https://ekbis.sindonews.com/read/1489231/34/judul-1732591203?showpage=all",
    ],
)
def test_article_urls_accepted(url: str) -> None:
    assert PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.sindonews.com/",
        "https://ekbis.sindonews.com/",
        "https://ekbis.sindonews.com/more/34",
        "https://www.sindonews.com/indeks/0/20?t=2024-11-26",
        "https://www.sindonews.com/topic/1021/harga-gabah",
        "https://www.sindonews.com/tag/4321/harga-gabah",
        "https://www.sindonews.com/blog/4512/anggara-wikan-prasetya",
        "https://video.sindonews.com/play/98765/banjir-rob-muara-angke",
        "https://hi-lite.sindonews.com/read/1489200/1/jejak-rempah-nusantara-1732588000",
        "https://ekbis.sindonews.com/read/1489231/judul-tanpa-subkanal",
        "https://www.sindonews.co.id/read/1489231/34/tiruan-1732591203",
    ],
)
def test_non_article_urls_rejected(url: str) -> None:
    assert not PROFILE.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        (GOLDEN_2024, "ekbis"),
        (GOLDEN_2019, "nasional"),
        ("https://international.sindonews.com/read/1489190/40/judul-1732587311", "international"),
        ("https://www.sindonews.com/read/1489190/40/judul-1732587311", None),
    ],
)
def test_section_is_the_channel_subdomain(url: str, section: str | None) -> None:
    assert PROFILE.section_from_url(url) == section


def test_page_two_is_the_same_article() -> None:
    """Page 2+ is the article URL plus an offset segment; showpage=all serves the whole text at page 1's URL."""
    assert PROFILE.canonical(GOLDEN_2024 + "/5") == GOLDEN_2024
    assert PROFILE.canonical(GOLDEN_2024 + "/10/") == GOLDEN_2024
    assert PROFILE.canonical(GOLDEN_2024 + "?showpage=all") == GOLDEN_2024
    # The slug's trailing epoch is part of the slug, not a page.
    assert PROFILE.canonical(GOLDEN_2024) == GOLDEN_2024
    assert PROFILE.single_page_query == {"showpage": "all"}


def test_the_index_is_per_day_and_paged_by_twenty() -> None:
    (template,) = PROFILE.index_urls
    index = IndexTemplate(template, PROFILE.index_page_size)
    assert index.dated and index.paged
    assert index.url(1, date(2024, 11, 26)) == "https://www.sindonews.com/indeks/0/0?t=2024-11-26"
    assert index.url(2, date(2024, 11, 26)) == "https://www.sindonews.com/indeks/0/20?t=2024-11-26"


def _index(day: date) -> list:
    url = f"https://www.sindonews.com/indeks/0/0?t={day.isoformat()}"
    html = (TREE / "indeks" / "0" / "0" / f"index__t={day.isoformat()}.html").read_bytes()
    return parse_index_page(html, url, PROFILE.is_article_url, PROFILE.index_link_css)


def test_index_page_lists_news_articles_only() -> None:
    listed = _index(date(2024, 11, 26))
    assert [e.url for e in listed] == [
        "https://ekbis.sindonews.com/read/1489240/33/ihsg-sesi-i-ditutup-menguat-0-4-persen-1732593002",
        "https://metro.sindonews.com/read/1489236/170/banjir-rob-genangi-jalan-di-muara-angke-1732592511",
        GOLDEN_2024,
        # hi-lite.sindonews.com (an interactive product) is left out.
        "https://international.sindonews.com/read/1489190/40/parlemen-korea-selatan-gelar-sidang-darurat-1732587311",
    ]
    assert listed[2].title == "Harga Gabah Kering Panen di Karawang Naik Jelang Musim Tanam"
    assert GOLDEN_2019 in [e.url for e in _index(date(2019, 4, 4))]


def test_feed_lists_articles() -> None:
    entries = parse_feed((TREE / "feed" / "index.html").read_bytes())
    assert [e.url for e in entries][1] == GOLDEN_2024
    assert entries[1].published == "Tue, 26 Nov 2024 10:20:03 +0700"


def test_inline_read_also_ends_at_the_line_break() -> None:
    """In a <br>-separated body, the links after "Baca Juga:" on the next lines are the writer's, not the list's."""
    html = (
        '<div id="detail-desc">Teks pertama.<br><br><strong>Baca Juga:</strong> '
        '<a href="https://ekbis.sindonews.com/read/1/34/bacaan-1">Bacaan Satu</a><br><br>Teks dengan '
        '<a href="https://www.sindonews.com/topic/7/topik">tautan topik</a> di tengah kalimat.<br><br>'
        "Penutup.</div>"
    )
    lists = LinkListFinder().find(parse_html(html), GOLDEN_2024)
    assert lists["read_also"] == [{"title": "Bacaan Satu", "url": "https://ekbis.sindonews.com/read/1/34/bacaan-1"}]


def test_desk_code_line_is_not_body() -> None:
    normalizer = text_normalizer(PROFILE)
    assert normalizer.is_boilerplate("(nag)")
    assert not normalizer.is_boilerplate("(KPU) DKI Jakarta mulai mendistribusikan logistik.")
    assert normalizer.split_dateline("KARAWANG - Harga gabah naik.") == ("KARAWANG", "Harga gabah naik.")


def test_showpage_all_document_without_article_metadata() -> None:
    """The ?showpage=all rendition carries no NewsArticle JSON-LD: the page's own header still gives the
    title, the writer and the publish time (to the minute)."""
    golden = Path(__file__).parent / "golden" / "sindonews.com" / "ekbis-2024.html"
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", golden.read_text(), flags=re.S)
    html = re.sub(r'<meta property="og:title"[^>]*>', "", html)
    raw = ArticleExtractor(PROFILE).extract(GOLDEN_2024 + "?showpage=all", html)
    article, errors = build_article([raw], PROFILE)
    assert errors == []
    assert article["url"] == GOLDEN_2024
    assert article["title"] == "Harga Gabah Kering Panen di Karawang Naik Jelang Musim Tanam"
    assert article["authors"] == ["Anggara Wikan Prasetya"]
    assert article["published_at"] == "2024-11-26T10:20:00+07:00"
    assert article["body"].startswith("Harga gabah kering panen (GKP)")
