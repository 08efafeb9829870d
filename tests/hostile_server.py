"""A hostile news site on 127.0.0.1 for the fault tests, and canary listeners that must never be reached.

`HostileSite` serves www.suara.com (virtual host, as the crawl's --mirror) with one article URL per fault:
500/503 then 200, 404, 429 + Retry-After, a Retry-After too long to wait for, redirect loops and chains,
redirects off-site, to private and link-local addresses, to other schemes, to the real site and to the
mirror's own address, hangs, slow drips, truncated bodies, cp1252 pages without a charset, a page over the
size cap, non-HTML content, a gzip bomb, a robots.txt-forbidden page and a multi-page article whose page 2
always fails; the front page links to other hosts and non-http schemes. Every request is logged with
its time, Host header and path, so tests can prove what was (not) asked for.

`Canary` listens on another loopback address (127.0.0.2, ...) and records every connection.

`SlowMirror` is the demo-site mirror answering each request after a delay, so a crawl of it can be
killed part-way. Run as a script (``python tests/hostile_server.py REPORT.json -- CRAWL ARGS``) it starts a
HostileSite and canaries, runs the crawl command with ``{mirror}``/``{canary}`` substituted, and writes
what everyone saw as JSON: the namespace tests run it inside ``unshare -rn``.
"""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from newscrawler.crawl.mirror import MirrorServer

HOST = "www.suara.com"
REAL = f"https://{HOST}"
DAY = "2026/10/05"

GOOD = [f"good-{n}" for n in range(1, 6)]


def article_path(slug: str, hhmmss: str = "080500", section: str = "news") -> str:
    return f"/{section}/{DAY}/{hhmmss}/{slug}"


def article_html(path: str, title: str | None = None, pager: bool = False, page: int = 1) -> str:
    """An article page the suara profile extracts: JSON-LD, the date line, a credit-prefixed body."""
    slug = path.rsplit("/", 1)[-1].split("?")[0]
    title = title or f"Berita uji {slug.replace('-', ' ')}"
    canonical = REAL + path.split("?")[0]
    pagination = (
        f'<div class="pagination-custom"><a href="{canonical}?page=1">1</a><a href="{canonical}?page=2">2</a></div>'
        if pager else ""
    )
    credit = "<strong>Suara.com - </strong>" if page == 1 else ""
    return f"""<!DOCTYPE html><html lang="id"><head><title>{title} - Suara.com</title>
<link rel="canonical" href="{canonical}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}",
"datePublished":"2026-10-05T08:05:00+07:00","author":[{{"@type":"Person","name":"Rina Wulandari"}}]}}</script>
</head><body><div class="article-image"><h1>{title}</h1><span>Senin, 05 Oktober 2026 | 08:05 WIB</span></div>
<article class="article-content"><p>{credit}Paragraf halaman {page} dari {slug}: warga Jakarta Utara
menghadapi banjir setelah hujan deras mengguyur sejak malam.</p>
<p>Petugas gabungan mengevakuasi warga dan membuka dapur umum di beberapa titik pada halaman {page}.</p>
</article>{pagination}</body></html>"""


@dataclass
class Fault:
    """One article URL of the hostile site and what a correct crawl does with it."""

    slug: str
    outcome: str  # stored | lost | blocked | refused | dropped
    kind: str | None = None  # the run record's count it lands in
    hhmmss: str = "090000"
    section: str = "news"

    @property
    def path(self) -> str:
        return article_path(self.slug, self.hhmmss, self.section)


