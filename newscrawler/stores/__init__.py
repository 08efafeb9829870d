"""Stores: MongoDB when MONGODB_URI is set, else the embedded SQLite file (DESIGN.md: Stores)."""

from __future__ import annotations

import os

from newscrawler.stores.base import QueryFilter, Store, StoreError, StoreUnavailable, UpsertCounts
from newscrawler.stores.mongo import MongoStore
from newscrawler.stores.sqlite import SqliteStore

DEFAULT_SQLITE_PATH = "data/newscrawler.db"
DEFAULT_DATABASE = "newscrawler"


def open_store(uri: str | None = None, database: str | None = None, path: str | None = None) -> Store:
    """The configured store: an explicit `uri` or $MONGODB_URI selects MongoDB, otherwise SQLite.

    Raises StoreUnavailable when the store cannot be reached or the file cannot be opened.
    """
    uri = uri or os.environ.get("MONGODB_URI") or None
    if uri:
        return MongoStore(uri, database or os.environ.get("MONGODB_DATABASE") or DEFAULT_DATABASE)
    return SqliteStore(path or os.environ.get("NEWSCRAWLER_DB") or DEFAULT_SQLITE_PATH)


__all__ = [
    "MongoStore",
    "QueryFilter",
    "SqliteStore",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "UpsertCounts",
    "open_store",
]
