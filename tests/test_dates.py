from datetime import UTC, datetime, timedelta, timezone

import pytest

from newscrawler.extract.dates import (
    DATE_LINE_RE,
    WIB,
    WIT,
    WITA,
    ZONES,
    DateNormalizer,
    DateParseError,
    date_from_url,
)

NOW = datetime(2026, 7, 24, 12, 0, tzinfo=WIB)  # Friday, 24 Juli 2026, 12:00 WIB


@pytest.fixture
def dn() -> DateNormalizer:
    return DateNormalizer()


def test_zones():
    assert ZONES == {"WIB": WIB, "WITA": WITA, "WIT": WIT}
    assert [z.utcoffset(None) for z in (WIB, WITA, WIT)] == [timedelta(hours=h) for h in (7, 8, 9)]
    assert issubclass(DateParseError, ValueError)


# -- printed lines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 06 Maret 2025 | 08:05 WIB", "2025-03-06T08:05:00+07:00"),
        ("Jum'at, 24 Juli 2026 | 07:08 WIB", "2026-07-24T07:08:00+07:00"),
        ("Jum’at, 24 Juli 2026 | 07:08 WIB", "2026-07-24T07:08:00+07:00"),
        ("Jumat, 24 Juli 2026 | 07:08 WIB", "2026-07-24T07:08:00+07:00"),
        ("Kamis, 02 Nov 2023 20:59 WIB", "2023-11-02T20:59:00+07:00"),
        ("Kompas.com - 24/07/2026, 11:32 WIB", "2026-07-24T11:32:00+07:00"),
        ("Kompas.com - 05/03/2026, 11:32 WIB", "2026-03-05T11:32:00+07:00"),  # day/month, not month/day
        ("24 Juli 2026 | 11.32 WIB", "2026-07-24T11:32:00+07:00"),
        ("Jum'at, 24 Juli 2026 - 13:39 WIB", "2026-07-24T13:39:00+07:00"),
        ("Senin, 4 Mei 2020 04:25 WIB", "2020-05-04T04:25:00+07:00"),
        ("Minggu, 01 Maret 2026 10:00 WIB", "2026-03-01T10:00:00+07:00"),
        ("Selasa, 3 Februari 2026 09:15", "2026-02-03T09:15:00+07:00"),  # no zone -> WIB
        # prefixes
        ("Diterbitkan 24 Juli 2026, 10:00 WIB", "2026-07-24T10:00:00+07:00"),
        ("Diperbarui 24 Juli 2026, 11:00 WIB", "2026-07-24T11:00:00+07:00"),
        ("Dipublikasikan pada Rabu, 6 Mei 2026 pukul 10.15 WIB", "2026-05-06T10:15:00+07:00"),
        ("Tayang: Senin, 4 Mei 2020 04:25 WIB", "2020-05-04T04:25:00+07:00"),
        ("Update: 24 Juli 2026 09:00", "2026-07-24T09:00:00+07:00"),
        # two labelled dates: the first is the publication
        (
            "Diterbitkan 24 Juli 2026, 10:00 WIB Diperbarui 24 Juli 2026, 11:00 WIB",
            "2026-07-24T10:00:00+07:00",
        ),
        # zones
        ("Jumat, 24 Juli 2026 15:18 WITA", "2026-07-24T15:18:00+08:00"),
        ("Jumat, 24 Juli 2026 15:18 WIT", "2026-07-24T15:18:00+09:00"),
        ("24 Juli 2026 09:00 GMT+7", "2026-07-24T09:00:00+07:00"),
        # English month names (index pages)
        ("July 24, 2026 10:00", "2026-07-24T10:00:00+07:00"),
        ("24 July 2026", "2026-07-24T00:00:00+07:00"),
        ("Friday, 24 July 2026 08:00 WIB", "2026-07-24T08:00:00+07:00"),
        # a selector that also caught a brand before the date
        ("Suara.com Jum'at, 24 Juli 2026 | 07:08 WIB", "2026-07-24T07:08:00+07:00"),
        # an ISO value in a printed slot
        ("2025-03-06 08:05", "2025-03-06T08:05:00+07:00"),
    ],
)
def test_parse_printed(dn, text, expected):
    assert dn.to_iso(dn.parse_printed(text, NOW)) == expected


