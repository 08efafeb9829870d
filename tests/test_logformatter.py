"""Item log lines name the article; they never carry its body."""

from __future__ import annotations

import logging

from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from newscrawler.crawl.logformatter import ArticleLogFormatter, describe_item
from newscrawler.items import ArticleItem, SnapshotItem

URL = "https://www.suara.com/news/2026/10/05/080500/banjir-rob-jakarta-utara"


def _article() -> ArticleItem:
    return ArticleItem(url=URL, title="Banjir Rob Rendam Jakarta Utara " * 5, body="Paragraf panjang. " * 3000)


def _line(result: dict) -> str:
    return result["msg"] % result["args"]


def test_scraped_and_dropped_lines_name_the_article_without_its_body() -> None:
    formatter, spider = ArticleLogFormatter(), Spider(name="suara")
    response = HtmlResponse(URL, body=b"<html></html>")
    scraped = formatter.scraped(_article(), response, spider)
    assert scraped["level"] == logging.DEBUG
    line = _line(scraped)
    assert line.startswith(f'Scraped {URL} "Banjir Rob Rendam Jakarta Utara') and line.endswith('…"')
    assert "Paragraf" not in line and len(line) < 250
    error = _line(formatter.item_error(_article(), ValueError("x"), response, spider))
    assert URL in error and "Paragraf" not in error


def test_describe_item_for_other_items() -> None:
    assert describe_item(SnapshotItem(site="suara.com", list="popular")) == "SnapshotItem"
    assert describe_item({"url": "https://x.id/a", "title": "A"}) == 'https://x.id/a "A"'
    assert describe_item(object()) == "object"


def test_dropped_keeps_the_reason(caplog) -> None:
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(Spider, {"DEFAULT_DROPITEM_LOG_LEVEL": "WARNING"})
    spider = crawler._create_spider("suara")
    dropped = ArticleLogFormatter().dropped(_article(), DropItem("duplicate: " + URL), None, spider)
    assert dropped["level"] == logging.WARNING
    assert _line(dropped) == f'Dropped {URL} "{_article()["title"][:80]}…": duplicate: {URL}'
