"""liputan6.com profile: www channels and the old channel subdomains, sections, feeds, sitemaps, one-document paging."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import listing_sitemap, parse_feed, parse_sitemap
from newscrawler.extract.dates import DateNormalizer
from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.liputan6 import Liputan6Profile

TREE = Path(__file__).parent / "fixtures" / "sites" / "liputan6.com"
GOLDEN = Path(__file__).parent / "golden" / "liputan6.com"
CABAI = "https://www.liputan6.com/bisnis/read/5934127/harga-cabai-rawit-turun-jelang-ramadan-pedagang-pasar-induk-lega"
POHON = "http://news.liputan6.com/read/2459012/warga-bandung-tanam-5000-pohon-di-bantaran-sungai-cikapundung"


@pytest.mark.parametrize("host", ["liputan6.com", "www.liputan6.com", "m.liputan6.com", "feed.liputan6.com",
                                  "news.liputan6.com", "bisnis.liputan6.com"])
def test_every_liputan6_host_is_the_site(host: str) -> None:
    assert site_for_host(host) == "liputan6.com"
    assert get_profile(host).key == "liputan6.com"
    assert isinstance(profile_for_url(f"https://{host}/read/1/x"), Liputan6Profile)
    assert get_profile("liputan6").key == "liputan6.com"


@pytest.mark.parametrize("url", [
    CABAI,
    POHON,
    "https://www.liputan6.com/news/read/3995721/pemilu-serentak-2019",
    "https://www.liputan6.com/cek-fakta/read/5930001/cek-fakta-tidak-benar-ada-pemadaman-listrik",
    "https://m.liputan6.com/bola/read/5933988/timnas-indonesia-umumkan-skuad-baru",
    "http://bola.liputan6.com/read/2458801/persib-menang-tipis-di-laga-uji-coba",
])
def test_article_urls_are_accepted(url: str) -> None:
    assert Liputan6Profile().is_article_url(url)


@pytest.mark.parametrize("url", [
    "https://www.liputan6.com/",
    "https://www.liputan6.com/bisnis",
    "https://www.liputan6.com/indeks",
    "https://www.liputan6.com/tag/harga-cabai",
    "https://www.liputan6.com/news/read/5934200/video-detik-detik-banjir-rendam-permukiman",
    "https://www.liputan6.com/photo/read/5934150/foto-suasana-pasar-induk",
    "https://www.liputan6.com/news/read/abc/not-an-id",
    "https://www.liputan6.org/news/read/5934127/other-site",
])
def test_non_articles_are_rejected(url: str) -> None:
    assert not Liputan6Profile().is_article_url(url)


@pytest.mark.parametrize(("url", "section"), [
    (CABAI, "bisnis"),
    (POHON, "news"),
    ("https://m.liputan6.com/bola/read/5933988/x", "bola"),
    ("https://www.liputan6.com/", None),
])
def test_section_is_the_channel_in_the_path_or_the_old_subdomain(url: str, section: str | None) -> None:
    assert Liputan6Profile().section_from_url(url) == section


def test_feed_lists_recent_articles_with_dates() -> None:
    assert "https://feed.liputan6.com/rss" in Liputan6Profile.rss_urls
    entries = parse_feed((TREE / "feed.liputan6.com" / "rss" / "index.html").read_bytes())
    listed = {e.url: e.published for e in entries}
    assert listed[CABAI] == "Tue, 25 Feb 2025 14:20:11 +0700"
    assert all(Liputan6Profile().is_article_url(url) for url in listed)


def test_sitemaps_reach_current_and_archived_articles() -> None:
    kind, children = parse_sitemap((TREE / "www.liputan6.com" / "sitemap.xml").read_bytes())
    assert kind == "index"
    followed = [c.url for c in children if not listing_sitemap(c.url)]
    assert "https://www.liputan6.com/sitemap_tag.xml" not in followed
    urls = []
    for child in followed:
        _, entries = parse_sitemap((TREE / "www.liputan6.com" / child.rsplit("/", 1)[1]).read_bytes())
        urls += [e.url for e in entries]
    assert CABAI in urls and POHON in urls


def test_every_page_of_a_story_is_in_one_document() -> None:
    profile = Liputan6Profile()
    assert profile.single_page_query == {} and profile.page_param is None
    raw = ArticleExtractor(profile).extract(CABAI, (GOLDEN / "bisnis-2025.html").read_bytes())
    texts = " ".join(raw["paragraphs"])
    assert "Kementerian Perdagangan memantau" in texts  # data-page="2"
    assert "Pantauan Pemerintah" not in texts  # the page's subtitle is not a paragraph
    assert raw["page_urls"] == []


@pytest.mark.parametrize(("line", "expected"), [
    ("25 Feb 2025, 14:20 WIB", "2025-02-25T14:20:00+07:00"),
    ("Diterbitkan 25 Feb 2025, 14:20 WIB", "2025-02-25T14:20:00+07:00"),
    ("14 Agu 2019, 09:05 WIB", "2019-08-14T09:05:00+07:00"),
])
def test_printed_date_lines(line: str, expected: str) -> None:
    assert DateNormalizer().parse_printed(line, datetime(2026, 1, 1, tzinfo=UTC)).isoformat() == expected
