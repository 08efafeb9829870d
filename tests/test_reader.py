"""The news reader (newscrawler.web.reader): WSGI-level tests on both stores, the server as a process, and a real
headless Chromium that searches, opens an article and follows a link-list entry."""

from __future__ import annotations

import copy
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlencode
from wsgiref.util import setup_testing_defaults
from zoneinfo import ZoneInfo

import pytest
from tcpproxy import TcpProxy

from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.extract.processing import build_article
from newscrawler.sites import profile_for_url
from newscrawler.store import MongoStore, SqliteStore, Store
from newscrawler.web.query import highlight, parse_query, snippet
from newscrawler.web.reader import Clock, make_app, rank_history

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SEED_URL = ("https://www.suara.com/news/2025/03/06/080500/"
            "as-gelar-pembicaraan-langsung-dengan-hamas-di-doha-bahas-pembebasan-sandera")
HOSTILE_URL = "https://www.suara.com/news/2025/03/07/090000/hostile"
X_URL = "https://www.suara.com/news/2025/03/05/100000/harga-emas-naik"
Y_URL = "https://www.suara.com/news/2025/03/05/110000/jadwal-timnas"
WIB = ZoneInfo("Asia/Jakarta")


# -- data -----------------------------------------------------------------------------------------------------


def golden_articles() -> list[dict]:
    """Every golden page through the real extractor and processing steps, as the crawl would store it."""
    articles = []
    for path in sorted(GOLDEN.glob("*/*.expected.json")):
        url = json.loads(path.read_text(encoding="utf-8"))["url"]
        page = path.with_name(path.name.replace(".expected.json", ".html")).read_bytes()
        profile = profile_for_url(url)
        article, _ = build_article([ArticleExtractor(profile).extract(url, page)], profile)
        articles.append(article)
    return articles


def seed(articles: list[dict]) -> dict:
    return next(a for a in articles if a["url"] == SEED_URL)


def linked_article(seed_article: dict) -> dict:
    """A stored copy of the seed's first related link, published today just after midnight WIB."""
    entry = seed_article["link_lists"]["related"][0]
    today = datetime.now(WIB).replace(hour=0, minute=30, second=0, microsecond=0)
    return {
        **copy.deepcopy(seed_article), "url": entry["url"], "title": entry["title"], "authors": ["Dini Afrianti"],
        "published_at": today.isoformat(), "modified_at": None, "tags": ["Gaza", "Israel"],
        "body": "Tiga negara Eropa mendesak Israel membuka akses bantuan kemanusiaan ke Gaza.\n\n"
                "Pernyataan bersama itu disampaikan di Paris.",
        "link_lists": {"related": [{"title": "AS Gelar Pembicaraan", "url": SEED_URL}]},
    }


def hostile_article() -> dict:
    return {
        "url": HOSTILE_URL, "site": "suara.com", "section": "news",
        "title": '<script>alert("title")</script> Banjir <b>Jakarta</b>',
        "description": None, "authors": ['<img src=x onerror="alert(1)">'],
        "published_at": "2025-03-07T09:00:00+07:00", "modified_at": None, "published_at_raw": None,
        "language": "id", "tags": ["<i>tag</i>"], "image_url": "javascript:alert('img')", "dateline": None,
        "body": "Banjir merendam Jakarta <script>alert('body')</script> sejak pagi.\n\nWarga mengungsi.",
        "pages": 1, "crawled_at": "2025-03-07T10:00:00+07:00",
        "link_lists": {"read_also": [{"title": "<script>alert('entry')</script>", "url": "javascript:alert(2)"}]},
    }


