"""Values as a report shows them: times in the post-mortem's zone, durations
in words (exact, never rounded), numbers with separators. No clock reads.

Dates and times are put together from a table of two-digit numbers: a
report shows about a thousand of them, and ``strftime`` or format specs cost
several times as much (``%a`` would also follow the locale).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo

from pmtui.model import words

NONE = "—"
_TWO = tuple(f"{n:02d}" for n in range(100))
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def zone_of(name: str) -> tuple[tzinfo, str]:
    """The post-mortem's zone and its name; UTC when the name is unknown."""
    if name == "UTC":
        return UTC, name  # zoneinfo (and the sysconfig it reads) not needed
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name), name
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return UTC, "UTC"


def is_utc(zone: tzinfo) -> bool:
    return zone is UTC or getattr(zone, "key", None) in ("UTC", "Etc/UTC")


def clock_time(moment: datetime, zone: tzinfo, *, with_date: bool) -> str:
    """``10:02`` (``10:02:30`` when seconds matter), with the date if asked."""
    return clock_text(moment.astimezone(zone), with_date=with_date)


def clock_text(local: datetime, *, with_date: bool) -> str:
    """:func:`clock_time` of a moment already in the zone it is shown in."""
    text = f"{_TWO[local.hour]}:{_TWO[local.minute]}"
    if local.second:
        text = f"{text}:{_TWO[local.second]}"
    if with_date:
        return f"{local.year}-{_TWO[local.month]}-{_TWO[local.day]} {text}"
    return text


def spans_days(moments: Iterable[datetime], zone: tzinfo | None = None) -> bool:
    """Whether the moments fall on more than one date in ``zone`` (``None``:
    each in its own zone, for moments already converted)."""
    if zone is None:
        return len({m.date() for m in moments}) > 1
    return len({m.astimezone(zone).date() for m in moments}) > 1


def local_date(moment: datetime, zone: tzinfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.year}-{_TWO[local.month]}-{_TWO[local.day]}"


def day(value: date | None) -> str:
    """A date (due dates, review dates) as ISO with the weekday."""
    if value is None:
        return NONE
    iso = f"{value.year}-{_TWO[value.month]}-{_TWO[value.day]}"
    return f"{iso} ({_WEEKDAYS[value.weekday()]})"


def duration(delta: timedelta | None) -> str:
    """``1 hour 5 minutes``; exact to the second; ``not known`` for None."""
    if delta is None:
        return "not known"
    seconds = int(delta.total_seconds())
    if seconds == 0:
        return "0 minutes"
    sign = "minus " if seconds < 0 else ""
    seconds = abs(seconds)
    parts = []
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {unit}{'' if count == 1 else 's'}")
    return sign + " ".join(parts)


def number(value: float) -> str:
    """``12,400``, ``12.5``: grouped, never rounded."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


plural = words.plural  # the report's counts read as the screens' do
