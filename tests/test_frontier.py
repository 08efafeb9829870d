"""The shared Redis frontier (newscrawler.crawl.frontier, newscrawler.cli.frontier), against a real redis-server.

The crawl test runs 3 worker processes against a generated 320-article site served by the mirror server
(which records every request), SIGKILLs one of them mid-crawl, and checks that the others finish with every
article stored once, fetched once apart from the requests the killed worker held, and the crawl seeded once.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pickle
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from scrapy import Request, Spider
from scrapy.utils.request import RequestFingerprinter, request_from_dict
from scrapy.utils.test import get_crawler
from scrapy_redis.dupefilter import RFPDupeFilter

from newscrawler.cli import frontier as cli_frontier
from newscrawler.cli.commands import StoreUnreachable, UsageError
from newscrawler.crawl.frontier import (
    SCRAPY_REDIS_STATS,
    Frontier,
    FrontierDupeFilter,
    FrontierScheduler,
    FrontierUnreachable,
    apply_frontier_settings,
    connect,
    frontier_settings,
    masked_url,
)
from newscrawler.crawl.mirror import MirrorServer
from newscrawler.crawl.spiders import spider_for
from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.store import SqliteStore

from crawlkit import DEMO, ROOT

HOST = "www.suara.com"
COPIES = 8  # x 40 demo articles = 320 articles
_ARTICLE_URL = re.compile(r"https://www\.suara\.com/[a-z]+/\d{4}/\d{2}/\d{2}/\d{6}/[a-z0-9-]+")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory):
    binary = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists()
                                              else None)
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install -y redis-server)")
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def redis_url(redis_server: str) -> str:
    redis.Redis.from_url(redis_server).flushdb()
    return redis_server


def _demo_articles() -> list[Path]:
    return sorted((DEMO / HOST).glob("*/????/??/??/??????/*"))


def build_site(out: Path, copies: int = COPIES) -> list[str]:
    """COPIES copies of the demo site's www articles (multi-page ones with all their pages), each copy linking
    (Berita Terkait, Baca Juga) to the articles of its own copy, and a sitemap index of news sitemaps listing
    them all: related links and sitemaps reach the same articles, as on a real portal."""
    folders = _demo_articles()
    originals = {"https://" + f.relative_to(DEMO).as_posix(): f for f in folders}
    urls = []
    for copy in range(copies):
        def moved(match: re.Match, copy: int = copy) -> str:
            url = match.group(0)
            return f"{url}-c{copy}" if url in originals else url

        for url, folder in originals.items():
            target = out / HOST / (url.split(HOST + "/", 1)[1] + f"-c{copy}")
            target.mkdir(parents=True)
            for page in folder.glob("index*.html"):
                (target / page.name).write_text(_ARTICLE_URL.sub(moved, page.read_text(encoding="utf-8")),
                                                encoding="utf-8")
            urls.append(f"{url}-c{copy}")
    site = out / HOST
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: https://{HOST}/sitemap.xml\n")
    children = []
    for n in range(0, len(urls), 100):
        name = f"sitemap-news-{n // 100 + 1}.xml"
        entries = "".join(f"<url><loc>{u}</loc></url>\n" for u in urls[n:n + 100])
        (site / name).write_text('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
                                 f'schemas/sitemap/0.9">\n{entries}</urlset>\n')
        children.append(name)
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<sitemap><loc>https://{HOST}/{c}</loc></sitemap>\n" for c in children) + "</sitemapindex>\n")
    return urls


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("frontier-site")
    return root, build_site(root)


#: One worker: `newscrawler crawl suara.com --mirror M --frontier F`, in-process settings as the CLI builds them.
WORKER = """
import json, sys
from newscrawler.crawl.frontier import frontier_settings
from newscrawler.crawl.runner import crawl_settings, run_crawl
mirror, frontier, extra = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
settings = crawl_settings(mirror=mirror, log_level="INFO", overrides={**frontier_settings(frontier), **extra})
result = run_crawl("suara.com", {"mirror": mirror}, settings)
stats = {k: v for k, v in result.stats.items() if isinstance(v, (int, float, str, bool))}
print(json.dumps({"exit": result.exit_code, "stats": stats}))
"""


def _start_worker(tmp: Path, mirror: str, frontier: str, n: int, **settings) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    env.update(NEWSCRAWLER_DB=str(tmp / "news.db"), NEWSCRAWLER_SPOOL=str(tmp / f"spool-{n}"))
    extra = {"NEWSCRAWLER_FRONTIER_WORKER_TTL": 3, "LOGSTATS_INTERVAL": 1.0, **settings}
    return subprocess.Popen([sys.executable, "-c", WORKER, mirror, frontier, json.dumps(extra)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=open(tmp / f"worker-{n}.log", "w"), text=True)


def _article_fetches(mirror: MirrorServer) -> Counter:
    """How often each article page (page 2 of an article included) was fetched."""
    return Counter(path for host, path in list(mirror.requests) if host == HOST and re.match(r"/[a-z]+/\d{4}/", path))


def _may_repeat(held: list[dict], root: Path) -> int:
    """Article pages that may be fetched again after a kill: each request the killed worker held, and for a
    page of a multi-page article the pages after it too (the retried page asks for them again)."""
    total = 0
    for request in held:
        path, _, query = request["url"].split("://", 1)[1].partition("/")[2].partition("?")
        folder = root / HOST / path
        if not (folder / "index.html").exists():
            total += 1  # a sitemap: its articles are in the seen-set already
            continue
        pages = 1 + len(list(folder.glob("index__page=*.html")))
        page = int(query.split("page=")[1]) if "page=" in query else 1
        total += pages - page + 1
    return total


# -- the crawl ------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_three_workers_one_killed_every_article_stored_once(redis_url, site, tmp_path):
    root, urls = site
    SqliteStore(tmp_path / "news.db").close()  # the schema exists before three processes open the file
    client = redis.Redis.from_url(redis_url)
    with MirrorServer(root) as mirror:
        # Slowed down a little so that the kill lands mid-crawl on this 320-article site.
        workers = [_start_worker(tmp_path, mirror.base_url, redis_url, n, CONCURRENT_REQUESTS=3,
                                 DOWNLOAD_DELAY=0.03) for n in range(3)]
        victim = workers[1]
        deadline = time.monotonic() + 60
        while sum(_article_fetches(mirror).values()) < len(urls) // 3:
            assert time.monotonic() < deadline, "the crawl did not get going"
            assert all(w.poll() is None for w in workers), "a worker ended before the kill"
            time.sleep(0.02)
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        held = [pickle.loads(value.split(b"\n", 1)[1])
                for lease, value in client.hgetall("newscrawler:frontier:suara.com:leases").items()
                if f":{victim.pid}:".encode() in lease]
        fetched_at_kill = sum(_article_fetches(mirror).values())
        results = []
        for w in (workers[0], workers[2]):
            out, _ = w.communicate(timeout=120)
            assert w.returncode == 0, (tmp_path / "worker-0.log").read_text()[-3000:]
            results.append(json.loads(out.strip().splitlines()[-1]))
        fetches = _article_fetches(mirror)
        requests = list(mirror.requests)

    assert fetched_at_kill < len(urls), "the kill came after the crawl was over"
    assert held, "the killed worker held no request: nothing tested the recovery"
    # what it held went back to the queue, once
    assert sum(r["stats"].get("newscrawler/frontier/requeued", 0) for r in results) == len(held)
    assert all(r["exit"] == 0 and r["stats"]["finish_reason"] == "finished" for r in results)
    # every article stored, once
    store = SqliteStore(tmp_path / "news.db")
    stored = [a["url"] for a in store.query(site="suara.com", limit=None)]
    store.close()
    assert len(stored) == len(set(stored))
    missing = sorted(set(urls) - set(stored))
    assert not missing, [(u, fetches.get(u.split(HOST, 1)[1], 0)) for u in missing]
    assert set(stored) == set(urls)
    # every article page fetched, and twice only if the killed worker held it
    assert {u.split(HOST, 1)[1] for u in urls} <= set(fetches)
    twice = sum(n - 1 for n in fetches.values())
    assert twice <= _may_repeat(held, root), (twice, [r["url"] for r in held])
    # the crawl was seeded once: its entry points were fetched once, by one worker
    assert sum(1 for h, p in requests if h == HOST and p == "/sitemap.xml") == 1
    assert [r["stats"].get("newscrawler/frontier/seeder") for r in results].count(True) <= 1
    # both survivors took part, with Scrapy's own per-worker stats and LogStats lines
    assert all(r["stats"]["response_received_count"] > 0 for r in results)
    logs = [(tmp_path / f"worker-{n}.log").read_text() for n in (0, 2)]
    assert all(re.search(r"Crawled \d+ pages \(at \d+ pages/min\)", log) for log in logs)
    # the finished crawl left nothing behind for the next one but its worker list
    assert client.exists("newscrawler:frontier:suara.com:queue", "newscrawler:frontier:suara.com:seen",
                         "newscrawler:frontier:suara.com:leases", "newscrawler:frontier:suara.com:seeded") == 0


@pytest.mark.slow
def test_next_crawl_seeds_again_and_every_worker_skips_stored_articles(redis_url, site, tmp_path):
    """A crawl after a finished one is a new crawl, seeded again (not stuck on the old seen-set), and it is
    incremental in every worker: each loads the store's known URLs in start(), seeder or not."""
    root, _ = site
    SqliteStore(tmp_path / "news.db").close()
    with MirrorServer(root) as mirror:
        first = _start_worker(tmp_path, mirror.base_url, redis_url, 0)
        assert json.loads(first.communicate(timeout=120)[0].strip().splitlines()[-1])["exit"] == 0
        mirror.clear()
        # Started together, as cron does; slow enough (a few discovery pages, 1 s apart, one at a time) that
        # both take part.
        slow = {"DOWNLOAD_DELAY": 1.0, "DOWNLOAD_DELAY_JITTER": 0, "CONCURRENT_REQUESTS": 1}
        pair = [_start_worker(tmp_path, mirror.base_url, redis_url, n, **slow) for n in (1, 2)]
        outs = [json.loads(w.communicate(timeout=120)[0].strip().splitlines()[-1]) for w in pair]
        fetched = _article_fetches(mirror)
    assert [o["exit"] for o in outs] == [0, 0]
    assert sorted(o["stats"].get("newscrawler/frontier/seeder") for o in outs) == [False, True]
    helper = next(o for o in outs if not o["stats"]["newscrawler/frontier/seeder"])
    assert helper["stats"]["newscrawler/frontier/start_requests_dropped"] > 0
    assert sum(1 for h, p in mirror.requests if p == "/sitemap.xml") == 1
    assert not fetched, f"stored articles fetched again: {list(fetched)[:5]}"


