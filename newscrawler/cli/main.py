"""The `newscrawler` command. User mistakes end in one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NoReturn

from newscrawler import __version__
from newscrawler.cli import commands
from newscrawler.cli.commands import UsageError

EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {value}")
    return value


def _user_date(text: str) -> datetime:
    from newscrawler.extract.dates import DateNormalizer, DateParseError

    try:
        return DateNormalizer().parse_user_date(text, now=datetime.now(UTC))
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", help="site key, e.g. suara.com")
    p.add_argument("--since", type=_user_date, help="published at or after: 2025-03-01, 2025-03-01T08:00, 2d, 12h")
    p.add_argument("--until", type=_user_date, help="published before (same forms as --since)")
    p.add_argument("--text", help="full-text search over title and body (all words must match)")
    p.add_argument("--section", help="section / channel, e.g. news, bisnis, bola")
    p.add_argument("--tag", help="articles carrying this tag (case-insensitive)")
    p.add_argument("--author", help="author name contains this (case-insensitive)")
    p.add_argument("--sort", choices=("newest", "oldest", "relevance"), default=None)


def build_parser() -> Parser:
    parser = Parser(prog="newscrawler", description="Crawl Indonesian news portals into MongoDB or SQLite.")
    parser.add_argument("--version", action="version", version=f"newscrawler {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    p = sub.add_parser("sites", help="list site keys and their discovery sources")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_sites)

    p = sub.add_parser("crawl", help="crawl one site into the store")
    p.add_argument("site")
    p.add_argument("--since", type=_user_date)
    p.add_argument("--until", type=_user_date)
    p.add_argument("--max-articles", type=_positive_int)
    p.add_argument("--follow-related", action=argparse.BooleanOptionalAction, default=None,
                   help="also fetch articles linked from Berita Terkait / Baca Juga (default: on, off with --url)")
    p.add_argument("--related-depth", type=_positive_int, default=1)
    p.add_argument("--mirror", help="serve every request for the site's hosts from this http://127.0.0.1:PORT mirror")
    p.add_argument("--jobdir", help="persist the crawl state here so an interrupted crawl can resume")
    p.add_argument("--url", action="append", default=[], help="crawl just this article URL (repeatable)")
    p.add_argument("--recheck-days", type=_positive_int,
                   help="re-fetch stored articles published within this many days")
    p.add_argument("--full", action="store_true", help="fetch stored articles again (no incremental skip)")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's INFO log on stderr")
    p.add_argument("--log-file", help="append Scrapy's INFO log here (rotated at 5 MB, 5 kept)")
    p.set_defaults(func=commands.cmd_crawl)

    p = sub.add_parser("extract", help="one saved page -> one Article JSON (no network)")
    p.add_argument("--site", help="site profile to use (default: from the URL)")
    p.add_argument("--url", required=True, help="the page's URL (canonical URL of page 1)")
    p.add_argument("file", nargs="?", default="-", help="saved HTML file, or - for stdin")
    p.set_defaults(func=commands.cmd_extract)

    p = sub.add_parser("query", help="find stored articles")
    _add_filters(p)
    p.add_argument("--limit", type=_positive_int, default=None)
    p.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default=None)
    p.set_defaults(func=commands.cmd_query)

    p = sub.add_parser("show", help="print one stored article")
    p.add_argument("url")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_show)

    p = sub.add_parser("related", help="what an article links to and what links to it")
    p.add_argument("url")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_related)

    p = sub.add_parser("graph", help="export the link graph")
    p.add_argument("--site")
    p.add_argument("--format", choices=("edges-csv", "jsonl"), default="edges-csv")
    p.add_argument("-o", "--output", default="-")
    p.set_defaults(func=commands.cmd_graph)

    p = sub.add_parser("popular", help="rank a site-wide list's entries across snapshots")
    p.add_argument("site")
    p.add_argument("--list", dest="list_name", choices=("popular", "editors_picks", "latest"), default="popular")
    p.add_argument("--since", type=_user_date)
    p.add_argument("--until", type=_user_date)
    p.add_argument("--limit", type=_positive_int, default=20)
    p.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default=None)
    p.set_defaults(func=commands.cmd_popular)

    p = sub.add_parser("export", help="stream stored articles to a file")
    _add_filters(p)
    p.add_argument("--limit", type=_positive_int, default=None)
    p.add_argument("--format", choices=("jsonl", "csv", "json"), required=True)
    p.add_argument("-o", "--output", default="-")
    p.set_defaults(func=commands.cmd_export)

    p = sub.add_parser("runs", help="crawl run records")
    p.add_argument("--limit", type=_positive_int, default=20)
    p.add_argument("--site")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_runs)

    p = sub.add_parser("schedule", help="print (or install) a crontab line for a site")
    p.add_argument("site")
    p.add_argument("--every", required=True, help="30m, 2h, 1d")
    p.add_argument("--at", help="HH:MM (for daily runs) or :MM (minute past the hour)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--install", action="store_true")
    group.add_argument("--remove", action="store_true")
    p.add_argument("--crawl-args", default="", help="extra crawl options, quoted: --crawl-args '--max-articles 200'")
    p.set_defaults(func=commands.cmd_schedule)

    p = sub.add_parser("spool", help="items waiting for an unreachable store")
    p.add_argument("action", choices=("status", "replay"))
    p.set_defaults(func=commands.cmd_spool)

    p = sub.add_parser("demo", help="serve data/demo-site locally, crawl it, print a summary")
    p.add_argument("--db", help="SQLite file for the demo (default: data/demo.db)")
    p.add_argument("--port", type=int, default=0)
    p.set_defaults(func=commands.cmd_demo)

    p = sub.add_parser("serve", help="browse the embedded store with Datasette (read-only)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument("--db", help="SQLite file (default: NEWSCRAWLER_DB or data/newscrawler.db)")
    p.set_defaults(func=commands.cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"newscrawler: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `newscrawler query | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("newscrawler: interrupted", file=sys.stderr)
        return 130


