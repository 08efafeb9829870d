"""MongoStore: the Store contract on MongoDB through pymongo (batched, index-backed, BSON UTC dates)."""

from __future__ import annotations

import functools
import inspect
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import bson
from bson import ObjectId
from bson.errors import BSONError
from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel, InsertOne, MongoClient, ReplaceOne, UpdateOne
from pymongo.errors import BulkWriteError, ConnectionFailure, OperationFailure, PyMongoError
from pymongo.uri_parser import parse_uri
from pymongo.write_concern import WriteConcern

from newscrawler.store.base import StoreConfigError, StoreError, StoreUnavailable, UpsertCounts
from newscrawler.store.common import (
    ARTICLE_FIELDS,
    BOOKKEEPING_FIELDS,
    CRAWL_FIELDS,
    SNAPSHOT_FIELDS,
    VERSION_FIELDS,
    archived_version,
    check_limit,
    check_sort,
    check_str,
    content_hash,
    count_filters,
    edges_of,
    last_wins,
    mask_uri,
    prepare_run,
    prepare_snapshot,
    quoted_search,
    same_entries,
    scrub_secrets,
    short_error,
    text_tokens,
    to_utc,
    utc_now,
)

DEFAULT_TIMEOUT_MS = 5000
MAX_TIMEOUT_MS = 86_400_000
#: A socket that stays silent this many times the selection timeout means a hung (e.g. SIGSTOPped) server.
_SOCKET_TIMEOUT_FACTOR = 6
#: MongoDB refuses documents over 16 MiB (BSON) outright.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
#: The text index reads each document's language from this field. Articles carry `language: "id"`, which
#: is not a MongoDB text-search language, so the override must name a field no stored document ever has.
TEXT_LANGUAGE_OVERRIDE = "nc_text_search_language"
TEXT_INDEX = "text_title_body"
#: Database names MongoDB refuses (docs: "Naming Restrictions"); 63 bytes at most.
_BAD_DB_CHARS = frozenset('/\\. "$*<>:|?\x00')
_MAX_DB_NAME_BYTES = 63
_DUPLICATE_KEY = 11000
#: Article writes are acknowledged by the primary (w=1), stated rather than inherited: a refused document
#: comes back as an error (the batch is then retried item by item, costing only that document) and an
#: unreachable server is known at once (the batch goes to the spool). Unacknowledged writes (w=0) would lose
#: both; "majority" or j=true would wait on replication or the journal for every batch. A `w` or `journal`
#: given in MONGODB_URI wins over this.
ARTICLE_WRITE_CONCERN = WriteConcern(w=1)
_MAX_WIRE_LIMIT = 2**31 - 1
_BATCH = 500
#: What upsert needs to know about every stored article of a batch: not its text, so a re-crawl of unchanged
#: articles does not pull ~40 KB per article back over the wire.
_EXISTING = {"_id": 0, "url": 1, "content_hash": 1, "version": 1, "first_seen": 1}
#: The old content of the articles that changed, to archive.
_SUPERSEDED = {"_id": 0, **{name: 1 for name in VERSION_FIELDS[:-1]}}
_LINK_FIELDS = {"_id": 0, "url": 1, "title": 1, "site": 1, "published_at": 1,
                "link_lists.read_also": 1, "link_lists.related": 1}
_LINKED = [{"link_lists.read_also.url": {"$exists": True}}, {"link_lists.related.url": {"$exists": True}}]
_SORTS = {
    "newest": [("published_at", DESCENDING)],
    "oldest": [("published_at", ASCENDING)],
    # textScore alone: mongoeco ignores a $meta sort key followed by another key (MongoDB would not).
    "relevance": [("score", {"$meta": "textScore"})],
}


#: What a driver call can raise: server errors, and client-side encoding errors (a document too large,
#: a string that is not valid UTF-8, a number beyond int64) that pymongo does not wrap.
_DRIVER_ERRORS = (PyMongoError, BSONError, UnicodeError, OverflowError)