# -- the pieces -----------------------------------------------------------------------------------------------


class PathOnlyFingerprinter:
    """A project fingerprinter that ignores the query string (what REQUEST_FINGERPRINTER_CLASS can do)."""

    def __init__(self, crawler=None):
        self._inner = RequestFingerprinter(crawler)

    def fingerprint(self, request: Request) -> bytes:
        return self._inner.fingerprint(request.replace(url=request.url.split("?")[0]))


class NamedSpider(Spider):
    name = "named"


def test_dupefilter_uses_the_crawlers_fingerprinter(redis_url):
    crawler = get_crawler(Spider, {"REQUEST_FINGERPRINTER_CLASS": PathOnlyFingerprinter})
    dupefilter = FrontierDupeFilter.for_site(crawler, connect(redis_url), "example.id")
    first, second = Request("https://example.id/a?utm=1"), Request("https://example.id/a?utm=2")
    assert dupefilter.request_fingerprint(first) == crawler.request_fingerprinter.fingerprint(first).hex()
    assert not dupefilter.request_seen(first)
    assert dupefilter.request_seen(second)  # the same request to our fingerprinter
    # scrapy-redis's own filter would have fetched it twice
    assert RFPDupeFilter(None, "k").request_fingerprint(first) != RFPDupeFilter(None, "k").request_fingerprint(second)
    assert redis.Redis.from_url(redis_url).scard("newscrawler:frontier:example.id:seen") == 1


