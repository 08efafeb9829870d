"""Spiders, one per site profile; `spider_for(site_key)` finds the class."""

from __future__ import annotations

from newscrawler.spiders.base import NewsSpider
from newscrawler.spiders.suara import SuaraSpider

SPIDERS: dict[str, type[NewsSpider]] = {cls.profile_cls.key: cls for cls in (SuaraSpider,)}


def spider_for(site_key: str) -> type[NewsSpider]:
    return SPIDERS[site_key]


__all__ = ["SPIDERS", "NewsSpider", "SuaraSpider", "spider_for"]
