"""Fault suite 1 (hostile web) and 3 (crash and resume), with the faults injected for real.

Hostile web: a crawl of tests/hostile_server.py's site finishes, stores every good article once, counts each
failure kind once in the run record, and the site's request log and the canaries on 127.0.0.2.. show no
request that should not have been made. The `netns` variant runs everything inside a network namespace that
has only loopback (`unshare -rn`), so nothing can leave the machine even if a guard fails.

Crash and resume: `newscrawler crawl --jobdir` is SIGKILLed part-way (after a random number of requests),
resumed, killed again, and finally resumed to the end: every article of the demo site is stored once, and
no article page is fetched twice except the few in flight at a kill.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newscrawler.crawl.journal import CrawlJournal
from newscrawler.store import open_store

from crawlkit import DEMO, ROOT, demo_articles
from hostile_server import CP1252_TITLE, FAULTS, REAL, REDIRECT_TARGETS, SlowMirror, crawl_settings_args, run_hostile

HERE = Path(__file__).parent


def crawl_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env.update({"SCRAPY_SETTINGS_MODULE": "newscrawler.settings", "NEWSCRAWLER_DB": str(tmp_path / "hostile.db"),
                "NEWSCRAWLER_SPOOL": str(tmp_path / "spool"), "NEWSCRAWLER_LOCK_DIR": str(tmp_path / "locks"),
                "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])})
    return env


def hostile_command() -> list[str]:
    return [sys.executable, "-m", "scrapy.cmdline", "crawl", "suara", "-a", "mirror={mirror}", *crawl_settings_args()]


def netns_available() -> str | None:
    """None when `unshare -rn` can make a loopback-only network namespace here, else why not."""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return "unshare or ip is not installed"
    probe = subprocess.run(["unshare", "-rn", "sh", "-c", "ip link set lo up && ip -o addr show"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return f"unshare -rn is not permitted here: {probe.stderr.strip()[:200]}"
    if any(word in probe.stdout for word in ("eth", "wlan", "en")) and "lo" not in probe.stdout.split()[1:2]:
        return "the namespace is not loopback-only"
    return None


def run_hostile_crawl(tmp_path: Path, isolation: str) -> dict[str, Any]:
    env = crawl_env(tmp_path)
    report = tmp_path / "report.json"
    if isolation == "host":
        return run_hostile(report, hostile_command(), env=env)
    driver = [sys.executable, str(HERE / "hostile_server.py"), str(report), "--", *hostile_command()]
    script = "ip link set lo up && exec \"$@\""
    done = subprocess.run(["unshare", "-rn", "sh", "-c", script, "sh", *driver], env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(report.read_text())


@pytest.mark.parametrize("isolation", ["host", "netns"])
def test_hostile_site(tmp_path: Path, isolation: str) -> None:
    if isolation == "netns" and (reason := netns_available()):
        pytest.skip(f"no loopback-only network namespace: {reason}")
    seen = run_hostile_crawl(tmp_path, isolation)
    assert seen["returncode"] == 0, seen["stderr"][-3000:]

    # Nothing escaped: no canary was contacted, every request went to the site's own host, and only for
    # paths a correct crawl asks for (not the robots.txt-forbidden page, not a redirect target off-site).
    assert all(not hits for hits in seen["canaries"].values()), seen["canaries"]
    requests = seen["requests"]
    assert {r["host"] for r in requests} == {"www.suara.com"}
    asked = Counter(r["path"] for r in requests)
    assert set(asked) <= set(seen["expected_paths"]), set(asked) - set(seen["expected_paths"])
    assert asked["/robots.txt"] == 1
    assert not [p for p in asked if p.startswith("/terlarang/")]
    by_slug = {f.slug: f for f in FAULTS}
    # A 500/503/429 then 200 is fetched twice (the retry); a good page, a 404 and a Retry-After too long once.
    for slug in ("good-1", "good-2", "good-3", "good-4", "good-5", "missing", "retry-after-long", "not-html"):
        assert asked[by_slug[slug].path] == 1, slug
    for slug in ("flaky-500", "flaky-503", "rate-limited"):
        assert asked[by_slug[slug].path] == 2, slug
    # Retry-After: 1 was honoured.
    times = [r["at"] for r in requests if r["path"] == by_slug["rate-limited"].path]
    assert times[1] - times[0] >= 0.95
    # Redirects to the real site, to the mirror's own address and relative ones are fetched from the mirror.
    for target in REDIRECT_TARGETS.values():
        assert asked[target] == 1, target

    store = open_store(path=str(tmp_path / "hostile.db"))
    try:
        stored = {a["url"]: a for a in store.query(site="suara.com")}
        run = store.runs()[0]
    finally:
        store.close()
    expected = {REAL + f.path for f in FAULTS if f.outcome == "stored" and f.slug not in REDIRECT_TARGETS}
    expected |= {REAL + path for path in REDIRECT_TARGETS.values()}
    assert set(stored) == expected
    assert stored[REAL + by_slug["cp1252-no-charset"].path]["title"] == CP1252_TITLE
    assert "127.0.0.1" not in json.dumps(stored, default=str)

    # Each failure kind counted once per lost URL; retries are not errors.
    assert run["finish_reason"] == "finished"
    errors = run["errors"]
    assert errors.get("http_404") == 1 and errors.get("http_503") == 1
    assert errors.get("http_500") == 1  # page 2 of the multi-page article, after its retry
    assert errors.get("redirect_loop") == 1 and errors.get("too_many_redirects") == 1
    assert errors.get("DownloadTimeoutError") == 2  # the hang and the drip
    assert errors.get("too_large") == 2  # over the size cap, and the gzip bomb
    assert sum(v for k, v in errors.items() if "DataLoss" in k or "DownloadFailed" in k) == 1  # truncated
    assert not [k for k in errors if k.startswith("http_") and k not in ("http_404", "http_503", "http_500")]
    assert run["robots_blocked"] == 2  # listed in the sitemap, and the target of a redirect
    assert run["refused"] == {"offsite": 2, "scheme": 1}
    assert run["dropped_reasons"] == {"not_an_article": 1}
    assert run["incomplete"] == 1
    assert run["articles"]["scraped"] == len(expected)
    # Messages name real URLs, never the mirror's address.
    mirror = seen["mirror"]
    warnings = [line for line in seen["stderr"].splitlines() if "WARNING" in line or "ERROR" in line]
    assert [line for line in warnings if "[newscrawler." in line]
    assert not [line for line in warnings if mirror in line]


# -- crash and resume -------------------------------------------------------------------------------------


def _article_fetches(mirror: SlowMirror) -> Counter[str]:
    """First-page fetches of demo articles, by real URL."""
    urls = {a.url for a in demo_articles()}
    return Counter(f"https://{host}{path}" for host, path in mirror.requests if f"https://{host}{path}" in urls)


def _crawl(mirror: SlowMirror, jobdir: Path, env: dict[str, str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newscrawler.cli", "crawl", "suara.com", "--mirror", mirror.base_url,
         "--jobdir", str(jobdir)],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _kill_after(proc: subprocess.Popen, mirror: SlowMirror, requests: int, timeout: float = 60) -> bool:
    """SIGKILL once the mirror has answered `requests` more requests; False if the crawl ended first."""
    start = len(mirror.requests)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if len(mirror.requests) - start >= requests:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.01)
    proc.communicate(timeout=timeout)
    return False


def _journal_done(jobdir: Path) -> set[str]:
    path = jobdir / CrawlJournal.FILE
    lines = path.read_text().split("\n")[:-1] if path.exists() else []
    return {line.split("\t")[1] for line in lines if line.startswith("D\t") and line.count("\t") == 1}


def crash_and_resume(tmp_path: Path, kills: list[int]) -> None:
    """Kill a --jobdir crawl after each number of requests in `kills`, then resume it to the end.

    In flight at a kill = article pages the mirror served in that run whose article the journal had not
    finished (response in transit, being parsed, or in the pipelines). Exactly those may be fetched again.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env.update({"NEWSCRAWLER_DB": str(tmp_path / "resume.db"), "NEWSCRAWLER_SPOOL": str(tmp_path / "spool"),
                "NEWSCRAWLER_LOCK_DIR": str(tmp_path / "locks")})
    jobdir = tmp_path / "job"
    articles = demo_articles()
    killed = in_flight = 0
    with SlowMirror(DEMO, delay=0.03) as mirror:
        for after in kills:
            before = len(mirror.requests)
            if _kill_after(_crawl(mirror, jobdir, env, tmp_path), mirror, after):
                killed += 1
                time.sleep(0.3)  # a request sent just before the kill is still being logged by the mirror
                served = {f"https://{h}{p}" for h, p in mirror.requests[before:]}
                in_flight += len((served & {a.url for a in articles}) - _journal_done(jobdir))
        final = _crawl(mirror, jobdir, env, tmp_path)
        _, err = final.communicate(timeout=120)
        assert final.returncode == 0, err[-3000:]
        fetched = _article_fetches(mirror)
    assert killed, "no kill landed before the crawl finished"
    store = open_store(path=env["NEWSCRAWLER_DB"])
    try:
        stored = [a["url"] for a in store.query(site="suara.com")]
    finally:
        store.close()
    assert sorted(stored) == sorted(a.url for a in articles)  # every article, each once
    assert set(fetched) == {a.url for a in articles}
    twice = sum(n - 1 for n in fetched.values())
    print(f"{killed} kills landed; {len(articles)} articles stored once; {in_flight} in flight at the kills; "
          f"{twice} article pages fetched twice")
    assert twice == in_flight, fetched.most_common(5)


def test_crash_and_resume(tmp_path: Path) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    kills = [rng.randint(8, 40), rng.randint(5, 20)]
    print(f"kill points (requests after start): {kills}, seed {seed}")
    crash_and_resume(tmp_path, kills)


@pytest.mark.faults
@pytest.mark.parametrize("run", range(5))
def test_crash_and_resume_many_points(tmp_path: Path, run: int) -> None:
    rng = random.Random(1000 + run)
    kills = sorted((rng.randint(3, 60) for _ in range(rng.randint(2, 5))), reverse=True)
    print(f"kill points (requests after start): {kills}")
    crash_and_resume(tmp_path, kills)
