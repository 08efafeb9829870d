"""The news reader: a read-only web site over a Store (SQLite or MongoDB), served on 127.0.0.1.

Pages: search (/), an article (/article?url=), popularity per site and list (/popular, with an article's rank
over time at /popular/rank), articles per day per site (/days) and crawl health (/health). Everything is
rendered on the server (Jinja2, inline SVG charts) and served from this package: no CDN, no script needed.

Only the Store interface (newscrawler.store.base) is used, so both backends show the same pages. Times are
shown in NEWSCRAWLER_TZ (an IANA name; Asia/Jakarta, WIB, by default); stores keep UTC instants.

    python -m newscrawler.web.reader [--db FILE | --mongodb-uri URI --database NAME] [--host H] [--port N]
"""

from __future__ import annotations

import argparse
import itertools
import mimetypes
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from jinja2 import Environment, FileSystemLoader, select_autoescape

from newscrawler.items import ARTICLE_LISTS, LIST_NAMES, SITE_LISTS
from newscrawler.sites import PROFILES
from newscrawler.store import Store, StoreConfigError, StoreError, StoreUnavailable, open_store
from newscrawler.store.search import candidates
from newscrawler.timezone import MONTHS, Clock, display_zone
from newscrawler.urls import canonical_url, is_valid_url
from newscrawler.web.query import SearchQuery, highlight, parse_query, snippet

HERE = Path(__file__).parent
STATIC = HERE / "static"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
PER_PAGE = 20
#: Candidates read from the store to count post-filtered matches; past this the total is shown as "N+".
SCAN_LIMIT = 5000
MAX_DAYS = 366
SORTS = ("newest", "oldest", "relevance")
LIST_LABELS = {
    "read_also": "Baca juga", "related": "Berita terkait", "popular": "Terpopuler",
    "editors_picks": "Pilihan editor", "latest": "Terkini",
}
#: Fields whose coverage the health page shows (url/site/crawled_at are always there).
COVERAGE_FIELDS = ("title", "published_at", "authors", "section", "body", "tags", "image_url", "description",
                   "modified_at", "link_lists")
