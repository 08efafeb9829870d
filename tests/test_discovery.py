"""Discovery documents: sitemaps (index, urlset, Google News, gzip), RSS/Atom feeds, index pages."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from newscrawler.crawl.discovery import Listed, parse_feed, parse_index_page, parse_sitemap
from newscrawler.sites.suara import SuaraProfile

FIXTURES = Path(__file__).parent / "fixtures"
AS_GELAR = (
    "https://www.suara.com/news/2025/03/06/080500/"
    "as-gelar-pembicaraan-langsung-dengan-hamas-di-doha-bahas-pembebasan-sandera"
)
EMAS = "https://www.suara.com/bisnis/2025/03/06/101500/7-fakta-harga-emas-antam-naik-lagi"
TIMNAS = "https://www.suara.com/bola/2025/03/06/200000/timnas-indonesia-menang"
NEWS_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


# -- sitemaps -------------------------------------------------------------------------------------------


def test_sitemap_index() -> None:
    kind, entries = parse_sitemap(fixture("sitemap-index.xml"))
    assert kind == "index"
    assert entries == [
        Listed(url="https://www.suara.com/news/sitemap-news.xml", lastmod="2025-03-06T08:41:12+07:00"),
        Listed(url="https://www.suara.com/bisnis/sitemap-news.xml"),  # <loc> padded with whitespace
        Listed(url="https://www.suara.com/sitemap/2025-02.xml", lastmod="2025-02-28T23:59:00+07:00"),
    ]


def test_plain_urlset() -> None:
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset {NEWS_NS}>
      <url><loc>{AS_GELAR}</loc><lastmod>2025-03-06T08:41:12+07:00</lastmod><changefreq>daily</changefreq></url>
      <url><loc>{EMAS}?utm_source=sitemap&amp;x=1</loc></url>
    </urlset>""".encode()
    kind, entries = parse_sitemap(body)
    assert kind == "urlset"
    assert entries == [
        Listed(url=AS_GELAR, lastmod="2025-03-06T08:41:12+07:00"),
        Listed(url=f"{EMAS}?utm_source=sitemap&x=1"),  # &amp; decoded; the spider canonicalises
    ]


def test_google_news_urlset_keeps_publication_date_title_and_lastmod() -> None:
    kind, entries = parse_sitemap(fixture("sitemap-news.xml"))
    assert kind == "urlset"
    assert entries == [
        Listed(
            url=AS_GELAR,
            published="2025-03-06T08:05:00+07:00",
            lastmod="2025-03-06T08:41:12+07:00",
            title="AS Gelar Pembicaraan Langsung dengan Hamas di Doha, Bahas Pembebasan Sandera",
        ),
        Listed(url=EMAS, published="2025-03-06T10:15:00+07:00", title="7 Fakta Harga Emas Antam & Perak Naik Lagi"),
        # the <url> without <loc> is skipped
    ]


