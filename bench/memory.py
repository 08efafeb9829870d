"""Memory across a long crawl: peak RSS against the RSS after the first 1,000 pages (target: at most +64 MB).

    .venv/bin/python bench/memory.py [--pages 20000] [--interval 0.25] [--site DIR]

Builds the loopback site (bench/loopback_site.py; reused with --site), serves it with nginx, runs
`newscrawler crawl suara.com --full --no-follow-related --mirror …` into a fresh SQLite file and samples the
crawl process's resident set (VmRSS in /proc/<pid>/status) every `--interval` seconds. Progress is the number
of stored articles, read from the SQLite file beside the crawl (WAL: the reader never blocks the writer), so
"RSS after 1,000 pages" is the first sample taken once 1,000 articles are stored (off by at most one write
batch). The discovery burst (every sitemap URL queued at the start) is inside the measured span. Prints a
summary and writes every sample to bench/results/memory-<UTC time>.json. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback_site import Nginx, build

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BIN = Path(sys.executable).parent
MARK_PAGES = 1000
BUDGET_MB = 64


def rss_mb(pid: int) -> float | None:
    """The process's resident set in MB, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def stored(db: Path) -> int | None:
    """Articles in the crawl's SQLite file so far; None before the crawl has created the table."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return None


def sample(proc: subprocess.Popen, db: Path, interval: float) -> list[dict]:
    """(seconds, rss_mb, stored) until the process ends. The store is counted once a second: enough for the
    1,000-page mark, cheap for the machine."""
    samples: list[dict] = []
    start, last_count, count = time.monotonic(), 0.0, None
    while proc.poll() is None:
        now = time.monotonic()
        rss = rss_mb(proc.pid)
        if now - last_count >= 1.0:
            count, last_count = stored(db), now
        if rss:  # None once gone; 0 for the instant between fork and exec
            samples.append({"t": round(now - start, 2), "rss_mb": round(rss, 1), "stored": count})
        time.sleep(interval)
    return samples


def summarise(samples: list[dict]) -> dict:
    peak = max(samples, key=lambda s: s["rss_mb"])
    mark = next((s for s in samples if (s["stored"] or 0) >= MARK_PAGES), None)
    summary: dict = {"peak_rss_mb": peak["rss_mb"], "peak_at_s": peak["t"], "peak_at_stored": peak["stored"],
                     "final_stored": max((s["stored"] or 0) for s in samples)}
    if mark is not None:
        growth = peak["rss_mb"] - mark["rss_mb"]
        summary.update(rss_at_1000_mb=mark["rss_mb"], growth_mb=round(growth, 1), budget_mb=BUDGET_MB,
                       within_budget=growth <= BUDGET_MB)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--interval", type=float, default=0.25)
    parser.add_argument("--site", type=Path, help="a loopback site already built with this many pages")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nc-bench-memory-"))
    work.chmod(0o755)  # nginx's workers run as an unprivileged user
    site = args.site or work / "site"
    if args.site is None:
        print(f"building {args.pages} pages of ~60 KB in {site} …", flush=True)
        build(site, args.pages)
    db = work / "memory.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env.update(NEWSCRAWLER_DB=str(db), NEWSCRAWLER_SPOOL=str(work / "spool"), NEWSCRAWLER_DATA_DIR=str(work))
    with Nginx(site) as nginx:
        cmd = [str(BIN / "newscrawler"), "crawl", "suara.com", "--full", "--no-follow-related",
               "--mirror", nginx.url]
        log = work / "crawl.log"  # a file, not a pipe: an unread pipe would stall a chatty crawl
        with log.open("wb") as stderr:
            proc = subprocess.Popen(cmd, env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=stderr)
            samples = sample(proc, db, args.interval)
        err = log.read_text(errors="replace")
    if proc.returncode != 0 or not samples:
        raise SystemExit(f"the crawl failed ({proc.returncode}):\n{err[-2000:]}")
    summary = summarise(samples)
    summary["final_stored"] = stored(db) or summary["final_stored"]
    print(json.dumps(summary, indent=2))
    out = BENCH / "results" / f"memory-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"pages": args.pages, "summary": summary, "samples": samples}, indent=2))
    print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
