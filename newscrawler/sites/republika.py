"""republika.co.id: kanal subdomains (news., ekonomi., khazanah., regional rejogja. …) with
/berita/{code}/{slug} since 2019, and www.republika.co.id/berita/{kanal}/{sub}/YY/MM/DD/{code}-{slug} before."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

_PORTAL_HOSTS = {"www", "m", "republika"}


class RepublikaProfile(SiteProfile):
    key = "republika.co.id"
    name = "Republika Online"
    allowed_hosts = ("republika.co.id", "republika.id")
    home_url = "https://www.republika.co.id/"
    # robots.txt declares one flat urlset: recent /berita/ URLs (with lastmod) among /kanal/ pages.
    sitemap_urls = ("https://republika.co.id/files/xml/sitemap.xml",)
    rss_urls = ("https://www.republika.co.id/rss",)
    # Every kanal merged, newest first, 50 teasers a page: /index/0, /index/50 … (a GET twin of /indeks,
    # whose own "next" button POSTs). The per-day form /index/{offset}/YYYY/MM/DD exists too, but a crawl
    # window of months would cost a request per day.
    index_urls = ("https://republika.co.id/index/{offset}",)
    index_page_size = 50
    index_link_css = "li.conten1"
    article_url_re = re.compile(
        r"^https?://(?:[a-z0-9-]+\.)?republika\.co\.id/berita/(?:"
        # 2019–: a code of letters and digits ending in three digits (t18wf6409), then the slug (optional);
        # listings print some as /berita//{code}/{slug}.
        r"/?[a-z][a-z0-9]{4,8}\d{3}(?:/[^/?#]*)?/?(?:[?#]|$)"
        # –2019: /berita/{kanal}/{sub}/YY/MM/DD/{code}-{slug}
        r"|(?:[a-z0-9-]+/){1,3}\d{2}/\d{2}/\d{2}/[a-z0-9]{5,10}-[^/?#]+"
        r")"
    )

    title_css = ".max-card__title h1, .wrap_detail_set h1, .wrap_detail h1, h1"
    date_css = ".date-item__headline, .max-card__author .date, .date_detail p, .date_detail"
    # JSON-LD `author` is the desk editor (the "Red:" of "Rep: X / Red: Y", also the RSS dc:creator): the
    # visible "Rep:" credit names the reporter. The generic credit reader splits that line.
    byline_over_jsonld = True
    body_css = ".article-content article, .article-content, .artikel, [itemprop=articleBody], .content-detail"
    # Current pages list their topics only in meta keywords; older ones in .wrap_blok_tag.
    tags_css = ".wrap_blok_tag li a, .tag_detail a"
    drop_css = (
        *SiteProfile.drop_css, ".picked-article", ".baca-juga", "[id^=bn_]", ".footnote-wrap",
        ".detail__media-caption", ".ads-box", ".advertisment", ".banner-ads", ".share-artikel",
    )
    read_also_css = (".picked-article",)
    extra_list_labels = {"popular": ("Terpopuler Hari Ini",), "related": ("Berita Lainnya",)}
    place_datelines = False  # credits name the brand: "REPUBLIKA.CO.ID, JAKARTA -- "
    boilerplate_patterns = (r"^Sumber\s*:\s*\S.{0,60}$", r"^Advertisement$")

    def section_from_url(self, url: str) -> str | None:
        """The kanal: the subdomain since 2019 (news., ekonomi.), the first segment after /berita/ before."""
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) >= 6 and segments[0] == "berita":
            return segments[1].lower()
        label = (parts.hostname or "").lower().split(".")[0]
        return None if label in _PORTAL_HOSTS else label
