"""sindonews.com: every channel is a subdomain (nasional, ekbis, international, daerah, sports, ...)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from newscrawler.sites.base import SiteProfile
from newscrawler.urls import canonical_url

# Hosts that are not news channels: the home/index host, assets, images, and separate products.
_NOT_CHANNELS = frozenset({"www", "m", "index", "e", "pict", "hi-lite", "scope", "media"})
# Page 2+ of an article is its URL plus an offset segment (/read/{id}/{sub}/{slug}/5): the same article.
_PAGE_SEGMENT = re.compile(r"^(/read/\d+/\d+/[^/]+)/\d+/?$")


class SindonewsProfile(SiteProfile):
    key = "sindonews.com"
    name = "SINDOnews"
    allowed_hosts = ("sindonews.com",)
    home_url = "https://www.sindonews.com/"
    rss_urls = ("https://www.sindonews.com/feed",)
    # All channels (cid 0) in one per-day index, 20 headlines a page, paged by offset; the date is ?t=.
    # (Before 2021 the same list lived at index.sindonews.com/index/0/{offset}?t=..., now redirected.)
    index_urls = ("https://www.sindonews.com/indeks/0/{offset}?t={date:%Y-%m-%d}",)
    index_page_size = 20
    index_link_css = ".title-article a, .indeks-title a"
    # {channel}.sindonews.com/read/{id}/{sub id}/{slug}-{epoch}, the same shape since 2012; hi-lite.
    # is an interactive product with /read/ paths of its own.
    article_url_re = re.compile(
        r"^https?://(?!(?:hi-lite|scope|media|pict|e)\.)(?:[a-z0-9-]+\.)?sindonews\.com/read/\d+/\d+/[^/?#]+"
    )

    # Current template (2021–): h1.detail-title, .detail-date-artikel, #detail-desc; older (–2021):
    # .article h1, .article .reporter, #content.
    title_css = "h1.detail-title, .article h1, h1"
    date_css = ".detail-date-artikel, .article .reporter time"
    author_css = ".detail-nama-redaksi a, .article .reporter p a"
    # The text is a run of <br>-separated lines, not <p>s: the extractor splits it on the breaks.
    body_css = "#detail-desc, .detail-desc, .article #content, .article [itemprop=articleBody]"
    tags_css = ".detail-tag a, .article-tags a"
    drop_css = (
        *SiteProfile.drop_css, ".editor", "[class^=v-]", ".detail-img", ".article-img", ".caption",
        ".ads300",
    )
    boilerplate_patterns = (
        # The desk code on its own last line in the older template (now in a .editor box): "(nag)".
        r"^\([a-z]{2,5}\)$",
        r"(?i)^(?:ikuti|follow) (?:berita )?sindonews",
    )
    # ?showpage=all serves every page in one document; pages 2+ are /{offset} path segments.
    single_page_query = {"showpage": "all"}

    def canonical(self, url: str) -> str:
        """Page 1's URL for any page of an article: no ?showpage=all, no trailing page-offset segment."""
        parts = urlsplit(canonical_url(url))
        path = _PAGE_SEGMENT.sub(r"\1", parts.path)
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))

    def section_from_url(self, url: str) -> str | None:
        """The channel a reader sees is the subdomain (ekbis.sindonews.com -> "ekbis")."""
        host = (urlsplit(url).hostname or "").lower()
        label = host.split(".")[0]
        if host.count(".") >= 2 and label not in _NOT_CHANNELS:
            return label
        return None
