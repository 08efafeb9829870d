"""The store contract shared by MongoStore and SqliteStore.

Articles arrive as dicts shaped like `newscrawler.items.ARTICLE_FIELDS`, with dates as ISO 8601
strings carrying an offset. Stores keep UTC instants and hand back timezone-aware UTC datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

SORTS = ("newest", "oldest", "relevance")


class StoreError(Exception):
    """A store operation failed for a reason the user can act on."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (connection refused, timeout, unwritable file)."""


class StoreConfigError(StoreError):
    """The store settings themselves are wrong (malformed URI, bad database name or timeout): a user mistake."""


@dataclass
class UpsertCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: UpsertCounts) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged

    def as_dict(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged}


class Store(Protocol):
    kind: str  # "mongodb" or "sqlite"
    location: str  # human-readable, credentials removed

    def ping(self) -> None: ...
    def close(self) -> None: ...
    def upsert_articles(self, batch: Iterable[dict], run_id: str | None = None) -> UpsertCounts: ...
    def add_snapshots(self, batch: Iterable[dict]) -> int: ...
    def get(self, url: str) -> dict | None: ...
    def versions(self, url: str) -> list[dict]: ...
    def query(
        self,
        site: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        text: str | None = None,
        section: str | None = None,
        tag: str | None = None,
        author: str | None = None,
        limit: int | None = None,
        sort: str = "newest",
    ) -> Iterator[dict]: ...
    def count(self, **filters: Any) -> int: ...
    def links_to(self, url: str) -> list[dict]: ...
    def graph_edges(self, site: str | None = None) -> Iterator[dict]: ...
    def snapshots(self, site: str, list_name: str, since: datetime | None = None,
                  until: datetime | None = None) -> list[dict]: ...
    def popular(self, site: str, list_name: str = "popular", since: datetime | None = None,
                until: datetime | None = None, limit: int | None = None) -> list[dict]: ...
    def save_run(self, run: dict) -> None: ...
    def runs(self, limit: int | None = 20, site: str | None = None) -> list[dict]: ...
    def known_urls(self, site: str) -> dict[str, datetime]: ...
