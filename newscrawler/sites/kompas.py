"""kompas.com: channel subdomains (nasional.kompas.com/read/...) and www channels (www.kompas.com/tren/read/...)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

# Channel hosts that are services, not news channels: their pages are never articles.
_SERVICE_HOSTS = ("indeks", "video", "vik", "search", "rss", "jeo", "account", "amp")


class KompasProfile(SiteProfile):
    key = "kompas.com"
    name = "Kompas.com"
    # Every channel is a subdomain (nasional, regional, megapolitan, money, tekno, bola, ...).
    allowed_hosts = ("kompas.com",)
    home_url = "https://www.kompas.com/"
    sitemap_urls = ("https://www.kompas.com/sitemap.xml",)
    # rss.kompas.com asks for an API key; the sitemaps and the per-day index cover the same articles.
    rss_urls = ()
    # The index is per day (all channels), about 15 items a page.
    index_urls = ("https://indeks.kompas.com/?site=all&date={date:%Y-%m-%d}&page={page}",)
    index_page_size = 15
    index_link_css = ".articleItem a.article-link, .article__list .article__link"
    # {channel}.kompas.com/read/YYYY/MM/DD/{8-9 digits, HHMMSS first}/slug, and the www channels
    # www.kompas.com/{tren,global,sains,hype,skola,...}/read/... ; the same shape since 2008.
    article_url_re = re.compile(
        rf"^https?://(?!(?:{'|'.join(_SERVICE_HOSTS)})\.)(?:[a-z0-9-]+\.)?kompas\.com/"
        r"(?:[a-z0-9-]+/)?read/(?:19|20)\d{2}/\d{2}/\d{2}/\d{8,9}/[^/?#]+"
    )

    title_css = "h1.read__title, .read__header h1"
    date_css = ".read__time, .read__header .date"
    # Current credit box first (writer only, the editor has its own id), then the 2017-2021 byline.
    author_css = "#penulis .credit-title-name, #penulis a, .read__author a, .read__author"
    body_css = ".read__content, .read__article .read__content, .kcm-read-text"
    tags_css = ".tag__article__link, .tag__article__item a, .read__tagging a"
    drop_css = (
        *SiteProfile.drop_css, ".kompasidRec", ".read__paging", ".paging", ".ads-on-body", ".inner-link-baca-juga",
    )
    extra_list_labels = {
        "editors_picks": ("Pilihan Untukmu", "Pilihan Untuk Anda"),
        "latest": ("Terkini Lainnya",),
        "related": ("Berita Terkait Lainnya",),
    }
    # Credits always name the brand: "JAKARTA, KOMPAS.com - ", "KOMPAS.com - ".
    place_datelines = False
    boilerplate_patterns = (
        r"(?i)^(?:simak|dapatkan) (?:breaking news|update berita)",
        r"(?i)^ikuti kompas\.com di google news",
        r"(?i)^baca berita tanpa iklan",
    )
    page_param = "page"
    single_page_query = {"page": "all"}
    pager_css = ".read__paging a, .paging__link"

    def section_from_url(self, url: str) -> str | None:
        """The channel a reader sees: the subdomain (nasional.kompas.com), or the path on www (/tren/read/...)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        segments = [s for s in parts.path.split("/") if s]
        label = host.split(".")[0] if host.count(".") >= 2 else "www"
        if label != "www":
            return label
        if len(segments) > 1 and segments[1] == "read":
            return segments[0].lower()
        return None
