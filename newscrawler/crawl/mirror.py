"""A local mirror server for saved sites: tests, the demo and offline replays fetch from it.

Layout (one folder per virtual host, named by the site's real host name)::

    ROOT/
      www.suara.com/
        robots.txt
        sitemap.xml
        index.html                                   <- /
        indeks/index.html                            <- /indeks
        indeks/index__page=2.html                    <- /indeks?page=2
        news/sitemap-news.xml                        <- /news/sitemap-news.xml
        news/2026/10/05/080500/slug/index.html       <- /news/2026/10/05/080500/slug  (or .../slug/)
        news/2026/10/05/080500/slug/index__page=2.html
      jakarta.suara.com/
        ...

Which host: the ``Host`` header (our Scrapy mirror middleware rewrites ``https://www.suara.com/x`` to
``http://127.0.0.1:PORT/x`` and sends ``Host: www.suara.com``), or the host of an absolute request target
(proxy style, ``GET http://www.suara.com/x``). The port is ignored. No folder for the host -> 404 (unless the
server was given a ``default_host``, handy when browsing a saved site by hand).

Path + query -> file:
  * a last path segment with a file extension (``/robots.txt``, ``/sitemap.xml``, ``/news/sitemap-news.xml``,
    ``/rss/news.xml``) is that file; the query string is ignored; when that name is a folder (a page URL
    ending in ``.html`` saved like any other page), its ``index.html`` / ``index__{query}.html``;
  * any other path ``/a/b`` or ``/a/b/`` is ``a/b/index.html``; ``/`` is ``index.html``;
  * with a query string it is ``a/b/index__{query}.html`` where ``{query}`` is the raw query string with every
    character outside ``[A-Za-z0-9=._-]`` replaced by ``_`` (``page=2`` -> ``index__page=2.html``;
    ``page=2&sort=new`` -> ``index__page=2_sort=new.html``: several parameters keep their order).
Missing files -> 404 with a small HTML body; ``..`` segments, NUL bytes or backslashes -> 400.

Every request is recorded in ``MirrorServer.requests`` as ``(host, path-with-query)``, so tests can assert
what was (not) fetched. Serve a saved site by hand with ``python -m newscrawler.crawl.mirror DIR [--port N]``.
"""

from __future__ import annotations

import argparse
import html
import logging
import re
import threading
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from types import TracebackType
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

_QUERY_UNSAFE = re.compile(r"[^A-Za-z0-9=._-]")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")
_HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
_MAX_NAME = 240  # longest file name we try to open (file systems allow 255 bytes)

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".rss": "application/rss+xml",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".gz": "application/gzip",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


class BadPath(ValueError):
    """The request path tries to leave the host's folder (or is otherwise unusable)."""


def query_suffix(query: str) -> str:
    """The file-name form of a raw query string: ``page=2&x=y`` -> ``page=2_x=y``."""
    return _QUERY_UNSAFE.sub("_", query)


def relative_file(path: str, query: str = "") -> PurePosixPath:
    """The file (relative to a host folder) that serves ``path`` + ``query``; raises BadPath.

    >>> str(relative_file("/indeks", "page=2"))
    'indeks/index__page=2.html'
    """
    decoded = unquote(path or "/")
    if "\x00" in decoded or "\\" in decoded:
        raise BadPath(f"unusable path: {path!r}")
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise BadPath(f"path traversal: {path!r}")
    if segments and not decoded.endswith("/") and _EXTENSION.search(segments[-1]):
        return PurePosixPath(*segments)
    name = f"index__{query_suffix(query)}.html" if query else "index.html"
    return PurePosixPath(*segments, name)


def host_name(host_header: str | None) -> str | None:
    """``www.suara.com:443`` -> ``www.suara.com``; None for anything that is not a plain host name."""
    if not host_header:
        return None
    host = host_header.strip().lower()
    if host.startswith("["):  # IPv6 literal: never a site folder
        return None
    host = host.rsplit(":", 1)[0] if ":" in host else host
    host = host.rstrip(".")
    return host if _HOST_NAME.match(host) else None


def resolve(root: Path, host: str | None, target: str) -> Path | None:
    """The file under ``root/host/`` for a request target (``/path?query``), or None if there is none.

    Raises BadPath for traversal attempts. Never returns a path outside ``root/host/``.
    """
    name = host_name(host)
    if name is None:
        return None
    site = (root / name).resolve()
    if not site.is_dir() or not site.is_relative_to(root.resolve()):
        return None
    parts = urlsplit(target)
    relative = relative_file(parts.path, parts.query)
    if len(relative.name) > _MAX_NAME:
        return None
    candidate = (site / relative).resolve()
    if not candidate.is_relative_to(site):
        raise BadPath(f"path leaves the site folder: {target!r}")
    if candidate.is_dir():
        # A page URL that looks like a file (/uang/slug.html) saved like any other page, as a folder.
        candidate = candidate / (f"index__{query_suffix(parts.query)}.html" if parts.query else "index.html")
    return candidate if candidate.is_file() else None


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")


