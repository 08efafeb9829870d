"""The Article record: the contract between extractors, pipelines, stores and the CLI."""

from __future__ import annotations

import scrapy

#: Canonical names of the link lists, in the order they are reported.
LIST_NAMES: tuple[str, ...] = ("read_also", "related", "popular", "editors_picks", "latest")
#: Lists that belong to the article itself.
ARTICLE_LISTS: tuple[str, ...] = ("read_also", "related")
#: Site-wide lists observed at crawl time; also stored as snapshots.
SITE_LISTS: tuple[str, ...] = ("popular", "editors_picks", "latest")

#: Article fields in the order `newscrawler extract` prints them.
ARTICLE_FIELDS: tuple[str, ...] = (
    "url",
    "site",
    "section",
    "title",
    "description",
    "authors",
    "published_at",
    "modified_at",
    "published_at_raw",
    "language",
    "tags",
    "image_url",
    "dateline",
    "body",
    "pages",
    "link_lists",
    "crawled_at",
)


#: How an article was fetched, kept by the stores beside the contract fields (see ArticleItem).
CRAWL_FIELDS: tuple[str, ...] = ("pages_missing", "archive")


class ArticleItem(scrapy.Item):
    """One news article. Dates are ISO 8601 strings with an offset until a store converts them."""

    url = scrapy.Field()
    site = scrapy.Field()
    section = scrapy.Field()
    title = scrapy.Field()
    description = scrapy.Field()
    authors = scrapy.Field()
    published_at = scrapy.Field()
    modified_at = scrapy.Field()
    published_at_raw = scrapy.Field()
    language = scrapy.Field()
    tags = scrapy.Field()
    image_url = scrapy.Field()
    dateline = scrapy.Field()
    body = scrapy.Field()
    pages = scrapy.Field()
    # Pages of a multi-page article that could not be fetched (absent when complete): such an article is
    # stored with what it has and is fetched again by a later run.
    pages_missing = scrapy.Field()
    # Where page 1's response sits in the WARC archive ({file, offset, length}) when the crawl archives pages.
    archive = scrapy.Field()
    link_lists = scrapy.Field()
    crawled_at = scrapy.Field()
    # Raw material the pipelines turn into the fields above; never stored.
    paragraphs = scrapy.Field()
    date_candidates = scrapy.Field()
    modified_candidates = scrapy.Field()
    page_url = scrapy.Field()


class SnapshotItem(scrapy.Item):
    """A site-wide list as seen on one page at one moment (DESIGN.md: snapshots)."""

    site = scrapy.Field()
    list = scrapy.Field()
    observed_at = scrapy.Field()
    entries = scrapy.Field()
    source_url = scrapy.Field()


def article_dict(item) -> dict:
    """The public Article: contract fields only, in contract order."""
    data = dict(item)
    return {name: data.get(name) for name in ARTICLE_FIELDS}
