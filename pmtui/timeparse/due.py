"""Due dates for action items, as people say them, relative to ``today``.

``today`` is passed in (the injected clock's date in the post-mortem's zone).
Matching is case-insensitive; surrounding and repeated spaces are ignored.
Weeks run Monday to Sunday.

- ``2026-12-04``: that date.
- ``4 Dec``, ``Dec 4``, ``4 December``, ``Dec 4th``: the next 4 Dec on or after
  ``today`` (today itself when it is 4 Dec; ``29 Feb`` waits for a leap year).
  ``4 Dec 2026``, ``Dec 4, 2026``: that date, even if it has passed.
- ``today``, ``tomorrow``.
- ``fri`` / ``friday`` (any weekday, full or short): the next such day strictly
  after today, 1-7 days ahead. On a Friday, ``fri`` is a week later.
- ``next friday``: the Friday of next week (the first Friday after this week's),
  1-13 days ahead: on Friday 20 Nov 2026 it is 27 Nov, on Monday 16 Nov also
  27 Nov, and on Sunday 22 Nov also 27 Nov (Sunday ends the week).
- ``+3d``, ``+2w``, ``+1m`` (months), ``+1y``; ``in 3 days``, ``in 2 weeks``,
  ``in a week``, ``in a month``, ``in one year`` (numbers as digits, ``a``/``an``
  or words one to twelve). Months and years use pendulum's calendar arithmetic:
  from 31 Jan, ``+1m`` is the last day of February (28th, or 29th in a leap
  year); from 29 Feb 2028, ``+1y`` is 28 Feb 2029.
- ``end of week`` / ``eow``: the first Friday on or after today (today when it
  is Friday; next week's Friday on a weekend).
- ``end of month`` / ``eom``: the last day of this month (today on that day).
- ``next week``: Monday of next week. ``next month``: the 1st of next month.

Refused with a TimeParseError listing the accepted forms: anything else,
dates with slashes (day/month or month/day is ambiguous), impossible dates
(``31 Nov``), and empty text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pendulum

from pmtui.timeparse._words import (
    MONTH_RE,
    MONTHS,
    SLASH_DATE,
    SLASH_HINT,
    WEEKDAY_RE,
    WEEKDAYS,
    TimeParseError,
    calendar_date,
)

_HINT = (
    "Try 2026-12-04, 4 Dec, fri, next friday, tomorrow, +2w, in 3 days, "
    "eow, eom, next week or next month."
)
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_UNIT_WORDS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_UNIT_LETTERS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}

_FLAGS = re.IGNORECASE | re.ASCII
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", _FLAGS)
_DAY_MONTH = re.compile(
    rf"(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s(?P<month>{MONTH_RE})\.?"
    r"(?:,?\s(?P<year>[0-9]{4}))?",
    _FLAGS,
)
_MONTH_DAY = re.compile(
    rf"(?P<month>{MONTH_RE})\.?\s(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s(?P<year>[0-9]{4}))?",
    _FLAGS,
)
_WEEKDAY = re.compile(rf"(?P<next>next\s)?(?P<weekday>{WEEKDAY_RE})", _FLAGS)
_PLUS = re.compile(r"\+([0-9]{1,4})([dwmy])", _FLAGS)
_IN = re.compile(
    rf"in\s([0-9]{{1,4}}|{'|'.join(_COUNTS)})\s(day|week|month|year)s?", _FLAGS
)


def _add(today: date, unit: str, amount: int) -> date:
    try:
        moved = pendulum.date(today.year, today.month, today.day).add(**{unit: amount})
    except (ValueError, OverflowError) as exc:
        raise TimeParseError(
            f"{amount} {unit} from {today.isoformat()} is past the calendar's end."
        ) from exc
    return date(moved.year, moved.month, moved.day)


def _day_month(match: re.Match[str], today: date, typed: str) -> date:
    month = MONTHS[match["month"].lower()]
    day = int(match["day"])
    if match["year"]:
        return calendar_date(int(match["year"]), month, day, typed)
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return calendar_date(today.year, month, day, typed)  # no such day: raises


def _named(word: str, today: date) -> date | None:
    """The fixed words: today, tomorrow, eow, eom, next week, next month."""
    monday = today - timedelta(days=today.weekday())
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word in ("eow", "end of week", "end of the week"):
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if word in ("eom", "end of month", "end of the month"):
        return _add(today.replace(day=1), "months", 1) - timedelta(days=1)
    if word == "next week":
        return monday + timedelta(days=7)
    if word == "next month":
        return _add(today.replace(day=1), "months", 1)
    return None


def parse_due(text: str, *, today: date) -> date:
    """A due date as people say it (see the module doc for every form)."""
    typed = " ".join(text.split())
    word = typed.lower()
    if not word:
        raise TimeParseError(f"A due date is needed here. {_HINT}")
    named = _named(word, today)
    if named is not None:
        return named
    if match := _ISO.fullmatch(word):
        year, month, day = (int(part) for part in match.groups())
        return calendar_date(year, month, day, typed)
    if match := _DAY_MONTH.fullmatch(word) or _MONTH_DAY.fullmatch(word):
        return _day_month(match, today, typed)
    if match := _WEEKDAY.fullmatch(word):
        weekday = WEEKDAYS[match["weekday"]]
        if match["next"]:
            next_monday = today + timedelta(days=7 - today.weekday())
            return next_monday + timedelta(days=weekday)
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    if match := _PLUS.fullmatch(word):
        return _add(today, _UNIT_LETTERS[match[2]], int(match[1]))
    if match := _IN.fullmatch(word):
        count = _COUNTS.get(match[1]) or int(match[1])
        return _add(today, _UNIT_WORDS[match[2]], count)
    if slash := SLASH_DATE.search(word):
        raise TimeParseError(SLASH_HINT.format(typed=slash.group()))
    raise TimeParseError(f"Could not read '{typed}' as a due date. {_HINT}")
