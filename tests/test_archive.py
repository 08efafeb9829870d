"""The WARC archive: files other tools read (warcio itself), pointers that find their record, rotation,
skipped record kinds, and damage reported at the right offset after the good records."""

from __future__ import annotations

import gzip
import json
from contextlib import closing
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawler.crawl.archive import ArchiveDamaged, ReadCounts, WarcArchive, read_record, read_responses
from newscrawler.crawl.mirror import MirrorServer
from newscrawler.store import open_store

from crawlkit import DEMO, run_cli

HTML = [("Content-Type", "text/html; charset=utf-8")]


def page(n: int) -> bytes:
    return f"<html><body><h1>Judul {n}</h1><p>Isi berita nomor {n} — “kutipan”.</p></body></html>".encode()


def test_records_are_standard_warc_1_1_with_request_and_response(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, prefix="t")
    pointer = archive.write("https://www.suara.com/news/a", 200, HTML, page(1),
                            request_headers=[("User-Agent", "newscrawler-test")])
    archive.close()
    files = sorted(tmp_path.glob("t-*.warc.gz"))
    assert [f.name for f in files] == ["t-00000.warc.gz"] == [pointer.file]
    with open(files[0], "rb") as fh:
        records = [(r.rec_type, r.rec_headers.protocol, r.rec_headers.get_header("WARC-Target-URI"),
                    r.content_stream().read()) for r in ArchiveIterator(fh)]
    assert [r[0] for r in records] == ["warcinfo", "response", "request"]
    assert {r[1] for r in records} == {"WARC/1.1"}
    assert records[1][2] == records[2][2] == "https://www.suara.com/news/a"
    assert records[1][3] == page(1)
    with gzip.open(files[0]) as fh:  # every record is its own gzip member: plain gzip reads the whole file
        assert b"WARC-Concurrent-To" in fh.read()


def test_pointer_finds_its_record_with_one_seek(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path)
    pointers = [archive.write(f"https://www.suara.com/news/{n}", 200, HTML, page(n)) for n in range(5)]
    archive.close()
    for n, pointer in enumerate(pointers):
        found = read_record(tmp_path, pointer.as_dict())
        assert found is not None and found.body == page(n) and found.url.endswith(f"/news/{n}")
        assert found.status == 200 and found.content_type.startswith("text/html")
    ends = [p.offset + p.length for p in pointers]
    assert all(end <= nxt.offset for end, nxt in zip(ends, pointers[1:], strict=False))


def test_files_rotate_by_size_and_never_overwrite(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, prefix="r", max_bytes=600)
    pointers = [archive.write(f"https://www.suara.com/news/{n}", 200, HTML, page(n) * 3) for n in range(6)]
    archive.close()
    names = sorted(p.name for p in tmp_path.glob("r-*.warc.gz"))
    assert len(names) >= 3 and names == sorted({p.file for p in pointers})
    again = WarcArchive(tmp_path, prefix="r")  # a second run adds files, it never reopens old ones
    new = again.write("https://www.suara.com/news/x", 200, HTML, page(9))
    again.close()
    assert new.file not in names
    assert [r.body for n in [*names, new.file] for r in read_responses(tmp_path / n)][-1] == page(9)


def test_reader_yields_html_200_responses_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http))

        response("https://news.example.id/a", "200 OK", "text/html", page(1))
        response("https://news.example.id/missing", "404 Not Found", "text/html", b"nope")
        response("https://news.example.id/logo.png", "200 OK", "image/png", b"\x89PNG")
        response("https://news.example.id/b", "200 OK", "application/xhtml+xml; charset=utf-8", page(2))
        revisit = writer.create_revisit_record("https://news.example.id/a", digest="sha1:AAAA",
                                               refers_to_uri="https://news.example.id/a",
                                               refers_to_date="2024-10-01T00:00:00Z")
        writer.write_record(revisit)
        writer.write_record(writer.create_warc_record("https://news.example.id/", "metadata",
                                                      payload=BytesIO(b"x: y"), warc_content_type="text/plain"))
    counts = ReadCounts()
    found = list(read_responses(path, counts))
    assert [r.url for r in found] == ["https://news.example.id/a", "https://news.example.id/b"]
    assert [r.body for r in found] == [page(1), page(2)]
    assert counts.counts == {"non_200": 1, "non_html": 1, "revisit": 1, "record_metadata": 1}


