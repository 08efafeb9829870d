"""Batch writes that cost at most the bad record: shared by the store pipeline and spool replay."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newscrawler.store.base import Store, StoreError, StoreUnavailable, UpsertCounts


@dataclass
class WriteResult:
    """What one batch did: article counts, snapshots added, and the records the store refused."""

    counts: UpsertCounts = field(default_factory=UpsertCounts)
    snapshots_new: int = 0
    stored: int = 0
    rejected: list[tuple[dict, str]] = field(default_factory=list)


def _write_one_batch(store: Store, kind: str, records: list[dict], run_id: str | None, result: WriteResult) -> None:
    if kind == "articles":
        result.counts.add(store.upsert_articles(records, run_id=run_id))
    elif kind == "snapshots":
        result.snapshots_new += store.add_snapshots(records)
    else:
        for run in records:
            store.save_run(run)
    result.stored += len(records)


def write_records(store: Store, kind: str, records: list[dict], run_id: str | None = None) -> WriteResult:
    """Write `records` as one batch; if the store refuses the batch, write them one at a time so only the
    records it refuses on their own are lost (returned in `rejected` with the reason).

    StoreUnavailable is not a refusal: it propagates, and the caller spools the whole batch (upserts are
    idempotent, so records written before the outage are written again harmlessly on replay).
    """
    result = WriteResult()
    if not records:
        return result
    try:
        _write_one_batch(store, kind, records, run_id, result)
        return result
    except StoreUnavailable:
        raise
    except StoreError as exc:
        if len(records) == 1:
            result.rejected.append((records[0], str(exc)))
            return result
    for record in records:
        try:
            _write_one_batch(store, kind, [record], run_id, result)
        except StoreUnavailable:
            raise
        except StoreError as exc:
            result.rejected.append((record, str(exc)))
    return result


def describe(record: dict[str, Any]) -> str:
    """How a rejected record is named in logs: its URL, or its list and site for a snapshot."""
    return str(record.get("url") or record.get("run_id") or f"{record.get('site')}/{record.get('list')}")
