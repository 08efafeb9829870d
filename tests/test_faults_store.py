"""Fault suites 2 (store outage) and 4 (concurrency), injected for real.

The MongoDB server here is a mongoeco wire server on a SQLite file, run in a subprocess of its own so it can
be SIGKILLed and SIGSTOPped (the in-process one of conftest.py cannot); restarted on the same file and port,
it has everything it acknowledged before the kill. The site is the demo site cloned to a few hundred
articles. Long variants (several kill points, outage inside bulk writes of larger batches) are marked
`faults`; the others run in `make test`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pymongo import MongoClient

from newscrawler.crawl.mirror import MirrorServer

from crawlkit import DEMO

MONGO_MARK = pytest.mark.skipif(bool(os.environ.get("MONGODB_TEST_URI")),
                                reason="kills its own server; a shared MONGODB_TEST_URI server is not ours to kill")

# -- a MongoDB wire server we may kill --------------------------------------------------------------------

_SERVER = r"""
import asyncio, sys
from mongoeco.engines.sqlite import SQLiteEngine
from mongoeco.wire.proxy import AsyncMongoEcoProxyServer

async def main(path, port):
    proxy = AsyncMongoEcoProxyServer(engine=SQLiteEngine(path, executor_workers=1), mongodb_dialect="7.0",
                                     pymongo_profile="auto-installed", host="127.0.0.1", port=port)
    await proxy.start()
    print(proxy.address.uri, flush=True)
    await asyncio.Event().wait()

asyncio.run(main(sys.argv[1], int(sys.argv[2])))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class KillableMongo:
    """A mongoeco server process on `path`, always on the same port, so a restart is the same server."""

    def __init__(self, path: Path) -> None:
        self.path, self.port = path, _free_port()
        self.process: subprocess.Popen | None = None
        self.uri = f"mongodb://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _SERVER, str(self.path), str(self.port)],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()  # the server prints its URI once it listens
        assert line.startswith("mongodb://"), "mongoeco server did not start"

    def signal(self, number: int) -> None:
        assert self.process is not None
        self.process.send_signal(number)
        if number == signal.SIGKILL:
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def killable_mongo(tmp_path: Path) -> Iterator[KillableMongo]:
    server = KillableMongo(tmp_path / "mongo.sqlite")
    server.start()
    try:
        yield server
    finally:
        server.stop()


# -- a site of a few hundred articles ---------------------------------------------------------------------

_LOC = re.compile(r"<url>\s*<loc>(https://www\.suara\.com/[^<]+)</loc>.*?</url>", re.S)


def cloned_site(target: Path, copies: int) -> list[str]:
    """The demo site plus `copies` clones of every www article (own URL, canonical and sitemap entry);
    returns every article URL of the site."""
    shutil.copytree(DEMO, target)
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    urls = [a["url"] for a in manifest["articles"]]
    www = target / "www.suara.com"
    for sitemap in www.glob("*/sitemap-news.xml"):
        text = sitemap.read_text(encoding="utf-8")
        blocks = []
        for match in _LOC.finditer(text):
            original = match.group(1)
            path = original.split("suara.com", 1)[1]
            for n in range(1, copies + 1):
                clone = f"{path}-salinan-{n}"
                _clone_article(www, path, clone)
                blocks.append(match.group(0).replace(original, f"https://www.suara.com{clone}"))
                urls.append(f"https://www.suara.com{clone}")
        sitemap.write_text(text.replace("</urlset>", "\n".join(blocks) + "\n</urlset>"), encoding="utf-8")
    return sorted(urls)


def _clone_article(www: Path, path: str, clone: str) -> None:
    source, copy = www / path.lstrip("/"), www / clone.lstrip("/")
    copy.mkdir(parents=True)
    for page in source.glob("index*.html"):
        text = page.read_text(encoding="utf-8").replace(path, clone)
        (copy / page.name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """325 articles: the size the fault suite asks for (about 20 s per crawl on a shared 2-core machine)."""
    root = tmp_path_factory.mktemp("bigsite") / "site"
    urls = cloned_site(root, copies=7)
    assert len(urls) >= 300
    return root, urls


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """85 articles: the same faults, small enough for the normal suite's 30 s per test."""
    root = tmp_path_factory.mktemp("smallsite") / "site"
    return root, cloned_site(root, copies=1)


# -- running crawls -----------------------------------------------------------------------------------------


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env.update(extra)
    return env


def start_crawl(base_url: str, cwd: Path, env: dict[str, str], site: str = "suara.com") -> subprocess.Popen:
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "newscrawler.cli", "crawl", site, "--mirror", base_url],
                            cwd=cwd, env=_env(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def cli(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "-m", "newscrawler.cli", *args], cwd=cwd, env=_env(env),
                          capture_output=True, text=True, timeout=timeout)


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def mongo_count(uri: str, database: str) -> int:
    client = MongoClient(uri, serverSelectionTimeoutMS=2000)
    try:
        return client[database]["articles"].count_documents({})
    finally:
        client.close()


