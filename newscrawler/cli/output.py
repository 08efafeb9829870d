"""Rendering stored records for people (tables) and programs (JSON, JSON Lines, CSV)."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO, Any

from newscrawler.timezone import Clock

FORMATS = ("table", "json", "jsonl", "csv")
CSV_FIELDS = (
    "url", "site", "section", "title", "authors", "published_at", "modified_at", "tags", "description",
    "image_url", "language", "pages", "dateline", "body", "crawled_at", "first_seen", "last_seen", "version",
)


def jsonable(value: Any) -> Any:
    """Datetimes as ISO 8601 with the display zone's offset (WIB unless NEWSCRAWLER_TZ); containers recursively."""
    if isinstance(value, datetime):
        return Clock.default().iso(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items() if k != "_id"}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def wib(value: Any) -> str:
    """A table cell for an instant, in the display zone (named wib for its default)."""
    if isinstance(value, datetime):
        return Clock.default().short(value)
    return "" if value is None else str(value)


def write_json(records: Iterable[dict], out: IO[str]) -> int:
    """A JSON array written record by record, so memory stays flat."""
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(jsonable(record), ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(jsonable(record), ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_cell(value: Any) -> Any:
    value = jsonable(value)
    if isinstance(value, list):
        return "; ".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(records: Iterable[dict], out: IO[str], fields: Iterable[str] = CSV_FIELDS) -> int:
    fields = list(fields)
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow({f: _csv_cell(record.get(f)) for f in fields})
        n += 1
    return n


def _truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def table(rows: list[list[str]], headers: list[str], out: IO[str], flex: int = 0) -> None:
    """A plain aligned table; column `flex` shrinks to fit the terminal."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    total = shutil.get_terminal_size((160, 24)).columns
    spare = total - (sum(widths) - widths[flex]) - 2 * (len(widths) - 1)
    widths[flex] = max(40, min(widths[flex], spare))
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = [_truncate(c, w).ljust(w) for c, w in zip(row, widths, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")


def article_rows(records: Iterable[dict]) -> Iterator[list[str]]:
    for r in records:
        yield [r.get("title") or "", r.get("site") or "", wib(r.get("published_at")), r.get("url") or ""]


#: The link-lists companion of a CSV export (FILE.links.csv): one row per list entry.
LINK_FIELDS = ("source_url", "list", "rank", "target_url", "target_title")


def tee_link_lists(records: Iterable[dict], out: IO[str]) -> Iterator[dict]:
    """`records` unchanged, while each one's link lists are written to `out` as CSV rows (LINK_FIELDS)."""
    writer = csv.DictWriter(out, fieldnames=list(LINK_FIELDS))
    writer.writeheader()
    for record in records:
        for name, entries in (record.get("link_lists") or {}).items():
            for rank, entry in enumerate(entries or [], 1):
                writer.writerow({"source_url": record.get("url"), "list": name, "rank": rank,
                                 "target_url": entry.get("url"), "target_title": entry.get("title")})
        yield record


def parquet_schema() -> Any:
    """Article columns with their Parquet types: instants as UTC timestamps, lists as lists, link lists as
    a list of {list, rank, url, title} structs (a tidy shape pandas and DuckDB read directly)."""
    import pyarrow as pa

    when = pa.timestamp("us", tz="UTC")
    text, texts = pa.string(), pa.list_(pa.string())
    link = pa.struct([("list", text), ("rank", pa.int32()), ("url", text), ("title", text)])
    types = {"authors": texts, "tags": texts, "pages": pa.int64(), "version": pa.int64(), "link_lists": pa.list_(link),
             **{name: when for name in ("published_at", "modified_at", "crawled_at", "first_seen", "last_seen")}}
    return pa.schema([(name, types.get(name, text)) for name in (*CSV_FIELDS, "link_lists")])


def _parquet_row(record: dict) -> dict:
    row = {name: record.get(name) for name in (*CSV_FIELDS, "link_lists")}
    row["link_lists"] = [{"list": name, "rank": rank, "url": e.get("url"), "title": e.get("title")}
                         for name, entries in (record.get("link_lists") or {}).items()
                         for rank, e in enumerate(entries or [], 1)]
    return row


def write_parquet(records: Iterable[dict], path: str, batch: int = 2000) -> int:
    """Articles to a Parquet file, `batch` rows per row group, so memory stays bounded."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict] = []
        for record in records:
            rows.append(_parquet_row(record))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count, rows = count + len(rows), []
        if rows or not count:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
