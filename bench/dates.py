"""Printed date lines: newscrawler's `DateNormalizer.parse_printed` against plain dateparser.

    .venv/bin/python bench/dates.py [--rounds N]

One line per printed format in shared/sites.md: the median time per parse of ours and of
`dateparser.parse(line, languages=["id"])`, their speed-up, and whether ours returned the expected instant
(the reference column says whether plain dateparser did too). `run()` returns the rows and a summary.
Numbers only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dateparser  # noqa: E402

from newscrawler.extract.dates import DateNormalizer  # noqa: E402

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))
NOW = datetime(2026, 7, 24, 12, 0, tzinfo=WIB)

# (portal or shape, printed line, expected instant)
CASES: list[tuple[str, str, datetime]] = [
    ("suara", "Jum'at, 24 Juli 2026 | 07:08 WIB", datetime(2026, 7, 24, 7, 8, tzinfo=WIB)),
    ("detik", "Kamis, 02 Nov 2023 20:59 WIB", datetime(2023, 11, 2, 20, 59, tzinfo=WIB)),
    ("detik Okt", "Senin, 16 Okt 2023 09:15 WIB", datetime(2023, 10, 16, 9, 15, tzinfo=WIB)),
    ("detik Agu", "Rabu, 09 Agu 2023 14:02 WIB", datetime(2023, 8, 9, 14, 2, tzinfo=WIB)),
    ("detik Des", "Jumat, 01 Des 2023 06:30 WIB", datetime(2023, 12, 1, 6, 30, tzinfo=WIB)),
    ("kompas", "Kompas.com - 24/07/2026, 11:32 WIB", datetime(2026, 7, 24, 11, 32, tzinfo=WIB)),
    ("tribun", "Senin, 4 Mei 2020 04:25 WIB", datetime(2020, 5, 4, 4, 25, tzinfo=WIB)),
    ("tribun Tayang", "Tayang: Senin, 4 Mei 2020 04:25 WIB", datetime(2020, 5, 4, 4, 25, tzinfo=WIB)),
    ("liputan6", "Diterbitkan 24 Juli 2026, 10:15 WIB", datetime(2026, 7, 24, 10, 15, tzinfo=WIB)),
    ("antara", "Jumat, 24 Juli 2026 15:18 WIB", datetime(2026, 7, 24, 15, 18, tzinfo=WIB)),
    ("antara WITA", "Jumat, 24 Juli 2026 15:18 WITA", datetime(2026, 7, 24, 15, 18, tzinfo=WITA)),
    ("antara WIT", "Jumat, 24 Juli 2026 15:18 WIT", datetime(2026, 7, 24, 15, 18, tzinfo=WIT)),
    ("tempo", "24 Juli 2026 | 11.32 WIB", datetime(2026, 7, 24, 11, 32, tzinfo=WIB)),
    ("okezone", "Jum'at, 24 Juli 2026 15:18 WIB", datetime(2026, 7, 24, 15, 18, tzinfo=WIB)),
    ("sindonews", "Jum'at, 24 Juli 2026 - 13:39 WIB", datetime(2026, 7, 24, 13, 39, tzinfo=WIB)),
    ("Ags", "Sabtu, 17 Ags 2024 10:00 WIB", datetime(2024, 8, 17, 10, 0, tzinfo=WIB)),
    ("Agt", "17 Agt 2024 10:00", datetime(2024, 8, 17, 10, 0, tzinfo=WIB)),
    ("Sept", "Selasa, 3 Sept 2024 | 08:00 WIB", datetime(2024, 9, 3, 8, 0, tzinfo=WIB)),
    ("Diperbarui", "Diperbarui 24 Juli 2026, 09:00 WIB", datetime(2026, 7, 24, 9, 0, tzinfo=WIB)),
    ("Update:", "Update: Minggu, 19 Jan 2025 21:45 WIB", datetime(2025, 1, 19, 21, 45, tzinfo=WIB)),
    ("English month", "July 24, 2026 08:10", datetime(2026, 7, 24, 8, 10, tzinfo=WIB)),
    ("English day first", "24 July 2026 08:10 WIB", datetime(2026, 7, 24, 8, 10, tzinfo=WIB)),
    ("date only", "Jumat, 24 Juli 2026", datetime(2026, 7, 24, tzinfo=WIB)),
    ("pukul", "Kamis, 23 Juli 2026 pukul 19.05 WIB", datetime(2026, 7, 23, 19, 5, tzinfo=WIB)),
    ("relative menit", "5 menit yang lalu", NOW - timedelta(minutes=5)),
    ("relative jam", "2 jam yang lalu", NOW - timedelta(hours=2)),
    ("relative hari", "3 hari yang lalu", NOW - timedelta(days=3)),
    ("kemarin", "kemarin", NOW - timedelta(days=1)),
]


def per_call_us(fn: Callable[[], object], rounds: int, calls: int) -> float:
    """Median over rounds of the mean wall time of one call, in microseconds."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        timings.append((time.perf_counter() - start) / calls)
    return statistics.median(timings) * 1e6


def plain(line: str) -> datetime | None:
    return dateparser.parse(line, languages=["id"])


def run(argv: list[str] | None = None) -> dict:
    """The table printed; returns its rows and the summary (what bench/run.py uses)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=40, help="parses per round and line")
    args = parser.parse_args(argv)
    ours = DateNormalizer()
    plain("24 Juli 2026")  # dateparser loads its language data once
    print(f"{'format':<18} {'ours us':>9} {'dateparser us':>14} {'speed-up':>9} {'ours ok':>8} {'dp ok':>6}  line")
    rows = []
    for name, line, expected in CASES:
        mine = per_call_us(lambda line=line: ours.parse_printed(line, NOW), args.rounds, args.calls)
        other = per_call_us(lambda line=line: plain(line), args.rounds, max(1, args.calls // 4))
        try:
            ok = ours.parse_printed(line, NOW) == expected
        except ValueError:
            ok = False
        reference = plain(line)
        # Plain dateparser's wall clock is compared (relative lines count from the machine's clock: unchecked).
        relative = name.startswith(("relative", "kemarin"))
        dp_ok = None if relative else (
            reference is not None and reference.replace(tzinfo=None) == expected.replace(tzinfo=None))
        rows.append({"format": name, "line": line, "ours_us": mine, "dateparser_us": other,
                     "speedup": other / mine, "ours_ok": ok, "dateparser_ok": dp_ok})
        print(f"{name:<18} {mine:9.1f} {other:14.1f} {other / mine:8.1f}x {'yes' if ok else 'NO':>8} "
              f"{'-' if dp_ok is None else 'yes' if dp_ok else 'no':>6}  {line}")
    speedups = [r["speedup"] for r in rows]
    correct = sum(r["ours_ok"] for r in rows)
    slowest = min(rows, key=lambda r: r["speedup"])
    print(f"\nspeed-up: min {min(speedups):.1f}x ({slowest['format']}), median {statistics.median(speedups):.1f}x; "
          f"{correct}/{len(CASES)} lines read correctly by ours")
    return {"rounds": args.rounds, "calls": args.calls, "cases": rows, "speedup_min": min(speedups),
            "speedup_median": statistics.median(speedups), "speedup_max": max(speedups),
            "slowest_format": slowest["format"], "correct": correct, "total": len(CASES),
            "ours_us_median": statistics.median(r["ours_us"] for r in rows),
            "dateparser_us_median": statistics.median(r["dateparser_us"] for r in rows)}


def main(argv: list[str] | None = None) -> int:
    run(argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
