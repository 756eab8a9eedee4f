"""Values as a report shows them: times in the post-mortem's zone, durations
in words (exact, never rounded), numbers with separators. No clock reads."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

NONE = "—"


def zone_of(name: str) -> tuple[tzinfo, str]:
    """The post-mortem's zone and its name; UTC when the name is unknown."""
    try:
        return ZoneInfo(name), name
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return UTC, "UTC"


def is_utc(zone: tzinfo) -> bool:
    return zone is UTC or getattr(zone, "key", None) in ("UTC", "Etc/UTC")


def clock_time(moment: datetime, zone: tzinfo, *, with_date: bool) -> str:
    """``10:02`` (``10:02:30`` when seconds matter), with the date if asked."""
    local = moment.astimezone(zone)
    text = f"{local.hour:02d}:{local.minute:02d}"  # strftime is slow: ~1,000 a report
    if local.second:
        text = f"{text}:{local.second:02d}"
    return (
        f"{local.year}-{local.month:02d}-{local.day:02d} {text}" if with_date else text
    )


def spans_days(moments: Iterable[datetime], zone: tzinfo) -> bool:
    """Whether the moments fall on more than one date in ``zone``."""
    return len({m.astimezone(zone).date() for m in moments}) > 1


def local_date(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d}"


def day(value: date | None) -> str:
    """A date (due dates, review dates) as ISO with the weekday."""
    if value is None:
        return NONE
    return f"{value:%Y-%m-%d} ({value:%a})"


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


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