def test_google_news_title_is_not_the_image_title() -> None:
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset {NEWS_NS} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
            xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
      <url>
        <loc>{AS_GELAR}</loc>
        <image:image><image:loc>https://media.suara.com/pictures/gaza.jpg</image:loc>
          <image:title>Ilustrasi Gaza</image:title></image:image>
        <news:news>
          <news:publication><news:name>Suara.com</news:name><news:language>id</news:language></news:publication>
          <news:publication_date>2025-03-06T08:05:00+07:00</news:publication_date>
          <news:title>AS Gelar Pembicaraan Langsung dengan Hamas</news:title>
        </news:news>
      </url>
    </urlset>""".encode()
    _, entries = parse_sitemap(body)
    assert entries[0].url == AS_GELAR
    assert entries[0].title == "AS Gelar Pembicaraan Langsung dengan Hamas"


def test_gzip_compressed_sitemap_bytes() -> None:
    plain = fixture("sitemap-news.xml")
    assert parse_sitemap(gzip.compress(plain)) == parse_sitemap(plain)
    assert parse_sitemap(gzip.compress(fixture("sitemap-index.xml")))[0] == "index"


@pytest.mark.parametrize("prefix", [b"\n\n", b"   ", b"\xef\xbb\xbf"], ids=["blank-lines", "spaces", "bom"])
def test_sitemap_with_junk_before_the_declaration(prefix: bytes) -> None:
    kind, entries = parse_sitemap(prefix + fixture("sitemap-index.xml"))
    assert kind == "index"
    assert len(entries) == 3


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"not xml at all, just text", id="text"),
        pytest.param(b"<!DOCTYPE html><html><body><h1>404 Halaman tidak ditemukan</h1></body></html>", id="html"),
        pytest.param(b'{"sitemap": []}', id="json"),
        pytest.param(b'<?xml version="1.0"?>', id="declaration-only"),
        pytest.param(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', id="rss-root"),
        pytest.param(gzip.compress(b"<html><body>Maaf, terjadi kesalahan</body></html>"), id="gzip-html"),
    ],
)
def test_malformed_or_foreign_xml_is_invalid(body: bytes) -> None:
    assert parse_sitemap(body) == ("invalid", [])


def test_corrupt_gzip_is_invalid() -> None:
    assert parse_sitemap(b"\x1f\x8b" + b"bukan gzip sungguhan" * 4) == ("invalid", [])


def test_external_entity_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA-NEGARA-42")
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>
    <urlset {NEWS_NS}>
      <url><loc>{AS_GELAR}</loc><lastmod>&xxe;</lastmod></url>
      <url><loc>&xxe;</loc></url>
    </urlset>""".encode()
    kind, entries = parse_sitemap(body)
    assert kind == "urlset"
    assert "RAHASIA" not in repr(entries)
    assert entries == [Listed(url=AS_GELAR)]  # the entity-only <loc> and <lastmod> read as empty


