"""kumparan.com profile: story URLs of both eras, accounts as sections, sitemaps from robots.txt, UTC dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawler.crawl.discovery import listing_sitemap, parse_sitemap, robots_sitemaps
from newscrawler.extract.dates import DateNormalizer
from newscrawler.sites import get_profile, profile_for_url, site_for_host
from newscrawler.sites.kumparan import KumparanProfile

TREE = Path(__file__).parent / "fixtures" / "sites" / "kumparan.com" / "kumparan.com"
KPU = ("https://kumparan.com/kumparannews/"
       "kpu-mulai-rekrut-petugas-pemutakhiran-data-pemilih-untuk-pilkada-ulang-24CsWq9Zr1T")
KUTA = "https://kumparan.com/@kumparannews/warga-gotong-royong-bersihkan-pantai-kuta-dari-sampah-kiriman"


@pytest.mark.parametrize("host", ["kumparan.com", "m.kumparan.com", "www.kumparan.com"])
def test_kumparan_hosts_are_the_site(host: str) -> None:
    assert site_for_host(host) == "kumparan.com"
    assert get_profile(host).key == "kumparan.com"
    assert isinstance(profile_for_url(f"https://{host}/kumparannews/x-1zT8bYqEwH"), KumparanProfile)
    assert get_profile("kumparan").key == "kumparan.com"


@pytest.mark.parametrize("url", [
    KPU,
    KUTA,
    "https://kumparan.com/kumparanbisnis/harga-emas-perhiasan-hari-ini-turun-24CsR5t2wLa",
    "https://kumparan.com/tugujogja/warga-sleman-gelar-kirab-budaya-1zT8bYqEwH",
    "https://kumparan.com/kumparanbola/timnas-menang-2-0-1uHMNkFqTc0?utm_source=x",
    "https://kumparan.com/@kumparanbola/persija-juara-liga-1-2018",
])
def test_story_urls_are_accepted(url: str) -> None:
    assert KumparanProfile().is_article_url(url)


@pytest.mark.parametrize("url", [
    "https://kumparan.com/",
    "https://kumparan.com/kumparannews",
    "https://kumparan.com/@kumparannews",
    "https://kumparan.com/channel/news",
    "https://kumparan.com/topic/kpu",
    "https://kumparan.com/topic/pilkada-ulang-2024",
    "https://kumparan.com/trending",
    "https://kumparan.com/kumparannews/piala-dunia-2026",  # no story id
    "https://kumparan.com/kumparannews/kode-pos-1234567890",  # digits only: not an id
])
def test_non_stories_are_rejected(url: str) -> None:
    assert not KumparanProfile().is_article_url(url)


@pytest.mark.parametrize(("url", "section"), [
    (KPU, "news"),
    (KUTA, "news"),
    ("https://kumparan.com/kumparanbisnis/harga-emas-24CsR5t2wLa", "bisnis"),
    ("https://kumparan.com/tugujogja/kirab-budaya-1zT8bYqEwH", "tugujogja"),
    ("https://kumparan.com/", None),
])
def test_section_is_the_account_a_reader_sees(url: str, section: str | None) -> None:
    assert KumparanProfile().section_from_url(url) == section


def test_robots_txt_names_the_sitemaps_the_profile_starts_from() -> None:
    named = robots_sitemaps((TREE / "robots.txt").read_bytes(), "https://kumparan.com/robots.txt")
    assert set(KumparanProfile.sitemap_urls) <= set(named)


def test_channel_news_sitemap_has_utc_dates() -> None:
    kind, children = parse_sitemap((TREE / "sitemap_channels.xml").read_bytes())
    assert kind == "index" and children[0].url == "https://kumparan.com/sitemap_channel_news.xml"
    _, entries = parse_sitemap((TREE / "sitemap_channel_news.xml").read_bytes())
    assert entries[0].url == KPU
    published = DateNormalizer().parse_instant(entries[0].published)
    assert DateNormalizer().to_iso(published) == "2025-03-05T11:12:45+07:00"


def test_story_archive_reaches_the_2018_story_and_not_topics() -> None:
    _, children = parse_sitemap((TREE / "sitemap.xml").read_bytes())
    followed = [c.url for c in children if not listing_sitemap(c.url)]
    assert "https://kumparan.com/sitemap_story_2018-11.xml" in followed
    _, entries = parse_sitemap((TREE / "sitemap_story_2018-11.xml").read_bytes())
    stories = [e.url for e in entries if KumparanProfile().is_article_url(e.url)]
    assert stories == [KUTA, "https://kumparan.com/@kumparanbola/persija-juara-liga-1-2018"]


def test_stories_are_single_page() -> None:
    profile = KumparanProfile()
    assert profile.single_page_query == {} and profile.pager_css is None
    assert profile.canonical(KPU + "?utm_source=whatsapp&utm_medium=share") == KPU
