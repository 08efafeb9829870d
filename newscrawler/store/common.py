"""Backend-neutral helpers: turning input dicts into stored records, dates, search tokens, popularity."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import unquote, urlsplit

from newscrawler.items import ARTICLE_FIELDS, ARTICLE_LISTS, CRAWL_FIELDS, LIST_NAMES
from newscrawler.store.base import SORTS, StoreError

#: The sites' own zone; `observed_on` and `published_day` are calendar days in it.
WIB = timezone(timedelta(hours=7), "WIB")
DATE_FIELDS = ("published_at", "modified_at", "crawled_at")
BOOKKEEPING_FIELDS = ("first_seen", "last_seen", "content_hash", "version", "run_id")
#: What `get()` returns: the Article contract plus bookkeeping.
STORED_FIELDS = ARTICLE_FIELDS + BOOKKEEPING_FIELDS + CRAWL_FIELDS
#: What `versions()` returns, newest first.
VERSION_FIELDS = (
    "url", "version", "title", "body", "content_hash", "published_at", "modified_at", "crawled_at",
    "archived_at",
)
SNAPSHOT_FIELDS = (
    "site", "list", "observed_at", "last_observed_at", "observed_on", "observations", "entries", "source_url",
)
RUN_DATE_FIELDS = ("started_at", "finished_at")
FILTER_NAMES = ("site", "since", "until", "text", "section", "tag", "author")

_WORD_RE = re.compile(r"\w+")
#: Both stores keep integers as signed 64-bit (BSON int64, SQLite INTEGER); larger numbers cannot be sent.
MAX_INT64 = 2**63 - 1


def encodable_text(text: str) -> str:
    """`text` as valid Unicode: surrogate pairs joined, lone surrogates (from broken JSON-LD or HTML
    entities) replaced with U+FFFD, so UTF-8 encoders (BSON, SQLite, JSON files) never raise on it."""
    # isascii() reads a flag CPython keeps on every string (no scan): the pipelines already made the text
    # encodable, and prepare_article checks it again, so the common all-ASCII text must cost nothing.
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def encodable(value: Any) -> Any:
    """`encodable_text` applied to every string in a nested structure, dictionary keys included."""
    if isinstance(value, str):
        return encodable_text(value)
    if isinstance(value, Mapping):
        return {encodable(k) if isinstance(k, str) else k: encodable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [encodable(v) for v in value]
    return value


def to_utc(value: Any, field: str = "date") -> datetime | None:
    """An ISO 8601 string or datetime as an aware UTC datetime, whole seconds (both backends agree).

    Naive values are taken as UTC, like MongoDB does; the pipelines always send an offset.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise StoreError(f"{field}: not an ISO 8601 date: {value!r}") from exc
    if not isinstance(value, datetime):
        raise StoreError(f"{field}: expected a datetime or ISO 8601 string, got {type(value).__name__}")
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso_utc(value: datetime | None) -> str | None:
    """The sortable text form SQLite keeps: YYYY-MM-DDTHH:MM:SS+00:00."""
    return None if value is None else value.astimezone(UTC).replace(microsecond=0).isoformat()


def from_iso(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).astimezone(UTC)


def wib_day(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(WIB).strftime("%Y-%m-%d")


def content_hash(title: str | None, body: str | None) -> str:
    """sha256 of "title\nbody", fed piece by piece: no joined copy of a long body is built."""
    digest = hashlib.sha256((title or "").encode())
    digest.update(b"\n")
    digest.update((body or "").encode())
    return digest.hexdigest()


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None and str(v) != ""]


def clean_entries(entries: Any) -> list[dict[str, str | None]]:
    """Link-list entries as [{title, url}], dropping anything without a url."""
    cleaned = []
    for entry in entries or []:
        if isinstance(entry, Mapping) and entry.get("url"):
            cleaned.append({"title": _str_or_none(entry.get("title")), "url": str(entry["url"])})
    return cleaned


