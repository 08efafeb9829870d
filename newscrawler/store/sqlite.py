"""SqliteStore: the embedded default, one sqlite-utils file that Datasette can browse."""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from newscrawler.store.base import StoreError, StoreUnavailable, UpsertCounts
from newscrawler.store.common import (
    ARTICLE_FIELDS,
    BOOKKEEPING_FIELDS,
    CRAWL_FIELDS,
    DATE_FIELDS,
    RUN_DATE_FIELDS,
    SNAPSHOT_FIELDS,
    VERSION_FIELDS,
    check_limit,
    check_sort,
    check_str,
    content_hash,
    count_filters,
    edges_of,
    from_iso,
    iso_utc,
    last_wins,
    prepare_run,
    prepare_snapshot,
    quoted_search,
    same_entries,
    text_tokens,
    to_utc,
    utc_now,
    wib_day,
)

JSON_COLUMNS = ("authors", "tags", "link_lists")
#: Columns added after the first release: added to an older file when it is opened.
_LATER_COLUMNS = {"pages_missing": int, "archive": str}
#: Every column that holds an instant, across tables (ISO UTC text in the file, datetimes in Python).
INSTANT_COLUMNS = frozenset(
    (*DATE_FIELDS, *RUN_DATE_FIELDS, "first_seen", "last_seen", "archived_at", "observed_at",
     "last_observed_at")
)
_CHUNK = 500  # stays under SQLite's bound-variable limit on old builds
#: How long a writer waits for another process's transaction (two crawls into one file) before the
#: store counts as unavailable and items go to the spool.
_BUSY_TIMEOUT_MS = 10_000
#: Errors of two processes creating or upgrading one new file at the same moment: the loser looks again.
_SCHEMA_RACES = ("locked", "busy", "already exists", "duplicate column")
_CACHE_KIB = 32 * 1024
#: WAL pages after which the writer checkpoints itself: only reached when the checkpoint thread falls behind.
_WRITER_AUTOCHECKPOINT = 10_000
#: Every column of an article row, in the order `_encode_article` produces them.
_ARTICLE_COLUMNS = (*ARTICLE_FIELDS, *BOOKKEEPING_FIELDS, *CRAWL_FIELDS, "published_day")
# ON CONFLICT ... DO UPDATE keeps the rowid, which the FTS index is keyed on. One statement text for every
# insert: sqlite3's statement cache compiles it once per connection.
_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))}) "
    f"ON CONFLICT(url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _ARTICLE_COLUMNS if c != 'url')}"
)
_TOUCH_ARTICLE = ("UPDATE articles SET last_seen = ?, run_id = ?, link_lists = ?, pages_missing = ?, "
                  "archive = coalesce(?, archive) WHERE url = ?")
# The superseded text is copied row to row inside SQLite: the old body never travels through Python.
_ARCHIVE_VERSION = (f"INSERT OR IGNORE INTO article_versions ({', '.join(VERSION_FIELDS)}) "
                    f"SELECT {', '.join(VERSION_FIELDS[:-1])}, ? FROM articles WHERE url = ?")
_INSERT_LINK = "INSERT OR REPLACE INTO links (source, list, rank, target, title) VALUES (?, ?, ?, ?, ?)"
_FTS_UPDATE_WHEN = 'WHEN old."title" IS NOT new."title" OR old."body" IS NOT new."body"'
_FTS_UPDATE_TRIGGER = f"""CREATE TRIGGER "articles_au" AFTER UPDATE OF "title", "body" ON "articles"
{_FTS_UPDATE_WHEN} BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body")
    VALUES('delete', old.rowid, old."title", old."body");
  INSERT INTO "articles_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END"""
_ORDER = {
    "newest": "a.published_at DESC, a.url",
    "oldest": "a.published_at ASC, a.url",
    "relevance": "bm25(articles_fts, 3.0, 1.0), a.published_at DESC, a.url",
}


def _lower(value: Any) -> Any:
    # SQLite's lower() folds ASCII only; tags and names can be any script.
    return value.lower() if isinstance(value, str) else value


