"""End-to-end crawl throughput against a bare Scrapy spider, on one loopback site served by nginx.

    .venv/bin/python bench/crawl.py [--pages 5000] [--rounds 3] [--stores sqlite,mongo]

Variants run interleaved (round 1 of every variant, then round 2, …) so that a slow minute of the machine
hits them alike; the table shows medians, min–max and the ratio of each median to the bare spider's.
Results also go to bench/results/crawl-<UTC time>.json; `run()` returns the same dict (bench/run.py uses it).
Numbers only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback_site import HOST, Nginx, build

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


@dataclass
class Variant:
    name: str
    runs: list[dict] = field(default_factory=list)

    def medians(self) -> dict[str, float]:
        return {k: statistics.median(r[k] for r in self.runs) for k in ("pages_per_s", "cpu_ms_per_page")}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], env: dict[str, str], pages: int, cwd: Path) -> dict:
    cpu0, t0 = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if done.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return {"seconds": wall, "pages_per_s": pages / wall, "cpu_ms_per_page": 1000 * cpu / pages}


def _server_alone(urls: list[str], mirror: str, pages: int) -> dict:
    """curl fetching every page 8 at a time: the server's own rate, which must dwarf the crawls'."""
    with tempfile.NamedTemporaryFile("w", suffix=".curl", delete=False) as cfg:
        for url in urls:
            path = url.split(HOST, 1)[1]
            cfg.write(f'url = "{mirror}{path}"\noutput = "/dev/null"\n')
    t0 = time.perf_counter()
    subprocess.run(["curl", "-s", "-Z", "--parallel-max", "8", "-H", f"Host: {HOST}", "-K", cfg.name], check=True)
    wall = time.perf_counter() - t0
    os.unlink(cfg.name)
    return {"seconds": wall, "pages_per_s": pages / wall}


def _check_served(url: str, mirror: str) -> None:
    """The numbers mean nothing if the server answers 404s: fetch one article first."""
    from urllib.request import Request, urlopen

    with urlopen(Request(mirror + url.split(HOST, 1)[1], headers={"Host": HOST}), timeout=10) as response:
        if response.status != 200 or len(response.read()) < 10_000:
            raise SystemExit(f"the loopback server does not serve {url} properly")


def _mongo_server(tmp: Path) -> tuple[subprocess.Popen, str]:
    """A mongoeco wire server in its own process (the store under test must not share the crawl's CPU time)."""
    code = (
        "import sys, time, pathlib\n"
        "from mongoeco._pytest_runtime import ProxyThread\n"
        "s = ProxyThread('memory', pathlib.Path(sys.argv[1]), '7.0', 'auto-installed')\n"
        "print(s.start(), flush=True)\n"
        "time.sleep(10**6)\n"
    )
    tmp.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([PYTHON, "-c", code, str(tmp)], stdout=subprocess.PIPE, text=True)
    uri = proc.stdout.readline().strip()
    if not uri.startswith("mongodb"):
        _stop_mongo(proc)
        raise SystemExit("the mongoeco wire server did not start")
    return proc, uri


def _stop_mongo(proc: subprocess.Popen | None) -> None:
    """Killed and reaped, so its CPU time cannot land in a later measurement's RUSAGE_CHILDREN."""
    if proc is not None:
        proc.kill()
        proc.wait()


def run(argv: list[str] | None = None) -> dict:
    """Build the site, run every variant interleaved and print the table; returns what goes to the JSON file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stores", default="sqlite,mongo")
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="nc-bench-crawl-"))
    work.chmod(0o755)  # nginx's workers run as an unprivileged user: they must be able to read the site
    try:
        return _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # a 5,000-page site is 300 MB


def _run(args: argparse.Namespace, work: Path) -> dict:
    print(f"building {args.pages} pages of ~60 KB in {work} …", flush=True)
    urls = build(work / "site", args.pages)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    mongo_proc = None
    variants: dict[str, list[str]] = {"bare scrapy": [str(BIN / "scrapy"), "runspider", str(BENCH / "bare_spider.py")]}
    if not args.no_trafilatura:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura is not installed: .venv/bin/pip install -r bench/requirements.txt "
                  "(skipping that variant)")
        else:
            variants["scrapy + trafilatura"] = [*variants["bare scrapy"], "-a", "extract=trafilatura"]
    stores = [s for s in args.stores.split(",") if s]
    for store in stores:
        # Related links would add pages the bare spider never fetches: both crawl exactly the sitemap's pages.
        variants[f"newscrawler ({store})"] = [
            str(BIN / "newscrawler"), "crawl", "suara.com", "--full", "--no-follow-related",
        ]
    results = {name: Variant(name) for name in variants}
    try:
        if "mongo" in stores:
            mongo_proc, mongo_uri = _mongo_server(work / "mongo")
        with Nginx(work / "site") as nginx:
            _check_served(urls[0], nginx.url)
            server = _server_alone(urls, nginx.url, len(urls))
            for rnd in range(args.rounds):
                for name, cmd in variants.items():
                    env = dict(base_env, NEWSCRAWLER_SPOOL=str(work / f"spool-{rnd}"))
                    full = list(cmd)
                    if name.startswith("newscrawler"):
                        full += ["--mirror", nginx.url]
                        if "mongo" in name:
                            # mongoeco's memory engine scans the collection for every upsert by url (no index
                            # use), so late batches of a 5,000-article crawl keep it busy past the default 5 s
                            # heartbeat and pymongo would call the server down; a real MongoDB answers in ms.
                            env.update(MONGODB_URI=mongo_uri, MONGODB_DATABASE=f"bench{rnd}",
                                       MONGODB_TIMEOUT_MS="120000")
                        else:
                            env["NEWSCRAWLER_DB"] = str(work / f"bench-{rnd}.db")
                    else:
                        full += ["-a", f"mirror={nginx.url}"]
                    timed = _timed(full, env, len(urls), work)
                    results[name].runs.append(timed)
                    print(f"round {rnd + 1} {name}: {timed['pages_per_s']:.1f} pages/s", flush=True)
    finally:
        _stop_mongo(mongo_proc)
    bare_runs = results["bare scrapy"].runs
    bare = results["bare scrapy"].medians()["pages_per_s"]
    print(f"\nloopback site: {len(urls)} pages of ~60 KB; nginx alone (curl, 8 parallel): "
          f"{server['pages_per_s']:.0f} pages/s = {server['pages_per_s'] / bare:.1f}x the bare spider\n")
    print("| variant | pages/s (median) | min–max | ratio to bare | ratio min–max | CPU ms/page |\n"
          "|---|---|---|---|---|---|")
    table = []
    for name, variant in results.items():
        med = variant.medians()
        rates = [r["pages_per_s"] for r in variant.runs]
        # Each round's ratio pairs runs made minutes apart at most: the spread of the ratio, not of the machine.
        ratios = [r["pages_per_s"] / b["pages_per_s"] for r, b in zip(variant.runs, bare_runs, strict=True)]
        row = {"variant": name, **med, "min": min(rates), "max": max(rates), "ratio": med["pages_per_s"] / bare,
               "ratio_min": min(ratios), "ratio_max": max(ratios)}
        table.append(row)
        print(f"| {name} | {med['pages_per_s']:.1f} | {min(rates):.1f}–{max(rates):.1f} | {row['ratio']:.3f} "
              f"| {min(ratios):.3f}–{max(ratios):.3f} | {med['cpu_ms_per_page']:.1f} |")
    out = BENCH / "results" / f"crawl-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    result = {"pages": len(urls), "rounds": args.rounds, "server_pages_per_s": server["pages_per_s"],
              "bare_pages_per_s": bare, "server_to_bare": server["pages_per_s"] / bare,
              "variants": table, "runs": {n: v.runs for n, v in results.items()}}
    out.write_text(json.dumps(result, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return result


def main(argv: list[str] | None = None) -> int:
    run(argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
