"""Store write throughput: one INSERT / insert_one per article against the stores' own upsert_articles.

    .venv/bin/python bench/stores.py [--articles 2000] [--rounds 3] [--batch 50] [--stores sqlite,mongo]

Every article has a ~38 KB body (Indonesian-looking words, so the full-text indexes do real work).

SQLite. The reference ("INSERT per article") writes the same rows into the same schema (indexes, FTS5 table and
its triggers: the file SqliteStore creates) through a plain sqlite3 connection with SQLite's default settings,
one INSERT and one commit per article: what a writer that does not batch or tune would do. Then:
- the same, on the store's own connection (its PRAGMAs: synchronous=NORMAL in WAL, a larger page cache),
  which separates what the PRAGMAs give from what batching gives;
- the same INSERTs in one transaction: rows plus FTS indexing, nothing else, the floor for any batching;
- the same rows in one transaction with the FTS triggers dropped: what the rows alone cost, so the FTS5
  indexing cost is the difference with the line above;
- upsert_articles with batches of `--batch` articles, as StorePipeline does;
- a re-crawl that finds every article unchanged, with sqlite-utils' wide FTS update trigger (before) and the
  store's narrowed one.
MongoDB (a mongoeco wire server in its own process). The reference is insert_one per article into a collection
with the store's indexes (text index included), against upsert_articles with batches. mongoeco is a Python
server: the server's CPU time per article is printed too, as it bounds both variants.

Variants run interleaved, each round into a fresh database. Results: a table of medians (min–max) and the
ratio to the reference of the same store, also written to bench/results/stores-<UTC time>.json. CPU per
article (this process, the store's checkpoint thread included; the mongoeco server for MongoDB) is reported
beside throughput: the machine may be shared, and CPU time moves less than wall time when it is.
Reading the ratios: the SQLite reference pays one fsync and one FTS segment flush per article, so its ratio
follows the disk's fsync latency (a VM with a fast-syncing disk: ~2x at most, the one-transaction line; a
real disk: far more); the one-transaction line bounds any batching. Nothing here asserts.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from crawl import _mongo_server, _stop_mongo  # noqa: E402
from memory import stat_fields  # noqa: E402

from newscrawler.store import MongoStore, SqliteStore  # noqa: E402
from newscrawler.store.common import last_wins  # noqa: E402
from newscrawler.store.sqlite import _ARTICLE_COLUMNS, _encode_article  # noqa: E402

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


@dataclass
class Run:
    rate: float  # articles per second, wall time
    cpu_ms: float  # CPU time per article, milliseconds: this process, or the server for MongoDB


def _measure(count: int, work: Callable[[], None], server_cpu: Callable[[], float] | None = None) -> Run:
    clock = server_cpu or time.process_time
    start, cpu = time.perf_counter(), clock()
    work()
    elapsed, used = time.perf_counter() - start, clock() - cpu
    return Run(count / elapsed, used * 1000 / count)


_INSERT = f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})"


def _rows(articles: list[dict]) -> list[tuple]:
    return [_encode_article(doc | {"version": 1}) for doc in last_wins(articles).values()]


def sqlite_naive(path: Path, articles: list[dict], store_connection: bool = False) -> Run:
    """The same rows into the same schema (FTS triggers included): one INSERT and one commit per article,
    through a plain connection with SQLite's defaults, or the store's own (`store_connection`)."""
    store = SqliteStore(path)  # creates the schema: tables, indexes, FTS table and triggers
    rows = _rows(articles)
    if not store_connection:
        store.close()
    conn = store.conn if store_connection else sqlite3.connect(path)

    def work() -> None:
        for row in rows:
            conn.execute(_INSERT, row)
            conn.commit()

    try:
        return _measure(len(rows), work)
    finally:
        conn.close()


def sqlite_naive_one_transaction(path: Path, articles: list[dict], fts: bool = True) -> Run:
    """The same INSERTs, all in one transaction on the store's connection: the raw cost of the rows and their
    FTS indexing, or of the rows alone without the FTS triggers (`fts=False`)."""
    store = SqliteStore(path)
    rows = _rows(articles)
    conn = store.conn
    if not fts:
        with conn:
            for name in ("articles_ai", "articles_ad", "articles_au"):
                conn.execute(f'DROP TRIGGER "{name}"')

    def work() -> None:
        with conn:
            conn.executemany(_INSERT, rows)

    try:
        return _measure(len(rows), work)
    finally:
        store.close()


def sqlite_recrawl(path: Path, articles: list[dict], batch: int, wide_trigger: bool) -> Run:
    """A re-crawl that finds every article unchanged (--recheck-days, --full): only bookkeeping is written.
    `wide_trigger` puts back sqlite-utils' update trigger (re-indexes title and body on any update): before."""
    store = SqliteStore(path)
    try:
        _batches(store, articles, batch)
        if wide_trigger:
            with store.conn:
                store.conn.execute('DROP TRIGGER "articles_au"')
                store.conn.execute(_WIDE_TRIGGER)
        return _measure(len(articles), lambda: _batches(store, articles, batch))
    finally:
        store.close()


_WIDE_TRIGGER = """CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body")
    VALUES('delete', old.rowid, old."title", old."body");
  INSERT INTO "articles_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END"""


