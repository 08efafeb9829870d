"""`newscrawler demo`: serve data/demo-site on 127.0.0.1, crawl it in mirror mode, summarise."""

from __future__ import annotations

import os
import shlex
import sys
from collections import Counter
from pathlib import Path

from newscrawler.crawl.mirror import MirrorServer
from newscrawler.crawl.runner import EXIT_LOCKED, CrawlLocked, crawl_settings, run_crawl, site_lock
from newscrawler.store import StoreConfigError, store_identity

DEMO_SITE = Path(__file__).resolve().parents[2] / "data" / "demo-site"
DEMO_DB_NAME = "demo.db"


def default_db() -> Path:
    """data/demo.db in the data directory: never the user's own store (NEWSCRAWLER_DB, MONGODB_URI)."""
    from newscrawler.paths import data_dir

    return data_dir() / DEMO_DB_NAME


def run_demo(db: str | None = None, port: int = 0, out=sys.stdout, host: str = "127.0.0.1") -> int:
    db = str(db or default_db())
    # The demo always fills its own embedded store, whatever MONGODB_URI or NEWSCRAWLER_DB say.
    had_mongo = bool(os.environ.pop("MONGODB_URI", None))
    try:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"newscrawler: error: cannot create the folder of {db}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    os.environ["NEWSCRAWLER_DB"] = db
    if not DEMO_SITE.is_dir():
        print(f"newscrawler: error: demo site not found at {DEMO_SITE}", file=sys.stderr)
        return 2
    try:
        identity = store_identity()
    except StoreConfigError as exc:
        print(f"newscrawler: error: {exc}", file=sys.stderr)
        return 2
    server = MirrorServer(DEMO_SITE, host=host, port=port)
    try:
        base = server.start()
    except OSError as exc:
        print(f"newscrawler: error: cannot serve the demo site on {host}:{port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    print(f"Serving the demo site (suara.com mirror) from {DEMO_SITE} at {base}", file=out)
    try:
        with site_lock("suara.com", identity, os.environ.get("NEWSCRAWLER_LOCK_DIR") or None):
            result = run_crawl(
                "suara.com", {"mirror": base, "incremental": False}, crawl_settings(mirror=base, log_level="ERROR")
            )
    except CrawlLocked as exc:
        print(f"newscrawler: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except OSError as exc:
        print(f"newscrawler: error: cannot write the lock folder: {exc.strerror or exc}", file=sys.stderr)
        return 2
    finally:
        server.stop()
    print_summary(db, result, out, had_mongo)
    return result.exit_code


def next_commands(db: str, had_mongo: bool = False) -> list[str]:
    """Commands that read the demo's store (not the user's): the store is named on each line."""
    unset = "env -u MONGODB_URI " if had_mongo else ""
    prefix = f"{unset}NEWSCRAWLER_DB={shlex.quote(db)} {_program()}"
    return [
        f"{prefix} query --site suara.com --limit 10",
        f"{prefix} query --text \"timnas\" --format json",
        f"{prefix} popular suara.com",
        f"{prefix} runs",
        f"{prefix} serve",
    ]


def _program() -> str:
    local = Path(".venv/bin/newscrawler")
    return str(local) if local.exists() else "newscrawler"


def print_summary(db: str, result, out, had_mongo: bool = False) -> None:
    from newscrawler.cli.output import wib
    from newscrawler.store import open_store

    run = result.run
    a = run.get("articles", {})
    store = open_store(path=db)
    try:
        articles = list(store.query(site="suara.com"))
        popular = store.popular("suara.com", "popular", limit=5)
    finally:
        store.close()
    sections = Counter(x.get("section") or "?" for x in articles)
    multipage = sum(1 for x in articles if (x.get("pages") or 1) > 1)
    w = out.write
    w("\n== newscrawler demo ==\n")
    w(f"Crawl {run.get('run_id')}: {run.get('finish_reason')}, {run.get('pages_fetched', 0)} pages fetched\n")
    w(f"Articles this run: {a.get('new', 0)} new, {a.get('updated', 0)} updated, {a.get('unchanged', 0)} unchanged,"
      f" {a.get('dropped', 0)} dropped\n")
    w(f"Articles stored in {db}: {len(articles)} ({multipage} merged from several pages)\n")
    w("Per section: " + ", ".join(f"{s} {n}" for s, n in sorted(sections.items())) + "\n")
    if articles:
        newest = articles[0]
        w(f"Newest: {newest.get('title')} ({wib(newest.get('published_at'))})\n")
    w("Top 'Terpopuler' entries:\n")
    for i, entry in enumerate(popular, 1):
        w(f"  {i}. {entry.get('title')}  (seen {entry['appearances']}x, best rank {entry['best_rank']})\n")
    coverage = run.get("field_coverage") or {}
    if coverage:
        w("Field coverage: " + ", ".join(f"{k} {v:.0f}%" for k, v in coverage.items() if k != "crawled_at") + "\n")
    w("\nNext, try (on the demo's own store):\n")
    for command in next_commands(db, had_mongo):
        w(f"  {command}\n")
