"""Store write throughput: one INSERT / insert_one per article against the stores' own upsert_articles.

    .venv/bin/python bench/stores.py [--articles 2000] [--rounds 3] [--batch 50] [--stores sqlite,mongo]

Every article has a ~38 KB body (Indonesian-looking words, so the full-text indexes do real work). The naive
variant writes the same rows into the same schema (FTS index and all), one statement and one commit per
article (SQLite also: the same INSERTs in one transaction, the raw cost of rows plus FTS); the store variant
calls upsert_articles with batches of `--batch` articles, as StorePipeline does. SQLite also measures a
re-crawl that finds every article unchanged, with sqlite-utils' wide FTS update trigger (before) and the
store's narrowed one.
Variants run interleaved, each round into a fresh database. Results: a table of medians (min–max) and the
ratio to the naive variant, also written to bench/results/stores-<UTC time>.json. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from crawl import _mongo_server  # noqa: E402

from newscrawler.store import MongoStore, SqliteStore  # noqa: E402
from newscrawler.store.common import last_wins  # noqa: E402
from newscrawler.store.sqlite import _encode_article  # noqa: E402

BODY_BYTES = 38_000
_VOCABULARY = ("pemerintah presiden menteri jakarta indonesia rakyat kebijakan ekonomi harga beras naik turun "
          "pembangunan daerah gubernur kota warga polisi kasus sidang hakim putusan timnas sepak bola "
          "pemilu partai suara anggaran negara bank rupiah dolar pasar saham investor perusahaan")
_WORDS = _VOCABULARY.split()


def make_articles(count: int, seed: int = 9) -> list[dict]:
    """Deterministic articles shaped like the crawl's (Article contract fields, link lists, ~38 KB body)."""
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        words: list[str] = []
        size = 0
        while size < BODY_BYTES:
            word = rng.choice(_WORDS)
            words.append(word)
            size += len(word) + 1
        body = " ".join(words)
        url = f"https://www.suara.com/news/2026/10/{1 + n % 28:02d}/080500/artikel-bench-{n}"
        articles.append({
            "url": url, "site": "suara.com", "section": "news", "title": f"Judul berita nomor {n} {words[0]}",
            "description": body[:160], "authors": ["Penulis Bench"], "published_at": "2026-10-01T08:05:00+07:00",
            "modified_at": None, "published_at_raw": "Rabu, 01 Oktober 2026 | 08:05 WIB", "language": "id",
            "tags": ["bench", words[1]], "image_url": None, "dateline": "Suara.com", "body": body, "pages": 1,
            "link_lists": {"related": [{"title": f"Terkait {k}", "url": f"{url}-terkait-{k}"} for k in range(5)]},
            "crawled_at": "2026-10-01T09:00:00+00:00",
        })
    return articles


def _rate(count: int, work: Callable[[], None]) -> float:
    start = time.perf_counter()
    work()
    return count / (time.perf_counter() - start)


def sqlite_naive(path: Path, articles: list[dict]) -> float:
    """The same rows into the same schema (FTS triggers included): one INSERT and one commit per article."""
    store = SqliteStore(path)
    rows = [_encode_article(doc | {"version": 1}) for doc in last_wins(articles).values()]
    conn = store.conn

    def work() -> None:
        for row in rows:
            conn.execute(f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         tuple(row.values()))
            conn.commit()

    try:
        return _rate(len(rows), work)
    finally:
        store.close()


def sqlite_naive_one_transaction(path: Path, articles: list[dict]) -> float:
    """The same INSERTs, all in one transaction: the raw cost of the rows and their FTS indexing."""
    store = SqliteStore(path)
    rows = [_encode_article(doc | {"version": 1}) for doc in last_wins(articles).values()]
    conn = store.conn

    def work() -> None:
        with conn:
            for row in rows:
                conn.execute(f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             tuple(row.values()))

    try:
        return _rate(len(rows), work)
    finally:
        store.close()


def sqlite_recrawl(path: Path, articles: list[dict], batch: int, wide_trigger: bool) -> float:
    """A re-crawl that finds every article unchanged (--recheck-days, --full): only bookkeeping is written.
    `wide_trigger` puts back sqlite-utils' update trigger (re-indexes title and body on any update): before."""
    store = SqliteStore(path)
    try:
        _batches(store, articles, batch)
        if wide_trigger:
            with store.conn:
                store.conn.execute('DROP TRIGGER "articles_au"')
                store.conn.execute(_WIDE_TRIGGER)
        return _rate(len(articles), lambda: _batches(store, articles, batch))
    finally:
        store.close()