def stored_urls_mongo(uri: str, database: str) -> list[str]:
    client = MongoClient(uri, serverSelectionTimeoutMS=5000)
    try:
        return [d["url"] for d in client[database]["articles"].find({}, {"url": 1})]
    finally:
        client.close()


def last_run(uri: str, database: str) -> dict:
    client = MongoClient(uri, serverSelectionTimeoutMS=5000)
    try:
        runs = list(client[database]["runs"].find({}, {"_id": 0}).sort("started_at", -1))
    finally:
        client.close()
    return runs[0]


# -- fault suite 2: store outage ---------------------------------------------------------------------------


def _outage_run(tmp_path: Path, big_site, server: KillableMongo, fault: int, after: int,
                batch: int = 50) -> None:
    """Crawl the big site into `server`; once `after` articles are stored, send `fault`; then bring the
    server back, replay the spool, and check that every article is stored exactly once."""
    root, urls = big_site
    database = f"outage_{uuid.uuid4().hex[:8]}"
    env = {"MONGODB_URI": server.uri, "MONGODB_DATABASE": database, "MONGODB_TIMEOUT_MS": "500",
           "NEWSCRAWLER_SPOOL": str(tmp_path / "spool")}
    with MirrorServer(root) as mirror:
        started = time.monotonic()
        crawl = start_crawl(mirror.base_url, tmp_path / "work", {**env, "NEWSCRAWLER_STORE_BATCH": str(batch)})
        try:
            wait_until(lambda: mongo_count(server.uri, database) >= after, 120, f"{after} stored articles")
            print(f"timing: {after} stored after {time.monotonic() - started:.1f}s")
            server.signal(fault)
            out, err = crawl.communicate(timeout=240)
        finally:
            if crawl.poll() is None:
                crawl.kill()
    assert crawl.returncode == 4, (out, err)
    assert "spooled to " + str(tmp_path / "spool") in err
    if fault == signal.SIGKILL:
        server.start()
    else:
        server.signal(signal.SIGCONT)
    print(f"timing: outage handled after {time.monotonic() - started:.1f}s")
    stored_before = mongo_count(server.uri, database)
    # A server that applies a whole bulk write before it answers the count that triggers the fault has every
    # article by then (the (250, 200) case on mongoeco): the spool then holds the run's snapshots and record, and
    # the checks below hold all the same.
    assert after <= stored_before <= len(urls)
    # The replay gets the default timeouts: a short one was only there to notice the outage quickly.
    replay = cli(["spool", "replay"], tmp_path / "work", {k: v for k, v in env.items() if k != "MONGODB_TIMEOUT_MS"})
    assert replay.returncode == 0, replay.stderr
    stored = stored_urls_mongo(server.uri, database)
    assert len(stored) == len(set(stored)), "duplicates"
    assert sorted(stored) == urls
    run = last_run(server.uri, database)
    assert run["articles"]["scraped"] == len(urls) and run["spooled"] > 0 and run["lost"] == 0
    print(f"numbers: scraped {run['articles']['scraped']}, stored before the outage {stored_before}, "
          f"spooled {run['articles']['spooled']} articles + {run['spooled'] - run['articles']['spooled']} "
          f"snapshots, stored after replay {len(stored)}, lost {run['lost']}")


@MONGO_MARK
@pytest.mark.mongo
def test_sigkill_of_mongodb_mid_crawl_loses_nothing(tmp_path: Path, small_site, killable_mongo) -> None:
    # Batches of 50 and the kill at 30 stored: the server dies inside a bulk write.
    _outage_run(tmp_path, small_site, killable_mongo, signal.SIGKILL, after=30, batch=50)


