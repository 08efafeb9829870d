"""`scrapy crawl suara`: suara.com and its regional hosts."""

from newscrawler.sites.suara import SuaraProfile
from newscrawler.spiders.base import NewsSpider


class SuaraSpider(NewsSpider):
    name = "suara"
    profile_cls = SuaraProfile
