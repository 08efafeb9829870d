"""The printed-date fast path reads every line it accepts exactly as the general path (normalisation,
`_plain_date`, dateparser) reads it, and declines what it cannot read."""

from datetime import UTC, datetime

import pytest

from newscrawler.extract import dates
from newscrawler.extract.dates import DateNormalizer, DateParseError

NOWS = [
    datetime(2026, 7, 24, 5, 7, 33, 123456, tzinfo=UTC),
    datetime(2024, 3, 31, 1, 0, tzinfo=UTC),  # month arithmetic at a month's end: 31 Mar - 1 month
    datetime(2024, 2, 29, 20, 30, tzinfo=UTC),  # a leap day, and a WIB wall clock on the next day
]

LINES = [
    "Jum'at, 24 Juli 2026 | 07:08 WIB", "Kamis, 02 Nov 2023 20:59 WIB", "Senin, 16 Okt 2023 09:15 WIB",
    "Rabu, 09 Agu 2023 14:02", "Jumat, 01 Des 2023 06:30 WIB", "Kompas.com - 24/07/2026, 11:32 WIB",
    "Tayang: Senin, 4 Mei 2020 04:25 WIB", "Diterbitkan 24 Juli 2026, 10:15 WIB", "Jumat, 24 Juli 2026 15:18 WITA",
    "24 Juli 2026 | 11.32 WIB", "Jum'at, 24 Juli 2026 - 13:39 WIB", "Sabtu, 17 Ags 2024 10:00", "17 Agt. 2024",
    "Selasa, 3 Sept 2024 | 08:00 WIB", "Update: Minggu, 19 Jan 2025 21:45 WIB", "July 24, 2026 08:10",
    "July. 24, 2026", "24 July 2026 08:10:05 WIB", "Jumat, 24 Juli 2026", "Kamis, 23 Juli 2026 pukul 19.05 WIB",
    "Kamis, 23 Juli 2026 pkl.19.05", "23 Juli 2026 pukul19.05", "24 Juli 2026 -13:39", "24 Juli 2026 , 11:32",
    "24/07/2026 - 11:32 WIB", "Rabu (6/3/2024)", "Mon, July 24, 2026", "24 Juli 2026 11.32.05",
    "- 24 Juli 2026 |", "24 Mei 2026 GMT+8 10:00", "31 Februari 2024 10:00", "24 Foo 2026", "24 Juli 2026 25:00",
    "5 menit yang lalu", "2 jam lalu", "3 hari yang lalu", "1 minggu yang lalu", "1 bulan yang lalu",
    "2 tahun yang lalu", "30 detik yang lalu", "5 minutes ago", "2 Jam Yang Lalu", "kemarin", "Kemarin WITA",
    "hari ini", "today", "yesterday", "1000 hari yang lalu",
]


def _general(line: str, now: datetime, monkeypatch) -> datetime | str:
    with monkeypatch.context() as patch:
        patch.setattr(dates, "_fast_printed", lambda *_: None)
        return _read(line, now)


def _read(line: str, now: datetime) -> datetime | str:
    try:
        return DateNormalizer().parse_printed(line, now)
    except DateParseError as exc:
        return f"error: {exc}"


@pytest.mark.parametrize("now", NOWS, ids=lambda n: n.isoformat())
@pytest.mark.parametrize("line", LINES)
def test_fast_path_reads_like_the_general_path(line, now, monkeypatch):
    fast = _read(line, now)
    general = _general(line, now, monkeypatch)
    assert fast == general
    if isinstance(fast, datetime):
        assert fast.utcoffset() == general.utcoffset()  # the same zone, not just the same instant


@pytest.mark.parametrize(
    "line",
    ["Jum'at, 24 Juli 2026 | 07:08", "24/07/2026, 11:32", "24 Juli 2026 | 11.32",
     "Kamis, 02 Nov 2023 20:59", "July 24, 2026 08:10", "5 menit yang lalu", "kemarin"],
)
def test_portal_shapes_take_the_fast_path(line):
    """The portals' own shapes never reach dateparser (that is the point of the fast path)."""
    assert dates._fast_printed(line, dates.WIB, NOWS[0]) is not None


@pytest.mark.parametrize("line", ["Mon, July 24, 2026", "31 Februari 2024", "24 Juli 2026 11.32.05", "July. 24, 2026",
                                  "24 Juli 2026 -13:39"])
def test_unusual_lines_are_left_to_the_general_path(line):
    assert dates._fast_printed(line, dates.WIB, NOWS[0]) is None
