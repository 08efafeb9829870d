"""Helpers for tests that run real crawls: the demo site's facts and a `newscrawler` subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-site"


@dataclass(frozen=True)
class DemoArticle:
    url: str
    published: datetime | None
    path: Path

    @property
    def pages(self) -> int:
        return 1 + len(list(self.path.glob("index__page=*.html")))


def demo_articles() -> list[DemoArticle]:
    """Every article of the demo site, from the generator's manifest (the sitemaps are checked against it
    in test_demo_site.py)."""
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    found = []
    for a in manifest["articles"]:
        host, _, path = a["url"].split("://", 1)[1].partition("/")
        found.append(DemoArticle(a["url"], datetime.fromisoformat(a["published_at"]), DEMO / host / path))
    return sorted(found, key=lambda a: a.url)


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 180,
            input: str | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("MONGODB_", "NEWSCRAWLER_"))}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "newscrawler.cli", *args], cwd=cwd, env=full_env, capture_output=True,
        text=True, timeout=timeout, input=input,
    )