def snapshots(now: datetime) -> list[dict]:
    """suara.com's Terpopuler over three days: the seed article climbs to #1, then drops out."""
    def snap(at: datetime, urls: list[str]) -> dict:
        return {"site": "suara.com", "list": "popular", "observed_at": at.isoformat(),
                "entries": [{"title": f"Judul {u.rsplit('/', 1)[-1]}", "url": u} for u in urls]}
    return [
        snap(now - timedelta(days=3), [X_URL, SEED_URL, Y_URL]),
        snap(now - timedelta(days=2), [SEED_URL, X_URL, Y_URL]),
        snap(now - timedelta(days=1), [X_URL, Y_URL]),
        snap(now - timedelta(days=1) + timedelta(hours=2), [X_URL, Y_URL]),  # same entries: one more observation
    ]


def runs(now: datetime) -> list[dict]:
    base = {
        "site": "suara.com", "spider": "suara", "pages_fetched": 42, "robots_blocked": 0, "refused": {},
        "articles": {"scraped": 30, "new": 25, "updated": 3, "unchanged": 2, "dropped": 4, "spooled": 0,
                     "rejected": 0, "lost": 0, "skipped_known": 0},
        "dropped_reasons": {"not_article": 4}, "errors": {"TimeoutError": 2, "HttpError": 1},
        "field_coverage": {"title": 100.0, "published_at": 96.7, "authors": 60.0, "body": 100.0, "tags": 10.0},
        "store": "sqlite", "spooled": 0, "lost": 0, "options": {"since": "2d"},
    }
    return [
        {**base, "run_id": "run-ok", "started_at": (now - timedelta(hours=5)).isoformat(),
         "finished_at": (now - timedelta(hours=5) + timedelta(seconds=125)).isoformat(), "finish_reason": "finished"},
        {**base, "run_id": "run-bad", "started_at": (now - timedelta(hours=1)).isoformat(),
         "finished_at": (now - timedelta(minutes=58)).isoformat(), "finish_reason": "shutdown",
         "errors": {}, "spool_error": "cannot write the spool at /data/spool: disk full", "lost": 3},
    ]


def fill(store: Store) -> dict[str, dict]:
    articles = golden_articles()
    seed_article = seed(articles)
    extra = [linked_article(seed_article), hostile_article()]
    store.upsert_articles(articles + extra, run_id="run-ok")
    now = datetime.now(UTC).replace(microsecond=0)
    store.add_snapshots(snapshots(now))
    for run in runs(now):
        store.save_run(run)
    return {a["url"]: a for a in articles + extra}


@pytest.fixture
def filled(store: Store) -> tuple[Store, dict[str, dict]]:
    return store, fill(store)


# -- WSGI helpers -----------------------------------------------------------------------------------------------


def call(app, path: str, method: str = "GET", **params: str) -> tuple[int, dict[str, str], str]:
    environ = {"PATH_INFO": path, "QUERY_STRING": urlencode(params), "REQUEST_METHOD": method}
    setup_testing_defaults(environ)
    seen: dict = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    body = b"".join(app(environ, start_response)).decode("utf-8")
    if method != "HEAD":  # HEAD announces the length of the body it leaves out
        assert int(seen["headers"]["Content-Length"]) == len(body.encode("utf-8"))
    return seen["status"], seen["headers"], body


def ok(app, path: str, **params: str) -> str:
    status, headers, body = call(app, path, **params)
    assert status == 200, body
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    return body


def result_urls(body: str) -> list[str]:
    """The stored URLs a search page lists, in order."""
    links = re.findall(r'<a class="hit-title" href="/article\?url=([^"]+)"', body)
    return [unquote(html.unescape(link)) for link in links]


def search_urls(app, q: str, **params: str) -> set[str]:
    return set(result_urls(ok(app, "/", q=q, **params)))