@pytest.mark.parametrize(
    ("month", "number"),
    [
        ("Jan", 1),
        ("Januari", 1),
        ("Feb", 2),
        ("Februari", 2),
        ("Mar", 3),
        ("Maret", 3),
        ("Apr", 4),
        ("Mei", 5),
        ("Jun", 6),
        ("Juni", 6),
        ("Jul", 7),
        ("Juli", 7),
        ("Agu", 8),
        ("Ags", 8),
        ("Agt", 8),
        ("Agustus", 8),
        ("Sep", 9),
        ("Sept", 9),
        ("September", 9),
        ("Okt", 10),
        ("Oktober", 10),
        ("Nov", 11),
        ("Des", 12),
        ("Desember", 12),
        ("Aug", 8),
        ("Oct", 10),
        ("Dec", 12),
        ("May", 5),
    ],
)
def test_month_spellings(dn, month, number):
    value = dn.parse_printed(f"Senin, 02 {month} 2023 20:59 WIB", NOW)
    assert (value.year, value.month, value.day, value.hour, value.minute) == (2023, number, 2, 20, 59)
    assert value.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 menit yang lalu", NOW - timedelta(minutes=5)),
        ("2 jam yang lalu", NOW - timedelta(hours=2)),
        ("3 hari yang lalu", NOW - timedelta(days=3)),
        ("1 minggu yang lalu", NOW - timedelta(weeks=1)),  # "minggu" = week here, not Sunday
        ("kemarin", NOW - timedelta(days=1)),
        ("baru saja", NOW),
    ],
)
def test_parse_printed_relative(dn, text, expected):
    value = dn.parse_printed(text, NOW)
    assert value == expected
    assert value.utcoffset() == timedelta(hours=7)


def test_relative_base_in_another_zone(dn):
    # `now` given in UTC: the result is still the same instant, shown in WIB.
    value = dn.parse_printed("2 jam yang lalu", NOW.astimezone(UTC))
    assert value == NOW - timedelta(hours=2)
    assert value.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize("text", ["", "   ", "Oleh Budi Santoso", "zzz"])
def test_parse_printed_rejects(dn, text):
    with pytest.raises(DateParseError):
        dn.parse_printed(text, NOW)


# -- machine dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-07-24T07:08:59+07:00", "2026-07-24T07:08:59+07:00"),
        ("2026-07-24T07:08:59.000+07:00", "2026-07-24T07:08:59+07:00"),
        ("2026-07-24T07:08:59+0800", "2026-07-24T07:08:59+08:00"),
        ("2026-07-24T00:08:59Z", "2026-07-24T07:08:59+07:00"),  # same instant, shown in WIB
        ("2026-07-24T00:08:59+00:00", "2026-07-24T07:08:59+07:00"),
        ("2025-03-06 08:05:00", "2025-03-06T08:05:00+07:00"),  # dataLayer articleDate: WIB wall clock
        ("2025-03-06T08:05", "2025-03-06T08:05:00+07:00"),
        ("2026-07-24", "2026-07-24T00:00:00+07:00"),
        ("1698933593", "2023-11-02T20:59:53+07:00"),  # detik d-time
        ("1698933593000", "2023-11-02T20:59:53+07:00"),  # milliseconds
        ("2023-11-02T20-59-53Z", "2023-11-02T20:59:53+07:00"),  # detik trap: WIB wall clock, not UTC
        ("Fri, 24 Jul 2026 07:08:59 +0700", "2026-07-24T07:08:59+07:00"),  # RSS pubDate
    ],
)
def test_parse_instant(dn, text, expected):
    assert dn.to_iso(dn.parse_instant(text)) == expected


def test_parse_instant_keeps_offset_and_instant(dn):
    value = dn.parse_instant("2026-07-24T00:08:59Z")
    assert value.utcoffset() == timedelta(0)
    assert value == datetime(2026, 7, 24, 7, 8, 59, tzinfo=WIB)


def test_parse_instant_default_tz(dn):
    assert dn.parse_instant("2026-07-24 10:00:00", default_tz=WITA).utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize("text", ["", "kemarin", "24 Juli 2026", "2026-13-45T00:00:00"])
def test_parse_instant_rejects(dn, text):
    with pytest.raises(DateParseError):
        dn.parse_instant(text)


# -- validation and output -------------------------------------------------------------------------


def test_validate_future(dn):
    with pytest.raises(DateParseError, match="date 2031-01-01 is in the future"):
        dn.validate(datetime(2031, 1, 1, tzinfo=WIB), NOW)