@MONGO_MARK
@pytest.mark.mongo
def test_sigstop_of_mongodb_mid_crawl_loses_nothing(tmp_path: Path, small_site, killable_mongo) -> None:
    _outage_run(tmp_path, small_site, killable_mongo, signal.SIGSTOP, after=30, batch=10)


@MONGO_MARK
@pytest.mark.mongo
@pytest.mark.faults
@pytest.mark.parametrize("fault", [signal.SIGKILL, signal.SIGSTOP], ids=["SIGKILL", "SIGSTOP"])
# (250, 200): the server dies while the last bulk write of 125 articles is half applied.
@pytest.mark.parametrize(("after", "batch"), [(1, 50), (150, 7), (250, 200), (300, 1)])
def test_store_outage_at_many_points_and_batch_sizes(tmp_path: Path, big_site, killable_mongo, fault, after,
                                                     batch) -> None:
    _outage_run(tmp_path, big_site, killable_mongo, fault, after=min(after, len(big_site[1]) - 20), batch=batch)


def _sqlite_outage_run(tmp_path: Path, site) -> None:
    """The SQLite file stops taking writes mid-crawl. The suite may run as root, whom file modes do not stop,
    so the test holds an exclusive transaction on the file instead: the crawl's writes then fail after the
    busy timeout exactly as they do on a read-only or full disk (StoreUnavailable), and it must spool."""
    import sqlite3

    root, urls = site
    db = tmp_path / "store.db"
    env = {"NEWSCRAWLER_DB": str(db), "NEWSCRAWLER_SPOOL": str(tmp_path / "spool"), "NEWSCRAWLER_STORE_BATCH": "5"}
    with MirrorServer(root) as mirror:
        crawl = start_crawl(mirror.base_url, tmp_path / "work", env)
        try:
            def stored_some() -> bool:
                if not db.exists():
                    return False
                conn = sqlite3.connect(db, timeout=0.1)
                try:
                    return conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 30
                except sqlite3.Error:
                    return False
                finally:
                    conn.close()

            wait_until(stored_some, 120, "30 stored articles")
            # An exclusive transaction held by someone else: every write of the crawl fails as "locked".
            blocker = sqlite3.connect(db, timeout=30, isolation_level=None)
            blocker.execute("BEGIN EXCLUSIVE")
            out, err = crawl.communicate(timeout=240)
            blocker.execute("ROLLBACK")
            blocker.close()
        finally:
            if crawl.poll() is None:
                crawl.kill()
    assert crawl.returncode == 4, (out, err)
    replay = cli(["spool", "replay"], tmp_path / "work", env)
    assert replay.returncode == 0, replay.stderr
    with sqlite3.connect(db) as conn:
        stored = [row[0] for row in conn.execute("SELECT url FROM articles")]
        document = conn.execute("SELECT document FROM runs ORDER BY started_at DESC").fetchone()[0]
    assert sorted(stored) == urls
    assert json.loads(document)["articles"]["scraped"] == len(urls)


# -- fault suite 4: concurrency -----------------------------------------------------------------------------


def test_sqlite_made_unwritable_mid_crawl_loses_nothing(tmp_path: Path, small_site) -> None:
    _sqlite_outage_run(tmp_path, small_site)


@pytest.mark.faults
def test_sqlite_made_unwritable_mid_crawl_of_300_loses_nothing(tmp_path: Path, big_site) -> None:
    _sqlite_outage_run(tmp_path, big_site)


def test_two_crawls_of_one_site_into_one_store_from_two_folders(tmp_path: Path, small_site) -> None:
    root, _ = small_site
    env = {"NEWSCRAWLER_DB": str(tmp_path / "shared.db")}
    with MirrorServer(root) as mirror:
        first = start_crawl(mirror.base_url, tmp_path / "one", {**env, "NEWSCRAWLER_SPOOL": str(tmp_path / "s1")})
        try:
            wait_until(lambda: (tmp_path / "shared.db").exists() and len(mirror.requests) > 5, 60, "first crawl")
            # Frozen mid-crawl, it still holds its lock: the second crawl meets it however fast the first one runs.
            first.send_signal(signal.SIGSTOP)
            try:
                assert first.poll() is None, "the first crawl ended before the second could start"
                second = cli(["crawl", "suara.com", "--mirror", mirror.base_url], tmp_path / "two", env)
            finally:
                first.send_signal(signal.SIGCONT)
            _, err = first.communicate(timeout=240)
        finally:
            if first.poll() is None:
                first.kill()
    assert second.returncode == 3 and "another crawl of suara.com is running" in second.stderr
    assert first.returncode == 0, err
    assert not (tmp_path / "two" / "data").exists() or not list((tmp_path / "two" / "data").rglob("*.jsonl"))