def _guarded(method: Callable) -> Callable:
    """Turn driver errors into StoreUnavailable/StoreError, for plain methods and generators alike."""
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generator(self: MongoStore, *args: Any, **kwargs: Any) -> Iterator:
            try:
                yield from method(self, *args, **kwargs)
            except _DRIVER_ERRORS as exc:
                raise self._error(exc) from exc
        return generator

    @functools.wraps(method)
    def wrapper(self: MongoStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except _DRIVER_ERRORS as exc:
            raise self._error(exc) from exc
    return wrapper


def timeout_ms(environ: dict[str, str] | None = None) -> int:
    """$MONGODB_TIMEOUT_MS as a whole number of milliseconds in 1..MAX_TIMEOUT_MS; anything else is a mistake."""
    text = (os.environ if environ is None else environ).get("MONGODB_TIMEOUT_MS", "").strip()
    if not text:
        return DEFAULT_TIMEOUT_MS
    try:
        value = int(text)
    except ValueError:
        raise StoreConfigError(f"MONGODB_TIMEOUT_MS must be a whole number of milliseconds, not {text!r}") from None
    if not 1 <= value <= MAX_TIMEOUT_MS:
        raise StoreConfigError(f"MONGODB_TIMEOUT_MS must be between 1 and {MAX_TIMEOUT_MS}, not {value}")
    return value


def check_database_name(name: str) -> str:
    """A database name MongoDB accepts; pymongo only checks part of this and the server the rest."""
    if not isinstance(name, str) or not name:
        raise StoreConfigError("MONGODB_DATABASE must not be empty")
    bad = sorted(set(name) & _BAD_DB_CHARS)
    if bad:
        shown = " ".join(repr(c) for c in bad)
        raise StoreConfigError(f"MONGODB_DATABASE {name!r} contains characters MongoDB does not allow: {shown}")
    if len(name.encode("utf-8", "surrogatepass")) > _MAX_DB_NAME_BYTES:
        raise StoreConfigError(f"MONGODB_DATABASE must be at most {_MAX_DB_NAME_BYTES} bytes long")
    return name


def uri_hosts(uri: str) -> list[str]:
    """The URI's hosts, sorted, after the strict checks MongoClient only warns about (it drops a bad option
    such as serverSelectionTimeoutMS=-5 and carries on); a malformed URI is a StoreConfigError."""
    if uri.startswith("mongodb+srv://"):
        # Parsing an SRV URI looks its hosts up in DNS; the one name identifies the cluster well enough.
        host = uri[len("mongodb+srv://"):].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
        if not host:
            raise StoreConfigError(f"MONGODB_URI {mask_uri(uri)} names no host")
        return [f"srv:{host.lower()}"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # pymongo reports invalid option values as warnings
            parsed = parse_uri(uri, validate=True, warn=False)
    except (PyMongoError, ValueError, TypeError, UserWarning) as exc:
        raise StoreConfigError(
            f"MONGODB_URI {mask_uri(uri)} is not usable: {scrub_secrets(short_error(exc), uri)}") from None
    return sorted(f"{host.lower()}:{port}" for host, port in parsed["nodelist"])


def safe_keys(value: Any) -> Any:
    """Nested keys MongoDB can store and update: a leading `$` and any `.` become full-width look-alikes
    (U+FF04, U+FF0E, MongoDB's own advice), so a key taken from a page or a stat never reads as an operator
    or a path."""
    if isinstance(value, dict):
        return {_safe_key(k): safe_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [safe_keys(v) for v in value]
    return value


def _safe_key(key: Any) -> str:
    key = str(key).replace(".", "\uff0e").replace("\x00", "")
    return "\uff04" + key[1:] if key.startswith("$") else key or "_"


def _check_size(doc: dict) -> None:
    size = len(bson.encode(doc))
    if size > MAX_DOCUMENT_BYTES:
        raise StoreError(f"article {doc.get('url')} is {size} bytes as BSON, over MongoDB's 16 MiB limit")


def _article_out(doc: dict) -> dict:
    doc.pop("_id", None)
    out = {name: doc.get(name) for name in ARTICLE_FIELDS + BOOKKEEPING_FIELDS + CRAWL_FIELDS}
    out["authors"] = out["authors"] or []
    out["tags"] = out["tags"] or []
    out["link_lists"] = out["link_lists"] or {}
    return out


class MongoStore:
    """Collections `articles`, `article_versions`, `snapshots`, `runs` in one database."""

    kind = "mongodb"

    def __init__(self, uri: str, database: str = "newscrawler", *, create_indexes: bool = True) -> None:
        self.uri = uri
        self.uri_masked = mask_uri(uri)
        self.location = f"{self.uri_masked}/{database}"
        check_database_name(database)
        uri_hosts(uri)
        timeout = timeout_ms()
        options: dict[str, Any] = {"tz_aware": True, "tzinfo": UTC, "appname": "newscrawler"}
        # An explicit timeout in the URI wins; keyword arguments would override it.
        for name, value in (("serverSelectionTimeoutMS", timeout), ("connectTimeoutMS", timeout),
                            ("socketTimeoutMS", timeout * _SOCKET_TIMEOUT_FACTOR)):
            if name.lower() not in uri.lower():
                options[name] = value
        try:
            self.client: MongoClient = MongoClient(uri, **options)
        except (PyMongoError, ValueError, TypeError) as exc:
            # pymongo raises ValueError/TypeError for some bad URI options; all are the user's to fix.
            raise StoreConfigError(
                f"MONGODB_URI {self.uri_masked} is not usable: {scrub_secrets(short_error(exc), uri)}") from None
        self.db = self.client[database]
        self.articles = self.db["articles"]
        self.article_versions = self.db["article_versions"]
        self.snapshots_coll = self.db["snapshots"]
        self.runs_coll = self.db["runs"]
        if create_indexes:
            try:
                self.ensure_indexes()
            except StoreError:
                self.client.close()
                raise

    def _error(self, exc: Exception) -> StoreError:
        message = scrub_secrets(short_error(exc), self.uri)
        if isinstance(exc, ConnectionFailure):
            return StoreUnavailable(f"MongoDB at {self.uri_masked} is unreachable: {message}")
        return StoreError(f"MongoDB error at {self.uri_masked}: {message}")

    @_guarded
    def ensure_indexes(self) -> None:
        """Idempotent: fixed names and options, so re-running on open is a no-op."""
        self._drop_stale_text_index()
        self.articles.create_indexes([
            IndexModel([("url", ASCENDING)], name="url_unique", unique=True),
            IndexModel([("site", ASCENDING), ("published_at", DESCENDING)], name="site_published"),
            IndexModel([("published_at", DESCENDING)], name="published"),
            IndexModel([("title", TEXT), ("body", TEXT)], name=TEXT_INDEX, weights={"title": 3, "body": 1},
                       default_language="none", language_override=TEXT_LANGUAGE_OVERRIDE),
            IndexModel([("link_lists.read_also.url", ASCENDING)], name="read_also_url"),
            IndexModel([("link_lists.related.url", ASCENDING)], name="related_url"),
            IndexModel([("tags", ASCENDING)], name="tags"),
            IndexModel([("section", ASCENDING)], name="section"),
        ])
        self.snapshots_coll.create_indexes([
            IndexModel([("site", ASCENDING), ("list", ASCENDING), ("observed_at", DESCENDING)],
                       name="site_list_observed"),
        ])
        self.runs_coll.create_indexes([
            IndexModel([("run_id", ASCENDING)], name="run_id_unique", unique=True),
            IndexModel([("started_at", DESCENDING)], name="started"),
        ])
        self.article_versions.create_indexes([
            # Unique so a batch retried after a failed write cannot archive the same version twice.
            IndexModel([("url", ASCENDING), ("version", DESCENDING)], name="url_version", unique=True),
        ])

    def _drop_stale_text_index(self) -> None:
        """A collection has at most one text index, and MongoDB refuses to re-create one with other options:
        an index from an older release (reading `language` as the override) is dropped and rebuilt."""
        for name, info in self.articles.index_information().items():
            is_text = any(kind == TEXT for _, kind in info.get("key", []))
            if is_text and (name != TEXT_INDEX or info.get("language_override") != TEXT_LANGUAGE_OVERRIDE
                            or info.get("default_language") != "none"):
                self.articles.drop_index(name)

    @_guarded
    def ping(self) -> None:
        self.client.admin.command("ping")

    def close(self) -> None:
        self.client.close()

    # -- articles ---------------------------------------------------------------------------------------

    @_guarded
    def upsert_articles(self, batch: Iterable[dict], run_id: str | None = None) -> UpsertCounts:
        articles = last_wins(batch)
        if not articles:
            return UpsertCounts()
        now = utc_now()
        for doc in articles.values():
            doc.update(content_hash=content_hash(doc["title"], doc["body"]), last_seen=now, run_id=run_id)
            _check_size(doc)
        counts, raced = self._upsert(articles, now, run_id, guard_new=True)
        if raced:
            # Another writer stored these URLs between this batch's read and its write: decided again from
            # what that writer stored (an update or unchanged), never replacing its document.
            again, _ = self._upsert({url: articles[url] for url in raced}, now, run_id, guard_new=False)
            counts.new -= len(raced)
            counts.add(again)
        return counts

    def _upsert(self, articles: dict[str, dict], now: datetime, run_id: str | None,
                guard_new: bool) -> tuple[UpsertCounts, list[str]]:
        """One read of what is stored, then one unordered bulk write. A new article is written whole (a
        replacement costs the server less than a $set of every field, measured on mongoeco), with a filter
        that no stored article matches: if another writer stored the URL after this read, the upsert meets
        the unique url index and fails alone (E11000; the server retries such upserts itself only for plain
        equality filters) instead of replacing that writer's document. Those URLs are returned for a second
        decision, where one that is absent again (deleted meanwhile) is simply upserted. A changed article
        is $set, never replaced: fields that others added to the stored document (an analyst's label)
        survive a re-crawl."""
        counts = UpsertCounts()
        existing = {d["url"]: d for d in self.articles.find({"url": {"$in": list(articles)}}, _EXISTING)}
        ops: list[ReplaceOne | UpdateOne] = []
        guarded: dict[int, str] = {}
        changed: list[str] = []
        for url, doc in articles.items():
            old = existing.get(url)
            if old is None:
                counts.new += 1
                match: dict[str, Any] = {"url": url}
                if guard_new:
                    guarded[len(ops)] = url
                    match["first_seen"] = {"$exists": False}  # every article this store wrote has one
                ops.append(ReplaceOne(match, doc | {"first_seen": now, "version": 1}, upsert=True))
            elif old.get("content_hash") != doc["content_hash"]:
                counts.updated += 1
                changed.append(url)
                # upsert: an article deleted since the read is written again, never dropped.
                ops.append(UpdateOne({"url": url}, {"$set": doc | {"version": (old.get("version") or 1) + 1}},
                                     upsert=True))
            else:
                counts.unchanged += 1
                unchanged = {"last_seen": now, "run_id": run_id, "link_lists": doc["link_lists"],
                             "pages_missing": doc["pages_missing"]}
                if doc["archive"] is not None:  # a re-crawl without --archive keeps the old pointer
                    unchanged["archive"] = doc["archive"]
                ops.append(UpdateOne({"url": url}, {"$set": unchanged}, upsert=True))
        if changed:  # first, so a failed update never loses the old text
            versions = [archived_version(old, now)
                        for old in self.articles.find({"url": {"$in": changed}}, _SUPERSEDED)]
            if versions:
                self._archive(versions)
        # Unordered: the server may apply the batch's writes in any order (urls are unique within a batch).
        try:
            self._for_writes(self.articles).bulk_write(ops, ordered=False)
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if (not errors or exc.details.get("writeConcernErrors")
                    or any(e.get("code") != _DUPLICATE_KEY or e.get("index") not in guarded for e in errors)):
                raise
            return counts, [guarded[e["index"]] for e in errors]
        return counts, []

    def _for_writes(self, collection: Any) -> Any:
        """`collection` with ARTICLE_WRITE_CONCERN, unless MONGODB_URI sets a write concern of its own."""
        if self.client.write_concern.document:
            return collection
        return collection.with_options(write_concern=ARTICLE_WRITE_CONCERN)

    def _archive(self, versions: list[dict]) -> None:
        try:
            self._for_writes(self.article_versions).insert_many(versions, ordered=False)
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if any(e.get("code") != _DUPLICATE_KEY for e in errors):
                raise

    @_guarded
    def get(self, url: str) -> dict | None:
        doc = self.articles.find_one({"url": check_str(url, "url")}, {"_id": 0})
        return None if doc is None else _article_out(doc)

    @_guarded
    def versions(self, url: str) -> list[dict]:
        projection = {"_id": 0, **{name: 1 for name in VERSION_FIELDS}}
        cursor = self.article_versions.find({"url": check_str(url, "url")}, projection)
        return list(cursor.sort([("version", DESCENDING)]))

    # -- queries ----------------------------------------------------------------------------------------

    def _filter(self, site=None, since=None, until=None, text=None, section=None, tag=None,
                author=None) -> dict | None:
        """The find filter; user values land as typed operands, never as operators. None = no match."""
        query: dict[str, Any] = {}
        for name, value in (("site", site), ("section", section)):
            if check_str(value, name) is not None:
                query[name] = value
        published: dict[str, datetime | None] = {}
        if since is not None:
            published["$gte"] = to_utc(since, "since")
        if until is not None:
            published["$lt"] = to_utc(until, "until")
        if published:
            query["published_at"] = published
        if check_str(tag, "tag") is not None:
            query["tags"] = {"$regex": f"^{_escape(tag)}$", "$options": "i"}
        if check_str(author, "author") is not None:
            query["authors"] = {"$regex": _escape(author), "$options": "i"}
        if check_str(text, "text") is not None and text.strip():
            tokens = text_tokens(text)
            if not tokens:
                return None
            query["$text"] = {"$search": quoted_search(tokens)}
        return query

    def query(self, site: str | None = None, since: datetime | None = None, until: datetime | None = None,
              text: str | None = None, section: str | None = None, tag: str | None = None,
              author: str | None = None, limit: int | None = None, sort: str = "newest") -> Iterator[dict]:
        sort, limit = check_sort(sort), _wire_limit(check_limit(limit))
        query = self._filter(site, since, until, text, section, tag, author)
        if query is None or limit == 0:  # pymongo reads limit 0 as "no limit"
            return iter(())
        if sort == "relevance" and "$text" not in query:
            sort = "newest"
        # No projection with $text: mongoeco mis-projects text results; _id is dropped in Python instead.
        projection = None if "$text" in query else {"_id": 0}
        cursor = self.articles.find(query, projection, batch_size=_BATCH).sort(_SORTS[sort])
        if limit is not None:
            cursor = cursor.limit(limit)
        return self._iterate(cursor, _article_out)

    @_guarded
    def _iterate(self, cursor: Iterable[dict], convert: Callable[[dict], dict]) -> Iterator[dict]:
        """Documents as the cursor hands them over, batch by batch: memory stays flat."""
        try:
            for doc in cursor:
                yield convert(doc)
        finally:
            close = getattr(cursor, "close", None)
            if close is not None:
                close()

    @_guarded
    def count(self, **filters: Any) -> int:
        query = self._filter(**count_filters(filters))
        if query is None:
            return 0
        if "$text" not in query:
            return self.articles.count_documents(query)
        try:
            result = list(self.articles.aggregate([{"$match": query}, {"$count": "n"}]))
        except OperationFailure:
            # mongoeco accepts $text only in find(); MongoDB never takes this path.
            return sum(1 for _ in self.articles.find(query, {"_id": 1}, batch_size=_BATCH))
        return result[0]["n"] if result else 0

    @_guarded
    def known_urls(self, site: str) -> dict[str, datetime]:
        # An article stored with pages missing is not "known": the next run fetches it again.
        cursor = self.articles.find({"site": check_str(site, "site"), "pages_missing": None},
                                    {"_id": 0, "url": 1, "last_seen": 1}, batch_size=_BATCH)
        return {doc["url"]: doc.get("last_seen") for doc in cursor}

    # -- link graph -------------------------------------------------------------------------------------

    @_guarded
    def links_to(self, url: str) -> list[dict]:
        url = check_str(url, "url")
        query = {"$or": [{"link_lists.read_also.url": url}, {"link_lists.related.url": url}]}
        cursor = self.articles.find(query, _LINK_FIELDS).sort(
            [("published_at", DESCENDING), ("url", ASCENDING)])
        rows = []
        for doc in cursor:
            ranks: dict[str, int] = {}
            for edge in edges_of(doc):
                if edge["target"] == url:
                    ranks.setdefault(edge["list"], edge["rank"])
            for name, rank in ranks.items():
                rows.append({"url": doc["url"], "title": doc.get("title"), "site": doc.get("site"),
                             "published_at": doc.get("published_at"), "list": name, "rank": rank})
        return rows

    @_guarded
    def graph_edges(self, site: str | None = None) -> Iterator[dict]:
        query: dict[str, Any] = {"$or": _LINKED}
        if check_str(site, "site") is not None:
            query["site"] = site
        for doc in self.articles.find(query, _LINK_FIELDS, batch_size=_BATCH).sort([("url", ASCENDING)]):
            for edge in edges_of(doc):
                yield {"source": doc["url"], "source_title": doc.get("title"), "target": edge["target"],
                       "target_title": edge["title"], "list": edge["list"], "rank": edge["rank"]}

    # -- snapshots --------------------------------------------------------------------------------------

    @_guarded
    def add_snapshots(self, batch: Iterable[dict]) -> int:
        snapshots = sorted((prepare_snapshot(s) for s in batch), key=lambda s: s["observed_at"])
        latest: dict[tuple[str, str], dict | None] = {}
        ops: list[InsertOne | UpdateOne] = []
        new = 0
        for snap in snapshots:
            key = (snap["site"], snap["list"])
            if key not in latest:  # one lookup per (site, list) in the batch, not per snapshot
                latest[key] = self.snapshots_coll.find_one(
                    {"site": key[0], "list": key[1]}, sort=[("observed_at", DESCENDING), ("_id", DESCENDING)]
                )
            previous = latest[key]
            if previous is not None and same_entries(previous["entries"], snap["entries"]):
                previous["last_observed_at"] = max(previous["last_observed_at"], snap["last_observed_at"])
                ops.append(UpdateOne({"_id": previous["_id"]}, {
                    "$max": {"last_observed_at": snap["last_observed_at"]}, "$inc": {"observations": 1}}))
            else:
                snap["_id"] = ObjectId()  # known before the write: later merges in this batch target it
                latest[key] = dict(snap)
                ops.append(InsertOne(snap))
                new += 1
        if ops:
            self.snapshots_coll.bulk_write(ops, ordered=True)
        return new

    def _window(self, site: str, list_name: str, since: Any, until: Any) -> dict:
        """Snapshots whose observed span [observed_at, last_observed_at] overlaps [since, until)."""
        query: dict[str, Any] = {"site": check_str(site, "site"), "list": check_str(list_name, "list_name")}
        if since is not None:
            query["last_observed_at"] = {"$gte": to_utc(since, "since")}
        if until is not None:
            query["observed_at"] = {"$lt": to_utc(until, "until")}
        return query

    @_guarded
    def snapshots(self, site: str, list_name: str, since: datetime | None = None,
                  until: datetime | None = None) -> list[dict]:
        projection = {"_id": 0, **{name: 1 for name in SNAPSHOT_FIELDS}}
        cursor = self.snapshots_coll.find(self._window(site, list_name, since, until), projection)
        return list(cursor.sort([("observed_at", DESCENDING), ("_id", DESCENDING)]))

    @_guarded
    def popular(self, site: str, list_name: str = "popular", since: datetime | None = None,
                until: datetime | None = None, limit: int | None = None) -> list[dict]:
        limit = _wire_limit(check_limit(limit))
        pipeline: list[dict[str, Any]] = [
            {"$match": self._window(site, list_name, since, until)},
            {"$sort": {"observed_at": ASCENDING, "_id": ASCENDING}},  # so $last picks the latest title
            {"$unwind": {"path": "$entries", "includeArrayIndex": "position"}},
            {"$group": {
                "_id": "$entries.url",
                "title": {"$last": "$entries.title"},
                "appearances": {"$sum": "$observations"},
                "best_position": {"$min": "$position"},
                "first_seen": {"$min": "$observed_at"},
                "last_seen": {"$max": "$last_observed_at"},
                "score": {"$sum": {"$divide": ["$observations", {"$add": ["$position", 1]}]}},
            }},
            {"$sort": {"appearances": DESCENDING, "best_position": ASCENDING, "last_seen": DESCENDING,
                       "_id": ASCENDING}},
        ]
        if limit == 0:
            return []
        if limit is not None:
            pipeline.append({"$limit": limit})
        return [
            {"url": d["_id"], "title": d.get("title"), "appearances": d["appearances"],
             "best_rank": int(d["best_position"]) + 1, "first_seen": d["first_seen"],
             "last_seen": d["last_seen"],
             "score": round(float(d["score"]), 4)}
            for d in self.snapshots_coll.aggregate(pipeline)
        ]

    # -- runs -------------------------------------------------------------------------------------------

    @_guarded
    def save_run(self, run: dict) -> None:
        doc = safe_keys(prepare_run(run))
        # replace_one, not $set: nested keys are never read as update paths.
        self.runs_coll.replace_one({"run_id": doc["run_id"]}, doc, upsert=True)

    @_guarded
    def runs(self, limit: int | None = 20, site: str | None = None) -> list[dict]:
        limit = _wire_limit(check_limit(limit))
        if limit == 0:
            return []
        query = {} if check_str(site, "site") is None else {"site": site}
        cursor = self.runs_coll.find(query, {"_id": 0}).sort(
            [("started_at", DESCENDING), ("run_id", DESCENDING)])
        return list(cursor.limit(limit or 0))


def _wire_limit(limit: int | None) -> int | None:
    """A limit no collection can reach is no limit: servers differ on how large a limit they accept
    (mongoeco stops at int32), and a count beyond 2**31 documents is not a query anyone runs."""
    return None if limit is not None and limit > _MAX_WIRE_LIMIT else limit


def _escape(text: str) -> str:
    """A literal for a MongoDB regex; re.escape's output is valid PCRE too. MongoDB refuses a pattern
    holding a NUL byte, so NUL is written as PCRE's \\x00 escape."""
    return re.escape(text).replace("\x00", "\\x00")
