"""viva.co.id: channels are paths on www since 2017 (/berita/politik/{id}-{slug}); subdomains before that."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

# First path segments that are listings, media players or people, never article text.
_NOT_ARTICLES = ("video", "vtv", "tag", "indeks", "search", "author", "penulis", "topik", "request", "get")


class VivaProfile(SiteProfile):
    key = "viva.co.id"
    name = "VIVA"
    # www.viva.co.id today; {channel}.viva.co.id and {sub}.news.viva.co.id/news/read/... before 2017.
    allowed_hosts = ("viva.co.id",)
    home_url = "https://www.viva.co.id/"
    # The sitemap index (news sitemaps per channel, monthly archives) and the Google News sitemap of the
    # last two days, which the index also lists (fetched once).
    sitemap_urls = ("https://www.viva.co.id/sitemap.xml", "https://www.viva.co.id/sitemap/news/news-sitemap.xml")
    rss_urls = ("https://www.viva.co.id/get/all",)
    # /indeks shows the latest headlines only; older ones load by POST, so it is one page, no paging.
    index_urls = ("https://www.viva.co.id/indeks",)
    index_link_css = "#load-content .article-list-title, ul.indexlist li a"
    # www: /{channel}/[{sub}/]{id}-{slug}; before 2017: {channel}.viva.co.id/news/read/{id}-{slug}.
    article_url_re = re.compile(
        rf"^https?://(?:[a-z0-9-]+\.)*viva\.co\.id/(?!(?:{'|'.join(_NOT_ARTICLES)})/)"
        r"(?:[a-z0-9-]+/){1,2}\d{3,}-[^/?#]+"
    )

    # Current template (2019–): .main-content-*; older (–2019): .leading-title, .date-detail, itemprop body.
    title_css = "h1.main-content-title, .leading-title h1, h1"
    date_css = ".main-content-date, .date-detail"
    author_css = ".main-content-author a, .author-detail a"
    body_css = ".main-content-detail, [itemprop=articleBody]"
    tags_css = ".main-content-tag a, .tag-detail a"
    drop_css = (
        *SiteProfile.drop_css, ".recommended-article", ".widget-other-article", ".main-content-image",
        ".pagination-detail", ".ads",
    )
    read_also_css = (".recommended-article",)
    # "VIVA – ", "VIVA Politik – ", "Jakarta, VIVA – ", and "VIVA.co.id – " / "VIVAnews – " before 2018.
    credit_patterns = (
        r"^(?P<dateline>(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2},\s*)?VIVA(?:\.co\.id|news)?(?:\s+[A-Z][A-Za-z]+){0,2})"
        r"\s*[-–—]+\s*",
    )
    place_datelines = False
    boilerplate_patterns = (r"(?i)^halaman selanjutnya$", r"(?i)^(?:ikuti|follow) (?:berita )?viva")
    # ?page=all ("Tampilkan semua") serves every page in one document.
    page_param = "page"
    single_page_query = {"page": "all"}
    pager_css = ".pagination-detail a, a.pagination-button"

    def section_from_url(self, url: str) -> str | None:
        """The channel: the first path segment on www (berita, bisnis, bola, ...), the host label before
        viva.co.id on the pre-2017 hosts (bola.viva.co.id/news/read/... -> "bola")."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        segments = [s.lower() for s in parts.path.split("/") if s]
        labels = host.split(".")
        if len(labels) > 3 and labels[-4] not in ("www", "m"):
            return labels[-4]
        return segments[0] if len(segments) > 1 else None
