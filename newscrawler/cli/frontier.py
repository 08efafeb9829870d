"""`newscrawler crawl SITE --frontier redis://HOST:PORT/DB` and `newscrawler frontier status|clear SITE`.

Wiring (newscrawler.cli.main / commands): `add_crawl_option(crawl_parser)` and `add_arguments(subparsers)` at
parse time; in `cmd_crawl`, `check_crawl_options(args)` first and `frontier_settings(args.frontier)` merged into
the crawl's settings overrides. A frontier crawl skips the per-store site lock: running several workers of
one site at once is its purpose, and the frontier hands each request to one worker.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any
from urllib.parse import urlsplit

from newscrawler.cli.commands import StoreUnreachable, UsageError

#: The frontier used when --frontier is not given (both for crawls and for `newscrawler frontier`).
ENV_FRONTIER = "NEWSCRAWLER_FRONTIER"


def add_crawl_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--frontier", default=os.environ.get(ENV_FRONTIER) or None, metavar="redis://HOST:PORT/DB",
        help="share one request queue, seen-set and store with every other worker of this site on this Redis "
             f"(run it on as many machines as you like; default ${ENV_FRONTIER})",
    )


def add_arguments(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "frontier", help="the shared Redis frontier of a site: status, clear",
        description="Show or reset a site's shared frontier (see 'newscrawler crawl --frontier').",
    )
    p.add_argument("action", choices=("status", "clear"))
    p.add_argument("site", help="site key (suara.com) or, for the generic crawler, the site's URL")
    p.add_argument("--frontier", default=os.environ.get(ENV_FRONTIER) or None, metavar="redis://HOST:PORT/DB",
                   help=f"the Redis of the frontier (default ${ENV_FRONTIER})")
    p.add_argument("--json", action="store_true", help="status as JSON")
    p.add_argument("--force", action="store_true", help="clear even while workers are running")
    p.set_defaults(func=cmd_frontier)
    return p


def check_crawl_options(args: argparse.Namespace) -> None:
    """Options a frontier crawl cannot be combined with (a usage error, exit 2)."""
    if not getattr(args, "frontier", None):
        return
    if getattr(args, "jobdir", None):
        raise UsageError("--jobdir and --frontier do not mix: the frontier itself keeps an interrupted crawl's "
                         "queue (start a worker again to resume it)")


def frontier_settings(url: str) -> dict[str, Any]:
    """The Scrapy settings overrides of a frontier crawl; the Redis server is checked first, so a bad or
    unreachable URL ends the command before anything is fetched or seeded."""
    from newscrawler.crawl.frontier import FrontierError, FrontierUnreachable
    from newscrawler.crawl.frontier import frontier_settings as engine_settings

    try:
        return engine_settings(url)
    except FrontierUnreachable as exc:
        raise StoreUnreachable(str(exc)) from None
    except FrontierError as exc:
        raise UsageError(str(exc)) from None


def frontier_site_key(site: str) -> str:
    """The frontier's name for SITE: a profile's key (from a key, alias or URL), or a URL's registrable
    domain for the generic crawler."""
    from newscrawler.crawl.spiders import site_domain
    from newscrawler.sites import UnknownSite, get_profile, site_for_host

    if "://" not in site:
        try:
            return get_profile(site).key
        except UnknownSite as exc:
            raise UsageError(f"{exc} (or give the site's URL for a generic crawl)") from None
    host = (urlsplit(site).hostname or "").lower()
    if not host:
        raise UsageError(f"{site!r} is not a site URL with a host name")
    return site_for_host(host) or site_domain(site)


def _open(url: str | None, site: str):
    from newscrawler.crawl.frontier import Frontier, FrontierError, FrontierUnreachable, connect

    if not url:
        raise UsageError(f"no frontier given: --frontier redis://HOST:PORT/DB or ${ENV_FRONTIER}")
    key = frontier_site_key(site)
    try:
        return Frontier(connect(url), key)
    except FrontierUnreachable as exc:
        raise StoreUnreachable(str(exc)) from None
    except FrontierError as exc:
        raise UsageError(str(exc)) from None


def cmd_frontier(args: argparse.Namespace) -> int:
    import redis

    frontier = _open(args.frontier, args.site)
    try:
        if args.action == "status":
            _print_status(frontier.status(), as_json=args.json)
            return 0
        live = frontier.live_workers()
        if live and not args.force:
            raise UsageError(f"{live} worker(s) of {frontier.site_key} are running on this frontier: stop them "
                             "first, or use --force")
        deleted = frontier.clear()
        print(f"{frontier.site_key}: frontier cleared ({deleted} keys deleted)")
        return 0
    except redis.RedisError as exc:
        raise StoreUnreachable(f"the frontier stopped answering: {exc}") from None
    finally:
        frontier.client.close()


def _print_status(status: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(status, indent=2))
        return
    print(f"{status['site']}: {status['queued']} requests queued, {status['in_flight']} in flight, "
          f"{status['seen']} seen; seeded: {status['seeded']}")
    if not status["workers"]:
        print("no workers seen recently")
    for w in status["workers"]:
        print(f"  {w['worker']}  {w['state']}  last heartbeat {w['seen_seconds_ago']} s ago")

