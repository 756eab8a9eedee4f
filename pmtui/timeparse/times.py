"""Incident times as people type them, read in the post-mortem's time zone.

:func:`parse_time` reads one whole time; :func:`split_leading_time` reads the
time at the start of a timeline quick-add line. Both take the present moment
``now`` as an argument (from the injected clock) and never read the real clock.
Matching is case-insensitive; surrounding spaces are ignored.

Accepted (``tz`` is the post-mortem's IANA zone; the result is in ``tz``):

- ``09:04``, ``9:04``, ``09:04:30``, ``9:04 pm`` (``am``/``pm`` take hours
  1-12): that clock time on ``ref_date``. ``ref_date`` defaults to today in
  ``tz`` (``now``'s date there).
- ``2026-11-18 09:04``, ``2026-11-18T09:04``, ``2026-11-18 09:04:30``.
- ``18 Nov 09:04``, ``Nov 18 09:04``, ``18 Nov 2026 09:04``,
  ``Nov 18, 2026 09:04``, full month names too. Without a year the day is put
  in the year that brings it nearest to ``ref_date`` (so on 3 Jan, ``30 Dec``
  is last December, and on 30 Dec, ``2 Jan`` is next January).
- ``today 09:04`` and ``yesterday 23:50``: relative to ``now``'s date in
  ``tz``, not to ``ref_date``.
- ISO-8601 with an offset or ``Z`` (``2026-11-18T09:04:00+05:30``,
  ``2026-11-18T03:34Z``, also ``2026-11-18 09:04 +05:30``): that exact
  instant, converted to ``tz``.
- ``now``: ``now``, in ``tz``.

Refused, with a TimeParseError saying what to type instead:

- Empty text; anything else unreadable.
- Dates with slashes (``18/11 09:04``): day/month or month/day is ambiguous.
- A date without a time of day (``18 Nov``).
- Impossible clock or calendar values (``25:00``, ``31 Nov 09:00``).
- A clock time that does not exist in ``tz`` because the clocks jump forward
  over it (Europe/Berlin, 2026-03-29 02:30): the message names the zone and
  the time after the jump.

A clock time that happens twice when the clocks go back (Europe/Berlin,
2026-10-25 02:30) means the first occurrence (the earlier instant, still on
summer time). Type an ISO time with an offset for the second one.

Quick-add lines (:func:`split_leading_time`):

- A line starting with any of the forms above returns that time and the rest
  of the line: ``09:11 error-rate alert fired`` -> (09:11, ``error-rate alert
  fired``).
- ``+7m rollback started`` counts from ``previous`` (the event before): the
  offset forms are those of :func:`pmtui.timeparse.durations.parse_offset`
  (``+7m``, ``+1h30m``, ``+90s``, ``+2d``), counted in elapsed time, so an
  offset across a daylight-saving change is real minutes, not wall-clock ones.
  Without ``previous`` it is refused.
- A line with no leading time returns ``(None, line stripped)``.
- A line whose first word looks like a time but is not a valid one
  (``25:00 x``, ``9:7x x``, ``18/11 09:04 x``, ``+7x x``) is refused rather than
  kept as text, so a typo is never silently taken as an event without a time.
- Midnight: a bare clock time is always on ``ref_date``, even when it is more
  than 12 hours before ``previous``; pmtui does not guess that ``00:10`` means
  the next day. Type the date (``19 Nov 00:10``) or an offset (``+20m``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pendulum
from pendulum import DateTime

from pmtui.timeparse._words import (
    MONTH_RE,
    MONTHS,
    SLASH_DATE,
    SLASH_HINT,
    TimeParseError,
    calendar_date,
    zone,
)
from pmtui.timeparse.durations import parse_offset

_HINT = (
    "Try 09:04, 2026-11-18 09:04, 18 Nov 09:04, yesterday 23:50, "
    "an ISO-8601 time, or now."
)
_CLOCK = (
    r"(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
    r"(?:\s*(?P<ampm>am|pm))?"
)
_ISO_INSTANT = (
    r"(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2}[t ][0-9]{2}:[0-9]{2}"
    r"(?::[0-9]{2}(?:[.,][0-9]{1,6})?)?(?:z|\s?[+-][0-9]{2}(?::?[0-9]{2})?))"
)
_DATE = (
    r"(?P<word>today|yesterday)"
    r"|(?P<y>[0-9]{4})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    rf"|(?P<dm_day>[0-9]{{1,2}})\s+(?P<dm_month>{MONTH_RE})\.?"
    r"(?:\s+(?P<dm_year>[0-9]{4}))?"
    rf"|(?P<md_month>{MONTH_RE})\.?\s+(?P<md_day>[0-9]{{1,2}})"
    r"(?:,?\s+(?P<md_year>[0-9]{4}))?,?"
)
_WHEN = rf"(?P<now>now)|{_ISO_INSTANT}|(?:(?:{_DATE})(?:\s+|(?<=[0-9])t))?{_CLOCK}"
_FLAGS = re.IGNORECASE | re.ASCII
_WHOLE = re.compile(rf"(?:{_WHEN})", _FLAGS)
_LEADING = re.compile(rf"(?:{_WHEN})(?=\s|$)", _FLAGS)
_DATE_ONLY = re.compile(rf"(?:{_DATE})", _FLAGS)
_TIME_LIKE = re.compile(
    rf"(?:[0-9]{{1,2}}:|[0-9]{{4}}-[0-9]{{1,2}}-|{SLASH_DATE.pattern}\s+[0-9])",
    _FLAGS,
)


def _nearest_year(day: int, month: int, ref: date, typed: str) -> date:
    """The ``day month`` nearest to ``ref``: last, this or next year's."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return calendar_date(ref.year, month, day, typed)  # raises, naming it
    return min(candidates, key=lambda d: (abs((d - ref).days), d))


