"""`newscrawler serve`: Datasette over the embedded SQLite store, read-only, with useful facets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


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
    path = Path(db or os.environ.get("NEWSCRAWLER_DB") or "data/newscrawler.db")
    if not path.is_file():
        print(f"newscrawler: error: no SQLite store at {path} (crawl first, or pass --db)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata(path.stem)))
        print(f"Datasette on http://{host}:{port}/{path.stem} (read-only); Ctrl-C to stop", file=sys.stderr)
        try:
            return subprocess.call(datasette_command(path, host, port, meta))
        except KeyboardInterrupt:
            return 0
