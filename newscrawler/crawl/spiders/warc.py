"""Spiders that read pages from WARC files instead of the network, so the pages go through the same pipelines.

`ImportWarcSpider` (`newscrawler import-warc`): every HTML 200 response of the given WARC files (ours, CC-NEWS,
a newsroom's own) that belongs to a known site — or, with `generic`, that extracts as a news article — becomes
an article with the WARC date as its crawl time. `ReextractSpider` (`newscrawler reextract`): the archived
pages of stored articles run through today's extractors; a changed body becomes a new version as in a crawl.
Neither makes a request: items come straight out of `start()`.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import deque
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import scrapy

from newscrawler.crawl.archive import ArchiveDamaged, ArchivedResponse, ReadCounts, read_record, read_responses
from newscrawler.crawl.extraction import ExtractionFailed, ExtractionService
from newscrawler.extract.dates import DateNormalizer, date_from_url
from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.processing import merge_pages
from newscrawler.items import ArticleItem
from newscrawler.sites import GenericProfile, SiteProfile, get_profile, profile_for_url

logger = logging.getLogger(__name__)


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else value
    return [v.strip() for v in items if v and str(v).strip()]


class _ArchiveSpider(scrapy.Spider):
    """What the pipelines and the run record expect of a spider, for pages that come from archives."""

    profile: SiteProfile | None = None

    def __init__(self, since: str | datetime | None = None, until: str | datetime | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.now = datetime.now(UTC)
        self.dates = DateNormalizer()
        self.since = self._window(since)
        self.until = self._window(until)
        self.run_id = f"{self.now:%Y%m%dT%H%M%SZ}-{self.name}-{uuid.uuid4().hex[:8]}"
        self.run_options: dict[str, Any] = {}
        self.damaged: list[ArchiveDamaged] = []
        self._extractors: dict[str, ArticleExtractor] = {}

    def _window(self, value: str | datetime | None) -> datetime | None:
        if value in (None, ""):
            return None
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        return self.dates.parse_user_date(str(value), now=self.now)

    def _in_window(self, url: str, fallback: datetime | None) -> bool:
        when = date_from_url(url) or fallback
        if when is None:
            return True
        return not ((self.since and when < self.since) or (self.until and when >= self.until))

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.extraction = ExtractionService.from_crawler(crawler, None, None)
        return spider

    def _extractor(self, profile: SiteProfile) -> ArticleExtractor:
        key = profile.key or "generic"
        extractor = self._extractors.get(key)
        if extractor is None:
            extractor = self._extractors[key] = ArticleExtractor(profile)
        return extractor

    def _extract(self, record: ArchivedResponse, profile: SiteProfile) -> dict[str, Any] | None:
        try:
            return self.extraction.extract_here(record.url, record.body, record.content_type, self._extractor(profile))
        except Exception as exc:  # a hostile archived page costs only itself
            return self._not_extracted(exc, record)

    async def _extract_elsewhere(self, record: ArchivedResponse, profile: SiteProfile) -> dict[str, Any] | None:
        """As _extract, in an extraction worker process."""
        recipe = (get_profile, (profile.key,)) if profile.key else (GenericProfile, ())
        try:
            return await self.extraction.extract(record.url, record.body, record.content_type,
                                                 self._extractor(profile), recipe)
        except Exception as exc:
            return self._not_extracted(exc, record)

    def _not_extracted(self, exc: Exception, record: ArchivedResponse) -> None:
        if isinstance(exc, NotAnArticle):
            self.crawler.stats.inc_value("newscrawler/dropped/not_an_article")
            logger.info("not an article (%s): %s", exc, record.url)
            return None
        self.crawler.stats.inc_value("newscrawler/dropped/extraction_error")
        kind = exc.kind if isinstance(exc, ExtractionFailed) else type(exc).__name__
        logger.warning("cannot extract %s: %s: %s", record.url, kind, exc)
        return None

    def _item(self, raw: dict[str, Any], record: ArchivedResponse, archive_file: str | None) -> ArticleItem:
        merged = merge_pages([raw])
        merged["crawled_at"] = (record.date or self.now).astimezone(UTC).isoformat()
        pointer = record.pointer.as_dict()
        if archive_file:
            pointer["file"] = archive_file
        merged["archive"] = pointer
        return ArticleItem(**{k: v for k, v in merged.items() if k in ArticleItem.fields})


class ImportWarcSpider(_ArchiveSpider):
    """`scrapy crawl import-warc -a files=A.warc.gz,B.warc.gz [-a site=detik.com] [-a generic=1]`."""

    name = "import-warc"

    def __init__(self, files: str | Iterable[str] | None = None, site: str | Iterable[str] | None = None,
                 generic: bool | str = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.files = [Path(f) for f in _as_list(files)]
        if not self.files:
            raise ValueError("import-warc needs at least one WARC file")
        self.sites = {get_profile(s).key for s in _as_list(site)}
        self.generic = str(generic).lower() in ("1", "true", "yes", "on") if not isinstance(generic, bool) else generic
        self.counts = ReadCounts()
        self.run_options = {k: v for k, v in {
            "files": [str(f) for f in self.files], "sites": sorted(self.sites) or None, "generic": self.generic or None,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }.items() if v}

    def _wanted(self, record: ArchivedResponse) -> SiteProfile | None:
        profile = profile_for_url(record.url)
        known = bool(profile.key)
        if self.sites and profile.key not in self.sites:
            return self._skip("other_site")
        if not known and not self.generic:
            return self._skip("unknown_site")
        if known and not profile.is_article_url(record.url):
            return self._skip("not_an_article_url")
        if not self._in_window(record.url, record.date):
            return self._skip("out_of_window")
        return profile if known else GenericProfile()

    def _skip(self, reason: str) -> None:
        self.crawler.stats.inc_value(f"newscrawler/warc/skipped/{reason}")
        return None

    async def _drain(self, pending: deque, keep: int = 0) -> AsyncIterator[Any]:
        """The items of the oldest pages in flight, in order, until `keep` are left."""
        while len(pending) > keep:
            item = await self._finished(pending.popleft())
            if item is not None:
                yield item

    async def start(self) -> AsyncIterator[Any]:
        # Once extraction runs in worker processes, a few records are in flight at a time; items still come out
        # in the archives' order.
        pending: deque[tuple[asyncio.Future, ArchivedResponse, str]] = deque()
        window = 4 * self.extraction.processes + 4
        for path in self.files:
            try:
                for record in read_responses(path, self.counts, self.settings.getint("DOWNLOAD_MAXSIZE")):
                    self.crawler.stats.inc_value("newscrawler/warc/responses")
                    profile = self._wanted(record)
                    if profile is None:
                        continue
                    if self.extraction.pooled:
                        future = asyncio.ensure_future(self._extract_elsewhere(record, profile))
                        pending.append((future, record, str(path.resolve())))
                        async for item in self._drain(pending, keep=window - 1):
                            yield item
                        continue
                    # The pool gave up mid-archive: what is in flight still comes out first.
                    async for item in self._drain(pending):
                        yield item
                    raw = self._extract(record, profile)
                    if raw is not None:
                        yield self._item(raw, record, str(path.resolve()))
            except ArchiveDamaged as exc:
                self.damaged.append(exc)
                self.crawler.stats.inc_value("newscrawler/errors/ArchiveDamaged")
                logger.error("%s", exc)
            except OSError as exc:
                self.damaged.append(ArchiveDamaged(str(path), 0, exc.strerror or str(exc)))
                self.crawler.stats.inc_value("newscrawler/errors/ArchiveUnreadable")
                logger.error("cannot read %s: %s", path, exc.strerror or exc)
        async for item in self._drain(pending):
            yield item
        for reason, n in self.counts.counts.items():
            self.crawler.stats.set_value(f"newscrawler/warc/skipped/{reason}", n)
        if self.damaged:
            self.crawler.stats.set_value("newscrawler/warc/damage", [str(d) for d in self.damaged])


    async def _finished(self, entry: tuple[asyncio.Future, ArchivedResponse, str]) -> ArticleItem | None:
        future, record, archive_file = entry
        raw = await future
        return self._item(raw, record, archive_file) if raw is not None else None


class ReextractSpider(_ArchiveSpider):
    """Today's extractors over the archived pages of stored articles (`newscrawler reextract`)."""

    name = "reextract"

    def __init__(self, articles: Iterable[dict[str, Any]] = (), archive_dir: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.articles = articles
        self.archive_dir = Path(archive_dir) if archive_dir else None
        self.run_options = {"reextract": True, "archive_dir": str(self.archive_dir) if self.archive_dir else None}

    def _archived(self, pointer: dict[str, Any]) -> ArchivedResponse | None:
        path = Path(pointer["file"])
        if not path.is_absolute() and self.archive_dir is not None:
            path = self.archive_dir / path
        try:
            return read_record(path.parent, dict(pointer, file=path.name))
        except (OSError, ValueError, ArchiveDamaged) as exc:
            self.crawler.stats.inc_value("newscrawler/errors/ArchiveUnreadable")
            logger.error("cannot read the archived page %s@%s: %s", path, pointer.get("offset"), exc)
            return None

    async def start(self) -> AsyncIterator[Any]:
        for article in self.articles:
            pointer = article.get("archive")
            if not pointer:
                self.crawler.stats.inc_value("newscrawler/reextract/not_archived")
                continue
            records = [self._archived(p) for p in pointer.get("pages") or [pointer]]
            if not records or None in records:
                continue
            profile = profile_for_url(article["url"])
            raws = [self._extract(record, profile) for record in records]
            if None in raws:
                continue
            merged = merge_pages(raws)
            crawled = article.get("crawled_at")  # the fetch time stays the archived page's, not today's
            merged["crawled_at"] = crawled.isoformat() if isinstance(crawled, datetime) else self.now.isoformat()
            merged["archive"] = pointer
            yield ArticleItem(**{k: v for k, v in merged.items() if k in ArticleItem.fields})
