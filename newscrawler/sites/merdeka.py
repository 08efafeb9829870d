"""merdeka.com: /{section}/read/{id}/{slug} since the 2023 move to the KLY platform, /{section}/{slug}.html
before; regional desks on their own hosts (jateng.merdeka.com, …)."""

from __future__ import annotations

import re

from newscrawler.sites.base import SiteProfile


class MerdekaProfile(SiteProfile):
    key = "merdeka.com"
    name = "Merdeka.com"
    allowed_hosts = ("merdeka.com",)
    home_url = "https://www.merdeka.com/"
    # robots.txt bans every URL with a query string, so there is no walkable index: the sitemap index
    # lists one Google News sitemap per section (/{section}/sitemap.xml, publication_date with +07:00).
    sitemap_urls = ("https://www.merdeka.com/sitemap.xml",)
    article_url_re = re.compile(
        r"^https?://(?:[a-z0-9-]+\.)?merdeka\.com/"
        r"(?!(?:foto|video|slideshow|tag|topik|search|indeks|sorot)/)[a-z0-9-]+/"
        r"(?:read/\d+/[a-z0-9-]+/?$|(?:[a-z0-9-]+/)?[a-z0-9-]+\.html$)"
    )

    # KLY template first (2023–), then the mdk-* template (2015–22).
    title_css = "h1.articles-content__title, .mdk-dt-headline h1, h1"
    date_css = ".articles-content__date, .mdk-date-reporter .date, .date-post"
    author_css = "[data-tracking=author_name], .mdk-date-reporter .reporter a, .reporter a"
    body_css = ".articles-content__body, .mdk-body-paragraph"
    paragraph_css = "p"
    tags_css = ".tags-articles__list a, .mdk-tag-list a, .box-tag a"
    drop_css = (
        *SiteProfile.drop_css, ".bg-primary-50", ".advertisement-placeholder", ".page-break", ".mdk-baca-juga",
        ".mdk-related-inline", ".mdk-tag-list",
    )
    read_also_css = (".bg-primary-50", ".mdk-baca-juga")
    place_datelines = False  # credits read "Merdeka.com - "
    credit_patterns = (r"^(?P<dateline>Merdeka\.com)\s*[-–—]\s*",)
    # The desk signs off with its code in square brackets on the last line: "[idr]", "[ded/noe]".
    boilerplate_patterns = (r"^\[[a-z]{2,4}(?:/[a-z]{2,4})*\]$",)
    # Multi-page articles come merged in one document (page-break markers): nothing to follow.