def test_validate_tolerance(dn):
    assert dn.validate(NOW + timedelta(minutes=59), NOW) == NOW + timedelta(minutes=59)
    with pytest.raises(DateParseError):
        dn.validate(NOW + timedelta(minutes=61), NOW)


def test_validate_too_old(dn):
    with pytest.raises(DateParseError, match="1994-12-31"):
        dn.validate(datetime(1994, 12, 31, tzinfo=WIB), NOW)
    assert dn.validate(datetime(1995, 1, 2, tzinfo=WIB), NOW)


def test_validate_custom_limits():
    dn = DateNormalizer(earliest=datetime(2020, 1, 1, tzinfo=UTC), future_tolerance=timedelta(0))
    with pytest.raises(DateParseError):
        dn.validate(datetime(2019, 6, 1, tzinfo=WIB), NOW)
    with pytest.raises(DateParseError):
        dn.validate(NOW + timedelta(seconds=1), NOW)


@pytest.mark.parametrize(
    ("value", "tz", "expected"),
    [
        (datetime(2025, 3, 6, 8, 5, tzinfo=WIB), None, "2025-03-06T08:05:00+07:00"),
        (datetime(2025, 3, 6, 1, 5, tzinfo=UTC), None, "2025-03-06T08:05:00+07:00"),
        (datetime(2025, 3, 6, 1, 5, tzinfo=UTC), WITA, "2025-03-06T09:05:00+08:00"),
        (datetime(2025, 3, 6, 8, 5, tzinfo=WIT), None, "2025-03-06T08:05:00+09:00"),  # other offsets kept
        (datetime(2025, 3, 6, 8, 5, tzinfo=WITA), WIB, "2025-03-06T08:05:00+08:00"),
        (datetime(2025, 3, 6, 8, 5, 7, 123456, tzinfo=WIB), None, "2025-03-06T08:05:07+07:00"),
    ],
)
def test_to_iso(dn, value, tz, expected):
    assert dn.to_iso(value, tz) == expected


# -- choosing ---------------------------------------------------------------------------------------

SUARA_URL = "https://www.suara.com/news/2026/07/24/070859/judul-berita"


@pytest.mark.parametrize(
    ("candidates", "expected", "raw", "n_errors"),
    [
        # JSON-LD with offset wins over the printed line; raw is the printed text
        (
            [
                ("printed", "Jum'at, 24 Juli 2026 | 07:08 WIB"),
                ("jsonld", "2026-07-24T07:08:59+07:00"),
                ("url", SUARA_URL),
            ],
            "2026-07-24T07:08:59+07:00",
            "Jum'at, 24 Juli 2026 | 07:08 WIB",
            0,
        ),
        # printed beats dataLayer (no zone) and the URL; the localised value on the same minute gives seconds
        (
            [("datalayer", "2026-07-24 07:08:59"), ("printed", "Jum'at, 24 Juli 2026 | 07:08 WIB")],
            "2026-07-24T07:08:59+07:00",
            "Jum'at, 24 Juli 2026 | 07:08 WIB",
            0,
        ),
        (
            [("url", SUARA_URL), ("printed", "Jum'at, 24 Juli 2026 | 07:10 WIB")],
            "2026-07-24T07:10:00+07:00",
            "Jum'at, 24 Juli 2026 | 07:10 WIB",
            0,
        ),
        # detik: the trap in meta pubdate is WIB, consistent with the printed line
        (
            [
                ("meta", "2023-11-02T20-59-53Z"),
                ("printed", "Kamis, 02 Nov 2023 20:59 WIB"),
                ("url", "https://news.detik.com/berita/d-7014123/judul"),
            ],
            "2023-11-02T20:59:53+07:00",
            "Kamis, 02 Nov 2023 20:59 WIB",
            0,
        ),
        # kompas JSON-LD labelled +00:00 although it is WIB wall clock: the printed line exposes it
        (
            [("jsonld", "2026-07-24T11:32:10+00:00"), ("printed", "Kompas.com - 24/07/2026, 11:32 WIB")],
            "2026-07-24T11:32:10+07:00",
            "Kompas.com - 24/07/2026, 11:32 WIB",
            0,
        ),
        # a real UTC instant (kumparan Z) agreeing with the printed line is kept as the instant
        (
            [("jsonld", "2026-07-24T04:32:10Z"), ("printed", "24 Juli 2026 11:32 WIB")],
            "2026-07-24T11:32:10+07:00",
            "24 Juli 2026 11:32 WIB",
            0,
        ),
        # future JSON-LD and an unreadable printed line are skipped and reported
        (
            [
                ("jsonld", "2031-01-01T00:00:00+07:00"),
                ("printed", "zzz"),
                ("datalayer", "2026-07-24 07:08:59"),
            ],
            "2026-07-24T07:08:59+07:00",
            "zzz",
            2,
        ),
        # no printed candidate: raw is the chosen candidate's text
        ([("url", SUARA_URL)], "2026-07-24T07:08:59+07:00", SUARA_URL, 0),
        (
            [("sitemap", "2026-07-24T07:08:59+07:00")],
            "2026-07-24T07:08:59+07:00",
            "2026-07-24T07:08:59+07:00",
            0,
        ),
        # tribun: time[datetime] holds a printed line
        (
            [
                ("meta", "Senin, 4 Mei 2020 04:25 WIB"),
                ("url", "https://www.tribunnews.com/x/2020/05/04/judul"),
            ],
            "2020-05-04T04:25:00+07:00",
            "Senin, 4 Mei 2020 04:25 WIB",
            0,
        ),
        # CNN listing: relative line
        ([("relative", "5 menit yang lalu")], "2026-07-24T11:55:00+07:00", "5 menit yang lalu", 0),
        # WITA printed line keeps its zone
        ([("printed", "Jumat, 24 Juli 2026 09:18 WITA")], "2026-07-24T09:18:00+08:00", None, 0),
        # pre-1995 rejected
        ([("jsonld", "1990-01-01T00:00:00+07:00")], None, None, 1),
    ],
)
def test_choose(dn, candidates, expected, raw, n_errors):
    value, raw_text, errors = dn.choose(candidates, NOW)
    assert (dn.to_iso(value) if value else None) == expected
    if raw is not None:
        assert raw_text == raw
    assert len(errors) == n_errors, errors