def _error_page(status: HTTPStatus, detail: str) -> bytes:
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{status.value} {status.phrase}</title>'
        f"</head><body><h1>{status.value} {status.phrase}</h1><p>{html.escape(detail)}</p></body></html>\n"
    ).encode()


class _MirrorHandler(BaseHTTPRequestHandler):
    server: _MirrorHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "newscrawler-mirror/1"
    timeout = 30  # idle keep-alive connections are dropped after this many seconds

    def do_GET(self) -> None:
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def _target(self) -> tuple[str | None, str]:
        """(host, path-with-query) of this request, for origin-form and absolute-form targets."""
        target = self.path
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            path = parts.path or "/"
            return parts.netloc, f"{path}?{parts.query}" if parts.query else path
        return self.headers.get("Host"), target

    def _serve(self, with_body: bool) -> None:
        raw_host, target = self._target()
        name = host_name(raw_host)
        host = name or (raw_host or "")
        self.server.record(host, target)
        mirror = self.server.mirror
        try:
            found = resolve(mirror.root, name, target)
            if found is None and mirror.default_host and not (name and (mirror.root / name).is_dir()):
                found = resolve(mirror.root, mirror.default_host, target)
        except BadPath as exc:
            self._send(HTTPStatus.BAD_REQUEST, _error_page(HTTPStatus.BAD_REQUEST, str(exc)), with_body)
            return
        if found is None:
            detail = f"Nothing saved for {host or '?'}{urlsplit(target).path}"
            self._send(HTTPStatus.NOT_FOUND, _error_page(HTTPStatus.NOT_FOUND, detail), with_body)
            return
        self._send(HTTPStatus.OK, found.read_bytes(), with_body, content_type(found))

    def _send(self, status: HTTPStatus, body: bytes, with_body: bool,
              ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("%s - %s", self.address_string(), format % args)


class _MirrorHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], mirror: MirrorServer):
        self.mirror = mirror
        super().__init__(address, _MirrorHandler)

    def record(self, host: str, target: str) -> None:
        with self.mirror._lock:
            self.mirror.requests.append((host, target))

    def handle_error(self, request: object, client_address: object) -> None:
        logger.debug("mirror: error while serving %s", client_address, exc_info=True)


class MirrorServer:
    """Serves ``root/<host>/`` for every virtual host on 127.0.0.1 from a daemon thread.

    >>> with MirrorServer(Path("data/demo-site")) as mirror:   # doctest: +SKIP
    ...     urlopen(Request(mirror.base_url + "/robots.txt", headers={"Host": "www.suara.com"}))
    """

    def __init__(self, root: Path | str, host: str = "127.0.0.1", port: int = 0,
                 default_host: str | None = None):
        self.root = Path(root)
        self.host = host
        self.port = port
        self.default_host = default_host
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._server: _MirrorHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the mirror is not running; call start() first")
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> str:
        """Start serving (idempotent); returns the base URL ``http://127.0.0.1:PORT``."""
        if self._server is None:
            if not self.root.is_dir():
                raise FileNotFoundError(f"mirror root is not a directory: {self.root}")
            self._server = _MirrorHTTPServer((self.host, self.port), self)
            self.port = self._server.server_address[1]
            self._thread = threading.Thread(
                target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                name=f"mirror-{self.port}", daemon=True,
            )
            self._thread.start()
        return self.base_url

    def stop(self) -> None:
        """Stop serving and free the port (idempotent). ``requests`` is kept for inspection."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def clear(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self.requests.clear()

    def __enter__(self) -> MirrorServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawler.crawl.mirror", description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path, help="folder with one sub-folder per host (e.g. data/demo-site)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (0 = any free port)")
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--default-host", help="host folder to serve when the Host header matches none "
                        "(e.g. www.suara.com, for browsing by hand)")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        parser.error(f"not a directory: {args.root}")
    hosts = sorted(p.name for p in args.root.iterdir() if p.is_dir())
    mirror = MirrorServer(args.root, host=args.bind, port=args.port, default_host=args.default_host)
    base = mirror.start()
    print(f"Serving {args.root} at {base} for hosts: {', '.join(hosts) or '(none)'}", flush=True)
    print("Send the real host name in the Host header, e.g.: "
          f"curl -H 'Host: {hosts[0] if hosts else 'www.example.com'}' {base}/robots.txt", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        mirror.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
