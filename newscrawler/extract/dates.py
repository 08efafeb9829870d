"""Dates on Indonesian news portals -> timezone-aware datetimes.

Two kinds of input reach us:

* machine dates (JSON-LD, meta tags, sitemaps, dataLayer, epoch attributes) -> `parse_instant`;
* date lines as printed on the page ("Jum'at, 24 Juli 2026 | 07:08 WIB", "5 menit yang lalu")
  -> `parse_printed`.

dateparser does the calendar work. This module only does what dateparser cannot know: Indonesian spellings
it misses (Jum'at, Agt, Ags), the portals' separators and prefixes, tempo's dot-times, the WIB/WITA/WIT zones,
and the detik pubdate trap. The zone is always attached here: dateparser is given an explicit fixed offset and
never asked to look up the machine's local timezone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import dateparser
from dateutil.relativedelta import relativedelta

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES: dict[str, tzinfo] = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

# Candidate sources, as produced by the extractor and the spider.
MACHINE_SOURCES = ("jsonld", "meta", "sitemap")
PRINTED_SOURCES = ("printed", "relative")
#: "meta_local": a meta date whose UTC label is not trusted (detik-family `pubdate` writes WIB wall-clock
#: time with a "Z"); an explicit non-zero offset in it is still kept.
LOCAL_SOURCES = ("meta_local", "datalayer", "url")
_SOURCE_ORDER = {s: i for i, s in enumerate(MACHINE_SOURCES + PRINTED_SOURCES + LOCAL_SOURCES)}


class DateParseError(ValueError):
    """A date that cannot be read, or that is not plausible for a news article."""


class _ImpossibleOffset(DateParseError):
    """A machine date whose UTC offset no zone has (+25:00): the whole date is untrustworthy, not re-read."""


# ---------------------------------------------------------------------------------------------------
# Printed date lines: Indonesian preprocessing
# ---------------------------------------------------------------------------------------------------

# Labels in front of the date ("Diperbarui 24 Juli…", "Tayang: Senin…", "Kompas.com - 24/07/2026…").
_PREFIX_WORDS = r"diterbitkan|diperbarui|dipublikasikan|dipublish|terbit|tayang|update|updated|published|pada"
_PREFIX_RE = re.compile(rf"^\s*(?:(?:{_PREFIX_WORDS})\b\s*:?\s*)+", re.I)
# A brand before a dash: "Kompas.com - ", "Suara.com | ".
_BRAND_PREFIX_RE = re.compile(r"^\s*[\w-]+(?:\.[\w-]+)*\.(?:com|co|id|net)\b\s*[-–—|:]+\s*", re.I)
# A second label later in the line ("… 10:00 WIB Diperbarui …") starts another date: keep the first one.
_LATER_LABEL_RE = re.compile(rf"\s(?:{_PREFIX_WORDS})\b.*$", re.I | re.S)

# Day names are dropped: dateparser would only cross-check them, and a wrong weekday on a page must not
# lose the date. "Minggu" also means "week" ("1 minggu yang lalu"), so a day name is only removed when a
# day number follows it.
_DAY_NAMES = (
    r"senin|selasa|rabu|kamis|jum['’‘`]?at|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)
_DAY_RE = re.compile(rf"\b(?:{_DAY_NAMES})\b\.?(?=\s*,?\s*\(?\d)", re.I)

# Every month spelling seen on the portals -> the English name, which dateparser reads unambiguously.
_MONTHS = {
    "January": ("januari", "jan"),
    "February": ("februari", "pebruari", "feb", "peb"),
    "March": ("maret", "mar"),
    "April": ("april", "apr"),
    "May": ("mei",),
    "June": ("juni", "jun"),
    "July": ("juli", "jul"),
    "August": ("agustus", "agus", "agu", "ags", "agt", "aug"),
    "September": ("september", "sept", "sep"),
    "October": ("oktober", "okt", "oct"),
    "November": ("november", "nopember", "nov", "nop"),
    "December": ("desember", "des", "dec"),
}
_MONTH_LOOKUP = {spelling: english for english, spellings in _MONTHS.items() for spelling in spellings}
_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(_MONTH_LOOKUP, key=len, reverse=True)) + r")\b\.?", re.I)

# A date line as printed anywhere on a page, for finding one without a selector: a day name (optional), a
# day with a month name (Indonesian or English) and a year, or dd/mm/yyyy; then an optional time and zone.
# A cheap filter: only text it matches is handed to dateparser.
_MONTH_ALT = "|".join(sorted(set(_MONTH_LOOKUP) | {m.lower() for m in _MONTHS}, key=len, reverse=True))
_DAY_ALT = (
    r"senin|selasa|rabu|kamis|jum['’‘`]?at|sabtu|minggu|ahad"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_CLOCK = r"(?:pukul\s*|pkl\.?\s*|jam\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:WIB|WITA|WIT|GMT\s*[+-]\s*\d{1,2}))?"
DATE_LINE_RE = re.compile(
    rf"(?:\b(?:{_DAY_ALT})\b\.?,?\s*)?"
    rf"(?:\b\d{{1,2}}\s+(?:{_MONTH_ALT})\b\.?,?\s+(?:19|20)\d{{2}}"
    rf"|\b(?:{_MONTH_ALT})\b\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d{2})"
    rf"(?:\s*(?:,|\||•|·|-|–|—)?\s*{_CLOCK})?",
    re.I,
)
#: A time of day printed on its own, right after a date printed without one.
CLOCK_RE = re.compile(rf"^\s*(?:[,|•·–—-]\s*)?{_CLOCK}", re.I)

# Zones: WIB/WITA/WIT, or an explicit "GMT+7" / "UTC+07:00".
_ZONE_RE = re.compile(r"\b(WITA|WIB|WIT)\b", re.I)
_GMT_RE = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b", re.I)

# Tempo writes "11.32"; a dot-time is 1–2 digits, a dot, 2 digits, not part of a dotted date "24.07.2026".
_DOT_TIME_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_FILLER_RE = re.compile(r"\b(?:pukul|pkl|jam)\b\.?(?=\s*\d{1,2}[:.]\d{2})", re.I)
# Separators between the date and the time: "|", " - ", "–", "•".
_SEPARATOR_RE = re.compile(r"\s*(?:\||•|·|–|—|\s-\s)\s*")
# What portals print after the date on the same line: "| 998 Views", "Dibaca 12.410 kali", "- 3 Komentar".
_TRAILER_RE = re.compile(
    r"(?:\s*[|•·,-]\s*|\s+)(?:dibaca\s+)?\d[\d.,]*\s*(?:x\s*)?"
    r"(?:views?|kali(?:\s+dibaca)?|dibaca|komentar|comments?|shares?)\b.*$",
    re.I | re.S,
)
_TIME_OF_DAY_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")

# Fallback when the whole line does not parse (a selector caught a name or a label with the date):
# take the date-looking core.
_MONTH_NAMES = "|".join(_MONTHS)
_CORE_RE = re.compile(
    rf"\d{{1,2}}\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?(?:[,\s]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:[,\s]+\d{1,2}:\d{2}(?::\d{2})?)?"
    rf"|(?:{_MONTH_NAMES})\s+\d{{1,2}},?\s+\d{{4}}(?:[,\s]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?",
    re.I,
)
_ISO_START_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")

# The shapes most printed lines take once normalised ("06 March 2025 08:05", "March 6, 2025", "24/07/2026,
# 11:32"): read directly, since dateparser costs milliseconds per line; anything else goes to dateparser.
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_MONTHS, start=1)}
_PLAIN_CLOCK = r"(?:,?\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?$"
_PLAIN_RES = (
    re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_NAMES}),?\s+(?P<y>\d{{4}}){_PLAIN_CLOCK}", re.I),
    re.compile(rf"^(?P<mon>{_MONTH_NAMES})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_PLAIN_CLOCK}", re.I),
    re.compile(rf"^(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){_PLAIN_CLOCK}"),
    re.compile(rf"^(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}}){_PLAIN_CLOCK}"),
)


def _plain_date(line: str, tz: tzinfo) -> datetime | None:
    """A normalised printed line in one of the common shapes -> datetime in tz; None for any other."""
    for pattern in _PLAIN_RES:
        match = pattern.match(line)
        if not match:
            continue
        parts = match.groupdict()
        month = _MONTH_NUMBER[parts["mon"].lower()] if parts.get("mon") else int(parts["m"])
        try:
            return datetime(int(parts["y"]), month, int(parts["d"]), int(parts["h"] or 0), int(parts["mi"] or 0),
                            int(parts["s"] or 0), tzinfo=tz)
        except ValueError:
            return None
    return None


# The shapes the portals print (shared/sites.md), read straight from the line before any normalisation: the
# day name, month spelling, separator, "pukul" and dot-time rewrites cost more than the reading itself. Every
# line matched here reads as the normalisation + `_plain_date` would read it; anything else takes that path.
_FAST_SEP = r"(?:,\s*|\s*[|•·–—]\s*|\s+-\s+|\s+)"
_FAST_PRINTED_RE = re.compile(
    r"^[\s,|-]*"
    rf"(?:(?:{_DAY_NAMES})\.?\s*,?\s*(?=\d))?"
    r"(?:(?P<d>\d{1,2})\s+(?P<mon>[^\W\d_]+)(?P<dot>\.?),?\s+(?P<y>\d{4})"
    r"|(?P<mon2>[^\W\d_]+)(?P<dot2>\.?)\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})"
    r"|(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4}))"
    rf"(?:{_FAST_SEP}(?:(?:pukul|pkl|jam)\s+|pkl\.\s*)?"
    r"(?P<h>\d{1,2})(?::(?P<mi>\d{2})(?::(?P<s>\d{2}))?|\.(?P<mi2>\d{2})))?"
    r"[\s,|-]*$",
    re.I,
)
_FAST_MONTHS = {**{english.lower(): english for english in _MONTHS}, **_MONTH_LOOKUP}
# "5 menit yang lalu", "2 jam lalu", "3 days ago"; "kemarin"/"yesterday", "hari ini"/"today": what
# dateparser's relative-time parser reads for these, a relativedelta back from `now`.
_RELATIVE_UNITS = {
    "detik": "seconds", "menit": "minutes", "jam": "hours", "hari": "days", "minggu": "weeks",
    "bulan": "months", "tahun": "years",
    **{unit: unit + "s" for unit in ("second", "minute", "hour", "day", "week", "month", "year")},
    **{unit + "s": unit + "s" for unit in ("second", "minute", "hour", "day", "week", "month", "year")},
}
_FAST_RELATIVE_RE = re.compile(
    rf"^\s*(?P<n>\d{{1,3}})\s+(?P<unit>{'|'.join(sorted(_RELATIVE_UNITS, key=len, reverse=True))})"
    r"\s+(?:(?:yang\s+)?lalu|ago)\s*$"
    r"|^\s*(?P<word>kemarin|yesterday|hari\s+ini|today)\s*$",
    re.I,
)
_RELATIVE_WORDS = {"kemarin": 1, "yesterday": 1, "today": 0}


def _fast_printed(line: str, tz: tzinfo, now: datetime) -> datetime | None:
    """A printed line in one of the portals' shapes (labels, trailer and zone already removed) -> datetime
    in tz; None for anything else, which then goes the general way."""
    match = _FAST_PRINTED_RE.match(line)
    if match:
        return _fast_absolute(match, tz)
    match = _FAST_RELATIVE_RE.match(line)
    if match:
        return _fast_relative(match, tz, now)
    return None


def _fast_absolute(match: re.Match[str], tz: tzinfo) -> datetime | None:
    day, month_name, dot, year = match.group("d", "mon", "dot", "y")
    if day is None:
        day, month_name, dot, year = match.group("d2", "mon2", "dot2", "y2")
    if day is None:
        day, month, year = match.group("d3", "m3", "y3")
    else:
        key = month_name.lower()
        english = _FAST_MONTHS.get(key)
        # Unknown spellings, and a dot after a full English name ("July."), which the general path keeps.
        if english is None or (dot and key not in _MONTH_LOOKUP):
            return None
        month = _MONTH_NUMBER[english.lower()]
    minute = match.group("mi") or match.group("mi2") or 0
    try:
        return datetime(int(year), int(month), int(day), int(match.group("h") or 0), int(minute),
                        int(match.group("s") or 0), tzinfo=tz)
    except ValueError:
        return None  # "31 Februari": the general path reports it


def _fast_relative(match: re.Match[str], tz: tzinfo, now: datetime) -> datetime | None:
    base = _aware(now, UTC).astimezone(tz)
    word = match.group("word")
    if word is not None:
        days = _RELATIVE_WORDS.get(word.lower(), 0)  # "hari ini" with any spacing is today
        return base - relativedelta(days=days)
    delta = relativedelta(**{_RELATIVE_UNITS[match.group("unit").lower()]: int(match.group("n"))})
    try:
        return base - delta
    except (ValueError, OverflowError):
        return None


def _offset_name(tz: tzinfo) -> str:
    """'+0700' for dateparser's TIMEZONE setting: a fixed offset, never 'local'."""
    offset = tz.utcoffset(None) or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _pop_zone(text: str) -> tuple[tzinfo | None, str]:
    """The zone printed in the line (if any) and the line without it."""
    match = _ZONE_RE.search(text)
    if match:
        return ZONES[match.group(1).upper()], _ZONE_RE.sub(" ", text)
    match = _GMT_RE.search(text)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        offset = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
        if offset > _MAX_OFFSET:  # "GMT+99": no zone is that far from UTC
            raise DateParseError(f"UTC offset out of range: {match.group(0)!r}")
        return timezone(sign * offset), _GMT_RE.sub(" ", text)
    return None, text


