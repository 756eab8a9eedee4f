"""Calendar days as ISO text (``2026-11-20``) and day numbers, without the
datetime module: the command line lists thousands of dated actions and must
start fast. Pure; ``day_number`` agrees with ``date.toordinal`` (tests check).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Iterable

# days before the first of each month in a common year (index 1 = January)
_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def day_number(iso: str) -> int:
    """``date.fromisoformat(iso).toordinal()`` for a valid ``YYYY-MM-DD``
    (the caller checks validity; the lean cache stores only valid days)."""
    start = _MONTHS.get(iso[:7])
    if start is None:
        year, month = int(iso[:4]), int(iso[5:7])
        y = year - 1
        before = _BEFORE_MONTH[month] + (month > 2 and _leap(year))
        start = _MONTHS[iso[:7]] = y * 365 + y // 4 - y // 100 + y // 400 + before
    return start + int(iso[8:10])


_MONTHS: dict[str, int] = {}  # "YYYY-MM": the day number of the day before its 1st


def day_numbers(days: Iterable[str]) -> list[int]:
    """:func:`day_number` of each day, with no call per day (the command line
    counts days late for hundreds of due dates)."""
    days = list(days)
    for month in {day[:7] for day in days} - _MONTHS.keys():
        day_number(f"{month}-01")  # remembers the month's start
    return [_MONTHS[day[:7]] + int(day[8:10]) for day in days]


def iso_day(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def checked_day(text: str) -> str:
    """``text`` as ``YYYY-MM-DD`` when it is an ISO day (any form
    ``date.fromisoformat`` takes), else "". Imports datetime: for the slow
    path that makes the lean cache, not for reading it."""
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat() if text else ""
    except ValueError:
        return ""
