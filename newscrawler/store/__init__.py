"""Stores: MongoDB when MONGODB_URI is set, else the embedded SQLite file (DESIGN.md: Stores)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newscrawler.paths import db_path
from newscrawler.store.sqlite_utils_import import import_sqlite_utils

import_sqlite_utils()  # before store.sqlite imports it: see there why

from newscrawler.store.api import DataStore  # noqa: E402
from newscrawler.store.base import Store, StoreConfigError, StoreError, StoreUnavailable, UpsertCounts  # noqa: E402
from newscrawler.store.mongo import MongoStore, check_database_name, timeout_ms, uri_hosts  # noqa: E402
from newscrawler.store.sqlite import SqliteStore  # noqa: E402

DEFAULT_DATABASE = "newscrawler"


def open_store(path_or_uri: str | os.PathLike | None = None, *, uri: str | None = None,
               database: str | None = None, path: str | os.PathLike | None = None,
               must_exist: bool | None = None) -> DataStore:
    """A store to read (or write), as a DataStore: a context manager with the CLI's filters, paging and pandas
    frames (newscrawler.store.api).

    `path_or_uri` is a `mongodb://` / `mongodb+srv://` URI or the path of a SQLite file. Without it: an explicit
    `uri`, or $MONGODB_URI unless a `path` is given, selects MongoDB; otherwise the SQLite file at `path`,
    $NEWSCRAWLER_DB or DATA_DIR/newscrawler.db (newscrawler.paths).

    A missing SQLite file is an error (StoreConfigError) when `must_exist` is true, which is the default when a
    `path_or_uri` is given: a typo must not leave a new empty store behind. Crawls open the configured store
    with must_exist=False, as their first write creates it.
    Raises StoreUnavailable when the store cannot be reached or the file cannot be opened.
    """
    if path_or_uri is not None:
        must_exist = True if must_exist is None else must_exist
        target = os.fspath(path_or_uri)
        if _is_mongodb_uri(target):
            uri, path = target, None
        else:
            uri, path = None, target
    elif path is None:
        uri = uri or os.environ.get("MONGODB_URI") or None
    if uri:
        return DataStore(MongoStore(uri, database or os.environ.get("MONGODB_DATABASE") or DEFAULT_DATABASE))
    path = os.fspath(path) if path else str(db_path())
    if must_exist and not os.path.isfile(path):
        # A path with no store behind it is a setting to fix, not an outage.
        raise StoreConfigError(
            f"no embedded store at {path}: crawl first (or run 'newscrawler demo'), "
            "or point NEWSCRAWLER_DB / MONGODB_URI at your store"
        )
    return DataStore(SqliteStore(path))


def _is_mongodb_uri(text: str) -> bool:
    return text.lower().startswith(("mongodb://", "mongodb+srv://"))


@dataclass(frozen=True)
class StoreIdentity:
    """Which store a crawl writes to, independent of the working directory: what a crawl lock is keyed on."""

    key: str  # no credentials: "sqlite:/abs/path.db" or "mongodb:host:port,.../database"
    lock_directory: Path  # where locks for this store live unless NEWSCRAWLER_LOCK_DIR says otherwise


def store_identity(environ: Mapping[str, str] | None = None) -> StoreIdentity:
    """The configured store's identity, checking the configuration without connecting.

    Raises StoreConfigError for settings that can never work (malformed URI, bad database name, bad timeout).
    """
    env = os.environ if environ is None else environ
    uri = env.get("MONGODB_URI") or None
    if uri:
        hosts = uri_hosts(uri)
        database = check_database_name(env.get("MONGODB_DATABASE") or DEFAULT_DATABASE)
        timeout_ms(dict(env))
        # flock cannot span machines; one lock folder per user covers every crawl started on this one.
        return StoreIdentity(f"mongodb:{','.join(hosts)}/{database}",
                             Path(tempfile.gettempdir()) / f"newscrawler-locks-{os.getuid()}")
    path = db_path(env).resolve()
    # Beside the file: every crawl of this file, whatever its folder or user, finds the same lock.
    return StoreIdentity(f"sqlite:{path}", path.parent / ".newscrawler-locks")


__all__ = [
    "DataStore",
    "MongoStore",
    "SqliteStore",
    "Store",
    "StoreConfigError",
    "StoreError",
    "StoreIdentity",
    "StoreUnavailable",
    "UpsertCounts",
    "open_store",
    "store_identity",
]
