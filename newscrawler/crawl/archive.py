"""The WARC archive of fetched pages, and the streaming reader of WARC files (ours, CC-NEWS, a newsroom's own).

Writing: `WarcArchive` appends a request and a response record per fetched page to gzip WARC 1.1 files
(`<dir>/<prefix>-<NNNNN>.warc.gz`, each starting with a warcinfo record, a new file once one passes
`max_bytes`), and returns where the response record sits, so an article can point at the bytes it came from.
`ArchiveMiddleware` does that for every response a crawl receives when `NEWSCRAWLER_ARCHIVE_DIR` is set.
Records carry the real URL (never the mirror's) and the body as Scrapy delivered it: a body Scrapy decompressed
is stored decompressed, with its Content-Encoding and Content-Length headers made to match.

Reading: `read_responses(path)` walks one file record by record in constant memory (warcio), yielding the
HTTP responses with their offsets and counting what it skips; damage ends the walk with `ArchiveDamaged`
after everything before it has been yielded.
"""

from __future__ import annotations

import logging
import os
import socket
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawler import __version__

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 1024**3
#: Headers that describe the bytes on the wire; they are rewritten to describe the stored body.
_TRANSFER_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class ArchivePointer:
    """Where one response record sits: the file (relative to the archive folder), byte offset and length."""

    file: str
    offset: int
    length: int

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "offset": self.offset, "length": self.length}


