"""Memory across a long crawl: peak RSS against the RSS after the first 1,000 pages (target: at most +64 MB).

    .venv/bin/python bench/memory.py [--pages 20000] [--interval 0.25] [--site DIR]

Builds the loopback site (bench/loopback_site.py; reused with --site), serves it with nginx, runs
`newscrawler crawl suara.com --full --no-follow-related --mirror …` into a fresh SQLite file and samples, every
`--interval` seconds, the resident set (VmRSS in /proc/<pid>/status) of the crawl process and of its whole
process tree: the crawl starts an extraction worker pool (multiprocessing spawn, plus its resource tracker)
after its first pages, so the tree's sum is what the crawl costs, and the budget is checked on it.
Progress is the number of stored articles, read from the SQLite file beside the crawl (WAL: the reader never
blocks the writer), so "RSS after 1,000 pages" is the first sample taken once 1,000 articles are stored (off by
at most one write batch). The discovery burst (every sitemap URL queued at the start) is inside the measured
span. Prints a summary and writes every sample to bench/results/memory-<UTC time>.json (`run()` returns the
same dict). Nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def stat_fields(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name, which may hold spaces and parentheses (so they
    count from the last ")"): [0] the state, [1] the parent id, [11] and [12] user and system clock ticks."""
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
        return fh.read().rsplit(")", 1)[1].split()


def descendants(root: int) -> list[int]:
    """Every process below `root`, from the parent ids in /proc/*/stat. /proc/<pid>/task/*/children would be
    cheaper, but it needs CONFIG_PROC_CHILDREN, which some kernels (this machine's among them) leave out."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            ppid = int(stat_fields(int(entry.name))[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def tree_rss_mb(root: int) -> tuple[float | None, float, int]:
    """(the root's RSS, the RSS summed over the root and its descendants, how many processes that is).
    A sum of RSS counts the pages processes share (libpython, mapped files) once per process: an upper bound
    of what the tree costs the machine, and the number a container's memory limit is closest to."""
    main = rss_mb(root)
    if main is None:
        return None, 0.0, 0
    total, procs = main, 1
    for pid in descendants(root):
        rss = rss_mb(pid)
        if rss is not None:
            total, procs = total + rss, procs + 1
    return main, total, procs


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
    """(seconds, tree and main RSS, processes, stored) until the process ends. The store is counted once a
    second: enough for the 1,000-page mark, cheap for the machine."""
    samples: list[dict] = []
    start, last_count, count = time.monotonic(), 0.0, None
    while proc.poll() is None:
        now = time.monotonic()
        main, tree, procs = tree_rss_mb(proc.pid)
        if now - last_count >= 1.0:
            count, last_count = stored(db), now
        if main:  # None once gone; 0 for the instant between fork and exec
            samples.append({"t": round(now - start, 2), "tree_mb": round(tree, 1), "main_mb": round(main, 1),
                            "procs": procs, "stored": count})
        time.sleep(interval)
    return samples


def summarise(samples: list[dict]) -> dict:
    """Peak, RSS at the 1,000-page mark and growth, for the process tree (the budget) and the main process."""
    mark = next((s for s in samples if (s["stored"] or 0) >= MARK_PAGES), None)
    summary: dict = {"final_stored": max((s["stored"] or 0) for s in samples),
                     "max_procs": max(s["procs"] for s in samples), "budget_mb": BUDGET_MB}
    for key in ("tree", "main"):
        peak = max(samples, key=lambda s, key=key: s[f"{key}_mb"])
        summary[key] = {"peak_mb": peak[f"{key}_mb"], "peak_at_s": peak["t"], "peak_at_stored": peak["stored"]}
        if mark is not None:
            summary[key].update(at_1000_mb=mark[f"{key}_mb"],
                                growth_mb=round(peak[f"{key}_mb"] - mark[f"{key}_mb"], 1))
    if mark is not None:
        summary["procs_at_1000"] = mark["procs"]
        summary["within_budget"] = summary["tree"]["growth_mb"] <= BUDGET_MB
    return summary


def run(argv: list[str] | None = None) -> dict:
    """Build (or reuse) the site, crawl it while sampling, print the summary; returns what goes to JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--interval", type=float, default=0.25)
    parser.add_argument("--site", type=Path, help="a loopback site already built with this many pages")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nc-bench-memory-"))
    work.chmod(0o755)  # nginx's workers run as an unprivileged user
    try:
        return _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # a 20,000-page site is 1.2 GB


def _run(args: argparse.Namespace, work: Path) -> dict:
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
        print(f"crawling {args.pages} pages, sampling RSS every {args.interval} s …", flush=True)
        with log.open("wb") as stderr:
            proc = subprocess.Popen(cmd, env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=stderr)
            samples = sample(proc, db, args.interval)
        err = log.read_text(errors="replace")
    if proc.returncode != 0 or not samples:
        raise SystemExit(f"the crawl failed ({proc.returncode}):\n{err[-2000:]}")
    summary = summarise(samples)
    summary["final_stored"] = stored(db) or summary["final_stored"]
    _print(summary)
    out = BENCH / "results" / f"memory-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    result = {"pages": args.pages, "summary": summary, "samples": samples}
    out.write_text(json.dumps(result, indent=2))
    print(f"written to {out.relative_to(ROOT)}")
    return result


def _print(summary: dict) -> None:
    print(f"\n{summary['final_stored']} articles stored; up to {summary['max_procs']} processes in the crawl's tree")
    print("| RSS | after 1,000 pages | peak | growth | peak at (s, stored) |\n|---|---|---|---|---|")
    for key, label in (("tree", "process tree (crawl + workers)"), ("main", "crawl process alone")):
        part = summary[key]
        at = f"{part['at_1000_mb']:.0f} MB" if "at_1000_mb" in part else "-"
        growth = f"{part['growth_mb']:+.1f} MB" if "growth_mb" in part else "-"
        print(f"| {label} | {at} | {part['peak_mb']:.0f} MB | {growth} | {part['peak_at_s']:.0f} s, "
              f"{part['peak_at_stored']} |")
    if "within_budget" in summary:
        print(f"budget: tree growth ≤ +{BUDGET_MB} MB: {'met' if summary['within_budget'] else 'NOT met'}")
    else:
        print(f"fewer than {MARK_PAGES} articles stored: no growth to report")


def main(argv: list[str] | None = None) -> int:
    run(argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