def test_choose_nothing(dn):
    assert dn.choose([], NOW) == (None, None, [])
    value, raw, errors = dn.choose([("printed", "zzz"), ("url", "https://news.detik.com/d-1/x")], NOW)
    assert (value, raw) == (None, "zzz")
    assert errors == ["printed: cannot parse date 'zzz'"]


def test_choose_future_message(dn):
    _, _, errors = dn.choose([("jsonld", "2031-01-01T00:00:00+07:00")], NOW)
    assert errors == ["jsonld: date 2031-01-01 is in the future"]


# -- user dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-01", datetime(2025, 3, 1, tzinfo=WIB)),
        ("2025-03-01T10:00", datetime(2025, 3, 1, 10, tzinfo=WIB)),
        ("2025-03-01 10:00", datetime(2025, 3, 1, 10, tzinfo=WIB)),
        ("2025-03-01T10:00:00+00:00", datetime(2025, 3, 1, 10, tzinfo=UTC)),
        ("2025-03-01T10:00:00Z", datetime(2025, 3, 1, 10, tzinfo=UTC)),
        ("30m", NOW - timedelta(minutes=30)),
        ("12h", NOW - timedelta(hours=12)),
        ("2d", NOW - timedelta(days=2)),
        ("1w", NOW - timedelta(weeks=1)),
        ("today", datetime(2026, 7, 24, tzinfo=WIB)),
        ("hari ini", datetime(2026, 7, 24, tzinfo=WIB)),
        ("yesterday", datetime(2026, 7, 23, tzinfo=WIB)),
        ("Kemarin", datetime(2026, 7, 23, tzinfo=WIB)),
    ],
)
def test_parse_user_date(dn, text, expected):
    value = dn.parse_user_date(text, now=NOW)
    assert value == expected
    assert value.tzinfo is not None


def test_parse_user_date_today_uses_tz(dn):
    # 20:00 UTC on the 23rd is already the 24th in WIB.
    now = datetime(2026, 7, 23, 20, 0, tzinfo=UTC)
    assert dn.parse_user_date("today", now=now) == datetime(2026, 7, 24, tzinfo=WIB)
    assert dn.parse_user_date("today", now=now, tz=UTC) == datetime(2026, 7, 23, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "last week", "2025-02-30", "03/01/2025", "5x"])
def test_parse_user_date_rejects(dn, text):
    with pytest.raises(DateParseError) as info:
        dn.parse_user_date(text, now=NOW)
    message = str(info.value)
    assert repr(text) in message and "YYYY-MM-DD" in message and "\n" not in message


