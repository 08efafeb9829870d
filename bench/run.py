"""`make bench`: every benchmark of issue 9 in sequence, then one table of targets, measured values and ratios.

    .venv/bin/python bench/run.py [--quick] [--only extraction,dates,stores,crawl,memory,other]

Runs bench/extraction.py, bench/dates.py, bench/stores.py (in its own process: it reports through the JSON file
it writes), bench/crawl.py (SQLite and MongoDB against a bare Scrapy spider, interleaved rounds) and
bench/memory.py; each prints its own detailed table as it goes. Then "other numbers" (seed page extraction, text
query, export), and last one markdown table: what | reference | target | measured | ratio | met?, with the
server-alone check (nginx's rate / the bare spider's rate ≥ 3). Everything goes to
bench/results/bench-<UTC time>.json. `--quick` (`make bench-quick`) is the same with small sizes and one round:
a smoke run of about two minutes whose "met?" column is indicative only.
Numbers only: the exit status says whether every part ran, not whether targets were met.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from newscrawler.extract.extractor import ArticleExtractor  # noqa: E402
from newscrawler.extract.processing import build_article  # noqa: E402
from newscrawler.sites import get_profile  # noqa: E402
from newscrawler.store import open_store  # noqa: E402

SEED = ROOT / "tests" / "golden" / "suara.com" / "seed-article.html"
SEED_URL = json.loads(SEED.with_name("seed-article.expected.json").read_text())["url"]
PARTS = ("extraction", "dates", "stores", "crawl", "memory", "other")

# Arguments of each part: the sizes, and the quick run's (about two minutes on two busy cores).
FULL: dict[str, list[str]] = {
    "extraction": ["--rounds", "7"],
    "dates": ["--rounds", "5", "--calls", "40"],
    "stores": ["--articles", "2000", "--rounds", "3"],
    "crawl": ["--pages", "5000", "--rounds", "3"],
    "memory": ["--pages", "20000"],
    "other": ["--rounds", "200", "--articles", "20000"],
}
QUICK: dict[str, list[str]] = {
    "extraction": ["--rounds", "2"],
    "dates": ["--rounds", "3", "--calls", "12"],
    "stores": ["--articles", "300", "--rounds", "1"],
    # The trafilatura crawl is informative only (no target row): the quick run leaves it out.
    "crawl": ["--pages", "1000", "--rounds", "1", "--no-trafilatura"],
    "memory": ["--pages", "3000"],
    "other": ["--rounds", "50", "--articles", "2000"],
}

# --- other numbers: the seed page, text query and streaming over the stores, export -------------------------


def bench_extract(rounds: int) -> dict:
    html = SEED.read_bytes()
    profile = get_profile("suara.com")
    extractor = ArticleExtractor(profile)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        build_article([extractor.extract(SEED_URL, html)], profile)
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    print(f"extract+normalise seed page: median {median * 1000:.2f} ms, {1 / median:.0f} pages/s over {rounds} rounds")
    return {"rounds": rounds, "median_ms": median * 1000}


def fake_articles(n: int) -> list[dict]:
    base = datetime(2026, 10, 1, tzinfo=UTC)
    return [
        {
            "url": f"https://www.suara.com/news/2026/10/01/{i:06d}/artikel-{i}",
            "site": "suara.com", "section": ("news", "bisnis", "bola")[i % 3],
            "title": f"Judul berita nomor {i} tentang banjir Jakarta", "description": None,
            "authors": ["Tim Redaksi"], "published_at": (base + timedelta(minutes=i)).isoformat(),
            "modified_at": None, "published_at_raw": None, "language": "id", "tags": ["banjir", f"t{i % 50}"],
            "image_url": None, "dateline": "Suara.com",
            "body": "\n\n".join(f"Paragraf {j} dari artikel {i} tentang pembebasan sandera." for j in range(8)),
            "pages": 1, "link_lists": {"related": [{"title": "x", "url": f"https://www.suara.com/news/x{i % 100}"}]},
            "crawled_at": base.isoformat(),
        }
        for i in range(n)
    ]


def bench_store(n: int, uri: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(uri=uri, path=os.path.join(tmp, "bench.db"))
        articles = fake_articles(n)
        t = time.perf_counter()
        for i in range(0, n, 50):
            store.upsert_articles(articles[i:i + 50])
        write = time.perf_counter() - t
        t = time.perf_counter()
        hits = sum(1 for _ in store.query(text="banjir jakarta", limit=100))
        search = time.perf_counter() - t
        t = time.perf_counter()
        streamed = sum(1 for _ in store.query())
        stream = time.perf_counter() - t
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{store.kind}: upsert {n} short articles in batches of 50: {n / write:.0f} articles/s; "
              f"text query (100 hits={hits}): {search * 1000:.1f} ms; stream all {streamed}: {stream:.2f} s; "
              f"max RSS {rss:.0f} MB")
        result = {"store": store.kind, "articles": n, "upsert_per_s": n / write, "text_query_ms": search * 1000,
                  "stream_s": stream, "streamed": streamed}
        store.close()
        if store.kind == "sqlite":
            result["export"] = bench_export(os.path.join(tmp, "bench.db"), n)
        return result


_PEAK_WRAPPER = (
    "import sys; from newscrawler.cli.main import main; rc = main(sys.argv[1:]); "
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; "
    "print('peak_kb', hwm, file=sys.stderr); sys.exit(rc)"
)


def bench_export(db: str, n: int) -> list[dict]:
    """`newscrawler export` in its own process; VmHWM is that process's own peak (it restarts at exec)."""
    env = {**os.environ, "NEWSCRAWLER_DB": db}
    env.pop("MONGODB_URI", None)
    results = []
    for fmt in ("jsonl", "csv"):
        out = db + "." + fmt
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _PEAK_WRAPPER, "export", "--format", fmt, "-o", out], env=env,
                              check=True, capture_output=True, text=True)
        took = time.perf_counter() - t
        peak = int(done.stderr.split("peak_kb", 1)[1].split()[0]) / 1024
        size = os.path.getsize(out) / 1e6
        print(f"export {n} articles as {fmt}: {took:.1f} s, {size:.0f} MB written, "
              f"peak RSS of the export process {peak:.0f} MB")
        results.append({"format": fmt, "seconds": took, "mb_written": size, "peak_rss_mb": peak})
    return results


