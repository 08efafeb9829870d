"""tribunnews.com: www (/{section}/YYYY/MM/DD/slug, since 2025 also /{section}/{id}/slug) and the regional
subdomains of the Tribun Network (jateng.tribunnews.com/YYYY/MM/DD/slug, m.tribunnews.com for mobile)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

# First path segments that are listings, people or media pages, never an article.
_NOT_ARTICLES = ("tag", "topic", "video", "foto", "images", "webstories", "index-news", "penulis", "editor",
                 "search", "epaper", "populer", "terkini")
# Hosts that are the main site itself rather than a regional desk.
_MAIN_HOSTS = ("www", "m", "amp")
# Regional desks with their own sitemap index (sitemap_news.xml, sitemap_web.xml); unknown ones answer 404.
_DESKS = ("jakarta", "jabar", "jateng", "jatim", "jogja", "solo", "bali", "makassar", "medan", "pekanbaru",
          "palembang", "lampung", "bangka", "batam", "jambi", "pontianak", "banjarmasin", "kaltim", "kaltara",
          "manado", "kupang")


class TribunnewsProfile(SiteProfile):
    key = "tribunnews.com"
    name = "Tribunnews.com"
    allowed_hosts = ("tribunnews.com",)
    home_url = "https://www.tribunnews.com/"
    # An index of per-section {section}/sitemap-news.xml (Google News, +07:00) and -web.xml files.
    sitemap_urls = (
        "https://www.tribunnews.com/sitemap.xml",
        *(f"https://{desk}.tribunnews.com/sitemap.xml" for desk in _DESKS),
    )
    # /rss answers, but every item links to the front page: useless for discovery.
    rss_urls = ()
    # Per day, 20 a page; pages beyond 10 repeat page 10 (the walk stops at a page with nothing new).
    index_urls = ("https://www.tribunnews.com/index-news?date={date:%Y-%m-%d}&page={page}",)
    index_page_size = 20
    index_link_css = "ul.lsi li h3 a"
    article_url_re = re.compile(
        rf"^https?://(?!video\.)(?:[a-z0-9-]+\.)?tribunnews\.com/(?!(?:{'|'.join(_NOT_ARTICLES)})/)"
        r"(?:[a-z0-9-]+/)?(?:(?:19|20)\d{2}/\d{2}/\d{2}|\d{5,9})/[a-z0-9][a-z0-9-]*/?(?:[?#]|$)"
    )

    title_css = "h1#arttitle, h1.f50, #article h1"
    # The date line sits after "Tayang:"; older pages put the printed line in time[datetime] too.
    date_css = "#article time, time.grey, .grey time"
    author_css = "#penulis a, #penulis"
    body_css = "div.side-article.txt-article"
    tags_css = ".tagcloud3 a, .tag-list a"
    drop_css = (
        *SiteProfile.drop_css, "p.baca", "blockquote.summary-article", ".ads-placeholder", ".paging", ".ads",
        "#editor",
    )
    read_also_css = ("p.baca",)
    extra_list_labels = {"popular": ("Populer Hari Ini",), "related": ("Berita Terkait",)}
    # Credits name the brand: "TRIBUNNEWS.COM, JAKARTA - ", "TRIBUNJATENG.COM, SEMARANG - ".
    place_datelines = False
    boilerplate_patterns = (
        r"(?i)^artikel ini telah tayang di",
        r"(?i)^(?:simak|ikuti) (?:berita|kami)\b.*google news",
        r"^\((?:Tribunnews|Tribun\w*)\.com/[^()]+\)$",  # the closing "(Tribunnews.com/Reporter Name)"
    )
    page_param = "page"
    single_page_query = {"page": "all"}
    pager_css = ".paging a"

    def section_from_url(self, url: str) -> str | None:
        """www/m: the first path segment (nasional, regional, ...); a regional desk: its subdomain (jateng)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        label = host.split(".")[0] if host.count(".") >= 2 else "www"
        if label not in _MAIN_HOSTS:
            return label
        segments = [s for s in parts.path.split("/") if s]
        return segments[0].lower() if len(segments) > 1 else None