def test_billion_laughs_is_not_expanded() -> None:
    levels = ['<!ENTITY lol0 "tawa">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    body = f"""<?xml version="1.0"?>
    <!DOCTYPE urlset [{"".join(levels)}]>
    <urlset {NEWS_NS}>
      <url><loc>{AS_GELAR}</loc><lastmod>&lol9;</lastmod></url>
    </urlset>""".encode()
    started = time.perf_counter()
    kind, entries = parse_sitemap(body)
    assert time.perf_counter() - started < 1.0
    assert kind == "urlset"
    assert entries == [Listed(url=AS_GELAR)]
    assert "tawa" not in repr(entries)


# -- feeds ------------------------------------------------------------------------------------------------


def test_rss2_feed() -> None:
    assert parse_feed(fixture("feed-rss.xml")) == [
        Listed(url=EMAS, published="Thu, 06 Mar 2025 10:15:00 +0700", title="7 Fakta Harga Emas Antam Naik Lagi"),
        Listed(
            url=TIMNAS, published="Thu, 06 Mar 2025 20:00:00 +0700", title="Timnas Indonesia Menang 2-0 atas Bahrain"
        ),
        # the item without <link> is not announced
    ]


def test_atom_feed() -> None:
    entries = parse_feed(fixture("feed-atom.xml"))
    assert entries == [
        Listed(
            # rel="alternate", not the rel="self" API link listed first
            url="https://news.example.co.id/nasional/2025/03/06/banjir-rendam-ratusan-rumah-di-jakarta-timur",
            published="2025-03-06T09:12:44+07:00",  # <published>, not <updated>
            title="Banjir Rendam Ratusan Rumah di Jakarta Timur",
        ),
        # an entry with only <updated> is dated by it
        Listed(
            url="https://news.example.co.id/nasional/2025/03/05/harga-beras-turun",
            published="2025-03-05T16:30:00+07:00",
            title="Harga Beras Turun di Pasar Induk",
        ),
    ]


@pytest.mark.parametrize("body", [b"", b"bukan feed", b"<html><body><p>Halaman</p></body></html>"])
def test_not_a_feed_gives_nothing(body: bytes) -> None:
    assert parse_feed(body) == []


# -- index pages -------------------------------------------------------------------------------------------

INDEX_URL = "https://www.suara.com/indeks?page=1"


def test_index_page_order_dedupe_predicate_relative_and_canonical() -> None:
    listed = list(parse_index_page(fixture("suara-index-page.html"), INDEX_URL, SuaraProfile().is_article_url))
    assert [e.url for e in listed] == [
        # ?utm_source dropped; the thumbnail link and the headline link are one entry
        "https://www.suara.com/news/2025/03/06/080500/as-gelar-pembicaraan-langsung-dengan-hamas",
        EMAS,  # #komentar dropped; the later ?utm_medium copy is the same article
        TIMNAS,  # relative href resolved; fbclid and page dropped
    ]
    # the tag page, the next index page, javascript: and the kompas.com partner link are not articles


def test_index_page_uses_the_predicate_on_absolute_urls() -> None:
    seen: list[str] = []

    def only_bisnis(url: str) -> bool:
        seen.append(url)
        return "/bisnis/" in url

    listed = list(parse_index_page(fixture("suara-index-page.html").decode(), INDEX_URL, only_bisnis))
    assert listed == [Listed(url=EMAS, title="7 Fakta Harga Emas Antam Naik Lagi")]
    assert seen and all(u.startswith(("https://", "http://")) for u in seen)
    assert "https://www.suara.com/bola/2025/03/06/200000/timnas-indonesia-menang?fbclid=IwAR0abc&page=2" in seen


def test_index_page_titles_are_the_link_text() -> None:
    html = f"""<ul><li><a href="{EMAS}">  7 Fakta
        Harga Emas   Antam </a></li><li><a href="{TIMNAS}"><img src="t.jpg"></a></li></ul>"""
    assert list(parse_index_page(html, INDEX_URL, lambda url: True)) == [
        Listed(url=EMAS, title="7 Fakta Harga Emas Antam"),
        Listed(url=TIMNAS, title=None),
    ]


def test_index_page_title_survives_a_thumbnail_link_first() -> None:
    listed = list(parse_index_page(fixture("suara-index-page.html"), INDEX_URL, SuaraProfile().is_article_url))
    assert listed[0].title == "AS Gelar Pembicaraan Langsung dengan Hamas"


def test_index_page_without_article_links() -> None:
    html = b"<html><body><p>Tidak ada berita lagi.</p><a href='/tag/hamas'>Hamas</a></body></html>"
    assert list(parse_index_page(html, INDEX_URL, SuaraProfile().is_article_url)) == []


def test_empty_index_page_body_yields_nothing() -> None:
    assert list(parse_index_page(b"", INDEX_URL, SuaraProfile().is_article_url)) == []


# -- index templates, index_link_css ---------------------------------------------------------------------


def test_index_template_placeholders() -> None:
    from datetime import date

    from newscrawler.crawl.discovery import IndexTemplate

    dated = IndexTemplate("https://index.okezone.com/bydate/index/{date:%Y/%m/%d}/{offset}/", page_size=15)
    assert dated.dated and dated.paged
    assert dated.url(1, date(2026, 10, 5)) == "https://index.okezone.com/bydate/index/2026/10/05/0/"
    assert dated.url(3, date(2026, 10, 5)) == "https://index.okezone.com/bydate/index/2026/10/05/30/"
    detik = IndexTemplate("https://news.detik.com/indeks/{page}?date={date:%m/%d/%Y}")
    assert detik.url(2, date(2026, 1, 9)) == "https://news.detik.com/indeks/2?date=01/09/2026"
    plain = IndexTemplate("https://www.suara.com/indeks?page={page}")
    assert not plain.dated and plain.url(4) == "https://www.suara.com/indeks?page=4"
    single = IndexTemplate("https://www.antaranews.com/terkini")
    assert not single.paged and single.url() == "https://www.antaranews.com/terkini"
    with pytest.raises(ValueError):
        dated.url(1)


def test_index_link_css_keeps_only_the_listing() -> None:
    html = f"""<nav><a href="{TIMNAS}">Timnas di menu</a></nav>
    <div class="list"><h4 class="title"><a href="{EMAS}">Harga emas</a></h4></div>
    <div class="list"><a class="title" href="{AS_GELAR}">AS gelar</a></div>"""
    listed = parse_index_page(html, INDEX_URL, SuaraProfile().is_article_url, ".list .title")
    assert [e.url for e in listed] == [EMAS, AS_GELAR]
    assert [e.url for e in parse_index_page(html, INDEX_URL, SuaraProfile().is_article_url)] == [TIMNAS, EMAS, AS_GELAR]


# -- robots.txt, announced feeds, listing sitemaps ---------------------------------------------------------


def test_robots_sitemaps() -> None:
    from newscrawler.crawl.discovery import robots_sitemaps

    robots = b"User-agent: *\nDisallow: /cari\nSitemap: https://www.contoh.id/sitemap_index.xml\n" \
             b"sitemap: /news-sitemap.xml\nSitemap: https://www.contoh.id/sitemap_index.xml\n"
    assert robots_sitemaps(robots, "https://www.contoh.id/robots.txt") == [
        "https://www.contoh.id/sitemap_index.xml", "https://www.contoh.id/news-sitemap.xml",
    ]
    assert robots_sitemaps(b"User-agent: *\nDisallow:\n", "https://www.contoh.id/robots.txt") == []


def test_feed_links_announced_by_a_page() -> None:
    from newscrawler.crawl.discovery import feed_links
    from newscrawler.extract.html import parse_html

    root = parse_html("""<html><head>
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://www.contoh.id/atom">
      <link rel="alternate" hreflang="en" href="/en/">
      <link rel="stylesheet" type="text/css" href="/s.css">
    </head><body><p>x</p></body></html>""")
    assert feed_links(root, "https://www.contoh.id/") == ["https://www.contoh.id/rss.xml", "https://www.contoh.id/atom"]


@pytest.mark.parametrize(
    "url, listing",
    [
        ("https://a.id/category-sitemap.xml", True),
        ("https://a.id/post_tag-sitemap.xml", True),
        ("https://a.id/sitemap-tags.xml", True),
        ("https://a.id/author-sitemap2.xml", True),
        ("https://a.id/page-sitemap.xml", True),
        ("https://a.id/post-sitemap2.xml", False),
        ("https://a.id/news/sitemap-news.xml", False),
        ("https://a.id/sitemap-page-2.xml", False),  # page 2 of the posts, not the static pages
    ],
)
def test_listing_sitemaps_are_recognised(url: str, listing: bool) -> None:
    from newscrawler.crawl.discovery import listing_sitemap

    assert listing_sitemap(url) is listing


# -- the generic crawl's URL heuristics -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url, article",
    [
        ("https://www.contoh.id/politik/2026/11/20/dprd-setujui-anggaran", True),  # date in the path
        ("https://www.contoh.id/news/20261120-081500-12-998877/judul", True),
        ("https://www.contoh.id/read/77120/warga-gotong-royong", True),  # numeric id
        ("https://news.contoh.id/berita/d-7654321/judul-singkat", True),
        ("https://www.contoh.id/ekonomi/harga-cabai-rawit-turun-di-pasar", True),  # headline-long slug
        ("https://www.contoh.id/berita-utama.html?p=1234", True),
        ("https://www.contoh.id/?p=1234", True),  # WordPress short link
        ("https://www.contoh.id/", False),
        ("https://www.contoh.id/politik", False),
        ("https://www.contoh.id/berita-terkini", False),
        ("https://www.contoh.id/tag/banjir-jakarta-hari-ini", False),
        ("https://www.contoh.id/category/politik/dprd-setujui-anggaran-sekolah", False),
        ("https://www.contoh.id/search?q=banjir+jakarta", False),
        ("https://www.contoh.id/login", False),
        ("https://www.contoh.id/author/rina-wulandari-dan-kawan-kawan", False),
        ("https://www.contoh.id/wp-content/uploads/2026/11/20/foto-banjir-besar.jpg", False),
        ("https://www.contoh.id/pedoman-media-siber", False),
        ("https://www.contoh.id/page/2", False),
        ("https://www.contoh.id/politik/3", False),
        ("https://www.contoh.id/feed/2026/11/20/x", False),
        ("mailto:redaksi@contoh.id", False),
    ],
)
def test_looks_like_article_url(url: str, article: bool) -> None:
    from newscrawler.crawl.discovery import looks_like_article_url

    assert looks_like_article_url(url) is article


@pytest.mark.parametrize(
    "url, section",
    [
        ("https://www.contoh.id/politik", True),
        ("https://contoh.id/news/nasional/", True),
        ("https://www.contoh.id/category/olahraga/", True),
        ("https://bola.contoh.id/", True),  # a sub-site's front page
        ("https://www.contoh.id/", False),  # the home page itself
        ("https://contoh.id/", False),
        ("https://www.lain.id/politik", False),  # another site
        ("https://www.contoh.id/politik?sort=new", False),
        ("https://www.contoh.id/tag/banjir", False),
        ("https://www.contoh.id/politik/page/2", False),
        ("https://www.contoh.id/a/b/c", False),
        ("https://www.contoh.id/ekonomi/harga-cabai-rawit-turun-di-pasar", False),  # an article
        ("https://www.contoh.id/static/app.css", False),
    ],
)
def test_looks_like_section_url(url: str, section: bool) -> None:
    from newscrawler.crawl.discovery import looks_like_section_url

    assert looks_like_section_url(url, "https://www.contoh.id/") is section


def test_section_links_in_page_order_each_once_and_capped() -> None:
    from newscrawler.crawl.discovery import section_links
    from newscrawler.extract.html import parse_html

    root = parse_html("""<nav><a href="/">Beranda</a><a href="/politik">Politik</a><a href="/tag/x">x</a>
      <a href="/ekonomi">Ekonomi</a><a href="/politik#top">Politik lagi</a><a href="/bola">Bola</a></nav>""")
    home = "https://www.contoh.id/"
    assert section_links(root, home, 10) == [
        "https://www.contoh.id/politik", "https://www.contoh.id/ekonomi", "https://www.contoh.id/bola",
    ]
    assert section_links(root, home, 2) == ["https://www.contoh.id/politik", "https://www.contoh.id/ekonomi"]


def test_index_entries_take_the_time_their_item_carries() -> None:
    html = """<div class="list">
      <article><h3><a href="https://news.detik.com/berita/d-7001/satu">Satu</a></h3>
        <span class="date" d-time="1730555993">Sabtu, 02 Nov 2024 20:59 WIB</span></article>
      <article><a href="https://news.detik.com/berita/d-7002/dua"><img src="x.jpg"></a>
        <h3><a href="https://news.detik.com/berita/d-7002/dua">Dua</a></h3>
        <time datetime="2024-11-02T19:30:00+07:00">19:30</time></article>
      <article><h3><a href="https://news.detik.com/berita/d-7003/tiga">Tiga</a></h3></article>
    </div>
    <time datetime="2024-01-01T00:00:00+07:00">page footer time</time>"""
    listed = parse_index_page(html, "https://news.detik.com/indeks", lambda url: "/berita/" in url)
    assert [(e.title, e.published) for e in listed] == [
        ("Satu", "2024-11-02T13:59:53+00:00"),
        ("Dua", "2024-11-02T19:30:00+07:00"),
        ("Tiga", None),  # the page's own time belongs to no single entry
    ]