def _strip_labels(text: str) -> str:
    """Remove "Diperbarui", "Tayang:", "Kompas.com -" in front, and a second dated label behind."""
    previous = None
    while previous != text:  # "Kompas.com - Diperbarui …" has two prefixes
        previous = text
        text = _PREFIX_RE.sub("", text)
        text = _BRAND_PREFIX_RE.sub("", text)
    return _LATER_LABEL_RE.sub("", text)


def _normalise_printed(text: str) -> str:
    """Indonesian date line -> something dateparser reads in any language setting."""
    text = text.replace("\xa0", " ")
    text = _DAY_RE.sub(" ", text)
    text = _MONTH_RE.sub(lambda m: _MONTH_LOOKUP[m.group(1).lower()], text)
    text = _FILLER_RE.sub(" ", text)
    text = _DOT_TIME_RE.sub(r"\1:\2", text)
    text = _SEPARATOR_RE.sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,-|")


# ---------------------------------------------------------------------------------------------------
# Machine dates
# ---------------------------------------------------------------------------------------------------

# detik's meta pubdate "2023-11-02T20-59-53Z": dashes in the time and a Z, yet it is WIB wall-clock time.
_DETIK_TRAP_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2})-(\d{2})-(\d{2})Z?$")
_EPOCH_RE = re.compile(r"^\d{9,13}(?:\.\d+)?$")
# The offset at the end of an ISO 8601 time ("T08:00:00+07:00", "08:00+0700"); real zones span -12:00..+14:00.
_ISO_OFFSET_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*[+-](\d{2}):?(\d{2})$")
_MAX_OFFSET = timedelta(hours=14)
_OFFSET_THEN_Z_RE = re.compile(r"([+-]\d{2}:?\d{2})Z$")