def other(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--mongodb-uri", default=os.environ.get("MONGODB_URI"))
    args = parser.parse_args(argv)
    result = {"seed_extract": bench_extract(args.rounds), "stores": [bench_store(args.articles, None)]}
    if args.mongodb_uri:
        result["stores"].append(bench_store(args.articles, args.mongodb_uri))
    return result


# --- the parts ------------------------------------------------------------------------------------------------


def stores(argv: list[str]) -> dict:
    """bench/stores.py in a process of its own (its output streamed through); its result is the JSON it wrote."""
    cmd = [sys.executable, str(BENCH / "stores.py"), *argv]
    written = None
    with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            if line.startswith("written to "):
                written = ROOT / line.removeprefix("written to ").strip()
    if proc.returncode != 0 or written is None:
        raise RuntimeError(f"bench/stores.py failed (exit {proc.returncode})")
    return json.loads(written.read_text())


def _part(name: str) -> Callable[[list[str]], dict]:
    if name == "stores":
        return stores
    if name == "other":
        return other
    # Imported when used: a part left out by --only costs nothing, and one that cannot import fails alone.
    module = __import__(name)
    return module.run


# --- the summary ------------------------------------------------------------------------------------------------


def _yes(met: bool | None) -> str:
    return "-" if met is None else "yes" if met else "**no**"


def _spread(low: float | None, high: float | None, fmt: str) -> str:
    if low is None or high is None or low == high:
        return ""
    return f" ({low:{fmt}}–{high:{fmt}})"


def crawl_rows(result: dict) -> list[dict]:
    bare = result["bare_pages_per_s"]
    rows = []
    for variant in result["variants"]:
        name = variant["variant"]
        if not name.startswith("newscrawler"):
            continue
        store = "SQLite" if "sqlite" in name else "MongoDB" if "mongo" in name else name
        rows.append({
            "what": f"end-to-end crawl pages/s, loopback site {result['pages']:,} articles, {store}",
            "reference": f"bare Scrapy spider, same pages, same concurrency: {bare:.1f} pages/s",
            "target": "≥ 0.6×",
            "measured": f"{variant['pages_per_s']:.1f} pages/s{_spread(variant['min'], variant['max'], '.1f')}, "
                        f"{result['rounds']} round(s)",
            "ratio": f"{variant['ratio']:.2f}×{_spread(variant.get('ratio_min'), variant.get('ratio_max'), '.2f')}",
            "met": variant["ratio"] >= 0.6,
        })
    rows.append({
        "what": "loopback server alone (nginx, curl 8 parallel)",
        "reference": f"bare Scrapy crawl rate: {bare:.1f} pages/s",
        "target": "≥ 3×",
        "measured": f"{result['server_pages_per_s']:.0f} pages/s",
        "ratio": f"{result['server_to_bare']:.1f}×",
        "met": result["server_to_bare"] >= 3,
    })
    return rows


def extraction_rows(result: dict) -> list[dict]:
    if not result["trafilatura"]:
        return [{"what": "extraction + processing per page", "reference": "trafilatura bare_extraction",
                 "target": "≤ 0.2×", "measured": "trafilatura not installed", "ratio": "-", "met": None}]
    rows = []
    if "padded" in result:
        every = next(r for r in result["padded"] if r["site"] == "all")
        rows.append({
            "what": f"extraction + processing per page, golden pages padded to {result['page_kb']} KB "
                    f"({every['pages']} pages)",
            "reference": f"trafilatura bare_extraction, same pages: {every['trafilatura_ms']:.2f} ms CPU",
            "target": "≤ 0.2×",
            "measured": f"{every['newscrawler_ms']:.2f} ms CPU, {result['rounds']} round(s)",
            "ratio": f"{every['ratio']:.2f}×{_spread(every['ratio_min'], every['ratio_max'], '.2f')}",
            "met": every["ratio"] <= 0.2,
        })
    sites = [r for r in result["golden"] if r["site"] != "all"]
    every = next(r for r in result["golden"] if r["site"] == "all")
    worst = max(sites, key=lambda r: r["ratio"])
    over = sum(r["ratio"] > 0.2 for r in sites)
    rows.append({
        "what": f"extraction + processing per page, every portal's golden pages ({len(sites)} portals)",
        "reference": "trafilatura bare_extraction, same pages",
        "target": "≤ 0.2× on every portal",
        "measured": f"worst: {worst['site']} {worst['newscrawler_ms']:.2f} vs {worst['trafilatura_ms']:.2f} ms; "
                    f"all pages {every['ratio']:.2f}×; {over} portal(s) over",
        "ratio": f"{worst['ratio']:.2f}× (worst)",
        "met": over == 0,
    })
    return rows


def dates_rows(result: dict) -> list[dict]:
    return [{
        "what": f"printed date line (every format: {result['total']} lines)",
        "reference": f"plain dateparser.parse(s, languages=[\"id\"]): {result['dateparser_us_median']:.0f} µs",
        "target": "≥ 20× faster, correct on all",
        "measured": f"{result['ours_us_median']:.1f} µs (median line); {result['correct']}/{result['total']} correct",
        "ratio": f"{result['speedup_median']:.0f}× ({result['speedup_min']:.0f}–{result['speedup_max']:.0f}× "
                 f"over formats; slowest {result['slowest_format']})",
        "met": result["speedup_min"] >= 20 and result["correct"] == result["total"],
    }]


def stores_rows(result: dict) -> list[dict]:
    rows = []
    variants = result["variants"]
    for prefix, label, reference_label in (("sqlite", "SQLite", "one INSERT (and commit) per item"),
                                           ("mongodb", "MongoDB", "insert_one per item")):
        mine = [v for v in variants if v["variant"].startswith(prefix)]
        ours = next((v for v in mine if "upsert_articles" in v["variant"] and "re-crawl" not in v["variant"]), None)
        if not mine or ours is None:
            continue
        # The reference is the store's first variant, as in stores.py's own table.
        reference = mine[0]
        ratio = ours["ratio"]
        rows.append({
            "what": f"store writes, articles/s, {result.get('body_bytes', 0) // 1000} KB bodies, {label} "
                    f"({result['articles']} articles, batches of {result.get('batch', '?')})",
            "reference": f"{reference_label}: {reference['articles_per_s']:.0f} articles/s",
            "target": "≥ 5×",
            "measured": f"{ours['articles_per_s']:.0f} articles/s{_spread(ours['min'], ours['max'], '.0f')}, "
                        f"{result['rounds']} round(s)",
            "ratio": f"{ratio:.2f}×{_spread(ours['ratio_min'], ours['ratio_max'], '.2f')}",
            "met": ratio >= 5,
        })
    return rows


def memory_rows(result: dict) -> list[dict]:
    summary = result["summary"]
    tree, main = summary["tree"], summary["main"]
    if "growth_mb" not in tree:
        return [{"what": f"peak RSS across a {result['pages']:,}-page crawl", "reference": "RSS after 1,000 pages",
                 "target": f"≤ +{summary['budget_mb']} MB", "measured": "fewer than 1,000 pages stored",
                 "ratio": "-", "met": None}]
    return [{
        "what": f"peak RSS across a {result['pages']:,}-page crawl, crawl + worker processes "
                f"({summary['max_procs']} processes)",
        "reference": f"RSS after the first 1,000 pages: {tree['at_1000_mb']:.0f} MB",
        "target": f"≤ +{summary['budget_mb']} MB, incl. the discovery burst",
        "measured": f"peak {tree['peak_mb']:.0f} MB; crawl process alone {main['at_1000_mb']:.0f} → "
                    f"{main['peak_mb']:.0f} MB ({main['growth_mb']:+.1f} MB)",
        "ratio": f"{tree['growth_mb']:+.1f} MB",
        "met": summary["within_budget"],
    }]


SUMMARY: dict[str, Callable[[dict], list[dict]]] = {
    "crawl": crawl_rows, "extraction": extraction_rows, "dates": dates_rows, "stores": stores_rows,
    "memory": memory_rows,
}
# The order of the comparisons.
ORDER = ("crawl", "extraction", "dates", "stores", "memory")


def summary_rows(results: dict[str, dict], errors: dict[str, str]) -> list[dict]:
    rows = []
    for name in ORDER:
        if name in errors:
            rows.append({"what": name, "reference": "", "target": "", "measured": f"failed: {errors[name]}",
                         "ratio": "-", "met": None})
        elif name in results:
            try:
                rows += SUMMARY[name](results[name])
            except (KeyError, StopIteration, TypeError, ValueError, ZeroDivisionError) as exc:
                # A part whose JSON changed shape still has its own table above: say so, do not lose the rest.
                rows.append({"what": name, "reference": "", "target": "", "ratio": "-", "met": None,
                             "measured": f"cannot summarise: {type(exc).__name__}: {exc}"})
    return rows


def print_table(rows: list[dict]) -> None:
    print("| what | reference | target | measured (median, min–max) | ratio | met? |\n|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['what']} | {row['reference']} | {row['target']} | {row['measured']} | {row['ratio']} "
              f"| {_yes(row['met'])} |")


def print_other(result: dict) -> None:
    print(f"- extract + normalise the suara.com seed page: {result['seed_extract']['median_ms']:.2f} ms (median)")
    for store in result["stores"]:
        print(f"- {store['store']}: upsert {store['articles']} short articles {store['upsert_per_s']:.0f}/s; "
              f"text query {store['text_query_ms']:.1f} ms; stream all {store['stream_s']:.2f} s")
        for export in store.get("export", []):
            print(f"- export {store['articles']} articles as {export['format']}: {export['seconds']:.1f} s, "
                  f"peak RSS {export['peak_rss_mb']:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one round: about two minutes")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma list of {', '.join(PARTS)}")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    plan = QUICK if args.quick else FULL
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    results: dict[str, dict] = {}
    errors: dict[str, str] = {}
    seconds: dict[str, float] = {}
    for name in (p for p in PARTS if p in parts):
        print(f"\n## {name}: bench/{name if name != 'other' else 'run'}.py {' '.join(plan[name])}\n", flush=True)
        t = time.perf_counter()
        try:
            results[name] = _part(name)(plan[name])
        except (Exception, SystemExit) as exc:  # the scripts end with SystemExit on a failed crawl
            traceback.print_exc()
            errors[name] = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
        seconds[name] = time.perf_counter() - t
        print(f"\n({name}: {seconds[name]:.0f} s)", flush=True)
    total = time.perf_counter() - t0

    rows = summary_rows(results, errors)
    kind = "quick run (small sizes, one round: 'met?' is indicative only)" if args.quick else "full run"
    print(f"\n# issue 9 targets — {kind}; {os.cpu_count()} CPUs; {total:.0f} s in all "
          f"({', '.join(f'{k} {v:.0f} s' for k, v in seconds.items())})\n")
    print_table(rows)
    if "other" in results:
        print("\nother numbers:")
        print_other(results["other"])
    out = BENCH / "results" / f"bench-{started:%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"started": started.isoformat(), "quick": args.quick, "cpus": os.cpu_count(),
                               "arguments": {p: plan[p] for p in parts}, "seconds": seconds, "total_s": total,
                               "summary": rows, "errors": errors, "parts": results}, indent=2, default=str))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