def test_truncated_file_yields_the_good_records_then_reports_the_offset(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, prefix="d")
    pointers = [archive.write(f"https://www.suara.com/news/{n}", 200, HTML, page(n) * 50) for n in range(4)]
    archive.close()
    path = tmp_path / pointers[0].file
    data = path.read_bytes()
    cut = pointers[2].offset + pointers[2].length // 2  # in the middle of the third response
    path.write_bytes(data[:cut])
    got = []
    with pytest.raises(ArchiveDamaged) as damaged:
        for record in read_responses(path):
            got.append(record.url)
    assert got == ["https://www.suara.com/news/0", "https://www.suara.com/news/1"]
    # Damage is reported where the last whole record ended: the second exchange's request record.
    assert pointers[1].offset + pointers[1].length <= damaged.value.offset <= pointers[2].offset
    assert str(damaged.value.offset) in str(damaged.value)


def test_garbage_file_is_damaged_at_zero(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
    with pytest.raises(ArchiveDamaged) as damaged:
        list(read_responses(path))
    assert damaged.value.offset == 0


# -- end to end: crawl --archive, reextract, import-warc ------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
GENERIC = ROOT / "tests" / "fixtures" / "generic-site" / "www.beritacontoh.id"
WARC_DATE = "2025-03-07T01:02:03Z"


def _golden(site: str) -> tuple[str, bytes, str]:
    expected = sorted((GOLDEN / site).glob("*.expected.json"))[0]
    data = json.loads(expected.read_text(encoding="utf-8"))
    html = expected.with_name(expected.name.replace(".expected.json", ".html")).read_bytes()
    return data["url"], html, data["title"]


def _cc_news_warc(path: Path, pages: list[tuple[str, bytes]], extra: bool = True) -> None:
    """A small WARC laid out like a CC-NEWS file: WARC/1.0, request/response pairs, a warcinfo record first."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.0")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test", "isPartOf": "CC-NEWS"}))

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http,
                                               warc_headers_dict={"WARC-Date": WARC_DATE})
            writer.write_record(record)

        for url, body in pages:
            response(url, "200 OK", "text/html; charset=UTF-8", body)
        if extra:
            response("https://news.detik.com/berita/d-1/hilang", "404 Not Found", "text/html", b"<h1>404</h1>")
            response("https://cdn.detik.net.id/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
            writer.write_record(writer.create_revisit_record(
                pages[0][0], digest="sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", refers_to_uri=pages[0][0],
                refers_to_date="2025-03-06T00:00:00Z"))


@pytest.fixture
def cc_news(tmp_path: Path) -> tuple[Path, list[tuple[str, str]]]:
    pages, titles = [], []
    for site in ("suara.com", "detik.com", "kompas.com"):
        url, html, title = _golden(site)
        pages.append((url, html))
        titles.append((url, title))
    generic = "https://www.beritacontoh.id/ekonomi/2026/11/25/ekspor-kopi-robusta-naik-dua-kali-lipat"
    pages.append((generic, (GENERIC / "ekonomi/2026/11/25/ekspor-kopi-robusta-naik-dua-kali-lipat/index.html")
                  .read_bytes()))
    pages.append(("https://www.beritacontoh.id/", (GENERIC / "index.html").read_bytes()))  # a front page
    path = tmp_path / "CC-NEWS-20250307010203-00001.warc.gz"
    _cc_news_warc(path, pages)
    return path, titles


def test_import_warc_stores_the_known_sites_articles_with_the_warc_date(cc_news, tmp_path: Path) -> None:
    path, titles = cc_news
    db = tmp_path / "import.db"
    done = run_cli(["import-warc", str(path)], tmp_path, {"NEWSCRAWLER_DB": str(db)})
    assert done.returncode == 0, done.stderr
    assert "3 articles: 3 new" in done.stdout
    assert "non_200 1" in done.stdout and "non_html 1" in done.stdout and "revisit 1" in done.stdout
    assert "unknown_site 2" in done.stdout
    with closing(open_store(path=str(db))) as store:
        stored = {a["url"]: a for a in store.query()}
        assert set(stored) == {url for url, _ in titles}
        for url, title in titles:
            assert stored[url]["title"] == title
            assert stored[url]["crawled_at"] == datetime(2025, 3, 7, 1, 2, 3, tzinfo=UTC)
            assert stored[url]["archive"]["file"] == str(path.resolve())
        assert store.runs()[0]["articles"]["new"] == 3
    again = run_cli(["import-warc", str(path)], tmp_path, {"NEWSCRAWLER_DB": str(db)})
    assert "3 unchanged" in again.stdout  # importing twice stores nothing twice


def test_import_warc_generic_and_site_filters(cc_news, tmp_path: Path) -> None:
    path, _ = cc_news
    db = tmp_path / "generic.db"
    done = run_cli(["import-warc", "--generic", str(path)], tmp_path, {"NEWSCRAWLER_DB": str(db)})
    assert done.returncode == 0, done.stderr
    with closing(open_store(path=str(db))) as store:
        sites = sorted(a["site"] for a in store.query())
    # The generic article is kept under its registrable domain; the front page is not an article.
    assert sites == ["beritacontoh.id", "detik.com", "kompas.com", "suara.com"]
    db2 = tmp_path / "detik.db"
    done = run_cli(["import-warc", "--site", "detik", str(path)], tmp_path, {"NEWSCRAWLER_DB": str(db2)})
    assert done.returncode == 0, done.stderr
    with closing(open_store(path=str(db2))) as store:
        assert [a["site"] for a in store.query()] == ["detik.com"]


def test_import_warc_through_extraction_workers_stores_the_same_in_the_same_order(cc_news, tmp_path: Path) -> None:
    path, _ = cc_news
    stored = {}
    for mode, env in (("here", {"NEWSCRAWLER_EXTRACT_PROCESSES": "0"}),
                      ("workers", {"NEWSCRAWLER_EXTRACT_PROCESSES": "1", "NEWSCRAWLER_EXTRACT_POOL_AFTER": "1"})):
        db = tmp_path / f"{mode}.db"
        done = run_cli(["import-warc", "--generic", "-v", str(path)], tmp_path, {"NEWSCRAWLER_DB": str(db), **env})
        assert done.returncode == 0, done.stderr
        assert ("extracting in 1 worker process(es)" in done.stderr) == (mode == "workers")
        assert "4 new" in done.stdout and "1 dropped" in done.stdout  # the front page, refused there as here
        with closing(open_store(path=str(db))) as store:
            moments = ("first_seen", "last_seen", "run_id")
            stored[mode] = [{k: v for k, v in a.items() if k not in moments} for a in store.query(sort="oldest")]
    assert len(stored["here"]) == 4
    assert stored["workers"] == stored["here"]


def test_import_warc_damaged_file_imports_up_to_the_damage(cc_news, tmp_path: Path) -> None:
    path, titles = cc_news
    data = path.read_bytes()
    records = list(read_responses(path))
    cut = records[2].pointer.offset + records[2].pointer.length // 2  # inside the third article
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[:cut])
    db = tmp_path / "broken.db"
    done = run_cli(["import-warc", str(broken)], tmp_path, {"NEWSCRAWLER_DB": str(db)})
    assert done.returncode == 1
    assert f"damaged at byte {records[2].pointer.offset}" in done.stderr
    assert "Traceback" not in done.stderr
    with closing(open_store(path=str(db))) as store:
        assert {a["url"] for a in store.query()} == {url for url, _ in titles[:2]}


def test_import_warc_bad_input_is_one_line(tmp_path: Path) -> None:
    done = run_cli(["import-warc", str(tmp_path / "nope.warc.gz")], tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "no such WARC file" in done.stderr


def test_crawl_archive_then_reextract(tmp_path: Path) -> None:
    warc_dir, db = tmp_path / "warc", tmp_path / "crawl.db"
    env = {"NEWSCRAWLER_DB": str(db)}
    with MirrorServer(DEMO) as mirror:
        done = run_cli(["crawl", "suara.com", "--mirror", mirror.base_url, "--archive", str(warc_dir)], tmp_path, env)
    assert done.returncode == 0, done.stderr
    files = sorted(warc_dir.glob("*.warc.gz"))
    assert files
    archived_urls = {r.url for f in files for r in read_responses(f)}
    assert all("127.0.0.1" not in u for u in archived_urls), "records carry the real URLs"
    with closing(open_store(path=str(db))) as store:
        articles = list(store.query(site="suara.com"))
        assert articles and all(a["archive"] for a in articles)
        for article in articles:
            record = read_record(warc_dir, article["archive"])
            assert record is not None and record.url.split("?")[0] == article["url"]
        # Yesterday's extractor got one article wrong: its stored body differs from what the page says.
        victim = articles[0]
        store.upsert_articles([{**victim, "body": "Teks lama hasil ekstraksi yang keliru."}], run_id="old")
        assert store.get(victim["url"])["version"] == 2
    dry = run_cli(["reextract", "--site", "suara.com", "--dry-run"], tmp_path, env)
    assert dry.returncode == 0, dry.stderr
    assert f"would change {victim['url']}: body" in dry.stdout
    assert dry.stdout.count("\nwould change ") + dry.stdout.startswith("would change ") == 1
    assert "1 of 45 archived articles would change; nothing was written" in dry.stdout
    with closing(open_store(path=str(db))) as store:
        assert store.get(victim["url"])["version"] == 2
    done = run_cli(["reextract", "--site", "suara.com"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert "1 changed (new version)" in done.stdout
    with closing(open_store(path=str(db))) as store:
        fixed = store.get(victim["url"])
        assert fixed["version"] == 3 and fixed["body"] == victim["body"]
        assert store.versions(victim["url"])[0]["body"] == "Teks lama hasil ekstraksi yang keliru."