@dataclass(frozen=True)
class _Instant:
    value: datetime
    explicit: bool  # the text itself fixed the instant (offset, Z, epoch); False = wall clock we localised


def _read_instant(text: str, default_tz: tzinfo) -> _Instant:
    s = (text or "").strip()
    if not s:
        raise DateParseError("empty date")
    if _EPOCH_RE.match(s):
        seconds = float(s) / 1000 if len(s.split(".")[0]) == 13 else float(s)  # 13 digits = milliseconds
        try:
            return _Instant(datetime.fromtimestamp(seconds, UTC).astimezone(default_tz), True)
        except (ValueError, OverflowError, OSError):  # "999999999999" is the year 33658
            raise DateParseError(f"epoch out of range: {s!r}") from None
    offset = _ISO_OFFSET_RE.search(s)
    if offset and timedelta(hours=int(offset.group(1)), minutes=int(offset.group(2))) > _MAX_OFFSET:
        raise _ImpossibleOffset(f"UTC offset out of range: {s!r}")
    s = _OFFSET_THEN_Z_RE.sub(r"\1", s)  # merdeka: "2015-06-19T03:40:00+07:00Z", the Z is noise
    trap = _DETIK_TRAP_RE.match(s)
    if trap:
        try:
            return _Instant(datetime(*map(int, trap.groups()), tzinfo=default_tz), False)
        except ValueError:  # "0000-00-00T00-00-00"
            raise DateParseError(f"not a calendar date: {s!r}") from None
    try:
        value = datetime.fromisoformat(s)
    except ValueError:
        value = None
    if value is None:
        try:  # RSS pubDate: "Fri, 24 Jul 2026 07:08:59 +0700"
            value = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            raise DateParseError(f"not a machine date: {s!r}") from None
    if value.tzinfo is None:
        return _Instant(value.replace(tzinfo=default_tz), False)
    # An explicit offset is kept as printed (UTC stays UTC until to_iso presents it).
    return _Instant(value, True)


