"""What each `newscrawler` subcommand does; newscrawler.cli.main parses the command line and calls these."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit


class UsageError(Exception):
    """A mistake in what the user typed: reported in one line, exit status 2."""


class StoreUnreachable(Exception):
    """A reading command could not reach the store: one line, exit status 5 (an outage, not a mistake)."""


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "site": _filters_site(args.site), "since": args.since, "until": args.until, "text": args.text,
        "section": args.section, "tag": args.tag, "author": args.author,
    }


def _open_store(must_exist: bool = True):
    from newscrawler.store import StoreConfigError, StoreError, StoreUnavailable, open_store

    try:
        store = open_store(must_exist=must_exist)
    except StoreUnavailable as exc:
        raise StoreUnreachable(str(exc)) from None
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    try:
        store.ping()
    except StoreError as exc:
        store.close()
        if isinstance(exc, StoreConfigError) or not isinstance(exc, StoreUnavailable):
            raise UsageError(str(exc)) from None
        raise StoreUnreachable(str(exc)) from None
    return store


#: `newscrawler sites`' entry for sites without a profile: where the generic crawl looks.
GENERIC_SITE = {
    "key": "generic",
    "name": "any other news site: newscrawler crawl https://example.id/ [--sitemap URL] [--rss URL]",
    "spider": "generic",
    "hosts": [],
    "sitemaps": ["robots.txt Sitemap: lines, else /sitemap.xml (sitemap indexes, news sitemaps)"],
    "index_pages": ["the front page and the section pages it links to (one level)"],
    "rss": ["<link rel=alternate> feeds on the front page"],
}


def cmd_sites(args) -> int:
    from newscrawler.sites import PROFILES

    described = [{**cls().describe(), "spider": cls.spider_name()} for cls in PROFILES.values()]
    described.append(GENERIC_SITE)
    if args.json:
        print(json.dumps(described, indent=2))
        return 0
    for d in described:
        hosts = f"; hosts: {', '.join(d['hosts'])}" if d["hosts"] else ""
        print(f"{d['key']}  ({d['name']}; spider: {d['spider']}{hosts})")
        for kind, label in (("sitemaps", "sitemap"), ("index_pages", "index page"), ("rss", "rss")):
            for url in d[kind]:
                print(f"    {label}: {url}")
    return 0


def _store_identity():
    """The configured store, checked before anything is fetched: bad settings are exit 2, not a spooled run."""
    from newscrawler.store import StoreConfigError, store_identity

    try:
        return store_identity()
    except StoreConfigError as exc:
        raise UsageError(str(exc)) from None


def _writable_log(path: str) -> None:
    from newscrawler.cli.schedule import rotate_log

    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        rotate_log(path)
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise UsageError(f"--log-file {path}: cannot write: {exc.strerror or exc}") from None


def _usable_jobdir(path: str) -> None:
    directory = Path(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / f".newscrawler-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"--jobdir {path}: cannot create or write: {exc.strerror or exc}") from None


@contextmanager
def crawl_lock(site: str, identity) -> Iterator[None]:
    """The store's lock for `site`; an unwritable lock folder is a usage error (exit 2)."""
    from newscrawler.crawl.runner import site_lock
    from newscrawler.paths import lock_dir_override

    lock_dir = lock_dir_override()
    lock = site_lock(site, identity, lock_dir)
    try:
        lock.__enter__()
    except OSError as exc:
        where = lock_dir or identity.lock_directory
        raise UsageError(f"cannot write the lock folder {where}: {exc.strerror or exc} "
                         "(set NEWSCRAWLER_LOCK_DIR to a writable folder)") from None
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def cmd_crawl(args) -> int:
    from newscrawler.crawl.runner import EXIT_LOCKED, CrawlLocked, crawl_settings, run_crawl

    talk = _talkative(args)
    spider, site_key, target_args = _crawl_target(args, talk)
    if args.since and args.until and args.since >= args.until:
        raise UsageError("--since must be before --until")
    if args.mirror and not args.mirror.startswith(("http://", "https://")):
        raise UsageError(f"--mirror must be an http:// URL, got {args.mirror!r}")
    spider_args = {
        "since": args.since, "until": args.until, "max_articles": args.max_articles,
        "follow_related": args.follow_related, "related_depth": args.related_depth, "url": args.url,
        "mirror": args.mirror, "recheck_days": args.recheck_days, "incremental": not args.full,
        "sitemap": args.sitemap, "rss": args.rss, **target_args,
    }
    from newscrawler.cli.frontier import check_crawl_options, frontier_settings

    check_crawl_options(args)
    identity = _store_identity()
    overrides: dict[str, Any] = {}
    if args.log_file:
        _writable_log(args.log_file)
        overrides = {"LOG_FILE": args.log_file, "LOG_FILE_APPEND": True}
    if args.jobdir:
        _usable_jobdir(args.jobdir)
    if args.archive:
        overrides["NEWSCRAWLER_ARCHIVE_DIR"] = _usable_archive(args.archive)
    if args.frontier:
        overrides.update(frontier_settings(args.frontier))
    level = "INFO" if args.verbose or args.log_file else "WARNING"
    # The bar needs a terminal on stderr too; -v's log lines would tear it.
    progress = talk and not args.verbose and sys.stderr.isatty()
    try:
        settings = crawl_settings(mirror=args.mirror, jobdir=args.jobdir, log_level=level, overrides=overrides,
                                  progress=progress, concurrency=args.concurrency,
                                  extract_workers=args.extract_workers)
    except ValueError as exc:  # --concurrency out of range for this kind of crawl
        raise UsageError(str(exc)) from None
    # Workers of one frontier share the site on purpose: the frontier, not the lock, keeps them apart.
    lock = contextlib.nullcontext() if args.frontier else crawl_lock(site_key, identity)
    try:
        with lock:
            result = run_crawl(spider, spider_args, settings, tracebacks=args.verbose)
    except CrawlLocked as exc:
        print(f"newscrawler: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    _report_problems(result)
    if talk:
        _print_crawl_summary(result)
    return result.exit_code


def _talkative(args) -> bool:
    """A person at a terminal gets progress and a summary; cron (a pipe or a file) and --quiet get nothing on
    success, so cron mails only failures. --summary asks for the summary anyway (scripts, tests)."""
    if args.quiet:
        return False
    return bool(args.summary) or sys.stdout.isatty()


def _usable_archive(path: str) -> str:
    """The --archive folder, created and writable, as an absolute path (one line, exit 2 otherwise)."""
    folder = Path(path).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the archive folder {path}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to the archive folder {path}")
    return str(folder.resolve())


def _crawl_target(args, talk: bool = True) -> tuple[str, str, dict[str, Any]]:
    """(spider, site key, extra spider arguments) for `crawl SITE`: a site key or alias runs its profile's
    spider; a URL runs the generic spider on its registrable domain, or the profile that claims its host."""
    from newscrawler.crawl.spiders import GenericSpider, site_domain
    from newscrawler.sites import UnknownSite, get_profile, site_for_host

    for url in (*args.sitemap, *args.rss):
        if not url.startswith(("http://", "https://")):
            raise UsageError(f"--sitemap/--rss take http(s) URLs, got {url!r}")
    if "://" not in args.site:
        try:
            key = get_profile(args.site).key
        except UnknownSite as exc:
            raise UsageError(f"{exc} (or give a news site's URL, e.g. https://example.id/)") from None
        return key, key, {}
    parts = urlsplit(args.site)
    host = (parts.hostname or "").lower() if parts.scheme in ("http", "https") else ""
    if not host or "." not in host.strip("."):
        raise UsageError(f"{args.site!r} is not a site URL with a host name (e.g. https://example.id/)")
    known = site_for_host(host)
    if known:
        if talk:
            print(f"newscrawler: {host} belongs to {known}: crawling it with the {known} profile", file=sys.stderr)
        return known, known, {}
    # The generic spider's `url` is the site; --url article URLs go in `article_url`.
    return GenericSpider.name, site_domain(args.site), {"url": args.site, "article_url": args.url}


def _report_problems(result) -> None:
    """Whatever went wrong, one line each on stderr, whether or not anyone watches (cron mails stderr)."""
    run = result.run
    errors = run.get("errors") or {}
    if result.lost:
        print(f"newscrawler: error: the store was unreachable and {run.get('spool_error')}: "
              f"{run.get('lost', 0)} record(s) lost", file=sys.stderr)
    elif result.exit_code == 1:
        print(f"newscrawler: crawl failed ({run.get('finish_reason')}, {run.get('pages_fetched', 0)} pages fetched); "
              f"errors: {errors or 'none recorded'}", file=sys.stderr)
    if not result.lost and (result.spooled or run.get("store_error")):
        print(f"newscrawler: warning: the store was unavailable ({run.get('store_error')}); {result.spooled} records "
              f"spooled to {_spool_path(result)} — replayed on the next run or by 'newscrawler spool replay'",
              file=sys.stderr)


def _spool_path(result) -> str:
    """The spool folder this run wrote to, as an absolute path (the pipeline records it)."""
    from newscrawler.paths import spool_dir

    return str(result.run.get("spool_dir") or result.stats.get("newscrawler/spool_dir") or spool_dir().absolute())


def _duration(stats: dict[str, Any]) -> str:
    seconds = stats.get("elapsed_time_seconds")
    if not isinstance(seconds, int | float):
        start, end = stats.get("start_time"), stats.get("finish_time")
        seconds = (end - start).total_seconds() if start and end else 0.0
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{seconds:.1f}s"


def _print_crawl_summary(result) -> None:
    from newscrawler.cli.output import wib
    from newscrawler.crawl.progress import SAMPLE_STAT

    run = result.run
    a = run.get("articles", {})
    print(
        f"{run.get('site')}: {run.get('finish_reason')} in {_duration(result.stats)}; "
        f"{run.get('pages_fetched', 0)} pages fetched; "
        f"{a.get('scraped', 0)} articles scraped: {a.get('new', 0)} new, {a.get('updated', 0)} updated, "
        f"{a.get('unchanged', 0)} unchanged, {a.get('spooled', 0)} spooled; {a.get('dropped', 0)} dropped; "
        f"{a.get('skipped_known', 0)} already stored (skipped)"
        + (f"; {a['lost']} LOST" if a.get("lost") else "")
    )
    if run.get("started_at"):
        from datetime import datetime

        print(f"started {wib(datetime.fromisoformat(run['started_at']))}")
    # The canonical URLs the store keeps (a --mirror run stores the real site's URLs, not the mirror's).
    for url in result.stats.get(SAMPLE_STAT) or []:
        print(f"  {url}")
    if result.lost:
        print(f"run {run.get('run_id')} failed: records lost")
    elif result.spooled or run.get("store_error"):
        print(f"run {run.get('run_id')} spooled with the items, in {_spool_path(result)}")
    else:
        if result.exit_code == 0 and not a.get("scraped"):
            print("nothing new to fetch")
        print(f"run {run.get('run_id')} recorded; see 'newscrawler runs'")


def cmd_extract(args) -> int:
    from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
    from newscrawler.extract.processing import InvalidArticle, build_article
    from newscrawler.sites import UnknownSite, get_profile, profile_for_url

    if not args.url.startswith(("http://", "https://")):
        raise UsageError(f"--url must be an http(s) URL, got {args.url!r}")
    try:
        profile = get_profile(args.site) if args.site else profile_for_url(args.url)
    except UnknownSite as exc:
        raise UsageError(str(exc)) from None
    try:
        html = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    try:
        raw = ArticleExtractor(profile).extract(args.url, html)
        article, _ = build_article([raw], profile)
    except (NotAnArticle, InvalidArticle) as exc:
        print(json.dumps({"error": "not_an_article", "url": args.url, "message": str(exc)}, ensure_ascii=False))
        return 1
    article.pop("crawled_at", None)  # nothing was crawled
    print(json.dumps(article, ensure_ascii=False, indent=2))
    return 0


def _pick_format(fmt: str | None) -> str:
    return fmt or ("table" if sys.stdout.isatty() else "jsonl")


def _emit(records, fmt: str, out, table_fn: Callable[[list], None], fields: tuple[str, ...] | None = None) -> int:
    from newscrawler.cli import output

    if fields is not None and fmt in ("json", "jsonl"):
        records = ({name: record.get(name) for name in fields} for record in records)
    if fmt == "json":
        return output.write_json(records, out)
    if fmt == "jsonl":
        return output.write_jsonl(records, out)
    if fmt == "csv":
        return output.write_csv(records, out, *([fields] if fields else []))
    rows = list(records)
    table_fn(rows)
    return len(rows)


def cmd_query(args) -> int:
    from newscrawler.cli import output

    store = _open_store()
    try:
        filters = _filters(args)
        records = store.query(**filters, limit=args.limit, sort=args.sort or ("relevance" if args.text else "newest"))
        fmt = _pick_format(args.format)

        def show_table(rows):
            output.table(list(output.article_rows(rows)), ["TITLE", "SITE", "PUBLISHED", "URL"], sys.stdout)
            print(f"{len(rows)} article(s)")

        _emit(records, fmt, sys.stdout, show_table)
    finally:
        store.close()
    return 0


def _url_variants(url: str, site: str | None = None) -> list[str]:
    """The stored URLs `url` may stand for: as typed, canonical, with https/http, with or without a trailing
    slash; a mirror URL (http://127.0.0.1:PORT/path) becomes the path on the site's own hosts (--site)."""
    from newscrawler.urls import canonical_url

    typed = url.strip()
    if "://" not in typed:
        typed = "https://" + typed.lstrip("/")
    parts = urlsplit(typed)
    hosts = [parts.netloc]
    if _is_loopback(parts.hostname) and site:
        hosts = _site_hosts(site)
    variants: list[str] = []
    for host in hosts:
        rest = parts.path or "/"
        query = f"?{parts.query}" if parts.query else ""
        for path in dict.fromkeys((rest, rest.rstrip("/") or "/", rest if rest.endswith("/") else rest + "/")):
            for scheme in ("https", "http"):
                candidate = f"{scheme}://{host}{path}{query}"
                variants += [candidate, canonical_url(candidate)]
    return list(dict.fromkeys([url.strip(), *variants]))


def _is_loopback(host: str | None) -> bool:
    return bool(host) and (host == "localhost" or host.startswith("127.") or host == "::1")


def _site_hosts(site: str) -> list[str]:
    from newscrawler.sites import UnknownSite, get_profile

    try:
        profile = get_profile(site)
    except UnknownSite:
        return [site.strip().lower(), "www." + site.strip().lower()]
    hosts = list(profile.describe().get("hosts") or [])
    return hosts or [profile.key]


def _get_article(store, url: str, site: str | None = None) -> dict:
    for candidate in _url_variants(url, site):
        article = store.get(candidate)
        if article is not None:
            return article
    article = _by_mirror_path(store, url, site)
    if article is None:
        hint = " (a mirror URL needs --site)" if _is_loopback(urlsplit(url).hostname) and not site else ""
        raise UsageError(f"no stored article with URL {url}{hint}")
    return article


def _by_mirror_path(store, url: str, site: str | None) -> dict | None:
    """A mirror URL without --site: the one stored article whose path (and query) is the same."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    if not _is_loopback(parts.hostname) or not parts.path.strip("/"):
        return None
    wanted = (parts.path.rstrip("/"), parts.query)
    found = [doc for doc in store.query(site=_filters_site(site), fields=("url",))
             if (urlsplit(doc["url"]).path.rstrip("/"), urlsplit(doc["url"]).query) == wanted]
    if len(found) > 1:
        raise UsageError(f"{url} matches {len(found)} stored articles on different sites; add --site")
    return store.get(found[0]["url"]) if found else None


def cmd_show(args) -> int:
    from newscrawler.cli import output

    store = _open_store()
    try:
        article = _get_article(store, args.url, getattr(args, "site", None))
    finally:
        store.close()
    if args.json:
        print(json.dumps(output.jsonable(article), ensure_ascii=False, indent=2))
        return 0
    print(article.get("title") or "")
    print("=" * min(len(article.get("title") or ""), 100))
    meta = [
        ("URL", article.get("url")), ("Site", article.get("site")), ("Section", article.get("section")),
        ("Published", output.wib(article.get("published_at"))), ("Modified", output.wib(article.get("modified_at"))),
        ("Authors", ", ".join(article.get("authors") or [])), ("Tags", ", ".join(article.get("tags") or [])),
        ("Dateline", article.get("dateline")), ("Pages", article.get("pages")),
        ("Crawled", output.wib(article.get("crawled_at"))), ("Version", article.get("version")),
    ]
    for key, value in meta:
        if value not in (None, "", []):
            print(f"{key + ':':<11}{value}")
    print()
    print(article.get("body") or "")
    lists = article.get("link_lists") or {}
    for name, entries in lists.items():
        print(f"\n[{name}]")
        for i, e in enumerate(entries, 1):
            print(f"  {i}. {e['title']}\n     {e['url']}")
    return 0


def cmd_related(args) -> int:
    from newscrawler.cli import output

    store = _open_store()
    try:
        article = _get_article(store, args.url, getattr(args, "site", None))
        incoming = store.links_to(article["url"])
    finally:
        store.close()
    lists = article.get("link_lists") or {}
    outgoing = [
        {"list": name, "rank": i, **e}
        for name in ("read_also", "related") for i, e in enumerate(lists.get(name, []), 1)
    ]
    if args.json:
        print(json.dumps(output.jsonable({"url": article["url"], "links_to": outgoing, "linked_from": incoming}),
                         ensure_ascii=False, indent=2))
        return 0
    print(f"{article.get('title')}\n{article['url']}\n")
    print(f"Links to ({len(outgoing)}):")
    for e in outgoing:
        print(f"  [{e['list']} #{e['rank']}] {e['title']}\n      {e['url']}")
    print(f"\nLinked from ({len(incoming)} stored article(s)):")
    for e in incoming:
        print(f"  [{e['list']} #{e['rank']}] {e.get('title')}\n      {e['url']}")
    return 0


@contextmanager
def _output_to(path: str, noun: str, force: bool = False,
               encoding: str = "utf-8") -> Iterator[Callable[[Callable[[IO[str]], int]], None]]:
    """Yields `write(fn)`: fn writes to the file (or stdout for -) and returns how many records it wrote.

    An existing file is replaced only with `force`: an export is not worth someone's other data."""
    if path == "-":
        yield lambda fn: fn(sys.stdout) and None
        return
    with _open_new(path, force, encoding) as handle:
        yield lambda fn: print(f"{fn(handle)} {noun} written to {path}", file=sys.stderr)


#: Output formats by file extension, for `export -o FILE` and `graph -o FILE` without --format.
EXPORT_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
                     ".pq": "parquet"}
