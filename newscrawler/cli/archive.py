"""`newscrawler import-warc` and `newscrawler reextract`: articles from archived pages, through the crawl pipelines."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from newscrawler.cli.commands import UsageError, _filters, _open_store, _store_identity, crawl_lock
from newscrawler.paths import data_dir

#: Fields compared by `reextract --dry-run` (what a reader would notice).
COMPARED = ("title", "authors", "published_at", "modified_at", "section", "tags", "dateline", "body", "link_lists")


def default_archive_dir() -> str:
    return os.environ.get("NEWSCRAWLER_ARCHIVE") or str(data_dir() / "archive")


def cmd_import_warc(args: argparse.Namespace) -> int:
    from newscrawler.crawl.runner import EXIT_FAILED
    from newscrawler.crawl.spiders.warc import ImportWarcSpider
    from newscrawler.sites import UnknownSite, get_profile

    for name in args.files:
        path = Path(name)
        if not path.is_file():
            raise UsageError(f"no such WARC file: {name}")
        if not os.access(path, os.R_OK):
            raise UsageError(f"cannot read {name}: permission denied")
    try:
        sites = [get_profile(s).key for s in args.site]
    except UnknownSite as exc:
        raise UsageError(str(exc)) from None
    if args.since and args.until and args.since >= args.until:
        raise UsageError("--since must be before --until")
    spider_args = {"files": args.files, "site": sites, "generic": args.generic, "since": args.since,
                   "until": args.until}
    result = _run_locked(ImportWarcSpider, spider_args, args.verbose)
    if isinstance(result, int):
        return result
    stats, run = result.stats, result.run
    a = run.get("articles", {})
    skipped = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("newscrawler/warc/skipped/")}
    print(
        f"import-warc: {stats.get('newscrawler/warc/responses', 0)} HTML responses read from "
        f"{len(args.files)} file(s); "
        f"{a.get('scraped', 0)} articles: {a.get('new', 0)} new, {a.get('updated', 0)} updated, "
        f"{a.get('unchanged', 0)} unchanged, {a.get('spooled', 0)} spooled; {a.get('dropped', 0)} dropped"
    )
    if skipped:
        print("skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    damage = stats.get("newscrawler/warc/damage") or []
    for line in damage:
        print(f"newscrawler: error: {line}", file=sys.stderr)
    print(f"run {run.get('run_id')} recorded; see 'newscrawler runs'")
    return EXIT_FAILED if damage else _archive_exit_code(result)


def cmd_reextract(args: argparse.Namespace) -> int:
    from newscrawler.crawl.spiders.warc import ReextractSpider

    archive_dir = args.archive or default_archive_dir()
    store = _open_store()
    try:
        articles = [a for a in store.query(**_filters(args), limit=args.limit, sort="oldest") if a.get("archive")]
    finally:
        store.close()
    if not articles:
        print("reextract: no stored article matching the filters has an archived page (crawl with --archive DIR)")
        return 0
    if args.dry_run:
        return _dry_run(articles, archive_dir)
    result = _run_locked(ReextractSpider, {"articles": articles, "archive_dir": archive_dir}, args.verbose)
    if isinstance(result, int):
        return result
    a = result.run.get("articles", {})
    print(f"reextract: {len(articles)} archived articles: {a.get('updated', 0)} changed (new version), "
          f"{a.get('unchanged', 0)} unchanged, {a.get('dropped', 0)} dropped; run {result.run.get('run_id')}")
    return _archive_exit_code(result)


def _run_locked(spidercls, spider_args: dict[str, Any], verbose: bool):
    """The spider run like a crawl, under the store's lock for its name; the lock's exit status if it is held."""
    from newscrawler.crawl.runner import EXIT_LOCKED, CrawlLocked, crawl_settings, run_crawl

    settings = crawl_settings(log_level="INFO" if verbose else "WARNING")
    try:
        with crawl_lock(spidercls.name, _store_identity()):
            return run_crawl(spidercls, spider_args, settings, tracebacks=verbose)
    except CrawlLocked as exc:
        print(f"newscrawler: {exc}", file=sys.stderr)
        return EXIT_LOCKED


def _archive_exit_code(result) -> int:
    """A crawl's exit statuses, except that reading no page from the network is what archives are for."""
    from newscrawler.crawl.runner import EXIT_FAILED, EXIT_OK, EXIT_SPOOLED

    if result.lost or result.finish_reason != "finished":
        return EXIT_FAILED
    if result.stats.get("newscrawler/errors/ArchiveUnreadable"):
        return EXIT_FAILED
    return EXIT_SPOOLED if result.spooled or result.stats.get("newscrawler/store_unavailable") else EXIT_OK


def _dry_run(articles: list[dict[str, Any]], archive_dir: str) -> int:
    """What a re-extraction would change, field by field, without writing anything."""
    from newscrawler.crawl.archive import ArchiveDamaged, read_record
    from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
    from newscrawler.extract.processing import InvalidArticle, build_article
    from newscrawler.sites import profile_for_url

    changed = 0
    for stored in articles:
        records = []
        for pointer in stored["archive"].get("pages") or [stored["archive"]]:
            path = Path(pointer["file"])
            if not path.is_absolute():
                path = Path(archive_dir) / path
            try:
                record = read_record(path.parent, dict(pointer, file=path.name))
            except (OSError, ValueError, ArchiveDamaged) as exc:
                record, why = None, str(exc)
            else:
                why = f"no response record at {path}@{pointer['offset']}"
            if record is None:
                print(f"unreadable  {stored['url']}: {why}")
                break
            records.append(record)
        else:
            profile = profile_for_url(stored["url"])
            extractor = ArticleExtractor(profile)
            try:
                fresh, _ = build_article([extractor.extract(r.url, r.body, r.content_type) for r in records], profile)
            except (NotAnArticle, InvalidArticle) as exc:
                print(f"would drop  {stored['url']}: {exc}")
                continue
            changed += _report_changes(stored, fresh)
    print(f"reextract --dry-run: {changed} of {len(articles)} archived articles would change; nothing was written")
    return 0


def _report_changes(stored: dict[str, Any], fresh: dict[str, Any]) -> int:
    """Print the fields a re-extraction would change; 1 if any, else 0."""
    from newscrawler.store.common import to_utc

    fields = []
    for name in COMPARED:
        old, new = stored.get(name), fresh.get(name)
        if name in ("published_at", "modified_at"):
            old, new = to_utc(old), to_utc(new)
        if json.dumps(old, default=str, sort_keys=True) != json.dumps(new, default=str, sort_keys=True):
            fields.append(name)
    if fields:
        print(f"would change {stored['url']}: {', '.join(fields)}")
    return 1 if fields else 0
