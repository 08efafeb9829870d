"""A deterministic loopback copy of a large suara.com-style site, served by nginx, for crawl benchmarks.

`build(out, n)` writes n article pages of about 60 KB (the demo site's articles as templates, each under its
own URL and date, padded with the script and menu weight real portal pages carry), robots.txt, a sitemap index
and news sitemaps of 1,000 URLs each, laid out like the mirror server's tree (`<host>/<path>/index.html`).
`Nginx(out)` serves that tree on 127.0.0.1 by the `Host` header, so `newscrawler crawl --mirror` and a bare
Scrapy spider fetch the very same bytes. nginx comes from Debian (`apt-get install nginx-light`).
"""

from __future__ import annotations

import random
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-site"
HOST = "www.suara.com"
PAGE_BYTES = 60_000
SITEMAP_CHUNK = 1000
_URL_RE = re.compile(r"https://www\.suara\.com/([a-z]+)/(\d{4})/(\d{2})/(\d{2})/(\d{6})/([^\"<>/?#]+)")


def _templates() -> list[tuple[str, str]]:
    """(url, html) of every single-page www article of the demo site."""
    found = []
    for page in sorted((DEMO / HOST).glob("*/????/??/??/??????/*/index.html")):
        if list(page.parent.glob("index__*.html")):
            continue  # multi-page articles would add page-2 requests to one variant only
        url = "https://" + page.parent.relative_to(DEMO).as_posix()
        found.append((url, page.read_text(encoding="utf-8")))
    return found


def _padding(rng: random.Random, size: int) -> str:
    """Script and menu weight: what makes real article pages 50–80 KB while their text is 5 KB."""
    words = ["window", "dataLayer", "googletag", "cmd", "push", "function", "slot", "defineSlot", "display",
             "prebid", "adUnit", "sizes", "bidder", "params", "placement", "refresh", "targeting"]
    chunks, length = [], 0
    while length < size:
        line = ".".join(rng.choice(words) for _ in range(6)) + f"({rng.randrange(10**6)});"
        chunks.append(line)
        length += len(line) + 1
    return "<script>\n" + "\n".join(chunks) + "\n</script>"


def article_url(template_url: str, i: int, when: datetime) -> str:
    section, *_, slug = _URL_RE.match(template_url).groups()
    return f"https://{HOST}/{section}/{when:%Y/%m/%d/%H%M%S}/{slug}-{i}"


def build(out: Path, n: int, seed: int = 20261127) -> list[str]:
    """Write the site under `out`; returns the article URLs. Same n and seed -> the same bytes."""
    rng = random.Random(seed)
    templates = _templates()
    start = datetime(2026, 10, 31, 23, 0, 0)
    if out.exists():
        shutil.rmtree(out)
    site = out / HOST
    site.mkdir(parents=True)
    urls: list[tuple[str, datetime]] = []
    for i in range(n):
        template_url, html = templates[i % len(templates)]
        when = start - timedelta(minutes=7 * i)
        url = article_url(template_url, i, when)
        page = html.replace(template_url, url)
        page = page.replace("</body>", _padding(rng, PAGE_BYTES - len(page)) + "\n</body>", 1)
        folder = site / url.split(HOST + "/", 1)[1]
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(page, encoding="utf-8")
        urls.append((url, when))
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: https://{HOST}/sitemap.xml\n")
    children = []
    for c in range(0, n, SITEMAP_CHUNK):
        name = f"sitemap-news-{c // SITEMAP_CHUNK + 1}.xml"
        entries = "".join(
            f"<url><loc>{escape(u)}</loc><news:news><news:publication_date>{w:%Y-%m-%dT%H:%M:%S}+07:00"
            "</news:publication_date></news:news></url>\n"
            for u, w in urls[c:c + SITEMAP_CHUNK]
        )
        (site / name).write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + entries + "</urlset>\n"
        )
        children.append(name)
    index = "".join(f"<sitemap><loc>https://{HOST}/{c}</loc></sitemap>\n" for c in children)
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + index + "</sitemapindex>\n"
    )
    return [u for u, _ in urls]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """nginx on 127.0.0.1 serving `root/<Host header>/…` (with `/x` -> `/x/index.html`); a context manager."""

    def __init__(self, root: Path, workers: int = 1):
        self.root = root.resolve()
        self.workers = workers
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None
        self.dir = Path(tempfile.mkdtemp(prefix="nc-bench-nginx-"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Nginx:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise SystemExit("nginx is not installed: apt-get install -y nginx-light (make bench does it)")
        conf = self.dir / "nginx.conf"
        conf.write_text(f"""
daemon off;
worker_processes {self.workers};
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {self.dir}/body;
  proxy_temp_path {self.dir}/proxy;
  fastcgi_temp_path {self.dir}/fastcgi;
  uwsgi_temp_path {self.dir}/uwsgi;
  scgi_temp_path {self.dir}/scgi;
  types {{ text/html html; application/xml xml; text/plain txt; }}
  default_type text/html;
  charset utf-8;
  sendfile on;
  server {{
    listen 127.0.0.1:{self.port};
    root {self.root}/$host;
    location / {{ try_files $uri $uri/index.html =404; }}
  }}
}}
""")
        self.proc = subprocess.Popen([binary, "-c", str(conf), "-p", str(self.dir)], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    err = self.proc.stderr.read().decode(errors="replace")
                    raise SystemExit(f"nginx did not start: {err}") from None
                time.sleep(0.05)
        raise SystemExit("nginx did not start listening within 10 s")

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)
