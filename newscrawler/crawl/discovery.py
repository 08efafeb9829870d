"""Parsers for discovery documents: sitemaps (index, urlset, Google News), RSS feeds, index pages, robots.txt;
index-URL templates; and the article/section URL heuristics of the generic crawl."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import feedparser
from lxml import etree
from protego import Protego
from scrapy.utils.gz import gunzip

from newscrawler.extract.html import parse_html
from newscrawler.urls import absolute_url, canonical_url, hostname, registrable_domain

_XML_PARSER = etree.XMLParser(resolve_entities=False, recover=True, no_network=True, huge_tree=False)
_MAX_SITEMAP_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Listed:
    """One article URL as announced by a discovery document."""

    url: str
    published: str | None = None  # news:publication_date / pubDate / the index page's date line
    lastmod: str | None = None
    title: str | None = None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def _child_text(el, name: str, namespaces: tuple[str | None, ...] = (_SITEMAP_NS, None)) -> str | None:
    """Text of a direct child `name` in the sitemap namespace (or none); image:/video: children never count."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        qname = etree.QName(child.tag)
        if qname.localname == name and qname.namespace in namespaces and child.text and child.text.strip():
            return child.text.strip()
    return None


def _news_text(el, name: str) -> str | None:
    """`news:publication_date` / `news:title` inside `news:news` (Google News sitemaps)."""
    for child in el:
        if isinstance(child.tag, str) and etree.QName(child.tag).localname == "news":
            for holder in (child, *child):
                found = _child_text(holder, name, (_NEWS_NS, None)) if isinstance(holder.tag, str) else None
                if found:
                    return found
    return None


