"""The local mirror server: virtual hosts, path -> file mapping, errors, traversal, request log."""

from __future__ import annotations

import http.client
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest

from newscrawler.crawl.mirror import BadPath, MirrorServer, host_name, relative_file, resolve

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-site"
WWW = "www.suara.com"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(base: str, target: str, host: str | None = WWW, method: str = "GET") -> Reply:
    headers = {"Host": host} if host else {}
    request = urllib.request.Request(base + target, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read())


def raw_request(server: MirrorServer, target: str, host: str = WWW) -> Reply:
    """Send the request target byte for byte (urllib would not, for some odd targets)."""
    conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
    try:
        conn.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return Reply(response.status, dict(response.getheaders()), response.read())
    finally:
        conn.close()


def first_multipage_article() -> PurePosixPath:
    """Path (under www.suara.com) of a saved article with a page 2."""
    page2 = sorted((DEMO / WWW).glob("*/*/*/*/*/*/index__page=2.html"))
    assert page2, "the demo site has no multi-page article"
    return PurePosixPath("/", page2[0].parent.relative_to(DEMO / WWW).as_posix())


@pytest.fixture(scope="module")
def server() -> Iterator[MirrorServer]:
    with MirrorServer(DEMO) as mirror:
        yield mirror


# --- mapping (pure functions) -----------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "query", "expected"), [
    ("/", "", "index.html"),
    ("", "", "index.html"),
    ("/indeks", "", "indeks/index.html"),
    ("/indeks/", "", "indeks/index.html"),
    ("/indeks", "page=2", "indeks/index__page=2.html"),
    ("/a/b", "page=2&sort=new", "a/b/index__page=2_sort=new.html"),
    ("/a/b", "q=kopi susu&x=%2F", "a/b/index__q=kopi_susu_x=_2F.html"),
    ("/robots.txt", "", "robots.txt"),
    ("/sitemap.xml", "v=1", "sitemap.xml"),
    ("/news/sitemap-news.xml", "", "news/sitemap-news.xml"),
    ("/rss/news.xml", "", "rss/news.xml"),
    ("/news/2026/09/01/064510/some-slug", "", "news/2026/09/01/064510/some-slug/index.html"),
])
def test_relative_file(path: str, query: str, expected: str) -> None:
    assert str(relative_file(path, query)) == expected


@pytest.mark.parametrize(
    "path", ["/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/a/%2E%2E/%2e%2e/b", "/a\\b", "/a%00b"],
)
def test_relative_file_rejects_traversal(path: str) -> None:
    with pytest.raises(BadPath):
        relative_file(path)


@pytest.mark.parametrize(("header", "expected"), [
    ("www.suara.com", "www.suara.com"),
    ("WWW.Suara.com:443", "www.suara.com"),
    ("jakarta.suara.com.", "jakarta.suara.com"),
    ("127.0.0.1:8000", "127.0.0.1"),
    ("..", None),
    ("../etc", None),
    ("a/b", None),
    ("[::1]:80", None),
    ("", None),
    (None, None),
])
def test_host_name(header: str | None, expected: str | None) -> None:
    assert host_name(header) == expected


def test_resolve_stays_inside_the_host_folder(tmp_path: Path) -> None:
    (tmp_path / "site.test").mkdir()
    (tmp_path / "site.test" / "index.html").write_text("home")
    (tmp_path / "secret.txt").write_text("nope")
    (tmp_path / "site.test" / "link").symlink_to(tmp_path)
    assert resolve(tmp_path, "site.test", "/") == (tmp_path / "site.test" / "index.html").resolve()
    assert resolve(tmp_path, "other.test", "/") is None
    assert resolve(tmp_path, "..", "/secret.txt") is None
    with pytest.raises(BadPath):
        resolve(tmp_path, "site.test", "/link/secret.txt")


# --- the server -------------------------------------------------------------------------------------------


def test_serves_an_article_page(server: MirrorServer) -> None:
    article = first_multipage_article()
    reply = fetch(server.base_url, str(article))
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(reply.headers["Content-Length"]) == len(reply.body)
    assert f'<link rel="canonical" href="https://www.suara.com{article}">' in reply.text
    assert fetch(server.base_url, f"{article}/").body == reply.body  # trailing slash, same file


def test_serves_page_two_from_the_query_file(server: MirrorServer) -> None:
    article = first_multipage_article()
    page1 = fetch(server.base_url, str(article))
    page2 = fetch(server.base_url, f"{article}?page=2")
    assert page2.status == 200
    assert page2.body == (DEMO / WWW / str(article)[1:] / "index__page=2.html").read_bytes()
    assert page2.body != page1.body
    assert fetch(server.base_url, f"{article}?page=99").status == 404


def test_serves_robots_txt_as_text(server: MirrorServer) -> None:
    reply = fetch(server.base_url, "/robots.txt")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /loadmoredetail?" in reply.text


