"""Parsers for discovery documents: sitemaps (index, urlset, Google News), RSS feeds, index pages."""

from __future__ import annotations

from dataclasses import dataclass

import feedparser
from lxml import etree
from scrapy.utils.gz import gunzip

from newscrawler.extract.linklists import parse_html
from newscrawler.urls import absolute_url, canonical_url

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


def parse_feed(body: bytes) -> list[Listed]:
    feed = feedparser.parse(body)
    return [
        Listed(url=e.get("link"), published=e.get("published") or e.get("updated"), title=e.get("title"))
        for e in feed.entries
        if e.get("link")
    ]


def parse_index_page(html: bytes | str, base_url: str, is_article) -> list[Listed]:
    """Article links on a listing page, in page order, each once, titled by the first link with text
    (the thumbnail link usually comes before the headline link)."""
    try:
        root = parse_html(html)
    except (etree.ParserError, ValueError):
        return []
    return links_on_page(root, base_url, is_article)


def links_on_page(root, base_url: str, is_article) -> list[Listed]:
    """parse_index_page for a document that is already parsed."""
    titles: dict[str, str | None] = {}
    for a in root.iter("a"):
        url = absolute_url(a.get("href", ""), base_url)
        if not url or not is_article(url):
            continue
        url = canonical_url(url)
        if not titles.get(url):
            titles[url] = " ".join(a.text_content().split()) or titles.get(url)
    return [Listed(url=url, title=title) for url, title in titles.items()]