class WarcArchive:
    """Appends request/response pairs to rotated gzip WARC 1.1 files in `directory`."""

    def __init__(self, directory: str | os.PathLike, prefix: str = "newscrawler", max_bytes: int = DEFAULT_MAX_BYTES):
        self.directory = Path(directory).expanduser().resolve()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self._file: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._name = ""
        self.records = 0

    def _next_name(self) -> str:
        taken = {p.name for p in self.directory.glob(f"{self.prefix}-*.warc.gz")}
        n = len(taken)
        while f"{self.prefix}-{n:05d}.warc.gz" in taken:
            n += 1
        return f"{self.prefix}-{n:05d}.warc.gz"

    def _open(self) -> WARCWriter:
        if self._file is not None and self._file.tell() >= self.max_bytes:
            self.close()
        if self._writer is None:
            self._name = self._next_name()
            self._file = open(self.directory / self._name, "xb")  # noqa: SIM115 - kept open across records
            self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
            info = self._writer.create_warcinfo_record(self._name, {
                "software": f"newscrawler/{__version__} (warcio)",
                "format": "WARC File Format 1.1",
                "hostname": socket.gethostname(),
            })
            self._writer.write_record(info)
        return self._writer

    def write(
        self,
        url: str,
        status: int,
        response_headers: list[tuple[str, str]],
        body: bytes,
        request_headers: list[tuple[str, str]] | None = None,
        method: str = "GET",
        fetched_at: datetime | None = None,
    ) -> ArchivePointer:
        """Write one exchange; returns the response record's pointer."""
        writer = self._open()
        date = (fetched_at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        headers = [(k, v) for k, v in response_headers if k.lower() not in _TRANSFER_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(f"{status} {_reason(status)}", headers, protocol="HTTP/1.1")
        response = writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        path = _request_target(url)
        request = writer.create_warc_record(
            url, "request", payload=BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(f"{method} {path} HTTP/1.1", request_headers or [], is_http_request=True),
            warc_headers_dict={"WARC-Date": date},
        )
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        assert self._file is not None
        # Response first, so its offset and length are simply the file positions around it.
        offset = self._file.tell()
        writer.write_record(response)
        length = self._file.tell() - offset
        writer.write_record(request)
        self._file.flush()
        self.records += 1
        return ArchivePointer(self._name, offset, length)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = None
        self._writer = None


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _request_target(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _headers(raw: dict) -> list[tuple[str, str]]:
    pairs = []
    for key, values in raw.items():
        name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        for value in values:
            pairs.append((name, value.decode("latin-1") if isinstance(value, bytes) else str(value)))
    return pairs


class ArchiveMiddleware:
    """Downloader middleware: every response a crawl receives goes into the archive (NEWSCRAWLER_ARCHIVE_DIR).

    It sits below HttpCompressionMiddleware and RedirectMiddleware in process_response order (a lower number),
    so it sees decoded bodies and final responses, and above MirrorMiddleware, so URLs are the real ones.
    The response record's pointer is left in `request.meta["warc"]` for the spider to put on the article.
    """

    def __init__(self, archive: WarcArchive, stats):
        self.archive = archive
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        directory = crawler.settings.get("NEWSCRAWLER_ARCHIVE_DIR")
        if not directory:
            raise NotConfigured  # no message: Scrapy would log a warning for it on every crawl
        prefix = getattr(crawler.spider, "run_id", None) or crawler.settings.get("BOT_NAME", "newscrawler")
        archive = WarcArchive(
            directory, prefix=f"newscrawler-{prefix}",
            max_bytes=crawler.settings.getint("NEWSCRAWLER_ARCHIVE_MAX_BYTES", DEFAULT_MAX_BYTES),
        )
        middleware = cls(archive, crawler.stats)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Request, response: Response) -> Response:
        if request.url.endswith("/robots.txt"):
            return response
        try:
            pointer = self.archive.write(
                response.url, response.status, _headers(response.headers), response.body,
                request_headers=_headers(request.headers), method=request.method,
            )
        except OSError as exc:  # a full disk must not stop the crawl: the page is still extracted
            self.stats.inc_value("newscrawler/archive_errors")
            logger.error("cannot write to the archive %s: %s", self.archive.directory, exc)
            return response
        # Absolute, so `reextract` finds the record wherever it runs from.
        found = dict(pointer.as_dict(), file=str(self.archive.directory / pointer.file))
        # The callback's response may carry a copy of the request (the mirror restores the real URL that way).
        for carrier in {id(r): r for r in (request, response.request) if r is not None}.values():
            carrier.meta["warc"] = found
        self.stats.inc_value("newscrawler/archived")
        return response

    def spider_closed(self) -> None:
        self.archive.close()


# -- reading ------------------------------------------------------------------------------------------------


class ArchiveDamaged(Exception):
    """A WARC file is truncated or corrupt at `offset`; records before it were read."""

    def __init__(self, path: str, offset: int, reason: str):
        super().__init__(f"{path}: damaged at byte {offset}: {reason}")
        self.path, self.offset, self.reason = path, offset, reason


@dataclass
class ArchivedResponse:
    url: str
    status: int
    content_type: str
    headers: list[tuple[str, str]]
    body: bytes
    date: datetime | None
    pointer: ArchivePointer


@dataclass
class ReadCounts:
    """What a walk over WARC files skipped, by reason (revisit, non-200, non-HTML, other record types)."""

    counts: Counter = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.counts[reason] += 1


def _warc_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def read_responses(path: str | os.PathLike, counts: ReadCounts | None = None,
                   max_body: int = 8 * 1024 * 1024) -> Iterator[ArchivedResponse]:
    """The HTML 200 responses of one WARC file (gzip or not), in file order, one record in memory at a time.

    Revisit, non-200, non-HTML and non-response records are counted in `counts` and skipped; a body over
    `max_body` bytes (the crawl's own size cap) is skipped as "too_large". Raises ArchiveDamaged at the first
    damaged byte, after yielding every record before it.
    """
    counts = counts if counts is not None else ReadCounts()
    path = Path(path)
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh, ensure_http_headers=False)
        good_until = 0  # end of the last record read whole: where damage is reported
        try:
            for record in iterator:
                if not _plausible(record):
                    raise ArchiveDamaged(str(path), good_until, "not a WARC record")
                found = _response(record, path.name, iterator, counts, max_body)
                iterator.read_to_end(record)
                offset, length = iterator.get_record_offset(), iterator.get_record_length()
                if record.raw_stream.limit > 0:  # warcio ends quietly at a cut gzip member: the block is short
                    raise ArchiveDamaged(str(path), good_until, "truncated record")
                good_until = offset + length
                if found is not None:
                    found.pointer = ArchivePointer(path.name, offset, length)
                    yield found
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ArchiveDamaged(str(path), good_until, reason) from exc
        if good_until < os.fstat(fh.fileno()).st_size:
            # Bytes after the last whole record that no record could be read from: a cut or corrupt tail.
            raise ArchiveDamaged(str(path), good_until, "unreadable data after the last whole record")


def _plausible(record) -> bool:
    """warcio reads unknown bytes as a legacy ARC record; a real one names an http(s) URL."""
    if record.format == "warc":
        return True
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    return record.format == "arc" and uri.startswith(("http://", "https://"))


def _response(record, name: str, iterator, counts: ReadCounts, max_body: int) -> ArchivedResponse | None:
    kind = record.rec_type
    if kind != "response":
        counts.skip("revisit" if kind == "revisit" else f"record_{kind}")
        return None
    http = record.http_headers
    status = int(http.get_statuscode() or 0) if http else 0
    if status != 200:
        counts.skip("non_200")
        return None
    content_type = (http.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        counts.skip("non_html")
        return None
    body = record.content_stream().read(max_body + 1)
    if len(body) > max_body:
        counts.skip("too_large")
        return None
    return ArchivedResponse(
        url=record.rec_headers.get_header("WARC-Target-URI") or "",
        status=status,
        content_type=content_type,
        headers=list(http.headers),
        body=body,
        date=_warc_date(record.rec_headers.get_header("WARC-Date")),
        pointer=ArchivePointer(name, 0, 0),
    )


def read_record(archive_dir: str | os.PathLike, pointer: dict[str, Any]) -> ArchivedResponse | None:
    """The response a pointer names, read with one seek (reextract); None when it is not an HTML 200 response."""
    path = Path(archive_dir) / pointer["file"]
    with open(path, "rb") as fh:
        fh.seek(int(pointer["offset"]))
        iterator = ArchiveIterator(fh)
        try:
            record = next(iterator)
        except StopIteration:
            return None
        if record.rec_type != "response" or not record.http_headers:
            return None
        http = record.http_headers
        return ArchivedResponse(
            url=record.rec_headers.get_header("WARC-Target-URI") or "",
            status=int(http.get_statuscode() or 0),
            content_type=(http.get_header("Content-Type") or "").lower(),
            headers=list(http.headers),
            body=record.content_stream().read(),
            date=_warc_date(record.rec_headers.get_header("WARC-Date")),
            pointer=ArchivePointer(pointer["file"], int(pointer["offset"]), int(pointer.get("length", 0))),
        )