def parse_sitemap(body: bytes) -> tuple[str, list[Listed]]:
    """('index', child sitemaps) or ('urlset', article URLs); ('invalid', []) for anything else."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=_MAX_SITEMAP_BYTES)
        except (OSError, EOFError, ValueError):  # corrupt, truncated or too large once unpacked
            return "invalid", []
    try:
        root = etree.fromstring(body, parser=_XML_PARSER)
    except etree.XMLSyntaxError:
        return "invalid", []
    if root is None:
        return "invalid", []
    kind = _local(root.tag)
    entry_tag = {"sitemapindex": "sitemap", "urlset": "url"}.get(kind)
    if entry_tag is None:
        return "invalid", []
    entries = []
    for el in root:
        if _local(el.tag) != entry_tag:
            continue
        loc = _child_text(el, "loc")
        if not loc:
            continue
        entries.append(
            Listed(
                url=loc,
                published=_news_text(el, "publication_date"),
                lastmod=_child_text(el, "lastmod"),
                title=_news_text(el, "title"),
            )
        )
    return ("index" if kind == "sitemapindex" else "urlset"), entries


#: Child sitemaps that list tags, categories, authors or static pages (Yoast `category-sitemap.xml`,
#: `sitemap-tags.xml`): never an article in them, so a sitemap index's walk leaves them out.
_LISTING_SITEMAP = re.compile(
    r"(?:^|/)(?:(?:post_)?tags?|categor(?:y|ies)|kategori|authors?|page|attachment)[-_]sitemap\d*\.xml"
    r"|(?:^|/)sitemap[-_](?:tags?|categor(?:y|ies)|kategori|authors?|pages)(?:[-_]\d+)?\.xml",
    re.I,
)


def listing_sitemap(url: str) -> bool:
    """True for a child sitemap of tags, categories, authors or static pages."""
    return bool(_LISTING_SITEMAP.search(urlsplit(url).path))


def parse_feed(body: bytes) -> list[Listed]:
    feed = feedparser.parse(body)
    return [
        Listed(url=e.get("link"), published=e.get("published") or e.get("updated"), title=e.get("title"))
        for e in feed.entries
        if e.get("link")
    ]


def parse_index_page(html: bytes | str, base_url: str, is_article, link_css: str | None = None) -> list[Listed]:
    """Article links on a listing page, in page order, each once, titled by the first link with text
    (the thumbnail link usually comes before the headline link). `link_css` (a profile's index_link_css)
    limits them to the links it selects, or to the links inside the elements it selects."""
    try:
        root = parse_html(html)
    except (etree.ParserError, ValueError):
        return []
    return links_on_page(root, base_url, is_article, link_css)


def _anchors(root, link_css: str | None):
    if not link_css:
        yield from root.iter("a")
        return
    for el in root.cssselect(link_css):
        yield from ([el] if el.tag == "a" else el.iter("a"))


def links_on_page(root, base_url: str, is_article, link_css: str | None = None) -> list[Listed]:
    """parse_index_page for a document that is already parsed. An entry whose item carries a machine-readable
    time (`<time datetime>`, detik's `d-time` epoch) has it as `published`, so the window is applied before
    the article is fetched even when its URL has no date."""
    titles: dict[str, str | None] = {}
    anchors: dict[str, list] = {}
    for a in _anchors(root, link_css):
        url = absolute_url(a.get("href", ""), base_url)
        if not url or not is_article(url):
            continue
        url = canonical_url(url)
        anchors.setdefault(url, []).append(a)
        if not titles.get(url):
            titles[url] = " ".join(a.text_content().split()) or titles.get(url)
    owner = {id(a): url for url, found in anchors.items() for a in found}
    return [
        Listed(url=url, title=title, published=_item_time(anchors[url], owner))
        for url, title in titles.items()
    ]


_ITEM_LEVELS = 4  # how far up from a link its list item may reach (li > div > h2 > a)


def _item_time(anchors: list, owner: dict[int, str]) -> str | None:
    """The time inside the smallest element around one of the entry's links that holds no other entry."""
    for a in anchors:
        el = a
        for _ in range(_ITEM_LEVELS + 1):
            found = _machine_time(el)
            if found:
                return found
            parent = el.getparent()
            if parent is None or any(owner.get(id(x), owner[id(a)]) != owner[id(a)] for x in parent.iter("a")):
                break
            el = parent
    return None


def _machine_time(el) -> str | None:
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        epoch = (node.get("d-time") or node.get("data-timestamp") or "").strip()
        if epoch.isdigit() and len(epoch) in (10, 13):
            return datetime.fromtimestamp(int(epoch[:10]), UTC).isoformat()
        if node.tag == "time" and (node.get("datetime") or "").strip():
            return node.get("datetime").strip()
    return None


# -- index page templates ---------------------------------------------------------------------------------

_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class IndexTemplate:
    """One of a profile's index_urls: `{page}` (1, 2, …), `{offset}` ((page - 1) * page_size) and
    `{date:STRFTIME}` (a per-day index) are its placeholders."""

    template: str
    page_size: int = 20

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(name for _, name, _, _ in _FORMATTER.parse(self.template) if name)

    @property
    def dated(self) -> bool:
        return "date" in self.fields

    @property
    def paged(self) -> bool:
        """False for a single listing page (`/terkini`): there is no page 2 to ask for."""
        return bool(self.fields & {"page", "offset"})

    def url(self, page: int = 1, day: date | None = None) -> str:
        if self.dated and day is None:
            raise ValueError(f"{self.template} is a per-day index: a day is needed")
        # str.format hands `{date:%d/%m/%Y}`'s spec to date.__format__, i.e. strftime.
        return self.template.format(page=page, offset=(page - 1) * self.page_size, date=day)


# -- robots.txt and feeds announced by a page -----------------------------------------------------------


def robots_sitemaps(body: bytes | str, base_url: str) -> list[str]:
    """The `Sitemap:` lines of a robots.txt, as absolute http(s) URLs, each once."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    found: list[str] = []
    for href in Protego.parse(text).sitemaps:
        url = absolute_url(href, base_url)
        if url and url not in found:
            found.append(url)
    return found


_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+xml", "application/xml",
                         "text/xml"})


def feed_links(root, base_url: str) -> list[str]:
    """Feeds a page announces with `<link rel="alternate" type="application/rss+xml" href=…>` (or Atom)."""
    found: list[str] = []
    for link in root.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" not in rels or kind not in _FEED_TYPES:
            continue
        url = absolute_url(link.get("href", ""), base_url)
        if url and url not in found:
            found.append(url)
    return found


# -- what an article URL looks like on a site nobody wrote a profile for --------------------------------

#: Path segments of pages that are never articles: listings by tag/author, search, accounts, site furniture.
_NOT_ARTICLE_SEGMENTS = frozenset({
    "tag", "tags", "topic", "topics", "topik", "category", "categories", "kategori", "label", "search", "cari",
    "pencarian", "login", "masuk", "logout", "keluar", "register", "daftar", "signin", "signup", "sign-in",
    "sign-up", "account", "akun", "profile", "profil", "user", "users", "member", "author", "authors", "penulis",
    "static", "assets", "asset", "css", "js", "img", "images", "image", "media", "cdn", "wp-content", "wp-admin",
    "wp-includes", "wp-json", "wp-login.php", "feed", "feeds", "rss", "sitemap", "indeks", "index", "arsip",
    "archive", "archives", "about", "about-us", "tentang", "tentang-kami", "contact", "contact-us", "kontak",
    "hubungi-kami", "redaksi", "privacy", "privacy-policy", "kebijakan-privasi", "pedoman-media-siber",
    "disclaimer", "terms", "syarat-dan-ketentuan", "karir", "career", "careers", "iklan", "advertise",
    "info-iklan", "subscribe", "langganan", "newsletter", "cdn-cgi",
})
#: Section-like segments that still lead to listings, so a link under them is a section page, not an article.
_LISTING_SEGMENTS = frozenset({"category", "categories", "kategori", "kanal", "rubrik", "section", "channel"})
_PAGE_EXTENSIONS = ("", ".html", ".htm", ".php", ".asp", ".aspx", ".shtml")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}$")
_DATE_IN_PATH = re.compile(r"(?:^|/)(?:19|20)\d{2}(?:/|-)?(?:0[1-9]|1[0-2])(?:/|-)?(?:0[1-9]|[12]\d|3[01])(?:/|\d|-|$)")
_LONG_ID = re.compile(r"(?:^|[^a-z0-9])[a-z]{0,2}-?\d{5,}(?:$|[^0-9])")
_ID_QUERY = re.compile(r"(?:^|&)(?:p|id|newsid|artid|article_id|berita_id)=\d{3,}(?:&|$)", re.I)
_SLUG_WORDS = 4  # `menteri-resmikan-jalan-tol` reads as a headline; `olahraga` or `bola-dunia` as a section
_MAX_SECTION_SEGMENTS = 2


def _segments(path: str) -> list[str]:
    return [s for s in path.lower().split("/") if s]


def _page_like(segments: list[str], allowed: frozenset[str] = frozenset()) -> bool:
    """No file extension other than a web page's, and none of the never-an-article segments (but `allowed`)."""
    if any(s in _NOT_ARTICLE_SEGMENTS and s not in allowed for s in segments):
        return False
    last = segments[-1] if segments else ""
    extension = _EXTENSION.search(last)
    return not extension or extension.group(0) in _PAGE_EXTENSIONS


def _is_pagination(segments: list[str]) -> bool:
    """`/page/2`, `/halaman/3`, `/news/3`: a listing's next page, not an article with a numeric id."""
    last = segments[-1]
    before = segments[-2] if len(segments) > 1 else ""
    return before in ("page", "halaman") or (last.isdigit() and len(last) < 5)


def looks_like_article_url(url: str) -> bool:
    """A reasonable guess that `url` is one article: a date in the path, a long numeric id, or a headline-long
    slug; never a tag, category, search, account, static-file or site-information page, never the home page."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    segments = _segments(parts.path)
    if not _page_like(segments) or any(s in _LISTING_SEGMENTS for s in segments[:-1]):
        return False
    if not segments:
        return bool(_ID_QUERY.search(parts.query))  # WordPress ?p=123
    if _is_pagination(segments):
        return False
    path = "/" + "/".join(segments)
    if _DATE_IN_PATH.search(path) and len(segments) >= 2:
        return True
    if _LONG_ID.search(path) or _ID_QUERY.search(parts.query):
        return True
    slug = _EXTENSION.sub("", segments[-1])
    return len([w for w in re.split(r"[-_]+", slug) if w]) >= _SLUG_WORDS


def _site_host(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def looks_like_section_url(url: str, home_url: str) -> bool:
    """A section front linked from the home page (`/politik`, `/news/nasional`, `/category/olahraga/`,
    `bola.example.id/`): same site, short path, no query, not an article and not a never-an-article page."""
    parts = urlsplit(url)
    host, home_host = _site_host(hostname(url)), _site_host(hostname(home_url))
    if parts.scheme not in ("http", "https") or parts.query or not host:
        return False
    if registrable_domain(host) != registrable_domain(home_host):
        return False
    segments = _segments(parts.path)
    if not segments:
        return host != home_host  # a sub-site's front page (bola.example.id); the home page itself is not
    named = [s for s in segments if s not in _LISTING_SEGMENTS]
    if not named or len(named) > _MAX_SECTION_SEGMENTS or _is_pagination(segments):
        return False
    if not _page_like(segments, _LISTING_SEGMENTS) or _EXTENSION.search(segments[-1]):
        return False
    return not looks_like_article_url(url)


def section_links(root, base_url: str, limit: int) -> list[str]:
    """Up to `limit` section pages linked from a home page, in page order (navigation comes first)."""
    found: list[str] = []
    home = canonical_url(base_url)
    for a in root.iter("a"):
        url = absolute_url(a.get("href", ""), base_url)
        if not url or not looks_like_section_url(url, base_url):
            continue
        url = canonical_url(url)
        if url != home and url not in found:
            found.append(url)
            if len(found) >= limit:
                break
    return found
