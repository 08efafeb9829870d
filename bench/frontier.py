"""Crawl throughput of the shared Redis frontier with 1, 2 and 3 workers, on one loopback site served by nginx.

    .venv/bin/python bench/frontier.py [--pages 2000] [--workers 1,2,3] [--rounds 1]

Each run: a fresh Redis database and SQLite store, N worker processes of `suara.com` started together against
the same frontier, timed from the first start to the last exit; pages/s counts every page nginx served the
crawl (all workers). redis-server and nginx come from Debian (`apt-get install -y redis-server nginx-light`).
On a 2-core machine the workers share the cores with nginx and Redis: the numbers say what the frontier
costs and how it scales there, not what N machines reach. Numbers only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
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

#: One worker, with the settings `newscrawler crawl suara.com --mirror M --frontier F --no-follow-related` uses.
WORKER = """
import json, sys
from newscrawler.crawl.frontier import frontier_settings
from newscrawler.crawl.runner import crawl_settings, run_crawl
mirror, frontier = sys.argv[1], sys.argv[2]
settings = crawl_settings(mirror=mirror, overrides=frontier_settings(frontier))
result = run_crawl("suara.com", {"mirror": mirror, "follow_related": False}, settings)
print(json.dumps({"exit": result.exit_code, "pages": result.stats.get("response_received_count", 0),
                  "articles": result.stats.get("newscrawler/articles/stored", 0)}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, folder: Path):
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise SystemExit("redis-server is not installed: apt-get install -y redis-server")
        self.port = _free_port()
        self.proc = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        import redis

        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise SystemExit("redis-server did not start") from None
                time.sleep(0.05)

    def flush(self) -> None:
        import redis

        redis.Redis.from_url(self.url).flushdb()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def run(workers: int, mirror: str, frontier: str, work: Path, tag: str) -> dict:
    from newscrawler.store import SqliteStore

    db = work / f"{tag}.db"
    SqliteStore(db).close()  # the schema exists before the workers open the file together
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env.update(NEWSCRAWLER_DB=str(db), NEWSCRAWLER_SPOOL=str(work / f"{tag}-spool"))
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, mirror, frontier], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) for _ in range(workers)]
    outs = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    wall = time.perf_counter() - t0
    pages = sum(o["pages"] for o in outs)
    return {"workers": workers, "seconds": wall, "pages": pages, "pages_per_s": pages / wall,
            "articles": sum(o["articles"] for o in outs), "exits": [o["exit"] for o in outs]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", default="1,2,3")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.workers.split(",") if n]

    work = Path(tempfile.mkdtemp(prefix="nc-bench-frontier-"))
    work.chmod(0o755)  # nginx's workers run as an unprivileged user when the bench runs as root
    print(f"building {args.pages} pages of ~60 KB in {work} …", flush=True)
    build(work / "site", args.pages)
    redis_server = RedisServer(work)
    runs: dict[int, list[dict]] = {n: [] for n in counts}
    try:
        with Nginx(work / "site", workers=2) as nginx:
            for rnd in range(args.rounds):
                for n in counts:
                    redis_server.flush()
                    result = run(n, nginx.url, redis_server.url, work, f"r{rnd}-w{n}")
                    runs[n].append(result)
                    print(f"round {rnd + 1}, {n} worker(s): {result['pages_per_s']:.1f} pages/s "
                          f"({result['articles']} articles, exits {result['exits']})", flush=True)
    finally:
        redis_server.stop()
    one = statistics.median(r["pages_per_s"] for r in runs[counts[0]])
    print(f"\nloopback site: {args.pages} article pages of ~60 KB, SQLite store, {os.cpu_count()} CPUs\n")
    print("| workers | pages/s (median) | min–max | vs first row | articles stored |\n|---|---|---|---|---|")
    table = []
    for n in counts:
        rates = [r["pages_per_s"] for r in runs[n]]
        med = statistics.median(rates)
        table.append({"workers": n, "pages_per_s": med, "min": min(rates), "max": max(rates)})
        print(f"| {n} | {med:.1f} | {min(rates):.1f}–{max(rates):.1f} | {med / one:.2f}x "
              f"| {runs[n][-1]['articles']} |")
    out = BENCH / "results" / f"frontier-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"pages": args.pages, "table": table, "runs": runs}, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
