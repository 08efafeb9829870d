"""Stores: MongoDB when MONGODB_URI is set, else the embedded SQLite file (DESIGN.md: Stores)."""

from __future__ import annotations

import os

from newscrawler.store.base import Store, StoreError, StoreUnavailable, UpsertCounts
from newscrawler.store.mongo import MongoStore
from newscrawler.store.sqlite import SqliteStore

DEFAULT_SQLITE_PATH = "data/newscrawler.db"
DEFAULT_DATABASE = "newscrawler"


def open_store(uri: str | None = None, database: str | None = None, path: str | None = None,
               must_exist: bool = False) -> Store:
    """The configured store: an explicit `uri`, or $MONGODB_URI unless a `path` is given, selects MongoDB;
    otherwise the SQLite file at `path`, $NEWSCRAWLER_DB or data/newscrawler.db.

    `must_exist` is for readers: a missing SQLite file is an error rather than a new empty store.
    Raises StoreUnavailable when the store cannot be reached or the file cannot be opened.
    """
    if path is None:
        uri = uri or os.environ.get("MONGODB_URI") or None
    if uri:
        return MongoStore(uri, database or os.environ.get("MONGODB_DATABASE") or DEFAULT_DATABASE)
    path = path or os.environ.get("NEWSCRAWLER_DB") or DEFAULT_SQLITE_PATH
    if must_exist and not os.path.exists(path):
        raise StoreUnavailable(
            f"no embedded store at {path}: crawl first (or run 'newscrawler demo'), "
            "or point NEWSCRAWLER_DB / MONGODB_URI at your store"
        )
    return SqliteStore(path)


__all__ = [
    "MongoStore",
    "SqliteStore",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "UpsertCounts",
    "open_store",
]