# -- dates in URLs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (SUARA_URL, datetime(2026, 7, 24, 7, 8, 59, tzinfo=WIB)),
        (
            "https://jakarta.suara.com/read/2026/07/24/070859/judul",
            datetime(2026, 7, 24, 7, 8, 59, tzinfo=WIB),
        ),
        (
            "https://nasional.kompas.com/read/2026/07/24/11320011/judul",
            datetime(2026, 7, 24, 11, 32, tzinfo=WIB),
        ),
        (
            "https://money.kompas.com/read/2026/07/24/113200126/judul",
            datetime(2026, 7, 24, 11, 32, tzinfo=WIB),
        ),
        # implausible HHMMSS: date only
        ("https://nasional.kompas.com/read/2026/07/24/99320011/judul", datetime(2026, 7, 24, tzinfo=WIB)),
        ("https://www.tribunnews.com/nasional/2020/05/04/judul", datetime(2020, 5, 4, tzinfo=WIB)),
        ("https://news.okezone.com/read/2026/07/24/337/3123456/judul", datetime(2026, 7, 24, tzinfo=WIB)),
        (
            "https://www.cnnindonesia.com/nasional/20260724113200-20-123456/judul",
            datetime(2026, 7, 24, 11, 32, tzinfo=WIB),
        ),
        (
            "https://www.cnbcindonesia.com/news/20260724083015-4-555555/judul",
            datetime(2026, 7, 24, 8, 30, 15, tzinfo=WIB),
        ),
        ("https://news.detik.com/berita/d-7014123/judul", None),
        ("https://www.tempo.co/politik/judul-berita-1234567", None),
        ("https://www.suara.com/news/2026/13/45/070859/judul", None),
        ("", None),
    ],
)
def test_date_from_url(url, expected):
    value = date_from_url(url)
    assert value == expected
    if value is not None:
        assert value.utcoffset() == timedelta(hours=7)


def test_dateparser_never_uses_local_zone(dn, monkeypatch):
    # If dateparser asked for the machine's zone, this would blow up.
    import dateparser.utils

    def boom():
        raise AssertionError("local timezone consulted")

    monkeypatch.setattr(dateparser.utils, "_get_localzone", boom)
    monkeypatch.setattr("dateparser.freshness_date_parser._get_localzone", boom)
    monkeypatch.setattr("dateparser.date_parser._get_localzone", boom)
    monkeypatch.setattr("dateparser.date._get_localzone", boom)
    assert dn.parse_printed("2 jam yang lalu", NOW) == NOW - timedelta(hours=2)
    assert dn.to_iso(dn.parse_printed("24 Juli 2026 | 11.32 WITA", NOW)) == "2026-07-24T11:32:00+08:00"


def test_fixed_offset_zone_equality():
    assert timezone(timedelta(hours=7)) == WIB


# -- real-page date classes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin, 15 Februari 2016, 16:15 WIB | 998 Views", "2016-02-15T16:15:00+07:00"),
        ("Senin, 15 Februari 2016, 16:15 | 998 Views", "2016-02-15T16:15:00+07:00"),  # no zone: WIB
        ("15 Feb 2016 16:15 WIB - Dibaca 12.410 kali", "2016-02-15T16:15:00+07:00"),
        ("Senin, 15 Februari 2016 | 3 Komentar", "2016-02-15T00:00:00+07:00"),
        ("Monday, February 15, 2016 16:15", "2016-02-15T16:15:00+07:00"),
        ("Monday, 15 February 2016 16:15", "2016-02-15T16:15:00+07:00"),
    ],
)
def test_parse_printed_with_trailers_and_english_months(dn, text, expected):
    assert dn.to_iso(dn.parse_printed(text, NOW)) == expected


@pytest.mark.parametrize(
    "candidates",
    [
        [("meta", "2016-02-15"), ("printed", "Senin, 15 Februari 2016, 16:15 WIB")],
        [("jsonld", "2016-02-15T00:00:00+07:00"), ("datalayer", "2016-02-15 16:15:00")],
        [("url", "https://www.tribunnews.com/x/2016/02/15/judul"), ("datalayer", "2016-02-15 16:15:00")],
        [("printed", "Senin, 15 Februari 2016"), ("datalayer", "2016-02-15 16:15:00")],
    ],
)
def test_a_date_only_source_never_beats_one_with_a_time(dn, candidates):
    value, _, errors = dn.choose(candidates, NOW)
    assert errors == []
    assert dn.to_iso(value).startswith("2016-02-15T16:15")


