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

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES: dict[str, tzinfo] = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

# Candidate sources, as produced by the extractor and the spider.
MACHINE_SOURCES = ("jsonld", "meta", "sitemap")
PRINTED_SOURCES = ("printed", "relative")
LOCAL_SOURCES = ("datalayer", "url")
_SOURCE_ORDER = {s: i for i, s in enumerate(MACHINE_SOURCES + PRINTED_SOURCES + LOCAL_SOURCES)}


class DateParseError(ValueError):
    """A date that cannot be read, or that is not plausible for a news article."""


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
_DAY_RE = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum['’‘`]?at|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?"
    r"(?=\s*,?\s*\(?\d)",
    re.I,
)

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

# Zones: WIB/WITA/WIT, or an explicit "GMT+7" / "UTC+07:00".
_ZONE_RE = re.compile(r"\b(WITA|WIB|WIT)\b", re.I)
_GMT_RE = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b", re.I)

# Tempo writes "11.32"; a dot-time is 1–2 digits, a dot, 2 digits, not part of a dotted date "24.07.2026".
_DOT_TIME_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_FILLER_RE = re.compile(r"\b(?:pukul|pkl|jam)\b\.?(?=\s*\d{1,2}[:.]\d{2})", re.I)
# Separators between the date and the time: "|", " - ", "–", "•".
_SEPARATOR_RE = re.compile(r"\s*(?:\||•|·|–|—|\s-\s)\s*")

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
        return _Instant(datetime.fromtimestamp(seconds, UTC).astimezone(default_tz), True)
    trap = _DETIK_TRAP_RE.match(s)
    if trap:
        return _Instant(datetime(*map(int, trap.groups()), tzinfo=default_tz), False)
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
            except DateParseError:
                pass
        line = _strip_labels(raw.replace("\xa0", " "))
        zone, line = _pop_zone(line)
        tz = zone or self.default_tz
        line = _normalise_printed(line)
        if not line:
            raise DateParseError(f"cannot parse date {raw!r}")
        value = self._dateparser(line, now, tz)
        if value is None:
            core = _CORE_RE.search(line)
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
        value = dateparser.parse(text, languages=["id", "en"], settings=settings)
        if value is None:
            return None
        return value.replace(tzinfo=tz)

    # -- machine dates ------------------------------------------------------------------------------
    def parse_instant(self, text: str, default_tz: tzinfo | None = None) -> datetime:
        """ISO 8601 (offset kept; none -> default_tz wall clock), epoch seconds, RFC 2822, detik's trap."""
        return _read_instant(text, default_tz or self.default_tz).value

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

        Order: machine instants with an explicit offset (jsonld, meta, sitemap) > printed lines > wall-clock
        dates we had to localise (dataLayer, offset-less machine dates, URL). Returns (date, raw text for
        audit: the printed line if there is one, else the chosen candidate's text, errors of the rejects).
        """
        errors: list[str] = []
        parsed: list[tuple[int, int, int, datetime, str, str]] = []
        printed_raw: str | None = None
        for position, (source, text) in enumerate(candidates):
            text = (text or "").strip()
            if source == "printed" and text and printed_raw is None:
                printed_raw = text
            try:
                read = self._read_candidate(source, text, now)
            except DateParseError as exc:
                errors.append(f"{source}: {exc}")
                continue
            if read is not None:  # a URL without a date is normal, not an error
                parsed.append((read[1], _SOURCE_ORDER.get(source, 99), position, read[0], text, source))
        printed = next((p[3] for p in parsed if p[5] in PRINTED_SOURCES), None)
        ranked: list[tuple[int, int, int, datetime, str]] = []
        for tier, order, position, value, text, source in parsed:
            if tier == 0 and printed is not None:
                # Before validation: a mislabelled offset can push the instant into the future.
                value = _relabel_if_mislabelled(value, printed)
            try:
                value = self.validate(value, now)
            except DateParseError as exc:
                errors.append(f"{source}: {exc}")
                continue
            ranked.append((tier, order, position, value, text))
        if not ranked:
            return None, printed_raw, errors
        ranked.sort(key=lambda r: r[:3])
        tier, _, _, value, text = ranked[0]
        if tier == 1:
            # A printed line has minutes only; a localised machine date on the same minute adds the seconds.
            value = next((r[3] for r in ranked if r[0] == 2 and _same_minute(r[3], value)), value)
        return value, printed_raw if printed_raw is not None else text, errors

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
            if source == "datalayer":
                raise
            # tribun puts the printed line in time[datetime]: read it as printed.
            return self.parse_printed(text, now), 1
        if source == "datalayer":
            return instant.value, 2
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


def _same_minute(a: datetime, b: datetime) -> bool:
    """Same instant to the minute (printed lines carry no seconds)."""
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)