def _like_pattern(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqliteStore:
    """The Store contract on a local SQLite file (WAL, FTS5, plain JSON-text columns)."""

    kind = "sqlite"

    def __init__(self, path: str | Path = "data/newscrawler.db") -> None:
        self.path = Path(path)
        self.location = str(self.path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(str(path))
            self.conn = self.db.conn
            self.conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            self.conn.create_function("nc_lower", 1, _lower, deterministic=True)
            self._open_schema()
            self._tune_connection()
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"SQLite database at {self.location} cannot be opened: {exc}") from exc

    # -- schema -----------------------------------------------------------------------------------------

    def _open_schema(self) -> None:
        """Two crawls started together on a new file both create it. Switching to WAL and a DDL statement
        whose read snapshot went stale fail at once with "locked" (SQLite skips the busy handler there, to
        avoid deadlock), and the slower one may find a table the other just made: every step is idempotent,
        so the loser waits a moment and looks again, for as long as a writer would wait."""
        deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._create_schema()
                return
            except sqlite3.OperationalError as exc:
                if self.conn.in_transaction:
                    self.conn.rollback()
                if not any(s in str(exc) for s in _SCHEMA_RACES) or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.01, 0.1))

    def _create_schema(self) -> None:
        db = self.db
        if db.journal_mode != "wal":
            db.enable_wal()
        db["articles"].create(
            {"url": str, "site": str, "section": str, "title": str, "description": str, "authors": str,
             "published_at": str, "published_day": str, "modified_at": str, "published_at_raw": str,
             "language": str, "tags": str, "image_url": str, "dateline": str, "body": str, "pages": int,
             "link_lists": str, "crawled_at": str, "first_seen": str, "last_seen": str,
             "content_hash": str, "version": int, "run_id": str, **_LATER_COLUMNS},
            pk="url", if_not_exists=True,
        )
        present = set(db["articles"].columns_dict)
        for name, kind in _LATER_COLUMNS.items():
            if name not in present:
                db["articles"].add_column(name, kind)
        db["articles"].create_index(["site", "published_at"], if_not_exists=True)
        db["articles"].create_index(["published_at"], if_not_exists=True)
        db["articles"].create_index(["section"], if_not_exists=True)
        if not db["articles_fts"].exists():
            db["articles"].enable_fts(["title", "body"], create_triggers=True,
                                      tokenize="unicode61 remove_diacritics 2")
        self._narrow_fts_update_trigger()
        self._create_side_tables()

    def _narrow_fts_update_trigger(self) -> None:
        """sqlite-utils' update trigger re-indexes title and body on ANY column update: a re-crawled unchanged
        article (only last_seen, run_id, link lists) would cost two full FTS passes over ~40 KB of text. The
        index only depends on title and body, so it is re-indexed only when one of them really changes; the
        search results are the same. Older files get the narrowed trigger when they are opened."""
        row = self.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_au'")
        current = row.fetchone()
        if current is None or _FTS_UPDATE_WHEN in current[0]:
            return
        try:
            with self.conn:
                self.conn.execute('DROP TRIGGER "articles_au"')
                self.conn.execute(_FTS_UPDATE_TRIGGER)
        except sqlite3.OperationalError:
            pass  # a read-only file: the wide trigger is only slower, and a reader never fires it

    def _tune_connection(self) -> None:
        """Per-connection settings for batch writes. In WAL mode synchronous=NORMAL skips the fsync at every
        commit (the WAL is synced at checkpoints): a committed batch still survives a killed process, only a
        power loss can take back the last commits. A larger page cache keeps the FTS5 segment flush of a batch
        of ~40 KB bodies in memory; sorts and temporary b-trees stay in RAM."""
        self._checkpointer: _Checkpointer | None = None
        self._wal = self.db.journal_mode == "wal"
        if self._wal:
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        self.conn.execute("PRAGMA temp_store = MEMORY")

    def _after_commit(self) -> None:
        """Copying the WAL back into the database file (a checkpoint, with its fsyncs) is a third of a batch's
        time when the writer does it itself every 1000 pages: a thread of the store's own, on its own
        connection, does it instead, on the other core, while the writer goes on. Passive checkpoints never
        block the writer; the writer still checkpoints itself if the WAL grows past _WRITER_AUTOCHECKPOINT."""
        if not self._wal:
            return
        if self._checkpointer is None:
            self._checkpointer = _Checkpointer(str(self.path.absolute()))
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {_WRITER_AUTOCHECKPOINT}")
        self._checkpointer.request()

    def _create_side_tables(self) -> None:
        db = self.db
        db["article_versions"].create(
            {"url": str, "version": int, "title": str, "body": str, "content_hash": str, "published_at": str,
             "modified_at": str, "crawled_at": str, "archived_at": str},
            pk=("url", "version"), if_not_exists=True,
        )
        db["snapshots"].create(
            {"id": int, "site": str, "list": str, "observed_at": str, "last_observed_at": str,
             "observed_on": str, "observations": int, "entries": str, "source_url": str},
            pk="id", if_not_exists=True,
        )
        db["snapshots"].create_index(["site", "list", "observed_at"], if_not_exists=True)
        db["runs"].create(
            {"run_id": str, "site": str, "started_at": str, "finished_at": str, "finish_reason": str,
             "document": str},
            pk="run_id", if_not_exists=True,
        )
        db["runs"].create_index(["started_at"], if_not_exists=True)
        db["links"].create(
            {"source": str, "list": str, "rank": int, "target": str, "title": str},
            pk=("source", "list", "rank"), if_not_exists=True,
        )
        db["links"].create_index(["target"], if_not_exists=True)

    # -- plumbing ---------------------------------------------------------------------------------------

    def _run(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise self._error(exc) from exc

    def _error(self, exc: sqlite3.Error) -> StoreError:
        message = str(exc)
        if any(s in message for s in ("readonly", "unable to open", "disk I/O", "locked", "disk is full")):
            return StoreUnavailable(f"SQLite database at {self.location} is unavailable: {message}")
        return StoreError(f"SQLite error: {message}")

    def _stream(self, sql: str, params: Iterable[Any], convert) -> Iterator[dict]:
        """Rows one at a time off the cursor: constant memory however large the result."""
        cursor = self._run(sql, params)
        names = [d[0] for d in cursor.description]
        try:
            for row in cursor:
                yield convert(dict(zip(names, row, strict=True)))
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        finally:
            cursor.close()

    def _write(self, work) -> Any:
        """One transaction for a whole batch; rolled back as a whole on failure. It takes the write lock
        before its first read (BEGIN IMMEDIATE): what the batch decides from the stored rows holds until it
        commits even with another process writing the same file, and waiting for that process goes through
        the busy timeout instead of failing at once on a stale read snapshot."""
        try:
            with self.conn:
                if not self.conn.in_transaction:
                    self.conn.execute("BEGIN IMMEDIATE")
                return work()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        except (UnicodeError, OverflowError, ValueError) as exc:
            # A value SQLite cannot bind (rolled back with the batch): the caller retries item by item.
            raise StoreError(f"SQLite cannot store a value: {exc}") from exc

    def ping(self) -> None:
        try:
            self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.close()  # first: the last connection to close checkpoints and removes the WAL
            self._checkpointer = None
        self.conn.close()

    # -- articles ---------------------------------------------------------------------------------------

    def upsert_articles(self, batch: Iterable[dict], run_id: str | None = None) -> UpsertCounts:
        articles = last_wins(batch)
        if not articles:
            return UpsertCounts()
        counts = self._write(lambda: self._upsert(articles, run_id))
        self._after_commit()
        return counts

    def _upsert(self, articles: dict[str, dict], run_id: str | None) -> UpsertCounts:
        """The whole batch in a few statements: one SELECT for what is stored, then one executemany per kind
        of write. The FTS index follows through its triggers, inside the same transaction: tokenizing costs
        the same per row whether a trigger or one INSERT ... SELECT per batch does it (measured), and the
        triggers keep any other writer of the file (Datasette, sqlite-utils) in sync too."""
        now, counts = utc_now(), UpsertCounts()
        now_text = iso_utc(now)
        existing = self._existing(list(articles))
        upserts: list[tuple[Any, ...]] = []
        touches: list[tuple[Any, ...]] = []
        archived: list[tuple[Any, ...]] = []
        links: list[tuple[Any, ...]] = []
        for url, doc in articles.items():
            old = existing.get(url)
            doc.update(content_hash=content_hash(doc["title"], doc["body"]), last_seen=now, run_id=run_id)
            if old is None:
                counts.new += 1
                upserts.append(_encode_article(doc | {"first_seen": now, "version": 1}))
            elif old["content_hash"] != doc["content_hash"]:
                counts.updated += 1
                archived.append((now_text, url))
                upserts.append(_encode_article(doc | {"first_seen": old["first_seen"],
                                                      "version": old["version"] + 1}))
            else:
                counts.unchanged += 1
                touches.append((now_text, run_id, json.dumps(doc["link_lists"], ensure_ascii=False),
                                doc["pages_missing"], _json_or_none(doc["archive"]), url))
            links.extend((url, e["list"], e["rank"], e["target"], e["title"]) for e in edges_of(doc))
        # Errors propagate to _write, which rolls the whole batch back.
        if archived:  # before the new text replaces the old one
            self.conn.executemany(_ARCHIVE_VERSION, archived)
        if upserts:
            self.conn.executemany(_UPSERT_ARTICLE, upserts)
        if touches:
            self.conn.executemany(_TOUCH_ARTICLE, touches)
        self._delete_links(list(articles))
        if links:
            self.conn.executemany(_INSERT_LINK, links)
        return counts

    def _existing(self, urls: list[str]) -> dict[str, dict]:
        """What the batch's stored articles need for the decision: not their text, which a re-crawl of
        unchanged articles would otherwise read back from ~10 overflow pages each."""
        found: dict[str, dict] = {}
        for chunk, marks in _in_chunks(urls):
            sql = f"SELECT url, content_hash, version, first_seen FROM articles WHERE url IN ({marks})"
            for row in self._stream(sql, chunk, _decode_row):
                found[row["url"]] = row
        return found

    def _delete_links(self, urls: list[str]) -> None:
        """The batch's outgoing links go, all of them, before its current ones are written."""
        for chunk, marks in _in_chunks(urls):
            self.conn.execute(f"DELETE FROM links WHERE source IN ({marks})", chunk)

    def get(self, url: str) -> dict | None:
        rows = self._stream("SELECT * FROM articles WHERE url = ?", (check_str(url, "url"),), _article_out)
        return next(rows, None)

    def versions(self, url: str) -> list[dict]:
        sql = f"SELECT {', '.join(VERSION_FIELDS)} FROM article_versions WHERE url = ? ORDER BY version DESC"
        return list(self._stream(sql, (check_str(url, "url"),), _decode_row))

    # -- queries ----------------------------------------------------------------------------------------

    def _where(self, site=None, since=None, until=None, text=None, section=None, tag=None,
               author=None) -> tuple[str, str, list[Any]] | None:
        """(join, where, params) for the filters, or None when the text has no searchable word."""
        clauses, params, join = [], [], ""
        for column, value in (("site", site), ("section", section)):
            if check_str(value, column) is not None:
                clauses.append(f"a.{column} = ?")
                params.append(value)
        for op, value, name in ((">=", since, "since"), ("<", until, "until")):
            if value is not None:
                clauses.append(f"a.published_at {op} ?")
                params.append(iso_utc(to_utc(value, name)))
        if check_str(tag, "tag") is not None:
            clauses.append("EXISTS (SELECT 1 FROM json_each(a.tags) WHERE nc_lower(value) = ?)")
            params.append(tag.lower())
        if check_str(author, "author") is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM json_each(a.authors) WHERE nc_lower(value) LIKE ? ESCAPE '\\')")
            params.append(_like_pattern(author))
        if check_str(text, "text") is not None and text.strip():
            tokens = text_tokens(text)
            if not tokens:
                return None
            join = "JOIN articles_fts ON articles_fts.rowid = a.rowid"
            clauses.append("articles_fts MATCH ?")
            params.append(quoted_search(tokens))
        return join, " AND ".join(clauses) or "1", params

    def query(self, site: str | None = None, since: datetime | None = None, until: datetime | None = None,
              text: str | None = None, section: str | None = None, tag: str | None = None,
              author: str | None = None, limit: int | None = None, sort: str = "newest") -> Iterator[dict]:
        sort, limit = check_sort(sort), check_limit(limit)
        where = self._where(site, since, until, text, section, tag, author)
        if where is None:
            return iter(())
        join, clause, params = where
        if sort == "relevance" and not join:
            sort = "newest"
        sql = f"SELECT a.* FROM articles a {join} WHERE {clause} ORDER BY {_ORDER[sort]}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._stream(sql, params, _article_out)

    def count(self, **filters: Any) -> int:
        where = self._where(**count_filters(filters))
        if where is None:
            return 0
        join, clause, params = where
        return self._run(f"SELECT count(*) FROM articles a {join} WHERE {clause}", params).fetchone()[0]

    def known_urls(self, site: str) -> dict[str, datetime]:
        # An article stored with pages missing is not "known": the next run fetches it again.
        rows = self._stream("SELECT url, last_seen FROM articles WHERE site = ? AND pages_missing IS NULL",
                            (check_str(site, "site"),), _decode_row)
        return {row["url"]: row["last_seen"] for row in rows}

    # -- link graph -------------------------------------------------------------------------------------

    def links_to(self, url: str) -> list[dict]:
        sql = (
            "SELECT a.url, a.title, a.site, a.published_at, l.list, min(l.rank) AS rank "
            "FROM links l JOIN articles a ON a.url = l.source WHERE l.target = ? "
            "GROUP BY a.url, l.list ORDER BY a.published_at DESC, a.url, l.list"
        )
        return list(self._stream(sql, (check_str(url, "url"),), _decode_row))

    def graph_edges(self, site: str | None = None) -> Iterator[dict]:
        sql = (
            "SELECT l.source, a.title AS source_title, l.target, l.title AS target_title, l.list, l.rank "
            "FROM links l JOIN articles a ON a.url = l.source"
        )
        params: list[Any] = []
        if check_str(site, "site") is not None:
            sql += " WHERE a.site = ?"
            params.append(site)
        return self._stream(sql + " ORDER BY l.source, l.list, l.rank", params, dict)

    # -- snapshots --------------------------------------------------------------------------------------

    def add_snapshots(self, batch: Iterable[dict]) -> int:
        snapshots = sorted((prepare_snapshot(s) for s in batch), key=lambda s: s["observed_at"])
        return self._write(lambda: sum(self._add_snapshot(s) for s in snapshots)) if snapshots else 0

    def _add_snapshot(self, snap: dict) -> int:
        latest = self._run(
            "SELECT id, entries, last_observed_at FROM snapshots WHERE site = ? AND list = ? "
            "ORDER BY observed_at DESC, id DESC LIMIT 1",
            (snap["site"], snap["list"]),
        ).fetchone()
        if latest is not None and same_entries(json.loads(latest[1]), snap["entries"]):
            last = max(from_iso(latest[2]), snap["last_observed_at"])
            self._run(
                "UPDATE snapshots SET last_observed_at = ?, observations = observations + 1 WHERE id = ?",
                (iso_utc(last), latest[0]),
            )
            return 0
        row = _encode_snapshot(snap)
        placeholders = ", ".join("?" * len(row))
        self._run(f"INSERT INTO snapshots ({', '.join(row)}) VALUES ({placeholders})", row.values())
        return 1

    def _window(self, site: str, list_name: str, since, until) -> tuple[str, list[Any]]:
        """Snapshots whose observed span [observed_at, last_observed_at] overlaps [since, until)."""
        clause = "s.site = ? AND s.list = ?"
        params: list[Any] = [check_str(site, "site"), check_str(list_name, "list_name")]
        if since is not None:
            clause += " AND s.last_observed_at >= ?"
            params.append(iso_utc(to_utc(since, "since")))
        if until is not None:
            clause += " AND s.observed_at < ?"
            params.append(iso_utc(to_utc(until, "until")))
        return clause, params

    def snapshots(self, site: str, list_name: str, since: datetime | None = None,
                  until: datetime | None = None) -> list[dict]:
        clause, params = self._window(site, list_name, since, until)
        sql = (f"SELECT {', '.join(SNAPSHOT_FIELDS)} FROM snapshots s WHERE {clause} "
               "ORDER BY s.observed_at DESC, s.id DESC")
        return list(self._stream(sql, params, _snapshot_out))

    def popular(self, site: str, list_name: str = "popular", since: datetime | None = None,
                until: datetime | None = None, limit: int | None = None) -> list[dict]:
        clause, params = self._window(site, list_name, since, until)
        limit = check_limit(limit)
        # One query: explode entries, take each url's latest title with a window function, then aggregate.
        sql = f"""
            WITH e AS (
                SELECT json_extract(j.value, '$.url') AS url, json_extract(j.value, '$.title') AS title,
                       j.key + 1 AS rank, s.observations AS obs, s.observed_at, s.last_observed_at, s.id
                FROM snapshots s, json_each(s.entries) j WHERE {clause}
            ), t AS (
                SELECT *, first_value(title) OVER (
                    PARTITION BY url ORDER BY observed_at DESC, id DESC) AS latest_title FROM e
            )
            SELECT url, latest_title AS title, sum(obs) AS appearances, min(rank) AS best_rank,
                   min(observed_at) AS first_seen, max(last_observed_at) AS last_seen,
                   round(sum(obs * 1.0 / rank), 4) AS score
            FROM t GROUP BY url, latest_title
            ORDER BY appearances DESC, best_rank ASC, last_seen DESC, url
            LIMIT ?"""
        return list(self._stream(sql, [*params, -1 if limit is None else limit], _decode_row))

    # -- runs -------------------------------------------------------------------------------------------

    def save_run(self, run: dict) -> None:
        doc = prepare_run(run)
        # Flat columns for Datasette; `document` keeps the exact nested record for read-back.
        row = {k: _flat(v) for k, v in doc.items()}
        row["document"] = json.dumps(_jsonable(doc), ensure_ascii=False)
        try:
            self.db["runs"].upsert(row, pk="run_id", alter=True)
        except sqlite3.Error as exc:
            raise self._error(exc) from exc

    def runs(self, limit: int | None = 20, site: str | None = None) -> list[dict]:
        limit = check_limit(limit)
        sql, params = "SELECT document FROM runs", []
        if check_str(site, "site") is not None:
            sql += " WHERE site = ?"
            params.append(site)
        sql += " ORDER BY started_at DESC, run_id DESC LIMIT ?"
        params.append(-1 if limit is None else limit)
        return list(self._stream(sql, params, _run_out))