def test_rerunning_a_finished_crawl_changes_no_first_seen(tmp_path: Path, small_site) -> None:
    from newscrawler.store import open_store

    root, urls = small_site
    db = str(tmp_path / "again.db")
    env = {"NEWSCRAWLER_DB": db}
    with MirrorServer(root) as mirror:
        first = cli(["crawl", "suara.com", "--mirror", mirror.base_url], tmp_path, env, timeout=240)
        assert first.returncode == 0, first.stderr
        store = open_store(path=db)
        try:
            before = {a["url"]: (a["first_seen"], a["version"]) for a in store.query()}
        finally:
            store.close()
        again = cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--full"], tmp_path, env, timeout=240)
        assert again.returncode == 0, again.stderr
    store = open_store(path=db)
    try:
        after = {a["url"]: (a["first_seen"], a["version"]) for a in store.query()}
        latest = store.runs(limit=1)[0]
    finally:
        store.close()
    assert sorted(before) == urls and after == before
    assert latest["articles"]["new"] == 0 and latest["articles"]["updated"] == 0


def test_two_different_sites_lock_independently(tmp_path: Path) -> None:
    from newscrawler.crawl.runner import CrawlLocked, site_lock
    from newscrawler.store import store_identity

    store = store_identity({"NEWSCRAWLER_DB": str(tmp_path / "one.db")})
    with site_lock("suara.com", store), site_lock("detik.com", store):
        with pytest.raises(CrawlLocked), site_lock("suara.com", store):
            pass
        # Another store, same site: its own lock.
        with site_lock("suara.com", store_identity({"NEWSCRAWLER_DB": str(tmp_path / "two.db")})):
            pass


GENERIC_SITE = DEMO.parent.parent / "tests" / "fixtures" / "generic-site" / "www.beritacontoh.id"


def _two_sites_at_once(tmp_path: Path, site, env: dict[str, str]) -> tuple[list[str], list[dict]]:
    """suara.com (profile) and beritacontoh.id (generic) crawled at the same time into one store."""
    root, urls = site
    both = tmp_path / "both"
    shutil.copytree(root, both)
    shutil.copytree(GENERIC_SITE, both / GENERIC_SITE.name)
    with MirrorServer(both) as mirror:
        suara = start_crawl(mirror.base_url, tmp_path / "a", {**env, "NEWSCRAWLER_SPOOL": str(tmp_path / "s1")})
        generic = start_crawl(mirror.base_url, tmp_path / "b", {**env, "NEWSCRAWLER_SPOOL": str(tmp_path / "s2")},
                              site="https://www.beritacontoh.id/")
        results = [(p, *p.communicate(timeout=240)) for p in (suara, generic)]
    for process, out, err in results:
        assert process.returncode == 0, (out, err)
        assert "spooled" not in err
    return urls, results


def test_two_sites_into_one_sqlite_store_at_once(tmp_path: Path, small_site) -> None:
    from newscrawler.store import open_store

    db = str(tmp_path / "both.db")
    urls, _ = _two_sites_at_once(tmp_path, small_site, {"NEWSCRAWLER_DB": db})
    store = open_store(path=db)
    try:
        assert sorted(a["url"] for a in store.query(site="suara.com")) == urls
        assert store.count(site="beritacontoh.id") >= 3
        assert {r["site"] for r in store.runs()} == {"suara.com", "beritacontoh.id"}
    finally:
        store.close()


@MONGO_MARK
@pytest.mark.mongo
@pytest.mark.faults
def test_two_sites_into_one_mongo_store_at_once(tmp_path: Path, big_site, killable_mongo) -> None:
    database = f"both_{uuid.uuid4().hex[:8]}"
    urls, _ = _two_sites_at_once(tmp_path, big_site, {"MONGODB_URI": killable_mongo.uri, "MONGODB_DATABASE": database})
    assert sorted(u for u in stored_urls_mongo(killable_mongo.uri, database) if "suara.com" in u) == urls