def clean_link_lists(value: Any) -> dict[str, list[dict[str, str | None]]]:
    if not isinstance(value, Mapping):
        return {}
    lists = {name: clean_entries(value.get(name)) for name in LIST_NAMES}
    return {name: entries for name, entries in lists.items() if entries}


def _int_or_none(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise StoreError(f"{field}: not an integer: {value!r}") from exc
    if abs(number) > MAX_INT64:
        raise StoreError(f"{field}: {number} does not fit a 64-bit integer")
    return number


def prepare_article(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Contract fields only, typed: UTC datetimes, string lists, clean link lists; unknown keys dropped."""
    if not isinstance(raw, Mapping):
        raise StoreError(f"an article must be a mapping, got {type(raw).__name__}")
    url = raw.get("url")
    if not url or not isinstance(url, str):
        raise StoreError("an article needs a url")
    doc: dict[str, Any] = {name: encodable(raw.get(name)) for name in ARTICLE_FIELDS}
    for name in ("site", "section", "title", "description", "published_at_raw", "language", "image_url",
                 "dateline", "body"):
        doc[name] = _str_or_none(doc[name])
    for name in DATE_FIELDS:
        doc[name] = to_utc(doc[name], name)
    doc["authors"] = _str_list(doc["authors"])
    doc["tags"] = _str_list(doc["tags"])
    doc["pages"] = _int_or_none(doc["pages"], "pages")
    doc["link_lists"] = clean_link_lists(doc["link_lists"])
    missing = _int_or_none(raw.get("pages_missing"), "pages_missing")
    doc["pages_missing"] = missing if missing and missing > 0 else None
    doc["archive"] = _archive_pointer(raw.get("archive"))
    return doc


def _archive_pointer(value: Any, nested: bool = True) -> dict[str, Any] | None:
    """{file, offset, length} of a WARC record (+ `pages`, every page's pointer, for a multi-page article), or
    None; anything else is not a pointer."""
    if not isinstance(value, Mapping) or not isinstance(value.get("file"), str) or not value["file"]:
        return None
    try:
        offset, length = int(value.get("offset", -1)), int(value.get("length", 0))
    except (TypeError, ValueError, OverflowError):
        return None
    if not (0 <= offset <= MAX_INT64 and 0 <= length <= MAX_INT64):
        return None
    pointer: dict[str, Any] = {"file": encodable_text(value["file"]), "offset": offset, "length": length}
    pages = value.get("pages") if nested else None
    if isinstance(pages, list):
        found = [p for p in (_archive_pointer(v, nested=False) for v in pages) if p]
        if len(found) > 1:
            pointer["pages"] = found
    return pointer


def last_wins(batch: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Prepared articles by url; a url repeated in one batch keeps its last occurrence."""
    articles: dict[str, dict[str, Any]] = {}
    for raw in batch:
        doc = prepare_article(raw)
        articles.pop(doc["url"], None)  # re-insert so order follows the last occurrence
        articles[doc["url"]] = doc
    return articles


def archived_version(old: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """The record `versions()` keeps for a superseded article."""
    record = {name: old.get(name) for name in VERSION_FIELDS}
    record["archived_at"] = now
    return record


def prepare_snapshot(raw: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise StoreError(f"a snapshot must be a mapping, got {type(raw).__name__}")
    raw = encodable(raw)
    site, name = raw.get("site"), raw.get("list")
    if not site or not name:
        raise StoreError("a snapshot needs site and list")
    observed = to_utc(raw.get("observed_at"), "observed_at") or utc_now()
    last = to_utc(raw.get("last_observed_at"), "last_observed_at")
    return {
        "site": str(site),
        "list": str(name),
        "observed_at": observed,
        "last_observed_at": max(observed, last) if last else observed,
        "observed_on": wib_day(observed),
        "observations": 1,
        "entries": clean_entries(raw.get("entries")),
        "source_url": _str_or_none(raw.get("source_url")),
    }


def same_entries(a: list[dict], b: list[dict]) -> bool:
    """Identical lists: same urls and titles in the same order."""
    return [(e.get("url"), e.get("title")) for e in a] == [(e.get("url"), e.get("title")) for e in b]


def prepare_run(run: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(run, Mapping) or not run.get("run_id"):
        raise StoreError("a run needs a run_id")
    doc = encodable(dict(run))
    doc["run_id"] = str(doc["run_id"])
    for name in RUN_DATE_FIELDS:
        doc[name] = to_utc(doc.get(name), name)
    return doc


def text_tokens(text: str | None) -> list[str]:
    """The words of a user's search, stripped of every character a query syntax could use."""
    return _WORD_RE.findall(text or "")


def quoted_search(tokens: list[str]) -> str:
    """Each word as its own quoted phrase: AND in both FTS5 and MongoDB $text, never an operator."""
    return " ".join(f'"{token}"' for token in tokens)


def check_str(value: Any, name: str) -> str | None:
    """Filters are plain strings: a dict or list here could only be an attempt to smuggle an operator."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise StoreError(f"{name} must be a string, got {type(value).__name__}")
    return value


def check_sort(sort: str | None) -> str:
    sort = sort or "newest"
    if sort not in SORTS:
        raise StoreError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    return sort


def check_limit(limit: Any) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= MAX_INT64:
        raise StoreError(f"limit must be a whole number from 0 to {MAX_INT64}, not {limit!r}")
    return limit


def count_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """`count()` takes the query filters; limit/sort are accepted and ignored so callers can reuse kwargs."""
    unknown = set(filters) - set(FILTER_NAMES) - {"limit", "sort"}
    if unknown:
        raise StoreError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    return {k: v for k, v in filters.items() if k in FILTER_NAMES}


def mask_uri(uri: str) -> str:
    """scheme://[user:***@]hosts: no password, no path, no options (options can carry secrets too)."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "mongodb://<unparseable uri>"
    hosts = parts.netloc.rsplit("@", 1)[-1]
    user = parts.netloc.rsplit("@", 1)[0].split(":", 1)[0] if "@" in parts.netloc else ""
    auth = f"{user}:***@" if user else ""
    return f"{parts.scheme}://{auth}{hosts}"


def uri_secrets(uri: str | None) -> list[str]:
    """The parts of a connection URI that must never be shown: its password and its whole user-info, raw and
    percent-decoded, plus the query string (options such as `authMechanismProperties` can carry tokens)."""
    if not uri:
        return []
    netloc = uri.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0]
    secrets = []
    if "@" in netloc:
        userinfo = netloc.rsplit("@", 1)[0]
        password = userinfo.split(":", 1)[1] if ":" in userinfo else ""
        secrets += [userinfo, unquote(userinfo), password, unquote(password)]
    query = uri.split("?", 1)[1] if "?" in uri else ""
    secrets += [uri, query]
    # Longest first, so a password inside the user-info is not replaced before the user-info itself.
    return sorted({s for s in secrets if len(s) >= 3}, key=len, reverse=True)


def scrub_secrets(text: str, uri: str | None) -> str:
    """`text` with every secret of `uri` replaced by *** (the whole URI by its masked form)."""
    for secret in uri_secrets(uri):
        text = text.replace(secret, mask_uri(secret) if secret == uri else "***")
    return text


def short_error(exc: BaseException, limit: int = 200) -> str:
    """One line of an exception's message (pymongo's carry a whole topology description)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    for cut in (" (configured timeouts", ", Timeout:", ", full error:"):
        text = text.split(cut, 1)[0]
    return text[:limit]


def edges_of(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """read_also/related links of one article as (target, list, rank, title) rows, rank 1-based."""
    lists = doc.get("link_lists") or {}
    rows = []
    for name in ARTICLE_LISTS:
        for rank, entry in enumerate(lists.get(name) or [], start=1):
            rows.append({"target": entry["url"], "list": name, "rank": rank, "title": entry.get("title")})
    return rows
