"""The stores as Python and pandas users expect them (README: "Python and pandas").

`DataStore` wraps a MongoStore or SqliteStore without changing what it stores. On top of the raw Store contract
it takes the CLI's filter spellings (`since="7d"`, site aliases and hostnames), the full search syntax
(newscrawler.store.search), field projection, paging, and pandas frames. Everything else (get, versions,
popular, runs, upserts ...) is the wrapped store's own method, so a DataStore is a Store wherever one is needed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newscrawler.store.base import Store, StoreError
from newscrawler.store.common import DATE_FIELDS, STORED_FIELDS, check_limit
from newscrawler.store.search import count_store, search_store

if TYPE_CHECKING:  # pandas is the optional `data` extra; imported only when a frame is asked for
    import pandas

#: The columns of `link_edges()`: one row per entry of an article's link list.
EDGE_COLUMNS = ("source_url", "list", "rank", "target_url", "target_title")
#: Datetime columns a frame may carry besides the article dates.
_DATETIME_COLUMNS = (*DATE_FIELDS, "first_seen", "last_seen")
#: Filter names whose values are user spellings to normalise.
_FILTERS = ("site", "since", "until", "text", "section", "tag", "author")


def resolve_site(site: str | None) -> str | None:
    """A site key from a key, alias, hostname (`www.suara.com`) or URL; an unknown name is kept as typed
    (lower-case), as stored articles of generic crawls carry their registrable domain."""
    from newscrawler.sites import UnknownSite, get_profile, site_for_host

    if site is None or not str(site).strip():
        return None
    site = str(site).strip().lower()
    try:
        return get_profile(site).key
    except UnknownSite:
        pass
    host = site.split("://", 1)[-1].split("/", 1)[0]
    found = site_for_host(host)
    return found or site


def resolve_date(value: datetime | str | None, name: str) -> datetime | None:
    """A datetime as given, or a CLI spelling ("7d", "2024-05-01", "kemarin") parsed the CLI's way."""
    from newscrawler.extract.dates import DateNormalizer, DateParseError

    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise StoreError(f"{name}: expected a datetime or a date string, not {value!r}")
    try:
        return DateNormalizer().parse_user_date(value)
    except DateParseError as exc:
        raise StoreError(f"{name}: {exc}") from None


def _check_fields(fields: Iterable[str] | None) -> tuple[str, ...] | None:
    if fields is None:
        return None
    if isinstance(fields, str):
        fields = [fields]
    chosen = tuple(dict.fromkeys(fields))
    unknown = [f for f in chosen if f not in STORED_FIELDS]
    if unknown:
        raise StoreError(f"unknown field(s) {', '.join(unknown)}; choose from {', '.join(STORED_FIELDS)}")
    return chosen


def _project(doc: dict, fields: tuple[str, ...] | None) -> dict:
    return doc if fields is None else {name: doc.get(name) for name in fields}


class DataStore:
    """A store with the user-facing query surface; a context manager that closes the store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def raw(self) -> Store:
        """The wrapped MongoStore or SqliteStore."""
        return self._store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def __enter__(self) -> DataStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    def __repr__(self) -> str:
        return f"<DataStore {self._store.kind} {self._store.location}>"

    # -- filters ----------------------------------------------------------------------------------------

    @staticmethod
    def filters(**given: Any) -> dict[str, Any]:
        """The filters in the store's terms: site key, datetimes; `text` stays as typed (full syntax)."""
        unknown = sorted(set(given) - set(_FILTERS))
        if unknown:
            raise StoreError(f"unknown filter(s) {', '.join(unknown)}; filters are {', '.join(_FILTERS)}")
        out = dict(given)
        if "site" in out:
            out["site"] = resolve_site(out["site"])
        for name in ("since", "until"):
            if name in out:
                out[name] = resolve_date(out[name], name)
        return out

    # -- articles ---------------------------------------------------------------------------------------

    def query(self, *, fields: Iterable[str] | None = None, offset: int = 0, limit: int | None = None,
              sort: str = "newest", **filters: Any) -> Iterator[dict]:
        """Matching articles, newest first by default, as dicts of the stored fields (or only `fields`).

        Filters: site (key, alias, hostname), since/until (datetime or "7d", "2024-05-01" ...), text (words,
        "phrases", OR, NOT / -word), section, tag, author. `offset` skips matches, `limit` caps them."""
        chosen = _check_fields(fields)
        offset = check_limit(offset) or 0
        limit = check_limit(limit)
        wanted = self.filters(**filters)
        text = wanted.pop("text", None)
        stop = None if limit is None else offset + limit
        rows = search_store(self._store, text, sort=sort, limit=stop, **wanted)
        if offset:
            rows = itertools.islice(rows, offset, None)
        return (_project(doc, chosen) for doc in rows)

    def count(self, **filters: Any) -> int:
        wanted = self.filters(**filters)
        text = wanted.pop("text", None)
        return count_store(self._store, text, **wanted)

    def pages(self, size: int = 1000, **kwargs: Any) -> Iterator[list[dict]]:
        """`query(**kwargs)` in lists of at most `size` articles, read lazily: for stores too big for memory."""
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise StoreError(f"page size must be a positive integer, not {size!r}")
        rows = self.query(**kwargs)
        while page := list(itertools.islice(rows, size)):
            yield page

    def link_entries(self, lists: Iterable[str] | None = None, **kwargs: Any) -> Iterator[dict]:
        """One dict per link-list entry of the matching articles (EDGE_COLUMNS), in list order (rank 1 first)."""
        wanted = None if lists is None else set([lists] if isinstance(lists, str) else lists)
        for doc in self.query(fields=("url", "link_lists"), **kwargs):
            for name, entries in (doc.get("link_lists") or {}).items():
                if wanted is not None and name not in wanted:
                    continue
                for rank, entry in enumerate(entries or [], 1):
                    yield {"source_url": doc["url"], "list": name, "rank": rank,
                           "target_url": entry.get("url"), "target_title": entry.get("title")}

    # -- pandas -----------------------------------------------------------------------------------------

    def to_dataframe(self, *, edges: bool = False, tz: str | None = None, **kwargs: Any) -> pandas.DataFrame:
        """Matching articles as a DataFrame (one row each; lists stay Python lists), date columns as tz-aware
        datetimes (UTC, or `tz` such as "Asia/Jakarta"). `edges=True` gives `link_edges(...)` instead."""
        if edges:
            return self.link_edges(**kwargs)
        pd = _pandas()
        chosen = _check_fields(kwargs.get("fields"))
        columns = list(chosen or STORED_FIELDS)
        frame = pd.DataFrame.from_records(list(self.query(**kwargs)), columns=columns)
        for name in _DATETIME_COLUMNS:
            if name in frame.columns:
                frame[name] = _datetimes(pd, frame[name], tz)
        return frame

    def link_edges(self, lists: Iterable[str] | None = None, **kwargs: Any) -> pandas.DataFrame:
        """The link lists of the matching articles as a tidy edges frame: source_url, list, rank, target_url,
        target_title (`lists` picks list names such as "read_also")."""
        pd = _pandas()
        kwargs.pop("fields", None)
        frame = pd.DataFrame.from_records(list(self.link_entries(lists, **kwargs)), columns=list(EDGE_COLUMNS))
        frame["rank"] = frame["rank"].astype("int64")
        return frame


def _datetimes(pd: Any, column: Any, tz: str | None) -> Any:
    values = pd.to_datetime(column, utc=True)
    return values.dt.tz_convert(tz) if tz else values


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise StoreError("DataFrames need pandas: pip install 'newscrawler[data]'") from None
    return pandas