def _day(match: re.Match[str], today: date, ref: date, typed: str) -> date:
    """The calendar day a matched time is on."""
    if match["word"]:
        word = match["word"].lower()
        return today if word == "today" else today - timedelta(days=1)
    if match["y"]:
        return calendar_date(int(match["y"]), int(match["mo"]), int(match["d"]), typed)
    if match["dm_month"] or match["md_month"]:
        month = MONTHS[(match["dm_month"] or match["md_month"]).lower()]
        day = int(match["dm_day"] or match["md_day"])
        year = match["dm_year"] or match["md_year"]
        if year:
            return calendar_date(int(year), month, day, typed)
        return _nearest_year(day, month, ref, typed)
    return ref


def _clock(match: re.Match[str], typed: str) -> tuple[int, int, int]:
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise TimeParseError(
                f"'{typed}' is not a time of day: with am/pm the hour goes 1-12."
            )
        hour = hour % 12 + (12 if match["ampm"].lower() == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise TimeParseError(
            f"'{typed}' is not a time of day: use hours 00-23 and minutes 00-59, "
            "e.g. 23:59."
        )
    return hour, minute, second


def _hhmm(at: DateTime) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def _local(day: date, clock: tuple[int, int, int], tz: str) -> DateTime:
    """Wall-clock time in ``tz``: first occurrence in a fold, refused in a gap."""
    hour, minute, second = clock
    at = pendulum.datetime(
        day.year, day.month, day.day, hour, minute, second, tz=zone(tz), fold=0
    )
    if (at.date(), at.hour, at.minute, at.second) != (day, hour, minute, second):
        after = pendulum.datetime(
            day.year, day.month, day.day, hour, minute, second, tz=zone(tz), fold=1
        )
        raise TimeParseError(
            f"{hour:02d}:{minute:02d} on {day.isoformat()} does not exist in {tz}: "
            f"the clocks jump forward over it; did you mean {_hhmm(after)}?"
        )
    return at


def _resolve(
    match: re.Match[str], typed: str, tz: str, now: datetime, ref_date: date | None
) -> DateTime:
    here_now = pendulum.instance(now).in_timezone(zone(tz))
    if match["now"]:
        return here_now
    if match["iso"]:
        try:
            iso = match["iso"].upper().replace(",", ".")
            instant = datetime.fromisoformat(iso[:11] + iso[11:].replace(" ", ""))
            return pendulum.instance(instant).in_timezone(zone(tz))
        except (ValueError, OverflowError) as exc:
            raise TimeParseError(f"Could not read '{typed}'. {_HINT}") from exc
    today = here_now.date()
    day = _day(match, today, ref_date or today, typed)
    return _local(day, _clock(match, typed), tz)


def parse_time(
    text: str, *, tz: str, now: datetime, ref_date: date | None = None
) -> DateTime:
    """An incident time typed by a person, in zone ``tz`` (see module doc)."""
    typed = " ".join(text.split())
    if not typed:
        raise TimeParseError(f"A time is needed here. {_HINT}")
    match = _WHOLE.fullmatch(typed)
    if match is None:
        slash = SLASH_DATE.search(typed)
        if slash:
            raise TimeParseError(SLASH_HINT.format(typed=slash.group()))
        if _DATE_ONLY.fullmatch(typed):
            raise TimeParseError(
                f"'{typed}' needs a time of day too, e.g. {typed} 09:04."
            )
        raise TimeParseError(f"Could not read '{typed}'. {_HINT}")
    return _resolve(match, typed, tz, now, ref_date)


def split_leading_time(
    line: str,
    *,
    tz: str,
    now: datetime,
    ref_date: date | None = None,
    previous: datetime | None = None,
) -> tuple[DateTime | None, str]:
    """``09:11 alert fired`` -> (09:11 on ``ref_date``, ``alert fired``)."""
    text = line.strip()
    first = text.split(maxsplit=1)[0] if text else ""
    if first.startswith("+") and first[1:2].isdigit():
        offset = parse_offset(first)
        assert offset is not None  # it starts with "+"
        if previous is None:
            raise TimeParseError(
                f"{first} needs an earlier event to count from: type a time "
                "such as 09:04 instead."
            )
        start = pendulum.instance(previous).in_timezone("UTC")
        return (start + offset).in_timezone(zone(tz)), text[len(first) :].strip()
    match = _LEADING.match(text)
    if match is not None:
        typed = " ".join(match.group().split())
        at = _resolve(match, typed, tz, now, ref_date)
        return at, text[match.end() :].strip()
    if _TIME_LIKE.match(text):
        slash = SLASH_DATE.match(text)
        if slash:
            raise TimeParseError(SLASH_HINT.format(typed=slash.group()))
        raise TimeParseError(
            f"Could not read the time at the start of '{text}'. Try 09:04, "
            "18 Nov 09:04, +7m or now, then the text."
        )
    return None, text
