"""Scrapy settings for newscrawler: polite and safe by default."""

from __future__ import annotations

import os

from newscrawler import __version__

BOT_NAME = "newscrawler"
SPIDER_MODULES = ["newscrawler.crawl.spiders"]
NEWSPIDER_MODULE = "newscrawler.crawl.spiders"
# Our `scrapy crawl` (newscrawler/crawl/commands/crawl.py): misspelt -a options and a held lock are errors,
# and the exit status is the CLI's.
COMMANDS_MODULE = "newscrawler.crawl.commands"

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
# Counts related-link hops only: discovery requests (front page, sitemaps, feeds, index pages) and an article's
# later pages reset the depth (request.meta["depth_reset"]), so index walks are bounded by
# NEWSCRAWLER_MAX_INDEX_PAGES, not by this. A safety net behind the spider's own --related-depth.
DEPTH_LIMIT = 8
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
# Item log lines name the article (URL and title) instead of printing its whole body.
LOG_FORMATTER = "newscrawler.crawl.logformatter.ArticleLogFormatter"

# Every request, redirects, retries and robots.txt fetches included, enters this chain from the top
# (see newscrawler/crawl/middlewares.py for why each sits where it does).
DOWNLOADER_MIDDLEWARES = {
    "newscrawler.crawl.middlewares.RequestGuardMiddleware": 40,
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,  # the guard does this for every request
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawler.crawl.middlewares.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawler.crawl.middlewares.RetryAfterMiddleware": 550,
    # After robots.txt (100) and redirects (600) have seen the real URL, before the download handler.
    # Below HttpCompression (590) and redirects (600) in process_response order: decoded bodies, final responses.
    "newscrawler.crawl.archive.ArchiveMiddleware": 580,
    "newscrawler.crawl.middlewares.MirrorMiddleware": 950,
    # A malformed <base href> must not cost a sound article its fetch (Scrapy's raises ValueError on it).
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newscrawler.crawl.middlewares.MetaRefreshMiddleware": 580,
}
SPIDER_MIDDLEWARES = {
    # Gives every request the spider makes an errback, so each lost URL is counted once.
    "newscrawler.crawl.middlewares.RequestTrackingMiddleware": 950,
}
# http(s) only: no file://, ftp://, s3:// or data: fetches, whatever a page or a redirect says.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}
# Host names resolving to private, loopback or link-local addresses are refused at connect time.
TWISTED_DNS_RESOLVER = "newscrawler.crawl.middlewares.GuardedResolver"
# Our errbacks report each lost URL once, with its real URL; Scrapy's own give-up line would repeat it.
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
# Longest Retry-After (429/503) honoured; a longer one gives the URL up for this run.
NEWSCRAWLER_RETRY_AFTER_MAX = 60.0
# Host names allowed to resolve to private addresses (an intranet news site); the mirror is always allowed.
NEWSCRAWLER_PRIVATE_HOSTS: list[str] = []

ITEM_PIPELINES = {
    "newscrawler.crawl.pipelines.ValidatePipeline": 100,
    "newscrawler.crawl.pipelines.TextPipeline": 200,
    "newscrawler.crawl.pipelines.DatePipeline": 300,
    "newscrawler.crawl.pipelines.DedupePipeline": 400,
    "newscrawler.crawl.pipelines.StorePipeline": 900,
}

EXTENSIONS = {
    # `scrapy crawl` and Scrapyd jobs take the CLI's store lock (newscrawler/crawl/extensions.py).
    "newscrawler.crawl.extensions.StoreLock": 100,
    "newscrawler.crawl.runrecord.RunRecorder": 500,
}

# newscrawler's own settings
# Article extraction in worker processes once a crawl has extracted NEWSCRAWLER_EXTRACT_POOL_AFTER pages in its own
# (a big crawl then uses more than one core). None: one worker per core beyond the first; 0: never.
# Also from the environment, for cron lines and Scrapyd jobs.
NEWSCRAWLER_EXTRACT_PROCESSES = os.environ.get("NEWSCRAWLER_EXTRACT_PROCESSES") or None
NEWSCRAWLER_EXTRACT_POOL_AFTER = os.environ.get("NEWSCRAWLER_EXTRACT_POOL_AFTER") or 100
NEWSCRAWLER_MIRROR = os.environ.get("NEWSCRAWLER_MIRROR") or None
NEWSCRAWLER_STORE_BATCH = 50
# Store writes in a background thread (StorePipeline); batches of one are always written at once.
NEWSCRAWLER_STORE_THREAD = True
# None: newscrawler.paths.spool_dir() when the crawl opens ($NEWSCRAWLER_SPOOL, else DATA_DIR/spool).
NEWSCRAWLER_SPOOL_DIR: str | None = None
# Index pages walked per index (per day for a per-day index such as /indeks/{date:%Y-%m-%d}).
NEWSCRAWLER_MAX_INDEX_PAGES = 30
# Section pages a generic crawl reads from the front page (one level).
NEWSCRAWLER_MAX_SECTION_PAGES = 30
NEWSCRAWLER_RELATED_DEPTH = 1
NEWSCRAWLER_STORE_ENABLED = True
# WARC archive of every fetched page (`crawl --archive DIR`); off unless a folder is given.
NEWSCRAWLER_ARCHIVE_DIR = os.environ.get("NEWSCRAWLER_ARCHIVE") or None
NEWSCRAWLER_ARCHIVE_MAX_BYTES = 1024**3
# True when the caller (the CLI: newscrawler.crawl.runner.crawl_settings) already holds the store lock.
NEWSCRAWLER_CALLER_HOLDS_LOCK = False
# A feed URI for the link-list snapshots (`-s NEWSCRAWLER_SNAPSHOT_FEED=snapshots.jsonl`); other feeds get articles.
NEWSCRAWLER_SNAPSHOT_FEED: str | None = None