def text_of(body: str) -> str:
    """Visible text, roughly: tags removed, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


# -- the query language (no store) --------------------------------------------------------------------------------


def test_parse_query_words_phrases_or_not() -> None:
    query = parse_query('banjir "Pasar Induk" cabai OR bawang -gosip NOT "berita palsu" OR')
    assert [[" ".join(t.words) for t in clause] for clause in query.clauses] == [
        ["banjir"], ["pasar induk"], ["cabai", "bawang"]]
    assert [" ".join(t.words) for t in query.excluded] == ["gosip", "berita palsu"]
    assert query.store_texts() == ["banjir pasar induk"]
    assert not query.exact_in_store
    assert parse_query("banjir jakarta").exact_in_store
    assert parse_query("cabai OR bawang").store_texts() == ["cabai", "bawang"]
    assert parse_query("-gosip").store_texts() == [None]
    assert parse_query('OR NOT "" -- ***').empty


def test_query_matching_is_case_and_accent_blind_and_respects_order() -> None:
    query = parse_query('"harga cabai" -bawang')
    assert query.matches("HARGA Cabai naik", None)
    assert not query.matches("cabai harga naik")
    assert not query.matches("harga cabai", "dan bawang merah")
    assert parse_query("kafe").matches("Kafé baru di Bandung")
    assert parse_query("covid-19").matches("kasus COVID-19 turun")
    assert not parse_query("covid-19").matches("covid turun, 19 pasien")


def test_highlight_and_snippet_escape_html() -> None:
    marked = highlight('<script>alert("x")</script> Banjir', parse_query("banjir script").positive_words)
    assert str(marked) == ('&lt;<mark>script</mark>&gt;alert(&#34;x&#34;)&lt;/<mark>script</mark>&gt; '
                           '<mark>Banjir</mark>')
    body = " ".join(f"kata{i}" for i in range(100)) + " banjir <b>besar</b> " + " ".join(f"akhir{i}" for i in range(50))
    text = str(snippet(body, parse_query("banjir")))
    assert text.startswith("… ") and text.endswith(" …")
    assert "<mark>banjir</mark> &lt;b&gt;besar&lt;/b&gt;" in text
    assert "kata0 " not in text


def test_rank_history_marks_absence() -> None:
    now = datetime(2025, 3, 6, tzinfo=UTC)
    stored = [dict(s, observed_at=datetime.fromisoformat(s["observed_at"]),
                   last_observed_at=datetime.fromisoformat(s["observed_at"])) for s in snapshots(now)]
    assert [p.rank for p in rank_history(stored, SEED_URL)] == [2, 1, None, None]


def test_clock_formats_in_the_display_zone() -> None:
    instant = datetime(2025, 3, 6, 1, 5, tzinfo=UTC)
    assert Clock(WIB).long(instant) == "Thu 6 Mar 2025, 08:05 WIB"
    assert Clock(ZoneInfo("Asia/Makassar")).short(instant) == "2025-03-06 09:05 WITA"
    assert Clock(ZoneInfo("America/Sao_Paulo")).short(instant) == "2025-03-05 22:05 UTC-03:00"


# -- pages on both stores ---------------------------------------------------------------------------------------


def test_search_lists_everything_newest_first_with_paging(filled) -> None:
    store, stored = filled
    app = make_app(store)
    first = ok(app, "/")
    assert f"{len(stored)} articles" in text_of(first)
    urls = result_urls(first)
    assert len(urls) == 20 and urls[0] == seed(list(stored.values()))["link_lists"]["related"][0]["url"]
    second = result_urls(ok(app, "/", page="2"))
    assert len(second) == len(stored) - 20 and not set(urls) & set(second)
    assert set(urls) | set(second) == set(stored)
    dates = [stored[u]["published_at"] for u in urls + second]
    assert [datetime.fromisoformat(d) for d in dates] == sorted((datetime.fromisoformat(d) for d in dates),
                                                                reverse=True)


def test_search_phrase_or_not(filled) -> None:
    store, _ = filled
    app = make_app(store)
    words = search_urls(app, "cabai harga")
    assert len(words) >= 2
    assert search_urls(app, '"harga cabai"') == words  # every match has the words in this order...
    assert search_urls(app, '"cabai harga"') == set()  # ...and none in the other
    harga = search_urls(app, "harga")
    cabai = search_urls(app, "cabai")
    hamas = search_urls(app, "hamas")
    assert hamas and cabai and harga > cabai
    assert search_urls(app, "hamas OR cabai") == hamas | cabai
    assert search_urls(app, "HAMAS | Cabai") == hamas | cabai
    assert search_urls(app, "harga -cabai") == harga - cabai
    assert search_urls(app, "harga NOT cabai") == harga - cabai
    assert search_urls(app, "harga OR hamas -cabai") == (harga | hamas) - cabai
    body = ok(app, "/", q='"harga cabai"')
    assert "<mark>Harga</mark> <mark>Cabai</mark>" in body  # title highlighted, case kept
    assert re.search(r'<p class="snippet">[^<]*<mark>', body)
    assert ok(app, "/", q="zzzkatayangtidakada").count('class="hit"') == 0


def test_search_filters(filled) -> None:
    store, stored = filled
    app = make_app(store)
    detik = {u for u, a in stored.items() if a["site"] == "detik.com"}
    assert set(result_urls(ok(app, "/", site="detik.com"))) == detik
    assert search_urls(app, "", site="okezone.com", section="economy") == {
        u for u, a in stored.items() if a["site"] == "okezone.com" and a["section"] == "economy"}
    assert search_urls(app, "", tag="pasar induk kramat jati") == {
        u for u, a in stored.items() if "pasar induk kramat jati" in [t.lower() for t in a["tags"]]}
    assert search_urls(app, "", author="tira") == {
        u for u, a in stored.items() if any("tira" in n.lower() for n in a["authors"])}
    # Dates are whole days in WIB, both ends included.
    in_2019 = {u for u, a in stored.items()
               if datetime.fromisoformat(a["published_at"]).astimezone(WIB).year == 2019}
    assert in_2019 and search_urls(app, "", **{"from": "2019-01-01", "to": "2019-12-31"}) == in_2019
    status, _, body = call(app, "/", **{"from": "2019-13-01"})
    assert status == 400 and "from must be a date" in html.unescape(body)


def test_hostile_text_is_escaped(filled) -> None:
    store, _ = filled
    app = make_app(store)
    for body in (ok(app, "/", q="banjir jakarta"), ok(app, "/article", url=HOSTILE_URL)):
        assert "<script>" not in body and "<b>Jakarta" not in body and "<img src=x" not in body
        assert "&lt;script&gt;" in body
        assert "javascript:" not in re.sub(r">[^<]*<", "><", body)  # never in an attribute
    article = ok(app, "/article", url=HOSTILE_URL)
    assert "<i>tag</i>" not in article and "&lt;i&gt;tag&lt;/i&gt;" in article
    assert '<figure class="lead">' not in article  # a javascript: image is not an image


def test_article_page_reads_like_an_article(filled) -> None:
    store, stored = filled
    app = make_app(store)
    article = stored[SEED_URL]
    body = ok(app, "/article", url=SEED_URL)
    assert f'<h1 id="article-title">{html.escape(article["title"], quote=False)}</h1>' in body
    assert "Thu 6 Mar 2025, 08:05 WIB" in body and 'datetime="2025-03-06T08:05:00+07:00"' in body
    paragraphs = re.findall(r"<p>(.*?)</p>", body[body.index('id="article-body"'):body.index("</div>", body.index(
        'id="article-body"'))], re.S)
    assert len(paragraphs) == len(article["body"].split("\n\n")) > 3
    for name in article["authors"]:
        assert f'class="author" href="/?{urlencode({"author": name})}"' in body
    for tag in article["tags"]:
        assert f'class="tag" href="/?{urlencode({"tag": tag})}"' in html.unescape(body)
    assert f'<img src="{html.escape(article["image_url"])}"' in body
    # Link lists: the stored entry points at our copy, the others at the original site.
    related = article["link_lists"]["related"]
    assert f'class="stored" href="/article?{urlencode({"url": related[0]["url"]})}"' in body
    assert f'class="external" href="{html.escape(related[1]["url"])}"' in body
    for name in article["link_lists"]:
        assert f'id="list-{name}"' in body
    linked = ok(app, "/article", url=related[0]["url"])
    section = linked[linked.index('id="linked-from"'):]
    assert f'href="/article?{urlencode({"url": SEED_URL})}"' in section and "Berita terkait #1" in section


def test_article_url_variants_and_unknown(filled) -> None:
    store, _ = filled
    app = make_app(store)
    for variant in (SEED_URL.replace("https://", "http://"), SEED_URL.removeprefix("https://"),
                    SEED_URL + "?utm_source=x#top"):
        assert 'id="article-title"' in ok(app, "/article", url=variant)
    status, _, body = call(app, "/article", url="https://www.suara.com/news/nope")
    assert status == 404 and "no stored article" in body
    assert call(app, "/no/such/page")[0] == 404
    assert call(app, "/static/../reader.py")[0] == 404
    assert call(app, "/", method="POST")[0] == 405
    status, headers, body = call(app, "/", method="HEAD")
    assert status == 200 and body == ""
    status, headers, css = call(app, "/static/reader.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and "mark" in css


@pytest.mark.parametrize(("zone", "shown"), [
    ("Asia/Jayapura", "Thu 6 Mar 2025, 10:05 WIT"), ("Europe/London", "Thu 6 Mar 2025, 01:05 GMT")])
def test_times_follow_newscrawler_tz(filled, monkeypatch, zone, shown) -> None:
    store, _ = filled
    monkeypatch.setenv("NEWSCRAWLER_TZ", zone)
    app = make_app(store)
    body = ok(app, "/article", url=SEED_URL)
    assert shown in body and "WIB" not in text_of(body).replace("Times in", "")
    assert f"Times in {zone}" in body


def test_bad_time_zone_is_refused(store, monkeypatch) -> None:
    monkeypatch.setenv("NEWSCRAWLER_TZ", "Mars/Olympus")
    with pytest.raises(ValueError, match="NEWSCRAWLER_TZ='Mars/Olympus'"):
        make_app(store)


def test_popular_page_and_rank_chart(filled) -> None:
    store, _ = filled
    app = make_app(store)
    body = ok(app, "/popular", site="suara.com", list="popular")
    rows = re.findall(r"<tr>\s*<td class=\"num\">(\d+)</td>(.*?)</tr>", body, re.S)
    assert len(rows) == 3
    cells = [re.findall(r'<td class="num">(\d+)</td>', row) for _, row in rows]
    assert cells[0] == ["4", "1"]  # X: 4 observations, best rank 1
    assert [c for c in cells if c == ["2", "1"]]  # the seed article: 2 observations, once at #1
    assert body.count('class="chart ranks spark"') == 3
    # The seed article's row links to our stored copy and to its rank history.
    assert f'href="/article?{urlencode({"url": SEED_URL})}"' in body
    rank = ok(app, "/popular/rank", site="suara.com", list="popular", url=SEED_URL)
    svg = rank[rank.index("<svg"):rank.index("</svg>")]
    assert len(re.findall(r'<path class="rank-line" d="M[\d., L]+"', svg)) == 1  # one run, then out of the list
    assert svg.count('class="rank-dot"') == 2 and "#1 of 3" in svg and "#2 of 3" in svg
    assert '<td class="num">–</td>' in rank  # absent from the later snapshots
    assert call(app, "/popular/rank", site="suara.com", list="popular", url="https://x.example/none")[0] == 404
    assert call(app, "/popular", site="suara.com", list="bogus")[0] == 400


def test_articles_per_day_chart(filled, monkeypatch) -> None:
    store, stored = filled
    today = datetime.now(WIB).date()
    body = ok(make_app(store), "/days", days="7")
    sections = dict(re.findall(r'<h2><a href="/\?site=([^"]+)">.*?</h2>\s*(<svg.*?</svg>)', body, re.S))
    assert list(sections) == ["suara.com"]  # the only site with an article in the last week
    assert f"<title>{today.isoformat()}: 1</title>" in sections["suara.com"]
    assert sections["suara.com"].count('<rect class="bar"') == 7
    # Published at 00:30 WIB: still yesterday in London.
    monkeypatch.setenv("NEWSCRAWLER_TZ", "Europe/London")
    london_day = datetime.fromisoformat(linked_article(stored[SEED_URL])["published_at"]).astimezone(
        ZoneInfo("Europe/London")).date()
    assert london_day == today - timedelta(days=1)
    assert f"<title>{london_day.isoformat()}: 1</title>" in ok(make_app(store), "/days", days="7")


def test_crawl_health_page(filled) -> None:
    store, _ = filled
    body = ok(make_app(store), "/health")
    assert body.index("shutdown") < body.index("finished")  # newest first
    assert 'class="problem"' in body and 'class="ok"' in body
    assert "2m 05s" in body and "TimeoutError" in body and "disk full" in body
    coverage = body[body.index('class="coverage"'):]
    assert '<td class="num cov-good">97</td>' in coverage and '<td class="num cov-poor">10</td>' in coverage
    assert '<td class="num cov-fair">60</td>' in coverage
    assert "shutdown" not in ok(make_app(store), "/health", site="detik.com")


@pytest.mark.mongo
def test_store_lost_while_serving_answers_503(mongo_store, monkeypatch) -> None:
    fill(mongo_store)
    proxy, uri = TcpProxy.for_uri(mongo_store.uri)
    monkeypatch.setenv("MONGODB_TIMEOUT_MS", "500")
    through = MongoStore(uri, mongo_store.db.name, create_indexes=False)
    try:
        app = make_app(through)
        assert "hamas" in ok(app, "/", q="hamas").lower()
        proxy.cut()
        started = time.monotonic()
        for path, params in (("/", {"q": "hamas"}), ("/article", {"url": SEED_URL}), ("/health", {})):
            status, _, body = call(app, path, **params)
            assert status == 503 and "store is unavailable" in body, body
        assert time.monotonic() - started < 30
        assert call(app, "/static/reader.css")[0] == 200
    finally:
        through.close()


# -- the server as a process ------------------------------------------------------------------------------------


def reader_command(store: Store) -> list[str]:
    if isinstance(store, SqliteStore):
        return ["--db", str(store.path)]
    assert isinstance(store, MongoStore)
    return ["--mongodb-uri", store.uri, "--database", store.db.name]


@contextmanager
def reader_process(args: list[str], tmp_path: Path, env: dict[str, str] | None = None,
                   command: tuple[str, ...] = ("newscrawler.web.reader",)) -> Iterator[str]:
    """`python -m newscrawler.web.reader ARGS --port 0`; yields its base URL; always stopped afterwards."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    log = tmp_path / "reader.log"
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", *command, *args, "--port", "0"],
                                cwd=tmp_path, env=clean | (env or {}), stderr=err, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not (found := re.search(r"on (http://127\.0\.0\.1:\d+/)", log.read_text())):
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "reader did not start"
            time.sleep(0.05)
        yield found.group(1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0, log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_server_serves_and_stops_on_sigterm(filled, tmp_path) -> None:
    store, _ = filled
    with reader_process(reader_command(store), tmp_path, {"NEWSCRAWLER_TZ": "Asia/Makassar"}) as base:
        idle = socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1].strip("/"))))  # sends nothing
        try:
            status, body = fetch(base + "article?" + urlencode({"url": SEED_URL}))
            assert status == 200 and "Thu 6 Mar 2025, 09:05 WITA" in body  # not held up by the idle client
            assert fetch(base + "nope")[0] == 404
            assert fetch(base + "health")[0] == 200
        finally:
            idle.close()