class _Checkpointer:
    """A thread with its own connection that runs a passive WAL checkpoint whenever asked (at most one at a
    time; requests made meanwhile fold into the next run)."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._wanted = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="newscrawler-sqlite-checkpoint", daemon=True)
        self._thread.start()

    def request(self) -> None:
        self._wanted.set()

    def close(self) -> None:
        self._stopping = True
        self._wanted.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path)
        except sqlite3.Error:
            return  # the writer's own autocheckpoint keeps the WAL bounded
        try:
            while True:
                self._wanted.wait()
                self._wanted.clear()
                if self._stopping:
                    return
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    pass  # a full disk or a lock: the next request, or the writer itself, checkpoints later
        finally:
            conn.close()


def _in_chunks(values: list[str]) -> Iterator[tuple[list[str], str]]:
    """`values` in slices of _CHUNK, each with its `?, ?, …` placeholders for an IN (...) list."""
    for start in range(0, len(values), _CHUNK):
        chunk = values[start:start + _CHUNK]
        yield chunk, ", ".join("?" * len(chunk))


# -- row encoding ---------------------------------------------------------------------------------------


def _encode_article(doc: dict) -> tuple[Any, ...]:
    """An article's row, its values in the order of _ARTICLE_COLUMNS."""
    row: list[Any] = []
    for name in _ARTICLE_COLUMNS[:-1]:
        value = doc.get(name)
        if name == "archive":
            value = _json_or_none(value)
        elif name in JSON_COLUMNS:
            value = json.dumps(value, ensure_ascii=False)
        elif name in INSTANT_COLUMNS:
            value = iso_utc(value)
        row.append(value)
    row.append(wib_day(doc.get("published_at")))
    return tuple(row)


