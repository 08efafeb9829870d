"""Scrapy's log lines about items, naming an article instead of printing it.

Scrapy's own formatter puts the whole item into "Scraped from", "Dropped" and item-error lines: for an
article that is a 40 KB body per line, which floods a `--log-file` and, formatted through pprint, costs more
CPU than extracting the page did. Ours names the item by its URL and title.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure

_TITLE_CHARS = 80


def describe_item(item: Any) -> str:
    """`<url> "title"` for an article; the item's type and URL (or type alone) for anything else."""
    try:
        adapter = ItemAdapter(item)
    except TypeError:
        return type(item).__name__
    url = adapter.get("url") if "url" in adapter.field_names() else None
    title = adapter.get("title") if "title" in adapter.field_names() else None
    text = str(url) if url else type(item).__name__
    if title:
        title = str(title)
        text += f' "{title[:_TITLE_CHARS]}{"…" if len(title) > _TITLE_CHARS else ""}"'
    return text


class ArticleLogFormatter(LogFormatter):
    def scraped(self, item: Any, response: Response | Failure | None, spider: Spider) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        return {"level": result["level"], "msg": "Scraped %(item)s", "args": {"item": describe_item(item)}}

    def dropped(self, item: Any, exception: BaseException, response: Response | Failure | None,
                spider: Spider) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        return {"level": result["level"], "msg": "Dropped %(item)s: %(exception)s",
                "args": {"item": describe_item(item), "exception": exception}}

    def item_error(self, item: Any, exception: BaseException, response: Response | Failure | None,
                   spider: Spider) -> LogFormatterResult:
        return {"level": logging.ERROR, "msg": "Error processing %(item)s", "args": {"item": describe_item(item)}}