FAULTS: list[Fault] = [
    *[Fault(slug, "stored", hhmmss=f"08{n:02d}00") for n, slug in enumerate(GOOD)],
    Fault("flaky-500", "stored", hhmmss="090001"),
    Fault("flaky-503", "stored", hhmmss="090002"),
    Fault("rate-limited", "stored", hhmmss="090003"),
    Fault("retry-after-long", "lost", "http_503", hhmmss="090004"),
    Fault("missing", "lost", "http_404", hhmmss="090005"),
    Fault("loop-a", "lost", "redirect_loop", hhmmss="090006"),
    Fault("chain", "lost", "too_many_redirects", hhmmss="090007"),
    Fault("to-canary", "refused", "offsite", hhmmss="090008"),
    Fault("to-metadata", "refused", "offsite", hhmmss="090009"),
    Fault("to-file", "refused", "scheme", hhmmss="090010"),  # not followed; counted as a refused scheme
    Fault("to-real-site", "stored", hhmmss="090011"),  # stored under its target's URL
    Fault("to-mirror-address", "stored", hhmmss="090012"),
    Fault("to-relative", "stored", hhmmss="090013"),
    Fault("hang", "lost", "DownloadTimeoutError", hhmmss="090014"),
    Fault("drip", "lost", "DownloadTimeoutError", hhmmss="090015"),
    Fault("truncated", "lost", None, hhmmss="090016"),
    Fault("cp1252-no-charset", "stored", hhmmss="090017"),
    Fault("cp1252-wrong-charset", "stored", hhmmss="090018"),
    Fault("too-big", "lost", "too_large", hhmmss="090019"),
    Fault("gzip-bomb", "lost", "too_large", hhmmss="090020"),
    Fault("not-html", "dropped", "not_an_article", hhmmss="090021"),
    Fault("forbidden", "blocked", "robots_blocked", hhmmss="090022", section="terlarang"),
    Fault("multi-page", "stored", hhmmss="090023"),
    Fault("to-forbidden", "blocked", "robots_blocked", hhmmss="090024"),  # a redirect into robots.txt's ban
]

#: Where the redirect faults land on the site (real URLs, fetched from the mirror).
REDIRECT_TARGETS = {
    "to-real-site": article_path("moved-real", "100001"),
    "to-mirror-address": article_path("moved-mirror", "100002"),
    "to-relative": article_path("moved-relative", "100003"),
}
CP1252_TITLE = "Kafe \u201cKopi Kenangan\u201d Buka Cabang \u2013 Caf\u00e9 Baru"
SIZE_CAP = 300_000  # the crawl's DOWNLOAD_MAXSIZE in these tests
HANG_SECONDS = 8.0
_BOMB: list[bytes] = []


def gzip_bomb() -> bytes:
    """A small gzip body that inflates to forty times the size cap (built once)."""
    if not _BOMB:
        _BOMB.append(gzip.compress(b"<html>" + b" " * (SIZE_CAP * 40), compresslevel=9))
    return _BOMB[0]


@dataclass
class Logged:
    at: float
    host: str
    path: str


