"""One time zone story: stored instants are UTC; people see them in the display zone.

The display zone is $NEWSCRAWLER_TZ (an IANA name read by zoneinfo), Asia/Jakarta (WIB) by default, because the
portals publish in WIB. The CLI tables, the exports (ISO 8601 with offset), the web reader and the Python API's
display helpers all go through this module, so they never disagree."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TZ = "Asia/Jakarta"
ENV_VAR = "NEWSCRAWLER_TZ"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class BadTimeZone(ValueError):
    """$NEWSCRAWLER_TZ (or a given name) is not an IANA zone: a one-line usage error."""


def display_zone(name: str | None = None) -> ZoneInfo:
    """The zone times are shown in: `name`, else $NEWSCRAWLER_TZ, else Asia/Jakarta (WIB).

    Raises BadTimeZone naming the setting when it is not an IANA zone name."""
    name = (name or os.environ.get(ENV_VAR) or DEFAULT_TZ).strip()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadTimeZone(f"{ENV_VAR}={name!r} is not an IANA time zone name (e.g. Asia/Jakarta)") from exc


def zone_label(zone: tzinfo, at: datetime | None = None) -> str:
    """What people call the zone: WIB for Asia/Jakarta (tzdata spells it +07), else its abbreviation."""
    when = (at or datetime.now(UTC)).astimezone(zone)
    return Clock(zone).abbreviation(when)


@dataclass(frozen=True)
class Clock:
    """Formats stored UTC instants in the display zone."""

    zone: tzinfo

    @classmethod
    def default(cls) -> Clock:
        return cls(display_zone())

    def local(self, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # stores hand back aware UTC datetimes; a naive one is taken as UTC too
            value = value.replace(tzinfo=UTC)
        return value.astimezone(self.zone)

    def abbreviation(self, value: datetime) -> str:
        name = value.tzname() or ""
        if name and not name.startswith(("+", "-")):
            return name
        # tzdata has no letters for Indonesia's zones; the names every Indonesian reader knows:
        offset = value.utcoffset()
        indonesian = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}
        if getattr(self.zone, "key", "").startswith("Asia/") and offset in indonesian:
            return indonesian[offset]
        text = value.strftime("%z")
        return f"UTC{text[:3]}:{text[3:]}"

    def long(self, value: datetime | None) -> str:
        """`Thu 6 Mar 2025, 08:05 WIB` (English names whatever the machine's locale)."""
        local = self.local(value)
        if local is None:
            return ""
        return (f"{_DAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year}, "
                f"{local:%H:%M} {self.abbreviation(local)}")

    def short(self, value: datetime | None) -> str:
        """`2025-03-06 08:05 WIB`: the CLI's tables."""
        local = self.local(value)
        return "" if local is None else f"{local:%Y-%m-%d %H:%M} {self.abbreviation(local)}"

    def iso(self, value: datetime | None) -> str:
        """ISO 8601 with the display zone's offset: exports and JSON."""
        local = self.local(value)
        return "" if local is None else local.isoformat()

    def today(self) -> date:
        return datetime.now(self.zone).date()

    def day_start(self, day: date) -> datetime:
        """Midnight of `day` in the display zone, as a UTC instant."""
        return datetime.combine(day, time(0), self.zone).astimezone(UTC)


def show(value: datetime | None) -> str:
    """A stored instant for a table cell, in the display zone (Python API display helper)."""
    return Clock.default().short(value)


def to_display(value: datetime | None) -> datetime | None:
    """A stored instant as an aware datetime in the display zone (Python API display helper)."""
    return Clock.default().local(value)


def machine_zone() -> tzinfo:
    """The zone cron and systemd read wall times in on this machine ($TZ or /etc/localtime)."""
    return datetime.now().astimezone().tzinfo or UTC


def convert_wall_time(hour: int, minute: int, source: tzinfo, target: tzinfo,
                      on: date | None = None) -> tuple[int, int]:
    """`hour:minute` on the clocks of `source` as read on the clocks of `target`, today (or `on`).

    Used to turn `schedule --at 05:30` (WIB) into the machine-local time cron fires at. Zones with daylight
    saving shift by an hour across the change; WIB has none, so only the machine's own DST matters."""
    day = on or datetime.now(source).date()
    instant = datetime.combine(day, time(hour, minute), source).astimezone(target)
    return instant.hour, instant.minute
