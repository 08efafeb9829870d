"""`newscrawler serve`: Datasette over the embedded SQLite store, read-only, with useful facets."""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newscrawler.paths import db_path


def metadata(db_name: str) -> dict:
    return {
        "title": "newscrawler",
        "description": "Articles, link-list snapshots and crawl runs collected by newscrawler (read-only).",
        "databases": {
            db_name: {
                "tables": {
                    "articles": {
                        "facets": ["site", "section", "published_day"],
                        "sort_desc": "published_at",
                        "label_column": "title",
                        "size": 50,
                    },
                    "snapshots": {"facets": ["site", "list", "observed_on"], "sort_desc": "observed_at"},
                    "runs": {"facets": ["site", "finish_reason"], "sort_desc": "started_at"},
                    "links": {"facets": ["list"]},
                    "article_versions": {"sort_desc": "archived_at"},
                }
            }
        },
    }


def datasette_command(db: Path, host: str, port: int, metadata_path: Path) -> list[str]:
    return [
        sys.executable, "-m", "datasette", "serve", str(db), "--host", host, "--port", str(port),
        "--metadata", str(metadata_path), "--setting", "default_page_size", "50",
        # Datasette opens a mutable file with mode=ro for queries and has no write API without plugins,
        # so the store stays read-only while cron keeps writing to it.
    ]


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8001) -> int:
    path = Path(db) if db else db_path()
    if not path.is_file():
        print(f"newscrawler: error: no SQLite store at {path} (crawl first, or pass --db)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata(path.stem)))
        print(f"Datasette on http://{host}:{port}/{path.stem} (read-only); Ctrl-C to stop", file=sys.stderr)
        return run_child(datasette_command(path, host, port, meta))


# Signals that end `serve`; the Datasette child must end with it (a stopped service left no server behind).
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def _die_with_parent() -> None:
    """In the child, before exec: the kernel sends SIGTERM when the parent dies, even by SIGKILL (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def run_child(command: list[str], grace: float = 10.0) -> int:
    """Run a server child until it exits or we are told to stop; it never outlives us.

    A stop signal is passed on to the child (then SIGKILL after `grace` seconds); if we are killed outright,
    PR_SET_PDEATHSIG ends the child on Linux.
    """
    # preexec_fn only calls prctl: nothing that could deadlock on a lock held by another thread.
    child = subprocess.Popen(command, preexec_fn=_die_with_parent)
    stopping: list[int] = []

    def stop(signum, frame) -> None:
        stopping.append(signum)
        if child.poll() is None:
            child.terminate()

    previous = {sig: signal.signal(sig, stop) for sig in _STOP_SIGNALS}
    deadline: float | None = None
    try:
        while True:
            try:
                code = child.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if stopping:
                    deadline = deadline or time.monotonic() + grace
                    if time.monotonic() > deadline:
                        child.kill()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if stopping else code
