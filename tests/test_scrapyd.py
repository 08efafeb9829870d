"""`scrapy crawl` and Scrapyd behave like `newscrawler crawl`: one data directory, the same lock, the same
options, feeds of articles only, and a real Scrapyd round trip (deploy, schedule.json, articles in the store)."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from newscrawler import paths
from newscrawler.crawl.mirror import MirrorServer
from newscrawler.crawl.runner import lock_path
from newscrawler.crawl.spiders import spider_for
from newscrawler.crawl.spiders.base import UnknownSpiderOption
from newscrawler.store import SqliteStore, store_identity

from crawlkit import DEMO, ROOT, demo_articles

DEMO_URLS = {a.url for a in demo_articles()}


@pytest.fixture(scope="module")
def mirror() -> Iterator[str]:
    with MirrorServer(DEMO) as server:
        yield server.base_url


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without store settings (a developer's MONGODB_URI must not leak into a test)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_", "SCRAPY"))}
    return {**env, **extra}


def run_scrapy(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 180) -> subprocess.CompletedProcess:
    # Started outside the checkout: the project comes from SCRAPY_SETTINGS_MODULE, the data from the data dir.
    env = {**env, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
    return subprocess.run([sys.executable, "-m", "scrapy.cmdline", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def articles_in(db: Path) -> set[str]:
    store = SqliteStore(db)
    try:
        return {a["url"] for a in store.query(limit=1000)}
    finally:
        store.close()


# -- one data directory ---------------------------------------------------------------------------------------

def test_every_data_path_comes_from_the_data_dir(tmp_path: Path) -> None:
    found = paths.resolve({"NEWSCRAWLER_DATA_DIR": str(tmp_path / "d")})
    assert found.db_path == tmp_path / "d" / "newscrawler.db"
    assert found.spool_dir == tmp_path / "d" / "spool"
    assert found.lock_dir == tmp_path / "d" / "locks"
    assert found.log_dir == tmp_path / "d" / "logs"
    moved = paths.resolve({"NEWSCRAWLER_DATA_DIR": str(tmp_path / "d"), "NEWSCRAWLER_DB": str(tmp_path / "x.db"),
                           "NEWSCRAWLER_SPOOL": str(tmp_path / "s"), "NEWSCRAWLER_LOCK_DIR": str(tmp_path / "l")})
    assert (moved.db_path, moved.spool_dir, moved.lock_dir) == (tmp_path / "x.db", tmp_path / "s", tmp_path / "l")
    assert store_identity({"NEWSCRAWLER_DATA_DIR": str(tmp_path / "d")}).key == f"sqlite:{tmp_path}/d/newscrawler.db"


def test_the_default_data_dir_does_not_follow_the_working_directory(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.data_dir({}) == ROOT / "data"  # a checkout keeps its data/ folder
    assert paths.db_path({}) == ROOT / "data" / "newscrawler.db"
    assert paths.resolve({}, checkout=tmp_path / "p").spool_dir == tmp_path / "p" / "data" / "spool"


# -- scrapy crawl == newscrawler crawl ------------------------------------------------------------------------

def test_a_misspelt_spider_option_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownSpiderOption, match="did you mean 'max_articles'"):
        spider_for("suara.com")(max_article="5")
    assert spider_for("suara.com")(max_articles="5", _job="abc").scheduler_job == {"_job": "abc"}

    done = run_scrapy(["crawl", "suara", "-a", "sinse=2d", "-a", "mirror=http://127.0.0.1:9"], tmp_path,
                      clean_env(NEWSCRAWLER_DATA_DIR=str(tmp_path / "data")))
    assert done.returncode == 2, done.stderr
    assert "unknown option 'sinse' (did you mean 'since'?)" in done.stderr
    assert not (tmp_path / "data").exists()  # refused before anything opened


@pytest.mark.slow
def test_feed_holds_articles_and_snapshots_get_their_own(tmp_path: Path, mirror: str) -> None:
    data = tmp_path / "data"
    done = run_scrapy(["crawl", "suara", "-a", f"mirror={mirror}", "-O", "out.jsonl",
                       "-s", "NEWSCRAWLER_SNAPSHOT_FEED=snapshots.jsonl"], tmp_path,
                      clean_env(NEWSCRAWLER_DATA_DIR=str(data)))
    assert done.returncode == 0, done.stderr[-2000:]
    articles = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {a["url"] for a in articles} == DEMO_URLS
    assert all(a.get("body") and "entries" not in a for a in articles)
    snapshots = [json.loads(line) for line in (tmp_path / "snapshots.jsonl").read_text(encoding="utf-8").splitlines()]
    assert snapshots and all(s["list"] in ("popular", "editors_picks", "latest") and s["entries"] for s in snapshots)
    # The store is the data directory's, not the working directory's.
    assert articles_in(data / "newscrawler.db") == DEMO_URLS
    assert not (tmp_path / "data" / "spool").exists() or not any((tmp_path / "data" / "spool").iterdir())


def _lock_is_held(path: Path) -> bool:
    if not path.exists():
        return False
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_scrapy_crawl_respects_the_lock_of_a_running_cli_crawl(tmp_path: Path) -> None:
    env = clean_env(NEWSCRAWLER_DATA_DIR=str(tmp_path / "data"))
    # A mirror that accepts connections and never answers keeps the CLI's crawl (and its lock) going.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        stalled = f"http://127.0.0.1:{silent.getsockname()[1]}"
        cli = subprocess.Popen([sys.executable, "-m", "newscrawler.cli", "crawl", "suara.com", "--mirror", stalled],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            lock = lock_path("suara.com", store_identity(env))
            deadline = time.monotonic() + 60
            while not _lock_is_held(lock):
                assert cli.poll() is None and time.monotonic() < deadline, "the CLI crawl never took its lock"
                time.sleep(0.2)
            done = run_scrapy(["crawl", "suara", "-a", f"mirror={stalled}"], tmp_path / "data", env)
        finally:
            cli.kill()
            cli.wait()
    assert done.returncode == 3, done.stderr[-2000:]
    assert f"another crawl of suara.com is running into this store (lock {lock} is held)" in done.stderr


# -- a real Scrapyd -------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[str]:
    """A scrapyd on 127.0.0.1 with its own folders, started without any newscrawler setting in its environment."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = _free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\neggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
        "items_dir =\njobs_dir =\npoll_interval = 0.5\nmax_proc = 2\n",
        encoding="utf-8",
    )
    with open(home / "scrapyd.out", "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, env=clean_env(), stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url + "daemonstatus.json", timeout=2).json()["status"] == "ok":
                    break
            except (requests.RequestException, ValueError):
                pass
            assert proc.poll() is None, (home / "scrapyd.out").read_text(errors="replace")
            assert time.monotonic() < deadline, "scrapyd did not start"
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # scrapyd and the jobs it started (its own session)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


LEFTOVERS = ("build", "dist", "setup.py", "newscrawler.egg-info", "newscrawler/deployment.json")


@pytest.mark.slow
def test_deploy_schedule_and_the_articles_arrive(tmp_path: Path, scrapyd: str, mirror: str) -> None:
    data = tmp_path / "shared-data"
    before = {name for name in LEFTOVERS if (ROOT / name).exists()}
    deploy = subprocess.run(
        [sys.executable, "-m", "newscrawler.cli", "deploy", "--target", scrapyd, "--project", "newscrawler",
         "--data-dir", str(data)],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=300,
    )
    assert deploy.returncode == 0, deploy.stderr
    assert "deployed newscrawler version" in deploy.stdout and str(data) in deploy.stdout
    assert {name for name in LEFTOVERS if (ROOT / name).exists()} == before  # nothing left in the checkout

    spiders = requests.get(scrapyd + "listspiders.json", params={"project": "newscrawler"}, timeout=60).json()
    assert "suara" in spiders["spiders"], spiders
    scheduled = requests.post(scrapyd + "schedule.json", timeout=60,
                              data={"project": "newscrawler", "spider": "suara", "mirror": mirror}).json()
    assert scheduled["status"] == "ok", scheduled
    job = scheduled["jobid"]

    deadline = time.monotonic() + 240
    while True:
        jobs = requests.get(scrapyd + "listjobs.json", params={"project": "newscrawler"}, timeout=30).json()
        finished = [j for j in jobs["finished"] if j["id"] == job]
        if finished:
            break
        assert time.monotonic() < deadline, jobs
        time.sleep(0.5)
    job_log = next((tmp_path / "scrapyd" / "logs").rglob(f"{job}.log")).read_text(errors="replace")
    assert "Traceback" not in job_log, job_log[-3000:]
    # The job wrote where the CLI of this data directory reads: store, run record and the site's log.
    assert articles_in(data / "newscrawler.db") == DEMO_URLS
    store = SqliteStore(data / "newscrawler.db")
    try:
        assert [r["site"] for r in store.runs()] == ["suara.com"]
    finally:
        store.close()
    assert f"Scrapyd job {job} of suara" in (data / "logs" / "suara.com.log").read_text(encoding="utf-8")


def test_deploy_targets_come_from_scrapy_cfg_or_a_url() -> None:
    from newscrawler.cli.commands import UsageError
    from newscrawler.cli.deploy import Target, resolve_target

    assert resolve_target(None, None) == Target("http://127.0.0.1:6800/", "newscrawler")
    assert resolve_target("local", "news2") == Target("http://127.0.0.1:6800/", "news2")
    assert resolve_target("http://10.0.0.5:6800", None) == Target("http://10.0.0.5:6800/", "newscrawler")
    with pytest.raises(UsageError, match=r"no deploy target 'nope' in scrapy\.cfg"):
        resolve_target("nope", None)
    with pytest.raises(UsageError, match="http"):
        resolve_target("ftp://10.0.0.5/", None)


def test_deploy_to_a_scrapyd_that_is_not_there_fails_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newscrawler.cli", "deploy", "--target", f"http://127.0.0.1:{_free_port()}/"],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("newscrawler: error: cannot reach Scrapyd at http://127.0.0.1:")
    assert len(done.stderr.strip().splitlines()) == 1