_WIDE_TRIGGER = """CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body")
    VALUES('delete', old.rowid, old."title", old."body");
  INSERT INTO "articles_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END"""


def sqlite_store(path: Path, articles: list[dict], batch: int) -> float:
    store = SqliteStore(path)
    try:
        return _rate(len(articles), lambda: _batches(store, articles, batch))
    finally:
        store.close()


def mongo_naive(uri: str, database: str, articles: list[dict]) -> float:
    store = MongoStore(uri, database)  # the same indexes (text index included) as the store's own writes
    docs = list(last_wins(articles).values())

    def work() -> None:
        for doc in docs:
            store.articles.insert_one(dict(doc))

    try:
        return _rate(len(docs), work)
    finally:
        store.client.drop_database(database)
        store.close()


def mongo_store(uri: str, database: str, articles: list[dict], batch: int) -> float:
    store = MongoStore(uri, database)
    try:
        return _rate(len(articles), lambda: _batches(store, articles, batch))
    finally:
        store.client.drop_database(database)
        store.close()


def _batches(store, articles: list[dict], batch: int) -> None:
    for start in range(0, len(articles), batch):
        store.upsert_articles(articles[start:start + batch], run_id="bench")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--stores", default="sqlite,mongo")
    parser.add_argument("--no-recrawl", dest="recrawl", action="store_false",
                        help="skip the unchanged re-crawl variants (SQLite)")
    args = parser.parse_args(argv)
    stores = [s for s in args.stores.split(",") if s]
    articles = make_articles(args.articles)
    work = Path(tempfile.mkdtemp(prefix="nc-bench-stores-"))
    runs: dict[str, list[float]] = {}
    mongo_proc = None
    try:
        if "mongo" in stores:
            (work / "mongo").mkdir()  # mongoeco makes its folders inside this one
            mongo_proc, uri = _mongo_server(work / "mongo")
            if not uri.startswith("mongodb"):
                raise SystemExit("the mongoeco wire server did not start")
        for rnd in range(args.rounds):
            variants: dict[str, Callable[[], float]] = {}
            if "sqlite" in stores:
                variants["sqlite: INSERT per article"] = lambda r=rnd: sqlite_naive(work / f"naive-{r}.db", articles)
                variants["sqlite: INSERT per article, one transaction"] = (
                    lambda r=rnd: sqlite_naive_one_transaction(work / f"naive1-{r}.db", articles))
                variants["sqlite: upsert_articles"] = (
                    lambda r=rnd: sqlite_store(work / f"store-{r}.db", articles, args.batch))
                if args.recrawl:
                    variants["sqlite: re-crawl unchanged, wide FTS trigger (before)"] = (
                        lambda r=rnd: sqlite_recrawl(work / f"wide-{r}.db", articles, args.batch, True))
                    variants["sqlite: re-crawl unchanged, narrow FTS trigger"] = (
                        lambda r=rnd: sqlite_recrawl(work / f"narrow-{r}.db", articles, args.batch, False))
            if "mongo" in stores:
                variants["mongodb: insert_one per article"] = lambda r=rnd: mongo_naive(uri, f"naive{r}", articles)
                variants["mongodb: upsert_articles"] = (
                    lambda r=rnd: mongo_store(uri, f"store{r}", articles, args.batch))
            for name, run in variants.items():
                rate = run()
                runs.setdefault(name, []).append(rate)
                print(f"round {rnd + 1} {name}: {rate:.1f} articles/s", flush=True)
    finally:
        if mongo_proc:
            mongo_proc.kill()
    table = _table(runs)
    out = BENCH / "results" / f"stores-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"articles": args.articles, "body_bytes": BODY_BYTES, "batch": args.batch,
                               "rounds": args.rounds, "variants": table, "runs": runs}, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


def _table(runs: dict[str, list[float]]) -> list[dict]:
    print("\n| variant | articles/s (median) | min–max | ratio to naive |\n|---|---|---|---|")
    table = []
    for name, rates in runs.items():
        # The reference is the first variant of the same store: one statement and one commit per article.
        naive = statistics.median(next(v for k, v in runs.items() if k.split(":")[0] == name.split(":")[0]))
        median = statistics.median(rates)
        row = {"variant": name, "articles_per_s": median, "min": min(rates), "max": max(rates),
               "ratio": median / naive}
        table.append(row)
        print(f"| {name} | {median:.1f} | {min(rates):.1f}–{max(rates):.1f} | {row['ratio']:.2f} |")
    return table


if __name__ == "__main__":
    raise SystemExit(main())
