"""liputan6.com: www.liputan6.com/{channel}/read/{id}/slug, and the channel subdomains used until about 2017
(news.liputan6.com/read/{id}/slug, bisnis., bola., showbiz., health., tekno., citizen6.)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

_MAIN_HOSTS = ("www", "m", "feed")


class Liputan6Profile(SiteProfile):
    key = "liputan6.com"
    name = "Liputan6.com"
    allowed_hosts = ("liputan6.com",)
    home_url = "https://www.liputan6.com/"
    sitemap_urls = ("https://www.liputan6.com/sitemap.xml",)
    rss_urls = (
        "https://feed.liputan6.com/rss",
        "https://www.liputan6.com/news/feed/rss",
        "https://www.liputan6.com/bisnis/feed/rss",
    )
    # /indeks is filled by JavaScript: the sitemaps, the feeds and the front page are the listings.
    index_urls = ()
    index_link_css = ".articles--iridescent-list--text-item__title a, .articles--rows--item__title a"
    # Video-only stories carry a "video-" slug; /photo/ is a gallery of captions.
    article_url_re = re.compile(
        r"^https?://(?:[a-z0-9-]+\.)?liputan6\.com/(?!photo/)(?:[a-z0-9-]+/)?read/\d{4,9}/(?!video-)[a-z0-9][^/?#]*"
    )

    title_css = "h1.read-page--header--title, h1.entry-title"
    date_css = "time.read-page--header--author__datetime, .read-page--header--author__datetime"
    author_css = ".read-page--header--author__name, .read-page--header--author__link"
    # Every page of a long story is in the one document (.article-content-body__item-page[data-page]).
    body_css = ".article-content-body, .read-page--content"
    tags_css = ".tags--snippet__name, .tags--snippet__link"
    drop_css = (
        *SiteProfile.drop_css, ".baca-juga-collections", ".baca-juga", ".article-content-body__item-media",
        ".article-content-body__item-title", ".advertisement-placeholder", ".promo-video", ".read-page--video",
    )
    read_also_css = (".baca-juga-collections", ".baca-juga")
    extra_list_labels = {"latest": ("Berita Terbaru Lainnya",), "related": ("Artikel Terkait",)}
    # "Liputan6.com, Jakarta - " names the brand every time.
    place_datelines = False
    boilerplate_patterns = (
        r"(?i)^(?:reporter|sumber|penulis)\s*:\s*\S",
        r"(?i)^(?:saksikan|simak|tonton) (?:juga )?video pilihan",
    )

    def section_from_url(self, url: str) -> str | None:
        """The channel: the first path segment (www.liputan6.com/news/read/...), or the old subdomain."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        label = host.split(".")[0] if host.count(".") >= 2 else "www"
        segments = [s for s in parts.path.split("/") if s]
        if label not in _MAIN_HOSTS and segments[:1] == ["read"]:
            return label
        if len(segments) > 1 and segments[1] == "read":
            return segments[0].lower()
        return None
