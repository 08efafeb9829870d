"""Real crawls: the suara spider against the demo site served on 127.0.0.1, into both stores."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from newscrawler.crawl.mirror import MirrorServer
from newscrawler.crawl.runner import site_lock
from newscrawler.store import open_store, store_identity

from crawlkit import DEMO, demo_articles, run_cli

ARTICLES = demo_articles()


@pytest.fixture
def mirror() -> Iterator[MirrorServer]:
    server = MirrorServer(DEMO)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "mongo"])
def store_env(request, tmp_path: Path) -> Iterator[dict[str, str]]:
    if request.param == "sqlite":
        yield {"NEWSCRAWLER_DB": str(tmp_path / "crawl.db")}
        return
    uri = request.getfixturevalue("mongo_uri")
    database = f"crawl_{uuid.uuid4().hex[:10]}"
    yield {"MONGODB_URI": uri, "MONGODB_DATABASE": database}
    from pymongo import MongoClient

    with MongoClient(uri) as client:
        client.drop_database(database)


def open_env_store(env: dict[str, str]):
    if "MONGODB_URI" in env:
        return open_store(uri=env["MONGODB_URI"], database=env["MONGODB_DATABASE"])
    return open_store(path=env["NEWSCRAWLER_DB"])


def fetched_paths(server: MirrorServer) -> set[str]:
    return {f"https://{host}{path}" for host, path in server.requests}


def test_full_crawl_into_store(mirror: MirrorServer, store_env: dict, tmp_path: Path) -> None:
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url], tmp_path, store_env)
    assert done.returncode == 0, done.stderr
    store = open_env_store(store_env)
    try:
        stored = {a["url"]: a for a in store.query(site="suara.com")}
        assert set(stored) == {a.url for a in ARTICLES}
        for demo in ARTICLES:
            article = stored[demo.url]
            assert article["pages"] == demo.pages, demo.url
            assert article["published_at"] == demo.published
            assert article["url"].startswith("https://") and "127.0.0.1" not in str(article)
            assert article["body"] and article["title"] and article["dateline"] == "Suara.com"
            assert "Baca Juga" not in article["body"] and "ADVERTISEMENT" not in article["body"]
            assert {"related", "popular", "editors_picks", "latest"} <= set(article["link_lists"])
        assert any(a.pages > 1 for a in ARTICLES)
        assert {a["section"] for a in stored.values()} >= {"news", "bisnis", "bola", "jakarta"}
        snapshots = store.snapshots("suara.com", "popular")
        assert len(snapshots) >= 1 and snapshots[0]["entries"]
        runs = store.runs()
        assert runs[0]["finish_reason"] == "finished"
        assert runs[0]["articles"]["new"] == len(ARTICLES)
        assert runs[0]["field_coverage"]["published_at"] == 100.0
        counts = runs[0]["articles"]
        assert counts["scraped"] == counts["new"] + counts["updated"] + counts["unchanged"] + counts["spooled"]
    finally:
        store.close()
    # Nothing outside the site's hosts was asked for, and robots.txt was read first.
    assert {host for host, _ in mirror.requests} <= {"www.suara.com", "jakarta.suara.com"}
    assert ("www.suara.com", "/robots.txt") in mirror.requests


def test_second_run_is_incremental(mirror: MirrorServer, tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "inc.db")}
    first = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url], tmp_path, env)
    assert first.returncode == 0, first.stderr
    before = len(mirror.requests)
    second = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--summary"], tmp_path, env)
    assert second.returncode == 0, second.stderr
    assert "nothing new" in second.stdout
    article_paths = {a.url.split("suara.com", 1)[1] for a in ARTICLES}
    refetched = [p for _, p in mirror.requests[before:] if p.split("?")[0] in article_paths]
    assert refetched == []
    assert ("www.suara.com", "/") in mirror.requests[before:]  # lists stay fresh


def test_since_until_window_skips_pages_before_fetching(mirror: MirrorServer, tmp_path: Path) -> None:
    dated = sorted(ARTICLES, key=lambda a: a.published)
    since, until = dated[len(dated) // 3].published, dated[2 * len(dated) // 3].published
    env = {"NEWSCRAWLER_DB": str(tmp_path / "w.db")}
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--since", since.isoformat(),
                    "--until", until.isoformat(), "--no-follow-related"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    inside = {a.url for a in ARTICLES if since <= a.published < until}
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        assert {a["url"] for a in store.query()} == inside
    finally:
        store.close()
    fetched = fetched_paths(mirror)
    outside = {a.url for a in ARTICLES} - inside
    assert not (fetched & outside), "out-of-window articles were fetched"


def test_max_articles_and_url(mirror: MirrorServer, tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "m.db")}
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "5"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        assert store.count() == 5
    finally:
        store.close()
    multi = next(a for a in ARTICLES if a.pages > 1)
    env = {"NEWSCRAWLER_DB": str(tmp_path / "u.db")}
    start = len(mirror.requests)
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--url", multi.url], tmp_path, env)
    assert done.returncode == 0, done.stderr
    paths = [p for _, p in mirror.requests[start:] if p != "/robots.txt"]
    article_path = multi.url.split("suara.com", 1)[1]
    assert sorted(paths) == sorted([article_path] + [f"{article_path}?page={n}" for n in range(2, multi.pages + 1)])
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        (only,) = list(store.query())
        assert only["url"] == multi.url and only["pages"] == multi.pages
    finally:
        store.close()


def test_url_with_follow_related_fetches_linked_articles(mirror: MirrorServer, tmp_path: Path) -> None:
    seed = ARTICLES[0]
    env = {"NEWSCRAWLER_DB": str(tmp_path / "r.db")}
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--url", seed.url, "--follow-related"],
                   tmp_path, env)
    assert done.returncode == 0, done.stderr
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        first = store.get(seed.url)
        linked = {e["url"] for name in ("read_also", "related") for e in first["link_lists"].get(name, [])}
        assert linked and {a["url"] for a in store.query()} == linked | {seed.url}
    finally:
        store.close()


def test_unreachable_store_spools_then_replays(mirror: MirrorServer, tmp_path: Path, mongo_uri: str) -> None:
    dead = {"MONGODB_URI": "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
            "MONGODB_DATABASE": "spooltest"}
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "6"], tmp_path, dead)
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and "spool" in done.stderr
    spooled = run_cli(["spool", "status"], tmp_path)
    assert spooled.stdout.startswith(("7 record", "8 record", "9 record", "10 record")), spooled.stdout
    database = f"replay_{uuid.uuid4().hex[:8]}"
    live = {"MONGODB_URI": mongo_uri, "MONGODB_DATABASE": database}
    replay = run_cli(["spool", "replay"], tmp_path, live)
    assert replay.returncode == 0, replay.stderr
    store = open_store(uri=mongo_uri, database=database)
    try:
        assert store.count(site="suara.com") == 6
        assert store.snapshots("suara.com", "popular")
        assert store.runs()[0]["spooled"] >= 6
    finally:
        store.close()
    assert run_cli(["spool", "status"], tmp_path).stdout.startswith("0 record")


def test_second_concurrent_crawl_exits_with_status_3(mirror: MirrorServer, tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "l.db")}
    with site_lock("suara.com", store_identity(env)):  # the lock belongs to the store, not the folder
        done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url], tmp_path, env)
    assert done.returncode == 3
    assert "another crawl of suara.com is running" in done.stderr
    assert mirror.requests == []


def test_scrapy_crawl_with_feed_export(mirror: MirrorServer, tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env["NEWSCRAWLER_DB"] = str(tmp_path / "s.db")
    out = tmp_path / "out.jsonl"
    subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "suara", "-a", f"mirror={mirror.base_url}", "-a", "max_articles=3",
         "-s", f"NEWSCRAWLER_MIRROR={mirror.base_url}", "-O", str(out), "-s", "LOG_LEVEL=WARNING"],
        cwd=Path(__file__).resolve().parent.parent, env=env, check=True, capture_output=True, timeout=180,
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    articles = [r for r in rows if "body" in r]
    assert len(articles) == 3
    assert all(r["published_at"].endswith("+07:00") for r in articles)
    assert datetime.fromisoformat(articles[0]["published_at"])


def test_lastmod_and_recheck_days_bring_stored_articles_back(tmp_path: Path) -> None:
    import shutil
    from datetime import UTC, timedelta

    site = tmp_path / "site"
    shutil.copytree(DEMO, site)
    env = {"NEWSCRAWLER_DB": str(tmp_path / "re.db")}
    with MirrorServer(site) as server:
        assert run_cli(["crawl", "suara.com", "--mirror", server.base_url], tmp_path, env).returncode == 0
        # The site says one article changed after we stored it.
        changed = next(a for a in ARTICLES if "/news/" in a.url)
        sitemap = site / "www.suara.com" / "news" / "sitemap-news.xml"
        text = sitemap.read_text()
        block_start = text.index(f"<loc>{changed.url}</loc>")
        lastmod_start = text.index("<lastmod>", block_start) + len("<lastmod>")
        lastmod_end = text.index("</lastmod>", lastmod_start)
        newer = (datetime.now(UTC) + timedelta(minutes=5)).isoformat(timespec="seconds")
        sitemap.write_text(text[:lastmod_start] + newer + text[lastmod_end:])
        start = len(server.requests)
        done = run_cli(["crawl", "suara.com", "--mirror", server.base_url], tmp_path, env)
        assert done.returncode == 0, done.stderr
        path = changed.url.split("suara.com", 1)[1]
        paths = {a.url.split("suara.com", 1)[1] for a in ARTICLES}
        refetched = {p for _, p in server.requests[start:] if p.split("?")[0] in paths}
        assert refetched == {path}
        # --recheck-days N re-fetches what was published in the last N days.
        days = (datetime.now(UTC) - min(a.published for a in ARTICLES)).days - 10
        recent = {a.url.split("suara.com", 1)[1] for a in ARTICLES
                  if a.published >= datetime.now(UTC) - timedelta(days=days)}
        start = len(server.requests)
        done = run_cli(["crawl", "suara.com", "--mirror", server.base_url, "--recheck-days", str(days)], tmp_path, env)
        assert done.returncode == 0, done.stderr
        fetched = {p.split("?")[0] for _, p in server.requests[start:]}
        assert recent and recent <= fetched
        older = {a.url.split("suara.com", 1)[1] for a in ARTICLES} - recent
        assert (older & fetched) - {path} == set()  # the changed one's lastmod is still newer than what we hold


def test_crawl_that_fetches_nothing_fails(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port with nobody listening
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    done = run_cli(["crawl", "suara.com", "--mirror", dead], tmp_path, {"NEWSCRAWLER_DB": str(tmp_path / "d.db")})
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    store = open_store(path=str(tmp_path / "d.db"))
    try:
        (run,) = store.runs()
        assert run["pages_fetched"] == 0 and run["errors"]
    finally:
        store.close()


def test_demo_command(tmp_path: Path) -> None:
    done = run_cli(["demo", "--db", str(tmp_path / "demo.db")], tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"Articles stored in {tmp_path / 'demo.db'}: {len(ARTICLES)}" in out
    assert "Per section: bisnis" in out and "Top 'Terpopuler' entries:" in out
    assert "newscrawler query" in out


def test_robots_txt_is_obeyed(tmp_path: Path) -> None:
    import shutil

    site = tmp_path / "site"
    shutil.copytree(DEMO, site)
    robots = site / "www.suara.com" / "robots.txt"
    rules = robots.read_text().replace("Disallow: /loadmoredetail?", "Disallow: /loadmoredetail?\nDisallow: /bola/")
    robots.write_text(rules)
    env = {"NEWSCRAWLER_DB": str(tmp_path / "robots.db")}
    with MirrorServer(site) as server:
        done = run_cli(["crawl", "suara.com", "--mirror", server.base_url], tmp_path, env)
        assert done.returncode == 0, done.stderr
        assert not [p for h, p in server.requests if h == "www.suara.com" and p.startswith("/bola/")]
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        assert store.count(section="bola") == 0
        assert store.count() == len([a for a in ARTICLES if "/bola/" not in a.url])
    finally:
        store.close()


def test_jobdir_makes_a_crawl_resumable(mirror: MirrorServer, tmp_path: Path) -> None:
    jobdir = tmp_path / "job"
    env = {"NEWSCRAWLER_DB": str(tmp_path / "j.db")}
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--jobdir", str(jobdir), "--max-articles", "4"],
                   tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert (jobdir / "requests.seen").exists() and (jobdir / "spider.state").exists()
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        assert store.count() == 4
    finally:
        store.close()


def test_child_sitemaps_older_than_since_are_not_fetched(mirror: MirrorServer, tmp_path: Path) -> None:
    from newscrawler.crawl.discovery import parse_sitemap

    _, children = parse_sitemap((DEMO / "www.suara.com" / "sitemap.xml").read_bytes())
    lastmods = sorted(datetime.fromisoformat(c.lastmod) for c in children)
    since = lastmods[-1] - (lastmods[-1] - lastmods[-2]) / 2  # only the freshest sitemap changed after this
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--since", since.isoformat(),
                    "--no-follow-related"], tmp_path, {"NEWSCRAWLER_DB": str(tmp_path / "sm.db")})
    assert done.returncode == 0, done.stderr
    fetched = {p for _, p in mirror.requests if p.endswith("sitemap-news.xml")}
    fresh = [c.url.split("suara.com", 1)[1] for c in children if datetime.fromisoformat(c.lastmod) >= since]
    assert fetched == set(fresh) and len(fresh) == 1


# -- talking to people, silent for cron ------------------------------------------------------------------------


def run_on_terminal(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 180) -> tuple[int, str]:
    """`newscrawler ARGS` with stdout and stderr on a pseudo-terminal, as a person at a shell runs it."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    full_env.update(env, COLUMNS="160", TERM="xterm")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "newscrawler.cli", *args], cwd=cwd, env=full_env,
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=30), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_shows_progress_and_a_summary_with_real_urls(mirror: MirrorServer, tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "tty.db"), "NEWSCRAWLER_PROGRESS_INTERVAL": "0.1"}
    code, screen = run_on_terminal(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "6",
                                    "--no-follow-related"], tmp_path, env)
    assert code == 0, screen
    # tqdm's bar: articles out of --max-articles (so an ETA), with the stats the pipelines count
    assert "/6 [" in screen and "<" in screen.split("/6 [", 1)[1], screen
    assert "pages |" in screen and "new," in screen and "dropped" in screen and "errors" in screen
    assert "articles/s" in screen or "s/ articles" in screen
    summary = screen[screen.index("suara.com: finished"):]
    assert " in " in summary.split(";")[0]  # the duration
    urls = [line.strip() for line in summary.splitlines() if line.strip().startswith("https://")]
    assert urls and all(u.startswith(("https://www.suara.com/", "https://jakarta.suara.com/")) for u in urls)
    assert "127.0.0.1" not in summary


