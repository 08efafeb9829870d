"""Benchmarks, run on demand (`make bench`): extraction speed, store write/query speed, crawl throughput.

Prints numbers; asserts nothing. Keep timings out of unit tests.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscrawler.extract.extractor import ArticleExtractor  # noqa: E402
from newscrawler.extract.processing import build_article  # noqa: E402
from newscrawler.sites import get_profile  # noqa: E402
from newscrawler.store import open_store  # noqa: E402

SEED = ROOT / "tests" / "golden" / "suara.com" / "seed-article.html"
SEED_URL = json.loads(SEED.with_name("seed-article.expected.json").read_text())["url"]


def bench_extract(rounds: int) -> None:
    html = SEED.read_bytes()
    profile = get_profile("suara.com")
    extractor = ArticleExtractor(profile)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        build_article([extractor.extract(SEED_URL, html)], profile)
        times.append(time.perf_counter() - t)
    print(f"extract+normalise seed page: median {statistics.median(times) * 1000:.2f} ms, "
          f"{1 / statistics.median(times):.0f} pages/s over {rounds} rounds")


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


def bench_store(n: int, uri: str | None) -> None:
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
        print(f"{store.kind}: upsert {n} articles in batches of 50: {n / write:.0f} articles/s; "
              f"text query (100 hits={hits}): {search * 1000:.1f} ms; stream all {streamed}: {stream:.2f} s; "
              f"max RSS {rss:.0f} MB")
        store.close()
        if store.kind == "sqlite":
            bench_export(os.path.join(tmp, "bench.db"), n)


_PEAK_WRAPPER = (
    "import sys; from newscrawler.cli.main import main; rc = main(sys.argv[1:]); "
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; "
    "print('peak_kb', hwm, file=sys.stderr); sys.exit(rc)"
)


def bench_export(db: str, n: int) -> None:
    """`newscrawler export` in its own process; VmHWM is that process's own peak (it restarts at exec)."""
    env = {**os.environ, "NEWSCRAWLER_DB": db}
    env.pop("MONGODB_URI", None)
    for fmt in ("jsonl", "csv"):
        out = db + "." + fmt
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _PEAK_WRAPPER, "export", "--format", fmt, "-o", out], env=env,
                              check=True, capture_output=True, text=True)
        took = time.perf_counter() - t
        peak = int(done.stderr.split("peak_kb", 1)[1].split()[0]) / 1024
        print(f"export {n} articles as {fmt}: {took:.1f} s, {os.path.getsize(out) / 1e6:.0f} MB written, "
              f"peak RSS of the export process {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--mongodb-uri", default=os.environ.get("MONGODB_URI"))
    args = parser.parse_args()
    bench_extract(args.rounds)
    bench_store(args.articles, None)
    if args.mongodb_uri:
        bench_store(args.articles, args.mongodb_uri)


if __name__ == "__main__":
    main()
