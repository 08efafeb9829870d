"""kumparan.com: stories at /{account}/{slug}-{id} (since 2019) and /@{account}/{slug} (2017-2018)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.sites.base import SiteProfile

# First path segments that are app pages, never an account.
_NOT_ACCOUNTS = ("topic", "channel", "trending", "search", "sitemap", "login", "settings", "kumparanplus",
                 "infografik", "video", "ramadan", "page", "tentang-kumparan")


class KumparanProfile(SiteProfile):
    key = "kumparan.com"
    name = "kumparan"
    allowed_hosts = ("kumparan.com",)
    home_url = "https://kumparan.com/"
    # A single-page app: robots.txt names the sitemaps; sitemap_channels.xml is the index of
    # sitemap_channel_{news,bisnis,...}.xml (Google News entries with news:title).
    sitemap_urls = ("https://kumparan.com/sitemap_channels.xml", "https://kumparan.com/sitemap.xml")
    rss_urls = ()
    index_urls = ()
    # {account}/{slug}-{id}: the id is 10-12 letters and digits and starts with a digit ("1zT8…", "24Cs…");
    # the 2017-2018 form is /@{account}/{slug} with no id.
    article_url_re = re.compile(
        rf"^https?://(?:www\.|m\.)?kumparan\.com/(?!(?:{'|'.join(_NOT_ACCOUNTS)})/)"
        r"(?:[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9-]*-[0-9](?=[0-9a-z]*[a-z])[0-9a-z]{9,11}"
        r"|@[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9-]*[a-z0-9])/?(?:[?#]|$)",
        re.I,
    )

    title_css = 'h1[data-qa-id="story-title"], h1'
    # data-qa-id attributes (2019-); class names of the 2017-2018 app.
    date_css = '[data-qa-id="date-time"], [data-qa-id="published-date"], .StoryDate'
    author_css = '[data-qa-id="author-name"], [data-qa-id="story-author"], .AuthorName'
    body_css = '[data-qa-id="story-content"], [data-qa-id="story-body"], .StoryRenderer'
    # 2017-2018 stories were Draft.js documents: one block per paragraph.
    paragraph_css = '[data-qa-id="story-paragraph"], .public-DraftStyleDefault-block, p'
    tags_css = '[data-qa-id="tag-item"], [data-qa-id="topic-list"] a'
    drop_css = (
        *SiteProfile.drop_css, '[data-qa-id="image-caption"]', '[data-qa-id="ads"]', '[data-qa-id="embed"]',
        '[data-qa-id="disclaimer"]',
    )
    extra_list_labels = {"related": ("Baca Lainnya",), "popular": ("Trending Now", "Populer Hari Ini")}
    # Stories carry no credit line; a leading "X - " is the writer's own text.
    place_datelines = False
    boilerplate_patterns = (
        r"(?i)tidak mewakili pandangan dari redaksi kumparan",
        r"(?i)^konten dari pengguna$",
        r"(?i)^(?:follow|ikuti) (?:berita|kumparan)\b",
    )

    def section_from_url(self, url: str) -> str | None:
        """The account the story is filed under, as a reader names the channel: kumparannews -> "news",
        kumparanbisnis -> "bisnis"; partner and user accounts keep their own name."""
        segments = [s for s in urlsplit(url).path.split("/") if s]
        if len(segments) < 2:
            return None
        account = segments[0].lstrip("@").lower()
        return account.removeprefix("kumparan") or account