def sqlite_store(path: Path, articles: list[dict], batch: int) -> Run:
    store = SqliteStore(path)
    try:
        return _measure(len(articles), lambda: _batches(store, articles, batch))
    finally:
        store.close()


def mongo_naive(uri: str, database: str, articles: list[dict], server_cpu: Callable[[], float]) -> Run:
    store = MongoStore(uri, database)  # the same indexes (text index included) as the store's own writes
    docs = list(last_wins(articles).values())

    def work() -> None:
        for doc in docs:
            store.articles.insert_one(dict(doc))

    try:
        return _measure(len(docs), work, server_cpu)
    finally:
        store.client.drop_database(database)
        store.close()


def mongo_store(uri: str, database: str, articles: list[dict], batch: int, server_cpu: Callable[[], float]) -> Run:
    store = MongoStore(uri, database)
    try:
        return _measure(len(articles), lambda: _batches(store, articles, batch), server_cpu)
    finally:
        store.client.drop_database(database)
        store.close()


def _process_cpu(pid: int) -> Callable[[], float]:
    """CPU seconds (user + system) another process has used so far, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        fields = stat_fields(pid)
        return (int(fields[11]) + int(fields[12])) / ticks

    return read


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
    runs: dict[str, list[Run]] = {}
    mongo_proc = None
    try:
        if "mongo" in stores:
            mongo_proc, uri = _mongo_server(work / "mongo")
            server_cpu = _process_cpu(mongo_proc.pid)
        for rnd in range(args.rounds):
            variants: dict[str, Callable[[], Run]] = {}
            if "sqlite" in stores:
                variants["sqlite: INSERT per article"] = lambda r=rnd: sqlite_naive(work / f"naive-{r}.db", articles)
                variants["sqlite: INSERT per article, store's PRAGMAs"] = (
                    lambda r=rnd: sqlite_naive(work / f"naivep-{r}.db", articles, store_connection=True))
                variants["sqlite: INSERT per article, one transaction"] = (
                    lambda r=rnd: sqlite_naive_one_transaction(work / f"naive1-{r}.db", articles))
                variants["sqlite: rows without FTS, one transaction"] = (
                    lambda r=rnd: sqlite_naive_one_transaction(work / f"nofts-{r}.db", articles, fts=False))
                variants["sqlite: upsert_articles"] = (
                    lambda r=rnd: sqlite_store(work / f"store-{r}.db", articles, args.batch))
                if args.recrawl:
                    variants["sqlite: re-crawl unchanged, wide FTS trigger (before)"] = (
                        lambda r=rnd: sqlite_recrawl(work / f"wide-{r}.db", articles, args.batch, True))
                    variants["sqlite: re-crawl unchanged, narrow FTS trigger"] = (
                        lambda r=rnd: sqlite_recrawl(work / f"narrow-{r}.db", articles, args.batch, False))
            if "mongo" in stores:
                variants["mongodb: insert_one per article"] = (
                    lambda r=rnd: mongo_naive(uri, f"naive{r}", articles, server_cpu))
                variants["mongodb: upsert_articles"] = (
                    lambda r=rnd: mongo_store(uri, f"store{r}", articles, args.batch, server_cpu))
            for name, variant in variants.items():
                run = variant()
                runs.setdefault(name, []).append(run)
                print(f"round {rnd + 1} {name}: {run.rate:.1f} articles/s, {run.cpu_ms:.3f} ms CPU/article",
                      flush=True)
    finally:
        _stop_mongo(mongo_proc)
        shutil.rmtree(work, ignore_errors=True)
    table = _table(runs)
    out = BENCH / "results" / f"stores-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"articles": args.articles, "body_bytes": BODY_BYTES, "batch": args.batch,
                               "rounds": args.rounds, "variants": table,
                               "runs": {k: [asdict(r) for r in v] for k, v in runs.items()}}, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


def _table(runs: dict[str, list[Run]]) -> list[dict]:
    print("\n| variant | articles/s (median) | min–max | ratio to naive | CPU ms/article (median) |\n"
          "|---|---|---|---|---|")
    table = []
    for name, variant_runs in runs.items():
        # The reference is the first variant of the same store: one statement and one commit per article.
        reference = next(v for k, v in runs.items() if k.split(":")[0] == name.split(":")[0])
        naive = statistics.median(r.rate for r in reference)
        rates = [r.rate for r in variant_runs]
        median = statistics.median(rates)
        cpu = statistics.median(r.cpu_ms for r in variant_runs)
        # Each round's ratio pairs runs made minutes apart at most: the spread of the ratio, not of the machine.
        ratios = [r.rate / n.rate for r, n in zip(variant_runs, reference, strict=False)]
        row = {"variant": name, "articles_per_s": median, "min": min(rates), "max": max(rates),
               "ratio": median / naive, "ratio_min": min(ratios), "ratio_max": max(ratios),
               "cpu_ms_per_article": cpu}
        table.append(row)
        print(f"| {name} | {median:.1f} | {min(rates):.1f}–{max(rates):.1f} | {row['ratio']:.2f} | {cpu:.3f} |")
    print("(CPU: this process for SQLite, the mongoeco server process for MongoDB)")
    return table


if __name__ == "__main__":
    raise SystemExit(main())