def test_quiet_and_pipes_print_nothing_on_success(mirror: MirrorServer, tmp_path: Path) -> None:
    env = {"NEWSCRAWLER_DB": str(tmp_path / "q.db")}
    piped = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "3"], tmp_path, env)
    assert piped.returncode == 0 and piped.stdout == "" and piped.stderr == "", (piped.stdout, piped.stderr)
    code, screen = run_on_terminal(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "3",
                                    "--quiet"], tmp_path, env)
    assert code == 0 and screen.strip() == "", screen


def test_failure_on_a_pipe_is_one_line_per_problem(tmp_path: Path) -> None:
    dead = "http://127.0.0.1:9"  # nothing listens: nothing fetched, the run failed
    done = run_cli(["crawl", "suara.com", "--mirror", dead, "--quiet"], tmp_path,
                   {"NEWSCRAWLER_DB": str(tmp_path / "f.db")})
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    # each failed fetch is a problem of its own, one line, no traceback; the verdict comes last
    assert "Traceback" not in done.stderr and lines[-1].startswith("newscrawler: crawl failed"), done.stderr
    assert all("refused" in line for line in lines[:-1]) and len(lines) <= 6, done.stderr


def test_spooled_run_names_the_real_spool_path(mirror: MirrorServer, tmp_path: Path) -> None:
    spool = tmp_path / "myspool"
    env = {"MONGODB_URI": "mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300", "MONGODB_TIMEOUT_MS": "300",
           "NEWSCRAWLER_SPOOL": str(spool)}
    done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--max-articles", "2",
                    "--no-follow-related"], tmp_path, env)
    assert done.returncode == 4, done.stderr
    assert done.stdout == "" and f"spooled to {spool.resolve()}" in done.stderr