def test_frontier_keeps_scrapys_stats_collector(redis_url):
    settings = frontier_settings(redis_url)
    assert "STATS_CLASS" not in settings
    crawler = get_crawler(NamedSpider, {**settings, "STATS_CLASS": SCRAPY_REDIS_STATS})
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured, match="LogStats"):
        FrontierScheduler.from_crawler(crawler)


def test_frontier_settings_keep_the_projects_spider_middlewares(redis_url):
    from newscrawler import settings as project

    middlewares = frontier_settings(redis_url)["SPIDER_MIDDLEWARES"]
    assert set(project.SPIDER_MIDDLEWARES) < set(middlewares)
    assert "newscrawler.crawl.frontier.FrontierStartMiddleware" in middlewares


def test_one_setting_makes_a_scrapy_crawl_a_frontier_worker(redis_url):
    """`scrapy crawl SITE -s NEWSCRAWLER_FRONTIER=…` (Scrapyd): the rest follows from that setting."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("newscrawler.settings", priority="project")
    assert not apply_frontier_settings(settings)
    settings.set("NEWSCRAWLER_FRONTIER", redis_url, priority="cmdline")
    assert apply_frontier_settings(settings)
    assert settings["SCHEDULER"] == "newscrawler.crawl.frontier.FrontierScheduler"
    assert settings.getint("NEWSCRAWLER_STORE_BATCH") == 1
    assert {**frontier_settings(redis_url)["SPIDER_MIDDLEWARES"]} == settings.getdict("SPIDER_MIDDLEWARES")


def test_scheduler_refuses_to_run_without_the_seeding_middleware(redis_url):
    from scrapy.exceptions import NotConfigured

    settings = {**frontier_settings(redis_url), "SPIDER_MIDDLEWARES": {}}
    with pytest.raises(NotConfigured, match="FrontierStartMiddleware"):
        FrontierScheduler.from_crawler(get_crawler(NamedSpider, settings))


def _spider():
    spidercls = spider_for("suara.com")
    crawler = get_crawler(spidercls)
    return spidercls.from_crawler(crawler)


def _round_trip(request: Request, spider) -> Request:
    """What the frontier does to a request between two workers: to_dict, pickle, Redis, from_dict."""
    return request_from_dict(pickle.loads(pickle.dumps(request.to_dict(spider=spider), protocol=-1)), spider=spider)


def test_every_kind_of_request_crosses_workers():
    """Callbacks and errbacks are spider methods, named in the queue; cb_kwargs (an article's earlier pages
    included) survive the trip."""
    spider = _spider()
    page = next(p for p in _demo_articles() if (p / "index__page=2.html").exists())
    url = "https://" + page.relative_to(DEMO).as_posix()
    raw = ArticleExtractor(spider.profile).extract(url, (page / "index.html").read_bytes())
    article = spider._article_request(url)
    spider.track_request(article)
    first_page = _round_trip(article, spider)
    assert first_page.callback == spider.parse_article and first_page.errback == spider.article_failed
    later = [r for r in spider.parse_article(_html_response(url, page / "index.html", first_page), depth=0)
             if isinstance(r, Request) and "pages" in r.cb_kwargs]
    assert later, "a multi-page article asks for its next page"
    back = _round_trip(later[0], spider)
    assert back.callback == spider.parse_article
    assert back.cb_kwargs["pages"][0]["title"] == raw["title"] and back.cb_kwargs == later[0].cb_kwargs
    for request in [*spider.discovery_requests(), spider._index_request(0, 2, None)] if spider.index_templates \
            else list(spider.discovery_requests()):
        spider.track_request(request)
        back = _round_trip(request, spider)
        assert (back.callback, back.errback, back.cb_kwargs) == (request.callback, request.errback, request.cb_kwargs)


def _html_response(url: str, path: Path, request: Request):
    from scrapy.http import HtmlResponse

    return HtmlResponse(url, body=path.read_bytes(), encoding="utf-8", request=request)


def test_one_seeder_per_crawl_and_a_dead_seeder_is_replaced(redis_url):
    frontier = Frontier(connect(redis_url), "example.id")
    for worker in ("a", "b", "c"):
        frontier.heartbeat(worker, "starting", 30, {})
    assert frontier.join("a", {}) == (True, 0)
    assert frontier.join("b", {}) == (False, 0)
    frontier.client.delete(frontier.keys["alive"] + "a")  # a died while seeding
    assert frontier.join("c", {}) == (True, 0)
    frontier.seeded("c")
    assert frontier.join("b", {}) == (False, 0)


def test_leases_of_a_dead_worker_go_back_to_the_queue(redis_url):
    frontier = Frontier(connect(redis_url), "example.id")
    for worker in ("a", "b"):
        frontier.heartbeat(worker, "busy", 30, {})
    frontier.client.zadd(frontier.keys["queue"], {b"first": -40, b"second": -10})
    assert frontier.pop("a|1") == b"first"
    assert frontier.may_finish("b") == (False, 0)  # a is working on it
    frontier.client.delete(frontier.keys["alive"] + "a")  # a was killed
    assert frontier.may_finish("b") == (False, 1)
    assert frontier.client.zscore(frontier.keys["queue"], b"first") == -40  # back, with its priority
    assert frontier.pop("b|1") == b"first" and frontier.pop("b|2") == b"second"
    frontier.release(["b|1", "b|2"])
    assert frontier.may_finish("b") == (True, 0)


def test_a_worker_waits_while_another_is_starting(redis_url):
    frontier = Frontier(connect(redis_url), "example.id")
    frontier.heartbeat("seeder", "starting", 30, {})
    frontier.heartbeat("helper", "idle", 30, {})
    frontier.join("seeder", {})
    frontier.join("helper", {})
    assert frontier.may_finish("helper") == (False, 0)
    frontier.heartbeat("seeder", "idle", 30, {})
    assert frontier.may_finish("helper") == (True, 0)


def test_interrupted_worker_hands_its_leases_back_and_keeps_the_crawl(redis_url):
    frontier = Frontier(connect(redis_url), "example.id")
    frontier.heartbeat("a", "busy", 30, {})
    frontier.join("a", {})
    frontier.seeded("a")
    frontier.client.zadd(frontier.keys["queue"], {b"r": -5})
    frontier.client.sadd(frontier.keys["seen"], "fp")
    frontier.pop("a|1")
    assert frontier.leave("a", finished=False) == (1, False)
    assert frontier.client.zcard(frontier.keys["queue"]) == 1
    assert frontier.client.exists(frontier.keys["seen"], frontier.keys["seeded"]) == 2


# -- the CLI --------------------------------------------------------------------------------------------------


def _cli(argv: list[str]) -> int:
    """`newscrawler frontier …` as the CLI runs it (the lead's main once wired, else the same functions)."""
    cli_main = importlib.import_module("newscrawler.cli.main")  # the package's `main` is the function
    parser = cli_main.build_parser()
    choices = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    if "frontier" in choices:
        return cli_main.main(argv)
    own = argparse.ArgumentParser(prog="newscrawler")
    cli_frontier.add_arguments(own.add_subparsers(dest="command", required=True))
    try:
        return cli_frontier.cmd_frontier(own.parse_args(argv))
    except UsageError as exc:
        print(f"newscrawler: error: {exc}", file=sys.stderr)
        return 2
    except StoreUnreachable as exc:
        print(f"newscrawler: error: {exc}", file=sys.stderr)
        return 5


def test_status_and_clear(redis_url, capsys):
    frontier = Frontier(connect(redis_url), "suara.com")
    frontier.heartbeat("vm:1:abc", "busy", 30, {"host": "vm", "pid": 1})
    frontier.join("vm:1:abc", {"host": "vm", "pid": 1})
    frontier.client.zadd(frontier.keys["queue"], {b"x": 1, b"y": 2})
    frontier.client.sadd(frontier.keys["seen"], "a", "b", "c")
    assert _cli(["frontier", "status", "suara", "--frontier", redis_url, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["site"], status["queued"], status["seen"], status["seeded"]) == ("suara.com", 2, 3, "seeding")
    assert [w["worker"] for w in status["workers"]] == ["vm:1:abc"] and status["workers"][0]["state"] == "busy"
    assert _cli(["frontier", "status", "https://www.suara.com/", "--frontier", redis_url]) == 0
    assert "2 requests queued" in capsys.readouterr().out
    # a running worker protects its frontier
    assert _cli(["frontier", "clear", "suara.com", "--frontier", redis_url]) == 2
    assert "running" in capsys.readouterr().err
    assert _cli(["frontier", "clear", "suara.com", "--frontier", redis_url, "--force"]) == 0
    assert not frontier.client.keys("newscrawler:frontier:suara.com:*")
    assert _cli(["frontier", "status", "suara.com", "--frontier", redis_url]) == 0
    assert "seeded: no" in capsys.readouterr().out


def test_unreachable_redis_is_one_line_and_the_store_unreachable_status(capsys):
    url = f"redis://:secret@127.0.0.1:{_free_port()}/0"
    assert _cli(["frontier", "status", "suara.com", "--frontier", url]) == 5
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot reach the frontier" in err and "secret" not in err
    with pytest.raises(FrontierUnreachable):
        frontier_settings(url)
    with pytest.raises(StoreUnreachable):
        cli_frontier.frontier_settings(url)
    with pytest.raises(UsageError):
        cli_frontier.frontier_settings("http://127.0.0.1:6379/0")


def test_unreachable_redis_crawl_fetches_nothing(tmp_path, site):
    """The crawl command checks the frontier before anything starts (once the lead's wiring exists)."""
    from crawlkit import run_cli

    help_text = run_cli(["crawl", "--help"], cwd=tmp_path).stdout
    if "--frontier" not in help_text:
        pytest.skip("newscrawler crawl --frontier is not wired into the CLI yet")
    root, _ = site
    with MirrorServer(root) as mirror:
        done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--frontier",
                        f"redis://127.0.0.1:{_free_port()}/0"], cwd=tmp_path,
                       env={"NEWSCRAWLER_DB": str(tmp_path / "n.db")})
        assert done.returncode == 5
        assert len(done.stderr.strip().splitlines()) == 1
        assert not mirror.requests


def test_masked_url():
    assert masked_url("redis://:pw@host:6379/0") == "redis://:***@host:6379/0"
    assert masked_url("redis://host:6379/0") == "redis://host:6379/0"


def test_jobdir_and_frontier_do_not_mix():
    with pytest.raises(UsageError, match="jobdir"):
        cli_frontier.check_crawl_options(argparse.Namespace(frontier="redis://x/0", jobdir="j"))
    cli_frontier.check_crawl_options(argparse.Namespace(frontier=None, jobdir="j"))
