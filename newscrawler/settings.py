"""Scrapy settings for newscrawler: polite and safe by default."""

from __future__ import annotations

import os

from newscrawler import __version__

BOT_NAME = "newscrawler"
SPIDER_MODULES = ["newscrawler.crawl.spiders"]
NEWSPIDER_MODULE = "newscrawler.crawl.spiders"

# An honest User-Agent that names the tool and how to reach its operator; override per deployment.
USER_AGENT = os.environ.get(
    "NEWSCRAWLER_USER_AGENT",
    f"newscrawler/{__version__} (news research crawler; operators: put a contact in NEWSCRAWLER_USER_AGENT)",
)
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_TIMEOUT = 30
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_TIMES = 2
# News pages are far below this; a larger body is a mistake or an attack, not an article.
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REDIRECT_MAX_TIMES = 5
DEPTH_LIMIT = 8
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

DOWNLOADER_MIDDLEWARES = {
    "newscrawler.crawl.middlewares.AllowedHostsMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawler.crawl.middlewares.RobotsTxtMiddleware": 100,
    # After robots.txt (100) has seen the real URL, before the download handler.
    "newscrawler.crawl.middlewares.MirrorMiddleware": 950,
}

ITEM_PIPELINES = {
    "newscrawler.crawl.pipelines.ValidatePipeline": 100,
    "newscrawler.crawl.pipelines.TextPipeline": 200,
    "newscrawler.crawl.pipelines.DatePipeline": 300,
    "newscrawler.crawl.pipelines.DedupePipeline": 400,
    "newscrawler.crawl.pipelines.StorePipeline": 900,
}

EXTENSIONS = {
    "newscrawler.crawl.runrecord.RunRecorder": 500,
}

# newscrawler's own settings
NEWSCRAWLER_MIRROR = os.environ.get("NEWSCRAWLER_MIRROR") or None
NEWSCRAWLER_STORE_BATCH = 50
NEWSCRAWLER_SPOOL_DIR = os.environ.get("NEWSCRAWLER_SPOOL", "data/spool")
NEWSCRAWLER_MAX_INDEX_PAGES = 30
NEWSCRAWLER_RELATED_DEPTH = 1
NEWSCRAWLER_STORE_ENABLED = True
