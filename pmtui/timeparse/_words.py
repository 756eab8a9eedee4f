"""Shared pieces of the time grammar: the error type, names, zones, calendar.

Month names are English, full or abbreviated to three letters (``sept`` too).
Weekday names are English, full or abbreviated (``mon``, ``tue``/``tues``,
``wed``, ``thu``/``thur``/``thurs``, ``fri``, ``sat``, ``sun``). Matching is
case-insensitive everywhere.
"""

from __future__ import annotations

import re
from datetime import date

import pendulum
from pendulum.tz.exceptions import InvalidTimezone
from pendulum.tz.timezone import Timezone


class TimeParseError(ValueError):
    """Text that is not a time, date or duration we can read.

    ``str(error)`` is one sentence a facilitator can act on: what was typed,
    and what would be understood instead.
    """


MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}

MONTH_ABBR = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _alternation(words: dict[str, int]) -> str:
    # Longest first, so "september" is tried before "sep".
    return "|".join(sorted(words, key=len, reverse=True))


MONTH_RE = rf"(?:{_alternation(MONTHS)})"
WEEKDAY_RE = rf"(?:{_alternation(WEEKDAYS)})"

# A date written with slashes (18/11, 11/18/2026): day/month or month/day?
SLASH_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?=\s|$)")
SLASH_HINT = (
    "'{typed}' is ambiguous (day/month or month/day?): write the month as a "
    "word or use year-month-day, e.g. 18 Nov or 2026-11-18."
)


def zone(tz: str) -> Timezone:
    """The IANA zone ``tz``; a TimeParseError names it when it is unknown."""
    try:
        return pendulum.timezone(tz)
    except (InvalidTimezone, ValueError) as exc:
        raise TimeParseError(
            f"Unknown time zone '{tz}': use an IANA name such as Europe/Berlin or UTC."
        ) from exc


def calendar_date(year: int, month: int, day: int, typed: str) -> date:
    """``date(year, month, day)``, or a TimeParseError quoting ``typed``."""
    if not 1 <= month <= 12:
        raise TimeParseError(f"'{typed}' is not a date: there is no month {month}.")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise TimeParseError(
            f"'{typed}' is not a date: {MONTH_ABBR[month - 1]} {year} has no day {day}."
        ) from exc


def format_day(d: date, *, with_year: bool) -> str:
    """``Fri 4 Dec`` (``Fri 4 Dec 2026`` with the year)."""
    text = f"{WEEKDAY_ABBR[d.weekday()]} {d.day} {MONTH_ABBR[d.month - 1]}"
    return f"{text} {d.year}" if with_year else text