def _decode_row(row: dict) -> dict:
    for name in INSTANT_COLUMNS.intersection(row):
        if isinstance(row[name], str):
            row[name] = from_iso(row[name])
    return row


def _article_out(row: dict) -> dict:
    row = _decode_row(row)
    for name in JSON_COLUMNS:
        row[name] = json.loads(row[name]) if row.get(name) else ({} if name == "link_lists" else [])
    row["archive"] = json.loads(row["archive"]) if row.get("archive") else None
    return {name: row.get(name) for name in ARTICLE_FIELDS + BOOKKEEPING_FIELDS + CRAWL_FIELDS}


def _json_or_none(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _encode_snapshot(snap: dict) -> dict[str, Any]:
    row = {k: iso_utc(v) if k in INSTANT_COLUMNS else v for k, v in snap.items()}
    row["entries"] = json.dumps(snap["entries"], ensure_ascii=False)
    return row


def _snapshot_out(row: dict) -> dict:
    row = _decode_row(row)
    row["entries"] = json.loads(row["entries"] or "[]")
    return row


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _flat(value: Any) -> Any:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(_jsonable(value), ensure_ascii=False)
    return _jsonable(value)


def _run_out(row: dict) -> dict:
    doc = json.loads(row["document"])
    for name in RUN_DATE_FIELDS:
        doc[name] = from_iso(doc.get(name))
    return doc