GRAPH_EXTENSIONS = {".gexf": "gexf", ".graphml": "graphml", ".jsonl": "jsonl", ".csv": "edges-csv"}


def _format_from(path: str, given: str | None, known: dict[str, str], default: str | None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in known:
        return known[suffix]
    if default is None:
        raise UsageError(f"cannot tell the format of {path!r}: use --format or an extension "
                         f"({', '.join(sorted(known))})")
    return default


def _companion(path: str, suffix: str) -> str:
    """FILE.csv -> FILE.<suffix>: a file written beside the main output."""
    base = Path(path)
    return str(base.with_name(base.stem + suffix)) if base.suffix else path + suffix


def cmd_graph(args) -> int:
    from newscrawler.cli import graphio, output

    fmt = _format_from(args.output, args.format, GRAPH_EXTENSIONS, "edges-csv")
    fields = ("source", "source_title", "target", "target_title", "list", "rank")
    nodes_path = args.nodes or (_companion(args.output, ".nodes.csv")
                                if fmt in ("gexf", "graphml") and args.output != "-" else None)
    store = _open_store()
    try:
        edges = store.graph_edges(site=_filters_site(args.site))
        if fmt in ("gexf", "graphml") or nodes_path:
            edges = list(edges)  # nodes come from every edge before any is written
            nodes = graphio.graph_nodes(edges, _site_of_url)
        with _output_to(args.output, "edges", args.force) as write:
            if fmt == "jsonl":
                write(lambda out: output.write_jsonl(edges, out))
            elif fmt == "gexf":
                write(lambda out: graphio.write_gexf(nodes, edges, out))
            elif fmt == "graphml":
                write(lambda out: graphio.write_graphml(nodes, edges, out))
            else:
                write(lambda out: output.write_csv(edges, out, fields))
        if nodes_path:
            with _output_to(nodes_path, "nodes", args.force) as write:
                write(lambda out: graphio.write_nodes_csv(nodes, out))
    finally:
        store.close()
    return 0


def _site_of_url(url: str) -> str | None:
    from newscrawler.sites import site_for_host
    from newscrawler.urls import registrable_domain

    host = urlsplit(url).hostname or ""
    return site_for_host(host) or registrable_domain(url) or None


def _filters_site(site: str | None) -> str | None:
    from newscrawler.sites import UnknownSite, get_profile

    if not site:
        return None
    try:
        return get_profile(site).key
    except UnknownSite:
        return site.strip().lower()


def cmd_popular(args) -> int:
    from newscrawler.cli import output

    site = _filters_site(args.site)
    store = _open_store()
    try:
        ranked = store.popular(site, list_name=args.list_name, since=args.since, until=args.until, limit=args.limit)
        ranked = [{"rank": i, **row} for i, row in enumerate(ranked, 1)]
    finally:
        store.close()
    fmt = _pick_format(args.format)

    def show_table(rows):
        if not rows:
            print(f"no {args.list_name} snapshots stored for {site} in that window")
            return
        output.table(
            [[str(i), r.get("title") or "", str(r["appearances"]), str(r["best_rank"]), output.wib(r["first_seen"]),
              output.wib(r["last_seen"]), r["url"]] for i, r in enumerate(rows, 1)],
            ["#", "TITLE", "SEEN", "BEST", "FIRST SEEN", "LAST SEEN", "URL"], sys.stdout, flex=1,
        )

    _emit(ranked, fmt, sys.stdout, show_table, POPULAR_FIELDS)
    return 0


#: `popular` rows: a ranking of list entries, not articles.
POPULAR_FIELDS = ("rank", "url", "title", "appearances", "best_rank", "first_seen", "last_seen")


def cmd_export(args) -> int:
    from newscrawler.cli import output

    fmt = _format_from(args.output, args.format, EXPORT_EXTENSIONS, None if args.output != "-" else "jsonl")
    if args.excel and fmt != "csv":
        raise UsageError("--excel is for CSV exports")
    if fmt == "parquet":
        return _export_parquet(args)
    links_path = _companion(args.output, ".links.csv") if fmt == "csv" and args.links and args.output != "-" \
        else None
    if links_path and os.path.exists(links_path) and not args.force:
        # Checked first, so a refused export leaves no half-written main file either.
        raise UsageError(f"{links_path} exists; use --force to overwrite it (or --no-links)")
    writer = {"jsonl": output.write_jsonl, "csv": output.write_csv, "json": output.write_json}[fmt]
    # utf-8-sig writes the BOM Excel needs to read UTF-8; csv's rows already end in CRLF.
    encoding = "utf-8-sig" if args.excel else "utf-8"
    store = _open_store()
    try:
        with contextlib.ExitStack() as stack:
            write = stack.enter_context(_output_to(args.output, "articles", args.force, encoding))
            records = store.query(**_filters(args), limit=args.limit, sort=args.sort or "newest")
            if links_path:
                links_out = stack.enter_context(_open_new(links_path, args.force, encoding))
                records = output.tee_link_lists(records, links_out)
            if args.excel and args.output == "-":
                sys.stdout.write("\ufeff")
            write(lambda out: writer(records, out))
            if links_path:
                print(f"link lists written to {links_path}", file=sys.stderr)
    finally:
        store.close()
    return 0


@contextmanager
def _open_new(path: str, force: bool, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A new file to write (an existing one only with `force`); a usage error, one line, otherwise."""
    try:
        # "x" creates or fails atomically, so no check-then-write race either.
        handle = open(path, "w" if force else "x", encoding=encoding, newline="")  # noqa: SIM115 - closed below
    except FileExistsError:
        raise UsageError(f"{path} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    with handle:
        yield handle


def _export_parquet(args) -> int:
    from newscrawler.cli import output

    if args.output == "-":
        raise UsageError("parquet is a binary file format: give -o FILE.parquet")
    try:
        import pyarrow  # noqa: F401 - the optional `data` extra
    except ImportError:
        raise UsageError("Parquet export needs pyarrow: pip install 'newscrawler[data]'") from None
    if os.path.exists(args.output) and not args.force:
        raise UsageError(f"{args.output} exists; use --force to overwrite it")
    store = _open_store()
    try:
        records = store.query(**_filters(args), limit=args.limit, sort=args.sort or "newest")
        count = output.write_parquet(records, args.output)
    finally:
        store.close()
    print(f"{count} articles written to {args.output}", file=sys.stderr)
    return 0


def cmd_runs(args) -> int:
    from newscrawler.cli import output

    store = _open_store()
    try:
        runs = store.runs(limit=args.limit, site=_filters_site(args.site))
    finally:
        store.close()
    if args.json:
        print(json.dumps(output.jsonable(runs), ensure_ascii=False, indent=2))
        return 0
    if not runs:
        print("no crawl runs recorded yet")
        return 0
    rows = []
    for r in runs:
        a = r.get("articles") or {}
        errors = sum((r.get("errors") or {}).values())
        coverage = r.get("field_coverage") or {}
        rows.append([
            str(r.get("run_id")), str(r.get("site")), output.wib(r.get("started_at")), output.wib(r.get("finished_at")),
            str(r.get("finish_reason")), str(r.get("pages_fetched", 0)),
            f"{a.get('new', 0)}/{a.get('updated', 0)}/{a.get('unchanged', 0)}/{a.get('dropped', 0)}",
            str(errors), f"{coverage.get('published_at', 0):.0f}%", str(r.get("store")), str(r.get("spooled", 0)),
        ])
    output.table(rows, ["RUN", "SITE", "STARTED", "FINISHED", "REASON", "PAGES", "NEW/UPD/SAME/DROP", "ERRORS",
                        "DATED", "STORE", "SPOOLED"], sys.stdout)
    return 0


def cmd_schedule(args) -> int:
    from newscrawler.cli import schedule
    from newscrawler.sites import UnknownSite, get_profile

    try:
        profile = get_profile(args.site)
    except UnknownSite as exc:
        raise UsageError(str(exc)) from None
    if args.remove:  # only the site is needed: the line is found by its marker
        return _schedule_remove(schedule, profile.key)
    if not args.every:
        raise UsageError("schedule needs --every (30m, 2h, 1d), except with --remove")
    try:
        if args.env_file and not Path(args.env_file).is_file():
            raise UsageError(f"--env-file {args.env_file}: no such file")
        extra = shlex.split(args.crawl_args)
        if args.systemd:
            units = schedule.systemd_units(profile.key, args.every, args.at, extra=extra, env_file=args.env_file)
            _print_systemd(schedule, units)
            return 0
        line = schedule.cron_line(profile.key, args.every, args.at, extra=extra, env_file=args.env_file)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    shown = schedule.masked(line)  # the installed line needs the credentials; the screen does not
    if not args.install:
        print(shown)
        return 0
    try:
        changed = schedule.install(profile.key, line)
    except schedule.CrontabMissing as exc:
        # Still useful: the line, for whichever scheduler the machine has.
        print(shown)
        raise UsageError(f"{exc}; the line above is what to install") from None
    except ValueError as exc:
        raise UsageError(schedule.masked(str(exc))) from None
    print(("installed: " if changed else "already installed: ") + shown)
    return 0


def _schedule_remove(schedule, site: str) -> int:
    try:
        removed = schedule.remove(site)
    except ValueError as exc:
        raise UsageError(schedule.masked(str(exc))) from None
    print(f"removed {removed} crontab line(s) for {site}")
    return 0


def _print_systemd(schedule, units: dict[str, str]) -> None:
    """The two unit files, and how to put them in place (user units: no root needed)."""
    for name, text in units.items():
        print(f"# ~/.config/systemd/user/{name}")
        print(schedule.masked(text))
    timer = next(name for name in units if name.endswith(".timer"))
    print(f"# then: systemctl --user daemon-reload && systemctl --user enable --now {timer}")
    print("# (and 'loginctl enable-linger $USER' so it runs while you are logged out)")


def cmd_spool(args) -> int:
    from newscrawler.paths import spool_dir
    from newscrawler.store import StoreUnavailable
    from newscrawler.store.spool import Spool

    spool = Spool(spool_dir())
    if args.action == "status":
        print(f"{spool.pending()} record(s) waiting in {spool.directory}")
        return 0
    store = _open_store(must_exist=False)  # replaying may be the first write to a new store
    try:
        counts = spool.replay(store)
    except StoreUnavailable as exc:
        raise StoreUnreachable(f"{exc}; {spool.pending()} record(s) still waiting in {spool.directory}") from None
    finally:
        store.close()
    print(f"replayed: {counts}; {spool.pending()} record(s) still waiting")
    return 0 if not spool.pending() else 4


def cmd_demo(args) -> int:
    from newscrawler.cli.demo import run_demo

    return run_demo(db=args.db, port=args.port, host=args.host)


def cmd_serve(args) -> int:
    if args.datasette:
        from newscrawler.web.datasette import serve as serve_datasette

        return serve_datasette(db=args.db, host=args.host, port=args.port)
    from newscrawler.store import StoreConfigError, StoreError, StoreUnavailable, open_store
    from newscrawler.web.reader import display_zone, serve

    try:
        zone = display_zone()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        store = open_store(path=args.db, must_exist=True)
    except StoreUnavailable as exc:
        raise StoreUnreachable(str(exc)) from None
    except (StoreConfigError, StoreError) as exc:
        raise UsageError(str(exc)) from None
    try:
        return serve(store, args.host, args.port, access_log=args.access_log, zone=zone)
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    finally:
        store.close()


