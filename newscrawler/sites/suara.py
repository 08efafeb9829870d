"""suara.com: www and the regional hosts (jakarta.suara.com/read/...)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile


class SuaraProfile(SiteProfile):
    key = "suara.com"
    name = "Suara.com"
    allowed_hosts = ("suara.com",)
    home_url = "https://www.suara.com/"
    sitemap_urls = ("https://www.suara.com/sitemap.xml",)
    # /rss is reported missing by some sources; the news sitemaps and /indeks cover the same articles.
    rss_urls = ()
    index_urls = ("https://www.suara.com/indeks?page={page}",)
    # www: /{kanal}/YYYY/MM/DD/HHMMSS/slug ; regional: {city}.suara.com/read/YYYY/MM/DD/HHMMSS/slug.
    # yoursay.suara.com uses another template and is left to the generic profile.
    article_url_re = re.compile(
        r"^https?://(?!yoursay\.)(?:[a-z0-9-]+\.)?suara\.com/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/\d{6}/[^/?#]+"
    )

    title_css = ".article-image h1, div.info h1, h1"
    date_css = ".article-image span, .date-article span, .head-writer-date .date"
    author_css = "h3.author-trigger a, .head-writer-date .writer span"
    body_css = "article.article-content, article.detail-content.detail-berita"
    tags_css = ".article-tags a, div.tag-header ul.list-tag li a"
    drop_css = (
        *SiteProfile.drop_css, ".ten-second", "[class*=placeholder_]", ".wrap-pagination", ".pagination-custom",
        ".google-pref",
    )
    read_also_css = (".article-read",)
    place_datelines = False  # every credit reads "Suara.com - "
    page_param = "page"
    pager_css = ".pagination-custom a"

    def section_from_url(self, url: str) -> str | None:
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        host = (parts.hostname or "").lower()
        if segments and segments[0] == "read" and host.count(".") >= 2:
            return host.split(".")[0]  # regional site: the city is the channel
        return segments[0].lower() if segments else None
