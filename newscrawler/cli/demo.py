"""`newscrawler demo`: serve data/demo-site on 127.0.0.1, crawl it in mirror mode, summarise."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from newscrawler.crawl.mirror import MirrorServer
from newscrawler.crawl.runner import crawl_settings, run_crawl, site_lock

DEMO_SITE = Path(__file__).resolve().parents[2] / "data" / "demo-site"
DEFAULT_DB = "data/newscrawler.db"


def run_demo(db: str | None = None, port: int = 0, out=sys.stdout) -> int:
    db = db or os.environ.get("NEWSCRAWLER_DB") or DEFAULT_DB
    # The demo always fills the embedded store, whatever MONGODB_URI says.
    os.environ.pop("MONGODB_URI", None)
    os.environ["NEWSCRAWLER_DB"] = db
    if not DEMO_SITE.is_dir():
        print(f"newscrawler: error: demo site not found at {DEMO_SITE}", file=sys.stderr)
        return 2
    server = MirrorServer(DEMO_SITE, port=port)
    base = server.start()
    print(f"Serving the demo site (suara.com mirror) from {DEMO_SITE} at {base}", file=out)
    try:
        with site_lock("suara.com", os.environ.get("NEWSCRAWLER_LOCK_DIR", "data/locks")):
            result = run_crawl(
                "suara.com", {"mirror": base, "incremental": False}, crawl_settings(mirror=base, log_level="ERROR")
            )
    finally:
        server.stop()
    print_summary(db, result, out)
    return result.exit_code


def print_summary(db: str, result, out) -> None:
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
    env = "" if db == DEFAULT_DB else f"NEWSCRAWLER_DB={db} "
    w("\nNext, try:\n")
    w(f"  {env}.venv/bin/newscrawler query --site suara.com --limit 10\n")
    w(f"  {env}.venv/bin/newscrawler query --text \"timnas\" --format json\n")
    w(f"  {env}.venv/bin/newscrawler popular suara.com\n")
    w(f"  {env}.venv/bin/newscrawler runs\n")
