"""Showing times and due dates. English names, independent of the locale.

:func:`format_time`:

- The time in the post-mortem's zone ``tz`` with the zone's abbreviation, then
  the same instant in UTC: ``09:04 CET (08:04 UTC)``. Seconds are shown only
  when they are not zero (``09:04:30 CET (08:04:30 UTC)``).
- The day is added when the time's date in ``tz`` differs from ``ref_date``,
  or always when ``ref_date`` is None: ``Wed 18 Nov 09:04 CET (08:04 UTC)``.
  The year is added too when it differs from ``ref_date``'s year.
- The UTC part is left out when ``with_utc`` is False, and when the zone's
  offset at that moment is zero (UTC itself, or London in winter), since it
  would repeat the same clock time.
- Zones without an abbreviation in the tz database show their offset with a
  ``UTC`` prefix: ``06:04 UTC-03 (09:04 UTC)``.
- The UTC part is the clock time only, even when the UTC date is another day.

:func:`format_due`: ``Fri 4 Dec``; with the year when it is not ``today``'s
year: ``Fri 8 Jan 2027``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pendulum
from pendulum import DateTime

from pmtui.timeparse._words import format_day, zone


def _clock(at: DateTime) -> str:
    text = f"{at.hour:02d}:{at.minute:02d}"
    return f"{text}:{at.second:02d}" if at.second else text


def _zone_name(at: DateTime) -> str:
    name = at.tzname() or ""
    if not name or name[0] in "+-":
        offset = at.utcoffset() or timedelta(0)
        sign = "-" if offset < timedelta(0) else "+"
        hours, rest = divmod(abs(int(offset.total_seconds())), 3600)
        name = f"UTC{sign}{hours:02d}" + (f":{rest // 60:02d}" if rest else "")
    return name


def format_time(
    dt: datetime, tz: str, *, with_utc: bool = True, ref_date: date | None = None
) -> str:
    """``09:04 CET (08:04 UTC)``, with the day when it is not ``ref_date``."""
    here = pendulum.instance(dt).in_timezone(zone(tz))
    text = f"{_clock(here)} {_zone_name(here)}"
    if ref_date is None or here.date() != ref_date:
        with_year = ref_date is not None and here.year != ref_date.year
        text = f"{format_day(here.date(), with_year=with_year)} {text}"
    if with_utc and here.utcoffset():
        text = f"{text} ({_clock(here.in_timezone('UTC'))} UTC)"
    return text


def format_due(d: date, *, today: date) -> str:
    """``Fri 4 Dec``, or ``Fri 8 Jan 2027`` outside ``today``'s year."""
    return format_day(d, with_year=d.year != today.year)
