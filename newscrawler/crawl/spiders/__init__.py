"""Spiders come from the site profiles: one NewsSpider subclass per profile, named after its key's first label.

No site has a spider file of its own. The classes are built here, at import, so Scrapy's spider loader
(SPIDER_MODULES) finds them like hand-written ones: `scrapy list` shows every profile, and `generic`
(newscrawler.crawl.spiders.generic), which crawls any other news site from its URL.
"""

from __future__ import annotations

from newscrawler.crawl.spiders.base import NewsSpider
from newscrawler.crawl.spiders.generic import BadSiteURL, GenericSpider, generic_profile, site_domain, site_url
from newscrawler.sites import PROFILES, get_profile


def _spider_class(profile_cls) -> type[NewsSpider]:
    name = profile_cls.spider_name()
    cls = type(
        f"{name.capitalize()}Spider",
        (NewsSpider,),
        {"name": name, "profile_cls": profile_cls, "__module__": __name__,
         "__doc__": f"`scrapy crawl {name}`: {profile_cls.key} and its hosts {', '.join(profile_cls.allowed_hosts)}."},
    )
    globals()[cls.__name__] = cls
    return cls


SPIDERS: dict[str, type[NewsSpider]] = {key: _spider_class(cls) for key, cls in PROFILES.items()}


def spider_for(site: str) -> type[NewsSpider]:
    """The spider of a site key, alias or host, or `generic` (any site, from `-a url=`);
    raises newscrawler.sites.UnknownSite."""
    if site == GenericSpider.name:
        return GenericSpider
    return SPIDERS[get_profile(site).key]


__all__ = [
    "SPIDERS", "BadSiteURL", "GenericSpider", "NewsSpider", "generic_profile", "site_domain", "site_url", "spider_for",
]