# ---------------------------------------------------------------------------------------------------
# Dates in article URLs
# ---------------------------------------------------------------------------------------------------

_URL_DATE_RE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/(\d+))?(?=/|$)")
_URL_STAMP_RE = re.compile(r"/((?:19|20)\d{12})-\d+-\d+")  # cnn/cnbc: /{kanal}/YYYYMMDDHHmmss-n-id/slug


def _clock(digits: str) -> time | None:
    """HHMMSS from the first six digits, when they are a real time of day."""
    if len(digits) < 6:
        return None
    hh, mm, ss = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if hh < 24 and mm < 60 and ss < 60:
        return time(hh, mm, ss)
    return None


def date_from_url(url: str) -> datetime | None:
    """Publish date (WIB) carried by an article URL, or None.

    suara `/{kanal}/YYYY/MM/DD/HHMMSS/slug` (also `{city}.suara.com/read/…`), kompas `/read/YYYY/MM/DD/{8–9
    digits}` (HHMMSS first), tribun/okezone `/YYYY/MM/DD/` (date only -> midnight), cnn/cnbc
    `/{kanal}/YYYYMMDDHHmmss-n-id/`.
    """
    parts = urlsplit(url or "")
    path, host = parts.path, (parts.hostname or "").lower()
    stamp = _URL_STAMP_RE.search(path)
    if stamp:
        digits = stamp.group(1)
        try:
            return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=WIB)
        except ValueError:
            pass
    match = _URL_DATE_RE.search(path)
    if not match:
        return None
    year, month, day, digits = match.groups()
    try:
        day_start = datetime(int(year), int(month), int(day), tzinfo=WIB)
    except ValueError:
        return None
    clock = None
    # Six digits after the date are suara's HHMMSS; kompas's 8–9 digit id starts with HHMMSS. Other
    # sites put ids there (okezone's section number), so longer runs are read only on kompas.
    if digits and (len(digits) == 6 or (len(digits) in (8, 9) and host.endswith("kompas.com"))):
        clock = _clock(digits)
    return datetime.combine(day_start.date(), clock, tzinfo=WIB) if clock else day_start


