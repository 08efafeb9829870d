"""Parsers for discovery documents: sitemaps (index, urlset, Google News), RSS feeds, index pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import feedparser
from lxml import etree
from scrapy.utils.gz import gunzip

from newscrawler.linklists import parse_html
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


def _child_text(el, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(body: bytes) -> tuple[str, list[Listed]]:
    """('index', child sitemaps) or ('urlset', article URLs); ('invalid', []) for anything else."""
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body, max_size=_MAX_SITEMAP_BYTES)
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
                published=_child_text(el, "publication_date"),
                lastmod=_child_text(el, "lastmod"),
                title=_child_text(el, "title"),
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


def parse_index_page(html: bytes | str, base_url: str, is_article) -> Iterator[Listed]:
    """Article links on a listing page, in page order, each once."""
    root = parse_html(html)
    seen: set[str] = set()
    for a in root.iter("a"):
        url = absolute_url(a.get("href", ""), base_url)
        if not url or not is_article(url):
            continue
        url = canonical_url(url)
        if url in seen:
            continue
        seen.add(url)
        yield Listed(url=url, title=" ".join(a.text_content().split()) or None)
