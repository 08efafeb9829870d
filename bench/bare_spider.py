"""The reference crawls of the benchmark: plain Scrapy over the loopback site, with newscrawler's mirror concurrency.

`scrapy runspider bench/bare_spider.py -a mirror=http://127.0.0.1:PORT [-a extract=trafilatura]`: reads the
sitemap index, fetches every article with the real host in the `Host` header (as newscrawler's mirror mode
does) and yields nothing — or, with extract=trafilatura, runs trafilatura's bare_extraction on each page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy.utils.sitemap import Sitemap

HOST = "www.suara.com"


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {
        # newscrawler's mirror-mode settings (newscrawler.crawl.runner.crawl_settings), without its components.
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    }

    def __init__(self, mirror: str, extract: str = "", **kwargs):
        super().__init__(**kwargs)
        self.mirror = mirror.rstrip("/")
        self.extract = extract
        if extract == "trafilatura":
            from trafilatura import bare_extraction

            self.bare_extraction = bare_extraction

    def _request(self, url: str, callback) -> scrapy.Request:
        parts = urlsplit(url)
        local = self.mirror + parts.path + (f"?{parts.query}" if parts.query else "")
        return scrapy.Request(local, callback, headers={"Host": parts.hostname or HOST})

    async def start(self):
        yield self._request(f"https://{HOST}/sitemap.xml", self.parse_sitemap)

    def parse_sitemap(self, response):
        sitemap = Sitemap(response.body)
        for entry in sitemap:
            if sitemap.type == "sitemapindex":
                yield self._request(entry["loc"], self.parse_sitemap)
            else:
                yield self._request(entry["loc"], self.parse_article)

    def parse_article(self, response):
        self.crawler.stats.inc_value("bench/articles")
        if self.extract == "trafilatura":
            self.bare_extraction(response.text, url=response.url)
