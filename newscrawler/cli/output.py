"""Rendering stored records for people (tables) and programs (JSON, JSON Lines, CSV)."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO, Any

from newscrawler.extract.dates import WIB

FORMATS = ("table", "json", "jsonl", "csv")
CSV_FIELDS = (
    "url", "site", "section", "title", "authors", "published_at", "modified_at", "tags", "description",
    "image_url", "language", "pages", "dateline", "body", "crawled_at", "first_seen", "last_seen", "version",
)


def jsonable(value: Any) -> Any:
    """Datetimes as ISO 8601 in WIB (the sites' own zone); containers recursively."""
    if isinstance(value, datetime):
        return value.astimezone(WIB).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items() if k != "_id"}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def wib(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(WIB).strftime("%Y-%m-%d %H:%M WIB")
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