def test_newscrawler_serve_is_the_reader(tmp_path) -> None:
    """`newscrawler serve` (the CLI) runs this reader on the configured store; Datasette is `serve --datasette`."""
    db = tmp_path / "serve.db"
    store = SqliteStore(db)
    try:
        fill(store)
    finally:
        store.close()
    with reader_process(["--db", str(db)], tmp_path, command=("newscrawler.cli", "serve")) as base:
        status, body = fetch(base + "article?" + urlencode({"url": SEED_URL}))
        assert status == 200 and "Thu 6 Mar 2025, 08:05 WIB" in body
        assert fetch(base + "?" + urlencode({"q": '"pembicaraan langsung"'}))[0] == 200
    missing = subprocess.run([sys.executable, "-m", "newscrawler.cli", "serve", "--db", str(tmp_path / "no.db")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert not (tmp_path / "no.db").exists()


def test_server_refuses_bad_settings(tmp_path) -> None:
    missing = subprocess.run([sys.executable, "-m", "newscrawler.web.reader", "--db", str(tmp_path / "none.db")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no embedded store" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    SqliteStore(tmp_path / "empty.db").close()
    bad_tz = subprocess.run([sys.executable, "-m", "newscrawler.web.reader", "--db", str(tmp_path / "empty.db")],
                            capture_output=True, text=True, timeout=60, env=os.environ | {"NEWSCRAWLER_TZ": "Nowhere"})
    assert bad_tz.returncode == 2 and "NEWSCRAWLER_TZ" in bad_tz.stderr


# -- a real browser -------------------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator:
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("Chromium is not installed (apt-get install -y chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
                     "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_browser_search_open_and_follow_a_link_list(filled, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    store, stored = filled
    linked = stored[SEED_URL]["link_lists"]["related"][0]
    wait = WebDriverWait(browser, 15)
    with reader_process(reader_command(store), tmp_path) as base:
        browser.get(base)
        assert browser.title.startswith("Search")
        box = browser.find_element(By.ID, "q")
        box.send_keys('hamas "pembebasan sandera" -gosip')
        browser.find_element(By.ID, "search-button").click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "1 article"))
        hit = browser.find_element(By.CSS_SELECTOR, "a.hit-title")
        assert [m.text for m in hit.find_elements(By.TAG_NAME, "mark")] == ["Hamas", "Pembebasan", "Sandera"]
        browser.save_screenshot(str(tmp_path / "search.png"))
        hit.click()
        wait.until(ec.presence_of_element_located((By.ID, "article-title")))
        assert browser.find_element(By.ID, "article-title").text == stored[SEED_URL]["title"]
        assert "08:05 WIB" in browser.find_element(By.ID, "published").text
        paragraphs = browser.find_elements(By.CSS_SELECTOR, "#article-body p")
        assert len(paragraphs) == len(stored[SEED_URL]["body"].split("\n\n"))
        browser.save_screenshot(str(tmp_path / "article.png"))
        entry = browser.find_element(By.CSS_SELECTOR, "#list-related a.stored")
        assert entry.text == linked["title"]
        entry.click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "article-title"), linked["title"]))
        assert "bantuan kemanusiaan ke Gaza" in browser.find_element(By.ID, "article-body").text
        assert browser.find_element(By.CSS_SELECTOR, "#linked-from a").text == stored[SEED_URL]["title"]
        browser.save_screenshot(str(tmp_path / "linked.png"))
        for path in ("popular", "days", "health"):
            browser.get(base + path)
            assert browser.find_elements(By.TAG_NAME, "h1")
        problems = [e["message"] for e in browser.get_log("browser")
                    if "Content Security Policy" in e["message"] or "127.0.0.1" in e["message"]]
        assert problems == []  # no refused style/script, no failed local resource
    assert all(p.stat().st_size > 1000 for p in tmp_path.glob("*.png"))
    assert not list(ROOT.glob("*.png"))