# ---------------------------------------------------------------------------------------------------
# User dates (CLI --since / --until)
# ---------------------------------------------------------------------------------------------------

_USER_RELATIVE_RE = re.compile(r"^(\d+)\s*(m|min|h|d|w)$", re.I)
_USER_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_USER_FORMS = (
    "YYYY-MM-DD, YYYY-MM-DDTHH:MM, 'YYYY-MM-DD HH:MM', ISO 8601 with offset, "
    "30m/12h/2d/1w, today, yesterday, hari ini, kemarin"
)


class DateNormalizer:
    """Reads, validates, chooses and formats article dates. Stateless apart from its settings."""

    def __init__(
        self,
        default_tz: tzinfo = WIB,
        earliest: datetime = datetime(1995, 1, 1, tzinfo=UTC),
        future_tolerance: timedelta = timedelta(hours=1),
    ):
        self.default_tz = default_tz
        self.earliest = earliest
        self.future_tolerance = future_tolerance

    # -- printed lines ------------------------------------------------------------------------------
    def parse_printed(self, text: str, now: datetime) -> datetime:
        """A date line as printed on a page -> aware datetime in the printed zone (WIB when none)."""
        raw = (text or "").strip()
        if not raw:
            raise DateParseError("empty date")
        if _ISO_START_RE.match(raw):  # some "printed" slots hold a machine date (time[datetime])
            try:
                return self.parse_instant(raw, self.default_tz)
            except _ImpossibleOffset:
                raise  # dateparser would read "2025-03-06T08:00+25:00" as some other day
            except DateParseError:
                pass
        line = _TRAILER_RE.sub("", _strip_labels(raw.replace("\xa0", " ")))
        zone, line = _pop_zone(line)
        tz = zone or self.default_tz
        value = _fast_printed(line, tz, now)
        if value is not None:
            return value
        line = _normalise_printed(line)
        if not line:
            raise DateParseError(f"cannot parse date {raw!r}")
        core = _CORE_RE.search(line)
        value = _plain_date(line, tz) or (_plain_date(core.group(0), tz) if core else None)
        if value is None:
            value = self._dateparser(line, now, tz)
        if value is None:
            value = self._dateparser(core.group(0), now, tz) if core else None
        if value is None:
            raise DateParseError(f"cannot parse date {raw!r}")
        return value

    def _dateparser(self, text: str, now: datetime, tz: tzinfo) -> datetime | None:
        # RELATIVE_BASE is `now` as wall-clock time in the printed zone, and TIMEZONE is that zone's fixed
        # offset, so dateparser neither consults the machine's zone nor shifts the result; we attach tz.
        base = _aware(now, UTC).astimezone(tz).replace(tzinfo=None)
        settings = {
            "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": base,
            "TIMEZONE": _offset_name(tz),
            "RETURN_AS_TIMEZONE_AWARE": False,
            # No 'timestamp' parser: a bare number in a printed line is not an epoch.
            "PARSERS": ["relative-time", "absolute-time"],
        }
        try:
            value = dateparser.parse(text, languages=["id", "en"], settings=settings)
        except (ValueError, OverflowError):  # "99999 tahun yang lalu" leaves the calendar
            return None
        if value is None:
            return None
        return value.replace(tzinfo=tz)

    # -- machine dates ------------------------------------------------------------------------------
    def parse_instant(self, text: str, default_tz: tzinfo | None = None) -> datetime:
        """ISO 8601 (offset kept; none -> default_tz wall clock), epoch seconds, RFC 2822, detik's trap."""
        try:
            return _read_instant(text, default_tz or self.default_tz).value
        except DateParseError:
            raise
        except (ValueError, OverflowError) as exc:  # a calendar limit of the datetime module
            raise DateParseError(f"date out of range: {text!r} ({exc})") from None

    # -- checks and output --------------------------------------------------------------------------
    def validate(self, dt: datetime, now: datetime) -> datetime:
        """dt, if it is neither in the future (beyond the tolerance) nor before `earliest`."""
        dt = _aware(dt, self.default_tz)
        if dt > _aware(now, UTC) + self.future_tolerance:
            raise DateParseError(f"date {dt.date().isoformat()} is in the future")
        if dt < self.earliest:
            raise DateParseError(f"date {dt.date().isoformat()} is before {self.earliest.date().isoformat()}")
        return dt

    def to_iso(self, dt: datetime, tz: tzinfo | None = None) -> str:
        """ISO 8601 with seconds and offset; UTC instants shown in `tz` (default WIB), others keep theirs."""
        dt = _aware(dt, self.default_tz)
        if dt.utcoffset() == timedelta(0):
            dt = dt.astimezone(tz or self.default_tz)
        return dt.isoformat(timespec="seconds")

    # -- choosing among candidates ------------------------------------------------------------------
    def choose(
        self, candidates: list[tuple[str, str]], now: datetime
    ) -> tuple[datetime | None, str | None, list[str]]:
        """The most trustworthy valid date among (source, text) candidates.

        Order: a candidate with a time of day beats a date-only one (URL, day-level meta, a printed day),
        whatever its source; then machine instants with an explicit offset (jsonld, meta, sitemap) > printed
        lines > wall-clock dates we had to localise (dataLayer, offset-less machine dates, URL). Returns
        (date, raw text for audit: the printed line if there is one, else the chosen candidate's text, errors
        of the rejects).
        """
        errors: list[str] = []
        parsed: list[tuple[int, int, int, datetime, str, str, bool]] = []
        printed_raw: str | None = None
        for position, (source, text) in enumerate(candidates):
            # Candidates come from pages: a JSON-LD date may be a number, a list or an object.
            text = text.strip() if isinstance(text, str) else ""
            if source == "printed" and text and printed_raw is None:
                printed_raw = text
            try:
                read = self._read_candidate(source, text, now)
            except (ValueError, OverflowError) as exc:  # DateParseError, or a calendar limit met in dateparser
                errors.append(f"{source}: {exc}")
                continue
            if read is not None:  # a URL without a date is normal, not an error
                timed = _has_time(source, text, read[0])
                parsed.append((read[1], _SOURCE_ORDER.get(source, 99), position, read[0], text, source, timed))
        printed = next((p[3] for p in parsed if p[5] in PRINTED_SOURCES and p[6]), None)
        ranked: list[tuple[int, int, int, int, datetime, str]] = []
        for tier, order, position, value, text, source, timed in parsed:
            if tier == 0 and printed is not None:
                # Before validation: a mislabelled offset can push the instant into the future.
                value = _relabel_if_mislabelled(value, printed)
            try:
                value = self.validate(value, now)
            except (DateParseError, OverflowError) as exc:
                errors.append(f"{source}: {exc}")
                continue
            ranked.append((0 if timed else 1, tier, order, position, value, text))
        if not ranked:
            return None, printed_raw, errors
        ranked.sort(key=lambda r: r[:4])
        _, tier, _, _, value, text = ranked[0]
        if tier == 1:
            # A printed line has minutes only; a localised machine date on the same minute adds the seconds.
            value = next((r[4] for r in ranked if r[1] == 2 and _same_minute(r[4], value)), value)
        # For audit, the printed line that says what was chosen: the chosen line itself, else one on the same
        # minute (or day, for a day-only line), else the first printed line.
        agreeing = next((p[4] for p in parsed if p[5] == "printed" and _agrees(p[3], value, p[6])), None)
        raw = text if tier == 1 else agreeing or printed_raw
        return value, raw if raw is not None else text, errors

    def _read_candidate(self, source: str, text: str, now: datetime) -> tuple[datetime, int] | None:
        """(value, tier) with tier 0 = explicit instant, 1 = printed, 2 = localised wall clock."""
        if source == "url":
            value = date_from_url(text)
            return (value, 2) if value else None
        if source in PRINTED_SOURCES:
            return self.parse_printed(text, now), 1
        try:
            instant = _read_instant(text, self.default_tz)
        except DateParseError:
            if source == "datalayer" or not any(c.isdigit() for c in text):
                raise  # a machine slot with no digit at all holds no date ("a", "null", "-")
            # tribun puts the printed line in time[datetime]: read it as printed.
            return self.parse_printed(text, now), 1
        if source == "datalayer":
            return instant.value, 2
        if source == "meta_local" and instant.value.utcoffset() == timedelta(0):
            return instant.value.replace(tzinfo=self.default_tz), 2
        return instant.value, 0 if instant.explicit else 2

    # -- CLI dates ----------------------------------------------------------------------------------
    def parse_user_date(self, text: str, now: datetime | None = None, tz: tzinfo = WIB) -> datetime:
        """--since/--until: a day (start of it in tz), a local time, ISO with offset, 30m/12h/2d/1w ago,
        today/yesterday (hari ini/kemarin)."""
        now = _aware(now or datetime.now(UTC), UTC)
        s = (text or "").strip()
        word = s.lower()
        today = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
        if word in ("today", "hari ini"):
            return today
        if word in ("yesterday", "kemarin"):
            return today - timedelta(days=1)
        if word in ("now", "sekarang"):
            return now
        relative = _USER_RELATIVE_RE.match(word)
        if relative:
            return now - timedelta(**{_USER_UNITS[relative.group(2)]: int(relative.group(1))})
        if _ISO_START_RE.match(s):
            try:
                value = datetime.fromisoformat(s)
            except ValueError:
                value = None
            if value is not None:
                return value if value.tzinfo else value.replace(tzinfo=tz)
        raise DateParseError(f"cannot read date {text!r}; use {_USER_FORMS}")

    def date_from_url(self, url: str) -> datetime | None:
        return date_from_url(url)