#: Pages may embed remote images (the article's lead image) but nothing else from elsewhere.
_SECURITY_HEADERS = [
    ("Content-Security-Policy",
     "default-src 'self'; img-src 'self' http: https: data:; style-src 'self'; script-src 'self'; "
     "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
]


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# -- time zone: newscrawler.timezone (shared with the CLI and the exports) ----------------------------------


def duration(start: datetime | None, end: datetime | None) -> str:
    if start is None or end is None:
        return ""
    seconds = max(0, int((end - start).total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m {seconds:02d}s"


# -- parameters ---------------------------------------------------------------------------------------------


class Params:
    """The query string; each value a stripped string, '' when absent."""

    def __init__(self, query_string: str) -> None:
        self.values = {k: v[-1].strip() for k, v in parse_qs(query_string, keep_blank_values=True).items()}

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    def optional(self, name: str) -> str | None:
        return self.get(name) or None

    def number(self, name: str, default: int, low: int, high: int) -> int:
        text = self.get(name)
        if not text:
            return default
        try:
            return min(high, max(low, int(text)))
        except ValueError:
            raise HttpError(400, f"{name} must be a whole number, not {text!r}") from None

    def day(self, name: str) -> date | None:
        text = self.get(name)
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise HttpError(400, f"{name} must be a date like 2025-03-06, not {text!r}") from None

    def choice(self, name: str, choices: Iterable[str], default: str) -> str:
        value = self.get(name) or default
        if value not in choices:
            raise HttpError(400, f"{name} must be one of {', '.join(choices)}, not {value!r}")
        return value


def page_url(path: str, **params: Any) -> str:
    """A link to one of our pages; empty parameters are left out."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def safe_href(url: str | None) -> str | None:
    """A stored URL fit for an href/src: only http(s). A `javascript:` link from a hostile page stays text."""
    return url if isinstance(url, str) and is_valid_url(url) else None


# -- backend-neutral store helpers --------------------------------------------------------------------------


def url_variants(url: str) -> list[str]:
    """The URL as given, its canonical form, and the other scheme: what a pasted link may differ by."""
    variants = [url.strip()]
    if "://" not in variants[0]:
        variants.append("https://" + variants[0])
    for candidate in list(variants):
        variants.append(canonical_url(candidate))
    for candidate in list(variants):
        try:
            parts = urlsplit(candidate)
        except ValueError:
            continue
        if parts.scheme in ("http", "https"):
            other = "https" if parts.scheme == "http" else "http"
            variants.append(urlunsplit((other, *parts[1:])))
    return list(dict.fromkeys(v for v in variants if v))


def find_article(store: Store, url: str) -> dict | None:
    for candidate in url_variants(url):
        article = store.get(candidate)
        if article is not None:
            return article
    return None


def known_sites(store: Store) -> list[str]:
    """Sites with articles or runs in the store: every profile's key that has articles, plus the sites
    of recent runs (generic crawls are stored under their own domains)."""
    sites = {run.get("site") for run in store.runs(limit=500) if run.get("site")}
    sites |= {key for key in PROFILES if key not in sites and store.count(site=key)}
    return sorted(s for s in sites if isinstance(s, str))


@dataclass
class Filters:
    site: str | None = None
    section: str | None = None
    author: str | None = None
    tag: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def store_kwargs(self) -> dict[str, Any]:
        return {"site": self.site, "section": self.section, "author": self.author, "tag": self.tag,
                "since": self.since, "until": self.until}


@dataclass
class SearchResult:
    hits: list[dict]
    total: int
    more: bool = False  # the total is a lower bound: counting stopped at SCAN_LIMIT candidates


def search(store: Store, query: SearchQuery, filters: Filters, sort: str, offset: int,
           limit: int = PER_PAGE, scan_limit: int = SCAN_LIMIT) -> SearchResult:
    """One page of matches and how many there are. Plain-word queries are counted and paged by the store;
    phrases, OR and NOT are checked here on the store's candidates."""
    if query.exact_in_store:
        text = query.store_texts()[0]
        total = store.count(text=text, **filters.store_kwargs())
        rows = store.query(text=text, sort=sort, limit=offset + limit, **filters.store_kwargs())
        return SearchResult(list(itertools.islice(rows, offset, None)), total)
    hits: list[dict] = []
    matched = 0
    stream = candidates(store, query, sort, **filters.store_kwargs())
    for scanned, doc in enumerate(stream, start=1):
        if query.matches(doc.get("title"), doc.get("body")):
            if offset <= matched < offset + limit:
                hits.append(doc)
            matched += 1
        if scanned >= scan_limit and matched >= offset + limit:
            close = getattr(stream, "close", None)
            if close:
                close()
            return SearchResult(hits, matched, more=True)
    return SearchResult(hits, matched)


# -- charts (inline SVG; geometry here, drawing in templates/charts.html) -----------------------------------


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    xticks: list[Tick]
    yticks: list[Tick]
    plot_left: int
    plot_bottom: int
    title: str


def bar_chart(counts: list[tuple[date, int]], title: str, width: int = 720, height: int = 160) -> BarChart:
    left, right, top, bottom = 36, 8, 10, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((n for _, n in counts), default=0) or 1
    step = plot_w / max(1, len(counts))
    bars = []
    for index, (day, n) in enumerate(counts):
        h = plot_h * n / peak
        bars.append(Bar(round(left + index * step + step * 0.1, 1), round(top + plot_h - h, 1),
                        round(step * 0.8, 1), round(h, 1), f"{day.isoformat()}: {n}"))
    every = max(1, len(counts) // 8)
    xticks = [Tick(round(left + i * step + step / 2, 1), f"{d.day} {MONTHS[d.month - 1]}")
              for i, (d, _) in enumerate(counts) if i % every == 0]
    yticks = [Tick(round(top + plot_h - plot_h * v / peak, 1), str(v)) for v in sorted({0, peak // 2, peak})]
    return BarChart(width, height, bars, xticks, yticks, left, top + plot_h, title)


@dataclass
class RankPoint:
    start: datetime  # the snapshot was first observed
    end: datetime  # ... and last observed with the same entries
    rank: int | None  # None: not in the list
    size: int  # entries in the list then


def rank_history(snapshots: list[dict], url: str) -> list[RankPoint]:
    """An article's rank in each snapshot of a list, oldest first."""
    points = []
    for snap in sorted(snapshots, key=lambda s: s["observed_at"]):
        urls = [entry.get("url") for entry in snap.get("entries") or []]
        rank = urls.index(url) + 1 if url in urls else None
        points.append(RankPoint(snap["observed_at"], snap.get("last_observed_at") or snap["observed_at"], rank,
                                len(urls)))
    return points


@dataclass
class RankChart:
    width: int
    height: int
    paths: list[str]
    dots: list[tuple[float, float, str]]
    xticks: list[Tick]
    yticks: list[Tick]
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    title: str


def rank_chart(points: list[RankPoint], clock: Clock, title: str, width: int = 720, height: int = 260,
               compact: bool = False) -> RankChart:
    """Rank 1 at the top; a line while the article stays in the list, a gap while it is out of it."""
    left, right, top, bottom = (2, 2, 2, 2) if compact else (40, 12, 12, 28)
    plot_w, plot_h = width - left - right, height - top - bottom
    t0 = min((p.start for p in points), default=datetime.now(UTC))
    t1 = max((p.end for p in points), default=t0)
    span = max((t1 - t0).total_seconds(), 3600.0)
    depth = max([p.size for p in points] + [p.rank or 1 for p in points] + [2])

    def x(at: datetime) -> float:
        return round(left + plot_w * (at - t0).total_seconds() / span, 1)

    def y(rank: int) -> float:
        return round(top + plot_h * (rank - 1) / (depth - 1), 1)

    paths, dots, current = [], [], []
    for index, point in enumerate(points):
        if point.rank is None:
            if current:
                paths.append(" ".join(current))
            current = []
            continue
        # A step line: the rank holds until the next snapshot shows another one (or, when the article is gone
        # from the next one, until this snapshot was last observed; when it left in between is unknown).
        following = points[index + 1] if index + 1 < len(points) else None
        stop = following.start if following is not None and following.rank is not None else point.end
        current.append(f"{'L' if current else 'M'}{x(point.start)},{y(point.rank)}")
        current.append(f"L{x(stop)},{y(point.rank)}")
        dots.append((x(point.start), y(point.rank),
                     f"#{point.rank} of {point.size}, {clock.short(point.start)} – {clock.short(point.end)}"))
    if current:
        paths.append(" ".join(current))
    xticks = [] if compact else _time_ticks(t0, span, clock, left, plot_w)
    yticks = [] if compact else [Tick(y(r), f"#{r}") for r in sorted({1, (depth + 1) // 2, depth})]
    return RankChart(width, height, paths, dots, xticks, yticks, left, left + plot_w, top, top + plot_h, title)


def _time_ticks(t0: datetime, span: float, clock: Clock, left: int, plot_w: int, count: int = 4) -> list[Tick]:
    ticks = []
    for i in range(count + 1):
        at = t0 + timedelta(seconds=span * i / count)
        ticks.append(Tick(round(left + plot_w * i / count, 1), clock.short(at).rsplit(" ", 1)[0]))
    return ticks


# -- the WSGI application -----------------------------------------------------------------------------------

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
_STATUS = {200: "200 OK", 400: "400 Bad Request", 404: "404 Not Found", 405: "405 Method Not Allowed",
           500: "500 Internal Server Error", 503: "503 Service Unavailable"}


@dataclass
class Response:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


class Reader:
    """The WSGI callable: GET/HEAD only, one method per page."""

    def __init__(self, store: Store, zone: tzinfo | None = None) -> None:
        self.store = store
        self.clock = Clock(zone or display_zone())
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.globals.update(clock=self.clock, link=page_url, safe_href=safe_href, labels=LIST_LABELS,
                                store_location=store.location, store_kind=store.kind,
                                zone_name=getattr(self.clock.zone, "key", str(self.clock.zone)))
        self.routes: dict[str, Callable[[Params], Response]] = {
            "/": self.search_page, "/article": self.article_page, "/popular": self.popular_page,
            "/popular/rank": self.rank_page, "/days": self.days_page, "/health": self.health_page,
        }

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            if method not in ("GET", "HEAD"):
                raise HttpError(405, "this site is read-only")
            response = self.dispatch(environ.get("PATH_INFO") or "/", Params(environ.get("QUERY_STRING", "")))
        except HttpError as exc:
            response = self.error(exc.status, exc.message)
        except StoreUnavailable as exc:
            response = self.error(503, f"the store is unavailable: {exc}")
        except StoreError as exc:
            response = self.error(400, str(exc))
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(response.body))),
                   *_SECURITY_HEADERS, *response.headers]
        if method not in ("GET", "HEAD"):
            headers.append(("Allow", "GET, HEAD"))
        start_response(_STATUS.get(response.status, f"{response.status} Error"), headers)
        return [b""] if method == "HEAD" else [response.body]

    def dispatch(self, path: str, params: Params) -> Response:
        if path.startswith("/static/"):
            return self.static(path.removeprefix("/static/"))
        handler = self.routes.get(path.rstrip("/") or "/")
        if handler is None:
            raise HttpError(404, f"no page at {path}")
        return handler(params)

    def render(self, template: str, code: int = 200, **context: Any) -> Response:
        html = self.env.get_template(template).render(**context)
        return Response(html.encode("utf-8"), code)

    def error(self, status: int, message: str) -> Response:
        return self.render("error.html", status, status=status, message=message, title=_STATUS.get(status, ""))

    def static(self, name: str) -> Response:
        path = (STATIC / name).resolve()
        if not name or not path.is_relative_to(STATIC.resolve()) or not path.is_file():
            raise HttpError(404, f"no file {name}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        return Response(path.read_bytes(), content_type=content_type,
                        headers=[("Cache-Control", "public, max-age=3600")])

    # -- pages ----------------------------------------------------------------------------------------------

    def search_page(self, params: Params) -> Response:
        text = params.get("q")
        query = parse_query(text)
        since_day, until_day = params.day("from"), params.day("to")
        filters = Filters(
            site=params.optional("site"), section=params.optional("section"),
            author=params.optional("author"), tag=params.optional("tag"),
            since=self.clock.day_start(since_day) if since_day else None,
            # "to" is inclusive: up to the start of the next day in the display zone.
            until=self.clock.day_start(until_day + timedelta(days=1)) if until_day else None,
        )
        sort = params.choice("sort", SORTS, "relevance" if query.clauses else "newest")
        page = params.number("page", 1, 1, 10_000)
        result = search(self.store, query, filters, sort, (page - 1) * PER_PAGE)
        hits = [{
            "article": doc,
            "title": highlight(doc.get("title") or doc["url"], query.positive_words),
            "snippet": snippet(doc.get("body") or doc.get("description"), query),
        } for doc in result.hits]
        state = {"q": text, "site": filters.site, "section": filters.section, "author": filters.author,
                 "tag": filters.tag, "from": params.get("from"), "to": params.get("to"),
                 "sort": params.get("sort")}
        return self.render(
            "search.html", title=text or "Search", q=text, query=query, state=state, hits=hits,
            result=result, page=page, pages=-(-result.total // PER_PAGE), sites=known_sites(self.store),
            sorts=SORTS, sort=sort, per_page=PER_PAGE,
        )

    def article_page(self, params: Params) -> Response:
        url = params.get("url")
        if not url:
            raise HttpError(400, "which article? (/article?url=...)")
        article = find_article(self.store, url)
        if article is None:
            raise HttpError(404, f"no stored article at {url}")
        stored: dict[str, bool] = {}

        def is_stored(link: str) -> bool:
            if link not in stored:
                stored[link] = self.store.get(link) is not None
            return stored[link]

        lists = [(name, [dict(entry, stored=is_stored(entry["url"])) for entry in entries])
                 for name in LIST_NAMES if (entries := (article.get("link_lists") or {}).get(name))]
        paragraphs = [p.strip() for p in (article.get("body") or "").split("\n\n") if p.strip()]
        return self.render(
            "article.html", title=article.get("title") or article["url"], article=article, paragraphs=paragraphs,
            lists=lists, article_lists=ARTICLE_LISTS, linked_from=self.store.links_to(article["url"]),
            versions=self.store.versions(article["url"]),
        )

    def _window(self, params: Params) -> tuple[date | None, date | None, datetime | None, datetime | None]:
        since_day, until_day = params.day("from"), params.day("to")
        since = self.clock.day_start(since_day) if since_day else None
        until = self.clock.day_start(until_day + timedelta(days=1)) if until_day else None
        return since_day, until_day, since, until

    def popular_page(self, params: Params) -> Response:
        sites = known_sites(self.store)
        list_name = params.choice("list", SITE_LISTS, "popular")
        since_day, until_day, since, until = self._window(params)
        site, snapshots = params.get("site"), []
        # Without a chosen site: the first one that has this list in the window.
        for candidate in [site] if site else sites:
            snapshots = self.store.snapshots(candidate, list_name, since, until)
            if snapshots or site:
                site = candidate
                break
        site = site or (sites[0] if sites else "")
        rows = self.store.popular(site, list_name, since, until, limit=50) if snapshots else []
        for row in rows:
            row["stored"] = self.store.get(row["url"]) is not None
            row["spark"] = rank_chart(rank_history(snapshots, row["url"]), self.clock, "", 160, 28, compact=True)
        return self.render(
            "popular.html", title=f"{LIST_LABELS[list_name]} · {site}", sites=sites, site=site,
            list_name=list_name, site_lists=SITE_LISTS, rows=rows, snapshot_count=len(snapshots),
            since_day=since_day, until_day=until_day,
        )

    def rank_page(self, params: Params) -> Response:
        site, url = params.get("site"), params.get("url")
        if not site or not url:
            raise HttpError(400, "rank history needs site and url")
        list_name = params.choice("list", SITE_LISTS, "popular")
        since_day, until_day, since, until = self._window(params)
        snapshots = self.store.snapshots(site, list_name, since, until)  # newest first
        points = rank_history(snapshots, url)
        present = [p for p in points if p.rank is not None]
        if not present:
            raise HttpError(404, f"{url} was never in {site}'s {list_name} list in this window")
        stored = self.store.get(url)
        titles = [e.get("title") for s in snapshots for e in s.get("entries") or []
                  if e.get("url") == url and e.get("title")]
        title = (stored or {}).get("title") or (titles[0] if titles else url)
        chart = rank_chart(points, self.clock, f"Rank of “{title}” in {LIST_LABELS[list_name]} on {site}")
        return self.render(
            "rank.html", title=f"Rank · {title}", chart=chart, points=points, present=present, site=site, url=url,
            list_name=list_name, article_title=title, stored=stored is not None,
            since_day=since_day, until_day=until_day,
        )

    def days_page(self, params: Params) -> Response:
        days = params.number("days", 30, 1, MAX_DAYS)
        today = self.clock.today()
        first = today - timedelta(days=days - 1)
        window = [first + timedelta(days=i) for i in range(days)]
        bounds = [self.clock.day_start(d) for d in [*window, today + timedelta(days=1)]]
        charts = []
        for site in known_sites(self.store):
            if not self.store.count(site=site, since=bounds[0], until=bounds[-1]):
                continue
            counts = [(d, self.store.count(site=site, since=bounds[i], until=bounds[i + 1]))
                      for i, d in enumerate(window)]
            charts.append((site, sum(n for _, n in counts), bar_chart(counts, f"Articles per day on {site}")))
        return self.render("days.html", title="Articles per day", charts=charts, days=days, first=first,
                           today=today)

    def health_page(self, params: Params) -> Response:
        site = params.optional("site")
        limit = params.number("limit", 50, 1, 1000)
        runs = [_run_view(run) for run in self.store.runs(limit=limit, site=site)]
        return self.render("health.html", title="Crawl health", runs=runs, site=site, sites=known_sites(self.store),
                           coverage_fields=COVERAGE_FIELDS, limit=limit)


def _run_view(run: dict) -> dict:
    """A run record with the totals the health page shows."""
    errors = run.get("errors") if isinstance(run.get("errors"), dict) else {}
    articles = run.get("articles") if isinstance(run.get("articles"), dict) else {}
    coverage = run.get("field_coverage") if isinstance(run.get("field_coverage"), dict) else {}
    return {
        **run,
        "articles": articles,
        "error_total": sum(v for v in errors.values() if isinstance(v, int | float)),
        "errors": errors,
        "coverage": {name: _percent(coverage.get(name)) for name in COVERAGE_FIELDS},
        "duration": duration(run.get("started_at"), run.get("finished_at")),
        "ok": run.get("finish_reason") == "finished" and not run.get("lost") and not run.get("spool_error"),
    }


def _percent(value: Any) -> float | None:
    """A coverage figure as a number, or None: a run record written by another version may hold anything."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def coverage_class(value: float | None) -> str:
    if value is None:
        return "cov-none"
    return "cov-good" if value >= 90 else "cov-fair" if value >= 50 else "cov-poor"


def make_app(store: Store, zone: tzinfo | None = None) -> Reader:
    """The reader as a WSGI application over `store`. Raises ValueError for a bad NEWSCRAWLER_TZ."""
    app = Reader(store, zone)
    app.env.globals["coverage_class"] = coverage_class
    return app


# -- serving ------------------------------------------------------------------------------------------------


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    #: An idle connection (a browser's speculative preconnect) is closed instead of holding its thread.
    timeout = 30
    access_log = False

    def log_message(self, format: str, *args: Any) -> None:
        if self.access_log:
            super().log_message(format, *args)


#: How long a request waits for the thread that owns the store before giving up with 503.
_JOB_TIMEOUT = 300.0


class _OwnerThread:
    """Runs the WSGI app in one thread, the one that opened the store (SQLite connections may only be used by
    the thread that made them), while the server's threads read and write the sockets, so a slow or idle
    client never holds up the others. Responses are small HTML pages, fully built before sending."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.jobs: queue.Queue = queue.Queue()

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        job: dict[str, Any] = {"environ": environ, "done": threading.Event()}
        self.jobs.put(job)
        if not job["done"].wait(_JOB_TIMEOUT):  # the owner thread stopped (or is stuck): do not hang forever
            job["status"], job["headers"], job["body"] = _STATUS[503], [("Content-Type", "text/plain")], b"busy\n"
        start_response(job["status"], job["headers"])
        return [job["body"]]

    def run_one(self, timeout: float) -> None:
        try:
            job = self.jobs.get(timeout=timeout)
        except queue.Empty:
            return
        try:
            def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
                job["status"], job["headers"] = status, headers

            job["body"] = b"".join(self.app(job["environ"], start))
        except Exception as exc:  # an unexpected bug: answer 500 and keep serving
            print(f"newscrawler reader: error: {type(exc).__name__}: {exc}", file=sys.stderr)
            job["status"], job["headers"] = _STATUS[500], [("Content-Type", "text/plain; charset=utf-8")]
            job["body"] = b"internal error; see the server's log\n"
        finally:
            job["done"].set()

    def refuse_pending(self) -> None:
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return
            job["status"], job["headers"], job["body"] = _STATUS[503], [("Content-Type", "text/plain")], b"stopping\n"
            job["done"].set()


def serve(store: Store, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, access_log: bool = False,
          zone: tzinfo | None = None, stop: threading.Event | None = None) -> int:
    """Serve the reader until SIGTERM/SIGINT (or `stop` is set); returns 0. Call it from the thread that
    opened `store`. Port 0 picks a free port; the address is printed on stderr once the socket listens.

    Raises ValueError for a bad NEWSCRAWLER_TZ and OSError when the address cannot be bound."""
    owner = _OwnerThread(make_app(store, zone))
    handler = type("Handler", (_QuietHandler,), {"access_log": access_log})
    server = make_server(host, port, owner, server_class=_ThreadingServer, handler_class=handler)
    stop = stop or threading.Event()
    previous = _install_stop_handlers(stop)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    shown_host = f"[{host}]" if ":" in host else host
    print(f"newscrawler reader on http://{shown_host}:{server.server_port}/ ({store.kind}: {store.location}); "
          "Ctrl-C to stop", file=sys.stderr, flush=True)
    try:
        while not stop.is_set():
            owner.run_one(timeout=0.2)
    finally:
        server.shutdown()
        owner.refuse_pending()
        server.server_close()
        thread.join(timeout=5)
        for sig, handler_ in previous.items():
            signal.signal(sig, handler_)
    return 0


def _install_stop_handlers(stop: threading.Event) -> dict:
    """SIGTERM and SIGINT end `serve` cleanly; only the main thread may set signal handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {sig: signal.signal(sig, lambda signum, frame: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawler.web.reader",
                                     description="The news reader: a read-only web site over the store.")
    parser.add_argument("--db", help="SQLite store file (default: $NEWSCRAWLER_DB or data/newscrawler.db)")
    parser.add_argument("--mongodb-uri", help="MongoDB URI (default: $MONGODB_URI)")
    parser.add_argument("--database", help="MongoDB database (default: $MONGODB_DATABASE or newscrawler)")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any free)")
    parser.add_argument("--access-log", action="store_true", help="log each request on stderr")
    args = parser.parse_args(argv)
    if args.db and args.mongodb_uri:
        parser.error("give --db or --mongodb-uri, not both")
    try:
        zone = display_zone()
        store = open_store(uri=args.mongodb_uri, database=args.database, path=args.db, must_exist=True)
    except (ValueError, StoreConfigError) as exc:
        print(f"newscrawler reader: error: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"newscrawler reader: error: {exc}", file=sys.stderr)
        return 5
    try:
        return serve(store, args.host, args.port, access_log=args.access_log, zone=zone)
    except OSError as exc:
        print(f"newscrawler reader: error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