@pytest.mark.parametrize("target", ["/sitemap.xml", "/news/sitemap-news.xml"])
def test_serves_sitemaps_as_xml(server: MirrorServer, target: str) -> None:
    reply = fetch(server.base_url, target)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/xml"
    assert reply.body.startswith(b"<?xml")


def test_virtual_hosts_are_separate(server: MirrorServer) -> None:
    jakarta = fetch(server.base_url, "/robots.txt", host="jakarta.suara.com")
    assert "Sitemap: https://jakarta.suara.com/sitemap.xml" in jakarta.text
    assert fetch(server.base_url, "/indeks", host="jakarta.suara.com").status == 404
    assert fetch(server.base_url, "/indeks", host="www.suara.com:443").status == 200


def test_missing_page_is_404_with_html(server: MirrorServer) -> None:
    reply = fetch(server.base_url, "/news/2026/01/01/000000/tidak-ada")
    assert reply.status == 404
    assert reply.headers["Content-Type"].startswith("text/html")
    assert b"404" in reply.body


@pytest.mark.parametrize("target", [
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/news/..%2f..%2f..%2fREADME.md",
    "/..%5c..%5cREADME.md",
])
def test_path_traversal_is_rejected(server: MirrorServer, target: str) -> None:
    reply = raw_request(server, target)
    assert reply.status == 400
    assert b"root:" not in reply.body


def test_host_header_traversal_finds_nothing(server: MirrorServer) -> None:
    for host in ("..", "../..", "www.suara.com/../.."):
        assert raw_request(server, "/README.md", host=host).status == 404


def test_unknown_host_is_404(server: MirrorServer) -> None:
    assert fetch(server.base_url, "/robots.txt", host="news.detik.com").status == 404
    assert fetch(server.base_url, "/", host=None).status == 404  # Host: 127.0.0.1:PORT


def test_absolute_form_target_uses_its_host(server: MirrorServer) -> None:
    reply = raw_request(server, "http://jakarta.suara.com/robots.txt", host="ignored.example")
    assert reply.status == 200 and b"jakarta.suara.com/sitemap.xml" in reply.body


def test_head_sends_headers_only(server: MirrorServer) -> None:
    reply = fetch(server.base_url, "/robots.txt", method="HEAD")
    assert reply.status == 200 and reply.body == b""
    assert int(reply.headers["Content-Length"]) == (DEMO / WWW / "robots.txt").stat().st_size


def test_requests_are_recorded(tmp_path: Path) -> None:
    with MirrorServer(DEMO) as mirror:
        fetch(mirror.base_url, "/indeks?page=2")
        fetch(mirror.base_url, "/sitemap.xml", host="jakarta.suara.com:80")
        fetch(mirror.base_url, "/nope")
        assert mirror.requests == [
            ("www.suara.com", "/indeks?page=2"),
            ("jakarta.suara.com", "/sitemap.xml"),
            ("www.suara.com", "/nope"),
        ]
        mirror.clear()
        assert mirror.requests == []


def test_concurrent_requests_are_all_recorded() -> None:
    with MirrorServer(DEMO) as mirror:
        statuses: list[int] = []

        def worker(n: int) -> None:
            statuses.append(fetch(mirror.base_url, f"/indeks?page={n % 7}").status)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(24)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(mirror.requests) == 24
        assert sorted(set(statuses)) == [200, 404]  # page=0 does not exist


def test_lifecycle(tmp_path: Path) -> None:
    mirror = MirrorServer(DEMO)
    with pytest.raises(RuntimeError):
        _ = mirror.base_url
    base = mirror.start()
    assert base == mirror.base_url and base.startswith("http://127.0.0.1:") and mirror.port > 0
    assert mirror.start() == base  # idempotent
    assert fetch(base, "/robots.txt").status == 200
    mirror.stop()
    mirror.stop()  # idempotent
    assert not mirror.running
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + "/robots.txt", timeout=2)
    with pytest.raises(FileNotFoundError):
        MirrorServer(tmp_path / "missing").start()


def test_default_host_serves_unknown_hosts() -> None:
    with MirrorServer(DEMO, default_host=WWW) as mirror:
        assert b"Disallow" in fetch(mirror.base_url, "/robots.txt", host=None).body
        jakarta = fetch(mirror.base_url, "/robots.txt", host="jakarta.suara.com")
        assert b"jakarta.suara.com/sitemap.xml" in jakarta.body  # known hosts keep their own folder


def test_command_line_serves_a_folder() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "newscrawler.crawl.mirror", str(DEMO), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith(f"Serving {DEMO} at http://127.0.0.1:"), line
        base = line.split(" at ", 1)[1].split()[0]
        assert fetch(base, "/robots.txt").status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert proc.stderr is not None and proc.stderr.read() == ""  # quiet: no access log on stderr
