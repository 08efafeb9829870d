"""One time zone story: stored UTC instants shown in WIB, or in NEWSCRAWLER_TZ, everywhere people look."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newscrawler import timezone as tz
from newscrawler.cli import output

from crawlkit import run_cli

INSTANT = datetime(2025, 3, 6, 1, 5, tzinfo=UTC)


def test_default_is_wib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSCRAWLER_TZ", raising=False)
    assert tz.display_zone().key == "Asia/Jakarta"
    assert tz.show(INSTANT) == "2025-03-06 08:05 WIB"
    assert tz.to_display(INSTANT).isoformat() == "2025-03-06T08:05:00+07:00"
    assert tz.to_display(INSTANT) == INSTANT  # the same instant, only shown differently


@pytest.mark.parametrize("name, shown", [
    ("Asia/Makassar", "2025-03-06 09:05 WITA"),
    ("Asia/Jayapura", "2025-03-06 10:05 WIT"),
    ("UTC", "2025-03-06 01:05 UTC"),
    ("America/Sao_Paulo", "2025-03-05 22:05 UTC-03:00"),
])
def test_newscrawler_tz_changes_the_display(monkeypatch: pytest.MonkeyPatch, name: str, shown: str) -> None:
    monkeypatch.setenv("NEWSCRAWLER_TZ", name)
    assert tz.show(INSTANT) == shown
    assert output.wib(INSTANT) == shown  # the CLI's tables


@pytest.mark.parametrize("name", ["Mars/Olympus", "WIB", "../etc/passwd", "+07:00"])
def test_bad_names_are_a_clear_error(name: str) -> None:
    with pytest.raises(tz.BadTimeZone, match="NEWSCRAWLER_TZ"):
        tz.display_zone(name)


def test_naive_values_are_taken_as_utc() -> None:
    assert tz.Clock(ZoneInfo("Asia/Jakarta")).short(datetime(2025, 3, 6, 1, 5)) == "2025-03-06 08:05 WIB"
    assert tz.Clock(ZoneInfo("Asia/Jakarta")).short(None) == ""


def test_day_start_is_midnight_in_the_display_zone() -> None:
    clock = tz.Clock(ZoneInfo("Asia/Jakarta"))
    assert clock.day_start(date(2025, 3, 6)) == datetime(2025, 3, 5, 17, 0, tzinfo=UTC)


def test_exports_carry_the_display_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    record = {"url": "https://www.suara.com/a", "published_at": INSTANT,
              "modified_at": INSTANT.astimezone(timezone(timedelta(hours=9)))}
    monkeypatch.delenv("NEWSCRAWLER_TZ", raising=False)
    out = io.StringIO()
    output.write_jsonl([record], out)
    assert json.loads(out.getvalue())["published_at"] == "2025-03-06T08:05:00+07:00"
    monkeypatch.setenv("NEWSCRAWLER_TZ", "Asia/Makassar")
    out = io.StringIO()
    output.write_csv([record], out, fields=("url", "published_at", "modified_at"))
    assert out.getvalue().splitlines()[1] == "https://www.suara.com/a,2025-03-06T09:05:00+08:00,2025-03-06T09:05:00+08:00"


def test_convert_wall_time() -> None:
    jakarta, utc = ZoneInfo("Asia/Jakarta"), ZoneInfo("UTC")
    assert tz.convert_wall_time(5, 30, jakarta, utc) == (22, 30)
    assert tz.convert_wall_time(5, 30, jakarta, jakarta) == (5, 30)
    # a zone with daylight saving: the same WIB time is an hour apart in winter and summer
    berlin = ZoneInfo("Europe/Berlin")
    assert tz.convert_wall_time(5, 30, jakarta, berlin, on=date(2026, 1, 15)) == (23, 30)
    assert tz.convert_wall_time(5, 30, jakarta, berlin, on=date(2026, 7, 15)) == (0, 30)


def test_web_reader_uses_the_shared_zone() -> None:
    from newscrawler.web import reader

    assert reader.Clock is tz.Clock and reader.display_zone is tz.display_zone


def test_cli_bad_zone_is_one_line_exit_2(tmp_path: Path) -> None:
    done = run_cli(["runs"], tmp_path, {"NEWSCRAWLER_TZ": "Mars/Olympus", "NEWSCRAWLER_DB": str(tmp_path / "x.db")})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "NEWSCRAWLER_TZ='Mars/Olympus'" in done.stderr


def test_cli_tables_follow_newscrawler_tz(tmp_path: Path) -> None:
    from newscrawler.store import open_store

    db = tmp_path / "z.db"
    store = open_store(path=str(db), must_exist=False)
    try:
        store.save_run({"run_id": "r1", "site": "suara.com", "started_at": "2025-03-06T01:05:00+00:00",
                          "finished_at": "2025-03-06T01:06:00+00:00", "finish_reason": "finished"})
    finally:
        store.close()
    wib = run_cli(["runs"], tmp_path, {"NEWSCRAWLER_DB": str(db)})
    assert wib.returncode == 0, wib.stderr
    assert "2025-03-06 08:05 WIB" in wib.stdout
    wita = run_cli(["runs", "--json"], tmp_path, {"NEWSCRAWLER_DB": str(db), "NEWSCRAWLER_TZ": "Asia/Makassar"})
    assert json.loads(wita.stdout)[0]["started_at"] == "2025-03-06T09:05:00+08:00"
