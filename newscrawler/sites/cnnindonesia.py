"""cnnindonesia.com: the detik CMS family; the article URL carries the publish time (WIB)."""

from __future__ import annotations

import re

from newscrawler.sites.base import SiteProfile

_KANALS = ("nasional", "internasional", "ekonomi", "olahraga", "teknologi", "hiburan", "gaya-hidup")


class CnnIndonesiaProfile(SiteProfile):
    key = "cnnindonesia.com"
    name = "CNN Indonesia"
    allowed_hosts = ("cnnindonesia.com",)
    home_url = "https://www.cnnindonesia.com/"
    # One Google News sitemap and one RSS feed per kanal.
    sitemap_urls = tuple(f"https://www.cnnindonesia.com/{kanal}/sitemap_news.xml" for kanal in _KANALS)
    rss_urls = tuple(f"https://www.cnnindonesia.com/{kanal}/rss" for kanal in _KANALS)
    # Per-day index of every kanal: /indeks?date=YYYY/MM/DD&page=N.
    index_urls = ("https://www.cnnindonesia.com/indeks?date={date:%Y/%m/%d}&page={page}",)
    index_link_css = "article a[href]"
    # /{kanal}/{YYYYMMDDHHmmss}-{kanal id}-{article id}/{slug}; /tv/ and /video/ pages are video only.
    article_url_re = re.compile(
        r"^https?://(?:www\.|m\.)?cnnindonesia\.com/(?!(?:tv|video|foto)/)[a-z0-9-]+(?:/[a-z0-9-]+)?/"
        r"(?:19|20)\d{12}-\d+-\d+/[^/?#]+"
    )

    # 2023– tailwind template first, then the 2015–22 "content_detail" one.
    title_css = "h1.mb-2, .content_detail h1.title, h1.title, h1"
    date_css = ".text-cnn_grey.text-sm, .content_detail .date, .date"
    author_css = ".text-cnn_black_light3.text-sm, .content_detail .author"
    body_css = ".detail-text, #detikdetailtext, .detail_text"
    tags_css = "a[dtr-evt='tag'], .detail_tag a"
    drop_css = (
        *SiteProfile.drop_css, ".linksisip", ".lihatjg", ".paradetail", ".parallaxindetail", ".para_caption",
        ".detail_tag", ".inbetween_paging", ".media_artikel",
    )
    read_also_css = (".linksisip",)
    # Every credit names the brand: "Jakarta, CNN Indonesia -- ".
    place_datelines = False
    credit_patterns = (r"^(?P<dateline>[A-Z][\w .]{0,40}?,\s*CNN Indonesia)\s*--?\s*",)
    boilerplate_patterns = (r"^\[Gambas:[^\]]*\]$",)
    # Paged articles: ?page=2 …; ?single=1 is not served, so pages are followed one by one.
    page_param = "page"
    pager_css = ".inbetween_paging a, .detail-pagination a"