def test_date_only_sources_still_give_the_day_when_nothing_has_a_time(dn):
    value, _, _ = dn.choose([("meta", "2016-02-15"), ("url", "https://www.tribunnews.com/x/2016/02/15/judul")], NOW)
    assert dn.to_iso(value) == "2016-02-15T00:00:00+07:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-11-02T20:59:53Z", "2023-11-02T20:59:53+07:00"),  # detik-family pubdate: WIB despite the Z
        ("2023-11-02T20-59-53Z", "2023-11-02T20:59:53+07:00"),
        ("2023-11-02T20:59:53+00:00", "2023-11-02T20:59:53+07:00"),
        ("2023-11-02T20:59:53+08:00", "2023-11-02T20:59:53+08:00"),  # a real offset is kept
    ],
)
def test_meta_local_pubdate_is_wall_clock(dn, text, expected):
    value, _, _ = dn.choose([("meta_local", text)], NOW)
    assert dn.to_iso(value) == expected


def test_meta_local_pubdate_loses_to_an_explicit_instant(dn):
    value, _, _ = dn.choose([("meta_local", "2023-11-02T20:59:53Z"), ("jsonld", "2023-11-02T21:00:00+07:00")], NOW)
    assert dn.to_iso(value) == "2023-11-02T21:00:00+07:00"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Senin, 15 Februari 2016, 16:15 WIB | 998 Views", "Senin, 15 Februari 2016, 16:15 WIB"),
        ("Diterbitkan Jum'at, 24 Juli 2026 - 13:39 WIB", "Jum'at, 24 Juli 2026 - 13:39 WIB"),
        ("Kompas.com - 24/07/2026, 11:32 WIB", "24/07/2026, 11:32 WIB"),
        ("Monday, February 15, 2016 16:15", "Monday, February 15, 2016 16:15"),
        ("24 Juli 2026 | 11.32 WIB", "24 Juli 2026 | 11.32 WIB"),
        ("Rabu (6/3) kemarin", None),  # a body dateline, not a date line
        ("Piala Dunia 2026 dimulai", None),
    ],
)
def test_date_line_shape(text, found):
    match = DATE_LINE_RE.search(text)
    assert (match.group(0) if match else None) == found


# -- hostile values (issue 7 item 5): rejected with DateParseError, never another exception --------------------


@pytest.mark.parametrize(
    "text",
    [
        "999999999999",  # epoch seconds in the year 33658
        "2025-03-06T08:05:00+25:00",  # no zone is 25 hours off UTC
        "2025-03-06T08:05:00-24:30",
        "2025-03-06T08:05:00+15:00",  # beyond the last real zone (+14:00)
        "2025-03-06 08:05+2500",
    ],
)
def test_parse_instant_rejects_out_of_range_values(dn: DateNormalizer, text: str) -> None:
    with pytest.raises(DateParseError):
        dn.parse_instant(text)


def test_iso_date_with_an_impossible_offset_is_not_reread_as_another_day(dn: DateNormalizer) -> None:
    # dateparser would read "2025-03-06T08:05:00+25:00" as 25 March 2006
    with pytest.raises(DateParseError, match="offset out of range"):
        dn.parse_printed("2025-03-06T08:05:00+25:00", NOW)


def test_real_extreme_offsets_are_kept(dn: DateNormalizer) -> None:
    assert dn.to_iso(dn.parse_instant("2025-03-06T08:05:00+14:00")) == "2025-03-06T08:05:00+14:00"
    assert dn.to_iso(dn.parse_instant("2025-03-06T08:05:00-12:00")) == "2025-03-06T08:05:00-12:00"


def test_choose_skips_hostile_candidates_with_an_error_each(dn: DateNormalizer) -> None:
    candidates = [
        ("jsonld", 12345),  # a JSON number, not text
        ("meta", ["2025-03-06"]),  # a list
        ("meta", {"a": 1}),
        ("meta", "999999999999"),
        ("meta", "2025-03-06T08:05:00+25:00"),
        ("meta", "null"),  # a machine slot with no digit holds no date, not a printed "relative" one
        ("printed", "Kamis, 06 Maret 2025 08:05 WIB"),
    ]
    value, raw, errors = dn.choose(candidates, NOW)
    assert dn.to_iso(value) == "2025-03-06T08:05:00+07:00"
    assert raw == "Kamis, 06 Maret 2025 08:05 WIB"
    assert len(errors) == 6
