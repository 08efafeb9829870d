"""okezone.com: every channel is a subdomain (news, economy, bola, celebrity, ...), one template for all."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

# Hosts that are services, not channels: the index, search, images, author pages, the syndication feed.
_SERVICE_HOSTS = frozenset({"www", "m", "index", "search", "img", "cdn", "redaksi", "sindikasi", "mpi"})


class OkezoneProfile(SiteProfile):
    key = "okezone.com"
    name = "Okezone"
    # news., economy., bola., celebrity., women., sports., ototekno., muslim., edukasi., ... ; mpi.okezone.com
    # republishes sister brands under /article/... and never matches the article pattern below.
    allowed_hosts = ("okezone.com",)
    home_url = "https://www.okezone.com/"
    # All channels in one feed (channel 0); robots.txt also names /sitemap.xml, whose layout is unconfirmed.
    rss_urls = ("https://sindikasi.okezone.com/index.php/rss/0/RSS2.0",)
    # The all-channel index is per day, 15 headlines a page, paged by offset: /bydate/index/Y/M/D/{0,15,30}/.
    index_urls = ("https://index.okezone.com/bydate/index/{date:%Y/%m/%d}/{offset}/",)
    index_page_size = 15
    index_link_css = "h4.f17 a, .list-berita h4 a, .desc-section a.desc-text"
    # {channel}.okezone.com/read/YYYY/MM/DD/{section id}/{article id}/{slug}, unchanged since 2008.
    article_url_re = re.compile(
        r"^https?://(?:[a-z0-9-]+\.)?okezone\.com/read/(?:19|20)\d{2}/\d{2}/\d{2}/\d+/\d+/[^/?#]+"
    )

    # Current template (2021–): .title-article / .journalist / .c-detail.read; older (–2021): div.title /
    # .reporter .namerep / #contentx.
    title_css = ".title-article h1, div.title h1, h1"
    date_css = ".journalist span, .namerep b"
    author_css = ".journalist a[title], .namerep a"
    body_css = ".c-detail.read, #contentx"
    tags_css = "#tag .box-tag a, .detail-tag ul li a"
    drop_css = (
        *SiteProfile.drop_css, "#baca-juga", "#bacajuga", ".baca-juga", ".vicon", ".box-gnews", ".desc-foto",
        "[style*=page-break-after]", "#paging",
    )
    read_also_css = ("#baca-juga", "#bacajuga", ".baca-juga")
    boilerplate_patterns = (
        # The editor's name alone in brackets closes the current template's articles: "(Khafid Mardiyansyah)".
        r"^\((?:[A-Z][\w.'’-]*\s?){1,5}\)$",
        # Older articles close with the desk code alone: "(kmj)" (the generic rule wants "(abc/def)").
        r"^\([a-z]{2,5}\)$",
        r"(?i)^(?:follow|ikuti) (?:berita okezone|okezone)",
        r"(?i)^telusuri berita .{0,40}lainnya",
    )
    # ?page=all serves every page in one document (the pages are separated by page-break markers).
    page_param = "page"
    single_page_query = {"page": "all"}
    pager_css = "#paging .box-nomor a, .paging a"

    def section_from_url(self, url: str) -> str | None:
        """The channel a reader sees is the subdomain (news.okezone.com -> "news")."""
        host = (urlsplit(url).hostname or "").lower()
        label = host.split(".")[0]
        if host.count(".") >= 2 and label not in _SERVICE_HOSTS:
            return label
        return None
