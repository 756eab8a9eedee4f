"""Table tests for pmtui.timeparse: every rule in its module docstrings."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pendulum
import pytest

from pmtui.timeparse import (
    TimeParseError,
    exact_duration,
    format_due,
    format_time,
    humanize_duration,
    parse_due,
    parse_duration,
    parse_offset,
    parse_time,
    split_leading_time,
)

NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz="UTC")  # a Friday; 11:00 in Berlin
LATE = pendulum.datetime(2026, 11, 20, 23, 30, tz="UTC")  # already 21 Nov in Berlin
JAN = pendulum.datetime(2027, 1, 3, 12, 0, tz="UTC")
B, UTC, IN, SP = "Europe/Berlin", "UTC", "Asia/Kolkata", "America/Sao_Paulo"
INCIDENT = date(2026, 11, 18)
FRI, SAT, SUN, MON = (date(2026, 11, d) for d in (20, 21, 22, 16))
HINT = "Try 09:04, 2026-11-18 09:04, 18 Nov 09:04"


# --- parse_time --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tz", "now", "ref", "expected"),
    [
        ("09:04", B, NOW, INCIDENT, "2026-11-18T09:04:00+01:00"),
        ("9:04", B, NOW, INCIDENT, "2026-11-18T09:04:00+01:00"),
        ("09:04:30", B, NOW, INCIDENT, "2026-11-18T09:04:30+01:00"),
        ("  09:04  ", B, NOW, INCIDENT, "2026-11-18T09:04:00+01:00"),
        ("00:00", B, NOW, INCIDENT, "2026-11-18T00:00:00+01:00"),
        ("23:59:59", B, NOW, INCIDENT, "2026-11-18T23:59:59+01:00"),
        ("9:04 pm", B, NOW, INCIDENT, "2026-11-18T21:04:00+01:00"),
        ("12:10AM", B, NOW, INCIDENT, "2026-11-18T00:10:00+01:00"),
        ("12:10 pm", B, NOW, INCIDENT, "2026-11-18T12:10:00+01:00"),
        ("09:04", B, NOW, None, "2026-11-20T09:04:00+01:00"),  # today in tz
        ("09:04", B, LATE, None, "2026-11-21T09:04:00+01:00"),  # Berlin is a day on
        ("09:04", UTC, LATE, None, "2026-11-20T09:04:00+00:00"),
        ("2026-11-18 09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("2026-11-18T09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("2026-11-18t09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("2026-11-18 09:04:30", B, NOW, None, "2026-11-18T09:04:30+01:00"),
        ("18 Nov 09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("18 NOV 09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("Nov 18 09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("18 November 09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("18 Nov 2026 09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("Nov 18, 2026 09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("18  nov   09:04", B, NOW, None, "2026-11-18T09:04:00+01:00"),
        ("18 Nov 2025 09:04", B, NOW, None, "2025-11-18T09:04:00+01:00"),
        ("30 Dec 10:00", B, JAN, None, "2026-12-30T10:00:00+01:00"),  # last year
        ("2 Jan 10:00", B, NOW, date(2026, 12, 30), "2027-01-02T10:00:00+01:00"),
        ("29 Feb 10:00", B, NOW, date(2028, 3, 1), "2028-02-29T10:00:00+01:00"),
        ("2028-02-29 10:00", UTC, NOW, None, "2028-02-29T10:00:00+00:00"),
        ("today 09:04", B, NOW, INCIDENT, "2026-11-20T09:04:00+01:00"),
        ("TODAY 09:04", B, LATE, INCIDENT, "2026-11-21T09:04:00+01:00"),
        ("yesterday 23:50", B, NOW, INCIDENT, "2026-11-19T23:50:00+01:00"),
        ("now", B, NOW, INCIDENT, "2026-11-20T11:00:00+01:00"),
        (" NOW ", IN, NOW, None, "2026-11-20T15:30:00+05:30"),
        ("2026-11-18T09:04:00+05:30", B, NOW, None, "2026-11-18T04:34:00+01:00"),
        ("2026-11-18T09:04+0530", UTC, NOW, None, "2026-11-18T03:34:00+00:00"),
        ("2026-11-18 09:04 +05:30", UTC, NOW, None, "2026-11-18T03:34:00+00:00"),
        ("2026-11-18T03:34Z", B, NOW, None, "2026-11-18T04:34:00+01:00"),
        (
            "2026-11-18t03:34:10.250z",
            UTC,
            NOW,
            None,
            "2026-11-18T03:34:10.250000+00:00",
        ),
        ("2026-11-18 09:04", IN, NOW, None, "2026-11-18T09:04:00+05:30"),
        ("2026-11-18 09:04", SP, NOW, None, "2026-11-18T09:04:00-03:00"),
        # DST fold (clocks go back 03:00 -> 02:00): the first 02:30, still CEST.
        ("2026-10-25 02:30", B, NOW, None, "2026-10-25T02:30:00+02:00"),
        ("2026-10-25 03:30", B, NOW, None, "2026-10-25T03:30:00+01:00"),
        ("2026-10-25T02:30+01:00", B, NOW, None, "2026-10-25T02:30:00+01:00"),
        ("2026-03-29 01:59", B, NOW, None, "2026-03-29T01:59:00+01:00"),
        ("2026-03-29 03:00", B, NOW, None, "2026-03-29T03:00:00+02:00"),
    ],
)
def test_parse_time_reads(text, tz, now, ref, expected):
    result = parse_time(text, tz=tz, now=now, ref_date=ref)
    assert isinstance(result, pendulum.DateTime)
    assert result.isoformat() == expected
    assert result.timezone_name == tz


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "A time is needed here. " + HINT),
        ("   ", "A time is needed here."),
        ("9:7x", f"Could not read '9:7x'. {HINT}"),
        ("nine", "Could not read 'nine'."),
        ("0904", "Could not read '0904'."),
        ("9", "Could not read '9'."),
        ("nowish", "Could not read 'nowish'."),
        ("tomorrow 09:04", "Could not read 'tomorrow 09:04'."),
        ("25:00", "'25:00' is not a time of day: use hours 00-23"),
        ("09:60", "'09:60' is not a time of day"),
        ("09:04:61", "is not a time of day"),
        ("13:00 pm", "with am/pm the hour goes 1-12"),
        ("0:10 am", "with am/pm the hour goes 1-12"),
        ("18/11 09:04", "'18/11' is ambiguous (day/month or month/day?)"),
        ("11/18/2026 09:04", "'11/18/2026' is ambiguous"),
        ("18 Nov", "'18 Nov' needs a time of day too, e.g. 18 Nov 09:04."),
        ("2026-11-18", "needs a time of day too"),
        ("yesterday", "'yesterday' needs a time of day too"),
        ("31 Nov 09:00", "'31 Nov 09:00' is not a date: Nov 2026 has no day 31."),
        ("2027-02-29 10:00", "Feb 2027 has no day 29"),
        ("2026-13-01 10:00", "there is no month 13"),
        ("18 Foo 09:04", "Could not read '18 Foo 09:04'."),
        ("2026-03-29 02:30", "02:30 on 2026-03-29 does not exist in Europe/Berlin"),
        ("2026-03-29 02:00", "did you mean 03:00?"),
        ("2026-03-29 02:30", "the clocks jump forward over it; did you mean 03:30?"),
        ("2026-11-18T25:04Z", "Could not read '2026-11-18T25:04Z'."),
    ],
)
def test_parse_time_refuses(text, message):
    with pytest.raises(TimeParseError) as caught:
        parse_time(text, tz=B, now=NOW, ref_date=date(2026, 11, 18))
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_parse_time_unknown_zone():
    with pytest.raises(TimeParseError, match="Unknown time zone 'Mars/Base'"):
        parse_time("09:04", tz="Mars/Base", now=NOW)


def test_parse_time_no_year_29_feb_far_from_a_leap_year():
    with pytest.raises(TimeParseError, match="Feb 2026 has no day 29"):
        parse_time("29 Feb 10:00", tz=B, now=NOW)


# --- split_leading_time and parse_offset -------------------------------------

PREV = pendulum.datetime(2026, 11, 18, 9, 4, tz=B)
P_UTC = pendulum.datetime(2026, 11, 18, 8, 4, tz=UTC)  # PREV, seen from UTC
P_FOLD = pendulum.datetime(2026, 10, 25, 2, 30, tz=B, fold=0)  # first 02:30
P_DST = pendulum.datetime(2026, 10, 24, 12, 0, tz=B)  # the day before the fold
P_STDLIB = datetime(2026, 10, 24, 12, 0, tzinfo=ZoneInfo(B))  # not pendulum
P_2350 = pendulum.datetime(2026, 11, 18, 23, 50, tz=B)


@pytest.mark.parametrize(
    ("line", "previous", "expected", "rest"),
    [
        (
            "09:11 error-rate alert fired",
            PREV,
            "2026-11-18T09:11:00+01:00",
            "error-rate alert fired",
        ),
        ("  9:11   Alert  ", None, "2026-11-18T09:11:00+01:00", "Alert"),
        ("09:11", None, "2026-11-18T09:11:00+01:00", ""),
        ("09:11:30 x", None, "2026-11-18T09:11:30+01:00", "x"),
        ("9:04 pm paged", None, "2026-11-18T21:04:00+01:00", "paged"),
        ("9:04 amazon down", None, "2026-11-18T09:04:00+01:00", "amazon down"),
        ("+7m rollback started", PREV, "2026-11-18T09:11:00+01:00", "rollback started"),
        ("+1h x", PREV, "2026-11-18T10:04:00+01:00", "x"),
        ("+1h30m x", PREV, "2026-11-18T10:34:00+01:00", "x"),
        ("+90s x", PREV, "2026-11-18T09:05:30+01:00", "x"),
        ("+2d x", PREV, "2026-11-20T09:04:00+01:00", "x"),
        ("+7M X", PREV, "2026-11-18T09:11:00+01:00", "X"),
        ("+0m same moment", PREV, "2026-11-18T09:04:00+01:00", "same moment"),
        # previous in another zone: converted; an offset is elapsed time.
        ("+7m x", P_UTC, "2026-11-18T09:11:00+01:00", "x"),
        ("+1h x", P_FOLD, "2026-10-25T02:30:00+01:00", "x"),
        ("+1d x", P_DST, "2026-10-25T11:00:00+01:00", "x"),
        ("+1d x", P_STDLIB, "2026-10-25T11:00:00+01:00", "x"),
        ("now deploy", PREV, "2026-11-20T11:00:00+01:00", "deploy"),
        ("Now", None, "2026-11-20T11:00:00+01:00", ""),
        ("2026-11-18 09:11 x", None, "2026-11-18T09:11:00+01:00", "x"),
        ("2026-11-17T23:58 x", None, "2026-11-17T23:58:00+01:00", "x"),
        ("18 Nov 09:11 x", None, "2026-11-18T09:11:00+01:00", "x"),
        ("Nov 17 09:11 x", None, "2026-11-17T09:11:00+01:00", "x"),
        ("18 Nov 2026 09:11 x y", None, "2026-11-18T09:11:00+01:00", "x y"),
        ("2026-11-18T08:11:00Z x", None, "2026-11-18T09:11:00+01:00", "x"),
        ("2026-11-18T09:11:00+05:30 x", None, "2026-11-18T04:41:00+01:00", "x"),
        ("yesterday 23:50 x", None, "2026-11-19T23:50:00+01:00", "x"),
        ("today 00:05 x", None, "2026-11-20T00:05:00+01:00", "x"),
        # Midnight: a bare time stays on ref_date even 23 h before previous.
        ("00:10 x", P_2350, "2026-11-18T00:10:00+01:00", "x"),
        ("19 Nov 00:10 x", P_2350, "2026-11-19T00:10:00+01:00", "x"),
        ("+20m x", P_2350, "2026-11-19T00:10:00+01:00", "x"),
    ],
)
def test_split_leading_time_reads(line, previous, expected, rest):
    at, text = split_leading_time(
        line, tz=B, now=NOW, ref_date=INCIDENT, previous=previous
    )
    assert at is not None
    assert at.isoformat() == expected
    assert at.timezone_name == B
    assert text == rest


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("error-rate alert fired", "error-rate alert fired"),
        ("  padded text  ", "padded text"),
        ("", ""),
        ("nowhere to be seen", "nowhere to be seen"),
        ("Now-ish the pager went off", "Now-ish the pager went off"),
        ("18 Nov the deploy", "18 Nov the deploy"),
        ("1/2 of traffic failed", "1/2 of traffic failed"),
        ("- bullet 09:11", "- bullet 09:11"),
        ("500 errors at 09:11", "500 errors at 09:11"),
        ("+ extra", "+ extra"),
    ],
)
def test_split_leading_time_without_a_time(line, rest):
    assert split_leading_time(
        line, tz=B, now=NOW, ref_date=INCIDENT, previous=PREV
    ) == (None, rest)


@pytest.mark.parametrize(
    ("line", "previous", "message"),
    [
        ("+7m x", None, "+7m needs an earlier event to count from"),
        ("+7x x", PREV, "Could not read '+7x' as a time offset. Try +7m"),
        ("+7 x", PREV, "Could not read '+7' as a time offset"),
        ("25:00 x", PREV, "'25:00' is not a time of day"),
        ("9:7x alert", PREV, "Could not read the time at the start of '9:7x alert'"),
        ("2026-11-18 x", PREV, "Could not read the time at the start of"),
        ("18/11 09:04 x", PREV, "'18/11' is ambiguous"),
        ("2026-03-29 02:30 x", PREV, "does not exist in Europe/Berlin"),
        ("31 Nov 09:00 x", PREV, "Nov 2026 has no day 31"),
    ],
)
def test_split_leading_time_refuses(line, previous, message):
    with pytest.raises(TimeParseError) as caught:
        split_leading_time(line, tz=B, now=NOW, ref_date=INCIDENT, previous=previous)
    assert message in str(caught.value)


def test_split_leading_time_defaults_to_today_in_zone():
    at, rest = split_leading_time("09:11 x", tz=B, now=LATE)
    assert (at, rest) == (pendulum.datetime(2026, 11, 21, 9, 11, tz=B), "x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+7m", timedelta(minutes=7)),
        (" +1h ", timedelta(hours=1)),
        ("+1h30m", timedelta(hours=1, minutes=30)),
        ("+90s", timedelta(seconds=90)),
        ("+2d", timedelta(days=2)),
        ("+1d2h3m4s", timedelta(days=1, hours=2, minutes=3, seconds=4)),
        ("+30m1h", timedelta(hours=1, minutes=30)),
        ("+5min", timedelta(minutes=5)),
        ("7m", None),
        ("09:04", None),
        ("", None),
        ("-5m", None),
    ],
)
def test_parse_offset(text, expected):
    assert parse_offset(text) == expected


@pytest.mark.parametrize(
    "text", ["+", "+7", "+7x", "+1h 30m", "+m", "+1h1h", "+1.5h", "+99999999999d"]
)
def test_parse_offset_refuses(text):
    with pytest.raises(TimeParseError, match=r"Try \+7m|far too long"):
        parse_offset(text)


# --- parse_due ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("2026-12-04", FRI, date(2026, 12, 4)),
        ("2026-1-5", FRI, date(2026, 1, 5)),  # in the past: still that date
        ("4 Dec", FRI, date(2026, 12, 4)),
        ("Dec 4", FRI, date(2026, 12, 4)),
        ("dec 4th", FRI, date(2026, 12, 4)),
        ("4 December", FRI, date(2026, 12, 4)),
        ("4 December 2026", FRI, date(2026, 12, 4)),
        ("December 4, 2027", FRI, date(2027, 12, 4)),
        ("20 Nov", FRI, date(2026, 11, 20)),  # on or after today
        ("19 Nov", FRI, date(2027, 11, 19)),
        ("8 jan", FRI, date(2027, 1, 8)),
        ("29 Feb", FRI, date(2028, 2, 29)),  # the next leap year
        ("29 Feb", date(2028, 2, 29), date(2028, 2, 29)),
        ("today", FRI, FRI),
        ("  Tomorrow ", FRI, date(2026, 11, 21)),
        ("tomorrow", date(2028, 2, 28), date(2028, 2, 29)),
        ("fri", FRI, date(2026, 11, 27)),  # today is Friday: a week on
        ("Friday", FRI, date(2026, 11, 27)),
        ("fri", MON, date(2026, 11, 20)),
        ("sat", FRI, date(2026, 11, 21)),
        ("thu", FRI, date(2026, 11, 26)),
        ("thurs", FRI, date(2026, 11, 26)),
        ("mon", SUN, date(2026, 11, 23)),
        ("next friday", FRI, date(2026, 11, 27)),
        ("next friday", MON, date(2026, 11, 27)),
        ("next friday", SAT, date(2026, 11, 27)),
        ("next friday", SUN, date(2026, 11, 27)),
        ("next  fri", date(2026, 11, 19), date(2026, 11, 27)),
        ("next monday", SUN, date(2026, 11, 23)),
        ("next monday", MON, date(2026, 11, 23)),
        ("next sunday", MON, date(2026, 11, 29)),
        ("+3d", FRI, date(2026, 11, 23)),
        ("+2w", FRI, date(2026, 12, 4)),
        ("+1m", FRI, date(2026, 12, 20)),
        ("+1M", date(2026, 1, 31), date(2026, 2, 28)),
        ("+1m", date(2028, 1, 31), date(2028, 2, 29)),
        ("+1m", date(2026, 3, 31), date(2026, 4, 30)),
        ("+1y", date(2028, 2, 29), date(2029, 2, 28)),
        ("+0d", FRI, FRI),
        ("in 2 weeks", FRI, date(2026, 12, 4)),
        ("in 3 days", FRI, date(2026, 11, 23)),
        ("in a week", FRI, date(2026, 11, 27)),
        ("in 1 day", FRI, date(2026, 11, 21)),
        ("in a month", date(2028, 1, 31), date(2028, 2, 29)),
        ("in two months", FRI, date(2027, 1, 20)),
        ("in an year", FRI, date(2027, 11, 20)),
        ("end of month", FRI, date(2026, 11, 30)),
        ("EOM", date(2026, 12, 31), date(2026, 12, 31)),
        ("eom", date(2028, 2, 3), date(2028, 2, 29)),
        ("eom", date(2027, 2, 3), date(2027, 2, 28)),
        ("end of week", FRI, FRI),
        ("eow", MON, FRI),
        ("eow", SAT, date(2026, 11, 27)),
        ("eow", SUN, date(2026, 11, 27)),
        ("next week", FRI, date(2026, 11, 23)),
        ("next week", SUN, date(2026, 11, 23)),
        ("next week", MON, date(2026, 11, 23)),
        ("next month", FRI, date(2026, 12, 1)),
        ("next month", date(2026, 12, 31), date(2027, 1, 1)),
    ],
)
def test_parse_due_reads(text, today, expected):
    assert parse_due(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "A due date is needed here. Try 2026-12-04, 4 Dec, fri, next friday"),
        ("soon", "Could not read 'soon' as a due date. Try 2026-12-04"),
        ("4/12", "'4/12' is ambiguous (day/month or month/day?)"),
        ("12/4/2026", "'12/4/2026' is ambiguous"),
        ("31 Nov", "'31 Nov' is not a date: Nov 2026 has no day 31."),
        ("2026-02-29", "Feb 2026 has no day 29"),
        ("2026-00-10", "there is no month 0"),
        ("+3", "Could not read '+3'"),
        ("+3h", "Could not read '+3h'"),
        ("in weeks", "Could not read 'in weeks'"),
        ("next", "Could not read 'next'"),
        ("last friday", "Could not read 'last friday'"),
        ("+9999y", "is past the calendar's end"),
    ],
)
def test_parse_due_refuses(text, message):
    with pytest.raises(TimeParseError) as caught:
        parse_due(text, today=FRI)
    assert message in str(caught.value)


# --- parse_duration, humanize_duration, exact_duration -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15m", timedelta(minutes=15)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("1h 30m", timedelta(hours=1, minutes=30)),
        ("90", timedelta(minutes=90)),
        (" 90 ", timedelta(minutes=90)),
        ("90 min", timedelta(minutes=90)),
        ("90 MINUTES", timedelta(minutes=90)),
        ("2 hours 15 minutes", timedelta(hours=2, minutes=15)),
        ("1 hr", timedelta(hours=1)),
        ("45s", timedelta(seconds=45)),
        ("2d", timedelta(days=2)),
        ("0", timedelta(0)),
        ("0m", timedelta(0)),
    ],
)
def test_parse_duration_reads(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "A duration is needed here. Try 15m"),
        ("soon", "Could not read 'soon' as a duration. Try 15m, 1h30m, 90"),
        ("1.5h", "Could not read '1.5h'"),
        ("-5m", "Could not read '-5m'"),
        ("1h1h", "Could not read '1h1h'"),
        ("1h30", "Could not read '1h30'"),
        ("15 parsecs", "Could not read '15 parsecs'"),
        ("+15m", "Could not read '+15m'"),
        ("99999999999d", "far too long"),
    ],
)
def test_parse_duration_refuses(text, message):
    with pytest.raises(TimeParseError) as caught:
        parse_duration(text)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("td", "human", "exact"),
    [
        (timedelta(minutes=17), "17 minutes", "0:17:00"),
        (timedelta(minutes=17, seconds=59), "17 minutes", "0:17:59"),
        (timedelta(minutes=1), "1 minute", "0:01:00"),
        (timedelta(hours=1, minutes=2), "1 hour 2 minutes", "1:02:00"),
        (timedelta(hours=1), "1 hour", "1:00:00"),
        (timedelta(hours=1, seconds=30), "1 hour", "1:00:30"),
        (timedelta(hours=23, minutes=59), "23 hours 59 minutes", "23:59:00"),
        (timedelta(days=1), "1 day", "1d 00:00:00"),
        (timedelta(days=2, hours=3, minutes=4), "2 days 3 hours", "2d 03:04:00"),
        (timedelta(days=1, hours=2, minutes=3), "1 day 2 hours", "1d 02:03:00"),
        (timedelta(days=2, minutes=5), "2 days", "2d 00:05:00"),
        (timedelta(seconds=45), "45 seconds", "0:00:45"),
        (timedelta(seconds=1), "1 second", "0:00:01"),
        (timedelta(0), "0 minutes", "0:00:00"),
        (timedelta(milliseconds=400), "0 minutes", "0:00:00"),
        (timedelta(minutes=-17), "-17 minutes", "-0:17:00"),
        (timedelta(days=-1, hours=-2), "-1 day 2 hours", "-1d 02:00:00"),
        (timedelta(microseconds=-1), "0 minutes", "0:00:00"),
    ],
)
def test_duration_display(td, human, exact):
    assert humanize_duration(td) == human
    assert exact_duration(td) == exact


# --- format_time, format_due --------------------------------------------------

T = pendulum.datetime(2026, 11, 18, 8, 4, tz=UTC)
T_2330 = pendulum.datetime(2026, 11, 18, 23, 30, tz=UTC)  # 00:30 next day in Berlin
JULY = pendulum.datetime(2026, 7, 1, 8, 4, tz=UTC)
STDLIB = datetime.fromisoformat("2026-11-18T09:04:00+01:00")
FOLD_1ST = pendulum.datetime(2026, 10, 25, 0, 30, tz=UTC)  # 02:30 CEST
FOLD_2ND = pendulum.datetime(2026, 10, 25, 1, 30, tz=UTC)  # 02:30 CET


@pytest.mark.parametrize(
    ("dt", "tz", "kwargs", "expected"),
    [
        (T, B, {"ref_date": INCIDENT}, "09:04 CET (08:04 UTC)"),
        (T, B, {}, "Wed 18 Nov 09:04 CET (08:04 UTC)"),
        (T, B, {"ref_date": date(2026, 11, 17)}, "Wed 18 Nov 09:04 CET (08:04 UTC)"),
        (T, B, {"ref_date": date(2027, 1, 2)}, "Wed 18 Nov 2026 09:04 CET (08:04 UTC)"),
        (T, B, {"ref_date": INCIDENT, "with_utc": False}, "09:04 CET"),
        (T, UTC, {"ref_date": INCIDENT}, "08:04 UTC"),
        (T, UTC, {}, "Wed 18 Nov 08:04 UTC"),
        (T, "Europe/London", {"ref_date": INCIDENT}, "08:04 GMT"),
        (T, IN, {"ref_date": INCIDENT}, "13:34 IST (08:04 UTC)"),
        (T, SP, {"ref_date": INCIDENT}, "05:04 UTC-03 (08:04 UTC)"),
        (T, "Asia/Kathmandu", {"ref_date": INCIDENT}, "13:49 UTC+05:45 (08:04 UTC)"),
        (T.add(seconds=30), B, {"ref_date": INCIDENT}, "09:04:30 CET (08:04:30 UTC)"),
        (JULY, B, {"ref_date": date(2026, 7, 1)}, "10:04 CEST (08:04 UTC)"),
        (T_2330, B, {"ref_date": INCIDENT}, "Thu 19 Nov 00:30 CET (23:30 UTC)"),
        (STDLIB, B, {"ref_date": INCIDENT}, "09:04 CET (08:04 UTC)"),
        (FOLD_1ST, B, {}, "Sun 25 Oct 02:30 CEST (00:30 UTC)"),
        (FOLD_2ND, B, {}, "Sun 25 Oct 02:30 CET (01:30 UTC)"),
    ],
)
def test_format_time(dt, tz, kwargs, expected):
    assert format_time(dt, tz, **kwargs) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 12, 4), "Fri 4 Dec"),
        (date(2026, 11, 20), "Fri 20 Nov"),
        (date(2027, 1, 8), "Fri 8 Jan 2027"),
        (date(2025, 12, 31), "Wed 31 Dec 2025"),
        (date(2028, 2, 29), "Tue 29 Feb 2028"),
    ],
)
def test_format_due(d, expected):
    assert format_due(d, today=FRI) == expected


@pytest.mark.parametrize(
    "text", ["09:04", "18 Nov 09:04:30", "yesterday 23:59", "now", "2026-12-31 10:00"]
)
def test_format_time_shows_what_parse_time_reads_back(text):
    at = parse_time(text, tz=B, now=NOW, ref_date=INCIDENT).replace(microsecond=0)
    shown = format_time(at, B, with_utc=False)  # e.g. "Wed 18 Nov 09:04 CET"
    _weekday, day, month, clock, zone_name = shown.split(" ")
    assert zone_name == "CET"
    assert parse_time(f"{day} {month} {clock}", tz=B, now=NOW) == at


@pytest.mark.parametrize(
    "d", [date(2026, 11, 20), date(2026, 12, 4), date(2027, 1, 8), date(2028, 2, 29)]
)
def test_format_due_shows_what_parse_due_reads_back(d):
    shown = format_due(d, today=FRI)  # e.g. "Fri 4 Dec"
    assert parse_due(shown.split(" ", 1)[1], today=FRI) == d