def _aware(dt: datetime, assume: tzinfo) -> datetime:
    """Naive datetimes are taken as wall clock in `assume`; comparisons need aware values."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=assume)


def _relabel_if_mislabelled(machine: datetime, printed: datetime) -> datetime:
    """Some CMSs write local wall-clock time with a wrong offset (kompas JSON-LD "+00:00", like detik's Z).

    When the machine value's wall clock equals the printed wall clock but the offsets differ, the label is
    wrong, not the clock: keep the machine's seconds, take the printed zone.
    """
    if machine.utcoffset() == printed.utcoffset():
        return machine
    relabelled = machine.replace(tzinfo=printed.tzinfo)
    return relabelled if _same_minute(relabelled, printed) else machine


_MACHINE_TIME_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}")


def _has_time(source: str, text: str, value: datetime) -> bool:
    """Whether a candidate states a time of day, not just a day (a day-level source reads as midnight)."""
    if value.hour == value.minute == value.second == 0:
        return False  # "2016-02-15", "/2016/02/15/" and "T00:00:00" are all the CMS saying "that day"
    if source in PRINTED_SOURCES:
        return source == "relative" or bool(_TIME_OF_DAY_RE.search(text)) or not _CORE_RE.search(text)
    if source == "url" or _EPOCH_RE.match(text) or _MACHINE_TIME_RE.match(text):
        return True
    return bool(_TIME_OF_DAY_RE.search(text))


def _agrees(printed: datetime, chosen: datetime, timed: bool) -> bool:
    if timed:
        return _same_minute(printed, chosen)
    return printed.date() == chosen.astimezone(printed.tzinfo).date()


def _same_minute(a: datetime, b: datetime) -> bool:
    """Same instant to the minute (printed lines carry no seconds)."""
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)
