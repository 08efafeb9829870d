"""What each `newscrawler` subcommand does; newscrawler.cli.main parses the command line and calls these."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


class UsageError(Exception):
    """A mistake in what the user typed: reported in one line, exit status 2."""


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "site": _filters_site(args.site), "since": args.since, "until": args.until, "text": args.text,
        "section": args.section, "tag": args.tag, "author": args.author,
    }


def _open_store(must_exist: bool = True):
    from newscrawler.store import StoreError, open_store

    try:
        store = open_store(must_exist=must_exist)
        store.ping()
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    return store


def cmd_sites(args) -> int:
    from newscrawler.sites import PROFILES

    described = [cls().describe() for cls in PROFILES.values()]
    if args.json:
        print(json.dumps(described, indent=2))
        return 0
    for d in described:
        print(f"{d['key']}  ({d['name']}; hosts: {', '.join(d['hosts'])})")
        for kind in ("sitemaps", "index_pages", "rss"):
            for url in d[kind]:
                print(f"    {kind[:-1] if kind.endswith('s') else kind}: {url}")
    return 0


def cmd_crawl(args) -> int:
    from newscrawler.crawl.runner import EXIT_LOCKED, CrawlLocked, crawl_settings, run_crawl, site_lock
    from newscrawler.sites import UnknownSite, get_profile

    try:
        profile = get_profile(args.site)
    except UnknownSite as exc:
        raise UsageError(str(exc)) from None
    if args.since and args.until and args.since >= args.until:
        raise UsageError("--since must be before --until")
    if args.mirror and not args.mirror.startswith(("http://", "https://")):
        raise UsageError(f"--mirror must be an http:// URL, got {args.mirror!r}")
    spider_args = {
        "since": args.since, "until": args.until, "max_articles": args.max_articles,
        "follow_related": args.follow_related, "related_depth": args.related_depth, "url": args.url,
        "mirror": args.mirror, "recheck_days": args.recheck_days, "incremental": not args.full,
    }
    overrides = {}
    if args.log_file:
        from newscrawler.cli.schedule import rotate_log

        Path(args.log_file).parent.mkdir(parents=True, exist_ok=True)
        rotate_log(args.log_file)
        overrides = {"LOG_FILE": args.log_file, "LOG_FILE_APPEND": True}
    level = "INFO" if args.verbose or args.log_file else "WARNING"
    settings = crawl_settings(mirror=args.mirror, jobdir=args.jobdir, log_level=level, overrides=overrides)
    try:
        with site_lock(profile.key, os.environ.get("NEWSCRAWLER_LOCK_DIR", "data/locks")):
            result = run_crawl(profile.key, spider_args, settings, tracebacks=args.verbose)
    except CrawlLocked as exc:
        print(f"newscrawler: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    _print_crawl_summary(result)
    return result.exit_code


def _print_crawl_summary(result) -> None:
    run = result.run
    a = run.get("articles", {})
    print(
        f"{run.get('site')}: {run.get('finish_reason')}; {run.get('pages_fetched', 0)} pages fetched; "
        f"{a.get('scraped', 0)} articles scraped: {a.get('new', 0)} new, {a.get('updated', 0)} updated, "
        f"{a.get('unchanged', 0)} unchanged, {a.get('spooled', 0)} spooled; {a.get('dropped', 0)} dropped; "
        f"{a.get('skipped_known', 0)} already stored (skipped)"
    )
    if result.exit_code == 1:
        print(f"newscrawler: crawl failed ({run.get('finish_reason')}, {run.get('pages_fetched', 0)} pages fetched); "
              f"errors: {run.get('errors') or 'none recorded'}", file=sys.stderr)
    elif not a.get("scraped"):
        print("nothing new to fetch")
    if result.spooled or run.get("store_error"):
        print(
            f"warning: the store was unavailable ({run.get('store_error')}); {result.spooled} records spooled "
            f"to data/spool — they are replayed on the next run or by 'newscrawler spool replay'",
            file=sys.stderr,
        )
        print(f"run {run.get('run_id')} spooled with the items")
    else:
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


def _emit(records, fmt: str, out, table_fn: Callable[[list], None]) -> int:
    from newscrawler.cli import output

    if fmt == "json":
        return output.write_json(records, out)
    if fmt == "jsonl":
        return output.write_jsonl(records, out)
    if fmt == "csv":
        return output.write_csv(records, out)
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


def _get_article(store, url: str) -> dict:
    from newscrawler.urls import canonical_url

    article = store.get(url) or store.get(canonical_url(url))
    if article is None:
        raise UsageError(f"no stored article with URL {url}")
    return article


def cmd_show(args) -> int:
    from newscrawler.cli import output

    store = _open_store()
    try:
        article = _get_article(store, args.url)
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
        article = _get_article(store, args.url)
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
def _output_to(path: str, noun: str) -> Iterator[Callable[[Callable[[IO[str]], int]], None]]:
    """Yields `write(fn)`: fn writes to the file (or stdout for -) and returns how many records it wrote."""
    if path == "-":
        yield lambda fn: fn(sys.stdout) and None
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    with handle:
        yield lambda fn: print(f"{fn(handle)} {noun} written to {path}", file=sys.stderr)


def cmd_graph(args) -> int:
    from newscrawler.cli import output

    fields = ("source", "source_title", "target", "target_title", "list", "rank")
    store = _open_store()
    try:
        with _output_to(args.output, "edges") as write:
            edges = store.graph_edges(site=_filters_site(args.site))
            if args.format == "jsonl":
                write(lambda out: output.write_jsonl(edges, out))
            else:
                write(lambda out: output.write_csv(edges, out, fields))
    finally:
        store.close()
    return 0


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

    _emit(ranked, fmt, sys.stdout, show_table)
    return 0


def cmd_export(args) -> int:
    from newscrawler.cli import output

    writer = {"jsonl": output.write_jsonl, "csv": output.write_csv, "json": output.write_json}[args.format]
    store = _open_store()
    try:
        with _output_to(args.output, "articles") as write:
            records = store.query(**_filters(args), limit=args.limit, sort=args.sort or "newest")
            write(lambda out: writer(records, out))
    finally:
        store.close()
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
        line = schedule.cron_line(profile.key, args.every, args.at, extra=shlex.split(args.crawl_args))
    except (UnknownSite, ValueError) as exc:
        raise UsageError(str(exc)) from None
    if args.install:
        changed = schedule.install(profile.key, line)
        print(("installed: " if changed else "already installed: ") + line)
    elif args.remove:
        removed = schedule.remove(profile.key)
        print(f"removed {removed} crontab line(s) for {profile.key}")
    else:
        print(line)
    return 0


def cmd_spool(args) -> int:
    from newscrawler.store.spool import Spool

    spool = Spool(os.environ.get("NEWSCRAWLER_SPOOL", "data/spool"))
    if args.action == "status":
        print(f"{spool.pending()} record(s) waiting in {spool.directory}")
        return 0
    store = _open_store(must_exist=False)  # replaying may be the first write to a new store
    try:
        counts = spool.replay(store)
    finally:
        store.close()
    print(f"replayed: {counts}; {spool.pending()} record(s) still waiting")
    return 0 if not spool.pending() else 4


def cmd_demo(args) -> int:
    from newscrawler.cli.demo import run_demo

    return run_demo(db=args.db, port=args.port)


def cmd_serve(args) -> int:
    from newscrawler.web.datasette import serve

    return serve(db=args.db, host=args.host, port=args.port)


