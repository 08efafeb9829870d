"""The on-disk spool: records the store could not take wait here as JSON Lines until `replay()`.

One file per flush, named `<UTC time>-<kind>-<run_id>-<random>.jsonl` so names sort chronologically. The first
line is a header (`{"spool": 1, "kind", "run_id", "written_at"}`), every further line one record. Files appear
atomically (written under a dot-name, then os.replace): a crash mid-write never leaves half a file to replay.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newscrawler.store.base import StoreError, StoreUnavailable
from newscrawler.store.common import encodable, prepare_article, prepare_run, prepare_snapshot
from newscrawler.store.writes import describe, write_records

logger = logging.getLogger(__name__)

KINDS = ("articles", "snapshots", "runs")
SPOOL_VERSION = 1
#: Validation that decides whether a line is a record or quarantine material.
_CHECKS: dict[str, Callable[[dict], Any]] = {
    "articles": prepare_article,
    "snapshots": prepare_snapshot,
    "runs": prepare_run,
}
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"cannot spool a {type(value).__name__}")


def _dumps(value: Any) -> str:
    # encodable: a lone surrogate would make the file unwritable as UTF-8 and lose the whole batch.
    return json.dumps(encodable(value), ensure_ascii=False, default=_default)


class Spool:
    """Append-only JSON Lines files under `directory`; `bad/` holds lines that could not be replayed."""

    def __init__(self, directory: str | os.PathLike = "data/spool") -> None:
        self.directory = Path(directory)
        self.bad_directory = self.directory / "bad"

    def files(self) -> list[Path]:
        """Spooled files, oldest first."""
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.glob("*.jsonl") if p.is_file())

    def append(self, kind: str, records: list[dict], run_id: str | None = None) -> Path | None:
        """Write one batch as a new file; returns its path (None for an empty batch)."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if not records:
            return None
        now = datetime.now(UTC)
        header = {"spool": SPOOL_VERSION, "kind": kind, "run_id": run_id, "written_at": now.isoformat()}
        safe_run = _UNSAFE.sub("_", run_id or "norun")[:80]
        name = f"{now:%Y%m%dT%H%M%S%fZ}-{kind}-{safe_run}-{uuid.uuid4().hex[:8]}"
        lines = [_dumps(header)] + [_dumps(record) for record in records]
        return self._write_atomic(self.directory / f"{name}.jsonl", lines)

    @staticmethod
    def _write_atomic(path: Path, lines: list[str]) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
            fh.flush()
            os.fsync(fh.fileno())  # the records must survive the crash that made us spool them
        os.replace(tmp, path)
        return path

    def pending(self) -> int:
        """Records waiting to be replayed (header lines not counted)."""
        total = 0
        for path in self.files():
            with path.open(encoding="utf-8", errors="replace") as fh:
                total += sum(1 for line in fh if line.strip())
            total -= 1 if self._header(path) is not None else 0
        return total

    @staticmethod
    def _header(path: Path) -> dict | None:
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline()
        try:
            header = json.loads(first)
        except ValueError:
            return None
        return header if isinstance(header, dict) and "spool" in header else None

    def replay(self, store) -> dict[str, int]:
        """Store every spooled record, oldest file first; a file is deleted only once its records are stored.

        Stops at the first StoreUnavailable and re-raises it: that file and all later ones stay as they are.
        Lines that are not valid records, and records the store refuses one by one, go to `bad/` instead of
        blocking the spool forever.
        """
        counts = {"files": 0, "articles": 0, "snapshots": 0, "runs": 0, "bad": 0}
        for path in self.files():
            kind, run_id, records, bad = self._read(path)
            refused = self._store(store, kind, records, run_id)
            records = [r for r in records if not any(r is refused_record for refused_record in refused)]
            bad += [_dumps(r) for r in refused]
            if bad:
                self._quarantine(path, bad)
            path.unlink()
            counts["files"] += 1
            counts[kind] += len(records)
            counts["bad"] += len(bad)
        return counts

    def _read(self, path: Path) -> tuple[str, str | None, list[dict], list[str]]:
        header = self._header(path)
        # A damaged header still leaves the kind readable from the file name.
        kind = header.get("kind") if header else next((k for k in KINDS if f"-{k}-" in path.name), "articles")
        run_id = header.get("run_id") if header else None
        records, bad = [], []
        with path.open(encoding="utf-8", errors="replace") as fh:
            lines = [line.rstrip("\n") for line in fh if line.strip()]
        for line in lines[1:] if header else lines:
            record = self._parse(kind, line)
            if record is None:
                bad.append(line)
            else:
                records.append(record)
        return kind, run_id, records, bad

    @staticmethod
    def _parse(kind: str, line: str) -> dict | None:
        try:
            record = json.loads(line)
            _CHECKS[kind](record)
        except (ValueError, StoreError, TypeError, KeyError):
            return None
        return record

    @staticmethod
    def _store(store, kind: str, records: list[dict], run_id: str | None) -> list[dict]:
        """Stores the records; returns those the store refused on their own."""
        try:
            result = write_records(store, kind, records, run_id)
        except StoreUnavailable:
            logger.warning("spool replay stopped: store unavailable; remaining files are kept")
            raise
        for record, reason in result.rejected:
            logger.warning("spool: the store refused %s (moved to bad/): %s", describe(record), reason)
        return [record for record, _ in result.rejected]

    def _quarantine(self, path: Path, lines: list[str]) -> Path:
        logger.warning("spool: %d unreadable line(s) in %s moved to %s", len(lines), path.name,
                       self.bad_directory)
        return self._write_atomic(self.bad_directory / path.name, lines)

    def reject(self, kind: str, rejected: list[tuple[dict, str]], run_id: str | None = None) -> Path | None:
        """Keep records the store refused on their own in `bad/`, each with the store's reason, so a refusal
        is counted and inspectable rather than gone. Not replayed: the store would refuse them again."""
        if not rejected:
            return None
        now = datetime.now(UTC)
        name = f"{now:%Y%m%dT%H%M%S%fZ}-{kind}-{_UNSAFE.sub('_', run_id or 'norun')[:80]}-{uuid.uuid4().hex[:8]}"
        lines = [_dumps({"rejected": reason, "record": record}) for record, reason in rejected]
        return self._write_atomic(self.bad_directory / f"{name}.jsonl", lines)
