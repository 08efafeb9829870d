"""detik.com: one CMS behind every channel host (news., finance., sport., hot., inet., health., …) and the
regional desks under www.detik.com (/jatim, /jabar, /bali, …)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile


class DetikProfile(SiteProfile):
    key = "detik.com"
    name = "detikcom"
    allowed_hosts = ("detik.com",)
    home_url = "https://www.detik.com/"
    # Google News sitemaps of the two biggest channels (publication_date per article); the rest come by RSS.
    sitemap_urls = ("https://news.detik.com/berita/sitemap_news.xml", "https://finance.detik.com/sitemap_news.xml")
    rss_urls = (
        "https://news.detik.com/rss",
        "https://finance.detik.com/rss",
        "https://sport.detik.com/rss",
        "https://inet.detik.com/rss",
        "https://hot.detik.com/rss",
    )
    # The per-day index: /indeks/{page}?date=MM/DD/YYYY (20 items a page, pager /indeks/2, /indeks/3 …).
    index_urls = (
        "https://news.detik.com/indeks/{page}?date={date:%m/%d/%Y}",
        "https://finance.detik.com/indeks/{page}?date={date:%m/%d/%Y}",
    )
    index_link_css = "#indeks-container .media__title a, .list-content__item .media__title a"
    # Current: {sub}.detik.com/{kanal}[/{sub-kanal}]/d-{id}/{slug} (regional: www.detik.com/jatim/berita/d-…);
    # 2019–20 redirects without the "d-"; before ~2017: /read/YYYY/MM/DD/HHMMSS/{id}/{n}/{slug}.
    # 20.detik.com and the detikTV/video kanals are video pages without text.
    article_url_re = re.compile(
        r"^https?://(?!20\.)(?:[a-z0-9-]+\.)*detik\.com/"
        r"(?:(?!(?:[^/?#]+/)*(?:detiktv|video|videos|20detik)/)(?:[a-z0-9-]+/){1,3}(?:d-\d{5,}|\d{6,8})/[^/?#]+"
        r"|read/\d{4}/\d{2}/\d{2}/\d{6}/\d+/\d+/[^/?#]+)"
        r"/?(?:$|[?#])"  # not /{slug}/2 (page 2) nor /{slug}/amp
    )

    title_css = "h1.detail__title, .jdl h1, h1"
    date_css = ".detail__date, .jdl .date, .date"
    author_css = ".detail__author, .jdl .author"
    body_css = ".detail__body-text, #detikdetailtext, .detail_text"
    tags_css = ".detail__body-tag a, .detail_tag a"
    drop_css = (
        *SiteProfile.drop_css, ".linksisip", ".lihatjg", ".noncontent", ".parallaxindetail", ".pic_artikel_sisip_table",
        ".detail__long-nav", ".detail__body-tag", ".detail_tag", "[id^=beacon_]", ".staticdetail_container",
        ".sisip_video_ds", ".sisip_embed_sosmed",
    )
    read_also_css = (".linksisip",)
    boilerplate_patterns = (r"^(?:Simak|Tonton|Saksikan) (?:juga )?[Vv]ideo\b", r"^\[Gambas:")
    # Long articles are paged (/{slug}/2 behind .detail__long-nav); ?single=1 serves every page in one document.
    single_page_query = {"single": "1"}

    def section_from_url(self, url: str) -> str | None:
        """The detik channel a reader names: the host's first label (news, finance, sport …), or the desk
        under www.detik.com (jatim, edu, …)."""
        parts = urlsplit(url)
        label = (parts.hostname or "").lower().split(".")[0]
        if label and label not in ("www", "m", "detik"):
            return label
        segments = [s for s in parts.path.split("/") if s]
        return segments[0].lower() if len(segments) > 1 else None
