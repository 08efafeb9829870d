"""SiteProfile: everything newscrawler knows about one portal, as class constants.

A profile is declarative: discovery entry points, what an article URL looks like, CSS hints per field
(tried after JSON-LD and meta tags), boilerplate to drop and how multi-page articles are paged.
The base class is also the generic profile used for sites without one of their own.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urlsplit

from newscrawler.urls import canonical_url, registrable_domain, with_query


class SiteProfile:
    key: ClassVar[str] = ""
    name: ClassVar[str] = ""
    #: Hosts (and their subdomains) the crawler may fetch from.
    allowed_hosts: ClassVar[tuple[str, ...]] = ()
    language: ClassVar[str] = "id"
    home_url: ClassVar[str | None] = None
    sitemap_urls: ClassVar[tuple[str, ...]] = ()
    rss_urls: ClassVar[tuple[str, ...]] = ()
    #: Index (listing) page URL templates, newest first. Placeholders: `{page}` (1, 2, …), `{offset}`
    #: ((page - 1) * index_page_size) and `{date:FMT}` (a strftime format: the index is per day, and a
    #: crawl walks the days of its --since/--until window, newest first).
    index_urls: ClassVar[tuple[str, ...]] = ()
    index_page_size: ClassVar[int] = 20
    #: Links to articles on an index page (a speed-up and a guard against menus); None = every article-URL link.
    index_link_css: ClassVar[str | None] = None
    article_url_re: ClassVar[re.Pattern[str] | None] = None

    # Field hints: CSS selectors, tried after JSON-LD and meta tags.
    title_css: ClassVar[str] = "h1"
    date_css: ClassVar[str | None] = None
    author_css: ClassVar[str | None] = None
    #: The visible byline (author_css, itemprop, "Rep:/Pewarta:" credits) beats JSON-LD `author`: for sites
    #: whose structured data names the desk editor rather than the reporter (republika.co.id).
    byline_over_jsonld: ClassVar[bool] = False
    body_css: ClassVar[str | None] = None
    paragraph_css: ClassVar[str] = "p"
    tags_css: ClassVar[str | None] = None
    #: Elements removed from the body before paragraphs are read.
    drop_css: ClassVar[tuple[str, ...]] = (
        "script", "style", "noscript", "iframe", "figure", "figcaption", "aside", "form", "button",
        "[id*=div-ad]", "[class*=advert]", "[class*=ads-]",
    )
    #: Containers of inline "Baca Juga" blocks inside the body (speed-up; labels are the real rule).
    read_also_css: ClassVar[tuple[str, ...]] = ()
    #: Extra heading labels per list name, on top of newscrawler.extract.linklists.LIST_LABELS.
    extra_list_labels: ClassVar[dict[str, tuple[str, ...]]] = {}
    #: Extra credit-prefix and boilerplate regexes for the text normaliser.
    credit_patterns: ClassVar[tuple[str, ...]] = ()
    #: Whether a bare place ("Jakarta - ", detik style) counts as a dateline; off where credits name the brand.
    place_datelines: ClassVar[bool] = True
    boilerplate_patterns: ClassVar[tuple[str, ...]] = ()
    #: Multi-page articles: the query parameter and the pager links.
    page_param: ClassVar[str | None] = None
    #: Query that makes the site serve every page of an article in one document (`{"page": "all"}`,
    #: `{"single": "1"}`, `{"showpage": "all"}`): article requests carry it; canonical URLs never do.
    single_page_query: ClassVar[dict[str, str]] = {}
    pager_css: ClassVar[str | None] = None
    max_pages: ClassVar[int] = 20

    @classmethod
    def spider_name(cls) -> str:
        """`scrapy crawl NAME`: the key's first label (`detik` for detik.com); also accepted as a site alias."""
        return cls.key.split(".")[0] if cls.key else "generic"

    def site_key(self, url: str) -> str:
        return self.key or registrable_domain(urlsplit(url).hostname or "")

    def site_names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.key) if n)

    def is_article_url(self, url: str) -> bool:
        if self.article_url_re is None:
            return True
        return bool(self.article_url_re.search(url))

    def canonical(self, url: str) -> str:
        return canonical_url(url)

    def section_from_url(self, url: str) -> str | None:
        segments = [s for s in urlsplit(url).path.split("/") if s]
        return segments[0].lower() if len(segments) > 1 else None

    def page_url(self, url: str, page: int) -> str:
        """URL of page `page` (2..n) of a multi-page article."""
        return with_query(self.canonical(url), **{self.page_param or "page": page})

    def describe(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "hosts": list(self.allowed_hosts),
            "sitemaps": list(self.sitemap_urls),
            "index_pages": list(self.index_urls),
            "rss": list(self.rss_urls),
        }


class GenericProfile(SiteProfile):
    """Any news site: JSON-LD/OpenGraph/meta, the densest block of paragraphs, heading-labelled lists."""

    language = ""
