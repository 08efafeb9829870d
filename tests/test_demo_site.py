"""The demo site in data/demo-site: generator and data in sync, complete discovery, links that resolve."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from parsel import Selector

from newscrawler.cli import demo_site
from newscrawler.crawl.mirror import relative_file

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-site"
WIB = timezone(timedelta(hours=7))
FIRST_DAY = datetime(2026, 9, 1, tzinfo=WIB)
LAST_DAY_END = datetime(2026, 10, 31, 23, 59, 59, tzinfo=WIB)
HOSTS = ("www.suara.com", "jakarta.suara.com")
ARTICLE_URL = re.compile(
    r"^https://(?P<host>www|jakarta)\.suara\.com/(?P<section>[a-z]+)/(?P<y>\d{4})/(?P<m>\d\d)/(?P<d>\d\d)/"
    r"(?P<hms>\d{6})/[a-z0-9-]+$"
)
LIST_SELECTORS = (
    ".related-news a", ".article-read a", "article.article-content p a", "aside a", ".list-indeks a",
    ".headline a", ".pagination a", ".pagination-custom a", "nav.menu a",
)


# --- helpers ----------------------------------------------------------------------------------------------


def url_of(file: Path) -> str:
    """The URL the mirror serves ``file`` for (inverse of the mirror mapping, for generated files)."""
    rel = file.relative_to(DEMO)
    host, parts = rel.parts[0], rel.parts[1:]
    if not file.name.startswith("index"):
        return f"https://{host}/{'/'.join(parts)}"
    path = "/" + "/".join(parts[:-1])
    query = file.name.removeprefix("index").removeprefix("__").removesuffix(".html")
    return f"https://{host}{path}" + (f"?{query}" if query else "")


def file_of(url: str) -> Path:
    parts = urlsplit(url)
    return DEMO / parts.netloc / str(relative_file(parts.path, parts.query))


@cache
def page(url: str) -> Selector:
    return Selector(text=file_of(url).read_text("utf-8"))


@cache
def site() -> demo_site.DemoSite:
    return demo_site.build_site()


def html_files() -> list[Path]:
    return sorted(p for host in HOSTS for p in (DEMO / host).rglob("*.html"))


def article_files() -> list[Path]:
    return [p for p in html_files() if ARTICLE_URL.match(url_of(p).split("?")[0])]


def article_urls() -> set[str]:
    return {url_of(p) for p in article_files() if "?" not in url_of(p)}


def json_ld(sel: Selector) -> dict:
    return json.loads(sel.css('script[type="application/ld+json"]::text').get())


def data_layer(sel: Selector) -> dict:
    script = next(s for s in sel.css("script::text").getall() if "dataLayer.push" in s)
    return json.loads(script.split("dataLayer.push(", 1)[1].rsplit(");", 1)[0])


def sitemap_locs(url: str) -> dict[str, Selector]:
    """Article URL -> its <url> element, following sitemap indexes."""
    xml = Selector(text=file_of(url).read_text("utf-8"), type="xml")
    xml.remove_namespaces()
    found: dict[str, Selector] = {}
    for child in xml.xpath("/sitemapindex/sitemap/loc/text()").getall():
        found.update(sitemap_locs(child))
    for entry in xml.xpath("/urlset/url"):
        found[entry.xpath("loc/text()").get()] = entry
    return found


# --- generator and data stay in sync ----------------------------------------------------------------------


def test_regenerating_gives_the_committed_files(tmp_path: Path) -> None:
    demo_site.main([str(tmp_path)])
    fresh = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {p.relative_to(DEMO).as_posix(): p.read_bytes() for p in DEMO.rglob("*") if p.is_file()}
    assert sorted(fresh) == sorted(committed), "file sets differ: run `python -m newscrawler.cli.demo_site`"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"regenerate the demo site, these differ: {changed[:5]}"


def test_regenerating_replaces_stale_host_files(tmp_path: Path) -> None:
    stale = tmp_path / "www.suara.com" / "old" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    demo_site.write_site(tmp_path)
    assert not stale.exists() and keep.read_text() == "mine"


def test_size_is_commit_sized() -> None:
    assert sum(p.stat().st_size for p in DEMO.rglob("*") if p.is_file()) < 2_000_000


# --- counts -----------------------------------------------------------------------------------------------


def test_counts() -> None:
    urls = article_urls()
    hosts = Counter(urlsplit(u).netloc for u in urls)
    assert hosts["www.suara.com"] >= 36 and hosts["jakarta.suara.com"] >= 4
    assert set(hosts) == set(HOSTS)
    sections = Counter(ARTICLE_URL.match(u)["section"] for u in urls if "www." in u)
    assert {"news", "bisnis", "bola"} <= set(sections) and len(sections) >= 3
    assert all(ARTICLE_URL.match(u)["section"] == "read" for u in urls if "jakarta." in u)
    multi = [u for u in urls if file_of(u).with_name("index__page=2.html").exists()]
    assert len(multi) >= 2
    assert len(urls) == len(site().articles) == len({a.slug for a in site().articles})


def test_articles_have_4_to_12_paragraphs() -> None:
    for article in site().articles:
        count = sum(len(p) for p in article.pages)
        assert 4 <= count <= 12, article.url


# --- discovery --------------------------------------------------------------------------------------------


def test_robots() -> None:
    for host in HOSTS:
        text = (DEMO / host / "robots.txt").read_text()
        assert "User-agent: *" in text and "Disallow: /loadmoredetail?" in text
        assert f"Sitemap: https://{host}/sitemap.xml" in text


def test_every_article_is_in_a_sitemap() -> None:
    www = sitemap_locs("https://www.suara.com/sitemap.xml")
    jakarta = sitemap_locs("https://jakarta.suara.com/sitemap.xml")
    assert set(www) | set(jakarta) == article_urls()
    assert all(urlsplit(u).netloc == "www.suara.com" for u in www)
    assert all(urlsplit(u).netloc == "jakarta.suara.com" for u in jakarta)
    for url, entry in www.items():
        published = entry.xpath("news/publication_date/text()").get()
        assert published == json_ld(page(url))["datePublished"], url
        assert entry.xpath("news/publication/name/text()").get() == "Suara.com"
        assert entry.xpath("news/publication/language/text()").get() == "id"
        assert entry.xpath("news/title/text()").get() == page(url).css(".article-image h1::text").get()
        assert entry.xpath("news/keywords/text()").get()
        assert entry.xpath("lastmod/text()").get() == json_ld(page(url))["dateModified"]
    for url, entry in jakarta.items():
        assert entry.xpath("lastmod/text()").get() == json_ld(page(url))["dateModified"]


def test_sitemap_index_lists_one_news_sitemap_per_section() -> None:
    xml = Selector(text=(DEMO / "www.suara.com" / "sitemap.xml").read_text(), type="xml")
    xml.remove_namespaces()
    locs = xml.xpath("//sitemap/loc/text()").getall()
    assert locs == [f"https://www.suara.com/{s}/sitemap-news.xml" for s in site().sections]


def test_every_article_is_in_the_index_pages() -> None:
    listed: list[tuple[str, str]] = []
    url, visited = "https://www.suara.com/indeks?page=1", []
    while url:
        visited.append(url)
        sel = page(url)
        items = sel.css(".list-indeks .item")
        listed += [(i.css("a.title::attr(href)").get(), i.css("span.date::text").get()) for i in items]
        assert len(items) <= demo_site.INDEX_PAGE_SIZE
        nxt = sel.css(".pagination a.next::attr(href)").get()
        url = urljoin(url, nxt) if nxt else ""
    urls = [u for u, _ in listed]
    assert set(urls) == article_urls() and len(urls) == len(set(urls))
    published = [json_ld(page(u))["datePublished"] for u in urls]
    assert published == sorted(published, reverse=True), "index pages run newest first"
    for u, date in listed:
        assert date == page(u).css(".article-image span::text").get()
    # one page past the last one exists and is empty; /indeks is page 1
    past = f"https://www.suara.com/indeks?page={len(visited) + 1}"
    assert page(past).css(".list-indeks") and not page(past).css(".list-indeks .item")
    assert not page(past).css(".pagination a.next")
    assert not file_of(f"https://www.suara.com/indeks?page={len(visited) + 2}").exists()
    assert file_of("https://www.suara.com/indeks").read_bytes() == file_of(visited[0]).read_bytes()


# --- links ------------------------------------------------------------------------------------------------


def test_every_list_link_points_at_a_demo_page() -> None:
    checked = 0
    for file in html_files():
        base = url_of(file)
        sel = page(base)
        for href in sel.css(", ".join(s + "::attr(href)" for s in LIST_SELECTORS)).getall():
            target = urljoin(base, href)
            assert urlsplit(target).netloc in HOSTS, (base, href)
            assert file_of(target).is_file(), (base, href)
            checked += 1
    assert checked > 1000


def test_related_lists_hold_3_to_5_articles_of_the_same_section() -> None:
    for file in article_files():
        url = url_of(file)
        related = page(url).css(".related-news li a::attr(href)").getall()
        assert 3 <= len(related) <= 5, url
        own = ARTICLE_URL.match(url.split("?")[0])
        assert url.split("?")[0] not in related
        for other in related:
            match = ARTICLE_URL.match(other)
            assert (match["host"], match["section"]) == (own["host"], own["section"]), (url, other)


def _side_lists(sel: Selector) -> dict[str, list[str]]:
    """Site-wide lists found by their heading label, whatever the markup."""
    found = {}
    for label, name in (("terpopuler", "popular"), ("pilihan", "editors_picks"), ("terkini", "latest")):
        heading = sel.xpath(
            "//aside//*[not(self::a) and not(self::li)][translate(normalize-space(text()), "
            "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = $label or "
            "translate(normalize-space(text()), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
            " = concat('berita ', $label)]", label=label)
        assert len(heading) == 1, label
        box = heading.xpath("ancestor-or-self::div[parent::aside]")
        found[name] = box.css("li a::attr(href)").getall()
    return found


def test_site_wide_lists_are_the_same_on_every_page_but_markup_varies() -> None:
    pages = [url_of(p) for p in article_files()] + ["https://www.suara.com/", "https://jakarta.suara.com/"]
    lists = {url: _side_lists(page(url)) for url in pages}
    assert len({json.dumps(v, sort_keys=True) for v in lists.values()}) == 1
    first = next(iter(lists.values()))
    assert len(first["popular"]) == 5 and len(first["editors_picks"]) == 5 and len(first["latest"]) == 10
    newest = sorted(article_urls(), key=lambda u: json_ld(page(u))["datePublished"], reverse=True)
    assert first["latest"] == newest[:10]
    total = len(pages) - 2
    boxed = sum(bool(page(u).css('aside div.box > p.title:contains("TERPOPULER")')) for u in pages)
    span_head = sum(bool(page(u).css('aside span.widget-head:contains("Pilihan")')) for u in pages)
    berita_terkini = sum(bool(page(u).css('aside h2:contains("Berita Terkini")')) for u in pages)
    assert total / 4 <= boxed <= total / 2 and total / 4 <= span_head <= total / 2
    assert berita_terkini >= 5


# --- article pages ----------------------------------------------------------------------------------------


def test_article_pages_follow_the_seed_template() -> None:
    for file in article_files():
        url = url_of(file)
        canonical = url.split("?")[0]
        sel = page(url)
        ld = json_ld(sel)
        assert sel.css('link[rel="canonical"]::attr(href)').get() == canonical
        assert sel.css('meta[property="og:url"]::attr(content)').get() == canonical
        assert sel.css('meta[name="description"]::attr(content)').get() == ld["description"]
        assert sel.css('meta[name="keywords"]::attr(content)').get()
        assert sel.css('meta[property="og:image"]::attr(content)').get() == ld["image"]["url"]
        assert ld["@type"] == "NewsArticle" and ld["mainEntityOfPage"]["@id"] == canonical
        assert ld["headline"] == sel.css(".article-image h1::text").get()
        assert sel.css("title::text").get() == f"{ld['headline']} - Suara.com"
        assert [a["name"] for a in ld["author"]] == sel.css("h3.author-trigger a::text").getall()
        assert all(a["@type"] == "Person" for a in ld["author"])
        assert sel.css(".breadcrumb a")
        assert re.search(r"\[[^\]]+\]$", sel.css("figure figcaption::text").get())
        assert sel.css("#div-ad-inarticle::text").get() == "ADVERTISEMENT"
        tags = sel.css(".article-tags a::text").getall()
        assert tags and all(t.startswith("# ") for t in tags)
        assert sel.css('.related-news h2::text').get() == "Berita Terkait"
        assert sel.css("article.article-content > p")
        if "?" not in url:
            assert sel.css("article.article-content > p:first-child > strong::text").get() == "Suara.com - "
            assert sel.css(".ten-second li")
            assert sel.css(".article-read li a")
            assert sel.css(".article-read p::text").get() == "Baca Juga"


def test_dates_agree_and_are_in_the_past() -> None:
    for url in article_urls():
        sel = page(url)
        ld = json_ld(sel)
        published = datetime.fromisoformat(ld["datePublished"])
        modified = datetime.fromisoformat(ld["dateModified"])
        assert ld["datePublished"].endswith("+07:00") and ld["dateModified"].endswith("+07:00")
        assert FIRST_DAY <= published <= modified <= LAST_DAY_END, url
        m = ARTICLE_URL.match(url)
        hms = m["hms"]
        assert ld["datePublished"] == f"{m['y']}-{m['m']}-{m['d']}T{hms[:2]}:{hms[2:4]}:{hms[4:]}+07:00"
        assert data_layer(sel)["articleDate"] == published.strftime("%Y-%m-%d %H:%M:%S")
        line = sel.css(".article-image span::text").get()
        day = demo_site.DAYS[published.weekday()]
        month = demo_site.MONTHS[published.month - 1]
        assert line == f"{day}, {published:%d} {month} {published:%Y} | {published:%H:%M} WIB", url
    seed_date = datetime(2025, 3, 6, 8, 5, tzinfo=WIB)
    assert demo_site.indonesian_date(seed_date) == "Kamis, 06 Maret 2025 | 08:05 WIB"


def test_section_in_data_layer() -> None:
    for url in article_urls():
        m = ARTICLE_URL.match(url)
        expected = "jakarta" if m["host"] == "jakarta" else m["section"]
        assert data_layer(page(url))["articleCategory"] == expected


def test_multi_page_articles() -> None:
    multi = [u for u in article_urls() if file_of(u).with_name("index__page=2.html").exists()]
    assert len(multi) >= 2
    for url in multi:
        pages = sorted(file_of(url).parent.glob("index*.html"))
        total = len(pages)
        assert data_layer(page(url))["articleTotalPages"] == str(total)
        seen: set[str] = set()
        for n in range(1, total + 1):
            page_url = url if n == 1 else f"{url}?page={n}"
            sel = page(page_url)
            assert sel.css('link[rel="canonical"]::attr(href)').get() == url
            pager = [urljoin(page_url, h) for h in sel.css(".pagination-custom a::attr(href)").getall()]
            assert pager == [url] + [f"{url}?page={k}" for k in range(2, total + 1)]
            paragraphs = set(sel.css("article.article-content > p").getall())
            assert paragraphs and not (paragraphs & seen), "each page has its own paragraphs"
            seen |= paragraphs
    single = next(u for u in article_urls() if u not in multi)
    assert not page(single).css(".pagination-custom")
    assert data_layer(page(single))["articleTotalPages"] == "1"


def test_body_boilerplate_appears_on_some_pages() -> None:
    counts = Counter()
    for file in article_files():
        sel = page(url_of(file))
        paragraphs = sel.css("article.article-content > p")
        texts = ["".join(p.css("::text").getall()) for p in paragraphs]
        pairs = zip(texts, paragraphs, strict=True)
        counts["inline"] += any(t.startswith("Baca Juga: ") and p.css("a") for t, p in pairs)
        counts["scroll"] += "SCROLL TO CONTINUE WITH CONTENT" in texts
        counts["desk"] += bool(re.search(r" \([a-z]{2,4}/[a-z]{2,4}\)$", texts[-1]))
    assert counts["inline"] >= 3 and counts["scroll"] >= 3 and counts["desk"] >= 3
    assert all(v < len(article_files()) / 3 for v in counts.values())


def test_regional_pages_use_the_same_template() -> None:
    for url in article_urls():
        if "jakarta." in url:
            sel = page(url)
            assert sel.css("article.article-content > p:first-child > strong::text").get() == "Suara.com - "
            assert sel.css(".related-news li a") and sel.css("aside li a")


# --- ground truth -----------------------------------------------------------------------------------------


def test_manifest_matches_the_pages() -> None:
    manifest = json.loads((DEMO / "manifest.json").read_text("utf-8"))
    entries = {a["url"]: a for a in manifest["articles"]}
    assert set(entries) == article_urls()
    first_page = page(next(iter(sorted(entries))))
    assert manifest["site_lists"] == {
        name: [{"title": t, "url": u} for t, u in zip(*lists, strict=True)]
        for name, lists in _side_list_titles(first_page).items()
    }
    for url, entry in entries.items():
        sel = page(url)
        ld = json_ld(sel)
        assert entry["title"] == ld["headline"] and entry["published_at"] == ld["datePublished"]
        assert entry["authors"] == [a["name"] for a in ld["author"]]
        assert entry["published_at_raw"] == sel.css(".article-image span::text").get()
        assert entry["pages"] == len(list(file_of(url).parent.glob("index*.html")))
        body = entry["body"].split("\n\n")
        html_text = "".join(
            "".join(page(url if n == 1 else f"{url}?page={n}").css("article.article-content ::text").getall())
            for n in range(1, entry["pages"] + 1)
        )
        assert all(p in html_text for p in body)
        assert "Baca Juga" not in entry["body"] and "SCROLL TO" not in entry["body"]
        assert not re.search(r"\([a-z]{2,4}/[a-z]{2,4}\)$", entry["body"])
        assert [e["url"] for e in entry["link_lists"]["related"]] == sel.css(
            ".related-news li a::attr(href)").getall()


def _side_list_titles(sel: Selector) -> dict[str, tuple[list[str], list[str]]]:
    urls = _side_lists(sel)
    titles = {u: t for u, t in zip(sel.css("aside li a::attr(href)").getall(),
                                   sel.css("aside li a::text").getall(), strict=True)}
    return {name: ([titles[u] for u in found], found) for name, found in urls.items()}


@pytest.mark.parametrize(("text", "expected"), [
    ("Harga naik Rp1.200 per kilogram. Lalu turun.", "Harga naik Rp1.200 per kilogram."),
    ("Skor 2-1 pada Kamis (3/9). “Bagus,” ujarnya.", "Skor 2-1 pada Kamis (3/9)."),
    ("Tanpa titik", "Tanpa titik"),
])
def test_first_sentence(text: str, expected: str) -> None:
    assert demo_site.first_sentence(text) == expected