@dataclass
class HostileSite:
    canary: str = "127.0.0.2:9"  # host:port of a canary, where off-site redirects point
    host: str = "127.0.0.1"
    requests: list[Logged] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: Counter[str] = Counter()
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://{self.host}:{self._server.server_address[1]}"

    def start(self) -> str:
        site = self

        class Handler(_HostileHandler):
            hostile = site

        self._server = ThreadingHTTPServer((self.host, 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self.base_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def hit(self, host: str, path: str) -> int:
        """Log a request; returns how many times this path has been asked for, this one included."""
        with self._lock:
            self.requests.append(Logged(time.monotonic(), host, path))
            self._hits[path] += 1
            return self._hits[path]

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def expected_paths(self) -> set[str]:
        """Every path a well-behaved crawl may ask for."""
        allowed = {"/robots.txt", "/sitemap.xml", "/", "/indeks?page=1"}
        allowed |= {f.path for f in FAULTS if f.outcome != "blocked" or f.slug == "to-forbidden"}
        allowed |= set(REDIRECT_TARGETS.values())
        allowed |= {article_path("loop-b", "090006"), f"{article_path('multi-page', '090023')}?page=2"}
        allowed |= {f"/chain/{n}" for n in range(1, 20)}
        return allowed

    def sitemap(self) -> bytes:
        entries = "".join(f"<url><loc>{REAL}{f.path}</loc></url>" for f in FAULTS)
        return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{entries}</urlset>").encode()

    def home(self) -> bytes:
        links = [
            f'<a href="http://{self.canary}{article_path("canary-link", "110000")}">Canary</a>',
            '<a href="http://169.254.169.254/latest/meta-data/">Metadata</a>',
            '<a href="https://www.example.org/news/2026/10/05/110001/elsewhere">Elsewhere</a>',
            f'<a href="ftp://{HOST}{article_path("ftp-link", "110002")}">FTP</a>',
            '<a href="file:///etc/passwd">File</a><a href="javascript:alert(1)">JS</a>'
            '<a href="mailto:redaksi@suara.com">Mail</a><a href="data:text/html,hi">Data</a>',
            f'<a href="gopher://{self.canary}/">Gopher</a>',
        ]
        return f"<html><body><h2>Terkini</h2><ul>{''.join(f'<li>{a}</li>' for a in links)}</ul></body></html>".encode()


class _HostileHandler(BaseHTTPRequestHandler):
    hostile: HostileSite
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        site = self.hostile
        path = self.path
        nth = site.hit(self.headers.get("Host", ""), path)
        try:
            self._answer(site, path, nth)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler gave up on a hang or a drip, as it should

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", headers={"Location": location})

    def _answer(self, site: HostileSite, path: str, nth: int) -> None:
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /terlarang/\n", "text/plain")
        if path == "/sitemap.xml":
            return self._send(200, site.sitemap(), "application/xml")
        if path == "/":
            return self._send(200, site.home())
        if path.startswith("/indeks"):
            return self._send(200, b"<html><body><p>Belum ada berita.</p></body></html>")
        if path.startswith("/chain/"):
            return self._redirect(f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")
        slug = path.split("?")[0].rsplit("/", 1)[-1]
        if slug == "flaky-500" and nth == 1:
            return self._send(500, b"<h1>Internal Server Error</h1>")
        if slug == "flaky-503" and nth == 1:
            return self._send(503, b"<h1>Service Unavailable</h1>")
        if slug == "rate-limited" and nth == 1:
            return self._send(429, b"<h1>Too Many Requests</h1>", headers={"Retry-After": "1"})
        if slug == "retry-after-long":
            return self._send(503, b"<h1>Maintenance</h1>", headers={"Retry-After": "3600"})
        if slug == "missing":
            return self._send(404, b"<h1>Not Found</h1>")
        if slug == "loop-a":
            return self._redirect(article_path("loop-b", "090006"))
        if slug == "loop-b":
            return self._redirect(article_path("loop-a", "090006"), 301)
        if slug == "chain":
            return self._redirect("/chain/1")
        if slug == "to-canary":
            return self._redirect(f"http://{site.canary}/steal")
        if slug == "to-metadata":
            return self._redirect("http://169.254.169.254/latest/meta-data/")
        if slug == "to-file":
            return self._redirect("file:///etc/passwd")
        if slug == "to-real-site":
            return self._redirect(REAL + REDIRECT_TARGETS["to-real-site"], 301)
        if slug == "to-mirror-address":
            return self._redirect(site.base_url + REDIRECT_TARGETS["to-mirror-address"])
        if slug == "to-forbidden":
            return self._redirect(article_path("behind-redirect", "090025", "terlarang"))
        if slug == "to-relative":
            return self._redirect(REDIRECT_TARGETS["to-relative"], 307)
        if slug == "hang":
            time.sleep(HANG_SECONDS)
            return self._send(200, article_html(path).encode())
        if slug == "drip":
            return self._drip(article_html(path).encode())
        if slug == "truncated":
            return self._truncated(article_html(path).encode())
        if slug == "cp1252-no-charset":
            return self._send(200, article_html(path, CP1252_TITLE).encode("cp1252"), "text/html")
        if slug == "cp1252-wrong-charset":
            return self._send(200, article_html(path, CP1252_TITLE).encode("cp1252"), "text/html; charset=utf-8")
        if slug == "too-big":
            padding = "<p>" + "x" * (SIZE_CAP * 2) + "</p>"
            return self._send(200, article_html(path).replace("</article>", padding + "</article>").encode())
        if slug == "gzip-bomb":
            return self._send(200, gzip_bomb(), headers={"Content-Encoding": "gzip"})
        if slug == "not-html":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png")
        if slug == "multi-page":
            if "page=2" in path:
                return self._send(500, b"<h1>Internal Server Error</h1>")
            return self._send(200, article_html(path, pager=True).encode())
        known = {f.path for f in FAULTS} | set(REDIRECT_TARGETS.values())
        if path in known:
            return self._send(200, article_html(path).encode())
        return self._send(404, b"<h1>Not Found</h1>")

    def _drip(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for i in range(0, min(len(body), 40)):
            self.wfile.write(body[i:i + 1])
            self.wfile.flush()
            time.sleep(HANG_SECONDS / 40)
        self.close_connection = True

    def _truncated(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) * 4))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.close_connection = True


class Canary:
    """A listener on another loopback address: any connection to it is a request that escaped the guards."""

    def __init__(self, address: str):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((address, 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.address = f"{address}:{self.sock.getsockname()[1]}"
        self.connections: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, peer = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            conn.settimeout(0.5)
            try:
                first = conn.recv(200).decode("latin-1", "replace").split("\r\n", 1)[0]
            except OSError:
                first = ""
            self.connections.append(f"{peer[0]}: {first}")
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


class _SlowHandler:
    """Mixed into the mirror's handler: every answer waits a little (a crawl long enough to be killed)."""

    delay = 0.05

    def handle_one_request(self) -> None:
        time.sleep(self.delay)
        super().handle_one_request()  # type: ignore[misc]


class SlowMirror(MirrorServer):
    def __init__(self, root: Path, delay: float = 0.05):
        super().__init__(root)
        self.delay = delay

    def start(self) -> str:
        url = super().start()
        assert self._server is not None
        base = self._server.RequestHandlerClass
        self._server.RequestHandlerClass = type("SlowHandler", (_SlowHandler, base), {"delay": self.delay})
        return url


def crawl_settings_args(**extra: Any) -> list[str]:
    """`scrapy crawl` settings for a fast hostile run: short timeouts, one retry, a small size cap."""
    settings = {
        "DOWNLOAD_TIMEOUT": 3, "RETRY_TIMES": 1, "DOWNLOAD_MAXSIZE": SIZE_CAP, "DOWNLOAD_WARNSIZE": 0,
        "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        "CONCURRENT_REQUESTS": 16, "NEWSCRAWLER_RETRY_AFTER_MAX": 5, "LOG_LEVEL": "INFO", **extra,
    }
    return [arg for key, value in settings.items() for arg in ("-s", f"{key}={value}")]


def run_hostile(report: Path, command: list[str], canaries: int = 3, timeout: float = 120,
                env: dict[str, str] | None = None) -> dict[str, Any]:
    """Serve the hostile site with canaries on 127.0.0.2.., run `command` (with {mirror} and {canary}
    replaced), and return (and write) what the site, the canaries and the crawl saw."""
    guards = [Canary(f"127.0.0.{n}") for n in range(2, 2 + canaries)]
    site = HostileSite(canary=guards[0].address)
    gzip_bomb()
    base_url = site.start()
    try:
        args = [a.replace("{mirror}", base_url).replace("{canary}", guards[0].address) for a in command]
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env)
        time.sleep(0.3)  # let a late connection reach a canary before we look
    finally:
        site.stop()
        for canary in guards:
            canary.close()
    result = {
        "returncode": done.returncode,
        "stdout": done.stdout[-20000:],
        "stderr": done.stderr[-20000:],
        "requests": [{"at": r.at, "host": r.host, "path": r.path} for r in site.requests],
        "expected_paths": sorted(site.expected_paths()),
        "canaries": {c.address: c.connections for c in guards},
        "mirror": base_url,
    }
    report.write_text(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    out, _, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    run_hostile(Path(out), cmd)
