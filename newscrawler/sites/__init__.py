"""Site profiles by key."""

from __future__ import annotations

from newscrawler.sites.base import GenericProfile, SiteProfile
from newscrawler.sites.suara import SuaraProfile
from newscrawler.urls import hostname, registrable_domain

PROFILES: dict[str, type[SiteProfile]] = {p.key: p for p in (SuaraProfile,)}
#: Short names accepted wherever a site key is (`scrapy crawl suara`).
ALIASES: dict[str, str] = {key.split(".")[0]: key for key in PROFILES}


class UnknownSite(KeyError):
    def __str__(self) -> str:
        return f"unknown site {self.args[0]!r}; known sites: {', '.join(sorted(PROFILES))}"


def get_profile(key: str) -> SiteProfile:
    """The profile for a site key or alias; raises UnknownSite."""
    key = (key or "").strip().lower()
    key = ALIASES.get(key, key)
    if key.startswith("www."):
        key = key[4:]
    if key not in PROFILES:
        raise UnknownSite(key)
    return PROFILES[key]()


def profile_for_url(url: str) -> SiteProfile:
    """The site's own profile when there is one, else the generic profile."""
    domain = registrable_domain(hostname(url))
    cls = PROFILES.get(domain)
    return cls() if cls else GenericProfile()


__all__ = ["PROFILES", "GenericProfile", "SiteProfile", "UnknownSite", "get_profile", "profile_for_url"]
