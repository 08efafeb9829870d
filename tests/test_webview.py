"""`newscrawler serve`: Datasette on 127.0.0.1 over a real store file; search page and its JSON."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawler.extract.extractor import ArticleExtractor
from newscrawler.extract.processing import build_article
from newscrawler.store import SqliteStore

GOLDEN = Path(__file__).parent / "golden" / "suara.com"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    """Direct children of a process (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_gone(pid: int, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return False


def make_db(tmp_path: Path) -> Path:
    db = tmp_path / "berita.db"
    expected = json.loads((GOLDEN / "seed-article.expected.json").read_text())
    html = (GOLDEN / "seed-article.html").read_bytes()
    article, _ = build_article([ArticleExtractor().extract(expected["url"], html)])
    store = SqliteStore(db)
    store.upsert_articles([article])
    store.add_snapshots([{"site": "suara.com", "list": "popular", "observed_at": "2025-09-10T08:00:00+07:00",
                          "entries": article["link_lists"]["popular"]}])
    store.close()
    return db


def start_serve(db: Path) -> tuple[subprocess.Popen, str]:
    """`newscrawler serve` in a subprocess, once Datasette answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONGODB_")}
    proc = subprocess.Popen([sys.executable, "-m", "newscrawler.cli", "serve", "--datasette", "--db", str(db),
                             "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
            return proc, base
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stderr.read().decode())
            time.sleep(0.1)
    stop_serve(proc)
    pytest.fail("Datasette did not start")


def stop_serve(proc: subprocess.Popen) -> None:
    """Stop `serve` and make sure nothing it started survives it (the test suite leaves no servers behind)."""
    kids = children(proc.pid)
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for pid in kids:
        if not wait_gone(pid, 5):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    proc, base = start_serve(make_db(tmp_path))
    try:
        yield base
    finally:
        stop_serve(proc)


def get(url: str) -> bytes:
    return urllib.request.urlopen(url, timeout=10).read()


def test_search_page_and_json(served: str) -> None:
    page = get(f"{served}/berita/articles?_search=pembebasan+sandera").decode()
    assert "AS Gelar Pembicaraan Langsung dengan Hamas" in page
    assert "published_day" in page  # the facets are configured
    data = json.loads(get(f"{served}/berita/articles.json?_search=sandera&_shape=objects&_extra=facet_results"))
    rows = data["rows"]
    assert [r["site"] for r in rows] == ["suara.com"]
    facets = data["facet_results"]
    facet_names = set(facets.get("results", facets))
    assert {"site", "section", "published_day"} <= facet_names
    none = json.loads(get(f"{served}/berita/articles.json?_search=banjir&_shape=objects"))
    assert none["rows"] == []


def test_snapshots_table_is_browsable(served: str) -> None:
    data = json.loads(get(f"{served}/berita/snapshots.json?_shape=objects"))
    assert data["rows"][0]["list"] == "popular"


def test_store_is_read_only(served: str) -> None:
    request = urllib.request.Request(f"{served}/berita/-/query.json?sql=delete+from+articles", method="GET")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)
    body = json.loads(get(f"{served}/berita/articles.json?_shape=objects"))
    assert len(body["rows"]) == 1


def test_missing_db_is_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "newscrawler.cli", "serve", "--datasette", "--db",
                           str(tmp_path / "none.db")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.count("\n") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_datasette_child_dies_with_serve(tmp_path: Path, how: signal.Signals) -> None:
    proc, base = start_serve(make_db(tmp_path))
    kids = children(proc.pid)
    try:
        assert kids, "serve runs Datasette as its child"
        proc.send_signal(how)
        proc.wait(timeout=15)
        # SIGTERM is passed on; after SIGKILL the kernel's parent-death signal ends the child.
        assert all(wait_gone(pid) for pid in kids), "Datasette outlived newscrawler serve"
        with pytest.raises(OSError):
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
    finally:
        stop_serve(proc)
