"""Backend-neutral helpers: turning input dicts into stored records, dates, search tokens, popularity."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from newscrawler.items import ARTICLE_FIELDS, ARTICLE_LISTS, LIST_NAMES
from newscrawler.store.base import SORTS, StoreError

#: The sites' own zone; `observed_on` and `published_day` are calendar days in it.
WIB = timezone(timedelta(hours=7), "WIB")
DATE_FIELDS = ("published_at", "modified_at", "crawled_at")
BOOKKEEPING_FIELDS = ("first_seen", "last_seen", "content_hash", "version", "run_id")
#: What `get()` returns: the Article contract plus bookkeeping.
STORED_FIELDS = ARTICLE_FIELDS + BOOKKEEPING_FIELDS
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
    return hashlib.sha256(f"{title or ''}\n{body or ''}".encode()).hexdigest()


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
        return int(value)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{field}: not an integer: {value!r}") from exc


def prepare_article(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Contract fields only, typed: UTC datetimes, string lists, clean link lists; unknown keys dropped."""
    if not isinstance(raw, Mapping):
        raise StoreError(f"an article must be a mapping, got {type(raw).__name__}")
    url = raw.get("url")
    if not url or not isinstance(url, str):
        raise StoreError("an article needs a url")
    doc: dict[str, Any] = {name: raw.get(name) for name in ARTICLE_FIELDS}
    for name in ("site", "section", "title", "description", "published_at_raw", "language", "image_url",
                 "dateline", "body"):
        doc[name] = _str_or_none(doc[name])
    for name in DATE_FIELDS:
        doc[name] = to_utc(doc[name], name)
    doc["authors"] = _str_list(doc["authors"])
    doc["tags"] = _str_list(doc["tags"])
    doc["pages"] = _int_or_none(doc["pages"], "pages")
    doc["link_lists"] = clean_link_lists(doc["link_lists"])
    return doc


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
    doc = dict(run)
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
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise StoreError(f"limit must be a non-negative integer, not {limit!r}")
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
