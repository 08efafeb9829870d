"""antaranews.com: the national desk (www), the regional desks ({region}.antaranews.com) and English (en.)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

_NATIONAL_HOSTS = {"www", "m", "en"}


class AntaranewsProfile(SiteProfile):
    key = "antaranews.com"
    name = "ANTARA News"
    # Regional desks are subdomains today; a few ran on their own domains before 2019 and still redirect.
    allowed_hosts = ("antaranews.com", "antarabali.com", "antarajatim.com", "antarasumbar.com", "antaralampung.com")
    home_url = "https://www.antaranews.com/"
    rss_urls = ("https://www.antaranews.com/rss/terkini.xml",)
    # /terkini pages by path: /terkini/2, /terkini/3 … (page 1 is /terkini or /terkini/1).
    index_urls = ("https://www.antaranews.com/terkini/{page}",)
    index_page_size = 15
    # Teasers title their link with h2.post_title (thumbnails and sidebar lists do not).
    index_link_css = "h2.post_title a"
    # Text articles on every host and year: /berita/{id}/{slug} (en.: /news/{id}/{slug}); /video/, /foto/,
    # /infografik/ pages are media galleries with no article text, tag and section pages have no numeric id.
    article_url_re = re.compile(
        r"^https?://(?:[a-z0-9-]+\.)?(?:antaranews|antara(?:bali|jatim|sumbar|lampung))\.com"
        r"/(?:amp/)?(?:berita|news)/\d{3,}/[^/?#]+"
    )

    # Current template (2020–): .wrap__article-detail-*; older (–2019): .post-header / #content_news.
    title_css = ".wrap__article-detail-title h1, .post-header h1.post-title, h1"
    date_css = ".wrap__article-detail-info .text-secondary, .post-header .article-date, .simple-share .date"
    # JSON-LD names the reporter (the "Pewarta:/Editor:" block also names the editor); older pages link the author.
    author_css = ".post-header a[href*='/author/'], .simple-share a[href*='/author/']"
    body_css = ".wrap__article-detail-content, #content_news, .post-content"
    tags_css = ".tags-wrapper a, .post-tags a"
    drop_css = (
        *SiteProfile.drop_css, "p.text-muted", ".text-muted.small", ".quote-detail", ".wrap__article-detail-image",
        ".adsbygoogle", ".bottom-share", ".pagination",
    )
    read_also_css = (".baca-juga",)
    # The English desk's inline box reads "Related news:" — its "Baca juga", not a block of related articles.
    extra_list_labels = {"read_also": ("Related news",)}
    # "Makassar (ANTARA) - ", "Jakarta (ANTARA News) - ", "Denpasar (Antara Bali) - ".
    credit_patterns = (r"^(?P<dateline>[A-Z][\w .'’-]{1,40}?\s*\((?:ANTARA|Antara)[\w .-]{0,20}\))\s*[-–—]+\s*",)
    boilerplate_patterns = (
        r"^Dilarang keras mengambil konten",
        r"^(?:Pewarta|Penerjemah|Editor|Fotografer)\s*:",
        r"^COPYRIGHT\s*©",
        r"^Related news\s*:",
    )

    def section_from_url(self, url: str) -> str | None:
        """A regional desk is the channel (makassar, jatim); national URLs carry none (metadata names it)."""
        host = (urlsplit(url).hostname or "").lower()
        label = host.split(".")[0]
        if host.endswith("antaranews.com") and host.count(".") >= 2 and label not in _NATIONAL_HOSTS:
            return label
        return None
