"""Shared fixtures. Store fixtures: a real SQLite file and a real MongoDB wire server (mongoeco unless
MONGODB_TEST_URI points at a real one)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawler.store import MongoStore, SqliteStore, Store

# -- stores -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def mongo_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """$MONGODB_TEST_URI, or the URI of an in-memory mongoeco server speaking the MongoDB wire protocol."""
    uri = os.environ.get("MONGODB_TEST_URI")
    if uri:
        yield uri
        return
    from mongoeco._pytest_runtime import ProxyThread

    server = ProxyThread("memory", Path(tmp_path_factory.mktemp("mongoeco")), "7.0", "auto-installed")
    uri = server.start()
    try:
        yield uri
    finally:
        server.close()


@pytest.fixture
def mongo_store(mongo_uri: str) -> Iterator[MongoStore]:
    """A MongoStore on a database of its own, dropped afterwards."""
    database = f"nc_test_{uuid.uuid4().hex[:12]}"
    store = MongoStore(mongo_uri, database)
    try:
        yield store
    finally:
        store.client.drop_database(database)
        store.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "store" / "newscrawler.db")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=["sqlite", pytest.param("mongo", marks=pytest.mark.mongo)])
def store(request: pytest.FixtureRequest) -> Store:
    """A fresh, empty store of each kind: the contract suite runs once per backend."""
    return request.getfixturevalue(f"{request.param}_store")
