"""Site profiles by key.

Every module in this package (other than `base`) that defines a `SiteProfile` subclass with a `key` is a site:
adding a site is adding one module here (plus its golden fixtures); nothing else registers it.
"""

from __future__ import annotations

import importlib
import pkgutil

from newscrawler.sites.base import GenericProfile, SiteProfile
from newscrawler.urls import hostname, registrable_domain


def _discover() -> dict[str, type[SiteProfile]]:
    found: dict[str, type[SiteProfile]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name == "base" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for obj in vars(module).values():
            if (
                isinstance(obj, type) and issubclass(obj, SiteProfile) and obj.key
                and obj.__module__ == module.__name__
            ):
                if obj.key in found:
                    raise RuntimeError(f"two profiles for {obj.key}: {found[obj.key]} and {obj}")
                found[obj.key] = obj
    return found


PROFILES: dict[str, type[SiteProfile]] = _discover()
#: Short names accepted wherever a site key is (`scrapy crawl suara`, `newscrawler crawl detik`).
ALIASES: dict[str, str] = {cls.spider_name(): key for key, cls in PROFILES.items()}
#: Every host a profile claims (its own domain, sister domains), longest first for suffix matching.
_HOSTS: list[tuple[str, str]] = sorted(
    ((host, key) for key, cls in PROFILES.items() for host in (key, *cls.allowed_hosts)),
    key=lambda pair: len(pair[0]),
    reverse=True,
)


class UnknownSite(KeyError):
    def __str__(self) -> str:
        return f"unknown site {self.args[0]!r}; known sites: {', '.join(sorted(PROFILES))}"


def site_for_host(host: str) -> str | None:
    """The key of the profile that claims `host` (a subdomain or sister domain of a site), else None."""
    host = (host or "").lower().strip(".")
    for known, key in _HOSTS:
        if host == known or host.endswith("." + known):
            return key
    return None


def get_profile(key: str) -> SiteProfile:
    """The profile for a site key, alias or host name (`detik`, `news.detik.com`); raises UnknownSite."""
    key = (key or "").strip().lower()
    if key in PROFILES:
        return PROFILES[key]()
    if key in ALIASES:
        return PROFILES[ALIASES[key]]()
    found = site_for_host(key) if "." in key else None
    if found is None:
        raise UnknownSite(key)
    return PROFILES[found]()


def profile_for_url(url: str) -> SiteProfile:
    """The site's own profile when there is one (sister hosts included), else the generic profile."""
    host = hostname(url)
    key = site_for_host(host) or (PROFILES.get(registrable_domain(host)) and registrable_domain(host))
    return PROFILES[key]() if key else GenericProfile()


__all__ = [
    "ALIASES", "PROFILES", "GenericProfile", "SiteProfile", "UnknownSite", "get_profile", "profile_for_url",
    "site_for_host",
]
