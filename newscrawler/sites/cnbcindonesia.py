"""cnbcindonesia.com: the detik CMS family, like CNN Indonesia; dates printed with English month names."""

from __future__ import annotations

import re

from newscrawler.sites.base import SiteProfile

_KANALS = ("news", "market", "investment", "tech", "lifestyle", "syariah")


class CnbcIndonesiaProfile(SiteProfile):
    key = "cnbcindonesia.com"
    name = "CNBC Indonesia"
    allowed_hosts = ("cnbcindonesia.com",)
    home_url = "https://www.cnbcindonesia.com/"
    rss_urls = tuple(f"https://www.cnbcindonesia.com/{kanal}/rss" for kanal in _KANALS)
    # Per-day index of the news kanal (id 3): /news/indeks/3/{page}?date=YYYY/MM/DD.
    index_urls = ("https://www.cnbcindonesia.com/news/indeks/3/{page}?date={date:%Y/%m/%d}",)
    index_link_css = "article a[href]"
    # /{kanal}/{YYYYMMDDHHmmss}-{kanal id}-{article id}/{slug}; /video/ and /tv/ are video pages.
    article_url_re = re.compile(
        r"^https?://(?:www\.|m\.)?cnbcindonesia\.com/(?!(?:tv|video|foto)/)[a-z0-9-]+(?:/[a-z0-9-]+)?/"
        r"(?:19|20)\d{12}-\d+-\d+/[^/?#]+"
    )

    # 2023– template first, then the 2018–22 "jdl" one.
    title_css = "h1.mb-4, .jdl h1, h1"
    date_css = ".detail-head .date, .jdl .date, .date"
    author_css = ".detail-head .author, .jdl .author"
    body_css = ".detail-text, .detail_text"
    tags_css = ".tag-list a, .detail_tag a"
    drop_css = (
        *SiteProfile.drop_css, ".linksisip", ".lihatjg", ".paradetail", ".parallaxindetail", ".media_rows",
        ".detail_tag", ".tag-list", ".baca-juga",
    )
    read_also_css = (".linksisip", ".baca-juga")
    place_datelines = False
    credit_patterns = (r"^(?P<dateline>[A-Z][\w .]{0,40}?,\s*CNBC Indonesia)\s*--?\s*",)
    # "Artikel Selanjutnya <link>" closes current pages; research pieces sign off "TIM RISET CNBC INDONESIA".
    boilerplate_patterns = (r"^\[Gambas:[^\]]*\]$", r"^Artikel Selanjutnya\b", r"(?i)^tim riset cnbc indonesia$")
    page_param = "page"
    pager_css = ".detail-pagination a"
