"""The `newscrawler` command. User mistakes end in one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NoReturn

from newscrawler import __version__
from newscrawler.cli import archive, commands, deploy, frontier
from newscrawler.cli.commands import StoreUnreachable, UsageError
from newscrawler.store.base import StoreError, StoreUnavailable
from newscrawler.timezone import BadTimeZone, display_zone

EXIT_FAILED = 1
EXIT_USAGE = 2
#: A reading command could not reach the store (an outage, not a mistake in the command).
EXIT_STORE_UNREACHABLE = 5
#: Both stores keep integers as signed 64-bit; a larger count cannot even be sent.
MAX_INT64 = 2**63 - 1
MAX_PORT = 65535
#: --recheck-days beyond a century is a typo, and would overflow date arithmetic long before int64.
MAX_RECHECK_DAYS = 36500

EXIT_STATUS_HELP = """exit status:
  0  done
  1  the command or crawl failed (a crawl whose records reached neither the store nor the spool)
  2  a mistake in the command or the environment (one line on stderr)
  3  another crawl of the same site into the same store holds the lock
  4  crawl: the store was unreachable and records were spooled (replay with 'newscrawler spool replay')
  5  the store was unreachable (reading commands, spool replay)"""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _whole_number(text: str) -> int:
    try:
        # int() of a long digit string is refused past 4300 digits with ValueError; both are one line.
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text[:40]!r}") from None


def _positive_int(text: str, maximum: int = MAX_INT64) -> int:
    value = _whole_number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {value}")
    if value > maximum:
        raise argparse.ArgumentTypeError(f"must be at most {maximum}, got {text[:40]}")
    return value


def _count(text: str) -> int:
    """0-64 (a number of worker processes)."""
    value = _whole_number(text)
    if not 0 <= value <= 64:
        raise argparse.ArgumentTypeError(f"must be from 0 to 64, got {text[:40]}")
    return value


def _recheck_days(text: str) -> int:
    return _positive_int(text, MAX_RECHECK_DAYS)


def _port(text: str) -> int:
    value = _whole_number(text)
    if not 0 <= value <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"a port is 0-{MAX_PORT} (0 picks a free one), got {text[:40]}")
    return value


def _user_date(text: str) -> datetime:
    from newscrawler.extract.dates import DateNormalizer, DateParseError

    try:
        return DateNormalizer().parse_user_date(text, now=datetime.now(UTC))
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    except (OverflowError, ValueError):
        # `99999999d` and friends: a date before year 1 or after 9999.
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is outside the dates a calendar can hold") from None


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
    parser = Parser(prog="newscrawler", description="Crawl Indonesian news portals into MongoDB or SQLite.",
                    epilog=EXIT_STATUS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newscrawler {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    p = sub.add_parser("sites", help="list site keys and their discovery sources")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_sites)

    p = sub.add_parser(
        "crawl", help="crawl one site (a key such as suara.com, or any news site's URL) into the store",
        description="Crawl a site with its profile (newscrawler sites), or any other news site from its URL: "
        "'newscrawler crawl https://example.id/' discovers articles from robots.txt sitemaps, /sitemap.xml, "
        "news sitemaps, RSS/Atom feeds and the front page's article links, and stores them under the "
        "site's registrable domain (example.id).",
    )
    p.add_argument("site", help="site key or alias (suara.com, suara), or a news site's URL (https://example.id/)")
    p.add_argument("--since", type=_user_date)
    p.add_argument("--until", type=_user_date)
    p.add_argument("--max-articles", type=_positive_int)
    p.add_argument("--follow-related", action=argparse.BooleanOptionalAction, default=None,
                   help="also fetch articles linked from Berita Terkait / Baca Juga (default: on, off with --url)")
    p.add_argument("--related-depth", type=_positive_int, default=1)
    p.add_argument("--mirror", help="serve every request for the site's hosts from this http://127.0.0.1:PORT mirror")
    p.add_argument("--jobdir", help="persist the crawl state here so an interrupted crawl can resume")
    p.add_argument("--url", action="append", default=[], help="crawl just this article URL (repeatable)")
    p.add_argument("--sitemap", action="append", default=[],
                   help="also discover from this sitemap or sitemap index URL (repeatable)")
    p.add_argument("--rss", action="append", default=[], help="also discover from this RSS/Atom feed URL (repeatable)")
    p.add_argument("--recheck-days", type=_recheck_days,
                   help="re-fetch stored articles published within this many days")
    p.add_argument("--full", action="store_true", help="fetch stored articles again (no incremental skip)")
    p.add_argument("--concurrency", type=_positive_int, metavar="N",
                   help="requests in flight (default 8; with --mirror up to 256). A live site stays throttled: "
                        "up to 16, AutoThrottle still paces them, at most N requests a second")
    p.add_argument("--extract-workers", type=_count, metavar="N",
                   help="processes extracting articles once a crawl passes 100 pages (default: one per core "
                        "beyond the first; 0: in the crawl's own process)")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's INFO log on stderr")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress and no summary; only problems, one line each on stderr (for cron). "
                        "Also the default when stdout is not a terminal")
    p.add_argument("--summary", action="store_true", help="print the summary even when stdout is not a terminal")
    p.add_argument("--log-file", help="append Scrapy's INFO log here (rotated at 5 MB, 5 kept)")
    p.add_argument("--archive", metavar="DIR",
                   help="also write every fetched page to WARC 1.1 files here (gzip, rotated at 1 GB); "
                        "articles keep a pointer to their record for 'newscrawler reextract'")
    frontier.add_crawl_option(p)
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
    p.add_argument("url", help="its URL; http/https, no scheme, a trailing slash or a mirror URL all find it")
    p.add_argument("--site", help="the site a mirror URL (http://127.0.0.1:PORT/path) stands for")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_show)

    p = sub.add_parser("related", help="what an article links to and what links to it")
    p.add_argument("url", help="its URL; http/https, no scheme, a trailing slash or a mirror URL all find it")
    p.add_argument("--site", help="the site a mirror URL (http://127.0.0.1:PORT/path) stands for")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_related)

    p = sub.add_parser("graph", help="export the link graph")
    p.add_argument("--site")
    p.add_argument("--format", choices=("edges-csv", "jsonl", "gexf", "graphml"), default=None,
                   help="default: from the -o extension (.gexf, .graphml, .jsonl), else edges-csv")
    p.add_argument("-o", "--output", default="-")
    p.add_argument("--nodes", metavar="FILE", help="also write the node list (url, title, site, stored) as CSV; "
                   "default for gexf/graphml: OUTPUT.nodes.csv")
    p.add_argument("--force", action="store_true", help="overwrite the --output file if it exists")
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
    p.add_argument("--format", choices=("jsonl", "csv", "json", "parquet"), default=None,
                   help="default: from the -o extension (.jsonl, .csv, .json, .parquet)")
    p.add_argument("-o", "--output", default="-")
    p.add_argument("--excel", action="store_true", help="CSV for Excel: UTF-8 with a BOM, CRLF line ends")
    p.add_argument("--no-links", dest="links", action="store_false",
                   help="CSV: do not write the link lists to OUTPUT.links.csv beside the file")
    p.add_argument("--force", action="store_true", help="overwrite the --output file if it exists")
    p.set_defaults(func=commands.cmd_export)

    p = sub.add_parser("runs", help="crawl run records")
    p.add_argument("--limit", type=_positive_int, default=20)
    p.add_argument("--site")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_runs)

    p = sub.add_parser("schedule", help="print (or install) a crontab line for a site; or a systemd timer")
    p.add_argument("site")
    p.add_argument("--every", help="30m, 2h, 1d (not needed with --remove)")
    p.add_argument("--at", help="HH:MM in WIB, or NEWSCRAWLER_TZ (for daily runs), or :MM (minute past the hour)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--install", action="store_true")
    group.add_argument("--remove", action="store_true", help="remove the site's crontab line")
    group.add_argument("--systemd", action="store_true",
                       help="print a systemd service + timer instead, for machines without cron")
    p.add_argument("--crawl-args", default="", help="extra crawl options, quoted: --crawl-args '--max-articles 200'")
    p.add_argument("--env-file", help="read MONGODB_URI etc. from this sh-syntax file at run time instead of "
                                      "writing them into the crontab line (keeps credentials out of crontab)")
    p.set_defaults(func=commands.cmd_schedule)

    p = sub.add_parser("spool", help="items waiting for an unreachable store")
    p.add_argument("action", choices=("status", "replay"))
    p.set_defaults(func=commands.cmd_spool)

    p = sub.add_parser("demo", help="serve data/demo-site locally, crawl it, print a summary")
    p.add_argument("--db", help="SQLite file for the demo (default: data/demo.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to serve the demo site on (default: 127.0.0.1)")
    p.add_argument("--port", type=_port, default=0)
    p.set_defaults(func=commands.cmd_demo)

    p = sub.add_parser(
        "serve", help="the news reader on the web (read-only; either store), or Datasette for SQL",
        description="A read-only news reader on http://127.0.0.1:PORT/: search (phrases, OR, NOT), articles with "
        "their link lists, popularity over time, articles per day, crawl health. --datasette serves the SQLite "
        "store with Datasette instead, for SQL.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=8001)
    p.add_argument("--db", help="SQLite file (default: NEWSCRAWLER_DB or the data directory's newscrawler.db)")
    p.add_argument("--datasette", action="store_true", help="Datasette over the SQLite store instead of the reader")
    p.add_argument("--access-log", action="store_true", help="log each request on stderr (reader)")
    p.set_defaults(func=commands.cmd_serve)

    deploy.add_arguments(sub)

    frontier.add_arguments(sub)

    p = sub.add_parser(
        "import-warc", help="store the news articles in WARC files (CC-NEWS, a newsroom's own, ours)",
        description="Read WARC files record by record (any size, constant memory) and store the HTML responses "
        "of known sites (or, with --generic, anything that extracts as a news article) through the crawl's "
        "pipelines, with the WARC date as the crawl time. Revisit, non-200 and non-HTML records are counted "
        "and skipped; a damaged file is imported up to the damage, which is reported with its byte offset "
        "(exit 1).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="WARC files (.warc or .warc.gz)")
    p.add_argument("--site", action="append", default=[], help="only this site (repeatable; key, alias or host)")
    p.add_argument("--generic", action="store_true",
                   help="also pages of sites without a profile that extract as news articles")
    p.add_argument("--since", type=_user_date, help="articles published at or after (URL date, else WARC date)")
    p.add_argument("--until", type=_user_date, help="articles published before")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's INFO log on stderr")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress and no summary; only problems, one line each on stderr (for cron). "
                        "Also the default when stdout is not a terminal")
    p.add_argument("--summary", action="store_true", help="print the summary even when stdout is not a terminal")
    p.set_defaults(func=archive.cmd_import_warc)

    p = sub.add_parser(
        "reextract", help="run today's extractors over the archived pages of stored articles",
        description="Read each matching article's archived page (crawl --archive) again, extract it with "
        "today's extractors and store it through the crawl's pipelines: a changed body becomes a new version. "
        "--dry-run prints what would change and writes nothing.",
    )
    _add_filters(p)
    p.add_argument("--archive", metavar="DIR", help="the archive folder (default $NEWSCRAWLER_ARCHIVE or "
                   "data/archive); pointers stored with an absolute path do not need it")
    p.add_argument("--limit", type=_positive_int)
    p.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's INFO log on stderr")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress and no summary; only problems, one line each on stderr (for cron). "
                        "Also the default when stdout is not a terminal")
    p.add_argument("--summary", action="store_true", help="print the summary even when stdout is not a terminal")
    p.set_defaults(func=archive.cmd_reextract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        display_zone()  # a bad NEWSCRAWLER_TZ is one line and exit 2 up front, not a failure halfway through output
        return int(args.func(args) or 0)
    except (UsageError, BadTimeZone) as exc:
        print(f"newscrawler: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except (StoreUnreachable, StoreUnavailable) as exc:
        # Also when the store goes away in the middle of a reading command.
        print(f"newscrawler: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_STORE_UNREACHABLE
    except StoreError as exc:
        print(f"newscrawler: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # `newscrawler query | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("newscrawler: interrupted", file=sys.stderr)
        return 130


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


